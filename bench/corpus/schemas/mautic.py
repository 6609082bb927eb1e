"""Mautic (PHP marketing automation, Symfony/Doctrine, MySQL): a held-out schema (issue
#10), labelled before any scan and never tuned on. Mautic has no schema file: the tables
are those the Doctrine mappings (``loadMetadata()`` of the entity classes) declare, plus
the contact and company columns the installer adds to ``leads`` from
``FieldModel::$coreFields`` (``app/bundles/LeadBundle/Model/FieldModel.php``; types from
``LeadBundle/Field/SchemaDefinition.php``: text fields ``VARCHAR(191)``, numbers
``DOUBLE``, datetimes ``DATETIME``). Entities read: ``UserBundle/Entity/User.php``,
``CoreBundle/Entity/{FormEntity,IpAddress,AuditLog}.php``,
``LeadBundle/Entity/{Lead,LeadNote,LeadDevice,DoNotContact,UtmTag,LeadEventLog}.php``,
``PageBundle/Entity/Hit.php``, ``EmailBundle/Entity/Stat.php``,
``FormBundle/Entity/Submission.php``, with the builder helpers of
``CoreBundle/Doctrine/Mapping/ClassMetadataBuilder.php`` (``addId`` unsigned ``INT``,
``addBigIntIdField`` unsigned ``BIGINT``, ``addLead``/``addIpAddress`` the ``lead_id`` and
``ip_id`` joins); 13 tables, all their mapped columns (entities extending ``FormEntity``
carry its ten audit columns). Doctrine ``array`` is PHP-serialized ``LONGTEXT``,
``json`` ``JSON``. Foreign keys as mapped to tables included (``owner_id``, ``lead_id``,
``ip_id``, ``device_id``); joins to tables not included (roles, stages, pages,
redirects, emails, lists, forms, e-mail copies) are generated as values without a
constraint.

Tables: users (staff: login, names, e-mail, bcrypt hash, signature), leads (contacts:
identified people with names, e-mail, phones, address and social handles, and anonymous
visitors whose rows hold only points and activity, about half the table), IP addresses
(with serialized geolocation), the lead-IP pivot, notes about leads, devices (with the
tracking cookie id), do-not-contact entries (bounce messages with the address), UTM tags
(referrer, remote host, query), page hits (visitor tracking id, IP, city, ISP, query
parameters that sometimes carry the e-mail), e-mail send stats (recipient address,
tracking hash, personalisation tokens, open details with user agents), form submissions,
the audit log (user name, IP, serialized change details naming the contact) and the lead
event log (JSON properties of imports and merges).
"""

from __future__ import annotations

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, datetimes, json_, longtext, table
from ..gen import with_params as _p

SOURCE = {"repo": "mautic/mautic", "path": "app/bundles/LeadBundle/Entity/Lead.php",
          "commit": "24271492a83834e2dd68d9a2c63b61f689a661ac"}
PERSON_TABLES = ("users", "leads")

S = sa.String(255)
S191 = sa.String(191)
T = sa.Text
LT = longtext()
DT = sa.DateTime
I = sa.Integer  # noqa: E741
BI = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
B = sa.Boolean
F = sa.Float

N_USER = 15
N_LEAD = 400
N_IP = 300
N_DEVICE = 250
INDUSTRIES = ["Agriculture", "Banking", "Education", "Healthcare", "Retail", "Technology"]
UTM = [("newsletter", "email", "spring_sale"), ("google", "cpc", "brand"),
       ("facebook", "social", "webinar_2024"), ("linkedin", "social", "ebook"),
       ("partner", "referral", "")]
PAGES = [("https://www.example.com/pricing", "Pricing"),
         ("https://www.example.com/blog/10-tips-for-email", "10 tips for better email"),
         ("https://www.example.com/webinar", "Register for the webinar"),
         ("https://www.example.com/contact", "Contact us"),
         ("https://www.example.com/", "Home")]
ISPS = [("Deutsche Telekom AG", "Deutsche Telekom AG"), ("Comcast Cable", "Comcast"),
        ("Orange S.A.", "Orange"), ("NTT Communications", "NTT"), ("", "")]
NOTE_TEXTS = ["<p>Called {first}, interested in the enterprise plan.</p>",
              "<p>Met at the trade fair in {city}.</p>", "<p>Asked for a demo.</p>",
              "<p>Wrong number, new one is {phone}</p>", "<p>Not interested.</p>",
              "<p>Forwarded to {first2} {last2}.</p>"]


_ts = datetimes(2019, 2025)


def _tok(n, style="hex"):  # type: ignore[no-untyped-def]
    def g(c):  # type: ignore[no-untyped-def]
        return G["token"](_p(c, n=n, style=style))
    return g


def php(v):  # type: ignore[no-untyped-def]
    """PHP serialize() of None, bool, int, float, str, list and dict (Doctrine 'array')."""
    if v is None:
        return "N;"
    if isinstance(v, bool):
        return f"b:{int(v)};"
    if isinstance(v, int):
        return f"i:{v};"
    if isinstance(v, float):
        return f"d:{v};"
    if isinstance(v, str):
        return f's:{len(v.encode())}:"{v}";'
    items = list(enumerate(v)) if isinstance(v, list) else list(v.items())
    return f"a:{len(items)}:{{" + "".join(php(k) + php(x) for k, x in items) + "}"


def _user_names(c):  # type: ignore[no-untyped-def]
    """FormEntity's *_by_user columns: a staff member's full name (or NULL)."""
    return G["full_name"](c) if c.rng.random() < 0.7 else None


def _form_entity():  # type: ignore[no-untyped-def]
    return [col("is_published", B, lambda c: c.rng.random() < 0.95),
            col("date_added", DT, _ts, null=0.02),
            col("created_by", I, "int", lo=1, hi=N_USER, null=0.4),
            col("created_by_user", S, _user_names, nullable=True),
            col("date_modified", DT, _ts, null=0.3),
            col("modified_by", I, "int", lo=1, hi=N_USER, null=0.5),
            col("modified_by_user", S, _user_names, nullable=True),
            col("checked_out", DT, _ts, null=0.95),
            col("checked_out_by", I, "int", lo=1, hi=N_USER, null=0.95),
            col("checked_out_by_user", S, lambda c: G["full_name"](c)
                if c.row["checked_out_by"] else None, nullable=True)]


def _known(g, share=1.0):  # type: ignore[no-untyped-def]
    """A contact field: NULL for anonymous visitors, else the value in ``share`` of rows."""
    def gen(c):  # type: ignore[no-untyped-def]
        if c.row["_anon"] or c.rng.random() >= share:
            return None
        return g(c) if callable(g) else G[g](c)
    return gen


def _anon(c):  # type: ignore[no-untyped-def]
    c.row["_anon"] = c.rng.random() < 0.5
    return c.rng.choice([0, 0, 5, 10, 25, 40]) if c.row["_anon"] else c.rng.randint(0, 300)


def _social_cache(c):  # type: ignore[no-untyped-def]
    if c.row["_anon"] or c.rng.random() < 0.75:
        return None if c.rng.random() < 0.5 else "a:0:{}"
    p = c.person
    return php({"twitter": {"profile": {"profileHandle": p["username"],
                                        "name": f"{p['first']} {p['last']}",
                                        "location": p["f"].city(),
                                        "description": "Marketing, coffee, cats"},
                            "lastRefresh": "2024-05-01 10:00:00"}})


def _website(c):  # type: ignore[no-untyped-def]
    return G["personal_url"](c) or G["url"](c)


def _ip_details(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.3:
        return None
    f = c.any_fake()
    isp = c.rng.choice(ISPS)
    return php({"city": f.city(), "region": "", "zipcode": "", "country": f.current_country(),
                "latitude": G["lat"](c), "longitude": G["lon"](c), "isp": isp[0],
                "organization": isp[1], "timezone": G["timezone"](c), "extra": ""})


def _client_info(c):  # type: ignore[no-untyped-def]
    return php({"type": "browser", "name": c.rng.choice(["Chrome", "Firefox", "Safari"]),
                "short_name": "CH", "version": f"{c.rng.randint(100, 125)}.0",
                "engine": "Blink", "engine_version": ""})


def _dnc_comment(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.3:
        return f"550 5.1.1 <{c.person['email']}>: Recipient address rejected: User unknown"
    if r < 0.6:
        return "User unsubscribed."
    return c.rng.choice(["", "Manually added", "Spam complaint", None])


def _utm_query(c):  # type: ignore[no-untyped-def]
    s, m, camp = c.rng.choice(UTM)
    q = {"utm_source": s, "utm_medium": m, "utm_campaign": camp}
    if c.rng.random() < 0.15:
        q["email"] = c.person["email"]
    return php(q)


def _hit_query(c):  # type: ignore[no-untyped-def]
    url, title = c.rng.choice(PAGES)
    q = {"page_url": url, "page_title": title, "page_language": "en-US",
         "page_referrer": "", "resolution": c.rng.choice(["1920x1080", "390x844"]),
         "counter": str(c.rng.randint(0, 9)), "timezone_offset": "-60"}
    r = c.rng.random()
    if r < 0.15:
        q["email"] = c.person["email"]
    elif r < 0.22:
        q["firstname"] = c.person["first"]
        q["lastname"] = c.person["last"]
    return php(q)


def _tokens(c):  # type: ignore[no-untyped-def]
    p = c.person
    t = {"{contactfield=firstname}": p["first"], "{unsubscribe_url}":
         f"https://m.example.com/email/unsubscribe/{G['token'](_p(c, n=13))}",
         "{tracking_pixel}": "https://m.example.com/email/abc.gif"}
    if c.rng.random() < 0.5:
        t["{contactfield=lastname}"] = p["last"]
    return php(t)


def _open_details(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.5:
        return None
    return php([{"datetime": _ts(c).strftime("%Y-%m-%d %H:%M:%S"),
                 "useragent": G["user_agent"](c), "inBrowser": False}
                for _ in range(c.rng.randint(1, 3))])


def _audit_details(c):  # type: ignore[no-untyped-def]
    p = c.person
    r = c.rng.random()
    if r < 0.5:
        return php({"firstname": [None, p["first"]], "lastname": [None, p["last"]],
                    "email": [None, p["email"]]})
    if r < 0.7:
        return php({"points": [0, c.rng.randint(1, 50)]})
    return php({"name": [None, c.rng.choice(["Newsletter", "Webinar leads"])]})


def _event_props(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.4:
        return {"file": c.rng.choice(["leads_2024.csv", "expo-contacts.csv",
                                      f"contacts_{c.person['last'].lower()}.csv"]),
                "line": c.rng.randint(2, 900)}
    if r < 0.6:
        return {"merged": {"primary": c.rng.randint(1, N_LEAD),
                           "email": c.person["email"]}}
    return {"object_description": c.rng.choice(["Newsletter", "Spring campaign"])}


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "users", N_USER,
          col("id", I, pk=True, auto=True),
          *_form_entity(),
          col("role_id", I, "choice", values=[1, 1, 2, 3]),
          col("username", S191, "username", unique=True),
          col("password", sa.String(64), "password_hash", style="bcrypt"),
          col("first_name", S191, "first_name"),
          col("last_name", S191, "last_name"),
          col("email", S191, "email", unique=True),
          col("position", S191, "choice", values=["Marketing manager", "Sales", "Admin",
                                                  "Intern"], null=0.4),
          col("timezone", S, "timezone", null=0.3),
          col("locale", S, "choice", values=["en_US", "de", "fr", "pt_BR"], null=0.3),
          col("last_login", DT, _ts, null=0.1),
          col("last_active", DT, _ts, null=0.1),
          col("preferences", LT, lambda c: php({"theme": "light", "sidebar": "open"}),
              null=0.3),
          col("signature", T, "template", null=0.4,
              texts=["Best regards, |FROM_NAME|", "{first} {last}\n{phone}",
                     "--\n{first} {last}, Marketing", ""]))
    table(md, "leads", N_LEAD,
          col("id", BI, pk=True, auto=True),
          col("owner_id", I, fk="users.id", null=0.6),
          col("stage_id", I, "int", lo=1, hi=5, null=0.8),
          col("points", I, _anon),
          col("last_active", DT, _ts, null=0.05),
          col("internal", LT, lambda c: c.rng.choice(["a:0:{}", php({"persist": True})]),
              null=0.5),
          col("social_cache", LT, _social_cache, nullable=True),
          col("date_identified", DT, _known(_ts), nullable=True),
          col("preferred_profile_image", S, _known(lambda c: c.rng.choice(
              ["gravatar", "gravatar", "twitter", "custom"])), nullable=True),
          *_form_entity(),
          col("title", S191, _known(lambda c: c.rng.choice(["Mr", "Mrs", "Miss", "Dr."]), 0.3),
              nullable=True),
          col("firstname", S191, _known("first_name", 0.9), nullable=True),
          col("lastname", S191, _known("last_name", 0.8), nullable=True),
          col("company", S191, _known("company", 0.5), nullable=True),
          col("position", S191, _known(lambda c: c.rng.choice(
              ["CEO", "CTO", "Marketing Lead", "Buyer", "Student"]), 0.3), nullable=True),
          col("email", S191, _known("email", 0.95), nullable=True),
          col("mobile", S191, _known("phone", 0.3), nullable=True),
          col("phone", S191, _known("phone", 0.4), nullable=True),
          col("fax", S191, _known("phone", 0.03), nullable=True),
          col("address1", S191, _known("street", 0.2), nullable=True),
          col("address2", S191, _known(lambda c: c.rng.choice(["Apt 12", "Suite 4", "3F"]),
                                       0.05), nullable=True),
          col("city", S191, _known("city", 0.35), nullable=True),
          col("state", S191, _known("state", 0.25), nullable=True),
          col("zipcode", S191, _known("postcode", 0.2), nullable=True),
          col("country", S191, _known("country", 0.4), nullable=True),
          col("preferred_locale", S191, _known(lambda c: c.rng.choice(["en_US", "de_DE",
                                                                       "fr_FR"]), 0.3),
              nullable=True),
          col("timezone", S191, _known("timezone", 0.2), nullable=True),
          col("attribution_date", DT, _known(_ts, 0.1), nullable=True),
          col("attribution", F, _known(lambda c: round(c.rng.uniform(0, 500), 2), 0.1),
              nullable=True),
          col("website", S191, _known(_website, 0.1), nullable=True),
          col("facebook", S191, _known("username", 0.08), nullable=True),
          col("foursquare", S191, _known("username", 0.01), nullable=True),
          col("instagram", S191, _known("username", 0.08), nullable=True),
          col("linkedin", S191, _known(lambda c: f"in/{c.person['username']}", 0.15),
              nullable=True),
          col("skype", S191, _known(lambda c: f"live:.cid.{G['token'](_p(c, n=16))}", 0.03),
              nullable=True),
          col("twitter", S191, _known(lambda c: "@" + c.person["username"], 0.1),
              nullable=True))
    table(md, "ip_addresses", N_IP,
          col("id", I, pk=True, auto=True),
          col("ip_address", sa.String(45), "ip"),
          col("ip_details", LT, _ip_details, nullable=True))
    table(md, "lead_ips_xref", 400,
          col("lead_id", BI, fk="leads.id", pk=True),
          col("ip_id", I, fk="ip_addresses.id", pk=True))
    table(md, "lead_notes", 120,
          col("id", I, pk=True, auto=True),
          *_form_entity(),
          col("lead_id", BI, fk="leads.id"),
          col("text", T, "template", texts=NOTE_TEXTS),
          col("type", sa.String(50), "choice", values=["general", "call", "email",
                                                       "meeting"], null=0.1),
          col("date_time", DT, _ts, null=0.3))
    table(md, "lead_devices", N_DEVICE,
          col("id", BI, pk=True, auto=True),
          col("lead_id", BI, fk="leads.id"),
          col("date_added", DT, _ts),
          col("client_info", LT, _client_info, null=0.1),
          col("device", S, "choice", values=["desktop", "smartphone", "tablet"], null=0.1),
          col("device_os_name", S, "choice", values=["Windows", "Mac", "iOS", "Android",
                                                     "GNU/Linux"], null=0.1),
          col("device_os_shortname", S, "choice", values=["WIN", "MAC", "IOS", "AND"],
              null=0.1),
          col("device_os_version", S, "choice", values=["10", "14.1", "17.2", "14"],
              null=0.2),
          col("device_os_platform", S, "choice", values=["x64", "ARM", ""], null=0.2),
          col("device_brand", S, "choice", values=["AP", "SA", "GO", ""], null=0.4),
          col("device_model", S, "choice", values=["iPhone", "Galaxy S23", "Pixel 8", ""],
              null=0.5),
          col("tracking_id", S, _tok(23, "url"), null=0.1))
    table(md, "lead_donotcontact", 80,
          col("id", I, pk=True, auto=True),
          col("lead_id", BI, fk="leads.id", null=0.05),
          col("date_added", DT, _ts),
          col("reason", sa.SmallInteger, "choice", values=[1, 1, 2, 3]),
          col("channel", S, "choice", values=["email", "email", "sms"]),
          col("channel_id", I, "int", lo=1, hi=30, null=0.3),
          col("comments", T, _dnc_comment, nullable=True))
    table(md, "lead_utmtags", 200,
          col("id", I, pk=True, auto=True),
          col("lead_id", BI, fk="leads.id"),
          col("date_added", DT, _ts),
          col("query", LT, _utm_query, null=0.2),
          col("referer", T, lambda c: c.rng.choice(["https://www.google.com/",
                                                    "https://t.co/abc123", ""]), null=0.3),
          col("remote_host", S191, lambda c: c.rng.choice(
              [f"p{G['token'](_p(c, n=8))}.dip0.t-ipconnect.de",
               f"c-{G['ip'](c).replace('.', '-')}.hsd1.ca.comcast.net", G["ip"](c)]),
              null=0.4),
          col("url", T, lambda c: c.rng.choice(PAGES)[0] + "?utm_source=newsletter"),
          col("user_agent", T, "user_agent", null=0.1),
          col("utm_campaign", S191, lambda c: c.rng.choice(UTM)[2], null=0.2),
          col("utm_content", S191, "choice", values=["banner", "cta_button", "footer"],
              null=0.5),
          col("utm_medium", S191, lambda c: c.rng.choice(UTM)[1], null=0.2),
          col("utm_source", S191, lambda c: c.rng.choice(UTM)[0], null=0.2),
          col("utm_term", S191, "choice", values=["crm", "email marketing"], null=0.8))
    table(md, "page_hits", 900,
          col("id", BI, pk=True, auto=True),
          col("date_hit", DT, _ts),
          col("date_left", DT, _ts, null=0.6),
          col("page_id", I, "int", lo=1, hi=20, null=0.3),
          col("redirect_id", I, "int", lo=1, hi=40, null=0.85),
          col("email_id", I, "int", lo=1, hi=30, null=0.7),
          col("lead_id", BI, fk="leads.id", null=0.1),
          col("ip_id", I, fk="ip_addresses.id", null=0.05),
          col("country", S, "country", null=0.3),
          col("region", S, "state", null=0.5),
          col("city", S, "city", null=0.4),
          col("isp", S, lambda c: c.rng.choice(ISPS)[0] or None, nullable=True),
          col("organization", S, lambda c: c.rng.choice(ISPS)[1] or None, nullable=True),
          col("code", I, "choice", values=[200, 200, 200, 302, 404]),
          col("referer", T, lambda c: c.rng.choice(["https://www.google.com/", "",
                                                    "https://www.linkedin.com/"]), null=0.3),
          col("url", T, lambda c: c.rng.choice(PAGES)[0], null=0.02),
          col("url_title", S, lambda c: c.rng.choice(PAGES)[1], null=0.2),
          col("user_agent", T, "user_agent", null=0.02),
          col("remote_host", S, lambda c: f"{G['ip'](c)}", null=0.5),
          col("page_language", S, "choice", values=["en-US", "de", "fr"], null=0.2),
          col("browser_languages", LT, lambda c: php(c.rng.choice(
              [["en-US", "en;q=0.9"], ["de-DE", "de;q=0.9", "en;q=0.8"], ["fr-FR"]])),
              null=0.1),
          col("tracking_id", S, _tok(23, "url")),
          col("source", S, "choice", values=["email", "campaign", "form"], null=0.6),
          col("source_id", I, "int", lo=1, hi=30, null=0.6),
          col("query", LT, _hit_query, null=0.1),
          col("device_id", BI, fk="lead_devices.id", null=0.3))
    table(md, "email_stats", 700,
          col("id", BI, pk=True, auto=True),
          col("email_id", I, "int", lo=1, hi=30, null=0.05),
          col("lead_id", BI, fk="leads.id", null=0.05),
          col("email_address", S, "email"),
          col("list_id", I, "int", lo=1, hi=10, null=0.5),
          col("ip_id", I, fk="ip_addresses.id", null=0.6),
          col("date_sent", DT, _ts),
          col("is_read", B, "bool"),
          col("is_failed", B, lambda c: c.rng.random() < 0.05),
          col("viewed_in_browser", B, lambda c: c.rng.random() < 0.05),
          col("date_read", DT, _ts, null=0.5),
          col("tracking_hash", S, _tok(13), null=0.05),
          col("retry_count", I, "choice", values=[0, 0, 0, 1], null=0.3),
          col("source", S, "choice", values=["campaign", "email"], null=0.3),
          col("source_id", I, "int", lo=1, hi=30, null=0.3),
          col("tokens", LT, _tokens, null=0.2),
          col("copy_id", sa.String(32), _tok(32), null=0.1),
          col("open_count", I, "choice", values=[0, 1, 2, 5], null=0.3),
          col("last_opened", DT, _ts, null=0.5),
          col("open_details", LT, _open_details, nullable=True))
    table(md, "form_submissions", 150,
          col("id", I, pk=True, auto=True),
          col("form_id", I, "int", lo=1, hi=8),
          col("ip_id", I, fk="ip_addresses.id", null=0.05),
          col("lead_id", BI, fk="leads.id", null=0.1),
          col("tracking_id", S, _tok(23, "url"), null=0.2),
          col("date_submitted", DT, _ts),
          col("referer", T, lambda c: c.rng.choice(PAGES)[0] + c.rng.choice(
              ["", "?utm_source=google", f"?email={c.person['email']}"])),
          col("page_id", I, "int", lo=1, hi=20, null=0.5))
    table(md, "audit_log", 300,
          col("id", BI, pk=True, auto=True),
          col("user_id", I, "int", lo=0, hi=N_USER),
          col("user_name", S, lambda c: G["full_name"](c) if c.rng.random() < 0.8 else
              "System"),
          col("bundle", sa.String(50), "choice", values=["lead", "user", "email", "campaign"]),
          col("object", sa.String(50), "choice", values=["lead", "user", "email", "segment"]),
          col("object_id", BI, "int", lo=1, hi=N_LEAD),
          col("action", sa.String(50), "choice", values=["create", "update", "delete",
                                                         "identified", "login"]),
          col("details", LT, _audit_details, null=0.1),
          col("date_added", DT, _ts),
          col("ip_address", sa.String(45), "ip"))
    table(md, "lead_event_log", 300,
          col("id", BI, pk=True, auto=True),
          col("lead_id", BI, fk="leads.id", null=0.05),
          col("user_id", I, "int", lo=1, hi=N_USER, null=0.4),
          col("user_name", S, lambda c: G["full_name"](c) if c.row["user_id"] else None,
              nullable=True),
          col("bundle", S, "choice", values=["lead", "campaign", "point"], null=0.05),
          col("object", S, "choice", values=["import", "merge", "segment"], null=0.05),
          col("action", S, "choice", values=["inserted", "updated", "merged", "added"],
              null=0.05),
          col("object_id", I, "int", lo=1, hi=60, null=0.3),
          col("date_added", DT, _ts),
          col("properties", json_(), _event_props, null=0.1))
    return md

