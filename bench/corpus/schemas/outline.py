"""Outline (team knowledge base and wiki, TypeScript with Sequelize, PostgreSQL): a held-out
schema (issue #10), labelled before any scan and never tuned on. The tables as the
Sequelize models in ``server/models/`` declare them at one commit (``teams``, ``users``,
``authentication_providers``, ``user_authentications``, ``apiKeys``, ``collections``,
``documents``, ``revisions``, ``shares``, ``events``, ``notifications``,
``attachments``, ``search_queries``), with the base classes' columns (``IdModel``: ``id``,
``createdAt``, ``updatedAt``; ``ParanoidModel``: ``deletedAt``; ``ArchivableModel``:
``archivedAt``; models with ``updatedAt: false`` have only ``createdAt``) and the foreign
keys the migrations in ``server/migrations/`` declare: 13 tables, every column except
PostgreSQL arrays (``users``: none; ``teams.previousSubdomains``, ``apiKeys.scope``,
``user_authentications.scopes``, ``documents.previousTitles``,
``documents.collaboratorIds``, ``revisions.collaboratorIds``).

Sequelize's conventions here: camelCase column names, ``UUID`` keys (native ``uuid`` on
PostgreSQL), ``STRING`` varchar(255), ``TEXT``, ``JSONB``, ``BLOB`` bytea (the encrypted
``jwtSecret`` and OAuth tokens, and the Y.js ``state`` of a document), ``ENUM`` as a
varchar here. References to tables not included (``fileOperations``, ``imports``,
``comments``, ``groups``, ``access_requests``, ``user_memberships``) are values.

Values: users with names in many scripts, e-mails, encrypted JWT secrets, last active and
sign-in IPs, avatar URLs at Google, GitHub (with the numeric account id) or Outline's own
storage; teams, Google/Slack/OIDC providers with the workspace domain or team id; the
users' ids at the provider and encrypted tokens; hashed API keys with their last four
characters; collections; documents and revisions whose titles, markdown, ProseMirror JSON
and Y.js state hold meeting notes, contact lists and onboarding pages naming people with
e-mails and phones, imports' source metadata with the original author's name; public
shares; the event log with IPs and JSON naming invited users; notifications; attachments
whose keys carry file names (``CV_<name>.pdf``); search queries for colleagues' names.
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, datetimes, enum, jsonb, new_person, table
from ..gen import with_params as _p

SOURCE = {"repo": "outline/outline",
          "path": "server/models/{User,Team,ApiKey,AuthenticationProvider,UserAuthentication,"
                  "Collection,Document,Revision,Share,Event,Notification,Attachment,"
                  "SearchQuery}.ts; server/models/base/*.ts; server/migrations/*.js",
          "commit": "d77dcdf853868c5d5fe125c895c9b71f0eff5c68"}
# every file read, at the commit of the snapshot
SOURCES = {"server/models/": "d77dcdf853868c5d5fe125c895c9b71f0eff5c68",
           "server/migrations/20210226232041-authentication-providers.js":
               "d77dcdf853868c5d5fe125c895c9b71f0eff5c68"}
PERSON_TABLES = ("users",)

U = sa.Uuid
B = sa.Boolean
TS = sa.DateTime
T = sa.Text
S = sa.String(255)
N_TEAMS = 6
N_USERS = 100
N_DOCS = 200
_ts = datetimes(2019, 2025)
_USER_IDS: list[uuid.UUID] = []
_DOC_IDS: list[uuid.UUID] = []


def _user_id(c):  # type: ignore[no-untyped-def]
    if c.index == 0:
        _USER_IDS.clear()
    u = G["uuid"](c)
    _USER_IDS.append(u)
    return u


def _doc_id(c):  # type: ignore[no-untyped-def]
    if c.index == 0:
        _DOC_IDS.clear()
    u = G["uuid"](c)
    _DOC_IDS.append(u)
    return u


def _earlier(keys: list, share: float):  # type: ignore[no-untyped-def,type-arg]
    """A self reference: one of the rows already generated, in ``share`` of rows."""
    def gen(c):  # type: ignore[no-untyped-def]
        if len(keys) < 2 or c.rng.random() > share:
            return None
        return c.rng.choice(keys[:-1])
    return gen


def _url_id(c):  # type: ignore[no-untyped-def]
    return G["token"](_p(c, n=10, style="url")).replace("-", "x").replace("_", "y")


def _avatar(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.3:
        return None
    if r < 0.55:
        return f"https://lh3.googleusercontent.com/a/{G['token'](_p(c, n=60, style='url'))}=s96-c"
    if r < 0.75:
        return f"https://avatars.githubusercontent.com/u/{c.rng.randint(10_000, 90_000_000)}?v=4"
    return f"/api/files.get?key=avatars/{G['uuid_str'](c)}/{G['uuid_str'](c)}"


TEAMS = ["Acme", "Globex Docs", "Initech Wiki", "Hooli Engineering", "Nordwind", "Vega KB"]
DOMAINS = ["acme.example", "globex.example", "initech.example", "hooli.example",
           "nordwind.example", "vega.example"]

MEETING = """# 1:1 {first} / {first2}

Attendees: {first} {last}, {first2} {last2}

- {first} is moving to {city} next month, new number {phone}
- follow up by mail: {email}
"""
CONTACTS = """# On-call contacts

| Name | Phone | E-mail |
| --- | --- | --- |
| {first} {last} | {phone} | {email} |
| {first2} {last2} | {phone2} | — |
"""
ONBOARDING = "# Onboarding {first} {last}\n\nBuddy: {first2}. Laptop ordered, start date " \
             "next Monday. Home address for the welcome pack: {street}, {city}.\n"
TECH = ["# Deployment runbook\n\n1. Merge to main\n2. Wait for CI\n3. `make release`\n",
        "# Architecture\n\nThe API talks to Postgres and Redis. See the diagram below.\n",
        "# Style guide\n\nUse sentence case for headings.\n",
        "# Incident review 2024-03\n\nRoot cause: expired TLS certificate.\n",
        "# Q3 OKRs\n\n- Reduce p99 latency by 20%\n- Ship the new editor\n",
        "# Holiday calendar\n\nOffice closed on public holidays.\n"]


def _doc_text(c):  # type: ignore[no-untyped-def]
    p = c.person
    q = new_person(c)
    r = c.rng.random()
    kw = dict(first=p["first"], last=p["last"], first2=q["first"], last2=q["last"],
              phone=G["phone"](c), phone2=G["phone"](c), email=p["email"],
              city=p["f"].city(), street=p["f"].street_address().replace("\n", ", "))
    if r < 0.12:
        title, text = f"1:1 {p['first']} / {q['first']}", MEETING.format(**kw)
    elif r < 0.2:
        title, text = "On-call contacts", CONTACTS.format(**kw)
    elif r < 0.28:
        title, text = f"Onboarding {p['first']} {p['last']}", ONBOARDING.format(**kw)
    else:
        text = c.rng.choice(TECH)
        title = text.splitlines()[0][2:]
        if c.index >= len(TECH):
            title = f"{title} ({c.index})"
    c.row["_title"], c.row["_text"] = title, text
    return title


def _prosemirror(text: str) -> dict:  # type: ignore[type-arg]
    return {"type": "doc", "content": [
        {"type": "heading", "attrs": {"level": 1}, "content": [{"type": "text", "text": ln[2:]}]}
        if ln.startswith("# ") else
        {"type": "paragraph", "content": [{"type": "text", "text": ln}]}
        for ln in text.splitlines() if ln]}


def _ystate(c):  # type: ignore[no-untyped-def]
    # a Y.js update: binary framing around the UTF-8 text of the document
    body = c.row["_text"].encode()
    return bytes([1, 1]) + G["bytes"](_p(c, n=6)) + bytes([4, len(body) % 256]) + body


def _source_metadata(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.8:
        return None
    p = c.person
    return {"fileName": c.rng.choice(["notes.docx", "Handbook.md", "export.html"]),
            "mimeType": "application/vnd.openxmlformats-officedocument.wordprocessingml"
                        ".document", "createdByName": f"{p['first']} {p['last']}"}


def _event_model(c):  # type: ignore[no-untyped-def]
    # the event is chosen here (modelId, the key of the model it is about, comes first)
    n = c.rng.choice(["documents.create", "documents.update", "documents.publish",
                      "users.signin", "users.signin", "users.invite", "users.update",
                      "collections.create", "shares.create", "api_keys.create",
                      "documents.delete", "users.promote"])
    c.row["_event"] = n
    if n.startswith("users."):
        return c.rng.choice(_USER_IDS)
    if n.startswith("documents."):
        return c.rng.choice(_DOC_IDS)
    return None if c.rng.random() < 0.2 else G["uuid"](c)


def _event_data(c):  # type: ignore[no-untyped-def]
    n = c.row["_event"]
    p = c.person
    if n == "users.invite":
        return {"email": p["email"], "name": f"{p['first']} {p['last']}",
                "role": c.rng.choice(["member", "viewer"])}
    if n.startswith("documents."):
        return {"title": c.rng.choice(["Deployment runbook", "Architecture", "Q3 OKRs"]),
                "source": "app"}
    if n == "users.signin":
        return {"service": c.rng.choice(["google", "slack", "email"])}
    if n == "api_keys.create":
        return {"name": c.rng.choice(["Zapier", "CI", "backup script"])}
    return None


def _event_changes(c):  # type: ignore[no-untyped-def]
    if c.row["_event"] != "users.update":
        return None
    p = c.person
    q = new_person(c)
    return {"attributes": {"name": f"{p['first']} {p['last']}"},
            "previous": {"name": f"{q['first']} {q['last']}"}}


def _attachment_key(c):  # type: ignore[no-untyped-def]
    p = c.person
    f = c.rng.choice([f"CV_{p['first']}_{p['last']}.pdf", f"{p['last']}-passport-scan.jpg",
                      "diagram.png", "Screenshot 2024-05-02 at 10.15.33.png", "budget.xlsx",
                      "logo.svg", "image.png", "meeting-recording.mp4"])
    return f"uploads/{G['uuid_str'](c)}/{G['uuid_str'](c)}/{f}"


def _query(c):  # type: ignore[no-untyped-def]
    p = c.person
    r = c.rng.random()
    if r < 0.12:
        return f"{p['first']} {p['last']}"
    if r < 0.18:
        return f"{p['first']} phone"
    if r < 0.22:
        return p["email"]
    return c.rng.choice(["vpn", "onboarding", "holiday", "deploy", "expense policy", "wifi",
                         "okr", "runbook", "parental leave", "benefits"])


def _stamps(*names: str) -> list:  # type: ignore[type-arg]
    out = []
    for n in names:
        if n == "deletedAt":
            out.append(col(n, TS, _ts, null=0.95))
        else:
            out.append(col(n, TS, _ts))
    return out


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "teams", N_TEAMS,
          col("id", U, "uuid", pk=True),
          col("name", S, lambda c: TEAMS[c.index]),
          col("description", T, lambda c: None, nullable=True),
          col("subdomain", S, lambda c: DOMAINS[c.index].split(".")[0], unique=True,
              nullable=True),
          col("domain", S, lambda c: f"docs.{DOMAINS[c.index]}" if c.index % 3 == 0 else None,
              unique=True, nullable=True),
          col("defaultCollectionId", U, "uuid", null=0.5),
          col("avatarUrl", sa.String(4096), lambda c: f"/api/files.get?key=avatars/{G['uuid_str'](c)}"  # noqa: E501
              if c.rng.random() < 0.5 else None, nullable=True),
          col("sharing", B, "const", value=True),
          col("inviteRequired", B, "bool"),
          col("signupQueryParams", jsonb(), lambda c: None if c.rng.random() < 0.6 else
              {"ref": "producthunt", "utm_source": "google"}, nullable=True),
          col("guestSignin", B, "bool"),
          col("passkeysEnabled", B, "bool"),
          col("documentEmbeds", B, "const", value=True),
          col("memberCollectionCreate", B, "bool"),
          col("memberTeamCreate", B, "bool"),
          col("defaultUserRole", S, "choice", values=["member", "viewer"]),
          col("approximateTotalAttachmentsSize", sa.BigInteger, "int", lo=0, hi=10**10),
          col("guidanceMCP", T, lambda c: None, nullable=True),
          col("preferences", jsonb(), lambda c: {"publicBranding": c.rng.random() < 0.5,
                                                 "viewersCanExport": True}, nullable=True),
          col("suspendedAt", TS, _ts, null=0.95),
          col("flags", jsonb(), lambda c: {}, nullable=True),
          col("lastActiveAt", TS, _ts, nullable=True),
          *_stamps("createdAt", "updatedAt", "deletedAt"))
    table(md, "users", N_USERS,
          col("id", U, _user_id, pk=True),
          col("email", S, "email", null=0.03),
          col("name", S, "display_name"),
          col("role", enum("admin", "member", "viewer", "guest"), "choice",
              values=["admin", "member", "member", "member", "viewer", "guest"]),
          col("jwtSecret", sa.LargeBinary, lambda c: G["bytes"](_p(c, n=80))),
          col("lastActiveAt", TS, _ts, null=0.1),
          col("lastActiveIp", S, "ip", null=0.1),
          col("lastSignedInAt", TS, _ts, null=0.1),
          col("lastSignedInIp", S, "ip", null=0.15),
          col("lastSigninEmailSentAt", TS, _ts, null=0.7),
          col("suspendedAt", TS, _ts, null=0.95),
          col("flags", jsonb(), lambda c: {"desktopWeb": c.rng.randint(1, 40)}
              if c.rng.random() < 0.6 else None, nullable=True),
          col("preferences", jsonb(), lambda c: {"rememberLastPath": True,
                                                 "useCursorPointer": c.rng.random() < 0.5}
              if c.rng.random() < 0.5 else None, nullable=True),
          col("notificationSettings", jsonb(), lambda c: {
              "documents.publish": True, "documents.update": c.rng.random() < 0.5,
              "emails.onboarding": True}, nullable=True),
          col("language", S, "choice", values=["en_US", "en_US", "de_DE", "fr_FR", "ja_JP"],
              nullable=True),
          col("timezone", S, "timezone", null=0.3),
          col("avatarUrl", sa.String(4096), _avatar, nullable=True),
          col("suspendedById", U, _earlier(_USER_IDS, 0.05), fk="users.id", nullable=True),
          col("invitedById", U, _earlier(_USER_IDS, 0.5), fk="users.id", nullable=True),
          col("teamId", U, fk="teams.id"),
          *_stamps("createdAt", "updatedAt", "deletedAt"))
    table(md, "authentication_providers", 8,
          col("id", U, "uuid", pk=True),
          col("name", S, lambda c: ["google", "slack", "google", "oidc", "azure", "google",
                                    "slack", "oidc"][c.index]),
          col("enabled", B, "choice", values=[True, True, False]),
          col("providerId", S, lambda c: DOMAINS[c.index % N_TEAMS] if c.index % 2 == 0 else
              f"T0{G['token'](_p(c, n=8, style='hex')).upper()}", unique=True),
          col("settings", jsonb(), lambda c: {} if c.rng.random() < 0.7 else
              {"allowedDomains": [DOMAINS[c.index % N_TEAMS]]}, nullable=True),
          col("teamId", U, fk="teams.id"),
          col("createdAt", TS, _ts))
    table(md, "user_authentications", 110,
          col("id", U, "uuid", pk=True),
          col("accessToken", sa.LargeBinary, lambda c: G["bytes"](_p(c, n=120)), null=0.1),
          col("refreshToken", sa.LargeBinary, lambda c: G["bytes"](_p(c, n=90)), null=0.4),
          col("providerId", S, lambda c: str(c.rng.randint(10**20, 10**21 - 1))
              if c.rng.random() < 0.5 else f"U0{G['token'](_p(c, n=9, style='hex')).upper()}"),
          col("expiresAt", TS, _ts, null=0.3),
          col("lastValidatedAt", TS, _ts),
          col("userId", U, fk="users.id"),
          col("authenticationProviderId", U, fk="authentication_providers.id"),
          *_stamps("createdAt", "updatedAt"))
    table(md, "apiKeys", 40,
          col("id", U, "uuid", pk=True),
          col("name", S, "choice", values=["Zapier", "CI", "backup script", "Raycast",
                                           "n8n", "my laptop"]),
          col("secret", S, lambda c: f"ol_api_{G['token'](_p(c, n=38, style='url'))}",
              unique=True, null=0.7),
          col("hash", S, lambda c: G["token"](_p(c, n=64, style="hex")), unique=True),
          col("last4", S, lambda c: G["token"](_p(c, n=4, style="url"))),
          col("expiresAt", TS, _ts, null=0.6),
          col("lastActiveAt", TS, _ts, null=0.3),
          col("userId", U, fk="users.id"),
          *_stamps("createdAt", "updatedAt", "deletedAt"))
    table(md, "collections", 25,
          col("id", U, "uuid", pk=True),
          col("urlId", S, _url_id, unique=True),
          col("name", S, lambda c: ["Engineering", "Product", "People", "Sales", "Support",
                                    "Handbook", "Design", "Marketing", "Legal", "Finance"][
              c.index % 10] + ("" if c.index < 10 else f" {c.index}")),
          col("description", S, lambda c: None, nullable=True),
          col("content", jsonb(), lambda c: _prosemirror("Team space"), nullable=True),
          col("icon", S, "choice", values=["collection", "beaker", "academic-cap", None],
              nullable=True),
          col("color", S, "choice", values=["#4E5C6E", "#FF5C80", "#2F80ED"], nullable=True),
          col("index", S, lambda c: G["token"](_p(c, n=3, style="hex")), nullable=True),
          col("permission", S, "choice", values=["read_write", "read", None], nullable=True),
          col("maintainerApprovalRequired", B, "const", value=False),
          col("documentStructure", jsonb(), lambda c: [], nullable=True),
          col("sharing", B, "bool"),
          col("sort", jsonb(), lambda c: {"field": "title", "direction": "asc"}),
          col("archivedAt", TS, _ts, null=0.9),
          col("templateManagement", S, "choice", values=["admin", "read_write"]),
          col("commenting", B, "choice", values=[None, True, False], nullable=True),
          col("sourceMetadata", jsonb(), lambda c: None, nullable=True),
          col("importId", U, "uuid", null=0.9),
          col("apiImportId", U, "uuid", null=0.95),
          col("archivedById", U, fk="users.id", null=0.9, nullable=True),
          col("createdById", U, fk="users.id"),
          col("teamId", U, fk="teams.id"),
          *_stamps("createdAt", "updatedAt", "deletedAt"))
    table(md, "documents", N_DOCS,
          col("id", U, _doc_id, pk=True),
          col("urlId", S, _url_id, unique=True),
          col("title", S, _doc_text),
          col("summary", S, lambda c: None, nullable=True),
          col("version", sa.SmallInteger, "const", value=2),
          col("fullWidth", B, "bool"),
          col("preferences", jsonb(), lambda c: None, nullable=True),
          col("template", B, lambda c: c.rng.random() < 0.05),
          col("insightsEnabled", B, "const", value=True),
          col("editorVersion", S, "choice", values=["15.0.0", "12.0.0", None], nullable=True),
          col("icon", S, "choice", values=["📄", "🚀", None, None], nullable=True),
          col("color", S, "choice", values=[None, "#FF5C80"], nullable=True),
          col("text", T, lambda c: c.row["_text"]),
          col("language", sa.String(2), "choice", values=["en", "de", None], nullable=True),
          col("content", jsonb(), lambda c: _prosemirror(c.row["_text"]), nullable=True),
          col("state", sa.LargeBinary, _ystate, null=0.2),
          col("isWelcome", B, lambda c: c.index < N_TEAMS),
          col("revisionCount", sa.Integer, "int", lo=0, hi=40),
          col("popularityScore", sa.Float, lambda c: round(c.rng.random() * 10, 3)),
          col("publishedAt", TS, _ts, null=0.1),
          col("importId", U, "uuid", null=0.9),
          col("apiImportId", U, "uuid", null=0.95),
          col("sourceMetadata", jsonb(), _source_metadata, nullable=True),
          col("parentDocumentId", U, _earlier(_DOC_IDS, 0.4), fk="documents.id",
              nullable=True),
          col("lastModifiedById", U, fk="users.id"),
          col("createdById", U, fk="users.id"),
          col("templateId", U, _earlier(_DOC_IDS, 0.05), fk="documents.id", nullable=True),
          col("teamId", U, fk="teams.id"),
          col("collectionId", U, fk="collections.id", null=0.05, nullable=True),
          col("archivedAt", TS, _ts, null=0.9),
          *_stamps("createdAt", "updatedAt", "deletedAt"))
    table(md, "revisions", 400,
          col("id", U, "uuid", pk=True),
          col("version", sa.SmallInteger, "const", value=2),
          col("editorVersion", S, "choice", values=["15.0.0", "12.0.0"], nullable=True),
          col("title", S, _doc_text),
          col("name", S, "choice", values=["Before review", "v1", "Final"], null=0.9),
          col("text", T, lambda c: c.row["_text"]),
          col("content", jsonb(), lambda c: _prosemirror(c.row["_text"]), nullable=True),
          col("icon", S, "choice", values=["📄", None], nullable=True),
          col("color", S, lambda c: None, nullable=True),
          col("sourceMetadata", jsonb(), lambda c: None, nullable=True),
          col("documentId", U, fk="documents.id"),
          col("userId", U, fk="users.id"),
          *_stamps("createdAt", "updatedAt", "deletedAt"))
    table(md, "shares", 40,
          col("id", U, "uuid", pk=True),
          col("published", B, "bool"),
          col("includeChildDocuments", B, "bool"),
          col("revokedAt", TS, _ts, null=0.8),
          col("lastAccessedAt", TS, _ts, null=0.3),
          col("views", sa.Integer, "int", lo=0, hi=5000),
          col("urlId", S, lambda c: c.rng.choice(["handbook", "status", "api-docs", "careers"])
              + f"-{c.index}", null=0.6),
          col("domain", S, lambda c: f"help{c.index}.{c.rng.choice(DOMAINS)}", unique=True,
              null=0.9),
          col("allowIndexing", B, "bool"),
          col("allowSubscriptions", B, "bool"),
          col("showLastUpdated", B, "bool"),
          col("showTOC", B, "bool"),
          col("title", S, lambda c: None, nullable=True),
          col("iconUrl", S, lambda c: None, nullable=True),
          col("revokedById", U, fk="users.id", null=0.8, nullable=True),
          col("userId", U, fk="users.id"),
          col("teamId", U, fk="teams.id"),
          col("collectionId", U, fk="collections.id", null=0.8, nullable=True),
          col("documentId", U, fk="documents.id", null=0.2, nullable=True),
          *_stamps("createdAt", "updatedAt"))
    table(md, "events", 800,
          col("id", U, "uuid", pk=True),
          col("modelId", U, _event_model, nullable=True),
          col("name", S, lambda c: c.row["_event"]),
          col("ip", S, "ip", null=0.1),
          col("authType", enum("api", "app", "mcp", "oauth"), "choice",
              values=["app", "app", "app", "api", "oauth"], null=0.1),
          col("data", jsonb(), _event_data, nullable=True),
          col("changes", jsonb(), _event_changes, nullable=True),
          col("userId", U, fk="users.id", null=0.05, nullable=True),
          col("documentId", U, fk="documents.id", null=0.5, nullable=True),
          col("actorId", U, fk="users.id"),
          col("collectionId", U, fk="collections.id", null=0.5, nullable=True),
          col("teamId", U, fk="teams.id"),
          *_stamps("createdAt", "updatedAt"))
    table(md, "notifications", 500,
          col("id", U, "uuid", pk=True),
          col("emailedAt", TS, _ts, null=0.5),
          col("viewedAt", TS, _ts, null=0.4),
          col("archivedAt", TS, _ts, null=0.8),
          col("data", jsonb(), lambda c: None, nullable=True),
          col("event", S, "choice", values=["documents.publish", "documents.update",
                                            "documents.mentioned", "comments.create",
                                            "collections.create", "documents.add_user"]),
          col("groupId", U, "uuid", null=0.97),
          col("userId", U, fk="users.id"),
          col("actorId", U, fk="users.id", null=0.05, nullable=True),
          col("commentId", U, "uuid", null=0.7),
          col("documentId", U, fk="documents.id", null=0.1, nullable=True),
          col("revisionId", U, fk="revisions.id", null=0.6, nullable=True),
          col("collectionId", U, fk="collections.id", null=0.8, nullable=True),
          col("teamId", U, fk="teams.id"),
          col("membershipId", U, "uuid", null=0.95),
          col("accessRequestId", U, "uuid", null=0.98),
          col("createdAt", TS, _ts))
    table(md, "attachments", 150,
          col("id", U, "uuid", pk=True),
          col("key", S, _attachment_key),
          col("contentType", S, "choice", values=["image/png", "image/jpeg",
                                                  "application/pdf", "video/mp4"]),
          col("size", sa.BigInteger, "int", lo=1_000, hi=50_000_000),
          col("acl", S, "choice", values=["public-read", "private"]),
          col("lastAccessedAt", TS, _ts, null=0.3),
          col("expiresAt", TS, _ts, null=0.9),
          col("teamId", U, fk="teams.id"),
          col("documentId", U, fk="documents.id", null=0.1, nullable=True),
          col("userId", U, fk="users.id"),
          *_stamps("createdAt", "updatedAt"))
    table(md, "search_queries", 300,
          col("id", U, "uuid", pk=True),
          col("source", enum("slack", "app", "api", "oauth", "mcp"), "choice",
              values=["app", "app", "app", "slack", "api"]),
          col("results", sa.Integer, "int", lo=0, hi=40),
          col("duration", sa.Integer, "int", lo=5, hi=900, nullable=True),
          col("score", sa.Integer, "choice", values=[None, None, 1, -1], nullable=True),
          col("answer", S, lambda c: None, nullable=True),
          col("query", S, _query),
          col("userId", U, fk="users.id", null=0.1, nullable=True),
          col("shareId", U, fk="shares.id", null=0.9, nullable=True),
          col("teamId", U, fk="teams.id"),
          col("createdAt", TS, _ts))
    return md

