"""The streaming scrub on Firehose's real event shape: condition, nested fields, failures."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from piigate.errors import SchemaError
from piigate.keys import Keyring
from piigate.schema import parse_schema
from piigate.streams import MAX_RECORD_BYTES, StreamScrubber, firehose_response

KEYRING = Keyring(b"stream-test-secret-0123456789")
STREAM = "customer-events"
STREAM_ARN = f"arn:aws:firehose:eu-west-1:111111111111:deliverystream/{STREAM}"

RULES: dict[str, Any] = {
    "when": {"column": "data_share_consent", "op": "=", "value": False},
    "fields": [
        {"path": "$.customer_id", "rule": {"method": "fpe", "domain": "customers.id"},
         "int_type": "bigint"},
        {"path": "$.name", "rule": {"method": "fake", "kind": "full_name"}},
        {"path": "$.dob", "rule": {"method": "date_shift", "max_days": 30}},
        {"path": "$.ssn_no", "rule": {"method": "redact", "value": "REDACTED_CONTENT"}},
        {"path": "$.address.city", "rule": {"method": "fake", "kind": "city"}},
        {"path": "$.contacts[*].email", "rule": {"method": "fake", "kind": "email"}},
    ],
    "all_keys": {"phone": {"method": "fpe", "alphabet": "digits"}},
    "marker": {"data_redacted": True},
}

EVENT = {
    "customer_id": 4711,
    "name": "Gnoll Smith",
    "dob": "2011-04-22",
    "gender": "M",
    "ssn_no": "807831104",
    "data_share_consent": False,
    "address": {"city": "Springfield", "country": "US"},
    "contacts": [{"email": "gnoll@example.com", "phone": "555-0100"},
                 {"email": "smith@example.org"}],
    "evnt_time": "2021-01-31T20:31:26.114917",
}
ORIGINALS = ["4711", "Gnoll Smith", "2011-04-22", "807831104", "Springfield",
             "gnoll@example.com", "smith@example.org", "555-0100"]


def schema(**overrides: Any) -> Any:
    return parse_schema({"tables": {}, "streams": {STREAM: {**RULES, **overrides}}})


def scrubber(**overrides: Any) -> StreamScrubber:
    return StreamScrubber(schema(**overrides), STREAM, KEYRING)


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def firehose_event(*payloads: bytes) -> dict[str, Any]:
    """The shape Firehose sends a transformation Lambda for a Kinesis source."""
    return {
        "invocationId": "8d1b6f0e-6c3b-4bd4-a3b8-2cde5d5b8f2d",
        "deliveryStreamArn": STREAM_ARN,
        "sourceKinesisStreamArn": "arn:aws:kinesis:eu-west-1:111111111111:stream/events",
        "region": "eu-west-1",
        "records": [
            {
                "recordId": f"4963267339396328939356{i:04d}",
                "approximateArrivalTimestamp": 1700000000000 + i,
                "data": b64(p),
                "kinesisRecordMetadata": {
                    "sequenceNumber": f"4963267339396328939356{i:04d}",
                    "subsequenceNumber": 0,
                    "partitionKey": f"pk-{i}",
                    "shardId": "shardId-000000000000",
                    "approximateArrivalTimestamp": 1700000000000 + i,
                },
            }
            for i, p in enumerate(payloads)
        ],
    }


def encode(event: Any) -> bytes:
    return json.dumps(event).encode("utf-8")


def answers(response: dict[str, Any]) -> list[tuple[str, Any]]:
    out = []
    for r in response["records"]:
        data = base64.b64decode(r["data"])
        out.append((r["result"], json.loads(data) if r["result"] == "Ok" else None))
    return out


def assert_value_free(text: str) -> None:
    for v in ORIGINALS:
        assert v not in text, v


def test_no_consent_masks_every_rule_and_marks_the_event():
    response, failures = firehose_response(firehose_event(encode(EVENT)), scrubber())
    assert failures == []
    [(result, out)] = answers(response)
    assert result == "Ok"
    assert response["records"][0]["recordId"] == "49632673393963289393560000"
    assert out["data_redacted"] is True
    assert out["ssn_no"] == "REDACTED_CONTENT"
    assert isinstance(out["customer_id"], int) and out["customer_id"] != 4711
    assert out["address"]["country"] == "US" and out["address"]["city"] != "Springfield"
    assert out["contacts"][0]["email"] != "gnoll@example.com"
    assert out["contacts"][1]["email"] != "smith@example.org"
    assert out["contacts"][0]["phone"] != "555-0100" and len(out["contacts"][0]["phone"]) == 8
    assert out["gender"] == "M" and out["evnt_time"] == EVENT["evnt_time"]
    assert_value_free(base64.b64decode(response["records"][0]["data"]).decode())
    # one event a line in S3
    assert base64.b64decode(response["records"][0]["data"]).endswith(b"}\n")


def test_consent_passes_the_event_unchanged():
    shared = {**EVENT, "data_share_consent": True}
    response, failures = firehose_response(firehose_event(encode(shared)), scrubber())
    assert failures == []
    assert answers(response) == [("Ok", shared)]


def test_same_value_same_token_across_records_and_batches():
    one, _ = firehose_response(firehose_event(encode(EVENT), encode(EVENT)), scrubber())
    (_, a), (_, b) = answers(one)
    again, _ = firehose_response(firehose_event(encode(EVENT)), scrubber())
    assert a == b == answers(again)[0][1]


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (b'{"customer_id": 4711, "name": "Gnoll Smith", "data_share_consent": fals',
         "not JSON"),
        (b"\xff\xfe{}", "not UTF-8"),
        (encode(["Gnoll Smith"]), "not a JSON object"),
        (encode({**EVENT, "dob": 20110422}), "$.dob"),  # a field of the wrong type
        (encode({**EVENT, "customer_id": "Gnoll Smith"}), "$.customer_id"),
        (encode({**EVENT, "customer_id": 4711.5}), "$.customer_id"),
        (encode({**EVENT, "address": {"city": {"name": "Springfield"}}}), "$.address.city"),
        (encode({**EVENT, "data_share_consent": "false"}), "data_share_consent"),
        (encode({k: v for k, v in EVENT.items() if k != "data_share_consent"}),
         "data_share_consent"),
    ],
)
def test_unreadable_or_unmaskable_records_fail_without_values(payload, reason):
    good = encode(EVENT)
    response, failures = firehose_response(firehose_event(good, payload), scrubber())
    results = [r["result"] for r in response["records"]]
    assert results == ["Ok", "ProcessingFailed"]  # the good record is still scrubbed
    assert answers(response)[0][1]["customer_id"] != 4711
    [failure] = failures
    assert failure.record_id == response["records"][1]["recordId"]
    assert reason in failure.reason
    assert_value_free(failure.reason)
    # Firehose gets the original back for a failed record (it writes it to the error
    # prefix); it is never answered Ok
    assert response["records"][1]["data"] == b64(payload)


def test_oversized_record_fails():
    big = encode({**EVENT, "notes": "x" * MAX_RECORD_BYTES})
    response, failures = firehose_response(firehose_event(big), scrubber())
    assert [r["result"] for r in response["records"]] == ["ProcessingFailed"]
    assert "larger than" in failures[0].reason


def test_record_growing_past_the_limit_fails():
    # a short value that a rule makes longer: the answer would break Firehose's limit
    rules = {**RULES, "fields": [{"path": "$.n[*]", "rule": {"method": "constant",
                                                             "value": "y" * 2000}}]}
    event = {"data_share_consent": False, "n": [1] * 600}
    raw = encode(event)
    assert len(raw) < MAX_RECORD_BYTES
    response, failures = firehose_response(firehose_event(raw), scrubber(**rules))
    assert response["records"][0]["result"] == "ProcessingFailed"
    assert "scrubbed record is larger" in failures[0].reason


def test_drop_action_and_drop_on_error():
    s = scrubber(action="drop")
    response, _ = firehose_response(
        firehose_event(encode(EVENT), encode({**EVENT, "data_share_consent": True})), s)
    assert [r["result"] for r in response["records"]] == ["Dropped", "Ok"]
    s = scrubber(on_error="drop")
    response, failures = firehose_response(firehose_event(b"not json"), s)
    assert [r["result"] for r in response["records"]] == ["Dropped"]
    assert failures[0].result == "Dropped"


@pytest.mark.parametrize(
    ("when", "consent", "masked"),
    [
        ({"column": "data_share_consent", "op": "=", "value": False}, None, False),
        ({"column": "data_share_consent", "op": "is null"}, None, True),
        ({"column": "data_share_consent", "op": "!=", "value": True}, False, True),
        ({"column": "$.prefs.share", "op": "=", "value": False}, False, True),
        ({"column": "region", "op": "in", "value": ["EU", "UK"]}, True, True),
        ({"column": "region", "op": "not in", "value": ["EU", "UK"]}, True, False),
    ],
)
def test_condition_reads_like_sql(when, consent, masked):
    event = {**EVENT, "data_share_consent": consent, "prefs": {"share": consent},
             "region": "EU"}
    [outcome] = scrubber(when=when).scrub([event])
    assert outcome.result == "Ok"
    assert (outcome.event["customer_id"] != 4711) is masked
    assert ("data_redacted" in outcome.event) is masked


def test_no_condition_masks_every_event():
    rules = {k: v for k, v in RULES.items() if k != "when"}
    [outcome] = StreamScrubber(parse_schema({"streams": {STREAM: rules}}), STREAM,
                               KEYRING).scrub([{"customer_id": 4711}])
    assert outcome.event["customer_id"] != 4711


def test_integer_written_as_text_gets_the_integer_token_as_text():
    [a, b] = scrubber().scrub([EVENT, {**EVENT, "customer_id": "4711"}])
    assert b.event["customer_id"] == str(a.event["customer_id"])


def test_unknown_stream_and_other_secret_are_refused():
    with pytest.raises(SchemaError, match="no rules for this stream"):
        StreamScrubber(schema(), "other", KEYRING)
    from piigate.errors import ConfigError

    stamped = schema().model_copy(update={"key_check": Keyring(b"another-secret-0123456")
                                          .check_value()})
    with pytest.raises(ConfigError, match="not the one"):
        StreamScrubber(stamped, STREAM, KEYRING)


def test_not_a_firehose_event():
    from piigate.errors import ConfigError

    with pytest.raises(ConfigError):
        firehose_response({"Records": []}, scrubber())


def test_a_failing_event_does_not_mask_the_others_twice():
    # the batch masks customer_id for both events before dob fails on the second; the
    # first must come out as if scrubbed alone, not enciphered a second time
    alone, _ = firehose_response(firehose_event(encode(EVENT)), scrubber())
    mixed, failures = firehose_response(
        firehose_event(encode(EVENT), encode({**EVENT, "dob": 20110422})), scrubber())
    assert len(failures) == 1
    assert answers(mixed)[0] == answers(alone)[0]


def test_scrub_without_raw_text_leaves_the_callers_events_alone():
    events = [dict(EVENT), {**EVENT, "dob": 1}]
    outcomes = scrubber().scrub(events)
    assert [o.result for o in outcomes] == ["Ok", "ProcessingFailed"]
    assert events[0] == EVENT and outcomes[0].event["customer_id"] != 4711


def test_a_new_proposal_carries_the_approved_streams():
    from classifiers.propose import build_schema
    from piigate.db import Inventory

    previous = schema()
    proposal = build_schema(Inventory(dialect="sqlite", tables={}), {}, previous, {})
    assert proposal.streams == previous.streams
    assert build_schema(Inventory(dialect="sqlite", tables={}), {}, None, {}).streams == {}
