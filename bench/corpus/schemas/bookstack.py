"""BookStack (PHP wiki, Laravel, MySQL): a held-out schema (issue #10), labelled before any
scan and never tuned on. The tables as their ``database/migrations/*.php`` files leave them
(``create_*`` with the later migrations that touch them: ``image_id``,
``external_auth_id``, ``system_name`` and ``slug`` on ``users``; ``ip`` and the renamed
``type``/``detail``/``loggable_*`` columns of ``activities``; ``owned_by``,
``deleted_at``, ``default_template_id`` and ``description_html`` on ``books``; drafts,
markdown, revision counts, templates, ``editor`` on ``pages``; the ``restricted`` flags
dropped). 19 of its tables. BookStack declares foreign keys only on ``role_user``: every
other reference is generated as a value without a constraint, as in the original.

Tables: users (name, e-mail, bcrypt hash, remember token, LDAP/SAML id, name slug), roles
and the role pivot, password resets, social accounts (provider ids, avatar URLs), e-mail
confirmations and invites (tokens), API tokens (id and hashed secret), MFA values
(encrypted TOTP secret or backup codes), sessions (IP, user agent, base64 payload), the
audit log (type, detail naming users in part, IP), books, pages and revisions (HTML,
plain text, markdown; some pages list people's contacts), comments, images (avatars
named after their owner in part), settings (``user:<id>:<key>`` rows), webhooks and
failed jobs (payloads and exceptions with a recipient's address).
"""

from __future__ import annotations

import base64
import json

import sqlalchemy as sa
from sqlalchemy.dialects import mysql

from ..gen import GENERATORS as G
from ..gen import col, datetimes, longtext, table
from ..gen import with_params as _p

SOURCE = {"repo": "BookStackApp/BookStack",
          "path": "database/migrations/2014_10_12_000000_create_users_table.php",
          "commit": "6f1c54d018f7d55301eb4c31055b04769f5924d7"}
PERSON_TABLES = ("users",)

UI = sa.Integer().with_variant(mysql.INTEGER(unsigned=True), "mysql", "mariadb")
I = sa.Integer  # noqa: E741
BI = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
T = sa.Text
LT = longtext()
TS = sa.DateTime
B = sa.Boolean


def S(n: int = 255) -> sa.String:  # noqa: N802
    return sa.String(n)


N_USER = 60
N_BOOK = 25
N_PAGE = 220


_ts = datetimes(2017, 2025)


def _ts_cols(null: float = 0.0):  # type: ignore[no-untyped-def]
    return [col("created_at", TS, _ts, null=null), col("updated_at", TS, _ts, null=null)]


def _slugify(s: str) -> str:
    out = "".join(ch.lower() if ch.isalnum() else "-" for ch in s)
    return "-".join(p for p in out.split("-") if p)


def _user_name(c):  # type: ignore[no-untyped-def]
    if c.index == 0:
        return "Admin"
    if c.index == 1:
        return "Guest"
    return G["full_name"](c)


def _user_email(c):  # type: ignore[no-untyped-def]
    if c.index == 0:
        return "admin@admin.com"
    if c.index == 1:
        return "guest@example.com"
    return c.person["email"]


def _external_auth(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    u = c.person["username"]
    if r < 0.6:
        return ""
    if r < 0.85:
        return f"uid={u},ou=people,dc=example,dc=org"
    return G["uuid_str"](c)


def _laravel_encrypted(c):  # type: ignore[no-untyped-def]
    payload = {"iv": G["token"](_p(c, n=16, style="b64")),
               "value": G["token"](_p(c, n=48, style="b64")),
               "mac": G["token"](_p(c, n=64, style="hex")), "tag": ""}
    return base64.b64encode(json.dumps(payload).encode()).decode()


def _avatar_url(c):  # type: ignore[no-untyped-def]
    d = c.row.get("driver")
    if d == "github":
        return f"https://avatars.githubusercontent.com/u/{c.rng.randint(10**5, 10**8)}?v=4"
    if d == "google":
        return f"https://lh3.googleusercontent.com/a/{G['token'](_p(c, n=40, style='url'))}"
    return ""


def _driver_id(c):  # type: ignore[no-untyped-def]
    d = c.row.get("driver")
    if d == "github":
        return str(c.rng.randint(10**5, 10**8))
    if d == "google":
        return str(c.rng.randint(10**20, 10**21))
    return G["uuid_str"](c)


def _session_payload(c):  # type: ignore[no-untyped-def]
    data = {"_token": G["token"](_p(c, n=40, style="url")),
            "_previous": {"url": f"https://wiki.example.com/books/{G['slug'](c)}"},
            "_flash": {"old": [], "new": []}}
    if c.row.get("user_id") is not None:
        data["login_web_59ba36addc2b2f9401580f014c7f58ea4e30989d"] = c.row["user_id"]
        if c.rng.random() < 0.2:
            data["_flash"]["new"] = ["success"]
            data["success"] = f"Welcome back {c.person['first']}!"
    return base64.b64encode(json.dumps(data, ensure_ascii=False).encode()).decode()


ACTIVITY = ["page_create", "page_update", "page_delete", "book_create", "book_update",
            "comment_create", "auth_login", "auth_register", "user_update",
            "settings_update", "mfa_setup_method", "permissions_update"]


def _activity_detail(c):  # type: ignore[no-untyped-def]
    t = c.row["type"]
    if t in ("auth_login", "auth_register", "user_update"):
        return f"({c.rng.randint(1, N_USER)}) {G['full_name'](c)}"
    if t == "mfa_setup_method":
        return c.rng.choice(["totp", "backup_codes"])
    if t == "settings_update":
        return c.rng.choice(["customization", "features", "registration"])
    if t.startswith("page") or t.startswith("book"):
        return c.rng.choice(PAGE_NAMES)
    return ""


def _loggable(c, key):  # type: ignore[no-untyped-def]
    t = c.row["type"]
    if t.startswith("page") or t.startswith("book") or t.startswith("comment"):
        return c.rng.randint(1, N_PAGE) if key == "id" else \
            ("page" if t.startswith("page") or t.startswith("comment") else "book")
    return None


PAGE_NAMES = ["Getting started", "Onboarding checklist", "VPN setup", "Release process",
              "On-call rota", "Office Wi-Fi", "Backups", "Meeting notes 2024-03-12",
              "Kubernetes cluster", "Styleguide", "Handbuch Buchhaltung", "Contact list",
              "Incident 42 post-mortem", "FAQ", "新入社員ガイド"]
BOOK_NAMES = ["IT Handbook", "Engineering", "HR Policies", "Customer Support", "Finance",
              "Product", "Sales Playbook", "Security", "Recipes", "Wiki Home"]


def _page_text(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    p = c.person
    if r < 0.12:
        return (f"On call this week: {p['first']} {p['last']}, {G['phone'](c)}, "
                f"{p['email']}. Backup: {G['full_name'](_p(c))}.")
    if r < 0.2:
        return f"Owner: {p['first']} {p['last']}. Last reviewed {G['date'](c)}."
    return G["lorem"](_p(c, words=c.rng.randint(8, 40)))


def _page_html(c):  # type: ignore[no-untyped-def]
    text = c.row.get("text") or ""
    return f'<p id="bkmrk-{G["token"](_p(c, n=6))}">{text}</p>'


def _page_md(c):  # type: ignore[no-untyped-def]
    return c.row.get("text", "") if c.row.get("editor") == "markdown" else ""


def _comment_text(c):  # type: ignore[no-untyped-def]
    return G["template"](_p(c, texts=[
        "Looks good to me.", "Can we add the VPN steps for macOS?",
        "@{username} please review", "Thanks {first}!", "Outdated since the migration.",
        "Ask {first2} {last2} ({email}) for the credentials.", "+1", "Fixed the typo."]))


def _image_name(c):  # type: ignore[no-untyped-def]
    p = c.person
    if c.row.get("type") == "user":
        return c.rng.choice([f"{p['first']}_{p['last']}.jpg".replace(" ", "_"),
                             "avatar.png", "IMG_2041.JPG", f"{p['username']}.png"])
    return c.rng.choice(["diagram.png", "screenshot-2024-01-12.png", "logo.svg",
                         "network.drawio.png", "image.png", "Bildschirmfoto.png"])


def _image_path(c):  # type: ignore[no-untyped-def]
    folder = "user" if c.row.get("type") == "user" else "gallery"
    return f"/uploads/images/{folder}/2024-0{c.rng.randint(1, 9)}/{G['token'](_p(c, n=10))}.png"


SETTINGS = [("app-name", "Acme Wiki"), ("app-color", "#206ea7"), ("app-public", "false"),
            ("registration-enabled", "true"), ("registration-restrict", "acme.example"),
            ("registration-role", "4"), ("registration-confirmation", "true"),
            ("app-editor", "wysiwyg"), ("app-custom-head", ""),
            ("bookstack-version", "v24.10")]


def _setting_key(c):  # type: ignore[no-untyped-def]
    if c.index < len(SETTINGS):
        return SETTINGS[c.index][0]
    key = c.rng.choice(["dark-mode-enabled", "language", "books_view_type",
                        "bookshelves_view_type", "notifications#comment-replies",
                        "code-language-favourites"])
    return f"user:{c.rng.randint(1, N_USER)}:{key}"


def _setting_value(c):  # type: ignore[no-untyped-def]
    if c.index < len(SETTINGS):
        return SETTINGS[c.index][1]
    return c.rng.choice(["true", "false", "de", "en", "list", "grid", "php,javascript"])


def _job_payload(c):  # type: ignore[no-untyped-def]
    kind = c.rng.choice(["ConfirmEmailNotification", "UserInviteNotification",
                         "DispatchWebhookJob", "ResetPasswordNotification"])
    data = {"uuid": G["uuid_str"](c), "displayName": f"BookStack\\Notifications\\{kind}",
            "job": "Illuminate\\Queue\\CallQueuedHandler@call", "maxTries": None}
    if kind != "DispatchWebhookJob":
        data["data"] = {"commandName": "Illuminate\\Notifications\\SendQueuedNotifications",
                        "command": f'O:48:"Illuminate\\Notifications\\SendQueuedNotifications"'
                                   f':3:{{s:11:"notifiables";O:45:"Illuminate\\Contracts\\'
                                   f'Database\\ModelIdentifier":1:{{s:2:"id";i:'
                                   f'{c.rng.randint(3, N_USER)};}}s:5:"token";s:60:"'
                                   f'{G["token"](_p(c, n=60, style="url"))}";}}'}
    return json.dumps(data)


def _job_exception(c):  # type: ignore[no-untyped-def]
    return c.rng.choice([
        "Symfony\\Component\\Mailer\\Exception\\TransportException: Expected response code "
        f"\"250\" but got code \"550\", with message \"550 5.1.1 <{c.person['email']}>: "
        "Recipient address rejected\". in /var/www/bookstack/vendor/symfony/mailer/...",
        "GuzzleHttp\\Exception\\ConnectException: cURL error 28: Operation timed out",
        "Illuminate\\Queue\\MaxAttemptsExceededException: job has been attempted too many "
        "times."])


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "users", N_USER,
          col("id", UI, pk=True, auto=True),
          col("name", S(), _user_name),
          col("email", S(), _user_email, unique=True),
          col("password", S(60), "password_hash", style="bcrypt12"),
          col("remember_token", S(100), lambda c: G["token"](_p(c, n=60, style="url")),
              null=0.4),
          *_ts_cols(null=0.02),
          col("image_id", I, lambda c: c.rng.choice([0, 0, c.rng.randint(1, 150)])),
          col("external_auth_id", S(), _external_auth),
          col("system_name", S(), lambda c: "public" if c.index == 1 else None,
              nullable=True),
          col("slug", S(180), lambda c: _slugify(c.row["name"]) or f"user-{c.index}",
              unique=True))
    table(md, "roles", 6,
          col("id", UI, pk=True, auto=True),
          col("display_name", S(), lambda c: ["Admin", "Editor", "Viewer", "Public",
                                              "Support", "Redakteure"][c.index],
              nullable=True),
          col("description", S(), "choice", values=["Administrator of the whole application",
                                                   "User can edit books", "", None],
              nullable=True),
          *_ts_cols(null=0.02),
          col("system_name", S(), lambda c: ["admin", "", "", "public", "", ""][c.index]),
          col("external_auth_id", S(180), "choice", values=["", "", "wiki-editors",
                                                            "cn=support,ou=groups"]),
          col("mfa_enforced", B, lambda c: c.rng.random() < 0.2))
    table(md, "role_user", 70,
          col("user_id", UI, fk="users.id", pk=True),
          col("role_id", UI, fk="roles.id", pk=True))
    table(md, "password_resets", 12,
          col("email", S(), "email"),
          col("token", S(), lambda c: G["password_hash"](_p(c, style="bcrypt"))),
          col("created_at", TS, _ts))
    table(md, "social_accounts", 25,
          col("id", UI, pk=True, auto=True),
          col("user_id", I, ref="users.id"),
          col("driver", S(), "choice", values=["github", "google", "azure", "okta"]),
          col("driver_id", S(), _driver_id),
          col("avatar", S(), _avatar_url),
          *_ts_cols(null=0.05))
    table(md, "email_confirmations", 15,
          col("id", UI, pk=True, auto=True),
          col("user_id", I, ref="users.id"),
          col("token", S(), lambda c: G["token"](_p(c, n=60, style="url"))),
          *_ts_cols(null=0.05))
    table(md, "user_invites", 10,
          col("id", UI, pk=True, auto=True),
          col("user_id", I, ref="users.id"),
          col("token", S(), lambda c: G["token"](_p(c, n=60, style="url"))),
          *_ts_cols(null=0.05))
    table(md, "api_tokens", 18,
          col("id", UI, pk=True, auto=True),
          col("name", S(), "choice", values=["CI export", "Backup script", "n8n", "Zapier",
                                             "my laptop", "Import from Confluence"]),
          col("token_id", S(), lambda c: G["token"](_p(c, n=32, style="url")), unique=True),
          col("secret", S(), lambda c: G["password_hash"](_p(c, style="bcrypt12"))),
          col("user_id", UI, ref="users.id"),
          col("expires_at", sa.Date, "date", start=2025, end=2100),
          *_ts_cols())
    table(md, "mfa_values", 20,
          col("id", UI, pk=True, auto=True),
          col("user_id", I, ref="users.id"),
          col("method", S(20), "choice", values=["totp", "backup_codes"]),
          col("value", T, _laravel_encrypted),
          *_ts_cols(null=0.02))
    table(md, "sessions", 120,
          col("id", S(), lambda c: G["token"](_p(c, n=40, style="url")), unique=True),
          col("user_id", I, ref="users.id", null=0.3),
          col("ip_address", S(45), "ip", null=0.02),
          col("user_agent", T, "user_agent", null=0.05),
          col("payload", T, _session_payload),
          col("last_activity", I, "int", lo=1_600_000_000, hi=1_760_000_000))
    table(md, "activities", 400,
          col("id", UI, pk=True, auto=True),
          col("type", S(), "choice", values=ACTIVITY),
          col("detail", T, _activity_detail),
          col("user_id", I, ref="users.id"),
          col("ip", S(45), "ip"),
          col("loggable_id", I, lambda c: _loggable(c, "id"), nullable=True),
          col("loggable_type", S(191), lambda c: _loggable(c, "type"), nullable=True),
          *_ts_cols(null=0.01))
    table(md, "books", N_BOOK,
          col("id", UI, pk=True, auto=True),
          col("name", S(), lambda c: BOOK_NAMES[c.index % len(BOOK_NAMES)]
              + ("" if c.index < len(BOOK_NAMES) else f" {c.index}")),
          col("slug", S(), lambda c: _slugify(c.row["name"])),
          col("description", T, "lorem", words=10, empty=0.4),
          *_ts_cols(null=0.01),
          col("created_by", I, ref="users.id"),
          col("updated_by", I, ref="users.id"),
          col("image_id", I, "int", lo=1, hi=150, null=0.6),
          col("deleted_at", TS, _ts, null=0.9),
          col("owned_by", UI, ref="users.id"),
          col("default_template_id", I, "int", lo=1, hi=N_PAGE, null=0.85),
          col("description_html", T, lambda c: f"<p>{c.row.get('description') or ''}</p>"))
    table(md, "pages", N_PAGE,
          col("id", UI, pk=True, auto=True),
          col("book_id", I, ref="books.id"),
          col("chapter_id", I, "choice", values=[0, 0, 1, 2, 3, 4, 5]),
          col("name", S(), "choice", values=PAGE_NAMES),
          col("slug", S(), lambda c: _slugify(c.row["name"]) or "page"),
          col("editor", S(50), "choice", values=["wysiwyg", "wysiwyg", "markdown", ""]),
          col("text", LT, _page_text),
          col("html", LT, _page_html),
          col("priority", I, "int", lo=0, hi=40),
          *_ts_cols(null=0.01),
          col("created_by", I, ref="users.id"),
          col("updated_by", I, ref="users.id"),
          col("draft", B, lambda c: c.rng.random() < 0.1),
          col("markdown", LT, _page_md),
          col("revision_count", I, "int", lo=0, hi=30),
          col("template", B, lambda c: c.rng.random() < 0.05),
          col("deleted_at", TS, _ts, null=0.92),
          col("owned_by", UI, ref="users.id"))
    table(md, "page_revisions", 500,
          col("id", UI, pk=True, auto=True),
          col("page_id", I, ref="pages.id"),
          col("name", S(), "choice", values=PAGE_NAMES),
          col("text", LT, _page_text),
          col("html", LT, _page_html),
          col("created_by", I, ref="users.id"),
          *_ts_cols(null=0.01),
          col("slug", S(), lambda c: _slugify(c.row["name"]) or "page"),
          col("book_slug", S(), lambda c: _slugify(c.rng.choice(BOOK_NAMES))),
          col("type", S(), "choice", values=["version", "version", "update_draft"]),
          col("editor", S(50), "choice", values=["wysiwyg", "markdown"]),
          col("markdown", LT, lambda c: c.row["text"] if c.row["editor"] == "markdown"
              else ""),
          col("summary", S(), "choice", values=["Initial publish", "Fixed typos",
                                                "Added the new VPN gateway", "", None],
              nullable=True),
          col("revision_number", I, "int", lo=1, hi=30))
    table(md, "comments", 180,
          col("id", UI, pk=True, auto=True),
          col("entity_id", UI, ref="pages.id"),
          col("entity_type", S(), "const", value="page"),
          col("text", LT, _comment_text, null=0.02),
          col("html", LT, lambda c: f"<p>{c.row.get('text') or ''}</p>", null=0.02),
          col("parent_id", UI, "int", lo=1, hi=20, null=0.7),
          col("local_id", UI, "int", lo=1, hi=20, null=0.02),
          col("created_by", UI, ref="users.id"),
          col("updated_by", UI, ref="users.id", null=0.6),
          *_ts_cols())
    table(md, "images", 150,
          col("id", UI, pk=True, auto=True),
          col("type", S(), "choice", values=["gallery", "gallery", "drawio", "cover_book",
                                             "user", "system"]),
          col("name", S(), _image_name),
          col("url", S(), lambda c: "https://wiki.example.com" + _image_path(c)),
          *_ts_cols(null=0.01),
          col("created_by", I, ref="users.id"),
          col("updated_by", I, ref="users.id"),
          col("path", S(400), _image_path),
          col("uploaded_to", I, "int", lo=0, hi=N_PAGE))
    table(md, "settings", 90,
          col("setting_key", S(), _setting_key, pk=True),
          col("value", T, _setting_value),
          *_ts_cols(null=0.02),
          col("type", S(50), "choice", values=["string", "string", "array"]))
    table(md, "webhooks", 4,
          col("id", UI, pk=True, auto=True),
          col("name", S(150), "choice", values=["Slack #docs", "Teams", "n8n", "Audit"]),
          col("active", B, "bool"),
          col("endpoint", S(500), lambda c: "https://hooks.example.com/services/"
              + G["token"](_p(c, n=24, style="url"))),
          *_ts_cols(),
          col("timeout", UI, "choice", values=[3, 5, 10]),
          col("last_error", T, "choice", values=["", "", "cURL error 28: timed out"]),
          col("last_called_at", TS, _ts, null=0.3),
          col("last_errored_at", TS, _ts, null=0.7))
    table(md, "failed_jobs", 30,
          col("id", BI, pk=True, auto=True),
          col("uuid", S(), "uuid_str", unique=True),
          col("connection", T, "const", value="database"),
          col("queue", T, "const", value="default"),
          col("payload", LT, _job_payload),
          col("exception", LT, _job_exception),
          col("failed_at", TS, _ts))
    return md
