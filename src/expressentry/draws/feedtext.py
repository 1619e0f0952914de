"""How IRCC's feed writes dates, times and counts: one named rule per quirk of its text.

Every value of IRCC's feed of rounds is text typed by hand: numbers with or
without thousands separators, date-times in a dozen forms.
:mod:`expressentry.draws.feed` reads the records; this module reads their text.
Where the text needs a reading (a year left out, a 24-hour time followed by "PM",
no time zone), the reading is a named constant or function below, and it returns
the :class:`~expressentry.draws.records.Quirk` the round lists.

>>> read_datetime("August 19th 2026 at 12:35:37 UTC")
(datetime.datetime(2026, 8, 19, 12, 35, 37, tzinfo=datetime.timezone.utc), ())
>>> read_datetime("June 22, 2021 at 20:19:59 PM UTC")[1]
(<Quirk.STRAY_MERIDIEM: 'stray_meridiem'>,)
>>> read_count("5,000")
5000
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from typing import Final

from .records import Quirk

__all__ = [
    "UTC_WHEN_NO_ZONE",
    "read_clock",
    "read_count",
    "read_datetime",
    "read_words_date",
    "year_less_day",
]

UTC_WHEN_NO_ZONE: Final = True
"""A date-time without "UTC" (#6's date-time, #258's and #383's tie-breaks) is read
as UTC, the zone of every other date-time of the feed and of the rounds page.
Such rounds are flagged ``NO_TIME_ZONE``."""

_MONTHS: Final = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)

_WORDS_DATE = r"(?P<month>[A-Za-z]+)\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_DATETIME: Final = re.compile(
    _WORDS_DATE
    + r"(?:\s*[,.]?\s*(?P<year>\d{4}))?"  # the year may be missing (#208)
    + r"\s*,?\s*(?:at)?\s*"  # "2017, at", "2022 at", "at12:48:30", "2023 12:27:59"
    + r"(?:(?P<iso>\d{4}-\d{2}-\d{2})\s+)?"  # "August 15, 2024 at 2024-08-15 15:11:54" (#310, #333)
    + r"(?P<hour>\d{1,2}):(?P<minute>\d{2}):(?P<second>\d{2})"
    + r"(?:\s*(?P<meridiem>[AP]M))?"
    + r"(?:\s*(?P<zone>UTC))?",
    re.IGNORECASE,
)
_DATE: Final = re.compile(_WORDS_DATE + r"\s*[,.]?\s*(?P<year>\d{4})", re.IGNORECASE)
_NUMBER: Final = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")


def read_clock(hour: int, minute: int, second: int, meridiem: str | None) -> time:
    """A time of day from the feed, where an AM or PM may follow a 24-hour time.

    Quirk 6: #210 writes "20:19:59 PM" and #270 "15:48:39 AM" and "04:22:17 AM".
    The clock is read as 24-hour and the marker ignored when the two readings
    agree or the hour is 13 or more; when they disagree ("04:00 PM", "12:30 AM")
    the time is refused, never guessed.

    >>> read_clock(20, 19, 59, "PM")
    datetime.time(20, 19, 59)

    Raises:
        ValueError: the time is not a real time, or the marker makes it ambiguous.
    """
    if meridiem is not None and hour <= 12:
        twelve = hour % 12 + (12 if meridiem.upper() == "PM" else 0)
        if twelve != hour:
            msg = f"{hour:02}:{minute:02}:{second:02} {meridiem} is ambiguous (24- or 12-hour?)"
            raise ValueError(msg)
    return time(hour, minute, second)


def year_less_day(month: int, day: int, not_after: date) -> date:
    """Quirk 6: the latest ``month``/``day`` on or before ``not_after``.

    #208's tie-break is written "October 7 at 16:38:21 UTC", without a year; a
    tie-break is a profile-submission time, so it cannot be after its round
    (2021-10-27): read as 2021-10-07. The round is flagged
    ``TIE_BREAK_YEAR_INFERRED``.

    >>> year_less_day(10, 7, date(2021, 10, 27))
    datetime.date(2021, 10, 7)
    >>> year_less_day(12, 31, date(2021, 10, 27))
    datetime.date(2020, 12, 31)

    Raises:
        ValueError: no such day in the eight years before ``not_after``.
    """
    for year in range(not_after.year, not_after.year - 8, -1):
        try:
            found = date(year, month, day)
        except ValueError:  # 29 February of a common year
            continue
        if found <= not_after:
            return found
    msg = f"no day {month:02}-{day:02} in the eight years up to {not_after.isoformat()}"
    raise ValueError(msg)


def _month(name: str) -> int:
    try:
        return _MONTHS.index(name.lower()) + 1
    except ValueError:
        msg = f"{name!r} is not an English month name"
        raise ValueError(msg) from None


def read_datetime(
    text: str, *, year_not_after: date | None = None
) -> tuple[datetime, tuple[Quirk, ...]]:
    """A date-time as the feed writes it, in UTC, with the quirks its reading used.

    Every form of the feed is read: "May 26, 2017, at 16:35:48 UTC", "February 02
    2022 at ...", "August 30. 2023 at ...", "at12:48:30", "July 3rd 2026",
    "March 23,2023 12:27:59 UTC", "August 15, 2024 at 2024-08-15 15:11:54 UTC"
    (the ISO date must agree with the words), spaces around or doubled. A missing
    year is read by :func:`year_less_day` only when ``year_not_after`` is given
    (tie-breaks); a stray AM/PM by :func:`read_clock`; a missing zone by
    :data:`UTC_WHEN_NO_ZONE`.

    Raises:
        ValueError: the text is not a date-time of these forms, or not a real one.
    """
    found = _DATETIME.fullmatch(text.strip())
    if found is None:
        msg = "not a date and time as IRCC writes them (e.g. 'August 19, 2026 at 12:35:37 UTC')"
        raise ValueError(msg)
    quirks: list[Quirk] = []
    month, day = _month(found["month"]), int(found["day"])
    if found["year"] is not None:
        on = date(int(found["year"]), month, day)
    elif year_not_after is not None:
        on = year_less_day(month, day, year_not_after)
        quirks.append(Quirk.TIE_BREAK_YEAR_INFERRED)
    else:
        msg = "the date has no year"
        raise ValueError(msg)
    if found["iso"] is not None and date.fromisoformat(found["iso"]) != on:
        msg = f"the dates {on.isoformat()} and {found['iso']} disagree"
        raise ValueError(msg)
    clock = read_clock(
        int(found["hour"]), int(found["minute"]), int(found["second"]), found["meridiem"]
    )
    if found["meridiem"] is not None:
        quirks.append(Quirk.STRAY_MERIDIEM)
    if found["zone"] is None:
        if not UTC_WHEN_NO_ZONE:
            msg = "the time has no zone (UTC_WHEN_NO_ZONE is off)"
            raise ValueError(msg)
        quirks.append(Quirk.NO_TIME_ZONE)
    return datetime.combine(on, clock, tzinfo=UTC), tuple(quirks)


def read_words_date(text: str) -> date:
    """A date in words ("August 16, 2026", "August 16 2026")."""
    found = _DATE.fullmatch(text.strip())
    if found is None:
        msg = "not a date as IRCC writes them (e.g. 'August 16, 2026')"
        raise ValueError(msg)
    return date(int(found["year"]), _month(found["month"]), int(found["day"]))


def read_count(text: str) -> int:
    """A whole number, with or without thousands separators ("5,000", "8017")."""
    if _NUMBER.fullmatch(text.strip()) is None:
        msg = "not a whole number as IRCC writes them (e.g. '5,000')"
        raise ValueError(msg)
    return int(text.strip().replace(",", ""))
