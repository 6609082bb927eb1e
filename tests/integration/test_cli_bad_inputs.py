"""Bad inputs: each gets a clear error naming the problem, and the database is unchanged.

Every case runs the real CLI in-process against a real database, then compares a
fingerprint of every table with the one taken before.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piigate import sample
from piigate.cli import main
from piigate.db import connect
from tests.fixtures.dbutil import (
    ALL_ENGINES,
    add_metrics_table,
    fingerprint,
    full_schema,
    with_cols,
)
from tests.integration.test_cli_usability import CLASS_NAME

SECRET = "bad-input-secret-0123456789"

@pytest.fixture
def small_db(fresh_db):
    def make(engine_name: str = "sqlite") -> str:
        url = fresh_db(engine_name)
        sample.create(connect(url), 60, extras=False)
        add_metrics_table(url)
        return url
    return make


def run(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    text = captured.err + captured.out
    if code:  # a person reads this: "error: ...", never a Python class name
        assert text.startswith("error: ") or "\nerror: " in text, text
        assert not CLASS_NAME.search(text), text
    return code, text


def write(tmp_path: Path, content: str | dict | bytes, name: str = "schema.json") -> str:
    p = tmp_path / name
    if isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_text(content if isinstance(content, str) else json.dumps(content),
                     encoding="utf-8")
    return str(p)


# (id, schema or raw file content, extra argv, expected exit code, words the message must contain)
SCHEMA_CASES = [
    ("malformed-json", '{"tables": {', [], 3, ["malformed JSON", "line 1"]),
    ("not-utf8", b"\xff\xfe{}", [], 3, ["not UTF-8"]),
    ("not-an-object", "[1, 2]", [], 3, ["a schema is a JSON object"]),
    ("unknown-method", with_cols("employees", birth_date={"method": "scramble"}), [], 3,
     ["tables.employees.columns.birth_date.method", "unknown method"]),
    ("unknown-table", full_schema(ghosts={"columns": {"x": {"method": "null"}}}), [], 3,
     ["tables.ghosts", "no such table"]),
    ("unknown-column", with_cols("employees", middle_name={"method": "null"}), [], 3,
     ["tables.employees.columns.middle_name", "no such column"]),
    ("fpe-on-float", with_cols("metrics", score={"method": "fpe"}), [], 3,
     ["tables.metrics.columns.score.method", "'fpe' does not fit a float column"]),
    ("null-on-not-null", with_cols("employees", hire_date={"method": "null"}), [], 3,
     ["tables.employees.columns.hire_date.method", "NOT NULL"]),
    ("keep-without-reason", with_cols("employees", gender={"method": "keep"}), [], 3,
     ["tables.employees.columns.gender.reason"]),
    ("date-shift-on-text", with_cols("employees", gender={"method": "date_shift"}), [], 3,
     ["tables.employees.columns.gender.method", "date_shift"]),
    ("fake-on-date", with_cols("employees", hire_date={"method": "fake", "kind": "city"}), [], 3,
     ["tables.employees.columns.hire_date.method", "'fake' does not fit a date column"]),
    ("hash-too-short", with_cols("metrics", note={"method": "hash"}), [], 3,
     ["tables.metrics.columns.note.method", "at least 8 characters"]),
    ("redact-too-long", with_cols("metrics", city={"method": "redact", "value": "X" * 40}), [],
     3, ["tables.metrics.columns.city.value", "do not fit"]),
    ("redact-on-unique", with_cols("metrics", label={"method": "redact", "value": "X"}), [], 3,
     ["tables.metrics.columns.label.method", "unique"]),
    ("fk-half-masked", with_cols("salaries", emp_no={"method": "keep", "reason": "oops"}), [], 3,
     ["salaries.emp_no", "foreign key", "would break"]),
    ("domain-mismatch", with_cols("metrics", note={"method": "fpe", "domain": "shared"},
                                  city={"method": "fpe", "domain": "shared", "luhn": True}),
     [], 3, ["tables.metrics.columns", "key domain 'shared'"]),
    ("when-missing-column", full_schema(metrics={"when": {"column": "consent", "value": 1}}),
     [], 3, ["tables.metrics.when.column", "no such column 'consent'"]),
    ("entity-missing", with_cols("employees", birth_date={"method": "date_shift",
                                                          "entity_column": "person"}),
     [], 3, ["tables.employees.columns.birth_date.entity_column", "person"]),
    ("max-value-above-type", with_cols("metrics", id={"method": "fpe", "max_value": 2**70}),
     [], 3, ["tables.metrics.columns.id.max_value", "maximum"]),
    ("persist-on-unique", with_cols("metrics", label={"method": "fpe", "persist_values": ["a"]}),
     [], 3, ["tables.metrics.columns.label.persist_values", "collide"]),
    ("bad-json-path", with_cols("metrics", city={"method": "json", "paths": [
        {"path": "city.name", "rule": {"method": "null"}}]}), [], 3,
     ["tables.metrics.columns.city.paths.0.path", "starts with $"]),
    ("undecided-columns", full_schema(metrics=None), [], 3,
     ["5 columns have no decision", "tables.metrics.columns.score: undecided"]),
    ("seed-unknown-kind", {"items": [{"table": "employees",
                                      "tokenize_fields": {"float": ["emp_no"]}}]}, [], 3,
     ["items[0].tokenize_fields.float", "unknown field kind"]),
]


@pytest.mark.parametrize(("case", "schema", "extra", "code", "words"), SCHEMA_CASES,
                         ids=[c[0] for c in SCHEMA_CASES])
def test_bad_schema(tmp_path, capsys, monkeypatch, small_db, case, schema, extra, code, words):
    monkeypatch.setenv("PIIGATE_SECRET", SECRET)
    url = small_db()
    before = fingerprint(url)
    path = write(tmp_path, schema)
    got, text = run(capsys, "tokenize", "--db", url, "--schema", path, *extra)
    assert got == code, text
    for w in words:
        assert w in text, f"{w!r} not in: {text}"
    assert fingerprint(url) == before


ENV_CASES = [
    ("missing-secret", {}, [], 2, ["no tokenization secret", "PIIGATE_SECRET"]),
    ("short-secret", {"PIIGATE_SECRET": "tiny"}, [], 2, ["PIIGATE_SECRET", "too short"]),
    ("unreadable-secret-file", {"PIIGATE_SECRET_FILE": "/nonexistent/secret"}, [], 2,
     ["/nonexistent/secret", "cannot read the secret file"]),
]


@pytest.mark.parametrize(("case", "env", "extra", "code", "words"), ENV_CASES,
                         ids=[c[0] for c in ENV_CASES])
def test_bad_environment(tmp_path, capsys, monkeypatch, small_db, case, env, extra, code, words):
    monkeypatch.delenv("PIIGATE_SECRET", raising=False)
    monkeypatch.delenv("PIIGATE_SECRET_FILE", raising=False)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    url = small_db()
    before = fingerprint(url)
    got, text = run(capsys, "tokenize", "--db", url, "--schema",
                    write(tmp_path, full_schema()), *extra)
    assert got == code, text
    for w in words:
        assert w in text, f"{w!r} not in: {text}"
    assert "tiny" not in text.replace("too short", "")
    assert fingerprint(url) == before


URL_CASES = [
    ("unparseable-url", "::not a url::", ["cannot parse the database URL"]),
    ("unsupported-engine", "oracle://scott@localhost/orcl", ["unsupported database engine"]),
    ("sqlite-file-missing", "sqlite:////nonexistent/dir/x.db", ["/nonexistent/dir/x.db",
                                                                 "does not exist"]),
    ("server-refuses", "postgresql://postgres:hunter2pw@127.0.0.1:1/x", ["cannot connect",
                                                                          "127.0.0.1:1"]),
]


@pytest.mark.parametrize(("case", "url", "words"), URL_CASES, ids=[c[0] for c in URL_CASES])
def test_bad_database_url(tmp_path, capsys, monkeypatch, case, url, words):
    monkeypatch.setenv("PIIGATE_SECRET", SECRET)
    got, text = run(capsys, "check", "--db", url, "--schema", write(tmp_path, full_schema()))
    assert got == 2, text
    for w in words:
        assert w in text
    assert "hunter2pw" not in text  # passwords are never echoed


def test_missing_schema_file(capsys, small_db):
    got, text = run(capsys, "check", "--db", small_db(), "--schema", "/nonexistent/s.json")
    assert got == 2 and "/nonexistent/s.json" in text and "not found" in text


def test_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["tokenize", "--db"])
    assert exc.value.code == 2




@pytest.mark.parametrize("engine_name", ALL_ENGINES)
def test_value_outside_alphabet_leaves_db_unchanged(tmp_path, capsys, monkeypatch, small_db,
                                                    engine_name):
    """'Zürich' does not fit fpe letters: tokenize stops before changing anything (the
    data check meets it in the sample; past the sample, the transform would), names the
    column, never the value."""
    monkeypatch.setenv("PIIGATE_SECRET", SECRET)
    url = small_db(engine_name)
    before = fingerprint(url)
    schema = with_cols("metrics", city={"method": "fpe", "alphabet": "letters"},
                       id={"method": "fpe"})
    got, text = run(capsys, "tokenize", "--db", url, "--schema", write(tmp_path, schema))
    assert got == 3, text
    assert "tables.metrics.columns.city" in text and "alphabet" in text
    assert "Zürich" not in text and "Bern" not in text
    assert fingerprint(url) == before


def test_reidentify_bad_inputs(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("PIIGATE_SECRET", SECRET)
    schema = write(tmp_path, {"tables": {"t": {"columns": {
        "name": {"method": "fake", "kind": "first_name"},
        "id": {"method": "fpe", "type": "INTEGER"},
        "code": {"method": "fpe"}}}}})
    got, text = run(capsys, "reidentify", "--schema", schema, "--column", "t.name", "x")
    assert got == 3 and "t.name" in text and "not reversible" in text
    got, text = run(capsys, "reidentify", "--schema", schema, "--column", "t.id", "12a")
    assert got == 2 and "t.id" in text and "not an integer" in text
    got, text = run(capsys, "reidentify", "--schema", schema, "--column", "t.code", "abc")
    assert got == 3 and "t.code" in text and "no type" in text
    got, text = run(capsys, "reidentify", "--schema", schema, "--column", "nodot", "1")
    assert got == 2 and "TABLE.COLUMN" in text
