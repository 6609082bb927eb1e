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
from typing import Any

from .. import __version__
from ..db import Inventory, safe_url
from ..schema import Schema, drift_summary
from .record import RunRecord

FORMAT = "piigate-report/v1"
HIDDEN = "(hidden)"
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
        "share": rec.share or None,
        "import": rec.imported or None,
    }
    report["summary"] = summary(report)
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
    out = []
    for tname, cname, rule in base.iter_rules():
        proposed = proposal.rule(tname, cname) if proposal else None
        evidence = rule.finding or (proposed.finding if proposed else None)
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
        })
    return out


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
    env.filters["tojson_pretty"] = lambda v: json.dumps(v, indent=2, default=str)
    return env.get_template("report.html").render(r=report)


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
