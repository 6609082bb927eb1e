"""Column helper and value generators for the discovery corpus.

A schema module declares its tables with :func:`col`, which is a plain SQLAlchemy
``Column`` carrying a generator spec in ``info["g"]``. :func:`build` creates the tables
on any engine and fills them row by row: generated values per spec, foreign keys (and
undeclared references, ``ref=``) drawn from already generated parent keys, unique
columns de-duplicated, composite keys of join tables de-duplicated.

Generators are deterministic for a seed; no value comes from a real person.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import random
import string
import uuid
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from faker import Faker
from sqlalchemy.dialects import mysql, postgresql
from sqlalchemy.engine import Engine

# Faker locales for people: Western European and American names the discovery name
# dictionary knows, and others it does not (Nordic, Central European, Turkish, Greek,
# Japanese, Chinese, Russian, Korean), so that names are not all dictionary hits.
PEOPLE_LOCALES = ("en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "pt_BR", "nl_NL",
                  "pl_PL", "sv_SE", "fi_FI", "hu_HU", "cs_CZ", "tr_TR", "el_GR", "ja_JP",
                  "zh_CN", "ru_RU", "ko_KR", "en_IN")
LOCALE_WEIGHTS = (14, 6, 8, 7, 6, 6, 6, 4, 4, 3, 3, 3, 3, 3, 2, 3, 3, 3, 2, 4)

# ---------------------------------------------------------------------------- types

def varbinary(n: int) -> sa.types.TypeEngine[Any]:
    """MySQL VARBINARY(n); BLOB on SQLite, BYTEA on PostgreSQL."""
    return sa.LargeBinary().with_variant(mysql.VARBINARY(n), "mysql", "mariadb")


def binary(n: int) -> sa.types.TypeEngine[Any]:
    """MySQL BINARY(n); BLOB on SQLite, BYTEA on PostgreSQL."""
    return sa.LargeBinary().with_variant(mysql.BINARY(n), "mysql", "mariadb")


def blob(size: str = "") -> sa.types.TypeEngine[Any]:
    """BLOB (TINYBLOB, MEDIUMBLOB... on MySQL)."""
    kinds = {"tiny": mysql.TINYBLOB(), "medium": mysql.MEDIUMBLOB(), "long": mysql.LONGBLOB(),
             "": mysql.BLOB()}
    return sa.LargeBinary().with_variant(kinds[size], "mysql", "mariadb")


def longtext() -> sa.types.TypeEngine[Any]:
    return sa.Text().with_variant(mysql.LONGTEXT(), "mysql", "mariadb")


def mediumtext() -> sa.types.TypeEngine[Any]:
    return sa.Text().with_variant(mysql.MEDIUMTEXT(), "mysql", "mariadb")


def tinytext() -> sa.types.TypeEngine[Any]:
    return sa.Text().with_variant(mysql.TINYTEXT(), "mysql", "mariadb")


def jsonb() -> sa.types.TypeEngine[Any]:
    """PostgreSQL jsonb; JSON elsewhere (Python None is SQL NULL)."""
    return sa.JSON(none_as_null=True).with_variant(postgresql.JSONB(none_as_null=True),
                                                   "postgresql")


def json_() -> sa.types.TypeEngine[Any]:
    """JSON (Python None is SQL NULL, not the JSON literal null)."""
    return sa.JSON(none_as_null=True)


def inet() -> sa.types.TypeEngine[Any]:
    """PostgreSQL inet; VARCHAR(45) elsewhere (what Rails does on MySQL)."""
    return sa.String(45).with_variant(postgresql.INET(), "postgresql")


def tinyint() -> sa.types.TypeEngine[Any]:
    return sa.SmallInteger().with_variant(mysql.TINYINT(), "mysql", "mariadb")


def enum(*values: str) -> sa.types.TypeEngine[Any]:
    """MySQL ENUM; a VARCHAR with a CHECK elsewhere (no shared PostgreSQL type names)."""
    return sa.Enum(*values, native_enum=False, create_constraint=False,
                   length=max(len(v) for v in values)).with_variant(
        mysql.ENUM(*values), "mysql", "mariadb")


# ---------------------------------------------------------------------------- columns

def col(name: str, type_: Any, g: Any = None, *, pk: bool = False, fk: str | None = None,
        ref: str | None = None, null: float = 0.0, empty: float = 0.0,
        nullable: bool | None = None, unique: bool = False, auto: bool = False,
        **params: Any) -> sa.Column[Any]:
    """A column with its generator spec.

    ``g``: generator name (see ``GENERATORS``) or a callable ``(ctx) -> value``; None
    derives one from the type. ``null``/``empty``: share of NULL / '' values. ``fk``: a
    declared foreign key ``table.column``; ``ref``: an undeclared reference (values drawn
    from that column, no constraint), as real schemas often have.
    """
    args: list[Any] = [name, type_]
    if fk:
        args.append(sa.ForeignKey(fk))
    info = {"g": g, "null": null, "empty": empty, "ref": ref or fk, "params": params,
            "auto": auto}
    if nullable is None:
        nullable = not pk and null > 0
    return sa.Column(*args, primary_key=pk, nullable=nullable, unique=unique,
                     autoincrement=auto if pk else False, info=info)


def table(md: sa.MetaData, name: str, rows: int, *cols: Any, **kw: Any) -> sa.Table:
    """A table that :func:`build` fills with ``rows`` rows (join tables may get fewer)."""
    return sa.Table(name, md, *cols, info={"rows": rows}, **kw)


# ---------------------------------------------------------------------------- values

class Ctx:
    """What a generator sees: the random source, Faker per locale, the row so far."""

    def __init__(self, rng: random.Random, fakers: dict[str, Faker]) -> None:
        self.rng = rng
        self.fakers = fakers
        self.row: dict[str, Any] = {}
        self.params: dict[str, Any] = {}
        self.person: dict[str, Any] = {}
        self.index = 0

    def fake(self, locale: str | None = None) -> Faker:
        if locale is None:
            locale = self.person.get("locale") or self.rng.choices(PEOPLE_LOCALES,
                                                                     LOCALE_WEIGHTS)[0]
        return self.fakers[locale]

    def any_fake(self) -> Faker:
        return self.fakers[self.rng.choices(PEOPLE_LOCALES, LOCALE_WEIGHTS)[0]]


def with_params(ctx: Ctx, **params: Any) -> Ctx:
    """``ctx`` carrying ``params``: how a schema's own generator calls a shared one with
    its parameters (``GENERATORS["token"](with_params(ctx, n=32))``)."""
    ctx.params = params
    return ctx


def token_of(n: int, style: str = "url") -> Callable[[Ctx], Any]:
    """A generator of ``n``-character random tokens in ``style`` (``GENERATORS["token"]``)."""
    def gen(ctx: Ctx) -> Any:
        return GENERATORS["token"](with_params(ctx, n=n, style=style))
    return gen


def datetimes(start: int, end: int) -> Callable[[Ctx], Any]:
    """A generator of timestamps between the years ``start`` and ``end``
    (``GENERATORS["datetime"]``)."""
    def gen(ctx: Ctx) -> Any:
        return GENERATORS["datetime"](with_params(ctx, start=start, end=end))
    return gen


def new_person(ctx: Ctx) -> dict[str, Any]:
    """One coherent person for a row: locale, names, email, phone, birth date."""
    rng = ctx.rng
    locale = rng.choices(PEOPLE_LOCALES, LOCALE_WEIGHTS)[0]
    f = ctx.fakers[locale]
    male = rng.random() < 0.5
    first = f.first_name_male() if male and hasattr(f, "first_name_male") else f.first_name()
    last = f.last_name()
    ascii_first = _ascii(first) or ctx.fakers["en_US"].first_name()
    ascii_last = _ascii(last) or ctx.fakers["en_US"].last_name()
    domain = rng.choice(["gmail.com", "yahoo.com", "outlook.com", "web.de", "orange.fr",
                         "libero.it", "gmx.net", "hotmail.co.uk", "proton.me", "icloud.com",
                         "example.org", f.free_email_domain()])
    sep = rng.choice([".", "_", "", "."])
    email = f"{ascii_first}{sep}{ascii_last}".lower()
    if rng.random() < 0.4:
        email += str(rng.randint(1, 999))
    email = f"{email}@{domain}"
    if rng.random() < 0.05:
        email = email.upper() if rng.random() < 0.5 else email.capitalize()
    born = dt.date(1940, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 66))
    return {"locale": locale, "first": first, "last": last, "male": male,
            "middle": f.first_name() if rng.random() < 0.3 else "",
            "email": email, "username": _username(rng, ascii_first, ascii_last),
            "born": born, "f": f}


def _ascii(s: str) -> str:
    import unicodedata

    norm = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in norm if ch in string.ascii_letters)


def _username(rng: random.Random, first: str, last: str) -> str:
    style = rng.randint(0, 5)
    first, last = first.lower(), last.lower()
    if style == 0:
        return f"{first}{last[:1]}{rng.randint(1, 99)}"
    if style == 1:
        return f"{first[:1]}{last}"
    if style == 2:
        return f"{first}_{last}"
    if style == 3:
        return f"{rng.choice(['dark', 'happy', 'lazy', 'blue', 'mad', 'cool'])}"\
               f"{rng.choice(['wolf', 'cat', 'coder', 'rider', 'panda', 'fox'])}" \
               f"{rng.randint(1, 9999)}"
    if style == 4:
        return f"{first}.{last}"
    return f"{last}{rng.randint(1960, 2005)}"


def phone(ctx: Ctx) -> str:
    """A phone number in one of many real-world formats (national, E.164, dotted, ext)."""
    rng = ctx.rng
    style = rng.randint(0, 9)
    f = ctx.fake()
    if style <= 3:
        return f.phone_number()
    if style == 4:
        return f"+1 ({rng.randint(201, 989)}) {rng.randint(200, 999)}-{rng.randint(0, 9999):04d}"
    if style == 5:
        return f"{rng.randint(201, 989)}.{rng.randint(200, 999)}.{rng.randint(0, 9999):04d}"
    if style == 6:
        return f"+44 7{rng.randint(100, 999)} {rng.randint(100000, 999999)}"
    if style == 7:
        return f"+49 {rng.randint(150, 179)} {rng.randint(1000000, 9999999)}"
    if style == 8:
        return f"0{rng.randint(1, 9)} {rng.randint(10, 99)} {rng.randint(10, 99)} " \
               f"{rng.randint(10, 99)} {rng.randint(10, 99)}"
    return f"({rng.randint(201, 989)}) {rng.randint(200, 999)}-{rng.randint(0, 9999):04d} " \
           f"x{rng.randint(10, 999)}"


def ipv4(rng: random.Random) -> str:
    return ".".join(str(rng.randint(1, 254)) for _ in range(4))


def ipv6(rng: random.Random) -> str:
    return "2001:db8:" + ":".join(f"{rng.randint(0, 65535):x}" for _ in range(6))


def ip_any(ctx: Ctx) -> str:
    return ipv6(ctx.rng) if ctx.rng.random() < 0.2 else ipv4(ctx.rng)


USER_AGENTS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.1 Safari/605.1.15",
    "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Mobile/15E148",
    "Mastodon/4.2.1 (+https://social.example/)", "Tusky/24.0 Android/14",
    "okhttp/4.12.0", "python-requests/2.31.0",
]


def _b64(rng: random.Random, n: int) -> str:
    return base64.b64encode(bytes(rng.getrandbits(8) for _ in range(n))).decode()


def _hex(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def _urlsafe(rng: random.Random, n: int) -> str:
    alphabet = string.ascii_letters + string.digits + "-_"
    return "".join(rng.choice(alphabet) for _ in range(n))


def password_hash(ctx: Ctx) -> str:
    rng = ctx.rng
    style = ctx.params.get("style") or rng.choice(["bcrypt", "phpass", "pbkdf2", "md5",
                                                    "argon2"])
    if style == "bcrypt":
        return "$2a$10$" + _urlsafe(rng, 53).replace("-", ".").replace("_", "/")
    if style == "bcrypt12":
        return "$2y$12$" + _urlsafe(rng, 53).replace("-", ".").replace("_", "/")
    if style == "phpass":
        return "$P$B" + _urlsafe(rng, 30).replace("-", ".").replace("_", "/")
    if style == "pbkdf2":
        return f"pbkdf2_sha256$600000${_urlsafe(rng, 22)}${_b64(rng, 32)}"
    if style == "md5":
        return _hex(rng, 32)
    if style == "sha512":
        return _b64(rng, 64)
    if style == "mw":
        return f":pbkdf2:sha512:30000:64:{_b64(rng, 16)}:{_b64(rng, 64)}"
    if style == "oscommerce":
        return f"{_hex(rng, 32)}:{_hex(rng, 2)}"
    return f"$argon2id$v=19$m=65536,t=3,p=4${_b64(rng, 16).rstrip('=')}${_b64(rng, 32).rstrip('=')}"


# Lookup vocabularies (not personal)
GENRES = ["Action", "Comedy", "Drama", "Science Fiction", "Thriller", "Documentary",
          "Animation", "Horror", "Romance", "Fantasy", "Mystery", "Western", "Musical",
          "Crime", "Family", "Adventure", "War", "History", "Sport", "Biography"]
CATEGORIES = ["Hardware", "Software", "DVD Movies", "Graphics Cards", "Printers", "Monitors",
              "Speakers", "Keyboards", "Mice", "Memory", "CDROM Drives", "Simulation",
              "Strategy", "Gadgets", "Cables", "Storage", "Networking", "Cameras",
              "Phones", "Tablets", "Accessories", "Audio", "Gaming", "Office"]
PRODUCT_WORDS = (["Mountain", "Road", "Touring", "Classic", "Sport", "Pro", "Ultra", "Lite",
                  "Deluxe", "Compact", "Wireless", "Ergonomic", "Premium"],
                 ["Bike", "Frame", "Helmet", "Jersey", "Gloves", "Socks", "Tire", "Pedal",
                  "Bottle", "Cage", "Lock", "Pump", "Keyboard", "Mouse", "Monitor", "Lamp",
                  "Vest", "Shorts", "Cap", "Rack"])
FILM_TITLES = ["The Last Harbor", "Midnight in Rome", "A Quiet Storm", "Paper Moon Rising",
               "The Glass Orchard", "Echoes of Tomorrow", "Bright Lights, Small Town",
               "The Long Goodbye Road", "Winter Garden", "Crimson Tide Pool",
               "Dancing with Shadows", "The Iron Bridge", "Hollow Creek",
               "Salt and Silver", "The Violet Hour", "Neon Meridian"]
COLORS = ["Black", "Red", "Silver", "Blue", "Yellow", "Multi", "White", "Grey", "Silver/Black"]
LANGS = ["en", "de", "fr", "es", "it", "pt", "nl", "ja", "zh", "ru", "pl", "sv", "fi", "tr"]
TIMEZONES = ["Europe/Berlin", "Europe/Paris", "America/New_York", "America/Los_Angeles",
             "Asia/Tokyo", "UTC", "Europe/London", "Australia/Sydney", "America/Sao_Paulo"]
CONDITIONS = [("44054006", "Diabetes mellitus type 2"), ("38341003", "Hypertension"),
              ("195662009", "Acute viral pharyngitis"), ("10509002", "Acute bronchitis"),
              ("40055000", "Chronic sinusitis"), ("271737000", "Anemia"),
              ("444814009", "Viral sinusitis"), ("72892002", "Normal pregnancy"),
              ("15777000", "Prediabetes"), ("162864005", "Body mass index 30+ - obesity"),
              ("59621000", "Essential hypertension"), ("233678006", "Childhood asthma")]
DRUGS = [("314076", "lisinopril 10 MG Oral Tablet"), ("860975", "metformin 500 MG Oral Tablet"),
         ("197361", "amlodipine 5 MG Oral Tablet"), ("308136", "amoxicillin 250 MG Oral Capsule"),
         ("310965", "ibuprofen 200 MG Oral Tablet"), ("313782", "acetaminophen 325 MG Oral Tablet"),
         ("1049221", "acetaminophen 325 MG / oxycodone 5 MG Oral Tablet"),
         ("895994", "fluticasone 0.05 MG/ACTUAT Nasal Spray")]
ENCOUNTER_TYPES = [("185349003", "Encounter for check up"), ("162673000", "General examination"),
                   ("185345009", "Encounter for symptom"), ("50849002", "Emergency room admission"),
                   ("439740005", "Postoperative follow-up visit"), ("424441002", "Prenatal visit")]
STATUSES = ["pending", "processing", "shipped", "delivered", "cancelled", "refunded"]
WORDS_NEUTRAL = ["order", "shipment", "invoice", "update", "release", "server", "report",
                 "meeting", "backup", "feature", "setting", "theme", "plugin", "draft",
                 "schedule", "catalog", "review", "summary", "migration", "policy"]

CLINICAL_NOTES = [
    "Pt {first} {last} reports {symptom} for {n} days. Advised rest and fluids.",
    "Called {first} at {phone} to confirm appointment; left voicemail.",
    "{first} {last} (DOB {dob}) presented with {symptom}. Follow-up with Dr. {dr} in 2 weeks.",
    "Patient states no known allergies. BP 128/84, HR 72.",
    "Lab results reviewed with patient, all values within normal range.",
    "Spouse {first2} {last} will pick up prescription. Contact: {email}.",
    "Refill requested for {drug}. Pharmacy notified.",
    "Patient moved to {street}, {city}. Update insurance card.",
]
SUPPORT_MESSAGES = [
    "Hi, my name is {first} {last} and I can't log in to my account.",
    "Please call me back on {phone}, it's about order #{n}.",
    "My new email is {email}, can you update it?",
    "Thanks for the quick reply!",
    "The package never arrived. I live at {street}, {city}.",
    "Is there a discount for annual plans?",
    "I was charged twice this month, please refund.",
    "Can I change the delivery date to next Tuesday?",
    "Hello, {first} here. My colleague {first2} {last2} will take over this ticket.",
    "ok",
    "",
]
STATUS_POSTS = [
    "Just finished reading a great book about gardening #books #garden",
    "Coffee first, then code. ☕",
    "Happy birthday @{username}! 🎉",
    "Anyone going to the conference in {city} next week?",
    "Had lunch with {first} {last} today, great conversation about open source.",
    "New blog post is up, link in bio",
    "The weather is terrible again #rain",
    "Reach me at {email} if you want the slides",
    "Boosting for visibility: we are hiring a backend developer!",
    "Good morning fediverse 🌅",
]
REVIEW_TEXTS = [
    "Works as described, fast shipping.", "Battery life could be better.",
    "Excellent value for money, would buy again!", "Stopped working after two weeks.",
    "My husband {first} loves it.", "Great product. - {first} {last}, {city}",
    "Packaging was damaged but the item is fine.", "Five stars.",
]


def _fill(template: str, ctx: Ctx) -> str:
    p = ctx.person or new_person(ctx)
    other = new_person(ctx)
    f = p["f"]
    return template.format(
        first=p["first"], last=p["last"], first2=other["first"], last2=other["last"],
        phone=phone(ctx), email=p["email"], dob=p["born"].strftime("%m/%d/%Y"),
        symptom=ctx.rng.choice(["headache", "sore throat", "back pain", "fatigue", "cough"]),
        n=ctx.rng.randint(1, 9999), dr=other["last"], drug=ctx.rng.choice(DRUGS)[1],
        street=f.street_address(), city=f.city(), username=other["username"])


def _png(rng: random.Random) -> bytes:
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.getrandbits(8) for _ in range(60))


def _jpeg(rng: random.Random) -> bytes:
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(rng.getrandbits(8)
                                                           for _ in range(60)) + b"\xff\xd9"


def _mw_ts(d: dt.datetime) -> bytes:
    return d.strftime("%Y%m%d%H%M%S").encode()


def _when(rng: random.Random, start: int = 2015, end: int = 2025) -> dt.datetime:
    a = dt.datetime(start, 1, 1)
    span = (dt.datetime(end, 12, 31) - a).total_seconds()
    return (a + dt.timedelta(seconds=rng.random() * span)).replace(microsecond=0)


def _person_field(key: str) -> Callable[[Ctx], Any]:
    def gen(ctx: Ctx) -> Any:
        p = ctx.person or new_person(ctx)
        return p[key]
    return gen


def _full_name(ctx: Ctx) -> str:
    p = ctx.person or new_person(ctx)
    if p["locale"] in ("ja_JP", "zh_CN", "ko_KR"):
        return f"{p['last']}{p['first']}" if ctx.rng.random() < 0.5 else \
            f"{p['last']} {p['first']}"
    return f"{p['first']} {p['last']}"


def _display_name(ctx: Ctx) -> str:
    p = ctx.person or new_person(ctx)
    r = ctx.rng.random()
    if r < 0.5:
        return f"{p['first']} {p['last']}"
    if r < 0.65:
        return p["first"]
    if r < 0.8:
        return f"{p['first']} {p['last'][:1]}."
    if r < 0.9:
        return f"{p['first']} {ctx.rng.choice(['🌻', '🦊', '✨', '🐘', '(he/him)', '(she/her)'])}"
    return p["username"]


def _street(ctx: Ctx) -> str:
    return ctx.fake().street_address().replace("\n", ", ")


def _json_profile(ctx: Ctx) -> dict[str, Any]:
    p = ctx.person or new_person(ctx)
    return {"name": {"first": p["first"], "last": p["last"]},
            "contact": {"email": p["email"], "phone": phone(ctx)},
            "newsletter": ctx.rng.random() < 0.5}


def _json_settings(ctx: Ctx) -> dict[str, Any]:
    rng = ctx.rng
    return {"theme": rng.choice(["light", "dark", "auto"]), "notifications": {
        "email": rng.random() < 0.5, "push": rng.random() < 0.5},
        "language": rng.choice(LANGS), "page_size": rng.choice([10, 20, 50]),
        "timezone": rng.choice(TIMEZONES)}


def _json_contact_attrs(ctx: Ctx) -> dict[str, Any]:
    """Chatwoot's contacts.additional_attributes: company, city, social profiles."""
    p = ctx.person or new_person(ctx)
    rng = ctx.rng
    out: dict[str, Any] = {"city": p["f"].city(), "country": p["f"].current_country(),
                           "company_name": p["f"].company()}
    if rng.random() < 0.5:
        out["social_profiles"] = {"twitter": p["username"], "github": p["username"]}
    if rng.random() < 0.3:
        out["description"] = f"Met {p['first']} at the expo"
    out["browser"] = {"browser_name": rng.choice(["Chrome", "Firefox", "Safari"]),
                      "platform_name": rng.choice(["Windows", "macOS", "Linux"])}
    return out


def _php_serialized_caps(ctx: Ctx) -> str:
    role = ctx.rng.choice(["administrator", "editor", "author", "subscriber", "contributor"])
    return f'a:1:{{s:{len(role)}:"{role}";b:1;}}'


def _product_name(ctx: Ctx) -> str:
    a, b = PRODUCT_WORDS
    name = f"{ctx.rng.choice(a)} {ctx.rng.choice(b)}"
    if ctx.rng.random() < 0.5:
        name += f" {ctx.rng.choice(COLORS)}, {ctx.rng.choice(['44', '48', '52', 'S', 'M', 'L'])}"
    return name


def _choice(ctx: Ctx) -> Any:
    values = ctx.params["values"]
    weights = ctx.params.get("weights")
    return ctx.rng.choices(values, weights)[0] if weights else ctx.rng.choice(values)


def _template(ctx: Ctx) -> str:
    texts = ctx.params["texts"]
    return _fill(ctx.rng.choice(texts), ctx)


def _lorem(ctx: Ctx) -> str:
    n = ctx.params.get("words", 12)
    return ctx.fakers["en_US"].sentence(nb_words=n)


def _paragraphs(ctx: Ctx) -> str:
    f = ctx.fakers["en_US"]
    return "\n\n".join(f"<p>{p}</p>" for p in f.paragraphs(nb=ctx.rng.randint(1, 4)))


def _int(ctx: Ctx) -> int:
    lo, hi = ctx.params.get("lo", 0), ctx.params.get("hi", 1000)
    return ctx.rng.randint(lo, hi)


def _money(ctx: Ctx) -> Decimal:
    lo, hi = ctx.params.get("lo", 1), ctx.params.get("hi", 2000)
    return Decimal(f"{ctx.rng.uniform(lo, hi):.2f}")


def _date(ctx: Ctx) -> dt.date:
    return _when(ctx.rng, ctx.params.get("start", 2015), ctx.params.get("end", 2025)).date()


def _datetime(ctx: Ctx) -> dt.datetime:
    return _when(ctx.rng, ctx.params.get("start", 2015), ctx.params.get("end", 2025))


def _dob(ctx: Ctx) -> dt.date:
    p = ctx.person or new_person(ctx)
    born: dt.date = p["born"]
    return born


def _dob_text(ctx: Ctx) -> str:
    born: dt.date = (ctx.person or new_person(ctx))["born"]
    return born.strftime(ctx.rng.choice(["%m/%d/%Y", "%Y-%m-%d", "%d.%m.%Y"]))


def _ssn(ctx: Ctx) -> str:
    rng = ctx.rng
    s = f"{rng.randint(100, 665)}-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}"
    return s if rng.random() < 0.8 else s.replace("-", "")


def _drivers(ctx: Ctx) -> str:
    rng = ctx.rng
    return f"S{rng.randint(10000000, 99999999)}" if rng.random() < 0.7 else \
        f"{rng.choice(string.ascii_uppercase)}{rng.randint(100, 999)}-{rng.randint(1000, 9999)}"


def _passport(ctx: Ctx) -> str:
    return f"X{ctx.rng.randint(10000000, 99999999)}X"


def _token(ctx: Ctx) -> str:
    n = ctx.params.get("n", 32)
    style = ctx.params.get("style", "hex")
    if style == "hex":
        return _hex(ctx.rng, n)
    if style == "b64":
        return _b64(ctx.rng, n)
    return _urlsafe(ctx.rng, n)


def _uuid_str(ctx: Ctx) -> str:
    return str(uuid.UUID(int=ctx.rng.getrandbits(128), version=4))


def _uuid(ctx: Ctx) -> uuid.UUID:
    return uuid.UUID(int=ctx.rng.getrandbits(128), version=4)


def _url(ctx: Ctx) -> str:
    f = ctx.fakers["en_US"]
    return f"https://{f.domain_name()}/{f.uri_path()}"


def _personal_url(ctx: Ctx) -> str:
    p = ctx.person or new_person(ctx)
    return ctx.rng.choice([f"https://{p['username']}.blogspot.com",
                           f"https://github.com/{p['username']}",
                           f"http://www.{_ascii(p['last']).lower() or 'home'}-family.net/",
                           ""])


def _slug(ctx: Ctx) -> str:
    return ctx.fakers["en_US"].slug()


def _company(ctx: Ctx) -> str:
    return ctx.any_fake().company()


def _words(ctx: Ctx) -> str:
    n = ctx.params.get("n", 2)
    return " ".join(ctx.rng.choice(WORDS_NEUTRAL) for _ in range(n))


def _sha1(ctx: Ctx) -> str:
    return hashlib.sha1(str(ctx.rng.random()).encode()).hexdigest()


def _bytes(ctx: Ctx) -> bytes:
    return bytes(ctx.rng.getrandbits(8) for _ in range(ctx.params.get("n", 16)))


def _image(ctx: Ctx) -> bytes:
    return _png(ctx.rng) if ctx.rng.random() < 0.5 else _jpeg(ctx.rng)


def _utf8(inner: str) -> Callable[[Ctx], bytes]:
    def gen(ctx: Ctx) -> bytes:
        return str(GENERATORS[inner](ctx)).encode()
    return gen


def _mw_time(ctx: Ctx) -> bytes:
    return _mw_ts(_when(ctx.rng))


def _user_agent(ctx: Ctx) -> str:
    return ctx.rng.choice(USER_AGENTS)


def _locale(ctx: Ctx) -> str:
    return ctx.rng.choice(["en", "de", "fr", "es", "it", "pt-BR", "ja", "zh-CN", "ru", "nl"])


def _city(ctx: Ctx) -> str:
    return ctx.fake().city()


def _postcode(ctx: Ctx) -> str:
    return ctx.fake().postcode()


def _state(ctx: Ctx) -> str:
    f = ctx.fake()
    return f.state() if hasattr(f, "state") else f.city()


def _country(ctx: Ctx) -> str:
    return ctx.fakers["en_US"].country()


def _lat(ctx: Ctx) -> float:
    return round(ctx.rng.uniform(25.0, 60.0), 6)


def _lon(ctx: Ctx) -> float:
    return round(ctx.rng.uniform(-120.0, 30.0), 6)


def _hashtag(ctx: Ctx) -> str:
    return ctx.rng.choice(["books", "garden", "rust", "python", "photography", "cats", "art",
                           "music", "climate", "opensource", "fediverse", "coffee", "running",
                           "linux", "cooking", "travel", "science", "history", "film", "jazz"])


def _film_title(ctx: Ctx) -> str:
    t = ctx.rng.choice(FILM_TITLES)
    return t if ctx.rng.random() < 0.7 else f"{t} {ctx.rng.randint(2, 4)}"


def _npi(ctx: Ctx) -> str:
    return str(ctx.rng.randint(1_000_000_000, 1_999_999_999))


def _card(ctx: Ctx) -> str:
    rng = ctx.rng
    digits = [4] + [rng.randint(0, 9) for _ in range(14)]
    total = 0
    for i, d in enumerate(reversed(digits)):
        d2 = d * 2 if i % 2 == 0 else d
        total += d2 - 9 if d2 > 9 else d2
    digits.append((10 - total % 10) % 10)
    s = "".join(map(str, digits))
    return s if rng.random() < 0.6 else " ".join(s[i:i + 4] for i in range(0, 16, 4))


def _masked_card(ctx: Ctx) -> str:
    return f"XXXXXXXXXXXX{ctx.rng.randint(1000, 9999)}"


def _approval_code(ctx: Ctx) -> str:
    return f"{ctx.rng.randint(100000, 999999)}Vi{ctx.rng.randint(10000, 99999)}"


GENERATORS: dict[str, Callable[[Ctx], Any]] = {
    "first_name": _person_field("first"), "last_name": _person_field("last"),
    "middle_name": _person_field("middle"), "full_name": _full_name,
    "display_name": _display_name, "email": _person_field("email"),
    "username": _person_field("username"), "dob": _dob, "dob_text": _dob_text,
    "phone": phone, "ip": ip_any, "ipv4": lambda c: ipv4(c.rng),
    "street": _street, "city": _city, "postcode": _postcode, "state": _state,
    "country": _country, "lat": _lat, "lon": _lon,
    "ssn": _ssn, "drivers_license": _drivers, "passport": _passport, "npi": _npi,
    "card": _card, "masked_card": _masked_card, "approval_code": _approval_code,
    "password_hash": password_hash, "token": _token, "uuid_str": _uuid_str, "uuid": _uuid,
    "url": _url, "personal_url": _personal_url, "slug": _slug, "company": _company,
    "words": _words, "lorem": _lorem, "paragraphs": _paragraphs, "template": _template,
    "choice": _choice, "int": _int, "money": _money, "date": _date, "datetime": _datetime,
    "sha1": _sha1, "bytes": _bytes, "image": _image, "mw_time": _mw_time,
    "user_agent": _user_agent, "locale": _locale, "timezone": lambda c: c.rng.choice(TIMEZONES),
    "json_profile": _json_profile, "json_settings": _json_settings,
    "json_contact_attrs": _json_contact_attrs, "php_caps": _php_serialized_caps,
    "product_name": _product_name, "film_title": _film_title, "hashtag": _hashtag,
    "genre": lambda c: c.rng.choice(GENRES), "category": lambda c: c.rng.choice(CATEGORIES),
    "color": lambda c: c.rng.choice(COLORS), "lang": lambda c: c.rng.choice(LANGS),
    "bool": lambda c: c.rng.random() < 0.5,
    "utf8_username": _utf8("username"), "utf8_full_name": _utf8("full_name"),
    "utf8_ip": _utf8("ip"), "utf8_lorem": _utf8("lorem"), "utf8_template": _utf8("template"),
    "const": lambda c: c.params["value"], "seq": lambda c: c.index + 1,
    "gender": lambda c: c.rng.choice(["M", "F"]) if not c.person else
    ("M" if c.person["male"] else "F"),
}


def _default_for(column: sa.Column[Any]) -> Callable[[Ctx], Any]:
    t = column.type
    base = t.impl if isinstance(t, sa.types.TypeDecorator) else t
    if isinstance(base, sa.Boolean):
        return GENERATORS["bool"]
    if isinstance(base, sa.Integer):
        return GENERATORS["int"]
    if isinstance(base, sa.Numeric) and not isinstance(base, sa.Float):
        return GENERATORS["money"]
    if isinstance(base, sa.Float):
        return lambda c: round(c.rng.random() * 100, 3)
    if isinstance(base, sa.DateTime):
        return GENERATORS["datetime"]
    if isinstance(base, sa.Date):
        return GENERATORS["date"]
    if isinstance(base, sa.Time):
        return lambda c: dt.time(c.rng.randint(7, 19), c.rng.choice([0, 15, 30, 45]))
    if isinstance(base, sa.Uuid):
        return GENERATORS["uuid"]
    if isinstance(base, sa.JSON):
        return lambda c: {}
    if isinstance(base, sa.LargeBinary):
        return GENERATORS["bytes"]
    return GENERATORS["words"]


# ---------------------------------------------------------------------------- build

def make_fakers(seed: int) -> dict[str, Faker]:
    out = {}
    for i, loc in enumerate(PEOPLE_LOCALES):
        f = Faker(loc)
        f.seed_instance(seed * 1000 + i)
        for provider in f.providers:
            # it_IT builds its city list from a set: its order, and so the city a seed
            # picks, changes with the process's hash seed. Sorted, the corpus is the same
            # in every run.
            cities = getattr(provider, "cities", None)
            if isinstance(cities, list):
                provider.cities = sorted(cities)
        out[loc] = f
    return out


def _fit(value: Any, column: sa.Column[Any]) -> Any:
    length = getattr(column.type, "length", None)
    if isinstance(value, str) and length and len(value) > length:
        return value[:length]
    if isinstance(value, bytes) and length and len(value) > length:
        return value[:length]
    return value


def _order(md: sa.MetaData) -> list[sa.Table]:
    """Tables parents first, counting undeclared references (``ref=``) as well as keys."""
    deps: dict[str, set[str]] = {}
    for t in md.tables.values():
        deps[t.name] = {fk.column.table.name for fk in t.foreign_keys} | {
            c.info["ref"].split(".")[0] for c in t.columns if c.info.get("ref")}
        deps[t.name].discard(t.name)
    out: list[sa.Table] = []
    done: set[str] = set()
    while len(out) < len(deps):
        ready = sorted(n for n, d in deps.items() if n not in done and d <= done)
        if not ready:
            raise ValueError(f"reference cycle among {sorted(set(deps) - done)}")
        for n in ready:
            out.append(md.tables[n])
            done.add(n)
    return out


def generate(md: sa.MetaData, seed: int = 1) -> dict[str, list[dict[str, Any]]]:
    """Rows per table, parents before children; deterministic for ``seed``."""
    rng = random.Random(seed)
    fakers = make_fakers(seed)
    ctx = Ctx(rng, fakers)
    keys: dict[str, list[Any]] = {}  # "table.column" -> generated values (for refs)
    out: dict[str, list[dict[str, Any]]] = {}
    for t in _order(md):
        n = int(t.info.get("rows", 10))
        rows: list[dict[str, Any]] = []
        seen_unique: dict[str, set[Any]] = {c.name: set() for c in t.columns if c.unique}
        pk_cols = [c.name for c in t.primary_key.columns]
        tuples = [[c.name for c in u.columns] for u in t.constraints
                  if isinstance(u, sa.UniqueConstraint) and len(u.columns) > 1]
        if len(pk_cols) > 1 or (pk_cols and not t.columns[pk_cols[0]].info.get("auto")):
            tuples.append(pk_cols)
        seen_tuples: list[set[tuple[Any, ...]]] = [set() for _ in tuples]
        for i in range(n):
            ctx.index = i
            ctx.person = new_person(ctx)
            ctx.row = {}
            try:
                for c in t.columns:
                    ctx.row[c.name] = _value(c, t, ctx, keys, seen_unique)
            except _SkipRow:
                continue
            ids = [tuple(ctx.row[k] for k in names) for names in tuples]
            if any(v in seen for v, seen in zip(ids, seen_tuples, strict=True)):
                continue
            for v, seen in zip(ids, seen_tuples, strict=True):
                seen.add(v)
            rows.append({k: v for k, v in ctx.row.items() if not k.startswith("_")})
        for c in t.columns:
            keys[f"{t.name}.{c.name}"] = [r[c.name] for r in rows if r[c.name] is not None]
        out[t.name] = rows
    return out


class _SkipRow(Exception):
    """No parent key left for a one-to-one reference: the row is not generated."""


def _value(c: sa.Column[Any], t: sa.Table, ctx: Ctx, keys: dict[str, list[Any]],
           seen_unique: dict[str, set[Any]]) -> Any:
    info = c.info
    if c.primary_key and info.get("auto"):
        return ctx.index + 1
    ref = info.get("ref")
    rng = ctx.rng
    if info.get("null") and rng.random() < info["null"]:
        return None
    if info.get("empty") and rng.random() < info["empty"]:
        return b"" if isinstance(c.type, sa.LargeBinary) else ""
    if ref and not info.get("g"):
        rt, rc = ref.split(".")
        if rt == t.name:  # self reference: only rows already generated
            return rng.randint(1, ctx.index) if ctx.index else None
        pool = keys.get(ref) or []
        if c.name in seen_unique:  # a one-to-one reference: each parent at most once
            pool = [v for v in pool if v not in seen_unique[c.name]]
        if not pool:
            if c.nullable:
                return None
            raise _SkipRow
        v = rng.choice(pool)
        if c.name in seen_unique:
            seen_unique[c.name].add(v)
        return str(v) if isinstance(c.type, sa.String) and not isinstance(v, str) else v
    g = info.get("g")
    fn = g if callable(g) else GENERATORS[g] if g else _default_for(c)
    ctx.params = info.get("params") or {}
    for attempt in range(30):
        v = _fit(fn(ctx), c)
        if c.name not in seen_unique or v not in seen_unique[c.name]:
            break
        if attempt > 5 and isinstance(v, str):
            v = _fit(f"{v}{ctx.index}", c)
            if v not in seen_unique[c.name]:
                break
        ctx.person = new_person(ctx)
    if c.name in seen_unique:
        seen_unique[c.name].add(v)
    if isinstance(v, (dict, list)) and not isinstance(c.type, sa.JSON):
        v = json.dumps(v, ensure_ascii=False)
    return v


def build(engine: Engine, md: sa.MetaData, seed: int = 1) -> dict[str, int]:
    """Create the tables and load generated rows; returns rows per table."""
    md.create_all(engine)
    counts = {}
    data = generate(md, seed)
    with engine.begin() as conn:
        for t in _order(md):
            rows = data[t.name]
            if rows:
                conn.execute(t.insert(), rows)
            counts[t.name] = len(rows)
    return counts
