"""PII Gate's own tables are told by registration, never by name (issue #11)."""

from __future__ import annotations

import multiprocessing as mp

import pytest
import sqlalchemy as sa

from piigate import toolstate
from piigate.db import connect, reflect
from piigate.toolstate import RunRecord, StateError


@pytest.fixture
def engine(db_url):
    e = connect(db_url)
    yield e
    e.dispose()


def _make(engine, *ddl: str) -> None:
    with engine.begin() as c:
        for d in ddl:
            c.execute(sa.text(d))


def test_user_tables_with_our_prefix_are_reflected(engine):
    _make(engine, "CREATE TABLE piigate_backup (id INTEGER PRIMARY KEY, email VARCHAR(80))",
          "CREATE TABLE piigate_map_x (id INTEGER PRIMARY KEY, ssn VARCHAR(11))")
    assert {"piigate_backup", "piigate_map_x"} <= set(reflect(engine).tables)


def test_registered_tables_are_ours_and_hidden(engine):
    _make(engine, "CREATE TABLE people (id INTEGER PRIMARY KEY)")
    with engine.connect() as c:
        toolstate.register(c, ["piigate_map_t1_0"], "work", "t1")
        c.execute(sa.text("CREATE TABLE piigate_map_t1_0 (k INTEGER)"))
        c.commit()
    assert set(reflect(engine).tables) == {"people"}
    with engine.connect() as c:
        assert toolstate.leftovers(c) == ["piigate_map_t1_0"]
    with pytest.raises(StateError, match="work tables are left") as err:
        toolstate.assert_clean(engine, doing="share")
    assert err.value.table == "piigate_map_t1_0"
    with engine.connect() as c:
        assert toolstate.sweep(c) == ["piigate_map_t1_0"]
        assert toolstate.leftovers(c) == []
        assert not sa.inspect(c).has_table("piigate_map_t1_0")
    assert toolstate.assert_clean(engine, doing="share") is None


def test_a_user_table_named_like_our_state_is_reflected_but_never_written(engine):
    _make(engine, "CREATE TABLE piigate_state (name VARCHAR(20), secret VARCHAR(20))")
    assert "piigate_state" in reflect(engine).tables
    with engine.connect() as c, pytest.raises(StateError) as err:
        toolstate.register(c, ["piigate_map_a_0"], "work", "a")
    assert err.value.table == "piigate_state" and "rename" in err.value.message


def test_sweep_drops_other_runs_and_keeps_the_one_that_resumes(engine):
    with engine.connect() as c:
        toolstate.register(c, ["piigate_map_r_0", "piigate_map_s_0"], "work", "r")
        toolstate.register(c, ["piigate_work_r"], "progress", "r")
        toolstate.register(c, ["piigate_map_s_1"], "work", "s")
        for n in ("piigate_map_r_0", "piigate_work_r", "piigate_map_s_1"):
            c.execute(sa.text(f"CREATE TABLE {n} (k INTEGER)"))
        c.commit()
        assert toolstate.sweep(c, keep_run_tag="r") == ["piigate_map_s_1"]
        assert toolstate.leftovers(c) == ["piigate_map_r_0", "piigate_work_r"]


def test_run_record_round_trip_and_unfinished_is_refused(engine):
    rec = RunRecord(run_id="r1", schema_hash="sha256:" + "a" * 64, key_check="kcv1:" + "0" * 12,
                    state="started", started_at="2026-11-30T00:00:00Z")
    with engine.connect() as c:
        toolstate.write_record(c, rec)
        assert toolstate.read_record(c) == rec
    with pytest.raises(StateError, match="did not finish"):
        toolstate.assert_clean(engine, doing="share")
    rec.state = "done"
    with engine.connect() as c:
        toolstate.write_record(c, rec)
    assert toolstate.assert_clean(engine, doing="share") == rec
    assert "piigate_state" not in reflect(engine).tables


def _hold(url: str, ready, release) -> None:
    e = connect(url)
    with toolstate.lock(e):
        ready.set()
        release.wait(30)
    e.dispose()


def test_the_lock_keeps_a_second_run_out_and_dies_with_its_holder(engine, db_url):
    ctx = mp.get_context("spawn")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold, args=(db_url, ready, release))
    holder.start()
    try:
        assert ready.wait(60)
        with pytest.raises(StateError, match="another tokenize"), toolstate.lock(engine):
            pass
    finally:
        holder.kill()  # like kill -9: no cleanup runs
        holder.join(30)
    with toolstate.lock(engine):
        pass


def test_reidentify_refuses_a_secret_the_database_was_not_tokenized_with(engine, db_url,
                                                                          keyring):
    from piigate.errors import ConfigError
    from piigate.keys import Keyring
    from piigate.plan import make_plan
    from piigate.reidentify import reidentify_column
    from piigate.schema import parse_schema
    from piigate.writer import tokenize

    _make(engine, "CREATE TABLE t (id INTEGER PRIMARY KEY, ssn VARCHAR(11))")
    with engine.begin() as c:
        c.execute(sa.text("INSERT INTO t VALUES (1, '123-45-6789')"))
    schema = parse_schema({"tables": {"t": {"columns": {
        "id": {"method": "keep", "reason": "row id"},
        "ssn": {"method": "fpe", "alphabet": "digits"}}}}})
    tokenize(engine, make_plan(schema, reflect(engine)), keyring)
    with engine.connect() as c:
        token = c.execute(sa.text("SELECT ssn FROM t")).scalar_one()
    assert reidentify_column(schema, "t.ssn", [token], keyring, db=db_url) == ["123-45-6789"]
    with pytest.raises(ConfigError, match="key check value"):
        reidentify_column(schema, "t.ssn", [token], Keyring(b"w" * 32), db=db_url)


def test_check_names_a_user_table_with_our_prefix_that_the_schema_forgot(engine, db_url,
                                                                         tmp_path):
    """The leak of issue #11: piigate_backup(email, ssn) was never checked. Now it is a
    table like any other, so a schema without it does not pass check (exit 3)."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    _make(engine, "CREATE TABLE piigate_backup (id INTEGER PRIMARY KEY, email VARCHAR(80))")
    schema = tmp_path / "s.json"
    schema.write_text(json.dumps({"tables": {}}), encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.run([sys.executable, "-m", "piigate", "check", "--db", db_url,
                           "--schema", str(schema)], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(root)}, timeout=120)
    assert proc.returncode == 3
    assert "tables.piigate_backup.columns.email" in proc.stderr
