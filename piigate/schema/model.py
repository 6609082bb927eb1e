"""The tokenization schema: one decision for every column.

A schema is a versioned JSON document::

    {
      "format": "piigate/v1",
      "version": 3,
      "tables": {
        "employees": {
          "when": {"column": "data_share_consent", "op": "=", "value": false},
          "columns": {
            "emp_no":     {"method": "fpe"},
            "first_name": {"method": "fake", "kind": "first_name"},
            "birth_date": {"method": "date_shift", "max_days": 30},
            "gender":     {"method": "keep", "reason": "two values, not identifying"}
          }
        }
      }
    }

The same model carries discovery's annotations (``type``, ``finding``, ``drift``,
``decided_by``) so a proposal, a reviewed schema and an approved schema are one format.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, Final, Literal, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    field_validator,
    model_validator,
)

from ..errors import ConfigError, SchemaError
from ..methods import MASKING_METHOD_NAMES, METHOD_NAMES

FORMAT: Final = "piigate/v1"

MASKING_METHODS = MASKING_METHOD_NAMES
METHODS = METHOD_NAMES

FakeKind = Literal[
    "first_name",
    "last_name",
    "full_name",
    "email",
    "phone",
    "street_address",
    "city",
    "postcode",
    "company",
    "text",
]
FAKE_KINDS: tuple[str, ...] = get_args(FakeKind)

Drift = Literal["new", "removed", "type_changed", "new_finding", "unchanged"]
DRIFT: tuple[str, ...] = get_args(Drift)

_IDENT = re.compile(r"^[^\x00-\x1f\"`]{1,128}$")
# integer SQL type names (piigate.db.int_bits reads their width)
_INT_TYPE = (r"^(?i:(unsigned\s+)?(tiny|small|medium|big)?int(eger)?[0-9]*(\s+unsigned)?"
             r"|(big|small)?serial)$")
# Firehose delivery stream names
_STREAM_NAME = re.compile(r"^[a-zA-Z0-9_.-]{1,64}$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Condition(_Strict):
    """Row condition: the table's rules apply only to rows where this holds."""

    column: str
    op: Literal["=", "!=", "in", "not in", "is null", "is not null"] = "="
    value: Any = None

    @field_validator("value")
    @classmethod
    def _scalar_or_list(cls, v: Any) -> Any:
        if isinstance(v, dict):
            raise ValueError("must be a scalar or a list of scalars")
        return v


class Finding(_Strict):
    """Discovery's evidence for a column. Masked examples only, never raw values."""

    entity: str | None = None
    confidence: float = Field(0.0, ge=0.0, le=1.0)
    signals: list[str] = Field(default_factory=list)
    hits: dict[str, int] = Field(default_factory=dict)
    examples: list[str] = Field(default_factory=list)
    sampled: int = 0
    paths: dict[str, str] = Field(default_factory=dict)  # JSON key path -> entity


class _RuleBase(_Strict):
    # A key domain joins columns that must tokenize alike. None: the column's own
    # domain, or the domain of the key it references (filled in by the planner).
    domain: str | None = None
    persist_values: list[str | int | float | bool] = Field(default_factory=list)
    # Annotations written by discovery and review; they never change what runs.
    type: str | None = None
    finding: Finding | None = None
    drift: Drift | None = None
    decided_by: str | None = None
    note: str | None = None


class FpeRule(_RuleBase):
    """FF3-1 format-preserving encryption; reversible with the key."""

    method: Literal["fpe"]
    # digits: only digits are enciphered (SSN, phone, card); letters/alnum: text;
    # hex: the hex digits 0-9a-f as one string (uuids stored as text stay uuids).
    # auto: integers for integer columns, alnum for text columns, hex for uuid columns.
    alphabet: Literal["auto", "digits", "letters", "alnum", "hex"] = "auto"
    luhn: bool = False
    # characters kept in place; anything else outside the alphabet is an error
    keep_chars: str = " -'.,/()+_@#:&"
    # integers: tokens stay in [0, max_value] (default: the column type's maximum)
    max_value: int | None = Field(None, ge=1)


class FakeRule(_RuleBase):
    """Keyed deterministic realistic replacement (Faker seeded by an HMAC of the value)."""

    method: Literal["fake"]
    kind: FakeKind
    locale: str = "en_US"
    keep_email_domain: bool = False


class DateShiftRule(_RuleBase):
    """Keyed shift within +-max_days, per value or per entity (a column of the same row)."""

    method: Literal["date_shift"]
    max_days: int = Field(30, ge=1, le=3650)
    entity_column: str | None = None


class HashRule(_RuleBase):
    """Keyed HMAC-SHA256, hex, truncated to ``length`` (default: fits the column)."""

    method: Literal["hash"]
    length: int | None = Field(None, ge=8, le=64)


class RedactRule(_RuleBase):
    method: Literal["redact"]
    value: str = "REDACTED"


class NullRule(_RuleBase):
    method: Literal["null"]


class ConstantRule(_RuleBase):
    method: Literal["constant"]
    value: str | int | float | bool


JsonInner = Annotated[
    FpeRule | FakeRule | DateShiftRule | HashRule | RedactRule | NullRule | ConstantRule,
    Field(discriminator="method"),
]


class JsonPathRule(_Strict):
    path: str  # $.a.b, $.a[*].b, $.list[*]  (seed style root['a']['b'] is accepted)
    rule: JsonInner

    @field_validator("path")
    @classmethod
    def _normalise(cls, v: str) -> str:
        return normalise_json_path(v)


class JsonRule(_RuleBase):
    """Transforms at JSON paths inside a JSON (or JSON text) column."""

    method: Literal["json"]
    paths: list[JsonPathRule] = Field(default_factory=list)
    all_keys: dict[str, JsonInner] = Field(default_factory=dict)  # key at any depth
    ignore_keys: list[str] = Field(default_factory=list)

    @field_validator("all_keys")
    @classmethod
    def _non_empty_keys(cls, v: dict[str, Any]) -> dict[str, Any]:
        return _non_empty_keys(v)


def _non_empty_keys(v: dict[str, Any]) -> dict[str, Any]:
    for key in v:
        if not key:
            raise ValueError("keys must be non-empty")
    return v


class KeepRule(_RuleBase):
    """No masking; a reason is required so that every keep is a decision."""

    method: Literal["keep"]
    reason: str = Field(min_length=3)


ColumnRule = Annotated[
    FpeRule
    | FakeRule
    | DateShiftRule
    | HashRule
    | RedactRule
    | NullRule
    | ConstantRule
    | JsonRule
    | KeepRule,
    Field(discriminator="method"),
]
COLUMN_RULE: TypeAdapter[Any] = TypeAdapter(ColumnRule)


class TableRule(_Strict):
    when: Condition | None = None
    columns: dict[str, ColumnRule] = Field(default_factory=dict)
    drift: Literal["new", "removed", "unchanged"] | None = None


class StreamField(JsonPathRule):
    """A rule at a JSON path of a stream's events (the ``json`` method's paths).

    Integer ``fpe`` tokens depend on the key domain's integer range, which a database
    reads from its column types (the narrowest column of the domain wins); an event
    carries no type, so a field that must tokenize like a database domain states it:
    ``int_type`` (the SQL type of the domain's narrowest column, e.g. ``bigint``) or
    ``int_range`` (``[min, max]`` of the domain's tokens). Without either, integers keep
    their digit count and do not match a database's tokens.
    """

    int_type: str | None = Field(None, pattern=_INT_TYPE)
    int_range: tuple[int, int] | None = None

    @model_validator(mode="after")
    def _one_range(self) -> StreamField:
        if self.int_type is not None and self.int_range is not None:
            raise ValueError("state int_type or int_range, not both")
        if self.int_range is not None and self.int_range[0] > self.int_range[1]:
            raise ValueError("int_range is [min, max] with min <= max")
        return self


class StreamRule(_Strict):
    """How the events of one stream are scrubbed (Firehose record transformation).

    ``fields``, ``all_keys`` and ``ignore_keys`` work as in the ``json`` method; when
    ``when`` is given the rules apply only to events where it holds (``column`` names a
    top-level key or a ``$.`` path), and ``action: drop`` drops those events instead.
    ``marker`` keys are added to every event the rules applied to. ``on_error: fail``
    answers an event that cannot be scrubbed ``ProcessingFailed`` (Firehose keeps the
    original under its error prefix); ``drop`` discards it.
    """

    when: Condition | None = None
    action: Literal["mask", "drop"] = "mask"
    fields: list[StreamField] = Field(default_factory=list)
    all_keys: dict[str, JsonInner] = Field(default_factory=dict)
    ignore_keys: list[str] = Field(default_factory=list)
    marker: dict[str, str | int | float | bool] = Field(default_factory=dict)
    on_error: Literal["fail", "drop"] = "fail"

    @field_validator("all_keys")
    @classmethod
    def _all_keys(cls, v: dict[str, Any]) -> dict[str, Any]:
        return _non_empty_keys(v)

    @field_validator("marker")
    @classmethod
    def _marker_keys(cls, v: dict[str, Any]) -> dict[str, Any]:
        for key in v:
            if not _IDENT.match(key):
                raise ValueError("marker keys are non-empty names without control characters")
        return v


class Approval(_Strict):
    """Who approved which proposal, stamped by the approval gate."""

    by: str
    at: str
    proposal_hash: str | None = None
    review_id: str | None = None


class Schema(_Strict):
    format: Literal["piigate/v1"] = FORMAT
    version: int = Field(1, ge=1)
    source: dict[str, str] = Field(default_factory=dict)
    tables: dict[str, TableRule] = Field(default_factory=dict)
    # event streams scrubbed with the same keys (piigate.streams)
    streams: dict[str, StreamRule] = Field(default_factory=dict)
    approval: Approval | None = None
    # the key check value of the secret this schema was approved for (piigate.keys);
    # not a decision, so outside the hash
    key_check: str | None = Field(None, pattern=r"^kcv1:[0-9a-f]{12}$")

    @field_validator("streams")
    @classmethod
    def _stream_names(cls, v: dict[str, StreamRule]) -> dict[str, StreamRule]:
        for name in v:
            if not _STREAM_NAME.match(name):
                raise ValueError(f"stream name {name[:64]!r}: 1-64 letters, digits, _ . -")
        return v

    # -- reading ---------------------------------------------------------------
    def rule(self, table: str, column: str) -> ColumnRule | None:
        t = self.tables.get(table)
        return None if t is None else t.columns.get(column)

    def iter_rules(self) -> Iterator[tuple[str, str, ColumnRule]]:
        for tname, t in self.tables.items():
            for cname, r in t.columns.items():
                yield tname, cname, r

    def masked(self) -> Iterator[tuple[str, str, ColumnRule]]:
        for tname, cname, r in self.iter_rules():
            if r.method != "keep":
                yield tname, cname, r

    # -- writing ---------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """Compact JSON form: defaults left out, ``method`` first in every rule."""
        data = self.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
        data = {"format": self.format, "version": self.version, **data}
        for t in data.get("tables", {}).values():
            for name, rule in t.get("columns", {}).items():
                t["columns"][name] = _method_first(rule)
        for st in data.get("streams", {}).values():
            for f in st.get("fields", []):
                f["rule"] = _method_first(f["rule"])
            if "all_keys" in st:
                st["all_keys"] = {k: _method_first(v) for k, v in st["all_keys"].items()}
        return data

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, sort_keys=False, ensure_ascii=False) + "\n"

    def decisions(self) -> dict[str, Any]:
        """The part that changes what runs: rules without annotations."""
        out: dict[str, Any] = {}
        for tname, t in sorted(self.tables.items()):
            cols = {}
            for cname, r in sorted(t.columns.items()):
                cols[cname] = r.model_dump(mode="json", exclude=set(_ANNOTATIONS),
                                           exclude_none=True)
            out[tname] = {
                "when": t.when.model_dump(mode="json") if t.when else None,
                "columns": cols,
            }
        return out

    def stream_decisions(self) -> dict[str, Any]:
        """The streams' rules without annotations (part of the hash when there are any)."""
        return {name: _stream_decisions(st) for name, st in sorted(self.streams.items())}

    def hash(self) -> str:
        """SHA-256 of the decisions in canonical JSON: binds an approval to what runs."""
        decided: dict[str, Any] = self.decisions()
        if self.streams:  # only then: hashes of schemas without streams stay as they were
            decided = {"tables": decided, "streams": self.stream_decisions()}
        canon = json.dumps(decided, sort_keys=True, separators=(",", ":"))
        return "sha256:" + hashlib.sha256(canon.encode("utf-8")).hexdigest()

    def replace_rule(self, table: str, column: str, rule: ColumnRule | dict[str, Any]) -> Schema:
        """A copy with one rule replaced (schemas are immutable)."""
        data = self.to_dict()
        data.setdefault("tables", {}).setdefault(table, {"columns": {}})
        data["tables"][table].setdefault("columns", {})[column] = (
            rule if isinstance(rule, dict) else rule.model_dump(mode="json", exclude_none=True)
        )
        return parse_schema(data)


_ANNOTATIONS = frozenset({"type", "finding", "drift", "decided_by", "note"})


def _stream_decisions(stream: StreamRule) -> dict[str, Any]:
    """A stream's rules without the annotations of its inner rules."""
    data = stream.model_dump(mode="json", exclude_none=True)
    for f in data["fields"]:
        f["rule"] = {k: v for k, v in f["rule"].items() if k not in _ANNOTATIONS}
    data["all_keys"] = {key: {k: v for k, v in r.items() if k not in _ANNOTATIONS}
                        for key, r in data["all_keys"].items()}
    return data


def _method_first(rule: dict[str, Any]) -> dict[str, Any]:
    out = {"method": rule["method"], **{k: v for k, v in rule.items() if k != "method"}}
    if out["method"] == "json":
        for p in out.get("paths", []):
            p["rule"] = _method_first(p["rule"])
        out["all_keys"] = {k: _method_first(v) for k, v in out.get("all_keys", {}).items()}
    return out


_ROOT_SEG = re.compile(r"\[\s*'([^']*)'\s*\]|\[\s*\"([^\"]*)\"\s*\]|\[(\*|\d+)\]")


def normalise_json_path(path: str) -> str:
    """``root['a']['b']`` (the seed's style) and ``$.a.b`` both become ``$.a.b``."""
    p = path.strip()
    if p.startswith("root"):
        segs = []
        rest = p[4:]
        pos = 0
        for m in _ROOT_SEG.finditer(rest):
            if m.start() != pos:
                raise ValueError(f"cannot read JSON path {path!r}")
            pos = m.end()
            if m.group(3) is not None:
                segs.append(f"[{m.group(3)}]")
            else:
                segs.append("." + (m.group(1) if m.group(1) is not None else m.group(2)))
        if pos != len(rest):
            raise ValueError(f"cannot read JSON path {path!r}")
        return "$" + "".join(segs)
    if not p.startswith("$"):
        raise ValueError("a JSON path starts with $ (for example $.contact.email)")
    if not re.fullmatch(r"\$((\.[^.\[\]]+)|(\[(\*|\d+)\]))*", p):
        raise ValueError(f"cannot read JSON path {path!r}")
    return p


def _loc(loc: tuple[Any, ...]) -> str:
    # pydantic adds the discriminator tag ("fpe") to the location of union members
    parts = [str(x) for x in loc if str(x) not in METHODS or x == loc[-1]]
    return ".".join(parts)


def _problems(exc: ValidationError) -> list[str]:
    out = []
    for err in exc.errors(include_url=False, include_input=False):
        where = _loc(tuple(err["loc"]))
        msg = err["msg"]
        if err["type"] == "union_tag_invalid":
            where += ".method"
            msg = f"unknown method; choose one of {', '.join(METHODS)}"
        elif err["type"] == "union_tag_not_found":
            where += ".method"
            msg = "a column rule needs a method"
        elif err["type"] == "extra_forbidden":
            msg = "unknown field"
        out.append(f"{where}: {msg}" if where else msg)
    return out


def parse_schema(data: Any, *, file: str | None = None) -> Schema:
    """Validate a decoded document; seed-format documents are converted first."""
    from .seed import from_seed, is_seed_format

    if not isinstance(data, dict):
        raise SchemaError("a schema is a JSON object", file=file)
    if is_seed_format(data):
        data = from_seed(data, file=file)
    try:
        return Schema.model_validate(data)
    except ValidationError as exc:
        problems = _problems(exc)
        first = problems[0] if problems else "invalid schema"
        raise SchemaError(
            f"invalid schema ({len(problems)} problem{'s' if len(problems) != 1 else ''}): {first}",
            problems=problems[1:],
            file=file,
            field=None,
        ) from None


def load_schema(path: str | Path) -> Schema:
    """Read and validate a schema file (ours or the seed format)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError("schema file not found", file=str(p)) from None
    except OSError as exc:
        raise ConfigError(f"cannot read the schema file ({exc.strerror})", file=str(p)) from None
    except UnicodeDecodeError:
        raise SchemaError("the schema file is not UTF-8 text", file=str(p)) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SchemaError(
            f"malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}", file=str(p)
        ) from None
    return parse_schema(data, file=str(p))


def save_schema(schema: Schema, path: str | Path) -> None:
    Path(path).write_text(schema.to_json(), encoding="utf-8")


def json_schema() -> dict[str, Any]:
    """The published JSON Schema of the document (piigate/schema/tokenization-schema.json)."""
    doc = Schema.model_json_schema()
    doc["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    doc["$id"] = "https://piigate.dev/schema/piigate-v1.json"
    doc["title"] = "PII Gate tokenization schema"
    return doc
