"""Whole-database copies and swaps on the three engines (piigate.copydb)."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from piigate import copydb
from piigate.db import connect, reflect
from tests.fixtures.dbutil import ALL_ENGINES, fingerprint

_TRIGGER = {
    "sqlite": [
        "CREATE TRIGGER child_stamp AFTER INSERT ON child BEGIN "
        "UPDATE child SET note = 'stamped' WHERE id = NEW.id; END"
    ],
    "postgresql": [
        "CREATE FUNCTION stamp() RETURNS trigger AS $$ BEGIN NEW.note := 'stamped'; "
        "RETURN NEW; END $$ LANGUAGE plpgsql",
        "CREATE TRIGGER child_stamp BEFORE INSERT ON child FOR EACH ROW EXECUTE FUNCTION stamp()",
    ],
    "mysql": [
        "CREATE TRIGGER child_stamp BEFORE INSERT ON child FOR EACH ROW SET NEW.note = 'stamped'"
    ],
}


def _populate(url: str, rows: int = 50, tag: str = "a") -> None:
    engine = connect(url)
    md = sa.MetaData()
    parent = sa.Table("parent", md, sa.Column("id", sa.Integer, primary_key=True),
                      sa.Column("email", sa.String(80), nullable=False, unique=True))
    child = sa.Table("child", md, sa.Column("id", sa.Integer, primary_key=True),
                     sa.Column("parent_id", sa.Integer, sa.ForeignKey("parent.id"),
                               nullable=False, index=True),
                     sa.Column("note", sa.String(40)))
    md.create_all(engine)
    with engine.begin() as conn:
        conn.execute(parent.insert(), [{"id": i, "email": f"{tag}{i}@example.com"}
                                       for i in range(1, rows + 1)])
        conn.execute(child.insert(), [{"id": i, "parent_id": 1 + i % rows, "note": "n"}
                                      for i in range(1, rows + 1)])
        for stmt in _TRIGGER[engine.dialect.name]:
            conn.exec_driver_sql(stmt)
    engine.dispose()


def _trigger_fires(url: str) -> bool:
    engine = connect(url)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text("INSERT INTO child (id, parent_id, note) VALUES (9999, 1, 'x')"))
            return conn.execute(sa.text("SELECT note FROM child WHERE id = 9999")).scalar_one() \
                == "stamped"
    finally:
        engine.dispose()


def _structure(url: str) -> dict:
    engine = connect(url)
    try:
        inv = reflect(engine)
        idx = {t: sorted(i["name"] for i in sa.inspect(engine).get_indexes(t)) for t in inv.tables}
        return {
            name: (t.primary_key, [(f.columns, f.ref_table, f.ref_columns) for f in t.foreign_keys],
                   sorted(map(tuple, t.unique_sets)), idx[name])
            for name, t in inv.tables.items()
        }
    finally:
        engine.dispose()


def _piigate_dbs(url: str) -> set[str]:
    """Databases (SQLite: files) our copies and swaps create, left on the server."""
    if copydb.backend(url) == "sqlite":
        folder = copydb.sqlite_path(sa.engine.make_url(url)).parent
        return {p.name for p in folder.iterdir() if "piigate_" in p.name}
    with copydb._admin(sa.engine.make_url(url)) as conn:
        if copydb.backend(url) == "postgresql":
            rows = conn.execute(sa.text("SELECT datname FROM pg_database")).all()
        else:
            rows = conn.execute(sa.text("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA"))
        prefixes = (copydb.TMP_PREFIX, copydb.NEW_PREFIX, copydb.OLD_PREFIX)
        return {r[0] for r in rows if r[0].startswith(prefixes)}


@pytest.mark.parametrize("engine_name", ALL_ENGINES)
def test_temporary_copy_keeps_data_keys_and_triggers_and_is_dropped(fresh_db, engine_name):
    src = fresh_db(engine_name)
    _populate(src)
    before = fingerprint(src)
    leftovers = _piigate_dbs(src)
    with copydb.temporary_copy(src) as tmp:
        assert copydb.database_name(tmp).split("/")[-1].startswith(copydb.TMP_PREFIX)
        assert fingerprint(tmp) == before
        assert _structure(tmp) == _structure(src)
        assert _trigger_fires(tmp)
    assert not copydb.exists(tmp)
    assert _piigate_dbs(src) <= leftovers  # others may be running pipelines too
    assert fingerprint(src) == before


@pytest.mark.parametrize("engine_name", ALL_ENGINES)
def test_temporary_copy_is_dropped_on_interrupt(fresh_db, engine_name):
    src = fresh_db(engine_name)
    _populate(src, rows=5)
    seen = []
    with pytest.raises(KeyboardInterrupt), copydb.temporary_copy(src) as tmp:
        seen.append(tmp)
        assert copydb.exists(tmp)
        raise KeyboardInterrupt
    assert seen and not copydb.exists(seen[0])


@pytest.mark.parametrize("engine_name", ALL_ENGINES)
@pytest.mark.parametrize("target_exists", [True, False])
def test_replace_database_swaps_in_a_complete_copy(fresh_db, engine_name, target_exists):
    new, target = fresh_db(engine_name), fresh_db(engine_name)
    _populate(new, rows=30, tag="new")
    if target_exists:
        _populate(target, rows=7, tag="old")
    else:
        copydb.drop(target)
    leftovers = _piigate_dbs(target)
    copydb.replace_database(new, target)
    assert fingerprint(target) == fingerprint(new)
    assert _structure(target) == _structure(new)
    assert _trigger_fires(target)
    assert _piigate_dbs(target) <= leftovers


@pytest.mark.parametrize("engine_name", ALL_ENGINES)
@pytest.mark.parametrize("exc", [KeyboardInterrupt, RuntimeError])
def test_failed_swap_leaves_target_unchanged(fresh_db, engine_name, exc, monkeypatch):
    new, target = fresh_db(engine_name), fresh_db(engine_name)
    _populate(new, rows=30, tag="new")
    _populate(target, rows=7, tag="old")
    before = fingerprint(target)
    leftovers = _piigate_dbs(target)

    def boom(staging, target_url):
        assert copydb.exists(staging)  # the new copy is complete before the swap
        raise exc("injected")

    monkeypatch.setattr(copydb, "_swap", boom)
    with pytest.raises(exc):
        copydb.replace_database(new, target)
    assert fingerprint(target) == before
    assert _piigate_dbs(target) <= leftovers


@pytest.mark.postgres
def test_postgres_copy_falls_back_to_dump_when_source_has_sessions(fresh_db):
    src = fresh_db("postgresql")
    _populate(src, rows=20)
    holder = connect(src)
    dst = copydb.sibling(src, copydb.random_name(copydb.TMP_PREFIX))
    try:
        with holder.connect() as busy:
            busy.execute(sa.text("SELECT 1"))
            method = copydb.copy(src, dst)
        assert method == "pg_dump | psql"
        assert fingerprint(dst.render_as_string(hide_password=False)) == fingerprint(src)
        assert _trigger_fires(dst.render_as_string(hide_password=False))
    finally:
        holder.dispose()
        copydb.drop(dst)


@pytest.mark.postgres
def test_postgres_swap_refuses_while_target_has_sessions(fresh_db):
    new, target = fresh_db("postgresql"), fresh_db("postgresql")
    _populate(new, rows=5, tag="new")
    _populate(target, rows=3, tag="old")
    before = fingerprint(target)
    holder = connect(target)
    try:
        with holder.connect() as busy:
            busy.execute(sa.text("SELECT 1"))
            with pytest.raises(copydb.DatabaseError, match="open sessions"):
                copydb.replace_database(new, target)
    finally:
        holder.dispose()
    assert fingerprint(target) == before


@pytest.mark.parametrize("engine_name", ALL_ENGINES)
def test_snapshot_writes_a_restorable_file(fresh_db, engine_name, tmp_path):
    src = fresh_db(engine_name)
    _populate(src, rows=12, tag="snap")
    out = copydb.snapshot(src, tmp_path / "share")
    assert out.exists() and out.stat().st_size > 0
    if engine_name == "sqlite":
        assert fingerprint(f"sqlite:///{out}") == fingerprint(src)
    else:
        text = out.read_text(encoding="utf-8")
        assert "child_stamp" in text and "snap12@example.com" in text


@pytest.mark.postgres
def test_postgres_replace_into_another_server_goes_through_a_dump(fresh_db, monkeypatch):
    """A target on another server (its identity differs; here ``localhost`` is made to
    answer as another cluster) is filled through a dump."""
    new, target = fresh_db("postgresql"), fresh_db("postgresql")
    _populate(new, rows=15, tag="new")
    _populate(target, rows=4, tag="old")
    elsewhere = sa.engine.make_url(target).set(host="localhost")
    identity = copydb.server_identity
    monkeypatch.setattr(copydb, "server_identity", lambda url: (
        ("another cluster",) if copydb.normalise_url(url).host == "localhost"
        else identity(url)))
    assert not copydb.same_server(new, elsewhere)
    assert copydb.replace_database(new, elsewhere) == "pg_dump | psql"
    assert fingerprint(target) == fingerprint(new)
    assert _trigger_fires(target)


def _tokenize_in_place(url: str) -> list[str]:
    """Overwrite every email (as the writer does) and return the originals."""
    engine = connect(url)
    try:
        with engine.begin() as conn:
            originals = [r[0] for r in conn.execute(sa.text("SELECT email FROM parent"))]
            conn.execute(sa.text("UPDATE parent SET email = 'tok' || id || '@token.invalid'"))
        return originals
    finally:
        engine.dispose()


def _pg_file_bytes(url: str, table: str) -> bytes:
    engine = connect(url)
    try:
        with engine.connect() as conn:
            conn.execute(sa.text("CHECKPOINT"))  # the pages on disk, not only in buffers
            path = conn.execute(sa.text(
                "SELECT current_setting('data_directory') || '/' || pg_relation_filepath(:t)"),
                {"t": table}).scalar_one()
    finally:
        engine.dispose()
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        pytest.skip(f"cannot read the PostgreSQL data files here ({type(exc).__name__})")


@pytest.mark.postgres
@pytest.mark.parametrize("clean", [False, True])
def test_postgres_clean_copy_leaves_old_row_versions_behind(fresh_db, clean):
    src = fresh_db("postgresql")
    _populate(src, rows=40, tag="secret")
    originals = _tokenize_in_place(src)
    dst = copydb.sibling(src, copydb.random_name(copydb.TMP_PREFIX))
    try:
        method = copydb.copy(src, dst, clean=clean)
        assert method == ("pg_dump | psql" if clean else "create database template")
        data = _pg_file_bytes(dst.render_as_string(hide_password=False), "parent")
    finally:
        copydb.drop(dst)
    found = sum(e.encode() in data for e in originals)
    if clean:
        assert found == 0
    else:  # the control: a TEMPLATE copy carries the dead tuples with the originals
        assert found > 0


def _sqlite_with_old_content(url: str) -> list[str]:
    """Delete rows so that their bytes stay in free pages (secure_delete off, as on
    builds without SQLITE_SECURE_DELETE); returns the deleted originals."""
    import sqlite3

    _populate(url, rows=40, tag="secret")
    path = copydb.sqlite_path(sa.engine.make_url(url))
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA secure_delete = OFF")
        originals = [r[0] for r in conn.execute("SELECT email FROM parent")]
        conn.execute("DELETE FROM child")
        conn.execute("DELETE FROM parent")
    return originals


@pytest.mark.parametrize("clean", [False, True])
def test_sqlite_clean_copy_leaves_free_pages_behind(fresh_db, clean):
    src = fresh_db("sqlite")
    originals = _sqlite_with_old_content(src)
    dst = copydb.sibling(src, "copy")
    assert copydb.copy(src, dst, clean=clean) == ("sqlite vacuum into" if clean
                                                   else "sqlite backup")
    data = copydb.sqlite_path(dst).read_bytes()
    found = sum(e.encode() in data for e in originals)
    assert (found == 0) if clean else (found > 0)  # the page copy is the control


def test_sqlite_snapshot_and_swap_leave_free_pages_behind(fresh_db, tmp_path):
    src, target = fresh_db("sqlite"), fresh_db("sqlite")
    originals = _sqlite_with_old_content(src)
    copydb.replace_database(src, target)
    for path in (copydb.snapshot(src, tmp_path / "share"),
                 copydb.sqlite_path(sa.engine.make_url(target))):
        data = path.read_bytes()
        assert not any(e.encode() in data for e in originals)


def test_same_database_by_server_identity_not_url_text(fresh_db, tmp_path):
    from piigate.copydb import same_database

    pg = fresh_db("postgresql")
    alias = pg.replace("127.0.0.1", "localhost")
    assert alias != pg and same_database(pg, alias)
    assert not same_database(pg, copydb.sibling(pg, "piigate_t_other"))
    my = fresh_db("mariadb")
    assert same_database(my, my.replace("127.0.0.1", "localhost"))
    lite = fresh_db("sqlite")
    path = lite.removeprefix("sqlite:///")
    link = tmp_path / "link.sqlite"
    link.symlink_to(path)
    assert same_database(lite, f"sqlite:///{link}")
    assert not same_database(lite, f"sqlite:///{tmp_path / 'new.sqlite'}")
