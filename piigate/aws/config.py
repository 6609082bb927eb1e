"""Settings of the AWS side: explicit argument > ``PIIGATE_*`` environment > default.

The template sets the environment of every function; a handler builds
``AwsSettings.from_env()`` once and asks for what its step needs with
:meth:`AwsSettings.require`, which names the missing variables (never their values).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, fields
from typing import Any

from ..errors import ConfigError

_ENV = {
    "source_instance": "PIIGATE_SOURCE_INSTANCE",
    "engine": "PIIGATE_ENGINE",
    "kms_key_arn": "PIIGATE_KMS_KEY_ARN",
    "data_key_arn": "PIIGATE_DATA_KEY_ARN",
    "subnet_group": "PIIGATE_SUBNET_GROUP",
    "security_groups": "PIIGATE_SECURITY_GROUPS",
    "instance_class": "PIIGATE_INSTANCE_CLASS",
    "preprod_account": "PIIGATE_PREPROD_ACCOUNT",
    "producer_account": "PIIGATE_PRODUCER_ACCOUNT",
    "event_bus_arn": "PIIGATE_EVENT_BUS_ARN",
    "bucket": "PIIGATE_BUCKET",
    "db_secret_arn": "PIIGATE_DB_SECRET_ARN",
    "users_secret_arn": "PIIGATE_DB_USERS_SECRET_ARN",
    "secret_id": "PIIGATE_SECRET_ID",
    "user_allowlist": "PIIGATE_DB_USER_ALLOWLIST",
    "failure_topic_arn": "PIIGATE_FAILURE_TOPIC_ARN",
    "sample_size": "PIIGATE_SAMPLE_SIZE",
    "lock_table": "PIIGATE_LOCK_TABLE",
    "keep_shared": "PIIGATE_KEEP_SHARED",
    "sweep_after_hours": "PIIGATE_SWEEP_AFTER_HOURS",
    "storage_type": "PIIGATE_STORAGE_TYPE",
    "allocated_storage": "PIIGATE_ALLOCATED_STORAGE",
    "iops": "PIIGATE_IOPS",
    "storage_throughput": "PIIGATE_STORAGE_THROUGHPUT",
    "tokenize_ranges": "PIIGATE_TOKENIZE_RANGES",
}
_LISTS = {"security_groups", "user_allowlist"}
_INTS = {"sample_size", "allocated_storage", "iops", "storage_throughput", "keep_shared",
         "sweep_after_hours", "tokenize_ranges"}
_ACCOUNT = re.compile(r"^[0-9]{12}$")


def _split(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split(",") if v.strip())
    return tuple(value or ())


@dataclass(frozen=True)
class AwsSettings:
    """What the AWS adapters need to know; every field may be empty until required."""

    source_instance: str = ""
    engine: str = "postgres"
    kms_key_arn: str = ""  # shared snapshots (producer) / their copies (importer)
    data_key_arn: str = ""  # what stays in this account: extract, bucket, secrets
    subnet_group: str = ""
    security_groups: tuple[str, ...] = field(default_factory=tuple)
    instance_class: str = "db.t3.medium"
    preprod_account: str = ""
    producer_account: str = ""
    event_bus_arn: str = ""
    bucket: str = ""
    db_secret_arn: str = ""
    users_secret_arn: str = ""  # importer: {"user": "password"} for allow-listed users
    secret_id: str = ""
    user_allowlist: tuple[str, ...] = field(default_factory=tuple)
    failure_topic_arn: str = ""
    sample_size: int = 200
    lock_table: str = ""
    keep_shared: int = 3  # shared snapshots kept after a successful run, the new one included
    sweep_after_hours: int = 48  # leftovers older than this are deleted by the sweeper
    # the temporary instances' storage; empty / 0: as the snapshot has it
    storage_type: str = ""
    allocated_storage: int = 0
    iops: int = 0
    storage_throughput: int = 0
    # value ranges per key domain and primary-key ranges per table (piigate.writer.units)
    tokenize_ranges: int = 1

    @classmethod
    def from_env(cls, **explicit: Any) -> AwsSettings:
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = explicit.get(f.name)
            if raw is None:
                raw = os.environ.get(_ENV[f.name]) or None
            if raw is None:
                continue
            if f.name in _LISTS:
                raw = _split(raw)
            elif f.name in _INTS:
                try:
                    raw = int(raw)
                except (TypeError, ValueError):
                    raise ConfigError("not a whole number", field=_ENV[f.name]) from None
            values[f.name] = raw
        settings = cls(**values)
        settings._check()
        return settings

    def _check(self) -> None:
        for name in ("preprod_account", "producer_account"):
            value = getattr(self, name)
            if value and not _ACCOUNT.match(value):
                raise ConfigError("not a 12-digit account id", field=_ENV[name])
        for name in _INTS:
            if getattr(self, name) < 0:
                raise ConfigError("must not be negative", field=_ENV[name])
        if self.keep_shared < 1:
            raise ConfigError("must keep at least the new snapshot", field=_ENV["keep_shared"])
        if self.storage_type and self.storage_type not in ("gp2", "gp3", "io1", "io2"):
            raise ConfigError("must be gp2, gp3, io1 or io2", field=_ENV["storage_type"])
        if self.engine not in ("postgres", "mysql", "mariadb"):
            raise ConfigError("must be postgres, mysql or mariadb", field=_ENV["engine"])

    def require(self, *names: str) -> None:
        """Fail closed, naming every missing variable, before anything is changed."""
        missing = [_ENV[n] for n in names if not getattr(self, n)]
        if missing:
            raise ConfigError(f"missing configuration: {', '.join(missing)}")
