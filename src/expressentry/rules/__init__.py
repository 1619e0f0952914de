"""The rules in force on a day, and reforms derived from them.

:func:`rules_for` resolves every rule timeline on one day into an immutable
:class:`RuleSet`. Rule sets are cached by *change point* (the latest day any rule
changed on or before the day asked for), so a whole pool scored on one day
resolves the rules once.

A reform is a rule set derived from another: replace a table, zero a factor or
add one, then score under it (the idea of OpenFisca's reforms).

>>> from datetime import date
>>> rules = rules_for(date(2025, 3, 24))
>>> dict(rules.job_offer.value)
{<JobOfferKind.MAJOR_GROUP_00: 'major_group_00'>: 200, <JobOfferKind.OTHER_SKILLED: 'other_skilled'>: 50}
>>> rules_for(date(2025, 3, 25)).in_force_from
datetime.date(2025, 3, 25)
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Mapping
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

import attrs
from attrs import frozen

from expressentry.enums import (
    CanadianCredential,
    CrsSection,
    EducationLevel,
    EducationTier,
    ForeignExperienceTier,
    FrenchBonus,
    JobOfferKind,
)
from expressentry.errors import FieldProblem, InvalidInputError, RulesNotInForceError
from expressentry.rules import (
    categories,
    crs_additional,
    crs_core,
    crs_spouse,
    crs_transferability,
    experience,
    fsw_grid,
    language_tables,
    programs,
    settlement_funds,
)
from expressentry.rules._tables import SpouseSteps, Steps, zeroed
from expressentry.rules._timeline import LAST_REVIEWED, Dated, Source, Timeline

if TYPE_CHECKING:
    from expressentry.models import Candidate

__all__ = [
    "CRS_TIMELINES",
    "LAST_REVIEWED",
    "TIMELINES",
    "AddedFactor",
    "Dated",
    "RuleSet",
    "Source",
    "SpouseSteps",
    "Steps",
    "Timeline",
    "rules_for",
]

CRS_TIMELINES: Final[Mapping[str, Timeline[Any]]] = MappingProxyType(
    {
        "age": crs_core.AGE,
        "education": crs_core.EDUCATION,
        "first_language": crs_core.FIRST_LANGUAGE,
        "second_language": crs_core.SECOND_LANGUAGE,
        "second_language_cap": crs_core.SECOND_LANGUAGE_CAP,
        "canadian_experience": crs_core.CANADIAN_EXPERIENCE,
        "spouse_education": crs_spouse.SPOUSE_EDUCATION,
        "spouse_language": crs_spouse.SPOUSE_LANGUAGE,
        "spouse_canadian_experience": crs_spouse.SPOUSE_CANADIAN_EXPERIENCE,
        "education_language": crs_transferability.EDUCATION_LANGUAGE,
        "education_experience": crs_transferability.EDUCATION_EXPERIENCE,
        "foreign_language": crs_transferability.FOREIGN_LANGUAGE,
        "foreign_experience": crs_transferability.FOREIGN_EXPERIENCE,
        "certificate_language": crs_transferability.CERTIFICATE_LANGUAGE,
        "transferability_group_cap": crs_transferability.GROUP_CAP,
        "transferability_cap": crs_transferability.SECTION_CAP,
        "provincial_nomination": crs_additional.PROVINCIAL_NOMINATION,
        "job_offer": crs_additional.JOB_OFFER,
        "canadian_study": crs_additional.CANADIAN_STUDY,
        "french": crs_additional.FRENCH,
        "sibling": crs_additional.SIBLING,
        "additional_cap": crs_additional.ADDITIONAL_CAP,
        "skilled_teers": experience.SKILLED_TEERS,
        "weekly_hours_cap": experience.WEEKLY_HOURS_CAP,
        "hours_per_year": experience.HOURS_PER_YEAR,
        "crs_window_years": experience.CRS_WINDOW_YEARS,
    }
)
"""Every timeline a :class:`RuleSet` resolves, by the attribute that holds it."""

TIMELINES: Final[tuple[Timeline[Any], ...]] = (
    *CRS_TIMELINES.values(),
    *language_tables.CHARTS.values(),
    *fsw_grid.TIMELINES,
    *settlement_funds.TIMELINES,
    *programs.TIMELINES,
    categories.CATEGORY_WORK_RULE,
    categories.CATEGORY_SETS,
)
"""Every rule timeline the library ships (the rules reference lists each one)."""

_CHANGE_POINTS: Final = tuple(sorted({d for t in CRS_TIMELINES.values() for d in t.change_dates}))
"""Days on which a rule a :class:`RuleSet` resolves changed. Only those: the FSW grid
(from 2013-05-04), funds tables and language charts are looked up on their own."""
_FIRST: Final = _CHANGE_POINTS[0]


@frozen(kw_only=True)
class AddedFactor:
    """A factor a reform adds to the CRS, such as a proposed high-wage factor.

    Attributes:
        rule_id: Id shown on the factor's lines, e.g. ``"reform.high_wage"``.
        section: The CRS section whose cap and subtotal it joins.
        title: What the factor rewards, in words.
        points: ``(candidate, as_of) -> (points, reason)``; the reason is the
            line's plain explanation. Points must be 0 or more.
        source: Where the proposal is published.
    """

    rule_id: str
    section: CrsSection
    title: str
    points: Callable[[Candidate, date], tuple[int, str]]
    source: Source


@frozen(kw_only=True)
class RuleSet:
    """Every CRS rule in force from one day, each with its dated source.

    Build one with :func:`rules_for`; derive reforms with :meth:`replace`,
    :meth:`zero` and :meth:`add_factor`. Fields hold :class:`Dated` entries so a
    breakdown line can cite the entry that gave its points.
    """

    in_force_from: date
    reform: str | None = None
    age: Dated[SpouseSteps]
    education: Dated[Mapping[EducationLevel, tuple[int, int]]]
    first_language: Dated[SpouseSteps]
    second_language: Dated[Steps]
    second_language_cap: Dated[tuple[int, int]]
    canadian_experience: Dated[SpouseSteps]
    spouse_education: Dated[Mapping[EducationLevel, int]]
    spouse_language: Dated[Steps]
    spouse_canadian_experience: Dated[Steps]
    education_language: Dated[Mapping[EducationTier, tuple[int, int]]]
    education_experience: Dated[Mapping[EducationTier, tuple[int, int]]]
    foreign_language: Dated[Mapping[ForeignExperienceTier, tuple[int, int]]]
    foreign_experience: Dated[Mapping[ForeignExperienceTier, tuple[int, int]]]
    certificate_language: Dated[tuple[int, int]]
    transferability_group_cap: Dated[int]
    transferability_cap: Dated[int]
    provincial_nomination: Dated[int]
    job_offer: Dated[Mapping[JobOfferKind, int]]
    canadian_study: Dated[Mapping[CanadianCredential, int]]
    french: Dated[Mapping[FrenchBonus, int]]
    sibling: Dated[int]
    additional_cap: Dated[int]
    skilled_teers: Dated[frozenset[int]]
    weekly_hours_cap: Dated[int]
    hours_per_year: Dated[int]
    crs_window_years: Dated[int]
    added_factors: tuple[AddedFactor, ...] = ()
    last_reviewed: date = LAST_REVIEWED
    _plans: dict[date, Any] = attrs.field(init=False, repr=False, eq=False, factory=dict)
    """Scoring plans compiled from this rule set, one per day (see expressentry.crs)."""

    @property
    def edition(self) -> str:
        """A label for the rule set, derived from its dates and reform name."""
        label = f"rules in force from {self.in_force_from.isoformat()}"
        return f"{label}, reform: {self.reform}" if self.reform else label

    def clear_compiled(self) -> None:
        """Forget the scoring plans compiled from this rule set, and their memos.

        Scoring compiles the rules once per day scored and remembers the points
        of inputs it has met; both are rebuilt on the next score. Call this to
        free that memory in a long-running process, or to time a cold first pass.
        """
        self._plans.clear()

    def entry(self, rule_id: str) -> Dated[Any]:
        """The dated entry of the rule with this id (``"crs.additional.sibling"``).

        Raises:
            InvalidInputError: no rule has that id.
        """
        return getattr(self, _attr_of(rule_id))  # type: ignore[no-any-return]

    def replace(
        self, rule_id: str, value: object, *, reform: str, source: Source | None = None
    ) -> RuleSet:
        """A reform: this rule set with one table or amount replaced.

        ``value`` must have the shape of the value it replaces (a mapping for a
        mapping, a :class:`Steps` for a :class:`Steps`...).

        >>> from datetime import date
        >>> r = rules_for(date(2026, 11, 22)).replace(
        ...     "crs.additional.sibling", 0, reform="no sibling points")
        >>> r.sibling.value, r.edition
        (0, 'rules in force from 2025-03-25, reform: no sibling points')
        """
        attr = _attr_of(rule_id)
        old: Dated[Any] = getattr(self, attr)
        if isinstance(old.value, Mapping) and isinstance(value, Mapping):
            value = MappingProxyType(dict(value))
        if not isinstance(value, type(old.value)) or (
            isinstance(old.value, Mapping) and set(value) != set(old.value)
        ):
            raise InvalidInputError(
                "RuleSet.replace",
                [FieldProblem("value", value, f"must have the shape of {old.value!r}")],
            )
        new = Dated(self.in_force_from, value, source or old.source, f"Reform: {reform}")
        changes: dict[str, Any] = {attr: new, "reform": _join(self.reform, reform)}
        return attrs.evolve(self, **changes)

    def zero(self, rule_id: str, *, reform: str) -> RuleSet:
        """A reform: this rule set with every point of one factor set to 0.

        >>> from datetime import date
        >>> r = rules_for(date(2026, 11, 22)).zero("crs.additional.french", reform="no French points")
        >>> sorted(r.french.value.values())
        [0, 0]
        """
        old = self.entry(rule_id)
        return self.replace(rule_id, zeroed(old.value), reform=reform)

    def add_factor(self, factor: AddedFactor, *, reform: str) -> RuleSet:
        """A reform: this rule set with one more factor, scored in ``factor.section``."""
        return attrs.evolve(
            self,
            added_factors=(*self.added_factors, factor),
            reform=_join(self.reform, reform),
        )


def _join(old: str | None, new: str) -> str:
    return new if old is None else f"{old}; {new}"


_ATTR_BY_RULE_ID: Final = {t.rule_id: name for name, t in CRS_TIMELINES.items()}


def _attr_of(rule_id: str) -> str:
    try:
        return _ATTR_BY_RULE_ID[rule_id]
    except KeyError:
        known = ", ".join(sorted(_ATTR_BY_RULE_ID))
        raise InvalidInputError(
            "RuleSet",
            [FieldProblem("rule_id", rule_id, f"is not a rule id; known: {known}")],
        ) from None


def _change_point(as_of: date) -> date:
    i = bisect.bisect_right(_CHANGE_POINTS, as_of) - 1
    if i < 0:
        raise RulesNotInForceError("crs", as_of, _FIRST)
    return _CHANGE_POINTS[i]


@functools.cache
def _resolve(change_point: date) -> RuleSet:
    values: dict[str, Any] = {name: t.at(change_point) for name, t in CRS_TIMELINES.items()}
    in_force = max(d.effective_from for d in values.values())
    return RuleSet(in_force_from=in_force, **values)


def rules_for(as_of: date) -> RuleSet:
    """The CRS rules in force on ``as_of``.

    Raises:
        RulesNotInForceError: ``as_of`` is before Express Entry opened (2015-01-01).
    """
    return _resolve(_change_point(as_of))
