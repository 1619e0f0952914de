"""Which work counts as which kind of CRS experience (kept free of model imports).

Canadian experience: in Canada, a skilled TEER, paid employment (not
self-employment), not while a full-time student, and authorized (Ministerial
Instructions; IRPR 87.1(3)). Foreign experience: outside Canada and a skilled
TEER; self-employment and work while studying still count.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from expressentry.rules.experience import SKILLED_TEERS, WEEKLY_HOURS_CAP

if TYPE_CHECKING:
    from expressentry.models import WorkPeriod

__all__ = ["DEFAULT_CAP", "DEFAULT_TEERS", "Kind", "canadian_kind", "foreign_kind"]

DEFAULT_TEERS: Final = SKILLED_TEERS.entries[-1].value
DEFAULT_CAP: Final = WEEKLY_HOURS_CAP.entries[-1].value

Kind = tuple[str, frozenset[int], Callable[["WorkPeriod"], bool]]
"""A kind of experience: its name, the skilled TEERs and the test of one period."""


@functools.cache
def canadian_kind(teers: frozenset[int] = DEFAULT_TEERS) -> Kind:
    """The test for Canadian skilled work with these TEERs (one per set of TEERs)."""

    def include(p: WorkPeriod) -> bool:
        return (
            p.in_canada
            and p.teer in teers
            and not p.self_employed
            and not p.full_time_student
            and p.authorized
        )

    return ("canadian", teers, include)


@functools.cache
def foreign_kind(teers: frozenset[int] = DEFAULT_TEERS) -> Kind:
    """The test for foreign skilled work with these TEERs (one per set of TEERs)."""

    def include(p: WorkPeriod) -> bool:
        return not p.in_canada and p.teer in teers

    return ("foreign", teers, include)
