"""Rewrite a table group by rebuilding its tables instead of updating rows in place.

Changing a key column in place is the most expensive thing a database does: every row
gets a new version, every index entry moves in random order, and a permuted key needs
parking passes. A rebuild writes each row once, already tokenized, through one
``INSERT ... SELECT`` joined to the work tables, and builds indexes by sorting
afterwards; the full employees benchmark runs 3-4 times faster this way on MariaDB
(docs/benchmarks.md). Each engine keeps the table's identity its own way (docs/writer.md):

- **SQLite**, inside the group's transaction: the table is renamed aside with
  ``legacy_alter_table`` on (so other tables' foreign keys, views and triggers keep
  naming it), recreated from its own ``CREATE TABLE`` text, filled, the old one dropped
  and its indexes recreated from their own SQL.
- **PostgreSQL**, inside the group's transaction: where a new table would lose nothing
  of the table's own (no grants, views, comments, identity columns and the like:
  ``why_not_swap``), the new rows go to a new table made ``LIKE`` it, its indexes are
  built by sorting and it takes the table's place and names. Otherwise the new rows go
  to a temporary table, the table is truncated (same table: grants, owner, views,
  policies, sequences and comments stay), its droppable indexes and key constraints are
  dropped, the rows go back, and the indexes are rebuilt from ``pg_get_indexdef`` /
  ``pg_get_constraintdef``.
- **MariaDB/MySQL** (DDL commits there, so no transaction spans the rebuild):
  ``CREATE TABLE new LIKE t`` and fill every table of the group while the originals are
  untouched, check the foreign keys on the new tables, then one atomic
  ``RENAME TABLE`` swaps the whole group, the old tables are dropped and the foreign
  keys re-added from ``SHOW CREATE TABLE``. A sentinel table marks the swap so that an
  interrupted run is refused instead of being applied twice.

A table with triggers, generated columns or anything else a rebuild would not carry
over is not rebuilt: its group is updated in place (:meth:`Rebuilder.why_not`), with the
same result. The engine-specific statements are in :mod:`piigate.writer.dialects`.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..db import ForeignKey
from .dialects import RowsSelect
from .names import NEW_PREFIX, OLD_PREFIX, aside_name, swap_marker
from .results import TokenizeError
from .work import Work, WorkTables, constant_like, constant_parts, entity_column


def touches_masked(fk: ForeignKey, masked: set[tuple[str, str]]) -> bool:
    """Whether the foreign key joins a masked column on either side."""
    return any((fk.table, c) in masked for c in fk.columns) or any(
        (fk.ref_table, c) in masked for c in fk.ref_columns)


class Rebuilder:
    """Rebuild the tables of one group (see the module docstring)."""

    def __init__(self, works: WorkTables, tables: list[str], index: int,
                 masked: set[tuple[str, str]], row_counts: dict[str, int]) -> None:
        self.works = works
        self.sql = works.sql
        self.plan = works.plan
        self.tables = tables
        self.masked = masked
        self.row_counts = row_counts  # shared with the group: counted once
        self.tag = f"{works.tag}_{index}"
        self.run_tag, self.group = works.tag, index

    def _name(self, prefix: str, i: int) -> str:
        return aside_name(prefix, self.run_tag, self.group, i)

    # -- eligibility -------------------------------------------------------------------
    def why_not(self, conn: Connection, table: str) -> str | None:
        """Why ``table`` cannot be rebuilt faithfully on this engine (None: it can)."""
        kept = any(fk.ref_table == table and fk.table not in self.tables
                   and not touches_masked(fk, self.masked)
                   for fk in self.plan.inventory.all_foreign_keys())
        return self.sql.why_not_rebuild(conn, table, self.tables, kept)

    # -- rows --------------------------------------------------------------------------
    def select_for(self, table: str) -> RowsSelect:
        """The tokenized rows of ``table``: every column from the old row, masked
        columns through a LEFT JOIN to their work table (a value without a work-table
        row is one the transform left unchanged) or a CASE for constant-like methods.
        Every expression reads the old row, so the order of columns and entity dates
        does not matter."""
        sql, w = self.sql, self.works
        where, params = w.condition(table)
        cond = "".join(f" AND {c}" for c in where)
        by_name = {c.column: c for c in self.plan.for_table(table)}
        info = self.plan.inventory.tables[table]
        columns = list(info.columns)
        exprs: list[str] = []
        joins: list[str] = []
        lead: tuple[str, str] | None = None
        params = dict(params)
        for i, name in enumerate(columns):
            c = sql.col(table, name)
            col = by_name.get(name)
            expr = c
            if col is None:
                pass
            elif constant_like(col):
                conds, value, extra = constant_parts(sql, col, f"r{i}")
                params.update(extra)
                expr = f"CASE WHEN {' AND '.join([*conds, *where])} THEN {value} ELSE {c} END"
            else:
                work = w.by_column[(table, name)]
                if work.result.changed:
                    m, key = sql.q(work.name), sql.key_expr(c, work.kind, work.key_len)
                    if work.entity_kind is not None:
                        e = sql.col(table, entity_column(col) or "")
                        ekey = sql.key_expr(e, work.entity_kind)
                        joins.append(f"LEFT JOIN {m} AS ma{i} ON ma{i}.e = {ekey} "
                                     f"AND ma{i}.k = {key}{cond}")
                        joins.append(f"LEFT JOIN {m} AS mb{i} ON mb{i}.e IS NULL "
                                     f"AND {e} IS NULL AND mb{i}.k = {key}{cond}")
                        news = [f"ma{i}.new", f"mb{i}.new"]
                    elif self._leads(table, name, work, where):
                        lead = (f"{m} AS m{i} {sql.driving_join}", f"m{i}.k = {key}")
                        news = [f"m{i}.new"]
                    else:
                        joins.append(f"LEFT JOIN {m} AS m{i} ON m{i}.k = {key}{cond}")
                        news = [f"m{i}.new"]
                    news = [sql.set_expr(n, work.kind, col.info.sql_type) for n in news]
                    expr = f"COALESCE({', '.join([*news, sql.join_old(c, work.kind)])})"
            exprs.append(f"{expr} AS {sql.q(name)}")
        pk = info.primary_key
        order = [columns.index(c) + 1 for c in pk] if any(c in by_name for c in pk) else []
        return RowsSelect(columns, exprs, joins, params, order, lead)

    def _leads(self, table: str, column: str, work: Work, where: list[str]) -> bool:
        """Whether the rows are read through ``column``'s work table instead of joining
        it to each row: on MariaDB, 300,024 keys driving 2.8 M primary-key lookups into
        ``salaries`` (in key order) took 14-18 s where 2.8 M lookups into the work table
        took 19-23 s (SQLite: 8.9-10.5 s against 13.4-15.6 s). Only where it cannot lose
        a row: the table's leading key column (never NULL), no row condition, and every
        value of the domain changed (values a transform leaves alone have no work row).
        A lost row would still be caught by the row count before anything is swapped
        in."""
        info = self.plan.inventory.tables[table]
        col = info.columns[column]
        return (bool(self.sql.driving_join) and bool(info.primary_key)
                and info.primary_key[0] == column and not col.nullable and not where
                and work.entity_kind is None
                and work.result.changed == work.result.distinct)

    def count(self, conn: Connection, table: str) -> int:
        """Rows of ``table`` before the rebuild (counting 2.8M InnoDB rows takes ~1 s)."""
        if table not in self.row_counts:
            self.row_counts[table] = int(conn.execute(
                sa.text(f"SELECT COUNT(*) FROM {self.sql.q(table)}")).scalar_one())
        return self.row_counts[table]

    @staticmethod
    def _check_rows(table: str, expected: int, got: int) -> None:
        if got != expected:  # a duplicated work-table key would multiply rows
            raise TokenizeError(f"the rebuilt table would hold {got} rows instead of "
                                f"{expected}; nothing was changed", table=table)

    # -- in the group's transaction ----------------------------------------------------
    def rebuild(self, conn: Connection, i: int, table: str) -> int:
        """Rewrite ``table`` (the ``i``-th of the group) in place; its rows."""
        sel = self.select_for(table)
        before = self.count(conn, table)

        def check(got: int) -> None:
            self._check_rows(table, before, got)

        self.sql.rebuild_table(conn, table, sel, self._name(self.sql.rebuild_scratch, i),
                               check)
        return before

    # -- in primary-key ranges (piigate.writer.units) ---------------------------------
    def stage_name(self, i: int) -> str:
        """Where the ``i``-th table's rebuilt rows collect, range by range (MariaDB: the
        table that is swapped in)."""
        return self._name(NEW_PREFIX, i)

    def create_stages(self, conn: Connection) -> None:
        for i, table in enumerate(self.tables):
            self.sql.create_stage(conn, table, self.stage_name(i))
        conn.commit()

    def fill_stage(self, conn: Connection, i: int, table: str, where: str,
                   params: dict[str, object]) -> int:
        """Add the rebuilt rows of ``table`` matching ``where`` (a primary-key range) to
        its stage (in new-key order where the stage is the new table), in the caller's
        transaction; the rows written."""
        sel = self.select_for(table)
        cols = ", ".join(self.sql.q(c) for c in sel.columns)
        res = conn.execute(sa.text(
            f"INSERT INTO {self.sql.q(self.stage_name(i))} ({cols}) "
            + sel.sql(self.sql.q(table), ordered=self.sql.fill_ordered(), where=where)),
            {**sel.params, **params})
        return int(res.rowcount)

    def from_stage(self, conn: Connection, i: int, table: str) -> int:
        """Inside the group's transaction: ``table`` takes its staged rows; its rows."""
        before = self.count(conn, table)

        def check(got: int) -> None:
            self._check_rows(table, before, got)

        self.sql.replace_from(conn, table, self.stage_name(i), self.select_for(table),
                              self._name(self.sql.rebuild_scratch, i), check)
        return before

    def check_stage(self, conn: Connection, i: int, table: str) -> int:
        """Engines that swap stages in: every range is in (as many rows as the table)."""
        got = int(conn.execute(sa.text(
            f"SELECT COUNT(*) FROM {self.sql.q(self.stage_name(i))}")).scalar_one())
        rows = self.count(conn, table)
        self._check_rows(table, rows, got)
        return rows

    # -- aside, then one swap (engines whose DDL commits) ------------------------------
    def build_aside(self, conn: Connection, i: int, table: str) -> int:
        """Fill the new copy of ``table`` (the ``i``-th of the group); its rows. The
        original stays untouched."""
        got = self.sql.build_aside(conn, table, self._name(NEW_PREFIX, i),
                                   self.select_for(table))
        rows = self.count(conn, table)
        self._check_rows(table, rows, got)
        return rows

    def new_names(self) -> dict[str, str]:
        """Each table -> its rebuilt copy."""
        return {t: self._name(NEW_PREFIX, i) for i, t in enumerate(self.tables)}

    def foreign_keys(self, conn: Connection) -> dict[str, list[str]]:
        return self.sql.foreign_key_clauses(conn, self.tables)

    def swap(self, conn: Connection, fks: dict[str, list[str]]) -> None:
        """Swap every new table in at once, drop the old ones, re-add the foreign keys."""
        self.sql.swap_aside(conn, [(t, self._name(NEW_PREFIX, i), self._name(OLD_PREFIX, i))
                                   for i, t in enumerate(self.tables)], fks)

    def drop_new(self, conn: Connection) -> None:
        self.sql.drop_tables(conn, list(self.new_names().values()))

    def swap_marker(self) -> str:
        return swap_marker(self.run_tag, self.group)

    def lock_name(self) -> str:
        return f"piigate_{self.tag}"


