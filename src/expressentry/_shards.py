"""A pool file's lines read in worker processes, their results put back in file order.

The command line's pool commands (``score``, ``eligibility``, ``simulate``) split
the file into lines in the main process (cheap: :func:`~expressentry.pools.raw_lines`)
and hand them out in chunks of :data:`CHUNK` lines. Each chunk is read and
worked on where it lands: parsing and checking the profiles is most of a pool
command's time, and a chunk's lines travel as text, not as profiles. Results
come back in chunk order, so the output is the output of one process, line for
line. With one worker, the chunks are worked on in the main process, one after
the other: the same code, and a pool is never held in memory twice.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import date
from typing import Any, NamedTuple, TypeVar

from expressentry.batch import PoolResult, gc_paused
from expressentry.crs import score_many
from expressentry.draws.records import Round
from expressentry.eligibility import EligibilityFlags, flags_many
from expressentry.errors import FieldProblem
from expressentry.jsontext import join_path
from expressentry.models import Candidate
from expressentry.planner import ImprovementPlan, improvements_many
from expressentry.pools import LineFailure, RawLine, read_line
from expressentry.rules import rules_for
from expressentry.rules._timeline import LAST_REVIEWED, review_caveats

T = TypeVar("T")
R = TypeVar("R")

CHUNK = 2_000
"""Lines a worker reads at a time."""

AHEAD = 2
"""Chunks given to each worker ahead of the one being written out (bounds memory)."""


def chunks(items: Iterable[T], size: int | None = None) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (default :data:`CHUNK`; the last one shorter)."""
    size = size or CHUNK
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def in_order(work: Callable[[T], R], items: Iterable[T], workers: int) -> Iterator[R]:
    """``work(item)`` for each item, in order: in this process, or over ``workers`` processes.

    At most ``AHEAD`` items per worker are handed out ahead of the result being
    yielded, so a pool file is never all in flight. ``work`` must be a function
    defined at the top level of a module (it is pickled by name).
    """
    if workers == 1:
        yield from map(work, items)
        return
    executor = ProcessPoolExecutor(max_workers=workers)
    try:
        pending: deque[Future[R]] = deque()
        for item in items:
            pending.append(executor.submit(work, item))
            if len(pending) >= AHEAD * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


Read = tuple[list[Candidate], list[int], list[LineFailure], int]
"""A chunk read: its profiles, their line numbers, its bad lines, and its bytes."""


def read_chunk(raws: list[RawLine]) -> Read:
    """The profiles of a chunk of lines, with their line numbers, and its bad lines."""
    candidates: list[Candidate] = []
    lines: list[int] = []
    failures: list[LineFailure] = []
    size = 0
    with gc_paused():
        for raw in raws:
            row = read_line(raw)
            size += row.size
            if row.candidate is not None:
                candidates.append(row.candidate)
                lines.append(row.line)
            elif row.failure is not None:
                failures.append(row.failure)
    return candidates, lines, failures, size


Ranked = tuple[Read, list[int | None], list[EligibilityFlags | None]]
"""A chunk read for a round: as :data:`Read`, with each profile's total and flags on its day."""


def rank_chunk(task: tuple[date, list[RawLine]]) -> Ranked:
    """The profiles of a chunk, with what a round on ``task[0]`` reads of each.

    Each profile's total and eligibility flags on the day, under the rules in
    force (``None`` for a profile they refuse: the round works on it again and
    names the problem). A round over the whole pool then ranks without scoring
    or assessing anyone (:meth:`~expressentry.draws.pool.Pool.remember`).
    """
    day, raws = task
    read = read_chunk(raws)
    candidates = read[0]
    rules = rules_for(as_of=day)
    with gc_paused():
        flags = flags_many(candidates, as_of=day, rules=rules, errors="collect").results
        totals = score_many(candidates, as_of=day, rules=rules, errors="collect").results
    return read, list(totals), list(flags)


Worked = tuple[list[str], list[LineFailure], int]
"""A chunk scored or assessed: its output lines (JSON), its bad lines, and its bytes."""


class PlanAsked(NamedTuple):
    """What ``plan`` on a pool asks of each profile: the changes shown, the horizon, the rounds."""

    top: int | None
    months: int
    history: tuple[Round, ...]


PLAN_CHUNK = 100
"""Lines a worker plans at a time (a plan costs a few thousand scorings)."""


def work_chunk(task: tuple[str, date, list[RawLine], PlanAsked | None]) -> Worked:
    """``score``, ``eligibility`` or ``plan`` of a chunk: one JSON line per good profile, in order.

    ``task`` is the command, the day, the chunk's lines, and for ``plan`` what it asks.
    """
    command, day, raws, asked = task
    candidates, lines, failures, size = read_chunk(raws)
    results: PoolResult[Any]
    if command == "score":
        results = score_many(candidates, as_of=day, errors="collect")
    elif command == "eligibility":
        results = flags_many(candidates, as_of=day, errors="collect")
    else:
        if asked is None:  # pragma: no cover (the command line always asks)
            msg = "plan needs what it asks"
            raise ValueError(msg)
        results = improvements_many(
            candidates, as_of=day, months=asked.months, history=asked.history, errors="collect"
        )
    for late in results.failures:  # a document dated after the day
        problems = tuple(
            FieldProblem(join_path("$", p.path.partition(".")[2]), p.value, p.message)
            for p in late.error.problems
        )
        failures.append(LineFailure(line=lines[late.index], problems=problems))
    caveats = review_caveats(day, LAST_REVIEWED)
    out = [
        json.dumps(
            {"line": line, **result.as_dict(top=None if asked is None else asked.top)}
            if isinstance(result, ImprovementPlan)
            else pool_result(line, day, result, caveats),
            ensure_ascii=False,
        )
        for line, result in zip(lines, results.results, strict=True)
        if result is not None
    ]
    return out, failures, size


def pool_result(
    line: int, day: date, result: int | EligibilityFlags, caveats: tuple[str, ...]
) -> dict[str, Any]:
    """One line of a pool's output: the line it answers, the day, the result, the caveats."""
    out: dict[str, Any] = {"line": line, "as_of": day.isoformat()}
    if isinstance(result, EligibilityFlags):
        out["programs"] = {p.value: v.value for p, v in result.programs}
        out["categories"] = {c.value: v.value for c, v in result.categories}
    else:
        out["total"] = result
    out["rules_reviewed_on"] = LAST_REVIEWED.isoformat()
    out["caveats"] = list(caveats)
    return out
