"""Headless Chromium (Debian's package) reviews a proposal: change a method, approve."""

from __future__ import annotations

import queue
import threading
from pathlib import Path
from typing import Any

import pytest

from approval_ui.adapters import Decision
from approval_ui.local import serve_review
from piigate.schema import load_schema
from tests.browser.conftest import SCREENSHOTS
from tests.fixtures.approval import sample_proposal

pytestmark = pytest.mark.browser

def test_change_a_method_and_approve_in_chromium(driver: Any, tmp_path: Path) -> None:
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    proposal = sample_proposal()
    out = tmp_path / "approved.json"
    urls: queue.Queue[str] = queue.Queue()
    decisions: list[Decision] = []
    server = threading.Thread(
        target=lambda: decisions.append(
            serve_review(proposal, previous=None, out=out, on_url=urls.put, expires_minutes=10)
        ),
        daemon=True,
    )
    server.start()
    driver.get(urls.get(timeout=20))
    assert "Review the tokenization schema" in driver.page_source
    assert driver.find_element(By.ID, "count-mask").text == "5"

    # customers.notes is column 2: a nullable text column, proposed "redact"
    row = driver.find_element(By.ID, "col-2")
    assert row.find_element(By.CLASS_NAME, "column-name").text.startswith("notes")
    select = Select(row.find_element(By.NAME, "c2.method"))
    offered = [o.get_attribute("value") for o in select.options]
    assert "null" in offered and "date_shift" not in offered
    select.select_by_value("hash")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SCREENSHOTS / "review-page.png"))

    driver.find_element(By.ID, "approve").click()
    # the click navigates: until the new page is in, the old h1 may vanish under the query
    WebDriverWait(driver, 20, ignored_exceptions=(WebDriverException,)).until(
        lambda d: "Approved" in d.find_element(By.TAG_NAME, "h1").text
    )
    driver.save_screenshot(str(SCREENSHOTS / "approved.png"))
    server.join(timeout=20)
    assert not server.is_alive()

    assert decisions and decisions[0].status == "approved"
    approved = load_schema(out)
    assert approved.rule("customers", "notes").method == "hash"
    assert approved.rule("customers", "notes").decided_by == "review"
    # only the edited column changed
    for table, column, rule in proposal.iter_rules():
        if (table, column) != ("customers", "notes"):
            assert approved.rule(table, column).method == rule.method
    assert approved.approval is not None and approved.approval.proposal_hash == proposal.hash()
