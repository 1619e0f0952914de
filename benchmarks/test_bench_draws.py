"""Benchmark of round selection over pre-scored candidates, next to a plain ``sorted()``.

The keys are 1,000,000 candidates (or ``EXPRESSENTRY_BENCH_POOL`` of them, as CI
sets it to shrink the pools): a CRS drawn from the pool distribution IRCC
published with round #437 (2026-08-19), uniform inside each band, and a
submission time in the 12 months before the round, in microseconds since
1970-01-01 UTC (the key a :class:`~expressentry.draws.pool.Pool` ranks by, at the
precision a ``datetime`` holds); the seed is fixed.

Each test times :func:`~expressentry.draws.ranking.top_ranked` with the
benchmark fixture, then times both it and ``sorted(zip(-scores, submitted))`` of
the same keys (the negated scores made beforehand, untimed) in the same run, best
of :data:`ROUNDS`, and records the ratio in ``extra_info["ratio_to_sorted"]``
(the issue asks for 2 or less at 1,000,000 candidates). Nothing asserts a duration.
"""

from __future__ import annotations

import gc
import os
import random
import time
from collections.abc import Callable
from typing import TypeVar

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from expressentry.draws.history import rounds
from expressentry.draws.ranking import top_ranked
from expressentry.draws.records import FINEST_BANDS

T = TypeVar("T")

POOL_ENV = "EXPRESSENTRY_BENCH_POOL"  # as in conftest.py
ROUNDS = 3
DEFAULT_KEYS = 1_000_000
SEED = 437
YEAR_MICROS = 365 * 86_400 * 1_000_000
ROUND_SIZE = 5_000  # a large round (French rounds of 2025-2026 invited 2,500-8,500)


def key_count() -> int:
    """1,000,000, or ``EXPRESSENTRY_BENCH_POOL`` when set."""
    raw = os.environ.get(POOL_ENV, "").strip()
    return int(raw.replace("_", "")) if raw else DEFAULT_KEYS


@pytest.fixture(scope="module")
def keys() -> tuple[list[int], list[int]]:
    """Scores shaped like round #437's pool, and submission microseconds over a year."""
    r = {r.number: r for r in rounds()}["437"]
    assert r.distribution is not None
    counts = [r.distribution.count(b) or 0 for b in FINEST_BANDS]
    rng = random.Random(SEED)
    n = key_count()
    bands = rng.choices(FINEST_BANDS, weights=counts, k=n)
    scores = [rng.randint(b.low, b.high) for b in bands]
    end = int(r.held_at.timestamp()) * 1_000_000
    submitted = [end - s for s in rng.choices(range(YEAR_MICROS), k=n)]
    return scores, submitted


def _collect() -> None:
    gc.collect()


def _best(run: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(ROUNDS):
        gc.collect()
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("size", ["round", "whole pool"])
def test_select_vs_sorted(
    benchmark: BenchmarkFixture, keys: tuple[list[int], list[int]], size: str
) -> None:
    """Top N of the pre-scored keys (N = 5,000, or the whole pool), and ``sorted()`` of them."""
    scores, submitted = keys
    n = len(scores)
    wanted = min(ROUND_SIZE, n) if size == "round" else n
    negated = [-s for s in scores]

    def select() -> list[int]:
        return top_ranked(scores, submitted, wanted)

    def plain_sort() -> list[tuple[int, int]]:
        return sorted(zip(negated, submitted, strict=True))

    chosen: list[int] = benchmark.pedantic(  # type: ignore[no-untyped-call]
        select, setup=_collect, rounds=ROUNDS, iterations=1
    )
    # both timed again in this run, the same way, for the ratio
    selecting, sorting = _best(select), _best(plain_sort)
    ratio = selecting / sorting
    benchmark.extra_info.update(
        keys=n,
        invited=wanted,
        select_seconds=round(selecting, 4),
        sorted_seconds=round(sorting, 4),
        ratio_to_sorted=round(ratio, 3),
    )
    print(  # noqa: T201 (the figure the issue asks for, with -s)
        f"\n{n:,} keys, {wanted:,} invited: top_ranked {selecting:.3f} s, "
        f"sorted() {sorting:.3f} s, ratio {ratio:.2f}"
    )
    reference = plain_sort()[:wanted]
    assert [(-scores[i], submitted[i]) for i in chosen] == reference
