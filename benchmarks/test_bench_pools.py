"""Benchmarks of a pool at scale: pickling it, reading its file, and reading it in two processes.

- **Pickle round trip**: ``pickle.loads(pickle.dumps(pool))``, as a pool handed to
  worker processes travels, against one warm :func:`~expressentry.score_many` pass
  on the same pool (``extra_info["ratio_to_score_many"]``, target: at most 5).
  Timed with the collector on and inside :func:`~expressentry.batch.gc_paused`.
  Unpickling defers building a profile's models to its first read, so the round
  trip followed by a first ``score_many`` is timed too
  (``round_trip_and_first_score_us``), and a round trip of profiles unpickled and
  not read (``passed_on_unread_us``: a pool a worker passes on).
- **Reading**: :func:`~expressentry.pools.read_pool` of the pool's JSON Lines
  file, against ``json.loads`` of the same lines plus plain cattrs structuring into
  unvalidated attrs classes (``extra_info["ratio_to_plain_cattrs"]``, target: at
  most 1.5). ``read_pool`` pauses the collector; the reference is timed as it is
  and paused too (``ratio_to_plain_cattrs_gc_paused``), which compares the work
  alone. ``read_pool`` parses with orjson where the ``fast`` extra is installed
  (``extra_info["parser"]``), and is timed with ``json`` too
  (``ratio_with_json_to_plain_cattrs``).
- **Workers**: ``expressentry simulate`` on that file with ``--workers 1`` and
  ``--workers 2``, each in a process of its own: wall clock, best of 2 passes
  alternated (``extra_info["speed_up"]``, target: at least 1.6 on two cores), and
  the peak resident memory of the largest process per profile
  (``extra_info["peak_bytes_per_profile_1"]``); the two outputs checked equal.

- **The pipeline, step by step**: in a process of its own, the pool's file read
  (:func:`~expressentry.pools.read_pool`), a first and a warm
  :func:`~expressentry.score_many`, :func:`~expressentry.eligibility.flags_many`,
  the round's columns (:class:`~expressentry.draws.PoolColumns`) and a general
  round of 3,000 selected from them: wall clock and CPU of each step, a profile,
  and the process's peak resident memory (``extra_info["steps"]``,
  ``peak_bytes_per_profile``). One pass: the figures the Performance page gives
  for 1,000,000 profiles.

CPU time (``time.process_time``) for the first two, best pass of 3 alternated
(the machine is shared); nothing here asserts a duration. The pool is the
session's (``EXPRESSENTRY_BENCH_POOL`` profiles, default 100,000).
"""

from __future__ import annotations

import gc
import json
import math
import pickle
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from time import perf_counter, process_time
from typing import Any

import attrs
import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from expressentry import Candidate, _fastread, score_many, to_json
from expressentry.batch import gc_paused
from expressentry.pools import read_pool

ROUNDS = 3
SUBMITTED = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
"""The submission time given to the pool's profiles that have none (a round needs one)."""


def _cpu_best(*runs: Callable[[], object]) -> list[float]:
    """Best CPU seconds of ``ROUNDS`` passes of each run, alternated, each after a collection."""
    best = [math.inf] * len(runs)
    for _ in range(ROUNDS):
        for i, run in enumerate(runs):
            gc.collect()
            start = process_time()
            run()
            best[i] = min(best[i], process_time() - start)
    return best


@pytest.fixture(scope="session")
def pool_file(pool: list[Candidate], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The pool as a JSON Lines file, every profile with a submission time."""
    path = tmp_path_factory.mktemp("pool") / "pool.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for c in pool:
            if c.profile_submitted is None:
                c = attrs.evolve(c, profile_submitted=SUBMITTED)  # noqa: PLW2901
            f.write(to_json(c, indent=None) + "\n")
    return path


def test_pickle_round_trip_against_score_many(
    benchmark: BenchmarkFixture, pool: list[Candidate], as_of: date
) -> None:
    """A pickle round trip of the pool, and its CPU time over a warm ``score_many``'s."""

    def round_trip() -> list[Candidate]:
        back: list[Candidate] = pickle.loads(pickle.dumps(pool, protocol=pickle.HIGHEST_PROTOCOL))  # noqa: S301
        return back

    def paused() -> list[Candidate]:
        with gc_paused():
            return round_trip()

    scores = score_many(pool, as_of=as_of)  # packs the inputs: the pickle must not carry them
    back = benchmark.pedantic(paused, rounds=ROUNDS, iterations=1)  # type: ignore[no-untyped-call]
    size = len(pool)
    benchmark.extra_info["pool_size"] = size
    benchmark.extra_info["bytes_per_profile"] = round(
        len(pickle.dumps(pool, protocol=pickle.HIGHEST_PROTOCOL)) / size
    )
    if benchmark.stats is not None:  # None under --benchmark-disable
        scored, on, off = _cpu_best(lambda: score_many(pool, as_of=as_of), round_trip, paused)
        benchmark.extra_info["score_many_us"] = round(scored / size * 1e6, 2)
        benchmark.extra_info["round_trip_us"] = round(on / size * 1e6, 2)
        benchmark.extra_info["round_trip_gc_paused_us"] = round(off / size * 1e6, 2)
        benchmark.extra_info["ratio_to_score_many"] = round(on / scored, 2)
        benchmark.extra_info["ratio_to_score_many_gc_paused"] = round(off / scored, 2)
        # What unpickling defers: the models are built on first read, here a first scoring.
        unread = round_trip()

        def then_score() -> None:
            score_many(round_trip(), as_of=as_of)

        both, passed_on = _cpu_best(then_score, lambda: pickle.loads(pickle.dumps(unread, 5)))  # noqa: S301
        benchmark.extra_info["round_trip_and_first_score_us"] = round(both / size * 1e6, 2)
        benchmark.extra_info["passed_on_unread_us"] = round(passed_on / size * 1e6, 2)
    assert back == pool
    assert all(c.derived is None for c in back)  # no caches travelled
    assert score_many(back, as_of=as_of) == scores


def test_read_pool_against_json_and_plain_cattrs(
    benchmark: BenchmarkFixture,
    pool: list[Candidate],
    pool_file: Path,
    read_plain: Callable[[Any], Any],
) -> None:
    """``read_pool`` of the pool's file, and its CPU time over ``json.loads`` plus plain cattrs."""

    def plain() -> list[Any]:
        with pool_file.open("rb") as f:
            return [read_plain(json.loads(line)) for line in f]

    read = benchmark.pedantic(  # type: ignore[no-untyped-call]
        lambda: read_pool(pool_file), rounds=ROUNDS, iterations=1
    )
    size = len(pool)
    benchmark.extra_info["pool_size"] = size
    if benchmark.stats is not None:

        def plain_paused() -> list[Any]:
            with gc_paused():
                return plain()

        def with_json() -> object:  # without the `fast` extra
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(_fastread, "loads", _fastread.json_loads)
                return read_pool(pool_file)

        ours, theirs, paused, json_only = _cpu_best(
            lambda: read_pool(pool_file), plain, plain_paused, with_json
        )
        benchmark.extra_info["parser"] = _fastread.loads.__module__
        benchmark.extra_info["read_pool_us"] = round(ours / size * 1e6, 2)
        benchmark.extra_info["read_pool_with_json_us"] = round(json_only / size * 1e6, 2)
        benchmark.extra_info["json_and_plain_cattrs_us"] = round(theirs / size * 1e6, 2)
        benchmark.extra_info["json_and_plain_cattrs_gc_paused_us"] = round(paused / size * 1e6, 2)
        benchmark.extra_info["ratio_to_plain_cattrs"] = round(ours / theirs, 2)
        # read_pool pauses the collector: against the reference paused too
        benchmark.extra_info["ratio_to_plain_cattrs_gc_paused"] = round(ours / paused, 2)
        benchmark.extra_info["ratio_with_json_to_plain_cattrs"] = round(json_only / theirs, 2)
    assert read.ok
    assert [attrs.evolve(c, profile_submitted=None) for c in read.candidates[:1000]] == [
        attrs.evolve(c, profile_submitted=None) for c in pool[:1000]
    ]
    assert len(plain()) == size


SIMULATE_PASSES = 2
"""Passes of ``simulate`` with one worker and with two, alternated (the best of each is kept)."""


LAUNCHER = """
import os, subprocess, sys
child = subprocess.Popen(sys.argv[1:])
_, status, usage = os.wait4(child.pid, 0)
print(usage.ru_maxrss, os.waitstatus_to_exitcode(status), file=sys.stderr)
"""
"""Runs a command and prints its peak resident KiB and its exit status on stderr.

Linux keeps a process's peak across ``exec``: a command started by the benchmark's
own process (several GB at 1,000,000 profiles) would report that process's peak.
Started by this small launcher instead, it reports its own (and its workers')."""


def _run(command: list[str]) -> tuple[float, int, int, str]:
    """``command`` in a process of its own: seconds, peak KiB, exit status, stdout.

    The peak is the resident set of the largest process of the run (the command's,
    or one of the workers it waited for), as the kernel reports it (see ``LAUNCHER``).
    """
    with tempfile.TemporaryFile() as out:
        start = perf_counter()
        done = subprocess.run(  # noqa: S603 (our own command)
            [sys.executable, "-c", LAUNCHER, *command],
            stdout=out,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
        seconds = perf_counter() - start
        peak, status = done.stderr.split()[-2:]
        out.seek(0)
        return seconds, int(peak), int(status), out.read().decode("utf-8")


def _simulate(args: list[str]) -> tuple[float, int, int, str]:
    """``expressentry simulate`` in a process of its own: seconds, peak KiB, status, stdout."""
    return _run([sys.executable, "-m", "expressentry", *args])


def test_simulate_with_two_workers(
    benchmark: BenchmarkFixture, pool: list[Candidate], pool_file: Path
) -> None:
    """``expressentry simulate`` with one worker and two: wall clock, peak memory, equal rounds."""
    args = ["simulate", str(pool_file), "--size", "3000", "--as-of", "2026-11-22"]
    args += ["--format", "json"]
    found: dict[int, tuple[int, str]] = {}
    seconds = {1: math.inf, 2: math.inf}
    peak_kib = {1: 0, 2: 0}

    def run(workers: int) -> None:
        took, peak, status, out = _simulate([*args, "--workers", str(workers)])
        seconds[workers] = min(seconds[workers], took)
        peak_kib[workers] = max(peak_kib[workers], peak)
        found[workers] = status, out

    benchmark.pedantic(run, args=(2,), rounds=1, iterations=1)  # type: ignore[no-untyped-call]
    run(1)
    for _ in range(SIMULATE_PASSES - 1):
        run(2)
        run(1)
    size = len(pool)
    benchmark.extra_info["pool_size"] = size
    benchmark.extra_info["one_worker_s"] = round(seconds[1], 2)
    benchmark.extra_info["two_workers_s"] = round(seconds[2], 2)
    benchmark.extra_info["speed_up"] = round(seconds[1] / seconds[2], 2)
    for workers, peak in peak_kib.items():
        benchmark.extra_info[f"peak_mb_{workers}_worker{'s' if workers > 1 else ''}"] = round(
            peak / 1024
        )
        benchmark.extra_info[f"peak_bytes_per_profile_{workers}"] = round(peak * 1024 / size)
    assert found[1] == found[2]
    assert found[1][0] == 0
    assert 0 < len(json.loads(found[1][1])["invited"]) <= 3000  # the eligible, highest first


PIPELINE = """
import json, sys, time
from array import array
from datetime import date
import expressentry as ee
from expressentry.draws import PoolColumns
from expressentry.draws.pool import submission_micros
from expressentry.eligibility import flags_many
from expressentry.pools import read_pool

path, day = sys.argv[1], date.fromisoformat(sys.argv[2])
steps = {}

def step(name, run):
    wall, cpu = time.perf_counter(), time.process_time()
    out = run()
    steps[name] = [time.perf_counter() - wall, time.process_time() - cpu]
    return out

read = step("read_pool", lambda: read_pool(path))
people = list(read.candidates)
rules = ee.rules_for(as_of=day)
step("score_many_first", lambda: ee.score_many(people, as_of=day, rules=rules))
scores = step("score_many_warm", lambda: ee.score_many(people, as_of=day, rules=rules))
flags = step("flags_many", lambda: flags_many(people, as_of=day, rules=rules))
columns = step("columns", lambda: PoolColumns(
    as_of=day, rules=rules,
    submitted_micros=array("q", [submission_micros(p.profile_submitted) for p in people]),
    nominees=bytes(p.provincial_nomination for p in people),
    scores=array("i", scores), flags=flags))
chosen = step("select", lambda: ee.select(columns, ee.RoundSpec(day=day, size=3000)))
print(json.dumps({"steps": steps, "profiles": len(people),
                  "invited": len(chosen.invited), "cutoff": chosen.cutoff}))
"""
"""The pipeline of ``test_pipeline_step_by_step``, run in a process of its own."""


def test_pipeline_step_by_step(
    benchmark: BenchmarkFixture, pool: list[Candidate], pool_file: Path, as_of: date
) -> None:
    """From the pool's file to a selected round, each step timed, and the peak memory."""
    command = [sys.executable, "-c", PIPELINE, str(pool_file), as_of.isoformat()]

    def run() -> dict[str, Any]:
        _, peak, status, out = _run(command)
        assert status == 0
        found: dict[str, Any] = json.loads(out)
        found["peak_kib"] = peak
        return found

    found = benchmark.pedantic(run, rounds=1, iterations=1)  # type: ignore[no-untyped-call]
    size = len(pool)
    benchmark.extra_info["pool_size"] = size
    benchmark.extra_info["steps"] = {
        name: {
            "wall_s": round(wall, 2),
            "cpu_s": round(cpu, 2),
            "cpu_us_per_profile": round(cpu / size * 1e6, 2),
        }
        for name, (wall, cpu) in found["steps"].items()
    }
    benchmark.extra_info["peak_mb"] = round(found["peak_kib"] / 1024)
    benchmark.extra_info["peak_bytes_per_profile"] = round(found["peak_kib"] * 1024 / size)
    assert found["profiles"] == size
    assert 0 < found["invited"] <= 3000
