"""Zammad (help desk, Rails, PostgreSQL): a held-out schema (issue #10), labelled before any
scan and never tuned on. The tables as the base migrations create them:
``db/migrate/20120101000001_create_base.rb`` (users, organizations, groups, e-mail
addresses, group pivot, authorizations, tokens, sessions) and
``db/migrate/20120101000010_create_ticket.rb`` (ticket states, priorities, tickets,
article types and senders, articles). 14 tables, all their columns. Rails on
PostgreSQL: ``string`` is ``varchar(n)``, ``timestamps limit: 3`` are ``timestamp(3)``;
``preferences`` columns hold YAML-serialized hashes; the ``varchar(3000)`` article headers
are ``TEXT`` on MariaDB (together they exceed its row size; Zammad no longer supports
MySQL). Foreign keys as the migrations add
them, except the cycle ``users.organization_id`` <-> ``organizations.created_by_id`` and
the users' self references (``created_by_id``, ``updated_by_id``,
``out_of_office_replacement_id``), generated as values without a constraint; the
``signatures`` and ``ticket_state_types`` tables are not included, so ``groups.signature_id``
and ``ticket_states.state_type_id`` are plain values.

Tables: users (agents and customers: login, names, e-mail, bcrypt hash, phones, street
address, department, web page, avatar hash, free-text note, YAML preferences with
notification settings and the agent's out-of-office replacement), organizations (company
names and e-mail domains), groups, the system's sending e-mail addresses (role
addresses), authorizations (third-party login ids, OAuth tokens, the user's name at the
provider), tokens (API tokens, password-reset and verification tokens), sessions
(serialized session data with the user id), tickets (titles naming the customer in part,
escalation times, YAML preferences), and articles (from/to/cc headers with names and
addresses, subjects, message ids, e-mail bodies with signatures and phone numbers).
"""

from __future__ import annotations

import base64

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, datetimes, new_person, table
from ..gen import with_params as _p

SOURCE = {"repo": "zammad/zammad", "path": "db/migrate/20120101000001_create_base.rb",
          "commit": "5df98684da64aed93cc29e4be029d81566520906"}
SOURCE_TICKETS = {"repo": "zammad/zammad", "path": "db/migrate/20120101000010_create_ticket.rb",
                  "commit": "02380592634f773e74a150efd0b78c874db077b0"}
PERSON_TABLES = ("users",)

I = sa.Integer  # noqa: E741
BI = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
T = sa.Text
TS = sa.DateTime
B = sa.Boolean
D = sa.Date


def S(n: int = 255) -> sa.types.TypeEngine:  # type: ignore[type-arg]  # noqa: N802
    # the article headers (varchar(3000)) exceed MariaDB's row size together: TEXT there
    if n >= 3000:
        return sa.String(n).with_variant(sa.Text(), "mysql", "mariadb")
    return sa.String(n)


N_USER = 120
N_ORG = 25
N_TICKET = 300

_ts = datetimes(2018, 2025)


def _by(c):  # type: ignore[no-untyped-def]
    # the system user (1) or an agent (2..15)
    return 1 if c.rng.random() < 0.5 else c.rng.randint(2, 15)


def _stamps(by: bool = True):  # type: ignore[no-untyped-def]
    cols = []
    if by:
        cols += [col("updated_by_id", I, fk="users.id"), col("created_by_id", I, fk="users.id")]
    return cols + [col("created_at", TS, _ts), col("updated_at", TS, _ts)]


def _login(c):  # type: ignore[no-untyped-def]
    if c.index == 0:
        return "-"
    return c.person["email"].lower() if c.rng.random() < 0.7 else c.person["username"]


def _user_note(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.6:
        return ""
    if r < 0.7:
        return f"Prefers phone: {G['phone'](c)}"
    if r < 0.8:
        return f"Assistant: {new_person(c)['first']} {new_person(c)['last']}"
    return c.rng.choice(["VIP since 2019", "Key account", "Imported from OTRS",
                         "Escalate to level 2 directly"])


def _user_prefs(c):  # type: ignore[no-untyped-def]
    lines = ["--- !ruby/hash:ActiveSupport::HashWithIndifferentAccess"]
    if c.rng.random() < 0.4:
        lines += ["notification_config:", "  matrix:", "    create:",
                  "      criteria:", "        owned_by_me: true"]
    if c.rng.random() < 0.3:
        lines.append(f"locale: {c.rng.choice(['de-de', 'en-us', 'fr-fr'])}")
    if c.rng.random() < 0.3:
        lines.append("intro: true")
    if c.rng.random() < 0.15:
        lines.append(f"out_of_office_text: Please contact {new_person(c)['email']} instead")
    return "\n".join(lines)


def _session_data(c):  # type: ignore[no-untyped-def]
    raw = (f"\x04\x08{{\x08I\"\x0cuser_id\x06:\x06ETi\x02{c.rng.randint(1, N_USER)}"
           f"I\"\x0f_csrf_token\x06;\x00FI\"1{G['token'](_p(c, n=43, style='url'))}")
    return base64.b64encode(raw.encode()).decode()


TITLES = ["Cannot log in", "Invoice {n} wrong amount", "Printer on 3rd floor broken",
          "Call back {first} {last}", "Refund request", "VPN not working",
          "Anfrage von {first} {last}", "Password reset", "Delivery delayed order #{n}",
          "New laptop for {first}", "Question about contract", "Bug in export"]

BODIES = ["Hello,\n\nmy account is locked since this morning.\n\nBest regards\n{first} {last}\n"
          "Tel. {phone}",
          "Hi team, please see attached invoice. Thanks, {first}",
          "<div>Dear {first},</div><div>we have reset your password. Please log in again."
          "</div><div>--<br>Support Team</div>",
          "I moved to {street}, {city}. Please update my address.",
          "Guten Tag,\n\nbitte rufen Sie mich unter {phone} zurück.\n\nMfG {last}",
          "Internal note: customer called, waiting for spare part.",
          "Ticket closed after no reply.",
          "Can you send the report to {email}?"]


def _addr(c):  # type: ignore[no-untyped-def]
    p = new_person(c)
    return c.rng.choice([f"{p['first']} {p['last']} <{p['email']}>", p["email"],
                         f"\"{p['last']}, {p['first']}\" <{p['email']}>"])


def _from(c):  # type: ignore[no-untyped-def]
    if c.row["sender_id"] == 1:  # agent
        return f"{c.person['first']} {c.person['last']} via Support <support@acme-corp.example>"
    if c.row["type_id"] == 5:  # phone
        return f"{c.person['first']} {c.person['last']}"
    return _addr(c)


def _to(c):  # type: ignore[no-untyped-def]
    if c.row["sender_id"] == 1:
        return _addr(c)
    return "Support <support@acme-corp.example>"


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "users", N_USER,
          col("id", I, pk=True, auto=True),
          col("organization_id", I, ref="organizations.id", null=0.5),
          col("login", S(255), _login, unique=True),
          col("firstname", S(100), lambda c: "-" if c.index == 0 else c.person["first"],
              empty=0.05, nullable=True),
          col("lastname", S(100), lambda c: "" if c.index == 0 else c.person["last"],
              empty=0.1, nullable=True),
          col("email", S(255), lambda c: "" if c.index == 0 else c.person["email"],
              empty=0.05, nullable=True),
          col("image", S(100), lambda c: G["token"](_p(c, n=32)), null=0.6),
          col("image_source", S(200), lambda c: "https://www.gravatar.com/avatar/"
              f"{G['token'](_p(c, n=32))}?s=256", null=0.85),
          col("web", S(100), "personal_url", empty=0.8, nullable=True),
          col("password", S(100), "password_hash", style="bcrypt", null=0.6),
          col("phone", S(100), "phone", empty=0.5, nullable=True),
          col("fax", S(100), "phone", empty=0.95, nullable=True),
          col("mobile", S(100), "phone", empty=0.7, nullable=True),
          col("department", S(200), "choice", values=["Sales", "IT", "Buchhaltung", "HR",
                                                      "Support"], empty=0.6, nullable=True),
          col("street", S(120), "street", empty=0.7, nullable=True),
          col("zip", S(100), "postcode", empty=0.7, nullable=True),
          col("city", S(100), "city", empty=0.65, nullable=True),
          col("country", S(100), "country", empty=0.7, nullable=True),
          col("address", S(500), lambda c: f"{c.person['f'].street_address()}\n"
              f"{c.person['f'].postcode()} {c.person['f'].city()}", empty=0.9, nullable=True),
          col("vip", B, lambda c: c.rng.random() < 0.05, nullable=True),
          col("verified", B, "bool"),
          col("active", B, lambda c: c.rng.random() < 0.93),
          col("note", S(5000), _user_note, nullable=True),
          col("last_login", TS, _ts, null=0.5),
          col("source", S(200), "choice", values=["signup", "ldap", "csv import", "email"],
              null=0.5),
          col("login_failed", I, "int", lo=0, hi=3),
          col("out_of_office", B, lambda c: c.rng.random() < 0.05),
          col("out_of_office_start_at", D, "date", null=0.93),
          col("out_of_office_end_at", D, "date", null=0.93),
          col("out_of_office_replacement_id", I, lambda c: c.rng.randint(2, 15), null=0.93),
          col("preferences", S(8000), _user_prefs, nullable=True),
          col("updated_by_id", I, lambda c: 1),
          col("created_by_id", I, lambda c: 1),
          col("created_at", TS, _ts), col("updated_at", TS, _ts))
    table(md, "organizations", N_ORG,
          col("id", I, pk=True, auto=True),
          col("name", S(100), "company", unique=True),
          col("shared", B, "bool"),
          col("domain", S(250), lambda c: c.fakers["en_US"].domain_name(), empty=0.5,
              nullable=True),
          col("domain_assignment", B, "bool"),
          col("active", B, lambda c: True),
          col("note", S(5000), "choice", values=["", "", "Premium SLA", "Partner since 2016",
                                                 "Billing via reseller"], nullable=True),
          col("updated_by_id", I, _by),
          col("created_by_id", I, _by),
          col("created_at", TS, _ts), col("updated_at", TS, _ts))
    table(md, "email_addresses", 4,
          col("id", I, pk=True, auto=True),
          col("channel_id", I, "int", lo=1, hi=4, null=0.2),
          col("realname", S(250), lambda c: ["ACME Support", "ACME Billing", "Helpdesk IT",
                                             "Zammad Notifications"][c.index]),
          col("email", S(250), lambda c: ["support@acme-corp.example", "billing@acme-corp.example",
                                          "it-help@acme-corp.example",
                                          "noreply@zammad.acme-corp.example"][c.index],
              unique=True),
          col("active", B, lambda c: True),
          col("note", S(250), "const", value=None, nullable=True),
          col("preferences", S(2000), "const", value="--- {}\n", nullable=True),
          *_stamps())
    table(md, "groups", 6,
          col("id", I, pk=True, auto=True),
          col("signature_id", I, "int", lo=1, hi=2, null=0.5),
          col("email_address_id", I, fk="email_addresses.id", null=0.2),
          col("name", S(160), lambda c: ["Users", "Sales", "Billing", "IT::Hardware",
                                         "IT::Software", "Escalation"][c.index], unique=True),
          col("assignment_timeout", I, "choice", values=[None, 30, 120], nullable=True),
          col("follow_up_possible", S(100), "choice", values=["yes", "new_ticket"]),
          col("follow_up_assignment", B, "bool"),
          col("active", B, lambda c: True),
          col("note", S(250), "const", value="", nullable=True),
          *_stamps())
    table(md, "groups_users", 40,
          col("user_id", I, fk="users.id"),
          col("group_id", I, fk="groups.id"),
          col("access", S(50), "choice", values=["full", "read", "create", "change"]))
    table(md, "authorizations", 30,
          col("id", I, pk=True, auto=True),
          col("provider", S(250), "choice", values=["google_oauth2", "microsoft_office365",
                                                    "github", "saml"]),
          col("uid", S(250), lambda c: c.rng.choice([str(c.rng.randint(10**20, 10**21)),
                                                     G["uuid_str"](c), c.person["email"]]),
              unique=True),
          col("token", S(2500), lambda c: "ya29." + G["token"](_p(c, n=120, style="url")),
              null=0.3),
          col("secret", S(250), lambda c: G["token"](_p(c, n=40, style="url")), null=0.8),
          col("username", S(250), lambda c: c.rng.choice([c.person["username"],
                                                          c.person["email"]]), null=0.3),
          col("user_id", I, fk="users.id"),
          col("created_at", TS, _ts), col("updated_at", TS, _ts))
    table(md, "tokens", 60,
          col("id", I, pk=True, auto=True),
          col("user_id", I, fk="users.id"),
          col("persistent", B, "bool", null=0.2),
          col("name", S(100), lambda c: G["token"](_p(c, n=43, style="url")), unique=True),
          col("action", S(40), "choice", values=["api", "PasswordReset", "Signup",
                                                 "CalendarSubscriptions", "EmailVerify"]),
          col("label", S(255), "choice", values=["n8n", "Monitoring", "my script", None],
              nullable=True),
          col("preferences", T, "choice", values=["--- {}\n", "---\npermission:\n- ticket.agent\n",
                                                  None], nullable=True),
          col("last_used_at", TS, _ts, null=0.5),
          col("expires_at", D, "date", null=0.7),
          col("created_at", TS, _ts), col("updated_at", TS, _ts))
    table(md, "sessions", 80,
          col("id", I, pk=True, auto=True),
          col("session_id", S(255), lambda c: G["token"](_p(c, n=32))),
          col("persistent", B, "bool", null=0.3),
          col("data", T, _session_data),
          col("created_at", TS, _ts), col("updated_at", TS, _ts))
    table(md, "ticket_states", 7,
          col("id", I, pk=True, auto=True),
          col("state_type_id", I, lambda c: c.index + 1),
          col("name", S(250), lambda c: ["new", "open", "pending reminder", "closed", "merged",
                                         "pending close", "removed"][c.index], unique=True),
          col("next_state_id", I, "choice", values=[None, 2, 4], nullable=True),
          col("ignore_escalation", B, "bool"),
          col("default_create", B, lambda c: c.index == 0),
          col("default_follow_up", B, lambda c: c.index == 1),
          col("default_close", B, lambda c: c.index == 3),
          col("note", S(250), "const", value=None, nullable=True),
          col("active", B, lambda c: True),
          *_stamps())
    table(md, "ticket_priorities", 3,
          col("id", I, pk=True, auto=True),
          col("name", S(250), lambda c: ["1 low", "2 normal", "3 high"][c.index], unique=True),
          col("default_create", B, lambda c: c.index == 1),
          col("ui_icon", S(100), "choice", values=["low-priority", None], nullable=True),
          col("ui_color", S(100), "choice", values=["high-priority", "low-priority", None],
              nullable=True),
          col("note", S(250), "const", value=None, nullable=True),
          col("active", B, lambda c: True),
          *_stamps())
    table(md, "tickets", N_TICKET,
          col("id", I, pk=True, auto=True),
          col("group_id", I, fk="groups.id"),
          col("priority_id", I, fk="ticket_priorities.id"),
          col("state_id", I, fk="ticket_states.id"),
          col("organization_id", I, fk="organizations.id", null=0.5),
          col("number", S(60), lambda c: str(31001 + c.index), unique=True),
          col("title", S(250), "template", texts=TITLES),
          col("owner_id", I, fk="users.id"),
          col("customer_id", I, fk="users.id"),
          col("note", S(250), "const", value=None, nullable=True),
          *[col(n, TS, _ts, null=0.4) for n in (
              "first_response_at", "first_response_escalation_at")],
          col("first_response_in_min", I, "int", lo=1, hi=600, null=0.5),
          col("first_response_diff_in_min", I, "int", lo=-300, hi=300, null=0.5),
          col("close_at", TS, _ts, null=0.4),
          col("close_escalation_at", TS, _ts, null=0.6),
          col("close_in_min", I, "int", lo=1, hi=9000, null=0.5),
          col("close_diff_in_min", I, "int", lo=-3000, hi=3000, null=0.5),
          col("update_escalation_at", TS, _ts, null=0.6),
          col("update_in_min", I, "int", lo=1, hi=900, null=0.5),
          col("update_diff_in_min", I, "int", lo=-300, hi=300, null=0.5),
          *[col(n, TS, _ts, null=0.3) for n in (
              "last_close_at", "last_contact_at", "last_contact_agent_at",
              "last_contact_customer_at", "last_owner_update_at")],
          col("create_article_type_id", I, "int", lo=1, hi=5, null=0.1),
          col("create_article_sender_id", I, "int", lo=1, hi=3, null=0.1),
          col("article_count", I, "int", lo=1, hi=25),
          col("escalation_at", TS, _ts, null=0.6),
          col("pending_time", TS, _ts, null=0.85),
          col("type", S(100), "choice", values=["Incident", "Problem", "Request for Change"],
              null=0.7),
          col("approver", I, "int", lo=2, hi=15, null=0.95),
          col("approval_state", S(100), "choice", values=["approved", "pending"], null=0.95),
          col("time_unit", sa.Numeric(6, 2), "money", lo=0, hi=40, null=0.7),
          col("preferences", T, "choice", values=[
              "--- {}\n", "---\nchannel_id: 3\nescalation_calculation:\n  first_response_at: \n"
              "  sla_id: 1\n", "---\nchecklist_id: 2\n"], nullable=True),
          col("ai_agent_running", B, lambda c: False),
          *_stamps())
    table(md, "ticket_article_types", 6,
          col("id", I, pk=True, auto=True),
          col("name", S(250), lambda c: ["email", "sms", "chat", "fax", "phone", "note"][c.index],
              unique=True),
          col("note", S(250), "const", value=None, nullable=True),
          col("communication", B, lambda c: c.index != 5),
          col("active", B, lambda c: True),
          *_stamps())
    table(md, "ticket_article_senders", 3,
          col("id", I, pk=True, auto=True),
          col("name", S(250), lambda c: ["Agent", "Customer", "System"][c.index], unique=True),
          col("note", S(250), "const", value=None, nullable=True),
          *_stamps())
    table(md, "ticket_articles", 700,
          col("id", I, pk=True, auto=True),
          col("ticket_id", I, fk="tickets.id"),
          col("type_id", I, fk="ticket_article_types.id"),
          col("sender_id", I, fk="ticket_article_senders.id"),
          col("detected_language", S(8), "choice", values=["en", "de", "fr", None],
              nullable=True),
          col("from", S(3000), _from, null=0.05),
          col("to", S(3000), _to, null=0.1),
          col("cc", S(3000), lambda c: ", ".join(_addr(c) for _ in range(c.rng.randint(1, 2))),
              null=0.8),
          col("subject", S(3000), "template", texts=TITLES, null=0.2),
          col("reply_to", S(300), _addr, null=0.9),
          col("message_id", S(3000), lambda c: f"<{G['token'](_p(c, n=24))}@"
              f"{c.rng.choice(['mail.gmail.com', 'zammad.acme-corp.example', 'outlook.com'])}>",
              null=0.2),
          col("message_id_md5", S(32), lambda c: G["token"](_p(c, n=32)), null=0.2),
          col("in_reply_to", S(3000), lambda c: f"<{G['token'](_p(c, n=24))}@mail.gmail.com>",
              null=0.7),
          col("content_type", S(20), "choice", values=["text/plain", "text/html"]),
          col("body", T, "template", texts=BODIES),
          col("internal", B, lambda c: c.rng.random() < 0.15),
          col("preferences", T, lambda c: c.rng.choice([
              "--- {}\n", "---\ndelivery_status: success\ndelivery_retry: 1\n",
              f"---\nsms_recipients:\n- \"{G['phone'](c)}\"\n",
              "---\nsecurity:\n  type: S/MIME\n  sign:\n    success: true\n"]), nullable=True),
          col("updated_by_id", I, fk="users.id"),
          col("created_by_id", I, fk="users.id"),
          col("origin_by_id", I, fk="users.id", null=0.85),
          col("created_at", TS, _ts), col("updated_at", TS, _ts))
    return md
