"""The monthly report in a real browser: Debian's Chromium, driven by Playwright.

Opened from disk as the ethics office opens it: no console error, no network request,
every chart present and labelled, nothing wider than an A4 page in print, and a
screenshot (and the printed PDF) kept in the test's temporary folder.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from samplelog import sample_rows

from bot.faqreport import render
from storage.faq import Row, build
from storage.faqdigest import TrendMonth
from storage.questionlog import months_before

CHROMIUM = Path("/usr/bin/chromium")
# A4 less the print stylesheet's 15 mm margins either side, in CSS pixels (96 per inch).
A4_CONTENT_PX = round((210 - 2 * 15) / 25.4 * 96)
CHARTS = 6  # per topic, in/out of the guidelines, language, walkthrough, guideline, trend


@pytest.fixture(scope="module")
def chromium():
    missing = None
    if not CHROMIUM.exists() and not shutil.which("chromium"):
        missing = "Chromium is not installed (apt-get install chromium chromium-driver)"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing = missing or "Playwright for Python is not installed (pip install -e '.[dev]')"
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{missing}: CI must run the browser tests")
        pytest.skip(missing)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM if CHROMIUM.exists() else shutil.which("chromium")),
            args=["--no-sandbox"],  # CI containers run as root
        )
        yield browser
        browser.close()


def sample_page(lang: str) -> str:
    """The generated year's report for its last month, built as the export builds it."""
    by_month: dict[str, list[Row]] = {}
    for r in sample_rows("2026-10"):
        row = Row(r["lang"], r["text"], tuple(r["guidelines"]), r["topic"], r["answer"], r["asker"])
        by_month.setdefault(r["month"], []).append(row)
    months = [months_before("2026-10", i) for i in range(11, -1, -1)]
    trend = [TrendMonth(m, build(m, by_month[m], 5)) for m in months]
    from conversations import Engine

    return render(trend[-1].faq, Engine(), "html", lang, trend)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_report_opens_from_disk_and_prints_on_a4(chromium, tmp_path, lang):
    report = tmp_path / f"amicus-faq-2026-10-{lang}.html"
    report.write_text(sample_page(lang), encoding="utf-8")
    page = chromium.new_page(viewport={"width": 1024, "height": 900})
    problems, requests = [], []
    page.on(
        "console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None
    )
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(report.as_uri())
    page.wait_for_load_state("load")

    assert problems == []
    assert requests == [report.as_uri()]  # the file itself, nothing else

    charts = page.locator("figure.chart")
    assert charts.count() == CHARTS
    for i in range(CHARTS):
        chart = charts.nth(i)
        assert chart.locator("figcaption strong").inner_text().strip()
        svg = chart.locator("svg")
        assert svg.count() == 1 and (svg.locator("title").text_content() or "").strip()
        box = svg.bounding_box()
        assert box and box["width"] > 100 and box["height"] > 20  # drawn, not collapsed
        assert svg.locator("text").count() >= 2  # labelled: category names and values

    shot = tmp_path / f"report-{lang}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes().startswith(b"\x89PNG")

    # Print: the A4 content width, print media; nothing may stick out of it.
    page.set_viewport_size({"width": A4_CONTENT_PX, "height": 1100})
    page.emulate_media(media="print")
    widest = page.evaluate(
        """() => Math.max(document.documentElement.scrollWidth,
              ...[...document.querySelectorAll('body *')]
                  .map(e => e.getBoundingClientRect().right))"""
    )
    assert widest <= A4_CONTENT_PX + 1, f"{widest}px wide on a {A4_CONTENT_PX}px A4 page"
    page.screenshot(path=str(tmp_path / f"report-{lang}-print.png"), full_page=True)
    pdf = tmp_path / f"report-{lang}.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    assert pdf.read_bytes().startswith(b"%PDF")
    page.close()
