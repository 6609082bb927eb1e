"""What every handler shares: settings, event fields, and errors safe to hand on.

Lambda reports a raised exception as ``{"errorType", "errorMessage", "stackTrace"}``,
and Step Functions puts that into the execution's history and our failure
notification. Errors pass :func:`piigate.aws.errors.safe_error` first (the Fargate
tasks use the same): our own value-free errors keep their class name, which is what
the state machine's Retry/Catch match (``TransientError`` is retried); anything else
becomes :class:`StepError` naming only its class.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from piigate.aws import AwsSettings
from piigate.aws.errors import StepError, need, safe_error
from piigate.errors import ConfigError, PiiGateError

Event = dict[str, Any]
Result = dict[str, Any]

__all__ = ["Event", "Result", "StepError", "need", "step"]


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
            raise safe_error(exc) from None

    return handler
