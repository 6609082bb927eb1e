"""Value handling shared by the checks: canonical bytes, coercion, JSON leaves.

Drivers return the same value in different Python types (an int or a Decimal, a str or
parsed JSON); both sides of every comparison go through :func:`canon` first.
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
import re
from typing import Any

from ..db import ColumnInfo
from ..plan import ColumnPlan

LONG_TEXT = 256  # text columns at least this long (or unbounded) are free text
INTEGER_TEXT = re.compile(r"^[+-]?\d+$")
NOT_JSON = object()


def canon(value: Any, as_json: bool = False) -> bytes:
    """Bytes that are equal exactly when two values are the same value."""
    if value is None:
        return b"\x00"
    if as_json:
        doc = json_doc(value)
        if doc is not NOT_JSON:
            return b"J" + json.dumps(
                doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False
            ).encode("utf-8")
    if isinstance(value, bool):
        return b"B1" if value else b"B0"
    if isinstance(value, int):
        return b"I" + str(value).encode()
    if isinstance(value, float | decimal.Decimal):
        try:
            if value == int(value):
                return b"I" + str(int(value)).encode()
        except (ValueError, OverflowError, decimal.InvalidOperation):
            pass  # NaN, infinity
        return b"F" + repr(float(value)).encode()
    if isinstance(value, str):
        return b"S" + value.encode("utf-8", "surrogatepass")
    if isinstance(value, bytes | bytearray | memoryview):
        return b"X" + bytes(value)
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
            return b"Z" + value.isoformat().encode()
        return b"T" + value.isoformat().encode()
    if isinstance(value, dt.date | dt.time):
        return b"D" + value.isoformat().encode()
    if isinstance(value, dict | list):
        return b"J" + json.dumps(value, sort_keys=True, separators=(",", ":"),
                                 ensure_ascii=False).encode("utf-8")
    return b"O" + str(value).encode("utf-8", "surrogatepass")


def json_doc(value: Any) -> Any:
    """The decoded document of a JSON value (text or decoded), or ``NOT_JSON``."""
    if isinstance(value, bytes | bytearray):
        value = bytes(value).decode("utf-8", "replace")
    if isinstance(value, str):
        try:
            return json.loads(value)
        except (json.JSONDecodeError, RecursionError):
            return NOT_JSON
    return value


def coerce(value: Any, kind: str) -> Any:
    """A transform's output as the column will hold it (the writer's database casts)."""
    if value is None:
        return None
    if kind == "text" and isinstance(value, int | float | decimal.Decimal):
        return str(value)
    if isinstance(value, str):
        try:
            if kind == "integer" and INTEGER_TEXT.match(value):
                return int(value)
            if kind == "date":
                return dt.date.fromisoformat(value[:10])
            if kind == "datetime":
                return dt.datetime.fromisoformat(value)
        except ValueError:
            return value
    return value


def leaves(value: Any) -> list[str]:
    """String leaves of a JSON document (or the text itself when it is not JSON)."""
    doc = json_doc(value)
    if doc is NOT_JSON:
        return [value] if isinstance(value, str) else []
    out: list[str] = []
    stack = [doc]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, str):
            out.append(node)
    return out


def is_json(cp: ColumnPlan) -> bool:
    return cp.rule.method == "json" or cp.info.kind == "json"


def is_long(info: ColumnInfo) -> bool:
    """Free text: JSON, or text of unbounded length or at least ``LONG_TEXT``."""
    return info.kind == "json" or (info.kind == "text" and (info.length is None
                                                            or info.length >= LONG_TEXT))
