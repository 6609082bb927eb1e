"""End to end with the real writer: sample DB -> copy -> tokenize -> verify, three engines."""

from __future__ import annotations

import json
import random
import uuid

import sqlalchemy as sa

from piigate import copydb
from piigate.db import connect, reflect
from piigate.plan import make_plan
from piigate.schema import parse_schema
from piigate.verify import verify
from piigate.writer import tokenize
from tests.integration.test_verify_support import make_before, sample_schema


def _originals(engine: sa.Engine) -> list[str]:
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT email, ssn, street FROM customers")).all()
        names = conn.execute(sa.text("SELECT last_name FROM employees")).all()
    return [v for r in [*rows, *names] for v in r if isinstance(v, str) and len(v) >= 4]


def test_sample_copy_tokenize_verify(db_url, keyring):
    before = make_before(db_url, employees=120)
    try:
        plan = make_plan(parse_schema(sample_schema()), reflect(before))
        before.dispose()  # PostgreSQL copies by template: no other sessions on the source
        with copydb.temporary_copy(db_url) as tmp:
            after = connect(tmp)
            try:
                tokenize(after, plan, keyring)
                result = verify(before, after, plan, keyring)
                assert result.passed, result.failures
                d = result.to_dict()
                assert d["checks"]["changed"]["salaries.emp_no"]["rows"] > 120
                assert d["checks"]["leak"]["sampled"] > 100

                # the same copy with one value put back fails
                with after.begin() as conn:
                    conn.execute(sa.text("UPDATE customers SET ssn = :v WHERE id = 2"),
                                 {"v": _ssn(before)})
                failed = verify(before, after, plan, keyring)
                assert not failed.passed
                assert "customers.ssn: 1 masked values unchanged" in failed.failures
                text = json.dumps(failed.to_dict())
                assert not [v for v in _originals(before) if v in text]
            finally:
                after.dispose()
    finally:
        before.dispose()


def _ssn(engine: sa.Engine) -> str:
    with engine.connect() as conn:
        return conn.execute(sa.text("SELECT ssn FROM customers WHERE id = 2")).scalar_one()


def test_uuid_columns_are_tokenized_and_verified(db_url, keyring):
    """uuid-typed keys and values (PostgreSQL uuid, MariaDB UUID, SQLite text): masked,
    still uuids, verified; an original put back is caught."""
    rng = random.Random(5)
    ids = [str(uuid.UUID(int=rng.getrandbits(128), version=4)) for _ in range(30)]
    before = connect(db_url)
    try:
        with before.begin() as conn:
            conn.execute(sa.text("CREATE TABLE visitor (id uuid PRIMARY KEY, site varchar(10))"))
            conn.execute(sa.text("CREATE TABLE hit (id integer PRIMARY KEY, visitor_id uuid "
                                 "REFERENCES visitor (id), seen uuid)"))
            conn.execute(sa.text("INSERT INTO visitor (id, site) VALUES (:id, 'a')"),
                         [{"id": v} for v in ids])
            conn.execute(sa.text("INSERT INTO hit (id, visitor_id, seen) VALUES (:n, :v, :s)"),
                         [{"n": n, "v": ids[n % 30], "s": ids[(n * 7) % 30]} for n in range(60)])
        fpe = {"method": "fpe"}
        plan = make_plan(parse_schema({"format": "piigate/v1", "tables": {
            "visitor": {"columns": {"id": fpe, "site": {"method": "keep", "reason": "site"}}},
            "hit": {"columns": {"id": {"method": "keep", "reason": "row id"},
                                "visitor_id": fpe, "seen": fpe}}}}), reflect(before))
        before.dispose()
        with copydb.temporary_copy(db_url) as tmp:
            after = connect(tmp)
            try:
                tokenize(after, plan, keyring)
                result = verify(before, after, plan, keyring)
                assert result.passed, result.failures
                with after.connect() as conn:
                    new = [str(v) for v in conn.execute(sa.text("SELECT id FROM visitor"))
                           .scalars()]
                assert not set(new) & set(ids)
                assert all(uuid.UUID(v).version == 4 for v in new)

                with after.begin() as conn:
                    conn.execute(sa.text("UPDATE hit SET seen = :v WHERE id = 3"), {"v": ids[21]})
                failed = verify(before, after, plan, keyring)
                assert not failed.passed
                assert "hit.seen: 1 masked values unchanged" in failed.failures
                assert ids[21] not in json.dumps(failed.to_dict())
            finally:
                after.dispose()
    finally:
        before.dispose()
