"""Eligibility and the timelines in English and French.

The French sentences expected for the example profile (assessed on 2026-11-22)
were written by hand in IRCC's French terms, not produced by the code: the
program names of IRCC's French pages (« Programme des travailleurs qualifiés
(fédéral) », « Catégorie de l'expérience canadienne », « Programme des
travailleurs de métiers spécialisés (fédéral) »), CNP for NOC, FÉER for TEER,
EDE for ECA, IPD for an invitation, « fonds d'établissement » and « sélection
fondée sur des catégories »; the abilities' initials CO/EO/CE/EE (compréhension
de l'oral, expression orale, compréhension de l'écrit, expression écrite). The
figures were worked out by hand from the example profile (the ECA of
2024-02-10, valid 5 years, is valid to 2029-02-09: 811 days after 2026-11-22).

Random profiles worded in French hold no English phrase of the catalog
(:func:`tests.test_i18n._english_phrases`).

Kind: examples of user-facing behaviour, and a property over random profiles.
"""

from __future__ import annotations

import random
import re
from datetime import date

import pytest

import expressentry as ee
from expressentry.eligibility.report import CATEGORY_NAMES
from expressentry.rules.categories import CATEGORY_SETS
from tests.strategies import random_candidate
from tests.test_i18n import _catalog, _english_phrases, _texts, _words

AS_OF = date(2026, 11, 22)
CONTINUOUS = "au cours des 10 années précédant le 2026-11-22"


def _report() -> ee.EligibilityReport:
    return ee.assess(ee.example_profile(), as_of=AS_OF)


def test_the_example_profile_s_requirements_in_french() -> None:
    report = _report()
    requirements = {r.id: r for p in report.programs for r in p.requirements} | {
        f"{c.category}:{r.id}": r for c in report.categories for r in c.requirements
    }
    expected = {
        "fsw.work_experience": (
            f"7311 heures de travail continu sur 1560 dans la CNP 21231 (FÉER 1) {CONTINUOUS}"
        ),
        "fsw.selection_grid": "Grille de sélection : 98 points sur 100; 67 exigés",
        "fsw.settlement_funds": (
            "Dispensé de la preuve de fonds : autorisé à travailler au Canada "
            "et titulaire d’une offre d’emploi"
        ),
        "fsw.outside_quebec": "Prévoit de vivre à l’extérieur du Québec",
        "cec.language": (
            "IELTS Formation générale du 2025-09-20 (CLB 10/10/10/9, CO/EO/CE/EE); "
            "CLB 7 exigé dans les quatre compétences"
        ),
        "fst.offer_or_certificate": (
            "Aucun métier auquel rattacher une offre d’emploi ou un certificat"
        ),
        "french:category.program": "Admissible : PTQF, CEC",
        "french:category.french.french": (
            "Français : TEF Canada du 2025-05-10 (NCLC 8/7/7/7, CO/EO/CE/EE); "
            "NCLC 7 exigé dans les quatre compétences"
        ),
    }
    assert {key: requirements[key].text("fr") for key in expected} == expected
    assert all(r.text("en") == r.reason for r in requirements.values())
    assert all(r.message is not None for r in requirements.values())


def test_the_example_profile_s_report_in_french() -> None:
    text = _report().explain(lang="fr")
    lines = text.splitlines()
    assert lines[0] == "Admissibilité au 2026-11-22"
    assert "Programme des travailleurs qualifiés (fédéral) (PTQF) : ADMISSIBLE" in lines
    assert "Catégorie de l’expérience canadienne (CEC) : ADMISSIBLE" in lines
    assert (
        "Programme des travailleurs de métiers spécialisés (fédéral) (PTMSF) : non admissible"
        in lines
    )
    assert "Sélection fondée sur des catégories" in lines
    assert "  Compétence linguistique en français (2026) : admissible" in lines
    assert "  Grille de sélection : 98 sur 100 (note de passage : 67)" in lines
    assert re.search(r"^    Âge : 32 ans le 2026-11-22 +12  \[fsw\.grid\.age\]$", text, re.M)
    assert _report().explain() == _report().explain(lang="en")
    assert _report().explain().splitlines()[0] == "Eligibility on 2026-11-22"


def test_the_example_profile_s_timelines_in_french() -> None:
    profile = ee.example_profile()
    eca = next(
        d
        for d in ee.validity_on(profile, as_of=AS_OF).documents
        if d.person == "candidate" and d.document is ee.Document.ECA
    )
    assert eca.line("fr") == (
        "candidat, EDE : EDE délivrée le 2024-02-10 : valide : valide 5 ans à compter de la "
        "date de délivrance; valide jusqu’au 2029-02-09 (encore 811 jours)"
    )
    assert eca.text("en") == eca.reason
    future = ee.forecast(profile, start=AS_OF, end=date(2028, 11, 22))
    expiry = next(e for e in future.events if e.day == date(2027, 9, 20))
    assert expiry.milestones[0].text("fr") == (
        "Le résultat IELTS Formation générale du 2025-09-20 du candidat expire"
    )
    assert expiry.explain(lang="fr").splitlines()[0].endswith("admissible : aucun programme")
    readiness = ee.ita_readiness(profile, invited=AS_OF).explain(lang="fr")
    assert "Âge fixé à 32 ans le jour de l’IPD." in readiness.splitlines()
    status = ee.pool_status(profile, as_of=date(2025, 11, 22)).explain(lang="fr")
    assert status.splitlines() == [
        "Au 2025-11-22 : Dans le bassin depuis le 2025-10-01, jusqu’au 2026-09-30 "
        "(il le quitte le 2026-10-01).",
        "Admissible : PTQF, CEC.",
        "Premier changement le 2026-10-01 : le profil quitte le bassin.",
    ]


def test_every_category_name_has_a_french_name() -> None:
    names = {cat.name for entry in CATEGORY_SETS.entries for cat in entry.value.categories}
    texts = _texts(_catalog())
    assert names <= set(CATEGORY_NAMES)
    assert all(texts[name] and texts[name] != name for name in names)


_RULE_ID = re.compile(r"[a-z_]+(?:\.[a-z_0-9]+)+")
"""A rule's id (``fsw.grid.pass_mark``): a code, not words, in either language."""


def _leaks(text: str, phrases: list[str]) -> list[str]:
    words = _words(_RULE_ID.sub(" ", text))
    return [p for p in phrases if p in words and re.search(rf"\b{re.escape(p)}\b", words)]


@pytest.mark.slow  # random profiles: CI runs it (pytest -m slow)
def test_eligibility_in_french_holds_no_english_sentence() -> None:
    rng = random.Random(2020)
    phrases = _english_phrases()
    assert "Plans to live outside Quebec" in phrases
    verdicts: set[ee.Verdict] = set()
    for _ in range(150):
        day = date(rng.randint(2016, 2026), rng.randint(1, 12), rng.randint(1, 28))
        report = ee.assess(random_candidate(rng, day), as_of=day)
        verdicts.update(p.verdict for p in report.programs)
        french = report.explain(lang="fr")
        assert _leaks(french, phrases) == [], french
    assert ee.Verdict.ELIGIBLE_IF in verdicts  # the settlement funds' "eligible if" worded too


def test_timelines_in_french_hold_no_english_sentence() -> None:
    rng = random.Random(2021)
    phrases = _english_phrases()
    for _ in range(25):
        day = date(rng.randint(2016, 2026), rng.randint(1, 12), rng.randint(1, 28))
        c = random_candidate(rng, day)
        texts = [
            ee.validity_on(c, as_of=day, invited=day).explain(lang="fr"),
            ee.ita_readiness(c, invited=day).explain(lang="fr"),
            ee.pool_status(c, as_of=day).explain(lang="fr"),
            # rule changes' notes are the rules' data, in English: not checked here
            "\n".join(
                line
                for line in ee.forecast(c, start=day, end=date(day.year + 2, day.month, day.day))
                .explain(lang="fr")
                .splitlines()
                if "La règle" not in line
            ),
        ]
        for french in texts:
            assert _leaks(french, phrases) == [], french


def test_results_read_back_from_json_keep_their_english_words() -> None:
    report = _report()
    again = ee.from_json(ee.to_json(report), ee.EligibilityReport)
    assert again == report  # the messages are no data: not written, not compared
    requirement = again.programs[0].requirements[0]
    assert requirement.message is None
    assert requirement.text("fr") == requirement.reason
    assert "message" not in ee.to_dict(report)["programs"][0]["requirements"][0]
    validity = ee.validity_on(ee.example_profile(), as_of=AS_OF)
    assert ee.from_json(ee.to_json(validity), ee.Validity) == validity
    status = ee.pool_status(ee.example_profile(), as_of=AS_OF)
    written = ee.to_dict(status)
    assert "change_message" not in written
    assert written["caveats"] == list(status.caveats)  # a reviewed result's caveats kept
    assert ee.from_json(ee.to_json(status), ee.PoolStatus) == status


@pytest.mark.parametrize("lang", ["de", None])
def test_a_language_there_is_not(lang: object) -> None:
    with pytest.raises(ee.InvalidInputError) as caught:
        _report().explain(lang=lang)  # type: ignore[arg-type]
    assert caught.value.problems[0].path == "lang"
