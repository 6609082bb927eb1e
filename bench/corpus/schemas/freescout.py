"""FreeScout (PHP help desk, Laravel; a Help Scout clone): a held-out schema (issue #10),
labelled before any scan and never tuned on. The tables as their
``database/migrations/*create_*.php`` files create them, with the later migrations that
touch them applied (``locale``, ``status`` and ``permissions`` on ``users``; ``subtype``,
``meta``, ``send_status_data`` and ``imported`` on ``threads``; the IMAP, BCC,
``before_reply``, ``meta`` and ``aliases_reply`` columns of ``mailboxes``, its ``slug``
dropped; ``hide``, ``mute`` and ``access`` on ``mailbox_user``; ``meta`` on
``customers``, ``folders`` and ``conversations``; ``channel`` on ``conversations``;
``public`` on ``attachments``; ``smtp_queue_id`` on ``send_logs``; the foreign-key
columns made unsigned in 2020). 15 of its tables. FreeScout declares no foreign keys:
every reference is generated as a value without a constraint, as in the original.
Laravel types: ``increments`` ``INT UNSIGNED`` auto-increment, ``unsignedTinyInteger``
``TINYINT``, ``longText`` ``LONGTEXT``, ``timestamp`` ``TIMESTAMP``. The customer's
``channel``/``channel_id`` columns (2021) are left out: the 2023 migrations move them to
``customer_channel``.

Tables: users (support agents: names, e-mail, alternate e-mails, phone, job title,
bcrypt hash, invite hash, remember token), mailboxes (the company's support addresses
with IMAP/SMTP settings and encrypted passwords, signatures, auto-replies), mailbox-user
pivot, customers (the people who write in: names, company, phones, websites, social
profiles and chats as JSON, notes, postal address), customer e-mails, customer channel
ids (Telegram, WhatsApp...), folders, conversations (subject, the customer's e-mail,
CC/BCC as JSON, a preview of the last message), threads (message bodies in HTML, raw
headers, From/To/CC/BCC, Message-ID), followers, attachments, send logs, the activity
log (logins with IPs, failed logins with the e-mail tried), options (key-value app
settings) and password resets.
"""

from __future__ import annotations

import base64
import json

import sqlalchemy as sa
from sqlalchemy.dialects import mysql

from ..gen import GENERATORS as G
from ..gen import col, datetimes, longtext, table, tinyint
from ..gen import with_params as _p

SOURCE = {"repo": "freescout-helpdesk/freescout",
          "path": "database/migrations/2018_07_09_053559_create_customers_table.php",
          "commit": "7c3e57aa57b47e6c5127575cdb2792f42da597db"}
PERSON_TABLES = ("users", "customers")

UI = sa.Integer().with_variant(mysql.INTEGER(unsigned=True), "mysql", "mariadb")
TI = tinyint()
T = sa.Text
LT = longtext()
TS = sa.DateTime
B = sa.Boolean


def S(n: int = 255) -> sa.String:  # noqa: N802
    return sa.String(n)


N_USER = 20
N_MAILBOX = 5
N_CUSTOMER = 300
N_CONV = 400
N_THREAD = 900
COMPANY_DOMAINS = ["acme-support.com", "help.example.io", "kundenservice.example.de"]


_ts = datetimes(2019, 2025)


def _laravel_encrypted(c):  # type: ignore[no-untyped-def]
    payload = {"iv": G["token"](_p(c, n=16, style="b64")),
               "value": G["token"](_p(c, n=32, style="b64")),
               "mac": G["token"](_p(c, n=64, style="hex"))}
    return "eyJ" + base64.b64encode(json.dumps(payload).encode()).decode()[3:]


def _ts_cols():  # type: ignore[no-untyped-def]
    return [col("created_at", TS, _ts, null=0.01), col("updated_at", TS, _ts, null=0.01)]


def _mailbox_addr(c):  # type: ignore[no-untyped-def]
    local = ["support", "help", "billing", "sales", "info"][c.index % 5]
    return f"{local}@{COMPANY_DOMAINS[c.index % 3]}"


def _alt_emails(c):  # type: ignore[no-untyped-def]
    p = c.person
    out = [p["email"].replace("@", "+support@")]
    if c.rng.random() < 0.4:
        out.append(f"{p['username']}@{c.rng.choice(COMPANY_DOMAINS)}")
    return ",".join(out)


def _phones_json(c):  # type: ignore[no-untyped-def]
    n = c.rng.choice([0, 1, 1, 2])
    if n == 0:
        return c.rng.choice(["[]", ""])
    # 2022_12_25 migration: a numeric copy of each phone ('n') beside the value
    out = []
    for _ in range(n):
        v = G["phone"](c)
        out.append({"value": v, "type": c.rng.choice([1, 2, 3, 4, 5]),
                    "n": "".join(ch for ch in v if ch.isdigit())})
    return json.dumps(out)


def _websites_json(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.4:
        return None
    if r < 0.7:
        return json.dumps([G["url"](c)])
    return json.dumps([G["personal_url"](c) or "https://example.net"])


def _social_json(c):  # type: ignore[no-untyped-def]
    p = c.person
    kinds = [(1, f"https://twitter.com/{p['username']}"),
             (2, f"https://facebook.com/{p['username']}"),
             (3, f"https://www.linkedin.com/in/{p['username']}"), (9, p["username"])]
    pick = c.rng.sample(kinds, c.rng.randint(1, 2))
    return json.dumps([{"value": v, "type": k} for k, v in pick])


def _chats_json(c):  # type: ignore[no-untyped-def]
    p = c.person
    return json.dumps([{"value": c.rng.choice([p["username"], f"{p['username']}@jabber.org",
                                               f"live:{p['username']}"]),
                        "type": c.rng.choice([1, 2, 5, 7])}])


def _addr_text(c):  # type: ignore[no-untyped-def]
    s = G["street"](c)
    return s if c.rng.random() < 0.7 else s + "\n" + c.rng.choice(["Apt 4", "Building C",
                                                                    "2nd floor", "c/o Reception"])


BACKGROUND = ["", "VIP customer since 2019.", "Prefers phone: {phone}.",
              "Works with {first2} {last2} in purchasing.", "Angry last time, be gentle.",
              "Lives in {city}; ships to {street}.", "Asked not to be contacted by email.",
              "Spouse {first2} also has an account ({email})."]
SUBJECTS = ["Order #{n} not delivered", "Can't log in", "Refund request", "Question about "
            "pricing", "Re: Invoice {n}", "Account of {first} {last}", "Change of address",
            "Fwd: problem with my subscription", "Help!!!", "パスワードを忘れました",
            "Rückerstattung für Bestellung {n}", "Update my email to {email}"]


def _fill(c, tpl):  # type: ignore[no-untyped-def]
    return G["template"](_p(c, texts=[tpl]))


def _subject(c):  # type: ignore[no-untyped-def]
    return _fill(c, c.rng.choice(SUBJECTS))


def _addr_list(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.6:
        return None
    if r < 0.7:
        return "[]"
    others = [G["email"](_p(c)) if i == 0 else c.fakers["en_US"].free_email()
              for i in range(c.rng.randint(1, 2))]
    return json.dumps(others)


def _preview(c):  # type: ignore[no-untyped-def]
    return G["template"](_p(c, texts=["Hi, my name is {first} {last} and I can't log in.",
                                      "Please call me back on {phone}.", "Thanks!",
                                      "The package never arrived. I live at {street}, {city}.",
                                      "Is there a discount for annual plans?", "",
                                      "My new email is {email}, can you update it?"]))[:255]


def _body(c):  # type: ignore[no-untyped-def]
    k = c.row.get("type")
    if k == 3:  # a note between agents
        return G["template"](_p(c, texts=["<div>Escalated to {first2}.</div>",
                                          "<div>Customer called from {phone}</div>",
                                          "<div>Refund done.</div>"]))
    text = G["template"](_p(c, texts=["Hi, my name is {first} {last} and I can't log in.",
                                      "Please call me back on {phone}, it's about order #{n}.",
                                      "The package never arrived. I live at {street}, {city}.",
                                      "Thanks for the quick reply!", "ok",
                                      "I was charged twice this month, please refund."]))
    sig = f"<br><br>--<br>{c.person['first']} {c.person['last']}<br>{G['phone'](c)}" \
        if c.rng.random() < 0.4 else ""
    return f"<div>{text}</div>{sig}"


def _headers(c):  # type: ignore[no-untyped-def]
    if c.row.get("type") != 1 or c.rng.random() < 0.3:
        return None
    p = c.person
    ip = G["ipv4"](c)
    return (f"Return-Path: <{p['email']}>\r\nReceived: from [{ip}] by mx.example.com with "
            f"ESMTPSA\r\nFrom: {p['first']} {p['last']} <{p['email']}>\r\nTo: "
            f"support@{COMPANY_DOMAINS[0]}\r\nMessage-ID: <{G['token'](_p(c, n=24))}@"
            "mail.gmail.com>\r\nContent-Type: text/html; charset=UTF-8")


def _message_id(c):  # type: ignore[no-untyped-def]
    host = c.rng.choice(["mail.gmail.com", "acme-support.com", "eu-west-1.amazonses.com"])
    return f"{G['token'](_p(c, n=32))}@{host}"


def _thread_from(c):  # type: ignore[no-untyped-def]
    return c.person["email"] if c.row.get("type") == 1 else None


def _thread_to(c):  # type: ignore[no-untyped-def]
    if c.row.get("type") == 2:
        return json.dumps([c.person["email"]])
    return json.dumps([f"support@{COMPANY_DOMAINS[0]}"]) if c.rng.random() < 0.7 else None


def _thread_meta(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.8:
        return None
    if r < 0.9:
        return json.dumps({"merge_conversation_id": c.rng.randint(1, 400)})
    return json.dumps({"prev_customer_email": c.person["email"]})


def _send_status_data(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.85:
        return None
    return json.dumps({"msg": c.rng.choice(["Connection timed out", "550 5.1.1 User unknown",
                                             "Expected response code 250 but got 554"]),
                       "bounce_info": {"from": c.person["email"]}})


def _action_data(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.8:
        return None
    return c.rng.choice([str(c.rng.randint(1, 20)), G["full_name"](c)])


def _file_name(c):  # type: ignore[no-untyped-def]
    p = c.person
    return c.rng.choice(["image001.png", "invoice.pdf", "screenshot.jpg", "Scan_0001.pdf",
                         f"{p['first']}_{p['last']}_passport.jpg".replace(" ", "_"),
                         f"CV {p['first']} {p['last']}.docx", "logs.txt"])


ACTIVITY = [("login", "User logged in"), ("login", "User logged out"),
            ("login", "Failed login"), ("out_emails", "Error sending email to customer"),
            ("fetch_errors", "Mailbox fetching error"), ("users", "User deleted")]


def _activity_props(c):  # type: ignore[no-untyped-def]
    desc = c.row.get("description")
    if desc == "Failed login":
        return json.dumps({"ip": G["ip"](c), "email": c.person["email"]})
    if desc and desc.startswith("User logged"):
        return json.dumps({"ip": G["ip"](c)})
    if desc == "Error sending email to customer":
        return json.dumps({"error": "550 mailbox unavailable", "to": c.person["email"],
                           "thread_id": c.rng.randint(1, 900)})
    if desc == "User deleted":
        return json.dumps({"deleted_user": f"{c.person['first']} {c.person['last']}"})
    return json.dumps({"error": "Connection refused", "mailbox": "support"})


OPTIONS = [("company_name", "Acme Support GmbH"), ("next_ticket", "1042"),
           ("email_branding", "1"), ("open_tracking", "1"), ("locale", "de"),
           ("mail_driver", "smtp"), ("mail_host", "smtp.mailgun.org"),
           ("mail_username", "postmaster@mg.acme-support.com"),
           ("mail_password", "eyJpdiI6IkN1c3RvbSJ9"), ("mail_from", "noreply@acme-support.com"),
           ("fetch_schedule", "1"), ("timezone", "Europe/Berlin"), ("alert_logs", "a:0:{}"),
           ("user_permissions", 'a:2:{i:0;i:1;i:1;i:2;}'), ("installation_version", "1.8.150"),
           ("subscription_defaults", '{"1":{"1":[1,2]}}')]


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "users", N_USER,
          col("id", UI, pk=True, auto=True),
          col("first_name", S(20), "first_name"),
          col("last_name", S(30), "last_name"),
          col("email", S(100), "email", unique=True),
          col("password", S(255), "password_hash", style="bcrypt"),
          col("role", TI, "choice", values=[1, 1, 1, 2]),
          col("timezone", S(255), "timezone"),
          col("photo_url", S(255), lambda c: f"{G['token'](_p(c, n=12))}.jpg", null=0.6),
          col("type", TI, "choice", values=[1, 1, 1, 2]),
          col("status", TI, "choice", values=[1, 1, 1, 2, 3]),
          col("invite_state", TI, "choice", values=[0, 1, 2]),
          col("invite_hash", S(100), lambda c: G["token"](_p(c, n=32, style="url")), null=0.6),
          col("emails", S(100), _alt_emails, null=0.7),
          col("job_title", S(100), "choice", values=["Support Agent", "Team Lead", "CTO",
                                                     "Kundenbetreuer", ""], null=0.3),
          col("phone", S(60), "phone", null=0.5),
          col("time_format", TI, "choice", values=[1, 2]),
          col("enable_kb_shortcuts", B, "bool"),
          col("locked", B, lambda c: c.rng.random() < 0.05),
          col("remember_token", S(100), lambda c: G["token"](_p(c, n=60, style="url")),
              null=0.4),
          col("locale", S(191), "choice", values=["en", "de", "fr", "ru", "pt-BR"], null=0.5),
          col("permissions", T, lambda c: c.rng.choice([None, None, "[1]", "[1,2]", "[]"]),
              nullable=True),
          *_ts_cols())
    table(md, "mailboxes", N_MAILBOX,
          col("id", UI, pk=True, auto=True),
          col("name", S(40), lambda c: ["Support", "Help Desk", "Billing", "Sales",
                                        "Kundenservice"][c.index]),
          col("email", S(128), _mailbox_addr, unique=True),
          col("aliases", T, lambda c: c.rng.choice(
              [None, f"contact@{COMPANY_DOMAINS[0]}", f"hello@{COMPANY_DOMAINS[1]}"]),
              nullable=True),
          col("aliases_reply", B, "bool"),
          col("from_name", TI, "choice", values=[1, 2, 3]),
          col("from_name_custom", S(128), "choice", values=["Acme Support", "Das Team"],
              null=0.6),
          col("ticket_status", TI, "choice", values=[1, 2]),
          col("ticket_assignee", TI, "choice", values=[1, 2]),
          col("template", TI, "choice", values=[1, 2]),
          col("signature", T, lambda c: c.rng.choice(
              ["<div>Best regards,<br>{%user.fullName%}<br>{%mailbox.name%}</div>",
               "<p>--<br>Acme Support Team</p>", ""]), nullable=True),
          col("out_method", TI, "choice", values=[1, 2, 3]),
          col("out_server", S(255), "choice", values=["smtp.mailgun.org", "smtp.gmail.com",
                                                      "mail.acme-support.com"], null=0.3),
          col("out_username", S(100), _mailbox_addr, null=0.3),
          col("out_password", T, _laravel_encrypted, null=0.3),
          col("out_port", UI, "choice", values=[25, 465, 587], null=0.3),
          col("out_encryption", TI, "choice", values=[1, 2, 3]),
          col("in_server", S(255), "choice", values=["imap.gmail.com",
                                                     "outlook.office365.com"], null=0.2),
          col("in_port", UI, "choice", values=[143, 993]),
          col("in_username", S(100), _mailbox_addr, null=0.2),
          col("in_password", T, _laravel_encrypted, null=0.2),
          col("in_protocol", TI, "choice", values=[1, 2]),
          col("in_encryption", TI, "choice", values=[1, 2, 3]),
          col("in_validate_cert", B, "bool"),
          col("in_imap_folders", T, lambda c: c.rng.choice([None, '["INBOX"]',
                                                            '["INBOX","Spam"]']),
              nullable=True),
          col("imap_sent_folder", S(25), "choice", values=["Sent", "[Gmail]/Sent Mail"],
              null=0.5),
          col("auto_bcc", S(255), lambda c: f"archive@{COMPANY_DOMAINS[2]}", null=0.7),
          col("auto_reply_enabled", B, "bool"),
          col("auto_reply_subject", S(128), "choice", values=["We got your message",
                                                              "Re: {%subject%}"], null=0.4),
          col("auto_reply_message", T, lambda c: "Hi {%customer.firstName%}, thanks for "
              "contacting us. We will reply within one business day.", null=0.4),
          col("before_reply", T, "choice", values=["-- Please reply above this line --"],
              null=0.5),
          col("office_hours_enabled", B, "bool"),
          col("ratings", B, "bool"),
          col("ratings_placement", TI, "choice", values=[1, 2]),
          col("ratings_text", T, "choice", values=["How would you rate my reply?"], null=0.6),
          col("meta", T, lambda c: c.rng.choice([None, '{"oauth":{"provider":"ms365"}}',
                                                 '{"email_sig_enabled":1}']), nullable=True),
          *_ts_cols())
    table(md, "mailbox_user", 40,
          col("id", UI, pk=True, auto=True),
          col("mailbox_id", UI, ref="mailboxes.id"),
          col("user_id", UI, ref="users.id"),
          col("after_send", TI, "choice", values=[1, 2, 3]),
          col("hide", B, lambda c: c.rng.random() < 0.1),
          col("mute", B, lambda c: c.rng.random() < 0.1),
          col("access", T, lambda c: c.rng.choice([None, "[1,2,3]", "[]"]), nullable=True),
          sa.UniqueConstraint("user_id", "mailbox_id"))
    table(md, "customers", N_CUSTOMER,
          col("id", UI, pk=True, auto=True),
          col("first_name", S(255), "first_name", null=0.15),
          col("last_name", S(255), "last_name", null=0.3),
          col("company", S(255), "company", null=0.6),
          col("job_title", S(255), "choice", values=["Manager", "Owner", "Buchhaltung",
                                                     "Developer", "Student"], null=0.75),
          col("photo_type", TI, "choice", values=[1, 2], null=0.8),
          col("photo_url", S(255), lambda c: f"{G['token'](_p(c, n=10))}.png", null=0.8),
          col("age", S(7), "choice", values=["18-24", "25-34", "35-44", "45-54", "55+"],
              null=0.9),
          col("gender", TI, "choice", values=[1, 2], null=0.85),
          col("phones", T, _phones_json, null=0.4),
          col("websites", T, _websites_json, nullable=True),
          col("social_profiles", T, _social_json, null=0.8),
          col("chats", T, _chats_json, null=0.9),
          col("background", T, "template", texts=BACKGROUND, null=0.6),
          col("address", T, _addr_text, null=0.8),
          col("city", S(255), "city", null=0.75),
          col("state", S(255), "state", null=0.8),
          col("zip", S(12), "postcode", null=0.8),
          col("country", S(2), "choice", values=["US", "DE", "FR", "GB", "JP", "BR", "RU"],
              null=0.7),
          col("meta", T, lambda c: c.rng.choice([None, None, None,
                                                 json.dumps({"tg_username": c.person["username"]}),
                                                 '{"imported":1}']), nullable=True),
          *_ts_cols())
    table(md, "emails", 380,
          col("id", UI, pk=True, auto=True),
          col("customer_id", UI, ref="customers.id"),
          col("email", S(191), "email", unique=True),
          col("type", TI, "choice", values=[1, 2, 3]))
    table(md, "customer_channel", 60,
          col("id", UI, pk=True, auto=True),
          col("customer_id", UI, ref="customers.id"),
          col("channel", TI, "choice", values=[1, 2, 3]),
          col("channel_id", S(64), lambda c: c.rng.choice(
              [str(c.rng.randint(10**8, 10**10)),
               "+" + str(c.rng.randint(10**10, 10**12)) + "@s.whatsapp.net",
               f"fb_{c.rng.randint(10**15, 10**16)}"])),
          sa.UniqueConstraint("channel", "channel_id"))
    table(md, "folders", 60,
          col("id", UI, pk=True, auto=True),
          col("mailbox_id", UI, ref="mailboxes.id"),
          col("user_id", UI, ref="users.id", null=0.5),
          col("type", TI, "choice", values=[1, 20, 25, 30, 40, 60, 70, 80]),
          col("total_count", sa.Integer, "int", lo=0, hi=400),
          col("active_count", sa.Integer, "int", lo=0, hi=50),
          col("meta", T, lambda c: c.rng.choice([None, '{"order_by":"updated_at"}']),
              nullable=True))
    table(md, "conversations", N_CONV,
          col("id", UI, pk=True, auto=True),
          col("number", UI, lambda c: 1000 + c.index),
          col("threads_count", UI, "int", lo=1, hi=12),
          col("type", TI, "choice", values=[1, 1, 1, 2, 3]),
          col("folder_id", UI, ref="folders.id"),
          col("status", TI, "choice", values=[1, 2, 3, 4]),
          col("state", TI, "choice", values=[1, 2, 2, 2, 3]),
          col("subject", S(998), _subject, null=0.02),
          col("customer_email", S(191), "email", null=0.1),
          col("cc", T, _addr_list, nullable=True),
          col("bcc", T, lambda c: _addr_list(c) if c.rng.random() < 0.3 else None,
              nullable=True),
          col("preview", S(255), _preview),
          col("imported", B, lambda c: c.rng.random() < 0.1),
          col("has_attachments", B, "bool"),
          col("mailbox_id", UI, ref="mailboxes.id"),
          col("user_id", UI, ref="users.id", null=0.3),
          col("customer_id", UI, ref="customers.id", null=0.05),
          col("created_by_user_id", UI, ref="users.id", null=0.8),
          col("created_by_customer_id", UI, ref="customers.id", null=0.2),
          col("source_via", TI, "choice", values=[1, 2]),
          col("source_type", TI, "choice", values=[1, 2, 3]),
          col("closed_by_user_id", UI, ref="users.id", null=0.6),
          col("closed_at", TS, _ts, null=0.6),
          col("user_updated_at", TS, _ts, null=0.3),
          col("last_reply_at", TS, _ts, null=0.05),
          col("last_reply_from", TI, "choice", values=[1, 2], null=0.05),
          col("read_by_user", B, "bool"),
          col("channel", TI, "choice", values=[1, 2, 3], null=0.9),
          col("meta", T, lambda c: c.rng.choice([None, None, '{"ff":{"1":"Gold"}}',
                                                 '{"sla":"24h"}']), nullable=True),
          *_ts_cols())
    table(md, "threads", N_THREAD,
          col("id", UI, pk=True, auto=True),
          col("conversation_id", UI, ref="conversations.id"),
          col("user_id", UI, ref="users.id", null=0.5),
          col("type", TI, "choice", values=[1, 1, 2, 2, 3, 4]),
          col("subtype", TI, "choice", values=[1, 2], null=0.9),
          col("status", TI, "choice", values=[1, 2, 3, 4, 6]),
          col("state", TI, "choice", values=[1, 2, 2, 2, 3]),
          col("action_type", TI, "choice", values=[1, 2, 3, 4, 6, 7], null=0.7),
          col("action_data", S(255), _action_data, nullable=True),
          col("body", LT, _body, null=0.05),
          col("headers", T, _headers, nullable=True),
          col("from", S(191), _thread_from, nullable=True),
          col("to", T, _thread_to, nullable=True),
          col("cc", T, _addr_list, nullable=True),
          col("bcc", T, lambda c: _addr_list(c) if c.rng.random() < 0.3 else None,
              nullable=True),
          col("has_attachments", B, "bool"),
          col("message_id", S(998), _message_id, null=0.1),  # unique on a 191 prefix: not declared
          col("source_via", TI, "choice", values=[1, 2]),
          col("source_type", TI, "choice", values=[1, 2, 3]),
          col("customer_id", UI, ref="customers.id", null=0.1),
          col("created_by_user_id", UI, ref="users.id", null=0.5),
          col("created_by_customer_id", UI, ref="customers.id", null=0.5),
          col("edited_by_user_id", UI, ref="users.id", null=0.95),
          col("edited_at", TS, _ts, null=0.95),
          col("body_original", LT, _body, null=0.95),
          col("first", B, lambda c: c.rng.random() < 0.4),
          col("saved_reply_id", sa.Integer, "int", lo=1, hi=30, null=0.9),
          col("send_status", TI, "choice", values=[1, 2, 3, 4], null=0.5),
          col("send_status_data", T, _send_status_data, nullable=True),
          col("opened_at", TS, _ts, null=0.8),
          col("meta", T, _thread_meta, nullable=True),
          col("imported", B, lambda c: c.rng.random() < 0.1),
          *_ts_cols())
    table(md, "followers", 80,
          col("id", UI, pk=True, auto=True),
          col("conversation_id", UI, ref="conversations.id"),
          col("user_id", UI, ref="users.id"),
          col("added_by_user_id", UI, ref="users.id", null=0.3),
          sa.UniqueConstraint("conversation_id", "user_id"))
    table(md, "attachments", 200,
          col("id", UI, pk=True, auto=True),
          col("thread_id", UI, ref="threads.id", null=0.05),
          col("user_id", UI, ref="users.id", null=0.7),
          col("file_dir", S(20), lambda c: f"{c.rng.randint(1, 9)}/{c.rng.randint(0, 9)}/"
              f"{c.rng.randint(0, 9)}", null=0.05),
          col("file_name", S(255), _file_name),
          col("mime_type", S(127), "choice", values=["image/png", "application/pdf",
                                                     "image/jpeg", "text/plain"]),
          col("type", UI, "choice", values=[0, 1, 2, 3]),
          col("size", UI, "int", lo=100, hi=5_000_000, null=0.05),
          col("embedded", B, lambda c: c.rng.random() < 0.3),
          col("public", B, lambda c: c.rng.random() < 0.1))
    table(md, "send_logs", 500,
          col("id", UI, pk=True, auto=True),
          col("thread_id", UI, ref="threads.id", null=0.1),
          col("customer_id", UI, ref="customers.id", null=0.3),
          col("user_id", UI, ref="users.id", null=0.7),
          col("message_id", S(998), _message_id, null=0.1),
          col("email", S(191), "email"),
          col("mail_type", TI, "choice", values=[1, 2, 3, 4, 5, 6]),
          col("status", TI, "choice", values=[1, 2, 3, 4, 5, 6, 7]),
          col("status_message", T, lambda c: c.rng.choice(
              [None, None, "550 5.1.1 <" + c.person["email"] + ">: Recipient address rejected",
               "Connection timed out", "Opened"]), nullable=True),
          col("smtp_queue_id", T, lambda c: G["token"](_p(c, n=12)).upper(), null=0.6),
          *_ts_cols())
    table(md, "activity_logs", 300,
          col("id", UI, pk=True, auto=True),
          col("log_name", S(191), lambda c: ACTIVITY[c.index % len(ACTIVITY)][0],
              nullable=True),
          col("description", T, lambda c: ACTIVITY[c.index % len(ACTIVITY)][1]),
          col("subject_id", sa.Integer, "int", lo=1, hi=20, null=0.5),
          col("subject_type", S(255), lambda c: None if c.row.get("subject_id") is None
              else "App\\User", nullable=True),
          col("causer_id", UI, ref="users.id", null=0.3),
          col("causer_type", S(55), lambda c: None if c.row.get("causer_id") is None
              else "App\\User", nullable=True),
          col("properties", T, _activity_props, null=0.05),
          *_ts_cols())
    table(md, "options", len(OPTIONS),
          col("id", UI, pk=True, auto=True),
          col("name", S(191), lambda c: OPTIONS[c.index][0], unique=True),
          col("value", LT, lambda c: OPTIONS[c.index][1]))
    table(md, "password_resets", 15,
          col("email", S(191), "email"),
          col("token", S(255), lambda c: G["password_hash"](_p(c, style="bcrypt"))),
          col("created_at", TS, _ts, null=0.05))
    return md
