"""The days a count of hours crosses a line, solved from the hours per week.

Each count is linear between the days a job starts or ends or leaves the window,
so each crossing is found on its piece and checked on the exact count. Also the
tags a forecast gives a day: what may change on it (the CRS total, eligibility).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from math import ceil
from typing import Final, NamedTuple

from dateutil.relativedelta import relativedelta

from expressentry._hours import Segments, hour_days
from expressentry._memo import Memo
from expressentry.experience import (
    reaches,
    whole_years,
)
from expressentry.explain import RuleRef
from expressentry.i18n import Message

_ONE_DAY = timedelta(days=1)
CRS_TAG: Final = 1
"""A milestone that may change the CRS total."""
ELIGIBILITY_TAG: Final = 2
"""A milestone that may change eligibility."""
BOTH_TAGS: Final = CRS_TAG | ELIGIBILITY_TAG
FSW_DOWN_TAG: Final = 4
"""A milestone that can only lower the FSW grid or fail an FSW requirement: it
cannot change eligibility when FSW was not eligible the day before."""


# -- the days hour counts cross a line ------------------------------------------------------


def _years_back(key: tuple[int, int]) -> int:
    day, years = key
    return (date.fromordinal(day) - relativedelta(years=years)).toordinal()


def _years_forward(key: tuple[int, int]) -> int | None:
    day, years = key
    try:
        return (date.fromordinal(day) + relativedelta(years=years)).toordinal()
    except (ValueError, OverflowError):
        return None


def _leap_pivots(key: tuple[int, int]) -> tuple[tuple[int, ...], ...]:
    """The days around each 28 February in ``(lo, hi)``, where a window's start jumps."""
    lo, hi = key
    out: list[tuple[int, ...]] = []
    for year in range(date.fromordinal(lo).year, date.fromordinal(hi).year + 1):
        feb28 = date(year, 2, 28).toordinal()
        days = tuple(y for y in range(feb28 - 1, feb28 + 4) if lo < y < hi)
        if days:
            out.append(days)
    return tuple(out)


class Calendar:
    """The calendar arithmetic of the windows a forecast counts, remembered.

    A pool's counts ask the same days again and again: the first day of a window
    of N years ending on a day (:meth:`years_back`), the day N years after a job's
    start or end (:meth:`years_forward`), the days around each 28 February of a
    stretch (:meth:`leap_pivots`). Owned by the terms of a rule set
    (:class:`~expressentry.timelines.forecast.terms.Terms`), so its memos go with it.
    """

    __slots__ = ("_back", "_forward", "_leaps")

    def __init__(self) -> None:
        self._back = Memo(_years_back, size=65_536)
        self._forward = Memo(_years_forward, size=65_536)
        self._leaps = Memo(_leap_pivots, size=1_024)

    def years_back(self, day: int, years: int) -> int:
        """The first day of the window of ``years`` ending before ``day`` (ordinals)."""
        return self._back((day, years))

    def years_forward(self, day: int, years: int) -> int | None:
        """The day ``years`` after ``day`` (ordinals); ``None`` past 9999-12-31."""
        return self._forward((day, years))

    def leap_pivots(self, lo: int, hi: int) -> tuple[tuple[int, ...], ...]:
        """The days around each 28 February in ``(lo, hi)``, where a window's start jumps."""
        return self._leaps((lo, hi))


class Watch(NamedTuple):
    """A count of hours in a window, and the lines whose crossing matters."""

    segs: Segments
    years: int | None
    """The window in years; ``None``: all work before the day."""
    step: int
    """Whole multiples of ``step`` count (years of experience); 0: one ``threshold``."""
    threshold: float
    tags: int
    what: str
    rule: RuleRef
    points: Callable[[int], object] | None = None
    """What the level earns: a crossing that changes nothing it earns is no event."""
    down_tags: int | None = None
    """The tags of a fall, when they differ from those of a rise."""
    what_message: Message | None = None
    """``what`` as a message, to word it in either language (``None``: English only)."""


def _pivots(w: Watch, lo: int, hi: int, calendar: Calendar) -> list[int]:
    """Days in ``[lo, hi]`` between which the count of ``w`` is linear in the day.

    The count changes pace where a job starts or ends, where such a day leaves the
    window, and around 29 February (a year back from 1 March skips or repeats a day).
    """
    points = {lo, hi}
    years = w.years
    for s, e, _ in w.segs:
        for x in (s, e):
            if lo < x < hi:
                points.add(x)
            if years is not None:
                f = calendar.years_forward(x, years)
                if f is not None:
                    for y in (f - 1, f, f + 1):
                        if lo < y < hi:
                            points.add(y)
    if years is not None:
        # A window's start jumps around 29 February: only work there bends the count.
        for days in calendar.leap_pivots(lo, hi):
            first = calendar.years_back(days[0], years) - 2
            last = calendar.years_back(days[-1], years) + 2
            if any(s <= last and e >= first for s, e, _ in w.segs):
                points.update(days)
    return sorted(points)


def crossings(w: Watch, lo: int, hi: int, calendar: Calendar) -> list[tuple[int, int, int]]:
    """``(day, level before, level after)`` for each day in ``(lo, hi]`` the level changes.

    On each linear piece the count is monotone, so each line is crossed at most
    once there: the day is solved from the pace, then checked on the exact count.
    """
    segs, years, step, threshold = w.segs, w.years, w.step, w.threshold
    years_back = calendar.years_back
    # Every count of the range lies between the hours of the days all its windows
    # share and those of the days any of them holds: one level for both, no crossing.
    # (Most counts of a pool stop here: the test is written out, not called.)
    if years is None:
        first = 1  # all work before the day
        least, most = hour_days(segs, 1, lo) / 7, hour_days(segs, 1, hi) / 7
    else:
        first, last = years_back(lo, years), years_back(hi, years)
        least = hour_days(segs, last, lo) / 7 if last < lo else 0.0
        most = hour_days(segs, first, hi) / 7
    if step:
        low, high = whole_years(least, step), whole_years(most, step)
        if low == high:
            return []
        earns = w.points
        if earns is not None and all(earns(k) == earns(low) for k in range(low + 1, high + 1)):
            return []  # every level the range can reach earns the same
    elif reaches(least, threshold) == reaches(most, threshold):
        return []
    if not any(e > first and s < hi for s, e, _ in segs):
        return []  # no work in any window of the range

    def level(day: int) -> int:
        hours = hour_days(segs, 1 if years is None else years_back(day, years), day) / 7
        if step:
            return whole_years(hours, step)
        return 1 if reaches(hours, threshold) else 0

    pivots = _pivots(w, lo, hi, calendar)
    hours = [hour_days(segs, 1 if years is None else years_back(d, years), d) / 7 for d in pivots]
    levels = [(whole_years(h, step) if step else 1 if reaches(h, threshold) else 0) for h in hours]
    found: set[int] = set()
    for i in range(len(pivots) - 1):
        la, lb = levels[i], levels[i + 1]
        if la == lb:
            continue
        a, b = pivots[i], pivots[i + 1]
        ha, hb = hours[i], hours[i + 1]
        pace = (hb - ha) / (b - a)
        rising = lb > la
        for k in range(la + 1, lb + 1) if rising else range(lb + 1, la + 1):
            line = k * step if step else threshold

            def past(d: int, k: int = k, rising: bool = rising) -> bool:
                return (level(d) >= k) is rising

            guess = a + ceil((line - ha) / pace) if pace else b
            d = min(max(guess, a + 1), b)
            while d > a + 1 and past(d - 1):
                d -= 1
            while not past(d):
                d += 1
            found.add(d)
    return [(d, level(d - 1), level(d)) for d in sorted(found)]
