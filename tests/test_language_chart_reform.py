"""A reform of a language chart reaches scoring and eligibility alike.

The rule set holds every test's equivalency charts (``RuleSet.language_charts``);
scoring and eligibility read a result's levels through it
(:func:`expressentry.models.levels_under`), so a replaced chart moves ``score``,
``score_many``, ``assess`` and ``flags_many``. Under the published charts the levels
are those the result was built with, and the profile itself is scored.

Kind: hand-worked. The example's IELTS result is 8.5/7.5/8.0/7.0 (L/S/R/W): CLB
10/10/10/9 on IRCC's chart. A reformed chart that makes every IELTS score of 5.0
or more CLB 10 reads it 10/10/10/10; a result of 5.5 in every ability, CLB 6 on
IRCC's chart (below the FSW minimum of CLB 7 in the first official language),
becomes CLB 10.
"""

from __future__ import annotations

from datetime import date
from types import MappingProxyType

import attrs
import pytest

import expressentry as ee
from expressentry import Ability, InvalidInputError, LanguageTest, Program
from expressentry.eligibility import flags_many
from expressentry.models import levels_under, results_under
from expressentry.rules import Dated, Timeline
from expressentry.rules.language_tables import CHARTS, Band, LanguageChart, chart_for

DAY = date(2026, 11, 22)
PROFILE = ee.example_profile()
RULES = ee.rules_for(as_of=DAY)


def _generous(test: LanguageTest = LanguageTest.IELTS_GENERAL) -> LanguageChart:
    published = chart_for(test, DAY)
    bands = {a: (Band(10, 5.0, published.scales[a].high),) for a in Ability}
    return LanguageChart(test, published.scales, MappingProxyType(bands))


GENEROUS = RULES.replace("language.ielts_general", _generous(), reform="IELTS 5.0 is CLB 10")


def _ielts(score: float) -> ee.Candidate:
    result = attrs.evolve(
        PROFILE.languages[0], listening=score, speaking=score, reading=score, writing=score
    )
    return attrs.evolve(PROFILE, languages=(result, *PROFILE.languages[1:]))


def test_published_charts_read_the_levels_the_result_holds() -> None:
    result = PROFILE.languages[0]
    assert levels_under(result, RULES) == result.levels == (10, 10, 10, 9)
    assert results_under(PROFILE, RULES) is PROFILE  # the fast path: no copy


def test_a_reformed_chart_changes_the_levels_read() -> None:
    assert levels_under(PROFILE.languages[0], GENEROUS) == (10, 10, 10, 10)
    assert levels_under(PROFILE.languages[1], GENEROUS) == PROFILE.languages[1].levels  # TEF
    assert PROFILE.languages[0].levels == (10, 10, 10, 9)  # the model is not changed


def test_a_reformed_chart_moves_the_score() -> None:
    published = ee.score(PROFILE, as_of=DAY)
    reformed = ee.score(PROFILE, as_of=DAY, rules=GENEROUS)
    assert reformed.total > published.total
    lines = {ln.factor: ln for ln in reformed.lines}
    assert "CLB 10" in lines["first_language.writing"].reason
    assert ee.score_many([PROFILE], as_of=DAY, rules=GENEROUS) == [reformed.total]
    assert sum(ln.points for ln in reformed.lines) == reformed.total


def test_a_reformed_chart_moves_assess_and_flags() -> None:
    candidate = _ielts(5.5)
    assert candidate.languages[0].levels == (6, 6, 6, 6)
    published = ee.assess(candidate, as_of=DAY)
    reformed = ee.assess(candidate, as_of=DAY, rules=GENEROUS)
    assert Program.FSW not in published.eligible_programs
    assert Program.FSW in reformed.eligible_programs
    [before] = flags_many([candidate], as_of=DAY)
    [after] = flags_many([candidate], as_of=DAY, rules=GENEROUS)
    assert (dict(before.programs)[Program.FSW], dict(after.programs)[Program.FSW]) == (
        "not_eligible",
        "eligible",
    )


def test_a_dated_chart_reads_only_the_tests_taken_from_its_day() -> None:
    published = CHARTS[LanguageTest.IELTS_GENERAL]
    later = Timeline(
        published.rule_id,
        (*published.entries, Dated(date(2026, 1, 1), _generous(), published.entries[0].source)),
    )
    rules = RULES.replace("language.ielts_general", later, reform="a new IELTS chart in 2026")
    assert levels_under(PROFILE.languages[0], rules) == (10, 10, 10, 9)  # taken in 2025
    after = attrs.evolve(PROFILE.languages[0], test_date=date(2026, 2, 1))
    assert levels_under(after, rules) == (10, 10, 10, 10)


@pytest.mark.parametrize(
    "value",
    [
        _generous(LanguageTest.CELPIP_GENERAL),  # another test's chart
        Timeline(
            "language.ielts_general",
            (
                Dated(
                    date(2020, 1, 1), _generous(), CHARTS[LanguageTest.PTE_CORE].entries[0].source
                ),
            ),
        ),  # starts after the published one: tests before it would be unread
        Timeline(
            "language.celpip_general",
            CHARTS[LanguageTest.IELTS_GENERAL].entries,
        ),  # another rule's name
        7,
    ],
    ids=["other test", "starts late", "other name", "not a chart"],
)
def test_a_chart_reform_is_checked(value: object) -> None:
    with pytest.raises(InvalidInputError, match=r"value: must be a LanguageChart of ielts_general"):
        RULES.replace("language.ielts_general", value, reform="x")


def test_the_reform_is_named() -> None:
    assert GENEROUS.replaced == ("language.ielts_general",)
    assert GENEROUS.reform == "IELTS 5.0 is CLB 10"
    assert GENEROUS != RULES
