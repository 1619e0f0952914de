"""A small reference CRS scorer, typed from IRCC's tables, independent of the library's rules.

It imports nothing from ``expressentry`` but the models (for the profile's fields and
the CLB/NCLC levels of a result) and the enums, so a mistake in the library's rule
tables, its memos or its hour accounting cannot hide in both.

Sources (read 2026-11-22):

- IRCC, "Comprehensive Ranking System (CRS) criteria – Express Entry":
  https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/check-score/crs-criteria.html
- Ministerial Instructions respecting the Express Entry system (the current text
  defines an accompanying spouse as one who "is not a Canadian citizen or a
  permanent resident"):
  https://www.canada.ca/en/immigration-refugees-citizenship/corporate/mandate/policies-operational-instructions-agreements/ministerial-instructions/express-entry-application-management-system/current.html
- The dated changes: job offer 600 -> 200/50 and Canadian study 15/30 from
  2016-11-19 (https://www.canada.ca/en/immigration-refugees-citizenship/corporate/mandate/policies-operational-instructions-agreements/ministerial-instructions/express-entry-application-management-system/30-may-2015-18-november-2016.html);
  French 15/30 and sibling 15 from 2017-06-06
  (https://www.canada.ca/en/immigration-refugees-citizenship/corporate/mandate/policies-operational-instructions-agreements/ministerial-instructions/express-entry-application-management-system/amending-express-entry-system-2017.html);
  French 25/50 from 2020-10-20; NOC 2021 TEER from 2022-11-16; job offer points 0
  from 2025-03-25.
- Immigration and Refugee Protection Regulations s. 73: full-time work is 30 hours
  a week, and a year of work is 1,560 hours
  (https://laws-lois.justice.gc.ca/eng/regulations/SOR-2002-227/section-73.html).

Validity of documents: a language result for 2 years from its result date (or
its test date when that is not given), an ECA for 5 years from its issue date;
``D + n years`` of 29 February is 28 February.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from dateutil.relativedelta import relativedelta

from expressentry.enums import CanadianCredential, EducationLevel, OfficialLanguage
from expressentry.models import Candidate, Education, LanguageResult, Spouse, WorkPeriod

__all__ = [
    "ReferenceScore",
    "canadian_years",
    "completed_years",
    "experience_hours",
    "foreign_years",
    "reference_breakdown",
    "reference_score",
]

# --- the days the rules changed ---------------------------------------------------

STUDY_AND_NEW_JOB_OFFER_POINTS = date(2016, 11, 19)
FRENCH_AND_SIBLING_POINTS = date(2017, 6, 6)
FRENCH_POINTS_RAISED = date(2020, 10, 20)
JOB_OFFER_POINTS_REMOVED = date(2025, 3, 25)

# --- A. Core / human capital factors: (with spouse, without spouse) ---------------

AGE = {
    18: (90, 99),
    19: (95, 105),
    **dict.fromkeys(range(20, 30), (100, 110)),  # 20 to 29
    30: (95, 105),
    31: (90, 99),
    32: (85, 94),
    33: (80, 88),
    34: (75, 83),
    35: (70, 77),
    36: (65, 72),
    37: (60, 66),
    38: (55, 61),
    39: (50, 55),
    40: (45, 50),
    41: (35, 39),
    42: (25, 28),
    43: (15, 17),
    44: (5, 6),
}
"""Completed years of age; 17 or less and 45 or more earn 0."""

EDUCATION = {
    EducationLevel.LESS_THAN_SECONDARY: (0, 0),
    EducationLevel.SECONDARY: (28, 30),
    EducationLevel.ONE_YEAR: (84, 90),
    EducationLevel.TWO_YEAR: (91, 98),
    EducationLevel.BACHELORS: (112, 120),
    EducationLevel.TWO_OR_MORE: (119, 128),
    EducationLevel.MASTERS: (126, 135),
    EducationLevel.DOCTORAL: (140, 150),
}

FIRST_LANGUAGE = (  # (lowest CLB of the row, with spouse, without spouse), per ability
    (0, 0, 0),  # less than CLB 4
    (4, 6, 6),  # CLB 4 or 5
    (6, 8, 9),
    (7, 16, 17),
    (8, 22, 23),
    (9, 29, 31),
    (10, 32, 34),  # CLB 10 or more
)

SECOND_LANGUAGE = (  # (lowest CLB of the row, points), per ability, either column
    (0, 0),  # CLB 4 or less
    (5, 1),  # CLB 5 or 6
    (7, 3),  # CLB 7 or 8
    (9, 6),  # CLB 9 or more
)
SECOND_LANGUAGE_CAP = (22, 24)

CANADIAN_WORK = {0: (0, 0), 1: (35, 40), 2: (46, 53), 3: (56, 64), 4: (63, 72), 5: (70, 80)}
"""Years of skilled work in Canada (5 or more earn the last row)."""

# --- B. Spouse or common-law partner factors --------------------------------------

SPOUSE_EDUCATION = {
    EducationLevel.LESS_THAN_SECONDARY: 0,
    EducationLevel.SECONDARY: 2,
    EducationLevel.ONE_YEAR: 6,
    EducationLevel.TWO_YEAR: 7,
    EducationLevel.BACHELORS: 8,
    EducationLevel.TWO_OR_MORE: 9,
    EducationLevel.MASTERS: 10,
    EducationLevel.DOCTORAL: 10,
}
SPOUSE_LANGUAGE = ((0, 0), (5, 1), (7, 3), (9, 5))  # per ability, as SECOND_LANGUAGE
SPOUSE_CANADIAN_WORK = {0: 0, 1: 5, 2: 7, 3: 8, 4: 9, 5: 10}

# --- C. Skill transferability factors ---------------------------------------------
# Each table: rows by the education (or foreign work) tier, columns by the first
# language (CLB 7+ on all four with one under 9 / CLB 9+ on all four) or by the years
# of Canadian work (1 / 2 or more).

EDUCATION_TIER = {
    EducationLevel.LESS_THAN_SECONDARY: 0,
    EducationLevel.SECONDARY: 0,
    EducationLevel.ONE_YEAR: 1,
    EducationLevel.TWO_YEAR: 1,
    EducationLevel.BACHELORS: 1,
    EducationLevel.TWO_OR_MORE: 2,
    EducationLevel.MASTERS: 2,
    EducationLevel.DOCTORAL: 2,
}
COMBINATION = {0: (0, 0), 1: (13, 25), 2: (25, 50)}
"""Points of one combination: tier -> (lower column, higher column)."""
GROUP_CAP = 50
CERTIFICATE = {"clb5": 25, "clb7": 50}  # CLB 5+ on all four with one under 7 / CLB 7+ on all four
TRANSFERABILITY_CAP = 100

# --- D. Additional points ---------------------------------------------------------

NOMINATION = 600
JOB_OFFER_BEFORE_2016_11_19 = 600
JOB_OFFER_MAJOR_GROUP_00 = 200
JOB_OFFER_OTHER_SKILLED = 50
CANADIAN_STUDY = {
    CanadianCredential.NONE: 0,
    CanadianCredential.SECONDARY: 0,
    CanadianCredential.ONE_OR_TWO_YEAR: 15,
    CanadianCredential.THREE_YEAR_OR_MORE: 30,
}
FRENCH_BEFORE_2020_10_20 = {"english_clb_4_or_less": 15, "english_clb_5_or_more": 30}
FRENCH_FROM_2020_10_20 = {"english_clb_4_or_less": 25, "english_clb_5_or_more": 50}
SIBLING = 15
ADDITIONAL_CAP = 600

# --- work experience (IRPR s. 73) -------------------------------------------------

FULL_TIME_HOURS_A_WEEK = 30
HOURS_A_YEAR = 1560
WINDOW_YEARS = 10
LANGUAGE_VALID_YEARS = 2
ECA_VALID_YEARS = 5


# --- helpers ----------------------------------------------------------------------


def completed_years(born: date, on: date) -> int:
    """Age in completed years on ``on`` (a 29 February birthday is reached on 1 March).

    >>> completed_years(date(1996, 11, 22), date(2026, 11, 21))
    29
    >>> completed_years(date(1996, 11, 22), date(2026, 11, 22))
    30
    """
    had_birthday = (on.month, on.day) >= (born.month, born.day)
    return on.year - born.year - (0 if had_birthday else 1)


def _valid(first_day: date, years: int, on: date) -> bool:
    """Whether a document valid ``years`` from ``first_day`` is valid on ``on``."""
    return first_day <= on < first_day + relativedelta(years=years)


def valid_result(result: LanguageResult | None, on: date) -> LanguageResult | None:
    """``result`` if it is valid on ``on``, else ``None`` (an expired result is no result)."""
    if result is None:
        return None
    first_day = result.test_date if result.result_date is None else result.result_date
    return result if _valid(first_day, LANGUAGE_VALID_YEARS, on) else None


_LOWEST_LEVEL_OF = {
    CanadianCredential.NONE: EducationLevel.LESS_THAN_SECONDARY,
    CanadianCredential.SECONDARY: EducationLevel.SECONDARY,
    CanadianCredential.ONE_OR_TWO_YEAR: EducationLevel.ONE_YEAR,
    CanadianCredential.THREE_YEAR_OR_MORE: EducationLevel.BACHELORS,
}
_HIGHEST_LEVEL_OF = {
    CanadianCredential.NONE: EducationLevel.LESS_THAN_SECONDARY,
    CanadianCredential.SECONDARY: EducationLevel.SECONDARY,
    CanadianCredential.ONE_OR_TWO_YEAR: EducationLevel.TWO_YEAR,
    CanadianCredential.THREE_YEAR_OR_MORE: EducationLevel.DOCTORAL,
}


def scored_education(education: Education, on: date) -> EducationLevel:
    """The level that earns points on ``on``.

    A level the Canadian credential can be counts as it is. A higher level must be
    foreign: it counts only with an ECA valid on ``on``; otherwise the Canadian
    credential counts at the lowest level it can be (or nothing counts).
    """
    level, credential = education.level, education.canadian_credential
    rank = list(EducationLevel).index
    if rank(level) <= rank(_HIGHEST_LEVEL_OF[credential]):
        return level
    eca = education.eca_issued
    if eca is not None and _valid(eca, ECA_VALID_YEARS, on):
        return level
    return _LOWEST_LEVEL_OF[credential]


def _per_ability(table: Iterable[tuple[int, ...]], level: int) -> tuple[int, ...]:
    """The points of the last row of ``table`` whose lowest level is at most ``level``."""
    points: tuple[int, ...] = ()
    for row in table:
        if row[0] <= level:
            points = row[1:]
    return points


def _is_skilled(p: WorkPeriod) -> bool:
    return int(p.noc[1]) <= 3  # TEER 0, 1, 2 or 3: the second digit of the NOC 2021 code


def is_canadian(p: WorkPeriod) -> bool:
    """Skilled, paid, authorized work in Canada, not as a full-time student."""
    return (
        p.in_canada
        and _is_skilled(p)
        and not p.self_employed
        and not p.full_time_student
        and p.authorized
    )


def is_foreign(p: WorkPeriod) -> bool:
    """Skilled work outside Canada."""
    return not p.in_canada and _is_skilled(p)


def experience_hours(
    periods: Iterable[WorkPeriod], counts: Callable[[WorkPeriod], bool], as_of: date
) -> Fraction:
    """Hours of work of a kind in the 10 years before ``as_of``, capped at 30 a week.

    Each day of the window (from ``as_of`` minus 10 years to the day before
    ``as_of``) earns the hours of every job of the kind held that day, at
    ``hours_per_week / 7`` a job, at most ``30 / 7`` in all. The days are summed
    stretch by stretch: between two days where a job starts or ends the hours a
    day do not change.
    """
    window_start = as_of - relativedelta(years=WINDOW_YEARS)
    change: dict[date, Fraction] = {}  # day -> change of the weekly hours that day
    for p in periods:
        if not counts(p):
            continue
        first = max(p.start, window_start)
        last = as_of - timedelta(days=1) if p.end is None else min(p.end, as_of - timedelta(1))
        if first > last:
            continue
        weekly = Fraction(p.hours_per_week)
        change[first] = change.get(first, Fraction(0)) + weekly
        after = last + timedelta(days=1)
        change[after] = change.get(after, Fraction(0)) - weekly
    hours = Fraction(0)
    weekly = Fraction(0)
    previous: date | None = None
    for day in sorted(change):
        if previous is not None:
            hours += (day - previous).days * min(weekly, Fraction(FULL_TIME_HOURS_A_WEEK)) / 7
        weekly += change[day]
        previous = day
    return hours


def _years(periods: Iterable[WorkPeriod], counts: Callable[[WorkPeriod], bool], on: date) -> int:
    # The library's documented reading (HOURS_DIGITS): hours are counted to the
    # millionth of an hour before whole years are taken.
    return int(round(experience_hours(periods, counts, on), 6) // HOURS_A_YEAR)


def canadian_years(periods: Iterable[WorkPeriod], on: date) -> int:
    """Whole years of Canadian skilled work in the 10 years before ``on``."""
    return _years(periods, is_canadian, on)


def foreign_years(periods: Iterable[WorkPeriod], on: date) -> int:
    """Whole years of foreign skilled work in the 10 years before ``on``."""
    return _years(periods, is_foreign, on)


# --- the factors ------------------------------------------------------------------


def age_points(c: Candidate, on: date, column: int) -> int:
    """Points for age; ``column`` is 0 with a spouse, 1 without."""
    return AGE.get(completed_years(c.date_of_birth, on), (0, 0))[column]


def education_points(level: EducationLevel, column: int) -> int:
    """Points for the level of education scored."""
    return EDUCATION[level][column]


def first_language_points(first: LanguageResult | None, column: int) -> int:
    """Points for the four abilities in the first official language."""
    if first is None:
        return 0
    return sum(_per_ability(FIRST_LANGUAGE, level)[column] for level in first.levels)


def second_language_points(second: LanguageResult | None, column: int) -> int:
    """Points for the second official language, capped at 22 (with spouse) or 24."""
    if second is None:
        return 0
    points = sum(_per_ability(SECOND_LANGUAGE, level)[0] for level in second.levels)
    return min(points, SECOND_LANGUAGE_CAP[column])


def canadian_work_points(years: int, column: int) -> int:
    """Points for years of Canadian skilled work (5 or more count as 5)."""
    return CANADIAN_WORK[min(years, 5)][column]


def spouse_points(spouse: Spouse, on: date) -> int:
    """Spouse factors: education, first official language, Canadian work (max 40)."""
    education = 0
    if spouse.education is not None:
        education = SPOUSE_EDUCATION[scored_education(spouse.education, on)]
    language = 0
    result = valid_result(spouse.language, on)
    if result is not None:
        language = sum(_per_ability(SPOUSE_LANGUAGE, level)[0] for level in result.levels)
    work = SPOUSE_CANADIAN_WORK[min(canadian_years(spouse.work_history.periods, on), 5)]
    return education + language + work


def _language_column(first: LanguageResult | None) -> int | None:
    """Transferability column of the first language: 1 for CLB 9+ on all four, 0 for CLB 7+."""
    if first is None:
        return None
    lowest = min(first.levels)
    if lowest >= 9:
        return 1
    if lowest >= 7:
        return 0
    return None


def _canadian_work_column(years: int) -> int | None:
    """Transferability column of Canadian work: 1 for 2 years or more, 0 for 1 year."""
    if years >= 2:
        return 1
    if years == 1:
        return 0
    return None


def _combination(tier: int, column: int | None) -> int:
    return 0 if column is None else COMBINATION[tier][column]


def transferability_points(
    level: EducationLevel, first: LanguageResult | None, canadian: int, foreign: int, cert: bool
) -> int:
    """Skill transferability: education, foreign work, certificate (max 100)."""
    language = _language_column(first)
    work = _canadian_work_column(canadian)
    tier = EDUCATION_TIER[level]
    education = min(GROUP_CAP, _combination(tier, language) + _combination(tier, work))
    foreign_tier = 2 if foreign >= 3 else (1 if foreign >= 1 else 0)
    abroad = min(GROUP_CAP, _combination(foreign_tier, language) + _combination(foreign_tier, work))
    certificate = 0
    if cert and first is not None:
        lowest = min(first.levels)
        if lowest >= 7:
            certificate = CERTIFICATE["clb7"]
        elif lowest >= 5:
            certificate = CERTIFICATE["clb5"]
    return min(TRANSFERABILITY_CAP, education + abroad + certificate)


def job_offer_points(c: Candidate, on: date) -> int:
    """Arranged employment: 600, then 200 or 50 from 2016-11-19, then 0 from 2025-03-25."""
    offer = c.job_offer
    if offer is None or int(offer.noc[1]) > 3 or on >= JOB_OFFER_POINTS_REMOVED:
        return 0
    if on < STUDY_AND_NEW_JOB_OFFER_POINTS:
        return JOB_OFFER_BEFORE_2016_11_19
    if offer.noc.startswith("00"):
        return JOB_OFFER_MAJOR_GROUP_00
    return JOB_OFFER_OTHER_SKILLED


def canadian_study_points(c: Candidate, on: date) -> int:
    """Post-secondary education in Canada, from 2016-11-19."""
    if on < STUDY_AND_NEW_JOB_OFFER_POINTS:
        return 0
    return CANADIAN_STUDY[c.education.canadian_credential]


def french_points(c: Candidate, on: date) -> int:
    """NCLC 7+ on all four French abilities, from 2017-06-06; more with English CLB 5+."""
    if on < FRENCH_AND_SIBLING_POINTS:
        return 0
    french = valid_result(c.result_in(OfficialLanguage.FRENCH), on)
    if french is None or min(french.levels) < 7:
        return 0
    english = valid_result(c.result_in(OfficialLanguage.ENGLISH), on)
    case = (
        "english_clb_5_or_more"
        if english is not None and min(english.levels) >= 5
        else "english_clb_4_or_less"
    )
    table = FRENCH_BEFORE_2020_10_20 if on < FRENCH_POINTS_RAISED else FRENCH_FROM_2020_10_20
    return table[case]


def sibling_points(c: Candidate, on: date) -> int:
    """A brother or sister living in Canada, citizen or PR, from 2017-06-06."""
    return SIBLING if c.sibling_in_canada and on >= FRENCH_AND_SIBLING_POINTS else 0


# --- the score --------------------------------------------------------------------


@dataclass(frozen=True)
class ReferenceScore:
    """The four sections of the CRS and their total."""

    core: int
    spouse: int
    transferability: int
    additional: int

    @property
    def total(self) -> int:
        """The sum of the four sections."""
        return self.core + self.spouse + self.transferability + self.additional


def reference_breakdown(c: Candidate, as_of: date) -> ReferenceScore:
    """The CRS of ``c`` on ``as_of``, section by section."""
    spouse = c.spouse
    with_spouse = spouse is not None and spouse.accompanying and not spouse.canadian_citizen_or_pr
    column = 0 if with_spouse else 1
    first_language = c.first_official_language
    if first_language is None and len(c.languages) == 1:
        first_language = c.languages[0].test.language
    first = second = None
    if first_language is not None:
        other = (
            OfficialLanguage.FRENCH
            if first_language is OfficialLanguage.ENGLISH
            else OfficialLanguage.ENGLISH
        )
        first = valid_result(c.result_in(first_language), as_of)
        second = valid_result(c.result_in(other), as_of)
    periods = c.work_history.periods
    canadian = canadian_years(periods, as_of)
    foreign = foreign_years(periods, as_of)
    level = scored_education(c.education, as_of)

    core = (
        age_points(c, as_of, column)
        + education_points(level, column)
        + first_language_points(first, column)
        + second_language_points(second, column)
        + canadian_work_points(canadian, column)
    )
    spouse_total = spouse_points(spouse, as_of) if with_spouse and spouse is not None else 0
    transferability = transferability_points(
        level, first, canadian, foreign, c.certificate_of_qualification
    )
    additional = min(
        ADDITIONAL_CAP,
        (NOMINATION if c.provincial_nomination else 0)
        + job_offer_points(c, as_of)
        + canadian_study_points(c, as_of)
        + french_points(c, as_of)
        + sibling_points(c, as_of),
    )
    return ReferenceScore(core, spouse_total, transferability, additional)


def reference_score(c: Candidate, as_of: date) -> int:
    """The CRS total of ``c`` on ``as_of``."""
    return reference_breakdown(c, as_of).total
