"""The local gate over real HTTP on 127.0.0.1: serve_review, the review CLI, unattended."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from approval_ui.adapters import Decision
from approval_ui.local import serve_review
from piigate.errors import ConfigError
from piigate.schema import approve_unattended, load_schema, save_schema
from tests.fixtures.approval import page_form, sample_proposal

ROOT = Path(__file__).resolve().parents[2]


def _fetch(url: str, form: dict[str, str] | None = None) -> tuple[int, str]:
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data), timeout=20) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def _action(url: str, action: str) -> str:
    return url.split("?")[0] + "/" + action


def test_serve_review_approve_writes_out(tmp_path: Path) -> None:
    proposal = sample_proposal()
    previous = proposal.replace_rule("customers", "notes", {"method": "null"})
    urls: queue.Queue[str] = queue.Queue()
    result: list[Decision] = []
    out = tmp_path / "approved.json"
    t = threading.Thread(
        target=lambda: result.append(
            serve_review(proposal, previous=previous, out=out, on_url=urls.put)
        )
    )
    t.start()
    url = urls.get(timeout=20)
    assert url.startswith("http://127.0.0.1:") and "/r/" in url and "?t=" in url
    status, page = _fetch(url)
    assert status == 200
    # a GET on the action URL (a mail scanner's prefetch) decides nothing
    assert _fetch(_action(url, "approve"))[0] == 405
    form = page_form(page)
    form["c2.method"] = "hash"  # customers.notes
    status, body = _fetch(_action(url, "approve"), form)
    assert status == 200 and "Approved" in body
    t.join(timeout=20)
    assert not t.is_alive()
    decision = result[0]
    assert decision.status == "approved" and decision.location == str(out)
    approved = load_schema(out)
    assert approved == decision.schema
    assert approved.rule("customers", "notes").method == "hash"
    assert approved.version == previous.version + 1
    assert approved.approval is not None and approved.approval.proposal_hash == proposal.hash()


def test_only_loopback() -> None:
    with pytest.raises(ConfigError):
        serve_review(sample_proposal(), previous=None, out=Path("x.json"), host="0.0.0.0")


def test_approve_unattended_stamps_and_keeps_decisions() -> None:
    proposal = sample_proposal()
    approved = approve_unattended(proposal)
    assert approved.approval.by == "piigate demo"
    assert approved.approval.proposal_hash == proposal.hash() == approved.hash()


def _cli(tmp_path: Path, *extra: str) -> subprocess.Popen[str]:
    prop = tmp_path / "proposal.json"
    save_schema(sample_proposal(), prop)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("PIIGATE_SECRET", None)
    return subprocess.Popen(
        [sys.executable, "-m", "approval_ui.cli", "review", str(prop),
         "--out", str(tmp_path / "approved.json"), *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path,
    )  # fmt: skip


def test_cli_deny_exits_5(tmp_path: Path) -> None:
    proc = _cli(tmp_path)
    assert proc.stdout is not None
    url = proc.stdout.readline().strip()  # the URL is the first line, flushed
    status, page = _fetch(url)
    assert status == 200
    deny = page_form(page, "deny-form")
    assert _fetch(_action(url, "deny"), {**deny, "reason": "notes look unmasked"})[0] == 200
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 5, err
    assert "denied" in out and not (tmp_path / "approved.json").exists()
    assert "?t=" not in err  # the server never logs request lines with the link token


def test_cli_approve_exits_0(tmp_path: Path) -> None:
    proc = _cli(tmp_path, "--expires-minutes", "5")
    assert proc.stdout is not None
    url = proc.stdout.readline().strip()
    form = page_form(_fetch(url)[1])
    assert _fetch(_action(url, "approve"), form)[0] == 200
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert load_schema(tmp_path / "approved.json").approval is not None


def test_cli_missing_proposal_is_a_config_error(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "approval_ui.cli", "review", str(tmp_path / "none.json")],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
    )  # fmt: skip
    assert proc.returncode == 2 and "not found" in proc.stderr


def test_serve_review_returns_expired_without_a_decision(tmp_path: Path) -> None:
    urls: list[str] = []
    decision = serve_review(
        sample_proposal(), previous=None, out=tmp_path / "a.json", on_url=urls.append,
        expires_minutes=0.01,
    )  # fmt: skip
    assert decision.status == "expired" and not (tmp_path / "a.json").exists()
    assert len(urls) == 1


@pytest.mark.parametrize("minutes", ["nan", "inf", "0", "-5", "soon"])
def test_cli_refuses_expiry_that_is_not_a_positive_number(tmp_path: Path, minutes: str) -> None:
    (tmp_path / "p.json").write_text('{"tables": {}}', encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "approval_ui.cli", "review", str(tmp_path / "p.json"),
         "--expires-minutes", minutes],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
    )
    assert proc.returncode == 2
    assert "--expires-minutes" in proc.stderr
