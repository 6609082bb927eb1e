"""The outcome notification: run id, machine, outcome and a safe error description.

The error comes from the state machine's ``Catch`` (``{"Error", "Cause"}``); for our
handlers ``Cause`` is Lambda's JSON with ``errorType`` and ``errorMessage``, which the
handlers keep value-free (see :func:`piigate.aws.errors.safe_error`). Only those two fields
go out, cut short; a stack trace never does. A Fargate task's failure
(``States.TaskFailed``, whose cause is the ECS task's description) is described by the
value-free error the task recorded in S3 (:func:`piigate.aws.tasks.failed_results`).
"""

from __future__ import annotations

import json
from typing import Any

from ..cloud import client
from .config import AwsSettings

MAX_MESSAGE = 500
# how a failed Fargate task reaches the Catch: the task state itself, the Distributed
# Map that ran it (its tolerated failures exceeded), the unit's own Fail state
TASK_FAILURES = {"States.TaskFailed", "States.ExceedToleratedFailureThreshold",
                 "TokenizeFailed"}


def describe_error(error: Any) -> dict[str, str]:
    """``{"type", "message"}`` from a Catch result, without stack traces."""
    if not isinstance(error, dict):
        return {"type": "Unknown", "message": ""}
    kind = str(error.get("Error") or "Unknown")
    cause = error.get("Cause") or ""
    message = str(cause)
    try:
        parsed = json.loads(cause) if isinstance(cause, str) else None
    except json.JSONDecodeError:
        parsed = None
    if isinstance(parsed, dict):
        kind = str(parsed.get("errorType") or kind)
        # a Fargate task's cause is ECS's description of it: only why it stopped
        message = str(parsed.get("errorMessage") or parsed.get("StoppedReason") or "")
    return {"type": kind[:100], "message": message[:MAX_MESSAGE]}


def notify(
    run_id: str, machine: str, outcome: str, error: Any, settings: AwsSettings
) -> dict[str, Any]:
    """Publish the outcome to the notification topic."""
    settings.require("failure_topic_arn")
    body: dict[str, Any] = {"run_id": run_id, "machine": machine, "outcome": outcome}
    if outcome != "succeeded":
        body["error"] = describe_error(error)
        if body["error"]["type"] in TASK_FAILURES:
            from .tasks import failed_results

            recorded = failed_results(run_id, settings)
            if recorded:
                body["error"] = {"type": recorded[0]["type"][:100],
                                 "message": recorded[0]["message"][:MAX_MESSAGE],
                                 "task_failed": "true"}
    subject = f"PII Gate {machine} run {outcome}"
    resp = client("sns").publish(
        TopicArn=settings.failure_topic_arn,
        Subject=subject[:100],
        Message=json.dumps(body, indent=2, sort_keys=True),
    )
    return {"message_id": resp["MessageId"]}
