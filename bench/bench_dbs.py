"""Databases for the tokenization benchmark: one generated template, one fresh copy per run.

Every contender must start from the same data, so the employees shape is generated once
per engine and size (the template) and each contender gets a copy made outside its
timed section: a file copy on SQLite, ``CREATE DATABASE ... TEMPLATE`` on PostgreSQL,
and the sample's DDL plus ``INSERT ... SELECT`` on MariaDB (``CREATE TABLE ... LIKE``
would lose the foreign keys there, and ours needs them to find the key domain).

Only databases named ``piigate_bench_*`` are ever created or dropped.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from piigate import sample
from piigate.db import normalise_url

SERVER_URLS = {
    "postgresql": "postgresql://postgres@127.0.0.1:5432/{db}",
    "mariadb": "mysql://root@127.0.0.1:3306/{db}",
}
ADMIN_DB = {"postgresql": "postgres", "mariadb": ""}
PREFIX = "piigate_bench_"
# The tables the seed's schema touches, in the seed's order; departments is left alone.
BENCH_TABLES = ("dept_emp", "dept_manager", "titles", "employees", "salaries")
ALL_TABLES = ("employees", "departments", "dept_emp", "dept_manager", "titles", "salaries")
CHILD_TABLES = ("dept_emp", "dept_manager", "titles", "salaries")
# Row counts of the original MySQL employees sample, to compare the generator against.
FULL_SIZE_COUNTS = {
    "employees": 300_024,
    "departments": 9,
    "dept_emp": 331_603,
    "dept_manager": 24,
    "titles": 443_308,
    "salaries": 2_844_047,
}


@dataclass(frozen=True)
class BenchDb:
    """One database of the benchmark: its engine, name and URL."""

    engine: str  # sqlite | postgresql | mariadb
    name: str
    url: str


def _check_name(name: str) -> None:
    if not name.startswith(PREFIX) or not name.replace("_", "").isalnum():
        raise ValueError(f"refusing to touch a database not named {PREFIX}*: {name!r}")


def db_for(engine: str, name: str, workdir: Path) -> BenchDb:
    """The database ``name`` on ``engine`` (a file under ``workdir`` for SQLite)."""
    _check_name(name)
    if engine == "sqlite":
        return BenchDb(engine, name, f"sqlite:///{workdir / (name + '.sqlite')}")
    return BenchDb(engine, name, SERVER_URLS[engine].format(db=name))


def _admin(engine: str) -> sa.Engine:
    url = normalise_url(SERVER_URLS[engine].format(db=ADMIN_DB[engine]))
    return sa.create_engine(url, isolation_level="AUTOCOMMIT")


def _sqlite_path(db: BenchDb) -> Path:
    return Path(db.url.removeprefix("sqlite:///"))


def exists(db: BenchDb) -> bool:
    if db.engine == "sqlite":
        return _sqlite_path(db).exists()
    admin = _admin(db.engine)
    try:
        with admin.connect() as c:
            if db.engine == "postgresql":
                q = "SELECT 1 FROM pg_database WHERE datname = :n"
            else:
                q = "SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = :n"
            return c.execute(sa.text(q), {"n": db.name}).first() is not None
    finally:
        admin.dispose()


def drop(db: BenchDb) -> None:
    """Drop the database if it exists (only ``piigate_bench_*``)."""
    _check_name(db.name)
    if db.engine == "sqlite":
        _sqlite_path(db).unlink(missing_ok=True)
        return
    admin = _admin(db.engine)
    try:
        with admin.connect() as c:
            if db.engine == "postgresql":
                c.execute(sa.text(f'DROP DATABASE IF EXISTS "{db.name}" WITH (FORCE)'))
            else:
                c.execute(sa.text(f"DROP DATABASE IF EXISTS `{db.name}`"))
    finally:
        admin.dispose()


def create_empty(db: BenchDb) -> None:
    """A new empty database (dropping a leftover of the same name first)."""
    drop(db)
    if db.engine == "sqlite":
        _sqlite_path(db).parent.mkdir(parents=True, exist_ok=True)
        sa.create_engine(db.url).connect().close()
        return
    admin = _admin(db.engine)
    try:
        with admin.connect() as c:
            if db.engine == "postgresql":
                c.execute(sa.text(f'CREATE DATABASE "{db.name}"'))
            else:
                c.execute(sa.text(f"CREATE DATABASE `{db.name}` CHARACTER SET utf8mb4"))
    finally:
        admin.dispose()


def generate(db: BenchDb, employees: int) -> dict[str, int]:
    """Create ``db`` and load the employees shape (no extras); returns rows per table."""
    create_empty(db)
    eng = sa.create_engine(normalise_url(db.url))
    try:
        counts = sample.create(eng, employees, extras=False)
        if db.engine == "postgresql":
            with eng.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
                c.execute(sa.text("ANALYZE"))  # copies made from the template inherit stats
    finally:
        eng.dispose()
    return counts


def ensure_data(db: BenchDb, employees: int, reuse: bool) -> tuple[dict[str, int], float | None]:
    """The template's row counts, generating it unless ``reuse`` finds it complete."""
    if reuse and exists(db):
        try:
            found = counts(db)
            if found["employees"] == employees:
                return found, None
        except Exception:  # noqa: BLE001 - an incomplete template is regenerated
            pass
    t0 = time.perf_counter()
    made = generate(db, employees)
    return made, time.perf_counter() - t0


def clone(src: BenchDb, dst: BenchDb) -> None:
    """A fresh copy of ``src`` as ``dst`` with the same DDL, keys and data."""
    if src.engine == "sqlite":
        drop(dst)
        shutil.copyfile(_sqlite_path(src), _sqlite_path(dst))
        return
    if src.engine == "postgresql":
        drop(dst)
        admin = _admin("postgresql")
        try:
            with admin.connect() as c:
                c.execute(sa.text(f'CREATE DATABASE "{dst.name}" TEMPLATE "{src.name}"'))
        finally:
            admin.dispose()
        return
    create_empty(dst)
    eng = sa.create_engine(normalise_url(dst.url))
    try:
        sample.metadata(extras=False).create_all(eng)
        with eng.begin() as c:
            c.execute(sa.text("SET FOREIGN_KEY_CHECKS = 0"))
            for t in ALL_TABLES:
                src_t, dst_t = f"`{src.name}`.`{t}`", f"`{dst.name}`.`{t}`"
                c.execute(sa.text(f"INSERT INTO {dst_t} SELECT * FROM {src_t}"))
    finally:
        eng.dispose()


def _q(engine: str, name: str) -> str:
    return f"`{name}`" if engine == "mariadb" else f'"{name}"'


def counts(db: BenchDb, tables: tuple[str, ...] = ALL_TABLES) -> dict[str, int]:
    eng = sa.create_engine(normalise_url(db.url))
    try:
        with eng.connect() as c:
            return {
                t: int(c.execute(sa.text(f"SELECT count(*) FROM {_q(db.engine, t)}")).scalar_one())
                for t in tables
            }
    finally:
        eng.dispose()


def digests(db: BenchDb, tables: tuple[str, ...] = ALL_TABLES) -> dict[str, str]:
    """Per table: row count and an order-independent sum of row hashes, computed by the
    server (the same rows give the same digest whatever order they were written in)."""
    eng = sa.create_engine(normalise_url(db.url))
    out: dict[str, str] = {}
    try:
        with eng.connect() as c:
            for t in tables:
                if db.engine == "postgresql":
                    sql = (f"SELECT count(*), sum(('x' || substr(md5(r::text), 1, 15))"
                           f"::bit(60)::bigint) FROM {_q(db.engine, t)} r")
                elif db.engine == "mariadb":
                    table = _q(db.engine, t)
                    cols = [r[0] for r in c.execute(sa.text(f"SHOW COLUMNS FROM {table}"))]
                    row = ", ".join(f"COALESCE({_q(db.engine, col)}, 'NULL~')" for col in cols)
                    # CONV gives text, which SUM would add as a double (inexact at
                    # 2.8M rows of 60 bits): unsigned integers sum as an exact DECIMAL
                    sql = (f"SELECT count(*), SUM(CAST(CONV(SUBSTRING(MD5(CONCAT_WS('|', "
                           f"{row})), 1, 15), 16, 10) AS UNSIGNED)) FROM {table}")
                else:
                    raise ValueError(f"no server-side digest for {db.engine}")
                n, total = c.execute(sa.text(sql)).one()
                out[t] = f"{n}:{total}"
        return out
    finally:
        eng.dispose()


def integrity(db: BenchDb) -> dict[str, object]:
    """After a run: foreign keys still declared, and rows whose emp_no joins no employee.

    Orphans count broken joins whatever happened to the declared constraints; the
    number of declared foreign keys shows what a rebuild kept.
    """
    eng = sa.create_engine(normalise_url(db.url))
    try:
        insp = sa.inspect(eng)
        fks = sum(len(insp.get_foreign_keys(t)) for t in ALL_TABLES)
        orphans: dict[str, int] = {}
        with eng.connect() as c:
            for t in CHILD_TABLES:
                q = (
                    f"SELECT count(*) FROM {_q(db.engine, t)} x WHERE NOT EXISTS "
                    f"(SELECT 1 FROM {_q(db.engine, 'employees')} e WHERE e.emp_no = x.emp_no)"
                )
                orphans[t] = int(c.execute(sa.text(q)).scalar_one())
        return {"foreign_keys": fks, "orphans": orphans}
    finally:
        eng.dispose()


def server_version(engine: str) -> str:
    if engine == "sqlite":
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version}"
    admin = _admin(engine)
    try:
        with admin.connect() as c:
            v = str(c.execute(sa.text("SELECT version()")).scalar_one())
        return v.split(" on ")[0] if engine == "postgresql" else f"MariaDB {v}"
    finally:
        admin.dispose()
