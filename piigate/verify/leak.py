"""``leak``: original values of masked columns looked for in the copy.

Two parts:

- complete and exact (:mod:`piigate.verify.leak_exact`): every distinct original of
  every masked text, integer, decimal or uuid column is looked for in every kept column of
  those kinds, set-based in the copy's database;
- sampled (here): a sample of original text of every masked text or JSON column (JSON:
  the leaves the transform changes) is looked for inside free text and JSON
  (``LIKE '%...%'``), and in masked columns, where tokens that merely coincide with
  another original must be told apart from leaks (see :func:`leak_check`).
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import sqlalchemy as sa
from sqlalchemy import exc as sa_exc

from ..db import ColumnInfo
from ..errors import describe_db_error
from .context import Run
from .leak_exact import exact_search
from .results import LeakCheck, LeakHit, SubstringRead
from .samples import PairLeak, Samples
from .sides import Side, condition
from .values import is_long

IN_CHUNK = 500  # values per IN (...) list
LIKE_CHUNK = 20  # LIKE patterns per query


def like_escape(value: str) -> str:
    return value.replace("!", "!!").replace("%", "!%").replace("_", "!_")


def _exact_hits(side: Side, tbl: sa.Table, column: str, samples: Samples, scope: Any,
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


def _substring_hits(side: Side, tbl: sa.Table, info: ColumnInfo, samples: Samples,
                    scope: Any, read: SubstringRead) -> set[int]:
    """Sampled originals found inside the column's text (and inside JSON, escaped too)."""
    text = side.as_text(tbl.c[info.name], info.kind == "json")
    patterns: list[tuple[int, str]] = []
    for i in samples.substring:
        v = samples.values[i]
        # also as a JSON serialiser with ensure_ascii writes it (JSON kept in text columns)
        forms = {v, json.dumps(v)[1:-1]}
        patterns.extend((i, f"%{like_escape(f)}%") for f in sorted(forms))
    found: set[int] = set()
    for start in range(0, len(patterns), LIKE_CHUNK):
        chunk = patterns[start:start + LIKE_CHUNK]
        stmt = sa.select(sa.func.count(), *(
            sa.func.sum(sa.case((text.like(p, escape="!"), 1), else_=0)) for _, p in chunk
        )).select_from(tbl).where(scope)
        with side.engine.connect() as conn:
            rows, *sums = conn.execute(stmt).one()
        if start == 0:
            read.columns += 1
            read.rows += int(rows)
        found.update(i for (i, _), n in zip(chunk, sums, strict=True) if n)
    read.originals.update(samples.substring)
    return found


def _search_copy(run: Run, table: str, info: ColumnInfo, samples: Samples,
                 pair: PairLeak | None, read: SubstringRead) -> tuple[set[int], set[int]]:
    """Sampled originals in one column of the copy (see :func:`leak_check`): found as
    whole values, and found inside text."""
    side = run.after
    tbl = side.table(table)
    scope: Any = sa.true()
    expected = None
    if pair is not None:  # a masked column that failed ``changed``
        scope = condition(tbl, run.plan.schema.tables[table].when, True)
        expected = None if pair.json else pair.image_rows
    exact: set[int] = set()
    inside: set[int] = set()
    if info.kind != "json":
        exact = _exact_hits(side, tbl, info.name, samples, scope, expected)
    if is_long(info) and samples.substring:
        inside = _substring_hits(side, tbl, info, samples, scope, read)
    return exact, inside


def leak_check(run: Run, samples: Samples, pair_leaks: dict[str, PairLeak],
               proved: set[str]) -> LeakCheck:
    """Look for originals of masked columns in every column of the copy.

    Kept, undecided or new columns: the complete exact search
    (:mod:`piigate.verify.leak_exact`), and for free text and JSON the sampled substring
    search; any hit beyond chance is a leak. Masked columns proved equal to the images of
    their originals are judged on the (original, image) pairs seen by the ``changed``
    check (see :class:`PairLeak`). A masked column that failed ``changed`` is searched
    in its masked rows for the sample, and an exact hit counts when the value is there
    more often than the transform produces it. Rows outside a table's ``when``
    condition keep their values by decision and are not searched in their own masked
    columns.
    """
    exact = exact_search(run)
    masked = {f"{c.table}.{c.column}" for c in run.plan.columns}
    covered = set(exact.kept_columns)  # kept columns the complete search read
    sampled: dict[str, set[int]] = {
        n: leak.found for n, leak in pair_leaks.items() if n in proved and leak.found
    }
    read = SubstringRead()
    searched = 0
    for tname, tinfo in sorted(run.after.inventory.tables.items()):
        for info in tinfo.columns.values():
            name = f"{tname}.{info.name}"
            if info.kind not in ("text", "json") or not samples.values:
                continue
            searched += 1
            if name in proved:
                continue  # judged on its (original, image) pairs
            kept_covered = name in covered and name not in masked
            if kept_covered and not is_long(info):
                continue  # the complete search compared every original with it
            run.tick("leak")
            try:
                whole, inside = _search_copy(run, tname, info, samples, pair_leaks.get(name),
                                             read)
            except sa_exc.SQLAlchemyError as exc:
                run.failures.append(f"{name}: could not be searched for original values "
                                    f"({describe_db_error(exc)})")
                continue
            # in a column the complete search read, whole-value hits are counted there
            found = inside - whole if kept_covered else whole | inside
            if found:
                sampled[name] = found
    out = LeakCheck(sampled=len(samples.values), substring_sampled=len(samples.substring),
                    columns_searched=searched, exact=exact, substring=read)
    for name in sorted(set(sampled) | set(exact.findings)):
        idx = sampled.get(name, set())
        sources = set().union(*(samples.sources[i] for i in idx))
        values = len(idx)
        by_chance = None
        if name in exact.findings:
            finding = exact.findings[name]
            sources.update(finding.sources)
            values += finding.values
            by_chance = finding.by_chance
        out.hits[name] = LeakHit(values=values, sources=sorted(sources), by_chance=by_chance)
        run.failures.append(f"{name}: {values} original values of masked columns found "
                            f"(from {', '.join(sorted(sources))})")
    return out
