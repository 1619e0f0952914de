"""Batch results: a whole pool processed, its bad profiles set aside by index.

Scoring a pool of hundreds of thousands of profiles should not stop at the first
bad one, nor lose track of which it was. A batch function asked to collect
returns the results it could compute and one :class:`Failure` per profile it
could not, each with the profile's index in the input and the error.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from typing import Any, Generic, TypeVar

from attrs import frozen

from expressentry._checks import a_kind, require_iterable
from expressentry._records import HasRecords, scalar
from expressentry.errors import FieldProblem, InvalidInputError
from expressentry.i18n import tr

__all__ = ["Failure", "PoolResult", "at_index", "check_errors", "gc_paused", "run_pool"]

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

    def to_records(self) -> list[dict[str, Any]]:
        """Flat rows, in input order, for ``pandas.DataFrame(result.to_records())``.

        Every row starts with ``index`` (the profile's position in the input),
        ``ok`` and ``error`` (the failure's message, ``None`` when it did not
        fail). A plain result (a score) is one row with its ``value``; a result
        with rows of its own (:class:`~expressentry.eligibility.EligibilityFlags`)
        gives its rows, each after those three columns; a failed profile is one
        row, its ``value`` ``None``.

        >>> from datetime import date
        >>> from expressentry import example_profile, score_many
        >>> profiles = [example_profile(), "not a profile"]
        >>> rows = score_many(profiles, as_of=date(2026, 11, 22), errors="collect").to_records()
        >>> [(r["index"], r["ok"], r["value"]) for r in rows]
        [(0, True, 574), (1, False, None)]
        """
        failed = {f.index: str(f.error) for f in self.failures}
        rows: list[dict[str, Any]] = []
        for index, result in enumerate(self.results):
            head: dict[str, Any] = {"index": index, "ok": index not in failed}
            head["error"] = failed.get(index)
            if isinstance(result, HasRecords):
                rows.extend({**head, **row} for row in result.to_records())
            else:
                rows.append({**head, "value": scalar(result)})
        return rows


def at_index(index: int, error: InvalidInputError) -> InvalidInputError:
    """``error`` with every path placed under ``[index]``, naming the profile in its batch.

    >>> e = InvalidInputError("Candidate", [FieldProblem("date_of_birth", None, "is late")])
    >>> [p.path for p in at_index(3, e).problems]
    ['[3].date_of_birth']
    """
    problems = [p.at(f"[{index}].{p.path}" if p.path else f"[{index}]") for p in error.problems]
    owner = tr("profile [{index}] of the batch ({owner})", index=index, owner=error.owner)
    return InvalidInputError(owner, problems)


def check_errors(where: str, errors: object) -> None:
    """Refuse an ``errors`` argument other than ``"raise"`` or ``"collect"``."""
    if errors not in ("raise", "collect"):
        raise InvalidInputError(
            where, [FieldProblem("errors", errors, tr("must be 'raise' or 'collect'"))]
        )


_paused = threading.Lock()
_depth = 0
_we_disabled = False


class _Pause(AbstractContextManager[None]):
    """The block of :func:`gc_paused` (a class: entered a few times per plan, cheaply)."""

    __slots__ = ()

    def __enter__(self) -> None:
        global _depth, _we_disabled  # noqa: PLW0603 (the collector's state is the process's)
        with _paused:
            if _depth == 0:
                _we_disabled = gc.isenabled()
                if _we_disabled:
                    gc.disable()
            _depth += 1

    def __exit__(self, *_exc: object) -> None:
        global _depth, _we_disabled  # noqa: PLW0603
        with _paused:
            _depth -= 1
            if _depth == 0 and _we_disabled:
                _we_disabled = False
                gc.enable()


_PAUSE = _Pause()


def gc_paused() -> AbstractContextManager[None]:
    """Run a bulk step without the cyclic garbage collector's passes, then restore it.

    A step that builds hundreds of thousands of objects (reading a pool, packing
    its scoring inputs) makes the collector run a pass every few hundred
    allocations, each one walking the objects built so far: a third of the
    step's time, for no garbage (profiles hold no reference cycles). Inside this
    block the collector is disabled; on leaving it, even by an exception, it is
    enabled again if it was enabled on entering. Nested and concurrent blocks
    (threads) share one pause: the last to leave restores the collector.
    Reference counting still frees every object that is no longer used.

    :func:`~expressentry.pools.read_pool`, :func:`~expressentry.score_many` and
    :func:`~expressentry.eligibility.flags_many` pause it for their own run; wrap
    your own bulk steps (building profiles) the same way. Unpickled profiles need
    no pause: they build their models on first read, in those steps.

    >>> import gc
    >>> with gc_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    return _PAUSE


def run_pool(
    where: str,
    items: Iterable[object],
    kind: type,
    collect: bool,
    step: Callable[..., T],
    *args: object,
) -> PoolResult[T]:
    """``step(item, *args)`` for every item, in order; a bad item raises or is set aside.

    A bad item is one whose step raises :class:`InvalidInputError`, or one that is
    not a ``kind`` (an :class:`AttributeError` on anything else is a bug and is
    raised as it is). Without ``collect`` the first bad item raises, named by its
    index (:func:`at_index`); with it, each is a :class:`Failure` and its result
    ``None``.
    """
    items = require_iterable(items, kind, "candidates", where)
    out: list[T | None] = []
    append = out.append
    failures: list[Failure] = []
    it = iter(items)
    item: object = None
    with gc_paused():  # the results are new objects: no pass over them
        while True:
            # One try around the tight loop: the fast path pays nothing for it.
            try:
                for item in it:
                    append(step(item, *args))
            except (InvalidInputError, AttributeError) as exc:
                if not isinstance(exc, InvalidInputError):
                    if isinstance(item, kind):  # from inside the library: a bug
                        raise
                    what = tr("must be {kind}", kind=a_kind(kind.__name__))
                    exc = InvalidInputError(where, [FieldProblem("", type(item).__name__, what)])
                index = len(out)
                failure = at_index(index, exc)
                if not collect:
                    raise failure from None
                failures.append(Failure(index=index, error=failure))
                append(None)
                continue
            break
    return PoolResult(results=tuple(out), failures=tuple(failures))
