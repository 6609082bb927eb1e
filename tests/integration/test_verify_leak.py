"""The complete leak search on SQLite, PostgreSQL and MariaDB: originals of masked
columns copied into kept columns are found however few they are, digits included, and
a clean copy passes although a kept integer column shares the masked column's range."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import sqlalchemy as sa

from piigate.db import connect, reflect
from piigate.plan import make_plan
from piigate.schema import parse_schema
from piigate.verify import VerifyResult, verify
from tests.fixtures.dbutil import ALL_ENGINES
from tests.integration.test_verify_support import KEEP, Pair, copy_tokenized, engine_name

PEOPLE = 200
ORDERS = 2000


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    sa.Table("people", md,
             sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
             sa.Column("ssn", sa.String(9), nullable=False),  # digits only
             sa.Column("email", sa.String(120), nullable=False),
             sa.Column("staff_no", sa.Integer, nullable=False))
    sa.Table("orders", md,
             sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
             sa.Column("ref", sa.BigInteger),
             sa.Column("contact", sa.String(120)),
             sa.Column("amount", sa.Integer),
             sa.Column("status", sa.String(12)))
    return md


SCHEMA = {"format": "piigate/v1", "version": 1, "tables": {
    "people": {"columns": {"id": KEEP, "ssn": {"method": "fpe", "alphabet": "digits"},
                           "email": {"method": "fake", "kind": "email"},
                           "staff_no": {"method": "fpe"}}},
    "orders": {"columns": {c: KEEP for c in ("id", "ref", "contact", "amount", "status")}},
}}


def _rows(leak: str | None) -> dict[str, list[dict]]:
    rng = random.Random(7)
    people = [{"id": i, "ssn": str(rng.randrange(100_000_000, 999_999_999)),
               "email": f"person.{i}@example.org", "staff_no": 100_000 + i}
              for i in range(PEOPLE)]
    orders = [{"id": i, "ref": rng.randrange(10**9, 10**10),
               "contact": f"desk {i % 40} of the vendor", "status": rng.choice(["new", "paid"]),
               # the masked staff numbers' range: equal values by chance, not a leak
               "amount": rng.randrange(100_000, 100_400)}
              for i in range(ORDERS)]
    if leak == "ssn":  # every SSN copied into a kept integer column
        for p, o in zip(people, orders, strict=False):
            o["ref"] = int(p["ssn"])
    elif leak == "email":  # five e-mails among 2000 rows of a kept text column
        for k, i in enumerate(rng.sample(range(ORDERS), 5)):
            orders[i]["contact"] = people[k * 7]["email"].upper()
    return {"people": people, "orders": orders}


def make(before_url: str, after_url: str, keyring, leak: str | None) -> Pair:
    md = metadata()
    before = connect(before_url)
    md.create_all(before)
    with before.begin() as conn:
        for table, rows in _rows(leak).items():
            conn.execute(md.tables[table].insert(), rows)
    plan = make_plan(parse_schema(SCHEMA), reflect(before))
    after = copy_tokenized(before, after_url, plan, keyring, md=md)
    return Pair(before, after, plan, keyring, engine_name(before_url))


@pytest.fixture(params=ALL_ENGINES)
def engine(request) -> str:
    return request.param


@contextmanager
def run(engine: str, fresh_db, keyring, leak: str | None) -> Iterator[VerifyResult]:
    p = make(fresh_db(engine), fresh_db(engine), keyring, leak)
    try:
        result = verify(p.before, p.after, p.plan, p.keyring)
        text = json.dumps(result.to_dict()) + "\n".join(result.failures)
        people = _rows(None)["people"]
        assert not [p for p in people if p["ssn"] in text or p["email"] in text]
        yield result
    finally:
        p.dispose()


def test_clean_copy_passes(engine, fresh_db, keyring):
    with run(engine, fresh_db, keyring, None) as result:
        assert result.passed, result.failures
        leak = result.to_dict()["checks"]["leak"]
        assert leak["exact"] == {"complete": True, "masked_columns": 3,
                                 "originals": 3 * PEOPLE, "excluded_originals": 0,
                                 "kept_columns": 6, "kept_values": leak["exact"]["kept_values"]}
        assert leak["exact"]["kept_values"] >= ORDERS


def test_digit_ssns_in_kept_column_are_found(engine, fresh_db, keyring):
    with run(engine, fresh_db, keyring, "ssn") as result:
        hits = result.to_dict()["checks"]["leak"]["hits"]
        assert hits == {"orders.ref": {"values": PEOPLE, "from": ["people.ssn"],
                                       "by_chance": 0}}
        assert f"orders.ref: {PEOPLE} original values of masked columns found " \
            "(from people.ssn)" in result.failures


def test_five_emails_among_2000_rows_are_found(engine, fresh_db, keyring):
    with run(engine, fresh_db, keyring, "email") as result:
        hits = result.to_dict()["checks"]["leak"]["hits"]
        assert hits == {"orders.contact": {"values": 5, "from": ["people.email"]}}
        assert result.failures == ["orders.contact: 5 original values of masked columns "
                                   "found (from people.email)"]


def test_substring_search_says_what_it_read(fresh_db, keyring):
    from tests.integration.test_verify_support import make_pair, sample_schema

    schema = sample_schema()
    schema["tables"]["customers"]["columns"]["notes"] = KEEP
    p = make_pair(fresh_db("sqlite"), fresh_db, keyring, schema)
    try:
        leak = verify(p.before, p.after, p.plan, p.keyring).to_dict()["checks"]["leak"]
        with p.after.connect() as conn:
            rows = conn.execute(sa.text("SELECT count(*) FROM customers")).scalar_one()
        # customers.notes is the one free-text column of the copy
        assert leak["substring"] == {"originals": leak["substring_sampled"], "columns": 1,
                                     "rows": rows}
        assert "customers.notes" in leak["hits"]
    finally:
        p.dispose()
