"""Value maps built two at a time (``WorkTables.build_all``): failures and stops."""

from __future__ import annotations

import threading
import time
from types import SimpleNamespace

import pytest

from piigate.writer import TokenizeError
from piigate.writer import work as workmod


def _works(builds, one_connection=False):
    wt = object.__new__(workmod.WorkTables)
    wt.sql = SimpleNamespace(one_connection=one_connection)
    wt.works = [SimpleNamespace(n=i) for i in range(len(builds))]
    wt.build = lambda work, stop=None: builds[work.n](stop)
    return wt


def test_the_cause_is_raised_not_the_stop_of_a_map_before_it_in_plan_order():
    started = threading.Event()

    def slow(stop):  # first in plan order, still running when the second fails
        started.set()
        assert stop.wait(10), "the failure did not stop the running map"
        raise workmod._Stopped("stopped: another value map failed")

    def failing(stop):
        started.wait(10)
        raise TokenizeError("the real cause", table="t", column="c")

    with pytest.raises(TokenizeError) as exc:
        _works([slow, failing]).build_all()
    assert "the real cause" in str(exc.value)


def test_maps_not_begun_are_not_built_after_a_failure():
    built = []

    def failing(stop):
        raise TokenizeError("boom")

    def later(i):
        def run(stop):
            time.sleep(0.2)
            built.append(i)
        return run

    with pytest.raises(TokenizeError):
        _works([failing, later(1), later(2), later(3), later(4)]).build_all()
    assert len(built) <= 1  # only the one the second thread had already begun


def test_every_map_is_built_and_the_threads_end():
    built = []
    _works([lambda stop, i=i: built.append(i) for i in range(5)]).build_all()
    assert sorted(built) == [0, 1, 2, 3, 4]
    assert not [t for t in threading.enumerate() if t.name.startswith("piigate-map")]


def test_sqlite_builds_one_after_another_in_this_thread():
    seen = []
    _works([lambda stop: seen.append((threading.current_thread(), stop))] * 3,
           one_connection=True).build_all()
    assert seen == [(threading.main_thread(), None)] * 3


# -- one chunk inserted while the next is read -----------------------------------------

def _filler(fail_at=None):
    wt = object.__new__(workmod.WorkTables)
    seen: list[tuple[int, str]] = []
    closed = []

    def insert(conn, table, rows, raw):
        if rows.rows[0][0] == fail_at:
            raise TokenizeError("insert failed", table="t")
        seen.append((rows.rows[0][0], threading.current_thread().name))

    def chunks(reader, work, raw):
        try:
            for i in range(5):
                yield workmod.WorkRows(("id",), [(i,)])
        finally:
            closed.append(True)

    wt.sql = SimpleNamespace(insert=insert)
    wt.chunks = chunks
    wt.report = lambda *a: None
    return wt, seen, closed


_WORK = SimpleNamespace(table=None, label="x", result=SimpleNamespace(distinct=0))


def test_chunks_go_in_order_on_a_writer_thread_of_their_own():
    wt, seen, closed = _filler()
    wt.fill(_WORK, "reader", "writer", True, None)
    assert [i for i, _ in seen] == [0, 1, 2, 3, 4]
    assert {name for _, name in seen} != {threading.current_thread().name}
    assert closed == [True]


def test_an_insert_that_fails_is_raised_and_the_read_closed():
    wt, seen, closed = _filler(fail_at=2)
    with pytest.raises(TokenizeError, match="insert failed"):
        wt.fill(_WORK, "reader", "writer", True, None)
    assert [i for i, _ in seen] == [0, 1]
    assert closed == [True]
    assert not [t for t in threading.enumerate() if t.name.startswith("piigate-map-insert")]


def test_one_connection_inserts_in_the_callers_thread():
    wt, seen, _ = _filler()
    conn = object()
    wt.fill(_WORK, conn, conn, True, None)
    assert {name for _, name in seen} == {threading.current_thread().name}
