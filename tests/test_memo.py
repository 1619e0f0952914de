"""The package's memo (:class:`expressentry._memo.Memo`): right values, bounded, recent kept.

Kind: property (any sequence of keys, any size).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from expressentry._memo import Memo


@given(st.integers(min_value=1, max_value=8), st.lists(st.integers(0, 20), max_size=200))
def test_a_memo_gives_the_derived_value_holds_at_most_its_size_and_keeps_the_last_key(
    size: int, keys: list[int]
) -> None:
    calls: list[int] = []

    def square(n: int) -> int:
        calls.append(n)
        return n * n

    memo = Memo(square, size=size)
    for key in keys:
        assert memo(key) == key * key
        assert len(memo) <= size
        assert memo.lookup()(key) == key * key  # the key just asked for is kept
    assert len(calls) <= len(keys)


class _Counted:
    """The identity, counting each key it is asked for."""

    def __init__(self) -> None:
        self.calls: list[int] = []

    def __call__(self, n: int) -> int:
        self.calls.append(n)
        return n


def test_a_key_asked_again_at_once_is_not_derived_again() -> None:
    counted = _Counted()
    calls = counted.calls
    memo = Memo(counted, size=1)
    memo(1)
    memo(1)
    memo(2)
    memo(2)
    assert calls == [1, 2]


def test_a_full_memo_forgets_its_older_half_first() -> None:
    counted = _Counted()
    calls = counted.calls
    memo = Memo(counted, size=4)
    for key in (1, 2, 3, 4, 5):  # 5 finds it full: 1 and 2 go together
        memo(key)
    for key in (3, 4, 5):
        memo(key)
    assert calls == [1, 2, 3, 4, 5]
    memo(2)  # gone with 1
    assert calls == [1, 2, 3, 4, 5, 2]
