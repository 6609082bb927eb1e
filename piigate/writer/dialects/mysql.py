"""MariaDB/MySQL: binary MD5 keys for text, fast integer paths for PyMySQL,
``foreign_key_checks`` off with an orphan check, rebuilds aside and one atomic swap."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Generator
from typing import Any, ClassVar

import sqlalchemy as sa
from sqlalchemy import exc as sa_exc
from sqlalchemy.dialects import mysql
from sqlalchemy.engine import Connection

from ...db import ForeignKey
from ..results import TokenizeError
from .base import TEXT_KINDS, Dialect, RowsSelect, WorkRows, dbapi_cursor

_FK_CLAUSE = re.compile(r"^\s*(CONSTRAINT\s+`(?:[^`]|``)+`\s+FOREIGN KEY\s.*?),?$")
_CHECK_FAILED = 4025  # CHECK failures come as OperationalError 4025 (SQLSTATE 23000)


class MysqlDialect(Dialect):
    name: ClassVar[str] = "mysql"
    rebuilds_aside: ClassVar[bool] = True
    driving_join: ClassVar[str] = "STRAIGHT_JOIN"

    # -- keys --------------------------------------------------------------------------
    def select_expr(self, expr: str, kind: str) -> str:
        if kind in TEXT_KINDS:
            # binary, so DISTINCT keeps 'Li' and 'LI' and 'Li ' apart
            return f"CAST(CONVERT({expr} USING utf8mb4) AS BINARY)"
        return expr

    # Text is keyed by its exact bytes (the default collations ignore case and trailing
    # spaces): short text by the bytes themselves, longer text by their MD5, which fits
    # an index entry. Hashing every row cost MariaDB more than the join: the rebuild of
    # 300,024 employees joined to two name maps took 10-13 s keyed by MD5, 4-6 s by bytes.
    def key_expr(self, expr: str, kind: str, key_len: int | None = None) -> str:
        if kind in TEXT_KINDS:
            exact = self.select_expr(expr, kind)
            return exact if key_len is not None else f"UNHEX(MD5({exact}))"
        return expr

    def py_key(self, value: Any, kind: str, key_len: int | None = None) -> Any:
        if kind in TEXT_KINDS:
            exact = value.encode("utf-8")
            return exact if key_len is not None else hashlib.md5(exact).digest()  # noqa: S324
        return value

    def key_type(self, kind: str, col_type: sa.types.TypeEngine[Any], big: bool,
                 key_len: int | None = None) -> sa.types.TypeEngine[Any]:
        if kind in TEXT_KINDS:
            # utf8mb4: at most 4 bytes a character, so no key is ever cut short
            return sa.VARBINARY(4 * max(key_len, 1)) if key_len is not None else sa.BINARY(16)
        return super().key_type(kind, col_type, big)

    def new_type(self, kind: str, col_type: sa.types.TypeEngine[Any], big: bool,
                 length: int | None = None) -> sa.types.TypeEngine[Any]:
        """Text of a bounded length stays a VARCHAR: a LONGTEXT would make every sort
        over it (the rebuild's ORDER BY) go through an on-disk temporary table. A new
        value longer than that is refused there, as by the column itself."""
        if kind == "text" and length is not None and length <= 2000:
            return mysql.VARCHAR(length, charset="utf8mb4", collation="utf8mb4_bin")
        if kind in TEXT_KINDS:
            return mysql.LONGTEXT(charset="utf8mb4", collation="utf8mb4_bin")
        return self.key_type(kind, col_type, big)

    def join_old(self, expr: str, kind: str) -> str:
        if kind in TEXT_KINDS:
            # the work table's utf8mb4_bin and the column's collation may not mix
            return f"CONVERT({expr} USING utf8mb4) COLLATE utf8mb4_bin"
        return expr

    def range_expr(self, expr: str, kind: str) -> str:
        return self.select_expr(expr, kind)  # bytes: one order whatever the collation

    def unique_by(self, kind: str) -> str:
        # default collations ignore case, accents and trailing spaces: compare folded
        return "fn" if kind in TEXT_KINDS else "new"

    # -- parking and statements --------------------------------------------------------
    def park_text(self, prefix: str, id_expr: str, width: int | None = None) -> str:
        if width is not None:
            return f"CONCAT('{prefix}', LPAD({id_expr}, {width}, '0'))"
        return f"CONCAT('{prefix}', {id_expr})"

    def update_join(self, table: str, column: str, work: str, on: str, value: str,
                    where: list[str]) -> str:
        t = self.q(table)
        head = f"UPDATE {t} JOIN {self.q(work)} AS m ON {on} SET {t}.{self.q(column)} = {value}"
        return head + (f" WHERE {' AND '.join(where)}" if where else "")

    def mark_parked(self, work: str, old: str, new: str) -> str:
        m = self.q(work)  # MariaDB cannot read the table it updates in a subquery
        return (f"UPDATE {m} AS a JOIN (SELECT DISTINCT {new} AS n FROM {m}) AS b "
                f"ON b.n = a.{old} SET a.parked = 1")

    # -- work tables -------------------------------------------------------------------
    def analyze(self, conn: Connection, table: str) -> None:
        # without, MariaDB guesses 15,000 rows per key
        conn.execute(sa.text(f"ANALYZE TABLE {self.q(table)}")).all()

    def distinct_ints(self, conn: Connection, query: str, params: dict[str, Any],
                      chunk: int) -> Generator[list[int], None, None]:
        """Read a thousand integers to a row (``GROUP_CONCAT`` per ``k DIV 1000``):
        PyMySQL parses every row in Python, so 300,000 one-value rows cost ~10 s where
        300 rows cost nothing."""
        conn.execute(sa.text("SET SESSION group_concat_max_len = 16777216"))
        grouped = (f"SELECT GROUP_CONCAT(d.k SEPARATOR ',') FROM ({query}) AS d "
                   "GROUP BY d.k DIV 1000")
        result = conn.execute(sa.text(grouped).bindparams(**params),
                              execution_options={"stream_results": True})
        return _int_chunks(result, chunk)

    def insert(self, conn: Connection, table: sa.Table, rows: WorkRows, raw: bool) -> None:
        """Integer rows (``raw``) as literal multi-row INSERTs: PyMySQL escapes every
        value in Python (~25 us a row); integers need no escaping, only a type check."""
        if not raw:
            conn.execute(table.insert(), rows.dicts())
            return
        head = (f"INSERT INTO {self.q(table.name)} "
                f"({', '.join(self.q(n) for n in rows.names)}) VALUES ")
        # %d a value, checked first: %d alone would also take a bool or a float
        row = "(" + ",".join(["%d"] * len(rows.names)) + ")"
        cursor = dbapi_cursor(conn)
        try:
            for start in range(0, len(rows.rows), 10_000):
                part = rows.rows[start:start + 10_000]
                if not all(type(v) is int for r in part for v in r):  # noqa: E721 - not bool
                    raise TokenizeError("a work-table row is not all integers",
                                        table=table.name)
                cursor.execute(head + ",".join([row % r for r in part]))
        finally:
            cursor.close()

    def raw_ok(self, kind: str, small: bool) -> bool:
        return kind == "integer" and small  # text keys are binary MD5s: SQLAlchemy's

    # -- the group transaction ---------------------------------------------------------
    def relax_foreign_keys(self, conn: Connection) -> Callable[[], None]:
        before = conn.exec_driver_sql("SELECT @@SESSION.foreign_key_checks").scalar()
        conn.exec_driver_sql("SET SESSION foreign_key_checks = 0")

        def restore() -> None:
            conn.exec_driver_sql(f"SET SESSION foreign_key_checks = {int(before or 0)}")

        return restore

    def foreign_keys_hold(self, conn: Connection, fks: list[ForeignKey]) -> bool:
        # Nothing on record proves it (foreign_key_checks=0 loads leave no trace) and the
        # orphan check costs InnoDB as much as the UNION it would save (2.6 s vs 2.0 s
        # at 3.9 M rows): keep the UNION.
        return False

    def move_sequence(self, conn: Connection, table: str, column: str, nxt: int) -> bool:
        extra = conn.execute(sa.text(
            "SELECT EXTRA FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = "
            "DATABASE() AND TABLE_NAME = :t AND COLUMN_NAME = :c"),
            {"t": table, "c": column}).scalar()
        return not (extra and "auto_increment" in str(extra).lower())

    def set_auto_increment(self, conn: Connection, table: str, value: int) -> None:
        """ALTER TABLE commits implicitly, so this runs after the group's commit."""
        conn.execute(sa.text(f"ALTER TABLE {self.q(table)} AUTO_INCREMENT = {value}"))

    def is_constraint_error(self, exc: sa_exc.SQLAlchemyError) -> bool:
        code = getattr(getattr(exc, "orig", None), "args", [None])[0]
        return isinstance(exc, sa_exc.IntegrityError) or code == _CHECK_FAILED

    # -- rebuilds ----------------------------------------------------------------------
    def why_not_rebuild(self, conn: Connection, table: str, group: list[str],
                        kept_reference: bool) -> str | None:
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
        if any(r not in group for r in refs):
            return "is referenced by a table outside its group"
        return None

    def lock(self, conn: Connection, name: str) -> bool:
        return bool(conn.execute(sa.text("SELECT GET_LOCK(:n, 3600)"), {"n": name}).scalar())

    def unlock(self, conn: Connection, name: str) -> None:
        conn.execute(sa.text("SELECT RELEASE_LOCK(:n)"), {"n": name})

    def build_aside(self, conn: Connection, table: str, new: str, sel: RowsSelect) -> int:
        q = self.q
        self.create_stage(conn, table, new)
        cols = ", ".join(q(c) for c in sel.columns)
        res = conn.execute(sa.text(f"INSERT INTO {q(new)} ({cols}) "
                                   + sel.sql(q(table), ordered=True)), sel.params)
        conn.commit()
        return int(res.rowcount)

    def create_stage(self, conn: Connection, table: str, stage: str) -> None:
        """Columns, indexes, CHECK constraints and options (no foreign keys: they are
        re-added after the swap)."""
        conn.execute(sa.text(f"DROP TABLE IF EXISTS {self.q(stage)}"))
        conn.execute(sa.text(f"CREATE TABLE {self.q(stage)} LIKE {self.q(table)}"))

    def foreign_key_clauses(self, conn: Connection, tables: list[str]) -> dict[str, list[str]]:
        """The foreign key clauses of each table, exactly as ``SHOW CREATE TABLE`` has them."""
        out: dict[str, list[str]] = {}
        for table in tables:
            ddl = conn.execute(sa.text(f"SHOW CREATE TABLE {self.q(table)}")).one()[1]
            out[table] = [m.group(1) for line in str(ddl).splitlines()
                          if (m := _FK_CLAUSE.match(line))]
        return out

    def _indexes(self, conn: Connection, table: str) -> dict[str, tuple[str, ...]]:
        """Index name -> its columns, in order."""
        out: dict[str, list[str]] = {}
        for r in conn.execute(sa.text(
                "SELECT INDEX_NAME, COLUMN_NAME FROM information_schema.STATISTICS WHERE "
                "TABLE_SCHEMA = DATABASE() AND TABLE_NAME = :t ORDER BY INDEX_NAME, SEQ_IN_INDEX"),
                {"t": table}):
            out.setdefault(r[0], []).append(r[1])
        return {k: tuple(v) for k, v in out.items()}

    def swap_aside(self, conn: Connection, swaps: list[tuple[str, str, str]],
                   fks: dict[str, list[str]]) -> None:
        """One atomic ``RENAME TABLE`` for the whole group, then the foreign keys.

        An index MariaDB made for a foreign key is copied by LIKE with a flag that lets
        the re-added key replace it under the constraint's name, so such indexes get
        their own names back."""
        q = self.q
        names = {t: self._indexes(conn, t) for t, _, _ in swaps}
        pairs = []
        for table, new, old in swaps:
            pairs += [f"{q(table)} TO {q(old)}", f"{q(new)} TO {q(table)}"]
        conn.execute(sa.text(f"RENAME TABLE {', '.join(pairs)}"))
        conn.execute(sa.text("DROP TABLE " + ", ".join(q(old) for _, _, old in swaps)))
        for table, clauses in fks.items():
            if clauses:  # one ALTER a table, not one a foreign key
                conn.execute(sa.text(f"ALTER TABLE {q(table)} "
                                     + ", ".join(f"ADD {c}" for c in clauses)))
            now = self._indexes(conn, table)
            for name, cols in names[table].items():
                if name in now:
                    continue
                renamed = [n for n, c in now.items() if c == cols and n not in names[table]]
                if renamed:
                    conn.execute(sa.text(f"ALTER TABLE {q(table)} RENAME INDEX "
                                         f"{q(renamed[0])} TO {q(name)}"))

    def drop_tables(self, conn: Connection, names: list[str]) -> None:
        if names:
            conn.execute(sa.text("DROP TABLE IF EXISTS " + ", ".join(self.q(n) for n in names)))


def _int_chunks(result: sa.CursorResult[Any], chunk: int) -> Generator[list[int], None, None]:
    buf: list[int] = []
    with result:  # closed also when the reader stops early (Works.chunks)
        for (text,) in result:
            buf.extend(map(int, text.split(",")))
            if len(buf) >= chunk:
                yield buf
                buf = []
    if buf:
        yield buf
