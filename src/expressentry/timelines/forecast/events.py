"""Every day that may change a candidate's state, and why (a :class:`Plan`).

Birthdays, document expiries, the profile leaving the pool, rule changes, and the
days a count of hours crosses a line.
"""

from __future__ import annotations

import functools
import itertools
from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta
from typing import Final, NamedTuple, TypeVar

from expressentry._ages import birthday, completed_years
from expressentry.eligibility.thresholds import WorkThresholds, work_thresholds
from expressentry.i18n import tr
from expressentry.models import (
    Candidate,
    LanguageResult,
    Spouse,
)
from expressentry.rules import CRS_TIMELINES, ELIGIBILITY_TIMELINES, RuleSet, rules_for
from expressentry.rules import fsw_grid as grid
from expressentry.rules.programs import (
    ECA_VALID_YEARS,
    LANGUAGE_RESULT_VALID_YEARS,
)
from expressentry.rules.settlement_funds import SETTLEMENT_FUNDS, acceptable_tables
from expressentry.rules.timelines import PROFILE_POOL_MONTHS
from expressentry.timelines.forecast.crossings import (
    BOTH_TAGS,
    CRS_TAG,
    ELIGIBILITY_TAG,
    FSW_DOWN_TAG,
    crossings,
)
from expressentry.timelines.forecast.results import Milestone, MilestoneKind
from expressentry.timelines.forecast.terms import Terms, terms_of
from expressentry.timelines.forecast.watches import crs_watches, experience_words, program_watches
from expressentry.timelines.validity import (
    eca_expiry,
    in_pool_on,
    language_expiry,
    period_ref,
    profile_exit,
    rule_ref,
)

K = TypeVar("K")
_ONE_DAY = timedelta(days=1)

# -- every day that may change something ----------------------------------------------------


class Scope(NamedTuple):
    """The rules a forecast applies: a reform on every day, or the rules of each day."""

    reform: RuleSet | None
    """The rule set of every day (``None``: the rules in force on each day)."""
    periods: RuleSet
    """The rule set whose periods apply to the documents and the pool: the reform,
    or the rules of the first day (every rule set of the law reads the same periods)."""

    def on(self, day: date) -> RuleSet:
        """The rules of ``day``."""
        return rules_for(as_of=day) if self.reform is None else self.reform


class Plan:
    """The days that may change a candidate's state: what may change (tags), and why.

    A day of one milestone holds a tuple shared by every candidate it concerns
    (a birthday, an expiry): a pool's forecast makes few objects of its own.
    """

    __slots__ = ("milestones", "tags")

    def __init__(self) -> None:
        self.tags: dict[date, int] = {}
        self.milestones: dict[date, tuple[Milestone, ...]] = {}

    def add(self, day: date, tags: int, milestones: tuple[Milestone, ...]) -> None:
        """Add ``milestones`` on ``day``, which may change what ``tags`` say."""
        old = self.milestones.get(day)
        if old is None:
            self.milestones[day] = milestones
            self.tags[day] = tags
        else:
            self.milestones[day] = old + milestones
            self.tags[day] |= tags


@functools.cache
def _funds_accepted_days() -> tuple[date, ...]:
    """Days a settlement funds table starts to be accepted before it is required."""
    days: list[date] = []
    for prev, entry in itertools.pairwise(SETTLEMENT_FUNDS.entries):
        lo, hi = prev.effective_from, entry.effective_from  # accepted somewhere in (lo, hi]
        while lo + _ONE_DAY < hi:
            mid = lo + (hi - lo) // 2
            if entry in acceptable_tables(as_of=mid):
                hi = mid
            else:
                lo = mid
        if hi != entry.effective_from:
            days.append(hi)
    return tuple(days)


def rule_change_days(start: date, end: date, scope: Scope) -> dict[date, tuple[Milestone, ...]]:
    """Every change of a rule that scoring or eligibility reads, in ``(start, end]``.

    None under a reform: its rules apply on every day.
    """
    if scope.reform is not None:
        return {}
    out: dict[date, list[Milestone]] = defaultdict(list)
    for t in (*CRS_TIMELINES.values(), *ELIGIBILITY_TIMELINES.values()):
        for e in t.entries:
            if start < e.effective_from <= end:
                words = (
                    tr("Rule {rule} changes: {note}", rule=t.rule_id, note=e.note)
                    if e.note
                    else tr("Rule {rule} changes", rule=t.rule_id)
                )
                out[e.effective_from].append(
                    Milestone(
                        kind=MilestoneKind.RULES,
                        description=str(words),
                        rule=rule_ref(t, e),
                        message=words,
                    )
                )
    for day in _funds_accepted_days():
        if start < day <= end:
            out[day].append(
                Milestone(
                    kind=MilestoneKind.RULES,
                    description=str(_NEW_TABLE),
                    rule=rule_ref(SETTLEMENT_FUNDS, SETTLEMENT_FUNDS.at(day + timedelta(days=366))),
                    message=_NEW_TABLE,
                )
            )
    return {day: tuple(milestones) for day, milestones in out.items()}


_NEW_TABLE: Final = tr("A new settlement funds table is accepted alongside the old one")


def _turning(r: RuleSet, age: int) -> tuple[int, tuple[Milestone, ...]]:
    """What turning ``age`` may change under ``r`` (tags), and its milestone."""
    turning = terms_of(r).turning
    found = turning.get(age)
    if found is None:
        tags = 0
        crs = r.age.value
        if any(
            crs.points(age - 1, with_spouse=ws) != crs.points(age, with_spouse=ws)
            for ws in (True, False)
        ):
            tags |= CRS_TAG
        fsw = r.entry(grid.AGE).value
        if fsw.points(age) < fsw.points(age - 1):
            tags |= FSW_DOWN_TAG
        elif fsw.points(age) != fsw.points(age - 1):
            tags |= ELIGIBILITY_TAG
        turns = tr("Turns {age}", age=age)
        milestone = Milestone(
            kind=MilestoneKind.BIRTHDAY,
            description=str(turns),
            rule=rule_ref(CRS_TIMELINES["age"], r.age),
            message=turns,
        )
        found = turning[age] = (tags, (milestone,) if tags else ())
    return found


def _birthdays(c: Candidate, start: date, end: date, plan: Plan, scope: Scope) -> None:
    born = c.date_of_birth
    age = completed_years(born, start)
    while True:
        age += 1
        if born.year + age > end.year:
            return
        day = birthday(born, age)
        if day > end:
            return
        tags, milestones = _turning(scope.on(day), age)
        if milestones:
            plan.add(day, tags, milestones)


def _result_expires(rules: RuleSet, key: tuple[str, str, date]) -> tuple[Milestone]:
    whose, label, dated = key
    words = (
        tr("Spouse's {test} result of {day} expires", test=tr(label), day=dated)
        if whose == "Spouse"
        else tr("Candidate's {test} result of {day} expires", test=tr(label), day=dated)
    )
    return (
        Milestone(
            kind=MilestoneKind.EXPIRY,
            description=str(words),
            rule=period_ref(LANGUAGE_RESULT_VALID_YEARS, dated, rules=rules),
            message=words,
        ),
    )


def _eca_expires(rules: RuleSet, key: tuple[str, date]) -> tuple[Milestone]:
    whose, issued = key
    words = (
        tr("Spouse's ECA issued {issued} expires", issued=issued)
        if whose == "Spouse"
        else tr("Candidate's ECA issued {issued} expires", issued=issued)
    )
    return (
        Milestone(
            kind=MilestoneKind.EXPIRY,
            description=str(words),
            rule=period_ref(ECA_VALID_YEARS, issued, rules=rules),
            message=words,
        ),
    )


def _milestones(
    rules: RuleSet, name: str, derive: Callable[[RuleSet, K], tuple[Milestone]]
) -> Callable[[K], tuple[Milestone]]:
    """The milestones of a document, one tuple shared by every candidate: a rule set's memo."""
    return rules.memo(name, functools.partial(derive, rules), size=65_536)


def _expiries(c: Candidate, start: date, end: date, plan: Plan, rules: RuleSet) -> None:
    people: list[tuple[str, Candidate | Spouse]] = [("Candidate", c)]
    if c.spouse is not None:
        people.append(("Spouse", c.spouse))
    for whose, p in people:
        # The candidate's results count for every program; the spouse's only on the
        # FSW grid; the candidate's ECA only for FSW, the spouse's for the CRS alone.
        spouse = whose == "Spouse"
        results: tuple[LanguageResult, ...] = (
            p.languages
            if isinstance(p, Candidate)
            else (() if p.language is None else (p.language,))
        )
        for result in results:
            day = language_expiry(result, rules=rules)
            if start < day <= end:
                milestones = _milestones(rules, "forecast.result_expires", _result_expires)(
                    (whose, result.test.label, result.valid_from)
                )
                plan.add(day, CRS_TAG | FSW_DOWN_TAG if spouse else BOTH_TAGS, milestones)
        issued = None if p.education is None else p.education.eca_issued
        if issued is not None:
            day = eca_expiry(issued, rules=rules)
            if start < day <= end:
                milestones = _milestones(rules, "forecast.eca_expires", _eca_expires)(
                    (whose, issued)
                )
                plan.add(day, CRS_TAG if spouse else CRS_TAG | FSW_DOWN_TAG, milestones)


def in_pool_or_none(submitted: date | None, day: date, rules: RuleSet) -> bool | None:
    """Whether a profile submitted on ``submitted`` is in the pool on ``day``."""
    return None if submitted is None else in_pool_on(submitted, day, rules=rules)


def _leaves_pool(rules: RuleSet, submitted: date) -> tuple[Milestone]:
    return (
        Milestone(
            kind=MilestoneKind.POOL,
            description=str(_LEAVES),
            rule=period_ref(PROFILE_POOL_MONTHS, submitted, rules=rules),
            message=_LEAVES,
        ),
    )


_LEAVES: Final = tr("The profile leaves the pool")


class Stretch(NamedTuple):
    """Days between rule changes: hour counts cross lines in ``(lo, hi]`` under these rules."""

    lo: int
    hi: int
    rules: RuleSet
    terms: Terms
    thresholds: WorkThresholds
    """The programs' and categories' counts under ``rules`` and the readings of the run."""


def rule_stretches(
    start: date, end: date, rule_days: dict[date, tuple[Milestone, ...]], scope: Scope
) -> list[Stretch]:
    """The stretches of ``(start, end]`` between the days a rule changes."""
    out: list[Stretch] = []
    bounds = [start, *sorted(rule_days), end + _ONE_DAY]
    for first, after in itertools.pairwise(bounds):
        if first >= after:
            continue
        lo = first.toordinal() if first == start else first.toordinal() - 1
        hi = (after - _ONE_DAY).toordinal()
        if hi > lo:
            r = scope.on(first)
            out.append(Stretch(lo, hi, r, terms_of(r), work_thresholds(rules=r)))
    return out


def plan_of(
    c: Candidate,
    start: date,
    end: date,
    rule_days: dict[date, tuple[Milestone, ...]],
    stretches: list[Stretch],
    *,
    scope: Scope,
) -> Plan:
    """Every day in ``(start, end]`` that may change ``c``'s total, eligibility or pool."""
    plan = Plan()
    for day, milestones in rule_days.items():
        plan.add(day, BOTH_TAGS, milestones)
    _birthdays(c, start, end, plan, scope)
    periods = scope.periods
    _expiries(c, start, end, plan, periods)
    submitted = c.submitted_day
    if submitted is not None:
        exit_day = profile_exit(submitted, rules=periods)
        if start < exit_day <= end:
            leaves = _milestones(periods, "forecast.leaves_pool", _leaves_pool)(submitted)
            plan.add(exit_day, 0, leaves)
    # Hour counts, under the rules of each stretch between rule changes.
    for lo, hi, _, t, found in stretches:
        for w in (*crs_watches(c, t), *program_watches(c, t.cap, found)):
            for day_n, before, now in crossings(w, lo, hi, t.calendar):
                if w.points is not None and w.points(before) == w.points(now):
                    continue  # a year more or less that earns the same
                tags = w.tags if now > before or w.down_tags is None else w.down_tags
                words = experience_words(w, before, now)
                milestone = Milestone(
                    kind=MilestoneKind.EXPERIENCE,
                    description=str(words),
                    rule=w.rule,
                    message=words,
                )
                plan.add(date.fromordinal(day_n), tags, (milestone,))
    return plan
