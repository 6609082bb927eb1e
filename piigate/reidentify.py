"""Reverse FF3-1 tokens to their originals (``piigate reidentify``).

Only ``fpe`` is reversible. The key domain and, for integers, the type range decide the
cipher: with ``--db`` they are resolved exactly as ``tokenize`` resolved them (foreign
keys included); without it they come from the schema's ``domain`` and ``type``
annotations, which discovery's proposals always carry.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from . import toolstate
from .db import ColumnInfo, connect, kind_from_sql_type, reflect
from .errors import ConfigError, SchemaError
from .keys import Keyring
from .plan import make_plan, type_token_range
from .schema import Schema
from .schema.model import FpeRule
from .transforms import Transform, TransformContext, build_transform


def check_secret(expected: str | None, keyring: Keyring, where: str) -> None:
    """Refuse a secret whose key check value differs from the one recorded at ``where``.

    With the wrong secret FF3-1 still decrypts, to a plausible wrong original; only the
    check value can tell.
    """
    if expected is not None and keyring.check_value() != expected:
        raise ConfigError(
            "the secret is not the one this data was tokenized with (key check value "
            "differs); nothing was re-identified", field=where,
        )


def _split(column: str) -> tuple[str, str]:
    table, _, col = column.partition(".")
    if not table or not col:
        raise ConfigError("expected TABLE.COLUMN", field="--column")
    return table, col


def _transform_from_db(schema: Schema, table: str, column: str, url: str,
                       keyring: Keyring) -> Transform:
    engine = connect(url)
    try:
        with engine.connect() as conn:
            record = toolstate.read_record(conn)
        # the tokenized database names the secret that tokenized it
        check_secret(record.key_check if record else None, keyring, "--db")
        plan = make_plan(schema, reflect(engine), keep_undecided=True)
    finally:
        engine.dispose()
    for col in plan.columns:
        if (col.table, col.column) == (table, column):
            return plan.transform(col, keyring)
    raise SchemaError("the column is not masked by this schema", table=table, column=column)


def transform_from_schema(rule: FpeRule | Any, table: str, column: str, keyring: Keyring,
                          hint: str = "pass --db URL to read it from the database") -> Transform:
    """The transform of a column rule from the schema alone: its ``domain`` and ``type``
    annotations (discovery's proposals carry both) stand in for the database."""
    sql_type = rule.type
    if not sql_type:
        raise SchemaError(f"the schema has no type for this column; {hint}",
                          table=table, column=column, field="type")
    kind = kind_from_sql_type(sql_type)
    info = ColumnInfo(table=table, name=column, sql_type=sql_type, kind=kind, nullable=True)
    int_range = None
    if kind == "integer":
        int_range = type_token_range(sql_type, getattr(rule, "max_value", None))
    domain = rule.domain or f"{table}.{column}"
    ctx = TransformContext(table=table, column=column, domain=domain,
                           keys=keyring.domain(domain), info=info, int_range=int_range)
    return build_transform(rule, ctx)


def reidentify_column(schema: Schema, column: str, tokens: Sequence[str], keyring: Keyring,
                      *, db: str | None = None) -> list[Any]:
    """The original of each token of ``TABLE.COLUMN``, in order."""
    table, col = _split(column)
    check_secret(schema.key_check, keyring, "--schema")
    rule = schema.rule(table, col)
    if rule is None:
        raise SchemaError("no rule for this column in the schema", table=table, column=col)
    if rule.method != "fpe":
        raise SchemaError(f"method {rule.method!r} is not reversible; only 'fpe' is",
                          table=table, column=col, field="method")
    transform = (_transform_from_db(schema, table, col, db, keyring) if db
                 else transform_from_schema(rule, table, col, keyring))
    is_int = transform.ctx.info is not None and transform.ctx.info.kind == "integer"
    values: list[Any] = []
    for i, tok in enumerate(tokens):
        if is_int:
            try:
                values.append(int(tok))
            except ValueError:
                raise ConfigError(f"token #{i + 1} is not an integer", table=table,
                                  column=col) from None
        else:
            values.append(tok)
    return transform.reverse(values)
