"""The writer on SQLite, PostgreSQL and MariaDB with the employees-shaped sample."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict

import pytest
import sqlalchemy as sa

from piigate import sample
from piigate.db import connect, reflect
from piigate.plan import make_plan
from piigate.schema import parse_schema
from piigate.writer import TokenizeResult
from tests.fixtures.dbutil import tool_tables
from tests.fixtures.employees_schema import employees_schema

N_EMPLOYEES = 1500


def _plan(engine, schema: dict):
    return make_plan(parse_schema(schema), reflect(engine))


def _rows(conn, sql: str) -> list[tuple]:
    return [tuple(r) for r in conn.execute(sa.text(sql)).all()]


def _fk_signature(engine) -> list[tuple]:
    insp = sa.inspect(engine)
    return sorted(
        (t, tuple(fk["constrained_columns"]), fk["referred_table"],
         tuple(fk["referred_columns"]), fk.get("name") if engine.dialect.name != "sqlite" else "")
        for t in insp.get_table_names() if not t.startswith("piigate_")
        for fk in insp.get_foreign_keys(t)
    )


def _d(value) -> dt.date:
    """A date from a raw row (SQLite returns dates as text)."""
    return dt.date.fromisoformat(value[:10]) if isinstance(value, str) else value


def _orphans(conn, child: str, col: str, parent: str, pcol: str) -> int:
    return conn.execute(sa.text(
        f"SELECT COUNT(*) FROM {child} c WHERE c.{col} IS NOT NULL AND NOT EXISTS "
        f"(SELECT 1 FROM {parent} p WHERE p.{pcol} = c.{col})")).scalar_one()


@pytest.fixture
def employees_db(db_url):
    engine = connect(db_url)
    counts = sample.create(engine, N_EMPLOYEES)
    yield engine, counts
    engine.dispose()


def test_employees_tokenized_keys_joins_and_reversibility(employees_db, keyring, tok):
    engine, counts = employees_db
    plan = _plan(engine, employees_schema())
    with engine.connect() as conn:
        emp_before = {r[0]: r[1:] for r in _rows(
            conn, "SELECT emp_no, first_name, last_name, birth_date, hire_date FROM employees")}
        sal_before = defaultdict(list)
        for e, s, f in _rows(conn, "SELECT emp_no, salary, from_date FROM salaries"):
            sal_before[e].append((s, f))
        audit_before = _rows(conn, "SELECT emp_no, at FROM audit_log")
        mgr_before = dict(_rows(conn, "SELECT id, account_manager FROM customers"))
        null_phones = {r[0] for r in _rows(conn, "SELECT id FROM customers WHERE phone IS NULL")}
    fks_before = _fk_signature(engine)
    progress: list[tuple] = []

    result = tok(engine, plan, keyring, progress=lambda *a: progress.append(a), chunk=700)

    assert isinstance(result, TokenizeResult)
    emp_col = next(c for c in plan.columns if (c.table, c.column) == ("employees", "emp_no"))
    fpe = plan.transform(emp_col, keyring)
    old_ids = sorted(emp_before)
    new_of = dict(zip(old_ids, fpe.apply(old_ids), strict=True))
    with engine.connect() as conn:
        for table, n in counts.items():
            assert conn.execute(sa.text(f"SELECT COUNT(*) FROM {table}")).scalar_one() == n
        emp_after = {r[0]: r[1:] for r in _rows(
            conn, "SELECT emp_no, first_name, last_name, birth_date, hire_date FROM employees")}
        # keys: exactly the FPE images, reversible, and different from the originals
        assert set(emp_after) == set(new_of.values())
        assert sorted(fpe.reverse(list(emp_after))) == old_ids
        assert sum(new_of[o] == o for o in old_ids) <= 1
        changed_first = changed_last = 0
        for old, (fn, ln, bd, hd) in emp_before.items():
            nfn, nln, nbd, nhd = emp_after[new_of[old]]
            assert nhd == hd  # kept column untouched, same row
            assert 1 <= abs((_d(nbd) - _d(bd)).days) <= 60
            changed_first += nfn != fn
            changed_last += nln != ln
        assert changed_first > 0.8 * len(old_ids) and changed_last > 0.8 * len(old_ids)
        assert not _rows(conn, "SELECT 1 FROM employees WHERE last_name = 'O''Neil'")
        # joins survive: each employee's salaries follow the employee
        sal_after = defaultdict(list)
        for e, s, f in _rows(conn, "SELECT emp_no, salary, from_date FROM salaries"):
            sal_after[e].append((s, f))
        for old, sals in sal_before.items():
            assert sorted(sal_after[new_of[old]]) == sorted(sals)
        for child in ("salaries", "titles", "dept_emp", "dept_manager"):
            assert _orphans(conn, child, "emp_no", "employees", "emp_no") == 0
        assert _orphans(conn, "customers", "account_manager", "employees", "emp_no") == 0
        mgr_after = dict(_rows(conn, "SELECT id, account_manager FROM customers"))
        assert mgr_after == {k: new_of[v] for k, v in mgr_before.items()}
        # a table without a primary key, in the key domain by name
        assert sorted(_rows(conn, "SELECT emp_no, at FROM audit_log")) == sorted(
            (new_of[e], at) for e, at in audit_before)
        # NULLs stay NULL; masked columns changed
        assert {r[0] for r in _rows(conn, "SELECT id FROM customers WHERE phone IS NULL")} \
            == null_phones
        assert _rows(conn, "SELECT COUNT(*) FROM customers WHERE notes IS NOT NULL") == [(0,)]
        assert {r[0] for r in _rows(conn, "SELECT DISTINCT city FROM customers")} == {"CITY"}
        profiles = [r[0] for r in _rows(conn, "SELECT profile FROM customers")]
        for p in profiles:
            doc = p if isinstance(p, dict) else json.loads(p)
            assert doc["preferences"]["language"] == "en"
    assert _fk_signature(engine) == fks_before  # every foreign key is back, as it was
    assert not tool_tables(engine)
    # result and progress: counts only, no raw values
    data = result.to_dict()
    assert data["tables"]["salaries"]["rows"] == counts["salaries"]
    assert data["domains"]["employees.emp_no"]["distinct"] == N_EMPLOYEES
    text = json.dumps(data)
    assert "O'Neil" not in text and "example.com" not in text
    assert {p[0] for p in progress} >= {"employees", "salaries", "audit_log"}
    assert ("salaries", counts["salaries"], counts["salaries"]) in progress
