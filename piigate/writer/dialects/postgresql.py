"""PostgreSQL: COPY into work tables, foreign keys dropped and re-added (which
validates them), rebuilds swapped in as a new table where nothing of the table's own
would be lost, else through TRUNCATE of the same table."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import ClassVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ...db import ForeignKey, kind_from_sql_type
from ..names import STAGE_PREFIX
from .base import TEXT_KINDS, Broken, Dialect, RowsSelect, SavedForeignKey, WorkRows, dbapi_cursor


class PostgresqlDialect(Dialect):
    name: ClassVar[str] = "postgresql"
    rebuild_drops_foreign_keys: ClassVar[bool] = True
    rebuild_scratch: ClassVar[str] = STAGE_PREFIX
    stream_cursor: ClassVar[str | None] = "piigate_distinct"  # not all 300,000 keys at once

    # -- keys --------------------------------------------------------------------------
    def select_expr(self, expr: str, kind: str) -> str:
        return f"CAST({expr} AS TEXT)" if kind in TEXT_KINDS else expr  # json: no equality

    def set_expr(self, new: str, kind: str, sql_type: str) -> str:
        # json and uuid take no text without a cast (work tables hold both as text)
        typed = kind == "json" or kind_from_sql_type(sql_type) == "uuid"
        return f"CAST({new} AS {sql_type})" if typed else new

    def unique_by(self, kind: str) -> str:
        return "CAST(new AS TEXT)" if kind == "json" else "new"

    def park_text(self, prefix: str, id_expr: str, width: int | None = None) -> str:
        if width is not None:
            return f"('{prefix}' || LPAD(CAST({id_expr} AS TEXT), {width}, '0'))"
        return super().park_text(prefix, id_expr)

    def text_cmp(self, expr: str) -> str:
        return f"CAST({expr} AS TEXT)"  # char(n) and json compare as text

    def range_expr(self, expr: str, kind: str) -> str:
        return f'(CAST({expr} AS TEXT) COLLATE "C")' if kind in TEXT_KINDS else expr

    # -- work tables -------------------------------------------------------------------
    def analyze(self, conn: Connection, table: str) -> None:
        conn.execute(sa.text(f"ANALYZE {self.q(table)}"))

    def insert(self, conn: Connection, table: sa.Table, rows: WorkRows, raw: bool) -> None:
        """COPY, whatever the kind: several times faster than INSERTs."""
        cols = ", ".join(self.q(n) for n in rows.names)
        cursor = dbapi_cursor(conn)
        try:
            with cursor.copy(f"COPY {self.q(table.name)} ({cols}) FROM STDIN") as copy:
                for row in rows.rows:
                    copy.write_row(row)
        finally:
            cursor.close()

    # -- the group transaction ---------------------------------------------------------
    def drop_foreign_keys(self, conn: Connection,
                          wanted: set[tuple[str, str | None]]) -> list[SavedForeignKey]:
        if not wanted:
            return []
        rows = conn.execute(sa.text(
            "SELECT c.conname, cl.relname, pg_get_constraintdef(c.oid) FROM pg_constraint c "
            "JOIN pg_class cl ON cl.oid = c.conrelid "
            "JOIN pg_namespace n ON n.oid = cl.relnamespace "
            "WHERE c.contype = 'f' AND n.nspname = current_schema()")).all()
        fks = [SavedForeignKey(r[0], r[1], r[2]) for r in rows if (r[1], r[0]) in wanted]
        for fk in fks:
            conn.execute(sa.text(
                f"ALTER TABLE {self.q(fk.table)} DROP CONSTRAINT {self.q(fk.name)}"))
        return fks

    def broken_foreign_key(self, conn: Connection, fks: list[ForeignKey],
                           names: dict[str, str]) -> Broken | None:
        return None  # re-adding the constraints validated them

    def foreign_keys_hold(self, conn: Connection, fks: list[ForeignKey]) -> bool:
        # broken_foreign_key is a no-op here (re-adding validates), so check the rows:
        # convalidated does not prove them (triggers disabled, session_replication_role)
        return Dialect.broken_foreign_key(self, conn, fks, {}) is None

    def move_sequence(self, conn: Connection, table: str, column: str, nxt: int) -> bool:
        seq = conn.execute(sa.text("SELECT pg_get_serial_sequence(:t, :c)"),
                           {"t": self.q(table), "c": column}).scalar()
        if seq:
            conn.execute(sa.text("SELECT setval(:s, :v, false)"), {"s": seq, "v": nxt})
        return True

    # -- rebuilds ----------------------------------------------------------------------
    def why_not_rebuild(self, conn: Connection, table: str, group: list[str],
                        kept_reference: bool) -> str | None:
        if kept_reference:
            return "is referenced by a foreign key on columns kept as they are"  # no TRUNCATE
        row = conn.execute(sa.text(
            "SELECT c.relkind, c.relrowsecurity, c.relreplident, "
            "EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid "
            "        AND NOT g.tgisinternal), "
            "EXISTS (SELECT 1 FROM pg_rewrite r WHERE r.ev_class = c.oid), "
            "EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = c.oid "
            "        OR h.inhparent = c.oid), "
            "EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 "
            "        AND NOT a.attisdropped AND a.attgenerated <> '') "
            "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relname = :t AND n.nspname = current_schema()"), {"t": table}).first()
        if row is None or row[0] != "r":
            return "not a plain table"
        reasons = [(row[1], "has row-level security"),
                   (row[2] == "i", "has an index replica identity"),
                   (row[3], "has triggers"), (row[4], "has rules"),
                   (row[5], "is part of an inheritance tree"), (row[6], "has generated columns")]
        return next((why for bad, why in reasons if bad), None)

    def rebuild_table(self, conn: Connection, table: str, sel: RowsSelect, scratch: str,
                      check_rows: Callable[[int], None]) -> None:
        """Where :meth:`why_not_swap` finds nothing a new table would lose, the new rows
        go to a new table (``scratch``) that takes the table's place (:meth:`_swap_in`:
        each row written once). Otherwise they go to a temporary table, the table is
        truncated (same table: grants, owner, views, policies, sequences and comments
        stay), its droppable indexes and key constraints are dropped, the rows go back,
        and the indexes are rebuilt from ``pg_get_indexdef`` / ``pg_get_constraintdef``."""
        if self.why_not_swap(conn, table) is None:
            conn.execute(sa.text(f"DROP TABLE IF EXISTS {self.q(scratch)}"))
            self._create_swap_stage(conn, table, scratch)
            cols = ", ".join(self.q(c) for c in sel.columns)
            res = conn.execute(sa.text(f"INSERT INTO {self.q(scratch)} ({cols}) "
                                       + sel.sql(self.q(table))), sel.params)
            check_rows(res.rowcount)
            self._swap_in(conn, table, scratch)
            return
        res = conn.execute(sa.text(f"CREATE TEMPORARY TABLE {self.q(scratch)} ON COMMIT DROP "
                                   "AS " + sel.sql(self.q(table))), sel.params)
        check_rows(res.rowcount)
        self._refill(conn, table, scratch, sel.columns)

    def fill_ordered(self) -> bool:
        return False

    def create_stage(self, conn: Connection, table: str, stage: str) -> None:
        conn.execute(sa.text(f"DROP TABLE IF EXISTS {self.q(stage)}"))
        if self.why_not_swap(conn, table) is None:
            self._create_swap_stage(conn, table, stage)
            return
        # column types and NOT NULL only, copied into the table at the finish. UNLOGGED
        # like the one-unit path's temporary table (no WAL for rows that are copied once
        # more); a server crash empties it, which plan_units notices (the recorded
        # ranges' rows are missing) and starts the group's ranges again
        conn.execute(sa.text(f"CREATE UNLOGGED TABLE {self.q(stage)} (LIKE {self.q(table)})"))

    def _create_swap_stage(self, conn: Connection, table: str, stage: str) -> None:
        """A table to be renamed in: everything LIKE copies, no indexes to maintain while
        the rows go in (:meth:`stage_indexes` builds them after)."""
        conn.execute(sa.text(
            f"CREATE TABLE {self.q(stage)} (LIKE {self.q(table)} INCLUDING DEFAULTS "
            "INCLUDING CONSTRAINTS INCLUDING COMMENTS INCLUDING STORAGE "
            "INCLUDING COMPRESSION)"))

    def stage_indexes_later(self, conn: Connection, stage: str) -> bool:
        """Whether ``stage`` is to be renamed in, its indexes built once its rows are in
        (:meth:`stage_indexes`, a unit of its own per table)."""
        return conn.execute(sa.text(
            "SELECT c.relpersistence = 'p' FROM pg_class c JOIN pg_namespace n "
            "ON n.oid = c.relnamespace WHERE c.relname = :s AND n.nspname = current_schema()"),
            {"s": stage}).scalar() is True

    def stage_indexes(self, conn: Connection, table: str, stage: str) -> None:
        self._stage_indexes(conn, table, stage)

    def _stage_indexes(self, conn: Connection, table: str,
                       stage: str) -> list[tuple[str, str, str]]:
        """Build on ``stage`` every index and key constraint of ``table`` it lacks, under
        names of its own (:meth:`_swap_in` gives them the table's names); the table's
        indexes (:meth:`_indexes`)."""
        indexes = self._indexes(conn, table)
        have = set(conn.execute(sa.text(
            "SELECT ic.relname FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid "
            "JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n "
            "ON n.oid = t.relnamespace WHERE t.relname = :s AND n.nspname = current_schema()"),
            {"s": stage}).scalars())
        for name, con, definition in indexes:
            temp = _stage_index(stage, name)
            if temp in have:
                continue
            if con:
                stmt = f"ALTER TABLE {self.q(stage)} ADD CONSTRAINT {self.q(temp)} {definition}"
            else:
                stmt = "CREATE " + definition.replace("{name}", self.q(temp)).replace(
                    "{table}", self.q(stage))
            conn.execute(sa.text(stmt))
        return indexes

    def replace_from(self, conn: Connection, table: str, stage: str, sel: RowsSelect,
                     scratch: str, check_rows: Callable[[int], None]) -> None:
        check_rows(int(conn.execute(sa.text(
            f"SELECT COUNT(*) FROM {self.q(stage)}")).scalar_one()))
        if self.stage_indexes_later(conn, stage) and self.why_not_swap(conn, table) is None:
            self._swap_in(conn, table, stage)
            return
        # no ORDER BY: a heap has no clustered index to keep in order, and the indexes
        # are built by sorting afterwards anyway (a sort of every row would be serial)
        self._refill(conn, table, stage, sel.columns)

    def why_not_swap(self, conn: Connection, table: str) -> str | None:
        """Why a new table could not take ``table``'s place without losing something
        (None: it can): what ``CREATE TABLE ... (LIKE ...)`` and the index and sequence
        moves of :meth:`_swap_in` do not carry over, or another object that depends on
        the table itself (a view, rule, trigger, policy, publication, function or a
        column of its row type)."""
        row = conn.execute(sa.text(_SWAP_CHECK), {"t": table}).first()
        if row is None:
            return "not a plain table"
        return next((why for ok, why in zip(row, _SWAP_REASONS, strict=True) if not ok), None)

    def _swap_in(self, conn: Connection, table: str, stage: str) -> None:
        """Inside the group's transaction (foreign keys to the table already dropped):
        ``stage``, holding every rebuilt row, becomes ``table``: its indexes built where
        missing, the table's sequences owned by the stage's columns, the table dropped
        (RESTRICT: anything still depending on it fails the group), the stage and its
        indexes renamed to the table's names."""
        q = self.q
        indexes = self._stage_indexes(conn, table, stage)
        owned = conn.execute(sa.text(
            "SELECT s.relname, a.attname FROM pg_depend d "
            "JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S' "
            "JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid "
            "WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass "
            "AND d.deptype = 'a' AND d.refobjid = CAST(:t AS regclass)"),
            {"t": q(table)}).all()
        for seq, column in owned:
            conn.execute(sa.text(f"ALTER SEQUENCE {q(seq)} OWNED BY {q(stage)}.{q(column)}"))
        conn.execute(sa.text(f"DROP TABLE {q(table)} RESTRICT"))
        conn.execute(sa.text(f"ALTER TABLE {q(stage)} RENAME TO {q(table)}"))
        for name, con, _definition in indexes:
            temp = _stage_index(stage, name)
            conn.execute(sa.text(f"ALTER TABLE {q(table)} RENAME CONSTRAINT {q(temp)} TO {q(name)}"
                                 if con else f"ALTER INDEX {q(temp)} RENAME TO {q(name)}"))

    def _indexes(self, conn: Connection, table: str) -> list[tuple[str, str, str]]:
        """(index, constraint or '', definition) of every index of ``table`` (which
        :meth:`why_not_swap` found reproducible). A plain index's definition is
        ``pg_get_indexdef`` with ``{name}`` and ``{table}`` in place of its own (its
        text is exactly ``CREATE [UNIQUE] INDEX name ON schema.table USING ...``)."""
        rows = conn.execute(sa.text(
            "SELECT ic.relname, COALESCE(k.conname, ''), "
            "CASE WHEN k.oid IS NOT NULL THEN pg_get_constraintdef(k.oid) "
            "     ELSE CASE WHEN i.indisunique THEN 'UNIQUE ' ELSE '' END "
            "       || 'INDEX {name} ON {table} ' || substr(pg_get_indexdef(i.indexrelid), "
            "       length(" + _INDEX_PREFIX + ") + 1) END "
            "FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid "
            "JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
            "LEFT JOIN pg_constraint k ON k.conindid = i.indexrelid AND k.conrelid = t.oid "
            "     AND k.contype IN ('p', 'u', 'x') "
            "WHERE t.relname = :t AND n.nspname = current_schema() ORDER BY ic.relname"),
            {"t": table}).all()
        return [(r[0], r[1], r[2]) for r in rows]

    def _refill(self, conn: Connection, table: str, source: str, columns: list[str]) -> None:
        """Truncate ``table`` (same table: grants, owner, views, policies, sequences and
        comments stay), drop its droppable indexes and key constraints, put the rows of
        ``source`` back, rebuild the indexes, drop ``source``."""
        q = self.q
        indexes = self._droppable_indexes(conn, table)
        conn.execute(sa.text(f"TRUNCATE {q(table)}"))
        for idx in indexes:
            conn.execute(sa.text(f"ALTER TABLE {q(table)} DROP CONSTRAINT {q(idx[1])}"
                                 if idx[1] else f"DROP INDEX {q(idx[0])}"))
        cols = ", ".join(q(c) for c in columns)
        conn.execute(sa.text(f"INSERT INTO {q(table)} ({cols}) OVERRIDING SYSTEM VALUE "
                             f"SELECT {cols} FROM {q(source)}"))
        for _name, con, definition in indexes:
            conn.execute(sa.text(f"ALTER TABLE {q(table)} ADD CONSTRAINT {q(con)} {definition}"
                                 if con else definition))
        conn.execute(sa.text(f"DROP TABLE {q(source)}"))

    def _droppable_indexes(self, conn: Connection, table: str) -> list[tuple[str, str, str]]:
        """(index, constraint or '', definition) of the indexes that can be dropped and
        rebuilt exactly: not clustered, no comment, default tablespace, not used by a
        foreign key, and for constraints an index named like the constraint."""
        rows = conn.execute(sa.text(
            "SELECT ic.relname, COALESCE(k.conname, ''), "
            "CASE WHEN k.oid IS NULL THEN pg_get_indexdef(i.indexrelid) "
            "     ELSE pg_get_constraintdef(k.oid) END "
            "FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid "
            "JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
            "LEFT JOIN pg_constraint k ON k.conindid = i.indexrelid AND k.conrelid = t.oid "
            "     AND k.contype IN ('p', 'u', 'x') "
            "WHERE t.relname = :t AND n.nspname = current_schema() AND NOT i.indisclustered "
            "AND ic.reltablespace = 0 AND obj_description(ic.oid, 'pg_class') IS NULL "
            "AND (k.oid IS NULL OR (k.conname = ic.relname "
            "     AND obj_description(k.oid, 'pg_constraint') IS NULL)) "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' "
            "     AND f.conindid = i.indexrelid) "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint o WHERE o.conindid = i.indexrelid "
            "     AND o.conrelid = t.oid AND o.contype NOT IN ('p', 'u', 'x')) "
            "ORDER BY ic.relname"), {"t": table}).all()
        return [(r[0], r[1], r[2]) for r in rows]


def _stage_index(stage: str, name: str) -> str:
    """The name an index of the table has on its stage until the swap (unique per stage
    and index, within 63 characters)."""
    return f"piigate_ix_{hashlib.sha256(f'{stage}.{name}'.encode()).hexdigest()[:20]}"


# what pg_get_indexdef starts with for index i (ic) of table t in schema n, up to USING
_INDEX_PREFIX = ("format('CREATE %sINDEX %I ON %I.%I ', CASE WHEN i.indisunique THEN 'UNIQUE ' "
                 "ELSE '' END, ic.relname, n.nspname, t.relname)")

# (check, why not) pairs of PostgresqlDialect.why_not_swap, in the order of _SWAP_CHECK
_SWAP_REASONS = (
    "is owned by another role",
    "has grants (a new table would not have them)",
    "has a comment or a security label",
    "has storage options, a tablespace, a replica identity or is not a logged table",
    "has an identity column (a new table would have a new sequence)",
    "default privileges would grant a new table more than it has",
    "has an index or constraint that cannot be rebuilt exactly (clustered, commented, "
    "another tablespace, storage options, named unlike its constraint, or not validated)",
    "has extended statistics",
    "another object depends on it (a view, rule, trigger, policy, publication, function "
    "or a column of its row type)",
)
_SWAP_CHECK = ("""
SELECT c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user),
  c.relacl IS NULL AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid
    AND a.attacl IS NOT NULL),
  obj_description(c.oid, 'pg_class') IS NULL
    AND NOT EXISTS (SELECT 1 FROM pg_seclabel l WHERE l.classoid = 'pg_class'::regclass
                    AND l.objoid = c.oid),
  c.reloptions IS NULL AND c.reltablespace = 0 AND c.relpersistence = 'p'
    AND c.relreplident = 'd' AND c.relkind = 'r' AND NOT c.relrowsecurity,
  NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0
              AND NOT a.attisdropped AND a.attidentity <> ''),
  NOT EXISTS (SELECT 1 FROM pg_default_acl d WHERE d.defaclrole = c.relowner
              AND d.defaclobjtype = 'r' AND d.defaclnamespace IN (0, c.relnamespace)),
  NOT EXISTS (SELECT 1 FROM pg_constraint v WHERE v.conrelid = c.oid AND NOT v.convalidated)
  AND NOT EXISTS (SELECT 1 FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
              JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
              LEFT JOIN pg_constraint k ON k.conindid = i.indexrelid AND k.conrelid = c.oid
                   AND k.contype IN ('p', 'u', 'x')
              WHERE i.indrelid = c.oid AND (i.indisclustered OR ic.reltablespace <> 0
                 OR ic.reloptions IS NOT NULL
                 OR obj_description(ic.oid, 'pg_class') IS NOT NULL
                 OR (k.oid IS NOT NULL AND (k.conname <> ic.relname
                     OR obj_description(k.oid, 'pg_constraint') IS NOT NULL))
                 OR EXISTS (SELECT 1 FROM pg_constraint o WHERE o.conindid = i.indexrelid
                            AND o.conrelid = c.oid AND o.contype NOT IN ('p', 'u', 'x'))
                 OR (k.oid IS NULL AND NOT starts_with(pg_get_indexdef(i.indexrelid),
                     """ + _INDEX_PREFIX + """ || 'USING '))
  )),
  NOT EXISTS (SELECT 1 FROM pg_statistic_ext x WHERE x.stxrelid = c.oid),
  NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.refclassid = 'pg_class'::regclass
              AND d.refobjid = c.oid AND NOT (
                (d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i'))
                OR d.classid = 'pg_constraint'::regclass
                OR (d.classid = 'pg_attrdef'::regclass AND d.deptype = 'a')
                OR (d.classid = 'pg_type'::regclass AND d.deptype = 'i')))
    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.refclassid = 'pg_type'::regclass
              AND d.refobjid = c.reltype AND NOT (
                (d.classid = 'pg_type'::regclass AND d.deptype = 'i')
                OR (d.classid = 'pg_class'::regclass AND d.objid = c.oid)))
FROM pg_class c JOIN pg_namespace cn ON cn.oid = c.relnamespace
WHERE c.relname = :t AND cn.nspname = current_schema()
""")
