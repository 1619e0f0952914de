"""The client report in French: every word French, the same figures and charts as in English.

A French page is read back with the standard library's parser (``html.parser``):
its visible text (the page's and the charts' text, and their ``aria-label``),
leaving out what the page marks ``lang="en"`` (a NOC's title, an official
page's title, a rule table's note, quoted in English on purpose), the style
sheet and the web addresses. That text must
hold no English phrase of the catalog (the fixed words of every message whose
French differs, two words or more: ``tests/test_i18n.py``'s list) and none of a
few English words French never uses, which would catch words that are not a
message at all. The expected French texts are the catalog's, as the
documentation's examples (``docs/translations.md``) and IRCC's French terms
give them, and the figures are those ``tests/test_report.py`` checks in English.

Kind: example-based and property-based (random profiles), user-facing output.
"""

from __future__ import annotations

import random
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import expressentry as ee
from expressentry.i18n import tr
from expressentry.report import render
from expressentry.timelines.forecast import Milestone, MilestoneKind
from tests.builders import cli_status
from tests.strategies import random_candidate
from tests.test_i18n import _english_phrases, _words
from tests.test_report import AS_OF, PROFILES

pytest.importorskip("jinja2")

VOID = frozenset({"meta", "br", "hr", "img", "input", "link", "wbr", "col", "area", "base"})
ENGLISH_WORDS = frozenset(
    {"the", "of", "and", "with", "from", "while", "until", "rounds", "held", "eligible"}
    | {"met", "not", "unknown", "days", "years", "valid", "none", "pool", "invited"}
    | {"forecast", "past", "cut", "offs", "ahead", "losses", "requirement", "spouse"}
)
"""English words no French sentence of the report uses (checked word by word)."""


class _Visible(HTMLParser):
    """The text a reader sees or hears, without what is marked ``lang="en"``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, hidden from the check)
        self.text: list[str] = []
        self.quoted: list[str] = []  # what is marked lang="en"

    def _hidden(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        english = found.get("lang") == "en" and tag != "html"  # the page's own language aside
        hidden = self._hidden() or english or tag == "style"
        if not hidden and found.get("aria-label"):
            self.text.append(found["aria-label"] or "")
        if tag not in VOID:
            self.stack.append((tag, hidden))
        if english:
            self.quoted.append("")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if not self._hidden() and found.get("aria-label"):
            self.text.append(found["aria-label"] or "")

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                return

    def handle_data(self, data: str) -> None:
        if self._hidden():
            if self.stack and self.stack[-1][0] != "style" and self.quoted:
                self.quoted[-1] += data
            return
        self.text.append(data)


def _visible(html: str) -> _Visible:
    page = _Visible()
    page.feed(html)
    page.close()
    return page


def _text(html: str) -> str:
    return " ".join(" ".join(_visible(html).text).split())


PHRASES = _english_phrases()


def _english_in(html: str) -> list[str]:
    """The English phrases of the catalog, and the English words, in the page's French text."""
    text = _words(re.sub(r"https?://\S+", " ", " ".join(_visible(html).text)))  # addresses aside
    leaked = [p for p in PHRASES if p in text and re.search(rf"\b{re.escape(p)}\b", text)]
    words = {w.lower() for w in text.split()}
    return leaked + sorted(words & ENGLISH_WORDS)


FRENCH = {name: ee.report_html(p, as_of=AS_OF, lang="fr") for name, p in PROFILES.items()}
FRENCH["example_ita"] = ee.report_html(PROFILES["example"], as_of=AS_OF, ita=AS_OF, lang="fr")
ENGLISH = {name: ee.report_html(p, as_of=AS_OF) for name, p in PROFILES.items()}
ENGLISH["example_ita"] = ee.report_html(PROFILES["example"], as_of=AS_OF, ita=AS_OF)


# --- no English sentence --------------------------------------------------------------


def test_the_check_knows_the_report_s_english() -> None:
    # the check itself: it finds the English page's words, so an empty list means something
    assert "This report is not legal advice and does not come from IRCC" in PHRASES
    assert "of the last" in PHRASES  # a phrase of the report's own outlook message
    found = _english_in(ENGLISH["example"])
    assert "Ways to raise the score" in found
    assert "Eligible if the requirements not checked are confirmed" not in found  # none unknown
    assert {"the", "of", "eligible", "met"} <= set(found)


@pytest.mark.parametrize("name", FRENCH)
def test_a_french_report_holds_no_english_sentence(name: str) -> None:
    assert _english_in(FRENCH[name]) == []


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), invited=st.booleans(), data=st.data())
def test_random_french_reports_hold_no_english_sentence(
    seed: int, invited: bool, data: st.DataObject
) -> None:
    rng = random.Random(seed)
    day = data.draw(st.dates(date(2019, 1, 1), date(2026, 11, 22)), label="as_of")
    candidate = random_candidate(rng, day)
    html = ee.report_html(candidate, as_of=day, ita=day if invited else None, lang="fr")
    assert _english_in(html) == []
    assert '<html lang="fr">' in html


def test_only_titles_are_quoted_in_english() -> None:
    page = _visible(FRENCH["example"])
    # the example's occupation, and the official pages' titles in the footer
    assert "Software engineers and designers" in page.quoted
    assert "Comprehensive Ranking System (CRS) criteria – Express Entry" in page.quoted
    footer = FRENCH["example"][FRENCH["example"].index('<footer id="sources">') :]
    sources = re.findall(r"<li>(.*?)</li>", footer.split('<ul class="caveats">')[0])
    assert sources  # every source: a title in English, then its address
    assert all(s.startswith('<span lang="en">') for s in sources), sources
    # nothing else is marked: one span a source, one for the occupation
    assert len(page.quoted) == len(sources) + 1


def test_a_rule_s_note_is_quoted_in_english() -> None:
    # a rule table's note is English data: the French sentence around it, the note marked
    note = "Arranged-employment points removed for every candidate in the pool."
    words = tr("Rule {rule} changes: {note}", rule="crs.additional.job_offer", note=note)
    milestone = Milestone(kind=MilestoneKind.RULES, description=str(words), message=words)
    assert render._milestone(milestone, "en") == f"Rule crs.additional.job_offer changes: {note}"
    assert str(render._milestone(milestone, "fr")) == (
        f'La règle crs.additional.job_offer change : <span lang="en">{note}</span>'
    )
    hostile = tr("Rule {rule} changes: {note}", rule="<b>", note="<script>")
    marked = Milestone(kind=MilestoneKind.RULES, description=str(hostile), message=hostile)
    assert "<script>" not in str(render._milestone(marked, "fr"))
    assert "&lt;b&gt;" in str(render._milestone(marked, "fr"))


# --- what the French page says, by hand -----------------------------------------------


def test_the_example_in_french() -> None:
    html = FRENCH["example"]
    text = _text(html)
    assert '<html lang="fr">' in html
    assert "<title>Rapport Entrée express : SCG 574 au 2026-11-22</title>" in html
    assert "<h2>Admissibilité au 2026-11-22</h2>" in html
    # the section's title and its subtotal, as ``expressentry score --example`` gives it
    assert re.search(r"A\. Facteurs de base / capital humain\s*404", text)
    # the documentation's own examples of the French texts (docs/translations.md)
    assert "Âge : 32 ans le 2026-11-22, avec un époux ou conjoint de fait qui l’accompagne" in text
    assert (
        "7311 heures de travail continu sur 1560 dans la CNP 21231 (FÉER 1) au cours des "
        "10 années précédant le 2026-11-22"
    ) in text
    assert "Une désignation d’une province ou d’un territoire 2026-11-22 +550 1124" in text
    # IRCC's French names of the programs, with the verdicts
    assert (
        "Programme des travailleurs de métiers spécialisés (fédéral) (PTMSF) : ✗ Non admissible"
    ) in text
    assert "Catégorie de l’expérience canadienne (CEC) : ✓ Admissible" in text
    assert "✓ Respectée" in text
    assert "✗ Non respectée" in text
    # the occupation: the French code's name, the title quoted in English
    assert 'CNP 21231 <span lang="en">Software engineers and designers</span> (FÉER 1)' in html
    # the outlook: CEC rounds, 10 of the last 10 invited the example's 574
    assert "rondes d’invitations – Catégorie de l’expérience canadienne" in text
    assert "10 sur les 10 dernières" in text
    assert '<td class="num">0\u00a0%</td>' in html  # a (no-break) space before the sign
    assert "Ce rapport n’est pas un avis juridique et ne provient pas d’IRCC." in text


def test_the_french_charts_say_it_in_french() -> None:
    html = FRENCH["example"]
    assert 'aria-label="Notes limites passées du 2024-11-22 au 2026-11-22, et le score 574"' in html
    assert 'aria-label="Score SCG prévu du 2026-11-22 au 2028-11-22"' in html
    assert 'font-weight="bold">Score 574</text>' in html
    assert re.search(r'font-size="11">SCG</text>', html)  # the value axis's unit
    assert ">CRS</text>" not in html


def test_an_invitation_in_french() -> None:
    text = _text(FRENCH["example_ita"])
    # IRCC's 60-day window, as in English: 2026-11-22 + 60 days = 2027-01-21
    assert "Présenter la demande au plus tard le 2027-01-21 (60 jours civils)" in text
    assert "Invitation du 2026-11-22" in text


def test_the_single_and_the_trades_worker_in_french() -> None:
    single = _text(FRENCH["single_cec"])
    assert "Score calculé sans époux ni conjoint de fait qui accompagne." in single
    assert "B. Facteurs liés à l’époux ou au conjoint de fait" not in single
    assert 'CNP 72310 <span lang="en">Carpenters</span> (FÉER 2)' in FRENCH["trades"]
    expired = _text(FRENCH["expired"])
    assert "✗ Non valide" in expired
    assert "résultat CELPIP-General du 2023-05-01" in expired


# --- the same report, in the other language ---------------------------------------------


def _shape(html: str) -> list[str]:
    """The page's elements, ids, classes and chart coordinates: all but the words."""
    html = re.sub(r'<span lang="en">(.*?)</span>', r"\1", html)
    tags = re.findall(r"<([a-z]+)\b([^>]*)>", html)
    return [tag + " " + _WORDED.sub("", attrs) for tag, attrs in tags if tag != "strong"]


_WORDED = re.compile(r'(aria-label|lang)="[^"]*"')


@pytest.mark.parametrize("name", FRENCH)
def test_french_and_english_show_the_same_things(name: str) -> None:
    # same sections, rows, classes, chart points and lines: only the words differ
    assert _shape(FRENCH[name]) == _shape(ENGLISH[name])


# --- the command line -------------------------------------------------------------------


def test_cli_writes_the_french_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "rapport.html"
    args = ["report", "--example", "--as-of", "2026-11-22", "--lang", "fr", "-o", str(out)]
    assert cli_status(args) == 0
    assert capsys.readouterr().out == ""
    assert out.read_text(encoding="utf-8") == FRENCH["example"]


def test_cli_refuses_a_language_there_is_not(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_status(["report", "--example", "--lang", "de"]) == 2
    err = capsys.readouterr().err
    assert "argument --lang: invalid choice: 'de' (choose from" in err
    assert "'en', 'fr'" in err or "en, fr" in err
    assert "Traceback" not in err


def test_a_loss_joining_rule_changes_quotes_each_note_in_english() -> None:
    """Two rule changes on one day (2026-02-18: category work and category lists) make one loss.

    Found by the random test (seed 1, 2025-02-19): each note is the rule table's
    English text, so each is quoted, also inside the joined message.
    """
    day = date(2025, 2, 19)
    candidate = random_candidate(random.Random(1), day)
    html = ee.report_html(candidate, as_of=day, lang="fr")
    assert _english_in(html) == []
    assert 'La règle category.work_experience change : <span lang="en">Announced' in html
    assert '; La règle category.sets change : <span lang="en">' in html
