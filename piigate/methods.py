"""The masking methods: one row per method, read by every part that must know one.

``check`` (piigate.plan), the review page (approval_ui.edits), discovery
(classifiers.propose), the writer and verify all ask this table what a method fits and
how it behaves, so that they can never disagree. Adding a method touches three places:
its row here, its rule class in ``piigate/schema/model.py`` (and the ``ColumnRule``
union there), and its transform, a class registered with ``@register`` in the
``piigate/transforms`` module that the row names. ``docs/architecture.md`` has a worked
example.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ALL_KINDS: frozenset[str] = frozenset({
    "integer", "decimal", "float", "text", "date", "datetime", "time", "boolean", "json",
    "binary", "uuid", "other",
})  # fmt: skip
# Kinds a literal constant can be written to (JSON and binary need a document or bytes).
SCALAR_KINDS: frozenset[str] = ALL_KINDS - {"json", "binary", "other"}


@dataclass(frozen=True)
class Method:
    """What one method fits and how the writer and verify must treat it."""

    name: str
    summary: str  # one line a reviewer understands
    kinds: frozenset[str]  # column kinds it can write
    transform_module: str | None  # module of piigate.transforms registering it
    params: dict[str, str] = field(default_factory=dict)  # parameter -> one-line meaning
    one_to_one: bool = False  # distinct inputs give distinct outputs: fits keys and unique
    constant_like: bool = False  # every row gets one value: no value map is built
    cacheable: bool = False  # value-level and per domain: one output per distinct input
    # the output may equal the input for every value (verify does not count unchanged rows)
    fixed_point_exempt: bool = False
    reversible: bool = False
    needs_nullable: bool = False  # writes NULL: only for nullable columns
    masks: bool = True  # False only for keep


METHODS_TABLE: tuple[Method, ...] = (
    Method(
        "fpe", "format-preserving encryption (FF3-1): same shape, reversible with the key",
        frozenset({"integer", "text", "uuid"}), "fpe",
        params={"alphabet": "characters enciphered: auto, digits, letters, alnum or hex",
                "luhn": "keep a valid Luhn check digit (card numbers)",
                "keep_chars": "characters left in place",
                "max_value": "integers: largest token allowed"},
        one_to_one=True, cacheable=True, reversible=True,
    ),
    Method(
        "fake", "a realistic made-up value, the same for the same original",
        frozenset({"text"}), "fake",
        params={"kind": "what to make up (first_name, email, city, ...)",
                "locale": "Faker locale, e.g. en_US",
                "keep_email_domain": "emails: keep the part after @"},
        cacheable=True,
    ),
    Method(
        "date_shift", "moves each date by a keyed number of days",
        frozenset({"date", "datetime"}), "dates",
        params={"max_days": "largest shift, in days either way",
                "entity_column": "shift all dates of one entity (a column) alike"},
    ),
    Method(
        "hash", "keyed one-way hash (hex)", frozenset({"text"}), "simple",
        params={"length": "characters of hex kept"}, cacheable=True,
    ),
    Method(
        "redact", "the same marker text in every row", frozenset({"text"}), "simple",
        params={"value": "the marker text"}, constant_like=True, fixed_point_exempt=True,
    ),
    Method(
        "null", "NULL in every row", ALL_KINDS, "simple",
        constant_like=True, needs_nullable=True,
    ),
    Method(
        "constant", "one fixed value in every row", SCALAR_KINDS, "simple",
        params={"value": "the value written"}, constant_like=True, fixed_point_exempt=True,
    ),
    Method(
        "json", "masks chosen paths or keys inside a JSON document",
        frozenset({"json", "text"}), "jsondoc",
        params={"paths": "rules at JSON paths", "all_keys": "rules for a key at any depth",
                "ignore_keys": "keys never masked"},
        fixed_point_exempt=True,
    ),
    Method(
        "keep", "left as it is (a reason is required)", ALL_KINDS, None,
        params={"reason": "why this column holds no personal data"}, masks=False,
    ),
)

METHODS: dict[str, Method] = {m.name: m for m in METHODS_TABLE}
METHOD_NAMES: tuple[str, ...] = tuple(METHODS)
MASKING_METHOD_NAMES: tuple[str, ...] = tuple(m.name for m in METHODS_TABLE if m.masks)


def _names(pred: str) -> frozenset[str]:
    return frozenset(m.name for m in METHODS_TABLE if getattr(m, pred))


ONE_TO_ONE = _names("one_to_one")
CONSTANT_LIKE = _names("constant_like")
CACHEABLE = _names("cacheable")
FIXED_POINT_EXEMPT = _names("fixed_point_exempt")
REVERSIBLE = _names("reversible")


def method(name: str) -> Method:
    """The row of ``name`` (KeyError for a method the schema model would refuse)."""
    return METHODS[name]


def fits(name: str, kind: str, nullable: bool = True) -> bool:
    """Whether method ``name`` can write a column of ``kind``."""
    m = METHODS[name]
    return kind in m.kinds and (nullable or not m.needs_nullable)


def methods_for(kind: str, nullable: bool = True) -> list[str]:
    """Methods that fit a column of this kind, in the table's order."""
    return [m.name for m in METHODS_TABLE if fits(m.name, kind, nullable)]
