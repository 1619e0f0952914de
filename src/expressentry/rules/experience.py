"""How work experience is counted: the constants behind every "years of experience".

Full-time work is 30 hours a week (IRPR s. 73); one year is 1,560 hours
(30 hours x 52 weeks); hours above 30 a week never count, whether in one job or
across concurrent jobs (canada.ca, "We don't count any hours you work above 30
hours/week"). The CRS counts skilled work in the last 10 years, as IRCC's own
calculator asks it.

.. note::

   **NOC 2016 read through NOC 2021** (an uncertain reading, made explicit).
   Before 2022-11-16 IRCC judged "skilled" by NOC 2016 (skill type 0, levels A
   and B). Work periods carry NOC 2021 codes only, so for earlier dates their
   TEER 0-3 stands in for NOC 0/A/B. The 19 occupations whose status changed in
   2022 (16 became skilled, e.g. 73300 transport truck drivers; 3 stopped being
   skilled) are therefore read with their NOC 2021 status on every date. The
   other reading would need each period's NOC 2016 code, which the profile does
   not hold, so this is a note, not a switch.
"""

from __future__ import annotations

from typing import Final

from expressentry.enums import Teer
from expressentry.rules._timeline import Dated, Timeline
from expressentry.rules.dates import EXPRESS_ENTRY_OPENED, NOC_2021_IN_FORCE
from expressentry.rules.sources import (
    CRS_CRITERIA,
    GAZETTE_2014_12_01,
    IRPR_73,
    NOC_2021_TRANSITION,
)

__all__ = [
    "CRS_WINDOW_YEARS",
    "HOURS_DIGITS",
    "HOURS_PER_YEAR",
    "SKILLED_TEERS",
    "WEEKLY_HOURS_CAP",
]

WEEKLY_HOURS_CAP: Final = Timeline(
    "experience.weekly_hours_cap",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            30,
            IRPR_73,
            "Full-time is 30 hours a week; hours above 30 a week, in one job or several, do not count.",
        ),
    ),
    "Hours a week that count, at most",
)

HOURS_PER_YEAR: Final = Timeline(
    "experience.hours_per_year",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            1560,
            IRPR_73,
            "One year of full-time work, or its part-time equivalent: 30 hours x 52 weeks = 1,560 hours.",
        ),
    ),
    "Hours that make one year of experience",
)

CRS_WINDOW_YEARS: Final = Timeline(
    "experience.crs_window_years",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            10,
            CRS_CRITERIA,
            "The CRS counts skilled work in the 10 years before the day scored, as IRCC's calculator asks it.",
        ),
    ),
    "Years before the day scored in which CRS work experience counts",
)

_SKILLED = frozenset({Teer.TEER_0, Teer.TEER_1, Teer.TEER_2, Teer.TEER_3})

SKILLED_TEERS: Final = Timeline(
    "experience.skilled_teers",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            _SKILLED,
            GAZETTE_2014_12_01,
            "NOC 2016 skill type 0 and skill levels A and B, read as TEER 0-3 of the NOC 2021 code (the note on NOC 2016 of expressentry.rules.experience).",
        ),
        Dated(
            NOC_2021_IN_FORCE,
            _SKILLED,
            NOC_2021_TRANSITION,
            "NOC 2021: TEER 0, 1, 2 and 3.",
        ),
    ),
    "Occupations that count as skilled work",
)


HOURS_DIGITS: Final = 6
"""Reading, made explicit: credited hours are counted to the millionth of an hour.

Hours are sums of weekly hours times days, in binary floats, so a year of
37.5-hour weeks can add up to 1,559.9999999999998 hours. Before whole years are
taken or a minimum is compared, hours are rounded to this many decimals: float
noise never costs a year, and only hours given to more than six decimals could
be counted up by less than a millionth of an hour (IRPR s. 73 counts 1,560 hours
a year; no form asks for hours that precise)."""
