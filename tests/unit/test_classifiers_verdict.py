"""Per-column verdicts and the proposal built from them (no database)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from classifiers import names as N
from classifiers.propose import (
    Decision,
    Defaults,
    apply_previous,
    build_schema,
    decide_column,
    fit,
    fk_closure,
    load_defaults,
    mask_person_keys,
)
from classifiers.verdict import (
    FREE_TEXT,
    JSON,
    Verdict,
    date_verdict,
    json_verdict,
    mask,
    text_verdict,
)
from piigate.db import ColumnInfo, ForeignKey, Inventory, TableInfo
from piigate.errors import ConfigError
from piigate.schema import parse_schema


def test_mask_never_shows_more_than_two_characters_a_word():
    assert mask("Georgi") == "G****i"
    assert mask("Georgi Facello") == "G****i F****o"
    assert mask("Li") == "**"
    assert "eorg" not in mask("Georgi")


def test_email_column_holding_only_na_is_kept_with_a_reason(engine):
    v = text_verdict("email", ["n/a"], engine)
    assert v.entity is None and "none of 1 distinct" in (v.note or "")


def test_obfuscated_email_column_found_by_values(engine):
    vals = [f"user{i}@example.org" for i in range(40)]
    v = text_verdict("c7", vals, engine)
    assert v.entity == N.EMAIL and v.confidence > 0.9
    assert all("@" not in e or "****" in e for e in v.examples)
    assert not any(x in e for e in v.examples for x in vals)  # masked, never raw


def test_dept_name_is_not_a_person_name(engine):
    depts = ["Marketing", "Finance", "Human Resources", "Production", "Development",
             "Quality Management", "Sales", "Research", "Customer Service"]
    assert text_verdict("dept_name", depts, engine).entity is None


def test_tracking_numbers_are_not_phones(engine):
    vals = [str(4_000_000_000 + 7919 * i) for i in range(200)]
    assert text_verdict("tracking", vals, engine).entity is None


def test_digit_only_phones_count_when_the_column_says_phone(engine):
    vals = [f"2125550{100 + i}" for i in range(50)]
    assert text_verdict("phone", vals, engine).entity == N.PHONE


def test_free_text_with_names_is_flagged(engine):
    vals = [f"Spoke with {n} about the renewal of the contract." for n in
            ["Anna Schmidt", "John Miller", "Marie Dubois", "Carlos Garcia", "Paul Weber"]]
    vals += ["No answer on the first attempt, will try again next week."] * 2
    v = text_verdict("remarks", vals, engine)
    assert v.entity == FREE_TEXT and "free-text" in v.signals
    assert v.examples and not any("Schmidt" in e or "Miller" in e for e in v.examples)


def test_date_of_birth_told_apart_from_hire_date():
    born = ColumnInfo("t", "d1", "DATE", "date", True)
    hired = ColumnInfo("t", "d2", "DATE", "date", True)
    rows = [{"d1": dt.date(1950 + i % 40, 1 + i % 12, 1 + i % 27),
             "d2": dt.date(1990 + i % 30, 1 + i % 12, 1 + i % 27)} for i in range(100)]
    today = dt.date(2025, 1, 1)
    vb = date_verdict(born, [r["d1"] for r in rows], rows, ["d2"], today=today)
    vh = date_verdict(hired, [r["d2"] for r in rows], rows, ["d1"], today=today)
    assert vb.entity == N.DOB and any(s.startswith("precedes:d2") for s in vb.signals)
    assert vh.entity is None


def test_open_ended_to_date_does_not_make_from_date_a_birth_date():
    col = ColumnInfo("t", "from_date", "DATE", "date", False)
    rows = [{"from_date": dt.date(1986 + i % 14, 1, 1), "to_date": dt.date(9999, 1, 1)}
            for i in range(50)]
    v = date_verdict(col, [r["from_date"] for r in rows], rows, ["to_date"])
    assert v.entity is None


def test_json_findings_per_path(engine):
    docs = [json.dumps({"name": {"first": f, "last": "Schmidt"},
                        "contact": {"email": f"{f.lower()}@example.org",
                                    "phones": ["+44 20 7946 0958"]},
                        "prefs": {"newsletter": True, "language": "en"},
                        "dob": f"19{60 + i}-0{1 + i}-1{i}"})
            for i, f in enumerate(["Anna", "Hans", "Marie", "Paul", "Eva", "Karl"])]
    v = json_verdict(docs, engine)
    assert v.entity == JSON
    assert v.paths["$.contact.email"] == N.EMAIL
    assert v.paths["$.contact.phones[*]"] == N.PHONE
    assert v.paths["$.name.first"] == N.FIRST_NAME
    assert v.paths["$.dob"] == N.DOB
    assert "$.prefs.language" not in v.paths


# -- proposal --------------------------------------------------------------------------


def _col(table: str, name: str, kind: str, **kw) -> ColumnInfo:
    sql = {"integer": "INTEGER", "text": "VARCHAR(40)", "date": "DATE",
           "json": "JSON", "decimal": "NUMERIC(10, 2)", "binary": "BLOB"}[kind]
    return ColumnInfo(table, name, kw.pop("sql_type", sql), kind, kw.pop("nullable", True), **kw)


def _inventory() -> Inventory:
    emp = TableInfo("emp", {
        "emp_no": _col("emp", "emp_no", "integer", primary_key=True, unique=True,
                       nullable=False),
        "first_name": _col("emp", "first_name", "text"),
        "salary": _col("emp", "salary", "decimal"),
    }, ["emp_no"], [], [])
    titles = TableInfo("titles", {
        "emp_no": _col("titles", "emp_no", "integer", nullable=False),
        "title": _col("titles", "title", "text"),
    }, [], [ForeignKey(None, "titles", ["emp_no"], "emp", ["emp_no"])], [])
    audit = TableInfo("audit", {"emp_no": _col("audit", "emp_no", "integer")}, [], [], [])
    return Inventory("sqlite", {"emp": emp, "titles": titles, "audit": audit})


def _decisions(inv: Inventory) -> dict[tuple[str, str], Decision]:
    d = Defaults.from_dict(None)
    out = {}
    for t in inv.tables.values():
        for c in t.columns.values():
            v = Verdict(sampled=10)
            if c.name == "first_name":
                v = Verdict(entity=N.FIRST_NAME, confidence=0.9, sampled=10)
            out[(t.name, c.name)] = decide_column(c, v, 10, d)
    return out


def test_person_key_and_foreign_key_closure_share_one_domain():
    inv = _inventory()
    dec = _decisions(inv)
    mask_person_keys(inv, dec, {"emp": "holds first_name"})
    fk_closure(inv, dec)
    for key in [("emp", "emp_no"), ("titles", "emp_no"), ("audit", "emp_no")]:
        assert dec[key].rule["method"] == "fpe", key
        assert dec[key].rule["domain"] == "emp.emp_no", key
    assert dec[("emp", "salary")].rule == {
        "method": "keep", "reason": "no personal data found in 10 sampled values"}
    schema = build_schema(inv, dec, None, {})
    assert schema.rule("emp", "first_name").decided_by == "discovery"
    assert schema.rule("emp", "first_name").type == "VARCHAR(40)"
    assert any(s.startswith("fk-closure") for s in schema.rule("titles", "emp_no").finding.signals)


def test_drift_against_previous_schema_carries_unchanged_decisions():
    inv = _inventory()
    prev = parse_schema({"tables": {
        "emp": {"columns": {
            "emp_no": {"method": "fpe", "type": "INTEGER", "domain": "emp.emp_no"},
            "first_name": {"method": "fake", "kind": "first_name", "locale": "de_DE",
                           "type": "VARCHAR(40)"},
            "salary": {"method": "keep", "reason": "approved: pay bands", "type": "INTEGER"},
            "gone": {"method": "keep", "reason": "dropped since"},
        }},
        "titles": {"columns": {"title": {"method": "keep", "reason": "job titles"}}},
    }})
    dec = _decisions(inv)
    mask_person_keys(inv, dec, {"emp": "holds first_name"})
    removed = apply_previous(inv, dec, prev)
    fk_closure(inv, dec)
    assert removed == [("emp", "gone")]
    assert dec[("emp", "first_name")].drift == "unchanged"
    assert dec[("emp", "first_name")].rule["locale"] == "de_DE"  # reviewer's edit kept
    assert dec[("emp", "first_name")].decided_by == "carried-over"
    assert dec[("emp", "salary")].drift == "type_changed"
    assert dec[("titles", "emp_no")].drift == "new"
    schema = build_schema(inv, dec, prev, {})
    assert schema.version == 2
    assert schema.tables["audit"].drift == "new" and schema.tables["emp"].drift == "unchanged"


def test_new_finding_on_a_column_approved_as_keep():
    inv = _inventory()
    prev = parse_schema({"tables": {"emp": {"columns": {
        "first_name": {"method": "keep", "reason": "was empty", "type": "VARCHAR(40)"}}}}})
    dec = _decisions(inv)
    apply_previous(inv, dec, prev)
    assert dec[("emp", "first_name")].drift == "new_finding"
    assert dec[("emp", "first_name")].rule["method"] == "fake"


@pytest.mark.parametrize("rule,col,expected", [
    ({"method": "fake", "kind": "phone"}, _col("t", "c", "integer"), "fpe"),
    ({"method": "date_shift"}, _col("t", "c", "text"), "fpe"),
    ({"method": "fake", "kind": "email"}, _col("t", "c", "date"), "date_shift"),
    ({"method": "redact"}, _col("t", "c", "text", unique=True), "fpe"),
    ({"method": "hash"}, _col("t", "c", "text", length=4), "fpe"),
    ({"method": "redact"}, _col("t", "c", "decimal"), "null"),
])
def test_fit_adapts_methods_to_the_column(rule, col, expected):
    assert fit(rule, col)["method"] == expected


def test_fit_shortens_the_redaction_marker_and_refuses_null_on_not_null():
    assert fit({"method": "redact"}, _col("t", "c", "text", length=3))["value"] == "RED"
    assert fit({"method": "redact"}, _col("t", "c", "decimal", nullable=False)) is None


def test_letters_switch_fpe_to_alnum():
    col = _col("t", "ref", "text")
    v = Verdict(entity=N.NATIONAL_ID, confidence=1.0, letters=True)
    assert decide_column(col, v, 10, Defaults.from_dict(None)).rule["alphabet"] == "alnum"


def test_defaults_file_overrides_entities_and_column_names(tmp_path):
    path = tmp_path / "defaults.json"
    path.write_text(json.dumps({
        "entities": {N.EMAIL: {"method": "hash"}},
        "columns": {"title": {"method": "redact", "value": "X"}},
    }))
    d = Defaults.from_dict(load_defaults(path))
    email = decide_column(_col("t", "contact", "text"), Verdict(entity=N.EMAIL), 5, d)
    assert email.rule == {"method": "hash"} and email.decided_by == "discovery"
    title = decide_column(_col("t", "title", "text"), Verdict(), 5, d)
    assert title.rule == {"method": "redact", "value": "X"} and title.decided_by == "default"


@pytest.mark.parametrize("content,match", [
    ({"columns": {"x": {"method": "teleport"}}}, "not a valid column rule"),
    ({"tables": {}}, "unknown defaults section"),
])
def test_bad_defaults_file_is_a_config_error(tmp_path, content, match):
    path = tmp_path / "d.json"
    path.write_text(json.dumps(content))
    with pytest.raises(ConfigError, match=match):
        load_defaults(path)
