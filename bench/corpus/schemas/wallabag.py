"""wallabag (PHP read-it-later service, Symfony with Doctrine): a held-out schema
(issue #10), labelled before any scan and never tuned on. The tables as the Doctrine
mappings of ``src/Entity/*.php`` leave them (attributes), with the columns that
FOSUserBundle's ``User.orm.xml`` (username, e-mail, salt, password...) and
FOSOAuthServerBundle's token and client mappings add to the classes extending
them; names, types and keys checked against ``migrations/Version20160401000000.php``
(the first full schema) and the later migrations. The default table prefix
``wallabag_`` (``WALLABAG_TABLE_PREFIX``). 15 tables, all mapped columns. Doctrine types:
``text`` ``LONGTEXT`` on MySQL, ``array`` a PHP-serialized ``LONGTEXT`` (``DC2Type:array``),
``simple_array`` comma-separated, ``json`` ``JSON``, ``string`` ``VARCHAR(255)``; the
join columns are declared foreign keys, as Doctrine creates them.

Tables: users (login and canonical copies, e-mail, salt and hash, confirmation token,
e-mailed 2FA code, Google Authenticator secret, backup codes, full name), their config
(feed token, Pocket consumer key, reading settings), entries (saved articles: URLs and
their SHA-1, title, HTML content, authors, HTTP headers), tags, annotations (the user's
notes on a quote), site credentials (the user's log-ins at paywalled sites, encrypted),
tagging and ignore-origin rules, internal settings, and the OAuth2 clients, access and
refresh tokens and authorization codes of the API.
"""

from __future__ import annotations

import hashlib

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, datetimes, longtext, table
from ..gen import with_params as _p

SOURCE = {"repo": "wallabag/wallabag", "path": "src/Entity/User.php",
          "commit": "5afc37df9303cf983864c288d46bb23f12221695"}
PERSON_TABLES = ("wallabag_user",)

P = "wallabag_"
I = sa.Integer  # noqa: E741
LT = longtext()
S = sa.String(255)
TS = sa.DateTime
B = sa.Boolean
F = sa.Float

N_USER = 40
N_ENTRY = 500
SITES = ["example-times.com", "lemonde.example.fr", "heise.example.de", "arstechnica.example",
         "blog.example.org", "zeit.example.de", "nikkei.example.jp", "medium.example.com"]
TAGS = ["read later", "python", "politics", "recipes", "long read", "climate", "rust",
        "economics", "to share", "science", "travel", "work", "música", "日本語", "linux"]


_ts = datetimes(2016, 2025)


def _ser(v):  # type: ignore[no-untyped-def]
    """PHP serialize() of str / list / dict (what Doctrine's ``array`` type stores)."""
    if v is None:
        return "N;"
    if isinstance(v, bool):
        return f"b:{int(v)};"
    if isinstance(v, int):
        return f"i:{v};"
    if isinstance(v, str):
        return f's:{len(v.encode())}:"{v}";'
    items = list(v.items()) if isinstance(v, dict) else list(enumerate(v))
    return f"a:{len(items)}:{{" + "".join(_ser(k) + _ser(x) for k, x in items) + "}"


def _canonical(src):  # type: ignore[no-untyped-def]
    def gen(c):  # type: ignore[no-untyped-def]
        return c.row[src].lower()
    return gen


def _username(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.2:
        return c.person["email"]  # some instances let people sign up with their e-mail
    if r < 0.3:
        return c.person["first"]  # non-ASCII for many locales
    return c.person["username"]


def _base32(n):  # type: ignore[no-untyped-def]
    def gen(c):  # type: ignore[no-untyped-def]
        return "".join(c.rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(n))
    return gen


def _backup_codes(c):  # type: ignore[no-untyped-def]
    return [str(c.rng.randint(10**7, 10**8 - 1)) for _ in range(c.rng.choice([5, 10]))]


def _name(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.15:
        return ""
    return G["full_name"](c) if r < 0.85 else c.person["first"]


def _article_url(c):  # type: ignore[no-untyped-def]
    host = c.rng.choice(SITES)
    slug = G["slug"](c)
    url = f"https://{host}/{c.rng.randint(2016, 2025)}/{slug}"
    if c.rng.random() < 0.3:
        url += "?utm_source=newsletter&utm_medium=email&utm_campaign=weekly"
    return url


def _sha1_of(src):  # type: ignore[no-untyped-def]
    def gen(c):  # type: ignore[no-untyped-def]
        v = c.row.get(src)
        return None if v is None else hashlib.sha1(v.encode()).hexdigest()
    return gen


def _origin_url(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.85:
        return None
    return c.rng.choice(["https://news.ycombinator.example/item?id=38211",
                         "https://t.co/" + G["token"](_p(c, n=10, style="url")),
                         f"https://getpocket.example/read/{c.rng.randint(10**8, 10**9)}"])


def _given_url(c):  # type: ignore[no-untyped-def]
    u = c.row.get("url")
    if u is None or c.rng.random() < 0.2:
        return None
    return u if c.rng.random() < 0.7 else u.replace("https://", "http://www.")


def _title(c):  # type: ignore[no-untyped-def]
    f = c.fakers["en_US"]
    return c.rng.choice([f.catch_phrase(), f.sentence(nb_words=8).rstrip("."),
                         "Untitled", "Why we stopped using microservices",
                         "Die Zukunft der Arbeit", "La recette du pain au levain"])


def _content(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.05:
        return "<p>wallabag can't retrieve contents for this article.</p>"
    return G["paragraphs"](c)


def _published_by(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.5:
        return None
    if r < 0.6:
        return _ser(["Editorial Team"])
    authors = [G["full_name"](c)]
    if c.rng.random() < 0.3:
        authors.append(c.fakers["en_US"].name())
    return _ser(authors)


def _headers(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.4:
        return None
    return _ser({"content-type": "text/html; charset=utf-8",
                 "server": c.rng.choice(["nginx", "cloudflare", "Apache"]),
                 "cache-control": "max-age=300",
                 "x-served-by": f"cache-fra{c.rng.randint(1000, 9999)}-FRA"})


def _preview(c):  # type: ignore[no-untyped-def]
    return f"https://{c.rng.choice(SITES)}/images/{G['token'](_p(c, n=16))}.jpg"


ANNOTATIONS = ["Important!", "see also {first2}'s talk", "Send this to {first2} {last2}",
               "disagree", "Quote for the newsletter", "Ask {first2} about this: {email}",
               "cf. chapter 3", "{first2} {last2} said the same at the meetup in {city}"]


def _ranges(c):  # type: ignore[no-untyped-def]
    start = c.rng.randint(1, 40)
    return _ser([{"start": f"/p[{start}]", "startOffset": str(c.rng.randint(0, 200)),
                  "end": f"/p[{start}]", "endOffset": str(c.rng.randint(200, 400))}])


def _crypted(c):  # type: ignore[no-untyped-def]
    # defuse/php-encryption ciphertext, hex ('def50200...'), as CryptoProxy stores it
    return "def50200" + G["token"](_p(c, n=c.rng.choice([232, 264, 296]), style="hex"))


RULES = [("title matches \"python\"", "python"), ("domainName = \"lemonde.fr\"", "news,fr"),
         ("readingTime >= 15", "long read"), ("content matches \"recette\"", "recipes"),
         ("url matches \"github.com\"", "dev")]
ORIGIN_RULES = ["host = \"feedproxy.google.com\"", "host = \"t.co\"",
                "_all ~ \"https?://www\\.facebook\\.com/l\\.php\\?u=.*\"",
                "host = \"news.ycombinator.com\""]
SETTINGS = [("share_public", "1", "entry"), ("carrot", "1", "entry"),
            ("share_mail", "1", "entry"), ("export_epub", "1", "export"),
            ("import_with_redis", "0", "import"), ("piwik_enabled", "0", "analytics"),
            ("piwik_host", "stats.example.org", "analytics"), ("piwik_site_id", "1", "analytics"),
            ("restricted_access", "0", "entry"), ("api_user_registration", "0", "api"),
            ("store_article_headers", "1", "entry"), ("shaarli_url", "", "entry")]


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, P + "user", N_USER,
          col("id", I, pk=True, auto=True),
          col("username", sa.String(180), _username),
          col("username_canonical", sa.String(180), _canonical("username"), unique=True),
          col("email", sa.String(180), "email"),
          col("email_canonical", sa.String(180), _canonical("email"), unique=True),
          col("enabled", B, lambda c: c.rng.random() < 0.9),
          col("salt", S, lambda c: G["token"](_p(c, n=43, style="url")), null=0.7),
          col("password", S, lambda c: G["password_hash"](_p(c, style=c.rng.choice(
              ["bcrypt", "argon2", "sha512"])))),
          col("last_login", TS, _ts, null=0.2),
          col("confirmation_token", sa.String(180), lambda c: G["token"](_p(c, n=43,
                                                                             style="url")),
              null=0.85, unique=True),
          col("password_requested_at", TS, _ts, null=0.9),
          col("roles", LT, lambda c: _ser(["ROLE_SUPER_ADMIN"] if c.index == 0 else [])),
          col("name", LT, _name, null=0.3),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts),
          col("authCode", I, "int", lo=100000, hi=999999, null=0.9),
          col("emailTwoFactor", B, lambda c: c.rng.random() < 0.1),
          col("googleAuthenticatorSecret", S, _base32(52), null=0.8),
          col("google_authenticator", B, lambda c: c.row.get("googleAuthenticatorSecret")
              is not None),
          col("backupCodes", sa.JSON(none_as_null=True), _backup_codes, null=0.8))
    table(md, P + "config", N_USER,
          col("id", I, pk=True, auto=True),
          col("user_id", I, fk=P + "user.id", unique=True, null=0.0),
          col("items_per_page", I, "choice", values=[12, 24, 50]),
          col("language", S, "choice", values=["en", "de", "fr", "ja", "pt_BR"]),
          col("feed_token", S, lambda c: G["token"](_p(c, n=30, style="url")), null=0.6),
          col("feed_limit", I, "choice", values=[50, 100], null=0.6),
          col("reading_speed", F, "choice", values=[100.0, 200.0, 300.0, 400.0], null=0.05),
          col("pocket_consumer_key", S, lambda c: f"{c.rng.randint(10000, 99999)}-"
              f"{G['token'](_p(c, n=24))}", null=0.85),
          col("action_mark_as_read", I, "choice", values=[0, 1, 2], null=0.1),
          col("list_mode", I, "choice", values=[0, 1], null=0.1),
          col("display_thumbnails", I, "choice", values=[0, 1], null=0.1),
          col("font", LT, "choice", values=["sans-serif", "serif", "atkinson", "inter"],
              null=0.3),
          col("fontsize", F, "choice", values=[1.0, 1.2, 1.5], null=0.3),
          col("line_height", F, "choice", values=[1.3, 1.5, 2.0], null=0.3),
          col("max_width", F, "choice", values=[36.0, 40.0, 50.0], null=0.3),
          col("custom_css", LT, "choice", values=["", "body { background: #111; }"],
              null=0.7))
    table(md, P + "entry", N_ENTRY,
          col("id", I, pk=True, auto=True),
          col("user_id", I, fk=P + "user.id", null=0.0),
          col("uid", sa.String(23), lambda c: G["token"](_p(c, n=23, style="hex")), null=0.9),
          col("title", LT, _title, null=0.02),
          col("url", LT, _article_url, null=0.01),
          col("hashed_url", sa.String(40), _sha1_of("url"), nullable=True),
          col("origin_url", LT, _origin_url, nullable=True),
          col("given_url", LT, _given_url, nullable=True),
          col("hashed_given_url", sa.String(40), _sha1_of("given_url"), nullable=True),
          col("is_archived", B, "bool"),
          col("archived_at", TS, _ts, null=0.5),
          col("is_starred", B, lambda c: c.rng.random() < 0.2),
          col("content", LT, _content, null=0.03),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts),
          col("published_at", TS, _ts, null=0.4),
          col("published_by", LT, _published_by, nullable=True),
          col("starred_at", TS, _ts, null=0.8),
          col("mimetype", LT, "choice", values=["text/html", "text/html; charset=utf-8",
                                                "application/pdf"], null=0.1),
          col("language", sa.String(20), "choice", values=["en", "en_US", "de", "fr", "ja"],
              null=0.2),
          col("reading_time", I, "int", lo=0, hi=60),
          col("domain_name", LT, lambda c: c.rng.choice(SITES), null=0.02),
          col("preview_picture", LT, _preview, null=0.4),
          col("http_status", sa.String(3), "choice", values=["200", "200", "200", "404",
                                                             "403", "500"], null=0.1),
          col("headers", LT, _headers, nullable=True),
          col("is_not_parsed", B, lambda c: c.rng.random() < 0.05))
    table(md, P + "tag", len(TAGS),
          col("id", I, pk=True, auto=True),
          col("label", LT, lambda c: TAGS[c.index]),
          col("slug", sa.String(128), lambda c: TAGS[c.index].replace(" ", "-"), unique=True))
    table(md, P + "entry_tag", 700,
          col("entry_id", I, fk=P + "entry.id", pk=True),
          col("tag_id", I, fk=P + "tag.id", pk=True))
    table(md, P + "annotation", 150,
          col("id", I, pk=True, auto=True),
          col("user_id", I, fk=P + "user.id", null=0.02),
          col("entry_id", I, fk=P + "entry.id", null=0.02),
          col("text", LT, "template", texts=ANNOTATIONS, empty=0.15),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts),
          col("quote", LT, lambda c: c.fakers["en_US"].sentence(nb_words=14)),
          col("ranges", LT, _ranges))
    table(md, P + "site_credential", 30,
          col("id", I, pk=True, auto=True),
          col("host", S, "choice", values=["lemonde.fr", "mediapart.fr", "nytimes.com",
                                           "lwn.net", "heise.de", "nikkei.com"]),
          col("username", LT, _crypted),
          col("password", LT, _crypted),
          col("createdAt", TS, _ts),
          col("updated_at", TS, _ts, null=0.5),
          col("user_id", I, fk=P + "user.id"))
    table(md, P + "tagging_rule", 40,
          col("id", I, pk=True, auto=True),
          col("config_id", I, fk=P + "config.id", null=0.02),
          col("rule", S, lambda c: c.rng.choice(RULES)[0]),
          col("tags", LT, lambda c: c.rng.choice(RULES)[1]))
    table(md, P + "ignore_origin_user_rule", 20,
          col("id", I, pk=True, auto=True),
          col("config_id", I, fk=P + "config.id"),
          col("rule", S, "choice", values=ORIGIN_RULES))
    table(md, P + "ignore_origin_instance_rule", len(ORIGIN_RULES),
          col("id", I, pk=True, auto=True),
          col("rule", S, lambda c: ORIGIN_RULES[c.index]))
    table(md, P + "internal_setting", len(SETTINGS),
          col("name", S, lambda c: SETTINGS[c.index][0], pk=True),
          col("value", S, lambda c: SETTINGS[c.index][1], nullable=True),
          col("section", S, lambda c: SETTINGS[c.index][2], nullable=True))
    table(md, P + "oauth2_clients", 50,
          col("id", I, pk=True, auto=True),
          col("random_id", S, lambda c: G["token"](_p(c, n=50, style="b64"))[:50]
              .replace("/", "x").replace("+", "y")),
          col("redirect_uris", LT, lambda c: _ser(c.rng.choice(
              [[], ["wallabag://callback"], ["https://app.example.org/oauth/cb"]]))),
          col("secret", S, lambda c: G["token"](_p(c, n=50, style="url"))),
          col("allowed_grant_types", LT, lambda c: _ser(["token", "authorization_code",
                                                         "password", "refresh_token"])),
          col("name", LT, lambda c: c.rng.choice(
              ["Android app", "wallabagger", "KOReader", "iOS", "Firefox extension",
               f"{c.person['first']}'s e-reader", "Client for " + c.person["username"]])),
          col("user_id", I, fk=P + "user.id", null=0.1))
    for kind, n in (("access_tokens", 300), ("refresh_tokens", 200), ("auth_codes", 30)):
        extra = [col("redirect_uri", LT, lambda c: c.rng.choice(
            ["wallabag://callback", "https://app.example.org/oauth/cb"]))] \
            if kind == "auth_codes" else []
        table(md, P + "oauth2_" + kind, n,
              col("id", I, pk=True, auto=True),
              col("client_id", I, fk=P + "oauth2_clients.id"),
              col("user_id", I, fk=P + "user.id", null=0.05),
              col("token", S, lambda c: G["token"](_p(c, n=86, style="url")), unique=True),
              *extra,
              col("expires_at", I, "int", lo=1_600_000_000, hi=1_760_000_000, null=0.05),
              col("scope", S, lambda c: c.rng.choice([None, "read write", "read"]),
                  nullable=True))
    return md


