"""``unique``: each primary key and unique key of the original exists in the copy and
has no duplicate groups there."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy import exc as sa_exc

from ..db import Inventory
from ..errors import describe_db_error
from .context import Run
from .results import UniqueKeyCheck
from .sides import Side


def _key_sets(inv: Inventory, table: str) -> list[tuple[str, list[str]]]:
    t = inv.tables[table]
    sets = [("primary key", list(t.primary_key))] if t.primary_key else []
    for cols in t.unique_sets:
        if sorted(cols) != sorted(t.primary_key):
            sets.append(("unique", list(cols)))
    return sets


def _duplicate_groups(side: Side, table: str, cols: list[str]) -> int:
    tbl = side.table(table)
    grouped = (
        sa.select(*(tbl.c[c] for c in cols))
        .where(*(tbl.c[c].is_not(None) for c in cols))
        .group_by(*(tbl.c[c] for c in cols))
        .having(sa.func.count() > 1)
        .subquery()
    )
    return int(side.scalar(sa.select(sa.func.count()).select_from(grouped)))


def _key_present(run: Run, table: str, what: str, cols: list[str]) -> bool:
    t = run.after.inventory.tables[table]
    want = sorted(cols)
    if what == "primary key":
        return sorted(t.primary_key) == want
    return any(sorted(u) == want for u in t.unique_sets) or sorted(t.primary_key) == want


def unique_keys(run: Run) -> dict[str, UniqueKeyCheck]:
    out: dict[str, UniqueKeyCheck] = {}
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
                run.failures.append(f"{name}: duplicates could not be counted "
                                    f"({describe_db_error(exc)})")
            out[name] = UniqueKeyCheck(kind=what, present=present, duplicate_groups=dups)
            if dups:
                run.failures.append(f"{name}: {dups} duplicate {what} groups")
    return out
