"""Discovery's context rules and new recognizers (issue #10), without a database."""

from __future__ import annotations

import pytest

from classifiers import names as N
from classifiers.context import address_part, apply_context, head_noun
from classifiers.propose import Defaults, decide_column, fit
from classifiers.verdict import (
    FREE_TEXT,
    Verdict,
    binary_verdict,
    credential_shape,
    magic,
    text_verdict,
)
from piigate.db import ColumnInfo, ForeignKey, Inventory, TableInfo
from tests.fixtures.discovery_cases import jpeg, pdf, png


def test_magic_bytes():
    assert magic(png(1)) == "PNG" and magic(jpeg(1)) == "JPEG" and magic(pdf(1)) == "PDF"
    assert magic(b"GIF89a....") == "GIF"
    assert magic(b"BMW 320d, blue") is None  # "BM" alone is not a bitmap
    assert magic(b"plain bytes") is None


def test_binary_verdict_reads_first_bytes(engine):
    v = binary_verdict("photo", [png(i) for i in range(5)], engine)
    assert v.content == "PNG" and v.entity == N.PHOTO
    assert any(s == "content:PNG=5/5" for s in v.signals)
    v = binary_verdict("blob", [b"x" * 3, b"\x00\x01\x02"], engine)
    assert v.entity is None
    mails = [f"user{i}@example.org".encode() for i in range(20)]
    assert binary_verdict("data", mails, engine).entity == N.EMAIL  # text stored as bytes


@pytest.mark.parametrize("value", [
    "$2b$12$" + "a" * 53, "$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA",
    "pbkdf2_sha256$260000$salt$hash=", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abc",
    "sk_live_" + "a1" * 12, "AKIAIOSFODNN7EXAMPLE",
])
def test_credential_shapes(value):
    assert credential_shape(value)


def test_credentials_by_name_whatever_their_shape_and_by_known_formats(engine):
    sha1 = [f"{i:040x}" for i in range(50)]
    assert text_verdict("password", sha1, engine).entity == N.CREDENTIAL
    assert text_verdict("checksum", sha1, engine).entity is None  # a bare digest
    tokens = ["eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOi" + f"{i:04d}.sig{i}" for i in range(30)]
    assert text_verdict("c3", tokens, engine).entity == N.CREDENTIAL
    col = ColumnInfo("t", "password", "VARCHAR(40)", "text", False)
    v = text_verdict("password", sha1, engine)
    assert decide_column(col, v, 50, Defaults.from_dict(None)).rule == {"method": "hash"}


def test_title_case_descriptions_are_not_notes_about_people(engine):
    vals = [f"A Fateful Drama of a {r} And a Hunter who must Chase a Butler in Nigeria {i}"
            for i, r in enumerate(["Moose", "Dentist", "Cat", "Teacher", "Astronaut"] * 8)]
    v = text_verdict("description", vals, engine)
    assert v.entity is None and "no name, contact or identifier" in v.note
    notes = [f"Spoke with {n} about the renewal of the contract {i}." for i, n in
             enumerate(["Anna Schmidt", "John Miller", "Marie Dubois", "Schmidt, Anna"] * 5)]
    assert text_verdict("remarks", notes, engine).entity == FREE_TEXT


def test_a_minority_of_emails_masks_the_column_and_a_keep_says_what_was_found(engine):
    vals = [f"REF-{10000 + i}" for i in range(200)]
    four = vals[:196] + [f"user{i}@example.org" for i in range(4)]
    v = text_verdict("reference", four, engine)
    assert v.entity == N.EMAIL and v.partial and "4 of 200" in v.note
    col = ColumnInfo("t", "reference", "VARCHAR(60)", "text", True)
    rule = decide_column(col, v, 200, Defaults.from_dict(None)).rule
    assert rule == {"method": "fpe", "alphabet": "alnum", "note": v.note}  # @ . - kept
    one = vals[:199] + ["user@example.org"]
    v = text_verdict("reference", one, engine)
    assert v.entity is None and "EMAIL_ADDRESS in 1 of 200" in v.note


def test_weak_person_names_and_address_parts():
    assert N.is_weak_person(N.match("name")) and N.is_weak_person(N.match("customerName"))
    assert not N.is_weak_person(N.match("first_name"))
    assert not N.is_weak_person(N.match("contact_name"))
    assert address_part("ship_region") == (N.REGION, ("ship",))
    assert address_part("BillingState") == (N.REGION, ("billing",))
    assert address_part("postal_code") == (N.POSTCODE, ())
    assert address_part("ship_country") == (N.COUNTRY, ("ship",))
    assert address_part("status") is None


@pytest.mark.parametrize("table,head", [
    ("order_customers", "customer"), ("customer_orders", "order"), ("tbl_genres", "genre"),
    ("categories", "category"), ("people", "people"), ("xyz", None),
])
def test_head_noun(table, head):
    assert head_noun(table) == head


def _text(table: str, name: str, **kw) -> ColumnInfo:
    return ColumnInfo(table, name, "VARCHAR(40)", "text", True, **kw)


def test_lookup_table_name_is_not_a_person_name(engine):
    words = ["English", "French", "German", "Italian", "Spanish", "Japanese"]
    lang = TableInfo("lang", {"lang_id": ColumnInfo("lang", "lang_id", "INTEGER", "integer",
                                                    False, primary_key=True),
                              "name": _text("lang", "name")}, ["lang_id"], [], [],
                     row_estimate=6)
    film = TableInfo("film", {"lang_id": ColumnInfo("film", "lang_id", "INTEGER", "integer",
                                                    True)}, [],
                     [ForeignKey(None, "film", ["lang_id"], "lang", ["lang_id"])], [])
    inv = Inventory("sqlite", {"lang": lang, "film": film})
    verdicts = {"lang_id": Verdict(sampled=6), "name": text_verdict("name", words, engine)}
    assert verdicts["name"].entity == N.PERSON and verdicts["name"].weak_name
    subject = apply_context(lang, verdicts, inv)
    assert subject.kind == "thing" and subject.reason.startswith("lookup table")
    assert verdicts["name"].entity is None and "60% needed" in verdicts["name"].note


def test_binary_of_a_table_about_people_is_masked_fail_closed(engine):
    t = TableInfo("members", {
        "id": ColumnInfo("members", "id", "INTEGER", "integer", False, primary_key=True),
        "badge": ColumnInfo("members", "badge", "BLOB", "binary", False),
        "scan": ColumnInfo("members", "scan", "BLOB", "binary", True)}, ["id"], [], [])
    verdicts = {"id": Verdict(), "badge": binary_verdict("badge", [b"\x00\x07"] * 3, engine),
                "scan": binary_verdict("scan", [pdf(1)], engine)}
    assert apply_context(t, verdicts, Inventory("sqlite", {"members": t})).about_people
    d = Defaults.from_dict(None)
    assert decide_column(t.columns["scan"], verdicts["scan"], 1, d).rule["method"] == "null"
    # NOT NULL: no method fits, so null is proposed and check refuses it until reviewed
    badge = decide_column(t.columns["badge"], verdicts["badge"], 3, d).rule
    assert badge["method"] == "null" and "check refuses" in badge["note"]


def test_fit_needs_one_to_one_methods_on_unique_columns_and_keeps_odd_characters():
    col = _text("t", "email", unique=True, length=25)
    assert fit({"method": "fake", "kind": "email"}, col)["method"] == "fpe"
    v = Verdict(others="@.é")
    rule = fit({"method": "fpe", "alphabet": "alnum"}, _text("t", "c", unique=True), v)
    assert rule["method"] == "fpe" and "é" in rule["keep_chars"]
    # not unique: text in other scripts goes to a hash, which takes letters no sample showed
    assert fit({"method": "fpe", "alphabet": "alnum"}, _text("t", "c"), v)["method"] == "hash"
