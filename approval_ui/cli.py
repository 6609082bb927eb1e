"""``piigate review PROPOSAL``: the local approval gate as a subcommand.

Prints the review URL as the first line of stdout, serves the page on 127.0.0.1 until
a decision, writes the approved schema to ``--out`` and returns 0 on approval, 5 on
denial and 6 when the review expired without a decision.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

from piigate.console import print_error
from piigate.errors import PiiGateError
from piigate.schema import load_schema

from .local import DEFAULT_EXPIRES_MINUTES, serve_review

EXIT_APPROVED = 0
EXIT_DENIED = 5
EXIT_EXPIRED = 6


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``review`` subcommand to ``piigate``'s parser."""
    p = subparsers.add_parser(
        "review",
        help="open the review page for a proposed schema and wait for a decision",
        description="Serve the review page for a proposed schema on 127.0.0.1, print its "
                    "URL first on stdout, and wait for approve or deny.",
    )
    p.add_argument("proposal", type=Path, help="the proposed schema (piigate scan output)")
    p.add_argument(
        "--out",
        type=Path,
        default=Path("approved.json"),
        help="where to write the approved schema (default: approved.json)",
    )
    p.add_argument(
        "--previous", type=Path, default=None, help="the last approved schema, to show what changed"
    )
    p.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: any free)")
    p.add_argument("--host", default="127.0.0.1", help="loopback address to listen on")
    p.add_argument(
        "--expires-minutes",
        type=_minutes,
        default=DEFAULT_EXPIRES_MINUTES,
        help="how long the review stays open (default: 1440)",
    )
    p.set_defaults(func=run)


def _minutes(text: str) -> float:
    """A finite, positive number of minutes (argparse turns the ValueError into exit 2)."""
    value = float(text)
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive number of minutes")
    return value


def _print_url(url: str) -> None:
    print(url, flush=True)


def run(args: argparse.Namespace) -> int:
    """Serve the review; the exit code says what was decided."""
    try:
        proposal = load_schema(args.proposal)
        previous = load_schema(args.previous) if args.previous else None
        decision = serve_review(
            proposal,
            previous=previous,
            out=args.out,
            port=args.port,
            host=args.host,
            on_url=_print_url,
            expires_minutes=args.expires_minutes,
        )
    except PiiGateError as exc:
        print_error(str(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        print("piigate review: interrupted, nothing approved", file=sys.stderr)
        return 130
    if decision.status == "approved":
        print(
            f"approved by {decision.by}: {decision.location} "
            f"(version {decision.schema.version if decision.schema else '?'}, "
            f"{decision.schema_hash})",
            flush=True,
        )
        return EXIT_APPROVED
    if decision.status == "denied":
        print(f"denied by {decision.by}: {decision.reason}", flush=True)
        return EXIT_DENIED
    print("the review expired without a decision", flush=True)
    return EXIT_EXPIRED


def main(argv: list[str] | None = None) -> int:
    """``python -m approval_ui.cli review``: ``piigate review`` without the rest of the CLI."""
    parser = argparse.ArgumentParser(prog="piigate")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
