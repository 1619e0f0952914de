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
  spreadsheet or a database that keeps it apart; an optional column ``id``
  holds the client's own id. Any other column is refused.

Each line may carry the client's own id, not part of the profile: the key ``id``
of a JSON Lines object, the column ``id`` of a CSV file (another name with
``id_field``). It is read apart (:attr:`PoolLine.id`, :attr:`PoolFile.ids`), so
:func:`~expressentry.from_json` of a single profile still refuses the key. A line
without it has the id ``None``: lines are always known by their number.

The layout is documented, with examples, in the profile-format guide.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import attrs
from attrs import frozen

from expressentry._checks import require_path
from expressentry.batch import gc_paused
from expressentry.errors import MISSING, FieldProblem, InvalidInputError, InvalidProfileError
from expressentry.i18n import N_, Count, check_lang, tr
from expressentry.jsontext import join_path, parse_json
from expressentry.models import Candidate
from expressentry.serialization import from_dict, read_line_fast

__all__ = [
    "FORMATS",
    "ID_FIELD",
    "LineFailure",
    "PoolFile",
    "PoolId",
    "PoolLine",
    "RawLine",
    "check_id_field",
    "iter_pool",
    "pool_format",
    "raw_lines",
    "raw_lines_of",
    "read_line",
    "read_pool",
]

FORMATS = {".jsonl": "jsonl", ".csv": "csv"}
"""The extensions of pool files, and the format each names."""

PROFILE_COLUMN = "profile"
SUBMITTED_COLUMN = "profile_submitted"
_COLUMNS = (PROFILE_COLUMN, SUBMITTED_COLUMN)

ID_FIELD = "id"
"""The key (JSON Lines) or column (CSV) of the client's own id, unless another is named."""

PoolId = str | int
"""A client's own id as a line gives it: a string, or a whole number."""

_PROFILE_KEYS = frozenset(f.name for f in attrs.fields(Candidate))


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

    def lines(self, lang: str = "en") -> list[str]:
        """The problems, one a line: ``line 3: $.education.level: must be ... (got "phd")``.

        In ``lang`` (``"en"`` or ``"fr"``): ``ligne 3 : $.education.level : ...`` in French.

        Raises:
            InvalidInputError: ``lang`` is not a language messages are written in.
        """
        lang = check_lang(lang, "LineFailure.lines")
        if lang == "en":
            return [f"line {self.line}: {p}" for p in self.problems]
        return [
            tr("line {line}: {problem}", line=self.line, problem=p.render(lang)).render(lang)
            for p in self.problems
        ]


@frozen(kw_only=True)
class PoolLine:
    """One line of a pool file as read: a candidate or a failure.

    Attributes:
        line: Its line number, from 1.
        size: The bytes it takes in the file (for a progress bar).
        candidate: The profile, when the line is valid.
        failure: Why not, when it is not.
        id: The client's own id the line gives (``None``: none given).
    """

    line: int
    size: int
    candidate: Candidate | None = None
    failure: LineFailure | None = None
    id: PoolId | None = None


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
        ids: The client's own id of each candidate (``None`` where its line
            gives none).
    """

    candidates: tuple[Candidate, ...]
    lines: tuple[int, ...]
    failures: tuple[LineFailure, ...]
    ids: tuple[PoolId | None, ...]

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


def read_pool(
    path: Path | str,
    *,
    progress: Callable[[int], object] | None = None,
    id_field: str = ID_FIELD,
) -> PoolFile:
    """Every profile of the pool file at ``path``, and every bad line.

    ``progress`` is called with the bytes of each line read (a progress bar's
    ``update``). ``id_field`` names the key or column of the client's own id.

    Raises:
        InvalidInputError: the extension is neither ``.jsonl`` nor ``.csv``, or
            ``id_field`` is not a name an id can have (see :func:`raw_lines`).
        OSError: the file cannot be read.
    """
    candidates: list[Candidate] = []
    lines: list[int] = []
    ids: list[PoolId | None] = []
    failures: list[LineFailure] = []
    with gc_paused():  # a pool's profiles are new objects, none in a cycle
        for raw in raw_lines(path, id_field=id_field):
            if progress is not None:
                progress(raw[1])
            text = raw[2]
            found = read_line_fast(text, id_field) if type(text) is bytes else None
            if found is not None:  # a valid JSON line, read in one pass
                candidates.append(found[1])
                lines.append(raw[0])
                ids.append(found[0])
                continue
            row = read_line(raw, id_field=id_field)
            if row.candidate is not None:
                candidates.append(row.candidate)
                lines.append(row.line)
                ids.append(row.id)
            elif row.failure is not None:
                failures.append(row.failure)
    return PoolFile(
        candidates=tuple(candidates), lines=tuple(lines), failures=tuple(failures), ids=tuple(ids)
    )


def iter_pool(path: Path | str, *, id_field: str = ID_FIELD) -> Iterator[PoolLine]:
    """The lines of the pool file at ``path``, read one at a time (blank lines skipped).

    Raises:
        InvalidInputError: ``path`` is not a path (a str or a pathlib.Path), its
            extension is neither ``.jsonl`` nor ``.csv``, or ``id_field`` is not
            a name an id can have.
        OSError: the file cannot be read.
    """
    lines = raw_lines(path, id_field=id_field)
    return (read_line(raw, id_field=id_field) for raw in lines)


RawLine = tuple[int, int, bytes | tuple[list[str], list[str]] | LineFailure]
"""A line of a pool file split off but not read: ``(line, size, text)``.

The text is a JSON line's bytes, a CSV record with its header, or the failure of
a line that holds no record (a bad header, bytes that are not UTF-8). Splitting
a file is cheap; :func:`read_line` does the work of each line, so lines can be
read in other processes (``--workers``) and their results put back in order.
"""


def raw_lines(path: Path | str, *, id_field: str = ID_FIELD) -> Iterator[RawLine]:
    """The lines of the pool file at ``path``, split off but not read (blank lines skipped).

    ``id_field`` is the key or column of the client's own id (``"id"``): a
    non-empty name that is not a key of a profile nor a column of a CSV pool.

    Raises:
        InvalidInputError: as :func:`iter_pool`.
        OSError: the file cannot be read.
    """
    kind = pool_format(path)
    if kind is None:
        raise InvalidInputError(
            "read_pool",
            [FieldProblem("path", str(path), tr("must end with .jsonl (JSON Lines) or .csv"))],
        )
    check_id_field(id_field, "read_pool")
    return _opened(Path(path), kind, id_field)


def _opened(path: Path, kind: str, id_field: str) -> Iterator[RawLine]:
    with path.open("rb") as f:
        yield from raw_lines_of(f, kind, id_field=id_field)


def raw_lines_of(stream: BinaryIO, kind: str, *, id_field: str = ID_FIELD) -> Iterator[RawLine]:
    """The lines of a pool read from a binary stream (stdin), as :func:`raw_lines` splits them.

    ``kind`` is ``"jsonl"`` or ``"csv"`` (a stream has no extension to say it).

    Raises:
        InvalidInputError: ``kind`` is neither, or ``id_field`` is not a name an
            id can have.
        OSError: the stream cannot be read.
    """
    if kind not in FORMATS.values():
        raise InvalidInputError(
            "read_pool", [FieldProblem("kind", kind, tr("must be 'jsonl' or 'csv'"))]
        )
    check_id_field(id_field, "read_pool")
    if kind == "jsonl":
        return _jsonl(stream)
    return _csv(stream.read(), id_field)


def check_id_field(name: object, where: str) -> str:
    """``name`` if a line's id can be kept under it: not a profile's key nor a pool's column.

    Raises:
        InvalidInputError: it is not a non-empty string, or it names a key of a
            profile (``date_of_birth``...) or a column of a CSV pool (``profile``).
    """
    if not isinstance(name, str) or not name.strip():
        problem = tr("must be a non-empty name")
    elif name in _PROFILE_KEYS or name in _COLUMNS:
        problem = tr("names a key of the profile or a column of a pool, not an id")
    else:
        return name
    raise InvalidInputError(where, [FieldProblem("id_field", name, problem)])


def read_line(raw: RawLine, *, id_field: str = ID_FIELD) -> PoolLine:
    """The profile of a line :func:`raw_lines` split off, or why the line holds none.

    ``id_field`` is the key of the client's own id in a JSON line (the CSV
    column was named to :func:`raw_lines`).
    """
    number, size, text = raw
    if isinstance(text, LineFailure):
        return PoolLine(line=number, size=size, failure=text)
    try:
        if isinstance(text, bytes):
            given, candidate = _from_jsonl(text, id_field)
        else:
            given, candidate = _from_record(*text, id_field=id_field)
        return PoolLine(line=number, size=size, candidate=candidate, id=given)
    except InvalidProfileError as exc:
        failure = LineFailure(line=number, problems=tuple(exc.problems))
        return PoolLine(line=number, size=size, failure=failure)


_ID_WORDS = N_("must be a string or a whole number (the client's own id), or null")


def _id_of(value: Any, path: str) -> tuple[PoolId | None, list[FieldProblem]]:
    """A JSON line's id, or the problem with it."""
    if value is None or isinstance(value, str) or (type(value) is int):
        return value, []
    return None, [FieldProblem(path, value, _ID_WORDS)]


def _from_jsonl(text: bytes, id_field: str) -> tuple[PoolId | None, Candidate]:
    found = read_line_fast(text, id_field)  # a valid line, in one pass
    if found is not None:
        return found
    return _checked_jsonl(text, id_field)


def _checked_jsonl(
    text: bytes, id_field: str, read: Callable[[object, type[Candidate]], Candidate] = from_dict
) -> tuple[PoolId | None, Candidate]:
    """The line read by the checked path: its problems found and worded (``read``: from_dict)."""
    data = parse_json(text)
    if not isinstance(data, dict) or id_field not in data:
        return None, read(data, Candidate)
    data = dict(data)
    given, problems = _id_of(data.pop(id_field), join_path("$", id_field))
    if not problems:
        return given, read(data, Candidate)
    try:
        read(data, Candidate)
    except InvalidProfileError as exc:
        problems.extend(exc.problems)
    raise InvalidProfileError("Candidate", problems)


def _jsonl(stream: BinaryIO) -> Iterator[RawLine]:
    for number, raw in enumerate(stream, start=1):
        text = raw.rstrip(b"\r\n")
        if not text.strip():
            continue
        yield number, len(raw), text


def _csv(data: bytes, id_field: str) -> Iterator[RawLine]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        byte = f"0x{data[exc.start]:02x}"
        problem = FieldProblem("$", MISSING, tr("not UTF-8 text: byte {byte}", byte=byte))
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
                problems = _header_problems(header, id_field)
                if problems:
                    yield number, size, LineFailure(line=number, problems=tuple(problems))
                    return
                continue
            if not any(cell.strip() for cell in record):
                continue
            yield number, size, (header, record)
    except csv.Error as exc:
        problem = FieldProblem("$", MISSING, tr("not valid CSV: {error}", error=str(exc)))
        yield start, 0, LineFailure(line=start, problems=(problem,))


_SHOWN_COLUMNS = 5
"""The unknown columns of a header named one by one; the rest are counted."""


def _header_problems(header: list[str], id_field: str) -> list[FieldProblem]:
    known = (*_COLUMNS, id_field)
    words = tr(
        "is not a column of a pool: {columns} or {last}",
        columns=", ".join(known[:-1]),
        last=known[-1],
    )
    unknown = [
        FieldProblem(f"column {number}", name, words)
        for number, name in enumerate(header, start=1)  # as a spreadsheet counts them
        if name not in known
    ]
    problems = unknown[:_SHOWN_COLUMNS]
    if len(unknown) > _SHOWN_COLUMNS:  # not a pool's header at all (JSON read as CSV?)
        more = len(unknown) - _SHOWN_COLUMNS
        words = tr("and {count} more columns not of a pool", count=Count(more))
        problems.append(FieldProblem("$", MISSING, words))
    if PROFILE_COLUMN not in header:
        problems.append(FieldProblem("$", MISSING, tr("the header names no profile column")))
    for name in known:
        if header.count(name) > 1:
            problems.append(FieldProblem("$", name, tr("column given twice")))
    return problems


def _from_record(
    header: list[str], record: list[str], *, id_field: str
) -> tuple[PoolId | None, Candidate]:
    if len(record) != len(header):
        raise InvalidProfileError(
            "Candidate",
            [
                FieldProblem(
                    "$",
                    MISSING,
                    tr(
                        "has {cells} cells; the header names {columns} columns",
                        cells=len(record),
                        columns=len(header),
                    ),
                )
            ],
        )
    cells = dict(zip(header, record, strict=True))
    given = cells.get(id_field, "").strip() or None
    return given, _profile_of(cells)


def _profile_of(cells: dict[str, str]) -> Candidate:
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
                        tr("is given both in the profile and in its column"),
                    )
                ],
            )
        data = {**data, SUBMITTED_COLUMN: submitted}
    return from_dict(data, Candidate)
