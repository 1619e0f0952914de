"""Work-experience accounting: one implementation for the CRS and every program.

Hours are credited day by day: each job adds its weekly hours, concurrent jobs
add up, and the sum never counts above 30 a week. A year of experience is 1,560
credited hours, so part-time work counts pro rata and overtime never makes up
for missing time. Windows are counted in days ``[as_of - N years, as_of)``: work
on the day scored and after it has not happened yet.

>>> from datetime import date
>>> from expressentry.models import WorkHistory, WorkPeriod
>>> h = WorkHistory(periods=(
...     WorkPeriod(start=date(2024, 1, 1), end=None, hours_per_week=45,
...                noc="21231", in_canada=True),))
>>> canadian_experience(h, as_of=date(2026, 1, 1)).years
2
"""

from __future__ import annotations

from datetime import date

from attrs import frozen
from dateutil.relativedelta import relativedelta

from expressentry._hours import hour_days
from expressentry._kinds import Kind, canadian_kind, foreign_kind
from expressentry.models import WorkHistory
from expressentry.rules.experience import (
    CRS_WINDOW_YEARS,
    HOURS_PER_YEAR,
    SKILLED_TEERS,
    WEEKLY_HOURS_CAP,
)

__all__ = [
    "Experience",
    "Kind",
    "canadian_experience",
    "canadian_kind",
    "credited_hours",
    "foreign_experience",
    "foreign_kind",
    "whole_years",
]

_EPSILON = 1e-6  # float noise in hour sums; far below one hour


@frozen
class Experience:
    """Credited hours of one kind of work in a window, and the whole years they make.

    Attributes:
        hours: Credited hours (weekly cap applied), rounded down to the hour.
        years: Whole years: ``hours // 1560``.
        window_start: First day of the window.
        window_end: Day after the window (the day scored).
    """

    hours: int
    years: int
    window_start: date
    window_end: date


def credited_hours(
    history: WorkHistory, kind: Kind, *, start: date, end: date, weekly_cap: float = 30
) -> float:
    """Hours of ``kind`` credited in ``[start, end)``, at most ``weekly_cap`` a week.

    ``kind`` is :func:`canadian_kind`, :func:`foreign_kind`, or any caller's
    ``(name, teers, include)`` triple whose ``include`` tests one work period.
    """
    segments = history.segments(kind, weekly_cap)
    return hour_days(segments, start.toordinal(), end.toordinal()) / 7


def whole_years(hours: float, hours_per_year: int) -> int:
    """Whole years in ``hours`` (1,560 hours make a year; 1,559 do not)."""
    return int((hours + _EPSILON) // hours_per_year)


def _crs(history: WorkHistory, as_of: date, kind: Kind) -> Experience:
    window = CRS_WINDOW_YEARS.at(as_of).value
    start = as_of - relativedelta(years=window)
    hours = credited_hours(
        history, kind, start=start, end=as_of, weekly_cap=WEEKLY_HOURS_CAP.at(as_of).value
    )
    return Experience(
        int(hours + _EPSILON), whole_years(hours, HOURS_PER_YEAR.at(as_of).value), start, as_of
    )


def canadian_experience(history: WorkHistory, *, as_of: date) -> Experience:
    """Canadian skilled experience the CRS counts on ``as_of`` (last 10 years)."""
    return _crs(history, as_of, canadian_kind(SKILLED_TEERS.at(as_of).value))


def foreign_experience(history: WorkHistory, *, as_of: date) -> Experience:
    """Foreign skilled experience the CRS counts on ``as_of`` (last 10 years)."""
    return _crs(history, as_of, foreign_kind(SKILLED_TEERS.at(as_of).value))
