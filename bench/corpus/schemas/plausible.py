"""Plausible Analytics (privacy-friendly web analytics, Elixir and Ecto, PostgreSQL; visit
data itself lives in ClickHouse and is not part of this schema): a held-out schema
(issue #10), labelled before any scan and never tuned on. The PostgreSQL tables as the
Ecto migrations in ``priv/repo/migrations`` and the Ecto schemas in ``lib/plausible`` leave
them: 14 tables (users, teams and their members and invitations, sites, user sessions, API
keys, the Google Search Console link, shared links, Paddle subscriptions, weekly report
recipients, the e-mail verification code pool, the daily salts and Oban's job queue).

Ecto's conventions: ``bigserial`` ids, ``references`` as declared foreign keys, ``:string``
varchar(255), ``:text`` text, ``:binary`` bytea, ``:naive_datetime`` timestamp(0) without
time zone, ``timestamps()`` as ``inserted_at``/``updated_at``, embedded schemas as
``jsonb``, ``Ecto.Enum`` as varchar; ``users.email`` is ``citext`` in the migrations (a
varchar here). PostgreSQL array columns (``sites.allowed_event_props``,
``api_keys.scopes``, Oban's ``errors``, ``tags`` and ``attempted_by``) are left out.
Columns that point at tables not included (``users.sso_integration_id``) are values. The
stored ``site/weekly_report.ex`` is an older version with one ``email`` per site (later a
``recipients`` array); the others are recent. Commits of every file read in ``SOURCES``.
``oban_jobs`` is created by ``Oban.Migrations.up()`` (migration ``20200529071028``); its
columns as Oban's migrations leave them.

Values: e-mail addresses in mixed case, names in many scripts, Argon2/bcrypt password
hashes, encrypted TOTP secrets (bytea), TOTP recovery tokens, 32-byte session tokens
(bytea), SHA-256 API key hashes with the key's first six characters, Google OAuth access and
refresh tokens, Paddle update/cancel URLs carrying a signed hash, team names derived from
the owner's name ("Ana's team"), CRM notes, Oban job arguments carrying recipients'
e-mail addresses.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from ..gen import GENERATORS as G
from ..gen import col, datetimes, jsonb, new_person, table, token_of
from ..gen import with_params as _p

SOURCE = {"repo": "plausible/analytics",
          "path": "priv/repo/migrations/*.exs; lib/plausible/{auth/user,auth/user_session,"
                  "auth/api_key,site,teams/team,teams/membership,teams/invitation,"
                  "site/google_auth,site/shared_link,site/weekly_report,"
                  "billing/subscription}.ex",
          "commit": "03c96f1f3921d1e17e015be2b7d2c3e4cc72a0aa"}
# every file read, at the commit the stored index holds it
SOURCES = {
    "lib/plausible/auth/user.ex": "03c96f1f3921d1e17e015be2b7d2c3e4cc72a0aa",
    "lib/plausible/auth/user_session.ex": "009a6891bfdbaf05ba794af2844e135b0e315321",
    "lib/plausible/auth/api_key.ex": "009a6891bfdbaf05ba794af2844e135b0e315321",
    "lib/plausible/site.ex": "03b495038e2af9644605ad1ea1765fd64d6818fc",
    "lib/plausible/teams/team.ex": "0116bee63a1dc39ca8bd940d6e7496aa8540c9db",
    "lib/plausible/teams/membership.ex": "0d35a261cc0102a08ee3738338f4ef7556f82b9b",
    "lib/plausible/teams/invitation.ex": "530cf6473b9bd75cf01bbf022a10cb3124c3bc73",
    "lib/plausible/site/google_auth.ex": "0d968500cee809cb01bb645aae9ac8598a46b3b9",
    "lib/plausible/site/shared_link.ex": "04739329904f5145e9fd4d760c4a43d499ed60e9",
    "lib/plausible/site/weekly_report.ex": "17e4dc96ef917c7c6b897a0c2d233e68101f3917",
    "lib/plausible/billing/subscription.ex": "022a7860d3d5a7aede02a92242d8dc95fa8db126",
    "priv/repo/migrations/20190109173917_create_sites.exs":
        "1142084140637368edc2d0c8e2852f5d67bcc0dd",
    "priv/repo/migrations/20210128084657_create_api_keys.exs":
        "2efa83698471e592273c6ad43c4bef73cbe73fe7",
    "priv/repo/migrations/20201130083829_add_email_verification_codes.exs":
        "0fe25d0780c69e0763d828808494336a73d16577",
    "priv/repo/migrations/20200619071221_create_salts_table.exs":
        "9ae62bb821bc4fe0c6d49eab5e881a49574d065d",
    "priv/repo/migrations/20200529071028_add_oban_jobs_table.exs":
        "cc2dcba29174a4b53455427299c3fd25d4e5b559",
}
PERSON_TABLES = ("users",)

BI = sa.BigInteger
I = sa.Integer  # noqa: E741
V = sa.String(255)
T = sa.Text
B = sa.Boolean
TS = sa.DateTime
D = sa.Date

N_USERS = 150
_ts = datetimes(2019, 2025)
DOMAINS = ["shop.example.com", "blog.example.org", "docs.example.net", "app.example.io",
           "kaffeerösterei.example", "studio-hana.example.jp", "www.example.de",
           "news.example.fr", "status.example.com", "example.co.uk"]


def _bytea() -> sa.types.TypeEngine:  # type: ignore[type-arg]
    return sa.LargeBinary().with_variant(postgresql.BYTEA(), "postgresql")


def _email(c):  # type: ignore[no-untyped-def]
    e = c.person["email"]
    return e if c.rng.random() < 0.9 else e.upper() if c.rng.random() < 0.5 else e.title()


def _pw(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.05:
        return None
    if c.rng.random() < 0.7:
        return (f"$argon2id$v=19$m=65536,t=3,p=4${G['token'](_p(c, n=22, style='b64'))}"
                f"${G['token'](_p(c, n=43, style='url'))}")
    return G["password_hash"](_p(c, style="bcrypt12"))


def _enc(c):  # type: ignore[no-untyped-def]
    """Cloak-style AES-GCM ciphertext: tag byte, key tag, IV, tag, encrypted secret."""
    return b"\x01\nAES.GCM.V1" + bytes(c.rng.getrandbits(8) for _ in range(60))


def _user_notes(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.8:
        return None
    if r < 0.9:
        return f"Agency account, billing contact {new_person(c)['first']} ({G['phone'](c)})"
    return c.rng.choice(["Enterprise trial extended", "Migrated from GA4", "VIP"])


def _team_name(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.35:
        return "My Personal Sites"
    if r < 0.75:
        return f"{c.person['first'][:43]}'s team"
    return c.rng.choice([G["company"](c), "Marketing", "Web Team", "Growth"])


def _policy(c):  # type: ignore[no-untyped-def]
    return {"sso_user_roles": c.rng.choice(["viewer", "editor"]),
            "force_sso": c.rng.choice(["none", "all_but_owners"]),
            "sso_default_role": "viewer", "sso_session_timeout_minutes": 360}


def _grace(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.85:
        return None
    return {"id": G["uuid_str"](c), "end_date": G["date"](c).isoformat(),
            "is_over": c.rng.random() < 0.5, "manual_lock": False}


def _imported(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.8:
        return None
    return {"start_date": "2019-03-01", "end_date": "2023-06-30", "source": "Google Analytics",
            "status": "ok"}


def _device(c):  # type: ignore[no-untyped-def]
    return c.rng.choice(["Chrome (Mac)", "Firefox (Linux)", "Safari (iOS)",
                         "Chrome (Windows)", "Edge (Windows)", "Unknown"])


def _paddle_url(kind: str):  # type: ignore[no-untyped-def]
    def g(c):  # type: ignore[no-untyped-def]
        return (f"https://checkout.paddle.com/subscription/{kind}"
                f"?user={c.rng.randint(10**6, 10**7)}"
                f"&subscription={c.rng.randint(10**6, 10**7)}"
                f"&hash={G['token'](_p(c, n=40, style='hex'))}")
    return g


def _oban_args(c):  # type: ignore[no-untyped-def]
    w = c.row["worker"]
    if w == "Plausible.Workers.SendEmailReport":
        return {"site_id": c.rng.randint(1, 120), "interval": c.rng.choice(["weekly", "monthly"])}
    if w == "Plausible.Workers.SendSiteSetupEmails":
        return {}
    if w == "Plausible.Workers.ImportAnalytics":
        return {"import_id": c.rng.randint(1, 300), "access_token": G["token"](
            _p(c, n=40, style="url")), "property": "properties/31415926"}
    p = new_person(c)
    return {"email": p["email"], "name": p["first"],
            "template": c.rng.choice(["welcome", "trial_ending", "invitation"])}


def _oban_meta(c):  # type: ignore[no-untyped-def]
    return {} if c.rng.random() < 0.7 else {"uniq_key": c.rng.randint(10**6, 10**8)}


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "users", N_USERS,
          col("id", BI, pk=True, auto=True),
          col("email", V, _email, unique=True),
          col("password_hash", V, _pw, nullable=True),
          col("name", V, lambda c: G["full_name"](c) if c.rng.random() < 0.85 else
              c.person["first"], nullable=True),
          col("last_seen", TS, _ts, null=0.1),
          col("theme", V, "choice", values=["system", "system", "light", "dark"],
              nullable=True),
          col("email_verified", B, "choice", values=[True, True, True, False]),
          col("previous_email", V, "email", null=0.9),
          col("notes", T, _user_notes, nullable=True),
          col("totp_enabled", B, lambda c: c.rng.random() < 0.2),
          col("totp_secret", _bytea(), lambda c: _enc(c) if c.row["totp_enabled"] else None,
              nullable=True),
          col("totp_token", V, lambda c: G["token"](_p(c, n=32, style="url"))
              if c.row["totp_enabled"] else None, nullable=True),
          col("totp_last_used_at", TS, lambda c: G["datetime"](c) if c.row["totp_enabled"]
              else None, nullable=True),
          col("type", V, "choice", values=["standard"] * 9 + ["sso"], nullable=True),
          col("sso_identity_id", V, lambda c: G["uuid_str"](c) if c.row["type"] == "sso"
              else None, nullable=True),
          col("last_sso_login", TS, lambda c: G["datetime"](c) if c.row["type"] == "sso"
              else None, nullable=True),
          col("sso_integration_id", BI, lambda c: c.rng.randint(1, 3) if c.row["type"] == "sso"
              else None, nullable=True),
          col("trial_expiry_date", D, "date", start=2020, end=2026, null=0.2),
          col("inserted_at", TS, _ts),
          col("updated_at", TS, _ts))
    table(md, "teams", 110,
          col("id", BI, pk=True, auto=True),
          col("identifier", sa.Uuid, "uuid", unique=True, null=0.02),
          col("name", V, _team_name),
          col("trial_expiry_date", D, "date", start=2020, end=2026, null=0.1),
          col("accept_traffic_until", D, "date", start=2020, end=2026, null=0.1),
          col("allow_next_upgrade_override", B, "choice", values=[False, False, True]),
          col("locked", B, "choice", values=[False] * 9 + [True]),
          col("setup_complete", B, "choice", values=[True, True, False]),
          col("setup_at", TS, _ts, null=0.3),
          col("hourly_api_request_limit", I, "choice", values=[600, 600, 1_000_000]),
          col("notes", T, _user_notes, nullable=True),
          col("policy", jsonb(), _policy, null=0.1),
          col("grace_period", jsonb(), _grace, nullable=True),
          col("inserted_at", TS, _ts),
          col("updated_at", TS, _ts))
    table(md, "team_memberships", 220,
          col("id", BI, pk=True, auto=True),
          col("role", V, "choice", values=["owner", "owner", "admin", "editor", "viewer",
                                           "guest", "billing"]),
          col("user_id", BI, fk="users.id"),
          col("team_id", BI, fk="teams.id"),
          col("inserted_at", TS, _ts),
          col("updated_at", TS, _ts),
          sa.UniqueConstraint("team_id", "user_id"))
    table(md, "team_invitations", 60,
          col("id", BI, pk=True, auto=True),
          col("invitation_id", V, token_of(21, "url"), unique=True, nullable=True),
          col("email", V, "email"),
          col("role", V, "choice", values=["viewer", "editor", "admin", "guest"]),
          col("inviter_id", BI, fk="users.id"),
          col("team_id", BI, fk="teams.id"),
          col("inserted_at", TS, _ts),
          col("updated_at", TS, _ts))
    table(md, "sites", 140,
          col("id", BI, pk=True, auto=True),
          col("domain", V, lambda c: c.rng.choice(DOMAINS) if c.rng.random() < 0.3 else
              c.fake("en_US").domain_name(), unique=True),
          col("timezone", V, "timezone"),
          col("public", B, "choice", values=[False, False, False, True]),
          col("stats_start_date", D, "date", null=0.2),
          col("native_stats_start_at", TS, _ts, null=0.1),
          col("conversions_enabled", B, "choice", values=[True, True, False]),
          col("props_enabled", B, "choice", values=[True, True, False]),
          col("funnels_enabled", B, "choice", values=[True, True, False]),
          col("legacy_time_on_page_cutoff", D, lambda c: dt.date(1970, 1, 1), nullable=True),
          col("consolidated", B, "choice", values=[False] * 9 + [True]),
          col("ingest_rate_limit_scale_seconds", I, "choice", values=[60]),
          col("ingest_rate_limit_threshold", I, "choice", values=[None, None, 1000, 50000],
              nullable=True),
          col("domain_changed_from", V, lambda c: None if c.rng.random() < 0.9 else
              c.fake("en_US").domain_name(), nullable=True),
          col("domain_changed_at", TS, lambda c: None if c.row["domain_changed_from"] is None
              else G["datetime"](c), nullable=True),
          col("imported_data", jsonb(), _imported, nullable=True),
          col("team_id", BI, fk="teams.id", null=0.02),
          col("inserted_at", TS, _ts),
          col("updated_at", TS, _ts))
    table(md, "user_sessions", 260,
          col("id", BI, pk=True, auto=True),
          col("token", _bytea(), lambda c: bytes(c.rng.getrandbits(8) for _ in range(32)),
              unique=True),
          col("device", V, _device),
          col("last_used_at", TS, _ts),
          col("timeout_at", TS, _ts),
          col("user_id", BI, fk="users.id"),
          col("inserted_at", TS, _ts))
    table(md, "api_keys", 70,
          col("id", BI, pk=True, auto=True),
          col("name", V, "choice", values=["Zapier", "Default", "Looker Studio", "CI",
                                           "my key", "Grafana dashboard"]),
          col("hourly_request_limit", I, "choice", values=[600, 600, 1_000_000]),
          col("key_hash", V, token_of(64, "hex"), unique=True),
          col("key_prefix", V, token_of(6, "url")),
          col("user_id", BI, fk="users.id"),
          col("inserted_at", TS, _ts),
          col("updated_at", TS, _ts))
    table(md, "google_auth", 35,
          col("id", BI, pk=True, auto=True),
          col("email", V, "email"),
          col("property", V, lambda c: c.rng.choice([None, f"sc-domain:{c.rng.choice(DOMAINS)}",
                                                    f"https://{c.rng.choice(DOMAINS)}/"]),
              nullable=True),
          col("refresh_token", V, lambda c: f"1//0{G['token'](_p(c, n=100, style='url'))}"),
          col("access_token", V, lambda c: f"ya29.{G['token'](_p(c, n=160, style='url'))}"),
          col("expires", TS, _ts),
          col("user_id", BI, fk="users.id"),
          col("site_id", BI, fk="sites.id", unique=True),
          col("inserted_at", TS, _ts),
          col("updated_at", TS, _ts))
    table(md, "shared_links", 50,
          col("id", BI, pk=True, auto=True),
          col("site_id", BI, fk="sites.id"),
          col("name", V, "choice", values=["Shared Link", "Board", "Client dashboard",
                                           "Public stats", "WordPress - Shared Dashboard"]),
          col("slug", V, token_of(22, "url"), unique=True),
          col("password_hash", V, lambda c: None if c.rng.random() < 0.7 else
              G["password_hash"](_p(c, style="bcrypt12")), nullable=True),
          col("inserted_at", TS, _ts),
          col("updated_at", TS, _ts),
          sa.UniqueConstraint("site_id", "name"))
    table(md, "subscriptions", 60,
          col("id", BI, pk=True, auto=True),
          col("paddle_subscription_id", V, lambda c: None if c.rng.random() < 0.1 else
              str(c.rng.randint(10**6, 10**7)), unique=True, nullable=True),
          col("paddle_plan_id", V, "choice", values=["free_10k", "654177", "654178",
                                                     "857097", "857104"]),
          col("update_url", T, _paddle_url("update"), null=0.1),
          col("cancel_url", T, _paddle_url("cancel"), null=0.1),
          col("status", V, "choice", values=["active", "active", "past_due", "deleted",
                                             "paused"]),
          col("next_bill_amount", V, "choice", values=["0", "9.0", "19.0", "69.0", "90.0"]),
          col("next_bill_date", D, "date", null=0.1),
          col("last_bill_date", D, "date", null=0.2),
          col("currency_code", V, "choice", values=["EUR", "USD", "GBP"]),
          col("user_id", BI, fk="users.id", null=0.1),
          col("team_id", BI, fk="teams.id", null=0.05),
          col("inserted_at", TS, _ts),
          col("updated_at", TS, _ts))
    table(md, "weekly_reports", 70,
          col("id", BI, pk=True, auto=True),
          col("email", V, "email"),
          col("site_id", BI, fk="sites.id", unique=True),
          col("inserted_at", TS, _ts),
          col("updated_at", TS, _ts))
    table(md, "email_verification_codes", 300,
          col("code", I, lambda c: 1000 + c.index),
          col("user_id", BI, fk="users.id", null=0.75),
          col("issued_at", TS, lambda c: None if c.row["user_id"] is None else
              G["datetime"](c), nullable=True))
    table(md, "salts", 20,
          col("id", BI, pk=True, auto=True),
          col("salt", _bytea(), lambda c: bytes(c.rng.getrandbits(8) for _ in range(16))),
          col("inserted_at", TS, _ts))
    table(md, "oban_jobs", 250,
          col("id", BI, pk=True, auto=True),
          col("state", V, "choice", values=["completed", "completed", "available",
                                            "scheduled", "retryable", "discarded",
                                            "cancelled"]),
          col("queue", V, "choice", values=["default", "site_setup_emails",
                                            "schedule_email_reports", "send_email_reports",
                                            "analytics_imports", "check_usage"]),
          col("worker", T, "choice", values=["Plausible.Workers.SendEmailReport",
                                             "Plausible.Workers.SendSiteSetupEmails",
                                             "Plausible.Workers.ImportAnalytics",
                                             "Plausible.Workers.SendTrialNotifications",
                                             "PlausibleWeb.Email.Mailer"]),
          col("args", jsonb(), _oban_args),
          col("meta", jsonb(), _oban_meta, nullable=True),
          col("attempt", I, "int", lo=0, hi=3),
          col("max_attempts", I, "choice", values=[20, 20, 5]),
          col("priority", I, "choice", values=[0, 0, 0, 1]),
          col("inserted_at", TS, _ts),
          col("scheduled_at", TS, _ts),
          col("attempted_at", TS, _ts, null=0.2),
          col("completed_at", TS, _ts, null=0.4),
          col("discarded_at", TS, _ts, null=0.9),
          col("cancelled_at", TS, _ts, null=0.9))
    return md

