"""The Federal Skilled Worker selection grid: six factors, 100 points, pass mark 67.

Tables as printed on IRCC's "Six selection factors – Federal Skilled Worker
Program" (:data:`~expressentry.rules.sources.FSW_SELECTION_FACTORS`) and in IRPR
ss. 76-83, for applications received on or after 2013-05-04, when the current grid
replaced the 2008 one. The grid has not changed since; Express Entry (2015-01-01)
applies it as a pass/fail test of FSW eligibility, not as a ranking.

Maximum: language 28 + education 25 + experience 15 + age 12 + arranged
employment 10 + adaptability 10 = 100.

>>> from datetime import date
>>> AGE.at(date(2026, 11, 22)).value.points(40), PASS_MARK.at(date(2026, 11, 22)).value
(7, 67)
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Final

from expressentry.enums import AdaptabilityItem as Ad
from expressentry.enums import EducationLevel as E
from expressentry.enums import FswFactor as F
from expressentry.rules._tables import Steps
from expressentry.rules._timeline import Dated, Timeline
from expressentry.rules.dates import FSW_2013_CRITERIA_IN_FORCE
from expressentry.rules.sources import (
    FSW_ELIGIBILITY,
    FSW_SELECTION_FACTORS,
    IRPR_78,
    IRPR_83,
    PDI_FSW_AGE,
    PDI_FSW_ARRANGED_EMPLOYMENT,
)

__all__ = [
    "ADAPTABILITY",
    "ADAPTABILITY_CAP",
    "AGE",
    "ARRANGED_EMPLOYMENT",
    "EDUCATION",
    "EXPERIENCE",
    "FACTOR_MAXIMA",
    "FIRST_LANGUAGE",
    "GRID_FROM",
    "MIN_FIRST_LANGUAGE_CLB",
    "PASS_MARK",
    "SECOND_LANGUAGE",
    "SPOUSE_LANGUAGE_MIN_CLB",
    "TIMELINES",
]

GRID_FROM: Final = FSW_2013_CRITERIA_IN_FORCE
"""Applications received on or after this day are assessed on this grid (IRPR
amendments of 2012, in force 2013-05-04); earlier ones on the 2008 grid, which
Express Entry never used."""

_SINCE = "Grid for applications received on or after 2013-05-04; unchanged since."
_COPIES = (
    "Read through roundtheglobe.co.in and suvsmodfiedrenew.pages.dev copies of the canada.ca page."
)

MIN_FIRST_LANGUAGE_CLB: Final = Timeline(
    "fsw.grid.min_first_language_clb",
    (
        Dated(
            GRID_FROM,
            7,
            FSW_ELIGIBILITY,
            "CLB/NCLC 7 in all four abilities of one official language, or the applicant is not eligible to apply (IRPR s. 75(2)(d)).",
        ),
    ),
    "Minimum first official language level, every ability",
)

FIRST_LANGUAGE: Final = Timeline(
    "fsw.grid.first_language",
    (
        Dated(
            GRID_FROM,
            Steps(
                #  CLB points   (per ability, max 24)
                (
                    (0, 0),  # below CLB 7: not eligible to apply (MIN_FIRST_LANGUAGE_CLB)
                    (7, 4),
                    (8, 5),
                    (9, 6),  # CLB 9 or higher
                )
            ),
            FSW_SELECTION_FACTORS,
            "Below CLB/NCLC 7 in any ability the applicant is not eligible (MIN_FIRST_LANGUAGE_CLB); the 0 row never scores. "
            + f"{_SINCE} {_COPIES}",
        ),
    ),
    "First official language, per ability",
)

SECOND_LANGUAGE: Final = Timeline(
    "fsw.grid.second_language",
    (
        Dated(
            GRID_FROM,
            Steps(
                #  lowest CLB of the four abilities: points (all four together, max 4)
                (
                    (0, 0),  # CLB 4 or less in any ability
                    (5, 4),  # CLB 5 or more in all four
                )
            ),
            FSW_SELECTION_FACTORS,
            f"4 points only with at least CLB/NCLC 5 in each of the four abilities. {_SINCE} {_COPIES}",
        ),
    ),
    "Second official language, by the lowest of the four abilities",
)

EDUCATION: Final[Timeline[Mapping[E, int]]] = Timeline(
    "fsw.grid.education",
    (
        Dated(
            GRID_FROM,
            MappingProxyType(
                {  # level                 points
                    E.LESS_THAN_SECONDARY: 0,
                    E.SECONDARY: 5,
                    E.ONE_YEAR: 15,
                    E.TWO_YEAR: 19,
                    E.BACHELORS: 21,
                    E.TWO_OR_MORE: 22,
                    E.MASTERS: 23,
                    E.DOCTORAL: 25,
                }
            ),
            IRPR_78,
            "Canadian credential, or foreign credential with an ECA. Current TEER wording of s. 78(1), read through the cleartoenter.ca copy. "
            + _SINCE,
        ),
    ),
    "Education",
)

EXPERIENCE: Final = Timeline(
    "fsw.grid.experience",
    (
        Dated(
            GRID_FROM,
            Steps(
                #  years points   (skilled paid full-time or equivalent, last 10 years)
                (
                    (0, 0),  # less than 1 year: not eligible
                    (1, 9),
                    (2, 11),  # 2-3 years
                    (4, 13),  # 4-5 years
                    (6, 15),  # 6 years or more
                )
            ),
            FSW_SELECTION_FACTORS,
            "Any TEER 0-3 occupations count, not only the primary one (PDI, work experience). "
            + f"{_SINCE} {_COPIES}",
        ),
    ),
    "Work experience (years, skilled, last 10 years)",
)

AGE: Final = Timeline(
    "fsw.grid.age",
    (
        Dated(
            GRID_FROM,
            Steps(
                #  age points
                (
                    (0, 0),  # under 18
                    (18, 12),  # 18 to 35
                    (36, 11),
                    (37, 10),
                    (38, 9),
                    (39, 8),
                    (40, 7),
                    (41, 6),
                    (42, 5),
                    (43, 4),
                    (44, 3),
                    (45, 2),
                    (46, 1),
                    (47, 0),  # 47 or older
                )
            ),
            PDI_FSW_AGE,
            "Age on the day the application is received (submitted through Express Entry). "
            + _SINCE,
        ),
    ),
    "Age (completed years on the day the application is received)",
)

ARRANGED_EMPLOYMENT: Final = Timeline(
    "fsw.grid.arranged_employment",
    (
        Dated(
            GRID_FROM,
            10,
            PDI_FSW_ARRANGED_EMPLOYMENT,
            "A valid offer of continuous, paid, full-time, non-seasonal TEER 0-3 work (LMIA or qualifying work permit). "
            + _SINCE,
        ),
    ),
    "Arranged employment in Canada",
)

ADAPTABILITY: Final[Timeline[Mapping[Ad, int]]] = Timeline(
    "fsw.grid.adaptability",
    (
        Dated(
            GRID_FROM,
            MappingProxyType(
                {  # element                points
                    Ad.SPOUSE_LANGUAGE: 5,
                    Ad.PAST_STUDY: 5,
                    Ad.SPOUSE_PAST_STUDY: 5,
                    Ad.PAST_WORK: 10,
                    Ad.SPOUSE_PAST_WORK: 5,
                    Ad.ARRANGED_EMPLOYMENT: 5,
                    Ad.RELATIVE_IN_CANADA: 5,
                }
            ),
            IRPR_83,
            "Any combination, capped at ADAPTABILITY_CAP. Read through the immigration.ca copy of the PDI and the go4visa.com copy of the canada.ca page. "
            + _SINCE,
        ),
    ),
    "Adaptability, points per element",
)

SPOUSE_LANGUAGE_MIN_CLB: Final = Timeline(
    "fsw.grid.spouse_language_min_clb",
    (
        Dated(
            GRID_FROM,
            4,
            IRPR_83,
            "The accompanying spouse's adaptability points for language need CLB/NCLC 4 or more "
            "in all four abilities (IRPR s. 83(1)(a)). " + _SINCE,
        ),
    ),
    "Adaptability: spouse's minimum language level, every ability",
)

ADAPTABILITY_CAP: Final = Timeline(
    "fsw.grid.adaptability_cap",
    (
        Dated(
            GRID_FROM,
            10,
            IRPR_83,
            "Adaptability elements add up to 10 points at most. " + _SINCE,
        ),
    ),
    "Adaptability, maximum",
)

PASS_MARK: Final = Timeline(
    "fsw.grid.pass_mark",
    (
        Dated(
            GRID_FROM,
            67,
            FSW_ELIGIBILITY,
            "67 of 100 points or more (IRPR s. 76(2)). " + _SINCE,
        ),
    ),
    "Pass mark",
)

FACTOR_MAXIMA: Final[Timeline[Mapping[F, int]]] = Timeline(
    "fsw.grid.factor_maxima",
    (
        Dated(
            GRID_FROM,
            MappingProxyType(
                {  # factor              max
                    F.LANGUAGE: 28,  # 4 x 6 first language + 4 second language
                    F.EDUCATION: 25,
                    F.EXPERIENCE: 15,
                    F.AGE: 12,
                    F.ARRANGED_EMPLOYMENT: 10,
                    F.ADAPTABILITY: 10,
                }
            ),
            FSW_SELECTION_FACTORS,
            "The most each factor can give, as the canada.ca page prints them; 100 in all. "
            + f"{_SINCE} {_COPIES}",
        ),
    ),
    "Maximum points per factor",
)

TIMELINES: Final[tuple[Timeline[Any], ...]] = (
    MIN_FIRST_LANGUAGE_CLB,
    FIRST_LANGUAGE,
    SECOND_LANGUAGE,
    EDUCATION,
    EXPERIENCE,
    AGE,
    ARRANGED_EMPLOYMENT,
    ADAPTABILITY,
    SPOUSE_LANGUAGE_MIN_CLB,
    ADAPTABILITY_CAP,
    PASS_MARK,
    FACTOR_MAXIMA,
)
"""Every timeline of the grid, in the order of IRCC's page."""
