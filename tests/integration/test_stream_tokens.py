"""Same keys everywhere: a stream's customer_id and the service's tokens equal the
tokens a snapshot got for the same ids (a small SQLite database, tokenized for real)."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
import sqlalchemy as sa

from piigate.db import connect, reflect
from piigate.errors import SchemaError
from piigate.keys import Keyring
from piigate.plan import make_plan
from piigate.pseudonymize import pseudonymize, reidentify
from piigate.schema import parse_schema
from piigate.streams import StreamScrubber, firehose_response
from piigate.writer import tokenize

KEYRING = Keyring(b"snapshot-and-stream-secret-42")
IDS = [1, 2, 17, 4711, 99999]
EMAILS = {i: f"customer{i}@example.com" for i in IDS}

TABLES: dict[str, Any] = {
    "customers": {"columns": {
        "id": {"method": "fpe"},
        "email": {"method": "fake", "kind": "email"},
        "ref": {"method": "keep", "reason": "our row label, not personal"},
    }},
    "orders": {"columns": {
        "id": {"method": "keep", "reason": "order number, not personal"},
        "customer_id": {"method": "fpe"},  # joined by the foreign key: domain customers.id
    }},
}


def _stream(int_type: str | None) -> dict[str, Any]:
    field: dict[str, Any] = {"path": "$.customer_id",
                             "rule": {"method": "fpe", "domain": "customers.id"}}
    if int_type:
        field["int_type"] = int_type
    return {"when": {"column": "data_share_consent", "value": False},
            "fields": [field, {"path": "$.email", "rule": {"method": "fake", "kind": "email",
                                                            "domain": "customers.email"}}],
            "marker": {"data_redacted": True}}


def _shop(path: Any, ids: list[int]) -> Any:
    """customers (the rowid alias: 64-bit) and orders.customer_id (INTEGER: 32-bit)."""
    sa.create_engine(f"sqlite:///{path}").connect().close()
    engine = connect(f"sqlite:///{path}")
    with engine.begin() as c:
        c.execute(sa.text("CREATE TABLE customers (id INTEGER PRIMARY KEY, "
                          "email VARCHAR(80), ref VARCHAR(10))"))
        c.execute(sa.text("CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER "
                          "REFERENCES customers(id))"))
        for i in ids:
            c.execute(sa.text("INSERT INTO customers VALUES (:i, :e, :r)"),
                      {"i": i, "e": EMAILS[i], "r": f"r{i}"})
            c.execute(sa.text("INSERT INTO orders VALUES (:o, :i)"), {"o": i + 1000, "i": i})
    return engine


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory) -> dict[int, tuple[int, str]]:
    """Original id -> (token, fake email) as ``tokenize`` wrote them."""
    engine = _shop(tmp_path_factory.mktemp("stream") / "shop.sqlite", IDS)
    plan = make_plan(parse_schema({"tables": TABLES}), reflect(engine))
    assert plan.domains["customers.id"].int_range == (-(2**31), 2**31 - 1)
    tokenize(engine, plan, KEYRING)
    with engine.connect() as c:
        rows = c.execute(sa.text("SELECT ref, id, email FROM customers")).all()
        orders = dict(c.execute(sa.text("SELECT id, customer_id FROM orders")).all())
    engine.dispose()
    out = {int(ref[1:]): (tok, email) for ref, tok, email in rows}
    assert all(orders[i + 1000] == out[i][0] for i in IDS)  # the snapshot is consistent
    return out


def _records(events: list[dict[str, Any]]) -> dict[str, Any]:
    return {"records": [{"recordId": str(n), "data": base64.b64encode(
        json.dumps(e).encode()).decode()} for n, e in enumerate(events)]}


@pytest.mark.parametrize("stated", ["integer", None])
def test_stream_tokens_equal_snapshot_tokens(snapshot, stated):
    # stated: the field says the domain's type; None: the schema's column types say it
    tables = TABLES if stated else {
        "customers": {"columns": {**TABLES["customers"]["columns"],
                                  "id": {"method": "fpe", "type": "BIGINT"}}},
        "orders": {"columns": {**TABLES["orders"]["columns"],
                               "customer_id": {"method": "fpe", "type": "INTEGER",
                                               "domain": "customers.id"}}},
    }
    schema = parse_schema({"tables": tables, "streams": {"orders": _stream(stated)}})
    events = [{"customer_id": i, "email": EMAILS[i], "data_share_consent": False}
              for i in IDS]
    response, failures = firehose_response(_records(events),
                                           StreamScrubber(schema, "orders", KEYRING))
    assert failures == []
    got = [json.loads(base64.b64decode(r["data"])) for r in response["records"]]
    for i, ev in zip(IDS, got, strict=True):
        assert ev["customer_id"] == snapshot[i][0]
        assert ev["email"] == snapshot[i][1]


def test_a_wrong_stated_range_is_refused():
    tables = {"customers": {"columns": {"id": {"method": "fpe", "type": "INTEGER"}}}}
    schema = parse_schema({"tables": tables, "streams": {"orders": _stream("bigint")}})
    with pytest.raises(SchemaError, match="integer range"):
        StreamScrubber(schema, "orders", KEYRING)


def test_a_field_rule_unlike_its_domain_is_refused():
    stream = _stream("integer")
    stream["fields"][0]["rule"]["alphabet"] = "digits"
    schema = parse_schema({"tables": TABLES, "streams": {"orders": stream}})
    with pytest.raises(SchemaError, match="differs from customers.id"):
        StreamScrubber(schema, "orders", KEYRING)


def test_service_tokens_equal_snapshot_tokens(snapshot):
    schema = parse_schema({"tables": {
        "customers": {"columns": {"id": {"method": "fpe", "type": "INTEGER"},
                                  "email": {"method": "fake", "kind": "email",
                                            "type": "VARCHAR(80)"}}},
        "orders": {"columns": {"customer_id": {"method": "fpe", "type": "INTEGER",
                                               "domain": "customers.id"}}},
    }})
    want = [snapshot[i][0] for i in IDS]
    assert pseudonymize(schema, KEYRING, IDS, domain="customers.id") == want
    assert pseudonymize(schema, KEYRING, IDS, column="orders.customer_id") == want
    assert pseudonymize(schema, KEYRING, [str(i) for i in IDS], domain="customers.id") == want
    assert pseudonymize(schema, KEYRING, [EMAILS[i] for i in IDS],
                        column="customers.email") == [snapshot[i][1] for i in IDS]
    assert reidentify(schema, KEYRING, want, column="orders.customer_id") == IDS


def test_check_tells_a_stream_the_domain_range(tmp_path):
    inventory = reflect(_shop(tmp_path / "shop.sqlite", []))
    for stated, ok in ((None, False), ("bigint", False), ("integer", True)):
        schema = parse_schema({"tables": TABLES, "streams": {"orders": _stream(stated)}})
        if ok:
            make_plan(schema, inventory)
            continue
        with pytest.raises(SchemaError) as err:
            make_plan(schema, inventory)
        assert f"int_range\": [{-(2**31)}, {2**31 - 1}]" in str(err.value)
        assert "streams.orders.fields.0" in str(err.value)
    stream = _stream("integer")
    stream["fields"][1]["rule"]["keep_email_domain"] = True
    with pytest.raises(SchemaError, match=r"streams.orders.fields.1.rule: key domain"):
        make_plan(parse_schema({"tables": TABLES, "streams": {"orders": stream}}), inventory)


def test_check_refuses_an_integer_domain_under_all_keys(tmp_path):
    inventory = reflect(_shop(tmp_path / "shop.sqlite", []))
    stream = {"all_keys": {"customer_id": {"method": "fpe", "domain": "customers.id"}}}
    with pytest.raises(SchemaError, match="all_keys.customer_id: key domain"):
        make_plan(parse_schema({"tables": TABLES, "streams": {"orders": stream}}), inventory)
