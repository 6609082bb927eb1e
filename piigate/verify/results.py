"""Typed results of the checks. ``to_dict()`` gives the JSON form that reports, Step
Functions payloads and the CLI carry: names and counts only, never a value."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class TableCount:
    """``row_counts`` of one table; ``before``/``after`` are None when the copy lacks it."""

    before: int | None = None
    after: int | None = None
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        if self.error is not None:
            return {"error": self.error}
        return {"before": self.before, "after": self.after}


@dataclass
class ForeignKeyCheck:
    present: bool
    orphans: int | None  # None: not counted

    def to_dict(self) -> dict[str, Any]:
        return {"present": self.present, "orphans": self.orphans}


@dataclass
class UniqueKeyCheck:
    kind: str  # "primary key" or "unique"
    present: bool
    duplicate_groups: int | None  # None: not counted

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "present": self.present,
                "duplicate_groups": self.duplicate_groups}


@dataclass
class ColumnChange:
    """``changed`` of one masked column (see :mod:`piigate.verify.changed`)."""

    method: str
    error: str | None = None  # the column could not be checked
    rows: int = 0
    distinct: int = 0
    fixed_points: int = 0
    unchanged: int = 0
    missing: int = 0
    unexpected: int = 0
    matches: bool = False
    complete: bool | None = None  # counts are exact (None when the multisets matched)
    outside_condition_changed: int | None = None  # only for tables with a ``when``
    row_mismatches: int | None = None  # only where rows were paired by a kept key

    @property
    def proved(self) -> bool:
        """The copy's column holds exactly the images of its originals, row for row."""
        return (self.error is None and self.matches and not self.outside_condition_changed
                and not self.row_mismatches)

    def to_dict(self) -> dict[str, Any]:
        if self.error is not None:
            return {"method": self.method, "error": self.error}
        out: dict[str, Any] = {
            "method": self.method, "rows": self.rows, "distinct": self.distinct,
            "fixed_points": self.fixed_points, "unchanged": self.unchanged,
            "missing": self.missing, "unexpected": self.unexpected, "matches": self.matches,
        }
        if self.complete is not None:
            out["complete"] = self.complete
        if self.outside_condition_changed is not None:
            out["outside_condition_changed"] = self.outside_condition_changed
        if self.row_mismatches is not None:
            out["row_mismatches"] = self.row_mismatches
        return out


@dataclass
class LeakHit:
    """Distinct originals found in one column of the copy, and the masked columns they
    came from; ``by_chance``: how many its integer values' neighbours met (see
    :mod:`piigate.verify.leak_exact`), when integers were weighed."""

    values: int
    sources: list[str]
    by_chance: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"values": self.values, "from": list(self.sources)}
        if self.by_chance is not None:
            out["by_chance"] = self.by_chance
        return out


@dataclass
class ExactFinding:
    """A kept column's verdict: distinct originals found, and where they came from."""

    values: int
    sources: list[str]
    by_chance: int | None = None  # mean neighbour count, when integers were judged


@dataclass
class ExactSearch:
    """Coverage and findings of the complete exact search."""

    masked_columns: list[str] = field(default_factory=list)
    originals: int = 0  # distinct (masked column, search key) pairs loaded
    excluded_originals: int = 0  # distinct originals left out (see piigate.verify.leak_exact)
    kept_columns: list[str] = field(default_factory=list)
    kept_values: int = 0  # distinct values of kept columns read and looked up
    findings: dict[str, ExactFinding] = field(default_factory=dict)
    ran: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "complete": self.ran,
            "masked_columns": len(self.masked_columns),
            "originals": self.originals,
            "excluded_originals": self.excluded_originals,
            "kept_columns": len(self.kept_columns),
            "kept_values": self.kept_values,
        }


@dataclass
class SubstringRead:
    """How much the sampled substring search read."""

    originals: set[int] = field(default_factory=set)  # sampled originals looked for
    columns: int = 0  # free-text and JSON columns searched
    rows: int = 0  # rows of those columns read (each once per 20 patterns)

    def to_dict(self) -> dict[str, Any]:
        return {"originals": len(self.originals), "columns": self.columns, "rows": self.rows}


@dataclass
class LeakCheck:
    sampled: int = 0
    substring_sampled: int = 0
    columns_searched: int = 0
    hits: dict[str, LeakHit] = field(default_factory=dict)
    exact: ExactSearch | None = None
    substring: SubstringRead | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "sampled": self.sampled,
            "substring_sampled": self.substring_sampled,
            "columns_searched": self.columns_searched,
            "hits": {n: h.to_dict() for n, h in self.hits.items()},
        }
        if self.exact is not None:
            out["exact"] = self.exact.to_dict()
        if self.substring is not None:
            out["substring"] = self.substring.to_dict()
        return out


@dataclass
class Checks:
    """Per-check results; a check left as None did not run and is left out of the JSON."""

    row_counts: dict[str, TableCount] | None = None
    foreign_keys: dict[str, ForeignKeyCheck] | None = None
    unique: dict[str, UniqueKeyCheck] | None = None
    changed: dict[str, ColumnChange] | None = None
    leak: LeakCheck | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in ("row_counts", "foreign_keys", "unique", "changed"):
            section = getattr(self, name)
            if section is not None:
                out[name] = {k: v.to_dict() for k, v in section.items()}
        if self.leak is not None:
            out["leak"] = self.leak.to_dict()
        return out


@dataclass
class VerifyResult:
    """The outcome of :func:`piigate.verify.verify`: per-check results and one line per
    failure."""

    checks: Checks
    failures: list[str]

    @property
    def passed(self) -> bool:
        return not self.failures

    def to_dict(self) -> dict[str, Any]:
        """Payload-safe JSON form: names and counts only."""
        return {"passed": self.passed, "checks": self.checks.to_dict(),
                "failures": list(self.failures)}
