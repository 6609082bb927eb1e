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
