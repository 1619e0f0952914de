"""Rounds of invitations ("draws"): IRCC's round history, typed and explained.

:mod:`expressentry.draws.history` loads and queries the rounds,
:mod:`expressentry.draws.records` holds their types,
:mod:`expressentry.draws.feed` the named rules that read IRCC's feed,
:mod:`expressentry.draws.cutoffs` the cut-off estimator and its backtest, and
:mod:`expressentry.draws.prospects` a candidate's outlook against past rounds.
"""

from __future__ import annotations

from .cutoffs import (
    Backtest,
    BacktestRow,
    Prediction,
    RoundType,
    backtest,
    estimate_cutoff,
    round_type_of,
)
from .history import (
    TrendPoint,
    YearSummary,
    find_rounds,
    load_rounds,
    rounds,
    trends,
    yearly_summary,
)
from .prospects import Clearance, Outlook, OutlookLine, RoundCheck, outlook
from .records import POOL_BANDS, CrsBand, PoolDistribution, Quirk, Round, RoundKind

__all__ = [
    "POOL_BANDS",
    "Backtest",
    "BacktestRow",
    "Clearance",
    "CrsBand",
    "Outlook",
    "OutlookLine",
    "PoolDistribution",
    "Prediction",
    "Quirk",
    "Round",
    "RoundCheck",
    "RoundKind",
    "RoundType",
    "TrendPoint",
    "YearSummary",
    "backtest",
    "estimate_cutoff",
    "find_rounds",
    "load_rounds",
    "outlook",
    "round_type_of",
    "rounds",
    "trends",
    "yearly_summary",
]
