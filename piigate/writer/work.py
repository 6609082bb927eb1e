"""Work tables: which the plan needs, how they are filled, and their parking choice.

For every key domain whose method maps values (fpe, fake, hash, json, date_shift), the
writer streams ``SELECT DISTINCT`` over the union of the domain's columns (server-side
cursors, ``chunk`` rows at a time), transforms each distinct value once, and writes the
changed ones to a work table ``piigate_map_<n>`` (key, new value, row id) indexed on the
key. ``date_shift`` with an ``entity_column`` gets a work table per column keyed on
(entity, value). A transform error here stops the run before any row is touched.

FF3-1 is a permutation, so a key ``a`` may become ``b`` while another row still holds
``b``. Work rows whose old value is also some row's new value are *parked* (flagged
here; the group moves them to values disjoint from every old and new value: integers
beyond the range in use, text behind a prefix no value starts with).
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
import unicodedata
from collections.abc import Callable, Generator, Iterable, Sequence
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from contextlib import closing
from dataclasses import dataclass, field
from functools import partial
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from ..db import ForeignKey, TableInfo
from ..keys import Keyring
from ..methods import CONSTANT_LIKE, ONE_TO_ONE
from ..plan import ColumnPlan, Plan
from ..schema.model import ColumnRule, ConstantRule, DateShiftRule, NullRule, RedactRule
from ..transforms import Transform
from ..transforms.dates import DateShiftTransform
from .dialects import TEXT_KINDS, Dialect, WorkRows
from .names import PARK_PREFIXES, UUID_PARK_DIGITS, UUID_PARK_PREFIXES, WORK_PREFIX
from .results import DomainResult, Progress, TokenizeError, WorkMap

BIGINT_MAX = 2**63 - 1
# value maps built at a time on a server engine: one mostly waits on the server (a key
# domain's UNION, its inserts) while another enciphers in Python (numpy and AES release
# the GIL); more than two would only share the same cores
MAP_THREADS = 2


# -- rules -----------------------------------------------------------------------------


def rule_of(col: ColumnPlan) -> ColumnRule:
    """The column's rule, typed (the plan checked it against the schema model)."""
    return cast(ColumnRule, col.rule)


def constant_like(col: ColumnPlan) -> bool:
    """Whether every row gets one value (no work table: a plain UPDATE or a CASE)."""
    return rule_of(col).method in CONSTANT_LIKE


def entity_column(col: ColumnPlan) -> str | None:
    """The column whose entity a per-entity date shift follows (None: per value)."""
    rule = rule_of(col)
    return rule.entity_column if isinstance(rule, DateShiftRule) else None


def constant_parts(sql: Dialect, col: ColumnPlan, tag: str) -> tuple[list[str], str,
                                                                      dict[str, Any]]:
    """Which rows a constant-like method changes, the value, and its parameters."""
    rule = rule_of(col)
    c = sql.col(col.table, col.column)
    conds = [f"{c} IS NOT NULL"]
    if col.info.kind == "text":
        conds.append(f"{c} <> ''")  # empty stays empty, like every transform
    params: dict[str, Any] = {}
    if isinstance(rule, NullRule):
        value = "NULL"
    elif isinstance(rule, (ConstantRule, RedactRule)):
        value, params[tag] = f":{tag}", rule.value
    else:
        raise TokenizeError(f"method {rule.method!r} writes no constant", table=col.table,
                            column=col.column)
    persist = list(rule.persist_values)
    if persist:
        names = {f"{tag}_p{i}": v for i, v in enumerate(persist)}
        conds.append(f"{c} NOT IN ({', '.join(':' + k for k in names)})")
        params.update(names)
    return conds, value, params


# -- folding ---------------------------------------------------------------------------


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


# -- work tables -----------------------------------------------------------------------


@dataclass
class Source:
    """One column feeding a work table, with its table's row condition."""

    col: ColumnPlan
    kind: str
    where: list[str]
    params: dict[str, Any]
    entity: str | None = None
    entity_kind: str | None = None


@dataclass
class Work:
    """One work table: its sources, transform, counts and parking choice."""

    name: str
    label: str
    transform: Transform
    kind: str
    sources: list[Source]
    unique: list[ColumnPlan]
    entity_kind: str | None = None
    table: sa.Table | None = None
    result: DomainResult = field(default_factory=lambda: DomainResult("", []))
    next_id: int = 0
    parked: int = 0
    park_base: int | None = None
    park_prefix: str | None = None
    new_min: Any = None
    new_max: Any = None
    new_first: set[str] = field(default_factory=set)
    # the one source whose values are the whole domain's (proven by the foreign keys)
    key_source: Source | None = None
    parking_done: bool = False  # parked values flagged and placed (or never needed)
    park_index: sa.Index | None = None  # the parked flag's index, built with the flags

    @property
    def column_names(self) -> list[str]:
        return [f"{s.col.table}.{s.col.column}" for s in self.sources]

    @property
    def key_len(self) -> int | None:
        """Characters of the domain's longest text column when an index entry holds a
        value of it whole (its join key and the covering ``(k, new)`` index); None for
        unbounded text and other kinds. From the columns alone, so every process of a
        run keys the work table alike."""
        if self.kind not in TEXT_KINDS:
            return None
        length = _max_length(self)
        return length if length is not None and length <= SHORT_TEXT else None

    @property
    def uuids(self) -> bool:
        """Whether a source is uuid-typed: parking values must then be uuids too."""
        return any(s.col.info.kind == "uuid" for s in self.sources)

    @property
    def parks(self) -> bool:
        """Whether some of its values move through parking values."""
        return bool(self.parked) and (self.park_base is not None or self.park_prefix is not None)


def without_indexes(table: sa.Table) -> list[sa.Index]:
    """Take the indexes off ``table``'s definition, to be built after it is filled (one
    sort instead of an index insert per row); the indexes taken."""
    indexes = list(table.indexes)
    for ix in indexes:
        table.indexes.discard(ix)
    return indexes


def value_kind(col: ColumnPlan) -> str:
    return "text" if col.info.kind not in ("integer", "date", "datetime", "json") else \
        col.info.kind


def _is_unique(plan: Plan, col: ColumnPlan) -> bool:
    tinfo = plan.inventory.tables[col.table]
    return col.info.unique or col.info.primary_key or any(
        col.column in u for u in tinfo.unique_sets)


class WorkTables:
    """The work tables of one run, and what the group updates read from them."""

    def __init__(self, engine: Engine, plan: Plan, sql: Dialect, tag: str,
                 keyring: Keyring | None, progress: Progress | None = None,
                 chunk: int = 50_000) -> None:
        self.engine = engine
        self.plan = plan
        self.sql = sql
        self.tag = tag
        self.keyring = keyring
        self.progress = progress
        self.chunk = max(1, chunk)
        self.works: list[Work] = []
        self.by_column: dict[tuple[str, str], Work] = {}
        self._sa_tables: dict[str, sa.Table] = {}
        self._where: dict[str, tuple[list[str], dict[str, Any]]] = {}
        # set by tokenize when its groups are rebuilt: parking waits for a group that
        # is updated in place (ensure_parking); prepare() for units parks up front
        self.defer_parking = False
        # [low, high) of the source values a work unit reads (None: no bound); set by
        # piigate.writer.units, which builds one work table in ranges
        self.value_range: tuple[Any, Any] = (None, None)
        # whole tables' rows, counted while the maps were built (tokenize in one process);
        # a group takes these instead of counting, until a group is updated in place
        # (its triggers may add rows anywhere: GroupTransaction.run drops them)
        self.row_counts: dict[str, int] = {}

    # -- helpers -----------------------------------------------------------------------
    def report(self, label: str, done: int, total: int | None) -> None:
        if self.progress is not None:
            self.progress(label, done, total)

    def _transform(self, col: ColumnPlan) -> Transform:
        if self.keyring is None:  # finish() needs names only, never transforms
            raise TokenizeError("the keyring is needed to plan the work tables")
        transform: Transform = self.plan.transform(col, self.keyring)
        return transform

    def _sa_table(self, name: str) -> sa.Table:
        if name not in self._sa_tables:
            self._sa_tables[name] = sa.Table(name, sa.MetaData(), autoload_with=self.engine)
        return self._sa_tables[name]

    def condition(self, table: str) -> tuple[list[str], dict[str, Any]]:
        """The table's row condition as SQL on the qualified table, with parameters."""
        if table not in self._where:
            self._where[table] = self._render_condition(table, len(self._where))
        return self._where[table]

    def _render_condition(self, table: str, n: int) -> tuple[list[str], dict[str, Any]]:
        rule = self.plan.schema.tables.get(table)
        when = rule.when if rule is not None else None
        if when is None:
            return [], {}
        c = self.sql.col(table, when.column)
        tag = f"w{n}"
        value = when.value
        if when.op == "is null" or (when.op == "=" and value is None):
            return [f"{c} IS NULL"], {}
        if when.op == "is not null" or (when.op == "!=" and value is None):
            return [f"{c} IS NOT NULL"], {}
        if when.op in ("in", "not in"):
            values = value if isinstance(value, list) else [value]
            if not values:
                return (["1 = 0"] if when.op == "in" else []), {}
            names = {f"{tag}_{i}": v for i, v in enumerate(values)}
            neg = "NOT " if when.op == "not in" else ""
            return [f"{c} {neg}IN ({', '.join(':' + k for k in names)})"], names
        op = "=" if when.op == "=" else "<>"
        return [f"{c} {op} :{tag}"], {tag: value}

    # -- plan -> work tables -----------------------------------------------------------
    def _work_name(self) -> str:
        return f"{WORK_PREFIX}{self.tag}_{len(self.works) + 1}"

    def plan_works(self) -> None:
        """Which work tables the plan needs (nothing is read or written yet)."""
        by_domain: dict[str, list[ColumnPlan]] = {}
        for col in self.plan.columns:
            if constant_like(col):
                continue
            if entity_column(col):
                self._add_entity_work(col)
            else:
                by_domain.setdefault(col.domain, []).append(col)
        for domain, cols in by_domain.items():
            sources = [Source(c, value_kind(c), *self.condition(c.table)) for c in cols]
            kinds = {s.kind for s in sources}
            if len(kinds) > 1:
                raise TokenizeError(f"key domain {domain!r} mixes column kinds "
                                    f"({', '.join(sorted(kinds))})")
            work = Work(
                name=self._work_name(), label=domain, transform=self._transform(cols[0]),
                kind=kinds.pop(), sources=sources,
                unique=[c for c in cols if _is_unique(self.plan, c)],
            )
            self._register(work)

    def _add_entity_work(self, col: ColumnPlan) -> None:
        ent = entity_column(col) or ""
        einfo = self.plan.inventory.column(col.table, ent)
        if einfo is None:
            raise TokenizeError(f"entity column {ent!r} not found", table=col.table,
                                column=col.column)
        ekind = "integer" if einfo.kind == "integer" else (
            einfo.kind if einfo.kind in ("date", "datetime") else "text")
        src = Source(col, value_kind(col), *self.condition(col.table), entity=ent,
                     entity_kind=ekind)
        work = Work(
            name=self._work_name(),
            label=f"{col.domain}: {col.table}.{col.column} by {ent}",
            transform=self._transform(col), kind=src.kind, sources=[src],
            unique=[], entity_kind=ekind,
        )
        self._register(work)

    def _register(self, work: Work) -> None:
        self.works.append(work)
        work.result.method = work.transform.method or ""
        work.result.columns = work.column_names
        for s in work.sources:
            self.by_column[(s.col.table, s.col.column)] = work

    def domains(self) -> dict[str, DomainResult]:
        """The counts per work table (live: they fill as the tables are built)."""
        return {w.label: w.result for w in self.works}

    def define(self, work: Work) -> sa.Table:
        first = work.sources[0].col
        col_type = self._sa_table(first.table).c[first.column].type
        big = any((s.col.info.int_max or 0) > BIGINT_MAX for s in work.sources)
        cols: list[Any] = [
            # SQLite: INTEGER (64 bits there too) makes the key the rowid, so no second
            # b-tree to fill (300,024 rows inserted in 0.7 s instead of 1.0 s)
            sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
                      primary_key=True, autoincrement=False),
            sa.Column("k", self.sql.key_type(work.kind, col_type, big, work.key_len)),
            sa.Column("new", self.sql.new_type(work.kind, col_type, big, _max_length(work))),
            sa.Column("parked", sa.SmallInteger, nullable=False, default=0),
        ]
        # parked: lets the engines drive the (few) parking passes from the work table;
        # (k, new) covers the join (one index lookup per row, not two), for text only
        # where every value fits an index entry
        short = work.kind not in TEXT_KINDS or work.key_len is not None
        key_cols = ["k", "new"] if short else ["k"]
        idx = [sa.Index(f"{work.name}_k", *key_cols), sa.Index(f"{work.name}_p", "parked")]
        src = work.sources[0]
        if work.entity_kind is not None and src.entity is not None:
            etype = self._sa_table(src.col.table).c[src.entity].type
            einfo = self.plan.inventory.column(src.col.table, src.entity)
            ebig = einfo is not None and (einfo.int_max or 0) > BIGINT_MAX
            cols.append(sa.Column("e", self.sql.key_type(work.entity_kind, etype, ebig)))
            idx = [sa.Index(f"{work.name}_ek", "e", "k")]  # never parked
        if work.kind in TEXT_KINDS and work.unique:
            cols += [sa.Column("fo", sa.String(32)), sa.Column("fn", sa.String(32))]
            idx += [sa.Index(f"{work.name}_fo", "fo"), sa.Index(f"{work.name}_fn", "fn")]
        return sa.Table(work.name, sa.MetaData(), *cols, *idx)

    # -- filling -----------------------------------------------------------------------
    def build_all(self, count: Sequence[str] = ()) -> None:
        """Build every work table, two at a time on a server engine (SQLite has one
        writer: one after another), then count the rows of the tables ``count`` into
        :attr:`row_counts` (on a server, while the longest map still runs). The first
        failure stops the maps not yet begun and, at its next chunk, the one still
        running; it is raised once both have stopped, so the caller's clean-up never
        races a thread creating a table."""
        tasks: list[Callable[[threading.Event | None], None]] = [
            partial(self.build, w) for w in self.works]
        if count:
            tasks.append(lambda _: self.count_rows(count))
        if self.sql.one_connection or len(tasks) < 2:
            for task in tasks:
                task(None)
            return
        stop = threading.Event()

        def one(task: Callable[[threading.Event | None], None]) -> None:
            if stop.is_set():
                return
            try:
                task(stop)
            except BaseException:
                stop.set()  # before this thread takes the next map
                raise

        pool = ThreadPoolExecutor(MAP_THREADS, thread_name_prefix="piigate-map")
        futures: list[Future[None]] = []
        try:
            futures += [pool.submit(one, t) for t in tasks]
            wait(futures, return_when=FIRST_EXCEPTION)
        finally:  # all done, a failure, or an interrupt here: stop the rest, then wait
            stop.set()
            _join(pool)
        errors = [f.exception() for f in futures if not f.cancelled() and f.exception()]
        if errors:  # the first cause in plan order, as when built one by one
            real = [e for e in errors if not isinstance(e, _Stopped)]
            raise cast(BaseException, (real or errors)[0])

    def fill(self, work: Work, reader: Connection, writer: Connection, raw: bool,
             stop: threading.Event | None = None) -> None:
        """Insert the work rows chunk by chunk. With a writer connection of its own, a
        chunk goes in while the next is read and transformed (one insert in flight:
        memory holds two chunks); its failure is raised at the next chunk or the end."""
        def insert(rows: WorkRows) -> None:
            self.sql.insert(writer, cast(sa.Table, work.table), rows, raw)

        ahead = None if writer is reader else ThreadPoolExecutor(
            1, thread_name_prefix="piigate-map-insert")
        pending: Future[None] | None = None
        try:
            with closing(self.chunks(reader, work, raw)) as chunks:
                for rows in chunks:
                    if pending is not None:  # its own failure first, before any stop
                        pending.result()
                        pending = None
                    if stop is not None and stop.is_set():
                        raise _Stopped("stopped: another value map failed")
                    if rows.rows:
                        if ahead is None:
                            insert(rows)
                        else:
                            pending = ahead.submit(insert, rows)
                    self.report(f"map {work.label}", work.result.distinct, None)
            if pending is not None:
                pending.result()
        finally:
            if ahead is not None:
                ahead.shutdown(wait=True)  # the writer is the caller's again

    def count_rows(self, tables: Sequence[str]) -> None:
        with self.engine.connect() as conn:
            for t in tables:
                self.row_counts[t] = int(conn.execute(
                    sa.text(f"SELECT COUNT(*) FROM {self.sql.q(t)}")).scalar_one())

    def build(self, work: Work, stop: threading.Event | None = None) -> None:
        """Stream the distinct values, transform them once, fill the work table."""
        started = time.perf_counter()
        work.table = self.define(work)
        reader = self.engine.connect()
        writer = reader if self.sql.one_connection else self.engine.connect()
        # indexes are built after the fill (one sort, not one insert per row), and the
        # parking flag's only when parking may be needed (:meth:`ensure_parking`)
        indexes = without_indexes(work.table)
        try:
            work.table.drop(writer, checkfirst=True)
            work.table.create(writer)
            writer.commit()
            work.key_source = self.key_source(reader, work)
            reader.rollback()  # the check's snapshot must not pin the reads that follow
            raw = self.raw_rows(work)
            self.fill(work, reader, writer, raw, stop)
            for ix in indexes:
                if ix.name == f"{work.name}_p" and self.defer_parking:
                    work.park_index = ix
                else:
                    ix.create(writer)
            self.sql.analyze(writer, work.name)  # fresh statistics for the joins
            writer.commit()
            if work.unique:
                self.check_unique(writer, work)
                if not self.defer_parking:
                    self.mark_parked(writer, work)
                writer.commit()
        finally:
            reader.close()
            if writer is not reader:
                writer.close()
        work.result.seconds = time.perf_counter() - started

    def raw_rows(self, work: Work) -> bool:
        """Whether ``work``'s rows go to the driver as they are (:meth:`Dialect.raw_ok`)."""
        small = all((s.col.info.int_max or 0) <= BIGINT_MAX for s in work.sources)
        return work.entity_kind is None and self.sql.raw_ok(work.kind, small)

    def chunks(self, reader: Connection, work: Work,
               raw: bool) -> Generator[WorkRows, None, None]:
        """The work rows, ``chunk`` distinct values at a time. The read is closed
        however it ends (close the generator): a statement left open on SQLite locks
        the tables it reads, and the clean-up's ``DROP`` of the work tables failed."""
        if raw and work.kind == "integer":
            query, params = self._distinct_sql(work)
            ints = self.sql.distinct_ints(reader, query, params, self.chunk)
            with closing(ints):
                for part in ints:
                    yield self._transform_values(work, part, None)
            return
        result = reader.execute(self._distinct_query(work), execution_options={
            "stream_results": True, "yield_per": self.chunk})
        with result:
            for rows in result.partitions(self.chunk):
                yield self._transform_chunk(work, rows)

    def _distinct_query(self, work: Work) -> sa.TextClause | sa.TextualSelect:
        query, params = self._distinct_sql(work)
        stmt = sa.text(query).bindparams(**params)
        # typed result columns (by name): SQLite returns dates as text otherwise
        first = work.sources[0]
        typed: dict[str, Any] = {}
        if work.kind in ("date", "datetime"):
            typed["k"] = self._sa_table(first.col.table).c[first.col.column].type
        if work.entity_kind in ("date", "datetime") and first.entity:
            typed["e"] = self._sa_table(first.col.table).c[first.entity].type
        return stmt.columns(**typed) if typed else stmt

    def holds_by_count(self, fk: ForeignKey, parent_rows: int) -> bool:
        """Whether ``fk`` holds after the run, proved by counts instead of an anti-join.

        Its two columns are one integer domain; the parent column is its table's key
        (``parent_rows`` values). The domain's distinct values are read from every
        column, the parent's included, so as many of them as parent rows means the
        child's values are all parent values; the one work table then maps both sides
        alike (one-to-one, a value without a work row unchanged on both), and so the new
        values are too. MariaDB, 2.8 M ``salaries`` rows: a 2.0-2.4 s anti-join saved.
        Not for text (a collation may match different bytes), row conditions or
        per-entity maps."""
        if len(fk.columns) != 1:
            return False
        work = self.by_column.get((fk.table, fk.columns[0]))
        if work is None or work is not self.by_column.get((fk.ref_table, fk.ref_columns[0])):
            return False
        if work.kind != "integer" or work.entity_kind is not None or \
                any(s.where for s in work.sources):
            return False
        tinfo = self.plan.inventory.tables[fk.ref_table]
        col = fk.ref_columns[0]
        # a nullable unique column has fewer values than rows: the counts would not match
        key = _single_key(tinfo, col) and not tinfo.columns[col].nullable
        return key and work.result.distinct == parent_rows

    def key_source(self, conn: Connection, work: Work) -> Source | None:
        """The source that alone holds every value of the domain, when the data proves it.

        A key domain is a referenced key and the columns whose foreign keys point at it.
        If every other column has a single-column foreign key straight to that key and
        no row of theirs lacks its parent now, their values are a subset of the key's,
        and ``SELECT`` of the key (unique: no ``DISTINCT``) replaces a ``UNION`` over
        every table (PostgreSQL, 3.9 M rows: a 2.7 s ``UNION``, a 0.6-1.1 s check).
        Declared and even validated constraints do not prove it (SQLite's pragma is per
        connection, MariaDB loads with ``foreign_key_checks=0``, PostgreSQL's triggers
        can be disabled), so the rows are checked (:meth:`Dialect.foreign_keys_hold`:
        an anti-join, or SQLite's ``foreign_key_check``). Integers only: a text key may
        match its parent under a collation (case, trailing spaces) while differing in
        bytes. Anything unsure: None, and the ``UNION`` runs.
        """
        if work.entity_kind is not None or work.kind != "integer" or len(work.sources) < 2:
            return None
        fks = self.plan.inventory.all_foreign_keys()
        for parent in work.sources:
            pcol = parent.col
            tinfo = self.plan.inventory.tables[pcol.table]
            single = _single_key(tinfo, pcol.column)
            if not single or parent.where:
                continue
            links = []
            for s in work.sources:
                if s is parent:
                    continue
                link = next((fk for fk in fks if fk.table == s.col.table
                             and fk.columns == [s.col.column] and fk.ref_table == pcol.table
                             and fk.ref_columns == [pcol.column]), None)
                if link is None:
                    break
                links.append(link)
            else:
                return parent if self.sql.foreign_keys_hold(conn, links) else None
        return None

    def _distinct_sql(self, work: Work) -> tuple[str, dict[str, Any]]:
        """``SELECT DISTINCT`` over the union of the domain's columns, with parameters
        (the key alone when its foreign keys prove it holds them all: :meth:`key_source`)."""
        parts: list[str] = []
        params: dict[str, Any] = {}
        for s in [work.key_source] if work.key_source else work.sources:
            c = self.sql.col(s.col.table, s.col.column)
            sel = f"{self.sql.select_expr(c, s.kind)} AS k"
            if s.entity is not None:
                e = self.sql.col(s.col.table, s.entity)
                sel = f"{self.sql.select_expr(e, s.entity_kind or 'text')} AS e, {sel}"
            where = " AND ".join([f"{c} IS NOT NULL", *s.where, *self._in_range(c, s.kind)])
            parts.append(f"SELECT {sel} FROM {self.sql.q(s.col.table)} WHERE {where}")
            params.update(s.params)
        params.update({k: v for k, v in zip(("rlo", "rhi"), self.value_range, strict=True)
                       if v is not None})
        if work.key_source is not None:
            query = parts[0]  # a primary or unique key: distinct already
        elif len(parts) == 1:
            query = parts[0].replace("SELECT ", "SELECT DISTINCT ", 1)
        else:
            query = " UNION ".join(parts)
        return query, params

    def _in_range(self, c: str, kind: str) -> list[str]:
        """The conditions of :attr:`value_range` on column expression ``c``."""
        e = self.sql.range_expr(c, kind)
        lo, hi = self.value_range
        return ([f"{e} >= :rlo"] if lo is not None else []) + (
            [f"{e} < :rhi"] if hi is not None else [])

    def _transform_chunk(self, work: Work, part: Iterable[Any]) -> WorkRows:
        rows = list(part)
        try:
            values = [self.sql.decode(r.k, work.kind) for r in rows]
        except UnicodeDecodeError:
            # SQLite keeps bytes in any column (a uuid as 16 bytes): name it, show no value
            col = work.sources[0].col
            where = {"table": col.table, "column": col.column} if len(work.sources) == 1 \
                else {}
            raise TokenizeError(
                f"key domain {work.label!r}: a value is bytes that are not UTF-8 text "
                f"(a {col.info.kind} column holding binary values?); {work.transform.method} "
                "reads text: convert the values to text or choose another method",
                **where) from None
        ents = None
        if work.entity_kind is not None:
            ents = [self.sql.decode(r.e, work.entity_kind) for r in rows]
        return self._transform_values(work, values, ents)

    def _transform_values(self, work: Work, values: list[Any],
                          ents: list[Any] | None) -> WorkRows:
        if ents is not None:
            if not isinstance(work.transform, DateShiftTransform):
                col = work.sources[0].col
                raise TokenizeError(f"method {work.transform.method!r} cannot follow an "
                                    "entity column", table=col.table, column=col.column)
            news = work.transform.apply_with_entities(values, ents)
        else:
            ents = [None] * len(values)
            news = work.transform.apply(values)
        work.result.distinct += len(values)
        kind, ekind, py_key, key_len = work.kind, work.entity_kind, self.sql.py_key, work.key_len
        if kind == "json":
            news = [json.dumps(n, ensure_ascii=False) if n is not None and not isinstance(n, str)
                    else n for n in news]
        folded = kind in TEXT_KINDS and work.unique
        names = ("id", "k", "new", "parked", *(("e",) if ekind is not None else ()),
                 *(("fo", "fn") if folded else ()))
        # unchanged values (persisted, identities) need no work row; the rows are built
        # a column at a time, with no branch a row (300,000 keys)
        changed = [(old, ent, new) for old, ent, new in zip(values, ents, news, strict=True)
                   if new != old]
        out: list[tuple[Any, ...]] = [(i, py_key(old, kind, key_len), new, 0) for i, (old, _, new)
                                      in enumerate(changed, start=work.next_id)]
        if ekind is not None:
            out = [row + (None if ent is None else py_key(ent, ekind),)
                   for row, (_, ent, _) in zip(out, changed, strict=True)]
        if folded:
            out = [row + (fold_key(old), fold_key(new))
                   for row, (old, _, new) in zip(out, changed, strict=True)]
        work.next_id += len(out)
        _track(work, [new for _, _, new in changed])
        work.result.changed += len(out)
        return WorkRows(names, out)

    # -- unique columns and parking ----------------------------------------------------
    def check_unique(self, conn: Connection, work: Work) -> None:
        """Fail before any update when a unique column's new values are not distinct.

        Compared as the engine's unique index compares them (MariaDB: folded). A
        one-to-one method (FF3-1 is a permutation) needs no check; checking it folded
        would misreport a case-sensitive column whose values differ in case only.
        """
        if work.entity_kind is not None or work.transform.method in ONE_TO_ONE:
            return
        by = self.sql.unique_by(work.kind)
        m = self.sql.q(work.name)
        dup = conn.execute(sa.text(
            f"SELECT 1 FROM {m} GROUP BY {by} HAVING COUNT(*) > 1 LIMIT 1")).first()
        if dup is not None:
            col = work.unique[0]
            raise TokenizeError(
                f"method {rule_of(col).method!r} gives the same output for different values of "
                "a unique column (the outputs collide); choose a one-to-one method such as "
                "'fpe', or keep the column; nothing was changed",
                table=col.table, column=col.column)

    def ensure_parking(self, conn: Connection, tables: list[str]) -> None:
        """Flag and place the parked values of the work tables that ``tables`` read,
        where :attr:`defer_parking` left them undone: only the update path needs them
        (a rebuild reads every old row once), so a run that rebuilds never pays for
        them. Idempotent; the caller commits."""
        for work in self.works:
            if work.parking_done or not work.unique:
                continue
            if not any(s.col.table in tables for s in work.sources):
                continue
            if work.park_index is not None:
                work.park_index.create(conn)
                work.park_index = None
            self.mark_parked(conn, work)

    def mark_parked(self, conn: Connection, work: Work) -> None:
        work.parking_done = True
        if work.entity_kind is not None or work.kind not in ("integer", "text"):
            return  # only integer and text values can be parked (docs/writer.md)
        old, new = ("fo", "fn") if work.kind in TEXT_KINDS else ("k", "new")
        conn.execute(sa.text(self.sql.mark_parked(work.name, old, new)))
        m = self.sql.q(work.name)
        work.parked = int(conn.execute(
            sa.text(f"SELECT COUNT(*) FROM {m} WHERE parked = 1")).scalar_one())
        work.result.parked = work.parked
        if work.parked:
            self._choose_parking(conn, work)

    def _choose_parking(self, conn: Connection, work: Work) -> None:
        n = work.next_id
        if work.kind == "integer":
            lo, hi = work.new_min, work.new_max
            tmin, tmax = -(2**63), BIGINT_MAX
            for s in work.sources:
                c = self.sql.col(s.col.table, s.col.column)
                a, b = conn.execute(sa.text(
                    f"SELECT MIN({c}), MAX({c}) FROM {self.sql.q(s.col.table)}")).one()
                lo = a if lo is None or (a is not None and a < lo) else lo
                hi = b if hi is None or (b is not None and b > hi) else hi
                if s.col.info.int_min is not None:
                    tmin = max(tmin, s.col.info.int_min)
                if s.col.info.int_max is not None:
                    tmax = min(tmax, s.col.info.int_max)
            if hi + n <= tmax:
                work.park_base = int(hi) + 1
            elif lo - n >= tmin:
                work.park_base = int(lo) - n
            else:
                raise _no_parking(work, "no free integer range outside the values in use")
            return
        if work.uuids:
            self._choose_uuid_parking(conn, work)
            return
        limit = min((s.col.info.length for s in work.sources if s.col.info.length), default=None)
        if limit is not None and 1 + len(str(n)) > limit:
            raise _no_parking(work, f"parking values need {1 + len(str(n))} characters")
        for prefix in PARK_PREFIXES:
            if prefix in work.new_first:
                continue
            if not any(self._starts_with(conn, s, prefix) for s in work.sources):
                work.park_prefix = prefix
                return
        raise _no_parking(work, "every parking prefix is in use")

    def _choose_uuid_parking(self, conn: Connection, work: Work) -> None:
        """A uuid prefix no old and no new value starts with (tokens are random hex, so a
        24-character prefix is free unless the data uses it on purpose)."""
        if work.next_id >= 10**UUID_PARK_DIGITS:
            raise _no_parking(work, "more rows to park than uuid parking values")
        need = len(UUID_PARK_PREFIXES[0]) + UUID_PARK_DIGITS
        short = next((s.col for s in work.sources
                      if s.col.info.length is not None and s.col.info.length < need), None)
        if short is not None:  # a text column joined to a uuid key (uuids without dashes)
            raise _no_parking(work, f"uuid parking values need {need} characters, "
                              f"{short.table}.{short.column} holds {short.info.length}; "
                              "rebuild the tables instead of updating them in place")
        for prefix in UUID_PARK_PREFIXES:
            taken = conn.execute(sa.text(
                f"SELECT 1 FROM {self.sql.q(work.name)} WHERE new LIKE :p LIMIT 1"),
                {"p": prefix + "%"}).first() is not None
            if not taken and not any(self._starts_with(conn, s, prefix) for s in work.sources):
                work.park_prefix = prefix
                return
        raise _no_parking(work, "every uuid parking prefix is in use")

    def _starts_with(self, conn: Connection, s: Source, prefix: str) -> bool:
        c = self.sql.text_cmp(self.sql.col(s.col.table, s.col.column))
        q = f"SELECT 1 FROM {self.sql.q(s.col.table)} WHERE {c} LIKE :p LIMIT 1"
        return conn.execute(sa.text(q), {"p": prefix + "%"}).first() is not None

    # -- state -------------------------------------------------------------------------
    def maps(self) -> list[WorkMap]:
        """The built work tables as :class:`~piigate.writer.WorkState` carries them."""
        return [WorkMap(name=w.name, label=w.label, method=w.result.method,
                        columns=list(w.result.columns), distinct=w.result.distinct,
                        changed=w.result.changed, parked=w.parked, park_base=w.park_base,
                        park_prefix=w.park_prefix, seconds=round(w.result.seconds, 3))
                for w in self.works]

    def matches(self, maps: list[WorkMap]) -> bool:
        """Whether ``maps`` describe this plan's work tables (same names and domains)."""
        return [(w.name, w.label) for w in self.works] == [(m["name"], m["label"])
                                                          for m in maps]

    def restore(self, maps: list[WorkMap]) -> None:
        """Take the built work tables' counts and parking from ``maps`` (:meth:`matches`)."""
        for work, m in zip(self.works, maps, strict=True):
            work.result.distinct, work.result.changed = m["distinct"], m["changed"]
            work.parked = work.result.parked = m["parked"]
            work.parking_done = True  # prepare() parks up front
            work.park_base, work.park_prefix = m["park_base"], m["park_prefix"]
            work.result.seconds = m["seconds"]


# characters of a text domain's longest column that an index entry of (k, new) still
# holds on every engine (InnoDB: 3072 bytes, 4 per character; PostgreSQL: ~2700)
SHORT_TEXT = 255


def _single_key(tinfo: TableInfo, column: str) -> bool:
    """Whether ``column`` alone is the table's primary key or a unique key."""
    return tinfo.primary_key == [column] or [column] in tinfo.unique_sets


def _max_length(work: Work) -> int | None:
    """The longest declared length of the domain's columns (None: one is unbounded)."""
    lengths = [s.col.info.length for s in work.sources]
    return None if any(n is None for n in lengths) else max(int(n or 0) for n in lengths)


def _join(pool: ThreadPoolExecutor) -> None:
    """Wait for the pool's threads, also through a second Ctrl-C: a thread left running
    could create and fill a work table after the caller's clean-up dropped them."""
    interrupted = False
    while True:
        try:
            pool.shutdown(wait=True, cancel_futures=True)
            break
        except KeyboardInterrupt:
            interrupted = True
    if interrupted:
        raise KeyboardInterrupt


class _Stopped(TokenizeError):
    """A value map left unfinished because another one failed (never the cause)."""


def _track(work: Work, news: list[Any]) -> None:
    """Remember what parking must avoid: the new values' range or first characters."""
    if not work.unique:
        return
    news = [n for n in news if n is not None]
    if not news:
        return
    if work.kind == "integer":
        lo, hi = min(news), max(news)
        work.new_min = lo if work.new_min is None else min(work.new_min, lo)
        work.new_max = hi if work.new_max is None else max(work.new_max, hi)
    elif work.kind in TEXT_KINDS:
        for new in news:
            if not new:
                continue
            work.new_first.add(new[0])
            folded = fold(new)
            if folded:
                work.new_first.add(folded[0])
            work.new_first.add(unicodedata.normalize("NFKD", new)[0])


def _no_parking(work: Work, why: str) -> TokenizeError:
    col = work.sources[0].col
    return TokenizeError(
        f"the new key values are a permutation of the old ones and cannot be parked "
        f"({why}); nothing was changed", table=col.table, column=col.column)
