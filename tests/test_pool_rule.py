"""One pool rule everywhere: the outlook, a round's selection, the replay and the timelines.

IRCC: a profile stays in the Express Entry pool "for one year" (12 months) from the
day it is accepted into it; without an invitation it then expires ("Next steps if
you're not invited to apply", http://www.cic.gc.ca/english/immigrate/skilled/no-invite.asp,
cited as ``rules.sources.PROFILE_EXPIRY``, read 2026-11-22). The package reads it as
``submitted <= day < submitted + 12 months`` on UTC days, the anniversary itself being
out (``VALIDITY_ENDS_ON_ANNIVERSARY``).

Kinds: hand-worked cases on both sides of the submission day and of the exit day,
worked out from that rule with a calendar (the example profile was submitted on
2025-10-01 14:30 UTC, so it is in the pool up to 2026-09-30 and out on 2026-10-01;
a profile of 2024-02-29 leaves on 2025-02-28, the anniversary read as the last day of
February, as ``dateutil`` counts months); properties (the window of submission days
is the rule read the other way; nobody selected is out of the pool on the round's
day; every synthetic profile of a replay is in the pool).
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import expressentry as ee
from expressentry import InvalidInputError, Program, RoundKind, RoundType
from expressentry.__main__ import main
from expressentry.draws import outlook
from expressentry.draws.pool import Pool, pool_seconds
from expressentry.draws.records import CrsBand
from expressentry.draws.replays import synthetic_keys
from expressentry.draws.selection import RoundSpec, run_rounds, select
from expressentry.timelines.validity import in_pool_on, pool_submission_days, profile_exit

EXAMPLE = ee.example_profile()  # submitted 2025-10-01T14:30:00+00:00, CRS 574 in 2026
SUBMITTED = datetime(2025, 10, 1, 14, 30, tzinfo=UTC)
LAST_DAY_IN = date(2026, 9, 30)
EXIT = date(2026, 10, 1)
CEC = RoundType(RoundKind.PROGRAM, program=Program.CEC)
UNSUBMITTED = attrs.evolve(EXAMPLE, profile_submitted=None)


def utc(  # noqa: PLR0917 (a date-time, as datetime takes it)
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def by_number() -> dict[str, ee.Round]:
    return {r.number: r for r in ee.rounds()}


# --- the rule ------------------------------------------------------------------------------


def test_the_example_is_in_the_pool_from_its_submission_day_to_the_day_before_its_exit() -> None:
    assert EXAMPLE.profile_submitted == SUBMITTED
    day = SUBMITTED.date()
    assert profile_exit(day) == EXIT
    assert [in_pool_on(day, d) for d in (date(2025, 9, 30), day, LAST_DAY_IN, EXIT)] == [
        False,
        True,
        True,
        False,
    ]


def test_a_profile_of_29_february_leaves_on_28_february() -> None:
    leap = date(2024, 2, 29)
    assert (in_pool_on(leap, date(2025, 2, 27)), in_pool_on(leap, date(2025, 2, 28))) == (
        True,
        False,
    )
    # so on 2025-02-28 the pool holds the profiles of 2024-03-01 to 2025-02-28
    assert pool_submission_days(date(2025, 2, 28)) == (date(2024, 3, 1), date(2025, 2, 28))
    assert pool_submission_days(LAST_DAY_IN) == (SUBMITTED.date(), LAST_DAY_IN)
    assert pool_submission_days(EXIT) == (date(2025, 10, 2), EXIT)


@settings(max_examples=300, deadline=None)
@given(
    submitted=st.dates(date(2014, 1, 1), date(2031, 12, 31)),
    day=st.dates(date(2014, 1, 1), date(2033, 12, 31)),
)
def test_the_window_of_submission_days_is_the_rule_read_the_other_way(
    submitted: date, day: date
) -> None:
    first, last = pool_submission_days(day)
    assert in_pool_on(submitted, day) == (first <= submitted <= last)
    low, high = pool_seconds(day)
    at = int(datetime.combine(submitted, datetime.min.time(), UTC).timestamp())
    assert in_pool_on(submitted, day) == (low <= at < high) == (low <= at + 86_399 < high)


@settings(max_examples=200, deadline=None)
@given(a=st.dates(date(2014, 1, 1), date(2031, 12, 31)), days=st.integers(0, 800))
def test_a_later_submission_never_leaves_the_pool_earlier(a: date, days: int) -> None:
    # what makes the window one unbroken run of days
    assert profile_exit(a) <= profile_exit(a + timedelta(days=days))


@pytest.mark.parametrize(
    ("args", "field"),
    [
        ((None, EXIT), "submitted"),
        ((EXIT, "2026-10-01"), "day"),
        ((utc(2025, 1, 1), EXIT), "submitted"),
    ],
)
def test_the_rule_refuses_what_is_not_a_date_naming_it(
    args: tuple[object, object], field: str
) -> None:
    with pytest.raises(InvalidInputError) as e:
        in_pool_on(*args)  # type: ignore[arg-type]
    assert [p.path for p in e.value.problems] == [field]
    with pytest.raises(InvalidInputError, match="day: must be a date"):
        pool_submission_days(None)  # type: ignore[arg-type]


def test_the_timelines_apply_the_same_rule() -> None:
    assert ee.pool_status(EXAMPLE, as_of=LAST_DAY_IN).in_pool is True
    assert ee.pool_status(EXAMPLE, as_of=EXIT).in_pool is False
    assert ee.ita_readiness(EXAMPLE, invited=LAST_DAY_IN).in_pool_at_invitation is True
    assert ee.ita_readiness(EXAMPLE, invited=EXIT).in_pool_at_invitation is False


# --- the outlook ---------------------------------------------------------------------------

# CEC rounds of 2026 read in the shipped history: #413 2026-04-28 cut-off 514,
# #417 2026-05-27 cut-off 518, #420 2026-06-23 cut-off 516. The example scores 574.
OUTLOOK_DAY = date(2026, 8, 20)


def cec_checks(submitted: datetime, last: int = 10) -> ee.OutlookLine:
    found = outlook(
        attrs.evolve(EXAMPLE, profile_submitted=submitted), as_of=OUTLOOK_DAY, last=last
    )
    line = found.line(CEC)
    assert line is not None
    return line


def test_outlook_a_round_on_the_day_before_the_exit_day_is_cleared() -> None:
    # submitted 2025-05-28: in the pool up to 2026-05-27 (#417), out from 2026-05-28
    line = cec_checks(utc(2025, 5, 28, 9))
    in_pool = {c.round.number: c.in_pool for c in line.checks}
    assert in_pool["417"] is True
    assert [c.round.number for c in line.checks if c.expired_on is not None] == [
        "420", "424", "428", "432", "436",
    ]  # fmt: skip
    assert (line.cleared, line.in_pool, line.out_of_pool) == (5, 5, 5)
    assert line.pool_exit == date(2026, 5, 28)
    text = line.explain()
    assert (
        "score 574 cleared 5 of the 5 rounds the profile could have been invited in "
        "(above the cut-off); of the last 10 rounds, it was not in the pool for 5: "
        "5 held once it had expired on 2026-05-28"
    ) in text
    assert (
        "#420 (2026-06-23) cut-off 516: not invited, not in the pool that day: the profile "
        "expired on 2026-05-28 (the score is above the cut-off)"
    ) in text
    assert "#417 (2026-05-27) cut-off 518: above it\n" in text


def test_outlook_a_round_on_the_exit_day_is_not_cleared() -> None:
    # submitted 2025-05-27: out of the pool on 2026-05-27, the day of #417
    line = cec_checks(utc(2025, 5, 27, 23, 59, 59))
    (c417,) = [c for c in line.checks if c.round.number == "417"]
    assert (c417.in_pool, c417.expired_on) == (False, date(2026, 5, 27))
    assert c417.clearance is ee.Clearance.ABOVE  # the score would have cleared it
    assert (line.cleared, line.out_of_pool) == (4, 6)
    assert "the profile expired on 2026-05-27" in c417.reason


def test_outlook_a_round_on_the_submission_day_counts_one_the_day_before_does_not() -> None:
    # #417 was held on 2026-05-27 at 10:20:11 UTC: a profile submitted earlier that day
    # (UTC) is in the pool; one submitted later that day came after the round
    late = cec_checks(utc(2026, 5, 27, 23, 59, 59), last=7)
    assert [(c.round.number, c.in_pool) for c in late.checks][:2] == [
        ("413", False),
        ("417", False),
    ]
    line = cec_checks(utc(2026, 5, 27, 10, 20, 11), last=7)
    assert [(c.round.number, c.in_pool) for c in line.checks][:2] == [("413", False), ("417", True)]
    (c413,) = [c for c in line.checks if c.round.number == "413"]
    assert c413.before_submission
    assert "not in the pool that day: submitted after this round" in c413.reason
    line = cec_checks(utc(2026, 5, 28), last=7)
    assert [c.round.number for c in line.checks if c.before_submission] == ["413", "417"]
    assert "2 held before it was submitted on 2026-05-28" in line.explain()


def test_outlook_of_the_template_says_it_left_the_pool(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "1000")  # each sentence on one line
    profile = tmp_path / "p.json"
    assert main(["example"]) == 0
    profile.write_text(capsys.readouterr().out, "utf-8")
    assert main(["outlook", str(profile), "--as-of", "2026-12-03"]) == 0
    out = capsys.readouterr().out
    assert (
        "The profile is not in the pool on 2026-12-03: it expired on 2026-10-01, 12 months "
        "after it was submitted on 2025-10-01"
    ) in out
    # the last 10 general rounds (#275-#294, 2023-12 to 2024-04) were before its submission
    assert (
        "none of the last 10 rounds could invite the profile, not in the pool those days: "
        "10 held before it was submitted on 2025-10-01"
    ) in out
    assert "score 574 cleared 10 of the last 10" in out  # CEC: #404-#436, all in the pool
    assert main(["outlook", str(profile), "--as-of", "2026-12-03", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["in_pool"], data["pool_exit"]) == (False, "2026-10-01")
    (general,) = [ln for ln in data["lines"] if ln["round_type"] == "general"]
    assert (general["cleared"], general["rounds_in_pool"], general["out_of_pool"]) == (0, 0, 10)


def test_outlook_without_a_submission_day_compares_every_round_and_says_so() -> None:
    found = outlook(UNSUBMITTED, as_of=OUTLOOK_DAY, last=3)
    assert all(c.in_pool for ln in found.lines for c in ln.checks)
    general = found.line(RoundType(RoundKind.GENERAL))
    assert general is not None
    assert (general.cleared, general.in_pool) == (3, 3)  # 574 above #290 524, #292 549, #294 529
    assert found.in_pool is None
    assert "whether it was in the pool on a round's day cannot be known" in found.explain()


# --- a round's selection -------------------------------------------------------------------


def test_select_on_both_sides_of_the_submission_and_exit_days() -> None:
    times = [
        SUBMITTED,  # in the pool on 2026-09-30, its last day
        utc(2025, 9, 30, 23, 59, 59),  # out on 2026-09-30: exit day
        utc(2026, 9, 30, 23, 59, 59),  # submitted on the round's day: in
        utc(2026, 10, 1),  # submitted the day after: not yet
    ]
    pool = Pool([UNSUBMITTED] * 4, submitted=times)
    s = select(pool, RoundSpec(day=LAST_DAY_IN, size=4))
    assert s.indices == (0, 2)
    assert (s.in_pool, s.submitted_after, s.expired_profiles) == (2, (3,), (1,))
    assert (
        "not in the pool on 2026-09-30, so left out: 1 submitted after that day, 1 whose "
        "profile had expired"
    ) in " ".join(s.explain().split())
    # a day later, the first leaves the pool too, and the last comes in
    s = select(pool, RoundSpec(day=EXIT, size=4))
    assert s.indices == (2, 3)
    assert (s.submitted_after, s.expired_profiles) == ((), (0, 1))


def test_successive_rounds_count_the_invited_apart_from_those_out_of_the_pool() -> None:
    pool = Pool([UNSUBMITTED] * 3, submitted=[SUBMITTED, SUBMITTED, utc(2026, 9, 1)])
    first, second = run_rounds(
        pool, [RoundSpec(day=LAST_DAY_IN, size=1), RoundSpec(day=EXIT, size=5)]
    )
    assert first.indices == (0,)
    assert (second.indices, second.already_invited, second.expired_profiles) == ((2,), 1, (1,))


@settings(max_examples=40, deadline=None)
@given(
    day=st.dates(date(2025, 10, 1), date(2027, 3, 1)),
    offsets=st.lists(st.integers(-800 * 86_400, 30 * 86_400), min_size=1, max_size=8),
    size=st.integers(1, 8),
)
def test_nobody_selected_is_out_of_the_pool_on_the_round_day(
    day: date, offsets: list[int], size: int
) -> None:
    noon = datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=12)
    times = [noon + timedelta(seconds=o) for o in offsets]
    s = select(Pool([UNSUBMITTED] * len(times), submitted=times), RoundSpec(day=day, size=size))
    days = [t.date() for t in times]
    assert all(in_pool_on(days[i], day) for i in s.indices)
    assert set(s.expired_profiles) == {
        i for i, d in enumerate(days) if d < day and not in_pool_on(d, day)
    }
    assert set(s.submitted_after) == {i for i, d in enumerate(days) if d > day}
    assert s.in_pool + s.expired + s.not_yet_submitted == len(times)


# --- Pool: one submission time per candidate -----------------------------------------------


def test_a_pool_refuses_two_submission_times_for_one_candidate() -> None:
    other = SUBMITTED + timedelta(seconds=1)
    with pytest.raises(InvalidInputError) as e:
        Pool([EXAMPLE, EXAMPLE], submitted=[None, other])
    (problem,) = e.value.problems
    assert problem.path == "submitted[1]"
    message = str(e.value)
    assert "2025-10-01T14:30:00+00:00" in message  # the candidate's own
    assert "2025-10-01T14:30:01+00:00" in message  # the one given
    assert "is given both on the candidate" in message
    # the same instant written in another zone is one time, not two
    ottawa = SUBMITTED.astimezone(timezone(timedelta(hours=-4)))  # 10:30 in Ottawa (EDT)
    assert Pool([EXAMPLE], submitted=[ottawa]).submitted == (SUBMITTED,)
    assert Pool([EXAMPLE], submitted=[None]).submitted == (SUBMITTED,)


# --- the replay ----------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(
    day=st.dates(date(2016, 1, 1), date(2030, 12, 31)),
    later=st.integers(0, 2 * 86_400 - 1),
)
def test_every_synthetic_profile_is_in_the_pool_on_the_round_day(day: date, later: int) -> None:
    # the round's date-time may fall on the next day (IRCC's HELD_NEXT_DAY rounds)
    held = datetime.combine(day, datetime.min.time(), UTC) + timedelta(seconds=later + 1)
    _, submitted = synthetic_keys([(CrsBand(400, 500), 300)], before=held, seed=1, day=day)
    when = [datetime.fromtimestamp(t, UTC) for t in submitted]
    assert all(in_pool_on(w.date(), day) and w < held for w in when)


def test_synthetic_keys_refuse_a_window_with_no_second() -> None:
    with pytest.raises(InvalidInputError, match="before: must be later than 2025-08-20T00:00:00"):
        synthetic_keys(
            [(CrsBand(400, 500), 1)], before=utc(2025, 8, 20), seed=1, day=date(2026, 8, 19)
        )


def test_a_time_given_to_pool_answers_to_the_profile_s_own_rules() -> None:
    """submitted= is not a way around plausibility: 1980 is before Express Entry opened."""
    bare = attrs.evolve(ee.example_profile(), profile_submitted=None)
    with pytest.raises(InvalidInputError) as caught:
        Pool([bare], submitted=[datetime(1980, 1, 1, tzinfo=UTC)])
    assert any(
        p.path == "submitted[0]" and "[plausibility.profile_submitted]" in p.message
        for p in caught.value.problems
    )
    assert len(Pool([bare], submitted=[datetime(2026, 1, 1, tzinfo=UTC)])) == 1


def test_a_round_held_earlier_on_the_submission_day_could_not_invite() -> None:
    """Round #436 was held on 2026-08-18 at 10:13:44 UTC (IRCC's feed)."""
    checks = {}
    for hour in (9, 13):
        c = attrs.evolve(
            ee.example_profile(), profile_submitted=datetime(2026, 8, 18, hour, tzinfo=UTC)
        )
        found = outlook(c, as_of=date(2026, 8, 25))
        checks[hour] = next(
            x for line in found.lines for x in line.checks if x.round.number == "436"
        )
    assert checks[9].in_pool
    assert not checks[13].in_pool
    assert "submitted after this round" in checks[13].reason
