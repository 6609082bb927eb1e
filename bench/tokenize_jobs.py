"""Work units and ``--jobs`` (issue 13): the full employees sample tokenized with one job
(one unit per table group, the default path) and with N jobs (value ranges and
primary-key ranges, N at a time in worker processes), on PostgreSQL and MariaDB.

Run by hand (not a test), e.g.::

    PYTHONPATH=. .venv/bin/python bench/tokenize_jobs.py --engines postgresql mariadb \\
        --employees 300024 --runs 1 2 1u

``--runs``: ``1`` is ``tokenize(jobs=1)``; ``N`` is ``tokenize(jobs=N)`` (N ranges);
``Nu`` is the unit path with N ranges run one at a time (its per-unit throughput is
uncontended). Each run gets a fresh copy of one generated template (made outside the
timed section). Prints a Markdown table and per-unit throughput (rows/s of the
``rows`` units: the primary-key ranges of the rebuilds; ``map`` units: distinct values
per second). Databases are named ``piigate_bench_units_*`` and dropped at the end.
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

from piigate.db import connect, reflect  # noqa: E402
from piigate.keys import Keyring  # noqa: E402
from piigate.plan import make_plan  # noqa: E402
from piigate.schema import parse_schema  # noqa: E402
from piigate.writer import run as writer_run  # noqa: E402
from piigate.writer import tokenize  # noqa: E402

_records: list[tuple[str, dict[str, Any]]] = []
_run_units = writer_run.run_units


def _recording_run_units(*args: Any, **kwargs: Any) -> list[dict[str, Any]]:
    """Every unit's own rows and seconds (the writer's result is per table)."""
    out = _run_units(*args, **kwargs)
    _records.extend((str(d["unit"]).split(":")[0], d) for d in out)
    return out


writer_run.run_units = _recording_run_units  # type: ignore[assignment]


def one_run(engine: str, template: bench_dbs.BenchDb, run: str, workdir: Path) -> dict[str, Any]:
    jobs, serial = int(run.rstrip("u")), run.endswith("u")
    db = bench_dbs.db_for(engine, f"piigate_bench_units_{run}_{os.getpid()}", workdir)
    bench_dbs.clone(template, db)
    eng = connect(db.url)
    _records.clear()
    try:
        plan = make_plan(parse_schema(ours_schema()), reflect(eng))
        started = time.perf_counter()
        if serial:
            result = tokenize(eng, plan, Keyring(b"bench-secret-0123456789"), jobs=1,
                              ranges=jobs)
        else:
            result = tokenize(eng, plan, Keyring(b"bench-secret-0123456789"), jobs=jobs)
        seconds = time.perf_counter() - started
        counts = bench_dbs.counts(db)
        digests = bench_dbs.digests(db)
    finally:
        eng.dispose()
        bench_dbs.drop(db)
    units: dict[str, list[tuple[int, float]]] = {}
    for kind, rec in _records:
        if not rec.get("skipped") and rec.get("rows") is not None:
            units.setdefault(kind, []).append((int(rec["rows"]), float(rec["seconds"])))
    return {"run": run, "jobs": jobs, "ranges": jobs if (jobs > 1 or serial) else None,
            "seconds": round(seconds, 1), "rows": result.rows, "counts": counts,
            "digests": digests,
            "units": {k: {"n": len(v), "rows": sum(r for r, _ in v),
                          "unit_seconds": round(sum(s for _, s in v), 1),
                          "rows_per_s_per_unit": round(sum(r for r, _ in v)
                                                       / max(sum(s for _, s in v), 1e-9))}
                      for k, v in units.items()}}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--engines", nargs="+", default=["postgresql", "mariadb"])
    p.add_argument("--employees", type=int, default=300_024)
    p.add_argument("--runs", nargs="+", default=["1", "2"])
    p.add_argument("--out", type=Path, default=HERE / "results" / "tokenize_jobs.json")
    p.add_argument("--workdir", type=Path, default=Path("/tmp/piigate_bench_units"))
    p.add_argument("--reuse-data", action="store_true",
                   help="use the kept template if complete (e.g. to compare two checkouts)")
    p.add_argument("--keep-data", action="store_true", help="keep the template database")
    args = p.parse_args(argv)
    out: list[dict[str, Any]] = []
    for engine in args.engines:
        template = bench_dbs.db_for(engine, f"piigate_bench_units_tpl_{args.employees}",
                                    args.workdir)
        _, gen_s = bench_dbs.ensure_data(template, args.employees, args.reuse_data)
        print(f"{engine}: template {'reused' if gen_s is None else f'in {gen_s:.0f} s'}",
              flush=True)
        try:
            for run in args.runs:
                res = {"engine": engine, **one_run(engine, template, run, args.workdir)}
                first = next((r for r in out if r["engine"] == engine), res)
                # every run of an engine must leave exactly the same database
                res["same_as_first"] = res["digests"] == first["digests"]
                print(json.dumps(res), flush=True)
                out.append(res)
        finally:
            if not args.keep_data:
                bench_dbs.drop(template)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=2))
    print("\n| engine | run | jobs | ranges | seconds | rows/s per `rows` unit | "
          "values/s per `map` unit | same database as the first run |\n"
          "| --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in out:
        u = r["units"]
        print(f"| {r['engine']} | {r['run']} | {r['jobs']} | {r['ranges'] or '-'} | "
              f"{r['seconds']} | {u.get('rows', {}).get('rows_per_s_per_unit', '-')} | "
              f"{u.get('map', {}).get('rows_per_s_per_unit', '-')} | "
              f"{'yes' if r['same_as_first'] else 'NO'} |")
    return 0 if all(r["same_as_first"] for r in out) else 1


if __name__ == "__main__":
    raise SystemExit(main())
