"""The legal dates the rule tables share, each defined once.

A rule table's entry that took effect on one of these days names the constant,
never a literal date, so the day is written in one place with its source. Dates
that only one reading of one module uses (the settlement funds days, the
category versions, the language test designations) stay in that module, next to
the reading that chose them.

>>> EXPRESS_ENTRY_OPENED.isoformat(), NOC_2021_IN_FORCE.isoformat()
('2015-01-01', '2022-11-16')
"""

from __future__ import annotations

from datetime import date
from typing import Final

__all__ = [
    "CRS_AMENDED_2016_11_19",
    "CRS_AMENDED_2017_06_06",
    "EXPRESS_ENTRY_OPENED",
    "FSW_2013_CRITERIA_IN_FORCE",
    "JOB_OFFER_POINTS_REMOVED",
    "LEGAL_DATES",
    "NOC_2021_IN_FORCE",
]

FSW_2013_CRITERIA_IN_FORCE: Final = date(2013, 5, 4)
"""The Federal Skilled Worker criteria of the 2012 amendments to the IRPR apply to
applications received on or after this day: the current 100-point grid and the
Educational Credential Assessment for foreign education. Source: IRCC, program
delivery instructions, "Arranged employment – awarding points (applications
received on or after May 4, 2013)",
https://www.canada.ca/en/immigration-refugees-citizenship/corporate/publications-manuals/operational-bulletins-manuals/permanent-residence/economic-classes/federal-skilled-workers/arranged-employment/awarding-points-applications-received-on-after-may-4-2013.html
(:data:`~expressentry.rules.sources.PDI_FSW_ARRANGED_EMPLOYMENT`)."""

EXPRESS_ENTRY_OPENED: Final = date(2015, 1, 1)
"""Express Entry opened: the Ministerial Instructions respecting the Express Entry
system took effect and the Comprehensive Ranking System with them. Source: Canada
Gazette Part I, Extra No. 10 (2014-12-01),
http://www.gazette.gc.ca/rp-pr/p1/2014/2014-12-01-x10/html/extra10-eng.php
(:data:`~expressentry.rules.sources.GAZETTE_2014_12_01`)."""

CRS_AMENDED_2016_11_19: Final = date(2016, 11, 19)
"""Arranged employment fell from 600 points to 200 (NOC major group 00) or 50, and
Canadian post-secondary study began to earn 15 or 30 points. Source: IRCC, "Notice
to Express Entry candidates: changes of November 19, 2016",
https://www.canada.ca/en/immigration-refugees-citizenship/news/notices/notice-express-entry-candidates.html
(:data:`~expressentry.rules.sources.NOTICE_2016_11_19`)."""

CRS_AMENDED_2017_06_06: Final = date(2017, 6, 6)
"""French-language points (15 or 30) and sibling points (15) were added. Source:
Ministerial Instructions amending the Express Entry system, in force 2017-06-06,
https://www.canada.ca/en/immigration-refugees-citizenship/corporate/mandate/policies-operational-instructions-agreements/ministerial-instructions/express-entry-application-management-system/amending-express-entry-system-2017.html
(:data:`~expressentry.rules.sources.MI_2017_06_06`)."""

NOC_2021_IN_FORCE: Final = date(2022, 11, 16)
"""IRCC moved Express Entry from NOC 2016 (skill type 0, levels A and B) to NOC 2021
(TEER 0 to 3), for the CRS and the three programs alike. Source: IRCC, program
delivery instructions, "Federal skilled workers selection criteria – Work
experience",
https://www.canada.ca/en/immigration-refugees-citizenship/corporate/publications-manuals/operational-bulletins-manuals/permanent-residence/economic-classes/federal-skilled-workers/selection-criteria-work-experience.html
(:data:`~expressentry.rules.sources.NOC_2021_TRANSITION`)."""

JOB_OFFER_POINTS_REMOVED: Final = date(2025, 3, 25)
"""Arranged employment stopped earning CRS points, for every candidate in the
pool. Source: Ministerial Instructions respecting the Express Entry system, as
amended effective 2025-03-25,
https://www.canada.ca/en/immigration-refugees-citizenship/corporate/mandate/policies-operational-instructions-agreements/ministerial-instructions/express-entry-application-management-system/current.html
(:data:`~expressentry.rules.sources.MI_2025_03_25`)."""

LEGAL_DATES: Final[tuple[date, ...]] = (
    FSW_2013_CRITERIA_IN_FORCE,
    EXPRESS_ENTRY_OPENED,
    CRS_AMENDED_2016_11_19,
    CRS_AMENDED_2017_06_06,
    NOC_2021_IN_FORCE,
    JOB_OFFER_POINTS_REMOVED,
)
"""Every date of this module, oldest first."""
