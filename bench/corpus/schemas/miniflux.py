"""Miniflux (Go feed reader, PostgreSQL only): a held-out schema (issue #10), labelled
before any scan and never tuned on. The tables are those the migrations of
``internal/database/migrations.go`` leave (all migrations applied, read by hand: the
``CREATE TABLE`` statements and every later ``ALTER TABLE ... ADD/DROP/RENAME``), all 14
of its tables (the dropped ``tokens``, ``sessions`` and ``user_sessions`` are gone:
``web_sessions`` replaces them), column subsets of ``users``, ``feeds``, ``entries`` and
``integrations`` (60 of its ~150 columns; the ``tags text[]`` and ``document_vectors
tsvector`` of ``entries`` left out). Types as declared: ``text`` everywhere, ``bytea``,
``inet``, ``jsonb``, ``timestamp with time zone``; the PostgreSQL enum types
(``entry_status``, ``entry_sorting_direction``, ``webapp_display_mode``) are ``VARCHAR``
with their values (``ENUM`` on MariaDB). Miniflux runs on PostgreSQL only: on MariaDB
the text and ``bytea`` columns in keys and unique constraints are ``VARCHAR(255)`` /
``VARBINARY(255)``. The partial unique indexes (``google_id``, ``openid_connect_id``,
``share_code`` ``WHERE <> ''``, ``icons.external_id``) are not declared (their many
empty strings would collide). Foreign keys as declared.

Tables: users (login name, often an e-mail address, bcrypt hash, Google and OpenID
Connect subject ids, custom CSS and JavaScript), web sessions (session id, hash of the
session secret, IP as ``inet``, user agent, JSONB state with the CSRF token and, in some
rows, WebAuthn challenge data with the user handle), categories, feeds (private feed URLs
that carry the subscriber's login and a token, HTTP basic-auth user name and password
and cookies for the site), entries (article authors, sometimes as ``email (Name)``),
enclosures, icons (PNG/ICO bytes), feed icons, API keys, integrations (the user's
credentials at 20 third-party services: tokens, user names, passwords in clear, chat
ids, webhook URLs), WebAuthn credentials (user handle, credential id, public key, the
name the user gave the key), entry tombstones and the ACME certificate cache.
"""

from __future__ import annotations

import base64
import hashlib

import sqlalchemy as sa
from sqlalchemy.dialects import mysql

from ..gen import GENERATORS as G
from ..gen import col, datetimes, enum, inet, jsonb, table
from ..gen import token_of as _tok
from ..gen import with_params as _p

SOURCE = {"repo": "miniflux/v2", "path": "internal/database/migrations.go",
          "commit": "106cdd09e1557222303f3ed1376e1dadf0638621"}
PERSON_TABLES = ("users",)

T = sa.Text
TK = sa.Text().with_variant(mysql.VARCHAR(255), "mysql", "mariadb")  # text in a key
TZ = sa.DateTime(timezone=True)
I = sa.Integer  # noqa: E741
BI = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
B = sa.Boolean
BY = sa.LargeBinary
BYK = sa.LargeBinary().with_variant(mysql.VARBINARY(255), "mysql", "mariadb")

N_USER = 40
N_CATEGORY = 120
N_FEED = 260
N_ENTRY = 700
SITES = [("Ars Technica", "https://arstechnica.com", "https://feeds.arstechnica.com/arstechnica/index"),
         ("LWN.net", "https://lwn.net", "https://lwn.net/headlines/rss"),
         ("Hacker News", "https://news.ycombinator.com", "https://news.ycombinator.com/rss"),
         ("The Verge", "https://www.theverge.com", "https://www.theverge.com/rss/index.xml"),
         ("Heise online", "https://www.heise.de", "https://www.heise.de/rss/heise-atom.xml"),
         ("Le Monde", "https://www.lemonde.fr", "https://www.lemonde.fr/rss/une.xml"),
         ("xkcd", "https://xkcd.com", "https://xkcd.com/atom.xml"),
         ("Go blog", "https://go.dev/blog", "https://go.dev/blog/feed.atom"),
         ("NASA Image of the Day", "https://www.nasa.gov", "https://www.nasa.gov/feeds/iotd-feed"),
         ("Smashing Magazine", "https://www.smashingmagazine.com",
          "https://www.smashingmagazine.com/feed/"),
         ("The Changelog", "https://changelog.com", "https://changelog.com/podcast/feed"),
         ("Julia Evans", "https://jvns.ca", "https://jvns.ca/atom.xml"),
         ("NHK World", "https://www3.nhk.or.jp", "https://www3.nhk.or.jp/rss/news/cat0.xml"),
         ("Python Insider", "https://blog.python.org", "https://blog.python.org/feeds/posts/default")]
CATEGORY_TITLES = ["All", "News", "Tech", "Podcasts", "Comics", "Blogs", "Science", "Work",
                   "Friends", "Cooking", "Music", "Later", "Deutsch", "日本語"]
ARTICLE_TITLES = ["Why we moved off Kubernetes", "Release notes for version 2.3",
                  "A deep dive into B-trees", "The week in review", "How to bake sourdough",
                  "Interview: building a community radio", "Episode 512: Open source funding",
                  "New image from the James Webb telescope", "Security advisory for OpenSSL",
                  "Ten years of the blog", "Comic #2871", "Débat : l'avenir du rail"]
KEY_NAMES = ["YubiKey 5C", "MacBook Touch ID", "Windows Hello", "Pixel 8", "Security key",
             "{first}'s iPhone", "{first} phone", "Titan key", "iCloud Keychain", ""]


_ts = datetimes(2018, 2025)


def _maybe(share, g):  # type: ignore[no-untyped-def]
    """'' (Miniflux's default for unset integration fields) unless the row uses it."""
    def gen(c):  # type: ignore[no-untyped-def]
        return g(c) if c.rng.random() < share else ""
    return gen


def _login(c):  # type: ignore[no-untyped-def]
    return c.person["email"] if c.rng.random() < 0.4 else c.person["username"]


def _site(c):  # type: ignore[no-untyped-def]
    s = SITES[c.rng.randrange(len(SITES))]
    c.row["_site"] = s
    return s[0] if c.rng.random() < 0.85 else f"{s[0]} ({c.rng.choice(['full', 'EN', 'DE'])})"


def _feed_url(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    u = c.person["username"]
    if r < 0.06:
        return f"https://github.com/{u}.private.atom?token={G['token'](_p(c, n=40, style='url'))}"
    if r < 0.11:
        return (f"https://www.reddit.com/message/inbox/.rss?feed="
                f"{G['token'](_p(c, n=40, style='hex'))}&user={u}")
    if r < 0.15:
        return f"https://{u}.blogspot.com/feeds/posts/default"
    return c.row["_site"][2] + ("" if c.rng.random() < 0.9 else f"?v={c.index}")


def _session_state(c):  # type: ignore[no-untyped-def]
    st = {"csrf": G["token"](_p(c, n=32, style="url")),
          "language": c.rng.choice(["en_US", "de_DE", "fr_FR", "ja_JP", "pt_BR"]),
          "theme": c.rng.choice(["light_serif", "dark_sans_serif", "system_serif"])}
    r = c.rng.random()
    if r < 0.2:
        st["webauthn_session_data"] = {
            "challenge": G["token"](_p(c, n=43, style="url")),
            "user_id": base64.urlsafe_b64encode(bytes(c.rng.getrandbits(8)
                                                      for _ in range(32))).decode(),
            "expires": "0001-01-01T00:00:00Z", "userVerification": "preferred"}
    elif r < 0.35:
        st["oauth2_state"] = G["token"](_p(c, n=32, style="url"))
        st["oauth2_code_verifier"] = G["token"](_p(c, n=43, style="url"))
    elif r < 0.5:
        st["flash_message"] = c.rng.choice(["Preferences saved!", "Feed updated.",
                                            "API Key created."])
    return st


def _author(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    p = c.person
    if r < 0.55:
        return G["full_name"](c)
    if r < 0.62:
        return f"{p['email']} ({p['first']} {p['last']})"
    if r < 0.7:
        return p["username"]
    if r < 0.8:
        return c.rng.choice(["Editorial team", "Staff", "The Changelog", "NASA", "admin"])
    return ""


def _pinboard(c):  # type: ignore[no-untyped-def]
    return f"{c.person['username']}:{G['token'](_p(c, n=20, style='hex')).upper()}"


def _fever_token(c):  # type: ignore[no-untyped-def]
    return hashlib.md5(f"{c.person['username']}:{c.rng.random()}".encode()).hexdigest()


def _bcrypt(c):  # type: ignore[no-untyped-def]
    return G["password_hash"](_p(c, style="bcrypt"))


def _clear_password(c):  # type: ignore[no-untyped-def]
    f = c.fakers["en_US"]
    return c.rng.choice([f.password(length=12), f"{c.person['first']}{c.rng.randint(1970, 2005)}!",
                         G["token"](_p(c, n=16, style="url"))])


def _matrix_user(c):  # type: ignore[no-untyped-def]
    return f"@{c.person['username']}:{c.rng.choice(['matrix.org', 'tchncs.de', 'example.org'])}"


def _key_name(c):  # type: ignore[no-untyped-def]
    return c.rng.choice(KEY_NAMES).format(first=c.person["first"])


def _ico(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.3:
        return b"\x00\x00\x01\x00\x01\x00\x10\x10" + bytes(c.rng.getrandbits(8) for _ in range(60))
    return G["image"](c)


def _pem_bundle(c):  # type: ignore[no-untyped-def]
    body = base64.b64encode(bytes(c.rng.getrandbits(8) for _ in range(300))).decode()
    return (f"-----BEGIN EC PRIVATE KEY-----\n{body[:64]}\n-----END EC PRIVATE KEY-----\n"
            f"-----BEGIN CERTIFICATE-----\n{body[64:]}\n-----END CERTIFICATE-----\n").encode()


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "users", N_USER,
          col("id", I, pk=True, auto=True),
          col("username", TK, _login, unique=True),
          col("password", T, _bcrypt, null=0.15),
          col("is_admin", B, lambda c: c.index < 2),
          col("language", T, "choice", values=["en_US", "de_DE", "fr_FR", "ja_JP", "pt_BR",
                                               "zh_CN", "fi_FI"]),
          col("timezone", T, "timezone"),
          col("theme", T, "choice", values=["light_serif", "light_sans_serif", "dark_serif",
                                            "dark_sans_serif", "system_serif"]),
          col("last_login_at", TZ, _ts, null=0.1),
          col("entry_direction", enum("asc", "desc"), "choice", values=["asc", "desc"]),
          col("keyboard_shortcuts", B, "bool"),
          col("entries_per_page", I, "choice", values=[100, 100, 50, 25]),
          col("show_reading_time", B, "bool"),
          col("stylesheet", T, lambda c: c.rng.choice(
              ["", "", "", "body { max-width: 50rem; }", ".item-title { font-size: 1.1em }"])),
          col("google_id", T, lambda c: str(c.rng.randint(10**20, 10**21 - 1))
              if c.rng.random() < 0.2 else ""),
          col("openid_connect_id", T, lambda c: G["uuid_str"](c) if c.rng.random() < 0.15
              else ""),
          col("display_mode", enum("fullscreen", "standalone", "minimal-ui", "browser"),
              "choice", values=["standalone", "standalone", "fullscreen", "browser"]),
          col("entry_order", enum("published_at", "created_at"), "choice",
              values=["published_at", "created_at"]),
          col("default_reading_speed", I, "choice", values=[265, 265, 200, 300]),
          col("default_home_page", T, "choice", values=["unread", "starred", "feeds"]),
          col("gesture_nav", T, "choice", values=["tap", "swipe", "none"]),
          col("mark_read_on_view", B, "bool"),
          col("media_playback_rate", sa.Numeric(4, 2), "choice", values=[1, 1, 1.25, 1.5]),
          col("custom_js", T, lambda c: c.rng.choice(["", "", "", "", "console.log('hi');"])),
          col("external_font_hosts", T, lambda c: c.rng.choice(["", "", "fonts.gstatic.com"])))
    table(md, "web_sessions", 150,
          col("id", TK, _tok(32, "url"), pk=True),
          col("secret_hash", BY, lambda c: hashlib.sha256(str(c.rng.random()).encode())
              .digest()),
          col("user_id", I, fk="users.id", null=0.2),
          col("created_at", TZ, _ts),
          col("user_agent", T, "user_agent"),
          col("ip", inet(), "ip", null=0.05),
          col("state", jsonb(), _session_state))
    table(md, "categories", N_CATEGORY,
          col("id", I, pk=True, auto=True),
          col("user_id", I, fk="users.id"),
          col("title", TK, "choice", values=CATEGORY_TITLES),
          col("hide_globally", B, lambda c: c.rng.random() < 0.1),
          sa.UniqueConstraint("user_id", "title"))
    table(md, "feeds", N_FEED,
          col("id", BI, pk=True, auto=True),
          col("user_id", I, fk="users.id"),
          col("category_id", I, fk="categories.id"),
          col("title", T, _site),
          col("feed_url", sa.Text().with_variant(mysql.VARCHAR(700), "mysql", "mariadb"),
              _feed_url),
          col("site_url", T, lambda c: c.row["_site"][1]),
          col("checked_at", TZ, _ts),
          col("etag_header", T, lambda c: f'W/"{G["token"](_p(c, n=16))}"'
              if c.rng.random() < 0.5 else ""),
          col("last_modified_header", T, lambda c: _ts(c).strftime("%a, %d %b %Y %H:%M:%S GMT")
              if c.rng.random() < 0.5 else ""),
          col("parsing_error_msg", T, lambda c: c.rng.choice(
              ["", "", "", "", "", "", "404 Not Found", "context deadline exceeded",
               "x509: certificate has expired"])),
          col("parsing_error_count", I, "choice", values=[0, 0, 0, 0, 1, 3, 12]),
          col("scraper_rules", T, lambda c: c.rng.choice(["", "", "", "article .content"])),
          col("rewrite_rules", T, lambda c: c.rng.choice(["", "", "", "add_image_title"])),
          col("crawler", B, lambda c: c.rng.random() < 0.2),
          col("username", T, _maybe(0.1, lambda c: c.person["username"])),
          col("password", T, _maybe(0.1, _clear_password)),
          col("user_agent", T, lambda c: "" if c.rng.random() < 0.9 else G["user_agent"](c)),
          col("cookie", T, _maybe(0.05, lambda c: f"session_id={G['token'](_p(c, n=32))}; "
                                                   f"user={c.person['username']}")),
          col("disabled", B, lambda c: c.rng.random() < 0.05),
          col("next_check_at", TZ, _ts),
          col("ignore_http_cache", B, lambda c: False),
          col("fetch_via_proxy", B, lambda c: c.rng.random() < 0.05),
          col("blocklist_rules", T, lambda c: c.rng.choice(["", "", "", "(?i)sponsored"])),
          col("hide_globally", B, lambda c: c.rng.random() < 0.05),
          col("description", T, lambda c: c.rng.choice(["", "News and analysis",
                                                        "Latest headlines", "A weekly podcast"])),
          col("webhook_url", T, lambda c: "" if c.rng.random() < 0.95 else G["url"](c)),
          col("proxy_url", T, lambda c: "" if c.rng.random() < 0.95 else
              "http://10.0.0.5:3128"),
          col("language", T, lambda c: c.rng.choice(["", "en", "en-US", "de", "fr", "ja"])),
          sa.UniqueConstraint("user_id", "feed_url"))
    table(md, "entries", N_ENTRY,
          col("id", BI, pk=True, auto=True),
          col("user_id", I, fk="users.id"),
          col("feed_id", BI, fk="feeds.id"),
          col("hash", TK, lambda c: hashlib.sha256(str(c.rng.random()).encode()).hexdigest()),
          col("published_at", TZ, _ts),
          col("title", T, lambda c: c.rng.choice(ARTICLE_TITLES)),
          col("url", T, lambda c: G["url"](c)),
          col("author", T, _author, null=0.1),
          col("content", T, "paragraphs", null=0.05),
          col("status", enum("unread", "read", "removed"), "choice",
              values=["unread", "read", "read", "removed"]),
          col("starred", B, lambda c: c.rng.random() < 0.1),
          col("comments_url", T, lambda c: "" if c.rng.random() < 0.7 else
              f"https://news.ycombinator.com/item?id={c.rng.randint(10**7, 4 * 10**7)}"),
          col("changed_at", TZ, _ts),
          col("share_code", T, lambda c: G["token"](_p(c, n=22, style="url"))
              if c.rng.random() < 0.05 else ""),
          col("reading_time", I, "int", lo=0, hi=25),
          col("created_at", TZ, _ts),
          col("language", T, lambda c: c.rng.choice(["", "en", "de", "fr", "ja"])),
          sa.UniqueConstraint("feed_id", "hash"))
    table(md, "enclosures", 200,
          col("id", BI, pk=True, auto=True),
          col("user_id", I, fk="users.id"),
          col("entry_id", BI, fk="entries.id"),
          col("url", T, lambda c: f"https://cdn.example.net/media/{G['token'](_p(c, n=12))}."
              f"{c.rng.choice(['mp3', 'jpg', 'mp4'])}"),
          col("size", BI, "int", lo=0, hi=90_000_000),
          col("mime_type", T, "choice", values=["audio/mpeg", "image/jpeg", "video/mp4", ""]),
          col("media_progression", I, "choice", values=[0, 0, 0, 120, 1800]))
    table(md, "icons", 30,
          col("id", BI, pk=True, auto=True),
          col("hash", TK, lambda c: hashlib.sha256(str(c.rng.random()).encode()).hexdigest(),
              unique=True),
          col("mime_type", T, "choice", values=["image/png", "image/x-icon", "image/jpeg"]),
          col("content", BY, _ico),
          col("external_id", T, lambda c: G["token"](_p(c, n=32, style="hex"))))
    table(md, "feed_icons", 200,
          col("feed_id", BI, fk="feeds.id", pk=True),
          col("icon_id", BI, fk="icons.id", pk=True))
    table(md, "api_keys", 45,
          col("id", I, pk=True, auto=True),
          col("user_id", I, fk="users.id"),
          col("token", TK, _tok(44, "b64"), unique=True),
          col("description", TK, "choice", values=["Reeder", "NetNewsWire", "FluentReader",
                                                   "Home Assistant", "script", "Android"]),
          col("last_used_at", TZ, _ts, null=0.3),
          col("created_at", TZ, _ts),
          sa.UniqueConstraint("user_id", "description"))
    table(md, "integrations", N_USER,
          col("user_id", I, fk="users.id", pk=True),
          col("pinboard_enabled", B, lambda c: c.rng.random() < 0.1),
          col("pinboard_token", T, _maybe(0.1, _pinboard)),
          col("pinboard_tags", T, lambda c: "miniflux"),
          col("instapaper_enabled", B, lambda c: c.rng.random() < 0.1),
          col("instapaper_username", T, _maybe(0.12, lambda c: c.person["email"])),
          col("instapaper_password", T, _maybe(0.12, _clear_password)),
          col("fever_enabled", B, lambda c: c.rng.random() < 0.25),
          col("fever_username", T, _maybe(0.25, lambda c: c.person["username"])),
          col("fever_token", T, _maybe(0.25, _fever_token)),
          col("googlereader_enabled", B, lambda c: c.rng.random() < 0.3),
          col("googlereader_username", T, _maybe(0.3, lambda c: c.person["username"])),
          col("googlereader_password", T, _maybe(0.3, _bcrypt)),
          col("wallabag_enabled", B, lambda c: c.rng.random() < 0.15),
          col("wallabag_url", T, _maybe(0.15, lambda c: c.rng.choice(
              ["https://app.wallabag.it", "https://wallabag.example.org"]))),
          col("wallabag_client_id", T, _maybe(0.15, lambda c: f"{c.rng.randint(1, 90)}_"
                                                  f"{G['token'](_p(c, n=50, style='url'))}")),
          col("wallabag_client_secret", T, _maybe(0.15, _tok(50))),
          col("wallabag_username", T, _maybe(0.15, lambda c: c.person["username"])),
          col("wallabag_password", T, _maybe(0.15, _clear_password)),
          col("telegram_bot_enabled", B, lambda c: c.rng.random() < 0.1),
          col("telegram_bot_token", T, _maybe(0.1, lambda c: f"{c.rng.randint(10**9, 7 * 10**9)}:"
                                                  f"AA{G['token'](_p(c, n=33, style='url'))}")),
          col("telegram_bot_chat_id", T, _maybe(0.1, lambda c: str(c.rng.randint(10**8,
                                                                                 7 * 10**9)))),
          col("matrix_bot_enabled", B, lambda c: c.rng.random() < 0.08),
          col("matrix_bot_user", T, _maybe(0.08, _matrix_user)),
          col("matrix_bot_password", T, _maybe(0.08, _clear_password)),
          col("matrix_bot_url", T, _maybe(0.08, lambda c: "https://matrix-client.matrix.org")),
          col("matrix_bot_chat_id", T, _maybe(0.08, lambda c: f"!{G['token'](_p(c, n=18))}"
                                                  f":matrix.org")),
          col("linkding_enabled", B, lambda c: c.rng.random() < 0.1),
          col("linkding_url", T, _maybe(0.1, lambda c: "https://links.example.net")),
          col("linkding_api_key", T, _maybe(0.1, _tok(40, "hex"))),
          col("notion_enabled", B, lambda c: c.rng.random() < 0.05),
          col("notion_token", T, _maybe(0.05, lambda c: "secret_" +
                                         G["token"](_p(c, n=43, style="url")))),
          col("notion_page_id", T, _maybe(0.05, _tok(32, "hex"))),
          col("readwise_enabled", B, lambda c: c.rng.random() < 0.08),
          col("readwise_api_key", T, _maybe(0.08, _tok(50))),
          col("webhook_enabled", B, lambda c: c.rng.random() < 0.1),
          col("webhook_url", T, _maybe(0.1, lambda c: G["url"](c))),
          col("webhook_secret", T, _maybe(0.1, _tok(64, "hex"))),
          col("ntfy_enabled", B, lambda c: c.rng.random() < 0.1),
          col("ntfy_url", T, _maybe(0.1, lambda c: "https://ntfy.sh")),
          col("ntfy_topic", T, _maybe(0.1, lambda c: c.rng.choice(["miniflux", "news",
                                                                   "feeds-alerts"]))),
          col("ntfy_api_token", T, _maybe(0.05, lambda c: "tk_" + G["token"](_p(c, n=29)))),
          col("ntfy_username", T, _maybe(0.05, lambda c: c.person["username"])),
          col("ntfy_password", T, _maybe(0.05, _clear_password)),
          col("discord_enabled", B, lambda c: c.rng.random() < 0.05),
          col("discord_webhook_link", T, _maybe(0.05, lambda c: "https://discord.com/api/webhooks/"
                                                f"{c.rng.randint(10**17, 10**18)}/"
                                                f"{G['token'](_p(c, n=68, style='url'))}")),
          col("slack_enabled", B, lambda c: c.rng.random() < 0.05),
          col("slack_webhook_link", T, _maybe(0.05, lambda c: "https://hooks.slack.com/services/"
                                              f"T{G['token'](_p(c, n=8))}/"
                                              f"B{G['token'](_p(c, n=8))}/"
                                              f"{G['token'](_p(c, n=24, style='url'))}")),
          col("pushover_enabled", B, lambda c: c.rng.random() < 0.05),
          col("pushover_user", T, _maybe(0.05, _tok(30, "url"))),
          col("pushover_token", T, _maybe(0.05, _tok(30, "url"))),
          col("pushover_device", T, _maybe(0.05, lambda c: c.rng.choice(
              ["iphone", "pixel", f"{c.person['first'].lower()}-phone"]))),
          col("pushover_priority", I, "choice", values=[0, 0, 1, -1]),
          col("apprise_enabled", B, lambda c: c.rng.random() < 0.05),
          col("apprise_url", T, _maybe(0.05, lambda c: "http://apprise:8000")),
          col("apprise_services_url", T, _maybe(0.05, lambda c: "tgram://"
                                                f"{c.rng.randint(10**9, 7 * 10**9)}:AA"
                                                f"{G['token'](_p(c, n=33))}/"
                                                f"{c.rng.randint(10**8, 7 * 10**9)}")),
          col("rssbridge_enabled", B, lambda c: c.rng.random() < 0.05),
          col("rssbridge_url", T, _maybe(0.05, lambda c: "https://rss-bridge.org/bridge01/")),
          col("rssbridge_token", T, _maybe(0.02, _tok(32))))
    table(md, "webauthn_credentials", 30,
          col("handle", BYK, lambda c: bytes(c.rng.getrandbits(8) for _ in range(32)), pk=True),
          col("cred_id", BYK, lambda c: bytes(c.rng.getrandbits(8) for _ in range(48)),
              unique=True),
          col("user_id", I, fk="users.id"),
          col("public_key", BY, lambda c: b"\xa5\x01\x02\x03&" + bytes(
              c.rng.getrandbits(8) for _ in range(72))),
          col("attestation_type", sa.String(255), "choice", values=["none", "none", "packed"]),
          col("aaguid", BY, lambda c: c.rng.choice(
              [bytes(16), bytes.fromhex("cb69481e8ff7403993ec0a2729a154a8"),
               bytes.fromhex("adce000235bcc60a648b0b25f1f05503")]), null=0.1),
          col("sign_count", BI, "int", lo=0, hi=400, null=0.05),
          col("clone_warning", B, lambda c: False, null=0.05),
          col("name", T, _key_name),
          col("added_on", TZ, _ts, null=0.02),
          col("last_seen_on", TZ, _ts, null=0.02),
          col("backup_eligible", B, "bool", null=0.3),
          col("backup_state", B, "bool"))
    table(md, "entry_tombstones", 150,
          col("feed_id", BI, fk="feeds.id", pk=True),
          col("hash", TK, lambda c: hashlib.sha256(str(c.rng.random()).encode()).hexdigest(),
              pk=True),
          col("deleted_at", TZ, _ts))
    table(md, "acme_cache", 4,
          col("key", sa.String(400), lambda c: ["acme_account+key", "reader.example.org",
                                                "reader.example.org+token",
                                                "feeds.example.net"][c.index], pk=True),
          col("data", BY, _pem_bundle),
          col("updated_at", TZ, _ts))
    table(md, "schema_version", 1,
          col("version", T, lambda c: "128"))
    return md

