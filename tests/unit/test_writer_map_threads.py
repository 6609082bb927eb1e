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
