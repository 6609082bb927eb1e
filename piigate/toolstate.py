"""PII Gate's own state inside a database: which tables are ours, the run record, a lock.

User tables are told from ours by registration, never by name: every table the tool
creates (value maps, the record of applied groups, tables built aside) is registered in
``piigate_state`` *before* it is created, so a user table called ``piigate_backup`` or
even ``piigate_map_x`` is reflected, scanned, checked and verified like any other. The
state table itself is recognised by a marker row; a user table that merely has its name
is refused, naming it (fail closed).

The same table carries the run record: which schema (hash), which run, which secret
(key check value) tokenized the database and whether that run finished. It rides along
with the data on purpose: a tokenized copy says what was done to it, and
``tokenize`` refuses to run twice. Registered tables never ride along: ``verify``, the
pipeline's share and the AWS snapshot step refuse a database that still holds any
(:func:`assert_clean`).

A lock keeps two ``tokenize`` runs apart: a PostgreSQL advisory lock, a MariaDB named
lock, a ``flock`` on a file beside a SQLite database. All three end with the process
that holds them, which is how a crashed run is told from a running one: whoever gets
the lock may sweep what is registered.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

import sqlalchemy as sa
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Connection, Engine

from . import locks
from .errors import DatabaseError, PiiGateError, describe_db_error

STATE_TABLE = "piigate_state"
_MARKER = "__piigate_state__"
_MARKER_DOC = "piigate-state/v1"
_LOCK_NAME = "piigate:tokenize"
_LOCK_WAIT_SECONDS = 5

Kind = Literal["work", "progress"]


class StateError(PiiGateError):
    """The database is in a state the operation must not run on (exit 3)."""

    exit_code = 3


@dataclass
class RunRecord:
    """What was done to a database: never a key, a value or a secret."""

    run_id: str
    schema_hash: str
    key_check: str
    state: Literal["started", "done"]
    started_at: str
    finished_at: str | None = None
    tool_version: str | None = None

    def describe(self) -> str:
        when = self.finished_at or self.started_at
        return f"run {self.run_id}, schema {self.schema_hash[:19]}…, {self.state} at {when}"


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _table() -> sa.Table:
    return sa.Table(
        STATE_TABLE, sa.MetaData(),
        sa.Column("name", sa.String(128), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("run_tag", sa.String(64), nullable=True),
        sa.Column("doc", sa.Text, nullable=True),
        mysql_engine="InnoDB",
    )


def _has_table(conn: Connection, name: str) -> bool:
    return sa.inspect(conn).has_table(name)


def _status(conn: Connection) -> Literal["absent", "ours", "foreign"]:
    """Whether ``piigate_state`` is missing, ours, or a user table of that name."""
    if not _has_table(conn, STATE_TABLE):
        return "absent"
    t = _table()
    try:
        cols = {c["name"] for c in sa.inspect(conn).get_columns(STATE_TABLE)}
        if cols != {c.name for c in t.columns}:
            return "foreign"
        marker = conn.execute(
            sa.select(t.c.doc).where(t.c.name == _MARKER, t.c.kind == "marker")
        ).scalar_one_or_none()
    except sa_exc.SQLAlchemyError as exc:
        raise DatabaseError(f"cannot read {STATE_TABLE} ({describe_db_error(exc)})",
                            table=STATE_TABLE) from None
    return "ours" if marker == _MARKER_DOC else "foreign"


def _is_ours(conn: Connection) -> bool:
    """Whether our state table exists; a user table of that name is refused (we would
    otherwise write into it or read it as ours)."""
    status = _status(conn)
    if status == "foreign":
        raise StateError(
            "a user table has the name PII Gate keeps its own state under; rename it, "
            "then run again (it is scanned and masked like any other table)",
            table=STATE_TABLE,
        )
    return status == "ours"


def own_tables(conn: Connection) -> set[str]:
    """The tables reflection must leave out: the state table and what it registers.
    A user table that only has the state table's name is not ours: it is reflected."""
    if _status(conn) != "ours":
        return set()
    t = _table()
    names = {r[0] for r in conn.execute(sa.select(t.c.name).where(t.c.kind.in_(
        ("work", "progress"))))}
    return names | {STATE_TABLE}


def ensure(conn: Connection) -> None:
    """Create the state table (with its marker) unless it exists; the caller commits."""
    if _is_ours(conn):
        return
    t = _table()
    t.create(conn)
    conn.execute(t.insert().values(name=_MARKER, kind="marker", doc=_MARKER_DOC))


def register(conn: Connection, names: list[str], kind: Kind, run_tag: str) -> None:
    """Record tables as ours before they are created (so a crash in between leaves a
    registration whose table does not exist, never a table nobody knows). Commits."""
    ensure(conn)
    t = _table()
    known = {r[0] for r in conn.execute(sa.select(t.c.name).where(t.c.name.in_(names)))}
    rows = [{"name": n, "kind": kind, "run_tag": run_tag, "doc": None}
            for n in names if n not in known]
    if rows:
        conn.execute(t.insert(), rows)
    conn.commit()


def unregister(conn: Connection, names: list[str]) -> None:
    """Forget tables after they were dropped (the caller commits)."""
    if names and _is_ours(conn):
        t = _table()
        conn.execute(t.delete().where(t.c.name.in_(names), t.c.kind.in_(("work", "progress"))))


def leftovers(conn: Connection, kinds: tuple[str, ...] = ("work", "progress"),
              run_tag: str | None = None) -> list[str]:
    """Registered tables that exist (sorted); optionally of one run only."""
    if not _is_ours(conn):
        return []
    t = _table()
    q = sa.select(t.c.name).where(t.c.kind.in_(kinds))
    if run_tag is not None:
        q = q.where(t.c.run_tag == run_tag)
    names = [r[0] for r in conn.execute(q)]
    insp = sa.inspect(conn)
    return sorted(n for n in names if insp.has_table(n))


def drop_registered(conn: Connection, names: list[str]) -> None:
    """Drop registered tables and forget them; refuses a name that is not registered."""
    if not names:
        return
    t = _table()
    registered = {r[0] for r in conn.execute(
        sa.select(t.c.name).where(t.c.name.in_(names), t.c.kind.in_(("work", "progress"))))}
    q = conn.dialect.identifier_preparer.quote_identifier
    for name in names:
        if name not in registered:
            raise StateError("refusing to drop a table PII Gate did not create", table=name)
        conn.execute(sa.text(f"DROP TABLE IF EXISTS {q(name)}"))
    unregister(conn, names)
    conn.commit()


def drop_run(conn: Connection, run_tag: str, kinds: tuple[str, ...] = ("work", "progress")
             ) -> None:
    """Drop and forget every registered table of one run (of the given kinds)."""
    if not _is_ours(conn):
        return
    t = _table()
    names = [r[0] for r in conn.execute(
        sa.select(t.c.name).where(t.c.run_tag == run_tag, t.c.kind.in_(kinds)))]
    drop_registered(conn, names)


def sweep(conn: Connection, keep_run_tag: str | None = None) -> list[str]:
    """Drop what a crashed run left (call only while holding :func:`lock`).

    Every table of other runs goes (value maps hold originals beside tokens); those of
    ``keep_run_tag``, the run about to start or resume, stay: it rebuilds its maps and
    keeps its record of applied groups.
    """
    if not _is_ours(conn):
        return []
    t = _table()
    rows = conn.execute(sa.select(t.c.name, t.c.kind, t.c.run_tag).where(
        t.c.kind.in_(("work", "progress")))).all()
    names = [r.name for r in rows if not (keep_run_tag and r.run_tag == keep_run_tag)]
    drop_registered(conn, names)
    return sorted(names)


def read_record(conn: Connection) -> RunRecord | None:
    if not _is_ours(conn):
        return None
    t = _table()
    doc = conn.execute(sa.select(t.c.doc).where(t.c.name == "record", t.c.kind == "record")
                       ).scalar_one_or_none()
    if doc is None:
        return None
    try:
        return RunRecord(**json.loads(doc))
    except (ValueError, TypeError):
        raise StateError("the run record is unreadable; restore a fresh copy",
                         table=STATE_TABLE) from None


def write_record(conn: Connection, record: RunRecord) -> None:
    """Write the run record (commits)."""
    ensure(conn)
    t = _table()
    doc = json.dumps(asdict(record), sort_keys=True)
    conn.execute(t.delete().where(t.c.name == "record"))
    conn.execute(t.insert().values(name="record", kind="record", run_tag=None, doc=doc))
    conn.commit()


def write_note(conn: Connection, name: str, text: str) -> None:
    """A small note of ours (e.g. "this database was made by the demo"); commits."""
    ensure(conn)
    t = _table()
    key = f"note:{name}"
    conn.execute(t.delete().where(t.c.name == key))
    conn.execute(t.insert().values(name=key, kind="note", run_tag=None, doc=text))
    conn.commit()


def read_note(conn: Connection, name: str) -> str | None:
    if _status(conn) != "ours":
        return None
    t = _table()
    return conn.execute(sa.select(t.c.doc).where(t.c.name == f"note:{name}", t.c.kind == "note")
                        ).scalar_one_or_none()


def assert_clean(engine: Engine, *, doing: str) -> RunRecord | None:
    """Refuse a database that holds anything with original values of ours, or whose
    tokenize did not finish; return its run record (None if it has none)."""
    with engine.connect() as conn:
        left = leftovers(conn)
        record = read_record(conn)
    if left:
        raise StateError(
            f"cannot {doing}: PII Gate work tables are left from an interrupted run "
            f"({', '.join(left)}); they hold original values. Run `piigate tokenize` again "
            "(it removes them first) or restore a fresh copy",
            table=left[0],
        )
    if record is not None and record.state != "done":
        raise StateError(
            f"cannot {doing}: tokenize started on this database but did not finish "
            f"({record.describe()}); run it again with the same schema and secret",
            table=STATE_TABLE,
        )
    return record


# -- the lock ---------------------------------------------------------------------------


@contextlib.contextmanager
def lock(engine: Engine) -> Iterator[None]:
    """Hold the database's tokenize lock; :class:`StateError` if another run holds it."""
    if engine.dialect.name == "sqlite":
        db = engine.url.database
        if not db or db == ":memory:" or db.startswith("file:"):
            yield  # nothing another process could share
            return
        with locks.file_lock(Path(db).with_name(Path(db).name + ".piigate-lock")) as got:
            if not got:
                raise _busy()
            yield
        return
    with engine.connect() as conn:
        name = _LOCK_NAME
        if engine.dialect.name != "postgresql":  # MariaDB's named locks are server-wide
            name += f":{conn.execute(sa.text('SELECT DATABASE()')).scalar()}"
        with locks.server_lock(conn, name, wait_seconds=_LOCK_WAIT_SECONDS) as got:
            if not got:
                raise _busy()
            yield


def _busy() -> StateError:
    return StateError("another tokenize is running on this database (it holds the lock); "
                      "nothing was changed")
