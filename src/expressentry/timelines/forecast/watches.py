"""The counts of hours a forecast watches for one candidate under one rule set.

The CRS's counts come from the forecast's terms (:mod:`.terms`); the programs' and
categories' are eligibility's own thresholds
(:func:`~expressentry.eligibility.thresholds.work_thresholds`), each watched as
it is drawn: its kind of work, window, line, occupations and continuity.
"""

from __future__ import annotations

from collections.abc import Iterator

from expressentry.eligibility.thresholds import WorkThreshold, WorkThresholds
from expressentry.enums import Program
from expressentry.experience import (
    full_time_segments,
    occupation_segments,
    segments,
)
from expressentry.i18n import Message, tr, trn
from expressentry.models import (
    Candidate,
    WorkHistory,
)
from expressentry.timelines.forecast.crossings import (
    CRS_TAG,
    ELIGIBILITY_TAG,
    FSW_DOWN_TAG,
    Watch,
)
from expressentry.timelines.forecast.terms import CrsCount, Terms

# -- the watches of a candidate under one rule set --------------------------------------------


def crs_watches(c: Candidate, t: Terms) -> Iterator[Watch]:
    """The years of experience the CRS pays, of the candidate and the spouse."""
    counts: list[tuple[WorkHistory, tuple[CrsCount, ...]]] = [(c.work_history, t.crs)]
    if c.spouse is not None:
        counts.append((c.spouse.work_history, (t.spouse_crs,)))
    for history, kinds in counts:
        if not history.periods:
            continue
        for what, kind, rule, earns, words in kinds:
            segs = segments(history, kind, t.cap)
            if segs:  # no such work: nothing to cross
                yield Watch(
                    segs, t.crs_window, t.per_year, 0.0, CRS_TAG, what, rule, earns, None, words
                )


def program_watches(c: Candidate, cap: int, found: WorkThresholds) -> Iterator[Watch]:
    """The hours and years each program (and category) needs, of ``c``, as ``found`` draws them.

    ``found`` is :func:`~expressentry.eligibility.thresholds.work_thresholds` of the
    rule set; ``cap`` its weekly cap of hours.
    """
    history = c.work_history
    cec = found.cec
    # CEC: the TEERs of the first count hold those of the others (no skilled work: none).
    if cec and segments(history, cec[0].kind, cap):
        for th in cec:
            yield from _watches(th, history, cap)
    # FSW: a year of continuous work in one occupation; the grid; adaptability.
    for th in found.fsw:
        if not th.spouse:
            yield from _watches(th, history, cap)
        elif c.spouse is not None:
            yield from _watches(th, c.spouse.work_history, cap)
    # FST: hours in one trade (its kind counts trades only).
    for th in found.fst:
        yield from _watches(th, history, cap)
    # Categories: those listing an occupation of the candidate, in the order of their set.
    listed = {id(th) for p in history.periods for th in found.listing(p.noc)}
    if listed:
        for th in found.categories:
            if id(th) in listed:
                yield from _watches(th, history, cap)


def _watches(th: WorkThreshold, history: WorkHistory, cap: int) -> Iterator[Watch]:
    """The watches of ``history``'s work on the line ``th`` draws (one per occupation and run)."""
    # A fall of an FSW count can only lower the grid or fail FSW (adaptability's never falls).
    down = FSW_DOWN_TAG if th.program is Program.FSW else None
    if th.per_occupation:
        only = th.occupations
        for noc, runs in occupation_segments(history, th.kind, cap, th.continuous_gap_days):
            if only is not None and noc not in only:
                continue
            what = th.describe(noc)
            words = th.describe_message(noc)
            for run in runs:
                yield Watch(
                    run,
                    th.window_years,
                    0,
                    th.hours,
                    ELIGIBILITY_TAG,
                    what,
                    th.rule,
                    None,
                    down,
                    words,
                )
        return
    segs = (full_time_segments if th.full_time else segments)(history, th.kind, cap)
    if segs:  # no such work: nothing to cross
        # yearly: each whole multiple of the hours is a step (years); else one line
        step, line = (int(th.hours), 0.0) if th.yearly else (0, th.hours)
        yield Watch(
            segs,
            th.window_years,
            step,
            line,
            ELIGIBILITY_TAG,
            th.what,
            th.rule,
            th.points,
            down,
            th.describe_message(),
        )


def experience_words(w: Watch, before: int, after: int) -> Message:
    """The milestone's words when the level of ``w`` goes from ``before`` to ``after``."""
    what = tr("{text}", text=w.what) if w.what_message is None else w.what_message
    if w.step:
        n = trn("{n} year", "{n} years", after, n=after)
        return tr("{what}: {n} (was {before})", what=what, n=n, before=before)
    if after:
        return tr("{what}: reached", what=what)
    return tr("{what}: no longer reached", what=what)
