"""template.yaml's stream scrubber and pseudonymization service (#14): off by default,
lint-clean when on, and the re-identify route closed to every role but one."""

from __future__ import annotations

import json
from typing import Any

import boto3
import pytest
from samtranslator.parser.parser import Parser
from samtranslator.translator.translator import Translator

from tests.functional.test_template import PARAMS, PSEUDO, _lint, load_template, packaged

ROLE = "arn:aws:iam::111111111111:role/privacy/piigate-reidentify"
ON = {"StreamScrubEnabled": "true", "PseudonymizationServiceEnabled": "true",
      "ReidentifyRoleArn": ROLE}
NEW = {"StreamScrubFunction", "StreamScrubSource", "StreamScrubBucket",
       "StreamScrubDeliveryRole", "StreamScrubDeliveryStream", "PseudonymizationApi",
       "PseudonymizeFunction", "ReidentifyFunction", "ReidentifyAuditLogGroup"}


def translate(**params: str) -> dict[str, Any]:
    values = {**PARAMS, "Side": "producer", **PSEUDO, **params}
    session = boto3.session.Session(region_name=PSEUDO["AWS::Region"])
    translator = Translator(managed_policy_map={}, sam_parser=Parser(), boto_session=session)
    return translator.translate(packaged(load_template()), parameter_values=values,
                                get_managed_policy_map=dict)


@pytest.fixture(scope="module")
def enabled() -> dict[str, Any]:
    return translate(**ON)


def _resolve(value: Any, params: dict[str, str]) -> Any:
    """The few intrinsics the resource policy uses, with the stack's parameters."""
    if isinstance(value, dict) and "Fn::If" in value:
        cond, yes, no = value["Fn::If"]
        return _resolve(yes if cond == "HasReidentifyRole" and params.get(
            "ReidentifyRoleArn") else no, params)
    if isinstance(value, dict) and "Ref" in value:
        return params.get(value["Ref"], PSEUDO.get(value["Ref"]))
    if isinstance(value, dict) and "Fn::Sub" in value:
        text = value["Fn::Sub"]
        for k, v in {**PSEUDO, **params}.items():
            text = text.replace("${" + k + "}", v)
        return text
    if isinstance(value, dict):
        return {k: _resolve(v, params) for k, v in value.items()}
    if isinstance(value, list):
        return [_resolve(v, params) for v in value]
    return value


def policy(cfn: dict[str, Any], params: dict[str, str]) -> list[dict[str, Any]]:
    api = cfn["Resources"]["PseudonymizationApi"]["Properties"]
    doc = api.get("Policy") or api["Body"]["x-amazon-apigateway-policy"]
    return _resolve(doc["Statement"], params)


def allowed(statements: list[dict[str, Any]], principal_arn: str, route: str) -> bool:
    """IAM's reading for a same-account caller: an explicit deny wins, then an allow."""
    def matches(stmt: dict[str, Any]) -> bool:
        resources = stmt["Resource"] if isinstance(stmt["Resource"], list) else [
            stmt["Resource"]]
        hit = any(r in ("execute-api:/*", f"execute-api:/*/POST/{route}") for r in resources)
        cond = stmt.get("Condition", {}).get("ArnNotEquals", {}).get("aws:PrincipalArn")
        return hit and (cond is None or principal_arn != cond)

    if any(s["Effect"] == "Deny" and matches(s) for s in statements):
        return False
    return any(s["Effect"] == "Allow" and matches(s) for s in statements)


def test_off_by_default(enabled):
    params = load_template()["Parameters"]
    assert params["StreamScrubEnabled"]["Default"] == "false"
    assert params["PseudonymizationServiceEnabled"]["Default"] == "false"
    conditions = {name: enabled["Resources"][name].get("Condition") for name in NEW}
    assert set(conditions.values()) == {"StreamScrubOn", "PseudonymizationOn"}
    # the translator leaves conditions to CloudFormation; what SAM generated for the
    # new resources (roles, permissions, the API's stage) carries them too
    for name, res in enabled["Resources"].items():
        if name.startswith(("StreamScrub", "Pseudonymiz", "Reidentify")):
            assert res.get("Condition") in ("StreamScrubOn", "PseudonymizationOn"), name


def test_enabled_template_passes_cfn_lint(enabled):
    assert _lint(json.dumps(enabled), ignore=("W1028",)) == []


def _when_on(value: Any) -> Any:
    """The branch of SAM's ``Fn::If [PseudonymizationOn, ...]`` wrappers that deploys."""
    while isinstance(value, dict) and "Fn::If" in value:
        value = value["Fn::If"][1]
    return value


def test_every_route_needs_sigv4(enabled):
    body = enabled["Resources"]["PseudonymizationApi"]["Properties"]["Body"]
    for path in ("/pseudonymize", "/reidentify"):
        op = _when_on(_when_on(body["paths"][path])["post"])
        assert op["security"] == [{"AWS_IAM": []}], path
        # API Gateway invokes the function, not the caller's credentials
        assert "credentials" not in op["x-amazon-apigateway-integration"], path


@pytest.mark.parametrize(
    ("role_param", "caller", "route", "ok"),
    [
        (ROLE, ROLE, "reidentify", True),
        (ROLE, ROLE, "pseudonymize", True),
        (ROLE, "arn:aws:iam::111111111111:role/analyst", "pseudonymize", True),
        (ROLE, "arn:aws:iam::111111111111:role/analyst", "reidentify", False),
        ("", ROLE, "reidentify", False),  # no role configured: nobody re-identifies
    ],
)
def test_resource_policy_keeps_reidentify_to_its_role(role_param, caller, route, ok):
    params = {**ON, "ReidentifyRoleArn": role_param}
    statements = policy(translate(**params), params)
    assert allowed(statements, caller, route) is ok


def test_reidentify_function_knows_its_role(enabled):
    env = enabled["Resources"]["ReidentifyFunction"]["Properties"]["Environment"]["Variables"]
    assert env["PIIGATE_REIDENTIFY_ROLE_ARN"] == {"Ref": "ReidentifyRoleArn"}
    assert "PIIGATE_REIDENTIFY_ROLE_ARN" not in json.dumps(
        enabled["Resources"]["PseudonymizeFunction"]["Properties"]["Environment"])


def test_firehose_reads_kinesis_scrubs_with_the_function_writes_s3(enabled):
    props = enabled["Resources"]["StreamScrubDeliveryStream"]["Properties"]
    assert props["DeliveryStreamType"] == "KinesisStreamAsSource"
    dest = props["ExtendedS3DestinationConfiguration"]
    [proc] = dest["ProcessingConfiguration"]["Processors"]
    params = {p["ParameterName"]: p["ParameterValue"] for p in proc["Parameters"]}
    assert params["LambdaArn"] == {"Fn::GetAtt": ["StreamScrubFunction", "Arn"]}
    assert dest["ErrorOutputPrefix"].startswith("processing-failed/")
    rules = enabled["Resources"]["StreamScrubBucket"]["Properties"]["LifecycleConfiguration"]
    assert rules["Rules"][0]["Prefix"] == "processing-failed/"
