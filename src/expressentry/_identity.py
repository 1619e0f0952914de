"""Values derived from an immutable object, kept for as long as the object lives.

Scoring a pool reads, for every candidate, inputs that never change (packed
codes, hour segments). The models are immutable and know nothing of scoring, so
those derived values live here, keyed by the object's identity: hashing a whole
profile by value on every lookup would cost more than deriving it again. An
entry goes when its object is garbage collected (a weak reference's callback).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Generic, TypeVar

__all__ = ["IdentityCache", "LastIdentityCache"]

K = TypeVar("K")
V = TypeVar("V")


class IdentityCache(Generic[K, V]):
    """``derive(obj)`` computed once per live object.

    >>> class Box:
    ...     pass
    >>> calls = []
    >>> cache = IdentityCache(lambda box: calls.append(1) or len(calls))
    >>> b = Box()
    >>> cache(b), cache(b), len(calls)
    (1, 1, 1)
    >>> del b
    >>> len(cache)
    0
    """

    __slots__ = ("_derive", "_entries", "_forget")

    def __init__(self, derive: Callable[[K], V]) -> None:
        self._derive = derive
        entries: dict[int, tuple[weakref.KeyedRef[int, K], V]] = {}
        self._entries = entries

        def forget(ref: weakref.KeyedRef[int, K]) -> None:
            entry = entries.get(ref.key)
            if entry is not None and entry[0] is ref:
                del entries[ref.key]

        # One callback for every entry: a pool's caches hold an entry per profile,
        # and the garbage collector walks each object an entry adds.
        self._forget = forget

    def __call__(self, obj: K) -> V:
        """The value derived from ``obj``, derived now if it is not known yet."""
        entry = self._entries.get(id(obj))
        if entry is not None and entry[0]() is obj:
            return entry[1]
        return self._store(obj)

    def __len__(self) -> int:
        return len(self._entries)

    def _store(self, obj: K) -> V:
        value = self._derive(obj)
        key = id(obj)
        self._entries[key] = (weakref.KeyedRef(obj, self._forget, key), value)
        return value


class LastIdentityCache(IdentityCache[K, V]):
    """An :class:`IdentityCache` that keeps the last object asked for at hand.

    For values derived from a few long-lived objects that a pool asks for once
    per candidate (a rule set's kinds of work): the same object asked again is one
    identity test. The last object is kept alive until another is asked for.

    >>> class Rules:
    ...     pass
    >>> calls = []
    >>> cache = LastIdentityCache(lambda rules: calls.append(1) or len(calls))
    >>> a, b = Rules(), Rules()
    >>> cache(a), cache(a), cache(b), cache(a), len(calls)
    (1, 1, 2, 1, 2)
    """

    __slots__ = ("_last",)

    def __init__(self, derive: Callable[[K], V]) -> None:
        super().__init__(derive)
        self._last: tuple[K, V] | None = None

    def __call__(self, obj: K) -> V:
        """The value derived from ``obj``, derived now if it is not known yet."""
        last = self._last
        if last is not None and last[0] is obj:
            return last[1]
        value = super().__call__(obj)
        self._last = (obj, value)
        return value
