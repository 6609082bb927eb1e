"""``row_counts``: every table of the original has as many rows in the copy."""

from __future__ import annotations

from sqlalchemy import exc as sa_exc

from ..errors import describe_db_error
from .context import Run
from .results import TableCount


def row_counts(run: Run) -> dict[str, TableCount]:
    out: dict[str, TableCount] = {}
    for name in sorted(run.before.inventory.tables):
        run.tick("row_counts")
        if not run.after.has(name):
            out[name] = TableCount()
            run.failures.append(f"{name}: table missing in the tokenized database")
            continue
        try:
            b, a = run.before.count(name), run.after.count(name)
        except sa_exc.SQLAlchemyError as exc:
            out[name] = TableCount(error=describe_db_error(exc))
            run.failures.append(f"{name}: rows could not be counted ({describe_db_error(exc)})")
            continue
        out[name] = TableCount(before=b, after=a)
        if a != b:
            run.failures.append(f"{name}: {a} rows after tokenization, {b} before")
    return out
