"""Umami (privacy-minded web analytics, TypeScript and Prisma, PostgreSQL): a held-out
schema (issue #10), labelled before any scan and never tuned on. The tables Prisma creates
from ``prisma/schema.prisma``: 13 of its 17 models (``pixel``, ``board``, ``share`` and
``session_replay_saved`` left out), all their columns, snake_case names as mapped,
``uuid`` keys, ``timestamptz``, ``jsonb`` for ``Json`` and ``bytea`` for ``Bytes`` on
PostgreSQL. The schema sets ``relationMode = "prisma"``: no foreign key is declared in the
database, so every reference is a value here.

Tables: users (username, bcrypt hash, display name, logo URL), teams with access codes,
team members, websites (domain, replay settings), sessions (the visitor: a uuid derived
from the visitor's IP, user agent and website, browser, OS, device, screen, language,
country, region and city, and the site's own ``distinct_id`` for identified visitors),
website events (page paths and queries, some carrying an e-mail or a reset token, UTM
fields, referrers, page titles naming the signed-in visitor, click ids, web vitals),
event data and session data (key/value pairs sent by the site: plan names, amounts,
e-mails, names, customer ids), saved reports and segments (JSON parameters), revenue,
short links and session replay chunks (gzip-compressed rrweb JSON).
"""

from __future__ import annotations

import gzip
import json
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from ..gen import GENERATORS as G
from ..gen import col, datetimes, jsonb, new_person, table, token_of

SOURCE = {"repo": "umami-software/umami", "path": "prisma/schema.prisma",
          "commit": "c0ea3aefbee7a3429ee2f824b06dc4a9dbe0b7e1"}
PERSON_TABLES = ("user",)

U = sa.Uuid
V = sa.String
I = sa.Integer  # noqa: E741
B = sa.Boolean
TZ = sa.DateTime(timezone=True)

_ts = datetimes(2022, 2025)


def _bytea() -> sa.types.TypeEngine:  # type: ignore[type-arg]
    return sa.LargeBinary().with_variant(postgresql.BYTEA(), "postgresql")


DOMAINS = ["shop.example.com", "blog.example.org", "docs.example.net", "app.example.io",
           "www.example.de", "kochrezepte.example", "studio-hana.example.jp"]
PATHS = ["/", "/pricing", "/blog/how-we-scaled-postgres", "/docs/getting-started", "/login",
         "/signup", "/checkout", "/cart", "/about", "/contact", "/blog/tag/privacy",
         "/account/settings", "/products/mountain-bike-52", "/search"]


def _username(c):  # type: ignore[no-untyped-def]
    return c.person["email"] if c.rng.random() < 0.4 else c.person["username"]


def _params(c, **p):  # type: ignore[no-untyped-def]
    c.params = p
    return c


def _url_query(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.45:
        return None
    if r < 0.6:
        return ""
    if r < 0.8:
        return f"utm_source={c.rng.choice(['newsletter', 'twitter', 'google'])}" \
               f"&utm_medium={c.rng.choice(['email', 'social', 'cpc'])}"
    if r < 0.88:
        return f"email={c.person['email']}&ref=welcome"
    if r < 0.94:
        return "token=" + G["token"](_params(c, n=40, style="url"))
    return f"q={c.rng.choice(['invoice', 'refund policy', 'dark mode', 'api limits'])}"


def _page_title(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.15:
        return None
    if r < 0.25:
        return f"{c.person['first']} {c.person['last']} - Profile"
    if r < 0.3:
        return f"Welcome back, {c.person['first']}! | Dashboard"
    return c.rng.choice(["Pricing", "Blog", "Getting started - Docs", "Sign in", "Checkout",
                         "Your cart (2)", "About us", "Contact", "Search results"])


def _referrer_domain(c):  # type: ignore[no-untyped-def]
    return c.rng.choice([None, None, "", "google.com", "duckduckgo.com", "t.co",
                         "news.ycombinator.com", "mail.google.com", "www.reddit.com",
                         "l.facebook.com", "bing.com"])


def _click_id(share: float):  # type: ignore[no-untyped-def]
    def gen(c):  # type: ignore[no-untyped-def]
        if c.rng.random() >= share:
            return None
        return G["token"](_params(c, n=c.rng.choice([32, 48, 90]), style="url"))
    return gen


def _vital(lo: float, hi: float, places: int):  # type: ignore[no-untyped-def]
    def gen(c):  # type: ignore[no-untyped-def]
        if c.rng.random() < 0.7:
            return None
        return Decimal(f"{c.rng.uniform(lo, hi):.{places}f}")
    return gen


EVENT_KEYS = ["plan", "amount", "email", "button", "name", "customer_id", "signup_method",
              "variant", "product", "coupon"]


def _data_key(c):  # type: ignore[no-untyped-def]
    return c.rng.choice(EVENT_KEYS)


def _string_value(c):  # type: ignore[no-untyped-def]
    k = c.row["data_key"]
    p = c.person
    if k == "email":
        return p["email"]
    if k == "name":
        return f"{p['first']} {p['last']}"
    if k == "customer_id":
        return "cus_" + G["token"](_params(c, n=14, style="url"))
    if k == "amount":
        return None
    return {"plan": c.rng.choice(["free", "pro", "team", "enterprise"]),
            "button": c.rng.choice(["hero-cta", "footer-signup", "nav-login"]),
            "signup_method": c.rng.choice(["google", "github", "email"]),
            "variant": c.rng.choice(["A", "B"]),
            "product": G["product_name"](c),
            "coupon": c.rng.choice(["SPRING24", "WELCOME10", ""])}[k]


def _number_value(c):  # type: ignore[no-untyped-def]
    if c.row["data_key"] == "amount":
        return Decimal(f"{c.rng.uniform(5, 500):.4f}")
    return None


def _data_type(c):  # type: ignore[no-untyped-def]
    return 2 if c.row["data_key"] == "amount" else 1


SESSION_KEYS = ["email", "name", "plan", "company", "user_id", "role", "trial"]


def _sd_key(c):  # type: ignore[no-untyped-def]
    return c.rng.choice(SESSION_KEYS)


def _sd_value(c):  # type: ignore[no-untyped-def]
    k = c.row["data_key"]
    p = c.person
    return {"email": p["email"], "name": f"{p['first']} {p['last']}",
            "plan": c.rng.choice(["free", "pro", "team"]), "company": G["company"](c),
            "user_id": f"usr_{c.rng.randint(1000, 99999)}",
            "role": c.rng.choice(["owner", "member", "viewer"]),
            "trial": c.rng.choice(["true", "false"])}[k]


def _distinct_id(share: float):  # type: ignore[no-untyped-def]
    def gen(c):  # type: ignore[no-untyped-def]
        if c.rng.random() >= share:
            return None
        r = c.rng.random()
        if r < 0.5:
            return f"usr_{c.rng.randint(1000, 99999)}"
        if r < 0.8:
            return c.person["email"][:50]
        return G["uuid_str"](c)
    return gen


def _report_params(c):  # type: ignore[no-untyped-def]
    return {"dateRange": {"startDate": "2024-01-01", "endDate": "2024-03-31"},
            "steps": [{"type": "url", "value": "/pricing"}, {"type": "url", "value": "/checkout"}],
            "window": c.rng.choice([30, 60, 90])}


def _segment_params(c):  # type: ignore[no-untyped-def]
    return {"filters": [{"name": c.rng.choice(["country", "browser", "os", "path"]),
                         "operator": "eq",
                         "value": c.rng.choice(["DE", "chrome", "iOS", "/blog"])}]}


def _replay_config(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.6:
        return None
    return {"sampleRate": c.rng.choice([0.1, 0.5, 1]), "maskAllInputs": c.rng.random() < 0.8,
            "blockSelector": ".no-record"}


def _replay_events(c):  # type: ignore[no-untyped-def]
    p = new_person(c)
    events = [{"type": 4, "data": {"href": f"https://{c.rng.choice(DOMAINS)}/signup",
                                   "width": 1440, "height": 900}, "timestamp": 1717000000000},
              {"type": 3, "data": {"source": 5, "id": c.rng.randint(10, 99),
                                   "text": c.rng.choice(["*****", p["email"], p["first"],
                                                         "*****", "hello"])}}]
    return gzip.compress(json.dumps(events).encode(), mtime=0)


def _logo(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.8:
        return None
    return f"https://cdn.example.com/logos/{G['token'](_params(c, n=12, style='hex'))}.png"


def _region(c):  # type: ignore[no-untyped-def]
    return c.rng.choice([None, "US-CA", "US-NY", "DE-BE", "DE-BY", "FR-IDF", "GB-ENG",
                         "JP-13", "BR-SP", "IN-KA", "PL-MZ"])


def _link_url(c):  # type: ignore[no-untyped-def]
    return c.rng.choice([f"https://{c.rng.choice(DOMAINS)}{c.rng.choice(PATHS)}?utm_source=link",
                         "https://example.com/webinar-2024", "https://example.org/spring-sale"])


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "user", 30,
          col("user_id", U, "uuid", pk=True),
          col("username", V(255), _username, unique=True),
          col("password", V(60), "password_hash", style="bcrypt"),
          col("role", V(50), "choice", values=["admin", "user", "user", "view-only"]),
          col("logo_url", V(2183), _logo, nullable=True),
          col("display_name", V(255), "display_name", null=0.5),
          col("created_at", TZ, _ts, null=0.02),
          col("updated_at", TZ, _ts, null=0.3),
          col("deleted_at", TZ, _ts, null=0.9))
    table(md, "team", 8,
          col("team_id", U, "uuid", pk=True),
          col("name", V(50), lambda c: c.rng.choice(["Marketing", "Growth", "Web team",
                                                      "Agency clients", G["company"](c)])),
          col("access_code", V(50), token_of(16, "url"), unique=True, null=0.1),
          col("logo_url", V(2183), _logo, nullable=True),
          col("created_at", TZ, _ts, null=0.02),
          col("updated_at", TZ, _ts, null=0.3),
          col("deleted_at", TZ, _ts, null=0.9))
    table(md, "team_user", 20,
          col("team_user_id", U, "uuid", pk=True),
          col("team_id", U, ref="team.team_id", nullable=False),
          col("user_id", U, ref="user.user_id", nullable=False),
          col("role", V(50), "choice", values=["team-owner", "team-member", "team-view-only"]),
          col("created_at", TZ, _ts, null=0.02),
          col("updated_at", TZ, _ts, null=0.3))
    table(md, "website", 25,
          col("website_id", U, "uuid", pk=True),
          col("name", V(100), lambda c: c.rng.choice(["Main site", "Blog", "Docs", "Shop",
                                                       "Landing page", "Portfolio"])),
          col("domain", V(500), "choice", values=DOMAINS, null=0.05),
          col("reset_at", TZ, _ts, null=0.85),
          col("user_id", U, ref="user.user_id", null=0.3),
          col("team_id", U, ref="team.team_id", null=0.7),
          col("created_by", U, ref="user.user_id", null=0.1),
          col("created_at", TZ, _ts, null=0.02),
          col("updated_at", TZ, _ts, null=0.3),
          col("deleted_at", TZ, _ts, null=0.9),
          col("replay_enabled", B, "bool", nullable=False),
          col("replay_config", jsonb(), _replay_config, nullable=True))
    table(md, "session", 400,
          col("session_id", U, "uuid", pk=True),
          col("website_id", U, ref="website.website_id", nullable=False),
          col("browser", V(20), "choice", values=["chrome", "firefox", "safari", "edge-chromium",
                                                  "ios", "samsung", "crios"], null=0.02),
          col("os", V(20), "choice", values=["Windows 10", "Mac OS", "Linux", "iOS",
                                             "Android OS", "Chrome OS"], null=0.02),
          col("device", V(20), "choice", values=["desktop", "laptop", "mobile", "tablet"],
              null=0.02),
          col("screen", V(11), "choice", values=["1920x1080", "1440x900", "390x844",
                                                 "2560x1440", "768x1024", "1366x768"],
              null=0.02),
          col("language", V(35), "choice", values=["en-US", "de-DE", "fr-FR", "ja-JP", "pt-BR",
                                                   "pl", "en-GB", "zh-CN"], null=0.02),
          col("country", sa.CHAR(2), "choice", values=["US", "DE", "FR", "JP", "BR", "PL", "GB",
                                                       "IN", "CN", "NL"], null=0.03),
          col("region", V(20), _region, nullable=True),
          col("city", V(50), "city", null=0.2),
          col("distinct_id", V(50), _distinct_id(0.25), nullable=True),
          col("created_at", TZ, _ts, null=0.01))
    table(md, "website_event", 1200,
          col("event_id", U, "uuid", pk=True),
          col("website_id", U, ref="website.website_id", nullable=False),
          col("session_id", U, ref="session.session_id", nullable=False),
          col("visit_id", U, "uuid", nullable=False),
          col("created_at", TZ, _ts, null=0.01),
          col("url_path", V(500), "choice", values=PATHS),
          col("url_query", V(500), _url_query, nullable=True),
          col("utm_source", V(255), "choice", values=["newsletter", "twitter", "google"],
              null=0.8),
          col("utm_medium", V(255), "choice", values=["email", "social", "cpc"], null=0.8),
          col("utm_campaign", V(255), "choice", values=["spring-sale", "launch-week", "bf2024"],
              null=0.85),
          col("utm_content", V(255), "choice", values=["hero", "footer", "banner-a"], null=0.9),
          col("utm_term", V(255), "choice", values=["analytics", "privacy analytics"],
              null=0.95),
          col("referrer_path", V(500), "choice", values=["/", "/search", "/r/selfhosted",
                                                         "/item", ""], null=0.5),
          col("referrer_query", V(500), "choice", values=["q=umami+analytics", "id=38211",
                                                          ""], null=0.7),
          col("referrer_domain", V(500), _referrer_domain, nullable=True),
          col("page_title", V(500), _page_title, nullable=True),
          col("gclid", V(255), _click_id(0.05), nullable=True),
          col("fbclid", V(255), _click_id(0.05), nullable=True),
          col("msclkid", V(255), _click_id(0.02), nullable=True),
          col("ttclid", V(255), _click_id(0.02), nullable=True),
          col("li_fat_id", V(255), _click_id(0.01), nullable=True),
          col("twclid", V(255), _click_id(0.02), nullable=True),
          col("event_type", I, "choice", values=[1, 1, 1, 2]),
          col("event_name", V(50), "choice", values=["signup-click", "purchase", "download",
                                                     "newsletter-subscribe"], null=0.75),
          col("tag", V(50), "choice", values=["beta", "v2"], null=0.9),
          col("hostname", V(100), "choice", values=DOMAINS, null=0.05),
          col("lcp", sa.Numeric(10, 1), _vital(300, 6000, 1), nullable=True),
          col("inp", sa.Numeric(10, 1), _vital(20, 800, 1), nullable=True),
          col("cls", sa.Numeric(10, 4), _vital(0, 0.5, 4), nullable=True),
          col("fcp", sa.Numeric(10, 1), _vital(200, 4000, 1), nullable=True),
          col("ttfb", sa.Numeric(10, 1), _vital(50, 2000, 1), nullable=True))
    table(md, "event_data", 500,
          col("event_data_id", U, "uuid", pk=True),
          col("website_id", U, ref="website.website_id", nullable=False),
          col("website_event_id", U, ref="website_event.event_id", nullable=False),
          col("data_key", V(500), _data_key),
          col("string_value", V(500), _string_value, nullable=True),
          col("number_value", sa.Numeric(19, 4), _number_value, nullable=True),
          col("date_value", TZ, _ts, null=0.95),
          col("data_type", I, _data_type),
          col("created_at", TZ, _ts, null=0.01))
    table(md, "session_data", 300,
          col("session_data_id", U, "uuid", pk=True),
          col("website_id", U, ref="website.website_id", nullable=False),
          col("session_id", U, ref="session.session_id", nullable=False),
          col("data_key", V(500), _sd_key),
          col("string_value", V(500), _sd_value, nullable=True),
          col("number_value", sa.Numeric(19, 4), "money", null=0.9),
          col("date_value", TZ, _ts, null=0.95),
          col("data_type", I, "choice", values=[1, 1, 1, 2, 3]),
          col("distinct_id", V(50), _distinct_id(0.6), nullable=True),
          col("created_at", TZ, _ts, null=0.01))
    table(md, "report", 30,
          col("report_id", U, "uuid", pk=True),
          col("user_id", U, ref="user.user_id", nullable=False),
          col("website_id", U, ref="website.website_id", nullable=False),
          col("type", V(50), "choice", values=["funnel", "retention", "insights", "goals",
                                               "journey", "utm", "revenue"]),
          col("name", V(200), "choice", values=["Signup funnel", "Q1 retention", "Checkout goals",
                                                "Campaign UTM", "Revenue by country"]),
          col("description", V(500), "choice", values=["", "", "Weekly review",
                                                       "For the board deck"]),
          col("parameters", jsonb(), _report_params),
          col("created_at", TZ, _ts, null=0.02),
          col("updated_at", TZ, _ts, null=0.3))
    table(md, "segment", 15,
          col("segment_id", U, "uuid", pk=True),
          col("website_id", U, ref="website.website_id", nullable=False),
          col("type", V(50), "choice", values=["segment", "cohort"]),
          col("name", V(200), "choice", values=["German visitors", "Mobile users",
                                                "Blog readers", "Chrome on Windows"]),
          col("parameters", jsonb(), _segment_params),
          col("created_at", TZ, _ts, null=0.02),
          col("updated_at", TZ, _ts, null=0.3))
    table(md, "revenue", 150,
          col("revenue_id", U, "uuid", pk=True),
          col("website_id", U, ref="website.website_id", nullable=False),
          col("session_id", U, ref="session.session_id", nullable=False),
          col("event_id", U, ref="website_event.event_id", nullable=False),
          col("event_name", V(50), "choice", values=["purchase", "subscription-renewal",
                                                     "upgrade"]),
          col("currency", V(10), "choice", values=["USD", "EUR", "JPY", "GBP", "BRL"]),
          col("revenue", sa.Numeric(19, 4), "money", null=0.05),
          col("created_at", TZ, _ts, null=0.01))
    table(md, "link", 20,
          col("link_id", U, "uuid", pk=True),
          col("name", V(100), "choice", values=["Spring sale", "Webinar signup", "Podcast ep. 12",
                                                "Newsletter footer", "Conference talk"]),
          col("url", V(500), _link_url),
          col("slug", V(100), token_of(8, "url"), unique=True),
          col("user_id", U, ref="user.user_id", null=0.3),
          col("team_id", U, ref="team.team_id", null=0.7),
          col("created_at", TZ, _ts, null=0.02),
          col("updated_at", TZ, _ts, null=0.3),
          col("deleted_at", TZ, _ts, null=0.9))
    table(md, "session_replay", 60,
          col("replay_id", U, "uuid", pk=True),
          col("website_id", U, ref="website.website_id", nullable=False),
          col("session_id", U, ref="session.session_id", nullable=False),
          col("visit_id", U, "uuid", nullable=False),
          col("chunk_index", I, "int", lo=0, hi=12),
          col("events", _bytea(), _replay_events),
          col("event_count", I, "int", lo=1, hi=400),
          col("started_at", TZ, _ts),
          col("ended_at", TZ, _ts),
          col("created_at", TZ, _ts, null=0.01))
    return md
