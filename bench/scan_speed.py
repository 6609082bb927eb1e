"""Scan speed: the same table at 100k and 10M rows; discovery must not read the table.

Builds ``people`` (id, names, email, phone, date of birth, a note) server-side at each
size, scans the database with ``scan_database`` (sample 1000) and prints the wall time
and the ratio large/small (target <= 1.2: sampling costs follow the sample, not the
table). Also times a scan of the employees-shaped sample database. Values have the same
shape at every size (numbers inside emails and notes are taken modulo 100003): a value
with seven digits or more is also checked as a phone number, which would otherwise make
the larger table look slower for a reason that has nothing to do with its size.

    python bench/scan_speed.py --engine postgresql --sizes 100000 10000000
    python bench/scan_speed.py --engine sqlite --sizes 100000 10000000
    python bench/scan_speed.py --engine mariadb --employees 300024
    python bench/scan_speed.py --engine sqlite --sizes --wide 250

Not a test: numbers depend on the machine. Databases are created fresh and dropped.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from piigate.db import normalise_url  # noqa: E402

PG = os.environ.get("PIIGATE_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
MY = os.environ.get("PIIGATE_TEST_MYSQL_URL", "mysql://root@127.0.0.1:3306/test")

FIRST = ["Anna", "Hans", "Marie", "Paul", "Eva", "Karl", "Lucia", "Pedro", "Ines", "Jan"]
DDL = ("CREATE TABLE people (id BIGINT PRIMARY KEY, first_name VARCHAR(20), "
       "last_name VARCHAR(20), email VARCHAR(60), phone VARCHAR(20), born DATE, "
       "note VARCHAR(120))")


def _fill_sql(dialect: str, n: int) -> str:
    if dialect == "postgresql":
        first = "(ARRAY[" + ",".join(f"'{x}'" for x in FIRST) + "])[(g % 10) + 1]"
        return (
            f"INSERT INTO people SELECT g, {first}, 'Name' || (g % 977), "
            "'user' || (g % 100003) || '@example.org', "
            "'+44 20 7946 ' || lpad((g % 10000)::text, 4, '0'), "
            "date '1940-01-01' + (g % 23000)::int, 'Called ' || " + first +
            f" || ' about order ' || (g % 100003) FROM generate_series(1, {n}) g"
        )
    first = "ELT((g % 10) + 1, " + ",".join(f"'{x}'" for x in FIRST) + ")"
    if dialect == "mysql":
        return (
            f"INSERT INTO people SELECT seq, {first.replace('g', 'seq')}, "
            "CONCAT('Name', seq % 977), CONCAT('user', seq % 100003, '@example.org'), "
            "CONCAT('+44 20 7946 ', LPAD(seq % 10000, 4, '0')), "
            "DATE_ADD('1940-01-01', INTERVAL seq % 23000 DAY), "
            f"CONCAT('Called ', {first.replace('g', 'seq')}, ' about order ', seq % 100003) "
            f"FROM seq_1_to_{n}"
        )
    names = "CASE g % 10 " + " ".join(f"WHEN {i} THEN '{x}'" for i, x in enumerate(FIRST)) + " END"
    return (
        f"WITH RECURSIVE c(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM c WHERE g < {n}) "
        f"INSERT INTO people SELECT g, {names}, 'Name' || (g % 977), "
        "'user' || (g % 100003) || '@example.org', "
        "'+44 20 7946 ' || substr('0000' || (g % 10000), -4), "
        "date('1940-01-01', '+' || (g % 23000) || ' days'), "
        f"'Called ' || {names} || ' about order ' || (g % 100003) FROM c"
    )


class Fresh:
    """A fresh database on the engine, dropped on exit."""

    def __init__(self, engine: str, tmp: str) -> None:
        self.engine, self.tmp, self.name = engine, tmp, f"piigate_b_{uuid.uuid4().hex[:10]}"

    def __enter__(self) -> str:
        if self.engine == "sqlite":
            return f"sqlite:///{self.tmp}/{self.name}.sqlite"
        admin = sa.create_engine(normalise_url(PG if self.engine == "postgresql" else MY),
                                 isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            q = '"' if self.engine == "postgresql" else "`"
            c.execute(sa.text(f"CREATE DATABASE {q}{self.name}{q}"))
        self.admin = admin
        base = normalise_url(PG if self.engine == "postgresql" else MY)
        return base.set(database=self.name).render_as_string(hide_password=False)

    def __exit__(self, *exc: object) -> None:
        if self.engine == "sqlite":
            Path(f"{self.tmp}/{self.name}.sqlite").unlink(missing_ok=True)
            return
        with self.admin.connect() as c:
            if self.engine == "postgresql":
                c.execute(sa.text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
            else:
                c.execute(sa.text(f"DROP DATABASE IF EXISTS `{self.name}`"))
        self.admin.dispose()


def build_people(url: str, n: int) -> float:
    engine = sa.create_engine(normalise_url(url))
    t0 = time.perf_counter()
    with engine.begin() as conn:
        conn.execute(sa.text(DDL))
        conn.execute(sa.text(_fill_sql(engine.dialect.name, n)))
        if engine.dialect.name == "postgresql":
            conn.execute(sa.text("ANALYZE people"))
        elif engine.dialect.name == "mysql":
            conn.execute(sa.text("ANALYZE TABLE people"))
    engine.dispose()
    return time.perf_counter() - t0


def settle(url: str) -> None:
    """Let the engine finish its after-load work (vacuum, statistics) before timing."""
    engine = sa.create_engine(normalise_url(url), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(sa.text("VACUUM ANALYZE people"))
        elif engine.dialect.name == "mysql":
            conn.execute(sa.text("ANALYZE TABLE people"))
        conn.execute(sa.text("SELECT count(*) FROM people"))  # warm, comparable caches
    engine.dispose()


def _timed(fn) -> tuple[float, object]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def measure(urls: list[str], sample: int, repeat: int) -> list[dict[str, float]]:
    """Scan each database ``repeat`` times, interleaved (A B A B …) so that load from
    other processes hits every size alike; phases timed separately."""
    from classifiers.engine import default_engine
    from classifiers.sampling import sample_table
    from classifiers.scan import scan_database
    from piigate.db import connect, reflect

    default_engine()  # model loading is not part of the scan
    engines = [connect(u) for u in urls]
    runs: list[dict[str, list[float]]] = [{"reflect": [], "sample": [], "scan": []}
                                          for _ in urls]
    masked = [0] * len(urls)
    try:
        for _ in range(repeat):
            for i, db in enumerate(engines):
                t, inv = _timed(lambda db=db: reflect(db))
                runs[i]["reflect"].append(t)
                info = inv.tables["people"]  # type: ignore[attr-defined]
                t, _ = _timed(lambda db=db, info=info: sample_table(db, info, sample, seed=3))
                runs[i]["sample"].append(t)
                t, result = _timed(lambda db=db: scan_database(db, sample=sample))
                runs[i]["scan"].append(t)
                masked[i] = sum(1 for _, _, r in result.schema.iter_rules()  # type: ignore
                                if r.method != "keep")
    finally:
        for db in engines:
            db.dispose()
    return [{**{k: min(v) for k, v in r.items()}, "scan_median": statistics.median(r["scan"]),
             "masked": masked[i]} for i, r in enumerate(runs)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--engine", choices=["sqlite", "postgresql", "mariadb"], default="sqlite")
    ap.add_argument("--sizes", type=int, nargs="*", default=[100_000, 10_000_000])
    ap.add_argument("--sample", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=5, help="interleaved runs (best kept)")
    ap.add_argument("--employees", type=int, default=0,
                    help="also scan the employees-shaped sample database of this size")
    ap.add_argument("--wide", type=int, default=0,
                    help="also scan a database of this many columns (tables of 10)")
    ap.add_argument("--wide-rows", type=int, default=20_000, help="rows per wide table")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp, contextlib.ExitStack() as stack:
        urls = []
        for n in args.sizes:
            url = stack.enter_context(Fresh(args.engine, tmp))
            build = build_people(url, n)
            settle(url)
            urls.append(url)
            print(f"{args.engine} people {n:>10,} rows built in {build:.1f}s", flush=True)
        results = measure(urls, args.sample, args.repeat) if urls else []
        for n, m in zip(args.sizes, results, strict=True):
            print(f"{args.engine} people {n:>10,} rows, best of {args.repeat}: reflect "
                  f"{m['reflect']:.2f}s, sample the table {m['sample']:.3f}s, whole scan "
                  f"{m['scan']:.2f}s (median {m['scan_median']:.2f}s), "
                  f"{m['masked']:.0f} columns masked", flush=True)
        if len(results) >= 2:
            print(f"{args.engine} ratio {args.sizes[-1]:,}/{args.sizes[0]:,} rows: whole scan "
                  f"{results[-1]['scan'] / results[0]['scan']:.2f}, sampling "
                  f"{results[-1]['sample'] / results[0]['sample']:.2f}")
        if args.wide:
            url = stack.enter_context(Fresh(args.engine, tmp))
            t0 = time.perf_counter()
            build_wide(url, args.wide, args.wide_rows)
            build = time.perf_counter() - t0
            (m,) = measure_db(url, args.sample, args.repeat)
            print(f"{args.engine} wide database ({args.wide} columns, {args.wide_rows:,} rows "
                  f"a table) built in {build:.1f}s; whole scan best of {args.repeat} "
                  f"{m['scan']:.2f}s (median {m['scan_median']:.2f}s), {m['masked']:.0f} "
                  "columns masked", flush=True)
        if args.employees:
            from piigate import sample

            url = stack.enter_context(Fresh(args.engine, tmp))
            t0 = time.perf_counter()
            sample.create(sa.create_engine(normalise_url(url)), args.employees)
            build = time.perf_counter() - t0
            (m,) = measure_db(url, args.sample, args.repeat)
            print(f"{args.engine} employees sample ({args.employees:,} employees) built in "
                  f"{build:.1f}s; whole scan best of {args.repeat} {m['scan']:.2f}s "
                  f"(median {m['scan_median']:.2f}s), {m['masked']:.0f} columns masked")


WIDE_KINDS = ("first_name", "last_name", "email", "phone", "city", "note", "code", "amount",
              "created", "status", "description", "username", "ip")


def _wide_value(kind: str, i: int, rng: random.Random) -> object:
    f, la = rng.choice(FIRST), f"Name{rng.randrange(5000)}"
    return {
        "first_name": f, "last_name": la,
        "email": f"{f.lower()}.{i % 100003}@example.org",
        "phone": f"+44 20 7946 {i % 10000:04d}", "city": f"Town{rng.randrange(800)}",
        "note": f"Called {f} {la} about order {i % 100003}; will follow up next week.",
        "code": f"SKU-{rng.randrange(10**6):06d}", "amount": rng.randrange(10**6),
        "created": dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(9000)),
        "status": rng.choice(["open", "closed", "pending"]),
        "description": f"A {rng.choice(['Sturdy', 'Light', 'Blue'])} Crate For The "
                       f"{rng.choice(['Garden', 'Kitchen', 'Garage'])} Model {i % 997}",
        "username": f"user{i % 100003}",
        "ip": f"81.{i % 250}.{rng.randrange(250)}.{rng.randrange(250)}",
    }[kind]


def build_wide(url: str, columns: int, rows: int) -> None:
    """``columns`` columns in tables of ten (an id and nine others of assorted kinds),
    ``rows`` rows each; values as distinct as real ones (the analysis is per value)."""
    engine = sa.create_engine(normalise_url(url))
    md = sa.MetaData()
    types = {"amount": sa.Integer, "created": sa.Date}
    tables = []
    k = 0
    for t in range(-(-columns // 10)):
        cols = [sa.Column("id", sa.Integer, primary_key=True, autoincrement=False)]
        for j in range(min(9, columns - 10 * t - 1)):
            kind = WIDE_KINDS[k % len(WIDE_KINDS)]
            k += 1
            cols.append(sa.Column(f"{kind}_{j}", types.get(kind, sa.String(120))))
        tables.append(sa.Table(f"wide_{t:03d}", md, *cols))
    md.create_all(engine)
    rng = random.Random(5)
    with engine.begin() as conn:
        for table in tables:
            kinds = [c.name.rsplit("_", 1)[0] for c in table.columns][1:]
            names = [c.name for c in table.columns][1:]
            for start in range(0, rows, 5000):
                conn.execute(table.insert(), [
                    {"id": i, **{n: _wide_value(kd, i, rng) for n, kd in zip(names, kinds,
                                                                              strict=True)}}
                    for i in range(start, min(rows, start + 5000))])
        if engine.dialect.name == "postgresql":
            conn.execute(sa.text("ANALYZE"))
        elif engine.dialect.name == "mysql":
            for table in tables:
                conn.execute(sa.text(f"ANALYZE TABLE {table.name}"))
    engine.dispose()


def measure_db(url: str, sample: int, repeat: int) -> list[dict[str, float]]:
    """Whole-scan times of any database (no ``people`` table needed)."""
    from classifiers.engine import default_engine
    from classifiers.scan import scan_database

    default_engine()
    times, masked = [], 0
    for _ in range(repeat):
        t, result = _timed(lambda: scan_database(url, sample=sample))
        times.append(t)
        masked = sum(1 for _, _, r in result.schema.iter_rules()  # type: ignore[attr-defined]
                     if r.method != "keep")
    return [{"scan": min(times), "scan_median": statistics.median(times), "masked": masked}]


if __name__ == "__main__":
    main()
