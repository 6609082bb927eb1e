"""What a masked column will look like: a made-up value through the real transform.

The review page shows, per masked column, one example token. It must never show a real
value nor a real token (a real token next to its input would be a key-free lookup
table), so the input is a synthetic value of the column's shape (from its fake kind,
the finding's entity or its type) and the keys come from a fixed, public preview secret
that no run uses. The transform is the one the writer runs (``build_transform``), so the
example shows the real format, length and character classes.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

from piigate.db import ColumnInfo
from piigate.errors import PiiGateError
from piigate.keys import Keyring
from piigate.transforms import TransformContext, build_transform

from .edits import column_kind

# Public on purpose: tokens made with it say nothing about the real secret's tokens.
PREVIEW_KEYRING = Keyring(b"piigate review-page preview key: public, never used by a run")

# One made-up value per kind of data (fake kinds and discovery's entities). Reserved or
# published test values where a format has them (example.com, 555 numbers, the test card).
_BY_SHAPE: dict[str, str] = {
    "email": "jane.roe@example.com",
    "EMAIL_ADDRESS": "jane.roe@example.com",
    "first_name": "Jane",
    "FIRST_NAME": "Jane",
    "last_name": "Roe",
    "LAST_NAME": "Roe",
    "full_name": "Jane Roe",
    "PERSON": "Jane Roe",
    "phone": "555-0142",
    "PHONE_NUMBER": "555-0142",
    "street_address": "12 Example Street",
    "STREET_ADDRESS": "12 Example Street",
    "city": "Springfield",
    "CITY": "Springfield",
    "postcode": "90210",
    "POSTCODE": "90210",
    "company": "Example Ltd",
    "US_SSN": "123-45-6789",
    "NATIONAL_ID": "AB123456C",
    "PASSPORT": "X1234567",
    "CREDIT_CARD": "4111 1111 1111 1111",
    "IBAN_CODE": "GB33BUKB20201555555555",
    "IP_ADDRESS": "192.0.2.10",
    "USERNAME": "jroe42",
    "FREE_TEXT": "Call Jane Roe at jane.roe@example.com",
    "text": "Call Jane Roe at jane.roe@example.com",
}
_BY_KIND: dict[str, Any] = {
    "integer": 104233,
    "decimal": 1234.5,
    "float": 1234.5,
    "text": "Sample text",
    "date": dt.date(1984, 5, 17),
    "datetime": dt.datetime(2021, 3, 9, 14, 30),
    "time": dt.time(14, 30),
    "boolean": True,
    "uuid": "123e4567-e89b-42d3-a456-426614174000",
}


@dataclass(frozen=True)
class Preview:
    """A made-up input and what the column's rule makes of it (display strings)."""

    before: str
    after: str


def _shape_value(rule: Any, kind: str | None) -> Any:
    """A synthetic value of the column's shape, or None when there is no telling one."""
    finding = getattr(rule, "finding", None)
    entity = finding.entity if finding else None
    fake_kind = getattr(rule, "kind", None) if rule.method == "fake" else None
    for key in (fake_kind, entity):
        if key and key in _BY_SHAPE and kind in (None, "text"):
            return _BY_SHAPE[key]
    if entity == "DATE_OF_BIRTH" and kind in (None, "date", "datetime", "text"):
        return _BY_KIND["date"] if kind != "datetime" else dt.datetime(1984, 5, 17, 0, 0)
    if rule.method == "fpe" and kind in (None, "text") and getattr(rule, "alphabet", "") == "hex":
        return _BY_KIND["uuid"]  # uuids kept as text
    if rule.method == "fpe" and kind == "text" and getattr(rule, "alphabet", "") == "digits":
        return "4111 1111 1111 1111" if getattr(rule, "luhn", False) else "555-0142"
    if kind == "json" or rule.method == "json":
        return _json_document(rule)
    if kind is None:
        return "Sample text" if rule.method in ("fake", "hash", "redact", "fpe") else None
    return _BY_KIND.get(kind)


def _json_document(rule: Any) -> str | None:
    """A small JSON document with a made-up value at each of the rule's paths."""
    doc: dict[str, Any] = {}
    for p in getattr(rule, "paths", []):
        segs = [s for s in re.split(r"\.|\[\*\]|\[\d+\]", p.path.removeprefix("$")) if s]
        if not segs:
            continue
        node = doc
        for seg in segs[:-1]:
            node = node.setdefault(seg, {})
            if not isinstance(node, dict):
                break
        else:
            value = _inner_value(p.rule)
            node[segs[-1]] = [value] if p.path.endswith("[*]") else value
    for key, inner in getattr(rule, "all_keys", {}).items():
        doc.setdefault(key, _inner_value(inner))
    return json.dumps(doc, ensure_ascii=False) if doc else None


def _inner_value(inner: Any) -> Any:
    if inner.method == "fake":
        return _BY_SHAPE.get(inner.kind, "Sample text")
    if inner.method == "date_shift":
        return "1984-05-17"
    if inner.method == "fpe":
        return {"digits": "555-0142", "hex": _BY_KIND["uuid"]}.get(inner.alphabet, "Sample")
    return "Sample text"


def _length(type_annotation: str | None) -> int | None:
    m = re.search(r"\((\d+)\)", type_annotation or "")
    return int(m.group(1)) if m else None


def _show(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, dt.date | dt.time):
        return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
    return str(value)


def preview(table: str, column: str, rule: Any) -> Preview | None:
    """The example token of a masked column, or None when no made-up value fits.

    A rule the transform refuses for the made-up value (an FPE alphabet that does not
    cover it...) gives None too: the page then says there is no preview, and the run's
    own checks still judge the rule.
    """
    if rule.method == "keep":
        return None
    kind, nullable = column_kind(getattr(rule, "type", None))
    value = _shape_value(rule, kind)
    if value is None:
        return None
    domain = rule.domain or f"{table}.{column}"
    info = None
    if kind is not None:
        info = ColumnInfo(
            table=table, name=column, sql_type=rule.type or "", kind=kind,  # type: ignore[arg-type]
            nullable=nullable, length=_length(rule.type),
        )
    ctx = TransformContext(
        table=table, column=column, domain=domain, keys=PREVIEW_KEYRING.domain(domain),
        info=info, keys_for=PREVIEW_KEYRING.domain,
    )
    try:
        out = build_transform(rule, ctx).apply([value])[0]
    except (PiiGateError, ValueError, TypeError, OverflowError):
        return None
    return Preview(_show(value), _show(out))
