"""The pipeline's report.html in headless Chromium: offline, complete, value-free.

The report comes from a real ``piigate demo`` run (and one with a failure injected at
tokenize). Chromium opens it from disk; a screenshot is kept in PIIGATE_SCREENSHOTS.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from piigate.cli import main
from tests.browser.conftest import SCREENSHOTS, _missing
from tests.browser.test_review_layout_browser import AXE, WIDTH, _viewport

pytestmark = pytest.mark.browser


def _open(driver: Any, html: Path, shot: str) -> Any:
    from selenium.webdriver.common.by import By

    driver.get(html.as_uri())
    height = driver.execute_script("return document.body.scrollHeight")
    driver.set_window_size(1400, min(int(height) + 100, 6000))  # the whole page in the shot
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SCREENSHOTS / shot))
    # offline: nothing to fetch, nothing to run
    for tag in ("script", "link", "img", "iframe"):
        assert driver.find_elements(By.TAG_NAME, tag) == []
    return By


def _source_emails(out: Path) -> list[str]:
    import sqlite3

    with sqlite3.connect(out / "source.sqlite") as conn:
        return [r[0] for r in conn.execute("SELECT email FROM customers")]


def test_demo_report_shows_findings_decisions_timings_and_verification(
        driver: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PIIGATE_SECRET", raising=False)
    out = tmp_path / "demo"
    main(["demo", "--out", str(out), "--employees", "200"])
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    By = _open(driver, out / "report.html", "report-demo.png")

    assert driver.title.startswith("PII Gate report")
    status = driver.find_element(By.ID, "verification-status").text
    assert status == ("passed" if report["verification"]["passed"] else "failed")
    assert driver.find_element(By.ID, "approved-by").text == "piigate demo (unattended)"

    masked = driver.find_elements(By.CSS_SELECTOR, "#masked-table tr")[1:]
    kept = driver.find_elements(By.CSS_SELECTOR, "#kept-table tr")[1:]
    assert len(masked) + len(kept) == len(report["findings"])
    email = next(r for r in masked if "customers.email" in r.text)
    cells = email.find_elements(By.TAG_NAME, "td")
    assert "email addresses" in cells[1].text
    assert "*" in cells[2].text  # masked evidence
    method = next(f["method"] for f in report["findings"]
                  if (f["table"], f["column"]) == ("customers", "email"))
    assert cells[3].text.startswith(method)
    assert "@" in cells[4].find_element(By.CLASS_NAME, "token").text

    steps = [r.find_elements(By.TAG_NAME, "td")[0].text
             for r in driver.find_elements(By.CSS_SELECTOR, "#timings-table tr")[1:]]
    assert steps[:4] == ["sample", "restore", "scan", "propose"]
    checks = driver.find_elements(By.CSS_SELECTOR, "#verification-checks tr")[1:]
    assert [c.get_attribute("class") for c in checks] == [
        f"check-{v['check']}" for v in report["verdicts"]]
    for row, v in zip(checks, report["verdicts"], strict=True):
        assert row.find_elements(By.TAG_NAME, "td")[1].text == ("pass" if v["passed"] else "fail")
        assert v["sentence"] in row.text
    inventory = driver.find_element(By.ID, "inventory-table").text
    assert "customers" in inventory and "employees" in inventory

    page = driver.page_source
    assert not any(e in page for e in _source_emails(out))


def test_failed_run_report_names_the_step(driver: Any, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import piigate.writer
    from piigate.errors import TransformError

    def boom(*a: Any, **kw: Any) -> None:
        raise TransformError("injected failure", table="customers", column="ssn")

    monkeypatch.setattr(piigate.writer, "tokenize", boom)
    monkeypatch.delenv("PIIGATE_SECRET", raising=False)
    out = tmp_path / "demo"
    assert main(["demo", "--out", str(out), "--employees", "100"]) == 3
    By = _open(driver, out / "report.html", "report-failed.png")
    assert driver.find_element(By.ID, "status").text == "failed"
    failed = driver.find_element(By.ID, "failed-step").text
    assert "tokenize" in failed and "injected failure" in failed
    assert driver.find_element(By.ID, "verification-status").text == "not run"


def _axe(driver: Any) -> list[dict[str, Any]]:
    if not AXE.exists():
        _missing(f"{AXE} is missing (npm ci --prefix tests/browser)")
    driver.set_script_timeout(60)
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        """const done = arguments[arguments.length - 1];
        axe.run(document, {resultTypes: ['violations']})
          .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                                  nodes: v.nodes.length}))))
          .catch(e => done({error: String(e)}));""")
    assert isinstance(result, list), result
    return result


def test_report_fits_1280_with_chart_examples_and_no_axe_violations(
        driver: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from selenium.webdriver.common.by import By

    monkeypatch.delenv("PIIGATE_SECRET", raising=False)
    out = tmp_path / "demo"
    main(["demo", "--out", str(out), "--employees", "200"])
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    _viewport(driver)
    driver.get((out / "report.html").as_uri())
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SCREENSHOTS / "report.png"))

    assert driver.execute_script("return innerWidth") == WIDTH
    assert driver.execute_script(
        "return document.documentElement.scrollWidth <= innerWidth"), "sideways scroll"

    bars = driver.find_elements(By.CSS_SELECTOR, "#columns-chart svg g.bar")
    assert len(bars) == len(report["per_table"]) == len(report["inventory"]["tables"])
    for bar, t in zip(bars, report["per_table"], strict=True):
        assert f"{t['masked']} masked, {t['kept']} kept" in bar.text
        width = float(bar.find_element(By.CSS_SELECTOR, "rect.masked").get_attribute("width"))
        assert (width > 0) == (t["masked"] > 0)
    # every label drawn inside the chart, none cut off at its edge
    assert driver.execute_script(
        """const svg = document.querySelector('#columns-chart svg');
        const right = svg.viewBox.baseVal.x + svg.viewBox.baseVal.width;
        return [...svg.querySelectorAll('text')].every(t => {
            const b = t.getBBox(); return b.x >= 0 && b.x + b.width <= right; });""")

    examples = driver.find_elements(By.CSS_SELECTOR, "#masked-table td.example .token")
    masked = [f for f in report["findings"] if f["masked"]]
    assert len(examples) == sum(1 for f in masked if f["example"]) > 0
    for cell, f in zip(examples, [f for f in masked if f["example"]], strict=True):
        assert cell.text == f["example"]["after"]

    # kept columns: one line each
    heights = {r.size["height"] for r in driver.find_elements(By.CSS_SELECTOR, "#kept-table tr")}
    assert max(heights) < 40, heights

    serious = [v for v in _axe(driver) if v["impact"] in ("serious", "critical")]
    assert not serious, json.dumps(serious, indent=1)
    page = driver.page_source
    assert not any(e in page for e in _source_emails(out))
    # the whole page at 1280 px wide, for docs/img/report.png
    _viewport(driver, min(int(driver.execute_script("return document.body.scrollHeight")) + 50,
                          6000))
    driver.save_screenshot(str(SCREENSHOTS / "report-full.png"))
