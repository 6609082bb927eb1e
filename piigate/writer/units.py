"""Work units smaller than a table group: value ranges and primary-key ranges.

A key domain (a customer or employee key) usually joins most tables into one group, so
one group can be 10^8+ rows. Here a run is split into small, independent, recorded
units that any number of workers (processes here, containers on AWS) run phase by phase:

0. ``map``: one value range of one work table (from the referenced key alone when
   :meth:`UnitRun.prepare_maps` proved it holds every value of the domain, as a
   one-piece build does). The domain's distinct values in
   ``[lo, hi)`` (compared in one order for every column of the domain,
   :meth:`~piigate.writer.dialects.base.Dialect.range_expr`) are transformed and
   inserted, ids from ``part * ID_STRIDE``, in one transaction with the unit's record.
1. ``seal``: one work table once every range is in: its indexes (the ranges fill a
   table with its primary key alone), statistics, the unique check,
   parking when a group updated in place reads it (ids made dense first: parking
   values are ``base + id``; a rebuild needs neither), its counts and parking
   recorded (what :class:`~piigate.writer.WorkState` carries for a one-piece build).
2. ``rows``: one primary-key range of one table of a group that is rebuilt: its rebuilt
   rows (the same ``INSERT ... SELECT`` as a whole-table rebuild, in new-key order) go
   to the table's stage table, in one transaction with the unit's record. ``group``: a
   group that is updated in place (not rebuildable) as one unit, as :func:`apply_group`.
3. ``index``: one table of a rebuilt group whose stage takes the table's place
   (PostgreSQL, when nothing of the table's own would be lost:
   :meth:`~piigate.writer.dialects.postgresql.PostgresqlDialect.why_not_swap`): the
   stage's indexes and key constraints, built by sorting once its rows are in.
4. ``finish``: once per rebuilt group, after all its ranges: the group's swap (MariaDB:
   the stages are the new tables, one ``RENAME``; PostgreSQL: an indexed stage is
   renamed in) or, in one transaction, each table's rows replaced by its stage's
   (PostgreSQL ``TRUNCATE`` + insert, SQLite rename and recreate), foreign keys,
   sequences and the group's record, exactly once
   (:class:`~piigate.writer.group.GroupTransaction` with ``staged``).

Each unit's record commits with its rows, so a unit is either in and recorded or not
in at all: a crash mid-range rolls the range back and a retry redoes it; a recorded unit
is skipped; a concurrent duplicate waits on the record's key and then skips. A unit
whose prerequisites are not all recorded is refused. The plan of units holds table
names, indexes and range bounds (values of keys, never of masked text: bounds of a text
key domain are hex bytes of source values, so they stay out of logs: see
:meth:`Unit.describe`).
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import multiprocessing
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any, Protocol

import sqlalchemy as sa
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Connection, Engine

from .. import failpoints
from ..keys import Keyring
from ..plan import ColumnPlan, Plan
from .dialects import Dialect
from .group import GroupTransaction
from .rebuild import Rebuilder
from .results import Progress, TableResult, TokenizeError, WorkMap, WorkState
from .work import Work, WorkTables, value_kind, without_indexes

UNITS_PREFIX = "piigate_units_"  # the run's record of applied units (below a group)
ID_STRIDE = 2**40  # work-table ids of value range r start at r * ID_STRIDE
# how work-table keys are written; a resumed run rebuilds a work table begun otherwise
# (2: MariaDB keys text of short columns by its bytes, 1: by the MD5 of all text)
MAP_KEYS = 2
PHASES = ("map", "seal", "rows", "index", "finish")


# -- units -----------------------------------------------------------------------------


@dataclass
class Unit:
    """One work unit, small JSON-serialisable data (:meth:`to_dict`, :meth:`from_dict`).

    ``phase`` orders them: every unit of a phase may run at once, in any order, retried;
    a phase starts when the one before is complete.
    """

    kind: str  # "map", "seal", "rows", "group" (phase 2), "index" or "finish"
    phase: int
    work: int = -1  # map, seal: index into WorkState.maps
    group: int = -1  # rows, group, finish: index into WorkState.groups
    table: int = -1  # rows, index: the table's index in its group
    part: int = 0  # map, rows: which range
    parts: list[int] = field(default_factory=list)  # seal, index: [ranges]; finish: per table
    lo: Any = None  # map, rows: the range [lo, hi), encoded (None: open)
    hi: Any = None
    rebuild: bool = True  # group: rebuild when it can (False: update in place)
    park: bool = True  # seal: flag parked values (a group updated in place reads the map)
    weight: int = 0  # estimated rows: a phase hands its largest units out first

    @property
    def id(self) -> str:
        if self.kind == "map" or self.kind == "seal":
            return f"{self.kind}:{self.work}:{self.part}" if self.kind == "map" \
                else f"seal:{self.work}"
        if self.kind == "rows":
            return f"rows:{self.group}:{self.table}:{self.part}"
        if self.kind == "index":
            return f"index:{self.group}:{self.table}"
        return f"{self.kind}:{self.group}"

    def describe(self) -> str:
        """For logs and errors: no bound values."""
        return self.id

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, doc: dict[str, Any]) -> Unit:
        try:
            return cls(kind=str(doc["kind"]), phase=int(doc["phase"]),
                       work=int(doc.get("work", -1)), group=int(doc.get("group", -1)),
                       table=int(doc.get("table", -1)), part=int(doc.get("part", 0)),
                       parts=[int(p) for p in doc.get("parts", [])],
                       lo=doc.get("lo"), hi=doc.get("hi"),
                       rebuild=bool(doc.get("rebuild", True)),
                       park=bool(doc.get("park", True)),
                       weight=int(doc.get("weight", 0)))
        except (KeyError, TypeError, ValueError):
            raise TokenizeError("a work unit is malformed") from None


def _enc(value: Any) -> Any:
    """A range bound as JSON (None: open)."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise TypeError("a boolean cannot bound a range")
    if isinstance(value, int):
        return {"int": str(value)}  # as text: JSON readers lose integers beyond 2**53
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"bytes": base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, str):
        return {"bytes": base64.b64encode(value.encode("utf-8")).decode("ascii"), "str": 1}
    if isinstance(value, dt.datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    raise TypeError(f"cannot bound a range by a {type(value).__name__}")


def _dec(doc: Any) -> Any:
    if doc is None:
        return None
    if "int" in doc:
        return int(doc["int"])
    if "bytes" in doc:
        raw = base64.b64decode(doc["bytes"])
        return raw.decode("utf-8") if doc.get("str") else raw
    if "datetime" in doc:
        return dt.datetime.fromisoformat(doc["datetime"])
    if "date" in doc:
        return dt.date.fromisoformat(doc["date"])
    return Decimal(doc["decimal"])


def _ranges(cuts: list[Any]) -> list[tuple[Any, Any]]:
    """[lo, hi) pairs from ascending cut points (first and last open)."""
    edges = [None, *cuts, None]
    return list(zip(edges[:-1], edges[1:], strict=True))


def _cuts(conn: Connection, sources: list[tuple[str, str]], n: int, integer: bool) -> list[Any]:
    """Up to ``n - 1`` ascending cut points over the values of the ``(table, expr)``
    sources: equal widths between MIN and MAX for integers (two index lookups), else
    quantiles of the first source (one sort, or its index)."""
    if n <= 1:
        return []
    if integer:
        lo = hi = None
        for table, expr in sources:
            a, b = conn.execute(sa.text(f"SELECT MIN({expr}), MAX({expr}) FROM {table}")).one()
            if a is not None:
                lo = int(a) if lo is None else min(lo, int(a))
                hi = int(b) if hi is None else max(hi, int(b))
        if lo is None or hi is None:
            return []
        span = hi - lo + 1
        return sorted({lo + span * i // n for i in range(1, n)} - {lo})
    table, expr = sources[0]
    total = int(conn.execute(sa.text(
        f"SELECT COUNT(*) FROM {table} WHERE {expr} IS NOT NULL")).scalar_one())
    cuts: list[Any] = []
    for i in range(1, n):
        v = conn.execute(sa.text(
            f"SELECT {expr} AS v FROM {table} WHERE {expr} IS NOT NULL ORDER BY v "
            f"LIMIT 1 OFFSET {total * i // n}")).scalar()
        if v is not None and (not cuts or v != cuts[-1]):
            cuts.append(v)
    try:
        [_enc(c) for c in cuts]
    except TypeError:
        return []  # a type with no JSON form here: one range
    return cuts


# -- the run's records -----------------------------------------------------------------


def units_table_name(tag: str) -> str:
    return f"{UNITS_PREFIX}{tag}"


def _units_table(name: str) -> sa.Table:
    return sa.Table(name, sa.MetaData(),
                    sa.Column("unit", sa.String(64), primary_key=True),
                    sa.Column("doc", sa.Text, nullable=True),
                    mysql_engine="InnoDB")  # transactional: written with the unit's rows


class Records:
    """The record of applied units (``piigate_units_<tag>``), beside the group record."""

    def __init__(self, engine: Engine, tag: str, done_table: str) -> None:
        self.engine = engine
        self.table = _units_table(units_table_name(tag))
        self.done = sa.table(done_table, sa.column("grp"))

    def create(self, conn: Connection) -> None:
        self.table.create(conn, checkfirst=True)
        conn.commit()

    def docs(self, conn: Connection, prefix: str) -> dict[str, dict[str, Any]]:
        t = self.table
        rows = conn.execute(sa.select(t.c.unit, t.c.doc).where(t.c.unit.like(prefix + "%")))
        return {r[0]: json.loads(r[1] or "{}") for r in rows}

    def has(self, conn: Connection, unit: str) -> bool:
        t = self.table
        return conn.execute(sa.select(t.c.unit).where(t.c.unit == unit)).first() is not None

    def claim(self, conn: Connection, unit: str) -> bool:
        """Record ``unit`` first thing in its transaction (False: taken; the caller rolls
        back). A concurrent duplicate waits on the key, then finds it taken."""
        try:
            conn.execute(self.table.insert().values(unit=unit, doc=None))
        except sa_exc.IntegrityError:
            return False
        return True

    def note(self, conn: Connection, unit: str, doc: dict[str, Any]) -> None:
        t = self.table
        conn.execute(t.update().where(t.c.unit == unit).values(doc=json.dumps(doc)))

    def forget(self, conn: Connection, prefix: str) -> None:
        """Drop the records whose names start with ``prefix`` (end it with ``:`` for one
        work table's or group's ranges: ``seal:1`` alone would also drop ``seal:12``)."""
        conn.execute(self.table.delete().where(self.table.c.unit.like(prefix + "%")))

    def forget_one(self, conn: Connection, unit: str) -> None:
        conn.execute(self.table.delete().where(self.table.c.unit == unit))

    def group_done(self, conn: Connection, group: int) -> bool:
        return conn.execute(sa.select(self.done.c.grp).where(
            self.done.c.grp == group)).first() is not None


# -- planning --------------------------------------------------------------------------


class RunInfo(Protocol):
    """What a unit needs of its run (:class:`piigate.writer.run.Run`, which builds on
    this module)."""

    engine: Engine
    plan: Plan
    sql: Dialect
    tag: str
    done_table: str

    def check(self, state: WorkState, works: WorkTables | None = None) -> None: ...


class UnitRun:
    """The units of one prepared run (see the module docstring)."""

    def __init__(self, run: RunInfo, state: WorkState, keyring: Keyring | None = None,
                 progress: Progress | None = None, chunk: int = 50_000) -> None:
        self.run = run
        self.run.check(state)
        engine, plan = run.engine, run.plan
        self.engine, self.plan, self.state = engine, plan, state
        self.sql = self.run.sql
        self.records = Records(engine, self.run.tag, self.run.done_table)
        self.works = WorkTables(engine, plan, self.sql, self.run.tag, keyring, progress, chunk)
        if keyring is not None:
            self.works.plan_works()
            self.run.check(state, self.works)

    # -- which columns feed a work table (no keyring needed) ---------------------------
    def _columns(self, m: WorkMap) -> list[ColumnPlan]:
        cols = {f"{c.table}.{c.column}": c for c in self.plan.columns}
        return [cols[name] for name in m["columns"] if name in cols]

    def _sources(self, m: WorkMap) -> tuple[list[tuple[str, str]], str]:
        plans = self._columns(m)
        kind = value_kind(plans[0]) if plans else "json"
        return [(self.sql.q(c.table), self.sql.range_expr(self.sql.col(c.table, c.column), kind))
                for c in plans], kind

    def _rebuilder(self, group: int) -> Rebuilder:
        tables = self.state.groups[group]
        masked = {(c.table, c.column) for t in tables for c in self.plan.for_table(t)}
        return Rebuilder(self.works, tables, group, masked, {})

    def _pk_cuts(self, conn: Connection, table: str, n: int) -> tuple[str | None, list[Any]]:
        pk = self.plan.inventory.tables[table].primary_key
        if not pk or n <= 1:
            return None, []
        col = self.plan.inventory.tables[table].columns[pk[0]]
        expr = self.sql.col(table, pk[0])
        return expr, _cuts(conn, [(self.sql.q(table), expr)], n, col.kind == "integer")

    def _table_ranges(self, rb: Rebuilder, table: str, n: int) -> int:
        """Primary-key ranges for ``table``'s rebuild: one where the stage is clustered on
        a key this run rewrites. Ranges are cut on the old key, and the new keys of one
        range land between the other's in the clustered index: on MariaDB the two
        ranges of ``salaries`` took 3.8 + 5.2 s one after the other against 7.7 s in
        one statement, and slowed each other further side by side. Such a table is one
        unit that runs beside the group's other tables (docs/benchmarks.md)."""
        pk = self.plan.inventory.tables[table].primary_key
        if pk and self.sql.fill_ordered() and (table, pk[0]) in rb.masked:
            return 1
        return n

    def units(self, ranges: int, rebuild: bool) -> list[Unit]:
        """Every unit of the run, in phase order; sets up the stage tables of groups
        not begun (idempotent: what recorded units wrote is kept)."""
        units: list[Unit] = []
        n = max(1, ranges)
        with self.engine.connect() as conn:
            seals = self.records.docs(conn, "seal:")
            for w, m in enumerate(self.state.maps):
                if f"seal:{w}" in seals:
                    cuts: list[Any] = []  # sealed: its map units are done
                    parts = int(seals[f"seal:{w}"].get("parts", 1))
                    units.append(Unit("seal", 1, work=w, parts=[parts]))
                    continue
                sources, kind = self._sources(m)
                cuts = [] if kind not in ("integer", "text", "date", "datetime") else \
                    _cuts(conn, sources, n, kind == "integer")
                spans = _ranges(cuts)
                units += [Unit("map", 0, work=w, part=r, lo=_enc(lo), hi=_enc(hi))
                          for r, (lo, hi) in enumerate(spans)]
                units.append(Unit("seal", 1, work=w, parts=[len(spans)]))
            for g, tables in enumerate(self.state.groups):
                rb = self._rebuilder(g)
                if not rebuild or not all(rb.why_not(conn, t) is None for t in tables):
                    units.append(Unit("group", 2, group=g, rebuild=rebuild))
                    continue
                per_table: list[int] = []
                for i, table in enumerate(tables):
                    expr, cuts = self._pk_cuts(conn, table, self._table_ranges(rb, table, n))
                    spans = _ranges(cuts)
                    per_table.append(len(spans))
                    rows = self.plan.inventory.tables[table].row_estimate or 0
                    units += [Unit("rows", 2, group=g, table=i, part=r, lo=_enc(lo),
                                   hi=_enc(hi), weight=rows // len(spans))
                              for r, (lo, hi) in enumerate(spans)]
                units.append(Unit("finish", 4, group=g, parts=per_table))
                self._stage(conn, rb, g)
                units += [Unit("index", 3, group=g, table=i, parts=[per_table[i]],
                               weight=self.plan.inventory.tables[t].row_estimate or 0)
                          for i, t in enumerate(tables)
                          if self.sql.stage_indexes_later(conn, rb.stage_name(i))]
            conn.commit()
        in_place = {t for u in units if u.kind == "group" for t in self.state.groups[u.group]}
        for u in units:
            if u.kind == "seal":
                u.park = any(c.table in in_place
                             for c in self._columns(self.state.maps[u.work]))
        return sorted(units, key=lambda u: u.phase)

    def _stage(self, conn: Connection, rb: Rebuilder, group: int) -> None:
        """Create the group's stage tables unless ranges already went into them (and all
        exist); records of ranges without their stage rows are forgotten."""
        if self.records.group_done(conn, group):
            return
        insp = sa.inspect(conn)
        have = all(insp.has_table(rb.stage_name(i)) for i in range(len(rb.tables)))
        docs = self.records.docs(conn, f"rows:{group}:")
        if have and docs and all(self._staged_rows(conn, rb, i, docs) for i in
                                 range(len(rb.tables))):
            return
        self.records.forget(conn, f"rows:{group}:")
        self.records.forget(conn, f"index:{group}:")
        conn.commit()
        rb.create_stages(conn)

    @staticmethod
    def _staged_rows(conn: Connection, rb: Rebuilder, i: int,
                     docs: dict[str, dict[str, Any]]) -> bool:
        """Whether the ``i``-th stage holds the rows its recorded ranges wrote (not so
        after a PostgreSQL server crash: its stages are UNLOGGED and come back empty)."""
        want = sum(int(d.get("rows", 0)) for u, d in docs.items()
                   if u.split(":")[2] == str(i))
        got = conn.execute(sa.text(
            f"SELECT COUNT(*) FROM {rb.sql.q(rb.stage_name(i))}")).scalar_one()
        return int(got) == want

    # -- applying ----------------------------------------------------------------------
    def prepare_maps(self) -> None:
        """Create the run's work tables empty, keeping those that value ranges already
        went into (a resumed run) in this version's key format; records of ranges whose
        table is gone, or keyed otherwise, are forgotten and their ranges redone."""
        with self.engine.connect() as conn:
            insp = sa.inspect(conn)
            for w, work in enumerate(self.works.works):
                began = insp.has_table(work.name) and (
                    self.records.docs(conn, f"map:{w}:") or self.records.has(conn, f"seal:{w}"))
                fmt = self.records.docs(conn, f"format:{w}").get(f"format:{w}", {})
                if began and fmt.get("keys") == MAP_KEYS:
                    continue
                self.records.forget(conn, f"map:{w}:")
                for name in (f"seal:{w}", f"source:{w}", f"format:{w}"):
                    self.records.forget_one(conn, name)
                conn.commit()
                table = self.works.define(work)
                without_indexes(table)  # built by the seal
                table.drop(conn, checkfirst=True)
                table.create(conn)
                self.records.claim(conn, f"format:{w}")
                self.records.note(conn, f"format:{w}", {"keys": MAP_KEYS})
                conn.commit()
                # proved once here, not per range: every range then reads the key alone
                source = self.works.key_source(conn, work)
                conn.rollback()
                if source is not None:
                    self.records.claim(conn, f"source:{w}")
                    self.records.note(conn, f"source:{w}", {
                        "source": work.sources.index(source)})
                    conn.commit()

    def apply(self, unit: Unit) -> dict[str, Any]:
        """Run one unit; what it did (``skipped``: recorded before)."""
        started = time.perf_counter()
        if unit.kind == "map":
            out = self._map(unit)
        elif unit.kind == "seal":
            out = self._seal(unit)
        elif unit.kind == "rows":
            out = self._rows(unit)
        elif unit.kind == "index":
            out = self._index(unit)
        elif unit.kind in ("group", "finish"):
            out = self._group(unit)
        else:
            raise TokenizeError(f"unknown work unit kind {unit.kind!r}")
        out.setdefault("seconds", round(time.perf_counter() - started, 3))
        return {"unit": unit.id, **out}

    def _work(self, unit: Unit) -> tuple[Work, sa.Table]:
        """The unit's work table and its definition (the table exists)."""
        if not self.works.works:
            raise TokenizeError("the keyring is needed for this work unit")
        if not 0 <= unit.work < len(self.works.works):
            raise TokenizeError(f"there is no work table {unit.work} in this run")
        work = self.works.works[unit.work]
        work.table = table = self.works.define(work)  # metadata only
        return work, table

    def _map(self, unit: Unit) -> dict[str, Any]:
        work, _ = self._work(unit)
        # this range's own counts (the runner may have filled other ranges before)
        work.next_id = unit.part * ID_STRIDE
        work.result.distinct = work.result.changed = 0
        work.new_min = work.new_max = None
        work.new_first = set()
        self.works.value_range = (_dec(unit.lo), _dec(unit.hi))
        reader = self.engine.connect()
        writer = reader if self.sql.one_connection else self.engine.connect()
        started = time.perf_counter()
        try:
            # the key alone when prepare_maps proved it holds every value of the domain
            proved = self.records.docs(writer, f"source:{unit.work}").get(f"source:{unit.work}")
            work.key_source = work.sources[int(proved["source"])] if proved else None
            if self.records.has(writer, unit.id) or not self.records.claim(writer, unit.id):
                writer.rollback()
                return {"skipped": True}
            # the same rows whole-table builds write (work.py), from this range only
            self.works.fill(work, reader, writer, self.works.raw_rows(work))
            doc = {"distinct": work.result.distinct, "changed": work.result.changed,
                   "new_min": _enc(work.new_min), "new_max": _enc(work.new_max),
                   "new_first": sorted(work.new_first),
                   "seconds": round(time.perf_counter() - started, 3)}
            self.records.note(writer, unit.id, doc)
            failpoints.hit("unit:map-filled")
            writer.commit()
        except sa_exc.SQLAlchemyError as exc:
            raise _unit_error(exc, unit, work.label) from None
        finally:
            self.works.value_range = (None, None)
            reader.close()
            if writer is not reader:
                writer.close()
        return {"skipped": False, "rows": doc["changed"]}

    def _seal(self, unit: Unit) -> dict[str, Any]:
        work, table = self._work(unit)
        parts = unit.parts[0] if unit.parts else 1
        with self.engine.connect() as conn:
            if self.records.has(conn, unit.id):
                return {"skipped": True}
            docs = self.records.docs(conn, f"map:{unit.work}:")
            got = [docs.get(f"map:{unit.work}:{r}") for r in range(parts)]
            if any(d is None for d in got):
                missing = sum(d is None for d in got)
                raise TokenizeError(f"{missing} of {parts} value ranges of key domain "
                                    f"{work.label!r} are not in yet; its work table cannot "
                                    "be sealed")
            maps = [d for d in got if d is not None]
            work.result.distinct = sum(int(d["distinct"]) for d in maps)
            work.result.changed = sum(int(d["changed"]) for d in maps)
            work.result.seconds = sum(float(d["seconds"]) for d in maps)
            mins = [_dec(d["new_min"]) for d in maps if d["new_min"] is not None]
            maxs = [_dec(d["new_max"]) for d in maps if d["new_max"] is not None]
            work.new_min, work.new_max = min(mins, default=None), max(maxs, default=None)
            work.new_first = {c for d in maps for c in d["new_first"]}
            try:
                for ix in table.indexes:
                    if unit.park or ix.name != f"{work.name}_p":  # the parked flag's
                        ix.create(conn, checkfirst=True)
                conn.commit()
                self.sql.analyze(conn, work.name)  # fresh statistics for the joins
                conn.commit()
                if work.unique:
                    self.works.check_unique(conn, work)
                    if unit.park:  # a rebuild reads every old row once: no parking
                        self._dense_ids(conn, work, [int(d["changed"]) for d in maps])
                        work.next_id = work.result.changed
                        self.works.mark_parked(conn, work)
                conn.commit()
                if not self.records.claim(conn, unit.id):
                    conn.rollback()
                    return {"skipped": True}
                self.records.note(conn, unit.id, {"map": self.works.maps()[unit.work],
                                                  "parts": parts})
                conn.commit()
            except sa_exc.SQLAlchemyError as exc:
                raise _unit_error(exc, unit, work.label) from None
        return {"skipped": False, "rows": work.result.changed}

    def _dense_ids(self, conn: Connection, work: Work, counts: list[int]) -> None:
        """Ids 0..n-1, in range order: parking values are ``base + id`` and must stay in
        the narrowest column's range. Range r moves from ``r * ID_STRIDE`` to the sum of
        the ranges before it, a free span at every moment (so no engine's per-row unique
        check can trip), and moving again finds nothing left to move."""
        m = self.sql.q(work.name)
        offset = counts[0] if counts else 0
        for r, count in enumerate(counts[1:], 1):
            if count:
                conn.execute(sa.text(f"UPDATE {m} SET id = id - :shift WHERE id >= :a "
                                     "AND id < :b"),
                             {"shift": r * ID_STRIDE - offset, "a": r * ID_STRIDE,
                              "b": (r + 1) * ID_STRIDE})
            offset += count
        conn.commit()

    def load_seals(self) -> None:
        """Take every work table's counts and parking from the seal records."""
        with self.engine.connect() as conn:
            seals = self.records.docs(conn, "seal:")
        maps: list[WorkMap] = []
        for w, work in enumerate(self.works.works):
            doc = seals.get(f"seal:{w}")
            if doc is None:
                raise TokenizeError(f"the work table of key domain {work.label!r} is not "
                                    "sealed yet (its map and seal units come first)")
            maps.append(doc["map"])
        self.works.restore(maps)

    def _rows(self, unit: Unit) -> dict[str, Any]:
        if not self.works.works and self.state.maps:
            raise TokenizeError("the keyring is needed for this work unit")
        self.load_seals()
        rb = self._rebuilder(unit.group)
        table = rb.tables[unit.table]
        pk = self.plan.inventory.tables[table].primary_key
        expr = self.sql.col(table, pk[0]) if pk else ""
        lo, hi = _dec(unit.lo), _dec(unit.hi)
        conds, params = [], {}
        if lo is not None:
            conds.append(f"{expr} >= :plo")
            params["plo"] = lo
        if hi is not None:
            conds.append(f"{expr} < :phi")
            params["phi"] = hi
        with self.engine.connect() as conn:
            if self.records.group_done(conn, unit.group) or self.records.has(conn, unit.id):
                return {"skipped": True}
            if not self.records.claim(conn, unit.id):
                conn.rollback()
                return {"skipped": True}
            try:
                started = time.perf_counter()
                rows = rb.fill_stage(conn, unit.table, table, " AND ".join(conds), params)
                self.records.note(conn, unit.id, {
                    "rows": rows, "seconds": round(time.perf_counter() - started, 3)})
                failpoints.hit("unit:rows-filled")
                conn.commit()
            except sa_exc.SQLAlchemyError as exc:
                conn.rollback()
                raise _unit_error(exc, unit, table) from None
            except BaseException:
                conn.rollback()
                raise
        return {"skipped": False, "rows": rows, "table": table}

    def _index(self, unit: Unit) -> dict[str, Any]:
        """The indexes of one table's stage, once every range of it is in (a stage that
        takes its table's place: the finish only renames)."""
        rb = self._rebuilder(unit.group)
        if not 0 <= unit.table < len(rb.tables):
            raise TokenizeError(f"there is no table {unit.table} in table group {unit.group}")
        table = rb.tables[unit.table]
        parts = unit.parts[0] if unit.parts else 1
        with self.engine.connect() as conn:
            if self.records.group_done(conn, unit.group) or self.records.has(conn, unit.id):
                return {"skipped": True}
            have = self.records.docs(conn, f"rows:{unit.group}:{unit.table}:")
            missing = sum(f"rows:{unit.group}:{unit.table}:{r}" not in have
                          for r in range(parts))
            if missing:
                raise TokenizeError(f"{missing} of {parts} key ranges are not in yet; the "
                                    "indexes of the rebuilt table cannot be built",
                                    table=table)
            if not self.records.claim(conn, unit.id):
                conn.rollback()
                return {"skipped": True}
            try:
                started = time.perf_counter()
                self.sql.stage_indexes(conn, table, rb.stage_name(unit.table))
                self.records.note(conn, unit.id, {
                    "seconds": round(time.perf_counter() - started, 3)})
                conn.commit()
            except sa_exc.SQLAlchemyError as exc:
                conn.rollback()
                raise _unit_error(exc, unit, table) from None
        return {"skipped": False, "table": table}

    def _group(self, unit: Unit) -> dict[str, Any]:
        tables = self.state.groups[unit.group] if 0 <= unit.group < len(self.state.groups) \
            else None
        if tables is None:
            raise TokenizeError(f"there is no table group {unit.group} in this run")
        staged = unit.kind == "finish"
        if staged:
            with self.engine.connect() as conn:
                if self.records.group_done(conn, unit.group):
                    return {"skipped": True, "tables": {}}
                have = self.records.docs(conn, f"rows:{unit.group}:")
            missing = [f"{tables[i]} ({sum(f'rows:{unit.group}:{i}:{r}' not in have for r in range(n))} of {n})"  # noqa: E501
                       for i, n in enumerate(unit.parts)
                       if any(f"rows:{unit.group}:{i}:{r}" not in have for r in range(n))]
            if missing:
                raise TokenizeError("the table group cannot be finished: key ranges not in "
                                    f"yet for {', '.join(missing)}; nothing was changed",
                                    table=tables[0])
        if not self.works.works and self.state.maps:
            raise TokenizeError("the keyring is needed for this work unit")
        self.load_seals()
        results = {t: TableResult(columns=[c.column for c in self.plan.for_table(t)],
                                  group=unit.group) for t in tables}
        try:
            applied = GroupTransaction(self.works, tables, results, rebuild=unit.rebuild,
                                       marker=(self.run.done_table, unit.group),
                                       staged=staged).run()
        except sa_exc.SQLAlchemyError as exc:
            raise _unit_error(exc, unit, tables[0]) from None
        for r in results.values():
            r.skipped = not applied
        return {"skipped": not applied, "tables": results}


def _unit_error(exc: sa_exc.SQLAlchemyError, unit: Unit, what: str) -> TokenizeError:
    from ..errors import describe_db_error

    return TokenizeError(f"database error in work unit {unit.describe()} ({what}); the unit "
                         f"was rolled back and may be retried ({describe_db_error(exc)})")


# -- local parallel runs ---------------------------------------------------------------


@dataclass
class Job:
    """What a worker process needs to run units of one run (sent once per worker)."""

    url: str  # with its password: it goes to our own child over a pipe, never logged
    plan: Plan
    keyring: Keyring
    state: dict[str, Any]
    chunk: int


_worker: UnitRun | None = None


def set_worker(runner: UnitRun) -> None:
    """A worker process's run (its initializer, in :mod:`piigate.writer.run`, builds it
    with the process's own engine)."""
    global _worker
    _worker = runner


def _worker_apply(doc: dict[str, Any]) -> dict[str, Any]:
    """One unit in a worker; errors come back as data (exceptions with keyword
    arguments do not survive pickling)."""
    assert _worker is not None
    try:
        return _worker.apply(Unit.from_dict(doc))
    except Exception as exc:  # noqa: BLE001 - re-raised by the parent
        return {"error": str(getattr(exc, "message", exc)), "type": type(exc).__name__,
                "table": getattr(exc, "table", None), "column": getattr(exc, "column", None)}


def _ready() -> None:
    """A no-op task: a worker process exists (and has run its initializer) once it ran."""


def start_workers(jobs: int, job: Job | None,
                  init: Callable[[Job], None] | None) -> ProcessPoolExecutor | None:
    """``jobs`` worker processes for :func:`run_units`, started now: they import and
    connect while the caller plans the units (half a second each, spawned). None: the
    units run in this process (``jobs`` <= 1 or no ``job``). Processes are spawned, not
    forked: the transforms are Python and hold the GIL, so threads would not overlap
    them, and a fork would copy the caller's open connections."""
    if jobs <= 1 or job is None or init is None:
        return None
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"),
                               initializer=init, initargs=(job,))
    for _ in range(jobs):  # a process is spawned per task submitted while none is idle
        pool.submit(_ready)
    return pool


def run_units(local: Callable[[], UnitRun], units: list[Unit],
              pool: ProcessPoolExecutor | None = None) -> list[dict[str, Any]]:
    """Run ``units`` phase by phase: in this process one at a time (no ``pool``), else
    in the pool's workers (:func:`start_workers`), each with its own connections. The
    first failure ends the run once the phase's running units are done."""
    if pool is None:
        return [local().apply(u) for u in sorted(units, key=lambda u: u.phase)]
    out: list[dict[str, Any]] = []
    for phase in range(len(PHASES)):
        # largest first: a long unit started last would run alone at the phase's end
        todo = [u.to_dict() for u in sorted((u for u in units if u.phase == phase),
                                            key=lambda u: -u.weight)]
        done = list(pool.map(_worker_apply, todo))
        failed = [d for d in done if "error" in d]
        if failed:
            f = failed[0]
            raise TokenizeError(f"{f['error']} ({f['type']} in a work unit)",
                                table=f["table"], column=f["column"])
        out += done
    return out
