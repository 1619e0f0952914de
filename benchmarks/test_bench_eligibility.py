"""Benchmarks of program and category eligibility over the whole seeded pool.

One pass assesses every candidate of the pool (FSW with its grid, CEC, FST and
every category in force) on :data:`~benchmarks.conftest.AS_OF`, with every
requirement explained (``assess``) or the verdicts alone (``flags_many``, whose
time is also reported over ``score_many``'s on the same pool, measured in the same
run); candidates per second are recorded in ``extra_info``. Nothing here asserts a
duration.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date

from pytest_benchmark.fixture import BenchmarkFixture

from expressentry import Candidate, EligibilityReport, Program, assess, score_many
from expressentry.eligibility import EligibilityFlags, flags_many

ROUNDS = 3
CHECKED = 1_000  # flags are checked against this many full reports


def test_assess_pool(
    benchmark: BenchmarkFixture,
    pool: list[Candidate],
    as_of: date,
    fresh_heap: Callable[[], None],
) -> None:
    """Every candidate's eligibility report."""

    def run() -> list[EligibilityReport]:
        return [assess(c, as_of=as_of) for c in pool]

    reports: list[EligibilityReport] = benchmark.pedantic(  # type: ignore[no-untyped-call]
        run, setup=fresh_heap, rounds=ROUNDS, iterations=1
    )
    benchmark.extra_info["pool_size"] = len(pool)
    if benchmark.stats is not None:  # None under --benchmark-disable
        mean = benchmark.stats.stats.mean
        benchmark.extra_info["candidates_per_second"] = round(len(pool) / mean) if mean else None
    assert len(reports) == len(pool)
    assert all(r.as_of == as_of for r in reports)
    # a realistic pool has candidates eligible for each program, and some for none
    for program in Program:
        assert any(program in r.eligible_programs for r in reports), program
    assert any(not r.eligible_programs for r in reports)
    assert all(len(r.categories) == len(reports[0].categories) for r in reports)


def test_flags_many_pool(
    benchmark: BenchmarkFixture,
    pool: list[Candidate],
    as_of: date,
    fresh_heap: Callable[[], None],
    alternated: Callable[[Callable[[], object], Callable[[], object]], tuple[float, float]],
) -> None:
    """Every candidate's verdicts on the fast path, and their time over ``score_many``'s.

    Both start warm (rules compiled, memos filled, candidates packed by an untimed
    pass); ``extra_info["ratio_to_score_many"]`` is the best pass of ``flags_many``
    over the best pass of ``score_many``, alternated in the same run (target: 5).
    """
    flags = functools.partial(flags_many, pool, as_of=as_of)
    totals = functools.partial(score_many, pool, as_of=as_of)
    totals()
    found = flags()
    got: list[EligibilityFlags] = benchmark.pedantic(  # type: ignore[no-untyped-call]
        flags, setup=fresh_heap, rounds=ROUNDS, iterations=1
    )
    benchmark.extra_info["pool_size"] = len(pool)
    if benchmark.stats is not None:  # None under --benchmark-disable
        mean = benchmark.stats.stats.mean
        benchmark.extra_info["candidates_per_second"] = round(len(pool) / mean) if mean else None
        flags_best, totals_best = alternated(flags, totals)
        benchmark.extra_info["flags_many_best_s"] = round(flags_best, 4)
        benchmark.extra_info["score_many_best_s"] = round(totals_best, 4)
        benchmark.extra_info["ratio_to_score_many"] = round(flags_best / totals_best, 2)
    assert got == found
    head = pool[:CHECKED]
    assert got[: len(head)] == [assess(c, as_of=as_of).flags for c in head]
    for program in Program:
        assert any(program in f.eligible_programs for f in got), program
