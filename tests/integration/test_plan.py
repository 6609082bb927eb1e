"""The planner on real engines: reflection, key domains, coverage."""

from __future__ import annotations

import pytest

from piigate import sample
from piigate.db import connect, kind_from_sql_type, reflect
from piigate.errors import CoverageError, SchemaError
from piigate.methods import methods_for
from piigate.plan import make_plan
from piigate.schema import parse_schema
from tests.fixtures.dbutil import add_metrics_table, full_schema

SEED = {"items": [
    {"table": t, "tokenize_fields": {"int": ["emp_no"]}}
    for t in ("dept_emp", "dept_manager", "titles", "salaries")
] + [{"table": "employees", "tokenize_fields": {"int": ["emp_no"], "date": ["birth_date"],
                                                "string": ["first_name", "last_name"]}}]}


@pytest.fixture
def inventory(db_url):
    engine = connect(db_url)
    sample.create(engine, 30, extras=False)
    add_metrics_table(db_url)
    inv = reflect(engine)
    engine.dispose()
    return inv


def test_keys_and_references_share_one_domain(inventory):
    plan = make_plan(parse_schema(full_schema()), inventory)
    dom = plan.domains["employees.emp_no"]
    assert sorted(dom.columns) == sorted(
        (t, "emp_no") for t in ("employees", "dept_emp", "dept_manager", "titles", "salaries")
    )
    lo, hi = dom.int_range
    assert lo < 0 < 2**31 - 1 <= hi
    assert plan.tables().index("employees") < plan.tables().index("salaries")
    assert plan.undecided == []


def test_seed_schema_needs_keep_undecided(inventory):
    schema = parse_schema(SEED)
    with pytest.raises(CoverageError) as exc:
        make_plan(schema, inventory)
    assert "tables.employees.columns.gender: undecided" in str(exc.value)
    plan = make_plan(schema, inventory, keep_undecided=True)
    assert "employees.gender" in plan.undecided
    assert len(plan.domains["employees.emp_no"].columns) == 5


def test_explicit_domain_is_inherited_by_references(inventory):
    data = full_schema()
    data["tables"]["employees"]["columns"]["emp_no"] = {"method": "fpe", "domain": "person"}
    plan = make_plan(parse_schema(data), inventory)
    assert set(plan.domains) >= {"person"}
    assert len(plan.domains["person"].columns) == 5


def test_all_problems_reported_together(inventory):
    data = full_schema()
    data["tables"]["employees"]["columns"]["hire_date"] = {"method": "null"}
    data["tables"]["metrics"]["columns"]["score"] = {"method": "fpe"}
    data["tables"]["salaries"]["columns"]["emp_no"] = {"method": "keep", "reason": "x" * 3}
    with pytest.raises(SchemaError) as exc:
        make_plan(parse_schema(data), inventory)
    assert len(exc.value.problems) == 3


@pytest.mark.parametrize(("sql", "kind"), [
    ("INTEGER", "integer"), ("BIGINT", "integer"), ("VARCHAR(14)", "text"), ("DATE", "date"),
    ("TIMESTAMP WITHOUT TIME ZONE", "datetime"), ("JSONB", "json"), ("NUMERIC(10, 2)", "decimal"),
    ("DOUBLE PRECISION", "float"), ("BOOLEAN", "boolean"), ("BYTEA", "binary"),
    ("tinyint(1)", "boolean"), ("LONGTEXT", "text"),
])
def test_kind_from_sql_type(sql, kind):
    assert kind_from_sql_type(sql) == kind


def test_methods_for_kinds():
    assert methods_for("float") == ["null", "constant", "keep"]
    assert "null" not in methods_for("text", nullable=False)
    assert methods_for("date")[0] == "date_shift"


def test_json_inner_rule_with_its_own_domain_gets_its_keys(inventory):
    from piigate.keys import Keyring

    data = full_schema()
    data["tables"]["metrics"]["columns"]["city"] = {"method": "json", "paths": [
        {"path": "$.name", "rule": {"method": "fpe", "domain": "person"}}]}
    plan = make_plan(parse_schema(data), inventory)
    col = next(c for c in plan.columns if (c.table, c.column) == ("metrics", "city"))
    keyring = Keyring(b"k" * 32)
    out = plan.transform(col, keyring).apply(['{"name": "Alice"}'])
    assert out[0] != '{"name": "Alice"}' and '"name"' in out[0]
    # the same name under the same domain elsewhere gives the same token
    again = plan.transform(col, keyring).apply(['{"name": "Alice"}'])
    assert again == out


def test_sqlite_row_estimates_follow_rowid_range_not_key_values(fresh_db):
    engine = connect(fresh_db("sqlite"))
    sample.create(engine, 40, extras=False)  # emp_no 10001.. is the rowid alias
    inv = reflect(engine)
    assert inv.tables["employees"].row_estimate == 40
    assert inv.tables["departments"].row_estimate == 9
    engine.dispose()


def test_fpe_on_a_uuid_column_must_encipher_hex(fresh_db):
    engine = connect(fresh_db("sqlite"))
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE visitor (id uuid PRIMARY KEY, code varchar(40))")
    inv = reflect(engine)
    engine.dispose()
    assert methods_for("uuid") == ["fpe", "null", "constant", "keep"]

    def plan(id_rule, code_rule):
        return make_plan(parse_schema({"format": "piigate/v1", "tables": {"visitor": {
            "columns": {"id": id_rule, "code": code_rule}}}}), inv)

    assert plan({"method": "fpe"}, {"method": "fpe", "alphabet": "hex"})
    with pytest.raises(SchemaError) as exc:
        plan({"method": "fpe", "alphabet": "alnum"}, {"method": "fpe", "alphabet": "hex",
                                                      "luhn": True})
    assert sorted(exc.value.problems) == [
        "tables.visitor.columns.code.luhn: a Luhn digit is decimal; not with 'hex'",
        "tables.visitor.columns.id.alphabet: a uuid column is enciphered over its hex "
        "digits; use alphabet 'hex' (or 'auto') without luhn"]
