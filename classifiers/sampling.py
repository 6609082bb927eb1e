"""Sampling rows in time proportional to the sample, not the table.

- PostgreSQL: ``TABLESAMPLE BERNOULLI (p)`` up to 200k rows, ``TABLESAMPLE SYSTEM (p)``
  beyond; p computed from the row estimate and grown (x4) while too few rows come back;
  small tables are read with a plain ``LIMIT``.
- MySQL/MariaDB: random probes into the integer primary key (``WHERE pk >= :random
  ORDER BY pk LIMIT k``), each an index range read.
- SQLite: the same probes on ``rowid``.
- No usable key: a plain ``LIMIT`` (biased towards the start of the table; said so in
  the sample's ``method``). Never ``ORDER BY RAND()``.

Values are read raw (see :func:`read_expr`); of binary columns only the first bytes. A
column that cannot be read keeps its reason in ``ColumnSample.error`` (the rest of the
table is sampled); a table that cannot be read keeps the reason in ``error`` and must
stay undecided (fail closed). Reasons are value-free (:func:`piigate.errors.safe_reason`).
"""

from __future__ import annotations

import math
import random
import re
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Engine

from piigate.db import ColumnInfo, TableInfo, quiet_unknown_types
from piigate.errors import safe_reason

PROBES = 20  # key probes per table: enough spread, few round trips
BERNOULLI_MAX_ROWS = 200_000  # PostgreSQL: below this, reading every page is cheap
BINARY_PREFIX = 512  # bytes read of a binary value: magic numbers and a text prefix (64
# before the sixteenth pass: an iCalendar's ORGANIZER line comes after its first 100 bytes)
PROBE_ROWS = 5  # rows read per column when looking for the unreadable one


@dataclass
class ColumnSample:
    """Non-NULL values of one column from the sampled rows (distinct, in sample order)."""

    name: str
    kind: str
    values: list[Any] = field(default_factory=list)
    non_null: int = 0
    binary: bool = False
    topped_up: bool = False
    error: str | None = None  # why the column could not be read (then it has no values)


@dataclass
class TableSample:
    table: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    # the same rows with the binary columns' first bytes (MediaWiki's VARBINARY key-values)
    raw_rows: list[dict[str, Any]] = field(default_factory=list)
    columns: dict[str, ColumnSample] = field(default_factory=dict)
    method: str = ""
    error: str | None = None


def _distinct_key(v: Any) -> Any:
    if isinstance(v, (dict, list)):
        import json

        return json.dumps(v, sort_keys=True, default=str)
    if isinstance(v, memoryview):
        return bytes(v)
    return v


def read_expr(col: sa.ColumnElement, info: ColumnInfo | None, dialect: str) -> sa.ColumnElement:
    """What is selected for a column: raw driver values, never SQLAlchemy's conversions
    (a blob declared ``bytea`` on SQLite has NUMERIC affinity and would crash a decimal
    conversion). Binary columns: only their first bytes (magic numbers, a text prefix).
    Types only null or keep can write (``inet``, ``point``, geometry), and uuids (the
    rules read text; PostgreSQL's driver would give uuid objects): as text."""
    kind = info.kind if info is not None else "other"
    name = getattr(col, "name", None) or (info.name if info is not None else "value")
    if kind == "binary":
        expr: sa.ColumnElement = sa.func.substr(col, 1, BINARY_PREFIX)
    elif kind in ("other", "uuid") and dialect == "postgresql":
        expr = sa.cast(col, sa.Text)
    elif kind in ("other", "uuid") and dialect == "mysql":
        geometry = info is not None and _GEOMETRY.search(info.sql_type.lower())
        expr = sa.func.ST_AsText(col) if geometry else sa.cast(col, sa.String)
    else:
        expr = col
    return sa.type_coerce(expr, sa.types.NullType()).label(name)


_GEOMETRY = re.compile(r"geometry|point|linestring|polygon|geomcollection")


def sample_table(engine: Engine, info: TableInfo, n: int = 1000, *, seed: int = 0) -> TableSample:
    """Sample up to ``n`` rows of a table; errors are recorded, never raised.

    A column whose values cannot be read is set aside (``ColumnSample.error``) and the
    rest of the table sampled without it; the table fails only when nothing can be read.
    """
    out = TableSample(info.name)
    if info.error:
        out.error = info.error
        return out
    try:
        with quiet_unknown_types():
            table = sa.Table(info.name, sa.MetaData(), autoload_with=engine)
    except Exception as exc:  # noqa: BLE001 - recorded: the table stays undecided
        out.error = safe_reason(exc)
        return out
    dialect = engine.dialect.name
    unreadable: dict[str, str] = {}
    for attempt in range(2):
        try:
            _sample_into(out, engine, table, info, n, seed, unreadable)
            return out
        except Exception as exc:  # noqa: BLE001 - any driver or decoding error
            out.rows, out.raw_rows, out.columns = [], [], {}
            if attempt == 1:
                out.error = safe_reason(exc)
                return out
            # find the columns that cannot be read, then sample the others
            bad = _unreadable_columns(engine, table, info, dialect)
            if not bad or len(bad) == len(table.columns):
                out.error = safe_reason(exc)
                return out
            unreadable.update(bad)
    return out


def _sample_into(out: TableSample, engine: Engine, table: sa.Table, info: TableInfo, n: int,
                 seed: int, unreadable: dict[str, str]) -> None:
    dialect = engine.dialect.name
    readable = [c for c in table.columns if c.name not in unreadable]
    with engine.connect() as conn:
        rows, out.method = _rows(conn, dialect, table, readable, info, n, random.Random(seed))
        for col in table.columns:
            ci = info.columns.get(col.name)
            kind = ci.kind if ci else "other"
            cs = ColumnSample(col.name, kind, binary=kind == "binary")
            if col.name in unreadable:
                cs.error = unreadable[col.name]
            else:
                _collect(cs, (r.get(col.name) for r in rows), n)
                if _sparse(cs, len(rows), n):
                    expr = read_expr(col, ci, dialect)
                    extra = conn.execute(sa.select(expr).where(col.is_not(None)).limit(n))
                    _collect(cs, (r[0] for r in extra), n, reset=True)
                    cs.topped_up = True
            out.columns[col.name] = cs
    # rows serve date relations and the Macie extract: binary prefixes stay out
    binary = [c for c, cs in out.columns.items() if cs.binary]
    out.rows = [{k: v for k, v in r.items() if k not in binary} for r in rows]
    out.raw_rows = rows


def _unreadable_columns(engine: Engine, table: sa.Table, info: TableInfo, dialect: str
                        ) -> dict[str, str]:
    """Columns that fail alone (a few rows each), with the reason."""
    bad: dict[str, str] = {}
    for col in table.columns:
        try:
            with engine.connect() as conn:
                conn.execute(sa.select(read_expr(col, info.columns.get(col.name), dialect))
                             .limit(PROBE_ROWS)).all()
        except Exception as exc:  # noqa: BLE001 - recorded per column
            bad[col.name] = safe_reason(exc)
    return bad


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


def _as_dicts(result: Any, cols: list[sa.ColumnElement]) -> list[dict[str, Any]]:
    names = [c.name for c in cols]
    return [dict(zip(names, row, strict=False)) for row in result]


def _exprs(source: sa.FromClause, cols: list[sa.Column], info: TableInfo, dialect: str
           ) -> list[sa.ColumnElement]:
    return [read_expr(source.c[c.name], info.columns.get(c.name), dialect) for c in cols]


def _rows(conn: sa.Connection, dialect: str, table: sa.Table, readable: list[sa.Column],
          info: TableInfo, n: int, rng: random.Random) -> tuple[list[dict[str, Any]], str]:
    est = info.row_estimate
    if not readable:
        return [], "no readable columns"
    cols = _exprs(table, readable, info, dialect)
    if est is not None and est <= 2 * n:
        rows = _as_dicts(conn.execute(sa.select(*cols).limit(n + 1)), cols)
        if len(rows) <= n:
            return rows, "all"
        # more rows than the (stale) estimate said: sample like a big table
    if dialect == "postgresql":
        return _pg_tablesample(conn, table, readable, info, est, n, rng)
    key = _probe_key(conn, dialect, table, info)
    if key is None:
        return _as_dicts(conn.execute(sa.select(*cols).limit(n)), cols), "limit (no key)"
    rows = _key_probes(conn, table, cols, key, n, rng)
    return rows, "rowid probes" if dialect == "sqlite" else "key probes"


def _pg_tablesample(conn: sa.Connection, table: sa.Table, readable: list[sa.Column],
                    info: TableInfo, est: int | None, n: int, rng: random.Random
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
        cols_s = _exprs(sampled, readable, info, "postgresql")
        rows = _as_dicts(conn.execute(sa.select(*cols_s).limit(factor * n)), cols_s)
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


def _key_probes(conn: sa.Connection, table: sa.Table, cols: list[sa.ColumnElement],
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
