"""The rules in force on a day, and reforms derived from them.

:func:`rules_for` resolves every rule timeline on one day into an immutable
:class:`RuleSet`. Rule sets are cached by *change point* (the latest day any rule
changed on or before the day asked for), so a whole pool scored on one day
resolves the rules once.

A reform is a rule set derived from another: replace a table, zero a factor or
add one, then score under it (the idea of OpenFisca's reforms).

>>> from datetime import date
>>> rules = rules_for(as_of=date(2025, 3, 24))
>>> dict(rules.additional_job_offer.value)
{<JobOfferKind.MAJOR_GROUP_00: 'major_group_00'>: 200, <JobOfferKind.OTHER_SKILLED: 'other_skilled'>: 50}
>>> rules_for(as_of=date(2025, 3, 25)).in_force_from
datetime.date(2025, 3, 25)
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Mapping
from datetime import date
from types import MappingProxyType
from typing import Any, Final, TypeVar, overload

import attrs
from attrs import frozen

from expressentry._memo import Memo
from expressentry._reprs import cut, listed
from expressentry._today import resolve
from expressentry.enums import (
    CanadianCredential,
    EducationLevel,
    EducationTier,
    ForeignExperienceTier,
    FrenchBonus,
    JobOfferKind,
    LanguageTest,
)
from expressentry.errors import DataError, FieldProblem, InvalidInputError, RulesNotInForceError
from expressentry.i18n import tr
from expressentry.rules import (
    categories,
    fsw_grid,
    language_tables,
    programs,
    settlement_funds,
    timelines,
)
from expressentry.rules._factors import AddedFactor
from expressentry.rules._names import CRS_IDS, CRS_RULES, attribute_of, factor_of
from expressentry.rules._pickling import Portable, build
from expressentry.rules._tables import SpouseSteps, Steps, zeroed
from expressentry.rules._timeline import (
    LAST_REVIEWED,
    Dated,
    ReviewedResult,
    Source,
    Timeline,
    edition_message,
)
from expressentry.rules._values import LIMITS, RISING, checked_value
from expressentry.rules.language_tables import LanguageChart

__all__ = [
    "CRS_TIMELINES",
    "ELIGIBILITY_TIMELINES",
    "LAST_REVIEWED",
    "PERIOD_TIMELINES",
    "TIMELINES",
    "AddedFactor",
    "Dated",
    "LanguageChart",
    "ReviewedResult",
    "RuleSet",
    "Source",
    "SpouseSteps",
    "Steps",
    "Timeline",
    "attribute_of",
    "factor_of",
    "resolve_rules",
    "rules_for",
]

CRS_TIMELINES: Final[Mapping[str, Timeline[Any]]] = MappingProxyType(
    {attribute_of(t.rule_id): t for t in CRS_RULES}
)
"""Every timeline a :class:`RuleSet` resolves, by the attribute that holds it
(:func:`attribute_of` its rule id)."""

_ELIGIBILITY: Final[tuple[Timeline[Any], ...]] = (
    programs.FSW_WINDOW_YEARS,
    programs.FSW_MIN_HOURS,
    programs.CEC_WINDOW_YEARS,
    programs.CEC_MIN_HOURS,
    programs.CEC_MIN_CLB_BY_TEER,
    programs.FST_WINDOW_YEARS,
    programs.FST_MIN_HOURS,
    programs.FST_MIN_CLB,
    programs.FST_TRADE_GROUPS,
    programs.FUNDS_REQUIRED,
    programs.FUNDS_EXEMPTION,
    programs.OUTSIDE_QUEBEC,
    *fsw_grid.TIMELINES,
    settlement_funds.SETTLEMENT_FUNDS,
    categories.CATEGORY_WORK_RULE,
    categories.CATEGORY_SETS,
)
ELIGIBILITY_TIMELINES: Final[Mapping[str, Timeline[Any]]] = MappingProxyType(
    {t.rule_id: t for t in _ELIGIBILITY}
)
"""Every eligibility rule a :class:`RuleSet` resolves, by rule id: program
minimums, the FSW grid and pass mark, settlement funds and the categories.

The periods of documents and invitations are not among them: they are read on a
day of their own (:data:`PERIOD_TIMELINES`)."""

_PERIODS: Final[tuple[Timeline[Any], ...]] = (
    programs.LANGUAGE_RESULT_VALID_YEARS,
    programs.ECA_VALID_YEARS,
    timelines.ITA_WINDOW_DAYS,
    timelines.PROFILE_POOL_MONTHS,
    timelines.MEDICAL_VALID_MONTHS,
    timelines.UPFRONT_MEDICAL_REQUIRED,
    timelines.POLICE_CURRENT_COUNTRY_MONTHS,
    timelines.AGE_LOCKED_AT_INVITATION,
)
PERIOD_TIMELINES: Final[Mapping[str, Timeline[Any]]] = MappingProxyType(
    {t.rule_id: t for t in _PERIODS}
)
"""Every rule a :class:`RuleSet` holds that is read on a day of its own, by rule id.

A language result's validity and an ECA's are the periods in force on the
document's own date; so are the months a profile stays in the pool (from its
submission), a medical exam's and a police certificate's; the invitation's
window and the age lock are those of the invitation's day; the upfront medical
those of the day of applying. :meth:`RuleSet.entry_for` reads them so: a
document's expiry day is a fact of the document, whatever day it is read. A
reform that replaces one (:meth:`RuleSet.replace`) applies its value to every
document and invitation, whatever its day."""

TIMELINES: Final[tuple[Timeline[Any], ...]] = (
    *CRS_TIMELINES.values(),
    *language_tables.CHARTS.values(),
    *fsw_grid.TIMELINES,
    *settlement_funds.TIMELINES,
    *programs.TIMELINES,
    categories.CATEGORY_WORK_RULE,
    categories.CATEGORY_SETS,
    *timelines.TIMELINES,
)
"""Every rule timeline the library ships (the rules reference lists each one)."""

_FIRST: Final = max(t.first for t in CRS_TIMELINES.values())
"""The first day every CRS rule was in force: Express Entry opened."""
_CHANGE_POINTS: Final = tuple(
    sorted(
        {_FIRST}
        | {
            d
            for t in (*CRS_TIMELINES.values(), *ELIGIBILITY_TIMELINES.values(), *_PERIODS)
            for d in t.change_dates
            if d > _FIRST
        }
    )
)
"""Days on which a rule a :class:`RuleSet` resolves changed. Language charts are
looked up on their own (by the test's date), as is the validity of documents."""

T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")


@frozen(kw_only=True, repr=False)
class RuleSet:
    """Every rule in force on one day, each with its dated source.

    The CRS and eligibility (programs, the FSW grid, settlement funds, categories).
    Build one with :func:`rules_for`; derive reforms with :meth:`replace`,
    :meth:`zero` and :meth:`add_factor`, and pass it to
    :func:`~expressentry.score`, :func:`~expressentry.score_many` or
    :func:`~expressentry.assess`. Fields hold :class:`Dated` entries so a
    breakdown line or a requirement can cite the entry behind it. Each CRS rule
    is also an attribute, named by :func:`attribute_of` its rule id
    (``crs.spouse.first_language`` is ``spouse_first_language``); every rule, by
    timeline or id, is read with :meth:`entry`.

    ``in_force_from`` is the day the latest *CRS* rule of the set took effect (the
    edition a score names); each eligibility rule carries its own day.

    Its repr is the day and, for a reform, what it changed:

    >>> from datetime import date
    >>> rules_for(as_of=date(2026, 11, 22)).replace(
    ...     "crs.additional.sibling", 0, reform="no sibling points")
    RuleSet(in force from 2025-03-25, reform: no sibling points; replaced: crs.additional.sibling)
    """

    in_force_from: date
    reform: str | None = None
    age: Dated[SpouseSteps]
    education: Dated[Mapping[EducationLevel, tuple[int, int]]]
    first_language: Dated[SpouseSteps]
    second_language: Dated[Steps]
    second_language_cap: Dated[tuple[int, int]]
    canadian_experience: Dated[SpouseSteps]
    spouse_education: Dated[Mapping[EducationLevel, int]]
    spouse_first_language: Dated[Steps]
    spouse_canadian_experience: Dated[Steps]
    transferability_education_language: Dated[Mapping[EducationTier, tuple[int, int]]]
    transferability_education_experience: Dated[Mapping[EducationTier, tuple[int, int]]]
    transferability_foreign_language: Dated[Mapping[ForeignExperienceTier, tuple[int, int]]]
    transferability_foreign_experience: Dated[Mapping[ForeignExperienceTier, tuple[int, int]]]
    transferability_certificate_language: Dated[tuple[int, int]]
    transferability_language_levels: Dated[tuple[int, int]]
    transferability_canadian_experience_years: Dated[tuple[int, int]]
    transferability_foreign_experience_years: Dated[tuple[int, int]]
    transferability_certificate_language_levels: Dated[tuple[int, int]]
    transferability_group_cap: Dated[int]
    transferability_cap: Dated[int]
    additional_provincial_nomination: Dated[int]
    additional_job_offer: Dated[Mapping[JobOfferKind, int]]
    additional_canadian_study: Dated[Mapping[CanadianCredential, int]]
    additional_french: Dated[Mapping[FrenchBonus, int]]
    additional_french_levels: Dated[tuple[int, int]]
    additional_sibling: Dated[int]
    additional_cap: Dated[int]
    skilled_teers: Dated[frozenset[int]]
    weekly_hours_cap: Dated[int]
    hours_per_year: Dated[int]
    crs_window_years: Dated[int]
    added_factors: tuple[AddedFactor, ...] = ()
    eligibility: Mapping[str, Dated[Any]] = attrs.field(
        factory=lambda: MappingProxyType({}), repr=False
    )
    """The eligibility rules in force, by rule id (see :data:`ELIGIBILITY_TIMELINES`);
    read one with :meth:`entry`. A rule not yet in force that day is absent
    (settlement funds before 2016-01-12)."""
    periods: Mapping[str, Dated[Any]] = attrs.field(
        factory=lambda: MappingProxyType({}), repr=False
    )
    """The periods in force on the rule set's day, by rule id (see
    :data:`PERIOD_TIMELINES`); each is applied by the day of its own document or
    invitation: read one with :meth:`entry_for`."""
    last_reviewed: date = LAST_REVIEWED
    replaced: tuple[str, ...] = attrs.field(default=(), eq=False)
    """Ids of the rules a reform replaced (with :meth:`replace`), in order.

    Not compared: rule sets with the same rules are equal however they were made."""
    zeroed: tuple[str, ...] = attrs.field(default=(), eq=False)
    """Ids of the rules a reform set to 0 (with :meth:`zero`), in order; not compared."""
    language_charts: Mapping[LanguageTest, Timeline[LanguageChart]] = attrs.field(
        factory=lambda: language_tables.CHARTS, repr=False
    )
    """Each test's equivalency charts, by test date: a result is read on the chart in
    force on its *test* date (:mod:`~expressentry.rules.language_tables`). A reform
    replaces a test's charts with :meth:`replace` (``"language.tef_canada"``);
    scoring and eligibility read every result's levels through them
    (:func:`~expressentry.models.levels_under`)."""
    _plans: dict[date, Any] = attrs.field(init=False, repr=False, eq=False, factory=dict)
    """Scoring plans compiled from this rule set, one per day (see expressentry.crs)."""
    _index: dict[str, Dated[Any]] = attrs.field(init=False, repr=False, eq=False, factory=dict)
    """Entries already looked up, by rule id: eligibility reads a few rules once per
    candidate, so a pool reads each through one dictionary lookup."""
    _memos: dict[str, Any] = attrs.field(init=False, repr=False, eq=False, factory=dict)
    """What the package derived under this rule set, by name (see :meth:`memo`)."""

    @property
    def edition(self) -> str:
        """A label for the rule set, derived from its dates and reform name."""
        return str(edition_message(self.in_force_from, self.reform))

    def __repr__(self) -> str:
        changes = [f"reform: {cut(self.reform, 60)}"] if self.reform else []
        added = tuple(f.rule_id for f in self.added_factors)
        for words, ids in (("replaced", self.replaced), ("zeroed", self.zeroed), ("added", added)):
            if ids:
                changes.append(f"{words}: {listed(ids, 60)}")
        day = f"in force from {self.in_force_from.isoformat()}"
        return f"RuleSet({day}, {'; '.join(changes)})" if changes else f"RuleSet({day})"

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its rules, without what was compiled or derived from them.

        The shipped timelines and entries travel by reference; the copy is equal
        to this rule set and compiles its own plans (see ``rules._pickling``).
        """
        portable = Portable()
        return build, (RuleSet, portable.fields(self))

    @property
    def compiled(self) -> dict[date, Any]:
        """What scoring compiled from this rule set, by day (see :meth:`clear_compiled`)."""
        return self._plans

    def clear_compiled(self) -> None:
        """Forget the scoring plans compiled from this rule set, and their memos.

        Scoring compiles the rules once per day scored and remembers the points
        of inputs it has met; both are rebuilt on the next score. Call this to
        free that memory in a long-running process, or to time a cold first pass.
        """
        self._plans.clear()

    def memo(self, name: str, derive: Callable[[K], V], *, size: int) -> Callable[[K], V]:
        """The memo of ``derive`` this rule set owns under ``name``, made on first use.

        Values derived under rules belong to those rules: a reform (a new rule
        set) starts with no memos, so it never reads a value derived under the
        rules it replaced, and a rule set's memos go when it goes.

        >>> from datetime import date
        >>> rules = rules_for(as_of=date(2026, 11, 22))
        >>> double = rules.memo("doc.double", lambda n: 2 * n, size=8)
        >>> double(21), rules.memo("doc.double", lambda n: 0, size=8)(21)
        (42, 42)
        """
        found: Memo[K, V] | None = self._memos.get(name)
        if found is None:
            found = self._memos[name] = Memo(derive, size=size)
        return found

    def derived(self, name: str, derive: Callable[[RuleSet], V]) -> V:
        """``derive(self)``, computed once and kept by this rule set under ``name``.

        For what eligibility and the forecast read from the rules once per rule
        set (kinds of work, category shapes): a reform derives its own.
        """
        memos = self._memos
        try:
            return memos[name]  # type: ignore[no-any-return]
        except KeyError:
            value = memos[name] = derive(self)
            return value

    def clear_memos(self) -> None:
        """Forget what was derived under this rule set (its memos and scoring plans)."""
        self._memos.clear()
        self._plans.clear()

    @overload
    def entry(self, rule: Timeline[T]) -> Dated[T]: ...

    @overload
    def entry(self, rule: str) -> Dated[Any]: ...

    def entry(self, rule: Timeline[Any] | str) -> Dated[Any]:
        """The dated entry of a rule in this rule set: by its timeline or its id.

        Scoring and eligibility read every rule through this, so a reform that
        replaced the rule is what they see.

        >>> from datetime import date
        >>> from expressentry.rules import fsw_grid
        >>> rules = rules_for(as_of=date(2026, 11, 22))
        >>> rules.entry(fsw_grid.PASS_MARK).value, rules.entry("crs.additional.sibling").value
        (67, 15)

        Raises:
            InvalidInputError: no rule has that id.
            RulesNotInForceError: the rule was not yet in force on this rule
                set's day (settlement funds before 2016-01-12).
        """
        try:  # the fast path: a timeline or an id looked up before
            return self._index[rule.rule_id if type(rule) is Timeline else rule]  # type: ignore[index]
        except (KeyError, TypeError):
            pass
        key: object = rule.rule_id if isinstance(rule, Timeline) else rule  # any type at run time
        rule_id = key if isinstance(key, str) else ""
        attr = _ATTR_BY_RULE_ID.get(rule_id)
        found = getattr(self, attr) if attr is not None else self.eligibility.get(rule_id)
        if found is None:
            found = self.periods.get(rule_id)
        if found is not None:
            self._index[rule_id] = found
            return found
        timeline = ELIGIBILITY_TIMELINES.get(rule_id)
        if timeline is None:
            raise _unknown(key)
        raise RulesNotInForceError(rule_id, self.in_force_from, timeline.first)

    @overload
    def entry_for(self, rule: Timeline[T], day: date) -> Dated[T]: ...

    @overload
    def entry_for(self, rule: str, day: date) -> Dated[Any]: ...

    def entry_for(self, rule: Timeline[Any] | str, day: date) -> Dated[Any]:
        """The entry of a rule read on a day of its own (:data:`PERIOD_TIMELINES`).

        ``day`` is the document's date (a language result's, an ECA's, a
        profile's submission, a medical exam's, a police certificate's issue),
        the invitation's day (its window, the age lock) or the day of applying
        (the upfront medical). The entry is the law's in force on ``day`` (the
        first one for a day before it), unless this rule set is a reform that
        replaced the rule: its value then applies whatever the day.

        >>> from datetime import date
        >>> rules = rules_for(as_of=date(2026, 11, 22))
        >>> rules.entry_for("timelines.ita_window_days", date(2021, 6, 28)).value
        90
        >>> three = rules.replace("program.validity.language_result_years", 3, reform="3 years")
        >>> three.entry_for("program.validity.language_result_years", date(2016, 1, 1)).value
        3

        Raises:
            InvalidInputError: no rule read on a day of its own has that id.
        """
        key: object = rule.rule_id if isinstance(rule, Timeline) else rule
        timeline = PERIOD_TIMELINES.get(key) if isinstance(key, str) else None
        if timeline is None:
            ids = ", ".join(sorted(PERIOD_TIMELINES))
            problem = FieldProblem(
                "rule", key, tr("is not a rule read on a day of its own; known: {ids}", ids=ids)
            )
            raise InvalidInputError("RuleSet.entry_for", [problem])
        if timeline.rule_id in self.replaced:
            return self.periods[timeline.rule_id]
        return timeline.at(max(day, timeline.first))

    def replace(
        self, rule_id: str, value: object, *, reform: str, source: Source | None = None
    ) -> RuleSet:
        """A reform: this rule set with one table or amount replaced.

        ``value`` must have the shape of the value it replaces, and every amount
        in it must be valid:

        - points are whole numbers (``int``, never ``bool``), 0 or more;
        - a tuple has as many items as the old one; a mapping has the same keys
          (enum members, or their string values), each with a valid value;
        - a step table is a :class:`Steps` or :class:`SpouseSteps`, as before
          (their constructors check the rows);
        - skilled TEERs are a set of TEERs 0 to 5;
        - a threshold pair holds CLB/NCLC levels 1 to 12, or years 1 to 200;
          the transferability pairs go up (lower, then higher);
        - the weekly hours cap is 1 to 168, the hours of a year of work 1 to
          8,784 and the window of recent experience 1 to 200 years;
        - a period (:data:`PERIOD_TIMELINES`) is 1 to 100 years (a language
          result, an ECA), 1 to 3,660 days (the invitation's window) or 1 to
          1,200 months; a switch (the upfront medical, the age lock) is ``True``
          or ``False``.

        >>> from datetime import date
        >>> r = rules_for(as_of=date(2026, 11, 22)).replace(
        ...     "crs.additional.sibling", 0, reform="no sibling points")
        >>> r.additional_sibling.value, r.edition
        (0, 'rules in force from 2025-03-25, reform: no sibling points')
        >>> rules_for(as_of=date(2026, 11, 22)).replace("crs.additional.sibling", -500, reform="x")
        Traceback (most recent call last):
        ...
        expressentry.errors.InvalidInputError: invalid RuleSet.replace(crs.additional.sibling):
          value: must be 0 or more points (got -500)

        Raises:
            InvalidInputError: an unknown ``rule_id``, or a ``value`` of the wrong
                type, shape or range, each problem named by its place in
                ``value`` (``value['major_group_00']``, ``value[1]``).
        """
        owner = f"RuleSet.replace({rule_id})"
        problems: list[FieldProblem] = []
        words: object = reform  # of any type at run time
        if not isinstance(words, str):
            problems.append(FieldProblem("reform", words, tr("must be a string")))
        cited: object = source
        if cited is not None and not isinstance(cited, Source):
            problems.append(FieldProblem("source", cited, tr("must be a Source or None")))
        given: object = rule_id  # of any type at run time
        test = _CHART_TESTS.get(given) if isinstance(given, str) else None
        if test is not None:
            charts = _replaced_charts(self.language_charts[test], value, reform, source, problems)
            if problems:
                raise InvalidInputError(owner, problems)
            return attrs.evolve(
                self,
                language_charts=MappingProxyType({**self.language_charts, test: charts}),
                reform=_join(self.reform, reform),
                replaced=_with(self.replaced, rule_id),
            )
        old: Dated[Any] = self.entry(rule_id)
        limit = LIMITS.get(rule_id)
        checked = checked_value(value, old.value, "value", limit, problems)
        if rule_id in RISING and not problems and not checked[0] < checked[1]:  # type: ignore[index]
            problems.append(FieldProblem("value", value, tr("must go up: (lower, higher)")))
        if problems:
            raise InvalidInputError(owner, problems)
        new = Dated(self.in_force_from, checked, source or old.source, f"Reform: {reform}")
        changes: dict[str, Any] = {
            "reform": _join(self.reform, reform),
            "replaced": _with(self.replaced, rule_id),
        }
        attr = _ATTR_BY_RULE_ID.get(rule_id)
        if rule_id in PERIOD_TIMELINES:
            changes["periods"] = MappingProxyType({**self.periods, rule_id: new})
        elif attr is None:
            changes["eligibility"] = MappingProxyType({**self.eligibility, rule_id: new})
        else:
            changes[attr] = new
        return attrs.evolve(self, **changes)

    def zero(self, rule_id: str, *, reform: str) -> RuleSet:
        """A reform: this rule set with every point of one factor set to 0.

        >>> from datetime import date
        >>> r = rules_for(as_of=date(2026, 11, 22)).zero("crs.additional.french", reform="no French points")
        >>> sorted(r.additional_french.value.values())
        [0, 0]

        Raises:
            InvalidInputError: an unknown ``rule_id``, or a rule that holds no
                points (skilled TEERs, hours, a threshold, the window of years,
                the FSW pass mark, a funds table).
        """
        old = self.entry(rule_id)
        try:
            if rule_id in LIMITS or rule_id in PERIOD_TIMELINES:
                raise DataError(rule_id)
            zero = zeroed(old.value)
        except DataError:
            owner = f"RuleSet.zero({rule_id})"
            raise InvalidInputError(
                owner, [FieldProblem("rule_id", rule_id, tr("holds no points to set to 0"))]
            ) from None
        done = self.replace(rule_id, zero, reform=reform)
        return attrs.evolve(done, replaced=self.replaced, zeroed=_with(self.zeroed, rule_id))

    def add_factor(self, factor: AddedFactor, *, reform: str) -> RuleSet:
        """A reform: this rule set with one more factor, scored in ``factor.section``.

        Raises:
            InvalidInputError: ``factor`` is not an :class:`AddedFactor`,
                ``reform`` is not a string, or the factor's ``rule_id`` (or the
                name of its lines, :func:`factor_of` it) is already that of a
                rule or of a factor added before.
        """
        given: object = factor  # of any type at run time
        if not isinstance(given, AddedFactor):
            raise InvalidInputError(
                "RuleSet.add_factor", [FieldProblem("factor", given, tr("must be an AddedFactor"))]
            )
        problems: list[FieldProblem] = []
        words: object = reform
        if not isinstance(words, str):
            problems.append(FieldProblem("reform", words, tr("must be a string")))
        taken = {*CRS_IDS, *ELIGIBILITY_TIMELINES, *(t.rule_id for t in TIMELINES)}
        added = {f.rule_id for f in self.added_factors}
        names = {factor_of(i): i for i in (*CRS_IDS, *added)}
        if factor.rule_id in taken:
            problems.append(
                FieldProblem("factor.rule_id", factor.rule_id, tr("is already the id of a rule"))
            )
        elif factor.rule_id in added:
            message = tr("is already the id of a factor this rule set added")
            problems.append(FieldProblem("factor.rule_id", factor.rule_id, message))
        elif factor_of(factor.rule_id) in names:
            same = names[factor_of(factor.rule_id)]
            message = tr(
                "would name its lines {name}, as {same} does",
                name=repr(factor_of(factor.rule_id)),
                same=same,
            )
            problems.append(FieldProblem("factor.rule_id", factor.rule_id, message))
        if problems:
            raise InvalidInputError("RuleSet.add_factor", problems)
        return attrs.evolve(
            self,
            added_factors=(*self.added_factors, factor),
            reform=_join(self.reform, reform),
        )


_CHART_TESTS: Final = {t.rule_id: test for test, t in language_tables.CHARTS.items()}
"""The test of each chart timeline, by its rule id (``language.tef_canada``)."""


def _replaced_charts(
    old: Timeline[LanguageChart],
    value: object,
    reform: str,
    source: Source | None,
    problems: list[FieldProblem],
) -> Timeline[LanguageChart]:
    """A test's charts replaced: by one chart for every test date, or by a timeline.

    A timeline must read every test date the old one reads (its first chart in force
    on the old one's first day or before).
    """
    test = old.entries[0].value.test
    if isinstance(value, LanguageChart) and value.test is test:
        entries = tuple(
            Dated(e.effective_from, value, source or e.source, f"Reform: {reform}")
            for e in old.entries
        )
        return Timeline(old.rule_id, entries, old.title)
    if (
        isinstance(value, Timeline)
        and value.rule_id == old.rule_id
        and value.first <= old.first
        and all(isinstance(e.value, LanguageChart) and e.value.test is test for e in value.entries)
    ):
        return value
    message = tr(
        "must be a LanguageChart of {test}, or a Timeline of them named {rule} that starts "
        "on {day} or before",
        test=test.value,
        rule=repr(old.rule_id),
        day=old.first,
    )
    problems.append(FieldProblem("value", value, message))
    return old


def _join(old: str | None, new: str) -> str:
    return new if old is None else f"{old}; {new}"


def _with(ids: tuple[str, ...], rule_id: str) -> tuple[str, ...]:
    return ids if rule_id in ids else (*ids, rule_id)


_ATTR_BY_RULE_ID: Final = {t.rule_id: name for name, t in CRS_TIMELINES.items()}


def _unknown(rule_id: object) -> InvalidInputError:
    """The error of an unknown rule id."""
    ids = (*CRS_IDS, *ELIGIBILITY_TIMELINES, *PERIOD_TIMELINES)
    return InvalidInputError(
        "RuleSet",
        [
            FieldProblem(
                "rule_id", rule_id, tr("is not a rule id; known: {ids}", ids=", ".join(sorted(ids)))
            )
        ],
    )


def _change_point(as_of: date) -> date:
    i = bisect.bisect_right(_CHANGE_POINTS, as_of) - 1
    if i < 0:
        raise RulesNotInForceError("crs", as_of, _FIRST)
    return _CHANGE_POINTS[i]


@functools.cache
def _resolve(change_point: date) -> RuleSet:
    values: dict[str, Any] = {name: t.at(change_point) for name, t in CRS_TIMELINES.items()}
    in_force = max(d.effective_from for d in values.values())
    eligibility = MappingProxyType(
        {
            rule_id: t.at(change_point)
            for rule_id, t in ELIGIBILITY_TIMELINES.items()
            if t.first <= change_point
        }
    )
    periods = MappingProxyType(
        {rule_id: t.at(change_point) for rule_id, t in PERIOD_TIMELINES.items()}
    )
    return RuleSet(in_force_from=in_force, eligibility=eligibility, periods=periods, **values)


def rules_for(*, as_of: date | None = None) -> RuleSet:
    """The CRS rules in force on ``as_of`` (``None``: today).

    Raises:
        InvalidInputError: ``as_of`` is not a date (a ``datetime`` is refused).
        RulesNotInForceError: ``as_of`` is before Express Entry opened (2015-01-01).
    """
    if type(as_of) is not date:
        as_of = resolve(as_of, where="rules_for")
    return _resolve(_change_point(as_of))


def resolve_rules(where: str, as_of: date | None, rules: RuleSet | None) -> tuple[date, RuleSet]:
    """The day a public function was asked for, and the rules to apply on it.

    ``as_of`` is checked (``None``: today); ``rules`` is a reform to apply instead
    of the rules in force that day (``None``: those rules). ``where`` names the
    function in errors.

    Raises:
        InvalidInputError: ``as_of`` is not a date, or ``rules`` not a :class:`RuleSet`.
        RulesNotInForceError: ``as_of`` is before Express Entry opened.
    """
    day = resolve(as_of, where=where)
    if rules is None:
        return day, rules_for(as_of=day)
    if not isinstance(rules, RuleSet):
        raise InvalidInputError(
            where, [FieldProblem("rules", rules, tr("must be a RuleSet (see rules_for)"))]
        )
    return day, rules
