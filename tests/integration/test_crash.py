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


def _distinct_text(engine, conn, table: str, column: str) -> set[str]:
    as_text = "CHAR" if engine.dialect.name == "mysql" else "TEXT"
    q = (f"SELECT DISTINCT CAST({quote(engine, column)} AS {as_text}) "
         f"FROM {quote(engine, table)}")
    return {str(v) for (v,) in conn.execute(sa.text(q)) if v is not None}


def _columns(url: str, schema: dict | None = None, masked: bool = True) -> dict[str, set[str]]:
    """Distinct values (as text) per ``table.column``: of every column of every table
    when ``schema`` is None, else of the schema's masked (or kept) columns."""
    engine = connect(url)
    out: dict[str, set[str]] = {}
    with engine.connect() as c:
        if schema is None:
            pairs = [(t, col["name"]) for t in sa.inspect(engine).get_table_names()
                     for col in sa.inspect(engine).get_columns(t)]
        else:
            pairs = [(t, col) for t, doc in schema["tables"].items()
                     for col, rule in doc["columns"].items()
                     if (rule["method"] != "keep") == masked]
        for table, column in pairs:
            out[f"{table}.{column}"] = _distinct_text(engine, c, table, column)
    engine.dispose()
    return out


def _originals_left(url: str, originals: set[str], reference: dict[str, set[str]]) -> list[str]:
    """Columns of any table (the tool's too) holding an original beyond what the
    uninterrupted run's result holds in that column (a fake or a shifted date may equal
    another row's original; a kept column holds its originals by decision)."""
    return sorted(name for name, values in _columns(url).items()
                  if (values & originals) - reference.get(name, set()))


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
    originals = {v for values in _columns(src, doc).values() for v in values if len(v) >= 4}

    clean = fresh_db(engine_name)
    copydb.drop(clean)
    copydb.copy(src, clean)
    assert _tokenize(clean, schema).returncode == 0
    expected, reference = _user_fingerprint(clean), _columns(clean)

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
            checked = subprocess.run(
                [sys.executable, "-m", "piigate", "verify", "--before", src, "--after", victim,
                 "--schema", str(schema)], capture_output=True, text=True, timeout=600,
                env={**os.environ, "PIIGATE_SECRET": SECRET, "PYTHONPATH": str(ROOT)})
            assert checked.returncode == 3 and left[0] in checked.stderr, point
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
        assert _originals_left(victim, originals, reference) == [], point


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


def _temporaries(url: str) -> set[str]:
    """Temporary copies of the source that exist now (server databases, SQLite folders)."""
    u = copydb.normalise_url(url)
    if copydb.backend(u) == "sqlite":
        import tempfile

        return {p.name for p in Path(tempfile.gettempdir()).glob(copydb.TMP_PREFIX + "*")}
    engine = connect(url)
    with engine.connect() as c:
        q = ("SELECT datname FROM pg_database" if engine.dialect.name == "postgresql"
             else "SHOW DATABASES")
        names = {r[0] for r in c.execute(sa.text(q))}
    engine.dispose()
    return {n for n in names if n.startswith(copydb.TMP_PREFIX)}


@pytest.mark.parametrize("engine_name", ALL_ENGINES)
def test_killed_run_leaves_a_raw_copy_only_until_the_next_run(engine_name, source, fresh_db,
                                                              tmp_path):
    from tests.integration.test_pipeline import _approved

    src = source(engine_name)
    target = fresh_db(engine_name)
    approved = _approved(src, tmp_path / "approved.json")
    env = {**os.environ, "PIIGATE_SECRET": SECRET, "PYTHONPATH": str(ROOT)}

    def run(failpoint: str | None) -> subprocess.CompletedProcess[str]:
        e = {**env, "PIIGATE_FAILPOINT": failpoint} if failpoint else env
        return subprocess.run([sys.executable, "-m", "piigate", "run", "--source", src,
                               "--target", target, "--previous", str(approved),
                               "--out", str(tmp_path / "o")],
                              capture_output=True, text=True, env=e, timeout=600)

    for point in ("run:restored", "run:tokenized"):
        before = _temporaries(src)
        killed = run(point)
        assert killed.returncode == -9, killed.stderr[-2000:]
        left = _temporaries(src) - before
        assert len(left) == 1, (point, left)  # the raw copy: nothing removed it
        again = run(None)
        assert again.returncode == 0, again.stderr[-3000:]
        assert not (_temporaries(src) & left), point  # swept before the run started
        assert "a killed run left behind" in again.stderr
