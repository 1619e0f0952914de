"""A reform reaches every public function that reads the rule it changes.

Kind: hand-worked. The example profile's Canadian job runs from 2023-03-01 at 37.5
hours a week; on 2026-11-22 that is 1,362 days, so 1,362 / 7 x 30 = 5,837 hours
under IRCC's cap of 30 hours a week, and 1,362 / 7 x 37.5 = 7,296 hours (4 years of
1,560) when a reform lifts the cap to 40.
"""

from __future__ import annotations

from datetime import date

import pytest

import expressentry as ee

DAY = date(2026, 11, 22)
PROFILE = ee.example_profile()
FORTY = ee.rules_for(as_of=DAY).replace("experience.weekly_hours_cap", 40, reform="40 h a week")


def test_the_weekly_hours_cap_reaches_canadian_experience() -> None:
    today = ee.canadian_experience(PROFILE.work_history, as_of=DAY)
    reformed = ee.canadian_experience(PROFILE.work_history, as_of=DAY, rules=FORTY)
    assert (today.hours, today.years) == (5837, 3)
    assert (reformed.hours, reformed.years) == (7296, 4)


def test_the_weekly_hours_cap_reaches_score_and_experience_alike() -> None:
    lines = {ln.factor: ln for ln in ee.score(PROFILE, as_of=DAY, rules=FORTY).lines}
    years = ee.canadian_experience(PROFILE.work_history, as_of=DAY, rules=FORTY).years
    assert f"{years} year" in lines["canadian_experience"].reason


def test_the_foreign_window_comes_from_the_rules_too() -> None:
    # the foreign job (2018-06-01 to 2023-01-31) of 40 hours a week counts 40, not 30, a week
    assert ee.foreign_experience(PROFILE.work_history, as_of=DAY, rules=FORTY).hours > (
        ee.foreign_experience(PROFILE.work_history, as_of=DAY).hours
    )


def test_rules_must_be_a_rule_set() -> None:
    with pytest.raises(ee.InvalidInputError, match="rules"):
        ee.canadian_experience(PROFILE.work_history, as_of=DAY, rules="40")  # type: ignore[arg-type]
