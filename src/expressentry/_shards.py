"""A pool file's lines read in worker processes, their results put back in file order.

The command line's pool commands (``score``, ``eligibility``, ``plan``, ``simulate``) split
the file into lines in the main process (cheap: :func:`~expressentry.pools.raw_lines`)
and hand them out in chunks of :data:`CHUNK` lines. Each chunk is read and
worked on where it lands: parsing and checking the profiles is most of a pool
command's time, and a chunk's lines travel as text, not as profiles. Results
come back in chunk order, so the output is the output of one process, line for
line. With one worker, the chunks are worked on in the main process, one after
the other: the same code, and a pool is never held in memory twice.

Each output row is made where its chunk is worked on, as a JSON line or a CSV
record (:func:`columns` names a CSV file's columns, the same for every row).
"""

from __future__ import annotations

import csv
import io
import json
import re
from array import array
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import date
from typing import Any, NamedTuple, TypeVar

from expressentry._formats import FORMATS as JSON_FORMATS
from expressentry.batch import Failure, gc_paused, run_pool
from expressentry.crs import score_many
from expressentry.draws.pool import submission_micros
from expressentry.draws.records import Round
from expressentry.eligibility import EligibilityFlags, Requirement, Status, Verdict, flags_many
from expressentry.eligibility.cec import assess_cec
from expressentry.eligibility.fst import assess_fst
from expressentry.eligibility.fsw import fsw_requirements
from expressentry.enums import CrsSection, Program
from expressentry.errors import MISSING, FieldProblem, InvalidInputError
from expressentry.i18n import N_
from expressentry.jsontext import join_path
from expressentry.models import Candidate, results_under
from expressentry.planner import ImprovementPlan, improvements_many
from expressentry.pools import ID_FIELD, LineFailure, PoolId, RawLine, read_line
from expressentry.rules import RuleSet, rules_for
from expressentry.rules._timeline import LAST_REVIEWED, review_caveats
from expressentry.rules.categories import CATEGORY_SETS
from expressentry.scoring.kernel import score_on
from expressentry.scoring.plan import Plan, plan_for
from expressentry.timelines.documents import Expiring, expiring_first
from expressentry.timelines.validity import in_pool_on

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


class Read(NamedTuple):
    """A chunk read: its profiles, their line numbers and ids, its bad lines, and its bytes."""

    candidates: list[Candidate]
    lines: list[int]
    ids: list[PoolId | None]
    failures: list[LineFailure]
    size: int


def read_chunk(raws: list[RawLine], id_field: str = ID_FIELD) -> Read:
    """The profiles of a chunk of lines, with their line numbers and ids, and its bad lines."""
    candidates: list[Candidate] = []
    lines: list[int] = []
    ids: list[PoolId | None] = []
    failures: list[LineFailure] = []
    size = 0
    with gc_paused():
        for raw in raws:
            row = read_line(raw, id_field=id_field)
            size += row.size
            if row.candidate is not None:
                candidates.append(row.candidate)
                lines.append(row.line)
                ids.append(row.id)
            elif row.failure is not None:
                failures.append(row.failure)
    return Read(candidates, lines, ids, failures, size)


_INDEXED = re.compile(r"\[(\d+)\]\.?(.*)")


def line_failure(lines: Sequence[int], error: InvalidInputError) -> LineFailure | None:
    """A batch's error about a profile (``[3].languages[0]``) as a failure of its line.

    ``None`` when the error names no profile of the batch (a bug: it is raised).
    """
    problems: list[FieldProblem] = []
    line = None
    for p in error.problems:
        found = _INDEXED.fullmatch(p.path)
        if found is None:
            return None
        line = lines[int(found.group(1))]
        problems.append(p.at(join_path("$", found.group(2))))
    return None if line is None else LineFailure(line=line, problems=tuple(problems))


def _failures(lines: Sequence[int], failed: Iterable[Failure]) -> Iterator[LineFailure]:
    for f in failed:
        bad = line_failure(lines, f.error)
        if bad is None:  # pragma: no cover (a batch names each profile by its index)
            raise f.error
        yield bad


NOT_SUBMITTED = N_(
    "is required to simulate a round: rounds break ties by it (give the profile's "
    "submission date-time, or a profile_submitted column in a CSV pool)"
)
"""A profile of a pool to simulate a round over without a submission time (a bad line)."""

NO_TOTAL = -1
"""The total of a profile not in the pool on the round's day (never read: not ranked)."""


class Columns(NamedTuple):
    """A chunk of a pool read for a round: what the round reads of each good profile.

    One entry per profile kept, in file order: its line number, its submission
    instant (microseconds since 1970-01-01 UTC, as
    :attr:`~expressentry.draws.pool.Pool.submitted_micros`), whether it holds a
    provincial nomination, its total on the day (``NO_TOTAL`` for a profile not
    in the pool that day) and its flags, as an index into
    ``flag_table`` (the chunk's distinct flags; ``0`` for none, ``k`` for
    ``flag_table[k - 1]``). Then the chunk's bad lines, and its bytes. A few
    bytes a profile travel back from a worker, never the profile.
    """

    lines: array[int]
    micros: array[int]
    nominees: bytes
    totals: array[int]
    flag_codes: array[int]
    flag_table: tuple[EligibilityFlags, ...]
    failures: list[LineFailure]
    size: int


def round_columns(task: tuple[date, list[RawLine], str]) -> Columns:
    """What a round on ``task[0]`` reads of each profile of a chunk, and its bad lines.

    Each profile is read, then scored and assessed on the day under the rules
    in force. A profile in the pool that day that they refuse (a document dated
    after the day) is one of the chunk's bad lines, left out, and so is one
    without a submission time; one not in the pool (submitted after the day, or
    expired) is kept: the round reports it as not in the pool. A round over the
    whole pool then ranks these columns without scoring or assessing anyone
    (:class:`~expressentry.draws.pool.PoolColumns`).
    """
    day, raws, id_field = task
    read = read_chunk(raws, id_field)
    candidates = read.candidates
    rules = rules_for(as_of=day)
    with gc_paused():
        flags = flags_many(candidates, as_of=day, rules=rules, errors="collect")
        scored = score_many(candidates, as_of=day, rules=rules, errors="collect")
    refused = {  # one per profile; one not in the pool that day is the round's to report
        f.index: f
        for f in (*scored.failures, *flags.failures)
        if _in_round(candidates[f.index], day)
    }
    failures = read.failures
    failures.extend(_failures(read.lines, (refused[i] for i in sorted(refused))))
    lines, micros, totals, flag_codes = array("q"), array("q"), array("i"), array("H")
    nominees = bytearray()
    codes: dict[EligibilityFlags, int] = {}
    for i, c in enumerate(candidates):
        if i in refused:
            continue
        when = c.profile_submitted
        if when is None:
            problem = FieldProblem("$.profile_submitted", MISSING, NOT_SUBMITTED)
            failures.append(LineFailure(line=read.lines[i], problems=(problem,)))
            continue
        lines.append(read.lines[i])
        micros.append(submission_micros(when))  # as Pool(...) ranks it
        nominees.append(c.provincial_nomination)
        total = scored.results[i]
        totals.append(NO_TOTAL if total is None else total)
        found = flags.results[i]
        flag_codes.append(0 if found is None else codes.setdefault(found, len(codes) + 1))
    return Columns(
        lines, micros, bytes(nominees), totals, flag_codes, tuple(codes), failures, read.size
    )


def _in_round(c: Candidate, day: date) -> bool:
    """Whether a round on ``day`` ranks ``c``: in the pool that day, or without a submission."""
    submitted = c.submitted_day
    return submitted is None or in_pool_on(submitted, day)


class PlanAsked(NamedTuple):
    """What ``plan`` on a pool asks of each profile: the changes shown, the horizon, the rounds."""

    top: int | None
    months: int
    history: tuple[Round, ...]


class Task(NamedTuple):
    """A chunk of a pool to work on, and how to write its rows."""

    command: str
    day: date
    raws: list[RawLine]
    asked: PlanAsked | None = None
    form: str = "jsonl"
    id_field: str = ID_FIELD


PLAN_CHUNK = 100
"""Lines a worker plans at a time (a plan costs a few thousand scorings)."""

Worked = tuple[list[str], list[LineFailure], int]
"""A chunk scored, assessed or planned: its output rows (text), its bad lines, and its bytes."""

SCORE_COLUMNS = (
    "line",
    "id",
    "as_of",
    "total",
    *(s.value for s in CrsSection),
    "in_pool",
    "next_expiry",
    "next_expiry_document",
    "rules_reviewed_on",
)
"""The columns of ``score`` on a pool (a JSON line has them all, and ``caveats``)."""

PLAN_COLUMNS = (
    "line",
    "id",
    "as_of",
    "total",
    "improvements_found",
    "best_change",
    "best_kind",
    "best_gain",
    "best_day",
    "best_pair_gain",
    "pool_exit",
    "rules_reviewed_on",
)
"""The columns of ``plan`` on a pool as CSV (a JSON line has the whole plan instead)."""

_PROGRAMS = tuple(Program)
_ROW_FORMATS = {c: JSON_FORMATS[f"{c}-row"] for c in ("score", "eligibility", "plan")}


def columns(command: str, day: date) -> tuple[str, ...]:
    """The columns of a CSV file of ``command`` on a pool on ``day`` (its header)."""
    if command == "score":
        return SCORE_COLUMNS
    if command == "plan":
        return PLAN_COLUMNS
    categories = rules_for(as_of=day).entry(CATEGORY_SETS).value.categories
    return (
        "line",
        "id",
        "as_of",
        *(p.value for p in _PROGRAMS),
        *(c.id.value for c in categories),
        *(f"{p.value}_{what}" for p in _PROGRAMS for what in ("unmet", "shortfall")),
        "rules_reviewed_on",
    )


def work_chunk(task: Task) -> Worked:
    """``score``, ``eligibility`` or ``plan`` of a chunk: one row per good profile, in order.

    A row is a JSON line (``task.form`` ``"jsonl"``) or a CSV record of the
    columns :func:`columns` names (``"csv"``).
    """
    read = read_chunk(task.raws, task.id_field)
    candidates, lines, day = read.candidates, read.lines, task.day
    rules = rules_for(as_of=day)
    rows: list[dict[str, Any] | None]
    with gc_paused():
        if task.command == "score":
            plan = plan_for(rules, day)
            scored = run_pool("score_many", candidates, Candidate, True, _scored, plan, day)
            failed = scored.failures
            rows = [None if r is None else _score_row(day, *r) for r in scored.results]
        elif task.command == "eligibility":
            flagged = flags_many(candidates, as_of=day, rules=rules, errors="collect")
            failed = flagged.failures
            rows = [
                None if f is None else _eligibility_row(c, f, rules, task.form)
                for c, f in zip(candidates, flagged.results, strict=True)
            ]
        else:
            if task.asked is None:  # pragma: no cover (the command line always asks)
                msg = "plan needs what it asks"
                raise ValueError(msg)
            asked = task.asked
            planned = improvements_many(
                candidates, as_of=day, months=asked.months, history=asked.history, errors="collect"
            )
            failed = planned.failures
            rows = [
                None if plan is None else _plan_row(plan, asked.top, task.form)
                for plan in planned.results
            ]
    read.failures.extend(_failures(lines, failed))  # a document dated after the day
    caveats = review_caveats(day, LAST_REVIEWED)
    out: list[dict[str, Any]] = []
    for line, given, row in zip(lines, read.ids, rows, strict=True):
        if row is not None:
            front: dict[str, Any] = {"line": line, "id": given}
            if task.command != "plan" or task.form == "csv":
                front["as_of"] = day.isoformat()
            written = {**front, **row}
            if task.form != "csv":  # first; a plan's own format is the whole plan's
                form = _ROW_FORMATS[task.command]
                written = {"format": form, **written}
                written["format"] = form
            out.append(written)
    if task.form == "csv":
        return csv_rows(out, columns(task.command, day)), read.failures, read.size
    for row in out:
        if task.command != "plan":
            row["caveats"] = list(caveats)
    return [json.dumps(row, ensure_ascii=False) for row in out], read.failures, read.size


def _scored(c: Candidate, plan: Plan, day: date) -> tuple[Candidate, list[int], Expiring | None]:
    """A profile's section subtotals and first expiring document on ``day`` (a pool's ``score``).

    The subtotals are those of :func:`~expressentry.score`'s breakdown, from the
    same kernel, without its lines (the fast path of
    :func:`~expressentry.score_many`).
    """
    sections: list[int] = []
    score_on(c, plan, None, sections)
    return c, sections, expiring_first(c, as_of=day)


_SECTIONS = tuple(s.value for s in CrsSection)


def _score_row(
    day: date, c: Candidate, sections: list[int], expiring: Expiring | None
) -> dict[str, Any]:
    submitted = c.submitted_day
    expires = None if expiring is None else expiring.expires
    return {
        "total": sum(sections),
        **dict(zip(_SECTIONS, sections, strict=True)),
        "in_pool": None if submitted is None else in_pool_on(submitted, day),
        "next_expiry": None if expires is None else expires.isoformat(),
        "next_expiry_document": None
        if expiring is None
        else f"{expiring.person} {expiring.document.value}: {expiring.label}",
        "rules_reviewed_on": LAST_REVIEWED.isoformat(),
    }


_ASSESS = {Program.CEC: assess_cec, Program.FST: assess_fst}


def first_unmet(c: Candidate, program: Program, day: date, rules: RuleSet) -> Requirement:
    """The first requirement of ``program`` that ``c`` does not meet, as :func:`assess` says.

    Only the program is assessed (not the others nor the categories), up to the
    first requirement not met for FSW, for a profile its flags say is not eligible.
    """
    c = results_under(c, rules)
    if program is Program.FSW:  # the grid is built only if no earlier requirement fails
        return next(r for r in fsw_requirements(c, day, rules) if r.status is Status.NOT_MET)
    return _ASSESS[program](c, day, rules).unmet[0]


def _eligibility_row(
    c: Candidate, flags: EligibilityFlags, rules: RuleSet, form: str
) -> dict[str, Any]:
    unmet = {
        p: first_unmet(c, p, flags.as_of, rules)
        for p, verdict in flags.programs
        if verdict is Verdict.NOT_ELIGIBLE
    }
    if form == "csv":
        row: dict[str, Any] = {p.value: v.value for p, v in flags.programs}
        row.update((k.value, v.value) for k, v in flags.categories)
        for p in _PROGRAMS:
            found = unmet.get(p)
            row[f"{p.value}_unmet"] = None if found is None else found.id
            row[f"{p.value}_shortfall"] = None if found is None else found.reason
    else:
        row = {
            "programs": {p.value: v.value for p, v in flags.programs},
            "categories": {k.value: v.value for k, v in flags.categories},
            "unmet": {
                p.value: {"requirement": r.id, "shortfall": r.reason} for p, r in unmet.items()
            },
        }
    row["rules_reviewed_on"] = LAST_REVIEWED.isoformat()
    return row


def _plan_row(plan: ImprovementPlan, top: int | None, form: str) -> dict[str, Any]:
    if form != "csv":
        return plan.as_dict(top=top)
    best = plan.improvements[0] if plan.improvements else None
    return {
        "total": plan.total,
        "improvements_found": len(plan.improvements),
        "best_change": None if best is None else best.description,
        "best_kind": None if best is None else best.kind.value,
        "best_gain": None if best is None else best.gain,
        "best_day": None if best is None else best.day,
        "best_pair_gain": None if plan.best_pair is None else plan.best_pair.gain,
        "pool_exit": plan.pool_exit,
        "rules_reviewed_on": plan.rules_reviewed_on,
    }


def csv_rows(rows: Iterable[dict[str, Any]], names: Sequence[str]) -> list[str]:
    """Each row as a CSV record (no line end) of ``names``; empty for ``None``.

    A day is written ``YYYY-MM-DD``, a yes or no ``true`` or ``false``.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    out = []
    for row in rows:
        writer.writerow([_cell(row.get(name)) for name in names])
        out.append(buffer.getvalue()[:-1])
        buffer.seek(0)
        buffer.truncate()
    return out


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
