"""``check`` against the data: every masked rule is tried on sampled values of its column.

The type checks of :mod:`piigate.plan` prove a method can write a column's type; they
cannot see that a ``VARCHAR`` of "digits" holds letters, or that a fake e-mail will not
fit the mailbox names a column really holds. Those surface here, before ``tokenize``
changes anything, with the column's schema path and never a value.

What it covers: up to ``SAMPLE`` distinct non-NULL values per masked column (the first
the engine returns, so it costs the sample, not the table), each run through the real
transform under a throwaway key (whether a value fits does not depend on the key), and
each result held against the column's declared length. A value outside the sample can
still fail ``tokenize``; it then stops with the same message and changes nothing of its
table group.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any, Protocol

import sqlalchemy as sa
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Engine

from .db import ColumnInfo, as_driver_reads
from .errors import PiiGateError, describe_db_error
from .keys import Keyring
from .transforms import Transform


class _Column(Protocol):
    """What is tried: a planned column (piigate.plan.ColumnPlan; plan imports us)."""

    table: str
    column: str
    info: ColumnInfo

    @property
    def rule(self) -> Any: ...

SAMPLE = 200


def _values(engine: Engine, table: sa.Table, col: _Column) -> list[Any]:
    c: Any = table.c[col.column]
    if col.info.kind in ("text", "json") and engine.dialect.name == "postgresql":
        c = sa.cast(c, sa.Text)  # the writer reads text and JSON as text
    else:
        c = as_driver_reads(c, col.info.kind)  # as verify reads it
    query = sa.select(c).where(table.c[col.column].is_not(None)).distinct().limit(SAMPLE)
    with engine.connect() as conn:
        return [r[0] for r in conn.execute(query)]


def _too_long(values: list[Any], limit: int | None) -> int:
    if not limit:
        return 0
    return sum(1 for v in values if isinstance(v, str) and len(v) > limit)


def sample_problems(engine: Engine, columns: Sequence[_Column],
                    transform_for: Callable[[Any, Keyring], Transform]) -> list[str]:
    """Problems of masked columns on sampled values, as schema paths; ``transform_for``
    builds a column's transform as the writer will (``Plan.transform``)."""
    keyring = Keyring(os.urandom(32))
    meta = sa.MetaData()
    problems: list[str] = []
    for col in columns:
        where = f"tables.{col.table}.columns.{col.column}"
        try:
            table = sa.Table(col.table, meta, autoload_with=engine)
            values = _values(engine, table, col)
        except sa_exc.SQLAlchemyError as exc:
            problems.append(f"{where}: cannot sample the column ({describe_db_error(exc)})")
            continue
        if not values:
            continue
        try:
            new = transform_for(col, keyring).apply(values)
        except PiiGateError as exc:  # TransformError: names the column, never the value
            problems.append(f"{where}: {exc.message} (found in {len(values)} sampled "
                            "values; choose a method or parameters that fit them)")
            continue
        long = _too_long(new, col.info.length)
        if long:
            problems.append(f"{where}: {long} of {len(values)} sampled values would not fit "
                            f"{col.info.sql_type} after {col.rule.method!r}")
    return problems
