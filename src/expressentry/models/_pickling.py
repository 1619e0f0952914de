"""How a profile pickles: its fields only, never what is derived from them.

A model pickles as one call that rebuilds it from its own fields (``__reduce__``):
the values it derives when it is built (a result's levels, the days a history
starts, a profile's first-language result) are worked out again on unpickling,
and the ``derived`` slot, where scoring keeps its packed inputs, starts empty.
So a pickle holds nothing but the profile, stays small, and a worker process
never receives another process's caches.

Unpickling does not check the fields again: a pickle can only hold a model that
was checked when it was built (and unpickling runs code anyway: read pickles
you trust only).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import TypeVar

T = TypeVar("T")

day = date.fromordinal
"""The date of a day number: a pickle holds a model's dates as ``date.toordinal()``."""


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
