"""Engine-specific SQL for the writer: key expressions, joined updates, work tables.

The writer joins each masked column to a work table (``piigate_map_<n>``: key -> new
value). Everything that differs between SQLite, PostgreSQL and MariaDB is here, so the
writer itself reads the same on all three:

- how a column value is turned into an exact join key (MariaDB's default collations
  ignore case and trailing spaces, so text is keyed by the MD5 of its exact UTF-8
  bytes; PostgreSQL's ``json`` has no equality, so it is compared as text);
- how an UPDATE joined to the work table is spelled (``UPDATE .. FROM`` on PostgreSQL
  and SQLite >= 3.33, ``UPDATE .. JOIN`` on MariaDB);
- how a parking value is built from a work-table row id.
"""

from __future__ import annotations

import hashlib
import unicodedata
from typing import Any

import sqlalchemy as sa
from sqlalchemy import exc as sa_exc
from sqlalchemy.dialects import mysql
from sqlalchemy.engine import Engine

from ..db import quote
from ..errors import PiiGateError


class TokenizeError(PiiGateError):  # re-exported by piigate.writer
    """The writer could not apply the plan; the table group named was left unchanged."""

    exit_code = 1


# kinds that are joined through a text key
TEXT_KINDS = frozenset({"text", "json"})


class Sql:
    """SQL snippets for one engine (``sqlite``, ``postgresql`` or ``mysql``)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.name = engine.dialect.name

    # -- names -------------------------------------------------------------------------
    def q(self, name: str) -> str:
        return quote(self.engine, name)

    def col(self, table: str, column: str) -> str:
        return f"{self.q(table)}.{self.q(column)}"

    # -- keys --------------------------------------------------------------------------
    def select_expr(self, expr: str, kind: str) -> str:
        """What the writer reads for a column: exact, distinct-able, decodable."""
        if kind in TEXT_KINDS:
            if self.name == "postgresql":
                return f"CAST({expr} AS TEXT)"
            if self.name == "mysql":
                # binary, so DISTINCT keeps 'Li' and 'LI' and 'Li ' apart
                return f"CAST(CONVERT({expr} USING utf8mb4) AS BINARY)"
        return expr

    def key_expr(self, expr: str, kind: str) -> str:
        """The join key of a column value; equals :meth:`py_key` of the value read."""
        if kind in TEXT_KINDS and self.name == "mysql":
            return f"UNHEX(MD5({self.select_expr(expr, kind)}))"
        return self.select_expr(expr, kind)

    def decode(self, value: Any, kind: str) -> Any:
        """A value read through :meth:`select_expr` as the transform expects it."""
        if kind in TEXT_KINDS and isinstance(value, (bytes, bytearray, memoryview)):
            return bytes(value).decode("utf-8")
        return value

    def py_key(self, value: Any, kind: str) -> Any:
        """The work-table key of a decoded value (see :meth:`key_expr`)."""
        if kind in TEXT_KINDS and self.name == "mysql":
            return hashlib.md5(value.encode("utf-8")).digest()  # noqa: S324 - a join key
        return value

    def key_type(self, kind: str, col_type: sa.types.TypeEngine, big: bool) -> Any:
        if kind == "integer":
            return sa.Numeric(20, 0) if big else sa.BigInteger()
        if kind in TEXT_KINDS:
            return sa.BINARY(16) if self.name == "mysql" else sa.Text()
        return col_type

    def new_type(self, kind: str, col_type: sa.types.TypeEngine, big: bool,
                 length: int | None = None) -> Any:
        """The work table's new-value column. On MariaDB text of a bounded length stays
        a VARCHAR (``length``: the longest column of the domain): a LONGTEXT would make
        every sort over it (the rebuild's ORDER BY) go through an on-disk temporary
        table. A new value longer than that is refused there, as by the column itself."""
        if kind in TEXT_KINDS:
            if self.name == "mysql":
                if kind == "text" and length is not None and length <= 2000:
                    return mysql.VARCHAR(length, charset="utf8mb4", collation="utf8mb4_bin")
                return mysql.LONGTEXT(charset="utf8mb4", collation="utf8mb4_bin")
            return sa.Text()
        return self.key_type(kind, col_type, big)

    def set_expr(self, new: str, kind: str, sql_type: str) -> str:
        """The value assigned from the work table (PostgreSQL json needs a cast)."""
        if kind == "json" and self.name == "postgresql":
            return f"CAST({new} AS {sql_type})"
        return new

    # -- parking -----------------------------------------------------------------------
    def park_text(self, prefix: str, id_expr: str) -> str:
        if self.name == "mysql":
            return f"CONCAT('{prefix}', {id_expr})"
        return f"('{prefix}' || CAST({id_expr} AS TEXT))"

    def text_cmp(self, expr: str) -> str:
        """A text column as plain text (PostgreSQL char(n) and json compare as text)."""
        return f"CAST({expr} AS TEXT)" if self.name == "postgresql" else expr

    # -- statements --------------------------------------------------------------------
    def update_join(self, table: str, column: str, work: str, on: str, value: str,
                    where: list[str]) -> str:
        """UPDATE ``table`` SET ``column`` = ``value`` for rows joined to ``work`` (as m)."""
        t, c, m = self.q(table), self.q(column), self.q(work)
        cond = " AND ".join(where)
        if self.name == "mysql":
            return (f"UPDATE {t} JOIN {m} AS m ON {on} SET {t}.{c} = {value}"
                    + (f" WHERE {cond}" if cond else ""))
        return (f"UPDATE {t} SET {c} = {value} FROM {m} AS m WHERE {on}"
                + (f" AND {cond}" if cond else ""))

    def mark_parked(self, work: str, old: str, new: str) -> str:
        """Flag work rows whose old key is also some row's new key (a permutation)."""
        m = self.q(work)
        if self.name == "mysql":  # MariaDB cannot read the table it updates in a subquery
            return (f"UPDATE {m} AS a JOIN (SELECT DISTINCT {new} AS n FROM {m}) AS b "
                    f"ON b.n = a.{old} SET a.parked = 1")
        return f"UPDATE {m} SET parked = 1 WHERE {old} IN (SELECT {new} FROM {m})"


def fold(text: str) -> str:
    """Text as a case- and accent-insensitive, PAD SPACE collation sees it.

    Used to over-approximate which values a unique index treats as equal (MariaDB's
    defaults), so that parking never misses a transient clash.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return bare.casefold().rstrip(" ")


def fold_key(text: str) -> str:
    return hashlib.md5(fold(text).encode("utf-8")).hexdigest()  # noqa: S324 - a join key


def db_reason(exc: sa_exc.SQLAlchemyError) -> str:
    """The error class and code of a database error, without its text (it may hold values)."""
    orig = getattr(exc, "orig", None)
    if orig is None:
        return type(exc).__name__
    code = getattr(orig, "sqlstate", None) or getattr(orig, "sqlite_errorname", None)
    if code is None and getattr(orig, "args", None) and isinstance(orig.args[0], int):
        code = orig.args[0]
    return f"{type(orig).__name__}{f' {code}' if code else ''}"
