"""Redmine (project management, Ruby on Rails): a held-out schema (issue #10), labelled
before any scan and never tuned on. Redmine keeps no ``db/schema.rb`` in its repository;
the tables are the net result of its migrations (``db/migrate/*.rb``): users (with
groups and the anonymous user in the same table), e-mail addresses, tokens, preferences,
memberships and roles, projects, issues, journals and their details, custom fields and
values, attachments, settings. Column subsets where noted in the labels.
"""

from __future__ import annotations

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, mediumtext, table

SOURCE = {"repo": "redmine/redmine", "path": "db/migrate/*.rb (net of all migrations)",
          "commit": "890812e49cc60e96c7c252b7dedbd881a4edba55"}
PERSON_TABLES = ("users",)

V = sa.String
DT = sa.DateTime
B = sa.Boolean
GROUP_NAMES = ["Developers", "Reporters", "Managers", "QA Team", "Support Level 2",
               "Anonymous users", "Non member users"]
ROLES = ["Manager", "Developer", "Reporter", "Non member", "Anonymous", "Product Owner",
         "Customer"]
STATUSES = ["New", "In Progress", "Resolved", "Feedback", "Closed", "Rejected"]


def _kind(ctx):  # type: ignore[no-untyped-def]
    # users holds people (User), groups and the two built-in pseudo users
    i = ctx.index
    if i < 5:
        return "Group"
    if i == 5:
        return "AnonymousUser"
    if i == 6:
        return "GroupAnonymous"
    return "User"


def _is_user(ctx):  # type: ignore[no-untyped-def]
    return _kind(ctx) == "User"


def _login(ctx):  # type: ignore[no-untyped-def]
    return ctx.person["username"] if _is_user(ctx) else ""


def _firstname(ctx):  # type: ignore[no-untyped-def]
    return ctx.person["first"] if _is_user(ctx) else ""


def _lastname(ctx):  # type: ignore[no-untyped-def]
    if _is_user(ctx):
        return ctx.person["last"]
    return GROUP_NAMES[ctx.index] if ctx.index < len(GROUP_NAMES) else "Anonymous"


def _if_user(inner, share=1.0):  # type: ignore[no-untyped-def]
    def gen(ctx):  # type: ignore[no-untyped-def]
        if not _is_user(ctx) or ctx.rng.random() > share:
            return None
        return G[inner](ctx)
    return gen


def _hashed(ctx):  # type: ignore[no-untyped-def]
    # SHA1(salt + SHA1(password)), 40 hex; '' for groups and pseudo users
    return G["sha1"](ctx) if _is_user(ctx) else ""


def _twofa_key(ctx):  # type: ignore[no-untyped-def]
    # encrypted with the instance's cipher key: "aes-256-cbc:<b64>--<b64>"
    if ctx.row.get("twofa_scheme") != "totp":
        return None
    return f"aes-256-cbc:{G['token'](ctx)[:24]}--{G['token'](ctx)[:16]}"


def _prefs(ctx):  # type: ignore[no-untyped-def]
    r = ctx.rng
    return ("---\n:no_self_notified: '1'\n"
            f":comments_sorting: {r.choice(['asc', 'desc'])}\n"
            f":warn_on_leaving_unsaved: '{r.choice([0, 1])}'\n"
            f":textarea_font: {r.choice(['', 'monospace', 'proportional'])}\n"
            f":recently_used_projects: {r.randint(1, 5)}\n"
            f":history_default_tab: {r.choice(['notes', 'history', 'last_tab_visited'])}\n")


def _description(ctx):  # type: ignore[no-untyped-def]
    p = ctx.person
    f = ctx.fakers["en_US"]
    return ctx.rng.choice([
        f.paragraph(nb_sentences=3),
        "h3. Steps to reproduce\n\n# Open the page\n# Click save\n\nExpected: saved.",
        f"Reported by the customer {p['first']} {p['last']} ({p['email']}) by phone.",
        f"Customer contact: {G['full_name'](ctx)}, {G['phone'](ctx)}\n\n"
        + f.paragraph(nb_sentences=2),
        "", None,
        f"Stack trace attached. Happens only for user @{p['username']}.",
        f.paragraph(nb_sentences=5)])


def _notes(ctx):  # type: ignore[no-untyped-def]
    p = ctx.person
    return ctx.rng.choice([
        "", "", "Fixed in r1234.", "Could not reproduce.", "Duplicate of #812.",
        f"Talked to {p['first']} {p['last']}, they will send logs tomorrow.",
        f"@{p['username']} can you have a look?",
        "Deployed to staging, please test.",
        f"Customer called from {G['phone'](ctx)} again.", None])


DETAIL_KEYS = ["status_id", "priority_id", "done_ratio", "subject", "tracker_id", "due_date",
               "estimated_hours"]


def _detail(ctx):  # type: ignore[no-untyped-def]
    key = ctx.row["prop_key"]
    r = ctx.rng
    return {"status_id": lambda: str(r.randint(1, 6)), "priority_id": lambda: str(r.randint(1, 5)),
            "done_ratio": lambda: str(r.choice([0, 10, 30, 50, 80, 100])),
            "subject": lambda: G["lorem"](ctx)[:60], "tracker_id": lambda: str(r.randint(1, 3)),
            "due_date": lambda: str(G["date"](ctx)),
            "estimated_hours": lambda: str(r.choice([0.5, 1.0, 4.0, 8.0]))}[key]()


CUSTOM_FIELDS = [  # (type, name, format)
    ("UserCustomField", "Phone", "string"), ("UserCustomField", "Employee number", "string"),
    ("UserCustomField", "Department", "list"), ("IssueCustomField", "Severity", "list"),
    ("IssueCustomField", "Customer e-mail", "string"), ("IssueCustomField", "Browser", "list"),
    ("ProjectCustomField", "Cost center", "string"), ("IssueCustomField", "Found in version",
                                                       "version")]


def _cf_id(ctx):  # type: ignore[no-untyped-def]
    # drawn once per row: customized_type and customized_id come before custom_field_id
    if "_cf" not in ctx.row:
        ctx.row["_cf"] = ctx.rng.randint(1, len(CUSTOM_FIELDS))
    return ctx.row["_cf"]


def _cf_value(ctx):  # type: ignore[no-untyped-def]
    fid = _cf_id(ctx)
    r = ctx.rng
    return {1: lambda: G["phone"](ctx), 2: lambda: f"E{r.randint(10000, 99999)}",
            3: lambda: r.choice(["Engineering", "Sales", "Support", ""]),
            4: lambda: r.choice(["Minor", "Major", "Critical", "Blocker"]),
            5: lambda: r.choice([ctx.person["email"], ""]),
            6: lambda: r.choice(["Firefox", "Chrome", "Safari", "Edge"]),
            7: lambda: f"CC-{r.randint(100, 999)}", 8: lambda: str(r.randint(1, 20))}[fid]()


def _customized_type(ctx):  # type: ignore[no-untyped-def]
    kind = CUSTOM_FIELDS[_cf_id(ctx) - 1][0]
    return {"UserCustomField": "Principal", "IssueCustomField": "Issue",
            "ProjectCustomField": "Project"}[kind]


def _customized_id(ctx):  # type: ignore[no-untyped-def]
    return ctx.rng.randint(8, 250) if ctx.row["customized_type"] == "Principal" else \
        ctx.rng.randint(1, 600)


FILES = ["screenshot.png", "error.log", "production.log", "invoice_4711.pdf", "design-v2.sketch",
         "export.csv", "Bildschirmfoto 2024-03-01.png", "スクリーンショット.png", "patch.diff",
         "requirements.docx"]

SETTINGS = [
    ("app_title", "Acme Redmine"), ("welcome_text", "Welcome to the Acme issue tracker."),
    ("host_name", "redmine.acme.example"), ("protocol", "https"),
    ("mail_from", "redmine@acme.example"), ("emails_footer",
                                            "You have received this notification because you "
                                            "have either subscribed to it, or are involved in it."),
    ("default_language", "en"), ("login_required", "1"), ("self_registration", "0"),
    ("rest_api_enabled", "1"), ("text_formatting", "common_mark"),
    ("mail_handler_api_key", "placeholder"), ("sys_api_key", "placeholder"),
    ("attachment_max_size", "5120"), ("per_page_options", "25,50,100"),
    ("ui_theme", ""), ("session_lifetime", "0"), ("password_min_length", "8"),
    ("plugin_redmine_agile", "---\ndefault_columns:\n- tracker\n- assigned_to\n"),
    ("commit_update_keywords", "---\n- keywords: fixes,closes\n  status_id: '3'\n")]


def _setting_value(ctx):  # type: ignore[no-untyped-def]
    name, value = SETTINGS[ctx.index]
    if name.endswith("api_key"):
        return G["token"](ctx)[:20]
    return value


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "users", 250,
          col("id", sa.Integer, pk=True, auto=True),
          col("login", V(255), _login),
          col("hashed_password", V(40), _hashed),
          col("firstname", V(30), _firstname),
          col("lastname", V(255), _lastname),
          col("admin", B, lambda c: c.rng.random() < 0.05),
          col("status", sa.Integer, "choice", values=[1, 1, 1, 1, 2, 3]),
          col("last_login_on", DT, _if_user("datetime", 0.9), nullable=True),
          col("language", V(5), lambda c: c.rng.choice(["en", "de", "fr", "ja", "pt-BR", ""])),
          col("auth_source_id", sa.Integer, lambda c: 1 if c.rng.random() < 0.2 else None,
              nullable=True),
          col("created_on", DT),
          col("updated_on", DT),
          col("type", V(255), _kind),
          col("mail_notification", V(255), "choice",
              values=["only_my_events", "all", "selected", "none", "only_assigned", ""]),
          col("salt", V(64), lambda c: G["token"](c) if _is_user(c) else None, nullable=True),
          col("must_change_passwd", B, lambda c: c.rng.random() < 0.05),
          col("passwd_changed_on", DT, _if_user("datetime", 0.6), nullable=True),
          col("twofa_scheme", V(255), lambda c: "totp" if _is_user(c) and c.rng.random() < 0.2
              else None, nullable=True),
          col("twofa_totp_key", V(255), _twofa_key, nullable=True),
          col("twofa_totp_last_used_at", sa.Integer, lambda c: c.rng.randint(
              56_000_000, 58_000_000) if c.row.get("twofa_scheme") else None, nullable=True),
          col("twofa_required", B, lambda c: c.row["type"] == "Group" and c.rng.random() < 0.4))
    table(md, "email_addresses", 300,
          col("id", sa.Integer, pk=True, auto=True),
          col("user_id", sa.Integer, lambda c: c.rng.randint(8, 250)),
          col("address", V(255), "email"),
          col("is_default", B, lambda c: c.index < 243),
          col("notify", B, lambda c: c.rng.random() < 0.9),
          col("created_on", DT),
          col("updated_on", DT))
    table(md, "tokens", 400,
          col("id", sa.Integer, pk=True, auto=True),
          col("user_id", sa.Integer, ref="users.id"),
          col("action", V(30), "choice", values=["session", "session", "feeds", "api",
                                                 "recovery", "register", "autologin",
                                                 "twofa_backup_code"]),
          col("value", V(40), "token", n=40, unique=True),
          col("created_on", DT),
          col("updated_on", DT, null=0.2))
    table(md, "user_preferences", 200,
          col("id", sa.Integer, pk=True, auto=True),
          col("user_id", sa.Integer, ref="users.id", unique=True),
          col("others", sa.Text, _prefs),
          col("hide_mail", B, lambda c: c.rng.random() < 0.7),
          col("time_zone", V(255), lambda c: c.rng.choice(["", "Berlin", "Paris", "Tokyo",
                                                          "Eastern Time (US & Canada)"]),
              null=0.2))
    table(md, "roles", len(ROLES),
          col("id", sa.Integer, pk=True, auto=True),
          col("name", V(255), lambda c: ROLES[c.index]),
          col("position", sa.Integer, "seq"),
          col("assignable", B, lambda c: c.index not in (3, 4)),
          col("builtin", sa.Integer, lambda c: {3: 1, 4: 2}.get(c.index, 0)),
          col("permissions", sa.Text, lambda c: "---\n- :view_issues\n- :add_issues\n"
              "- :edit_issues\n- :add_issue_notes\n- :view_files\n"),
          col("issues_visibility", V(30), "choice", values=["default", "all", "own"]),
          col("users_visibility", V(30), "choice", values=["all", "members_of_visible_projects"]),
          col("time_entries_visibility", V(30), "choice", values=["all", "own"]),
          col("all_roles_managed", B, "bool"),
          col("settings", sa.Text, "const", value="--- !ruby/hash:ActiveSupport::"
              "HashWithIndifferentAccess\npermissions_all_trackers: !ruby/hash:ActiveSupport::"
              "HashWithIndifferentAccess\n  view_issues: '1'\n"),
          col("default_time_entry_activity_id", sa.Integer, "choice", values=[None, 9, 10],
              nullable=True))
    table(md, "projects", 25,
          col("id", sa.Integer, pk=True, auto=True),
          col("name", V(255), lambda c: c.rng.choice([f"{G['company'](c)} website",
                                                       f"{G['product_name'](c)} firmware",
                                                       "Internal IT", "Mobile app",
                                                       "Data platform"])),
          col("description", sa.Text, "lorem", words=14, null=0.3),
          col("homepage", V(255), "url", empty=0.5),
          col("is_public", B, "bool"),
          col("parent_id", sa.Integer, ref="projects.id", null=0.7),
          col("created_on", DT),
          col("updated_on", DT),
          col("identifier", V(255), lambda c: f"{G['slug'](c)[:20]}-{c.index}", unique=True),
          col("status", sa.Integer, "choice", values=[1, 1, 1, 5, 9]),
          col("lft", sa.Integer, lambda c: 2 * c.index + 1),
          col("rgt", sa.Integer, lambda c: 2 * c.index + 2),
          col("inherit_members", B, "bool"),
          col("default_version_id", sa.Integer, "int", lo=1, hi=40, null=0.7),
          col("default_assigned_to_id", sa.Integer, ref="users.id", null=0.8),
          col("default_issue_query_id", sa.Integer, "int", lo=1, hi=10, null=0.9))
    table(md, "members", 300,
          col("id", sa.Integer, pk=True, auto=True),
          col("user_id", sa.Integer, ref="users.id"),
          col("project_id", sa.Integer, ref="projects.id"),
          col("created_on", DT),
          col("mail_notification", B, lambda c: c.rng.random() < 0.2),
          sa.UniqueConstraint("user_id", "project_id"))
    table(md, "member_roles", 350,
          col("id", sa.Integer, pk=True, auto=True),
          col("member_id", sa.Integer, ref="members.id"),
          col("role_id", sa.Integer, ref="roles.id"),
          col("inherited_from", sa.Integer, "int", lo=1, hi=300, null=0.85))
    table(md, "issues", 600,
          col("id", sa.Integer, pk=True, auto=True),
          col("tracker_id", sa.Integer, "choice", values=[1, 2, 3]),
          col("project_id", sa.Integer, ref="projects.id"),
          col("subject", V(255), lambda c: c.rng.choice([
              "Login fails on Safari", "Export to CSV is slow", "Update dependencies",
              "Typo on the pricing page", "Crash when uploading large files",
              f"Add {G['genre'](c).lower()} filter", "Password reset mail not sent",
              f"{G['category'](c)} page returns 500"])),
          col("description", mediumtext(), _description, nullable=True),
          col("due_date", sa.Date, null=0.7),
          col("category_id", sa.Integer, "int", lo=1, hi=12, null=0.6),
          col("status_id", sa.Integer, "int", lo=1, hi=6),
          col("assigned_to_id", sa.Integer, ref="users.id", null=0.3),
          col("priority_id", sa.Integer, "int", lo=1, hi=5),
          col("fixed_version_id", sa.Integer, "int", lo=1, hi=40, null=0.5),
          col("author_id", sa.Integer, ref="users.id"),
          col("lock_version", sa.Integer, "int", lo=0, hi=12),
          col("created_on", DT),
          col("updated_on", DT),
          col("start_date", sa.Date, null=0.3),
          col("done_ratio", sa.Integer, "choice", values=[0, 0, 10, 30, 50, 80, 100]),
          col("estimated_hours", sa.Float, "choice", values=[None, None, 0.5, 2.0, 8.0],
              nullable=True),
          col("parent_id", sa.Integer, ref="issues.id", null=0.8),
          col("root_id", sa.Integer, lambda c: c.row["parent_id"] or c.index + 1),
          col("lft", sa.Integer, "const", value=1),
          col("rgt", sa.Integer, "const", value=2),
          col("is_private", B, lambda c: c.rng.random() < 0.1),
          col("closed_on", DT, null=0.6))
    table(md, "journals", 900,
          col("id", sa.Integer, pk=True, auto=True),
          col("journalized_id", sa.Integer, ref="issues.id"),
          col("journalized_type", V(30), "const", value="Issue"),
          col("user_id", sa.Integer, ref="users.id"),
          col("notes", mediumtext(), _notes, nullable=True),
          col("created_on", DT),
          col("private_notes", B, lambda c: c.rng.random() < 0.05),
          col("updated_on", DT, null=0.1),
          col("updated_by_id", sa.Integer, ref="users.id", null=0.9))
    table(md, "journal_details", 1100,
          col("id", sa.Integer, pk=True, auto=True),
          col("journal_id", sa.Integer, ref="journals.id"),
          col("property", V(30), "const", value="attr"),
          col("prop_key", V(30), "choice", values=DETAIL_KEYS),
          col("old_value", V(255), _detail, null=0.2),
          col("value", V(255), _detail, null=0.05))
    table(md, "custom_fields", len(CUSTOM_FIELDS),
          col("id", sa.Integer, pk=True, auto=True),
          col("type", V(30), lambda c: CUSTOM_FIELDS[c.index][0]),
          col("name", V(255), lambda c: CUSTOM_FIELDS[c.index][1]),
          col("field_format", V(30), lambda c: CUSTOM_FIELDS[c.index][2]),
          col("possible_values", sa.Text, lambda c: "---\n- Minor\n- Major\n- Critical\n"
              if CUSTOM_FIELDS[c.index][2] == "list" else None, nullable=True),
          col("regexp", V(255), "choice", values=["", "", "^E\\d{5}$"]),
          col("min_length", sa.Integer, "const", value=0, null=0.5),
          col("max_length", sa.Integer, "choice", values=[0, 30, 255], null=0.5),
          col("is_required", B, "bool"),
          col("is_for_all", B, "bool"),
          col("is_filter", B, "bool"),
          col("position", sa.Integer, "seq"),
          col("searchable", B, "bool"),
          col("default_value", sa.Text, "const", value="", null=0.5),
          col("editable", B, "bool"),
          col("visible", B, "bool"),
          col("multiple", B, lambda c: False),
          col("format_store", sa.Text, "const", value="---\nurl_pattern: ''\ntext_formatting: "
              "''\n"),
          col("description", sa.Text, "choice", values=["", "Shown on the profile page",
                                                         "Used for billing"]))
    table(md, "custom_values", 800,
          col("id", sa.Integer, pk=True, auto=True),
          col("customized_type", V(30), _customized_type),
          col("customized_id", sa.Integer, _customized_id),
          col("custom_field_id", sa.Integer, _cf_id),
          col("value", mediumtext(), _cf_value, nullable=True))
    table(md, "attachments", 300,
          col("id", sa.Integer, pk=True, auto=True),
          col("container_id", sa.Integer, "int", lo=1, hi=600, null=0.05),
          col("container_type", V(30), "choice", values=["Issue", "Issue", "Journal",
                                                         "Project", "WikiPage"], null=0.05),
          col("filename", V(255), "choice", values=FILES),
          col("disk_filename", V(255), lambda c: f"{G['datetime'](c):%y%m%d%H%M%S}_"
              f"{G['token'](c)[:32]}.{c.rng.choice(['png', 'log', 'pdf'])}"),
          col("filesize", sa.BigInteger, "int", lo=100, hi=5_000_000),
          col("content_type", V(255), "choice", values=["image/png", "text/plain",
                                                        "application/pdf", ""]),
          col("digest", V(64), "token", n=64),
          col("downloads", sa.Integer, "int", lo=0, hi=50),
          col("author_id", sa.Integer, ref="users.id"),
          col("created_on", DT),
          col("description", V(255), "choice", values=["", "Screenshot", "Log file", None],
              nullable=True),
          col("disk_directory", V(255), lambda c: f"{c.rng.randint(2019, 2025)}/"
              f"{c.rng.randint(1, 12):02d}"))
    table(md, "settings", len(SETTINGS),
          col("id", sa.Integer, pk=True, auto=True),
          col("name", V(255), lambda c: SETTINGS[c.index][0]),
          col("value", mediumtext(), _setting_value),
          col("updated_on", DT))
    return md
