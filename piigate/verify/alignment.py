"""Row-by-row comparison for a table whose primary key is kept.

Most tables have a kept surrogate key (``id``) beside masked columns; there rows can be
paired, and each row must hold the transform of its own original (this also catches
values permuted between rows, which the multiset check cannot see). Both sides are
streamed ordered by the key, in step; if the keys stop matching the tables differ in
rows, which the other checks report, and the pairing stops.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Protocol

import sqlalchemy as sa

from ..plan import ColumnPlan
from .context import Run
from .sides import CHUNK, Side, condition, identity
from .values import canon


class ColumnImages(Protocol):
    """What row alignment needs of a column's ``changed`` check."""

    cp: ColumnPlan
    entity: str | None

    def images(self, chunk: list[tuple]) -> list[Any]: ...

    def key(self, value: Any) -> bytes: ...


class RowAlignment:
    def __init__(self, run: Run, table: str, checks: list[ColumnImages]) -> None:
        self.run = run
        self.table = table
        self.checks = checks
        self.pk = list(run.before.inventory.tables[table].primary_key)

    def applicable(self) -> bool:
        schema = self.run.plan.schema
        return bool(self.pk) and all(
            (r := schema.rule(self.table, c)) is None or r.method == "keep" for c in self.pk
        ) and all(self.run.after.has(self.table, c) for c in self.pk)

    def _rows(self, side: Side, before: bool) -> Iterator[Any]:
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
            cols.append(sa.case((condition(tbl, when, True), 1), else_=0))
            decoders.append(identity)
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
        return [canon(v) for v in b[:n]] == [canon(v) for v in a[:n]]

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
