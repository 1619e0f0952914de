"""Canadian Experience Class: a year of skilled Canadian work in the last 3 years.

IRPR s. 87.1. The work need not be continuous and may span occupations, but it
excludes self-employment, work while a full-time student and unauthorized work
(the same Canadian kind the CRS counts). The language level needed depends on the
TEER of the qualifying work: CLB 7 for TEER 0 or 1, CLB 5 for TEER 2 or 3. When
the work mixes both, the reading
:data:`~expressentry.rules.programs.CEC_MIXED_TEER_HOURS_BY_LEVEL` decides.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from expressentry._kinds import canadian_kind
from expressentry.enums import Program, Teer
from expressentry.errors import FieldProblem, InvalidInputError
from expressentry.experience import Kind, counted, reaches, segments
from expressentry.i18n import tr
from expressentry.models import Candidate, LanguageResult
from expressentry.rules import RuleSet, programs
from expressentry.rules.programs import CEC_MIN_CLB_BY_TEER, CEC_MIN_HOURS, CEC_WINDOW_YEARS

from ._common import (
    best_result,
    hours,
    level_words,
    no_valid_result,
    outside_quebec,
    quebec_requirement,
    ref,
    result_words,
    teer_message,
    valid_results,
)
from .report import ProgramResult, Requirement, Verdict

__all__ = ["assess_cec", "cec_kinds", "cec_verdict"]

_P = "cec"


class _Work(NamedTuple):
    """What the work rule found, and the language level it makes needed."""

    met: bool
    hours: float
    makes_year: bool
    lower: bool
    needed: int


def _work_check(c: Candidate, as_of: date, rules: RuleSet) -> _Work:
    """A year of skilled Canadian work, and which minimum language level it asks for."""
    kinds = cec_kinds(rules)
    skilled, low, high = kinds.skilled, kinds.lower, kinds.higher
    lowest, highest = kinds.lowest, kinds.highest
    if not segments(c.work_history, skilled, rules.weekly_hours_cap.value):
        return kinds.no_work  # no Canadian skilled work at all (most of a pool)
    years = rules.entry(CEC_WINDOW_YEARS).value
    need = rules.entry(CEC_MIN_HOURS).value
    all_hours = hours(c.work_history, skilled, as_of, years, rules)[0]
    if not reaches(all_hours, need):  # nor, then, the lower TEERs' hours alone
        return _Work(False, all_hours, False, False, highest)
    low_hours = hours(c.work_history, low, as_of, years, rules)[0]
    # CEC_MIXED_TEER_HOURS_BY_LEVEL, read from its module on each call (so a test can flip it)
    makes_year = reaches(low_hours, need)
    lower = makes_year
    if makes_year and not programs.CEC_MIXED_TEER_HOURS_BY_LEVEL:
        # The strict reading: any TEER 0/1 work in the window asks the higher level.
        lower = counted(hours(c.work_history, high, as_of, years, rules)[0]) == 0
    needed = lowest if lower else highest
    return _Work(True, all_hours, makes_year, lower, needed)


class _Kinds(NamedTuple):
    """The kinds of work CEC counts under one rule set, and the language levels they ask."""

    skilled: Kind
    """Canadian skilled work."""
    lower: Kind
    """That of the TEERs asking the lower level."""
    higher: Kind
    """That of the TEERs asking the higher level."""
    lowest: int
    highest: int
    no_work: _Work
    """What the work rule finds without Canadian skilled work (the higher level needed)."""


def cec_kinds(rules: RuleSet) -> _Kinds:
    """The kinds of Canadian work CEC counts under ``rules``, and the levels they ask.

    Derived once per rule set: the checks and the thresholds
    (:func:`~expressentry.eligibility.thresholds.work_thresholds`) read the same.
    """
    return rules.derived("eligibility.cec.kinds", _kinds)


def _kinds(rules: RuleSet) -> _Kinds:
    """The kinds of Canadian work CEC counts under ``rules``, read once per rule set."""
    skilled = rules.skilled_teers.value
    minima = rules.entry(CEC_MIN_CLB_BY_TEER).value
    missing = sorted(t for t in skilled if Teer(t) not in minima)
    if missing:  # a reform made a TEER skilled without saying what level CEC asks for it
        teers = ", ".join(f"TEER {t}" for t in missing)
        raise InvalidInputError(
            "RuleSet",
            [
                FieldProblem(
                    CEC_MIN_CLB_BY_TEER.rule_id,
                    {t.value: level for t, level in minima.items()},
                    tr(
                        "has no level for {teers}, which experience.skilled_teers counts as "
                        "skilled: replace both in the reform",
                        teers=teers,
                    ),
                )
            ],
        )
    highest, lowest = max(minima.values()), min(minima.values())
    high = frozenset(t for t in skilled if minima[Teer(t)] == highest)
    return _Kinds(
        canadian_kind(rules, skilled),
        canadian_kind(rules, skilled - high),
        canadian_kind(rules, high),
        lowest,
        highest,
        _Work(False, 0.0, False, False, highest),
    )


def _language_check(
    c: Candidate, as_of: date, needed: int, rules: RuleSet
) -> tuple[bool, LanguageResult | None]:
    """A valid result at ``needed`` in all four abilities, and the result judged."""
    best = best_result(valid_results(c, as_of, rules), lambda r: r.lowest >= needed)
    return best is not None and best.lowest >= needed, best


def assess_cec(c: Candidate, as_of: date, rules: RuleSet) -> ProgramResult:
    """Every CEC requirement of ``c`` on ``as_of``."""
    years = rules.entry(CEC_WINDOW_YEARS).value
    need = rules.entry(CEC_MIN_HOURS).value
    found = _work_check(c, as_of, rules)
    skilled = rules.skilled_teers.value
    worked = tr(
        "{hours:,} of {need:,} hours of {teers} Canadian work in the {years} years before {day}",
        hours=int(found.hours),
        need=need,
        teers=teer_message(skilled),
        years=years,
        day=as_of,
    )
    work = Requirement(
        id=f"{_P}.work_experience",
        met=found.met,
        reason=str(worked),
        rule=ref(rules, CEC_MIN_HOURS),
        message=worked,
    )
    needed = found.needed
    met, best = _language_check(c, as_of, needed, rules)
    kinds = cec_kinds(rules)
    level = level_words(needed, best)
    if found.lower:
        which = tr(
            "{level} in all four abilities needed ({teers} work makes the year)",
            level=level,
            teers=teer_message(kinds.lower[1]),
        )
    elif found.makes_year:
        which = tr(
            "{level} in all four abilities needed ({teers} work in the window)",
            level=level,
            teers=teer_message(kinds.higher[1]),
        )
    else:
        which = tr("{level} in all four abilities needed", level=level)
    held = (
        no_valid_result(c.languages, as_of, "language", rules)
        if best is None
        else result_words(best)
    )
    reason = tr("{held}; {needed}", held=held, needed=which)
    language = Requirement(
        id=f"{_P}.language",
        met=met,
        reason=str(reason),
        rule=ref(rules, CEC_MIN_CLB_BY_TEER),
        message=reason,
    )
    requirements = (work, language, quebec_requirement(Program.CEC, c, rules))
    return ProgramResult(
        program=Program.CEC, requirements=requirements, eligible=all(r.met for r in requirements)
    )


def cec_verdict(c: Candidate, as_of: date, rules: RuleSet) -> Verdict:
    """The verdict of :func:`assess_cec`, from the same checks, the cheapest first."""
    if not outside_quebec(c):
        return Verdict.NOT_ELIGIBLE
    found = _work_check(c, as_of, rules)
    if found.met and _language_check(c, as_of, found.needed, rules)[0]:
        return Verdict.ELIGIBLE
    return Verdict.NOT_ELIGIBLE
