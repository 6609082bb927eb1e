"""osTicket (PHP helpdesk, MySQL): a held-out schema (issue #10), labelled before any scan
and never tuned on. The tables are those of ``setup/inc/streams/core/install-mysql.sql``,
here with the ``ost_`` prefix (the installer's ``%TABLE_PREFIX%``), all columns.

Tables: end users (``ost_user``: a name only; their e-mail addresses in
``ost_user_email``, their optional portal login in ``ost_user_account``), organisations,
agents (``ost_staff``, with signatures that carry the agent's name and phone), tickets
(with the IP of web submissions), threads and their entries (the poster's name, the
message body, the recipients as JSON, the raw e-mail headers of e-mailed messages), the
thread event log (``username`` of who acted, JSON ``data`` naming the assignee), dynamic
form entries (the contact-information form: phone numbers and notes, in a polymorphic
``object_id``), PHP sessions, the system log (failed logins name the username and IP),
the key/value ``ost_config`` (site settings, and password-reset tokens keyed by the
token with the user's id as value), uploaded files (names that sometimes name a person),
attachments and API keys (an integration server's IP and key).

No foreign key is declared (the installer's tables have indexes only); references are
generated as values without a constraint, as on a real install; 0 means "none".
"""

from __future__ import annotations

import json

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import SUPPORT_MESSAGES, blob, col, enum, table, tinyint
from ..gen import with_params as _p

SOURCE = {"repo": "osTicket/osTicket",
          "path": "setup/inc/streams/core/install-mysql.sql",
          "commit": "aac546d0db392149b9468b35f56017b26dbe6af9"}
PERSON_TABLES = ("ost_user", "ost_user_account", "ost_staff")

V = sa.String
T = sa.Text
DT = sa.DateTime
I = sa.Integer  # noqa: E741
TI = tinyint()

N_USER = 120
N_STAFF = 15
N_TICKET = 200


def _ip_or_blank(share):  # type: ignore[no-untyped-def]
    def g(c):  # type: ignore[no-untyped-def]
        return G["ip"](c) if c.rng.random() < share else ""
    return g


def _signature(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.3:
        return ""
    p = c.person
    return c.rng.choice([
        f"Kind regards,\n{p['first']} {p['last']}\nCustomer Support",
        f"-- \n{p['first']}\nSupport team | {G['phone'](c)}",
        f"Mit freundlichen Grüßen\n{p['first']} {p['last']}"])


def _recipients(c):  # type: ignore[no-untyped-def]
    if c.row["type"] == "N" or c.rng.random() < 0.4:
        return None
    p = c.person
    out = {"to": {str(c.rng.randint(1, N_USER)): f"{p['first']} {p['last']} <{p['email']}>"}}
    if c.rng.random() < 0.3:
        o = G["email"](_p(c))
        out["cc"] = {str(c.rng.randint(1, N_USER)): o}
    return json.dumps(out, ensure_ascii=False)


SUBJECTS = ["Re: [#483920] Login problem", "Invoice question", "Help"]


def _headers(c):  # type: ignore[no-untyped-def]
    p = c.person
    return (f"Received: from mail.example.net ([{G['ipv4'](c)}])\r\n"
            f"From: \"{p['first']} {p['last']}\" <{p['email']}>\r\n"
            f"To: support@helpdesk.example.com\r\n"
            f"Subject: {c.rng.choice(SUBJECTS)}\r\n"
            f"Message-ID: {c.row['mid']}\r\nContent-Type: text/plain; charset=UTF-8")


EVENTS = ["created", "closed", "reopened", "assigned", "released", "transferred",
          "referred", "overdue", "edited", "viewed", "error", "collab"]


def _event_data(c):  # type: ignore[no-untyped-def]
    ev = EVENTS[c.row["event_id"] - 1]
    if ev == "assigned":
        p = c.person
        return json.dumps({"staff": [c.rng.randint(1, N_STAFF), f"{p['first']} {p['last']}"]},
                          ensure_ascii=False)
    if ev in ("closed", "reopened"):
        return json.dumps({"status": [c.rng.choice([1, 3]), c.rng.choice(["Open", "Closed"])]})
    if ev == "transferred":
        return json.dumps({"dept": [c.rng.randint(1, 4), "Sales"]})
    return None


def _event_username(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.3:
        c.row["_uid"], c.row["_uid_type"] = None, "S"
        return "SYSTEM"
    if r < 0.75:
        c.row["_uid"], c.row["_uid_type"] = c.rng.randint(1, N_STAFF), "S"
        return c.person["username"]
    c.row["_uid"], c.row["_uid_type"] = c.rng.randint(1, N_USER), "U"
    return f"{c.person['first']} {c.person['last']}"


FORMS = {1: "U", 2: "T", 4: "O"}


def _form_value(c):  # type: ignore[no-untyped-def]
    fid = c.row["field_id"]
    if fid == 3:  # contact form: phone
        return "" if c.rng.random() < 0.3 else G["phone"](c)
    if fid == 4:  # contact form: internal notes
        return c.rng.choice(["", "", "VIP customer", f"Prefers calls after 5pm, ask for "
                             f"{c.person['first']}", "Spanish speaker"])
    if fid == 20:  # ticket details: issue summary
        return c.rng.choice(["Printer not working", "Cannot log in", "Refund request",
                             "Question about my invoice", "VPN drops every hour"])
    if fid == 22:  # priority (a list field: value_id set)
        c.row["_vid"] = c.rng.choice([1, 2, 3])
        return json.dumps({str(c.row["_vid"]): ["Low", "Normal", "High"][c.row["_vid"] - 1]})
    return c.rng.choice(["", "Acme Corp, 12 Main Street", "https://acme.example"])


def _session_data(c):  # type: ignore[no-untyped-def]
    uid = c.row["_uid"] = "0" if c.rng.random() < 0.3 else str(c.rng.randint(1, N_USER))
    csrf = G["token"](_p(c, n=40, style="hex"))
    if uid == "0":
        return f"csrf|a:2:{{s:5:\"token\";s:40:\"{csrf}\";s:4:\"time\";i:1700000000;}}".encode()
    kind = "staff" if c.rng.random() < 0.3 else "client"
    return (f"_auth|a:1:{{s:{len(kind)}:\"{kind}\";a:2:{{s:2:\"id\";i:{uid};s:3:\"key\";"
            f"s:{len(kind) + 1 + len(uid)}:\"{kind}:{uid}\";}}}}"
            f"csrf|a:1:{{s:5:\"token\";s:40:\"{csrf}\";}}").encode()


SYSLOG = [("Failed login attempt (staff)", "Username: {u} IP: {ip} Time: {t} Attempts: {n}"),
          ("Failed login attempt (user)", "Username: {e} IP: {ip} Time: {t} Attempts: {n}"),
          ("Mailer Error", "Unable to connect to SMTP server mail.example.com:587"),
          ("Cron Job", "Fetched 12 e-mails from support@helpdesk.example.com"),
          ("Ticket Denied", "Banned email - {e}"),
          ("DB Error #1062", "Duplicate entry for key 'PRIMARY'")]


def _syslog_title(c):  # type: ignore[no-untyped-def]
    c.row["_i"] = c.rng.randrange(len(SYSLOG))
    return SYSLOG[c.row["_i"]][0]


def _syslog(c):  # type: ignore[no-untyped-def]
    text = SYSLOG[c.row["_i"]][1]
    return text.format(u=c.person["username"], e=c.person["email"], ip=G["ipv4"](c),
                       t=G["datetime"](_p(c)).isoformat(sep=" "), n=c.rng.randint(2, 6))


CONFIG = [("core", "helpdesk_title", "ACME Support Center"),
          ("core", "helpdesk_url", "https://helpdesk.example.com/"),
          ("core", "admin_email", "it-admin@example.com"),
          ("core", "default_timezone", "Europe/Berlin"), ("core", "max_file_size", "2097152"),
          ("core", "enable_captcha", "0"), ("core", "default_dept_id", "1"),
          ("core", "default_email_id", "1"), ("core", "alert_email_id", "2"),
          ("core", "passwd_reset_period", "0"), ("core", "staff_max_logins", "4"),
          ("core", "client_max_logins", "4"), ("core", "ticket_number_format", "######"),
          ("core", "schema_signature", "5fb92bef17f3b603659e024c01cc7a59"),
          ("core", "default_locale", ""), ("core", "system_language", "en_US"),
          ("core", "secondary_langs", "de,fr"), ("core", "enable_html_thread", "1"),
          ("core", "clients_only", "0"), ("core", "allow_pw_reset", "1"),
          ("dept.1", "assign_members_only", "0"), ("dept.2", "disable_auto_claim", "1"),
          ("sla.1", "transient", "0"), ("list.1", "configuration", '{"handler":"TicketStatus"}'),
          ("mysqlsearch", "reindex", "0"), ("plugin.1", "oauth2.enabled", "1"),
          ("email.1", "mailbox_protocol", "IMAP"), ("core", "verify_email_addrs", "1"),
          ("core", "landing_page_id", "1"), ("core", "max_open_tickets", "0")]


def _config(kind):  # type: ignore[no-untyped-def]
    def g(c):  # type: ignore[no-untyped-def]
        i = c.index
        if i < len(CONFIG):
            return CONFIG[i][kind]
        if kind == 0:
            return "pwreset"
        if kind == 1:
            return G["token"](_p(c, n=32, style="url"))
        return f"c{c.rng.randint(1, N_USER)}" if c.rng.random() < 0.7 else \
            str(c.rng.randint(1, N_STAFF))
    return g


def _file_name(c):  # type: ignore[no-untyped-def]
    p = c.person
    r = c.rng.random()
    if r < 0.2:
        return c.rng.choice([f"passport_{p['last']}_{p['first']}.pdf",
                             f"CV_{p['first']}_{p['last']}.docx",
                             f"{p['first'].lower()}-{p['last'].lower()}-invoice.pdf"])
    return c.rng.choice(["screenshot.png", "image001.jpg", "error.log", "invoice_2024_03.pdf",
                         "Screen Shot 2024-05-02 at 10.11.03.png", "logo.png", "report.xlsx"])


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "ost_organization", 15,
          col("id", I, pk=True, auto=True),
          col("name", V(128), "company"),
          col("manager", V(16), lambda c: c.rng.choice(["", "", f"s{c.rng.randint(1, N_STAFF)}",
                                                         f"t{c.rng.randint(1, 3)}"])),
          col("status", I, "choice", values=[0, 0, 1, 8]),
          col("domain", V(256), lambda c: "" if c.rng.random() < 0.4 else
              f"{G['slug'](c)}.example.com"),
          col("extra", T, lambda c: None if c.rng.random() < 0.6 else
              json.dumps({"def-assn-role": True, "sharing": c.rng.choice(["", "all"])}),
              nullable=True),
          col("created", DT, "datetime", null=0.05),
          col("updated", DT, "datetime", null=0.1))
    table(md, "ost_user", N_USER,
          col("id", I, pk=True, auto=True),
          col("org_id", I, lambda c: 0 if c.rng.random() < 0.6 else c.rng.randint(1, 15)),
          col("default_email_id", I, lambda c: c.index + 1),
          col("status", I, "choice", values=[0, 0, 0, 1, 2]),
          col("name", V(128), lambda c: c.rng.choice([G["full_name"](c), G["full_name"](c),
                                                      c.person["email"].split("@")[0]])),
          col("created", DT, "datetime"),
          col("updated", DT, "datetime"))
    table(md, "ost_user_email", N_USER + 15,
          col("id", I, pk=True, auto=True),
          col("user_id", I, lambda c: c.index + 1 if c.index < N_USER else
              c.rng.randint(1, N_USER), ref="ost_user.id"),
          col("flags", I, "choice", values=[0, 0, 0, 1]),
          col("address", V(255), "email", unique=True))
    table(md, "ost_user_account", 70,
          col("id", I, pk=True, auto=True),
          col("user_id", I, ref="ost_user.id", unique=True),
          col("status", I, "choice", values=[1, 1, 3, 9]),
          col("timezone", V(64), "timezone", null=0.4),
          col("lang", V(16), lambda c: c.rng.choice(["en_US", "de", "fr", "es_ES"]), null=0.5),
          col("username", V(64), "username", null=0.4, unique=True),
          col("passwd", V(128), "password_hash", null=0.15, style="bcrypt"),
          col("backend", V(32), lambda c: c.rng.choice(["ldap.client", "oauth2.google"]),
              null=0.8),
          col("extra", T, lambda c: json.dumps({"browser_lang": c.rng.choice(
              ["en_US", "de_DE", "fr_FR"])}), null=0.3),
          col("registered", DT, "datetime"))
    table(md, "ost_staff", N_STAFF,
          col("staff_id", I, pk=True, auto=True),
          col("dept_id", I, "int", lo=1, hi=4),
          col("role_id", I, "int", lo=1, hi=3),
          col("username", V(32), lambda c: "admin" if c.index == 0 else c.person["username"],
              unique=True),
          col("firstname", V(32), "first_name"),
          col("lastname", V(32), "last_name"),
          col("passwd", V(128), "password_hash", style="bcrypt"),
          col("backend", V(32), lambda c: "ldap", null=0.7),
          col("email", V(255), "email"),
          col("phone", V(24), lambda c: "" if c.rng.random() < 0.4 else G["phone"](c)),
          col("phone_ext", V(6), lambda c: str(c.rng.randint(10, 999)), null=0.6),
          col("mobile", V(24), lambda c: "" if c.rng.random() < 0.6 else G["phone"](c)),
          col("signature", T, _signature),
          col("lang", V(16), lambda c: c.rng.choice(["en_US", "de"]), null=0.5),
          col("timezone", V(64), "timezone", null=0.3),
          col("locale", V(16), lambda c: "en_GB", null=0.8),
          col("notes", T, lambda c: c.rng.choice(["", "", "Team lead", "Part-time (Mon-Wed)"]),
              null=0.3),
          col("isactive", TI, lambda c: int(c.rng.random() < 0.9)),
          col("isadmin", TI, lambda c: int(c.index == 0)),
          col("isvisible", TI, lambda c: 1),
          col("onvacation", TI, lambda c: int(c.rng.random() < 0.1)),
          col("assigned_only", TI, lambda c: 0),
          col("show_assigned_tickets", TI, "choice", values=[0, 1]),
          col("change_passwd", TI, lambda c: int(c.rng.random() < 0.1)),
          col("max_page_size", I, "choice", values=[0, 25, 50]),
          col("auto_refresh_rate", I, "choice", values=[0, 2, 5]),
          col("default_signature_type", enum("none", "mine", "dept"), "choice",
              values=["none", "mine", "dept"]),
          col("default_paper_size", enum("Letter", "Legal", "Ledger", "A4", "A3"), "choice",
              values=["Letter", "A4"]),
          col("extra", T, lambda c: json.dumps({"def_assn_role": True, "browser_lang": "en_US",
                                                "reply_redirect": "Ticket"})),
          col("permissions", T, lambda c: json.dumps({"user.create": 1, "user.edit": 1,
                                                      "org.create": int(c.index == 0)})),
          col("created", DT, "datetime"),
          col("lastlogin", DT, "datetime", null=0.1),
          col("passwdreset", DT, "datetime", null=0.5),
          col("updated", DT, "datetime"))

    def _ticket_source(c):  # type: ignore[no-untyped-def]
        s = c.rng.choice(["Web", "Web", "Email", "Email", "Phone", "API", "Other"])
        c.row["_web"] = s in ("Web", "API")
        return s

    table(md, "ost_ticket", N_TICKET,
          col("ticket_id", I, pk=True, auto=True),
          col("ticket_pid", I, lambda c: c.rng.randint(1, max(c.index, 1)), null=0.95),
          col("number", V(20), lambda c: str(c.rng.randint(100000, 999999)), unique=True),
          col("user_id", I, ref="ost_user.id"),
          col("user_email_id", I, lambda c: 0 if c.rng.random() < 0.9 else
              c.rng.randint(N_USER + 1, N_USER + 15)),
          col("status_id", I, "choice", values=[1, 1, 2, 3, 3, 3]),
          col("dept_id", I, "int", lo=1, hi=4),
          col("sla_id", I, "choice", values=[0, 1, 1, 2]),
          col("topic_id", I, "int", lo=1, hi=12),
          col("staff_id", I, lambda c: 0 if c.rng.random() < 0.3 else c.rng.randint(1, N_STAFF)),
          col("team_id", I, "choice", values=[0, 0, 0, 1, 2]),
          col("email_id", I, "choice", values=[0, 1, 1, 2]),
          col("lock_id", I, lambda c: 0 if c.rng.random() < 0.9 else c.rng.randint(1, 40)),
          col("flags", I, "choice", values=[0, 0, 0, 1, 2]),
          col("sort", I, lambda c: 0),
          col("source", enum("Web", "Email", "Phone", "API", "Other"), _ticket_source),
          col("ip_address", V(64), lambda c: G["ip"](c) if c.row["_web"] else ""),
          col("source_extra", V(40), lambda c: c.rng.choice(["mailbox", "piped"]) if
              c.row["source"] == "Email" else None, nullable=True),
          col("isoverdue", TI, lambda c: int(c.rng.random() < 0.1)),
          col("isanswered", TI, lambda c: int(c.rng.random() < 0.7)),
          col("duedate", DT, "datetime", null=0.8),
          col("est_duedate", DT, "datetime", null=0.3),
          col("reopened", DT, "datetime", null=0.9),
          col("closed", DT, "datetime", null=0.5),
          col("lastupdate", DT, "datetime", null=0.05),
          col("created", DT, "datetime"),
          col("updated", DT, "datetime"))
    table(md, "ost_thread", N_TICKET,
          col("id", I, pk=True, auto=True),
          col("object_id", I, lambda c: c.index + 1, ref="ost_ticket.ticket_id"),
          col("object_type", V(1), lambda c: "T"),
          col("extra", T, lambda c: None if c.rng.random() < 0.9 else
              json.dumps({"merged": True, "child": c.rng.randint(1, N_TICKET)}), nullable=True),
          col("lastresponse", DT, "datetime", null=0.3),
          col("lastmessage", DT, "datetime", null=0.05),
          col("created", DT, "datetime"))

    def _entry_staff(c):  # type: ignore[no-untyped-def]
        c.row["_t"] = c.rng.choice(["M", "M", "R", "R", "N"])
        c.row["_staff"] = c.row["_t"] != "M"
        return c.rng.randint(1, N_STAFF) if c.row["_staff"] else 0

    def _poster(c):  # type: ignore[no-untyped-def]
        if c.row["_staff"] and c.rng.random() < 0.1:
            return "SYSTEM"
        return G["full_name"](c)

    table(md, "ost_thread_entry", 500,
          col("id", I, pk=True, auto=True),
          col("pid", I, lambda c: 0 if c.rng.random() < 0.7 or not c.index else
              c.rng.randint(1, c.index)),
          col("thread_id", I, ref="ost_thread.id"),
          col("staff_id", I, _entry_staff),
          col("user_id", I, lambda c: 0 if c.row["_staff"] else c.rng.randint(1, N_USER)),
          col("type", V(1), lambda c: c.row["_t"]),
          col("flags", I, "choice", values=[0, 0, 1, 64, 576]),
          col("poster", V(128), _poster),
          col("editor", I, lambda c: c.rng.randint(1, N_STAFF), null=0.9),
          col("editor_type", V(1), lambda c: "S" if c.row["editor"] else None, nullable=True),
          col("source", V(32), lambda c: c.rng.choice(["Web", "Email", "API", ""])),
          col("title", V(255), lambda c: c.rng.choice(["Cannot log in", "Invoice question",
                                                       "Re: Printer not working",
                                                       "Ticket closed"]), null=0.6),
          col("body", T, lambda c: G["template"](_p(c, texts=SUPPORT_MESSAGES)) or "<p></p>"),
          col("format", V(16), "choice", values=["html", "html", "text"]),
          col("ip_address", V(64), _ip_or_blank(0.5)),
          col("extra", T, lambda c: None if c.rng.random() < 0.9 else
              json.dumps({"thread": c.rng.randint(1, N_TICKET)}), nullable=True),
          col("recipients", T, _recipients, nullable=True),
          col("created", DT, "datetime"),
          col("updated", DT, "datetime"))
    table(md, "ost_thread_entry_email", 150,
          col("id", I, pk=True, auto=True),
          col("thread_entry_id", I, ref="ost_thread_entry.id"),
          col("email_id", I, "choice", values=[1, 1, 2], null=0.1),
          col("mid", V(255), lambda c: f"<{G['token'](_p(c, n=24, style='url'))}@"
              f"{c.rng.choice(['mail.gmail.com', 'outlook.com', 'helpdesk.example.com'])}>"),
          col("headers", T, _headers, null=0.2))

    def _event_id(c):  # type: ignore[no-untyped-def]
        return c.rng.randint(1, len(EVENTS))

    table(md, "ost_thread_event", 400,
          col("id", I, pk=True, auto=True),
          col("thread_id", I, ref="ost_thread.id"),
          col("thread_type", V(1), lambda c: "T"),
          col("event_id", I, _event_id, null=0.02),
          col("staff_id", I, lambda c: 0 if c.rng.random() < 0.4 else c.rng.randint(1, N_STAFF)),
          col("team_id", I, "choice", values=[0, 0, 0, 1]),
          col("dept_id", I, "int", lo=0, hi=4),
          col("topic_id", I, "int", lo=0, hi=12),
          col("data", V(1024), lambda c: _event_data(c) if c.row["event_id"] else None,
              nullable=True),
          col("username", V(128), _event_username),
          col("uid", I, lambda c: c.row["_uid"], nullable=True),
          col("uid_type", V(1), lambda c: c.row["_uid_type"]),
          col("annulled", TI, lambda c: int(c.rng.random() < 0.05)),
          col("timestamp", DT, "datetime"))

    def _form_id(c):  # type: ignore[no-untyped-def]
        return c.rng.choice([1, 1, 2, 2, 2, 4])

    table(md, "ost_form_entry", 150,
          col("id", I, pk=True, auto=True),
          col("form_id", I, _form_id),
          col("object_id", I, lambda c: c.rng.randint(1, {1: N_USER, 2: N_TICKET, 4: 15}[
              c.row["form_id"]]), null=0.02),
          col("object_type", V(1), lambda c: FORMS[c.row["form_id"]]),
          col("sort", I, lambda c: 1),
          col("extra", T, lambda c: None if c.rng.random() < 0.8 else
              json.dumps({"disable": []}), nullable=True),
          col("created", DT, "datetime"),
          col("updated", DT, "datetime"))
    table(md, "ost_form_entry_values", 320,
          col("entry_id", I, ref="ost_form_entry.id", pk=True),
          col("field_id", I, "choice", values=[3, 3, 4, 20, 22, 36], pk=True),
          col("value", T, _form_value, null=0.03),
          col("value_id", I, lambda c: c.row.get("_vid", 2) if c.row["field_id"] == 22 else None,
              nullable=True))
    table(md, "ost_session", 60,
          col("session_id", V(255), "token", pk=True, n=26, style="url"),
          col("session_data", blob(), _session_data),
          col("session_expire", DT, "datetime", null=0.05),
          col("session_updated", DT, "datetime", null=0.05),
          col("user_id", V(16), lambda c: c.row["_uid"]),
          col("user_ip", V(64), "ip"),
          col("user_agent", V(255), "user_agent"))
    table(md, "ost_syslog", 80,
          col("log_id", I, pk=True, auto=True),
          col("log_type", enum("Debug", "Warning", "Error"), "choice",
              values=["Debug", "Warning", "Warning", "Error"]),
          col("title", V(255), _syslog_title),
          col("log", T, _syslog),
          col("logger", V(64), lambda c: c.person["username"] if c.rng.random() < 0.4 else ""),
          col("ip_address", V(64), "ip"),
          col("created", DT, "datetime"),
          col("updated", DT, "datetime"))
    table(md, "ost_config", len(CONFIG) + 14,
          col("id", I, pk=True, auto=True),
          col("namespace", V(64), _config(0)),
          col("key", V(64), _config(1)),
          col("value", T, _config(2)),
          col("updated", DT, "datetime"),
          sa.UniqueConstraint("namespace", "key"))
    table(md, "ost_file", 120,
          col("id", I, pk=True, auto=True),
          col("ft", V(1), "choice", values=["T", "T", "T", "L", "N"]),
          col("bk", V(1), lambda c: "D"),
          col("type", V(255), lambda c: c.rng.choice(["image/png", "image/jpeg",
                                                      "application/pdf", "text/plain", ""])),
          col("size", sa.BigInteger(), "int", lo=200, hi=4_000_000),
          col("key", V(86), "token", n=32, style="url"),
          col("signature", V(86), "token", n=43, style="url"),
          col("name", V(255), _file_name),
          col("attrs", V(255), lambda c: "width=800,height=600", null=0.8),
          col("created", DT, "datetime"))
    table(md, "ost_attachment", 200,
          col("id", I, pk=True, auto=True),
          col("object_id", I, "int", lo=1, hi=500),
          col("type", V(1), "choice", values=["H", "H", "H", "T"]),
          col("file_id", I, ref="ost_file.id"),
          col("name", V(255), _file_name, null=0.7),
          col("inline", TI, lambda c: int(c.rng.random() < 0.3)),
          col("lang", V(16), lambda c: "en_US", null=0.9),
          sa.UniqueConstraint("object_id", "file_id", "type"),
          sa.UniqueConstraint("file_id", "object_id"))
    table(md, "ost_api_key", 4,
          col("id", I, pk=True, auto=True),
          col("isactive", TI, lambda c: 1),
          col("ipaddr", V(64), lambda c: ["10.0.0.12", "127.0.0.1", "192.0.2.25", "10.0.0.13"][
              c.index]),
          col("apikey", V(255), "token", n=32, style="hex", unique=True),
          col("can_create_tickets", TI, lambda c: 1),
          col("can_exec_cron", TI, "choice", values=[0, 1]),
          col("notes", T, lambda c: ["Mail piping from mx1", "Local cron", "Website contact "
                                     "form", ""][c.index]),
          col("updated", DT, "datetime"),
          col("created", DT, "datetime"))
    return md

