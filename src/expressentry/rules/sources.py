"""Every official source the rule tables cite, once.

URLs point at canada.ca, the Canada Gazette or the Justice Laws site. Where a text
was read through a faithful public copy, the copy is named in the rule's note,
never here: the citation is always the official text.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from expressentry.rules._timeline import Source

__all__ = [
    "CATEGORY_BASED_SELECTION",
    "CATEGORY_REPORT_2024_25",
    "CEC_ELIGIBILITY",
    "COMPLETENESS_CHECK_2021",
    "CRS_CRITERIA",
    "ECA_EXPRESS_ENTRY",
    "FST_ELIGIBILITY",
    "FSW_ELIGIBILITY",
    "FSW_SELECTION_FACTORS",
    "GAZETTE_2014_12_01",
    "IRPR_73",
    "IRPR_76",
    "IRPR_78",
    "IRPR_83",
    "IRPR_87_2_2013",
    "LANGUAGE_EQUIVALENCY",
    "MI_2015_05_30",
    "MI_2017_06_06",
    "MI_2025_03_25",
    "MI_CURRENT",
    "NOC_2021_TRANSITION",
    "NOTICE_2016_11_19",
    "PDI_FSW_AGE",
    "PDI_FSW_ARRANGED_EMPLOYMENT",
    "POLICE_CERTIFICATES",
    "PROFILE_EXPIRY",
    "PROOF_OF_FUNDS",
    "PTE_CORE_DESIGNATION",
    "TCF_CANADA_DESIGNATION",
    "WAITING_IN_THE_POOL",
]

_READ_ON: Final = date(2026, 11, 22)
"""The day every source below was read for this library."""

_CANADA = "https://www.canada.ca/en/immigration-refugees-citizenship"
_MI = f"{_CANADA}/corporate/mandate/policies-operational-instructions-agreements/ministerial-instructions/express-entry-application-management-system"

CRS_CRITERIA: Final = Source(
    "ircc-crs-criteria",
    "Comprehensive Ranking System (CRS) criteria – Express Entry",
    f"{_CANADA}/services/immigrate-canada/express-entry/check-score/crs-criteria.html",
    _READ_ON,
)
MI_CURRENT: Final = Source(
    "mi-express-entry-current",
    "Ministerial Instructions respecting the Express Entry system (current)",
    f"{_MI}/current.html",
    _READ_ON,
)
GAZETTE_2014_12_01: Final = Source(
    "gazette-2014-12-01",
    "Canada Gazette Part I, Extra No. 10: Ministerial Instructions respecting the Express Entry system (2014-12-01)",
    "http://www.gazette.gc.ca/rp-pr/p1/2014/2014-12-01-x10/html/extra10-eng.php",
    _READ_ON,
)
MI_2015_05_30: Final = Source(
    "mi-2015-05-30",
    "Ministerial Instructions respecting the Express Entry system, 30 May 2015 to 18 November 2016 (archived)",
    f"{_MI}/30-may-2015-18-november-2016.html",
    _READ_ON,
)
NOTICE_2016_11_19: Final = Source(
    "notice-2016-11-19",
    "Notice to Express Entry candidates: changes of November 19, 2016 (archived)",
    f"{_CANADA}/news/notices/notice-express-entry-candidates.html",
    _READ_ON,
)
MI_2017_06_06: Final = Source(
    "mi-2017-06-06",
    "Ministerial Instructions amending the Express Entry system (in force 2017-06-06)",
    f"{_MI}/amending-express-entry-system-2017.html",
    _READ_ON,
)
NOC_2021_TRANSITION: Final = Source(
    "ircc-noc-2021-transition",
    "Program delivery instructions: Federal skilled workers selection criteria – Work experience (NOC 2021 from 2022-11-16)",
    f"{_CANADA}/corporate/publications-manuals/operational-bulletins-manuals/permanent-residence/economic-classes/federal-skilled-workers/selection-criteria-work-experience.html",
    _READ_ON,
)
MI_2025_03_25: Final = Source(
    "mi-2025-03-25",
    "Ministerial Instructions respecting the Express Entry system, amended effective 2025-03-25 (arranged employment points removed)",
    f"{_MI}/current.html",
    _READ_ON,
)
LANGUAGE_EQUIVALENCY: Final = Source(
    "ircc-language-equivalency",
    "Language test equivalency charts – Express Entry",
    f"{_CANADA}/services/immigrate-canada/express-entry/documents/language-requirements/language-testing.html",
    _READ_ON,
)
PTE_CORE_DESIGNATION: Final = Source(
    "ircc-pte-core",
    "Language test equivalency charts – Express Entry: PTE Core (accepted from 2024-01-30)",
    f"{_CANADA}/services/immigrate-canada/express-entry/documents/language-requirements/language-testing.html",
    _READ_ON,
)
TCF_CANADA_DESIGNATION: Final = Source(
    "ircc-tcf-canada",
    "Language test equivalency charts – Express Entry: TCF Canada",
    f"{_CANADA}/services/immigrate-canada/express-entry/documents/language-requirements/language-testing.html",
    _READ_ON,
)
IRPR_73: Final = Source(
    "irpr-73",
    "Immigration and Refugee Protection Regulations (SOR/2002-227), s. 73: full-time work is 30 hours a week",
    "https://laws-lois.justice.gc.ca/eng/regulations/SOR-2002-227/section-73.html",
    _READ_ON,
)

_EE = f"{_CANADA}/services/immigrate-canada/express-entry"
_PDI_FSW = f"{_CANADA}/corporate/publications-manuals/operational-bulletins-manuals/permanent-residence/economic-classes/federal-skilled-workers"

FSW_ELIGIBILITY: Final = Source(
    "ircc-fsw-eligibility",
    "Eligibility for Express Entry programs: Who can apply as a Federal Skilled Worker",
    f"{_EE}/eligibility/federal-skilled-workers.html",
    _READ_ON,
)
FSW_SELECTION_FACTORS: Final = Source(
    "ircc-fsw-six-factors",
    "Six selection factors – Federal Skilled Worker Program (Express Entry)",
    f"{_EE}/eligibility/federal-skilled-workers/six-selection-factors-federal-skilled-workers.html",
    _READ_ON,
)
PDI_FSW_AGE: Final = Source(
    "ircc-pdi-fsw-age",
    "Program delivery instructions: Federal skilled workers selection criteria – Age",
    f"{_PDI_FSW}/selection-criteria.html",
    _READ_ON,
)
PDI_FSW_ARRANGED_EMPLOYMENT: Final = Source(
    "ircc-pdi-fsw-arranged-employment",
    "Program delivery instructions: Federal skilled workers – Arranged employment, awarding points (applications received on or after May 4, 2013)",
    f"{_PDI_FSW}/arranged-employment/awarding-points-applications-received-on-after-may-4-2013.html",
    _READ_ON,
)
IRPR_76: Final = Source(
    "irpr-76",
    "Immigration and Refugee Protection Regulations (SOR/2002-227), s. 76(1)(b)(i): federal skilled workers must have funds equal to half the minimum necessary income",
    "https://laws-lois.justice.gc.ca/eng/regulations/SOR-2002-227/section-76.html",
    _READ_ON,
)
IRPR_78: Final = Source(
    "irpr-78",
    "Immigration and Refugee Protection Regulations (SOR/2002-227), s. 78: federal skilled workers, education points",
    "https://laws-lois.justice.gc.ca/eng/regulations/SOR-2002-227/section-78.html",
    _READ_ON,
)
IRPR_83: Final = Source(
    "irpr-83",
    "Immigration and Refugee Protection Regulations (SOR/2002-227), s. 83: federal skilled workers, adaptability points",
    "https://laws-lois.justice.gc.ca/eng/regulations/SOR-2002-227/section-83.html",
    _READ_ON,
)
CEC_ELIGIBILITY: Final = Source(
    "irpr-87-1",
    "Immigration and Refugee Protection Regulations (SOR/2002-227), s. 87.1: Canadian experience class",
    "https://laws-lois.justice.gc.ca/eng/regulations/SOR-2002-227/section-87.1.html",
    _READ_ON,
)
FST_ELIGIBILITY: Final = Source(
    "ircc-fst-eligibility",
    "Eligibility for Express Entry programs: Who can apply for the Federal Skilled Trades Program",
    f"{_EE}/eligibility/skilled-trades.html",
    _READ_ON,
)
PROOF_OF_FUNDS: Final = Source(
    "ircc-proof-of-funds",
    "Proof of funds – Skilled immigrants (Express Entry)",
    f"{_EE}/documents/proof-funds.html",
    _READ_ON,
)
ECA_EXPRESS_ENTRY: Final = Source(
    "ircc-eca",
    "Educational Credential Assessment (ECA) for Express Entry: what it is",
    f"{_EE}/documents/education-assessed.html",
    _READ_ON,
)
IRPR_87_2_2013: Final = Source(
    "irpr-87-2-2013",
    "Immigration and Refugee Protection Regulations (SOR/2002-227), s. 87.2: federal skilled trades class (version of 2013-12-31, NOC 2011 groups)",
    "https://laws-lois.justice.gc.ca/eng/regulations/SOR-2002-227/section-87.2-20131231.html",
    _READ_ON,
)
CATEGORY_BASED_SELECTION: Final = Source(
    "ircc-category-based-selection",
    "Express Entry: Rounds of invitations: Category-based selection",
    f"{_CANADA}/services/immigrate-canada/express-entry/submit-profile/rounds-invitations/category-based-selection.html",
    _READ_ON,
)
CATEGORY_REPORT_2024_25: Final = Source(
    "ircc-cbs-report-2024-25",
    "2024-2025 Report to Parliament – Category-Based Selection in Express Entry (Annexes A and B)",
    f"{_CANADA}/corporate/publications-manuals/report-parliament-cbs-2024-25.html",
    _READ_ON,
)
WAITING_IN_THE_POOL: Final = Source(
    "ircc-ee-waiting-pool",
    "Create an Express Entry profile: What to do while you wait in the pool (60 days to apply after an invitation; language results valid 2 years and on the day of applying)",
    f"{_EE}/submit-profile/waiting-pool.html",
    _READ_ON,
)
COMPLETENESS_CHECK_2021: Final = Source(
    "ircc-pdu-2021-ee-completeness",
    "Program delivery update (2021-06-29): Applications for permanent residence programs subject to the Express Entry completeness check (60 calendar days after an invitation; previously 90)",
    f"{_CANADA}/corporate/publications-manuals/operational-bulletins-manuals/updates/2021-express-entry-completeness-check.html",
    _READ_ON,
)
POLICE_CERTIFICATES: Final = Source(
    "ircc-ee-police-certificates",
    "Police certificates for Express Entry applications",
    f"{_EE}/apply-permanent-residence/police-certificates.html",
    _READ_ON,
)
PROFILE_EXPIRY: Final = Source(
    "cic-ee-no-invite",
    "Next steps if you're not invited to apply (Citizenship and Immigration Canada): one year in the pool from the day accepted into it",
    "http://www.cic.gc.ca/english/immigrate/skilled/no-invite.asp",
    _READ_ON,
)
