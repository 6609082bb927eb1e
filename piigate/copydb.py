"""Whole-database copies and swaps, per engine, for the local pipeline.

The pipeline never touches the source beyond reading it, and never leaves the target
half-written:

* :func:`temporary_copy` restores the source into ``piigate_tmp_<random>`` on the
  source's server (SQLite: a private temporary directory) and always drops it again,
  on success, failure and Ctrl-C.
* :func:`replace_database` builds a complete copy next to the target
  (``piigate_new_<random>``) and only then swaps it in, so the old target stays in
  place until the new one is complete; the swap itself is one atomic step per engine
  (PostgreSQL: two ``ALTER DATABASE ... RENAME`` in one transaction; MariaDB: one
  ``RENAME TABLE`` statement; SQLite: ``os.replace``).

Copies keep keys, indexes, foreign keys and triggers: SQLite through the backup API,
PostgreSQL with ``CREATE DATABASE ... TEMPLATE`` (or ``pg_dump | psql`` when the
source has other sessions or lives on another server), MariaDB with ``SHOW CREATE
TABLE`` + ``INSERT ... SELECT`` + the triggers rebuilt from ``information_schema``.

Errors never carry database output that could hold row data (``psql`` prints failing
``COPY`` lines, for example); they name the database and the step instead.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import signal
import sqlite3
import subprocess
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import sqlalchemy as sa
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL

from . import locks, tempdirs
from .db import normalise_url, safe_url
from .errors import ConfigError, DatabaseError, describe_db_error

Backend = Literal["sqlite", "postgresql", "mysql"]
Progress = Callable[[str, int, int | None], None]

TMP_PREFIX = "piigate_tmp_"
NEW_PREFIX = "piigate_new_"
OLD_PREFIX = "piigate_old_"
SNAPSHOT_FILES = ("tokenized.sqlite", "tokenized.sql")
_PG_OBJECT_IN_USE = "55006"


def _noop(label: str, done: int, total: int | None = None) -> None:
    return None


def backend(url: str | URL) -> Backend:
    """The engine family of ``url`` (``mariadb`` counts as ``mysql``)."""
    name = normalise_url(url).get_backend_name()
    return "mysql" if name in ("mysql", "mariadb") else name  # type: ignore[return-value]


def random_name(prefix: str) -> str:
    """A fresh database name such as ``piigate_tmp_3f9a0c1b2d``."""
    return prefix + secrets.token_hex(5)


def sibling(url: str | URL, name: str) -> URL:
    """The URL of database ``name`` on the same server (SQLite: the same directory)."""
    u = normalise_url(url)
    if backend(u) == "sqlite":
        return u.set(database=str(sqlite_path(u).with_name(f"{name}.sqlite")))
    return u.set(database=name)


def database_name(url: str | URL) -> str:
    u = normalise_url(url)
    if not u.database:
        raise ConfigError("the database URL names no database", field=safe_url(u))
    return u.database


def same_server(a: str | URL, b: str | URL) -> bool:
    ua, ub = normalise_url(a), normalise_url(b)
    if backend(ua) != backend(ub):
        return False
    if backend(ua) == "sqlite":
        return True
    # one login on one server, by the server's own identity (not the URL's host text)
    return ua.username == ub.username and server_identity(ua) == server_identity(ub)


def server_identity(url: str | URL) -> tuple[str, ...]:
    """Who the server says it is, whatever name or address the URL reaches it by.

    PostgreSQL: its cluster's system identifier; MariaDB/MySQL: host name, port and data
    directory; SQLite: the file's device and inode (its resolved path before it exists).
    """
    u = normalise_url(url)
    if backend(u) == "sqlite":
        path = sqlite_path(u)
        if path.exists():
            st = path.stat()
            return ("sqlite", str(st.st_dev), str(st.st_ino))
        return ("sqlite", str(path))
    with _admin(u) as conn:
        if backend(u) == "postgresql":
            row = conn.execute(sa.text("SELECT system_identifier FROM pg_control_system()")).one()
        else:
            row = conn.execute(sa.text("SELECT @@hostname, @@port, @@datadir")).one()
    return (backend(u), *map(str, row))


def same_database(a: str | URL, b: str | URL) -> bool:
    """Whether two URLs name one database, by the servers' own identity (not URL text)."""
    ua, ub = normalise_url(a), normalise_url(b)
    if backend(ua) != backend(ub):
        return False
    if backend(ua) == "sqlite":
        return server_identity(ua) == server_identity(ub)
    return ua.database == ub.database and server_identity(ua) == server_identity(ub)



# --- administration connections -------------------------------------------------------


def _admin_url(url: URL) -> URL:
    """A connection to the server that is not a connection to the database itself."""
    if backend(url) == "postgresql":
        return url.set(database="postgres")
    return url.set(database="information_schema")  # always there; set(None) is a no-op


@contextlib.contextmanager
def _admin(url: str | URL) -> Iterator[sa.Connection]:
    u = normalise_url(url)
    engine = sa.create_engine(_admin_url(u), isolation_level="AUTOCOMMIT", poolclass=sa.NullPool)
    try:
        try:
            conn = engine.connect()
        except sa_exc.SQLAlchemyError as exc:
            if backend(u) == "postgresql":  # no "postgres" database: try template1
                engine.dispose()
                engine = sa.create_engine(u.set(database="template1"),
                                          isolation_level="AUTOCOMMIT", poolclass=sa.NullPool)
                try:
                    conn = engine.connect()
                except sa_exc.SQLAlchemyError:
                    raise _db_error("cannot connect to the server", u, exc) from None
            else:
                raise _db_error("cannot connect to the server", u, exc) from None
        with conn:
            yield conn
    finally:
        engine.dispose()


def _db_error(what: str, url: str | URL, exc: BaseException) -> DatabaseError:
    # what was being done and on which database; never the driver's message
    return DatabaseError(f"{what} ({describe_db_error(exc)})", field=safe_url(url))


def _qi(conn: sa.Connection, name: str) -> str:
    return conn.dialect.identifier_preparer.quote_identifier(name)


def sqlite_path(url: URL) -> Path:
    """The resolved file of an SQLite URL (copies, swaps and "is it the source?" compare
    files); in-memory and ``file:`` URIs are refused."""
    db = url.database
    if not db or db == ":memory:" or db.startswith("file:"):
        raise ConfigError("an SQLite database must be a file for copies and swaps",
                          field=safe_url(url))
    return Path(db).resolve()


@contextlib.contextmanager
def shielded() -> Iterator[None]:
    """Let a cleanup finish: a Ctrl-C during it is held back and raised once it is done."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt


# --- existence, creation, removal -----------------------------------------------------


def exists(url: str | URL) -> bool:
    """Whether the database ``url`` names exists (SQLite: the file)."""
    u = normalise_url(url)
    kind = backend(u)
    if kind == "sqlite":
        return sqlite_path(u).exists()
    name = database_name(u)
    with _admin(u) as conn:
        if kind == "postgresql":
            q = sa.text("SELECT 1 FROM pg_database WHERE datname = :n")
        else:
            q = sa.text("SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = :n")
        return conn.execute(q, {"n": name}).first() is not None


def create_empty(url: str | URL) -> None:
    """Create an empty database (it must not exist yet)."""
    u = normalise_url(url)
    kind = backend(u)
    if kind == "sqlite":
        path = sqlite_path(u)
        path.parent.mkdir(parents=True, exist_ok=True)
        sqlite3.connect(path).close()
        return
    with _admin(u) as conn:
        name = _qi(conn, database_name(u))
        try:
            if kind == "postgresql":
                conn.execute(sa.text(f"CREATE DATABASE {name}"))
            else:
                conn.execute(sa.text(f"CREATE DATABASE {name} CHARACTER SET utf8mb4"))
        except sa_exc.SQLAlchemyError as exc:
            raise _db_error("cannot create the database", u, exc) from None


def drop(url: str | URL) -> None:
    """Drop the database if it exists (idempotent; used by every cleanup path)."""
    u = normalise_url(url)
    kind = backend(u)
    if kind == "sqlite":
        path = sqlite_path(u)
        for p in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal"))):
            p.unlink(missing_ok=True)
        if path.parent.name.startswith(TMP_PREFIX):
            shutil.rmtree(path.parent, ignore_errors=True)
        return
    with _admin(u) as conn:
        name = _qi(conn, database_name(u))
        try:
            if kind == "postgresql":
                conn.execute(sa.text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            else:
                conn.execute(sa.text(f"DROP DATABASE IF EXISTS {name}"))
        except sa_exc.SQLAlchemyError as exc:
            raise _db_error("cannot drop the database", u, exc) from None


# --- copies ---------------------------------------------------------------------------


def copy(src: str | URL, dst: str | URL, *, progress: Progress = _noop,
         clean: bool = False) -> str:
    """Copy database ``src`` into the new database ``dst``; returns the method used.

    ``dst`` must not exist. On failure the partial ``dst`` is dropped.

    ``clean``: the copy must not carry old row versions, because ``src`` was tokenized
    in place and its old versions hold the original values. A PostgreSQL ``TEMPLATE``
    copy takes the files with their dead tuples (``VACUUM FULL`` cannot be relied on:
    any long transaction on the server keeps them), and an SQLite page copy takes free
    pages with old content. Clean copies are logical: ``pg_dump | psql`` and SQLite
    ``VACUUM INTO``; MariaDB copies are logical anyway.
    """
    s, d = normalise_url(src), normalise_url(dst)
    if backend(s) != backend(d):
        raise ConfigError("source and target must be the same database engine",
                          field=f"{safe_url(s)} -> {safe_url(d)}")
    kind = backend(s)
    try:
        if kind == "sqlite":
            if clean:
                _sqlite_vacuum_into(sqlite_path(s), sqlite_path(d))
                return "sqlite vacuum into"
            _sqlite_copy(sqlite_path(s), sqlite_path(d), progress)
            return "sqlite backup"
        if kind == "postgresql":
            return _pg_copy(s, d, progress, clean)
        if not same_server(s, d):
            raise ConfigError("MariaDB/MySQL copies work within one server; use a target on "
                              "the source's server", field=safe_url(d))
        _mysql_copy(s, d, progress)
        return "show create table + insert select"
    except BaseException:
        with shielded(), contextlib.suppress(Exception):
            drop(d)
        raise


def _sqlite_copy(src: Path, dst: Path, progress: Progress) -> None:
    if not src.exists():
        raise DatabaseError("SQLite database file does not exist", file=str(src))
    if dst.exists():
        raise ConfigError("refusing to overwrite an existing file", file=str(dst))
    dst.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    target = sqlite3.connect(dst)
    try:
        def report(status: int, remaining: int, total: int) -> None:
            progress(f"copy {src.name}", total - remaining, total)

        source.backup(target, pages=1024, progress=report)
        # The copy stands alone: no WAL file that could be left behind or swapped apart.
        target.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.Error as exc:
        raise DatabaseError(f"SQLite backup failed ({describe_db_error(exc)})",
                            file=str(src)) from None
    finally:
        source.close()
        target.close()


def _sqlite_vacuum_into(src: Path, dst: Path) -> None:
    if not src.exists():
        raise DatabaseError("SQLite database file does not exist", file=str(src))
    if dst.exists():
        raise ConfigError("refusing to overwrite an existing file", file=str(dst))
    dst.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    try:
        conn.execute("VACUUM INTO ?", (str(dst),))
    except sqlite3.Error as exc:
        raise DatabaseError(f"SQLite VACUUM INTO failed ({describe_db_error(exc)})",
                            file=str(src)) from None
    finally:
        conn.close()


def _pg_copy(src: URL, dst: URL, progress: Progress, clean: bool = False) -> str:
    label = f"copy {database_name(src)}"
    progress(label, 0, 1)
    if same_server(src, dst) and not clean:
        with _admin(dst) as conn:
            try:
                conn.execute(sa.text(
                    f"CREATE DATABASE {_qi(conn, database_name(dst))} "
                    f"TEMPLATE {_qi(conn, database_name(src))}"
                ))
                progress(label, 1, 1)
                return "create database template"
            except sa_exc.DBAPIError as exc:
                if getattr(exc.orig, "sqlstate", None) != _PG_OBJECT_IN_USE:
                    raise _db_error("cannot copy the database", src, exc) from None
                # other sessions on the source: fall back to a dump, which needs none
    create_empty(dst)
    _pg_dump_restore(src, dst)
    progress(label, 1, 1)
    return "pg_dump | psql"


def _require(tool: str, package: str) -> str:
    path = shutil.which(tool)
    if path is None:
        raise ConfigError(f"{tool} is not installed (apt-get install {package})", field=tool)
    return path


def _pg_env(u: URL) -> dict[str, str]:
    env = dict(os.environ)
    if u.password:
        env["PGPASSWORD"] = str(u.password)  # never on the command line (visible in ps)
    return env


def _pg_args(u: URL) -> list[str]:
    args = ["-h", u.host or "localhost", "-p", str(u.port or 5432)]
    if u.username:
        args += ["-U", u.username]
    return args


def pg_dump_to(src: str | URL, out: Path) -> None:
    """Write a plain-SQL dump (no owners, no grants) of ``src`` to ``out``."""
    s = normalise_url(src)
    tool = _require("pg_dump", "postgresql-client")
    with open(out, "wb") as fh:
        proc = subprocess.run(
            [tool, *_pg_args(s), "--no-owner", "--no-privileges", "-d", database_name(s)],
            stdout=fh, stderr=subprocess.PIPE, env=_pg_env(s), check=False,
        )
    if proc.returncode != 0:
        raise DatabaseError(f"pg_dump failed (exit {proc.returncode})", field=safe_url(s))


def _pg_dump_restore(src: URL, dst: URL) -> None:
    dump = _require("pg_dump", "postgresql-client")
    psql = _require("psql", "postgresql-client")
    producer = subprocess.Popen(
        [dump, *_pg_args(src), "--no-owner", "--no-privileges", "-d", database_name(src)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=_pg_env(src),
    )
    try:
        consumer = subprocess.run(
            [psql, *_pg_args(dst), "-q", "-X", "-v", "ON_ERROR_STOP=1", "--single-transaction",
             "-d", database_name(dst)],
            stdin=producer.stdout, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env=_pg_env(dst), check=False,
        )
    finally:
        if producer.stdout:
            producer.stdout.close()
        code = producer.wait()
    if code != 0:
        raise DatabaseError(f"pg_dump failed (exit {code})", field=safe_url(src))
    if consumer.returncode != 0:
        raise DatabaseError(f"psql restore failed (exit {consumer.returncode})",
                            field=safe_url(dst))


@dataclass
class _Trigger:
    name: str
    table: str
    timing: str
    event: str
    statement: str
    sql_mode: str

    def create_sql(self, q: Callable[[str], str]) -> str:
        # Rebuilt from information_schema: SHOW CREATE TRIGGER repeats the statement as
        # typed, which may name the source database and would recreate it there.
        return (f"CREATE TRIGGER {q(self.name)} {self.timing} {self.event} ON {q(self.table)} "
                f"FOR EACH ROW {self.statement}")


def _mysql_triggers(conn: sa.Connection, db: str) -> list[_Trigger]:
    rows = conn.execute(sa.text(
        "SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, "
        "ACTION_STATEMENT, SQL_MODE FROM information_schema.TRIGGERS "
        "WHERE TRIGGER_SCHEMA = :db ORDER BY EVENT_OBJECT_TABLE, ACTION_TIMING, "
        "EVENT_MANIPULATION, ACTION_ORDER"), {"db": db}).all()
    return [_Trigger(*map(str, r)) for r in rows]


def _create_triggers(conn: sa.Connection, db: str, triggers: list[_Trigger]) -> None:
    conn.execute(sa.text(f"USE {_qi(conn, db)}"))
    mode = conn.execute(sa.text("SELECT @@SESSION.sql_mode")).scalar_one()
    try:
        for t in triggers:
            conn.execute(sa.text("SET SESSION sql_mode = :m"), {"m": t.sql_mode})
            conn.exec_driver_sql(t.create_sql(lambda n: _qi(conn, n)))
    finally:
        conn.execute(sa.text("SET SESSION sql_mode = :m"), {"m": mode})


def _drop_triggers(conn: sa.Connection, db: str, triggers: list[_Trigger]) -> None:
    for t in triggers:
        conn.execute(sa.text(f"DROP TRIGGER IF EXISTS {_qi(conn, db)}.{_qi(conn, t.name)}"))


def _mysql_tables(conn: sa.Connection, db: str) -> list[str]:
    rows = conn.execute(sa.text(
        "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = :db "
        "AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME"), {"db": db}).all()
    return [r[0] for r in rows]


def _mysql_copy(src: URL, dst: URL, progress: Progress) -> None:
    sdb, ddb = database_name(src), database_name(dst)
    with _admin(src) as conn:
        q = lambda n: _qi(conn, n)  # noqa: E731
        cs = conn.execute(sa.text(
            "SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME FROM "
            "information_schema.SCHEMATA WHERE SCHEMA_NAME = :db"), {"db": sdb}).first()
        if cs is None:
            raise DatabaseError("the source database does not exist", field=safe_url(src))
        try:
            conn.execute(sa.text(
                f"CREATE DATABASE {q(ddb)} CHARACTER SET {cs[0]} COLLATE {cs[1]}"))
            tables = _mysql_tables(conn, sdb)
            conn.execute(sa.text(f"USE {q(ddb)}"))
            conn.execute(sa.text("SET SESSION FOREIGN_KEY_CHECKS = 0"))
            for i, table in enumerate(tables):
                progress("copy tables", i, len(tables))
                ddl = conn.execute(sa.text(f"SHOW CREATE TABLE {q(sdb)}.{q(table)}")).one()[1]
                conn.exec_driver_sql(ddl)  # unqualified: lands in ddb, FKs point into ddb
                cols = ", ".join(q(c) for c in _mysql_writable_columns(conn, sdb, table))
                conn.execute(sa.text(
                    f"INSERT INTO {q(table)} ({cols}) SELECT {cols} FROM {q(sdb)}.{q(table)}"))
            progress("copy tables", len(tables), len(tables))
            # after the data, so that copying rows does not fire them
            _create_triggers(conn, ddb, _mysql_triggers(conn, sdb))
        except sa_exc.SQLAlchemyError as exc:
            raise _db_error("cannot copy the database", src, exc) from None
        finally:
            with contextlib.suppress(sa_exc.SQLAlchemyError):
                conn.execute(sa.text("SET SESSION FOREIGN_KEY_CHECKS = 1"))


def _mysql_writable_columns(conn: sa.Connection, db: str, table: str) -> list[str]:
    rows = conn.execute(sa.text(
        "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = :db AND "
        "TABLE_NAME = :t AND EXTRA NOT LIKE '%GENERATED%' ORDER BY ORDINAL_POSITION"),
        {"db": db, "t": table}).all()
    return [r[0] for r in rows]


@contextlib.contextmanager
def temporary_copy(src: str | URL, *, progress: Progress = _noop) -> Iterator[str]:
    """Yield the URL of a fresh copy of ``src``; it is dropped whatever happens.

    The copy is ``piigate_tmp_<random>`` on the source's server; for SQLite it is a file
    in a private (0700) temporary directory, since it holds the raw data until tokenized.
    """
    s = normalise_url(src)
    name = random_name(TMP_PREFIX)
    with contextlib.ExitStack() as stack:
        if backend(s) == "sqlite":
            tmpdir = stack.enter_context(tempdirs.owned(name + "_"))
            tmp = s.set(database=str(tmpdir / f"{name}.sqlite"))
        else:
            stack.enter_context(_owner_lock(s, name))
            tmp = sibling(s, name)
        try:
            copy(s, tmp, progress=progress)
            yield tmp.render_as_string(hide_password=False)
        finally:
            with shielded():
                drop(tmp)


_TMP_NAME = re.compile(rf"^{TMP_PREFIX}[0-9a-f]{{10}}$")


@contextlib.contextmanager
def _owner_lock(url: URL, name: str) -> Iterator[bool]:
    """Hold the owner lock of temporary copy ``name``; yields whether it was free. The
    server drops the lock with the connection, so a killed run's copies have no owner."""
    with _admin(url) as conn, locks.server_lock(conn, name) as got:
        yield got


def sweep_temporaries(src: str | URL) -> list[str]:
    """Drop the temporary copies of crashed runs (they hold raw source data): on the
    source's server, databases named like ours whose owner lock is free; for SQLite,
    the private folders whose owner is gone. Returns what was removed."""
    s = normalise_url(src)
    if backend(s) == "sqlite":
        return [p.name for p in tempdirs.sweep(TMP_PREFIX)]
    with _admin(s) as conn:
        if backend(s) == "postgresql":
            rows = conn.execute(sa.text("SELECT datname FROM pg_database")).all()
        else:
            rows = conn.execute(sa.text("SHOW DATABASES")).all()
    removed = []
    for (name,) in rows:
        if not _TMP_NAME.match(str(name)):
            continue
        with _owner_lock(s, name) as free:
            if free:
                drop(sibling(s, name))
                removed.append(name)
    return removed


# --- the swap -------------------------------------------------------------------------


def replace_database(new: str | URL, target: str | URL, *, progress: Progress = _noop) -> str:
    """Make ``target`` a clean copy of ``new``; the old target stays until the swap.

    The copy is logical (see :func:`copy`, ``clean``), so no old row version of ``new``
    reaches the target. ``new`` is left as it is (the caller drops it). Returns the
    copy method used.
    """
    n, t = normalise_url(new), normalise_url(target)
    staging = sibling(t, random_name(NEW_PREFIX))
    try:
        method = copy(n, staging, progress=progress, clean=True)
        progress("swap", 0, 1)
        _swap(staging, t)
        progress("swap", 1, 1)
        return method
    finally:
        with shielded():
            drop(staging)


def _swap(staging: URL, target: URL) -> None:
    kind = backend(target)
    if kind == "sqlite":
        _sqlite_swap(sqlite_path(staging), sqlite_path(target))
    elif kind == "postgresql":
        _pg_swap(staging, target)
    else:
        _mysql_swap(staging, target)


def _sqlite_swap(staging: Path, target: Path) -> None:
    if target.exists():
        # Fold a WAL into the old file so no stale -wal is paired with the new one.
        with contextlib.closing(sqlite3.connect(target)) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    os.replace(staging, target)
    for suffix in ("-wal", "-shm"):
        target.with_name(target.name + suffix).unlink(missing_ok=True)


def _pg_swap(staging: URL, target: URL) -> None:
    new, name = database_name(staging), database_name(target)
    old = random_name(OLD_PREFIX)
    had_target = exists(target)
    with _admin(target) as conn:
        q = lambda n: _qi(conn, n)  # noqa: E731
        try:
            # Both renames in one transaction: the target is never missing.
            # (explicit BEGIN/COMMIT: the admin connection is in autocommit mode)
            conn.exec_driver_sql("BEGIN")
            if had_target:
                conn.execute(sa.text(f"ALTER DATABASE {q(name)} RENAME TO {q(old)}"))
            conn.execute(sa.text(f"ALTER DATABASE {q(new)} RENAME TO {q(name)}"))
            conn.exec_driver_sql("COMMIT")
        except sa_exc.DBAPIError as exc:
            with contextlib.suppress(sa_exc.SQLAlchemyError):
                conn.exec_driver_sql("ROLLBACK")
            if getattr(exc.orig, "sqlstate", None) == _PG_OBJECT_IN_USE:
                raise DatabaseError("the target database has open sessions; close them and "
                                    "run again (the target is unchanged)",
                                    field=safe_url(target)) from None
            raise _db_error("cannot swap the new database in", target, exc) from None
    if had_target:
        drop(target.set(database=old))


def _mysql_swap(staging: URL, target: URL) -> None:
    new, name = database_name(staging), database_name(target)
    old = random_name(OLD_PREFIX)
    with _admin(target) as conn:
        q = lambda n: _qi(conn, n)  # noqa: E731
        had_target = conn.execute(sa.text(
            "SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = :n"),
            {"n": name}).first() is not None
        if not had_target:
            conn.execute(sa.text(f"CREATE DATABASE {q(name)} CHARACTER SET utf8mb4"))
        conn.execute(sa.text(f"CREATE DATABASE {q(old)} CHARACTER SET utf8mb4"))
        try:
            # RENAME TABLE refuses to move a table with triggers to another database:
            # take them off and put the new ones back on after the swap.
            new_triggers = _mysql_triggers(conn, new)
            old_triggers = _mysql_triggers(conn, name)
            _drop_triggers(conn, new, new_triggers)
            _drop_triggers(conn, name, old_triggers)
            moves = [f"{q(name)}.{q(t)} TO {q(old)}.{q(t)}" for t in _mysql_tables(conn, name)]
            moves += [f"{q(new)}.{q(t)} TO {q(name)}.{q(t)}" for t in _mysql_tables(conn, new)]
            try:
                conn.execute(sa.text("RENAME TABLE " + ", ".join(moves)))  # atomic
            except BaseException:
                _create_triggers(conn, name, old_triggers)
                raise
            _create_triggers(conn, name, new_triggers)
        except sa_exc.SQLAlchemyError as exc:
            raise _db_error("cannot swap the new database in", target, exc) from None
        finally:
            conn.execute(sa.text(f"DROP DATABASE IF EXISTS {q(old)}"))


# --- share ---------------------------------------------------------------------------


def snapshot(src: str | URL, out_dir: Path) -> Path:
    """Write a portable, logical copy of ``src`` into ``out_dir``; returns the file.

    SQLite: a database file made by ``VACUUM INTO``; PostgreSQL: a plain-SQL
    ``pg_dump``; MariaDB: a ``mariadb-dump`` with triggers and routines. None of them
    carries old row versions.
    """
    s = normalise_url(src)
    kind = backend(s)
    out_dir.mkdir(parents=True, exist_ok=True)
    if kind == "sqlite":
        out = out_dir / "tokenized.sqlite"
        out.unlink(missing_ok=True)
        _sqlite_vacuum_into(sqlite_path(s), out)  # no free pages with old content
        return out
    out = out_dir / "tokenized.sql"
    if kind == "postgresql":
        pg_dump_to(s, out)
        return out
    tool = shutil.which("mariadb-dump") or _require("mysqldump", "mariadb-client")
    args = [tool, "-h", s.host or "localhost", "-P", str(s.port or 3306),
            "--single-transaction", "--routines", "--triggers", "--skip-comments"]
    if s.username:
        args += ["-u", s.username]
    env = dict(os.environ)
    if s.password:
        env["MYSQL_PWD"] = str(s.password)
    with open(out, "wb") as fh:
        proc = subprocess.run([*args, database_name(s)], stdout=fh, stderr=subprocess.PIPE,
                              env=env, check=False)
    if proc.returncode != 0:
        raise DatabaseError(f"mariadb-dump failed (exit {proc.returncode})", field=safe_url(s))
    return out
