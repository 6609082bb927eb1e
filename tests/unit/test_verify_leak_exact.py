"""Unit tests of the complete leak search's building blocks (no database)."""

from __future__ import annotations

import decimal
import uuid

import pytest

from piigate.verify.leak_exact import _Fingerprints, _verdict, search_key


@pytest.mark.parametrize("a, b", [
    ("123456789", 123456789),  # an SSN stored as digits, and as a number
    (" Smith ", "SMITH"),
    ("0123456", 123456),  # leading zeros are not significant
    (decimal.Decimal("42.0"), 42),
    (uuid.UUID("12345678-1234-5678-1234-567812345678"), "12345678-1234-5678-1234-567812345678"),
])
def test_search_key_same(a, b):
    assert search_key(a) == search_key(b) is not None


@pytest.mark.parametrize("value", [None, True, False, "", "   ", "x", "7", 7, -9, 3.5,
                                   decimal.Decimal("1.25"), b"bytes"])
def test_search_key_excluded(value):
    assert search_key(value) is None


def test_search_key_text_and_number_differ():
    assert search_key("12") != search_key("l2")
    assert search_key("ab") == ("s", "ab") and search_key(10) == ("n", 10)


def test_fingerprints_keyed_and_signed_64_bit():
    a, b = _Fingerprints(b"k" * 32), _Fingerprints(b"j" * 32)
    k = search_key("123456789")
    assert k is not None
    assert a.of(k) == a.of(k) != b.of(k)
    assert -(2**63) <= a.of(k) < 2**63


def test_verdict_text_hit_is_a_leak_integers_against_neighbours():
    # source 2*col: text keys of column col; 2*col+1: its integer keys
    leaks, chance = _verdict({0: [1, 0, 0]})
    assert leaks == [0] and chance is None
    # 200 copied SSNs, no neighbour: a leak
    assert _verdict({3: [200, 0, 0]}) == ([3], 0.0)
    # salaries against dense employee numbers: as many neighbours as hits
    assert _verdict({5: [30000, 29990, 30010]}) == ([], 30000.0)
    # clearly more than the neighbours
    assert _verdict({5: [1500, 1000, 1000]})[0] == [5]
    assert _verdict({5: [0, 3, 3]}) == ([], None)
