"""One transaction group of the writer: foreign keys aside, joined updates, checks.

A group is the set of tables a masked key domain joins (or one table). Its updates run
in one transaction on the engine's own connection; any error rolls the whole group
back, so a failure leaves its tables as they were. Per transaction group: foreign keys
touching masked columns are set aside (PostgreSQL: dropped and re-added with their
exact definition, which re-validates them; MariaDB: ``FOREIGN_KEY_CHECKS=0`` and an
orphan check; SQLite: ``PRAGMA foreign_keys=OFF`` and ``PRAGMA foreign_key_check``),
each masked column is updated with an UPDATE joined to its work table (constant-like
methods: a plain UPDATE), or the tables are rebuilt (:mod:`piigate.writer.rebuild`),
sequences are moved past the new maximum, and the group commits. Permuted keys move
through their parking values (:mod:`piigate.writer.work`). See docs/writer.md.
"""

from __future__ import annotations

import time
from typing import Any

import sqlalchemy as sa
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Connection

from ..db import ForeignKey
from ..errors import PiiGateError, describe_db_error
from ..plan import ColumnPlan
from .dialects import TEXT_KINDS, SavedForeignKey
from .names import UUID_PARK_DIGITS
from .rebuild import Rebuilder, touches_masked
from .results import TableResult, TokenizeError
from .work import Work, WorkTables, constant_like, constant_parts, entity_column

Statements = list[tuple[str, dict[str, Any]]]


class GroupTransaction:
    """Apply one group of tables: in place or rebuilt, once (``marker``), atomically."""

    def __init__(self, works: WorkTables, tables: list[str], results: dict[str, TableResult],
                 rebuild: bool = True, marker: tuple[str, int] | None = None,
                 staged: bool = False) -> None:
        self.works = works
        self.rebuild = rebuild or staged
        # the rebuilt rows are in stage tables already, filled by primary-key ranges
        # (piigate.writer.units): this is the group's finishing unit
        self.staged = staged
        self.results = results  # filled per table as it is written
        self.marker = marker  # (record table, group index): the group is applied once
        self.sql = works.sql
        self.plan = works.plan
        self.tables = tables
        self.current: tuple[str, str | None] = (tables[0], None)
        self.current_columns: list[str] = []
        self.masked = {(c.table, c.column) for t in tables for c in self.plan.for_table(t)}
        # whole tables, as counted before any change (while the maps were built, or here)
        self.row_counts = {t: works.row_counts[t] for t in tables if t in works.row_counts}

    def _rebuilder(self) -> Rebuilder:
        return Rebuilder(self.works, self.tables, self.marker[1] if self.marker else 0,
                         self.masked, self.row_counts)

    # -- driver ------------------------------------------------------------------------
    def run(self) -> bool:
        """Apply the group; False when the record shows it applied already."""
        with self.works.engine.connect() as conn:
            if self._recorded(conn):
                return False
            conn.rollback()
            rb = self._rebuilder()
            rebuild = self._rebuild_wanted(conn, rb)
            conn.rollback()
            if self.staged and not rebuild:
                raise TokenizeError("the table group was staged for a rebuild but can no "
                                    "longer be rebuilt (its schema changed?); nothing was "
                                    "changed", table=self.tables[0])
            if not rebuild:  # parked values are needed only to update in place
                # an update in place can fire triggers that add or delete rows anywhere:
                # counts taken before the run no longer hold for this or later groups
                self.works.row_counts.clear()
                self.row_counts.clear()
                self.works.ensure_parking(conn, self.tables)
                conn.commit()
            if rebuild and self.sql.rebuilds_aside:
                return self._run_aside(conn, rb)
            restore = self.sql.relax_foreign_keys(conn)
            try:
                if not self._record(conn):
                    conn.rollback()
                    return False
                saved = self._drop_foreign_keys(conn, rebuild)
                for i, t in enumerate(self.tables):
                    if rebuild:
                        self._rebuild_table(conn, rb, i, t)
                    else:
                        self._update_table(conn, t)
                self.current = (self.tables[0], None)
                self._restore_foreign_keys(conn, saved)
                self._check_foreign_keys(conn)
                auto = self._reset_sequences(conn)
                conn.commit()
            except sa_exc.SQLAlchemyError as exc:
                conn.rollback()
                raise self._failed(exc) from None
            except BaseException:
                conn.rollback()
                raise
            finally:
                restore()
            self._move_auto_increment(conn, auto)
        return True

    def _move_auto_increment(self, conn: Connection, auto: list[tuple[str, int]]) -> None:
        """Sequences that move only after the group's commit (MariaDB's ALTER TABLE
        commits implicitly)."""
        for table, value in auto:
            try:
                self.sql.set_auto_increment(conn, table, value)
            except sa_exc.SQLAlchemyError as exc:
                raise TokenizeError(
                    "the table was tokenized and committed, but its AUTO_INCREMENT could "
                    f"not be moved past the new keys ({describe_db_error(exc)})",
                    table=table) from None
        conn.commit()

    def _failed(self, exc: sa_exc.SQLAlchemyError) -> TokenizeError:
        """The error for a failed group, naming the table and column being written."""
        table, column = self.current
        if self.sql.is_constraint_error(exc):
            return TokenizeError(
                "masked values violate a constraint: a unique key clash (a method that is "
                "not one-to-one, or a new value equal to a value kept in the table) or a "
                f"CHECK constraint{self._columns_note()}; the table group "
                f"{', '.join(self.tables)} was rolled back and is unchanged "
                f"({describe_db_error(exc)})", table=table, column=column)
        return TokenizeError(
            f"database error while updating{self._columns_note()}; the table group "
            f"{', '.join(self.tables)} was rolled back and is unchanged "
            f"({describe_db_error(exc)})", table=table, column=column)

    def _writing(self, table: str, columns: list[str]) -> None:
        """Name ``columns`` of ``table`` in errors until the next call."""
        self.current = (table, columns[0] if len(columns) == 1 else None)
        self.current_columns = columns

    # -- once only ---------------------------------------------------------------------
    def _recorded(self, conn: Connection) -> bool:
        if self.marker is None:
            return False
        table, group = self.marker
        return conn.execute(sa.text(f"SELECT 1 FROM {self.sql.q(table)} WHERE grp = :g"),
                            {"g": group}).first() is not None

    def _record(self, conn: Connection) -> bool:
        """Record the group first thing in its transaction: a concurrent duplicate waits
        on this row's key and then finds it taken (False) instead of masking twice."""
        if self.marker is None:
            return True
        table, group = self.marker
        try:
            conn.execute(sa.text(f"INSERT INTO {self.sql.q(table)} (grp) VALUES (:g)"),
                         {"g": group})
        except sa_exc.IntegrityError:
            return False  # the caller rolls back
        return True

    def _columns_note(self) -> str:
        cols = self.current_columns
        return f" (in one statement for columns {', '.join(cols)})" if len(cols) > 1 else ""

    # -- foreign keys ------------------------------------------------------------------
    def _group_foreign_keys(self) -> list[ForeignKey]:
        group = set(self.tables)
        return [fk for fk in self.plan.inventory.all_foreign_keys()
                if (fk.table in group or fk.ref_table in group)
                and touches_masked(fk, self.masked)]

    def _drop_foreign_keys(self, conn: Connection, rebuild: bool) -> list[SavedForeignKey]:
        """Where re-adding checks them (PostgreSQL): drop FKs on masked columns, and for
        a rebuild every FK of the group's tables (re-adding checks all rows in one join,
        where each inserted row would check itself)."""
        wanted = {(fk.table, fk.name) for fk in self._group_foreign_keys()}
        if rebuild and self.sql.rebuild_drops_foreign_keys:
            wanted |= {(fk.table, fk.name) for fk in self.plan.inventory.all_foreign_keys()
                       if fk.table in self.tables}
        return self.sql.drop_foreign_keys(conn, wanted)

    def _restore_foreign_keys(self, conn: Connection, fks: list[SavedForeignKey]) -> None:
        for fk in fks:
            try:
                self.sql.add_foreign_key(conn, fk)
            except sa_exc.IntegrityError:
                raise self._broken(fk.table, fk.name) from None

    def _check_foreign_keys(self, conn: Connection, names: dict[str, str] | None = None) -> None:
        """Prove no masked foreign key lost its parent row (where dropping and re-adding
        did not). ``names`` maps a table to the one to read instead (tables rebuilt
        aside, checked before they are swapped in)."""
        fks = [fk for fk in self._group_foreign_keys()
               if not (fk.ref_table in self.row_counts
                       and self.works.holds_by_count(fk, self.row_counts[fk.ref_table]))]
        bad = self.sql.broken_foreign_key(conn, fks, names or {})
        if bad is not None:
            raise self._broken(*bad)

    def _broken(self, table: str, name: str | None) -> PiiGateError:
        what = f"foreign key {name}" if name else "a foreign key"
        return TokenizeError(
            f"{what} does not hold after masking (a referencing column is not in the key's "
            f"domain?); the table group {', '.join(self.tables)} was rolled back and is "
            "unchanged", table=table)

    # -- sequences ---------------------------------------------------------------------
    def _reset_sequences(self, conn: Connection) -> list[tuple[str, int]]:
        """Move sequences of masked integer keys past the new maximum; the moves that
        must wait for the commit."""
        later: list[tuple[str, int]] = []
        for t in self.tables:
            tinfo = self.plan.inventory.tables[t]
            if len(tinfo.primary_key) != 1 or (t, tinfo.primary_key[0]) not in self.masked:
                continue
            col = tinfo.columns[tinfo.primary_key[0]]
            if col.kind != "integer":
                continue
            qt, qc = self.sql.q(t), self.sql.q(col.name)
            top = conn.execute(sa.text(f"SELECT MAX({qc}) FROM {qt}")).scalar()
            nxt = int(top or 0) + 1
            if not self.sql.move_sequence(conn, t, col.name, nxt):
                later.append((t, nxt))
        return later

    # -- rebuild -----------------------------------------------------------------------
    def _rebuild_wanted(self, conn: Connection, rb: Rebuilder) -> bool:
        """Rebuild the group when asked and every table of it can be."""
        if not self.rebuild:
            return False
        return all(rb.why_not(conn, t) is None for t in self.tables)

    def _rebuild_table(self, conn: Connection, rb: Rebuilder, i: int, table: str) -> None:
        started = time.perf_counter()
        self._writing(table, [c.column for c in self.plan.for_table(table)])
        total = self._rule_rows(conn, table)
        self.works.report(table, 0, total)
        if self.staged:
            rb.from_stage(conn, i, table)
        else:
            rb.rebuild(conn, i, table)
        self.works.report(table, total, total)
        self.current_columns = []
        self._done(table, total, started, rebuilt=True)

    def _rule_rows(self, conn: Connection, table: str) -> int:
        """Rows the table's rules apply to (all, or those matching its ``when``)."""
        where, params = self.works.condition(table)
        if not where and table in self.row_counts:
            return self.row_counts[table]
        count = f"SELECT COUNT(*) FROM {self.sql.q(table)}"
        if where:
            count += " WHERE " + " AND ".join(where)
        rows = int(conn.execute(sa.text(count), params).scalar_one())
        if not where:
            self.row_counts[table] = rows  # the rebuild's row check reuses it
        return rows

    def _done(self, table: str, rows: int, started: float, rebuilt: bool = False) -> None:
        res = self.results[table]
        res.rows = rows
        res.rebuilt = rebuilt
        res.seconds = time.perf_counter() - started

    def _run_aside(self, conn: Connection, rb: Rebuilder) -> bool:
        """Build every new table, check, swap them all in at once, record.

        DDL commits implicitly there (MariaDB), so the group's atomicity comes from
        building aside and one atomic RENAME; a named lock keeps a duplicate unit of the
        same group out, and a sentinel table left by an interrupted swap makes every
        retry refuse."""
        lock = rb.lock_name()
        if not self.sql.lock(conn, lock):
            raise TokenizeError("another unit holds this table group's lock",
                                table=self.tables[0])
        sentinel = rb.swap_marker()
        try:
            if self._recorded(conn):
                return False
            if sa.inspect(conn).has_table(sentinel):
                raise TokenizeError(
                    "an earlier attempt at this table group stopped while swapping its "
                    f"tables ({', '.join(self.tables)}); start again from an untouched copy",
                    table=self.tables[0])
            conn.rollback()
            restore = self.sql.relax_foreign_keys(conn)
            try:
                self._rebuild_aside(conn, rb, sentinel)
            finally:
                restore()
                conn.commit()
        finally:
            self.sql.unlock(conn, lock)
        return True

    def _rebuild_aside(self, conn: Connection, rb: Rebuilder, sentinel: str) -> None:
        started = time.perf_counter()
        totals = {t: self._rule_rows(conn, t) for t in self.tables}
        try:
            for i, table in enumerate(self.tables):
                self._writing(table, [c.column for c in self.plan.for_table(table)])
                self.works.report(table, 0, None)
                rows = (rb.check_stage(conn, i, table) if self.staged
                        else rb.build_aside(conn, i, table))
                self.works.report(table, rows, rows)
            self.current_columns = []
            self.current = (self.tables[0], None)
            self._check_foreign_keys(conn, rb.new_names())
            fks = rb.foreign_keys(conn)
        except sa_exc.SQLAlchemyError as exc:
            self._drop_new_quietly(conn, rb)
            raise self._failed(exc) from None
        except BaseException:
            self._drop_new_quietly(conn, rb)
            raise
        try:
            conn.execute(sa.text(f"CREATE TABLE {self.sql.q(sentinel)} (x INT)"))
            rb.swap(conn, fks)
            self._record(conn)
            auto = self._reset_sequences(conn)
            conn.commit()
            conn.execute(sa.text(f"DROP TABLE {self.sql.q(sentinel)}"))
        except sa_exc.SQLAlchemyError as exc:
            raise TokenizeError(
                "database error while swapping the rebuilt tables in; the group may be half "
                f"applied and every retry will refuse ({describe_db_error(exc)})",
                table=self.tables[0]) from None
        self._move_auto_increment(conn, auto)
        for t in self.tables:
            self._done(t, totals[t], started, rebuilt=True)

    def _drop_new_quietly(self, conn: Connection, rb: Rebuilder) -> None:
        try:
            conn.rollback()
            if self.staged:
                return  # the ranges' rows: kept for the run's cleanup (finish) to drop
            rb.drop_new(conn)
            conn.commit()
        except sa_exc.SQLAlchemyError:
            pass  # the original error matters more; leftovers are named piigate_new_*

    # -- in place ----------------------------------------------------------------------
    def _ordered(self, table: str) -> list[ColumnPlan]:
        """Per-entity date shifts first (they read the entity's old value), the column
        of the row condition last (the condition must hold for every statement)."""
        cols = self.plan.for_table(table)
        when_col = self._when_column(table)

        def rank(c: ColumnPlan) -> int:
            if entity_column(c):
                return 0
            return 2 if c.column == when_col else 1

        return sorted(cols, key=rank)

    def _when_column(self, table: str) -> str | None:
        rule = self.plan.schema.tables.get(table)
        return rule.when.column if rule is not None and rule.when is not None else None

    def _update_table(self, conn: Connection, table: str) -> None:
        started = time.perf_counter()
        where, params = self.works.condition(table)
        self.current = (table, None)
        total = self._rule_rows(conn, table)
        steps = self._steps(table, where)
        self.works.report(table, 0, total)
        for i, (columns, stmts) in enumerate(steps, 1):
            self._writing(table, columns)
            for stmt, extra in stmts:
                conn.execute(sa.text(stmt), {**params, **extra})
            self.works.report(table, total * i // len(steps), total)
        self.current_columns = []
        self._done(table, total, started)

    def _steps(self, table: str, where: list[str]) -> list[tuple[list[str], Statements]]:
        """Statements per column, in order; simple columns share one UPDATE.

        Several columns of a table that need no parking and no entity are set in one
        statement (one rewrite of each row instead of one per column, which matters on
        PostgreSQL, and triggers fire once).
        """
        cols = self._ordered(table)
        when_col = self._when_column(table)
        simple = [c for c in cols if c.column != when_col and self._simple(c)]
        steps: list[tuple[list[str], Statements]] = []
        for col in cols:
            if len(simple) >= 2 and col in simple:
                if col is simple[0]:
                    steps.append(([c.column for c in simple],
                                  [self._combined(table, simple, where)]))
                continue
            steps.append(([col.column], self._statements(col, where)))
        return steps

    def _simple(self, col: ColumnPlan) -> bool:
        if constant_like(col):
            return True
        work = self.works.by_column[(col.table, col.column)]
        return work.entity_kind is None and work.result.changed > 0 and not work.parks

    def _combined(self, table: str, cols: list[ColumnPlan],
                  where: list[str]) -> tuple[str, dict[str, Any]]:
        sets: list[str] = []
        params: dict[str, Any] = {}
        for i, col in enumerate(cols):
            c = self.sql.col(table, col.column)
            if constant_like(col):
                conds, value, extra = constant_parts(self.sql, col, f"c{i}")
                params.update(extra)
                sets.append(f"{self.sql.q(col.column)} = CASE WHEN {' AND '.join(conds)} "
                            f"THEN {value} ELSE {c} END")
                continue
            work = self.works.by_column[(table, col.column)]
            found = (f"(SELECT m.new FROM {self.sql.q(work.name)} AS m "
                     f"WHERE m.k = {self.sql.key_expr(c, work.kind, work.key_len)})")
            new = self.sql.set_expr(found, work.kind, col.info.sql_type)
            # each expression reads only its own column: MariaDB assigns left to right
            sets.append(f"{self.sql.q(col.column)} = COALESCE({new}, {c})")
        stmt = f"UPDATE {self.sql.q(table)} SET {', '.join(sets)}"
        if where:
            stmt += " WHERE " + " AND ".join(where)
        return stmt, params

    def _statements(self, col: ColumnPlan, where: list[str]) -> Statements:
        if constant_like(col):
            conds, value, params = constant_parts(self.sql, col, "v")
            stmt = (f"UPDATE {self.sql.q(col.table)} SET {self.sql.q(col.column)} = {value} "
                    "WHERE " + " AND ".join([*conds, *where]))
            return [(stmt, params)]
        work = self.works.by_column[(col.table, col.column)]
        if work.result.changed == 0:
            return []
        if work.entity_kind is not None:
            return self._entity_updates(col, work, where)
        return self._mapped_updates(col, work, where)

    def _entity_updates(self, col: ColumnPlan, work: Work, where: list[str]) -> Statements:
        c = self.sql.col(col.table, col.column)
        e = self.sql.col(col.table, entity_column(col) or "")
        key = self.sql.key_expr(c, work.kind, work.key_len)
        ekey = self.sql.key_expr(e, work.entity_kind or "text")
        value = self.sql.set_expr("m.new", work.kind, col.info.sql_type)
        up = self.sql.update_join
        return [
            (up(col.table, col.column, work.name, f"m.e = {ekey} AND m.k = {key}", value,
                where), {}),
            (up(col.table, col.column, work.name, f"m.e IS NULL AND m.k = {key}", value,
                [f"{e} IS NULL", *where]), {}),
        ]

    def _mapped_updates(self, col: ColumnPlan, work: Work, where: list[str]) -> Statements:
        c = self.sql.col(col.table, col.column)
        key = self.sql.key_expr(c, work.kind, work.key_len)
        value = self.sql.set_expr("m.new", work.kind, col.info.sql_type)
        up = self.sql.update_join
        if not work.parks:
            return [(up(col.table, col.column, work.name, f"m.k = {key}", value, where), {})]
        if work.park_base is not None:
            park, parked_key = f"(m.id + {work.park_base})", c
        else:
            width = UUID_PARK_DIGITS if work.uuids else None
            park = self.sql.park_text(work.park_prefix or "~", "m.id", width)
            parked_key = self.sql.text_cmp(c) if work.kind in TEXT_KINDS else c
        return [
            # 1. rows whose value is also a new value move aside to parking values
            (up(col.table, col.column, work.name, f"m.k = {key} AND m.parked = 1",
                self.sql.set_expr(park, work.kind, col.info.sql_type), where), {}),
            # 2. every other mapped row takes its new value (no clash possible now)
            (up(col.table, col.column, work.name, f"m.k = {key} AND m.parked = 0", value,
                where), {}),
            # 3. parked rows take their new values
            (up(col.table, col.column, work.name, f"{parked_key} = {park} AND m.parked = 1",
                value, where), {}),
        ]
