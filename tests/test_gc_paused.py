"""Bulk steps run without the cyclic garbage collector, and always give it back.

Kind: state restored. :func:`expressentry.batch.gc_paused` disables the collector
inside its block and, on leaving it (normally or by an exception), enables it again
exactly when it was enabled on entering; nested and concurrent blocks restore it
once, when the last one leaves. The bulk steps that use it (reading a pool file,
``score_many``, ``flags_many``, ``forecast_many``) run with the collector off and
leave it as they found it, and give the results they give with it on.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from expressentry import (
    Candidate,
    InvalidInputError,
    example_profile,
    forecast_many,
    score,
    score_many,
    to_json,
)
from expressentry.batch import gc_paused
from expressentry.eligibility import flags_many
from expressentry.pools import read_pool

DAY = date(2026, 11, 22)


@pytest.fixture(autouse=True)
def _collector_on() -> Iterator[None]:
    """Every test starts with the collector on, and leaves it on."""
    was = gc.isenabled()
    gc.enable()
    yield
    if was:
        gc.enable()
    else:  # pragma: no cover (pytest runs with it on)
        gc.disable()


def test_the_collector_is_off_inside_and_on_again_after() -> None:
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_an_exception_still_restores_it() -> None:
    with pytest.raises(ZeroDivisionError), gc_paused():
        _ = 1 / 0
    assert gc.isenabled()


def test_a_collector_disabled_before_stays_disabled() -> None:
    gc.disable()
    with gc_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()
    with pytest.raises(KeyError), gc_paused():
        raise KeyError("x")
    assert not gc.isenabled()


def test_nested_blocks_restore_it_once_when_the_last_leaves() -> None:
    with gc_paused():
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer block still runs
    assert gc.isenabled()


def test_overlapping_threads_restore_it_when_the_last_leaves() -> None:
    entered = threading.Barrier(2)
    first_left = threading.Event()
    seen: list[bool] = []

    def first() -> None:
        with gc_paused():
            entered.wait()
        first_left.set()

    def second() -> None:
        with gc_paused():
            entered.wait()
            first_left.wait()
            seen.append(gc.isenabled())  # the first thread left: still off for this one

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert seen == [False]
    assert gc.isenabled()


def _watched(pool: list[Candidate], states: list[bool]) -> Iterator[Candidate]:
    """The profiles of ``pool``, noting the collector's state as each one is read."""
    for c in pool:
        states.append(gc.isenabled())
        yield c


def test_the_pool_steps_run_with_it_off_and_give_the_same_results() -> None:
    pool = [example_profile()] * 5
    states: list[bool] = []
    scores = score_many(_watched(pool, states), as_of=DAY)
    assert states == [False] * 5
    assert gc.isenabled()
    assert scores == [score(c, as_of=DAY).total for c in pool]
    states.clear()
    flags = flags_many(_watched(pool, states), as_of=DAY)
    assert states == [False] * 5
    assert gc.isenabled()
    gc.disable()
    assert flags == flags_many(pool, as_of=DAY)  # the same with the collector off
    assert score_many(pool, as_of=DAY) == scores
    assert not gc.isenabled()  # left as it was found


def test_a_failing_step_gives_it_back() -> None:
    bad: list[object] = [example_profile(), "not a profile"]
    with pytest.raises(InvalidInputError):
        score_many(bad, as_of=DAY)  # type: ignore[arg-type]
    assert gc.isenabled()
    with pytest.raises(InvalidInputError):
        flags_many(bad, as_of=DAY)  # type: ignore[arg-type]
    assert gc.isenabled()


def test_reading_a_pool_runs_with_it_off_and_gives_it_back(tmp_path: Path) -> None:
    path = tmp_path / "pool.jsonl"
    profile = example_profile()
    line = to_json(profile, indent=None)
    path.write_text(f"{line}\nnot json\n{line}\n", encoding="utf-8")
    states: list[bool] = []
    read = read_pool(path, progress=lambda _: states.append(gc.isenabled()))
    assert states == [False, False, False]
    assert gc.isenabled()
    assert read.candidates == (profile, profile)
    assert read.lines == (1, 3)
    assert [f.line for f in read.failures] == [2]
    with pytest.raises(OSError, match="missing"):
        read_pool(tmp_path / "missing.jsonl")
    assert gc.isenabled()


def test_a_forecast_of_a_pool_gives_it_back() -> None:
    pool = [example_profile()] * 2
    assert forecast_many(pool, start=DAY, end=date(2027, 2, 1)) == [
        forecast_many([c], start=DAY, end=date(2027, 2, 1))[0] for c in pool
    ]
    assert gc.isenabled()
