"""One database side of a verification (its engine, inventory, tables) and streaming."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..db import Inventory, as_driver_reads, quote

CHUNK = 5000  # rows or groups fetched, and values transformed, at a time


class Side:
    """One database: its engine, reflected inventory and SQLAlchemy tables."""

    def __init__(self, engine: Engine, inventory: Inventory) -> None:
        self.engine = engine
        self.inventory = inventory
        self.mysql = engine.dialect.name == "mysql"
        self._tables: dict[str, sa.Table] = {}

    def table(self, name: str) -> sa.Table:
        if name not in self._tables:
            self._tables[name] = sa.Table(name, sa.MetaData(), autoload_with=self.engine)
        return self._tables[name]

    def has(self, table: str, column: str | None = None) -> bool:
        t = self.inventory.tables.get(table)
        if t is None or t.error:
            return False
        return column is None or column in t.columns

    def value_expr(self, tbl: sa.Table, column: str) -> tuple[Any, Callable[[Any], Any]]:
        """(expression, decoder) reading a column exactly.

        MySQL compares and groups text by its collation (case- and trailing-space-
        insensitive); its values are read as binary so that ``O'Neil`` and ``O'NEIL``
        stay two values.
        """
        col = tbl.c[column]
        info = self.inventory.column(tbl.name, column)
        if self.mysql and info is not None and info.kind == "text":
            expr = sa.type_coerce(
                sa.literal_column(
                    f"CAST(CONVERT({quote(self.engine, tbl.name)}.{quote(self.engine, column)} "
                    "USING utf8mb4) AS BINARY)"
                ),
                sa.LargeBinary,
            )
            return expr, decode_utf8
        return (as_driver_reads(col, info.kind) if info is not None else col), identity

    def as_text(self, col: Any, force: bool = False) -> Any:
        """The column as text for IN and LIKE (PostgreSQL enums and json compare only so)."""
        if force or self.engine.dialect.name == "postgresql":
            return sa.cast(col, sa.Text)
        return col

    def scalar(self, stmt: Any) -> Any:
        with self.engine.connect() as conn:
            return conn.execute(stmt).scalar()

    def count(self, table: str) -> int:
        return int(self.scalar(sa.select(sa.func.count()).select_from(self.table(table))))

    def stream(self, stmt: Any) -> Iterator[Sequence[Any]]:
        """Rows of ``stmt`` in chunks, through a server-side cursor where there is one."""
        with self.engine.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=CHUNK).execute(stmt)
            yield from result.partitions()


def identity(v: Any) -> Any:
    return v


def decode_utf8(v: Any) -> Any:
    if isinstance(v, bytes | bytearray | memoryview):
        return bytes(v).decode("utf-8", "surrogateescape")
    return v


def condition(tbl: sa.Table, cond: Any, inside: bool) -> Any:
    """The SQL of a table rule's ``when`` (rows masked), or of its complement."""
    if cond is None:
        return sa.true() if inside else sa.false()
    c = tbl.c[cond.column]
    values = cond.value if isinstance(cond.value, list) else [cond.value]
    expr = {
        "=": lambda: c == cond.value,
        "!=": lambda: c != cond.value,
        "in": lambda: c.in_(values),
        "not in": lambda: c.not_in(values),
        "is null": lambda: c.is_(None),
        "is not null": lambda: c.is_not(None),
    }[cond.op]()
    if inside:
        return expr
    # rows where the condition is false or unknown (NULL) are not masked
    return sa.not_(sa.func.coalesce(expr, sa.false()))
