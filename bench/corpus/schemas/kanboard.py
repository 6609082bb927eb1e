"""Kanboard (PHP project management with Kanban boards): a held-out schema (issue #10),
labelled before any scan and never tuned on. The tables are those of the MySQL dump the
installer loads, ``app/Schema/Sql/mysql.sql`` (``mysqldump`` of the schema after all
migrations), 20 of its 48 tables, all their columns; foreign keys as the dump declares
them (``ON DELETE CASCADE``), other references (``owner_id``, ``creator_id``,
``comments.user_id``, ``task_has_files.user_id``, ``settings.changed_by``...) generated
as values without a constraint, as in the dump. Times are Unix-time integers
(``BIGINT``/``INT``).

Tables: users (with Google/GitHub/GitLab account ids, a TOTP secret, a feed token and an
API token), groups and their members, projects (private projects are one user's), project
members, columns, swimlanes, tasks (titles and descriptions that sometimes name and
contact a customer), comments, subtasks, task files (names that sometimes name a
person), the project activity stream (``data``: the event as JSON with the task, its
creator's and assignee's usernames and names), last logins, password-reset tokens and
remember-me tokens (with IP and user agent), PHP sessions (base64 of the serialized
session with the user's name and e-mail), application settings (with the
installation's API and webhook tokens), per-user UI metadata, project invitations (an
e-mail address and token) and notification subscriptions.
"""

from __future__ import annotations

import base64
import json

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import SUPPORT_MESSAGES, col, longtext, mediumtext, table, tinyint
from ..gen import with_params as _p

SOURCE = {"repo": "kanboard/kanboard", "path": "app/Schema/Sql/mysql.sql",
          "commit": "f070ad87d6ff33b5fb18fa13463955d93cf08a4d"}
PERSON_TABLES = ("users",)

V = sa.String
MT = mediumtext()
I = sa.Integer  # noqa: E741
BI = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TI = tinyint()
F = sa.Float

N_USER = 40
N_PROJECT = 12
COLUMNS = ["Backlog", "Ready", "Work in progress", "Done"]


def _unix(c):  # type: ignore[no-untyped-def]
    return c.rng.randint(1_450_000_000, 1_760_000_000)


def _unix_or(null):  # type: ignore[no-untyped-def]
    def g(c):  # type: ignore[no-untyped-def]
        return None if c.rng.random() < null else _unix(c)
    return g


def _hex(n):  # type: ignore[no-untyped-def]
    def g(c):  # type: ignore[no-untyped-def]
        return G["token"](_p(c, n=n, style="hex"))
    return g


def _b32(c):  # type: ignore[no-untyped-def]
    return "".join(c.rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(16))


def _login_method(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    c.row["_auth"] = "db" if r < 0.6 else "ldap" if r < 0.8 else "oauth"
    return None if c.row["_auth"] != "db" else G["password_hash"](_p(c, style="bcrypt"))


TASK_TITLES = ["Fix login redirect", "Update dependencies", "Write release notes",
               "Design new landing page", "Migrate database to PostgreSQL 16",
               "Review pull request #{n}", "Prepare quarterly report", "Set up CI pipeline",
               "Call {first} {last} about contract renewal",
               "Send invoice to {first} {last}", "Translate UI to German", "Backup server"]
TASK_DESCRIPTIONS = [
    "", "", "See the attached screenshot.", "Steps to reproduce:\n1. Log in\n2. Open board",
    "Customer: {first} {last}, {phone}", "Contact {email} for the credentials.",
    "Blocked by the API change, see #{n}.", "Meeting notes: {first2} will draft the spec."]


def _task_title(c):  # type: ignore[no-untyped-def]
    return G["template"](_p(c, texts=TASK_TITLES))


def _activity(c):  # type: ignore[no-untyped-def]
    ev = c.rng.choice(["task.create", "task.update", "task.move.column", "task.close",
                       "comment.create", "subtask.update", "task.file.create"])
    c.row["_ev"] = ev
    return ev


def _activity_data(c):  # type: ignore[no-untyped-def]
    p = c.person
    task = {"id": c.row["task_id"], "title": c.rng.choice(["Fix login redirect",
                                                           "Update dependencies"]),
            "project_id": c.row["project_id"], "column_title": c.rng.choice(COLUMNS),
            "creator_username": p["username"], "creator_name": f"{p['first']} {p['last']}",
            "assignee_username": c.rng.choice([None, p["username"]]),
            "assignee_name": c.rng.choice([None, f"{p['first']} {p['last']}"]),
            "date_due": 0, "color_id": "yellow"}
    out = {"task_id": c.row["task_id"], "task": task}
    if c.row["_ev"] == "comment.create":
        out["comment"] = {"comment": G["template"](_p(c, texts=SUPPORT_MESSAGES)),
                          "username": p["username"], "name": p["first"]}
    return json.dumps(out, ensure_ascii=False)


def _session_data(c):  # type: ignore[no-untyped-def]
    csrf = G["token"](_p(c, n=30, style="hex"))
    if c.rng.random() < 0.3:
        raw = f'csrf|a:1:{{s:30:"{csrf}";b:1;}}'
    else:
        p = c.person
        name = f"{p['first']} {p['last']}"
        raw = (f'user|a:5:{{s:2:"id";i:{c.rng.randint(1, N_USER)};s:8:"username";'
               f's:{len(p["username"])}:"{p["username"]}";s:4:"name";s:{len(name.encode())}:'
               f'"{name}";s:5:"email";s:{len(p["email"])}:"{p["email"]}";s:4:"role";'
               f's:8:"app-user";}}csrf|a:1:{{s:30:"{csrf}";b:1;}}')
    return base64.b64encode(raw.encode()).decode()


SETTINGS = [("api_token", None), ("application_currency", "USD"),
            ("application_date_format", "m/d/Y"), ("application_language", "en_US"),
            ("application_stylesheet", ""), ("application_timezone", "UTC"),
            ("application_url", "https://kanboard.example.com/"), ("board_columns", ""),
            ("board_highlight_period", "172800"), ("board_private_refresh_interval", "10"),
            ("board_public_refresh_interval", "60"), ("calendar_project_tasks", "date_started"),
            ("calendar_user_subtasks_time_tracking", "0"), ("calendar_user_tasks",
                                                             "date_started"),
            ("cfd_include_closed_tasks", "1"), ("default_color", "yellow"),
            ("integration_gravatar", "0"), ("password_reset", "1"), ("project_categories", ""),
            ("subtask_restriction", "0"), ("subtask_time_tracking", "1"),
            ("webhook_token", None), ("webhook_url", ""), ("mail_sender_address",
                                                           "kanboard@example.com"),
            ("ldap_group_provider", "1")]

FILE_NAMES = ["screenshot.png", "mockup-v2.pdf", "requirements.docx", "diagram.svg",
              "error.log", "invoice_march.pdf"]


def _file_name(c):  # type: ignore[no-untyped-def]
    p = c.person
    if c.rng.random() < 0.15:
        return c.rng.choice([f"Contract_{p['last']}_{p['first']}.pdf",
                             f"{p['first']} {p['last']} - signed offer.pdf"])
    return c.rng.choice(FILE_NAMES)


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "users", N_USER,
          col("id", I, pk=True, auto=True),
          col("username", V(191), lambda c: "admin" if c.index == 0 else c.person["username"],
              unique=True),
          col("password", V(255), _login_method, nullable=True),
          col("is_ldap_user", TI, lambda c: int(c.row["_auth"] == "ldap")),
          col("name", V(255), "display_name", null=0.1),
          col("email", V(255), "email", null=0.15),
          col("google_id", V(30), lambda c: str(c.rng.randint(10**20, 10**21 - 1)) if
              c.row["_auth"] == "oauth" and c.rng.random() < 0.6 else None, nullable=True),
          col("github_id", V(30), lambda c: str(c.rng.randint(100000, 99999999)) if
              c.row["_auth"] == "oauth" and c.rng.random() < 0.6 else None, nullable=True),
          col("notifications_enabled", TI, "choice", values=[0, 1]),
          col("timezone", V(50), lambda c: c.rng.choice(["", "Europe/Paris", "UTC",
                                                         "America/Toronto"]), null=0.5),
          col("language", V(11), lambda c: c.rng.choice(["", "en_US", "fr_FR", "de_DE",
                                                         "pt_BR"]), null=0.5),
          col("disable_login_form", TI, lambda c: int(c.row["_auth"] == "oauth")),
          col("twofactor_activated", TI, lambda c: int(c.rng.random() < 0.2)),
          col("twofactor_secret", sa.CHAR(16), lambda c: _b32(c) if
              c.row["twofactor_activated"] else None, nullable=True),
          col("token", V(255), lambda c: _hex(30)(c) if c.rng.random() < 0.2 else ""),
          col("notifications_filter", I, "choice", values=[1, 2, 4, 4]),
          col("nb_failed_login", I, "choice", values=[0, 0, 0, 1, 3]),
          col("lock_expiration_date", BI, lambda c: 0 if c.rng.random() < 0.9 else _unix(c),
              null=0.2),
          col("gitlab_id", I, lambda c: c.rng.randint(1000, 9999999) if
              c.row["_auth"] == "oauth" and c.rng.random() < 0.4 else None, nullable=True),
          col("role", V(25), lambda c: "app-admin" if c.index == 0 else c.rng.choice(
              ["app-user", "app-user", "app-manager"])),
          col("is_active", TI, lambda c: int(c.rng.random() < 0.9)),
          col("avatar_path", V(255), lambda c: f"avatars/{c.index + 1}/{G['sha1'](c)}",
              null=0.7),
          col("api_access_token", V(255), _hex(60), null=0.8),
          col("filter", MT, lambda c: c.rng.choice(["status:open assignee:me",
                                                    "status:open", "due:tomorrow"]),
              null=0.6))
    table(md, "groups", 6,
          col("id", I, pk=True, auto=True),
          col("external_id", V(255), lambda c: "" if c.index < 3 else
              f"cn={['devs', 'ops', 'sales'][c.index - 3]},ou=groups,dc=example,dc=com"),
          col("name", V(191), lambda c: ["Developers", "Managers", "Support", "devs", "ops",
                                         "sales"][c.index], unique=True))
    table(md, "group_has_users", 50,
          col("group_id", I, fk="groups.id", nullable=False),
          col("user_id", I, fk="users.id", nullable=False),
          sa.UniqueConstraint("group_id", "user_id"))
    table(md, "projects", N_PROJECT,
          col("id", I, pk=True, auto=True),
          col("name", MT, lambda c: ["Website", "Mobile App", "Infrastructure", "Marketing Q3",
                                     "HR Onboarding", "Customer Success", "API v2",
                                     "Data Warehouse", "My tasks", "Personal", "Support",
                                     "Design System"][c.index]),
          col("is_active", TI, lambda c: int(c.rng.random() < 0.85)),
          col("token", V(255), _hex(30), null=0.7),
          col("last_modified", BI, _unix),
          col("is_public", TI, lambda c: int(c.rng.random() < 0.2)),
          col("is_private", TI, lambda c: int(c.index in (8, 9))),
          col("description", MT, "lorem", null=0.4),
          col("identifier", V(50), lambda c: c.rng.choice(["", "WEB", "APP", "OPS"])),
          col("start_date", V(10), lambda c: "" if c.rng.random() < 0.6 else
              G["date"](c).isoformat()),
          col("end_date", V(10), lambda c: "" if c.rng.random() < 0.7 else
              G["date"](c).isoformat()),
          col("owner_id", I, lambda c: c.rng.randint(1, N_USER) if c.row["is_private"] or
              c.rng.random() < 0.4 else 0),
          col("priority_default", I, lambda c: 0),
          col("priority_start", I, lambda c: 0),
          col("priority_end", I, lambda c: 3),
          col("email", MT, lambda c: "" if c.rng.random() < 0.6 else
              f"project-{c.index + 1}@kanboard.example.com", null=0.2),
          col("predefined_email_subjects", MT, lambda c: "Ticket update\nNew task", null=0.7))
    table(md, "project_has_users", 60,
          col("project_id", I, fk="projects.id", nullable=False),
          col("user_id", I, fk="users.id", nullable=False),
          col("role", V(255), "choice", values=["project-member", "project-member",
                                                "project-manager", "project-viewer"]),
          sa.UniqueConstraint("project_id", "user_id"))
    table(md, "columns", N_PROJECT * len(COLUMNS),
          col("id", I, pk=True, auto=True),
          col("title", V(191), lambda c: COLUMNS[c.index % len(COLUMNS)]),
          col("position", I, lambda c: c.index % len(COLUMNS) + 1),
          col("project_id", I, lambda c: c.index // len(COLUMNS) + 1, fk="projects.id"),
          col("task_limit", I, "choice", values=[0, 0, 0, 5]),
          col("description", MT, lambda c: "", null=0.5),
          col("hide_in_dashboard", I, "choice", values=[0, 0, 1]),
          sa.UniqueConstraint("title", "project_id"))
    table(md, "swimlanes", N_PROJECT + 4,
          col("id", I, pk=True, auto=True),
          col("name", V(191), lambda c: "Default swimlane" if c.index < N_PROJECT else
              ["Team A", "Team B", "Expedite", "Bugs"][c.index - N_PROJECT]),
          col("position", I, lambda c: 1 if c.index < N_PROJECT else 2),
          col("is_active", I, lambda c: 1),
          col("project_id", I, lambda c: c.index + 1 if c.index < N_PROJECT else
              c.rng.randint(1, N_PROJECT), fk="projects.id", nullable=True),
          col("description", MT, lambda c: "", null=0.6),
          sa.UniqueConstraint("name", "project_id"))
    table(md, "tasks", 300,
          col("id", I, pk=True, auto=True),
          col("title", MT, _task_title),
          col("description", MT, lambda c: G["template"](_p(c, texts=TASK_DESCRIPTIONS)),
              null=0.2),
          col("date_creation", BI, _unix),
          col("date_completed", BI, _unix_or(0.6), nullable=True),
          col("date_due", BI, lambda c: 0 if c.rng.random() < 0.6 else _unix(c), null=0.1),
          col("color_id", V(50), lambda c: c.rng.choice(["yellow", "blue", "green", "red",
                                                         "purple"])),
          col("project_id", I, fk="projects.id"),
          col("column_id", I, fk="columns.id"),
          col("owner_id", I, lambda c: 0 if c.rng.random() < 0.3 else
              c.rng.randint(1, N_USER)),
          col("position", I, "int", lo=1, hi=40),
          col("score", I, "choice", values=[0, 1, 2, 3, 5, 8], null=0.3),
          col("is_active", TI, lambda c: int(c.rng.random() < 0.6)),
          col("category_id", I, "choice", values=[0, 0, 1, 2, 3]),
          col("creator_id", I, lambda c: 0 if c.rng.random() < 0.05 else
              c.rng.randint(1, N_USER)),
          col("date_modification", I, _unix),
          col("reference", V(191), lambda c: "" if c.rng.random() < 0.8 else
              f"JIRA-{c.rng.randint(100, 9999)}"),
          col("date_started", BI, _unix_or(0.5), nullable=True),
          col("time_spent", F, lambda c: c.rng.choice([0, 0, 0.5, 2, 4.25])),
          col("time_estimated", F, lambda c: c.rng.choice([0, 0, 1, 3, 8])),
          col("swimlane_id", I, fk="swimlanes.id"),
          col("date_moved", BI, _unix),
          col("recurrence_status", I, lambda c: 0),
          col("recurrence_trigger", I, lambda c: 0),
          col("recurrence_factor", I, lambda c: 0),
          col("recurrence_timeframe", I, lambda c: 0),
          col("recurrence_basedate", I, lambda c: 0),
          col("recurrence_parent", I, "int", lo=1, hi=300, null=0.97),
          col("recurrence_child", I, "int", lo=1, hi=300, null=0.97),
          col("priority", I, "choice", values=[0, 0, 1, 2, 3]),
          col("external_provider", V(255), lambda c: "weblink", null=0.9),
          col("external_uri", V(255), "url", null=0.9))
    table(md, "comments", 400,
          col("id", I, pk=True, auto=True),
          col("task_id", I, fk="tasks.id"),
          col("user_id", I, lambda c: 0 if c.rng.random() < 0.05 else
              c.rng.randint(1, N_USER), null=0.02),
          col("date_creation", BI, _unix),
          col("comment", MT, lambda c: G["template"](_p(c, texts=SUPPORT_MESSAGES)) or "+1"),
          col("reference", V(191), lambda c: "" if c.rng.random() < 0.9 else
              f"<{G['token'](_p(c, n=20, style='url'))}@mail.example.com>"),
          col("date_modification", BI, _unix, null=0.1))
    table(md, "subtasks", 300,
          col("id", I, pk=True, auto=True),
          col("title", MT, lambda c: c.rng.choice(["Write tests", "Code review", "Deploy",
                                                   "Update docs", "QA on staging"])),
          col("status", I, "choice", values=[0, 1, 2]),
          col("time_estimated", F, lambda c: c.rng.choice([0, 1, 2.5]), null=0.3),
          col("time_spent", F, lambda c: c.rng.choice([0, 0.5, 3]), null=0.3),
          col("task_id", I, fk="tasks.id"),
          col("user_id", I, lambda c: c.rng.randint(1, N_USER), null=0.4),
          col("position", I, "int", lo=1, hi=8))
    table(md, "task_has_files", 120,
          col("id", I, pk=True, auto=True),
          col("name", MT, _file_name),
          col("path", MT, lambda c: f"tasks/{c.rng.randint(1, 300)}/{G['sha1'](c)}"),
          col("is_image", TI, lambda c: int(c.row["name"].endswith((".png", ".svg")))),
          col("task_id", I, fk="tasks.id"),
          col("date", BI, _unix),
          col("user_id", I, lambda c: c.rng.randint(1, N_USER)),
          col("size", I, "int", lo=1000, hi=5_000_000))
    table(md, "project_activities", 400,
          col("id", I, pk=True, auto=True),
          col("date_creation", BI, _unix),
          col("event_name", MT, _activity),
          col("creator_id", I, fk="users.id", nullable=True),
          col("project_id", I, fk="projects.id", nullable=True),
          col("task_id", I, fk="tasks.id", nullable=True),
          col("data", MT, _activity_data))
    table(md, "last_logins", 200,
          col("id", I, pk=True, auto=True),
          col("auth_type", V(25), "choice", values=["Database", "Database", "LDAP",
                                                    "RememberMe", "Github", "Google"]),
          col("user_id", I, fk="users.id", nullable=True),
          col("ip", V(45), "ip"),
          col("user_agent", V(255), "user_agent"),
          col("date_creation", BI, _unix))
    table(md, "password_reset", 20,
          col("token", V(80), _hex(60), pk=True),
          col("user_id", I, fk="users.id"),
          col("date_expiration", I, _unix),
          col("date_creation", I, _unix),
          col("ip", V(45), "ip"),
          col("user_agent", V(255), "user_agent"),
          col("is_active", TI, lambda c: int(c.rng.random() < 0.3)))
    table(md, "remember_me", 60,
          col("id", I, pk=True, auto=True),
          col("user_id", I, fk="users.id", nullable=True),
          col("ip", V(45), "ip"),
          col("user_agent", V(255), "user_agent"),
          col("token", V(255), _hex(64)),
          col("sequence", V(255), _hex(64)),
          col("expiration", I, _unix),
          col("date_creation", BI, _unix))
    table(md, "sessions", 60,
          col("id", V(191), "token", pk=True, n=26, style="url"),
          col("expire_at", I, _unix),
          col("data", longtext(), _session_data))
    table(md, "settings", len(SETTINGS),
          col("option", V(100), lambda c: SETTINGS[c.index][0], pk=True),
          col("value", MT, lambda c: SETTINGS[c.index][1] if SETTINGS[c.index][1] is not None
              else _hex(60)(c)),
          col("changed_by", I, lambda c: 0 if c.rng.random() < 0.7 else 1),
          col("changed_on", I, lambda c: 0 if c.rng.random() < 0.7 else _unix(c)))
    table(md, "user_has_metadata", 80,
          col("user_id", I, fk="users.id"),
          col("name", V(50), lambda c: c.rng.choice(
              [f"board.collapsed.{c.rng.randint(1, N_PROJECT)}", "board.hide_tasks",
               f"filter.project.{c.rng.randint(1, N_PROJECT)}", "task.list.sorting",
               "dashboard.view"])),
          col("value", V(255), lambda c: c.rng.choice(["1", "0", "status:open",
                                                       "date_due ASC", ""])),
          col("changed_by", I, lambda c: c.row["user_id"]),
          col("changed_on", I, _unix),
          sa.UniqueConstraint("user_id", "name"))
    table(md, "invites", 20,
          col("email", V(191), "email", pk=True),
          col("project_id", I, "int", lo=1, hi=N_PROJECT),
          col("token", V(191), _hex(60), pk=True))
    table(md, "user_has_notifications", 50,
          col("user_id", I, fk="users.id", nullable=False),
          col("project_id", I, fk="projects.id", nullable=False),
          sa.UniqueConstraint("user_id", "project_id"))
    return md
