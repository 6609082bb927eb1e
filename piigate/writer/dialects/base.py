"""What differs between engines, as one interface with the defaults most engines share.

The writer joins each masked column to a work table (``piigate_map_<n>``: key -> new
value). Everything that differs between SQLite, PostgreSQL and MariaDB lives in this
package (one module per engine), so the rest of the writer reads the same on all three:

- how a column value is turned into an exact join key (MariaDB's default collations
  ignore case and trailing spaces, so text is keyed by the MD5 of its exact UTF-8
  bytes; PostgreSQL's ``json`` has no equality, so it is compared as text);
- how an UPDATE joined to the work table is spelled (``UPDATE .. FROM`` on PostgreSQL
  and SQLite >= 3.33, ``UPDATE .. JOIN`` on MariaDB), and a parking value;
- how work tables are filled fast (driver ``executemany``, ``COPY``, literal INSERTs);
- how foreign keys are set aside and checked, sequences moved, and tables rebuilt.

The defaults here are the SQL that SQLite and PostgreSQL share; the engine modules
override what they do differently.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import Any, ClassVar

import sqlalchemy as sa
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Connection, Engine

from ...db import ForeignKey, quote
from ..names import OLD_PREFIX

# kinds that are joined through a text key
TEXT_KINDS = frozenset({"text", "json"})

# (table, foreign key name or None) of a foreign key that does not hold
Broken = tuple[str, "str | None"]


@dataclass
class WorkRows:
    """Rows for a work table: tuples in the order of ``names`` (300,000 keys: a dict a
    row cost more than the insert)."""

    names: tuple[str, ...]
    rows: list[tuple[Any, ...]]

    def dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.names, r, strict=True)) for r in self.rows]


@dataclass
class RowsSelect:
    """A table's rows as they will be: column list, SELECT expressions, joins."""

    columns: list[str]
    exprs: list[str]
    joins: list[str]
    params: dict[str, Any]
    order: list[int]  # positions of the primary key, when a masked column is part of it
    # the leading key's work table and the join to the table, when the rows are read
    # through it (Rebuilder._leads): ("<work> AS m0 STRAIGHT_JOIN", "m0.k = <key>")
    lead: tuple[str, str] | None = None

    def sql(self, source: str, ordered: bool = False, where: str = "") -> str:
        """``SELECT`` reading ``source`` (aliased as the table's own name); ``ordered``
        sorts by the new primary key, so a clustered index is filled in order instead of
        being split at random (MariaDB: 16 s instead of 26 s for ``salaries``);
        ``where``: the rows of one work unit (a primary-key range)."""
        if self.lead:
            source = f"{self.lead[0]} {source} ON {self.lead[1]}"
        return (f"SELECT {', '.join(self.exprs)} FROM {source}"
                + "".join(f" {j}" for j in self.joins)
                + (f" WHERE {where}" if where else "") + self.order_by(ordered))

    def order_by(self, ordered: bool = True) -> str:
        """The new-key order, by position (the same for a stage table's own columns)."""
        return f" ORDER BY {', '.join(map(str, self.order))}" if ordered and self.order else ""


@dataclass
class SavedForeignKey:
    """A foreign key dropped for the group, with its exact definition to re-add."""

    name: str
    table: str
    definition: str


def dbapi_cursor(conn: Connection, name: str | None = None) -> Any:
    """The driver's own cursor, inside a transaction so that the caller's commit()
    commits the driver's rows too; ``name``: a server-side cursor of that name."""
    if not conn.in_transaction():
        conn.begin()
    dbapi = conn.connection.dbapi_connection
    assert dbapi is not None  # an open connection
    return dbapi.cursor(name) if name else dbapi.cursor()


class Dialect:
    """SQL and procedures of one engine for the writer (pick one with ``dialect_for``)."""

    name: ClassVar[str] = ""
    # fill work tables through one connection (SQLite: one writer lock per database)
    one_connection: ClassVar[bool] = False
    # the name of a server-side cursor for long reads (None: the driver's plain cursor)
    stream_cursor: ClassVar[str | None] = None
    # the driver takes text work rows as they are (no SQLAlchemy type processing)
    raw_text: ClassVar[bool] = False
    # DDL commits implicitly: a group is rebuilt aside and swapped in (MariaDB)
    rebuilds_aside: ClassVar[bool] = False
    # the join that reads a rebuild's rows in the order of its first table (a work
    # table driving the lookups into the rebuilt table: Rebuilder._leads); "" : never
    driving_join: ClassVar[str] = ""
    # rebuilding drops every foreign key of the group's tables, re-added in one check
    rebuild_drops_foreign_keys: ClassVar[bool] = False
    # prefix of the scratch table :meth:`rebuild_table` uses (piigate.writer.names)
    rebuild_scratch: ClassVar[str] = OLD_PREFIX

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # -- names -------------------------------------------------------------------------
    def q(self, name: str) -> str:
        return quote(self.engine, name)

    def col(self, table: str, column: str) -> str:
        return f"{self.q(table)}.{self.q(column)}"

    # -- keys --------------------------------------------------------------------------
    def select_expr(self, expr: str, kind: str) -> str:
        """What the writer reads for a column: exact, distinct-able, decodable."""
        return expr

    def key_expr(self, expr: str, kind: str, key_len: int | None = None) -> str:
        """The join key of a column value; equals :meth:`py_key` of the value read.
        ``key_len``: the longest text value in characters, when it is short enough to
        key by (:attr:`Work.key_len`; None: unbounded or not text)."""
        return self.select_expr(expr, kind)

    def decode(self, value: Any, kind: str) -> Any:
        """A value read through :meth:`select_expr` as the transform expects it."""
        if kind in TEXT_KINDS and isinstance(value, (bytes, bytearray, memoryview)):
            return bytes(value).decode("utf-8")
        return value

    def py_key(self, value: Any, kind: str, key_len: int | None = None) -> Any:
        """The work-table key of a decoded value (see :meth:`key_expr`)."""
        return value

    def key_type(self, kind: str, col_type: sa.types.TypeEngine[Any], big: bool,
                 key_len: int | None = None) -> sa.types.TypeEngine[Any]:
        if kind == "integer":
            return sa.Numeric(20, 0) if big else sa.BigInteger()
        if kind in TEXT_KINDS:
            return sa.Text()
        return col_type

    def new_type(self, kind: str, col_type: sa.types.TypeEngine[Any], big: bool,
                 length: int | None = None) -> sa.types.TypeEngine[Any]:
        """The work table's new-value column (``length``: the longest column of the
        domain, None when one is unbounded)."""
        if kind in TEXT_KINDS:
            return sa.Text()
        return self.key_type(kind, col_type, big)

    def set_expr(self, new: str, kind: str, sql_type: str) -> str:
        """The value assigned from the work table."""
        return new

    def join_old(self, expr: str, kind: str) -> str:
        """A column's old value beside work-table values in one COALESCE."""
        return expr

    def unique_by(self, kind: str) -> str:
        """The work-table expression whose duplicates are a unique-key clash."""
        return "new"

    def range_expr(self, expr: str, kind: str) -> str:
        """A column value as work units split a key domain into ranges: one order for
        every column of the domain whatever its collation, so each value falls in
        exactly one range (SQLite: its binary collation)."""
        return f"({expr} COLLATE BINARY)" if kind in TEXT_KINDS else expr

    # -- parking -----------------------------------------------------------------------
    def park_text(self, prefix: str, id_expr: str, width: int | None = None) -> str:
        """A parking value as text; ``width``: the id zero-padded to that many digits."""
        if width is not None:
            return f"('{prefix}' || printf('%0{width}d', {id_expr}))"
        return f"('{prefix}' || CAST({id_expr} AS TEXT))"

    def text_cmp(self, expr: str) -> str:
        """A text column as plain text."""
        return expr

    # -- statements --------------------------------------------------------------------
    def update_join(self, table: str, column: str, work: str, on: str, value: str,
                    where: list[str]) -> str:
        """UPDATE ``table`` SET ``column`` = ``value`` for rows joined to ``work`` (as m)."""
        t, c, m = self.q(table), self.q(column), self.q(work)
        cond = " AND ".join(where)
        return (f"UPDATE {t} SET {c} = {value} FROM {m} AS m WHERE {on}"
                + (f" AND {cond}" if cond else ""))

    def mark_parked(self, work: str, old: str, new: str) -> str:
        """Flag work rows whose old key is also some row's new key (a permutation)."""
        m = self.q(work)
        return f"UPDATE {m} SET parked = 1 WHERE {old} IN (SELECT {new} FROM {m})"

    # -- work tables -------------------------------------------------------------------
    def analyze(self, conn: Connection, table: str) -> None:
        """Fresh statistics for a filled work table, where the planner needs them."""

    def distinct_ints(self, conn: Connection, query: str,
                      params: dict[str, Any], chunk: int) -> Generator[list[Any], None, None]:
        """The values of ``query`` (column ``k``, an integer column) ``chunk`` at a time,
        as the driver returns them: no SQLAlchemy row a value (300,000 keys: ~1 s).
        Read on the driver's own cursor: a SQLAlchemy result streamed from the server
        may already hold rows that its cursor no longer returns."""
        compiled = sa.text(query).bindparams(**params).compile(dialect=conn.dialect)
        args: Any = compiled.params
        if conn.dialect.positional:
            args = tuple(compiled.params[n] for n in compiled.positiontup or ())
        cursor = dbapi_cursor(conn, self.stream_cursor)
        try:
            cursor.execute(str(compiled), args)
            while part := cursor.fetchmany(chunk):
                yield [r[0] for r in part]
        finally:
            cursor.close()

    def insert(self, conn: Connection, table: sa.Table, rows: WorkRows, raw: bool) -> None:
        """Bulk insert into a work table; ``raw``: the driver can take the rows as
        they are (:meth:`raw_ok`)."""
        conn.execute(table.insert(), rows.dicts())

    def raw_ok(self, kind: str, small: bool) -> bool:
        """Whether the driver can take work rows of ``kind`` as they are: integers
        within 64 bits (``small``), and text where :attr:`raw_text`. Dates keep
        SQLAlchemy's storage format on SQLite, and MariaDB's binary MD5 keys need
        SQLAlchemy's binary literals: a plain string literal would mangle them and no
        row would match its key."""
        return (kind == "integer" and small) or (kind == "text" and self.raw_text)

    # -- the group transaction ---------------------------------------------------------
    def relax_foreign_keys(self, conn: Connection) -> Callable[[], None]:
        """Turn off per-statement FK enforcement where the engine needs a session
        switch; returns what restores it."""
        return lambda: None

    def drop_foreign_keys(self, conn: Connection,
                          wanted: set[tuple[str, str | None]]) -> list[SavedForeignKey]:
        """Drop the foreign keys ``wanted`` ((table, name)) where re-adding them is how
        they are checked; the others are checked by :meth:`broken_foreign_key`."""
        return []

    def add_foreign_key(self, conn: Connection, fk: SavedForeignKey) -> None:
        conn.execute(sa.text(f"ALTER TABLE {self.q(fk.table)} ADD CONSTRAINT "
                             f"{self.q(fk.name)} {fk.definition}"))

    def broken_foreign_key(self, conn: Connection, fks: list[ForeignKey],
                           names: dict[str, str]) -> Broken | None:
        """The first of ``fks`` that lost its parent row (None: all hold). ``names``
        maps a table to the one to read instead (tables rebuilt aside)."""
        for fk in fks:
            c = self.q(names.get(fk.table, fk.table))
            p = self.q(names.get(fk.ref_table, fk.ref_table))
            not_null = " AND ".join(f"{c}.{self.q(a)} IS NOT NULL" for a in fk.columns)
            match = " AND ".join(f"p.{self.q(b)} = {c}.{self.q(a)}"
                                 for a, b in zip(fk.columns, fk.ref_columns, strict=True))
            orphan = conn.execute(sa.text(
                f"SELECT 1 FROM {c} WHERE {not_null} AND NOT EXISTS "
                f"(SELECT 1 FROM {p} AS p WHERE {match}) LIMIT 1")).first()
            if orphan is not None:
                return fk.table, fk.name
        return None

    def foreign_keys_hold(self, conn: Connection, fks: list[ForeignKey]) -> bool:
        """Whether every row of ``fks``' tables has its parent row now, checked on the
        rows (an anti-join each; SQLite: ``foreign_key_check``). Used by the work tables
        to read a key domain from the referenced key alone."""
        return self.broken_foreign_key(conn, fks, {}) is None

    def move_sequence(self, conn: Connection, table: str, column: str, nxt: int) -> bool:
        """Make the key's sequence (if any) hand out ``nxt`` next; False when that must
        wait until after the commit (:meth:`set_auto_increment`)."""
        return True

    def set_auto_increment(self, conn: Connection, table: str, value: int) -> None:
        raise NotImplementedError(f"{self.name}: sequences move inside the transaction")

    def is_constraint_error(self, exc: sa_exc.SQLAlchemyError) -> bool:
        """Whether ``exc`` is a constraint the new values break (unique, CHECK, ...)."""
        return isinstance(exc, sa_exc.IntegrityError)

    # -- rebuilds ----------------------------------------------------------------------
    def why_not_rebuild(self, conn: Connection, table: str, group: list[str],
                        kept_reference: bool) -> str | None:
        """Why ``table`` cannot be rebuilt faithfully on this engine (None: it can).
        ``kept_reference``: a table outside ``group`` references it on kept columns."""
        raise NotImplementedError

    def rebuild_table(self, conn: Connection, table: str, sel: RowsSelect, scratch: str,
                      check_rows: Callable[[int], None]) -> None:
        """Rewrite ``table`` with the rows of ``sel`` inside the group's transaction
        (``scratch``: a free table name); ``check_rows(n)`` before the old rows go."""
        raise NotImplementedError(f"{self.name} rebuilds aside")

    # -- rebuilds in primary-key ranges (piigate.writer.units) ------------------------
    def fill_ordered(self) -> bool:
        """Whether a range's rows go to its stage in new-key order (tables clustered on
        their key: InnoDB, SQLite; not PostgreSQL's heap, whose stage is copied again)."""
        return True

    def create_stage(self, conn: Connection, table: str, stage: str) -> None:
        """An empty table that takes ``table``'s rebuilt rows range by range (SQLite:
        columns of the same affinity, so values convert as the table converts them)."""
        conn.execute(sa.text(f"DROP TABLE IF EXISTS {self.q(stage)}"))
        conn.execute(sa.text(f"CREATE TABLE {self.q(stage)} AS SELECT * FROM {self.q(table)} "
                             "WHERE 0"))

    def stage_indexes_later(self, conn: Connection, stage: str) -> bool:
        """Whether ``stage`` takes the table's place with indexes built once all its rows
        are in (:meth:`stage_indexes`, a unit of its own per table)."""
        return False

    def stage_indexes(self, conn: Connection, table: str, stage: str) -> None:
        """Build ``table``'s indexes on ``stage`` (see :meth:`stage_indexes_later`)."""

    def replace_from(self, conn: Connection, table: str, stage: str, sel: RowsSelect,
                     scratch: str, check_rows: Callable[[int], None]) -> None:
        """Inside the group's transaction: replace ``table``'s rows by the rebuilt rows
        in ``stage`` (filled by every range of the table), in new-key order; drop
        ``stage``. ``check_rows(n)`` before the old rows go."""
        raise NotImplementedError(f"{self.name} swaps its stage tables in")

    # -- rebuilds aside (engines whose DDL commits: :attr:`rebuilds_aside`) -------------
    def lock(self, conn: Connection, name: str) -> bool:
        """Take the named lock that keeps a duplicate unit of a group out."""
        raise NotImplementedError(f"{self.name} rebuilds in the group's transaction")

    def unlock(self, conn: Connection, name: str) -> None:
        raise NotImplementedError(f"{self.name} rebuilds in the group's transaction")

    def build_aside(self, conn: Connection, table: str, new: str, sel: RowsSelect) -> int:
        """Fill ``new``, a copy of ``table``'s definition, with the rows of ``sel``;
        the rows written."""
        raise NotImplementedError(f"{self.name} rebuilds in the group's transaction")

    def foreign_key_clauses(self, conn: Connection, tables: list[str]) -> dict[str, list[str]]:
        raise NotImplementedError(f"{self.name} rebuilds in the group's transaction")

    def swap_aside(self, conn: Connection, swaps: list[tuple[str, str, str]],
                   fks: dict[str, list[str]]) -> None:
        """Swap every (table, new, old) at once, drop the old, re-add ``fks``."""
        raise NotImplementedError(f"{self.name} rebuilds in the group's transaction")

    def drop_tables(self, conn: Connection, names: list[str]) -> None:
        for name in names:
            conn.execute(sa.text(f"DROP TABLE IF EXISTS {self.q(name)}"))
