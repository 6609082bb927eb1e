"""Discovery rules of the tenth corpus pass (issue #10), from the misses and false alarms
of osTicket, Kanboard, Dolibarr and Spree when they were held out: passwords under
``pass``, phone extensions, Message-IDs in angle brackets, saved-card and domain-account
ids, publishable keys, names in lower-case file stems, files named for the row's person,
accounts at an identity provider, the parts of a saved card, coordinates written as one
word, social handles of a shop, projects, prefixed link tables. Each rule with a
look-alike that must stay ``keep``."""

from __future__ import annotations

import random

import pytest

from classifiers import names as N
from classifiers.context import apply_context, person_key_tables, subject_of
from classifiers.engine import default_engine
from classifiers.verdict import Verdict, credential_shape, message_id, random_secret, text_verdict
from piigate.db import ColumnInfo, Inventory, TableInfo
from tests.unit.test_classifiers_accounts import _table
from tests.unit.test_classifiers_fifth_pass import _judge

RNG = random.Random(10)
FIRST = ["james", "mary", "robert", "patricia", "john", "jennifer", "michael", "linda",
         "david", "elizabeth"]
LAST = ["smith", "johnson", "williams", "brown", "jones", "garcia", "miller", "davis",
        "wilson", "moore"]
ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


def _random(n: int, alphabet: str = ALNUM) -> str:
    return "".join(RNG.choice(alphabet) for _ in range(n))



# -- names: ``pass``, extensions -------------------------------------------------------


@pytest.mark.parametrize("column", ["pass", "pass_temp", "pass_crypted", "user_pass"])
def test_pass_is_a_password(column):
    assert N.match(column).entity == N.CREDENTIAL


@pytest.mark.parametrize("column", ["pass_count", "pass_encoding", "phone_ext",
                                    "phone_extension", "passenger"])
def test_pass_and_phone_look_alikes(column):
    # how often an exam was passed, how a password is encoded, an extension alone
    nm = N.match(column)
    assert nm is None or nm.entity not in (N.CREDENTIAL, N.PHONE)


def test_pass_of_flags_stays(engine):
    # look-alike: a ``pass`` column of pass/fail flags (distinct values, as sampled)
    assert text_verdict("pass", ["0", "1"], engine).entity is None
    assert text_verdict("pass", ["Asso2024", "123456", "azerty123", "dolibarr"],
                        engine).entity == N.CREDENTIAL


# -- Message-IDs, saved cards, domain SIDs, publishable keys -------------------------------


def test_bracketed_message_ids_are_no_mailboxes(engine):
    mids = [f"<{_random(20, ALNUM[:52] + '_-')}@mail.example.com>" for _ in range(30)]
    assert all(message_id(m[1:-1], bracketed=True) for m in mids if sum(
        c.isupper() for c in m) >= 4)
    assert text_verdict("reference", mids + [""] * 10, engine).entity is None
    # look-alike: people's addresses in brackets, even long ones without dots
    people = [f"<{f.title()}{la.title()}Private@example.com>" for f in FIRST for la in LAST]
    assert not message_id("JamesSmithPrivate@example.com", bracketed=True)
    assert text_verdict("reference", people, engine).entity == N.EMAIL


def test_saved_card_and_domain_account_ids(engine):
    cards = [f"{RNG.choice(['pm', 'card'])}_{_random(24)}" for _ in range(30)]
    assert text_verdict("gateway_payment_profile_id", cards, engine).entity == N.PERSON_ID
    sids = [f"S-1-5-21-{RNG.randint(10**9, 4 * 10**9)}-{RNG.randint(10**9, 4 * 10**9)}-"
            f"{RNG.randint(10**9, 4 * 10**9)}-{RNG.randint(1000, 9999)}" for _ in range(20)]
    assert text_verdict("ldap_sid", sids, engine).entity == N.PERSON_ID
    # look-alikes: a charge's id (the payment's reference), built-in groups' SIDs
    charges = [f"ch_{_random(24)}" for _ in range(30)]
    assert text_verdict("gateway_reference", charges, engine).entity != N.PERSON_ID
    groups = ["S-1-5-32-544", "S-1-5-32-545", "S-1-5-18", "S-1-1-0"] * 5
    assert text_verdict("group_sid", groups, engine).entity is None


def test_publishable_keys_are_no_secret(engine):
    pk = [f"pk_live_{_random(12)}" for _ in range(30)]
    assert not credential_shape(pk[0]) and not random_secret(pk[0])
    assert text_verdict("site_account", pk, engine).entity is None
    # look-alike: the secret key beside it stays a credential
    sk = [f"sk_live_{_random(24)}" for _ in range(30)]
    assert credential_shape(sk[0])
    assert text_verdict("site_account", sk, engine).entity == N.CREDENTIAL


# -- file names ---------------------------------------------------------------------


def test_lower_case_names_in_file_stems(engine):
    files = [f"{FIRST[i % 10]}.{LAST[i // 10 % 10]}.jpg" if i % 4 == 0 else
             f"IMG_{3000 + i}.jpg" for i in range(80)]
    v = text_verdict("image", files, engine)
    assert v.entity == N.PERSON and v.partial
    # look-alike: lower-case words that are no names
    plain = [f"{w}.{x}.png" for w in ["report", "invoice", "logo", "screen", "error"]
             for x in ["final", "draft", "old", "new", "copy", "small"]] * 2
    assert text_verdict("image", plain, engine).entity is None


def test_a_few_named_files_count_too(engine):
    files = [f"CV_{FIRST[i].title()}_{LAST[i].title()}.docx" for i in range(7)]
    files += ["logo.png", "image001.jpg", "report.xlsx", "error.log", "screenshot.png",
              "invoice_2024_03.pdf", "notes.txt"] * 3
    assert text_verdict("name", files, engine).entity == N.PERSON
    # look-alike: fewer than five of them
    few = files[:2] + files[7:]
    assert text_verdict("name", few, engine).entity is None


def test_files_named_for_the_rows_person(engine):
    cols = {"id": "integer", "firstname": "text", "lastname": "text", "photo": "text"}
    first, last = ["Anna", "Robert", "Maria", "John"], ["Berg", "Reeves", "Lopez", "Smith"]
    photos = ["avatar.png", "robert.reeves.jpg", "IMG_2950.jpg", "john.smith.png"]
    vals = {"firstname": first, "lastname": last, "photo": photos}
    rows = [{"id": i, **{c: vals[c][i] for c in vals}} for i in range(4)]
    v = _judge([_table("members", cols, pk="id")], {"members": vals}, engine,
               rows={"members": rows})["members"]
    assert v["photo"].entity == N.PERSON and v["photo"].partial
    # look-alike: random avatar file names beside the same names
    randoms = [f"avatars/{_random(12).lower()}.jpg" for _ in range(4)]
    rrows = [{**r, "photo": p} for r, p in zip(rows, randoms, strict=True)]
    w = _judge([_table("members", cols, pk="id")], {"members": {**vals, "photo": randoms}},
               engine, rows={"members": rrows})["members"]
    assert w["photo"].entity is None


# -- table rules -----------------------------------------------------------------------


def _with_numbers(t: TableInfo, verdicts: dict[str, Verdict], col: str, n: int) -> None:
    verdicts[col] = Verdict(sampled=n, rows=n)
    apply_context(t, verdicts, Inventory("sqlite", {t.name: t}))


def test_accounts_at_an_identity_provider(engine):
    users = _table("users", {"id": "integer", "username": "text", "google_id": "text",
                             "gitlab_id": "integer"}, pk="id")
    gids = [str(RNG.randint(10**20, 10**21 - 1)) for _ in range(9)]
    logins = [f"{f}.{la}" for f in FIRST for la in LAST[:2]]
    vals = {"username": logins, "google_id": gids}
    verdicts = {c: (text_verdict(c, vals[c], engine) if c in vals else Verdict())
                for c in users.columns}
    _with_numbers(users, verdicts, "gitlab_id", 5)
    assert verdicts["google_id"].entity == N.PERSON_ID
    assert verdicts["gitlab_id"].entity == N.PERSON_ID
    # look-alike: a place's Google id
    places = _table("places", {"id": "integer", "title": "text", "google_id": "text"},
                    pk="id")
    w = _judge([places], {"places": {"title": ["Cafe", "Museum", "Park"] * 3,
                                     "google_id": gids}}, engine)["places"]
    assert w["google_id"].entity is None


def _card_table(name: str, holder: list[str]) -> dict[str, Verdict]:
    t = _table(name, {"id": "integer", "name": "text", "month": "integer",
                      "year": "integer", "last_digits": "text"}, pk="id")
    engine = default_engine()
    verdicts = {"id": Verdict(), "month": Verdict(sampled=12, rows=40),
                "year": Verdict(sampled=7, rows=40),
                "name": text_verdict("name", holder, engine),
                "last_digits": text_verdict("last_digits",
                                            [f"{RNG.randint(0, 9999):04d}" for _ in range(40)],
                                            engine)}
    for v in verdicts.values():
        v.rows = max(v.rows, v.sampled, 1)
    apply_context(t, verdicts, Inventory("sqlite", {t.name: t}))
    return verdicts


def test_parts_of_a_saved_card():
    holders = [f"{f.title()} {la.title()}" for f in FIRST for la in LAST[:3]]
    v = _card_table("spree_credit_cards", holders)
    assert v["month"].entity == N.CARD_EXPIRY and v["year"].entity == N.CARD_EXPIRY
    assert v["last_digits"].entity == N.CARD_DIGITS
    # look-alike: gift cards of no one (a card's design name, no holder)
    w = _card_table("gift_cards", ["Birthday", "Christmas", "Thank you", "Wedding"] * 5)
    assert w["month"].entity is None and w["last_digits"].entity is None


def _company_table(engine, street: bool):
    cols = {"id": "integer", "label": "text", "geolat": "text", "geolong": "text"}
    if street:
        cols["address"] = "text"
    t = _table("societe", cols, pk="id")
    t.columns["geolat"] = ColumnInfo("societe", "geolat", "DOUBLE", "float", True)
    t.columns["geolong"] = ColumnInfo("societe", "geolong", "DOUBLE", "float", True)
    vals = {"label": [f"Acme {i} GmbH" for i in range(30)],
            "address": [f"{10 + i} Main Street" for i in range(30)]}
    return _judge([t], {"societe": vals}, engine)["societe"]


def test_coordinates_written_as_one_word_beside_a_street(engine):
    v = _company_table(engine, street=True)
    assert v["address"].entity == N.STREET
    assert v["geolat"].entity == "LOCATION" and v["geolong"].entity == "LOCATION"
    # look-alike: a company's coordinates without anyone's street beside them
    w = _company_table(engine, street=False)
    assert w["geolat"].entity is None and w["geolong"].entity is None


def test_shop_handles_and_project_contacts_are_an_organisations(engine):
    store = _table("spree_stores", {"id": "integer", "facebook": "text", "twitter": "text",
                                    "contact_phone": "text",
                                    "customer_support_email": "text"}, pk="id")
    v = _judge([store], {"spree_stores": {
        "facebook": ["shop.example", "outlet.example"], "twitter": ["@shop", "@outlet"],
        "contact_phone": ["+1 415 555 0100", "+49 89 1234560"],
        "customer_support_email": ["support@shop.example.com", "hilfe@outlet.example.de"]}},
        engine)["spree_stores"]
    assert v["contact_phone"].entity is None and v["customer_support_email"].entity is None
    project = _table("projects", {"id": "integer", "email": "text"}, pk="id")
    w = _judge([project], {"projects": {"email": ["project-4@board.example.com",
                                                  "project-11@board.example.com"]}},
               engine)["projects"]
    assert w["email"].entity is None
    # look-alike: a person's handles and e-mail in a table of members stay
    member = _table("members", {"id": "integer", "twitter": "text", "email": "text"},
                    pk="id")
    m = _judge([member], {"members": {"twitter": ["@anna", "@bob"],
                                      "email": ["anna@example.org", "bob@example.org"]}},
               engine)["members"]
    assert m["email"].entity == N.EMAIL and m["twitter"].entity == N.USERNAME


def test_prefixed_link_table_key_is_no_persons():
    roles = _table("spree_roles", {"id": "integer", "name": "text"}, pk="id")
    users = _table("spree_users", {"id": "integer", "email": "text"}, pk="id")
    link = _table("spree_role_users", {"id": "integer", "role_id": "integer",
                                       "user_id": "integer"}, pk="id")
    inv = Inventory("sqlite", {t.name: t for t in (roles, users, link)})
    subjects = {t.name: subject_of(t, {c: Verdict() for c in t.columns}, inv)
                for t in (users, link)}
    people = person_key_tables(inv, subjects)
    assert "spree_role_users" not in people
    assert "spree_users" in people  # look-alike: the users table itself
