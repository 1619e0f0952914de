"""The rules of one day, compiled for scoring: flat lookups, memos and shared lines.

A :class:`Plan` is built once per rule set and day (:func:`plan_for`) and kept in
the rule set's :attr:`~expressentry.rules.RuleSet.compiled`, so
:meth:`~expressentry.rules.RuleSet.clear_compiled` forgets it with its memos.
Point lines are immutable values, so identical lines (same factor, same key,
same rules and day) are built once per plan and shared between breakdowns.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date
from typing import Any, Final, NamedTuple, TypeAlias, TypeVar

from dateutil.relativedelta import relativedelta

from expressentry._hours import Segments, hour_days
from expressentry._kinds import DEFAULT_CAP, DEFAULT_TEERS, canadian_kind, foreign_kind
from expressentry.enums import CrsSection
from expressentry.errors import FieldProblem, InvalidInputError
from expressentry.experience import segments, whole_years
from expressentry.explain import PointLine, RuleRef
from expressentry.i18n import Message, tr
from expressentry.models import WorkHistory
from expressentry.rules import CRS_TIMELINES, Dated, RuleSet
from expressentry.rules._tables import SpouseSteps, Steps
from expressentry.rules.programs import ECA_VALID_YEARS, LANGUAGE_RESULT_VALID_YEARS
from expressentry.scoring.factors import FACTORS, CrsFactor
from expressentry.scoring.inputs import (
    EXPIRED_LANGUAGE,
    FRENCH_CODES,
    LEVELS,
    YEARS,
)

__all__ = [
    "DOMAIN",
    "MAX_WINDOW_YEARS",
    "MEMO_LIMIT",
    "Column",
    "Columns",
    "Compiled",
    "Entry",
    "Lines",
    "Lookup",
    "Lookups",
    "Memo",
    "Memos",
    "Plan",
    "Reason",
    "SharedColumn",
    "SharedMemos",
    "language_class",
    "plan_for",
    "remember",
    "share",
    "transferability_class",
]

T = TypeVar("T")

DOMAIN: Final = 151
"""Lookups cover ages, CLB levels and years 0-150 (beyond: the last value)."""
MAX_WINDOW_YEARS: Final = 200
"""Years of experience in a window then fit the bits memo codes give them."""
MEMO_LIMIT: Final = 250_000
"""Entries per memo; bounds memory in long-running processes."""
PLANS_LIMIT: Final = 16
"""Days compiled per rule set."""
assert MAX_WINDOW_YEARS < YEARS  # noqa: S101 (a constant's invariant)

Lines: TypeAlias = tuple[PointLine, ...]
Entry: TypeAlias = tuple[int, Lines]
"""A group's points (the sum of its lines) and its lines."""
Memo: TypeAlias = dict[int, Entry]
"""A group's entries by memo code (:mod:`~expressentry.scoring.inputs`)."""
Compiled: TypeAlias = tuple[CrsFactor[Any, Any], Dated[Any], dict[Any, Entry]]
"""A factor of :data:`~expressentry.scoring.factors.FACTORS` in force on the
plan's day: the factor, its entry, and its memo by the key it reads."""
Reason: TypeAlias = Callable[[T, "Plan"], Message]
"""The words of a line, from its key and the plan (whose values it may quote), as a
message: its line reads in English or French."""
_RULE_IDS = {name: t.rule_id for name, t in CRS_TIMELINES.items()}
_PERIOD_IDS: Final = frozenset({LANGUAGE_RESULT_VALID_YEARS.rule_id, ECA_VALID_YEARS.rule_id})
"""The validity periods a score reads (a reform of one re-derives the inputs)."""


class Column(NamedTuple):
    """The memos of the core factors in one column ("with spouse" or "without").

    Each is keyed by the factor's own input: age, the education's code, a
    result's code (:mod:`~expressentry.scoring.inputs`), whole years.
    """

    age: Memo
    education: Memo
    first_language: Memo
    second_language: Memo
    canadian_experience: Memo


class Memos(NamedTuple):
    """One memo per factor group, those of the core by column; cleared in place."""

    with_spouse: Column
    without_spouse: Column
    spouse_education: Memo
    spouse_language: Memo
    spouse_canadian_experience: Memo
    transferability: Memo
    additional: Memo
    additional_classes: Memo
    """The additional entries by French class (the plan's ``french_class``)."""


class SharedColumn(NamedTuple):
    """The fast path's memos of age and the languages in one column, and their classes."""

    age: Memo
    first_language: Memo
    second_language: Memo
    first_language_classes: Memo
    second_language_classes: Memo


class SharedMemos(NamedTuple):
    """The fast path's memos of age, the language groups and transferability.

    Inputs the tables pay alike (levels that earn the same points, the same levels
    in English or in French, years that reach the same column) word different
    lines, so :class:`Memos` keeps one entry for each. Totals need only the points:
    here codes of one class share one entry, so a pool words the lines of one of
    them only. The lines of these entries are never read: so age's points, whose
    lines name the day, serve every day of the rule set.
    """

    with_spouse: SharedColumn
    without_spouse: SharedColumn
    spouse_language: Memo
    transferability: Memo
    spouse_language_classes: Memo
    transferability_classes: Memo


Lookup: TypeAlias = Callable[[int], Entry | None]
Lookups: TypeAlias = tuple[
    Lookup, Lookup, Lookup, Lookup, Lookup, Lookup, Lookup, Lookup, Lookup, Lookup
]
"""The lookups of the memos the kernel reads for every candidate in one column,
bound once: age, education, first language, second language, Canadian experience,
the spouse's education, language and Canadian experience, transferability,
additional. A plain tuple: the kernel unpacks it for every candidate, and Python
unpacks a plain tuple fastest. A plan's ``lookups`` read the shared memos of the
fast path, its ``explained`` each code's own; each holds one per column, with
spouse first."""
Columns: TypeAlias = tuple[Lookups, Lookups]


def _flat(steps: Steps) -> list[int]:
    return [steps.points(v) for v in range(DOMAIN)]


def _flat2(steps: SpouseSteps) -> tuple[list[int], list[int]]:
    return (
        [steps.points(v, with_spouse=True) for v in range(DOMAIN)],
        [steps.points(v, with_spouse=False) for v in range(DOMAIN)],
    )


class Plan:
    """A rule set compiled for one day: flat tables, the work window, memos and lines."""

    def __init__(self, r: RuleSet, as_of: date) -> None:
        # periods_reformed: a reform of a document's validity (the packed inputs' expiry
        # days are the law's, so the inputs are packed again under the reform)
        self.rules, self.periods_reformed = r, any(i in _PERIOD_IDS for i in r.replaced)
        self.as_of = as_of
        # last_day: the ordinal of the latest document date allowed
        self.end = self.last_day = as_of.toordinal()
        window = r.crs_window_years.value
        if not 0 < window <= MAX_WINDOW_YEARS:
            raise InvalidInputError(
                "RuleSet",
                [
                    FieldProblem(
                        "crs_window_years", window, tr("must be 1 to {most}", most=MAX_WINDOW_YEARS)
                    )
                ],
            )
        self.first = (as_of - relativedelta(years=window)).toordinal()
        self.year = as_of.year
        self.birthday_key = as_of.month * 100 + as_of.day
        self.first_language = _flat2(r.first_language.value)
        self.second_language = _flat(r.second_language.value)
        self.second_cap = r.second_language_cap.value
        self.spouse_education = dict(r.spouse_education.value)
        self.spouse_language = _flat(r.spouse_first_language.value)
        self.education_language = dict(r.transferability_education_language.value)
        self.education_experience = dict(r.transferability_education_experience.value)
        self.foreign_language = dict(r.transferability_foreign_language.value)
        self.foreign_experience = dict(r.transferability_foreign_experience.value)
        self.certificate = r.transferability_certificate_language.value
        self.language_levels = r.transferability_language_levels.value
        self.canadian_years = r.transferability_canadian_experience_years.value
        self.foreign_years = r.transferability_foreign_experience_years.value
        self.certificate_levels = r.transferability_certificate_language_levels.value
        self.french_levels = r.additional_french_levels.value
        self.transfer_class, self.french_class = _classes(r)
        self.first_levels, self.second_levels, self.spouse_levels = (
            (_level_classes(self.first_language[0]), _level_classes(self.first_language[1])),
            _level_classes(self.second_language),
            _level_classes(self.spouse_language),
        )
        self.window = window
        self.group_cap = r.transferability_group_cap.value
        self.transfer_cap = r.transferability_cap.value
        self.additional_cap = r.additional_cap.value
        self.skilled = r.skilled_teers.value
        self.weekly_cap = r.weekly_hours_cap.value
        self.hours_per_year = r.hours_per_year.value
        self.nearly_a_year = self.hours_per_year - 1e-6  # whole_years rounds above it
        self.default_kinds = self.skilled == DEFAULT_TEERS and self.weekly_cap == DEFAULT_CAP
        self.edition = r.edition
        self.canadian_kind = canadian_kind(r)
        self.foreign_kind = foreign_kind(r)
        self.refs = {
            name: RuleRef(
                rule_id=_RULE_IDS[name],
                effective_from=getattr(r, name).effective_from,
                source=getattr(r, name).source,
            )
            for name in CRS_TIMELINES
        }
        self.lines: dict[tuple[str, object], PointLine] = {}
        self.memos, self.shared, self.explained, self.lookups = _memos()
        self.factors = _compiled(r, as_of)

    def on(self, as_of: date) -> Plan:
        """This plan moved to another day of the same rule set.

        The tables are the rule set's; so are the memos, whose codes mean the same
        on every day (an expired document's code names the document's own date),
        and whose lines quote no day, except age's ("Age 30 on 2026-11-22"): that
        memo, and the lines, are the day's own (the fast path's age points are
        shared). A forecast or a series of rounds scores many days of one rule
        set, each compiled and filled once this way.
        """
        plan = copy.copy(self)
        plan.as_of = as_of
        plan.end = plan.last_day = as_of.toordinal()
        plan.first = (as_of - relativedelta(years=self.window)).toordinal()
        plan.year = as_of.year
        plan.birthday_key = as_of.month * 100 + as_of.day
        plan.lines = {}
        plan.memos, plan.explained, plan.lookups = _with_age_memo(self.memos, self.shared)
        plan.factors = _compiled(self.rules, as_of)
        return plan

    def line(
        self,
        section: CrsSection,
        factor: str,
        attr: str,
        points: int,
        key: T,
        *,
        reason: Reason[T],
        rule: RuleRef | None = None,
    ) -> PointLine:
        """The (shared) line of ``factor`` for ``key``, worded by ``reason``.

        ``attr`` names the rule set's table; ``rule`` overrides its rule (an
        expired document's line cites the validity rule).
        """
        cache_key = (factor, key)
        found = self.lines.get(cache_key)
        if found is None:
            words = reason(key, self)
            found = PointLine(
                section=section,
                factor=factor,
                points=points,
                reason=str(words),
                rule=self.refs[attr] if rule is None else rule,
                message=words,
            )
            if len(self.lines) >= MEMO_LIMIT:
                self.lines.clear()
            self.lines[cache_key] = found
        return found

    def factor_line(self, factor: CrsFactor[Any, Any], entry: Dated[Any], key: object) -> PointLine:
        """The (shared) line of ``factor`` for ``key`` under ``entry``, its entry in force."""
        cache_key = (factor.factor, key)
        found = self.lines.get(cache_key)
        if found is None:
            found = factor.line(entry, key)
            if len(self.lines) >= MEMO_LIMIT:
                self.lines.clear()
            self.lines[cache_key] = found
        return found

    def years(
        self, history: WorkHistory | None, default: tuple[Segments, Segments]
    ) -> tuple[int, int]:
        """Whole years of Canadian and foreign CRS experience in the window of the day.

        ``default`` holds the segments under today's skilled TEERs and weekly cap,
        which most rule sets use.
        """
        if self.default_kinds or history is None:
            cdn, foreign = default
        else:
            cdn = segments(history, self.canadian_kind, self.weekly_cap)
            foreign = segments(history, self.foreign_kind, self.weekly_cap)
        first, end, per_year = self.first, self.end, self.hours_per_year
        # whole_years, inlined: only within a millionth below a whole year is it called.
        years = abroad = 0
        if cdn:
            hours = hour_days(cdn, first, end) / 7
            years = int(hours // per_year)
            if hours - years * per_year > self.nearly_a_year:
                years = whole_years(hours, per_year)
        if foreign:
            hours = hour_days(foreign, first, end) / 7
            abroad = int(hours // per_year)
            if hours - abroad * per_year > self.nearly_a_year:
                abroad = whole_years(hours, per_year)
        return years, abroad


def _compiled(r: RuleSet, as_of: date) -> tuple[Compiled, ...]:
    """The factors of :data:`~expressentry.scoring.factors.FACTORS` in force on ``as_of``."""
    found: list[Compiled] = []
    for factor in FACTORS:
        entry = factor.in_force(r, as_of)
        if entry is not None:
            found.append((factor, entry, {}))
    return tuple(found)


def _memos() -> tuple[Memos, SharedMemos, Columns, Columns]:
    """Empty memos, and the lookups of the full breakdown and of the fast path."""
    memos = Memos(Column({}, {}, {}, {}, {}), Column({}, {}, {}, {}, {}), {}, {}, {}, {}, {}, {})
    shared = SharedMemos(
        SharedColumn({}, {}, {}, {}, {}), SharedColumn({}, {}, {}, {}, {}), {}, {}, {}, {}
    )
    return (memos, shared, *_lookups(memos, shared))


def _with_age_memo(memos: Memos, shared: SharedMemos) -> tuple[Memos, Columns, Columns]:
    """``memos`` with empty age memos of their own, and the lookups over them."""
    mine = Memos(
        Column({}, *memos.with_spouse[1:]), Column({}, *memos.without_spouse[1:]), *memos[2:]
    )
    return (mine, *_lookups(mine, shared))


def _lookups(memos: Memos, shared: SharedMemos) -> tuple[Columns, Columns]:
    """The lookups of the full breakdown and of the fast path over these memos."""
    explained: list[Lookups] = []
    fast: list[Lookups] = []
    for mine, fast_mine in (
        (memos.with_spouse, shared.with_spouse),
        (memos.without_spouse, shared.without_spouse),
    ):
        rest = (
            memos.spouse_education.get,
            memos.spouse_language.get,
            memos.spouse_canadian_experience.get,
        )
        explained.append(
            (
                mine.age.get,
                mine.education.get,
                mine.first_language.get,
                mine.second_language.get,
                mine.canadian_experience.get,
                *rest,
                memos.transferability.get,
                memos.additional.get,
            )
        )
        fast.append(
            (
                fast_mine.age.get,
                mine.education.get,
                fast_mine.first_language.get,
                fast_mine.second_language.get,
                mine.canadian_experience.get,
                rest[0],
                shared.spouse_language.get,
                rest[2],
                shared.transferability.get,
                memos.additional.get,
            )
        )
    return (explained[0], explained[1]), (fast[0], fast[1])


def plan_for(r: RuleSet, as_of: date) -> Plan:
    """The plan of ``r`` on ``as_of``, compiled on first use."""
    plans: dict[date, Plan] = r.compiled
    plan = plans.get(as_of)
    if plan is None:
        other = next(iter(plans.values()), None)
        if len(plans) >= PLANS_LIMIT:  # forget the days, keep the memos they share
            plans.clear()
        plan = plans[as_of] = Plan(r, as_of) if other is None else other.on(as_of)
    return plan


def remember(memo: Memo, code: int, lines: Lines) -> Entry:
    """Remember and return the entry of ``lines`` under ``code``."""
    if len(memo) >= MEMO_LIMIT:
        memo.clear()
    entry = memo[code] = (sum([line.points for line in lines]), lines)
    return entry


def share(memo: Memo, code: int, entry: Entry) -> Entry:
    """Remember and return ``entry`` (another code's) under ``code``."""
    if len(memo) >= MEMO_LIMIT:
        memo.clear()
    memo[code] = entry
    return entry


def language_class(code: int, levels: list[int]) -> int:
    """The class of a language ``code`` (-1: no result): the code of its levels paid alike.

    ``levels`` maps each level to the lowest the table pays alike. The language is
    dropped (it only names the scale), and an expired result is a class of its own
    (-1): it earns nothing at all.

    >>> pays = [min(level, 10) for level in range(LEVELS)]  # 10 and above alike
    >>> in_french = (((9 * LEVELS + 10) * LEVELS + 11) * LEVELS + 12) * 2 + 1
    >>> language_class(in_french, pays) == (((9 * LEVELS + 10) * LEVELS + 10) * LEVELS + 10) * 2
    True
    """
    if code >= EXPIRED_LANGUAGE:
        return -1
    if code < 0:
        return 0  # no result: level 0 in every ability
    rest, writing = divmod(code >> 1, LEVELS)
    rest, reading = divmod(rest, LEVELS)
    listening, speaking = divmod(rest, LEVELS)
    return (
        ((levels[listening] * LEVELS + levels[speaking]) * LEVELS + levels[reading]) * LEVELS
        + levels[writing]
    ) * 2


def _classes(r: RuleSet) -> tuple[list[int], list[int]]:
    """The memo classes of transfer and French codes under the thresholds of ``r``."""
    language = r.transferability_language_levels.value
    certificate = r.transferability_certificate_language_levels.value
    french = r.additional_french_levels.value
    return _transfer_classes(language, certificate), _french_classes(french)


def transferability_class(code: int, p: Plan) -> int:
    """The class of a transferability code: the columns its years reach, in either scale.

    The rows pay the columns a level or a number of years reaches, whatever the
    scale their lines name (:mod:`~expressentry.scoring.inputs` gives the layout).
    """
    transfer, years = divmod(code, YEARS * YEARS)
    canadian, foreign = divmod(years, YEARS)
    return ((transfer & ~2) * 3 + _level_class(canadian, p.canadian_years)) * 3 + _level_class(
        foreign, p.foreign_years
    )


def _level_classes(table: list[int]) -> list[int]:
    """Each language level as the lowest level ``table`` pays the same points."""
    return [table.index(table[level]) for level in range(LEVELS)]


def _level_class(level: int, thresholds: tuple[int, int]) -> int:
    lower, higher = thresholds
    return 2 if level >= higher else 1 if level >= lower else 0


def _transfer_classes(language: tuple[int, int], certificate: tuple[int, int]) -> list[int]:
    """Each transfer code as the code of its class under these thresholds.

    A class is the lowest first-language level that reaches the same columns
    (:mod:`~expressentry.scoring.inputs` gives the code's layout). Levels that
    reach the same columns give the same lines, so they share a memo entry.
    """
    first: dict[tuple[int, int], int] = {}
    for level in range(LEVELS):
        first.setdefault((_level_class(level, language), _level_class(level, certificate)), level)
    classes = []
    for code in range(3 * LEVELS * 4):  # three education tiers
        tier, rest = divmod(code, LEVELS * 4)
        level, flags = divmod(rest, 4)
        same = first[_level_class(level, language), _level_class(level, certificate)]
        classes.append((tier * LEVELS + same) * 4 + flags)
    return classes


def _french_classes(levels: tuple[int, int]) -> list[int]:
    """Each French code as the code of its class: no points, the lower or the higher amount.

    (:mod:`~expressentry.scoring.inputs` gives the code's layout.)
    """
    nclc, clb = levels
    lower = 1 + nclc * (LEVELS + 1)  # NCLC at the minimum, no valid English result
    higher = lower + clb + 1  # and English at its minimum
    classes = [0]
    for code in range(1, FRENCH_CODES):
        french, english = divmod(code - 1, LEVELS + 1)
        if french < nclc:
            classes.append(0)
        else:
            classes.append(higher if english - 1 >= clb else lower)
    return classes
