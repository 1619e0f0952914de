"""The errors expressentry raises.

One base class lets callers catch everything the library raises on purpose; each
subclass also subclasses the matching built-in, so ``except ValueError`` and
``except LookupError`` keep working.

>>> from expressentry.errors import InvalidInputError
>>> issubclass(InvalidInputError, ValueError)
True
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from attrs import frozen

__all__ = [
    "DataError",
    "ExpressEntryError",
    "FieldProblem",
    "InternalError",
    "InvalidInputError",
    "InvalidProfileError",
    "RulesNotInForceError",
]


class ExpressEntryError(Exception):
    """Base class of every error that expressentry raises on purpose."""


@frozen
class FieldProblem:
    """One bad field: where it is, what it held and what the rule wants.

    ``path`` is relative to the object that was being built (``"hours_per_week"``)
    or, once :func:`expressentry.from_dict` has placed it, absolute
    (``"$.work_history[0].hours_per_week"``).
    """

    path: str
    value: object
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message} (got {self.value!r})"


class InvalidInputError(ExpressEntryError, ValueError):
    """Input that breaks a rule of the domain, with every bad field named.

    Raised by model constructors, so a bad value never reaches a computation.
    """

    def __init__(self, owner: str, problems: Sequence[FieldProblem]) -> None:
        self.owner = owner
        self.problems: tuple[FieldProblem, ...] = tuple(problems)
        lines = "; ".join(str(p) for p in self.problems)
        super().__init__(f"{owner}: {lines}")


class InvalidProfileError(InvalidInputError):
    """Structured data (JSON, dicts) that could not become a model.

    ``problems`` holds one entry per bad field, each with its JSON path.
    """

    def __init__(self, owner: str, problems: Sequence[FieldProblem]) -> None:
        super().__init__(owner, problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        self.args = (f"invalid {owner}:\n{lines}",)


class RulesNotInForceError(ExpressEntryError, LookupError):
    """No rule was in force on the date asked for (for example before 2015-01-01)."""

    def __init__(self, rule_id: str, as_of: date, first: date) -> None:
        self.rule_id = rule_id
        self.as_of = as_of
        self.first = first
        super().__init__(
            f"{rule_id}: no rule in force on {as_of.isoformat()}; "
            f"the first known edition took effect on {first.isoformat()}"
        )


class DataError(ExpressEntryError):
    """Packaged rule data failed its own checks: a bug in a release, never the caller's."""


class InternalError(ExpressEntryError, RuntimeError):
    """A result broke one of its own invariants: a bug in expressentry, never the caller's.

    Raised, for example, when a breakdown's total is not the sum of its lines.
    Please report it with the input that caused it.
    """
