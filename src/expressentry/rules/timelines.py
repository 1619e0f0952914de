"""The periods of Express Entry, as dated rules: the invitation window, the pool, documents.

The language result's 2 years and the ECA's 5 years are not here: they are
:data:`~expressentry.rules.programs.LANGUAGE_RESULT_VALID_YEARS` and
:data:`~expressentry.rules.programs.ECA_VALID_YEARS`, the rule scoring and
eligibility apply (:mod:`expressentry.timelines.validity`). This module holds the others:

- ``ITA_WINDOW_DAYS``: the calendar days to submit the application after an
  invitation to apply (ITA), which was 60, 90, 60, 90 and 60 days again;
- ``PROFILE_POOL_MONTHS``: a profile stays in the pool 12 months;
- ``MEDICAL_VALID_MONTHS`` and ``UPFRONT_MEDICAL_REQUIRED``: a medical
  exam's 12 months, and whether one must come with the application, by the day
  the application is submitted (required before 2023-10-01, not from 2023-10-01
  to 2025-08-20, required again from 2025-08-21);
- ``POLICE_CURRENT_COUNTRY_MONTHS``: a police certificate from the country
  where the person lives is issued at most 6 months before the application; one
  from a former country is issued after the last stay there;
- ``AGE_LOCKED_AT_INVITATION``: a birthday between the invitation and the
  application costs no points.

Each uncertain reading is a named constant, read by the timelines or by
:mod:`expressentry.timelines`. Which countries need a police certificate (6
months or more in a row there since age 18; a 10-year look-back in older
guidance) is not checked: the profile holds no residence history.

>>> from datetime import date
>>> ITA_WINDOW_DAYS.at(date(2021, 6, 28)).value, ITA_WINDOW_DAYS.at(date(2021, 6, 29)).value
(90, 60)
"""

from __future__ import annotations

from datetime import date
from typing import Any, Final

from expressentry.rules._timeline import Dated, Timeline
from expressentry.rules.dates import CRS_AMENDED_2016_11_19, EXPRESS_ENTRY_OPENED
from expressentry.rules.sources import (
    COMPLETENESS_CHECK_2021,
    NOTICE_2016_11_19,
    PDI_FSW_AGE,
    POLICE_CERTIFICATES,
    PROFILE_EXPIRY,
    WAITING_IN_THE_POOL,
)

__all__ = [
    "AGE_LOCKED_AT_INVITATION",
    "AGE_LOCK_POLICY_FROM",
    "COVID_ITA_WINDOW_FROM",
    "ITA_WINDOW_60_DAYS_AGAIN_2018",
    "ITA_WINDOW_60_DAYS_AGAIN_2021",
    "ITA_WINDOW_DAYS",
    "MEDICAL_VALID_MONTHS",
    "PASSPORT_VALID_ON_EXPIRY_DATE",
    "POLICE_CURRENT_COUNTRY_MONTHS",
    "POLICE_ISSUED_ON_DEPARTURE_DAY_COUNTS",
    "PROFILE_POOL_MONTHS",
    "TIMELINES",
    "UNDATED_PERIODS_FROM",
    "UPFRONT_MEDICAL_DROPPED",
    "UPFRONT_MEDICAL_REQUIRED",
    "UPFRONT_MEDICAL_RESTORED",
]

# -- the days, and the readings they rest on ----------------------------------------------

UNDATED_PERIODS_FROM: Final = EXPRESS_ENTRY_OPENED
"""UNCERTAIN reading, made explicit. The sources give the 12 months in the pool, the
medical exam's 12 months and the police certificate's 6 months as rules in force,
without the day they took effect. They are dated from the day Express Entry opened
(2015-01-01), as the program tables are; a day before it is outside every rule."""

ITA_WINDOW_60_DAYS_AGAIN_2018: Final = date(2018, 6, 26)
"""Invitations from this day have 60 days again (90 since 2016-11-19). IRCC's
announcement of 2018-06-26 is read through copies (greenlightcanada.com,
cpdimmigration.com): 60 days "after June 26, 2018", 90 days "prior to June 26";
neither says which applies to an ITA of the 26th itself. This reading gives that
day 60 days."""

COVID_ITA_WINDOW_FROM: Final = date(2020, 3, 31)
"""UNCERTAIN reading, made explicit. In March 2020, as a COVID-19 measure, IRCC gave
invitations 90 days instead of 60; every copy says only "March 2020" (uimmigrate.ca,
africanada.com, xoniervisas.com quoting IRCC's media release of June 2021). This
reading takes the last day of March, so that no invitation of March 2020 is given
more time than it surely had: a deadline computed is never later than the real one.
Invitations before 2020-03-01 surely had 60 days, those of 2020-03-31 to 2021-06-28
surely 90; between the two, this reading says 60."""

ITA_WINDOW_60_DAYS_AGAIN_2021: Final = date(2021, 6, 29)
"""Invitations from this day have 60 days again: "Clients who were invited to apply
through Express Entry before June 29, 2021, will still have 90 days" (IRCC's media
release, read through copies) and IRCC's program delivery update of 2021-06-29
(:data:`~expressentry.rules.sources.COMPLETENESS_CHECK_2021`)."""

UPFRONT_MEDICAL_DROPPED: Final = date(2023, 10, 1)
"""Applications received from this day stopped needing an upfront medical exam
(IRCC sent instructions after the application). IRCC's completeness-check
instructions, read through copies (financialexpress.com, mcncanadaimmigration.com,
dfimmigration.ca, federaloutsourcing.com): "As of October 1, 2023, upfront medical
examinations are no longer required", for "applications received on or after
October 1, 2023". The day is that of the application, not of the invitation. (A
copy dated "August 21, 2023", visajobscanada.com, describes the 2025 change
misdated: see :data:`UPFRONT_MEDICAL_RESTORED`.)"""

UPFRONT_MEDICAL_RESTORED: Final = date(2025, 8, 21)
"""Applications submitted from this day must again include proof of an upfront
immigration medical exam (announced 2025-08-12). IRCC's program delivery update is
read through copies only (canadavisaportal.ca, immigratic.com, borderpass.ai,
gfkimmigrationconsultant.com): "applications submitted on or after August 21,
2025, must include proof of IME completion"; applications submitted before follow
the former process. Until 2025-10-20 an application without it was not rejected as
incomplete (a facilitation period); from 2025-10-21 it may be. This reading takes
the requirement from 2025-08-21, the day it took effect, so the medical is never
said to be optional when it was asked for."""

AGE_LOCK_POLICY_FROM: Final = date(2015, 7, 13)
"""UNCERTAIN reading, made explicit. The public policy that exempts applicants from
age-based requirements between the invitation and the application (IRPA s. 25.2;
the program delivery instructions' "Exemption to section A11.2") is first reported
on 2015-07-13 (bellissimolawgroup.com); its own date was not read. Invitations
before that day are read without it: age counts on the day of applying."""

POLICE_ISSUED_ON_DEPARTURE_DAY_COUNTS: Final = False
"""UNCERTAIN reading, made explicit. A police certificate for a country the person
no longer lives in "must have been issued after the departure date of the last
time" they lived there (IRCC's instructions, read through a canadavisa.com copy).
This reading is literal: a certificate issued on the departure day itself is not
after it, so it does not count."""

PASSPORT_VALID_ON_EXPIRY_DATE: Final = True
"""Reading, made explicit. A passport is valid up to and including the expiry date
printed in it; it is no longer valid the day after."""

# -- the timelines -------------------------------------------------------------------------

ITA_WINDOW_DAYS: Final = Timeline(
    "timelines.ita_window_days",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            60,
            NOTICE_2016_11_19,
            "60 calendar days to submit the application after an invitation to apply, as IRCC's "
            'notice of the November 2016 changes says (90 days "instead of 60 days").',
        ),
        Dated(
            CRS_AMENDED_2016_11_19,
            90,
            NOTICE_2016_11_19,
            "Applicants will now have 90 days to apply for permanent residence, instead of 60 days "
            "(notice to Express Entry candidates, changes in force 2016-11-19).",
        ),
        Dated(
            ITA_WINDOW_60_DAYS_AGAIN_2018,
            60,
            WAITING_IN_THE_POOL,
            "60 calendar days again for invitations after 2018-06-26 (ITA_WINDOW_60_DAYS_AGAIN_2018); "
            "IRCC's announcement read through copies (greenlightcanada.com, cpdimmigration.com); "
            "the source cited states the 60 days in force today.",
        ),
        Dated(
            COVID_ITA_WINDOW_FROM,
            90,
            COMPLETENESS_CHECK_2021,
            "90 days as a COVID-19 measure from a day of March 2020 (COVID_ITA_WINDOW_FROM: the "
            'day is unknown); the 2021 update says applicants "previously had 90 days".',
        ),
        Dated(
            ITA_WINDOW_60_DAYS_AGAIN_2021,
            60,
            COMPLETENESS_CHECK_2021,
            "A complete application within 60 calendar days of being issued an invitation; "
            "invitations before 2021-06-29 keep 90 days.",
        ),
    ),
    "Calendar days to submit the application after an invitation to apply, "
    "by the day of the invitation",
)
"""The window of the invitation's own day applies, whatever day the application is made."""

PROFILE_POOL_MONTHS: Final = Timeline(
    "timelines.profile_pool_months",
    (
        Dated(
            UNDATED_PERIODS_FROM,
            12,
            PROFILE_EXPIRY,
            "A profile stays in the pool for one year (12 months) from the day it was accepted; "
            "without an invitation it then expires and a new profile is needed. Updating it "
            "extends nothing (UNDATED_PERIODS_FROM).",
        ),
    ),
    "Months a profile stays in the Express Entry pool",
)

MEDICAL_VALID_MONTHS: Final = Timeline(
    "timelines.medical_valid_months",
    (
        Dated(
            UNDATED_PERIODS_FROM,
            12,
            COMPLETENESS_CHECK_2021,
            "Immigration medical exam results are valid 12 months. The official text cited asks "
            "for valid medical results; the 12 months are read in secondary copies only "
            "(dfimmigration.ca, visaliv.com, treadstonelaw.ca) (UNDATED_PERIODS_FROM).",
        ),
    ),
    "Months an immigration medical exam stays valid",
)

UPFRONT_MEDICAL_REQUIRED: Final = Timeline(
    "timelines.upfront_medical_required",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            True,
            COMPLETENESS_CHECK_2021,
            "Applicants and their family members undergo upfront medical exams, and the results "
            "must be valid, as part of a complete application (the instructions for "
            "applications received before 2023-10-01, read through onecanadavisa.com and "
            "mcncanadaimmigration.com copies).",
        ),
        Dated(
            UPFRONT_MEDICAL_DROPPED,
            False,
            COMPLETENESS_CHECK_2021,
            "Applications received from 2023-10-01 need no upfront medical exam: IRCC sends "
            "instructions after the application (UPFRONT_MEDICAL_DROPPED; the instructions "
            "read through copies, the official page not read).",
        ),
        Dated(
            UPFRONT_MEDICAL_RESTORED,
            True,
            COMPLETENESS_CHECK_2021,
            "Applications submitted from 2025-08-21 must include proof of an upfront "
            "immigration medical exam for the applicant and every family member, accompanying "
            "or not; from 2025-10-21 an application without it may be rejected as incomplete "
            "(UPFRONT_MEDICAL_RESTORED; IRCC's program delivery update of 2025 read through "
            "copies, the official page not read).",
        ),
    ),
    "Whether a valid medical exam must come with the application, by the day the "
    "application is submitted",
)
"""Keyed by the day of applying, not of the invitation: an invitation of 2025-08-01
answered on 2025-08-21 or later needs the medical."""

POLICE_CURRENT_COUNTRY_MONTHS: Final = Timeline(
    "timelines.police_current_country_months",
    (
        Dated(
            UNDATED_PERIODS_FROM,
            6,
            POLICE_CERTIFICATES,
            "For the country where the person lives, a certificate issued no more than 6 months "
            "before the application is submitted; for a former country, one issued after the "
            "last stay there (POLICE_ISSUED_ON_DEPARTURE_DAY_COUNTS). Needed for each country "
            "other than Canada lived in 6 months or more in a row since age 18 "
            "(UNDATED_PERIODS_FROM).",
        ),
    ),
    "Months before the application a police certificate of the current country may be issued",
)

AGE_LOCKED_AT_INVITATION: Final = Timeline(
    "timelines.age_locked_at_invitation",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            False,
            PDI_FSW_AGE,
            "Age counts on the day the application is received (AGE_LOCK_POLICY_FROM).",
        ),
        Dated(
            AGE_LOCK_POLICY_FROM,
            True,
            PDI_FSW_AGE,
            "A birthday between the invitation and the application costs no points: a public "
            "policy (IRPA s. 25.2) exempts the applicant from age-based requirements, so age is "
            "in effect locked on the day of the invitation (AGE_LOCK_POLICY_FROM; the policy read "
            "through askkubeir.com and bellissimolawgroup.com copies).",
        ),
    ),
    "Whether age is locked on the day of the invitation, by the day of the invitation",
)

TIMELINES: Final[tuple[Timeline[Any], ...]] = (
    ITA_WINDOW_DAYS,
    PROFILE_POOL_MONTHS,
    MEDICAL_VALID_MONTHS,
    UPFRONT_MEDICAL_REQUIRED,
    POLICE_CURRENT_COUNTRY_MONTHS,
    AGE_LOCKED_AT_INVITATION,
)
"""Every timeline of this module."""
