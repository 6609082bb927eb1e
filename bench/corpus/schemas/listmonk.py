"""listmonk (newsletter and mailing-list manager, Go, PostgreSQL): a held-out schema (issue
#10), labelled before any scan and never tuned on. The tables as ``schema.sql`` creates
them: all 16 tables, all their columns, declared foreign keys as declared (``roles``'s
self reference generated as values). PostgreSQL types where listmonk uses them: ``uuid``,
``jsonb``, ``VARCHAR(100)[]``/``TEXT[]`` (JSON elsewhere), ``timestamptz``; its
PostgreSQL enum types are ``VARCHAR`` here (``ENUM`` on MariaDB); ``TEXT UNIQUE`` columns
are ``VARCHAR(255)`` on MariaDB.

Tables: subscribers (e-mail, name, free-form ``jsonb`` attributes with city, phone,
company, birthday or plan in part), lists, subscriber_lists (``meta`` with the opt-in IP
address and time in part), templates, campaigns (HTML bodies with template tags, headers,
archive metadata), campaign_lists, campaign_views and link_clicks (per-subscriber
tracking), media, campaign_media, links, settings (``jsonb`` values: SMTP and bounce
mailbox settings, notification e-mails), bounces (``jsonb`` provider payloads naming the
bounced address), roles, users (the admin users: user name, bcrypt hash, e-mail, name,
TOTP key) and sessions (session ids and ``jsonb`` data with the user id).
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from ..gen import GENERATORS as G
from ..gen import col, datetimes, enum, jsonb, new_person, table, token_of
from ..gen import with_params as _p

SOURCE = {"repo": "knadh/listmonk", "path": "schema.sql",
          "commit": "911e0b774abad4fbf7b534be43a34a80fb6ace5b"}
PERSON_TABLES = ("subscribers", "users")

I = sa.Integer  # noqa: E741
BI = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
T = sa.Text
B = sa.Boolean
TZ = sa.DateTime(timezone=True)
U = sa.Uuid

N_SUB = 300
N_CAMP = 30

_ts = datetimes(2020, 2025)


def utext() -> sa.types.TypeEngine:  # type: ignore[type-arg]
    """``TEXT`` (``VARCHAR(255)`` on MariaDB, where a unique key needs a length)."""
    return sa.Text().with_variant(sa.String(255), "mysql", "mariadb")


def text_array(item: sa.types.TypeEngine) -> sa.types.TypeEngine:  # type: ignore[type-arg]
    """PostgreSQL array; JSON elsewhere."""
    return sa.JSON(none_as_null=True).with_variant(postgresql.ARRAY(item), "postgresql")


def _attribs(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    d: dict[str, object] = {}
    if r < 0.35:
        return d
    if c.rng.random() < 0.4:
        d["city"] = G["city"](c)
    if c.rng.random() < 0.2:
        d["phone"] = G["phone"](c)
    if c.rng.random() < 0.3:
        d["company"] = G["company"](c)
    if c.rng.random() < 0.15:
        d["birthday"] = str(c.person["born"])
    if c.rng.random() < 0.4:
        d["plan"] = c.rng.choice(["free", "pro", "team"])
    if c.rng.random() < 0.2:
        d["projects"] = c.rng.randint(0, 12)
        d["stack"] = {"languages": c.rng.sample(["go", "python", "rust", "js"], 2)}
    return d


def _sub_meta(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.65:
        return {}
    return {"optin_ip": G["ip"](c), "optin_time": str(G["datetime"](c))}


def _headers(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.7:
        return []
    return [{"X-Campaign": G["slug"](c)}, {"Reply-To": "news@updates.example.com"}]


def _body(c):  # type: ignore[no-untyped-def]
    return c.rng.choice([
        "<p>Hi {{ .Subscriber.FirstName }},</p><p>Here is what is new this month.</p>",
        "<h1>Release 2.4</h1><p>Faster imports and a new editor.</p>"
        "<p><a href=\"{{ UnsubscribeURL }}\">Unsubscribe</a></p>",
        "<p>Dear {{ .Subscriber.Name }},</p><p>Your plan renews soon.</p>{{ TrackView }}",
        "<p>Our spring sale starts today.</p>",
    ])


def _bounce_meta(c):  # type: ignore[no-untyped-def]
    p = new_person(c)
    r = c.rng.random()
    if r < 0.3:
        return {}
    if r < 0.7:
        return {"notificationType": "Bounce",
                "bounce": {"bounceType": "Permanent",
                           "bouncedRecipients": [{"emailAddress": p["email"],
                                                  "diagnosticCode": "smtp; 550 5.1.1 user "
                                                                    "unknown"}]},
                "mail": {"source": "news@updates.example.com"}}
    return {"email": p["email"], "reason": c.rng.choice(["mailbox full", "550 No such user"]),
            "mailbox": "bounces@updates.example.com"}


_SETTINGS = [
    ("app.site_name", "Acme Updates"), ("app.root_url", "https://lists.example.com"),
    ("app.favicon_url", ""), ("app.from_email", "Acme <news@updates.example.com>"),
    ("app.logo_url", ""), ("app.concurrency", 10), ("app.message_rate", 10),
    ("app.batch_size", 1000), ("app.max_send_errors", 1000),
    ("app.message_sliding_window", False), ("app.cache_slow_queries", False),
    ("app.enable_public_archive", True), ("app.enable_public_subscription_page", True),
    ("app.send_optin_confirmation", True), ("app.check_updates", True),
    ("app.notify_emails", "@notify"), ("app.lang", "en"),
    ("privacy.individual_tracking", True), ("privacy.disable_tracking", False),
    ("privacy.unsubscribe_header", True), ("privacy.allow_blocklist", True),
    ("privacy.allow_export", True), ("privacy.allow_wipe", True),
    ("privacy.record_optin_ip", True),
    ("privacy.exportable", ["profile", "subscriptions", "campaign_views", "link_clicks"]),
    ("privacy.domain_blocklist", ["mailinator.com"]),
    ("security.captcha", {"hcaptcha": {"enabled": False, "key": "", "secret": ""}}),
    ("upload.provider", "filesystem"), ("upload.max_file_size", 5000),
    ("upload.filesystem.upload_path", "uploads"), ("upload.s3.aws_default_region", "eu-west-1"),
    ("smtp", "@smtp"), ("messengers", []), ("bounce.enabled", True),
    ("bounce.actions", {"soft": {"count": 2, "action": "none"},
                        "hard": {"count": 1, "action": "blocklist"}}),
    ("bounce.mailboxes", [{"enabled": False, "type": "pop", "host": "pop.example.com",
                           "port": 995, "username": "bounces@updates.example.com",
                           "password": "@secret"}]),
    ("appearance.admin.custom_css", ""), ("appearance.public.custom_css", ""),
    ("maintenance.db", {"vacuum": False, "vacuum_cron_interval": "0 2 * * *"}),
]


def _setting_value(c):  # type: ignore[no-untyped-def]
    v = _SETTINGS[c.index][1]
    if v == "@notify":
        return [new_person(c)["email"], "ops@example.com"]
    if v == "@smtp":
        return [{"enabled": True, "host": "smtp.mailgun.org", "port": 587,
                 "auth_protocol": "login", "username": "postmaster@mg.example.com",
                 "password": G["token"](_p(c, n=40, style="hex")), "max_conns": 10,
                 "tls_type": "STARTTLS"}]
    if isinstance(v, list) and v and isinstance(v[0], dict):
        return [dict(v[0], password=G["token"](_p(c, n=16, style="url")))]
    return v


_CAMPAIGN_NAMES = ["Newsletter", "Launch", "Webinar invite", "Survey"]


def _session_data(c):  # type: ignore[no-untyped-def]
    return {"user_id": c.rng.randint(1, 12)}


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "subscribers", N_SUB,
          col("id", I, pk=True, auto=True),
          col("uuid", U, "uuid", unique=True, nullable=False),
          col("email", utext(), "email", unique=True, nullable=False),
          col("name", T, lambda c: c.rng.choice([f"{c.person['first']} {c.person['last']}",
                                                 c.person["first"], c.person["email"]
                                                 .split("@")[0]]), nullable=False),
          col("attribs", jsonb(), _attribs, nullable=False),
          col("status", enum("enabled", "disabled", "blocklisted"), "choice",
              values=["enabled", "enabled", "enabled", "disabled", "blocklisted"],
              nullable=False),
          col("created_at", TZ, _ts, nullable=True),
          col("updated_at", TZ, _ts, nullable=True))
    table(md, "lists", 8,
          col("id", I, pk=True, auto=True),
          col("uuid", U, "uuid", unique=True, nullable=False),
          col("name", T, lambda c: ["Monthly newsletter", "Product updates", "Beta testers",
                                    "Newsletter DE", "Events Berlin", "Opt-in test",
                                    "Customers 2024", "Webinar attendees"][c.index],
              nullable=False),
          col("type", enum("public", "private", "temporary"), "choice",
              values=["public", "private"], nullable=False),
          col("optin", enum("single", "double"), "choice", values=["single", "double"],
              nullable=False),
          col("status", enum("active", "archived"), "choice", values=["active", "archived"],
              nullable=False),
          col("tags", text_array(sa.String(100)), lambda c: c.rng.sample(
              ["marketing", "product", "de", "events", "internal"], c.rng.randint(0, 2)),
              nullable=True),
          col("description", T, "lorem", words=8, empty=0.4, nullable=False),
          col("created_at", TZ, _ts, nullable=True),
          col("updated_at", TZ, _ts, nullable=True))
    table(md, "subscriber_lists", 500,
          col("subscriber_id", I, fk="subscribers.id", nullable=False),
          col("list_id", I, fk="lists.id", nullable=False),
          col("meta", jsonb(), _sub_meta, nullable=False),
          col("status", enum("unconfirmed", "confirmed", "unsubscribed"), "choice",
              values=["unconfirmed", "confirmed", "confirmed", "unsubscribed"],
              nullable=False),
          col("created_at", TZ, _ts, nullable=True),
          col("updated_at", TZ, _ts, nullable=True),
          sa.PrimaryKeyConstraint("subscriber_id", "list_id"))
    table(md, "templates", 4,
          col("id", I, pk=True, auto=True),
          col("name", T, lambda c: ["Default campaign template", "Default archive template",
                                    "Sample transactional template", "Visual"][c.index],
              nullable=False),
          col("type", enum("campaign", "campaign_visual", "tx"), lambda c: [
              "campaign", "campaign", "tx", "campaign_visual"][c.index], nullable=False),
          col("subject", T, lambda c: ["", "", "Welcome {{ .Subscriber.FirstName }}", ""][
              c.index], nullable=False),
          col("body", T, lambda c: "<html><body>{{ template \"content\" . }}</body></html>",
              nullable=False),
          col("body_source", T, lambda c: '{"blocks": []}', null=0.7),
          col("is_default", B, lambda c: c.index == 0, nullable=False))
    table(md, "campaigns", N_CAMP,
          col("id", I, pk=True, auto=True),
          col("uuid", U, "uuid", unique=True, nullable=False),
          col("name", T, lambda c: f"{c.rng.choice(_CAMPAIGN_NAMES)}"
              f" {c.rng.randint(2021, 2025)}-{c.rng.randint(1, 12):02d}", nullable=False),
          col("subject", T, "choice", values=["What's new in {{ Date \"January\" }}",
                                              "Hi {{ .Subscriber.FirstName }}, your update",
                                              "Join our webinar", "We value your feedback"],
              nullable=False),
          col("from_email", T, "choice", values=["Acme <news@updates.example.com>",
                                                 "Acme Team <team@example.com>"],
              nullable=False),
          col("body", T, _body, nullable=False),
          col("body_source", T, lambda c: None, nullable=True),
          col("altbody", T, "lorem", words=20, null=0.7),
          col("content_type", enum("richtext", "html", "plain", "markdown", "visual"), "choice",
              values=["richtext", "html", "markdown"], nullable=False),
          col("send_at", TZ, _ts, null=0.5),
          col("headers", jsonb(), _headers, nullable=False),
          col("attribs", jsonb(), lambda c: {}, nullable=False),
          col("status", enum("draft", "running", "scheduled", "paused", "cancelled", "finished"),
              "choice", values=["draft", "finished", "finished", "scheduled", "cancelled"],
              nullable=False),
          col("tags", text_array(sa.String(100)), lambda c: c.rng.sample(
              ["monthly", "launch", "de", "survey"], c.rng.randint(0, 2)), nullable=True),
          col("type", enum("regular", "optin"), "choice", values=["regular", "regular", "optin"],
              nullable=True),
          col("messenger", T, "choice", values=["email", "email", "sms-postback"],
              nullable=False),
          col("template_id", I, fk="templates.id", null=0.1),
          col("to_send", I, "int", lo=0, hi=300, nullable=False),
          col("sent", I, "int", lo=0, hi=300, nullable=False),
          col("max_subscriber_id", I, "int", lo=0, hi=N_SUB, nullable=False),
          col("last_subscriber_id", I, "int", lo=0, hi=N_SUB, nullable=False),
          col("archive", B, "bool", nullable=False),
          col("archive_slug", utext(), "slug", unique=True, null=0.6),
          col("archive_template_id", I, fk="templates.id", null=0.6),
          col("archive_meta", jsonb(), lambda c: {"email": "email@domain.com",
                                                   "name": "Subscriber", "attribs": {}},
              nullable=False),
          col("started_at", TZ, _ts, null=0.4),
          col("created_at", TZ, _ts, nullable=True),
          col("updated_at", TZ, _ts, nullable=True))
    table(md, "campaign_lists", 45,
          col("id", BI, pk=True, auto=True),
          col("campaign_id", I, fk="campaigns.id", nullable=False),
          col("list_id", I, fk="lists.id", null=0.1),
          col("list_name", T, "choice", values=["Monthly newsletter", "Product updates",
                                                "Beta testers"], nullable=False),
          sa.UniqueConstraint("campaign_id", "list_id"))
    table(md, "campaign_views", 600,
          col("id", BI, pk=True, auto=True),
          col("campaign_id", I, fk="campaigns.id", nullable=False),
          col("subscriber_id", I, fk="subscribers.id", null=0.2),
          col("created_at", TZ, _ts, nullable=True))
    table(md, "media", 20,
          col("id", I, pk=True, auto=True),
          col("uuid", U, "uuid", unique=True, nullable=False),
          col("provider", T, "choice", values=["filesystem", "s3"], nullable=False),
          col("filename", T, lambda c: f"{c.rng.choice(['banner', 'logo', 'header', 'promo'])}"
              f"-{c.rng.randint(1, 99)}.{c.rng.choice(['png', 'jpg'])}", nullable=False),
          col("content_type", T, "choice", values=["image/png", "image/jpeg"], nullable=False),
          col("thumb", T, lambda c: f"thumb_{c.row['filename']}", nullable=False),
          col("meta", jsonb(), lambda c: {"width": c.rng.randint(200, 1600),
                                          "height": c.rng.randint(100, 900)},
              nullable=False),
          col("created_at", TZ, _ts, nullable=True))
    table(md, "campaign_media", 25,
          col("campaign_id", I, fk="campaigns.id", nullable=True),
          col("media_id", I, fk="media.id", null=0.1),
          col("filename", T, "choice", values=["banner-3.png", "logo-1.png", ""],
              nullable=False),
          sa.UniqueConstraint("campaign_id", "media_id"))
    table(md, "links", 40,
          col("id", I, pk=True, auto=True),
          col("uuid", U, "uuid", unique=True, nullable=False),
          col("url", utext(), "url", unique=True, nullable=False),
          col("created_at", TZ, _ts, nullable=True))
    table(md, "link_clicks", 500,
          col("id", BI, pk=True, auto=True),
          col("campaign_id", I, fk="campaigns.id", null=0.05),
          col("link_id", I, fk="links.id", nullable=False),
          col("subscriber_id", I, fk="subscribers.id", null=0.2),
          col("created_at", TZ, _ts, nullable=True))
    table(md, "settings", len(_SETTINGS),
          col("key", utext(), lambda c: _SETTINGS[c.index][0], unique=True, nullable=False),
          col("value", jsonb(), _setting_value, nullable=False),
          col("updated_at", TZ, _ts, nullable=True))
    table(md, "bounces", 60,
          col("id", I, pk=True, auto=True),
          col("subscriber_id", I, fk="subscribers.id", nullable=False),
          col("campaign_id", I, fk="campaigns.id", null=0.2),
          col("type", enum("soft", "hard", "complaint"), "choice",
              values=["soft", "hard", "complaint"], nullable=False),
          col("source", T, "choice", values=["ses", "sendgrid", "pop", "api", ""],
              nullable=False),
          col("meta", jsonb(), _bounce_meta, nullable=False),
          col("created_at", TZ, _ts, nullable=True))
    table(md, "roles", 6,
          col("id", I, pk=True, auto=True),
          col("type", enum("user", "list"), lambda c: "user" if c.index < 3 else "list",
              nullable=False),
          col("parent_id", I, lambda c: None if c.index < 4 else 4, nullable=True),
          col("list_id", I, fk="lists.id", null=0.5),
          col("permissions", text_array(sa.Text), lambda c: c.rng.sample(
              ["subscribers:get", "subscribers:manage", "campaigns:get", "campaigns:manage",
               "lists:get_all", "settings:get", "list:get", "list:manage"],
              c.rng.randint(1, 4)), nullable=False),
          col("name", T, lambda c: ["Super Admin", "Editor", "Viewer", "List managers",
                                    None, None][c.index], nullable=True),
          col("created_at", TZ, _ts, nullable=True),
          col("updated_at", TZ, _ts, nullable=True))
    table(md, "users", 12,
          col("id", I, pk=True, auto=True),
          col("username", utext(), lambda c: c.person["username"] if c.index else "admin",
              unique=True, nullable=False),
          col("password_login", B, "bool", nullable=False),
          col("password", T, "password_hash", style="bcrypt", null=0.2),
          col("email", utext(), "email", unique=True, nullable=False),
          col("name", T, "full_name", nullable=False),
          col("avatar", T, lambda c: f"uploads/avatar-{G['uuid_str'](c)}.png", null=0.7),
          col("type", enum("user", "api"), "choice", values=["user", "user", "api"],
              nullable=False),
          col("user_role_id", I, fk="roles.id", nullable=False),
          col("list_role_id", I, fk="roles.id", null=0.6),
          col("status", enum("enabled", "disabled"), "choice", values=["enabled", "disabled"],
              nullable=False),
          col("twofa_type", enum("none", "totp"), "choice", values=["none", "none", "totp"],
              nullable=False),
          col("twofa_key", T, token_of(32, "url"), null=0.7),
          col("loggedin_at", TZ, _ts, null=0.2),
          col("created_at", TZ, _ts, nullable=True),
          col("updated_at", TZ, _ts, nullable=True))
    table(md, "sessions", 30,
          col("id", utext(), token_of(32, "url"), pk=True),
          col("data", jsonb(), _session_data, nullable=False),
          col("created_at", sa.DateTime, _ts, nullable=False))
    return md
