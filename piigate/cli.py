"""PII Gate: find personal data in a database, mask it under an approved schema, and
prove the masked copy.

Exit codes: 0 ok, 2 usage or configuration error, 3 schema or coverage failure,
4 verification failure, 5 review denied. Progress and messages go to stderr, results
to stdout, so output can be piped.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__
from .console import console, describe_subcommands, print_error
from .errors import PiiGateError

EXIT_OK, EXIT_USAGE, EXIT_SCHEMA, EXIT_VERIFY, EXIT_DENIED = 0, 2, 3, 4, 5

err: Console = console(stderr=True)
out: Console = console()


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse exits 2 too; keep our wording
        self.print_usage(sys.stderr)
        print_error(f"{self.prog}: {message}")
        raise SystemExit(EXIT_USAGE)


@contextmanager
def progress_bar() -> Any:
    """A Rich progress display; yields ``update(label, done, total)``."""
    bars: dict[str, Any] = {}
    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), console=err, transient=False,
    ) as prog:

        def update(label: str, done: int, total: int | None = None) -> None:
            if label not in bars:
                bars[label] = prog.add_task(label, total=total)
            prog.update(bars[label], completed=done, total=total)

        yield update


def _load(schema_path: str) -> Any:
    from .schema import load_schema

    return load_schema(schema_path)


def _plan(url: str, schema_path: str, keep_undecided: bool) -> tuple[Any, Any]:
    from .db import connect, reflect
    from .plan import make_plan

    schema = _load(schema_path)
    engine = connect(url)
    plan = make_plan(schema, reflect(engine), keep_undecided=keep_undecided, data=engine)
    if plan.undecided:
        err.print(
            f"[bold yellow]WARNING: --keep-undecided: {len(plan.undecided)} column(s) have no "
            "decision and are KEPT AS THEY ARE (not masked):[/]"
        )
        for name in plan.undecided:
            err.print(f"[yellow]  kept unmasked: {name}[/]")
    return engine, plan


def cmd_check(args: argparse.Namespace) -> int:
    engine, plan = _plan(args.db, args.schema, args.keep_undecided)
    engine.dispose()
    summary = plan.summary()
    if args.json:
        out.print_json(json.dumps(summary))
    else:
        out.print(
            f"ok: {summary['columns']} columns in {summary['tables']} tables decided "
            f"({summary['masked']} masked, {summary['kept']} kept, "
            f"{summary['undecided']} undecided) in {summary['domains']} key domains; "
            f"schema {summary['schema_hash']}"
        )
    return EXIT_OK


def cmd_tokenize(args: argparse.Namespace) -> int:
    from .keys import Keyring

    keyring = Keyring.from_env(secret_file=args.secret_file)
    engine, plan = _plan(args.db, args.schema, args.keep_undecided)
    from .writer import tokenize

    started = time.perf_counter()
    try:
        with progress_bar() as update:
            result = tokenize(engine, plan, keyring, progress=update,
                              rebuild=not args.update_in_place, jobs=args.jobs)
    finally:
        engine.dispose()
    data = result.to_dict()
    _print_tokenize_summary(data, time.perf_counter() - started)
    if args.json:
        out.print_json(json.dumps(data, default=str))
    return EXIT_OK


def _print_tokenize_summary(data: dict[str, Any], seconds: float) -> None:
    table = Table(title="tokenized", title_justify="left")
    table.add_column("table")
    table.add_column("rows", justify="right")
    table.add_column("seconds", justify="right")
    table.add_column("how")
    for name, t in (data.get("tables") or {}).items():
        table.add_row(name, str(t.get("rows", "")), f"{t.get('seconds', 0):.2f}",
                      "rebuilt" if t.get("rebuilt") else "updated")
    err.print(table)
    err.print(f"done in {seconds:.1f}s")


def cmd_verify(args: argparse.Namespace) -> int:
    from .db import connect, reflect
    from .keys import Keyring
    from .plan import make_plan
    from .verify import verify

    keyring = Keyring.from_env(secret_file=args.secret_file)
    schema = _load(args.schema)
    before = connect(args.before, field="--before")
    after = connect(args.after, field="--after")
    try:
        plan = make_plan(schema, reflect(before), keep_undecided=args.keep_undecided)
        with progress_bar() as update:
            result = verify(before, after, plan, keyring, progress=update)
    finally:
        before.dispose()
        after.dispose()
    data = result.to_dict()
    text = json.dumps(data, indent=2, default=str)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            fh.write(text + "\n")
    out.print(text, markup=False)
    if not result.passed:
        err.print("[bold red]verification FAILED[/]")
        return EXIT_VERIFY
    err.print("[green]verification passed[/]")
    return EXIT_OK


def cmd_reidentify(args: argparse.Namespace) -> int:
    from .keys import Keyring
    from .reidentify import reidentify_column

    keyring = Keyring.from_env(secret_file=args.secret_file)
    schema = _load(args.schema)
    for original in reidentify_column(schema, args.column, args.values, keyring, db=args.db):
        out.print(str(original), markup=False, highlight=False)
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from .schema import json_schema

    text = json.dumps(json_schema(), indent=2) + "\n"
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        out.print(text, markup=False)
    return EXIT_OK


def _common(p: argparse.ArgumentParser, *, secret: bool = False) -> None:
    p.add_argument("--keep-undecided", action="store_true",
                   help="keep columns without a decision as they are (says so loudly); "
                        "for seed-format schemas that list only masked columns")
    if secret:
        p.add_argument("--secret-file", help="file holding the master secret "
                       "(default: $PIIGATE_SECRET, then $PIIGATE_SECRET_FILE)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="piigate", description=__doc__.split("\n\n")[0])
    parser.add_argument("--version", action="version", version=f"piigate {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("check", help="check that a schema decides every column and fits the DB")
    p.add_argument("--db", required=True, help="database URL")
    p.add_argument("--schema", required=True, help="tokenization schema (JSON)")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    _common(p)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("tokenize", help="tokenize a database in place under a schema")
    p.add_argument("--db", required=True, help="database URL (a temporary copy, never prod)")
    p.add_argument("--schema", required=True, help="tokenization schema (JSON)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    _common(p, secret=True)
    p.add_argument("--update-in-place", action="store_true",
                   help="update rows where they are instead of rebuilding tables "
                        "(slower; docs/writer.md)")
    p.add_argument("--jobs", type=int, default=1,
                   help="work units at a time, each on its own connection (docs/writer.md)")
    p.set_defaults(func=cmd_tokenize)

    p = sub.add_parser("verify", help="verify a tokenized database against its original")
    p.add_argument("--before", required=True, help="URL of the original database")
    p.add_argument("--after", required=True, help="URL of the tokenized database")
    p.add_argument("--schema", required=True, help="the schema that was applied")
    p.add_argument("--out", help="also write the JSON result to this file")
    _common(p, secret=True)
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("reidentify", help="print the original of each token (fpe columns)")
    p.add_argument("--schema", required=True, help="the schema that was applied")
    p.add_argument("--column", required=True, help="TABLE.COLUMN")
    p.add_argument("--db", help="database URL, to resolve key domains from foreign keys")
    p.add_argument("values", nargs="+", help="tokens")
    _common(p, secret=True)
    p.set_defaults(func=cmd_reidentify)

    p = sub.add_parser("schema", help="write the published JSON Schema of the schema format")
    p.add_argument("--out", help="file to write (default: stdout)")
    p.set_defaults(func=cmd_schema)

    for register in _plugins():
        register(sub)
    describe_subcommands(sub)
    return parser


def _plugins() -> list[Callable[[Any], None]]:
    """Subcommands that live beside the core (discovery, the review page, the pipeline)."""
    found = []
    for module in ("classifiers.cli", "approval_ui.cli", "piigate.pipeline.cli",
                   "piigate.aws.tasks"):
        try:
            mod = __import__(module, fromlist=["register"])
        except ModuleNotFoundError as exc:
            if exc.name and module.startswith(exc.name):
                continue  # that part is not installed
            raise
        found.append(mod.register)
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except PiiGateError as exc:
        print_error(str(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        err.print("[red]interrupted[/]")
        return 130


def entry() -> None:
    raise SystemExit(main())


if __name__ == "__main__":
    entry()
