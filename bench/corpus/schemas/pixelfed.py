"""Pixelfed (federated photo sharing, PHP with Laravel, MySQL): a held-out schema
(issue #10), labelled before any scan and never tuned on. The tables as their
``database/migrations/*create_*.php`` files create them, with the later migrations that
touch ``users`` applied (``profile_id``, two-factor columns, ``status``, ``language``,
``delete_after``, soft deletes, ``last_active_at``, the LDAP ``guid``/``domain``, the
register source with its token and IP, roles) and those of ``profiles`` that drop
``verify_token``, ``secret``, ``salmon_url`` and ``hub_url`` and add ``status`` and soft
deletes; ``statuses``, ``media`` and ``avatars`` with their soft deletes; other later
columns of ``profiles``, ``statuses`` and ``media`` not applied. 17 of its tables; column
subset of ``user_settings``. Pixelfed declares no foreign keys: every reference is
generated as a value without a constraint, as in the original; the four-column unique
index of ``user_devices`` (longer than MariaDB's key limit with ``utf8mb4``) is not
declared.

Tables: users (name, user name, e-mail, bcrypt hash, remember token, TOTP secret and JSON
backup codes, LDAP guid, the app registration token and IP), password resets, sessions,
profiles (local and remote accounts: user name, display name, bio, location, website,
Keybase proof, RSA key pair, remote URL with the user name), statuses (captions with
mentions, rendered HTML, URLs with the user name, entities JSON), media (storage paths),
followers, reports (messages, reporter IP and user agent in JSON), avatars, e-mail
verifications (tokens), the account log (IPs, e-mail changes in JSON), user settings,
direct messages, known devices (IP, user agent, fingerprint, names such as
"<first name>'s iPhone"), remote instances, hashtags and the config cache.
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from sqlalchemy.dialects import mysql

from ..gen import GENERATORS as G
from ..gen import col, datetimes, enum, json_, table, tinyint
from ..gen import with_params as _p

SOURCE = {"repo": "pixelfed/pixelfed",
          "path": "database/migrations/2014_10_12_000000_create_users_table.php",
          "commit": "8aae92d75b4881e5cd6a4e2c83ca52046e5b3d66"}
PERSON_TABLES = ("users", "profiles")

BI = sa.BigInteger().with_variant(mysql.BIGINT(unsigned=True), "mysql", "mariadb") \
    .with_variant(sa.Integer(), "sqlite")
UI = sa.Integer().with_variant(mysql.INTEGER(unsigned=True), "mysql", "mariadb")
I = sa.Integer  # noqa: E741
UTI = tinyint()
T = sa.Text
TS = sa.DateTime
B = sa.Boolean
J = json_()


def S(n: int = 255) -> sa.String:  # noqa: N802
    return sa.String(n)


HOST = "pixelfed.example.social"
REMOTES = ["mastodon.example", "pixelfed.example.de", "photog.example.fr", "misskey.example.jp",
           "social.example.org"]
N_USER = 60
N_PROFILE = 140   # 60 local, 80 remote
N_STATUS = 500


_ts = datetimes(2018, 2025)


def _ts_cols(null: float = 0.0):  # type: ignore[no-untyped-def]
    return [col("created_at", TS, _ts, null=null), col("updated_at", TS, _ts, null=null)]


def _backup_codes(c):  # type: ignore[no-untyped-def]
    if not c.row.get("2fa_enabled"):
        return None
    return [G["token"](_p(c, n=24, style="url")) for _ in range(6)]


def _profile_domain(c):  # type: ignore[no-untyped-def]
    return None if c.index < N_USER else c.rng.choice(REMOTES)


def _profile_user(c):  # type: ignore[no-untyped-def]
    return c.index + 1 if c.index < N_USER else None


def _pem(kind):  # type: ignore[no-untyped-def]
    def gen(c):  # type: ignore[no-untyped-def]
        body = G["token"](_p(c, n=1216 if kind == "PRIVATE" else 300, style="b64"))
        lines = "\n".join(body[i:i + 64] for i in range(0, len(body), 64))
        return f"-----BEGIN {kind} KEY-----\n{lines}\n-----END {kind} KEY-----\n"
    return gen


BIOS = ["", "📷 Film photography | {city}", "Birds, bikes and bread.", "He/him. Photographer.",
        "Hi, I'm {first} {last}! Prints: {email}", "Landscapes from the Alps 🏔",
        "Mastodon: @{username}@mastodon.example", "写真が好きです"]


def _remote_url(c):  # type: ignore[no-untyped-def]
    d = c.row.get("domain")
    return None if d is None else f"https://{d}/users/{c.person['username']}"


def _keybase(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.95:
        return None
    return json.dumps({"username": c.row["username"], "sig_hash": G["token"](_p(c, n=66))})


CAPTIONS = ["Sunset at the lake #photography #nature", "New roll developed! #film",
            "With @{username} in {city} today", "Happy birthday {first}! 🎂",
            "Morning coffee ☕", "", "Portrait of {first2}, shot on 85mm",
            "Our new flat: {street}", "#caturday", "雪の京都"]


def _status_url(c):  # type: ignore[no-untyped-def]
    if c.row.get("local"):
        return f"https://{HOST}/p/{c.person['username']}/{c.rng.randint(10**17, 10**18)}"
    return f"https://{c.rng.choice(REMOTES)}/@{c.person['username']}/" \
           f"{c.rng.randint(10**17, 10**18)}"


def _entities(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.5:
        return None
    ent = {"hashtags": [G["hashtag"](c)], "mentions": []}
    if c.rng.random() < 0.4:
        ent["mentions"] = [{"username": G["username"](_p(c)), "url": "https://"
                            + c.rng.choice(REMOTES) + "/users/" + G["username"](_p(c))}]
    return ent


def _media_path(c):  # type: ignore[no-untyped-def]
    return f"public/m/_v2/{c.rng.randint(1, N_PROFILE)}/{G['token'](_p(c, n=8))}-" \
           f"{G['token'](_p(c, n=8))}/{G['token'](_p(c, n=20, style='url'))}.jpg"


REPORT_MESSAGES = ["", "spam", "This is my photo, posted without permission. I am {first} "
                   "{last}.", "Harassment in the comments", "Fake account of {first2} {last2}",
                   "Shows my house and address: {street}"]


def _report_meta(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.4:
        return None
    return {"ip": G["ip"](c), "ua": G["user_agent"](c)}


ACCOUNT_LOG = [("auth.login", "Account Login"), ("account.edit.password", "Password changed"),
               ("account.edit.email", "Email changed"), ("account.edit.2fa",
                                                          "Two-factor enabled"),
               ("account.edit.bio", "Updated profile")]


def _log_metadata(c):  # type: ignore[no-untyped-def]
    a = c.row.get("action")
    if a == "account.edit.email":
        return {"old": c.person["email"], "new": c.fakers["en_US"].free_email()}
    if a == "auth.login":
        return {"device": c.rng.choice(["Firefox", "Safari on iPhone", "Pixelfed app"])}
    return None


def _device_name(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.2:
        return f"{c.person['first']}'s {c.rng.choice(['iPhone', 'Pixel 7', 'iPad'])}"
    return c.rng.choice(["Firefox on Linux", "Chrome on Windows", "Safari on macOS", None])


CONFIG = [("pixelfed.open_registration", "true"), ("app.name", "Pixelfed Example"),
          ("app.short_description", "Photos of the Alps and beyond"),
          ("pixelfed.max_photo_size", "15000"), ("federation.activitypub.enabled", "true"),
          ("instance.contact.email", "admin@pixelfed.example.social"),
          ("pixelfed.oauth_enabled", "true"), ("uikit.custom.css", ""),
          ("pixelfed.enforce_email_verification", "true"),
          ("instance.landing.show_directory", "false")]


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "users", N_USER,
          col("id", BI, pk=True, auto=True),
          col("profile_id", BI, lambda c: c.index + 1, unique=True, nullable=True),
          col("name", S(), "display_name", null=0.1),
          col("username", S(), "username", unique=True, null=0.02),
          col("email", S(), "email", unique=True),
          col("status", S(), "choice", values=["active", "active", "disabled", "delete"],
              null=0.7),
          col("language", S(), "choice", values=["en", "de", "fr", "ja", "es"], null=0.5),
          col("password", S(), "password_hash", style="bcrypt"),
          col("remember_token", S(100), lambda c: G["token"](_p(c, n=60, style="url")),
              null=0.4),
          col("is_admin", B, lambda c: c.index == 0),
          col("email_verified_at", TS, _ts, null=0.2),
          *_ts_cols(null=0.01),
          col("2fa_enabled", B, lambda c: c.rng.random() < 0.2),
          col("2fa_secret", S(), lambda c: G["token"](_p(c, n=16)).upper()
              if c.row["2fa_enabled"] else None, nullable=True),
          col("2fa_backup_codes", J, _backup_codes, nullable=True),
          col("2fa_setup_at", TS, lambda c: _ts(c) if c.row["2fa_enabled"] else None,
              nullable=True),
          col("delete_after", TS, _ts, null=0.97),
          col("deleted_at", TS, _ts, null=0.95),
          col("last_active_at", TS, _ts, null=0.1),
          col("guid", S(), "uuid_str", unique=True, null=0.9),
          col("domain", S(), "const", value="ldap.example.org", null=0.9),
          col("register_source", S(), "choice", values=["web", "web", "app"], null=0.05),
          col("app_register_token", S(), lambda c: G["token"](_p(c, n=40, style="url")),
              null=0.8),
          col("app_register_ip", S(), "ip", null=0.8),
          col("has_roles", B, lambda c: c.rng.random() < 0.05),
          col("parent_id", UI, "int", lo=1, hi=N_USER, null=0.97),
          col("role_id", UTI, "choice", values=[1, 2], null=0.95))
    table(md, "password_resets", 12,
          col("email", S(), "email"),
          col("token", S(), lambda c: G["password_hash"](_p(c, style="bcrypt"))),
          col("created_at", TS, _ts, null=0.05))
    table(md, "sessions", 150,
          col("id", S(), lambda c: G["token"](_p(c, n=40, style="url")), unique=True),
          col("user_id", BI, ref="users.id", null=0.3),
          col("ip_address", S(45), "ip", null=0.02),
          col("user_agent", T, "user_agent", null=0.05),
          col("payload", T, lambda c: G["token"](_p(c, n=180, style="b64"))),
          col("last_activity", I, "int", lo=1_600_000_000, hi=1_760_000_000))
    table(md, "profiles", N_PROFILE,
          col("id", BI, pk=True, auto=True),
          col("user_id", UI, _profile_user, nullable=True),
          col("domain", S(), _profile_domain, nullable=True),
          col("username", S(), lambda c: c.person["username"] if c.row["domain"] is None
              else f"@{c.person['username']}@{c.row['domain']}"),
          col("status", S(), "choice", values=["disabled", "delete"], null=0.9),
          col("name", S(), "display_name", null=0.05),
          col("bio", S(150), lambda c: G["template"](_p(c, texts=BIOS))[:150], null=0.2),
          col("location", S(), "city", null=0.7),
          col("website", S(), "personal_url", null=0.6),
          col("keybase_proof", T, _keybase, nullable=True),
          col("is_private", B, lambda c: c.rng.random() < 0.15),
          col("sharedInbox", S(), lambda c: f"https://{c.row['domain'] or HOST}/inbox"
              if c.row["domain"] else None, nullable=True),
          col("private_key", T, lambda c: _pem("PRIVATE")(c) if c.row["domain"] is None
              else None, nullable=True),
          col("public_key", T, _pem("PUBLIC")),
          col("remote_url", S(), _remote_url, nullable=True),
          *_ts_cols(null=0.01),
          col("deleted_at", TS, _ts, null=0.95),
          sa.UniqueConstraint("domain", "username"))
    table(md, "statuses", N_STATUS,
          col("id", BI, pk=True, auto=True),
          col("local", B, lambda c: c.rng.random() < 0.6),
          col("uri", S(), lambda c: None if c.row["local"] else
              f"https://{c.rng.choice(REMOTES)}/users/{c.person['username']}/statuses/"
              f"{c.rng.randint(10**17, 10**18)}", nullable=True),
          col("caption", S(), "template", texts=CAPTIONS, null=0.1),
          col("rendered", T, lambda c: f"<p>{c.row['caption']}</p>" if c.row.get("caption")
              else None, nullable=True),
          col("profile_id", BI, ref="profiles.id"),
          col("in_reply_to_id", BI, ref="statuses.id", null=0.8),
          col("reblog_of_id", BI, ref="statuses.id", null=0.85),
          col("url", S(), _status_url, null=0.05),
          col("is_nsfw", B, lambda c: c.rng.random() < 0.05),
          col("visibility", enum("public", "unlisted", "private", "direct"), "choice",
              values=["public", "public", "public", "unlisted", "private", "direct"]),
          col("reply", B, lambda c: c.row.get("in_reply_to_id") is not None),
          col("likes_count", BI, "int", lo=0, hi=500),
          col("reblogs_count", BI, "int", lo=0, hi=80),
          col("language", S(), "choice", values=["en", "de", "ja", "fr"], null=0.5),
          col("conversation_id", BI, "int", lo=1, hi=200, null=0.8),
          col("application_id", BI, "int", lo=1, hi=5, null=0.7),
          col("in_reply_to_profile_id", BI, ref="profiles.id", null=0.8),
          col("entities", J, _entities, nullable=True),
          *_ts_cols(),
          col("deleted_at", TS, _ts, null=0.95))
    table(md, "media", 600,
          col("id", UI, pk=True, auto=True),
          col("status_id", BI, ref="statuses.id", null=0.05),
          col("profile_id", BI, ref="profiles.id", null=0.02),
          col("user_id", BI, ref="users.id", null=0.4),
          col("media_path", S(), _media_path),
          col("thumbnail_path", S(), lambda c: c.row["media_path"].replace(".jpg",
                                                                             "_thumb.jpg"),
              null=0.1),
          col("cdn_url", S(), lambda c: "https://cdn.example.social/"
              + c.row["media_path"].removeprefix("public/"), null=0.5),
          col("optimized_url", S(), lambda c: f"https://{HOST}/storage/"
              + c.row["media_path"].removeprefix("public/"), null=0.5),
          col("thumbnail_url", S(), lambda c: f"https://{HOST}/storage/thumbs/"
              + G["token"](_p(c, n=20, style="url")) + ".jpg", null=0.3),
          col("order", UTI, "int", lo=1, hi=4),
          col("mime", S(), "choice", values=["image/jpeg", "image/png", "image/webp",
                                             "video/mp4"], null=0.05),
          col("size", UI, "int", lo=20_000, hi=15_000_000, null=0.05),
          col("orientation", S(), "choice", values=["portrait", "landscape", "square"],
              null=0.3),
          col("processed_at", TS, _ts, null=0.1),
          *_ts_cols(),
          col("deleted_at", TS, _ts, null=0.95),
          sa.UniqueConstraint("status_id", "media_path"))
    table(md, "followers", 600,
          col("id", UI, pk=True, auto=True),
          col("profile_id", BI, ref="profiles.id"),
          col("following_id", BI, ref="profiles.id"),
          *_ts_cols(),
          sa.UniqueConstraint("profile_id", "following_id"))
    table(md, "reports", 40,
          col("id", BI, pk=True, auto=True),
          col("profile_id", BI, ref="profiles.id"),
          col("user_id", BI, ref="users.id", null=0.1),
          col("object_id", BI, "int", lo=1, hi=N_STATUS),
          col("object_type", S(), "choice", values=["App\\Status", "App\\Status",
                                                    "App\\Profile"], null=0.02),
          col("reported_profile_id", BI, ref="profiles.id", null=0.1),
          col("type", S(), "choice", values=["spam", "sensitive", "abusive", "underage",
                                             "impersonation", "copyright"], null=0.05),
          col("message", S(), "template", texts=REPORT_MESSAGES, null=0.15),
          col("admin_seen", TS, _ts, null=0.5),
          col("not_interested", B, "bool"),
          col("spam", B, "bool"),
          col("nsfw", B, "bool"),
          col("abusive", B, "bool"),
          col("meta", J, _report_meta, nullable=True),
          *_ts_cols(),
          sa.UniqueConstraint("user_id", "object_type", "object_id"))
    table(md, "avatars", N_PROFILE,
          col("id", BI, pk=True, auto=True),
          col("profile_id", BI, ref="profiles.id", unique=True),
          col("media_path", S(), lambda c: f"public/avatars/{c.rng.randint(100, 999)}/"
              f"{G['token'](_p(c, n=12))}/avatar_{G['token'](_p(c, n=6))}.jpg", null=0.1),
          col("thumb_path", S(), lambda c: None, nullable=True),
          col("change_count", UI, "int", lo=0, hi=6),
          col("last_processed_at", TS, _ts, null=0.3),
          *_ts_cols(),
          col("deleted_at", TS, _ts, null=0.97))
    table(md, "email_verifications", 25,
          col("id", BI, pk=True, auto=True),
          col("user_id", BI, ref="users.id"),
          col("email", S(), "email", null=0.05),
          col("user_token", S(), lambda c: G["token"](_p(c, n=32, style="url"))),
          col("random_token", S(), lambda c: G["token"](_p(c, n=32, style="url"))),
          *_ts_cols())
    table(md, "account_logs", 300,
          col("id", BI, pk=True, auto=True),
          col("user_id", BI, ref="users.id"),
          col("item_id", BI, lambda c: c.row["user_id"], null=0.1),
          col("item_type", S(), "const", value="App\\User", null=0.1),
          col("action", S(), lambda c: ACCOUNT_LOG[c.index % 5][0]),
          col("message", S(), lambda c: ACCOUNT_LOG[c.index % 5][1]),
          col("link", S(), lambda c: f"https://{HOST}/settings/security"),
          col("ip_address", S(), "ip"),
          col("user_agent", S(), "user_agent"),
          col("metadata", J, _log_metadata, nullable=True),
          *_ts_cols())
    table(md, "user_settings", N_USER,
          col("id", BI, pk=True, auto=True),
          col("user_id", BI, ref="users.id", unique=True),
          col("role", S(), "choice", values=["user", "user", "moderator", "admin"]),
          col("crawlable", B, "bool"),
          col("show_guests", B, "bool"),
          col("show_discover", B, "bool"),
          col("public_dm", B, "bool"),
          col("hide_cw_search", B, "bool"),
          col("reduce_motion", B, "bool"),
          col("high_contrast_mode", B, "bool"),
          col("video_autoplay", B, "bool"),
          col("send_email_new_follower", B, "bool"),
          col("send_email_on_like", B, "bool"),
          *_ts_cols())
    table(md, "direct_messages", 150,
          col("id", BI, pk=True, auto=True),
          col("to_id", BI, ref="profiles.id"),
          col("from_id", BI, ref="profiles.id"),
          col("from_profile_ids", S(), lambda c: ",".join(str(c.rng.randint(1, N_PROFILE))
                                                         for _ in range(c.rng.randint(1, 3))),
              null=0.7),
          col("group_message", B, lambda c: c.rng.random() < 0.1),
          col("status_id", BI, ref="statuses.id"),
          col("read_at", TS, _ts, null=0.4),
          *_ts_cols(),
          sa.UniqueConstraint("to_id", "from_id", "status_id"))
    table(md, "user_devices", 100,
          col("id", BI, pk=True, auto=True),
          col("user_id", BI, ref="users.id"),
          col("ip", S(), "ip"),
          col("user_agent", S(), "user_agent"),
          col("fingerprint", S(), lambda c: G["token"](_p(c, n=64)), null=0.3),
          col("name", S(), _device_name, nullable=True),
          col("trusted", B, "bool", null=0.5),
          col("last_active_at", TS, _ts, null=0.1),
          *_ts_cols())
    table(md, "instances", len(REMOTES),
          col("id", BI, pk=True, auto=True),
          col("domain", S(), lambda c: REMOTES[c.index], unique=True),
          col("url", S(), lambda c: f"https://{REMOTES[c.index]}", null=0.2),
          col("name", S(), "choice", values=["Mastodon Example", "Pixelfed DE", "Photog",
                                             None], nullable=True),
          col("admin_url", S(), lambda c: f"https://{REMOTES[c.index]}/about", null=0.6),
          col("limit_reason", S(), "choice", values=["spam", "harassment"], null=0.8),
          col("unlisted", B, "bool"),
          col("auto_cw", B, "bool"),
          col("banned", B, lambda c: c.rng.random() < 0.2),
          *_ts_cols())
    table(md, "hashtags", 20,
          col("id", BI, pk=True, auto=True),
          col("name", S(), "hashtag", unique=True),
          col("slug", S(), lambda c: c.row["name"].lower(), unique=True),
          col("is_nsfw", B, lambda c: c.rng.random() < 0.05),
          col("is_banned", B, lambda c: c.rng.random() < 0.05),
          *_ts_cols())
    table(md, "config_cache", len(CONFIG),
          col("id", BI, pk=True, auto=True),
          col("k", S(), lambda c: CONFIG[c.index][0], unique=True),
          col("v", T, lambda c: CONFIG[c.index][1], nullable=True),
          col("metadata", J, lambda c: None, nullable=True),
          *_ts_cols())
    return md
