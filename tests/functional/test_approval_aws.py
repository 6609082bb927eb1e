"""The gate on AWS, against moto: a real waitForTaskToken state machine, DynamoDB,
S3, Secrets Manager and SNS; the API Gateway handler drives the review.

moto 5.2.1 executes state machines when configured with
``{"stepfunctions": {"execute_state_machine": True}}`` and supports
``sqs:sendMessage.waitForTaskToken``, so the task token here is a real one and
SendTaskSuccess / SendTaskFailure really finish (or fail) the execution.
"""

from __future__ import annotations

import base64
import json
import re
import time
import urllib.parse
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from moto import mock_aws

from approval_ui import handler
from approval_ui.store import DecisionConflict, DynamoReviewStore
from piigate.schema.storage import S3Schemas
from tests.fixtures.approval import page_form, sample_proposal
from tests.functional.conftest import wait_for

REGION = "eu-west-1"
TABLE = "piigate-reviews"
BUCKET = "piigate-schemas"
SECRET = "piigate/link-signing"
STAGE = "prod"
ANA = "ana@example.com"



def _wait(fn: Any, what: str, timeout: float = 20.0) -> Any:
    return wait_for(fn, what, timeout)


class Aws:
    """The resources the SAM template would create, in moto."""

    def __init__(self) -> None:
        self.sqs = boto3.client("sqs", region_name=REGION)
        self.sfn = boto3.client("stepfunctions", region_name=REGION)
        self.s3 = boto3.client("s3", region_name=REGION)
        self.sns = boto3.client("sns", region_name=REGION)
        self.ddb = boto3.client("dynamodb", region_name=REGION)
        DynamoReviewStore(TABLE, client=self.ddb).create_table()
        self.s3.create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION}
        )
        boto3.client("secretsmanager", region_name=REGION).create_secret(
            Name=SECRET, SecretString="hex:" + "ab" * 32
        )
        self.tasks = self.sqs.create_queue(QueueName="gate-tasks")["QueueUrl"]
        self.topic = self.sns.create_topic(Name="gate-review")["TopicArn"]
        self.inbox = self.sqs.create_queue(QueueName="inbox")["QueueUrl"]
        inbox_arn = self.sqs.get_queue_attributes(
            QueueUrl=self.inbox, AttributeNames=["QueueArn"]
        )["Attributes"]["QueueArn"]
        self.sns.subscribe(
            TopicArn=self.topic, Protocol="sqs", Endpoint=inbox_arn,
            Attributes={"RawMessageDelivery": "true"},
        )  # fmt: skip
        role = boto3.client("iam", region_name=REGION).create_role(
            RoleName="gate", AssumeRolePolicyDocument="{}"
        )["Role"]["Arn"]
        definition = {
            "StartAt": "AwaitApproval",
            "States": {
                "AwaitApproval": {
                    "Type": "Task",
                    "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                    "Parameters": {
                        "QueueUrl": self.tasks,
                        "MessageBody": {
                            "task_token.$": "$$.Task.Token",
                            "proposal_location.$": "$.proposal_location",
                        },
                    },
                    "End": True,
                }
            },
        }
        self.machine = self.sfn.create_state_machine(
            name="gate", definition=json.dumps(definition), roleArn=role
        )["stateMachineArn"]

    def start(self, proposal_location: str) -> tuple[str, dict[str, str]]:
        arn = self.sfn.start_execution(
            stateMachineArn=self.machine,
            input=json.dumps({"proposal_location": proposal_location}),
        )["executionArn"]
        msgs = _wait(
            lambda: self.sqs.receive_message(QueueUrl=self.tasks).get("Messages"), "task message"
        )
        self.sqs.delete_message(QueueUrl=self.tasks, ReceiptHandle=msgs[0]["ReceiptHandle"])
        return arn, json.loads(msgs[0]["Body"])

    def emails(self) -> list[str]:
        msgs = _wait(lambda: self.sqs.receive_message(QueueUrl=self.inbox).get("Messages"), "mail")
        return [m["Body"] for m in msgs]

    def finished(self, arn: str) -> dict[str, Any]:
        return _wait(
            lambda: (d := self.sfn.describe_execution(executionArn=arn))["status"] != "RUNNING"
            and d,
            "execution end",
        )


@pytest.fixture
def aws(monkeypatch: pytest.MonkeyPatch) -> Iterator[Aws]:
    for k, v in {
        "AWS_DEFAULT_REGION": REGION,
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "PIIGATE_REVIEW_TABLE": TABLE,
        "PIIGATE_SCHEMA_BUCKET": BUCKET,
        "PIIGATE_LINK_SECRET_ID": SECRET,
        "PIIGATE_REVIEW_BASE_URL": f"https://abc.execute-api.{REGION}.amazonaws.com/{STAGE}",
        "PIIGATE_REVIEW_RECIPIENTS": ANA,
        "PIIGATE_REVIEW_EXPIRES_MINUTES": "60",
    }.items():
        monkeypatch.setenv(k, v)
    with mock_aws(config={"stepfunctions": {"execute_state_machine": True}}):
        handler.reset()
        monkeypatch.setenv("PIIGATE_REVIEW_TOPIC_ARN", (aws := Aws()).topic)
        yield aws
        handler.reset()


def _event(method: str, url: str, form: dict[str, str] | None = None, b64: bool = False):
    parts = urllib.parse.urlsplit(url)
    path = parts.path
    assert path.startswith(f"/{STAGE}/")
    body = urllib.parse.urlencode(form) if form is not None else None
    if body is not None and b64:
        body = base64.b64encode(body.encode()).decode()
    return {
        "httpMethod": method,
        "path": path[len(STAGE) + 1 :],
        "requestContext": {"stage": STAGE, "path": path},
        "queryStringParameters": dict(urllib.parse.parse_qsl(parts.query)) or None,
        "headers": {"Content-Type": "application/x-www-form-urlencoded"} if form else {},
        "body": body,
        "isBase64Encoded": b64,
    }


def _open(aws: Aws) -> tuple[str, dict[str, Any], str]:
    """Start an execution; run the request task; return (execution, task message, link)."""
    proposal = sample_proposal()
    location = S3Schemas(BUCKET).put(proposal, "scan-proposal")
    arn, task = aws.start(location)
    result = handler.request_review(task)
    assert result["recipients"] == 1 and set(result) == {"review_id", "expires_at", "recipients"}
    (mail,) = aws.emails()
    assert task["task_token"] not in mail
    url = re.search(r"https://\S+", mail).group(0)
    assert "To mask:" in mail and "customers" not in mail
    return arn, task, url


def _page_url(url: str, action: str) -> str:
    return url.split("?")[0] + "/" + action


def test_approve_through_the_handler_succeeds_the_execution(
    aws: Aws, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG", logger="approval_ui")
    arn, task, url = _open(aws)
    page = handler.lambda_handler(_event("GET", url))
    assert page["statusCode"] == 200
    assert task["task_token"] not in json.dumps(page)
    form = page_form(page["body"])
    assert f'action="/{STAGE}/r/' in page["body"]  # form posts back through the stage
    form["c2.method"] = "hash"  # customers.notes
    resp = handler.lambda_handler(_event("POST", _page_url(url, "approve"), form, b64=True))
    assert resp["statusCode"] == 200, resp["body"]
    assert task["task_token"] not in json.dumps(resp)

    done = aws.finished(arn)
    assert done["status"] == "SUCCEEDED"
    output = json.loads(done["output"])
    approved = S3Schemas(BUCKET).get(output["schema_location"])
    assert output["schema_hash"] == approved.hash()
    assert approved.rule("customers", "notes").method == "hash"
    assert approved.approval.by == ANA and approved.approval.review_id == output["review_id"]

    review = DynamoReviewStore(TABLE).get(output["review_id"])
    assert review.status == "approved" and review.approved_hash == approved.hash()
    assert [e.event for e in review.events][-2:] == ["approved", "notified"]
    # replay of the same POST: nothing more happens
    again = handler.lambda_handler(_event("POST", _page_url(url, "approve"), form))
    assert again["statusCode"] == 409
    # our log lines carry neither the task token nor the link token
    link_token = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)["t"][0]
    logged = " ".join(r.getMessage() + repr(r.__dict__) for r in caplog.records)
    assert caplog.records and task["task_token"] not in logged and link_token not in logged


def test_deny_fails_the_execution(aws: Aws) -> None:
    arn, _, url = _open(aws)
    page = handler.lambda_handler(_event("GET", url))
    deny = page_form(page["body"], "deny-form")
    resp = handler.lambda_handler(
        _event("POST", _page_url(url, "deny"), {**deny, "reason": "notes are not masked enough"})
    )
    assert resp["statusCode"] == 200
    done = aws.finished(arn)
    assert done["status"] == "FAILED"
    history = aws.sfn.get_execution_history(executionArn=arn)["events"]
    failed = [e for e in history if e["type"] == "TaskFailed"]
    assert failed and failed[0]["taskFailedEventDetails"]["error"] == "ApprovalDenied"


def test_forged_and_get_actions_through_the_handler(aws: Aws) -> None:
    arn, _, url = _open(aws)
    forged = url[:-4] + ("AAAA" if not url.endswith("AAAA") else "BBBB")
    assert handler.lambda_handler(_event("GET", forged))["statusCode"] == 403
    assert handler.lambda_handler(_event("GET", _page_url(url, "approve")))["statusCode"] == 405
    bad = _event("POST", _page_url(url, "approve"), {"t": "x"})
    bad["body"] = "%%%not base64"
    bad["isBase64Encoded"] = True
    assert handler.lambda_handler(bad)["statusCode"] == 400
    assert aws.sfn.describe_execution(executionArn=arn)["status"] == "RUNNING"


def test_dynamodb_decision_is_conditional(aws: Aws) -> None:
    _, task, url = _open(aws)
    review_id = urllib.parse.urlsplit(url).path.split("/")[-1]
    store = DynamoReviewStore(TABLE)
    assert store.task_token(review_id) == task["task_token"]
    assert task["task_token"] not in repr(store.get(review_id))
    # Sequential: moto's DynamoDB does not serialise conditional writes across threads
    # (real DynamoDB does, per item); the threaded race runs against SQLite and the app.
    store.decide(review_id, status="approved", by="r1", now=time.time(),
                 approved_location="s3://b/1", approved_hash="sha256:1")
    for status in ("approved", "denied"):
        with pytest.raises(DecisionConflict):
            store.decide(review_id, status=status, by="r2", now=time.time(),
                         approved_location="s3://b/2", approved_hash="sha256:2", reason="x")
    wins = [1]
    review = store.get(review_id)
    assert review.decided_by == f"r{wins[0]}" and review.approved_location == f"s3://b/{wins[0]}"
    with pytest.raises(DecisionConflict):
        store.save_draft(review_id, location="s3://b/x", schema_hash="sha256:x",
                         expected_hash=review.draft_hash, now=time.time())


def test_missing_configuration_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PIIGATE_REVIEW_TABLE", raising=False)
    monkeypatch.delenv("PIIGATE_LINK_SECRET_ID", raising=False)
    monkeypatch.setenv("PIIGATE_SCHEMA_BUCKET", "b")
    with pytest.raises(Exception) as exc:
        handler.AwsConfig.from_env()
    assert "PIIGATE_REVIEW_TABLE" in str(exc.value) and "PIIGATE_LINK_SECRET_ID" in str(exc.value)


def test_dynamodb_expiry_and_events(aws: Aws) -> None:
    from approval_ui.store import Event, Review

    store = DynamoReviewStore(TABLE)
    now = time.time()
    store.create(Review(id="expired-0001", proposal_location="s3://b/p", proposal_hash="h",
                        expires_at=now - 1, recipients=(ANA,), created_at=now - 60),
                 task_token="tok")  # fmt: skip
    with pytest.raises(DecisionConflict):
        store.decide("expired-0001", status="approved", by=ANA, now=now,
                     approved_location="s3://b/a", approved_hash="h2")  # fmt: skip
    store.add_event("expired-0001", Event(at=now, event="viewed", by=ANA))
    assert store.expire("expired-0001", now=now) is True
    assert store.expire("expired-0001", now=now) is False
    review = store.get("expired-0001")
    assert review.status == "expired"
    assert [e.event for e in review.events] == ["created", "viewed", "expired"]
