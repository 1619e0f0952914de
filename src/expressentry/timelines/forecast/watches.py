"""The counts of hours a forecast watches for one candidate under one rule set."""

from __future__ import annotations

from collections.abc import Iterator

from expressentry._hours import Segments
from expressentry.eligibility._common import skilled_paid
from expressentry.eligibility.categories import place_kind
from expressentry.eligibility.fsw import SPOUSE_WORK
from expressentry.enums import Program
from expressentry.experience import (
    Kind,
    canadian_kind,
    full_time_segments,
    occupation_segments,
    segments,
)
from expressentry.models import (
    Candidate,
    WorkHistory,
)
from expressentry.rules import RuleSet, programs
from expressentry.rules.programs import (
    FSW_CONTINUITY_GAP_DAYS,
)
from expressentry.timelines.forecast.crossings import (
    ANY_HOURS,
    CRS_TAG,
    ELIGIBILITY_TAG,
    FSW_DOWN_TAG,
    Watch,
)
from expressentry.timelines.forecast.terms import CrsCount, Terms, by_order

# -- the watches of a candidate under one rule set --------------------------------------------


def _per_noc(
    history: WorkHistory, kind: Kind, cap: int, *, continuous: bool
) -> Iterator[tuple[str, Segments]]:
    """Each NOC's segments of ``kind`` work (each continuous stretch, if ``continuous``)."""
    gap = FSW_CONTINUITY_GAP_DAYS if continuous else None
    for noc, runs in occupation_segments(history, kind, cap, gap):
        for run in runs:
            yield noc, run


def crs_watches(c: Candidate, t: Terms) -> Iterator[Watch]:
    """The years of experience the CRS pays, of the candidate and the spouse."""
    counts: list[tuple[WorkHistory, tuple[CrsCount, ...]]] = [(c.work_history, t.crs)]
    if c.spouse is not None:
        counts.append((c.spouse.work_history, (t.spouse_crs,)))
    for history, kinds in counts:
        if not history.periods:
            continue
        for what, kind, rule, earns in kinds:
            segs = segments(history, kind, t.cap)
            if segs:  # no such work: nothing to cross
                yield Watch(segs, t.crs_window, t.per_year, 0.0, CRS_TAG, what, rule, earns)


def program_watches(c: Candidate, r: RuleSet, t: Terms) -> Iterator[Watch]:
    """The hours and years each program (and category) needs, of ``c`` under ``r``."""
    history = c.work_history
    cap = t.cap
    for what, teers, line in t.cec:  # the TEERs of the first hold those of the others
        if line == ANY_HOURS and programs.CEC_MIXED_TEER_HOURS_BY_LEVEL:
            continue  # the strict reading only
        segs = segments(history, canadian_kind(r, teers), cap)
        if not segs and teers == t.cec[0][1]:
            break  # no Canadian skilled work at all
        if segs:
            yield Watch(segs, t.cec_years, 0, line, ELIGIBILITY_TAG, what, t.cec_rule)
    # FSW: a year of continuous work in one occupation; years of skilled work on the grid.
    paid = skilled_paid(r, Program.FSW)
    years = t.fsw_years
    for noc, run in _per_noc(history, paid, cap, continuous=True):
        yield Watch(
            run,
            years,
            0,
            float(t.fsw_need),
            ELIGIBILITY_TAG,
            f"FSW: {t.fsw_need:,} hours of continuous work in NOC {noc} in the last {years} years",
            t.fsw_rule,
            down_tags=FSW_DOWN_TAG,
        )
    skilled = segments(history, paid, cap)
    if skilled:
        yield Watch(
            skilled,
            years,
            t.per_year,
            0.0,
            ELIGIBILITY_TAG,
            f"FSW grid: years of skilled work in the last {years} years",
            t.grid_rule,
            t.grid_points,
            down_tags=FSW_DOWN_TAG,
        )
    # FSW adaptability: a year of full-time work in Canada (all before the day).
    full: list[tuple[str, Segments]] = [
        (
            t.adaptability_words,
            full_time_segments(history, canadian_kind(r), cap),
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
            yield Watch(
                full_time, None, 0, float(t.per_year), ELIGIBILITY_TAG, words, t.adaptability
            )
    # FST: two years in one trade.
    years = t.fst_years
    for noc, segs in _per_noc(history, skilled_paid(r, Program.FST), cap, continuous=False):
        if t.fst_trades.contains(noc):
            yield Watch(
                segs,
                years,
                0,
                float(t.fst_need),
                ELIGIBILITY_TAG,
                f"FST: {t.fst_need:,} hours in the trade NOC {noc} in the last {years} years",
                t.fst_rule,
            )
    yield from _category_watches(c, t)


def _category_watches(c: Candidate, t: Terms) -> Iterator[Watch]:
    if t.category_rule is None:
        return
    listed = t.categories
    counts = {count for p in c.work_history.periods for count in listed.get(p.noc, ())}
    for _, place, nocs, what in sorted(counts, key=by_order):
        # the place's work in every occupation, of which the category reads its listed ones
        history, kind = c.work_history, place_kind(place)
        for noc, segs in _per_noc(history, kind, t.cap, continuous=t.category_continuous):
            if noc not in nocs:
                continue
            yield Watch(
                segs,
                t.category_window,
                0,
                float(t.category_hours),
                ELIGIBILITY_TAG,
                what.format(noc=noc),
                t.category_rule,
            )


def experience_words(w: Watch, before: int, after: int) -> str:
    """The milestone's words when the level of ``w`` goes from ``before`` to ``after``."""
    if w.step:
        n = f"{after} year{'' if after == 1 else 's'}"
        return f"{w.what}: {n} (was {before})"
    return f"{w.what}: {'reached' if after else 'no longer reached'}"
