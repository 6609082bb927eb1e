"""Every IAM policy of the transformed template, linted offline by ``parliament``.

moto evaluates no IAM, cfn-lint checks the policy's shape, not its meaning: a condition
key the action does not have (``rds:ValuesToAdd`` on ``ModifyDBSnapshotAttribute``)
passes both and makes the Allow never apply. parliament carries AWS's service
authorization reference (actions, resource types, condition keys) and checks each
statement against it.

Both sides are transformed with aws-sam-translator (as ``sam validate``/``deploy``
would), then every identity policy (managed policies, roles' inline policies) and every
resource policy (bucket, topic, key, event bus) is resolved to plain strings: parameters
and pseudo parameters by value, ``Ref``/``Fn::GetAtt`` of our resources by an ARN of
the right type, ``Fn::If`` by the side's conditions.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from parliament import analyze_policy_string

from tests.functional.test_template import ACTIVE, PARAMS, PSEUDO, load_template, translate

ACCOUNT, REGION = PSEUDO["AWS::AccountId"], PSEUDO["AWS::Region"]

# Findings that are not defects, each with why. Everything else fails the test.
ACCEPTED: dict[str, str] = {
    # SAM's policy templates and inline ``Statement:`` lists carry no Version: the
    # 2008-10-17 grammar then applies, which differs only in lacking policy variables;
    # test_no_policy_variables holds that none is used.
    "NO_VERSION": "no policy variables in any document",
}
# RESOURCE_MISMATCH is accepted for these actions only: the service authorization
# reference lists their resource types as alternatives (a standard execution or an
# express one) and parliament wants a match for each; the Distributed Map's children
# are standard executions (ExecutionType STANDARD), so only ``execution`` is granted.
_ALTERNATIVE_RESOURCES = {"states:DescribeExecution"}
# RESOURCE_STAR is accepted for read-only actions only: describes and lists are called
# without an identifier (the sweeper lists every instance) and return no data.
_READ_ONLY = re.compile(r"^[a-z0-9-]+:(Describe|List|Get)[A-Za-z]*$")

_ARN_OF_TYPE = {
    "AWS::IAM::ManagedPolicy": "arn:aws:iam::{a}:policy/{n}",
    "AWS::IAM::Role": "arn:aws:iam::{a}:role/{n}",
    "AWS::Lambda::Function": "arn:aws:lambda:{r}:{a}:function:{n}",
    "AWS::Lambda::LayerVersion": "arn:aws:lambda:{r}:{a}:layer:{n}:1",
    "AWS::S3::Bucket": "arn:aws:s3:::{n}",
    "AWS::DynamoDB::Table": "arn:aws:dynamodb:{r}:{a}:table/{n}",
    "AWS::SNS::Topic": "arn:aws:sns:{r}:{a}:{n}",
    "AWS::SecretsManager::Secret": "arn:aws:secretsmanager:{r}:{a}:secret:{n}-AbCdEf",
    "AWS::StepFunctions::StateMachine": "arn:aws:states:{r}:{a}:stateMachine:{n}",
    "AWS::Events::EventBus": "arn:aws:events:{r}:{a}:event-bus/{n}",
    "AWS::KMS::Key": "arn:aws:kms:{r}:{a}:key/00000000-0000-0000-0000-{h}",
    "AWS::CloudWatch::Alarm": "arn:aws:cloudwatch:{r}:{a}:alarm:{n}",
    "AWS::Scheduler::Schedule": "arn:aws:scheduler:{r}:{a}:schedule/default/{n}",
    "AWS::Events::Rule": "arn:aws:events:{r}:{a}:rule/{n}",
    "AWS::ECS::Cluster": "arn:aws:ecs:{r}:{a}:cluster/{n}",
    "AWS::ECS::TaskDefinition": "arn:aws:ecs:{r}:{a}:task-definition/{n}:1",
    "AWS::Logs::LogGroup": "arn:aws:logs:{r}:{a}:log-group:{n}:*",
}
# What ``Ref`` gives for types whose Ref is not the ARN.
_REF_IS_NAME = {"AWS::S3::Bucket", "AWS::DynamoDB::Table", "AWS::Lambda::Function",
                "AWS::IAM::Role", "AWS::Events::EventBus", "AWS::CloudWatch::Alarm",
                "AWS::Events::Rule", "AWS::Scheduler::Schedule", "AWS::ECS::Cluster",
                "AWS::Logs::LogGroup"}


class Resolver:
    """Evaluates the intrinsic functions of one side's transformed template."""

    def __init__(self, side: str, cfn: dict[str, Any]) -> None:
        defaults = {k: str(v.get("Default", "")) for k, v in load_template()["Parameters"].items()}
        self.values: dict[str, str] = {**defaults, **PARAMS, "Side": side, **PSEUDO}
        self.values["AWS::NoValue"] = ""
        self.resources: dict[str, dict[str, Any]] = cfn["Resources"]
        self.conditions: dict[str, Any] = cfn.get("Conditions", {})

    def _name(self, logical: str) -> str:
        return f"piigate-{logical.lower()}"

    def arn(self, logical: str) -> str:
        rtype = self.resources[logical]["Type"]
        pattern = _ARN_OF_TYPE.get(rtype, "arn:aws:cloudformation:{r}:{a}:{n}")
        h = f"{abs(hash(logical)) % 10**12:012d}"
        return pattern.format(a=ACCOUNT, r=REGION, n=self._name(logical), h=h)

    def ref(self, name: str) -> str:
        if name in self.values:
            return self.values[name]
        rtype = self.resources[name]["Type"]
        if rtype == "AWS::KMS::Key":
            return self.arn(name).rsplit("/", 1)[1]
        return self._name(name) if rtype in _REF_IS_NAME else self.arn(name)

    def getatt(self, logical: str, attr: str) -> str:
        if attr in ("Arn", "TopicArn"):
            return self.arn(logical)
        if attr in ("TopicName", "Name"):
            return self._name(logical)
        raise AssertionError(f"unhandled Fn::GetAtt {logical}.{attr}")

    def condition(self, name: str) -> bool:
        return self.truth(self.conditions[name])

    def truth(self, expr: Any) -> bool:
        (fn, args), = expr.items()
        if fn == "Condition":
            return self.condition(args)
        if fn == "Fn::Equals":
            return self.value(args[0]) == self.value(args[1])
        if fn == "Fn::Not":
            return not self.truth(args[0])
        if fn == "Fn::And":
            return all(self.truth(a) for a in args)
        if fn == "Fn::Or":
            return any(self.truth(a) for a in args)
        raise AssertionError(f"unhandled condition {fn}")

    def sub(self, text: str, extra: dict[str, Any]) -> str:
        def one(m: re.Match[str]) -> str:
            key = m.group(1)
            if key in extra:
                return str(self.value(extra[key]))
            if "." in key and key.split(".")[0] in self.resources:
                return self.getatt(*key.split(".", 1))
            return self.ref(key)

        return re.sub(r"\$\{([^}!]+)\}", one, text)

    def value(self, node: Any) -> Any:
        if isinstance(node, list):
            out = [self.value(n) for n in node]
            return [o for o in out if o is not _NOVALUE]
        if not isinstance(node, dict):
            return node
        if len(node) == 1:
            (fn, args), = node.items()
            if fn == "Ref":
                return _NOVALUE if args == "AWS::NoValue" else self.ref(args)
            if fn == "Fn::GetAtt":
                parts = args if isinstance(args, list) else args.split(".", 1)
                return self.getatt(parts[0], parts[1])
            if fn == "Fn::Sub":
                text, extra = (args, {}) if isinstance(args, str) else args
                return self.sub(text, extra)
            if fn == "Fn::If":
                return self.value(args[1] if self.condition(args[0]) else args[2])
            if fn == "Fn::Join":
                return args[0].join(str(self.value(p)) for p in self.value(args[1]))
            if fn == "Fn::Split":
                return str(self.value(args[1])).split(args[0])
            if fn == "Fn::Select":
                return self.value(args[1])[int(self.value(args[0]))]
            if fn.startswith("Fn::"):
                raise AssertionError(f"unhandled {fn}")
        out = {k: self.value(v) for k, v in node.items()}
        return {k: v for k, v in out.items() if v is not _NOVALUE}


_NOVALUE = object()

# resource type -> (property holding the policy document, policy kind)
_RESOURCE_POLICIES = {
    "AWS::S3::BucketPolicy": "PolicyDocument",
    "AWS::SNS::TopicPolicy": "PolicyDocument",
    "AWS::KMS::Key": "KeyPolicy",
    "AWS::SecretsManager::ResourcePolicy": "ResourcePolicy",
}


def policies(side: str) -> dict[str, dict[str, Any]]:
    """Every policy document this side deploys, resolved: name -> document (key policies
    are named ``<logical>#key``)."""
    cfn = translate(side)
    res = Resolver(side, cfn)
    out: dict[str, dict[str, Any]] = {}
    for logical, resource in cfn["Resources"].items():
        if resource.get("Condition") not in ACTIVE[side] and not (
            resource.get("Condition") and res.condition(resource["Condition"])
        ):
            continue
        props = resource.get("Properties", {})
        rtype = resource["Type"]
        if rtype in ("AWS::IAM::ManagedPolicy", "AWS::IAM::Policy"):
            out[logical] = res.value(props["PolicyDocument"])
        if rtype == "AWS::IAM::Role":
            for i, pol in enumerate(res.value(props.get("Policies", []))):
                out[f"{logical}.{pol.get('PolicyName', i)}"] = pol["PolicyDocument"]
        if rtype in _RESOURCE_POLICIES:
            suffix = "#key" if rtype == "AWS::KMS::Key" else ""
            out[logical + suffix] = res.value(props[_RESOURCE_POLICIES[rtype]])
    return out


def findings(side: str) -> list[str]:
    out = []
    for name, doc in sorted(policies(side).items()):
        policy = analyze_policy_string(json.dumps(doc), include_community_auditors=False)
        for f in policy.findings:
            if f.issue in ACCEPTED:
                continue
            if f.issue == "RESOURCE_STAR" and all(_READ_ONLY.match(a) for a in f.detail):
                continue
            if f.issue == "RESOURCE_MISMATCH" and all(
                d.get("action") in _ALTERNATIVE_RESOURCES for d in f.detail
            ):
                continue
            # in a key policy "*" means the key itself
            if f.issue == "RESOURCE_STAR" and name.endswith("#key"):
                continue
            out.append(f"{name}: {f.issue} {json.dumps(f.detail, default=str)[:300]}")
    return out


@pytest.mark.parametrize("side", ["producer", "importer"])
def test_every_policy_passes_parliament(side: str):
    assert len(policies(side)) >= 5
    assert findings(side) == []


def test_no_policy_variables():
    for side in ("producer", "importer"):
        for name, doc in policies(side).items():
            assert "${aws:" not in json.dumps(doc), name


def test_an_unknown_condition_key_is_caught():
    """The linter sees the defect that made every share AccessDenied."""
    doc = {
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": "rds:ModifyDBSnapshotAttribute",
            "Resource": f"arn:aws:rds:{REGION}:{ACCOUNT}:snapshot:piigate-tmp-*",
            "Condition": {"ForAllValues:StringEquals": {"rds:ValuesToAdd": ["222222222222"]}},
        }],
    }
    issues = {f.issue for f in analyze_policy_string(json.dumps(doc)).findings}
    assert "UNKNOWN_CONDITION_FOR_ACTION" in issues
