"""Benchmark of the improvement planner, as a ratio to one full breakdown per candidate.

Planning a candidate (:func:`~expressentry.improvements`, without chances) scores
and assesses every realistic change on its day, the best pairs and triples, and
the forecast of the horizon. The yardstick is one :func:`~expressentry.score` of
each candidate (a full breakdown). Both start from freshly built profiles (nothing
packed or cached on them), are alternated in the same run (a shared machine
drifts) and the best of 3 passes of each is kept; ``extra_info`` records both, the
ratio (the target is at most 150) and, apart, the cost of one plan with chances
(the draws' estimator is built for each plan). Nothing here asserts a duration.

The candidates are the first 1,000 of the seeded pool, or fewer when
``EXPRESSENTRY_BENCH_POOL`` is smaller.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from datetime import date
from typing import Any

from pytest_benchmark.fixture import BenchmarkFixture

from expressentry import Candidate, improvements, score

PLANNED = 1_000
ROUNDS = 3
WITH_CHANCES = 5
CHECKED = 50  # plans whose every gain is checked against score()


Build = Callable[[list[Any]], list[Candidate]]


def _timed(run: Callable[[list[Candidate]], object], fresh: list[Candidate]) -> float:
    gc.collect()
    start = time.process_time()
    run(fresh)
    return time.process_time() - start


def test_plan_1000_candidates(
    benchmark: BenchmarkFixture, specs: list[Any], build_some: Build, as_of: date
) -> None:
    """Plans of 1,000 varied candidates, and their ratio to one breakdown each."""
    chosen = specs[:PLANNED]

    def scores(pool: list[Candidate]) -> None:
        for c in pool:
            score(c, as_of=as_of)

    def planned(pool: list[Candidate]) -> None:
        for c in pool:  # each plan dropped, as each breakdown is: same heap for both
            improvements(c, as_of=as_of, chances=False)

    def timed_once() -> None:
        _timed(planned, build_some(chosen))

    best_score = best_plan = float("inf")
    for _ in range(ROUNDS):
        best_score = min(best_score, _timed(scores, build_some(chosen)))
        best_plan = min(best_plan, _timed(planned, build_some(chosen)))
    benchmark.pedantic(timed_once, rounds=1, iterations=1)  # type: ignore[no-untyped-call]
    size = len(chosen)
    start = time.process_time()
    with_chances = [improvements(c, as_of=as_of) for c in build_some(chosen[:WITH_CHANCES])]
    chances_seconds = (time.process_time() - start) / len(with_chances)
    benchmark.extra_info["candidates"] = size
    benchmark.extra_info["score_cpu_s"] = round(best_score, 3)
    benchmark.extra_info["plan_cpu_s"] = round(best_plan, 3)
    benchmark.extra_info["plan_ms_per_candidate"] = round(best_plan / size * 1000, 2)
    benchmark.extra_info["ratio_to_one_breakdown"] = round(best_plan / best_score, 1)
    benchmark.extra_info["plan_with_chances_ms"] = round(chances_seconds * 1000, 1)
    plans = [improvements(c, as_of=as_of, chances=False) for c in build_some(chosen[:CHECKED])]
    benchmark.extra_info["changes_per_plan"] = round(
        sum(len(p.improvements) for p in plans) / len(plans), 1
    )
    for plan in plans:
        gains = [imp.gain for imp in plan.improvements]
        assert gains == sorted(gains, reverse=True)
        for imp in plan.improvements:
            base = plan.candidate if imp.baseline is None else imp.baseline
            assert imp.gain == (
                score(imp.profile, as_of=imp.day).total - score(base, as_of=imp.day).total
            )
    assert any(p.chances for p in with_chances)
