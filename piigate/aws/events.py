"""The event from producer to importer, and the importer's refusal rules.

The event carries the shared snapshot's ARN, the approved schema's hash and the
verification result (passed flag and report hash): no values, no keys.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..cloud import client
from .config import AwsSettings
from .errors import RefusedEvent
from .rds import check_shared_arn

SOURCE = "piigate.producer"
DETAIL_TYPE = "TokenizedSnapshotShared"
_HASH = re.compile(r"^sha256:[0-9a-f]{64}$")


def _check_verification(verification: Any, schema_hash: Any) -> None:
    if not isinstance(verification, dict) or verification.get("passed") is not True:
        raise RefusedEvent(
            "the snapshot has no passed verification", field="detail.verification.passed"
        )
    if not isinstance(schema_hash, str) or not _HASH.match(schema_hash):
        raise RefusedEvent(
            "the approved schema hash is missing or malformed", field="detail.schema_hash"
        )
    report = verification.get("report_hash")
    if not isinstance(report, str) or not _HASH.match(report):
        raise RefusedEvent(
            "the verification report hash is missing or malformed",
            field="detail.verification.report_hash",
        )


def publish_snapshot_event(
    run_id: str,
    snapshot_arn: str,
    schema_hash: str,
    verification: dict[str, Any],
    settings: AwsSettings,
) -> dict[str, Any]:
    """Put the event on the pre-production bus; refuses to announce an unverified run."""
    settings.require("event_bus_arn")
    _check_verification(verification, schema_hash)
    detail = {
        "run_id": run_id,
        "snapshot_arn": snapshot_arn,
        "schema_hash": schema_hash,
        "verification": {"passed": True, "report_hash": verification["report_hash"]},
    }
    resp = client("events").put_events(
        Entries=[
            {
                "Source": SOURCE,
                "DetailType": DETAIL_TYPE,
                "Detail": json.dumps(detail, sort_keys=True),
                "EventBusName": settings.event_bus_arn,
                "Resources": [snapshot_arn],
            }
        ]
    )
    if resp.get("FailedEntryCount"):
        code = resp["Entries"][0].get("ErrorCode", "unknown")
        raise RefusedEvent(f"the event bus refused the event ({code})", field="EventBusName")
    return {"event_id": resp["Entries"][0]["EventId"]}


def accept_event(event: dict[str, Any], settings: AwsSettings) -> dict[str, Any]:
    """The importer's gate: the fields it needs from a well-formed, verified event."""
    if not isinstance(event, dict) or event.get("source") != SOURCE:
        raise RefusedEvent("not a PII Gate producer event", field="source")
    if event.get("detail-type") != DETAIL_TYPE:
        raise RefusedEvent("not a shared-snapshot event", field="detail-type")
    if settings.producer_account and event.get("account") != settings.producer_account:
        raise RefusedEvent("the event comes from another account", field="account")
    detail = event.get("detail")
    if not isinstance(detail, dict):
        raise RefusedEvent("the event has no detail", field="detail")
    _check_verification(detail.get("verification"), detail.get("schema_hash"))
    check_shared_arn(detail.get("snapshot_arn", ""), settings.producer_account)
    return {
        "snapshot_arn": detail["snapshot_arn"],
        "schema_hash": detail["schema_hash"],
        "report_hash": detail["verification"]["report_hash"],
    }
