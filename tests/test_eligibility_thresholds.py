"""The counts of work each program draws a line on (``work_thresholds``).

Kind: expected values from the official program pages, and hand-worked days.

- FSW, https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/eligibility/federal-skilled-workers.html:
  "at least 1 year of continuous work" (1,560 hours, 30 hours a week) "within the
  last 10 years", in one occupation.
- CEC, IRPR s. 87.1 (https://laws-lois.justice.gc.ca/eng/regulations/SOR-2002-227/section-87.1.html),
  as ``rules.programs`` cites it: a year of full-time Canadian work (1,560 hours)
  "in the three years before the date of application"; CLB 7 for TEER 0 or 1 work,
  CLB 5 for TEER 2 or 3 work, so a year made of TEER 2 and 3 work alone asks the
  lower level.
- FST, https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/eligibility/skilled-trades.html:
  "at least 2 years of full-time work experience (or an equal amount of part-time
  work experience) in a skilled trade within the 5 years before you apply" (3,120
  hours).
- Categories, https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/submit-profile/rounds-invitations/category-based-selection.html:
  6 months of continuous work (780 hours) in one listed occupation in the last 3
  years until 2026-02-17; 12 months (1,560 hours), not necessarily continuous, from
  2026-02-18; no category before 2023-05-31.

The hand-worked days: at 30 hours a week, 1,560 hours take 364 days (52 weeks),
3,120 hours 728 days and 780 hours 182 days; a window counts the days before the
day assessed, so work from day D reaches the line on D + those days, not a day
earlier. ``assess`` agrees with the line the threshold draws.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

import expressentry as ee
from expressentry import (
    Candidate,
    Education,
    EducationLevel,
    LanguageResult,
    LanguageTest,
    Program,
    WorkHistory,
    WorkPeriod,
)
from expressentry.eligibility import WorkThreshold, work_thresholds
from expressentry.enums import CategoryId
from expressentry.rules import programs, rules_for

DAY = date(2026, 11, 22)
FSW_URL = (
    "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/"
    "express-entry/eligibility/federal-skilled-workers.html"
)
FST_URL = (
    "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/"
    "express-entry/eligibility/skilled-trades.html"
)
CEC_URL = "https://laws-lois.justice.gc.ca/eng/regulations/SOR-2002-227/section-87.1.html"
CATEGORY_URL = (
    "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/"
    "express-entry/submit-profile/rounds-invitations/category-based-selection.html"
)


def _by_id(found: tuple[WorkThreshold, ...]) -> dict[str, WorkThreshold]:
    return {t.id: t for t in found}


def test_fsw_one_continuous_year_within_10_years() -> None:
    fsw = _by_id(work_thresholds(as_of=DAY).fsw)["fsw.work_experience"]
    assert (fsw.hours, fsw.window_years, fsw.per_occupation) == (1560, 10, True)
    assert fsw.continuous_gap_days == 0  # continuous (the reading FSW_CONTINUITY_GAP_DAYS)
    assert fsw.program is Program.FSW
    assert (fsw.rule.rule_id, fsw.rule.source.url) == ("program.fsw.min_hours", FSW_URL)


def test_fsw_grid_and_adaptability_counts() -> None:
    found = _by_id(work_thresholds(as_of=DAY).fsw)
    grid = found["fsw.grid.experience"]
    assert (grid.yearly, grid.hours, grid.window_years) == (True, 1560, 10)
    assert grid.points is not None
    # the grid: 1 year 9 points, 2-3 years 11, 4-5 years 13, 6 or more 15
    assert [grid.points(y) for y in range(8)] == [0, 9, 11, 11, 13, 13, 15, 15]
    mine, spouse = found["fsw.adaptability.past_work"], found["fsw.adaptability.spouse_past_work"]
    assert (mine.full_time, mine.window_years, mine.hours, mine.spouse) == (True, None, 1560, False)
    assert (spouse.full_time, spouse.spouse) == (True, True)
    assert mine.rule.rule_id == spouse.rule.rule_id == "fsw.grid.adaptability"


def test_cec_a_year_within_3_years_by_teer_group() -> None:
    cec = work_thresholds(as_of=DAY).cec
    assert [(t.id, t.hours, t.window_years, t.kind[1]) for t in cec] == [
        ("cec.work_experience", 1560, 3, frozenset({0, 1, 2, 3})),
        ("cec.work_experience.lower_level", 1560, 3, frozenset({2, 3})),
    ]
    assert {(t.rule.rule_id, t.rule.source.url) for t in cec} == {
        ("program.cec.min_hours", CEC_URL)
    }
    assert cec[0].describe() == "CEC: 1,560 hours of Canadian TEER 0-3 work in the last 3 years"


def test_cec_under_the_strict_reading_any_work_of_the_higher_teers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(programs, "CEC_MIXED_TEER_HOURS_BY_LEVEL", False)
    (*_, strict) = work_thresholds(as_of=DAY).cec
    assert (strict.id, strict.kind[1], strict.hours) == (
        "cec.work_experience.higher_level",
        frozenset({0, 1}),
        1e-6,
    )
    assert strict.describe().startswith("CEC: Any hours of Canadian TEER 0-1 work")


def test_fst_two_years_within_5_years_in_one_trade() -> None:
    (fst,) = work_thresholds(as_of=DAY).fst
    assert (fst.hours, fst.window_years, fst.per_occupation) == (3120, 5, True)
    assert fst.continuous_gap_days is None  # need not be continuous
    assert (fst.rule.rule_id, fst.rule.source.url) == ("program.fst.min_hours", FST_URL)
    electrician = WorkPeriod(
        start=date(2020, 1, 1), end=None, hours_per_week=30, noc="72200", in_canada=False
    )
    engineer = WorkPeriod(
        start=date(2020, 1, 1), end=None, hours_per_week=30, noc="21231", in_canada=False
    )
    assert fst.kind[2](electrician)
    assert not fst.kind[2](engineer)  # skilled work, not a trade


def test_categories_months_within_3_years_by_day() -> None:
    assert work_thresholds(as_of=date(2023, 5, 30)).categories == ()

    def health(day: date) -> WorkThreshold:
        found = work_thresholds(as_of=day)
        (t,) = [
            t for t in found.listing("31301") if t.category is CategoryId.HEALTHCARE_SOCIAL_SERVICES
        ]
        return t

    before, after = health(date(2026, 2, 17)), health(date(2026, 2, 18))
    assert (before.hours, before.window_years, before.continuous_gap_days) == (780, 3, 0)
    assert (after.hours, after.window_years, after.continuous_gap_days) == (1560, 3, None)
    for t in (before, after):
        assert (t.rule.rule_id, t.rule.source.url) == ("category.work_experience", CATEGORY_URL)
        assert "31301" in (t.occupations or ())
    assert before.describe("31301") == (
        "Category healthcare_social_services: 780 continuous hours in NOC 31301 in the last 3 years"
    )


def test_a_reform_moves_the_lines() -> None:
    rules = rules_for(as_of=DAY)
    reform = rules.replace("program.cec.min_hours", 2_000, reform="more hours")
    assert work_thresholds(rules=reform).cec[0].hours == 2_000
    assert work_thresholds(rules=reform).cec[0].rule.effective_from == reform.in_force_from
    assert work_thresholds(rules=rules).cec[0].hours == 1_560  # each rule set its own


# -- the line a threshold draws is the one assess applies -----------------------------------

IELTS = LanguageResult(
    test=LanguageTest.IELTS_GENERAL,
    test_date=date(2023, 6, 1),
    listening=8.0,
    speaking=7.0,
    reading=7.0,
    writing=7.0,
)


def _worker(noc: str, start: date, *, in_canada: bool) -> Candidate:
    return Candidate(
        date_of_birth=date(1990, 1, 1),
        education=Education(level=EducationLevel.BACHELORS, eca_issued=date(2023, 1, 10)),
        languages=(IELTS,),
        work_history=WorkHistory(
            periods=(
                WorkPeriod(start=start, end=None, hours_per_week=30, noc=noc, in_canada=in_canada),
            )
        ),
        settlement_funds=100_000,
        certificate_of_qualification=noc == "72200",
        certificate_noc="72200" if noc == "72200" else None,
    )


def _met(c: Candidate, day: date, requirement: str) -> bool:
    """Whether the requirement ``requirement`` of a program or category is met on ``day``."""
    report = ee.assess(c, as_of=day)
    (found,) = [
        r
        for result in (*report.programs, *report.categories)
        for r in result.requirements
        if r.id == requirement
    ]
    return found.met


@pytest.mark.parametrize(
    ("noc", "in_canada", "start", "requirement"),
    [
        ("21231", True, date(2025, 1, 6), "cec.work_experience"),
        ("21231", False, date(2025, 1, 6), "fsw.work_experience"),
        ("72200", False, date(2024, 1, 1), "fst.work_experience"),
        ("31301", False, date(2024, 1, 1), "category.healthcare.work_experience"),
    ],
)
def test_assess_meets_the_requirement_on_the_day_the_line_is_reached(
    noc: str, in_canada: bool, start: date, requirement: str
) -> None:
    c = _worker(noc, start, in_canada=in_canada)
    # 30 hours a week: the line's hours take hours / 30 weeks of days
    reached = start + timedelta(days=round(_line(requirement, start) / 30 * 7))
    assert not _met(c, reached - timedelta(days=1), requirement)
    assert _met(c, reached, requirement)


def _line(pick: str, day: date) -> float:
    (t,) = [t for t in work_thresholds(as_of=day + timedelta(days=365)) if t.id == pick]
    return t.hours


def test_the_hand_worked_days() -> None:
    # 1,560 hours are 364 days, 3,120 hours 728, 780 hours 182 (at 30 hours a week)
    assert _line("cec.work_experience", date(2025, 1, 6)) / 30 * 7 == 364
    assert _line("fst.work_experience", date(2024, 1, 1)) / 30 * 7 == 728
    assert _line("category.healthcare.work_experience", date(2024, 1, 1)) / 30 * 7 == 182
