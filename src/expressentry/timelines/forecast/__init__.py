"""A dated forecast: the days a candidate's CRS score or eligibility will change, and why.

:func:`forecast` lists, between two days, every day on which the CRS total, the
programs or categories the candidate is eligible for, or the profile's place in
the pool changes, each with what happens that day (a :class:`Milestone`: a
birthday, a year of experience, a program's hours reached, a language result
or an ECA expiring, the profile leaving the pool, a rule change on the books)
and the total and eligibility just after it. :func:`forecast_many` does the same
for a whole pool, scoring each day once for every candidate it concerns.

The days are computed, not searched for: birthdays, expiry days and rule change
days are dates; the day a count of hours crosses a minimum is solved from the
hours per week (each count is linear between the days a job starts or ends or
leaves the window, so each crossing is found on its piece and checked on the
exact count). Only those days are scored (:func:`~expressentry.score_many`) and
assessed (:func:`~expressentry.assess`), and only the days on which something
changed are kept: every total equals ``score()`` of that day, every eligibility
``assess()`` of that day.

>>> from datetime import date
>>> import expressentry as ee
>>> f = ee.forecast(ee.example_profile(), start=date(2026, 11, 22), end=date(2027, 11, 22))
>>> f
Forecast(2026-11-22 to 2027-11-22: CRS 574, 5 events, CRS 377 at the end)
>>> e = f.events[-1]
>>> e.day, e.before.total, e.after.total, e.lost
(datetime.date(2027, 9, 20), 502, 377, (<Program.FSW: 'fsw'>, <Program.CEC: 'cec'>))
>>> e.milestones[0].description
"Candidate's IELTS General Training result of 2025-09-20 expires"
"""

from __future__ import annotations

from expressentry.timelines.forecast.results import (
    Forecast,
    ForecastEvent,
    ForecastState,
    Milestone,
    MilestoneKind,
    Verdicts,
)
from expressentry.timelines.forecast.run import forecast, forecast_many

__all__ = [
    "Forecast",
    "ForecastEvent",
    "ForecastState",
    "Milestone",
    "MilestoneKind",
    "Verdicts",
    "forecast",
    "forecast_many",
]
