"""The writer's three steps as independent work units, on SQLite, PostgreSQL and MariaDB.

``prepare`` + ``apply_group`` per group (in any order, repeated) + ``finish`` must leave
exactly the database ``tokenize`` leaves; runs must not collide; a failing group must
leave its own tables unchanged and the others applied.
"""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from piigate import sample
from piigate.db import connect, reflect
from piigate.plan import make_plan
from piigate.schema import parse_schema
from piigate.toolstate import StateError
from piigate.writer import (
    TokenizeError,
    WorkState,
    apply_group,
    finish,
    prepare,
    run_tag,
    tokenize,
)
from tests.fixtures.dbutil import fingerprint, tool_tables
from tests.fixtures.employees_schema import KEEP, employees_schema

N_EMPLOYEES = 300
FPE = {"method": "fpe"}


def _url(engine: sa.Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def _plan(engine: sa.Engine, schema: dict):
    return make_plan(parse_schema(schema), reflect(engine))


def _schema() -> dict:
    """The sample's schema with several transaction groups: the employees key group,
    departments (names masked, keys kept) and audit_log (a key domain of its own)."""
    schema = employees_schema()
    schema["tables"]["departments"]["columns"]["dept_name"] = FPE
    schema["tables"]["audit_log"]["columns"]["emp_no"] = FPE
    return schema


def _piigate_tables(engine: sa.Engine) -> list[str]:
    return tool_tables(engine)


def _sample(url: str) -> sa.Engine:
    engine = connect(url)
    sample.create(engine, N_EMPLOYEES)
    return engine


@pytest.fixture
def engines(db_url, fresh_db):
    """Two identical sample databases on the same engine."""
    kind = {"mysql": "mariadb"}.get(sa.make_url(db_url).get_backend_name(),
                                     sa.make_url(db_url).get_backend_name())
    a, b = _sample(db_url), _sample(fresh_db(kind))
    assert fingerprint(_url(a)) == fingerprint(_url(b))
    yield a, b
    a.dispose()
    b.dispose()


def test_units_in_any_order_equal_tokenize(engines, keyring):
    whole, units = engines
    plan_whole = _plan(whole, _schema())
    tokenize(whole, plan_whole, keyring)

    plan = _plan(units, _schema())
    state = prepare(units, plan, keyring, run_id="run-1")
    assert len(state.groups) >= 3  # the employees key group plus single tables
    emp_group = next(i for i, g in enumerate(state.groups) if "employees" in g)
    assert {"salaries", "titles", "customers"} <= set(state.groups[emp_group])
    assert ["departments"] in state.groups and ["audit_log"] in state.groups
    # the state travels as JSON (a Step Functions payload or S3) and holds no values
    doc = json.loads(json.dumps(state.to_dict()))
    text = json.dumps(doc)
    assert "example.com" not in text and "O'Neil" not in text
    state = WorkState.from_dict(doc)
    work_tables = _piigate_tables(units)
    assert len(work_tables) == len(state.maps) + 1
    assert all(m["name"] in work_tables for m in state.maps)

    order = list(reversed(range(len(state.groups))))
    order.insert(0, order.pop(order.index(emp_group)))  # the key group first, then backwards
    for i in order:
        results = apply_group(units, plan, keyring, state, i)
        assert set(results) == set(state.groups[i])
        assert not any(r.skipped for r in results.values())
    finish(units, plan, state)

    assert _piigate_tables(units) == []
    assert fingerprint(_url(units)) == fingerprint(_url(whole))
    finish(units, plan, state)  # finishing again is a no-op


def test_group_applied_twice_changes_nothing_the_second_time(db_url, keyring):
    engine = _sample(db_url)
    plan = _plan(engine, _schema())
    state = prepare(engine, plan, keyring, run_id="twice")
    emp_group = next(i for i, g in enumerate(state.groups) if "employees" in g)
    before = fingerprint(_url(engine))

    first = apply_group(engine, plan, keyring, state, emp_group)
    after_first = fingerprint(_url(engine))
    second = apply_group(engine, plan, keyring, state, emp_group)

    assert after_first["employees"] != before["employees"]
    assert fingerprint(_url(engine)) == after_first
    assert not any(r.skipped for r in first.values())
    assert all(r.skipped for r in second.values())
    # the other groups were not applied: finishing refuses and keeps the tables
    with pytest.raises(TokenizeError) as exc:
        finish(engine, plan, state)
    assert "not applied" in str(exc.value)
    assert len(_piigate_tables(engine)) == len(state.maps) + 1
    # preparing the run again would map tokenized values: refused, nothing dropped
    with pytest.raises(TokenizeError):
        prepare(engine, plan, keyring, run_id="twice")
    assert len(_piigate_tables(engine)) == len(state.maps) + 1
    finish(engine, plan, state, require_all=False)
    assert _piigate_tables(engine) == []
    engine.dispose()


def test_a_concurrent_duplicate_finds_the_record_taken(db_url, keyring, monkeypatch):
    """Two units of one group that both passed the "already applied?" check: the second
    one's record insert clashes with the first one's and it backs out unchanged."""
    from piigate.writer.group import GroupTransaction

    engine = _sample(db_url)
    plan = _plan(engine, _schema())
    state = prepare(engine, plan, keyring, run_id="race")
    group = state.groups.index(["departments"])
    apply_group(engine, plan, keyring, state, group)
    after_first = fingerprint(_url(engine))
    monkeypatch.setattr(GroupTransaction, "_recorded", lambda self, conn: False)

    second = apply_group(engine, plan, keyring, state, group)

    assert all(r.skipped for r in second.values())
    assert fingerprint(_url(engine)) == after_first
    finish(engine, plan, state, require_all=False)
    engine.dispose()


def test_a_second_run_is_refused_while_one_is_prepared(db_url, keyring):
    """Two runs on one database would encipher each other's tokens (issue #11): while one
    run's record says it started, another run id is refused and changes nothing."""
    engine = _sample(db_url)
    plan = _plan(engine, _schema())
    before = fingerprint(_url(engine))
    one = prepare(engine, plan, keyring, run_id="run-a")
    names_one = {m["name"] for m in one.maps} | {one.done_table}
    with pytest.raises(StateError, match="interrupted"):
        prepare(engine, plan, keyring, run_id="run-b")
    assert set(_piigate_tables(engine)) == names_one  # run a's tables are untouched
    # a state is bound to its run's tables: another run's state is refused
    forged = WorkState.from_dict({**one.to_dict(),
                                  "done_table": f"piigate_work_{run_tag('run-b')}"})
    with pytest.raises(TokenizeError):
        apply_group(engine, plan, keyring, forged, 0)

    finish(engine, plan, one, require_all=False)
    assert _piigate_tables(engine) == []
    assert fingerprint(_url(engine)) == before
    engine.dispose()


def _add_gadgets(engine: sa.Engine) -> None:
    """A table of its own (a single-table group) whose FPE codes break a CHECK."""
    md = sa.MetaData()
    gadgets = sa.Table(
        "gadgets", md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("code", sa.Integer, nullable=False),
        sa.CheckConstraint("code < 1000000", name="gadget_code_small"),
    )
    md.create_all(engine)
    with engine.begin() as conn:
        conn.execute(gadgets.insert(), [{"id": i, "code": 500 + i} for i in range(50)])


def test_failing_group_leaves_its_tables_unchanged_and_others_applied(db_url, keyring):
    engine = _sample(db_url)
    _add_gadgets(engine)
    schema = _schema()
    schema["tables"]["gadgets"] = {"columns": {"id": KEEP, "code": FPE}}
    plan = _plan(engine, schema)
    before = fingerprint(_url(engine))
    state = prepare(engine, plan, keyring, run_id="fails")
    bad = state.groups.index(["gadgets"])

    failed = []
    for i in range(len(state.groups)):
        try:
            apply_group(engine, plan, keyring, state, i)
        except TokenizeError as exc:
            failed.append(i)
            assert exc.table == "gadgets" and "rolled back" in str(exc)
    after = fingerprint(_url(engine))

    assert failed == [bad]
    assert after["gadgets"] == before["gadgets"]
    assert after["employees"] != before["employees"]
    assert after["customers"] != before["customers"]
    with pytest.raises(TokenizeError) as exc:
        finish(engine, plan, state)
    assert "gadgets" in str(exc.value)
    # the failed group was not recorded: it may be retried (and fails the same way)
    with pytest.raises(TokenizeError):
        apply_group(engine, plan, keyring, state, bad)
    finish(engine, plan, state, require_all=False)
    assert _piigate_tables(engine) == []
    engine.dispose()
