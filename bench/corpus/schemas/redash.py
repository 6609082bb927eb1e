"""Redash (SQL dashboards and alerts, Python with Flask-SQLAlchemy, PostgreSQL): a held-out
schema (issue #10), labelled before any scan and never tuned on. The tables as the models in
``redash/models/`` declare them at one commit each (``organizations``, ``users``,
``groups``, ``access_permissions``, ``data_sources``, ``query_results``, ``queries``,
``alerts``, ``dashboards``, ``visualizations``, ``widgets``, ``events``, ``api_keys``,
``notification_destinations``, ``alert_subscriptions``, ``changes``): 16 tables, every
column except PostgreSQL arrays and the full-text vector (``users.groups``,
``groups.permissions``, ``queries.tags``, ``dashboards.tags``, ``queries.search_vector``).
``TimestampMixin`` gives ``updated_at`` and ``created_at``; ``GFKBase`` gives
``object_type`` and ``object_id``; ``PseudoJSON`` is JSON in a ``text`` column; keys are
integers (``key_type`` defaults to ``Integer``). Foreign keys as declared. Not included:
``favorites``, ``query_snippets``, ``data_source_groups``.

Values: organisations, users with names in many scripts, lower-cased e-mails, Gravatar or
Google profile image URLs, passlib sha512_crypt hashes (NULL for Google/SAML users), the
users' personal API keys, ``details`` JSON with activity flags; data sources with Fernet
encrypted options; queries whose SQL filters on a customer's e-mail or name in ~10%,
cached query results whose rows list customers' names and e-mails in ~30%; alerts,
dashboards, widgets with markdown text naming a contact in ~15%; the event log whose
``additional_properties`` carries the user's name, IP and user agent as Redash records them;
dashboard share keys; notification destinations; change records copying query text.
"""

from __future__ import annotations

import json

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, datetimes, new_person, table
from ..gen import with_params as _p

SOURCE = {"repo": "getredash/redash",
          "path": "redash/models/{__init__,users,organizations,changes}.py",
          "commit": "49fe29579a56e7a8e206895586eca1736a6d210d"}
# every file read, at the commit of its stored version
SOURCES = {"redash/models/__init__.py": "49fe29579a56e7a8e206895586eca1736a6d210d",
           "redash/models/users.py": "d31da96e51fd4134287c6f878f7f17c35fd76b48",
           "redash/models/organizations.py": "d71eff5e3ac8d6b113e7e76c9f69d27e9b280a94",
           "redash/models/changes.py": "7ff0c35058346cea35255f99bda86d3eb85839a3"}
PERSON_TABLES = ("users",)

INT = sa.Integer
B = sa.Boolean
TS = sa.DateTime(timezone=True)
T = sa.Text
S = sa.String(255)
_ts = datetimes(2017, 2025)

ORGS = [("Default", "default"), ("Acme Analytics", "acme"), ("Nordwind BI", "nordwind")]
TABLES = ["orders", "customers", "signups", "invoices", "subscriptions", "tickets"]
SAFE_SQL = ["SELECT date_trunc('day', created_at) AS day, count(*) FROM {t} GROUP BY 1",
            "SELECT country, count(*) FROM {t} GROUP BY country ORDER BY 2 DESC",
            "SELECT status, sum(amount) FROM {t} WHERE created_at > now() - interval "
            "'30 days' GROUP BY status",
            "SELECT plan, count(DISTINCT account_id) FROM {t} GROUP BY plan"]


def _passlib(c):  # type: ignore[no-untyped-def]
    return f"$6$rounds=656000${G['token'](_p(c, n=16, style='url'))}$" \
           f"{G['token'](_p(c, n=86, style='url')).replace('-', '.').replace('_', '/')}"


def _profile_image(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.55:
        return None
    if r < 0.8:
        return f"https://lh3.googleusercontent.com/a/{G['token'](_p(c, n=40, style='url'))}" \
               "=s96-c"
    return f"https://www.gravatar.com/avatar/{G['token'](_p(c, n=32))}?s=40&d=identicon"


def _sql(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    p = new_person(c)
    if r < 0.06:
        sql = f"SELECT * FROM customers WHERE email = '{p['email']}'"
    elif r < 0.1:
        sql = f"SELECT id, total FROM orders WHERE customer_name ILIKE '%{p['last']}%'"
    else:
        sql = c.rng.choice(SAFE_SQL).format(t=c.rng.choice(TABLES))
    c.row["_sql"] = sql
    return sql


def _result_data(c):  # type: ignore[no-untyped-def]
    c.row["_hash"] = G["token"](_p(c, n=32))
    if c.rng.random() < 0.3:
        rows = []
        for _ in range(c.rng.randint(1, 4)):
            p = new_person(c)
            rows.append({"name": f"{p['first']} {p['last']}", "email": p["email"],
                         "orders": c.rng.randint(1, 40)})
        cols = [{"name": "name", "type": "string"}, {"name": "email", "type": "string"},
                {"name": "orders", "type": "integer"}]
    else:
        rows = [{"day": f"2024-0{c.rng.randint(1, 9)}-1{c.rng.randint(0, 9)}",
                 "count": c.rng.randint(0, 5000)} for _ in range(c.rng.randint(1, 5))]
        cols = [{"name": "day", "type": "date"}, {"name": "count", "type": "integer"}]
    return json.dumps({"columns": cols, "rows": rows}, ensure_ascii=False)


def _result_sql(c):  # type: ignore[no-untyped-def]
    data = json.loads(c.row["data"])
    if data["columns"][0]["name"] == "name":
        return "SELECT c.name, c.email, count(o.id) AS orders FROM customers c JOIN orders o " \
               "ON o.customer_id = c.id GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 5"
    return SAFE_SQL[0].format(t=c.rng.choice(TABLES))


def _fernet(c):  # type: ignore[no-untyped-def]
    return "gAAAAA" + G["token"](_p(c, n=140, style="url"))


def _widget_text(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.45:
        return ""
    if r < 0.6:
        p = c.person
        return f"## Sales KPIs\nQuestions? Ask **{p['first']} {p['last']}** ({p['email']})"
    return c.rng.choice(["## Weekly numbers", "Data refreshes every hour.",
                         "### Funnel\nSee the query for definitions.", "---"])


def _event_action(c):  # type: ignore[no-untyped-def]
    a = c.rng.choice(["login", "view", "execute", "edit", "create", "view", "view",
                      "api_get", "execute_query", "logout"])
    c.row["_action"] = a
    return a


def _event_props(c):  # type: ignore[no-untyped-def]
    if c.row.get("user_id") is None:
        return json.dumps({"ip": G["ip"](c), "user_agent": G["user_agent"](c),
                           "api_key": G["token"](_p(c, n=40, style="url"))})
    p = c.person
    d = {"user_name": f"{p['first']} {p['last']}", "ip": G["ip"](c),
         "user_agent": G["user_agent"](c)}
    if c.row["_action"] in ("view", "execute"):
        d["referer"] = f"https://redash.acme.example/queries/{c.rng.randint(1, 120)}"
    return json.dumps(d, ensure_ascii=False)


def _change(c):  # type: ignore[no-untyped-def]
    sql = _sql(c)
    return json.dumps({"query": {"previous": None, "current": sql},
                       "name": {"previous": "New Query", "current": "Untitled"},
                       "is_draft": {"previous": True, "current": False}}, ensure_ascii=False)


def _stamps() -> list:  # type: ignore[type-arg]
    return [col("updated_at", TS, _ts), col("created_at", TS, _ts)]


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "organizations", len(ORGS),
          *_stamps(),
          col("id", INT, pk=True, auto=True),
          col("name", S, lambda c: ORGS[c.index][0]),
          col("slug", S, lambda c: ORGS[c.index][1], unique=True),
          col("settings", T, lambda c: json.dumps(
              {"google_apps_domains": ["acme.example"] if c.index == 1 else [],
               "settings": {"auth_password_login_enabled": c.index != 1}})))
    table(md, "users", 90,
          *_stamps(),
          col("id", INT, pk=True, auto=True),
          col("org_id", INT, fk="organizations.id"),
          col("name", sa.String(320), "display_name"),
          col("email", S, lambda c: c.person["email"].lower()),
          col("profile_image_url", sa.String(320), _profile_image, nullable=True),
          col("password_hash", sa.String(128), _passlib, null=0.3),
          col("api_key", sa.String(40), lambda c: G["token"](_p(c, n=40, style="url")),
              unique=True),
          col("disabled_at", TS, _ts, null=0.9),
          col("details", sa.JSON(none_as_null=True), lambda c: {
              "active_at": f"2024-0{c.rng.randint(1, 9)}-0{c.rng.randint(1, 9)}T10:00:00Z",
              "is_invitation_pending": c.rng.random() < 0.1,
              "is_email_verified": c.rng.random() < 0.9}, nullable=True),
          sa.UniqueConstraint("org_id", "email", name="users_org_id_email"))
    table(md, "groups", 8,
          col("id", INT, pk=True, auto=True),
          col("org_id", INT, fk="organizations.id"),
          col("type", S, lambda c: "builtin" if c.index < 2 else "regular"),
          col("name", sa.String(100), lambda c: ["admin", "default", "Finance", "Marketing",
                                                 "Data team", "Support", "Execs",
                                                 "Contractors"][c.index]),
          col("created_at", TS, _ts))
    table(md, "data_sources", 6,
          col("id", INT, pk=True, auto=True),
          col("org_id", INT, fk="organizations.id"),
          col("name", S, lambda c: ["Production replica", "Warehouse", "Stripe export",
                                    "Google Sheets", "Events (ClickHouse)",
                                    "Support DB"][c.index]),
          col("type", S, lambda c: ["pg", "redshift", "pg", "google_spreadsheets",
                                    "clickhouse", "mysql"][c.index]),
          col("encrypted_options", T, _fernet),
          col("queue_name", S, "const", value="queries"),
          col("scheduled_queue_name", S, "const", value="scheduled_queries"),
          col("created_at", TS, _ts))
    table(md, "query_results", 150,
          col("id", INT, pk=True, auto=True),
          col("org_id", INT, fk="organizations.id"),
          col("data_source_id", INT, fk="data_sources.id"),
          col("data", T, _result_data),
          col("query_hash", sa.String(32), lambda c: c.row["_hash"]),
          col("query", T, _result_sql),
          col("runtime", sa.Float, lambda c: round(c.rng.uniform(0.01, 40), 4)),
          col("retrieved_at", TS, _ts))
    table(md, "queries", 120,
          *_stamps(),
          col("id", INT, pk=True, auto=True),
          col("version", INT, "int", lo=1, hi=30),
          col("org_id", INT, fk="organizations.id"),
          col("data_source_id", INT, fk="data_sources.id", null=0.03),
          col("latest_query_data_id", INT, fk="query_results.id", null=0.2),
          col("name", S, lambda c: c.rng.choice(["Daily signups", "Revenue by plan",
                                                 "Churned accounts", "Customer lookup",
                                                 "Top customers", "Open tickets",
                                                 "New Query"])),
          col("description", sa.String(4096), "lorem", null=0.6),
          col("query", T, _sql),
          col("query_hash", sa.String(32), lambda c: G["token"](_p(c, n=32))),
          col("api_key", sa.String(40), lambda c: G["token"](_p(c, n=40, style="url"))),
          col("user_id", INT, fk="users.id"),
          col("last_modified_by_id", INT, fk="users.id", null=0.1),
          col("is_archived", B, "choice", values=[False, False, False, True]),
          col("is_draft", B, "bool"),
          col("schedule", T, lambda c: None if c.rng.random() < 0.6 else json.dumps(
              {"interval": c.rng.choice([300, 3600, 86400]), "time": None,
               "day_of_week": None, "until": None}), nullable=True),
          col("schedule_failures", INT, "int", lo=0, hi=3),
          col("options", T, lambda c: json.dumps({"parameters": [],
                                                  "apply_auto_limit": c.rng.random() < 0.5})))
    table(md, "alerts", 30,
          *_stamps(),
          col("id", INT, pk=True, auto=True),
          col("name", S, lambda c: c.rng.choice(["Signups dropped", "Error rate high",
                                                 "Refunds above 10", "Queue backlog"])),
          col("query_id", INT, fk="queries.id"),
          col("user_id", INT, fk="users.id"),
          col("options", T, lambda c: json.dumps(
              {"column": "count", "op": c.rng.choice([">", "<", "=="]),
               "value": c.rng.randint(1, 500), "muted": c.rng.random() < 0.2})),
          col("state", S, "choice", values=["unknown", "ok", "triggered"]),
          col("last_triggered_at", TS, _ts, null=0.5),
          col("rearm", INT, "choice", values=[None, 300, 3600], nullable=True))
    table(md, "dashboards", 25,
          *_stamps(),
          col("id", INT, pk=True, auto=True),
          col("version", INT, "int", lo=1, hi=40),
          col("org_id", INT, fk="organizations.id"),
          col("slug", sa.String(140), lambda c: f"dashboard-{c.index + 1}"),
          col("name", sa.String(100), lambda c: c.rng.choice(["KPIs", "Sales", "Support",
                                                              "Growth", "Finance weekly"])),
          col("user_id", INT, fk="users.id"),
          col("layout", T, lambda c: "[]"),
          col("dashboard_filters_enabled", B, "bool"),
          col("is_archived", B, "choice", values=[False, False, True]),
          col("is_draft", B, "bool"),
          col("options", sa.JSON(none_as_null=True), lambda c: {}))
    table(md, "visualizations", 140,
          *_stamps(),
          col("id", INT, pk=True, auto=True),
          col("type", sa.String(100), "choice", values=["TABLE", "CHART", "COUNTER", "PIVOT"]),
          col("query_id", INT, fk="queries.id"),
          col("name", S, "choice", values=["Table", "Chart", "Counter", "Trend"]),
          col("description", sa.String(4096), "const", value="", null=0.5),
          col("options", T, lambda c: json.dumps({"globalSeriesType": "line"})))
    table(md, "widgets", 90,
          *_stamps(),
          col("id", INT, pk=True, auto=True),
          col("visualization_id", INT, fk="visualizations.id", null=0.3),
          col("text", T, _widget_text, nullable=True),
          col("width", INT, "choice", values=[1, 2]),
          col("options", T, lambda c: json.dumps({"position": {"col": c.rng.randint(0, 5),
                                                               "row": c.rng.randint(0, 20),
                                                               "sizeX": 3, "sizeY": 8}})),
          col("dashboard_id", INT, fk="dashboards.id"))
    table(md, "events", 400,
          col("id", INT, pk=True, auto=True),
          col("org_id", INT, fk="organizations.id"),
          col("user_id", INT, fk="users.id", null=0.1),
          col("action", S, _event_action),
          col("object_type", S, lambda c: {"login": "redash", "logout": "redash",
                                           "api_get": "query"}.get(c.row["_action"],
                                                                   c.rng.choice(["query",
                                                                                 "dashboard"]))),
          col("object_id", S, lambda c: str(c.rng.randint(1, 120)), null=0.2),
          col("additional_properties", T, _event_props, nullable=True),
          col("created_at", TS, _ts))
    table(md, "api_keys", 20,
          *_stamps(),
          col("id", INT, pk=True, auto=True),
          col("org_id", INT, fk="organizations.id"),
          col("api_key", S, lambda c: G["token"](_p(c, n=40, style="url"))),
          col("active", B, "choice", values=[True, True, False]),
          col("object_type", S, "const", value="dashboards"),
          col("object_id", INT, ref="dashboards.id"),
          col("created_by_id", INT, fk="users.id", null=0.1))
    table(md, "notification_destinations", 8,
          col("id", INT, pk=True, auto=True),
          col("org_id", INT, fk="organizations.id"),
          col("user_id", INT, fk="users.id"),
          col("name", S, lambda c: ["Ops e-mail", "#alerts", "PagerDuty", "Data team mail",
                                    "Webhook", "#sales", "Opsgenie", "Finance mail"][c.index]),
          col("type", S, lambda c: ["email", "slack", "pagerduty", "email", "webhook",
                                    "slack", "opsgenie", "email"][c.index]),
          col("encrypted_options", T, _fernet),
          col("created_at", TS, _ts),
          sa.UniqueConstraint("org_id", "name", name="notification_destinations_org_id_name"))
    table(md, "alert_subscriptions", 40,
          *_stamps(),
          col("id", INT, pk=True, auto=True),
          col("user_id", INT, fk="users.id"),
          col("destination_id", INT, fk="notification_destinations.id", null=0.4),
          col("alert_id", INT, fk="alerts.id"),
          sa.UniqueConstraint("destination_id", "alert_id",
                              name="alert_subscriptions_destination_id_alert_id"))
    table(md, "access_permissions", 30,
          col("object_type", S, "choice", values=["queries", "dashboards"]),
          col("object_id", INT, "int", lo=1, hi=25),
          col("id", INT, pk=True, auto=True),
          col("access_type", S, "const", value="modify"),
          col("grantor_id", INT, fk="users.id"),
          col("grantee_id", INT, fk="users.id"))
    table(md, "changes", 200,
          col("object_type", S, "choice", values=["queries", "queries", "dashboards"]),
          col("object_id", INT, "int", lo=1, hi=120),
          col("id", INT, pk=True, auto=True),
          col("object_version", INT, "int", lo=0, hi=30),
          col("user_id", INT, fk="users.id"),
          col("change", T, _change),
          col("created_at", TS, _ts))
    return md
