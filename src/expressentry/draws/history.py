"""IRCC's round history: the shipped rounds, a newer feed, queries and trends.

The package ships IRCC's feed of rounds unchanged (rounds #1 of 2015-01-31 to #437
of 2026-08-19, 438 records with #91a and #91b), checked against its SHA-256 when
first read; :func:`rounds` returns it, oldest first. :func:`load_rounds` reads a
newer copy of the feed that you downloaded from :data:`~expressentry.draws.feed.FEED_URL`
(the package never uses the network).

>>> history = rounds()
>>> len(history), history[0].number, history[-1].number
(438, '1', '437')
>>> len(find_rounds(kind=RoundKind.PNP, since=date(2026, 1, 1)))
16
"""

from __future__ import annotations

import functools
import itertools
import os
import statistics
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from attrs import frozen

from expressentry._checks import require_items, require_path
from expressentry._today import resolve
from expressentry.enums import CategoryId, Program
from expressentry.errors import DataError, FieldProblem, InvalidInputError
from expressentry.i18n import tr

from .feed import (
    FEED_FILE,
    FEED_SHA256,
    SUPPLEMENT_FILE,
    SUPPLEMENT_SHA256,
    parse_feed,
    read_checked,
    read_supplement,
)
from .records import PoolDistribution, Round, RoundKind

__all__ = [
    "TrendPoint",
    "YearSummary",
    "find_rounds",
    "history_in_date_order",
    "history_of",
    "load_rounds",
    "rounds",
    "trends",
    "yearly_summary",
]


@functools.cache
def _supplement() -> Mapping[str, tuple[date, PoolDistribution]]:
    data = resources.files("expressentry.data").joinpath(SUPPLEMENT_FILE)
    return read_supplement(read_checked(data, SUPPLEMENT_SHA256))


def _read_shipped() -> tuple[Round, ...]:
    data = read_checked(resources.files("expressentry.data").joinpath(FEED_FILE), FEED_SHA256)
    try:
        return parse_feed(data, origin=FEED_FILE, supplement=_supplement())
    except InvalidInputError as exc:  # the shipped copy is read in the tests: a bug
        raise DataError(str(exc)) from None


@functools.cache
def rounds() -> tuple[Round, ...]:
    """Every round of the shipped history, oldest first (read once, then cached).

    Raises:
        DamagedDataError: the shipped feed or its supplement was modified (its
            SHA-256 differs from ``data/PROVENANCE.md``): reinstall the package.
    """
    return _read_shipped()


def load_rounds(path: str | os.PathLike[str], *, supplement: bool = True) -> tuple[Round, ...]:
    """The rounds of a copy of IRCC's feed you downloaded, oldest first.

    The file is IRCC's JSON as published (:data:`~expressentry.draws.feed.FEED_URL`);
    its SHA-256 is not checked (it is yours), but every value is, with the same
    named rules as the shipped copy.

    A round of a category expressentry has no list of on its day (a category IRCC
    added after this release, "Entrepreneurs, 2026-Version 1") is kept as a
    category round with ``category`` ``None`` and its own type
    (:attr:`Round.unknown_category <expressentry.draws.records.Round.unknown_category>`,
    ``"category:entrepreneurs"``): a newer feed needs no newer package.

    Args:
        path: The file.
        supplement: Fill the distributions IRCC removed (#223, #224, #226, #227)
            from the shipped supplement, where the file still has none.

    Raises:
        InvalidInputError: ``path`` is not a path (a str or a pathlib.Path), the
            file is not IRCC's feed (not JSON, nested too deeply, no ``rounds``
            list or an empty one), a round number is given twice, a round is
            dated before a lower number, or a value cannot be read:
            every problem, naming the record, its round number, the field and the
            text as written.
        OSError: the file cannot be read.
    """
    data = Path(require_path(path, "path", "load_rounds")).read_bytes()
    return parse_feed(
        data,
        origin=f"rounds feed {Path(path).name}",
        supplement=_supplement() if supplement else None,
    )


def _day(value: date | None, name: str) -> date | None:
    return None if value is None else resolve(value, name, where="find_rounds")


def find_rounds(
    *,
    kind: RoundKind | None = None,
    program: Program | None = None,
    category: CategoryId | None = None,
    since: date | None = None,
    until: date | None = None,
    history: Iterable[Round] | None = None,
) -> tuple[Round, ...]:
    """The rounds that match every filter given, oldest first.

    Args:
        kind: General, program, PNP or category rounds.
        program: Program-specific rounds of this program.
        category: Category rounds of this category (any version).
        since: Rounds on or after this day.
        until: Rounds on or before this day.
        history: The rounds to search (default: :func:`rounds`).

    >>> [r.number for r in find_rounds(program=Program.FSW)]
    ['240']

    Raises:
        InvalidInputError: a filter is not of its type, ``since`` is after
            ``until``, or ``history`` is not an iterable of rounds.
    """
    problems = []
    for name, value, kind_of in (
        ("kind", kind, RoundKind),
        ("program", program, Program),
        ("category", category, CategoryId),
    ):
        if value is not None and not isinstance(value, kind_of):
            allowed = ", ".join(repr(m.value) for m in kind_of)
            words = tr("must be a {kind} ({allowed})", kind=kind_of.__name__, allowed=allowed)
            problems.append(FieldProblem(name, value, words))
    if problems:
        raise InvalidInputError("find_rounds", problems)
    first, last = _day(since, "since"), _day(until, "until")
    if first is not None and last is not None and first > last:
        raise InvalidInputError(
            "find_rounds",
            [FieldProblem("until", last, tr("must not be before since ({day})", day=first))],
        )
    return tuple(
        r
        for r in history_of(history, "find_rounds")
        if (kind is None or r.kind is kind)
        and (program is None or r.program is program)
        and (category is None or r.category_id is category)
        and (first is None or r.day >= first)
        and (last is None or r.day <= last)
    )


def history_of(history: Iterable[Round] | None, where: str) -> tuple[Round, ...]:
    """The rounds of ``history`` checked (each a :class:`Round`); the shipped ones for ``None``.

    Raises:
        InvalidInputError: ``history`` is not an iterable of rounds (a single
            round, a string, ``None`` in a list...), naming ``where``.
    """
    if history is None:
        return rounds()
    return require_items(history, Round, "history", where)


def history_in_date_order(history: Iterable[Round] | None, where: str) -> tuple[Round, ...]:
    """:func:`history_of`, refused unless oldest first (no round dated before the one ahead).

    What walks the history forward (the estimate, the backtest, the outlook)
    learns each round from those before it in the order given: out of order, a
    round would be "predicted" from later ones. Rounds of one day may come in any
    order. :func:`rounds` and :func:`load_rounds` give them oldest first.

    Raises:
        InvalidInputError: ``history`` is not an iterable of rounds, or a round is
            dated before the round ahead of it, naming both (the first such pair).
    """
    found = history_of(history, where)
    for index, (ahead, behind) in enumerate(itertools.pairwise(found), start=1):
        if behind.day < ahead.day:
            message = tr(
                "round {number} ({day}) comes after round {ahead} ({ahead_day}) but is dated "
                "before it: the rounds must be oldest first (sorted by day, as rounds() and "
                "load_rounds() give them)",
                number=behind.number,
                day=behind.day,
                ahead=ahead.number,
                ahead_day=ahead.day,
            )
            problem = FieldProblem(f"history[{index}]", behind.number, message)
            raise InvalidInputError(where, [problem])
    return found


@frozen
class TrendPoint:
    """One round in a series: its number, day, cut-off and size."""

    number: str
    day: date
    cutoff: int
    invitations: int


def trends(history: Iterable[Round] | None = None) -> Mapping[str, tuple[TrendPoint, ...]]:
    """Cut-off and size over time, one series per round type, oldest first.

    The keys are :attr:`Round.round_type <expressentry.draws.records.Round.round_type>`:
    ``"general"``, ``"pnp"``, a program (``"cec"``) or a category (``"french"``).

    >>> cec = trends()["cec"]
    >>> cec[-1]
    TrendPoint(number='436', day=datetime.date(2026, 8, 18), cutoff=523, invitations=1000)

    Raises:
        InvalidInputError: ``history`` is not an iterable of rounds.
    """
    series: dict[str, list[TrendPoint]] = {}
    for r in history_of(history, "trends"):
        point = TrendPoint(r.number, r.day, r.cutoff, r.invitations)
        series.setdefault(r.round_type, []).append(point)
    return MappingProxyType({k: tuple(v) for k, v in series.items()})


@frozen
class YearSummary:
    """The rounds of one type in one calendar year.

    Attributes:
        year: The calendar year of the rounds' dates.
        round_type: As :attr:`Round.round_type <expressentry.draws.records.Round.round_type>`.
        rounds: How many rounds.
        invitations: Invitations issued in all of them.
        invitations_median: The median size of a round (a half where the two middle
            rounds differ by an odd number).
        invitations_min: The smallest round.
        invitations_max: The largest round.
        cutoff_median: The median cut-off.
        cutoff_min: The lowest cut-off.
        cutoff_max: The highest cut-off.
    """

    year: int
    round_type: str
    rounds: int
    invitations: int
    invitations_median: float
    invitations_min: int
    invitations_max: int
    cutoff_median: float
    cutoff_min: int
    cutoff_max: int


def yearly_summary(history: Iterable[Round] | None = None) -> tuple[YearSummary, ...]:
    """Per year and round type: rounds, invitations, and size and cut-off ranges.

    Sorted by year, then by number of rounds (most first), then by type.

    >>> [(s.round_type, s.rounds, s.cutoff_min, s.cutoff_max)
    ...  for s in yearly_summary() if s.year == 2026][:2]
    [('pnp', 16, 708, 805), ('cec', 14, 507, 523)]

    Raises:
        InvalidInputError: ``history`` is not an iterable of rounds.
    """
    groups: dict[tuple[int, str], list[Round]] = {}
    for r in history_of(history, "yearly_summary"):
        groups.setdefault((r.day.year, r.round_type), []).append(r)
    out = [_summary(year, kind, members) for (year, kind), members in groups.items()]
    return tuple(sorted(out, key=lambda s: (s.year, -s.rounds, s.round_type)))


def _summary(year: int, round_type: str, members: Sequence[Round]) -> YearSummary:
    sizes = [r.invitations for r in members]
    cutoffs = [r.cutoff for r in members]
    return YearSummary(
        year=year,
        round_type=round_type,
        rounds=len(members),
        invitations=sum(sizes),
        invitations_median=float(statistics.median(sizes)),
        invitations_min=min(sizes),
        invitations_max=max(sizes),
        cutoff_median=float(statistics.median(cutoffs)),
        cutoff_min=min(cutoffs),
        cutoff_max=max(cutoffs),
    )
