"""Document validity: the one rule scoring and every eligibility check apply.

A language result is valid 2 years from the date of the result, an Educational
Credential Assessment (ECA) 5 years from its issue date
(:data:`~expressentry.rules.programs.LANGUAGE_RESULT_VALID_YEARS`,
:data:`~expressentry.rules.programs.ECA_VALID_YEARS`), read through the rule set
in use (:meth:`RuleSet.entry_for <expressentry.rules.RuleSet.entry_for>`): a
reform that replaces a period reaches the score, eligibility, the documents on
a day and the forecast alike. Each function takes ``rules`` (``None``: the rules
in force on the day; every rule set that does not replace a period reads the
same periods). On a day when a document
has expired, it counts for nothing: no CRS points, no program minimum met. The
CRS (:mod:`expressentry.crs`) and the programs (:mod:`expressentry.eligibility`)
both ask this module, so they never disagree about a document.

Two readings, made explicit:

- The period that applies is the one in force on the document's own date (the
  first one known for a document older than the rule tables): a document's
  expiry day is then a fact of the document, the same whatever day it is read.
  The periods have not changed since Express Entry opened. A reform's period
  applies to every document, whatever its date.
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
from typing import TYPE_CHECKING, Any, Final

from dateutil.relativedelta import relativedelta

from expressentry._checks import a_kind
from expressentry._memo import Memo
from expressentry._today import resolve
from expressentry.enums import EducationLevel
from expressentry.errors import FieldProblem, InvalidInputError
from expressentry.explain import RuleRef
from expressentry.i18n import Message, tr, trn
from expressentry.rules import LAST_REVIEWED, PERIOD_TIMELINES, RuleSet, rules_for
from expressentry.rules._timeline import Dated, Timeline
from expressentry.rules.dates import EXPRESS_ENTRY_OPENED
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
    "period",
    "period_ref",
    "pool_submission_days",
    "profile_exit",
    "rule_message",
    "rule_ref",
    "rule_words",
    "rules_of",
    "scored_level",
]

_ONE_DAY = timedelta(days=1)
_MEMO_SIZE = 65_536
"""Expiry days kept per rule set: every candidate of a pool asks for its documents'."""


def rules_of(rules: RuleSet | None, day: date, where: str) -> RuleSet:
    """``rules``, checked; ``None``: the rules in force on ``day``.

    A day before Express Entry opened takes the rules of its first day (a
    document may be older than the rule tables).

    Raises:
        InvalidInputError: ``rules`` is neither a RuleSet nor ``None``.
    """
    if rules is None:
        return rules_for(as_of=max(day, EXPRESS_ENTRY_OPENED))
    if not isinstance(rules, RuleSet):
        raise InvalidInputError(
            where, [FieldProblem("rules", rules, tr("must be a RuleSet (see rules_for) or None"))]
        )
    return rules


_LAW: Final = rules_for(as_of=LAST_REVIEWED)
"""A rule set that replaced no period: every such rule set reads the same periods
(the law's, by each document's own date), so they share the memos this one owns."""
_PERIOD_IDS: Final = frozenset(PERIOD_TIMELINES)


class _Memos:
    """The expiry days derived under one rule set's periods, remembered."""

    __slots__ = ("eca", "language", "pool_days", "profile_exit")

    def __init__(self, rules: RuleSet) -> None:
        self.language = Memo(functools.partial(_language_expiry, rules), size=_MEMO_SIZE)
        self.eca = Memo(functools.partial(_eca_expiry, rules), size=_MEMO_SIZE)
        self.profile_exit = Memo(functools.partial(_profile_exit, rules), size=_MEMO_SIZE)
        self.pool_days = Memo(functools.partial(_pool_submission_days, rules), size=4_096)


def _memos(rules: RuleSet | None, where: str) -> _Memos:
    """The memos of ``rules``' periods: its own if it replaced one, else the law's.

    Raises:
        InvalidInputError: ``rules`` is neither a RuleSet nor ``None``.
    """
    if rules is None:
        owner = _LAW
    elif type(rules) is not RuleSet:
        owner = rules_of(rules, EXPRESS_ENTRY_OPENED, where)  # a subclass, or the error
    else:
        owner = rules
    if owner is not _LAW and _PERIOD_IDS.isdisjoint(owner.replaced):
        owner = _LAW
    return owner.derived("validity.memos", _Memos)


def period(timeline: Timeline[Any], dated: date, *, rules: RuleSet | None = None) -> Dated[Any]:
    """The entry of a period that applies to a document (or invitation) of ``dated``.

    The period in force on ``dated`` (the first one known for an older
    document), or the period of a reform that replaced it.

    >>> period(LANGUAGE_RESULT_VALID_YEARS, date(2024, 2, 29)).value
    2

    Raises:
        InvalidInputError: ``rules`` is not a RuleSet, or ``timeline`` not a
            period (:data:`~expressentry.rules.PERIOD_TIMELINES`).
    """
    return rules_of(rules, dated, "period").entry_for(timeline, dated)


def _after(dated: date, delta: relativedelta, on_anniversary: bool) -> date:
    try:
        end = dated + delta
        return end if on_anniversary else end + _ONE_DAY
    except (ValueError, OverflowError):  # past 9999-12-31
        return date.max


def expiry(timeline: Timeline[int], dated: date, *, rules: RuleSet | None = None) -> date:
    """The first day a document dated ``dated`` is no longer valid (a period in years).

    A document so late that its expiry falls after the last day a date can
    hold (9999-12-31) never expires within the calendar.

    >>> expiry(ECA_VALID_YEARS, date(2024, 2, 29))
    datetime.date(2029, 2, 28)
    """
    years = period(timeline, dated, rules=rules).value
    return _after(dated, relativedelta(years=years), VALIDITY_ENDS_ON_ANNIVERSARY)


def expiry_in_months(
    timeline: Timeline[int],
    dated: date,
    *,
    valid_on_last_day: bool | None = None,
    rules: RuleSet | None = None,
) -> date:
    """The first day a document dated ``dated`` is no longer valid, for a period in months.

    The same rule as :func:`expiry`, for the periods counted in months (the
    profile's 12 months in the pool, a medical exam's 12 months, a police
    certificate's 6 months): the period that applies to the document's own date,
    counted with ``dateutil`` (a month end or a 29 February becomes the last
    day of the shorter month).

    Args:
        timeline: The period, in months.
        dated: The document's date.
        valid_on_last_day: Whether the document is still valid on the day the
            months run out. ``None`` takes the reading of every period whose text
            does not say (:data:`~expressentry.rules.programs.VALIDITY_ENDS_ON_ANNIVERSARY`);
            ``True`` is for a text that says "no more than N months".
        rules: The rule set (``None``: the rules in force on ``dated``).

    >>> from expressentry.rules.timelines import POLICE_CURRENT_COUNTRY_MONTHS as SIX
    >>> expiry_in_months(SIX, date(2024, 8, 31))
    datetime.date(2025, 2, 28)
    >>> expiry_in_months(SIX, date(2024, 8, 31), valid_on_last_day=True)
    datetime.date(2025, 3, 1)
    """
    on_anniversary = (
        VALIDITY_ENDS_ON_ANNIVERSARY if valid_on_last_day is None else not valid_on_last_day
    )
    months = period(timeline, dated, rules=rules).value
    return _after(dated, relativedelta(months=months), on_anniversary)


def _language_expiry(rules: RuleSet, dated: date) -> date:
    return expiry(LANGUAGE_RESULT_VALID_YEARS, dated, rules=rules)


def _eca_expiry(rules: RuleSet, issued: date) -> date:
    return expiry(ECA_VALID_YEARS, issued, rules=rules)


def _profile_exit(rules: RuleSet, submitted: date) -> date:
    return expiry_in_months(PROFILE_POOL_MONTHS, submitted, rules=rules)


def language_expiry(result: LanguageResult, *, rules: RuleSet | None = None) -> date:
    """The first day ``result`` is no longer valid (2 years from its result date).

    Without a ``result_date`` the 2 years are counted from the test date, which
    is never later than the result date: the expiry may come a little early,
    never late.

    Raises:
        InvalidInputError: ``result`` is not a :class:`~expressentry.LanguageResult`,
            or ``rules`` not a RuleSet.
    """
    try:
        start = result.valid_from
    except AttributeError:
        raise _not_a(result, "result", "LanguageResult", "language_expiry") from None
    return _memos(rules, "language_expiry").language(start)


def _not_a(value: object, name: str, what: str, where: str) -> InvalidInputError:  # what: a class
    """The error of an argument of the wrong type, found when it was first used.

    The functions here are called once per document of a pool, so they do not
    check types first: a wrong one is met as an ``AttributeError`` or a
    ``TypeError``, and reported as this.
    """
    return InvalidInputError(
        where, [FieldProblem(name, value, tr("must be {kind}", kind=a_kind(what)))]
    )


def _day_of(value: object, name: str, where: str) -> date:
    return resolve(value, name, where=where, optional=False)  # type: ignore[arg-type]


def language_valid(
    result: LanguageResult, *, as_of: date | None = None, rules: RuleSet | None = None
) -> bool:
    """Whether ``result`` is valid on ``as_of`` (``None``: today).

    Raises:
        InvalidInputError: ``as_of`` is not a date, ``result`` is not a
            :class:`~expressentry.LanguageResult`, or ``rules`` not a RuleSet.
    """
    if type(as_of) is not date:
        as_of = resolve(as_of, where="language_valid")
    try:
        start = result.valid_from
    except AttributeError:
        raise _not_a(result, "result", "LanguageResult", "language_valid") from None
    return as_of < _memos(rules, "language_valid").language(start)


def profile_exit(submitted: date, *, rules: RuleSet | None = None) -> date:
    """The first day a profile submitted on ``submitted`` (its UTC day) is out of the pool.

    >>> profile_exit(date(2024, 2, 29))
    datetime.date(2025, 2, 28)

    Raises:
        InvalidInputError: ``submitted`` is not a date, or ``rules`` not a RuleSet.
    """
    if type(submitted) is not date:
        submitted = _day_of(submitted, "submitted", "profile_exit")
    return _memos(rules, "profile_exit").profile_exit(submitted)


def in_pool_on(submitted: date, day: date, *, rules: RuleSet | None = None) -> bool:
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
        InvalidInputError: ``submitted`` or ``day`` is not a date, or ``rules``
            not a RuleSet.
    """
    if type(submitted) is not date:
        submitted = resolve(submitted, "submitted", where="in_pool_on", optional=False)
    if type(day) is not date:
        day = resolve(day, "day", where="in_pool_on", optional=False)
    return submitted <= day < _memos(rules, "in_pool_on").profile_exit(submitted)


def pool_submission_days(day: date, *, rules: RuleSet | None = None) -> tuple[date, date]:
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
        InvalidInputError: ``day`` is not a date, or ``rules`` not a RuleSet.
    """
    if type(day) is not date:
        day = resolve(day, "day", where="pool_submission_days", optional=False)
    return _memos(rules, "pool_submission_days").pool_days(day)


def _pool_submission_days(rules: RuleSet, day: date) -> tuple[date, date]:
    first = day
    while first > date.min and in_pool_on(first - _ONE_DAY, day, rules=rules):
        first -= _ONE_DAY
    return first, day


def eca_expiry(issued: date, *, rules: RuleSet | None = None) -> date:
    """The first day an ECA issued on ``issued`` is no longer valid (5 years).

    Raises:
        InvalidInputError: ``issued`` is not a date, or ``rules`` not a RuleSet.
    """
    if type(issued) is not date:
        issued = _day_of(issued, "issued", "eca_expiry")
    return _memos(rules, "eca_expiry").eca(issued)


def eca_valid(
    education: Education, *, as_of: date | None = None, rules: RuleSet | None = None
) -> bool:
    """Whether ``education`` has an ECA and it is valid on ``as_of`` (``None``: today).

    No ECA is never a valid ECA: a foreign credential without one earns nothing.

    Raises:
        InvalidInputError: ``as_of`` is not a date, ``education`` is not an
            :class:`~expressentry.Education`, or ``rules`` not a RuleSet.
    """
    if type(as_of) is not date:
        as_of = resolve(as_of, where="eca_valid")
    try:
        issued = education.eca_issued
    except AttributeError:
        raise _not_a(education, "education", "Education", "eca_valid") from None
    if issued is None:
        return False
    return as_of < _memos(rules, "eca_valid").eca(issued)


def scored_level(
    education: Education, *, as_of: date | None = None, rules: RuleSet | None = None
) -> EducationLevel:
    """The level that earns points on ``as_of`` (``None``: today).

    The highest level counts when it needs no ECA (it may be Canadian) or its
    ECA is valid; otherwise a Canadian credential still counts at the lowest
    level it can be, and without one nothing counts.

    Raises:
        InvalidInputError: ``as_of`` is not a date, ``education`` is not an
            :class:`~expressentry.Education`, or ``rules`` not a RuleSet.
    """
    if type(as_of) is not date:
        as_of = resolve(as_of, where="scored_level")
    try:
        needs_eca = education.needs_eca
    except AttributeError:
        raise _not_a(education, "education", "Education", "scored_level") from None
    if not needs_eca or eca_valid(education, as_of=as_of, rules=rules):
        return education.level
    canadian = education.canadian_level
    return EducationLevel.LESS_THAN_SECONDARY if canadian is None else canadian


def rule_ref(timeline: Timeline[Any], entry: Dated[Any]) -> RuleRef:
    """The reference a line or a status cites: ``entry`` of the rule ``timeline``."""
    return RuleRef(
        rule_id=timeline.rule_id, effective_from=entry.effective_from, source=entry.source
    )


def period_ref(timeline: Timeline[Any], dated: date, *, rules: RuleSet | None = None) -> RuleRef:
    """The reference to the period that applies to a document of ``dated`` (:func:`period`)."""
    return rule_ref(timeline, period(timeline, dated, rules=rules))


def rule_words(timeline: Timeline[Any], dated: date, *, rules: RuleSet | None = None) -> str:
    """``"valid 2 years"``: the period that applies to a document of ``dated``."""
    return str(rule_message(timeline, dated, rules=rules))


def rule_message(timeline: Timeline[Any], dated: date, *, rules: RuleSet | None = None) -> Message:
    """:func:`rule_words` as a message, to word it in either language."""
    years = period(timeline, dated, rules=rules).value
    return trn("valid {years} year", "valid {years} years", years, years=years)
