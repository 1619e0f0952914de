"""Age in completed years, and the day of a birthday: one rule for every reader.

Arithmetic on dates the callers have checked (not a public entry point).

A person is a year older on the birthday itself. A 29 February birthday falls on
1 March in a common year (the day after 28 February, the first day the year is
complete). The CRS, the FSW grid, readiness, plausibility and the forecast all
count age with these two functions; the scoring kernel compares the same
(month, day) keys in packed form.

>>> leap = date(2000, 2, 29)
>>> completed_years(leap, date(2018, 2, 28)), completed_years(leap, date(2018, 3, 1))
(17, 18)
>>> birthday(date(2000, 2, 29), 18), birthday(date(2000, 2, 29), 20)
(datetime.date(2018, 3, 1), datetime.date(2020, 2, 29))
"""

from __future__ import annotations

from datetime import date

__all__ = ["birthday", "completed_years"]


def completed_years(born: date, on: date) -> int:
    """Completed years from ``born`` to ``on`` (age on a birthday counts the new year).

    >>> completed_years(date(1996, 11, 22), date(2026, 11, 21))
    29
    >>> completed_years(date(1996, 11, 22), date(2026, 11, 22))
    30
    """
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def birthday(born: date, age: int) -> date:
    """The day a person born on ``born`` turns ``age`` (1 March for 29 February in a common year).

    Raises:
        ValueError: the day is outside the calendar (before year 1 or after 9999).
    """
    year = born.year + age
    try:
        return born.replace(year=year)
    except ValueError:  # 29 February of a common year, or a year out of range
        return date(year, 3, 1)
