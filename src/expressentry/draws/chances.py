"""Invitation chances: how likely the next round of a type invites a score, and how right that was.

An estimate of the next cut-off carries the errors it may have
(:attr:`Estimate.errors <expressentry.draws.estimator.Estimate.errors>`: the
estimator's own earlier errors, scaled to the type's recent ones). The chance
that a round invites a score is the chance that its cut-off is below the score,
plus the chance that it equals it times the chance of winning the tie-break
(:meth:`Estimate.chance <expressentry.draws.estimator.Estimate.chance>`);
:func:`tie_chance` reads that from the candidate's submission time against the
type's recent tie-breaks.

:func:`score_chances` judges those chances over a backtest: for each round
predicted, every score within :data:`CHANCE_SPAN` points of the previous cut-off
of its type is a candidate (what one could have asked before the round), its
chance is set against what happened, and the Brier score (the mean squared gap
between chance and outcome, 0 is perfect, 0.25 is a coin toss every time) is
given next to the **naive chance**'s: the share of the type's last
:data:`NAIVE_ROUNDS` rounds the score would have cleared. A reliability table
says, of the times the chance was about 70 %, how often the score was invited.

>>> from expressentry.draws.cutoffs import backtest
>>> found = backtest().chances
>>> round(found.brier, 3), round(found.naive_brier, 3)
(0.113, 0.158)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, Final

from attrs import frozen

from .estimator import Estimate
from .ties import invited_at_cutoff

__all__ = [
    "CHANCE_BINS",
    "CHANCE_SPAN",
    "NAIVE_ROUNDS",
    "TIE_UNKNOWN",
    "ChanceScore",
    "ReliabilityBin",
    "naive_chance",
    "score_chances",
    "tie_chance",
]

CHANCE_SPAN: Final = 40
"""The backtest asks the chance of every score within 40 points of the previous
cut-off of the round's type (81 scores a round, the cut-off itself left out)."""
NAIVE_ROUNDS: Final = 10
"""The naive chance is the share of the type's last ten rounds the score would have cleared."""
TIE_UNKNOWN: Final = 0.5
"""The chance of winning a tie-break when nothing tells it (no submission time, no
tie-break published, or a submission within a tie-break's second): even."""
CHANCE_BINS: Final = 10
"""The reliability table's bins: chances of 0-10 %, 10-20 %... 90-100 %."""


def tie_chance(submitted: datetime | None, tie_breaks: Iterable[datetime | None]) -> float:
    """The chance of winning the tie-break of the next round, from the recent ones.

    The share of ``tie_breaks`` (the type's recent rounds, IRCC's times to the
    second) that a profile submitted at ``submitted`` would have won, by the one
    rule of a tie (:func:`~expressentry.draws.ties.invited_at_cutoff`); a
    submission within a tie-break's second counts half. :data:`TIE_UNKNOWN`
    without a submission time or a published tie-break.

    >>> from datetime import UTC
    >>> tb = [datetime(2026, 3, 1, 18, 34, 5, tzinfo=UTC), datetime(2026, 5, 1, tzinfo=UTC)]
    >>> tie_chance(datetime(2026, 4, 1, tzinfo=UTC), tb), tie_chance(None, tb)
    (0.5, 0.5)
    >>> tie_chance(datetime(2026, 1, 1, tzinfo=UTC), tb)
    1.0
    """
    if submitted is None:
        return TIE_UNKNOWN
    won = [
        invited_at_cutoff(0, submitted, cutoff=0, tie_break=t) for t in tie_breaks if t is not None
    ]
    if not won:
        return TIE_UNKNOWN
    return sum(TIE_UNKNOWN if w is None else float(w) for w in won) / len(won)


def naive_chance(crs: int, recent: Sequence[int]) -> float | None:
    """The share of ``recent`` cut-offs ``crs`` would have cleared (a tie counts half).

    ``None`` without a cut-off.

    >>> naive_chance(500, [490, 500, 510, 495])
    0.625
    """
    if not recent:
        return None
    return sum(1.0 if crs > c else TIE_UNKNOWN if crs == c else 0.0 for c in recent) / len(recent)


@frozen
class ReliabilityBin:
    """Of the chances in ``[low, high)``: how many, their mean, and how often invited.

    Attributes:
        low: The bin's lowest chance.
        high: Its highest (excluded, but for the last bin).
        cases: How many chances fell in it.
        mean_chance: Their mean.
        invited: The share of those scores the round invited.
    """

    low: float
    high: float
    cases: int
    mean_chance: float
    invited: float


@frozen(repr=False)
class ChanceScore:
    """How the invitation chances did over a backtest, next to the naive chance.

    Attributes:
        rounds: Rounds whose chances were scored (those with an interval).
        cases: (round, score) pairs scored.
        brier: The chances' Brier score (mean squared gap to the outcome, 0 or 1).
        naive_brier: The naive chance's.
        bins: The chances' reliability table.
        naive_bins: The naive chance's.
    """

    rounds: int
    cases: int
    brier: float
    naive_brier: float
    bins: tuple[ReliabilityBin, ...]
    naive_bins: tuple[ReliabilityBin, ...]

    @property
    def better_than_naive(self) -> bool:
        """Whether the chances' Brier score is strictly lower than the naive chance's."""
        return self.brier < self.naive_brier

    def explain(self) -> str:
        """The Brier scores and both reliability tables, in words."""
        if not self.cases:
            return "Invitation chances: no round to score."
        verdict = (
            "better than the naive chance"
            if self.better_than_naive
            else "NO better than the naive chance"
        )
        out = [
            f"Invitation chances over {self.rounds} rounds, each asked for every score within "
            f"{CHANCE_SPAN} points of the previous cut-off ({self.cases:,} cases):",
            f"  Brier score {self.brier:.3f}, naive chance (share of the last {NAIVE_ROUNDS} "
            f"rounds cleared) {self.naive_brier:.3f}: {verdict}",
            f"  {'chance':<10}{'cases':>8}{'said':>7}{'invited':>9}"
            f"{'naive cases':>13}{'said':>7}{'invited':>9}",
        ]
        for a, b in zip(self.bins, self.naive_bins, strict=True):
            out.append(
                f"  {a.low:>3.0%}-{a.high:<5.0%}{a.cases:>8,}{_pct(a, a.mean_chance):>7}"
                f"{_pct(a, a.invited):>9}{b.cases:>13,}{_pct(b, b.mean_chance):>7}"
                f"{_pct(b, b.invited):>9}"
            )
        return "\n".join(out)

    def as_dict(self) -> dict[str, Any]:
        """The scores and tables as plain JSON values."""
        return {
            "rounds": self.rounds,
            "cases": self.cases,
            "span": CHANCE_SPAN,
            "brier": round(self.brier, 4),
            "naive_brier": round(self.naive_brier, 4),
            "better_than_naive": self.better_than_naive,
            "reliability": [_bin_dict(b) for b in self.bins],
            "naive_reliability": [_bin_dict(b) for b in self.naive_bins],
        }

    def __repr__(self) -> str:
        return (
            f"ChanceScore({self.rounds} rounds, {self.cases:,} cases: Brier {self.brier:.3f}, "
            f"naive {self.naive_brier:.3f})"
        )


def _pct(b: ReliabilityBin, x: float) -> str:
    return f"{x:.0%}" if b.cases else "-"


def _bin_dict(b: ReliabilityBin) -> dict[str, Any]:
    return {
        "low": b.low,
        "high": b.high,
        "cases": b.cases,
        "mean_chance": round(b.mean_chance, 4),
        "invited": round(b.invited, 4),
    }


def _bins(pairs: Sequence[tuple[float, float]]) -> tuple[ReliabilityBin, ...]:
    sums = [[0, 0.0, 0.0] for _ in range(CHANCE_BINS)]
    for p, y in pairs:
        i = min(int(p * CHANCE_BINS), CHANCE_BINS - 1)
        sums[i][0] += 1
        sums[i][1] += p
        sums[i][2] += y
    return tuple(
        ReliabilityBin(
            low=i / CHANCE_BINS,
            high=(i + 1) / CHANCE_BINS,
            cases=int(n),
            mean_chance=total / n if n else 0.0,
            invited=hits / n if n else 0.0,
        )
        for i, (n, total, hits) in enumerate(sums)
    )


def score_chances(predicted: Iterable[tuple[int, Estimate, Sequence[int]]]) -> ChanceScore:
    """Score the invitation chances of predicted rounds against the naive chance.

    Each item is a round's published cut-off, its estimate made from the rounds before it, and the
    type's cut-offs before it (the last :data:`NAIVE_ROUNDS` are the naive
    chance's). Every score within :data:`CHANCE_SPAN` points of the previous
    cut-off is asked, except the round's cut-off itself (whether such a score was
    invited depends on a submission time the backtest has not got); an estimate
    without errors is skipped.
    """
    model: list[tuple[float, float]] = []
    naive: list[tuple[float, float]] = []
    rounds = 0
    for cutoff, estimate, recent in predicted:
        if not estimate.errors or not recent:
            continue
        rounds += 1
        last = recent[-NAIVE_ROUNDS:]
        for crs in range(estimate.baseline - CHANCE_SPAN, estimate.baseline + CHANCE_SPAN + 1):
            if crs == cutoff:
                continue
            outcome = 1.0 if crs > cutoff else 0.0
            p = estimate.chance(crs, tie=TIE_UNKNOWN)
            q = naive_chance(crs, last)
            if p is None or q is None:  # pragma: no cover  (both checked above)
                continue
            model.append((p, outcome))
            naive.append((q, outcome))
    n = len(model)
    return ChanceScore(
        rounds=rounds,
        cases=n,
        brier=sum((p - y) ** 2 for p, y in model) / n if n else 0.0,
        naive_brier=sum((q - y) ** 2 for q, y in naive) / n if n else 0.0,
        bins=_bins(model),
        naive_bins=_bins(naive),
    )
