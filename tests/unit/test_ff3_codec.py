"""The batched FF3-1 codec against the ``ff3`` reference and the NIST/ACVP vectors."""

from __future__ import annotations

import string
from typing import Any

import pytest
from ff3.ff3_test import testVectors, testVectors_ACVP_AES_FF3_1
from hypothesis import given, settings
from hypothesis import strategies as st

from piigate.errors import ConfigError
from piigate.transforms import codec
from piigate.transforms.codec import (
    BatchedFf3Codec,
    ReferenceFf3Codec,
    get_codec_class,
    length_bounds,
)

BASE62 = string.digits + string.ascii_lowercase + string.ascii_uppercase
BASE64 = string.digits + string.ascii_uppercase + string.ascii_lowercase + "+/"
ALPHABETS = [string.digits, string.ascii_lowercase, BASE64]


def _vector_alphabet(vector: dict) -> str:
    return vector.get("alphabet") or BASE62[: vector["radix"]]


# the vectors are read from the ff3 package's own tests (NIST FF3 samples with 64-bit
# tweaks, ACVP FF3-1 vectors with 56-bit tweaks), not copied here
@pytest.mark.parametrize(
    "vector", testVectors + testVectors_ACVP_AES_FF3_1, ids=lambda v: f"r{v['radix']}"
)
def test_batched_codec_matches_the_sample_vectors(vector: dict) -> None:
    c = BatchedFf3Codec(
        bytes.fromhex(vector["key"]), bytes.fromhex(vector["tweak"]), _vector_alphabet(vector)
    )
    assert c.encrypt([vector["plaintext"]]) == [vector["ciphertext"]]
    assert c.decrypt([vector["ciphertext"]]) == [vector["plaintext"]]


def test_the_sample_vectors_are_there() -> None:
    # FF3-1 vectors with 56-bit tweaks must be among them, or the test above proves little
    assert sum(len(v["tweak"]) == 14 for v in testVectors_ACVP_AES_FF3_1) >= 10


@st.composite
def _batches(draw: st.DrawFn) -> tuple[bytes, bytes, str, list[str]]:
    alphabet = draw(st.sampled_from(ALPHABETS))
    lo, hi = length_bounds(len(alphabet))
    lengths = st.integers(lo, hi) | st.sampled_from([lo, hi, lo + 1, hi - 1])
    text = lengths.flatmap(lambda n: st.text(alphabet, min_size=n, max_size=n))
    values = draw(st.lists(text, min_size=1, max_size=12))
    key = draw(st.sampled_from([16, 24, 32]).flatmap(lambda n: st.binary(min_size=n, max_size=n)))
    tweak = draw(st.binary(min_size=7, max_size=7))
    return key, tweak, alphabet, values


@settings(max_examples=150, deadline=None)
@given(_batches())
def test_batched_codec_equals_the_reference(batch: tuple[bytes, bytes, str, list[str]]) -> None:
    key, tweak, alphabet, values = batch
    fast = BatchedFf3Codec(key, tweak, alphabet)
    ref = ReferenceFf3Codec(key, tweak, alphabet)
    enc = fast.encrypt(values)
    assert enc == ref.encrypt(values)
    assert fast.decrypt(enc) == values
    assert ref.decrypt(enc) == values


@settings(max_examples=40, deadline=None)
@given(_batches(), st.data())
def test_per_value_tweaks_equal_the_reference(
    batch: tuple[bytes, bytes, str, list[str]], data: st.DataObject
) -> None:
    key, tweak, alphabet, values = batch
    tweaks = data.draw(
        st.lists(st.binary(min_size=7, max_size=7), min_size=len(values), max_size=len(values))
    )
    fast = BatchedFf3Codec(key, tweak, alphabet)
    enc = fast.encrypt(values, tweaks)
    assert enc == ReferenceFf3Codec(key, tweak, alphabet).encrypt(values, tweaks)
    assert fast.decrypt(enc, tweaks) == values


@pytest.mark.parametrize("bad", ["12_345", " 12345", "١٢٣٤٥٦", "12345a"])
def test_batched_codec_refuses_characters_int_would_accept(bad: str) -> None:
    with pytest.raises(ValueError):
        BatchedFf3Codec(bytes(16), bytes(7), string.digits).encrypt([bad])


def test_batched_codec_refuses_characters_outside_the_letters() -> None:
    with pytest.raises(ValueError):
        BatchedFf3Codec(bytes(16), bytes(7), string.ascii_lowercase).encrypt(["abc1ef"])


@pytest.mark.parametrize("cls", [BatchedFf3Codec, ReferenceFf3Codec])
def test_codecs_refuse_lengths_outside_ff3_1_bounds(cls: type) -> None:
    c = cls(bytes(16), bytes(7), string.digits)
    assert (c.min_len, c.max_len) == (6, 56)
    for bad in ["12345", "1" * 57]:
        with pytest.raises(ValueError):
            c.encrypt([bad])


def test_codec_bounds_for_letters() -> None:
    assert length_bounds(26) == (5, 40)


def test_codec_selection(monkeypatch: pytest.MonkeyPatch) -> None:
    assert get_codec_class() is BatchedFf3Codec
    assert get_codec_class("ff3") is ReferenceFf3Codec
    monkeypatch.setenv(codec.ENV_CODEC, "ff3")
    assert get_codec_class() is ReferenceFf3Codec
    with pytest.raises(ConfigError, match="unknown FPE codec"):
        get_codec_class("ff2")


def test_wrong_key_and_tweak_sizes_are_config_errors() -> None:
    with pytest.raises(ConfigError):
        BatchedFf3Codec(bytes(15), bytes(7), string.digits)
    with pytest.raises(ConfigError):
        BatchedFf3Codec(bytes(16), bytes(6), string.digits)


def test_a_wrong_fast_path_falls_back_to_the_reference(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(codec, "_self_check", {})
    real = BatchedFf3Codec.encrypt

    def broken(self: BatchedFf3Codec, values: list[str], tweaks: Any = None) -> list[str]:
        return [v[::-1] for v in real(self, values, tweaks)]

    monkeypatch.setattr(BatchedFf3Codec, "encrypt", broken)
    assert get_codec_class() is ReferenceFf3Codec
    assert get_codec_class("batched") is ReferenceFf3Codec


@settings(max_examples=120, deadline=None)
@given(st.binary(min_size=32, max_size=32), st.binary(min_size=7, max_size=7),
       st.integers(min_value=6, max_value=codec.INT_PATH_MAX_DIGITS), st.data())
def test_integer_path_equals_the_reference_on_digit_strings(
    key: bytes, tweak: bytes, n: int, data: Any
) -> None:
    """codec.digits_ints (numpy) is FF3-1 of the zero-padded digit strings, both ways."""
    import numpy as np

    xs = data.draw(st.lists(st.integers(min_value=0, max_value=10**n - 1),
                            min_size=1, max_size=40))
    ref = ReferenceFf3Codec(key, tweak, string.digits)
    fast = BatchedFf3Codec(key, tweak, string.digits)
    want = [int(s) for s in ref.encrypt([str(x).zfill(n) for x in xs])]
    got = codec.digits_ints(fast, np.array(xs), n, decrypt=False).tolist()
    assert got == want
    assert codec.digits_ints(fast, np.array(got), n, decrypt=True).tolist() == xs


def test_integer_path_only_where_it_is_exact() -> None:
    digits = BatchedFf3Codec(bytes(32), bytes(7), string.digits)
    assert codec.digits_ints_ok(digits, 6) and codec.digits_ints_ok(digits, 18)
    assert not codec.digits_ints_ok(digits, 19)  # halves above 10**9 would overflow
    assert not codec.digits_ints_ok(digits, 5)  # below FF3-1's minimum domain
    assert not codec.digits_ints_ok(ReferenceFf3Codec(bytes(32), bytes(7), string.digits), 9)
    assert not codec.digits_ints_ok(BatchedFf3Codec(bytes(32), bytes(7), string.ascii_lowercase), 9)
