"""date_shift: keyed non-zero shifts, per value and per entity, keeping types."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from piigate.errors import TransformError
from piigate.keys import Keyring
from piigate.schema.model import COLUMN_RULE
from piigate.transforms import TransformContext, build_transform

KEYS = Keyring(b"0" * 32).domain("x")
OTHER = Keyring(b"0" * 32).domain("y")
SAFE_DATES = st.dates(dt.date(1900, 1, 1), dt.date(2200, 1, 1))


def shifter(max_days: int = 30, *, keys: Any = KEYS, **rule: Any):
    r = COLUMN_RULE.validate_python({"method": "date_shift", "max_days": max_days, **rule})
    return build_transform(
        r, TransformContext(table="people", column="born", domain="x", keys=keys)
    )


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 3650), st.lists(SAFE_DATES, min_size=1, max_size=20))
def test_shift_is_within_bounds_and_never_zero(max_days: int, values: list[dt.date]) -> None:
    out = shifter(max_days).apply(values)
    for v, o in zip(values, out, strict=True):
        assert type(o) is dt.date
        assert 1 <= abs((o - v).days) <= max_days


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.datetimes(
            dt.datetime(1900, 1, 1),
            dt.datetime(2200, 1, 1),
            timezones=st.none()
            | st.just(dt.UTC)
            | st.just(dt.timezone(dt.timedelta(hours=-5))),
        ),
        min_size=1,
        max_size=20,
    )
)
def test_datetimes_keep_time_and_tzinfo(values: list[dt.datetime]) -> None:
    out = shifter().apply(values)
    for v, o in zip(values, out, strict=True):
        assert type(o) is dt.datetime and o.tzinfo == v.tzinfo and o.time() == v.time()
        assert o.date() != v.date()


def test_iso_text_keeps_its_form() -> None:
    values = ["2020-02-29", "2020-02-29T10:11:12Z", "2020-02-29 10:11:12.123+02:00"]
    out = shifter().apply(values)
    assert len(out[0]) == 10
    assert out[1].endswith("T10:11:12Z") and out[2].endswith(" 10:11:12.123+02:00")
    for o in out:
        dt.datetime.fromisoformat(o)
    assert all(o[:10] != v[:10] for o, v in zip(out, values, strict=True))


def test_same_date_same_shift_as_text_and_as_date() -> None:
    t = shifter()
    assert t.apply(["1985-06-01"])[0] == t.apply([dt.date(1985, 6, 1)])[0].isoformat()


def test_per_entity_shift_is_shared() -> None:
    t = shifter(365)
    days = t.shift_days([10001, 10001, 10002, "10001"])
    assert days[0] == days[1] == days[3] and all(1 <= abs(d) <= 365 for d in days)
    born, hired = dt.date(1960, 3, 1), dt.date(1990, 7, 15)
    out = t.apply_with_entities([born, hired, None, hired], [10001, 10001, 10001, None])
    assert (out[0] - born).days == (out[1] - hired).days == days[0]
    assert out[2] is None
    assert out[3] == t.apply([hired])[0]  # no entity: per value


def test_entity_lengths_must_match() -> None:
    with pytest.raises(TransformError):
        shifter().apply_with_entities([dt.date(2000, 1, 1)], [])


def test_clamped_at_the_edges() -> None:
    out = shifter(3650).apply([dt.date.min, dt.date.max])
    assert dt.date.min <= out[0] and out[1] <= dt.date.max


def test_deterministic_and_keyed() -> None:
    values = [dt.date(2000, 1, 1) + dt.timedelta(days=n) for n in range(40)]
    assert shifter().apply(values) == shifter().apply(values)
    assert shifter().apply(values) != shifter(keys=OTHER).apply(values)


def test_null_empty_and_persisted_values_are_kept() -> None:
    t = shifter(persist_values=["9999-12-31"])
    assert t.apply([None, "", "9999-12-31"]) == [None, "", "9999-12-31"]
    assert t.apply_with_entities(["9999-12-31", None], [1, 1]) == ["9999-12-31", None]


@pytest.mark.parametrize(
    "value", [12, "31/12/2020", "2020-13-01", "2020-01-01Tnope", dt.time(10, 0)]
)
def test_non_dates_are_refused_without_the_value(value: Any) -> None:
    with pytest.raises(TransformError) as err:
        shifter().apply([value])
    assert "people.born" in str(err.value) and str(value) not in str(err.value)


@pytest.mark.parametrize("zero", ["0000-00-00", "0000-00-00 00:00:00"])
def test_zero_dates_pass_through_in_a_batch_without_nulls(zero: str) -> None:
    """MariaDB's zero dates are kept, also in a batch with no NULL or empty value (where
    ``apply`` skips its per-value pass for transforms that keep nothing else)."""
    t = shifter()
    real = dt.date(2020, 5, 17)
    out = t.apply([zero, real])
    assert out[0] == zero and out[1] != real
