"""Amazon Macie as a second opinion: extract, one-time job, findings back to columns.

1. :func:`write_extract` puts the sampled rows of each table in our bucket as JSON Lines
   (``<prefix>/<table>.jsonl``, one object per row). The rows are sampled production
   data: the bucket is ours, encrypted (SSE-KMS when a key is given) and the prefix is
   deleted after the job (:func:`delete_extract`).
2. :func:`job_request` builds the ``create_classification_job`` request for that prefix
   (ONE_TIME, all managed data identifiers); :func:`start_job` sends it.
3. :func:`collect_findings` pages through the job's findings and
   :func:`parse_findings` maps each occurrence back to ``table.column``: JSON Lines
   occurrences carry ``jsonPath`` (``$.email``, ``$.profile.contact.email``), CSV ones
   ``columnName``. :meth:`MacieEvidence.merge` folds that into a column's verdict.

Boto3 clients are passed in (created lazily by the caller), so moto and botocore's
Stubber stand in for AWS in tests.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from piigate.errors import PiiGateError

from . import names as N
from .sampling import TableSample
from .verdict import JSON, Verdict

# Macie managed data identifier types -> our entities
MACIE_TYPES = {
    "NAME": N.PERSON,
    "EMAIL_ADDRESS": N.EMAIL,
    "PHONE_NUMBER": N.PHONE,
    "ADDRESS": N.STREET,
    "DATE_OF_BIRTH": N.DOB,
    "USA_SOCIAL_SECURITY_NUMBER": N.SSN,
    "CREDIT_CARD_NUMBER": N.CARD,
    "CREDIT_CARD_NUMBER_(NO_KEYWORD)": N.CARD,
    "BANK_ACCOUNT_NUMBER": N.IBAN,
    "IP_ADDRESS": N.IP,
    "USA_PASSPORT_NUMBER": N.PASSPORT,
}


def macie_entity(macie_type: str) -> str:
    """Our entity for a Macie data identifier type (national ids grouped together)."""
    if macie_type in MACIE_TYPES:
        return MACIE_TYPES[macie_type]
    t = macie_type.upper()
    if "PASSPORT" in t:
        return N.PASSPORT
    if any(w in t for w in ("NATIONAL", "IDENTIFICATION", "INSURANCE", "TAX", "DNI", "NIE",
                            "SOCIAL_SECURITY", "HEALTH", "DRIVERS_LICENSE", "NIF", "CPF")):
        return N.NATIONAL_ID
    if "PHONE" in t:
        return N.PHONE
    return macie_type


# -- extract ---------------------------------------------------------------------------


def _json_default(x: Any) -> Any:
    if isinstance(x, (dt.date, dt.datetime, dt.time)):
        return x.isoformat()
    if isinstance(x, Decimal):
        return str(x)
    if isinstance(x, (bytes, bytearray, memoryview)):
        return None  # binary columns are never extracted
    return str(x)


def extract_key(prefix: str, table: str) -> str:
    return f"{prefix.strip('/')}/{table}.jsonl"


def write_extract(s3: Any, bucket: str, prefix: str, samples: dict[str, TableSample], *,
                  kms_key_id: str | None = None) -> list[str]:
    """Write each table's sampled rows as JSON Lines; returns the object keys."""
    keys = []
    for table, ts in sorted(samples.items()):
        if ts.error or not ts.rows:
            continue
        body = "".join(json.dumps(r, default=_json_default, ensure_ascii=False) + "\n"
                       for r in ts.rows).encode("utf-8")
        extra: dict[str, str] = {}
        if kms_key_id:
            extra = {"ServerSideEncryption": "aws:kms", "SSEKMSKeyId": kms_key_id}
        key = extract_key(prefix, table)
        s3.put_object(Bucket=bucket, Key=key, Body=body, ContentType="application/x-ndjson",
                      **extra)
        keys.append(key)
    return keys


def delete_extract(s3: Any, bucket: str, prefix: str) -> int:
    """Delete every version of every object under the extract prefix, delete markers
    included; returns how many objects (keys) were removed.

    The bucket is versioned: a plain DELETE only adds a delete marker and the sampled
    rows stay readable as a noncurrent version, so each version is deleted by its id.
    A key that cannot be deleted fails the step, naming the key (never its content).
    """
    keys: set[str] = set()
    paginator = s3.get_paginator("list_object_versions")
    for page in paginator.paginate(Bucket=bucket, Prefix=prefix.strip("/") + "/"):
        versions = page.get("Versions", []) + page.get("DeleteMarkers", [])
        objs = [{"Key": v["Key"], "VersionId": v["VersionId"]} for v in versions]
        # at most 1000 per request; a page holds at most 1000 of each kind
        for i in range(0, len(objs), 1000):
            out = s3.delete_objects(
                Bucket=bucket, Delete={"Objects": objs[i : i + 1000], "Quiet": True}
            )
            errors = out.get("Errors") or []
            if errors:
                raise PiiGateError(
                    f"could not delete the extract object ({errors[0].get('Code', 'error')})",
                    field=f"s3://{bucket}/{errors[0].get('Key', prefix)}",
                )
        keys.update(v["Key"] for v in page.get("Versions", []))
    return len(keys)


# -- job -------------------------------------------------------------------------------


def job_request(bucket: str, prefix: str, account_id: str, *, name: str, client_token: str,
                description: str = "PII Gate discovery extract") -> dict[str, Any]:
    """The one-time ``create_classification_job`` request scoped to the extract prefix."""
    return {
        "jobType": "ONE_TIME",
        "name": name,
        "clientToken": client_token,
        "description": description,
        "initialRun": True,
        "managedDataIdentifierSelector": "ALL",
        "samplingPercentage": 100,
        "s3JobDefinition": {
            "bucketDefinitions": [{"accountId": account_id, "buckets": [bucket]}],
            "scoping": {
                "includes": {
                    "and": [{
                        "simpleScopeTerm": {
                            "comparator": "STARTS_WITH",
                            "key": "OBJECT_KEY",
                            "values": [prefix.strip("/") + "/"],
                        }
                    }]
                }
            },
        },
    }


def start_job(macie: Any, request: dict[str, Any]) -> str:
    """Create the job; returns its id."""
    return str(macie.create_classification_job(**request)["jobId"])


def collect_findings(macie: Any, job_id: str, *, batch: int = 50) -> list[dict[str, Any]]:
    """All findings of a job (``list_findings`` pages, ``get_findings`` in batches)."""
    ids: list[str] = []
    token: str | None = None
    criteria = {"criterion": {"classificationDetails.jobId": {"eq": [job_id]}}}
    while True:
        kwargs: dict[str, Any] = {"findingCriteria": criteria, "maxResults": batch}
        if token:
            kwargs["nextToken"] = token
        page = macie.list_findings(**kwargs)
        ids += page.get("findingIds", [])
        token = page.get("nextToken")
        if not token:
            break
    out: list[dict[str, Any]] = []
    for i in range(0, len(ids), batch):
        out += macie.get_findings(findingIds=ids[i : i + batch]).get("findings", [])
    return out


# -- findings -> columns ---------------------------------------------------------------

_BRACKET = re.compile(r"\[\s*'([^']*)'\s*\]|\[\s*\"([^\"]*)\"\s*\]|\[(\d+|\*)\]")


def split_json_path(path: str) -> list[str]:
    """``$.profile.contact['e-mail'][0]`` -> ``['profile', 'contact', 'e-mail', '[*]']``."""
    p = path.strip()
    if p.startswith("$"):
        p = p[1:]
    parts: list[str] = []
    pos = 0
    while pos < len(p):
        if p[pos] == ".":
            m = re.match(r"\.([^.\[]+)", p[pos:])
            if not m:
                break
            parts.append(m.group(1))
            pos += m.end()
            continue
        m = _BRACKET.match(p, pos)
        if not m:
            break
        if m.group(3) is not None:
            parts.append("[*]")
        else:
            parts.append(m.group(1) if m.group(1) is not None else m.group(2))
        pos = m.end()
    return parts


def _column_and_path(json_path: str) -> tuple[str, str | None] | None:
    parts = split_json_path(json_path)
    if not parts or parts[0] == "[*]":
        return None
    column, rest = parts[0], parts[1:]
    if not rest:
        return column, None
    inner = "$" + "".join(p if p == "[*]" else f".{p}" for p in rest)
    return column, inner


@dataclass
class MacieEvidence:
    """Macie detections per column: counts per entity, and per JSON path inside columns."""

    counts: dict[tuple[str, str], Counter] = field(default_factory=dict)
    paths: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)
    types: dict[tuple[str, str], set[str]] = field(default_factory=dict)

    def add(self, table: str, column: str, macie_type: str, count: int,
            path: str | None = None) -> None:
        key = (table, column)
        entity = macie_entity(macie_type)
        self.counts.setdefault(key, Counter())[entity] += count
        self.types.setdefault(key, set()).add(macie_type)
        if path:
            self.paths.setdefault(key, {})[path] = entity

    def merge(self, table: str, column: str, v: Verdict) -> Verdict:
        """The verdict with Macie's evidence added; Macie alone is enough to mask."""
        key = (table, column)
        if key not in self.counts:
            return v
        counts = self.counts[key]
        signals = v.signals + [f"macie:{t}" for t in sorted(self.types[key])]
        hits = {**v.hits, **{f"macie:{e}": int(c) for e, c in counts.items()}}
        out = replace(v, signals=signals, hits=hits)
        if key in self.paths:
            out.paths = {**self.paths[key], **v.paths}
            out.entity = JSON
            out.confidence = max(v.confidence, 0.7)
        elif v.entity is None:
            out.entity = counts.most_common(1)[0][0]
            out.confidence = 0.7
        else:
            out.confidence = min(1.0, v.confidence + 0.1)
        return out


def _table_of(key: str, prefix: str) -> str | None:
    base = prefix.strip("/") + "/"
    if not key.startswith(base):
        return None
    name = key[len(base):]
    for ext in (".jsonl", ".json", ".csv"):
        if name.endswith(ext):
            return name[: -len(ext)]
    return None


def _detections(result: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    out = []
    for item in result.get("sensitiveData", []) or []:
        for det in item.get("detections", []) or []:
            out.append((det.get("type", "UNKNOWN"), det))
    custom = result.get("customDataIdentifiers") or {}
    for det in custom.get("detections", []) or []:
        out.append((det.get("name", "CUSTOM"), det))
    return out


def parse_findings(findings: list[dict[str, Any]], prefix: str) -> MacieEvidence:
    """Map Macie findings on the extract back to (table, column) evidence."""
    ev = MacieEvidence()
    for f in findings:
        key = ((f.get("resourcesAffected") or {}).get("s3Object") or {}).get("key", "")
        table = _table_of(key, prefix)
        if table is None:
            continue
        result = (f.get("classificationDetails") or {}).get("result") or {}
        for macie_type, det in _detections(result):
            occ = det.get("occurrences") or {}
            located: Counter = Counter()
            for rec in occ.get("records", []) or []:
                cp = _column_and_path(rec.get("jsonPath", ""))
                if cp:
                    located[cp] += 1
            for cell in occ.get("cells", []) or []:
                name = cell.get("columnName")
                if name:
                    located[(name, None)] += 1
            for (column, path), n in located.items():
                ev.add(table, column, macie_type, n, path)
    return ev
