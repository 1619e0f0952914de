"""The package's memos: bounded, and each owned by the object whose values it keeps.

A pool asks the same questions of the same few values (a test date, a score on a
chart, a rule set's kinds of work) hundreds of thousands of times. Two shapes of
memo cover every case, and nothing else in the package keeps values of its own:

- :class:`Memo`: values derived from hashable keys, at most ``size`` of them (the
  older half goes when it is full). A memo that depends on rules belongs to the
  :class:`~expressentry.rules.RuleSet` it was derived under
  (:meth:`~expressentry.rules.RuleSet.memo`), so a reform never reads a value
  derived under other rules, and the memos go with the rule set.
- :class:`IdentityCache`: values derived from an immutable object, kept for as
  long as the object lives, keyed by its identity: hashing a whole profile by
  value on every lookup would cost more than deriving it again. An entry goes when
  its object is garbage collected (a weak reference's callback).

One more table is not a memo: :class:`Shared` keeps one object for each value
of a few immutable kinds (a day, a score, an education), so that equal values
unpickled in one process are one object, not one copy per profile.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from itertools import islice
from typing import Generic, TypeVar

__all__ = ["IdentityCache", "LastIdentityCache", "Memo", "Shared"]

K = TypeVar("K")
V = TypeVar("V")


class Memo(Generic[K, V]):
    """``derive(key)`` remembered for at most ``size`` keys; when full, the older half goes.

    >>> calls = []
    >>> square = Memo(lambda n: calls.append(n) or n * n, size=2)
    >>> square(3), square(3), square(4), square(5), square(3), calls
    (9, 9, 16, 25, 9, [3, 4, 5, 3])
    >>> len(square)
    2
    """

    __slots__ = ("_derive", "_entries", "size")

    def __init__(self, derive: Callable[[K], V], *, size: int) -> None:
        if size < 1:
            msg = f"a memo holds at least 1 entry, not {size}"
            raise ValueError(msg)
        self._derive = derive
        self._entries: dict[K, V] = {}
        self.size = size

    def __call__(self, key: K) -> V:
        """The value derived from ``key``, derived now if it is not kept."""
        entries = self._entries
        try:
            return entries[key]
        except KeyError:
            pass
        value = self._derive(key)
        if len(entries) >= self.size:
            # The oldest half goes at once (dicts keep order). Deleting the oldest
            # entry one miss at a time cost a scan of every slot deleted before it:
            # a full memo that kept missing (a chart read for a million results)
            # cost more than no memo. Half at a time, one scan per size/2 misses.
            for old in list(islice(entries, max(1, self.size // 2))):
                del entries[old]
        entries[key] = value
        return value

    def __len__(self) -> int:
        return len(self._entries)

    def lookup(self) -> Callable[[K], V | None]:
        """The look-up of the kept values alone (``None`` for a key not kept), for hot loops.

        It derives nothing: a caller that gets ``None`` calls the memo itself.
        """
        return self._entries.get

    def clear(self) -> None:
        """Forget every value."""
        self._entries.clear()


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


class Shared(Generic[K, V]):
    """One immutable object per key, for at most ``size`` keys: equal values share it.

    Unpickling a pool builds the same day, score or education once for each
    profile that holds it; looking it up here first keeps one object for all of
    them (less memory, fewer objects for the collector to walk). When the table is
    full it is emptied and fills again, so it never holds more than ``size``
    values, and a value it forgot is only built again. Read :attr:`entries`
    directly (``entries.get(key)``): the look-up is on the hot path.

    >>> days = Shared(size=2)
    >>> a = days.keep(1, "one")
    >>> days.entries.get(1), days.entries.get(2)
    ('one', None)
    >>> days.keep(2, "two"), days.keep(3, "three"), sorted(days.entries)
    ('two', 'three', [3])
    """

    __slots__ = ("entries", "size")

    def __init__(self, *, size: int) -> None:
        if size < 1:
            msg = f"a shared table holds at least 1 entry, not {size}"
            raise ValueError(msg)
        self.entries: dict[K, V] = {}
        self.size = size

    def keep(self, key: K, value: V) -> V:
        """Keep ``value`` as the one object for ``key``, and return it."""
        entries = self.entries
        if len(entries) >= self.size:
            entries.clear()
        entries[key] = value
        return value


_INTS: Shared[int, int] = Shared(size=1 << 16)
"""Each large int once (see :func:`one_int`)."""


def one_int(n: int) -> int:
    """``n``, the one object kept for its value in a process.

    Python keeps one object for each int from -5 to 256; a larger one is an object
    of 28 bytes each time it is computed. The day numbers and codes a pool's
    profiles keep for scoring take a few thousand values: shared here, a profile
    holds pointers to them instead of objects of its own.

    >>> one_int(739000) is one_int(738999 + 1)
    True
    """
    if -5 <= n <= 256:
        return n
    found = _INTS.entries.get(n)
    return _INTS.keep(n, n) if found is None else found
