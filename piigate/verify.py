"""Verification: prove that a tokenized copy is complete, consistent and leak-free.

``verify(before, after, plan, keyring)`` compares the original database (``before``)
with its tokenized copy (``after``) and runs five checks:

- ``row_counts``: every table of the original has as many rows in the copy.
- ``changed``: every masked column holds exactly the transformed original values.
  Rows cannot be aligned when the primary key itself is masked, so the check works on
  value multisets: the original values of a column (grouped, with their counts) are
  transformed again under the keyring, and the multiset of their images must equal the
  multiset of the copy's values. That proves nothing was left untransformed and nothing
  else was written. A value the transform maps to itself (a fixed point) is a failure
  too, except persisted values, empty strings and the constant methods (``redact``,
  ``constant``), and for ``json`` (a document without masked content stays the same).
  ``date_shift`` per entity is checked on ``(date, entity)`` groups of the original.
  Rows outside a table's ``when`` condition must be unchanged (same multiset check
  with the identity).
- ``leak``: a sample of original values of every masked text column is looked for in
  every text column of the copy (exact match, and a substring search in long free-text
  and JSON columns for a smaller sample). See :func:`_leak_check` for how tokens that
  merely coincide with another original are told apart from leaks.
- ``foreign_keys``: each foreign key of the original exists in the copy and has no
  orphan rows there.
- ``unique``: each primary key and unique key of the original exists in the copy and
  has no duplicate groups there.

Memory stays bounded: the database groups and streams values in chunks, and a multiset
is kept as keyed 128-bit fingerprints in a fixed number of buckets; only the buckets that
differ are read a second time, to count what differs. The result names tables, columns
and counts, never a value: it goes into Step Functions payloads, reports and logs.
"""

from __future__ import annotations

import datetime as dt
import decimal
import hashlib
import json
import os
import random
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Engine

from .db import ColumnInfo, ForeignKey, Inventory, quote, reflect
from .errors import PiiGateError
from .keys import Keyring
from .methods import CACHEABLE, FIXED_POINT_EXEMPT
from .plan import ColumnPlan, Plan

CHUNK = 5000  # rows or groups fetched, and values transformed, at a time
BUCKETS = 4096  # fingerprint buckets per multiset
DIAG_BUCKETS = 128  # differing buckets read again to count what differs
LONG_TEXT = 256  # text columns at least this long (or unbounded) are free text
MIN_LEAK_LEN = 4  # shorter originals are not looked for
MIN_SUBSTRING_LEN = 6  # shorter originals are not looked for inside free text
IN_CHUNK = 500  # values per IN (...) list
# images kept across the columns of a key domain (emp_no in five tables is transformed
# once); a bound on entries, not a cache of the whole table
IMAGE_CACHE = 400_000
LIKE_CHUNK = 20  # LIKE patterns per query
_MASK = (1 << 128) - 1
_MISS = object()
_INTEGER_TEXT = re.compile(r"^[+-]?\d+$")

# progress(stage, done): units of the stage started so far. Two positional arguments, so
# the CLI's ``update(label, done, total=None)`` and the pipeline's counter both fit.
Progress = Callable[[str, int], None]


@dataclass
class VerifyResult:
    """The outcome of :func:`verify`: per-check details and one line per failure."""

    checks: dict[str, dict[str, Any]]
    failures: list[str]

    @property
    def passed(self) -> bool:
        return not self.failures

    def to_dict(self) -> dict[str, Any]:
        """Payload-safe JSON form: names and counts only."""
        return {"passed": self.passed, "checks": self.checks, "failures": list(self.failures)}


# -- values ------------------------------------------------------------------------


def _canon(value: Any, as_json: bool = False) -> bytes:
    """Bytes that are equal exactly when two values are the same value.

    Drivers return the same value in different Python types (an int or a Decimal, a str
    or parsed JSON); both sides go through this before they are compared.
    """
    if value is None:
        return b"\x00"
    if as_json:
        doc = _json_doc(value)
        if doc is not _NOT_JSON:
            return b"J" + json.dumps(
                doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False
            ).encode("utf-8")
    if isinstance(value, bool):
        return b"B1" if value else b"B0"
    if isinstance(value, int):
        return b"I" + str(value).encode()
    if isinstance(value, float | decimal.Decimal):
        try:
            if value == int(value):
                return b"I" + str(int(value)).encode()
        except (ValueError, OverflowError, decimal.InvalidOperation):
            pass  # NaN, infinity
        return b"F" + repr(float(value)).encode()
    if isinstance(value, str):
        return b"S" + value.encode("utf-8", "surrogatepass")
    if isinstance(value, bytes | bytearray | memoryview):
        return b"X" + bytes(value)
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
            return b"Z" + value.isoformat().encode()
        return b"T" + value.isoformat().encode()
    if isinstance(value, dt.date | dt.time):
        return b"D" + value.isoformat().encode()
    if isinstance(value, dict | list):
        return b"J" + json.dumps(value, sort_keys=True, separators=(",", ":"),
                                 ensure_ascii=False).encode("utf-8")
    return b"O" + str(value).encode("utf-8", "surrogatepass")


_NOT_JSON = object()


def _json_doc(value: Any) -> Any:
    """The decoded document of a JSON value (text or decoded), or ``_NOT_JSON``."""
    if isinstance(value, bytes | bytearray):
        value = bytes(value).decode("utf-8", "replace")
    if isinstance(value, str):
        try:
            return json.loads(value)
        except (json.JSONDecodeError, RecursionError):
            return _NOT_JSON
    return value


def _coerce(value: Any, kind: str) -> Any:
    """A transform's output as the column will hold it (the writer's database casts)."""
    if value is None:
        return None
    if kind == "text" and isinstance(value, int | float | decimal.Decimal):
        return str(value)
    if isinstance(value, str):
        try:
            if kind == "integer" and _INTEGER_TEXT.match(value):
                return int(value)
            if kind == "date":
                return dt.date.fromisoformat(value[:10])
            if kind == "datetime":
                return dt.datetime.fromisoformat(value)
        except ValueError:
            return value
    return value


def _leaves(value: Any) -> list[str]:
    """String leaves of a JSON document (or the text itself when it is not JSON)."""
    doc = _json_doc(value)
    if doc is _NOT_JSON:
        return [value] if isinstance(value, str) else []
    out: list[str] = []
    stack = [doc]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, str):
            out.append(node)
    return out


# -- multisets as bucketed fingerprints ----------------------------------------------


class _Multiset:
    """A multiset of values as per-bucket (row count, sum of keyed 128-bit hashes).

    Two multisets are equal (up to a 2**-128 chance) when all buckets are equal; the
    hash key is random per run, so nobody can construct colliding values. Memory is
    ``BUCKETS`` pairs whatever the number of rows.
    """

    def __init__(self, key: bytes) -> None:
        self.key = key
        self.rows = [0] * BUCKETS
        self.sums = [0] * BUCKETS

    def hash(self, canon: bytes) -> int:
        return int.from_bytes(
            hashlib.blake2b(canon, key=self.key, digest_size=16).digest(), "little"
        )

    def add(self, canon: bytes, n: int) -> None:
        h = self.hash(canon)
        b = h % BUCKETS
        self.rows[b] += n
        self.sums[b] = (self.sums[b] + h * n) & _MASK

    def differing(self, other: _Multiset) -> list[int]:
        return [
            b for b in range(BUCKETS)
            if self.rows[b] != other.rows[b] or self.sums[b] != other.sums[b]
        ]


# -- database access -----------------------------------------------------------------


class _Side:
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
            return expr, _decode_utf8
        return col, _identity

    def as_text(self, col: Any, force: bool = False) -> Any:
        """The column as text for IN and LIKE (PostgreSQL enums and json compare only so)."""
        if force or self.engine.dialect.name == "postgresql":
            return sa.cast(col, sa.Text)
        return col

    def scalar(self, stmt: Any) -> Any:
        with self.engine.connect() as conn:
            return conn.execute(stmt).scalar()

    def stream(self, stmt: Any) -> Iterator[Sequence[Any]]:
        """Rows of ``stmt`` in chunks, through a server-side cursor where there is one."""
        with self.engine.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=CHUNK).execute(stmt)
            yield from result.partitions()


def _identity(v: Any) -> Any:
    return v


def _decode_utf8(v: Any) -> Any:
    if isinstance(v, bytes | bytearray | memoryview):
        return bytes(v).decode("utf-8", "surrogateescape")
    return v


def _condition(tbl: sa.Table, cond: Any, inside: bool) -> Any:
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


def _why(exc: BaseException) -> str:
    """Our error's message (value-free by contract) or a database error's class."""
    return exc.message if isinstance(exc, PiiGateError) else _db_error(exc)


def _db_error(exc: BaseException) -> str:
    """A description of a database error without its message (which may quote values)."""
    orig = getattr(exc, "orig", None)
    return type(orig or exc).__name__


# -- the checks ------------------------------------------------------------------------


@dataclass
class _Run:
    before: _Side
    after: _Side
    plan: Plan
    keyring: Keyring
    leak_sample: int
    progress: Progress | None
    key: bytes = field(default_factory=lambda: os.urandom(32))
    failures: list[str] = field(default_factory=list)
    done: dict[str, int] = field(default_factory=dict)
    images: dict[tuple[str, bytes], Any] = field(default_factory=dict)

    def tick(self, stage: str) -> None:
        """Report one more unit of ``stage`` started (a table, a column, a key)."""
        self.done[stage] = self.done.get(stage, 0) + 1
        if self.progress is not None:
            self.progress(stage, self.done[stage])


def verify(
    before: Engine,
    after: Engine,
    plan: Plan,
    keyring: Keyring,
    *,
    leak_sample: int = 200,
    progress: Progress | None = None,
) -> VerifyResult:
    """Check the tokenized copy ``after`` of ``before`` against ``plan``.

    ``plan`` is the checked plan of the approved schema against ``before`` (its
    inventory describes the original). ``progress(stage, done)`` is called before each
    unit of work (a table, a column, a key) with the number started in that stage.
    Database errors fail the check they occur in (reported by error class only) instead
    of raising, so that the result still says what else held.
    """
    run = _Run(
        before=_Side(before, plan.inventory),
        after=_Side(after, reflect(after)),
        plan=plan,
        keyring=keyring,
        leak_sample=max(0, leak_sample),
        progress=progress,
    )
    checks: dict[str, dict[str, Any]] = {}
    checks["row_counts"] = _row_counts(run)
    checks["foreign_keys"] = _foreign_keys(run)
    checks["unique"] = _unique_keys(run)
    samples = _sample_originals(run)
    checks["changed"], pair_leaks, proved = _changed(run, samples)
    checks["leak"] = _leak_check(run, samples, pair_leaks, proved)
    return VerifyResult(checks=checks, failures=run.failures)


def verify_urls(
    before_url: str,
    after_url: str,
    schema_path: str,
    keyring: Keyring,
    *,
    keep_undecided: bool = False,
    leak_sample: int = 200,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """``piigate verify``: connect, load and check the schema, verify; the result dict."""
    from .db import connect
    from .plan import make_plan
    from .schema import load_schema

    schema = load_schema(schema_path)
    before = connect(before_url)
    try:
        after = connect(after_url)
        try:
            plan = make_plan(schema, reflect(before), keep_undecided=keep_undecided)
            result = verify(before, after, plan, keyring, leak_sample=leak_sample,
                            progress=progress)
        finally:
            after.dispose()
    finally:
        before.dispose()
    return result.to_dict()


# -- row counts --------------------------------------------------------------------------


def _count(side: _Side, table: str) -> int:
    return int(side.scalar(sa.select(sa.func.count()).select_from(side.table(table))))


def _row_counts(run: _Run) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in sorted(run.before.inventory.tables):
        run.tick("row_counts")
        if not run.after.has(name):
            out[name] = {"before": None, "after": None}
            run.failures.append(f"{name}: table missing in the tokenized database")
            continue
        try:
            b, a = _count(run.before, name), _count(run.after, name)
        except sa_exc.SQLAlchemyError as exc:
            out[name] = {"error": _db_error(exc)}
            run.failures.append(f"{name}: rows could not be counted ({_db_error(exc)})")
            continue
        out[name] = {"before": b, "after": a}
        if a != b:
            run.failures.append(f"{name}: {a} rows after tokenization, {b} before")
    return out


# -- keys ----------------------------------------------------------------------------------


def _fk_name(fk: ForeignKey) -> str:
    return f"{fk.table}({', '.join(fk.columns)}) -> {fk.ref_table}({', '.join(fk.ref_columns)})"


def _fk_present(run: _Run, fk: ForeignKey) -> bool:
    t = run.after.inventory.tables[fk.table]
    return any(
        f.ref_table == fk.ref_table and f.columns == fk.columns and f.ref_columns == fk.ref_columns
        for f in t.foreign_keys
    )


def _orphans(side: _Side, fk: ForeignKey) -> int:
    child = side.table(fk.table)
    parent = side.table(fk.ref_table).alias("piigate_parent")
    match = sa.and_(*(parent.c[rc] == child.c[c]
                      for c, rc in zip(fk.columns, fk.ref_columns, strict=True)))
    stmt = (
        sa.select(sa.func.count())
        .select_from(child)
        .where(*(child.c[c].is_not(None) for c in fk.columns))
        .where(~sa.exists().where(match))
    )
    return int(side.scalar(stmt))


def _foreign_keys(run: _Run) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for fk in run.before.inventory.all_foreign_keys():
        name = _fk_name(fk)
        run.tick("foreign_keys")
        if not (run.after.has(fk.table) and run.after.has(fk.ref_table)):
            out[name] = {"present": False, "orphans": None}
            run.failures.append(f"{name}: a table of the foreign key is missing")
            continue
        present = _fk_present(run, fk)
        if not present:
            run.failures.append(f"{name}: foreign key constraint missing after tokenization")
        try:
            orphans: int | None = _orphans(run.after, fk)
        except sa_exc.SQLAlchemyError as exc:
            orphans = None
            run.failures.append(f"{name}: orphans could not be counted ({_db_error(exc)})")
        out[name] = {"present": present, "orphans": orphans}
        if orphans:
            run.failures.append(f"{name}: {orphans} rows reference a missing parent row")
    return out


def _key_sets(inv: Inventory, table: str) -> list[tuple[str, list[str]]]:
    t = inv.tables[table]
    sets = [("primary key", list(t.primary_key))] if t.primary_key else []
    for cols in t.unique_sets:
        if sorted(cols) != sorted(t.primary_key):
            sets.append(("unique", list(cols)))
    return sets


def _duplicate_groups(side: _Side, table: str, cols: list[str]) -> int:
    tbl = side.table(table)
    grouped = (
        sa.select(*(tbl.c[c] for c in cols))
        .where(*(tbl.c[c].is_not(None) for c in cols))
        .group_by(*(tbl.c[c] for c in cols))
        .having(sa.func.count() > 1)
        .subquery()
    )
    return int(side.scalar(sa.select(sa.func.count()).select_from(grouped)))


def _key_present(run: _Run, table: str, what: str, cols: list[str]) -> bool:
    t = run.after.inventory.tables[table]
    want = sorted(cols)
    if what == "primary key":
        return sorted(t.primary_key) == want
    return any(sorted(u) == want for u in t.unique_sets) or sorted(t.primary_key) == want


def _unique_keys(run: _Run) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for table in sorted(run.before.inventory.tables):
        if not run.after.has(table) or run.before.inventory.tables[table].error:
            continue  # reported by row_counts
        for what, cols in _key_sets(run.before.inventory, table):
            name = f"{table}({', '.join(cols)})"
            run.tick("unique")
            present = _key_present(run, table, what, cols)
            if not present:
                run.failures.append(f"{name}: {what} constraint missing after tokenization")
            try:
                dups: int | None = _duplicate_groups(run.after, table, cols)
            except sa_exc.SQLAlchemyError as exc:
                dups = None
                run.failures.append(f"{name}: duplicates could not be counted ({_db_error(exc)})")
            out[name] = {"kind": what, "present": present, "duplicate_groups": dups}
            if dups:
                run.failures.append(f"{name}: {dups} duplicate {what} groups")
    return out


# -- leak samples ---------------------------------------------------------------------------


@dataclass
class _Samples:
    """Original values looked for in the copy; ``sources[i]`` names where value i came from."""

    values: list[str] = field(default_factory=list)
    sources: list[set[str]] = field(default_factory=list)
    index: dict[str, int] = field(default_factory=dict)
    substring: list[int] = field(default_factory=list)  # indices also searched inside text

    def add(self, value: str, source: str, substring: bool) -> None:
        i = self.index.get(value)
        if i is None:
            i = self.index[value] = len(self.values)
            self.values.append(value)
            self.sources.append(set())
        self.sources[i].add(source)
        if substring and len(value) >= MIN_SUBSTRING_LEN and i not in self.substring:
            self.substring.append(i)

    def lookup(self, value: str) -> int | None:
        return self.index.get(value)


def _is_json(cp: ColumnPlan) -> bool:
    return cp.rule.method == "json" or cp.info.kind == "json"


def _is_long(info: ColumnInfo) -> bool:
    return info.kind == "json" or (info.kind == "text" and (info.length is None
                                                            or info.length >= LONG_TEXT))


def _leak_candidates(cp: ColumnPlan, transform: Any, values: list[Any]) -> list[str]:
    """Original text worth looking for: long enough, not persisted, not a number.

    For JSON columns: the string leaves the transform changes (unmasked leaves are
    kept by decision and would otherwise be reported as leaks of themselves).
    """
    persist = {str(v) for v in cp.rule.persist_values}
    if _is_json(cp):
        out: list[str] = []
        for u, w in zip(values, transform.apply(values), strict=True):
            out.extend(sorted(set(_leaves(u)) - set(_leaves(w))))
    else:
        out = [v for v in values if isinstance(v, str)]
    return [
        v for v in out
        if len(v.strip()) >= MIN_LEAK_LEN and v not in persist and not _INTEGER_TEXT.match(v)
    ]


def _sample_originals(run: _Run) -> _Samples:
    """Up to ``leak_sample`` originals per masked text column, from masked rows only."""
    samples = _Samples()
    if run.leak_sample == 0:
        return samples
    rng = random.Random(0)  # the same sample for the same data
    per_sub = max(1, run.leak_sample // 10)
    for cp in run.plan.columns:
        if cp.info.kind not in ("text", "json") or not run.after.has(cp.table, cp.column):
            continue
        run.tick("leak_sample")
        try:
            candidates = _fetch_candidates(run, cp)
        except (sa_exc.SQLAlchemyError, PiiGateError) as exc:
            run.failures.append(f"{cp.table}.{cp.column}: originals could not be sampled "
                                f"({_why(exc)})")
            continue
        picked = rng.sample(candidates, min(run.leak_sample, len(candidates)))
        for n, value in enumerate(picked):
            samples.add(value, f"{cp.table}.{cp.column}", substring=n < per_sub)
    return samples


def _fetch_candidates(run: _Run, cp: ColumnPlan) -> list[str]:
    side = run.before
    tbl = side.table(cp.table)
    expr, decode = side.value_expr(tbl, cp.column)
    cond = _condition(tbl, run.plan.schema.tables[cp.table].when, inside=True)
    stmt = (sa.select(expr).select_from(tbl).where(cond, tbl.c[cp.column].is_not(None))
            .limit(run.leak_sample * 5))
    with side.engine.connect() as conn:
        values = [decode(r[0]) for r in conn.execute(stmt)]
    transform = run.plan.transform(cp, run.keyring)
    return sorted(set(_leak_candidates(cp, transform, values)))


# -- changed -------------------------------------------------------------------------------


@dataclass
class _PairLeak:
    """Leaks visible in (original, image) pairs of one masked column.

    Because the copy's column is proved equal to the images of the originals, its
    content can be judged on the pairs: an original that survives the transform (the
    image still holds it where the original held it) is a leak; an image that merely
    equals some other original (a fake name that is also a real surname, an integer
    token that is also another key) is not.
    """

    samples: _Samples
    long: bool
    json: bool
    found: set[int] = field(default_factory=set)
    # rows whose image equals sampled original i: what a search of the copy may find
    # without a leak (used when the column failed ``changed`` and is searched in SQL)
    image_rows: Counter[int] = field(default_factory=Counter)

    def _strings(self, value: Any) -> set[str]:
        if self.json:
            return set(_leaves(value))
        return {value} if isinstance(value, str) else set()

    def observe(self, original: Any, image: Any, rows: int) -> None:
        if original is None or image is None:
            return
        if not self.json and isinstance(image, str):
            i = self.samples.lookup(image)
            if i is not None:
                self.image_rows[i] += rows
        before, after = self._strings(original), self._strings(image)
        for v in before & after:
            i = self.samples.lookup(v)
            if i is not None:
                self.found.add(i)
        if self.long:
            text_b, text_a = "\n".join(before), "\n".join(after)
            for i in self.samples.substring:
                if i not in self.found:
                    v = self.samples.values[i]
                    if v in text_a and v in text_b:
                        self.found.add(i)


@dataclass
class _ColumnStats:
    rows: int = 0
    distinct: int = 0
    fixed_points: int = 0


class _ColumnCheck:
    """The ``changed`` check of one masked column; see the module docstring."""

    def __init__(self, run: _Run, cp: ColumnPlan, leak: _PairLeak | None) -> None:
        self.run = run
        self.cp = cp
        self.leak = leak
        self.transform = run.plan.transform(cp, run.keyring)
        self.when = run.plan.schema.tables[cp.table].when
        self.json = _is_json(cp)
        self.entity = getattr(cp.rule, "entity_column", None)
        self.persist = {str(v) for v in cp.rule.persist_values}
        self.stats = _ColumnStats()

    def _groups(self, side: _Side, inside: bool, with_entity: bool) -> Iterator[list[tuple]]:
        """(value, entity, count) groups of the rows in or out of the condition."""
        tbl = side.table(self.cp.table)
        expr, decode = side.value_expr(tbl, self.cp.column)
        cond = _condition(tbl, self.when, inside)
        ent: tuple[Any, Callable[[Any], Any]] | None = None
        if with_entity and self.entity:
            ent = side.value_expr(tbl, self.entity)
        if self.json:
            # JSON documents are mostly distinct, and PostgreSQL's json cannot be grouped
            stmt = sa.select(expr).select_from(tbl).where(cond)
            for part in side.stream(stmt):
                yield [(decode(r[0]), None, 1) for r in part]
            return
        cols = [expr] if ent is None else [expr, ent[0]]
        stmt = sa.select(*cols, sa.func.count()).select_from(tbl).where(cond).group_by(*cols)
        for part in side.stream(stmt):
            if ent is None:
                yield [(decode(r[0]), None, int(r[1])) for r in part]
            else:
                yield [(decode(r[0]), ent[1](r[1]), int(r[2])) for r in part]

    def images(self, chunk: list[tuple]) -> list[Any]:
        """Images of (value, entity, count) groups; value-level methods through the cache."""
        values = [g[0] for g in chunk]
        if self.entity:
            return self.transform.apply_with_entities(values, [g[1] for g in chunk])
        if self.cp.rule.method not in CACHEABLE:
            return self.transform.apply(values)
        cache = self.run.images
        # fakes and hashes are fitted to the column's length: part of the key
        scope = f"{self.cp.domain}|{self.cp.info.kind}|{self.cp.info.length}"
        keys = [(scope, _canon(v)) for v in values]
        out = [cache.get(k, _MISS) for k in keys]
        todo = [i for i, w in enumerate(out) if w is _MISS]
        if todo:
            for i, w in zip(todo, self.transform.apply([values[i] for i in todo]), strict=True):
                out[i] = w
                if len(cache) < IMAGE_CACHE:
                    cache[keys[i]] = w
        return out

    def key(self, value: Any) -> bytes:
        """Canonical bytes of a value as the column holds it."""
        return _canon(_coerce(value, self.cp.info.kind), self.json)

    def _is_fixed_point(self, u: Any, ku: bytes, kw: bytes) -> bool:
        if ku != kw or u is None or u == "" or str(u) in self.persist:
            return False
        return self.cp.rule.method not in FIXED_POINT_EXEMPT

    def expected(self, sink: Callable[[bytes, bytes, Any, int], None]) -> None:
        """Feed (original key, image key, group, image) of the masked rows to ``sink``."""
        for chunk in self._groups(self.run.before, True, True):
            for g, w in zip(chunk, self.images(chunk), strict=True):
                sink(self.key(g[0]), self.key(w), g, w)

    def actual(self, inside: bool, sink: Callable[[bytes, int], None]) -> None:
        for chunk in self._groups(self.run.after, inside, False):
            for g in chunk:
                sink(self.key(g[0]), g[2])

    def unchanged_rows(self, sink: Callable[[bytes, int], None]) -> None:
        for chunk in self._groups(self.run.before, False, False):
            for g in chunk:
                sink(self.key(g[0]), g[2])

    def run_check(self) -> dict[str, Any]:
        key = self.run.key
        exp, act = _Multiset(key), _Multiset(key)

        def on_expected(ku: bytes, kw: bytes, g: tuple, w: Any) -> None:
            n = g[2]
            self.stats.rows += n
            self.stats.distinct += 1
            if self._is_fixed_point(g[0], ku, kw):
                self.stats.fixed_points += n
            exp.add(kw, n)
            if self.leak is not None:
                self.leak.observe(g[0], w, n)

        self.expected(on_expected)
        self.actual(True, act.add)
        out: dict[str, Any] = {
            "method": self.cp.rule.method,
            "rows": self.stats.rows,
            "distinct": self.stats.distinct,
            "fixed_points": self.stats.fixed_points,
        }
        out.update(self._diagnose(exp, act))
        if self.when is not None:
            out["outside_condition_changed"] = self._outside_condition()
        return out

    def _diagnose(self, exp: _Multiset, act: _Multiset) -> dict[str, Any]:
        """Count unchanged, missing and unexpected rows in the buckets that differ."""
        diff = exp.differing(act)
        counts = {"unchanged": 0, "missing": 0, "unexpected": 0}
        if not diff:
            return {**counts, "matches": True}
        keep = set(diff[:DIAG_BUCKETS])
        want: Counter[int] = Counter()
        have: Counter[int] = Counter()
        originals: set[int] = set()

        def in_keep(canon: bytes) -> int | None:
            h = exp.hash(canon)
            return h if h % BUCKETS in keep else None

        def on_expected(ku: bytes, kw: bytes, g: tuple, w: Any) -> None:
            hw = in_keep(kw)
            if hw is not None:
                want[hw] += g[2]
            hu = in_keep(ku)
            if hu is not None and g[0] not in (None, "") and str(g[0]) not in self.persist:
                originals.add(hu)

        def on_actual(kw: bytes, n: int) -> None:
            hw = in_keep(kw)
            if hw is not None:
                have[hw] += n

        self.expected(on_expected)
        self.actual(True, on_actual)
        for h in set(want) | set(have):
            extra = have[h] - want[h]
            if extra > 0:
                counts["unchanged" if h in originals else "unexpected"] += extra
            elif extra < 0:
                counts["missing"] -= extra
        return {**counts, "matches": False, "complete": len(diff) <= DIAG_BUCKETS}

    def _outside_condition(self) -> int:
        """Rows outside the ``when`` condition whose values differ (0 when they are kept)."""
        key = self.run.key
        b, a = _Multiset(key), _Multiset(key)
        self.unchanged_rows(b.add)
        self.actual(False, a.add)
        diff = set(b.differing(a))
        if not diff:
            return 0
        delta: Counter[int] = Counter()

        def sub(sign: int) -> Callable[[bytes, int], None]:
            def f(canon: bytes, n: int) -> None:
                h = b.hash(canon)
                if h % BUCKETS in diff:
                    delta[h] += sign * n
            return f

        self.unchanged_rows(sub(1))
        self.actual(False, sub(-1))
        return max(1, sum(abs(d) for d in delta.values()) // 2)


def _changed(
    run: _Run, samples: _Samples
) -> tuple[dict[str, Any], dict[str, _PairLeak], set[str]]:
    """Run the ``changed`` check on every masked column, then row by row where it can.

    Returns the section, what the (original, image) pairs showed the leak check per
    text column, and the masked columns whose content was proved equal to the images
    (so that the leak check may judge them by their pairs).
    """
    out: dict[str, Any] = {}
    leaks: dict[str, _PairLeak] = {}
    done: dict[str, list[tuple[_ColumnCheck, _PairLeak | None]]] = {}
    for cp in run.plan.columns:
        name = f"{cp.table}.{cp.column}"
        run.tick("changed")
        try:
            problem = _column_problem(run, cp)
        except PiiGateError as exc:
            problem = f"no transform for the rule ({exc.message})"
        if problem:
            out[name] = {"method": cp.rule.method, "error": problem}
            run.failures.append(f"{name}: {problem}")
            continue
        leak = None
        if cp.info.kind in ("text", "json") and samples.values:
            leak = _PairLeak(samples, long=_is_long(cp.info) or _is_json(cp), json=_is_json(cp))
        try:
            check = _ColumnCheck(run, cp, leak)
            out[name] = check.run_check()
        except (sa_exc.SQLAlchemyError, PiiGateError) as exc:
            out[name] = _column_error(run, name, cp, exc)
            continue
        done.setdefault(cp.table, []).append((check, leak))
    for table, checks in done.items():
        run.tick("changed_rows")
        try:
            aligned = _RowAlignment(run, table, [c for c, _ in checks]).mismatches()
        except (sa_exc.SQLAlchemyError, PiiGateError) as exc:
            run.failures.append(f"{table}: rows could not be compared ({_why(exc)})")
            aligned = None
        for check, _ in checks:
            entry = out[f"{table}.{check.cp.column}"]
            if aligned is not None:
                entry["row_mismatches"] = aligned[check.cp.column]
    proved: set[str] = set()
    for table, checks in done.items():
        for check, leak in checks:
            name = f"{table}.{check.cp.column}"
            entry = out[name]
            _changed_failures(run, name, entry)
            if leak is not None:
                leaks[name] = leak
            if entry["matches"] and not entry.get("outside_condition_changed") \
                    and not entry.get("row_mismatches"):
                proved.add(name)
    return out, leaks, proved


def _column_error(run: _Run, name: str, cp: ColumnPlan, exc: BaseException) -> dict[str, Any]:
    if isinstance(exc, PiiGateError):  # a transform refused an original; no value in it
        run.failures.append(f"{name}: the originals could not be transformed again "
                            f"({exc.message})")
        return {"method": cp.rule.method, "error": type(exc).__name__}
    run.failures.append(f"{name}: values could not be compared ({_db_error(exc)})")
    return {"method": cp.rule.method, "error": _db_error(exc)}


class _RowAlignment:
    """Row-by-row comparison for a table whose primary key is kept.

    Most tables have a kept surrogate key (``id``) beside masked columns; there rows can
    be paired, and each row must hold the transform of its own original (this also
    catches values permuted between rows, which the multiset check cannot see). Both
    sides are streamed ordered by the key, in step; if the keys stop matching the
    tables differ in rows, which the other checks report, and the pairing stops.
    """

    def __init__(self, run: _Run, table: str, checks: list[_ColumnCheck]) -> None:
        self.run = run
        self.table = table
        self.checks = checks
        self.pk = list(run.before.inventory.tables[table].primary_key)

    def applicable(self) -> bool:
        schema = self.run.plan.schema
        return bool(self.pk) and all(
            (r := schema.rule(self.table, c)) is None or r.method == "keep" for c in self.pk
        ) and all(self.run.after.has(self.table, c) for c in self.pk)

    def _rows(self, side: _Side, before: bool) -> Iterator[Any]:
        tbl = side.table(self.table)
        cols: list[Any] = []
        decoders: list[Callable[[Any], Any]] = []
        names = list(self.pk) + [c.cp.column for c in self.checks]
        if before:
            names += [c.entity for c in self.checks if c.entity]
        for n in names:
            expr, dec = side.value_expr(tbl, n)
            cols.append(expr)
            decoders.append(dec)
        if before:
            when = self.run.plan.schema.tables[self.table].when
            cols.append(sa.case((_condition(tbl, when, True), 1), else_=0))
            decoders.append(_identity)
        stmt = sa.select(*cols).select_from(tbl).order_by(*(tbl.c[c] for c in self.pk))
        for part in side.stream(stmt):
            for r in part:
                yield [d(v) for d, v in zip(decoders, r, strict=True)]

    def mismatches(self) -> dict[str, int] | None:
        """Rows per masked column that do not hold their own row's image; None: not paired."""
        if not self.applicable():
            return None
        out = {c.cp.column: 0 for c in self.checks}
        chunk: list[tuple[list[Any], list[Any]]] = []
        after = self._rows(self.run.after, False)
        for b in self._rows(self.run.before, True):
            a = next(after, None)
            if a is None or not self._same_key(b, a):
                return None
            chunk.append((b, a))
            if len(chunk) >= CHUNK:
                self._compare(chunk, out)
                chunk = []
        if next(after, None) is not None:
            return None
        self._compare(chunk, out)
        return out

    def _same_key(self, b: list[Any], a: list[Any]) -> bool:
        n = len(self.pk)
        return [_canon(v) for v in b[:n]] == [_canon(v) for v in a[:n]]

    def _compare(self, chunk: list[tuple[list[Any], list[Any]]], out: dict[str, int]) -> None:
        n = len(self.pk)
        ent_pos = n + len(self.checks)
        inside = [i for i, (b, _) in enumerate(chunk) if b[-1]]
        for k, check in enumerate(self.checks):
            groups = []
            for i in inside:
                b = chunk[i][0]
                groups.append((b[n + k], b[ent_pos] if check.entity else None, 1))
            if check.entity:
                ent_pos += 1
            images = dict(zip(inside, check.images(groups), strict=True)) if groups else {}
            for i, (b, a) in enumerate(chunk):
                want = images[i] if i in images else b[n + k]
                if check.key(want) != check.key(a[n + k]):
                    out[check.cp.column] += 1


def _column_problem(run: _Run, cp: ColumnPlan) -> str | None:
    if not run.after.has(cp.table, cp.column):
        return "column missing in the tokenized database"
    when = run.plan.schema.tables[cp.table].when
    if when is not None:
        cond_rule = run.plan.schema.rule(cp.table, when.column)
        if cond_rule is not None and cond_rule.method != "keep":
            return (f"the row condition column {when.column} is masked, so masked rows "
                    "cannot be told apart")
        if not run.after.has(cp.table, when.column):
            return f"the row condition column {when.column} is missing"
    if cp.rule.method == "date_shift" and cp.rule.entity_column and \
            not hasattr(run.plan.transform(cp, run.keyring), "apply_with_entities"):
        return "the date_shift transform cannot shift per entity"
    return None


def _changed_failures(run: _Run, name: str, e: dict[str, Any]) -> None:
    bound = "" if e.get("complete", True) else "at least "
    if e["fixed_points"]:
        run.failures.append(f"{name}: {e['fixed_points']} masked values are their own token "
                            "(the transform left them unchanged)")
    if e["unchanged"]:
        run.failures.append(f"{name}: {bound}{e['unchanged']} masked values unchanged")
    if e["missing"]:
        run.failures.append(f"{name}: {bound}{e['missing']} transformed values missing")
    if e["unexpected"]:
        run.failures.append(f"{name}: {bound}{e['unexpected']} values that the transform "
                            "does not produce")
    if not e["matches"] and not (e["unchanged"] or e["missing"] or e["unexpected"]):
        run.failures.append(f"{name}: values differ from the transformed originals")
    if e.get("outside_condition_changed"):
        run.failures.append(f"{name}: {e['outside_condition_changed']} values changed in rows "
                            "outside the table's row condition")
    if e.get("row_mismatches"):
        run.failures.append(f"{name}: {e['row_mismatches']} rows do not hold the transformed "
                            "original of the same row")


# -- leak ------------------------------------------------------------------------------------


def _like_escape(value: str) -> str:
    return value.replace("!", "!!").replace("%", "!%").replace("_", "!_")


def _exact_hits(side: _Side, tbl: sa.Table, column: str, samples: _Samples, scope: Any,
                expected: Counter[int] | None) -> set[int]:
    """Sampled originals equal to a value of the column (MySQL: as its collation compares).

    With ``expected`` (rows whose image is sampled original i), a value found no more
    often than the transform produces it is a coincidence, not a leak.
    """
    col = side.as_text(tbl.c[column])
    expr, decode = side.value_expr(tbl, column)
    folded: dict[str, list[int]] = {}
    for i, v in enumerate(samples.values):
        folded.setdefault(v.rstrip().casefold(), []).append(i)
    found: set[int] = set()
    for start in range(0, len(samples.values), IN_CHUNK):
        chunk = samples.values[start:start + IN_CHUNK]
        stmt = (sa.select(expr, sa.func.count()).select_from(tbl)
                .where(col.in_(chunk), scope).group_by(expr))
        for part in side.stream(stmt):
            for r in part:
                v, n = decode(r[0]), int(r[1])
                if not isinstance(v, str):
                    continue
                for i in folded.get(v.rstrip().casefold(), []):
                    if expected is None or samples.values[i] != v or n > expected[i]:
                        found.add(i)
    return found


def _substring_hits(side: _Side, tbl: sa.Table, info: ColumnInfo, samples: _Samples,
                    scope: Any) -> set[int]:
    """Sampled originals found inside the column's text (and inside JSON, escaped too)."""
    text = side.as_text(tbl.c[info.name], info.kind == "json")
    patterns: list[tuple[int, str]] = []
    for i in samples.substring:
        v = samples.values[i]
        # also as a JSON serialiser with ensure_ascii writes it (JSON kept in text columns)
        forms = {v, json.dumps(v)[1:-1]}
        patterns.extend((i, f"%{_like_escape(f)}%") for f in sorted(forms))
    found: set[int] = set()
    for start in range(0, len(patterns), LIKE_CHUNK):
        chunk = patterns[start:start + LIKE_CHUNK]
        stmt = sa.select(*(
            sa.func.sum(sa.case((text.like(p, escape="!"), 1), else_=0)) for _, p in chunk
        )).select_from(tbl).where(scope)
        with side.engine.connect() as conn:
            row = conn.execute(stmt).one()
        found.update(i for (i, _), n in zip(chunk, row, strict=True) if n)
    return found


def _search_copy(run: _Run, table: str, info: ColumnInfo, samples: _Samples,
                 pair: _PairLeak | None) -> set[int]:
    """Sampled originals in one column of the copy (see :func:`_leak_check`)."""
    side = run.after
    tbl = side.table(table)
    scope: Any = sa.true()
    expected = None
    if pair is not None:  # a masked column that failed ``changed``
        scope = _condition(tbl, run.plan.schema.tables[table].when, True)
        expected = None if pair.json else pair.image_rows
    found: set[int] = set()
    if info.kind != "json":
        found = _exact_hits(side, tbl, info.name, samples, scope, expected)
    if _is_long(info) and samples.substring:
        found |= _substring_hits(side, tbl, info, samples, scope)
    return found


def _leak_check(run: _Run, samples: _Samples, pair_leaks: dict[str, _PairLeak],
                proved: set[str]) -> dict[str, Any]:
    """Look for sampled originals in every text column of the copy.

    Masked columns proved equal to the images of their originals are judged on the
    (original, image) pairs seen by the ``changed`` check (see :class:`_PairLeak`).
    Every other text or JSON column is searched in the copy itself: in kept, undecided
    or new columns any hit is a leak; in a masked column that failed ``changed``, only
    the masked rows are searched, and an exact hit counts when the value is there more
    often than the transform produces it. Rows outside a table's ``when`` condition
    keep their values by decision and are not searched in their own masked columns.
    """
    hits: dict[str, set[int]] = {
        n: leak.found for n, leak in pair_leaks.items() if n in proved and leak.found
    }
    searched = 0
    for tname, tinfo in sorted(run.after.inventory.tables.items()):
        for info in tinfo.columns.values():
            name = f"{tname}.{info.name}"
            if info.kind not in ("text", "json") or not samples.values:
                continue
            searched += 1
            if name in proved:
                continue  # judged on its (original, image) pairs
            run.tick("leak")
            try:
                found = _search_copy(run, tname, info, samples, pair_leaks.get(name))
            except sa_exc.SQLAlchemyError as exc:
                run.failures.append(f"{name}: could not be searched for original values "
                                    f"({_db_error(exc)})")
                continue
            if found:
                hits[name] = found
    out_hits: dict[str, Any] = {}
    for name, idx in sorted(hits.items()):
        sources = sorted(set().union(*(samples.sources[i] for i in idx)))
        out_hits[name] = {"values": len(idx), "from": sources}
        run.failures.append(f"{name}: {len(idx)} original values of masked columns found "
                            f"(from {', '.join(sources)})")
    return {
        "sampled": len(samples.values),
        "substring_sampled": len(samples.substring),
        "columns_searched": searched,
        "hits": out_hits,
    }
