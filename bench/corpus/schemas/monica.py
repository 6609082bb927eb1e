"""Monica (PHP personal CRM, Laravel; the rewrite formerly called Chandler): a held-out
schema (issue #10), labelled before any scan and never tuned on. The tables are those the
``database/migrations/*create_*.php`` files create, with the later ``add_*``/``update_*``
migrations that touch them applied (two-factor columns, ``contact_sort_order`` and
``is_instance_administrator`` on ``users``; ``file_id``, ``religion_id`` and
``distant_uri`` on ``contacts``; ``kind``/``pref`` on ``contact_information``;
``used_at`` on ``webauthn_keys``; the CardDAV columns and ``deleted_at`` of
``contact_important_dates``): 20 of its tables, column subset of ``vaults`` (two of its
seven ``show_*_tab`` flags). Laravel types: ``uuid`` is ``CHAR(36)`` (``uuid`` on
PostgreSQL), ``id()`` ``BIGINT`` auto-increment, ``string`` ``VARCHAR(255)``,
``mediumText`` ``MEDIUMTEXT``, ``longText`` ``LONGTEXT``. Accounts, users, vaults and
contacts have uuid keys; ``foreignIdFor`` references to them are ``CHAR(36)``. Foreign
keys as the migrations declare them (``constrained()``) to tables included; references to
tables not included (``templates``, ``pronouns``, ``files``, ``address_types``,
``emotions``, ``call_reasons``, ``currencies``, ``contact_important_date_types``) are
generated as values, without a constraint.

Tables: accounts, users (names, e-mail, bcrypt hash, encrypted 2FA secret and recovery
codes, invitation code, remember-me token), vaults (shared address books, some named
after a family), user-vault pivot (with the user's own contact card), genders,
religions, companies (employers of contacts), contacts (the people a user knows: names,
nicknames, maiden names, prefixes, job, the CardDAV vCard and its URL under the
syncing user's login), addresses (street, city, coordinates), contact-address pivot,
contact information types and values (e-mails, phones, social handles), notes, important
dates (birthdays as day, month and year, with an iCalendar copy), loans between
contacts, call logs, social-login tokens, WebAuthn keys and Laravel sessions.
"""

from __future__ import annotations

import base64
import json

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from ..gen import GENERATORS as G
from ..gen import col, datetimes, longtext, mediumtext, table
from ..gen import token_of as _tok
from ..gen import with_params as _p

SOURCE = {"repo": "monicahq/monica",
          "path": "database/migrations/2020_04_25_133132_create_contacts_table.php",
          "commit": "e08e91734170b6bbd582cb578532c3948196124e"}
PERSON_TABLES = ("users", "contacts")

S = sa.String(255)
T = sa.Text
MT = mediumtext()
TS = sa.DateTime
I = sa.Integer  # noqa: E741
BI = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
B = sa.Boolean
UU = sa.CHAR(36).with_variant(postgresql.UUID(as_uuid=False), "postgresql")

N_ACCOUNT = 6
N_USER = 25
N_VAULT = 12
N_CONTACT = 300
N_ADDRESS = 150
GENDERS = [("Male", "M"), ("Female", "F"), ("Non-binary", "N"), ("Unknown", "U"),
           ("Prefer not to say", "O")]
RELIGIONS = ["Christian", "Muslim", "Jewish", "Hindu", "Buddhist", "Sikh", "Shinto",
             "Taoist", "Atheist", "Other"]
INFO_TYPES = [("Email address", "email", "mailto:"), ("Phone", "phone", "tel:"),
              ("Facebook", "social", "https://facebook.com/"),
              ("Twitter", "social", "https://twitter.com/"),
              ("WhatsApp", "IM", "https://wa.me/"), ("Telegram", "IM", "https://t.me/"),
              ("LinkedIn", "social", "https://linkedin.com/in/"), ("Website", "url", "")]
NOTE_TITLES = ["", "", "Gift ideas", "Met at the conference", "Birthday ideas for {first}",
               "Catch-up", "Kids' names", None]
NOTE_BODIES = ["Loves hiking and Italian food.", "Her sister {first2} {last2} just moved to "
               "{city}.", "Call back about the apartment, {phone}.",
               "Allergic to peanuts.", "Remind {first} about the book I lent.",
               "New email: {email}", "Met through work, very funny.",
               "Divorced in 2019, two kids.", "Going through chemo, send a card.", ""]
CALL_TEXTS = ["", "", "Talked about the trip to {city}.", "Left a voicemail.",
              "{first} sounded tired, follow up next week.", "Birthday call.",
              "Asked for {first2}'s number: {phone}"]
LOAN_NAMES = ["Concert tickets", "Rent", "Money for the car", "Book: Dune", "Camera",
              "Lunch", "Drill", "Deposit"]


_ts = datetimes(2019, 2025)


def _laravel_encrypted(c):  # type: ignore[no-untyped-def]
    payload = {"iv": G["token"](_p(c, n=24, style="b64")),
               "value": G["token"](_p(c, n=48, style="b64")),
               "mac": G["token"](_p(c, n=64, style="hex")), "tag": ""}
    return base64.b64encode(json.dumps(payload).encode()).decode()


def _ts_cols():  # type: ignore[no-untyped-def]
    return [col("created_at", TS, _ts, null=0.02), col("updated_at", TS, _ts, null=0.02)]


def _vault_name(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.25:
        return f"{c.person['last']} family"
    return c.rng.choice(["Personal", "Friends", "Work", "Family", "Neighbours", "Book club"])


def _vcard(c):  # type: ignore[no-untyped-def]
    p = c.person
    lines = ["BEGIN:VCARD", "VERSION:4.0", f"UID:{G['uuid_str'](c)}",
             f"FN:{p['first']} {p['last']}", f"N:{p['last']};{p['first']};;;",
             f"EMAIL;TYPE=home:{p['email']}", f"TEL;TYPE=cell:{G['phone'](c)}"]
    if c.rng.random() < 0.5:
        lines.append(f"BDAY:{p['born'].strftime('%Y%m%d')}")
    lines.append("END:VCARD")
    return "\r\n".join(lines)


def _distant_uri(c):  # type: ignore[no-untyped-def]
    if c.row.get("vcard") is None:
        return None
    host = c.rng.choice(["dav.example.org", "cloud.example.net/remote.php/dav"])
    return f"https://{host}/addressbooks/users/{c.person['username']}/contacts/" \
           f"{G['uuid_str'](c)}.vcf"


def _if_synced(g):  # type: ignore[no-untyped-def]
    def gen(c):  # type: ignore[no-untyped-def]
        return None if c.row.get("vcard") is None else g(c)
    return gen


def _info_data(c):  # type: ignore[no-untyped-def]
    k = c.row["type_id"]
    p = c.person
    if k == 1:
        return p["email"]
    if k == 2:
        return G["phone"](c)
    if k in (3, 4, 6):
        return p["username"] if c.rng.random() < 0.7 else f"@{p['username']}"
    if k == 5:
        return G["phone"](c).replace(" ", "")
    if k == 7:
        return f"{p['username']}-{c.rng.randint(10, 99)}"
    return G["personal_url"](c) or "https://example.org"


def _date_parts(part):  # type: ignore[no-untyped-def]
    def gen(c):  # type: ignore[no-untyped-def]
        born = c.person["born"]
        if part == "year" and c.rng.random() < 0.3:
            return None
        return {"day": born.day, "month": born.month, "year": born.year}[part]
    return gen


def _vcalendar(c):  # type: ignore[no-untyped-def]
    p = c.person
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Monica//EN\r\nBEGIN:VEVENT\r\n"
            f"UID:{G['uuid_str'](c)}\r\nSUMMARY:Birthday of {p['first']} {p['last']}\r\n"
            f"DTSTART;VALUE=DATE:{p['born'].strftime('%Y%m%d')}\r\nRRULE:FREQ=YEARLY\r\n"
            "END:VEVENT\r\nEND:VCALENDAR")


def _session_payload(c):  # type: ignore[no-untyped-def]
    def ser(v):  # type: ignore[no-untyped-def]
        if isinstance(v, str):
            return f's:{len(v.encode())}:"{v}";'
        return f"a:{len(v)}:{{" + "".join(ser(k) + ser(x) for k, x in v.items()) + "}"
    data = {"_token": G["token"](_p(c, n=40)),
            "_previous": {"url": f"https://monica.example.com/vaults/{G['uuid_str'](c)}"
                                 "/contacts"},
            "login_web_59ba36addc2b2f9401580f014c7f58ea4e30989d": G["uuid_str"](c)}
    return base64.b64encode(ser(data).encode()).decode()


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "accounts", N_ACCOUNT,
          col("id", UU, "uuid_str", pk=True),
          col("storage_limit_in_mb", I, "choice", values=[0, 0, 500, 1024]),
          *_ts_cols())
    table(md, "users", N_USER,
          col("id", UU, "uuid_str", pk=True),
          col("account_id", UU, fk="accounts.id"),
          col("first_name", S, "first_name", null=0.05),
          col("last_name", S, "last_name", null=0.1),
          col("password", S, "password_hash", style="bcrypt12", null=0.1),
          col("two_factor_secret", T, _laravel_encrypted, null=0.75),
          col("two_factor_recovery_codes", T, _laravel_encrypted, null=0.75),
          col("two_factor_confirmed_at", TS, _ts, null=0.8),
          col("email", S, "email", unique=True),
          col("email_verified_at", TS, _ts, null=0.2),
          col("name_order", S, "choice", values=["%first_name% %last_name%",
                                                 "%last_name% %first_name%",
                                                 "%first_name% %last_name% (%nickname%)"]),
          col("contact_sort_order", S, "choice", values=["last_updated", "asc", "desc"]),
          col("date_format", S, "choice", values=["MMM DD, YYYY", "DD MMM YYYY",
                                                  "YYYY-MM-DD"]),
          col("timezone", S, "timezone", null=0.2),
          col("number_format", sa.String(8), "choice", values=["locale", "1,234.56",
                                                              "1 234,56"]),
          col("default_map_site", S, "choice", values=["open_street_maps", "google_maps"]),
          col("distance_format", S, "choice", values=["miles", "km"]),
          col("is_account_administrator", B, lambda c: c.rng.random() < 0.3),
          col("is_instance_administrator", B, lambda c: c.index == 0),
          col("help_shown", B, "bool"),
          col("invitation_code", S, _tok(64), null=0.8),
          col("invitation_accepted_at", TS, _ts, null=0.8),
          col("locale", S, "choice", values=["en", "fr", "de", "pt_BR", "ja", "zh_CN"]),
          col("remember_token", sa.String(100), _tok(60), null=0.5),
          *_ts_cols())
    table(md, "vaults", N_VAULT,
          col("id", UU, "uuid_str", pk=True),
          col("account_id", UU, fk="accounts.id"),
          col("type", S, lambda c: "personal"),
          col("name", S, _vault_name),
          col("description", S, lambda c: c.rng.choice(["", "Shared with my partner",
                                                        "Colleagues", None]), nullable=True),
          col("default_template_id", BI, "int", lo=1, hi=3, null=0.2),
          col("default_activity_tab", S, "choice", values=["activity", "notes"]),
          col("show_group_tab", B, "bool"),
          col("show_journal_tab", B, "bool"),
          *_ts_cols())
    table(md, "genders", len(GENDERS),
          col("id", BI, pk=True, auto=True),
          col("account_id", UU, fk="accounts.id"),
          col("name", S, lambda c: GENDERS[c.index][0], nullable=True),
          col("name_translation_key", S, lambda c: f"gender.{GENDERS[c.index][1].lower()}",
              null=0.3),
          col("type", sa.CHAR(1), lambda c: GENDERS[c.index][1], nullable=True),
          *_ts_cols())
    table(md, "religions", len(RELIGIONS),
          col("id", BI, pk=True, auto=True),
          col("account_id", UU, fk="accounts.id"),
          col("name", S, lambda c: RELIGIONS[c.index], nullable=True),
          col("translation_key", S, lambda c: f"religion.{RELIGIONS[c.index].lower()}",
              null=0.2),
          col("position", I, lambda c: c.index + 1, nullable=True),
          *_ts_cols())
    table(md, "companies", 40,
          col("id", BI, pk=True, auto=True),
          col("vault_id", UU, fk="vaults.id"),
          col("name", S, "company"),
          col("type", S, "choice", values=["company", "school", "non-profit"], null=0.4),
          *_ts_cols())
    table(md, "contacts", N_CONTACT,
          col("id", UU, "uuid_str", pk=True),
          col("vault_id", UU, fk="vaults.id"),
          col("gender_id", BI, fk="genders.id", null=0.3),
          col("pronoun_id", BI, "int", lo=1, hi=6, null=0.6),
          col("template_id", BI, "int", lo=1, hi=3, null=0.1),
          col("company_id", BI, fk="companies.id", null=0.6),
          col("file_id", BI, "int", lo=1, hi=400, null=0.85),
          col("religion_id", BI, fk="religions.id", null=0.85),
          col("first_name", S, "first_name", null=0.03),
          col("middle_name", S, lambda c: c.person["middle"] or None, nullable=True),
          col("last_name", S, "last_name", null=0.15),
          col("nickname", S, lambda c: c.rng.choice(
              [c.person["first"][:3], "Bubbles", "Doc", "Sunny", c.person["username"]]),
              null=0.7),
          col("maiden_name", S, lambda c: c.fakers[c.person["locale"]].last_name(), null=0.9),
          col("suffix", S, "choice", values=["Jr.", "Sr.", "III", "PhD"], null=0.93),
          col("prefix", S, "choice", values=["Dr.", "Mrs.", "Mr.", "Prof.", "Ms."], null=0.8),
          col("job_position", S, "choice", values=["Engineer", "Teacher", "Nurse",
                                                   "Student", "Designer", "Retired"],
              null=0.6),
          col("can_be_deleted", B, lambda c: c.rng.random() < 0.95),
          col("listed", B, lambda c: c.rng.random() < 0.9),
          col("vcard", MT, _vcard, null=0.6),
          col("distant_uuid", sa.String(256), _if_synced(lambda c: G["uuid_str"](c)),
              nullable=True),
          col("distant_etag", sa.String(256), _if_synced(
              lambda c: f'"{G["token"](_p(c, n=32, style="hex"))}"'), nullable=True),
          col("distant_uri", sa.String(2096), _distant_uri, nullable=True),
          col("last_updated_at", TS, _ts, null=0.1),
          col("deleted_at", TS, _ts, null=0.95),
          *_ts_cols())
    table(md, "user_vault", 30,
          col("vault_id", UU, fk="vaults.id"),
          col("user_id", UU, fk="users.id"),
          col("contact_id", UU, fk="contacts.id"),
          col("permission", I, "choice", values=[100, 200, 300]),
          *_ts_cols())
    table(md, "addresses", N_ADDRESS,
          col("id", BI, pk=True, auto=True),
          col("vault_id", UU, fk="vaults.id"),
          col("address_type_id", BI, "int", lo=1, hi=4, null=0.3),
          col("line_1", S, "street", null=0.05),
          col("line_2", S, lambda c: c.rng.choice(["Apt 3B", "c/o Müller", "2. OG", ""]),
              null=0.6),
          col("city", S, "city", null=0.05),
          col("province", S, "state", null=0.4),
          col("postal_code", S, "postcode", null=0.1),
          col("country", S, "choice", values=["US", "FR", "DE", "JP", "BR", "GB"], null=0.2),
          col("latitude", sa.Float, "lat", null=0.5),
          col("longitude", sa.Float, "lon", null=0.5),
          *_ts_cols())
    table(md, "contact_address", 170,
          col("contact_id", UU, fk="contacts.id"),
          col("address_id", BI, fk="addresses.id"),
          col("is_past_address", B, lambda c: c.rng.random() < 0.2),
          *_ts_cols())
    table(md, "contact_information_types", len(INFO_TYPES),
          col("id", BI, pk=True, auto=True),
          col("account_id", UU, fk="accounts.id"),
          col("name", S, lambda c: INFO_TYPES[c.index][0], nullable=True),
          col("name_translation_key", S, lambda c: None, nullable=True),
          col("protocol", S, lambda c: INFO_TYPES[c.index][2] or None, nullable=True),
          col("can_be_deleted", B, lambda c: c.index > 1),
          col("type", S, lambda c: INFO_TYPES[c.index][1], nullable=True),
          *_ts_cols())
    table(md, "contact_information", 450,
          col("id", BI, pk=True, auto=True),
          col("contact_id", UU, fk="contacts.id"),
          col("type_id", BI, fk="contact_information_types.id"),
          col("data", S, _info_data),
          col("kind", S, "choice", values=["home", "work", "cell", "other"], null=0.4),
          col("pref", B, lambda c: c.rng.random() < 0.7),
          *_ts_cols())
    table(md, "notes", 350,
          col("id", BI, pk=True, auto=True),
          col("contact_id", UU, fk="contacts.id"),
          col("vault_id", UU, fk="vaults.id"),
          col("author_id", UU, fk="users.id", null=0.1),
          col("emotion_id", BI, "int", lo=1, hi=3, null=0.7),
          col("title", S, lambda c: (lambda t: None if t is None else t.format(
              first=c.person["first"]))(c.rng.choice(NOTE_TITLES)), nullable=True),
          col("body", T, "template", texts=NOTE_BODIES),
          *_ts_cols())
    table(md, "contact_important_dates", 260,
          col("id", BI, pk=True, auto=True),
          col("contact_id", UU, fk="contacts.id"),
          col("uuid", UU, "uuid_str", null=0.5),
          col("vcalendar", MT, _vcalendar, null=0.6),
          col("distant_uuid", sa.String(256), "uuid_str", null=0.7),
          col("distant_etag", sa.String(256), _tok(32, "hex"), null=0.7),
          col("distant_uri", sa.String(2096), lambda c: "https://dav.example.org/calendars/"
              f"{c.person['username']}/birthdays/{G['uuid_str'](c)}.ics", null=0.7),
          col("contact_important_date_type_id", BI, "int", lo=1, hi=2, null=0.3),
          col("label", S, "choice", values=["Birthdate", "Birthdate", "Deceased date",
                                            "Wedding anniversary", "First met"]),
          col("day", I, _date_parts("day"), null=0.05),
          col("month", I, _date_parts("month"), null=0.05),
          col("year", I, _date_parts("year"), nullable=True),
          *_ts_cols(),
          col("deleted_at", TS, _ts, null=0.95))
    table(md, "loans", 60,
          col("id", BI, pk=True, auto=True),
          col("vault_id", UU, fk="vaults.id"),
          col("type", S, "choice", values=["object", "monetary"]),
          col("name", S, "choice", values=LOAN_NAMES),
          col("description", T, "template", null=0.5,
              texts=["", "Pay back before summer", "{first} will return it at the party",
                     "Paid half by PayPal to {email}", "Birthday present, not really a loan"]),
          col("amount_lent", I, "int", lo=5, hi=3000, null=0.4),
          col("currency_id", BI, "int", lo=1, hi=160, null=0.4),
          col("loaned_at", TS, _ts, null=0.2),
          col("settled", B, "bool"),
          col("settled_at", TS, _ts, null=0.6),
          *_ts_cols())
    table(md, "contact_loan", 60,
          col("loan_id", BI, fk="loans.id"),
          col("loaner_id", UU, fk="contacts.id"),
          col("loanee_id", UU, fk="contacts.id"),
          *_ts_cols())
    table(md, "calls", 200,
          col("id", BI, pk=True, auto=True),
          col("contact_id", UU, fk="contacts.id"),
          col("call_reason_id", BI, "int", lo=1, hi=8, null=0.5),
          col("author_id", UU, fk="users.id", null=0.1),
          col("emotion_id", BI, "int", lo=1, hi=3, null=0.6),
          col("author_name", S, "full_name"),
          col("called_at", TS, _ts),
          col("duration", I, "int", lo=1, hi=90, null=0.4),
          col("type", S, "choice", values=["audio", "video"]),
          col("description", T, "template", texts=CALL_TEXTS, null=0.3),
          col("answered", B, lambda c: c.rng.random() < 0.8),
          col("who_initiated", S, "choice", values=["me", "contact"]),
          *_ts_cols())
    table(md, "user_tokens", 15,
          col("id", BI, pk=True, auto=True),
          col("user_id", UU, fk="users.id"),
          col("driver_id", sa.String(256), lambda c: str(c.rng.randint(10**20, 10**21 - 1))
              if c.rng.random() < 0.6 else str(c.rng.randint(10**5, 10**8))),
          col("driver", sa.String(50), "choice", values=["google", "github", "facebook",
                                                         "microsoft"]),
          col("format", sa.CHAR(6), "choice", values=["oauth2", "oauth1"]),
          col("email", sa.String(1024), "email", null=0.1),
          col("token", sa.String(4096), lambda c: "ya29." + G["token"](_p(c, n=150))),
          col("token_secret", sa.String(2048), _tok(40), null=0.85),
          col("refresh_token", sa.String(2048), lambda c: "1//" + G["token"](_p(c, n=100)),
              null=0.4),
          col("expires_in", BI, "choice", values=[3599, 3600, 5183999], null=0.2),
          *_ts_cols())
    table(md, "webauthn_keys", 12,
          col("id", BI, pk=True, auto=True),
          col("user_id", UU, fk="users.id"),
          col("name", S, lambda c: c.rng.choice(
              ["key", "YubiKey", f"{c.person['first']}'s MacBook", "Phone", "Work key"])),
          col("credentialId", sa.String(768), _tok(64, "b64")),
          col("type", S, lambda c: "public-key"),
          col("transports", T, lambda c: json.dumps(c.rng.choice([["usb"], ["internal"],
                                                                  ["usb", "nfc"]]))),
          col("attestationType", S, "choice", values=["none", "basic", "self"]),
          col("trustPath", T, lambda c: '{"type":"Webauthn\\\\TrustPath\\\\EmptyTrustPath"}'),
          col("aaguid", T, lambda c: c.rng.choice(["00000000-0000-0000-0000-000000000000",
                                                   "cb69481e-8ff7-4039-93ec-0a2729a154a8"])),
          col("credentialPublicKey", T, _tok(100, "b64")),
          col("counter", BI, "int", lo=0, hi=500),
          col("used_at", TS, _ts, null=0.3),
          *_ts_cols())
    table(md, "sessions", 80,
          col("id", S, _tok(40), pk=True),
          col("user_id", UU, ref="users.id", null=0.3),
          col("ip_address", sa.String(45), "ip", null=0.02),
          col("user_agent", T, "user_agent", null=0.05),
          col("payload", longtext(), _session_payload),
          col("last_activity", I, "int", lo=1_600_000_000, hi=1_760_000_000))
    return md
