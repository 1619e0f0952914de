"""Benchmark of a pool's 24-month forecast, as a ratio to scoring it once a month.

A forecast (:func:`~expressentry.forecast_many`) scores and assesses each
candidate only on the days something may change; the yardstick is what a
forecast by brute force would at least cost: :func:`~expressentry.score_many`
of the same candidates on the first day of each of the 24 months (totals only,
no eligibility). The two are alternated in the same run (a shared machine
drifts): before each round of the forecast, the 24 monthly scorings are timed,
and each run starts cold (no rules compiled). ``extra_info`` records the best
and the mean of each, their ratios, the ratio of the first passes (the
forecast's first pass also finds each profile's kinds of work, which later
passes find cached), and the time one :func:`~expressentry.assess` of every
candidate takes (eligibility is assessed at least once per candidate, on the
first day). Nothing here asserts a duration.

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

from expressentry import (
    Candidate,
    Forecast,
    assess,
    forecast,
    forecast_many,
    pool_status,
    rules_for,
    score,
    score_many,
)

ROUNDS = 3
MONTHS = 24
FORECAST_POOL = 10_000
CHECKED = 200  # forecasts checked against score() on each event day


def _cold(as_of: date) -> None:
    for day in (as_of, as_of + relativedelta(months=MONTHS)):
        rules_for(as_of=day).clear_compiled()
    gc.collect()


def test_forecast_pool_24_months(
    benchmark: BenchmarkFixture, pool: list[Candidate], as_of: date
) -> None:
    """A 24-month forecast of the pool, and its ratio to 24 monthly scorings."""
    forecast_pool = pool[:FORECAST_POOL]
    end = as_of + relativedelta(months=MONTHS)
    months = [as_of + relativedelta(months=m) for m in range(MONTHS)]
    score_many(forecast_pool, as_of=as_of)  # both runs start with the profiles packed
    monthly_seconds: list[float] = []

    def monthly_then_cold() -> None:
        _cold(as_of)
        start = time.perf_counter()
        for day in months:
            score_many(forecast_pool, as_of=day)
        monthly_seconds.append(time.perf_counter() - start)
        _cold(as_of)

    def run() -> list[Forecast]:
        return forecast_many(forecast_pool, start=as_of, end=end)

    result: list[Forecast] = benchmark.pedantic(  # type: ignore[no-untyped-call]
        run, setup=monthly_then_cold, rounds=ROUNDS, iterations=1
    )
    size = len(forecast_pool)
    benchmark.extra_info["pool_size"] = size
    benchmark.extra_info["months"] = MONTHS
    start = time.perf_counter()
    for c in forecast_pool:
        assess(c, as_of=as_of)
    benchmark.extra_info["assess_once_seconds"] = round(time.perf_counter() - start, 3)
    benchmark.extra_info["events_per_candidate"] = round(
        sum(len(f.events) for f in result) / size, 2
    )
    if benchmark.stats is not None:  # None under --benchmark-disable
        forecasts = benchmark.stats.stats.data
        best, mean = min(monthly_seconds), sum(monthly_seconds) / len(monthly_seconds)
        benchmark.extra_info["monthly_score_many_best_s"] = round(best, 3)
        benchmark.extra_info["monthly_score_many_mean_s"] = round(mean, 3)
        benchmark.extra_info["forecast_best_s"] = round(min(forecasts), 3)
        benchmark.extra_info["forecast_mean_s"] = round(benchmark.stats.stats.mean, 3)
        benchmark.extra_info["ratio_to_monthly_scores"] = round(min(forecasts) / best, 2)
        benchmark.extra_info["ratio_of_means"] = round(benchmark.stats.stats.mean / mean, 2)
        benchmark.extra_info["ratio_of_first_passes"] = round(forecasts[0] / monthly_seconds[0], 2)
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


STATUS_CLIENTS = 1_000


def test_pool_status_1000_clients(
    benchmark: BenchmarkFixture,
    pool: list[Candidate],
    as_of: date,
    alternated: Callable[[Callable[[], object], Callable[[], object]], tuple[float, float]],
) -> None:
    """The pool status of 1,000 clients, as a ratio to their forecasts over the same days.

    :func:`~expressentry.pool_status` looks from ``as_of`` to the day the profile
    leaves the pool (12 months ahead for a profile not in it); the yardstick is
    :func:`~expressentry.forecast` of each client over those very days. The
    target is at most 5 times.
    """
    clients = pool[:STATUS_CLIENTS]
    horizons = [pool_status(c, as_of=as_of).looked_until for c in clients]

    def statuses() -> None:
        for c in clients:
            pool_status(c, as_of=as_of)

    def forecasts() -> None:
        for c, end in zip(clients, horizons, strict=True):
            forecast(c, start=as_of, end=end)

    status_s, forecast_s = alternated(statuses, forecasts)
    benchmark.pedantic(statuses, rounds=1, iterations=1)  # type: ignore[no-untyped-call]
    benchmark.extra_info["clients"] = len(clients)
    benchmark.extra_info["pool_status_s"] = round(status_s, 3)
    benchmark.extra_info["forecast_s"] = round(forecast_s, 3)
    benchmark.extra_info["ratio_to_forecast"] = round(status_s / forecast_s, 2)
