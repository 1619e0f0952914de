"""The limits of a real profile: what no living applicant's profile can hold.

These are not IRCC's rules but the bounds of the possible, so that a typo is
refused instead of scored: a birth in 1800, a test dated before the birth, a
result reported five years after its test, a million children. Each is one
named constant with its reason, and each refusal names its rule by id in square
brackets (``[plausibility.after_birth]``), so a user can look it up here.

The models apply the limits that need no day (:mod:`expressentry.models`);
:func:`expressentry.models.check_dates` applies the age on the day assessed.

>>> is_country_code("IN"), is_country_code("XX"), is_country_code("in")
(True, False, False)
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources
from typing import Final

from expressentry.rules.dates import EXPRESS_ENTRY_OPENED

__all__ = [
    "AFTER_BIRTH",
    "AGE",
    "COUNTRY_CODE",
    "DEPENDENT_CHILDREN",
    "EXTRA_COUNTRY_CODES",
    "MOST_DEPENDENT_CHILDREN",
    "OLDEST_AGE",
    "PROFILES_FROM",
    "PROFILE_SUBMITTED",
    "RESULT_DELAY",
    "RESULT_DELAY_DAYS",
    "RULES",
    "WORKING_AGE",
    "WORK_AGE",
    "country_codes",
    "is_country_code",
    "tag",
]

# -- the rules' ids, as refusals name them ---------------------------------------------------

AFTER_BIRTH: Final = "plausibility.after_birth"
AGE: Final = "plausibility.oldest_age"
WORK_AGE: Final = "plausibility.working_age"
RESULT_DELAY: Final = "plausibility.result_delay"
DEPENDENT_CHILDREN: Final = "plausibility.dependent_children"
PROFILE_SUBMITTED: Final = "plausibility.profile_submitted"
COUNTRY_CODE: Final = "plausibility.country_code"

# -- the limits ------------------------------------------------------------------------------

OLDEST_AGE: Final = 122
"""No one is older: the longest verified human life is 122 years (Jeanne Calment,
1875-1997). A birth date that makes the applicant 123 or older on the day assessed,
or a document, test, credential assessment, job or submission dated on or after the
123rd birthday, is refused (rule ``plausibility.oldest_age``). A passport's expiry is
not bound by it: it is a day in the future, not something done."""

WORKING_AGE: Final = 16
"""No job starts before the 16th birthday (1 March for a 29 February birth in a
common year): work of a child is not skilled work experience, and a start date
before it is a typo of the year (rule ``plausibility.working_age``). A spouse's
work is not checked: the profile holds no spouse's birth date."""

RESULT_DELAY_DAYS: Final = 90
"""A language test's result date is at most 90 days after its test date (rule
``plausibility.result_delay``). The designated tests report in days or weeks
(IELTS and CELPIP within about two weeks, PTE Core within days, TEF Canada and TCF
Canada within about six weeks), and a re-marked result follows within weeks. A later
result date would move the start of the 2 years of validity IRCC counts from it:
a 2020 test dated 2025 would be read as valid until 2027."""

MOST_DEPENDENT_CHILDREN: Final = 20
"""At most 20 dependent children (rule ``plausibility.dependent_children``). No
applicant has more, and the count sets the family size the settlement funds are
measured for, so a typo such as 1000000 would ask for billions of dollars."""

PROFILES_FROM: Final = EXPRESS_ENTRY_OPENED
"""No profile entered the Express Entry pool before the system opened on
2015-01-01 (rule ``plausibility.profile_submitted``; Canada Gazette Part I, Extra
No. 10, 2014-12-01,
http://www.gazette.gc.ca/rp-pr/p1/2014/2014-12-01-x10/html/extra10-eng.php).
Nor before the applicant's birth (``plausibility.after_birth``)."""

EXTRA_COUNTRY_CODES: Final = frozenset({"XK"})
"""Codes accepted beside the ISO 3166-1 alpha-2 codes (rule
``plausibility.country_code``): ``XK``, the code in common use for Kosovo, which ISO
has not assigned but whose police certificates IRCC asks for."""

RULES: Final[tuple[tuple[str, str], ...]] = (
    (AFTER_BIRTH, "no date of the profile is before the date of birth"),
    (AGE, f"no one is {OLDEST_AGE + 1} or older, on the day assessed or on any date"),
    (WORK_AGE, f"no job starts before the {WORKING_AGE}th birthday"),
    (RESULT_DELAY, f"a test's result date is at most {RESULT_DELAY_DAYS} days after it"),
    (DEPENDENT_CHILDREN, f"at most {MOST_DEPENDENT_CHILDREN} dependent children"),
    (PROFILE_SUBMITTED, f"no profile submitted before {PROFILES_FROM.isoformat()}"),
    (COUNTRY_CODE, "a country is an ISO 3166-1 alpha-2 code in capitals"),
)
"""Every rule of this module: its id and what it says."""


def tag(rule: str) -> str:
    """The mark a refusal ends with, naming its rule: ``[plausibility.after_birth]``."""
    return f"[{rule}]"


@cache
def country_codes() -> frozenset[str]:
    """Every ISO 3166-1 alpha-2 code officially assigned, and :data:`EXTRA_COUNTRY_CODES`.

    The list ships in ``expressentry/data/iso3166_1.csv`` (see its PROVENANCE).
    """
    text = resources.files("expressentry.data").joinpath("iso3166_1.csv").read_text("utf-8")
    codes = frozenset(row["alpha_2"] for row in csv.DictReader(text.splitlines()))
    return codes | EXTRA_COUNTRY_CODES


def is_country_code(code: object) -> bool:
    """Whether ``code`` is a country's code as a profile writes it (``"IN"``, not ``"in"``)."""
    return type(code) is str and code in country_codes()
