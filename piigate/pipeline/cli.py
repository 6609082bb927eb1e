"""``piigate demo`` and ``piigate run``: the whole pipeline from the command line.

Imports of the pipeline, discovery and Rich live inside the command functions so that
``piigate --help`` stays fast.
"""

from __future__ import annotations

import argparse
import contextlib
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..console import RenamedFlag, print_error

if TYPE_CHECKING:
    from .record import StepTiming
    from .runner import Options, Pipeline

DEMO_OUT = "piigate-demo"
RUN_OUT = "piigate-run"
DEMO_EMPLOYEES = 2000


def register(subparsers: Any) -> None:
    """Add ``demo`` and ``run`` to the ``piigate`` command."""
    p = subparsers.add_parser(
        "demo", help="build a sample database and run the whole pipeline on it",
        description="Build a realistic sample database, then restore, scan, propose, review, "
                    "tokenize, verify, share, import it into a pre-production database, "
                    "and write a report. Unattended unless --review.")
    p.add_argument("--db", help="where to build the sample (default: SQLite in --out); a "
                   "PostgreSQL or MariaDB URL names a database the demo may (re)create")
    p.add_argument("--out", default=DEMO_OUT, help=f"output folder (default: ./{DEMO_OUT})")
    p.add_argument("--review", action="store_true",
                   help="open the review page on 127.0.0.1 and wait for a person")
    p.add_argument("--employees", type=_positive, default=DEMO_EMPLOYEES,
                   help=f"size of the sample (default: {DEMO_EMPLOYEES} employees)")
    p.add_argument("--port", type=int, default=0, help="review page port (default: any free)")
    p.set_defaults(func=cmd_demo)

    p = subparsers.add_parser(
        "run", help="run the whole pipeline from a source database into a target",
        description="Copy --source to a temporary database, discover and propose, get the "
                    "proposal approved, tokenize and verify the copy, share it, and swap it "
                    "into --target. The source is only read; the target is replaced only by a "
                    "complete, verified copy.")
    p.add_argument("--source", required=True, help="database URL to refresh from (only read)")
    p.add_argument("--target", required=True, help="database URL to replace (pre-production)")
    p.add_argument("--previous", help="the last approved schema (drift; without --review the "
                   "run proceeds only if the proposal matches it)")
    p.add_argument("--review", action="store_true",
                   help="open the review page on 127.0.0.1 and wait for a person")
    p.add_argument("--out", default=RUN_OUT, help=f"output folder (default: ./{RUN_OUT})")
    p.add_argument("--sample-rows", dest="sample", metavar="N", type=_positive, default=1000,
                   help="rows sampled per table by discovery (default 1000), as in scan")
    p.add_argument("--sample", dest="sample", type=_positive, action=RenamedFlag,
                   new="--sample-rows")
    p.add_argument("--defaults", help="discovery defaults file (JSON)")
    p.add_argument("--secret-file", help="file holding the master secret "
                   "(default: $PIIGATE_SECRET, then $PIIGATE_SECRET_FILE)")
    p.add_argument("--port", type=int, default=0, help="review page port (default: any free)")
    p.set_defaults(func=cmd_run)


def _positive(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("expected a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


def cmd_demo(args: argparse.Namespace) -> int:
    from .demo import demo_keyring, prepare_demo
    from .record import StepTiming
    from .runner import Options

    out = Path(args.out).resolve()
    keyring, secret_note = demo_keyring()
    with _RichEvents() as events:
        if secret_note:
            events.err.print(secret_note, style="bold yellow", markup=False)
        started = time.perf_counter()
        source, target, rows = prepare_demo(args.db, out, args.employees,
                                            progress=events.progress)
        built = time.perf_counter() - started
        events.say(f"built the sample database: {sum(rows.values())} rows in {len(rows)} "
                   f"tables ({built:.1f}s)")
        opts = Options(
            source=source, target=target, out=out, keyring=keyring, command="demo",
            review=args.review, review_port=args.port, on_review_url=_open_browser,
            unattended_by=None if args.review else "piigate demo (unattended)",
            notes=[n for n in (secret_note,) if n], public_secret=secret_note is not None,
        )
        return _run(opts, events, setup=StepTiming("sample", round(built, 3), "ok"))


def cmd_run(args: argparse.Namespace) -> int:
    from ..keys import Keyring
    from ..schema import load_schema
    from .runner import Options

    keyring = Keyring.from_env(secret_file=args.secret_file)
    previous = load_schema(args.previous) if args.previous else None
    defaults = None
    if args.defaults:
        from classifiers.propose import load_defaults

        defaults = load_defaults(args.defaults)
    opts = Options(source=args.source, target=args.target, out=Path(args.out).resolve(),
                   keyring=keyring, command="run", previous=previous, review=args.review,
                   sample=args.sample, defaults=defaults, review_port=args.port,
                   on_review_url=_open_browser)
    with _RichEvents() as events:
        return _run(opts, events)


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """A stopped job (SIGTERM) cleans up like Ctrl-C: temporary copy dropped, target kept."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _open_browser(url: str) -> None:
    """The URL first on stdout (as ``piigate review`` prints it), then, for a person at a
    terminal, the browser (best effort)."""
    import sys
    import webbrowser

    print(url, flush=True)
    if sys.stderr.isatty():
        try:
            webbrowser.open(url)
        except webbrowser.Error:
            pass


def _run(opts: Options, events: _RichEvents, setup: StepTiming | None = None) -> int:
    from ..cli import EXIT_OK
    from .runner import Pipeline, StepFailed

    pipe = Pipeline(opts, events)
    if setup:
        pipe.record.timings.append(setup)
    try:
        with _sigterm_as_interrupt():
            pipe.run()
    except StepFailed as exc:
        events.stop()
        _summary(pipe, events)
        print_error(f"step '{exc.step}' failed: {exc}")
        if exc.step != "import":
            events.err.print("the target was not changed; the temporary copy was removed")
        return exc.exit_code
    except KeyboardInterrupt:
        events.stop()
        failure = pipe.record.failure
        where = (failure.step if failure else None) or pipe.current or "start"
        state = ("the target holds either its old or its complete new contents"
                 if where in ("import", "report") else "the target was not changed")
        events.err.print(f"[red]piigate {opts.command}: interrupted during step '{where}'[/]; "
                         f"{state}; the temporary copy was removed")
        return 130
    events.stop()
    _summary(pipe, events)
    return EXIT_OK


def _summary(pipe: Pipeline, events: _RichEvents) -> None:
    from rich.table import Table

    table = Table(title=f"piigate {pipe.opts.command}", title_justify="left")
    table.add_column("step")
    table.add_column("status")
    table.add_column("seconds", justify="right")
    for t in pipe.record.timings:
        style = "green" if t.status == "ok" else "red"
        table.add_row(t.step, f"[{style}]{t.status}[/]", f"{t.seconds:.2f}")
    total = sum(t.seconds for t in pipe.record.timings)
    table.add_row("total", "", f"{total:.2f}", style="bold")
    events.err.print(table)
    report = pipe.report()
    v = report["verification"]
    if v.get("ran", True):
        mark = "[green]passed[/]" if v.get("passed") else "[red]FAILED[/]"
        events.err.print(f"verification: {mark}")
    if report.get("import"):
        events.err.print(f"pre-production database: {report['import']['target']}",
                         markup=False)
    if report.get("share"):
        events.err.print(f"shared snapshot: {report['share']['dir']}", markup=False)
    if pipe.report_paths:
        events.err.print(f"report: {pipe.report_paths['html']}", markup=False)
        events.out.print(pipe.report_paths["json"], markup=False, highlight=False)


class _RichEvents:
    """Rich progress: one bar for the pipeline's steps and one per table or stage."""

    def __init__(self) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        from ..cli import err, out
        from .runner import RUN_STEPS

        self.err, self.out = err, out
        self._steps = RUN_STEPS
        self._progress = Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
            TimeElapsedColumn(), console=err, transient=False,
        )
        self._bars: dict[str, Any] = {}
        self._main: Any = None
        self._running = self._stopped = False

    def __enter__(self) -> _RichEvents:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _start(self) -> None:
        # at the first bar: a run refused before any work prints its error line first
        if not (self._running or self._stopped):
            self._progress.start()
            self._running = True
            self._main = self._progress.add_task("pipeline", total=len(self._steps))

    def stop(self) -> None:
        self._stopped = True
        if self._running:
            self._progress.stop()
            self._running = False

    def step(self, name: str, status: str, seconds: float | None = None) -> None:
        self._start()
        if status == "running":
            self._progress.update(self._main, description=f"pipeline: {name}")
        elif status == "ok":
            self._progress.advance(self._main)
        else:
            self._progress.update(self._main, description=f"pipeline: {name} [red]{status}[/]")

    def progress(self, label: str, done: int, total: int | None = None) -> None:
        self._start()
        if label not in self._bars:
            self._bars[label] = self._progress.add_task(f"  {label}", total=total)
        self._progress.update(self._bars[label], completed=done, total=total)

    def say(self, text: str) -> None:
        self._progress.console.print(text, highlight=False, markup=False)
