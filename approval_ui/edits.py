"""Schema editing for the review page: which methods fit a column, form edits, diffs.

The form addresses columns by their position in the draft (``c3.method``...). That is
safe because every POST also carries the draft's hash and is refused when the draft
changed, so positions always refer to the schema the reviewer saw.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from piigate.db import kind_from_sql_type
from piigate.errors import SchemaError
from piigate.methods import ALL_KINDS, METHOD_NAMES, fits
from piigate.schema import ColumnRule, Schema, parse_schema

KINDS = tuple(sorted(ALL_KINDS))

ANNOTATIONS = ("type", "finding", "drift", "decided_by", "note")
# Fields the page edits in their own inputs; ``params`` holds everything else.
OWN_FIELDS = ("method", "domain", "reason", *ANNOTATIONS)
MAX_PARAMS_CHARS = 4000
REVIEW_MARK = "review"


def column_kind(type_annotation: str | None) -> tuple[str | None, bool]:
    """``(kind, nullable)`` from a rule's ``type``: a kind or SQL type, ``?``/``null`` = nullable.

    Examples: ``"text"`` -> ("text", False); ``"integer?"`` -> ("integer", True);
    ``"VARCHAR(255) NULL"`` -> ("text", True); None -> (None, False).
    """
    if not type_annotation:
        return None, False
    t = type_annotation.strip().lower()
    nullable = t.endswith("?") or bool(re.search(r"(?<!not )\bnull(able)?\b", t))
    t = re.sub(r"\bnot null\b|\bnull(able)?\b|\?$", "", t).strip()
    if t in KINDS:
        return t, nullable
    kind = kind_from_sql_type(t)
    return (None if kind == "other" else kind), nullable


def allowed_methods(rule: ColumnRule) -> list[str]:
    """Methods the page offers for this rule's column, in the model's order.

    An unknown type offers every method (the model still validates what is chosen);
    the current method is always included so a proposal never renders unselectable.
    """
    kind, nullable = column_kind(getattr(rule, "type", None))
    if kind is None:
        out = list(METHOD_NAMES)
    else:
        out = [m for m in METHOD_NAMES if fits(m, kind, nullable)]
    current = getattr(rule, "method", None)
    if current and current not in out:
        out.append(current)
    return [m for m in METHOD_NAMES if m in out]


def rule_params(rule: ColumnRule) -> dict[str, Any]:
    """A rule's method parameters (what the ``params`` field shows)."""
    data = rule.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    return {k: v for k, v in data.items() if k not in OWN_FIELDS and k != "persist_values"} | (
        {"persist_values": data["persist_values"]} if data.get("persist_values") else {}
    )


def params_text(rule: ColumnRule) -> str:
    params = rule_params(rule)
    return json.dumps(params, sort_keys=True, ensure_ascii=False) if params else ""


@dataclass
class EditResult:
    """The edited schema, or the problems: per column (by position) and general."""

    schema: Schema | None
    column_errors: dict[int, list[str]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    changed: bool = False

    @property
    def ok(self) -> bool:
        return self.schema is not None


def _problems(exc: SchemaError) -> list[str]:
    head = exc.message.split("): ", 1)[1] if "): " in exc.message else exc.message
    return [head, *exc.problems]


def _edit_rule(
    old: dict[str, Any], allowed: list[str], form: Mapping[str, str], i: int
) -> tuple[dict[str, Any], list[str]]:
    """The rule dict after this column's form fields; errors that the model cannot see."""
    errors: list[str] = []
    method = form.get(f"c{i}.method", old["method"]).strip()
    if method not in allowed:
        errors.append(f"method {method!r} does not fit this column")
    old_params = old.get("_params_text", "")
    text = form.get(f"c{i}.params", old_params).strip()
    if method != old["method"] and text == old_params:
        text = ""  # the old method's parameters rarely fit the new one
    params: dict[str, Any] = {}
    if len(text) > MAX_PARAMS_CHARS:
        errors.append("parameters are too long")
    elif text:
        try:
            params = json.loads(text)
        except json.JSONDecodeError as exc:
            errors.append(f"parameters are not JSON (line {exc.lineno} column {exc.colno})")
        if not isinstance(params, dict):
            errors.append('parameters must be a JSON object, e.g. {"kind": "email"}')
            params = {}
        for key in set(params) & set(OWN_FIELDS):
            errors.append(f"parameter {key!r} cannot be set here")
            params.pop(key)
    rule: dict[str, Any] = {"method": method, **params}
    domain = form.get(f"c{i}.domain", old.get("domain") or "").strip()
    if domain:
        rule["domain"] = domain
    if method == "keep":
        rule["reason"] = form.get(f"c{i}.reason", old.get("reason") or "").strip()
    for key in ANNOTATIONS:
        if key in old:
            rule[key] = old[key]
    return rule, errors


def apply_edits(draft: Schema, form: Mapping[str, str]) -> EditResult:
    """Apply the page's per-column fields to ``draft``; validate through ``parse_schema``.

    Nothing is partially applied: either every edit validates and a new schema comes
    back, or the result lists the problems and ``schema`` is None.
    """
    data = draft.to_dict()
    column_errors: dict[int, list[str]] = {}
    paths: dict[str, int] = {}
    for i, (tname, cname, rule) in enumerate(draft.iter_rules()):
        old = data["tables"][tname]["columns"][cname]
        old["_params_text"] = params_text(rule)
        new, errs = _edit_rule(old, allowed_methods(rule), form, i)
        old.pop("_params_text")
        if errs:
            column_errors[i] = errs
        paths[f"tables.{tname}.columns.{cname}"] = i
        data["tables"][tname]["columns"][cname] = new
    try:
        edited = parse_schema(data)
    except SchemaError as exc:
        general = []
        for problem in _problems(exc):
            match = _match_column(problem, paths)
            if match is None:
                general.append(problem)
            else:
                i, rest = match
                column_errors.setdefault(i, []).append(rest)
        return EditResult(None, column_errors, general)
    if column_errors:
        return EditResult(None, column_errors, [])
    edited = _mark_reviewed(draft, edited)
    return EditResult(edited, changed=edited.hash() != draft.hash())


def _match_column(problem: str, paths: dict[str, int]) -> tuple[int, str] | None:
    """The column a model problem concerns (longest path prefix) and the rest of it."""
    best: tuple[str, int] | None = None
    for prefix, i in paths.items():
        if problem.startswith(prefix + ".") or problem.startswith(prefix + ":"):
            if best is None or len(prefix) > len(best[0]):
                best = (prefix, i)
    if best is None:
        return None
    return best[1], problem[len(best[0]) :].lstrip(".: ") or problem


def _mark_reviewed(draft: Schema, edited: Schema) -> Schema:
    """Set ``decided_by`` on rules whose decision the reviewer changed."""
    before = draft.decisions()
    after = edited.decisions()
    for tname, cname, rule in list(edited.iter_rules()):
        if before.get(tname, {}).get("columns", {}).get(cname) != after[tname]["columns"][cname]:
            data = rule.model_dump(mode="json", exclude_none=True)
            data["decided_by"] = REVIEW_MARK
            edited = edited.replace_rule(tname, cname, data)
    return edited


# --------------------------------------------------------------------------- diff

ChangeKind = Literal["added", "removed", "changed", "unchanged"]


@dataclass(frozen=True)
class Change:
    table: str
    column: str
    kind: ChangeKind
    before: str | None
    after: str | None


def _summary(rule: ColumnRule | None) -> str | None:
    """``method {non-default parameters}``: what a reviewer needs to compare."""
    if rule is None:
        return None
    extra = rule_params(rule)
    if rule.domain:
        extra["domain"] = rule.domain
    if rule.method == "keep":
        extra["reason"] = rule.reason
    return rule.method + (
        " " + json.dumps(extra, sort_keys=True, ensure_ascii=False) if extra else ""
    )


def diff(previous: Schema | None, current: Schema) -> list[Change]:
    """Column decisions that differ from the last approved schema (all, when none)."""
    before = previous.decisions() if previous else {}
    after = current.decisions()
    out: list[Change] = []
    for tname in sorted(set(before) | set(after)):
        bcols = before.get(tname, {}).get("columns", {})
        acols = after.get(tname, {}).get("columns", {})
        for cname in sorted(set(bcols) | set(acols)):
            b, a = bcols.get(cname), acols.get(cname)
            kind: ChangeKind = (
                "added" if b is None else "removed" if a is None else
                "unchanged" if a == b else "changed"
            )  # fmt: skip
            brule = previous.rule(tname, cname) if previous else None
            out.append(
                Change(tname, cname, kind, _summary(brule), _summary(current.rule(tname, cname)))
            )
    return out


def counts(schema: Schema) -> dict[str, int]:
    """What the email and the page headline: columns to mask, new columns, new findings."""
    rules = [r for _, _, r in schema.iter_rules()]
    return {
        "columns": len(rules),
        "to_mask": sum(1 for r in rules if r.method != "keep"),
        "new_columns": sum(1 for r in rules if r.drift == "new"),
        "new_findings": sum(1 for r in rules if r.drift == "new_finding"),
        "tables": len(schema.tables),
    }
