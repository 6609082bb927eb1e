"""Stream scrub speed: records per second per Firehose invocation, and Lambda cost.

Builds a Firehose transformation event of ``--records`` realistic ~1 KB customer events
(distinct customers, nested address, a list of order lines), scrubs it with
``piigate.streams.firehose_response`` (base64 in and out included, as the handler does)
and reports the best of ``--repeat`` warm runs, for all events masked (no consent) and
for a half-and-half mix. The cost per million records follows from that speed at the
function's memory size: Lambda bills GB-seconds (x86, ``--price-gb-s``) and requests,
and gives a function ``memory / 1769 MB`` of a vCPU, so the speed measured on one core
here is scaled by that share (an estimate: Lambda's cores are not this machine's).

    python bench/stream_scrub.py --records 1000 --memory 1024

Not a test: numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import base64
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from piigate.keys import Keyring  # noqa: E402
from piigate.schema import parse_schema  # noqa: E402
from piigate.streams import StreamScrubber, firehose_response  # noqa: E402

FULL_VCPU_MB = 1769  # Lambda gives one full vCPU at 1,769 MB
PRICE_GB_S = 0.0000166667  # x86, us-east-1, first 6 billion GB-s a month
PRICE_REQUEST = 0.20 / 1_000_000

STREAM = {
    "when": {"column": "data_share_consent", "op": "=", "value": False},
    "fields": [
        {"path": "$.customer_id", "rule": {"method": "fpe", "domain": "customers.id"},
         "int_type": "bigint"},
        {"path": "$.name", "rule": {"method": "fake", "kind": "full_name"}},
        {"path": "$.email", "rule": {"method": "fake", "kind": "email"}},
        {"path": "$.phone", "rule": {"method": "fpe", "alphabet": "digits"}},
        {"path": "$.dob", "rule": {"method": "date_shift", "max_days": 30}},
        {"path": "$.ssn_no", "rule": {"method": "redact", "value": "REDACTED_CONTENT"}},
        {"path": "$.address.street", "rule": {"method": "fake", "kind": "street_address"}},
        {"path": "$.address.postcode", "rule": {"method": "fpe", "alphabet": "digits"}},
        {"path": "$.ip", "rule": {"method": "hash", "length": 16}},
    ],
    "marker": {"data_redacted": True},
}
FIRST = ["Anna", "Hans", "Marie", "Paul", "Eva", "Karl", "Lucia", "Pedro", "Ines", "Jan"]
LAST = ["Meyer", "Schmidt", "Rossi", "Garcia", "Novak", "Dubois", "Smith", "Jensen"]
CITIES = ["Springfield", "Riverton", "Lakeside", "Hillview", "Fairmont"]


def event(rng: random.Random, consent: bool) -> dict[str, Any]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    cid = rng.randrange(1, 50_000_000)
    return {
        "event_type": "order_placed",
        "event_id": f"{rng.getrandbits(128):032x}",
        "evnt_time": f"2026-11-{rng.randrange(1, 29):02d}T{rng.randrange(24):02d}:"
                     f"{rng.randrange(60):02d}:{rng.randrange(60):02d}.{rng.randrange(10**6):06d}",
        "customer_id": cid,
        "name": f"{first} {last}",
        "email": f"{first.lower()}.{last.lower()}{cid % 1000}@example.com",
        "phone": f"+1 555-{rng.randrange(10**3):03d}-{rng.randrange(10**4):04d}",
        "dob": f"{rng.randrange(1940, 2006)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}",
        "gender": rng.choice("FM"),
        "ssn_no": f"{rng.randrange(100, 900)}{rng.randrange(10, 100)}{rng.randrange(1000, 10000)}",
        "data_share_consent": consent,
        "address": {"street": f"{rng.randrange(1, 999)} {rng.choice(LAST)} Street",
                    "city": rng.choice(CITIES), "postcode": f"{rng.randrange(10**5):05d}",
                    "country": "US"},
        "ip": f"203.0.{rng.randrange(256)}.{rng.randrange(256)}",
        "user_agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                      "Chrome/120.0 Safari/537.36",
        "lines": [{"sku": f"SKU-{rng.randrange(10**6):06d}", "qty": rng.randrange(1, 4),
                   "price": round(rng.uniform(1, 200), 2)} for _ in range(4)],
        "channel": rng.choice(["web", "ios", "android"]),
        "session_id": f"{rng.getrandbits(128):032x}",
        "referrer": f"https://shop.example.com/c/{rng.choice(CITIES).lower()}?utm_source="
                    f"newsletter&utm_campaign=w{rng.randrange(1, 53)}",
        "currency": "USD",
        "locale": "en_US",
        "app_version": f"4.{rng.randrange(20)}.{rng.randrange(10)}",
        "total": round(rng.uniform(5, 800), 2),
    }


def firehose_event(n: int, share_consent: float, seed: int) -> tuple[dict[str, Any], int]:
    rng = random.Random(seed)
    raws = [json.dumps(event(rng, rng.random() < share_consent)).encode() for _ in range(n)]
    records = [{"recordId": f"{i:056d}", "approximateArrivalTimestamp": 1764460800000,
                "data": base64.b64encode(r).decode()} for i, r in enumerate(raws)]
    return ({"invocationId": "bench", "region": "us-east-1", "records": records,
             "deliveryStreamArn": "arn:aws:firehose:us-east-1:111111111111:deliverystream/x"},
            sum(len(r) for r in raws))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--records", type=int, default=1000, help="records per invocation")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--memory", type=int, nargs="+", default=[512, 1024, 1769],
                    help="Lambda memory sizes (MB) to price")
    ap.add_argument("--price-gb-s", type=float, default=PRICE_GB_S)
    args = ap.parse_args()

    schema = parse_schema({"streams": {"customer-events": STREAM}})
    started = time.perf_counter()
    scrubber = StreamScrubber(schema, "customer-events", Keyring(b"bench-secret-0123456789abc"))
    print(f"scrubber built in {time.perf_counter() - started:.3f} s")
    for label, consent in (("all masked", 0.0), ("half masked", 0.5)):
        best = float("inf")
        for rep in range(args.repeat + 1):  # the first run warms caches (Faker, codecs)
            ev, size = firehose_event(args.records, consent, seed=rep)
            t = time.perf_counter()
            response, failures = firehose_response(ev, scrubber)
            took = time.perf_counter() - t
            assert not failures and len(response["records"]) == args.records
            if rep == 0:
                print(f"{label}: first invocation {took:.3f} s")
            else:
                best = min(best, took)
        rps = args.records / best
        print(f"{label}: {args.records} records of {size / args.records:.0f} B on average, "
              f"best {best:.3f} s -> {rps:,.0f} records/s on one core")
        for mb in args.memory:
            lam = rps * min(1.0, mb / FULL_VCPU_MB)
            seconds = 1_000_000 / lam
            cost = seconds * mb / 1024 * args.price_gb_s + (
                1_000_000 / args.records) * PRICE_REQUEST
            print(f"  {mb:>5} MB: ~{lam:,.0f} records/s -> {seconds:,.0f} s and "
                  f"${cost:.3f} per million records")


if __name__ == "__main__":
    main()
