"""Rounds of invitations ("draws"): IRCC's round history, typed and explained.

:mod:`expressentry.draws.history` loads and queries the rounds,
:mod:`expressentry.draws.records` holds their types and
:mod:`expressentry.draws.feed` the named rules that read IRCC's feed.
:mod:`expressentry.draws.pool` holds a pool of candidates and
:mod:`expressentry.draws.selection` runs rounds over it;
:mod:`expressentry.draws.replay` replays published rounds on synthetic pools.
"""

from __future__ import annotations

from .history import (
    TrendPoint,
    YearSummary,
    find_rounds,
    load_rounds,
    rounds,
    trends,
    yearly_summary,
)
from .pool import EligibilityFlags, Pool, eligibility_flags
from .records import POOL_BANDS, CrsBand, PoolDistribution, Quirk, Round, RoundKind
from .replay import KindSummary, ReplayReport, RoundReplay, replay, replay_all
from .selection import Invited, RoundSpec, Selection, run_rounds, select, top_ranked

__all__ = [
    "POOL_BANDS",
    "CrsBand",
    "EligibilityFlags",
    "Invited",
    "KindSummary",
    "Pool",
    "PoolDistribution",
    "Quirk",
    "ReplayReport",
    "Round",
    "RoundKind",
    "RoundReplay",
    "RoundSpec",
    "Selection",
    "TrendPoint",
    "YearSummary",
    "eligibility_flags",
    "find_rounds",
    "load_rounds",
    "replay",
    "replay_all",
    "rounds",
    "run_rounds",
    "select",
    "top_ranked",
    "trends",
    "yearly_summary",
]
