"""The client report in a real browser: headless Chromium, driven by Selenium.

The example profile and the three varied ones of ``tests/test_report.py`` (and the
example with an invitation day, the longest report), each in English and in
French, are written to files and
opened from ``file://`` in the system's Chromium with the system's chromedriver
(Debian's ``chromium`` and ``chromium-driver``, which ``.ci/run`` installs):
nothing is downloaded, by the test or by the page. Each page
must log no console error, ask for nothing but itself, show every section and
both charts, draw the score line at the height worked by hand from the chart's
documented scale, and print to PDF on A4 and on Letter paper in at most 3 pages.

Without the browser the tests are skipped, with the reason, on a developer's
machine; under CI (the ``CI`` variable set, as ``.ci/run`` runs) they fail, so a
missing browser cannot pass unnoticed.

Kind: end-to-end, user-facing output (a browser's rendering and its print to PDF).
"""

from __future__ import annotations

import base64
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from attrs import frozen
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.chrome.webdriver import WebDriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.print_page_options import PrintOptions
from selenium.webdriver.remote.webelement import WebElement

import expressentry as ee
from tests.test_report import AS_OF, PROFILES, SECTIONS_ALL

pytestmark = pytest.mark.slow  # a long test: CI runs it (pytest -m slow)

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
PAPERS = {"A4": (21.0, 29.7), "Letter": (21.59, 27.94)}  # width, height in cm
MAX_PAGES = 3
_ENGLISH = {
    **{name: (profile, None) for name, profile in PROFILES.items()},
    # the longest of all: the example with an invitation's deadline and documents
    "example_ita": (PROFILES["example"], AS_OF),
}
BROWSED = {
    **{name: (profile, ita, "en") for name, (profile, ita) in _ENGLISH.items()},
    **{f"{name}_fr": (profile, ita, "fr") for name, (profile, ita) in _ENGLISH.items()},
}
"""The reports opened: ``tests/test_report.py``'s profiles, and the example invited,
in English and in French (``NAME_fr``)."""

HEADINGS = {
    "summary": "Express Entry report",
    "score": "CRS score: ",
    "eligibility": "Eligibility on 2026-11-22",
    "plan": "Ways to raise the score",
    "outlook": "Outlook per round type",
    "cutoffs": "Past cut-offs and the score",
    "documents": "Documents and deadlines",
    "forecast": "The score over the next 24 months",
    "sources": "Sources",
}
"""Each section's id, as the template sets it, and the start of its heading."""
HEADINGS_FR = {
    "summary": "Rapport Entrée express",
    "score": "Score SCG : ",
    "eligibility": "Admissibilité au 2026-11-22",
    "plan": "Façons d’augmenter le score",
    "outlook": "Perspectives par type de ronde",
    "cutoffs": "Seuils passés et score",
    "documents": "Documents et échéances",
    "forecast": "Le score au cours des 24 prochains mois",
    "sources": "Sources",
}
"""The same in French, as the catalog words them (a French page draws the same charts)."""

# The score line of the cut-off chart, worked by hand from the scale that _svg.py
# documents: the plot area runs from y = 260 (the axis's lowest value, lo) up to
# y = 16 (its highest, hi), so a value v sits at y = 260 - (v - lo) / (hi - lo) * 244;
# lo and hi are the lowest and highest values drawn, rounded outward to the first
# tick step of 25, 50, 100, 200, 500 that needs at most 8 intervals.
#
# example, score 574; rounds it can enter (general, FSW, CEC, French) from
#   2024-11-22 to 2026-11-22, the lowest the French round of 2025-03-21 at 379,
#   the highest 547: 379..574 in steps of 25 is 375..575 (8 intervals), so the
#   score line is at 260 - 199 / 200 * 244 = 260 - 242.78 = 17.22, and the round
#   of 379 at 260 - 4 / 200 * 244 = 255.12 (a triangle: its apex 4.5 higher, 250.62).
# single_cec, score 471; CEC rounds only, from 507 (2026-03-17) to 547:
#   471..547 is 450..550 in steps of 25 (4 intervals): 260 - 21 / 100 * 244 = 208.76;
#   the round of 507 at 260 - 57 / 100 * 244 = 120.92 (a square: its top 3.5 higher,
#   117.42).
# trades, score 185; trades rounds from 477 (2026-04-02) to 505: 185..505 needs
#   14 steps of 25, 8 of 50: 150..550, so 260 - 35 / 400 * 244 = 238.65; the round
#   of 477 at 260 - 327 / 400 * 244 = 60.53 (a triangle: apex at 56.03).
# expired, score 211; no round type open, so the score alone: 200..225,
#   260 - 11 / 25 * 244 = 152.64, and no round drawn.
SCORE_LINE = {"example": 17.22, "single_cec": 208.76, "trades": 238.65, "expired": 152.64}
SCORE_LINE["example_ita"] = SCORE_LINE["example"]  # an invitation day changes no chart
KNOWN_ROUND: dict[str, tuple[str, str, int, float]] = {
    # profile: (round type, day, cut-off, top of its marker in user units)
    "example": ("french", "2025-03-21", 379, 250.62),
    "single_cec": ("cec", "2026-03-17", 507, 117.42),
    "trades": ("trades", "2026-04-02", 477, 56.03),
}
KNOWN_ROUND["example_ita"] = KNOWN_ROUND["example"]
VIEWBOX_WIDTH = 720  # both charts' drawing width in user units


@frozen
class Visit:
    """One report opened in the browser, and what the browser said about it."""

    url: str
    console: tuple[dict[str, Any], ...]
    requests: tuple[str, ...]
    pages: dict[str, int]


def _missing_browser() -> str | None:
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not os.access(p, os.X_OK)]
    if not missing:
        return None
    return (
        f"headless Chromium is needed: {' and '.join(missing)} not found "
        "(apt-get install chromium chromium-driver, as .ci/run does)"
    )


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    reason = _missing_browser()
    if reason is not None:
        if os.environ.get("CI", "").lower() not in {"", "0", "false", "no"}:
            pytest.fail(f"{reason}; under CI this test must run", pytrace=False)
        pytest.skip(reason)
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-extensions",
        "--no-first-run",
        "--window-size=1280,1024",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def page_count(pdf: bytes) -> int:
    """Pages in a PDF as Chromium writes it: its page objects, checked against the tree's count.

    >>> page_count(b"<< /Type /Pages /Count 2 >> << /Type /Page >> << /Type/Page >>")
    2
    """
    pages = len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", pdf))
    counts = {int(n) for n in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", pdf)}
    assert not counts or max(counts) == pages, (counts, pages)
    return pages


def _log(driver: WebDriver, kind: str) -> list[dict[str, Any]]:
    """The browser's log of ``kind`` since it was last read (Selenium leaves it untyped)."""
    entries: list[dict[str, Any]] = driver.get_log(kind)  # type: ignore[no-untyped-call]
    return entries


def _open(driver: WebDriver, url: str) -> None:
    if driver.current_url != url:
        driver.get(url)


@pytest.fixture(scope="module", params=list(BROWSED))
def visit(
    request: pytest.FixtureRequest, browser: WebDriver, tmp_path_factory: pytest.TempPathFactory
) -> Visit:
    name: str = request.param
    path = tmp_path_factory.mktemp("reports") / f"{name}.html"
    profile, ita, lang = BROWSED[name]
    path.write_text(ee.report_html(profile, as_of=AS_OF, ita=ita, lang=lang), encoding="utf-8")
    url = path.as_uri()
    _log(browser, "browser")  # drop what an earlier page left
    _log(browser, "performance")
    browser.get(url)
    console = tuple(_log(browser, "browser"))
    requests = []
    for entry in _log(browser, "performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            requests.append(str(message["params"]["request"]["url"]))
    pages = {}
    for paper, (width, height) in PAPERS.items():
        options = PrintOptions()
        options.page_width, options.page_height = width, height
        pages[paper] = page_count(base64.b64decode(browser.print_page(options)))
    return Visit(url=url, console=console, requests=tuple(requests), pages=pages)


def _profile_of(visit: Visit) -> str:
    """The profile's name, the same in both languages (its chart is the same)."""
    return Path(visit.url).stem.removesuffix("_fr")


def _lang_of(visit: Visit) -> str:
    return "fr" if Path(visit.url).stem.endswith("_fr") else "en"


def _shown(element: WebElement) -> bool:
    rect = element.rect
    return element.is_displayed() and rect["width"] > 0 and rect["height"] > 0


# --- the page loads cleanly -------------------------------------------------------------


def test_no_console_error(visit: Visit) -> None:
    assert [e for e in visit.console if e["level"] == "SEVERE"] == [], visit.console


def test_no_request_leaves_the_page(visit: Visit) -> None:
    assert visit.url in visit.requests  # the log is read: the page itself is in it
    others = [u for u in visit.requests if u != visit.url and not u.startswith("data:")]
    assert others == []


# --- what a reader sees -----------------------------------------------------------------


def test_every_section_and_both_charts_are_visible(visit: Visit, browser: WebDriver) -> None:
    _open(browser, visit.url)
    assert tuple(HEADINGS) == tuple(HEADINGS_FR) == SECTIONS_ALL
    headings = HEADINGS_FR if _lang_of(visit) == "fr" else HEADINGS
    html = browser.find_element(By.TAG_NAME, "html")
    assert html.get_attribute("lang") == _lang_of(visit)
    for section, heading in headings.items():
        element = browser.find_element(By.ID, section)
        assert _shown(element), section
        title = element.find_element(By.CSS_SELECTOR, "h1, h2")
        assert _shown(title), section
        assert title.text.startswith(heading), (section, title.text)
    invited = browser.find_elements(By.ID, "invitation")
    assert len(invited) == (_profile_of(visit) == "example_ita")
    assert all(_shown(h) for h in invited)
    charts = browser.find_elements(By.CSS_SELECTOR, "svg.chart")
    assert len(charts) == 2
    for chart, section in zip(charts, ("cutoffs", "forecast"), strict=True):
        assert _shown(chart), section
        assert chart.find_element(By.XPATH, "ancestor::section").get_attribute("id") == section
        assert chart.rect["width"] >= 400  # drawn at a readable size, not squeezed
    line = browser.find_element(By.CSS_SELECTOR, "svg.chart line.score")
    steps = browser.find_element(By.CSS_SELECTOR, "svg.chart path.steps")
    assert _shown(steps)
    # a horizontal line has no height, which Selenium's is_displayed counts as hidden
    assert line.rect["width"] > 0
    assert line.value_of_css_property("visibility") == "visible"
    assert line.value_of_css_property("display") != "none"


def test_the_score_line_sits_at_the_height_worked_by_hand(visit: Visit, browser: WebDriver) -> None:
    name = _profile_of(visit)
    _open(browser, visit.url)
    chart = browser.find_element(By.CSS_SELECTOR, "#cutoffs svg.chart")
    line = chart.find_element(By.CSS_SELECTOR, "line.score")
    expected = SCORE_LINE[name]
    assert line.get_attribute("y1") == line.get_attribute("y2") == f"{expected:.2f}"
    # on screen: the chart is drawn at width / 720 pixels a unit, from its top edge
    scale = chart.rect["width"] / VIEWBOX_WIDTH
    drawn = line.rect["y"] - chart.rect["y"]
    assert drawn == pytest.approx(expected * scale, abs=0.5)
    marks = chart.find_elements(By.CSS_SELECTOR, "[data-cutoff]")
    if name not in KNOWN_ROUND:
        assert marks == []  # no round type open: the score alone
        return
    kind, day, cutoff, top = KNOWN_ROUND[name]
    mark = chart.find_element(By.CSS_SELECTOR, f"g[data-type='{kind}'] [data-day='{day}']")
    assert mark.get_attribute("data-cutoff") == str(cutoff)
    assert mark.rect["y"] - chart.rect["y"] == pytest.approx(top * scale, abs=0.5)
    # the lowest round drawn is the known one, so the axis is the one worked above
    assert min(int(m.get_attribute("data-cutoff") or "0") for m in marks) == cutoff


# --- on paper ---------------------------------------------------------------------------


@pytest.mark.parametrize("paper", PAPERS)
def test_it_prints_on_three_pages_at_most(visit: Visit, paper: str) -> None:
    assert 1 <= visit.pages[paper] <= MAX_PAGES, visit.pages
