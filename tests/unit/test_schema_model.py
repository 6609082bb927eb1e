"""The schema model: parsing, errors with paths, the seed format, hashing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piigate.errors import ConfigError, SchemaError
from piigate.schema import json_schema, load_schema, normalise_json_path, parse_schema

PUBLISHED = Path(__file__).parents[2] / "piigate" / "schema" / "tokenization-schema.json"

GOOD = {
    "format": "piigate/v1",
    "version": 2,
    "tables": {
        "employees": {
            "when": {"column": "data_share_consent", "op": "=", "value": False},
            "columns": {
                "emp_no": {"method": "fpe"},
                "first_name": {"method": "fake", "kind": "first_name"},
                "birth_date": {"method": "date_shift", "max_days": 30},
                "gender": {"method": "keep", "reason": "two values, not identifying"},
                "profile": {
                    "method": "json",
                    "paths": [{"path": "root['contact']['email']",
                               "rule": {"method": "fake", "kind": "email"}}],
                    "all_keys": {"phone": {"method": "fpe", "alphabet": "digits"}},
                    "ignore_keys": ["preferences"],
                },
            },
        }
    },
}


def test_round_trip_keeps_decisions_and_hash():
    s = parse_schema(GOOD)
    again = parse_schema(json.loads(s.to_json()))
    assert again == s
    assert again.hash() == s.hash()
    assert s.rule("employees", "profile").paths[0].path == "$.contact.email"


def test_hash_ignores_annotations_but_not_decisions():
    s = parse_schema(GOOD)
    annotated = json.loads(s.to_json())
    annotated["tables"]["employees"]["columns"]["emp_no"]["drift"] = "new"
    annotated["tables"]["employees"]["columns"]["emp_no"]["finding"] = {"entity": "ID"}
    assert parse_schema(annotated).hash() == s.hash()
    changed = json.loads(s.to_json())
    changed["tables"]["employees"]["columns"]["birth_date"]["max_days"] = 31
    assert parse_schema(changed).hash() != s.hash()


@pytest.mark.parametrize(
    ("mutate", "path"),
    [
        (lambda d: d["tables"]["employees"]["columns"]["birth_date"].update(method="dat"),
         "tables.employees.columns.birth_date.method"),
        (lambda d: d["tables"]["employees"]["columns"]["gender"].update(reason=""),
         "tables.employees.columns.gender.reason"),
        (lambda d: d["tables"]["employees"]["columns"]["first_name"].update(kind="alien"),
         "tables.employees.columns.first_name.kind"),
        (lambda d: d["tables"]["employees"]["columns"]["birth_date"].update(max_days=0),
         "tables.employees.columns.birth_date.max_days"),
        (lambda d: d["tables"]["employees"]["columns"]["emp_no"].update(colour="red"),
         "tables.employees.columns.emp_no.colour"),
        (lambda d: d["tables"]["employees"]["columns"]["emp_no"].pop("method"),
         "tables.employees.columns.emp_no.method"),
        (lambda d: d["tables"]["employees"]["when"].update(op="like"),
         "tables.employees.when.op"),
        (lambda d: d.update(format="piigate/v0"), "format"),
        (lambda d: d["tables"]["employees"]["columns"]["profile"]["paths"][0].update(
            path="contact.email"), "tables.employees.columns.profile.paths.0.path"),
    ],
)
def test_errors_name_the_path(mutate, path):
    data = json.loads(json.dumps(GOOD))
    mutate(data)
    with pytest.raises(SchemaError) as exc:
        parse_schema(data)
    assert path in str(exc.value)


def test_seed_format_is_converted():
    seed = {"items": [
        {"table": "employees", "tokenize_fields": {"int": ["emp_no"], "date": ["birth_date"],
                                                   "string": ["first_name"]}},
        {"table": "salaries", "tokenize_fields": {"int": ["emp_no"]}},
    ]}
    s = parse_schema(seed)
    assert s.rule("employees", "emp_no").method == "fpe"
    assert s.rule("employees", "birth_date").method == "date_shift"
    assert s.rule("employees", "first_name").method == "fpe"
    assert s.rule("salaries", "emp_no").method == "fpe"
    assert s.rule("employees", "gender") is None  # undecided: tokenize will refuse


@pytest.mark.parametrize(
    ("seed", "path"),
    [
        ({"items": {}}, "items"),
        ({"items": [{"tokenize_fields": {}}]}, "items[0].table"),
        ({"items": [{"table": "t", "tokenize_fields": {"float": ["x"]}}]},
         "items[0].tokenize_fields.float"),
        ({"items": [{"table": "t", "tokenize_fields": {"int": "x"}}]},
         "items[0].tokenize_fields.int"),
    ],
)
def test_bad_seed_format(seed, path):
    with pytest.raises(SchemaError) as exc:
        parse_schema(seed)
    assert path in str(exc.value)


def test_load_schema_errors_name_the_file(tmp_path):
    missing = tmp_path / "nope.json"
    with pytest.raises(ConfigError, match="nope.json"):
        load_schema(missing)
    bad = tmp_path / "bad.json"
    bad.write_text('{"tables": {', encoding="utf-8")
    with pytest.raises(SchemaError, match=r"bad.json: malformed JSON at line 1"):
        load_schema(bad)


@pytest.mark.parametrize(
    ("given", "expected"),
    [("root['a']['b']", "$.a.b"), ("root['a'][*]", "$.a[*]"), ("$.x[0].y", "$.x[0].y"),
     ('root["q"]', "$.q")],
)
def test_json_paths(given, expected):
    assert normalise_json_path(given) == expected


def test_published_json_schema_is_current():
    assert json.loads(PUBLISHED.read_text(encoding="utf-8")) == json_schema(), (
        "regenerate with: piigate schema --out piigate/schema/tokenization-schema.json"
    )


STREAMS = {
    "customer-events": {
        "when": {"column": "data_share_consent", "op": "=", "value": False},
        "fields": [
            {"path": "root['customer_id']", "int_type": "bigint",
             "rule": {"method": "fpe", "domain": "customers.id"}},
            {"path": "$.contact.email", "rule": {"method": "fake", "kind": "email"}},
        ],
        "all_keys": {"phone": {"method": "fpe", "alphabet": "digits"}},
        "marker": {"data_redacted": True},
    }
}


def test_streams_round_trip_and_join_the_hash():
    with_streams = parse_schema({**GOOD, "streams": STREAMS})
    again = parse_schema(json.loads(with_streams.to_json()))
    assert again == with_streams and again.hash() == with_streams.hash()
    field = with_streams.streams["customer-events"].fields[0]
    assert field.path == "$.customer_id" and field.int_type == "bigint"
    # a schema without streams keeps the hash it had before streams existed
    assert parse_schema(GOOD).hash() != with_streams.hash()
    assert "streams" not in json.loads(parse_schema(GOOD).to_json())
    changed = json.loads(with_streams.to_json())
    changed["streams"]["customer-events"]["fields"][0]["int_type"] = "integer"
    assert parse_schema(changed).hash() != with_streams.hash()
    annotated = json.loads(with_streams.to_json())
    annotated["streams"]["customer-events"]["fields"][1]["rule"]["note"] = "from the seed"
    assert parse_schema(annotated).hash() == with_streams.hash()


@pytest.mark.parametrize(
    ("stream", "path"),
    [
        ({"fields": [{"path": "$.a", "rule": {"method": "keep", "reason": "fine"}}]},
         "streams.customer-events.fields.0.rule"),
        ({"fields": [{"path": "$.a", "rule": {"method": "fpe"}, "int_type": "bigint",
                      "int_range": [0, 9]}]}, "streams.customer-events.fields.0"),
        ({"fields": [{"path": "$.a", "rule": {"method": "fpe"}, "int_type": "text"}]},
         "streams.customer-events.fields.0.int_type"),
        ({"when": {"column": "c", "op": "like"}}, "streams.customer-events.when.op"),
        ({"action": "hide"}, "streams.customer-events.action"),
        ({"marker": {"": True}}, "streams.customer-events.marker"),
    ],
)
def test_stream_errors_name_the_path(stream, path):
    with pytest.raises(SchemaError) as err:
        parse_schema({"streams": {"customer-events": stream}})
    assert path in str(err.value)


def test_stream_names_are_delivery_stream_names():
    with pytest.raises(SchemaError, match="stream name"):
        parse_schema({"streams": {"no spaces": {}}})
