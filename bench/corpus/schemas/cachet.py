"""Cachet 2 (status page with e-mail, SMS and Slack subscribers, PHP with Laravel, MySQL,
PostgreSQL or SQLite): a held-out schema (issue #10), labelled before any scan and never
tuned on. The tables as all Laravel migrations in ``database/migrations/`` leave them at
one commit (the 2.x line: ``users`` with the 2FA secret and ``welcomed``, ``subscribers``
without ``deleted_at`` and with ``phone_number``, ``slack_webhook_url`` and ``global``,
``incidents`` with ``user_id`` re-added, ``visible``, ``stickied``, ``notifications``,
``occurred_at`` and no ``scheduled_at``, ``components`` without ``user_id``, with
``enabled`` and ``meta``): ``users``, ``invites``, ``sessions``, ``actions``,
``subscribers``, ``subscriptions``, ``component_groups``, ``components``, ``incidents``,
``incident_updates``, ``incident_templates``, ``schedules``, ``schedule_components``,
``settings``, ``notifications``: 15 tables, every column. Laravel's migrations here
declare no foreign keys (indexes only): every reference is a value. Not included:
``metrics``, ``metric_points``, ``tags``, ``taggables``, ``meta``,
``incident_components``, ``jobs``, ``failed_jobs``, ``cache``.

Values: the team (usernames, bcrypt hashes, remember tokens, Google 2FA secrets for some,
e-mails, API keys), invitations by e-mail with codes, Laravel sessions (session id, IP,
user agent, base64 serialized payload with the login form's old input e-mail in ~20%), the
action log naming the acting username and, for invitations, the invitee's e-mail;
subscribers by e-mail, phone (SMS) or Slack webhook with verify codes; components,
incidents and updates in public status-page prose, maintenance schedules, settings
(role addresses only), notifications with the uuid key and the notifiable subscriber.
"""

from __future__ import annotations

import base64
import json

import sqlalchemy as sa
from sqlalchemy.dialects import mysql

from ..gen import GENERATORS as G
from ..gen import col, datetimes, table, tinyint
from ..gen import with_params as _p

SOURCE = {"repo": "cachethq/cachet", "path": "database/migrations/*.php",
          "commit": "d4666993247dc6d776c957b3695e1b981663180b"}
SOURCES = {"database/migrations/": "d4666993247dc6d776c957b3695e1b981663180b"}
PERSON_TABLES = ("users", "subscribers")

INT = sa.Integer
B = sa.Boolean
TS = sa.DateTime
S = sa.String(255)
T = sa.Text
LONGTEXT = sa.Text().with_variant(mysql.LONGTEXT(), "mysql", "mariadb")
_ts = datetimes(2016, 2025)
N_USERS = 12
N_SUBS = 250

COMPONENTS = ["API", "Website", "Dashboard", "Payments", "E-mail delivery", "CDN",
              "Search", "Mobile app", "Webhooks", "Database cluster"]
INCIDENTS = ["Elevated API error rates", "Degraded performance on the dashboard",
             "Payment processing delays", "Partial CDN outage in Europe",
             "Scheduled database failover", "Login issues for some users",
             "Delayed e-mail notifications", "Webhook deliveries failing"]
UPDATES = ["We are investigating reports of elevated error rates.",
           "The issue has been identified and a fix is being implemented.",
           "A fix has been deployed and we are monitoring the results.",
           "This incident has been resolved.",
           "Our upstream provider has confirmed the outage; follow updates at "
           "status.provider.example.",
           "Customers may need to log in again. Contact support@acme.example if problems "
           "persist."]


def _username(c):  # type: ignore[no-untyped-def]
    return "admin" if c.index == 0 else c.person["username"]


def _session_payload(c):  # type: ignore[no-untyped-def]
    tok = G["token"](_p(c, n=40, style="url"))
    items = [f's:6:"_token";s:40:"{tok}";',
             's:9:"_previous";a:1:{s:3:"url";s:34:"https://status.acme.example/dashboard";}']
    if c.rng.random() < 0.2:
        e = c.person["email"]
        items.append(f's:10:"_old_input";a:1:{{s:5:"email";s:{len(e.encode())}:"{e}";}}')
    if c.row.get("user_id") is not None:
        items.append(f's:50:"login_web_59ba36addc2b2f9401580f014c7f58ea4e30989d";'
                     f'i:{c.row["user_id"]};')
    body = f"a:{len(items)}:{{{''.join(items)}}}"
    return base64.b64encode(body.encode()).decode()


def _action_class(c):  # type: ignore[no-untyped-def]
    k = c.rng.choice(["User\\UserWasInvitedEvent", "Component\\ComponentWasUpdatedEvent",
                      "Incident\\IncidentWasReportedEvent", "Incident\\IncidentWasUpdatedEvent",
                      "User\\UserLoggedInEvent", "Schedule\\ScheduleWasCreatedEvent"])
    c.row["_class"] = k
    return f"CachetHQ\\Cachet\\Bus\\Events\\{k}"


def _action_info(c):  # type: ignore[no-untyped-def]
    k = c.row["_class"]
    if k.endswith("UserWasInvitedEvent"):
        return c.person["email"]
    if k.startswith("Component"):
        return c.rng.choice(COMPONENTS)
    if k.startswith("Incident"):
        return c.rng.choice(INCIDENTS)
    return None


_SEEN: set[str] = set()


def _sub_contact(c):  # type: ignore[no-untyped-def]
    # unique where not NULL (the generator's own de-duplication would also drop the NULLs)
    if c.index == 0:
        _SEEN.clear()
    r = c.rng.random()
    c.row["_kind"] = "email" if r < 0.7 else "phone" if r < 0.88 else "slack"
    if c.row["_kind"] != "email":
        return None
    e = c.person["email"]
    if e.lower() in _SEEN:
        e = e.replace("@", f"{c.index}@")
    _SEEN.add(e.lower())
    return e


def _slack(c):  # type: ignore[no-untyped-def]
    if c.row["_kind"] != "slack":
        return None
    return f"https://hooks.slack.com/services/T{G['token'](_p(c, n=8)).upper()}/" \
           f"B{G['token'](_p(c, n=8)).upper()}/{G['token'](_p(c, n=24, style='url'))}"


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "users", N_USERS,
          col("id", INT, pk=True, auto=True),
          col("username", S, _username, unique=True),
          col("password", S, lambda c: G["password_hash"](_p(c, style="bcrypt12"))),
          col("remember_token", sa.String(100), lambda c: G["token"](_p(c, n=60, style="url")),
              null=0.3),
          col("google_2fa_secret", S, lambda c: "".join(
              c.rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(16)), null=0.7),
          col("email", S, "email", unique=True),
          col("api_key", S, lambda c: G["token"](_p(c, n=20, style="url")), unique=True),
          col("active", B, "choice", values=[True, True, True, False]),
          col("level", tinyint(), lambda c: 1 if c.index < 2 else 2),
          col("welcomed", B, "bool"),
          col("created_at", TS, _ts, nullable=True),
          col("updated_at", TS, _ts, nullable=True))
    table(md, "invites", 10,
          col("id", INT, pk=True, auto=True),
          col("code", S, lambda c: G["token"](_p(c, n=20, style="url")), unique=True),
          col("email", S, "email"),
          col("claimed_at", TS, _ts, null=0.5),
          col("created_at", TS, _ts, nullable=True),
          col("updated_at", TS, _ts, nullable=True))
    table(md, "sessions", 60,
          col("id", S, lambda c: G["token"](_p(c, n=40, style="url")), unique=True),
          col("user_id", INT, ref="users.id", null=0.6),
          col("ip_address", sa.String(45), "ip", null=0.05),
          col("user_agent", T, "user_agent", null=0.05),
          col("payload", T, _session_payload),
          col("last_activity", INT, "int", lo=1_600_000_000, hi=1_760_000_000))
    table(md, "actions", 120,
          col("id", INT, pk=True, auto=True),
          col("class_name", S, _action_class),
          col("user_id", sa.BigInteger, ref="users.id"),
          col("username", S, lambda c: c.rng.choice(["admin", c.person["username"]])),
          col("information", S, _action_info, nullable=True),
          col("description", S, lambda c: c.row["_class"].split("\\")[1]
              .replace("Event", "").replace("Was", " was ")),
          col("created_at", TS, _ts, nullable=True),
          col("updated_at", TS, _ts, nullable=True))
    table(md, "subscribers", N_SUBS,
          col("id", INT, pk=True, auto=True),
          col("email", S, _sub_contact, nullable=True),
          col("verify_code", S, lambda c: G["token"](_p(c, n=20, style="url"))),
          col("phone_number", S, lambda c: G["phone"](c) if c.row["_kind"] == "phone" else None,
              nullable=True),
          col("slack_webhook_url", S, _slack, nullable=True),
          col("verified_at", TS, _ts, null=0.25),
          col("global", B, "choice", values=[True, True, False]),
          col("created_at", TS, _ts, nullable=True),
          col("updated_at", TS, _ts, nullable=True),
          sa.UniqueConstraint("email", name="subscribers_email_unique"))
    table(md, "component_groups", 4,
          col("id", INT, pk=True, auto=True),
          col("name", S, lambda c: ["Core", "Payments", "Delivery", "Apps"][c.index]),
          col("order", INT, "seq"),
          col("visible", tinyint(), "choice", values=[0, 1]),
          col("collapsed", B, "bool"),
          col("created_at", TS, _ts, nullable=True),
          col("updated_at", TS, _ts, nullable=True))
    table(md, "components", len(COMPONENTS),
          col("id", INT, pk=True, auto=True),
          col("name", S, lambda c: COMPONENTS[c.index]),
          col("description", T, lambda c: c.rng.choice(["", "Public REST API",
                                                        "Customer dashboard"])),
          col("link", T, lambda c: c.rng.choice([None, "https://acme.example/docs"]),
              nullable=True),
          col("status", INT, "choice", values=[1, 1, 1, 2, 3, 4]),
          col("order", INT, "seq"),
          col("group_id", INT, ref="component_groups.id"),
          col("enabled", B, "const", value=True),
          col("meta", LONGTEXT, lambda c: None if c.rng.random() < 0.7 else
              json.dumps({"uptime_monitor": "pingdom"}), nullable=True),
          col("created_at", TS, _ts, nullable=True),
          col("updated_at", TS, _ts, nullable=True),
          col("deleted_at", TS, _ts, null=0.9))
    table(md, "subscriptions", 400,
          col("id", INT, pk=True, auto=True),
          col("subscriber_id", INT, ref="subscribers.id"),
          col("component_id", INT, ref="components.id"),
          col("created_at", TS, _ts, nullable=True),
          col("updated_at", TS, _ts, nullable=True))
    table(md, "incidents", 60,
          col("id", INT, pk=True, auto=True),
          col("user_id", INT, ref="users.id", null=0.3),
          col("component_id", INT, lambda c: c.rng.choice([0, 0] + list(range(1, 11)))),
          col("name", S, lambda c: c.rng.choice(INCIDENTS)),
          col("status", INT, "choice", values=[1, 2, 3, 4]),
          col("visible", B, "choice", values=[True, True, False]),
          col("stickied", B, "choice", values=[False, False, False, True]),
          col("notifications", B, "bool"),
          col("message", LONGTEXT, lambda c: c.rng.choice(UPDATES)),
          col("occurred_at", TS, _ts, nullable=True),
          col("created_at", TS, _ts, nullable=True),
          col("updated_at", TS, _ts, nullable=True),
          col("deleted_at", TS, _ts, null=0.95))
    table(md, "incident_updates", 150,
          col("id", INT, pk=True, auto=True),
          col("incident_id", INT, ref="incidents.id"),
          col("status", INT, "choice", values=[1, 2, 3, 4]),
          col("message", LONGTEXT, lambda c: c.rng.choice(UPDATES)),
          col("user_id", INT, ref="users.id"),
          col("created_at", TS, _ts, nullable=True),
          col("updated_at", TS, _ts, nullable=True))
    table(md, "incident_templates", 4,
          col("id", INT, pk=True, auto=True),
          col("name", S, lambda c: ["Investigating", "Identified", "Monitoring",
                                    "Resolved"][c.index]),
          col("slug", S, lambda c: ["investigating", "identified", "monitoring",
                                    "resolved"][c.index]),
          col("template", LONGTEXT, lambda c: "We are {{ status }} an issue with "
                                              "{{ component.name }}."),
          col("created_at", TS, _ts, nullable=True),
          col("updated_at", TS, _ts, nullable=True),
          col("deleted_at", TS, lambda c: None, nullable=True))
    table(md, "schedules", 15,
          col("id", INT, pk=True, auto=True),
          col("name", S, lambda c: c.rng.choice(["Database maintenance", "Network upgrade",
                                                 "Data centre move"])),
          col("message", LONGTEXT, lambda c: "Short interruptions are expected.", null=0.3),
          col("status", tinyint(), "choice", values=[0, 1, 2]),
          col("scheduled_at", TS, _ts),
          col("completed_at", TS, _ts, null=0.4),
          col("created_at", TS, _ts, nullable=True),
          col("updated_at", TS, _ts, nullable=True),
          col("deleted_at", TS, _ts, null=0.9))
    table(md, "schedule_components", 25,
          col("id", INT, pk=True, auto=True),
          col("schedule_id", INT, ref="schedules.id"),
          col("component_id", INT, ref="components.id"),
          col("component_status", tinyint(), "choice", values=[2, 3, 4]),
          col("created_at", TS, _ts, nullable=True),
          col("updated_at", TS, _ts, nullable=True))
    settings = [("app_name", "Acme Status"), ("app_domain", "https://status.acme.example"),
                ("app_locale", "en"), ("app_timezone", "UTC"), ("app_incident_days", "7"),
                ("app_refresh_rate", "0"), ("app_analytics", ""),
                ("mail_from_address", "status@acme.example"),
                ("app_about", "Live status of Acme services."), ("show_support", "1")]
    table(md, "settings", len(settings),
          col("id", INT, pk=True, auto=True),
          col("name", S, lambda c: settings[c.index][0]),
          col("value", LONGTEXT, lambda c: settings[c.index][1]),
          col("created_at", TS, _ts, nullable=True),
          col("updated_at", TS, _ts, nullable=True))
    table(md, "notifications", 100,
          col("id", sa.String(36), "uuid_str", pk=True),
          col("type", S, lambda c: c.rng.choice(
              ["CachetHQ\\Cachet\\Notifications\\Incident\\NewIncidentNotification",
               "CachetHQ\\Cachet\\Notifications\\Subscriber\\VerifySubscriptionNotification"])),
          col("notifiable_id", sa.Integer, ref="subscribers.id"),
          col("notifiable_type", S, "const", value="CachetHQ\\Cachet\\Models\\Subscriber"),
          col("data", T, lambda c: json.dumps({"incident": c.rng.choice(INCIDENTS)})),
          col("read_at", TS, _ts, null=0.8),
          col("created_at", TS, _ts, nullable=True),
          col("updated_at", TS, _ts, nullable=True))
    return md
