#!/usr/bin/env python3
"""Verification benchmark: tokenize the employees shape, then verify it, timing the
complete exact leak search on its own.

Run by hand (never from the test suite)::

    .venv/bin/python bench/verify_employees.py --engine postgresql --employees 30000

For each engine: the employees shape (``piigate.sample``, no extras) is generated into
a source database and cloned into a second one, which ``piigate.writer.tokenize``
tokenizes with the benchmark's schema (:func:`contenders.ours_schema`); then ``verify``
compares the two, and the complete exact leak search
(:func:`piigate.verify.leak_exact.exact_search`) runs once more alone. Times are wall
seconds in this process; peak RSS is this process's. Results go to ``bench/results/``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_dbs  # noqa: E402
from contenders import ours_schema  # noqa: E402

RESULTS = HERE / "results"
SECRET = b"bench-secret-0123456789"


def _hwm_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def run_engine(engine: str, employees: int, workdir: Path, keep: bool) -> dict[str, Any]:
    from piigate import writer
    from piigate.db import connect, reflect
    from piigate.keys import Keyring
    from piigate.plan import make_plan
    from piigate.schema import parse_schema
    from piigate.verify import verify
    from piigate.verify.context import Run
    from piigate.verify.leak_exact import exact_search
    from piigate.verify.sides import Side

    pid = os.getpid()
    src = bench_dbs.db_for(engine, f"piigate_bench_vsrc_{employees}_{pid}", workdir)
    tok = bench_dbs.db_for(engine, f"piigate_bench_vtok_{employees}_{pid}", workdir)
    out: dict[str, Any] = {"engine": engine, "employees": employees,
                           "server": bench_dbs.server_version(engine)}
    try:
        t0 = time.perf_counter()
        out["counts"] = bench_dbs.generate(src, employees)
        bench_dbs.clone(src, tok)
        out["generate_seconds"] = time.perf_counter() - t0
        keyring = Keyring(SECRET)
        before, after = connect(src.url), connect(tok.url)
        try:
            plan = make_plan(parse_schema(ours_schema()), reflect(before))
            t0 = time.perf_counter()
            writer.tokenize(after, plan, keyring)
            out["tokenize_seconds"] = time.perf_counter() - t0
            t0 = time.perf_counter()
            result = verify(before, after, plan, keyring)
            out["verify_seconds"] = time.perf_counter() - t0
            out["verify_passed"] = result.passed
            out["verify_failures"] = result.failures[:10]
            out["leak"] = result.to_dict()["checks"]["leak"]
            run = Run(before=Side(before, plan.inventory), after=Side(after, reflect(after)),
                      plan=plan, keyring=keyring, leak_sample=200, progress=None)
            t0 = time.perf_counter()
            exact = exact_search(run)
            out["exact_leak_seconds"] = time.perf_counter() - t0
            out["exact_leak"] = exact.to_dict()
            out["exact_leak_failures"] = run.failures
        finally:
            before.dispose()
            after.dispose()
        out["peak_rss_mb"] = _hwm_mb()
    finally:
        if not keep:
            bench_dbs.drop(src)
            bench_dbs.drop(tok)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--engine", default="postgresql",
                    choices=("sqlite", "postgresql", "mariadb"))
    ap.add_argument("--employees", type=int, default=30_000)
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/piigate_bench"))
    ap.add_argument("--keep", action="store_true", help="keep the databases")
    args = ap.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    res = run_engine(args.engine, args.employees, args.workdir, args.keep)
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"verify_{args.engine}_{args.employees}.json"
    path.write_text(json.dumps(res, indent=2, default=str) + "\n")
    print(json.dumps(res, indent=2, default=str))


if __name__ == "__main__":
    main()
