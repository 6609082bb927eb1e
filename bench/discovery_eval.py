"""Discovery on real schemas: recall and precision against hand labels (issue #10).

Builds each corpus database (``bench/corpus``: real schemas, generated values, one label
per column), runs the scanner in-process the way ``piigate scan`` does
(``classifiers.scan.scan_database``), and scores it: a column is *flagged* when its
proposed method is not ``keep``; ``yes`` columns kept are misses, ``no`` columns flagged
are false alarms, ``may`` columns (keys of tables about people) count for neither. In
the same run, Presidio's defaults on the same databases as a baseline (a blank spaCy
pipeline, the stock recognizers, no column names; a column is flagged when any entity
scores >= 0.3 in >= 30% of its distinct sampled values, the rule of
``tests/fixtures/eval_db.py``). Beside the overall figures, a 95% interval from
resampling the databases (``interval``): how far the figure moves with the schemas drawn.

    python bench/discovery_eval.py                       # SQLite, every tuning schema, both
    python bench/discovery_eval.py --engine postgresql --only mastodon,chatwoot
    python bench/discovery_eval.py --no-presidio --markdown docs/discovery-corpus.md

Not a test (the classifiers are being changed); ``tests/integration/test_discovery_corpus.py``
checks that it runs end to end and that every column is labelled.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import hashlib
import importlib
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpus.gen import build  # noqa: E402
from bench.corpus.schemas import HELDOUT, NAMES  # noqa: E402
from piigate.db import normalise_url  # noqa: E402

LABELS_DIR = ROOT / "bench" / "corpus" / "labels"
HELDOUT_DIR = ROOT / "bench" / "corpus" / "heldout"  # held-out schemas, outside the checksum
SERVERS = {
    "postgresql": os.environ.get("PIIGATE_TEST_PG_URL",
                                 "postgresql://postgres@127.0.0.1:5432/postgres"),
    "mysql": os.environ.get("PIIGATE_TEST_MYSQL_URL", "mysql://root@127.0.0.1:3306/test"),
}
Key = tuple[str, str]


@dataclass(frozen=True)
class Label:
    personal: str  # yes | no | may
    category: str
    note: str


def schema_module(name: str) -> ModuleType:
    return importlib.import_module(f"bench.corpus.schemas.{name}")


def load_labels(name: str) -> dict[Key, Label]:
    path = (HELDOUT_DIR if name in HELDOUT else LABELS_DIR) / f"{name}.csv"
    with open(path, newline="", encoding="utf-8") as f:
        out = {(r["table"], r["column"]): Label(r["personal"], r["category"], r["note"])
               for r in csv.DictReader(f)}
    bad = {k: v.personal for k, v in out.items() if v.personal not in ("yes", "no", "may")}
    if bad:
        raise ValueError(f"labels/{name}.csv: personal must be yes, no or may: {bad}")
    return out


def label_checksum() -> str:
    """SHA-256 of the label files concatenated in file-name order (as in the README)."""
    h = hashlib.sha256()
    for path in sorted(LABELS_DIR.glob("*.csv")):
        h.update(path.read_bytes())
    return h.hexdigest()


def unlabelled(name: str) -> tuple[set[Key], set[Key]]:
    """(columns of the schema without a label, labels without a column)."""
    md = schema_module(name).metadata()
    cols = {(t.name, c.name) for t in md.tables.values() for c in t.columns}
    labels = set(load_labels(name))
    return cols - labels, labels - cols


# ---------------------------------------------------------------------------- databases

@contextlib.contextmanager
def corpus_database(name: str, engine_name: str, workdir: Path,
                    seed: int = 1) -> Iterator[str]:
    """A fresh database holding corpus schema ``name``; dropped afterwards."""
    md = schema_module(name).metadata()
    if engine_name == "sqlite":
        url = f"sqlite:///{workdir / f'{name}.sqlite'}"
        eng = sa.create_engine(url)
        try:
            build(eng, md, seed)
        finally:
            eng.dispose()
        yield url
        return
    admin = sa.create_engine(normalise_url(SERVERS[engine_name]), isolation_level="AUTOCOMMIT")
    db = f"piigate_corpus_{name}_{uuid.uuid4().hex[:8]}"
    with admin.connect() as c:
        c.execute(sa.text(f'CREATE DATABASE "{db}"' if engine_name == "postgresql" else
                          f"CREATE DATABASE `{db}` CHARACTER SET utf8mb4"))
    url = normalise_url(SERVERS[engine_name]).set(database=db).render_as_string(
        hide_password=False)
    try:
        eng = sa.create_engine(url)
        try:
            build(eng, md, seed)
            if engine_name == "postgresql":
                with eng.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
                    c.execute(sa.text("ANALYZE"))  # row estimates drive sampling
        finally:
            eng.dispose()
        yield url
    finally:
        with admin.connect() as c:
            c.execute(sa.text(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)'
                              if engine_name == "postgresql" else
                              f"DROP DATABASE IF EXISTS `{db}`"))
        admin.dispose()


# ---------------------------------------------------------------------------- scoring

@dataclass
class Score:
    name: str
    method: str
    labels: dict[Key, Label]
    flagged: set[Key]
    seconds: float = 0.0
    unscanned: dict[str, str] = field(default_factory=dict)

    def _keys(self, personal: str) -> set[Key]:
        return {k for k, v in self.labels.items() if v.personal == personal}

    @property
    def tp(self) -> int:
        return len(self._keys("yes") & self.flagged)

    @property
    def fn(self) -> int:
        return len(self._keys("yes") - self.flagged)

    @property
    def fp(self) -> int:
        return len(self._keys("no") & self.flagged)

    @property
    def may_masked(self) -> int:
        return len(self._keys("may") & self.flagged)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    def misses(self) -> list[tuple[Key, Label]]:
        return sorted((k, self.labels[k]) for k in self._keys("yes") - self.flagged)

    def false_alarms(self) -> list[tuple[Key, Label]]:
        return sorted((k, self.labels[k]) for k in self._keys("no") & self.flagged)


def combine(scores: list[Score], method: str) -> Score:
    labels: dict[Key, Label] = {}
    flagged: set[Key] = set()
    for s in scores:
        labels.update({(f"{s.name}.{t}", c): v for (t, c), v in s.labels.items()})
        flagged |= {(f"{s.name}.{t}", c) for t, c in s.flagged}
    return Score("overall", method, labels, flagged, sum(s.seconds for s in scores))


def interval(scores: list[Score], rounds: int = 2000, seed: int = 0
             ) -> tuple[tuple[float, float], tuple[float, float]]:
    """95% intervals of overall recall and precision, databases resampled with replacement.

    Columns of one database are not independent draws (one schema's habits decide many of
    them), so the database is the unit: each round draws as many databases as there are,
    with replacement, and pools their counts. With eight databases this is rough, but it
    says how far one more schema could move the figure, which the point estimate hides.
    """
    rng = random.Random(seed)
    counts = [(s.tp, s.fn, s.fp) for s in scores]
    recalls, precisions = [], []
    for _ in range(rounds):
        tp, fn, fp = map(sum, zip(*(rng.choice(counts) for _ in counts), strict=True))
        recalls.append(tp / (tp + fn) if tp + fn else 1.0)
        precisions.append(tp / (tp + fp) if tp + fp else 1.0)

    def bounds(xs: list[float]) -> tuple[float, float]:
        xs.sort()
        return xs[int(0.025 * (len(xs) - 1))], xs[int(0.975 * (len(xs) - 1))]

    return bounds(recalls), bounds(precisions)


def intervals_markdown(results: dict[str, list[Score]]) -> str:
    lines = []
    for m, scores in results.items():
        total = combine(scores, m)
        (rlo, rhi), (plo, phi) = interval(scores)
        lines.append(f"{m}: recall {total.recall:.3f} (95% interval {rlo:.3f}-{rhi:.3f}), "
                     f"precision {total.precision:.3f} ({plo:.3f}-{phi:.3f}); "
                     f"{len(scores)} databases resampled, 2000 rounds")
    return "\n".join(lines)


# ---------------------------------------------------------------------------- methods

def scan_flagged(url: str, sample: int) -> tuple[set[Key], dict[str, str]]:
    """Columns the PII Gate proposal masks (method not ``keep``), and unscanned tables."""
    from classifiers.scan import scan_database

    result = scan_database(url, sample=sample)
    flagged = {(t, c) for t, c, r in result.schema.iter_rules() if r.method != "keep"}
    return flagged, dict(result.failed_tables)


def presidio_flagged(url: str, sample: int) -> tuple[set[Key], dict[str, str]]:
    """Presidio's defaults on the same samples (rule in the module docstring)."""
    from tests.fixtures.eval_db import presidio_default_predictions

    return presidio_default_predictions(url, sample=sample), {}


_BEFORE_SCRIPT = """
import json, sys
from classifiers.scan import scan_database
r = scan_database(sys.argv[1], sample=int(sys.argv[2]))
print(json.dumps({"flagged": sorted([t, c] for t, c, x in r.schema.iter_rules()
                                    if x.method != "keep"),
                  "failed": dict(r.failed_tables)}))
"""


@contextlib.contextmanager
def scanner_at(ref: str) -> Iterator[Callable[[str, int], tuple[set[Key], dict[str, str]]]]:
    """The scanner as it was at git ``ref`` (exported to a temporary tree, run in a child
    process on the same database): the "before" column of the report."""
    with tempfile.TemporaryDirectory(prefix="piigate-before-") as tree:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "classifiers",
                                  "piigate"], capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", tree], input=archive, check=True)

        def run(url: str, sample: int) -> tuple[set[Key], dict[str, str]]:
            env = {**os.environ, "PYTHONPATH": tree}
            proc = subprocess.run([sys.executable, "-c", _BEFORE_SCRIPT, url, str(sample)],
                                  capture_output=True, text=True, env=env, cwd=tree)
            if proc.returncode != 0:
                # the old scanner may end in a traceback: nothing flagged, the reason kept
                last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
                return set(), {"*": f"scan failed: {last[:200]}"}
            out = json.loads(proc.stdout.strip().splitlines()[-1])
            return {(t, c) for t, c in out["flagged"]}, out["failed"]

        yield run


METHODS: dict[str, Callable[[str, int], tuple[set[Key], dict[str, str]]]] = {
    "piigate": scan_flagged, "presidio": presidio_flagged}


def evaluate(names: list[str], engine_name: str = "sqlite", sample: int = 1000,
             presidio_sample: int | None = 200, seed: int = 1,
             log: Callable[[str], None] = print,
             before: list[str] | None = None) -> dict[str, list[Score]]:
    """Build each database once, run each method on it; scores per method. ``before``:
    git refs whose scanner runs beside (method ``piigate@<ref>``)."""
    methods = dict(METHODS)
    out: dict[str, list[Score]] = {m: [] for m in METHODS
                                   if m == "piigate" or presidio_sample}
    with contextlib.ExitStack() as stack:
        for ref in before or []:
            methods[f"piigate@{ref}"] = stack.enter_context(scanner_at(ref))
            out[f"piigate@{ref}"] = []
        return _evaluate(names, engine_name, sample, presidio_sample, seed, log, methods,
                         out)


def _evaluate(names: list[str], engine_name: str, sample: int, presidio_sample: int | None,
              seed: int, log: Callable[[str], None],
              methods: dict[str, Callable[[str, int], tuple[set[Key], dict[str, str]]]],
              out: dict[str, list[Score]]) -> dict[str, list[Score]]:
    with tempfile.TemporaryDirectory(prefix="piigate-corpus-") as tmp:
        for name in names:
            labels = load_labels(name)
            t0 = time.perf_counter()
            with corpus_database(name, engine_name, Path(tmp), seed) as url:
                log(f"{name}: built in {time.perf_counter() - t0:.1f}s")
                for method in out:
                    n = int(presidio_sample or 0) if method == "presidio" else sample
                    t1 = time.perf_counter()
                    flagged, unscanned = methods[method](url, n)
                    s = Score(name, method, labels, flagged, time.perf_counter() - t1,
                              unscanned)
                    out[method].append(s)
                    log(f"  {method:9} recall {s.recall:.3f} precision {s.precision:.3f} "
                        f"(tp {s.tp}, fn {s.fn}, fp {s.fp}, may masked {s.may_masked}) "
                        f"{s.seconds:.1f}s" + (f" UNSCANNED {sorted(unscanned)}"
                                               if unscanned else ""))
    return out


# ---------------------------------------------------------------------------- report

def code_version() -> str:
    """The commit, and the tree id of ``classifiers/``: the scanner's code exactly (the same
    tree id means the same scanner whatever else the commit changed)."""
    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True,
                                  text=True, check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return "unknown"
    dirty = " (modified)" if git("status", "--porcelain", "--", "classifiers") else ""
    return f"{git('rev-parse', '--short', 'HEAD')}, classifiers tree " \
           f"{git('rev-parse', '--short', 'HEAD:classifiers')}{dirty}"


def table_markdown(results: dict[str, list[Score]]) -> str:
    methods = list(results)
    head = "| database | columns (yes / may / no) |"
    rule = "| --- | --- |"
    for m in methods:
        head += f" {m} recall | {m} precision |"
        rule += " --- | --- |"
    lines = [head, rule]
    rows = list(zip(*results.values(), strict=True))
    for group in rows + [tuple(combine(results[m], m) for m in methods)]:
        s0 = group[0]
        counts = Counter(v.personal for v in s0.labels.values())
        line = f"| {s0.name} | {len(s0.labels)} ({counts['yes']} / {counts['may']} / " \
               f"{counts['no']}) |"
        for s in group:
            line += f" {s.recall:.3f} ({s.tp}/{s.tp + s.fn}) | {s.precision:.3f} " \
                    f"({s.fp} false) |"
        lines.append(line)
    return "\n".join(lines)


def categories_markdown(results: dict[str, list[Score]]) -> str:
    """Per label category: how many ``yes`` columns each method found, how many ``no``
    columns it flagged."""
    combined = {m: combine(s, m) for m, s in results.items()}
    first = next(iter(combined.values()))
    cats: dict[tuple[str, str], list[Key]] = {}
    for k, v in first.labels.items():
        if v.personal != "may":
            cats.setdefault((v.personal, v.category), []).append(k)
    head = "| label | category | columns |" + "".join(f" {m} flagged |" for m in combined)
    lines = [head, "| --- | --- | --- |" + " --- |" * len(combined)]
    for (personal, cat), keys in sorted(cats.items(), key=lambda kv: (kv[0][0] != "yes",
                                                                      -len(kv[1]), kv[0][1])):
        line = f"| {personal} | {cat} | {len(keys)} |"
        for s in combined.values():
            line += f" {len(set(keys) & s.flagged)} |"
        lines.append(line)
    return "\n".join(lines)


def save_results(results: dict[str, list[Score]], path: str) -> None:
    data = {m: [{"name": s.name, "seconds": s.seconds, "unscanned": s.unscanned,
                 "flagged": sorted(s.flagged)} for s in scores]
            for m, scores in results.items()}
    Path(path).write_text(json.dumps(data, indent=1), encoding="utf-8")


def load_results(path: str) -> dict[str, list[Score]]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {m: [Score(d["name"], m, load_labels(d["name"]), {tuple(k) for k in d["flagged"]},
                      d["seconds"], d["unscanned"]) for d in scores]  # type: ignore[misc]
            for m, scores in data.items()}


def errors_markdown(score: Score, limit: int | None = None) -> str:
    out = []
    for title, items in (("misses", score.misses()), ("false alarms", score.false_alarms())):
        by_cat = Counter(v.category for _, v in items)
        out.append(f"{title} ({len(items)}), by label category: "
                   + ", ".join(f"{c} {n}" for c, n in by_cat.most_common()))
        shown = items if limit is None else items[:limit]
        out.append("  " + ", ".join(f"{t}.{c} [{v.category}]" for (t, c), v in shown)
                   + (" …" if limit is not None and len(items) > limit else ""))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    p.add_argument("--engine", choices=("sqlite", "postgresql", "mysql"), default="sqlite")
    p.add_argument("--only", help=f"comma-separated corpus names (default: all {len(NAMES)} "
                   "tuning schemas; the held-out ones, "
                   f"{', '.join(HELDOUT) or 'none now'}, only when named)")
    p.add_argument("--sample", type=int, default=1000, help="scanner sample (default 1000)")
    p.add_argument("--presidio-sample", type=int, default=200,
                   help="rows sampled for the Presidio baseline (default 200: it is slow)")
    p.add_argument("--no-presidio", action="store_true", help="skip the Presidio baseline")
    p.add_argument("--before", action="append", default=[], metavar="REF",
                   help="also run the scanner as it was at this git commit (repeatable)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--markdown", help="also write the results table to this file")
    p.add_argument("--save", help="write the flagged columns per method to this JSON file")
    p.add_argument("--load", help="re-render the report from a --save file, no scan")
    args = p.parse_args(argv)
    names = args.only.split(",") if args.only else list(NAMES)
    unknown = [n for n in names if n not in NAMES + HELDOUT]
    if unknown:
        p.error(f"unknown corpus name(s) {unknown}; known: {', '.join(NAMES + HELDOUT)}")
    for n in names:
        missing, extra = unlabelled(n)
        if missing or extra:
            p.error(f"labels/{n}.csv does not match the schema: unlabelled {sorted(missing)}, "
                    f"no such column {sorted(extra)}")
    checksum = label_checksum()
    version = code_version()
    print(f"labels sha256 {checksum}  (code at {version}, engine {args.engine})")
    if args.load:
        results = load_results(args.load)
    else:
        results = evaluate(names, args.engine, args.sample,
                           None if args.no_presidio else args.presidio_sample, args.seed,
                           before=args.before)
    if args.save:
        save_results(results, args.save)
    table = table_markdown(results)
    cats = categories_markdown(results)
    spread = intervals_markdown(results)
    print()
    print(table)
    print()
    print(spread)
    print()
    print(cats)
    for method, scores in results.items():
        print(f"\n{method}, overall:")
        print(errors_markdown(combine(scores, method)))
    if args.markdown:
        details = "\n\n".join(f"{m}:\n\n```\n{errors_markdown(combine(s, m))}\n```"
                              for m, s in results.items())
        Path(args.markdown).write_text(
            f"labels sha256 `{checksum}`, code at {version}, engine {args.engine}, "
            f"sample {args.sample}, Presidio sample {args.presidio_sample}\n\n{table}\n\n"
            f"{spread}\n\n{cats}\n\n{details}\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
