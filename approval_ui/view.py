"""What the review page shows, worked out before the template: statuses, summary, groups.

Every column gets one status a reviewer can scan for: ``mask``, ``keep``, or ``look``
(new, changed, or kept although something was found), and its evidence in words
(``words``), its example token (``preview``) and its method fields (``fields``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from piigate.methods import METHODS, METHODS_TABLE
from piigate.schema import Schema

from .edits import Change, EditResult, allowed_methods, params_text
from .fields import FieldView, field_views
from .preview import Preview, preview
from .words import OTHER_GROUP, evidence, finding_words, group_name

_DRIFT_LOOK = {
    "new": "new column",
    "new_finding": "new finding",
    "type_changed": "its type changed",
    "removed": "no longer in the database",
}


_DECIDED_BY = {
    "discovery": "proposed by discovery",
    "carried-over": "carried over from the last approval",
    "review": "changed in a review",
}


@dataclass
class MethodView:
    name: str
    summary: str
    fields: list[FieldView]


@dataclass
class ColumnView:
    i: int
    table: str
    column: str
    rule: Any
    method: str  # the selected method (the posted one after a refused edit)
    masked: bool
    look: list[str]  # why it needs a look; empty: it does not
    finding: str
    evidence: list[str]
    preview: Preview | None
    methods: list[MethodView]
    domain: str
    params: str
    errors: list[str] = field(default_factory=list)

    @property
    def status(self) -> str:
        return "look" if self.look else "mask" if self.masked else "keep"

    @property
    def anchor(self) -> str:
        return f"col-{self.i}"

    @property
    def why(self) -> list[str]:
        """Reasons to look other than the drift (the drift has its own badge)."""
        return [w for w in self.look if w != _DRIFT_LOOK.get(self.rule.drift or "")]

    @property
    def decided_by(self) -> str:
        by = self.rule.decided_by
        return _DECIDED_BY.get(by, f"decided by {by}") if by else ""


def _look(rule: Any) -> list[str]:
    out = [_DRIFT_LOOK[rule.drift]] if rule.drift in _DRIFT_LOOK else []
    finding = rule.finding
    if rule.method == "keep" and finding is not None and finding.entity:
        out.append("kept although discovery found " + finding_words(finding))
    if rule.note:
        out.append(rule.note)
    return out


def _has_entity(rule: Any) -> bool:
    return rule.finding is not None and bool(rule.finding.entity)


def column_views(draft: Schema, form: Mapping[str, str] | None,
                 edits: EditResult | None) -> list[ColumnView]:
    out = []
    f = form or {}
    for i, (table, column, rule) in enumerate(draft.iter_rules()):
        allowed = allowed_methods(rule)
        out.append(ColumnView(
            i=i, table=table, column=column, rule=rule,
            method=f.get(f"c{i}.method", rule.method),
            masked=rule.method != "keep",
            look=_look(rule),
            finding=finding_words(rule.finding, rule.method != "keep"),
            evidence=evidence(rule.finding, rule.method != "keep") + (
                [f"key domain {rule.domain}: masked alike with its other columns, so joins "
                 "still work"] if rule.domain and not _has_entity(rule) else []),
            preview=preview(table, column, rule),
            methods=[MethodView(m, METHODS[m].summary, field_views(i, m, rule, form))
                     for m in allowed if m in METHODS],
            domain=f.get(f"c{i}.domain", rule.domain or ""),
            params=f.get(f"c{i}.params", params_text(rule)),
            errors=edits.column_errors.get(i, []) if edits else [],
        ))  # fmt: skip
    return out


@dataclass
class Summary:
    look: list[ColumnView]
    masked: list[tuple[str, list[ColumnView]]]  # (kind of data, columns), biggest first
    kept: int
    problems: list[ColumnView]  # columns whose edit was refused


def _entity(c: ColumnView) -> str | None:
    return c.rule.finding.entity if c.rule.finding else None


def summary(columns: list[ColumnView]) -> Summary:
    # A column without a finding of its own (carried over, or a key masked because the
    # key it refers to is) goes with the columns of its key domain.
    by_domain = {c.rule.domain or f"{c.table}.{c.column}": _entity(c)
                 for c in columns if c.masked and _entity(c)}
    groups: dict[str, list[ColumnView]] = {}
    for c in columns:
        if c.masked:
            entity = _entity(c) or by_domain.get(c.rule.domain or f"{c.table}.{c.column}")
            groups.setdefault(group_name(entity), []).append(c)
    ordered = sorted(groups.items(), key=lambda g: (g[0] == OTHER_GROUP, -len(g[1]), g[0]))
    return Summary(
        look=[c for c in columns if c.look],
        masked=ordered,
        kept=sum(1 for c in columns if not c.masked),
        problems=[c for c in columns if c.errors],
    )


def by_table(columns: list[ColumnView]) -> list[tuple[str, list[ColumnView]]]:
    """Columns grouped by table, in the schema's order."""
    tables: dict[str, list[ColumnView]] = {}
    for c in columns:
        tables.setdefault(c.table, []).append(c)
    return list(tables.items())


def says_something_new(changes: list[Change], has_previous: bool) -> bool:
    """False on a first review, where every column is "added": the list is then folded."""
    return has_previous and bool(changes)


LEGEND = [(m.name, m.summary) for m in METHODS_TABLE]
