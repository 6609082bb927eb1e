"""``foreign_keys``: each foreign key of the original exists in the copy and has no
orphan rows there."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy import exc as sa_exc

from ..db import ForeignKey
from ..errors import describe_db_error
from .context import Run
from .results import ForeignKeyCheck
from .sides import Side


def _fk_name(fk: ForeignKey) -> str:
    return f"{fk.table}({', '.join(fk.columns)}) -> {fk.ref_table}({', '.join(fk.ref_columns)})"


def _fk_present(run: Run, fk: ForeignKey) -> bool:
    t = run.after.inventory.tables[fk.table]
    return any(
        f.ref_table == fk.ref_table and f.columns == fk.columns and f.ref_columns == fk.ref_columns
        for f in t.foreign_keys
    )


def _orphans(side: Side, fk: ForeignKey) -> int:
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


def foreign_keys(run: Run) -> dict[str, ForeignKeyCheck]:
    out: dict[str, ForeignKeyCheck] = {}
    for fk in run.before.inventory.all_foreign_keys():
        name = _fk_name(fk)
        run.tick("foreign_keys")
        if not (run.after.has(fk.table) and run.after.has(fk.ref_table)):
            out[name] = ForeignKeyCheck(present=False, orphans=None)
            run.failures.append(f"{name}: a table of the foreign key is missing")
            continue
        present = _fk_present(run, fk)
        if not present:
            run.failures.append(f"{name}: foreign key constraint missing after tokenization")
        try:
            orphans: int | None = _orphans(run.after, fk)
        except sa_exc.SQLAlchemyError as exc:
            orphans = None
            run.failures.append(f"{name}: orphans could not be counted "
                                f"({describe_db_error(exc)})")
        out[name] = ForeignKeyCheck(present=present, orphans=orphans)
        if orphans:
            run.failures.append(f"{name}: {orphans} rows reference a missing parent row")
    return out
