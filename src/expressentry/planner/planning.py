"""The planner itself: :func:`improvements`.

Every option is scored on its day (:func:`~expressentry.score_many`) and
assessed (:func:`~expressentry.eligibility.flags_many`) with its baseline, in one
pass per day; the options that gain points or open a program or category are
ranked, and the best of them are combined in pairs and triples.
"""

from __future__ import annotations

import functools
import itertools
import operator
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import Any, Final, Literal, NamedTuple, TypeVar, overload

from dateutil.relativedelta import relativedelta

from expressentry._replace import replace
from expressentry.batch import PoolResult, check_errors, gc_paused, run_pool
from expressentry.crs import score, score_many
from expressentry.draws.chances import tie_chance
from expressentry.draws.cutoffs import RoundType, round_type_of
from expressentry.draws.estimator import Estimate, Forecaster
from expressentry.draws.history import history_in_date_order
from expressentry.draws.prospects import DEFAULT_LAST, chance_of, round_types
from expressentry.draws.records import Round
from expressentry.eligibility import EligibilityFlags, flags_many
from expressentry.enums import CrsSection
from expressentry.errors import FieldProblem, InvalidInputError
from expressentry.explain import CrsBreakdown, PointLine
from expressentry.i18n import Message, tr
from expressentry.models import Candidate, check_dates, require_candidate
from expressentry.planner.language import language_options
from expressentry.planner.later import (
    experience_options,
    joined,
    milestone_message,
    renewal_options,
    run_forecast,
)
from expressentry.planner.options import Option
from expressentry.planner.profile import additional_options, education_options, spouse_options
from expressentry.planner.results import (
    ChanceChange,
    Improvement,
    ImprovementPlan,
    LineChange,
    Loss,
)
from expressentry.rules import RuleSet, resolve_rules
from expressentry.timelines.forecast import Forecast
from expressentry.timelines.validity import profile_exit

__all__ = ["DEFAULT_MONTHS", "improvements", "improvements_many"]

_T = TypeVar("_T")

DEFAULT_MONTHS: Final = 12
"""The planning horizon: renewals, further years of work and losses up to 12 months ahead."""

MAX_MONTHS: Final = 120
"""The longest horizon a plan looks ahead: ten years."""

COMBINED: Final = 4
"""How many of the best changes are combined: 6 pairs, then 2 triples at most."""


def _is_cap(factor: str) -> bool:
    return factor.endswith("cap") or "_cap" in factor or ".cap" in factor


def _same_lines(before: CrsBreakdown, after: CrsBreakdown) -> bool:
    """Whether the two breakdowns hold the very same line objects (a plan shares them)."""
    a, b = before.lines, after.lines
    return len(a) == len(b) and all(map(operator.is_, a, b))


def _change(old: PointLine | None, new: PointLine) -> LineChange:
    return LineChange(
        section=new.section,
        factor=new.factor,
        before=0 if old is None else old.points,
        after=new.points,
        reason=new.reason,
        message=new.message,
    )


def _moved(before: CrsBreakdown, after: CrsBreakdown) -> tuple[LineChange, ...]:
    """The lines whose points differ, in the order of ``after`` then of lines gone.

    A plan's identical lines are one object, so only the lines not found by
    identity in the other breakdown are compared; when both breakdowns have the
    same lines in the same places (most changes), side by side.
    """
    a, b = before.lines, after.lines
    if len(a) == len(b):
        out: list[LineChange] = []
        for old, new in zip(a, b, strict=True):
            if old is new:
                continue
            if old.section is not new.section or old.factor != new.factor:
                break
            if old.points != new.points:
                out.append(_change(old, new))
        else:
            return tuple(out)
    old_ids = set(map(id, a))
    new_ids = set(map(id, b))
    gone = {(ln.section, ln.factor): ln for ln in a if id(ln) not in new_ids}
    kept = {(ln.section, ln.factor) for ln in b}
    out = []
    for ln in b:
        if id(ln) in old_ids:
            continue
        was = gone.pop((ln.section, ln.factor), None)
        if (0 if was is None else was.points) != ln.points:
            out.append(_change(was, ln))
    for (section, factor), ln in gone.items():
        if (section, factor) not in kept and ln.points:
            out.append(
                LineChange(
                    section=section,
                    factor=factor,
                    before=ln.points,
                    after=0,
                    reason=ln.reason,
                    message=ln.message,
                )
            )
    return tuple(out)


_SECTIONS: Final = tuple(CrsSection)


def _sections(lines: Sequence[LineChange]) -> tuple[tuple[CrsSection, int], ...]:
    """Points gained per section: the sum of the lines that moved in it."""
    moved: dict[CrsSection, int] = {}
    for ln in lines:
        moved[ln.section] = moved.get(ln.section, 0) + ln.change
    return tuple((s, moved[s]) for s in _SECTIONS if moved.get(s))


class _Estimates:
    """The draws' estimates from the rounds before the day: one for every plan of a pool."""

    def __init__(self, history: Sequence[Round], day: date) -> None:
        self.rounds = [r for r in history if r.day < day]
        self.forecaster = Forecaster(self.rounds)
        self._of_type: dict[str, list[Round]] = {}
        self._next: dict[tuple[str, date], Estimate | None] = {}

    def next_cutoff(self, kind: RoundType, on: date) -> Estimate | None:
        """The estimate of the type's next round seen from ``on`` (``None``: never held).

        Each is made once: every change of every plan on the same day asks for it.
        """
        key = (kind.key, on)
        if key in self._next:
            return self._next[key]
        f = self.forecaster
        found = f.estimate(kind.key, f.next_day(kind.key, on)) if f.knows(kind.key) else None
        self._next[key] = found
        return found

    def last_of(self, kind: RoundType) -> list[Round]:
        """The last rounds of ``kind`` (as many as the outlook compares with)."""
        found = self._of_type.get(kind.key)
        if found is None:
            found = self._of_type[kind.key] = [r for r in self.rounds if round_type_of(r) == kind][
                -DEFAULT_LAST:
            ]
        return found


class _Odds:
    """The next round's chance per round type, for one candidate (ties by their own time)."""

    def __init__(self, estimates: _Estimates, submitted: Candidate) -> None:
        self._estimates = estimates
        self._candidate = submitted
        self._ties: dict[str, float] = {}

    def _tie(self, kind: RoundType) -> float:
        tie = self._ties.get(kind.key)
        if tie is None:
            tie = self._ties[kind.key] = tie_chance(
                self._candidate.profile_submitted,
                (r.tie_break for r in self._estimates.last_of(kind)),
            )
        return tie

    def chances(
        self, flags: EligibilityFlags, total: int, on: date, nominee: bool
    ) -> dict[RoundType, float | None]:
        out: dict[RoundType, float | None] = {}
        for kind, _verdict in round_types(flags, nominee):
            found = self._estimates.next_cutoff(kind, on)
            out[kind] = (
                None
                if found is None
                else chance_of(found, total, self._tie(kind), self._candidate.submitted_day)
            )
        return out


def _new(old: tuple[_T, ...], new: tuple[_T, ...]) -> tuple[_T, ...]:
    """What ``new`` holds that ``old`` does not, in ``new``'s order."""
    return tuple(x for x in new if x not in old) if old != new else ()


def _why_nothing(capped: Sequence[LineChange]) -> Message:
    """Why a change that moves lines is worth nothing: the caps, or what offsets it."""
    if not capped:
        return tr("the points it adds are offset by points it removes")
    lines = joined(
        [
            tr("{description}", description=ln.reason) if ln.message is None else ln.message
            for ln in capped
        ]
    )
    return tr("absorbed by {lines}", lines=lines)


def _measure(c: Candidate, trial: _Trial, odds: _Odds | None) -> Improvement:
    option, before, after, was, now = trial
    lines = _moved(before, after)
    capped = [ln for ln in lines if _is_cap(ln.factor) and ln.change < 0]
    caps = tuple(ln.reason for ln in capped)
    gain = after.total - before.total
    why = why_message = None
    if gain == 0 and lines:
        why_message = _why_nothing(capped)
        why = str(why_message)
    was_p, was_k = was.eligible_programs, was.eligible_categories
    now_p, now_k = (
        (was_p, was_k) if now == was else (now.eligible_programs, now.eligible_categories)
    )
    chances: tuple[ChanceChange, ...] = ()
    if odds is not None:
        old = odds.chances(was, before.total, option.day, option.baseline.provincial_nomination)
        new = odds.chances(now, after.total, option.day, option.changed.provincial_nomination)
        chances = tuple(
            ChanceChange(round_type=k, before=old.get(k), after=new.get(k))
            for k in dict.fromkeys([*old, *new])
        )
    words = option.description  # rendered once: most options are never shown
    return Improvement(
        kind=option.kind,
        description=words,
        steps=(words,),
        day=option.day,
        total_before=before.total,
        total=after.total,
        sections=_sections(lines),
        lines=lines,
        capped_by=caps,
        why_nothing=why,
        why_nothing_message=why_message,
        programs_opened=_new(was_p, now_p),
        programs_closed=_new(now_p, was_p),
        categories_opened=_new(was_k, now_k),
        categories_closed=_new(now_k, was_k),
        chances=chances,
        decision=option.decision,
        profile=option.changed,
        baseline=None if option.baseline is c else option.baseline,
        message=option.message,
    )


class _Trial(NamedTuple):
    """An option scored and assessed on its day, with its baseline."""

    option: Option
    before: CrsBreakdown
    after: CrsBreakdown
    was: EligibilityFlags
    now: EligibilityFlags

    @property
    def gain(self) -> int:
        return self.after.total - self.before.total

    @property
    def idle(self) -> bool:
        """Nothing moved: no line, no verdict."""
        return _same_lines(self.before, self.after) and self.was == self.now


class _Assessed:
    """The totals, verdicts and breakdowns of a plan's profiles, each worked out once a day.

    A plan asks for the same profile more than once (the candidate as it is,
    against each change, each pair and triple); the profiles are held here so
    that their identities stay theirs while the plan runs.
    """

    def __init__(self, rules: RuleSet | None) -> None:
        self._rules = rules
        self._held: dict[int, Candidate] = {}
        self._totals: dict[tuple[int, date], int] = {}
        self._flags: dict[tuple[int, date], EligibilityFlags] = {}
        self._breakdowns: dict[tuple[int, date], CrsBreakdown] = {}

    def _new(
        self, profiles: Iterable[Candidate], day: date, done: Mapping[Any, object]
    ) -> list[Candidate]:
        out: dict[int, Candidate] = {}
        for p in profiles:
            k = id(p)
            if (k, day) not in done and k not in out:
                self._held[k] = out[k] = p
        return list(out.values())

    def totals(self, profiles: Sequence[Candidate], day: date) -> list[int]:
        """The CRS totals on ``day`` (new ones in one :func:`~expressentry.score_many` pass)."""
        new = self._new(profiles, day, self._totals)
        if new:
            found = score_many(new, as_of=day, rules=self._rules)
            self._totals.update(((id(p), day), t) for p, t in zip(new, found, strict=True))
        return [self._totals[id(p), day] for p in profiles]

    def flags(self, profiles: Sequence[Candidate], day: date) -> list[EligibilityFlags]:
        """The verdicts on ``day`` (new ones in one :func:`~.eligibility.flags_many` pass)."""
        new = self._new(profiles, day, self._flags)
        if new:
            found = flags_many(new, as_of=day, rules=self._rules)
            self._flags.update(((id(p), day), f) for p, f in zip(new, found, strict=True))
        return [self._flags[id(p), day] for p in profiles]

    def breakdown(self, profile: Candidate, day: date) -> CrsBreakdown:
        """The full breakdown on ``day``."""
        key = (id(profile), day)
        found = self._breakdowns.get(key)
        if found is None:
            self._held[id(profile)] = profile
            found = self._breakdowns[key] = score(profile, as_of=day, rules=self._rules)
        return found


def _tried(options: Sequence[Option], seen: _Assessed) -> list[_Trial]:
    """The options worth reporting, scored and assessed on their day, in their order.

    Each day is scored in one pass (:func:`~expressentry.score_many`) before
    anything is assessed or explained: an option that loses points is never
    reported, so it is not assessed; a level whose total and verdicts are those
    of the level below on the same target adds nothing, so it is not explained;
    and an option that moves nothing (no line, no verdict) is left out.
    """
    by_day: dict[date, list[Option]] = defaultdict(list)
    for option in options:
        by_day[option.day].append(option)
    last: dict[tuple[object, frozenset[str]], tuple[object, ...]] = {}
    out: list[_Trial] = []
    for day, which in by_day.items():
        both = [p for o in which for p in (o.baseline, o.changed)]
        totals = seen.totals(both, day)
        hopeful = [
            (o, totals[2 * i + 1])
            for i, o in enumerate(which)
            if totals[2 * i + 1] >= totals[2 * i]
        ]
        verdicts = seen.flags([p for o, _ in hopeful for p in (o.baseline, o.changed)], day)
        for i, (o, total) in enumerate(hopeful):
            was, now = verdicts[2 * i], verdicts[2 * i + 1]
            key, sig = (o.kind, o.targets), (total, now)
            if last.get(key) == sig:
                continue
            last[key] = sig
            trial = _Trial(
                o, seen.breakdown(o.baseline, day), seen.breakdown(o.changed, day), was, now
            )
            if not trial.idle:
                out.append(trial)
    order = {id(o): i for i, o in enumerate(options)}
    out.sort(key=lambda t: order[id(t.option)])
    return out


def _rank(imp: Improvement) -> tuple[int, int, date, str]:
    opened = len(imp.programs_opened) + len(imp.categories_opened)
    return (-imp.gain, -opened, imp.day, imp.description)


def _best_singles(trials: Sequence[_Trial], day: date) -> list[Option]:
    """The best option of each target taking effect on ``day``, best first (:data:`COMBINED`)."""
    best: dict[frozenset[str], tuple[int, Option]] = {}
    for t in trials:
        o, gain = t.option, t.gain
        if o.day != day or o.decision or gain <= 0:
            continue
        held = best.get(o.targets)
        if held is None or gain > held[0]:
            best[o.targets] = (gain, o)
    return [o for _, o in sorted(best.values(), key=lambda t: -t[0])[:COMBINED]]


def _disjoint(group: Sequence[Option]) -> bool:
    """Whether no two changes of ``group`` change the same thing."""
    return not any(a.targets & b.targets for a, b in itertools.combinations(group, 2))


def _best_combination(  # noqa: PLR0917 (private)
    c: Candidate,
    day: date,
    made: Sequence[tuple[tuple[Option, ...], Callable[[], Candidate]]],
    seen: _Assessed,
    odds: _Odds | None,
    beat: int,
) -> Improvement | None:
    """The combination of ``made`` (changes, and how to build the profile) that gains most.

    ``None`` unless it gains more than ``beat`` (the best with one change fewer):
    a change a cap absorbs adds nothing to a combination.
    """
    combos: list[tuple[tuple[Option, ...], Candidate]] = []
    for group, build in made:
        try:
            combos.append((group, build()))
        except (InvalidInputError, LookupError):
            continue
    if not combos:
        return None
    totals = seen.totals([p for _, p in combos], day)
    group, profile = combos[max(range(len(combos)), key=totals.__getitem__)]
    option = Option(
        kind=group[0].kind,
        message=joined([o.message for o in group], " + "),
        targets=frozenset().union(*(o.targets for o in group)),
        day=day,
        edit=group[0].edit,
        changed=profile,
        baseline=c,
    )
    tried = _tried([option], seen)
    if not tried or tried[0].gain <= beat:
        return None
    return replace(_measure(c, tried[0], odds), steps=tuple(o.description for o in group))


def _combined(  # noqa: PLR0917 (private)
    c: Candidate,
    day: date,
    top: Sequence[Option],
    single: int,
    seen: _Assessed,
    odds: _Odds | None,
) -> tuple[Improvement | None, Improvement | None]:
    """The best pair of ``top``, and the best triple that adds one change to it.

    A pair is reported when it gains more than the best single change, a triple
    when it gains more than the pair: a bounded search (6 pairs and 2 triples at
    most) that finds what adds up, not every combination.
    """
    pairs = [
        ((a, b), functools.partial(b.edit, a.changed))
        for a, b in itertools.combinations(top, 2)
        if _disjoint((a, b))
    ]
    pair = _best_combination(c, day, pairs, seen, odds, single)
    if pair is None:
        return None, None
    chosen = [o for o in top if o.description in pair.steps]  # descriptions are unique
    triples = [
        ((*chosen, o), functools.partial(o.edit, pair.profile))
        for o in top
        if o not in chosen and _disjoint((*chosen, o))
    ]
    return pair, _best_combination(c, day, triples, seen, odds, pair.gain)


def _losses(f: Forecast) -> tuple[Loss, ...]:
    out: list[Loss] = []
    for event in f.events:
        closed_p = event.lost
        was = event.before.verdicts.eligible_categories
        now = event.after.verdicts.eligible_categories
        closed_c = tuple(k for k in was if k not in now)
        if event.change >= 0 and not closed_p and not closed_c:
            continue
        words = [milestone_message(m) for m in event.milestones]
        message = joined(words) if words else None
        out.append(
            Loss(
                day=event.day,
                total_before=event.before.total,
                total=event.after.total,
                description="" if message is None else str(message),
                programs_closed=closed_p,
                categories_closed=closed_c,
                message=message,
            )
        )
    return tuple(out)


def _months(months: object, where: str) -> int:
    if type(months) is not int or not 1 <= months <= MAX_MONTHS:
        raise InvalidInputError(
            where,
            [
                FieldProblem(
                    "months", months, tr("must be a whole number from 1 to {most}", most=MAX_MONTHS)
                )
            ],
        )
    return months


class _Asked(NamedTuple):
    """What every plan of a call shares: the day, the horizon, the rules, the estimates."""

    day: date
    end: date
    r: RuleSet
    rules: RuleSet | None
    estimates: _Estimates | None


def _asked(  # noqa: PLR0917 (the arguments of both public functions, in order)
    where: str,
    as_of: date | None,
    rules: RuleSet | None,
    months: object,
    chances: object,
    history: Iterable[Round] | None,
) -> _Asked:
    """The arguments of :func:`improvements` and :func:`improvements_many`, checked."""
    day, r = resolve_rules(where, as_of, rules)
    horizon = _months(months, where)
    try:
        end = day + relativedelta(months=horizon)
    except (ValueError, OverflowError):  # past 9999-12-31, the last day a date holds
        words = tr("runs past 9999-12-31 from {day}", day=day)
        raise InvalidInputError(where, [FieldProblem("months", months, words)]) from None
    if type(chances) is not bool:
        raise InvalidInputError(
            where, [FieldProblem("chances", chances, tr("must be True or False"))]
        )
    estimates = _Estimates(history_in_date_order(history, where), day) if chances else None
    return _Asked(day, end, r, rules, estimates)


def _planned(candidate: object, asked: _Asked, where: str) -> ImprovementPlan:
    """The plan of one candidate (checked here: a pool's bad profile is set aside)."""
    c = require_candidate(candidate, where)
    check_dates(c, as_of=asked.day)
    odds = None if asked.estimates is None else _Odds(asked.estimates, c)
    return _plan(c, asked.day, asked.end, asked.r, asked.rules, odds)


def improvements(
    candidate: Candidate,
    *,
    as_of: date | None = None,
    rules: RuleSet | None = None,
    months: int = DEFAULT_MONTHS,
    chances: bool = True,
    history: Iterable[Round] | None = None,
) -> ImprovementPlan:
    """Every realistic change to ``candidate``, each with its exact effect, best first.

    Each change is scored and assessed with the library's own rules on the
    earliest day it can take effect, against the profile as it is that same
    day: a better language result, a test in the other official language,
    renewing a document before (or after) it expires, the spouse's test,
    education and Canadian work, a further or a Canadian credential, a further
    year of work if the job goes on, a job offer, a nomination, a sibling in
    Canada, a certificate of qualification. The best pair of changes to
    different things is found among the best four, and the best triple adds one
    of them to the pair; the days points are lost (birthdays, expiries, work
    leaving the window) are listed.

    Args:
        candidate: The profile.
        as_of: The day planned from; ``None`` means today.
        rules: A reform to apply instead of the rules in force.
        months: The horizon, in months (1 to 120): renewals, years of work and
            losses up to then.
        chances: Whether to give each change's chance of the next round of each
            type, before and after (from the draws' estimates).
        history: The rounds for the chances (default: the shipped rounds).

    Raises:
        InvalidInputError: ``candidate`` is not a profile or holds a document
            dated after ``as_of``; ``as_of`` is not a date; ``months`` is not a
            whole number from 1 to 120; ``chances`` is not a bool.
        RulesNotInForceError: ``as_of`` is before Express Entry opened.
    """
    with gc_paused():  # a plan builds a few hundred objects, none in a cycle
        asked = _asked("improvements", as_of, rules, months, chances, history)
        return _planned(candidate, asked, "improvements")


@overload
def improvements_many(
    candidates: Iterable[Candidate],
    *,
    as_of: date | None = None,
    rules: RuleSet | None = None,
    months: int = DEFAULT_MONTHS,
    chances: bool = True,
    history: Iterable[Round] | None = None,
    errors: Literal["raise"] = "raise",
) -> list[ImprovementPlan]: ...


@overload
def improvements_many(
    candidates: Iterable[Candidate],
    *,
    as_of: date | None = None,
    rules: RuleSet | None = None,
    months: int = DEFAULT_MONTHS,
    chances: bool = True,
    history: Iterable[Round] | None = None,
    errors: Literal["collect"],
) -> PoolResult[ImprovementPlan]: ...


def improvements_many(
    candidates: Iterable[Candidate],
    *,
    as_of: date | None = None,
    rules: RuleSet | None = None,
    months: int = DEFAULT_MONTHS,
    chances: bool = True,
    history: Iterable[Round] | None = None,
    errors: Literal["raise", "collect"] = "raise",
) -> list[ImprovementPlan] | PoolResult[ImprovementPlan]:
    """:func:`improvements` of every candidate of a pool, in order.

    The draws' estimates the chances come from are made once for the pool,
    not once per plan: with ``chances``, a pool's plans cost hardly more than
    plans without.

    Args:
        candidates: The pool.
        as_of: The day planned from; ``None`` means today.
        rules: A reform to apply instead of the rules in force.
        months: The horizon, in months (1 to 120).
        chances: Whether to give each change's chances (see :func:`improvements`).
        history: The rounds for the chances (default: the shipped rounds).
        errors: ``"raise"`` stops at the first bad profile, naming its index
            (``[3].languages[0].test_date``); ``"collect"`` plans every other
            profile and returns a :class:`~expressentry.batch.PoolResult` whose
            ``failures`` name each bad one.

    Raises:
        InvalidInputError: as :func:`improvements`; ``candidates`` is not an
            iterable of profiles (one profile alone: pass ``[profile]``).
        RulesNotInForceError: ``as_of`` is before Express Entry opened.
    """
    where = "improvements_many"
    check_errors(where, errors)
    with gc_paused():
        asked = _asked(where, as_of, rules, months, chances, history)
        found = run_pool(where, candidates, Candidate, errors == "collect", _planned, asked, where)
    if errors == "collect":
        return found
    return [p for p in found.results if p is not None]


def _plan(  # noqa: PLR0917 (private)
    candidate: Candidate,
    day: date,
    end: date,
    r: RuleSet,
    rules: RuleSet | None,
    odds: _Odds | None,
) -> ImprovementPlan:
    """The plan itself (:func:`improvements` has checked its arguments)."""
    f = run_forecast(candidate, day, end, rules)
    options = [
        *language_options(candidate, day, r),
        *education_options(candidate, day),
        *spouse_options(candidate, day, end, r),
        *additional_options(candidate, day, r),
        *renewal_options(candidate, day, end, r),
        *experience_options(candidate, f),
    ]
    seen = _Assessed(rules)
    trials = _tried(options, seen)
    kept = [_measure(candidate, t, odds) for t in trials]
    top = _best_singles(trials, day)
    single = max((t.gain for t in trials if t.option in top), default=0)
    pair, triple = _combined(candidate, day, top, single, seen, odds)
    ranked = sorted((m for m in kept if m.gain > 0 or (m.gain == 0 and m.opens)), key=_rank)
    nothing = tuple(m for m in kept if m.gain == 0 and not m.opens and m.why_nothing)
    breakdown = seen.breakdown(candidate, day)
    flags = seen.flags([candidate], day)[0]
    return ImprovementPlan(
        as_of=day,
        end=end,
        candidate=candidate,
        breakdown=breakdown,
        improvements=tuple(ranked),
        worth_nothing=nothing,
        best_pair=pair,
        best_triple=triple,
        losses=_losses(f),
        chances=()
        if odds is None
        else tuple(
            odds.chances(flags, breakdown.total, day, candidate.provincial_nomination).items()
        ),
        pool_exit=None
        if candidate.submitted_day is None
        else profile_exit(candidate.submitted_day, rules=rules),
        rules_reviewed_on=r.last_reviewed,
    )
