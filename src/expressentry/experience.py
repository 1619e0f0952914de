"""Work-experience accounting: one implementation for the CRS and every program.

Hours are credited day by day: each job adds its weekly hours, concurrent jobs
add up, and the sum never counts above 30 a week. A year of experience is 1,560
credited hours, so part-time work counts pro rata and overtime never makes up
for missing time. Windows are counted in days ``[as_of - N years, as_of)``: work
on the day scored and after it has not happened yet.

>>> from datetime import date
>>> from expressentry.models import WorkHistory, WorkPeriod
>>> h = WorkHistory(periods=(
...     WorkPeriod(start=date(2024, 1, 1), end=None, hours_per_week=45,
...                noc="21231", in_canada=True),))
>>> canadian_experience(h, as_of=date(2026, 1, 1)).years
2
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from typing import Any

from attrs import frozen
from dateutil.relativedelta import relativedelta

from expressentry._hours import Segments, build_segments, hour_days
from expressentry._kinds import Kind, canadian_kind, foreign_kind
from expressentry._memo import Shared
from expressentry._today import resolve
from expressentry.errors import FieldProblem, InvalidInputError
from expressentry.i18n import tr
from expressentry.models import WorkHistory, WorkPeriod
from expressentry.rules import RuleSet, resolve_rules
from expressentry.rules.experience import HOURS_DIGITS

__all__ = [
    "Experience",
    "Kind",
    "canadian_experience",
    "canadian_kind",
    "continuous_runs",
    "counted",
    "credited_hours",
    "foreign_experience",
    "foreign_kind",
    "full_time_hours",
    "full_time_segments",
    "hours_by_occupation",
    "kind_name",
    "longest_continuous_hours",
    "occupation_segments",
    "reaches",
    "segments",
    "whole_years",
    "window",
]


_KEYS: Shared[tuple[object, ...], tuple[object, ...]] = Shared(size=1 << 10)
"""Each key of a history's derived values once (a kind and a cap): every history
keeps the same key object, not a copy of its own."""


def _derived(history: WorkHistory, key: tuple[object, ...]) -> Any:
    """What is derived from ``history`` under ``key``, if built yet (else ``None``).

    Its segments per kind and weekly cap, and its occupations: a pool asks for them
    many times per profile, and an attribute is the cheapest place to look. The
    cache slot holds ``(key, value, key, value...)``: a history holds two or three
    of them, which a flat tuple keeps in a third of a dict's bytes.
    """
    found: tuple[object, ...] | None = history.derived  # type: ignore[assignment]  # only this module fills the slot
    if found:
        for i in range(0, len(found), 2):
            if found[i] == key:
                return found[i + 1]
    return None


def _keep(history: WorkHistory, key: tuple[object, ...], value: Any) -> Any:
    """Keep ``value`` as derived from ``history`` under ``key``, and return it."""
    shared = _KEYS.entries.get(key) or _KEYS.keep(key, key)
    found: tuple[object, ...] = history.derived or ()  # type: ignore[assignment]  # see _derived
    object.__setattr__(history, "derived", (*found, shared, value))  # a frozen history's cache slot
    return value


def segments(history: WorkHistory, kind: Kind, weekly_cap: float) -> Segments:
    """Capped hour segments of ``history``'s periods of ``kind`` (built once per kind and cap).

    >>> from datetime import date
    >>> from expressentry.models import WorkPeriod
    >>> h = WorkHistory(periods=(
    ...     WorkPeriod(start=date(2024, 1, 1), end=date(2024, 1, 7), hours_per_week=45,
    ...                noc="21231", in_canada=True),))
    >>> from expressentry.rules import rules_for
    >>> segments(h, canadian_kind(rules_for(as_of=date(2026, 11, 22))), 30)
    ((738886, 738893, 30),)
    """
    key = (kind[0], kind[1], weekly_cap)
    found: Segments | None = _derived(history, key)
    if found is None:
        include = kind[2]
        found = _keep(
            history,
            key,
            build_segments((p.span() for p in history.periods if include(p)), weekly_cap),
        )
    return found


@frozen
class Experience:
    """Credited hours of one kind of work in a window, and the whole years they make.

    Attributes:
        hours: Credited hours (weekly cap applied), rounded down to the hour.
        years: Whole years: ``hours // 1560``.
        window_start: First day of the window.
        window_end: Day after the window (the day scored).
    """

    hours: int
    years: int
    window_start: date
    window_end: date


def credited_hours(
    history: WorkHistory, kind: Kind, *, start: date, end: date, weekly_cap: float = 30
) -> float:
    """Hours of ``kind`` credited in ``[start, end)``, at most ``weekly_cap`` a week.

    ``kind`` is :func:`canadian_kind`, :func:`foreign_kind`, or any caller's
    ``(name, teers, include)`` triple whose ``include`` tests one work period.
    """
    built = segments(history, kind, weekly_cap)
    return hour_days(built, start.toordinal(), end.toordinal()) / 7


def full_time_hours(
    history: WorkHistory, kind: Kind, *, start: date, end: date, weekly_cap: float = 30
) -> float:
    """Hours of ``kind`` in ``[start, end)`` worked full time: ``weekly_cap`` hours a week.

    Concurrent jobs that add up to full time count; part-time stretches do not,
    as where a rule asks for a year of *full-time* work with no part-time
    equivalent (FSW adaptability).
    """
    full = full_time_segments(history, kind, weekly_cap)
    return hour_days(full, start.toordinal(), end.toordinal()) / 7


def full_time_segments(history: WorkHistory, kind: Kind, weekly_cap: float) -> Segments:
    """The segments of ``kind`` worked full time (``weekly_cap`` hours a week), built once."""
    key = (f"full time:{kind_name(kind)}", weekly_cap)
    full: Segments | None = _derived(history, key)
    if full is None:
        full = _keep(
            history,
            key,
            tuple(s for s in segments(history, kind, weekly_cap) if reaches(s[2], weekly_cap)),
        )
    return full


def counted(hours: float) -> float:
    """``hours`` as the rules count them: to the millionth of an hour.

    The precision is :data:`~expressentry.rules.experience.HOURS_DIGITS`.

    >>> counted(1559.9999999999998), counted(1559.99999)
    (1560.0, 1559.99999)
    """
    return round(hours, HOURS_DIGITS)


def reaches(hours: float, need: float) -> bool:
    """Whether ``hours``, counted to the millionth, are at least ``need``."""
    return round(hours, HOURS_DIGITS) >= need  # counted(hours), one call less in a pool


def whole_years(hours: float, hours_per_year: int) -> int:
    """Whole years in ``hours`` (1,560 hours make a year; 1,559.99999 do not).

    The same as ``int(counted(hours) // hours_per_year)``; rounding to the millionth
    can only change the result within a millionth below a whole year, so only
    there is it done (scoring a pool calls this twice per candidate).

    >>> whole_years(1559.9999999999998, 1560), whole_years(1559.99999, 1560)
    (1, 0)
    """
    years = int(hours // hours_per_year)
    if hours - years * hours_per_year > hours_per_year - 1e-6:
        years = int(counted(hours) // hours_per_year)
    return years


def _crs(history: WorkHistory, as_of: date, rules: RuleSet, kind: Kind) -> Experience:
    start = as_of - relativedelta(years=rules.crs_window_years.value)
    hours = credited_hours(
        history, kind, start=start, end=as_of, weekly_cap=rules.weekly_hours_cap.value
    )
    return Experience(
        int(counted(hours)), whole_years(hours, rules.hours_per_year.value), start, as_of
    )


def _checked(
    history: object, as_of: date | None, rules: RuleSet | None, where: str
) -> tuple[date, RuleSet]:
    """``as_of`` checked (``None``: today) and its rules, after ``history`` (the arguments)."""
    if not isinstance(history, WorkHistory):
        raise InvalidInputError(
            where, [FieldProblem("history", history, tr("must be a WorkHistory"))]
        )
    return resolve_rules(where, as_of, rules)


def canadian_experience(
    history: WorkHistory, *, as_of: date | None = None, rules: RuleSet | None = None
) -> Experience:
    """Canadian skilled experience the CRS counts on ``as_of`` (last 10 years; ``None``: today).

    ``rules`` is a reform to apply instead of the rules in force that day (the
    weekly hours cap, the hours of a year, the window and the skilled TEERs are
    read from it, as :func:`~expressentry.score` reads them).

    Raises:
        InvalidInputError: ``history`` is not a WorkHistory, ``as_of`` not a date
            or ``rules`` not a RuleSet.
        RulesNotInForceError: ``as_of`` is before 2015-01-01.
    """
    as_of, r = _checked(history, as_of, rules, "canadian_experience")
    return _crs(history, as_of, r, canadian_kind(r))


def foreign_experience(
    history: WorkHistory, *, as_of: date | None = None, rules: RuleSet | None = None
) -> Experience:
    """Foreign skilled experience the CRS counts on ``as_of`` (last 10 years; ``None``: today).

    ``rules`` as for :func:`canadian_experience`.

    Raises:
        InvalidInputError: ``history`` is not a WorkHistory, ``as_of`` not a date
            or ``rules`` not a RuleSet.
        RulesNotInForceError: ``as_of`` is before 2015-01-01.
    """
    as_of, r = _checked(history, as_of, rules, "foreign_experience")
    return _crs(history, as_of, r, foreign_kind(r))


def window(years: int, *, as_of: date) -> tuple[date, date]:
    """The window ``[as_of - years, as_of)`` of a rule that counts work "in the N years before".

    Calendar years (python-dateutil): from 2024-02-29 one year back is 2023-02-28.
    ``as_of`` is required: a pool assessed on one day asks for the same few
    windows, and whoever asks keeps them (a remembered "today" would go stale).

    >>> [d.isoformat() for d in window(3, as_of=date(2026, 11, 22))]
    ['2023-11-22', '2026-11-22']

    Raises:
        InvalidInputError: ``as_of`` is not a date.
    """
    as_of = resolve(as_of, where="window", optional=False)
    return as_of - relativedelta(years=years), as_of


def hours_by_occupation(
    history: WorkHistory,
    include: Callable[[WorkPeriod], bool],
    *,
    start: date,
    end: date,
    weekly_cap: float = 30,
    name: str,
    continuous_gap_days: int | None = None,
) -> dict[str, float]:
    """Hours credited in ``[start, end)`` to each NOC code, counting periods ``include`` admits.

    Each occupation is counted on its own, with the weekly cap applied across its
    concurrent jobs: programs that ask for a year "in one occupation" read one
    entry. With ``continuous_gap_days``, each entry is the occupation's longest
    continuous stretch instead (:func:`longest_continuous_hours`), as the FSW year
    asks. ``name`` names ``include`` (it keys the history's segment cache).
    """
    first, last = start.toordinal(), end.toordinal()
    out: dict[str, float] = {}
    for noc, runs in _occupations(history, include, name, weekly_cap, continuous_gap_days):
        # one run (all the occupation's work) when continuity is not asked
        hours = 0.0
        for run in runs:
            hours = max(hours, hour_days(run, first, last) / 7)
        if hours > 0:
            out[noc] = hours
    return out


def longest_continuous_hours(
    history: WorkHistory,
    kind: Kind,
    *,
    start: date,
    end: date,
    weekly_cap: float = 30,
    gap_days: int = 0,
) -> float:
    """Hours of the best continuous stretch of ``kind`` work in ``[start, end)``.

    A stretch is continuous while each job starts at most ``gap_days`` calendar
    days after the work before it ended (0: the next day). Only the part of a
    stretch inside the window counts.
    """
    first, last = start.toordinal(), end.toordinal()
    best = 0.0
    for run in continuous_runs(segments(history, kind, weekly_cap), gap_days):
        best = max(best, hour_days(run, first, last) / 7)
    return best


def continuous_runs(segments: Segments, gap_days: int) -> list[Segments]:
    """``segments`` cut into continuous stretches.

    A job starting at most ``gap_days`` days after the work before it ended
    continues the stretch.

    >>> continuous_runs(((0, 10, 30.0), (10, 20, 30.0), (21, 30, 30.0)), 0)  # ends exclusive
    [((0, 10, 30.0), (10, 20, 30.0)), ((21, 30, 30.0),)]
    """
    runs: list[list[tuple[int, int, float]]] = []
    for seg in segments:
        if runs and seg[0] - runs[-1][-1][1] <= gap_days:
            runs[-1].append(seg)
        else:
            runs.append([seg])
    return [tuple(r) for r in runs]


_Occupations = tuple[tuple[str, tuple[Segments, ...]], ...]
"""Each NOC code with its work's segments: one run of them, or each continuous run."""


def _occupations(
    history: WorkHistory,
    include: Callable[[WorkPeriod], bool],
    name: str,
    weekly_cap: float,
    gap_days: int | None,
) -> _Occupations:
    """The NOC codes of ``history``'s periods ``include`` admits, each with its segments.

    Found once per history and kind: a pool is assessed on many days, and the
    windows move while the segments stay.
    """
    key = ("occupations", name, weekly_cap, gap_days)
    found: _Occupations | None = _derived(history, key)
    if found is None:
        if gap_days is not None:  # each occupation's work, cut into its continuous runs
            whole = _occupations(history, include, name, weekly_cap, None)
            found = tuple((noc, tuple(continuous_runs(runs[0], gap_days))) for noc, runs in whole)
        else:
            spans: dict[str, list[tuple[int, int, float]]] = {}
            for p in history.periods:
                if include(p):
                    spans.setdefault(p.noc, []).append(p.span())
            found = tuple((noc, (build_segments(spans[noc], weekly_cap),)) for noc in sorted(spans))
        _keep(history, key, found)
    return found


def occupation_segments(
    history: WorkHistory, kind: Kind, weekly_cap: float, gap_days: int | None = None
) -> tuple[tuple[str, tuple[Segments, ...]], ...]:
    """Each NOC code of ``history``'s ``kind`` work, with its capped hour segments.

    Each code holds one run of segments, or with ``gap_days`` each continuous run
    (:func:`continuous_runs`); found once per history and kind.
    """
    return _occupations(history, kind[2], kind_name(kind), weekly_cap, gap_days)


def kind_name(kind: Kind) -> str:
    """The name a kind's derived segments are cached under: its name and its TEERs.

    Two kinds of one name differ only by their TEERs (a reform's skilled TEERs).
    """
    return _kind_name(kind[0], kind[1])


@functools.cache
def _kind_name(name: str, teers: frozenset[int]) -> str:
    return f"{name}{sorted(teers)}"  # once per kind: a cache key, asked for every candidate
