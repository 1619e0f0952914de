"""Program eligibility (FSW, CEC, FST): clear passes, clear fails and every boundary.

Kind: hand-worked examples. Each profile's verdict is worked out by hand from IRCC's
program pages, read 2026-11-22 (FSW:
https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/eligibility/federal-skilled-workers.html;
CEC: https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/eligibility/canadian-experience-class.html;
FST: https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/eligibility/skilled-trades.html),
the FSW grid
(https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/eligibility/federal-skilled-workers/six-selection-factors-federal-skilled-workers.html)
and the settlement funds amounts of ``test_settlement_funds``.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import attrs
import pytest

from expressentry import (
    CanadianCredential,
    Candidate,
    Education,
    EducationLevel,
    JobOffer,
    LanguageResult,
    MaritalStatus,
    Program,
    Spouse,
    WorkHistory,
    WorkPeriod,
    assess,
    from_json,
    to_json,
)
from expressentry.eligibility import (
    EligibilityReport,
    ProgramResult,
    Requirement,
    Status,
    Verdict,
    fsw_grid,
)
from expressentry.rules import programs
from tests.builders import clb

AS_OF = date(2026, 11, 22)


def job(
    start: date,
    end: date | None,
    hours: float = 30,
    *,
    noc: str = "21231",
    in_canada: bool = True,
    **flags: bool,
) -> WorkPeriod:
    return WorkPeriod(
        start=start, end=end, hours_per_week=hours, noc=noc, in_canada=in_canada, **flags
    )


def weeks(start: date, n: int, hours: float = 30, **kw: Any) -> WorkPeriod:
    """A job of exactly ``n`` weeks from ``start``."""
    return job(start, start + timedelta(days=7 * n - 1), hours, **kw)


def celpip(level: int, when: date = date(2025, 6, 1)) -> LanguageResult:
    return clb(level, when)


def person(*periods: WorkPeriod, **kw: Any) -> Candidate:
    base: dict[str, Any] = {
        "date_of_birth": date(1996, 1, 1),
        "education": Education(level=EducationLevel.BACHELORS, eca_issued=date(2024, 1, 1)),
        "languages": (celpip(9),),
        "work_history": WorkHistory(periods=periods),
        "settlement_funds": 20_000,
    }
    base.update(kw)
    return Candidate(**base)


def req(result: ProgramResult, suffix: str) -> Requirement:
    (found,) = [r for r in result.requirements if r.id.endswith(suffix)]
    return found


def program(c: Candidate, p: Program, as_of: date = AS_OF) -> ProgramResult:
    return assess(c, as_of=as_of).program(p)


# --- reports ---------------------------------------------------------------------------


def test_unmet_lists_the_requirements_not_met_and_programs_come_in_order() -> None:
    # (eligible == every requirement met is enforced by ProgramResult itself)
    c = person(weeks(date(2024, 1, 1), 60, in_canada=False))
    report = assess(c, as_of=AS_OF)
    for p in report.programs:
        assert p.unmet == tuple(r for r in p.requirements if not r.met)
    assert [p.program for p in report.programs] == [Program.FSW, Program.CEC, Program.FST]


def test_report_round_trips_through_json() -> None:
    c = person(weeks(date(2024, 1, 1), 60))
    report = assess(c, as_of=AS_OF)
    assert from_json(to_json(report), EligibilityReport) == report


def test_not_eligible_is_a_result_not_an_exception() -> None:
    c = person(languages=())
    report = assess(c, as_of=AS_OF)
    assert report.eligible_programs == ()
    assert "not eligible" in report.explain()


def test_a_document_after_the_day_assessed_is_an_error() -> None:
    c = person(languages=(celpip(9, date(2026, 12, 1)),))
    with pytest.raises(ValueError, match=r"languages\[0\]\.test_date"):
        assess(c, as_of=AS_OF)


# --- CEC ---------------------------------------------------------------------------------


def test_cec_clear_pass() -> None:
    c = person(weeks(date(2024, 1, 1), 100))
    result = program(c, Program.CEC)
    assert result.eligible
    assert req(result, "work_experience").reason.startswith("3,000 of 1,560 hours")


def test_cec_exactly_1560_hours_passes_and_1559_fails() -> None:
    exact = person(weeks(date(2024, 1, 1), 52))  # 52 weeks x 30 h = 1,560 h
    short = person(weeks(date(2024, 1, 1), 52, hours=1559 / 52))
    assert req(program(exact, Program.CEC), "work_experience").met
    short_req = req(program(short, Program.CEC), "work_experience")
    assert not short_req.met
    assert short_req.reason.startswith("1,559 of 1,560 hours")


def test_cec_window_starts_exactly_three_years_before_the_day_assessed() -> None:
    # IRPR 87.1(2)(a): the year of work is counted in the 3 years before the day.
    # Worked by hand: the window of 2026-11-22 opens on 2023-11-22. 52 weeks from
    # that day are 364 days x 30 h / 7 = 1,560 h; from the day before, the first
    # day falls outside and 363 days leave 1,555.7 h.
    first_day = person(weeks(date(2023, 11, 22), 52))
    day_before = person(weeks(date(2023, 11, 21), 52))
    assert req(program(first_day, Program.CEC), "work_experience").met
    assert not req(program(day_before, Program.CEC), "work_experience").met


def test_cec_45_hours_a_week_count_as_30() -> None:
    c = person(weeks(date(2025, 1, 6), 40, hours=45))  # 40 weeks: 1,200 h, not 1,800
    r = req(program(c, Program.CEC), "work_experience")
    assert not r.met
    assert r.reason.startswith("1,200 of 1,560")


def test_cec_two_concurrent_part_time_jobs_add_up() -> None:
    c = person(
        weeks(date(2024, 1, 1), 52, hours=15, noc="21231"),
        weeks(date(2024, 1, 1), 52, hours=15, noc="21232"),
    )
    assert req(program(c, Program.CEC), "work_experience").met


@pytest.mark.parametrize(
    "flags",
    [{"self_employed": True}, {"full_time_student": True}, {"authorized": False}],
    ids=["self-employed", "full-time student", "unauthorized"],
)
def test_cec_excludes_self_employment_study_and_unauthorized_work(flags: dict[str, bool]) -> None:
    c = person(weeks(date(2024, 1, 1), 60, **flags))
    assert not req(program(c, Program.CEC), "work_experience").met


def test_cec_foreign_work_does_not_count() -> None:
    c = person(weeks(date(2024, 1, 1), 60, in_canada=False))
    assert not program(c, Program.CEC).eligible


def test_cec_work_older_than_3_years_does_not_count() -> None:
    c = person(weeks(date(2022, 1, 3), 60))  # ended 2023-02-26, before 2023-11-22
    assert not req(program(c, Program.CEC), "work_experience").met


def test_cec_language_by_teer() -> None:
    teer1 = weeks(date(2024, 1, 1), 60, noc="21231")
    teer3 = weeks(date(2024, 1, 1), 60, noc="63200")
    assert not req(program(person(teer1, languages=(celpip(6),)), Program.CEC), "language").met
    assert req(program(person(teer1, languages=(celpip(7),)), Program.CEC), "language").met
    assert req(program(person(teer3, languages=(celpip(5),)), Program.CEC), "language").met
    assert not req(program(person(teer3, languages=(celpip(4),)), Program.CEC), "language").met


def test_cec_mixed_teer_work_under_each_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    # Worked by hand: 104 weeks of TEER 3 work (3,120 hours, a year alone) and 26 weeks
    # of TEER 1 work, all in Canada in the 3 years before 2026-11-22; English CLB 5.
    teer3 = weeks(date(2024, 1, 1), 104, noc="63200")
    teer1 = weeks(date(2026, 1, 5), 26, noc="21231")
    mixed = person(teer3, teer1, languages=(celpip(5),))
    only_teer3 = person(teer3, languages=(celpip(5),))
    # CEC_MIXED_TEER_HOURS_BY_LEVEL (the reading shipped): the TEER 3 year asks CLB 5.
    assert program(mixed, Program.CEC).eligible
    assert req(program(mixed, Program.CEC), "language").reason.endswith(
        "(TEER 2-3 work makes the year)"
    )
    # The strict reading: the TEER 1 work asks CLB 7, even though TEER 3 makes the year.
    monkeypatch.setattr(programs, "CEC_MIXED_TEER_HOURS_BY_LEVEL", False)
    language = req(program(mixed, Program.CEC), "language")
    assert not language.met
    assert language.reason.endswith(
        "CLB 7 in all four abilities needed (TEER 0-1 work in the window)"
    )
    assert not program(mixed, Program.CEC).eligible
    # Work of one level only: both readings agree.
    assert program(only_teer3, Program.CEC).eligible


# --- FSW ---------------------------------------------------------------------------------


def test_fsw_clear_pass() -> None:
    c = person(weeks(date(2021, 1, 4), 52 * 3, in_canada=False))
    result = program(c, Program.FSW)
    assert result.eligible, result.unmet
    assert result.grid is not None
    assert result.grid.passed


def test_fsw_a_one_day_gap_breaks_continuity() -> None:
    first = job(date(2024, 1, 1), date(2024, 6, 30), in_canada=False)  # 182 days
    joined = job(date(2024, 7, 1), date(2024, 12, 29), in_canada=False)
    gapped = job(date(2024, 7, 2), date(2024, 12, 30), in_canada=False)
    assert req(program(person(first, joined), Program.FSW), "work_experience").met
    assert not req(program(person(first, gapped), Program.FSW), "work_experience").met


def test_fsw_the_continuous_year_must_be_in_one_occupation() -> None:
    a = job(date(2024, 1, 1), date(2024, 6, 30), noc="21231", in_canada=False)
    b = job(date(2024, 7, 1), date(2024, 12, 29), noc="21232", in_canada=False)
    assert not req(program(person(a, b), Program.FSW), "work_experience").met


def test_fsw_language_result_one_day_past_two_years_is_expired() -> None:
    c = person(
        weeks(date(2021, 1, 4), 156, in_canada=False), languages=(celpip(9, date(2024, 11, 22)),)
    )
    assert req(program(c, Program.FSW, date(2026, 11, 21)), "language").met
    expired = req(program(c, Program.FSW, date(2026, 11, 22)), "language")
    assert not expired.met
    assert "expired" in expired.reason


def test_fsw_needs_clb_7() -> None:
    c = person(weeks(date(2021, 1, 4), 156, in_canada=False), languages=(celpip(6),))
    assert not req(program(c, Program.FSW), "language").met


def test_fsw_foreign_education_needs_an_eca() -> None:
    c = person(
        weeks(date(2021, 1, 4), 156, in_canada=False),
        education=Education(level=EducationLevel.BACHELORS),
    )
    assert not req(program(c, Program.FSW), "education").met


def test_fsw_an_eca_expires_after_5_years_unless_the_credential_is_canadian() -> None:
    work = weeks(date(2021, 1, 4), 156, in_canada=False)
    old_eca = Education(level=EducationLevel.BACHELORS, eca_issued=date(2021, 11, 22))
    c = person(work, education=old_eca)
    assert req(program(c, Program.FSW, date(2026, 11, 21)), "education").met
    expired = req(program(c, Program.FSW, date(2026, 11, 22)), "education")
    assert not expired.met
    assert expired.reason == (
        "Foreign bachelor's degree or program of 3+ years: "
        "its ECA of 2021-11-22 expired on 2026-11-22 (valid 5 years)"
    )
    canadian = Education(
        level=EducationLevel.MASTERS, canadian_credential=CanadianCredential.THREE_YEAR_OR_MORE
    )
    r = req(program(person(work, education=canadian), Program.FSW), "education")
    assert r.met
    assert r.reason == "Education: a Canadian credential (three year or more)"


def test_fsw_67_pass_mark_on_both_sides() -> None:
    def grid(born: date) -> tuple[int, bool]:
        c = person(
            weeks(date(2025, 1, 6), 52, in_canada=False),
            date_of_birth=born,
            education=Education(level=EducationLevel.MASTERS, eca_issued=date(2024, 1, 1)),
        )
        g = fsw_grid(c, as_of=AS_OF)
        return g.total, g.passed

    # CLB 9 in all four (24) + master's (23) + 1 year (9) + age
    assert grid(date(1990, 1, 1)) == (24 + 23 + 9 + 11, True)  # age 36: 67, passes
    assert grid(date(1989, 1, 1)) == (24 + 23 + 9 + 10, False)  # age 37: 66, fails


def test_fsw_adaptability_is_capped_at_10() -> None:
    c = person(
        weeks(date(2023, 1, 2), 104),
        relative_in_canada=True,
        studied_in_canada=True,
        job_offer=JobOffer(noc="21231"),
        authorized_to_work_in_canada=True,
    )
    grid = fsw_grid(c, as_of=AS_OF)
    adaptability = [ln for ln in grid.lines if ln.factor.startswith("adaptability")]
    assert sum(ln.points for ln in adaptability) == 10
    assert adaptability[-1].factor == "adaptability.cap"


def test_fsw_spouse_adaptability_needs_an_accompanying_spouse() -> None:
    spouse = Spouse(language=celpip(4), studied_in_canada=True)
    base = {"marital_status": MaritalStatus.MARRIED}
    c = person(weeks(date(2025, 1, 6), 52, in_canada=False), spouse=spouse, **base)
    factors = {ln.factor for ln in fsw_grid(c, as_of=AS_OF).lines}
    assert {"adaptability.spouse_language", "adaptability.spouse_past_study"} <= factors
    away = attrs.evolve(c, spouse=attrs.evolve(spouse, accompanying=False))
    factors = {ln.factor for ln in fsw_grid(away, as_of=AS_OF).lines}
    assert not factors & {"adaptability.spouse_language", "adaptability.spouse_past_study"}


# --- FST ---------------------------------------------------------------------------------


def test_fst_clear_pass_with_a_certificate_in_the_same_trade() -> None:
    c = person(
        weeks(date(2022, 1, 3), 110, noc="72310", in_canada=False),
        languages=(celpip(5),),
        certificate_of_qualification=True,
        certificate_noc="72310",
    )
    result = program(c, Program.FST)
    assert result.eligible, result.unmet


def test_fst_needs_the_offer_or_certificate_in_the_trade_worked() -> None:
    c = person(
        weeks(date(2022, 1, 3), 110, noc="72310", in_canada=False),
        languages=(celpip(5),),
        certificate_of_qualification=True,
        certificate_noc="72200",
    )
    assert not req(program(c, Program.FST), "offer_or_certificate").met


def test_fst_a_certificate_in_the_trade_counts_beside_an_offer_outside_it() -> None:
    """Either one in the trade worked will do: an offer elsewhere does not hide the certificate."""
    c = person(
        weeks(date(2022, 1, 3), 110, noc="72310", in_canada=False),
        languages=(celpip(5),),
        job_offer=JobOffer(noc="21231"),  # software engineers: not the trade worked
        certificate_of_qualification=True,
        certificate_noc="72310",
    )
    assert req(program(c, Program.FST), "offer_or_certificate").met


def test_fst_two_years_is_3120_hours() -> None:
    base = {"job_offer": JobOffer(noc="72310"), "languages": (celpip(5),)}
    full = person(weeks(date(2022, 1, 3), 104, noc="72310"), **base)
    short = person(weeks(date(2022, 1, 3), 103, noc="72310"), **base)
    assert req(program(full, Program.FST), "work_experience").met
    assert not req(program(short, Program.FST), "work_experience").met


def test_fst_air_pilots_are_not_a_trade() -> None:
    c = person(weeks(date(2022, 1, 3), 110, noc="72600"), job_offer=JobOffer(noc="72600"))
    assert not req(program(c, Program.FST), "work_experience").met


# --- settlement funds --------------------------------------------------------------------


def test_funds_exempt_with_work_authorization_and_a_job_offer() -> None:
    c = person(
        weeks(date(2021, 1, 4), 156, in_canada=False),
        settlement_funds=None,
        authorized_to_work_in_canada=True,
        job_offer=JobOffer(noc="21231"),
    )
    r = req(program(c, Program.FSW), "settlement_funds")
    assert r.met
    assert "Exempt" in r.reason


def test_funds_not_exempt_with_a_job_offer_alone() -> None:
    c = person(settlement_funds=None, job_offer=JobOffer(noc="21231"))
    assert not req(program(c, Program.FSW), "settlement_funds").met


def test_cec_needs_no_funds() -> None:
    c = person(weeks(date(2024, 1, 1), 60), settlement_funds=0)
    assert program(c, Program.CEC).eligible


@pytest.mark.parametrize(
    ("before", "on", "single_before", "single_on"),
    [
        (date(2022, 6, 7), date(2022, 6, 8), 13_213, 13_310),
        (date(2023, 4, 24), date(2023, 4, 25), 13_310, 13_757),
        (date(2024, 5, 27), date(2024, 5, 28), 13_757, 14_690),
        (date(2025, 7, 27), date(2025, 7, 28), 14_690, 15_263),
    ],
)
def test_funds_table_on_both_sides_of_each_update(
    before: date, on: date, single_before: int, single_on: int
) -> None:
    def met(funds: int, day: date) -> bool:
        c = person(
            weeks(date(2018, 1, 1), 156, in_canada=False),
            settlement_funds=funds,
            languages=(celpip(9, day - timedelta(days=30)),),
            education=Education(
                level=EducationLevel.BACHELORS, eca_issued=day - timedelta(days=30)
            ),
        )
        return req(program(c, Program.FSW, day), "settlement_funds").met

    assert met(single_before, before)
    assert not met(single_on - 1, on)
    assert met(single_on, on)


def test_funds_before_the_first_known_table_cannot_be_checked() -> None:
    day = date(2016, 1, 11)
    c = person(
        weeks(date(2012, 1, 2), 156, in_canada=False),
        languages=(celpip(9, date(2015, 9, 1)),),
        education=Education(level=EducationLevel.BACHELORS, eca_issued=date(2015, 9, 1)),
    )
    result = program(c, Program.FSW, day)
    r = req(result, "settlement_funds")
    assert not r.met
    assert r.status is Status.UNKNOWN
    assert r.reason == (
        "Settlement funds $20,000 declared; cannot be checked: no settlement funds table "
        "is known to be in force on 2016-01-11 (the first known took effect on 2016-01-12)"
    )
    assert result.verdict is Verdict.ELIGIBLE_IF
    assert not result.eligible
    assert req(program(c, Program.FSW, date(2016, 1, 12)), "settlement_funds").met


# --- review findings: each pinned --------------------------------------------------------


def _grid_points(c: Candidate, factor: str) -> list[tuple[int, str]]:
    return [(ln.points, ln.reason) for ln in fsw_grid(c, as_of=AS_OF).lines if ln.factor == factor]


def test_fsw_grid_scores_a_level_the_canadian_credential_covers_whatever_the_eca() -> None:
    edu = Education(
        level=EducationLevel.MASTERS,
        canadian_credential=CanadianCredential.THREE_YEAR_OR_MORE,
        eca_issued=date(2020, 1, 1),  # expired, and not needed
    )
    assert _grid_points(person(education=edu), "education") == [
        (23, "Education: master's or professional degree")
    ]


def test_fsw_grid_falls_back_to_the_canadian_credential_when_the_eca_expired() -> None:
    edu = Education(
        level=EducationLevel.MASTERS,
        canadian_credential=CanadianCredential.ONE_OR_TWO_YEAR,
        eca_issued=date(2020, 1, 1),
    )
    ((points, reason),) = _grid_points(person(education=edu), "education")
    assert points == 15  # one-year program, the lowest a one- or two-year credential can be
    assert "Canadian credential" in reason
    assert "its ECA of 2020-01-01 expired on 2025-01-01 (valid 5 years)" in reason


def _adaptability(c: Candidate) -> dict[str, int]:
    return {
        ln.factor: ln.points
        for ln in fsw_grid(c, as_of=AS_OF).lines
        if ln.factor.startswith("adaptability")
    }


def test_fsw_adaptability_past_work_must_be_full_time() -> None:
    part_time = person(weeks(date(2023, 1, 2), 104, hours=15))  # 1,560 h, but part time
    concurrent = person(
        weeks(date(2024, 1, 1), 52, hours=15, noc="21231"),
        weeks(date(2024, 1, 1), 52, hours=15, noc="21232"),
    )
    assert "adaptability.past_work" not in _adaptability(part_time)
    assert _adaptability(concurrent)["adaptability.past_work"] == 10


def test_fsw_spouse_past_work_counts_self_employment_in_any_occupation() -> None:
    work = WorkHistory(periods=(weeks(date(2023, 1, 2), 60, self_employed=True, noc="65310"),))
    c = person(marital_status=MaritalStatus.MARRIED, spouse=Spouse(work_history=work))
    assert _adaptability(c)["adaptability.spouse_past_work"] == 5
    unauthorized = WorkHistory(periods=(weeks(date(2023, 1, 2), 60, authorized=False),))
    c = person(marital_status=MaritalStatus.MARRIED, spouse=Spouse(work_history=unauthorized))
    assert "adaptability.spouse_past_work" not in _adaptability(c)


def test_fst_reports_the_trade_with_the_hours_and_what_it_lacks() -> None:
    c = person(
        job(date(2022, 1, 1), date(2025, 12, 31), noc="72310", in_canada=False),
        job(date(2025, 1, 1), date(2025, 6, 30), noc="72400", in_canada=False),
        languages=(celpip(5),),
        certificate_of_qualification=True,
        certificate_noc="72400",
    )
    result = program(c, Program.FST)
    assert not result.eligible
    assert req(result, "work_experience").met
    assert "NOC 72310" in req(result, "work_experience").reason
    support = req(result, "offer_or_certificate")
    assert not support.met
    assert support.reason == "No job offer or certificate of qualification in NOC 72310"
