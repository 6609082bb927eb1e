"""EspoCRM (CRM, PHP, MySQL): a held-out schema (issue #10), labelled before any scan and
never tuned on. The tables as EspoCRM's ORM builds them from the ``entityDefs`` JSON
(``application/Espo/Resources/metadata/entityDefs/*.json`` and
``application/Espo/Modules/Crm/Resources/metadata/entityDefs/*.json``): entity ``Contact``
becomes table ``contact``, fields become snake_case columns; every table has a 17-character
``id`` and ``deleted``; ``link`` fields are ``<name>_id`` (``varchar(17)``),
``linkParent`` ``<name>_id`` + ``<name>_type``; ``personName`` and ``address`` are only
their parts (``first_name``, ``address_city``...); ``email`` and ``phone`` fields are not
columns: addresses and numbers live in ``email_address``/``phone_number`` and are joined
to any entity by ``entity_email_address``/``entity_phone_number``; ``enum`` and ``varchar``
default to 255, ``currency`` adds ``<name>_currency``, ``datetimeOptional`` adds
``<name>_date``. Not-storable, foreign and ``linkMultiple`` fields are left out. The ORM
declares no foreign keys: every reference is generated as values
(``user.contact_id``, the portal user's contact, as ids without a matching row, which
would otherwise close a cycle with the audit columns). 17 tables; ``user`` and
``email`` column subsets.

Tables: user (user name, bcrypt or SHA-512 crypt password, API key, names, gender),
contact and lead (names, street address, descriptions naming people, lead web site),
account (companies with billing and shipping addresses), account_contact, email_address,
entity_email_address, phone_number (as typed and digits only), entity_phone_number, email
(subjects, ``from_string`` "Name <address>", ``address_name_map`` JSON, plain and HTML
bodies, iCalendar invitations with attendees), email_email_address (to/cc/bcc),
meeting, case, note (stream posts and JSON data with assigned user names), auth_token
(token, hash, secret, IP), auth_log_record (user name tried, IP), password_change_request.
"""

from __future__ import annotations

import json

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import (
    SUPPORT_MESSAGES,
    col,
    datetimes,
    longtext,
    mediumtext,
    new_person,
    password_hash,
    table,
    token_of,
)
from ..gen import with_params as _p

SOURCE = {"repo": "espocrm/espocrm",
          "path": "application/Espo/Resources/metadata/entityDefs/{User,Email,EmailAddress,"
                  "PhoneNumber,AuthToken,AuthLogRecord,PasswordChangeRequest,Note}.json, "
                  "application/Espo/Modules/Crm/Resources/metadata/entityDefs/{Contact,Lead,"
                  "Account,Meeting,Case}.json",
          "commit": "2cde9d980f84cfc3caa1adf3275a0817e1e49bfa"}
PERSON_TABLES = ("user", "contact", "lead")

I = sa.Integer  # noqa: E741
S = sa.String
T = sa.Text
TS = sa.DateTime
D = sa.Date
B = sa.Boolean
F = sa.Float

_ts = datetimes(2017, 2025)
_id = token_of(17, "hex")


def _idcol():  # type: ignore[no-untyped-def]
    return col("id", S(17), _id, pk=True)


def _deleted():  # type: ignore[no-untyped-def]
    return col("deleted", B, lambda c: c.rng.random() < 0.05, null=0.0)


def _audit(*, assigned: bool = True):  # type: ignore[no-untyped-def]
    cols = [col("created_at", TS, _ts, null=0.02),
            col("modified_at", TS, _ts, null=0.05),
            col("created_by_id", S(17), ref="user.id", null=0.05),
            col("modified_by_id", S(17), ref="user.id", null=0.3)]
    if assigned:
        cols.append(col("assigned_user_id", S(17), ref="user.id", null=0.2))
    return cols


def _address(prefix: str, company: bool = False):  # type: ignore[no-untyped-def]
    n = 0.15 if company else 0.35
    return [col(f"{prefix}_street", T, "street", null=n),
            col(f"{prefix}_city", S(255), "city", null=n),
            col(f"{prefix}_state", S(255), "state", null=n + 0.2),
            col(f"{prefix}_country", S(255), "country", null=n),
            col(f"{prefix}_postal_code", S(255), "postcode", null=n)]


def _crm_pw(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.6:
        return password_hash(_p(c, style="bcrypt"))
    salt = G["token"](_p(c, n=16, style="url"))
    return f"$6${salt}${G['token'](_p(c, n=86, style='url'))}"


def _describe(c):  # type: ignore[no-untyped-def]
    p = c.person
    return c.rng.choice([
        "", "", "Met at the trade fair in Hannover.",
        f"Prefers calls after 5pm on {G['phone'](c)}.",
        f"Assistant: {new_person(c)['first']} {new_person(c)['last']}",
        f"{p['first']} is moving to {p['f'].city()} in spring.",
        "Interested in the enterprise plan.", "Do not contact before Q3.",
        f"Private e-mail: {p['email']}", "Bounced twice."])


def _lead_site(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.3:
        return G["personal_url"](c)
    return f"https://www.{c.fakers['en_US'].domain_name()}"


def _email_subject(c):  # type: ignore[no-untyped-def]
    p = c.person
    return c.rng.choice([
        "Re: Quote #2024-117", "Invitation: Product demo", "Your support case has been updated",
        f"Meeting with {p['first']} {p['last']}", "Fwd: contract draft v3", "Newsletter March",
        "Re: Re: invoice overdue", f"Bewerbung {p['last']}", "Angebot anbei", "(no subject)"])


def _from_string(c):  # type: ignore[no-untyped-def]
    p = c.person
    return c.rng.choice([f"{p['first']} {p['last']} <{p['email']}>", p["email"],
                         f'"{p["last"]}, {p["first"]}" <{p["email"]}>',
                         "EspoCRM <noreply@crm.example.com>"])


def _name_map(c):  # type: ignore[no-untyped-def]
    p = c.person
    if c.rng.random() < 0.3:
        return None
    return json.dumps({p["email"]: f"{p['first']} {p['last']}"}, ensure_ascii=False)


def _body_plain(c):  # type: ignore[no-untyped-def]
    p = c.person
    what = c.rng.choice(["please find the quote attached.", "thanks for the call today.",
                         "your case was closed."])
    return (f"Hello {p['first']},\n\n{what}"
            f"\n\nKind regards\n{new_person(c)['first']} {new_person(c)['last']}\n"
            f"{G['phone'](c)}")


def _body_html(c):  # type: ignore[no-untyped-def]
    return "<p>" + _body_plain(c).replace("\n\n", "</p><p>").replace("\n", "<br>") + "</p>"


def _ics(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.85:
        return None
    a = new_person(c)
    return ("BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:"
            f"{G['uuid_str'](c)}\r\nSUMMARY:Demo\r\nORGANIZER;CN={a['first']} {a['last']}:"
            f"mailto:{a['email']}\r\nATTENDEE;CN={c.person['first']}:mailto:"
            f"{c.person['email']}\r\nEND:VEVENT\r\nEND:VCALENDAR")


def _parent_type(c):  # type: ignore[no-untyped-def]
    return c.rng.choice(["Contact", "Contact", "Lead", "Lead", "Account", "Case"])


def _note_post(c):  # type: ignore[no-untyped-def]
    if c.row.get("type") != "Post":
        return None
    p = new_person(c)
    return c.rng.choice([f"Called {p['first']} {p['last']}, will send the offer tomorrow.",
                         "Contract signed 🎉", f"@{p['username']} can you follow up?",
                         "Customer asked for a discount.", f"New mobile: {G['phone'](c)}"])


def _note_data(c):  # type: ignore[no-untyped-def]
    t = c.row.get("type")
    p = new_person(c)
    if t == "Assign":
        return json.dumps({"assignedUserId": _id(c),
                           "assignedUserName": f"{p['first']} {p['last']}"}, ensure_ascii=False)
    if t == "Update":
        return json.dumps({"fields": ["status"], "attributes": {"was": {"status": "New"},
                                                                "became": {"status": "Assigned"}}})
    if t == "EmailReceived":
        return json.dumps({"emailId": _id(c), "emailName": "Re: Quote",
                           "personEntityName": f"{p['first']} {p['last']}",
                           "personEntityType": "Contact"}, ensure_ascii=False)
    return json.dumps({})


def _phone_digits(c):  # type: ignore[no-untyped-def]
    return "".join(ch for ch in c.row["name"] if ch.isdigit())[:36]


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "user", 40,
          _idcol(), _deleted(),
          col("user_name", S(50), "username", unique=True, null=0.02),
          col("type", S(24), "choice", values=["regular"] * 6 + ["admin", "portal", "api",
                                                                  "system"]),
          col("password", S(150), _crm_pw, null=0.1),
          col("password_version", I, "choice", values=[1, 2], null=0.3),
          col("auth_method", S(24), "choice", values=["ApiKey", "Hmac"], null=0.9),
          col("api_key", S(100), token_of(32, "hex"), null=0.85),
          col("salutation_name", S(255), "choice", values=["", "Mr.", "Ms.", "Mrs.", "Dr."],
              null=0.3),
          col("first_name", S(100), "first_name", null=0.05),
          col("last_name", S(100), "last_name", null=0.02),
          col("is_active", B, "bool"),
          col("title", S(100), "choice", values=["Sales Manager", "Support", "CEO", ""],
              null=0.4),
          col("default_team_id", S(17), _id, null=0.5),
          col("contact_id", S(17), _id, null=0.85),
          col("avatar_id", S(17), _id, null=0.6),
          col("avatar_color", S(7), "choice", values=["#6FA8D6", "#E8A849", "#A0D468"],
              null=0.5),
          col("gender", S(255), "choice", values=["", "Male", "Female", "Neutral"], null=0.2),
          col("created_at", TS, _ts, null=0.02),
          col("modified_at", TS, _ts, null=0.05),
          col("created_by_id", S(17), "choice", values=["system"], null=0.5),
          col("dashboard_template_id", S(17), _id, null=0.9),
          col("working_time_calendar_id", S(17), _id, null=0.9),
          col("layout_set_id", S(17), _id, null=0.9))
    table(md, "account", 40,
          _idcol(), _deleted(),
          col("name", S(249), "company", null=0.0),
          col("website", S(255), "url", null=0.3),
          col("type", S(255), "choice", values=["", "Customer", "Investor", "Partner",
                                                "Reseller"], null=0.1),
          col("industry", S(255), "choice", values=["", "Advertising", "Aerospace",
                                                    "Agriculture", "Software"], null=0.2),
          col("sic_code", S(40), "choice", values=["7372", "5045", "8742", ""], null=0.6),
          *_address("billing_address", company=True),
          *_address("shipping_address", company=True),
          col("description", T, "choice", values=["", "Key account since 2019.",
                                                  "Pays late, prepayment only.",
                                                  "Subsidiary of a Dutch holding."], null=0.4),
          col("campaign_id", S(17), _id, null=0.8),
          col("is_locked", B, "bool"),
          *_audit())
    table(md, "contact", 120,
          _idcol(), _deleted(),
          col("salutation_name", S(255), "choice", values=["", "Mr.", "Ms.", "Mrs.", "Dr."],
              null=0.2),
          col("first_name", S(100), "first_name", null=0.05, empty=0.03),
          col("last_name", S(100), "last_name"),
          col("description", T, _describe, null=0.3),
          col("do_not_call", B, "bool"),
          *_address("address"),
          col("account_id", S(17), ref="account.id", null=0.3),
          col("campaign_id", S(17), _id, null=0.8),
          *_audit())
    table(md, "lead", 100,
          _idcol(), _deleted(),
          col("salutation_name", S(255), "choice", values=["", "Mr.", "Ms.", "Mrs.", "Dr."],
              null=0.2),
          col("first_name", S(100), "first_name", null=0.05),
          col("last_name", S(100), "last_name", null=0.02),
          col("title", S(100), "choice", values=["CTO", "Head of Purchasing", "Owner", ""],
              null=0.4),
          col("status", S(255), "choice", values=["New", "Assigned", "In Process",
                                                  "Converted", "Recycled", "Dead"]),
          col("source", S(255), "choice", values=["", "Call", "Email", "Existing Customer",
                                                  "Partner", "Web Site", "Campaign"], null=0.1),
          col("industry", S(255), "choice", values=["", "Retail", "Software", "Healthcare"],
              null=0.3),
          col("opportunity_amount", F, "money", null=0.6),
          col("opportunity_amount_currency", S(3), "choice", values=["EUR", "USD", "GBP"],
              null=0.6),
          col("website", S(255), _lead_site, null=0.5),
          *_address("address"),
          col("do_not_call", B, "bool"),
          col("description", T, _describe, null=0.3),
          col("converted_at", TS, _ts, null=0.8),
          col("account_name", S(255), "company", null=0.4),
          col("campaign_id", S(17), _id, null=0.7),
          col("created_account_id", S(17), ref="account.id", null=0.8),
          col("created_contact_id", S(17), ref="contact.id", null=0.8),
          col("created_opportunity_id", S(17), _id, null=0.8),
          *_audit())
    table(md, "account_contact", 90,
          col("id", I, pk=True, auto=True),
          col("account_id", S(17), ref="account.id"),
          col("contact_id", S(17), ref="contact.id"),
          col("role", S(100), "choice", values=["", "Decision Maker", "Purchasing", "IT"],
              null=0.3),
          col("is_inactive", B, "bool"),
          _deleted())
    table(md, "email_address", 200,
          _idcol(),
          col("name", S(255), lambda c: c.person["email"] if c.rng.random() < 0.85 else
              c.rng.choice(["info@", "sales@", "support@"]) + c.fakers["en_US"].domain_name(),
              unique=True),
          col("lower", S(255), lambda c: c.row["name"].lower()),
          col("invalid", B, "bool"),
          col("opt_out", B, "bool"),
          _deleted())
    table(md, "entity_email_address", 220,
          col("id", I, pk=True, auto=True),
          col("entity_id", S(17), ref="contact.id"),
          col("email_address_id", S(17), ref="email_address.id"),
          col("entity_type", S(100), "choice", values=["Contact", "Lead", "User", "Account"]),
          col("primary", B, "bool"),
          _deleted())
    table(md, "phone_number", 180,
          _idcol(),
          col("name", S(36), "phone", unique=True),
          col("type", S(255), "choice", values=["Mobile", "Office", "Home", "Fax", "Other"]),
          col("numeric", S(36), _phone_digits),
          col("invalid", B, "bool"),
          col("opt_out", B, "bool"),
          _deleted())
    table(md, "entity_phone_number", 200,
          col("id", I, pk=True, auto=True),
          col("entity_id", S(17), ref="lead.id"),
          col("phone_number_id", S(17), ref="phone_number.id"),
          col("entity_type", S(100), "choice", values=["Contact", "Lead", "User", "Account"]),
          col("primary", B, "bool"),
          _deleted())
    table(md, "email", 160,
          _idcol(), _deleted(),
          col("name", S(255), _email_subject),
          col("from_string", S(255), _from_string, null=0.1),
          col("reply_to_string", S(255), _from_string, null=0.7),
          col("address_name_map", T, _name_map, nullable=True),
          col("is_replied", B, "bool"),
          col("message_id", S(255), lambda c: f"<{G['token'](_p(c, n=24, style='hex'))}@"
              f"{c.rng.choice(['mail.gmail.com', 'crm.example.com', 'eu-west-1.amazonses.com'])}>",
              null=0.1),
          col("message_id_internal", S(300), lambda c: f"<{G['token'](_p(c, n=20, style='hex'))}"
              "@espo>", null=0.5),
          col("from_email_address_id", S(17), ref="email_address.id", null=0.1),
          col("body_plain", mediumtext(), _body_plain, null=0.1),
          col("body", mediumtext(), _body_html, null=0.05),
          col("is_html", B, "bool"),
          col("status", S(255), "choice", values=["Archived", "Sent", "Draft", "Sending"]),
          col("has_attachment", B, "bool"),
          col("parent_id", S(17), ref="contact.id", null=0.3),
          col("parent_type", S(100), "choice", values=["Contact", "Lead", "Account", "Case"],
              null=0.3),
          col("date_sent", TS, _ts, null=0.1),
          col("delivery_date", TS, _ts, null=0.5),
          col("send_at", TS, _ts, null=0.95),
          col("is_auto_reply", B, "bool"),
          col("sent_by_id", S(17), ref="user.id", null=0.6),
          col("replied_id", S(17), _id, null=0.7),
          col("is_system", B, "bool"),
          col("ics_contents", longtext(), _ics, nullable=True),
          col("ics_event_uid", S(255), "uuid_str", null=0.85),
          col("created_event_id", S(17), _id, null=0.9),
          col("created_event_type", S(100), "choice", values=["Meeting"], null=0.9),
          col("group_folder_id", S(17), _id, null=0.8),
          col("group_status_folder", S(7), "choice", values=["Archive", "Trash"], null=0.9),
          *_audit())
    table(md, "email_email_address", 300,
          col("id", I, pk=True, auto=True),
          col("email_id", S(17), ref="email.id"),
          col("email_address_id", S(17), ref="email_address.id"),
          col("address_type", S(4), "choice", values=["to", "to", "cc", "bcc"]),
          _deleted())
    table(md, "meeting", 60,
          _idcol(), _deleted(),
          col("name", S(255), "choice", values=["Product demo", "Quarterly review", "Kick-off",
                                                "Contract negotiation", "Schulung", "Lunch"]),
          col("status", S(255), "choice", values=["Planned", "Held", "Not Held"]),
          col("date_start", TS, _ts, null=0.05),
          col("date_end", TS, _ts, null=0.05),
          col("date_start_date", D, "date", null=0.9),
          col("date_end_date", D, "date", null=0.9),
          col("is_all_day", B, "bool"),
          col("description", T, _describe, null=0.4),
          col("parent_id", S(17), ref="lead.id", null=0.2),
          col("parent_type", S(100), _parent_type, null=0.2),
          col("account_id", S(17), ref="account.id", null=0.5),
          col("uid", S(255), "uuid_str", null=0.7),
          col("join_url", S(320), lambda c: f"https://us02web.zoom.us/j/"
              f"{c.rng.randint(10**9, 10**11)}", null=0.6),
          col("external_service", S(100), "choice", values=["Zoom", "Google Meet"], null=0.6),
          *_audit())
    table(md, "case", 70,
          _idcol(), _deleted(),
          col("name", S(255), "choice", values=["Cannot log in", "Invoice wrong",
                                                "Feature request: export", "Data import fails",
                                                "Lizenzfrage", "Refund"]),
          col("number", I, "seq", unique=True),
          col("status", S(255), "choice", values=["New", "Assigned", "Pending", "Closed"]),
          col("priority", S(255), "choice", values=["Low", "Normal", "High", "Urgent"]),
          col("type", S(255), "choice", values=["", "Question", "Incident", "Problem"]),
          col("description", T, lambda c: G["template"](_p(c, texts=SUPPORT_MESSAGES)), null=0.1),
          col("account_id", S(17), ref="account.id", null=0.3),
          col("lead_id", S(17), ref="lead.id", null=0.85),
          col("contact_id", S(17), ref="contact.id", null=0.2),
          col("inbound_email_id", S(17), _id, null=0.6),
          col("is_internal", B, "bool"),
          *_audit())
    table(md, "note", 240,
          _idcol(), _deleted(),
          col("type", S(24), "choice", values=["Post", "Post", "Assign", "Update", "Create",
                                               "EmailReceived", "Status"]),
          col("post", mediumtext(), _note_post, nullable=True),
          col("data", mediumtext(), _note_data, null=0.05),
          col("target_type", S(7), "choice", values=["all", "teams", "users"], null=0.9),
          col("parent_id", S(17), ref="contact.id", null=0.1),
          col("parent_type", S(100), _parent_type, null=0.1),
          col("related_id", S(17), _id, null=0.6),
          col("related_type", S(100), "choice", values=["Email", "Call", "Meeting"], null=0.6),
          col("number", I, "seq", unique=True),
          col("is_global", B, "bool"),
          col("is_internal", B, "bool"),
          col("is_pinned", B, "bool"),
          col("created_at", TS, _ts, null=0.02),
          col("modified_at", TS, _ts, null=0.05),
          col("created_by_id", S(17), ref="user.id", null=0.05),
          col("modified_by_id", S(17), ref="user.id", null=0.6))
    table(md, "auth_token", 120,
          _idcol(), _deleted(),
          col("token", S(36), token_of(32, "hex"), unique=True),
          col("hash", S(150), token_of(40, "hex"), null=0.1),
          col("secret", S(36), token_of(32, "hex"), null=0.1),
          col("user_id", S(17), ref="user.id"),
          col("portal_id", S(17), _id, null=0.9),
          col("ip_address", S(45), "ip", null=0.05),
          col("is_active", B, "bool"),
          col("password_version", I, "choice", values=[1, 2], null=0.3),
          col("last_access", TS, _ts, null=0.1),
          col("created_at", TS, _ts),
          col("modified_at", TS, _ts, null=0.3))
    table(md, "auth_log_record", 200,
          _idcol(), _deleted(),
          col("username", S(100), lambda c: c.person["username"] if c.rng.random() < 0.8 else
              c.person["email"], null=0.05),
          col("portal_id", S(17), _id, null=0.95),
          col("user_id", S(17), ref="user.id", null=0.15),
          col("auth_token_id", S(17), ref="auth_token.id", null=0.4),
          col("ip_address", S(45), "ip"),
          col("created_at", TS, _ts),
          col("is_denied", B, "bool"),
          col("denial_reason", S(255), "choice", values=["CREDENTIALS", "INACTIVE_USER",
                                                         "IS_PORTAL_USER", "WRONG_CODE"],
              null=0.8),
          col("request_time", F, lambda c: 1.7e9 + c.rng.random() * 1e8),
          col("request_url", S(255), "choice", values=[
              "https://crm.example.com/api/v1/App/user", "https://crm.example.com/?entryPoint=x"]),
          col("request_method", S(15), "choice", values=["GET", "POST"]),
          col("authentication_method", S(255), "choice", values=["Espo", "Hmac", "ApiKey",
                                                                 "Oidc"], null=0.2))
    table(md, "password_change_request", 20,
          _idcol(), _deleted(),
          col("request_id", S(64), token_of(64, "hex"), unique=True),
          col("user_id", S(17), ref="user.id"),
          col("url", S(255), "const", value="https://crm.example.com/", null=0.3),
          col("created_at", TS, _ts))
    return md
