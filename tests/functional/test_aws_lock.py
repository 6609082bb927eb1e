"""The run lock and the importer's duplicate-event record, in moto (DynamoDB, Step
Functions for the holder's status)."""

from __future__ import annotations

import json

import boto3
import pytest
from moto import mock_aws

from piigate.aws import lock, reset_clients
from tests.functional.conftest import create_lock_table

GONE = "arn:aws:states:eu-west-1:123456789012:execution:piigate-producer-x:gone"


@pytest.fixture
def table(aws_credentials):
    reset_clients()
    with mock_aws():
        yield create_lock_table()
    reset_clients()


def _running_execution(name: str) -> str:
    sfn = boto3.client("stepfunctions")
    role = "arn:aws:iam::123456789012:role/sfn"
    machine = sfn.create_state_machine(
        name=f"piigate-producer-{name}",
        definition=json.dumps({"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 999,
                                                             "End": True}}}),
        roleArn=role,
    )["stateMachineArn"]
    return sfn.start_execution(stateMachineArn=machine, name=name)["executionArn"]


def test_second_run_is_refused_while_the_first_runs(table):
    first, second = _running_execution("first"), _running_execution("second")
    assert lock.acquire(table, "producer", first) == {"acquired": True, "took_over": False}
    # a retried step of the same run gets it again
    assert lock.acquire(table, "producer", first)["acquired"]
    with pytest.raises(lock.LockHeld) as err:
        lock.acquire(table, "producer", second)
    assert err.value.field == "lock#producer"
    # the other side's lock is another lock
    assert lock.acquire(table, "importer", second)["acquired"]
    # released by its holder only
    assert lock.release(table, "producer", second) is False
    assert lock.release(table, "producer", first) is True
    assert lock.acquire(table, "producer", second)["acquired"]


def test_a_lock_whose_holder_stopped_is_taken_over(table):
    lock.acquire(table, "producer", GONE)  # e.g. aborted before its cleanup
    mine = _running_execution("next")
    assert lock.acquire(table, "producer", mine) == {"acquired": True, "took_over": True}
    item = boto3.client("dynamodb").get_item(TableName=table, Key={"key": {"S": "lock#producer"}})
    assert item["Item"]["holder"]["S"] == mine


def test_a_duplicate_delivery_is_recognised_and_a_failed_import_forgotten(table):
    arn = "arn:aws:rds:eu-west-1:111111111111:snapshot:piigate-tmp-run-1-cmk"
    assert lock.first_delivery(table, arn, "exec-1") is True
    assert lock.first_delivery(table, arn, "exec-1") is True  # the same execution, retried
    assert lock.first_delivery(table, arn, "exec-2") is False  # a second delivery
    assert lock.forget_delivery(table, arn, "exec-2") is False  # not its record
    assert lock.forget_delivery(table, arn, "exec-1") is True  # exec-1 failed
    assert lock.first_delivery(table, arn, "exec-3") is True  # the event may come again


def test_lock_handler_ends_a_duplicate_and_locks_the_first(table, monkeypatch):
    from functions.handlers import lock as handler

    monkeypatch.setenv("PIIGATE_LOCK_TABLE", table)
    event = {"detail": {"snapshot_arn": "arn:aws:rds:eu-west-1:1:snapshot:piigate-tmp-a"}}
    first, second = _running_execution("imp1"), _running_execution("imp2")
    out = handler.handler({"lock": "importer", "execution": first, "event": event}, None)
    assert out == {"duplicate": False, "took_over": False}
    out = handler.handler({"lock": "importer", "execution": second, "event": event}, None)
    assert out["duplicate"] is True
