"""What a rule set says about the CRS counts a forecast watches, read once per rule set.

The years of experience the CRS pays, and what each number of years earns, with
the rule each cites. The programs' and categories' counts are eligibility's own
(:func:`~expressentry.eligibility.thresholds.work_thresholds`), not written here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final, NamedTuple

from expressentry.eligibility._common import teer_message
from expressentry.experience import (
    Kind,
    canadian_kind,
    foreign_kind,
)
from expressentry.explain import RuleRef
from expressentry.i18n import N_, Message, tr
from expressentry.rules import CRS_TIMELINES, RuleSet
from expressentry.timelines.forecast.crossings import Calendar
from expressentry.timelines.forecast.results import Milestone
from expressentry.timelines.validity import (
    rule_ref,
)

# -- what a rule set says about the CRS counts a forecast watches ------------------------------


class CrsCount(NamedTuple):
    """Years of one kind of work the CRS pays, and what each number of years earns."""

    what: str
    kind: Kind
    rule: RuleRef
    earns: Callable[[int], object]
    what_message: Message


class Terms(NamedTuple):
    """What one rule set says about the CRS counts a forecast watches, read once.

    Every candidate forecast under the rule set reads the same terms: only the
    segments of hours are the candidate's own. The programs' and categories'
    counts are read from :func:`~expressentry.eligibility.thresholds.work_thresholds`.
    """

    cap: int
    per_year: int
    crs_window: int
    crs: tuple[CrsCount, ...]
    """The candidate's Canadian and foreign experience."""
    spouse_crs: CrsCount
    turning: dict[int, tuple[int, tuple[Milestone, ...]]]
    """The tags and milestone of each birthday (filled on first use)."""
    calendar: Calendar
    """The calendar arithmetic of the counts' windows, remembered under these terms."""


def _crs_counts(r: RuleSet) -> tuple[tuple[CrsCount, ...], CrsCount]:
    window = r.crs_window_years.value
    teers = r.skilled_teers.value

    def count(template: str, kind: Kind, attr: str, earns: Callable[[int], object]) -> CrsCount:
        what = tr(template, teers=teer_message(teers), years=window)
        rule = rule_ref(CRS_TIMELINES[attr], getattr(r, attr))
        return CrsCount(str(what), kind, rule, earns, what)

    canadian = canadian_kind(r)
    mine = (
        count(_CANADIAN, canadian, "canadian_experience", _crs_canadian(r)),
        count(_FOREIGN, foreign_kind(r), "transferability_foreign_experience", _crs_foreign(r)),
    )
    return mine, count(_SPOUSE, canadian, "canadian_experience", _crs_spouse(r))


_CANADIAN: Final = N_("CRS: Canadian {teers} experience (last {years} years)")
_FOREIGN: Final = N_("CRS: foreign {teers} experience (last {years} years)")
_SPOUSE: Final = N_("CRS: the spouse's Canadian {teers} experience (last {years} years)")


def _column(years: int, thresholds: tuple[int, int]) -> int:
    return 2 if years >= thresholds[1] else 1 if years >= thresholds[0] else 0


def _crs_canadian(r: RuleSet) -> Callable[[int], object]:
    """What whole years of Canadian experience earn: core points and transferability column."""
    steps = r.canadian_experience.value
    levels = r.transferability_canadian_experience_years.value
    return lambda y: (
        steps.points(y, with_spouse=True),
        steps.points(y, with_spouse=False),
        _column(y, levels),
    )


def _crs_foreign(r: RuleSet) -> Callable[[int], object]:
    levels = r.transferability_foreign_experience_years.value
    return lambda y: _column(y, levels)


def _crs_spouse(r: RuleSet) -> Callable[[int], object]:
    return r.spouse_canadian_experience.value.points


def _terms(r: RuleSet) -> Terms:
    crs, spouse_crs = _crs_counts(r)
    return Terms(
        cap=r.weekly_hours_cap.value,
        per_year=r.hours_per_year.value,
        crs_window=r.crs_window_years.value,
        crs=crs,
        spouse_crs=spouse_crs,
        turning={},
        calendar=Calendar(),
    )


def terms_of(r: RuleSet) -> Terms:
    """The terms of ``r``, read once and owned by the rule set."""
    return r.derived("forecast.terms", _terms)
