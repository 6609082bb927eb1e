"""Pseudonymize and re-identify values outside a database, with the snapshot's keys.

What the pseudonymization service (``functions/handlers/pseudonymization.py``), the
Python client's local mode and the Spark helper call: a key domain (``customers.id``)
or a column of the approved schema (``orders.customer_id``) names the rule and keys,
and a value gets the token a tokenized snapshot gave it. Integer domains take the
token range of their narrowest column from the schema's ``type`` annotations (which
discovery's proposals carry), as ``piigate reidentify`` does without ``--db``.

Only value-level methods that give one token per value in a domain (``fpe``, ``fake``,
``hash``) can be served; only ``fpe`` can be reversed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Final

from .errors import ConfigError, SchemaError
from .keys import Keyring
from .methods import CACHEABLE, REVERSIBLE
from .reidentify import check_secret, transform_from_schema
from .schema import Schema
from .transforms import Transform, build_transform

# One request's values: a JSON body of 1,000 values of up to 1 KB stays far below
# API Gateway's 10 MB and Lambda's 6 MB payload limits.
MAX_VALUES: Final = 1000
MAX_VALUE_CHARS: Final = 1024


class BatchTooLarge(ConfigError):
    """More values in one request than :data:`MAX_VALUES`."""


@dataclass(frozen=True)
class Target:
    """What a request names: the transform of a column or domain, and its label."""

    label: str  # "domain customers.id" or "column orders.customer_id": for errors and audit
    transform: Transform
    integer: bool


def _split(column: str) -> tuple[str, str]:
    table, _, col = column.partition(".")
    if not table or not col:
        raise ConfigError("expected table.column", field="column")
    return table, col


def resolve(schema: Schema, keyring: Keyring, *, column: str | None = None,
            domain: str | None = None) -> Target:
    """The transform for ``column`` (``table.column``) or key ``domain``; exactly one."""
    if (column is None) == (domain is None):
        raise ConfigError("name either a domain or a column", field="domain")
    check_secret(schema.key_check, keyring, "schema")
    if column is not None:
        table, col = _split(column)
        rule = schema.rule(table, col)
        if rule is None or rule.method == "keep":
            raise SchemaError("the column is not masked by the approved schema",
                              table=table, column=col)
        label = f"column {table}.{col}"
        domain = rule.domain or f"{table}.{col}"
    # every column of the domain: the narrowest bounds integer tokens (piigate.plan)
    candidates = sorted(((t, c, r) for t, c, r in schema.masked()
                         if (r.domain or f"{t}.{c}") == domain),
                        key=lambda x: column != f"{x[0]}.{x[1]}")
    if not candidates:
        raise SchemaError("no column of the approved schema is in this key domain",
                          field=f"domain {domain}")
    if column is None:
        label = f"domain {domain}"
    table, col, rule = candidates[0]
    if rule.method not in CACHEABLE:
        raise SchemaError(f"method {rule.method!r} does not give one token per value; the "
                          "service serves fpe, fake and hash", table=table, column=col)
    hint = "the service reads key domains and integer ranges from the approved schema"
    transforms = [transform_from_schema(r, t, c, keyring, hint) for t, c, r in candidates]
    first = transforms[0]
    integer = first.ctx.int_range is not None
    if integer and len(transforms) > 1:
        ranges = [t.ctx.int_range for t in transforms if t.ctx.int_range is not None]
        if len(ranges) != len(transforms):
            raise SchemaError("the key domain mixes integer and text columns", field=label)
        narrowest = (max(r[0] for r in ranges), min(r[1] for r in ranges))
        if narrowest != first.ctx.int_range:
            first = build_transform(first.rule, replace(first.ctx, int_range=narrowest))
    return Target(label, first, integer)


def _values(target: Target, values: Any, what: str) -> list[Any]:
    if not isinstance(values, list):
        raise ConfigError(f"{what} must be a list", field=what)
    if len(values) > MAX_VALUES:
        raise BatchTooLarge(f"at most {MAX_VALUES} {what} per request; send batches",
                          field=what)
    out: list[Any] = []
    for i, v in enumerate(values):
        where = f"{what}[{i}]"
        if v is None:
            out.append(None)
        elif isinstance(v, bool) or not isinstance(v, int | str):
            raise ConfigError(f"{type(v).__name__} is not a value the service takes (text "
                              "or integers)", field=where)
        elif isinstance(v, str) and len(v) > MAX_VALUE_CHARS:
            raise ConfigError(f"longer than {MAX_VALUE_CHARS} characters", field=where)
        elif target.integer and isinstance(v, str):
            try:
                out.append(int(v.strip()))
            except ValueError:
                raise ConfigError(f"the {target.label} is integer; this is not an integer",
                                  field=where) from None
        elif not target.integer and isinstance(v, int):
            out.append(str(v))
        else:
            out.append(v)
    return out


def pseudonymize(schema: Schema, keyring: Keyring, values: Sequence[Any], *,
                 column: str | None = None, domain: str | None = None) -> list[Any]:
    """The token of each value, in order, as the snapshot tokenized it."""
    target = resolve(schema, keyring, column=column, domain=domain)
    return target.transform.apply(_values(target, list(values), "values"))


def reidentify(schema: Schema, keyring: Keyring, tokens: Sequence[Any], *,
               column: str | None = None, domain: str | None = None) -> list[Any]:
    """The original of each ``fpe`` token, in order."""
    target = resolve(schema, keyring, column=column, domain=domain)
    if target.transform.method not in REVERSIBLE:
        raise SchemaError(f"method {target.transform.method!r} is not reversible; only "
                          "'fpe' is", field=target.label)
    return target.transform.reverse(_values(target, list(tokens), "tokens"))
