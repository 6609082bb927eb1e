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
- **PostgreSQL**, inside the group's transaction: the new rows go to a temporary table,
  the table is truncated (same table: grants, owner, views, policies, sequences and
  comments stay), its droppable indexes and key constraints are dropped, the rows go
  back, and the indexes are rebuilt from ``pg_get_indexdef`` / ``pg_get_constraintdef``.
- **MariaDB/MySQL** (DDL commits there, so no transaction spans the rebuild):
  ``CREATE TABLE new LIKE t`` and fill every table of the group while the originals are
  untouched, check the foreign keys on the new tables, then one atomic
  ``RENAME TABLE`` swaps the whole group, the old tables are dropped and the foreign
  keys re-added from ``SHOW CREATE TABLE``. A sentinel table marks the swap so that an
  interrupted run is refused instead of being applied twice.

A table with triggers, generated columns or anything else a rebuild would not carry
over is not rebuilt: its group is updated in place (:func:`why_not`), with the same
result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..methods import CONSTANT_LIKE
from .sql import TEXT_KINDS, TokenizeError

if TYPE_CHECKING:
    from .group import GroupTransaction

OLD_PREFIX = "piigate_old_"
NEW_PREFIX = "piigate_new_"
SWAP_PREFIX = "piigate_swap_"
STAGE_PREFIX = "piigate_stage_"
_MYSQL_FK = re.compile(r"^\s*(CONSTRAINT\s+`(?:[^`]|``)+`\s+FOREIGN KEY\s.*?),?$")


@dataclass
class _Select:
    """A table's rows as they will be: column list, SELECT expressions, joins."""

    columns: list[str]
    exprs: list[str]
    joins: list[str]
    params: dict[str, Any]
    order: list[int]  # positions of the primary key, when a masked column is part of it

    def sql(self, source: str, ordered: bool = False) -> str:
        """``SELECT`` reading ``source`` (aliased as the table's own name); ``ordered``
        sorts by the new primary key, so a clustered index is filled in order instead of
        being split at random (MariaDB: 16 s instead of 26 s for ``salaries``)."""
        order = f" ORDER BY {', '.join(map(str, self.order))}" if ordered and self.order else ""
        return (f"SELECT {', '.join(self.exprs)} FROM {source}"
                + "".join(f" {j}" for j in self.joins) + order)


def select_for(gt: GroupTransaction, table: str) -> _Select:
    """The tokenized rows of ``table``: every column from the old row, masked columns
    through a LEFT JOIN to their work table (a value without a work-table row is one
    the transform left unchanged) or a CASE for constant-like methods. Every expression
    reads the old row, so the order of columns and entity dates does not matter."""
    sql, w = gt.sql, gt.w
    where, params = w.condition(table)
    cond = "".join(f" AND {c}" for c in where)
    by_name = {c.column: c for c in gt.plan.for_table(table)}
    columns = list(gt.plan.inventory.tables[table].columns)
    exprs: list[str] = []
    joins: list[str] = []
    params = dict(params)
    for i, name in enumerate(columns):
        c = sql.col(table, name)
        col = by_name.get(name)
        expr = c
        if col is None:
            pass
        elif col.rule.method in CONSTANT_LIKE:
            conds, value, extra = gt._constant_parts(col, f"r{i}")
            params.update(extra)
            expr = f"CASE WHEN {' AND '.join([*conds, *where])} THEN {value} ELSE {c} END"
        else:
            work = w.by_column[(table, name)]
            if work.result.changed:
                m, key = sql.q(work.name), sql.key_expr(c, work.kind)
                if work.entity_kind is not None:
                    e = sql.col(table, col.rule.entity_column or "")
                    ekey = sql.key_expr(e, work.entity_kind)
                    joins.append(f"LEFT JOIN {m} AS ma{i} ON ma{i}.e = {ekey} "
                                 f"AND ma{i}.k = {key}{cond}")
                    joins.append(f"LEFT JOIN {m} AS mb{i} ON mb{i}.e IS NULL AND {e} IS NULL "
                                 f"AND mb{i}.k = {key}{cond}")
                    news = [f"ma{i}.new", f"mb{i}.new"]
                else:
                    joins.append(f"LEFT JOIN {m} AS m{i} ON m{i}.k = {key}{cond}")
                    news = [f"m{i}.new"]
                news = [sql.set_expr(n, work.kind, col.info.sql_type) for n in news]
                old = c
                if work.kind in TEXT_KINDS and sql.name == "mysql":
                    # the work table's utf8mb4_bin and the column's collation may not mix
                    old = f"CONVERT({c} USING utf8mb4) COLLATE utf8mb4_bin"
                expr = f"COALESCE({', '.join([*news, old])})"
        exprs.append(f"{expr} AS {sql.q(name)}")
    pk = gt.plan.inventory.tables[table].primary_key
    order = [columns.index(c) + 1 for c in pk] if any(c in by_name for c in pk) else []
    return _Select(columns, exprs, joins, params, order)


# -- eligibility -----------------------------------------------------------------------


def why_not(gt: GroupTransaction, conn: Connection, table: str) -> str | None:
    """Why ``table`` cannot be rebuilt faithfully on this engine (None: it can)."""
    name = gt.sql.name
    outside = [fk for fk in gt.plan.inventory.all_foreign_keys()
               if fk.ref_table == table and fk.table not in gt.tables]
    if name == "postgresql" and any(not gt._touches_masked(fk) for fk in outside):
        return "is referenced by a foreign key on columns kept as they are"  # blocks TRUNCATE
    if name == "sqlite":
        return _why_not_sqlite(gt, conn, table)
    if name == "postgresql":
        return _why_not_pg(conn, table)
    return _why_not_mysql(gt, conn, table)


def _why_not_sqlite(gt: GroupTransaction, conn: Connection, table: str) -> str | None:
    row = conn.execute(sa.text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = :t"),
                       {"t": table}).first()
    if row is None or not row[0] or not str(row[0]).upper().startswith("CREATE TABLE"):
        return "not a plain table"
    if conn.execute(sa.text("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND "
                            "tbl_name = :t"), {"t": table}).first():
        return "has triggers"
    hidden = conn.exec_driver_sql(f"PRAGMA table_xinfo({gt.sql.q(table)})").all()
    if any(r[6] != 0 for r in hidden):
        return "has generated or hidden columns"
    return None


def _why_not_pg(conn: Connection, table: str) -> str | None:
    row = conn.execute(sa.text(
        "SELECT c.relkind, c.relrowsecurity, c.relreplident, "
        "EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND NOT g.tgisinternal), "
        "EXISTS (SELECT 1 FROM pg_rewrite r WHERE r.ev_class = c.oid), "
        "EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = c.oid OR h.inhparent = c.oid), "
        "EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 "
        "        AND NOT a.attisdropped AND a.attgenerated <> '') "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relname = :t AND n.nspname = current_schema()"), {"t": table}).first()
    if row is None or row[0] != "r":
        return "not a plain table"
    reasons = [(row[1], "has row-level security"), (row[2] == "i", "has an index replica identity"),
               (row[3], "has triggers"), (row[4], "has rules"),
               (row[5], "is part of an inheritance tree"), (row[6], "has generated columns")]
    return next((why for bad, why in reasons if bad), None)


def _why_not_mysql(gt: GroupTransaction, conn: Connection, table: str) -> str | None:
    row = conn.execute(sa.text(
        "SELECT ENGINE, TABLE_TYPE FROM information_schema.TABLES "
        "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = :t"), {"t": table}).first()
    if row is None or str(row[1]).upper() != "BASE TABLE" or str(row[0]).lower() != "innodb":
        return "not a plain InnoDB table"
    if conn.execute(sa.text("SELECT 1 FROM information_schema.TRIGGERS WHERE "
                            "EVENT_OBJECT_SCHEMA = DATABASE() AND EVENT_OBJECT_TABLE = :t"),
                    {"t": table}).first():
        return "has triggers"
    if conn.execute(sa.text(
            "SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND "
            "TABLE_NAME = :t AND (EXTRA LIKE '%GENERATED%' OR EXTRA LIKE '%INVISIBLE%' "
            "OR COALESCE(GENERATION_EXPRESSION, '') <> '')"), {"t": table}).first():
        return "has generated or invisible columns"
    refs = conn.execute(sa.text(
        "SELECT DISTINCT TABLE_NAME FROM information_schema.REFERENTIAL_CONSTRAINTS "
        "WHERE CONSTRAINT_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME = :t"),
        {"t": table}).scalars().all()
    if any(r not in gt.tables for r in refs):
        return "is referenced by a table outside its group"
    return None


# -- per engine ------------------------------------------------------------------------


class Rebuilder:
    """Rebuild the tables of one group (see the module docstring)."""

    def __init__(self, gt: GroupTransaction, index: int) -> None:
        self.gt = gt
        self.sql = gt.sql
        self.tag = f"{gt.w.tag}_{index}"

    def _name(self, prefix: str, i: int) -> str:
        return f"{prefix}{self.tag}_{i}"

    def _count(self, conn: Connection, table: str) -> int:
        """Rows of ``table`` before the rebuild (counting 2.8M InnoDB rows takes ~1 s)."""
        if table not in self.gt.row_counts:
            self.gt.row_counts[table] = int(conn.execute(
                sa.text(f"SELECT COUNT(*) FROM {self.sql.q(table)}")).scalar_one())
        return self.gt.row_counts[table]

    def _check_rows(self, table: str, expected: int, got: int) -> None:
        if got != expected:  # a duplicated work-table key would multiply rows
            raise TokenizeError(f"the rebuilt table would hold {got} rows instead of "
                                f"{expected}; nothing was changed", table=table)

    # -- SQLite ------------------------------------------------------------------------
    def sqlite_table(self, conn: Connection, i: int, table: str) -> int:
        cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
        # the new table's key index is filled in random order: 128 MB of page cache
        # instead of the 2 MB default makes that ~25 % faster (docs/benchmarks.md)
        conn.exec_driver_sql("PRAGMA cache_size = -131072")
        try:
            return self._sqlite_rebuild(conn, i, table)
        finally:
            conn.exec_driver_sql(f"PRAGMA cache_size = {int(cache or -2000)}")

    def _sqlite_rebuild(self, conn: Connection, i: int, table: str) -> int:
        q = self.sql.q
        ddl = conn.execute(sa.text("SELECT sql FROM sqlite_master WHERE type = 'table' AND "
                                   "name = :t"), {"t": table}).scalar_one()
        indexes = conn.execute(sa.text(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = :t AND "
            "sql IS NOT NULL ORDER BY name"), {"t": table}).scalars().all()
        old = self._name(OLD_PREFIX, i)
        sel = select_for(self.gt, table)
        before = self._count(conn, table)
        legacy = conn.exec_driver_sql("PRAGMA legacy_alter_table").scalar()
        conn.exec_driver_sql("PRAGMA legacy_alter_table = ON")  # others keep naming `table`
        try:
            conn.exec_driver_sql(f"ALTER TABLE {q(table)} RENAME TO {q(old)}")
        finally:
            conn.exec_driver_sql(f"PRAGMA legacy_alter_table = {'ON' if legacy else 'OFF'}")
        conn.exec_driver_sql(ddl)
        cols = ", ".join(q(c) for c in sel.columns)
        res = conn.execute(sa.text(f"INSERT INTO {q(table)} ({cols}) "
                                   + sel.sql(f"{q(old)} AS {q(table)}")), sel.params)
        self._check_rows(table, before, res.rowcount)
        conn.exec_driver_sql(f"DROP TABLE {q(old)}")
        for stmt in indexes:
            conn.exec_driver_sql(stmt)
        return before

    # -- PostgreSQL --------------------------------------------------------------------
    def pg_table(self, conn: Connection, i: int, table: str) -> int:
        q = self.sql.q
        stage = self._name(STAGE_PREFIX, i)
        sel = select_for(self.gt, table)
        res = conn.execute(sa.text(f"CREATE TEMPORARY TABLE {q(stage)} ON COMMIT DROP AS "
                                   + sel.sql(q(table))), sel.params)
        before = self._count(conn, table)
        self._check_rows(table, before, res.rowcount)
        indexes = self._pg_droppable_indexes(conn, table)
        conn.execute(sa.text(f"TRUNCATE {q(table)}"))
        for idx in indexes:
            conn.execute(sa.text(f"ALTER TABLE {q(table)} DROP CONSTRAINT {q(idx[1])}"
                                 if idx[1] else f"DROP INDEX {q(idx[0])}"))
        cols = ", ".join(q(c) for c in sel.columns)
        conn.execute(sa.text(f"INSERT INTO {q(table)} ({cols}) OVERRIDING SYSTEM VALUE "
                             f"SELECT {cols} FROM {q(stage)}"))
        for _name, con, definition in indexes:
            conn.execute(sa.text(f"ALTER TABLE {q(table)} ADD CONSTRAINT {q(con)} {definition}"
                                 if con else definition))
        conn.execute(sa.text(f"DROP TABLE {q(stage)}"))
        return before

    def _pg_droppable_indexes(self, conn: Connection, table: str) -> list[tuple[str, str, str]]:
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

    # -- MariaDB / MySQL ---------------------------------------------------------------
    def mysql_build(self, conn: Connection, tables: list[str]) -> dict[str, int]:
        """Fill ``piigate_new_*`` copies of every table; the originals stay untouched."""
        q = self.sql.q
        counts: dict[str, int] = {}
        for i, table in enumerate(tables):
            new = self._name(NEW_PREFIX, i)
            sel = select_for(self.gt, table)
            conn.execute(sa.text(f"DROP TABLE IF EXISTS {q(new)}"))
            conn.execute(sa.text(f"CREATE TABLE {q(new)} LIKE {q(table)}"))
            cols = ", ".join(q(c) for c in sel.columns)
            masked = [c.column for c in self.gt.plan.for_table(table)]
            self.gt.current = (table, masked[0] if len(masked) == 1 else None)
            self.gt.current_columns = masked
            self.gt.w._report(table, 0, None)
            res = conn.execute(sa.text(f"INSERT INTO {q(new)} ({cols}) "
                                       + sel.sql(q(table), ordered=True)), sel.params)
            conn.commit()
            counts[table] = self._count(conn, table)
            self._check_rows(table, counts[table], res.rowcount)
            self.gt.w._report(table, counts[table], counts[table])
        self.gt.current_columns = []
        return counts

    def mysql_foreign_keys(self, conn: Connection, tables: list[str]) -> dict[str, list[str]]:
        """The foreign key clauses of each table, exactly as ``SHOW CREATE TABLE`` has them."""
        out: dict[str, list[str]] = {}
        for table in tables:
            ddl = conn.execute(sa.text(f"SHOW CREATE TABLE {self.sql.q(table)}")).one()[1]
            out[table] = [m.group(1) for line in str(ddl).splitlines()
                          if (m := _MYSQL_FK.match(line))]
        return out

    def mysql_indexes(self, conn: Connection, table: str) -> dict[str, tuple[str, ...]]:
        """Index name -> its columns, in order."""
        out: dict[str, list[str]] = {}
        for r in conn.execute(sa.text(
                "SELECT INDEX_NAME, COLUMN_NAME FROM information_schema.STATISTICS WHERE "
                "TABLE_SCHEMA = DATABASE() AND TABLE_NAME = :t ORDER BY INDEX_NAME, SEQ_IN_INDEX"),
                {"t": table}):
            out.setdefault(r[0], []).append(r[1])
        return {k: tuple(v) for k, v in out.items()}

    def mysql_new_name(self, tables: list[str], table: str) -> str:
        return self._name(NEW_PREFIX, tables.index(table)) if table in tables else table

    def mysql_swap(self, conn: Connection, tables: list[str],
                   fks: dict[str, list[str]]) -> None:
        """Swap every new table in at once, drop the old ones, re-add the foreign keys.

        An index MariaDB made for a foreign key is copied by LIKE with a flag that lets
        the re-added key replace it under the constraint's name, so such indexes get
        their own names back."""
        q = self.sql.q
        names = {t: self.mysql_indexes(conn, t) for t in tables}
        pairs = []
        for i, table in enumerate(tables):
            pairs += [f"{q(table)} TO {q(self._name(OLD_PREFIX, i))}",
                      f"{q(self._name(NEW_PREFIX, i))} TO {q(table)}"]
        conn.execute(sa.text(f"RENAME TABLE {', '.join(pairs)}"))
        conn.execute(sa.text("DROP TABLE " + ", ".join(
            q(self._name(OLD_PREFIX, i)) for i in range(len(tables)))))
        for table, clauses in fks.items():
            for clause in clauses:
                conn.execute(sa.text(f"ALTER TABLE {q(table)} ADD {clause}"))
            now = self.mysql_indexes(conn, table)
            for name, cols in names[table].items():
                if name in now:
                    continue
                renamed = [n for n, c in now.items() if c == cols and n not in names[table]]
                if renamed:
                    conn.execute(sa.text(f"ALTER TABLE {q(table)} RENAME INDEX "
                                         f"{q(renamed[0])} TO {q(name)}"))

    def mysql_drop_new(self, conn: Connection, tables: list[str]) -> None:
        conn.execute(sa.text("DROP TABLE IF EXISTS " + ", ".join(
            self.sql.q(self._name(NEW_PREFIX, i)) for i in range(len(tables)))))

    def swap_marker(self) -> str:
        return f"{SWAP_PREFIX}{self.tag}"
