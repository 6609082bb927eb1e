"""What the command line's parts share: consoles, error lines, renamed flags.

``piigate``'s own subcommands (``piigate/cli.py``) and those that plug in (discovery,
the review page, the pipeline) sit in different layers; what they all print through
lives here, below them.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from rich.console import Console

# A pipe or a file has no width: Rich would assume 80 columns and fold table cells
# mid-word ("EMAIL_ADDRES" / "S"). Wide enough that no real table folds.
PIPE_WIDTH = 10_000


def console(*, stderr: bool = False) -> Console:
    """A Rich console for stdout or stderr; when it is not a terminal, tables keep
    every cell on one line."""
    c = Console(stderr=stderr, highlight=False, soft_wrap=True)
    if not c.is_terminal:
        c = Console(stderr=stderr, highlight=False, soft_wrap=True, width=PIPE_WIDTH)
    return c


def print_error(message: str, *, file: Any = None) -> None:
    """One error line, ``error: <message>``; the message names the table, column, file
    or flag it is about (our exceptions do) and never an exception class."""
    print(f"error: {message}", file=file or sys.stderr, flush=True)


class RenamedFlag(argparse.Action):
    """An old flag name that still works and says what replaced it."""

    def __init__(self, option_strings: list[str], dest: str, *, new: str, **kw: Any) -> None:
        self.new = new
        kw.setdefault("default", argparse.SUPPRESS)  # the new flag's default stands
        super().__init__(option_strings, dest, help=argparse.SUPPRESS, **kw)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:
        print(f"warning: {option_string} is deprecated; use {self.new}", file=sys.stderr)
        setattr(namespace, self.dest, values)


def describe_subcommands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Give each subcommand without a description its one-line help as one, so that
    ``piigate X --help`` always says what X does."""
    helps = {a.dest: a.help for a in subparsers._choices_actions}
    for name, parser in subparsers.choices.items():
        if not parser.description and helps.get(name):
            text = str(helps[name])
            parser.description = text[0].upper() + text[1:] + ("" if text.endswith(".") else ".")
