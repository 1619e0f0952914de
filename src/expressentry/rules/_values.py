"""The checks of a reform's value (:meth:`~expressentry.rules.RuleSet.replace`).

A new value must have the shape of the value it replaces, and every amount in it
must be valid: points are whole numbers of 0 or more; levels, windows, hours and
periods have ranges of their own (:data:`LIMITS`); threshold pairs must rise
(:data:`RISING`); a switch stays ``True`` or ``False``.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from types import MappingProxyType
from typing import Any, Final

import attrs

from expressentry._checks import a_kind
from expressentry.enums import Teer
from expressentry.errors import FieldProblem
from expressentry.i18n import N_, Count, tr
from expressentry.rules import (
    crs_additional,
    crs_transferability,
    experience,
    fsw_grid,
    programs,
    timelines,
)
from expressentry.rules._tables import SpouseSteps, Steps

__all__ = ["LIMITS", "RISING", "checked_value"]

LIMITS: Final[Mapping[str, tuple[int, str]]] = MappingProxyType(
    {
        experience.WEEKLY_HOURS_CAP.rule_id: (168, "hours (the hours in a week)"),
        experience.HOURS_PER_YEAR.rule_id: (8_784, "hours (the hours in a leap year)"),
        experience.CRS_WINDOW_YEARS.rule_id: (200, N_("years")),
        crs_transferability.LANGUAGE_LEVELS.rule_id: (12, "(a CLB or NCLC level)"),
        crs_transferability.CANADIAN_EXPERIENCE_YEARS.rule_id: (200, N_("years")),
        crs_transferability.FOREIGN_EXPERIENCE_YEARS.rule_id: (200, N_("years")),
        crs_transferability.CERTIFICATE_LANGUAGE_LEVELS.rule_id: (12, "(a CLB or NCLC level)"),
        crs_additional.FRENCH_LEVELS.rule_id: (12, "(a CLB or NCLC level)"),
        programs.FSW_WINDOW_YEARS.rule_id: (200, N_("years")),
        programs.CEC_WINDOW_YEARS.rule_id: (200, N_("years")),
        programs.FST_WINDOW_YEARS.rule_id: (200, N_("years")),
        programs.FSW_MIN_HOURS.rule_id: (100_000, N_("hours")),
        programs.CEC_MIN_HOURS.rule_id: (100_000, N_("hours")),
        programs.FST_MIN_HOURS.rule_id: (100_000, N_("hours")),
        programs.CEC_MIN_CLB_BY_TEER.rule_id: (12, "(a CLB or NCLC level)"),
        programs.FST_MIN_CLB.rule_id: (12, "(a CLB or NCLC level)"),
        fsw_grid.MIN_FIRST_LANGUAGE_CLB.rule_id: (12, "(a CLB or NCLC level)"),
        fsw_grid.SPOUSE_LANGUAGE_MIN_CLB.rule_id: (12, "(a CLB or NCLC level)"),
        fsw_grid.PASS_MARK.rule_id: (100, "points (the grid's total)"),
        programs.LANGUAGE_RESULT_VALID_YEARS.rule_id: (100, N_("years")),
        programs.ECA_VALID_YEARS.rule_id: (100, N_("years")),
        timelines.ITA_WINDOW_DAYS.rule_id: (3_660, N_("days")),
        timelines.PROFILE_POOL_MONTHS.rule_id: (1_200, N_("months")),
        timelines.MEDICAL_VALID_MONTHS.rule_id: (1_200, N_("months")),
        timelines.POLICE_CURRENT_COUNTRY_MONTHS.rule_id: (1_200, N_("months")),
    }
)
"""Rules where 0 is meaningless, by rule id: each must be 1 to its highest value."""

RISING: Final = frozenset(
    {
        crs_transferability.LANGUAGE_LEVELS.rule_id,
        crs_transferability.CANADIAN_EXPERIENCE_YEARS.rule_id,
        crs_transferability.FOREIGN_EXPERIENCE_YEARS.rule_id,
        crs_transferability.CERTIFICATE_LANGUAGE_LEVELS.rule_id,
    }
)
"""Threshold pairs ``(lower, higher)``: the second must be above the first."""

_TEERS: Final = frozenset(range(6))


def _key_text(key: object) -> str:
    return repr(key.value if isinstance(key, Enum) else key)


def checked_value(
    value: object,
    old: object,
    path: str,
    limit: tuple[int, str] | None,
    problems: list[FieldProblem],
) -> object:
    """``value`` in the shape of ``old`` (mappings read-only, keys those of ``old``).

    Each problem found is added to ``problems``, named by its place in ``value``.
    """
    if isinstance(old, Steps | SpouseSteps) or attrs.has(type(old)):
        # A step table, funds table, list of trades...: its constructor checked it.
        if not isinstance(value, type(old)):
            words = tr("must be {kind}, as before", kind=a_kind(type(old).__name__))
            problems.append(FieldProblem(path, value, words))
        return value
    if isinstance(old, frozenset):
        if all(isinstance(t, Teer) for t in old):
            return _checked_teers(value, path, problems)
        return _checked_members(value, old, path, problems)
    if isinstance(old, Mapping):
        return _checked_mapping(value, old, path, limit, problems)
    if isinstance(old, tuple):
        return _checked_tuple(value, old, path, limit, problems)
    if isinstance(old, bool):  # a switch: whether a rule applies
        if not isinstance(value, bool):
            problems.append(FieldProblem(path, value, tr("must be True or False")))
    else:
        _check_amount(value, path, limit, problems)
    return value


def _checked_teers(value: object, path: str, problems: list[FieldProblem]) -> object:
    if not isinstance(value, set | frozenset):
        problems.append(FieldProblem(path, value, tr("must be a set of TEERs (0 to 5)")))
        return value
    wrong = [t for t in value if isinstance(t, bool) or not isinstance(t, int) or t not in _TEERS]
    if wrong:
        listed = ", ".join(sorted(repr(t) for t in wrong))
        words = tr("must hold TEERs 0 to 5 only, not {listed}", listed=listed)
        problems.append(FieldProblem(path, value, words))
        return value
    return frozenset(Teer(t) for t in value)


def _checked_members(
    value: object, old: frozenset[Any], path: str, problems: list[FieldProblem]
) -> object:
    """A set of members of the enum ``old`` holds (members or their values)."""
    kind = type(next(iter(old)))
    if not isinstance(value, set | frozenset):
        problems.append(
            FieldProblem(path, value, tr("must be a set of {name}", name=kind.__name__))
        )
        return value
    out = set()
    for member in value:
        try:
            out.add(kind(member))
        except (ValueError, TypeError):
            known = ", ".join(repr(m.value) for m in kind)
            words = tr("{member} is not one of {known}", member=repr(member), known=known)
            problems.append(FieldProblem(path, value, words))
    return frozenset(out)


def _checked_mapping(
    value: object,
    old: Mapping[Any, Any],
    path: str,
    limit: tuple[int, str] | None,
    problems: list[FieldProblem],
) -> object:
    if not isinstance(value, Mapping):
        problems.append(FieldProblem(path, value, tr("must be a mapping with the same keys")))
        return value
    if old and all(isinstance(k, Teer) for k in old):
        return _checked_by_teer(value, old, path, limit, problems)
    given = dict(value)
    missing = [k for k in old if k not in given]
    extra = [k for k in given if k not in old]
    if missing or extra:
        message = tr("must have exactly the keys {keys}", keys=", ".join(_key_text(k) for k in old))
        if missing:
            gone = ", ".join(_key_text(k) for k in missing)
            message = tr("{message}; missing {keys}", message=message, keys=gone)
        if extra:
            unknown = ", ".join(_key_text(k) for k in extra)
            message = tr("{message}; unknown {keys}", message=message, keys=unknown)
        problems.append(FieldProblem(path, value, message))
        return value
    return MappingProxyType(
        {
            k: checked_value(given[k], v, f"{path}[{_key_text(k)}]", limit, problems)
            for k, v in old.items()
        }
    )


def _checked_by_teer(
    value: Mapping[Any, Any],
    old: Mapping[Any, Any],
    path: str,
    limit: tuple[int, str] | None,
    problems: list[FieldProblem],
) -> object:
    """A value per TEER: any TEERs 0 to 5 (a reform may add one it makes skilled)."""
    wrong = [k for k in value if isinstance(k, bool) or not isinstance(k, int) or k not in _TEERS]
    if wrong or not value:
        listed = ", ".join(sorted(repr(k) for k in wrong))
        problems.append(
            FieldProblem(
                path,
                value,
                (
                    tr("must map TEERs 0 to 5 to a value; not {listed}", listed=listed)
                    if listed
                    else tr("must map TEERs 0 to 5 to a value; not none")
                ),
            )
        )
        return value
    example = next(iter(old.values()))
    return MappingProxyType(
        {
            Teer(k): checked_value(v, example, f"{path}[{k!r}]", limit, problems)
            for k, v in sorted(value.items())
        }
    )


def _checked_tuple(
    value: object,
    old: tuple[Any, ...],
    path: str,
    limit: tuple[int, str] | None,
    problems: list[FieldProblem],
) -> object:
    if not isinstance(value, tuple) or len(value) != len(old):
        problems.append(
            FieldProblem(
                path, value, tr("must be a tuple of {count} items, as before", count=len(old))
            )
        )
        return value
    return tuple(
        checked_value(v, o, f"{path}[{i}]", limit, problems)
        for i, (v, o) in enumerate(zip(value, old, strict=True))
    )


def _check_amount(
    value: object, path: str, limit: tuple[int, str] | None, problems: list[FieldProblem]
) -> None:
    """A whole number: points (0 or more), or a cap, hours or years (1 to ``limit``)."""
    if isinstance(value, bool) or not isinstance(value, int):
        problems.append(FieldProblem(path, value, tr("must be a whole number (an int)")))
    elif limit is not None:
        most, unit = limit
        if not 0 < value <= most:
            words = tr("must be 1 to {most} {unit}", most=Count(most), unit=tr(unit))
            problems.append(FieldProblem(path, value, words))
    elif value < 0:
        problems.append(FieldProblem(path, value, tr("must be 0 or more points")))
