"""The ASL definitions: linted by asl-validator and checked for the pipeline's rules.

Both definitions are rendered with the template's ``DefinitionSubstitutions`` (fake
ARNs and the parameter defaults) first, as CloudFormation would. The linter is the npm
package ``asl-validator`` installed by ``npm ci --prefix statemachine`` (.ci/run does it);
without it the lint test is skipped locally and fails under PIIGATE_REQUIRE_SERVERS=1.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from samtranslator.yaml_helper import yaml_parse

from tests.functional.test_template import PARAMS

ROOT = Path(__file__).resolve().parents[2]
MACHINES = {
    "producer": ("ProducerStateMachine", ROOT / "statemachine" / "producer.asl.json"),
    "importer": ("ImporterStateMachine", ROOT / "statemachine" / "importer.asl.json"),
}
VALIDATOR = ROOT / "statemachine" / "node_modules" / ".bin" / "asl-validator"
REQUIRE = os.environ.get("PIIGATE_REQUIRE_SERVERS") == "1"
GATE = "arn:aws:states:::lambda:invoke.waitForTaskToken"
LAMBDA = "arn:aws:states:::lambda:invoke"
ECS_SYNC = "arn:aws:states:::ecs:runTask.sync"


def substitutions(side: str) -> dict[str, str]:
    """The template's substitutions for one machine, with refs resolved to fakes/defaults."""
    template = yaml_parse((ROOT / "template.yaml").read_text())
    params = template["Parameters"]
    logical, _ = MACHINES[side]
    subs = template["Resources"][logical]["Properties"]["DefinitionSubstitutions"]
    out = {}
    for key, value in subs.items():
        if isinstance(value, str):
            out[key] = value
        elif "Ref" in value and value["Ref"] in params:
            out[key] = str(params[value["Ref"]]["Default"] if "Default" in
                           params[value["Ref"]] else PARAMS[value["Ref"]])
        elif "Ref" in value:
            out[key] = FAKE_REFS[template["Resources"][value["Ref"]]["Type"]]
        else:
            name = (
                value["Fn::GetAtt"][0]
                if isinstance(value["Fn::GetAtt"], list)
                else (value["Fn::GetAtt"].split(".")[0])
            )
            rtype = template["Resources"][name]["Type"]
            out[key] = FAKE_ARNS[rtype].format(name)
    return out


# what CloudFormation would substitute for our resources' Ref and Fn::GetAtt Arn
FAKE_REFS = {
    "AWS::ECS::TaskDefinition":
        "arn:aws:ecs:eu-west-1:111111111111:task-definition/piigate-worker:1",
    "AWS::S3::Bucket": "piigate-artifacts",
}
FAKE_ARNS = {
    "AWS::Serverless::Function": "arn:aws:lambda:eu-west-1:111111111111:function:{}",
    "AWS::ECS::Cluster": "arn:aws:ecs:eu-west-1:111111111111:cluster/piigate-{}",
}


def render(side: str, subs: dict[str, str] | None = None) -> str:
    text = MACHINES[side][1].read_text()
    subs = subs or substitutions(side)
    return re.sub(r"\$\{(\w+)\}", lambda m: subs[m.group(1)], text)


def definition(side: str) -> dict[str, Any]:
    return json.loads(render(side))


_TO_NUMBER = re.compile(r"^States\.StringToJson\('([^']*)'\)$")


def configured(side: str, subs: dict[str, str] | None = None) -> dict[str, Any]:
    """The Configure state's numbers as the execution sees them (``$.run``)."""
    params = json.loads(render(side, subs))["States"]["Configure"]["Parameters"]
    out = {}
    for key, value in params.items():
        m = _TO_NUMBER.match(value) if key.endswith(".$") else None
        if m:
            out[key[:-2]] = json.loads(m.group(1))
    return out


def all_states(states: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every state, including those inside Map iterators."""
    out = dict(states)
    for st in states.values():
        inner = st.get("Iterator") or st.get("ItemProcessor")
        if inner:
            out.update(all_states(inner["States"]))
    return out


def successors(st: dict[str, Any]) -> set[str]:
    nxt = {st["Next"]} if "Next" in st else set()
    nxt |= {c["Next"] for c in st.get("Catch", [])}
    nxt |= {c["Next"] for c in st.get("Choices", [])}
    if "Default" in st:
        nxt.add(st["Default"])
    return nxt


def reachable(states: dict[str, Any], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(successors(states[name]))
    return seen


SIDES = list(MACHINES)


@pytest.mark.parametrize("side", SIDES)
def test_asl_validator_passes(side, tmp_path):
    if not VALIDATOR.exists() or not shutil.which("node"):
        msg = "asl-validator is not installed: run `npm ci --prefix statemachine`"
        if REQUIRE:
            pytest.fail(msg + "; PIIGATE_REQUIRE_SERVERS=1 forbids skipping", pytrace=False)
        pytest.skip(msg)
    rendered = tmp_path / f"{side}.json"
    rendered.write_text(render(side))
    proc = subprocess.run(
        [str(VALIDATOR), "--json-path", str(rendered)], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize("side", SIDES)
def test_asl_validator_catches_a_broken_definition(side, tmp_path):
    """The lint can fail: a Next pointing nowhere is reported."""
    if not VALIDATOR.exists():
        pytest.skip("asl-validator is not installed")
    broken = definition(side)
    broken["States"]["Configure"]["Next"] = "NoSuchState"
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(broken))
    proc = subprocess.run(
        [str(VALIDATOR), "--json-path", str(path)], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode != 0


@pytest.mark.parametrize("side", SIDES)
def test_definition_files_are_valid_json(side):
    """Editors and ASL tools read the files as they are: every ``${...}`` is inside a
    JSON string; numbers reach the machine through ``States.StringToJson``."""
    text = MACHINES[side][1].read_text()
    raw = json.loads(text)
    assert json.dumps(raw)  # parses without substitution
    assert not re.search(r"[:\[,]\s*\$\{", text)
    numbers = configured(side)
    assert numbers["poll_seconds"] == 60 and numbers["max_polls"] == 240
    assert all(isinstance(v, int) for v in numbers.values())


@pytest.mark.parametrize("side", SIDES)
def test_substitutions_match_placeholders(side):
    text = MACHINES[side][1].read_text()
    used = set(re.findall(r"\$\{(\w+)\}", text))
    assert used == set(substitutions(side))


@pytest.mark.parametrize("side", SIDES)
def test_every_task_has_retry_and_catch(side):
    for name, st in all_states(definition(side)["States"]).items():
        if st["Type"] in ("Task", "Map"):
            assert st.get("Catch"), name
        if st["Type"] == "Task":
            assert st.get("Retry"), name
            # Lambda tasks, and the Fargate steps (moto runs both: test_aws_e2e.py)
            assert st["Resource"] in (LAMBDA, GATE, ECS_SYNC), name


@pytest.mark.parametrize("side", SIDES)
def test_every_failure_ends_in_cleanup_and_notification(side):
    states = definition(side)["States"]
    # NotifySuccess is the one exception: a lost "it worked" mail does not undo the run
    entries = {
        c["Next"] for n, st in states.items() for c in st.get("Catch", []) if n != "NotifySuccess"
    }
    entries |= {
        n for n, st in states.items() if st["Type"] == "Pass" and st.get("ResultPath") == "$.error"
    }
    cleanup = "CleanupAfterFailure"
    assert entries
    into_fail = {n for n, st in states.items() if "Failed" in successors(st)}
    assert into_fail == {"NotifyFailure"}
    for entry in entries - {"Failed"}:
        seen = reachable(states, entry)
        assert "Done" not in seen, entry
        assert "NotifyFailure" in seen and "Failed" in seen, entry
        if entry not in ("NotifyFailure", "Failed"):
            assert cleanup in seen, entry
    # a failure's only way out is the notification, and the notification ends in Fail
    assert successors(states["NotifyFailure"]) == {"Failed"}
    assert states["Failed"]["Type"] == "Fail"


@pytest.mark.parametrize("side", SIDES)
def test_polling_is_wait_and_check_with_a_cap(side):
    states = definition(side)["States"]
    waits = [n for n, st in states.items() if st["Type"] == "Wait"]
    assert waits
    for name in waits:
        loop = reachable(states, name)
        choices = [
            states[n]
            for n in loop
            if states[n]["Type"] == "Choice" and name in successors(states[n])
        ]
        assert choices, name  # the wait is part of a loop through a choice...
        caps = [
            c for ch in choices for c in ch["Choices"]
            if c.get("NumericGreaterThanEqualsPath") == "$.run.max_polls"
        ]
        assert caps, name  # ...that gives up after the configured number of polls
        assert states[name]["SecondsPath"] == "$.run.poll_seconds", name
    # the template's parameters reach the machine
    subs = {**substitutions(side), "PollSeconds": "300", "MaxPolls": "288"}
    numbers = configured(side, subs)
    assert (numbers["poll_seconds"], numbers["max_polls"]) == (300, 288)
    template = yaml_parse((ROOT / "template.yaml").read_text())
    machine = template["Resources"][MACHINES[side][0]]["Properties"]["DefinitionSubstitutions"]
    assert machine["PollSeconds"] == {"Ref": "PollIntervalSeconds"}
    assert machine["MaxPolls"] == {"Ref": "MaxPolls"}


def test_gate_waits_for_the_token_until_the_links_expire():
    subs = substitutions("producer")
    states = definition("producer")["States"]
    gates = [st for st in states.values() if st.get("Resource") == GATE]
    assert len(gates) == 1
    gate = gates[0]
    assert gate["TimeoutSecondsPath"] == "$.run.approval_timeout_seconds"
    assert configured("producer")["approval_timeout_seconds"] == int(
        subs["ApprovalTimeoutSeconds"]
    )
    assert gate["Parameters"]["Payload"]["task_token.$"] == "$$.Task.Token"
    catches = [c["ErrorEquals"] for c in gate["Catch"]]
    assert ["ApprovalDenied"] in catches and ["States.Timeout"] in catches
    # the request function expires the links after the same number of seconds
    template = yaml_parse((ROOT / "template.yaml").read_text())
    env = template["Resources"]["RequestReviewFunction"]["Properties"]["Environment"]
    assert env["Variables"]["PIIGATE_APPROVAL_TIMEOUT_SECONDS"] == {"Ref": "ApprovalTimeoutSeconds"}


def test_tokenize_is_a_map_with_configured_concurrency():
    subs = substitutions("producer")
    maps = [st for st in definition("producer")["States"].values() if st["Type"] == "Map"]
    assert len(maps) == 1
    assert maps[0]["MaxConcurrencyPath"] == "$.run.tokenize_concurrency"
    assert configured("producer")["tokenize_concurrency"] == int(subs["TokenizeConcurrency"])
    rendered = configured("producer", {**subs, "TokenizeConcurrency": "17"})
    assert rendered["tokenize_concurrency"] == 17


def test_units_are_planned_then_mapped_then_finished_before_verification():
    """PlanWork (a Fargate task) writes the plan and the units to S3, PlanResult reads
    what it recorded, the Distributed Map reads the units from S3 and runs one Fargate
    task per unit, FinishWork (the work function's finish action) checks them all and
    drops the work tables, then Verify: verification never sees a half-applied run or
    leftover work tables."""
    subs = substitutions("producer")
    states = definition("producer")["States"]
    assert states["RequestApproval"]["Next"] == "TaskInput"
    assert states["TaskInput"]["Next"] == "PlanWork"
    assert states["PlanWork"]["Resource"] == ECS_SYNC
    assert states["PlanWork"]["Next"] == "PlanResult"
    assert states["PlanResult"]["Parameters"]["Payload"]["step"] == "plan"
    # units come in phases (maps, seals, row ranges, stage indexes, finishes): one Map per
    # phase, in order
    assert states["PlanResult"]["Next"] == "PhaseStart"
    assert states["PhaseStart"]["Result"] == {"index": 0}
    assert states["PhaseStart"]["Next"] == "MorePhases"
    more = states["MorePhases"]
    assert more["Choices"] == [{"Variable": "$.phase.index",
                                "NumericLessThanPath": "$.work.phase_count",
                                "Next": "Tokenize"}]
    assert more["Default"] == "FinishWork"
    tokenize = states["Tokenize"]
    assert "ItemsPath" not in tokenize
    reader = tokenize["ItemReader"]
    assert reader["Resource"] == "arn:aws:states:::s3:getObject"
    assert reader["ReaderConfig"]["InputType"] == "JSON"
    assert reader["Parameters"] == {
        "Bucket": subs["ArtifactsBucketName"],
        "Key.$": "States.ArrayGetItem($.work.phase_objects, $.phase.index)"}
    assert tokenize["ItemProcessor"]["ProcessorConfig"]["Mode"] == "DISTRIBUTED"
    assert tokenize["ItemSelector"]["unit.$"] == "$$.Map.Item.Value.unit"
    assert tokenize.get("ToleratedFailurePercentage", 0) == 0  # one failed unit fails the run
    assert tokenize["Next"] == "NextPhase"
    assert states["NextPhase"]["Parameters"] == {"index.$": "States.MathAdd($.phase.index, 1)"}
    assert states["NextPhase"]["Next"] == "MorePhases"
    finish = states["FinishWork"]
    assert finish["Parameters"]["FunctionName"] == subs["WorkFunctionArn"]
    assert finish["Parameters"]["Payload"]["action"] == "finish"
    assert finish["Next"] == "Verify"
    assert {c["Next"] for c in finish["Catch"]} == {"CleanupAfterFailure"}
    into_verify = [n for n, st in states.items() if "Verify" in successors(st)]
    assert into_verify == ["FinishWork"]
    assert states["Verify"]["Next"] == "VerifyResult"
    assert states["VerifyResult"]["Next"] == "VerifyPassed"


def test_heavy_steps_run_as_fargate_tasks_of_the_worker():
    """Work tables, units, verification and compaction run as ECS Fargate tasks with
    the `piigate task <step> --input <json>` command, in the configured subnets, sized
    by the template's parameters, stopped after the configured timeout."""
    subs = substitutions("producer")
    states = all_states(definition("producer")["States"])
    tasks = {n: st for n, st in states.items() if st.get("Resource") == ECS_SYNC}
    assert set(tasks) == {"PlanWork", "TokenizeUnit", "Verify", "Hygiene"}
    steps = {}
    for name, st in tasks.items():
        params = st["Parameters"]
        assert params["LaunchType"] == "FARGATE"
        assert params["Cluster"] == subs["TaskClusterArn"]
        assert params["TaskDefinition"] == subs["WorkerTaskDefinitionArn"]
        net = params["NetworkConfiguration"]["AwsvpcConfiguration"]
        assert net["Subnets.$"] == f"States.StringSplit('{subs['TaskSubnetIds']}', ',')"
        assert net["SecurityGroups.$"] == (
            f"States.StringSplit('{subs['TaskSecurityGroupIds']}', ',')")
        (override,) = params["Overrides"]["ContainerOverrides"]
        assert override["Name"] == "piigate"
        m = re.fullmatch(r"States\.Array\('task', '(\w+)', '--input', "
                         r"States\.JsonToString\((\$[.\w]*)\)\)", override["Command.$"])
        assert m, override
        steps[name] = m.group(1)
        assert st["TimeoutSecondsPath"].endswith("task_timeout_seconds")
        assert st["ResultPath"] is None  # the ECS description is not kept
    assert steps == {"PlanWork": "plan", "TokenizeUnit": "tokenize", "Verify": "verify",
                     "Hygiene": "hygiene"}
    unit = tasks["TokenizeUnit"]["Parameters"]["Overrides"]
    assert (unit["Cpu"], unit["Memory"]) == (subs["UnitTaskCpu"], subs["UnitTaskMemory"])
    assert configured("producer")["task_timeout_seconds"] == int(subs["TaskTimeoutSeconds"])
    # the template wires the substitutions to its own resources and parameters
    template = yaml_parse((ROOT / "template.yaml").read_text())
    machine = template["Resources"]["ProducerStateMachine"]["Properties"]
    wired = machine["DefinitionSubstitutions"]
    assert wired["TaskClusterArn"] == {"Fn::GetAtt": ["TaskCluster", "Arn"]}
    assert wired["WorkerTaskDefinitionArn"] == {"Ref": "WorkerTaskDefinition"}
    assert wired["TaskSubnetIds"] == {"Ref": "VpcSubnetIds"}
    assert wired["UnitTaskCpu"] == {"Ref": "UnitTaskCpu"}
    worker = template["Resources"]["WorkerTaskDefinition"]["Properties"]
    (container,) = worker["ContainerDefinitions"]
    assert container["Name"] == "piigate"
    assert container["EntryPoint"] == ["python3", "-m", "piigate"]
    assert (worker["Cpu"], worker["Memory"]) == ({"Ref": "TaskCpu"}, {"Ref": "TaskMemory"})


FORBIDDEN = re.compile(r"value|secret|password|key(?!_)|token|sample", re.I)


@pytest.mark.parametrize("side", SIDES)
def test_payloads_carry_only_locations_ids_hashes_and_counts(side):
    """No state passes values, keys or tokens: only the gate's own task token."""
    for name, st in all_states(definition(side)["States"]).items():
        fields = dict(st.get("Parameters", {}).get("Payload", {}))
        fields.update(st.get("ResultSelector", {}))
        fields.update(st.get("ItemSelector", {}))
        if name == "TaskInput":  # what the Fargate steps get
            fields.update(st.get("Parameters", {}))
        for key in fields:
            if name == "RequestApproval" and key == "task_token.$":
                continue
            assert not FORBIDDEN.search(key), (name, key)


def test_success_path_shares_only_after_verification():
    states = definition("producer")["States"]
    assert "Share" not in reachable(states, "VerificationFailed")
    before_verify = reachable(states, "Configure") - reachable(states, "VerifyPassed")
    assert "Share" not in before_verify or "Share" in reachable(states, "Hygiene")
    path = reachable(states, "Hygiene")
    assert {"CreateSnapshot", "EnsureCustomerKey", "Share", "PublishEvent"} <= path
    # the only way to Hygiene is the passed verification
    into_hygiene = [n for n, st in states.items() if "Hygiene" in successors(st)]
    assert into_hygiene == ["VerifyPassed"]


@pytest.mark.parametrize("side", SIDES)
def test_the_run_lock_is_taken_first_and_released_by_every_cleanup(side):
    subs = substitutions(side)
    states = definition(side)["States"]
    assert states["Configure"]["Next"] == "AcquireLock"
    acquire = states["AcquireLock"]
    assert acquire["Parameters"]["FunctionName"] == subs["LockFunctionArn"]
    assert acquire["Parameters"]["Payload"]["lock"] == side
    assert acquire["Parameters"]["Payload"]["execution.$"] == "$$.Execution.Id"
    # a held lock fails the run like any error: cleanup (nothing of its own) and notice
    assert {c["Next"] for c in acquire["Catch"]} == {"CleanupAfterFailure"}
    cleanups = [n for n in states if n.startswith("CleanupAfter")]
    assert len(cleanups) == 2
    for name in cleanups:
        assert states[name]["Parameters"]["Payload"]["execution.$"] == "$$.Execution.Id"
    if side == "importer":
        assert states["AcquireLock"]["Next"] == "Duplicate"
        (dup,) = states["Duplicate"]["Choices"]
        assert states[dup["Next"]]["Type"] == "Succeed"
        assert states["Duplicate"]["Default"] == "Accept"
