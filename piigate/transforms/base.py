"""The transform interface and the factory from a column rule."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..db import ColumnInfo
from ..errors import TransformError
from ..keys import DomainKeys


@dataclass(frozen=True)
class TransformContext:
    """What a transform may know besides its rule: where it runs, under which keys."""

    table: str
    column: str
    domain: str
    keys: DomainKeys
    info: ColumnInfo | None = None  # the column's reflected type, when known
    # integers: the range every column of the domain can hold (narrowest type wins)
    int_range: tuple[int, int] | None = None
    # inside a JSON column: the path of the value (named in errors)
    field: str | None = None
    # the keys of another domain (a JSON inner rule with its own ``domain``)
    keys_for: Callable[[str], DomainKeys] | None = None

    def error(self, message: str) -> TransformError:
        return TransformError(message, table=self.table, column=self.column, field=self.field)


class Transform(ABC):
    method: str = ""
    reversible: bool = False

    def __init__(self, rule: Any, ctx: TransformContext) -> None:
        self.rule = rule
        self.ctx = ctx
        self._persist = frozenset(_persist_key(v) for v in getattr(rule, "persist_values", []))

    def apply(self, values: Sequence[Any]) -> list[Any]:
        """Transform each value; the contract is in the package docstring."""
        if (not self._persist and type(self)._kept is Transform._kept
                and None not in values and "" not in values):
            return self._apply(list(values))  # nothing kept: no pass a value (keys)
        out: list[Any] = [None] * len(values)
        todo_idx: list[int] = []
        todo: list[Any] = []
        for i, v in enumerate(values):
            if self._kept(v):
                out[i] = v
            else:
                todo_idx.append(i)
                todo.append(v)
        if todo:
            for i, new in zip(todo_idx, self._apply(todo), strict=True):
                out[i] = new
        return out

    @abstractmethod
    def _apply(self, values: list[Any]) -> list[Any]:
        """Transform non-NULL, non-empty, non-persisted values."""

    def reverse(self, values: Sequence[Any]) -> list[Any]:
        """Undo ``apply``; NULL, empty and persisted values come back as they are."""
        if not self.reversible:
            raise self.ctx.error(f"method {self.method!r} is not reversible")
        out: list[Any] = list(values)
        idx = [i for i, v in enumerate(values) if not self._kept(v)]
        for i, v in zip(idx, self._reverse([values[i] for i in idx]), strict=True):
            out[i] = v
        return out

    def _kept(self, v: Any) -> bool:
        """NULL, empty and persisted values pass through every transform unchanged."""
        return v is None or v == "" or bool(self._persist and _persist_key(v) in self._persist)

    def _reverse(self, values: list[Any]) -> list[Any]:
        raise NotImplementedError


def _persist_key(v: Any) -> str:
    return str(v)


_REGISTRY: dict[str, type[Transform]] = {}


def register(cls: type[Transform]) -> type[Transform]:
    _REGISTRY[cls.method] = cls
    return cls


def build_transform(rule: Any, ctx: TransformContext) -> Transform:
    """The transform for ``rule`` (a masking rule of the schema model)."""
    from . import methods  # noqa: F401 - registers the built-in transforms

    cls = _REGISTRY.get(rule.method)
    if cls is None:
        raise TransformError(f"no transform for method {rule.method!r}", table=ctx.table,
                             column=ctx.column)
    return cls(rule, ctx)
