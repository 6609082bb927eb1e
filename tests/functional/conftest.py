"""Shared moto setup for the functional tests: fake credentials and stand-in instances."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest

REGION = "eu-west-1"


@pytest.fixture
def aws_credentials(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """Fake credentials and a region, so boto3 never looks for real ones."""
    for k, v in {
        "AWS_DEFAULT_REGION": REGION,
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
    }.items():
        monkeypatch.setenv(k, v)
    return monkeypatch


def create_instance(rds: Any, identifier: str, **extra: Any) -> None:
    """A PostgreSQL RDS instance in moto (no server behind it)."""
    rds.create_db_instance(
        DBInstanceIdentifier=identifier,
        Engine="postgres",
        DBInstanceClass="db.t3.micro",
        MasterUsername="admin",
        MasterUserPassword="not-a-real-pw",
        AllocatedStorage=20,
        **extra,
    )


def wait_for(fn: Callable[[], Any], what: str, timeout: float) -> Any:
    """Poll ``fn`` until it returns something truthy (moto runs executions in threads)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = fn()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def create_lock_table(name: str = "piigate-locks") -> str:
    """The template's LocksTable in moto."""
    import boto3

    boto3.client("dynamodb").create_table(
        TableName=name,
        BillingMode="PAY_PER_REQUEST",
        AttributeDefinitions=[{"AttributeName": "key", "AttributeType": "S"}],
        KeySchema=[{"AttributeName": "key", "KeyType": "HASH"}],
    )
    return name
