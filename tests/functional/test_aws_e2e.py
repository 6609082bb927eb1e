"""End to end in moto: the producer state machine runs with the real handlers and tasks.

moto 5.2.1 executes the ASL (``execute_state_machine``), including the Distributed Map
(ItemReader from S3, ResultWriter to S3) and ``ecs:runTask.sync``. Its simple Lambda
backend is patched to call our handlers in-process (``functions.handlers.*``), and its
ECS backend's RunTask to run the Fargate task's command line in-process
(``python3 -m piigate`` + the override command, i.e. ``piigate task <step> --input``),
then to report the container's exit code. moto does not fail a ``.sync`` ECS state
whose container exited non-zero; AWS does (``States.TaskFailed``, the task's description
as cause), and the harness does the same. So every task runs the real code against
moto's RDS, S3, DynamoDB, SNS, Secrets Manager, EventBridge and ECS. Two local
PostgreSQL databases stand in for the restored instances (the platform adapter's URL
resolver), and the approval is answered through the approval API handler from the link
in the review mail. Polling waits are rendered as 0 seconds.

What moto cannot show (pulling the image, the task's network path to the instance, IAM)
is covered by tests/functional/test_aws_tasks.py (the same command line against real
PostgreSQL and MariaDB), test_artifacts.py (the image's contents) and test_iam_lint.py.
"""

from __future__ import annotations

import importlib
import json
import re
import urllib.parse
from collections.abc import Callable
from pathlib import Path
from typing import Any

import boto3
import botocore.session
import pytest
import sqlalchemy as sa
from moto import mock_aws
from moto.awslambda_simple.models import LambdaSimpleBackend
from moto.ecs.models import EC2ContainerServiceBackend
from moto.stepfunctions.parser.api import HistoryEventType, TaskFailedEventDetails
from moto.stepfunctions.parser.asl.component.common.error_name.failure_event import (
    FailureEvent,
    FailureEventException,
)
from moto.stepfunctions.parser.asl.component.common.error_name.states_error_name import (
    StatesErrorName,
)
from moto.stepfunctions.parser.asl.component.common.error_name.states_error_name_type import (
    StatesErrorNameType,
)
from moto.stepfunctions.parser.asl.component.state.exec.state_task.service.state_task_service_ecs import (  # noqa: E501
    StateTaskServiceEcs,
)
from moto.stepfunctions.parser.asl.eval.event.event_detail import EventDetails
from samtranslator.yaml_helper import yaml_parse

from approval_ui import handler as approval
from approval_ui.store import DynamoReviewStore
from functions.handlers._common import step
from piigate import cli, sample
from piigate.aws import databases, names, reset_clients, steps, tasks
from tests.fixtures.approval import page_form
from tests.fixtures.dbutil import tool_tables
from tests.functional.conftest import create_instance, create_lock_table, wait_for

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
REGION = "eu-west-1"
PREPROD = "222222222222"
REVIEWER = "ana@example.com"
STAGE = "prod"
CONFIG = {"stepfunctions": {"execute_state_machine": True}, "lambda": {"use_docker": False}}


def _functions() -> dict[str, Any]:
    """Logical function name -> handler module, read from template.yaml."""
    template = yaml_parse((ROOT / "template.yaml").read_text())
    out = {}
    for name, res in template["Resources"].items():
        if res["Type"] == "AWS::Serverless::Function" and name != "ReviewApiFunction":
            props = res["Properties"]
            path = props.get("Handler") or props["ImageConfig"]["Command"][0]
            out[name] = importlib.import_module("functions." + path.rsplit(".", 1)[0])
    return out


def _definition(
    side: str = "producer",
    approval_timeout: str = "600",
    macie: str = "false",
    ecs: dict[str, str] | None = None,
) -> str:
    text = (ROOT / "statemachine" / f"{side}.asl.json").read_text()
    subs = {
        "MacieEnabled": macie,
        "ApprovalTimeoutSeconds": approval_timeout,
        "TokenizeConcurrency": "2",
        "PollSeconds": "0",
        "MaxPolls": "5",
        "TaskTimeoutSeconds": "600",
        "TaskAssignPublicIp": "DISABLED",
        "UnitTaskCpu": "1024",
        "UnitTaskMemory": "4096",
        "ArtifactsBucketName": "artifacts",
        **(ecs or {}),
    }

    def sub(m: re.Match[str]) -> str:
        key = m.group(1)
        if key.endswith("FunctionArn"):
            return f"arn:aws:lambda:{REGION}:123456789012:function:{key[:-3]}"
        return subs[key]

    return re.sub(r"\$\{(\w+)\}", sub, text)



def _worker_container() -> dict[str, Any]:
    """The worker container of template.yaml (name, entrypoint, command), for moto."""
    template = yaml_parse((ROOT / "template.yaml").read_text())
    (container,) = template["Resources"]["WorkerTaskDefinition"]["Properties"][
        "ContainerDefinitions"
    ]
    return {
        "name": container["Name"],
        "image": "111111111111.dkr.ecr.eu-west-1.amazonaws.com/piigate:test",
        "entryPoint": container["EntryPoint"],
        "command": container["Command"],
        "essential": container["Essential"],
        # moto sizes tasks from the container's own numbers
        "cpu": 2048,
        "memory": 8192,
    }


def _pascal_case(obj: Any) -> None:
    """In place: every key's first letter upper case, as Step Functions outputs ECS's."""
    if isinstance(obj, dict):
        for key in list(obj):
            value = obj.pop(key)
            _pascal_case(value)
            obj[key[:1].upper() + key[1:]] = value
    elif isinstance(obj, list):
        for item in obj:
            _pascal_case(item)


def _wait(fn: Any, what: str, timeout: float = 120.0) -> Any:
    return wait_for(fn, what, timeout)


class _Side:
    """What both sides' test harnesses share: queues, the in-process Lambda, results."""

    sfn: Any
    calls: list[str]
    failures: dict[str, Callable[[dict], None]]

    # -- plumbing ----------------------------------------------------------------------
    def _queue(self, name: str) -> str:
        return boto3.client("sqs").create_queue(QueueName=name)["QueueUrl"]

    def _arn(self, url: str) -> str:
        return boto3.client("sqs").get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])[
            "Attributes"
        ]["QueueArn"]

    def _queue_on(self, topic: str, name: str) -> str:
        url = self._queue(name)
        boto3.client("sns").subscribe(
            TopicArn=topic,
            Protocol="sqs",
            Endpoint=self._arn(url),
            Attributes={"RawMessageDelivery": "true"},
        )
        return url

    def messages(self, url: str) -> list[str]:
        msgs = boto3.client("sqs").receive_message(QueueUrl=url, MaxNumberOfMessages=10)
        return [m["Body"] for m in msgs.get("Messages", [])]

    def _patch_lambda(self, monkeypatch: pytest.MonkeyPatch) -> None:
        modules = _functions()
        side = self

        def invoke(self, function_name, qualifier, body, headers, response_headers):
            name = function_name.split(":")[-1]
            side.calls.append(name)
            try:
                event = json.loads(body or "{}")
                if name in side.failures:
                    # raised where the library would raise: inside the handler's wrapper
                    step(lambda ev, _settings: side.failures[name](ev))(event)
                return json.dumps(modules[name].handler(event, None)).encode()
            except Exception as exc:  # noqa: BLE001 - reported as Lambda does
                response_headers["x-amz-function-error"] = "Unhandled"
                return json.dumps(
                    {"errorType": type(exc).__name__, "errorMessage": str(exc)}
                ).encode()

        monkeypatch.setattr(LambdaSimpleBackend, "invoke", invoke)

    def _patch_ecs(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """RunTask runs the container's command in-process; .sync fails on a non-zero
        exit code, as AWS does."""
        side = self
        real_run_task = EC2ContainerServiceBackend.run_task

        def run_task(backend, cluster_str, task_definition_str, count, overrides, *args, **kw):
            started = real_run_task(
                backend, cluster_str, task_definition_str, count, overrides, *args, **kw
            )
            definition = backend.describe_task_definition(task_definition_str)
            (container,) = definition.container_definitions
            assert container["entryPoint"] == ["python3", "-m", "piigate"]
            (override,) = overrides["containerOverrides"]
            assert override["name"] == container["name"]
            command = override["command"]
            side.calls.append(f"task:{command[1]}")
            side.commands.append(command)
            code = side._run_container(command)
            for task in started:
                task.containers[0].exitCode = code
                task.stopped_reason = "Essential container in task exited"
            return started

        monkeypatch.setattr(EC2ContainerServiceBackend, "run_task", run_task)
        for name, real_step in list(tasks.STEPS.items()):
            monkeypatch.setitem(tasks.STEPS, name, side._with_failure(name, real_step))
        real_resolver = StateTaskServiceEcs._build_sync_resolver

        def build_sync_resolver(service, env, *args, **kwargs):
            resolve = real_resolver(service, env, *args, **kwargs)

            def resolver():
                task = resolve()
                if not task:
                    return task
                codes = [c.get("ExitCode", c.get("exitCode")) for c in task.get("Containers", [])]
                if any(code not in (0, None) for code in codes):
                    raise FailureEventException(
                        FailureEvent(
                            env=env,
                            error_name=StatesErrorName(typ=StatesErrorNameType.StatesTaskFailed),
                            event_type=HistoryEventType.TaskFailed,
                            event_details=EventDetails(
                                taskFailedEventDetails=TaskFailedEventDetails(
                                    resource="runTask.sync",
                                    resourceType="ecs",
                                    error=StatesErrorNameType.StatesTaskFailed.to_name(),
                                    cause=json.dumps(task, default=str),
                                )
                            ),
                        )
                    )
                return task

            return resolver

        monkeypatch.setattr(StateTaskServiceEcs, "_build_sync_resolver", build_sync_resolver)
        # moto 5.2.1's ECS integration skips the request and response normalisation AWS
        # does (ASL's PascalCase to the API's camelCase and back): add it
        model = botocore.session.get_session().get_service_model("ecs")

        def normalise_parameters(service, parameters, *args, **kwargs):
            service._to_boto_request(parameters, model.operation_model("RunTask").input_shape)

        def normalise_response(service, response, *args, **kwargs):
            _pascal_case(response)

        monkeypatch.setattr(StateTaskServiceEcs, "_normalise_parameters", normalise_parameters)
        monkeypatch.setattr(StateTaskServiceEcs, "_normalise_response", normalise_response)

    def _run_container(self, command: list[str]) -> int:
        """``python3 -m piigate <command>`` as the container runs it."""
        return cli.main(command)

    def _with_failure(self, name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        """The task step ``name``, raising the injected failure (if any) inside the step,
        where the library would. Installed once per test: the Map runs its items in
        threads, so swapping the step per call would race."""

        def step(event: dict, settings: Any) -> Any:
            hook = self.failures.get(f"task:{name}")
            if hook is not None:
                hook(event)
            return real(event, settings)

        return step

    def _ecs_resources(self) -> dict[str, str]:
        """The cluster, task definition and network the template creates, in moto."""
        ec2 = boto3.client("ec2")
        vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
        ec2.modify_vpc_attribute(VpcId=vpc, EnableDnsHostnames={"Value": True})
        subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.0.1.0/24")["Subnet"]["SubnetId"]
        group = ec2.create_security_group(GroupName="tasks", Description="t", VpcId=vpc)
        ecs = boto3.client("ecs")
        cluster = ecs.create_cluster(clusterName="piigate-test")["cluster"]["clusterArn"]
        container = _worker_container()
        task_def = ecs.register_task_definition(
            family="piigate-test-worker",
            requiresCompatibilities=["FARGATE"],
            networkMode="awsvpc",
            cpu="2048",
            memory="8192",
            containerDefinitions=[container],
        )["taskDefinition"]["taskDefinitionArn"]
        return {
            "TaskClusterArn": cluster,
            "WorkerTaskDefinitionArn": task_def,
            "TaskSubnetIds": subnet,
            "TaskSecurityGroupIds": group["GroupId"],
        }

    def finished(self, arn: str) -> dict[str, Any]:
        return _wait(
            lambda: (
                (d := self.sfn.describe_execution(executionArn=arn))["status"] != "RUNNING" and d
            ),
            "the execution to end",
            # a run is some twenty in-process Fargate tasks (one per work unit, four
            # phases): on a loaded 2-core machine that can take minutes
            timeout=600.0,
        )

    def history(self, arn: str) -> str:
        return json.dumps(self.sfn.get_execution_history(executionArn=arn)["events"], default=str)


class Producer(_Side):
    """The producer's resources, as template.yaml would create them, in moto."""

    def __init__(
        self,
        monkeypatch: pytest.MonkeyPatch,
        urls: dict[str, str],
        approval_timeout: str = "600",
        macie: str = "false",
    ) -> None:
        self.failures: dict[str, Callable[[dict], None]] = {}
        self.calls: list[str] = []
        self.commands: list[list[str]] = []
        self.kms = boto3.client("kms").create_key()["KeyMetadata"]["Arn"]
        self.data_key = boto3.client("kms").create_key()["KeyMetadata"]["Arn"]
        rds = boto3.client("rds")
        create_instance(rds, "prod-db", StorageEncrypted=True)
        rds.create_db_snapshot(DBInstanceIdentifier="prod-db", DBSnapshotIdentifier="prod-1")
        s3 = boto3.client("s3")
        s3.create_bucket(
            Bucket="artifacts", CreateBucketConfiguration={"LocationConstraint": REGION}
        )
        # as the template's ArtifactsBucket
        s3.put_bucket_versioning(
            Bucket="artifacts", VersioningConfiguration={"Status": "Enabled"}
        )
        sm = boto3.client("secretsmanager")
        master = sm.create_secret(Name="piigate/master", SecretString="hex:" + "11" * 32)["ARN"]
        link = sm.create_secret(Name="piigate/link", SecretString="hex:" + "22" * 32)["ARN"]
        db_secret = sm.create_secret(
            Name="piigate/db", SecretString=json.dumps({"username": "admin", "password": "pw"})
        )["ARN"]
        DynamoReviewStore("reviews").create_table()
        sns = boto3.client("sns")
        self.review_topic = sns.create_topic(Name="review")["TopicArn"]
        self.failure_topic = sns.create_topic(Name="failure")["TopicArn"]
        self.inbox = self._queue_on(self.review_topic, "inbox")
        self.alerts = self._queue_on(self.failure_topic, "alerts")
        events = boto3.client("events")
        bus = events.create_event_bus(Name="piigate")["EventBusArn"]
        self.bus_queue = self._queue("bus")
        events.put_rule(
            Name="seen",
            EventBusName="piigate",
            EventPattern=json.dumps({"source": ["piigate.producer"]}),
        )
        events.put_targets(
            Rule="seen",
            EventBusName="piigate",
            Targets=[{"Id": "q", "Arn": self._arn(self.bus_queue)}],
        )
        env = {
            "PIIGATE_SOURCE_INSTANCE": "prod-db",
            "PIIGATE_KMS_KEY_ARN": self.kms,
            "PIIGATE_DATA_KEY_ARN": self.data_key,
            "PIIGATE_DB_SECRET_ARN": db_secret,
            "PIIGATE_LOCK_TABLE": create_lock_table(),
            "PIIGATE_PREPROD_ACCOUNT": PREPROD,
            "PIIGATE_EVENT_BUS_ARN": bus,
            "PIIGATE_BUCKET": "artifacts",
            "PIIGATE_SECRET_ID": master,
            "PIIGATE_FAILURE_TOPIC_ARN": self.failure_topic,
            "PIIGATE_DB_USER_ALLOWLIST": "app_reader",
            "PIIGATE_SAMPLE_SIZE": "50",
            "PIIGATE_REVIEW_TABLE": "reviews",
            "PIIGATE_SCHEMA_BUCKET": "artifacts",
            "PIIGATE_SCHEMA_PREFIX": "reviews/",
            "PIIGATE_LINK_SECRET_ID": link,
            "PIIGATE_REVIEW_TOPIC_ARN": self.review_topic,
            "PIIGATE_REVIEW_RECIPIENTS": REVIEWER,
            "PIIGATE_APPROVAL_TIMEOUT_SECONDS": approval_timeout,
            "PIIGATE_REVIEW_BASE_URL": f"https://api.example.com/{STAGE}",
        }
        for k, v in env.items():
            monkeypatch.setenv(k, v)
        databases.set_url_resolver(urls.__getitem__)
        # shared test servers: the user scrub is tested on its own (test_aws_hygiene.py)
        monkeypatch.setattr(
            steps, "scrub_users", lambda engine, allow: {"users_dropped": 0, "users_rotated": 0}
        )
        self._patch_lambda(monkeypatch)
        self._patch_ecs(monkeypatch)
        role = boto3.client("iam").create_role(RoleName="sfn", AssumeRolePolicyDocument="{}")
        self.sfn = boto3.client("stepfunctions")
        self.machine = self.sfn.create_state_machine(
            name="piigate-producer",
            definition=_definition(
                approval_timeout=approval_timeout, macie=macie, ecs=self._ecs_resources()
            ),
            roleArn=role["Role"]["Arn"],
        )["stateMachineArn"]

    # -- the run -----------------------------------------------------------------------
    def start(self, name: str) -> str:
        return self.sfn.start_execution(stateMachineArn=self.machine, name=name, input="{}")[
            "executionArn"
        ]

    def status(self, arn: str) -> str:
        return self.sfn.describe_execution(executionArn=arn)["status"]

    def review_link(self, arn: str) -> str | None:
        """The link from the review mail, once it was sent (None if the run ended)."""

        def mail() -> Any:
            found = self.messages(self.inbox)
            return found or self.status(arn) != "RUNNING"

        found = _wait(mail, "the review mail")
        if found is True:
            return None
        return re.search(r"https://\S+", found[0]).group(0)

    def answer(self, link: str, action: str, **extra: str) -> dict[str, Any]:
        page = approval.lambda_handler(_api("GET", link))
        assert page["statusCode"] == 200, page["body"]
        form = page_form(page["body"], "review-form" if action == "approve" else "deny-form")
        form.update(extra)
        return approval.lambda_handler(_api("POST", link.split("?")[0] + "/" + action, form))


def _api(method: str, url: str, form: dict[str, str] | None = None) -> dict[str, Any]:
    parts = urllib.parse.urlsplit(url)
    return {
        "httpMethod": method,
        "path": parts.path[len(STAGE) + 1 :],
        "requestContext": {"stage": STAGE, "path": parts.path},
        "queryStringParameters": dict(urllib.parse.parse_qsl(parts.query)) or None,
        "headers": {"Content-Type": "application/x-www-form-urlencoded"} if form else {},
        "body": urllib.parse.urlencode(form) if form is not None else None,
        "isBase64Encoded": False,
    }


def _stand_ins(fresh_db: Callable[[str], str], run: str) -> dict[str, str]:
    urls = {
        names.temp_instance(run): fresh_db("postgresql"),
        names.reference_instance(run): fresh_db("postgresql"),
    }
    for url in urls.values():
        engine = sa.create_engine(url)
        sample.create(engine, 30, seed=5)
        _add_newsletter(engine)
        engine.dispose()
    return urls


def _add_newsletter(engine: sa.Engine) -> None:
    """Subscribers' emails in a table of their own: a second table group (work unit)
    beside the employees key group the sample's foreign keys join."""
    md = sa.MetaData()
    table = sa.Table(
        "newsletter",
        md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("email", sa.String(120), nullable=False),
    )
    md.create_all(engine)
    readers = ["maria.lopez", "tom.becker", "yuki.tanaka", "olga.ivanova", "sam.okafor"]
    with engine.begin() as conn:
        conn.execute(
            table.insert(),
            [{"id": i, "email": f"{readers[i % 5]}{i}@mail.example.net"} for i in range(40)],
        )


def _originals(url: str) -> list[str]:
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(
            sa.text("SELECT email, last_name FROM customers, employees LIMIT 20")
        ).all()
    engine.dispose()
    return sorted({v for row in rows for v in row if v and len(v) > 4})


def _last_names(url: str) -> list[str]:
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        names_ = [
            r[0]
            for r in conn.execute(
                sa.text("SELECT last_name FROM employees ORDER BY hire_date, gender LIMIT 10")
            )
        ]
    engine.dispose()
    return names_


@pytest.fixture
def aws(aws_credentials):
    monkeypatch = aws_credentials
    reset_clients()
    approval.reset()
    with mock_aws(config=CONFIG):
        yield monkeypatch
    reset_clients()
    approval.reset()
    databases.set_url_resolver(None)


def _shared_snapshots() -> list[str]:
    rds = boto3.client("rds")
    out = []
    for snap in rds.describe_db_snapshots(SnapshotType="manual")["DBSnapshots"]:
        attrs = rds.describe_db_snapshot_attributes(
            DBSnapshotIdentifier=snap["DBSnapshotIdentifier"]
        )["DBSnapshotAttributesResult"]
        for attr in attrs.get("DBSnapshotAttributes", []):
            if attr["AttributeName"] == "restore" and attr.get("AttributeValues"):
                out.append(snap["DBSnapshotIdentifier"])
    return out


def _temp_instances() -> list[str]:
    return [
        i["DBInstanceIdentifier"]
        for i in boto3.client("rds").describe_db_instances()["DBInstances"]
        if i["DBInstanceIdentifier"].startswith(names.TEMP_PREFIX)
    ]


def test_producer_run_shares_a_verified_snapshot(aws, fresh_db):
    run = "e2e-ok"
    urls = _stand_ins(fresh_db, run)
    producer = Producer(aws, urls)
    arn = producer.start(run)
    link = producer.review_link(arn)
    assert link, producer.history(arn)[-2000:]
    resp = producer.answer(link, "approve")
    assert resp["statusCode"] == 200, resp["body"]
    done = producer.finished(arn)
    assert done["status"] == "SUCCEEDED", producer.history(arn)[-3000:]

    shared = _shared_snapshots()
    assert shared == [names.temp_snapshot(run, "cmk")]
    (event,) = [json.loads(b) for b in producer.messages(producer.bus_queue)]
    assert event["detail"]["verification"]["passed"] is True
    assert event["detail"]["snapshot_arn"].endswith(shared[0])
    assert _temp_instances() == []
    assert _last_names(urls[names.temp_instance(run)]) != _last_names(
        urls[names.reference_instance(run)]
    )  # the stand-in really was tokenized
    # the payloads and the history never carry the data
    history = producer.history(arn)
    leaked = [v for v in _originals(urls[names.reference_instance(run)]) if v in history]
    assert leaked == []
    assert "Cleanup" in producer.calls[-2] and producer.calls[-1] == "NotifyFunction"
    # the heavy steps ran as Fargate tasks: plan, one task per work unit (the Map's
    # items came from S3), verify, hygiene; the Lambda read their results and finished
    s3 = boto3.client("s3")
    units = json.loads(
        s3.get_object(Bucket="artifacts", Key=f"runs/{run}/plan.json")["Body"].read()
    )["units"]
    # maps, seals, row ranges, (PostgreSQL: indexes of swapped-in stages), finishes
    count = len({u["phase"] for u in units})
    assert count in (4, 5)
    phases = [
        json.loads(s3.get_object(Bucket="artifacts", Key=f"runs/{run}/units-{n}.json")
                   ["Body"].read())
        for n in range(count)
    ]
    assert len(units) > 1, units
    assert sorted(i["unit"] for items in phases for i in items) == list(range(len(units)))
    tasks_run = [c for c in producer.calls if c.startswith("task:")]
    assert tasks_run.count("task:tokenize") == len(units)
    assert tasks_run[0] == "task:plan" and tasks_run[-2:] == ["task:verify", "task:hygiene"]
    ran = [json.loads(c[3])["unit"] for c in producer.commands if c[1] == "tokenize"]
    # one Map per phase, in order: every unit of a phase ran before any of the next
    assert [sorted(ran[:len(phases[0])])] + [
        sorted(ran[sum(map(len, phases[:n])):sum(map(len, phases[:n + 1]))])
        for n in range(1, count)
    ] == [sorted(i["unit"] for i in items) for items in phases]
    assert producer.calls.count("WorkFunction") == 3  # plan result, finish, verify result
    for step_name in ("plan", "verify", "hygiene"):
        key = f"runs/{run}/tasks/{step_name}.json"
        assert json.loads(s3.get_object(Bucket="artifacts", Key=key)["Body"].read())["ok"]
    for index, unit in enumerate(units):
        key = f"runs/{run}/tasks/tokenize-{index}.json"
        record = json.loads(s3.get_object(Bucket="artifacts", Key=key)["Body"].read())
        assert record["ok"] and not record["result"]["skipped"]
        if unit["kind"] == "rows":
            assert record["result"]["rows"] > 0
    engine = sa.create_engine(urls[names.temp_instance(run)])
    assert not tool_tables(engine)
    engine.dispose()


class Injected(RuntimeError):
    """The injected failure; its message must not reach the notification."""


def _fail_when(**match: Any) -> Callable[[dict], None]:
    """Raise on the first call whose event has these fields (a value-like message)."""

    def hook(event: dict) -> None:
        if all(event.get(k) == v for k, v in match.items()):
            raise Injected("row (email)=(jane.doe@example.com) broke")

    return hook


# state -> (function, event fields that single out the state); one failure per state
INJECTIONS = {
    "RestoreTemp": ("RestoreFunction", {}),
    "TempCheck": ("StatusFunction", {"kind": "run_instances"}),
    "Scan": ("ScanFunction", {}),
    "Propose": ("ProposeFunction", {}),
    "RequestApproval": ("RequestReviewFunction", {}),
    "PlanWork": ("task:plan", {}),
    "PlanResult": ("WorkFunction", {"action": "result", "step": "plan"}),
    "TokenizeUnit": ("task:tokenize", {"unit": 1}),
    "FinishWork": ("WorkFunction", {"action": "finish"}),
    "Verify": ("task:verify", {}),
    "VerifyResult": ("WorkFunction", {"action": "result", "step": "verify"}),
    "Hygiene": ("task:hygiene", {}),
    "CreateSnapshot": ("SnapshotFunction", {"action": "create"}),
    "SnapshotCheck": ("StatusFunction", {"kind": "snapshot"}),
    "EnsureCustomerKey": ("SnapshotFunction", {"action": "ensure_cmk"}),
    "Share": ("ShareFunction", {"action": "share"}),
    "PublishEvent": ("ShareFunction", {"action": "publish"}),
}
BEFORE_GATE = {"RestoreTemp", "TempCheck", "Scan", "Propose", "RequestApproval"}
NO_DATABASE = {"RestoreTemp", "TempCheck", "Scan"}


def _assert_failed_cleanly(producer: Producer, arn: str, run: str) -> dict[str, Any]:
    done = producer.finished(arn)
    assert done["status"] == "FAILED", producer.history(arn)[-3000:]
    assert _temp_instances() == []
    assert _shared_snapshots() == []
    assert not [
        s
        for s in boto3.client("rds").describe_db_snapshots(SnapshotType="manual")["DBSnapshots"]
        if s["DBSnapshotIdentifier"].startswith(names.TEMP_PREFIX)
    ]
    assert producer.messages(producer.bus_queue) == []
    (alert,) = [json.loads(m) for m in producer.messages(producer.alerts)]
    assert alert["run_id"] == run and alert["outcome"] == "failed"
    assert "jane" not in json.dumps(alert)
    assert "jane" not in producer.history(arn)  # nor anywhere in the execution's payloads
    return alert


@pytest.mark.parametrize("state", list(INJECTIONS))
def test_failure_at_each_state_cleans_up_and_notifies(aws, fresh_db, state):
    run = f"e2e-{state.lower()}"
    # the states before the scan never reach a database
    urls = {} if state in NO_DATABASE else _stand_ins(fresh_db, run)
    producer = Producer(aws, urls)
    function, match = INJECTIONS[state]
    producer.failures[function] = _fail_when(**match)
    arn = producer.start(run)
    if state not in BEFORE_GATE:
        link = producer.review_link(arn)
        assert link, producer.history(arn)[-2000:]
        assert producer.answer(link, "approve")["statusCode"] == 200
    alert = _assert_failed_cleanly(producer, arn, run)
    if state == "TokenizeUnit":
        # moto 5.2.1 counts a failed Distributed Map item but does not enforce the
        # tolerated-failure threshold (AWS fails the Map: ToleratedFailurePercentage 0,
        # test_statemachine.py); the run still fails closed at FinishWork, which refuses
        # a plan with a unit not applied, naming its tables (unit 1 is a value range of a
        # key domain: the units of the later phases that need it refuse to run)
        assert alert["error"]["type"] == "TokenizeError", alert
        assert "were not applied (" in alert["error"]["message"]
        assert "customers" in alert["error"]["message"]
        record = json.loads(
            boto3.client("s3")
            .get_object(Bucket="artifacts", Key=f"runs/{run}/tasks/tokenize-1.json")["Body"]
            .read()
        )
        assert record["ok"] is False and record["error"]["type"] == "StepError"
        assert "Injected" in record["error"]["message"] and "jane" not in json.dumps(record)
        return
    # the injected error, details withheld; a Fargate task's (States.TaskFailed) is the
    # one the task recorded in S3
    assert alert["error"]["type"] == "StepError", alert
    assert "Injected" in alert["error"]["message"]
    if function.startswith("task:"):
        assert alert["error"]["task_failed"] == "true"


def test_denial_cleans_up_and_notifies(aws, fresh_db):
    run = "e2e-deny"
    producer = Producer(aws, _stand_ins(fresh_db, run))
    arn = producer.start(run)
    link = producer.review_link(arn)
    assert producer.answer(link, "deny", reason="notes are not masked")["statusCode"] == 200
    alert = _assert_failed_cleanly(producer, arn, run)
    assert alert["error"]["type"] == "ApprovalDenied"
    assert "Share" not in " ".join(producer.calls)


def test_failed_verification_shares_nothing(aws, fresh_db, monkeypatch):
    run = "e2e-unverified"
    producer = Producer(aws, _stand_ins(fresh_db, run))
    real = steps.verify_run

    def failing(*args, **kwargs):
        out = real(*args, **kwargs)
        return {**out, "passed": False}

    monkeypatch.setattr(steps, "verify_run", failing)
    arn = producer.start(run)
    assert producer.answer(producer.review_link(arn), "approve")["statusCode"] == 200
    alert = _assert_failed_cleanly(producer, arn, run)
    assert alert["error"]["type"] == "VerificationFailed"
    assert "task:hygiene" not in producer.calls


def test_approval_timeout_cleans_up_and_notifies(aws, fresh_db, monkeypatch):
    """Nobody answers: the gate's timeout (= link expiry) ends the run like a denial."""
    run = "e2e-timeout"
    producer = Producer(aws, _stand_ins(fresh_db, run), approval_timeout="1")
    arn = producer.start(run)
    alert = _assert_failed_cleanly(producer, arn, run)
    assert alert["error"]["type"] == "States.Timeout"
    assert "task:plan" not in producer.calls


# -- importer ------------------------------------------------------------------------------


class Importer(_Side):
    """The importer's resources in moto, with the machine from importer.asl.json."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, producer_account: str) -> None:
        self.kms = boto3.client("kms").create_key()["KeyMetadata"]["Arn"]
        rds = boto3.client("rds")
        create_instance(rds, "preprod-db")
        topic = boto3.client("sns").create_topic(Name="notices")["TopicArn"]
        self.notices = self._queue_on(topic, "notices")
        db_secret = boto3.client("secretsmanager").create_secret(
            Name="piigate/db", SecretString=json.dumps({"username": "admin", "password": "pp"})
        )["ARN"]
        for k, v in {
            "PIIGATE_DB_SECRET_ARN": db_secret,
            "PIIGATE_SOURCE_INSTANCE": "preprod-db",
            "PIIGATE_KMS_KEY_ARN": self.kms,
            "PIIGATE_PRODUCER_ACCOUNT": producer_account,
            "PIIGATE_FAILURE_TOPIC_ARN": topic,
            "PIIGATE_LOCK_TABLE": create_lock_table("importer-locks"),
        }.items():
            monkeypatch.setenv(k, v)
        self.calls: list[str] = []
        self.failures: dict[str, Callable[[dict], None]] = {}
        self._patch_lambda(monkeypatch)
        role = boto3.client("iam").create_role(RoleName="imp", AssumeRolePolicyDocument="{}")
        self.sfn = boto3.client("stepfunctions")
        self.machine = self.sfn.create_state_machine(
            name="piigate-importer", definition=_definition("importer"), roleArn=role["Role"]["Arn"]
        )["stateMachineArn"]

    def start(self, name: str, event: dict[str, Any]) -> str:
        return self.sfn.start_execution(
            stateMachineArn=self.machine, name=name, input=json.dumps(event)
        )["executionArn"]


def _shared_event(passed: bool = True) -> dict[str, Any]:
    """What EventBridge hands the importer: the producer's event (moto: one account)."""
    rds = boto3.client("rds")
    create_instance(rds, "piigate-tmp-p1")
    rds.create_db_snapshot(
        DBInstanceIdentifier="piigate-tmp-p1", DBSnapshotIdentifier="piigate-tmp-p1-cmk"
    )
    rds.delete_db_instance(DBInstanceIdentifier="piigate-tmp-p1", SkipFinalSnapshot=True)
    arn = rds.describe_db_snapshots(DBSnapshotIdentifier="piigate-tmp-p1-cmk")["DBSnapshots"][0][
        "DBSnapshotArn"
    ]
    return {
        "version": "0",
        "id": "e1",
        "source": "piigate.producer",
        "detail-type": "TokenizedSnapshotShared",
        "account": arn.split(":")[4],
        "region": REGION,
        "resources": [arn],
        "detail": {
            "run_id": "p1",
            "snapshot_arn": arn,
            "schema_hash": "sha256:" + "a" * 64,
            "verification": {"passed": passed, "report_hash": "sha256:" + "b" * 64},
        },
    }


def _preprod_instances() -> dict[str, str | None]:
    out = {}
    for inst in boto3.client("rds").describe_db_instances()["DBInstances"]:
        tags = {t["Key"]: t["Value"] for t in inst.get("TagList", [])}
        out[inst["DBInstanceIdentifier"]] = tags.get(names.RUN_TAG)
    return out


def test_importer_swaps_the_shared_snapshot_in(aws, tmp_path):
    (tmp_path / "preprod-db.sqlite").touch()  # stands in for the instance swapped in
    databases.set_url_resolver(lambda instance_id: f"sqlite:///{tmp_path / instance_id}.sqlite")
    event = _shared_event()
    importer = Importer(aws, event["account"])
    arn = importer.start("imp-ok", event)
    done = importer.finished(arn)
    assert done["status"] == "SUCCEEDED", importer.history(arn)[-3000:]
    # the target name now holds the instance restored by this run; nothing else is left
    assert _preprod_instances() == {"preprod-db": "imp-ok"}
    swapped_in = boto3.client("rds").describe_db_instances(DBInstanceIdentifier="preprod-db")
    tags = {t["Key"]: t["Value"] for t in swapped_in["DBInstances"][0]["TagList"]}
    assert tags.get("piigate:credentials") == "set"  # our password, not production's
    snaps = [
        s["DBSnapshotIdentifier"]
        for s in boto3.client("rds").describe_db_snapshots(SnapshotType="manual")["DBSnapshots"]
    ]
    assert not [s for s in snaps if s.startswith(names.IMPORT_PREFIX)]
    (note,) = [json.loads(m) for m in importer.messages(importer.notices)]
    assert note["outcome"] == "succeeded" and note["machine"] == "importer"


def test_importer_records_the_event_and_frees_the_lock(aws, tmp_path):
    """After an import the lock is free and the snapshot recorded: a second delivery of
    the same event (EventBridge delivers at least once) is answered as a duplicate,
    which the machine's Duplicate choice ends at IgnoreDuplicate (test_statemachine).
    moto cannot start a second execution once one ran in the same backend (it deep-copies
    state holding a lock), so the second delivery calls the lock handler itself."""
    from functions.handlers import lock as lock_handler

    (tmp_path / "preprod-db.sqlite").touch()
    databases.set_url_resolver(lambda instance_id: f"sqlite:///{tmp_path / instance_id}.sqlite")
    event = _shared_event()
    importer = Importer(aws, event["account"])
    first = importer.start("imp-first", event)
    assert importer.finished(first)["status"] == "SUCCEEDED", importer.history(first)[-3000:]
    assert importer.calls[0] == "LockFunction"
    locks = boto3.client("dynamodb").scan(TableName="importer-locks")["Items"]
    assert [i["key"]["S"] for i in locks] == ["event#" + event["detail"]["snapshot_arn"]]
    again = first.replace("imp-first", "imp-again")
    out = lock_handler.handler({"lock": "importer", "execution": again, "event": event})
    assert out["duplicate"] is True


def test_importer_refuses_an_unverified_snapshot(aws):
    event = _shared_event(passed=False)
    importer = Importer(aws, event["account"])
    arn = importer.start("imp-refused", event)
    assert importer.finished(arn)["status"] == "FAILED"
    assert _preprod_instances() == {"preprod-db": None}
    assert "ImportRestoreFunction" not in importer.calls
    (note,) = [json.loads(m) for m in importer.messages(importer.notices)]
    assert note["error"]["type"] == "RefusedEvent"


def test_importer_puts_the_old_instance_back_when_the_new_one_does_not_answer(aws):
    # nothing listens on port 1: the check after renaming the new instance in fails
    databases.set_url_resolver(lambda _: "postgresql+psycopg://nobody@127.0.0.1:1/none")
    event = _shared_event()
    importer = Importer(aws, event["account"])
    arn = importer.start("imp-rollback", event)
    assert importer.finished(arn)["status"] == "FAILED", importer.history(arn)[-3000:]
    # the old instance is back under its name; the new one and the copy are gone
    assert _preprod_instances() == {"preprod-db": None}
    (note,) = [json.loads(m) for m in importer.messages(importer.notices)]
    assert note["outcome"] == "failed"
    swaps = [c for c in importer.calls if c == "SwapFunction"]
    assert len(swaps) >= 5  # old aside, new in, failed check, then the rollback steps


class FakeMacie:
    """Amazon Macie (moto has none): one job, one finding on the customers extract."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.extract_keys: set[str] = set()

    def create_classification_job(self, **request: Any) -> dict[str, Any]:
        self.requests.append(request)
        s3 = boto3.client("s3")
        for obj in s3.list_objects_v2(Bucket="artifacts", Prefix="extracts/").get("Contents", []):
            head = s3.head_object(Bucket="artifacts", Key=obj["Key"])
            self.extract_keys.add(head.get("SSEKMSKeyId", ""))
        return {"jobId": "job-1"}

    def describe_classification_job(self, jobId: str) -> dict[str, Any]:  # noqa: N803
        return {"jobStatus": "COMPLETE"}

    def list_findings(self, **kwargs: Any) -> dict[str, Any]:
        return {"findingIds": ["f-1"]}

    def get_findings(self, findingIds: list[str]) -> dict[str, Any]:  # noqa: N803
        prefix = self.requests[0]["s3JobDefinition"]["scoping"]["includes"]["and"][0][
            "simpleScopeTerm"
        ]["values"][0]
        detection = {
            "type": "ADDRESS",
            "count": 3,
            "occurrences": {"records": [{"jsonPath": "$.city"}] * 3},
        }
        return {
            "findings": [
                {
                    "resourcesAffected": {"s3Object": {"key": prefix + "customers.jsonl"}},
                    "classificationDetails": {
                        "jobId": "job-1",
                        "result": {
                            "sensitiveData": [
                                {"category": "PERSONAL_INFORMATION", "detections": [detection]}
                            ]
                        },
                    },
                }
            ]
        }


def test_macie_evidence_reaches_the_proposal_and_the_extract_is_deleted(aws, fresh_db):
    from piigate import cloud

    run = "e2e-macie"
    producer = Producer(aws, _stand_ins(fresh_db, run), macie="true")
    fake = FakeMacie()
    cloud._CLIENTS[("macie2", None)] = fake
    arn = producer.start(run)
    link = producer.review_link(arn)
    assert link, producer.history(arn)[-3000:]
    calls = " ".join(producer.calls)
    assert calls.index("MacieFunction") < calls.index("ScanFunction")
    # the job was scoped to this run's extract, which is gone once the findings are in
    assert fake.requests[0]["s3JobDefinition"]["scoping"]["includes"]["and"][0]["simpleScopeTerm"][
        "values"
    ] == [f"extracts/{run}/"]
    listed = boto3.client("s3").list_objects_v2(Bucket="artifacts", Prefix="extracts/")
    assert listed.get("KeyCount", 0) == 0
    # every version, not just the current one (the bucket is versioned)
    versions = boto3.client("s3").list_object_versions(Bucket="artifacts", Prefix="extracts/")
    assert versions.get("Versions", []) == [] and versions.get("DeleteMarkers", []) == []
    # sampled production rows: under the stack's data key, never the shared-snapshot key
    assert fake.extract_keys and all(producer.data_key in k or k.endswith(
        producer.data_key.rsplit("/", 1)[1]) for k in fake.extract_keys)
    proposal = next(
        o["Key"]
        for o in boto3.client("s3").list_objects_v2(Bucket="artifacts", Prefix="reviews/")[
            "Contents"
        ]
        if "-proposal-" in o["Key"]
    )
    doc = json.loads(boto3.client("s3").get_object(Bucket="artifacts", Key=proposal)["Body"].read())
    city = doc["tables"]["customers"]["columns"]["city"]
    assert "macie:ADDRESS" in json.dumps(city)
    assert producer.answer(link, "deny", reason="test")["statusCode"] == 200
    _assert_failed_cleanly(producer, arn, run)
