"""``changed``: every masked column holds exactly the transformed original values.

Rows cannot be aligned when the primary key itself is masked, so the check works on
value multisets: the original values of a column (grouped, with their counts) are
transformed again under the keyring, and the multiset of their images must equal the
multiset of the copy's values. That proves nothing was left untransformed and nothing
else was written. A value the transform maps to itself (a fixed point) is a failure too,
except persisted values, empty strings and the fixed-point-exempt methods. ``date_shift``
per entity is checked on ``(date, entity)`` groups of the original. Rows outside a
table's ``when`` condition must be unchanged (same multiset check with the identity).
Tables whose primary key is kept are also compared row by row
(:mod:`piigate.verify.alignment`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy import exc as sa_exc

from ..errors import PiiGateError, describe_db_error, safe_reason
from ..methods import CACHEABLE, FIXED_POINT_EXEMPT
from ..plan import ColumnPlan
from ..transforms.dates import DateShiftTransform
from .alignment import ColumnImages, RowAlignment
from .context import Run
from .fingerprints import BUCKETS, Multiset
from .results import ColumnChange
from .samples import PairLeak, Samples
from .sides import Side, condition
from .values import canon, coerce, is_json, is_long

DIAG_BUCKETS = 128  # differing buckets read again to count what differs
# images kept across the columns of a key domain (emp_no in five tables is transformed
# once); a bound on entries, not a cache of the whole table
IMAGE_CACHE = 400_000
_MISS = object()


@dataclass
class _ColumnStats:
    rows: int = 0
    distinct: int = 0
    fixed_points: int = 0


class ColumnCheck:
    """The ``changed`` check of one masked column; see the module docstring."""

    def __init__(self, run: Run, cp: ColumnPlan, leak: PairLeak | None) -> None:
        self.run = run
        self.cp = cp
        self.leak = leak
        self.transform = run.plan.transform(cp, run.keyring)
        self.when = run.plan.schema.tables[cp.table].when
        self.json = is_json(cp)
        self.entity: str | None = getattr(cp.rule, "entity_column", None)
        self.persist = {str(v) for v in cp.rule.persist_values}
        self.stats = _ColumnStats()

    def _groups(self, side: Side, inside: bool, with_entity: bool) -> Iterator[list[tuple]]:
        """(value, entity, count) groups of the rows in or out of the condition."""
        tbl = side.table(self.cp.table)
        expr, decode = side.value_expr(tbl, self.cp.column)
        cond = condition(tbl, self.when, inside)
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
            assert isinstance(self.transform, DateShiftTransform)  # entity_column: date_shift
            return self.transform.apply_with_entities(values, [g[1] for g in chunk])
        if self.cp.rule.method not in CACHEABLE:
            return self.transform.apply(values)
        cache = self.run.images
        # fakes and hashes are fitted to the column's length: part of the key
        scope = f"{self.cp.domain}|{self.cp.info.kind}|{self.cp.info.length}"
        keys = [(scope, canon(v)) for v in values]
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
        return canon(coerce(value, self.cp.info.kind), self.json)

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

    def run_check(self) -> ColumnChange:
        key = self.run.key
        exp, act = Multiset(key), Multiset(key)

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
        out = ColumnChange(method=self.cp.rule.method, rows=self.stats.rows,
                           distinct=self.stats.distinct, fixed_points=self.stats.fixed_points)
        self._diagnose(exp, act, out)
        if self.when is not None:
            out.outside_condition_changed = self._outside_condition()
        return out

    def _diagnose(self, exp: Multiset, act: Multiset, out: ColumnChange) -> None:
        """Count unchanged, missing and unexpected rows in the buckets that differ."""
        diff = exp.differing(act)
        if not diff:
            out.matches = True
            return
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
                if h in originals:
                    out.unchanged += extra
                else:
                    out.unexpected += extra
            elif extra < 0:
                out.missing -= extra
        out.matches = False
        out.complete = len(diff) <= DIAG_BUCKETS

    def _outside_condition(self) -> int:
        """Rows outside the ``when`` condition whose values differ (0 when they are kept)."""
        key = self.run.key
        b, a = Multiset(key), Multiset(key)
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


@dataclass
class ChangedOutcome:
    """The ``changed`` section, and what it tells the leak check."""

    columns: dict[str, ColumnChange]
    pair_leaks: dict[str, PairLeak]  # (original, image) pair findings per text column
    proved: set[str]  # masked columns proved equal to the images of their originals


def changed(run: Run, samples: Samples) -> ChangedOutcome:
    """Run the ``changed`` check on every masked column, then row by row where it can."""
    out: dict[str, ColumnChange] = {}
    done: dict[str, list[tuple[ColumnCheck, PairLeak | None]]] = {}
    for cp in run.plan.columns:
        name = f"{cp.table}.{cp.column}"
        run.tick("changed")
        try:
            problem = _column_problem(run, cp)
        except PiiGateError as exc:
            problem = f"no transform for the rule ({exc.message})"
        if problem:
            out[name] = ColumnChange(method=cp.rule.method, error=problem)
            run.failures.append(f"{name}: {problem}")
            continue
        leak = None
        if cp.info.kind in ("text", "json") and samples.values:
            leak = PairLeak(samples, long=is_long(cp.info) or is_json(cp), json=is_json(cp))
        try:
            check = ColumnCheck(run, cp, leak)
            out[name] = check.run_check()
        except (sa_exc.SQLAlchemyError, PiiGateError) as exc:
            out[name] = _column_error(run, name, cp, exc)
            continue
        done.setdefault(cp.table, []).append((check, leak))
    for table, checks in done.items():
        run.tick("changed_rows")
        columns: list[ColumnImages] = [c for c, _ in checks]
        try:
            aligned = RowAlignment(run, table, columns).mismatches()
        except (sa_exc.SQLAlchemyError, PiiGateError) as exc:
            run.failures.append(f"{table}: rows could not be compared ({safe_reason(exc)})")
            aligned = None
        if aligned is not None:
            for check, _ in checks:
                out[f"{table}.{check.cp.column}"].row_mismatches = aligned[check.cp.column]
    leaks: dict[str, PairLeak] = {}
    proved: set[str] = set()
    for table, checks in done.items():
        for check, leak in checks:
            name = f"{table}.{check.cp.column}"
            _changed_failures(run, name, out[name])
            if leak is not None:
                leaks[name] = leak
            if out[name].proved:
                proved.add(name)
    return ChangedOutcome(out, leaks, proved)


def _column_error(run: Run, name: str, cp: ColumnPlan, exc: BaseException) -> ColumnChange:
    if isinstance(exc, PiiGateError):  # a transform refused an original; no value in it
        run.failures.append(f"{name}: the originals could not be transformed again "
                            f"({exc.message})")
        return ColumnChange(method=cp.rule.method, error=type(exc).__name__)
    why = describe_db_error(exc)
    run.failures.append(f"{name}: values could not be compared ({why})")
    return ColumnChange(method=cp.rule.method, error=why)


def _column_problem(run: Run, cp: ColumnPlan) -> str | None:
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


def _changed_failures(run: Run, name: str, e: ColumnChange) -> None:
    bound = "" if e.complete is not False else "at least "
    if e.fixed_points:
        run.failures.append(f"{name}: {e.fixed_points} masked values are their own token "
                            "(the transform left them unchanged)")
    if e.unchanged:
        run.failures.append(f"{name}: {bound}{e.unchanged} masked values unchanged")
    if e.missing:
        run.failures.append(f"{name}: {bound}{e.missing} transformed values missing")
    if e.unexpected:
        run.failures.append(f"{name}: {bound}{e.unexpected} values that the transform "
                            "does not produce")
    if not e.matches and not (e.unchanged or e.missing or e.unexpected):
        run.failures.append(f"{name}: values differ from the transformed originals")
    if e.outside_condition_changed:
        run.failures.append(f"{name}: {e.outside_condition_changed} values changed in rows "
                            "outside the table's row condition")
    if e.row_mismatches:
        run.failures.append(f"{name}: {e.row_mismatches} rows do not hold the transformed "
                            "original of the same row")
