"""CRS section A, core / human capital factors (max 460 with spouse, 500 without).

Tables as printed in IRCC's "Comprehensive Ranking System (CRS) criteria"
(:data:`~expressentry.rules.sources.CRS_CRITERIA`); each column pair is
*with an accompanying spouse / without*. None of these tables has changed since
Express Entry opened on 2015-01-01.

.. note::

   **Age on the day scored** (an uncertain reading, made explicit). Age is
   counted in completed years on the day scored (``as_of``), so the score changes
   on the birthday, as IRCC updates profiles when a birthday passes. No
   Ministerial Instruction names the exact day age is fixed (the day of the
   invitation, say). The library knows no day but the day scored, so there is no
   other reading it could apply: this is a note, not a switch.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from expressentry.enums import EducationLevel as E
from expressentry.rules._tables import SpouseSteps, Steps
from expressentry.rules._timeline import Dated, Timeline
from expressentry.rules.dates import EXPRESS_ENTRY_OPENED
from expressentry.rules.sources import CRS_CRITERIA

__all__ = [
    "AGE",
    "CANADIAN_EXPERIENCE",
    "EDUCATION",
    "FIRST_LANGUAGE",
    "SECOND_LANGUAGE",
    "SECOND_LANGUAGE_CAP",
]

_UNCHANGED = "Unchanged since Express Entry opened on 2015-01-01 (Canada Gazette Part I, Extra No. 10, 2014-12-01)."

AGE: Final = Timeline(
    "crs.core.age",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            SpouseSteps(
                #  age  with  without
                (
                    (0, 0, 0),  # 17 or less
                    (18, 90, 99),
                    (19, 95, 105),
                    (20, 100, 110),  # 20 to 29
                    (30, 95, 105),
                    (31, 90, 99),
                    (32, 85, 94),
                    (33, 80, 88),
                    (34, 75, 83),
                    (35, 70, 77),
                    (36, 65, 72),
                    (37, 60, 66),
                    (38, 55, 61),
                    (39, 50, 55),
                    (40, 45, 50),
                    (41, 35, 39),
                    (42, 25, 28),
                    (43, 15, 17),
                    (44, 5, 6),
                    (45, 0, 0),  # 45 or more
                )
            ),
            CRS_CRITERIA,
            _UNCHANGED,
        ),
    ),
    "Age (completed years on the day scored)",
)

EDUCATION: Final[Timeline[Mapping[E, tuple[int, int]]]] = Timeline(
    "crs.core.education",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            MappingProxyType(
                {  # level                      with  without
                    E.LESS_THAN_SECONDARY: (0, 0),
                    E.SECONDARY: (28, 30),
                    E.ONE_YEAR: (84, 90),
                    E.TWO_YEAR: (91, 98),
                    E.BACHELORS: (112, 120),
                    E.TWO_OR_MORE: (119, 128),
                    E.MASTERS: (126, 135),
                    E.DOCTORAL: (140, 150),
                }
            ),
            CRS_CRITERIA,
            _UNCHANGED,
        ),
    ),
    "Level of education",
)

FIRST_LANGUAGE: Final = Timeline(
    "crs.core.first_language",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            SpouseSteps(
                #  CLB with without   (points per ability)
                (
                    (0, 0, 0),  # less than CLB 4
                    (4, 6, 6),  # CLB 4 or 5
                    (6, 8, 9),
                    (7, 16, 17),
                    (8, 22, 23),
                    (9, 29, 31),
                    (10, 32, 34),  # CLB 10 or more
                )
            ),
            CRS_CRITERIA,
            _UNCHANGED,
        ),
    ),
    "First official language, per ability",
)

SECOND_LANGUAGE: Final = Timeline(
    "crs.core.second_language",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            Steps(
                #  CLB points   (per ability, with or without spouse)
                (
                    (0, 0),  # CLB 4 or less
                    (5, 1),  # CLB 5 or 6
                    (7, 3),  # CLB 7 or 8
                    (9, 6),  # CLB 9 or more
                )
            ),
            CRS_CRITERIA,
            _UNCHANGED,
        ),
    ),
    "Second official language, per ability",
)

SECOND_LANGUAGE_CAP: Final = Timeline(
    "crs.core.second_language_cap",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            (22, 24),
            CRS_CRITERIA,
            "Maximum 22 with spouse, 24 without. " + _UNCHANGED,
        ),
    ),
    "Second official language, maximum (with spouse, without)",
)

CANADIAN_EXPERIENCE: Final = Timeline(
    "crs.core.canadian_experience",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            SpouseSteps(
                #  years with without
                (
                    (0, 0, 0),  # none or less than a year
                    (1, 35, 40),
                    (2, 46, 53),
                    (3, 56, 64),
                    (4, 63, 72),
                    (5, 70, 80),  # 5 years or more
                )
            ),
            CRS_CRITERIA,
            _UNCHANGED,
        ),
    ),
    "Canadian work experience (skilled, in the last 10 years)",
)
