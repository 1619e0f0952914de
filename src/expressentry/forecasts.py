"""A dated forecast: the days a candidate's CRS score or eligibility will change, and why.

:func:`forecast` lists, between two days, every day on which the CRS total, the
programs or categories the candidate is eligible for, or the profile's place in
the pool changes, each with what happens that day (a :class:`Milestone`: a
birthday, a year of experience, a program's hours reached, a language result
or an ECA expiring, the profile leaving the pool, a rule change on the books)
and the total and eligibility just after it. :func:`forecast_many` does the same
for a whole pool, scoring each day once for every candidate it concerns.

The days are computed, not searched for: birthdays, expiry days and rule change
days are dates; the day a count of hours crosses a minimum is solved from the
hours per week (each count is linear between the days a job starts or ends or
leaves the window, so each crossing is found on its piece and checked on the
exact count). Only those days are scored (:func:`~expressentry.score_many`) and
assessed (:func:`~expressentry.assess`), and only the days on which something
changed are kept: every total equals ``score()`` of that day, every eligibility
``assess()`` of that day.

>>> from datetime import date
>>> import expressentry as ee
>>> f = ee.forecast(ee.example_profile(), start=date(2026, 11, 22), end=date(2027, 11, 22))
>>> f
Forecast(2026-11-22 to 2027-11-22: CRS 574, 5 events, CRS 377 at the end)
>>> e = f.events[-1]
>>> e.day, e.before.total, e.after.total, e.lost
(datetime.date(2027, 9, 20), 502, 377, (<Program.FSW: 'fsw'>, <Program.CEC: 'cec'>))
>>> e.milestones[0].description
"Candidate's IELTS General Training result of 2025-09-20 expires"
"""

from __future__ import annotations

import functools
import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, timedelta
from enum import StrEnum
from math import ceil
from typing import Any, Final, NamedTuple

import attrs
from attrs import frozen
from dateutil.relativedelta import relativedelta

from expressentry._ages import birthday, completed_years
from expressentry._checks import require_iterable
from expressentry._hours import Segments, hour_days
from expressentry._memo import LastIdentityCache
from expressentry._reprs import cited, cut
from expressentry._today import resolve
from expressentry.batch import at_index
from expressentry.crs import score_many
from expressentry.eligibility import EligibilityFlags, EligibilityReport, flags_many
from expressentry.eligibility._common import skilled_paid, teer_words
from expressentry.eligibility.categories import place_kind
from expressentry.eligibility.fsw import SPOUSE_WORK
from expressentry.enums import CategoryId, Program, Teer, WorkPlace
from expressentry.errors import FieldProblem, InvalidInputError
from expressentry.experience import (
    Kind,
    canadian_kind,
    foreign_kind,
    full_time_segments,
    occupation_segments,
    reaches,
    segments,
    whole_years,
)
from expressentry.explain import RuleRef
from expressentry.models import (
    Candidate,
    LanguageResult,
    Spouse,
    WorkHistory,
    check_dates,
    require_candidate,
)
from expressentry.rules import CRS_TIMELINES, ELIGIBILITY_TIMELINES, RuleSet, programs, rules_for
from expressentry.rules import fsw_grid as grid
from expressentry.rules._timeline import LAST_REVIEWED, Dated, Timeline, review_caveats
from expressentry.rules.categories import CATEGORY_SETS, CATEGORY_WORK_RULE
from expressentry.rules.programs import (
    CEC_MIN_CLB_BY_TEER,
    CEC_MIN_HOURS,
    CEC_WINDOW_YEARS,
    ECA_VALID_YEARS,
    FST_MIN_HOURS,
    FST_TRADE_GROUPS,
    FST_WINDOW_YEARS,
    FSW_CONTINUITY_GAP_DAYS,
    FSW_MIN_HOURS,
    FSW_WINDOW_YEARS,
    LANGUAGE_RESULT_VALID_YEARS,
)
from expressentry.rules.settlement_funds import SETTLEMENT_FUNDS, acceptable_tables
from expressentry.rules.timelines import PROFILE_POOL_MONTHS
from expressentry.validity import eca_expiry, in_pool_on, language_expiry, profile_exit

__all__ = [
    "Forecast",
    "ForecastEvent",
    "ForecastState",
    "Milestone",
    "MilestoneKind",
    "Verdicts",
    "forecast",
    "forecast_many",
]

_ONE_DAY = timedelta(days=1)
_CRS: Final = 1
"""A milestone that may change the CRS total."""
_ELIGIBILITY: Final = 2
"""A milestone that may change eligibility."""
_BOTH: Final = _CRS | _ELIGIBILITY
_FSW_DOWN: Final = 4
"""A milestone that can only lower the FSW grid or fail an FSW requirement: it
cannot change eligibility when FSW was not eligible the day before."""
_ANY_HOURS: Final = 1e-6
"""The least count of hours that is not none (hours count to the millionth)."""


class MilestoneKind(StrEnum):
    """What happens on a day of a forecast."""

    BIRTHDAY = "birthday"
    """A birthday that changes age points (CRS or the FSW grid)."""
    EXPERIENCE = "experience"
    """A count of work hours reaches, or falls below, a minimum or a further year."""
    EXPIRY = "expiry"
    """A language result or an ECA is no longer valid."""
    POOL = "pool"
    """The profile leaves the pool (12 months after it was submitted)."""
    RULES = "rules"
    """A rule of the CRS or of eligibility changes (a change already on the books)."""


@frozen(kw_only=True, repr=False)
class Milestone:
    """One thing that happens on a day of a forecast.

    Its repr is the kind and the words: ``Milestone(birthday: 'Turns 30')``.

    Attributes:
        kind: Birthday, experience, expiry, pool or rules.
        description: What happens, in a sentence.
        rule: The dated rule behind it, where there is one.
    """

    kind: MilestoneKind
    description: str
    rule: RuleRef | None = None

    def explain(self) -> str:
        """The description and, in brackets, its rule."""
        if self.rule is None:
            return self.description
        return f"{self.description} [{cited(self.rule.rule_id, self.rule.effective_from)}]"

    def __repr__(self) -> str:
        return f"Milestone({self.kind.value}: {cut(self.description, 120)!r})"


def _names(items: Iterable[str]) -> str:
    return ", ".join(items)


@frozen(kw_only=True, repr=False)
class Verdicts:
    """Which programs and categories a candidate is eligible for on a day.

    The verdicts of an :class:`~expressentry.EligibilityReport`, without the
    requirements behind them (:func:`~expressentry.assess` of the day has those).
    Its repr: ``Verdicts(eligible for FSW, CEC; categories: stem)``.

    Attributes:
        eligible_programs: Programs definitely eligible.
        undecided_programs: Programs eligible if what cannot be checked is confirmed.
        eligible_categories: Categories the candidate could definitely be invited in.
        undecided_categories: Categories eligible if something is confirmed.
    """

    eligible_programs: tuple[Program, ...] = ()
    undecided_programs: tuple[Program, ...] = ()
    eligible_categories: tuple[CategoryId, ...] = ()
    undecided_categories: tuple[CategoryId, ...] = ()

    @classmethod
    def of(cls, report: EligibilityReport | EligibilityFlags) -> Verdicts:
        """The verdicts of a report, or of the flags of the pool fast path."""
        return cls(
            eligible_programs=report.eligible_programs,
            undecided_programs=report.undecided_programs,
            eligible_categories=report.eligible_categories,
            undecided_categories=report.undecided_categories,
        )

    @property
    def eligible(self) -> bool:
        """Eligible for at least one program."""
        return bool(self.eligible_programs)

    def explain(self) -> str:
        """``"eligible for FSW, CEC; categories: stem"``, or ``"eligible for no program"``."""
        words = "eligible for " + (_names(p.name for p in self.eligible_programs) or "no program")
        if self.undecided_programs:
            words += f"; if confirmed: {_names(p.name for p in self.undecided_programs)}"
        if self.eligible_categories:
            words += f"; categories: {_names(self.eligible_categories)}"
        if self.undecided_categories:
            words += f"; categories if confirmed: {_names(self.undecided_categories)}"
        return words

    def __repr__(self) -> str:
        return f"Verdicts({cut(self.explain(), 160)})"


_NO_VERDICTS: Final = Verdicts()


@frozen(kw_only=True, repr=False)
class ForecastState:
    """The CRS total, the eligibility and the pool on one day of a forecast.

    Its repr: ``ForecastState(2027-09-20: CRS 450, eligible for no program, in the pool)``.

    Attributes:
        day: The day.
        total: The CRS total that day (:func:`~expressentry.score`).
        verdicts: Eligibility that day (:func:`~expressentry.assess`).
        in_pool: Whether the profile is in the pool that day; ``None`` for a
            profile never submitted.
    """

    day: date
    total: int
    verdicts: Verdicts
    in_pool: bool | None

    def _pool_words(self) -> str:
        if self.in_pool is None:
            return "no profile submitted"
        return "in the pool" if self.in_pool else "not in the pool"

    def explain(self) -> str:
        """The state in a line."""
        return (
            f"{self.day.isoformat()}: CRS {self.total}, {self.verdicts.explain()}, "
            f"{self._pool_words()}"
        )

    def __repr__(self) -> str:
        return f"ForecastState({cut(self.explain(), 170)})"


def _signed(n: int) -> str:
    return f"+{n}" if n > 0 else str(n)


@frozen(kw_only=True, repr=False)
class ForecastEvent:
    """A day of a forecast on which something changes, and what.

    Its repr: ``ForecastEvent(2027-09-20: CRS 574 → 450 (-124), eligible for no
    program; 1 milestone: 'Candidate's IELTS General Training result of 2025-09-20 expires …')``.

    Attributes:
        day: The day.
        milestones: What happens that day (at least one).
        before: The state the day before.
        after: The state that day, just after the milestones.
    """

    day: date
    milestones: tuple[Milestone, ...]
    before: ForecastState
    after: ForecastState

    @property
    def change(self) -> int:
        """CRS points gained (lost, if negative) that day."""
        return self.after.total - self.before.total

    @property
    def gained(self) -> tuple[Program, ...]:
        """Programs the candidate becomes eligible for that day."""
        was = self.before.verdicts.eligible_programs
        return tuple(p for p in self.after.verdicts.eligible_programs if p not in was)

    @property
    def lost(self) -> tuple[Program, ...]:
        """Programs the candidate is no longer eligible for from that day."""
        now = self.after.verdicts.eligible_programs
        return tuple(p for p in self.before.verdicts.eligible_programs if p not in now)

    def _headline(self) -> str:
        parts = [
            f"CRS {self.before.total} → {self.after.total} ({_signed(self.change)})"
            if self.change
            else f"CRS {self.after.total} (unchanged)"
        ]
        if self.after.verdicts != self.before.verdicts:
            parts.append(self.after.verdicts.explain())
            now = self.after.verdicts.eligible_categories
            gone = [c for c in self.before.verdicts.eligible_categories if c not in now]
            if gone:
                parts.append(f"no longer in categories: {_names(gone)}")
        if self.after.in_pool != self.before.in_pool:
            parts.append(self.after._pool_words())
        return "; ".join(parts)

    def explain(self) -> str:
        """The day, the score and eligibility after it, and each milestone."""
        lines = [f"{self.day.isoformat()}: {self._headline()}"]
        lines.extend(f"  - {m.explain()}" for m in self.milestones)
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.explain()

    def __repr__(self) -> str:
        n = len(self.milestones)
        first = cut(self.milestones[0].description, 60) if self.milestones else ""
        return (
            f"ForecastEvent({self.day.isoformat()}: {cut(self._headline(), 100)}; "
            f"{n} milestone{'' if n == 1 else 's'}: {first!r})"
        )


@frozen(kw_only=True, repr=False)
class Forecast:
    """The dated events of a candidate between two days.

    Its repr: ``Forecast(2026-11-22 to 2027-11-22: CRS 574, 1 event, CRS 450 at
    the end)``.

    Attributes:
        candidate: The profile forecast: the one given, or with its ongoing jobs
            ended before ``start`` when ``ongoing`` is false. Every total equals
            ``score(candidate, as_of=day)``.
        start: The first day: ``initial`` is its state; events come after it.
        end: The last day examined.
        ongoing: Whether ongoing jobs were assumed to go on.
        initial: The state on ``start``.
        events: Every day after ``start``, up to ``end``, on which the total, the
            eligibility or the pool changes, in order.
        rules_reviewed_on: Last day the rule tables were checked against their
            sources (:attr:`caveats` speaks when ``end`` is after it: the rule
            changes forecast are only those on the books that day).
    """

    candidate: Candidate
    start: date
    end: date
    ongoing: bool
    initial: ForecastState
    events: tuple[ForecastEvent, ...]
    rules_reviewed_on: date = LAST_REVIEWED

    @property
    def caveats(self) -> tuple[str, ...]:
        """What to bear in mind: the rules' review day, when ``end`` is after it.

        Printed by :meth:`explain` and written in the JSON form.
        """
        return review_caveats(self.end, self.rules_reviewed_on)

    @property
    def final(self) -> ForecastState:
        """The state on ``end``."""
        return self.on(self.end)

    def on(self, day: date) -> ForecastState:
        """The state on ``day`` (between ``start`` and ``end``): that of the last event by then.

        Raises:
            InvalidInputError: ``day`` is not a date, or outside the forecast.
        """
        day = resolve(day, "day", where="Forecast.on", optional=False)
        if not self.start <= day <= self.end:
            raise InvalidInputError(
                "Forecast.on",
                [FieldProblem("day", day, f"must be from {self.start} to {self.end}")],
            )
        state = self.initial
        for e in self.events:
            if e.day > day:
                break
            state = e.after
        return attrs.evolve(state, day=day)

    def explain(self) -> str:
        """The state on ``start``, then each event and its milestones."""
        jobs = "ongoing jobs assumed to go on" if self.ongoing else "ongoing jobs ended"
        lines = [
            f"Forecast from {self.start.isoformat()} to {self.end.isoformat()} ({jobs}).",
            f"On {self.initial.explain()}.",
        ]
        if not self.events:
            lines.append("Nothing changes.")
        lines.extend(e.explain() for e in self.events)
        lines.extend(f"Note: {c}" for c in self.caveats)
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.explain()

    def __repr__(self) -> str:
        n = len(self.events)
        return (
            f"Forecast({self.start.isoformat()} to {self.end.isoformat()}: "
            f"CRS {self.initial.total}, {n} event{'' if n == 1 else 's'}, "
            f"CRS {self.final.total} at the end)"
        )


# -- eligibility: the one call (a faster path can replace it here) --------------------------


def _verdicts(
    pool: Sequence[Candidate], asked: Iterable[tuple[int, date]]
) -> dict[tuple[int, date], Verdicts]:
    """Eligibility of ``pool[i]`` on each day asked, as :func:`~expressentry.assess` gives it.

    Each day is assessed once for every candidate asked of it
    (:func:`~expressentry.eligibility.flags_many`). Every program needs a valid
    language result, and every category a program: without one valid result the
    verdicts are known without assessing.
    """
    out: dict[tuple[int, date], Verdicts] = {}
    by_day: dict[date, list[int]] = defaultdict(list)
    last: dict[int, date] = {}  # the day each candidate's last valid result expires
    for i, day in asked:
        ends = last.get(i)
        if ends is None:
            ends = last[i] = max(map(language_expiry, pool[i].languages), default=date.min)
        if day < ends:
            by_day[day].append(i)
        else:
            out[i, day] = _NO_VERDICTS
    for day, who in by_day.items():
        flags = flags_many([pool[i] for i in who], as_of=day)
        seen: dict[int, Verdicts] = {}  # a day's equal flags are one object
        for i, found in zip(who, flags, strict=True):
            verdicts = seen.get(id(found))
            if verdicts is None:
                verdicts = seen[id(found)] = _shared(found)
            out[i, day] = verdicts
    return out


_SHARED: dict[tuple[tuple[Any, ...], ...], Verdicts] = {}


def _shared(found: EligibilityFlags) -> Verdicts:
    """The verdicts of ``found``: one object for all alike (a pool has few kinds)."""
    key = (
        found.eligible_programs,
        found.undecided_programs,
        found.eligible_categories,
        found.undecided_categories,
    )
    verdicts = _SHARED.get(key)
    if verdicts is None:
        if len(_SHARED) >= _SHARED_LIMIT:
            _SHARED.clear()
        verdicts = _SHARED[key] = Verdicts.of(found)
    return verdicts


_SHARED_LIMIT: Final = 4096


# -- the days hour counts cross a line ------------------------------------------------------


@functools.lru_cache(maxsize=65_536)
def _back(day: int, years: int) -> int:
    """The first day of the window of ``years`` ending before ``day`` (ordinals)."""
    return (date.fromordinal(day) - relativedelta(years=years)).toordinal()


@functools.lru_cache(maxsize=65_536)
def _forward(day: int, years: int) -> int | None:
    try:
        return (date.fromordinal(day) + relativedelta(years=years)).toordinal()
    except (ValueError, OverflowError):
        return None


class _Watch(NamedTuple):
    """A count of hours in a window, and the lines whose crossing matters."""

    segs: Segments
    years: int | None
    """The window in years; ``None``: all work before the day."""
    step: int
    """Whole multiples of ``step`` count (years of experience); 0: one ``threshold``."""
    threshold: float
    tags: int
    what: str
    rule: RuleRef
    points: Callable[[int], object] | None = None
    """What the level earns: a crossing that changes nothing it earns is no event."""
    down_tags: int | None = None
    """The tags of a fall, when they differ from those of a rise."""


def _pivots(w: _Watch, lo: int, hi: int) -> list[int]:
    """Days in ``[lo, hi]`` between which the count of ``w`` is linear in the day.

    The count changes pace where a job starts or ends, where such a day leaves the
    window, and around 29 February (a year back from 1 March skips or repeats a day).
    """
    points = {lo, hi}
    years = w.years
    for s, e, _ in w.segs:
        for x in (s, e):
            if lo < x < hi:
                points.add(x)
            if years is not None:
                f = _forward(x, years)
                if f is not None:
                    for y in (f - 1, f, f + 1):
                        if lo < y < hi:
                            points.add(y)
    if years is not None:
        # A window's start jumps around 29 February: only work there bends the count.
        for days in _leap_pivots(lo, hi):
            first, last = _back(days[0], years) - 2, _back(days[-1], years) + 2
            if any(s <= last and e >= first for s, e, _ in w.segs):
                points.update(days)
    return sorted(points)


@functools.lru_cache(maxsize=1024)
def _leap_pivots(lo: int, hi: int) -> tuple[tuple[int, ...], ...]:
    """The days around each 28 February in ``(lo, hi)``, where a window's start jumps."""
    out: list[tuple[int, ...]] = []
    for year in range(date.fromordinal(lo).year, date.fromordinal(hi).year + 1):
        feb28 = date(year, 2, 28).toordinal()
        days = tuple(y for y in range(feb28 - 1, feb28 + 4) if lo < y < hi)
        if days:
            out.append(days)
    return tuple(out)


def _crossings(w: _Watch, lo: int, hi: int) -> list[tuple[int, int, int]]:
    """``(day, level before, level after)`` for each day in ``(lo, hi]`` the level changes.

    On each linear piece the count is monotone, so each line is crossed at most
    once there: the day is solved from the pace, then checked on the exact count.
    """
    segs, years, step, threshold = w.segs, w.years, w.step, w.threshold
    # Every count of the range lies between the hours of the days all its windows
    # share and those of the days any of them holds: one level for both, no crossing.
    # (Most counts of a pool stop here: the test is written out, not called.)
    if years is None:
        first = 1  # all work before the day
        least, most = hour_days(segs, 1, lo) / 7, hour_days(segs, 1, hi) / 7
    else:
        first, last = _back(lo, years), _back(hi, years)
        least = hour_days(segs, last, lo) / 7 if last < lo else 0.0
        most = hour_days(segs, first, hi) / 7
    if step:
        low, high = whole_years(least, step), whole_years(most, step)
        if low == high:
            return []
        earns = w.points
        if earns is not None and all(earns(k) == earns(low) for k in range(low + 1, high + 1)):
            return []  # every level the range can reach earns the same
    elif reaches(least, threshold) == reaches(most, threshold):
        return []
    if not any(e > first and s < hi for s, e, _ in segs):
        return []  # no work in any window of the range

    def level(day: int) -> int:
        hours = hour_days(segs, 1 if years is None else _back(day, years), day) / 7
        if step:
            return whole_years(hours, step)
        return 1 if reaches(hours, threshold) else 0

    pivots = _pivots(w, lo, hi)
    hours = [hour_days(segs, 1 if years is None else _back(d, years), d) / 7 for d in pivots]
    levels = [(whole_years(h, step) if step else 1 if reaches(h, threshold) else 0) for h in hours]
    found: set[int] = set()
    for i in range(len(pivots) - 1):
        la, lb = levels[i], levels[i + 1]
        if la == lb:
            continue
        a, b = pivots[i], pivots[i + 1]
        ha, hb = hours[i], hours[i + 1]
        pace = (hb - ha) / (b - a)
        rising = lb > la
        for k in range(la + 1, lb + 1) if rising else range(lb + 1, la + 1):
            line = k * step if step else threshold

            def past(d: int, k: int = k, rising: bool = rising) -> bool:
                return (level(d) >= k) is rising

            guess = a + ceil((line - ha) / pace) if pace else b
            d = min(max(guess, a + 1), b)
            while d > a + 1 and past(d - 1):
                d -= 1
            while not past(d):
                d += 1
            found.add(d)
    return [(d, level(d - 1), level(d)) for d in sorted(found)]


# -- what a rule set says about the counts a forecast watches ----------------------------------


def _ref(timeline: Timeline[Any], entry: Dated[Any]) -> RuleRef:
    return RuleRef(
        rule_id=timeline.rule_id, effective_from=entry.effective_from, source=entry.source
    )


class _CrsCount(NamedTuple):
    """Years of one kind of work the CRS pays, and what each number of years earns."""

    what: str
    kind: Kind
    rule: RuleRef
    earns: Callable[[int], object]


class _CategoryCount(NamedTuple):
    """The hours of work in a category's listed occupations."""

    order: int
    """The category's place in its set: milestones of one day come in that order."""
    place: WorkPlace
    nocs: frozenset[str]
    what: str
    """The words of the watch, with ``{noc}`` for each occupation."""


class _Terms(NamedTuple):
    """What one rule set says about every count a forecast watches, read once.

    Every candidate forecast under the rule set reads the same terms: only the
    segments of hours are the candidate's own.
    """

    cap: int
    per_year: int
    crs_window: int
    crs: tuple[_CrsCount, ...]
    """The candidate's Canadian and foreign experience."""
    spouse_crs: _CrsCount
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
    categories: dict[str, tuple[_CategoryCount, ...]]
    """The categories whose work rule applies that list each NOC code."""
    category_window: int
    category_hours: int
    category_continuous: bool
    category_rule: RuleRef | None
    turning: dict[int, tuple[int, tuple[Milestone, ...]]]
    """The tags and milestone of each birthday (filled on first use)."""


def _crs_counts(r: RuleSet) -> tuple[tuple[_CrsCount, ...], _CrsCount]:
    window = r.crs_window_years.value
    teers = r.skilled_teers.value
    where = f"{teer_words(teers)} experience (last {window} years)"

    def count(words: str, kind: Kind, attr: str, earns: Callable[[int], object]) -> _CrsCount:
        return _CrsCount(
            f"CRS: {words} {where}", kind, _ref(CRS_TIMELINES[attr], getattr(r, attr)), earns
        )

    canadian = canadian_kind(teers)
    mine = (
        count("Canadian", canadian, "canadian_experience", _crs_canadian(r)),
        count(
            "foreign", foreign_kind(teers), "transferability_foreign_experience", _crs_foreign(r)
        ),
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
        (" (the higher CEC language level)", high, _ANY_HOURS),
    ):
        if kinds:
            amount = f"{need:,} hours" if line != _ANY_HOURS else "Any hours"
            what = (
                f"CEC: {amount} of Canadian {teer_words(kinds)} work in the last {years} years"
                f"{words}"
            )
            counts.append((what, frozenset(kinds), line))
    return tuple(counts)


def _category_counts(r: RuleSet) -> dict[str, tuple[_CategoryCount, ...]]:
    if CATEGORY_WORK_RULE.rule_id not in r.eligibility:
        return {}  # no categories yet (before 2023-05-31)
    rule = r.entry(CATEGORY_WORK_RULE).value
    how = "continuous hours" if rule.continuous else "hours"
    by_noc: dict[str, list[_CategoryCount]] = defaultdict(list)
    for order, cat in enumerate(r.entry(CATEGORY_SETS).value.categories):
        if not cat.work_rule_applies:
            continue
        count = _CategoryCount(
            order,
            cat.place,
            cat.nocs,
            f"Category {cat.id}: {rule.hours:,} {how} in NOC {{noc}} "
            f"in the last {rule.window_years} years",
        )
        for noc in cat.nocs:
            by_noc[noc].append(count)
    return {noc: tuple(counts) for noc, counts in by_noc.items()}


def _terms(r: RuleSet) -> _Terms:
    crs, spouse_crs = _crs_counts(r)
    categories = CATEGORY_WORK_RULE.rule_id in r.eligibility
    work = r.entry(CATEGORY_WORK_RULE) if categories else None
    return _Terms(
        cap=r.weekly_hours_cap.value,
        per_year=r.hours_per_year.value,
        crs_window=r.crs_window_years.value,
        crs=crs,
        spouse_crs=spouse_crs,
        cec_years=r.entry(CEC_WINDOW_YEARS).value,
        cec=_cec_counts(r),
        cec_rule=_ref(CEC_MIN_HOURS, r.entry(CEC_MIN_HOURS)),
        fsw_years=r.entry(FSW_WINDOW_YEARS).value,
        fsw_need=r.entry(FSW_MIN_HOURS).value,
        fsw_rule=_ref(FSW_MIN_HOURS, r.entry(FSW_MIN_HOURS)),
        grid_rule=_ref(grid.EXPERIENCE, r.entry(grid.EXPERIENCE)),
        grid_points=r.entry(grid.EXPERIENCE).value.points,
        adaptability=_ref(grid.ADAPTABILITY, r.entry(grid.ADAPTABILITY)),
        adaptability_words=(
            f"FSW adaptability: a year of full-time {teer_words(r.skilled_teers.value)} "
            "work in Canada"
        ),
        fst_years=r.entry(FST_WINDOW_YEARS).value,
        fst_need=r.entry(FST_MIN_HOURS).value,
        fst_trades=r.entry(FST_TRADE_GROUPS).value,
        fst_rule=_ref(FST_MIN_HOURS, r.entry(FST_MIN_HOURS)),
        categories=_category_counts(r),
        category_window=0 if work is None else work.value.window_years,
        category_hours=0 if work is None else work.value.hours,
        category_continuous=work is not None and work.value.continuous,
        category_rule=None if work is None else _ref(CATEGORY_WORK_RULE, work),
        turning={},
    )


def _first(count: _CategoryCount) -> int:
    return count.order


_TERMS: LastIdentityCache[RuleSet, _Terms] = LastIdentityCache(_terms)


# -- the watches of a candidate under one rule set --------------------------------------------


def _per_noc(
    history: WorkHistory, kind: Kind, cap: int, *, continuous: bool
) -> Iterator[tuple[str, Segments]]:
    """Each NOC's segments of ``kind`` work (each continuous stretch, if ``continuous``)."""
    gap = FSW_CONTINUITY_GAP_DAYS if continuous else None
    for noc, runs in occupation_segments(history, kind, cap, gap):
        for run in runs:
            yield noc, run


def _crs_watches(c: Candidate, t: _Terms) -> Iterator[_Watch]:
    counts: list[tuple[WorkHistory, tuple[_CrsCount, ...]]] = [(c.work_history, t.crs)]
    if c.spouse is not None:
        counts.append((c.spouse.work_history, (t.spouse_crs,)))
    for history, kinds in counts:
        if not history.periods:
            continue
        for what, kind, rule, earns in kinds:
            segs = segments(history, kind, t.cap)
            if segs:  # no such work: nothing to cross
                yield _Watch(segs, t.crs_window, t.per_year, 0.0, _CRS, what, rule, earns)


def _program_watches(c: Candidate, r: RuleSet, t: _Terms) -> Iterator[_Watch]:
    history = c.work_history
    cap = t.cap
    for what, teers, line in t.cec:  # the TEERs of the first hold those of the others
        if line == _ANY_HOURS and programs.CEC_MIXED_TEER_HOURS_BY_LEVEL:
            continue  # the strict reading only
        segs = segments(history, canadian_kind(teers), cap)
        if not segs and teers == t.cec[0][1]:
            break  # no Canadian skilled work at all
        if segs:
            yield _Watch(segs, t.cec_years, 0, line, _ELIGIBILITY, what, t.cec_rule)
    # FSW: a year of continuous work in one occupation; years of skilled work on the grid.
    paid = skilled_paid(r, Program.FSW)
    years = t.fsw_years
    for noc, run in _per_noc(history, paid, cap, continuous=True):
        yield _Watch(
            run,
            years,
            0,
            float(t.fsw_need),
            _ELIGIBILITY,
            f"FSW: {t.fsw_need:,} hours of continuous work in NOC {noc} in the last {years} years",
            t.fsw_rule,
            down_tags=_FSW_DOWN,
        )
    skilled = segments(history, paid, cap)
    if skilled:
        yield _Watch(
            skilled,
            years,
            t.per_year,
            0.0,
            _ELIGIBILITY,
            f"FSW grid: years of skilled work in the last {years} years",
            t.grid_rule,
            t.grid_points,
            down_tags=_FSW_DOWN,
        )
    # FSW adaptability: a year of full-time work in Canada (all before the day).
    full: list[tuple[str, Segments]] = [
        (
            t.adaptability_words,
            full_time_segments(history, canadian_kind(r.skilled_teers.value), cap),
        )
    ]
    if c.spouse is not None:
        full.append(
            (
                "FSW adaptability: the spouse's year of full-time work in Canada",
                full_time_segments(c.spouse.work_history, SPOUSE_WORK, cap),
            )
        )
    for words, full_time in full:
        if full_time:
            yield _Watch(full_time, None, 0, float(t.per_year), _ELIGIBILITY, words, t.adaptability)
    # FST: two years in one trade.
    years = t.fst_years
    for noc, segs in _per_noc(history, skilled_paid(r, Program.FST), cap, continuous=False):
        if t.fst_trades.contains(noc):
            yield _Watch(
                segs,
                years,
                0,
                float(t.fst_need),
                _ELIGIBILITY,
                f"FST: {t.fst_need:,} hours in the trade NOC {noc} in the last {years} years",
                t.fst_rule,
            )
    yield from _category_watches(c, t)


def _category_watches(c: Candidate, t: _Terms) -> Iterator[_Watch]:
    if t.category_rule is None:
        return
    listed = t.categories
    counts = {count for p in c.work_history.periods for count in listed.get(p.noc, ())}
    for _, place, nocs, what in sorted(counts, key=_first):
        # the place's work in every occupation, of which the category reads its listed ones
        history, kind = c.work_history, place_kind(place)
        for noc, segs in _per_noc(history, kind, t.cap, continuous=t.category_continuous):
            if noc not in nocs:
                continue
            yield _Watch(
                segs,
                t.category_window,
                0,
                float(t.category_hours),
                _ELIGIBILITY,
                what.format(noc=noc),
                t.category_rule,
            )


def _experience_words(w: _Watch, before: int, after: int) -> str:
    if w.step:
        n = f"{after} year{'' if after == 1 else 's'}"
        return f"{w.what}: {n} (was {before})"
    return f"{w.what}: {'reached' if after else 'no longer reached'}"


# -- every day that may change something ----------------------------------------------------


class _Plan:
    """The days that may change a candidate's state: what may change (tags), and why.

    A day of one milestone holds a tuple shared by every candidate it concerns
    (a birthday, an expiry): a pool's forecast makes few objects of its own.
    """

    __slots__ = ("milestones", "tags")

    def __init__(self) -> None:
        self.tags: dict[date, int] = {}
        self.milestones: dict[date, tuple[Milestone, ...]] = {}

    def add(self, day: date, tags: int, milestones: tuple[Milestone, ...]) -> None:
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


def _rule_days(start: date, end: date) -> dict[date, tuple[Milestone, ...]]:
    """Every change of a rule that scoring or eligibility reads, in ``(start, end]``."""
    out: dict[date, list[Milestone]] = defaultdict(list)
    for t in (*CRS_TIMELINES.values(), *ELIGIBILITY_TIMELINES.values()):
        for e in t.entries:
            if start < e.effective_from <= end:
                note = f": {e.note}" if e.note else ""
                out[e.effective_from].append(
                    Milestone(
                        kind=MilestoneKind.RULES,
                        description=f"Rule {t.rule_id} changes{note}",
                        rule=_ref(t, e),
                    )
                )
    for day in _funds_accepted_days():
        if start < day <= end:
            out[day].append(
                Milestone(
                    kind=MilestoneKind.RULES,
                    description="A new settlement funds table is accepted alongside the old one",
                    rule=_ref(SETTLEMENT_FUNDS, SETTLEMENT_FUNDS.at(day + timedelta(days=366))),
                )
            )
    return {day: tuple(milestones) for day, milestones in out.items()}


def _turning(r: RuleSet, age: int) -> tuple[int, tuple[Milestone, ...]]:
    """What turning ``age`` may change under ``r`` (tags), and its milestone."""
    turning = _TERMS(r).turning
    found = turning.get(age)
    if found is None:
        tags = 0
        crs = r.age.value
        if any(
            crs.points(age - 1, with_spouse=ws) != crs.points(age, with_spouse=ws)
            for ws in (True, False)
        ):
            tags |= _CRS
        fsw = r.entry(grid.AGE).value
        if fsw.points(age) < fsw.points(age - 1):
            tags |= _FSW_DOWN
        elif fsw.points(age) != fsw.points(age - 1):
            tags |= _ELIGIBILITY
        milestone = Milestone(
            kind=MilestoneKind.BIRTHDAY,
            description=f"Turns {age}",
            rule=_ref(CRS_TIMELINES["age"], r.age),
        )
        found = turning[age] = (tags, (milestone,) if tags else ())
    return found


def _birthdays(c: Candidate, start: date, end: date, plan: _Plan) -> None:
    born = c.date_of_birth
    age = completed_years(born, start)
    while True:
        age += 1
        if born.year + age > end.year:
            return
        day = birthday(born, age)
        if day > end:
            return
        tags, milestones = _turning(rules_for(as_of=day), age)
        if milestones:
            plan.add(day, tags, milestones)


@functools.lru_cache(maxsize=65_536)
def _result_expires(whose: str, label: str, dated: date) -> tuple[Milestone]:
    return (
        Milestone(
            kind=MilestoneKind.EXPIRY,
            description=f"{whose}'s {label} result of {dated.isoformat()} expires",
            rule=_ref(
                LANGUAGE_RESULT_VALID_YEARS,
                LANGUAGE_RESULT_VALID_YEARS.at(max(dated, LANGUAGE_RESULT_VALID_YEARS.first)),
            ),
        ),
    )


@functools.lru_cache(maxsize=65_536)
def _eca_expires(whose: str, issued: date) -> tuple[Milestone]:
    return (
        Milestone(
            kind=MilestoneKind.EXPIRY,
            description=f"{whose}'s ECA issued {issued.isoformat()} expires",
            rule=_ref(ECA_VALID_YEARS, ECA_VALID_YEARS.at(max(issued, ECA_VALID_YEARS.first))),
        ),
    )


def _expiries(c: Candidate, start: date, end: date, plan: _Plan) -> None:
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
            day = language_expiry(result)
            if start < day <= end:
                milestones = _result_expires(whose, result.test.label, result.valid_from)
                plan.add(day, _CRS | _FSW_DOWN if spouse else _BOTH, milestones)
        issued = None if p.education is None else p.education.eca_issued
        if issued is not None:
            day = eca_expiry(issued)
            if start < day <= end:
                plan.add(day, _CRS if spouse else _CRS | _FSW_DOWN, _eca_expires(whose, issued))


def _in_pool(submitted: date | None, day: date) -> bool | None:
    """Whether a profile submitted on ``submitted`` is in the pool on ``day``."""
    return None if submitted is None else in_pool_on(submitted, day)


@functools.lru_cache(maxsize=65_536)
def _leaves_pool(submitted: date) -> tuple[Milestone]:
    return (
        Milestone(
            kind=MilestoneKind.POOL,
            description="The profile leaves the pool",
            rule=_ref(
                PROFILE_POOL_MONTHS,
                PROFILE_POOL_MONTHS.at(max(submitted, PROFILE_POOL_MONTHS.first)),
            ),
        ),
    )


class _Stretch(NamedTuple):
    """Days between rule changes: hour counts cross lines in ``(lo, hi]`` under these rules."""

    lo: int
    hi: int
    rules: RuleSet
    terms: _Terms


def _stretches(
    start: date, end: date, rule_days: dict[date, tuple[Milestone, ...]]
) -> list[_Stretch]:
    """The stretches of ``(start, end]`` between the days a rule changes."""
    out: list[_Stretch] = []
    bounds = [start, *sorted(rule_days), end + _ONE_DAY]
    for first, after in itertools.pairwise(bounds):
        if first >= after:
            continue
        lo = first.toordinal() if first == start else first.toordinal() - 1
        hi = (after - _ONE_DAY).toordinal()
        if hi > lo:
            r = rules_for(as_of=first)
            out.append(_Stretch(lo, hi, r, _TERMS(r)))
    return out


def _plan(
    c: Candidate,
    start: date,
    end: date,
    rule_days: dict[date, tuple[Milestone, ...]],
    stretches: list[_Stretch],
) -> _Plan:
    """Every day in ``(start, end]`` that may change ``c``'s total, eligibility or pool."""
    plan = _Plan()
    for day, milestones in rule_days.items():
        plan.add(day, _BOTH, milestones)
    _birthdays(c, start, end, plan)
    _expiries(c, start, end, plan)
    submitted = c.submitted_day
    if submitted is not None:
        exit_day = profile_exit(submitted)
        if start < exit_day <= end:
            plan.add(exit_day, 0, _leaves_pool(submitted))
    # Hour counts, under the rules of each stretch between rule changes.
    for lo, hi, r, t in stretches:
        for w in (*_crs_watches(c, t), *_program_watches(c, r, t)):
            for day_n, before, now in _crossings(w, lo, hi):
                if w.points is not None and w.points(before) == w.points(now):
                    continue  # a year more or less that earns the same
                tags = w.tags if now > before or w.down_tags is None else w.down_tags
                milestone = Milestone(
                    kind=MilestoneKind.EXPERIENCE,
                    description=_experience_words(w, before, now),
                    rule=w.rule,
                )
                plan.add(date.fromordinal(day_n), tags, (milestone,))
    return plan


# -- the forecast ---------------------------------------------------------------------------


def _ended(history: WorkHistory, start: date) -> WorkHistory:
    periods = tuple(
        attrs.evolve(p, end=start - _ONE_DAY) if p.end is None else p
        for p in history.periods
        if not (p.end is None and p.start >= start)
    )
    return WorkHistory(periods=periods)


def _projected(c: Candidate, start: date, *, ongoing: bool) -> Candidate:
    """``c`` with its (and the spouse's) ongoing jobs ended the day before ``start``."""
    if ongoing:
        return c
    s = c.spouse
    spouse = s if s is None else attrs.evolve(s, work_history=_ended(s.work_history, start))
    return attrs.evolve(c, work_history=_ended(c.work_history, start), spouse=spouse)


def _days(where: str, start: date | None, end: object) -> tuple[date, date]:
    day = resolve(start, "start", where=where)
    last = resolve(end, "end", where=where, optional=False)  # type: ignore[arg-type]
    if last < day:
        raise InvalidInputError(
            where, [FieldProblem("end", last, f"must not be before start ({day.isoformat()})")]
        )
    return day, last


def _ongoing(where: str, ongoing: object) -> bool:
    if not isinstance(ongoing, bool):
        raise InvalidInputError(where, [FieldProblem("ongoing", ongoing, "must be True or False")])
    return ongoing


def forecast(
    candidate: Candidate, *, start: date | None = None, end: date, ongoing: bool = True
) -> Forecast:
    """The days from ``start`` (``None``: today) to ``end`` on which anything changes.

    Each :class:`ForecastEvent` has its milestones, and the CRS total and
    eligibility the day before and that day. An ongoing job (a work period with
    no end) goes on unless ``ongoing`` is false, when it is taken to have ended
    the day before ``start`` (``Forecast.candidate`` is then the profile so
    changed).

    Raises:
        InvalidInputError: ``start`` or ``end`` is not a date, ``end`` is before
            ``start``, or a date of the profile is after ``start``.
        RulesNotInForceError: ``start`` is before Express Entry opened.
    """
    day, last = _days("forecast", start, end)
    candidate = require_candidate(candidate, "forecast")
    check_dates(candidate, as_of=day)
    return _run([candidate], day, last, _ongoing("forecast", ongoing))[0]


def forecast_many(
    candidates: Iterable[Candidate],
    *,
    start: date | None = None,
    end: date,
    ongoing: bool = True,
) -> list[Forecast]:
    """:func:`forecast` of every candidate of a pool, in order.

    Each day is scored once for all the candidates it concerns
    (:func:`~expressentry.score_many`), so a pool costs far less than one
    forecast at a time.

    Raises:
        InvalidInputError: as :func:`forecast`; a bad profile is named by its
            index (``[3].languages[0].test_date``); ``candidates`` is not an
            iterable of profiles (one profile alone: pass ``[profile]``).
        RulesNotInForceError: ``start`` is before Express Entry opened.
    """
    day, last = _days("forecast_many", start, end)
    flag = _ongoing("forecast_many", ongoing)
    pool = list(require_iterable(candidates, Candidate, "candidates", "forecast_many"))
    for i, c in enumerate(pool):
        try:
            check_dates(require_candidate(c, "forecast_many"), as_of=day)
        except InvalidInputError as exc:
            raise at_index(i, exc) from None
    return _run(pool, day, last, flag)


def _fsw_possible(v: Verdicts) -> bool:
    return Program.FSW in v.eligible_programs or Program.FSW in v.undecided_programs


def _run(pool: Sequence[Candidate], start: date, end: date, ongoing: bool) -> list[Forecast]:
    projected = [_projected(c, start, ongoing=ongoing) for c in pool]
    rule_days = _rule_days(start, end)
    stretches = _stretches(start, end, rule_days)
    plans = [_plan(c, start, end, rule_days, stretches) for c in projected]
    days = [sorted(plan.tags) for plan in plans]
    # The CRS: each day once, for every candidate whose total may change that day.
    totals: list[dict[date, int]] = [{} for _ in pool]
    first = score_many(projected, as_of=start)
    by_day: dict[date, list[int]] = defaultdict(list)
    for i, plan in enumerate(plans):
        for day, tags in plan.tags.items():
            if tags & _CRS:
                by_day[day].append(i)
    for day in sorted(by_day):
        who = by_day[day]
        for i, total in zip(who, score_many([projected[i] for i in who], as_of=day), strict=True):
            totals[i][day] = total
    verdicts_on = _eligibility(projected, start, plans, days)
    out: list[Forecast] = []
    for i, c in enumerate(projected):
        submitted = c.submitted_day
        exit_day = None if submitted is None else profile_exit(submitted)
        initial = state = ForecastState(
            day=start,
            total=first[i],
            verdicts=verdicts_on[i, start],
            in_pool=_in_pool(submitted, start),
        )
        events: list[ForecastEvent] = []
        mine = totals[i]
        tags_on, milestones_on = plans[i].tags, plans[i].milestones
        for day in days[i]:
            tags = tags_on[day]
            total = mine.get(day, state.total)
            verdicts = state.verdicts
            if tags & _ELIGIBILITY or (tags & _FSW_DOWN and _fsw_possible(verdicts)):
                verdicts = verdicts_on[i, day]
            in_pool = None if exit_day is None else day < exit_day  # submitted before start
            if (
                total == state.total
                and (verdicts is state.verdicts or verdicts == state.verdicts)
                and in_pool == state.in_pool
            ):
                continue  # nothing changed that day
            after = ForecastState(day=day, total=total, verdicts=verdicts, in_pool=in_pool)
            before = ForecastState(
                day=day - _ONE_DAY,
                total=state.total,
                verdicts=state.verdicts,
                in_pool=state.in_pool,
            )
            events.append(
                ForecastEvent(day=day, milestones=milestones_on[day], before=before, after=after)
            )
            state = after
        out.append(
            Forecast(
                candidate=c,
                start=start,
                end=end,
                ongoing=ongoing,
                initial=initial,
                events=tuple(events),
            )
        )
    return out


def _eligibility(
    pool: Sequence[Candidate],
    start: date,
    plans: list[_Plan],
    days: list[list[date]],
) -> dict[tuple[int, date], Verdicts]:
    """The verdicts a forecast reads: on ``start``, and on each day that may change them.

    A day whose milestones can only lower FSW (:data:`_FSW_DOWN`) changes nothing
    unless FSW was possible on the last day that may change more: those days are
    assessed in a second pass, only where it was.
    """
    n = len(pool)
    verdicts_on = _verdicts(
        pool,
        itertools.chain(
            ((i, start) for i in range(n)),
            (
                (i, day)
                for i, plan in enumerate(plans)
                for day, tags in plan.tags.items()
                if tags & _ELIGIBILITY
            ),
        ),
    )
    fsw_only: list[tuple[int, date]] = []
    for i, plan in enumerate(plans):
        last = verdicts_on[i, start]
        tags_on = plan.tags
        for day in days[i]:
            tags = tags_on[day]
            if tags & _ELIGIBILITY:
                last = verdicts_on[i, day]
            elif tags & _FSW_DOWN and _fsw_possible(last):
                fsw_only.append((i, day))
    verdicts_on.update(_verdicts(pool, fsw_only))
    return verdicts_on
