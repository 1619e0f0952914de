"""A CRS factor as one object: its dated table, how it reads a candidate, its words.

A :class:`CrsFactor` says everything scoring needs to know of one factor:

- ``table``: the rule's :class:`~expressentry.rules.Timeline` (its values, each
  with the day it took effect and its source). Scoring reads the entry through
  the :class:`~expressentry.rules.RuleSet` when the rule set holds the rule (so
  a reform that replaced or zeroed it is what scoring sees), else the entry in
  force on the day scored;
- ``reads``: what of the candidate decides its points on the day, as a hashable
  key (``None``: the factor does not apply, no line);
- ``points``: the points of a key under the table in force;
- ``reason``: the words of its line, which may quote the table in force.

Its line's ``factor`` is :func:`~expressentry.rules.factor_of` its rule id, and
the line cites the entry that gave the points. The plan of a day
(:mod:`~expressentry.scoring.plan`) compiles each factor in force into a memo
of its own keyed by what ``reads`` returns, so a pool words each key once.

The factors of IRCC's sections that scoring reads through its packed codes (the
language, transferability and additional groups) are compiled by hand in the
kernel; a factor that IRCC adds is one more object in :data:`FACTORS`, which
the kernel scores in its section, inside the section's cap, without any other
change (see "Adding a rule change" in the documentation).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from datetime import date
from typing import TYPE_CHECKING, Any, Final, Generic, TypeVar

from attrs import frozen

from expressentry.enums import CrsSection
from expressentry.explain import PointLine, RuleRef
from expressentry.rules import CRS_TIMELINES, Dated, RuleSet, Timeline, factor_of
from expressentry.rules.crs_additional import PROVINCIAL_NOMINATION, SIBLING

if TYPE_CHECKING:
    from expressentry.models import Candidate

__all__ = [
    "FACTORS",
    "NOMINATION",
    "SIBLING_IN_CANADA",
    "CrsFactor",
]

K = TypeVar("K", bound=Hashable)
T = TypeVar("T")

_HELD: Final = frozenset(t.rule_id for t in CRS_TIMELINES.values())
"""Rule ids a rule set holds (and a reform can replace or zero)."""


@frozen(kw_only=True)
class CrsFactor(Generic[K, T]):
    """One CRS factor: its dated table, how it reads a candidate, and its words.

    Attributes:
        table: The rule's timeline; its ``rule_id`` names the factor's lines.
        section: The CRS section whose subtotal and cap the points join.
        reads: ``(candidate, as_of) -> key``: what decides the points on the
            day (hashable), or ``None`` when the factor does not apply (no line).
        points: ``(value, key) -> points``, ``value`` the table in force.
        reason: ``(value, key) -> words`` of the line.
    """

    table: Timeline[T]
    section: CrsSection
    reads: Callable[[Candidate, date], K | None]
    points: Callable[[T, K], int]
    reason: Callable[[T, K], str]

    @property
    def rule_id(self) -> str:
        """The id of the factor's rule, cited by its lines."""
        return self.table.rule_id

    @property
    def factor(self) -> str:
        """The ``factor`` of its lines (:func:`~expressentry.rules.factor_of` its rule id)."""
        return factor_of(self.table.rule_id)

    def in_force(self, rules: RuleSet, as_of: date) -> Dated[T] | None:
        """The entry of its table that ``rules`` apply on ``as_of`` (``None``: not yet in force)."""
        if self.table.rule_id in _HELD:
            return rules.entry(self.table)
        if as_of < self.table.first:
            return None
        return self.table.at(as_of)

    def line(self, entry: Dated[T], key: K) -> PointLine:
        """The line of ``key`` under ``entry``, citing it."""
        rule = RuleRef(
            rule_id=self.table.rule_id, effective_from=entry.effective_from, source=entry.source
        )
        return PointLine(
            section=self.section,
            factor=self.factor,
            points=self.points(entry.value, key),
            reason=self.reason(entry.value, key),
            rule=rule,
        )


def _flag(holds: Callable[[Candidate], bool]) -> Callable[[Candidate, date], bool | None]:
    """A factor that applies when ``holds(candidate)``: its key is ``True``, else ``None``."""
    return lambda c, _day: True if holds(c) else None


def _amount(value: int, _key: object) -> int:
    return value


NOMINATION: Final[CrsFactor[bool, int]] = CrsFactor(
    table=PROVINCIAL_NOMINATION,
    section=CrsSection.ADDITIONAL,
    reads=_flag(lambda c: c.provincial_nomination),
    points=_amount,
    reason=lambda _value, _key: "Provincial or territorial nomination",
)
"""A provincial or territorial nomination."""

SIBLING_IN_CANADA: Final[CrsFactor[bool, int]] = CrsFactor(
    table=SIBLING,
    section=CrsSection.ADDITIONAL,
    reads=_flag(lambda c: c.sibling_in_canada),
    points=_amount,
    reason=lambda _value, _key: "Brother or sister living in Canada",
)
"""A brother or sister living in Canada."""

FACTORS: Final[tuple[CrsFactor[Any, Any], ...]] = ()
"""The factors scored one by one, each with its own memo, after IRCC's four
sections as the kernel compiles them: a factor IRCC adds goes here."""
