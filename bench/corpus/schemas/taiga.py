"""Taiga (agile project management, Python, Django on PostgreSQL): a held-out schema
(issue #10), labelled before any scan and never tuned on. The tables as Django creates
them from the models (no schema file): ``taiga/users``, ``taiga/projects`` (project,
membership), ``userstories``, ``issues``, ``history``, ``attachments``, ``wiki``,
``contact``, ``taiga/timeline``, ``taiga/external_apps``, ``taiga/feedback`` and Django's
``django_content_type``: 16 tables; all columns but a subset of ``projects_project`` (the
``total_*_last_{week,month,year}`` counters and seven of its nine ``default_*`` status
references left out). PostgreSQL types where Taiga uses them: ``jsonb`` (``JSONField``),
``text[]`` and ``text[][]`` (``ArrayField``: tags, tag colours, permissions, external
references), ``timestamptz``; JSON on SQLite and MariaDB. Foreign keys as the models
declare them where both tables are included; references to tables left out (statuses,
milestones, swimlanes, tasks, project templates) are generated as values.

Tables: users (user name, e-mail and new e-mail, full name, biography, photo path with the
uploaded file's name, Django pbkdf2 hash, account and e-mail tokens), third-party login
data (GitHub/GitLab ids, JSON extra), roles with permission arrays, projects (tags, tag
colours, transfer tokens), memberships (invitation e-mail, token and personal invitation
text), user stories and issues (subjects and descriptions naming customers or colleagues
in part, blocked notes), the change history (JSON user, diff, snapshot and value maps
that carry people's names, comments and their edit versions), attachments (file names
and paths), wiki pages (meeting notes with names and phone numbers), the activity
timeline (JSON with the acting user's name and user name; namespaces ``user:<id>``),
external applications and their per-user auth codes and tokens, the feedback form (name,
e-mail, comment) and project contact messages.
"""

from __future__ import annotations

import base64
import datetime as dt

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from ..gen import GENERATORS as G
from ..gen import col, datetimes, jsonb, new_person, table, token_of
from ..gen import with_params as _p

SOURCE = {"repo": "taigaio/taiga-back",
          "path": "taiga/{users,projects,projects/userstories,projects/issues,"
                  "projects/history,projects/attachments,projects/wiki,projects/contact,"
                  "timeline,external_apps,feedback}/models.py",
          "commit": "3bea7114007afd83478a8d6f2a70afd70d94dc21"}
PERSON_TABLES = ("users_user",)

I = sa.Integer  # noqa: E741
BI = sa.BigInteger
S = sa.String
T = sa.Text
B = sa.Boolean
F = sa.Float
D = sa.Date
TZ = sa.DateTime(timezone=True)

N_USER = 80
N_PROJ = 30
N_US = 300
N_ISSUE = 250

_ts = datetimes(2017, 2025)


def text_array(dims: int = 1) -> sa.types.TypeEngine:  # type: ignore[type-arg]
    """PostgreSQL ``text[]`` (``text[][]``); JSON elsewhere."""
    return sa.JSON(none_as_null=True).with_variant(
        postgresql.ARRAY(sa.Text, dimensions=dims), "postgresql")


_PERMS = ["view_project", "view_milestones", "view_us", "view_tasks", "view_issues",
          "view_wiki_pages", "add_us", "modify_us", "comment_us", "add_issue", "modify_issue",
          "comment_issue", "add_wiki_page", "modify_wiki_page", "admin_project_values"]
_TAGS = ["backend", "frontend", "ux", "bug", "customer", "urgent", "design", "api", "mobile",
         "legal", "invoice", "onboarding"]


def _tags(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.4:
        return None if c.rng.random() < 0.5 else []
    return c.rng.sample(_TAGS, c.rng.randint(1, 3))


def _perms(c):  # type: ignore[no-untyped-def]
    return c.rng.sample(_PERMS, c.rng.randint(0, 8))


def _pbkdf2(c):  # type: ignore[no-untyped-def]
    return G["password_hash"](_p(c, style="pbkdf2"))


def _photo(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.6:
        return None if c.rng.random() < 0.5 else ""
    h = G["token"](_p(c, n=36, style="hex"))
    name = c.rng.choice([f"{c.person['first']}-{c.person['last']}".lower(), "avatar", "img_2031",
                         f"{c.person['username']}", "foto"])
    return f"user/{h[0]}/{h[1]}/{h[2]}/{h[3]}/{h[4:]}/{name}.jpg"


def _bio(c):  # type: ignore[no-untyped-def]
    p = c.person
    return c.rng.choice([
        "", "", "", "Backend developer", "Product owner at " + p["f"].company(),
        f"I'm {p['first']}, living in {p['f'].city()}. Reach me at {p['email']}",
        "Coffee, code and cats ☕", "Scrum master. Father of two."])


def _authdata_value(c):  # type: ignore[no-untyped-def]
    return str(c.rng.randint(10000, 99999999))


def _authdata_extra(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.5:
        return {}
    return {"login": c.person["username"], "email": c.person["email"],
            "avatar_url": f"https://avatars.example-git.com/u/{c.row['value']}"}


def _tags_colors(c):  # type: ignore[no-untyped-def]
    return [[t, c.rng.choice(["#e44057", "#70728f", "#5178d3", None])]
            for t in c.rng.sample(_TAGS, c.rng.randint(0, 4))]


def _transfer_token(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.9:
        return None
    return f"{c.rng.randint(1, N_USER)}:{G['token'](_p(c, n=27, style='url'))}"


def _invitation_text(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.6:
        return None
    return c.rng.choice([f"Hi {c.person['first']}, welcome aboard!",
                         "Please join the project", "Here is the invite for the new sprint",
                         f"{c.person['first']}, the client asked for you 🙂"])


def _us_subject(c):  # type: ignore[no-untyped-def]
    o = new_person(c)
    return c.rng.choice([
        "As a user I want to reset my password", "Export reports as CSV", "Dark mode",
        "Improve search performance", "Onboarding e-mail sequence", "Two-factor login",
        f"Demo for {o['first']} {o['last']} (customer)", "Refactor billing module",
        "Mobile push notifications", f"Data deletion request from {o['email']}"])


def _description(c):  # type: ignore[no-untyped-def]
    o = new_person(c)
    return c.rng.choice([
        "", "", "Acceptance criteria:\n- works on mobile\n- has tests",
        "See the mockups in the wiki.", "Steps to reproduce:\n1. Log in\n2. Click export",
        f"Reported by {o['first']} {o['last']} ({o['email']}) on the phone.",
        f"Customer contact: {o['first']} {o['last']}, {G['phone'](c)}",
        "Blocked until the API is released."])


def _blocked_note(c):  # type: ignore[no-untyped-def]
    if c.row.get("is_blocked"):
        o = new_person(c)
        return c.rng.choice(["Waiting for the API", f"Waiting for {o['first']}",
                             f"Ask {o['first']} {o['last']} first", "Needs design"])
    return ""


def _ext_ref(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.9:
        return None
    n = c.rng.randint(1, 3000)
    return ["github", f"https://github.com/example/app/issues/{n}"]


def _pickled(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.95:
        return None
    return base64.b64encode(b"\x80\x04\x95" + bytes(c.rng.getrandbits(8) for _ in range(24))
                            ).decode()


def _uname(c):  # type: ignore[no-untyped-def]
    p = new_person(c)
    return p, f"{p['first']} {p['last']}"


def _hist_user(c):  # type: ignore[no-untyped-def]
    p, name = _uname(c)
    return {"pk": c.rng.randint(1, N_USER), "name": name}


def _hist_diff(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.35:
        return {"assigned_to": [None, c.rng.randint(1, N_USER)]}
    if r < 0.6:
        return {"status": [c.rng.randint(1, 6), c.rng.randint(1, 6)]}
    if r < 0.8:
        return {"subject": [_us_subject(c), _us_subject(c)]}
    return {}


def _hist_values(c):  # type: ignore[no-untyped-def]
    d = c.row.get("diff") or {}
    if "assigned_to" in d:
        return {"users": {str(d["assigned_to"][1]): _uname(c)[1]}}
    if "status" in d:
        return {"status": {str(v): c.rng.choice(["New", "In progress", "Done"])
                           for v in d["status"]}}
    return {}


def _hist_diff_cache(c):  # type: ignore[no-untyped-def]
    d = c.row.get("diff") or {}
    if "assigned_to" in d:
        return {"assigned_to": [None, _uname(c)[1]]}
    return None if c.rng.random() < 0.5 else {}


def _hist_snapshot(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.7:
        return None
    o = new_person(c)
    return {"ref": c.rng.randint(1, 400), "subject": _us_subject(c),
            "owner": c.rng.randint(1, N_USER),
            "assigned_to": c.rng.randint(1, N_USER), "description": _description(c),
            "watchers": [c.rng.randint(1, N_USER)], "owner_name": f"{o['first']} {o['last']}"}


def _hist_comment(c):  # type: ignore[no-untyped-def]
    o = new_person(c)
    return c.rng.choice(["", "", "", "Looks good to me", "Deployed to staging",
                         f"@{o['username']} please review", f"Talked with {o['first']} {o['last']}",
                         "Can't reproduce"])


def _comment_html(c):  # type: ignore[no-untyped-def]
    text = c.row.get("comment") or ""
    return f"<p>{text}</p>" if text else ""


def _comment_versions(c):  # type: ignore[no-untyped-def]
    if not c.row.get("comment") or c.rng.random() < 0.8:
        return None
    return [{"date": "2024-03-01T10:00:00Z", "user": {"id": c.rng.randint(1, N_USER)},
             "comment": c.row["comment"] + " (typo)", "comment_html": ""}]


def _timeline_ns(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.35:
        return f"user:{c.rng.randint(1, N_USER)}"
    return f"project:{c.rng.randint(1, N_PROJ)}"


def _timeline_data(c):  # type: ignore[no-untyped-def]
    p = c.person
    return {"user": {"id": c.rng.randint(1, N_USER), "name": f"{p['first']} {p['last']}",
                     "username": p["username"], "photo": None, "big_photo": None,
                     "is_profile_visible": True},
            "project": {"id": c.rng.randint(1, N_PROJ), "name": "Website relaunch",
                        "slug": "website-relaunch"},
            "userstory": {"id": c.rng.randint(1, N_US), "ref": c.rng.randint(1, 400),
                          "subject": _us_subject(c)}}


def _attach_name(c):  # type: ignore[no-untyped-def]
    p = c.person
    return c.rng.choice(["screenshot.png", "mockup-v2.fig", "error.log", "spec.pdf",
                         f"contract_{p['last'].lower()}.pdf", f"{p['first']} {p['last']} - ID.jpg",
                         "export.csv", "logo.svg"])


def _attach_file(c):  # type: ignore[no-untyped-def]
    h = G["token"](_p(c, n=40, style="hex"))
    return f"attachments/{h[0]}/{h[1]}/{h[2]}/{h[3]}/{h[4:]}/{c.row['name']}"


def _wiki_content(c):  # type: ignore[no-untyped-def]
    o = new_person(c)
    return c.rng.choice([
        "# Home\n\nWelcome to the project wiki.", "## Release process\n1. Tag\n2. Deploy",
        f"## Meeting notes\nAttendees: {o['first']} {o['last']}, {new_person(c)['first']}\n"
        "- budget approved",
        f"## Contacts\nClient: {o['first']} {o['last']}, {G['phone'](c)}, {o['email']}",
        "## Coding style\nUse black.", ""])


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "django_content_type", 8,
          col("id", I, pk=True, auto=True),
          col("app_label", S(100), lambda c: ["users", "projects", "userstories", "issues",
                                              "tasks", "wiki", "epics", "milestones"][c.index]),
          col("model", S(100), lambda c: ["user", "project", "userstory", "issue", "task",
                                          "wikipage", "epic", "milestone"][c.index]),
          sa.UniqueConstraint("app_label", "model"))
    table(md, "users_user", N_USER,
          col("id", I, pk=True, auto=True),
          col("password", S(128), _pbkdf2),
          col("last_login", TZ, _ts, null=0.2),
          col("is_superuser", B, lambda c: c.index == 0),
          col("uuid", S(32), lambda c: G["token"](_p(c, n=32, style="hex")), unique=True),
          col("username", S(255), "username", unique=True),
          col("email", S(255), "email", unique=True),
          col("is_active", B, lambda c: c.rng.random() < 0.92),
          col("is_staff", B, lambda c: c.index == 0),
          col("full_name", S(256), lambda c: c.rng.choice(
              [f"{c.person['first']} {c.person['last']}", c.person["first"], ""])),
          col("color", S(9), lambda c: f"#{c.rng.randint(0, 0xFFFFFF):06x}"),
          col("bio", T, _bio),
          col("photo", S(500), _photo, nullable=True),
          col("date_joined", TZ, _ts),
          col("date_cancelled", TZ, _ts, null=0.95),
          col("accepted_terms", B, lambda c: True),
          col("read_new_terms", B, "bool"),
          col("lang", S(20), "choice", values=["", "en", "es", "de", "ja", "zh-hans"],
              nullable=True),
          col("theme", S(100), "choice", values=["", "taiga", "material-design"], nullable=True),
          col("timezone", S(20), "choice", values=["", "Europe/Madrid", "UTC", "Asia/Tokyo"],
              nullable=True),
          col("colorize_tags", B, "bool"),
          col("token", S(200), token_of(40, "url"), null=0.85),
          col("email_token", S(200), lambda c: G["uuid_str"](c), null=0.9),
          col("new_email", S(254), "email", null=0.93),
          col("verified_email", B, lambda c: c.rng.random() < 0.9),
          col("is_system", B, lambda c: c.rng.random() < 0.02),
          col("max_private_projects", I, "choice", values=[None, 1, 10], nullable=True),
          col("max_public_projects", I, "choice", values=[None, 1, 10], nullable=True),
          col("max_memberships_private_projects", I, "choice", values=[None, 3, 50],
              nullable=True),
          col("max_memberships_public_projects", I, "choice", values=[None, 3, 50],
              nullable=True))
    table(md, "users_authdata", 30,
          col("id", I, pk=True, auto=True),
          col("key", S(50), "choice", values=["github", "gitlab", "google"]),
          col("value", S(300), _authdata_value),
          col("extra", jsonb(), _authdata_extra),
          col("user_id", I, fk="users_user.id", nullable=False),
          sa.UniqueConstraint("key", "value"))
    table(md, "projects_project", N_PROJ,
          col("id", I, pk=True, auto=True),
          col("tags", text_array(), _tags, nullable=True),
          col("tags_colors", text_array(2), _tags_colors, null=0.3),
          col("name", S(250), lambda c: c.rng.choice([
              "Website relaunch", "Mobile app", "Internal tools", "Data platform", "Shop",
              "Marketing site", "API v2", "HR portal"]) + f" {c.index + 1}"),
          col("slug", S(250), lambda c: f"project-{c.index + 1}-{G['slug'](c)}"[:250],
              unique=True),
          col("description", T, "lorem", words=12),
          col("logo", S(500), lambda c: f"project/{G['token'](_p(c, n=8, style='hex'))}/logo.png",
              null=0.7),
          col("created_date", TZ, _ts),
          col("modified_date", TZ, _ts),
          col("total_milestones", I, "int", lo=0, hi=20, null=0.4),
          col("total_story_points", F, "choice", values=[None, 40.0, 120.5, 300.0],
              nullable=True),
          *[col(n, B, "bool") for n in (
              "is_contact_activated", "is_epics_activated", "is_backlog_activated",
              "is_kanban_activated", "is_wiki_activated", "is_issues_activated")],
          col("videoconferences", S(250), "choice", values=["whereby-com", "jitsi", "custom"],
              null=0.7),
          col("videoconferences_extra_data", S(250), "choice",
              values=["team-standup", "https://meet.example.org/daily"], null=0.8),
          col("creation_template_id", I, "choice", values=[1, 2], null=0.3),
          col("is_private", B, "bool"),
          col("anon_permissions", text_array(), lambda c: c.rng.choice(
              [[], ["view_project", "view_us"]]), nullable=True),
          col("public_permissions", text_array(), _perms, nullable=True),
          col("is_featured", B, lambda c: c.rng.random() < 0.1),
          col("is_looking_for_people", B, lambda c: c.rng.random() < 0.1),
          col("looking_for_people_note", T, "choice", values=["", "", "", "Need a designer"]),
          *[col(f"{k}_csv_uuid", S(32), lambda c: G["token"](_p(c, n=32, style="hex")),
                null=0.8) for k in ("epics", "userstories", "tasks", "issues")],
          col("transfer_token", S(255), _transfer_token, nullable=True),
          col("blocked_code", S(255), "choice", values=["blocked-by-staff",
                                                        "blocked-by-owner-leaving"], null=0.9),
          col("archived_code", S(255), "choice", values=["archived"], null=0.9),
          col("totals_updated_datetime", TZ, _ts),
          col("total_fans", I, "int", lo=0, hi=50),
          col("total_activity", I, "int", lo=0, hi=3000),
          col("owner_id", I, fk="users_user.id", null=0.05),
          col("default_us_status_id", I, "int", lo=1, hi=120, null=0.1),
          col("default_issue_status_id", I, "int", lo=1, hi=120, null=0.1))
    table(md, "users_role", 90,
          col("id", I, pk=True, auto=True),
          col("name", S(200), "choice", values=["UX", "Design", "Front", "Back", "Product Owner",
                                                "Stakeholder"]),
          col("slug", S(250), lambda c: f"{c.row['name'].lower().replace(' ', '-')}"),
          col("permissions", text_array(), _perms, nullable=True),
          col("order", I, "choice", values=[10, 20, 30, 40, 50, 60]),
          col("project_id", I, fk="projects_project.id", null=0.05),
          col("computable", B, "bool"),
          sa.UniqueConstraint("slug", "project_id"))
    table(md, "projects_membership", 220,
          col("id", I, pk=True, auto=True),
          col("is_admin", B, lambda c: c.rng.random() < 0.15),
          col("email", S(255), "email", null=0.6),
          col("created_at", TZ, _ts),
          col("token", S(60), lambda c: G["uuid_str"](c), null=0.6),
          col("invitation_extra_text", T, _invitation_text, nullable=True),
          col("user_order", BI, lambda c: c.rng.randint(1_500_000_000_000, 1_750_000_000_000)),
          col("invited_by_id", I, fk="users_user.id", null=0.5),
          col("project_id", I, fk="projects_project.id", nullable=False),
          col("role_id", I, fk="users_role.id", nullable=False),
          col("user_id", I, fk="users_user.id", null=0.15),
          sa.UniqueConstraint("user_id", "project_id"))
    table(md, "issues_issue", N_ISSUE,
          col("id", I, pk=True, auto=True),
          col("tags", text_array(), _tags, nullable=True),
          col("version", I, "int", lo=1, hi=12),
          col("is_blocked", B, lambda c: c.rng.random() < 0.15),
          col("blocked_note", T, _blocked_note),
          col("ref", BI, lambda c: c.index + 1, nullable=True),
          col("created_date", TZ, _ts),
          col("modified_date", TZ, _ts),
          col("finished_date", TZ, _ts, null=0.6),
          col("subject", T, _us_subject),
          col("description", T, _description),
          col("external_reference", text_array(), _ext_ref, nullable=True),
          col("due_date", D, "date", null=0.85),
          col("due_date_reason", T, "choice", values=["", "", "Release 2.0", "Contract deadline"]),
          col("assigned_to_id", I, fk="users_user.id", null=0.4),
          col("milestone_id", I, "int", lo=1, hi=60, null=0.6),
          col("owner_id", I, fk="users_user.id", null=0.05),
          col("priority_id", I, "int", lo=1, hi=90, null=0.1),
          col("project_id", I, fk="projects_project.id", nullable=False),
          col("severity_id", I, "int", lo=1, hi=150, null=0.1),
          col("status_id", I, "int", lo=1, hi=210, null=0.1),
          col("type_id", I, "int", lo=1, hi=90, null=0.1))
    table(md, "userstories_userstory", N_US,
          col("id", I, pk=True, auto=True),
          col("tags", text_array(), _tags, nullable=True),
          col("version", I, "int", lo=1, hi=20),
          col("is_blocked", B, lambda c: c.rng.random() < 0.15),
          col("blocked_note", T, _blocked_note),
          col("ref", BI, lambda c: c.index + 1, nullable=True),
          col("is_closed", B, "bool"),
          col("backlog_order", BI, lambda c: c.rng.randint(10**15, 10**16)),
          col("sprint_order", BI, lambda c: c.rng.randint(10**15, 10**16)),
          col("kanban_order", BI, lambda c: c.rng.randint(10**15, 10**16)),
          col("created_date", TZ, _ts),
          col("modified_date", TZ, _ts),
          col("finish_date", TZ, _ts, null=0.6),
          col("subject", T, _us_subject),
          col("description", T, _description),
          col("client_requirement", B, lambda c: c.rng.random() < 0.2),
          col("team_requirement", B, lambda c: c.rng.random() < 0.2),
          col("from_task_ref", T, lambda c: f"#{c.rng.randint(1, 500)}", null=0.95),
          col("external_reference", text_array(), _ext_ref, nullable=True),
          col("tribe_gig", T, _pickled, nullable=True),
          col("due_date", D, "date", null=0.85),
          col("due_date_reason", T, "choice", values=["", "", "Release 2.0", "Trade fair"]),
          col("assigned_to_id", I, fk="users_user.id", null=0.4),
          col("generated_from_issue_id", I, fk="issues_issue.id", null=0.9),
          col("generated_from_task_id", I, "int", lo=1, hi=900, null=0.95),
          col("milestone_id", I, "int", lo=1, hi=60, null=0.5),
          col("owner_id", I, fk="users_user.id", null=0.05),
          col("project_id", I, fk="projects_project.id", nullable=False),
          col("status_id", I, "int", lo=1, hi=180, null=0.05),
          col("swimlane_id", I, "int", lo=1, hi=40, null=0.8))
    table(md, "history_historyentry", 600,
          col("id", S(255), "uuid_str", pk=True, unique=True),
          col("user", jsonb(), _hist_user, nullable=True),
          col("created_at", TZ, _ts),
          col("type", sa.SmallInteger, "choice", values=[1, 1, 1, 2, 3]),
          col("key", S(255), lambda c: c.rng.choice(["userstories.userstory", "issues.issue",
                                                     "tasks.task", "wiki.wikipage"])
              + f":{c.rng.randint(1, 300)}", nullable=True),
          col("diff", jsonb(), _hist_diff, nullable=True),
          col("values_diff_cache", jsonb(), _hist_diff_cache, nullable=True),
          col("snapshot", jsonb(), _hist_snapshot, nullable=True),
          col("values", jsonb(), _hist_values, nullable=True),
          col("comment", T, _hist_comment),
          col("comment_html", T, _comment_html),
          col("delete_comment_date", TZ, _ts, null=0.97),
          col("delete_comment_user", jsonb(), _hist_user, null=0.97),
          col("comment_versions", jsonb(), _comment_versions, nullable=True),
          col("edit_comment_date", TZ, _ts, null=0.95),
          col("is_hidden", B, lambda c: c.rng.random() < 0.1),
          col("is_snapshot", B, lambda c: c.rng.random() < 0.05),
          col("project_id", I, fk="projects_project.id", nullable=False))
    table(md, "attachments_attachment", 120,
          col("id", I, pk=True, auto=True),
          col("object_id", I, "int", lo=1, hi=300),
          col("created_date", TZ, _ts),
          col("modified_date", TZ, _ts),
          col("name", S(500), _attach_name),
          col("size", I, "int", lo=300, hi=8_000_000, nullable=True),
          col("attached_file", S(500), _attach_file, nullable=True),
          col("sha1", S(40), "sha1", empty=0.1),
          col("is_deprecated", B, lambda c: c.rng.random() < 0.05),
          col("from_comment", B, lambda c: c.rng.random() < 0.2),
          col("description", T, "choice", values=["", "", "", "v2", "final version"]),
          col("order", I, "int", lo=0, hi=10),
          col("content_type_id", I, fk="django_content_type.id", nullable=False),
          col("owner_id", I, fk="users_user.id", null=0.05),
          col("project_id", I, fk="projects_project.id", nullable=False))
    table(md, "timeline_timeline", 500,
          col("id", I, pk=True, auto=True),
          col("object_id", I, lambda c: c.rng.randint(1, N_USER)),
          col("namespace", S(250), _timeline_ns),
          col("event_type", S(250), "choice", values=[
              "userstories.userstory.create", "issues.issue.change", "projects.membership.create",
              "wiki.wikipage.create", "users.user.create"]),
          col("data", jsonb(), _timeline_data),
          col("created", TZ, _ts),
          col("content_type_id", I, fk="django_content_type.id", nullable=False),
          col("data_content_type_id", I, fk="django_content_type.id", nullable=False),
          col("project_id", I, fk="projects_project.id", null=0.2))
    table(md, "external_apps_application", 4,
          col("id", S(255), lambda c: G["uuid_str"](c).replace("-", ""), pk=True, unique=True),
          col("name", S(255), lambda c: ["Taiga Slack", "GitHub importer", "Mobile client",
                                         "Reporting"][c.index]),
          col("icon_url", T, lambda c: f"https://apps.example.org/icons/{c.index}.png",
              nullable=True),
          col("web", S(255), "url", nullable=True),
          col("description", T, "lorem", nullable=True, words=8),
          col("next_url", T, lambda c: f"https://apps.example.org/callback/{c.index}"))
    table(md, "external_apps_applicationtoken", 40,
          col("id", I, pk=True, auto=True),
          col("auth_code", S(255), token_of(32, "hex"), null=0.5),
          col("token", S(255), token_of(40, "url"), null=0.2),
          col("state", S(255), token_of(16, "hex"), null=0.3),
          col("application_id", S(255), fk="external_apps_application.id", nullable=False),
          col("user_id", I, fk="users_user.id", nullable=False),
          sa.UniqueConstraint("application_id", "user_id"))
    table(md, "wiki_wikipage", 60,
          col("id", I, pk=True, auto=True),
          col("version", I, "int", lo=1, hi=30),
          col("slug", S(500), lambda c: c.rng.choice(["home", "release-process", "meeting-notes",
                                                      "contacts", "coding-style", "faq"])
              + f"-{c.index}"),
          col("content", T, _wiki_content),
          col("created_date", TZ, _ts),
          col("modified_date", TZ, _ts),
          col("last_modifier_id", I, fk="users_user.id", null=0.1),
          col("owner_id", I, fk="users_user.id", null=0.1),
          col("project_id", I, fk="projects_project.id", nullable=False),
          sa.UniqueConstraint("project_id", "slug"))
    table(md, "feedback_feedbackentry", 25,
          col("id", I, pk=True, auto=True),
          col("full_name", S(256), "full_name"),
          col("email", S(255), "email"),
          col("comment", T, lambda c: c.rng.choice([
              "Great tool!", "The kanban board is slow with 500 cards.",
              f"Please call me back on {G['phone'](c)}", "How do I export my data?",
              "Dark mode please"])),
          col("created_date", TZ, _ts))
    table(md, "contact_contactentry", 30,
          col("id", I, pk=True, auto=True),
          col("comment", T, lambda c: c.rng.choice([
              "Hi, I'd like to contribute translations.", "Is this project still active?",
              f"I'm {c.person['first']} {c.person['last']}, reach me at {c.person['email']}",
              "Found a security issue, please contact me."])),
          col("created_date", TZ, lambda c: dt.datetime(2024, 1, 1) +
              dt.timedelta(minutes=c.rng.randint(0, 500000))),
          col("project_id", I, fk="projects_project.id", nullable=False),
          col("user_id", I, fk="users_user.id", nullable=False))
    return md
