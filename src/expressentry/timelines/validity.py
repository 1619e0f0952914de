"""Document validity: the one rule scoring and every eligibility check apply.

A language result is valid 2 years from the date of the result, an Educational
Credential Assessment (ECA) 5 years from its issue date
(:data:`~expressentry.rules.programs.LANGUAGE_RESULT_VALID_YEARS`,
:data:`~expressentry.rules.programs.ECA_VALID_YEARS`). On a day when a document
has expired, it counts for nothing: no CRS points, no program minimum met. The
CRS (:mod:`expressentry.crs`) and the programs (:mod:`expressentry.eligibility`)
both ask this module, so they never disagree about a document.

Two readings, made explicit:

- The period that applies is the one in force on the document's own date (the
  first one known for a document older than the rule tables): a document's
  expiry day is then a fact of the document, the same whatever day it is read.
  The periods have not changed since Express Entry opened.
- A document dated D is valid while ``D <= day < D + N years``
  (:data:`~expressentry.rules.programs.VALIDITY_ENDS_ON_ANNIVERSARY`); with the
  other reading it would still be valid on the anniversary itself.

>>> from datetime import date
>>> from expressentry.enums import LanguageTest
>>> from expressentry.models import LanguageResult
>>> r = LanguageResult(test=LanguageTest.CELPIP_GENERAL, test_date=date(2024, 2, 29),
...                    listening=9, speaking=9, reading=9, writing=9)
>>> language_expiry(r)
datetime.date(2026, 2, 28)
>>> language_valid(r, as_of=date(2026, 2, 27)), language_valid(r, as_of=date(2026, 2, 28))
(True, False)
"""

from __future__ import annotations

import functools
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from dateutil.relativedelta import relativedelta

from expressentry._today import resolve
from expressentry.enums import EducationLevel
from expressentry.errors import FieldProblem, InvalidInputError
from expressentry.explain import RuleRef
from expressentry.rules._timeline import Dated, Timeline
from expressentry.rules.programs import (
    ECA_VALID_YEARS,
    LANGUAGE_RESULT_VALID_YEARS,
    VALIDITY_ENDS_ON_ANNIVERSARY,
)
from expressentry.rules.timelines import PROFILE_POOL_MONTHS

if TYPE_CHECKING:
    from expressentry.models import Education, LanguageResult

__all__ = [
    "eca_expiry",
    "eca_valid",
    "expiry",
    "expiry_in_months",
    "in_pool_on",
    "language_expiry",
    "language_valid",
    "pool_submission_days",
    "profile_exit",
    "rule_ref",
    "scored_level",
    "validity_years",
]


def validity_years(timeline: Timeline[int], dated: date) -> int:
    """Years a document dated ``dated`` stays valid: the period in force that day.

    A document older than the first known period takes the first one. (For a
    period in months, the same lookup gives the months.)
    """
    return timeline.at(max(dated, timeline.first)).value


def expiry(timeline: Timeline[int], dated: date) -> date:
    """The first day a document dated ``dated`` is no longer valid.

    A document so late that its expiry falls after the last day a date can
    hold (9999-12-31) never expires within the calendar.
    """
    try:
        end = dated + relativedelta(years=validity_years(timeline, dated))
        return end if VALIDITY_ENDS_ON_ANNIVERSARY else end + timedelta(days=1)
    except (ValueError, OverflowError):  # past 9999-12-31
        return date.max


def expiry_in_months(
    timeline: Timeline[int], dated: date, *, valid_on_last_day: bool | None = None
) -> date:
    """The first day a document dated ``dated`` is no longer valid, for a period in months.

    The same rule as :func:`expiry`, for the periods counted in months (the
    profile's 12 months in the pool, a medical exam's 12 months, a police
    certificate's 6 months): the period in force on the document's own date,
    counted with ``dateutil`` (a month end or a 29 February becomes the last
    day of the shorter month).

    Args:
        timeline: The period, in months.
        dated: The document's date.
        valid_on_last_day: Whether the document is still valid on the day the
            months run out. ``None`` takes the reading of every period whose text
            does not say (:data:`~expressentry.rules.programs.VALIDITY_ENDS_ON_ANNIVERSARY`);
            ``True`` is for a text that says "no more than N months".

    >>> from expressentry.rules._timeline import Dated, Source
    >>> src = Source("demo", "Demo", "https://www.canada.ca/", date(2026, 11, 22))
    >>> six = Timeline("demo.months", (Dated(date(2015, 1, 1), 6, src),))
    >>> expiry_in_months(six, date(2024, 8, 31))
    datetime.date(2025, 2, 28)
    >>> expiry_in_months(six, date(2024, 8, 31), valid_on_last_day=True)
    datetime.date(2025, 3, 1)
    """
    on_anniversary = (
        VALIDITY_ENDS_ON_ANNIVERSARY if valid_on_last_day is None else not valid_on_last_day
    )
    try:
        end = dated + relativedelta(months=validity_years(timeline, dated))
        return end if on_anniversary else end + timedelta(days=1)
    except (ValueError, OverflowError):  # past 9999-12-31
        return date.max


# Every candidate built asks for its documents' expiry days: cached by date alone
# (hashing a timeline on each call would cost more than the arithmetic).
_language_expiry = functools.lru_cache(maxsize=65_536)(
    functools.partial(expiry, LANGUAGE_RESULT_VALID_YEARS)
)
_eca_expiry = functools.lru_cache(maxsize=65_536)(functools.partial(expiry, ECA_VALID_YEARS))
_ONE_DAY = timedelta(days=1)
_profile_exit = functools.lru_cache(maxsize=65_536)(
    functools.partial(expiry_in_months, PROFILE_POOL_MONTHS)
)


def language_expiry(result: LanguageResult) -> date:
    """The first day ``result`` is no longer valid (2 years from its result date).

    Without a ``result_date`` the 2 years are counted from the test date, which
    is never later than the result date: the expiry may come a little early,
    never late.

    Raises:
        InvalidInputError: ``result`` is not a :class:`~expressentry.LanguageResult`.
    """
    try:
        return _language_expiry(result.valid_from)
    except AttributeError:
        raise _not_a(result, "result", "a LanguageResult", "language_expiry") from None


def _not_a(value: object, name: str, what: str, where: str) -> InvalidInputError:
    """The error of an argument of the wrong type, found when it was first used.

    The functions here are called once per document of a pool, so they do not
    check types first: a wrong one is met as an ``AttributeError`` or a
    ``TypeError``, and reported as this.
    """
    return InvalidInputError(where, [FieldProblem(name, value, f"must be {what}")])


def _day_of(value: object, name: str, where: str) -> date:
    return resolve(value, name, where=where, optional=False)  # type: ignore[arg-type]


def language_valid(result: LanguageResult, *, as_of: date | None = None) -> bool:
    """Whether ``result`` is valid on ``as_of`` (``None``: today).

    Raises:
        InvalidInputError: ``as_of`` is not a date, or ``result`` is not a
            :class:`~expressentry.LanguageResult`.
    """
    if type(as_of) is not date:
        as_of = resolve(as_of, where="language_valid")
    try:
        return as_of < _language_expiry(result.valid_from)
    except AttributeError:
        raise _not_a(result, "result", "a LanguageResult", "language_valid") from None


def profile_exit(submitted: date) -> date:
    """The first day a profile submitted on ``submitted`` (its UTC day) is out of the pool.

    >>> profile_exit(date(2024, 2, 29))
    datetime.date(2025, 2, 28)

    Raises:
        InvalidInputError: ``submitted`` is not a date.
    """
    if type(submitted) is not date:
        submitted = _day_of(submitted, "submitted", "profile_exit")
    return _profile_exit(submitted)


def in_pool_on(submitted: date, day: date) -> bool:
    """Whether a profile submitted on ``submitted`` (its UTC day) is in the pool on ``day``.

    The one pool rule every part of the package applies (the outlook, a round's
    selection, the replay, the timelines and the forecast): a profile is in the
    pool from the day it is submitted up to the day before :func:`profile_exit`,
    ``submitted <= day < profile_exit(submitted)`` (12 months,
    :data:`~expressentry.rules.timelines.PROFILE_POOL_MONTHS`).

    >>> submitted = date(2025, 10, 1)
    >>> [in_pool_on(submitted, d) for d in (date(2025, 9, 30), submitted)]
    [False, True]
    >>> [in_pool_on(submitted, d) for d in (date(2026, 9, 30), date(2026, 10, 1))]
    [True, False]

    Raises:
        InvalidInputError: ``submitted`` or ``day`` is not a date.
    """
    if type(submitted) is not date:
        submitted = resolve(submitted, "submitted", where="in_pool_on", optional=False)
    if type(day) is not date:
        day = resolve(day, "day", where="in_pool_on", optional=False)
    return submitted <= day < profile_exit(submitted)


def pool_submission_days(day: date) -> tuple[date, date]:
    """The first and last submission days of the profiles in the pool on ``day``.

    A profile submitted on ``s`` is in the pool on ``day`` exactly when
    ``first <= s <= last`` (``last`` is ``day`` itself): :func:`in_pool_on` read
    the other way, so that a pool of a million profiles is filtered with two
    comparisons each. The days are found by asking :func:`in_pool_on` itself,
    going back from ``day``; they are one unbroken run because a later
    submission never leaves the pool earlier (:func:`profile_exit` never
    decreases).

    >>> pool_submission_days(date(2026, 9, 30))
    (datetime.date(2025, 10, 1), datetime.date(2026, 9, 30))
    >>> pool_submission_days(date(2025, 2, 28))  # 2024-02-29 leaves on 2025-02-28
    (datetime.date(2024, 3, 1), datetime.date(2025, 2, 28))

    Raises:
        InvalidInputError: ``day`` is not a date.
    """
    if type(day) is not date:
        day = resolve(day, "day", where="pool_submission_days", optional=False)
    return _pool_submission_days(day)


@functools.lru_cache(maxsize=4_096)
def _pool_submission_days(day: date) -> tuple[date, date]:
    first = day
    while first > date.min and in_pool_on(first - _ONE_DAY, day):
        first -= _ONE_DAY
    return first, day


def eca_expiry(issued: date) -> date:
    """The first day an ECA issued on ``issued`` is no longer valid (5 years).

    Raises:
        InvalidInputError: ``issued`` is not a date.
    """
    if type(issued) is not date:
        issued = _day_of(issued, "issued", "eca_expiry")
    return _eca_expiry(issued)


def eca_valid(education: Education, *, as_of: date | None = None) -> bool:
    """Whether ``education`` has an ECA and it is valid on ``as_of`` (``None``: today).

    No ECA is never a valid ECA: a foreign credential without one earns nothing.

    Raises:
        InvalidInputError: ``as_of`` is not a date, or ``education`` is not an
            :class:`~expressentry.Education`.
    """
    if type(as_of) is not date:
        as_of = resolve(as_of, where="eca_valid")
    try:
        issued = education.eca_issued
    except AttributeError:
        raise _not_a(education, "education", "an Education", "eca_valid") from None
    return issued is not None and as_of < eca_expiry(issued)


def scored_level(education: Education, *, as_of: date | None = None) -> EducationLevel:
    """The level that earns points on ``as_of`` (``None``: today).

    The highest level counts when it needs no ECA (it may be Canadian) or its
    ECA is valid; otherwise a Canadian credential still counts at the lowest
    level it can be, and without one nothing counts.

    Raises:
        InvalidInputError: ``as_of`` is not a date, or ``education`` is not an
            :class:`~expressentry.Education`.
    """
    if type(as_of) is not date:
        as_of = resolve(as_of, where="scored_level")
    try:
        needs_eca = education.needs_eca
    except AttributeError:
        raise _not_a(education, "education", "an Education", "scored_level") from None
    if not needs_eca or eca_valid(education, as_of=as_of):
        return education.level
    canadian = education.canadian_level
    return EducationLevel.LESS_THAN_SECONDARY if canadian is None else canadian


def rule_ref(timeline: Timeline[Any], entry: Dated[Any]) -> RuleRef:
    """The reference a line or a status cites: ``entry`` of the rule ``timeline``."""
    return RuleRef(
        rule_id=timeline.rule_id, effective_from=entry.effective_from, source=entry.source
    )


def rule_words(timeline: Timeline[Any], dated: date) -> str:
    """``"valid 2 years"``: the period that applies to a document of ``dated``."""
    years = validity_years(timeline, dated)
    return f"valid {years} year{'s' if years != 1 else ''}"
