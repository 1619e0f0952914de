"""Credited hours over time, with the weekly cap applied across concurrent jobs.

Work periods become disjoint segments ``(first_day, end_day, weekly_hours)`` on
the proleptic-ordinal day line, end exclusive, where ``weekly_hours`` is the sum
of the concurrent jobs' hours capped at the weekly maximum. Hours credited in a
window are then ``sum(weekly_hours * days) / 7``. Building the segments is a
sweep done once per history and kind; each query is a short loop.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from expressentry._memo import one_int

__all__ = ["Segments", "build_segments", "hour_days"]

Segments = tuple[tuple[int, int, float], ...]


def _shared(segments: Iterable[tuple[int, int, float]]) -> Segments:
    """``segments``, each day number the one object kept for it (see ``one_int``).

    The segments of a pool's histories start and end on a few thousand days.
    """
    return tuple((one_int(s), one_int(e), rate) for s, e, rate in segments)


def build_segments(spans: Iterable[tuple[int, int, float]], cap: float) -> Segments:
    """Disjoint capped segments from ``(first_day, end_day_exclusive, hours)`` spans."""
    spans = sorted(spans)
    if len(spans) < 2 or all(a[1] <= b[0] for a, b in pairwise(spans)):
        # most kinds of a history: no work, one period, or periods one after another
        return _shared((s, e, min(h, cap)) for s, e, h in spans)
    changes: dict[int, float] = {}
    for s, e, h in spans:
        changes[s] = changes.get(s, 0.0) + h
        changes[e] = changes.get(e, 0.0) - h
    out: list[tuple[int, int, float]] = []
    level = 0.0
    days = sorted(changes)
    for day, nxt in pairwise(days):
        level += changes[day]
        if level > 1e-9:
            rate = min(level, cap)
            if out and out[-1][1] == day and out[-1][2] == rate:
                out[-1] = (out[-1][0], nxt, rate)
            else:
                out.append((day, nxt, rate))
    return _shared(out)


def hour_days(segments: Segments, first: int, end: int) -> float:
    """Weekly hours times days credited in ``[first, end)``; divide by 7 for hours."""
    total = 0.0
    for s, e, rate in segments:
        lo = s if s > first else first
        hi = e if e < end else end
        if hi > lo:
            total += rate * (hi - lo)
    return total
