"""What the always-on functions share: the approved schema and keys, the caller, the audit.

The stream scrubber (Firehose) and the pseudonymization service run between pipeline
runs, so they read the *last approved* schema (``approved/latest.json`` in the
artifacts bucket, refused unless its hash is the approved hash) and the tokenization
secret, and keep both for ``PIIGATE_APPROVED_TTL`` seconds (default 300): a new
approval reaches them within that time without a redeploy.

Audit lines are one JSON object per line on stdout, which Lambda sends to CloudWatch
Logs as they are (Logs Insights reads the fields). They name the caller, the action,
the column or domain and a count; never a value or a token.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from ..errors import ConfigError, SchemaError
from ..keys import Keyring
from ..schema import Schema
from .config import AwsSettings

ENV_TTL = "PIIGATE_APPROVED_TTL"
ENV_REIDENTIFY_ROLE = "PIIGATE_REIDENTIFY_ROLE_ARN"

_LOCK = threading.Lock()
_CACHE: dict[str, Any] = {}

Loader = Callable[[AwsSettings], tuple[Schema, Keyring]]


def _load_from_aws(settings: AwsSettings) -> tuple[Schema, Keyring]:
    from . import artifacts, steps

    settings.require("bucket", "secret_id")
    latest = artifacts.latest_approved(settings.bucket)
    if not latest:
        raise SchemaError("no approved schema yet; approve one with a pipeline run first",
                          file=f"s3://{settings.bucket}/{artifacts.LATEST_APPROVED}")
    schema = steps.approved_schema(latest["location"], latest["schema_hash"], settings)
    return schema, steps.keyring(settings)


def approved(settings: AwsSettings, *, loader: Loader = _load_from_aws,
             now: Callable[[], float] = time.monotonic) -> tuple[Schema, Keyring]:
    """The last approved schema and the keyring, cached for ``PIIGATE_APPROVED_TTL``."""
    try:
        ttl = float(os.environ.get(ENV_TTL, "300"))
    except ValueError:
        raise ConfigError("not a number of seconds", field=ENV_TTL) from None
    with _LOCK:
        hit = _CACHE.get("approved")
        if hit is not None and now() - hit[0] < ttl:
            return hit[1]
        value = loader(settings)
        _CACHE["approved"] = (now(), value)
        return value


def forget_approved() -> None:
    """Drop the cached schema and keys (tests; a rotated secret)."""
    with _LOCK:
        _CACHE.clear()


# -- the caller --------------------------------------------------------------------------

_ROLE_ARN = re.compile(r"^arn:(aws[a-z-]*):iam::([0-9]{12}):role/(?:[^/]+/)*([^/]+)$")
_SESSION_ARN = re.compile(r"^arn:(aws[a-z-]*):sts::([0-9]{12}):assumed-role/([^/]+)/[^/]+$")


def caller_has_role(caller_arn: str | None, role_arn: str | None) -> bool:
    """Whether the SigV4 caller (``requestContext.identity.userArn``: an assumed-role
    session, or the role itself) is ``role_arn``. A session ARN drops the role's path,
    so account and name are compared; no role configured refuses everyone."""
    if not caller_arn or not role_arn:
        return False
    role = _ROLE_ARN.match(role_arn)
    if role is None:
        return False
    caller = _SESSION_ARN.match(caller_arn) or _ROLE_ARN.match(caller_arn)
    return caller is not None and caller.groups() == role.groups()


# -- audit -------------------------------------------------------------------------------


class _StdoutHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to the current ``sys.stdout`` (Lambda's log stream; a test's capture)."""

    def __init__(self) -> None:
        super().__init__()
        self.setFormatter(logging.Formatter("%(message)s"))

    @property  # type: ignore[override]
    def stream(self) -> Any:
        return sys.stdout

    @stream.setter
    def stream(self, value: Any) -> None:
        pass


def _audit_logger() -> logging.Logger:
    log = logging.getLogger("piigate.audit")
    log.setLevel(logging.INFO)
    log.propagate = False  # one line per call, not a second copy via the root logger
    if not any(isinstance(h, _StdoutHandler) for h in log.handlers):
        log.addHandler(_StdoutHandler())
    return log


def audit(action: str, *, caller: str | None, target: str | None, count: int,
          outcome: str, request_id: str | None = None, reason: str | None = None) -> None:
    """One structured audit line. Only names and counts: callers pass no value."""
    line = {
        "audit": action,
        "time": dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds"),
        "caller": caller,
        "target": target,
        "count": count,
        "outcome": outcome,
        "request_id": request_id,
    }
    if reason:
        line["reason"] = reason
    _audit_logger().info(json.dumps(line, sort_keys=True))
