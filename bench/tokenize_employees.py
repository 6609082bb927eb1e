#!/usr/bin/env python3
"""Tokenization benchmark: PII Gate's writer vs the seed's method vs a plain copy.

Run by hand (never from the test suite)::

    .venv/bin/python bench/tokenize_employees.py --engine all --employees 3000

For each engine the employees shape (``piigate.sample``, no extras) is generated once
into a template database; each contender then runs in a child process of its own on a
fresh copy of it, so that its peak memory (``VmHWM`` of that child, read by the child
itself; ``ru_maxrss`` is kept as a cross-check but on Linux it also carries the
parent's peak from before ``exec``) and its time are its own. The seed's method can run
on a smaller data set (``--seed-fraction``); its time is then extrapolated linearly in
rows, and the report says so. Results go to ``bench/results/`` as JSON and as a markdown table.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import json
import os
import platform
import pstats
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_dbs  # noqa: E402
from bench_dbs import BENCH_TABLES, FULL_SIZE_COUNTS, BenchDb  # noqa: E402

RESULTS = HERE / "results"
ENGINES = ("sqlite", "postgresql", "mariadb")
CONTENDER_ORDER = ("floor", "ours", "copy", "ours-update", "ours-names", "pganonymize",
                   "pynonymizer", "seed")
PEERS = ("pganonymize", "pynonymizer")
NAMES_JOB = ("ours-names", *PEERS)  # names and birth dates only, employees alone
TARGET_FLOOR_RATIO = 1.3
TARGET_SPEEDUP = 20.0
TARGET_COPY_RATIO = 2.0
TARGET_RSS_MB = 500.0


# -- the child process ---------------------------------------------------------------


def _status_kb(field: str) -> int:
    """A memory figure of this process from /proc (VmRSS now, VmHWM its peak)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def worker(name: str, db: BenchDb, out: Path, profile: Path | None) -> None:
    """Run one contender and write its facts to ``out`` (time excludes start-up)."""
    from contenders import CONTENDERS, SETUPS

    import piigate.plan  # noqa: F401 - imports are start-up, not work

    if name == "seed":
        import pandas  # noqa: F401
    fn = CONTENDERS[name]
    setup_facts = SETUPS[name](db) if name in SETUPS else {}  # untimed (floor's maps)
    baseline_kb = _status_kb("VmRSS")
    prof = cProfile.Profile() if profile else None
    t0 = time.perf_counter()
    if prof:
        prof.enable()
    facts = fn(db)
    facts.update(setup_facts)
    if prof:
        prof.disable()
    seconds = time.perf_counter() - t0
    # VmHWM is the peak of this process image only. ru_maxrss (self, or the parent's
    # RUSAGE_CHILDREN / wait4) also carries the parent's peak from before exec on Linux.
    facts.update(seconds=seconds, baseline_rss_kb=baseline_kb, hwm_kb=_status_kb("VmHWM"),
                 self_maxrss_kb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    if prof and profile:
        profile.write_text(_profile_text(prof, seconds))
    out.write_text(json.dumps(facts, indent=2, default=str))


def _profile_text(prof: cProfile.Profile, seconds: float) -> str:
    parts = [f"wall time under the profiler: {seconds:.1f} s\n"]
    for key in ("tottime", "cumulative"):
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).strip_dirs().sort_stats(key).print_stats(15)
        parts.append(f"=== top 15 by {key} ===\n" + buf.getvalue())
    return "\n".join(parts)


# -- the parent ----------------------------------------------------------------------


def run_child(name: str, db: BenchDb, workdir: Path, profile: Path | None) -> dict[str, Any]:
    """Run a contender in a child process; its time, peak RSS and facts."""
    out = workdir / f"{db.name}_{db.engine}.json"
    log = workdir / f"{db.name}_{db.engine}.log"
    out.unlink(missing_ok=True)
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", name,
           "--worker-db", json.dumps(db.__dict__), "--worker-out", str(out)]
    if profile:
        cmd += ["--worker-profile", str(profile)]
    t0 = time.perf_counter()
    with log.open("w") as logf:
        proc = subprocess.Popen(cmd, stdout=logf, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - t0
    if proc.returncode != 0 or not out.exists():
        tail = log.read_text()[-2000:]
        return {"status": "failed", "error": f"exit {proc.returncode}", "log_tail": tail}
    facts = json.loads(out.read_text())
    facts.update(status="ok", child_wall_seconds=wall, peak_rss_mb=facts["hwm_kb"] / 1024,
                 wait4_maxrss_mb=usage.ru_maxrss / 1024)
    return facts


def run_contender(name: str, engine: str, template: BenchDb, rows: int, args: argparse.Namespace,
                  workdir: Path) -> dict[str, Any]:
    if name == "ours":
        from contenders import ours_available

        why = ours_available()
        if why:
            return {"status": "not available", "error": why}
    if name in PEERS:
        import peers

        peers.ensure_venv()
    # per-run names: two runs of the harness at once must not share a contender's copy
    db = bench_dbs.db_for(engine, f"piigate_bench_{name.replace('-', '_')}_{os.getpid()}",
                          workdir)
    bench_dbs.clone(template, db)
    profile = None
    if name == "ours" and args.profile:
        profile = RESULTS / f"profile_ours_{engine}_{args.employees}.txt"
    try:
        load = os.getloadavg()[0]  # other work on the 2-core machine skews seconds
        res = run_child(name, db, workdir, profile)
        res["load_1min_before"] = load
        if res["status"] == "ok":
            res["rows_processed"] = rows
            res["rows_per_s"] = rows / res["seconds"] if res["seconds"] > 0 else None
            res["counts_after"] = bench_dbs.counts(db, BENCH_TABLES)
            res["integrity_after"] = bench_dbs.integrity(db)
        res["template"] = template.name
        if profile:
            res["profile_file"] = str(profile.relative_to(HERE.parent))
        return res
    finally:
        if not args.keep:
            bench_dbs.drop(db)


def _ratios(res: dict[str, dict[str, Any]], seed_scale: float, full_rows: int,
            subset_employees: int) -> dict[str, Any]:
    ours, seed, copy = (res.get(k, {}) for k in ("ours", "seed", "copy"))
    out: dict[str, Any] = {}
    if seed.get("status") == "ok":
        seed["extrapolated_seconds"] = seed["seconds"] * seed_scale
        seed["extrapolated"] = seed_scale != 1.0
        seed["extrapolated_rows"] = full_rows
        seed["subset_employees"] = subset_employees
    if ours.get("status") == "ok" and seed.get("status") == "ok":
        out["speedup_vs_seed"] = seed["extrapolated_seconds"] / ours["seconds"]
        out["speedup_target_met"] = out["speedup_vs_seed"] >= TARGET_SPEEDUP
    if ours.get("status") == "ok" and copy.get("status") == "ok":
        out["time_vs_copy"] = ours["seconds"] / copy["seconds"]
        out["copy_target_met"] = out["time_vs_copy"] <= TARGET_COPY_RATIO
    if ours.get("status") == "ok":
        out["ours_rss_target_met"] = ours["peak_rss_mb"] < TARGET_RSS_MB
    floor = res.get("floor", {})
    if ours.get("status") == "ok" and floor.get("status") == "ok":
        out["time_vs_floor"] = ours["seconds"] / floor["seconds"]
        out["floor_target_met"] = out["time_vs_floor"] <= TARGET_FLOOR_RATIO
    names = res.get("ours-names", {})
    for peer in PEERS:
        p = res.get(peer, {})
        if names.get("status") == "ok" and p.get("status") == "ok":
            out[f"{peer}_vs_ours_names"] = p["seconds"] / names["seconds"]
    return out


def run_engine(engine: str, args: argparse.Namespace, workdir: Path) -> dict[str, Any]:
    n = args.employees
    print(f"[{engine}] generating/reusing {n} employees ...", flush=True)
    template = bench_dbs.db_for(engine, f"piigate_bench_tpl_{n}", workdir)
    counts, gen_s = bench_dbs.ensure_data(template, n, args.reuse_data)
    rows = sum(counts[t] for t in BENCH_TABLES)
    out: dict[str, Any] = {"engine": engine, "server": bench_dbs.server_version(engine),
                           "counts": counts, "rows": rows, "generate_seconds": gen_s,
                           "contenders": {}}
    seed_template, seed_rows, seed_scale, seed_n = template, rows, 1.0, n
    if "seed" in args.contenders and args.seed_fraction < 1.0:
        m = seed_n = max(100, round(n * args.seed_fraction))
        seed_template = bench_dbs.db_for(engine, f"piigate_bench_tpl_{m}", workdir)
        seed_counts, _ = bench_dbs.ensure_data(seed_template, m, args.reuse_data)
        seed_rows = sum(seed_counts[t] for t in BENCH_TABLES)
        seed_scale = rows / seed_rows
        out["seed_subset"] = {"employees": m, "counts": seed_counts, "rows": seed_rows,
                              "scale": seed_scale}
    if args.prepare_only:
        print(f"[{engine}] data ready: {out}", flush=True)
        return out
    for name in CONTENDER_ORDER:
        if name not in args.contenders:
            continue
        if name in PEERS:
            import peers

            if peers.available(name, engine):
                continue  # a peer without this engine: no row
        tpl, r = (seed_template, seed_rows) if name == "seed" else (template, rows)
        if name in NAMES_JOB:
            r = counts["employees"]  # the names-and-dates job touches one table
        print(f"[{engine}] {name} ...", flush=True)
        res = run_contender(name, engine, tpl, r, args, workdir)
        out["contenders"][name] = res
        print(f"[{engine}] {name}: {res['status']} "
              f"{res.get('seconds', 0):.1f} s, {res.get('peak_rss_mb', 0):.0f} MB", flush=True)
    out["ratios"] = _ratios(out["contenders"], seed_scale, rows, seed_n)
    if not args.keep_data:
        bench_dbs.drop(template)
        if seed_template is not template:
            bench_dbs.drop(seed_template)
    return out


def _git_state() -> dict[str, Any]:
    """The commit measured, and whether piigate/ had uncommitted changes (shared tree)."""
    def git(*a: str) -> str:
        return subprocess.run(["git", *a], cwd=HERE.parent, capture_output=True,
                              text=True).stdout.strip()

    return {"commit": git("rev-parse", "--short", "HEAD"),
            "piigate_dirty": git("status", "--short", "--", "piigate")}


def machine() -> dict[str, Any]:
    import pandas
    import sqlalchemy

    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kb = int(Path("/proc/meminfo").read_text().split()[1])
    try:
        from importlib.metadata import version

        ff3_version = version("ff3")
    except Exception:  # noqa: BLE001
        ff3_version = "?"
    return {"cores": os.cpu_count(), "cpu": cpu, **_git_state(),
            "memory_gb": round(mem_kb / 2**20, 1),
            "python": platform.python_version(), "sqlalchemy": sqlalchemy.__version__,
            "pandas": pandas.__version__, "ff3": ff3_version}


# -- report --------------------------------------------------------------------------


def _fmt_rows(v: float | None) -> str:
    return "-" if v is None else f"{v:,.0f}"


def _contender_row(engine: str, name: str, r: dict[str, Any]) -> str:
    if r.get("status") != "ok":
        why = f"{r.get('status')}: {r.get('error', '')}"
        return f"| {engine} | {name} | - | - | - | - | - | {why} |"
    secs, rows = r["seconds"], r["rows_processed"]
    note = []
    if r.get("extrapolated"):
        note.append(f"extrapolated: measured {secs:.1f} s on {rows:,} rows "
                    f"({r['subset_employees']:,} employees)")
        secs, rows = r["extrapolated_seconds"], r["extrapolated_rows"]
    rows_s = r["rows_per_s"]  # the measured rate; extrapolation keeps it
    integ = r.get("integrity_after", {})
    orphans = sum(integ.get("orphans", {}).values())
    if r.get("profile_file"):
        note.append("under cProfile: slower than unprofiled")
    if r.get("left_in_clear"):
        note.append(f"{r['left_in_clear']} names left in clear")
    mem = f"{r['peak_rss_mb']:.0f}" + (" (at subset)" if r.get("extrapolated") else "")
    return (f"| {engine} | {name} | {rows:,} | {secs:,.1f} | {_fmt_rows(rows_s)} | "
            f"{mem} | {integ.get('foreign_keys', '-')} / {orphans} | {'; '.join(note)} |")


def _met(ok: bool) -> str:
    return "met" if ok else "MISSED"


def _ratio_cell(ratios: dict[str, Any], key: str, met: str, fmt: str) -> str:
    if key not in ratios:
        return "-"
    return f"{fmt.format(ratios[key])} ({_met(ratios[met])})"


def markdown(report: dict[str, Any]) -> str:
    lines = [
        "| engine | contender | rows | seconds | rows/s | peak RSS MB | FKs / orphans after "
        "| notes |",
        "| --- | --- | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for e in report["engines"]:
        for name in CONTENDER_ORDER:
            if name in e["contenders"]:
                lines.append(_contender_row(e["engine"], name, e["contenders"][name]))
    lines += ["", "| engine | ours / floor (<= 1.3x) | ours / copy time | ours vs seed "
              "(speed-up) | ours peak RSS < 500 MB | peers / ours-names (names and dates) |",
              "| --- | ---: | ---: | ---: | --- | --- |"]
    for e in report["engines"]:
        r = e["ratios"]
        speed = _ratio_cell(r, "speedup_vs_seed", "speedup_target_met", "{:.1f}x")
        copy = "-" if "time_vs_copy" not in r else f"{r['time_vs_copy']:.2f}x"
        floor = _ratio_cell(r, "time_vs_floor", "floor_target_met", "{:.2f}x")
        rss = "-" if "ours_rss_target_met" not in r else _met(r["ours_rss_target_met"])
        peers = ", ".join(f"{p} {r[p + '_vs_ours_names']:.1f}x slower" for p in PEERS
                          if p + "_vs_ours_names" in r) or "-"
        lines.append(f"| {e['engine']} | {floor} | {copy} | {speed} | {rss} | {peers} |")
    return "\n".join(lines) + "\n"


def sizes_line(report: dict[str, Any]) -> str:
    parts = []
    for e in report["engines"][:1]:
        c = e["counts"]
        parts.append(", ".join(f"{t} {c[t]:,}" for t in c))
        if e["counts"]["employees"] == FULL_SIZE_COUNTS["employees"]:
            dev = ", ".join(f"{t} {100 * (c[t] - FULL_SIZE_COUNTS[t]) / FULL_SIZE_COUNTS[t]:+.2f}%"
                            for t in c)
            parts.append(f"vs the original sample: {dev}")
    return "; ".join(parts)


# -- command line --------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--engine", choices=[*ENGINES, "all"], default="all")
    p.add_argument("--employees", type=int, default=FULL_SIZE_COUNTS["employees"])
    p.add_argument("--contenders", default="ours,seed,copy",
                   help="comma-separated subset of " + ",".join(CONTENDER_ORDER))
    p.add_argument("--skip-seed", action="store_true", help="do not run the seed's method")
    p.add_argument("--seed-fraction", type=float, default=1.0,
                   help="run the seed's method on this fraction of the employees and "
                        "extrapolate its time linearly in rows (e.g. 0.1)")
    p.add_argument("--reuse-data", action="store_true",
                   help="reuse an existing template database of the same size")
    p.add_argument("--keep-data", action="store_true", help="keep the template databases")
    p.add_argument("--prepare-only", action="store_true",
                   help="only generate the template databases (kept) for a later --reuse-data")
    p.add_argument("--keep", action="store_true", help="keep the contenders' databases")
    p.add_argument("--profile", action="store_true",
                   help="profile ours with cProfile (top 15) into bench/results/; "
                        "its time is then inflated, so profile in a separate run")
    p.add_argument("--workdir", type=Path, default=RESULTS / "work")
    p.add_argument("--worker", help=argparse.SUPPRESS)
    p.add_argument("--worker-db", help=argparse.SUPPRESS)
    p.add_argument("--worker-out", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--worker-profile", type=Path, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    names = [c.strip() for c in args.contenders.split(",") if c.strip()]
    if args.skip_seed and "seed" in names:
        names.remove("seed")
    bad = set(names) - set(CONTENDER_ORDER)
    if bad:
        p.error(f"unknown contender(s): {', '.join(sorted(bad))}")
    if not 0 < args.seed_fraction <= 1:
        p.error("--seed-fraction must be in (0, 1]")
    args.contenders = names
    if args.prepare_only:
        args.keep_data = True
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.worker:
        worker(args.worker, BenchDb(**json.loads(args.worker_db)), args.worker_out,
               args.worker_profile)
        return 0
    # bench/results/ is git-ignored, so a fresh clone has none
    RESULTS.mkdir(parents=True, exist_ok=True)
    args.workdir.mkdir(parents=True, exist_ok=True)
    engines = list(ENGINES) if args.engine == "all" else [args.engine]
    started = dt.datetime.now(dt.UTC)
    report: dict[str, Any] = {
        "started": started.isoformat(timespec="seconds"),
        "command": "python bench/tokenize_employees.py " + " ".join(sys.argv[1:] if argv is None
                                                                    else argv),
        "employees": args.employees, "seed_fraction": args.seed_fraction,
        "machine": machine(), "engines": [],
    }
    for engine in engines:
        report["engines"].append(run_engine(engine, args, args.workdir))
    if args.prepare_only:
        return 0
    report["finished"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    stamp = started.strftime("%Y%m%dT%H%M%SZ")
    base = RESULTS / f"tokenize_{args.engine}_{args.employees}_{stamp}"
    base.with_suffix(".json").write_text(json.dumps(report, indent=2, default=str))
    md = markdown(report)
    base.with_suffix(".md").write_text(
        f"Command: `{report['command']}`\n\nSizes: {sizes_line(report)}\n\n{md}")
    print(md)
    print(f"sizes: {sizes_line(report)}")
    print(f"results: {base.with_suffix('.json')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
