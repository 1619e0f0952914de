"""The forecast itself: :func:`forecast` and :func:`forecast_many`.

Only the days of a plan are scored and assessed, and only those on which
something changed are kept.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

import attrs

from expressentry._checks import require_iterable
from expressentry._today import resolve
from expressentry.batch import at_index, gc_paused
from expressentry.crs import score_many
from expressentry.eligibility import EligibilityFlags, flags_many
from expressentry.enums import Program
from expressentry.errors import FieldProblem, InvalidInputError
from expressentry.i18n import tr
from expressentry.models import (
    Candidate,
    WorkHistory,
    check_dates,
    require_candidate,
)
from expressentry.rules import RuleSet, resolve_rules
from expressentry.timelines.forecast.crossings import CRS_TAG, ELIGIBILITY_TAG, FSW_DOWN_TAG
from expressentry.timelines.forecast.events import (
    Plan,
    Scope,
    in_pool_or_none,
    plan_of,
    rule_change_days,
    rule_stretches,
)
from expressentry.timelines.forecast.results import (
    NO_VERDICTS,
    Forecast,
    ForecastEvent,
    ForecastState,
    Verdicts,
)
from expressentry.timelines.validity import language_expiry, profile_exit

__all__ = [
    "forecast",
    "forecast_many",
]

_ONE_DAY = timedelta(days=1)


# -- eligibility: the one call (a faster path can replace it here) --------------------------


Shared = dict[tuple[tuple[Any, ...], ...], Verdicts]
"""The verdicts of one run, by their programs and categories: one object for all alike."""


def _verdicts(
    pool: Sequence[Candidate], asked: Iterable[tuple[int, date]], scope: Scope, shared: Shared
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
            ends = last[i] = max(
                (language_expiry(r, rules=scope.periods) for r in pool[i].languages),
                default=date.min,
            )
        if day < ends:
            by_day[day].append(i)
        else:
            out[i, day] = NO_VERDICTS
    for day, who in by_day.items():
        flags = flags_many([pool[i] for i in who], as_of=day, rules=scope.reform)
        seen: dict[int, Verdicts] = {}  # a day's equal flags are one object
        for i, found in zip(who, flags, strict=True):
            verdicts = seen.get(id(found))
            if verdicts is None:
                verdicts = seen[id(found)] = _shared(found, shared)
            out[i, day] = verdicts
    return out


def _shared(found: EligibilityFlags, shared: Shared) -> Verdicts:
    """The verdicts of ``found``: one object for all alike (a pool has few kinds)."""
    key = (
        found.eligible_programs,
        found.undecided_programs,
        found.eligible_categories,
        found.undecided_categories,
    )
    verdicts = shared.get(key)
    if verdicts is None:
        verdicts = shared[key] = Verdicts.of(found)
    return verdicts


# -- the forecast ---------------------------------------------------------------------------


def _ended(history: WorkHistory, start: date) -> WorkHistory:
    periods = tuple(
        attrs.evolve(p, end=start - _ONE_DAY) if p.end is None else p
        for p in history.periods
        if not (p.end is None and p.start >= start)
    )
    return WorkHistory(periods=periods)


def projected(c: Candidate, start: date, *, ongoing: bool) -> Candidate:
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
            where, [FieldProblem("end", last, tr("must not be before start ({day})", day=day))]
        )
    return day, last


def _ongoing(where: str, ongoing: object) -> bool:
    if not isinstance(ongoing, bool):
        raise InvalidInputError(
            where, [FieldProblem("ongoing", ongoing, tr("must be True or False"))]
        )
    return ongoing


def forecast(
    candidate: Candidate,
    *,
    start: date | None = None,
    end: date,
    ongoing: bool = True,
    rules: RuleSet | None = None,
) -> Forecast:
    """The days from ``start`` (``None``: today) to ``end`` on which anything changes.

    Each :class:`ForecastEvent` has its milestones, and the CRS total and
    eligibility the day before and that day. An ongoing job (a work period with
    no end) goes on unless ``ongoing`` is false, when it is taken to have ended
    the day before ``start`` (``Forecast.candidate`` is then the profile so
    changed).

    ``rules`` is a reform to apply on every day instead of the rules in force
    on each day (no rule then changes between ``start`` and ``end``): its CRS
    tables, programs, document periods and months in the pool.

    Raises:
        InvalidInputError: ``start`` or ``end`` is not a date, ``end`` is before
            ``start``, a date of the profile is after ``start``, or ``rules`` is
            not a RuleSet.
        RulesNotInForceError: ``start`` is before Express Entry opened.
    """
    day, last = _days("forecast", start, end)
    candidate = require_candidate(candidate, "forecast")
    scope = _scope("forecast", day, rules)
    check_dates(candidate, as_of=day)
    return _run([candidate], day, last, _ongoing("forecast", ongoing), scope)[0]


def forecast_many(
    candidates: Iterable[Candidate],
    *,
    start: date | None = None,
    end: date,
    ongoing: bool = True,
    rules: RuleSet | None = None,
) -> list[Forecast]:
    """:func:`forecast` of every candidate of a pool, in order.

    Each day is scored once for all the candidates it concerns
    (:func:`~expressentry.score_many`), so a pool costs far less than one
    forecast at a time.

    Raises:
        InvalidInputError: as :func:`forecast`; a bad profile is named by its
            index (``[3].languages[0].test_date``); ``candidates`` is not an
            iterable of profiles (one profile alone: pass ``[profile]``); ``rules``
            is not a RuleSet.
        RulesNotInForceError: ``start`` is before Express Entry opened.
    """
    day, last = _days("forecast_many", start, end)
    flag = _ongoing("forecast_many", ongoing)
    scope = _scope("forecast_many", day, rules)
    pool = list(require_iterable(candidates, Candidate, "candidates", "forecast_many"))
    for i, c in enumerate(pool):
        try:
            check_dates(require_candidate(c, "forecast_many"), as_of=day)
        except InvalidInputError as exc:
            raise at_index(i, exc) from None
    with gc_paused():  # a pool's forecasts are new objects, none in a cycle
        return _run(pool, day, last, flag, scope)


def _scope(where: str, start: date, rules: RuleSet | None) -> Scope:
    """The rules of a forecast from ``start``: ``rules`` on every day, or each day's."""
    _, first = resolve_rules(where, start, rules)
    return Scope(reform=rules, periods=first)


def _fsw_possible(v: Verdicts) -> bool:
    return Program.FSW in v.eligible_programs or Program.FSW in v.undecided_programs


def _run(
    pool: Sequence[Candidate], start: date, end: date, ongoing: bool, scope: Scope
) -> list[Forecast]:
    ended = [projected(c, start, ongoing=ongoing) for c in pool]
    rule_days = rule_change_days(start, end, scope)
    stretches = rule_stretches(start, end, rule_days, scope)
    plans = [plan_of(c, start, end, rule_days, stretches, scope=scope) for c in ended]
    days = [sorted(plan.tags) for plan in plans]
    # The CRS: each day once, for every candidate whose total may change that day.
    totals: list[dict[date, int]] = [{} for _ in pool]
    first = score_many(ended, as_of=start, rules=scope.reform)
    by_day: dict[date, list[int]] = defaultdict(list)
    for i, plan in enumerate(plans):
        for day, tags in plan.tags.items():
            if tags & CRS_TAG:
                by_day[day].append(i)
    for day in sorted(by_day):
        who = by_day[day]
        scored = score_many([ended[i] for i in who], as_of=day, rules=scope.reform)
        for i, total in zip(who, scored, strict=True):
            totals[i][day] = total
    verdicts_on = _eligibility(ended, start, plans, days, scope)
    out: list[Forecast] = []
    for i, c in enumerate(ended):
        submitted = c.submitted_day
        exit_day = None if submitted is None else profile_exit(submitted, rules=scope.periods)
        initial = state = ForecastState(
            day=start,
            total=first[i],
            verdicts=verdicts_on[i, start],
            in_pool=in_pool_or_none(submitted, start, scope.periods),
        )
        events: list[ForecastEvent] = []
        mine = totals[i]
        tags_on, milestones_on = plans[i].tags, plans[i].milestones
        for day in days[i]:
            tags = tags_on[day]
            total = mine.get(day, state.total)
            verdicts = state.verdicts
            if tags & ELIGIBILITY_TAG or (tags & FSW_DOWN_TAG and _fsw_possible(verdicts)):
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
    plans: list[Plan],
    days: list[list[date]],
    scope: Scope,
) -> dict[tuple[int, date], Verdicts]:
    """The verdicts a forecast reads: on ``start``, and on each day that may change them.

    A day whose milestones can only lower FSW (:data:`FSW_DOWN_TAG`) changes nothing
    unless FSW was possible on the last day that may change more: those days are
    assessed in a second pass, only where it was.
    """
    n = len(pool)
    shared: Shared = {}
    verdicts_on = _verdicts(
        pool,
        itertools.chain(
            ((i, start) for i in range(n)),
            (
                (i, day)
                for i, plan in enumerate(plans)
                for day, tags in plan.tags.items()
                if tags & ELIGIBILITY_TAG
            ),
        ),
        scope,
        shared,
    )
    fsw_only: list[tuple[int, date]] = []
    for i, plan in enumerate(plans):
        last = verdicts_on[i, start]
        tags_on = plan.tags
        for day in days[i]:
            tags = tags_on[day]
            if tags & ELIGIBILITY_TAG:
                last = verdicts_on[i, day]
            elif tags & FSW_DOWN_TAG and _fsw_possible(last):
                fsw_only.append((i, day))
    verdicts_on.update(_verdicts(pool, fsw_only, scope, shared))
    return verdicts_on
