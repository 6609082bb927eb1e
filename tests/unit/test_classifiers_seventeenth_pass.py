"""Discovery rules of the seventeenth corpus pass (issue #10), from the misses and false
alarms of OrangeHRM, Kimai, Vikunja, Taiga, ChurchCRM, listmonk, wger and Documenso (held
out in the sixteenth pass): a date split in parts with 0 for an unknown part, a cheque's
MICR line and a card's magnetic stripe, a top-level JSON list named by its column, a
password beside its own login, an identity provider's subject, abbreviated SIN, licence
and province names, Gravatar URLs under an avatar's name, documents stored as base64
text, @mentions in short texts, people's names under a person's role, a full name after
``with`` in a longer line, and a document's password and a
compound content word kept. Each rule with a look-alike that stays ``keep``."""

from __future__ import annotations

import base64
import json
import random

import pytest

from classifiers import names as N
from classifiers.context import _slots, apply_context
from classifiers.verdict import FREE_TEXT, Verdict, json_verdict, text_verdict
from piigate.db import ColumnInfo, Inventory, TableInfo
from tests.unit.test_classifiers_accounts import _table
from tests.unit.test_classifiers_eleventh_pass import _rows
from tests.unit.test_classifiers_thirteenth_pass import _one

RNG = random.Random(17)
HEX = "0123456789abcdef"
FIRST = ["Anna", "Ben", "Clara", "David", "Emma", "Felix", "Greta", "Hugo", "Ida", "Jonas"]
LAST = ["Price", "Wade", "Rust", "Haering", "Becker", "Novak", "Lund", "Moreau", "Silva",
        "Keller"]
PAIRS = list(zip(FIRST, LAST, strict=True))


def _hex(n: int) -> str:
    return "".join(RNG.choice(HEX) for _ in range(n))


def _mixed(table: str, cols: dict[str, str], values: dict[str, list], engine
           ) -> dict[str, Verdict]:
    """A table of text and integer columns: text judged by its values, integers left to
    the table pass (as a scan leaves small numbers), with the sampled rows."""
    t = TableInfo(table, {c: ColumnInfo(table, c, "INTEGER" if k == "integer" else
                                        "VARCHAR(200)", k, True, primary_key=c == "id")
                          for c, k in cols.items()}, ["id"], [], [])
    n = max(len(v) for v in values.values())
    verdicts = {c: (text_verdict(c, [x for x in values[c] if x], engine)
                    if cols[c] == "text" and c in values else Verdict()) for c in cols}
    for v in verdicts.values():
        v.rows = max(v.sampled, n)
    apply_context(t, verdicts, Inventory("sqlite", {table: t}), rows=_rows(n, **values),
                  engine=engine)
    return verdicts


# -- a birth date split in three integers, 0 for an unknown part --------------------------


def test_a_birth_date_split_in_parts_with_zeros_for_unknown(engine):
    n = 40
    days = [RNG.randint(1, 28) if i % 5 else 0 for i in range(n)]
    months = [RNG.randint(1, 12) if i % 4 else 0 for i in range(n)]
    years = [RNG.randint(1940, 2010) if i % 3 else None for i in range(n)]
    v = _mixed("person_per", {"id": "integer", "per_FirstName": "text",
                              "per_LastName": "text", "per_BirthDay": "integer",
                              "per_BirthMonth": "integer", "per_BirthYear": "integer"},
               {"per_FirstName": FIRST * 4, "per_LastName": LAST * 4, "per_BirthDay": days,
                "per_BirthMonth": months, "per_BirthYear": years}, engine)
    assert {v[c].entity for c in ("per_BirthDay", "per_BirthMonth", "per_BirthYear")} == \
        {N.DOB}
    # look-alike: a period (month and year, no day) stays, zeros or not
    v = _mixed("people", {"id": "integer", "first_name": "text", "last_name": "text",
                          "start_month": "integer", "start_year": "integer"},
               {"first_name": FIRST * 4, "last_name": LAST * 4, "start_month": months,
                "start_year": years}, engine)
    assert v["start_month"].entity is None and v["start_year"].entity is None


# -- a cheque's MICR line, a card's magnetic stripe ---------------------------------------


def test_cheque_lines_and_card_stripes_as_a_scanner_reads_them(engine):
    micr = [f"t{RNG.randint(10**8, 10**9 - 1)}t{RNG.randint(10**9, 10**10 - 1)}o"
            f"{RNG.randint(100, 9999)}" for _ in range(5)] + \
        [f"<{RNG.randint(10**8, 10**9 - 1)}< {RNG.randint(10**7, 10**10)}< "
         f"{RNG.randint(100, 9999)}" for _ in range(5)]
    stripes = ["%B4898264474473757^BERG/ANNA^2606101?", "%B4595300702480036^WADE/BEN^2509101?"]
    v = _one("family", {"id": "integer", "name": "text", "scan_check": "text",
                        "scan_credit": "text"},
             {"name": LAST, "scan_check": micr, "scan_credit": stripes * 5}, engine)
    assert v["scan_check"].entity == N.PERSON_ID
    assert v["scan_credit"].entity == N.CARD
    # look-alikes: bare routing numbers, times and ratios stay
    v = _one("batches", {"id": "integer", "routing": "text", "note": "text"},
             {"routing": [str(RNG.randint(10**8, 10**9 - 1)) for _ in range(10)],
              "note": [f"run at 12:{RNG.randint(10, 59)}:00 ratio 3:1" for _ in range(10)]},
             engine)
    assert v["routing"].entity is None and v["note"].entity is None


# -- a JSON list named by its column ------------------------------------------------------


def test_a_json_list_of_codes_under_a_recovery_codes_name(engine):
    codes = [json.dumps([_hex(10) for _ in range(6)]) for _ in range(6)]
    v = json_verdict(codes, engine, column="usr_TwoFactorAuthRecoveryCodes")
    assert v.entity is not None and set(v.paths.values()) == {N.CREDENTIAL}
    # look-alike: a list of tags under a name that says nothing personal
    tags = [json.dumps(["urgent", "backend", "ui"]) for _ in range(6)]
    assert json_verdict(tags, engine, column="tags").entity is None


# -- a password beside its own login -------------------------------------------------------


def test_a_webhooks_basic_auth_password_beside_its_user(engine):
    logins = [f"{f.lower()}.{la.lower()}{RNG.randint(1, 99)}" for f, la in PAIRS]
    v = _one("webhooks", {"id": "integer", "target_url": "text", "secret": "text",
                          "basic_auth_user": "text", "basic_auth_password": "text"},
             {"target_url": [f"https://hooks.example.org/{_hex(8)}" for _ in range(10)],
              "secret": [_hex(32) for _ in range(10)], "basic_auth_user": logins,
              "basic_auth_password": [_hex(16) for _ in range(10)]}, engine)
    assert v["basic_auth_password"].entity == N.CREDENTIAL
    # look-alike: the hook's signing secret stays kept
    assert v["secret"].entity is None


# -- an identity provider's subject ---------------------------------------------------------


def test_a_subject_beside_its_issuer_in_a_users_table(engine):
    subjects = [f"uid={f.lower()}{RNG.randint(1, 99)},ou=people,dc=example,dc=org"
                for f in FIRST]
    v = _one("users", {"id": "integer", "username": "text", "email": "text",
                       "issuer": "text", "subject": "text"},
             {"username": [f.lower() + "_" + la.lower() for f, la in PAIRS],
              "email": [f"{f.lower()}@example.org" for f in FIRST],
              "issuer": ["ldap"] * 10, "subject": subjects}, engine)
    assert v["subject"].entity == N.PERSON_ID
    # look-alike: an e-mail's subject with no issuer beside it
    v = _one("users", {"id": "integer", "username": "text", "email": "text",
                       "subject": "text"},
             {"username": [f.lower() + "_" + la.lower() for f, la in PAIRS],
              "email": [f"{f.lower()}@example.org" for f in FIRST],
              "subject": ["Welcome", "Your invoice"] * 5}, engine)
    assert v["subject"].entity is None


# -- abbreviated names ----------------------------------------------------------------------


@pytest.mark.parametrize(("column", "entity"), [
    ("emp_sin_num", N.NATIONAL_ID), ("sin_number", N.NATIONAL_ID),
    ("social_insurance_number", N.NATIONAL_ID), ("emp_dri_lice_num", N.PERSON_ID),
    ("drv_lic_no", N.PERSON_ID), ("provin_code", N.REGION),
])
def test_abbreviated_identity_and_region_names(column, entity):
    nm = N.match(column)
    assert nm is not None and nm.entity == entity


@pytest.mark.parametrize("column", ["sin", "sin_angle", "prov_id", "lice_count",
                                    "ep_passport_type_flg"])
def test_look_alikes_of_abbreviated_names(column):
    assert N.match(column) is None


# -- Gravatar URLs under an avatar's name ------------------------------------------------


def test_gravatar_urls_in_two_thirds_of_an_avatar_column(engine):
    vals = [f"https://www.gravatar.com/avatar/{_hex(32)}?s=128" for _ in range(6)] + \
        ["/avatars/anna_berg.png", "/avatars/ben.wade.png", "/avatars/clara.png"]
    v = text_verdict("avatar", vals, engine)
    assert v.entity == N.PROFILE_URL
    # look-alike: the same mix under a name that is no picture's needs 80%
    assert text_verdict("link", vals, engine).entity != N.PROFILE_URL


# -- documents stored as base64 text -------------------------------------------------------


def _pdf(text: str) -> str:
    return base64.b64encode(f"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\nBT ({text}) Tj ET"
                            .encode()).decode()


def test_documents_as_base64_beside_paths_in_a_referenced_table(engine):
    from piigate.db import ForeignKey

    vals = [_pdf(f"This agreement between {f} {la}") for f, la in PAIRS] + \
        [f"documents/{_hex(12)}/lease.pdf" for _ in range(6)]
    data = TableInfo("document_data", {
        "id": ColumnInfo("document_data", "id", "VARCHAR(40)", "text", False, primary_key=True),
        "type": ColumnInfo("document_data", "type", "VARCHAR(8)", "text", False),
        "data": ColumnInfo("document_data", "data", "TEXT", "text", False)}, ["id"], [], [])
    doc = _table("document", {"id": "integer", "document_data_id": "text", "status": "text"},
                 pk="id")
    doc.foreign_keys.append(ForeignKey(None, "document", ["document_data_id"],
                                       "document_data", ["id"]))
    verdicts = {"id": Verdict(), "type": text_verdict("type", ["BYTES_64", "S3_PATH"], engine),
                "data": text_verdict("data", vals, engine)}
    for v in verdicts.values():
        v.rows = 16
    assert verdicts["data"].content == "PDF"
    apply_context(data, verdicts, Inventory("sqlite", {"document_data": data, "document": doc}))
    assert verdicts["data"].entity == "DOCUMENT"
    assert verdicts["type"].entity is None
    # look-alike: base64 that is no document (random tokens) stays no document
    tokens = [base64.b64encode(bytes(RNG.randrange(256) for _ in range(60))).decode()
              for _ in range(10)]
    assert text_verdict("data", tokens, engine).content != "PDF"


# -- @mentions in short texts --------------------------------------------------------------


def test_mentions_in_short_comments(engine):
    vals = ["<p>Looks good to me</p>", "<p>Deployed to staging</p>",
            "<p>Can't reproduce</p>"] + [f"<p>@{f.lower()}_{la.lower()} please review</p>"
                                         for f, la in PAIRS]
    v = text_verdict("comment_html", vals, engine)
    assert v.entity == FREE_TEXT
    # look-alikes: CSS at-rules and e-mail addresses' domains are no mentions
    css = ["@media print { body { color: black } }", "@import url(a.css)", "Looks good",
           "Deployed", "Can't reproduce", "Fixed in 1.2"]
    assert text_verdict("comment_html", css, engine).entity is None


# -- people's names under a person's role --------------------------------------------------


def test_owners_names_in_a_small_table_of_gyms(engine):
    v = text_verdict("owner", ["Adam Taylor", "Kathrin Becker", "Benito Silva",
                               "Klaas Novak"], engine)
    assert v.entity == N.PERSON
    # look-alikes: company owners and team names
    assert text_verdict("owner", ["Acme GmbH", "Iron Temple Ltd", "Studio Sol Inc",
                                  "Crossbox Nord AG"], engine).entity != N.PERSON
    assert text_verdict("owner", ["Platform team", "Billing", "Support", "Infra"],
                        engine).entity != N.PERSON


# -- a full name after "with" in a longer line ---------------------------------------------


def test_a_full_name_after_with_in_a_time_sheets_line():
    slots = _slots("Call with Dani Gutierrez about the offer")
    assert (("Call", "with", "*", "about", "the", "offer"), "Dani Gutierrez") in slots
    # look-alikes: a long line without a full name, a first name alone after "with"
    assert _slots("Meeting with the team about the new offer today") == []
    assert _slots("Call with Anna about the offer and the next steps") == []


# -- what stays kept -----------------------------------------------------------------------


def test_a_documents_password_and_a_blur_hash_stay(engine):
    v = _one("document_meta", {"id": "integer", "document_id": "integer", "password": "text",
                               "subject": "text"},
             {"document_id": list(range(10)), "password": [_hex(12) for _ in range(10)],
              "subject": ["Please sign"] * 10}, engine)
    assert v["password"].entity is None
    # look-alike: a person's own password stays masked
    v = _one("users", {"id": "integer", "email": "text", "password": "text"},
             {"email": [f"{f.lower()}@example.org" for f in FIRST],
              "password": [_hex(40) for _ in range(10)]}, engine)
    assert v["password"].entity == N.CREDENTIAL
