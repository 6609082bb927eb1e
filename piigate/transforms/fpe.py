"""``fpe``: FF3-1 format-preserving encryption, reversible with the domain key.

Three shapes of value, one permutation each (so distinct values never collide):

- integers stay integers inside the domain's range (cycle-walking over a fixed width);
- digit strings keep their separators (SSN, phone, card numbers, optional Luhn digit);
- text keeps its case mask, separators and digit positions: the letters of a value
  (case-folded, radix 26) and its digits (radix 10) are each enciphered as one string;
- hex (uuid columns, or ``alphabet: hex``): the hex digits of a value, case-folded, are
  enciphered as one radix-16 string, so a uuid stays a uuid: its dashes, and its version
  and variant digits (MariaDB's UUID type refuses a version of 8-f with a variant of 0-7,
  and applications check versions), are kept, the other 30 digits enciphered. A value
  whose letters are all capitals (a .NET GUID) gets a token in capitals; mixed case is
  refused, as the case of each letter could not be given back.

Below FF3-1's minimum length a keyed exact permutation of the small domain is used,
above its maximum the string is enciphered in chained chunks. See docs/transforms.md.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import string
import uuid
from array import array
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from .base import Transform, TransformContext, register
from .codec import DIGITS, HEX, LOWER, digits_ints, digits_ints_ok, get_codec_class

_DIGIT_SET = frozenset(string.digits)
_LETTER_SET = frozenset(string.ascii_letters)
_HEX_SET = frozenset(string.hexdigits)
# a small domain is at most 26**4 = 456,976 elements (letters below FF3-1's 5 letters)
_SMALL_CACHE = 32  # at most ~3.7 MB each


# -- small domains ------------------------------------------------------------------------


@functools.lru_cache(maxsize=_SMALL_CACHE)
def _permutation(seed: bytes, size: int) -> tuple[array[int], array[int]]:
    """A keyed uniformly shuffled permutation of ``range(size)`` and its inverse.

    Fisher-Yates driven by an AES-256-CTR keystream under ``seed``; each swap index is a
    64-bit draw reduced modulo ``i + 1`` (bias below size / 2**64, negligible). Cached by
    the seed, which is an HMAC of the key, never the key itself.
    """
    stream = Cipher(algorithms.AES(seed), modes.CTR(bytes(16))).encryptor()
    # little-endian draws: the same permutation on every platform
    draws = np.frombuffer(stream.update(bytes(8 * max(size - 1, 0))), dtype="<u8")
    # the swap indexes at once; only the swaps themselves depend on each other
    swaps = (draws % np.arange(size, 1, -1, dtype=np.uint64)).tolist()
    order = list(range(size))
    i = size - 1
    for j in swaps:
        order[i], order[j] = order[j], order[i]
        i -= 1
    perm = np.asarray(order, dtype=np.int32)  # sizes stay below 26**5
    inv = np.empty_like(perm)
    inv[perm] = np.arange(size, dtype=np.int32)
    return array("i", perm.tobytes()), array("i", inv.tobytes())


class _Numbers:
    """Strings of one alphabet <-> integers, most significant character first."""

    def __init__(self, alphabet: str) -> None:
        self.alphabet = alphabet
        self.radix = len(alphabet)
        self._index = {c: i for i, c in enumerate(alphabet)}

    def value(self, s: str) -> int:
        n = 0
        for ch in s:
            n = n * self.radix + self._index[ch]
        return n

    def text(self, n: int, length: int) -> str:
        out = []
        for _ in range(length):
            n, r = divmod(n, self.radix)
            out.append(self.alphabet[r])
        return "".join(reversed(out))


class ClassCipher:
    """Enciphers strings over one alphabet, of any length >= 1, length-preserving.

    ``min_len..max_len``: FF3-1 through the codec. Shorter: a keyed exact permutation of
    all ``radix**len`` strings. Longer: balanced chunks, each enciphered with a tweak
    derived from the chunk number and the previous chunk's ciphertext (so equal chunks
    at different places or after different prefixes do not give equal ciphertexts).
    """

    def __init__(self, key: bytes, tweak: bytes, alphabet: str, codec_name: str | None = None):
        self.codec = get_codec_class(codec_name)(key, tweak, alphabet)
        self.alphabet = alphabet
        self._tweak = tweak
        self._seed_key = hmac.new(key, b"piigate/fpe-small", hashlib.sha256).digest()
        self._num = _Numbers(alphabet)
        self._tables: dict[int, tuple[array[int], array[int]]] = {}  # length -> perm, inverse

    def encrypt(self, values: Sequence[str]) -> list[str]:
        return self._route(values, decrypt=False)

    def decrypt(self, values: Sequence[str]) -> list[str]:
        return self._route(values, decrypt=True)

    def _route(self, values: Sequence[str], *, decrypt: bool) -> list[str]:
        c = self.codec
        out: list[str] = [""] * len(values)
        mid = [i for i, v in enumerate(values) if c.min_len <= len(v) <= c.max_len]
        if mid:
            run = c.decrypt if decrypt else c.encrypt
            for i, r in zip(mid, run([values[i] for i in mid]), strict=True):
                out[i] = r
        for i, v in enumerate(values):
            if len(v) < c.min_len:
                out[i] = self._small(v, decrypt)
        long = [i for i, v in enumerate(values) if len(v) > c.max_len]
        if long:
            for i, r in zip(long, self._chunked([values[i] for i in long], decrypt), strict=True):
                out[i] = r
        return out

    # -- short strings
    def _small_table(self, length: int, decrypt: bool) -> array[int]:
        tables = self._tables.get(length)
        if tables is None:
            msg = self._tweak + b"|%d|%d" % (self.codec.radix, length)
            seed = hmac.new(self._seed_key, msg, hashlib.sha256).digest()
            tables = self._tables[length] = _permutation(seed, self.codec.radix**length)
        return tables[1] if decrypt else tables[0]

    def _small(self, s: str, decrypt: bool) -> str:
        if not s:
            return s
        table = self._small_table(len(s), decrypt)
        try:
            n = self._num.value(s)
        except KeyError:
            raise ValueError("character outside the codec's alphabet") from None
        return self._num.text(table[n], len(s))

    # -- long strings
    def _chunk_sizes(self, n: int) -> list[int]:
        k = -(-n // self.codec.max_len)
        base, extra = divmod(n, k)
        return [base + 1 if j < extra else base for j in range(k)]

    def _chunk_tweak(self, j: int, previous: str) -> bytes:
        msg = b"piigate/fpe-chunk|%d|" % j + previous.encode("ascii")
        return hmac.new(self._tweak, msg, hashlib.sha256).digest()[:7]

    def _chunked(self, values: list[str], decrypt: bool) -> list[str]:
        pieces: list[list[str]] = []
        for v in values:
            parts, pos = [], 0
            for size in self._chunk_sizes(len(v)):
                parts.append(v[pos : pos + size])
                pos += size
            pieces.append(parts)
        depth = max(len(p) for p in pieces)
        result: list[list[str]] = [[] for _ in values]
        for j in range(depth):
            idx = [i for i, p in enumerate(pieces) if len(p) > j]
            tweaks = []
            for i in idx:
                if j == 0:
                    tweaks.append(self._tweak)
                else:  # the previous ciphertext: the input when decrypting, else the output
                    prev = pieces[i][j - 1] if decrypt else result[i][j - 1]
                    tweaks.append(self._chunk_tweak(j, prev))
            run = self.codec.decrypt if decrypt else self.codec.encrypt
            for i, r in zip(idx, run([pieces[i][j] for i in idx], tweaks), strict=True):
                result[i].append(r)
        return ["".join(r) for r in result]


# -- helpers for formats ------------------------------------------------------------------


def luhn_check_digit(body: str) -> int:
    """The Luhn check digit that makes ``body + digit`` valid."""
    total = 0
    for k, ch in enumerate(reversed(body)):
        d = ord(ch) - 48
        if k % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return (10 - total % 10) % 10


def _digit_count_bounds(width: int, negative: bool) -> tuple[int, int]:
    """Numbers with exactly ``width`` digits (0 counts as one digit, not for negatives)."""
    if width == 1:
        return (1 if negative else 0), 9
    return 10 ** (width - 1), 10**width - 1


_INT64_MAX = 2**63 - 1


@functools.lru_cache(maxsize=4)
def _pow10(dtype: np.dtype[Any]) -> np.ndarray:
    """10, 100, ... as far as ``dtype`` holds them (digit counts by ``searchsorted``)."""
    top = 18 if dtype == np.int64 else 100
    return np.asarray([10**i for i in range(1, top + 1)], dtype=dtype)


@functools.lru_cache(maxsize=64)
def _tier_bounds(hi: int) -> tuple[int, int, bool]:
    """(digits of ``hi``, 10^(digits-1), whether ``[0, hi]`` is one tier): per domain.

    ``[0, hi]`` with ``hi`` of ``D`` digits splits into ``[0, 10^(D-1) - 1]``, a whole
    ``D-1``-digit domain that FF3-1 permutes without cycle-walking, and
    ``[10^(D-1), hi]``, cycle-walked within ``D`` digits. Each tier is permuted onto
    itself, so the whole range still is. Without the split, an INT column (``hi`` =
    2,147,483,647) walks 4.7 times a value on average; with it, values below 10^9 (almost
    every key) take one encryption. What it reveals: whether a value has ``D`` digits.
    """
    width = len(str(hi))
    return width, 10 ** (width - 1), width == 1 or hi == 10**width - 1


@register
class FpeTransform(Transform):
    """FF3-1 through a codec; integers, digit strings and text. Reversible."""

    method = "fpe"
    reversible = True

    def __init__(self, rule: Any, ctx: TransformContext) -> None:
        super().__init__(rule, ctx)
        keys = ctx.keys
        self._letters = ClassCipher(keys.aes_key, keys.tweak, LOWER)
        self._digits = ClassCipher(keys.aes_key, keys.tweak, DIGITS)
        # negative integers get their own tweak: v and -(v+1) must not map alike
        neg_tweak = hmac.new(keys.mac_key, b"piigate/fpe-negative", hashlib.sha256).digest()[:7]
        self._neg_digits = ClassCipher(keys.aes_key, neg_tweak, DIGITS)
        self._hex = ClassCipher(keys.aes_key, keys.tweak, HEX)
        self._keep = frozenset(rule.keep_chars)
        self._range = self._int_range()
        info = ctx.info
        # a uuid column's values are hex whatever the rule says (check refuses the
        # alphabets that would write letters beyond f); "auto" means hex there
        self._hex_text = rule.alphabet == "hex" or (info is not None and info.kind == "uuid")

    # -- dispatch
    def _apply(self, values: list[Any]) -> list[Any]:
        return self._run(values, decrypt=False)

    def _reverse(self, values: list[Any]) -> list[Any]:
        return self._run(values, decrypt=True)

    def _run(self, values: list[Any], *, decrypt: bool) -> list[Any]:
        if all(type(v) is int for v in values):  # noqa: E721 - keys: no dispatch a value
            return self._skip_persisted(self._ints, values, decrypt)
        out: list[Any] = [None] * len(values)
        ints: list[int] = []
        strs: list[int] = []
        uuids: list[int] = []
        for i, v in enumerate(values):
            if isinstance(v, bool):
                raise self.ctx.error("fpe cannot encipher a boolean value")
            if isinstance(v, int):
                ints.append(i)
            elif isinstance(v, str):
                strs.append(i)
            elif isinstance(v, uuid.UUID):
                uuids.append(i)
            else:
                raise self.ctx.error(
                    f"fpe cannot encipher a {type(v).__name__} value: it enciphers integers, "
                    "text and uuids (use another method, or store the value as text)"
                )
        strings = self._hex_strings if self._hex_text else self._strings
        for idx, step in ((ints, self._ints), (strs, strings), (uuids, self._uuids)):
            if idx:
                res = self._skip_persisted(step, [values[i] for i in idx], decrypt)
                for i, r in zip(idx, res, strict=True):
                    out[i] = r
        return out

    def _skip_persisted(
        self, step: Callable[[list[Any], bool], list[Any]], values: list[Any], decrypt: bool
    ) -> list[Any]:
        """Cycle-walk past persisted values: they map to themselves, so no token may
        land on one (a unique column would get a duplicate)."""
        res = step(values, decrypt)
        if not self._persist:
            return res
        pending = [j for j, r in enumerate(res) if str(r) in self._persist]
        while pending:
            again = step([res[j] for j in pending], decrypt)
            for j, r in zip(pending, again, strict=True):
                res[j] = r
            pending = [j for j in pending if str(res[j]) in self._persist]
        return res

    # -- integers
    def _int_range(self) -> tuple[int, int] | None:
        """The integer range tokens must stay in; None: keep each value's digit count."""
        ctx, cap = self.ctx, self.rule.max_value
        rng = ctx.int_range
        if (
            rng is None
            and ctx.info is not None
            and ctx.info.int_min is not None
            and ctx.info.int_max is not None
        ):
            rng = (ctx.info.int_min, ctx.info.int_max)
        if rng is None and cap is None:
            return None
        lo, hi = rng if rng is not None else (-(cap + 1), cap)
        if cap is not None:
            lo, hi = max(lo, -(cap + 1)), min(hi, cap)
        if lo > hi:
            raise ctx.error("the integer range of the domain is empty (check max_value)")
        return lo, hi

    def _int_groups(self, arr: np.ndarray) -> list[tuple[bool, int, int, int, np.ndarray]]:
        """(negative, width, low, high, positions) of every range the values of ``arr``
        are enciphered in, a whole batch at once (300,000 keys took 0.7 s one by one)."""
        neg = arr < 0
        groups: list[tuple[bool, int, int, int, np.ndarray]] = []
        if self._range is None:  # each value keeps its digit count
            digits = np.searchsorted(_pow10(arr.dtype), np.where(neg, -arr, arr),
                                     side="right") + 1
            for w in np.unique(digits).tolist():
                for n in (False, True):
                    at = np.flatnonzero((digits == w) & (neg == n))
                    if len(at):
                        groups.append((n, int(w), *_digit_count_bounds(int(w), n), at))
            return groups
        lo, hi = self._range
        if bool(((arr < lo) | (arr > hi)).any()):
            raise self.ctx.error(
                f"integer outside the domain's range {lo}..{hi}; widen the range or max_value"
            )
        # v -> -(v+1) maps [lo, -1] onto [0, -lo-1]; each side splits into its tiers
        for n, top in ((False, hi), (True, -lo - 1)):
            side = np.flatnonzero(neg == n)
            if not len(side):
                continue
            width, split, whole = _tier_bounds(top)
            if whole:
                groups.append((n, width, 0, top, side))
                continue
            mag = -(arr[side] + 1) if n else arr[side]
            below = mag < split
            for at, tier in ((side[below], (width - 1, 0, split - 1)),
                             (side[~below], (width, split, top))):
                if len(at):
                    groups.append((n, *tier, at))
        return groups

    def _ints(self, values: list[int], decrypt: bool) -> list[int]:
        try:
            arr = np.asarray(values, dtype=np.int64)
        except OverflowError:  # beyond 64 bits: the same steps on Python integers
            arr = np.asarray(values, dtype=object)
        if arr.dtype == np.int64 and len(arr) and arr.min() == np.iinfo(np.int64).min:
            arr = arr.astype(object)  # its magnitude is beyond 64 bits
        groups = self._int_groups(arr)
        # tokens may need more bits than the values (19 digits kept, a range beyond int64)
        wide = arr.dtype == object or any(g[3] > _INT64_MAX for g in groups)
        out = np.zeros(len(arr), dtype=object if wide else np.int64)
        for neg, width, lo, hi, at in groups:
            cipher = self._neg_digits if neg else self._digits
            mags = -arr[at] if neg and self._range is None else (
                -(arr[at] + 1) if neg else arr[at])
            walked = np.asarray(_cycle_walk(cipher, mags.tolist(), width, lo, hi, decrypt),
                                dtype=out.dtype)
            if not neg:
                out[at] = walked
            else:
                out[at] = -walked if self._range is None else -(walked + 1)
        return [int(v) for v in out.tolist()]

    # -- strings
    def _classes(self) -> tuple[bool, bool]:
        """(letters enciphered, digits enciphered) for the rule's alphabet."""
        a = self.rule.alphabet
        return a in ("letters", "alnum", "auto"), a in ("digits", "alnum", "auto")

    def _split(self, s: str, letters_ok: bool, digits_ok: bool) -> tuple[str, str]:
        letters: list[str] = []
        digits: list[str] = []
        for ch in s:
            if ch in _DIGIT_SET and digits_ok:
                digits.append(ch)
            elif ch in _LETTER_SET and letters_ok:
                letters.append(ch)
            elif ch not in self._keep:
                raise self.ctx.error(
                    f"character outside the alphabet ({self.rule.alphabet}); add it to "
                    "keep_chars or choose another alphabet or method"
                )
        return "".join(letters).lower(), "".join(digits)

    def _strings(self, values: list[str], decrypt: bool) -> list[str]:
        letters_ok, digits_ok = self._classes()
        split = [self._split(s, letters_ok, digits_ok) for s in values]
        new_letters = self._letters.decrypt if decrypt else self._letters.encrypt
        letters = new_letters([p[0] for p in split]) if letters_ok else [""] * len(values)
        digits = self._digit_strings([p[1] for p in split], decrypt)
        return [_reassemble(s, lt, dg) for s, lt, dg in zip(values, letters, digits, strict=True)]

    def _hex_strings(self, values: list[str], decrypt: bool) -> list[str]:
        hexes: list[str] = []
        upper: list[bool] = []  # the hex digits in capitals (not the kept characters)
        for s in values:
            bad = next((ch for ch in s if ch not in _HEX_SET and ch not in self._keep), None)
            if bad is not None:
                raise self.ctx.error(
                    "character outside the alphabet (hex); add it to keep_chars or choose "
                    "another method")
            digits = "".join(ch for ch in s if ch in _HEX_SET)
            if not (digits.islower() or digits.isupper() or digits.isdigit() or not digits):
                raise self.ctx.error("hex in mixed case; choose alphabet alnum or another method")
            hexes.append(digits.lower())
            upper.append(digits.isupper())
        new = self._hex_run(hexes, decrypt)
        # a token in capitals must hold a letter to show its case: one of digits only
        # would reverse to lowercase and equal the token of the value in lowercase. Such
        # tokens walk on (a permutation of the strings with a letter, as both ends are)
        pending = [i for i, h in enumerate(new) if upper[i] and h.isdigit()]
        while pending:
            for i, h in zip(pending, self._hex_run([new[i] for i in pending], decrypt),
                            strict=True):
                new[i] = h
            pending = [i for i in pending if new[i].isdigit()]
        return [_reassemble_hex(s, h.upper() if up else h)
                for s, h, up in zip(values, new, upper, strict=True)]

    def _uuids(self, values: list[uuid.UUID], decrypt: bool) -> list[uuid.UUID]:
        # a driver's uuid objects (psycopg) go back as uuid objects
        return [uuid.UUID(hex=h) for h in self._hex_run([v.hex for v in values], decrypt)]

    def _hex_run(self, hexes: list[str], decrypt: bool) -> list[str]:
        """Encipher hex digit strings; a uuid's 32 keep their version and variant digits
        (a permutation within each version and variant, so still one-to-one)."""
        run = self._hex.decrypt if decrypt else self._hex.encrypt
        bodies = [h[:12] + h[13:16] + h[17:] if len(h) == 32 else h for h in hexes]
        return [r[:12] + h[12] + r[12:15] + h[16] + r[15:] if len(h) == 32 else r
                for h, r in zip(hexes, run(bodies), strict=True)]

    def _digit_strings(self, values: list[str], decrypt: bool) -> list[str]:
        run = self._digits.decrypt if decrypt else self._digits.encrypt
        if not self.rule.luhn:
            return run(values)
        # Luhn: encipher the body, recompute the check digit and keep the input's offset
        # from a valid check digit (0 for valid numbers), so invalid inputs stay invalid
        # and distinct inputs stay distinct.
        short = [i for i, v in enumerate(values) if len(v) < 2]
        out = list(values)
        for i, r in zip(short, run([values[i] for i in short]), strict=True):
            out[i] = r
        idx = [i for i, v in enumerate(values) if len(v) >= 2]
        bodies = run([values[i][:-1] for i in idx])
        for i, body in zip(idx, bodies, strict=True):
            v = values[i]
            offset = (int(v[-1]) - luhn_check_digit(v[:-1])) % 10
            out[i] = body + str((luhn_check_digit(body) + offset) % 10)
        return out


def _reassemble(template: str, letters: str, digits: str) -> str:
    """Write enciphered letters and digits back into the template's positions."""
    out: list[str] = []
    li = di = 0
    for ch in template:
        if ch in _DIGIT_SET and di < len(digits):
            out.append(digits[di])
            di += 1
        elif ch in _LETTER_SET and li < len(letters):
            new = letters[li]
            out.append(new.upper() if ch.isupper() else new)
            li += 1
        else:
            out.append(ch)
    return "".join(out)


def _reassemble_hex(template: str, hexes: str) -> str:
    """Write enciphered hex digits back into the template's hex positions."""
    it = iter(hexes)
    return "".join(next(it) if ch in _HEX_SET else ch for ch in template)


def _cycle_walk(
    cipher: ClassCipher, xs: list[int], width: int, lo: int, hi: int, decrypt: bool
) -> list[int]:
    """Encipher ``width``-digit numbers until each lands in ``[lo, hi]`` again.

    The permutation restricted to ``[lo, hi]`` by cycle-walking is itself a
    permutation, so ranges and uniqueness are kept.
    """
    if digits_ints_ok(cipher.codec, width):
        return _cycle_walk_ints(cipher, xs, width, lo, hi, decrypt)
    run: Callable[[Sequence[str]], list[str]] = cipher.decrypt if decrypt else cipher.encrypt
    cur = list(xs)
    pending = list(range(len(xs)))
    while pending:
        res = run([str(cur[i]).zfill(width) for i in pending])
        nxt = []
        for i, s in zip(pending, res, strict=True):
            cur[i] = int(s)
            if not lo <= cur[i] <= hi:
                nxt.append(i)
        pending = nxt
    return cur


def _cycle_walk_ints(
    cipher: ClassCipher, xs: list[int], width: int, lo: int, hi: int, decrypt: bool
) -> list[int]:
    """:func:`_cycle_walk` on numpy integers (codec.digits_ints): the same values."""
    cur = np.asarray(xs, dtype=np.int64)
    pending = np.arange(len(cur))
    while len(pending):
        cur[pending] = digits_ints(cipher.codec, cur[pending], width, decrypt=decrypt)
        moved = cur[pending]
        pending = pending[(moved < lo) | (moved > hi)]
    return [int(v) for v in cur.tolist()]
