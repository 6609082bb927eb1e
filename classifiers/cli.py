"""``piigate scan``: discover personal data and write the proposed schema.

``piigate scan --db URL [--sample-rows N] [--previous approved.json] [--defaults FILE]
-o proposal.json``. Progress per table on stderr, the summary table on stdout. Exit 0
when the proposal is written, 3 when a table or a column could not be scanned (the
proposal is still written: such a table undecided, so that ``check`` refuses it, such a
column masked), 2 for bad arguments or an unreachable database, 1 for an unexpected
error (no proposal; the details are withheld because they may quote data).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from piigate.console import RenamedFlag, console, print_error
from piigate.errors import ConfigError, PiiGateError, safe_reason

EXIT_OK, EXIT_INTERNAL, EXIT_UNSCANNED = 0, 1, 3

err = console(stderr=True)
out = console()
SAMPLE_ROWS_HELP = ("rows sampled per table (default 1000); a mostly empty column is "
                    "looked at further, up to as many values")


def register(subparsers: Any) -> None:
    """Add the ``scan`` subcommand to a ``piigate`` argparse subparsers object."""
    p = subparsers.add_parser(
        "scan", help="discover personal data and propose a schema",
        description="Discover personal data in a database and write the proposed schema: "
                    "every column masked or kept, with the evidence.")
    p.add_argument("--db", required=True, help="database URL (sqlite, postgresql, mysql)")
    p.add_argument("--sample-rows", dest="sample", metavar="N", type=_positive, default=1000,
                   help=SAMPLE_ROWS_HELP)
    p.add_argument("--sample", dest="sample", type=_positive, action=RenamedFlag,
                   new="--sample-rows")
    p.add_argument("--previous", help="the last approved schema (drift and carry-over)")
    p.add_argument("--defaults", help="defaults JSON: entities / columns / json rules")
    p.add_argument("-o", "--output", required=True, help="where to write the proposal (JSON)")
    p.set_defaults(func=run_scan_command)


def _positive(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("must be a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


def run_scan_command(args: argparse.Namespace) -> int:
    """Run the scan for parsed arguments; returns the exit code."""
    try:
        return _run(args)
    except PiiGateError as exc:
        print_error(str(exc))
        return exc.exit_code
    except Exception as exc:  # noqa: BLE001 - never a traceback: it could quote values
        print_error(f"scan failed unexpectedly: {safe_reason(exc)}")
        return EXIT_INTERNAL


def _run(args: argparse.Namespace) -> int:
    from piigate.schema import load_schema, save_schema

    from .propose import load_defaults
    from .scan import scan_database

    previous = load_schema(args.previous) if args.previous else None
    defaults = load_defaults(args.defaults) if args.defaults else None
    output = Path(args.output)
    if not output.parent.exists():
        raise ConfigError("the output directory does not exist", file=str(output),
                          field="--output")
    with Progress(TextColumn("{task.description:<24}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=err, transient=False) as prog:
        tasks: dict[str, Any] = {}

        def progress(table: str, done: int, total: int) -> None:
            if table not in tasks:
                tasks[table] = prog.add_task(table, total=total)
            prog.update(tasks[table], completed=done, total=total)

        result = scan_database(args.db, sample=args.sample, previous=previous,
                               defaults=defaults, progress=progress)
    save_schema(result.schema, output)
    out.print(summary_table(result.rows))
    masked = sum(1 for r in result.rows if r.method not in ("keep", "-"))
    err.print(f"proposal written to {escape(str(output))}: {len(result.rows)} columns, "
              f"{masked} masked")
    if result.removed:
        err.print(f"[yellow]{len(result.removed)} approved column(s) no longer exist:[/] "
                  + escape(", ".join(result.removed)))
    for table, reason in sorted(result.failed_tables.items()):
        err.print(f"[red]not scanned: {escape(table)}[/] ({escape(reason)}); "
                  "left undecided")
    for column, reason in sorted(result.unreadable.items()):
        err.print(f"[red]not read: {escape(column)}[/] ({escape(reason)}); masked "
                  "until a reviewer decides")
    return EXIT_OK if result.ok else EXIT_UNSCANNED


def summary_table(rows: list[Any]) -> Table:
    """Rich table: table, column, entity, confidence, proposed method, drift."""
    t = Table(title="discovery", show_lines=False)
    for head in ("table", "column", "entity", "confidence", "proposed method", "drift"):
        t.add_column(head, justify="right" if head == "confidence" else "left", overflow="fold")
    for r in rows:
        style = "yellow" if r.method not in ("keep", "-") else None
        cells = (r.table, r.column, r.entity or "", f"{r.confidence:.2f}" if r.entity else "",
                 r.method, r.drift or "")
        t.add_row(*(Text(c) for c in cells), style=style)  # names are data, not markup
    return t
