"""The counts of work a profile crosses as days pass, as the programs' requirements draw them.

Every work requirement of the programs and categories is a count of hours of
one kind of work in a window of years before the day assessed, and a line on
it: CEC asks 1,560 hours of skilled Canadian work in the last 3 years, FSW a
continuous year (1,560 hours) in one occupation in the last 10 years, FST 3,120
hours in one trade in the last 5 years, a category 6 or 12 months in one listed
occupation in the last 3 years. As days pass, work is added at one end of the
window and leaves at the other, so a profile crosses such a line, up or down, on
days that can be found ahead.

:func:`work_thresholds` gives every such count under a rule set, each with the
rule it comes from: the one place these requirements are written for whoever
looks ahead (a forecast). :func:`~expressentry.assess` reads the same rules.

>>> from datetime import date
>>> found = work_thresholds(as_of=date(2026, 11, 22))
>>> [(t.id, t.hours, t.window_years) for t in found.cec]
[('cec.work_experience', 1560.0, 3), ('cec.work_experience.lower_level', 1560.0, 3)]
>>> found.cec[1].describe()
'CEC: 1,560 hours of Canadian TEER 2-3 work in the last 3 years (the lower CEC language level)'
>>> found.fst[0].describe("72200")
'FST: 3,120 hours in the trade NOC 72200 in the last 5 years'
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import date
from types import MappingProxyType
from typing import Final

import attrs
from attrs import frozen

from expressentry._kinds import canadian_kind
from expressentry.enums import CategoryId, Program
from expressentry.explain import RuleRef
from expressentry.i18n import N_, Message, tr
from expressentry.models import WorkPeriod
from expressentry.rules import RuleSet, programs, resolve_rules
from expressentry.rules import fsw_grid as grid
from expressentry.rules.categories import CATEGORY_SETS, CATEGORY_WORK_RULE
from expressentry.rules.programs import (
    CEC_MIN_HOURS,
    CEC_WINDOW_YEARS,
    FST_MIN_HOURS,
    FST_WINDOW_YEARS,
    FSW_CONTINUITY_GAP_DAYS,
    FSW_MIN_HOURS,
    FSW_WINDOW_YEARS,
    SELF_EMPLOYMENT_COUNTS,
)

from ._common import ref, skilled_paid, teer_message
from .categories import place_kind
from .cec import cec_kinds
from .fst import trades_kind
from .fsw import SPOUSE_WORK

__all__ = ["ANY_HOURS", "WorkThreshold", "WorkThresholds", "work_thresholds"]

ANY_HOURS: Final = 1e-6
"""The least count of hours that is not none (hours count to the millionth): the
line of a count where any work at all matters (CEC's strict reading)."""


@frozen(kw_only=True)
class WorkThreshold:
    """A count of hours of one kind of work, and the line a requirement draws on it.

    The count is of the hours of ``kind`` work (capped as the rule set caps a
    week) in the ``window_years`` before a day, per occupation when
    ``per_occupation``; the requirement is met from the day the count reaches
    ``hours`` (counted to the millionth of an hour), or, when ``yearly``, each
    whole multiple of ``hours`` is a step (years of experience) that ``points``
    scores.

    Attributes:
        id: The requirement it is the line of, e.g. ``"cec.work_experience"``,
            ``"fsw.grid.experience"``, ``"category.healthcare_social_services.work_experience"``.
        program: The program asking it; ``None`` for a category's.
        category: The category asking it; ``None`` for a program's.
        what: The count and its line in words; ``{noc}`` stands for the
            occupation where the count is per occupation (see :meth:`describe`).
        kind: The work counted: its name, the skilled TEERs, and the test of a
            work period.
        hours: The line: the hours to reach, or with ``yearly`` the hours of
            one year.
        window_years: Years before the day in which work counts; ``None``: all
            work before the day.
        per_occupation: Each occupation (NOC code) is counted on its own; the
            requirement is met when one reaches the line.
        continuous_gap_days: Only a continuous stretch counts, allowing gaps of
            at most this many days; ``None``: the hours need not be continuous.
        occupations: Only these NOC codes count (a category's list); ``None``:
            every occupation ``kind`` counts.
        yearly: Whole years of ``hours`` each count (a grid's years of experience).
        points: With ``yearly``, what a number of whole years earns (a crossing
            that changes nothing earned changes nothing).
        full_time: Only full-time work counts (a year of full-time work in
            Canada, FSW adaptability), not its part-time equivalent.
        spouse: The spouse's work is counted, not the candidate's.
        rule: The rule the line comes from: its id, the dated entry applied and
            the source.
        what_message: :attr:`what` as a message, its ``{noc}`` left to
            :meth:`describe_message`; ``None``: :attr:`what` in English only.
    """

    id: str
    program: Program | None = None
    category: CategoryId | None = None
    what: str
    kind: tuple[str, frozenset[int], Callable[[WorkPeriod], bool]] = attrs.field(
        repr=False, eq=False
    )
    hours: float
    window_years: int | None
    per_occupation: bool = False
    continuous_gap_days: int | None = None
    occupations: frozenset[str] | None = attrs.field(default=None, repr=False)
    yearly: bool = False
    points: Callable[[int], object] | None = attrs.field(default=None, repr=False, eq=False)
    full_time: bool = False
    spouse: bool = False
    rule: RuleRef
    what_message: Message | None = attrs.field(default=None, repr=False, eq=False)

    def describe_message(self, noc: str | None = None) -> Message:
        """:meth:`describe` as a message, to word it in either language."""
        if self.what_message is None:
            return tr("{text}", text=self.describe(noc))
        if not self.per_occupation:
            return self.what_message
        words: Message = _ONE_OCCUPATION if noc is None else tr("{text}", text=noc)
        return Message(self.what_message.msgid, (*self.what_message.params, ("noc", words)))

    def describe(self, noc: str | None = None) -> str:
        """:attr:`what`, with the occupation ``noc`` where the count is per occupation.

        >>> from datetime import date
        >>> fsw = work_thresholds(as_of=date(2026, 11, 22)).fsw[0]
        >>> fsw.describe("21231")
        'FSW: 1,560 hours of continuous work in NOC 21231 in the last 10 years'
        >>> fsw.describe()
        'FSW: 1,560 hours of continuous work in NOC (one occupation) in the last 10 years'
        """
        return self.what.format(noc="(one occupation)" if noc is None else noc)


@frozen(kw_only=True)
class WorkThresholds:
    """Every count of work the programs and the categories of a rule set draw a line on.

    Attributes:
        fsw: FSW's continuous year in one occupation, its grid's years of skilled
            work, and adaptability's year of full-time work in Canada (the
            candidate's, then the spouse's).
        cec: CEC's year of skilled Canadian work, then the TEERs whose year asks
            the lower language level (and, under the strict reading of
            :data:`~expressentry.rules.programs.CEC_MIXED_TEER_HOURS_BY_LEVEL`,
            any work in the TEERs asking the higher one).
        fst: FST's hours in one skilled trade.
        categories: Each category whose work rule applies, in the order of its
            set (none before categories began, 2023-05-31).
    """

    fsw: tuple[WorkThreshold, ...]
    cec: tuple[WorkThreshold, ...]
    fst: tuple[WorkThreshold, ...]
    categories: tuple[WorkThreshold, ...]
    _listing: Mapping[str, tuple[WorkThreshold, ...]] = attrs.field(
        init=False, repr=False, eq=False
    )

    def __attrs_post_init__(self) -> None:
        by_noc: dict[str, list[WorkThreshold]] = {}
        for t in self.categories:
            for noc in t.occupations or ():
                by_noc.setdefault(noc, []).append(t)
        listing = MappingProxyType({noc: tuple(ts) for noc, ts in by_noc.items()})
        object.__setattr__(self, "_listing", listing)

    def __iter__(self) -> Iterator[WorkThreshold]:
        """Every threshold: FSW's, CEC's, FST's, then the categories'."""
        return iter((*self.fsw, *self.cec, *self.fst, *self.categories))

    def program(self, program: Program) -> tuple[WorkThreshold, ...]:
        """The thresholds of one program."""
        return {Program.FSW: self.fsw, Program.CEC: self.cec, Program.FST: self.fst}[program]

    def listing(self, noc: str) -> tuple[WorkThreshold, ...]:
        """The categories' thresholds that count work in ``noc``, in the order of their set."""
        return self._listing.get(noc, ())


def work_thresholds(*, as_of: date | None = None, rules: RuleSet | None = None) -> WorkThresholds:
    """Every count of work a profile can cross over time, under the rules of ``as_of``.

    Args:
        as_of: The day whose rules apply (``None``: today).
        rules: Rules to apply instead of those in force on ``as_of`` (a reform):
            its program minimums, windows, skilled TEERs, trades and categories.

    The readings made explicit in :mod:`expressentry.rules.programs`
    (self-employment, CEC's mixed TEERs) are those set when this is called.
    Derived once per rule set and reading.

    Raises:
        InvalidInputError: ``as_of`` is not a date, or ``rules`` not a
            :class:`~expressentry.rules.RuleSet`; or a reform made a TEER skilled
            without a CEC language level for it.
        RulesNotInForceError: ``as_of`` is before Express Entry opened.
    """
    _day, r = resolve_rules("work_thresholds", as_of, rules)
    readings = (
        programs.CEC_MIXED_TEER_HOURS_BY_LEVEL,
        SELF_EMPLOYMENT_COUNTS[Program.FSW],
        SELF_EMPLOYMENT_COUNTS[Program.FST],
    )
    name = "eligibility.thresholds." + ".".join(str(int(x)) for x in readings)
    return r.derived(name, _thresholds)


def _thresholds(rules: RuleSet) -> WorkThresholds:
    return WorkThresholds(
        fsw=_fsw(rules), cec=_cec(rules), fst=_fst(rules), categories=_categories(rules)
    )


_ONE_OCCUPATION: Final = tr("(one occupation)")


def _cec(rules: RuleSet) -> tuple[WorkThreshold, ...]:
    """A year of skilled Canadian work; which TEERs make it decides the language level."""
    years = rules.entry(CEC_WINDOW_YEARS).value
    need = rules.entry(CEC_MIN_HOURS).value
    kinds = cec_kinds(rules)  # the kinds the CEC checks count
    rule = ref(rules, CEC_MIN_HOURS)
    counts = [
        ("cec.work_experience", kinds.skilled, float(need), _CEC_WORDS[0]),
        ("cec.work_experience.lower_level", kinds.lower, float(need), _CEC_WORDS[1]),
    ]
    if not programs.CEC_MIXED_TEER_HOURS_BY_LEVEL:  # the strict reading: any such work counts
        counts.append(("cec.work_experience.higher_level", kinds.higher, ANY_HOURS, _CEC_WORDS[2]))
    out = []
    for rid, kind, line, template in counts:
        if not kind[1]:  # no TEER asks that level
            continue
        amount = tr("Any hours") if line == ANY_HOURS else tr("{need:,} hours", need=need)
        what = tr(template, amount=amount, teers=teer_message(kind[1]), years=years)
        out.append(
            WorkThreshold(
                id=rid,
                program=Program.CEC,
                what=str(what),
                kind=kind,
                hours=line,
                window_years=years,
                rule=rule,
                what_message=what,
            )
        )
    return tuple(out)


_CEC_WORDS: Final = (
    N_("CEC: {amount} of Canadian {teers} work in the last {years} years"),
    N_(
        "CEC: {amount} of Canadian {teers} work in the last {years} years "
        "(the lower CEC language level)"
    ),
    N_(
        "CEC: {amount} of Canadian {teers} work in the last {years} years "
        "(the higher CEC language level)"
    ),
)


def _fsw(rules: RuleSet) -> tuple[WorkThreshold, ...]:
    """A continuous year in one occupation; the grid's years; adaptability's year in Canada."""
    years = rules.entry(FSW_WINDOW_YEARS).value
    need = rules.entry(FSW_MIN_HOURS).value
    per_year = rules.hours_per_year.value
    paid = skilled_paid(rules, Program.FSW)
    teers = rules.skilled_teers.value
    adaptability = ref(rules, grid.ADAPTABILITY)
    continuous = tr(
        "FSW: {need:,} hours of continuous work in NOC {noc} in the last {years} years",
        need=need,
        years=years,
    )
    experience = tr("FSW grid: years of skilled work in the last {years} years", years=years)
    past_work = tr(
        "FSW adaptability: a year of full-time {teers} work in Canada", teers=teer_message(teers)
    )
    return (
        WorkThreshold(
            id="fsw.work_experience",
            program=Program.FSW,
            what=f"FSW: {need:,} hours of continuous work in NOC {{noc}} in the last {years} years",
            what_message=continuous,
            kind=paid,
            hours=float(need),
            window_years=years,
            per_occupation=True,
            continuous_gap_days=FSW_CONTINUITY_GAP_DAYS,
            rule=ref(rules, FSW_MIN_HOURS),
        ),
        WorkThreshold(
            id="fsw.grid.experience",
            program=Program.FSW,
            what=str(experience),
            what_message=experience,
            kind=paid,
            hours=float(per_year),
            window_years=years,
            yearly=True,
            points=rules.entry(grid.EXPERIENCE).value.points,
            rule=ref(rules, grid.EXPERIENCE),
        ),
        WorkThreshold(
            id="fsw.adaptability.past_work",
            program=Program.FSW,
            what=str(past_work),
            what_message=past_work,
            kind=canadian_kind(rules, teers),
            hours=float(per_year),
            window_years=None,
            full_time=True,
            rule=adaptability,
        ),
        WorkThreshold(
            id="fsw.adaptability.spouse_past_work",
            program=Program.FSW,
            what=str(_SPOUSE_PAST_WORK),
            what_message=_SPOUSE_PAST_WORK,
            kind=SPOUSE_WORK,
            hours=float(per_year),
            window_years=None,
            full_time=True,
            spouse=True,
            rule=adaptability,
        ),
    )


_SPOUSE_PAST_WORK: Final = tr("FSW adaptability: the spouse's year of full-time work in Canada")


def _fst(rules: RuleSet) -> tuple[WorkThreshold, ...]:
    """Hours in one skilled trade."""
    years = rules.entry(FST_WINDOW_YEARS).value
    need = rules.entry(FST_MIN_HOURS).value
    what = tr(
        "FST: {need:,} hours in the trade NOC {noc} in the last {years} years",
        need=need,
        years=years,
    )
    return (
        WorkThreshold(
            id="fst.work_experience",
            program=Program.FST,
            what=f"FST: {need:,} hours in the trade NOC {{noc}} in the last {years} years",
            what_message=what,
            kind=trades_kind(rules),
            hours=float(need),
            window_years=years,
            per_occupation=True,
            rule=ref(rules, FST_MIN_HOURS),
        ),
    )


def _categories(rules: RuleSet) -> tuple[WorkThreshold, ...]:
    """Each category's recent work in one listed occupation."""
    if CATEGORY_WORK_RULE.rule_id not in rules.eligibility:
        return ()  # no categories yet (before 2023-05-31)
    work = rules.entry(CATEGORY_WORK_RULE).value
    how = "continuous hours" if work.continuous else "hours"
    template = (
        N_("Category {category}: {hours:,} continuous hours in NOC {noc} in the last {years} years")
        if work.continuous
        else N_("Category {category}: {hours:,} hours in NOC {noc} in the last {years} years")
    )
    rule = ref(rules, CATEGORY_WORK_RULE)
    return tuple(
        WorkThreshold(
            id=f"category.{cat.id}.work_experience",
            category=cat.id,
            what=f"Category {cat.id}: {work.hours:,} {how} in NOC {{noc}} "
            f"in the last {work.window_years} years",
            what_message=tr(
                template, category=cat.id.value, hours=work.hours, years=work.window_years
            ),
            kind=place_kind(cat.place),
            hours=float(work.hours),
            window_years=work.window_years,
            per_occupation=True,
            continuous_gap_days=0 if work.continuous else None,
            occupations=cat.nocs,
            rule=rule,
        )
        for cat in rules.entry(CATEGORY_SETS).value.categories
        if cat.work_rule_applies
    )
