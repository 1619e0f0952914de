"""The cut-off estimator: the last cut-off, corrected by what earlier rounds taught.

A :class:`Forecaster` reads rounds in date order and, before each, can estimate
the next cut-off of any type it has seen. The estimate starts from the previous
cut-off of the type (the naive baseline, hard to beat: cut-offs mostly drift) and
adds two corrections whose weights are fitted on the earlier rounds only:

- **level**: the mean cut-off of the type over the last :data:`LEVEL_DAYS` days
  (at most :data:`LEVEL_ROUNDS` rounds) minus the previous cut-off. Noisy types
  (PNP rounds, whose cut-off is the lowest of a few hundred nominees) return to
  their level; drifting types (general, CEC) learn a small weight.
- **gap**: the log of the days since the previous round of the type over its
  usual gap (the median of its last :data:`GAP_ROUNDS` gaps, a pause longer than
  :data:`SAME_POOL_DAYS` left out). A pool left alone longer fills up, and the
  cut-off rises.

A previous cut-off far out of line with the type's last rounds (the CEC round of
2021-02-13 cut at 75 among rounds at 450-460) is a one-off, not a new level: a
Hampel filter (the median of the last :data:`OUTLIER_WINDOW` cut-offs, and the
median distance to it) replaces it by the median of the rounds before it when it
lies more than *k* spreads away. It compares only rounds that ranked the same
pool: when those five span more than :data:`SAME_POOL_DAYS` (a profile stays in
the pool 12 months, so the pool has renewed), nothing is flagged.

A program type (CEC, FSW, FST) whose last round is more than
:data:`SAME_POOL_DAYS` old was cut in another pool; general rounds rank every
program's candidates, so when one was held within that time the program's
estimate is the general rounds' estimate for the day (:data:`STALE_PROGRAM_FROM`).

The weights are a least-squares fit of the change of cut-off (clipped at ±
:data:`CLIPS` points, so that one odd round does not teach a rule) on the two
corrections: one fit pooled over every type, and one per type shrunk towards it
(:data:`SHRINKS`; a type with few rounds gets the pooled weights). How hard to
filter, clip and shrink is not chosen at all: the estimate is the median of the
estimates of every combination of :data:`OUTLIER_SPREADS`, :data:`CLIPS` and
:data:`SHRINKS` (64 of them), each fitted on the earlier rounds only.

Each estimate carries an 80 % interval from the estimator's own earlier errors:
the errors, divided by the mean absolute error of the last :data:`SCALE_ROUNDS`
estimates of their type, give pooled quantiles; the interval is those quantiles
times the type's current scale. A type that has been hard to predict lately gets
a wide interval, and a calm one a narrow one.
"""

from __future__ import annotations

import bisect
import itertools
import math
import statistics
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Final

from attrs import field, frozen

from expressentry.enums import Program
from expressentry.errors import FieldProblem, InvalidInputError
from expressentry.i18n import tr

from .records import Round

__all__ = [
    "CLIPS",
    "COVERAGE",
    "GAP_ROUNDS",
    "LEVEL_DAYS",
    "LEVEL_ROUNDS",
    "MIN_ERRORS",
    "OUTLIER_SPREADS",
    "OUTLIER_WINDOW",
    "SAME_POOL_DAYS",
    "SCALE_ROUNDS",
    "SHRINKS",
    "STALE_PROGRAM_FROM",
    "Estimate",
    "Forecaster",
]

LEVEL_DAYS: Final = 730
"""The level of a type is the mean of its cut-offs of the last two years...
(a level of 2021 says nothing about a round of 2024)."""
LEVEL_ROUNDS: Final = 20
"""...and of at most its last 20 rounds (about nine months of PNP or CEC rounds)."""
GAP_ROUNDS: Final = 5
"""A type's usual gap between rounds is the median of its last five gaps."""
OUTLIER_WINDOW: Final = 5
"""The Hampel filter compares the previous cut-off with the type's last five."""
OUTLIER_SPREADS: Final = (3.0, 4.0, 5.0, math.inf)
"""How many spreads away a previous cut-off is a one-off (3 is Hampel's usual
choice; infinity never filters). The spread is the larger of 1.4826 times the
median distance to the median, and the median change of the type's last
:data:`LEVEL_ROUNDS` rounds (so that a type that sat on one cut-off does not
flag its next move)."""
CLIPS: Final = (20.0, 40.0, 60.0, 100.0)
"""The clips (CRS points) of the change of cut-off tried when fitting the weights."""
SHRINKS: Final = (1_000.0, 3_000.0, 10_000.0, 30_000.0)
"""How strongly a type's own weights are pulled towards the pooled ones (a ridge
penalty in squared points: larger means more pooled)."""
COVERAGE: Final = 0.8
"""The share of cut-offs an interval is meant to hold (10 % missed on each side)."""
SCALE_ROUNDS: Final = 10
"""A type's error scale is its mean absolute error over its last ten estimates."""
MIN_ERRORS: Final = 10
"""Below this many earlier errors (of any type), an estimate comes without an interval."""

SAME_POOL_DAYS: Final = 365
"""Rounds further apart than this ranked different pools: a profile stays in the pool
12 months (:data:`~expressentry.rules.timelines.PROFILE_POOL_MONTHS`), so a year
later every profile then ranked has left it or been submitted anew."""
STALE_PROGRAM_FROM: Final = "general"
"""The type whose estimate stands in for a program type's (``cec``, ``fsw``,
``fst``) when the program's last round is more than :data:`SAME_POOL_DAYS` old
and a general round is not: general rounds rank every program's candidates, so
their cut-off is where the program's pool is now. (The CEC round of 2020-03-23
followed one of 2015 cut at 808; general rounds were then cut at 471.)"""

_PROGRAMS: Final = frozenset(p.value for p in Program)
_POOLED_RIDGE: Final = 1.0
_OWN_SCALE: Final = 3  # fewer earlier errors of its type: the scale of any type's last ones

_Vec = tuple[float, float]
_Value = tuple[float, list[_Vec], list[float]]


@frozen
class Estimate:
    """The estimate of the next cut-off of a type, with its 80 % interval.

    Attributes:
        round_type: The type's key (``"cec"``).
        day: The day the next round is assumed to be held.
        value: The estimated cut-off (CRS points, to 0.1).
        low: The interval's low end, or ``None`` when too few errors are known yet.
        high: The interval's high end, or ``None``.
        baseline: The previous cut-off of the type.
        errors: The errors this estimate may have (cut-off minus :attr:`value`,
            CRS points), sorted: the estimator's earlier errors over their
            scale, times the type's current scale (the same that give the
            interval); empty when too few are known. They give :meth:`chance`.
    """

    round_type: str
    day: date
    value: float
    low: float | None
    high: float | None
    baseline: int
    errors: tuple[float, ...] = field(default=(), repr=False)

    def covers(self, cutoff: int) -> bool | None:
        """Whether the interval holds ``cutoff`` (``None`` without an interval)."""
        if self.low is None or self.high is None:
            return None
        return self.low <= cutoff <= self.high

    def below(self, x: float) -> float | None:
        """The chance that the cut-off is at most ``x`` (``None`` without :attr:`errors`).

        The errors' distribution, read as IRCC's cut-off = :attr:`value` + an
        error: the i-th smallest of *n* errors is at probability i/(n+1), linearly
        between them, and beyond the smallest or the largest it stays at 1/(n+1)
        or n/(n+1): a cut-off further out than every earlier error keeps a
        chance, never none.
        """
        z = self.errors
        if not z:
            return None
        n = len(z)
        t = x - self.value
        if t <= z[0]:
            return 1 / (n + 1)
        if t >= z[-1]:
            return n / (n + 1)
        i = bisect.bisect_right(z, t)  # z[i - 1] <= t < z[i]
        lo, hi = z[i - 1], z[i]
        return (i + (t - lo) / (hi - lo)) / (n + 1)

    def chance(self, crs: int, *, tie: float = 0.5) -> float | None:
        """The chance that a round on :attr:`day` invites a score of ``crs``.

        Cut-offs are whole numbers: the score is invited if the cut-off is below
        it, and at the cut-off with the chance ``tie`` of winning the tie-break
        (see :func:`~expressentry.draws.chances.tie_chance`; 0.5 when nothing is
        known). ``None`` without :attr:`errors`.

        >>> e = Estimate("cec", date(2026, 9, 1), 520.0, 510.0, 530.0, 520,
        ...              errors=(-10.0, -5.0, 0.0, 5.0, 10.0))
        >>> e.chance(520), e.chance(520, tie=1.0), e.chance(540), e.chance(500)
        (0.5, 0.5166666666666667, 0.8333333333333334, 0.16666666666666666)
        """
        below = self.below(crs - 0.5)
        at_most = self.below(crs + 0.5)
        if below is None or at_most is None:
            return None
        return below + (at_most - below) * tie


@frozen
class _Fit:
    """Running sums of one least-squares fit: ``X'X`` (3 numbers) and ``X'y`` per clip."""

    xx: list[float] = field(factory=lambda: [0.0, 0.0, 0.0])
    xy: list[list[float]] = field(factory=lambda: [[0.0, 0.0] for _ in CLIPS])

    def add(self, x: _Vec, change: float) -> None:
        self.xx[0] += x[0] * x[0]
        self.xx[1] += x[0] * x[1]
        self.xx[2] += x[1] * x[1]
        for i, clip in enumerate(CLIPS):
            y = max(-clip, min(clip, change))
            self.xy[i][0] += x[0] * y
            self.xy[i][1] += x[1] * y

    def solve(self, clip_index: int, ridge: float, prior: _Vec = (0.0, 0.0)) -> _Vec:
        """The weights minimising squared error + ``ridge`` * distance to ``prior``."""
        a, b, d = self.xx[0] + ridge, self.xx[1], self.xx[2] + ridge
        u = self.xy[clip_index][0] + ridge * prior[0]
        v = self.xy[clip_index][1] + ridge * prior[1]
        det = a * d - b * b
        return ((d * u - b * v) / det, (a * v - b * u) / det)


@frozen
class _Type:
    """What is known of one type: its rounds (day, cut-off), its fits and its errors."""

    days: list[date] = field(factory=list)
    cutoffs: list[int] = field(factory=list)
    fits: list[_Fit] = field(factory=lambda: [_Fit() for _ in OUTLIER_SPREADS])
    errors: list[float] = field(factory=list)

    def usual_gap(self) -> int:
        """The median of the type's last :data:`GAP_ROUNDS` gaps in days (0 when unknown).

        A gap longer than :data:`SAME_POOL_DAYS` (a pause of years) is left out.
        """
        gaps = [  # a pause longer than the pool's life is not a usual gap
            (b - a).days
            for a, b in itertools.pairwise(self.days[-GAP_ROUNDS - 1 :])
            if (b - a).days <= SAME_POOL_DAYS
        ]
        return round(statistics.median(gaps)) if gaps else 0

    def anchors(self) -> list[float]:
        """Where each filter of :data:`OUTLIER_SPREADS` starts from.

        The previous cut-off, or the median of the rounds before it where the
        filter flags it as a one-off.
        """
        c = self.cutoffs
        last = float(c[-1])
        if len(c) < OUTLIER_WINDOW:
            return [last] * len(OUTLIER_SPREADS)
        if (self.days[-1] - self.days[-OUTLIER_WINDOW]).days > SAME_POOL_DAYS:
            return [last] * len(OUTLIER_SPREADS)  # not one pool: nothing to compare with
        window = c[-OUTLIER_WINDOW:]
        mid = statistics.median(window)
        mad = statistics.median(abs(x - mid) for x in window)
        moves = [abs(b - a) for a, b in itertools.pairwise(c[-LEVEL_ROUNDS:])]
        spread = max(1.4826 * mad, statistics.median(moves), 1.0)
        before = float(statistics.median(window[:-1]))
        return [before if abs(last - mid) > k * spread else last for k in OUTLIER_SPREADS]

    def features(self, day: date, anchor: float) -> _Vec:
        """The two corrections for a round of this type on ``day``, from ``anchor``."""
        recent = [
            c
            for d, c in zip(self.days[-LEVEL_ROUNDS:], self.cutoffs[-LEVEL_ROUNDS:], strict=True)
            if (day - d).days <= LEVEL_DAYS
        ]
        level = statistics.fmean(recent) - anchor if recent else 0.0
        usual = self.usual_gap()
        gap = math.log(max((day - self.days[-1]).days, 1) / usual) if usual > 0 else 0.0
        return (level, gap)


class Forecaster:
    """Reads rounds in date order; before each, estimates the next cut-off of a type.

    Only what :meth:`add` was given is used: an estimate for a day is the same
    whatever rounds come after it. Rounds out of date order are refused
    (:class:`~expressentry.errors.InvalidInputError`).

    >>> from expressentry.draws.history import rounds
    >>> f = Forecaster(rounds())
    >>> found = f.estimate("cec", date(2026, 9, 1))
    >>> found.value, found.low, found.high, found.baseline
    (522.4, 517.4, 527.7, 523)
    """

    def __init__(self, history: Iterable[Round] = ()) -> None:
        self._types: dict[str, _Type] = {}
        self._pooled = [_Fit() for _ in OUTLIER_SPREADS]
        self._errors: list[float] = []  # of every estimate, in order
        self._scaled: list[float] = []  # the same divided by their scale, sorted
        self._added = 0
        self._memo: tuple[tuple[str, date, int], _Value] | None = None  # estimate, then add
        self._last: Round | None = None
        for r in history:
            self.add(r)

    def knows(self, round_type: str) -> bool:
        """Whether a round of this type was added (so that it can be estimated)."""
        return round_type in self._types

    def next_day(self, round_type: str, on: date) -> date:
        """The day of the type's next round, seen from ``on``.

        ``on``, or later when the type's usual gap after its last round has not
        passed yet (a round two days after the last of its type is not expected).

        Raises:
            KeyError: no round of this type was added.
        """
        kind = self._types[round_type]
        return max(on, kind.days[-1] + timedelta(days=kind.usual_gap()))

    def estimate(self, round_type: str, day: date) -> Estimate:
        """The next cut-off of ``round_type`` for a round held on ``day``.

        Raises:
            KeyError: no round of this type was added.
        """
        kind = self._types[round_type]
        value = round(self._value(round_type, day)[0], 1)
        low = high = None
        errors: tuple[float, ...] = ()
        if len(self._scaled) >= MIN_ERRORS:
            scale = self._scale(kind)
            n = len(self._scaled)
            tail = (1 - COVERAGE) / 2
            lo = self._scaled[max(1, math.floor((n + 1) * tail)) - 1]
            hi = self._scaled[min(n, math.ceil((n + 1) * (1 - tail))) - 1]
            low, high = round(value + lo * scale, 1), round(value + hi * scale, 1)
            errors = tuple(z * scale for z in self._scaled)
        return Estimate(round_type, day, value, low, high, kind.cutoffs[-1], errors)

    def add(self, round_: Round) -> None:
        """Learn from a round (the next in date order): its error, then its cut-off.

        Raises:
            InvalidInputError: the round is dated before the round added before
                it (naming both): rounds are learnt oldest first, else a round
                would be predicted from later ones.
        """
        last = self._last
        if last is not None and round_.day < last.day:
            message = tr(
                "round {number} ({day}) is dated before round {last} ({last_day}), added "
                "before it: rounds are added oldest first",
                number=round_.number,
                day=round_.day,
                last=last.number,
                last_day=last.day,
            )
            raise InvalidInputError("Forecaster", [FieldProblem("round_", round_.number, message)])
        self._last = round_
        key = round_.round_type
        kind = self._types.get(key)
        if kind is None:
            kind = self._types[key] = _Type()
        else:
            value, xs, anchors = self._value(key, round_.day)
            error = round_.cutoff - round(value, 1)
            scale = self._scale(kind)
            for i, (x, anchor) in enumerate(zip(xs, anchors, strict=True)):
                change = round_.cutoff - anchor
                self._pooled[i].add(x, change)
                kind.fits[i].add(x, change)
            kind.errors.append(error)
            self._errors.append(error)
            bisect.insort(self._scaled, error / scale)
        kind.days.append(round_.day)
        kind.cutoffs.append(round_.cutoff)
        self._added += 1

    def _value(self, round_type: str, day: date) -> _Value:
        """The median estimate of every (spread, clip, shrink).

        With each spread's features and anchor, for :meth:`add` to learn from.
        """
        key = (round_type, day, self._added)
        if self._memo is not None and self._memo[0] == key:
            return self._memo[1]
        kind = self._types[round_type]
        anchors = kind.anchors()
        known = {a: kind.features(day, a) for a in set(anchors)}
        xs = [known[a] for a in anchors]
        if self._stale_program(round_type, day):
            found = (self._value(STALE_PROGRAM_FROM, day)[0], xs, anchors)
            self._memo = (key, found)
            return found
        out = []
        for pooled, fit, x, anchor in zip(self._pooled, kind.fits, xs, anchors, strict=True):
            for clip in range(len(CLIPS)):
                prior = pooled.solve(clip, _POOLED_RIDGE)
                for shrink in SHRINKS:
                    w = fit.solve(clip, shrink, prior)
                    out.append(anchor + w[0] * x[0] + w[1] * x[1])
        found = (statistics.median(out), xs, anchors)
        self._memo = (key, found)
        return found

    def _stale_program(self, round_type: str, day: date) -> bool:
        """Whether a program type's last round is from another pool and a general round is not."""
        if round_type not in _PROGRAMS:
            return False
        general = self._types.get(STALE_PROGRAM_FROM)
        return (
            general is not None
            and (day - self._types[round_type].days[-1]).days > SAME_POOL_DAYS
            and (day - general.days[-1]).days <= SAME_POOL_DAYS
        )

    def _scale(self, kind: _Type) -> float:
        """The mean absolute error of the type's last estimates (of any type's, when few)."""
        own = kind.errors[-SCALE_ROUNDS:]
        recent = own if len(own) >= _OWN_SCALE else self._errors[-SCALE_ROUNDS:]
        return max(statistics.fmean(abs(e) for e in recent), 1.0) if recent else 1.0
