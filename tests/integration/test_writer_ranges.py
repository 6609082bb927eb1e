"""Work units smaller than a table group (issue 13), on SQLite, PostgreSQL and MariaDB.

A run split into value ranges of its work tables and primary-key ranges of each table's
rebuild (``plan_units`` / ``apply_unit``), in any order within a phase, repeated, or
killed mid-range and retried, must leave exactly the database one unit per group
(``tokenize``) leaves, whole database compared.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from piigate import sample
from piigate.db import connect, reflect
from piigate.plan import make_plan
from piigate.schema import parse_schema
from piigate.writer import (
    TokenizeError,
    Unit,
    WorkState,
    apply_unit,
    finish,
    finish_group,
    plan_units,
    prepare,
    tokenize,
)
from tests.fixtures.dbutil import fingerprint, tool_tables
from tests.fixtures.employees_schema import employees_schema

N_EMPLOYEES = 300
FPE = {"method": "fpe"}
ROOT = Path(__file__).resolve().parents[2]


def _url(engine: sa.Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def _schema() -> dict:
    """The sample's schema with a text key domain (department names) beside the integer
    employees key, and audit_log in a domain of its own; per-entity date shifts."""
    schema = employees_schema(entity_dates=True)
    schema["tables"]["departments"]["columns"]["dept_name"] = FPE
    schema["tables"]["audit_log"]["columns"]["emp_no"] = FPE
    return schema


def _plan(engine: sa.Engine, schema: dict):
    return make_plan(parse_schema(schema), reflect(engine))


def _engine_name(url: str) -> str:
    name = sa.make_url(url).get_backend_name()
    return {"mysql": "mariadb"}.get(name, name)


@pytest.fixture
def pair(db_url, fresh_db):
    """Two identical sample databases on one engine: one for ``tokenize``, one for units."""
    a, b = connect(db_url), connect(fresh_db(_engine_name(db_url)))
    sample.create(a, N_EMPLOYEES)
    sample.create(b, N_EMPLOYEES)
    assert fingerprint(_url(a)) == fingerprint(_url(b))
    yield a, b
    a.dispose()
    b.dispose()


def _run_units(engine, plan, keyring, state, units, seed: int) -> list[dict]:
    """Every unit through JSON, phase by phase, shuffled within a phase."""
    rng = random.Random(seed)
    out = []
    for phase in sorted({u.phase for u in units}):
        todo = [Unit.from_dict(json.loads(json.dumps(u.to_dict())))
                for u in units if u.phase == phase]
        rng.shuffle(todo)
        out += [apply_unit(engine, plan, keyring, state, u) for u in todo]
    return out


@pytest.mark.parametrize("ranges", [1, 3, 7])
def test_ranges_give_the_database_one_unit_gives(pair, keyring, ranges):
    whole, split = pair
    tokenize(whole, _plan(whole, _schema()), keyring)

    plan = _plan(split, _schema())
    state = prepare(split, plan, keyring, run_id=f"ranges-{ranges}", build_maps=False)
    state = WorkState.from_dict(json.loads(json.dumps(state.to_dict())))
    units = plan_units(split, plan, state, ranges=ranges)
    text = json.dumps([u.to_dict() for u in units])
    assert "O'Neil" not in text and "example.com" not in text  # no masked values
    emp = next(g for g, t in enumerate(state.groups) if "employees" in t)
    salaries = state.groups[emp].index("salaries")
    rows = [u for u in units if u.kind == "rows" and u.group == emp and u.table == salaries]
    maps = [u for u in units if u.kind == "map"]
    customers = state.groups[emp].index("customers")  # its key, id, is kept
    kept_key = [u for u in units if u.kind == "rows" and u.group == emp
                and u.table == customers]
    if ranges > 1:  # the tables and the key domains really are split
        assert len(maps) > len(state.maps)
        assert len(kept_key) > 1
        # a table clustered on the key the run rewrites is one unit (its ranges, cut on
        # the old key, would interleave in the new key order): not PostgreSQL's heap
        assert len(rows) == (ranges if state.engine == "postgresql" else 1)
    assert [u.kind for u in units if u.group == emp and u.phase == 4] == ["finish"]
    # PostgreSQL swaps the stages in, their indexes built once per table before the finish
    index = [u.table for u in units if u.group == emp and u.kind == "index"]
    assert index == (list(range(len(state.groups[emp]))) if state.engine == "postgresql"
                     else [])

    done = _run_units(split, plan, keyring, state, units, seed=ranges)
    assert not any(d["skipped"] for d in done)
    # every unit again: all recorded, nothing changes
    before = fingerprint(_url(split))
    again = _run_units(split, plan, keyring, state, units, seed=ranges + 1)
    assert all(d["skipped"] for d in again)
    assert fingerprint(_url(split)) == before
    finish(split, plan, state)

    assert tool_tables(split) == []
    assert fingerprint(_url(split)) == fingerprint(_url(whole))


def test_jobs_give_the_database_one_job_gives(pair, keyring):
    whole, split = pair
    one = tokenize(whole, _plan(whole, _schema()), keyring)
    many = tokenize(split, _plan(split, _schema()), keyring, jobs=3)
    assert tool_tables(split) == []
    assert fingerprint(_url(split)) == fingerprint(_url(whole))
    assert {t: r.rows for t, r in many.tables.items()} == {t: r.rows
                                                          for t, r in one.tables.items()}
    assert {d: (r.distinct, r.changed) for d, r in many.domains.items()} == {
        d: (r.distinct, r.changed) for d, r in one.domains.items()}


def test_a_group_is_not_finished_before_every_range_is_in(pair, keyring):
    _, engine = pair
    plan = _plan(engine, _schema())
    before = fingerprint(_url(engine))
    state = prepare(engine, plan, keyring, run_id="early", build_maps=False)
    units = plan_units(engine, plan, state, ranges=3)
    emp = next(g for g, t in enumerate(state.groups) if "employees" in t)
    seal = next(u for u in units if u.kind == "seal" and u.parts[0] > 1)
    with pytest.raises(TokenizeError, match="value ranges"):  # before its map ranges
        apply_unit(engine, plan, keyring, state, seal)
    for u in units:
        if u.phase < 2:
            apply_unit(engine, plan, keyring, state, u)
    rows = [u for u in units if u.kind == "rows" and u.group == emp]
    for u in rows[:-1]:
        apply_unit(engine, plan, keyring, state, u)
    closing = next(u for u in units if u.kind == "finish" and u.group == emp)
    with pytest.raises(TokenizeError, match="key ranges not in yet"):
        finish_group(engine, plan, keyring, state, closing)
    assert fingerprint(_url(engine)) == before  # the ranges went to stage tables only
    finish(engine, plan, state, require_all=False)
    assert tool_tables(engine) == []
    assert fingerprint(_url(engine)) == before


_UNIT_SCRIPT = """
import json, sys
from piigate.db import connect, reflect
from piigate.keys import Keyring
from piigate.plan import make_plan
from piigate.schema import parse_schema
from piigate.writer import Unit, WorkState, apply_unit
doc = json.load(open(sys.argv[1]))
engine = connect(doc["url"])
plan = make_plan(parse_schema(doc["schema"]), reflect(engine))
print(json.dumps(apply_unit(engine, plan, Keyring.from_env(), WorkState.from_dict(doc["state"]),
                            Unit.from_dict(doc["unit"]))["skipped"]))
"""


def _unit_in_process(tmp_path: Path, url: str, state: WorkState, unit: Unit,
                     failpoint: str | None) -> subprocess.CompletedProcess[str]:
    job = tmp_path / "unit.json"
    job.write_text(json.dumps({"url": url, "schema": _schema(), "state": state.to_dict(),
                               "unit": unit.to_dict()}))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("PIIGATE_FAILPOINT", None)
    if failpoint:
        env["PIIGATE_FAILPOINT"] = failpoint
    return subprocess.run([sys.executable, "-c", _UNIT_SCRIPT, str(job)], env=env,
                          capture_output=True, text=True, timeout=300, check=False)


def test_a_range_killed_mid_way_is_redone_once(pair, keyring, tmp_path):
    """SIGKILL after a range's rows and record went in but before the commit: nothing of
    it stays, the retry applies it, and a further retry is skipped."""
    whole, split = pair
    tokenize(whole, _plan(whole, _schema()), keyring)
    url = _url(split)
    plan = _plan(split, _schema())
    state = prepare(split, plan, keyring, run_id="killed", build_maps=False)
    units = plan_units(split, plan, state, ranges=3)
    emp = next(g for g, t in enumerate(state.groups) if "employees" in t)
    victim_map = next(u for u in units if u.kind == "map" and u.part == 1)
    victim = next(u for u in units if u.kind == "rows" and u.group == emp and u.part == 1)

    for phase in sorted({u.phase for u in units}):
        for u in [u for u in units if u.phase == phase]:
            if u is victim_map or u is victim:
                point = "unit:map-filled" if u is victim_map else "unit:rows-filled"
                killed = _unit_in_process(tmp_path, url, state, u, point)
                assert killed.returncode == -9, killed.stderr
                retried = _unit_in_process(tmp_path, url, state, u, None)
                assert retried.returncode == 0, retried.stderr
                assert json.loads(retried.stdout) is False  # applied now
                again = _unit_in_process(tmp_path, url, state, u, None)
                assert json.loads(again.stdout) is True  # recorded: skipped
            else:
                apply_unit(split, plan, keyring, state, u)
    finish(split, plan, state)
    assert fingerprint(url) == fingerprint(_url(whole))


@pytest.mark.parametrize("rebuild", [True, False], ids=["rebuild", "update"])
def test_permuted_keys_built_in_value_ranges(db_url, fresh_db, keyring, rebuild):
    """Keys whose tokens are other rows' keys, with the work tables built in value
    ranges: the parking of the update path needs dense ids across ranges."""
    from tests.integration.test_writer_edges import PERM_SCHEMA, _perm_tables

    engines = [connect(db_url), connect(fresh_db(_engine_name(db_url)))]
    for engine in engines:
        parent, child = _perm_tables(engine)
        plan = _plan(engine, PERM_SCHEMA)
        f = plan.transform(next(c for c in plan.columns if c.column == "id"), keyring)
        g = plan.transform(next(c for c in plan.columns if c.column == "code"), keyring)
        rng = random.Random(7)
        seeds = rng.sample(range(1, 10**6), 60)
        ids = seeds + f.apply(seeds)
        ids += f.apply(ids[60:])[:20]  # chains: v -> f(v) -> f(f(v))
        words = ["".join(rng.choice("abcdefghij") for _ in range(6)) for _ in range(60)]
        codes = words + g.apply(words)
        codes += g.apply(codes[60:])[:20]
        with engine.begin() as conn:
            conn.execute(parent.insert(), [{"id": i, "code": c, "payload": n} for n, (i, c)
                                           in enumerate(zip(ids, codes, strict=True))])
            conn.execute(child.insert(), [{"parent_id": ids[n % len(ids)],
                                           "seq": n // len(ids), "payload": n}
                                          for n in range(3 * len(ids))])
    whole, split = engines
    one = tokenize(whole, _plan(whole, PERM_SCHEMA), keyring, rebuild=rebuild)
    plan = _plan(split, PERM_SCHEMA)
    state = prepare(split, plan, keyring, run_id="perm", build_maps=False)
    units = plan_units(split, plan, state, ranges=3, rebuild=rebuild)
    assert sum(u.kind == "map" for u in units) > len(state.maps)
    _run_units(split, plan, keyring, state, units, seed=3)
    with split.connect() as conn:  # the seals chose parking over dense ids
        seals = {m["label"]: m["parked"] for m in _seals(conn, state)}
    # the seals park only for a group updated in place, as a one-piece run does: a
    # rebuild reads every old row once and parks nothing
    assert seals == {d: r.parked for d, r in one.domains.items()}
    if rebuild:
        assert max(seals.values()) == 0
    else:
        assert min(seals.values()) >= 60
    finish(split, plan, state)
    assert fingerprint(_url(split)) == fingerprint(_url(whole))
    for engine in engines:
        engine.dispose()


def _seals(conn, state: WorkState) -> list[dict]:
    from piigate.writer.units import Records

    tag = state.done_table.removeprefix("piigate_work_")
    docs = Records(conn.engine, tag, state.done_table).docs(conn, "seal:")
    return [d["map"] for d in docs.values()]


def test_cli_jobs_option(pair, secret, tmp_path):
    """``piigate tokenize --jobs 2`` (worker processes; serial on SQLite) gives the
    database ``--jobs 1`` gives."""
    schema = tmp_path / "schema.json"
    schema.write_text(json.dumps(_schema()))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("PIIGATE_FAILPOINT", None)
    for engine, jobs in zip(pair, ("1", "2"), strict=True):
        done = subprocess.run([sys.executable, "-m", "piigate", "tokenize", "--db",
                               _url(engine), "--schema", str(schema), "--jobs", jobs],
                              capture_output=True, text=True, env=env, timeout=600,
                              check=False)
        assert done.returncode == 0, done.stderr[-2000:]
    assert tool_tables(pair[1]) == []
    assert fingerprint(_url(pair[1])) == fingerprint(_url(pair[0]))


def test_a_work_table_begun_in_another_key_format_is_built_again(pair, keyring):
    """A resumed run keeps the work tables its value ranges went into, but not one begun
    by a version that wrote its keys otherwise (MariaDB's MD5 text keys): its ranges are
    redone, so no value is looked up under a key it no longer has and left unmasked."""
    whole, split = pair
    tokenize(whole, _plan(whole, _schema()), keyring)
    plan = _plan(split, _schema())
    state = prepare(split, plan, keyring, run_id="format", build_maps=False)
    for u in plan_units(split, plan, state, ranges=2):
        if u.kind == "map":
            apply_unit(split, plan, keyring, state, u)
    # as an older version would leave them: keys no value reads to, no format record
    records = next(t for t in sa.inspect(split).get_table_names()
                   if t.startswith("piigate_units_"))
    with split.begin() as c:
        for m in state.maps:
            c.execute(sa.table(m["name"], sa.column("k")).update().values(k=None))
        c.execute(sa.table(records, sa.column("unit")).delete().where(
            sa.column("unit").like("format:%")))

    state = prepare(split, plan, keyring, run_id="format", build_maps=False)
    _run_units(split, plan, keyring, state, plan_units(split, plan, state, ranges=2), seed=1)
    finish(split, plan, state)
    assert fingerprint(_url(split)) == fingerprint(_url(whole))
