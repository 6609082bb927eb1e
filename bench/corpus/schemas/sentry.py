"""Sentry (error tracking, Python/Django, PostgreSQL): a held-out schema (issue #10),
labelled before any scan and never tuned on. Models of ``src/sentry/models/``, each file as
the index stores it (the stored versions span Sentry's history, from 2015 to recent):
``auth_user`` (Sentry's ``User``, whose display name lives in the ``first_name`` column),
``sentry_useremail``, ``sentry_authprovider`` (an early version without the organization
key), ``sentry_authidentity``, ``sentry_apitoken``, ``sentry_organization``,
``sentry_organizationmember`` (invitations by e-mail with their token),
``sentry_project`` (a 2015 version with ``team``), ``sentry_groupedmessage`` (issues,
``culprit`` stored in the ``view`` column), ``sentry_eventuser`` (the end users of the
monitored applications), ``sentry_useroption``, ``sentry_useravatar``,
``sentry_userip``, ``sentry_lostpasswordhash`` and ``sentry_auditlogentry``: 15 tables,
every column except PostgreSQL arrays (``sentry_apitoken.scope_list``).

Django's conventions with Sentry's fields: ``BoundedAutoField``/``BoundedBigAutoField``
keys, ``FlexibleForeignKey`` foreign keys (declared; those to tables not included here,
``sentry_apiapplication``, ``sentry_team``, ``sentry_release``, ``sentry_apikey``, are
values), ``BitField`` bigint flags, ``GenericIPAddressField`` inet on PostgreSQL (char(39)
elsewhere), ``GzippedDictField`` text (base64 of zlib-compressed pickle),
``EncryptedPickledObjectField`` text (base64 pickle; no encryption key configured) and
``EncryptedJsonField`` text (JSON); ``unique_together`` as unique constraints, or unique
indexes where a column is mostly NULL (so that NULLs may repeat, as in the database).

Values: users whose username is their e-mail address, an SSO-created hex id or a plain
username; display names in many scripts; Django pbkdf2/sha1 hashes; session nonces;
secondary e-mails with validation hashes; SSO identities (the IdP's id or e-mail, JSON
with OAuth tokens and the person's name and e-mail); API tokens; pending invitations with
e-mail and token; issues whose message names a user, e-mail or IP in a share of rows;
event users (the monitored app's user id, e-mail, username, name, IP and an md5 of the
first of them); pickled user options (an alert e-mail in some); avatars; IPs with
country and region; password reset hashes; audit log entries with actor labels, IPs and
compressed data naming invited e-mails.
"""

from __future__ import annotations

import base64
import hashlib
import json
import pickle
import zlib

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from ..gen import GENERATORS as G
from ..gen import col, datetimes, table, token_of
from ..gen import with_params as _p

SOURCE = {"repo": "getsentry/sentry",
          "path": "src/sentry/models/{user,useremail,authprovider,authidentity,apitoken,"
                  "organization,organizationmember,project,group,eventuser,useroption,"
                  "avatars/user_avatar,userip,lostpasswordhash,auditlogentry}.py",
          "commit": "008af598c5c946bce4e0f9e99c0478cd98dd5c9d"}
# every file read, at the commit the stored index holds it
SOURCES = {
    "src/sentry/models/user.py": "008af598c5c946bce4e0f9e99c0478cd98dd5c9d",
    "src/sentry/models/authidentity.py": "008af598c5c946bce4e0f9e99c0478cd98dd5c9d",
    "src/sentry/models/apitoken.py": "008af598c5c946bce4e0f9e99c0478cd98dd5c9d",
    "src/sentry/models/useroption.py": "008af598c5c946bce4e0f9e99c0478cd98dd5c9d",
    "src/sentry/models/userip.py": "008af598c5c946bce4e0f9e99c0478cd98dd5c9d",
    "src/sentry/models/useremail.py": "03393776c082b86e34cfd097dee394d5639fd8fb",
    "src/sentry/models/authprovider.py": "03e8ce9092f349225ac5d1cd4e11c040b10fd734",
    "src/sentry/models/organization.py": "003f6db7d59084372578d7e47b2a254029f6b1e0",
    "src/sentry/models/organizationmember.py": "00c84af34b78b2c8012021dcf2d7d9396ba37881",
    "src/sentry/models/project.py": "00808e17d00dca6fa85230285a211c5df5b3facf",
    "src/sentry/models/group.py": "000f94ca5362741b9fd8628cbcae41ffad0481ac",
    "src/sentry/models/eventuser.py": "082ff1e905f901952ea2a9e63210e96703f6dd31",
    "src/sentry/models/avatars/user_avatar.py": "025741f5e300922f01a1fa7f962b308b78e8b0f6",
    "src/sentry/models/avatars/base.py": "01f548b51032dae5012d5e97798ed15d73f8b8fe",
    "src/sentry/models/avatars/control_base.py": "1e5c7d57fd901d0bb06ece13c2fa06e0079a0c29",
    "src/sentry/models/lostpasswordhash.py": "0a9a2b1895889b927be99392ed603b7cf923bec3",
    "src/sentry/models/auditlogentry.py": "02026f58e8ce543a033e4fc85468db5ada15974c",
}
PERSON_TABLES = ("auth_user", "sentry_eventuser")

I = sa.Integer  # noqa: E741
BI = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
B = sa.Boolean
TS = sa.DateTime
T = sa.Text
N_USERS = 100
N_ORGS = 8
N_PROJECTS = 20
_ts = datetimes(2016, 2025)
_MEMBER_PAIRS: list[tuple[int, int]] = []


def V(n: int) -> sa.String:
    return sa.String(n)


def _inet() -> sa.types.TypeEngine:  # type: ignore[type-arg]
    return sa.String(39).with_variant(postgresql.INET(), "postgresql")


def _gzipped(d: object) -> str:
    """Sentry's GzippedDictField: base64 of zlib-compressed pickle."""
    return base64.b64encode(zlib.compress(pickle.dumps(d, protocol=2))).decode()


def _pickled(v: object) -> str:
    """django-picklefield's storage: base64 pickle."""
    return base64.b64encode(pickle.dumps(v, protocol=2)).decode()


def _username(c):  # type: ignore[no-untyped-def]
    if c.index == 0:
        return "sentry"
    r = c.rng.random()
    if r < 0.55:
        return c.person["email"]
    if r < 0.8:  # SSO-created accounts get a random hex username
        return G["token"](_p(c, n=32, style="hex"))
    return c.person["username"]


def _password(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.15:
        return "!" + G["token"](_p(c, n=40, style="url"))  # unusable (SSO only)
    if r < 0.25:
        return f"sha1${G['token'](_p(c, n=5, style='hex'))}${G['token'](_p(c, n=40, style='hex'))}"
    return G["password_hash"](_p(c, style="pbkdf2"))


def _member_pair(c):  # type: ignore[no-untyped-def]
    # (organization, user) pairs without repeats; a pending invitation has no user
    if c.index == 0:
        _MEMBER_PAIRS.clear()
        pairs = [(o, u) for o in range(1, N_ORGS + 1) for u in range(1, N_USERS + 1)]
        c.rng.shuffle(pairs)
        _MEMBER_PAIRS.extend(pairs[:160])
    o, u = _MEMBER_PAIRS[c.index % len(_MEMBER_PAIRS)]
    c.row["_pending"] = c.rng.random() < 0.2
    c.row["_user"] = None if c.row["_pending"] else u
    return o


def _invite_token(c):  # type: ignore[no-untyped-def]
    if not c.row["_pending"]:
        return None
    return G["token"](_p(c, n=64, style="hex"))


def _issue_message(c):  # type: ignore[no-untyped-def]
    p = c.person
    r = c.rng.random()
    if r < 0.05:
        return f"User matching query does not exist: email={p['email']}"
    if r < 0.09:
        return f"PermissionDenied: user '{p['username']}' may not access /api/orders/"
    if r < 0.12:
        return f"ConnectionError: login from {G['ipv4'](c)} rejected"
    return c.rng.choice([
        "KeyError: 'order_id'", "TypeError: Cannot read properties of undefined "
        "(reading 'map')", "ZeroDivisionError: division by zero",
        "OperationalError: could not connect to server: Connection refused",
        "ValueError: invalid literal for int() with base 10: 'abc'",
        "TimeoutError: Request timed out after 30000ms",
        "NullPointerException at com.acme.cart.CartService.total",
        "ChunkLoadError: Loading chunk 42 failed."])


def _group_data(c):  # type: ignore[no-untyped-def]
    return _gzipped({"type": "error", "metadata": {
        "type": c.rng.choice(["KeyError", "TypeError", "ValueError", "TimeoutError"]),
        "filename": c.rng.choice(["app/views.py", "src/cart.js", "api/orders.py"]),
        "function": c.rng.choice(["get", "render", "total", "handle"])},
        "last_received": c.rng.randint(1_600_000_000, 1_760_000_000)})


def _eu_hash(c):  # type: ignore[no-untyped-def]
    # md5 of the first of ident, username, email, ip; all of them are chosen here (the
    # hash column comes first) and kept for their columns
    p = c.person
    r = c.rng.random()
    if r < 0.35:
        c.row["_ident"] = str(c.rng.randint(1, 5_000_000))
    elif r < 0.55:
        c.row["_ident"] = G["uuid_str"](c)
    elif r < 0.65:
        c.row["_ident"] = p["email"]
    else:
        c.row["_ident"] = None
    c.row["_email"] = p["email"] if c.rng.random() < 0.7 else None
    c.row["_username"] = p["username"] if c.rng.random() < 0.5 else None
    c.row["_ip"] = G["ip"](c) if c.rng.random() < 0.8 else None
    if not (c.row["_ident"] or c.row["_email"] or c.row["_username"] or c.row["_ip"]):
        c.row["_ip"] = G["ipv4"](c)
    first = c.row["_ident"] or c.row["_username"] or c.row["_email"] or c.row["_ip"]
    return hashlib.md5(first.encode()).hexdigest()


OPTION_KEYS = ["timezone", "language", "stacktrace_order", "clock_24_hours", "mail:email",
               "self_notifications", "workflow:notifications", "theme",
               "reports:disabled-organizations", "seen_release_broadcast"]


def _opt_key(c):  # type: ignore[no-untyped-def]
    k = OPTION_KEYS[c.index % len(OPTION_KEYS)]
    c.row["_key"] = k
    return k


def _opt_value(c):  # type: ignore[no-untyped-def]
    k = c.row["_key"]
    v: object
    if k == "timezone":
        v = G["timezone"](c)
    elif k == "language":
        v = G["locale"](c)
    elif k == "mail:email":
        v = c.person["email"]
    elif k in ("clock_24_hours", "self_notifications"):
        v = c.rng.random() < 0.5
    elif k == "reports:disabled-organizations":
        v = [c.rng.randint(1, N_ORGS)]
    elif k == "workflow:notifications":
        v = c.rng.choice(["0", "1", "2"])
    else:
        v = c.rng.choice(["1", "2", "dark", "light", "system"])
    return _pickled(v)


def _authidentity_data(c):  # type: ignore[no-untyped-def]
    p = c.person
    r = c.rng.random()
    if r < 0.5:
        return json.dumps({"access_token": f"ya29.{G['token'](_p(c, n=120, style='url'))}",
                           "refresh_token": f"1//{G['token'](_p(c, n=80, style='url'))}",
                           "expires": c.rng.randint(1_600_000_000, 1_760_000_000),
                           "email": p["email"], "name": f"{p['first']} {p['last']}"},
                          ensure_ascii=False)
    if r < 0.8:
        return json.dumps({"attributes": {"email": p["email"], "first_name": p["first"],
                                          "last_name": p["last"]}}, ensure_ascii=False)
    return "{}"


def _audit_data(c):  # type: ignore[no-untyped-def]
    e = c.row["_event"]
    p = c.person
    if e in (5, 6):  # member invite / member add
        return _gzipped({"email": p["email"], "role": c.rng.choice(["member", "admin"]),
                         "teams": [], "invite_status": "approved"})
    if e == 20:  # project edit
        return _gzipped({"slug": "backend", "name": "Backend", "status": 0, "public": False})
    return _gzipped({"id": c.rng.randint(1, 500), "scopes": ["project:read"]})


def _audit_event(c):  # type: ignore[no-untyped-def]
    e = c.rng.choice([1, 5, 5, 6, 7, 20, 20, 30, 31, 50])
    c.row["_event"] = e
    return e


def _actor_label(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.1:
        return G["token"](_p(c, n=32, style="hex"))  # an API key
    return c.person["email"] if c.rng.random() < 0.6 else c.person["username"]


def _project_slug(c):  # type: ignore[no-untyped-def]
    # the name is chosen here (the slug column comes first) and kept for the name column
    n = c.rng.choice(["backend", "frontend", "ios", "android", "api", "worker", "checkout",
                      "billing", "admin", "website"])
    c.row["_name"] = f"{n.capitalize()} {c.index + 1}"
    return f"{n}-{c.index + 1}"


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "auth_user", N_USERS,
          col("password", V(128), _password),
          col("last_login", TS, _ts, null=0.2),
          col("id", I, pk=True, auto=True),
          col("username", V(128), _username, unique=True),
          col("first_name", V(200), "display_name", empty=0.1),
          col("email", V(75), "email", empty=0.05),
          col("is_staff", B, lambda c: c.index == 0),
          col("is_active", B, "choice", values=[True] * 9 + [False]),
          col("is_superuser", B, lambda c: c.index == 0),
          col("is_managed", B, "choice", values=[False] * 9 + [True]),
          col("is_sentry_app", B, "choice", values=[None] * 9 + [False], nullable=True),
          col("is_password_expired", B, "choice", values=[False] * 19 + [True]),
          col("last_password_change", TS, _ts, null=0.3),
          col("flags", sa.BigInteger, "choice", values=[0, 0, 1], nullable=True),
          col("session_nonce", V(12), token_of(12, "url"), null=0.3),
          col("date_joined", TS, _ts),
          col("last_active", TS, _ts, null=0.1))
    table(md, "sentry_useremail", 130,
          col("id", I, pk=True, auto=True),
          col("user_id", I, fk="auth_user.id"),
          col("email", V(254), "email"),
          col("validation_hash", V(32), token_of(32, "url")),
          col("date_hash_added", TS, _ts),
          col("is_verified", B, "choice", values=[True, True, False]),
          sa.UniqueConstraint("user_id", "email"))
    table(md, "sentry_authprovider", 4,
          col("id", I, pk=True, auto=True),
          col("provider", V(128), lambda c: ["google", "github", "okta", "saml2"][c.index]),
          col("config", T, lambda c: _gzipped({"domain": f"corp{c.index}.example",
                                               "version": 2}
                                              if c.index != 3 else {"idp": {
                                                  "entity_id": "https://idp.example/saml",
                                                  "x509cert": G["token"](_p(c, n=64,
                                                                             style="b64"))}})),
          col("created_by_id", I, fk="auth_user.id"),
          col("date_added", TS, _ts),
          col("sync_time", I, "choice", values=[None, 3600], nullable=True),
          col("last_sync", TS, _ts, null=0.5))
    table(md, "sentry_authidentity", 60,
          col("id", I, pk=True, auto=True),
          col("user_id", I, fk="auth_user.id"),
          col("auth_provider_id", I, fk="sentry_authprovider.id"),
          col("ident", V(128), lambda c: c.person["email"] if c.rng.random() < 0.5 else
              str(c.rng.randint(10**20, 10**21 - 1))),
          col("data", T, _authidentity_data),
          col("last_verified", TS, _ts),
          col("last_synced", TS, _ts),
          col("date_added", TS, _ts),
          sa.UniqueConstraint("auth_provider_id", "ident"),
          sa.UniqueConstraint("auth_provider_id", "user_id"))
    table(md, "sentry_apitoken", 120,
          col("id", I, pk=True, auto=True),
          col("application_id", I, "int", lo=1, hi=6, null=0.8),
          col("user_id", I, fk="auth_user.id"),
          col("token", V(64), token_of(64, "hex"), unique=True),
          col("refresh_token", V(64), token_of(64, "hex"), unique=True, null=0.5),
          col("expires_at", TS, datetimes(2024, 2026), null=0.6),
          col("date_added", TS, _ts),
          col("scopes", sa.BigInteger, "choice", values=[0, 1, 3, 1025]))
    table(md, "sentry_organization", N_ORGS,
          col("id", I, pk=True, auto=True),
          col("name", V(64), lambda c: ["Acme Corp", "Globex", "Initech", "Hooli",
                                        "Umbrella Health", "Kaizen KK", "Nordwind GmbH",
                                        "Vega Telecom"][c.index]),
          col("slug", V(50), lambda c: ["acme", "globex", "initech", "hooli", "umbrella",
                                        "kaizen", "nordwind", "vega"][c.index], unique=True),
          col("status", I, "choice", values=[0, 0, 0, 1]),
          col("date_added", TS, _ts),
          col("default_role", V(32), "const", value="member"),
          col("is_test", B, "const", value=False),
          col("flags", sa.BigInteger, "choice", values=[1, 3, 17]))
    table(md, "sentry_organizationmember", 160,
          col("id", I, pk=True, auto=True),
          col("organization_id", I, _member_pair, fk="sentry_organization.id"),
          col("user_id", I, lambda c: c.row["_user"], fk="auth_user.id", nullable=True),
          col("email", V(75), lambda c: c.person["email"] if c.row["_pending"] else None,
              nullable=True),
          col("role", V(32), "choice", values=["member", "member", "admin", "manager",
                                               "owner"]),
          col("flags", sa.BigInteger, "choice", values=[0, 0, 1]),
          col("token", V(64), _invite_token, unique=True, nullable=True),
          col("date_added", TS, _ts),
          col("token_expires_at", TS, lambda c: _ts(c) if c.row["token"] else None,
              nullable=True),
          col("has_global_access", B, "choice", values=[True, True, False]),
          col("inviter_id", I, lambda c: c.rng.randint(1, N_USERS) if c.row["_pending"]
              else None, fk="auth_user.id", nullable=True),
          col("invite_status", sa.SmallInteger, lambda c: c.rng.choice([0, 1, 2])
              if c.row["_pending"] else 0, nullable=True),
          col("type", I, "const", value=50),
          # unique together (organization, user) and (organization, email); unique
          # indexes so that the NULLs of the other kind of row may repeat
          sa.Index("sentry_orgmember_org_user", "organization_id", "user_id", unique=True),
          sa.Index("sentry_orgmember_org_email", "organization_id", "email", unique=True))
    table(md, "sentry_project", N_PROJECTS,
          col("id", I, pk=True, auto=True),
          col("slug", V(50), _project_slug, nullable=True),
          col("name", V(200), lambda c: c.row["_name"]),
          col("organization_id", I, fk="sentry_organization.id"),
          col("team_id", I, "int", lo=1, hi=30),
          col("public", B, "const", value=False),
          col("date_added", TS, _ts),
          col("status", I, "choice", values=[0, 0, 0, 1]),
          sa.UniqueConstraint("team_id", "slug"),
          sa.UniqueConstraint("organization_id", "slug"))
    table(md, "sentry_groupedmessage", 300,
          col("id", I, pk=True, auto=True),
          col("project_id", I, fk="sentry_project.id"),
          col("logger", V(64), "choice", values=["", "", "root", "django.request",
                                                 "javascript"]),
          col("level", I, "choice", values=[40, 40, 30, 50, 20]),
          col("message", T, _issue_message),
          col("view", V(200), "choice", values=["app.views.checkout", "src/cart.js in total",
                                                "api.orders.get", "worker.tasks.sync"],
              null=0.1),
          col("num_comments", I, "int", lo=0, hi=3, nullable=True),
          col("platform", V(64), "choice", values=["python", "javascript", "java", "cocoa"],
              null=0.1),
          col("status", I, "choice", values=[0, 0, 1, 2]),
          col("substatus", I, "choice", values=[1, 2, 3, 4], null=0.3),
          col("times_seen", I, "int", lo=1, hi=50_000),
          col("last_seen", TS, _ts),
          col("first_seen", TS, _ts),
          col("first_release_id", BI, "int", lo=1, hi=400, null=0.7),
          col("resolved_at", TS, _ts, null=0.7),
          col("active_at", TS, _ts, null=0.1),
          col("time_spent_total", I, "const", value=0),
          col("time_spent_count", I, "const", value=0),
          col("is_public", B, "const", value=False, nullable=True),
          col("data", T, _group_data, nullable=True),
          col("short_id", sa.BigInteger, lambda c: c.index + 1, nullable=True),
          col("type", I, "choice", values=[1, 1, 1, 1001, 6001]),
          col("priority", I, "choice", values=[25, 50, 75], null=0.2),
          col("priority_locked_at", TS, _ts, null=0.9),
          col("seer_fixability_score", sa.Float, lambda c: round(c.rng.random(), 3), null=0.8),
          col("seer_autofix_last_triggered", TS, _ts, null=0.95),
          sa.UniqueConstraint("project_id", "short_id"))
    table(md, "sentry_eventuser", 400,
          col("id", I, pk=True, auto=True),
          col("project_id", I, fk="sentry_project.id"),
          col("hash", V(32), _eu_hash),
          col("ident", V(128), lambda c: c.row["_ident"], nullable=True),
          col("email", V(75), lambda c: c.row["_email"], nullable=True),
          col("username", V(128), lambda c: c.row["_username"], nullable=True),
          col("name", V(128), lambda c: G["full_name"](c) if c.rng.random() < 0.3 else None,
              nullable=True),
          col("ip_address", _inet(), lambda c: c.row["_ip"], nullable=True),
          col("date_added", TS, _ts),
          sa.Index("sentry_eventuser_project_ident", "project_id", "ident", unique=True),
          sa.UniqueConstraint("project_id", "hash"))
    table(md, "sentry_useroption", 250,
          col("id", I, pk=True, auto=True),
          col("user_id", I, fk="auth_user.id"),
          col("project_id", I, fk="sentry_project.id", null=0.8, nullable=True),
          col("organization_id", I, fk="sentry_organization.id", null=0.9, nullable=True),
          col("key", V(64), _opt_key),
          col("value", T, _opt_value),
          sa.Index("sentry_useroption_user_project_key", "user_id", "project_id", "key",
                   unique=True),
          sa.Index("sentry_useroption_user_org_key", "user_id", "organization_id", "key",
                   unique=True))
    table(md, "sentry_useravatar", 70,
          col("id", I, pk=True, auto=True),
          col("file_id", sa.BigInteger, "int", lo=1, hi=10**7, unique=True, null=0.7),
          col("ident", V(32), token_of(32, "hex"), unique=True),
          col("control_file_id", sa.BigInteger, "int", lo=1, hi=10**7, unique=True, null=0.6),
          col("user_id", I, fk="auth_user.id", unique=True),
          col("avatar_type", sa.SmallInteger, "choice", values=[0, 1, 1, 2]))
    table(md, "sentry_userip", 200,
          col("id", I, pk=True, auto=True),
          col("user_id", I, fk="auth_user.id"),
          col("ip_address", _inet(), "ip"),
          col("country_code", V(16), "choice", values=["US", "DE", "FR", "JP", "BR", "IN"],
              null=0.2),
          col("region_code", V(16), "choice", values=["CA", "NY", "BE", "IDF", "13", "SP"],
              null=0.3),
          col("first_seen", TS, _ts),
          col("last_seen", TS, _ts),
          sa.UniqueConstraint("user_id", "ip_address"))
    table(md, "sentry_lostpasswordhash", 25,
          col("id", I, pk=True, auto=True),
          col("user_id", I, fk="auth_user.id", unique=True),
          col("hash", V(32), token_of(32, "url")),
          col("date_added", TS, _ts))
    table(md, "sentry_auditlogentry", 300,
          col("id", I, pk=True, auto=True),
          col("organization_id", sa.BigInteger, "int", lo=1, hi=N_ORGS),
          col("actor_label", V(64), _actor_label, null=0.05),
          col("actor_id", I, fk="auth_user.id", null=0.1, nullable=True),
          col("actor_key_id", I, "int", lo=1, hi=10, null=0.9),
          col("target_object", sa.BigInteger, "int", lo=1, hi=5000, null=0.2),
          col("target_user_id", I, fk="auth_user.id", null=0.6, nullable=True),
          col("event", I, _audit_event),
          col("ip_address", _inet(), "ip", null=0.1),
          col("data", T, _audit_data),
          col("datetime", TS, _ts))
    return md

