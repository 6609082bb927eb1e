"""Discovery rules of the eighth corpus pass (issue #10), from the misses and false alarms
of PrestaShop, Zulip, Saleor and Drupal when they were held out: card details and IPs
stored as integers, ``country_area`` regions, dispatch tables named for people, PHP-
serialized values, file names naming people, rendered HTML, analytics client ids, external
references, company registry numbers, message-template placeholders. Each rule with a
look-alike that must stay ``keep``."""

from __future__ import annotations

import random

import pytest

from classifiers import names as N
from classifiers.context import Subject, _polymorphic, person_key_tables
from classifiers.sampling import ColumnSample, TableSample
from classifiers.scan import column_verdict
from classifiers.verdict import profile_url, text_verdict
from piigate.db import ColumnInfo, Inventory
from tests.unit.test_classifiers_accounts import _table
from tests.unit.test_classifiers_fifth_pass import _judge

RNG = random.Random(8)
FIRST = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda",
         "David", "Elizabeth"]
LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
        "Wilson", "Moore"]



def _int_verdict(name: str, values: list[int], engine):
    col = ColumnInfo("t", name, "INTEGER", "integer", True)
    table = _table("t", {"id": "integer"}, pk="id")
    table.columns[name] = col
    cs = ColumnSample(name, "integer", values=values, non_null=len(values))
    return column_verdict(col, cs, TableSample("t"), table, engine)


# -- card details and IPs stored as integers -----------------------------------------


def test_card_expiry_and_first_digits_by_name(engine):
    assert N.match("cc_first_digits").entity == N.CARD_DIGITS
    assert N.match("card_first_six").entity == N.CARD_DIGITS
    assert _int_verdict("cc_exp_month", list(range(1, 13)), engine).entity == N.CARD_EXPIRY
    assert _int_verdict("cc_exp_year", list(range(2024, 2031)), engine).entity == \
        N.CARD_EXPIRY
    # look-alikes: a month that is no card's, a first-digits word without a card
    assert _int_verdict("billing_month", list(range(1, 13)), engine).entity is None
    assert N.match("first_digits") is None


def test_ip2long_integer_is_an_ip(engine):
    ips = [RNG.randint(16777216, 4294967295) for _ in range(50)]
    assert _int_verdict("ip_address", ips, engine).entity == N.IP
    # look-alike: a large integer under another name stays a number
    assert _int_verdict("checksum", ips, engine).entity is None


# -- regions -------------------------------------------------------------------------


def test_country_area_is_a_region():
    assert N.match("country_area").entity == N.REGION
    assert N.match("billing_country_area").entity == N.REGION
    assert N.match("country_code").entity == N.COUNTRY  # look-alike: the country itself


# -- dispatch tables named for people ------------------------------------------------


def test_polymorphic_recipient_table_has_no_person_key():
    recipient = _table("recipient", {"id": "integer", "type_id": "integer",
                                     "type": "integer"}, pk="id")
    customer = _table("customer", {"id": "integer", "type": "integer"}, pk="id")
    assert _polymorphic(recipient) == "type_id"
    assert _polymorphic(customer) is None  # a type alone: a customer's kind
    inv = Inventory("sqlite", {"recipient": recipient, "customer": customer})
    people = Subject("people", "table name reads as people", by_name=True)
    keyed = person_key_tables(inv, {"recipient": people, "customer": people})
    assert "recipient" not in keyed and "customer" in keyed
    # look-alike: with a name of its own the rows are people again
    named = Subject("people", "table name reads as people", by_name=True,
                    identity=("name",))
    assert "recipient" in person_key_tables(inv, {"recipient": named})


# -- PHP-serialized values -------------------------------------------------------------


def test_php_serialized_values_judged_per_key(engine):
    vals = []
    for i in range(40):
        f, la = FIRST[i % 10], LAST[(i * 3) % 10]
        name = f"{f} {la}"
        vals.append(f'a:2:{{s:12:"%sender-name";s:{len(name)}:"{name}";'
                    f's:9:"%category";s:8:"Feedback";}}')
    v = text_verdict("variables", vals, engine)
    assert v.entity is not None and any(s.startswith("php-serialized:") for s in v.signals)
    # look-alike: serialized settings of no one
    settings = [f'a:2:{{s:5:"%type";s:4:"cron";s:5:"%path";s:{len(str(i)) + 5}:"node/{i}";}}'
                for i in range(40)]
    assert text_verdict("variables", settings, engine).entity is None


# -- file names naming people --------------------------------------------------------------


def test_file_names_naming_people(engine):
    files = [f"public://2024-0{i % 9 + 1}/CV_{FIRST[i % 10]}_{LAST[i // 10]}.pdf"
             if i % 3 == 0 else f"public://2024-0{i % 9 + 1}/invoice-{1000 + i}.pdf"
             for i in range(90)]
    v = text_verdict("uri", files, engine)
    assert v.entity == N.PERSON and any(s.startswith("file-names-naming-people")
                                        for s in v.signals)
    # look-alike: product images and random upload names
    products = [f"{w}-{i}.jpg" for i, w in enumerate(["audio", "cables", "cameras",
                                                      "phones", "shirts"] * 8)]
    assert text_verdict("background_image", products, engine).entity is None
    uploads = [f"{RNG.getrandbits(48):012x}.png" for _ in range(40)]
    assert text_verdict("avatar", uploads, engine).entity is None


# -- rendered HTML --------------------------------------------------------------------------


def test_phone_inside_rendered_html(engine):
    html = [f"<p>+1 415 555 {RNG.randint(1000, 9999)}</p>" for _ in range(20)] + \
        ["<p>Pizza</p>", "<p>Sushi &amp; ramen</p>"]
    assert text_verdict("rendered_value", html, engine).entity == N.PHONE
    # look-alike: rendered words, no contact
    words = [f"<p>{w}</p>" for w in ["Pizza", "Sushi", "Pierogi", "Ramen", "Tacos"] * 4]
    assert text_verdict("rendered_value", words, engine).entity is None


# -- analytics client ids, external references ------------------------------------------


def test_analytics_client_ids_are_visitor_ids(engine):
    ga = [f"GA1.2.{RNG.randint(10**8, 10**9 - 1)}.{RNG.randint(1500000000, 1750000000)}"
          for _ in range(30)]
    assert text_verdict("tracking_code", ga, engine).entity == N.PERSON_ID
    bare = [x.split(".", 2)[2] for x in ga]
    assert text_verdict("tracking_client_id", bare, engine).entity == N.PERSON_ID
    # look-alike: prices with decimals and version numbers
    prices = [f"{RNG.randint(1, 999)}.{RNG.randint(10, 99)}" for _ in range(30)]
    assert text_verdict("tracking_code", prices, engine).entity is None


def test_external_reference_of_a_person(engine):
    user = _table("users", {"id": "integer", "email": "text", "external_reference": "text"},
                  pk="id")
    product = _table("product", {"id": "integer", "external_reference": "text"}, pk="id")
    erp = [f"ERP-C{100000 + i * 37}" for i in range(30)]
    emails = [f"{FIRST[i % 10].lower()}{i}@example.org" for i in range(30)]
    v = _judge([user, product], {"users": {"email": emails, "external_reference": erp},
                                 "product": {"external_reference": erp}}, engine)
    assert v["users"]["external_reference"].entity == N.PERSON_ID
    assert v["product"]["external_reference"].entity is None  # look-alike: an SKU


# -- company numbers, template placeholders ----------------------------------------------


def test_company_registry_number_in_a_people_table(engine):
    cols = {"id": "integer", "email": "text", "siret": "text", "member_code": "text"}
    customer = _table("customer", cols, pk="id", unique=("siret", "member_code"))
    codes = [f"{RNG.randint(10**13, 10**14 - 1)}" for _ in range(30)]
    member = [f"M{RNG.randint(10**6, 10**7 - 1)}" for _ in range(30)]
    emails = [f"{FIRST[i % 10].lower()}{i}@example.org" for i in range(30)]
    v = _judge([customer], {"customer": {"email": emails, "siret": codes,
                                         "member_code": member}}, engine)
    assert v["customer"]["siret"].entity is None
    # look-alike: a number issued to the person stays one
    assert v["customer"]["member_code"].entity == N.PERSON_ID


def test_placeholders_of_message_templates_are_no_mentions(engine):
    templates = ["%sender-name (@sender-from) sent an email regarding %category.",
                 "@type: added %title.", "Session opened for %name.",
                 "%type: @message in %function (line %line of %file).",
                 "Cron run completed.", "Login attempt failed for %user."] * 3
    assert text_verdict("message", templates, engine).entity is None
    # look-alike: posts mentioning people
    posts = [f"@{FIRST[i % 10].lower()}_{LAST[i % 10].lower()} thanks for the review, "
             "merged it this morning." for i in range(20)]
    assert text_verdict("message", posts, engine).entity is not None


# -- the site's own pages are no profiles --------------------------------------------------


@pytest.mark.parametrize("url", ["https://www.example.org/user/login",
                                 "https://www.example.org/user/password",
                                 "https://www.example.org/users/sign_in",
                                 "https://www.example.org/wp-login.php"])
def test_site_pages_are_no_profile_urls(url):
    assert not profile_url(url)


@pytest.mark.parametrize("url", ["https://mastodon.social/@anna",  # look-alikes: profiles
                                 "https://www.example.org/users/anna_berg",
                                 "https://www.example.org/anna.berg"])
def test_profile_urls_stay_profiles(url):
    assert profile_url(url)


# -- e-mail addresses inside values that are not prose --------------------------------------


def test_email_inside_ssh_key_comments(engine):
    keys = [f"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI{RNG.getrandbits(128):032x} "
            + (f"{FIRST[i % 10].lower()}.{LAST[i % 10].lower()}{i}@example.org" if i % 2
               else f"deploy@build{i}") for i in range(40)]
    assert text_verdict("content", keys, engine).entity == N.EMAIL
    # look-alike: keys with host comments only
    hosts = [f"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI{RNG.getrandbits(128):032x} ci@build{i}"
             for i in range(40)]
    assert text_verdict("content", hosts, engine).entity is None


# -- OAuth authorization codes ----------------------------------------------------------------


def test_authorization_codes_are_secrets_their_challenge_is_not(engine):
    t = _table("oauth2_authorization_code", {"id": "integer", "code": "text",
                                             "code_challenge": "text"}, pk="id")
    codes = [f"gta_{RNG.getrandbits(160):040x}" for _ in range(30)]
    challenges = [f"{RNG.getrandbits(256):064x}" for _ in range(30)]
    v = _judge([t], {t.name: {"code": codes, "code_challenge": challenges}}, engine)
    assert v[t.name]["code"].entity == N.CREDENTIAL
    assert v[t.name]["code_challenge"].entity is None  # look-alike: sent in the URL


# -- door and gate codes ---------------------------------------------------------------------


def test_door_codes_in_address_notes_and_json_keys(engine):
    notes = ["Digicode 4521", "Gate code 1234#", "Ring the bell twice", "door code: 7781",
             "Leave at the back door"]
    assert text_verdict("other", notes, engine).entity == N.CREDENTIAL
    assert N.match("door_code").entity == N.CREDENTIAL
    # look-alikes: delivery hints without a code, a zip code, a discount code
    hints = ["Ring the bell twice", "Leave at the back door", "Call on arrival",
             "Third floor, left", "Gate is always open"]
    assert text_verdict("other", hints, engine).entity is None
    assert N.match("zip_code").entity != N.CREDENTIAL
    assert N.match("discount_code") is None


# -- a random string shaped like its row's credential ---------------------------------------


def _rand(n: int) -> str:
    abc = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    while True:
        x = "".join(RNG.choice(abc) for _ in range(n))
        if any(c.islower() for c in x) and any(c.isupper() for c in x):
            return x


def test_random_string_shaped_like_the_salt_is_a_secret(engine):
    t = _table("user", {"id": "integer", "salt": "text", "rands": "text", "theme": "text",
                        "lower_name": "text"}, pk="id")
    rows = [{"id": i, "salt": _rand(10), "rands": _rand(10), "theme": "gitea-auto",
             "lower_name": f"user{i}"} for i in range(40)]
    values = {c: [r[c] for r in rows] for c in ("salt", "rands", "theme", "lower_name")}
    v = _judge([t], {"user": values}, engine, rows={"user": rows})
    assert v["user"]["salt"].entity == N.CREDENTIAL
    assert v["user"]["rands"].entity == N.CREDENTIAL
    assert v["user"]["theme"].entity is None  # look-alike: a setting
    # look-alike: random strings of another length than the salt's
    rows2 = [{**r, "rands": _rand(16)} for r in rows]
    values2 = {**values, "rands": [r["rands"] for r in rows2]}
    v2 = _judge([t], {"user": values2}, engine, rows={"user": rows2})
    assert v2["user"]["rands"].entity is None
