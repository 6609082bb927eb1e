"""One transaction group of the writer: foreign keys aside, joined updates, checks.

A group is the set of tables a masked key domain joins (or one table). Its updates run
in one transaction on the engine's own connection; any error rolls the whole group
back, so a failure leaves its tables as they were. See docs/writer.md.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Connection

from ..errors import PiiGateError
from ..methods import CONSTANT_LIKE
from ..plan import ColumnPlan
from .rebuild import Rebuilder, why_not
from .sql import TEXT_KINDS, TokenizeError, db_reason

if TYPE_CHECKING:
    from .run import _Work, _Writer


@dataclass
class _PgForeignKey:
    name: str
    table: str
    definition: str


class GroupTransaction:
    def __init__(self, writer: _Writer, tables: list[str],
                 marker: tuple[str, int] | None = None) -> None:
        self.w = writer
        self.marker = marker  # (record table, group index): the group is applied once
        self.sql = writer.sql
        self.plan = writer.plan
        self.tables = tables
        self.current: tuple[str, str | None] = (tables[0], None)
        self.current_columns: list[str] = []
        self.masked = {(c.table, c.column) for t in tables for c in self.plan.for_table(t)}
        self.row_counts: dict[str, int] = {}  # whole tables, as counted before any change

    # -- driver ------------------------------------------------------------------------
    def run(self) -> bool:
        """Apply the group; False when the record shows it applied already."""
        with self.w.engine.connect() as conn:
            if self._recorded(conn):
                return False
            conn.rollback()
            rebuild = self._rebuild_wanted(conn)
            conn.rollback()
            if rebuild and self.sql.name == "mysql":
                return self._run_mysql_rebuild(conn)
            restore = self._relax_foreign_keys(conn)
            try:
                if not self._record(conn):
                    conn.rollback()
                    return False
                pg_fks = self._drop_pg_foreign_keys(conn, outgoing=rebuild)
                rb = Rebuilder(self, self.marker[1] if self.marker else 0)
                for i, t in enumerate(self.tables):
                    if rebuild:
                        self._rebuild_table(conn, rb, i, t)
                    else:
                        self._update_table(conn, t)
                self.current = (self.tables[0], None)
                self._restore_pg_foreign_keys(conn, pg_fks)
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
        """MariaDB: ALTER TABLE commits implicitly, so it runs after the group's commit."""
        for table, value in auto:
            try:
                conn.execute(sa.text(
                    f"ALTER TABLE {self.sql.q(table)} AUTO_INCREMENT = {value}"))
            except sa_exc.SQLAlchemyError as exc:
                raise TokenizeError(
                    "the table was tokenized and committed, but its AUTO_INCREMENT could "
                    f"not be moved past the new keys ({db_reason(exc)})",
                    table=table) from None
        conn.commit()

    def _failed(self, exc: sa_exc.SQLAlchemyError) -> TokenizeError:
        """The error for a failed group, naming the table and column being written."""
        table, column = self.current
        # MariaDB reports CHECK failures as OperationalError 4025 with SQLSTATE 23000
        code = getattr(getattr(exc, "orig", None), "args", [None])[0]
        if isinstance(exc, sa_exc.IntegrityError) or code == 4025:
            return TokenizeError(
                "masked values violate a constraint: a unique key clash (a method that is "
                "not one-to-one, or a new value equal to a value kept in the table) or a "
                f"CHECK constraint{self._columns_note()}; the table group "
                f"{', '.join(self.tables)} was rolled back and is unchanged "
                f"({db_reason(exc)})", table=table, column=column)
        return TokenizeError(
            f"database error while updating{self._columns_note()}; the table group "
            f"{', '.join(self.tables)} was rolled back and is unchanged ({db_reason(exc)})",
            table=table, column=column)

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
    def _relax_foreign_keys(self, conn: Connection) -> Any:
        """Turn off per-statement FK enforcement where the engine needs a session switch."""
        if self.sql.name == "sqlite":
            before = conn.exec_driver_sql("PRAGMA foreign_keys").scalar()
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")  # only outside a transaction
            conn.commit()

            def restore() -> None:
                conn.exec_driver_sql(f"PRAGMA foreign_keys={'ON' if before else 'OFF'}")
                conn.commit()

            return restore
        if self.sql.name == "mysql":
            before = conn.exec_driver_sql("SELECT @@SESSION.foreign_key_checks").scalar()
            conn.exec_driver_sql("SET SESSION foreign_key_checks = 0")

            def restore_mysql() -> None:
                conn.exec_driver_sql(f"SET SESSION foreign_key_checks = {int(before or 0)}")

            return restore_mysql
        return lambda: None

    def _touches_masked(self, fk: Any) -> bool:
        return any((fk.table, c) in self.masked for c in fk.columns) or any(
            (fk.ref_table, c) in self.masked for c in fk.ref_columns)

    def _group_foreign_keys(self) -> list[Any]:
        group = set(self.tables)
        return [fk for fk in self.plan.inventory.all_foreign_keys()
                if (fk.table in group or fk.ref_table in group) and self._touches_masked(fk)]

    def _drop_pg_foreign_keys(self, conn: Connection,
                              outgoing: bool = False) -> list[_PgForeignKey]:
        """PostgreSQL: drop FKs on masked columns (exact definitions kept to re-add).

        With ``outgoing`` (a rebuild) every FK of the group's tables goes too: re-adding
        checks all rows in one join, where each inserted row would check itself."""
        if self.sql.name != "postgresql":
            return []
        wanted = {(fk.table, fk.name) for fk in self._group_foreign_keys()}
        if outgoing:
            wanted |= {(fk.table, fk.name) for fk in self.plan.inventory.all_foreign_keys()
                       if fk.table in self.tables}
        if not wanted:
            return []
        rows = conn.execute(sa.text(
            "SELECT c.conname, cl.relname, pg_get_constraintdef(c.oid) FROM pg_constraint c "
            "JOIN pg_class cl ON cl.oid = c.conrelid "
            "JOIN pg_namespace n ON n.oid = cl.relnamespace "
            "WHERE c.contype = 'f' AND n.nspname = current_schema()")).all()
        fks = [_PgForeignKey(r[0], r[1], r[2]) for r in rows if (r[1], r[0]) in wanted]
        for fk in fks:
            conn.execute(sa.text(
                f"ALTER TABLE {self.sql.q(fk.table)} DROP CONSTRAINT {self.sql.q(fk.name)}"))
        return fks

    def _restore_pg_foreign_keys(self, conn: Connection, fks: list[_PgForeignKey]) -> None:
        for fk in fks:
            try:
                conn.execute(sa.text(
                    f"ALTER TABLE {self.sql.q(fk.table)} ADD CONSTRAINT "
                    f"{self.sql.q(fk.name)} {fk.definition}"))
            except sa_exc.IntegrityError:
                raise self._broken(fk.table, fk.name) from None

    def _check_foreign_keys(self, conn: Connection, names: dict[str, str] | None = None) -> None:
        """MariaDB and SQLite: prove no masked foreign key lost its parent row.

        ``names`` maps a table to the one to read instead (MariaDB's rebuilt copies,
        checked before they are swapped in)."""
        if self.sql.name == "postgresql":
            return  # re-adding the constraints validated them
        fks = self._group_foreign_keys()
        names = names or {}
        if self.sql.name == "sqlite":
            for child in sorted({fk.table for fk in fks}):
                bad = conn.exec_driver_sql(
                    f"PRAGMA foreign_key_check({self.sql.q(child)})").first()
                if bad is not None:
                    raise self._broken(child, None)
            return
        for fk in fks:
            c = self.sql.q(names.get(fk.table, fk.table))
            p = self.sql.q(names.get(fk.ref_table, fk.ref_table))
            not_null = " AND ".join(f"{c}.{self.sql.q(a)} IS NOT NULL" for a in fk.columns)
            match = " AND ".join(f"p.{self.sql.q(b)} = {c}.{self.sql.q(a)}"
                                 for a, b in zip(fk.columns, fk.ref_columns, strict=True))
            orphan = conn.execute(sa.text(
                f"SELECT 1 FROM {c} WHERE {not_null} AND NOT EXISTS "
                f"(SELECT 1 FROM {p} AS p WHERE {match}) LIMIT 1")).first()
            if orphan is not None:
                raise self._broken(fk.table, fk.name)

    def _broken(self, table: str, name: str | None) -> PiiGateError:
        what = f"foreign key {name}" if name else "a foreign key"
        return TokenizeError(
            f"{what} does not hold after masking (a referencing column is not in the key's "
            f"domain?); the table group {', '.join(self.tables)} was rolled back and is "
            "unchanged", table=table)

    # -- sequences ---------------------------------------------------------------------
    def _reset_sequences(self, conn: Connection) -> list[tuple[str, int]]:
        """Move sequences of masked integer keys past the new maximum."""
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
            if self.sql.name == "postgresql":
                seq = conn.execute(sa.text("SELECT pg_get_serial_sequence(:t, :c)"),
                                   {"t": qt, "c": col.name}).scalar()
                if seq:
                    conn.execute(sa.text("SELECT setval(:s, :v, false)"), {"s": seq, "v": nxt})
            elif self.sql.name == "sqlite":
                has = conn.exec_driver_sql(
                    "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").first()
                if has:
                    conn.execute(sa.text("UPDATE sqlite_sequence SET seq = :v WHERE name = :t"),
                                 {"v": nxt - 1, "t": t})
            else:
                extra = conn.execute(sa.text(
                    "SELECT EXTRA FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = "
                    "DATABASE() AND TABLE_NAME = :t AND COLUMN_NAME = :c"),
                    {"t": t, "c": col.name}).scalar()
                if extra and "auto_increment" in str(extra).lower():
                    later.append((t, nxt))
        return later

    # -- rebuild -----------------------------------------------------------------------
    def _rebuild_wanted(self, conn: Connection) -> bool:
        """Rebuild the group when asked and every table of it can be (writer_rebuild)."""
        if not self.w.rebuild:
            return False
        return all(why_not(self, conn, t) is None for t in self.tables)

    def _rebuild_table(self, conn: Connection, rb: Rebuilder, i: int, table: str) -> None:
        started = time.perf_counter()
        masked = [c.column for c in self.plan.for_table(table)]
        self.current = (table, masked[0] if len(masked) == 1 else None)
        self.current_columns = masked
        total = self._rule_rows(conn, table)
        self.w._report(table, 0, total)
        if self.sql.name == "sqlite":
            rb.sqlite_table(conn, i, table)
        else:
            rb.pg_table(conn, i, table)
        self.w._report(table, total, total)
        self.current_columns = []
        self._done(table, total, started, rebuilt=True)

    def _rule_rows(self, conn: Connection, table: str) -> int:
        """Rows the table's rules apply to (all, or those matching its ``when``)."""
        where, params = self.w.condition(table)
        count = f"SELECT COUNT(*) FROM {self.sql.q(table)}"
        if where:
            count += " WHERE " + " AND ".join(where)
        rows = int(conn.execute(sa.text(count), params).scalar_one())
        if not where:
            self.row_counts[table] = rows  # the rebuild's row check reuses it
        return rows

    def _done(self, table: str, rows: int, started: float, rebuilt: bool = False) -> None:
        res = self.w.result.tables[table]
        res.rows = rows
        res.rebuilt = rebuilt
        res.seconds = time.perf_counter() - started

    def _run_mysql_rebuild(self, conn: Connection) -> bool:
        """MariaDB: build every new table, check, swap them all in at once, record.

        DDL commits implicitly there, so the group's atomicity comes from building aside
        and one atomic RENAME; a named lock keeps a duplicate unit of the same group out,
        and a sentinel table left by an interrupted swap makes every retry refuse."""
        rb = Rebuilder(self, self.marker[1] if self.marker else 0)
        lock = f"piigate_{rb.tag}"
        if not conn.execute(sa.text("SELECT GET_LOCK(:n, 3600)"), {"n": lock}).scalar():
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
            restore = self._relax_foreign_keys(conn)
            try:
                self._mysql_rebuild(conn, rb, sentinel)
            finally:
                restore()
                conn.commit()
        finally:
            conn.execute(sa.text("SELECT RELEASE_LOCK(:n)"), {"n": lock})
        return True

    def _mysql_rebuild(self, conn: Connection, rb: Rebuilder, sentinel: str) -> None:
        started = time.perf_counter()
        totals = {t: self._rule_rows(conn, t) for t in self.tables}
        try:
            rb.mysql_build(conn, self.tables)
            self.current = (self.tables[0], None)
            self._check_foreign_keys(conn, {t: rb.mysql_new_name(self.tables, t)
                                            for t in self.tables})
            fks = rb.mysql_foreign_keys(conn, self.tables)
        except sa_exc.SQLAlchemyError as exc:
            self._drop_new_quietly(conn, rb)
            raise self._failed(exc) from None
        except BaseException:
            self._drop_new_quietly(conn, rb)
            raise
        try:
            conn.execute(sa.text(f"CREATE TABLE {self.sql.q(sentinel)} (x INT)"))
            rb.mysql_swap(conn, self.tables, fks)
            self._record(conn)
            auto = self._reset_sequences(conn)
            conn.commit()
            conn.execute(sa.text(f"DROP TABLE {self.sql.q(sentinel)}"))
        except sa_exc.SQLAlchemyError as exc:
            raise TokenizeError(
                "database error while swapping the rebuilt tables in; the group may be half "
                f"applied and every retry will refuse ({db_reason(exc)})",
                table=self.tables[0]) from None
        self._move_auto_increment(conn, auto)
        for t in self.tables:
            self._done(t, totals[t], started, rebuilt=True)

    @staticmethod
    def _drop_new_quietly(conn: Connection, rb: Rebuilder) -> None:
        try:
            conn.rollback()
            rb.mysql_drop_new(conn, rb.gt.tables)
            conn.commit()
        except sa_exc.SQLAlchemyError:
            pass  # the original error matters more; leftovers are named piigate_new_*

    # -- tables ------------------------------------------------------------------------
    def _ordered(self, table: str) -> list[ColumnPlan]:
        """Per-entity date shifts first (they read the entity's old value), the column
        of the row condition last (the condition must hold for every statement)."""
        cols = self.plan.for_table(table)
        rule = self.plan.schema.tables.get(table)
        when_col = rule.when.column if rule is not None and rule.when is not None else None

        def rank(c: ColumnPlan) -> int:
            if c.rule.method == "date_shift" and c.rule.entity_column:
                return 0
            return 2 if c.column == when_col else 1

        return sorted(cols, key=rank)

    def _update_table(self, conn: Connection, table: str) -> None:
        started = time.perf_counter()
        where, params = self.w.condition(table)
        self.current = (table, None)
        total = self._rule_rows(conn, table)
        steps = self._steps(table, where)
        self.w._report(table, 0, total)
        for i, (columns, stmts) in enumerate(steps, 1):
            self.current = (table, columns[0] if len(columns) == 1 else None)
            self.current_columns = columns
            for stmt, extra in stmts:
                conn.execute(sa.text(stmt), {**params, **extra})
            self.w._report(table, total * i // len(steps), total)
        self.current_columns = []
        self._done(table, total, started)

    def _steps(self, table: str, where: list[str]) -> list[tuple[list[str], list]]:
        """Statements per column, in order; simple columns share one UPDATE.

        Several columns of a table that need no parking and no entity are set in one
        statement (one rewrite of each row instead of one per column, which matters on
        PostgreSQL, and triggers fire once).
        """
        cols = self._ordered(table)
        rule = self.plan.schema.tables.get(table)
        when_col = rule.when.column if rule is not None and rule.when is not None else None
        simple = [c for c in cols if c.column != when_col and self._simple(c)]
        steps: list[tuple[list[str], list]] = []
        for col in cols:
            if len(simple) >= 2 and col in simple:
                if col is simple[0]:
                    steps.append(([c.column for c in simple],
                                  [self._combined(table, simple, where)]))
                continue
            steps.append(([col.column], self._statements(col, where)))
        return steps

    def _simple(self, col: ColumnPlan) -> bool:
        if col.rule.method in CONSTANT_LIKE:
            return True
        work = self.w.by_column[(col.table, col.column)]
        return work.entity_kind is None and work.result.changed > 0 and not (
            work.parked and (work.park_base is not None or work.park_prefix is not None))

    def _combined(self, table: str, cols: list[ColumnPlan],
                  where: list[str]) -> tuple[str, dict]:
        sets: list[str] = []
        params: dict[str, Any] = {}
        for i, col in enumerate(cols):
            c = self.sql.col(table, col.column)
            if col.rule.method in CONSTANT_LIKE:
                conds, value, extra = self._constant_parts(col, f"c{i}")
                params.update(extra)
                sets.append(f"{self.sql.q(col.column)} = CASE WHEN {' AND '.join(conds)} "
                            f"THEN {value} ELSE {c} END")
                continue
            work = self.w.by_column[(table, col.column)]
            found = (f"(SELECT m.new FROM {self.sql.q(work.name)} AS m "
                     f"WHERE m.k = {self.sql.key_expr(c, work.kind)})")
            new = self.sql.set_expr(found, work.kind, col.info.sql_type)
            # each expression reads only its own column: MariaDB assigns left to right
            sets.append(f"{self.sql.q(col.column)} = COALESCE({new}, {c})")
        stmt = f"UPDATE {self.sql.q(table)} SET {', '.join(sets)}"
        if where:
            stmt += " WHERE " + " AND ".join(where)
        return stmt, params

    def _statements(self, col: ColumnPlan, where: list[str]) -> list[tuple[str, dict]]:
        if col.rule.method in CONSTANT_LIKE:
            conds, value, params = self._constant_parts(col, "v")
            stmt = (f"UPDATE {self.sql.q(col.table)} SET {self.sql.q(col.column)} = {value} "
                    "WHERE " + " AND ".join([*conds, *where]))
            return [(stmt, params)]
        work = self.w.by_column[(col.table, col.column)]
        if work.result.changed == 0:
            return []
        if work.entity_kind is not None:
            return self._entity_updates(col, work, where)
        return self._mapped_updates(col, work, where)

    def _constant_parts(self, col: ColumnPlan, tag: str) -> tuple[list[str], str, dict]:
        """Which rows a constant-like method changes, the value, and its parameters."""
        c = self.sql.col(col.table, col.column)
        conds = [f"{c} IS NOT NULL"]
        if col.info.kind == "text":
            conds.append(f"{c} <> ''")  # empty stays empty, like every transform
        params: dict[str, Any] = {}
        value = "NULL"
        if col.rule.method != "null":
            value, params[tag] = f":{tag}", col.rule.value
        persist = list(col.rule.persist_values)
        if persist:
            names = {f"{tag}_p{i}": v for i, v in enumerate(persist)}
            conds.append(f"{c} NOT IN ({', '.join(':' + k for k in names)})")
            params.update(names)
        return conds, value, params

    def _entity_updates(self, col: ColumnPlan, work: _Work,
                        where: list[str]) -> list[tuple[str, dict]]:
        c = self.sql.col(col.table, col.column)
        e = self.sql.col(col.table, col.rule.entity_column)
        key = self.sql.key_expr(c, work.kind)
        ekey = self.sql.key_expr(e, work.entity_kind or "text")
        value = self.sql.set_expr("m.new", work.kind, col.info.sql_type)
        up = self.sql.update_join
        return [
            (up(col.table, col.column, work.name, f"m.e = {ekey} AND m.k = {key}", value,
                where), {}),
            (up(col.table, col.column, work.name, f"m.e IS NULL AND m.k = {key}", value,
                [f"{e} IS NULL", *where]), {}),
        ]

    def _mapped_updates(self, col: ColumnPlan, work: _Work,
                        where: list[str]) -> list[tuple[str, dict]]:
        c = self.sql.col(col.table, col.column)
        key = self.sql.key_expr(c, work.kind)
        value = self.sql.set_expr("m.new", work.kind, col.info.sql_type)
        up = self.sql.update_join
        if not work.parked or (work.park_base is None and work.park_prefix is None):
            return [(up(col.table, col.column, work.name, f"m.k = {key}", value, where), {})]
        if work.park_base is not None:
            park, parked_key = f"(m.id + {work.park_base})", c
        else:
            park = self.sql.park_text(work.park_prefix or "~", "m.id")
            parked_key = self.sql.text_cmp(c) if work.kind in TEXT_KINDS else c
        return [
            # 1. rows whose value is also a new value move aside to parking values
            (up(col.table, col.column, work.name, f"m.k = {key} AND m.parked = 1", park,
                where), {}),
            # 2. every other mapped row takes its new value (no clash possible now)
            (up(col.table, col.column, work.name, f"m.k = {key} AND m.parked = 0", value,
                where), {}),
            # 3. parked rows take their new values
            (up(col.table, col.column, work.name, f"{parked_key} = {park} AND m.parked = 1",
                value, where), {}),
        ]
