"""The report's verification verdicts from real verify runs: pass/fail per check, one
sentence each, the failing tables named, and nothing that failed shown as passed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from piigate.pipeline.report import render_html, verdicts
from piigate.verify import verify
from tests.integration.test_verify_support import Pair, make_pair


@pytest.fixture
def pair(fresh_db, keyring) -> Iterator[Pair]:
    p = make_pair(fresh_db("sqlite"), fresh_db, keyring)
    yield p
    p.dispose()


def _by_check(p: Pair) -> dict[str, dict]:
    result = verify(p.before, p.after, p.plan, p.keyring)
    return {v["check"]: v for v in verdicts(result)}


def test_a_correct_copy_passes_every_check_with_a_sentence(pair: Pair) -> None:
    got = _by_check(pair)
    assert set(got) == {"row_counts", "foreign_keys", "unique", "changed", "leak"}
    for v in got.values():
        assert v["passed"] and v["tables"] == [] and v["sentence"].endswith(".")
    assert "tables have as many rows" in got["row_counts"]["sentence"]


def test_a_dropped_row_fails_row_counts_and_changed_naming_the_table(pair: Pair) -> None:
    pair.sql("DELETE FROM salaries WHERE rowid = (SELECT MIN(rowid) FROM salaries)")
    got = _by_check(pair)
    for check in ("row_counts", "changed"):
        assert not got[check]["passed"]
        assert got[check]["tables"] == ["salaries"]
        assert "salaries" in got[check]["sentence"]
    assert got["foreign_keys"]["passed"] and got["unique"]["passed"]


def test_a_table_missing_from_the_copy_fails_row_counts(pair: Pair) -> None:
    # verify leaves a missing table out of its row counts: the failure line must still
    # fail the check rather than leave it reading "pass"
    pair.sql("DROP TABLE members")
    result = verify(pair.before, pair.after, pair.plan, pair.keyring)
    got = {v["check"]: v for v in verdicts(result)}
    assert not got["row_counts"]["passed"] and "members" in got["row_counts"]["tables"]
    assert all(v["passed"] is False for v in got.values() if "members" in v["tables"])


def test_the_page_shows_pass_and_fail_in_words(pair: Pair) -> None:
    pair.sql("DELETE FROM salaries WHERE rowid = (SELECT MIN(rowid) FROM salaries)")
    result = verify(pair.before, pair.after, pair.plan, pair.keyring)
    page = render_html({
        "command": "run", "status": "ok", "piigate": "x", "started_at": "", "finished_at": "",
        "source": "", "target": "", "notes": [], "summary": {"seconds": 0},
        "verification": result.to_dict(), "verdicts": verdicts(result), "decisions": {},
        "findings": [], "per_table": [], "drift": {}, "inventory": {"tables": []},
        "timings": [],
    })
    assert "checks in detail" not in page and '"before":' not in page
    assert page.count('<span class="status fail">fail</span>') == 2
    assert "Row counts differ, or a table is missing or could not be counted, in salaries." in page
