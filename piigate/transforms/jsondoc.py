"""``json``: rules applied inside JSON documents.

Values arrive as JSON text (MySQL, SQLite) or already decoded (PostgreSQL ``json`` and
``jsonb``); each comes back in the form it came in. Inner rules are built by the same
factory as column rules and run batched: every value an inner rule touches, across all
documents of the call, goes through that rule's transform in one ``apply``.

Where rules apply:

- ``paths``: ``$.a.b``, ``$.a[*].b``, ``$.list[*]``, ``$.a[0]``; a path that ends on a
  list of scalars applies to each element; a missing path is skipped.
- ``all_keys``: a key at any depth, whose value is a scalar or a list of scalars.
  ``ignore_keys`` are skipped at any depth (their whole subtree) by this search.
- a location matched by a path is not matched again by ``all_keys``.
- the JSON rule's ``persist_values`` are kept wherever they occur as scalars.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from ..methods import CONSTANT_LIKE
from .base import Transform, TransformContext, build_transform, register

_SEG = re.compile(r"\.([^.\[\]]+)|\[(\*|\d+)\]")
Segment = str | int | None  # key, index, [*]


def parse_path(path: str) -> list[Segment]:
    """``$.a[*].b`` -> ``["a", None, "b"]`` (the path is already normalised)."""
    segs: list[Segment] = []
    for m in _SEG.finditer(path, 1):
        if m.group(1) is not None:
            segs.append(m.group(1))
        else:
            segs.append(None if m.group(2) == "*" else int(m.group(2)))
    return segs


def _targets(node: Any, segs: list[Segment]) -> Iterator[tuple[Any, Any]]:
    """(container, key) pairs the path reaches in ``node``."""
    seg, rest = segs[0], segs[1:]
    if isinstance(seg, str):
        keys: list[Any] = [seg] if isinstance(node, dict) and seg in node else []
    elif seg is None:
        keys = list(range(len(node))) if isinstance(node, list) else []
    else:
        keys = [seg] if isinstance(node, list) and seg < len(node) else []
    for k in keys:
        if rest:
            yield from _targets(node[k], rest)
        else:
            yield node, k


def locate(doc: Any, path: str) -> list[Any]:
    """The values a normalised path (``$.a[*].b``) reaches in ``doc``, in document order."""
    segs = parse_path(path)
    return [container[key] for container, key in _targets(doc, segs)] if segs else [doc]


_CONTAINERS = (dict, list)  # a tuple: isinstance with ``dict | list`` builds the union per call


def _scalar(v: Any) -> bool:
    return not isinstance(v, _CONTAINERS)


class _Batch:
    """Locations per inner rule, collected over documents, then transformed together."""

    def __init__(self, persist: frozenset[str]) -> None:
        self.persist = persist
        self.claimed: set[tuple[int, Any]] = set()
        self.slots: dict[int, list[tuple[Any, Any]]] = {}

    def claim(self, rule_id: int, method: str, container: Any, key: Any) -> bool:
        """Register a location; False when it holds an object the rule cannot take."""
        if (id(container), key) in self.claimed:
            return True
        self.claimed.add((id(container), key))
        value = container[key]
        if _scalar(value) or method in CONSTANT_LIKE:
            self._add(rule_id, container, key)
            return True
        if isinstance(value, list) and all(_scalar(x) for x in value):
            for i in range(len(value)):
                self._add(rule_id, value, i)
            return True
        return False

    def _add(self, rule_id: int, container: Any, key: Any) -> None:
        v = container[key]
        if v is None or (_scalar(v) and str(v) in self.persist):
            return
        self.slots.setdefault(rule_id, []).append((container, key))


@register
class JsonTransform(Transform):
    """Inner rules at paths and keys of JSON documents; see the module docstring."""

    method = "json"

    def __init__(self, rule: Any, ctx: TransformContext) -> None:
        super().__init__(rule, ctx)
        self._paths = [parse_path(p.path) for p in rule.paths]
        self._inner: list[Transform] = [self._build(p.rule, p.path, self._int_range(p))
                                         for p in rule.paths]
        self._key_ids: dict[str, int] = {}
        for key, inner in rule.all_keys.items():
            self._key_ids[key] = len(self._inner)
            self._inner.append(self._build(inner, f"$..{key}"))
        self._ignore = frozenset(rule.ignore_keys)

    def _int_range(self, path_rule: Any) -> tuple[int, int] | None:
        """The integer range of a path's tokens. Inside a column there is none (integers
        keep their digit count); a stream's fields may state their key domain's."""
        return None

    def _build(self, inner: Any, field: str, int_range: tuple[int, int] | None = None
               ) -> Transform:
        ctx = self.ctx
        keys = ctx.keys
        if inner.domain is not None and inner.domain != ctx.domain:
            if ctx.keys_for is None:
                raise replace(ctx, field=field).error(
                    f"the rule names key domain {inner.domain!r} but no keyring was given "
                    "to resolve it"
                )
            keys = ctx.keys_for(inner.domain)
        sub = TransformContext(
            table=ctx.table,
            column=ctx.column,
            domain=inner.domain or ctx.domain,
            keys=keys,
            int_range=int_range,
            field=field,
            keys_for=ctx.keys_for,
        )
        return build_transform(inner, sub)

    def _decode(self, value: Any) -> tuple[Any, bool]:
        """(document, was_text); a private copy that may be changed in place."""
        if isinstance(value, bytes | bytearray):
            value = bytes(value).decode("utf-8", errors="strict")
        if isinstance(value, str):
            try:
                return json.loads(value), True
            except (json.JSONDecodeError, RecursionError):
                raise self.ctx.error("malformed JSON text") from None
        return copy.deepcopy(value), False

    def _collect(self, doc: Any, batch: _Batch) -> None:
        for rule_id, segs in enumerate(self._paths):
            if not segs:
                continue
            for container, key in _targets(doc, segs):
                if not batch.claim(rule_id, self.rule.paths[rule_id].rule.method, container, key):
                    raise self._inner[rule_id].ctx.error(
                        "the path reaches an object or a list of objects; point it at scalars"
                    )
        if self._key_ids:
            self._walk_keys(doc, batch)

    def _walk_keys(self, node: Any, batch: _Batch) -> None:
        if isinstance(node, list):
            for item in node:
                self._walk_keys(item, batch)
            return
        if not isinstance(node, dict):
            return
        for key, value in node.items():
            if key in self._ignore:
                continue
            rule_id = self._key_ids.get(key)
            if rule_id is not None:
                method = self._inner[rule_id].method
                if batch.claim(rule_id, method, node, key):
                    continue
            self._walk_keys(value, batch)

    def _apply(self, values: list[Any]) -> list[Any]:
        batch = _Batch(self._persist)
        docs = []
        for v in values:
            doc, text = self._decode(v)
            docs.append((doc, text))
            self._collect(doc, batch)
        for rule_id, slots in batch.slots.items():
            new = self._inner[rule_id].apply([c[k] for c, k in slots])
            for (container, key), n in zip(slots, new, strict=True):
                container[key] = n
        return [json.dumps(d, ensure_ascii=False) if text else d for d, text in docs]
