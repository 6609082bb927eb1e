"""``leak``: original values of masked columns looked for in the copy.

A sample of original values of every masked text column is looked for in every text
column of the copy (exact match, and a substring search in long free-text and JSON
columns for a smaller sample). See :func:`leak_check` for how tokens that merely
coincide with another original are told apart from leaks.
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
from .results import LeakCheck, LeakHit
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
                    scope: Any) -> set[int]:
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
        stmt = sa.select(*(
            sa.func.sum(sa.case((text.like(p, escape="!"), 1), else_=0)) for _, p in chunk
        )).select_from(tbl).where(scope)
        with side.engine.connect() as conn:
            row = conn.execute(stmt).one()
        found.update(i for (i, _), n in zip(chunk, row, strict=True) if n)
    return found


def _search_copy(run: Run, table: str, info: ColumnInfo, samples: Samples,
                 pair: PairLeak | None) -> set[int]:
    """Sampled originals in one column of the copy (see :func:`leak_check`)."""
    side = run.after
    tbl = side.table(table)
    scope: Any = sa.true()
    expected = None
    if pair is not None:  # a masked column that failed ``changed``
        scope = condition(tbl, run.plan.schema.tables[table].when, True)
        expected = None if pair.json else pair.image_rows
    found: set[int] = set()
    if info.kind != "json":
        found = _exact_hits(side, tbl, info.name, samples, scope, expected)
    if is_long(info) and samples.substring:
        found |= _substring_hits(side, tbl, info, samples, scope)
    return found


def leak_check(run: Run, samples: Samples, pair_leaks: dict[str, PairLeak],
               proved: set[str]) -> LeakCheck:
    """Look for sampled originals in every text column of the copy.

    Masked columns proved equal to the images of their originals are judged on the
    (original, image) pairs seen by the ``changed`` check (see :class:`PairLeak`).
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
                                    f"({describe_db_error(exc)})")
                continue
            if found:
                hits[name] = found
    out = LeakCheck(sampled=len(samples.values), substring_sampled=len(samples.substring),
                    columns_searched=searched)
    for name, idx in sorted(hits.items()):
        sources = sorted(set().union(*(samples.sources[i] for i in idx)))
        out.hits[name] = LeakHit(values=len(idx), sources=sources)
        run.failures.append(f"{name}: {len(idx)} original values of masked columns found "
                            f"(from {', '.join(sources)})")
    return out
