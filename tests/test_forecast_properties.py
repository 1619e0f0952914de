"""Properties of the forecast: ordered events, each equal to score() and assess() that day.

Events are found from computed days only (birthdays, expiries, rule changes, the
days hour counts cross a minimum); these tests check them against the slow truth
on the event days, the days before them and days drawn anywhere in the range, so a
change the forecast missed fails them.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

import expressentry as ee
from expressentry import Candidate, Forecast, Verdicts
from tests.strategies import dated_candidates

pytestmark = pytest.mark.slow  # a long test: CI runs it (pytest -m slow)


def _truth(c: Candidate, day: date) -> tuple[int, Verdicts]:
    return ee.score(c, as_of=day).total, Verdicts.of(ee.assess(c, as_of=day))


def _state(f: Forecast, day: date) -> tuple[int, Verdicts]:
    s = f.on(day)
    return s.total, s.verdicts


@given(dated_candidates(), st.integers(0, 900), st.booleans(), st.data())
def test_events_ordered_and_equal_to_score_and_assess(
    dated: tuple[date, Candidate], length: int, ongoing: bool, data: st.DataObject
) -> None:

    start, candidate = dated
    end = start + timedelta(days=length)
    f = ee.forecast(candidate, start=start, end=end, ongoing=ongoing)
    c = f.candidate
    days = [e.day for e in f.events]
    assert days == sorted(set(days))
    assert all(start < d <= end for d in days)
    assert _state(f, start) == _truth(c, start)
    for e in f.events:
        assert e.milestones
        assert (e.after.total, e.after.verdicts) == _truth(c, e.day)
        assert (e.before.total, e.before.verdicts) == _truth(c, e.day - timedelta(days=1))
        assert (e.after.total, e.after.verdicts, e.after.in_pool) != (
            e.before.total,
            e.before.verdicts,
            e.before.in_pool,
        )
    # Anywhere in the range, the state is that of the last event: no change was missed.
    for day in data.draw(st.lists(st.dates(start, end), max_size=4)):
        assert _state(f, day) == _truth(c, day), day


@given(dated_candidates(), st.integers(1, 900))
def test_a_pool_forecast_is_each_candidates_forecast(
    dated: tuple[date, Candidate], length: int
) -> None:
    start, candidate = dated
    end = start + timedelta(days=length)
    ended = ee.forecast(candidate, start=start, end=end, ongoing=False).candidate
    pool = [candidate, ended, candidate]
    assert ee.forecast_many(pool, start=start, end=end) == [
        ee.forecast(c, start=start, end=end) for c in pool
    ]
