"""One run at a time per side, and each shared snapshot imported once: DynamoDB
conditional writes.

* The lock (``lock#producer`` / ``lock#importer``) holds the execution ARN of the run
  that took it. Taking it is a conditional put (free, or already ours, so a retried
  step succeeds); a lock whose holder is no longer RUNNING (aborted, timed out, failed
  before its cleanup) is taken over with a compare-and-swap on that holder, so a
  crashed run never blocks the next one. The run's cleanup releases it (only if ours).
* The importer's event record (``event#<snapshot ARN>``): EventBridge delivers at least
  once, so the same announcement may start two executions. The first to write the
  record imports; any other execution for the same snapshot is a duplicate and ends at
  once without touching anything. A failed import forgets its record so that the
  producer (or an operator) may send the event again.

Nothing here holds data: keys are names and ARNs.
"""

from __future__ import annotations

import time
from typing import Any

from ..cloud import client
from .errors import TransientError

# a run that takes longer than this has long been stopped by its own timeouts
RECORD_TTL_SECONDS = 30 * 24 * 3600


class LockHeld(TransientError):
    """Another run of this side is still running: this one does nothing and fails."""


def _ddb() -> Any:
    return client("dynamodb")


def _failed_condition(exc: Exception) -> bool:
    code = getattr(exc, "response", {}).get("Error", {}).get("Code", "")
    return code == "ConditionalCheckFailedException"


def _item(key: str, holder: str) -> dict[str, Any]:
    expires = int(time.time()) + RECORD_TTL_SECONDS
    return {"key": {"S": key}, "holder": {"S": holder}, "expires": {"N": str(expires)}}


def _running(execution_arn: str) -> bool:
    """Whether the execution still runs; an unknown one does not."""
    from botocore.exceptions import ClientError

    try:
        status = client("stepfunctions").describe_execution(executionArn=execution_arn)["status"]
    except ClientError as exc:
        code = exc.response.get("Error", {}).get("Code", "")
        if code in ("ExecutionDoesNotExist", "InvalidArn"):
            return False
        raise
    return str(status) == "RUNNING"


def _put_if_free_or(table: str, key: str, holder: str, current: str) -> bool:
    """Write ``key`` for ``holder`` if it is absent or held by ``current``; False if not."""
    from botocore.exceptions import ClientError

    try:
        _ddb().put_item(
            TableName=table,
            Item=_item(key, holder),
            ConditionExpression="attribute_not_exists(#k) OR holder = :current",
            ExpressionAttributeNames={"#k": "key"},
            ExpressionAttributeValues={":current": {"S": current}},
        )
    except ClientError as exc:
        if _failed_condition(exc):
            return False
        raise
    return True


def acquire(table: str, name: str, holder: str) -> dict[str, Any]:
    """Take the side's lock for execution ``holder``, or raise :class:`LockHeld`."""
    key = f"lock#{name}"
    # free, or ours already (a retried step)
    if _put_if_free_or(table, key, holder, holder):
        return {"acquired": True, "took_over": False}
    current = _ddb().get_item(TableName=table, Key={"key": {"S": key}}, ConsistentRead=True)
    other = current.get("Item", {}).get("holder", {}).get("S", "")
    if other and _running(other):
        raise LockHeld("another run of this side is still running", field=key)
    # compare-and-swap: only if the stale holder is still the one we looked at
    if not _put_if_free_or(table, key, holder, other):
        raise LockHeld("another run took the lock first", field=key)
    return {"acquired": True, "took_over": True}


def _delete_if_holder(table: str, key: str, holder: str) -> bool:
    from botocore.exceptions import ClientError

    try:
        _ddb().delete_item(
            TableName=table,
            Key={"key": {"S": key}},
            ConditionExpression="holder = :me",
            ExpressionAttributeValues={":me": {"S": holder}},
        )
    except ClientError as exc:
        if _failed_condition(exc):
            return False
        raise
    return True


def release(table: str, name: str, holder: str) -> bool:
    """Release the lock if ``holder`` has it; True when it did."""
    return _delete_if_holder(table, f"lock#{name}", holder)


def first_delivery(table: str, event_key: str, holder: str) -> bool:
    """Record that ``holder`` handles ``event_key``; False when another execution did."""
    return _put_if_free_or(table, f"event#{event_key}", holder, holder)


def forget_delivery(table: str, event_key: str, holder: str) -> bool:
    """Drop the event record after a failed import, so that the event may come again."""
    return _delete_if_holder(table, f"event#{event_key}", holder)
