"""Drift against the last approved schema, per kind: what a carried-over approval must
not hide, and what the report lists."""

from __future__ import annotations

from .model import Schema

# Kinds of drift that need a person: a run without review stops when any is present.
DRIFT_NEEDING_REVIEW = ("new", "removed", "type_changed", "new_finding")


def drift_summary(schema: Schema, removed: list[str] | None = None) -> dict[str, list[str]]:
    """Columns per kind of drift against the previous approved schema."""
    out: dict[str, list[str]] = {k: [] for k in DRIFT_NEEDING_REVIEW}
    for tname, cname, rule in schema.iter_rules():
        if rule.drift in out and rule.drift != "removed":
            out[rule.drift].append(f"{tname}.{cname}")
    out["removed"] = sorted(set(removed or []) | set(out["removed"]))
    return out
