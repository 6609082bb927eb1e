"""PostgreSQL: COPY into work tables, foreign keys dropped and re-added (which
validates them), rebuilds through TRUNCATE of the same table."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ...db import ForeignKey
from ..names import STAGE_PREFIX
from .base import TEXT_KINDS, Broken, Dialect, RowsSelect, SavedForeignKey, dbapi_cursor


class PostgresqlDialect(Dialect):
    name: ClassVar[str] = "postgresql"
    rebuild_drops_foreign_keys: ClassVar[bool] = True
    rebuild_scratch: ClassVar[str] = STAGE_PREFIX

    # -- keys --------------------------------------------------------------------------
    def select_expr(self, expr: str, kind: str) -> str:
        return f"CAST({expr} AS TEXT)" if kind in TEXT_KINDS else expr  # json: no equality

    def set_expr(self, new: str, kind: str, sql_type: str) -> str:
        return f"CAST({new} AS {sql_type})" if kind == "json" else new

    def unique_by(self, kind: str) -> str:
        return "CAST(new AS TEXT)" if kind == "json" else "new"

    def text_cmp(self, expr: str) -> str:
        return f"CAST({expr} AS TEXT)"  # char(n) and json compare as text

    def range_expr(self, expr: str, kind: str) -> str:
        return f'(CAST({expr} AS TEXT) COLLATE "C")' if kind in TEXT_KINDS else expr

    # -- work tables -------------------------------------------------------------------
    def analyze(self, conn: Connection, table: str) -> None:
        conn.execute(sa.text(f"ANALYZE {self.q(table)}"))

    def insert(self, conn: Connection, table: sa.Table, rows: list[dict[str, Any]],
               raw: bool) -> None:
        """COPY, whatever the kind: several times faster than INSERTs."""
        names = list(rows[0])
        cols = ", ".join(self.q(n) for n in names)
        cursor = dbapi_cursor(conn)
        try:
            with cursor.copy(f"COPY {self.q(table.name)} ({cols}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row([row[n] for n in names])
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
        """The new rows go to a temporary table, the table is truncated (same table:
        grants, owner, views, policies, sequences and comments stay), its droppable
        indexes and key constraints are dropped, the rows go back, and the indexes are
        rebuilt from ``pg_get_indexdef`` / ``pg_get_constraintdef``."""
        res = conn.execute(sa.text(f"CREATE TEMPORARY TABLE {self.q(scratch)} ON COMMIT DROP "
                                   "AS " + sel.sql(self.q(table))), sel.params)
        check_rows(res.rowcount)
        self._refill(conn, table, scratch, sel.columns)

    def fill_ordered(self) -> bool:
        return False

    def create_stage(self, conn: Connection, table: str, stage: str) -> None:
        # column types and NOT NULL only: no indexes to maintain while ranges fill it.
        # UNLOGGED like the one-unit path's temporary table (no WAL for rows that are
        # copied once more); a server crash empties it, which plan_units notices (the
        # recorded ranges' rows are missing) and starts the group's ranges again
        conn.execute(sa.text(f"DROP TABLE IF EXISTS {self.q(stage)}"))
        conn.execute(sa.text(f"CREATE UNLOGGED TABLE {self.q(stage)} (LIKE {self.q(table)})"))

    def replace_from(self, conn: Connection, table: str, stage: str, sel: RowsSelect,
                     scratch: str, check_rows: Callable[[int], None]) -> None:
        check_rows(int(conn.execute(sa.text(
            f"SELECT COUNT(*) FROM {self.q(stage)}")).scalar_one()))
        # no ORDER BY: a heap has no clustered index to keep in order, and the indexes
        # are built by sorting afterwards anyway (a sort of every row would be serial)
        self._refill(conn, table, stage, sel.columns)

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
