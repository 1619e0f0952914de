"""The forecast: hand-worked days and scores, and its agreement with score() and assess().

Every expected day and total in the hand-worked case is counted by hand from the
official texts, never read back from the tables the code reads:

- CRS points: https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/check-score/crs-criteria.html
  (the "without a spouse or common-law partner" columns).
- CEC: 1,560 hours (a year of full-time work, 30 hours a week) of skilled
  Canadian work in the 3 years before applying, CLB 7 for TEER 0 or 1:
  https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/who-can-apply/canadian-experience-class.html
- Language results are valid 2 years after the result date; a profile stays 12
  months in the pool (the sources of ``tests/test_timelines.py``).
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

import expressentry as ee
from expressentry import (
    Candidate,
    Education,
    EducationLevel,
    LanguageResult,
    LanguageTest,
    MaritalStatus,
    MilestoneKind,
    Program,
    WorkHistory,
    WorkPeriod,
)
from expressentry.__main__ import main

START = date(2026, 11, 22)
END = date(2028, 11, 22)  # 24 months

# A 28-year-old CEC candidate, single, with an IELTS result 20 months old and
# 10 months of Canadian work.
CEC_CANDIDATE = Candidate(
    date_of_birth=date(1998, 3, 10),  # 28 on 2026-11-22; 29 on 2027-03-10; 30 on 2028-03-10
    marital_status=MaritalStatus.NEVER_MARRIED,
    education=Education(level=EducationLevel.BACHELORS, eca_issued=date(2025, 1, 10)),
    languages=(
        # IELTS General Training 8.0 listening, 7.0 reading, writing and speaking:
        # CLB 9 in each ability. Result date 2025-03-22: 20 months before START.
        LanguageResult(
            test=LanguageTest.IELTS_GENERAL,
            test_date=date(2025, 3, 10),
            result_date=date(2025, 3, 22),
            listening=8.0,
            reading=7.0,
            writing=7.0,
            speaking=7.0,
        ),
    ),
    work_history=WorkHistory(
        periods=(
            # 10 months of software engineering (NOC 21231, TEER 1) in Canada,
            # 40 hours a week (30 count), still going on.
            WorkPeriod(
                start=date(2026, 1, 22),
                end=None,
                hours_per_week=40,
                noc="21231",
                in_canada=True,
            ),
        )
    ),
    profile_submitted=datetime(2026, 6, 1, 14, 0, tzinfo=UTC),
)


def test_hand_worked_cec_candidate() -> None:
    f = ee.forecast(CEC_CANDIDATE, start=START, end=END)
    # On 2026-11-22 (no spouse column):
    #   age 28                                   110
    #   bachelor's degree                        120
    #   CLB 9 in each of 4 abilities: 4 x 31     124
    #   Canadian experience: 10 months, 0 years    0
    #   transferability: post-secondary 1 year+ and CLB 9+ in all four   25
    #   = 110 + 120 + 124 + 25 = 379
    assert f.initial.total == 379
    # 10 months of work is not the year CEC asks for; no funds declared, so no FSW.
    assert f.initial.verdicts.eligible_programs == ()
    assert f.initial.in_pool is True

    days = [(e.day, e.after.total, e.after.verdicts.eligible_programs, e.after.in_pool)
            for e in f.events]  # fmt: skip
    assert days == [
        # 1,560 hours: 30 credited hours a week is 30/7 an hour a day, so
        # 1,560 * 7 / 30 = 364 days of work: 2026-01-22 + 364 days = 2027-01-21.
        # A year of Canadian experience: +40 core; post-secondary 1 year+ and
        # 1 year of Canadian work: +13 transferability. 379 + 40 + 13 = 432.
        # CEC: the year, CLB 9 >= CLB 7 (TEER 1): eligible.
        (date(2027, 1, 21), 432, (Program.CEC,), True),
        # (29th birthday on 2027-03-10: 110 points at 29 as at 28, no event.)
        # The IELTS result of 2025-03-22 is valid 2 years: it expires on
        # 2027-03-22. Language -124, education + language -25: 432 - 149 = 283.
        # No valid language result: CEC lost.
        (date(2027, 3, 22), 283, (), True),
        # Submitted 2026-06-01: 12 months in the pool, out on 2027-06-01.
        (date(2027, 6, 1), 283, (), False),
        # Two years: 728 days after 2026-01-22 is 2028-01-20 (3,120 hours).
        # Canadian experience 40 -> 53 (+13); education + Canadian work 13 -> 25
        # (+12): 283 + 25 = 308.
        (date(2028, 1, 20), 308, (), False),
        # The 30th birthday: age points 110 -> 105: 308 - 5 = 303.
        (date(2028, 3, 10), 303, (), False),
    ]
    kinds = [[m.kind for m in e.milestones] for e in f.events]
    assert MilestoneKind.EXPERIENCE in kinds[0]
    assert kinds[1] == [MilestoneKind.EXPIRY]
    assert kinds[2] == [MilestoneKind.POOL]
    assert set(kinds[3]) == {MilestoneKind.EXPERIENCE}
    assert kinds[4] == [MilestoneKind.BIRTHDAY]
    assert f.events[1].lost == (Program.CEC,)
    assert f.events[0].gained == (Program.CEC,)
    assert f.events[4].change == -5
    assert "Turns 30" in f.events[4].explain()
    # The hand-worked totals are those score() and assess() give on each day.
    for e in f.events:
        assert ee.score(CEC_CANDIDATE, as_of=e.day).total == e.after.total
        assert ee.assess(CEC_CANDIDATE, as_of=e.day).eligible_programs == (
            e.after.verdicts.eligible_programs
        )


def test_the_day_before_each_event_is_the_state_before() -> None:
    f = ee.forecast(CEC_CANDIDATE, start=START, end=END)
    for e in f.events:
        before = e.day.fromordinal(e.day.toordinal() - 1)
        assert ee.score(CEC_CANDIDATE, as_of=before).total == e.before.total
        assert f.on(before).total == e.before.total


def test_ended_jobs_stop_accruing() -> None:
    f = ee.forecast(CEC_CANDIDATE, start=START, end=END, ongoing=False)
    # Work ended 2026-11-21: never a year, so never CEC, and no experience event.
    assert [e.day for e in f.events] == [date(2027, 3, 22), date(2027, 6, 1), date(2028, 3, 10)]
    assert f.candidate.work_history.periods[0].end == date(2026, 11, 21)
    assert [e.after.total for e in f.events] == [379 - 149, 230, 225]


# -- bad input ----------------------------------------------------------------------------------


def test_end_before_start_is_refused_by_name() -> None:
    with pytest.raises(ee.InvalidInputError, match=r"end: must not be before start"):
        ee.forecast(CEC_CANDIDATE, start=START, end=date(2026, 11, 21))


def test_a_profile_dated_after_start_is_refused() -> None:
    with pytest.raises(ee.InvalidInputError, match=r"languages\[0\]\.result_date"):
        ee.forecast(CEC_CANDIDATE, start=date(2025, 3, 15), end=END)


def test_a_bad_profile_in_a_pool_is_named_by_index() -> None:
    with pytest.raises(ee.InvalidInputError, match=r"\[1\]\.candidate"):
        ee.forecast_many([CEC_CANDIDATE, "not a candidate"], start=START, end=END)  # type: ignore[list-item]


def test_ongoing_must_be_a_bool() -> None:
    with pytest.raises(ee.InvalidInputError, match="ongoing"):
        ee.forecast(CEC_CANDIDATE, start=START, end=END, ongoing="no")  # type: ignore[arg-type]


def test_on_refuses_a_day_outside() -> None:
    f = ee.forecast(CEC_CANDIDATE, start=START, end=END)
    assert f.on(START) == f.initial
    assert f.final.total == 303
    with pytest.raises(ee.InvalidInputError, match="day"):
        f.on(date(2030, 1, 1))


def test_reprs_are_short() -> None:
    f = ee.forecast(CEC_CANDIDATE, start=START, end=END)
    assert repr(f) == "Forecast(2026-11-22 to 2028-11-22: CRS 379, 5 events, CRS 303 at the end)"
    assert repr(f.events[4].milestones[0]) == "Milestone(birthday: 'Turns 30')"
    for e in f.events:
        assert len(repr(e)) < 200
    assert "CRS 432 → 283 (-149)" in f.events[1].explain()


# -- the command line ---------------------------------------------------------------------------


def _profile(tmp_path: Path) -> Path:
    path = tmp_path / "profile.json"
    path.write_text(ee.to_json(CEC_CANDIDATE), encoding="utf-8")
    return path


def test_cli_timeline_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", str(_profile(tmp_path)), "--from", "2026-11-22"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Documents on 2026-11-22:")
    assert "Forecast from 2026-11-22 to 2028-11-22" in out
    assert "2027-01-21: CRS 379 → 432 (+53); eligible for CEC" in out
    assert "2028-03-10: CRS 308 → 303 (-5)" in out
    assert "Invited on" not in out


def test_cli_timeline_months_and_ita(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["timeline", str(_profile(tmp_path)), "--from", "2026-11-22", "--months", "3"]
    assert main([*args, "--ita", "2027-02-01"]) == 0
    out = capsys.readouterr().out
    assert "Forecast from 2026-11-22 to 2027-02-22" in out
    assert "2027-03-22" not in out.split("Forecast from")[1].split("Invited on")[0]
    # invited 2027-02-01: 60 days, by 2027-04-02; the IELTS expires 2027-03-22
    assert "Invited on 2027-02-01: 60 calendar days to apply, by 2027-04-02" in out
    assert "candidate: IELTS General Training result of 2025-03-22" in out.split("To renew")[1]


def test_cli_timeline_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["timeline", str(_profile(tmp_path)), "--from", "2026-11-22", "--format", "json"]
    assert main([*args, "--ita", "2027-02-01"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"format", "validity", "forecast", "readiness"}
    assert data["format"] == "expressentry-timeline/1"
    events = data["forecast"]["events"]
    assert [(e["day"], e["after"]["total"]) for e in events] == [
        ("2027-01-21", 432),
        ("2027-03-22", 283),
        ("2027-06-01", 283),
        ("2028-01-20", 308),
        ("2028-03-10", 303),
    ]
    assert events[0]["after"]["verdicts"]["eligible_programs"] == ["cec"]
    assert data["readiness"]["deadline"] == "2027-04-02"


def test_cli_timeline_past_the_calendar_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # born late enough to be alive in 9999 (plausibility.oldest_age)
    path = tmp_path / "young.json"
    path.write_text('{"date_of_birth": "9990-01-01", "education": {"level": "secondary"}}')
    assert main(["timeline", str(path), "--from", "9999-06-01"]) == 2
    assert "months: runs past 9999-12-31" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--from", "2026-02-30"], "--from: not a real date"),
        (["--months", "0"], "--months: must be a whole number of months from 1 to 1,200"),
        (["--months", "two"], "--months: must be a whole number"),
        (["--ita", "tomorrow"], "--ita: not a real date"),
        (["--from", "2025-03-15"], "$.languages[0].result_date: is after the day assessed"),
    ],
)
def test_cli_timeline_bad_input_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], words: str
) -> None:
    try:
        status = main(["timeline", str(_profile(tmp_path)), *args])
    except SystemExit as exc:  # argparse's own errors
        status = exc.code  # type: ignore[assignment]
    assert status == 2
    err = capsys.readouterr().err
    assert words in err
    assert "Traceback" not in err
