"""The review page as a reviewer sees it: Chromium at 1280x800, a real re-scan's proposal.

The proposal comes from two discovery runs on the sample database: the second against
an approved schema that lacked ``customers.phone`` and kept ``customers.notes``, so the
page has a new column and a new finding to put first. Checked: no sideways scroll,
Approve and Deny in view wherever the page is scrolled, the summary and the example
tokens, method fields that follow the select without JavaScript, and no serious or
critical axe-core violation (axe is injected by the test, never served).
"""

from __future__ import annotations

import json
import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from approval_ui.adapters import Decision
from approval_ui.local import serve_review
from piigate.schema import Schema, parse_schema
from tests.browser.conftest import SCREENSHOTS, _missing

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
WIDTH, HEIGHT = 1280, 800
ACTIONS = ("save", "approve", "deny-reason", "deny")


@pytest.fixture(scope="module")
def rescan(tmp_path_factory: pytest.TempPathFactory) -> tuple[Schema, Schema, list[str]]:
    """(proposal, previous approved schema, the sample's real emails)."""
    scan = pytest.importorskip("classifiers.scan")
    import sqlalchemy as sa

    from piigate import sample

    path = tmp_path_factory.mktemp("rescan") / "sample.sqlite"
    engine = sa.create_engine(f"sqlite:///{path}")
    try:
        sample.create(engine, employees=100)
        first = scan.scan_database(engine, sample=200).schema
        data = first.to_dict()
        columns = data["tables"]["customers"]["columns"]
        columns.pop("phone")
        columns["notes"] = {"method": "keep", "reason": "notes were empty when last approved"}
        previous = parse_schema(data)
        proposal = scan.scan_database(engine, sample=200, previous=previous).schema
        with engine.connect() as conn:
            emails = [r[0] for r in conn.execute(sa.text("SELECT email FROM customers"))]
    finally:
        engine.dispose()
    return proposal, previous, emails


@contextmanager
def _review(driver: Any, proposal: Schema, previous: Schema | None, out: Path) -> Iterator[
        list[Decision]]:
    """Serve a review, open it at 1280x800; the block must end with a decision."""
    urls: queue.Queue[str] = queue.Queue()
    decisions: list[Decision] = []
    server = threading.Thread(
        target=lambda: decisions.append(serve_review(
            proposal, previous=previous, out=out, on_url=urls.put, expires_minutes=10)),
        daemon=True,
    )
    server.start()
    _viewport(driver)
    driver.get(urls.get(timeout=20))
    yield decisions
    server.join(timeout=20)
    assert not server.is_alive(), "every test ends with a decision"


def _viewport(driver: Any, height: int = HEIGHT) -> None:
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": WIDTH, "height": height, "deviceScaleFactor": 1,
                            "mobile": False})


def _in_view(driver: Any, element_id: str) -> bool:
    """The element is inside the viewport and not covered by anything else."""
    return bool(driver.execute_script(
        """const e = document.getElementById(arguments[0]);
        const r = e.getBoundingClientRect();
        if (r.width === 0 || r.top < 0 || r.left < 0 || r.bottom > innerHeight
            || r.right > innerWidth) return false;
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return hit === e || e.contains(hit);""", element_id))


def _card(driver: Any, column: str) -> Any:
    from selenium.webdriver.common.by import By

    return next(a for a in driver.find_elements(By.CSS_SELECTOR, "article.col")
                if a.find_element(By.CLASS_NAME, "column-name").text.startswith(column))


def _press(driver: Any, button: str, title: str) -> None:
    """Press a button of the top bar and wait for the page titled ``title``."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    if button == "deny":
        driver.find_element(By.ID, "deny-reason").send_keys("browser test: nothing to decide")
    driver.find_element(By.ID, button).click()
    WebDriverWait(driver, 20, ignored_exceptions=(WebDriverException,)).until(
        lambda d: title in d.find_element(By.TAG_NAME, "h1").text)


def test_review_fits_1280_with_summary_first_and_actions_in_view(
        driver: Any, rescan: tuple[Schema, Schema, list[str]], tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    proposal, previous, emails = rescan
    with _review(driver, proposal, previous, tmp_path / "approved.json") as decisions:
        page = driver.page_source
        assert "<script" not in page.lower()  # still no JavaScript in the served page
        width = driver.execute_script(
            "return [document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1] == WIDTH, f"horizontal overflow: {width}"
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(SCREENSHOTS / "review-1280x800.png"))
        height = driver.execute_script("return document.documentElement.scrollHeight")
        for y in (0, height // 3, height // 2, height):
            driver.execute_script("window.scrollTo(0, arguments[0])", y)
            hidden = [a for a in ACTIONS if not _in_view(driver, a)]
            assert not hidden, f"not in view at scroll {y}: {hidden}"
        driver.execute_script("window.scrollTo(0, 0)")

        # the summary comes first, and what needs a look comes first in it
        look = driver.find_element(By.ID, "summary-look").text
        assert "customers.phone" in look and "new column" in look
        assert "customers.notes" in look and "new finding" in look
        masked = driver.find_element(By.ID, "summary-mask").text
        assert "Email addresses (1): customers.email" in masked
        order = driver.execute_script(
            "return [...document.querySelectorAll('#summary, #changes, section.tbl')]"
            ".map(e => e.id || 'table')")
        assert order[:2] == ["summary", "changes"] and set(order[2:]) == {"table"}
        # a re-review with changes keeps the change list open
        assert driver.find_element(By.ID, "changes").get_attribute("open") is not None
        assert "changed" in driver.find_element(By.ID, "diff").text

        # masked, kept and needs-a-look cards differ in words, not only in colour
        phone = driver.find_element(By.CSS_SELECTOR, "article.st-look .column-name")
        assert phone.text.startswith(("phone", "notes"))
        assert "NEEDS A LOOK" in driver.find_element(By.CSS_SELECTOR, "article.st-look").text
        assert "KEPT" in driver.find_element(By.CSS_SELECTOR, "article.st-keep").text
        assert "MASKED" in driver.find_element(By.CSS_SELECTOR, "article.st-mask").text

        # the example token: made-up input, real method, never a real value
        card = _card(driver, "email")
        preview = card.find_element(By.CLASS_NAME, "preview").text
        assert "jane.roe@example.com" in preview
        token = card.find_element(By.CLASS_NAME, "token").text
        assert "@" in token and token != "jane.roe@example.com"
        assert not any(e in page for e in emails)

        height = driver.execute_script("return document.documentElement.scrollHeight")
        _viewport(driver, int(height))
        driver.save_screenshot(str(SCREENSHOTS / "review-full.png"))
        _viewport(driver)
        _press(driver, "deny", "Denied")
    assert decisions[0].status == "denied"


def test_method_fields_follow_the_select_without_javascript(
        driver: Any, rescan: tuple[Schema, Schema, list[str]], tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    proposal, previous, _ = rescan
    with _review(driver, proposal, previous, tmp_path / "approved.json") as decisions:
        card = _card(driver, "phone")
        i = card.get_attribute("id").removeprefix("col-")
        driver.execute_script("arguments[0].scrollIntoView()", card)
        shown = card.find_element(By.CLASS_NAME, "m-fpe")
        assert shown.is_displayed() and "format-preserving" in shown.text
        assert not card.find_element(By.CLASS_NAME, "m-fake").is_displayed()
        Select(card.find_element(By.NAME, f"c{i}.method")).select_by_value("fake")
        fake = card.find_element(By.CLASS_NAME, "m-fake")
        assert fake.is_displayed() and "made-up value" in fake.text
        assert not card.find_element(By.CLASS_NAME, "m-fpe").is_displayed()
        Select(card.find_element(By.NAME, f"c{i}.fake.kind")).select_by_value("phone")
        _press(driver, "approve", "Approved")
    assert decisions[0].status == "approved" and decisions[0].schema is not None
    rule = decisions[0].schema.rule("customers", "phone")
    assert (rule.method, rule.kind, rule.decided_by) == ("fake", "phone", "review")


def test_first_review_folds_the_change_list_and_passes_axe(
        driver: Any, rescan: tuple[Schema, Schema, list[str]], tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    if not AXE.exists():
        _missing(f"{AXE} is missing (npm ci --prefix tests/browser)")
    proposal, previous, _ = rescan
    for prev in (None, previous):
        with _review(driver, proposal, prev, tmp_path / "approved.json") as decisions:
            changes = driver.find_element(By.ID, "changes")
            assert (changes.get_attribute("open") is None) == (prev is None)
            driver.set_script_timeout(60)
            driver.execute_script(AXE.read_text(encoding="utf-8"))
            result = driver.execute_async_script(
                """const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                  .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact,
                                                          help: v.help,
                                                          nodes: v.nodes.length}))))
                  .catch(e => done({error: String(e)}));""")
            assert isinstance(result, list), result
            serious = [v for v in result if v["impact"] in ("serious", "critical")]
            assert not serious, json.dumps(serious, indent=1)
            _press(driver, "deny", "Denied")
        assert decisions[0].status == "denied"
