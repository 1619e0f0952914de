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
from expressentry.enums import Teer
from expressentry.models import WorkHistory, WorkPeriod
from expressentry.rules.experience import (
    CRS_WINDOW_YEARS,
    HOURS_PER_YEAR,
    SKILLED_TEERS,
    WEEKLY_HOURS_CAP,
)

__all__ = [
    "Experience",
    "canadian_experience",
    "counts_as_canadian",
    "counts_as_foreign",
    "credited_hours",
    "foreign_experience",
]


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


def counts_as_canadian(period: WorkPeriod, teers: frozenset[Teer] | None = None) -> bool:
    """Canadian skilled work as the CRS counts it.

    In Canada, TEER 0-3, paid employment (not self-employment), not while a
    full-time student, and authorized (Ministerial Instructions; IRPR 87.1(3)).
    """
    skilled = SKILLED_TEERS.entries[-1].value if teers is None else teers
    return (
        period.in_canada
        and period.teer in skilled
        and not period.self_employed
        and not period.full_time_student
        and period.authorized
    )


def counts_as_foreign(period: WorkPeriod, teers: frozenset[Teer] | None = None) -> bool:
    """Foreign skilled work: outside Canada, TEER 0-3 (self-employment and study allowed)."""
    skilled = SKILLED_TEERS.entries[-1].value if teers is None else teers
    return not period.in_canada and period.teer in skilled


def credited_hours(
    history: WorkHistory,
    *,
    start: date,
    end: date,
    kind: str,
    include: object = None,
    weekly_cap: float = 30,
) -> float:
    """Hours credited in ``[start, end)`` for the periods of ``kind``.

    ``kind`` is ``"canadian"`` or ``"foreign"`` (the CRS kinds), or any caller's
    key together with an ``include`` predicate on :class:`WorkPeriod`.
    """
    predicate = _KINDS.get(kind) if include is None else include
    if not callable(predicate):
        msg = f"unknown kind of experience {kind!r} and no include predicate"
        raise ValueError(msg)
    segments = history.segments(kind, weekly_cap, predicate)
    return hour_days(segments, start.toordinal(), end.toordinal()) / 7


_KINDS = {"canadian": counts_as_canadian, "foreign": counts_as_foreign}


def _crs(history: WorkHistory, as_of: date, kind: str) -> Experience:
    window = CRS_WINDOW_YEARS.at(as_of).value
    cap = WEEKLY_HOURS_CAP.at(as_of).value
    per_year = HOURS_PER_YEAR.at(as_of).value
    start = as_of - relativedelta(years=window)
    hours = credited_hours(history, start=start, end=as_of, kind=kind, weekly_cap=cap)
    return Experience(int(hours + 1e-9), int((hours + 1e-9) // per_year), start, as_of)


def canadian_experience(history: WorkHistory, *, as_of: date) -> Experience:
    """Canadian skilled experience the CRS counts on ``as_of`` (last 10 years)."""
    return _crs(history, as_of, "canadian")


def foreign_experience(history: WorkHistory, *, as_of: date) -> Experience:
    """Foreign skilled experience the CRS counts on ``as_of`` (last 10 years)."""
    return _crs(history, as_of, "foreign")
