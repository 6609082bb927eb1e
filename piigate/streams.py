"""Scrub JSON events with a stream's rules: Kinesis Data Firehose record transformation.

A schema's ``streams`` section (``piigate.schema.StreamRule``) says, per stream, which
fields of an event are masked, under which keys and on which condition. The rules are
the column rules, the paths those of the ``json`` method, and they run through the same
transform (:class:`piigate.transforms.jsondoc.JsonTransform`), so a ``customer_id`` field
in the ``customers.id`` domain gets the token the database snapshot gave that id.

Firehose's contract (``records[]`` of ``recordId`` and base64 ``data``; each answered
``Ok``, ``Dropped`` or ``ProcessingFailed``) is in :func:`firehose_response`. Fail
closed: an event that cannot be read, matched or masked is never answered ``Ok``
unmasked; the reason (a value-free sentence naming the field) is returned for the log.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final, Literal

from .errors import ConfigError, PiiGateError, SchemaError, safe_reason
from .keys import Keyring
from .plan import type_token_range
from .reidentify import check_secret
from .schema import JsonRule, Schema, StreamField, StreamRule, normalise_json_path
from .transforms import Transform, TransformContext
from .transforms.jsondoc import JsonTransform, locate

# Firehose refuses a transformed record above 1,000 KiB; Lambda a response above 6 MB
# (base64 inflates data by 4/3, and the envelope needs room too).
MAX_RECORD_BYTES: Final = 1_000 * 1024
MAX_RESPONSE_BYTES: Final = 6 * 1024 * 1024
_ENVELOPE_BYTES: Final = 64 * 1024
_INTEGER_TEXT = re.compile(r"^-?[0-9]{1,19}$")

Result = Literal["Ok", "Dropped", "ProcessingFailed"]


@dataclass(frozen=True)
class Outcome:
    """What became of one event: the scrubbed event (``Ok``) or a value-free reason."""

    result: Result
    event: dict[str, Any] | None = None
    reason: str | None = None


def field_token_range(field: StreamField) -> tuple[int, int] | None:
    """The integer range of a field's tokens: the key domain's, as the field states it."""
    if field.int_range is not None:
        return field.int_range
    if field.int_type is not None:
        return type_token_range(field.int_type, getattr(field.rule, "max_value", None))
    return None


class _Integers(Transform):
    """A field whose domain is integer: integers, or integers written as text, only.

    Text would otherwise be enciphered as text, a token the database never gave; an
    integer written as text comes back as text.
    """

    def __init__(self, inner: Transform) -> None:
        super().__init__(inner.rule, inner.ctx)
        self.method = inner.method
        self._inner = inner

    def _apply(self, values: list[Any]) -> list[Any]:
        ints: list[int] = []
        for v in values:
            if isinstance(v, int) and not isinstance(v, bool):
                ints.append(v)
            elif isinstance(v, str) and _INTEGER_TEXT.match(v.strip()):
                ints.append(int(v))
            else:
                raise self.ctx.error(
                    f"the field's key domain is integer but it holds a {type(v).__name__} "
                    "that is not an integer"
                )
        tokens = self._inner.apply(ints)
        return [t if isinstance(v, int) else str(t) for v, t in zip(values, tokens, strict=True)]


class _StreamDocument(JsonTransform):
    """The json transform with the integer ranges of the stream's fields (by path),
    changing the events it is given in place: the scrubber owns them (see ``scrub``)."""

    def _decode(self, value: Any) -> tuple[Any, bool]:
        if isinstance(value, dict):
            return value, False
        return super()._decode(value)

    def __init__(self, rule: Any, ctx: TransformContext,
                 ranges: dict[str, tuple[int, int]]) -> None:
        self._ranges = ranges
        super().__init__(rule, ctx)

    def _int_range(self, path_rule: Any) -> tuple[int, int] | None:
        return self._ranges.get(path_rule.path)

    def _build(self, inner: Any, field: str, int_range: tuple[int, int] | None = None
               ) -> Transform:
        built = super()._build(inner, field, int_range)
        return _Integers(built) if int_range is not None else built


def _json_type(v: Any) -> str:
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, int | float):
        return "number"
    return "string" if isinstance(v, str) else type(v).__name__


class StreamScrubber:
    """The rules of one stream of an approved schema, under the schema's keys."""

    def __init__(self, schema: Schema, stream: str, keyring: Keyring) -> None:
        rule = schema.streams.get(stream)
        if rule is None:
            raise SchemaError("the schema has no rules for this stream", field=f"streams.{stream}")
        check_secret(schema.key_check, keyring, "schema")
        _check_domains(schema, stream, rule)
        ranges = _field_ranges(schema, stream, rule, keyring)
        self.name = stream
        self.rule: StreamRule = rule
        self._when_path = None
        if rule.when is not None:
            col = rule.when.column
            try:
                self._when_path = normalise_json_path(col) if col.startswith("$") else None
            except ValueError as exc:
                raise SchemaError(str(exc), field=f"streams.{stream}.when.column") from None
        as_json = JsonRule(method="json", paths=list(rule.fields), all_keys=rule.all_keys,
                           ignore_keys=rule.ignore_keys)
        domain = f"streams.{stream}"
        ctx = TransformContext(table="streams", column=stream, domain=domain,
                               keys=keyring.domain(domain), keys_for=keyring.domain)
        self._doc = _StreamDocument(as_json, ctx, ranges)

    # -- the condition
    def _where(self) -> str:
        return f"streams.{self.name}.when"

    def applies(self, event: dict[str, Any]) -> bool:
        """Whether the stream's rules apply to ``event`` (SQL's reading of ``when``:
        a null field matches only ``is null``); a missing field or one of another type
        than the condition's value is an error, never a pass."""
        when = self.rule.when
        if when is None:
            return True
        if self._when_path is not None:
            found = locate(event, self._when_path)
            if len(found) != 1:
                raise SchemaError("the condition's path does not reach exactly one value",
                                  field=self._where())
            value = found[0]
        elif when.column in event:
            value = event[when.column]
        else:
            raise SchemaError(f"the event has no field {when.column!r} (the condition's)",
                              field=self._where())
        expected = when.value if isinstance(when.value, list) else [when.value]
        if value is not None and isinstance(value, dict | list):
            raise SchemaError(f"the condition's field {when.column!r} holds an object or a list",
                              field=self._where())
        if value is not None and any(e is not None and _json_type(e) != _json_type(value)
                                     for e in expected):
            raise SchemaError(f"the condition's field {when.column!r} holds a "
                              f"{_json_type(value)}, the condition compares with "
                              f"{_json_type(next(e for e in expected if e is not None))}",
                              field=self._where())
        op = when.op
        if op == "is null" or (op == "=" and when.value is None):
            return value is None
        if op == "is not null" or (op == "!=" and when.value is None):
            return value is not None
        if value is None:
            return False  # NULL = x and NULL IN (...) are unknown in SQL: the rule skips the row
        if op == "=":
            return bool(value == when.value)
        if op == "!=":
            return bool(value != when.value)
        return (value in expected) == (op == "in")

    # -- events
    def scrub(self, events: Sequence[Any], raw: Sequence[bytes] | None = None
              ) -> list[Outcome]:
        """Each event's outcome, in order. One call transforms all events together
        (each distinct value once per rule); an error falls back to one event at a time,
        so that only the events that cannot be masked fail.

        Events are changed in place. ``raw``, the JSON each event was parsed from, lets
        the fallback start again from the originals; without it the events are copied
        first (a failed batch may have masked some fields already).
        """
        if raw is None:
            raw = [json.dumps(e).encode("utf-8") for e in events]
            events = [json.loads(r) for r in raw]
        out: list[Outcome | None] = [None] * len(events)
        todo: list[int] = []
        for i, ev in enumerate(events):
            if not isinstance(ev, dict):
                out[i] = self.failed("the event is not a JSON object")
                continue
            try:
                hit = self.applies(ev)
            except PiiGateError as exc:
                out[i] = self.failed(str(exc))
                continue
            if not hit:
                out[i] = Outcome("Ok", ev)
            elif self.rule.action == "drop":
                out[i] = Outcome("Dropped", reason="the condition holds and the stream drops")
            else:
                todo.append(i)
        masked = self._mask([events[i] for i in todo], [raw[i] for i in todo])
        for i, outcome in zip(todo, masked, strict=True):
            out[i] = outcome
        return [o for o in out if o is not None]

    def _mask(self, events: list[dict[str, Any]], raw: list[bytes]) -> list[Outcome]:
        try:
            return [self._marked(d) for d in self._doc.apply(events)]
        except Exception:  # noqa: BLE001 - find the events that fail, one at a time
            pass
        outcomes = []
        for text in raw:
            try:
                outcomes.append(self._marked(self._doc.apply([json.loads(text)])[0]))
            except Exception as exc:  # noqa: BLE001 - an unmasked event must never pass
                outcomes.append(self.failed(safe_reason(exc)))
        return outcomes

    def _marked(self, event: dict[str, Any]) -> Outcome:
        event.update(self.rule.marker)
        return Outcome("Ok", event)

    def failed(self, reason: str) -> Outcome:
        return Outcome("Dropped" if self.rule.on_error == "drop" else "ProcessingFailed",
                       reason=reason)


def _check_domains(schema: Schema, stream: str, rule: StreamRule) -> None:
    """A field naming a table column's key domain must tokenize like that column."""
    columns: dict[str, tuple[str, Any]] = {}
    for tname, cname, crule in schema.masked():
        columns.setdefault(crule.domain or f"{tname}.{cname}", (f"{tname}.{cname}", crule))
    skip = {"type", "finding", "drift", "decided_by", "note", "domain"}
    inner = [(f.path, f.rule) for f in rule.fields] + [
        (f"$..{k}", r) for k, r in rule.all_keys.items()]
    for path, frule in inner:
        if frule.domain is None or frule.domain not in columns:
            continue
        where, crule = columns[frule.domain]
        if frule.model_dump(exclude=skip) != crule.model_dump(exclude=skip):
            raise SchemaError(
                f"the field is in key domain {frule.domain!r} but its rule differs from "
                f"{where}'s; the tokens would not match", field=f"streams.{stream}: {path}")


def _field_ranges(schema: Schema, stream: str, rule: StreamRule, keyring: Keyring
                  ) -> dict[str, tuple[int, int]]:
    """Integer token ranges by path: the field's own, else its key domain's when the
    schema's columns of that domain carry integer types; the two must agree."""
    from .pseudonymize import resolve

    domains = {crule.domain or f"{t}.{c}" for t, c, crule in schema.masked()}
    out: dict[str, tuple[int, int]] = {}
    for f in rule.fields:
        stated = field_token_range(f)
        derived = None
        if f.rule.method == "fpe" and f.rule.domain in domains:
            try:
                target = resolve(schema, keyring, domain=f.rule.domain)
            except SchemaError:
                target = None  # columns without type annotations: the field must state it
            derived = target.transform.ctx.int_range if target is not None else None
        if stated is not None and derived is not None and stated != derived:
            raise SchemaError(
                f"the field states integer range {stated[0]}..{stated[1]} but key domain "
                f"{f.rule.domain!r} has {derived[0]}..{derived[1]} in the schema",
                field=f"streams.{stream}: {f.path}")
        if stated or derived:
            out[f.path] = stated or derived  # type: ignore[assignment]
    return out


# -- Firehose ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Failure:
    """A record not answered ``Ok``: its id and why (no value)."""

    record_id: str
    result: Result
    reason: str


def _read(data: Any) -> tuple[bytes, Any]:
    """A record's JSON and event, or the reason it cannot be read."""
    if not isinstance(data, str):
        raise ConfigError("the record has no base64 data")
    try:
        raw = base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        raise ConfigError("the record's data is not base64") from None
    if len(raw) > MAX_RECORD_BYTES:
        raise ConfigError(f"the record is larger than {MAX_RECORD_BYTES} bytes")
    try:
        return raw, json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError("the record is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        # the position only: the message of a JSONDecodeError quotes no data, its doc does
        raise ConfigError(f"the record is not JSON (line {exc.lineno} column {exc.colno})"
                          ) from None
    except RecursionError:
        raise ConfigError("the record's JSON is nested too deeply") from None


def firehose_response(event: Any, scrubber: StreamScrubber
                      ) -> tuple[dict[str, Any], list[Failure]]:
    """Firehose's answer to a transformation ``event``, and the records not answered Ok.

    Every record of the event is answered, in order. Scrubbed events are written as
    compact JSON followed by a newline (one event a line in S3).
    """
    if not isinstance(event, dict) or not isinstance(event.get("records"), list):
        raise ConfigError("not a Firehose transformation event (no records list)",
                          field="records")
    records = event["records"]
    ids: list[str] = []
    texts: list[bytes] = []
    docs: list[Any] = []
    unread: dict[int, str] = {}
    for i, rec in enumerate(records):
        rid = rec.get("recordId") if isinstance(rec, dict) else None
        if not isinstance(rid, str) or not rid:
            raise ConfigError(f"record #{i + 1} has no recordId", field="records")
        ids.append(rid)
        try:
            text, doc = _read(rec.get("data"))
        except ConfigError as exc:
            unread[i] = exc.message
            continue
        texts.append(text)
        docs.append(doc)
    readable = [i for i in range(len(ids)) if i not in unread]
    outcomes: dict[int, Outcome] = {i: scrubber.failed(r) for i, r in unread.items()}
    for i, o in zip(readable, scrubber.scrub(docs, texts), strict=True):
        outcomes[i] = o

    answers: list[dict[str, Any]] = []
    failures: list[Failure] = []
    budget = MAX_RESPONSE_BYTES - _ENVELOPE_BYTES
    for i, rid in enumerate(ids):
        o = outcomes[i]
        data = b""
        if o.result == "Ok":
            data = (json.dumps(o.event, ensure_ascii=False, separators=(",", ":")) + "\n"
                    ).encode("utf-8")
            if len(data) > MAX_RECORD_BYTES:
                o = scrubber.failed(f"the scrubbed record is larger than {MAX_RECORD_BYTES} "
                                     "bytes")
            elif (len(data) + 2) * 4 // 3 + 100 > budget:
                o = scrubber.failed("the response would exceed Lambda's 6 MB limit; lower "
                                     "the processor's buffer size")
        if o.result != "Ok":
            failures.append(Failure(rid, o.result, o.reason or o.result))
            answers.append({"recordId": rid, "result": o.result,
                            "data": records[i].get("data") or ""})
            # the original data must be returned for failed records, and it counts too
            budget -= len(answers[-1]["data"]) + 100
            continue
        encoded = base64.b64encode(data).decode("ascii")
        budget -= len(encoded) + 100
        answers.append({"recordId": rid, "result": "Ok", "data": encoded})
    return {"records": answers}, failures
