"""Sampled originals of masked text and JSON columns, and what (original, image) pairs
show about them. Used by the sampled part of the leak check (free-text substring search,
JSON leaves, masked columns); exact matches in kept columns are complete
(:mod:`piigate.verify.leak_exact`)."""

from __future__ import annotations

import random
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy import exc as sa_exc

from ..errors import PiiGateError, safe_reason
from ..plan import ColumnPlan
from .context import Run
from .sides import condition
from .values import INTEGER_TEXT, is_json, leaves

MIN_LEAK_LEN = 4  # shorter originals are not sampled
MIN_SUBSTRING_LEN = 6  # shorter originals are not looked for inside free text


@dataclass
class Samples:
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


def _leak_candidates(cp: ColumnPlan, transform: Any, values: list[Any]) -> list[str]:
    """Original text worth looking for: long enough, not persisted, not a number.

    For JSON columns: the string leaves the transform changes (unmasked leaves are
    kept by decision and would otherwise be reported as leaks of themselves).
    """
    persist = {str(v) for v in cp.rule.persist_values}
    if is_json(cp):
        out: list[str] = []
        for u, w in zip(values, transform.apply(values), strict=True):
            out.extend(sorted(set(leaves(u)) - set(leaves(w))))
    else:
        # uuid columns: PostgreSQL's driver gives uuid objects, looked for as text
        out = [str(v) for v in values if isinstance(v, str | uuid.UUID)]
    return [
        v for v in out
        if len(v.strip()) >= MIN_LEAK_LEN and v not in persist and not INTEGER_TEXT.match(v)
    ]


def sample_originals(run: Run) -> Samples:
    """Up to ``leak_sample`` originals per masked text (or uuid) column, from masked rows
    only."""
    samples = Samples()
    if run.leak_sample == 0:
        return samples
    rng = random.Random(0)  # the same sample for the same data
    per_sub = max(1, run.leak_sample // 10)
    for cp in run.plan.columns:
        if cp.info.kind not in ("text", "json", "uuid") or \
                not run.after.has(cp.table, cp.column):
            continue
        run.tick("leak_sample")
        try:
            candidates = _fetch_candidates(run, cp)
        except (sa_exc.SQLAlchemyError, PiiGateError) as exc:
            run.failures.append(f"{cp.table}.{cp.column}: originals could not be sampled "
                                f"({safe_reason(exc)})")
            continue
        picked = rng.sample(candidates, min(run.leak_sample, len(candidates)))
        for n, value in enumerate(picked):
            samples.add(value, f"{cp.table}.{cp.column}", substring=n < per_sub)
    return samples


def _fetch_candidates(run: Run, cp: ColumnPlan) -> list[str]:
    side = run.before
    tbl = side.table(cp.table)
    expr, decode = side.value_expr(tbl, cp.column)
    cond = condition(tbl, run.plan.schema.tables[cp.table].when, inside=True)
    stmt = (sa.select(expr).select_from(tbl).where(cond, tbl.c[cp.column].is_not(None))
            .limit(run.leak_sample * 5))
    with side.engine.connect() as conn:
        values = [decode(r[0]) for r in conn.execute(stmt)]
    transform = run.plan.transform(cp, run.keyring)
    return sorted(set(_leak_candidates(cp, transform, values)))


@dataclass
class PairLeak:
    """Leaks visible in (original, image) pairs of one masked column.

    Because the copy's column is proved equal to the images of the originals, its
    content can be judged on the pairs: an original that survives the transform (the
    image still holds it where the original held it) is a leak; an image that merely
    equals some other original (a fake name that is also a real surname, an integer
    token that is also another key) is not.
    """

    samples: Samples
    long: bool
    json: bool
    found: set[int] = field(default_factory=set)
    # rows whose image equals sampled original i: what a search of the copy may find
    # without a leak (used when the column failed ``changed`` and is searched in SQL)
    image_rows: Counter[int] = field(default_factory=Counter)

    def _strings(self, value: Any) -> set[str]:
        if self.json:
            return set(leaves(value))
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
