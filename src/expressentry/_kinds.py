"""Which work counts as which kind of CRS experience (kept free of model imports).

Canadian experience: in Canada, a skilled TEER, paid employment (not
self-employment), not while a full-time student, and authorized (Ministerial
Instructions; IRPR 87.1(3)). Foreign experience: outside Canada and a skilled
TEER; self-employment and work while studying still count.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from expressentry.rules import LAST_REVIEWED, RuleSet, rules_for

if TYPE_CHECKING:
    from expressentry.models import WorkPeriod

__all__ = [
    "DEFAULT_CAP",
    "DEFAULT_RULES",
    "DEFAULT_TEERS",
    "Kind",
    "canadian_kind",
    "foreign_kind",
]

DEFAULT_RULES: Final = rules_for(as_of=LAST_REVIEWED)
"""The rules the day-independent inputs of a profile are derived under: those in
force on the day the tables were last reviewed. A rule set with other skilled
TEERs or another weekly cap derives its own (a scoring plan compares them)."""
DEFAULT_TEERS: Final = DEFAULT_RULES.skilled_teers.value
DEFAULT_CAP: Final = DEFAULT_RULES.weekly_hours_cap.value

Kind = tuple[str, frozenset[int], Callable[["WorkPeriod"], bool]]
"""A kind of experience: its name, the skilled TEERs and the test of one period."""


def canadian_kind(rules: RuleSet, teers: frozenset[int] | None = None) -> Kind:
    """The test for Canadian skilled work under ``rules``: its skilled TEERs, or ``teers``.

    One per set of TEERs, owned by the rule set (:meth:`~expressentry.rules.RuleSet.memo`).
    """
    chosen = rules.skilled_teers.value if teers is None else teers
    return rules.memo("kinds.canadian", _canadian, size=64)(chosen)


def _canadian(teers: frozenset[int]) -> Kind:

    def include(p: WorkPeriod) -> bool:
        return (
            p.in_canada
            and p.teer in teers
            and not p.self_employed
            and not p.full_time_student
            and p.authorized
        )

    return ("canadian", teers, include)


def foreign_kind(rules: RuleSet, teers: frozenset[int] | None = None) -> Kind:
    """The test for foreign skilled work under ``rules``: its skilled TEERs, or ``teers``.

    One per set of TEERs, owned by the rule set.
    """
    chosen = rules.skilled_teers.value if teers is None else teers
    return rules.memo("kinds.foreign", _foreign, size=64)(chosen)


def _foreign(teers: frozenset[int]) -> Kind:

    def include(p: WorkPeriod) -> bool:
        return not p.in_canada and p.teer in teers

    return ("foreign", teers, include)
