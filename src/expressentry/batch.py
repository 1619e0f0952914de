"""Batch results: a whole pool processed, its bad profiles set aside by index.

Scoring a pool of hundreds of thousands of profiles should not stop at the first
bad one, nor lose track of which it was. A batch function asked to collect
returns the results it could compute and one :class:`Failure` per profile it
could not, each with the profile's index in the input and the error.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from attrs import frozen

from expressentry.errors import FieldProblem, InvalidInputError

__all__ = ["Failure", "PoolResult", "at_index"]

T = TypeVar("T")


@frozen(kw_only=True)
class Failure:
    """One profile of a batch that could not be processed.

    Attributes:
        index: Its position in the input, from 0.
        error: Why, with every bad field named.
    """

    index: int
    error: InvalidInputError


@frozen(kw_only=True)
class PoolResult(Generic[T]):
    """The results of a batch, in input order, and the profiles set aside.

    Attributes:
        results: One entry per input profile; ``None`` where it failed.
        failures: One entry per profile that failed, in input order.
    """

    results: tuple[T | None, ...]
    failures: tuple[Failure, ...]

    @property
    def ok(self) -> bool:
        """Whether every profile was processed."""
        return not self.failures


def at_index(index: int, error: InvalidInputError) -> InvalidInputError:
    """``error`` with every path placed under ``[index]``, naming the profile in its batch.

    >>> e = InvalidInputError("Candidate", [FieldProblem("date_of_birth", None, "is late")])
    >>> [p.path for p in at_index(3, e).problems]
    ['[3].date_of_birth']
    """
    problems = [
        FieldProblem(f"[{index}].{p.path}" if p.path else f"[{index}]", p.value, p.message)
        for p in error.problems
    ]
    return InvalidInputError(f"profile [{index}] of the batch ({error.owner})", problems)
