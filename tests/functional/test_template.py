"""Offline validation of template.yaml: what ``sam validate --lint`` checks, without AWS.

* The SAM transform (aws-sam-translator) turns the template into CloudFormation for
  both sides. The only call the translator makes to AWS is loading the managed-policy
  map; we hand it an empty map, as ``sam validate`` does offline. Local code paths are
  replaced by S3/ECR placeholders first, as ``sam package`` would.
* cfn-lint passes on the SAM template and on both transformed templates.
* Least-privilege properties the design relies on are asserted on the output.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import boto3
import pytest
from cfnlint.api import ManualArgs, lint
from samtranslator.parser.parser import Parser
from samtranslator.translator.translator import Translator
from samtranslator.yaml_helper import yaml_parse

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "template.yaml"

PARAMS = {
    "SourceDbInstanceId": "prod-db",
    "DbSubnetGroupName": "private-db",
    "VpcSubnetIds": "subnet-0123456789abcdef0,subnet-0123456789abcdef1",
    "SecurityGroupIds": "sg-0123456789abcdef0",
    "KmsKeyArn": "arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    "DbSecretArn": "arn:aws:secretsmanager:eu-west-1:111111111111:secret:piigate/db-AbCdEf",
    "DbUsersSecretArn": "arn:aws:secretsmanager:eu-west-1:111111111111:secret:piigate/u-AbCdEf",
    "ReviewerEmails": "a@example.com,b@example.org",
}
PSEUDO = {
    "AWS::Region": "eu-west-1",
    "AWS::AccountId": "111111111111",
    "AWS::Partition": "aws",
    "AWS::StackName": "piigate",
    "AWS::URLSuffix": "amazonaws.com",
}


def load_template() -> dict[str, Any]:
    return yaml_parse(TEMPLATE.read_text())


def packaged(template: dict[str, Any]) -> dict[str, Any]:
    """What ``sam build && sam package`` would upload: local paths become S3/ECR URIs."""
    out = copy.deepcopy(template)
    for name, res in out["Resources"].items():
        props = res.get("Properties", {})
        if res["Type"] == "AWS::Serverless::Function":
            if props.get("PackageType") == "Image":
                props["ImageUri"] = f"111111111111.dkr.ecr.eu-west-1.amazonaws.com/piigate:{name}"
            else:
                props["CodeUri"] = f"s3://artifacts/{name}.zip"
        elif res["Type"] == "AWS::Serverless::LayerVersion":
            props["ContentUri"] = f"s3://artifacts/{name}.zip"
        elif res["Type"] == "AWS::Serverless::StateMachine":
            props["DefinitionUri"] = f"s3://artifacts/{name}.asl.json"
    return out


def translate(side: str) -> dict[str, Any]:
    params = {**PARAMS, "Side": side, **PSEUDO}
    # a session with a region and no credentials: the translator reads the region only
    session = boto3.session.Session(region_name=PSEUDO["AWS::Region"])
    translator = Translator(managed_policy_map={}, sam_parser=Parser(), boto_session=session)
    return translator.translate(
        packaged(load_template()), parameter_values=params, get_managed_policy_map=dict
    )


@pytest.fixture(scope="module", params=["producer", "importer"])
def transformed(request) -> tuple[str, dict[str, Any]]:
    return request.param, translate(request.param)


def _lint(text: str, ignore: tuple[str, ...] = ()) -> list[str]:
    config = ManualArgs(regions=["eu-west-1"], ignore_checks=list(ignore))
    matches = lint(text, config=config)
    return [f"{m.rule.id} {m.message} (line {m.linenumber})" for m in matches]


def test_sam_template_passes_cfn_lint():
    assert _lint(TEMPLATE.read_text()) == []


def test_transformed_template_passes_cfn_lint(transformed):
    _, cfn = transformed
    # W1028: the translator nests the API's conditions (Fn::If IsProducer inside
    # Fn::If IsProducer) in the swagger it generates; the SAM template itself is clean.
    assert _lint(json.dumps(cfn), ignore=("W1028",)) == []


def test_transform_produces_both_machines(transformed):
    side, cfn = transformed
    types = {r["Type"] for r in cfn["Resources"].values()}
    assert "AWS::StepFunctions::StateMachine" in types
    assert "AWS::Lambda::Function" in types
    machines = {
        k for k, r in cfn["Resources"].items() if r["Type"] == "AWS::StepFunctions::StateMachine"
    }
    expected = "ProducerStateMachine" if side == "producer" else "ImporterStateMachine"
    assert expected in machines


def test_every_parameter_is_constrained():
    params = load_template()["Parameters"]
    loose = [n for n, p in params.items() if "AllowedPattern" not in p and "AllowedValues" not in p]
    assert loose == []


@pytest.mark.parametrize(
    "name, good, bad",
    [
        ("SourceDbInstanceId", "prod-db", "1bad;drop"),
        ("SourceDbEngine", "mysql", "oracle"),
        ("ScheduleExpression", "cron(0 3 1 * ? *)", "every day"),
        ("ReviewerEmails", "a@example.com,b@example.org", "not-an-email"),
        ("PreProdAccountId", "222222222222", "2222"),
        ("ApprovalTimeoutSeconds", "3600", "0"),
        ("TokenizeConcurrency", "8", "0"),
        ("KmsKeyArn", PARAMS["KmsKeyArn"], "alias/aws/rds"),
    ],
)
def test_allowed_patterns_accept_and_refuse(name, good, bad):
    pattern = re.compile(load_template()["Parameters"][name]["AllowedPattern"])
    assert pattern.fullmatch(good)
    assert not pattern.fullmatch(bad)


ACTIVE = {
    "producer": {None, "IsProducer", "HasSecondReviewer", "HasThirdReviewer"},
    "importer": {None, "IsImporter"},
}


def _statements(cfn: dict[str, Any], side: str) -> list[dict[str, Any]]:
    """Policy statements of the resources this side deploys."""
    out = []
    for res in cfn["Resources"].values():
        if res.get("Condition") not in ACTIVE[side]:
            continue
        props = res.get("Properties", {})
        docs = [props.get("PolicyDocument")] if res["Type"] == "AWS::IAM::ManagedPolicy" else []
        for pol in props.get("Policies", []):
            # a conditional policy: what it grants when its condition holds
            pol = pol["Fn::If"][1] if "Fn::If" in pol else pol
            docs.append(pol.get("PolicyDocument"))
        for doc in filter(None, docs):
            out.extend(
                doc["Statement"] if isinstance(doc["Statement"], list) else [doc["Statement"]]
            )
    return out


def _resources(stmt: dict[str, Any]) -> list[str]:
    res = stmt.get("Resource", [])
    return [json.dumps(r) for r in (res if isinstance(res, list) else [res])]


DESTRUCTIVE = {"rds:DeleteDBInstance", "rds:ModifyDBInstance", "rds:DeleteDBSnapshot"}


def test_destructive_rds_actions_only_on_piigate_names(transformed):
    side, cfn = transformed
    allowed = ("piigate-tmp-", "piigate-import-", "piigate-old-")
    for stmt in _statements(cfn, side):
        actions = stmt["Action"] if isinstance(stmt["Action"], list) else [stmt["Action"]]
        if not DESTRUCTIVE & set(actions):
            continue
        for res in _resources(stmt):
            # the importer may rename the one target instance it replaces
            ok = any(p in res for p in allowed) or (
                side == "importer" and "SourceDbInstanceId" in res
            )
            assert ok, (actions, res)
            assert '*"' not in res.replace('-*"', ""), res


def test_snapshot_sharing_only_of_piigate_snapshots(transformed):
    """Sharing is limited by resource: RDS has no condition key for the accounts added
    (``rds:ValuesToAdd`` does not exist; a condition on it made every share
    AccessDenied). Who it is shared with is enforced by the code and the key."""
    side, cfn = transformed
    sharing = [
        s for s in _statements(cfn, side)
        if "rds:ModifyDBSnapshotAttribute" in json.dumps(s["Action"])
        or "rds:ModifyDBClusterSnapshotAttribute" in json.dumps(s["Action"])
        or "rds:*" in json.dumps(s["Action"])
    ]
    if side == "importer":
        assert sharing == []
        return
    assert len(sharing) == 1
    stmt = sharing[0]
    assert stmt["Effect"] == "Allow"
    assert "rds:ModifyDBClusterSnapshotAttribute" not in json.dumps(stmt["Action"])
    resources = _resources(stmt)
    assert len(resources) == 1 and ":snapshot:piigate-tmp-*" in resources[0]
    # no condition at all: any rds: key here is not one RDS evaluates for this action
    assert "Condition" not in stmt


def test_bucket_is_encrypted_versioned_and_private():
    res = load_template()["Resources"]["ArtifactsBucket"]["Properties"]
    assert res["VersioningConfiguration"]["Status"] == "Enabled"
    assert (
        res["BucketEncryption"]["ServerSideEncryptionConfiguration"][0][
            "ServerSideEncryptionByDefault"
        ]["SSEAlgorithm"]
        == "aws:kms"
    )
    assert all(res["PublicAccessBlockConfiguration"].values())


def test_importer_bus_accepts_only_the_producer_account():
    res = load_template()["Resources"]["ImporterEventBusPolicy"]["Properties"]
    principal = json.dumps(res["Statement"]["Principal"])
    assert "ProducerAccountId" in principal


def test_samconfig_has_one_environment_per_side():
    import tomllib

    config = tomllib.loads((ROOT / "samconfig.toml").read_text())
    sides = {}
    for env in ("prd", "preprd"):
        params = config[env]["deploy"]["parameters"]
        sides[env] = params["parameter_overrides"]
        assert params["capabilities"] == "CAPABILITY_IAM"
    assert sides == {"prd": "Side=producer", "preprd": "Side=importer"}
    assert (
        config["prd"]["deploy"]["parameters"]["stack_name"]
        != config["preprd"]["deploy"]["parameters"]["stack_name"]
    )


def test_functions_touching_the_bucket_may_use_its_key():
    """The bucket is SSE-KMS under the CMK: S3 access without the key fails at run time."""
    resources = load_template()["Resources"]
    key_policies = {"ArtifactsKeyPolicy", "DatabaseAccessPolicy"}
    for name, res in resources.items():
        if res["Type"] != "AWS::Serverless::Function":
            continue
        policies = res["Properties"].get("Policies", [])
        uses_bucket = any(
            isinstance(p, dict) and any(k.startswith("S3") for k in p) for p in policies
        )
        refs = {p["Ref"] for p in policies if isinstance(p, dict) and "Ref" in p}
        if uses_bucket:
            assert refs & key_policies, name


def _refs(node: Any) -> set[str]:
    """Every parameter or resource a node refers to (Ref, GetAtt, ${...} in Sub)."""
    text = json.dumps(node)
    out = set(re.findall(r'"Ref": "([A-Za-z0-9:]+)"', text))
    out |= set(re.findall(r'"Fn::GetAtt": \["?([A-Za-z0-9]+)', text))
    out |= set(re.findall(r"\$\{([A-Za-z0-9]+)", text))
    return out


def test_shared_snapshot_key_is_used_for_snapshots_only():
    """KmsKeyArn is granted to pre-production: nothing else may be encrypted with it."""
    res = load_template()["Resources"]
    bucket = res["ArtifactsBucket"]["Properties"]["BucketEncryption"]
    assert _refs(bucket) == {"DataKey"}
    for name in ("TokenizationSecret", "LinkSigningSecret"):
        assert _refs(res[name]["Properties"]["KmsKeyId"]) == {"DataKey"}, name
    assert _refs(res["FailureTopic"]["Properties"]) == {"DataKey"}
    key = res["DataKey"]["Properties"]["KeyPolicy"]
    # never granted outside this account
    assert "PreProdAccountId" not in json.dumps(key)
    assert "ProducerAccountId" not in json.dumps(key)


def test_failure_notices_reach_someone():
    template = load_template()
    res, outputs = template["Resources"], template["Outputs"]
    sub = res["FailureEmailSubscription"]
    assert sub["Condition"] == "HasFailureEmail"
    assert _refs(sub["Properties"]) == {"FailureTopic", "FailureNotificationEmail"}
    assert "Condition" not in outputs["FailureTopicArn"]
    metrics = set()
    for name in ("ExecutionsFailedAlarm", "ExecutionsTimedOutAlarm"):
        alarm = res[name]["Properties"]
        assert alarm["Namespace"] == "AWS/States"
        assert alarm["AlarmActions"] == [{"Ref": "FailureTopic"}]
        assert _refs(alarm["Dimensions"]) >= {"ProducerStateMachine", "ImporterStateMachine"}
        metrics.add(alarm["MetricName"])
    assert metrics == {"ExecutionsFailed", "ExecutionsTimedOut"}


def test_alarms_exist_on_both_sides(transformed):
    side, cfn = transformed
    alarms = [r for r in cfn["Resources"].values() if r["Type"] == "AWS::CloudWatch::Alarm"]
    assert len(alarms) == 2


def test_extract_deleters_may_delete_object_versions(transformed):
    side, cfn = transformed
    if side != "producer":
        return
    policy = cfn["Resources"]["ExtractDeletePolicy"]["Properties"]["PolicyDocument"]
    actions = {a for s in policy["Statement"] for a in
               (s["Action"] if isinstance(s["Action"], list) else [s["Action"]])}
    assert {"s3:DeleteObjectVersion", "s3:ListBucketVersions"} <= actions
    res = load_template()["Resources"]
    for fn in ("CleanupFunction", "MacieFunction"):
        assert {"Ref": "ExtractDeletePolicy"} in res[fn]["Properties"]["Policies"], fn


def test_temporary_storage_parameters_reach_the_restore():
    res = load_template()["Resources"]
    env = res["RestoreFunction"]["Properties"]["Environment"]["Variables"]
    assert env["PIIGATE_STORAGE_TYPE"] == {"Ref": "TempStorageType"}
    assert env["PIIGATE_IOPS"] == {"Ref": "TempIops"}
    assert env["PIIGATE_ALLOCATED_STORAGE"] == {"Ref": "TempAllocatedStorageGb"}
    assert env["PIIGATE_STORAGE_THROUGHPUT"] == {"Ref": "TempStorageThroughput"}


def test_lock_sweeper_and_retention_are_wired():
    res = load_template()["Resources"]
    assert "Condition" not in res["LocksTable"]  # both sides
    lock_env = res["LockFunction"]["Properties"]["Environment"]["Variables"]
    assert lock_env["PIIGATE_LOCK_TABLE"] == {"Ref": "LocksTable"}
    for fn in ("CleanupFunction", "ImportCleanupFunction"):
        env = res[fn]["Properties"]["Environment"]["Variables"]
        assert env["PIIGATE_LOCK_TABLE"] == {"Ref": "LocksTable"}, fn
    cleanup_env = res["CleanupFunction"]["Properties"]["Environment"]["Variables"]
    assert cleanup_env["PIIGATE_KEEP_SHARED"] == {"Ref": "KeepSharedSnapshots"}
    for machine in ("ProducerStateMachine", "ImporterStateMachine"):
        subs = res[machine]["Properties"]["DefinitionSubstitutions"]
        assert subs["LockFunctionArn"] == {"Fn::GetAtt": ["LockFunction", "Arn"]}
    sweep = res["SweepFunction"]["Properties"]
    assert "Condition" not in res["SweepFunction"]
    assert sweep["Environment"]["Variables"]["PIIGATE_SWEEP_AFTER_HOURS"] == {
        "Ref": "SweepAfterHours"
    }
    (event,) = sweep["Events"].values()
    assert event["Type"] == "ScheduleV2"
    deletable = json.dumps(sweep["Policies"])
    assert "db:piigate-tmp-*" in deletable and "db:piigate-import-*" in deletable


def test_importer_may_read_the_users_secret_only_when_given():
    res = load_template()["Resources"]
    swap = res["SwapFunction"]["Properties"]
    assert swap["Environment"]["Variables"]["PIIGATE_DB_USERS_SECRET_ARN"] == {
        "Ref": "DbUsersSecretArn"
    }
    conditional = [p for p in swap["Policies"] if isinstance(p, dict) and "Fn::If" in p]
    assert conditional and conditional[0]["Fn::If"][0] == "HasUsersSecret"
