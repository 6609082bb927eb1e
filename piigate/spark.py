"""Tokenize a Spark DataFrame column exactly as the snapshot tokenized it (EMR, Glue).

    from piigate.spark import tokenize_column

    # through the pseudonymization service (SigV4 with the cluster's role), in batches
    df = tokenize_column(df, "customer_id", domain="customers.id",
                         endpoint="https://abc123.execute-api.eu-west-1.amazonaws.com/prod")
    # or locally, with the approved schema and the tokenization secret
    df = tokenize_column(df, "customer_id", domain="customers.id",
                         schema="approved.json", secret=os.environ["PIIGATE_SECRET"])

Both are a pandas UDF (Arrow batches, batch and Structured Streaming alike); each
executor builds its client or transform once and reuses it. Local mode ships the secret
to the executors inside the UDF's closure: use it on a cluster you would trust with the
secret, otherwise use the service. Integer columns give ``bigint`` tokens, others text.
"""

# no ``from __future__ import annotations``: Spark reads the UDF's pandas type hints

import threading
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .pseudonymize import MAX_VALUES

_WORKER: dict[tuple[Any, ...], Callable[[list[Any]], list[Any]]] = {}
_LOCK = threading.Lock()


def _local(schema_doc: dict[str, Any], secret: str, column: str | None,
           domain: str | None) -> Callable[[list[Any]], list[Any]]:
    from .keys import Keyring, decode_secret
    from .pseudonymize import resolve
    from .schema import parse_schema

    schema = parse_schema(schema_doc)
    target = resolve(schema, Keyring(decode_secret(secret, source="secret")),
                     column=column, domain=domain)

    def run(values: list[Any]) -> list[Any]:
        if target.integer:
            values = [None if v is None else int(v) for v in values]
        else:
            values = [None if v is None else str(v) for v in values]
        return target.transform.apply(values)

    return run


def _remote(endpoint: str, region: str | None, batch_size: int, column: str | None,
            domain: str | None) -> Callable[[list[Any]], list[Any]]:
    from .service_client import PseudonymizationClient

    client = PseudonymizationClient(endpoint, region=region, batch_size=batch_size)
    return lambda values: client.pseudonymize(values, column=column, domain=domain)


def _worker(key: tuple[Any, ...], make: Callable[[], Callable[[list[Any]], list[Any]]]
            ) -> Callable[[list[Any]], list[Any]]:
    """One client or transform per executor process and target."""
    with _LOCK:
        fn = _WORKER.get(key)
        if fn is None:
            fn = _WORKER[key] = make()
        return fn


def _schema_doc(schema: Any) -> dict[str, Any]:
    from .schema import Schema, load_schema, parse_schema

    if isinstance(schema, Schema):
        return schema.to_dict()
    if isinstance(schema, dict):
        return parse_schema(schema).to_dict()
    return load_schema(Path(schema)).to_dict()


def tokenize_column(df: Any, column: str, *, domain: str | None = None,
                    schema_column: str | None = None, output: str | None = None,
                    endpoint: str | None = None, region: str | None = None,
                    batch_size: int = MAX_VALUES, schema: Any = None,
                    secret: str | None = None) -> Any:
    """``df`` with ``column`` (or a new ``output`` column) tokenized in key ``domain`` or
    as ``schema_column`` (``table.column`` of the approved schema) is.

    Give ``endpoint`` to call the service, or ``schema`` (a Schema, a dict or a file)
    and ``secret`` to tokenize locally; nulls stay null.
    """
    import pandas as pd
    from pyspark.sql.functions import col, pandas_udf
    from pyspark.sql.types import (
        ByteType,
        IntegerType,
        LongType,
        ShortType,
        StringType,
    )

    from .errors import ConfigError

    if (endpoint is None) == (schema is None or secret is None):
        raise ConfigError("give endpoint= (the service), or schema= and secret= (local)",
                          field="endpoint")
    integral = isinstance(df.schema[column].dataType,
                          ByteType | ShortType | IntegerType | LongType)
    key: tuple[Any, ...]
    if endpoint is not None:
        key = ("remote", endpoint, region, batch_size, schema_column, domain)

        def make() -> Callable[[list[Any]], list[Any]]:
            return _remote(endpoint, region, batch_size, schema_column, domain)
    else:
        doc = _schema_doc(schema)
        assert secret is not None
        # check here, on the driver, that the target exists: a typo fails before any task
        _local(doc, secret, schema_column, domain)
        key = ("local", uuid.uuid4().hex)  # one per call: another secret, another cache

        def make() -> Callable[[list[Any]], list[Any]]:
            return _local(doc, secret, schema_column, domain)

    def tokens(values: pd.Series) -> pd.Series:
        fn = _worker(key, make)
        plain = [None if pd.isna(v) else (int(v) if integral else v) for v in values]
        out = fn(plain)
        return pd.Series(out, dtype="Int64" if integral else object)

    udf = pandas_udf(tokens, LongType() if integral else StringType())  # type: ignore[call-overload]
    return df.withColumn(output or column, udf(col(column)))
