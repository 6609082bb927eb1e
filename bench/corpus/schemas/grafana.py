"""Grafana (dashboards and observability, Go with xorm, SQLite, MySQL or PostgreSQL): a
held-out schema (issue #10), labelled before any scan and never tuned on. The tables as the
migrations in ``pkg/services/sqlstore/migrations/`` leave them, each file as the index
stores it: ``user`` (the v2 table of ``user_mig.go``, an early version without the later
``help_flags1``, ``last_seen_at``, ``is_disabled`` columns), ``org`` and ``org_user``,
``user_auth`` with its OAuth token columns, ``user_auth_token`` (login sessions),
``team`` and ``team_member``, ``api_key`` (v2, org-level keys), ``dashboard`` (v2 with
``created_by``, ``updated_by``, ``folder_id``, ``uid``) and ``dashboard_tag``,
``annotation`` (v5 with regions, tags and ``created``/``updated``), ``login_attempt`` (v2,
Unix-time ``created``), ``temp_user`` (invitations; the stored file is a fork's copy whose
extra ``propose_user`` table is left out), ``preferences`` (v3 with ``team_id`` and
``week_start``) and ``dashboard_snapshot`` (v5; again a fork's copy of the file, the same
columns as upstream): 15 tables, every column.

xorm's conventions: ``BIGINT`` auto-increment keys, ``DB_NVarchar`` varchar (255 when no
length is given), ``DB_Text`` text (MEDIUMTEXT on MySQL for dashboards, snapshots and the
OAuth tokens, as later migrations alter them), booleans, ``DATETIME`` or Unix-time
integers; unique indexes as declared; no foreign key is declared (``org_id``, ``user_id``,
``team_id``, ``dashboard_id``... are values).

Values: users whose login is a username or an e-mail address, display names in many
scripts, Grafana's PBKDF2 hex hashes with their 10-character salt and ``rands``; personal
organisations named after their user's login or e-mail (as Grafana creates them on
sign-up) beside "Main Org." and companies; OAuth/LDAP links with the remote id or DN,
access/refresh/ID tokens (plain, or Grafana's encrypted base64); hashed session tokens
with user agents and client IPs; teams with role addresses; dashboards whose JSON
sometimes names an owner with an e-mail; annotations written by people naming people;
failed logins with the username tried and the IP; invitations with e-mail, name, code and
remote address; snapshots with their public and delete keys.
"""

from __future__ import annotations

import base64
import json

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, datetimes, mediumtext, table, token_of
from ..gen import with_params as _p

SOURCE = {"repo": "grafana/grafana",
          "path": "pkg/services/sqlstore/migrations/{user_mig,org_mig,user_auth_mig,"
                  "user_auth_token_mig,team_mig,apikey_mig,dashboard_mig,annotation_mig,"
                  "login_attempt_mig,temp_user,preferences_mig,dashboard_snapshot_mig}.go",
          "commit": "02a89c752b49a1be4ca9bc08f0f13a6883491b5c"}
# every file read, at the commit the stored index holds it
SOURCES = {
    "pkg/services/sqlstore/migrations/user_mig.go": "02a89c752b49a1be4ca9bc08f0f13a6883491b5c",
    "pkg/services/sqlstore/migrations/org_mig.go": "02a89c752b49a1be4ca9bc08f0f13a6883491b5c",
    "pkg/services/sqlstore/migrations/apikey_mig.go": "02a89c752b49a1be4ca9bc08f0f13a6883491b5c",
    "pkg/services/sqlstore/migrations/user_auth_mig.go":
        "06d9ce80f2ab1977ebb2275db38b835d430842bd",
    "pkg/services/sqlstore/migrations/user_auth_token_mig.go":
        "0b596ec909baa92dcc5ad32d64ea1decf8746aeb",
    "pkg/services/sqlstore/migrations/team_mig.go": "1d4407191a10b3c5c7c6c3c685f0c2ae9eb748d9",
    "pkg/services/sqlstore/migrations/dashboard_mig.go":
        "025a14ec2465d2d028762b06f49239bf2bc56733",
    "pkg/services/sqlstore/migrations/annotation_mig.go":
        "03e12ac7583fd2f78efcbf82d953c7fd46431d2e",
    "pkg/services/sqlstore/migrations/login_attempt_mig.go":
        "0053be98824f6244162217fcbf05b2d278600401",
    "pkg/services/sqlstore/migrations/temp_user.go": "02b827fea73a02ffbcbb112dd940fd0dde6b55a6",
    "pkg/services/sqlstore/migrations/preferences_mig.go":
        "0669586c527a18e9b9f48d1e70d99add9967c175",
    "pkg/services/sqlstore/migrations/dashboard_snapshot_mig.go":
        "0786b89bc77eba05c27dfcda5449982d9c32c18f",
}
PERSON_TABLES = ("user", "temp_user")

BI = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
I = sa.Integer  # noqa: E741
B = sa.Boolean
TS = sa.DateTime
T = sa.Text
N_ORGS = 15
N_USERS = 120
N_TEAMS = 20
N_DASH = 60
_ts = datetimes(2017, 2025)


def V(n: int = 255) -> sa.String:
    return sa.String(n)


def _unix(c):  # type: ignore[no-untyped-def]
    return c.rng.randint(1_500_000_000, 1_760_000_000)


def _unix_ms(c):  # type: ignore[no-untyped-def]
    return c.rng.randint(1_500_000_000_000, 1_760_000_000_000)


COMPANIES = ["Acme Observability", "Nordwind Logistik GmbH", "Globex Retail", "Initech",
             "Umbrella Labs", "Hooli Infra", "Stark Platform Team", "Soylent SRE",
             "Kaizen Systems KK", "Blue Harbor Energy", "Vega Telecom"]


def _org_name(c):  # type: ignore[no-untyped-def]
    c.row["_personal"] = c.index % 5 in (2, 4)
    if c.index == 0:
        return "Main Org."
    if c.row["_personal"]:  # a personal org (40%), named after the user who signed up
        return c.person["email"] if c.rng.random() < 0.5 else c.person["username"]
    name = COMPANIES[c.index % len(COMPANIES)]
    return name if c.index < len(COMPANIES) else f"{name} {c.index}"


def _org_address(c):  # type: ignore[no-untyped-def]
    if c.row["_personal"] or c.rng.random() < 0.7:
        return None
    return c.fakers["en_US"].street_address()


def _login(c):  # type: ignore[no-untyped-def]
    if c.index == 0:
        return "admin"
    return c.person["email"] if c.rng.random() < 0.2 else c.person["username"]


def _user_email(c):  # type: ignore[no-untyped-def]
    if c.index == 0:
        return "admin@localhost"
    return c.person["email"]


def _grafana_hash(c):  # type: ignore[no-untyped-def]
    # util.EncodePassword: PBKDF2-SHA256, 50 bytes, hex
    return G["token"](_p(c, n=100, style="hex"))


def _rand10(c):  # type: ignore[no-untyped-def]
    return G["token"](_p(c, n=10, style="url")).replace("-", "a").replace("_", "b")


def _auth_module(c):  # type: ignore[no-untyped-def]
    m = c.rng.choice(["oauth_github", "oauth_google", "oauth_generic_oauth", "ldap",
                      "oauth_azuread", "oauth_gitlab"])
    c.row["_module"] = m
    return m


def _auth_id(c):  # type: ignore[no-untyped-def]
    m = c.row["_module"]
    if m == "ldap":
        return f"cn={c.person['username']},ou=people,dc=corp,dc=example"
    if m in ("oauth_github", "oauth_gitlab"):
        return str(c.rng.randint(10_000, 90_000_000))
    if m == "oauth_google":
        return str(c.rng.randint(10**20, 10**21 - 1))
    if m == "oauth_azuread":
        return G["uuid_str"](c)
    return c.person["email"] if c.rng.random() < 0.5 else G["uuid_str"](c)


def _b64url(d: dict) -> str:  # type: ignore[type-arg]
    raw = json.dumps(d, separators=(",", ":"), ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _encrypted(c):  # type: ignore[no-untyped-def]
    # secrets.Encrypt envelope, base64 (newer Grafana encrypts stored OAuth tokens)
    return base64.b64encode(b"*" + G["token"](_p(c, n=8, style="url")).encode() + b"*" +
                            G["bytes"](_p(c, n=90))).decode()


def _access_token(c):  # type: ignore[no-untyped-def]
    if c.row["_module"] == "ldap" or c.rng.random() < 0.1:
        return None
    if c.rng.random() < 0.4:
        return _encrypted(c)
    return c.rng.choice([f"gho_{G['token'](_p(c, n=36, style='url'))}",
                         f"ya29.{G['token'](_p(c, n=150, style='url'))}",
                         f"glpat-{G['token'](_p(c, n=20, style='url'))}"])


def _refresh_token(c):  # type: ignore[no-untyped-def]
    if c.row["o_auth_access_token"] is None or c.rng.random() < 0.3:
        return None
    if c.rng.random() < 0.4:
        return _encrypted(c)
    return f"1//{G['token'](_p(c, n=100, style='url'))}"


def _token_type(c):  # type: ignore[no-untyped-def]
    return None if c.row["o_auth_access_token"] is None else "Bearer"


def _id_token(c):  # type: ignore[no-untyped-def]
    if c.row["o_auth_access_token"] is None or c.row["_module"] == "oauth_github":
        return None
    p = c.person
    head = _b64url({"alg": "RS256", "kid": G["token"](_p(c, n=16, style="hex")), "typ": "JWT"})
    body = _b64url({"iss": "https://accounts.google.com", "sub": c.row["auth_id"],
                    "email": p["email"], "email_verified": True,
                    "name": f"{p['first']} {p['last']}", "iat": _unix(c)})
    return f"{head}.{body}.{G['token'](_p(c, n=86, style='url'))}"


def _external_uid(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.6:
        return None
    return c.row["auth_id"] if c.rng.random() < 0.5 else G["uuid_str"](c)


def _client_ip(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.1:
        return "127.0.0.1"
    if r < 0.25:
        return G["ip"](c)
    return G["ipv4"](c)


def _team_email(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.5:
        return None if c.rng.random() < 0.6 else ""
    dom = c.rng.choice(["corp.example", "acme.example", "globex.example"])
    return f"{c.row['name'].lower().replace(' ', '-')}@{dom}"


TEAM_NAMES = ["SRE", "Platform", "Backend", "Frontend", "Data", "Security", "Payments",
              "Mobile", "Networking", "Database", "Support", "QA", "Growth", "Infra EU",
              "Infra US", "On-call", "Observability", "Billing", "Search", "ML"]

DASH_TITLES = ["Node Exporter Full", "Kubernetes / Compute Resources / Cluster",
               "Nginx Overview", "PostgreSQL Database", "JVM (Micrometer)", "Blackbox Exporter",
               "Redis", "Business KPIs", "Checkout Funnel", "Home Lab", "Traefik",
               "Loki Logs", "API Latency SLO", "Kafka Overview", "General / Home"]


def _dash_slug(c):  # type: ignore[no-untyped-def]
    # the title is chosen here (the slug column comes first) and kept for the title column
    t = DASH_TITLES[c.index % len(DASH_TITLES)]
    t = t if c.index < len(DASH_TITLES) else f"{t} ({c.index})"
    c.row["_title"] = t
    return t.lower().replace(" / ", "-").replace(" ", "-").replace("(", "").replace(")", "")


def _dash_data(c):  # type: ignore[no-untyped-def]
    p = c.person
    d = {"title": c.row["title"], "uid": None, "version": c.row["version"],
         "schemaVersion": c.rng.choice([16, 27, 36, 39]), "timezone": "browser",
         "tags": [c.rng.choice(["prod", "k8s", "db", "business"])],
         "panels": [{"id": i + 1, "type": c.rng.choice(["timeseries", "stat", "graph",
                                                          "table"]),
                     "title": c.rng.choice(["CPU", "Memory", "Requests/s", "Errors",
                                            "p99 latency", "Disk"]),
                     "targets": [{"expr": "rate(http_requests_total[5m])", "refId": "A"}]}
                    for i in range(c.rng.randint(1, 4))]}
    if c.rng.random() < 0.12:
        d["description"] = f"Owner: {p['first']} {p['last']} <{p['email']}>"
    return json.dumps(d, ensure_ascii=False)


def _dash_uid(c):  # type: ignore[no-untyped-def]
    return G["token"](_p(c, n=9, style="url"))


ANNOTATION_TEXTS = [
    "Deployed v{n}", "Deploy v{n} by {first} {last}", "Rolled back release {n}",
    "Incident #{n}: database failover", "{first} restarted the ingest pipeline",
    "Called {first} ({phone}) about the outage", "Maintenance window", "Load test started",
    "Config change reviewed by {first} {last}", "", "",
]




def _annotation_text(c):  # type: ignore[no-untyped-def]
    if c.row["_type"] == "alert":
        return ""
    p = c.person
    return c.rng.choice(ANNOTATION_TEXTS).format(
        n=c.rng.randint(1, 999), first=p["first"], last=p["last"], phone=G["phone"](c))


def _annotation_user(c):  # type: ignore[no-untyped-def]
    return 0 if c.row["_type"] == "alert" else c.rng.randint(1, N_USERS)


def _annotation_alert(c):  # type: ignore[no-untyped-def]
    # alert or event annotation, chosen here (alert_id is the first column that depends on it)
    c.row["_type"] = "alert" if c.rng.random() < 0.35 else "event"
    return c.rng.randint(1, 40) if c.row["_type"] == "alert" else 0


def _state(c):  # type: ignore[no-untyped-def]
    if c.row["_type"] != "alert":
        return ""
    return c.rng.choice(["ok", "alerting", "pending", "no_data"])


def _annotation_data(c):  # type: ignore[no-untyped-def]
    if c.row["_type"] != "alert":
        return "{}"
    return json.dumps({"evalMatches": [{"metric": "cpu", "tags": None,
                                        "value": round(c.rng.random() * 100, 2)}]})


def _tags(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.4:
        return None
    return json.dumps(c.rng.sample(["deploy", "prod", "staging", "incident", "k8s", "db"],
                                   c.rng.randint(1, 3)))


def _tried_login(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    p = c.person
    if r < 0.4:
        return p["username"]
    if r < 0.75:
        return p["email"]
    if r < 0.85:
        return p["username"][:-1] + "x" if p["username"] else "x"
    return c.rng.choice(["admin", "root", "test", "grafana", "administrator"])


def _short_ip(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.1:
        return f"2001:db8::{c.rng.randint(1, 65535):x}"
    return G["ipv4"](c)


def _invite_status(c):  # type: ignore[no-untyped-def]
    return c.rng.choice(["InvitePending", "InvitePending", "Completed", "Revoked",
                         "SignUpStarted"])


def _invite_name(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.4:
        return None
    return G["full_name"](c)


def _pref_user(c):  # type: ignore[no-untyped-def]
    return c.rng.randint(1, N_USERS) if c.rng.random() < 0.8 else 0


def _pref_team(c):  # type: ignore[no-untyped-def]
    return c.rng.randint(1, N_TEAMS) if c.row["user_id"] == 0 and c.rng.random() < 0.5 else 0


def _snapshot_url(c):  # type: ignore[no-untyped-def]
    if not c.row["external"]:
        return ""
    return f"https://snapshots.raintank.io/dashboard/snapshot/{c.row['key']}"


def _snapshot_dashboard(c):  # type: ignore[no-untyped-def]
    return json.dumps({"title": c.rng.choice(DASH_TITLES), "snapshot": {
        "timestamp": "2024-03-01T10:00:00Z"}, "panels": [{"id": 1, "type": "timeseries",
        "snapshotData": [{"target": "node_load1", "datapoints": [[
            round(c.rng.random() * 4, 2), _unix_ms(c)] for _ in range(3)]}]}]})


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "org", N_ORGS,
          col("id", BI, pk=True, auto=True),
          col("version", I, "int", lo=0, hi=5),
          col("name", V(), _org_name, unique=True),
          col("address1", V(), _org_address, nullable=True),
          col("address2", V(), lambda c: None, nullable=True),
          col("city", V(), lambda c: c.fakers["en_US"].city() if c.row["address1"] else None,
              nullable=True),
          col("state", V(), lambda c: None, nullable=True),
          col("zip_code", V(50), lambda c: c.fakers["en_US"].postcode() if c.row["address1"]
              else None, nullable=True),
          col("country", V(), lambda c: "US" if c.row["address1"] else None, nullable=True),
          col("billing_email", V(), lambda c: None if c.row["_personal"] or c.rng.random() < 0.6
              else f"billing@{c.fakers['en_US'].domain_name()}", nullable=True),
          col("created", TS, _ts),
          col("updated", TS, _ts))
    table(md, "user", N_USERS,
          col("id", BI, pk=True, auto=True),
          col("version", I, "int", lo=0, hi=9),
          col("login", V(), _login, unique=True),
          col("email", V(), _user_email, unique=True),
          col("name", V(), lambda c: "" if c.rng.random() < 0.1 else G["display_name"](c),
              null=0.1),
          col("password", V(), _grafana_hash, empty=0.15, nullable=True),
          col("salt", V(50), _rand10, empty=0.15, nullable=True),
          col("rands", V(50), _rand10, nullable=True),
          col("company", V(), lambda c: c.rng.choice(["", "", "Acme", "Globex", "Initech"]),
              null=0.5),
          col("org_id", BI, ref="org.id"),
          col("email_verified", B, "choice", values=[True, False, None], nullable=True),
          col("theme", V(), "choice", values=["", "", "dark", "light"], nullable=True),
          col("is_admin", B, lambda c: c.index == 0 or c.rng.random() < 0.03),
          col("created", TS, _ts),
          col("updated", TS, _ts))
    table(md, "org_user", 200,
          col("id", BI, pk=True, auto=True),
          col("org_id", BI, ref="org.id", nullable=True),
          col("user_id", BI, ref="user.id", nullable=True),
          col("role", V(20), "choice", values=["Viewer", "Viewer", "Editor", "Admin"],
              nullable=True),
          col("created", TS, _ts, nullable=True),
          col("updated", TS, _ts, nullable=True),
          sa.UniqueConstraint("org_id", "user_id", name="org_user_aid_uid"))
    table(md, "user_auth", 90,
          col("id", BI, pk=True, auto=True),
          col("user_id", BI, ref="user.id"),
          col("auth_module", V(190), _auth_module),
          col("auth_id", V(190), _auth_id),
          col("created", TS, _ts),
          col("o_auth_access_token", mediumtext(), _access_token, nullable=True),
          col("o_auth_refresh_token", mediumtext(), _refresh_token, nullable=True),
          col("o_auth_token_type", mediumtext(), _token_type, nullable=True),
          col("o_auth_expiry", TS, lambda c: None if c.row["o_auth_access_token"] is None
              else _ts(c), nullable=True),
          col("o_auth_id_token", mediumtext(), _id_token, nullable=True),
          col("external_uid", T, _external_uid, nullable=True))
    table(md, "user_auth_token", 300,
          col("id", BI, pk=True, auto=True),
          col("user_id", BI, ref="user.id"),
          col("auth_token", V(100), token_of(64, "hex"), unique=True),
          col("prev_auth_token", V(100), token_of(64, "hex"), unique=True),
          col("user_agent", V(), "user_agent"),
          col("client_ip", V(), _client_ip),
          col("auth_token_seen", B, "bool"),
          col("seen_at", I, _unix, null=0.2),
          col("rotated_at", I, _unix),
          col("created_at", I, _unix),
          col("updated_at", I, _unix),
          col("revoked_at", I, _unix, null=0.85))
    table(md, "team", N_TEAMS,
          col("id", BI, pk=True, auto=True),
          col("name", V(190), lambda c: TEAM_NAMES[c.index]),
          col("org_id", BI, ref="org.id", nullable=True),
          col("created", TS, _ts),
          col("updated", TS, _ts),
          col("email", V(190), _team_email, nullable=True),
          sa.UniqueConstraint("org_id", "name"))
    table(md, "team_member", 150,
          col("id", BI, pk=True, auto=True),
          col("org_id", BI, ref="org.id", nullable=True),
          col("team_id", BI, ref="team.id", nullable=True),
          col("user_id", BI, ref="user.id", nullable=True),
          col("created", TS, _ts),
          col("updated", TS, _ts),
          col("is_team_admin", B, "choice", values=[False, False, False, True]),
          sa.UniqueConstraint("org_id", "team_id", "user_id"))
    table(md, "api_key", 40,
          col("id", BI, pk=True, auto=True),
          col("org_id", BI, ref="org.id"),
          col("name", V(), lambda c: f"{c.rng.choice(['ci-deploy', 'terraform', 'backup', 'prometheus-sync', 'grafana-image-renderer', 'slack-bot'])}-{c.index}"),  # noqa: E501
          col("key", V(64), token_of(64, "hex"), unique=True),
          col("role", V(), "choice", values=["Viewer", "Editor", "Admin"]),
          col("created", TS, _ts),
          col("updated", TS, _ts),
          sa.UniqueConstraint("org_id", "name"))
    table(md, "dashboard", N_DASH,
          col("id", BI, pk=True, auto=True),
          col("version", I, "int", lo=1, hi=60),
          col("slug", V(189), _dash_slug),
          col("title", V(), lambda c: c.row["_title"]),
          col("data", mediumtext(), _dash_data),
          col("org_id", BI, ref="org.id"),
          col("created", TS, _ts),
          col("updated", TS, _ts),
          col("updated_by", I, lambda c: c.rng.randint(1, N_USERS) if c.rng.random() < 0.9
              else -1, nullable=True),
          col("created_by", I, lambda c: c.rng.randint(1, N_USERS) if c.rng.random() < 0.9
              else -1, nullable=True),
          col("gnet_id", BI, lambda c: c.rng.choice([1860, 315, 9628, 763]), null=0.7),
          col("plugin_id", V(189), "choice", values=["prometheus", "mysql"], null=0.9),
          col("folder_id", BI, lambda c: 0 if c.rng.random() < 0.6 else c.rng.randint(1, 8)),
          col("is_folder", B, lambda c: c.index < 8),
          col("has_acl", B, "choice", values=[False, False, False, True]),
          col("uid", V(12), _dash_uid, unique=True, nullable=True),
          sa.UniqueConstraint("org_id", "slug"))
    table(md, "dashboard_tag", 100,
          col("id", BI, pk=True, auto=True),
          col("dashboard_id", BI, ref="dashboard.id"),
          col("term", V(50), "choice", values=["prod", "staging", "k8s", "db", "business",
                                               "linux", "network", "slo", "home"]),
          sa.UniqueConstraint("dashboard_id", "term"))
    table(md, "annotation", 400,
          col("id", BI, pk=True, auto=True),
          col("org_id", BI, ref="org.id"),
          col("alert_id", BI, _annotation_alert, nullable=True),
          col("user_id", BI, _annotation_user, nullable=True),
          col("dashboard_id", BI, lambda c: c.rng.randint(1, N_DASH), nullable=True),
          col("panel_id", BI, "int", lo=1, hi=12, nullable=True),
          col("category_id", BI, lambda c: 0, nullable=True),
          col("type", V(25), lambda c: c.row["_type"]),
          col("title", T, lambda c: ""),
          col("text", T, _annotation_text),
          col("metric", V(), "choice", values=["cpu", "memory", "http_5xx"], null=0.8),
          col("prev_state", V(25), _state),
          col("new_state", V(25), _state),
          col("data", T, _annotation_data),
          col("epoch", BI, _unix_ms),
          col("region_id", BI, lambda c: 0, nullable=True),
          col("tags", V(500), _tags, nullable=True),
          col("created", BI, _unix_ms, nullable=True),
          col("updated", BI, _unix_ms, nullable=True),
          col("epoch_end", BI, lambda c: c.row["epoch"] + (
              0 if c.rng.random() < 0.7 else c.rng.randint(60_000, 7_200_000))))
    table(md, "login_attempt", 150,
          col("id", BI, pk=True, auto=True),
          col("username", V(190), _tried_login),
          col("ip_address", V(30), _short_ip),
          col("created", I, _unix))
    table(md, "temp_user", 40,
          col("id", BI, pk=True, auto=True),
          col("org_id", BI, ref="org.id"),
          col("version", I, "int", lo=0, hi=3),
          col("email", V(), "email", nullable=True),
          col("name", V(), _invite_name, nullable=True),
          col("role", V(20), "choice", values=["Viewer", "Editor", "Admin"], nullable=True),
          col("code", V(), token_of(20, "url"), nullable=True),
          col("status", V(20), _invite_status, nullable=True),
          col("invited_by_user_id", BI, ref="user.id", nullable=True),
          col("email_sent", B, "bool", nullable=True),
          col("email_sent_on", TS, _ts, null=0.3),
          col("remote_addr", V(), "ipv4", null=0.3),
          col("created", TS, _ts, nullable=True),
          col("updated", TS, _ts, nullable=True))
    table(md, "preferences", 80,
          col("id", BI, pk=True, auto=True),
          col("org_id", BI, ref="org.id"),
          col("user_id", BI, _pref_user),
          col("version", I, "int", lo=0, hi=5),
          col("home_dashboard_id", BI, lambda c: 0 if c.rng.random() < 0.5 else
              c.rng.randint(1, N_DASH)),
          col("timezone", V(50), "choice", values=["", "browser", "utc", "Europe/Berlin",
                                                   "America/New_York", "Asia/Tokyo"]),
          col("theme", V(20), "choice", values=["", "dark", "light"]),
          col("created", TS, _ts),
          col("updated", TS, _ts),
          col("team_id", BI, _pref_team, nullable=True),
          col("week_start", V(10), "choice", values=["", "monday", "sunday"], null=0.5))
    table(md, "dashboard_snapshot", 30,
          col("id", BI, pk=True, auto=True),
          col("name", V(), lambda c: f"{c.rng.choice(DASH_TITLES)} "
              f"{G['date'](_p(c, start=2019, end=2025)).isoformat()}"),
          col("key", V(), token_of(32, "url"), unique=True),
          col("delete_key", V(), token_of(32, "url"), unique=True),
          col("org_id", BI, ref="org.id"),
          col("user_id", BI, ref="user.id"),
          col("external", B, "choice", values=[False, False, True]),
          col("external_url", V(), _snapshot_url),
          col("dashboard", mediumtext(), _snapshot_dashboard),
          col("expires", TS, datetimes(2024, 2030)),
          col("created", TS, _ts),
          col("updated", TS, _ts))
    return md

