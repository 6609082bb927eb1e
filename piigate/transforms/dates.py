"""``date_shift``: keyed shifts of dates by whole days, per value or per entity.

The shift is in ``[-max_days, +max_days]`` and never 0. Per value it comes from an
HMAC of the value; per entity (``entity_column``) from an HMAC of the entity, so all
dates of one person move together and intervals between them survive. Types are kept:
``date``, naive and aware ``datetime`` (time and tzinfo untouched), and ISO text
(``YYYY-MM-DD...``: only the date part is rewritten, the rest of the text is kept).
Results are clamped to ``date.min``/``date.max``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from .base import Transform, register
from .keyed import digest_int

_ISO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(.*)$", re.DOTALL)
_MAX_ORDINAL = dt.date.max.toordinal()


def _shift_by(value: Any, days: int) -> Any:
    """``value`` moved by ``days``, same type; None when it is not a date."""
    if isinstance(value, dt.date):  # datetime too: replace() keeps time and tzinfo
        ordinal = min(max(value.toordinal() + days, 1), _MAX_ORDINAL)
        d = dt.date.fromordinal(ordinal)
        return value.replace(year=d.year, month=d.month, day=d.day)
    if isinstance(value, str):
        m = _ISO_DATE.match(value.strip())
        if m is None:
            return None
        try:
            day = dt.date.fromisoformat(m.group(1))
            if m.group(2):
                dt.datetime.fromisoformat(value.strip())
        except ValueError:
            return None
        new = _shift_by(day, days).isoformat()
        start = value.index(m.group(1))
        return value[:start] + new + value[start + 10 :]
    return None


def is_zero_date(value: Any) -> bool:
    """MariaDB/MySQL's ``0000-00-00`` (the driver returns it as text): no date to shift."""
    return isinstance(value, str) and value.startswith("0000-00-00")


@register
class DateShiftTransform(Transform):
    """Keyed date shifts; see the module docstring. Zero dates stay as they are (they
    carry no date), like NULL."""

    method = "date_shift"

    def _kept(self, v: Any) -> bool:
        return is_zero_date(v) or super()._kept(v)

    def _days(self, label: bytes, key: Any) -> int:
        span = self.rule.max_days
        k = digest_int(self.ctx.keys.mac_key, label, key) % (2 * span)
        return k - span if k < span else k - span + 1

    def shift_days(self, entities: Sequence[Any]) -> list[int]:
        """The shift of each entity (the writer shifts all dates of one entity alike)."""
        return [self._days(b"date_shift|entity", e) for e in entities]

    def _shift(self, values: Sequence[Any], days: Sequence[int]) -> list[Any]:
        out = []
        for v, d in zip(values, days, strict=True):
            new = _shift_by(v, d)
            if new is None:
                raise self.ctx.error(
                    f"date_shift needs a date, a datetime or ISO date text, not a "
                    f"{type(v).__name__} value in that form"
                )
            out.append(new)
        return out

    def _apply(self, values: list[Any]) -> list[Any]:
        return self._shift(values, [self._days(b"date_shift|value", v) for v in values])

    def apply_with_entities(self, values: Sequence[Any], entities: Sequence[Any]) -> list[Any]:
        """Shift each value by its entity's shift (per value where the entity is NULL)."""
        if len(values) != len(entities):
            raise self.ctx.error("values and entities differ in length")
        out: list[Any] = list(values)
        todo = [i for i, v in enumerate(values) if not self._kept(v)]
        days = [
            self._days(b"date_shift|value", values[i])
            if entities[i] is None
            else self._days(b"date_shift|entity", entities[i])
            for i in todo
        ]
        for i, new in zip(todo, self._shift([values[i] for i in todo], days), strict=True):
            out[i] = new
        return out
