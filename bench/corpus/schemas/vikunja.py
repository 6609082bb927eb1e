"""Vikunja (to-do lists and projects, Go, xorm): a held-out schema (issue #10), labelled
before any scan and never tuned on. The tables as xorm creates them from the structs'
``xorm:"..."`` tags in ``pkg/user/{user,totp,token}.go``, ``pkg/files/files.go``,
``pkg/notifications/database.go`` and ``pkg/models/{project,project_users,link_sharing,
teams,tasks,task_assignees,task_comments,task_reminder,task_attachment,label,
time_tracking,sessions,api_tokens,webhooks}.go``: 20 tables, all their mapped columns
(fields tagged ``xorm:"-"`` left out, as xorm does). xorm declares no foreign keys: every
reference is generated as a value (``users.default_project_id``, ``avatar_file_id`` and
``export_file_id`` without a parent, their tables pointing back to ``users``). Untyped
``string`` fields are ``VARCHAR(255)``, ``json`` fields ``TEXT`` holding JSON, as xorm
maps them; ``longtext`` is a dialect variant on MariaDB.

Tables: users (full name, user name, bcrypt hash, e-mail and pending e-mail, OIDC issuer
and subject, bot accounts with their owner, JSON frontend settings), TOTP secrets with their
otpauth:// URLs naming the user, user tokens (reset and confirmation tokens in clear,
CalDAV tokens hashed), sessions (token hashes, device names, IPs, OIDC id tokens whose
payload carries the e-mail and name), API tokens (salt, hash, last eight characters),
projects ("Inbox" per user, shared family lists, descriptions naming people in part),
project shares with users and teams' members, link shares (public hash, a name that
often names the recipient, bcrypt password), teams (OIDC group ids), tasks (titles and
descriptions that name people in part, CalDAV UIDs), assignees, comments, reminders, files
(names of uploaded scans that name their owner in part) and task attachments, labels,
time entries with comments, webhooks (target URLs, HMAC secrets, basic-auth credentials)
and notifications (JSON with the acting user's name, user name and e-mail).
"""

from __future__ import annotations

import base64
import hashlib
import json

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, datetimes, longtext, new_person, table, token_of
from ..gen import with_params as _p

SOURCE = {"repo": "go-vikunja/vikunja", "path": "pkg/models/*.go, pkg/user/*.go, "
          "pkg/files/files.go, pkg/notifications/database.go",
          "commit": "762dc4ebe6f3fbff15d90a0a119f0c6a4720e033"}
PERSON_TABLES = ("users",)

BI = sa.BigInteger
I = sa.Integer  # noqa: E741
S = sa.String
T = sa.Text
B = sa.Boolean
F = sa.Float
DT = sa.DateTime

N_USER = 70
N_PROJ = 110
N_TASK = 700
N_FILE = 90

_ts = datetimes(2020, 2025)
_users = "users.id"
_B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


def _b64url(d: dict) -> str:  # type: ignore[type-arg]
    return base64.urlsafe_b64encode(json.dumps(d).encode()).decode().rstrip("=")


def _issuer(c):  # type: ignore[no-untyped-def]
    return c.rng.choice(["local", "local", "local", "https://auth.example.org/realms/home",
                         "https://accounts.google.com", "ldap"])


def _subject(c):  # type: ignore[no-untyped-def]
    iss = c.row["issuer"]
    if iss == "local":
        return ""
    if iss == "ldap":
        return f"uid={c.person['username']},ou=people,dc=example,dc=org"
    if "google" in iss:
        return str(c.rng.randint(10**20, 10**21))
    return G["uuid_str"](c)


def _frontend(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.3:
        return None
    return json.dumps({"play_sound_on_task_finish": c.rng.random() < 0.5,
                       "quick_add_magic_mode": c.rng.choice(["vikunja", "todoist", "disabled"]),
                       "color_schema": c.rng.choice(["auto", "light", "dark"]),
                       "default_view": c.rng.choice(["list", "kanban", "first"]),
                       "time_format": c.rng.choice(["24h", "12h"])})


def _totp_url(c):  # type: ignore[no-untyped-def]
    return (f"otpauth://totp/Vikunja:{c.person['username']}?algorithm=SHA1&digits=6"
            f"&issuer=Vikunja&period=30&secret={c.row['secret']}")


def _user_token(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.3:  # CalDAV tokens are stored hashed
        return G["password_hash"](_p(c, style="bcrypt"))
    return G["token"](_p(c, n=64, style="url"))


def _token_kind(c):  # type: ignore[no-untyped-def]
    return 4 if c.row["token"].startswith("$2") else c.rng.choice([1, 2, 3])


def _device(c):  # type: ignore[no-untyped-def]
    p = c.person
    return c.rng.choice([
        "Firefox on Linux", "Chrome on Windows", "Safari on macOS", "Vikunja iOS app",
        f"{p['first']}'s Pixel 8", G["user_agent"](c), f"{p['first']}s-MacBook-Air"])


def _id_token(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.8:
        return None
    p = c.person
    head = _b64url({"alg": "RS256", "typ": "JWT"})
    body = _b64url({"iss": "https://auth.example.org/realms/home", "sub": G["uuid_str"](c),
                    "email": p["email"], "name": f"{p['first']} {p['last']}",
                    "preferred_username": p["username"], "exp": 1735689600})
    return f"{head}.{body}.{G['token'](_p(c, n=86, style='url'))}"


def _project_title(c):  # type: ignore[no-untyped-def]
    p = c.person
    return c.rng.choice([
        "Inbox", "Inbox", "Groceries", "Work", "Home renovation", "Books to read",
        f"Wedding {p['first']} & {new_person(c)['first']}", f"Moving to {p['f'].city()}",
        "Garden", "Side project", "Vacation 2024", f"{p['first']}'s chores"])


def _project_desc(c):  # type: ignore[no-untyped-def]
    p = c.person
    return c.rng.choice([
        "", "", "", "<p>Shared family list</p>", "Things to do before the release",
        f"<p>Landlord: {p['first']} {p['last']}, {G['phone'](c)}</p>",
        f"<p>Ask {new_person(c)['first']} about the budget</p>"])


def _share_name(c):  # type: ignore[no-untyped-def]
    p = c.person
    return c.rng.choice(["", "", "Public link", "Read-only for the client",
                         f"For {p['first']}", f"{p['first']} {p['last']}", "Grandma",
                         f"Babysitter {p['first']}"])


def _share_password(c):  # type: ignore[no-untyped-def]
    if c.row["sharing_type"] == 2:
        return G["password_hash"](_p(c, style="bcrypt"))
    return ""


def _task_title(c):  # type: ignore[no-untyped-def]
    o = new_person(c)
    return c.rng.choice([
        "Buy milk", "Pay rent", "Renew passport", "Fix login bug", "Write release notes",
        "Book flights", "Clean the garage", "Update dependencies", "Prepare slides",
        f"Call {o['first']} about the invoice", f"Birthday present for {o['first']}",
        f"Pick up {o['first']} from school", "Dentist appointment", "Water the plants",
        f"Email {o['email']}"])


def _task_desc(c):  # type: ignore[no-untyped-def]
    o = new_person(c)
    return c.rng.choice([
        "", "", "", None, "<p>See the attached list.</p>", "<p>Steps to reproduce: 1. log in</p>",
        f"<p>{o['first']} {o['last']} said the key is under the mat.</p>",
        f"<p>Call {G['phone'](c)} before 18:00</p>", "<ul><li>eggs</li><li>flour</li></ul>"])


def _uid(c):  # type: ignore[no-untyped-def]
    return c.rng.choice([G["uuid_str"](c), f"{G['token'](_p(c, n=16, style='hex'))}@vikunja",
                         ""])


def _comment(c):  # type: ignore[no-untyped-def]
    o = new_person(c)
    return c.rng.choice([
        "<p>Done.</p>", "<p>Moved to next week</p>", "<p>👍</p>", "<p>Any update?</p>",
        f"<p>@{o['username']} can you take this?</p>",
        f"<p>Talked to {o['first']} {o['last']}, will do it tomorrow</p>",
        "<p>Blocked by the API change</p>"])


def _file_name(c):  # type: ignore[no-untyped-def]
    p = c.person
    return c.rng.choice([
        "screenshot.png", "IMG_2024_0312.jpg", "invoice.pdf", "shopping-list.txt",
        f"passport_{p['last'].lower()}.pdf", f"{p['first']}_{p['last']}_CV.pdf",
        "background.jpg", "export.csv", f"Mietvertrag {p['last']}.pdf"])


def _entry_comment(c):  # type: ignore[no-untyped-def]
    o = new_person(c)
    return c.rng.choice([None, "", "Research", "Pairing", f"Meeting with {o['first']} {o['last']}",
                         "Bugfix", "Review", f"Support call: {o['first']}"])


def _notification(c):  # type: ignore[no-untyped-def]
    o = new_person(c)
    doer = {"id": c.rng.randint(1, N_USER), "name": f"{o['first']} {o['last']}",
            "username": o["username"], "email": o["email"] if c.rng.random() < 0.3 else ""}
    d: dict[str, object] = {"doer": doer,
                            "task": {"id": c.rng.randint(1, N_TASK), "title": _task_title(c)}}
    if c.rng.random() < 0.4:
        d["comment"] = {"id": c.rng.randint(1, 400), "comment": _comment(c)}
    return json.dumps(d, ensure_ascii=False)


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "users", N_USER,
          col("id", BI, pk=True, auto=True, unique=True),
          col("name", T, lambda c: c.rng.choice([f"{c.person['first']} {c.person['last']}",
                                                 c.person["first"], ""]), null=0.1),
          col("username", S(250), "username", unique=True),
          col("password", S(250), "password_hash", style="bcrypt", null=0.2),
          col("email", S(250), "email", null=0.05),
          col("pending_email", S(250), "email", null=0.95),
          col("status", I, "choice", values=[0, 0, 0, 0, 1, 2], null=0.05),
          col("is_admin", B, lambda c: c.index == 0 or c.rng.random() < 0.03),
          col("avatar_provider", S(255), "choice", values=["default", "gravatar", "initials",
                                                          "upload", "marble", "ldap"], null=0.2),
          col("avatar_file_id", BI, lambda c: c.rng.randint(1, N_FILE), null=0.8),
          col("issuer", T, _issuer, nullable=True),
          col("subject", T, _subject, nullable=True),
          col("email_reminders_enabled", B, "bool", null=0.05),
          col("discoverable_by_name", B, "bool", null=0.05),
          col("discoverable_by_email", B, "bool", null=0.05),
          col("overdue_tasks_reminders_enabled", B, "bool", null=0.05),
          col("overdue_tasks_reminders_time", S(5), "choice", values=["09:00", "09:00", "07:30",
                                                                      "18:00"]),
          col("default_project_id", BI, lambda c: c.rng.randint(1, N_PROJ), null=0.3),
          col("bot_owner_id", BI, ref=_users, null=0.93),
          col("week_start", I, "choice", values=[0, 1], null=0.3),
          col("language", S(50), "choice", values=["en", "de-DE", "fr-FR", "ja-JP", "zh-CN",
                                                   "pt-BR"], null=0.3),
          col("timezone", S(255), "timezone", null=0.3),
          col("deletion_scheduled_at", DT, _ts, null=0.97),
          col("deletion_last_reminder_sent", DT, _ts, null=0.98),
          col("frontend_settings", T, _frontend, nullable=True),
          col("extra_settings_links", T, "const", value=None, nullable=True),
          col("export_file_id", BI, lambda c: c.rng.randint(1, N_FILE), null=0.9),
          col("created", DT, _ts),
          col("updated", DT, _ts))
    table(md, "totp", 18,
          col("id", BI, pk=True, auto=True, unique=True),
          col("user_id", BI, ref=_users, nullable=False),
          col("secret", T, lambda c: "".join(c.rng.choice(_B32) for _ in range(32))),
          col("enabled", B, "bool", null=0.1),
          col("url", T, _totp_url, null=0.05))
    table(md, "user_tokens", 50,
          col("id", BI, pk=True, auto=True, unique=True),
          col("user_id", BI, ref=_users, nullable=False),
          col("token", S(450), _user_token),
          col("kind", I, _token_kind),
          col("created", DT, _ts))
    table(md, "sessions", 160,
          col("id", S(36), "uuid_str", pk=True, unique=True),
          col("user_id", BI, ref=_users, nullable=False),
          col("token_hash", S(64), lambda c: hashlib.sha256(str(c.rng.random()).encode())
              .hexdigest(), unique=True),
          col("device_info", T, _device, nullable=True),
          col("ip_address", S(100), "ip", nullable=True),
          col("is_long_session", B, "bool"),
          col("oidc_id_token", T, _id_token, nullable=True),
          col("oidc_provider_key", S(250), lambda c: "keycloak" if c.row["oidc_id_token"]
              else "", nullable=True),
          col("last_active", DT, _ts),
          col("created", DT, _ts))
    table(md, "api_tokens", 35,
          col("id", BI, pk=True, auto=True, unique=True),
          col("title", S(255), "choice", values=["CI", "Home Assistant", "Obsidian plugin",
                                                 "Shortcuts", "backup script", "n8n"]),
          col("token_salt", S(255), lambda c: G["token"](_p(c, n=10, style="url"))),
          col("token_hash", S(255), lambda c: G["token"](_p(c, n=160, style="hex")),
              unique=True),
          col("token_last_eight", S(8), lambda c: G["token"](_p(c, n=8, style="hex"))),
          col("permissions", T, lambda c: json.dumps(c.rng.choice([
              {"tasks": ["read_all", "update"]}, {"projects": ["read_all"]},
              {"tasks": ["create"], "projects": ["read_one"]}]))),
          col("expires_at", DT, _ts),
          col("created", DT, _ts),
          col("owner_id", BI, ref=_users, nullable=False))
    table(md, "projects", N_PROJ,
          col("id", BI, pk=True, auto=True, unique=True),
          col("title", S(250), _project_title),
          col("description", longtext(), _project_desc, nullable=True),
          col("identifier", S(10), "choice", values=["", "", "HOME", "WORK", "APP", "BUY"],
              nullable=True),
          col("hex_color", S(6), "choice", values=["", "1973ff", "e8445a", "4caf50"],
              nullable=True),
          col("owner_id", BI, ref=_users, nullable=False),
          col("parent_project_id", BI, ref="projects.id", null=0.7),
          col("is_archived", B, lambda c: c.rng.random() < 0.1),
          col("background_file_id", BI, lambda c: c.rng.randint(1, N_FILE), null=0.85),
          col("background_blur_hash", S(50), lambda c: G["token"](_p(c, n=28, style="url")),
              null=0.85),
          col("position", F, lambda c: round(c.rng.uniform(0, 65536), 2), nullable=True),
          col("created", DT, _ts),
          col("updated", DT, _ts))
    table(md, "users_projects", 80,
          col("id", BI, pk=True, auto=True, unique=True),
          col("user_id", BI, ref=_users, nullable=False),
          col("project_id", BI, ref="projects.id", nullable=False),
          col("permission", BI, "choice", values=[0, 1, 2]),
          col("created", DT, _ts),
          col("updated", DT, _ts))
    table(md, "link_shares", 40,
          col("id", BI, pk=True, auto=True, unique=True),
          col("hash", S(40), token_of(40, "url"), unique=True),
          col("name", T, _share_name, nullable=True),
          col("project_id", BI, ref="projects.id", nullable=False),
          col("permission", BI, "choice", values=[0, 0, 1, 2]),
          col("sharing_type", BI, "choice", values=[1, 1, 2]),
          col("password", T, _share_password, nullable=True),
          col("shared_by_id", BI, ref=_users, nullable=False),
          col("created", DT, _ts),
          col("updated", DT, _ts))
    table(md, "teams", 14,
          col("id", BI, pk=True, auto=True, unique=True),
          col("name", S(250), lambda c: ["Family", "Backend", "Frontend", "Flatmates",
                                         "Marketing", "Board", "Volunteers", "Ops",
                                         "Design", "Choir", "Football club", "Support",
                                         "Parents' council", "Interns"][c.index]),
          col("description", longtext(), "choice", values=["", "", "Weekly planning"],
              nullable=True),
          col("created_by_id", BI, ref=_users, nullable=False),
          col("external_id", S(250), lambda c: G["uuid_str"](c), null=0.7),
          col("issuer", T, lambda c: "https://auth.example.org/realms/home" if
              c.row["external_id"] else "", nullable=True),
          col("created", DT, _ts, nullable=True),
          col("updated", DT, _ts, nullable=True),
          col("is_public", B, lambda c: c.rng.random() < 0.2))
    table(md, "team_members", 60,
          col("id", BI, pk=True, auto=True, unique=True),
          col("team_id", BI, ref="teams.id", nullable=False),
          col("user_id", BI, ref=_users, nullable=False),
          col("admin", B, lambda c: c.rng.random() < 0.2, nullable=True),
          col("created", DT, _ts))
    table(md, "tasks", N_TASK,
          col("id", BI, pk=True, auto=True, unique=True),
          col("title", T, _task_title),
          col("description", longtext(), _task_desc, nullable=True),
          col("done", B, "bool", nullable=True),
          col("done_at", DT, _ts, null=0.6),
          col("due_date", DT, _ts, null=0.6),
          col("project_id", BI, ref="projects.id", nullable=False),
          col("repeat_after", BI, "choice", values=[0, 0, 0, 86400, 604800], nullable=True),
          col("repeat_mode", I, "choice", values=[0, 0, 0, 1, 2]),
          col("priority", BI, "choice", values=[0, 0, 1, 2, 3, 4], nullable=True),
          col("start_date", DT, _ts, null=0.85),
          col("end_date", DT, _ts, null=0.85),
          col("hex_color", S(6), "choice", values=["", "", "", "e8445a"], nullable=True),
          col("percent_done", F, "choice", values=[0.0, 0.0, 0.5, 1.0], nullable=True),
          col("index", BI, lambda c: c.index + 1),
          col("uid", S(250), _uid, nullable=True),
          col("cover_image_attachment_id", BI, "choice", values=[0, 0, 0, 0, 3], nullable=True),
          col("created", DT, _ts),
          col("updated", DT, _ts),
          col("deleted_at", DT, _ts, null=0.97),
          col("created_by_id", BI, ref=_users, nullable=False),
          sa.UniqueConstraint("project_id", "index", name="UQE_tasks_tasks_project_index"))
    table(md, "task_assignees", 300,
          col("id", BI, pk=True, auto=True, unique=True),
          col("task_id", BI, ref="tasks.id", nullable=False),
          col("user_id", BI, ref=_users, nullable=False),
          col("created", DT, _ts))
    table(md, "task_comments", 400,
          col("id", BI, pk=True, auto=True, unique=True),
          col("comment", T, _comment),
          col("author_id", BI, ref=_users, nullable=False),
          col("task_id", BI, ref="tasks.id", nullable=False),
          col("created", DT, _ts, nullable=True),
          col("updated", DT, _ts, nullable=True))
    table(md, "task_reminders", 200,
          col("id", BI, pk=True, auto=True, unique=True),
          col("task_id", BI, ref="tasks.id", nullable=False),
          col("reminder", DT, _ts),
          col("created", DT, _ts),
          col("relative_period", BI, "choice", values=[-3600, -86400, 0], null=0.6),
          col("relative_to", S(50), "choice", values=["due_date", "start_date", "end_date"],
              null=0.6))
    table(md, "files", N_FILE,
          col("id", BI, pk=True, auto=True, unique=True),
          col("name", T, _file_name),
          col("mime", T, "choice", values=["image/png", "image/jpeg", "application/pdf",
                                           "text/plain", "text/csv"], nullable=True),
          col("size", BI, "int", lo=200, hi=5_000_000),
          col("created", DT, _ts, nullable=True),
          col("created_by_id", BI, ref=_users, nullable=False))
    table(md, "task_attachments", 80,
          col("id", BI, pk=True, auto=True, unique=True),
          col("task_id", BI, ref="tasks.id", nullable=False),
          col("file_id", BI, ref="files.id", nullable=False),
          col("created_by_id", BI, ref=_users, nullable=False),
          col("created", DT, _ts, nullable=True))
    table(md, "labels", 30,
          col("id", BI, pk=True, auto=True, unique=True),
          col("title", S(250), "choice", values=["urgent", "later", "bug", "feature", "waiting",
                                                 "groceries", "family", "work", "idea"]),
          col("description", longtext(), "choice", values=["", ""], nullable=True),
          col("hex_color", S(6), "choice", values=["e8445a", "1973ff", "ffbb00", ""],
              nullable=True),
          col("created_by_id", BI, ref=_users, nullable=False),
          col("created", DT, _ts),
          col("updated", DT, _ts))
    table(md, "time_entries", 250,
          col("id", BI, pk=True, auto=True, unique=True),
          col("user_id", BI, ref=_users, nullable=False),
          col("task_id", BI, ref="tasks.id", null=0.2),
          col("project_id", BI, ref="projects.id", null=0.6),
          col("start_time", DT, _ts),
          col("end_time", DT, _ts, null=0.05),
          col("comment", T, _entry_comment, nullable=True),
          col("created", DT, _ts),
          col("updated", DT, _ts))
    table(md, "webhooks", 20,
          col("id", BI, pk=True, auto=True, unique=True),
          col("target_url", S(255), "choice", values=[
              "https://hooks.example.com/vikunja", "https://n8n.home.example/webhook/7f3a",
              "http://192.168.1.20:8123/api/webhook/tasks", "https://chat.example.org/hooks/x1"]),
          col("events", T, lambda c: json.dumps(c.rng.choice([
              ["task.created"], ["task.updated", "task.deleted"], ["task.comment.created"]]))),
          col("project_id", BI, ref="projects.id", null=0.3),
          col("user_id", BI, ref=_users, null=0.7),
          col("secret", S(255), token_of(32, "url"), null=0.5),
          col("basic_auth_user", S(255), "username", null=0.7),
          col("basic_auth_password", S(255), token_of(16, "url"), null=0.7),
          col("created_by_id", BI, ref=_users, nullable=False),
          col("created", DT, _ts),
          col("updated", DT, _ts))
    table(md, "notifications", 300,
          col("id", BI, pk=True, auto=True, unique=True),
          col("notifiable_id", BI, ref=_users, nullable=False),
          col("notification", T, _notification),
          col("name", S(250), "choice", values=["task.comment", "task.assigned",
                                                "task.deleted", "project.created",
                                                "team.member.added", "task.mentioned"]),
          col("subject_id", BI, "int", lo=1, hi=N_TASK, null=0.1),
          col("project_id", BI, ref="projects.id"),
          col("read_at", DT, _ts, null=0.5),
          col("created", DT, _ts))
    return md
