"""Every message in English and French: the catalog is complete, current and compiled.

The catalog is ``src/expressentry/locale/fr/LC_MESSAGES/expressentry.po``; the
package reads its compiled ``.mo`` with :mod:`gettext`. Checked here: every
message has a French text (none empty, none fuzzy), with the same parameters;
the messages the code uses are exactly the catalog's (extracted by Babel with
the project's own configuration, as ``docs/translations.md`` says to); the
shipped ``.mo`` holds what the ``.po`` compiles to; and a breakdown worded in
French holds no English sentence of the catalog.

The French sentences expected for the example profile were written by hand in
IRCC's French terms (Système de classement global, « époux ou conjoint de
fait », the four abilities « compréhension de l'oral », « expression orale »,
« compréhension de l'écrit », « expression écrite »; NCLC for French and CLB for
English levels), not produced by the code.

Kind: property of the shipped catalog, and examples of user-facing behaviour.
"""

from __future__ import annotations

import io
import random
import re
import string
from datetime import date
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

import expressentry as ee
from expressentry.i18n import LANGUAGES, Message, check_lang, tr
from tests.strategies import random_candidate

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "expressentry"
MESSAGES = PACKAGE / "locale" / "fr" / "LC_MESSAGES"
AS_OF = date(2026, 11, 22)
WITH_SPOUSE = "avec un époux ou conjoint de fait qui l’accompagne"


def _catalog() -> Catalog:
    with (MESSAGES / "expressentry.po").open("rb") as po:
        return read_po(po, locale="fr")


def _texts(catalog: Catalog) -> dict[str, str]:
    """Every message of ``catalog`` (the header left out): English id -> French text."""
    return {str(m.id): str(m.string) for m in catalog if m.id}


def _fields(template: str) -> tuple[set[str], int]:
    """The parameters of a template: ``{name}`` (Python) or ``%(name)s`` (Jinja2), and %% signs."""
    if "%(" in template or "%%" in template:
        return set(re.findall(r"%\((\w+)\)s", template)), template.count("%%")
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}, 0


def test_every_message_has_a_french_text() -> None:
    catalog = _catalog()
    missing = sorted(
        str(m.id)
        for m in catalog
        if m.id and (not all(m.string) if isinstance(m.string, tuple) else not m.string or m.fuzzy)
    )
    assert missing == []
    assert len(_texts(catalog)) > 80  # the CRS lines' messages at least


def test_french_texts_take_the_same_parameters() -> None:
    wrong = {
        english: french
        for english, french in _texts(_catalog()).items()
        if _fields(english) != _fields(french)
    }
    assert wrong == {}
    # A message about a count: each English and French form takes the same ones.
    for message in _catalog():
        if isinstance(message.id, tuple) and isinstance(message.string, tuple):
            forms = [*message.id, *message.string]
            assert len({frozenset(_fields(str(f))[0]) for f in forms}) == 1, message.id


def test_the_catalog_holds_exactly_the_messages_the_code_uses(tmp_path: Path) -> None:
    template = tmp_path / "expressentry.pot"
    CommandLineInterface().run(  # type: ignore[no-untyped-call]  # Babel leaves it unannotated
        [
            "pybabel",
            "--quiet",
            "extract",
            "-F",
            str(ROOT / "pyproject.toml"),
            "-o",
            str(template),
            str(PACKAGE),
        ]
    )
    with template.open("rb") as pot:
        used = {str(m.id) for m in read_po(pot) if m.id}
    shipped = set(_texts(_catalog()))
    assert sorted(used - shipped) == []  # used, not in the catalog: run pybabel update
    assert sorted(shipped - used) == []  # in the catalog, no longer used
    assert "Age {age} on {day}, {who}" in used  # the extraction found the CRS lines


def test_the_shipped_mo_is_the_po_compiled() -> None:
    compiled = io.BytesIO()
    write_mo(compiled, _catalog())
    compiled.seek(0)
    with (MESSAGES / "expressentry.mo").open("rb") as shipped:
        assert _texts(read_mo(shipped)) == _texts(read_mo(compiled))


def test_the_example_profile_s_lines_in_french() -> None:
    lines = {line.reason: line for line in ee.score(ee.example_profile(), as_of=AS_OF).lines}
    expected = {
        "Age 32 on 2026-11-22, with accompanying spouse": (
            f"Âge : 32 ans le 2026-11-22, {WITH_SPOUSE}"
        ),
        "First official language: CLB 10 in listening, with accompanying spouse": (
            f"Première langue officielle : CLB 10 en compréhension de l’oral, {WITH_SPOUSE}"
        ),
        "Second official language: NCLC 7 in speaking": (
            "Deuxième langue officielle : NCLC 7 en expression orale"
        ),
        "Spouse's Canadian skilled work in the last 10 years: 0 years": (
            "Expérience de travail qualifié au Canada de l’époux ou du conjoint de fait "
            "au cours des 10 dernières années : 0 an"  # French: 0 and 1 are singular
        ),
        "Job offer in NOC 21231": "Offre d’emploi : CNP 21231",
        "Education group capped at 50": "Groupe de la scolarité : plafond de 50 points",
    }
    assert {english: lines[english].text("fr") for english in expected} == expected
    assert all(line.text("en") == line.reason for line in lines.values())


def test_the_breakdown_explained_in_french() -> None:
    text = ee.score(ee.example_profile(), as_of=AS_OF).explain(lang="fr")
    first = text.splitlines()[:2]
    assert first == [
        "Score SCG au 2026-11-22 (règles en vigueur depuis le 2025-03-25)",
        "Score calculé avec un époux ou conjoint de fait qui accompagne",
    ]
    assert "A. Facteurs de base / capital humain" in text
    assert re.search(r"^Total +574$", text, re.MULTILINE)
    later = ee.score(ee.example_profile(), as_of=date(2030, 1, 1)).explain(lang="fr")
    assert later.splitlines()[-1].startswith(
        "Remarque : Règles vérifiées auprès de leurs sources pour la dernière fois le 2026-11-22"
    )


def _english_phrases(where: str = "") -> list[str]:
    """Phrases of the catalog's English texts that a French text must not contain.

    The fixed words between a template's parameters and markup, of two words or
    more, of messages whose French differs (a test's name reads the same in
    both); ``where``: only the messages used in files whose path contains it.
    """
    found: set[str] = set()
    for message in _catalog():
        english, french = str(message.id), str(message.string)
        if not message.id or english == french:
            continue
        if where not in " ".join(path for path, _ in message.locations):
            continue
        for piece in re.split(r"\{[^}]*\}|%\(\w+\)s|<[^>]*>", english):
            words = re.findall(r"[A-Za-z']+", piece)
            if len(words) >= 2:
                found.add(" ".join(words))
    return sorted(found)


def _words(text: str) -> str:
    return " ".join(re.findall(r"[A-Za-z']+", text))


@pytest.mark.slow  # random profiles: CI runs it (pytest -m slow)
def test_breakdowns_in_french_hold_no_english_sentence() -> None:
    rng = random.Random(20)
    phrases = _english_phrases()
    assert "Canadian skilled work in the last" in phrases
    factors: set[str] = set()
    for _ in range(300):
        day = date(rng.randint(2016, 2026), rng.randint(1, 12), rng.randint(1, 28))
        breakdown = ee.score(random_candidate(rng, day), as_of=day)
        assert all(line.message is not None for line in breakdown.lines)
        factors.update(line.factor for line in breakdown.lines)
        french = _words(breakdown.explain(lang="fr"))
        leaked = [p for p in phrases if p in french and re.search(rf"\b{re.escape(p)}\b", french)]
        assert leaked == [], breakdown.explain(lang="fr")
    assert {"age", "first_language.expired", "transferability.group_cap.education"} <= factors


def test_a_line_read_back_from_json_keeps_its_english_reason() -> None:
    breakdown = ee.score(ee.example_profile(), as_of=AS_OF)
    again = ee.from_json(ee.to_json(breakdown), ee.CrsBreakdown)
    assert again == breakdown  # the message is no data: not written, not compared
    assert "message" not in ee.to_dict(breakdown)["lines"][0]
    assert again.lines[0].message is None
    assert again.lines[0].text("fr") == again.lines[0].reason


def test_a_message_in_both_languages() -> None:
    message = tr("Age {age} on {day}", age=29, day=AS_OF)
    english, french = "Age 29 on 2026-11-22", "Âge : 29 ans le 2026-11-22"
    assert (message.render(), message.render("fr"), str(message)) == (english, french, english)
    valid = Message("valid {years} year", (("years", 5),), "valid {years} years", 5)
    assert valid.render("fr") == "valide 5 ans"


@pytest.mark.parametrize("lang", ["de", "FR", "", None, 1])
def test_a_language_there_is_not(lang: object) -> None:
    with pytest.raises(ee.InvalidInputError) as caught:
        ee.score(ee.example_profile(), as_of=AS_OF).explain(lang=lang)  # type: ignore[arg-type]
    problem = caught.value.problems[0]
    assert (problem.path, problem.value) == ("lang", lang)
    assert problem.message.startswith("must be one of en, fr")
    assert check_lang("fr", "x") == "fr"
    assert LANGUAGES == ("en", "fr")


@pytest.mark.parametrize(
    ("msgid", "params"), [("", ()), (1, ()), ("x", [("a", 1)]), ("x", (("a", 1.5),))]
)
def test_a_message_checks_its_fields(msgid: object, params: object) -> None:
    with pytest.raises(ee.InvalidInputError):
        Message(msgid, params)  # type: ignore[arg-type]


def test_every_fixed_word_of_the_report_template_is_a_message() -> None:
    source = (PACKAGE / "report" / "templates" / "report.html.j2").read_text("utf-8")
    source = re.sub(r"{% trans .*?%}.*?{% endtrans %}", " ", source, flags=re.DOTALL)
    source = re.sub(r"{{.*?}}|{%.*?%}|<[^>]*>|&\w+;", " ", source, flags=re.DOTALL)
    assert re.findall(r"[A-Za-z]{2,}", source) == []


def _count(phrase: str, text: str) -> int:
    return len(re.findall(rf"\b{re.escape(phrase)}\b", text))


def test_the_report_s_fixed_words_in_french(monkeypatch: pytest.MonkeyPatch) -> None:
    # French reports stay refused until eligibility, the plan, the outlook and the
    # timeline speak French too; with the gate lifted, the template's own words do.
    # The values the page shows are still English: a phrase of the template's
    # messages may remain there, but fewer times than in the English page.
    pytest.importorskip("jinja2")
    profile, ita = ee.example_profile(), date(2026, 12, 1)
    english = _words(re.sub(r"<[^>]*>", " ", ee.report_html(profile, as_of=AS_OF, ita=ita)))
    monkeypatch.setattr("expressentry.report.render.LANGUAGES", ("en", "fr"))
    page = ee.report_html(profile, as_of=AS_OF, ita=ita, lang="fr")
    assert '<html lang="fr">' in page
    assert "<h1>Rapport Entrée express</h1>" in page
    assert "Score SCG <strong>574</strong> au 2026-11-22" in page
    assert '<th scope="rowgroup">A. Facteurs de base / capital humain</th>' in page
    assert f"<tr><td>Âge : 32 ans le 2026-11-22, {WITH_SPOUSE}</td>" in page
    assert "Ce rapport n’est pas un avis juridique et ne provient pas d’IRCC." in page
    phrases = _english_phrases("report.html.j2")
    assert "This report is not legal advice and does not come from IRCC" in phrases
    french = _words(re.sub(r"<[^>]*>", " ", page))
    kept = [p for p in phrases if _count(p, english) and _count(p, french) >= _count(p, english)]
    assert kept == []
