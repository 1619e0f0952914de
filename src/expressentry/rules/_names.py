"""The names of a CRS rule: its id, its short name, its factor and its attribute.

Every CRS rule has one name, its rule id; the others are derived from it
(:func:`factor_of`, :func:`attribute_of`).
"""

from __future__ import annotations

from typing import Any, Final

from expressentry._checks import require_text
from expressentry.errors import FieldProblem, InvalidInputError
from expressentry.i18n import tr
from expressentry.rules import (
    crs_additional,
    crs_core,
    crs_spouse,
    crs_transferability,
    experience,
)
from expressentry.rules._timeline import Timeline

__all__ = ["CRS_IDS", "CRS_RULES", "attribute_of", "factor_of", "short_name"]

CRS_RULES: Final[tuple[Timeline[Any], ...]] = (
    crs_core.AGE,
    crs_core.EDUCATION,
    crs_core.FIRST_LANGUAGE,
    crs_core.SECOND_LANGUAGE,
    crs_core.SECOND_LANGUAGE_CAP,
    crs_core.CANADIAN_EXPERIENCE,
    crs_spouse.SPOUSE_EDUCATION,
    crs_spouse.SPOUSE_LANGUAGE,
    crs_spouse.SPOUSE_CANADIAN_EXPERIENCE,
    crs_transferability.EDUCATION_LANGUAGE,
    crs_transferability.EDUCATION_EXPERIENCE,
    crs_transferability.FOREIGN_LANGUAGE,
    crs_transferability.FOREIGN_EXPERIENCE,
    crs_transferability.CERTIFICATE_LANGUAGE,
    crs_transferability.LANGUAGE_LEVELS,
    crs_transferability.CANADIAN_EXPERIENCE_YEARS,
    crs_transferability.FOREIGN_EXPERIENCE_YEARS,
    crs_transferability.CERTIFICATE_LANGUAGE_LEVELS,
    crs_transferability.GROUP_CAP,
    crs_transferability.SECTION_CAP,
    crs_additional.PROVINCIAL_NOMINATION,
    crs_additional.JOB_OFFER,
    crs_additional.CANADIAN_STUDY,
    crs_additional.FRENCH,
    crs_additional.FRENCH_LEVELS,
    crs_additional.SIBLING,
    crs_additional.ADDITIONAL_CAP,
    experience.SKILLED_TEERS,
    experience.WEEKLY_HOURS_CAP,
    experience.HOURS_PER_YEAR,
    experience.CRS_WINDOW_YEARS,
)
"""Every CRS rule, in the order of the sections."""

CRS_IDS: Final = frozenset(t.rule_id for t in CRS_RULES)

NAMESPACES: Final = ("crs.core.", "crs.", "experience.")
"""The start of a rule id that its other names leave out (the first that matches)."""


def short_name(rule_id: str) -> str:
    """``rule_id`` without its namespace: ``crs.spouse.education`` -> ``spouse.education``."""
    for prefix in NAMESPACES:
        if rule_id.startswith(prefix):
            return rule_id[len(prefix) :]
    return rule_id


def factor_of(rule_id: str, part: str | None = None) -> str:
    """The ``factor`` of the breakdown lines of a CRS rule.

    Every CRS rule has one name, its rule id; its other names are derived from
    it. Its *short name* is the id without ``crs.core.`` (the core factors),
    ``crs.`` (the other sections) or ``experience.`` (the counting of work
    experience). A line's factor is the short name of the rule that gave its
    points, then ``.part`` when the rule gives several lines: the ability of a
    language line (``listening``, ``speaking``, ``reading``, ``writing``),
    ``expired`` for the one 0-point line of an expired language result, and the
    group a transferability group cap takes points from (``education``,
    ``foreign_experience``). The line of a factor a reform adds
    (:class:`~expressentry.rules.AddedFactor`) is named the same way from its ``rule_id``.

    >>> factor_of("crs.core.age"), factor_of("crs.spouse.first_language", "listening")
    ('age', 'spouse.first_language.listening')
    >>> factor_of("crs.transferability.group_cap", "education")
    'transferability.group_cap.education'
    >>> factor_of("reform.high_wage")
    'reform.high_wage'

    The line of an expired document (a language result, an ECA) cites the
    validity rule instead (:mod:`expressentry.timelines.validity`); its factor is still
    that of the CRS rule it is a line of (``first_language.expired``,
    ``education``).

    Raises:
        InvalidInputError: ``rule_id`` is not a string, or ``part`` is neither a
            string nor ``None``.
    """
    if type(rule_id) is not str or (part is not None and type(part) is not str):
        rule_id = require_text(rule_id, "rule_id", "factor_of", 'a rule id such as "crs.core.age"')
        if part is not None:
            part = require_text(part, "part", "factor_of", 'a part such as "listening", or None')
    name = short_name(rule_id)
    return name if part is None else f"{name}.{part}"


def attribute_of(rule_id: str) -> str:
    """The :class:`~expressentry.rules.RuleSet` attribute that holds a CRS rule.

    The rule's short name (see :func:`factor_of`) with its dots turned to
    underscores: the id without ``crs.core.``, ``crs.`` or ``experience.``.

    >>> attribute_of("crs.core.age"), attribute_of("crs.spouse.first_language")
    ('age', 'spouse_first_language')
    >>> attribute_of("crs.additional.job_offer"), attribute_of("experience.skilled_teers")
    ('additional_job_offer', 'skilled_teers')

    Raises:
        InvalidInputError: ``rule_id`` is not a string, or not the id of a CRS
            rule (an eligibility rule has no attribute: read it with
            :meth:`~expressentry.rules.RuleSet.entry`).
    """
    rule_id = require_text(rule_id, "rule_id", "attribute_of", 'a rule id such as "crs.core.age"')
    if rule_id not in CRS_IDS:
        known = ", ".join(sorted(CRS_IDS))
        raise InvalidInputError(
            "attribute_of",
            [FieldProblem("rule_id", rule_id, tr("is not a CRS rule id; known: {ids}", ids=known))],
        )
    return short_name(rule_id).replace(".", "_")
