"""The Spark helper in a local PySpark session: a DataFrame column tokenized locally and
through the service equals the library's (and so the snapshot's) tokens.

One session for the module: Spark starts slowly on two cores. ``-m spark`` selects these.
"""

from __future__ import annotations

import os
import sys
import threading
from http.server import ThreadingHTTPServer

import pytest

from piigate.keys import Keyring
from piigate.pseudonymize import pseudonymize

pytestmark = pytest.mark.spark

SECRET = "spark-test-secret-0123456789"
KEYRING = Keyring(SECRET.encode())
SCHEMA_DOC = {"tables": {
    "customers": {"columns": {
        "id": {"method": "fpe", "type": "BIGINT"},
        "email": {"method": "fake", "kind": "email", "type": "VARCHAR(80)"},
    }},
    "orders": {"columns": {
        "customer_id": {"method": "fpe", "type": "INTEGER", "domain": "customers.id"},
    }},
}}
ROWS = [(1, "ann@example.com"), (4711, None), (None, "bob@example.org"), (99999, "c@x.io")]


@pytest.fixture(scope="module")
def spark():
    if os.environ.get("PIIGATE_REQUIRE_SERVERS") == "1":
        import pyspark  # noqa: F401 - CI must have it (.ci/run installs the spark extra)
    else:
        pytest.importorskip("pyspark")
    from pyspark.sql import SparkSession

    # the executors' Python is ours, and they sign service calls with these credentials
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    session = (SparkSession.builder.master("local[1]").appName("piigate-test")
               .config("spark.ui.enabled", "false")
               .config("spark.sql.shuffle.partitions", "1")
               .config("spark.sql.execution.arrow.maxRecordsPerBatch", "2")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def frame(spark):
    return spark.createDataFrame(ROWS, "customer_id bigint, email string")


def _library(values, **target):
    from piigate.schema import parse_schema

    return pseudonymize(parse_schema(SCHEMA_DOC), KEYRING, values, **target)


def test_local_mode_equals_the_library(frame):
    from piigate.spark import tokenize_column

    out = tokenize_column(frame, "customer_id", domain="customers.id", output="token",
                          schema=SCHEMA_DOC, secret=SECRET)
    out = tokenize_column(out, "email", schema_column="customers.email",
                          schema=SCHEMA_DOC, secret=SECRET)
    rows = out.orderBy("token").collect()
    got = {r["customer_id"]: (r["token"], r["email"]) for r in rows}
    ids = [r[0] for r in ROWS]
    tokens = _library(ids, domain="customers.id")
    emails = _library([r[1] for r in ROWS], column="customers.email")
    assert got == {i: (t, e) for i, t, e in zip(ids, tokens, emails, strict=True)}
    assert dict(out.dtypes)["token"] == "bigint"
    # the domain's narrowest column (orders.customer_id INTEGER) bounds the tokens
    assert all(t is None or t < 2**31 for t in tokens)


def test_service_mode_equals_the_library(frame, monkeypatch):
    from functions.handlers import pseudonymization
    from piigate.schema import parse_schema
    from piigate.spark import tokenize_column
    from tests.unit.test_service_client import _Api

    monkeypatch.setattr(pseudonymization, "approved",
                        lambda settings: (parse_schema(SCHEMA_DOC), KEYRING))
    _Api.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Api)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        endpoint = f"http://127.0.0.1:{server.server_address[1]}/prod"
        out = tokenize_column(frame, "customer_id", schema_column="orders.customer_id",
                              endpoint=endpoint, region="eu-west-1", batch_size=2)
        got = [r["customer_id"] for r in out.collect()]
    finally:
        server.shutdown()
        server.server_close()
    assert got == _library([r[0] for r in ROWS], domain="customers.id")
    assert _Api.seen and all(len(s["body"]["values"]) <= 2 for s in _Api.seen)


def test_a_typo_fails_on_the_driver(frame):
    from piigate.errors import SchemaError
    from piigate.spark import tokenize_column

    with pytest.raises(SchemaError):
        tokenize_column(frame, "customer_id", domain="customer.id", schema=SCHEMA_DOC,
                        secret=SECRET)
