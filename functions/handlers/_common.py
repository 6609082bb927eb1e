"""What every handler shares: settings, event fields, and errors safe to hand on.

Lambda reports a raised exception as ``{"errorType", "errorMessage", "stackTrace"}``,
and Step Functions puts that into the execution's history and our failure
notification. Our own errors (``PiiGateError``) are value-free by design and pass
through with their class name, which is what the state machine's Retry/Catch match
(``TransientError`` is retried). Anything else, a driver error quoting a row for
instance, is replaced by :class:`StepError` naming only its class (and a database
error's code and meaning: :func:`piigate.errors.safe_reason`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from piigate.aws import AwsSettings, TransientError
from piigate.errors import ConfigError, PiiGateError, safe_reason

Event = dict[str, Any]
Result = dict[str, Any]

_TRANSIENT_CODES = {
    "Throttling",
    "ThrottlingException",
    "RequestLimitExceeded",
    "TooManyRequestsException",
    "ServiceUnavailable",
    "InternalFailure",
}


class StepError(PiiGateError):
    """A step failed for a reason whose details may quote data: the text is withheld."""


def need(event: Event, name: str) -> Any:
    """A required event field; a missing one names the field."""
    value = event.get(name)
    if value is None or value == "":
        raise ConfigError("the event lacks a required field", field=name)
    return value


def _translate(exc: Exception) -> PiiGateError:
    from botocore.exceptions import ClientError

    if isinstance(exc, ClientError):
        code = str(exc.response.get("Error", {}).get("Code", "unknown"))
        op = getattr(exc, "operation_name", "call")
        if code in _TRANSIENT_CODES:
            return TransientError(f"{op} was throttled ({code}); retry later")
        return StepError(f"{op} failed with {code}")
    return StepError(safe_reason(exc))


def step(fn: Callable[[Event, AwsSettings], Result]) -> Callable[..., Result]:
    """Make ``fn(event, settings)`` a Lambda handler with safe errors."""

    @functools.wraps(fn)
    def handler(event: Event, context: Any = None) -> Result:
        if not isinstance(event, dict):
            raise ConfigError("the event is not a JSON object", field="event")
        try:
            return fn(event, AwsSettings.from_env())
        except PiiGateError:
            raise
        except Exception as exc:  # noqa: BLE001 - everything else is withheld
            raise _translate(exc) from None

    return handler
