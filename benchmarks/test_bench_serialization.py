"""Benchmark of ``from_dict`` on the pool's dicts, against plain cattrs on plain classes.

The reference is what reading the same dicts costs without any of the library's
checks: cattrs structuring them into plain attrs classes of the same shape
(``PlainCandidate`` and its parts, in ``conftest.py``, no validation, no derived values), with a
plain converter whose only hooks read ISO dates. ``extra_info["ratio_to_plain_cattrs"]``
is the best pass of ``from_dict`` over the best pass of the reference, alternated
in the same run (target: 3). Nothing here asserts a duration.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pytest_benchmark.fixture import BenchmarkFixture

from expressentry import Candidate, from_dict

ROUNDS = 3


def test_from_dict_against_plain_cattrs(
    benchmark: BenchmarkFixture,
    pool_dicts: list[dict[str, Any]],
    pool: list[Candidate],
    fresh_heap: Callable[[], None],
    alternated: Callable[[Callable[[], object], Callable[[], object]], tuple[float, float]],
    *,
    read_plain: Callable[[Any], Any],
) -> None:
    """``from_dict`` of every dict of the pool, and its time over plain cattrs'."""

    def library() -> list[Candidate]:
        return [from_dict(d, Candidate) for d in pool_dicts]

    def plain() -> list[Any]:
        return [read_plain(d) for d in pool_dicts]

    read: list[Candidate] = benchmark.pedantic(  # type: ignore[no-untyped-call]
        library, setup=fresh_heap, rounds=ROUNDS, iterations=1
    )
    benchmark.extra_info["pool_size"] = len(pool_dicts)
    if benchmark.stats is not None:  # None under --benchmark-disable
        mean = benchmark.stats.stats.mean
        benchmark.extra_info["candidates_per_second"] = round(len(pool) / mean) if mean else None
        ours, theirs = alternated(library, plain)
        benchmark.extra_info["from_dict_best_s"] = round(ours, 4)
        benchmark.extra_info["plain_cattrs_best_s"] = round(theirs, 4)
        benchmark.extra_info["ratio_to_plain_cattrs"] = round(ours / theirs, 2)
    assert read == pool  # a lossless round trip
    # the reference reads the same data: same dates, same enums, same numbers
    plain_pool = plain()
    assert [p.date_of_birth for p in plain_pool] == [c.date_of_birth for c in pool]
    assert [len(p.work_history) for p in plain_pool] == [len(c.work_history.periods) for c in pool]
