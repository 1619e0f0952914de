"""Pools from files: one profile a line, in JSON Lines or CSV, every bad line reported.

A pool of hundreds of thousands of profiles is kept in a file, one profile a
line, each with its ``profile_submitted`` date-time (the tie-break of a round).
:func:`read_pool` reads all of it: the good lines become candidates, and each
bad line becomes a :class:`LineFailure` naming its line number and every
problem (JSON path, message and the value as written), instead of stopping at
the first. The format is chosen by the file's extension:

- ``.jsonl``: JSON Lines, one profile a line as :func:`~expressentry.from_json`
  reads it (the same keys, the same checks); blank lines are skipped.
- ``.csv``: a header, then one profile a record. The column ``profile`` holds
  the profile as JSON; an optional column ``profile_submitted`` holds its
  submission date-time (ISO 8601 with a time zone), for files exported from a
  spreadsheet or a database that keeps it apart. Any other column is refused.

The layout is documented, with examples, in the profile-format guide.
"""

from __future__ import annotations

import csv
import functools
import io
from collections.abc import Callable, Iterator
from pathlib import Path

from attrs import frozen

from expressentry._checks import require_path
from expressentry.batch import gc_paused
from expressentry.errors import MISSING, FieldProblem, InvalidInputError, InvalidProfileError
from expressentry.jsontext import parse_json
from expressentry.models import Candidate
from expressentry.serialization import from_dict, from_json

__all__ = [
    "FORMATS",
    "LineFailure",
    "PoolFile",
    "PoolLine",
    "RawLine",
    "iter_pool",
    "pool_format",
    "raw_lines",
    "read_line",
    "read_pool",
]

FORMATS = {".jsonl": "jsonl", ".csv": "csv"}
"""The extensions of pool files, and the format each names."""

PROFILE_COLUMN = "profile"
SUBMITTED_COLUMN = "profile_submitted"
_COLUMNS = (PROFILE_COLUMN, SUBMITTED_COLUMN)


@frozen(kw_only=True)
class LineFailure:
    """A line of a pool file that holds no valid profile.

    Attributes:
        line: Its line number in the file, from 1 (in a CSV file, the line the
            record starts on).
        problems: Every problem of the line, each with its ``$.`` path in the
            profile (``$`` for the line itself), message and value as written.
    """

    line: int
    problems: tuple[FieldProblem, ...]

    def lines(self) -> list[str]:
        """The problems, one a line: ``line 3: $.education.level: must be ... (got "phd")``."""
        return [f"line {self.line}: {p}" for p in self.problems]


@frozen(kw_only=True)
class PoolLine:
    """One line of a pool file as read: a candidate or a failure.

    Attributes:
        line: Its line number, from 1.
        size: The bytes it takes in the file (for a progress bar).
        candidate: The profile, when the line is valid.
        failure: Why not, when it is not.
    """

    line: int
    size: int
    candidate: Candidate | None = None
    failure: LineFailure | None = None


@frozen(kw_only=True)
class PoolFile:
    """A pool file as read: its candidates and its bad lines.

    Not the pool a round selects from (:class:`expressentry.Pool`): rank the
    candidates of a file with every line valid by passing it to
    :func:`~expressentry.select` as it is, or ``expressentry.Pool(read.candidates)``.

    Attributes:
        candidates: The valid profiles, in file order.
        lines: The line number of each candidate.
        failures: One entry per bad line, in file order.
    """

    candidates: tuple[Candidate, ...]
    lines: tuple[int, ...]
    failures: tuple[LineFailure, ...]

    @property
    def ok(self) -> bool:
        """Whether every line held a valid profile."""
        return not self.failures


def pool_format(path: Path | str) -> str | None:
    """``"jsonl"`` or ``"csv"`` from the extension of ``path`` (any case); None for others.

    >>> pool_format("pool.JSONL"), pool_format("pool.csv"), pool_format("profile.json")
    ('jsonl', 'csv', None)
    """
    return FORMATS.get(Path(require_path(path, "path", "pool_format")).suffix.lower())


def read_pool(path: Path | str, *, progress: Callable[[int], object] | None = None) -> PoolFile:
    """Every profile of the pool file at ``path``, and every bad line.

    ``progress`` is called with the bytes of each line read (a progress bar's
    ``update``).

    Raises:
        InvalidInputError: the extension is neither ``.jsonl`` nor ``.csv``.
        OSError: the file cannot be read.
    """
    candidates: list[Candidate] = []
    lines: list[int] = []
    failures: list[LineFailure] = []
    with gc_paused():  # a pool's profiles are new objects, none in a cycle
        for row in iter_pool(path):
            if progress is not None:
                progress(row.size)
            if row.candidate is not None:
                candidates.append(row.candidate)
                lines.append(row.line)
            elif row.failure is not None:
                failures.append(row.failure)
    return PoolFile(candidates=tuple(candidates), lines=tuple(lines), failures=tuple(failures))


def iter_pool(path: Path | str) -> Iterator[PoolLine]:
    """The lines of the pool file at ``path``, read one at a time (blank lines skipped).

    Raises:
        InvalidInputError: ``path`` is not a path (a str or a pathlib.Path), or
            its extension is neither ``.jsonl`` nor ``.csv``.
        OSError: the file cannot be read.
    """
    return map(read_line, raw_lines(path))


RawLine = tuple[int, int, bytes | tuple[list[str], list[str]] | LineFailure]
"""A line of a pool file split off but not read: ``(line, size, text)``.

The text is a JSON line's bytes, a CSV record with its header, or the failure of
a line that holds no record (a bad header, bytes that are not UTF-8). Splitting
a file is cheap; :func:`read_line` does the work of each line, so lines can be
read in other processes (``--workers``) and their results put back in order.
"""


def raw_lines(path: Path | str) -> Iterator[RawLine]:
    """The lines of the pool file at ``path``, split off but not read (blank lines skipped).

    Raises:
        InvalidInputError: as :func:`iter_pool`.
        OSError: the file cannot be read.
    """
    kind = pool_format(path)
    if kind is None:
        raise InvalidInputError(
            "read_pool",
            [FieldProblem("path", str(path), "must end with .jsonl (JSON Lines) or .csv")],
        )
    if kind == "jsonl":
        return _jsonl(Path(path))
    return _csv(Path(path))


def read_line(raw: RawLine) -> PoolLine:
    """The profile of a line :func:`raw_lines` split off, or why the line holds none."""
    number, size, text = raw
    if isinstance(text, LineFailure):
        return PoolLine(line=number, size=size, failure=text)
    read = (
        functools.partial(from_json, text, Candidate)
        if isinstance(text, bytes)
        else functools.partial(_from_record, *text)
    )
    try:
        return PoolLine(line=number, size=size, candidate=read())
    except InvalidProfileError as exc:
        failure = LineFailure(line=number, problems=tuple(exc.problems))
        return PoolLine(line=number, size=size, failure=failure)


def _jsonl(path: Path) -> Iterator[RawLine]:
    with path.open("rb") as f:
        for number, raw in enumerate(f, start=1):
            text = raw.rstrip(b"\r\n")
            if not text.strip():
                continue
            yield number, len(raw), text


def _csv(path: Path) -> Iterator[RawLine]:
    with path.open("rb") as f:
        data = f.read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        problem = FieldProblem("$", MISSING, f"not UTF-8 text: byte 0x{data[exc.start]:02x}")
        yield line, len(data), LineFailure(line=line, problems=(problem,))
        return
    stream = io.StringIO(text, newline="")
    reader = csv.reader(stream)
    start = 1
    header: list[str] | None = None
    try:
        for record in reader:
            number, start = start, reader.line_num + 1
            size = sum(len(cell) for cell in record) + len(record)
            if header is None:
                header = record
                problems = _header_problems(header)
                if problems:
                    yield number, size, LineFailure(line=number, problems=tuple(problems))
                    return
                continue
            if not any(cell.strip() for cell in record):
                continue
            yield number, size, (header, record)
    except csv.Error as exc:
        problem = FieldProblem("$", MISSING, f"not valid CSV: {exc}")
        yield start, 0, LineFailure(line=start, problems=(problem,))


def _header_problems(header: list[str]) -> list[FieldProblem]:
    problems = [
        FieldProblem(f"[{i}]", name, f"is not a column of a pool: {' or '.join(_COLUMNS)}")
        for i, name in enumerate(header)
        if name not in _COLUMNS
    ]
    if PROFILE_COLUMN not in header:
        problems.append(FieldProblem("$", MISSING, "the header names no profile column"))
    for name in _COLUMNS:
        if header.count(name) > 1:
            problems.append(FieldProblem("$", name, "column given twice"))
    return problems


def _from_record(header: list[str], record: list[str]) -> Candidate:
    if len(record) != len(header):
        raise InvalidProfileError(
            "Candidate",
            [
                FieldProblem(
                    "$",
                    MISSING,
                    f"has {len(record)} cells; the header names {len(header)} columns",
                )
            ],
        )
    cells = dict(zip(header, record, strict=True))
    data = parse_json(cells[PROFILE_COLUMN], in_a_cell=True)
    submitted = cells.get(SUBMITTED_COLUMN, "").strip()
    if submitted:
        if not isinstance(data, dict):
            return from_dict(data, Candidate)  # names what is wrong with it
        if data.get(SUBMITTED_COLUMN) is not None:
            raise InvalidProfileError(
                "Candidate",
                [
                    FieldProblem(
                        f"$.{SUBMITTED_COLUMN}",
                        submitted,
                        "is given both in the profile and in its column",
                    )
                ],
            )
        data = {**data, SUBMITTED_COLUMN: submitted}
    return from_dict(data, Candidate)
