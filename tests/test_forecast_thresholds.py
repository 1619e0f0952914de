"""The forecast watches the programs' counts as eligibility draws them (one implementation).

:func:`~expressentry.eligibility.work_thresholds` is the one place the work
requirements are written for whoever looks ahead: a reform of a program's hours,
or a flipped reading, reaches the forecast through it, and the day the forecast
finds a line crossed is the day :func:`~expressentry.assess` sees the change.

Kind: hand-worked. The job below runs from 2026-01-22 at 40 hours a week, 30 of
which count (IRCC's weekly cap): 2,100 hours are 70 weeks of it, 490 days, so a
reform asking 2,100 hours of CEC is met on 2027-05-27. A job whose last day
was 2023-12-31 has left the 3-year window on 2027-01-01 (the window then starts
on 2024-01-01).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import attrs
import pytest

import expressentry as ee
from expressentry import Program
from expressentry.eligibility import work_thresholds
from expressentry.rules import programs

START = date(2026, 11, 22)
END = date(2028, 11, 22)

CANDIDATE = ee.Candidate(
    date_of_birth=date(1998, 3, 10),
    marital_status=ee.MaritalStatus.NEVER_MARRIED,
    education=ee.Education(level=ee.EducationLevel.BACHELORS, eca_issued=date(2025, 1, 10)),
    languages=(
        ee.LanguageResult(  # CLB 9 in each ability
            test=ee.LanguageTest.IELTS_GENERAL,
            test_date=date(2026, 3, 10),
            result_date=date(2026, 3, 22),
            listening=8.0,
            reading=7.0,
            writing=7.0,
            speaking=7.0,
        ),
    ),
    work_history=ee.WorkHistory(
        periods=(
            ee.WorkPeriod(
                start=date(2026, 1, 22), end=None, hours_per_week=40, noc="21231", in_canada=True
            ),
        )
    ),
    profile_submitted=datetime(2026, 6, 1, 14, 0, tzinfo=UTC),
)


def _experience(f: ee.Forecast) -> dict[str, tuple[date, ee.ForecastEvent, ee.Milestone]]:
    return {
        m.description: (e.day, e, m)
        for e in f.events
        for m in e.milestones
        if m.kind is ee.MilestoneKind.EXPERIENCE
    }


def test_a_reformed_cec_line_is_crossed_where_assess_sees_it() -> None:
    reform = ee.rules_for(as_of=START).replace("program.cec.min_hours", 2100, reform="2,100 h")
    cec = work_thresholds(rules=reform).cec[0]
    f = ee.forecast(CANDIDATE, start=START, end=END, rules=reform)
    day, event, milestone = _experience(f)[f"{cec.describe()}: reached"]
    assert cec.describe().startswith("CEC: 2,100 hours of Canadian TEER 0-3 work")
    assert day == date(2027, 5, 27)  # 490 days of 30 hours a week after 2026-01-22
    assert milestone.rule == cec.rule
    assert Program.CEC in event.gained
    # Under the law (1,560 hours), the line is crossed earlier, in its own words.
    shipped = work_thresholds(as_of=START).cec[0].describe()
    assert f"{shipped}: reached" in _experience(ee.forecast(CANDIDATE, start=START, end=END))


def test_the_strict_cec_reading_reaches_the_forecast(monkeypatch: pytest.MonkeyPatch) -> None:
    # CLB 6: enough for a year of TEER 2-3 work (CLB 5), not for TEER 0-1 (CLB 7).
    clb6 = attrs.evolve(CANDIDATE.languages[0], listening=5.5, reading=5.0, writing=5.5)
    mixed = attrs.evolve(
        CANDIDATE,
        languages=(clb6,),
        work_history=ee.WorkHistory(
            periods=(
                ee.WorkPeriod(  # TEER 1
                    start=date(2023, 1, 2),
                    end=date(2023, 12, 31),
                    hours_per_week=40,
                    noc="21231",
                    in_canada=True,
                ),
                ee.WorkPeriod(  # TEER 3, still going on
                    start=date(2024, 1, 1), end=None, hours_per_week=40, noc="63200", in_canada=True
                ),
            )
        ),
    )
    shipped = ee.forecast(mixed, start=START, end=END)
    assert Program.CEC in shipped.initial.verdicts.eligible_programs  # the TEER 3 year asks CLB 5
    assert not [w for w in _experience(shipped) if "higher" in w]  # no such count
    monkeypatch.setattr(programs, "CEC_MIXED_TEER_HOURS_BY_LEVEL", False)
    higher = work_thresholds(as_of=START).cec[-1]
    assert higher.id == "cec.work_experience.higher_level"
    strict = ee.forecast(mixed, start=START, end=END)
    assert (
        Program.CEC not in strict.initial.verdicts.eligible_programs
    )  # any TEER 1 hours ask CLB 7
    day, event, milestone = _experience(strict)[f"{higher.describe()}: no longer reached"]
    assert day == date(2027, 1, 1)  # the last TEER 1 day, 2023-12-31, leaves the 3 years
    assert milestone.rule == higher.rule
    assert event.gained == (Program.CEC,)
