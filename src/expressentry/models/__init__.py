"""The candidate's profile: immutable, validated, in the words of the Express Entry form.

Every model is a frozen attrs class with keyword-only arguments. Each one checks
all of its fields when it is built (:func:`attrs.evolve` too) and raises one
:class:`~expressentry.errors.InvalidInputError` naming every bad field and its
value, so no bad value ever reaches a computation. Nothing is clamped or guessed.

Types are checked first: booleans are ``bool``; whole numbers ``int`` (never
``bool``); numbers ``int`` or ``float`` (never ``bool``, NaN or infinite); dates
``date`` and not ``datetime``; enum fields a member of their enum (a string equal
to a value is refused); nested models an instance of their class. Value checks
then run on the fields of the right type only.

>>> from datetime import date
>>> r = LanguageResult(test=LanguageTest.IELTS_GENERAL, test_date=date(2025, 1, 10),
...                    listening=8.0, speaking=7.0, reading=7.0, writing=7.0)
>>> r.clb(Ability.LISTENING)
9
>>> LanguageResult(test=LanguageTest.IELTS_GENERAL, test_date=date(2025, 1, 10),
...                listening=9.5, speaking=7.0, reading=7.0, writing=7.25)
Traceback (most recent call last):
...
expressentry.errors.InvalidInputError: invalid LanguageResult:
  listening: ... (got 9.5)
  writing: ... (got 7.25)
"""

from __future__ import annotations

from expressentry.enums import Ability, LanguageTest  # noqa: F401 (the doctest above)
from expressentry.models._fields import noc_teer
from expressentry.models.candidate import (
    Candidate,
    Spouse,
    check_dates,
    require_candidate,
    results_under,
)
from expressentry.models.documents import JobOffer, PoliceCertificate
from expressentry.models.education import Education
from expressentry.models.language import LanguageResult, levels_under, read_under
from expressentry.models.work import WorkHistory, WorkPeriod

__all__ = [
    "Candidate",
    "Education",
    "JobOffer",
    "LanguageResult",
    "PoliceCertificate",
    "Spouse",
    "WorkHistory",
    "WorkPeriod",
    "check_dates",
    "levels_under",
    "noc_teer",
    "read_under",
    "require_candidate",
    "results_under",
]
