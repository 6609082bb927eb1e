"""The review page's reading aids: plain-word evidence, example tokens, method fields.

The page must round-trip (an unchanged page approves exactly the proposal, with every
parameter type), read each method's fields and only the chosen method's, never show a
real value or a real token, and fold the change list on a first review.
"""

from __future__ import annotations

import re
import urllib.parse
from pathlib import Path
from typing import Any

import pytest

from approval_ui.edits import apply_edits
from approval_ui.fields import method_fields
from approval_ui.preview import PREVIEW_KEYRING, preview
from approval_ui.words import entity_words, evidence, finding_words, signal_words
from piigate.keys import Keyring
from piigate.methods import METHODS, METHODS_TABLE
from piigate.schema import Schema, parse_schema
from piigate.schema.model import Finding
from piigate.transforms import TransformContext, build_transform
from tests.fixtures.approval import sample_proposal

from .test_approval_app import ANA, Gate


def _rich() -> Schema:
    """One column per parameter type: choice, box, number, text, JSON, typed constant."""
    return parse_schema({
        "format": "piigate/v1", "version": 3,
        "tables": {"people": {"columns": {
            "id": {"method": "fpe", "type": "INTEGER", "max_value": 999999},
            "card": {"method": "fpe", "type": "VARCHAR(19)", "alphabet": "digits",
                     "luhn": True, "persist_values": ["0000"]},
            "mail": {"method": "fake", "kind": "email", "type": "text",
                     "keep_email_domain": True, "domain": "mail"},
            "born": {"method": "date_shift", "type": "date", "max_days": 90},
            "token": {"method": "hash", "type": "text", "length": 16},
            "code": {"method": "fpe", "type": "text", "alphabet": "alnum", "keep_chars": ""},
            "level": {"method": "constant", "type": "integer", "value": 0},
            "doc": {"method": "json", "type": "json", "paths": [
                {"path": "$.a.email", "rule": {"method": "fake", "kind": "email"}}],
                "ignore_keys": ["id"]},
            "note": {"method": "redact", "type": "text?", "value": "[gone]"},
            "flag": {"method": "keep", "type": "boolean", "reason": "a yes/no flag"},
        }}},
    })  # fmt: skip


def _index(schema: Schema, column: str) -> int:
    return next(i for i, (_, c, _) in enumerate(schema.iter_rules()) if c == column)


# ---------------------------------------------------------------- fields


def test_fields_come_from_the_methods_table() -> None:
    for m in METHODS_TABLE:
        fields = method_fields(m.name)
        assert [f.name for f in fields] == list(m.params)
        assert [f.meaning for f in fields] == list(m.params.values())
    widgets = {(f.method, f.name): f.widget for m in METHODS for f in method_fields(m)}
    assert widgets[("fpe", "alphabet")] == "select"
    assert widgets[("fpe", "luhn")] == "checkbox"
    assert widgets[("fpe", "max_value")] == "number"
    assert widgets[("fake", "locale")] == "text"
    assert widgets[("json", "paths")] == "json"
    assert widgets[("constant", "value")] == "scalar"


def test_unchanged_page_approves_every_parameter_type_exactly(tmp_path: Path) -> None:
    proposal = _rich()
    gate = Gate(tmp_path, proposal)
    _, form = gate.open(ANA)
    i = _index(proposal, "card")
    assert form[f"c{i}.fpe.alphabet"] == "digits" and form[f"c{i}.fpe.luhn"] == "on"
    assert form[f"c{i}.params"] == '{"persist_values": ["0000"]}'
    result = apply_edits(proposal, form)
    assert result.ok and not result.changed and result.schema.hash() == proposal.hash()
    assert gate.post("approve", form).status == 200
    (_, _, approved), = gate.sink.calls
    assert approved.hash() == proposal.hash()
    assert approved.rule("people", "level").value == 0  # still an integer


def test_only_the_chosen_methods_fields_are_read(tmp_path: Path) -> None:
    proposal = _rich()
    gate = Gate(tmp_path, proposal)
    _, form = gate.open(ANA)
    card, level, note = (_index(proposal, c) for c in ("card", "level", "note"))
    form.pop(f"c{card}.fpe.luhn")  # untick the box
    form[f"c{card}.fpe.alphabet"] = "alnum"
    form[f"c{card}.hash.length"] = "not read: hash is not chosen"
    form[f"c{level}.constant.value"] = "7"
    form[f"c{note}.method"] = "fake"
    form[f"c{note}.fake.kind"] = "full_name"
    assert gate.post("approve", form).status == 200
    (_, _, approved), = gate.sink.calls
    card_rule = approved.rule("people", "card")
    assert (card_rule.alphabet, card_rule.luhn) == ("alnum", False)
    assert card_rule.persist_values == ["0000"]
    assert approved.rule("people", "level").value == 7
    assert (approved.rule("people", "note").method, approved.rule("people", "note").kind) == (
        "fake", "full_name")


@pytest.mark.parametrize(
    "column, field, value, problem",
    [
        ("id", "fpe.max_value", "many", "max_value must be a whole number"),
        ("level", "constant.value", "seven", "value must be a integer value"),
        ("doc", "json.paths", "[{", "paths is not JSON"),
        ("mail", "params", '{"kind": "city"}', "has its own field"),
        ("born", "date_shift.max_days", "9999", "max_days"),
    ],
)
def test_bad_fields_are_named_and_nothing_is_stored(
        tmp_path: Path, column: str, field: str, value: str, problem: str) -> None:
    proposal = _rich()
    gate = Gate(tmp_path, proposal)
    _, form = gate.open(ANA)
    form[f"c{_index(proposal, column)}.{field}"] = value
    resp = gate.post("approve", form)
    assert resp.status == 400 and problem in resp.body
    assert gate.status() == "pending" and gate.sink.calls == []


def test_switching_to_fake_needs_a_kind(tmp_path: Path) -> None:
    proposal = _rich()
    gate = Gate(tmp_path, proposal)
    _, form = gate.open(ANA)
    i = _index(proposal, "token")
    assert form[f"c{i}.fake.kind"] == ""  # "(choose)": no silent default
    resp = gate.post("save", {**form, f"c{i}.method": "fake"})
    assert resp.status == 400 and "kind" in resp.body


def test_a_large_schemas_page_posts_within_the_limits(tmp_path: Path) -> None:
    from approval_ui.app import MAX_BODY, MAX_FIELDS

    columns = {f"c{n}": {"method": "fake", "kind": "city", "type": "VARCHAR(40)"}
               for n in range(1500)}
    proposal = parse_schema({"format": "piigate/v1", "version": 1,
                             "tables": {"wide": {"columns": columns}}})
    gate = Gate(tmp_path, proposal)
    _, form = gate.open(ANA)
    assert len(form) < MAX_FIELDS
    assert len(urllib.parse.urlencode(form)) < MAX_BODY
    assert gate.post("approve", form).status == 200


# ---------------------------------------------------------------- words


def test_evidence_is_in_plain_words() -> None:
    assert entity_words("EMAIL_ADDRESS") == "email addresses"
    assert entity_words("SOME_NEW_THING") == "some new thing"
    assert signal_words("values:US_SSN=20/20") == (
        "20 of 20 distinct values sampled looked like US social security numbers")
    assert signal_words("column-name:dob") == "the column name says \u201cdob\u201d"
    assert "before hire_date" in signal_words("precedes:hire_date by 14+ years")
    assert signal_words("name-shape=186/186") == (
        "186 of 186 distinct values sampled had the shape of names")
    # the case: a kept date column whose ages matched but whose verdict was "none"
    kept = Finding(entity=None, confidence=0.0, hits={"AGE_14_110": 920}, sampled=920)
    lines = evidence(kept, masked=False)
    assert lines == ["920 of 920 distinct values sampled looked like dates 14 to 110 years "
                     "back (the range of birth dates); on its own not enough to mask"]
    assert finding_words(kept) == "nothing personal"
    sure = Finding(entity="EMAIL_ADDRESS", confidence=0.93,
                   signals=["values:EMAIL_ADDRESS=47/50"],
                   hits={"EMAIL_ADDRESS": 47, "PERSON": 3}, sampled=50)
    assert finding_words(sure) == "email addresses (sure, 0.93)"
    assert evidence(sure, masked=True) == [
        "47 of 50 distinct values sampled looked like email addresses",
        "3 of 50 distinct values sampled looked like people's names",
    ]


# ---------------------------------------------------------------- preview


def _token(rule: Any, keyring: Keyring, value: Any) -> Any:
    ctx = TransformContext(table="people", column="mail", domain="mail",
                           keys=keyring.domain("mail"))
    return build_transform(rule, ctx).apply([value])[0]


def test_preview_uses_a_made_up_value_and_the_preview_key() -> None:
    proposal = _rich()
    mail = proposal.rule("people", "mail")
    p = preview("people", "mail", mail)
    assert p is not None and p.before == "jane.roe@example.com"
    assert p.after == _token(mail, PREVIEW_KEYRING, p.before)
    assert p.after != _token(mail, Keyring(b"a real secret, sixteen+ bytes"), p.before)
    assert p.after.endswith("@example.com")  # keep_email_domain, by the real transform
    assert preview("people", "flag", proposal.rule("people", "flag")) is None
    born = preview("people", "born", proposal.rule("people", "born"))
    assert born is not None and re.fullmatch(r"\d{4}-\d\d-\d\d", born.after)


def test_page_never_shows_a_real_value_and_shows_examples(tmp_path: Path) -> None:
    proposal = sample_proposal(example="j***@e******.com")
    gate = Gate(tmp_path, proposal)
    resp, _ = gate.open(ANA)
    assert "<script" not in resp.body
    assert resp.body.count('class="preview"') == 5  # one per masked column
    assert "jane.roe@example.com" in resp.body


# ---------------------------------------------------------------- layout


def test_summary_first_and_change_list_folded_on_a_first_review(tmp_path: Path) -> None:
    gate = Gate(tmp_path, sample_proposal())
    body = gate.open(ANA)[0].body
    assert body.index('id="summary"') < body.index('id="changes"') < body.index('id="col-0"')
    assert '<details id="changes">' in body  # closed: everything is "added"
    look = body.split('id="summary-look"')[1].split("</div>")[0]
    assert "customers.email" in look and "new finding" in look and "customers.notes" in look
    masked = body.split('id="summary-mask"')[1].split("</div>")[0]
    assert "Email addresses (1)" in masked


def test_change_list_is_open_when_a_decision_changed(tmp_path: Path) -> None:
    proposal = sample_proposal()
    previous = proposal.replace_rule("customers", "email", {"method": "redact"})
    body = Gate(tmp_path, proposal, previous=previous).open(ANA)[0].body
    assert '<details id="changes" open>' in body
