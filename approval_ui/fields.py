"""Each method's parameters as form fields, and the posted fields read back.

Which parameters a method has and what each means come from ``piigate.methods``
(``Method.params``); the kind of input (a choice, a box to tick, a whole number, text,
or JSON for lists and maps) comes from the method's rule class in the schema model. So
the page never keeps its own list of parameters.

Fields are named ``c{i}.{method}.{param}``: the page renders the fields of every method
a column may take (CSS shows the chosen method's), and only the chosen method's are
read. Keep's reason keeps its older name, ``c{i}.reason``.
"""

from __future__ import annotations

import json
import types
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from piigate.methods import METHODS
from piigate.schema.model import ColumnRule

MAX_JSON_CHARS = 4000

Widget = Literal["select", "checkbox", "number", "text", "json", "scalar"]


@dataclass(frozen=True)
class ParamField:
    method: str
    name: str
    meaning: str
    widget: Widget
    options: tuple[str, ...] = ()
    default: Any = None  # None: no default, or None is the default
    required: bool = False

    def form_name(self, i: int) -> str:
        if (self.method, self.name) == ("keep", "reason"):
            return f"c{i}.reason"
        return f"c{i}.{self.method}.{self.name}"


@cache
def _rule_classes() -> dict[str, type[BaseModel]]:
    union = get_args(ColumnRule)[0]
    return {get_args(cls.model_fields["method"].annotation)[0]: cls for cls in get_args(union)}


def _widget(annotation: Any) -> tuple[Widget, tuple[str, ...]]:
    args = [a for a in get_args(annotation) if a is not type(None)]
    origin = get_origin(annotation)
    if origin is Literal:
        return "select", tuple(str(a) for a in get_args(annotation))
    if annotation is bool:
        return "checkbox", ()
    if annotation is int or (origin in (Union, types.UnionType) and args == [int]):
        return "number", ()
    if annotation is str or (origin in (Union, types.UnionType) and args == [str]):
        return "text", ()
    if origin in (list, dict):
        return "json", ()
    return "scalar", ()  # str | int | float | bool: typed by the column's kind


@cache
def method_fields(method: str) -> tuple[ParamField, ...]:
    """The parameters of ``method`` in ``piigate.methods`` order, with their inputs."""
    cls = _rule_classes()[method]
    out = []
    for name, meaning in METHODS[method].params.items():
        info = cls.model_fields[name]
        widget, options = _widget(info.annotation)
        default = None if info.default is PydanticUndefined else info.default
        out.append(ParamField(method, name, meaning, widget, options, default,
                              info.is_required()))
    return tuple(out)


def field_names() -> frozenset[str]:
    """Every parameter that has a field (the ``params`` JSON box may not set these)."""
    return frozenset(f.name for m in METHODS for f in method_fields(m))


def _shown(value: Any, widget: Widget) -> str:
    if value is None:
        return ""
    if widget == "json":
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@dataclass(frozen=True)
class FieldView:
    """One field as the template renders it."""

    spec: ParamField
    name: str
    value: str
    checked: bool

    @property
    def is_set(self) -> bool:
        """Differs from the parameter's default (the page opens such fields)."""
        if self.spec.widget == "checkbox":
            return self.checked != bool(self.spec.default)
        return self.value not in ("", _shown(self.spec.default, self.spec.widget))

    @property
    def placeholder(self) -> str:
        """The default, shown in an empty field (an empty field means the default)."""
        return _shown(self.spec.default, self.spec.widget)

    @property
    def label(self) -> str:
        return self.spec.name.replace("_", " ")

    @property
    def brief(self) -> str:
        """The value in a few words, for a folded parameter list."""
        if self.spec.widget == "checkbox":
            return "yes" if self.checked else "no"
        if self.spec.widget == "json":
            try:
                n = len(json.loads(self.value))
            except (ValueError, TypeError):
                return "(not JSON)"
            return f"{n} {'entry' if n == 1 else 'entries'}"
        return self.value


def field_views(i: int, method: str, rule: Any, form: Mapping[str, str] | None
                ) -> list[FieldView]:
    """The fields of ``method`` for column ``i``: posted values, else the rule's, else defaults."""
    current = rule.method == method
    dumped = rule.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    views = []
    for spec in method_fields(method):
        name = spec.form_name(i)
        if form is not None and f"c{i}.method" in form:
            value = form.get(name, "")
            checked = name in form
        elif current:
            raw = dumped.get(spec.name) if spec.widget == "json" else getattr(rule, spec.name)
            value = _shown(raw, spec.widget)
            checked = bool(raw) if spec.widget == "checkbox" else False
        else:
            # Another method's fields start empty (their defaults as placeholders), so the
            # many fields of a large schema post few bytes.
            value = spec.default if spec.widget == "select" and spec.default else ""
            checked = bool(spec.default) if spec.widget == "checkbox" else False
        views.append(FieldView(spec, name, value, checked))
    return views


_KIND_PARSERS: dict[str, Any] = {"integer": int, "decimal": float, "float": float}


def _scalar(text: str, kind: str | None) -> Any:
    if kind in _KIND_PARSERS:
        return _KIND_PARSERS[kind](text)
    if kind == "boolean":
        low = text.strip().lower()
        if low not in ("true", "false"):
            raise ValueError
        return low == "true"
    return text


def read_fields(form: Mapping[str, str], i: int, rule: Any, method: str, kind: str | None
                ) -> tuple[dict[str, Any], list[str]]:
    """The parameters posted for column ``i`` and its chosen ``method``; problems by name.

    An empty field leaves the parameter unset (its default). A field posted
    exactly as the page showed it keeps the rule's typed value (so an unchanged page
    approves exactly the proposal). Fields of other methods are ignored.
    """
    params: dict[str, Any] = {}
    errors: list[str] = []
    same = rule.method == method
    for view in field_views(i, method, rule, None):
        spec, name = view.spec, view.name
        if spec.widget == "checkbox":
            params[spec.name] = name in form if f"c{i}.method" in form else view.checked
            continue
        if name not in form:
            text = view.value  # not posted (an API client, an older page): unchanged
        else:
            text = form[name]
        if same and text == view.value:
            value = getattr(rule, spec.name, None)
            if spec.widget == "json":
                value = json.loads(view.value) if view.value else None
            if value is not None:
                params[spec.name] = value
            continue
        if spec.widget == "text" and text:
            params[spec.name] = text.strip() if spec.name == "reason" else text
            continue
        text = text.strip()
        if not text:
            continue
        try:
            if spec.widget == "number":
                params[spec.name] = int(text)
            elif spec.widget == "json":
                if len(text) > MAX_JSON_CHARS:
                    errors.append(f"{spec.name} is too long")
                    continue
                params[spec.name] = json.loads(text)
            elif spec.widget == "scalar":
                params[spec.name] = _scalar(text, kind)
            else:
                params[spec.name] = text
        except json.JSONDecodeError as exc:
            errors.append(f"{spec.name} is not JSON (line {exc.lineno} column {exc.colno})")
        except ValueError:
            what = "a whole number" if spec.widget == "number" else f"a {kind} value"
            errors.append(f"{spec.name} must be {what}")
    return params, errors
