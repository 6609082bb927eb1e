"""The methods table is the one home of what a method fits: the others must agree with it."""

from __future__ import annotations

from typing import get_args

import pytest

from piigate.db import kind_from_sql_type
from piigate.methods import METHODS_TABLE, fits, methods_for
from piigate.schema.model import METHODS, ColumnRule
from piigate.transforms.base import _REGISTRY


def _rule_fields(name: str) -> set[str]:
    union = get_args(get_args(ColumnRule)[0])
    (cls,) = [c for c in union if get_args(c.model_fields["method"].annotation) == (name,)]
    base = {"domain", "persist_values", "type", "finding", "drift", "decided_by", "note",
            "method"}
    return set(cls.model_fields) - base


@pytest.mark.parametrize("row", METHODS_TABLE, ids=lambda r: r.name)
def test_row_parameters_are_the_rule_class_fields(row):
    assert set(row.params) == _rule_fields(row.name)


def test_schema_methods_are_the_table():
    assert METHODS == tuple(m.name for m in METHODS_TABLE)


def test_every_masking_method_has_a_registered_transform():
    import piigate.transforms.methods  # noqa: F401 - registers

    assert {m.name for m in METHODS_TABLE if m.masks} == set(_REGISTRY)


@pytest.mark.parametrize("sql, kind", [
    ("INTERVAL", "other"), ("POINT", "other"), ("inet", "other"), ("INT", "integer"),
    ("int unsigned", "integer"), ("BIGSERIAL", "integer"), ("VARCHAR(25)", "text"),
    ("character varying(30)", "text"), ("timestamptz", "datetime"), ("bytea", "binary"),
    ("LONGBLOB", "binary"), ("tinyint(1)", "boolean"), ("jsonb", "json"),
])  # fmt: skip
def test_sql_type_mapping_is_anchored(sql, kind):
    assert kind_from_sql_type(sql) == kind


def test_constant_does_not_fit_json_or_binary():
    assert not fits("constant", "json") and not fits("constant", "binary")
    assert "constant" in methods_for("integer")
    assert "null" not in methods_for("text", nullable=False)
