"""Every row of the FSW 67-point grid, against the notes.

Kind: table check (every row), with a few properties (age points never rise after
35; the factor maxima agree with the tables). Sources read 2026-11-22.

Expected values are copied by hand from IRCC's "Six selection factors – Federal
Skilled Worker Program"
(https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/eligibility/federal-skilled-workers/six-selection-factors-federal-skilled-workers.html)
and IRPR ss. 76-83 (https://laws-lois.justice.gc.ca/eng/regulations/SOR-2002-227/section-76.html),
never read from the code.
"""

from __future__ import annotations

from datetime import date
from typing import TypeVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from expressentry import RulesNotInForceError, rules_for
from expressentry.enums import AdaptabilityItem, EducationLevel, FswFactor
from expressentry.rules import Timeline
from expressentry.rules import fsw_grid as g

E = EducationLevel
AS_OF = date(2026, 11, 22)
GRID_FROM = date(2013, 5, 4)


T = TypeVar("T")


def at(timeline: Timeline[T], day: date = AS_OF) -> T:
    return timeline.at(day).value


# --- language ------------------------------------------------------------------------

FIRST_LANGUAGE_TABLE: dict[int, int] = {
    # CLB: points per ability; below 7 is "not eligible" (0, never scored)
    0: 0,
    1: 0,
    2: 0,
    3: 0,
    4: 0,
    5: 0,
    6: 0,
    7: 4,
    8: 5,
    9: 6,
    10: 6,
    11: 6,
    12: 6,
}


@pytest.mark.parametrize(("clb", "expected"), FIRST_LANGUAGE_TABLE.items())
def test_first_language_per_ability(clb: int, expected: int) -> None:
    assert g.FIRST_LANGUAGE.at(AS_OF).value.points(clb) == expected


def test_minimum_first_language_clb_is_7() -> None:
    assert at(g.MIN_FIRST_LANGUAGE_CLB) == 7


def test_first_language_maximum_is_24() -> None:
    assert 4 * g.FIRST_LANGUAGE.at(AS_OF).value.maximum == 24


SECOND_LANGUAGE_TABLE: dict[int, int] = {
    # lowest CLB of the four abilities: points for all four together
    0: 0,
    3: 0,
    4: 0,
    5: 4,
    6: 4,
    7: 4,
    9: 4,
    12: 4,
}


@pytest.mark.parametrize(("lowest_clb", "expected"), SECOND_LANGUAGE_TABLE.items())
def test_second_language(lowest_clb: int, expected: int) -> None:
    assert g.SECOND_LANGUAGE.at(AS_OF).value.points(lowest_clb) == expected


# --- education -----------------------------------------------------------------------

EDUCATION_TABLE: dict[EducationLevel, int] = {
    E.LESS_THAN_SECONDARY: 0,
    E.SECONDARY: 5,
    E.ONE_YEAR: 15,
    E.TWO_YEAR: 19,
    E.BACHELORS: 21,
    E.TWO_OR_MORE: 22,
    E.MASTERS: 23,
    E.DOCTORAL: 25,
}


@pytest.mark.parametrize("level", list(E))
def test_education(level: EducationLevel) -> None:
    assert g.EDUCATION.at(AS_OF).value[level] == EDUCATION_TABLE[level]


def test_education_covers_every_level() -> None:
    assert set(g.EDUCATION.at(AS_OF).value) == set(E)


# --- experience ----------------------------------------------------------------------

EXPERIENCE_TABLE: dict[int, int] = {0: 0, 1: 9, 2: 11, 3: 11, 4: 13, 5: 13, 6: 15, 7: 15, 10: 15}


@pytest.mark.parametrize(("years", "expected"), EXPERIENCE_TABLE.items())
def test_experience(years: int, expected: int) -> None:
    assert g.EXPERIENCE.at(AS_OF).value.points(years) == expected


# --- age -----------------------------------------------------------------------------

AGE_TABLE: dict[int, int] = {
    0: 0,
    16: 0,
    17: 0,
    **dict.fromkeys(range(18, 36), 12),
    36: 11,
    37: 10,
    38: 9,
    39: 8,
    40: 7,
    41: 6,
    42: 5,
    43: 4,
    44: 3,
    45: 2,
    46: 1,
    47: 0,
    48: 0,
    60: 0,
    99: 0,
}


@pytest.mark.parametrize(("age", "expected"), AGE_TABLE.items())
def test_age(age: int, expected: int) -> None:
    assert g.AGE.at(AS_OF).value.points(age) == expected


@given(st.integers(min_value=35, max_value=130))
def test_age_points_never_increase_above_35(age: int) -> None:
    steps = g.AGE.at(AS_OF).value
    assert steps.points(age + 1) <= steps.points(age) <= 12


@given(st.integers(min_value=0, max_value=130))
def test_age_points_are_between_0_and_12(age: int) -> None:
    assert 0 <= g.AGE.at(AS_OF).value.points(age) <= 12


# --- arranged employment, adaptability, pass mark --------------------------------------


def test_arranged_employment_is_10() -> None:
    assert at(g.ARRANGED_EMPLOYMENT) == 10


ADAPTABILITY_TABLE: dict[AdaptabilityItem, int] = {
    AdaptabilityItem.SPOUSE_LANGUAGE: 5,
    AdaptabilityItem.PAST_STUDY: 5,
    AdaptabilityItem.SPOUSE_PAST_STUDY: 5,
    AdaptabilityItem.PAST_WORK: 10,
    AdaptabilityItem.SPOUSE_PAST_WORK: 5,
    AdaptabilityItem.ARRANGED_EMPLOYMENT: 5,
    AdaptabilityItem.RELATIVE_IN_CANADA: 5,
}


@pytest.mark.parametrize("item", list(AdaptabilityItem))
def test_adaptability_item(item: AdaptabilityItem) -> None:
    assert g.ADAPTABILITY.at(AS_OF).value[item] == ADAPTABILITY_TABLE[item]
    assert item.label


def test_adaptability_has_seven_items_capped_at_10() -> None:
    assert len(g.ADAPTABILITY.at(AS_OF).value) == 7
    assert at(g.ADAPTABILITY_CAP) == 10


def test_pass_mark_is_67() -> None:
    assert at(g.PASS_MARK) == 67


# --- maxima --------------------------------------------------------------------------

MAXIMA: dict[FswFactor, int] = {
    FswFactor.LANGUAGE: 28,
    FswFactor.EDUCATION: 25,
    FswFactor.EXPERIENCE: 15,
    FswFactor.AGE: 12,
    FswFactor.ARRANGED_EMPLOYMENT: 10,
    FswFactor.ADAPTABILITY: 10,
}


def test_factor_maxima_as_published() -> None:
    # IRCC's six factors: language 28, education 25, experience 15, age 12,
    # arranged employment 10, adaptability 10 (out of 100)
    assert dict(g.FACTOR_MAXIMA.at(AS_OF).value) == MAXIMA


def test_factor_maxima_agree_with_the_tables() -> None:
    most = g.FACTOR_MAXIMA.at(AS_OF).value
    language = 4 * g.FIRST_LANGUAGE.at(AS_OF).value.maximum
    language += g.SECOND_LANGUAGE.at(AS_OF).value.maximum
    assert most[FswFactor.LANGUAGE] == language
    assert most[FswFactor.EDUCATION] == max(g.EDUCATION.at(AS_OF).value.values())
    assert most[FswFactor.EXPERIENCE] == g.EXPERIENCE.at(AS_OF).value.maximum
    assert most[FswFactor.AGE] == g.AGE.at(AS_OF).value.maximum
    assert most[FswFactor.ARRANGED_EMPLOYMENT] == g.ARRANGED_EMPLOYMENT.at(AS_OF).value
    assert most[FswFactor.ADAPTABILITY] == g.ADAPTABILITY_CAP.at(AS_OF).value


# --- dates ---------------------------------------------------------------------------


@pytest.mark.parametrize("timeline", g.TIMELINES, ids=lambda t: t.rule_id)
def test_grid_applies_from_2013_05_04(timeline: Timeline[object]) -> None:
    assert timeline.first == GRID_FROM
    assert timeline.rule_id.startswith("fsw.grid.")
    assert timeline.at(GRID_FROM) is timeline.at(AS_OF)


def test_the_2013_grid_does_not_open_crs_rules_before_2015() -> None:
    for day in (GRID_FROM, date(2014, 12, 31)):
        with pytest.raises(RulesNotInForceError) as info:
            rules_for(as_of=day)
        assert info.value.first == date(2015, 1, 1)
    assert rules_for(as_of=date(2015, 1, 1)).in_force_from == date(2015, 1, 1)


def test_a_language_chart_change_makes_no_new_rule_set() -> None:
    # Charts are read by the test's date, not the day's rule set: TEF's 2023-12-11 chart.
    assert rules_for(as_of=date(2023, 12, 11)) is rules_for(as_of=date(2023, 12, 10))


@pytest.mark.parametrize(
    ("day", "before", "rule_id"),
    [
        (date(2021, 7, 15), date(2021, 7, 14), "funds.settlement"),  # the 2021 funds table
        (date(2025, 7, 28), date(2025, 7, 27), "funds.settlement"),  # the 2025 funds table
        (date(2026, 2, 18), date(2026, 2, 17), "category.sets"),  # the 2026 categories
    ],
)
def test_an_eligibility_rule_change_is_a_new_rule_set_of_the_same_crs_edition(
    day: date, before: date, rule_id: str
) -> None:
    new, old = rules_for(as_of=day), rules_for(as_of=before)
    assert new is not old
    assert new.entry(rule_id).effective_from == day
    assert old.entry(rule_id).effective_from < day
    assert new.in_force_from == old.in_force_from  # the CRS did not change
