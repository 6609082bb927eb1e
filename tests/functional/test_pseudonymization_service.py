"""The pseudonymization service and the stream scrubber as Lambda handlers: API Gateway's
and Firehose's event shapes, the approved schema and the secret from moto's S3 and
Secrets Manager, the re-identify privilege, and an audit log without values."""

from __future__ import annotations

import base64
import json
import logging
from typing import Any

import boto3
import pytest
from moto import mock_aws

from functions.handlers import pseudonymization, stream_scrub
from piigate.aws import reset_clients
from piigate.aws.artifacts import LATEST_APPROVED, put_json
from piigate.aws.service import approved, caller_has_role, forget_approved
from piigate.keys import Keyring
from piigate.pseudonymize import MAX_VALUES
from piigate.pseudonymize import pseudonymize as lib_pseudonymize
from piigate.schema import parse_schema

ACCOUNT = "111111111111"
REIDENTIFY_ROLE = f"arn:aws:iam::{ACCOUNT}:role/privacy/piigate-reidentify"
ANALYST = f"arn:aws:sts::{ACCOUNT}:assumed-role/analyst/jane"
OFFICER = f"arn:aws:sts::{ACCOUNT}:assumed-role/piigate-reidentify/privacy-officer"
SECRET = "service-test-secret-0123456789"
BUCKET = "piigate-artifacts"
SCHEMA = parse_schema({
    "tables": {
        "customers": {"columns": {
            "id": {"method": "fpe", "type": "BIGINT"},
            "email": {"method": "fake", "kind": "email", "type": "VARCHAR(80)"},
            "ssn": {"method": "fpe", "alphabet": "digits", "type": "CHAR(11)"},
            "note": {"method": "redact", "type": "TEXT"},
        }},
        "orders": {"columns": {
            "customer_id": {"method": "fpe", "type": "INTEGER", "domain": "customers.id"},
        }},
    },
    "streams": {"customer-events": {
        "when": {"column": "data_share_consent", "value": False},
        "fields": [{"path": "$.customer_id", "rule": {"method": "fpe",
                                                       "domain": "customers.id"}}],
        "marker": {"data_redacted": True},
    }},
})
VALUES = [1001, 1002, 4711]
SECRET_VALUES = ["1001", "1002", "4711", "123-45-6789", "jane@example.com"]


@pytest.fixture
def service(aws_credentials):
    """The function's environment as the template sets it, over moto resources."""
    monkeypatch = aws_credentials
    reset_clients()
    forget_approved()
    with mock_aws():
        boto3.client("s3").create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
        arn = boto3.client("secretsmanager").create_secret(
            Name="piigate/tokenization", SecretString=SECRET)["ARN"]
        body = SCHEMA.to_json().encode()
        boto3.client("s3").put_object(Bucket=BUCKET, Key="reviews/approved-1.json", Body=body)
        put_json(BUCKET, LATEST_APPROVED, {"location": f"s3://{BUCKET}/reviews/approved-1.json",
                                           "schema_hash": SCHEMA.hash()})
        monkeypatch.setenv("PIIGATE_BUCKET", BUCKET)
        monkeypatch.setenv("PIIGATE_SECRET_ID", arn)
        monkeypatch.setenv("PIIGATE_REIDENTIFY_ROLE_ARN", REIDENTIFY_ROLE)
        yield monkeypatch
    reset_clients()
    forget_approved()


@pytest.fixture
def audit_lines(caplog) -> list[dict[str, Any]]:
    """The audit log's JSON lines (the logger writes to stdout; caplog listens too)."""
    log = logging.getLogger("piigate.audit")
    log.addHandler(caplog.handler)
    lines: list[dict[str, Any]] = []
    yield lines
    log.removeHandler(caplog.handler)


def _lines(caplog) -> list[dict[str, Any]]:
    return [json.loads(r.getMessage()) for r in caplog.records if r.name == "piigate.audit"]


def api_event(path: str, body: Any, caller: str = ANALYST, raw: str | None = None
              ) -> dict[str, Any]:
    """An API Gateway REST (proxy integration) event with IAM authorization."""
    return {
        "resource": path,
        "path": path,
        "httpMethod": "POST",
        "headers": {"Content-Type": "application/json", "Host": "abc123.execute-api.eu-west-1"
                    ".amazonaws.com", "Authorization": "AWS4-HMAC-SHA256 Credential=..."},
        "multiValueHeaders": {},
        "queryStringParameters": None,
        "pathParameters": None,
        "stageVariables": None,
        "requestContext": {
            "resourcePath": path,
            "httpMethod": "POST",
            "path": f"/prod{path}",
            "stage": "prod",
            "accountId": ACCOUNT,
            "apiId": "abc123",
            "requestId": "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
            "identity": {
                "accountId": ACCOUNT,
                "caller": "AROAEXAMPLE:jane",
                "accessKey": "ASIAEXAMPLE",
                "userArn": caller,
                "user": "AROAEXAMPLE:jane",
                "sourceIp": "203.0.113.5",
                "userAgent": "piigate-client",
            },
        },
        "body": raw if raw is not None else json.dumps(body),
        "isBase64Encoded": False,
    }


def call(handler, event) -> tuple[int, dict[str, Any]]:
    resp = handler(event, None)
    return resp["statusCode"], json.loads(resp["body"])


def test_pseudonymize_gives_the_snapshot_tokens(service, caplog, audit_lines):
    keyring = Keyring(SECRET.encode())
    status, body = call(pseudonymization.pseudonymize,
                        api_event("/pseudonymize", {"domain": "customers.id", "values": VALUES}))
    assert status == 200
    assert body["tokens"] == lib_pseudonymize(SCHEMA, keyring, VALUES, domain="customers.id")
    assert body["limit"] == MAX_VALUES
    status, again = call(pseudonymization.pseudonymize, api_event(
        "/pseudonymize", {"column": "orders.customer_id", "values": VALUES + [None]}))
    assert status == 200 and again["tokens"] == body["tokens"] + [None]
    [first, second] = _lines(caplog)
    assert first["audit"] == "pseudonymize" and first["count"] == 3
    assert first["caller"] == ANALYST and first["target"] == "domain customers.id"


def test_reidentify_only_for_its_role_and_always_audited(service, caplog, audit_lines):
    _, body = call(pseudonymization.pseudonymize, api_event(
        "/pseudonymize", {"column": "customers.ssn", "values": ["123-45-6789"]}))
    tokens = body["tokens"]
    status, refused = call(pseudonymization.reidentify, api_event(
        "/reidentify", {"column": "customers.ssn", "tokens": tokens}, caller=ANALYST))
    assert status == 403 and "values" not in refused
    status, ok = call(pseudonymization.reidentify, api_event(
        "/reidentify", {"column": "customers.ssn", "tokens": tokens}, caller=OFFICER))
    assert status == 200 and ok["values"] == ["123-45-6789"]
    audits = [a for a in _lines(caplog) if a["audit"] == "reidentify"]
    assert [(a["outcome"], a["caller"]) for a in audits] == [("refused", ANALYST),
                                                            ("ok", OFFICER)]
    assert audits[0]["target"] == "column customers.ssn" and audits[0]["count"] == 1
    ok_line = audits[1]
    assert ok_line["target"] == "column customers.ssn" and ok_line["count"] == 1
    assert {"time", "request_id"} <= set(ok_line)
    # no value and no token in any log line, of any logger
    text = caplog.text + json.dumps(_lines(caplog))
    for v in SECRET_VALUES + [str(t) for t in tokens]:
        assert v not in text


def test_reidentify_refused_without_a_configured_role(service):
    service.delenv("PIIGATE_REIDENTIFY_ROLE_ARN")
    status, _ = call(pseudonymization.reidentify, api_event(
        "/reidentify", {"domain": "customers.id", "tokens": [1]}, caller=OFFICER))
    assert status == 403


@pytest.mark.parametrize(
    ("caller", "role", "allowed"),
    [
        (OFFICER, REIDENTIFY_ROLE, True),
        (f"arn:aws:iam::{ACCOUNT}:role/privacy/piigate-reidentify", REIDENTIFY_ROLE, True),
        (ANALYST, REIDENTIFY_ROLE, False),
        ("arn:aws:sts::999999999999:assumed-role/piigate-reidentify/x", REIDENTIFY_ROLE, False),
        (f"arn:aws:iam::{ACCOUNT}:user/piigate-reidentify", REIDENTIFY_ROLE, False),
        (None, REIDENTIFY_ROLE, False),
        (OFFICER, "", False),
    ],
)
def test_caller_has_role(caller, role, allowed):
    assert caller_has_role(caller, role) is allowed


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({"domain": "customers.id", "values": list(range(MAX_VALUES + 1))}, 413, "at most"),
        ({"domain": "customers.id", "column": "customers.id", "values": [1]}, 400, "either"),
        ({"values": [1]}, 400, "either"),
        ({"domain": "customers.id"}, 400, "no 'values'"),
        ({"domain": "customers.id", "values": [1], "extra": 1}, 400, "unknown field"),
        ({"domain": "nowhere.id", "values": [1]}, 400, "no column"),
        ({"column": "customers.note", "values": ["x"]}, 400, "one token per value"),
        ({"domain": "customers.id", "values": [1.5]}, 400, "float"),
        ({"domain": "customers.id", "values": ["jane@example.com"]}, 400, "not an integer"),
        ({"column": "customers.ssn", "values": ["jane@example.com"]}, 422, "alphabet"),
    ],
)
def test_bad_requests_are_named_without_values(service, caplog, audit_lines, body, status,
                                               message):
    got, answer = call(pseudonymization.pseudonymize, api_event("/pseudonymize", body))
    assert got == status
    assert message in answer["error"]
    assert "jane@example.com" not in json.dumps(answer) + caplog.text
    assert _lines(caplog)[-1]["outcome"] == "failed"


def test_body_that_is_not_json(service):
    status, answer = call(pseudonymization.pseudonymize,
                          api_event("/pseudonymize", None, raw="{nope"))
    assert status == 400 and "not JSON" in answer["error"]


def test_no_approved_schema_is_unavailable(service):
    boto3.client("s3").delete_object(Bucket=BUCKET, Key=LATEST_APPROVED)
    status, answer = call(pseudonymization.pseudonymize,
                          api_event("/pseudonymize", {"domain": "customers.id", "values": [1]}))
    assert status == 503 and "no approved schema" in answer["error"]


def test_approved_schema_is_cached_then_reread(service):
    clock = [0.0]
    calls = []

    def loader(settings):
        calls.append(1)
        return SCHEMA, Keyring(SECRET.encode())

    from piigate.aws import AwsSettings

    settings = AwsSettings.from_env()
    approved(settings, loader=loader, now=lambda: clock[0])
    clock[0] = 299.0
    approved(settings, loader=loader, now=lambda: clock[0])
    clock[0] = 301.0
    approved(settings, loader=loader, now=lambda: clock[0])
    assert len(calls) == 2


def test_firehose_handler_under_moto(service, caplog):
    events = [{"customer_id": 4711, "data_share_consent": False},
              {"customer_id": 4711, "data_share_consent": True}, "not an object"]
    event = {
        "invocationId": "inv-1",
        "deliveryStreamArn": f"arn:aws:firehose:eu-west-1:{ACCOUNT}:deliverystream/"
                             "customer-events",
        "region": "eu-west-1",
        "records": [{"recordId": f"r{i}", "approximateArrivalTimestamp": 1700000000000,
                     "data": base64.b64encode(json.dumps(e).encode()).decode()}
                    for i, e in enumerate(events)],
    }
    with caplog.at_level(logging.INFO, logger="piigate.stream"):
        response = stream_scrub.handler(event, None)
    results = [r["result"] for r in response["records"]]
    assert results == ["Ok", "Ok", "ProcessingFailed"]
    masked = json.loads(base64.b64decode(response["records"][0]["data"]))
    token = lib_pseudonymize(SCHEMA, Keyring(SECRET.encode()), [4711], domain="customers.id")
    assert masked == {"customer_id": token[0], "data_share_consent": False,
                      "data_redacted": True}
    assert "r2" in caplog.text and "not a JSON object" in caplog.text
    assert "4711" not in caplog.text


def test_firehose_handler_fails_closed_without_rules(service):
    service.setenv("PIIGATE_STREAM_NAME", "unknown-stream")
    with pytest.raises(Exception, match="no rules for this stream"):
        stream_scrub.handler({"records": []}, None)


def test_audit_lines_are_json_on_stdout(capsys):
    from piigate.aws.service import audit

    audit("reidentify", caller=OFFICER, target="column customers.ssn", count=3,
          outcome="ok", request_id="r-1")
    [line] = capsys.readouterr().out.splitlines()
    doc = json.loads(line)
    assert doc["audit"] == "reidentify" and doc["count"] == 3 and doc["caller"] == OFFICER
    assert doc["time"].endswith("+00:00")
