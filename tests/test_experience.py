"""Work-experience accounting: hours, caps, windows and exclusions, at their boundaries.

Kind: hand-worked examples (hours counted by hand: weeks x hours, 30 a week at most,
1,560 a year). Rules from IRCC's CRS criteria
(https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/check-score/crs-criteria.html)
and the FSW work-experience bulletin
(https://www.canada.ca/en/immigration-refugees-citizenship/corporate/publications-manuals/operational-bulletins-manuals/permanent-residence/economic-classes/federal-skilled-workers/selection-criteria-work-experience.html),
read 2026-11-22.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from expressentry import (
    InvalidInputError,
    WorkHistory,
    WorkPeriod,
    canadian_experience,
    foreign_experience,
)
from expressentry.experience import (
    Kind,
    canadian_kind,
    credited_hours,
    full_time_hours,
    full_time_segments,
    hours_by_occupation,
    longest_continuous_hours,
    occupation_segments,
    window,
)
from expressentry.rules import rules_for

AS_OF = date(2026, 11, 22)
RULES = rules_for(as_of=AS_OF)


def period(
    start: date,
    days: int,
    hours: float = 30,
    *,
    noc: str = "21231",
    in_canada: bool = True,
    self_employed: bool = False,
    full_time_student: bool = False,
    authorized: bool = True,
) -> WorkPeriod:
    return WorkPeriod(
        start=start,
        end=start + timedelta(days=days - 1),
        hours_per_week=hours,
        noc=noc,
        in_canada=in_canada,
        self_employed=self_employed,
        full_time_student=full_time_student,
        authorized=authorized,
    )


def history(*periods: WorkPeriod) -> WorkHistory:
    return WorkHistory(periods=periods)


def test_exactly_1560_hours_is_one_year() -> None:
    # 364 days at 30 h/week = 52 weeks x 30 h = 1,560 hours
    h = history(period(date(2024, 1, 1), 364))
    exp = canadian_experience(h, as_of=AS_OF)
    assert (exp.hours, exp.years) == (1560, 1)


def test_1559_hours_is_not_a_year() -> None:
    # 52 weeks at 1,559/52 hours a week is 1,559 hours: one short of a year
    h = history(period(date(2024, 1, 1), 364, hours=1559 / 52))
    exp = canadian_experience(h, as_of=AS_OF)
    assert (exp.hours, exp.years) == (1559, 0)


def test_hours_above_30_a_week_never_count() -> None:
    h = history(period(date(2024, 1, 1), 182, hours=45))  # 26 weeks at 45 h
    assert canadian_experience(h, as_of=AS_OF).hours == 780  # 26 x 30, not 26 x 45


def test_two_concurrent_part_time_jobs_add_up() -> None:
    h = history(
        period(date(2024, 1, 1), 364, hours=15),
        period(date(2024, 1, 1), 364, hours=15, noc="31301"),
    )
    assert canadian_experience(h, as_of=AS_OF).years == 1


def test_two_concurrent_full_time_jobs_count_as_one() -> None:
    h = history(
        period(date(2024, 1, 1), 364, hours=40),
        period(date(2024, 1, 1), 364, hours=20, noc="31301"),
    )
    assert canadian_experience(h, as_of=AS_OF).hours == 1560


def test_part_time_counts_pro_rata() -> None:
    h = history(period(date(2023, 1, 2), 728, hours=15))  # 15 h x 104 weeks
    assert canadian_experience(h, as_of=AS_OF).hours == 1560


@pytest.mark.parametrize(
    "excluded",
    [
        period(date(2024, 1, 1), 364, self_employed=True),
        period(date(2024, 1, 1), 364, full_time_student=True),
        period(date(2024, 1, 1), 364, authorized=False),
    ],
    ids=["self-employed", "full-time student", "unauthorized"],
)
def test_canadian_exclusions(excluded: WorkPeriod) -> None:
    h = history(excluded)
    assert canadian_experience(h, as_of=AS_OF).hours == 0
    assert foreign_experience(h, as_of=AS_OF).hours == 0


def test_foreign_self_employment_and_study_still_count() -> None:
    h = history(
        period(date(2024, 1, 1), 364, in_canada=False, self_employed=True, full_time_student=True)
    )
    assert foreign_experience(h, as_of=AS_OF).years == 1
    assert canadian_experience(h, as_of=AS_OF).years == 0


@pytest.mark.parametrize(
    ("noc", "counts"),
    [
        ("00012", True),
        ("21231", True),
        ("72310", True),
        ("63200", True),
        ("44101", False),
        ("65310", False),
    ],
)
def test_only_teer_0_to_3_is_skilled(noc: str, counts: bool) -> None:
    h = history(period(date(2024, 1, 1), 364, noc=noc))
    assert canadian_experience(h, as_of=AS_OF).years == (1 if counts else 0)


def test_window_is_the_last_10_years() -> None:
    start = date(2016, 11, 22)  # exactly 10 years before AS_OF
    h = history(period(start - timedelta(days=1), 365))
    exp = canadian_experience(h, as_of=AS_OF)
    assert exp.window_start == start
    assert exp.hours == int(364 * 30 / 7)  # the first day falls outside the window


def test_ongoing_job_counts_up_to_the_day_before() -> None:
    h = history(
        WorkPeriod(
            start=date(2025, 11, 23), end=None, hours_per_week=30, noc="21231", in_canada=True
        )
    )
    assert canadian_experience(h, as_of=AS_OF).years == 1  # 364 days
    assert canadian_experience(h, as_of=AS_OF - timedelta(days=1)).years == 0


def test_future_work_does_not_count() -> None:
    h = history(period(AS_OF, 400))
    assert canadian_experience(h, as_of=AS_OF).hours == 0


def test_from_years_builds_whole_years() -> None:
    h = WorkHistory.from_years(as_of=AS_OF, canadian=3, foreign=2)
    assert canadian_experience(h, as_of=AS_OF).years == 3
    assert foreign_experience(h, as_of=AS_OF).years == 2


def test_from_years_refuses_negative_years() -> None:
    with pytest.raises(InvalidInputError) as info:
        WorkHistory.from_years(as_of=AS_OF, canadian=-1)
    assert info.value.problems[0].path == "canadian"
    assert info.value.problems[0].value == -1


def test_credited_hours_with_a_custom_kind() -> None:
    h = history(period(date(2024, 1, 1), 364, noc="44101"))
    teer4: Kind = ("teer4", frozenset({4}), lambda p: p.teer == 4)
    hours = credited_hours(h, teer4, start=date(2024, 1, 1), end=AS_OF)
    assert hours == 1560
    assert credited_hours(h, canadian_kind(RULES), start=date(2024, 1, 1), end=AS_OF) == 0


# --- program accounting: per occupation, continuous stretches, windows -------------------

_ANY: Kind = ("any", frozenset(range(6)), lambda p: True)


def _everything(p: WorkPeriod) -> bool:
    return True


def test_window_counts_back_whole_calendar_years() -> None:
    assert window(1, as_of=date(2024, 2, 29)) == (date(2023, 2, 28), date(2024, 2, 29))
    assert window(10, as_of=AS_OF) == (date(2016, 11, 22), AS_OF)


def test_hours_by_occupation_caps_each_occupation_on_its_own() -> None:
    h = history(
        period(date(2025, 1, 6), 364, 45, noc="21231"),  # 45 h/week counts as 30
        period(date(2025, 1, 6), 364, 10, noc="72310"),  # concurrent, another NOC
    )
    got = hours_by_occupation(h, _everything, start=date(2016, 1, 1), end=AS_OF, name="test.by_noc")
    assert got == pytest.approx({"21231": 1560.0, "72310": 520.0})


def test_two_concurrent_part_time_jobs_in_one_occupation_add_up_to_the_cap() -> None:
    h = history(
        period(date(2025, 1, 6), 364, 20, noc="21231"),
        period(date(2025, 1, 6), 364, 20, noc="21231"),
    )
    got = hours_by_occupation(h, _everything, start=date(2016, 1, 1), end=AS_OF, name="t.cc")
    assert got == pytest.approx({"21231": 1560.0})


def test_a_one_day_gap_breaks_a_continuous_stretch() -> None:
    first = period(date(2024, 1, 1), 182)  # 26 weeks: 780 hours, last day 2024-06-30
    joined = history(first, period(date(2024, 7, 1), 182))
    gapped = history(first, period(date(2024, 7, 2), 182))
    start = date(2016, 1, 1)
    assert longest_continuous_hours(joined, _ANY, start=start, end=AS_OF) == pytest.approx(1560)
    assert longest_continuous_hours(gapped, _ANY, start=start, end=AS_OF) == pytest.approx(780)
    got = longest_continuous_hours(gapped, _ANY, start=start, end=AS_OF, gap_days=1)
    assert got == pytest.approx(1560)


def test_only_the_part_of_a_stretch_inside_the_window_counts() -> None:
    h = history(period(date(2015, 11, 23), 728))  # two years, the first outside the window
    got = longest_continuous_hours(h, _ANY, start=date(2016, 11, 22), end=AS_OF)
    assert got == pytest.approx((728 - 365) * 30 / 7)


def test_full_time_hours_count_only_full_weeks_of_30_hours() -> None:
    h = history(
        period(date(2024, 1, 1), 364, 15, noc="21231"),  # part time all year
        period(date(2024, 7, 1), 182, 15, noc="21232"),  # with this, full time for 26 weeks
    )
    kind = canadian_kind(RULES)
    start = date(2016, 1, 1)
    assert full_time_hours(h, kind, start=start, end=AS_OF) == pytest.approx(182 * 30 / 7)
    assert credited_hours(h, kind, start=start, end=AS_OF) == pytest.approx((364 + 182) * 15 / 7)


def test_full_time_segments_are_the_weeks_jobs_add_up_to_30_hours() -> None:
    """Hand-worked: 15 h all of 2024, another 15 h from 1 July for 182 days."""
    h = history(
        period(date(2024, 1, 1), 366, 15, noc="21231"),
        period(date(2024, 7, 1), 182, 15, noc="21232"),
    )
    july = date(2024, 7, 1).toordinal()
    assert full_time_segments(h, canadian_kind(RULES), 30) == ((july, july + 182, 30),)
    assert (
        full_time_segments(history(period(date(2024, 1, 1), 366, 29)), canadian_kind(RULES), 30)
        == ()
    )


def test_occupation_segments_per_noc_and_per_continuous_run() -> None:
    """Hand-worked: two jobs in NOC 21231 a week apart, one in 31301; 45 h counts 30."""
    first = period(date(2024, 1, 1), 7, 45)
    later = period(date(2024, 1, 15), 7, 20)
    other = period(date(2024, 1, 1), 7, 30, noc="31301")
    h = history(first, later, other)
    jan = date(2024, 1, 1).toordinal()
    one_run = occupation_segments(h, canadian_kind(RULES), 30)
    assert one_run == (
        ("21231", (((jan, jan + 7, 30.0), (jan + 14, jan + 21, 20.0)),)),
        ("31301", (((jan, jan + 7, 30.0),),)),
    )
    # a 7-day gap ends a stretch when only 0 days may pass, not when 7 may
    runs = dict(occupation_segments(h, canadian_kind(RULES), 30, 0))
    assert runs["21231"] == (((jan, jan + 7, 30.0),), ((jan + 14, jan + 21, 20.0),))
    assert len(dict(occupation_segments(h, canadian_kind(RULES), 30, 7))["21231"]) == 1
