"""Multisets of values as bucketed, keyed 128-bit fingerprints.

Two multisets are equal (up to a 2**-128 chance) when all buckets are equal; the hash
key is random per run, so nobody can construct colliding values. Memory is ``BUCKETS``
pairs whatever the number of rows.
"""

from __future__ import annotations

import hashlib

BUCKETS = 4096  # fingerprint buckets per multiset
_MASK = (1 << 128) - 1


def fingerprint(key: bytes, canon: bytes) -> int:
    """The keyed 128-bit hash of a value's canonical bytes."""
    return int.from_bytes(hashlib.blake2b(canon, key=key, digest_size=16).digest(), "little")


class Multiset:
    """A multiset of values as per-bucket (row count, sum of keyed 128-bit hashes)."""

    def __init__(self, key: bytes) -> None:
        self.key = key
        self.rows = [0] * BUCKETS
        self.sums = [0] * BUCKETS

    def hash(self, canon: bytes) -> int:
        return fingerprint(self.key, canon)

    def add(self, canon: bytes, n: int) -> None:
        h = self.hash(canon)
        b = h % BUCKETS
        self.rows[b] += n
        self.sums[b] = (self.sums[b] + h * n) & _MASK

    def differing(self, other: Multiset) -> list[int]:
        return [
            b for b in range(BUCKETS)
            if self.rows[b] != other.rows[b] or self.sums[b] != other.sums[b]
        ]
