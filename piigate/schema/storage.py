"""Where schemas are kept between steps: files on a laptop, S3 objects on AWS.

Both stores use content-addressed names (the schema hash is part of the name), so a
losing concurrent approval only leaves a harmless extra object and never overwrites
the winner's. The AWS steps and the review page read and write the same objects, so
the stores live here, below both.
"""

from __future__ import annotations

import json
import secrets
from pathlib import Path
from typing import Any, Protocol

from .. import cloud
from ..errors import ConfigError
from .model import Schema, load_schema, parse_schema, save_schema

MAX_SCHEMA_BYTES = 20 * 1024 * 1024


class SchemaStorage(Protocol):
    def put(self, schema: Schema, name: str) -> str: ...

    def get(self, location: str) -> Schema: ...


def _object_name(schema: Schema, name: str) -> str:
    digest = schema.hash().split(":", 1)[1][:16]
    return f"{name}-v{schema.version}-{digest}.json"


class FileSchemas:
    """Schemas as files under one directory; locations are absolute paths."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root).resolve()
        self.root.mkdir(parents=True, exist_ok=True)

    def put(self, schema: Schema, name: str) -> str:
        path = self.root / _object_name(schema, name)
        # a unique temporary name: concurrent writers of the same content must not collide
        tmp = path.with_name(f"{path.name}.{secrets.token_hex(6)}.tmp")
        save_schema(schema, tmp)
        tmp.replace(path)
        return str(path)

    def get(self, location: str) -> Schema:
        path = Path(location).resolve()
        if not path.is_file():
            raise ConfigError("schema file not found", file=location)
        return load_schema(path)


class S3Schemas:
    """Schemas as S3 objects ``s3://bucket/prefix/...``; the client is created lazily."""

    def __init__(self, bucket: str, prefix: str = "reviews/", *, client: Any | None = None):
        self.bucket = bucket
        self.prefix = prefix.strip("/") + "/" if prefix.strip("/") else ""
        self._client = client

    @property
    def client(self) -> Any:
        if self._client is None:
            self._client = cloud.client("s3")
        return self._client

    def put(self, schema: Schema, name: str) -> str:
        key = self.prefix + _object_name(schema, name)
        self.client.put_object(
            Bucket=self.bucket,
            Key=key,
            Body=schema.to_json().encode("utf-8"),
            ContentType="application/json",
        )
        return f"s3://{self.bucket}/{key}"

    def get(self, location: str) -> Schema:
        if not location.startswith("s3://") or "/" not in location[5:]:
            raise ConfigError("not an s3:// location", file=location)
        bucket, key = location[5:].split("/", 1)
        obj = self.client.get_object(Bucket=bucket, Key=key)
        if obj.get("ContentLength", 0) > MAX_SCHEMA_BYTES:
            raise ConfigError("the schema object is too large", file=location)
        return parse_schema(json.loads(obj["Body"].read()), file=location)
