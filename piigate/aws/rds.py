"""RDS steps of both sides: restore, poll, snapshot, re-encrypt, share, clean up, swap.

Each function does one small, idempotent thing and returns at once: the state machine
does the waiting (``Wait`` + :func:`status`), so a retried or repeated call finds the
work already done and carries on. Nothing here reads or returns row data.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..cloud import client
from ..errors import ConfigError
from . import names
from .config import AwsSettings
from .errors import ResourceMissing, TransientError

CREDENTIALS_TAG = "piigate:credentials"
READY = "ready"
PENDING = "pending"
FAILED = "failed"

_FAILED_INSTANCE = {
    "failed",
    "incompatible-restore",
    "incompatible-parameters",
    "incompatible-network",
    "inaccessible-encryption-credentials",
    "storage-full",
    "restore-error",
}
_FAILED_SNAPSHOT = {"failed", "error"}
_THROTTLED = {
    "Throttling",
    "ThrottlingException",
    "RequestLimitExceeded",
    "InvalidDBInstanceState",
    "InvalidDBInstanceStateFault",
    "InvalidDBSnapshotState",
    "InvalidDBSnapshotStateFault",
}


def _rds() -> Any:
    return client("rds")


def _code(exc: Exception) -> str:
    return str(getattr(exc, "response", {}).get("Error", {}).get("Code", ""))


def _call(what: str, fn: Callable[..., Any], **kwargs: Any) -> Any:
    """One RDS call; passing states and throttling become :class:`TransientError`."""
    from botocore.exceptions import ClientError

    try:
        return fn(**kwargs)
    except ClientError as exc:
        code = _code(exc)
        if code in _THROTTLED:
            raise TransientError(f"{code}; retry later", field=what) from None
        raise


def _run_tags(run_id: str) -> list[dict[str, str]]:
    return [{"Key": names.RUN_TAG, "Value": run_id}, {"Key": "piigate", "Value": "true"}]


def describe_instance(instance_id: str) -> dict[str, Any] | None:
    """The instance's description, or None when it does not exist."""
    from botocore.exceptions import ClientError

    try:
        found = _rds().describe_db_instances(DBInstanceIdentifier=instance_id)["DBInstances"]
    except ClientError as exc:
        if _code(exc) == "DBInstanceNotFound" or "NotFound" in _code(exc):
            return None
        raise
    return found[0] if found else None


def describe_snapshot(snapshot_id: str) -> dict[str, Any] | None:
    from botocore.exceptions import ClientError

    try:
        found = _rds().describe_db_snapshots(DBSnapshotIdentifier=snapshot_id)["DBSnapshots"]
    except ClientError as exc:
        if "NotFound" in _code(exc):
            return None
        raise
    return found[0] if found else None


def _tag(resource: dict[str, Any], key: str) -> str | None:
    for tag in resource.get("TagList") or []:
        if tag.get("Key") == key:
            return str(tag.get("Value"))
    return None


# -- producer ------------------------------------------------------------------------------


def latest_snapshot(instance_id: str) -> dict[str, Any]:
    """The newest available snapshot (automated or manual) of ``instance_id``."""
    pages = _rds().get_paginator("describe_db_snapshots").paginate(DBInstanceIdentifier=instance_id)
    snaps = [s for page in pages for s in page["DBSnapshots"] if s.get("Status") == "available"]
    if not snaps:
        raise ResourceMissing("no available snapshot of the source instance", field=instance_id)
    return max(snaps, key=lambda s: s["SnapshotCreateTime"])


def _restore(
    instance_id: str, snapshot_id: str, run_id: str, settings: AwsSettings, *, backups: bool
) -> None:
    if describe_instance(instance_id) is not None:
        return  # a retried call: the restore was already started
    kwargs: dict[str, Any] = {
        "DBInstanceIdentifier": instance_id,
        "DBSnapshotIdentifier": snapshot_id,
        "DBInstanceClass": settings.instance_class,
        "PubliclyAccessible": False,
        "MultiAZ": False,
        "DeletionProtection": False,
        "CopyTagsToSnapshot": False,
        "Tags": _run_tags(run_id),
    }
    if not backups:
        # no automated backups, hence no MySQL binlog holding pre-tokenization rows
        kwargs["BackupRetentionPeriod"] = 0
        kwargs.update(_temp_storage(settings))
    if settings.subnet_group:
        kwargs["DBSubnetGroupName"] = settings.subnet_group
    if settings.security_groups:
        kwargs["VpcSecurityGroupIds"] = list(settings.security_groups)
    _call(instance_id, _rds().restore_db_instance_from_db_snapshot, **kwargs)


def _temp_storage(settings: AwsSettings) -> dict[str, Any]:
    """The temporary instances' storage overrides (a big tokenization wants IOPS that
    production's storage may not have); unset ones keep the snapshot's."""
    out: dict[str, Any] = {}
    if settings.storage_type:
        out["StorageType"] = settings.storage_type
    if settings.allocated_storage:
        out["AllocatedStorage"] = settings.allocated_storage
    if settings.iops:
        out["Iops"] = settings.iops
    if settings.storage_throughput:
        out["StorageThroughput"] = settings.storage_throughput
    return out


def restore_temp(run_id: str, settings: AwsSettings) -> dict[str, Any]:
    """Restore the source's latest snapshot twice: the instance to tokenize, and an
    untouched reference that verification compares against. Both without backups."""
    settings.require("source_instance")
    snap = latest_snapshot(settings.source_instance)
    temp = names.temp_instance(run_id)
    ref = names.reference_instance(run_id)
    for instance_id in (temp, ref):
        _restore(instance_id, snap["DBSnapshotIdentifier"], run_id, settings, backups=False)
    return {
        "instance_id": temp,
        "reference_id": ref,
        "source_snapshot_id": snap["DBSnapshotIdentifier"],
    }


def set_master_password(instance_id: str, password: str) -> None:
    """Give a restored instance this account's master password, and mark it done (a
    retried step must not reset it again while the first change is applying)."""
    _call(
        instance_id,
        _rds().modify_db_instance,
        DBInstanceIdentifier=instance_id,
        MasterUserPassword=password,
        ApplyImmediately=True,
    )
    arn = describe_instance(instance_id)["DBInstanceArn"]  # type: ignore[index]
    _rds().add_tags_to_resource(ResourceName=arn, Tags=[{"Key": CREDENTIALS_TAG, "Value": "set"}])


def reset_temp_credentials(run_id: str, password: Callable[[], str]) -> dict[str, Any]:
    """Set the master password of both temporary instances from our secret.

    A restore keeps the snapshot's master password: production's, which is rotated on
    its own schedule and must not be what the run depends on. ``pending`` is true while
    a change is being applied; the state machine then polls the instances again.
    """
    pending = False
    for instance_id in (names.temp_instance(run_id), names.reference_instance(run_id)):
        inst = describe_instance(instance_id)
        if inst is None:
            raise ResourceMissing("the instance does not exist", field=instance_id)
        if _tag(inst, CREDENTIALS_TAG) is None:
            set_master_password(instance_id, password())
            pending = True
        elif inst.get("DBInstanceStatus") != "available" or (
            inst.get("PendingModifiedValues") or {}
        ).get("MasterUserPassword"):
            pending = True
    return {"pending": pending}


def _instance_status(instance_id: str) -> str:
    inst = describe_instance(instance_id)
    if inst is None:
        raise ResourceMissing("the instance does not exist", field=instance_id)
    state = inst.get("DBInstanceStatus", "")
    if state in _FAILED_INSTANCE:
        return FAILED
    return READY if state == "available" else PENDING


def _snapshot_status(snapshot_id: str) -> str:
    snap = describe_snapshot(snapshot_id)
    if snap is None:
        raise ResourceMissing("the snapshot does not exist", field=snapshot_id)
    state = snap.get("Status", "")
    if state in _FAILED_SNAPSHOT:
        return FAILED
    return READY if state == "available" else PENDING


def _macie_status(job_id: str) -> str:
    state = client("macie2").describe_classification_job(jobId=job_id).get("jobStatus", "")
    if state == "COMPLETE":
        return READY
    return FAILED if state in ("CANCELLED", "USER_PAUSED") else PENDING


def _run_instances_status(run_id: str) -> str:
    states = {
        _instance_status(names.temp_instance(run_id)),
        _instance_status(names.reference_instance(run_id)),
    }
    if FAILED in states:
        return FAILED
    return READY if states == {READY} else PENDING


_STATUS: dict[str, Callable[[str], str]] = {
    "instance": _instance_status,
    "run_instances": _run_instances_status,
    "snapshot": _snapshot_status,
    "macie_job": _macie_status,
}


def status(kind: str, resource_id: str, count: int = 0) -> dict[str, Any]:
    """One poll: ``{"status": ready|pending|failed, "count": count + 1}``."""
    if kind not in _STATUS:
        raise ConfigError(f"unknown kind of resource to poll: {kind}", field="kind")
    return {"status": _STATUS[kind](resource_id), "count": int(count) + 1}


def create_snapshot(run_id: str) -> dict[str, Any]:
    """Snapshot the tokenized temporary instance (after hygiene)."""
    snapshot_id = names.temp_snapshot(run_id)
    if describe_snapshot(snapshot_id) is None:
        _call(
            snapshot_id,
            _rds().create_db_snapshot,
            DBInstanceIdentifier=names.temp_instance(run_id),
            DBSnapshotIdentifier=snapshot_id,
            Tags=_run_tags(run_id),
        )
    return {"snapshot_id": snapshot_id}


def _run_snapshot(run_id: str, snapshot_id: str) -> dict[str, Any]:
    """The snapshot, refusing one that this run did not create."""
    if not snapshot_id.startswith(names.temp_snapshot(run_id, "")[:-1]):
        raise ConfigError("not a snapshot of this run", field=snapshot_id)
    snap = describe_snapshot(snapshot_id)
    if snap is None:
        raise ResourceMissing("the snapshot does not exist", field=snapshot_id)
    return snap


def ensure_cmk(run_id: str, snapshot_id: str, settings: AwsSettings) -> dict[str, Any]:
    """Copy the snapshot under the configured customer key unless it already is under it.

    Snapshots under the default ``aws/rds`` key cannot be shared, and unencrypted ones
    must not be: anything but the configured key gets a re-encrypted copy.
    """
    settings.require("kms_key_arn")
    snap = _run_snapshot(run_id, snapshot_id)
    if snap.get("Encrypted") and snap.get("KmsKeyId") == settings.kms_key_arn:
        return {"snapshot_id": snapshot_id, "copied": False}
    target = names.temp_snapshot(run_id, "cmk")
    if describe_snapshot(target) is None:
        _call(
            target,
            _rds().copy_db_snapshot,
            SourceDBSnapshotIdentifier=snapshot_id,
            TargetDBSnapshotIdentifier=target,
            KmsKeyId=settings.kms_key_arn,
            CopyTags=False,
            Tags=_run_tags(run_id),
        )
    return {"snapshot_id": target, "copied": True}


def _restore_accounts(snapshot_id: str) -> list[str]:
    attrs = _rds().describe_db_snapshot_attributes(DBSnapshotIdentifier=snapshot_id)
    for attr in attrs["DBSnapshotAttributesResult"].get("DBSnapshotAttributes", []):
        if attr.get("AttributeName") == "restore":
            return list(attr.get("AttributeValues") or [])
    return []


def share_snapshot(run_id: str, snapshot_id: str, settings: AwsSettings) -> dict[str, Any]:
    """Add the restore attribute for the pre-production account, and only for it.

    Refuses a snapshot that is not available or not under the configured key; if the
    snapshot ends up shared with anyone else (``all`` included), those are removed and
    the step fails.
    """
    settings.require("kms_key_arn", "preprod_account")
    snap = _run_snapshot(run_id, snapshot_id)
    if snap.get("Status") != "available":
        raise TransientError("the snapshot is not available yet", field=snapshot_id)
    if not snap.get("Encrypted") or snap.get("KmsKeyId") != settings.kms_key_arn:
        raise ConfigError(
            "refusing to share a snapshot not under the configured key", field=snapshot_id
        )
    _call(
        snapshot_id,
        _rds().modify_db_snapshot_attribute,
        DBSnapshotIdentifier=snapshot_id,
        AttributeName="restore",
        ValuesToAdd=[settings.preprod_account],
    )
    others = [a for a in _restore_accounts(snapshot_id) if a != settings.preprod_account]
    if others:
        _rds().modify_db_snapshot_attribute(
            DBSnapshotIdentifier=snapshot_id, AttributeName="restore", ValuesToRemove=others
        )
        raise ConfigError(
            "the snapshot was shared beyond the pre-production account; "
            "the extra accounts were removed",
            field=snapshot_id,
        )
    return {"snapshot_id": snapshot_id, "snapshot_arn": snap["DBSnapshotArn"], "shared_with": 1}


def _delete_instance(instance_id: str) -> int:
    if describe_instance(instance_id) is None:
        return 0
    _call(
        instance_id,
        _rds().delete_db_instance,
        DBInstanceIdentifier=instance_id,
        SkipFinalSnapshot=True,
        DeleteAutomatedBackups=True,
    )
    return 1


def _delete_snapshot(snapshot_id: str) -> int:
    if describe_snapshot(snapshot_id) is None:
        return 0
    _call(snapshot_id, _rds().delete_db_snapshot, DBSnapshotIdentifier=snapshot_id)
    return 1


def cleanup_run(run_id: str, keep_snapshot_id: str | None = None) -> dict[str, int]:
    """Delete the run's temporary instances and every snapshot of the run except the one
    that was shared and announced (``keep_snapshot_id``, only on success)."""
    instances = sum(
        _delete_instance(i) for i in (names.temp_instance(run_id), names.reference_instance(run_id))
    )
    snaps = [names.temp_snapshot(run_id), names.temp_snapshot(run_id, "cmk")]
    deleted = sum(_delete_snapshot(s) for s in snaps if s != keep_snapshot_id)
    return {"instances_deleted": instances, "snapshots_deleted": deleted}


# -- importer ------------------------------------------------------------------------------

_SNAPSHOT_ARN = re.compile(
    r"^arn:aws[a-z-]*:rds:[a-z0-9-]+:(?P<account>[0-9]{12}):snapshot:(?P<name>piigate-tmp-[a-z0-9-]+)$"
)


def check_shared_arn(arn: str, producer_account: str) -> None:
    """A shared snapshot must be a PII Gate snapshot of the configured producer account."""
    m = _SNAPSHOT_ARN.match(arn or "")
    if not m or (producer_account and m["account"] != producer_account):
        from .errors import RefusedEvent

        raise RefusedEvent(
            "the snapshot is not a PII Gate snapshot of the producer account",
            field="detail.snapshot_arn",
        )


def copy_shared(run_id: str, snapshot_arn: str, settings: AwsSettings) -> dict[str, Any]:
    """Copy the shared snapshot into this account under our own key (``KmsKeyId``)."""
    settings.require("kms_key_arn")
    check_shared_arn(snapshot_arn, settings.producer_account)
    target = names.import_snapshot(run_id)
    if describe_snapshot(target) is None:
        _call(
            target,
            _rds().copy_db_snapshot,
            SourceDBSnapshotIdentifier=snapshot_arn,
            TargetDBSnapshotIdentifier=target,
            KmsKeyId=settings.kms_key_arn,
            CopyTags=False,
            Tags=_run_tags(run_id),
        )
    return {"copy_id": target}


def restore_import(run_id: str, snapshot_id: str, settings: AwsSettings) -> dict[str, Any]:
    """Restore the copy as ``piigate-import-<run>``, beside the instance it will replace."""
    if snapshot_id != names.import_snapshot(run_id):
        raise ConfigError("not the snapshot copy of this run", field=snapshot_id)
    instance_id = names.import_instance(run_id)
    _restore(instance_id, snapshot_id, run_id, settings, backups=True)
    return {"instance_id": instance_id}


def cleanup_import(run_id: str) -> dict[str, int]:
    """Delete the run's snapshot copy and a new instance that was never swapped in."""
    instances = _delete_instance(names.import_instance(run_id))
    snaps = _delete_snapshot(names.import_snapshot(run_id))
    return {"instances_deleted": instances, "snapshots_deleted": snaps}


# -- retention and leftovers -----------------------------------------------------------------


def _manual_snapshots() -> list[dict[str, Any]]:
    pages = _rds().get_paginator("describe_db_snapshots").paginate(SnapshotType="manual")
    return [s for page in pages for s in page["DBSnapshots"]]


def prune_shared(keep: int, current: str) -> int:
    """Delete the oldest shared PII Gate snapshots beyond the newest ``keep``.

    Each successful run leaves one full copy of the database shared with pre-production;
    ``current`` (the one just announced) always stays. Unshared leftovers are the
    sweeper's. Returns how many were deleted.
    """
    if keep < 1:
        raise ConfigError("must keep at least the new snapshot", field="PIIGATE_KEEP_SHARED")
    shared = [
        s
        for s in _manual_snapshots()
        if s["DBSnapshotIdentifier"].startswith(names.TEMP_PREFIX)
        and s["DBSnapshotIdentifier"] != current
        and s.get("Status") == "available"
        and _restore_accounts(s["DBSnapshotIdentifier"])
    ]
    shared.sort(key=lambda s: (s["SnapshotCreateTime"], s["DBSnapshotIdentifier"]), reverse=True)
    return sum(_delete_snapshot(s["DBSnapshotIdentifier"]) for s in shared[keep - 1 :])


_SWEPT = (names.TEMP_PREFIX, names.IMPORT_PREFIX)


def sweep(older_than_hours: int, now: Any = None) -> dict[str, int]:
    """Delete leftover ``piigate-tmp-*`` / ``piigate-import-*`` instances and unshared
    snapshots created more than ``older_than_hours`` ago.

    A run's cleanup retries for minutes only: an instance still being created then, or a
    run stopped before its cleanup, leaves resources behind. The bound keeps this away
    from runs in progress (longer than any run's own timeouts). An instance that cannot
    be deleted yet (still creating, modifying) is counted as waiting and tried on the
    next sweep. Shared snapshots are kept (:func:`prune_shared` handles those).
    """
    import datetime as dt

    from botocore.exceptions import ClientError

    if older_than_hours < 1:
        raise ConfigError("must be at least one hour", field="PIIGATE_SWEEP_AFTER_HOURS")
    now = now or dt.datetime.now(dt.UTC)
    bound = now - dt.timedelta(hours=older_than_hours)
    deleted_instances = deleted_snapshots = waiting = 0
    pages = _rds().get_paginator("describe_db_instances").paginate()
    for inst in (i for page in pages for i in page["DBInstances"]):
        ident = inst["DBInstanceIdentifier"]
        created = inst.get("InstanceCreateTime")
        if not ident.startswith(_SWEPT) or inst.get("DBInstanceStatus") == "deleting":
            continue
        if created is not None and created > bound:
            continue
        try:
            deleted_instances += _delete_instance(ident)
        except (TransientError, ClientError):
            waiting += 1  # not deletable yet: the next sweep tries again
    for snap in _manual_snapshots():
        ident = snap["DBSnapshotIdentifier"]
        created = snap.get("SnapshotCreateTime")
        if not ident.startswith(_SWEPT) or (created is not None and created > bound):
            continue
        if snap.get("Status") != "available":
            waiting += 1
            continue
        if _restore_accounts(ident):
            continue
        try:
            deleted_snapshots += _delete_snapshot(ident)
        except (TransientError, ClientError):
            waiting += 1
    return {
        "instances_deleted": deleted_instances,
        "snapshots_deleted": deleted_snapshots,
        "waiting": waiting,
    }
