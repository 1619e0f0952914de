"""Benchmarks of a whole pool: building it, scoring it (both paths) and reading its JSON.

Each benchmark runs a few rounds of one pass over the pool (``benchmark.pedantic``,
with an untimed garbage collection before each round), records candidates per
second in ``extra_info`` and checks its result; nothing here asserts a duration.
Run with ``pytest benchmarks/``; CI runs a small pool with ``--benchmark-disable``.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar, cast

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from expressentry import (
    Candidate,
    CrsBreakdown,
    CrsSection,
    from_dict,
    rules_for,
    score,
    score_many,
)

T = TypeVar("T")

ROUNDS = 3
CHECKED = 1_000  # fast-path totals are checked against this many full breakdowns
MAX_CRS = 1_200


def _collect() -> None:
    """Start each round from a collected heap (the garbage of earlier rounds is freed)."""
    gc.collect()


def _timed(
    benchmark: BenchmarkFixture,
    run: Callable[[], T],
    size: int,
    *,
    start: str | None = None,
    day: date | None = None,
) -> T:
    """Time ``ROUNDS`` single passes of ``run``; record the pool size and candidates/s.

    Scoring passes start ``"cold"`` (as a fresh process: no rules compiled for
    ``day``, nothing remembered) or ``"warm"`` (keeping what an untimed pass before
    compiled: rescoring the same pool on the same day).
    """
    setup = _collect
    if start == "cold" and day is not None:
        cold_day = day

        def setup() -> None:
            rules_for(as_of=cold_day).clear_compiled()
            gc.collect()

    elif start == "warm":
        run()  # compile the rules and fill the memos, untimed

    result = benchmark.pedantic(  # type: ignore[no-untyped-call]  # pytest-benchmark is untyped
        run, setup=setup, rounds=ROUNDS, iterations=1
    )
    benchmark.extra_info["pool_size"] = size
    if start is not None:
        benchmark.extra_info["start"] = start
    if benchmark.stats is not None:  # None under --benchmark-disable
        mean = benchmark.stats.stats.mean
        benchmark.extra_info["candidates_per_second"] = round(size / mean) if mean else None
    return cast("T", result)


def test_build_candidates(
    benchmark: BenchmarkFixture, build_pool: Callable[[], list[Candidate]], pool: list[Candidate]
) -> None:
    """(1) Build every model of the pool from its seeded inputs."""
    built = _timed(benchmark, build_pool, len(pool))
    assert len(built) == len(pool)
    assert built == pool  # same seed, same inputs: equal candidates
    assert any(c.spouse is not None for c in built)
    assert any(c.work_history.periods for c in built)


@pytest.mark.parametrize("start", ["cold", "warm"])
def test_score_breakdowns(
    benchmark: BenchmarkFixture, pool: list[Candidate], as_of: date, start: str
) -> None:
    """(2) The full, explained breakdown of every candidate."""

    def run() -> list[CrsBreakdown]:
        return [score(c, as_of=as_of) for c in pool]

    results = _timed(benchmark, run, len(pool), start=start, day=as_of)
    assert len(results) == len(pool)
    sections = tuple(CrsSection)
    for c, r in zip(pool, results, strict=True):
        assert r.as_of == as_of
        assert 0 <= r.total <= MAX_CRS
        assert r.with_spouse == c.scored_with_spouse
        assert sum(r.subtotal(s) for s in sections) == r.total
    # a realistic pool spreads out; it is not one score repeated
    assert len({r.total for r in results}) > min(50, len(pool) // 10)


@pytest.mark.parametrize("start", ["cold", "warm"])
def test_score_many(
    benchmark: BenchmarkFixture, pool: list[Candidate], as_of: date, start: str
) -> None:
    """(3) Totals only, for the whole pool: the fast path."""
    run = functools.partial(score_many, pool, as_of=as_of)
    totals = _timed(benchmark, run, len(pool), start=start, day=as_of)
    assert len(totals) == len(pool)
    assert all(0 <= t <= MAX_CRS for t in totals)
    head = pool[:CHECKED]
    assert totals[: len(head)] == [score(c, as_of=as_of).total for c in head]


def test_from_dict(
    benchmark: BenchmarkFixture, pool_dicts: list[dict[str, Any]], pool: list[Candidate]
) -> None:
    """(4) ``from_dict`` on the pool's JSON dicts (``to_dict`` is done beforehand)."""

    def run() -> list[Candidate]:
        return [from_dict(d, Candidate) for d in pool_dicts]

    read = _timed(benchmark, run, len(pool_dicts))
    assert len(read) == len(pool)
    assert read == pool  # a lossless round trip
