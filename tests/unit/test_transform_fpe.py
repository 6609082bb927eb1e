"""fpe: round trips, formats, ranges, uniqueness, determinism and errors."""

from __future__ import annotations

import string
import uuid
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from piigate.db import ColumnInfo
from piigate.errors import TransformError
from piigate.keys import Keyring
from piigate.schema.model import COLUMN_RULE
from piigate.transforms import TransformContext, build_transform
from piigate.transforms.fpe import ClassCipher, luhn_check_digit

KEYS = Keyring(b"0" * 32).domain("x")
OTHER = Keyring(b"0" * 32).domain("y")
SEPARATORS = " -'.,/()+_@#:&"
SMALLINT = (-32768, 32767)
PROPS = settings(max_examples=80, deadline=None)


def fpe(rule: dict[str, Any] | None = None, *, keys: Any = KEYS, **ctx: Any):
    r = COLUMN_RULE.validate_python({"method": "fpe", **(rule or {})})
    return build_transform(
        r, TransformContext(table="people", column="code", domain="x", keys=keys, **ctx)
    )


def skeleton(s: str) -> str:
    """The format: digit positions, case mask and separators."""
    return "".join(
        "9" if c.isdigit() else "A" if c.isupper() else "a" if c.isalpha() else c for c in s
    )


texts = st.text(string.ascii_letters + string.digits + SEPARATORS, min_size=1, max_size=70)
digit_strings = st.text(string.digits + " -()+", min_size=1, max_size=30)


# -- text and digit strings ------------------------------------------------------------


@PROPS
@given(st.lists(texts, min_size=1, max_size=20))
def test_text_round_trip_keeps_the_format(values: list[str]) -> None:
    t = fpe()
    out = t.apply(values)
    assert [skeleton(o) for o in out] == [skeleton(v) for v in values]
    assert [len(o) for o in out] == [len(v) for v in values]
    assert t.reverse(out) == values


@PROPS
@given(st.sets(texts, min_size=2, max_size=40))
def test_distinct_text_gives_distinct_tokens(values: set[str]) -> None:
    out = fpe().apply(sorted(values))
    assert len(set(out)) == len(values)


@PROPS
@given(st.lists(digit_strings, min_size=1, max_size=20))
def test_digit_strings_keep_separators_and_round_trip(values: list[str]) -> None:
    t = fpe({"alphabet": "digits"})
    out = t.apply(values)
    assert [skeleton(o) for o in out] == [skeleton(v) for v in values]
    assert t.reverse(out) == values


@pytest.mark.parametrize(
    "value",
    [
        "123-45-6789",
        "+1 (555) 123-4567",
        "O'Neil",
        "jean-luc",
        "van der Berg",
        "4111 1111 1111 1111",
        "AB-12-cd",
    ],
)
def test_known_shapes(value: str) -> None:
    t = fpe()
    [out] = t.apply([value])
    assert skeleton(out) == skeleton(value)
    assert out != value
    assert t.reverse([out]) == [value]


@pytest.mark.parametrize(
    "alphabet,length",
    [
        (string.digits, 1),
        (string.digits, 2),
        (string.digits, 3),
        (string.ascii_lowercase, 1),
        (string.ascii_lowercase, 2),
    ],
)
def test_short_domains_are_exact_permutations(alphabet: str, length: int) -> None:
    import itertools

    every = ["".join(p) for p in itertools.product(alphabet, repeat=length)]
    c = ClassCipher(KEYS.aes_key, KEYS.tweak, alphabet)
    out = c.encrypt(every)
    assert sorted(out) == every  # a permutation: no collision, same length
    assert out != every
    assert c.decrypt(out) == every


def test_short_and_long_lengths_around_the_ff3_bounds_round_trip() -> None:
    c = ClassCipher(KEYS.aes_key, KEYS.tweak, string.ascii_lowercase)
    values = ["abcd", "abcde", "a" * 40, "a" * 41, "b" * 81, "abc" * 60]
    out = c.encrypt(values)
    assert [len(o) for o in out] == [len(v) for v in values]
    assert c.decrypt(out) == values


def test_long_strings_do_not_repeat_equal_chunks() -> None:
    c = ClassCipher(KEYS.aes_key, KEYS.tweak, string.digits)
    [out] = c.encrypt(["1" * 112])  # two chunks of 56 equal digits
    assert out[:56] != out[56:]
    # a change in the first chunk changes the second one too (chained tweaks)
    [other] = c.encrypt(["2" + "1" * 111])
    assert other[56:] != out[56:]


def test_codecs_give_identical_tokens() -> None:
    values = ["12345678", "abcdefgh", "x" * 50, "123", "0" * 70, "0fa9" * 8, "c0ffee"]
    for alphabet in (string.digits, string.ascii_lowercase, string.hexdigits[:16]):
        vals = [v for v in values if set(v) <= set(alphabet)]
        fast = ClassCipher(KEYS.aes_key, KEYS.tweak, alphabet, "batched").encrypt(vals)
        ref = ClassCipher(KEYS.aes_key, KEYS.tweak, alphabet, "ff3").encrypt(vals)
        assert fast == ref


# -- Luhn --------------------------------------------------------------------------------


def luhn_valid(digits: str) -> bool:
    return luhn_check_digit(digits[:-1]) == int(digits[-1])


@PROPS
@given(st.lists(st.text(string.digits, min_size=2, max_size=19), min_size=1, max_size=20))
def test_luhn_validity_is_kept_and_reversible(values: list[str]) -> None:
    t = fpe({"alphabet": "digits", "luhn": True})
    out = t.apply(values)
    assert [luhn_valid(o) for o in out] == [luhn_valid(v) for v in values]
    assert t.reverse(out) == values


def test_luhn_card_number() -> None:
    t = fpe({"alphabet": "digits", "luhn": True})
    [out] = t.apply(["4111 1111 1111 1111"])
    assert luhn_valid(out.replace(" ", "")) and skeleton(out) == "9999 9999 9999 9999"


def test_luhn_distinct_cards_stay_distinct() -> None:
    values = [f"{n:015d}" for n in range(2000)]
    cards = [v + str(luhn_check_digit(v)) for v in values]
    out = fpe({"alphabet": "digits", "luhn": True}).apply(cards + ["4111111111111112"])
    assert len(set(out)) == len(out)


# -- integers ----------------------------------------------------------------------------


@PROPS
@given(st.sets(st.integers(*SMALLINT), min_size=1, max_size=60))
def test_integers_stay_in_range_unique_and_reversible(values: set[int]) -> None:
    t = fpe(int_range=SMALLINT)
    vals = sorted(values)
    out = t.apply(vals)
    assert all(isinstance(o, int) and SMALLINT[0] <= o <= SMALLINT[1] for o in out)
    assert all((o < 0) == (v < 0) for o, v in zip(out, vals, strict=True))  # sign kept
    assert len(set(out)) == len(vals)
    assert t.reverse(out) == vals


@pytest.mark.parametrize("rng", [(-128, 127), (0, 255), (0, 999), (-1000, 1000)])
def test_small_integer_ranges_are_permuted_exactly(rng: tuple[int, int]) -> None:
    every = list(range(rng[0], rng[1] + 1))
    t = fpe(int_range=rng)
    out = t.apply(every)
    assert sorted(out) == every
    assert out != every
    assert t.reverse(out) == every


def test_int_keys_stay_in_their_tier_of_the_range() -> None:
    """INT: values below 10^9 take one encryption and stay below; the rest stay above."""
    hi = 2**31 - 1
    t = fpe(int_range=(-(2**31), hi))
    small = list(range(10001, 10201))
    large = [10**9, 10**9 + 7, hi - 1, hi]
    out = t.apply(small + large)
    assert all(0 <= o < 10**9 for o in out[: len(small)])
    assert all(10**9 <= o <= hi for o in out[len(small):])
    assert len(set(out)) == len(out)
    assert t.reverse(out) == small + large


def test_integer_range_from_the_column_info() -> None:
    info = ColumnInfo(
        table="people",
        name="code",
        sql_type="SMALLINT",
        kind="integer",
        nullable=False,
        int_min=-32768,
        int_max=32767,
    )
    out = fpe(info=info).apply(list(range(30000, 32768)))
    assert all(-32768 <= o <= 32767 for o in out) and len(set(out)) == 2768


@pytest.mark.parametrize("cap", [1, 5, 9, 10, 1000, 123456])
def test_tiny_max_value_permutes_zero_to_max(cap: int) -> None:
    t = fpe({"max_value": cap}, int_range=(0, 2**31 - 1))
    every = list(range(min(cap, 3000) + 1))
    out = t.apply(every)
    assert all(0 <= o <= cap for o in out)
    assert len(set(out)) == len(every)
    assert t.reverse(out) == every
    if cap <= 3000:
        assert sorted(out) == every


def test_values_outside_the_range_are_refused_without_the_value() -> None:
    with pytest.raises(TransformError) as err:
        fpe({"max_value": 99}).apply([123457])
    assert "people.code" in str(err.value) and "123457" not in str(err.value)


@PROPS
@given(st.sets(st.integers(-(10**20), 10**20), min_size=1, max_size=40))
def test_without_a_range_integers_keep_their_digit_count(values: set[int]) -> None:
    t = fpe()
    vals = sorted(values)
    out = t.apply(vals)
    assert [len(str(o)) for o in out] == [len(str(v)) for v in vals]
    assert len(set(out)) == len(vals)
    assert t.reverse(out) == vals


# Tokens of these keys as the per-value code gave them before integers were enciphered a
# batch at a time: a change here would re-key every integer column already tokenized.
KNOWN_INTS = [
    ({}, [0, -1, 1, 9, -9, 10, -10, -(2**63), 2**63 - 1],
     [7, -9, 9, 8, -8, 68, -63, -3078223608991134220, 9588029927667012102]),
    ({"int_range": SMALLINT}, [-12759, 16700, -13215, -12288], [-21436, 32483, -13255, -19485]),
    ({"int_range": (1, 499999)}, [122847, 221693, 87820], [424417, 418816, 93194]),
    ({"int_range": (0, 2**64 - 1)}, [6518202283950669818, 12488716387127676075],
     [5620460810999318166, 13174701538055813436]),
    ({}, [-7050875622127530805159685, 3905048025430802688326888],
     [-4458028355854114049638401, 9888368092298899763467501]),
]


@pytest.mark.parametrize(("ctx", "values", "tokens"), KNOWN_INTS)
def test_integer_tokens_are_stable(ctx: dict[str, Any], values: list[int],
                                   tokens: list[int]) -> None:
    t = fpe(**ctx)
    assert t.apply(values) == tokens
    assert t.reverse(tokens) == values


@PROPS
@given(st.lists(st.integers(-(2**64), 2**64), min_size=1, max_size=40),
       st.sampled_from([None, (-(2**64), 2**64), (-(2**31), 2**31 - 1), (0, 2**63 - 1)]))
def test_a_batch_of_integers_gives_each_value_its_own_token(values: list[int],
                                                           rng: tuple[int, int] | None) -> None:
    """Signs, digit counts and tiers are grouped per batch: grouping must not change a
    value's token (values of 64 bits and beyond take the Python-integer path)."""
    if rng is not None:
        values = [min(max(v, rng[0]), rng[1]) for v in values]
    t = fpe(**({"int_range": rng} if rng else {}))
    assert t.apply(values) == [t.apply([v])[0] for v in values]


# -- the contract ------------------------------------------------------------------------


def test_null_empty_and_persisted_values_are_kept() -> None:
    t = fpe({"persist_values": ["000-00-0000", 0]}, int_range=SMALLINT)
    assert t.apply([None, "", "000-00-0000", 0]) == [None, "", "000-00-0000", 0]
    assert t.reverse([None, ""]) == [None, ""]


@PROPS
@given(st.lists(texts, min_size=1, max_size=10))
def test_deterministic_per_domain(values: list[str]) -> None:
    assert fpe().apply(values) == fpe().apply(values)


def test_different_domains_give_different_tokens() -> None:
    values = [f"{n:09d}" for n in range(50)] + ["Jean-Luc Picard"]
    a, b = fpe().apply(values), fpe(keys=OTHER).apply(values)
    assert sum(x != y for x, y in zip(a, b, strict=True)) >= len(values) - 1


@pytest.mark.parametrize("value", ["José", "tab\there", "emoji🙂x", "semi;colon"])
def test_characters_outside_the_alphabet_fail_closed(value: str) -> None:
    with pytest.raises(TransformError) as err:
        fpe().apply([value])
    text = str(err.value)
    assert "people.code" in text and "character outside the alphabet" in text
    assert value not in text


def test_digits_alphabet_refuses_letters_and_letters_refuses_digits() -> None:
    with pytest.raises(TransformError, match="outside the alphabet"):
        fpe({"alphabet": "digits"}).apply(["12ab34"])
    with pytest.raises(TransformError, match="outside the alphabet"):
        fpe({"alphabet": "letters"}).apply(["ab12"])


def test_keep_chars_are_configurable() -> None:
    t = fpe({"keep_chars": ";"})
    [out] = t.apply(["ab;cd"])
    assert out[2] == ";"
    with pytest.raises(TransformError):
        t.apply(["ab-cd"])


@pytest.mark.parametrize("value", [1.5, True])
def test_non_integer_numbers_are_refused(value: Any) -> None:
    with pytest.raises(TransformError) as err:
        fpe().apply([value])
    assert "people.code" in str(err.value) and str(value) not in str(err.value)


def test_tokens_never_land_on_persisted_values() -> None:
    persisted = [0, 3, 7, 11, 19]
    t = fpe({"max_value": 20, "persist_values": persisted}, int_range=(0, 100))
    every = list(range(21))
    out = t.apply(every)
    assert sorted(out) == every  # still a permutation of 0..20
    assert [out[p] for p in persisted] == persisted
    others = [o for v, o in zip(every, out, strict=True) if v not in persisted]
    assert not set(others) & set(persisted)
    assert t.reverse(out) == every


def test_text_tokens_never_land_on_persisted_values() -> None:
    every = [f"{n:02d}" for n in range(100)]
    persisted = every[::7]
    t = fpe({"alphabet": "digits", "persist_values": persisted})
    out = t.apply(every)
    assert sorted(out) == every
    assert not {o for v, o in zip(every, out, strict=True) if v not in persisted} & set(persisted)
    assert t.reverse(out) == every


# -- uuids and hex ---------------------------------------------------------------------

UUID_INFO = ColumnInfo(table="people", name="code", sql_type="UUID", kind="uuid", nullable=False)


@PROPS
@given(st.sets(st.uuids(), min_size=1, max_size=40))
def test_uuid_column_tokens_are_uuids_of_the_same_version_and_variant(values: set[uuid.UUID],
                                                                      ) -> None:
    """A uuid column: text values stay canonical uuids and driver objects stay objects;
    version and variant digits kept (MariaDB refuses some others), one-to-one, reversible."""
    t = fpe(info=UUID_INFO)
    objs = sorted(values)
    texts_ = [str(v) for v in objs]
    out_objs, out_texts = t.apply(objs), t.apply(texts_)
    assert [str(o) for o in out_objs] == out_texts
    assert all(isinstance(o, uuid.UUID) for o in out_objs)
    assert all(str(uuid.UUID(o)) == o for o in out_texts)
    assert [(o.version, o.variant) for o in out_objs] == [(v.version, v.variant) for v in objs]
    assert len(set(out_texts)) == len(out_texts)
    assert t.reverse(out_objs) == objs and t.reverse(out_texts) == texts_
    assert not set(out_texts) & set(texts_) or len(texts_) == 1


def test_hex_alphabet_on_text_keeps_case_separators_and_length() -> None:
    t = fpe({"alphabet": "hex"})
    values = ["DEADBEEF-0001-ABCD", "c0ffee-beef", "550E8400E29B41D4A716446655440000"]
    out = t.apply(values)
    for v, o in zip(values, out, strict=True):
        assert len(o) == len(v) and all(c in string.hexdigits + "-" for c in o)
        assert [c == "-" for c in o] == [c == "-" for c in v]
        assert o.upper() == o if v.isupper() else o.lower() == o  # a .NET GUID stays in caps
    assert out[2][12] == "4" and out[2][16] == "A"  # a uuid's version and variant, unmoved
    assert t.reverse(out) == values
    for bad, why in (("abcxyz", r"alphabet \(hex\)"), ("AbCd", "mixed case")):
        with pytest.raises(TransformError, match=rf"people\.code.*{why}") as err:
            t.apply([bad])
        assert bad not in str(err.value)


def test_hex_in_capitals_reverses_to_capitals_and_never_meets_its_lowercase() -> None:
    """A value in capitals whose hex token would hold no letter (digits only, about one
    in ten at five digits) could not say its case: it reversed to lowercase and took the
    token of the same value in lowercase (two values, one token)."""
    import random

    t = fpe({"alphabet": "hex"})
    rng = random.Random(1)
    lower = sorted({"".join(rng.choice("abcdef0123456789") for _ in range(5))
                    for _ in range(3000)})
    lower = [v for v in lower if not v.isdigit()]
    upper = [v.upper() for v in lower]
    out_l, out_u = t.apply(lower), t.apply(upper)
    assert all(o.isupper() for o in out_u)
    assert not set(out_l) & set(out_u)
    assert t.reverse(out_u) == upper and t.reverse(out_l) == lower
    # the case is the hex digits' case, not the whole value's (a kept 'x' is no letter)
    k = fpe({"alphabet": "hex", "keep_chars": "x-"})
    [tok] = k.apply(["0xAB12CD"])
    assert tok[1] == "x" and tok.replace("x", "").isupper()
    assert k.reverse([tok]) == ["0xAB12CD"]
