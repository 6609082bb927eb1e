"""reidentify: tokens back to originals for reversible rules (``piigate reidentify``)."""

from __future__ import annotations

import pytest

from piigate.errors import ConfigError, SchemaError
from piigate.keys import Keyring
from piigate.reidentify import reidentify_column
from piigate.schema import parse_schema
from piigate.transforms import TransformContext, build_transform

KEYRING = Keyring(b"0" * 32)
SCHEMA = parse_schema({"tables": {"employees": {"columns": {
    "emp_no": {"method": "fpe", "type": "INTEGER"},
    "ssn": {"method": "fpe", "type": "TEXT"},
    "email": {"method": "hash", "type": "TEXT"},
}}}})


def tokens(column: str, values: list[object], int_range: tuple[int, int] | None = None) -> list:
    rule = SCHEMA.rule("employees", column)
    domain = f"employees.{column}"
    ctx = TransformContext(table="employees", column=column, domain=domain,
                           keys=KEYRING.domain(domain), int_range=int_range)
    return build_transform(rule, ctx).apply(values)


def test_integer_tokens_are_read_as_integers() -> None:
    toks = tokens("emp_no", [10001, 10002, -5], int_range=(-(2**31), 2**31 - 1))
    assert reidentify_column(SCHEMA, "employees.emp_no", [str(t) for t in toks], KEYRING) == [
        10001, 10002, -5]


def test_text_tokens() -> None:
    toks = tokens("ssn", ["123-45-6789", "O'Neil"])
    assert reidentify_column(SCHEMA, "employees.ssn", toks, KEYRING) == ["123-45-6789", "O'Neil"]


def test_bad_integer_token_and_irreversible_rules() -> None:
    with pytest.raises(ConfigError, match="not an integer"):
        reidentify_column(SCHEMA, "employees.emp_no", ["12a"], KEYRING)
    with pytest.raises(SchemaError, match="not reversible"):
        reidentify_column(SCHEMA, "employees.email", ["abc"], KEYRING)
