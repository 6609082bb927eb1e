"""Unit tests of verification's building blocks (no database)."""

from __future__ import annotations

import datetime as dt
import decimal
import json
import random

import pytest
import sqlalchemy as sa
from sqlalchemy.dialects import mysql, postgresql, sqlite

from piigate.schema.model import Condition
from piigate.verify import Checks, VerifyResult
from piigate.verify.fingerprints import BUCKETS
from piigate.verify.fingerprints import Multiset as _Multiset
from piigate.verify.leak import like_escape as _like_escape
from piigate.verify.samples import PairLeak as _PairLeak
from piigate.verify.samples import Samples as _Samples
from piigate.verify.sides import condition as _condition
from piigate.verify.values import canon as _canon
from piigate.verify.values import coerce as _coerce
from piigate.verify.values import leaves as _leaves

KEY = b"k" * 32


@pytest.mark.parametrize("a, b", [
    (5, decimal.Decimal("5")),
    (5, 5.0),
    ({"b": 1, "a": [1, "x"]}, '{"a": [1, "x"], "b": 1}'),
    (dt.datetime(2020, 1, 1, 12, tzinfo=dt.UTC),
     dt.datetime(2020, 1, 1, 13, tzinfo=dt.timezone(dt.timedelta(hours=1)))),
])
def test_canon_same_value_different_types(a, b):
    as_json = isinstance(a, dict)
    assert _canon(a, as_json) == _canon(b, as_json)


@pytest.mark.parametrize("a, b", [
    ("5", 5),
    ("O'Neil", "O'NEIL"),
    ("abc", "abc "),
    (True, 1),
    (dt.date(2020, 1, 1), dt.datetime(2020, 1, 1)),
    (None, ""),
    (None, "null"),
])
def test_canon_different_values(a, b):
    assert _canon(a) != _canon(b)


def test_canon_json_text_that_is_not_json_stays_text():
    assert _canon("not json", as_json=True) == _canon("not json")


@pytest.mark.parametrize("value, kind, expected", [
    ("42", "integer", 42),
    (42, "text", "42"),
    ("2020-02-03", "date", dt.date(2020, 2, 3)),
    ("2020-02-03 04:05:06", "datetime", dt.datetime(2020, 2, 3, 4, 5, 6)),
    ("x", "date", "x"),
    (None, "text", None),
])
def test_coerce(value, kind, expected):
    assert _coerce(value, kind) == expected


def _fill(values: list[tuple[bytes, int]]) -> _Multiset:
    m = _Multiset(KEY)
    for v, n in values:
        m.add(v, n)
    return m


def test_multiset_order_and_grouping_do_not_matter():
    rows = [(f"v{i % 37}".encode(), 1) for i in range(1000)]
    grouped: dict[bytes, int] = {}
    for v, n in rows:
        grouped[v] = grouped.get(v, 0) + n
    shuffled = rows[:]
    random.Random(1).shuffle(shuffled)
    assert not _fill(rows).differing(_fill(shuffled))
    assert not _fill(rows).differing(_fill(list(grouped.items())))


@pytest.mark.parametrize("change", ["count", "value", "extra", "missing"])
def test_multiset_finds_one_difference(change):
    base = [(f"v{i}".encode(), 1 + i % 3) for i in range(500)]
    other = list(base)
    if change == "count":
        other[10] = (other[10][0], other[10][1] + 1)
    elif change == "value":
        other[10] = (b"something else", other[10][1])
    elif change == "extra":
        other.append((b"new", 1))
    else:
        other.pop(10)
    diff = _fill(base).differing(_fill(other))
    assert 1 <= len(diff) <= 2 and all(0 <= b < BUCKETS for b in diff)


def test_multiset_swapped_counts_differ():
    # same rows in total, same values, counts moved between two values
    a = _fill([(b"x", 2), (b"y", 1)])
    b = _fill([(b"x", 1), (b"y", 2)])
    assert a.differing(b)


def test_leaves():
    doc = {"a": {"b": ["x", 1, {"c": "y"}]}, "d": None, "e": "z"}
    assert sorted(_leaves(doc)) == ["x", "y", "z"]
    assert sorted(_leaves(json.dumps(doc))) == ["x", "y", "z"]
    assert _leaves("plain text") == ["plain text"]


def test_like_escape():
    assert _like_escape("50%_off!") == "50!%!_off!!"


def _samples(*values: str) -> _Samples:
    s = _Samples()
    for v in values:
        s.add(v, "t.c", substring=True)
    return s


def test_pair_leak_pass_through_is_a_leak_coincidence_is_not():
    s = _samples("Smith", "john@example.com")
    leak = _PairLeak(s, long=False, json=False)
    leak.observe("Jones", "Smith", 1)  # a fake that is also someone's real name
    assert not leak.found
    leak.observe("Smith", "Smith", 1)  # the original survived
    assert leak.found == {0}
    assert leak.image_rows == {0: 2}  # rows whose image is the sampled "Smith"


def test_pair_leak_in_json_and_free_text():
    s = _samples("john@example.com", "Smithers")
    j = _PairLeak(s, long=True, json=True)
    j.observe({"email": "john@example.com", "n": "A"},
              {"email": "john@example.com", "n": "B"}, 1)
    assert j.found == {0}
    t = _PairLeak(s, long=True, json=False)
    t.observe("Called Smithers today", "Lorem ipsum", 1)
    assert not t.found
    t.observe("Called Smithers today", "Called Smithers tomorrow", 1)
    assert t.found == {1}


def test_samples_keep_sources_and_short_values_out_of_substring_search():
    s = _Samples()
    s.add("Anna", "a.x", substring=True)
    s.add("Anna", "b.y", substring=False)
    s.add("Annabelle", "a.x", substring=True)
    assert s.values == ["Anna", "Annabelle"]
    assert s.sources[0] == {"a.x", "b.y"}
    assert s.substring == [1]  # "Anna" is too short to look for inside text


@pytest.mark.parametrize("dialect", [sqlite.dialect(), postgresql.dialect(), mysql.dialect()])
@pytest.mark.parametrize("op, value", [
    ("=", False), ("!=", "x"), ("in", [1, 2]), ("not in", 3), ("is null", None),
    ("is not null", None),
])
def test_condition_compiles_both_ways(dialect, op, value):
    t = sa.Table("t", sa.MetaData(), sa.Column("c", sa.Integer))
    cond = Condition(column="c", op=op, value=value)
    inside = str(_condition(t, cond, True).compile(dialect=dialect))
    outside = str(_condition(t, cond, False).compile(dialect=dialect))
    assert "c" in inside and "coalesce" in outside.lower()


def test_result_dict():
    ok = VerifyResult(checks=Checks(row_counts={}), failures=[])
    bad = VerifyResult(checks=Checks(), failures=["t.c: 1 masked values unchanged"])
    assert ok.passed and ok.to_dict() == {"passed": True, "checks": {"row_counts": {}},
                                          "failures": []}
    assert not bad.passed and bad.to_dict()["failures"] == ["t.c: 1 masked values unchanged"]
