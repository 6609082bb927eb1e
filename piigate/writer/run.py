"""The database writer: apply a checked plan to a database, set-based.

How (details and per-engine notes in docs/writer.md):

1. **Work tables first, nothing changed yet.** For every key domain whose method maps
   values (fpe, fake, hash, json, date_shift), the writer streams ``SELECT DISTINCT``
   over the union of the domain's columns (server-side cursors, ``chunk`` rows at a
   time), transforms each distinct value once, and writes the changed ones to a work
   table ``piigate_map_<n>`` (key, new value, row id) indexed on the key. ``date_shift``
   with an ``entity_column`` gets a work table per column keyed on (entity, value).
   A transform error here stops the run before any row is touched.
2. **Updates by the database.** Per transaction group (the tables a masked key domain
   joins, or a single table), in one transaction: foreign keys touching masked columns
   are set aside (PostgreSQL: dropped and re-added with their exact definition, which
   re-validates them; MariaDB: ``FOREIGN_KEY_CHECKS=0`` and an orphan check; SQLite:
   ``PRAGMA foreign_keys=OFF`` and ``PRAGMA foreign_key_check``), each masked column is
   updated with an UPDATE joined to its work table (constant-like methods: a plain
   UPDATE), sequences are moved past the new maximum, and the group commits. Any
   failure rolls the group back: its tables are left as they were.
3. **Permuted keys.** FF3-1 is a permutation, so a key ``a`` may become ``b`` while
   another row still holds ``b``. Work rows whose old value is also some row's new value
   are *parked* first (moved to values disjoint from every old and new value: integers
   beyond the range in use, text behind a prefix no value starts with), then everything
   else is updated, then the parked rows are moved to their new values.

Memory is bounded by ``chunk`` rows; work tables are dropped at the end, also on failure.
Errors name tables and columns, never values.

The three steps are public so that groups can run as independent work units (one
Lambda each on AWS): :func:`prepare` builds every work table once (names derived from a
run id, so runs never collide) and returns a :class:`WorkState` (names and counts, JSON);
:func:`apply_group` applies one group, recording it in ``piigate_work_<run>`` inside the
group's own transaction so that a group is never applied twice; :func:`finish` checks
that every group was applied and drops the run's tables. :func:`tokenize` is the three
in a row.
"""

from __future__ import annotations

import hashlib
import json
import time
import unicodedata
import uuid
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Connection, Engine

from ..keys import Keyring
from ..methods import CONSTANT_LIKE
from ..plan import ColumnPlan, Plan
from .group import GroupTransaction
from .sql import TEXT_KINDS, Sql, TokenizeError, db_reason, fold, fold_key

__all__ = [
    "DomainResult", "TableResult", "TableResults", "TokenizeError", "TokenizeResult",
    "WorkState", "apply_group", "finish", "prepare", "tokenize",
]

Progress = Callable[[str, int, "int | None"], None]

# parking prefixes: characters without case or accent variants, not special in LIKE/binds
PARK_PREFIXES = "~^|!#$*+=<>{}"
WORK_PREFIX = "piigate_map_"
DONE_PREFIX = "piigate_work_"


# -- results ---------------------------------------------------------------------------


@dataclass
class TableResult:
    rows: int = 0  # rows the table's rules applied to (all rows, or those matching ``when``)
    seconds: float = 0.0
    columns: list[str] = field(default_factory=list)
    group: int = 0
    skipped: bool = False  # the group was applied by an earlier call: nothing was done
    rebuilt: bool = False  # rewritten by a rebuild (writer_rebuild), not updated in place


TableResults = dict[str, TableResult]


@dataclass
class DomainResult:
    method: str
    columns: list[str]
    distinct: int = 0  # distinct values transformed (each once)
    changed: int = 0  # of those, values the transform changed (rows in the work table)
    parked: int = 0  # values moved through a parking value (permuted keys)
    seconds: float = 0.0


@dataclass
class TokenizeResult:
    """What the writer did; counts and timings only, never values."""

    engine: str
    tables: dict[str, TableResult] = field(default_factory=dict)
    domains: dict[str, DomainResult] = field(default_factory=dict)
    groups: list[list[str]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "engine": self.engine,
            "seconds": round(self.seconds, 3),
            "rows": self.rows,
            "groups": self.groups,
            "tables": {k: {**asdict(v), "seconds": round(v.seconds, 3)}
                       for k, v in self.tables.items()},
            "domains": {k: {**asdict(v), "seconds": round(v.seconds, 3)}
                        for k, v in self.domains.items()},
        }


@dataclass
class WorkState:
    """What :func:`prepare` built, for :func:`apply_group` and :func:`finish`.

    JSON-serialisable (:meth:`to_dict`, :meth:`from_dict`) and value-free: the run id,
    the engine, the transaction groups (table names), and per work table its name, key
    domain, columns, counts and parking choice (an integer offset or a one-character
    prefix chosen to be disjoint from every value, so it says nothing about one).
    """

    run_id: str
    engine: str
    done_table: str
    groups: list[list[str]]
    maps: list[dict[str, Any]]
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        # park_base as text: JSON readers outside Python lose integers beyond 2**53
        maps = [{**m, "park_base": None if m.get("park_base") is None else str(m["park_base"])}
                for m in self.maps]
        return {**asdict(self), "maps": maps, "seconds": round(self.seconds, 3)}

    @classmethod
    def from_dict(cls, doc: dict[str, Any]) -> WorkState:
        try:
            maps = [{**m, "park_base": None if m.get("park_base") is None
                     else int(m["park_base"])} for m in doc["maps"]]
            return cls(run_id=str(doc["run_id"]), engine=str(doc["engine"]),
                       done_table=str(doc["done_table"]),
                       groups=[[str(t) for t in g] for g in doc["groups"]], maps=maps,
                       seconds=float(doc.get("seconds", 0.0)))
        except (KeyError, TypeError, ValueError):
            raise TokenizeError("the work state is malformed") from None

    def domains(self) -> dict[str, DomainResult]:
        """The counts per work table, as :class:`TokenizeResult` reports them."""
        return {m["label"]: DomainResult(m["method"], list(m["columns"]), m["distinct"],
                                         m["changed"], m["parked"], m["seconds"])
                for m in self.maps}


def run_tag(run_id: str) -> str:
    """A short identifier-safe tag for ``run_id``: work table names stay well under the
    engines' 63/64-character limits whatever the run id looks like."""
    if not run_id:
        raise TokenizeError("a run id is required to name the work tables")
    return hashlib.sha256(run_id.encode("utf-8")).hexdigest()[:12]


# -- work tables -----------------------------------------------------------------------


@dataclass
class _Source:
    """One column feeding a work table, with its table's row condition."""

    col: ColumnPlan
    kind: str
    where: list[str]
    params: dict[str, Any]
    entity: str | None = None
    entity_kind: str | None = None


@dataclass
class _Work:
    name: str
    label: str
    transform: Any
    kind: str
    sources: list[_Source]
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

    @property
    def column_names(self) -> list[str]:
        return [f"{s.col.table}.{s.col.column}" for s in self.sources]


def _kind(col: ColumnPlan) -> str:
    return "text" if col.info.kind not in ("integer", "date", "datetime", "json") else \
        col.info.kind


def _is_unique(plan: Plan, col: ColumnPlan) -> bool:
    tinfo = plan.inventory.tables[col.table]
    return col.info.unique or col.info.primary_key or any(
        col.column in u for u in tinfo.unique_sets)


class _Writer:
    def __init__(self, engine: Engine, plan: Plan, keyring: Keyring | None,
                 progress: Progress | None, chunk: int, run_id: str,
                 rebuild: bool = True) -> None:
        self.engine = engine
        self.rebuild = rebuild
        self.run_id = run_id
        self.tag = run_tag(run_id)
        self.done_table = f"{DONE_PREFIX}{self.tag}"
        self.plan = plan
        self.keyring = keyring
        self.progress = progress
        self.chunk = max(1, chunk)
        self.sql = Sql(engine)
        self.works: list[_Work] = []
        self.by_column: dict[tuple[str, str], _Work] = {}
        self.result = TokenizeResult(engine=self.sql.name)
        self._sa_tables: dict[str, sa.Table] = {}
        self._where: dict[str, tuple[list[str], dict[str, Any]]] = {}

    # -- helpers -----------------------------------------------------------------------
    def _report(self, label: str, done: int, total: int | None) -> None:
        if self.progress is not None:
            self.progress(label, done, total)

    def _keys(self) -> Keyring:
        if self.keyring is None:  # finish() needs names only, never transforms
            raise TokenizeError("the keyring is needed to plan the work tables")
        return self.keyring

    def _sa_table(self, name: str) -> sa.Table:
        if name not in self._sa_tables:
            self._sa_tables[name] = sa.Table(name, sa.MetaData(), autoload_with=self.engine)
        return self._sa_tables[name]

    def condition(self, table: str) -> tuple[list[str], dict[str, Any]]:
        """The table's row condition as SQL on the qualified table, with parameters."""
        if table not in self._where:
            self._where[table] = _render_condition(self.sql, table, self.plan, len(self._where))
        return self._where[table]

    # -- plan -> work tables -----------------------------------------------------------
    def _work_name(self) -> str:
        return f"{WORK_PREFIX}{self.tag}_{len(self.works) + 1}"

    def plan_works(self) -> None:
        """Which work tables the plan needs (nothing is read or written yet)."""
        by_domain: dict[str, list[ColumnPlan]] = {}
        for col in self.plan.columns:
            if col.rule.method in CONSTANT_LIKE:
                continue
            if col.rule.method == "date_shift" and col.rule.entity_column:
                self._add_entity_work(col)
            else:
                by_domain.setdefault(col.domain, []).append(col)
        for domain, cols in by_domain.items():
            sources = [_Source(c, _kind(c), *self.condition(c.table)) for c in cols]
            kinds = {s.kind for s in sources}
            if len(kinds) > 1:
                raise TokenizeError(f"key domain {domain!r} mixes column kinds "
                                    f"({', '.join(sorted(kinds))})")
            work = _Work(
                name=self._work_name(), label=domain,
                transform=self.plan.transform(cols[0], self._keys()), kind=kinds.pop(),
                sources=sources, unique=[c for c in cols if _is_unique(self.plan, c)],
            )
            self._register(work)

    def _add_entity_work(self, col: ColumnPlan) -> None:
        ent = col.rule.entity_column
        einfo = self.plan.inventory.column(col.table, ent)
        if einfo is None:
            raise TokenizeError(f"entity column {ent!r} not found", table=col.table,
                                column=col.column)
        ekind = "integer" if einfo.kind == "integer" else (
            einfo.kind if einfo.kind in ("date", "datetime") else "text")
        src = _Source(col, _kind(col), *self.condition(col.table), entity=ent, entity_kind=ekind)
        work = _Work(
            name=self._work_name(),
            label=f"{col.domain}: {col.table}.{col.column} by {ent}",
            transform=self.plan.transform(col, self._keys()), kind=src.kind, sources=[src],
            unique=[], entity_kind=ekind,
        )
        self._register(work)

    def _register(self, work: _Work) -> None:
        self.works.append(work)
        work.result.method = work.transform.method or ""
        work.result.columns = work.column_names
        self.result.domains[work.label] = work.result
        for s in work.sources:
            self.by_column[(s.col.table, s.col.column)] = work

    def _define(self, work: _Work) -> sa.Table:
        first = work.sources[0].col
        col_type = self._sa_table(first.table).c[first.column].type
        big = any((s.col.info.int_max or 0) > 2**63 - 1 for s in work.sources)
        cols: list[Any] = [
            sa.Column("id", sa.BigInteger, primary_key=True, autoincrement=False),
            sa.Column("k", self.sql.key_type(work.kind, col_type, big)),
            sa.Column("new", self.sql.new_type(work.kind, col_type, big, self._max_length(work))),
            sa.Column("parked", sa.SmallInteger, nullable=False, default=0),
        ]
        # parked: lets the engines drive the (few) parking passes from the work table;
        # (k, new) covers the join for non-text kinds (one index lookup per row, not two)
        key_cols = ["k"] if work.kind in TEXT_KINDS else ["k", "new"]
        idx = [sa.Index(f"{work.name}_k", *key_cols), sa.Index(f"{work.name}_p", "parked")]
        src = work.sources[0]
        if work.entity_kind is not None and src.entity is not None:
            etype = self._sa_table(src.col.table).c[src.entity].type
            einfo = self.plan.inventory.column(src.col.table, src.entity)
            ebig = einfo is not None and (einfo.int_max or 0) > 2**63 - 1
            cols.append(sa.Column("e", self.sql.key_type(work.entity_kind, etype, ebig)))
            idx = [sa.Index(f"{work.name}_ek", "e", "k")]  # never parked
        if work.kind in TEXT_KINDS and work.unique:
            cols += [sa.Column("fo", sa.String(32)), sa.Column("fn", sa.String(32))]
            idx += [sa.Index(f"{work.name}_fo", "fo"), sa.Index(f"{work.name}_fn", "fn")]
        return sa.Table(work.name, sa.MetaData(), *cols, *idx)

    @staticmethod
    def _max_length(work: _Work) -> int | None:
        """The longest declared length of the domain's columns (None: one is unbounded)."""
        lengths = [s.col.info.length for s in work.sources]
        return None if any(n is None for n in lengths) else max(int(n or 0) for n in lengths)

    def build(self, work: _Work) -> None:
        """Stream the distinct values, transform them once, fill the work table."""
        started = time.perf_counter()
        work.table = self._define(work)
        same = self.sql.name == "sqlite"  # one connection: SQLite's writer lock
        reader = self.engine.connect()
        writer = reader if same else self.engine.connect()
        try:
            work.table.drop(writer, checkfirst=True)
            work.table.create(writer)
            writer.commit()
            raw = self._raw_ok(work)
            if self.sql.name == "mysql" and raw:
                chunks = (self._transform_values(work, part, None)
                          for part in self._mysql_int_chunks(reader, work))
            else:
                stmt = self._distinct_query(work)
                result = reader.execute(stmt, execution_options={
                    "stream_results": True, "yield_per": self.chunk})
                chunks = (self._transform_chunk(work, part)
                          for part in result.partitions(self.chunk))
            for rows in chunks:
                if rows:
                    self._insert(writer, work.table, rows, raw=raw)
                self._report(f"map {work.label}", work.result.distinct, None)
            if self.sql.name == "postgresql":
                writer.execute(sa.text(f"ANALYZE {self.sql.q(work.name)}"))  # fresh stats
            elif self.sql.name == "mysql":  # without, MariaDB guesses 15,000 rows per key
                writer.execute(sa.text(f"ANALYZE TABLE {self.sql.q(work.name)}")).all()
            writer.commit()
            if work.unique:
                self._check_unique(writer, work)
                self._mark_parked(writer, work)
                writer.commit()
        finally:
            reader.close()
            if not same:
                writer.close()
        work.result.seconds = time.perf_counter() - started

    def _raw_ok(self, work: _Work) -> bool:
        """Whether the driver can take the work rows as they are: integers within 64
        bits, and text on SQLite. Dates keep SQLAlchemy's storage format on SQLite, and
        MariaDB's binary MD5 keys need SQLAlchemy's binary literals: a plain string
        literal would mangle them and no row would match its key."""
        small = all((s.col.info.int_max or 0) <= 2**63 - 1 for s in work.sources)
        return work.entity_kind is None and (
            (work.kind == "integer" and small)
            or (work.kind == "text" and self.sql.name == "sqlite"))

    def _insert(self, conn: Connection, table: sa.Table, rows: list[dict[str, Any]],
                raw: bool = False) -> None:
        """Bulk insert into a work table (COPY on PostgreSQL: several times faster)."""
        if self.sql.name != "postgresql" and not raw:
            conn.execute(table.insert(), rows)
            return
        if not conn.in_transaction():
            conn.begin()  # so that the caller's commit() commits the driver's rows too
        if self.sql.name == "mysql":
            self._insert_mysql_ints(conn, table, rows)
            return
        if self.sql.name != "postgresql":
            # the driver's executemany with plain tuples: SQLAlchemy's per-row parameter
            # processing cost more than the insert itself (300,000 rows: ~2 s)
            names = list(rows[0])
            marks = ", ".join(["?"] * len(names))  # only SQLite gets here
            cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
            try:
                cursor.executemany(
                    f"INSERT INTO {self.sql.q(table.name)} "
                    f"({', '.join(self.sql.q(n) for n in names)}) VALUES ({marks})",
                    [tuple(r[n] for n in names) for r in rows])
            finally:
                cursor.close()
            return
        names = list(rows[0])
        cols = ", ".join(self.sql.q(n) for n in names)
        dbapi = conn.connection.dbapi_connection
        assert dbapi is not None  # an open connection
        cursor = dbapi.cursor()
        try:
            with cursor.copy(f"COPY {self.sql.q(table.name)} ({cols}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row([row[n] for n in names])
        finally:
            cursor.close()

    def _mysql_int_chunks(self, conn: Connection, work: _Work) -> Iterable[list[int]]:
        """The domain's distinct integers, ``chunk`` at a time, read a thousand to a
        row (``GROUP_CONCAT`` per ``k DIV 1000``): PyMySQL parses every row in Python,
        so 300,000 one-value rows cost ~10 s where 300 rows cost nothing."""
        conn.execute(sa.text("SET SESSION group_concat_max_len = 16777216"))
        inner, params = self._distinct_sql(work)
        query = (f"SELECT GROUP_CONCAT(d.k SEPARATOR ',') FROM ({inner}) AS d "
                 "GROUP BY d.k DIV 1000")
        result = conn.execute(sa.text(query).bindparams(**params),
                              execution_options={"stream_results": True})
        buf: list[int] = []
        for (text,) in result:
            buf.extend(map(int, text.split(",")))
            if len(buf) >= self.chunk:
                yield buf
                buf = []
        result.close()
        if buf:
            yield buf

    def _insert_mysql_ints(self, conn: Connection, table: sa.Table,
                           rows: list[dict[str, Any]]) -> None:
        """Integer rows as literal multi-row INSERTs: PyMySQL escapes every value in
        Python (~25 us a row); integers need no escaping, only a type check."""
        names = list(rows[0])
        head = (f"INSERT INTO {self.sql.q(table.name)} "
                f"({', '.join(self.sql.q(n) for n in names)}) VALUES ")
        cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            for start in range(0, len(rows), 10_000):
                part = []
                for r in rows[start:start + 10_000]:
                    values = [r[n] for n in names]
                    if not all(type(v) is int for v in values):  # noqa: E721 - not bool
                        raise TokenizeError("a work-table row is not all integers",
                                            table=table.name)
                    part.append("(" + ",".join(map(str, values)) + ")")
                cursor.execute(head + ",".join(part))
        finally:
            cursor.close()

    def _distinct_query(self, work: _Work) -> sa.TextClause | sa.TextualSelect:
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

    def _distinct_sql(self, work: _Work) -> tuple[str, dict[str, Any]]:
        """``SELECT DISTINCT`` over the union of the domain's columns, with parameters."""
        parts: list[str] = []
        params: dict[str, Any] = {}
        for s in work.sources:
            c = self.sql.col(s.col.table, s.col.column)
            sel = f"{self.sql.select_expr(c, s.kind)} AS k"
            if s.entity is not None:
                e = self.sql.col(s.col.table, s.entity)
                sel = f"{self.sql.select_expr(e, s.entity_kind or 'text')} AS e, {sel}"
            where = " AND ".join([f"{c} IS NOT NULL", *s.where])
            parts.append(f"SELECT {sel} FROM {self.sql.q(s.col.table)} WHERE {where}")
            params.update(s.params)
        query = parts[0].replace("SELECT ", "SELECT DISTINCT ", 1) if len(parts) == 1 \
            else " UNION ".join(parts)
        return query, params

    def _transform_chunk(self, work: _Work, part: Iterable[Any]) -> list[dict[str, Any]]:
        rows = list(part)
        values = [self.sql.decode(r.k, work.kind) for r in rows]
        ents = None
        if work.entity_kind is not None:
            ents = [self.sql.decode(r.e, work.entity_kind) for r in rows]
        return self._transform_values(work, values, ents)

    def _transform_values(self, work: _Work, values: list[Any],
                          ents: list[Any] | None) -> list[dict[str, Any]]:
        if ents is not None:
            news = work.transform.apply_with_entities(values, ents)
        else:
            ents = [None] * len(values)
            news = work.transform.apply(values)
        work.result.distinct += len(values)
        out: list[dict[str, Any]] = []
        for old, ent, new in zip(values, ents, news, strict=True):
            if work.kind == "json" and new is not None and not isinstance(new, str):
                new = json.dumps(new, ensure_ascii=False)
            if new == old:
                continue  # unchanged (persisted values, identities): no update needed
            row = {"id": work.next_id, "k": self.sql.py_key(old, work.kind), "new": new,
                   "parked": 0}
            work.next_id += 1
            if work.entity_kind is not None:
                row["e"] = None if ent is None else self.sql.py_key(ent, work.entity_kind)
            if work.kind in TEXT_KINDS and work.unique:
                row["fo"], row["fn"] = fold_key(old), fold_key(new)
            self._track(work, new)
            out.append(row)
        work.result.changed += len(out)
        return out

    def _track(self, work: _Work, new: Any) -> None:
        if not work.unique or new is None:
            return
        if work.kind == "integer":
            work.new_min = new if work.new_min is None else min(work.new_min, new)
            work.new_max = new if work.new_max is None else max(work.new_max, new)
        elif work.kind in TEXT_KINDS and new:
            work.new_first.add(new[0])
            folded = fold(new)
            if folded:
                work.new_first.add(folded[0])
            work.new_first.add(unicodedata.normalize("NFKD", new)[0])

    def _check_unique(self, conn: Connection, work: _Work) -> None:
        """Fail before any update when a unique column's new values are not distinct.

        On MariaDB text is compared folded (its default collations ignore case, accents
        and trailing spaces). FF3-1 is a permutation and needs no check; checking it
        folded would misreport a case-sensitive column whose values differ in case only.
        """
        if work.entity_kind is not None or work.transform.method == "fpe":
            return
        by = "fn" if work.kind in TEXT_KINDS and self.sql.name == "mysql" else "new"
        if work.kind == "json" and self.sql.name == "postgresql":
            by = "CAST(new AS TEXT)"
        m = self.sql.q(work.name)
        dup = conn.execute(sa.text(
            f"SELECT 1 FROM {m} GROUP BY {by} HAVING COUNT(*) > 1 LIMIT 1")).first()
        if dup is not None:
            col = work.unique[0]
            raise TokenizeError(
                f"method {col.rule.method!r} gives the same output for different values of "
                "a unique column (the outputs collide); choose a one-to-one method such as "
                "'fpe', or keep the column; nothing was changed",
                table=col.table, column=col.column)

    def _mark_parked(self, conn: Connection, work: _Work) -> None:
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

    def _choose_parking(self, conn: Connection, work: _Work) -> None:
        n = work.next_id
        if work.kind == "integer":
            lo, hi = work.new_min, work.new_max
            tmin, tmax = -(2**63), 2**63 - 1
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
                raise self._no_parking(work, "no free integer range outside the values in use")
            return
        limit = min((s.col.info.length for s in work.sources if s.col.info.length), default=None)
        if limit is not None and 1 + len(str(n)) > limit:
            raise self._no_parking(work, f"parking values need {1 + len(str(n))} characters")
        for prefix in PARK_PREFIXES:
            if prefix in work.new_first:
                continue
            if not any(self._starts_with(conn, s, prefix) for s in work.sources):
                work.park_prefix = prefix
                return
        raise self._no_parking(work, "every parking prefix is in use")

    def _starts_with(self, conn: Connection, s: _Source, prefix: str) -> bool:
        c = self.sql.text_cmp(self.sql.col(s.col.table, s.col.column))
        q = f"SELECT 1 FROM {self.sql.q(s.col.table)} WHERE {c} LIKE :p LIMIT 1"
        return conn.execute(sa.text(q), {"p": prefix + "%"}).first() is not None

    @staticmethod
    def _no_parking(work: _Work, why: str) -> TokenizeError:
        col = work.sources[0].col
        return TokenizeError(
            f"the new key values are a permutation of the old ones and cannot be parked "
            f"({why}); nothing was changed", table=col.table, column=col.column)

    # -- state -------------------------------------------------------------------------
    def state(self, seconds: float) -> WorkState:
        maps = [{"name": w.name, "label": w.label, "method": w.result.method,
                 "columns": list(w.result.columns), "distinct": w.result.distinct,
                 "changed": w.result.changed, "parked": w.parked, "park_base": w.park_base,
                 "park_prefix": w.park_prefix, "seconds": round(w.result.seconds, 3)}
                for w in self.works]
        return WorkState(run_id=self.run_id, engine=self.sql.name, done_table=self.done_table,
                         groups=self.groups(), maps=maps, seconds=seconds)

    def restore(self, state: WorkState) -> None:
        """Take the built work tables' counts and parking from ``state``; refuse a state
        prepared for another plan, database engine or run (fail closed)."""
        names = [(w.name, w.label) for w in self.works]
        if (state.engine != self.sql.name or state.done_table != self.done_table
                or state.groups != self.groups()
                or names != [(m["name"], m["label"]) for m in state.maps]):
            raise TokenizeError("the work state does not match this plan and database "
                                "(prepared for another schema, engine or run); nothing was "
                                "changed")
        for work, m in zip(self.works, state.maps, strict=True):
            work.result.distinct, work.result.changed = m["distinct"], m["changed"]
            work.parked = work.result.parked = m["parked"]
            work.park_base, work.park_prefix = m["park_base"], m["park_prefix"]
            work.result.seconds = m["seconds"]

    # -- bookkeeping -------------------------------------------------------------------
    def _done_table(self) -> sa.Table:
        return sa.Table(self.done_table, sa.MetaData(),
                        sa.Column("grp", sa.Integer, primary_key=True, autoincrement=False),
                        mysql_engine="InnoDB")  # transactional: written with the group

    def create_done_table(self) -> None:
        """The run's record of applied groups; refuses a run that already applied one
        (its work tables would be rebuilt from tokenized values)."""
        table = self._done_table()
        with self.engine.connect() as conn:
            if sa.inspect(conn).has_table(self.done_table):
                if conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one():
                    raise TokenizeError(
                        "this run already applied table groups; prepare again under a new "
                        "run id only on an untouched copy", table=self.done_table)
                table.drop(conn)
            table.create(conn)
            conn.commit()

    def done_groups(self) -> set[int] | None:
        """The groups applied so far (None: no record, the run was finished or never
        prepared)."""
        with self.engine.connect() as conn:
            if not sa.inspect(conn).has_table(self.done_table):
                return None
            return {int(r[0]) for r in conn.execute(sa.select(self._done_table().c.grp))}

    def drop_tables(self, names: Iterable[str]) -> None:
        with self.engine.connect() as conn:
            for name in names:
                conn.execute(sa.text(f"DROP TABLE IF EXISTS {self.sql.q(name)}"))
            conn.commit()

    # -- groups ------------------------------------------------------------------------
    def groups(self) -> list[list[str]]:
        """Tables joined by a masked key domain update together (one transaction)."""
        order = self.plan.tables()
        parent = {t: t for t in order}

        def find(t: str) -> str:
            while parent[t] != t:
                parent[t] = parent[parent[t]]
                t = parent[t]
            return t

        for dom in self.plan.domains.values():
            tables = sorted({t for t, _ in dom.columns if t in parent})
            if dom.method == "fpe":
                for t in tables[1:]:
                    parent[find(t)] = find(tables[0])
        out: dict[str, list[str]] = {}
        for t in order:
            out.setdefault(find(t), []).append(t)
        return list(out.values())

    def run_group(self, index: int, tables: list[str]) -> TableResults:
        for t in tables:
            self.result.tables[t] = TableResult(
                columns=[c.column for c in self.plan.for_table(t)], group=index)
        applied = GroupTransaction(self, tables, marker=(self.done_table, index)).run()
        for t in tables:
            self.result.tables[t].skipped = not applied
        return {t: self.result.tables[t] for t in tables}


def _render_condition(sql: Sql, table: str, plan: Plan, n: int) -> tuple[list[str], dict]:
    rule = plan.schema.tables.get(table)
    when = rule.when if rule is not None else None
    if when is None:
        return [], {}
    c = sql.col(table, when.column)
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


def _db_error(exc: sa_exc.SQLAlchemyError, doing: str) -> TokenizeError:
    return TokenizeError(f"database error while {doing} ({db_reason(exc)})")


def prepare(engine: Engine, plan: Plan, keyring: Keyring, *, run_id: str,
            progress: Progress | None = None, chunk: int = 50_000) -> WorkState:
    """Build every work table of ``plan`` once, for the run ``run_id``; change no row.

    Work tables are named ``piigate_map_<tag>_<n>`` and the record of applied groups
    ``piigate_work_<tag>`` (``tag`` from ``run_id``), so runs never collide. Preparing a
    run again rebuilds its tables unless a group was already applied (refused). On
    failure the tables made so far are dropped and nothing else changed.
    """
    started = time.perf_counter()
    w = _Writer(engine, plan, keyring, progress, chunk, run_id)
    w.plan_works()
    try:
        w.create_done_table()
    except sa_exc.SQLAlchemyError as exc:
        raise _db_error(exc, "preparing the work tables") from None
    try:
        for work in w.works:
            w.build(work)
        return w.state(time.perf_counter() - started)
    except BaseException as exc:
        _drop_quietly(w, [*(m.name for m in w.works), w.done_table])
        if isinstance(exc, sa_exc.SQLAlchemyError):
            raise _db_error(exc, "preparing the work tables") from None
        raise


def apply_group(engine: Engine, plan: Plan, keyring: Keyring, state: WorkState, group: int,
                *, progress: Progress | None = None, rebuild: bool = True) -> TableResults:
    """Apply transaction group ``group`` of a prepared run, in one transaction.

    The group is recorded in the run's ``piigate_work_<tag>`` table in that same
    transaction; a group already recorded is skipped (its results say ``skipped``), so
    a retried or duplicated unit never masks values twice. On failure the group's
    tables are unchanged and :class:`TokenizeError` names the table (and column).

    With ``rebuild`` (the default) a group whose tables can all be rebuilt faithfully is
    rewritten by :mod:`piigate.writer_rebuild`; otherwise, or with ``rebuild=False``,
    rows are updated in place. Both give the same data.
    """
    w = _Writer(engine, plan, keyring, progress, 1, state.run_id, rebuild=rebuild)
    w.plan_works()
    w.restore(state)
    if not 0 <= group < len(state.groups):
        raise TokenizeError(f"there is no table group {group} in this run "
                            f"({len(state.groups)} groups)")
    try:
        return w.run_group(group, state.groups[group])
    except sa_exc.SQLAlchemyError as exc:  # the group's own errors are TokenizeErrors
        raise _db_error(exc, f"applying table group {group}") from None


def finish(engine: Engine, plan: Plan, state: WorkState, *, require_all: bool = True) -> None:
    """End a run: check every group was applied, then drop its work tables and record.

    Sequences are already moved per group. With ``require_all`` (the default) a run
    with groups not applied raises :class:`TokenizeError` naming their tables and drops
    nothing (fail closed: the database is not fully tokenized). Finishing a finished run
    does nothing. ``require_all=False`` only drops (cleanup after a failure).
    """
    w = _Writer(engine, plan, None, None, 1, state.run_id)  # no transforms needed
    if (state.done_table != w.done_table or state.engine != w.sql.name
            or state.groups != w.groups()):
        raise TokenizeError("the work state does not match this plan and database")
    try:
        done = w.done_groups()
        if done is None:
            return  # finished before (the record is dropped last)
        missing = [i for i in range(len(state.groups)) if i not in done]
        if require_all and missing:
            tables = ", ".join(t for i in missing for t in state.groups[i])
            raise TokenizeError(f"{len(missing)} table group(s) were not applied "
                                f"({tables}); the database is not fully tokenized")
        w.drop_tables([*(m["name"] for m in state.maps), w.done_table])
    except sa_exc.SQLAlchemyError as exc:
        raise _db_error(exc, "dropping the work tables") from None


def _drop_quietly(w: _Writer, names: list[str]) -> None:
    try:
        w.drop_tables(names)
    except sa_exc.SQLAlchemyError:
        pass  # the original error matters more; leftovers are named piigate_map_*


def tokenize(engine: Engine, plan: Plan, keyring: Keyring, *,
             progress: Progress | None = None, chunk: int = 50_000,
             run_id: str | None = None, rebuild: bool = True) -> TokenizeResult:
    """Apply ``plan`` to the database behind ``engine``: :func:`prepare`, every group
    with :func:`apply_group` in order, :func:`finish` (see the module docstring).

    ``progress(label, done, total)`` is called while work tables fill (label
    ``"map <domain>"``, distinct values so far, total unknown) and per table (rows done,
    rows in the table). A failure raises :class:`TokenizeError` (or the transform's
    :class:`~piigate.errors.TransformError`); the failing table group is unchanged,
    groups committed before it stay tokenized. Work tables are dropped in every case.
    """
    started = time.perf_counter()
    state = prepare(engine, plan, keyring, run_id=run_id or uuid.uuid4().hex,
                    progress=progress, chunk=chunk)
    result = TokenizeResult(engine=state.engine, domains=state.domains(), groups=state.groups)
    try:
        for i in range(len(state.groups)):
            result.tables.update(apply_group(engine, plan, keyring, state, i,
                                             progress=progress, rebuild=rebuild))
    except BaseException:
        try:
            finish(engine, plan, state, require_all=False)
        except TokenizeError:
            pass  # the group's error matters more
        raise
    finish(engine, plan, state)
    result.seconds = time.perf_counter() - started
    return result
