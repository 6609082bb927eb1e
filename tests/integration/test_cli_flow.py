"""The command-line flow a team runs by hand, as separate processes on a real database:

scan -> check -> review (a person edits one column and approves over HTTP) -> tokenize
(on a copy) -> verify -> reidentify. Each step reads only the previous step's files.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import sqlalchemy as sa

from piigate import copydb, sample
from piigate.db import connect
from piigate.schema import load_schema
from tests.fixtures.approval import page_form
from tests.fixtures.dbutil import ALL_ENGINES
from tests.fixtures.employees_schema import employees_schema

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PIIGATE_SECRET": "cli-flow-secret-0123456789", "PYTHONPATH": str(ROOT)}


def piigate(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([sys.executable, "-m", "piigate", *args], capture_output=True,
                          text=True, env=ENV, timeout=600)
    if check:
        assert proc.returncode == 0, proc.stderr + proc.stdout
    return proc


def post(url: str, form: dict[str, str]) -> int:
    req = urllib.request.Request(url, data=urllib.parse.urlencode(form).encode())
    with urllib.request.urlopen(req, timeout=30) as resp:
        return resp.status


def review_and_edit(proposal: Path, out: Path, table: str, column: str, method: str) -> None:
    """Run `piigate review`, change one column's method on the page, approve."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "piigate", "review", str(proposal), "--out", str(out)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV,
    )
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().strip()  # the URL is the first line
        assert url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(url, timeout=30) as resp:
            form = page_form(resp.read().decode())
        index = [(t, c) for t, c, _ in load_schema(proposal).iter_rules()].index((table, column))
        form[f"c{index}.method"] = method
        assert post(url.split("?")[0] + "/approve", form) == 200
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
    finally:
        if proc.poll() is None:
            proc.kill()


@pytest.mark.slow
@pytest.mark.parametrize("engine_name", ALL_ENGINES)
def test_scan_review_tokenize_verify(fresh_db, tmp_path, engine_name):
    source = fresh_db(engine_name)
    sample.create(connect(source), 300)
    proposal, approved = tmp_path / "proposal.json", tmp_path / "approved.json"

    piigate("scan", "--db", source, "--sample-rows", "200", "-o", str(proposal))
    scanned = load_schema(proposal)
    assert scanned.rule("customers", "email").method != "keep"
    assert scanned.rule("customers", "notes").method in ("redact", "fake", "hash")
    piigate("check", "--db", source, "--schema", str(proposal))

    review_and_edit(proposal, approved, "customers", "notes", "hash")
    schema = load_schema(approved)
    assert schema.approval is not None
    assert schema.rule("customers", "notes").method == "hash"

    with copydb.temporary_copy(source) as target:
        tokenize_verify_reidentify(source, target, approved, tmp_path)


def tokenize_verify_reidentify(source: str, target: str, approved: Path, tmp_path: Path) -> None:
    schema = load_schema(approved)
    piigate("tokenize", "--db", target, "--schema", str(approved))
    result = tmp_path / "verify.json"
    piigate("verify", "--before", source, "--after", target, "--schema", str(approved),
            "--out", str(result))
    assert '"passed": true' in result.read_text()

    # the first employee's token reverses to the original emp_no
    before, after = connect(source), connect(target)
    with before.connect() as b, after.connect() as a:
        first = b.execute(sa.text("SELECT emp_no, hire_date FROM employees "
                                  "ORDER BY emp_no LIMIT 1")).one()
        emails = {r[0] for r in b.execute(sa.text("SELECT email FROM customers"))}
        leaked = [r[0] for r in a.execute(sa.text("SELECT email FROM customers"))
                  if r[0] in emails]
        token = a.execute(sa.text("SELECT emp_no FROM employees WHERE hire_date = :d"),
                          {"d": first.hire_date}).scalars().all()
    assert leaked == []
    assert schema.rule("employees", "emp_no").method == "fpe"  # discovery keys employees
    out = piigate("reidentify", "--schema", str(approved), "--db", source,
                  "--column", "employees.emp_no", *map(str, token)).stdout.split()
    assert str(first.emp_no) in out
    before.dispose()
    after.dispose()


def test_verify_fails_when_an_approved_rule_was_not_applied(fresh_db, tmp_path):
    """Tokenized under a schema that kept birth_date, verified against the approved one
    that masks it: exit 4, naming the column."""
    source = fresh_db("sqlite")
    sample.create(connect(source), 50, extras=False)
    approved = employees_schema(extras=False)
    applied = employees_schema(extras=False)
    applied["tables"]["employees"]["columns"]["birth_date"] = {"method": "keep",
                                                               "reason": "not applied"}
    applied_path = tmp_path / "applied.json"
    applied_path.write_text(json.dumps(applied))
    target = str(tmp_path / "target.sqlite")
    copydb.copy(source, f"sqlite:///{target}")
    target = f"sqlite:///{target}"
    piigate("tokenize", "--db", target, "--schema", str(applied_path))
    wrong = tmp_path / "approved.json"
    wrong.write_text(json.dumps(approved))
    proc = piigate("verify", "--before", source, "--after", target, "--schema", str(wrong),
                   check=False)
    assert proc.returncode == 4, proc.stderr
    assert "employees.birth_date" in proc.stdout + proc.stderr
