"""Throughput of the FF3-1 codecs and the transforms: ``python bench/transforms_speed.py``.

Prints values per second; the numbers in docs/transforms.md come from here. Not used
by tests (timings never go into assertions).
"""

from __future__ import annotations

import datetime as dt
import random
import string
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from piigate.keys import Keyring  # noqa: E402
from piigate.schema.model import COLUMN_RULE  # noqa: E402
from piigate.transforms.base import TransformContext, build_transform  # noqa: E402
from piigate.transforms.codec import BatchedFf3Codec, ReferenceFf3Codec  # noqa: E402

N = 100_000


def _rate(fn: Callable[[Sequence[Any]], Any], values: Sequence[Any]) -> int:
    start = time.perf_counter()
    fn(values)
    return int(len(values) / (time.perf_counter() - start))


def main() -> None:
    rnd = random.Random(1)
    keys = Keyring(b"bench-secret-0123456789").domain("bench")

    def build(rule: dict[str, Any], **ctx: Any) -> Any:
        return build_transform(
            COLUMN_RULE.validate_python(rule),
            TransformContext(table="t", column="c", domain="bench", keys=keys, **ctx),
        )

    d6 = ["".join(rnd.choices(string.digits, k=6)) for _ in range(N)]
    l8 = ["".join(rnd.choices(string.ascii_lowercase, k=8)) for _ in range(N)]
    for label, values, alphabet in (
        ("6 digits", d6, string.digits),
        ("8 letters", l8, string.ascii_lowercase),
    ):
        fast = BatchedFf3Codec(keys.aes_key, keys.tweak, alphabet)
        ref = ReferenceFf3Codec(keys.aes_key, keys.tweak, alphabet)
        print(
            f"codec {label:10} batched {_rate(fast.encrypt, values):>8}/s   "
            f"ff3 {_rate(ref.encrypt, values):>7}/s"
        )
    ssn = [f"{n:09d}" for n in rnd.sample(range(10**9), N)]
    ssn = [f"{s[:3]}-{s[3:5]}-{s[5:]}" for s in ssn]
    names = [
        "".join(rnd.choices(string.ascii_lowercase, k=rnd.randint(4, 10))).title() for _ in range(N)
    ]
    ints = rnd.sample(range(10**6), N)
    dates = [dt.date(1950, 1, 1) + dt.timedelta(days=rnd.randrange(20000)) for _ in range(N)]
    rows: list[tuple[str, Any, Sequence[Any]]] = [
        ("fpe SSN text", build({"method": "fpe"}), ssn),
        ("fpe names", build({"method": "fpe"}), names),
        ("fpe int, INT range", build({"method": "fpe"}, int_range=(-(2**31), 2**31 - 1)), ints),
        ("fpe int, no range", build({"method": "fpe"}), ints),
        ("fake full_name", build({"method": "fake", "kind": "full_name"}), names[:20_000]),
        ("fake email", build({"method": "fake", "kind": "email"}), names[:20_000]),
        ("date_shift", build({"method": "date_shift"}), dates),
        ("hash", build({"method": "hash"}), names),
    ]
    for label, transform, column in rows:
        print(f"{label:20} {_rate(transform.apply, column):>8}/s")


if __name__ == "__main__":
    main()
