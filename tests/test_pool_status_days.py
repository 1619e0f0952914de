"""pool_status against the slow truth: every day after ``as_of`` assessed one by one.

:func:`~expressentry.pool_status` examines only the days its forecast plans (the
days on which something may change). The reference here walks every day up to
the day the profile leaves the pool (or 12 months ahead), with
:func:`~expressentry.assess` and the pool rule (``in_pool_on``), and names the first day the pool
status or the programs change: both must agree on profiles with results about
to expire, ECAs, work crossing its minimums and profiles leaving the pool.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import expressentry as ee
from expressentry import Candidate, Program
from expressentry.timelines.validity import in_pool_on
from tests.strategies import random_candidate

pytestmark = pytest.mark.slow  # a long test: CI runs it (pytest -m slow)


_DAY = timedelta(days=1)
_YEAR_AHEAD = 365  # days a profile not in the pool is looked at (12 months, at most 366)


def _state(c: Candidate, day: date) -> tuple[bool, tuple[Program, ...], tuple[Program, ...]]:
    submitted = c.submitted_day
    in_pool = submitted is not None and in_pool_on(submitted, day)
    report = ee.assess(c, as_of=day)
    return in_pool, report.eligible_programs, report.undecided_programs


def _first_change(c: Candidate, as_of: date, until: date) -> date | None:
    now = _state(c, as_of)
    day = as_of
    while day < until:
        day += _DAY
        if _state(c, day) != now:
            return day
    return None


@settings(max_examples=25, deadline=None)
@given(
    st.integers(0, 2**32 - 1),
    st.dates(date(2024, 1, 1), date(2026, 11, 1)),
    st.integers(-400, 0),
)
def test_first_change_is_the_first_day_anything_changes(
    seed: int, as_of: date, submitted_days: int
) -> None:
    c = random_candidate(random.Random(seed), as_of)
    when = as_of + timedelta(days=submitted_days)
    c = attrs.evolve(c, profile_submitted=datetime.combine(when, time(12), tzinfo=UTC))
    status = ee.pool_status(c, as_of=as_of)
    assert status.looked_until <= as_of + timedelta(days=_YEAR_AHEAD + 1)
    assert (status.in_pool, status.eligible_programs, status.undecided_programs) == _state(c, as_of)
    assert status.changes_on == _first_change(c, as_of, status.looked_until)
