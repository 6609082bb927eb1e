"""Huginn (agents that watch the web and act for their owner, Ruby on Rails, MySQL or
PostgreSQL): a held-out schema (issue #10), labelled before any scan and never tuned on.
The tables of ``db/schema.rb`` as the index stores it (schema version 20130819160603:
users, agents, events, links, agent logs, delayed jobs, RailsAdmin's history) and the
three tables that later migrations create (``user_credentials``, ``services``,
``scenarios``, with the ``users.scenario_count`` column the scenarios migration adds); 10
tables. Columns that later migrations add to these tables are not included.

Rails conventions: ``id`` integer keys, ``t.string`` varchar(255), ``t.text`` text
(``agents.memory`` ``:limit => 2147483647`` LONGTEXT and ``events.payload`` ``:limit =>
16777215`` MEDIUMTEXT on MySQL), ``decimal(15,10)`` coordinates; no foreign key is
declared (``user_id``, ``agent_id``, ``source_id``... are values).

Values: Devise users (bcrypt ``encrypted_password``, reset and unlock tokens, sign-in IPs),
agents' JSON options carrying recipients' e-mail addresses, phone numbers and API keys,
JSON memories, event payloads (mails, tweets, weather, a person's location with
coordinates), delayed job handlers in YAML naming a mail's recipient, OAuth tokens and
secrets of the owner's Twitter/GitHub/37signals accounts, user credentials (API keys,
passwords, phone numbers), agent log messages.
"""

from __future__ import annotations

from decimal import Decimal

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, datetimes, longtext, mediumtext, new_person, table, token_of
from ..gen import with_params as _p

SOURCE = {"repo": "huginn/huginn",
          "path": "db/schema.rb; db/migrate/{20140121075418_create_user_credentials,"
                  "20140515211100_create_services,20140509170420_create_scenarios}.rb",
          "commit": "00727fbd4d1eb10749548b0ffe170cd4fed3050c"}
# every file read, at the commit the stored index holds it
SOURCES = {
    "db/schema.rb": "00727fbd4d1eb10749548b0ffe170cd4fed3050c",
    "db/migrate/20140121075418_create_user_credentials.rb":
        "50de73dc2e5bcff8c4c323ffd357cad3911720a3",
    "db/migrate/20140515211100_create_services.rb": "12c2af26bbf474484f6c93a3cf496a6d1dae30f9",
    "db/migrate/20140509170420_create_scenarios.rb": "20efc657c8fce75363afb95cfcf6464a61dcfbc8",
}
PERSON_TABLES = ("users",)

I = sa.Integer  # noqa: E741
V = sa.String(255)
T = sa.Text
TS = sa.DateTime
N_USERS = 60
N_AGENTS = 200
_ts = datetimes(2013, 2025)

AGENT_TYPES = ["Agents::WebsiteAgent", "Agents::EmailDigestAgent", "Agents::TwilioAgent",
               "Agents::WeatherAgent", "Agents::TwitterStreamAgent", "Agents::RssAgent",
               "Agents::UserLocationAgent", "Agents::EmailAgent", "Agents::TriggerAgent",
               "Agents::PostAgent"]
AGENT_NAMES = ["XKCD Source", "Weather Forecast", "Rain Notifier", "Morning Digest",
               "HN front page", "Price watcher", "Location updates", "Twitter mentions",
               "Send SMS", "Webhook to Slack", "Release notes", "Trigger on keyword"]


def _agent_type(c):  # type: ignore[no-untyped-def]
    return c.row["_type"]  # chosen with the options, which come first


def _options(c):  # type: ignore[no-untyped-def]
    t = c.row["_type"] = c.rng.choice(AGENT_TYPES)
    p = new_person(c)
    if t == "Agents::EmailDigestAgent" or t == "Agents::EmailAgent":
        return {"subject": "Huginn digest", "expected_receive_period_in_days": "2",
                "recipients": [p["email"]] if c.rng.random() < 0.6 else []}
    if t == "Agents::TwilioAgent":
        return {"account_sid": "AC" + G["token"](_p(c, n=32, style="hex")),
                "auth_token": "{% credential twilio_auth_token %}",
                "sender_cell": G["phone"](c), "receiver_cell": G["phone"](c),
                "expected_receive_period_in_days": "1"}
    if t == "Agents::WeatherAgent":
        return {"location": c.rng.choice(["94103", "London", "Berlin,DE", "60601"]),
                "api_key": G["token"](_p(c, n=32, style="hex")), "which_day": "1"}
    if t == "Agents::UserLocationAgent":
        return {"secret": G["token"](_p(c, n=24, style="url")), "max_accuracy": ""}
    if t == "Agents::TwitterStreamAgent":
        return {"filters": [c.rng.choice(["huginn", "rails", "#opensource"]),
                            f"@{p['username']}"], "generate": "events"}
    return {"url": G["url"](c), "mode": "on_change", "type": "html",
            "expected_update_period_in_days": str(c.rng.randint(1, 7)),
            "extract": {"title": {"css": "h1", "value": "string(.)"}}}


def _memory(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.4:
        return "{}"
    if r < 0.7:
        return '{"seen":["' + '","'.join(G["token"](_p(c, n=12, style="hex"))
                                         for _ in range(3)) + '"]}'
    if r < 0.85:
        return '{"last_status":{"ok":true,"checked_at":"2024-03-02T08:00:00Z"}}'
    p = new_person(c)
    return ('{"queue":[{"title":"New follower","message":"' + f"{p['first']} {p['last']}"
            + ' (@' + p["username"] + ') followed you"}]}')


def _payload(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    p = new_person(c)
    if r < 0.25:
        return ('{"title":"' + c.fake("en_US").sentence(nb_words=6).rstrip(".")
                + '","url":"' + G["url"](c) + '"}')
    if r < 0.45:
        return ('{"high":{"celsius":"' + str(c.rng.randint(5, 32)) + '"},"conditions":"'
                + c.rng.choice(["Rain", "Clear", "Snow"]) + '","location":"'
                + c.rng.choice(["94103", "London", "Berlin"]) + '"}')
    if r < 0.65:
        return ('{"text":"@' + p["username"] + " " + c.fake("en_US").sentence(nb_words=8)
                + '","user":{"screen_name":"' + p["username"] + '","name":"'
                + f"{p['first']} {p['last']}" + '"}}')
    if r < 0.8:
        return ('{"from":"' + p["email"] + '","subject":"Re: ' + c.rng.choice(
            ["invoice", "meeting", "dinner on friday"]) + '","body":"Hi, ' + p["first"]
                + ' here"}')
    if r < 0.9:
        return ('{"latitude":"' + f"{G['lat'](c):.6f}" + '","longitude":"'
                + f"{G['lon'](c):.6f}" + '","speed":"0","course":"-1"}')
    return '{"price":"' + f"{c.rng.uniform(5, 500):.2f}" + '","in_stock":true}'


def _lat(c):  # type: ignore[no-untyped-def]
    """A fifth of the events carry a position (user location and weather agents)."""
    return Decimal(f"{G['lat'](c):.10f}") if c.rng.random() < 0.2 else None


def _lng(c):  # type: ignore[no-untyped-def]
    return None if c.row["lat"] is None else Decimal(f"{G['lon'](c):.10f}")


def _log_message(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.2:
        return f"Sent mail to {new_person(c)['email']} with event {c.rng.randint(1, 900)}"
    if r < 0.3:
        return f"Sent SMS to {G['phone'](c)}"
    return c.rng.choice(["Fetching https://xkcd.com", "Storing new result for 'title'",
                         "Checking for updates", "Event emitted", "Error: timeout",
                         "Ignoring unchanged result", "Received 3 events"])


def _handler(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.3:
        p = new_person(c)
        return ("--- !ruby/object:Delayed::PerformableMailer\nobject: !ruby/class "
                "'SystemMailer'\nmethod_name: :send_message\nargs:\n- :to: "
                f"{p['email']}\n  :subject: Your Huginn digest\n  :groups: []\n")
    return ("--- !ruby/object:Delayed::PerformableMethod\nobject: !ruby/class 'Agent'\n"
            f"method_name: :async_check_without_delay\nargs:\n- {c.rng.randint(1, N_AGENTS)}\n")


def _credential_value(c):  # type: ignore[no-untyped-def]
    n = c.row["credential_name"]
    if n.endswith("phone"):
        return G["phone"](c)
    if n.endswith("password"):
        return c.fake("en_US").password(length=14)
    return G["token"](_p(c, n=c.rng.choice([32, 40]), style="hex"))


def _service_options(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.4:
        return None
    p = c.person
    return ('{"user_id":"' + str(c.rng.randint(10**6, 10**9)) + '","info":{"nickname":"'
            + p["username"] + '","name":"' + f"{p['first']} {p['last']}" + '","email":"'
            + p["email"] + '"}}')


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "users", N_USERS,
          col("id", I, pk=True, auto=True),
          col("email", V, "email", unique=True),
          col("encrypted_password", V, lambda c: G["password_hash"](_p(c, style="bcrypt"))),
          col("reset_password_token", V, token_of(20, "url"), null=0.85, unique=True),
          col("reset_password_sent_at", TS, _ts, null=0.85),
          col("remember_created_at", TS, _ts, null=0.5),
          col("sign_in_count", I, "int", lo=0, hi=400, nullable=True),
          col("current_sign_in_at", TS, _ts, null=0.05),
          col("last_sign_in_at", TS, _ts, null=0.05),
          col("current_sign_in_ip", V, "ip", null=0.05),
          col("last_sign_in_ip", V, "ip", null=0.05),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts),
          col("admin", sa.Boolean, "choice", values=[False] * 9 + [True]),
          col("failed_attempts", I, "int", lo=0, hi=3, nullable=True),
          col("unlock_token", V, token_of(20, "url"), null=0.9, unique=True),
          col("locked_at", TS, _ts, null=0.95),
          col("username", V, "username", unique=True),
          col("invitation_code", V, "choice", values=["try-huginn", "try-huginn",
                                                      "friends2014", ""]),
          col("scenario_count", I, "int", lo=0, hi=6))
    table(md, "agents", N_AGENTS,
          col("id", I, pk=True, auto=True),
          col("user_id", I, ref="users.id", nullable=True),
          col("options", T, _options, nullable=True),
          col("type", V, _agent_type, nullable=True),
          col("name", V, lambda c: c.rng.choice(AGENT_NAMES), nullable=True),
          col("schedule", V, "choice", values=["every_1h", "every_12h", "midnight", "8am",
                                               "never", None], nullable=True),
          col("events_count", I, "int", lo=0, hi=5000, nullable=True),
          col("last_check_at", TS, _ts, null=0.2),
          col("last_receive_at", TS, _ts, null=0.4),
          col("last_checked_event_id", I, "int", lo=1, hi=900, null=0.5),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts),
          col("memory", longtext(), _memory, nullable=True),
          col("last_webhook_at", TS, _ts, null=0.9))
    table(md, "events", 900,
          col("id", I, pk=True, auto=True),
          col("user_id", I, ref="users.id", nullable=True),
          col("agent_id", I, ref="agents.id", nullable=True),
          col("lat", sa.Numeric(15, 10), _lat, nullable=True),
          col("lng", sa.Numeric(15, 10), _lng, nullable=True),
          col("payload", mediumtext(), _payload, nullable=True),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts))
    table(md, "links", 150,
          col("id", I, pk=True, auto=True),
          col("source_id", I, ref="agents.id", nullable=True),
          col("receiver_id", I, ref="agents.id", nullable=True),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts))
    table(md, "agent_logs", 500,
          col("id", I, pk=True, auto=True),
          col("agent_id", I, ref="agents.id"),
          col("message", T, _log_message),
          col("level", I, "choice", values=[3, 3, 3, 4]),
          col("inbound_event_id", I, ref="events.id", null=0.6),
          col("outbound_event_id", I, ref="events.id", null=0.6),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts))
    table(md, "delayed_jobs", 120,
          col("id", I, pk=True, auto=True),
          col("priority", I, "choice", values=[0, 0, 5], nullable=True),
          col("attempts", I, "int", lo=0, hi=3, nullable=True),
          col("handler", T, _handler, nullable=True),
          col("last_error", T, lambda c: None if c.rng.random() < 0.8 else
              "Net::ReadTimeout\n/app/app/models/agents/website_agent.rb:312:in `check_url'",
              nullable=True),
          col("run_at", TS, _ts, nullable=True),
          col("locked_at", TS, _ts, null=0.8),
          col("failed_at", TS, _ts, null=0.9),
          col("locked_by", V, lambda c: None if c.rng.random() < 0.8 else
              f"host:huginn-worker-{c.rng.randint(1, 3)} pid:{c.rng.randint(100, 9999)}",
              nullable=True),
          col("queue", V, "choice", values=[None, None, "mailers"], nullable=True),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts))
    table(md, "rails_admin_histories", 80,
          col("id", I, pk=True, auto=True),
          col("message", T, "choice", values=["changed admin", "changed name", "new",
                                              "delete", "changed options"], nullable=True),
          col("username", V, "username", nullable=True),
          col("item", I, "int", lo=1, hi=N_AGENTS, nullable=True),
          col("table", V, "choice", values=["Agent", "User", "Event"], nullable=True),
          col("month", sa.SmallInteger, "int", lo=1, hi=12, nullable=True),
          col("year", sa.BigInteger, "int", lo=2013, hi=2025, nullable=True),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts))
    table(md, "user_credentials", 90,
          col("id", I, pk=True, auto=True),
          col("user_id", I, ref="users.id"),
          col("credential_name", V, "choice", values=[
              "twilio_auth_token", "pushover_token", "slack_webhook_token", "my_phone",
              "imap_password", "openai_api_key", "weather_api_key"]),
          col("credential_value", T, _credential_value),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts),
          sa.UniqueConstraint("user_id", "credential_name"))
    table(md, "services", 50,
          col("id", I, pk=True, auto=True),
          col("user_id", I, ref="users.id", nullable=True),
          col("provider", V, "choice", values=["twitter", "github", "37signals", "tumblr",
                                               "dropbox"], nullable=True),
          col("name", V, lambda c: c.person["username"] if c.rng.random() < 0.7 else
              c.person["email"], nullable=True),
          col("token", T, token_of(50, "url"), nullable=True),
          col("secret", T, token_of(45, "url"), null=0.3),
          col("refresh_token", T, token_of(64, "url"), null=0.5),
          col("expires_at", TS, _ts, null=0.5),
          col("global", sa.Boolean, "choice", values=[False, False, False, True],
              nullable=True),
          col("options", T, _service_options, nullable=True),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts))
    table(md, "scenarios", 40,
          col("id", I, pk=True, auto=True),
          col("name", V, "choice", values=["Weather alerts", "Daily digest", "Price tracking",
                                           "Social mentions", "Commute", "Home automation"]),
          col("user_id", I, ref="users.id"),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts))
    return md
