"""Amazon Macie as a second opinion on AWS: extract, one-time job, evidence for the scan.

The steps wrap :mod:`classifiers.macie`: the sampled rows go to ``extracts/<run>/`` in
the run's bucket (SSE-KMS under the CMK), a one-time classification job scans that
prefix, and its findings become per-column evidence stored as ``runs/<run>/macie.json``
(entities, counts and JSON paths: no values), which the scan merges into its verdicts.
The extract is deleted as soon as the findings are collected, and by the cleanup on
any failure.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from ..cloud import client
from . import artifacts
from .config import AwsSettings

if TYPE_CHECKING:
    from classifiers.macie import MacieEvidence


def extract_prefix(run_id: str) -> str:
    return f"extracts/{run_id}"


def write_extract(run_id: str, instance_id: str, settings: AwsSettings) -> dict[str, Any]:
    """Sample every table of the temporary instance into the extract prefix."""
    from classifiers.macie import write_extract as write
    from classifiers.sampling import sample_table

    from ..db import reflect
    from .databases import connected

    settings.require("bucket", "data_key_arn")
    with connected(instance_id, settings) as engine:
        inv = reflect(engine)
        samples = {
            name: sample_table(engine, info, settings.sample_size)
            for name, info in inv.tables.items()
        }
    keys = write(
        client("s3"),
        settings.bucket,
        extract_prefix(run_id),
        samples,
        # sampled production rows: never under the key shared with pre-production
        kms_key_id=settings.data_key_arn,
    )
    return {
        "extract_location": f"s3://{settings.bucket}/{extract_prefix(run_id)}/",
        "objects": len(keys),
    }


def start(run_id: str, settings: AwsSettings) -> dict[str, Any]:
    """Start the one-time classification job on this run's extract."""
    from classifiers.macie import job_request, start_job

    settings.require("bucket")
    account = client("sts").get_caller_identity()["Account"]
    request = job_request(
        settings.bucket,
        extract_prefix(run_id),
        account,
        name=f"piigate-{run_id}"[:500],
        client_token=run_id,
    )
    return {"job_id": start_job(client("macie2"), request)}


def collect(run_id: str, job_id: str, settings: AwsSettings) -> dict[str, Any]:
    """Store the job's findings as per-column evidence; delete the extract."""
    from classifiers.macie import collect_findings, delete_extract, parse_findings

    settings.require("bucket")
    findings = collect_findings(client("macie2"), job_id)
    evidence = parse_findings(findings, extract_prefix(run_id))
    location, _ = artifacts.put_json(
        settings.bucket, artifacts.run_key(run_id, "macie"), evidence_to_json(evidence)
    )
    delete_extract(client("s3"), settings.bucket, extract_prefix(run_id))
    return {"findings_location": location, "findings": len(findings)}


def delete_run_extract(run_id: str, settings: AwsSettings) -> int:
    """Remove what is left of the run's extract (the cleanup calls this)."""
    from classifiers.macie import delete_extract

    if not settings.bucket:
        return 0
    return delete_extract(client("s3"), settings.bucket, extract_prefix(run_id))


def evidence_to_json(ev: MacieEvidence) -> dict[str, Any]:
    return {
        "counts": [[t, c, dict(n)] for (t, c), n in sorted(ev.counts.items())],
        "paths": [[t, c, p] for (t, c), p in sorted(ev.paths.items())],
        "types": [[t, c, sorted(s)] for (t, c), s in sorted(ev.types.items())],
    }


def evidence_from_json(doc: dict[str, Any]) -> MacieEvidence:
    from classifiers.macie import MacieEvidence

    ev = MacieEvidence()
    for t, c, counts in doc.get("counts", []):
        ev.counts[(t, c)] = Counter(counts)
    for t, c, paths in doc.get("paths", []):
        ev.paths[(t, c)] = dict(paths)
    for t, c, types in doc.get("types", []):
        ev.types[(t, c)] = set(types)
    return ev


def load_evidence(location: str) -> MacieEvidence:
    return evidence_from_json(artifacts.get_json(location))
