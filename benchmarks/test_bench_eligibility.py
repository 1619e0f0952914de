"""Benchmark of program and category eligibility over the whole seeded pool.

One pass assesses every candidate of the pool (FSW with its grid, CEC, FST and
every category in force) on :data:`~benchmarks.conftest.AS_OF`; candidates per
second are recorded in ``extra_info``. Nothing here asserts a duration.
"""

from __future__ import annotations

import gc
from datetime import date

from pytest_benchmark.fixture import BenchmarkFixture

from expressentry import Candidate, EligibilityReport, Program, assess

ROUNDS = 3


def test_assess_pool(benchmark: BenchmarkFixture, pool: list[Candidate], as_of: date) -> None:
    """Every candidate's eligibility report."""

    def run() -> list[EligibilityReport]:
        return [assess(c, as_of=as_of) for c in pool]

    reports: list[EligibilityReport] = benchmark.pedantic(  # type: ignore[no-untyped-call]
        run, setup=gc.collect, rounds=ROUNDS, iterations=1
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
