"""Program eligibility (FSW, CEC, FST) and category-based selection, explained.

:func:`assess` answers the first question of every consultation: which programs
is the candidate eligible for on a day, which categories could invite them, and
for each requirement not met, by how much. Work experience is counted by
:mod:`expressentry.experience`, the same accounting the CRS uses.
:func:`flags_many` gives the verdicts alone for a whole pool, from the same checks.
:func:`work_thresholds` gives the counts of work a profile crosses as days pass
(hours in a window of years), each program's line on them and its rule.
"""

from __future__ import annotations

from datetime import date

from expressentry.models import Candidate, check_dates, require_candidate, results_under
from expressentry.rules import RuleSet, resolve_rules
from expressentry.rules._timeline import LAST_REVIEWED

from .categories import assess_categories
from .cec import assess_cec
from .flags import flags_many
from .fst import assess_fst
from .fsw import assess_fsw, fsw_grid, primary_occupation
from .report import (
    CategoryResult,
    EligibilityFlags,
    EligibilityReport,
    FswGrid,
    GridLine,
    ProgramResult,
    Requirement,
    Status,
    Verdict,
)
from .thresholds import WorkThreshold, WorkThresholds, work_thresholds

__all__ = [
    "CategoryResult",
    "EligibilityFlags",
    "EligibilityReport",
    "FswGrid",
    "GridLine",
    "ProgramResult",
    "Requirement",
    "Status",
    "Verdict",
    "WorkThreshold",
    "WorkThresholds",
    "assess",
    "flags_many",
    "fsw_grid",
    "primary_occupation",
    "work_thresholds",
]


def assess(
    candidate: Candidate, *, as_of: date | None = None, rules: RuleSet | None = None
) -> EligibilityReport:
    """Program and category eligibility of ``candidate`` on ``as_of``, requirement by requirement.

    Args:
        candidate: The profile.
        as_of: The day assessed (the day the application would be made);
            ``None`` means today.
        rules: Rules to apply instead of those in force on ``as_of`` (a reform,
            as for :func:`~expressentry.score`): program minimums, the FSW grid
            and pass mark, settlement funds, categories and how work is counted.
            The validity of documents is the period in force on each document's
            own date, whatever the rules.

    Raises:
        RulesNotInForceError: ``as_of`` is before the first rules known.
        InvalidInputError: the profile holds a document dated after ``as_of``,
            ``as_of`` is not a date (a ``datetime`` or a string is refused), or
            ``rules`` is not a :class:`~expressentry.rules.RuleSet`.
    """
    day, r = resolve_rules("assess", as_of, rules)
    candidate = require_candidate(candidate, "assess")
    check_dates(candidate, as_of=day)
    candidate = results_under(candidate, r)  # its results read on the charts of r
    programs = (
        assess_fsw(candidate, day, r),
        assess_cec(candidate, day, r),
        assess_fst(candidate, day, r),
    )
    return EligibilityReport(
        as_of=day,
        programs=programs,
        categories=assess_categories(candidate, day, programs, r),
        rules_reviewed_on=LAST_REVIEWED,
    )
