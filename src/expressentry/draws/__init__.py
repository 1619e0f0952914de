"""Rounds of invitations ("draws"): IRCC's round history, typed and explained.

:mod:`expressentry.draws.history` loads and queries the rounds,
:mod:`expressentry.draws.records` holds their types and
:mod:`expressentry.draws.feed` the named rules that read IRCC's feed.
:mod:`expressentry.draws.pool` holds a pool of candidates and
:mod:`expressentry.draws.selection` runs rounds over it.
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
from .selection import Invited, RoundSpec, Selection, run_rounds, select, top_ranked

__all__ = [
    "POOL_BANDS",
    "CrsBand",
    "EligibilityFlags",
    "Invited",
    "Pool",
    "PoolDistribution",
    "Quirk",
    "Round",
    "RoundKind",
    "RoundSpec",
    "Selection",
    "TrendPoint",
    "YearSummary",
    "eligibility_flags",
    "find_rounds",
    "load_rounds",
    "rounds",
    "run_rounds",
    "select",
    "top_ranked",
    "trends",
    "yearly_summary",
]
