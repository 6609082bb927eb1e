"""Discovery rules of the sixth corpus pass (issue #10), from the misses and false alarms of
Magento 2, Redmine and Moodle when they were held out: tax and institution numbers without
a known word, short random credentials, encrypted secrets in parts, card owner and last
digits, IM handles, calendar text naming someone; and the false alarms (keys of tables whose
rows are another person's, machines' IPs, flags under a personal name, numeric codes that
pass a check digit, row counters). Each rule with a look-alike that must stay ``keep``."""

from __future__ import annotations

import json
import random

import pytest

from classifiers import names as N
from classifiers.context import _person_named, apply_context, person_key_tables, subject_of
from classifiers.propose import DEFAULT_ENTITY_RULES
from classifiers.verdict import (
    FREE_TEXT,
    Verdict,
    code_like,
    json_verdict,
    random_secret,
    short_hex,
    text_verdict,
)
from piigate.db import ForeignKey, Inventory
from tests.unit.test_classifiers_accounts import _table
from tests.unit.test_classifiers_fifth_pass import _judge, _users, _with_ref

RNG = random.Random(6)



def _hex(n: int) -> str:
    return "".join(RNG.choice("0123456789abcdef") for _ in range(n))


def _tax_numbers(n: int = 30) -> list[str]:
    """Spanish NIF, Italian codice fiscale and German Steuer-ID shapes (not real ones)."""
    out = []
    for i in range(n):
        d = "".join(RNG.choice("0123456789") for _ in range(8))
        out.append([f"{d}{RNG.choice('ABCDEFGHJK')}", f"RSSMRA{d[:2]}A{d[2:4]}H{d[4:7]}Z",
                    f"{d}{i:03d}"][i % 3])
    return out


# -- tax and institution numbers -------------------------------------------------------


def test_tax_numbers_of_a_person(engine):
    assert _person_named("customer_entity") == "customer"  # an EAV model's main table
    assert _person_named("customer_entity_varchar") is None
    customers = _table("customer_entity", {"entity_id": "integer", "taxvat": "text"},
                       pk="entity_id")
    orders = _table("sales_order", {"id": "integer", "customer_id": "integer",
                                    "customer_taxvat": "text", "tax_amount": "text"}, pk="id")
    suppliers = _table("suppliers", {"id": "integer", "vat_number": "text"}, pk="id")
    v = _judge([customers, orders, suppliers], {
        "customer_entity": {"taxvat": _tax_numbers()},
        "sales_order": {"customer_taxvat": _tax_numbers(),
                        "tax_amount": [f"{RNG.randint(100, 99999) / 100:.2f}"
                                       for _ in range(30)]},
        # a company's VAT number: a table about things
        "suppliers": {"vat_number": [f"DE{RNG.randint(10**8, 10**9 - 1)}"
                                     for _ in range(30)]},
    }, engine)
    assert v["customer_entity"]["taxvat"].entity == N.PERSON_ID
    assert v["sales_order"]["customer_taxvat"].entity == N.PERSON_ID
    assert v["sales_order"]["tax_amount"].entity is None
    assert v["suppliers"]["vat_number"].entity is None


def test_a_compact_idnumber_of_a_person_and_a_course_code(engine):
    codes = [f"S{RNG.randint(10**6, 10**7 - 1)}" if i % 2 else
             f"{2015 + i % 10}-{RNG.randint(10000, 99999)}" for i in range(40)]
    users = _table("mdl_user", {"id": "integer", "idnumber": "text"}, pk="id")
    courses = _table("mdl_course", {"id": "integer", "idnumber": "text"}, pk="id")
    course_codes = [f"{2019 + i % 6}-{i:04d}" for i in range(30)]
    v = _judge([users, courses], {"mdl_user": {"idnumber": codes},
                                  "mdl_course": {"idnumber": course_codes}}, engine)
    assert v["mdl_user"]["idnumber"].entity == N.PERSON_ID
    # year-number codes: a few pass a national id's check digit, as random numbers do
    assert v["mdl_course"]["idnumber"].entity is None
    assert text_verdict("code", course_codes, engine).entity is None


@pytest.mark.parametrize("value", ["28594317A", "RSSMRA85T10A562S", "S4890167", "2017-76953",
                                   "DE 123 456 789"])
def test_code_shapes(value):
    assert code_like(value)


@pytest.mark.parametrize("value", ["Midterm exam", "12.5", "abc", "Call 555", "a  b 1234"])
def test_look_alikes_of_codes(value):
    assert not code_like(value)


def test_a_row_counter_is_no_issued_number(engine):
    users = _table("customers", {"id": "integer", "increment_id": "text",
                                 "licence": "text"}, pk="id")
    v = _judge([users], {"customers": {
        "increment_id": [f"{i:09d}" for i in range(1, 200, 3)],
        "licence": [str(RNG.randint(10**8, 10**9 - 1)) for _ in range(60)]}}, engine)
    assert v["customers"]["increment_id"].entity is None
    assert v["customers"]["licence"].entity == N.PERSON_ID  # issued at random


# -- short random credentials ----------------------------------------------------------


@pytest.mark.parametrize("value", ["a66c57", "3BE81F", "0d75d6aa"])
def test_short_hex_shapes(value):
    assert short_hex(value)


@pytest.mark.parametrize("value", ["821576", "abcdef", "a66C57", "a6c5", "g66c57"])
def test_look_alikes_of_short_hex(value):
    assert not short_hex(value)


def test_short_random_codes_of_a_persons_order(engine):
    orders = _table("sales_order", {"id": "integer", "customer_id": "integer",
                                    "protect_code": "text", "color_code": "text",
                                    "voucher_code": "text"}, pk="id")
    codes = []
    while len(codes) < 60:
        c = _hex(6)
        if short_hex(c):
            codes.append(c)
    values = {"protect_code": codes, "color_code": [_hex(6) for _ in range(60)],
              "voucher_code": codes[:25]}
    verdicts = {c: (text_verdict(c, values[c], engine) if c in values else Verdict())
                for c in orders.columns}
    for v in verdicts.values():
        v.rows = max(v.sampled, 1)
    verdicts["voucher_code"].rows = 60  # 25 vouchers shared by 60 orders: not one a row
    apply_context(orders, verdicts, Inventory("sqlite", {"sales_order": orders}))
    assert verdicts["protect_code"].entity == N.CREDENTIAL
    assert verdicts["color_code"].entity is None
    assert verdicts["voucher_code"].entity is None


def test_no_short_codes_without_a_person(engine):
    builds = _table("builds", {"id": "integer", "short_code": "text"}, pk="id")
    v = _judge([builds], {"builds": {"short_code": [_hex(7) + "a" for _ in range(40)]}},
               engine)
    assert v["builds"]["short_code"].entity is None


def test_encrypted_secrets_in_parts():
    assert random_secret(f"aes-256-cbc:{_hex(24)}--{_hex(16)}".replace("0", "a0"))
    assert random_secret(f"{_hex(20)}a1:{_hex(20)}b2")
    for look_alike in ("order-2024--batch-0001", "deadbeef--cafebabe", "12:30:45",
                       "2024-01-01:12345678", "my-long-slug-name--another-slug-name-here",
                       "sha1$abc$def"):
        assert not random_secret(look_alike), look_alike


def test_an_encrypted_totp_key_of_a_user(engine):
    users = _table("users", {"id": "integer", "login": "text", "twofa_totp_key": "text",
                             "twofa_scheme": "text"}, pk="id")
    keys = []
    while len(keys) < 20:
        a, b = _hex(24), _hex(16)
        if random_secret(f"aes-256-cbc:{a}--{b}"):
            keys.append(f"aes-256-cbc:{a}--{b}")
    v = _judge([users], {"users": {"login": _users(20), "twofa_totp_key": keys,
                                   "twofa_scheme": ["totp"] * 20}}, engine)
    assert v["users"]["twofa_totp_key"].entity == N.CREDENTIAL
    assert v["users"]["twofa_scheme"].entity is None


# -- card details, handles -------------------------------------------------------------


def test_card_owner_and_last_digits_by_name():
    assert N.match("cc_owner").entity == N.PERSON
    assert N.match("cc_last_4").entity == N.CARD_DIGITS
    assert N.match("CardLast4").entity == N.CARD_DIGITS
    assert DEFAULT_ENTITY_RULES[N.CARD_DIGITS]["alphabet"] == "digits"
    # look-alikes: a product card's name, a person's last name, the card's type
    assert N.match("card_name") is None
    assert N.match("last_name").entity == N.LAST_NAME
    assert N.match("cc_type") is None


def test_an_im_handle_in_a_table_of_people_only(engine):
    users = _table("mdl_user", {"id": "integer", "yahoo": "text"}, pk="id")
    config = _table("site_config", {"id": "integer", "yahoo": "text"}, pk="id")
    handles = [f"{u}" for u in _users(30)]
    v = _judge([users, config], {"mdl_user": {"yahoo": handles},
                                 "site_config": {"yahoo": handles[:3]}}, engine)
    assert v["mdl_user"]["yahoo"].entity == N.USERNAME
    assert v["site_config"]["yahoo"].entity is None


# -- calendar text naming someone --------------------------------------------------------


EVENTS = ["Midterm exam", "Field trip", "Quiz 2 opens", "Assignment 1 is due",
          "Study session", "Course starts", "Library closed", "Project review"]


def test_a_persons_calendar_text_naming_someone(engine):
    names = ["Call with Anna Berg", "Lunch with Bruno Keller", "Meet Dora Novak"]
    values = [f"{e} {i}" for i, e in enumerate(EVENTS * 5)] + names
    events = _with_ref("mdl_event", {"name": "text"})
    modules = _with_ref("course_modules", {"name": "text"})
    plain = _with_ref("calendar_events", {"name": "text"})
    v = _judge([events, modules, plain], {
        "mdl_event": {"name": values}, "course_modules": {"name": values},
        "calendar_events": {"name": [f"{e} {i}" for i, e in enumerate(EVENTS * 5)]},
    }, engine)
    assert v["mdl_event"]["name"].entity == FREE_TEXT
    assert v["course_modules"]["name"].entity is None  # not a calendar
    assert v["calendar_events"]["name"].entity is None  # nobody named


# -- false alarms ----------------------------------------------------------------------


def test_tables_of_another_persons_rows_have_no_persons_key():
    users = _table("users", {"id": "integer", "login": "text"}, pk="id")
    members = _table("members", {"id": "integer", "user_id": "integer",
                                 "project_id": "integer"}, pk="id")
    members.foreign_keys.append(ForeignKey(None, "members", ["user_id"], "users", ["id"]))
    mdl_user = _table("mdl_user", {"id": "integer"}, pk="id")
    contacts = _table("mdl_message_contacts", {"id": "integer", "userid": "integer",
                                               "contactid": "integer"}, pk="id")
    employees = _table("employees", {"id": "integer", "manager_id": "integer"}, pk="id")
    # one to one: the profile's key is the user's
    profiles = _table("user_profiles", {"user_id": "integer", "bio": "text"}, pk="user_id")
    profiles.foreign_keys.append(ForeignKey(None, "user_profiles", ["user_id"], "users",
                                            ["id"]))
    # a subscriber with an e-mail of their own is a person (a guest, without an account)
    subscribers = _table("newsletter_subscriber", {"subscriber_id": "integer",
                                                   "customer_id": "integer",
                                                   "subscriber_email": "text"},
                         pk="subscriber_id")
    customers = _table("customer_entity", {"entity_id": "integer"}, pk="entity_id")
    tables = (users, members, mdl_user, contacts, employees, profiles, subscribers,
              customers)
    inv = Inventory("sqlite", {t.name: t for t in tables})
    subjects = {t.name: subject_of(t, {c: Verdict() for c in t.columns}, inv)
                for t in tables}
    subjects["newsletter_subscriber"].identity = ("subscriber_email",)
    keys = person_key_tables(inv, subjects)
    assert {"users", "mdl_user", "employees"} <= set(keys)  # a manager is an employee
    assert {"user_profiles", "newsletter_subscriber", "customer_entity"} <= set(keys)
    assert "members" not in keys and "mdl_message_contacts" not in keys
    subjects["newsletter_subscriber"].identity = ()  # only a customer's subscription
    assert "newsletter_subscriber" not in person_key_tables(inv, subjects)


def test_a_machines_ip_address(engine):
    hosts = _table("mnet_host", {"id": "integer", "ip_address": "text"}, pk="id")
    logins = _with_ref("login_log", {"ip_address": "text"})
    ips = [f"81.{RNG.randint(1, 254)}.{RNG.randint(1, 254)}.{i}" for i in range(1, 30)]
    v = _judge([hosts, logins], {"mnet_host": {"ip_address": ips[:6]},
                                 "login_log": {"ip_address": ips}}, engine)
    assert v["mnet_host"]["ip_address"].entity is None
    assert v["login_log"]["ip_address"].entity == N.IP


def test_flags_under_a_personal_name(engine):
    # (the sampled values of a column are its distinct ones)
    assert text_verdict("web_url", ["1", "0"], engine).entity is None
    assert text_verdict("email", ["0", "1"], engine).entity is None
    assert text_verdict("email", [f"{u}@example.org" for u in _users(10)],
                        engine).entity == N.EMAIL
    docs = [json.dumps({"configState": {"general_locale": "1", "web_url": str(i % 2)}})
            for i in range(10)]
    assert json_verdict(docs, engine).entity is None
    # a switch about e-mail, not the address; the address itself still is one
    assert N.match("mail_notification") is None
    assert N.match("email_notifications") is None
    assert N.match("notification_email").entity == N.EMAIL
