"""Rounds of invitations ("draws"): IRCC's round history, typed and explained.

:mod:`expressentry.draws.history` loads and queries the rounds,
:mod:`expressentry.draws.records` holds their types,
:mod:`expressentry.draws.feed` and :mod:`expressentry.draws.feedtext` the named
rules that read IRCC's feed,
:mod:`expressentry.draws.pool` holds a pool of candidates and
:mod:`expressentry.draws.selection` runs rounds over it (ranking with
:mod:`expressentry.draws.ranking`),
:mod:`expressentry.draws.replays` replays published rounds on synthetic pools,
:mod:`expressentry.draws.cutoffs` holds round types, the cut-off estimate and its
backtest, :mod:`expressentry.draws.estimator` the method behind the estimate,
:mod:`expressentry.draws.chances` the chance that a round invites a score and its
backtest, :mod:`expressentry.draws.clearance` how a score compares with a past
round, and :mod:`expressentry.draws.prospects` a candidate's outlook against past
rounds.
"""

from __future__ import annotations

from .chances import ChanceScore, ReliabilityBin, naive_chance, score_chances, tie_chance
from .clearance import Clearance, RoundCheck, check_round
from .cutoffs import (
    Backtest,
    BacktestRow,
    Prediction,
    RoundType,
    backtest,
    estimate_cutoff,
    round_type_of,
)
from .estimator import Estimate, Forecaster
from .history import (
    TrendPoint,
    YearSummary,
    find_rounds,
    load_rounds,
    rounds,
    trends,
    yearly_summary,
)
from .pool import Pool, PoolColumns, eligibility_flags
from .prospects import Outlook, OutlookLine, outlook
from .ranking import top_ranked
from .records import POOL_BANDS, CrsBand, PoolDistribution, Quirk, Round, RoundKind
from .replays import KindSummary, ReplayReport, RoundReplay, replay, replay_all
from .selection import Invited, RoundSpec, Selection, run_rounds, select
from .ties import invited_at_cutoff, tie_break_of

__all__ = [
    "POOL_BANDS",
    "Backtest",
    "BacktestRow",
    "ChanceScore",
    "Clearance",
    "CrsBand",
    "Estimate",
    "Forecaster",
    "Invited",
    "KindSummary",
    "Outlook",
    "OutlookLine",
    "Pool",
    "PoolColumns",
    "PoolDistribution",
    "Prediction",
    "Quirk",
    "ReliabilityBin",
    "ReplayReport",
    "Round",
    "RoundCheck",
    "RoundKind",
    "RoundReplay",
    "RoundSpec",
    "RoundType",
    "Selection",
    "TrendPoint",
    "YearSummary",
    "backtest",
    "check_round",
    "eligibility_flags",
    "estimate_cutoff",
    "find_rounds",
    "invited_at_cutoff",
    "load_rounds",
    "naive_chance",
    "outlook",
    "replay",
    "replay_all",
    "round_type_of",
    "rounds",
    "run_rounds",
    "score_chances",
    "select",
    "tie_break_of",
    "tie_chance",
    "top_ranked",
    "trends",
    "yearly_summary",
]
