"""Discovery rules of the seventh corpus pass (issue #10), from the misses and false alarms
of Odoo, SuiteCRM, Gitea and OpenMRS when they were held out: a table flagging its rows as
people or companies, company accounts whose only evidence is contacts, the part an
``<group>_address_<part>`` column names, numbers of documents issued to a person, usernames
under a bare ``name``, normalised copies of a personal column, coordinates beside a
person's street address. Each rule with a look-alike that must stay ``keep``."""

from __future__ import annotations

import random

import pytest

from classifiers import names as N
from classifiers.context import address_part, people_or_organisations
from piigate.db import ForeignKey
from tests.unit.test_classifiers_accounts import _table
from tests.unit.test_classifiers_fifth_pass import _judge

RNG = random.Random(7)
FIRST = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda",
         "David", "Elizabeth"]
LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
        "Wilson", "Moore"]



def _with_person_ref(name: str, cols: dict[str, str]):
    t = _table(name, {"id": "integer", "patient_id": "integer", **cols}, pk="id")
    t.foreign_keys.append(ForeignKey(None, name, ["patient_id"], "patient", ["id"]))
    return t


def _people(n: int = 30) -> list[str]:
    return [f"{FIRST[i % 10]} {LAST[(i * 3) % 10]}" for i in range(n)]


def _emails(n: int = 30) -> list[str]:
    return [f"{FIRST[i % 10].lower()}.{LAST[(i * 3) % 10].lower()}{i}@example.org"
            for i in range(n)]


def _phones(n: int = 30) -> list[str]:
    return [f"+1 415 555 {RNG.randint(1000, 9999)}" for _ in range(n)]


def _streets(n: int = 30) -> list[str]:
    return [f"{RNG.randint(1, 999)} {LAST[i % 10]} Street" for i in range(n)]


# -- tables of people and companies ------------------------------------------------------


def test_a_table_of_people_and_companies_is_judged_as_people(engine):
    cols = {"id": "integer", "email": "text", "phone": "text", "street": "text",
            "city": "text"}
    mixed = _table("res_partner", {**cols, "is_company": "integer"}, pk="id")
    assert people_or_organisations(mixed) == "is_company"
    partners = _table("trade_partner", cols, pk="id")  # look-alike: no flag, a thing
    values = {"email": _emails(), "phone": _phones(),
              "street": _streets(), "city": ["Springfield", "Shelbyville", "Ogdenville"] * 10}
    v = _judge([mixed, partners], {"res_partner": values, "trade_partner": values}, engine)
    for c in ("email", "phone", "street", "city"):
        assert v["res_partner"][c].entity is not None, c
    assert v["trade_partner"]["email"].entity is None
    assert v["trade_partner"]["street"].entity is None
    # a flag of another kind is no sign of people
    assert people_or_organisations(_table("items", {"id": "integer", "is_active": "integer"},
                                          pk="id")) is None


def test_company_accounts_with_only_contacts_are_organisations(engine):
    companies = [f"{LAST[i % 10]} {w}" for i, w in
                 enumerate(["Inc", "Ltd", "LLC", "Co", "GmbH", "Corp"] * 5)]
    cols = {"id": "integer", "name": "text", "phone_office": "text",
            "billing_address_street": "text", "billing_address_city": "text"}
    accounts = _table("accounts", cols, pk="id")
    customers = _table("customers", cols, pk="id")  # look-alike: people's names
    v = _judge([accounts, customers], {
        "accounts": {"name": companies, "phone_office": _phones(),
                     "billing_address_street": _streets(),
                     "billing_address_city": ["Springfield", "Ogdenville"] * 15},
        "customers": {"name": _people(), "phone_office": _phones(),
                      "billing_address_street": _streets(),
                      "billing_address_city": ["Springfield", "Ogdenville"] * 15},
    }, engine)
    for c in ("phone_office", "billing_address_street", "billing_address_city"):
        assert v["accounts"][c].entity is None, c
        assert v["customers"][c].entity is not None, c


def test_the_last_word_of_an_address_column_names_its_part():
    assert N.match("billing_address_country").entity == N.COUNTRY
    assert N.match("primary_address_city").entity == N.CITY
    assert N.match("alt_address_postalcode").entity == N.POSTCODE
    assert address_part("billing_address_city") == (N.CITY, ("billing",))
    # look-alikes: the street itself, and an address without a part
    assert N.match("billing_address_street").entity == N.STREET
    assert address_part("billing_address_street") == (N.STREET, ("billing",))
    assert N.match("address_line_2").entity == N.STREET


# -- documents issued to a person --------------------------------------------------------


@pytest.mark.parametrize("name", ["visa_no", "permit_no", "private_car_plate",
                                  "identification_id", "acc_number", "sanitized_acc_number",
                                  "license_plate", "bank_account_number"])
def test_numbers_of_documents_issued_to_a_person(name):
    assert N.match(name).entity == N.PERSON_ID


@pytest.mark.parametrize("name", ["plate", "invoice_no", "permit_type", "visa_expire",
                                  "number_of_plates"])
def test_look_alikes_of_document_numbers(name):
    nm = N.match(name)
    assert nm is None or nm.entity != N.PERSON_ID


def test_birthtime_names_a_birth():
    assert N.match("birthtime").entity == N.DOB
    assert N.match("birth_time").entity == N.DOB


# -- usernames under a bare name, and their normalised copies ----------------------------


def _logins(n: int = 40) -> list[str]:
    return [f"{FIRST[i % 10].lower()}{LAST[(i * 7) % 10]}{i}" for i in range(n)]


def test_a_bare_name_of_logins_in_a_user_table_is_a_username(engine):
    logins = _logins()
    users = _table("user", {"id": "integer", "name": "text", "lower_name": "text",
                            "theme": "text"}, pk="id")
    tags = _table("topic", {"id": "integer", "name": "text"}, pk="id")  # a thing's name
    rows = [{"id": i, "name": x, "lower_name": x.lower(), "theme": "gitea-auto"}
            for i, x in enumerate(logins)]
    v = _judge([users, tags], {
        "user": {"name": logins, "lower_name": [x.lower() for x in logins],
                 "theme": ["gitea-auto"] * 40},
        "topic": {"name": logins},
    }, engine, rows={"user": rows})
    assert v["user"]["name"].entity == N.USERNAME
    assert v["user"]["lower_name"].entity == N.USERNAME  # the same logins, lower case
    assert v["user"]["theme"].entity is None  # one value repeated: no copy
    assert v["topic"]["name"].entity is None


def test_a_column_unlike_the_personal_one_is_no_copy(engine):
    users = _table("members", {"id": "integer", "email": "text", "domain": "text"}, pk="id")
    emails = _emails()
    rows = [{"id": i, "email": e, "domain": "example.org"} for i, e in enumerate(emails)]
    v = _judge([users], {"members": {"email": emails, "domain": ["example.org"] * 30}},
               engine, rows={"members": rows})
    assert v["members"]["email"].entity == N.EMAIL
    assert v["members"]["domain"].entity is None


# -- coordinates ------------------------------------------------------------------------


def test_coordinates_beside_a_persons_street_address(engine):
    cols = {"id": "integer", "person_id": "integer", "address1": "text", "latitude": "text"}
    home = _table("person_address", cols, pk="id")
    store = _table("store_location", {k: v for k, v in cols.items() if k != "person_id"},
                   pk="id")  # look-alike: a thing's address and coordinates
    lat = [f"{RNG.uniform(-60, 60):.6f}" for _ in range(30)]
    v = _judge([home, store], {"person_address": {"address1": _streets(), "latitude": lat},
                               "store_location": {"address1": _streets(), "latitude": lat}},
               engine)
    assert v["person_address"]["latitude"].entity is not None
    assert v["store_location"]["latitude"].entity is None


# -- names that are attributes, places of birth, times of birth, bios ---------------------


@pytest.mark.parametrize("name", ["passwd_hash_algo", "password_algorithm", "secret_question",
                                  "place_of_birth", "birth_city", "country_of_birth"])
def test_attributes_and_places_are_no_secret_nor_birth_date(name):
    nm = N.match(name)  # (a country is kept as coarse, see the address rules)
    assert nm is None or nm.entity not in (N.CREDENTIAL, N.DOB)


@pytest.mark.parametrize("name,entity", [("passwd", N.CREDENTIAL),
                                         ("secret_answer", N.CREDENTIAL),
                                         ("date_of_birth", N.DOB), ("birth_date", N.DOB)])
def test_look_alikes_stay_secret_and_birth_date(name, entity):
    assert N.match(name).entity == entity


def test_a_time_of_birth_is_part_of_the_birth_date():
    import datetime as dt

    from classifiers.sampling import ColumnSample, TableSample
    from classifiers.scan import column_verdict
    from piigate.db import ColumnInfo, TableInfo

    times = [dt.time(RNG.randint(0, 23), RNG.randint(0, 59)) for _ in range(20)]
    for cname, expected in (("birthtime", N.DOB), ("opening_time", None)):
        col = ColumnInfo("person", cname, "TIME", "time", True)
        t = TableInfo("person", {cname: col}, [], [], [])
        v = column_verdict(col, ColumnSample(cname, "time", values=times),
                           TableSample("person"), t, None)  # type: ignore[arg-type]
        assert v.entity == expected, cname


BIOS = ["Gopher from Lyon", "I like hiking and tea", "Backend dev at a small shop",
        "Maintainer of a few linters", "Cat person, coffee person", "Open source fan",
        "Teaching kids to code", "Climber and reader"]


def test_a_short_bio_of_a_person_row(engine):
    users = _table("user", {"id": "integer", "description": "text"}, pk="id")
    repos = _table("repository", {"id": "integer", "description": "text"}, pk="id")
    v = _judge([users, repos], {"user": {"description": BIOS},
                                "repository": {"description": BIOS}}, engine)
    assert v["user"]["description"].entity is not None
    assert v["repository"]["description"].entity is None  # a thing's description
    # look-alike: a person row's "description" holding codes
    codes = _table("members", {"id": "integer", "description": "text"}, pk="id")
    v = _judge([codes], {"members": {"description": [f"grp-{i}" for i in range(10)]}},
               engine)
    assert v["members"]["description"].entity is None


# -- identifiers of a person, avatars -----------------------------------------------------


def _mrns(n: int = 30) -> list[str]:
    return [f"{RNG.randint(10000, 99999)}-{RNG.randint(0, 9)}" if i % 3 else
            f"MRN{RNG.randint(100000, 999999)}" for i in range(n)]


def test_identifiers_of_a_person_and_a_projects_slug(engine):
    ids = _with_person_ref("patient_identifier", {"identifier": "text"})
    projects = _with_person_ref("projects", {"identifier": "text"})  # slugs
    devices = _table("device", {"id": "integer", "identifier": "text"}, pk="id")  # no person
    v = _judge([ids, projects, devices], {
        "patient_identifier": {"identifier": _mrns()},
        "projects": {"identifier": [f"{w}-tracker" for w in
                                    ["alpha", "beta", "gamma", "delta", "omega", "zeta"]]},
        "device": {"identifier": _mrns()},
    }, engine)
    assert v["patient_identifier"]["identifier"].entity == N.PERSON_ID
    assert v["projects"]["identifier"].entity is None
    assert v["device"]["identifier"].entity is None


def test_an_accession_number_is_a_persons():
    assert N.match("accession_number").entity == N.PERSON_ID
    assert N.match("accession_date") is None  # look-alike: an attribute


def test_an_avatars_hash_is_no_secret(engine):
    users = _table("users", {"id": "integer", "avatar": "text", "rands": "text",
                             "remember_hash": "text"}, pk="id")
    digests = [f"{RNG.getrandbits(128):032x}" for _ in range(30)]
    v = _judge([users], {"users": {"avatar": digests, "remember_hash": digests}}, engine)
    assert v["users"]["avatar"].entity is None  # an image's file name
    assert v["users"]["remember_hash"].entity == N.CREDENTIAL


def test_an_owners_name_of_logins_or_of_people_anywhere(engine):
    repos = _table("repository", {"id": "integer", "owner_name": "text",
                                  "lower_name": "text"}, pk="id")
    banks = _table("res_partner_bank", {"id": "integer", "acc_holder_name": "text",
                                        "bank_name": "text"}, pk="id")
    people = [x for x in _people(20)] + [f"{LAST[i % 10]} Ltd" for i in range(4)] + \
        [f"Ops {i}" for i in range(16)]
    v = _judge([repos, banks], {
        "repository": {"owner_name": _logins() * 2, "lower_name": _logins()},
        "res_partner_bank": {"acc_holder_name": people,
                             "bank_name": [f"{LAST[i % 10]} Bank" for i in range(30)]},
    }, engine)
    assert v["repository"]["owner_name"].entity == N.USERNAME  # repeated: one per repo
    assert v["repository"]["lower_name"].entity is None  # a repository's own name
    assert v["res_partner_bank"]["acc_holder_name"].entity is not None
    assert v["res_partner_bank"]["bank_name"].entity is None


SUBJECTS = ["Quarterly review", "Send the quote", "Follow-up on pricing", "Demo of module",
            "Renewal questions", "Kick-off", "Training session", "Budget planning"]


def test_subject_lines_naming_someone_under_a_bare_name(engine):
    calls = _table("calls", {"id": "integer", "name": "text"}, pk="id")
    products = _table("product", {"id": "integer", "name": "text"}, pk="id")  # a thing
    lines = [f"{SUBJECTS[i % 8]} {i}" if i % 3 else
             f"Call back {FIRST[i % 10]} {LAST[(i * 7) % 10]}" for i in range(40)]
    plain = [f"{SUBJECTS[i % 8]} {i}" for i in range(40)]  # look-alike: no one named
    v = _judge([calls, products], {"calls": {"name": lines}, "product": {"name": lines}},
               engine)
    assert v["calls"]["name"].entity == "FREE_TEXT"
    assert v["product"]["name"].entity is None
    v = _judge([calls], {"calls": {"name": plain}}, engine)
    assert v["calls"]["name"].entity is None


def test_a_uid_makes_the_rows_a_users(engine):
    factors = _table("two_factor", {"id": "integer", "uid": "integer",
                                    "scratch_hash": "text"}, pk="id")
    drupal = _table("site_users", {"uid": "integer", "scratch_hash": "text"}, pk="uid")
    digests = [f"{RNG.getrandbits(256):064x}" for _ in range(30)]
    v = _judge([factors, drupal], {"two_factor": {"scratch_hash": digests},
                                   "site_users": {"scratch_hash": digests}}, engine)
    assert v["two_factor"]["scratch_hash"].entity == N.CREDENTIAL
    # look-alike: uid as the table's own key is no reference to a user (the table's
    # name decides there; "site_users" is named for people, so it is judged by name)
    plain = _table("jobs", {"uid": "integer", "scratch_hash": "text"}, pk="uid")
    v = _judge([plain], {"jobs": {"scratch_hash": digests}}, engine)
    assert v["jobs"]["scratch_hash"].entity is None


def test_logins_under_a_persons_role(engine):
    meetings = _table("meetings", {"id": "integer", "creator": "text", "host": "text",
                                   "status": "text"}, pk="id")
    uuids = [f"{RNG.getrandbits(128):032x}" for _ in range(20)]
    logins = [f"{FIRST[i % 10].lower()}.{LAST[(i * 3) % 10].lower()}" for i in range(20)]
    v = _judge([meetings], {"meetings": {
        "creator": logins,
        "host": uuids,  # look-alike: ids of hosts, not logins
        "status": [f"state{i}" for i in range(20)],  # login-shaped, but no role
    }}, engine)
    assert v["meetings"]["creator"].entity == N.USERNAME
    assert v["meetings"]["host"].entity is None
    assert v["meetings"]["status"].entity is None
