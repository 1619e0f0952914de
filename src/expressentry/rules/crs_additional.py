"""CRS section D, additional points (max 600), and the days they changed.

This is where the law moved most: arranged employment went from 600 to 200/50 on
2016-11-19 and to 0 on 2025-03-25; Canadian study points arrived on 2016-11-19;
French and sibling points on 2017-06-06; French points rose on 2020-10-20.

.. note::

   **A proposed change of 2026-11-03, not implemented.** A single low-confidence
   source claims CRS changes from 2026-11-03 (more points for Canadian work and
   for high-wage job offers). No official text or second copy was found, and
   copies up to September 2026 show no change, so the tables hold no entry for
   it. Check canada.ca before relying on scores after 2026-11-03; a proposal can
   be scored as a reform (:meth:`~expressentry.rules.RuleSet.add_factor`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import Final

from expressentry.enums import CanadianCredential as Cc
from expressentry.enums import FrenchBonus as Fr
from expressentry.enums import JobOfferKind as Jo
from expressentry.rules._timeline import Dated, Timeline
from expressentry.rules.dates import (
    CRS_AMENDED_2016_11_19,
    CRS_AMENDED_2017_06_06,
    EXPRESS_ENTRY_OPENED,
    JOB_OFFER_POINTS_REMOVED,
)
from expressentry.rules.sources import (
    CRS_CRITERIA,
    GAZETTE_2014_12_01,
    MI_2015_05_30,
    MI_2017_06_06,
    MI_2025_03_25,
    NOTICE_2016_11_19,
)

__all__ = [
    "ADDITIONAL_CAP",
    "CANADIAN_STUDY",
    "FRENCH",
    "FRENCH_LEVELS",
    "FRENCH_POINTS_RAISED_ON",
    "JOB_OFFER",
    "PROVINCIAL_NOMINATION",
    "SIBLING",
]

FRENCH_POINTS_RAISED_ON: Final = date(2020, 10, 20)
"""Day the French points rose from 15/30 to 25/50. IRCC's text is headed "Changes
as of October 20, 2020" (jpierimmigration.com copy; BAL and Envoy agree); the
minister announced it on 2020-10-27. No round of invitations fell between the two
days, so either reading gives the same result for every real round."""

FRENCH_LEVELS: Final = Timeline(
    "crs.additional.french_levels",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            (7, 5),
            GAZETTE_2014_12_01,
            "No French points until 2017-06-06 (crs.additional.french is 0 then), so "
            "no levels were set; those of 2017 are used, which change no score.",
        ),
        Dated(
            CRS_AMENDED_2017_06_06,
            # NCLC in all four French abilities    CLB in all four English abilities
            (7, 5),
            MI_2017_06_06,
            "French points need NCLC 7 or more in all four French abilities; the higher "
            "amount needs English CLB 5 or more in all four as well. UNCERTAIN (minor): "
            "with mixed English (some abilities at CLB 5+, some at 4 or less) this "
            "reading gives the lower amount, because English is then not 'CLB 5 or "
            "higher on all four'; no worked example from IRCC's tool was found.",
        ),
    ),
    "French-language skills, the French and English levels needed",
)
"""The levels the French points need, ``(French NCLC, English CLB)``: both in all
four abilities."""

PROVINCIAL_NOMINATION: Final = Timeline(
    "crs.additional.provincial_nomination",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            600,
            GAZETTE_2014_12_01,
            "600 points for a provincial or territorial nomination since launch.",
        ),
    ),
    "Provincial or territorial nomination",
)

JOB_OFFER: Final[Timeline[Mapping[Jo, int]]] = Timeline(
    "crs.additional.job_offer",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            MappingProxyType({Jo.MAJOR_GROUP_00: 600, Jo.OTHER_SKILLED: 600}),
            GAZETTE_2014_12_01,
            "Qualifying arranged employment (LMIA-based, NOC 0/A/B): 600 points.",
        ),
        Dated(
            CRS_AMENDED_2016_11_19,
            MappingProxyType({Jo.MAJOR_GROUP_00: 200, Jo.OTHER_SKILLED: 50}),
            MI_2015_05_30,
            "200 points for NOC major group 00, 50 for other skilled offers (MI 2016-1; archived MI 2015-05-30 to 2016-11-18 notice).",
        ),
        Dated(
            JOB_OFFER_POINTS_REMOVED,
            MappingProxyType({Jo.MAJOR_GROUP_00: 0, Jo.OTHER_SKILLED: 0}),
            MI_2025_03_25,
            "Arranged-employment points removed for every candidate in the pool (CIC News text; business-standard.com 2025-03-26; truecanhelp.com).",
        ),
    ),
    "Arranged employment (qualifying job offer)",
)

CANADIAN_STUDY: Final[Timeline[Mapping[Cc, int]]] = Timeline(
    "crs.additional.canadian_study",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            MappingProxyType(
                {
                    Cc.NONE: 0,
                    Cc.SECONDARY: 0,
                    Cc.ONE_OR_TWO_YEAR: 0,
                    Cc.THREE_YEAR_OR_MORE: 0,
                }
            ),
            GAZETTE_2014_12_01,
            "No points for study in Canada at launch.",
        ),
        Dated(
            CRS_AMENDED_2016_11_19,
            MappingProxyType(
                {
                    Cc.NONE: 0,
                    Cc.SECONDARY: 0,
                    Cc.ONE_OR_TWO_YEAR: 15,
                    Cc.THREE_YEAR_OR_MORE: 30,
                }
            ),
            NOTICE_2016_11_19,
            "15 points for a one- or two-year Canadian post-secondary credential, 30 for three years or more, a master's, professional or doctoral degree.",
        ),
    ),
    "Post-secondary education in Canada",
)

FRENCH: Final[Timeline[Mapping[Fr, int]]] = Timeline(
    "crs.additional.french",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            MappingProxyType({Fr.ENGLISH_CLB_4_OR_LESS: 0, Fr.ENGLISH_CLB_5_OR_MORE: 0}),
            GAZETTE_2014_12_01,
            "No French-language points at launch.",
        ),
        Dated(
            CRS_AMENDED_2017_06_06,
            MappingProxyType({Fr.ENGLISH_CLB_4_OR_LESS: 15, Fr.ENGLISH_CLB_5_OR_MORE: 30}),
            MI_2017_06_06,
            "French points added: 15, or 30 with English CLB 5+ in all four abilities.",
        ),
        Dated(
            FRENCH_POINTS_RAISED_ON,
            MappingProxyType({Fr.ENGLISH_CLB_4_OR_LESS: 25, Fr.ENGLISH_CLB_5_OR_MORE: 50}),
            CRS_CRITERIA,
            "French points raised to 25 and 50 (IRCC 'Changes as of October 20, 2020', jpierimmigration.com copy; announced 2020-10-27).",
        ),
    ),
    "French-language skills",
)

SIBLING: Final = Timeline(
    "crs.additional.sibling",
    (
        Dated(EXPRESS_ENTRY_OPENED, 0, GAZETTE_2014_12_01, "No sibling points at launch."),
        Dated(
            CRS_AMENDED_2017_06_06,
            15,
            MI_2017_06_06,
            "15 points for a brother or sister in Canada, 18 or older, citizen or permanent resident.",
        ),
    ),
    "Brother or sister living in Canada",
)

ADDITIONAL_CAP: Final = Timeline(
    "crs.additional.cap",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            600,
            CRS_CRITERIA,
            "Unchanged since Express Entry opened on 2015-01-01.",
        ),
    ),
    "Additional points, maximum",
)
