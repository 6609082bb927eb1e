"""Sampling rows in time proportional to the sample, not the table.

- PostgreSQL: ``TABLESAMPLE BERNOULLI (p)`` up to 200k rows, ``TABLESAMPLE SYSTEM (p)``
  beyond; p computed from the row estimate and grown (x4) while too few rows come back;
  small tables are read with a plain ``LIMIT``.
- MySQL/MariaDB: random probes into the integer primary key (``WHERE pk >= :random
  ORDER BY pk LIMIT k``), each an index range read.
- SQLite: the same probes on ``rowid``.
- No usable key: a plain ``LIMIT`` (biased towards the start of the table; said so in
  the sample's ``method``). Never ``ORDER BY RAND()``.

Binary columns are recorded, never read. A table that cannot be read keeps the reason in
``error`` and must stay undecided (fail closed).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Engine

from piigate.db import TableInfo
from piigate.errors import describe_db_error

PROBES = 20  # key probes per table: enough spread, few round trips
BERNOULLI_MAX_ROWS = 200_000  # PostgreSQL: below this, reading every page is cheap


@dataclass
class ColumnSample:
    """Non-NULL values of one column from the sampled rows (distinct, in sample order)."""

    name: str
    kind: str
    values: list[Any] = field(default_factory=list)
    non_null: int = 0
    binary: bool = False
    topped_up: bool = False


@dataclass
class TableSample:
    table: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    columns: dict[str, ColumnSample] = field(default_factory=dict)
    method: str = ""
    error: str | None = None


def _distinct_key(v: Any) -> Any:
    if isinstance(v, (dict, list)):
        import json

        return json.dumps(v, sort_keys=True, default=str)
    return v


def sample_table(engine: Engine, info: TableInfo, n: int = 1000, *, seed: int = 0) -> TableSample:
    """Sample up to ``n`` rows of a table; errors are recorded, never raised."""
    out = TableSample(info.name)
    if info.error:
        out.error = info.error
        return out
    try:
        table = sa.Table(info.name, sa.MetaData(), autoload_with=engine)
        readable = [c for c in table.columns if info.columns.get(c.name) is None
                    or info.columns[c.name].kind != "binary"]
        with engine.connect() as conn:
            rows, out.method = _rows(conn, engine.dialect.name, table, readable, info, n,
                                     random.Random(seed))
            out.rows = rows
            for col in table.columns:
                ci = info.columns.get(col.name)
                kind = ci.kind if ci else "other"
                cs = ColumnSample(col.name, kind, binary=kind == "binary")
                if not cs.binary:
                    _collect(cs, (r.get(col.name) for r in rows), n)
                    if _sparse(cs, len(rows), n):
                        extra = conn.execute(sa.select(col).where(col.is_not(None)).limit(n))
                        _collect(cs, (r[0] for r in extra), n, reset=True)
                        cs.topped_up = True
                out.columns[col.name] = cs
    except sa_exc.SQLAlchemyError as exc:
        out.error = describe_db_error(exc)
        out.rows = []
    return out


def _sparse(cs: ColumnSample, rows: int, n: int) -> bool:
    # A mostly-NULL column of a table larger than the sample: look for its values.
    return rows >= n and cs.non_null < max(10, rows // 10)


def _collect(cs: ColumnSample, values: Any, n: int, *, reset: bool = False) -> None:
    if reset:
        cs.values, cs.non_null = [], 0
    seen = {_distinct_key(v) for v in cs.values}
    for v in values:
        if v is None:
            continue
        cs.non_null += 1
        k = _distinct_key(v)
        if k not in seen and len(cs.values) < n:
            seen.add(k)
            cs.values.append(v)


def _as_dicts(result: Any, cols: list[sa.Column]) -> list[dict[str, Any]]:
    names = [c.name for c in cols]
    return [dict(zip(names, row, strict=False)) for row in result]


def _rows(conn: sa.Connection, dialect: str, table: sa.Table, cols: list[sa.Column],
          info: TableInfo, n: int, rng: random.Random) -> tuple[list[dict[str, Any]], str]:
    est = info.row_estimate
    if not cols:
        return [], "no readable columns"
    if est is not None and est <= 2 * n:
        rows = _as_dicts(conn.execute(sa.select(*cols).limit(n + 1)), cols)
        if len(rows) <= n:
            return rows, "all"
        # more rows than the (stale) estimate said: sample like a big table
    if dialect == "postgresql":
        return _pg_tablesample(conn, table, cols, est, n, rng)
    key = _probe_key(conn, dialect, table, info)
    if key is None:
        return _as_dicts(conn.execute(sa.select(*cols).limit(n)), cols), "limit (no key)"
    rows = _key_probes(conn, table, cols, key, n, rng)
    return rows, "rowid probes" if dialect == "sqlite" else "key probes"


def _pg_tablesample(conn: sa.Connection, table: sa.Table, cols: list[sa.Column],
                    est: int | None, n: int, rng: random.Random
                    ) -> tuple[list[dict[str, Any]], str]:
    """BERNOULLI (rows spread over every page) up to BERNOULLI_MAX_ROWS; beyond, SYSTEM
    (whole random pages: cost follows the percentage, not the table). Both oversample
    and keep a random subset, since ``LIMIT`` alone keeps the first pages' rows."""
    method = "bernoulli" if est is not None and est <= BERNOULLI_MAX_ROWS else "system"
    factor = 2 if method == "bernoulli" else 4
    pct = 1.0 if not est else min(100.0, 100.0 * factor * n / est)
    while True:
        sampler = getattr(sa.func, method)(sa.literal_column(f"{pct:.6f}"))
        sampled = sa.tablesample(table, sampler)
        cols_s = [sampled.c[c.name] for c in cols]
        rows = _as_dicts(conn.execute(sa.select(*cols_s).limit(factor * n)), cols)
        if len(rows) >= n or pct >= 100.0:
            break
        pct = min(100.0, pct * 4)  # the estimate was low: grow
    if len(rows) > n:
        rows = rng.sample(rows, n)
    return rows, f"tablesample {method}"


def _probe_key(conn: sa.Connection, dialect: str, table: sa.Table, info: TableInfo
               ) -> sa.ColumnElement | None:
    if dialect == "sqlite":
        try:
            conn.execute(sa.select(sa.literal_column("rowid")).select_from(table).limit(1))
            return sa.literal_column("rowid")
        except sa_exc.OperationalError:
            conn.rollback()  # WITHOUT ROWID table
    if info.primary_key:
        first = info.primary_key[0]
        ci = info.columns.get(first)
        if ci is not None and ci.kind == "integer":
            return table.c[first]
    return None


def _key_probes(conn: sa.Connection, table: sa.Table, cols: list[sa.Column],
                key: sa.ColumnElement, n: int, rng: random.Random) -> list[dict[str, Any]]:
    # Two queries: SQLite answers a lone min() or max() from the index, but scans the
    # whole table for min() and max() together.
    lo = conn.execute(sa.select(sa.func.min(key)).select_from(table)).scalar()
    hi = conn.execute(sa.select(sa.func.max(key)).select_from(table)).scalar()
    if lo is None or hi is None:
        return []
    per = math.ceil(n / PROBES) + 1
    label = "__piigate_key"
    seen: set[tuple[Any, ...]] = set()
    rows: list[dict[str, Any]] = []
    for _ in range(PROBES * 3):
        start = rng.randint(int(lo), int(hi))
        q = (sa.select(key.label(label), *cols).select_from(table)
             .where(key >= start).order_by(key).limit(per))
        for rec in conn.execute(q):
            ident = tuple(_distinct_key(v) for v in rec)
            if ident in seen:
                continue
            seen.add(ident)
            rows.append(dict(zip([c.name for c in cols], rec[1:], strict=False)))
        if len(rows) >= n:
            break
    return rows[:n]
