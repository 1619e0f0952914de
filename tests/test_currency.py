"""Rules currency: every dated result computed for a day after the rules' review says so.

Kind: properties. The rule tables were last checked against their sources on
``LAST_REVIEWED``; a result is computed for a day (the day scored or assessed, the
last day a pool status or a forecast looks at, the day an application is checked,
a round's day). The property: the result carries ``rules_reviewed_on``; its
caveats are empty when that day is on or before the review day, and say so, in
``explain()``, in its JSON form and once on the command line's stderr, when the
day is after it. Expected values are that property and the days worked here,
never the caveat read back from the code for the same case.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import attrs
import pytest

import expressentry as ee
from expressentry import InvalidProfileError, from_dict, to_dict
from expressentry.__main__ import main
from expressentry.rules import LAST_REVIEWED
from expressentry.rules._timeline import review_caveats

PROFILE = ee.example_profile()
DAY_AFTER = LAST_REVIEWED + timedelta(days=1)
# A profile in the pool on both days below (submitted 2026-10-01, in to 2027-09-30).
IN_POOL = attrs.evolve(PROFILE, profile_submitted=datetime(2026, 10, 1, 9, 0, tzinfo=UTC))


def _says_after(caveats: tuple[str, ...], day: date) -> None:
    """One caveat, naming the review day and ``day``."""
    assert len(caveats) == 1
    assert f"last checked against their sources on {LAST_REVIEWED.isoformat()}" in caveats[0]
    assert f"for {day.isoformat()}" in caveats[0]


def test_the_caveat_turns_on_the_day_after_the_review() -> None:
    assert review_caveats(LAST_REVIEWED, LAST_REVIEWED) == ()
    assert review_caveats(LAST_REVIEWED - timedelta(days=400), LAST_REVIEWED) == ()
    _says_after(review_caveats(DAY_AFTER, LAST_REVIEWED), DAY_AFTER)
    assert review_caveats(date(2035, 1, 1), date(2035, 1, 1)) == ()  # the review day given


# Each public computation, on a day, and the day its caveat speaks of.
Compute = Callable[[date], Any]
RESULTS: dict[str, tuple[Compute, Callable[[date], date]]] = {
    "score": (lambda d: ee.score(IN_POOL, as_of=d), lambda d: d),
    "assess": (lambda d: ee.assess(IN_POOL, as_of=d), lambda d: d),
    "validity_on": (lambda d: ee.validity_on(IN_POOL, as_of=d), lambda d: d),
    # Invited and applying on the day: the documents are checked that day.
    "ita_readiness": (
        lambda d: ee.ita_readiness(IN_POOL, invited=d, planned=d),
        lambda d: d,
    ),
    "forecast": (lambda d: ee.forecast(IN_POOL, start=date(2026, 11, 1), end=d), lambda d: d),
    "outlook": (lambda d: ee.outlook(IN_POOL, as_of=d), lambda d: d),
    "select": (
        lambda d: ee.select(ee.Pool([IN_POOL]), ee.RoundSpec(day=d, size=1)),
        lambda d: d,
    ),
}


@pytest.mark.parametrize("name", sorted(RESULTS))
def test_a_result_on_the_review_day_has_no_caveat(name: str) -> None:
    compute, _ = RESULTS[name]
    result = compute(LAST_REVIEWED)
    assert result.rules_reviewed_on == LAST_REVIEWED
    assert result.caveats == ()
    assert "last checked" not in result.explain()


@pytest.mark.parametrize("name", sorted(RESULTS))
@pytest.mark.parametrize("day", [DAY_AFTER, date(2027, 6, 30)])
def test_a_result_after_the_review_day_says_so(name: str, day: date) -> None:
    compute, spoken = RESULTS[name]
    result = compute(day)
    assert result.rules_reviewed_on == LAST_REVIEWED
    _says_after(result.caveats, spoken(day))
    assert result.caveats[0] in result.explain()
    data = to_dict(result)  # an outlook's is its as_dict()
    assert data["rules_reviewed_on"] == LAST_REVIEWED.isoformat()
    assert data["caveats"] == list(result.caveats)


def test_the_pool_status_speaks_of_the_last_day_it_examined() -> None:
    # Example profile: submitted 2025-10-01, out of the pool on 2026-10-01.
    before = ee.pool_status(PROFILE, as_of=date(2026, 9, 1))
    assert (before.changes_on, before.caveats) == (date(2026, 10, 1), ())
    # Asked on the review day itself, it looks a year ahead and finds its first
    # change on 2027-09-20 (the IELTS of 2025-09-20 expires): a day after the review.
    on_review = ee.pool_status(PROFILE, as_of=LAST_REVIEWED)
    assert on_review.changes_on == date(2027, 9, 20)
    _says_after(on_review.caveats, date(2027, 9, 20))
    assert on_review.caveats[0] in on_review.explain()
    assert to_dict(on_review)["caveats"] == list(on_review.caveats)


def test_a_readiness_speaks_of_the_day_checked() -> None:
    # Invited on the review day: the deadline is 60 days later, 2027-01-21.
    r = ee.ita_readiness(IN_POOL, invited=LAST_REVIEWED)
    assert r.checked_on == date(2027, 1, 21)
    _says_after(r.caveats, date(2027, 1, 21))


def test_a_backtest_and_a_replay_speak_of_their_last_round() -> None:
    history = ee.rounds()
    assert ee.backtest(history).caveats == ()  # the shipped rounds predate the review
    later = attrs.evolve(history[-1], day=date(2027, 1, 6))
    tested = ee.backtest([*history, later])
    _says_after(tested.caveats, date(2027, 1, 6))
    assert tested.as_dict()["caveats"] == list(tested.caveats)
    assert tested.caveats[0] in tested.explain()
    replayed = next(r for r in reversed(history) if r.distribution is not None)
    one = ee.replay(replayed)
    report = ee.ReplayReport(replays=(one,), skipped=())
    assert (one.caveats, report.caveats) == ((), ())
    later_one = ee.replay(attrs.evolve(replayed, day=date(2027, 2, 3)))
    _says_after(later_one.caveats, date(2027, 2, 3))
    assert to_dict(later_one)["caveats"] == list(later_one.caveats)
    moved = ee.ReplayReport(replays=(later_one,), skipped=())
    _says_after(moved.caveats, date(2027, 2, 3))
    assert moved.caveats[0] in moved.explain()


@pytest.mark.parametrize("cls", [ee.CrsBreakdown, ee.EligibilityReport, ee.Validity])
def test_the_json_form_reads_back_and_refuses_other_caveats(cls: type[Any]) -> None:
    compute: Callable[[], Any] = {
        ee.CrsBreakdown: lambda: ee.score(IN_POOL, as_of=DAY_AFTER),
        ee.EligibilityReport: lambda: ee.assess(IN_POOL, as_of=DAY_AFTER),
        ee.Validity: lambda: ee.validity_on(IN_POOL, as_of=DAY_AFTER),
    }[cls]
    result = compute()
    data = to_dict(result)
    assert from_dict(data, cls) == result
    assert from_dict({k: v for k, v in data.items() if k != "caveats"}, cls) == result
    with pytest.raises(InvalidProfileError) as raised:
        from_dict({**data, "caveats": []}, cls)
    assert [p.path for p in raised.value.problems] == ["$.caveats"]


# -- the command line: the note once on stderr ---------------------------------------------


def _note_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("expressentry: note: ")]


@pytest.mark.parametrize(
    "args",
    [
        ["score", "--example", "--as-of", "{d}"],
        ["eligibility", "--example", "--as-of", "{d}", "--format", "json"],
        ["outlook", "--example", "--as-of", "{d}"],
        # From a month before for one month: the forecast ends on the day.
        ["timeline", "--example", "--from", "{m}", "--months", "1"],
    ],
)
def test_the_command_line_notes_a_day_after_the_review_once(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    def fill(d: date) -> list[str]:
        month_before = d.replace(month=d.month - 1)  # both days below are in November
        return [a.format(d=d.isoformat(), m=month_before.isoformat()) for a in args]

    assert (LAST_REVIEWED.month, DAY_AFTER.month) == (11, 11)
    assert main(fill(LAST_REVIEWED)) == 0
    assert _note_lines(capsys.readouterr().err) == []
    assert main(fill(DAY_AFTER)) == 0
    notes = _note_lines(capsys.readouterr().err)
    assert len(notes) == 1
    _says_after((notes[0],), DAY_AFTER)


def test_the_timeline_notes_an_application_day_after_the_review(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The forecast ends on 2026-11-01; the invitation of 2026-11-20 is checked on its
    # deadline, 2027-01-19.
    args = ["timeline", "--example", "--from", "2026-10-01", "--months", "1"]
    assert main(args) == 0
    assert _note_lines(capsys.readouterr().err) == []
    assert main([*args, "--ita", "2026-11-20", "--format", "json"]) == 0
    printed = capsys.readouterr()
    [note] = _note_lines(printed.err)
    _says_after((note,), date(2027, 1, 19))
    readiness = json.loads(printed.out)["readiness"]
    assert readiness["rules_reviewed_on"] == LAST_REVIEWED.isoformat()
    assert len(readiness["caveats"]) == 1


def test_a_pool_and_a_simulated_round_note_their_day(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "pool.jsonl"
    path.write_text(ee.to_json(IN_POOL, indent=None) + "\n", "utf-8")
    assert main(["score", str(path), "--as-of", DAY_AFTER.isoformat()]) == 0
    printed = capsys.readouterr()
    [line] = [json.loads(x) for x in printed.out.splitlines()]
    _says_after(tuple(line["caveats"]), DAY_AFTER)
    assert len(_note_lines(printed.err)) == 1
    simulate = ["simulate", str(path), "--size", "1", "--format", "json"]
    assert main([*simulate, "--as-of", LAST_REVIEWED.isoformat()]) == 0
    printed = capsys.readouterr()
    assert (json.loads(printed.out)["caveats"], _note_lines(printed.err)) == ([], [])
    assert main([*simulate, "--as-of", DAY_AFTER.isoformat()]) == 0
    printed = capsys.readouterr()
    _says_after(tuple(json.loads(printed.out)["caveats"]), DAY_AFTER)
    assert len(_note_lines(printed.err)) == 1


def test_the_shipped_history_gives_no_note(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["backtest", "--format", "json"]) == 0
    printed = capsys.readouterr()
    assert json.loads(printed.out)["caveats"] == []
    assert _note_lines(printed.err) == []
