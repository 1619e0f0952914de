"""Table shapes shared by the CRS rules: points that rise in steps.

Official CRS tables are step tables: "CLB 7: 17 points, CLB 8: 23 points...".
:class:`Steps` and :class:`SpouseSteps` hold the rows as IRCC prints them, each
row giving the first value that earns its points; the lookup takes the last row
at or below the value.

>>> t = SpouseSteps(((0, 0, 0), (4, 6, 6), (6, 8, 9)))
>>> t.points(5, with_spouse=False), t.points(12, with_spouse=True)
(6, 8)
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TypeVar

from attrs import field, frozen

from expressentry.errors import DataError, FieldProblem, InvalidInputError
from expressentry.i18n import tr

__all__ = ["SpouseSteps", "Steps", "zeroed"]

T = TypeVar("T")


MAX_STEP = 1_000
"""The highest value a step may start at (ages, CLB levels and years stay far below)."""


def _check_rows(instance: object, _attribute: object, rows: object) -> None:
    """Rows of ``width`` whole numbers: starts from 0, strictly rising; points 0 or more."""
    owner = type(instance).__name__
    width = 3 if isinstance(instance, SpouseSteps) else 2
    shape = "(from, with spouse, without spouse)" if width == 3 else "(from, points)"
    problems: list[FieldProblem] = []
    if not isinstance(rows, tuple) or not rows:
        words = tr("must be a non-empty tuple of {shape} rows", shape=shape)
        problems.append(FieldProblem("rows", rows, words))
        raise InvalidInputError(owner, problems)
    last = -1
    for i, row in enumerate(rows):
        if not (
            isinstance(row, tuple)
            and len(row) == width
            and all(isinstance(v, int) and not isinstance(v, bool) for v in row)
        ):
            words = tr("must be {shape}, whole numbers", shape=shape)
            problems.append(FieldProblem(f"rows[{i}]", row, words))
            continue
        start = row[0]
        if i == 0 and start != 0:
            problems.append(FieldProblem("rows[0][0]", start, tr("the first step must start at 0")))
        elif i and not last < start <= MAX_STEP:
            problems.append(
                FieldProblem(
                    f"rows[{i}][0]",
                    start,
                    tr(
                        "must be more than the previous start ({last}) and at most {most}",
                        last=last,
                        most=MAX_STEP,
                    ),
                )
            )
        last = max(last, start)
        for j, points in enumerate(row[1:], 1):
            if points < 0:
                problems.append(
                    FieldProblem(f"rows[{i}][{j}]", points, tr("must be 0 or more points"))
                )
    if problems:
        raise InvalidInputError(owner, problems)


def _index(rows: tuple[tuple[int, ...], ...]) -> tuple[int, ...]:
    """Row index for every value from 0 to the last row's start."""
    out: list[int] = []
    for i, row in enumerate(rows):
        nxt = rows[i + 1][0] if i + 1 < len(rows) else row[0] + 1
        out.extend([i] * (nxt - row[0]))
    return tuple(out)


@frozen
class Steps:
    """One column of points by steps: rows of ``(from, points)``."""

    rows: tuple[tuple[int, int], ...] = field(validator=_check_rows)
    _by_value: tuple[int, ...] = field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_by_value", tuple(self.rows[i][1] for i in _index(self.rows)))

    def points(self, value: int) -> int:
        """Points for ``value`` (a CLB level, years, an age...)."""
        table = self._by_value
        return table[value] if value < len(table) else table[-1]

    @property
    def maximum(self) -> int:
        """The most points any row gives."""
        return max(row[1] for row in self.rows)

    def zeroed(self) -> Steps:
        """The same steps, every one worth 0 points."""
        return Steps(tuple((row[0], 0) for row in self.rows))


@frozen
class SpouseSteps:
    """Two columns of points by steps: rows of ``(from, with spouse, without spouse)``."""

    rows: tuple[tuple[int, int, int], ...] = field(validator=_check_rows)
    _with: tuple[int, ...] = field(init=False, repr=False, eq=False)
    _without: tuple[int, ...] = field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        idx = _index(self.rows)
        object.__setattr__(self, "_with", tuple(self.rows[i][1] for i in idx))
        object.__setattr__(self, "_without", tuple(self.rows[i][2] for i in idx))

    def points(self, value: int, *, with_spouse: bool) -> int:
        """Points for ``value`` in the column that applies."""
        table = self._with if with_spouse else self._without
        return table[value] if value < len(table) else table[-1]

    def maximum(self, *, with_spouse: bool) -> int:
        """The most points any row gives in that column."""
        return max(row[1 if with_spouse else 2] for row in self.rows)

    def zeroed(self) -> SpouseSteps:
        """The same steps, every one worth 0 points."""
        return SpouseSteps(tuple((row[0], 0, 0) for row in self.rows))


def zeroed(value: T) -> T:
    """``value`` with every amount of points set to 0, its shape kept.

    Used by reforms that remove a factor. Thresholds in step tables stay as they
    are; only points change.

    Raises:
        DataError: the value holds something that is not points.
    """
    out: object
    if isinstance(value, Steps | SpouseSteps):
        out = value.zeroed()
    elif isinstance(value, bool):
        msg = f"cannot zero a flag ({value!r})"
        raise DataError(msg)
    elif isinstance(value, int):
        out = 0
    elif isinstance(value, tuple):
        out = tuple(zeroed(v) for v in value)
    elif isinstance(value, Mapping):
        out = MappingProxyType({k: zeroed(v) for k, v in value.items()})
    else:
        msg = f"cannot zero a {type(value).__name__}"
        raise DataError(msg)
    return out  # type: ignore[return-value]
