"""OpenProject (project management, Ruby on Rails, PostgreSQL): a held-out schema (issue
#10), labelled before any scan and never tuned on. The tables as the squashed migration
classes in ``db/migrate/tables/*.rb`` create them: 15 of them, all their columns (ids are
``integer`` as ``Tables::Base.id_options`` says; ``t.references`` are ``bigint``).
Declared foreign keys only where those files declare them: ``remote_identities.user_id``,
``notifications.recipient_id``/``actor_id`` (to ``users``) and ``notifications.journal_id``;
``oauth_access_tokens.application_id`` points to ``oauth_applications`` (not included,
values). Every other reference (``author_id``, ``assigned_to_id``, ``user_id``...) is
generated as values, as Rails leaves them. Those four declared references are ``integer``
here (bigint in the migration) so that MariaDB accepts a foreign key to the integer ids.

The stored index holds these files at different commits of ``opf/openproject`` (one version
each was read): users and members at ``0a11bdd0``, custom_values and user_passwords at
``369581b4``, work_packages and messages at ``299578d8``, tokens and journals at
``1a58f385``, attachments at ``2dcdc176``, time_entries at ``21a696ef``, sessions at
``1d9f7241``, user_preferences at ``43ad2e1f``, notifications at ``4a54ae2d``,
oauth_access_tokens and remote_identities at ``45b991b0``. SOURCE names the last of these.

Tables: users (login, first and last name, e-mail, OpenID identity URL; the same table
holds groups and placeholder users, whose name is in ``lastname``), user_passwords (bcrypt
and legacy SHA-1 hashes with salts), user_preferences (YAML settings, time zone), tokens
(RSS/API/autologin/recovery tokens), sessions (session ids, base64 serialized session
data), members, work_packages (subjects and descriptions, some naming customers and
colleagues), journals (comments), attachments (file names like "Arbeitsvertrag Müller.pdf"),
time_entries (comments), forum messages, notifications, OAuth access and refresh tokens,
remote identities (the user's id at a Nextcloud/OIDC integration), custom values (user
custom fields such as employee number and mobile phone next to project values).
"""

from __future__ import annotations

import base64
import json

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, datetimes, new_person, password_hash, table, token_of
from ..gen import with_params as _p

SOURCE = {"repo": "opf/openproject", "path": "db/migrate/tables/{users,user_passwords,"
          "user_preferences,tokens,sessions,members,work_packages,journals,attachments,"
          "time_entries,messages,notifications,oauth_access_tokens,remote_identities,"
          "custom_values}.rb",
          "commit": "45b991b0ff397deb711a69982ca50595d1788c39"}
PERSON_TABLES = ("users",)

I = sa.Integer  # noqa: E741
BI = sa.BigInteger
S = sa.String
T = sa.Text
D = sa.Date
TS = sa.DateTime
B = sa.Boolean

N_USERS = 70
N_WP = 200
N_JOURNALS = 320

_ts = datetimes(2016, 2025)
GROUPS = ["Developers", "Bauleitung Nord", "QA team", "Management", "Équipe Lyon",
          "Externe Partner", "Support"]
SUBJECTS = ["Fix login redirect loop", "Prepare quarterly report", "Migrate CI to new runner",
            "Design review for landing page", "Update dependency versions",
            "Baustelle Hamburg: Statik prüfen", "Write release notes 14.2",
            "Clarify requirements with customer", "Performance regression in Gantt view",
            "Onboarding checklist", "Order scaffolding", "Translate help texts"]


def _name(c):  # type: ignore[no-untyped-def]
    p = new_person(c)
    return f"{p['first']} {p['last']}"


def _user_type(c):  # type: ignore[no-untyped-def]
    """The row's STI type, drawn once (by ``login``, the first column that needs it)."""
    if "_type" not in c.row:
        c.row["_type"] = "AnonymousUser" if c.index == 0 else "SystemUser" if c.index == 1 \
            else c.rng.choices(["User", "Group", "PlaceholderUser"], [80, 12, 8])[0]
    return c.row["_type"]


def _login(c):  # type: ignore[no-untyped-def]
    t = _user_type(c)
    if t != "User":
        return ""
    return c.person["username"] if c.rng.random() < 0.6 else c.person["email"]


def _firstname(c):  # type: ignore[no-untyped-def]
    return c.person["first"] if _user_type(c) == "User" else ""


def _lastname(c):  # type: ignore[no-untyped-def]
    t = _user_type(c)
    if t == "Group":
        return c.rng.choice(GROUPS)
    if t == "PlaceholderUser":
        return c.rng.choice(["Site engineer (tbd)", "New hire Q3", "Freelancer Design"])
    if t in ("AnonymousUser", "SystemUser"):
        return {"AnonymousUser": "Anonymous", "SystemUser": "System"}[t]
    return c.person["last"]


def _mail(c):  # type: ignore[no-untyped-def]
    return c.person["email"] if _user_type(c) == "User" else ""


def _identity_url(c):  # type: ignore[no-untyped-def]
    if _user_type(c) != "User" or c.rng.random() < 0.8:
        return None
    u = c.person["username"]
    return c.rng.choice([f"https://openid.example.org/{u}",
                         f"google:{c.rng.randint(10**20, 10**21)}",
                         f"keycloak:{G['uuid_str'](c)}"])


def _others(c):  # type: ignore[no-untyped-def]
    return ("---\n:no_self_notified: true\n:comments_sorting: "
            f"{c.rng.choice(['asc', 'desc'])}\n:warn_on_leaving_unsaved: '1'\n"
            f":theme: {c.rng.choice(['light', 'dark', 'light_high_contrast'])}\n"
            f":auto_hide_popups: {c.rng.choice(['true', 'false'])}\n")


def _session_data(c):  # type: ignore[no-untyped-def]
    d = {"_csrf_token": G["token"](_p(c, n=43, style="url")),
         "user_id": c.rng.randint(3, N_USERS), "updated_at": str(G["datetime"](c))}
    if c.rng.random() < 0.2:
        d["flash"] = {"notice": f"Welcome back, {new_person(c)['first']}!"}
    return base64.b64encode(json.dumps(d).encode()).decode() + "\n"


def _description(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.15:
        p = new_person(c)
        return c.rng.choice([
            f"Customer contact: {p['first']} {p['last']}, {p['email']}, {G['phone'](c)}",
            f"Reported by {p['first']} {p['last']} via phone. Steps to reproduce below.",
            f"Neuer Mitarbeiter {p['first']} {p['last']}, Start 01.04., Laptop bestellen.",
        ])
    if r < 0.3:
        return ""
    return c.fakers["en_US"].paragraph(nb_sentences=3)


def _journal_note(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.45:
        return ""
    if r < 0.6:
        p = new_person(c)
        return c.rng.choice([f"@{p['username']} can you take a look?",
                             f"Discussed with {p['first']} {p['last']}, will be done Friday.",
                             f"Customer ({p['email']}) confirmed the fix."])
    return c.rng.choice(["Done.", "Moved to next sprint.", "Blocked by #1204",
                         "Tested on staging, works.", "See attached screenshot."])


def _filename(c):  # type: ignore[no-untyped-def]
    p = c.person
    return c.rng.choice([f"Arbeitsvertrag {p['last']}.pdf", f"passport_{p['first'].lower()}.jpg",
                         "screenshot.png", "Gantt-export.xlsx", "Bauplan_EG_v3.dwg",
                         "meeting-notes.docx", "image.png", "invoice-2023-118.pdf",
                         "logo_final_FINAL.svg", "requirements.pdf"])


def _te_comment(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.1:
        return f"Call with {_name(c)}"
    if r < 0.3:
        return ""
    return c.rng.choice(["Implementation", "Code review", "Meeting", "Bugfixing",
                         "Site visit", "Documentation", "Planning"])


def _message(c):  # type: ignore[no-untyped-def]
    p = c.person
    return c.rng.choice([
        f"Hi all, {p['first']} here. I'll be out next week, ping {_name(c)} instead.",
        "Does anyone know how to export the cost report as CSV?",
        f"Welcome to our new colleague {_name(c)}! Reach her at {new_person(c)['email']}.",
        "The staging server will be down on Saturday for maintenance.",
        "+1", "Agreed, let's discuss in the weekly.",
    ])


def _notif_subject(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.5:
        return None
    if r < 0.8:
        return f"{_name(c)} mentioned you in #{c.rng.randint(100, 2000)}"
    return c.rng.choice(["Date alert: due tomorrow", "Work package overdue"])


def _cv_value(c):  # type: ignore[no-untyped-def]
    if c.row["customized_type"] == "Principal":
        return c.rng.choice([f"EMP-{c.rng.randint(1000, 9999)}", G["phone"](c),
                             c.person["first"] + " " + c.person["last"],
                             G["dob_text"](c)])
    return c.rng.choice(["1", "0", "High", "Berlin", "2024-06-30", "", "42",
                         "Kunde A", "SAP-4711"])


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "users", N_USERS,
          col("id", I, pk=True, auto=True),
          col("login", S(256), _login, nullable=False),
          col("firstname", S(30), _firstname, nullable=False),
          col("lastname", S(30), _lastname, nullable=False),
          col("mail", S(60), _mail, nullable=False),
          col("admin", B, "choice", values=[False, False, False, True], nullable=False),
          col("status", I, "choice", values=[1, 1, 1, 2, 3, 4], nullable=False),
          col("last_login_on", TS, _ts, null=0.2),
          col("language", S(5), "choice", values=["en", "de", "fr", "es", ""], null=0.05),
          col("auth_source_id", I, "choice", values=[1, 2], null=0.8),
          col("created_on", TS, _ts, null=0.02),
          col("updated_on", TS, _ts, null=0.02),
          col("type", S(255), _user_type, null=0.0),
          col("identity_url", S(255), _identity_url, nullable=True),
          col("mail_notification", S(255), "choice", values=["", "only_assigned", "all",
                                                             "selected", "none"],
              nullable=False),
          col("first_login", B, "bool", nullable=False),
          col("force_password_change", B, "choice", values=[False, False, True], null=0.1),
          col("failed_login_count", I, "choice", values=[0, 0, 0, 1, 3], null=0.1),
          col("last_failed_login_on", TS, _ts, null=0.8))
    table(md, "user_passwords", 80,
          col("id", I, pk=True, auto=True),
          col("user_id", I, ref="users.id", nullable=False),
          col("hashed_password", S(128), lambda c: password_hash(_p(c, style="bcrypt"))
              if c.rng.random() < 0.8 else G["sha1"](c), nullable=False),
          col("salt", S(64), token_of(32, "hex"), null=0.75),
          col("created_at", TS, _ts, null=0.02),
          col("updated_at", TS, _ts, null=0.02),
          col("type", S(255), lambda c: "UserPassword::Bcrypt" if c.row["hashed_password"]
              .startswith("$2") else "UserPassword::SHA1", nullable=False))
    table(md, "user_preferences", 60,
          col("id", I, pk=True, auto=True),
          col("user_id", I, ref="users.id", nullable=False),
          col("others", T, _others, null=0.1),
          col("hide_mail", B, "bool", null=0.05),
          col("time_zone", S(255), "timezone", null=0.3),
          col("impaired", B, "choice", values=[False, False, False, True], null=0.05))
    table(md, "tokens", 90,
          col("id", I, pk=True, auto=True),
          col("user_id", I, ref="users.id", nullable=False),
          col("action", S(30), "choice", values=["rss", "api", "autologin", "recovery",
                                                 "invitation"], nullable=False),
          col("value", S(40), token_of(40, "hex"), nullable=False),
          col("created_on", TS, _ts, nullable=False))
    table(md, "sessions", 120,
          col("id", I, pk=True, auto=True),
          col("session_id", S(255), lambda c: "2::" + G["token"](_p(c, n=64, style="hex")),
              nullable=False),
          col("data", T, _session_data, null=0.05),
          col("created_at", TS, _ts, null=0.02),
          col("updated_at", TS, _ts, null=0.02),
          col("user_id", I, ref="users.id", null=0.3))
    table(md, "members", 150,
          col("id", I, pk=True, auto=True),
          col("user_id", I, ref="users.id", nullable=False),
          col("project_id", I, "int", lo=1, hi=25, nullable=False),
          col("created_on", TS, _ts, null=0.02),
          col("mail_notification", B, "bool", nullable=False),
          sa.UniqueConstraint("user_id", "project_id"))
    table(md, "work_packages", N_WP,
          col("id", I, pk=True, auto=True),
          col("type_id", I, "int", lo=1, hi=7, nullable=False),
          col("project_id", I, "int", lo=1, hi=25, nullable=False),
          col("subject", S(255), "choice", values=SUBJECTS, nullable=False),
          col("description", T, _description, null=0.1),
          col("due_date", D, "date", null=0.5),
          col("category_id", I, "int", lo=1, hi=10, null=0.7),
          col("status_id", I, "int", lo=1, hi=14, nullable=False),
          col("assigned_to_id", I, ref="users.id", null=0.3),
          col("priority_id", I, "int", lo=7, hi=10, null=0.05),
          col("fixed_version_id", I, "int", lo=1, hi=12, null=0.6),
          col("author_id", I, ref="users.id", nullable=False),
          col("lock_version", I, "int", lo=0, hi=12, nullable=False),
          col("done_ratio", I, "choice", values=[0, 10, 50, 90, 100], nullable=False),
          col("estimated_hours", sa.Float, lambda c: float(c.rng.choice([1, 2, 4, 8, 16, 0.5])),
              null=0.5),
          col("created_at", TS, _ts, null=0.01),
          col("updated_at", TS, _ts, null=0.01),
          col("start_date", D, "date", null=0.4),
          col("parent_id", I, ref="work_packages.id", null=0.6),
          col("responsible_id", I, ref="users.id", null=0.7),
          col("root_id", I, "int", lo=1, hi=N_WP, null=0.1),
          col("lft", I, "int", lo=1, hi=400, null=0.1),
          col("rgt", I, "int", lo=2, hi=401, null=0.1))
    table(md, "journals", N_JOURNALS,
          col("id", I, pk=True, auto=True),
          col("journable_type", S(255), "choice", values=["WorkPackage", "WorkPackage",
                                                          "WorkPackage", "Project", "Message",
                                                          "TimeEntry"], null=0.01),
          col("journable_id", I, "int", lo=1, hi=N_WP, null=0.01),
          col("user_id", I, ref="users.id", nullable=False),
          col("notes", T, _journal_note, null=0.1),
          col("created_at", TS, _ts, nullable=False),
          col("version", I, "seq", nullable=False),
          col("activity_type", S(255), "choice", values=["work_packages", "project_attributes",
                                                         "messages", "time_entries"],
              null=0.05))
    table(md, "attachments", 110,
          col("id", I, pk=True, auto=True),
          col("container_id", I, "int", lo=1, hi=N_WP, null=0.0),
          col("container_type", S(30), "choice", values=["WorkPackage", "WorkPackage",
                                                         "Message", "WikiPage", "Project"],
              nullable=False),
          col("filename", S(255), _filename, nullable=False),
          col("disk_filename", S(255), lambda c: f"{c.rng.randint(180101, 251231)}"
              f"{c.rng.randint(100000, 999999)}_{G['token'](_p(c, n=12, style='hex'))}",
              nullable=False),
          col("filesize", I, "int", lo=800, hi=9_000_000, nullable=False),
          col("content_type", S(255), "choice", values=["application/pdf", "image/png",
                                                        "image/jpeg", ""], null=0.05),
          col("digest", S(40), token_of(32, "hex"), nullable=False),
          col("downloads", I, "int", lo=0, hi=40, nullable=False),
          col("author_id", I, ref="users.id", nullable=False),
          col("created_on", TS, _ts, null=0.02),
          col("description", S(255), lambda c: c.rng.choice(
              ["", "", "signed copy", "v2", f"scan for {_name(c)}", "final"]), null=0.4),
          col("file", S(255), lambda c: c.row["filename"].replace(" ", "_"), null=0.05))
    table(md, "time_entries", 260,
          col("id", I, pk=True, auto=True),
          col("project_id", I, "int", lo=1, hi=25, nullable=False),
          col("user_id", I, ref="users.id", nullable=False),
          col("work_package_id", I, ref="work_packages.id", null=0.1),
          col("hours", sa.Float, lambda c: float(c.rng.choice([0.25, 0.5, 1, 1.5, 2, 4, 8])),
              nullable=False),
          col("comments", S(255), _te_comment, null=0.2),
          col("activity_id", I, "int", lo=1, hi=6, nullable=False),
          col("spent_on", D, "date", nullable=False),
          col("tyear", I, lambda c: c.row["spent_on"].year, nullable=False),
          col("tmonth", I, lambda c: c.row["spent_on"].month, nullable=False),
          col("tweek", I, lambda c: c.row["spent_on"].isocalendar()[1], nullable=False),
          col("created_on", TS, _ts, nullable=False),
          col("updated_on", TS, _ts, nullable=False))
    table(md, "messages", 90,
          col("id", I, pk=True, auto=True),
          col("board_id", I, "int", lo=1, hi=6, nullable=False),
          col("parent_id", I, ref="messages.id", null=0.5),
          col("subject", S(255), "choice", values=["Vacation planning", "Release 14.2",
                                                   "Re: CSV export", "Welcome!",
                                                   "Staging downtime"], nullable=False),
          col("content", T, _message, null=0.05),
          col("author_id", I, ref="users.id", null=0.05),
          col("replies_count", I, "int", lo=0, hi=9, nullable=False),
          col("last_reply_id", I, ref="messages.id", null=0.6),
          col("created_on", TS, _ts, nullable=False),
          col("updated_on", TS, _ts, nullable=False),
          col("locked", B, "choice", values=[False, False, True], null=0.05),
          col("sticky", I, "choice", values=[0, 0, 0, 1], null=0.05),
          col("sticked_on", TS, _ts, null=0.9))
    table(md, "notifications", 240,
          col("id", BI, pk=True, auto=True),
          col("subject", T, _notif_subject, nullable=True),
          col("read_ian", B, "bool", null=0.05),
          col("reason", sa.SmallInteger, "int", lo=0, hi=8, null=0.05),
          col("recipient_id", I, fk="users.id", nullable=False),
          col("actor_id", I, fk="users.id", null=0.2),
          col("resource_type", S(255), "choice", values=["WorkPackage"], nullable=False),
          col("resource_id", BI, "int", lo=1, hi=N_WP, nullable=False),
          col("journal_id", I, fk="journals.id", null=0.1),
          col("created_at", TS, _ts, nullable=False),
          col("updated_at", TS, _ts, nullable=False),
          col("mail_reminder_sent", B, "bool", null=0.05),
          col("mail_alert_sent", B, "bool", null=0.4))
    table(md, "oauth_access_tokens", 70,
          col("id", BI, pk=True, auto=True),
          col("resource_owner_id", BI, ref="users.id", null=0.1),
          col("application_id", BI, "int", lo=1, hi=4, null=0.02),
          col("token", S(255), lambda c: G["token"](_p(c, n=64, style="hex")), unique=True,
              nullable=False),
          col("refresh_token", S(255), lambda c: G["token"](_p(c, n=64, style="hex")),
              unique=True, null=0.3),
          col("expires_in", I, "choice", values=[7200, 7200, 3600], null=0.1),
          col("revoked_at", TS, _ts, null=0.6),
          col("created_at", TS, _ts, nullable=False),
          col("scopes", S(255), "choice", values=["api_v3", "api_v3 bcf_v2_1", ""], null=0.1),
          col("previous_refresh_token", S(255), lambda c: "" if c.rng.random() < 0.6 else
              G["token"](_p(c, n=64, style="hex")), nullable=False))
    table(md, "remote_identities", 40,
          col("id", BI, pk=True, auto=True),
          col("user_id", I, fk="users.id", nullable=False),
          col("auth_source_id", BI, "int", lo=1, hi=3, nullable=False),
          col("origin_user_id", S(255), lambda c: c.rng.choice(
              [c.person["username"], G["uuid_str"](c), c.person["email"]]), nullable=False),
          col("created_at", TS, _ts, nullable=False),
          col("updated_at", TS, _ts, nullable=False),
          col("auth_source_type", S(255), "choice", values=["OpenIDConnect::Provider",
                                                            "OAuthClient"], nullable=False),
          col("integration_type", S(255), "choice", values=["Storages::NextcloudStorage",
                                                            "OpenIDConnect::Provider"],
              nullable=False),
          col("integration_id", BI, "int", lo=1, hi=3, nullable=False),
          sa.UniqueConstraint("user_id", "auth_source_type", "auth_source_id",
                              "integration_id", "integration_type"))
    table(md, "custom_values", 200,
          col("id", I, pk=True, auto=True),
          col("customized_type", S(30), "choice", values=["Principal", "WorkPackage",
                                                          "Project", "Principal"],
              nullable=False),
          col("customized_id", I, lambda c: c.rng.randint(
              3, N_USERS if c.row["customized_type"] == "Principal" else N_WP),
              nullable=False),
          col("custom_field_id", I, "int", lo=1, hi=9, nullable=False),
          col("value", T, _cv_value, null=0.05))
    return md
