"""Benchmark of a pool's 24-month forecast, as a ratio to scoring it once a month.

A forecast (:func:`~expressentry.forecast_many`) scores and assesses each
candidate only on the days something may change; the yardstick is what a
forecast by brute force would at least cost: :func:`~expressentry.score_many`
of the same candidates on the first day of each of the 24 months (totals only,
no eligibility). Both are measured in the same run, each round starting cold
(no rules compiled), and the ratio ``forecast / monthly`` is recorded in
``extra_info`` with the time one :func:`~expressentry.assess` of every candidate
takes (eligibility is assessed at least once per candidate, on the first day).
Nothing here asserts a duration.

The pool is the first 10,000 candidates of the seeded pool, or fewer when
``EXPRESSENTRY_BENCH_POOL`` is smaller.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from datetime import date

from dateutil.relativedelta import relativedelta
from pytest_benchmark.fixture import BenchmarkFixture

from expressentry import Candidate, Forecast, assess, forecast_many, rules_for, score, score_many

ROUNDS = 3
MONTHS = 24
FORECAST_POOL = 10_000
CHECKED = 200  # forecasts checked against score() on each event day


def _cold(as_of: date) -> Callable[[], None]:
    def setup() -> None:
        for day in (as_of, as_of + relativedelta(months=MONTHS)):
            rules_for(as_of=day).clear_compiled()
        gc.collect()

    return setup


def _mean_seconds(run: Callable[[], object], setup: Callable[[], None]) -> float:
    times = []
    for _ in range(ROUNDS):
        setup()
        t = time.perf_counter()
        run()
        times.append(time.perf_counter() - t)
    return sum(times) / len(times)


def test_forecast_pool_24_months(
    benchmark: BenchmarkFixture, pool: list[Candidate], as_of: date
) -> None:
    """A 24-month forecast of the pool, and its ratio to 24 monthly scorings."""
    forecast_pool = pool[:FORECAST_POOL]
    cold = _cold(as_of)
    end = as_of + relativedelta(months=MONTHS)
    months = [as_of + relativedelta(months=m) for m in range(MONTHS)]
    score_many(forecast_pool, as_of=as_of)  # both runs start with the profiles packed

    def monthly() -> list[list[int]]:
        return [score_many(forecast_pool, as_of=day) for day in months]

    def run() -> list[Forecast]:
        return forecast_many(forecast_pool, start=as_of, end=end)

    monthly_seconds = _mean_seconds(monthly, cold)
    result: list[Forecast] = benchmark.pedantic(  # type: ignore[no-untyped-call]
        run, setup=cold, rounds=ROUNDS, iterations=1
    )
    size = len(forecast_pool)
    benchmark.extra_info["pool_size"] = size
    benchmark.extra_info["months"] = MONTHS
    benchmark.extra_info["monthly_score_many_seconds"] = round(monthly_seconds, 3)
    start = time.perf_counter()
    for c in forecast_pool:
        assess(c, as_of=as_of)
    benchmark.extra_info["assess_once_seconds"] = round(time.perf_counter() - start, 3)
    benchmark.extra_info["events_per_candidate"] = round(
        sum(len(f.events) for f in result) / size, 2
    )
    if benchmark.stats is not None:  # None under --benchmark-disable
        mean = benchmark.stats.stats.mean
        benchmark.extra_info["forecast_seconds"] = round(mean, 3)
        benchmark.extra_info["ratio_to_monthly_scores"] = round(mean / monthly_seconds, 2)
    assert len(result) == size
    for f in result:
        assert all(as_of < e.day <= end for e in f.events)
        assert [e.day for e in f.events] == sorted({e.day for e in f.events})
    for f in result[:CHECKED]:
        for e in f.events:
            assert score(f.candidate, as_of=e.day).total == e.after.total
    # a realistic pool has events of every kind: expiries, birthdays, experience
    kinds = {m.kind for f in result for e in f.events for m in e.milestones}
    assert len(kinds) >= 3, kinds
