"""The pipeline report: ``report.json`` for machines, ``report.html`` for people.

Both are built from the run's :class:`~piigate.pipeline.record.RunRecord` (never from
the runner) and hold names, counts, timings, decisions and masked examples only. The HTML page is
rendered by Jinja2 with autoescaping and carries its styles inline, so it opens offline
from the output folder (no scripts, fonts or images from anywhere).

Examples come from discovery already masked (``G****i``); as a second line of defence
an example that does not look masked is replaced here, so a report can never show a
raw value even if a caller passes one.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..db import Inventory, safe_url
from ..schema import Schema, drift_summary
from .record import RunRecord

if TYPE_CHECKING:
    from ..verify import VerifyResult

FORMAT = "piigate-report/v1"
HIDDEN = "(hidden)"
CHECK_NAMES = {
    "row_counts": "row counts", "foreign_keys": "foreign keys", "unique": "unique keys",
    "changed": "masked columns changed", "leak": "no original values left",
    "other": "checks that could not finish",
}
# discovery masks every word longer than two characters as first + **** + last
_MASKED_WORD = re.compile(r"^(\*+|.\*{3,}.|.?\*+.?)$")


def masked_example(text: str) -> str:
    """``text`` if every word of it is masked, else :data:`HIDDEN`."""
    words = str(text).split()
    if words and all(_MASKED_WORD.match(w) for w in words):
        return str(text)
    return HIDDEN


def build_report(rec: RunRecord) -> dict[str, Any]:
    """Everything a reader needs to trust (or question) one run, without values."""
    scan = rec.scan
    approved = rec.approved
    proposal = rec.proposal
    failure = rec.failure

    report: dict[str, Any] = {
        "format": FORMAT,
        "piigate": __version__,
        "command": rec.command,
        "status": "failed" if failure else ("ok" if rec.finished else "running"),
        "failed_step": failure.step if failure else None,
        "error": failure.error if failure else None,
        "started_at": _iso(rec.started),
        "finished_at": _iso(time.time()),
        "source": safe_url(rec.source),
        "target": safe_url(rec.target),
        "notes": list(rec.notes),
        "previous_schema": rec.previous_schema,
        "inventory": inventory(scan.inventory if scan else None,
                               scan.failed_tables if scan else {}),
        "findings": findings(proposal, approved),
        "decisions": decisions(approved, proposal, rec.approval_mode),
        "drift": drift_summary(proposal, scan.removed if scan else None) if proposal else {},
        "timings": [asdict(t) for t in rec.timings],
        "tokenize": rec.tokenized.to_dict() if rec.tokenized is not None else None,
        "verification": rec.verification.to_dict() if rec.verification is not None
        else {"passed": False, "ran": False},
        "verdicts": verdicts(rec.verification),
        "share": rec.share or None,
        "import": rec.imported or None,
    }
    report["summary"] = summary(report)
    report["per_table"] = per_table(report["findings"])
    return report


def _iso(ts: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ts))


def inventory(inv: Inventory | None, failed: dict[str, str]) -> dict[str, Any]:
    if inv is None:
        return {"dialect": None, "tables": []}
    tables = []
    for name, t in sorted(inv.tables.items()):
        tables.append({
            "table": name,
            "rows": t.row_estimate,
            "columns": len(t.columns),
            "primary_key": list(t.primary_key),
            "foreign_keys": [f"({', '.join(fk.columns)}) -> {fk.ref_table}"
                             f"({', '.join(fk.ref_columns)})" for fk in t.foreign_keys],
            "error": "unreadable" if name in failed or t.error else None,
        })
    return {"dialect": inv.dialect, "tables": tables}


def findings(proposal: Schema | None, approved: Schema | None) -> list[dict[str, Any]]:
    """One entry per column: discovery's evidence, what it proposed, what was approved."""
    base = approved or proposal
    if base is None:
        return []
    from approval_ui.preview import preview
    from approval_ui.words import evidence as evidence_words
    from approval_ui.words import finding_words

    out = []
    for tname, cname, rule in base.iter_rules():
        proposed = proposal.rule(tname, cname) if proposal else None
        evidence = rule.finding or (proposed.finding if proposed else None)
        masked = rule.method != "keep"
        # made-up input through the real transform: a real token next to even a masked
        # original would tell too much (see approval_ui.preview)
        example = preview(tname, cname, rule) if masked else None
        out.append({
            "table": tname,
            "column": cname,
            "type": rule.type,
            "entity": evidence.entity if evidence else None,
            "confidence": evidence.confidence if evidence else 0.0,
            "signals": list(evidence.signals) if evidence else [],
            "sampled": evidence.sampled if evidence else 0,
            "examples": [masked_example(e) for e in evidence.examples] if evidence else [],
            "paths": dict(evidence.paths) if evidence else {},
            "proposed": proposed.method if proposed else None,
            "method": rule.method if approved else None,
            "changed_in_review": bool(approved and proposed and proposed.method != rule.method),
            "reason": getattr(rule, "reason", None),
            "drift": rule.drift,
            "decided_by": rule.decided_by,
            "masked": masked,
            "finding": finding_words(evidence, masked),
            "evidence": evidence_words(evidence, masked),
            "example": {"before": example.before, "after": example.after} if example else None,
        })
    return out


def per_table(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Masked and kept columns per table (the report's chart)."""
    counts: dict[str, dict[str, Any]] = {}
    for f in found:
        row = counts.setdefault(f["table"], {"table": f["table"], "masked": 0, "kept": 0})
        row["masked" if f["masked"] else "kept"] += 1
    return [counts[t] for t in sorted(counts)]


def _table_of(check: str, item: str) -> str:
    """The table an item of a check is about: ``t``, ``t.c``, ``t(cols)``, ``t(c) -> p(c)``."""
    if check in ("row_counts", "other"):
        return item
    if "(" in item:
        return item.split("(", 1)[0].strip() or item
    return item.rsplit(".", 1)[0] if "." in item else item


# Failure lines about an item that the check's results leave out (it could not be
# checked at all), by what the line says; anything else shows as a check of its own.
_UNCHECKED = {
    "table missing in the tokenized database": "row_counts",
    "rows could not be counted": "row_counts",
    "a table of the foreign key is missing": "foreign_keys",
    "rows could not be compared": "changed",
    "could not be searched for original values": "leak",
    "originals could not be read for the leak search": "leak",
}
_LEAK_SEARCH = "leak check"  # the complete search as a whole could not run


def verdicts(result: VerifyResult | None) -> list[dict[str, Any]]:
    """Pass or fail per check, one sentence each, and the tables that failed it.

    Judged from the typed results. A failure line that they do not account for (a table
    missing from the copy, a column that could not be searched) fails the check it is
    about, or else shows as a check of its own: nothing that failed reads as passed.
    """
    if result is None:
        return []
    c = result.checks
    out: dict[str, dict[str, Any]] = {}

    def add(check: str, items: list[str], bad: list[str], ok: str, fail: str) -> None:
        out[check] = {"check": check, "items": set(items), "failing": bad, "ok": ok,
                      "fail": fail}

    if c.row_counts is not None:
        add("row_counts", list(c.row_counts),
            [t for t, v in c.row_counts.items() if v.error is not None or v.before != v.after],
            f"All {len(c.row_counts)} tables have as many rows after tokenization as before.",
            "Row counts differ, or a table is missing or could not be counted, in")
    if c.foreign_keys is not None:
        add("foreign_keys", list(c.foreign_keys),
            [k for k, v in c.foreign_keys.items() if not v.present or v.orphans != 0],
            f"All {len(c.foreign_keys)} foreign keys are in place and no row points at a "
            "missing parent.",
            "A foreign key is missing, or rows point at a missing parent, in")
    if c.unique is not None:
        add("unique", list(c.unique),
            [k for k, v in c.unique.items() if not v.present or v.duplicate_groups != 0],
            f"All {len(c.unique)} primary and unique keys are in place, without duplicates.",
            "A primary or unique key is missing or has duplicates in")
    if c.changed is not None:
        add("changed", list(c.changed), [k for k, v in c.changed.items() if not v.proved],
            f"Each of the {len(c.changed)} masked columns holds exactly the tokens of its "
            "originals.",
            "Masked columns do not hold exactly the tokens of their originals in")
    if c.leak is not None:
        exact = c.leak.exact
        how = (f"a complete search of {len(exact.kept_columns)} kept columns"
               if exact is not None and exact.ran
               else f"{c.leak.sampled} sampled originals looked for")
        add("leak", [*c.leak.hits, _LEAK_SEARCH], list(c.leak.hits),
            f"No original value of a masked column was found in the copy ({how}).",
            "Original values of masked columns were found, or could not be looked for, in")
    other: list[str] = []
    for line in result.failures:
        name, _, what = line.partition(":")
        owner = next((v for v in out.values() if name in v["items"]), None)
        if owner is None:
            check = next((k for phrase, k in _UNCHECKED.items() if phrase in what), None)
            owner = out.get(check) if check else None
        if owner is None:
            other.append(name)
        elif name not in owner["failing"]:
            owner["failing"].append(name)
    if other:
        add("other", [], other, "", "Verification could not finish for")
    verdict = []
    for v in out.values():
        tables = sorted({_table_of(v["check"], i) for i in v["failing"] if i != _LEAK_SEARCH})
        if not v["failing"]:
            sentence = v["ok"]
        elif tables:
            sentence = f"{v['fail']} {', '.join(tables)}."
        else:
            sentence = "The complete search for original values could not run in the copy."
        verdict.append({"check": v["check"], "passed": not v["failing"], "sentence": sentence,
                        "tables": tables, "failing": list(v["failing"])})
    return verdict


def decisions(approved: Schema | None, proposal: Schema | None, mode: str) -> dict[str, Any]:
    if approved is None:
        return {"approved": False, "proposal_hash": proposal.hash() if proposal else None}
    rules = [r for _, _, r in approved.iter_rules()]
    by_whom: dict[str, int] = {}
    for r in rules:
        by_whom[r.decided_by or "unknown"] = by_whom.get(r.decided_by or "unknown", 0) + 1
    return {
        "approved": True,
        "mode": mode,
        "approval": approved.approval.model_dump(mode="json") if approved.approval else None,
        "schema_hash": approved.hash(),
        "schema_version": approved.version,
        "proposal_hash": proposal.hash() if proposal else None,
        "masked": sum(1 for r in rules if r.method != "keep"),
        "kept": sum(1 for r in rules if r.method == "keep"),
        "decided_by": by_whom,
    }


def summary(report: dict[str, Any]) -> dict[str, Any]:
    tok = report.get("tokenize") or {}
    return {
        "tables": len(report["inventory"]["tables"]),
        "columns": len(report["findings"]),
        "masked": report["decisions"].get("masked"),
        "rows_tokenized": tok.get("rows"),
        "verification_passed": bool(report["verification"].get("passed")),
        "seconds": round(sum(t["seconds"] for t in report["timings"]), 3),
    }


def render_html(report: dict[str, Any]) -> str:
    """The report as one self-contained, autoescaped HTML page."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("piigate", "templates"),
                      autoescape=select_autoescape(["html"], default=True))
    return env.get_template("report.html").render(r=report, check_names=CHECK_NAMES)


def write_report(report: dict[str, Any], out: Path) -> dict[str, Path]:
    """Write ``report.json`` and ``report.html`` into ``out``; returns their paths."""
    out.mkdir(parents=True, exist_ok=True)
    paths = {"json": out / "report.json", "html": out / "report.html"}
    for kind, text in (("json", json.dumps(report, indent=2, default=str) + "\n"),
                       ("html", render_html(report))):
        tmp = paths[kind].with_name(paths[kind].name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(paths[kind])
    return paths
