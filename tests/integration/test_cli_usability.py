"""The command line as a person meets it: every subcommand says what it does, errors
read "error: ..." and name what they are about (never a Python class), and tables
printed into a pipe keep every cell on one line."""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from piigate import sample
from piigate.cli import build_parser, main
from piigate.db import connect
from tests.fixtures.dbutil import add_metrics_table, full_schema, with_cols

ROOT = Path(__file__).resolve().parents[2]
SECRET = "usability-secret-0123456789"
# an exception's class as Python spells it: SchemaError, OperationalError, KeyError...
CLASS_NAME = re.compile(r"\b[A-Z][A-Za-z]*(Error|Exception|Warning)\b|Traceback")
MARKUP = re.compile(r"``|:(class|func|mod|data):|\[/?(red|bold|green|yellow)[^\]]*\]")


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """Every parser under ``parser``, by its command line ("piigate", "piigate scan")."""
    found = {parser.prog: parser}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found.update(_subcommands(sub))
    return found


def test_every_subcommand_help_has_a_plain_description() -> None:
    parsers = _subcommands(build_parser())
    # the walk finds the plug-ins too: a missing one would pass silently otherwise
    assert {"piigate", "piigate scan", "piigate review", "piigate run"} <= set(parsers)
    assert len(parsers) >= 10
    for prog, parser in parsers.items():
        desc = (parser.description or "").strip()
        assert len(desc) > 15, f"{prog} --help has no description"
        assert not MARKUP.search(desc), f"{prog} --help shows markup: {desc!r}"
        first = " ".join(parser.format_help().split("\n\n")[1].split())
        assert first.startswith(" ".join(desc.split())[:40]), f"{prog}: {first!r}"
    subs = next(a for a in build_parser()._actions
                if isinstance(a, argparse._SubParsersAction))
    for choice in subs._choices_actions:  # the one-line list in ``piigate --help``
        assert choice.help and not MARKUP.search(choice.help), choice.dest


def test_help_runs_for_every_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    for prog in _subcommands(build_parser()):
        argv = prog.split()[1:] + ["--help"]
        with pytest.raises(SystemExit) as exit_:
            main(argv)
        assert exit_.value.code == 0
        text = capsys.readouterr().out
        assert text.startswith("usage: ") and not MARKUP.search(text), prog


@pytest.fixture
def db(fresh_db) -> str:
    url = fresh_db("sqlite")
    engine = connect(url)
    sample.create(engine, 40, extras=False)
    engine.dispose()
    add_metrics_table(url)
    return url


def _write(path: Path, content: str | dict) -> str:
    path.write_text(content if isinstance(content, str) else json.dumps(content),
                    encoding="utf-8")
    return str(path)


def test_errors_say_error_and_name_the_thing_never_a_class(
        db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PIIGATE_SECRET", SECRET)
    good = _write(tmp_path / "good.json", full_schema())
    bad_json = _write(tmp_path / "bad.json", '{"tables": {')
    ghost_table = _write(tmp_path / "ghost.json",
                         full_schema(ghosts={"columns": {"x": {"method": "null"}}}))
    ghost_column = _write(tmp_path / "ghostcol.json",
                          with_cols("employees", middle_name={"method": "null"}))
    missing = str(tmp_path / "missing.json")
    refused = "postgresql://nobody@127.0.0.1:1/nothing"
    cases = [  # (argv, words the message must hold)
        (["check", "--db", db, "--schema", missing], [missing, "not found"]),
        (["check", "--db", db, "--schema", bad_json], [bad_json, "malformed JSON"]),
        (["tokenize", "--db", db, "--schema", ghost_table], ["ghosts", "no such table"]),
        (["check", "--db", db, "--schema", ghost_column], ["middle_name", "no such column"]),
        (["check", "--db", "foo://x", "--schema", good], ["--db", "unsupported"]),
        (["check", "--db", "sqlite:///" + str(tmp_path / "none.sqlite"), "--schema", good],
         ["none.sqlite", "does not exist"]),
        (["check", "--db", refused, "--schema", good], ["--db", "cannot connect"]),
        (["verify", "--before", db, "--after", "mysql://root@127.0.0.1:1/x", "--schema", good],
         ["--after", "cannot connect"]),
        (["reidentify", "--schema", good, "--column", "employees.nickname", "1"],
         ["employees.nickname"]),
        (["scan", "--db", db, "-o", str(tmp_path / "no" / "p.json")], ["p.json", "--output"]),
        (["review", missing], [missing]),
        (["scan", "--db", db, "--defaults", bad_json, "-o", str(tmp_path / "p.json")],
         [bad_json, "malformed JSON"]),
        (["scan", "--db", db, "--defaults", str(tmp_path), "-o", str(tmp_path / "p.json")],
         [str(tmp_path), "cannot read the defaults file"]),
        (["run", "--source", "foo://x", "--target", db, "--out", str(tmp_path / "o")],
         ["--source", "unsupported"]),
        (["run", "--source", db, "--target", db + "2", "--previous", bad_json,
          "--out", str(tmp_path / "o")], [bad_json, "malformed JSON"]),
    ]
    for argv, words in cases:
        code = main(argv)
        captured = capsys.readouterr()
        text = captured.err + captured.out
        assert code != 0, (argv, text)
        assert text.startswith("error: "), (argv, text)  # first, before anything else
        message = text  # with its list of problems, if any
        for w in words:
            assert w in message, (argv, w, text)
        assert not CLASS_NAME.search(text), (argv, text)


def test_usage_errors_say_error_too(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["check", "--db", "sqlite://"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "error: piigate check: the following arguments are required: --schema" in err


def _piped(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real ``piigate`` with stdout and stderr into pipes (not a terminal)."""
    full = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "60", **(env or {})}
    full.pop("FORCE_COLOR", None)
    return subprocess.run([sys.executable, "-m", "piigate", *argv], capture_output=True,
                          text=True, env=full, timeout=300, check=False)


def _rows(text: str) -> list[list[str]]:
    """The cells of each body line of a Rich table (│ a │ b │)."""
    return [[c.strip() for c in line.strip().strip("│").split("│")]
            for line in text.splitlines() if line.lstrip().startswith("│")]


def test_piped_tables_do_not_wrap_mid_word(db: str, tmp_path: Path) -> None:
    done = _piped("scan", "--db", db, "-o", str(tmp_path / "p.json"))
    assert done.returncode == 0, done.stderr
    rows = _rows(done.stdout)
    proposal = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))
    columns = sum(len(t["columns"]) for t in proposal["tables"].values())
    assert len(rows) == columns  # one line per column: nothing folded onto a second
    for table, column, entity, *_ in rows:  # every cell whole: as the proposal says
        finding = proposal["tables"][table]["columns"][column].get("finding") or {}
        assert entity == (finding.get("entity") or ""), (table, column, entity)
    assert sum(1 for r in rows if len(r[2]) > 8) >= 2  # long names that 60 columns would fold

    schema = _write(tmp_path / "schema.json", full_schema())
    done = _piped("tokenize", "--db", db, "--schema", schema,
                  env={"PIIGATE_SECRET": SECRET})
    assert done.returncode == 0, done.stderr
    rows = _rows(done.stderr)
    assert {r[0] for r in rows} >= {"employees", "salaries"}
    assert all(len(r) == 4 and r[0] and r[1].isdigit() for r in rows), rows


def test_demo_progress_never_counts_past_its_total(tmp_path: Path) -> None:
    done = _piped("demo", "--out", str(tmp_path / "demo"), "--employees", "50",
                  env={"PIIGATE_SECRET": SECRET})
    assert done.returncode == 0, done.stderr
    counts = re.findall(r"\b(\d+)/(\d+)\b", done.stderr)
    assert counts
    assert all(int(a) <= int(b) for a, b in counts), counts
    pipeline = re.findall(r"^pipeline\S*\s.*?(\d+)/(\d+)", done.stderr, re.M)
    assert pipeline and pipeline[-1][0] == pipeline[-1][1], done.stderr
    assert done.stdout.splitlines()[0].endswith("report.json")


def test_sample_rows_means_rows_per_table_in_scan_and_run(
        capsys: pytest.CaptureFixture[str]) -> None:
    parser = build_parser()
    for cmd, rest in (("scan", ["--db", "sqlite://", "-o", "p.json"]),
                      ("run", ["--source", "sqlite://", "--target", "sqlite://"])):
        assert parser.parse_args([cmd, *rest]).sample == 1000
        assert parser.parse_args([cmd, *rest, "--sample-rows", "7"]).sample == 7
        sub = _subcommands(parser)[f"piigate {cmd}"]
        text = sub.format_help()
        assert "--sample-rows N" in text and "rows sampled per table" in text
        assert "--sample " not in text  # the old name works but is no longer offered
        capsys.readouterr()
        assert parser.parse_args([cmd, *rest, "--sample", "9"]).sample == 9
        assert "--sample is deprecated; use --sample-rows" in capsys.readouterr().err


def test_demo_review_prints_the_url_first_on_stdout(tmp_path: Path) -> None:
    import queue
    import threading
    import urllib.parse
    import urllib.request

    from tests.fixtures.approval import page_form

    env = {**os.environ, "PYTHONPATH": str(ROOT), "PIIGATE_SECRET": SECRET}
    proc = subprocess.Popen(
        [sys.executable, "-m", "piigate", "demo", "--review", "--employees", "50",
         "--out", str(tmp_path / "demo")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stdout is not None
        lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=lambda: lines.put(proc.stdout.readline()),  # type: ignore[union-attr]
                         daemon=True).start()
        try:
            url = lines.get(timeout=120).strip()
        except queue.Empty:
            pytest.fail("no line on stdout while the review waits")
        assert url.startswith("http://127.0.0.1:"), url
        with urllib.request.urlopen(url, timeout=30) as r:
            form = page_form(r.read().decode(), "deny-form")
        data = urllib.parse.urlencode({**form, "reason": "test: URL seen"}).encode()
        with urllib.request.urlopen(urllib.request.Request(
                url.split("?")[0] + "/deny", data=data), timeout=30) as r:
            assert r.status == 200
        rest, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 5, err
    assert "error: step 'review' failed" in err and url in err  # said on stderr as well
