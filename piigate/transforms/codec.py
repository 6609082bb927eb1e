"""FF3-1 codecs: the block cipher under format-preserving encryption.

A codec enciphers strings over one alphabet (one radix) whose length lies in
``[min_len, max_len]``; everything about formats (separators, case, short and long
inputs, integer ranges) lives above it in :mod:`piigate.transforms.fpe`. Two codecs
compute the same FF3-1 permutation:

- ``ff3``: the reference, the ``ff3`` package, one value at a time (~15k values/s).
- ``batched``: ours, on ``cryptography``: all same-length values of a batch go through
  each Feistel round together, one AES-ECB call per round. It is tested bit for bit
  against ``ff3`` and the NIST/ACVP sample vectors shipped with ``ff3``.

``get_codec_class()`` picks one by name (argument > ``PIIGATE_FPE_CODEC`` > ``batched``);
the batched codec checks itself against ``ff3`` on the first use and falls back to the
reference if they ever disagree, so a wrong fast path can cost speed but never tokens.
FF1 could replace both behind the same :class:`FpeCodec` protocol.
"""

from __future__ import annotations

import logging
import math
import os
import string
from collections.abc import Sequence
from typing import Protocol

import numpy as np
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from ..errors import ConfigError

log = logging.getLogger(__name__)

DIGITS = string.digits
LOWER = string.ascii_lowercase
HEX = string.hexdigits[:16]  # 0-9a-f: the digits of a uuid
NUM_ROUNDS = 8
DOMAIN_MIN = 1_000_000  # FF3-1: radix ** min_len >= one million
ENV_CODEC = "PIIGATE_FPE_CODEC"


class FpeCodec(Protocol):
    """Enciphers strings over ``alphabet`` of length ``min_len..max_len``.

    ``tweaks`` (optional) gives each value its own 7-byte tweak; otherwise the codec's.
    """

    alphabet: str
    radix: int
    min_len: int
    max_len: int

    def encrypt(
        self, values: Sequence[str], tweaks: Sequence[bytes] | None = None
    ) -> list[str]: ...

    def decrypt(
        self, values: Sequence[str], tweaks: Sequence[bytes] | None = None
    ) -> list[str]: ...


def length_bounds(radix: int) -> tuple[int, int]:
    """FF3-1's ``(min_len, max_len)`` for ``radix`` (the same bounds as ``ff3``)."""
    min_len = math.ceil(math.log(DOMAIN_MIN) / math.log(radix))
    max_len = 2 * math.floor(96 / math.log2(radix))
    return min_len, max_len


def _check_key(key: bytes, tweak: bytes) -> None:
    if len(key) not in (16, 24, 32):
        raise ConfigError("an FF3-1 key is 16, 24 or 32 bytes")
    if len(tweak) not in (7, 8):
        raise ConfigError("an FF3-1 tweak is 7 bytes (56 bits; 8 for legacy FF3)")


class _CodecBase:
    def __init__(self, key: bytes, tweak: bytes, alphabet: str) -> None:
        _check_key(key, tweak)
        if len(set(alphabet)) != len(alphabet) or len(alphabet) < 2:
            raise ConfigError("an FF3-1 alphabet has at least two distinct characters")
        self.key = key
        self.tweak = tweak
        self.alphabet = alphabet
        self.radix = len(alphabet)
        self.min_len, self.max_len = length_bounds(self.radix)

    def encrypt(self, values: Sequence[str], tweaks: Sequence[bytes] | None = None) -> list[str]:
        raise NotImplementedError

    def decrypt(self, values: Sequence[str], tweaks: Sequence[bytes] | None = None) -> list[str]:
        raise NotImplementedError

    def _check_lengths(self, values: Sequence[str]) -> None:
        for v in values:
            if not self.min_len <= len(v) <= self.max_len:
                raise ValueError(
                    f"FF3-1 length must be within {self.min_len}..{self.max_len} "
                    f"for radix {self.radix}"
                )


class ReferenceFf3Codec(_CodecBase):
    """The ``ff3`` package, value by value: the reference the batched codec must match."""

    name = "ff3"

    def __init__(self, key: bytes, tweak: bytes, alphabet: str) -> None:
        super().__init__(key, tweak, alphabet)
        from ff3 import FF3Cipher

        self._cipher = FF3Cipher.withCustomAlphabet(key.hex(), tweak.hex(), alphabet)

    def encrypt(self, values: Sequence[str], tweaks: Sequence[bytes] | None = None) -> list[str]:
        self._check_lengths(values)
        if tweaks is None:
            return [self._cipher.encrypt(v) for v in values]
        return [
            self._cipher.encrypt_with_tweak(v, t.hex()) for v, t in zip(values, tweaks, strict=True)
        ]

    def decrypt(self, values: Sequence[str], tweaks: Sequence[bytes] | None = None) -> list[str]:
        self._check_lengths(values)
        if tweaks is None:
            return [self._cipher.decrypt(v) for v in values]
        return [
            self._cipher.decrypt_with_tweak(v, t.hex()) for v, t in zip(values, tweaks, strict=True)
        ]


def _tweak64(tweak: bytes) -> bytes:
    """FF3-1's 56-bit tweak spread over 64 bits (NIST SP 800-38G Rev. 1); FF3's as is."""
    if len(tweak) == 8:
        return tweak
    t = tweak
    return bytes([t[0], t[1], t[2], t[3] & 0xF0, t[4], t[5], t[6], (t[3] & 0x0F) << 4])


def _round_suffixes(tweak: bytes) -> list[bytes]:
    """Per round, the reversed first 4 bytes of P (the tweak half XOR the round number).

    FF3 reverses the 16-byte block P before AES: the 12-byte number comes first, in
    little-endian order, followed by the reversed tweak half.
    """
    t64 = _tweak64(tweak)
    left, right = t64[:4], t64[4:]
    out = []
    for i in range(NUM_ROUNDS):
        w = bytearray(right if i % 2 == 0 else left)
        w[3] ^= i
        out.append(bytes(reversed(w)))
    return out


class _Numerals:
    """String <-> NUM_radix(REV(x)) conversions, with fast paths for digits and a-z."""

    def __init__(self, alphabet: str) -> None:
        self.alphabet = alphabet
        self.radix = len(alphabet)
        self._index = {c: i for i, c in enumerate(alphabet)}
        b36 = DIGITS + LOWER
        self._to_b36 = str.maketrans(alphabet, b36[: self.radix]) if self.radix <= 36 else None
        # two-character table: halves the divmod steps when writing numbers out
        self._pairs = [a + b for b in alphabet for a in alphabet] if self.radix <= 64 else None

    def value(self, s: str) -> int:
        """NUM_radix(REV(s)): the first character is the least significant."""
        # int() alone would also accept "_", spaces and non-ASCII digits: check first
        if self.alphabet == DIGITS:
            if not (s.isascii() and s.isdigit()):
                raise ValueError("character outside the codec's alphabet")
            return int(s[::-1])
        if self.alphabet == LOWER:
            if not (s.isascii() and s.isalpha() and s.islower()):
                raise ValueError("character outside the codec's alphabet")
        else:
            self.check(s)
        if self._to_b36 is not None:
            return int(s[::-1].translate(self._to_b36), self.radix)
        n = 0
        for ch in reversed(s):
            n = n * self.radix + self._index[ch]
        return n

    def text(self, n: int, m: int) -> str:
        """REV(STR_radix^m(n)): ``m`` characters, least significant first."""
        if self.alphabet == DIGITS:
            return str(n).zfill(m)[::-1]
        parts = []
        if self._pairs is not None:
            sq = self.radix * self.radix
            for _ in range(m // 2):
                n, r = divmod(n, sq)
                parts.append(self._pairs[r])
            if m % 2:
                parts.append(self.alphabet[n % self.radix])
            return "".join(parts)
        for _ in range(m):
            n, r = divmod(n, self.radix)
            parts.append(self.alphabet[r])
        return "".join(parts)

    def check(self, s: str) -> None:
        for ch in s:
            if ch not in self._index:
                raise ValueError("character outside the codec's alphabet")


class BatchedFf3Codec(_CodecBase):
    """FF3-1 over whole batches: one AES-ECB call per Feistel round per length.

    The Feistel state is kept as integers (``NUM_radix(REV(half))``) from the first
    round to the last, so strings are read once and written once per value.
    """

    name = "batched"

    def __init__(self, key: bytes, tweak: bytes, alphabet: str) -> None:
        super().__init__(key, tweak, alphabet)
        # FF3 uses the byte-reversed key
        self._aes = Cipher(algorithms.AES(key[::-1]), modes.ECB()).encryptor()
        self._num = _Numerals(alphabet)
        self._suffixes = _round_suffixes(tweak)

    def encrypt(self, values: Sequence[str], tweaks: Sequence[bytes] | None = None) -> list[str]:
        return self._run(values, tweaks, decrypt=False)

    def decrypt(self, values: Sequence[str], tweaks: Sequence[bytes] | None = None) -> list[str]:
        return self._run(values, tweaks, decrypt=True)

    def _run(
        self, values: Sequence[str], tweaks: Sequence[bytes] | None, *, decrypt: bool
    ) -> list[str]:
        self._check_lengths(values)
        out: list[str] = [""] * len(values)
        by_len: dict[int, list[int]] = {}
        for i, v in enumerate(values):
            by_len.setdefault(len(v), []).append(i)
        for n, idx in by_len.items():
            group = [values[i] for i in idx]
            suffixes = None if tweaks is None else [_round_suffixes(tweaks[i]) for i in idx]
            for i, res in zip(idx, self._feistel(group, n, suffixes, decrypt), strict=True):
                out[i] = res
        return out

    def _round(self, nums: list[int], i: int, suffixes: list[list[bytes]] | None) -> list[int]:
        """y for every value: AES over the reversed P blocks, read back little-endian."""
        if suffixes is None:
            w = self._suffixes[i]
            block = b"".join([b.to_bytes(12, "little") + w for b in nums])
        else:
            block = b"".join(
                [b.to_bytes(12, "little") + s[i] for b, s in zip(nums, suffixes, strict=True)]
            )
        enc = self._aes.update(block)
        frm = int.from_bytes
        return [frm(enc[j : j + 16], "little") for j in range(0, len(enc), 16)]

    def _round_ints(self, nums: np.ndarray, i: int, mod: int) -> np.ndarray:
        """:meth:`_round` for numbers below 2**64, reduced ``mod`` (at most 10**9)."""
        blocks = np.empty((len(nums), 2), dtype="<u8")
        blocks[:, 0] = nums  # bytes 0-7 of the 12-byte little-endian number
        blocks[:, 1] = int.from_bytes(b"\0\0\0\0" + self._suffixes[i], "little")
        enc = np.frombuffer(self._aes.update(blocks.tobytes()), dtype="<u8").reshape(-1, 2)
        m = np.uint64(mod)
        wrap = np.uint64(2**64 % mod)  # y = lo + hi * 2**64
        y = (enc[:, 0] % m + (enc[:, 1] % m) * wrap) % m
        return y.astype(np.int64)

    def _feistel(
        self,
        group: list[str],
        n: int,
        suffixes: list[list[bytes]] | None,
        decrypt: bool,
    ) -> list[str]:
        num = self._num
        u = (n + 1) // 2
        v = n - u
        mod_u, mod_v = self.radix**u, self.radix**v
        try:
            a = [num.value(s[:u]) for s in group]
            b = [num.value(s[u:]) for s in group]
        except (KeyError, ValueError):
            raise ValueError("character outside the codec's alphabet") from None
        if not decrypt:
            for i in range(NUM_ROUNDS):
                mod = mod_u if i % 2 == 0 else mod_v
                ys = self._round(b, i, suffixes)
                a, b = b, [(x + y) % mod for x, y in zip(a, ys, strict=True)]
        else:
            for i in reversed(range(NUM_ROUNDS)):
                mod = mod_u if i % 2 == 0 else mod_v
                ys = self._round(a, i, suffixes)
                a, b = [(x - y) % mod for x, y in zip(b, ys, strict=True)], a
        return [num.text(x, u) + num.text(y, v) for x, y in zip(a, b, strict=True)]


# numbers of up to this many digits take the vectorised path: every Feistel half is
# below 10**9, so a round's sum of products stays below 2**63
INT_PATH_MAX_DIGITS = 18


def digits_ints(codec: _CodecBase, xs: np.ndarray, n: int, *, decrypt: bool) -> np.ndarray:
    """FF3-1 of ``str(x).zfill(n)`` for every ``x`` in ``xs`` (int64), read back as int.

    The same permutation as ``codec.encrypt`` on the digit strings, computed on numpy
    integers: for integer keys the string round trip cost more than the AES. Only for
    the batched codec over decimal digits and ``min_len <= n <= 18`` (else ValueError);
    ``digits_ints_ok`` says when it applies.
    """
    if not digits_ints_ok(codec, n):
        raise ValueError("the integer path needs the batched decimal codec and 6..18 digits")
    assert isinstance(codec, BatchedFf3Codec)
    u = (n + 1) // 2
    v = n - u
    xs = np.asarray(xs, dtype=np.int64)
    a = _reverse_digits(xs // 10**v, u)
    b = _reverse_digits(xs % 10**v, v)
    rounds = range(NUM_ROUNDS)
    for i in (reversed(rounds) if decrypt else rounds):
        mod = 10**u if i % 2 == 0 else 10**v
        if not decrypt:
            a, b = b, (a + codec._round_ints(b, i, mod)) % mod
        else:
            a, b = (b - codec._round_ints(a, i, mod)) % mod, a
    return _reverse_digits(a, u) * 10**v + _reverse_digits(b, v)


def digits_ints_ok(codec: _CodecBase, n: int) -> bool:
    return (isinstance(codec, BatchedFf3Codec) and codec.alphabet == DIGITS
            and codec.min_len <= n <= INT_PATH_MAX_DIGITS)


def _reverse_digits(x: np.ndarray, k: int) -> np.ndarray:
    """The ``k``-digit numbers ``x`` (leading zeros counted) with their digits reversed."""
    out = np.zeros_like(x)
    for _ in range(k):
        out = out * 10 + x % 10
        x = x // 10
    return out


CODECS: dict[str, type[_CodecBase]] = {
    "batched": BatchedFf3Codec,
    "ff3": ReferenceFf3Codec,
}

_self_check: dict[str, bool] = {}


def _batched_matches_reference() -> bool:
    """One-off check of the fast path against ``ff3`` (the radices we use, odd lengths)."""
    if "batched" not in _self_check:
        key, tweak = bytes(range(32)), bytes(range(7))
        ok = True
        for alphabet, sample in (
            (DIGITS, ["0123456", "98765432101", "000000"]),
            (LOWER, ["abcde", "zyxwvutsrq", "piigate"]),
            (HEX, ["0a1b2", "550e8400e29b41d4a716446655440000"]),
        ):
            fast = BatchedFf3Codec(key, tweak, alphabet).encrypt(sample)
            ok = ok and fast == ReferenceFf3Codec(key, tweak, alphabet).encrypt(sample)
        if not ok:
            log.warning("batched FF3-1 codec disagrees with ff3; using the ff3 reference codec")
        _self_check["batched"] = ok
    return _self_check["batched"]


def get_codec_class(name: str | None = None) -> type[_CodecBase]:
    """The codec class by name: argument > ``PIIGATE_FPE_CODEC`` > ``batched``."""
    chosen = name or os.environ.get(ENV_CODEC) or "batched"
    if chosen not in CODECS:
        raise ConfigError(
            f"unknown FPE codec {chosen!r}; choose one of {', '.join(sorted(CODECS))}",
            field=ENV_CODEC,
        )
    if chosen == "batched" and not _batched_matches_reference():
        return ReferenceFf3Codec
    return CODECS[chosen]
