"""The complete exact part of the leak check: every distinct original of every masked
column, looked for in every kept column of the copy.

Originals come from the source database, kept columns from the copy; the two may be on
different servers, so the search is set-based in the copy's database, inside one
session:

1. Each masked column's distinct originals (masked rows only) are streamed from the
   source in chunks, reduced to a *search key* (:func:`search_key`) and to a keyed 64-bit
   fingerprint of it, and inserted into a temporary table ``(fp, src)`` of the copy's
   database (indexed on ``fp`` once loaded). Only fingerprints under a random per-run key
   reach the copy's server: not the values, and nothing a dictionary of SSNs could
   invert.
2. Each kept column of the copy (every column that no rule masks: kept, undecided or
   new) is streamed distinct, fingerprinted the same way into a second temporary table
   ``(fp, tag)``, and joined with the first: ``count(DISTINCT fp)`` per masked column.
3. Memory is one chunk on each side; the database does the join.

Search keys: text is trimmed and case-folded; digits-only text (an SSN or phone number
stored as digits, with an optional sign) and integral numbers become the same integer key,
so ``'123456789'`` in a text column is found in a ``BIGINT`` column and the reverse.
Excluded, and why: NULL and blank values; one-character values (a letter or a single
digit says nothing about anyone, and every flag column holds them); booleans, dates,
times, floats and fractional decimals (small value domains where equality is the norm, not
evidence: the ``changed`` check proves these masked columns were rewritten); binary and
JSON (JSON leaves are searched by the sampled part of the check); persisted values (kept
by decision).

Telling a leak from a coincidence: a hit of a text key is a leak. Integer keys are often
dense ranges (employee numbers 10001-499999, salaries 38000-158000), where a kept value
equals some original by chance alone; so each kept integer value is also looked up as its
neighbours ``v - 1`` and ``v + 1``. A kept column holding originals of a masked column
clearly more often than it holds their neighbours (``found > c + 4 sqrt(c)``, ``c`` the
mean neighbour count; ``found >= 1`` when no neighbour is there) is a leak: 200 copied
SSNs are found with no neighbour, salaries meet as many employee numbers as their
neighbours. What this cannot see: a kept column copying values of a masked *dense*
range (consecutive keys), which looks like a coincidence by value; a declared foreign key
to the masked key is caught by ``foreign_keys`` (the copy's parent keys changed).
"""

from __future__ import annotations

import decimal
import hashlib
import math
import os
import uuid
from collections.abc import Collection, Iterator
from typing import Any

import sqlalchemy as sa
from sqlalchemy import exc as sa_exc

from ..db import ColumnInfo
from ..errors import PiiGateError, describe_db_error, safe_reason
from ..plan import ColumnPlan
from .context import Run
from .results import ExactFinding, ExactSearch
from .sides import Side, condition
from .values import INTEGER_TEXT

# column kinds whose values are searched (originals and kept columns alike)
SEARCHED_KINDS = frozenset({"text", "integer", "decimal", "uuid"})
NEIGHBOUR_SIGMAS = 4.0  # how far above the neighbour count a hit count is a leak
_SELF, _BELOW, _ABOVE = 0, 1, 2  # the kept value itself, v - 1, v + 1


def search_key(value: Any) -> tuple[str, int | str] | None:
    """("n", integer) or ("s", folded text) for the exact search; None: not searched."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return ("n", value) if abs(value) >= 10 else None
    if isinstance(value, float | decimal.Decimal):
        try:
            if value == int(value):
                return search_key(int(value))
        except (ValueError, OverflowError, decimal.InvalidOperation):
            pass  # NaN, infinity
        return None
    if isinstance(value, uuid.UUID):
        value = str(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if INTEGER_TEXT.match(text):
        return search_key(int(text))
    folded = text.casefold()
    return ("s", folded) if len(folded) >= 2 else None


class _Fingerprints:
    """Keyed 64-bit fingerprints of search keys (signed, for a BIGINT column)."""

    def __init__(self, key: bytes) -> None:
        # copying a keyed state is cheaper than keying one per value
        self._keyed = hashlib.blake2b(key=key, digest_size=8, person=b"piigate-leak")

    def of(self, k: tuple[str, int | str]) -> int:
        h = self._keyed.copy()
        h.update(f"{k[0]}:{k[1]}".encode("utf-8", "surrogatepass"))
        return int.from_bytes(h.digest(), "little", signed=True)


class _Tables:
    """The two temporary tables, under names no user table is likely to have."""

    def __init__(self) -> None:
        suffix = os.urandom(4).hex()
        md = sa.MetaData()
        self.originals = sa.Table(
            f"piigate_leak_o_{suffix}", md,
            sa.Column("fp", sa.BigInteger, nullable=False),
            sa.Column("src", sa.Integer, nullable=False),
            prefixes=["TEMPORARY"],
        )
        self.kept = sa.Table(
            f"piigate_leak_k_{suffix}", md,
            sa.Column("fp", sa.BigInteger, nullable=False),
            sa.Column("tag", sa.SmallInteger, nullable=False),
            prefixes=["TEMPORARY"],
        )
        self.md = md
        self.suffix = suffix

    def index(self, conn: sa.Connection) -> None:
        """Index the loaded originals (after the load: cheaper than while inserting)."""
        sa.Index(f"piigate_leak_ix_{self.suffix}", self.originals.c.fp).create(conn)
        self.analyze(conn, self.originals)

    @staticmethod
    def analyze(conn: sa.Connection, table: sa.Table) -> None:
        """PostgreSQL never analyzes temporary tables by itself; without statistics it
        plans the join for a thousand rows."""
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(f"ANALYZE {conn.dialect.identifier_preparer.quote(table.name)}")


def _distinct(side: Side, table: str, column: str, where: Any = None) -> Iterator[list[Any]]:
    """Distinct non-NULL values of a column, decoded, in chunks."""
    tbl = side.table(table)
    expr, decode = side.value_expr(tbl, column)
    stmt = sa.select(expr).select_from(tbl).where(tbl.c[column].is_not(None)).distinct()
    if where is not None:
        stmt = stmt.where(where)
    for part in side.stream(stmt):
        yield [decode(r[0]) for r in part]


def _kept_columns(run: Run) -> list[ColumnInfo]:
    masked = {(c.table, c.column) for c in run.plan.columns}
    return [
        info
        for tname, tinfo in sorted(run.after.inventory.tables.items()) if not tinfo.error
        for info in tinfo.columns.values()
        if info.kind in SEARCHED_KINDS and (tname, info.name) not in masked
    ]


class _Search:
    def __init__(self, run: Run, conn: sa.Connection) -> None:
        self.run = run
        self.conn = conn
        self.fp = _Fingerprints(run.key)
        self.tables = _Tables()
        self.result = ExactSearch()

    def _insert(self, table: sa.Table, rows: Collection[tuple[int, int]]) -> None:
        """One multi-row INSERT per chunk with the integers written out: both columns
        are integers we computed, and per-row parameters (psycopg's executemany) cost
        ten times the insert."""
        if not rows:
            return
        q = self.conn.dialect.identifier_preparer.quote
        cols = ", ".join(q(c.name) for c in table.c)
        values = ",".join(f"({int(a)},{int(b)})" for a, b in rows)
        self.conn.exec_driver_sql(f"INSERT INTO {q(table.name)} ({cols}) VALUES {values}")

    def load(self, col: int, cp: ColumnPlan) -> None:
        """Fingerprints of the column's distinct originals (masked rows) into the table.

        Source ``2 * col`` holds its text keys, ``2 * col + 1`` its integer keys, which
        are judged against their neighbours.
        """
        side = self.run.before
        tbl = side.table(cp.table)
        inside = condition(tbl, self.run.plan.schema.tables[cp.table].when, True)
        persist = {str(v) for v in cp.rule.persist_values}
        for chunk in _distinct(side, cp.table, cp.column, inside):
            rows: set[tuple[int, int]] = set()
            for v in chunk:
                k = None if str(v) in persist else search_key(v)
                if k is None:
                    self.result.excluded_originals += 1
                else:
                    rows.add((self.fp.of(k), 2 * col + (k[0] == "n")))
            self._insert(self.tables.originals, rows)

    def probe(self, info: ColumnInfo) -> dict[int, list[int]]:
        """Join one kept column's distinct values (and integer neighbours) with the originals."""
        kept = self.tables.kept
        self.conn.execute(kept.delete())
        for chunk in _distinct(self.run.after, info.table, info.name):
            rows: set[tuple[int, int]] = set()
            for v in chunk:
                k = search_key(v)
                if k is None:
                    continue
                self.result.kept_values += 1
                rows.add((self.fp.of(k), _SELF))
                if k[0] == "n":
                    n = int(k[1])
                    for tag, near in ((_BELOW, n - 1), (_ABOVE, n + 1)):
                        nk = search_key(near)
                        if nk is not None:
                            rows.add((self.fp.of(nk), tag))
            self._insert(kept, rows)
        self.tables.analyze(self.conn, kept)
        o = self.tables.originals
        stmt = (sa.select(o.c.src, kept.c.tag, sa.func.count(sa.distinct(o.c.fp)))
                .select_from(kept.join(o, o.c.fp == kept.c.fp))
                .group_by(o.c.src, kept.c.tag))
        hits: dict[int, list[int]] = {}  # source -> originals found as [v, v - 1, v + 1]
        for src, tag, n in self.conn.execute(stmt):
            hits.setdefault(int(src), [0, 0, 0])[int(tag)] = int(n)
        return hits

    def count_originals(self) -> None:
        """Distinct (masked column, search key) pairs loaded (case variants of one value
        in different chunks are one key)."""
        o = self.tables.originals
        pairs = sa.select(o.c.fp, o.c.src).distinct().subquery()
        self.result.originals = int(self.conn.execute(
            sa.select(sa.func.count()).select_from(pairs)).scalar() or 0)

    def distinct_found(self, sources: list[int]) -> int:
        """Distinct originals in the kept table from these sources (one value may be an
        original of several masked columns)."""
        o, kept = self.tables.originals, self.tables.kept
        stmt = (sa.select(sa.func.count(sa.distinct(o.c.fp)))
                .select_from(kept.join(o, o.c.fp == kept.c.fp))
                .where(kept.c.tag == _SELF, o.c.src.in_(sources)))
        return int(self.conn.execute(stmt).scalar() or 0)


def _verdict(hits: dict[int, list[int]]) -> tuple[list[int], float | None]:
    """Sources whose originals the column holds beyond chance, and the largest neighbour
    count that was weighed (None: no integers were found)."""
    out: list[int] = []
    chance: float | None = None
    for src, (found, below, above) in sorted(hits.items()):
        if not found:
            continue
        if src % 2 == 0:  # text keys: any hit
            out.append(src)
            continue
        c = (below + above) / 2
        chance = c if chance is None else max(chance, c)
        if found > c + NEIGHBOUR_SIGMAS * math.sqrt(c):
            out.append(src)
    return out, chance


def exact_search(run: Run) -> ExactSearch:
    """Run the complete exact search; failures (never values) go to ``run.failures``."""
    columns = [cp for cp in run.plan.columns if cp.info.kind in SEARCHED_KINDS]
    kept = _kept_columns(run)
    if not columns or not kept:
        return ExactSearch(ran=True, kept_columns=[i.qualified for i in kept],
                           masked_columns=[f"{c.table}.{c.column}" for c in columns])
    try:
        with run.after.engine.connect() as conn:
            search = _Search(run, conn)
            try:
                search.tables.md.create_all(conn)
                _run(run, search, columns, kept)
            finally:
                # the temporary tables die with the session: closing it (instead of
                # returning it to the pool) removes them on every engine, even after an
                # error that aborted the transaction
                conn.invalidate()
            return search.result
    except sa_exc.SQLAlchemyError as exc:
        run.failures.append("leak check: the complete search for original values could not "
                            f"run in the tokenized database ({describe_db_error(exc)})")
        return ExactSearch()


def _run(run: Run, search: _Search, columns: list[ColumnPlan], kept: list[ColumnInfo]) -> None:
    """Load, index, probe; ``ran`` (reported as ``complete``) only when nothing failed."""
    names: dict[int, str] = {}
    for col, cp in enumerate(columns):
        name = f"{cp.table}.{cp.column}"
        run.tick("leak")
        try:
            search.load(col, cp)
        except (sa_exc.SQLAlchemyError, PiiGateError) as exc:
            run.failures.append(f"{name}: originals could not be read for the leak search "
                                f"({safe_reason(exc)})")
            continue
        names[col] = name
        search.result.masked_columns.append(name)
    search.tables.index(search.conn)
    search.count_originals()
    for info in kept:
        run.tick("leak")
        try:
            hits = search.probe(info)
        except sa_exc.SQLAlchemyError as exc:
            run.failures.append(f"{info.qualified}: could not be searched for original values "
                                f"({describe_db_error(exc)})")
            continue
        search.result.kept_columns.append(info.qualified)
        leaks, chance = _verdict(hits)
        leaks = [s for s in leaks if s // 2 in names]  # not a column whose load failed
        if leaks:
            search.result.findings[info.qualified] = ExactFinding(
                values=search.distinct_found(leaks),
                sources=sorted({names[s // 2] for s in leaks}),
                by_chance=None if chance is None else round(chance))
    search.result.ran = (len(search.result.masked_columns) == len(columns)
                         and len(search.result.kept_columns) == len(kept))
