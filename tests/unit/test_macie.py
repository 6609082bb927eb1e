"""Macie: the S3 extract (moto), the one-time job and findings (botocore Stubber)."""

from __future__ import annotations

import datetime as dt
import json

import boto3
import pytest
from botocore.stub import Stubber
from moto import mock_aws

from classifiers import names as N
from classifiers.macie import (
    collect_findings,
    delete_extract,
    job_request,
    macie_entity,
    parse_findings,
    split_json_path,
    start_job,
    write_extract,
)
from classifiers.sampling import TableSample
from classifiers.verdict import JSON, Verdict

BUCKET = "piigate-discovery-extracts"
PREFIX = "extracts/run-42"
ACCOUNT = "123456789012"
JOB_ID = "3ce05dbb7ec5505def334104bf13e8c1"


def _samples() -> dict[str, TableSample]:
    people = TableSample("people", rows=[
        {"id": 1, "holder": "Anna Schmidt", "email": "anna@example.org",
         "born": dt.date(1980, 5, 17), "profile": {"contact": {"email": "anna@example.org"}}},
        {"id": 2, "holder": "Bezalel Simmel", "email": "bs@example.org",
         "born": dt.date(1975, 1, 2), "profile": {"contact": {"email": "bs@example.org"}}},
    ])
    broken = TableSample("secret", error="permission denied for table secret")
    return {"people": people, "secret": broken}


def _finding(key: str, detections: list[dict], *, fid: str = "f1") -> dict:
    """A findings document shaped like Macie's get_findings output."""
    now = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)
    return {
        "id": fid,
        "accountId": ACCOUNT,
        "archived": False,
        "category": "CLASSIFICATION",
        "count": 1,
        "createdAt": now,
        "updatedAt": now,
        "partition": "aws",
        "region": "eu-west-1",
        "schemaVersion": "1.0",
        "title": "The S3 object contains personal information.",
        "description": "The object contains personal information such as names.",
        "type": "SensitiveData:S3Object/Personal",
        "severity": {"description": "High", "score": 3},
        "classificationDetails": {
            "jobArn": f"arn:aws:macie2:eu-west-1:{ACCOUNT}:classification-job/{JOB_ID}",
            "jobId": JOB_ID,
            "originType": "SENSITIVE_DATA_DISCOVERY_JOB",
            "detailedResultsLocation": f"s3://macie-results/AWSLogs/{ACCOUNT}/Macie/",
            "result": {
                "mimeType": "application/x-ndjson",
                "sizeClassified": 512,
                "status": {"code": "COMPLETE"},
                "sensitiveData": [{"category": "PERSONAL_INFORMATION",
                                   "totalCount": sum(d["count"] for d in detections),
                                   "detections": detections}],
                "customDataIdentifiers": {"totalCount": 0, "detections": []},
            },
        },
        "resourcesAffected": {
            "s3Bucket": {"name": BUCKET, "arn": f"arn:aws:s3:::{BUCKET}",
                         "defaultServerSideEncryption": {"encryptionType": "aws:kms"}},
            "s3Object": {"bucketArn": f"arn:aws:s3:::{BUCKET}", "key": key,
                         "extension": "jsonl", "size": 512, "path": f"{BUCKET}/{key}",
                         "storageClass": "STANDARD"},
        },
    }


def _records(*paths: str) -> dict:
    return {"records": [{"recordIndex": i, "jsonPath": p} for i, p in enumerate(paths)]}


@pytest.fixture
def aws_env(monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "eu-west-1")


def test_extract_is_json_lines_per_table_and_skips_unreadable(aws_env):
    with mock_aws():
        s3 = boto3.client("s3", region_name="eu-west-1")
        s3.create_bucket(Bucket=BUCKET,
                         CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
        keys = write_extract(s3, BUCKET, PREFIX, _samples())
        assert keys == [f"{PREFIX}/people.jsonl"]
        body = s3.get_object(Bucket=BUCKET, Key=keys[0])["Body"].read().decode()
        lines = [json.loads(x) for x in body.splitlines()]
        assert [r["id"] for r in lines] == [1, 2]
        assert lines[0]["born"] == "1980-05-17"  # dates serialised, not dropped
        assert lines[1]["profile"]["contact"]["email"] == "bs@example.org"
        assert delete_extract(s3, BUCKET, PREFIX) == 1
        assert s3.list_objects_v2(Bucket=BUCKET).get("KeyCount") == 0


def test_delete_extract_removes_every_version_of_a_versioned_bucket(aws_env):
    """The artifacts bucket is versioned: without VersionId a delete leaves the sampled
    rows behind as noncurrent versions."""
    with mock_aws():
        s3 = boto3.client("s3", region_name="eu-west-1")
        s3.create_bucket(Bucket=BUCKET,
                         CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
        s3.put_bucket_versioning(Bucket=BUCKET, VersioningConfiguration={"Status": "Enabled"})
        write_extract(s3, BUCKET, PREFIX, _samples())
        write_extract(s3, BUCKET, PREFIX, _samples())  # a retried write: two versions
        s3.put_object(Bucket=BUCKET, Key="reviews/keep.json", Body=b"{}")
        assert delete_extract(s3, BUCKET, PREFIX) == 1
        left = s3.list_object_versions(Bucket=BUCKET, Prefix=PREFIX + "/")
        assert left.get("Versions", []) == [] and left.get("DeleteMarkers", []) == []
        # nothing outside the prefix is touched
        assert s3.list_objects_v2(Bucket=BUCKET)["KeyCount"] == 1
        assert delete_extract(s3, BUCKET, PREFIX) == 0


def test_extract_uses_kms_when_a_key_is_given(aws_env):
    with mock_aws():
        s3 = boto3.client("s3", region_name="eu-west-1")
        kms = boto3.client("kms", region_name="eu-west-1")
        key_id = kms.create_key()["KeyMetadata"]["KeyId"]
        s3.create_bucket(Bucket=BUCKET,
                         CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
        (key,) = write_extract(s3, BUCKET, PREFIX, _samples(), kms_key_id=key_id)
        head = s3.head_object(Bucket=BUCKET, Key=key)
        assert head["ServerSideEncryption"] == "aws:kms"


def test_job_request_is_one_time_and_scoped_to_the_prefix():
    req = job_request(BUCKET, PREFIX + "/", ACCOUNT, name="piigate-42", client_token="tok-42")
    assert req["jobType"] == "ONE_TIME"
    assert req["s3JobDefinition"]["bucketDefinitions"] == [
        {"accountId": ACCOUNT, "buckets": [BUCKET]}]
    term = req["s3JobDefinition"]["scoping"]["includes"]["and"][0]["simpleScopeTerm"]
    assert term == {"comparator": "STARTS_WITH", "key": "OBJECT_KEY", "values": [PREFIX + "/"]}


def test_start_job_and_collect_findings_with_stubber():
    client = boto3.client("macie2", region_name="eu-west-1", aws_access_key_id="x",
                          aws_secret_access_key="x")
    req = job_request(BUCKET, PREFIX, ACCOUNT, name="piigate-42", client_token="tok-42")
    key = f"{PREFIX}/people.jsonl"
    f1 = _finding(key, [{"type": "NAME", "count": 2, "occurrences": _records("$.holder",
                                                                             "$.holder")}])
    f2 = _finding(key, [{"type": "EMAIL_ADDRESS", "count": 3,
                         "occurrences": _records("$.email", "$.profile.contact.email",
                                                 "$.profile.contact.email")}], fid="f2")
    criteria = {"criterion": {"classificationDetails.jobId": {"eq": [JOB_ID]}}}
    with Stubber(client) as stub:
        stub.add_response("create_classification_job",
                          {"jobId": JOB_ID, "jobArn": f1["classificationDetails"]["jobArn"]},
                          req)
        stub.add_response("list_findings", {"findingIds": ["f1"], "nextToken": "p2"},
                          {"findingCriteria": criteria, "maxResults": 50})
        stub.add_response("list_findings", {"findingIds": ["f2"]},
                          {"findingCriteria": criteria, "maxResults": 50, "nextToken": "p2"})
        stub.add_response("get_findings", {"findings": [f1, f2]},
                          {"findingIds": ["f1", "f2"]})
        assert start_job(client, req) == JOB_ID
        findings = collect_findings(client, JOB_ID)
        stub.assert_no_pending_responses()
    ev = parse_findings(findings, PREFIX)
    assert ev.counts[("people", "holder")][N.PERSON] == 2
    assert ev.counts[("people", "email")][N.EMAIL] == 1
    assert ev.paths[("people", "profile")] == {"$.contact.email": N.EMAIL}


def test_csv_occurrences_map_by_column_name_and_other_prefixes_are_ignored():
    cells = {"cells": [{"row": 2, "column": 3, "columnName": "natid", "cellReference": "C2"}]}
    f = _finding(f"{PREFIX}/people.csv", [{"type": "USA_SOCIAL_SECURITY_NUMBER", "count": 1,
                                           "occurrences": cells}])
    other = _finding("somewhere/else/people.jsonl",
                     [{"type": "NAME", "count": 1, "occurrences": _records("$.x")}])
    ev = parse_findings([f, other], PREFIX)
    assert dict(ev.counts) == {("people", "natid"): {N.SSN: 1}}


def test_merge_masks_a_column_presidio_missed_and_adds_json_paths():
    f = _finding(f"{PREFIX}/people.jsonl", [
        {"type": "FRANCE_NATIONAL_IDENTIFICATION_NUMBER", "count": 1,
         "occurrences": _records("$.code")},
        {"type": "PHONE_NUMBER", "count": 1, "occurrences": _records("$.profile.phones[0]")},
    ])
    ev = parse_findings([f], PREFIX)
    kept = ev.merge("people", "code", Verdict(sampled=10))
    assert kept.entity == N.NATIONAL_ID and "macie:FRANCE_NATIONAL_IDENTIFICATION_NUMBER" in \
        kept.signals
    prof = ev.merge("people", "profile", Verdict(entity=JSON, confidence=0.9,
                                                 paths={"$.name.first": N.FIRST_NAME}))
    assert prof.paths == {"$.name.first": N.FIRST_NAME, "$.phones[*]": N.PHONE}
    untouched = Verdict(sampled=3)
    assert ev.merge("people", "other", untouched) is untouched


@pytest.mark.parametrize("path,parts", [
    ("$.email", ["email"]),
    ("$.profile.contact.email", ["profile", "contact", "email"]),
    ("$['first name']", ["first name"]),
    ("$.profile.phones[0]", ["profile", "phones", "[*]"]),
])
def test_split_json_path(path, parts):
    assert split_json_path(path) == parts


@pytest.mark.parametrize("macie_type,entity", [
    ("NAME", N.PERSON), ("USA_SOCIAL_SECURITY_NUMBER", N.SSN),
    ("SPAIN_DNI_NUMBER", N.NATIONAL_ID), ("UK_PASSPORT_NUMBER", N.PASSPORT),
    ("CREDIT_CARD_NUMBER", N.CARD),
])
def test_macie_types_map_to_our_entities(macie_type, entity):
    assert macie_entity(macie_type) == entity


def test_stub_params_are_checked():
    # The Stubber rejects a request that differs from the expected one: the test above
    # really checks what start_job sends.
    client = boto3.client("macie2", region_name="eu-west-1", aws_access_key_id="x",
                          aws_secret_access_key="x")
    req = job_request(BUCKET, PREFIX, ACCOUNT, name="a", client_token="t")
    with Stubber(client) as stub:
        stub.add_response("create_classification_job", {"jobId": JOB_ID}, {**req, "name": "b"})
        with pytest.raises(Exception, match="Expected parameters"):
            start_job(client, req)


def test_scan_merges_macie_evidence_into_the_proposal(tmp_path):
    import sqlalchemy as sa

    from classifiers.scan import scan_database

    url = f"sqlite:///{tmp_path / 'm.sqlite'}"
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE people (id INTEGER PRIMARY KEY, code VARCHAR(12), "
                             "kind VARCHAR(8))"))
        conn.execute(sa.text("INSERT INTO people VALUES (1, 'QX-88812', 'a'), "
                             "(2, 'QX-99123', 'b'), (3, 'QX-11111', 'a')"))
    engine.dispose()
    f = _finding(f"{PREFIX}/people.jsonl", [
        {"type": "FRANCE_NATIONAL_IDENTIFICATION_NUMBER", "count": 3,
         "occurrences": _records("$.code", "$.code", "$.code")}])
    without = scan_database(url, sample=10)
    assert without.schema.rule("people", "code").method == "keep"
    merged = scan_database(url, sample=10, macie=parse_findings([f], PREFIX))
    rule = merged.schema.rule("people", "code")
    assert rule.method == "fpe" and rule.finding.entity == N.NATIONAL_ID
    assert "macie:FRANCE_NATIONAL_IDENTIFICATION_NUMBER" in rule.finding.signals
    assert merged.schema.rule("people", "kind").method == "keep"
