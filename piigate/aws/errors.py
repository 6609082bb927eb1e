"""Errors of the AWS adapters. Their class names are what Step Functions Retry/Catch
match (``TransientError`` is retried by every task), so keep them stable.

A step's error leaves the process in the execution's history (Lambda) or the task's
log and result file (Fargate). Our own errors (``PiiGateError``) are value-free by
design and pass through; anything else, a driver error quoting a row for instance, is
replaced by :class:`StepError` naming only its class (and a database error's code and
meaning: :func:`piigate.errors.safe_reason`). Lambda handlers and Fargate tasks share
:func:`safe_error` and :func:`need`.
"""

from __future__ import annotations

from typing import Any

from ..errors import ConfigError, PiiGateError, VerificationError, safe_reason

_TRANSIENT_CODES = {
    "Throttling",
    "ThrottlingException",
    "RequestLimitExceeded",
    "TooManyRequestsException",
    "ServiceUnavailable",
    "InternalFailure",
}


class TransientError(PiiGateError):
    """Throttling or a resource in a passing state: retrying later may succeed."""


class ResourceMissing(PiiGateError):
    """An instance or snapshot the run needs does not exist."""


class RefusedEvent(VerificationError):
    """The importer refuses an event: no passed verification, wrong account, bad fields."""


class StepError(PiiGateError):
    """A step failed for a reason whose details may quote data: the text is withheld."""


def safe_error(exc: BaseException) -> PiiGateError:
    """``exc`` as an error whose text may leave the process (history, logs, result)."""
    if isinstance(exc, PiiGateError):
        return exc
    from botocore.exceptions import ClientError

    if isinstance(exc, ClientError):
        code = str(exc.response.get("Error", {}).get("Code", "unknown"))
        op = getattr(exc, "operation_name", "call")
        if code in _TRANSIENT_CODES:
            return TransientError(f"{op} was throttled ({code}); retry later")
        return StepError(f"{op} failed with {code}")
    return StepError(safe_reason(exc))


def need(event: dict[str, Any], name: str) -> Any:
    """A required event field; a missing one names the field."""
    value = event.get(name)
    if value is None or value == "":
        raise ConfigError("the event lacks a required field", field=name)
    return value


__all__ = [
    "ConfigError",
    "RefusedEvent",
    "ResourceMissing",
    "StepError",
    "TransientError",
    "need",
    "safe_error",
]
