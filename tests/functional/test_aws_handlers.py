"""The Lambda handlers under moto: each parses its event, calls one library function and
returns a small JSON result; errors are safe to put in a payload."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import boto3
import pytest
from moto import mock_aws
from samtranslator.yaml_helper import yaml_parse

from functions.handlers import (
    accept,
    cleanup,
    import_cleanup,
    import_restore,
    notify,
    restore,
    share,
    snapshot,
    status,
    swap,
)
from functions.handlers._common import StepError, step
from piigate.aws import TransientError, databases, names, reset_clients
from piigate.errors import ConfigError
from tests.functional.conftest import create_instance

ROOT = Path(__file__).resolve().parents[2]
PREPROD = "222222222222"
RUN = "exec-1"


@pytest.fixture
def aws(aws_credentials):
    monkeypatch = aws_credentials
    reset_clients()
    with mock_aws():
        yield monkeypatch
    reset_clients()
    databases.set_url_resolver(None)


@pytest.fixture
def producer(aws):
    """The producer's environment as the template sets it, over moto resources."""
    kms = boto3.client("kms").create_key()["KeyMetadata"]["Arn"]
    r = boto3.client("rds")
    create_instance(r, "prod-db", StorageEncrypted=True)
    boto3.client("s3").create_bucket(
        Bucket="artifacts", CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}
    )
    secret = boto3.client("secretsmanager").create_secret(
        Name="piigate/master", SecretString="hex:" + "11" * 32
    )["ARN"]
    topic = boto3.client("sns").create_topic(Name="failures")["TopicArn"]
    bus = boto3.client("events").create_event_bus(Name="piigate")["EventBusArn"]
    env = {
        "PIIGATE_SOURCE_INSTANCE": "prod-db",
        "PIIGATE_KMS_KEY_ARN": kms,
        "PIIGATE_PREPROD_ACCOUNT": PREPROD,
        "PIIGATE_EVENT_BUS_ARN": bus,
        "PIIGATE_BUCKET": "artifacts",
        "PIIGATE_SECRET_ID": secret,
        "PIIGATE_FAILURE_TOPIC_ARN": topic,
        "PIIGATE_DB_USER_ALLOWLIST": "app_reader",
    }
    for k, v in env.items():
        aws.setenv(k, v)
    return env


def _queue_on_topic(topic_arn: str) -> str:
    sqs = boto3.client("sqs")
    url = sqs.create_queue(QueueName="notes")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"
    ]
    boto3.client("sns").subscribe(TopicArn=topic_arn, Protocol="sqs", Endpoint=arn)
    return url


def test_template_handlers_exist():
    """Every Handler / ImageConfig command in template.yaml names a handler here."""
    template = yaml_parse((ROOT / "template.yaml").read_text())
    seen = 0
    for res in template["Resources"].values():
        if res["Type"] != "AWS::Serverless::Function":
            continue
        props = res["Properties"]
        path = props.get("Handler") or props["ImageConfig"]["Command"][0]
        module, func = path.rsplit(".", 1)
        assert callable(getattr(importlib.import_module(f"functions.{module}"), func)), path
        seen += 1
    assert seen >= 15


def test_producer_rds_steps_through_handlers(producer):
    boto3.client("rds").create_db_snapshot(
        DBInstanceIdentifier="prod-db", DBSnapshotIdentifier="prod-db-1"
    )
    out = restore.handler({"run_id": RUN})
    assert out["instance_id"] == names.temp_instance(RUN)
    assert status.handler({"kind": "run_instances", "id": RUN, "count": 0}) == {
        "status": "ready",
        "count": 1,
    }
    snap = snapshot.handler({"action": "create", "run_id": RUN})
    cmk = snapshot.handler({"action": "ensure_cmk", "run_id": RUN, **snap})
    assert cmk["copied"] is True
    shared = share.handler({"action": "share", "run_id": RUN, "snapshot_id": cmk["snapshot_id"]})
    assert shared["shared_with"] == 1
    event = share.handler(
        {
            "action": "publish",
            "run_id": RUN,
            "snapshot_arn": shared["snapshot_arn"],
            "schema_hash": "sha256:" + "0" * 64,
            "verification": {"passed": True, "report_hash": "sha256:" + "1" * 64},
        }
    )
    assert event["event_id"]
    done = cleanup.handler(
        {"run_id": RUN, "outcome": "succeeded", "keep_snapshot_id": cmk["snapshot_id"]}
    )
    assert done == {
        "instances_deleted": 2,
        "snapshots_deleted": 1,
        "extract_objects_deleted": 0,
        "old_shared_deleted": 0,
    }
    # JSON-serialisable, small: what goes into the state payload
    for result in (out, snap, cmk, shared, event, done):
        assert len(json.dumps(result)) < 300


def test_failed_run_cleanup_keeps_nothing_even_if_asked(producer):
    boto3.client("rds").create_db_snapshot(
        DBInstanceIdentifier="prod-db", DBSnapshotIdentifier="prod-db-1"
    )
    restore.handler({"run_id": RUN})
    snap = snapshot.handler({"action": "create", "run_id": RUN})
    # a Macie extract left behind by the failed run (sampled rows): removed too
    boto3.client("s3").put_object(
        Bucket="artifacts", Key=f"extracts/{RUN}/customers.jsonl", Body=b"{}\n"
    )
    out = cleanup.handler(
        {"run_id": RUN, "outcome": "failed", "keep_snapshot_id": snap["snapshot_id"]}
    )
    assert out == {"instances_deleted": 2, "snapshots_deleted": 1, "extract_objects_deleted": 1}
    listed = boto3.client("s3").list_objects_v2(Bucket="artifacts", Prefix="extracts/")
    assert listed.get("KeyCount", 0) == 0


def test_notify_sends_type_and_message_only(producer):
    url = _queue_on_topic(producer["PIIGATE_FAILURE_TOPIC_ARN"])
    cause = json.dumps(
        {
            "errorType": "CoverageError",
            "errorMessage": "customers.email: no rule",
            "stackTrace": ['  File "x.py", line 1, in secret_place'],
        }
    )
    notify.handler(
        {
            "run_id": RUN,
            "machine": "producer",
            "outcome": "failed",
            "error": {"Error": "CoverageError", "Cause": cause},
        }
    )
    body = json.loads(boto3.client("sqs").receive_message(QueueUrl=url)["Messages"][0]["Body"])
    message = json.loads(body["Message"])
    assert message["error"] == {"type": "CoverageError", "message": "customers.email: no rule"}
    assert "secret_place" not in body["Message"]


def test_handler_errors_keep_class_names_and_drop_foreign_messages():
    @step
    def leaks(event, settings):
        raise ValueError("duplicate key value (email)=(jane@example.com)")

    with pytest.raises(StepError) as err:
        leaks({})
    assert "jane" not in str(err.value) and "ValueError" in str(err.value)

    @step
    def ours(event, settings):
        raise ConfigError("the event lacks a required field", field="run_id")

    with pytest.raises(ConfigError, match="run_id"):
        ours({})
    with pytest.raises(ConfigError, match="event"):
        ours("not a dict")


def test_throttling_becomes_transient_error_that_the_machine_retries(producer):
    from botocore.exceptions import ClientError

    @step
    def throttled(event, settings):
        raise ClientError({"Error": {"Code": "ThrottlingException", "Message": "slow"}}, "Any")

    with pytest.raises(TransientError):
        throttled({})
    retried = [
        r["ErrorEquals"]
        for r in json.loads(
            (ROOT / "statemachine" / "producer.asl.json")
            .read_text()
            .replace("${PollSeconds}", "1")
            .replace("${MaxPolls}", "1")
            .replace("${ApprovalTimeoutSeconds}", "1")
            .replace("${TokenizeConcurrency}", "1")
        )["States"]["RestoreTemp"]["Retry"]
    ]
    assert ["TransientError"] in retried


def test_missing_field_is_named(producer):
    with pytest.raises(ConfigError, match="run_id"):
        restore.handler({})


# -- importer ------------------------------------------------------------------------------


@pytest.fixture
def importer(aws):
    kms = boto3.client("kms").create_key()["KeyMetadata"]["Arn"]
    r = boto3.client("rds")
    create_instance(r, "preprod-db")
    # the snapshot the producer shared (moto: same account, the producer's name)
    r.create_db_snapshot(
        DBInstanceIdentifier="preprod-db", DBSnapshotIdentifier="piigate-tmp-p1-cmk"
    )
    arn = r.describe_db_snapshots(DBSnapshotIdentifier="piigate-tmp-p1-cmk")["DBSnapshots"][0][
        "DBSnapshotArn"
    ]
    account = arn.split(":")[4]
    for k, v in {
        "PIIGATE_SOURCE_INSTANCE": "preprod-db",
        "PIIGATE_KMS_KEY_ARN": kms,
        "PIIGATE_PRODUCER_ACCOUNT": account,
    }.items():
        aws.setenv(k, v)
    return {"account": account, "arn": arn, "kms": kms}


def _event(importer, passed=True):
    return {
        "source": "piigate.producer",
        "detail-type": "TokenizedSnapshotShared",
        "account": importer["account"],
        "detail": {
            "snapshot_arn": importer["arn"],
            "schema_hash": "sha256:" + "a" * 64,
            "verification": {"passed": passed, "report_hash": "sha256:" + "b" * 64},
        },
    }


def test_importer_handlers_swap_the_new_instance_in(importer, tmp_path):
    # the swapped-in instance must answer: a local database stands in for it
    (tmp_path / "preprod-db.sqlite").touch()  # stands in for the instance swapped in
    databases.set_url_resolver(lambda instance_id: f"sqlite:///{tmp_path / instance_id}.sqlite")
    out = accept.handler({"run_id": "imp", "event": _event(importer)})
    copy = boto3.client("rds").describe_db_snapshots(DBSnapshotIdentifier=out["copy_id"])[
        "DBSnapshots"
    ][0]
    assert copy["KmsKeyId"] == importer["kms"]
    new = import_restore.handler({"run_id": "imp", "snapshot_id": out["copy_id"]})
    assert new["instance_id"] == names.import_instance("imp")
    phases = []
    for count in range(5):
        result = swap.handler({"action": "swap", "run_id": "imp", "count": count})
        phases.append(result["phase"])
        if result["done"]:
            break
    assert phases == ["old-aside", "new-in", "done"]
    assert import_cleanup.handler({"run_id": "imp", "outcome": "succeeded"}) == {
        "instances_deleted": 0,
        "snapshots_deleted": 1,
    }


def test_importer_refuses_unverified_event_and_copies_nothing(importer):
    from piigate.aws import RefusedEvent

    with pytest.raises(RefusedEvent):
        accept.handler({"run_id": "imp", "event": _event(importer, passed=False)})
    snaps = boto3.client("rds").describe_db_snapshots()["DBSnapshots"]
    assert not [s for s in snaps if s["DBSnapshotIdentifier"].startswith("piigate-import-")]
