"""What a rule set says about the counts a forecast watches, read once per rule set.

The hours, windows and levels of the CRS, each program and each category, with
the rule each cites.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import NamedTuple

from expressentry.eligibility._common import teer_words
from expressentry.enums import Teer, WorkPlace
from expressentry.experience import (
    Kind,
    canadian_kind,
    foreign_kind,
)
from expressentry.explain import RuleRef
from expressentry.rules import CRS_TIMELINES, RuleSet, programs
from expressentry.rules import fsw_grid as grid
from expressentry.rules.categories import CATEGORY_SETS, CATEGORY_WORK_RULE
from expressentry.rules.programs import (
    CEC_MIN_CLB_BY_TEER,
    CEC_MIN_HOURS,
    CEC_WINDOW_YEARS,
    FST_MIN_HOURS,
    FST_TRADE_GROUPS,
    FST_WINDOW_YEARS,
    FSW_MIN_HOURS,
    FSW_WINDOW_YEARS,
)
from expressentry.timelines.forecast.crossings import ANY_HOURS, Calendar
from expressentry.timelines.forecast.results import Milestone
from expressentry.timelines.validity import (
    rule_ref,
)

# -- what a rule set says about the counts a forecast watches ----------------------------------


class CrsCount(NamedTuple):
    """Years of one kind of work the CRS pays, and what each number of years earns."""

    what: str
    kind: Kind
    rule: RuleRef
    earns: Callable[[int], object]


class CategoryCount(NamedTuple):
    """The hours of work in a category's listed occupations."""

    order: int
    """The category's place in its set: milestones of one day come in that order."""
    place: WorkPlace
    nocs: frozenset[str]
    what: str
    """The words of the watch, with ``{noc}`` for each occupation."""


class Terms(NamedTuple):
    """What one rule set says about every count a forecast watches, read once.

    Every candidate forecast under the rule set reads the same terms: only the
    segments of hours are the candidate's own.
    """

    cap: int
    per_year: int
    crs_window: int
    crs: tuple[CrsCount, ...]
    """The candidate's Canadian and foreign experience."""
    spouse_crs: CrsCount
    cec_years: int
    cec: tuple[tuple[str, frozenset[int], float], ...]
    """Each count of CEC: its words, its TEERs and the hours it must reach."""
    cec_rule: RuleRef
    fsw_years: int
    fsw_need: int
    fsw_rule: RuleRef
    grid_rule: RuleRef
    grid_points: Callable[[int], object]
    adaptability: RuleRef
    adaptability_words: str
    fst_years: int
    fst_need: int
    fst_trades: programs.TradeGroups
    fst_rule: RuleRef
    categories: dict[str, tuple[CategoryCount, ...]]
    """The categories whose work rule applies that list each NOC code."""
    category_window: int
    category_hours: int
    category_continuous: bool
    category_rule: RuleRef | None
    turning: dict[int, tuple[int, tuple[Milestone, ...]]]
    """The tags and milestone of each birthday (filled on first use)."""
    calendar: Calendar
    """The calendar arithmetic of the counts' windows, remembered under these terms."""


def _crs_counts(r: RuleSet) -> tuple[tuple[CrsCount, ...], CrsCount]:
    window = r.crs_window_years.value
    teers = r.skilled_teers.value
    where = f"{teer_words(teers)} experience (last {window} years)"

    def count(words: str, kind: Kind, attr: str, earns: Callable[[int], object]) -> CrsCount:
        return CrsCount(
            f"CRS: {words} {where}", kind, rule_ref(CRS_TIMELINES[attr], getattr(r, attr)), earns
        )

    canadian = canadian_kind(r)
    mine = (
        count("Canadian", canadian, "canadian_experience", _crs_canadian(r)),
        count("foreign", foreign_kind(r), "transferability_foreign_experience", _crs_foreign(r)),
    )
    return mine, count("the spouse's Canadian", canadian, "canadian_experience", _crs_spouse(r))


def _column(years: int, thresholds: tuple[int, int]) -> int:
    return 2 if years >= thresholds[1] else 1 if years >= thresholds[0] else 0


def _crs_canadian(r: RuleSet) -> Callable[[int], object]:
    """What whole years of Canadian experience earn: core points and transferability column."""
    steps = r.canadian_experience.value
    levels = r.transferability_canadian_experience_years.value
    return lambda y: (
        steps.points(y, with_spouse=True),
        steps.points(y, with_spouse=False),
        _column(y, levels),
    )


def _crs_foreign(r: RuleSet) -> Callable[[int], object]:
    levels = r.transferability_foreign_experience_years.value
    return lambda y: _column(y, levels)


def _crs_spouse(r: RuleSet) -> Callable[[int], object]:
    return r.spouse_canadian_experience.value.points


def _cec_counts(r: RuleSet) -> tuple[tuple[str, frozenset[int], float], ...]:
    """CEC: a year of skilled Canadian work; which TEERs make it decides the language level."""
    teers = r.skilled_teers.value
    years = r.entry(CEC_WINDOW_YEARS).value
    need = r.entry(CEC_MIN_HOURS).value
    minima = r.entry(CEC_MIN_CLB_BY_TEER).value
    high = frozenset(t for t in teers if minima[Teer(t)] == max(minima.values()))
    counts = []
    for words, kinds, line in (
        ("", teers, float(need)),
        (" (the lower CEC language level)", teers - high, float(need)),
        (" (the higher CEC language level)", high, ANY_HOURS),
    ):
        if kinds:
            amount = f"{need:,} hours" if line != ANY_HOURS else "Any hours"
            what = (
                f"CEC: {amount} of Canadian {teer_words(kinds)} work in the last {years} years"
                f"{words}"
            )
            counts.append((what, frozenset(kinds), line))
    return tuple(counts)


def _category_counts(r: RuleSet) -> dict[str, tuple[CategoryCount, ...]]:
    if CATEGORY_WORK_RULE.rule_id not in r.eligibility:
        return {}  # no categories yet (before 2023-05-31)
    rule = r.entry(CATEGORY_WORK_RULE).value
    how = "continuous hours" if rule.continuous else "hours"
    by_noc: dict[str, list[CategoryCount]] = defaultdict(list)
    for order, cat in enumerate(r.entry(CATEGORY_SETS).value.categories):
        if not cat.work_rule_applies:
            continue
        count = CategoryCount(
            order,
            cat.place,
            cat.nocs,
            f"Category {cat.id}: {rule.hours:,} {how} in NOC {{noc}} "
            f"in the last {rule.window_years} years",
        )
        for noc in cat.nocs:
            by_noc[noc].append(count)
    return {noc: tuple(counts) for noc, counts in by_noc.items()}


def _terms(r: RuleSet) -> Terms:
    crs, spouse_crs = _crs_counts(r)
    categories = CATEGORY_WORK_RULE.rule_id in r.eligibility
    work = r.entry(CATEGORY_WORK_RULE) if categories else None
    return Terms(
        cap=r.weekly_hours_cap.value,
        per_year=r.hours_per_year.value,
        crs_window=r.crs_window_years.value,
        crs=crs,
        spouse_crs=spouse_crs,
        cec_years=r.entry(CEC_WINDOW_YEARS).value,
        cec=_cec_counts(r),
        cec_rule=rule_ref(CEC_MIN_HOURS, r.entry(CEC_MIN_HOURS)),
        fsw_years=r.entry(FSW_WINDOW_YEARS).value,
        fsw_need=r.entry(FSW_MIN_HOURS).value,
        fsw_rule=rule_ref(FSW_MIN_HOURS, r.entry(FSW_MIN_HOURS)),
        grid_rule=rule_ref(grid.EXPERIENCE, r.entry(grid.EXPERIENCE)),
        grid_points=r.entry(grid.EXPERIENCE).value.points,
        adaptability=rule_ref(grid.ADAPTABILITY, r.entry(grid.ADAPTABILITY)),
        adaptability_words=(
            f"FSW adaptability: a year of full-time {teer_words(r.skilled_teers.value)} "
            "work in Canada"
        ),
        fst_years=r.entry(FST_WINDOW_YEARS).value,
        fst_need=r.entry(FST_MIN_HOURS).value,
        fst_trades=r.entry(FST_TRADE_GROUPS).value,
        fst_rule=rule_ref(FST_MIN_HOURS, r.entry(FST_MIN_HOURS)),
        categories=_category_counts(r),
        category_window=0 if work is None else work.value.window_years,
        category_hours=0 if work is None else work.value.hours,
        category_continuous=work is not None and work.value.continuous,
        category_rule=None if work is None else rule_ref(CATEGORY_WORK_RULE, work),
        turning={},
        calendar=Calendar(),
    )


def by_order(count: CategoryCount) -> int:
    """The sort key of a category count: its place in its set."""
    return count.order


def terms_of(r: RuleSet) -> Terms:
    """The terms of ``r``, read once and owned by the rule set."""
    return r.derived("forecast.terms", _terms)
