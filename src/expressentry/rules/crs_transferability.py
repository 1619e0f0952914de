"""CRS section C, skill transferability (max 100).

Three groups, each capped at 50, and the section capped at 100. "CLB 7+" below
means CLB 7 or more in all four first-official-language abilities with at least
one under 9; "CLB 9+" means CLB 9 or more in all four. Only the **first** official
language counts here. Source: :data:`~expressentry.rules.sources.CRS_CRITERIA`.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from expressentry.enums import EducationTier as Ed
from expressentry.enums import ForeignExperienceTier as Fw
from expressentry.rules._timeline import Dated, Timeline
from expressentry.rules.dates import EXPRESS_ENTRY_OPENED
from expressentry.rules.sources import CRS_CRITERIA

__all__ = [
    "CANADIAN_EXPERIENCE_YEARS",
    "CERTIFICATE_LANGUAGE",
    "CERTIFICATE_LANGUAGE_LEVELS",
    "EDUCATION_EXPERIENCE",
    "EDUCATION_LANGUAGE",
    "FOREIGN_EXPERIENCE",
    "FOREIGN_EXPERIENCE_YEARS",
    "FOREIGN_LANGUAGE",
    "GROUP_CAP",
    "LANGUAGE_LEVELS",
    "SECTION_CAP",
]

_UNCHANGED = "Unchanged since Express Entry opened on 2015-01-01 (Canada Gazette Part I, Extra No. 10, 2014-12-01)."

EDUCATION_LANGUAGE: Final[Timeline[Mapping[Ed, tuple[int, int]]]] = Timeline(
    "crs.transferability.education_language",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            MappingProxyType(
                {  # education                   CLB 7+  CLB 9+
                    Ed.SECONDARY_OR_LESS: (0, 0),
                    Ed.POST_SECONDARY: (13, 25),
                    Ed.TWO_OR_MORE_OR_GRADUATE: (25, 50),
                }
            ),
            CRS_CRITERIA,
            _UNCHANGED,
        ),
    ),
    "Education with official language proficiency",
)

EDUCATION_EXPERIENCE: Final[Timeline[Mapping[Ed, tuple[int, int]]]] = Timeline(
    "crs.transferability.education_experience",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            MappingProxyType(
                {  # education               1 yr Canadian  2+ yrs Canadian
                    Ed.SECONDARY_OR_LESS: (0, 0),
                    Ed.POST_SECONDARY: (13, 25),
                    Ed.TWO_OR_MORE_OR_GRADUATE: (25, 50),
                }
            ),
            CRS_CRITERIA,
            _UNCHANGED,
        ),
    ),
    "Education with Canadian work experience",
)

FOREIGN_LANGUAGE: Final[Timeline[Mapping[Fw, tuple[int, int]]]] = Timeline(
    "crs.transferability.foreign_language",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            MappingProxyType(
                {  # foreign work             CLB 7+  CLB 9+
                    Fw.NONE: (0, 0),
                    Fw.ONE_OR_TWO_YEARS: (13, 25),
                    Fw.THREE_OR_MORE_YEARS: (25, 50),
                }
            ),
            CRS_CRITERIA,
            _UNCHANGED,
        ),
    ),
    "Foreign work experience with official language proficiency",
)

FOREIGN_EXPERIENCE: Final[Timeline[Mapping[Fw, tuple[int, int]]]] = Timeline(
    "crs.transferability.foreign_experience",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            MappingProxyType(
                {  # foreign work            1 yr Canadian  2+ yrs Canadian
                    Fw.NONE: (0, 0),
                    Fw.ONE_OR_TWO_YEARS: (13, 25),
                    Fw.THREE_OR_MORE_YEARS: (25, 50),
                }
            ),
            CRS_CRITERIA,
            _UNCHANGED,
        ),
    ),
    "Foreign work experience with Canadian work experience",
)

CERTIFICATE_LANGUAGE: Final = Timeline(
    "crs.transferability.certificate_language",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            # CLB 5+ (one under 7)   CLB 7+
            (25, 50),
            CRS_CRITERIA,
            "Certificate of qualification (trades) with first official language. " + _UNCHANGED,
        ),
    ),
    "Certificate of qualification with official language proficiency",
)

GROUP_CAP: Final = Timeline(
    "crs.transferability.group_cap",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            50,
            CRS_CRITERIA,
            "Education group, foreign work group and certificate group: 50 each. " + _UNCHANGED,
        ),
    ),
    "Skill transferability, maximum per group",
)

SECTION_CAP: Final = Timeline(
    "crs.transferability.cap",
    (Dated(EXPRESS_ENTRY_OPENED, 100, CRS_CRITERIA, _UNCHANGED),),
    "Skill transferability, maximum for the section",
)


# The thresholds that pick a column (or a row) of the tables above. Each is a
# pair (lower, higher): reaching ``lower`` earns the first column, ``higher`` the
# second. A reform that moves a threshold replaces the pair; no code changes.

LANGUAGE_LEVELS: Final = Timeline(
    "crs.transferability.language_levels",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            # CLB 7+ in all four    CLB 9+ in all four
            (7, 9),
            CRS_CRITERIA,
            "The language columns of the education and foreign work groups: the lowest "
            "first-language level (CLB or NCLC) of the four abilities. " + _UNCHANGED,
        ),
    ),
    "Skill transferability, first-language levels of the two columns",
)

CANADIAN_EXPERIENCE_YEARS: Final = Timeline(
    "crs.transferability.canadian_experience_years",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            # 1 year    2 years or more
            (1, 2),
            CRS_CRITERIA,
            "The Canadian work columns of the education and foreign work groups, in "
            "whole years of Canadian skilled work. " + _UNCHANGED,
        ),
    ),
    "Skill transferability, years of Canadian work of the two columns",
)

FOREIGN_EXPERIENCE_YEARS: Final = Timeline(
    "crs.transferability.foreign_experience_years",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            # 1 or 2 years    3 years or more
            (1, 3),
            CRS_CRITERIA,
            "The rows of the foreign work group, in whole years of foreign skilled "
            "work. " + _UNCHANGED,
        ),
    ),
    "Skill transferability, years of foreign work of the two rows",
)

CERTIFICATE_LANGUAGE_LEVELS: Final = Timeline(
    "crs.transferability.certificate_language_levels",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            # CLB 5+ (one under 7)    CLB 7+
            (5, 7),
            CRS_CRITERIA,
            "The columns of the certificate of qualification group: the lowest "
            "first-language level of the four abilities. " + _UNCHANGED,
        ),
    ),
    "Certificate of qualification, first-language levels of the two columns",
)
