"""Every engine difference of the writer, one module per engine (see ``base``)."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from ..results import TokenizeError
from .base import TEXT_KINDS, Dialect, RowsSelect, SavedForeignKey, WorkRows
from .mysql import MysqlDialect
from .postgresql import PostgresqlDialect
from .sqlite import SqliteDialect

DIALECTS: dict[str, type[Dialect]] = {
    d.name: d for d in (SqliteDialect, PostgresqlDialect, MysqlDialect)}

__all__ = ["DIALECTS", "TEXT_KINDS", "Dialect", "RowsSelect", "SavedForeignKey", "WorkRows",
           "dialect_for"]


def dialect_for(engine: Engine) -> Dialect:
    """The writer's dialect for ``engine``, chosen once from its SQLAlchemy dialect."""
    cls = DIALECTS.get(engine.dialect.name)
    if cls is None:
        raise TokenizeError(f"the writer does not support {engine.dialect.name!r} databases")
    return cls(engine)
