"""piigate.aws under moto: restore, poll, snapshot, re-encrypt, share, event, clean up,
and the importer's copy, restore, swap and rollback."""

from __future__ import annotations

import json
from pathlib import Path

import boto3
import pytest
from moto import mock_aws

from piigate.aws import AwsSettings, RefusedEvent, ResourceMissing, names, rds, reset_clients
from piigate.aws.events import accept_event, publish_snapshot_event
from piigate.aws.swap import rollback_step, swap_step
from piigate.errors import ConfigError
from tests.functional.conftest import create_instance

REGION = "eu-west-1"
PREPROD = "222222222222"
HASH = "sha256:" + "ab" * 32
REPORT = "sha256:" + "cd" * 32


@pytest.fixture
def aws(aws_credentials):
    reset_clients()
    with mock_aws():
        yield
    reset_clients()


@pytest.fixture
def cmk(aws) -> str:
    return boto3.client("kms").create_key(Description="piigate")["KeyMetadata"]["Arn"]


@pytest.fixture
def source(aws) -> str:
    r = boto3.client("rds")
    create_instance(r, "prod-db", StorageEncrypted=True, DBName="app")
    r.create_db_snapshot(DBInstanceIdentifier="prod-db", DBSnapshotIdentifier="prod-db-manual")
    return "prod-db"


@pytest.fixture
def settings(cmk, source) -> AwsSettings:
    bus = boto3.client("events").create_event_bus(Name="piigate")["EventBusArn"]
    return AwsSettings(
        source_instance=source,
        kms_key_arn=cmk,
        preprod_account=PREPROD,
        event_bus_arn=bus,
        security_groups=("sg-0123456789abcdef0",),
    )


def _instances() -> set[str]:
    return {
        i["DBInstanceIdentifier"]
        for i in boto3.client("rds").describe_db_instances()["DBInstances"]
    }


def _snapshots() -> set[str]:
    return {
        s["DBSnapshotIdentifier"]
        for s in boto3.client("rds").describe_db_snapshots(SnapshotType="manual")["DBSnapshots"]
    }


def test_names_fit_rds_rules():
    long_run = "Run_" + "x" * 90
    for make in (
        names.temp_instance,
        names.reference_instance,
        names.import_instance,
        names.old_instance,
        names.import_snapshot,
    ):
        for run in ("abc", long_run, "UPPER--and__under", "1234-uuid-like"):
            ident = make(run)
            assert len(ident) <= 63 and ident[0].isalpha()
            assert "--" not in ident and not ident.endswith("-")
    assert names.temp_instance(long_run) != names.temp_instance(long_run + "y")


def _capture(operation: str) -> list[dict]:
    """The parameters of every ``operation`` call made through the adapter's client."""
    seen: list[dict] = []
    rds._rds().meta.events.register(
        f"provide-client-params.rds.{operation}", lambda params, **_: seen.append(dict(params))
    )
    return seen


def test_restore_uses_latest_snapshot_twice_without_backups(settings):
    calls = _capture("RestoreDBInstanceFromDBSnapshot")
    out = rds.restore_temp("run1", settings)
    assert out["instance_id"] == "piigate-tmp-run1"
    assert out["reference_id"] == "piigate-tmp-run1-ref"
    latest = rds.latest_snapshot("prod-db")["DBSnapshotIdentifier"]
    assert out["source_snapshot_id"] == latest
    inst = boto3.client("rds").describe_db_instances(DBInstanceIdentifier="piigate-tmp-run1")[
        "DBInstances"
    ][0]
    assert {"Key": names.RUN_TAG, "Value": "run1"} in inst["TagList"]
    assert len(calls) == 2
    for call in calls:
        assert call["BackupRetentionPeriod"] == 0  # no MySQL binlog of the original rows
        assert call["PubliclyAccessible"] is False and call["DeletionProtection"] is False
        assert call["VpcSecurityGroupIds"] == ["sg-0123456789abcdef0"]
    # idempotent: a retried call does not fail on the existing instances
    assert rds.restore_temp("run1", settings) == out
    assert rds.status("run_instances", "run1", 3) == {"status": "ready", "count": 4}


def test_restore_applies_the_temporary_storage_settings(cmk, source):
    from dataclasses import replace

    calls = _capture("RestoreDBInstanceFromDBSnapshot")
    settings = replace(
        AwsSettings(source_instance=source, kms_key_arn=cmk),
        storage_type="io2", allocated_storage=500, iops=12000,
    )
    rds.restore_temp("run-io", settings)
    assert len(calls) == 2
    for call in calls:
        assert (call["StorageType"], call["AllocatedStorage"], call["Iops"]) == ("io2", 500, 12000)
        assert "StorageThroughput" not in call
    # unset: the snapshot's storage
    calls.clear()
    rds.restore_temp("run-plain", AwsSettings(source_instance=source, kms_key_arn=cmk))
    assert not {"StorageType", "AllocatedStorage", "Iops"} & set(calls[0])


def test_temporary_instances_get_our_master_password_once(settings):
    """The restore keeps production's master password, which production rotates."""
    rds.restore_temp("run-pw", settings)
    calls = _capture("ModifyDBInstance")
    asked = []

    def password() -> str:
        asked.append(1)
        return "our-password"

    assert rds.reset_temp_credentials("run-pw", password) == {"pending": True}
    assert sorted(c["DBInstanceIdentifier"] for c in calls) == [
        "piigate-tmp-run-pw", "piigate-tmp-run-pw-ref"
    ]
    assert all(c["MasterUserPassword"] == "our-password" for c in calls)
    # done and applied: a second call changes nothing and lets the run go on
    assert rds.reset_temp_credentials("run-pw", password) == {"pending": False}
    assert len(calls) == 2 and len(asked) == 2
    with pytest.raises(ResourceMissing):
        rds.reset_temp_credentials("run-none", password)


def test_restore_without_snapshot_fails_naming_the_instance(aws):
    with pytest.raises(ResourceMissing, match="nope"):
        rds.latest_snapshot("nope")


def test_status_of_missing_and_unknown(aws):
    with pytest.raises(ResourceMissing):
        rds.status("instance", "piigate-tmp-none")
    with pytest.raises(ConfigError):
        rds.status("bucket", "x")


def test_default_key_snapshot_is_copied_under_the_cmk_then_shared_only_with_preprod(settings):
    rds.restore_temp("run2", settings)
    snap = rds.create_snapshot("run2")["snapshot_id"]
    # the temp instance inherits the source's default key: sharing it is refused
    with pytest.raises(ConfigError, match="configured key"):
        rds.share_snapshot("run2", snap, settings)
    out = rds.ensure_cmk("run2", snap, settings)
    assert out["copied"] is True and out["snapshot_id"] == "piigate-tmp-run2-cmk"
    copy = rds.describe_snapshot(out["snapshot_id"])
    assert copy["KmsKeyId"] == settings.kms_key_arn
    # already under the CMK: no second copy
    assert rds.ensure_cmk("run2", out["snapshot_id"], settings) == {
        "snapshot_id": out["snapshot_id"],
        "copied": False,
    }
    shared = rds.share_snapshot("run2", out["snapshot_id"], settings)
    assert shared["snapshot_arn"].endswith(":snapshot:piigate-tmp-run2-cmk")
    assert rds._restore_accounts(out["snapshot_id"]) == [PREPROD]


def test_share_removes_and_fails_on_any_other_account(settings):
    rds.restore_temp("run3", settings)
    snap = rds.ensure_cmk("run3", rds.create_snapshot("run3")["snapshot_id"], settings)
    boto3.client("rds").modify_db_snapshot_attribute(
        DBSnapshotIdentifier=snap["snapshot_id"], AttributeName="restore", ValuesToAdd=["all"]
    )
    with pytest.raises(ConfigError, match="beyond"):
        rds.share_snapshot("run3", snap["snapshot_id"], settings)
    assert rds._restore_accounts(snap["snapshot_id"]) == [PREPROD]


def test_snapshot_of_another_run_is_refused(settings):
    with pytest.raises(ConfigError, match="not a snapshot of this run"):
        rds.ensure_cmk("run4", "prod-db-manual", settings)


def test_cleanup_deletes_instances_and_unshared_snapshots(settings):
    rds.restore_temp("run5", settings)
    first = rds.create_snapshot("run5")["snapshot_id"]
    kept = rds.ensure_cmk("run5", first, settings)["snapshot_id"]
    out = rds.cleanup_run("run5", keep_snapshot_id=kept)
    assert out == {"instances_deleted": 2, "snapshots_deleted": 1}
    assert not {i for i in _instances() if i.startswith("piigate-tmp-run5")}
    assert kept in _snapshots() and first not in _snapshots()
    assert "prod-db" in _instances() and "prod-db-manual" in _snapshots()
    # after a failure nothing is kept; a second cleanup finds nothing left
    assert rds.cleanup_run("run5")["snapshots_deleted"] == 1
    assert rds.cleanup_run("run5") == {"instances_deleted": 0, "snapshots_deleted": 0}


def _capture_bus(bus_name: str = "piigate") -> str:
    """A rule sending the bus's events to a queue, to read what was put."""
    sqs = boto3.client("sqs")
    url = sqs.create_queue(QueueName="seen")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"
    ]
    ev = boto3.client("events")
    ev.put_rule(
        Name="all", EventBusName=bus_name, EventPattern=json.dumps({"source": ["piigate.producer"]})
    )
    ev.put_targets(Rule="all", EventBusName=bus_name, Targets=[{"Id": "q", "Arn": arn}])
    return url


def test_event_carries_arn_hash_and_verification_only(settings):
    url = _capture_bus()
    arn = "arn:aws:rds:eu-west-1:111111111111:snapshot:piigate-tmp-run6-cmk"
    out = publish_snapshot_event(
        "run6", arn, HASH, {"passed": True, "report_hash": REPORT}, settings
    )
    assert out["event_id"]
    msgs = boto3.client("sqs").receive_message(QueueUrl=url)["Messages"]
    event = json.loads(msgs[0]["Body"])
    assert event["detail"] == {
        "run_id": "run6",
        "snapshot_arn": arn,
        "schema_hash": HASH,
        "verification": {"passed": True, "report_hash": REPORT},
    }


@pytest.mark.parametrize(
    "verification",
    [
        {"passed": False, "report_hash": REPORT},
        {"report_hash": REPORT},
        {"passed": "true"},
        None,
        {"passed": True},
    ],
)
def test_no_event_without_a_passed_verification(settings, verification):
    with pytest.raises(RefusedEvent):
        publish_snapshot_event("run7", "arn", HASH, verification, settings)


PRODUCER = "111111111111"
GOOD_EVENT = {
    "source": "piigate.producer",
    "detail-type": "TokenizedSnapshotShared",
    "account": PRODUCER,
    "detail": {
        "snapshot_arn": f"arn:aws:rds:eu-west-1:{PRODUCER}:snapshot:piigate-tmp-r-cmk",
        "schema_hash": HASH,
        "verification": {"passed": True, "report_hash": REPORT},
    },
}


def _variant(path: str, value):
    event = json.loads(json.dumps(GOOD_EVENT))
    *head, last = path.split(".")
    node = event
    for part in head:
        node = node[part]
    if value is KeyError:
        del node[last]
    else:
        node[last] = value
    return event


def test_importer_accepts_a_verified_event():
    s = AwsSettings(producer_account=PRODUCER)
    assert accept_event(GOOD_EVENT, s)["schema_hash"] == HASH


@pytest.mark.parametrize(
    "path, value",
    [
        ("detail.verification.passed", False),
        ("detail.verification.passed", KeyError),
        ("detail.verification", KeyError),
        ("detail.schema_hash", "md5:abc"),
        ("detail.snapshot_arn", "arn:aws:rds:eu-west-1:333333333333:snapshot:piigate-tmp-r"),
        ("detail.snapshot_arn", f"arn:aws:rds:eu-west-1:{PRODUCER}:snapshot:prod-db-manual"),
        ("account", "333333333333"),
        ("source", "someone.else"),
    ],
)
def test_importer_refuses_events(path, value):
    with pytest.raises(RefusedEvent) as err:
        accept_event(_variant(path, value), AwsSettings(producer_account=PRODUCER))
    assert "sha256" not in str(err.value)


# -- importer ------------------------------------------------------------------------------


@pytest.fixture
def preprod(aws, cmk):
    """The pre-production target and a snapshot copied as the importer would."""
    r = boto3.client("rds")
    create_instance(r, "preprod-db")
    r.create_db_snapshot(DBInstanceIdentifier="preprod-db", DBSnapshotIdentifier="piigate-tmp-x")
    settings = AwsSettings(source_instance="preprod-db", kms_key_arn=cmk)
    copy = rds._rds().copy_db_snapshot(
        SourceDBSnapshotIdentifier="piigate-tmp-x",
        TargetDBSnapshotIdentifier=names.import_snapshot("imp"),
        KmsKeyId=cmk,
    )
    assert copy["DBSnapshot"]["KmsKeyId"] == cmk
    rds.restore_import("imp", names.import_snapshot("imp"), settings)
    return settings


def _run(step, *args, limit: int = 10):
    phases = []
    for count in range(limit):
        out = step(*args, count=count)
        phases.append(out["phase"])
        if out["done"]:
            return phases
    raise AssertionError(phases)


def test_copy_shared_uses_our_key(aws, cmk):
    s = AwsSettings(kms_key_arn=cmk, producer_account="123456789012")
    r = boto3.client("rds")
    create_instance(r, "piigate-tmp-src")
    r.create_db_snapshot(
        DBInstanceIdentifier="piigate-tmp-src", DBSnapshotIdentifier="piigate-tmp-src-cmk"
    )
    arn = rds.describe_snapshot("piigate-tmp-src-cmk")["DBSnapshotArn"]
    out = rds.copy_shared("imp2", arn, s)
    assert rds.describe_snapshot(out["copy_id"])["KmsKeyId"] == cmk


def test_swap_renames_old_aside_new_in_then_deletes_old(preprod):
    phases = _run(swap_step, "imp", preprod)
    assert phases == ["old-aside", "new-in", "done"]
    now = rds.describe_instance("preprod-db")
    assert {"Key": names.RUN_TAG, "Value": "imp"} in now["TagList"]
    assert _instances() == {"preprod-db"}
    assert rds.cleanup_import("imp") == {"instances_deleted": 0, "snapshots_deleted": 1}


def test_failed_check_rolls_back_to_the_old_instance(preprod):
    def refuse(inst):
        raise ResourceMissing("does not answer", field=inst["DBInstanceIdentifier"])

    assert swap_step("imp", preprod, 0, probe=refuse)["phase"] == "old-aside"
    assert swap_step("imp", preprod, 1, probe=refuse)["phase"] == "new-in"
    with pytest.raises(ResourceMissing):
        swap_step("imp", preprod, 2, probe=refuse)
    assert _run(rollback_step, "imp", preprod) == ["new-out", "old-back", "nothing-to-undo"]
    assert rds._tag(rds.describe_instance("preprod-db"), names.RUN_TAG) is None  # the old one
    assert rds.cleanup_import("imp") == {"instances_deleted": 1, "snapshots_deleted": 1}
    assert _instances() == {"preprod-db"}


def test_rollback_before_any_rename_changes_nothing(preprod):
    assert _run(rollback_step, "imp", preprod) == ["nothing-to-undo"]
    assert _instances() == {"preprod-db", names.import_instance("imp")}


def test_first_import_without_a_target(aws, cmk):
    r = boto3.client("rds")
    create_instance(r, "seed")
    r.create_db_snapshot(
        DBInstanceIdentifier="seed", DBSnapshotIdentifier=names.import_snapshot("f")
    )
    s = AwsSettings(source_instance="fresh-db", kms_key_arn=cmk)
    rds.restore_import("f", names.import_snapshot("f"), s)
    assert _run(swap_step, "f", s) == ["new-in", "done"]
    assert "fresh-db" in _instances()


def test_swap_gives_the_new_instance_our_master_password_first(preprod):
    from piigate.aws.swap import CREDENTIALS_TAG

    calls = _capture("ModifyDBInstance")
    phases = []
    for count in range(10):
        out = swap_step("imp", preprod, count, password=lambda: "pre-prod-password")
        phases.append(out["phase"])
        if out["done"]:
            break
    assert phases == ["credentials", "old-aside", "new-in", "done"]
    assert calls[0]["DBInstanceIdentifier"] == names.import_instance("imp")
    assert calls[0]["MasterUserPassword"] == "pre-prod-password"
    assert rds._tag(rds.describe_instance("preprod-db"), CREDENTIALS_TAG) == "set"


EVENTS = Path(__file__).resolve().parents[1] / "fixtures" / "events"


def test_sample_event_is_accepted():
    event = json.loads((EVENTS / "shared_snapshot.json").read_text())
    out = accept_event(event, AwsSettings(producer_account="111111111111"))
    assert out["snapshot_arn"] == event["detail"]["snapshot_arn"]


def test_template_rule_takes_verified_events_from_the_producer_only(aws):
    """The importer's rule, exactly as template.yaml declares it, on moto's EventBridge."""
    from samtranslator.yaml_helper import yaml_parse

    template = yaml_parse((Path(__file__).resolve().parents[2] / "template.yaml").read_text())
    machine = template["Resources"]["ImporterStateMachine"]["Properties"]
    pattern = json.loads(json.dumps(machine["Events"]["SnapshotShared"]["Properties"]["Pattern"]))
    me = boto3.client("sts").get_caller_identity()["Account"]
    pattern["account"] = [me]  # !Ref ProducerAccountId; moto sends from its own account
    boto3.client("events").create_event_bus(Name="piigate")
    url = _capture_bus()
    events = boto3.client("events")
    events.put_rule(Name="template", EventBusName="piigate", EventPattern=json.dumps(pattern))
    arn = boto3.client("sqs").get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])[
        "Attributes"
    ]["QueueArn"]
    events.put_targets(Rule="template", EventBusName="piigate", Targets=[{"Id": "t", "Arn": arn}])
    sample = json.loads((EVENTS / "shared_snapshot.json").read_text())
    for passed in (True, False):
        detail = {
            **sample["detail"],
            "verification": {**sample["detail"]["verification"], "passed": passed},
        }
        events.put_events(
            Entries=[
                {
                    "Source": sample["source"],
                    "DetailType": sample["detail-type"],
                    "Detail": json.dumps(detail),
                    "EventBusName": "piigate",
                }
            ]
        )
    bodies = []
    for _ in range(3):
        msgs = boto3.client("sqs").receive_message(QueueUrl=url, MaxNumberOfMessages=10)
        bodies += [json.loads(m["Body"]) for m in msgs.get("Messages", [])]
    # the capture rule sees both events; the template's rule only the verified one
    passed = [b["detail"]["verification"]["passed"] for b in bodies]
    assert sorted(passed) == [False, True, True]


def _shared_snapshot(run: str, settings: AwsSettings) -> str:
    rds.restore_temp(run, settings)
    snap = rds.ensure_cmk(run, rds.create_snapshot(run)["snapshot_id"], settings)["snapshot_id"]
    rds.share_snapshot(run, snap, settings)
    rds.cleanup_run(run, keep_snapshot_id=snap)
    return snap


def test_only_the_newest_shared_snapshots_are_kept(settings):
    runs = [f"keep{i}" for i in range(4)]
    snaps = [_shared_snapshot(run, settings) for run in runs]
    # an unshared leftover is the sweeper's business, not the pruner's
    boto3.client("rds").create_db_snapshot(
        DBInstanceIdentifier="prod-db", DBSnapshotIdentifier="piigate-tmp-leftover-snap"
    )
    # moto gives snapshots of one second the same time: the name breaks the tie, so
    # keep0 < keep1 < keep2 < keep3 in age as in creation order
    assert rds.prune_shared(2, current=snaps[-1]) == 2
    left = _snapshots()
    assert {snaps[-1], snaps[-2]} <= left
    assert not {snaps[0], snaps[1]} & left
    assert {"piigate-tmp-leftover-snap", "prod-db-manual"} <= left
    with pytest.raises(ConfigError):
        rds.prune_shared(0, current=snaps[-1])


def test_sweeper_deletes_old_leftovers_but_not_shared_or_foreign_ones(settings):
    import datetime as dt

    shared = _shared_snapshot("sw1", settings)
    rds.restore_temp("sw2", settings)  # a run that never cleaned up
    leftover = rds.create_snapshot("sw2")["snapshot_id"]
    future = dt.datetime.now(dt.UTC) + dt.timedelta(hours=49)
    # younger than the bound: untouched
    assert rds.sweep(48) == {"instances_deleted": 0, "snapshots_deleted": 0, "waiting": 0}
    out = rds.sweep(48, now=future)
    assert out == {"instances_deleted": 2, "snapshots_deleted": 1, "waiting": 0}
    assert not {i for i in _instances() if i.startswith("piigate-")}
    assert leftover not in _snapshots()
    assert shared in _snapshots()  # shared: kept for pre-production (prune_shared's)
    assert "prod-db" in _instances() and "prod-db-manual" in _snapshots()
