"""The run's artifacts in the one S3 bucket: JSON documents addressed by s3:// location.

Layout: ``runs/<run>/<name>.json`` for a run's findings, work plan and verification
report; ``reviews/`` for proposals and approved schemas (the approval gate's
:class:`piigate.schema.storage.S3Schemas`); ``approved/latest.json`` points at the last
approved schema, which the next run proposes against.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from ..cloud import client
from ..errors import ConfigError

MAX_DOC_BYTES = 50 * 1024 * 1024
LATEST_APPROVED = "approved/latest.json"


def split_location(location: str) -> tuple[str, str]:
    if (
        not isinstance(location, str)
        or not location.startswith("s3://")
        or ("/" not in location[5:])
    ):
        raise ConfigError("not an s3:// location", file=str(location)[:200])
    bucket, key = location[5:].split("/", 1)
    return bucket, key


def digest(body: bytes) -> str:
    return "sha256:" + hashlib.sha256(body).hexdigest()


def put_json(bucket: str, key: str, doc: Any) -> tuple[str, str]:
    """Store ``doc``; returns its location and the hash of the stored bytes."""
    body = json.dumps(doc, sort_keys=True, separators=(",", ":"), default=str).encode()
    client("s3").put_object(Bucket=bucket, Key=key, Body=body, ContentType="application/json")
    return f"s3://{bucket}/{key}", digest(body)


def get_json(location: str) -> Any:
    bucket, key = split_location(location)
    obj = client("s3").get_object(Bucket=bucket, Key=key)
    if obj.get("ContentLength", 0) > MAX_DOC_BYTES:
        raise ConfigError("the document is too large", file=location)
    return json.loads(obj["Body"].read())


def run_key(run_id: str, name: str) -> str:
    return f"runs/{run_id}/{name}.json"


def latest_approved(bucket: str) -> dict[str, str] | None:
    """``{"location", "schema_hash"}`` of the last approved schema, or None."""
    from botocore.exceptions import ClientError

    try:
        return get_json(f"s3://{bucket}/{LATEST_APPROVED}")
    except ClientError as exc:
        if exc.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
            return None
        raise
