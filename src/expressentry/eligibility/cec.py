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

from expressentry._kinds import canadian_kind
from expressentry.enums import Program, Teer
from expressentry.experience import counted, reaches
from expressentry.models import Candidate
from expressentry.rules import RuleSet, programs
from expressentry.rules.programs import CEC_MIN_CLB_BY_TEER, CEC_MIN_HOURS, CEC_WINDOW_YEARS

from ._common import (
    best_result,
    hours,
    level_words,
    no_valid_result,
    quebec_requirement,
    ref,
    result_words,
    teer_words,
    valid_results,
)
from .report import ProgramResult, Requirement

__all__ = ["assess_cec"]

_P = "cec"


def assess_cec(c: Candidate, as_of: date, rules: RuleSet) -> ProgramResult:
    """Every CEC requirement of ``c`` on ``as_of``."""
    years = rules.entry(CEC_WINDOW_YEARS).value
    need = rules.entry(CEC_MIN_HOURS).value
    skilled = rules.skilled_teers.value
    minima = rules.entry(CEC_MIN_CLB_BY_TEER).value
    high = frozenset(t for t in skilled if minima[Teer(t)] == max(minima.values()))
    low_teers = skilled - high
    all_hours = hours(c.work_history, canadian_kind(skilled), as_of, years, rules)[0]
    low_hours = hours(c.work_history, canadian_kind(low_teers), as_of, years, rules)[0]
    work = Requirement(
        id=f"{_P}.work_experience",
        met=reaches(all_hours, need),
        reason=(
            f"{int(all_hours):,} of {need:,} hours of {teer_words(rules)} Canadian work "
            f"in the {years} years before {as_of.isoformat()}"
        ),
        rule=ref(rules, CEC_MIN_HOURS),
    )
    # CEC_MIXED_TEER_HOURS_BY_LEVEL, read from its module on each call (so a test can flip it)
    makes_year = reaches(low_hours, need)
    lower = makes_year
    if makes_year and not programs.CEC_MIXED_TEER_HOURS_BY_LEVEL:
        # The strict reading: any TEER 0/1 work in the window asks the higher level.
        lower = counted(hours(c.work_history, canadian_kind(high), as_of, years, rules)[0]) == 0
    needed = min(minima.values()) if lower else max(minima.values())
    valid = valid_results(c, as_of)
    best = best_result(valid, lambda r: r.lowest >= needed)
    if lower:
        why = " (TEER 2 or 3 work makes the year)"
    elif makes_year:
        why = " (TEER 0 or 1 work in the window)"
    else:
        why = ""
    which = f"{level_words(needed, best)} in all four abilities needed{why}"
    if best is None:
        reason = f"{no_valid_result(c.languages, as_of, 'language')}; {which}"
    else:
        reason = f"{result_words(best)}; {which}"
    language = Requirement(
        id=f"{_P}.language",
        met=best is not None and best.lowest >= needed,
        reason=reason,
        rule=ref(rules, CEC_MIN_CLB_BY_TEER),
    )
    requirements = (work, language, quebec_requirement(Program.CEC, c, rules))
    return ProgramResult(
        program=Program.CEC, requirements=requirements, eligible=all(r.met for r in requirements)
    )
