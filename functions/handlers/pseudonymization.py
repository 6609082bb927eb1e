"""The pseudonymization service (API Gateway REST API, IAM auth): parse, call, map errors.

``POST /pseudonymize`` ``{"domain" | "column", "values": [...]}`` -> ``{"tokens": [...]}``
``POST /reidentify`` ``{"domain" | "column", "tokens": [...]}`` -> ``{"values": [...]}``

Re-identification is a separate privilege: the API's resource policy lets only the role
in ``PIIGATE_REIDENTIFY_ROLE_ARN`` call its route, and this handler checks the signed
caller again. Every call is audited (caller, column or domain, count; never a value).
"""

from __future__ import annotations

import base64
import binascii
import json
import os
from typing import Any

from piigate import pseudonymize as lib
from piigate.aws import AwsSettings
from piigate.aws.service import ENV_REIDENTIFY_ROLE, approved, audit, caller_has_role
from piigate.errors import ConfigError, PiiGateError, SchemaError, TransformError, safe_reason


class _Refused(Exception):
    pass


def _response(status: int, body: dict[str, Any]) -> dict[str, Any]:
    return {"statusCode": status, "headers": {"Content-Type": "application/json"},
            "body": json.dumps(body, ensure_ascii=False)}


def _request(event: dict[str, Any], items: str) -> tuple[dict[str, str], Any]:
    body = event.get("body") or ""
    if event.get("isBase64Encoded"):
        try:
            body = base64.b64decode(body).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            raise ConfigError("the body is not base64 UTF-8 text", field="body") from None
    try:
        doc = json.loads(body)
    except (json.JSONDecodeError, RecursionError):
        raise ConfigError("the body is not JSON", field="body") from None
    if not isinstance(doc, dict):
        raise ConfigError("the body is not a JSON object", field="body")
    unknown = set(doc) - {"domain", "column", items}
    if unknown:
        raise ConfigError(f"unknown field {sorted(unknown)[0]!r}", field="body")
    names = {k: doc[k] for k in ("domain", "column") if doc.get(k) is not None}
    if len(names) != 1 or not all(isinstance(v, str) for v in names.values()):
        raise ConfigError("name either \"domain\" or \"column\" (table.column)", field="body")
    if items not in doc:
        raise ConfigError(f"the body has no {items!r} list", field=items)
    return names, doc[items]


def _serve(event: Any, action: str, items: str, out: str) -> dict[str, Any]:
    event = event if isinstance(event, dict) else {}
    ctx = event.get("requestContext") or {}
    caller = (ctx.get("identity") or {}).get("userArn")
    request_id = ctx.get("requestId")
    target: str | None = None
    count = 0
    try:
        allowed = action != "reidentify" or caller_has_role(
            caller, os.environ.get(ENV_REIDENTIFY_ROLE))
        try:
            names, values = _request(event, items)
        except ConfigError:
            if not allowed:
                raise _Refused() from None  # a refused caller learns nothing about the API
            raise
        # parsed first so that a refused attempt is audited with what it asked for
        target = next(f"{k} {v}" for k, v in names.items())
        count = len(values) if isinstance(values, list) else 0
        if not allowed:
            raise _Refused()
        schema, keyring = approved(AwsSettings.from_env())
        run = lib.reidentify if action == "reidentify" else lib.pseudonymize
        result = run(schema, keyring, values, **names)
    except _Refused:
        audit(action, caller=caller, target=target, count=count, outcome="refused",
              request_id=request_id)
        return _response(403, {"error": "re-identification is reserved to its role"})
    except PiiGateError as exc:
        status = 422 if isinstance(exc, TransformError) else 400
        if isinstance(exc, lib.BatchTooLarge):
            status = 413
        if isinstance(exc, SchemaError) and exc.file is not None:
            status = 503  # no approved schema yet, or one that does not match its hash
        audit(action, caller=caller, target=target, count=count, outcome="failed",
              request_id=request_id, reason=type(exc).__name__)
        return _response(status, {"error": exc.message, "where": exc.where or None})
    except Exception as exc:  # noqa: BLE001 - details may quote data: class only
        audit(action, caller=caller, target=target, count=count, outcome="failed",
              request_id=request_id, reason=type(exc).__name__)
        return _response(500, {"error": safe_reason(exc)})
    audit(action, caller=caller, target=target, count=count, outcome="ok",
          request_id=request_id)
    return _response(200, {out: result, "limit": lib.MAX_VALUES})


def pseudonymize(event: Any, context: Any = None) -> dict[str, Any]:
    return _serve(event, "pseudonymize", "values", "tokens")


def reidentify(event: Any, context: Any = None) -> dict[str, Any]:
    return _serve(event, "reidentify", "tokens", "values")
