"""The four example reforms of the docs (How scoring works: Reforms), for score and assess.

Each expected value is worked by hand from the official tables, not read from the
library's rule modules:

- CRS: https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/check-score/crs-criteria.html
  (read 2026-11-22): age 30 without a spouse 105; a bachelor's degree 120; CLB 9
  in an ability 31; skill transferability, post-secondary credential with CLB 7+
  13 and CLB 9+ 25; 3 or more years of foreign work with CLB 7+ 25 and CLB 9+ 50;
  a brother or sister in Canada 15.
- FSW grid: https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/eligibility/federal-skilled-workers/six-selection-factors-federal-skilled-workers.html
  (read 2026-11-22): CLB 9 in an ability 6 (24 for four); a bachelor's degree 21;
  2-3 years of experience 11; age 18-35 12; pass mark 67 of 100.

Kind: worked examples (by hand) and properties (a reform reaches only what it changes).
"""

from __future__ import annotations

from datetime import date

import attrs
import pytest

import expressentry as ee
from expressentry import (
    AddedFactor,
    Candidate,
    CrsSection,
    Education,
    EducationLevel,
    JobOffer,
    LanguageResult,
    LanguageTest,
    Program,
    Source,
    WorkHistory,
    assess,
    rules_for,
    score,
)

DAY = date(2026, 11, 22)

# Age 30, no spouse, a bachelor's with an ECA, CELPIP 9 in all four abilities,
# 3 years of foreign skilled work in one occupation, funds for a single person.
CANDIDATE = Candidate(
    date_of_birth=date(1996, 1, 1),
    education=Education(level=EducationLevel.BACHELORS, eca_issued=date(2024, 1, 1)),
    languages=(
        LanguageResult(
            test=LanguageTest.CELPIP_GENERAL,
            test_date=date(2025, 6, 1),
            listening=9,
            speaking=9,
            reading=9,
            writing=9,
        ),
    ),
    work_history=WorkHistory.from_years(as_of=DAY, foreign=3),
    settlement_funds=50_000,
)
# core 105 + 120 + 4 x 31 = 349; transferability 25 (education) + 50 (foreign) = 75
TODAY_TOTAL = 349 + 75


def _lines(total_of: ee.CrsBreakdown, factor: str) -> list[ee.PointLine]:
    return [line for line in total_of.lines if line.factor == factor]


def _same_eligibility(a: ee.EligibilityReport, b: ee.EligibilityReport) -> None:
    assert [(p.program, p.verdict) for p in a.programs] == [
        (p.program, p.verdict) for p in b.programs
    ]
    assert [(c.category, c.verdict) for c in a.categories] == [
        (c.category, c.verdict) for c in b.categories
    ]


def test_the_candidate_today() -> None:
    assert score(CANDIDATE, as_of=DAY).total == TODAY_TOTAL
    fsw = assess(CANDIDATE, as_of=DAY).program(Program.FSW)
    assert fsw.grid is not None
    assert fsw.grid.total == 24 + 21 + 11 + 12  # 68: language, education, experience, age
    assert fsw.eligible


# -- 1. Raise the transferability thresholds ------------------------------------------


RAISED = rules_for(as_of=DAY).replace(
    "crs.transferability.language_levels", (8, 10), reform="transferability at CLB 8 and 10"
)


def test_raised_thresholds_move_clb_9_to_the_lower_column() -> None:
    result = score(CANDIDATE, as_of=DAY, rules=RAISED)
    # education 13 (CLB 8+, not 10+) and 3+ years foreign 25: 38 instead of 75
    assert result.transferability == 13 + 25
    assert result.total == 349 + 38
    (line,) = _lines(result, "transferability.education_language")
    assert "CLB 8+ in all four abilities" in line.reason
    assert line.rule.source == RAISED.transferability_language_levels.source


def test_raised_thresholds_leave_eligibility_alone() -> None:
    _same_eligibility(assess(CANDIDATE, as_of=DAY, rules=RAISED), assess(CANDIDATE, as_of=DAY))


@pytest.mark.parametrize("levels", [(9, 9), (10, 8), (0, 9), (7, 13)])
def test_thresholds_must_rise_and_be_levels(levels: tuple[int, int]) -> None:
    with pytest.raises(ee.InvalidInputError):
        rules_for(as_of=DAY).replace("crs.transferability.language_levels", levels, reform="x")


# -- 2. Remove the sibling points -----------------------------------------------------

NO_SIBLING = rules_for(as_of=DAY).zero("crs.additional.sibling", reform="no sibling points")
WITH_SIBLING = attrs.evolve(CANDIDATE, sibling_in_canada=True)


def test_without_sibling_points_a_sibling_earns_nothing() -> None:
    assert score(WITH_SIBLING, as_of=DAY).total == TODAY_TOTAL + 15
    result = score(WITH_SIBLING, as_of=DAY, rules=NO_SIBLING)
    assert result.total == TODAY_TOTAL
    (line,) = _lines(result, "additional.sibling")
    assert line.points == 0
    assert NO_SIBLING.additional_sibling.note == "Reform: no sibling points"


def test_without_sibling_points_the_fsw_grid_still_counts_a_relative() -> None:
    # The grid's adaptability (a relative in Canada, 5 points) is another rule.
    reformed = assess(WITH_SIBLING, as_of=DAY, rules=NO_SIBLING)
    _same_eligibility(reformed, assess(WITH_SIBLING, as_of=DAY))
    grid = reformed.program(Program.FSW).grid
    assert grid is not None
    assert grid.total == 68 + 5


# -- 3. Add a factor: a job offer in a high-wage occupation ------------------------------

HIGH_WAGE_NOCS = frozenset({"21231", "21211"})  # an illustrative list, not IRCC's
CONSULTATION = Source(
    id="ircc-consultation-2026",
    title="Express Entry consultation (illustrative)",
    url="https://www.canada.ca/en/immigration-refugees-citizenship/corporate/mandate/consultations.html",
    retrieved=date(2026, 11, 22),
)


def _high_wage(candidate: Candidate, _day: date) -> tuple[int, str]:
    offer = candidate.job_offer
    if offer is not None and offer.noc in HIGH_WAGE_NOCS:
        return 50, f"Job offer in a high-wage occupation (NOC {offer.noc})"
    return 0, "No job offer in a high-wage occupation"


HIGH_WAGE = rules_for(as_of=DAY).add_factor(
    AddedFactor(
        rule_id="reform.high_wage",
        section=CrsSection.ADDITIONAL,
        title="A job offer in a high-wage occupation",
        points=_high_wage,
        source=CONSULTATION,
    ),
    reform="high-wage factor",
)


def test_a_high_wage_offer_earns_the_added_factor() -> None:
    offered = attrs.evolve(CANDIDATE, job_offer=JobOffer(noc="21231"))
    # job offer points are 0 since 2025-03-25; the added factor gives 50
    assert score(offered, as_of=DAY).total == TODAY_TOTAL
    result = score(offered, as_of=DAY, rules=HIGH_WAGE)
    assert result.total == TODAY_TOTAL + 50
    assert result.additional == 50
    (line,) = _lines(result, "reform.high_wage")
    assert line.reason == "Job offer in a high-wage occupation (NOC 21231)"
    assert line.rule.source == CONSULTATION
    assert score(CANDIDATE, as_of=DAY, rules=HIGH_WAGE).total == TODAY_TOTAL


def test_an_added_factor_leaves_eligibility_alone() -> None:
    offered = attrs.evolve(CANDIDATE, job_offer=JobOffer(noc="21231"))
    _same_eligibility(assess(offered, as_of=DAY, rules=HIGH_WAGE), assess(offered, as_of=DAY))


def test_score_many_applies_the_added_factor() -> None:
    offered = attrs.evolve(CANDIDATE, job_offer=JobOffer(noc="21231"))
    totals = ee.score_many([CANDIDATE, offered], as_of=DAY, rules=HIGH_WAGE)
    assert totals == [TODAY_TOTAL, TODAY_TOTAL + 50]


# -- 4. Change the FSW pass mark ------------------------------------------------------

PASS_70 = rules_for(as_of=DAY).replace("fsw.grid.pass_mark", 70, reform="FSW pass mark 70")


def test_a_higher_pass_mark_fails_a_grid_of_68() -> None:
    fsw = assess(CANDIDATE, as_of=DAY, rules=PASS_70).program(Program.FSW)
    assert not fsw.eligible
    assert [r.id for r in fsw.unmet] == ["fsw.selection_grid"]
    (grid_req,) = fsw.unmet
    assert grid_req.reason == "Selection grid: 68 of 100 points; 70 needed"
    assert grid_req.rule.source == PASS_70.entry("fsw.grid.pass_mark").source
    assert PASS_70.entry("fsw.grid.pass_mark").note == "Reform: FSW pass mark 70"


def test_a_pass_mark_at_the_grid_total_passes() -> None:
    at_68 = rules_for(as_of=DAY).replace("fsw.grid.pass_mark", 68, reform="68")
    assert assess(CANDIDATE, as_of=DAY, rules=at_68).program(Program.FSW).eligible


def test_a_pass_mark_reform_leaves_the_score_alone() -> None:
    assert score(CANDIDATE, as_of=DAY, rules=PASS_70).total == TODAY_TOTAL
    assert ee.fsw_grid(CANDIDATE, as_of=DAY, rules=PASS_70).pass_mark == 70


@pytest.mark.parametrize("mark", [0, 101, -1, "70", 70.0, True])
def test_a_pass_mark_must_be_1_to_100_points(mark: object) -> None:
    with pytest.raises(ee.InvalidInputError) as info:
        rules_for(as_of=DAY).replace("fsw.grid.pass_mark", mark, reform="x")
    assert info.value.problems[0].path == "value"


# -- reforms of how work is counted reach scoring and eligibility alike ------------------


def test_a_skilled_teer_reform_reaches_the_crs_and_every_program() -> None:
    # The 3 years are in TEER 1 (WorkHistory.from_years' default): with TEER 0 only
    # skilled, neither the CRS nor FSW counts them.
    narrow = rules_for(as_of=DAY).replace("experience.skilled_teers", {0}, reform="TEER 0")
    periods = CANDIDATE.work_history.periods
    assert {p.teer for p in periods} == {ee.Teer.TEER_1}
    result = score(CANDIDATE, as_of=DAY, rules=narrow)
    assert result.transferability == 25  # education with CLB 9+ only: no foreign years count
    fsw = assess(CANDIDATE, as_of=DAY, rules=narrow).program(Program.FSW)
    work = next(r for r in fsw.requirements if r.id == "fsw.work_experience")
    assert not work.met
    assert "No skilled (TEER 0) paid work" in work.reason


def test_assess_refuses_rules_that_are_not_a_rule_set() -> None:
    with pytest.raises(ee.InvalidInputError) as info:
        assess(CANDIDATE, as_of=DAY, rules="2026")  # type: ignore[arg-type]
    assert info.value.problems[0].path == "rules"


def test_an_eligibility_reform_is_cited_on_the_requirement_it_changes() -> None:
    longer = rules_for(as_of=DAY).replace("program.fsw.min_hours", 3_120, reform="two years")
    fsw = assess(CANDIDATE, as_of=DAY, rules=longer).program(Program.FSW)
    work = next(r for r in fsw.requirements if r.id == "fsw.work_experience")
    assert work.met  # 3 years of 1,560 hours
    assert "of 3,120 hours" in work.reason
    stricter = longer.replace("program.fsw.min_hours", 6_240, reform="four years")
    work = next(
        r
        for r in assess(CANDIDATE, as_of=DAY, rules=stricter).program(Program.FSW).requirements
        if r.id == "fsw.work_experience"
    )
    assert not work.met
    assert stricter.replaced == ("program.fsw.min_hours",)


def test_a_reform_that_makes_teer_4_skilled_must_say_what_cec_asks() -> None:
    teer_4 = rules_for(as_of=DAY).replace("experience.skilled_teers", {0, 1, 2, 3, 4}, reform="4")
    with pytest.raises(ee.InvalidInputError) as info:
        assess(CANDIDATE, as_of=DAY, rules=teer_4)
    (problem,) = info.value.problems
    assert problem.path == "program.cec.min_clb_by_teer"
    assert "no level for TEER 4" in problem.message
    both = teer_4.replace(
        "program.cec.min_clb_by_teer", {0: 7, 1: 7, 2: 5, 3: 5, 4: 5}, reform="TEER 4 at CLB 5"
    )
    cec = assess(CANDIDATE, as_of=DAY, rules=both).program(Program.CEC)
    assert "TEER 0-4 Canadian work" in cec.requirements[0].reason


@pytest.mark.parametrize("levels", [{0: 7, 9: 5}, {}, {"0": 7}, {True: 7}])
def test_cec_levels_are_given_per_teer_0_to_5(levels: dict[object, int]) -> None:
    with pytest.raises(ee.InvalidInputError):
        rules_for(as_of=DAY).replace("program.cec.min_clb_by_teer", levels, reform="x")


def test_the_grid_says_its_maximum_in_force() -> None:
    # 28 + 25 + 15 + 12 + 10 + 10 = 100 (the canada.ca page); a reform giving
    # language 10 more makes the grid 110.
    assert ee.fsw_grid(CANDIDATE, as_of=DAY).maximum == 100
    wider = rules_for(as_of=DAY).replace(
        "fsw.grid.factor_maxima",
        {"language": 38, "education": 25, "experience": 15, "age": 12,
         "arranged_employment": 10, "adaptability": 10},
        reform="language 38",
    )  # fmt: skip
    grid = ee.fsw_grid(CANDIDATE, as_of=DAY, rules=wider)
    assert grid.maximum == 110
    assert repr(grid).startswith("FswGrid(68 of 110,")
    fsw = assess(CANDIDATE, as_of=DAY, rules=wider.replace("fsw.grid.pass_mark", 70, reform="70"))
    assert fsw.program(Program.FSW).unmet[0].reason == "Selection grid: 68 of 110 points; 70 needed"
