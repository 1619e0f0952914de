"""How a profile pickles: its fields only, never what is derived from them.

A model pickles as one call that rebuilds it from its own fields (``__reduce__``):
the values it derives when it is built (a result's levels, the days a history
starts, a profile's first-language result) are worked out again on unpickling,
and the ``derived`` slot, where scoring keeps its packed inputs, starts empty.
So a pickle holds nothing but the profile, stays small, and a worker process
never receives another process's caches.

A profile pickles as one call with one tuple of plain values: nested models as
tuples of their fields, dates as day numbers, enum members as their position in
their enum (a small int, where a member would be one more call to unpickle).
Unpickling rebuilds the models in one pass, each by one call that fills its
slots (:func:`maker`), and shares what repeats from profile to profile in one
process (:class:`~expressentry._memo.Shared`): each day, each score, each
education and job offer is one object however many profiles hold it. A profile
does this on the first read of one of its fields, not as the pickle is read: it
unpickles as one object holding that tuple (``candidate.defer_candidate``), so
the garbage collector never walks models a process has not used yet, and a
profile passed on unread pickles again as it came. A pickle is for the same
version of the package (a worker process, a cache file), not for keeping.

Unpickling does not check the fields again: a pickle can only hold a model that
was checked when it was built (and unpickling runs code anyway: read pickles
you trust only).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from enum import Enum
from typing import Any, TypeVar

from expressentry._memo import Shared

T = TypeVar("T")
E = TypeVar("E", bound=Enum)

shared_days: Shared[int, date] = Shared(size=1 << 16)
"""Each day once: a pool's dates fall on a few thousand days."""
shared_numbers: Shared[float, float] = Shared(size=1 << 12)
"""Each score and weekly hours once (floats only: an int stays an int)."""
_from_ordinal = date.fromordinal


def day(number: int) -> date:
    """The date of a day number (``date.toordinal()``), one object per day in a process."""
    found = shared_days.entries.get(number)
    if found is None:
        found = shared_days.keep(number, _from_ordinal(number))
    return found


def number(value: Any) -> Any:
    """``value`` (a score, weekly hours), one object per float value in a process.

    An int is returned as it is (small ones are shared by Python), and so is a
    zero: ``0.0`` and ``-0.0`` are equal, and sharing one would change the other.
    """
    if type(value) is not float or not value:
        return value
    found = shared_numbers.entries.get(value)
    if found is None:
        found = shared_numbers.keep(value, value)
    return found


def codes(members: type[E]) -> tuple[tuple[E, ...], dict[E, int]]:
    """The members of an enum in order, and each member's position: how a pickle names them."""
    ordered = tuple(members)
    return ordered, {m: i for i, m in enumerate(ordered)}


Setters = tuple[Callable[[object, object], None], ...]
"""The slot setters of some fields of a model, in order (see :func:`setters`)."""


def setters(cls: type, names: tuple[str, ...]) -> Setters:
    """The setters of the slots ``names`` of ``cls``: a frozen model's fields, set directly.

    Setting a slot through its descriptor skips ``object.__setattr__``'s look-up
    of the name, which halves the cost of filling a model.
    """
    return tuple(vars(cls)[name].__set__ for name in names)


def restore(cls: type[T], fields: Setters, values: Iterable[object]) -> T:
    """An instance of ``cls`` holding ``values`` in ``fields`` (from :func:`setters`), unchecked.

    The caller passes what the model derives (its ``init=False`` fields) too.
    """
    obj = object.__new__(cls)
    for put, value in zip(fields, values, strict=True):
        put(obj, value)
    return obj


def maker(cls: type[T], names: tuple[str, ...]) -> Callable[..., T]:
    """A function building ``cls`` from the values of its slots ``names``, in order, unchecked.

    The same as :func:`restore` with the loop unrolled: one call per model, each
    slot set by its own descriptor, which costs half of the loop. The caller
    passes what the model derives (its ``init=False`` fields) too.
    """
    make: Callable[..., T] = _unrolled(cls, names, new=True)
    return make


def filler(cls: type[T], names: tuple[str, ...]) -> Callable[..., None]:
    """A function filling the slots ``names`` of an instance of ``cls``: ``fill(obj, *values)``.

    :func:`maker` for an object that already exists: a profile unpickled lazily
    is filled in place on its first read.
    """
    fill: Callable[..., None] = _unrolled(cls, names, new=False)
    return fill


def _unrolled(cls: type, names: tuple[str, ...], *, new: bool) -> Callable[..., Any]:
    put = setters(cls, names)
    args = ", ".join(f"v{i}" for i in range(len(names)))
    lines = "".join(f"    s{i}(o, v{i})\n" for i in range(len(names)))
    if new:
        source = f"def make_{cls.__name__}({args}):\n    o = new(cls)\n{lines}    return o\n"
    else:
        source = f"def make_{cls.__name__}(o, {args}):\n{lines}"
    scope: dict[str, Any] = {"new": object.__new__, "cls": cls}
    scope.update((f"s{i}", s) for i, s in enumerate(put))
    exec(compile(source, f"<maker of {cls.__qualname__}>", "exec"), scope)  # noqa: S102 (our own source)
    return scope[f"make_{cls.__name__}"]  # type: ignore[no-any-return]
