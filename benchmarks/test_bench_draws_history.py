"""Benchmarks over the shipped round history: the backtest and the replay of every round.

- The walk-forward backtest of the cut-off estimate (every round predicted from
  the rounds before it), with the scoring of the invitation chances: the
  figures of the Draws guide. ``extra_info`` records the seconds, the MAE and the
  Brier scores.
- The replay of every round with a pool distribution (issue 18 asks for 15 s at
  most). ``extra_info`` records the seconds, their share of the 15 s, and the
  ratio to the former way, a synthetic pool of every profile of every band
  (timed on :data:`SAMPLE` rounds of each, the same rounds both ways).

Nothing asserts a duration: run ``pytest benchmarks/test_bench_draws_history.py -s``
to read the figures.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

from pytest_benchmark.fixture import BenchmarkFixture

from expressentry.draws.cutoffs import Backtest, backtest
from expressentry.draws.history import rounds
from expressentry.draws.ranking import top_ranked
from expressentry.draws.records import Round
from expressentry.draws.replays import (
    ReplayReport,
    replay,
    replay_all,
    replay_bands,
    synthetic_keys,
)

REPLAY_LIMIT = 15.0
"""Seconds issue 18 allows for replaying every round."""
SAMPLE = 12
"""Rounds timed both ways for the replay's ratio to a pool of every profile."""


def _seconds(run: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def _whole_pool(r: Round) -> int:
    """The former replay: every profile of every band drawn, then ranked."""
    assert r.distribution is not None
    bands = replay_bands(r.distribution)
    assert bands is not None
    scores, submitted = synthetic_keys(bands, before=r.held_at, seed=f"2026:{r.number}", day=r.day)
    return scores[top_ranked(scores, submitted, r.invitations)[-1]]


def test_backtest_over_the_history(benchmark: BenchmarkFixture) -> None:
    def run() -> tuple[Backtest, float]:
        report = backtest()
        return report, report.chances.brier

    report, _ = benchmark.pedantic(run, rounds=3, iterations=1)  # type: ignore[no-untyped-call]
    seconds = _seconds(run)
    chances = report.chances
    benchmark.extra_info.update(
        rounds=report.overall.rounds,
        seconds=round(seconds, 3),
        estimate_mae=round(report.overall.estimate_mae, 2),
        baseline_mae=round(report.overall.baseline_mae, 2),
        brier=round(chances.brier, 4),
        naive_brier=round(chances.naive_brier, 4),
    )
    print(  # noqa: T201 (the figure, with -s)
        f"\nbacktest of {report.overall.rounds} rounds with the chances: {seconds:.2f} s"
    )
    assert report.overall.rounds == 422


def test_replay_of_every_round(benchmark: BenchmarkFixture) -> None:
    report: ReplayReport = benchmark.pedantic(  # type: ignore[no-untyped-call]
        replay_all, rounds=1, iterations=1
    )
    seconds = _seconds(replay_all)
    replayed = [r.round for r in report.replays]
    step = max(1, len(replayed) // SAMPLE)
    sample = replayed[::step][:SAMPLE]
    cut = _seconds(lambda: [replay(r) for r in sample])
    whole = _seconds(lambda: [_whole_pool(r) for r in sample])
    benchmark.extra_info.update(
        rounds=len(report.replays),
        seconds=round(seconds, 3),
        share_of_limit=round(seconds / REPLAY_LIMIT, 3),
        ratio_to_whole_pool=round(cut / whole, 3),
        general_mae=None if report.general_mae is None else round(report.general_mae, 2),
    )
    print(  # noqa: T201 (the figure, with -s)
        f"\nreplay of {len(report.replays)} rounds: {seconds:.2f} s "
        f"({seconds / REPLAY_LIMIT:.0%} of {REPLAY_LIMIT:g} s); on {len(sample)} rounds, "
        f"{cut / whole:.2f} times the time of a pool of every profile"
    )
    assert len(report.replays) == 223
    assert all(r.in_implied_band for r in report.replays)
    assert len(rounds()) == 438
