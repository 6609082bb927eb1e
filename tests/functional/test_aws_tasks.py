"""The Fargate tasks' command line against real PostgreSQL and MariaDB, S3 in moto.

moto runs the producer state machine up to ``ecs:runTask.sync`` (test_aws_e2e.py); what
the container does in the task is this: ``python3 -m piigate task <step> --input
<json>``, with the template's ``PIIGATE_*`` environment. Here that command line runs
in-process (``piigate.cli.main``, as ``python3 -m piigate`` calls it) against a local
database standing in for the restored instance: plan, every work unit in any order (a
retried unit is skipped), the work function's finish and result reads, verify, hygiene,
and a failing task's exit code and value-free record.
"""

from __future__ import annotations

import json
from typing import Any

import boto3
import pytest
import sqlalchemy as sa
from moto import mock_aws

from functions.handlers import work
from piigate import cli, sample
from piigate.aws import AwsSettings, databases, names, reset_clients, steps, tasks
from piigate.errors import ConfigError, PiiGateError
from piigate.schema import parse_schema
from piigate.schema.storage import S3Schemas
from tests.fixtures.dbutil import tool_tables
from tests.fixtures.employees_schema import employees_schema

RUN = "task-run-1"
ENGINES = [
    pytest.param("postgresql", marks=pytest.mark.postgres),
    pytest.param("mysql", marks=pytest.mark.mariadb),
]


@pytest.fixture
def producer(aws_credentials):
    """The worker task definition's environment over moto's S3 and Secrets Manager."""
    monkeypatch = aws_credentials
    reset_clients()
    with mock_aws():
        boto3.client("s3").create_bucket(
            Bucket="artifacts", CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}
        )
        secret = boto3.client("secretsmanager").create_secret(
            Name="piigate/master", SecretString="hex:" + "11" * 32
        )["ARN"]
        for k, v in {
            "PIIGATE_BUCKET": "artifacts",
            "PIIGATE_SECRET_ID": secret,
            "PIIGATE_DB_USER_ALLOWLIST": "app_reader",
            "PIIGATE_TOKENIZE_RANGES": "3",
        }.items():
            monkeypatch.setenv(k, v)
        yield monkeypatch
    reset_clients()
    databases.set_url_resolver(None)


def _container(step: str, event: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> tuple[
    int, dict[str, Any]
]:
    """The container's command, as the state machine overrides it; exit code and the
    one line it logs."""
    code = cli.main(["task", step, "--input", json.dumps(event, separators=(",", ":"))])
    out = capsys.readouterr()
    lines = (out.out if code == 0 else out.err).strip().splitlines()
    return code, json.loads(lines[-1])


def _result(key: str) -> dict[str, Any]:
    body = boto3.client("s3").get_object(Bucket="artifacts", Key=key)["Body"].read()
    return json.loads(body)


def _stand_ins(fresh_db, engine_name: str) -> dict[str, str]:
    urls = {
        names.temp_instance(RUN): fresh_db(engine_name),
        names.reference_instance(RUN): fresh_db(engine_name),
    }
    for url in urls.values():
        engine = sa.create_engine(url)
        sample.create(engine, 40, seed=3)
        engine.dispose()
    databases.set_url_resolver(urls.__getitem__)
    return urls


def _approved() -> tuple[str, str]:
    doc = employees_schema()
    # several transaction groups: department names and the audit log's keys on their own
    doc["tables"]["departments"]["columns"]["dept_name"] = {"method": "fpe"}
    doc["tables"]["audit_log"]["columns"]["emp_no"] = {"method": "fpe"}
    schema = parse_schema(doc)
    location = S3Schemas("artifacts", "reviews/", client=boto3.client("s3")).put(schema, "approved")
    return location, schema.hash()


def _last_names(url: str) -> list[str]:
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT last_name FROM employees ORDER BY emp_no")).all()
    engine.dispose()
    return [r[0] for r in rows]


@pytest.mark.parametrize("engine_name", ENGINES)
def test_the_task_command_line_plans_tokenizes_verifies_and_compacts(
    producer, fresh_db, capsys, monkeypatch, engine_name
):
    urls = _stand_ins(fresh_db, engine_name)
    location, schema_hash = _approved()
    # what the TaskInput state hands every task (ids, locations, hashes)
    task = {
        "run_id": RUN,
        "instance_id": names.temp_instance(RUN),
        "schema_location": location,
        "schema_hash": schema_hash,
        "plan_location": f"s3://artifacts/runs/{RUN}/plan.json",
        "task_timeout_seconds": 600,
    }

    code, line = _container("plan", task, capsys)
    assert code == 0 and line["ok"], line
    planned = work.handler({"action": "result", "step": "plan", "run_id": RUN})
    assert planned == line["result"]
    assert planned["plan_location"] == task["plan_location"]
    units = _result(f"runs/{RUN}/plan.json")["units"]
    # one item list per phase, indexes only (the units stay in the plan), in phase order
    lists = [_result(key) for key in planned["phase_objects"]]
    # maps, seals, row ranges, (PostgreSQL: the swapped-in stages' indexes), finishes
    assert planned["phase_count"] == len(lists) == (5 if engine_name == "postgresql" else 4)
    assert sorted(item["unit"] for items in lists for item in items) == list(range(len(units)))
    kinds = [{units[item["unit"]]["kind"] for item in items} for items in lists]
    assert kinds[:2] == [{"map"}, {"seal"}] and kinds[-1] == {"finish"}
    assert kinds[3:-1] == ([{"index"}] if engine_name == "postgresql" else [])
    assert "rows" in kinds[2]
    # the employees group's tables are split into ranges (TokenizeRanges)
    assert sum(units[i["unit"]]["kind"] == "rows" for i in lists[2]) > 5
    assert planned["unit_count"] == len(units)

    finish = {k: task[k] for k in ("run_id", "instance_id", "plan_location", "schema_hash")}
    with pytest.raises(PiiGateError, match="not applied"):
        work.handler({**finish, "action": "finish"})  # fail closed: no unit ran yet
    before = _last_names(urls[names.temp_instance(RUN)])
    # a unit whose phase before is not complete is refused, and changes nothing
    code, line = _container("tokenize", {**finish, "unit": lists[-1][0]["unit"]}, capsys)
    assert code != 0 and line["ok"] is False
    assert _last_names(urls[names.temp_instance(RUN)]) == before
    for items in lists:
        for item in reversed(items):  # any order within a phase
            index = item["unit"]
            # what the Map's ItemSelector builds for one item
            code, line = _container("tokenize", {**finish, "unit": index,
                                                 "task_timeout_seconds": 600}, capsys)
            assert code == 0, line
            assert line["result"]["unit"] == index and not line["result"]["skipped"]
            assert _result(f"runs/{RUN}/tasks/tokenize-{index}.json")["ok"] is True
    code, line = _container("tokenize", {**finish, "unit": 0}, capsys)  # a retried unit
    assert code == 0 and line["result"]["skipped"] is True
    groups = len({u["group"] for u in units if u["kind"] in ("finish", "group")})
    assert work.handler({**finish, "action": "finish"}) == {"groups": groups}
    engine = sa.create_engine(urls[names.temp_instance(RUN)])
    assert not tool_tables(engine)
    engine.dispose()
    after = _last_names(urls[names.temp_instance(RUN)])
    assert len(after) == len(before) and after != before

    code, line = _container("verify", task, capsys)
    assert code == 0, line
    checked = work.handler({"action": "result", "step": "verify", "run_id": RUN})
    assert checked["passed"] is True, checked
    assert _result(f"runs/{RUN}/verify.json")["schema_hash"] == schema_hash

    # the servers are shared: the user scrub is tested in test_aws_hygiene.py; here only
    # that the step asks for it with the allow-list
    scrubbed = []
    monkeypatch.setattr(
        steps,
        "scrub_users",
        lambda engine, allow: (
            scrubbed.append(tuple(allow)) or {"users_dropped": 0, "users_rotated": 0}
        ),
    )
    code, line = _container("hygiene", task, capsys)
    assert code == 0, line
    assert line["result"]["vacuumed"] >= 5 and scrubbed == [("app_reader",)]


@pytest.mark.postgres
def test_a_failing_task_exits_non_zero_and_records_a_value_free_error(
    producer, fresh_db, capsys
):
    """A task that fails exits non-zero (which fails the .sync state), and records the
    error without the data a driver message may quote; the next step refuses to read a
    result that is not there."""
    _stand_ins(fresh_db, "postgresql")
    location, schema_hash = _approved()
    task = {
        "run_id": RUN,
        "instance_id": names.temp_instance(RUN),
        "schema_location": location,
        "schema_hash": "sha256:" + "f" * 64,  # not what was approved
    }
    code, line = _container("plan", task, capsys)
    assert code != 0
    assert line["error"]["type"] == "SchemaError" and "approved hash" in line["error"]["message"]
    assert _result(f"runs/{RUN}/tasks/plan.json")["ok"] is False
    assert tasks.failed_results(RUN, AwsSettings.from_env()) == [line["error"]]
    with pytest.raises(PiiGateError, match="did not succeed"):
        work.handler({"action": "result", "step": "plan", "run_id": RUN})
    with pytest.raises(PiiGateError, match="left no result"):
        work.handler({"action": "result", "step": "verify", "run_id": RUN})

    # a unit the plan does not have; an error quoting a value is withheld
    task["schema_hash"] = schema_hash
    assert _container("plan", task, capsys)[0] == 0
    item = {k: task[k] for k in ("run_id", "instance_id", "schema_hash")}
    item["plan_location"] = f"s3://artifacts/runs/{RUN}/plan.json"
    code, line = _container("tokenize", {**item, "unit": 999}, capsys)
    assert code != 0 and "no such unit" in line["error"]["message"]

    def leaky(event, settings):
        raise RuntimeError("duplicate key (email)=(jane.doe@example.com)")

    real = tasks.STEPS["verify"]
    tasks.STEPS["verify"] = leaky
    try:
        code, line = _container("verify", item, capsys)
    finally:
        tasks.STEPS["verify"] = real
    assert code != 0 and line["error"]["type"] == "StepError"
    recorded = json.dumps(_result(f"runs/{RUN}/tasks/verify.json"))
    assert "jane" not in recorded and "jane" not in json.dumps(line)


def test_task_input_inline_or_from_s3(producer):
    assert tasks.load_input('{"run_id": "r"}') == {"run_id": "r"}
    boto3.client("s3").put_object(Bucket="artifacts", Key="runs/r/in.json", Body=b'{"a": 1}')
    assert tasks.load_input("s3://artifacts/runs/r/in.json") == {"a": 1}
    with pytest.raises(ConfigError, match="neither JSON"):
        tasks.load_input("run_id=r")
    with pytest.raises(ConfigError, match="not a JSON object"):
        tasks.load_input("[1, 2]")


def test_tasks_refuse_any_instance_but_the_runs_temp(producer, capsys):
    event = {"run_id": RUN, "instance_id": "prod-db", "schema_hash": "h",
             "schema_location": "s3://artifacts/x", "plan_location": "s3://artifacts/x"}
    for step, extra in (("plan", {}), ("tokenize", {"unit": 0}), ("hygiene", {})):
        code, line = _container(step, {**event, **extra}, capsys)
        assert code != 0 and "temporary instance" in line["error"]["message"], (step, line)
    with pytest.raises(ConfigError, match="temporary instance"):
        work.handler({**event, "action": "finish"})
    with pytest.raises(ConfigError):
        work.handler({**event, "action": "drop"})


def test_a_task_that_recorded_nothing_is_described_by_why_it_stopped():
    """An image that cannot be pulled never runs our code: the notice says why ECS
    stopped the task (its description is the .sync failure's cause), nothing more."""
    from piigate.aws.notify import describe_error

    cause = json.dumps({
        "TaskArn": "arn:aws:ecs:eu-west-1:111111111111:task/piigate-x/0123",
        "StoppedReason": "CannotPullContainerError: pull access denied",
        "Overrides": {"ContainerOverrides": [{"Name": "piigate", "Command": ["task", "plan"]}]},
    })
    assert describe_error({"Error": "States.TaskFailed", "Cause": cause}) == {
        "type": "States.TaskFailed",
        "message": "CannotPullContainerError: pull access denied",
    }
