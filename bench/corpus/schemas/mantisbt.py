"""MantisBT (a bug tracker, PHP with ADOdb, MySQL/PostgreSQL): a held-out schema (issue #10),
labelled before any scan and never tuned on. The tables ``admin/schema.php`` leaves after
all its upgrade steps (schema version 215: the integer Unix-time dates that replaced the
timestamps, ``username``/``realname``/``email`` widened to 191, ``password`` to 64, the
``api_token`` table, ``bug_file.bugnote_id``; ``project_category`` and ``user_print_pref``
dropped): 18 of its tables, all their columns, with the default ``mantis_`` prefix and
``_table`` suffix (users, preferences, profiles, projects and their members, categories,
bugs and their texts, notes and note texts, history, monitors, attachments, custom field
values, tokens, the e-mail queue, API tokens, saved filters).

ADOdb types: ``I`` integer (``UNSIGNED`` dropped), ``I2`` smallint, ``C(n)`` varchar,
``XL`` LONGTEXT on MySQL, ``X`` text, ``B`` LONGBLOB on MySQL, ``L`` boolean. No foreign
key is declared (``user_id``, ``reporter_id``, ``handler_id``, ``owner``, ``bug_id``... are
values); the unique indexes on ``username``, ``cookie_string``, ``project.name`` are kept.

Values: usernames, real names in many scripts (some empty), e-mails, MD5 password hashes
(MantisBT's default login method) and a few bcrypt ones, 64-character cookie strings,
Unix-time dates, bug summaries that name a customer in ~10%, descriptions and notes with
names, e-mails and phones, history rows whose old and new values are user ids, statuses or
a customer's e-mail (a custom field), PNG/JPEG attachments, custom field values (customer
e-mail and phone, browser), tokens (JSON filters, last visited ids, account verification
hashes), queued notification e-mails with the recipient and a PHP-serialized metadata
array, hashed API tokens, serialized saved filters.
"""

from __future__ import annotations

import json

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import SUPPORT_MESSAGES, _fill, _hex, blob, col, longtext, new_person, table
from ..gen import with_params as _p

SOURCE = {"repo": "mantisbt/mantisbt", "path": "admin/schema.php",
          "commit": "b50cdcfeb0d3b8baa6b0e8271ab1ed7a19b1bad4"}
PERSON_TABLES = ("mantis_user_table",)

I = sa.Integer  # noqa: E741
I2 = sa.SmallInteger
L = sa.Boolean
XL = longtext
N_USERS = 80
N_BUGS = 400
N_PROJECTS = 6


def C(n: int) -> sa.String:  # noqa: N802
    return sa.String(n)


def _unix(c):  # type: ignore[no-untyped-def]
    return c.rng.randint(1262304000, 1767225600)  # 2010..2026


def _password(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.85:
        return _hex(c.rng, 32)
    return G["password_hash"](_p(c, style="bcrypt"))


def _realname(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.2:
        return ""
    return G["full_name"](c)


def _email(c):  # type: ignore[no-untyped-def]
    return "" if c.rng.random() < 0.05 else c.person["email"]


SUMMARIES = ["Crash when saving report with empty title", "Typo in German translation",
             "Export to CSV ignores date filter", "Slow page load on dashboard",
             "Upload fails for files over 2 MB", "Wrong timezone in e-mail notifications",
             "PHP 8.2 deprecation warnings in log", "Search does not find closed issues",
             "Button misaligned on mobile", "Session expires too early"]


def _summary(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.1:
        p = new_person(c)
        return c.rng.choice([f"Customer {p['email']} cannot reset password",
                             f"Invoice for {p['first']} {p['last']} shows wrong VAT",
                             f"Account of {p['first']} {p['last']} locked after update"])
    return c.rng.choice(SUMMARIES)


def _description(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.25:
        return _fill(c.rng.choice(SUPPORT_MESSAGES[:3] + SUPPORT_MESSAGES[4:5]), c)
    return c.rng.choice(["The application throws an exception when the form is submitted "
                         "without a title.", "Steps below. Happens on Firefox and Chrome.",
                         "After upgrading to 2.26 the page takes 12 seconds to load.",
                         "See attached screenshot."])


STEPS = ["1. Open the report page\n2. Leave title empty\n3. Click Save",
         "1. Log in as a reporter\n2. Upload a 3 MB file", "", "Always reproducible",
         "1. Go to My View\n2. Wait 10 minutes\n3. Click any link"]


def _additional(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.5:
        return ""
    if r < 0.6:
        p = new_person(c)
        return f"Reported by phone by {p['first']} {p['last']} ({G['phone'](c)})"
    return c.rng.choice(["PHP 8.2.12, MySQL 8.0.35", "Stack trace:\n#0 core/bug_api.php(412)",
                         "Regression since 2.25.0", "Duplicate of a closed issue?"])


def _history_field(c):  # type: ignore[no-untyped-def]
    return c.rng.choice(["status", "status", "handler_id", "priority", "summary",
                         "Customer email", "resolution", ""])


def _history_value(c):  # type: ignore[no-untyped-def]
    f = c.row["field_name"]
    if f == "status":
        return str(c.rng.choice([10, 20, 30, 40, 50, 80, 90]))
    if f == "handler_id":
        return str(c.rng.randint(0, N_USERS))
    if f == "priority":
        return str(c.rng.choice([10, 20, 30, 40, 50, 60]))
    if f == "resolution":
        return str(c.rng.choice([10, 20, 30, 90]))
    if f == "summary":
        return c.rng.choice(SUMMARIES)
    if f == "Customer email":
        return new_person(c)["email"] if c.rng.random() < 0.8 else ""
    return str(c.rng.randint(1, 900))


def _cf_field(c):  # type: ignore[no-untyped-def]
    return c.rng.choice([1, 2, 3])


def _cf_value(c):  # type: ignore[no-untyped-def]
    f = c.row["field_id"]
    if f == 1:
        return c.person["email"]
    if f == 3:
        return G["phone"](c)
    return c.rng.choice(["Firefox 121", "Chrome 120", "Safari 17", "Edge", ""])


def _token_type(c):  # type: ignore[no-untyped-def]
    return c.rng.choices([1, 3, 5, 6, 7], [30, 30, 10, 20, 10])[0]


def _token_value(c):  # type: ignore[no-untyped-def]
    t = c.row["type"]
    if t == 1:
        return json.dumps({"_version": "v9", "_view_type": "simple",
                           "handler_id": [c.rng.randint(0, N_USERS)], "status": [10, 50],
                           "per_page": 50, "search": c.rng.choice(["", "crash", "export"])})
    if t == 3:
        return ",".join(str(c.rng.randint(1, N_BUGS)) for _ in range(c.rng.randint(1, 10)))
    if t == 5:
        return json.dumps({"filter": c.rng.random() < 0.5, "bugnotes": True})
    return _hex(c.rng, 64)


def _email_body(c):  # type: ignore[no-untyped-def]
    p, q = new_person(c), new_person(c)
    return (f"The following issue has been {c.rng.choice(['SUBMITTED', 'UPDATED', 'RESOLVED'])}.\n"
            f"======================================================================\n"
            f"Reported By:                {p['username']}\n"
            f"Assigned To:                {q['username'] if c.rng.random() < 0.7 else ''}\n"
            f"======================================================================\n"
            f"Summary:                    {c.rng.choice(SUMMARIES)}\n"
            + (f"----------------------------------------------------------------------\n"
               f" ({q['username']}) "
               f"{_fill(c.rng.choice(SUPPORT_MESSAGES[:3]), c)}\n"
               if c.rng.random() < 0.4 else ""))


def _email_metadata(c):  # type: ignore[no-untyped-def]
    mid = f"<{_hex(c.rng, 32)}@bugs.example.org>"
    host = c.rng.choice(["bugs.example.org", "mantis.intranet.local"])
    return (f'a:3:{{s:7:"headers";a:1:{{s:10:"Message-ID";s:{len(mid)}:"{mid}";}}'
            f's:7:"charset";s:5:"utf-8";s:8:"hostname";s:{len(host)}:"{host}";}}')


def _filter_string(c):  # type: ignore[no-untyped-def]
    body = json.dumps({"_version": "v9", "_view_type": "advanced",
                       "category_id": [c.rng.choice(["General", "UI", "Backend"])],
                       "severity": [c.rng.choice([50, 60, 70])], "status": [10, 20, 50],
                       "handler_id": [-1], "sort": "last_updated", "dir": "DESC"})
    return f"v9#{body}"


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    p = "mantis_"
    s = "_table"
    table(md, f"{p}user{s}", N_USERS,
          col("id", I, pk=True, auto=True),
          col("username", C(191), "username", unique=True),
          col("realname", C(191), _realname),
          col("email", C(191), _email),
          col("password", C(64), _password),
          col("enabled", L, "choice", values=[True, True, True, False]),
          col("protected", L, "choice", values=[False] * 9 + [True]),
          col("access_level", I2, "choice", values=[10, 25, 25, 40, 55, 70, 90]),
          col("login_count", I, "int", lo=0, hi=3000),
          col("lost_password_request_count", I2, "int", lo=0, hi=3),
          col("failed_login_count", I2, "int", lo=0, hi=5),
          col("cookie_string", C(64), lambda c: _hex(c.rng, 64), unique=True),
          col("last_visit", I, _unix),
          col("date_created", I, _unix))
    table(md, f"{p}user_pref{s}", N_USERS,
          col("id", I, pk=True, auto=True),
          col("user_id", I, ref=f"{p}user{s}.id", unique=True),
          col("project_id", I, "const", value=0),
          col("default_profile", I, "const", value=0),
          col("default_project", I, "int", lo=0, hi=N_PROJECTS),
          col("refresh_delay", I, "choice", values=[0, 30, 60]),
          col("redirect_delay", I, "choice", values=[0, 2, 5]),
          col("bugnote_order", C(4), "choice", values=["ASC", "DESC"]),
          *[col(f"email_on_{k}", L, "bool") for k in (
              "new", "assigned", "feedback", "resolved", "closed", "reopened", "bugnote",
              "status", "priority")],
          *[col(f"email_on_{k}_min_severity", I2, "choice", values=[10, 50, 60, 70])
            for k in ("priority", "status", "bugnote", "reopened", "closed", "resolved",
                      "feedback", "assigned", "new")],
          col("email_bugnote_limit", I2, "choice", values=[0, 0, 5]),
          col("language", C(32), "choice", values=["auto", "english", "german", "french",
                                                   "japanese", "portuguese_brazil"]),
          col("timezone", C(32), "timezone"))
    table(md, f"{p}user_profile{s}", 40,
          col("id", I, pk=True, auto=True),
          col("user_id", I, ref=f"{p}user{s}.id"),
          col("platform", C(32), "choice", values=["x86_64", "arm64", "Desktop"]),
          col("os", C(32), "choice", values=["Windows", "macOS", "Ubuntu", "Debian"]),
          col("os_build", C(32), "choice", values=["11", "14.2", "22.04", "12", ""]),
          col("description", XL(), "choice", values=["Work laptop", "Home PC", "", "Test VM"]))
    table(md, f"{p}project{s}", N_PROJECTS,
          col("id", I, pk=True, auto=True),
          col("name", C(128), lambda c: ["Web Shop", "Mobile App", "Billing", "Intranet",
                                         "API", "Documentation"][c.index], unique=True),
          col("status", I2, "choice", values=[10, 30, 50]),
          col("enabled", L, "const", value=True),
          col("view_state", I2, "choice", values=[10, 50]),
          col("access_min", I2, "const", value=10),
          col("file_path", C(250), "const", value=""),
          col("description", XL(), "choice", values=["", "Customer-facing shop",
                                                     "iOS and Android clients"]),
          col("category_id", I, "const", value=1),
          col("inherit_global", L, "const", value=True))
    table(md, f"{p}project_user_list{s}", 60,
          col("project_id", I, ref=f"{p}project{s}.id", pk=True),
          col("user_id", I, ref=f"{p}user{s}.id", pk=True),
          col("access_level", I2, "choice", values=[25, 40, 55, 70]))
    table(md, f"{p}category{s}", 12,
          col("id", I, pk=True, auto=True),
          col("project_id", I, lambda c: 0 if c.index == 0 else c.rng.randint(1, N_PROJECTS)),
          col("user_id", I, lambda c: 0 if c.rng.random() < 0.6 else c.rng.randint(1, N_USERS)),
          col("name", C(128), lambda c: ["General", "UI", "Backend", "Payments",
                                         "Translations", "Performance", "Security",
                                         "Documentation", "Android", "iOS", "Reports",
                                         "Import"][c.index]),
          col("status", I, "const", value=1))
    table(md, f"{p}bug_text{s}", N_BUGS,
          col("id", I, pk=True, auto=True),
          col("description", XL(), _description),
          col("steps_to_reproduce", XL(), "choice", values=STEPS),
          col("additional_information", XL(), _additional))
    table(md, f"{p}bug{s}", N_BUGS,
          col("id", I, pk=True, auto=True),
          col("project_id", I, ref=f"{p}project{s}.id"),
          col("reporter_id", I, ref=f"{p}user{s}.id"),
          col("handler_id", I, lambda c: 0 if c.rng.random() < 0.3 else
              c.rng.randint(1, N_USERS)),
          col("duplicate_id", I, lambda c: 0 if c.rng.random() < 0.9 else
              c.rng.randint(1, N_BUGS)),
          col("priority", I2, "choice", values=[10, 20, 30, 40, 50, 60]),
          col("severity", I2, "choice", values=[10, 20, 30, 40, 50, 60, 70, 80]),
          col("reproducibility", I2, "choice", values=[10, 30, 50, 70, 90, 100]),
          col("status", I2, "choice", values=[10, 20, 30, 40, 50, 80, 90]),
          col("resolution", I2, "choice", values=[10, 20, 30, 40, 50, 60, 70, 80, 90]),
          col("projection", I2, "const", value=10),
          col("eta", I2, "const", value=10),
          col("bug_text_id", I, ref=f"{p}bug_text{s}.id", unique=True),
          col("os", C(32), "choice", values=["", "Windows", "macOS", "Linux", "Android"]),
          col("os_build", C(32), "choice", values=["", "11", "14", "6.5"]),
          col("platform", C(32), "choice", values=["", "x64", "arm64"]),
          col("version", C(64), "choice", values=["", "2.25.0", "2.26.1", "3.0-beta"]),
          col("fixed_in_version", C(64), "choice", values=["", "", "2.26.2"]),
          col("build", C(32), "choice", values=["", "", "1234"]),
          col("profile_id", I, "const", value=0),
          col("view_state", I2, "choice", values=[10, 10, 50]),
          col("summary", C(128), _summary),
          col("sponsorship_total", I, "const", value=0),
          col("sticky", L, "choice", values=[False] * 19 + [True]),
          col("target_version", C(64), "choice", values=["", "", "2.27.0"]),
          col("category_id", I, ref=f"{p}category{s}.id"),
          col("date_submitted", I, _unix),
          col("due_date", I, lambda c: 1 if c.rng.random() < 0.8 else _unix(c)),
          col("last_updated", I, _unix))
    table(md, f"{p}bugnote_text{s}", 700,
          col("id", I, pk=True, auto=True),
          col("note", XL(), lambda c: _fill(c.rng.choice(SUPPORT_MESSAGES), c)))
    table(md, f"{p}bugnote{s}", 700,
          col("id", I, pk=True, auto=True),
          col("bug_id", I, ref=f"{p}bug{s}.id"),
          col("reporter_id", I, ref=f"{p}user{s}.id"),
          col("bugnote_text_id", I, ref=f"{p}bugnote_text{s}.id", unique=True),
          col("view_state", I2, "choice", values=[10, 10, 50]),
          col("note_type", I, "choice", values=[0, 0, 0, 1, 2]),
          col("note_attr", C(250), "const", value=""),
          col("time_tracking", I, "choice", values=[0, 0, 0, 15, 30, 90]),
          col("last_modified", I, _unix),
          col("date_submitted", I, _unix))
    table(md, f"{p}bug_history{s}", 1200,
          col("id", I, pk=True, auto=True),
          col("user_id", I, ref=f"{p}user{s}.id"),
          col("bug_id", I, ref=f"{p}bug{s}.id"),
          col("field_name", C(64), _history_field),
          col("old_value", C(255), _history_value),
          col("new_value", C(255), _history_value),
          col("type", I2, lambda c: 0 if c.row["field_name"] else c.rng.choice([1, 2, 12, 25])),
          col("date_modified", I, _unix))
    table(md, f"{p}bug_monitor{s}", 300,
          col("user_id", I, ref=f"{p}user{s}.id", pk=True),
          col("bug_id", I, ref=f"{p}bug{s}.id", pk=True))
    table(md, f"{p}bug_file{s}", 120,
          col("id", I, pk=True, auto=True),
          col("bug_id", I, ref=f"{p}bug{s}.id"),
          col("title", C(250), "const", value=""),
          col("description", C(250), "choice", values=["", "", "screenshot", "log excerpt"]),
          col("diskfile", C(250), lambda c: _hex(c.rng, 32)),
          col("filename", C(250), lambda c: c.rng.choice(
              ["screenshot.png", "error.log", "Bildschirmfoto 2024-03-02.png", "export.csv",
               "IMG_2041.jpg", "trace.txt"])),
          col("folder", C(250), "const", value=""),
          col("filesize", I, "int", lo=200, hi=2_000_000),
          col("file_type", C(250), "choice", values=["image/png", "text/plain", "image/jpeg"]),
          col("content", blob("long"), "image", nullable=True),
          col("date_added", I, _unix),
          col("user_id", I, ref=f"{p}user{s}.id"),
          col("bugnote_id", I, lambda c: 0 if c.rng.random() < 0.6 else c.rng.randint(1, 700),
              nullable=True))
    table(md, f"{p}custom_field_string{s}", 500,
          col("field_id", I, _cf_field, pk=True),
          col("bug_id", I, ref=f"{p}bug{s}.id", pk=True),
          col("value", C(255), _cf_value),
          col("text", XL(), lambda c: None if c.rng.random() < 0.97 else
              "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 " * 5,
              nullable=True))
    table(md, f"{p}tokens{s}", 250,
          col("id", I, pk=True, auto=True),
          col("owner", I, ref=f"{p}user{s}.id"),
          col("type", I, _token_type),
          col("value", XL(), _token_value),
          col("timestamp", I, _unix),
          col("expiry", I, _unix))
    table(md, f"{p}email{s}", 150,
          col("email_id", I, pk=True, auto=True),
          col("email", C(191), "email"),
          col("subject", C(250), lambda c: f"[{c.rng.choice(['Web Shop', 'Billing', 'API'])} "
              f"{c.rng.randint(1, N_BUGS):07d}]: {_summary(c)}"),
          col("metadata", XL(), _email_metadata),
          col("body", XL(), _email_body),
          col("submitted", I, _unix))
    table(md, f"{p}api_token{s}", 30,
          col("id", I, pk=True, auto=True),
          col("user_id", I, ref=f"{p}user{s}.id"),
          col("name", C(128), "choice", values=["CI", "Mobile app", "Zapier", "backup script",
                                                "Grafana"]),
          col("hash", C(128), lambda c: _hex(c.rng, 64)),
          col("date_created", I, _unix),
          col("date_used", I, lambda c: 1 if c.rng.random() < 0.3 else _unix(c)))
    table(md, f"{p}filters{s}", 50,
          col("id", I, pk=True, auto=True),
          col("user_id", I, ref=f"{p}user{s}.id"),
          col("project_id", I, lambda c: c.rng.choice([0, -1] + list(range(1, N_PROJECTS)))),
          col("is_public", L, "bool", nullable=True),
          col("name", C(64), "choice", values=["My open bugs", "Critical", "Unassigned",
                                               "Last week", "Payments backlog"]),
          col("filter_string", XL(), _filter_string))
    return md
