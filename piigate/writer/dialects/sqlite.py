"""SQLite: one connection, PRAGMA switches, rebuilds by renaming aside."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ...db import ForeignKey
from .base import Broken, Dialect, RowsSelect, WorkRows, dbapi_cursor


class SqliteDialect(Dialect):
    name: ClassVar[str] = "sqlite"
    one_connection: ClassVar[bool] = True
    raw_text: ClassVar[bool] = True
    # SQLite keeps the left table of a CROSS JOIN outermost: salaries (2.8 M rows) read
    # through the emp_no work table took 8.9-10.5 s, against 13.4-15.6 s when it scanned
    # salaries by its primary-key index and looked every row up in the work table
    driving_join: ClassVar[str] = "CROSS JOIN"

    def insert(self, conn: Connection, table: sa.Table, rows: WorkRows, raw: bool) -> None:
        if not raw:
            conn.execute(table.insert(), rows.dicts())
            return
        # the driver's executemany with plain tuples: SQLAlchemy's per-row parameter
        # processing cost more than the insert itself (300,000 rows: ~2 s)
        marks = ", ".join(["?"] * len(rows.names))
        cursor = dbapi_cursor(conn)
        try:
            cursor.executemany(
                f"INSERT INTO {self.q(table.name)} "
                f"({', '.join(self.q(n) for n in rows.names)}) VALUES ({marks})",
                rows.rows)
        finally:
            cursor.close()

    # -- the group transaction ---------------------------------------------------------
    def relax_foreign_keys(self, conn: Connection) -> Callable[[], None]:
        before = conn.exec_driver_sql("PRAGMA foreign_keys").scalar()
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")  # only outside a transaction
        conn.commit()

        def restore() -> None:
            conn.exec_driver_sql(f"PRAGMA foreign_keys={'ON' if before else 'OFF'}")
            conn.commit()

        return restore

    def broken_foreign_key(self, conn: Connection, fks: list[ForeignKey],
                           names: dict[str, str]) -> Broken | None:
        for child in sorted({fk.table for fk in fks}):
            bad = conn.exec_driver_sql(f"PRAGMA foreign_key_check({self.q(child)})").first()
            if bad is not None:
                return child, None
        return None

    def move_sequence(self, conn: Connection, table: str, column: str, nxt: int) -> bool:
        has = conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").first()
        if has:
            conn.execute(sa.text("UPDATE sqlite_sequence SET seq = :v WHERE name = :t"),
                         {"v": nxt - 1, "t": table})
        return True

    # -- rebuilds ----------------------------------------------------------------------
    def why_not_rebuild(self, conn: Connection, table: str, group: list[str],
                        kept_reference: bool) -> str | None:
        row = conn.execute(sa.text("SELECT sql FROM sqlite_master WHERE type = 'table' "
                                   "AND name = :t"), {"t": table}).first()
        if row is None or not row[0] or not str(row[0]).upper().startswith("CREATE TABLE"):
            return "not a plain table"
        if conn.execute(sa.text("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND "
                                "tbl_name = :t"), {"t": table}).first():
            return "has triggers"
        hidden = conn.exec_driver_sql(f"PRAGMA table_xinfo({self.q(table)})").all()
        if any(r[6] != 0 for r in hidden):
            return "has generated or hidden columns"
        return None

    def rebuild_table(self, conn: Connection, table: str, sel: RowsSelect, scratch: str,
                      check_rows: Callable[[int], None]) -> None:
        """Rename the table aside with ``legacy_alter_table`` on (so other tables'
        foreign keys, views and triggers keep naming it), recreate it from its own
        ``CREATE TABLE`` text, fill it in new-key order, drop the old one, recreate its
        indexes."""
        cols = ", ".join(self.q(c) for c in sel.columns)
        fill = sa.text(f"INSERT INTO {self.q(table)} ({cols}) "
                       + sel.sql(f"{self.q(scratch)} AS {self.q(table)}", ordered=True))
        self._with_cache(conn, lambda: self._rebuild(conn, table, fill, sel.params, scratch,
                                               check_rows))

    def replace_from(self, conn: Connection, table: str, stage: str, sel: RowsSelect,
                     scratch: str, check_rows: Callable[[int], None]) -> None:
        """The same with the rows of a stage table every range of the table filled."""
        cols = ", ".join(self.q(c) for c in sel.columns)
        fill = sa.text(f"INSERT INTO {self.q(table)} ({cols}) SELECT {cols} FROM "
                       f"{self.q(stage)}{sel.order_by()}")
        self._with_cache(conn, lambda: self._rebuild(conn, table, fill, {}, scratch, check_rows))
        conn.exec_driver_sql(f"DROP TABLE {self.q(stage)}")

    @staticmethod
    def _with_cache(conn: Connection, work: Callable[[], None]) -> None:
        cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
        # the new table's indexes fill faster with 128 MB of page cache instead of the
        # 2 MB default (~25 %, docs/benchmarks.md)
        conn.exec_driver_sql("PRAGMA cache_size = -131072")
        try:
            work()
        finally:
            conn.exec_driver_sql(f"PRAGMA cache_size = {int(cache or -2000)}")

    def _rebuild(self, conn: Connection, table: str, fill: sa.TextClause,
                 params: dict[str, Any], old: str, check_rows: Callable[[int], None]) -> None:
        q = self.q
        ddl = conn.execute(sa.text("SELECT sql FROM sqlite_master WHERE type = 'table' AND "
                                   "name = :t"), {"t": table}).scalar_one()
        indexes = conn.execute(sa.text(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = :t AND "
            "sql IS NOT NULL ORDER BY name"), {"t": table}).scalars().all()
        legacy = conn.exec_driver_sql("PRAGMA legacy_alter_table").scalar()
        conn.exec_driver_sql("PRAGMA legacy_alter_table = ON")  # others keep naming `table`
        try:
            conn.exec_driver_sql(f"ALTER TABLE {q(table)} RENAME TO {q(old)}")
        finally:
            conn.exec_driver_sql(f"PRAGMA legacy_alter_table = {'ON' if legacy else 'OFF'}")
        conn.exec_driver_sql(ddl)
        res = conn.execute(fill, params)
        check_rows(res.rowcount)
        conn.exec_driver_sql(f"DROP TABLE {q(old)}")
        for stmt in indexes:
            conn.exec_driver_sql(stmt)
