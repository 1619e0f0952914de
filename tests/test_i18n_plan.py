"""The improvement plan, the comparison and the draws' outlook in French.

The French sentences expected for the example profile (as of 2026-11-22) were
written by hand in IRCC's French terms (Système de classement global (SCG),
« désignation d'une province ou d'un territoire », « évaluation des diplômes
d'études » (EDE), CNP and FÉER, « époux ou conjoint de fait », « ronde
d'invitations », « note limite », the category « Compétence linguistique en français »), not
produced by the code. Random profiles' plans and outlooks worded in French must
hold no English phrase of the catalog (the helper of ``tests/test_i18n.py``),
and the English words and JSON forms stay as they were.

Kind: examples of user-facing behaviour, and a property over random profiles.
"""

from __future__ import annotations

import random
import re
from datetime import date
from typing import Any

import attrs
import pytest

import expressentry as ee
from expressentry.draws import RoundType
from tests.strategies import random_candidate
from tests.test_i18n import _english_phrases, _words

AS_OF = date(2026, 11, 22)
WITH_SPOUSE = "avec un époux ou conjoint de fait qui l’accompagne"


@pytest.fixture(scope="module")
def plan() -> ee.ImprovementPlan:
    return ee.improvements(ee.example_profile(), as_of=AS_OF)


@pytest.fixture(scope="module")
def look() -> ee.Outlook:
    return ee.outlook(ee.example_profile(), as_of=AS_OF)


def test_the_example_profile_s_changes_in_french(plan: ee.ImprovementPlan) -> None:
    changes = {imp.description: imp for imp in plan.improvements}
    expected = {
        "A provincial or territorial nomination": (
            "Une désignation d’une province ou d’un territoire"
        ),
        "IELTS General Training: writing 7 → 7.5 (CLB 9 → 10), the rest as now": (
            "IELTS Formation générale : expression écrite 7 → 7.5 (CLB 9 → 10), le reste inchangé"
        ),
        "TEF Canada: NCLC 9 or more in all four abilities": (
            "TEF Canada : NCLC 9 ou plus dans les quatre compétences langagières"
        ),
        "Take the TEF Canada again at the same levels (expires on 2027-05-10)": (
            "Repasser le test TEF Canada et obtenir les mêmes niveaux (expiration le 2027-05-10)"
        ),
        "Complete a Canadian credential of three years or more": (
            "Obtenir un diplôme d’études canadien de trois ans ou plus"
        ),
        "The candidate's further credential: doctoral degree (PhD), with its ECA": (
            "Un autre diplôme du candidat : doctorat (Ph. D.), avec son EDE"
        ),
        "The spouse works a year full time in skilled (TEER 0-3) work in Canada": (
            "L’époux ou conjoint de fait travaille un an à temps plein au Canada "
            "dans un emploi spécialisé (FÉER 0 à 3)"
        ),
        "A brother or sister in Canada (citizen or permanent resident, 18 or older)": (
            "Un frère ou une sœur au Canada (citoyen ou résident permanent, 18 ans ou plus)"
        ),
    }
    assert {english: changes[english].text("fr") for english in expected} == expected
    assert all(imp.text("en") == imp.description for imp in plan.improvements)


def test_the_example_profile_s_plan_explained_in_french(plan: ee.ImprovementPlan) -> None:
    text = plan.explain(top=3, lang="fr")
    lines = text.splitlines()
    assert lines[0] == "Plan d’amélioration au 2026-11-22 (jusqu’au 2027-11-22) : score SCG 574"
    assert "Changements, du meilleur au moins bon (3 sur 20) :" in lines
    nomination = lines.index("1. +550 → 1124  Une désignation d’une province ou d’un territoire")
    assert lines[nomination + 1 : nomination + 5] == [
        "    à compter du 2026-11-22",
        "     +600  Désignation d’une province ou d’un territoire",
        "      -50  Points supplémentaires : plafond de 600 points",
        "    absorbé par : Points supplémentaires : plafond de 600 points",
    ]
    assert (
        "Meilleure paire : +560 → 1134  Une désignation d’une province ou d’un territoire "
        "+ TEF Canada : NCLC 9 ou plus dans les quatre compétences langagières"
    ) in lines
    assert "Pertes à venir :" in lines
    assert "    ouvre : FSW, CEC" in lines  # programs by their codes, in both languages
    assert "    ouvre : catégorie french" in lines
    english = plan.explain(top=3)  # unchanged
    assert english.splitlines()[0] == "Improvement plan on 2026-11-22 (to 2027-11-22): CRS 574"
    assert "1. +550 → 1124  A provincial or territorial nomination" in english
    assert "    absorbed by: Additional points capped at 600" in english


def test_a_line_a_change_moves_in_french(plan: ee.ImprovementPlan) -> None:
    retake = next(i for i in plan.improvements if i.description.startswith("Take the IELTS"))
    listening = next(ln for ln in retake.lines if ln.factor == "first_language.listening")
    assert listening.reason == (
        "First official language: CLB 10 in listening, with accompanying spouse"
    )
    assert listening.text("fr") == (
        f"Première langue officielle : CLB 10 en compréhension de l’oral, {WITH_SPOUSE}"
    )
    assert retake.capped_by == ("Education group capped at 50", "Foreign work group capped at 50")
    assert (
        "    absorbé par : Groupe de la scolarité : plafond de 50 points; "
        "Groupe de l’expérience de travail à l’étranger : plafond de 50 points"
    ) in retake.explain("fr").splitlines()


def test_what_is_worth_nothing_says_why_in_french() -> None:
    # With the job offer's 50 points at the cap of 600 with a nomination, the
    # offer moves a line and not the total: a cap absorbs it.
    nominated = attrs.evolve(ee.example_profile(), provincial_nomination=True)
    plan = ee.improvements(nominated, as_of=AS_OF, chances=False)
    sibling = next(i for i in plan.worth_nothing if i.description.startswith("A brother"))
    assert sibling.why_nothing == "absorbed by Additional points capped at 600"
    assert sibling.explain("fr").splitlines()[-1] == (
        "    aucun point : points absorbés par Points supplémentaires : plafond de 600 points"
    )
    assert (
        "  Un frère ou une sœur au Canada (citoyen ou résident permanent, 18 ans ou plus) : "
        "points absorbés par Points supplémentaires : plafond de 600 points"
    ) in plan.explain(lang="fr").splitlines()


def test_the_json_form_and_equality_are_unchanged(plan: ee.ImprovementPlan) -> None:
    best = plan.improvements[0]
    form = plan.as_dict()
    assert "message" not in form["improvements"][0]
    assert "message" not in form["improvements"][0]["lines"][0]
    assert form["improvements"][0]["description"] == "A provincial or territorial nomination"
    bare = attrs.evolve(best, message=None, why_nothing_message=None)
    assert bare == best  # the message is no data: not compared
    assert bare.text("fr") == best.description  # nothing to translate: English as given
    line = attrs.evolve(best.lines[0], message=None)
    assert line == best.lines[0]
    assert line.text("fr") == line.reason


def test_a_comparison_in_french() -> None:
    profile = ee.example_profile()
    ielts = attrs.evolve(profile.languages[0], writing=7.5)
    better = attrs.evolve(profile, languages=(ielts, *profile.languages[1:]))
    found = ee.compare(profile, better, as_of=AS_OF)
    lines = found.explain(lang="fr").splitlines()
    assert lines[0] == "Comparaison de 2 scénarios, ligne par ligne"
    assert lines[1] == (
        "  A : 2026-11-22, règles en vigueur depuis le 2025-03-25, score calculé avec un "
        "époux ou conjoint de fait qui accompagne"
    )
    assert (
        "      B: Première langue officielle : CLB 10 en expression écrite, "
        f"{WITH_SPOUSE}  [crs.core.first_language, 2015-01-01]"
    ) in lines
    assert "Lines whose points differ are marked *." in found.explain()


def test_the_example_profile_s_outlook_in_french(look: ee.Outlook) -> None:
    french = "rondes d’invitations – Compétence linguistique en français"
    assert RoundType.parse("french").text("fr") == french
    assert RoundType.parse("cec").text() == "Canadian Experience Class rounds"
    cec = next(ln for ln in look.lines if ln.round_type.key == "cec")
    lines = cec.explain("fr").splitlines()
    assert lines[:3] == [
        "cec : rondes d’invitations – Catégorie de l’expérience canadienne, admissible",
        "  score 574 au-dessus de la note limite dans 10 sur les 10 dernières rondes",
        "    nº 404 (2026-03-17), note limite 507 : au-dessus",
    ]
    assert cec.checks[0].reason == "#404 (2026-03-17) cut-off 507: above it"
    text = look.explain(lang="fr")
    assert text.splitlines()[0] == (
        "Perspectives au 2026-11-22 : score SCG 574 (règles en vigueur depuis le 2025-03-25)"
    )
    assert (
        "Le profil n’est pas dans le bassin le 2026-11-22 : il a expiré le 2026-10-01, 12 mois "
        "après sa soumission le 2025-10-01; aucune ronde à partir de ce jour ne peut l’inviter "
        "(un nouveau profil est nécessaire)."
    ) in text.splitlines()
    assert look.explain().splitlines()[0] == (
        "Outlook on 2026-11-22: CRS score 574 (rules in force from 2025-03-25)"
    )


def _leaked(phrases: list[str], text: str) -> list[str]:
    # a field's or a rule's name (profile_submitted, crs.core.age) is a code, not words
    french = _words(re.sub(r"[\w.]*_[\w.]*", "", text))
    return [p for p in phrases if p in french and re.search(rf"\b{re.escape(p)}\b", french)]


def _without_milestones(text: str, plan: ee.ImprovementPlan) -> str:
    """``text`` without the forecast's milestones, whose French the timeline's tests check.

    A loss is its milestones (a birthday, a document expiring), a further year of
    work quotes its milestone (tests/test_i18n_eligibility.py checks their French);
    a rule change's milestone quotes the rule's note, which is the rules' data, in
    English.
    """
    future = ee.forecast(plan.candidate, start=plan.as_of, end=plan.end)
    for event in future.events:
        for m in event.milestones:
            # a rule change's milestone quotes the rule's note, the rules' data in English
            text = text.replace(m.description, "").replace(m.text("fr"), "")
    return text


@pytest.mark.slow  # random profiles: CI runs it (pytest -m slow)
def test_plans_in_french_hold_no_english_sentence() -> None:
    rng = random.Random(2026)
    phrases = _english_phrases()
    assert "the rest as now" in phrases
    kinds: set[str] = set()
    for i in range(40):
        day = date(rng.randint(2019, 2026), rng.randint(1, 12), rng.randint(1, 28))
        plan = ee.improvements(random_candidate(rng, day), as_of=day, chances=i % 4 == 0)
        kinds.update(imp.kind.value for imp in plan.improvements)
        text = plan.explain(lang="fr")
        assert _leaked(phrases, _without_milestones(text, plan)) == [], text
    assert {"language", "renewal", "job_offer"} <= kinds


@pytest.mark.slow  # random profiles: CI runs it (pytest -m slow)
def test_outlooks_in_french_hold_no_english_sentence() -> None:
    rng = random.Random(20)
    phrases = _english_phrases()
    assert "not invited not in the pool that day" in phrases
    for _ in range(25):
        day = date(rng.randint(2019, 2026), rng.randint(1, 12), rng.randint(1, 28))
        text = ee.outlook(random_candidate(rng, day), as_of=day).explain(lang="fr")
        assert _leaked(phrases, text) == [], text


def test_a_selection_in_french() -> None:
    profile = ee.example_profile()  # submitted 2025-10-01, in the pool on 2026-03-02
    pool = ee.Pool([profile, attrs.evolve(profile, provincial_nomination=False)])
    spec = ee.draws.RoundSpec(day=date(2026, 3, 2), size=1, kind=ee.draws.RoundKind.GENERAL)
    found = ee.draws.select(pool, spec)
    lines = found.explain("fr").splitlines()
    assert lines[0] == "Ronde d’invitations générale du 2026-03-02, 1 invitation"
    assert "  bassin : 2 candidats" in lines
    assert "  invités : les 1 mieux classés" in lines
    assert found.explain().splitlines()[0] == "General round of 2026-03-02, 1 invitation"
    assert _leaked(_english_phrases(), found.explain("fr")) == []


def test_a_round_in_french() -> None:
    latest = next(r for r in ee.draws.rounds() if r.number == "437")
    assert latest.explain("fr").splitlines() == [
        "Ronde nº 437 du 2026-08-19, ronde d’invitations fondée sur une catégorie : "
        "Compétence linguistique en français (version 2026 de la liste)",
        "  nom donné par IRCC : French-Language proficiency 2026-Version 2",  # IRCC's own words
        "  tenue le 2026-08-19T12:35:37+00:00; 5\u00a0000 invitations; note limite SCG 382",
        "  règle de départage : 2026-03-01T18:34:05+00:00",
        "  bassin au 2026-08-16 : 226\u00a0859 profils",
    ]
    assert latest.explain().splitlines()[0] == (
        "Round #437 of 2026-08-19, category round: French-language proficiency (list version 2026)"
    )
    phrases = _english_phrases()
    for r in ee.draws.rounds():
        text = r.explain("fr").replace(r.name, "")  # IRCC's name of the round, quoted
        for quirk in r.quirks:  # quirks are named by their keys, codes in both languages
            text = text.replace(quirk.value, "")
        assert _leaked(phrases, text) == [], text


def _calls(plan: ee.ImprovementPlan, look: ee.Outlook) -> list[tuple[Any, dict[str, Any]]]:
    best = plan.improvements[0]
    return [
        (plan.explain, {}),
        (best.explain, {}),
        (best.text, {}),
        (best.lines[0].text, {}),
        (plan.losses[0].explain, {}),
        (plan.losses[0].text, {}),
        (look.explain, {}),
        (look.lines[0].explain, {}),
        (look.lines[0].checks[0].text, {}),
        (look.lines[0].round_type.text, {}),
    ]


@pytest.mark.parametrize("lang", ["de", "FR", "", None, 1])
def test_a_language_there_is_not(plan: ee.ImprovementPlan, look: ee.Outlook, lang: object) -> None:
    for call, kwargs in _calls(plan, look):
        with pytest.raises(ee.InvalidInputError) as caught:
            call(lang=lang, **kwargs)
        problem = caught.value.problems[0]
        assert (problem.path, problem.value) == ("lang", lang)
