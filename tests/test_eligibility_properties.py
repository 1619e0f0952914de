"""Invariants of eligibility, over generated profiles and days.

Kind: property (monotonicity, the FSW grid's 100-point maximum, round trips). The
grid's maximum is IRCC's "Six selection factors"
(https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/eligibility/federal-skilled-workers/six-selection-factors-federal-skilled-workers.html,
read 2026-11-22). "Eligible exactly when every requirement is met" and "the grid
total is the sum of its lines" are not tested here: ``ProgramResult``,
``CategoryResult`` and ``FswGrid`` refuse to exist otherwise.
"""

from __future__ import annotations

from datetime import date

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from expressentry import Candidate, EligibilityReport, WorkHistory, assess, from_json, to_json
from tests.strategies import dated_candidates, sixteenth_birthday, work_periods

pytestmark = pytest.mark.slow  # a long test: CI runs it (pytest -m slow)


@st.composite
def with_more_work(draw: st.DrawFn) -> tuple[date, Candidate, Candidate]:
    """A day, a candidate valid on it, and the same candidate with one more job."""
    as_of, c = draw(dated_candidates())
    earliest = sixteenth_birthday(c.date_of_birth)
    if earliest > as_of:  # too young on the day to have worked
        return as_of, c, c
    extra = draw(work_periods(before=as_of, earliest=earliest))
    more = WorkHistory(periods=(*c.work_history.periods, extra))
    return as_of, c, attrs.evolve(c, work_history=more)


@given(with_more_work())
def test_more_work_never_costs_eligibility(case: tuple[date, Candidate, Candidate]) -> None:
    as_of, before, after = case
    was, now = assess(before, as_of=as_of), assess(after, as_of=as_of)
    for p_was, p_now in zip(was.programs, now.programs, strict=True):
        assert not p_was.eligible or p_now.eligible, (p_was.program, p_now.unmet)
        if p_was.grid is not None and p_now.grid is not None:
            assert p_now.grid.total >= p_was.grid.total
    for c_was, c_now in zip(was.categories, now.categories, strict=True):
        assert not c_was.eligible or c_now.eligible, c_was.category


@given(dated_candidates())
def test_report_round_trips_through_json(case: tuple[date, Candidate]) -> None:
    as_of, c = case
    report = assess(c, as_of=as_of)
    again = from_json(to_json(report), EligibilityReport)
    assert again == report
    assert to_json(again) == to_json(report)


@given(dated_candidates())
def test_grid_within_100_and_no_category_without_a_program(case: tuple[date, Candidate]) -> None:
    as_of, c = case
    report = assess(c, as_of=as_of)
    for p in report.programs:
        assert p.grid is None or 0 <= p.grid.total <= 100
    for cat in report.categories:
        assert cat.eligible <= bool(report.eligible_programs)
