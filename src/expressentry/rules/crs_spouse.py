"""CRS section B, spouse or common-law partner factors (max 40).

They apply only when the spouse or partner accompanies the candidate and is not a
Canadian citizen or permanent resident (Ministerial Instructions, definition of
"accompanying spouse or common-law partner"); otherwise the candidate is scored
as single. Source: :data:`~expressentry.rules.sources.CRS_CRITERIA`.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from expressentry.enums import EducationLevel as E
from expressentry.rules._tables import Steps
from expressentry.rules._timeline import Dated, Timeline
from expressentry.rules.dates import EXPRESS_ENTRY_OPENED
from expressentry.rules.sources import CRS_CRITERIA

__all__ = ["SPOUSE_CANADIAN_EXPERIENCE", "SPOUSE_EDUCATION", "SPOUSE_LANGUAGE"]

_UNCHANGED = "Unchanged since Express Entry opened on 2015-01-01 (Canada Gazette Part I, Extra No. 10, 2014-12-01)."

SPOUSE_EDUCATION: Final[Timeline[Mapping[E, int]]] = Timeline(
    "crs.spouse.education",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            MappingProxyType(
                {  # level                  points
                    E.LESS_THAN_SECONDARY: 0,
                    E.SECONDARY: 2,
                    E.ONE_YEAR: 6,
                    E.TWO_YEAR: 7,
                    E.BACHELORS: 8,
                    E.TWO_OR_MORE: 9,
                    E.MASTERS: 10,
                    E.DOCTORAL: 10,
                }
            ),
            CRS_CRITERIA,
            _UNCHANGED,
        ),
    ),
    "Spouse's level of education",
)

SPOUSE_LANGUAGE: Final = Timeline(
    "crs.spouse.first_language",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            Steps(
                #  CLB points  (per ability)
                (
                    (0, 0),  # CLB 4 or less
                    (5, 1),  # CLB 5 or 6
                    (7, 3),  # CLB 7 or 8
                    (9, 5),  # CLB 9 or more
                )
            ),
            CRS_CRITERIA,
            _UNCHANGED,
        ),
    ),
    "Spouse's first official language, per ability",
)

SPOUSE_CANADIAN_EXPERIENCE: Final = Timeline(
    "crs.spouse.canadian_experience",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            Steps(
                #  years points
                (
                    (0, 0),  # none or less than a year
                    (1, 5),
                    (2, 7),
                    (3, 8),
                    (4, 9),
                    (5, 10),  # 5 years or more
                )
            ),
            CRS_CRITERIA,
            _UNCHANGED,
        ),
    ),
    "Spouse's Canadian work experience",
)
