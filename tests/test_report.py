"""The client report: every section, no outside resource, charts at the right place, escaping.

The HTML is read back with the standard library's parser (``html.parser``) and the
charts' SVG with ``xml.etree``; the expected coordinates are worked by hand from
the scale the chart module documents (plot area y 16 to 260, x 56 to 704).

Kind: example-based, user-facing output (HTML, command line).
"""

from __future__ import annotations

import builtins
import copy
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import expressentry as ee
from expressentry import Candidate, InvalidInputError, Occupation, Teer
from expressentry.report import _svg, render
from expressentry.report._svg import DayScale, Series, ValueScale, cutoff_chart, forecast_chart
from tests.builders import cli_status

AS_OF = date(2026, 11, 22)
SECTIONS = ("summary", "score", "eligibility", "plan", "outlook", "cutoffs", "documents")
SECTIONS_ALL = (*SECTIONS, "forecast", "sources")
SVG = "{http://www.w3.org/2000/svg}"


def _profile(**changes: object) -> Candidate:
    data: dict[str, Any] = copy.deepcopy(ee.to_dict(ee.example_profile()))
    data.update(changes)
    return ee.from_dict(data, Candidate)


def _work(start: str, noc: str, *, in_canada: bool, end: str | None = None) -> dict[str, object]:
    return {
        "start": start,
        "end": end,
        "hours_per_week": 40,
        "noc": noc,
        "in_canada": in_canada,
        "self_employed": False,
        "full_time_student": False,
        "authorized": True,
    }


def _celpip(day: str, level: int) -> dict[str, object]:
    return {
        "test": "celpip_general",
        "test_date": day,
        "listening": level,
        "speaking": level,
        "reading": level,
        "writing": level,
    }


SINGLE_CEC = _profile(
    marital_status="never_married",
    spouse=None,
    dependent_children=0,
    job_offer=None,
    languages=[_celpip("2026-03-01", 9)],
    education={"level": "bachelors", "canadian_credential": "three_year_or_more"},
    work_history=[_work("2024-01-15", "21231", in_canada=True)],
    profile_submitted="2026-06-01T12:00:00+00:00",
    studied_in_canada=True,
    settlement_funds=None,
)
"""A single graduate of a Canadian degree with under three years of work in Canada."""

TRADES = _profile(
    marital_status="never_married",
    spouse=None,
    dependent_children=0,
    job_offer=None,
    languages=[_celpip("2026-01-10", 6)],
    education={"level": "secondary", "canadian_credential": "none", "eca_issued": "2025-12-01"},
    work_history=[_work("2019-02-01", "72310", in_canada=False)],
    certificate_of_qualification=True,
    certificate_noc="72310",
    profile_submitted="2026-09-01T12:00:00+00:00",
)
"""A carpenter abroad (NOC 72310) with a provincial certificate of qualification."""

EXPIRED = _profile(
    languages=[_celpip("2023-05-01", 9)],
    education={"level": "masters", "canadian_credential": "none", "eca_issued": "2020-01-15"},
    profile_submitted="2025-01-10T12:00:00+00:00",
)
"""The example with a language result and an ECA past their validity."""

PROFILES = {
    "example": ee.example_profile(),
    "single_cec": SINGLE_CEC,
    "trades": TRADES,
    "expired": EXPIRED,
}


class _Page(HTMLParser):
    """Every start tag with its attributes, and the text, of an HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


def _svgs(html: str) -> Iterator[ET.Element]:
    for found in re.findall(r"<svg\b.*?</svg>", html, flags=re.DOTALL):
        yield ET.fromstring(found)  # noqa: S314 (our own output, parsed in a test)


def _reports() -> dict[str, str]:
    return {name: ee.report_html(p, as_of=AS_OF) for name, p in PROFILES.items()}


REPORTS = _reports()


# --- every section, no outside resource ------------------------------------------------


@pytest.mark.parametrize("name", PROFILES)
def test_every_section_is_there(name: str) -> None:
    page = _parse(REPORTS[name])
    ids = [a.get("id") for _, a in page.tags]
    for section in SECTIONS_ALL:
        assert section in ids, section
    heads = "".join(page.text)
    for words in (
        "Express Entry report",
        "CRS score",
        "Eligibility on 2026-11-22",
        "Ways to raise the score",
        "Losses ahead",
        "Outlook per round type",
        "Past cut-offs and the score",
        "Documents and deadlines",
        "The score over the next 24 months",
        "This report is not legal advice and does not come from IRCC.",
    ):
        assert words in heads, words
    assert len(list(_svgs(REPORTS[name]))) == 2


@pytest.mark.parametrize("name", PROFILES)
def test_nothing_is_fetched_and_nothing_runs(name: str) -> None:
    html = REPORTS[name]
    page = _parse(html)
    assert not [t for t, _ in page.tags if t in {"script", "link", "img", "iframe", "object"}]
    for _, attrs in page.tags:
        for key in ("src", "href", "action", "srcset"):
            assert key not in attrs, attrs
        assert not any(k.startswith("on") for k in attrs)
    assert "url(" not in html  # no stylesheet resource either
    assert "@import" not in html
    # the sources are text in the footer, canada.ca among them
    footer = html[html.index('<footer id="sources">') :]
    assert "https://www.canada.ca/" in footer
    assert "https://" not in html[: html.index('<footer id="sources">')].replace(
        'xmlns="http://www.w3.org/2000/svg"', ""
    )


def test_every_score_line_and_reason_is_shown() -> None:
    text = "".join(_parse(REPORTS["example"]).text)
    breakdown = ee.score(ee.example_profile(), as_of=AS_OF)
    for line in breakdown.lines:
        assert line.reason in text
    # the example's section subtotals, as ``expressentry score --example`` prints them
    for title, subtotal in (
        ("A. Core / human capital", 404),
        ("B. Spouse or common-law partner", 20),
        ("C. Skill transferability", 100),
        ("D. Additional points", 50),
    ):
        assert re.search(rf"{re.escape(title)}\s*{subtotal}", text)


def test_what_fails_is_said() -> None:
    text = " ".join(_parse(REPORTS["example"]).text)
    assert "Federal Skilled Trades Program (FST):" in text
    assert "✗ Not met" in text
    assert "No work in a skilled trade in the 5 years before 2026-11-22" in text


def test_expired_documents_are_marked() -> None:
    page = _parse(REPORTS["expired"])
    rows = [a.get("class") for t, a in page.tags if t == "tr"]
    assert "not_met" in rows
    text = " ".join(page.text)
    assert "✗ Not valid" in text
    assert "CELPIP-General result of 2023-05-01" in text


def test_the_single_and_the_trades_worker_read_as_such() -> None:
    single = " ".join(_parse(REPORTS["single_cec"]).text)
    assert "Scored without an accompanying spouse" in single
    assert "B. Spouse or common-law partner" not in single
    trades = " ".join(_parse(REPORTS["trades"]).text)
    assert "NOC 72310 Carpenters (TEER 2)" in trades


def test_the_plan_shows_ten_changes_at_most() -> None:
    html = REPORTS["example"]
    table = html[html.index('<table class="plan">') : html.index("</table>", html.index("plan"))]
    rows = re.findall(r"<tr><td class=\"num\">(\d+)</td>", table)
    assert rows == [str(i) for i in range(1, 11)]
    assert "10 more changes are not shown." in html


# --- the charts -----------------------------------------------------------------------


def test_the_value_scale_by_hand() -> None:
    # cut-offs 500 and 540, score 574: steps of 25 from 500 to 575 (3 intervals);
    # y(574) = 260 - (574 - 500) / 75 * 244 = 19.2533...
    scale = ValueScale.around([500, 540, 574])
    assert (scale.lo, scale.hi, scale.step) == (500, 575, 25)
    assert scale.y(574) == pytest.approx(19.2533, abs=1e-4)
    assert (scale.y(500), scale.y(575)) == (260, 16)
    # 300 to 1,200: steps of 25, 50 and 100 give more than 8 intervals; 200 gives 5
    wide = ValueScale.around([300, 1124])
    assert (wide.lo, wide.hi, wide.step) == (200, 1200, 200)


def test_the_day_scale_by_hand() -> None:
    days = DayScale(date(2026, 11, 22), date(2028, 11, 22))  # 731 days
    assert days.x(date(2026, 11, 22)) == 56
    assert days.x(date(2028, 11, 22)) == 704
    # 2027-02-24 is 94 days in: 56 + 94 / 731 * 648 = 139.327...
    assert days.x(date(2027, 2, 24)) == pytest.approx(139.327, abs=1e-3)


def test_the_score_line_sits_at_the_documented_height() -> None:
    series = [Series("cec", "CEC rounds", ((date(2026, 1, 5), 500), (date(2026, 6, 1), 540)))]
    svg = ET.fromstring(  # noqa: S314 (our own output)
        cutoff_chart(series, 574, start=date(2025, 11, 22), end=date(2026, 11, 22))
    )
    line = svg.find(f".//{SVG}line[@class='score']")
    assert line is not None
    assert (line.get("y1"), line.get("y2")) == ("19.25", "19.25")  # worked above
    marks = svg.findall(f".//{SVG}g[@data-type='cec']/*[@data-cutoff]")
    assert [m.get("data-cutoff") for m in marks] == ["500", "540"]
    # 540 sits at 260 - 40 / 75 * 244 = 129.87
    assert marks[1].get("cy") == "129.87"


def test_the_report_s_score_line_agrees_with_its_own_axis() -> None:
    cutoffs = next(_svgs(REPORTS["example"]))
    ticks = {
        int(t.get("data-value", "")): float(t.get("y", "")) - 4
        for t in cutoffs.iter(f"{SVG}text")
        if t.get("class") == "tick"
    }
    (lo, y_lo), (hi, y_hi) = min(ticks.items()), max(ticks.items())
    line = cutoffs.find(f".//{SVG}line[@class='score']")
    assert line is not None
    expected = y_lo + (574 - lo) / (hi - lo) * (y_hi - y_lo)
    assert float(line.get("y1", "")) == pytest.approx(expected, abs=0.01)
    # the rounds drawn are those of the types the example can enter, in the 24 months
    types = {t for g in cutoffs.iter(f"{SVG}g") if (t := g.get("data-type")) is not None}
    assert types == {"general", "fsw", "cec", "french"}
    days = {day for m in cutoffs.iter() if (day := m.get("data-day")) is not None}
    assert min(days) >= "2024-11-22"
    assert max(days) <= "2026-11-22"


@pytest.mark.parametrize("name", PROFILES)
def test_the_forecast_steps_are_the_forecast_s_events(name: str) -> None:
    chart = list(_svgs(REPORTS[name]))[1]
    ahead = ee.forecast(PROFILES[name], start=AS_OF, end=date(2028, 11, 22))
    events = [e for e in chart.iter(f"{SVG}circle") if e.get("class") == "event"]
    assert [e.get("data-day") for e in events] == [e.day.isoformat() for e in ahead.events]
    assert [int(e.get("data-total", "")) for e in events] == [e.after.total for e in ahead.events]
    path = chart.find(f".//{SVG}path[@class='steps']")
    assert path is not None
    across = [float(x) for x in re.findall(r"H([\d.]+)", path.get("d", ""))]
    days = DayScale(AS_OF, date(2028, 11, 22))
    assert across[:-1] == [pytest.approx(days.x(e.day), abs=0.01) for e in ahead.events]
    assert across[-1] == 704


def test_the_example_s_first_step_by_hand() -> None:
    # The example gains a 4th year of Canadian work on 2027-02-24: 574 -> 581.
    chart = list(_svgs(REPORTS["example"]))[1]
    first = next(e for e in chart.iter(f"{SVG}circle") if e.get("class") == "event")
    assert (first.get("data-day"), first.get("data-total")) == ("2027-02-24", "581")
    assert first.get("cx") == "139.33"  # 56 + 94 / 731 * 648


def test_a_forecast_without_events_is_a_flat_line() -> None:
    svg = ET.fromstring(  # noqa: S314 (our own output)
        forecast_chart(450, [], start=date(2026, 1, 1), end=date(2027, 1, 1))
    )
    path = svg.find(f".//{SVG}path[@class='steps']")
    assert path is not None
    # 450 on an axis of 450 to 475: the bottom of the plot area
    assert path.get("d") == "M56 260H704"


def test_chart_text_is_escaped() -> None:
    series = [Series('x"><script>', "<b>bold</b> & co", ((date(2026, 1, 5), 500),))]
    svg = cutoff_chart(series, 510, start=date(2025, 6, 1), end=date(2026, 6, 1))
    assert "<script>" not in svg
    assert "<b>" not in svg
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; co" in svg
    ET.fromstring(svg)  # noqa: S314 (still well-formed)


# --- hostile text -----------------------------------------------------------------------

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_a_noc_title_cannot_inject_markup(monkeypatch: pytest.MonkeyPatch) -> None:
    real = ee.occupation("21231")
    assert real.title == "Software engineers and designers"  # the value the data ships

    def hostile(code: str) -> Occupation:
        return Occupation(code=code, title=real.title + HOSTILE, teer=Teer.TEER_1)

    monkeypatch.setattr(render, "occupation", hostile)
    html = ee.report_html(ee.example_profile(), as_of=AS_OF)
    assert "<script" not in html
    assert "<img" not in html
    assert "Software engineers and designers&lt;script&gt;alert(&#34;x&#34;)" in html


def test_a_reform_s_factor_title_cannot_inject_markup() -> None:
    source = ee.Source(id="t", title=HOSTILE, url="https://www.canada.ca/x", retrieved=AS_OF)

    def points(c: Candidate, as_of: date) -> tuple[int, str]:
        return 7, HOSTILE

    factor = ee.AddedFactor(
        rule_id="reform.hostile",
        section=ee.CrsSection.ADDITIONAL,
        title=HOSTILE,
        points=points,
        source=source,
    )
    rules = ee.rules_for(as_of=AS_OF).add_factor(factor, reform="hostile")
    html = ee.report_html(ee.example_profile(), as_of=AS_OF, rules=rules)
    page = _parse(html)
    assert not [t for t, _ in page.tags if t in {"script", "img"}]
    assert HOSTILE in "".join(page.text)  # shown as text, once unescaped by the parser


# --- arguments --------------------------------------------------------------------------


def test_an_invitation_day_adds_its_deadline() -> None:
    html = ee.report_html(ee.example_profile(), as_of=AS_OF, ita=AS_OF)
    text = "".join(_parse(html).text)
    assert "Invitation of 2026-11-22" in text
    assert "Apply by 2027-01-21 (60 calendar days)" in text  # IRCC's 60-day window
    without = "".join(_parse(REPORTS["example"]).text)
    assert "would have to be answered by 2027-01-21 (60 calendar days)" in without


@pytest.mark.parametrize("lang", ["de", "FR", "", None, 1])
def test_a_language_there_is_not_is_refused(lang: object) -> None:
    with pytest.raises(InvalidInputError) as caught:
        ee.report_html(ee.example_profile(), as_of=AS_OF, lang=lang)  # type: ignore[arg-type]
    problem = caught.value.problems[0]
    assert (problem.path, problem.value) == ("lang", lang)
    assert problem.message.startswith("must be one of en, fr")


def test_without_jinja2_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_jinja(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "jinja2" or name.startswith("jinja2."):
            raise ModuleNotFoundError("No module named 'jinja2'", name="jinja2")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_jinja)
    with pytest.raises(ImportError, match=re.escape('pip install "expressentry[report]"')):
        ee.report_html(ee.example_profile(), as_of=AS_OF)
    assert cli_status(["report", "--example", "--as-of", "2026-11-22"]) == 2


def test_the_core_imports_without_jinja2() -> None:
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    code = (
        "import sys; sys.modules['jinja2'] = None; sys.modules['markupsafe'] = None\n"
        "import expressentry, expressentry.report, expressentry.__main__\n"
        "print(expressentry.score(expressentry.example_profile(),"
        " as_of=__import__('datetime').date(2026, 11, 22)).total)\n"
    )
    done = subprocess.run(  # noqa: S603 (this interpreter, fixed code)
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert (done.returncode, done.stdout.strip()) == (0, "574"), done.stderr


# --- the command line -----------------------------------------------------------------


def test_cli_writes_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.html"
    status = cli_status(["report", "--example", "--as-of", "2026-11-22", "-o", str(out)])
    assert status == 0
    printed = capsys.readouterr()
    assert printed.out == ""
    # the forecast runs to 2028-11-22, after the rules' review: said once, like every command
    assert printed.err == (
        "expressentry: note: Rules last checked against their sources on 2026-11-22: this "
        "result, for 2028-11-22, applies the rules known then, not any change made since.\n"
    )
    assert out.read_text(encoding="utf-8") == REPORTS["example"]


def test_cli_prints_to_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profile = tmp_path / "single.json"
    profile.write_text(ee.to_json(SINGLE_CEC), encoding="utf-8")
    assert cli_status(["report", str(profile), "--as-of", "2026-11-22", "--ita", "2026-11-22"]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("<!DOCTYPE html>")
    assert printed == ee.report_html(SINGLE_CEC, as_of=AS_OF, ita=AS_OF)


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["report", "--example", "--lang", "de"], "argument --lang: invalid choice: 'de'"),
        (["report", "no-such-file.json"], "cannot read no-such-file.json"),
        (["report", "--example", "--as-of", "2010-01-01"], "no rule in force on 2010-01-01"),
        (["report", "--example", "--as-of", "2026-02-30"], "not a real date"),
        (["report", "--example", "-o", "no-such-folder/r.html"], "cannot write"),
    ],
)
def test_cli_bad_input_exits_2(
    args: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli_status(args) == 2
    err = capsys.readouterr().err
    assert said in err
    assert "Traceback" not in err


def test_cli_bad_profile_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"date_of_birth": 3}', encoding="utf-8")
    assert cli_status(["report", str(bad)]) == 2
    assert "$.date_of_birth" in capsys.readouterr().err


def test_the_chart_module_documents_its_geometry() -> None:
    assert (_svg.LEFT, _svg.TOP, _svg.WIDTH - _svg.RIGHT, _svg.HEIGHT - _svg.BOTTOM) == (
        56,
        16,
        704,
        260,
    )


def test_a_real_round_sits_where_its_cut_off_says() -> None:
    # the latest CEC round before the report's day, read from the shipped history
    latest = max(
        (r for r in ee.rounds() if r.round_type == "cec" and r.day <= AS_OF), key=lambda r: r.day
    )
    cutoffs = next(_svgs(REPORTS["example"]))
    ticks = {
        int(t.get("data-value", "")): float(t.get("y", "")) - 4
        for t in cutoffs.iter(f"{SVG}text")
        if t.get("class") == "tick"
    }
    (lo, y_lo), (hi, y_hi) = min(ticks.items()), max(ticks.items())
    group = cutoffs.find(f".//{SVG}g[@data-type='cec']")
    assert group is not None
    mark = next(m for m in group if m.get("data-day") == latest.day.isoformat())
    assert mark.get("data-cutoff") == str(latest.cutoff)
    top = min(float(y) for y in re.findall(r",([\d.]+)", mark.get("points", "")))
    # a triangle: its apex is 4.5 units above the round's point
    assert top + 4.5 == pytest.approx(y_lo + (latest.cutoff - lo) / (hi - lo) * (y_hi - y_lo))


def test_it_prints_on_a4_and_letter_without_colour() -> None:
    html = REPORTS["example"]
    assert "@page { margin: 14mm 12mm; }" in html  # no fixed size: the printer's paper
    assert "@media print" in html
    assert "break-inside: avoid" in html
    assert "thead { display: table-header-group; }" in html  # headers repeat on each page
    text = "".join(_parse(html).text)
    # a result is written, not only coloured
    assert "✓ Met" in text
    assert "✗ Not eligible" in text
    assert "✓ Valid" in text
