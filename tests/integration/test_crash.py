"""A tokenize killed at any point leaves nothing that could leak, and the next run ends
the job exactly as one uninterrupted run would (issue #11).

Each case SIGKILLs ``piigate tokenize`` at a named failpoint (``PIIGATE_FAILPOINT``):
no ``finally`` runs, as with ``kill -9`` or a lost container. Then: the database is
refused by verify while the crashed run's tables remain; a second ``tokenize`` sweeps
them and finishes; the result equals an uninterrupted run's, table for table; no tool
table is left; and no original value of a masked column is found anywhere in the
database, in any column of any table.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from piigate import copydb, sample, toolstate
from piigate.db import connect, quote, reflect
from tests.fixtures.dbutil import ALL_ENGINES, fingerprint
from tests.fixtures.employees_schema import employees_schema

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SECRET = "crash-test-secret-0123456789"
POINTS = ["tokenize:locked", "tokenize:prepared", "tokenize:group-applied",
          "tokenize:applied"]


def _tokenize(url: str, schema: Path, failpoint: str | None = None):
    env = {**os.environ, "PIIGATE_SECRET": SECRET, "PYTHONPATH": str(ROOT)}
    env.pop("PIIGATE_FAILPOINT", None)
    if failpoint:
        env["PIIGATE_FAILPOINT"] = failpoint
    return subprocess.run([sys.executable, "-m", "piigate", "tokenize", "--db", url,
                           "--schema", str(schema)], capture_output=True, text=True,
                          env=env, timeout=600)


def _originals(url: str, schema: dict) -> set[str]:
    """Distinct values of every masked column (as text), at least 4 characters long."""
    engine = connect(url)
    out: set[str] = set()
    with engine.connect() as c:
        for table, t in schema["tables"].items():
            for col, rule in t["columns"].items():
                if rule["method"] == "keep":
                    continue
                q = f"SELECT DISTINCT {quote(engine, col)} FROM {quote(engine, table)}"
                out.update(str(v) for (v,) in c.execute(sa.text(q)) if v is not None)
    engine.dispose()
    return {v for v in out if len(v) >= 4}


def _found_anywhere(url: str, originals: set[str], kept: set[str]) -> list[str]:
    """Columns of any table (the tool's too) holding an original that no kept column
    of the source held as well."""
    engine = connect(url)
    hits = []
    with engine.connect() as c:
        for table in sa.inspect(engine).get_table_names():
            for col in sa.inspect(engine).get_columns(table):
                q = f"SELECT DISTINCT {quote(engine, col['name'])} FROM {quote(engine, table)}"
                values = {str(v) for (v,) in c.execute(sa.text(q)) if v is not None}
                if (values & originals) - kept:
                    hits.append(f"{table}.{col['name']}")
    engine.dispose()
    return hits


def _kept_values(url: str, schema: dict) -> set[str]:
    engine = connect(url)
    out: set[str] = set()
    with engine.connect() as c:
        for table, t in schema["tables"].items():
            for col, rule in t["columns"].items():
                if rule["method"] == "keep":
                    q = f"SELECT DISTINCT {quote(engine, col)} FROM {quote(engine, table)}"
                    out.update(str(v) for (v,) in c.execute(sa.text(q)) if v is not None)
    engine.dispose()
    return out


def _user_fingerprint(url: str) -> dict[str, str]:
    return {t: f for t, f in fingerprint(url).items() if t != toolstate.STATE_TABLE}


@pytest.fixture
def source(fresh_db, request):
    def make(engine_name: str) -> str:
        url = fresh_db(engine_name)
        engine = connect(url)
        sample.create(engine, 300, extras=True)
        engine.dispose()
        return url
    return make


@pytest.mark.parametrize("engine_name", ALL_ENGINES)
def test_killed_tokenize_leaves_nothing_and_the_rerun_finishes_alike(
        engine_name, source, fresh_db, tmp_path):
    doc = employees_schema()
    schema = tmp_path / "schema.json"
    schema.write_text(json.dumps(doc), encoding="utf-8")
    src = source(engine_name)
    originals, kept = _originals(src, doc), _kept_values(src, doc)

    clean = fresh_db(engine_name)
    copydb.drop(clean)
    copydb.copy(src, clean)
    assert _tokenize(clean, schema).returncode == 0
    expected = _user_fingerprint(clean)

    for point in POINTS:
        victim = fresh_db(engine_name)
        copydb.drop(victim)
        copydb.copy(src, victim)
        killed = _tokenize(victim, schema, failpoint=point)
        assert killed.returncode == -9, (point, killed.stderr[-2000:])
        engine = connect(victim)
        with engine.connect() as c:
            left = toolstate.leftovers(c)
        if left:  # the map tables hold originals beside tokens: nothing may share them
            with pytest.raises(toolstate.StateError):
                toolstate.assert_clean(engine, doing="share")
        assert set(reflect(engine).tables) == set(reflect(connect(src)).tables)
        engine.dispose()

        again = _tokenize(victim, schema)
        assert again.returncode == 0, (point, again.stderr[-3000:])
        assert _user_fingerprint(victim) == expected, point
        engine = connect(victim)
        with engine.connect() as c:
            assert toolstate.leftovers(c) == [], point
        names = set(sa.inspect(engine).get_table_names())
        assert names - set(reflect(engine).tables) == {toolstate.STATE_TABLE}, point
        assert toolstate.assert_clean(engine, doing="share").state == "done"
        engine.dispose()
        assert _found_anywhere(victim, originals, kept) == [], point


@pytest.mark.parametrize("engine_name", ALL_ENGINES)
def test_a_tokenized_database_is_refused_a_second_time(engine_name, source, tmp_path):
    doc = employees_schema()
    schema = tmp_path / "schema.json"
    schema.write_text(json.dumps(doc), encoding="utf-8")
    url = source(engine_name)
    assert _tokenize(url, schema).returncode == 0
    before = _user_fingerprint(url)
    second = _tokenize(url, schema)
    assert second.returncode == 3
    assert "already tokenized" in second.stderr
    assert _user_fingerprint(url) == before
