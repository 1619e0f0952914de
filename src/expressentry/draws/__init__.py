"""Rounds of invitations ("draws"): IRCC's round history, typed and explained.

:mod:`expressentry.draws.history` loads and queries the rounds,
:mod:`expressentry.draws.records` holds their types and
:mod:`expressentry.draws.feed` the named rules that read IRCC's feed.
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
from .records import POOL_BANDS, CrsBand, PoolDistribution, Quirk, Round, RoundKind

__all__ = [
    "POOL_BANDS",
    "CrsBand",
    "PoolDistribution",
    "Quirk",
    "Round",
    "RoundKind",
    "TrendPoint",
    "YearSummary",
    "find_rounds",
    "load_rounds",
    "rounds",
    "trends",
    "yearly_summary",
]
