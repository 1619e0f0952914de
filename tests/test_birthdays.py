"""Age changes on the birthday itself, wherever the package reads an age.

Kind: hand-worked boundary days. The example profile's candidate is born on
1994-03-15, so she turns 36 on 2030-03-15. IRCC's FSW grid
(https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/eligibility/federal-skilled-workers/six-selection-factors-federal-skilled-workers.html)
gives 12 points at 18 to 35 and 11 at 36. A birthday of 29 February falls on
1 March in a common year (the reading the profile format documents for the 16th
birthday), and a tie-break written without a year may fall on its round's own day.
"""

from __future__ import annotations

from datetime import date, timedelta

import attrs
from hypothesis import given
from hypothesis import strategies as st

import expressentry as ee
from expressentry._ages import birthday, completed_years
from expressentry.draws.feedtext import year_less_day

PROFILE = ee.example_profile()
EVE, BIRTHDAY = date(2030, 3, 14), date(2030, 3, 15)


def _grid_age(as_of: date) -> int:
    (line,) = [ln for ln in ee.fsw_grid(PROFILE, as_of=as_of).lines if ln.factor == "age"]
    return line.points


def test_the_fsw_grid_gives_11_points_from_the_36th_birthday() -> None:
    assert PROFILE.date_of_birth == date(1994, 3, 15)
    assert (_grid_age(EVE), _grid_age(BIRTHDAY)) == (12, 11)


def test_readiness_counts_the_age_of_the_invitation_day_from_the_birthday() -> None:
    assert ee.ita_readiness(PROFILE, invited=EVE).age_at_invitation == 35
    assert ee.ita_readiness(PROFILE, invited=BIRTHDAY).age_at_invitation == 36


def test_a_29_february_birthday_costs_its_points_on_1_march_of_a_common_year() -> None:
    leap = attrs.evolve(PROFILE, date_of_birth=date(1996, 2, 29))
    ahead = ee.forecast(leap, start=date(2026, 2, 26), end=date(2026, 3, 31))
    turns = [e for e in ahead.events if any("Turns 30" in repr(m) for m in e.milestones)]
    assert [(e.day, e.change) for e in turns] == [(date(2026, 3, 1), -5)]
    # with an accompanying spouse, 29 is worth 100 points and 30 worth 95 (CRS core, age)
    before = ee.score(leap, as_of=date(2026, 2, 28)).total
    after = ee.score(leap, as_of=date(2026, 3, 1)).total
    assert before - after == 5


def test_a_tie_break_without_a_year_may_fall_on_its_rounds_own_day() -> None:
    assert year_less_day(10, 27, date(2021, 10, 27)) == date(2021, 10, 27)
    assert year_less_day(10, 28, date(2021, 10, 27)) == date(2020, 10, 28)
    assert year_less_day(2, 29, date(2023, 3, 1)) == date(2020, 2, 29)


@given(st.dates(date(1900, 1, 1), date(2010, 12, 31)), st.integers(1, 100))
def test_age_grows_by_one_on_each_birthday_and_not_the_day_before(born: date, age: int) -> None:
    day = birthday(born, age)
    assert completed_years(born, day) == age
    assert completed_years(born, day - timedelta(days=1)) == age - 1
    # the birthday is the same day of the year, or 1 March for 29 February in a common year
    assert (day.month, day.day) in {(born.month, born.day), (3, 1)}


def test_a_birthday_on_the_forecasts_last_day_is_forecast() -> None:
    # A forecast covers the days (start, end]: a birthday on ``end`` itself is an
    # event. Born 1996-02-29, the profile turns 30 on 2026-03-01 (a common year),
    # when the CRS age points fall from 100 to 95 with a spouse (CRS core, age).
    leap = attrs.evolve(PROFILE, date_of_birth=date(1996, 2, 29))
    ahead = ee.forecast(leap, start=date(2026, 2, 26), end=date(2026, 3, 1))
    turns = [e for e in ahead.events if any("Turns 30" in repr(m) for m in e.milestones)]
    assert [(e.day, e.change) for e in turns] == [(date(2026, 3, 1), -5)]
