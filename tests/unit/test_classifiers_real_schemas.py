"""Discovery rules from real application schemas (issue #10, bench/corpus): column words,
value shapes and table context that hold beyond the schemas they were measured on."""

from __future__ import annotations

import pytest

from classifiers import names as N
from classifiers.context import apply_context, person_key_tables, subject_of
from classifiers.verdict import (
    PROFILE_URL,
    Verdict,
    binary_verdict,
    credential_shape,
    profile_url,
    text_verdict,
)
from piigate.db import ColumnInfo, Inventory, TableInfo


def _table(name: str, cols: dict[str, str], pk: str | None = None) -> TableInfo:
    kinds = {"text": "VARCHAR(200)", "binary": "BLOB", "integer": "INTEGER", "float": "REAL"}
    return TableInfo(name, {c: ColumnInfo(name, c, kinds[k], k, True, primary_key=c == pk)
                            for c, k in cols.items()}, [pk] if pk else [], [], [])


@pytest.mark.parametrize(("column", "entity"), [
    ("FIRST", N.FIRST_NAME), ("LAST", N.LAST_NAME), ("MAIDEN", N.LAST_NAME),
    ("user_nicename", N.USERNAME), ("DEATHDATE", N.DOB), ("user_pass", N.CREDENTIAL),
    ("sesskey", N.CREDENTIAL), ("user_activation_key", N.CREDENTIAL),
    ("recovery_code", N.CREDENTIAL), ("drivers_license", N.PERSON_ID), ("npi", N.PERSON_ID),
    ("AccountNumber", N.PERSON_ID), ("cc_expires", N.CARD_EXPIRY),
])
def test_column_words_of_real_schemas(column, entity):
    nm = N.match(column)
    assert nm is not None and nm.entity == entity


@pytest.mark.parametrize("column", [
    "email_verified_at", "user_password_expires", "AddressType", "first_name_count",
    "pass_rate", "first_aid",
])
def test_an_attribute_of_a_thing_is_not_the_thing(column):
    assert N.match(column) is None


def test_shapes_phpass_pem_and_profile_urls():
    assert credential_shape("$P$B8VmOfqe4qY5dIlGPkMeXhHOqHWoMm2")
    assert credential_shape("1700000000:$P$B8VmOfqe4qY5dIlGPkMeXhHOqHWoMm2")
    assert credential_shape("-----BEGIN RSA PRIVATE KEY-----\nMIIE...\n")
    assert not credential_shape("-----BEGIN PUBLIC KEY-----\nMIIB...\n")
    for url in ("https://social.example/users/ksantiago", "https://x.example/@anna_k",
                "https://github.com/nigel.jenkins", "https://host.example/~bob"):
        assert profile_url(url), url
    for url in ("https://shop.example/products/42", "https://cdn.example/a/b/c.png",
                "https://example.org/"):
        assert not profile_url(url), url


def test_profile_urls_and_login_names_by_value(engine):
    urls = [f"https://social.example/users/user{i}" for i in range(30)]
    assert text_verdict("uri", urls, engine).entity == PROFILE_URL
    logins = [f"{w}.{i}" for i, w in enumerate(["anna", "bob", "chen", "dora"] * 5)]
    assert text_verdict("assigned_to", logins, engine).entity == N.USERNAME
    assert text_verdict("user", logins, engine).entity == N.USERNAME
    # a workflow's words under a "by" column are no login names
    words = ["pending", "active", "closed", "draft"] * 5
    assert text_verdict("updated_by", words, engine).entity is None


def test_hex_and_packed_ips(engine):
    hexes = [f"{(0xC0A80000 + i * 7919):08X}" for i in range(30)]
    assert text_verdict("ipc_hex", hexes, engine).entity == N.IP
    assert text_verdict("color", hexes, engine).entity is None
    packed = [bytes([10, 0, i // 256, i % 256]) for i in range(30)]
    assert binary_verdict("location_ip", packed, engine).entity == N.IP


def test_random_numbers_passing_a_check_digit_are_no_identifiers(engine):
    # unix timestamps: about one in ten passes some national id's check
    stamps = [str(1_600_000_000 + i * 86_413) for i in range(300)]
    assert text_verdict("pn_lastused", stamps, engine).entity is None


def test_keys_of_people_only_for_tables_named_for_people(engine):
    people = _table("patient_data", {"id": "integer", "fname": "text"}, pk="id")
    notes = _table("account_notes", {"id": "integer", "comment": "text"}, pk="id")
    orders = _table("orders", {"id": "integer", "email": "text"}, pk="id")
    inv = Inventory("sqlite", {t.name: t for t in (people, notes, orders)})
    mails = [f"p{i}@example.org" for i in range(20)]
    subjects = {
        "patient_data": subject_of(people, {"id": Verdict(), "fname": Verdict()}, inv),
        "account_notes": subject_of(notes, {"id": Verdict(), "comment": Verdict()}, inv),
        "orders": subject_of(orders, {"id": Verdict(),
                                      "email": text_verdict("email", mails, engine)}, inv),
    }
    assert subjects["orders"].about_people and not subjects["account_notes"].about_people
    assert set(person_key_tables(inv, subjects)) == {"patient_data"}


def test_contacts_of_an_organisation_are_kept(engine):
    t = _table("pharmacies", {"id": "integer", "name": "text", "email": "text",
                              "phone": "text"}, pk="id")
    verdicts = {"id": Verdict(),
                "name": text_verdict("name", ["Main St Pharmacy", "Rx Corner"] * 5, engine),
                "email": text_verdict("email", [f"rx{i}@ph.example" for i in range(9)], engine),
                "phone": text_verdict("phone", [f"+1 555 010 {i:04d}" for i in range(9)],
                                      engine)}
    assert apply_context(t, verdicts, Inventory("sqlite", {"pharmacies": t})).kind == "thing"
    assert verdicts["email"].entity is None and "organisation" in (verdicts["email"].note or "")
    assert verdicts["phone"].entity is None


def test_secrets_of_a_session_table_and_ids_of_people(engine):
    sess = _table("sessions", {"sesskey_x": "text", "expiry": "integer", "value": "text"})
    ids = [f"{i:032x}" for i in range(1, 40)]
    carts = [f"cart|a:1:{{i:{i};}}" for i in range(9)]
    verdicts = {"sesskey_x": text_verdict("sesskey_x", ids, engine), "expiry": Verdict(),
                "value": text_verdict("value", carts, engine)}
    apply_context(sess, verdicts, Inventory("sqlite", {"sessions": sess}))
    assert verdicts["sesskey_x"].entity == N.CREDENTIAL
    assert verdicts["value"].entity == N.CREDENTIAL  # the session's stored state
    people = _table("contacts", {"id": "integer", "identifier": "text", "LAT": "float"},
                    pk="id")
    verdicts = {"id": Verdict(),
                "identifier": text_verdict("identifier", [f"ext-{i}" for i in range(20)],
                                           engine),
                "LAT": Verdict(sampled=20)}
    apply_context(people, verdicts, Inventory("sqlite", {"contacts": people}))
    assert verdicts["identifier"].entity == N.PERSON_ID
    assert verdicts["LAT"].entity == "LOCATION"


def test_bytes_holding_text_are_judged_as_text_and_opaque_person_ids_masked(engine):
    t = _table("user", {"user_id": "integer", "user_touched": "binary",
                        "idvisitor": "binary"}, pk="user_id")
    stamps = [f"2024010112{i:04d}".encode() for i in range(20)]
    verdicts = {"user_id": Verdict(), "user_touched": binary_verdict("user_touched", stamps,
                                                                     engine),
                "idvisitor": binary_verdict("idvisitor", [bytes([i, 0, 255, 7, 1, 2, 3, 4])
                                                          for i in range(20)], engine)}
    apply_context(t, verdicts, Inventory("sqlite", {"user": t}))
    assert verdicts["user_touched"].entity is None
    assert verdicts["idvisitor"].entity is not None


def test_formatted_phones_inside_text_are_found(engine):
    notes = [f"Regards,\nAgent {i}\nSupport team | +1 (648) 581-{i:04d}" for i in range(20)]
    v = text_verdict("message_signature", notes, engine)
    assert v.entity is not None
    dated = [f"Delivered on 2024-03-{i % 28 + 1:02d} to the warehouse, order {i}"
             for i in range(20)]
    assert text_verdict("remarks", dated, engine).entity is None


# -- third pass on the corpus (issue #10): rules that each come with their look-alike --


def test_numbered_names_read_as_names():
    from classifiers.namewords import name_shape

    assert name_shape("Ana972 Gómez206") == ["Ana", "Gómez"]
    assert name_shape("O'Brien12") == ["O'Brien"]
    assert name_shape("Room 101") is None  # a number beside a word is no numbered name
    assert name_shape("Model3 Alpha") is None  # only when every word carries its number


def test_a_weak_name_column_of_numbered_names_makes_the_table_about_people(engine):
    t = _table("providers", {"Id": "text", "NAME": "text", "LAT": "float"}, pk="Id")
    first = ["Anna", "Peter", "Maria", "John", "Laura", "David", "Sofia", "Thomas"]
    last = ["Berg", "Smith", "Garcia", "Miller", "Rossi", "Jones", "Keller", "Novak"]
    names = [f"{first[i % 8]}{100 + i} {last[(i * 3) % 8]}{200 + i}" for i in range(40)]
    verdicts = {"Id": Verdict(), "NAME": text_verdict("NAME", names, engine),
                "LAT": Verdict(sampled=40)}
    subject = apply_context(t, verdicts, Inventory("sqlite", {"providers": t}))
    assert subject.about_people and verdicts["NAME"].entity == N.PERSON
    assert verdicts["LAT"].entity == "LOCATION"  # a person's coordinates
    products = [f"Widget{100 + i} Pro{i}" for i in range(40)]
    assert text_verdict("NAME", products, engine).hits.get("PERSON_LIKE", 0) == 0


def test_names_inside_short_notes_mask_the_column(engine):
    first = ["Anna", "Peter", "Maria", "John", "Laura", "David", "Sofia", "Thomas", "Emma",
             "Lucas"]
    notes = [f"Guardian: {first[i % 10]} Berg{'' if i < 10 else 'er' * (i // 10)}"
             for i in range(30)] + [f"prefers slot {i}" for i in range(30)]
    v = text_verdict("usertext1", notes, engine)
    assert v.entity == N.PERSON and v.partial
    # product names with a capitalised word that is also a surname stay below the share
    products = [f"Glass Vase {i}" for i in range(10)] + [f"Oak Table model {i}"
                                                          for i in range(50)]
    assert text_verdict("label", products, engine).entity is None


def test_a_name_column_of_page_titles_is_masked_for_its_emails(engine):
    titles = [f"example.org/blog/post-{i}" for i in range(40)] + \
        [f"example.org/unsubscribe?email=user{i}@mail.example" for i in range(10)]
    v = text_verdict("name", titles, engine)
    assert v.entity == N.EMAIL and v.partial
    assert text_verdict("name", titles[:40], engine).entity == N.PERSON  # left to context


def test_suburbs_are_regions_of_an_address():
    nm = N.match("entry_suburb")
    assert nm is not None and nm.entity == N.REGION


def test_issued_numbers_in_a_table_named_for_people(engine):
    t = _table("patients", {"Id": "text", "DRIVERS": "text", "PLAN": "text"}, pk="Id")
    licences = [f"S999{i:05d}" for i in range(50)]
    plans = [f"P{10000 + i}" for i in range(30)]  # 30 codes shared by 100 rows
    verdicts = {"Id": Verdict(), "DRIVERS": text_verdict("DRIVERS", licences, engine),
                "PLAN": text_verdict("PLAN", plans, engine)}
    verdicts["DRIVERS"].rows = 50
    verdicts["PLAN"].rows = 100
    apply_context(t, verdicts, Inventory("sqlite", {"patients": t}))
    assert verdicts["DRIVERS"].entity == N.PERSON_ID
    assert verdicts["PLAN"].entity is None
    # the same codes in a table about orders are order numbers
    o = _table("orders", {"id": "integer", "ref": "text"}, pk="id")
    ov = {"id": Verdict(), "ref": text_verdict("ref", licences, engine)}
    ov["ref"].rows = 50
    apply_context(o, ov, Inventory("sqlite", {"orders": o}))
    assert ov["ref"].entity is None


def test_a_persons_id_at_an_identity_provider(engine):
    from piigate.db import ForeignKey

    users = _table("auth_user", {"id": "integer", "username": "text"}, pk="id")
    link = _table("socialaccount_socialaccount", {"id": "integer", "provider": "text",
                                                  "uid": "text", "user_id": "integer"},
                  pk="id")
    link.foreign_keys.append(ForeignKey(None, link.name, ["user_id"], "auth_user", ["id"]))
    inv = Inventory("sqlite", {t.name: t for t in (users, link)})
    uids = [str(10**20 + i * 7919) for i in range(30)]
    verdicts = {"id": Verdict(), "provider": text_verdict("provider", ["google"] * 3, engine),
                "uid": text_verdict("uid", uids, engine), "user_id": Verdict()}
    apply_context(link, verdicts, inv)
    assert verdicts["uid"].entity == N.PERSON_ID
    # without the reference to people, a provider's uid is a thing's (a webhook's id)
    hooks = _table("webhooks", {"id": "integer", "provider": "text", "uid": "text"}, pk="id")
    hv = {"id": Verdict(), "provider": text_verdict("provider", ["github"] * 3, engine),
          "uid": text_verdict("uid", uids, engine)}
    apply_context(hooks, hv, Inventory("sqlite", {"webhooks": hooks}))
    assert hv["uid"].entity is None


def test_opaque_unique_bytes_beside_personal_data_are_masked(engine):
    t = _table("log_visit", {"idvisit": "integer", "config_id": "binary", "ip": "text"},
               pk="idvisit")
    blobs = [bytes([i, 7, 255, 3, i ^ 90, 1, 2, 200]) for i in range(40)]
    ips = [f"81.2.{i}.{i + 1}" for i in range(40)]

    def judge(with_ip: bool) -> Verdict:
        v = binary_verdict("config_id", blobs, engine)
        v.rows = 40
        vs = {"idvisit": Verdict(), "config_id": v,
              "ip": text_verdict("ip", ips, engine) if with_ip else Verdict(sampled=1)}
        apply_context(t, vs, Inventory("sqlite", {"log_visit": t}))
        return v

    assert judge(True).entity == "BINARY"
    assert judge(False).entity is None  # nothing personal beside it: kept with a reason


def test_methods_fit_text_in_many_scripts_and_json_paths(engine):
    from classifiers.propose import Defaults, entity_rule
    from classifiers.verdict import json_verdict

    col = ColumnInfo("t", "contact", "VARCHAR(100)", "text", True)
    v = Verdict(entity=N.PERSON, partial=True, sampled=40, letters=True, others=" éЖ")
    # fpe would refuse the next value's unseen letter (ğ, 川): a hash takes any text
    assert entity_rule(v, col, Defaults.from_dict(None))["method"] == "hash"
    ascii_only = Verdict(entity=N.PERSON, partial=True, sampled=40, letters=True, others=" ")
    assert entity_rule(ascii_only, col, Defaults.from_dict(None))["method"] == "fpe"
    uniq = ColumnInfo("t", "contact", "VARCHAR(100)", "text", True, unique=True)
    assert entity_rule(v, uniq, Defaults.from_dict(None))["method"] == "fpe"  # one-to-one
    docs = [f'{{"alternate_phone": "+1 (555) 010-{i:04d} ext {i}"}}' for i in range(30)]
    jv = json_verdict(docs, engine)
    jcol = ColumnInfo("t", "attrs", "JSON", "json", True)
    rule = entity_rule(jv, jcol, Defaults.from_dict(None))
    inner = rule["paths"][0]["rule"]
    assert inner["method"] == "fpe" and inner["alphabet"] == "alnum"  # "ext" has letters
