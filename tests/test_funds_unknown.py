"""Met, not met, or cannot be checked: settlement funds on days and family sizes no table covers.

Expected amounts are copied by hand from the research notes (section 1.4.1) and the
copies the settlement funds module names; verdicts and sentences are worked out by
hand, never read from the code under test. IRCC's page:
https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/documents/proof-funds.html
(read 2026-11-22).

Kinds: hand-worked examples (verdicts on days and family sizes no table covers);
the last section checks that the result classes refuse contradicting values.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import attrs
import pytest

from expressentry import (
    Candidate,
    CategoryId,
    Education,
    EducationLevel,
    InvalidInputError,
    JobOffer,
    MaritalStatus,
    Program,
    Spouse,
    WorkHistory,
    WorkPeriod,
    assess,
    from_dict,
    from_json,
    rules_for,
    to_dict,
    to_json,
)
from expressentry.eligibility import (
    CategoryResult,
    EligibilityReport,
    FswGrid,
    GridLine,
    ProgramResult,
    Requirement,
    Status,
    Verdict,
)
from expressentry.eligibility.categories import assess_categories
from expressentry.errors import InternalError
from tests.builders import clb

EARLY = date(2015, 6, 1)


def fsw_candidate(day: date, funds: int | None, **kw: Any) -> Candidate:
    """Meets every FSW requirement on ``day`` but, perhaps, settlement funds.

    Five years of full-time work as a software engineer abroad, a master's degree with
    an ECA, CLB 9 (CELPIP) and age 27 give 72 grid points.
    """
    fields: dict[str, Any] = {
        "date_of_birth": day - timedelta(days=27 * 365 + 100),
        "education": Education(level=EducationLevel.MASTERS, eca_issued=day - timedelta(days=60)),
        "languages": (clb(9, day - timedelta(days=60)),),
        "work_history": WorkHistory(
            periods=(
                WorkPeriod(
                    start=day - timedelta(days=5 * 365), end=None, hours_per_week=40,
                    noc="21231", in_canada=False,
                ),
            )
        ),
        "settlement_funds": funds,
    }  # fmt: skip
    fields.update(kw)
    return Candidate(**fields)


def family_of_8(day: date, funds: int | None) -> Candidate:
    """The candidate, a spouse and six dependent children."""
    return fsw_candidate(
        day,
        funds,
        marital_status=MaritalStatus.MARRIED,
        spouse=Spouse(),
        dependent_children=6,
    )


def funds(c: Candidate, day: date, p: Program = Program.FSW) -> Requirement:
    (found,) = [
        r for r in assess(c, as_of=day).program(p).requirements if r.id.endswith("settlement_funds")
    ]
    return found


# --- 2015-01-01 to 2016-01-11: no table known ---------------------------------------------


def test_a_million_dollars_on_2015_06_01_is_eligible_if_funds_are_confirmed() -> None:
    report = assess(fsw_candidate(EARLY, 1_000_000), as_of=EARLY)
    fsw = report.program(Program.FSW)
    assert fsw.verdict is Verdict.ELIGIBLE_IF  # so not eligible: ProgramResult enforces it
    assert fsw.unmet == ()
    assert [r.id for r in fsw.unknown] == ["fsw.settlement_funds"]
    (r,) = fsw.unknown
    assert r.status is Status.UNKNOWN  # so not met: Requirement enforces it
    assert r.condition == "settlement funds are confirmed"
    assert fsw.conditions == "settlement funds are confirmed"
    assert report.eligible_programs == ()
    assert report.undecided_programs == (Program.FSW,)


def test_explain_says_eligible_if_and_marks_the_unknown_requirement() -> None:
    text = assess(fsw_candidate(EARLY, 1_000_000), as_of=EARLY).explain()
    lines = text.splitlines()
    assert (
        "Federal Skilled Worker Program (FSW): eligible if settlement funds are confirmed" in lines
    )
    assert "Canadian Experience Class (CEC): not eligible" in lines
    unknown = [ln for ln in lines if ln.startswith("  [?] ")]
    assert len(unknown) == 2  # FSW and FST
    assert unknown[0].startswith(
        "  [?] Settlement funds $1,000,000 declared; cannot be checked: no settlement funds "
        "table is known to be in force on 2015-06-01 (the first known took effect on 2016-01-12)"
    )
    assert "Category-based selection: no categories in force on this day" in lines


@pytest.mark.parametrize(("declared", "words"), [(None, "not declared"), (0, "$0")])
def test_no_funds_fail_even_when_the_amount_is_unknown(declared: int | None, words: str) -> None:
    result = assess(fsw_candidate(EARLY, declared), as_of=EARLY).program(Program.FSW)
    r = funds(fsw_candidate(EARLY, declared), EARLY)
    assert r.status is Status.NOT_MET
    assert r.reason.startswith(f"Settlement funds {words}; no settlement funds table is known")
    assert result.verdict is Verdict.NOT_ELIGIBLE
    assert "[ ] Settlement funds" in assess(fsw_candidate(EARLY, declared), as_of=EARLY).explain()


def test_a_failed_requirement_beats_an_unknown_one() -> None:
    c = fsw_candidate(EARLY, 1_000_000, languages=(clb(6, EARLY - timedelta(days=60)),))
    fsw = assess(c, as_of=EARLY).program(Program.FSW)
    assert fsw.verdict is Verdict.NOT_ELIGIBLE
    assert [r.id for r in fsw.unknown] == ["fsw.settlement_funds"]
    assert "fsw.language" in [r.id for r in fsw.unmet]


def test_exempt_candidates_need_no_table() -> None:
    c = fsw_candidate(EARLY, None)
    assert funds(c, EARLY, Program.FSW).status is Status.NOT_MET
    exempt = fsw_candidate(
        EARLY, None, authorized_to_work_in_canada=True, job_offer=JobOffer(noc="21231")
    )
    assert funds(exempt, EARLY).status is Status.MET


# --- both sides of the first table ---------------------------------------------------------


def test_2016_01_11_is_unknown_and_2016_01_12_reads_the_2016_table() -> None:
    assert funds(fsw_candidate(date(2016, 1, 11), 12_164), date(2016, 1, 11)).status is (
        Status.UNKNOWN
    )
    on = date(2016, 1, 12)
    assert funds(fsw_candidate(on, 12_164), on).status is Status.MET
    r = funds(fsw_candidate(on, 12_163), on)
    assert r.status is Status.NOT_MET
    assert r.reason == "Settlement funds $12,163 of $12,164 needed for a family of 1 person"


@pytest.mark.parametrize(
    ("before", "on", "single_before", "single_on"),
    [
        (date(2017, 1, 26), date(2017, 1, 27), 12_164, 12_300),
        (date(2018, 1, 4), date(2018, 1, 5), 12_300, 12_474),
        (date(2019, 1, 15), date(2019, 1, 16), 12_474, 12_669),
        (
            date(2020, 2, 24),
            date(2020, 2, 25),
            12_669,
            12_960,
        ),  # 2019 still accepted the day before
        (date(2021, 7, 14), date(2021, 7, 15), 12_960, 13_213),
    ],
)
def test_each_earlier_table_on_both_sides_of_its_first_day(
    before: date, on: date, single_before: int, single_on: int
) -> None:
    assert funds(fsw_candidate(before, single_before), before).met
    assert not funds(fsw_candidate(before, single_before - 1), before).met
    assert funds(fsw_candidate(on, single_on), on).met
    assert funds(fsw_candidate(on, single_on - 1), on).status is Status.NOT_MET


def test_the_2019_table_is_enough_while_both_2020_tables_are_accepted() -> None:
    for day in (date(2020, 1, 1), date(2020, 1, 22), date(2020, 2, 24)):
        assert funds(fsw_candidate(day, 12_669), day).met
        assert not funds(fsw_candidate(day, 12_668), day).met
    assert not funds(fsw_candidate(date(2019, 12, 31), 12_668), date(2019, 12, 31)).met


# --- a family of 8 under the 2016 table --------------------------------------------------


def test_a_family_of_8_on_a_2016_day_is_unknown() -> None:
    day = date(2016, 6, 1)
    c = family_of_8(day, 1_000_000)
    assert c.family_size == 8
    r = funds(c, day)
    assert r.status is Status.UNKNOWN
    assert r.reason == (
        "Settlement funds $1,000,000 declared; cannot be checked: no amount is known for a "
        "family of 8 people (more than 7); at least $32,191 needed"
    )
    assert assess(c, as_of=day).program(Program.FSW).verdict is Verdict.ELIGIBLE_IF


def test_a_family_of_8_below_the_amount_for_7_fails_whatever_the_amount() -> None:
    day = date(2016, 6, 1)
    r = funds(family_of_8(day, 32_190), day)
    assert r.status is Status.NOT_MET
    assert r.reason == (
        "Settlement funds $32,190; no amount is known for a family of 8 people "
        "(more than 7); at least $32,191 needed"
    )
    assert funds(family_of_8(day, 32_191), day).status is Status.UNKNOWN
    assert funds(family_of_8(day, None), day).status is Status.NOT_MET


def test_a_family_of_8_is_known_again_from_the_2017_table() -> None:
    before, on = date(2017, 1, 26), date(2017, 1, 27)
    assert funds(family_of_8(before, 40_000), before).status is Status.UNKNOWN
    # 32,550 for 7 + 3,314 for the eighth member
    assert funds(family_of_8(on, 35_864), on).status is Status.MET
    assert funds(family_of_8(on, 35_863), on).status is Status.NOT_MET


def test_a_family_of_7_on_a_2016_day_is_known() -> None:
    day = date(2016, 6, 1)
    c = fsw_candidate(
        day, 32_191, marital_status=MaritalStatus.MARRIED, spouse=Spouse(), dependent_children=5
    )
    assert funds(c, day).status is Status.MET


# --- categories ----------------------------------------------------------------------------


def _nurse() -> Candidate:
    return Candidate(
        date_of_birth=date(1992, 5, 5),
        education=Education(level=EducationLevel.BACHELORS, eca_issued=date(2025, 5, 1)),
        languages=(clb(9, date(2025, 11, 1)),),
        work_history=WorkHistory(
            periods=(
                WorkPeriod(
                    start=date(2018, 1, 1), end=date(2020, 12, 31), hours_per_week=37.5,
                    noc="31301", in_canada=False,
                ),
                WorkPeriod(
                    start=date(2025, 5, 5), end=None, hours_per_week=37.5,
                    noc="31301", in_canada=False,
                ),
            )
        ),
        settlement_funds=20_000,
    )  # fmt: skip


def _undecided_fsw(result: ProgramResult) -> ProgramResult:
    """``result`` with its settlement funds made unknown, as on a day with no table."""
    reqs = tuple(
        attrs.evolve(
            r,
            met=False,
            status=Status.UNKNOWN,
            condition="settlement funds are confirmed",
            reason="Settlement funds $20,000 declared; cannot be checked",
        )
        if r.id == "fsw.settlement_funds"
        else r
        for r in result.requirements
    )
    return ProgramResult(
        program=result.program, requirements=reqs, eligible=False, grid=result.grid
    )


DAY_2026 = date(2026, 2, 17)  # 6 months of continuous work in a listed occupation suffice


def _undecided_report() -> EligibilityReport:
    real = assess(_nurse(), as_of=DAY_2026)
    assert real.eligible_programs == (Program.FSW,)
    assert "healthcare_social_services" in real.eligible_categories
    programs = (_undecided_fsw(real.programs[0]), *real.programs[1:])
    return attrs.evolve(
        real,
        programs=programs,
        categories=assess_categories(_nurse(), DAY_2026, programs, rules_for(as_of=DAY_2026)),
    )


def test_a_category_is_eligible_if_its_only_program_is() -> None:
    report = _undecided_report()
    (health,) = [c for c in report.categories if c.category == "healthcare_social_services"]
    assert health.verdict is Verdict.ELIGIBLE_IF
    program_req = health.requirements[0]
    assert program_req.id == "category.program"
    assert program_req.status is Status.UNKNOWN
    assert program_req.reason == "Eligible for FSW if settlement funds are confirmed"
    assert health.conditions == "settlement funds are confirmed (for FSW)"
    assert report.eligible_categories == ()
    assert "healthcare_social_services" in report.undecided_categories
    # a category whose own requirement fails is not eligible, whatever the program
    (french,) = [c for c in report.categories if c.category == "french"]
    assert french.verdict is Verdict.NOT_ELIGIBLE


def test_explain_prints_the_category_verdict_with_its_condition() -> None:
    lines = _undecided_report().explain().splitlines()
    assert any(
        ln.startswith("  Healthcare and social services occupations (")
        and ln.endswith("): eligible if settlement funds are confirmed (for FSW)")
        for ln in lines
    ), lines
    assert "    [?] Eligible for FSW if settlement funds are confirmed" in "\n".join(lines)


def test_a_definitely_eligible_program_settles_the_category() -> None:
    real = assess(_nurse(), as_of=DAY_2026)
    fsw = real.programs[0]
    cec_eligible = ProgramResult(
        program=Program.CEC,
        requirements=tuple(attrs.evolve(r, met=True, status=Status.MET) for r in fsw.requirements),
        eligible=True,
    )
    programs = (_undecided_fsw(fsw), cec_eligible, real.programs[2])
    cats = assess_categories(_nurse(), DAY_2026, programs, rules_for(as_of=DAY_2026))
    (health,) = [c for c in cats if c.category == "healthcare_social_services"]
    assert health.verdict is Verdict.ELIGIBLE
    assert health.requirements[0].reason == "Eligible for CEC"


# --- JSON --------------------------------------------------------------------------------


def test_an_undecided_report_round_trips_through_json() -> None:
    report = assess(fsw_candidate(EARLY, 1_000_000), as_of=EARLY)
    assert from_json(to_json(report), EligibilityReport) == report
    data = to_dict(report)
    fsw = data["programs"][0]
    assert fsw["verdict"] == "eligible_if"
    assert fsw["eligible"] is False
    (req,) = [r for r in fsw["requirements"] if r["id"] == "fsw.settlement_funds"]
    assert (req["status"], req["met"]) == ("unknown", False)
    assert req["condition"] == "settlement funds are confirmed"
    assert data["programs"][1]["verdict"] == "not_eligible"


def test_an_undecided_category_round_trips_through_json() -> None:
    report = _undecided_report()
    assert from_json(to_json(report), EligibilityReport) == report
    (health,) = [
        c for c in to_dict(report)["categories"] if c["category"] == "healthcare_social_services"
    ]
    assert health["verdict"] == "eligible_if"
    assert health["requirements"][0]["status"] == "unknown"


def test_json_without_the_new_fields_still_loads() -> None:
    report = assess(fsw_candidate(date(2026, 11, 22), 20_000), as_of=date(2026, 11, 22))
    data = to_dict(report)
    for p in data["programs"]:
        del p["verdict"]
        for r in p["requirements"]:
            del r["status"], r["condition"]
    assert from_dict(data, EligibilityReport) == report


def test_json_with_an_unknown_status_is_refused_with_its_path() -> None:
    report = assess(fsw_candidate(EARLY, 1_000_000), as_of=EARLY)
    data = to_dict(report)
    data["programs"][0]["requirements"][4]["status"] = "maybe"
    with pytest.raises(InvalidInputError) as info:
        from_dict(data, EligibilityReport)
    assert info.value.problems[0].path == "$.programs[0].requirements[4].status"


# --- invariants: a broken result is a bug, an InternalError ------------------------------


def _rule() -> Any:
    return assess(fsw_candidate(EARLY, None), as_of=EARLY).programs[0].requirements[0].rule


def test_status_must_agree_with_met() -> None:
    with pytest.raises(InternalError):
        Requirement(id="x", met=True, status=Status.UNKNOWN, reason="", rule=_rule())
    with pytest.raises(InternalError):
        Requirement(id="x", met=False, status=Status.MET, reason="", rule=_rule())
    assert Requirement(id="x", met=False, reason="", rule=_rule()).status is Status.NOT_MET


def test_eligible_and_verdict_must_agree_with_the_requirements() -> None:
    unknown = Requirement(id="x", met=False, status=Status.UNKNOWN, reason="", rule=_rule())
    with pytest.raises(InternalError) as info:
        ProgramResult(program=Program.FSW, requirements=(unknown,), eligible=True)
    assert not isinstance(info.value, InvalidInputError)
    with pytest.raises(InternalError):
        ProgramResult(
            program=Program.FSW,
            requirements=(unknown,),
            eligible=False,
            verdict=Verdict.NOT_ELIGIBLE,
        )
    with pytest.raises(InternalError):
        CategoryResult(
            category=CategoryId.STEM, name="C", version="1", requirements=(unknown,),
            eligible=False,
            verdict=Verdict.ELIGIBLE,
        )  # fmt: skip
    ok = ProgramResult(program=Program.FSW, requirements=(unknown,), eligible=False)
    assert ok.verdict is Verdict.ELIGIBLE_IF


def test_a_grid_whose_total_is_not_its_lines_is_an_internal_error() -> None:
    line = GridLine(factor="age", points=12, reason="Age 27", rule=_rule())
    with pytest.raises(InternalError) as info:
        FswGrid(lines=(line,), total=13, pass_mark=67)
    assert not isinstance(info.value, InvalidInputError)
    assert "13" in str(info.value)


def test_json_whose_verdict_contradicts_its_requirements_is_refused() -> None:
    data = to_dict(assess(fsw_candidate(EARLY, 1_000_000), as_of=EARLY))
    data["programs"][0]["verdict"] = "eligible"
    with pytest.raises(InvalidInputError) as info:
        from_dict(data, EligibilityReport)
    assert info.value.problems[0].path == "$.programs[0]"
    assert "verdict 'eligible'" in info.value.problems[0].message
