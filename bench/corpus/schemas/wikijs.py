"""Wiki.js 2 (wiki, Node.js with Knex and Objection, PostgreSQL, MySQL/MariaDB or SQLite):
a held-out schema (issue #10), labelled before any scan and never tuned on. The tables as
the Knex migration ``server/db/migrations/2.0.0.js`` creates them, with the columns the
later migrations add (``2.2.3``: ``apiKeys``; ``2.2.17``: ``pageHistory.versionDate``;
``2.3.10``: ``users.lastLoginAt``; ``2.4.13``: ``pages.extra``, ``pageHistory.extra``,
``users.dateFormat``, ``users.appearance``; ``2.4.36``: ``comments.render``, ``name``,
``email``, ``ip``; ``2.5.1``: ``authentication.order``, ``strategyKey``,
``displayName``; ``2.5.12``: ``groups.redirectOnLogin``; ``2.5.122``: ``userAvatars``):
16 tables, every column; foreign keys as the migrations declare them (none from
``pageHistory.pageId`` or ``userAvatars.id``, which are values).

Knex's conventions here: camelCase names, ``string`` is varchar(255), ``increments`` an
integer key, ``json`` JSON, ``binary`` bytea/BLOB (LONGBLOB on MySQL), and every timestamp
an ISO 8601 string in a varchar (``createdAt``, ``updatedAt``, ``lastLoginAt``,
``validUntil``, ``versionDate``, ``publishStartDate``).

Values: the administrator and the guest user first (``guest@example.com``), then users
with names in many scripts, lower-cased e-mails, local bcrypt hashes or OAuth/LDAP
provider ids (numeric ids, LDAP DNs with the username), TOTP secrets for 15%, job titles,
free-text locations (a person's city), avatar paths; password-reset and verification
tokens; avatars as PNG/JPEG bytes; groups with permissions and page rules; OAuth strategy
configs with client secrets; API keys as JWTs; pages and their history with staff
directory pages (``people/<first>-<last>``, phone and e-mail in the markdown and the HTML
render, ~15%) beside runbooks; comments with the commenter's name, e-mail and IP; asset
file names (``cv-<first>-<last>.pdf`` in ~10%).
"""

from __future__ import annotations

import base64

import sqlalchemy as sa
from sqlalchemy.dialects import mysql

from ..gen import GENERATORS as G
from ..gen import _ascii, col, enum, table
from ..gen import with_params as _p

SOURCE = {"repo": "requarks/wiki",
          "path": "server/db/migrations/{2.0.0,2.2.3,2.2.17,2.3.10,2.4.13,2.4.36,2.5.1,2.5.12,"
                  "2.5.122}.js",
          "commit": "8eddc4799e134dc568dbf942559df56d4bee8eb4"}
# every file read, at the commit of its stored version
SOURCES = {"server/db/migrations/2.0.0.js": "8eddc4799e134dc568dbf942559df56d4bee8eb4",
           "server/db/migrations/2.2.3.js": "6c5bb36dace0e604b4d2f95e002b8c8b3b2c16f2",
           "server/db/migrations/2.2.17.js": "3613c73008a3db82e03b530c9ccb93ef4171e295",
           "server/db/migrations/2.3.10.js": "5b701ba6b3ba27c7f25f5c1da25e25eac990388f",
           "server/db/migrations/2.4.13.js": "38918167586d31f937478729c945706a001092c1",
           "server/db/migrations/2.4.36.js": "7d6b2fa5896c70b6800e7a77aacd310798f2613e",
           "server/db/migrations/2.5.1.js": "8490fc1267b036bd7971434374f81324b53536fc",
           "server/db/migrations/2.5.12.js": "c009cc13927b0438943181cbeb8f47c317bc68f6",
           "server/db/migrations/2.5.122.js": "7d6b2fa5896c70b6800e7a77aacd310798f2613e"}
PERSON_TABLES = ("users",)

INT = sa.Integer
B = sa.Boolean
S = sa.String(255)
T = sa.Text
J = sa.JSON(none_as_null=True)
LONGTEXT = sa.Text().with_variant(mysql.LONGTEXT(), "mysql", "mariadb")
LONGBLOB = sa.LargeBinary().with_variant(mysql.LONGBLOB(), "mysql", "mariadb")
N_USERS = 80


def _iso(c):  # type: ignore[no-untyped-def]
    d = G["datetime"](_p(c, start=2019, end=2025))
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + f"{c.rng.randint(0, 999):03d}Z"


def _user_email(c):  # type: ignore[no-untyped-def]
    if c.index == 0:
        return "admin@wiki.acme.example"
    if c.index == 1:
        return "guest@example.com"
    return c.person["email"].lower()


def _user_name(c):  # type: ignore[no-untyped-def]
    if c.index == 0:
        return "Administrator"
    if c.index == 1:
        return "Guest"
    return G["display_name"](c)


def _provider(c):  # type: ignore[no-untyped-def]
    if c.index < 2:
        k = "local"
    else:
        k = c.rng.choice(["local", "local", "local", "github", "google", "ldap"])
    c.row["_provider"] = k
    return k


def _provider_id(c):  # type: ignore[no-untyped-def]
    k = c.row["_provider"]
    if k == "local":
        return None
    if k == "github":
        return str(c.rng.randint(10_000, 90_000_000))
    if k == "google":
        return str(c.rng.randint(10**20, 10**21 - 1))
    return f"uid={c.person['username']},ou=people,dc=acme,dc=example"


def _password(c):  # type: ignore[no-untyped-def]
    if c.row["_provider"] != "local" or c.index == 1:
        return None
    return G["password_hash"](_p(c, style="bcrypt12"))


def _tfa(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.85:
        return None
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    return "".join(c.rng.choice(alphabet) for _ in range(32))


def _location(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.6:
        return ""
    city = c.person["f"].city()
    return city if c.rng.random() < 0.5 else f"{city}, {c.person['f'].current_country()}"


def _page(c):  # type: ignore[no-untyped-def]
    """Chooses the page: path, title, markdown and HTML (columns read from the row)."""
    p = c.person
    if c.rng.random() < 0.15:
        slug = f"{_ascii(p['first']).lower() or 'user'}-{_ascii(p['last']).lower() or c.index}"
        path = f"people/{slug}"
        title = f"{p['first']} {p['last']}"
        phone = G["phone"](c)
        md = f"# {title}\n\n- Team: Platform\n- Phone: {phone}\n- E-mail: {p['email']}\n" \
             f"- Desk: building B, 2nd floor\n"
        html = f"<h1>{title}</h1><ul><li>Team: Platform</li><li>Phone: {phone}</li>" \
               f"<li>E-mail: <a href=\"mailto:{p['email']}\">{p['email']}</a></li></ul>"
    else:
        topic = c.rng.choice(["deploy", "vpn", "style-guide", "onboarding", "architecture",
                              "backups", "on-call", "release-notes", "faq", "glossary"])
        path = f"{c.rng.choice(['docs', 'eng', 'it', 'handbook'])}/{topic}-{c.index}"
        title = topic.replace("-", " ").capitalize()
        md = f"# {title}\n\nSee the steps below.\n\n1. Open a terminal\n2. Run `make {topic}`\n"
        html = f"<h1>{title}</h1><p>See the steps below.</p><ol><li>Open a terminal</li>" \
               f"<li>Run <code>make {topic}</code></li></ol>"
    c.row["_md"], c.row["_html"], c.row["_title"] = md, html, title
    return path


def _comment(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.12:
        q = c.person
        txt = f"@{q['username']} can you check this? Otherwise call me on {G['phone'](c)}"
    else:
        txt = c.rng.choice(["Thanks, this helped!", "The second step is outdated.",
                            "Link is broken.", "+1", "Could we add a diagram here?"])
    c.row["_comment"] = txt
    return txt


def _filename(c):  # type: ignore[no-untyped-def]
    p = c.person
    r = c.rng.random()
    first = _ascii(p["first"]).lower() or "user"
    last = _ascii(p["last"]).lower() or "x"
    if r < 0.06:
        name, ext = f"cv-{first}-{last}", "pdf"
    elif r < 0.1:
        name, ext = f"{first}-{last}-headshot", "jpg"
    else:
        name = c.rng.choice(["architecture-diagram", "logo", "screenshot-2024-03-11",
                             "network", "invoice-template", "org-chart", "runbook"])
        name, ext = f"{name}-{c.index}", c.rng.choice(["png", "svg", "pdf", "jpg"])
    c.row["_ext"] = ext
    return f"{name}.{ext}"


def _jwt(c):  # type: ignore[no-untyped-def]
    head = base64.urlsafe_b64encode(b'{"alg":"RS256","typ":"JWT"}').decode().rstrip("=")
    body = base64.urlsafe_b64encode(
        f'{{"api":{c.index + 1},"grp":1,"iat":1700000000,"exp":1800000000,'
        f'"aud":"urn:wiki.js","iss":"urn:wiki.js"}}'.encode()).decode().rstrip("=")
    return f"{head}.{body}.{G['token'](_p(c, n=342, style='url'))}"


AUTH = [("local", "local", "Local"), ("github", "github", "GitHub"),
        ("google", "google", "Google"), ("ldap", "ldap", "Corporate LDAP")]
LOCALES = [("en", "English", "English"), ("de", "German", "Deutsch"),
           ("fr", "French", "Français"), ("ja", "Japanese", "日本語")]
EDITORS = ["markdown", "ckeditor", "code", "api"]
TAGS = ["howto", "team", "infra", "security", "hr", "people", "legacy", "draft", "api", "faq"]


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "authentication", len(AUTH),
          col("key", S, lambda c: AUTH[c.index][0], pk=True),
          col("isEnabled", B, "const", value=True),
          col("config", J, lambda c: {} if c.index == 0 else
              {"clientId": G["token"](_p(c, n=20)), "clientSecret": G["token"](_p(c, n=40))}
              if c.index < 3 else {"url": "ldaps://ldap.acme.example:636",
                                   "bindDn": "cn=wiki,ou=services,dc=acme,dc=example",
                                   "bindCredentials": G["token"](_p(c, n=24, style="url"))}),
          col("selfRegistration", B, "bool"),
          col("domainWhitelist", J, lambda c: {"v": ["acme.example"] if c.index else []}),
          col("autoEnrollGroups", J, lambda c: {"v": [2]}),
          col("order", INT, "seq"),
          col("strategyKey", S, lambda c: AUTH[c.index][1]),
          col("displayName", S, lambda c: AUTH[c.index][2]))
    table(md, "locales", len(LOCALES),
          col("code", sa.String(5), lambda c: LOCALES[c.index][0], pk=True),
          col("strings", J, lambda c: {"common.actions.save": "Save"}, nullable=True),
          col("isRTL", B, "const", value=False),
          col("name", S, lambda c: LOCALES[c.index][1]),
          col("nativeName", S, lambda c: LOCALES[c.index][2]),
          col("availability", INT, "int", lo=40, hi=100),
          col("createdAt", S, _iso),
          col("updatedAt", S, _iso))
    table(md, "editors", len(EDITORS),
          col("key", S, lambda c: EDITORS[c.index], pk=True),
          col("isEnabled", B, "const", value=True),
          col("config", J, lambda c: {}))
    table(md, "users", N_USERS,
          col("id", INT, pk=True, auto=True),
          col("email", S, _user_email),
          col("name", S, _user_name),
          col("providerKey", S, _provider, fk="authentication.key"),
          col("providerId", S, _provider_id, nullable=True),
          col("password", S, _password, nullable=True),
          col("tfaIsActive", B, lambda c: False),
          col("tfaSecret", S, _tfa, nullable=True),
          col("jobTitle", S, lambda c: "" if c.rng.random() < 0.55 else c.rng.choice(
              ["Engineer", "Support lead", "Technical writer", "SRE", "Product manager"]),
              nullable=True),
          col("location", S, _location, nullable=True),
          col("pictureUrl", S, lambda c: None if c.rng.random() < 0.6 else
              f"/_userav/{c.index + 1}" if c.rng.random() < 0.5 else
              f"https://lh3.googleusercontent.com/a/{G['token'](_p(c, n=40, style='url'))}",
              nullable=True),
          col("timezone", S, "timezone"),
          col("isSystem", B, lambda c: c.index == 1),
          col("isActive", B, "choice", values=[True, True, True, False]),
          col("isVerified", B, "choice", values=[True, True, False]),
          col("mustChangePwd", B, "choice", values=[False, False, False, True]),
          col("createdAt", S, _iso),
          col("updatedAt", S, _iso),
          col("localeCode", sa.String(5), fk="locales.code"),
          col("defaultEditor", S, lambda c: "markdown", fk="editors.key"),
          col("lastLoginAt", S, _iso, null=0.2),
          col("dateFormat", S, "choice", values=["", "", "YYYY-MM-DD", "DD.MM.YYYY"]),
          col("appearance", S, "choice", values=["", "", "dark", "light"]),
          sa.UniqueConstraint("providerKey", "email"))
    table(md, "userKeys", 30,
          col("id", INT, pk=True, auto=True),
          col("kind", S, "choice", values=["resetPwd", "verify"]),
          col("token", S, lambda c: G["token"](_p(c, n=64, style="url"))),
          col("createdAt", S, _iso),
          col("validUntil", S, _iso),
          col("userId", INT, fk="users.id"))
    table(md, "userAvatars", 25,
          col("id", INT, ref="users.id", pk=True),
          col("data", LONGBLOB, "image"))
    table(md, "groups", 6,
          col("id", INT, pk=True, auto=True),
          col("name", S, lambda c: ["Administrators", "Guests", "Engineering", "Support",
                                    "HR", "Contractors"][c.index]),
          col("permissions", J, lambda c: ["read:pages", "read:assets", "read:comments",
                                           "write:comments"]),
          col("pageRules", J, lambda c: [{"id": "guest", "deny": False, "match": "START",
                                          "roles": ["read:pages"], "path": "",
                                          "locales": []}]),
          col("isSystem", B, lambda c: c.index < 2),
          col("createdAt", S, _iso),
          col("updatedAt", S, _iso),
          col("redirectOnLogin", S, "choice", values=["/", "/", "/handbook"]))
    table(md, "userGroups", 100,
          col("id", INT, pk=True, auto=True),
          col("userId", INT, fk="users.id"),
          col("groupId", INT, fk="groups.id"))
    table(md, "apiKeys", 5,
          col("id", INT, pk=True, auto=True),
          col("name", S, lambda c: ["CI publish", "Backup script", "Search sync",
                                    "Slack bot", "Import"][c.index]),
          col("key", T, _jwt),
          col("expiration", S, _iso),
          col("isRevoked", B, "choice", values=[False, False, True]),
          col("createdAt", S, _iso),
          col("updatedAt", S, _iso))
    table(md, "pages", 150,
          col("id", INT, pk=True, auto=True),
          col("path", S, _page),
          col("hash", S, "sha1"),
          col("title", S, lambda c: c.row["_title"]),
          col("description", S, lambda c: c.rng.choice(["", "", "How we work",
                                                        "Internal documentation"]),
              nullable=True),
          col("isPrivate", B, lambda c: False),
          col("isPublished", B, "choice", values=[True, True, True, False]),
          col("privateNS", S, lambda c: None, nullable=True),
          col("publishStartDate", S, lambda c: "", nullable=True),
          col("publishEndDate", S, lambda c: "", nullable=True),
          col("content", LONGTEXT, lambda c: c.row["_md"], nullable=True),
          col("render", LONGTEXT, lambda c: c.row["_html"], nullable=True),
          col("toc", J, lambda c: [{"title": c.row["_title"], "anchor": "#top",
                                    "children": []}], nullable=True),
          col("contentType", S, lambda c: "markdown"),
          col("createdAt", S, _iso),
          col("updatedAt", S, _iso),
          col("editorKey", S, lambda c: "markdown", fk="editors.key"),
          col("localeCode", sa.String(5), fk="locales.code"),
          col("authorId", INT, fk="users.id"),
          col("creatorId", INT, fk="users.id"),
          col("extra", J, lambda c: {"js": "", "css": ""}))
    table(md, "pageHistory", 300,
          col("id", INT, pk=True, auto=True),
          col("path", S, _page),
          col("hash", S, "sha1"),
          col("title", S, lambda c: c.row["_title"]),
          col("description", S, lambda c: "", nullable=True),
          col("isPrivate", B, lambda c: False),
          col("isPublished", B, "bool"),
          col("publishStartDate", S, lambda c: "", nullable=True),
          col("publishEndDate", S, lambda c: "", nullable=True),
          col("action", S, "choice", values=["updated", "updated", "moved", "initial"],
              nullable=True),
          col("pageId", INT, ref="pages.id", nullable=True),
          col("content", LONGTEXT, lambda c: c.row["_md"], nullable=True),
          col("contentType", S, lambda c: "markdown"),
          col("createdAt", S, _iso),
          col("editorKey", S, lambda c: "markdown", fk="editors.key", nullable=True),
          col("localeCode", sa.String(5), fk="locales.code", nullable=True),
          col("authorId", INT, fk="users.id", nullable=True),
          col("versionDate", S, _iso),
          col("extra", J, lambda c: {"js": "", "css": ""}))
    table(md, "comments", 120,
          col("id", INT, pk=True, auto=True),
          col("content", T, _comment),
          col("createdAt", S, _iso),
          col("updatedAt", S, _iso),
          col("pageId", INT, fk="pages.id", nullable=True),
          col("authorId", INT, fk="users.id", nullable=True),
          col("render", T, lambda c: f"<p>{c.row['_comment']}</p>"),
          col("name", S, "full_name"),
          col("email", S, lambda c: c.person["email"].lower()),
          col("ip", S, "ip", empty=0.1))
    table(md, "assetFolders", 8,
          col("id", INT, pk=True, auto=True),
          col("name", S, lambda c: ["images", "diagrams", "hr", "uploads", "logos",
                                    "2024", "screenshots", "misc"][c.index]),
          col("slug", S, lambda c: ["images", "diagrams", "hr", "uploads", "logos",
                                    "2024", "screenshots", "misc"][c.index]),
          col("parentId", INT, ref="assetFolders.id", nullable=True))
    table(md, "assets", 100,
          col("id", INT, pk=True, auto=True),
          col("filename", S, _filename),
          col("hash", S, "sha1"),
          col("ext", S, lambda c: "." + c.row["_ext"]),
          col("kind", enum("binary", "image"), lambda c: "image" if c.row["_ext"] in
              ("png", "svg", "jpg") else "binary"),
          col("mime", S, lambda c: {"png": "image/png", "svg": "image/svg+xml",
                                    "jpg": "image/jpeg"}.get(c.row["_ext"],
                                                             "application/pdf")),
          col("fileSize", INT, "int", lo=1, hi=20000, nullable=True),
          col("metadata", J, lambda c: None, nullable=True),
          col("createdAt", S, _iso),
          col("updatedAt", S, _iso),
          col("folderId", INT, fk="assetFolders.id", null=0.3),
          col("authorId", INT, fk="users.id", nullable=True))
    table(md, "tags", len(TAGS),
          col("id", INT, pk=True, auto=True),
          col("tag", S, lambda c: TAGS[c.index], unique=True),
          col("title", S, lambda c: TAGS[c.index].capitalize(), nullable=True),
          col("createdAt", S, _iso),
          col("updatedAt", S, _iso))
    table(md, "pageTags", 200,
          col("id", INT, pk=True, auto=True),
          col("pageId", INT, fk="pages.id", nullable=True),
          col("tagId", INT, fk="tags.id", nullable=True))
    return md
