"""Round types, the cut-off estimator, its backtest, a candidate's outlook, and their CLI.

Kind: hand-checked examples and properties. The cut-offs quoted below were read in
the shipped history (``expressentry rounds --type cec --since 2026-03-01``, and the
same for ``french`` and ``general``), which ``test_draws_history`` pins against
IRCC's feed; the candidate's score of 516 on 2026-08-20 is worked out in
``test_the_built_candidate_scores_516``.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import expressentry as ee
from expressentry import (
    CanadianCredential,
    Candidate,
    CategoryId,
    Education,
    EducationLevel,
    InvalidInputError,
    Program,
    RoundKind,
    RoundType,
    WorkHistory,
    WorkPeriod,
)
from expressentry.__main__ import main
from expressentry.draws import Clearance, backtest, estimate_cutoff, outlook, round_type_of
from expressentry.draws.cutoffs import FEW_ROUNDS
from tests.builders import clb, cli_status

DAY = date(2026, 8, 20)
CEC = RoundType(RoundKind.PROGRAM, program=Program.CEC)
GENERAL = RoundType(RoundKind.GENERAL)
FRENCH = RoundType(RoundKind.CATEGORY, category=CategoryId.FRENCH)


def by_number() -> dict[str, ee.Round]:
    return {r.number: r for r in ee.rounds()}


# --- round types ---------------------------------------------------------------------


def test_round_types_of_real_rounds() -> None:
    r = by_number()
    assert round_type_of(r["1"]) == GENERAL
    assert round_type_of(r["91a"]) == RoundType(RoundKind.PROGRAM, program=Program.FST)
    assert round_type_of(r["91b"]) == RoundType(RoundKind.PNP)
    assert round_type_of(r["436"]) == CEC
    assert round_type_of(r["437"]) == FRENCH


def test_versions_of_one_category_are_one_type() -> None:
    french = [r for r in ee.rounds() if r.category_id is CategoryId.FRENCH]
    assert len({r.category.version for r in french if r.category is not None}) > 1
    assert {round_type_of(r) for r in french} == {FRENCH}


def test_the_key_is_the_round_type_of_every_round() -> None:
    for r in ee.rounds():
        kind = round_type_of(r)
        assert kind.key == r.round_type
        assert RoundType.parse(kind.key) == kind


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"kind": RoundKind.PROGRAM}, "program"),
        ({"kind": RoundKind.GENERAL, "program": Program.CEC}, "program"),
        ({"kind": RoundKind.CATEGORY, "program": Program.CEC}, "category"),
        ({"kind": "cec"}, "kind"),
    ],
)
def test_a_round_type_that_does_not_fit_is_refused_naming_the_field(
    kwargs: dict[str, object], field: str
) -> None:
    with pytest.raises(InvalidInputError, match=rf"{field}: must"):
        RoundType(**kwargs)  # type: ignore[arg-type]


def test_an_unknown_key_is_refused_with_the_known_ones() -> None:
    with pytest.raises(
        InvalidInputError, match=r"key: must be one of general, pnp, fsw.*\(got \"lottery\"\)"
    ):
        RoundType.parse("lottery")


# --- the estimator and the baseline ---------------------------------------------------


def test_a_type_seen_once_is_estimated_at_its_only_cutoff() -> None:
    """One round: no level to return to (itself), no usual gap: the estimate is the cut-off."""
    (only,) = [r for r in ee.rounds() if r.number == "240"]  # the only FSW round, 489
    found = estimate_cutoff([only], round_type_of(only), on=DAY)
    assert (found.value, found.baseline, found.day) == (489.0, 489, DAY)
    assert (found.low, found.high) == (None, None)  # no earlier error to size an interval
    with pytest.raises(InvalidInputError, match="round_type: needs at least one earlier round"):
        estimate_cutoff([only], CEC, on=DAY)
    with pytest.raises(InvalidInputError, match="round_type: needs at least one earlier round"):
        estimate_cutoff([only], round_type_of(only), on=only.day)  # not before the day


def test_baseline_and_estimate_of_real_rounds_hand_checked() -> None:
    """CEC 2026: #417 518, #420 516, #424 517, #428 516, #432 516, #436 523."""
    found = {p.number: p for p in backtest().predictions}
    p436 = found["436"]
    assert (p436.actual, p436.baseline) == (523, 516)  # the previous CEC round, #432
    assert p436.estimate.baseline == p436.baseline
    assert p436.baseline_error == 7.0
    assert p436.error == abs(p436.estimate.value - 523)
    assert found["432"].baseline == 516  # #428
    # French: #433 391, #437 382; the baseline skips the CEC, PNP rounds between them
    assert (found["437"].baseline, found["437"].actual) == (391, 382)
    # the first round of a type has nothing before it
    assert "1" not in found
    assert "240" not in found  # the only FSW round
    assert found["2"].baseline == 886  # round #1


def test_every_prediction_is_from_earlier_rounds_of_its_type() -> None:
    history = ee.rounds()
    report = backtest()
    index = {r.number: i for i, r in enumerate(history)}
    for p in report.predictions:
        earlier = [r for r in history[: index[p.number]] if round_type_of(r) == p.round_type]
        assert p.earlier == len(earlier) > 0
        assert p.baseline == earlier[-1].cutoff
        assert p.estimate.day == p.day
    assert len(report.predictions) + report.skipped == len(history)
    assert report.skipped == len({round_type_of(r) for r in history})


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_changing_a_later_round_never_changes_an_earlier_prediction(data: st.DataObject) -> None:
    history = ee.rounds()
    i = data.draw(st.integers(0, len(history) - 1), label="changed round")
    cutoff = data.draw(st.integers(1, 1200), label="new cut-off")
    changed = (*history[:i], attrs.evolve(history[i], cutoff=cutoff), *history[i + 1 :])
    before = {p.number: p for p in backtest(history).predictions}
    after = {p.number: p for p in backtest(changed).predictions}
    for r in history[:i]:
        assert after.get(r.number) == before.get(r.number)
    mine, was = after.get(history[i].number), before.get(history[i].number)
    if was is not None:  # the changed round's own prediction: only its actual cut-off moved
        assert mine is not None
        assert (mine.estimate, mine.baseline, mine.earlier) == (
            was.estimate,
            was.baseline,
            was.earlier,
        )


def test_the_backtest_rows_are_the_means_of_the_predictions() -> None:
    report = backtest()
    cec = report.row(CEC)
    assert cec is not None
    mine = [p for p in report.predictions if p.round_type == CEC]
    assert cec.rounds == len(mine) == 66
    assert cec.estimate_mae == pytest.approx(sum(p.error for p in mine) / 66)
    assert cec.baseline_mae == pytest.approx(sum(p.baseline_error for p in mine) / 66)
    assert sum(r.rounds for r in report.rows) == report.overall.rounds == len(report.predictions)


def test_the_report_says_plainly_where_the_estimate_is_no_better() -> None:
    report = backtest()
    text = report.explain()
    worse = report.worse_or_equal
    assert worse
    assert "Over all types the estimate beats the baseline; it is no better than the " in text
    for row in report.rows:
        assert row.better_than_baseline is (row.estimate_mae < row.baseline_mae)
        assert ("no better" in row.verdict) is (not row.better_than_baseline)
        assert ("too few to judge" in row.verdict) is (row.rounds < FEW_ROUNDS)
        assert f"{row.key:<36}{row.rounds:>7}" in text


def test_a_backtest_before_a_day_uses_only_rounds_before_it() -> None:
    report = backtest(before=date(2016, 1, 1))
    assert report.last_day is not None
    assert report.last_day < date(2016, 1, 1)
    assert {p.round_type for p in report.predictions} == {GENERAL}
    with pytest.raises(InvalidInputError, match="before: must be a date"):
        backtest(before="2016-01-01")  # type: ignore[arg-type]


# --- the outlook ---------------------------------------------------------------------


def built() -> Candidate:
    """Born 1996-01-01 (30 on DAY), no spouse, CLB 9 English, two or more credentials
    with a Canadian 3-year one, CEC work (21231) since 2023-03-01, a sibling in Canada."""
    return Candidate(
        date_of_birth=date(1996, 1, 1),
        education=Education(
            level=EducationLevel.TWO_OR_MORE,
            canadian_credential=CanadianCredential.THREE_YEAR_OR_MORE,
            eca_issued=date(2024, 1, 1),
        ),
        languages=(clb(9, date(2025, 6, 1)),),
        work_history=WorkHistory(
            periods=(
                WorkPeriod(
                    start=date(2023, 3, 1), end=None, hours_per_week=40, noc="21231", in_canada=True
                ),
            )
        ),
        sibling_in_canada=True,
        settlement_funds=20_000,
    )


def test_the_built_candidate_scores_516() -> None:
    lines = {ln.factor: ln.points for ln in ee.score(built(), as_of=DAY).lines if ln.points}
    # age 30: 105; two or more credentials: 128; CLB 9: 4 x 31 = 124; 3 years in Canada: 64;
    # education x language 50, education x Canadian experience 50 (capped 50 together),
    # Canadian 3-year credential 30, sibling 15: 105+128+124+64+50+30+15 = 516
    assert sum(lines.values()) == 516


def test_hand_worked_outlook_on_a_fixed_day() -> None:
    found = outlook(built(), as_of=DAY)
    assert found.score == 516
    assert [ln.round_type.key for ln in found.lines] == ["general", "fsw", "cec"]
    cec = found.line(CEC)
    assert cec is not None
    # the last 10 CEC rounds before 2026-08-20, read in the history:
    # #404 507, #407 509, #410 515, #413 514, #417 518, #420 516, #424 517, #428 516,
    # #432 516, #436 523 -> above: 507 509 515 514 (4); at 516: #420 #428 #432 (3);
    # below: 518 517 523 (3)
    assert [c.round.number for c in cec.checks] == [
        "404", "407", "410", "413", "417", "420", "424", "428", "432", "436",
    ]  # fmt: skip
    assert (cec.above, cec.at_cutoff, cec.cleared, cec.ties_open) == (4, 3, 4, 3)
    assert (cec.ties_won, cec.ties_lost, cec.invited) == (0, 0, 4)  # no submission time
    # the estimate of the CEC rounds before the day, for the next one (due 14 days after
    # #436 of 2026-08-18, CEC's usual gap: two days after a round, none is expected)
    assert cec.estimate == estimate_cutoff(ee.rounds(), CEC, on=date(2026, 9, 1)).value
    assert cec.baseline == 523
    assert cec.backtest == backtest(before=DAY).row(CEC)
    # general rounds: the last 10 (#275-#294, 2023-12 to 2024-04) were cut at 524-549
    general = found.line(GENERAL)
    assert general is not None
    assert (general.cleared, len(general.checks)) == (0, 10)
    fsw = found.line(RoundType(RoundKind.PROGRAM, program=Program.FSW))
    assert fsw is not None
    assert (fsw.cleared, len(fsw.checks), fsw.backtest) == (1, 1, None)  # #240, 489
    text = found.explain()
    assert (
        "score 516 cleared 4 of the last 10 rounds (above the cut-off); "
        "at the cut-off in 3: 0 ties won, 0 lost, 3 not judged"
    ) in text
    assert "#420 (2026-06-23) cut-off 516: at it; the tie-break" in text
    assert "without the submission time" in text
    assert "no round type" not in repr(found)


def test_a_submission_time_judges_the_ties() -> None:
    """Tie-breaks (UTC): #420 2026-04-14 00:03:10, #428 2026-05-26 17:33:03,
    #432 2026-07-03 21:35:13."""
    submitted = datetime(2026, 5, 1, tzinfo=UTC)
    cec = outlook(attrs.evolve(built(), profile_submitted=submitted), as_of=DAY).line(CEC)
    assert cec is not None
    ties = {c.round.number: c.clearance for c in cec.checks if c.round.cutoff == 516}
    assert ties == {"420": Clearance.TIE_LOST, "428": Clearance.TIE_WON, "432": Clearance.TIE_WON}
    assert (cec.at_cutoff, cec.ties_open) == (3, 0)
    early = [c.round.number for c in cec.checks if c.before_submission]
    assert early == ["404", "407", "410", "413"]  # held before 2026-05-01
    # in the pool for #417-#436: 518, 517 and 523 are above the score; two ties won, one lost
    assert (cec.cleared, cec.ties_won, cec.ties_lost, cec.invited) == (0, 2, 1, 2)
    assert (
        "score 516 cleared 0 of the 6 rounds the profile could have been invited in "
        "(above the cut-off); at the cut-off in 3: 2 ties won, 1 lost;"
    ) in cec.explain()
    assert "#420 (2026-06-23) cut-off 516: at it, submitted after the tie-break" in cec.explain()


# #420 (2026-06-23): its tie-break, published to the second, is 2026-04-14 00:03:10 UTC
@pytest.mark.parametrize(
    ("offset", "expected"),
    [
        (-timedelta(microseconds=1), Clearance.TIE_WON),  # before the tie-break's second
        (timedelta(0), Clearance.TIE_OPEN),  # given to the second, equal to it
        (timedelta(microseconds=999_999), Clearance.TIE_OPEN),  # within its second
        (timedelta(seconds=1), Clearance.TIE_LOST),  # the next second
    ],
)
def test_a_tie_within_the_published_second_is_not_judged(
    offset: timedelta, expected: Clearance
) -> None:
    tie = by_number()["420"].tie_break
    assert tie is not None
    assert tie.microsecond == 0
    profile = attrs.evolve(built(), profile_submitted=tie + offset)
    cec = outlook(profile, as_of=DAY, last=5).line(CEC)
    assert cec is not None
    (check,) = [c for c in cec.checks if c.round.number == "420"]
    assert check.clearance is expected
    if expected is Clearance.TIE_OPEN:
        assert "submitted within the tie-break's second" in check.reason


def test_rounds_on_the_day_are_not_known_yet() -> None:
    cec = outlook(built(), as_of=date(2026, 8, 18), last=1).line(CEC)
    assert cec is not None
    assert [c.round.number for c in cec.checks] == ["432"]
    assert cec.baseline == 516


def test_a_nominee_gets_pnp_rounds_and_their_cutoffs_include_the_600_points() -> None:
    found = outlook(attrs.evolve(built(), provincial_nomination=True), as_of=DAY, last=3)
    # 516 + 600 for the nomination, but additional points are capped at 600: the sibling
    # (15) and Canadian-credential (30) points no longer count: 516 - 45 + 600 = 1071
    assert found.score == 1071
    pnp = found.line(RoundType(RoundKind.PNP))
    assert pnp is not None
    assert pnp.cleared == 3


def test_the_example_profile_is_eligible_for_french_rounds() -> None:
    found = outlook(ee.example_profile(), as_of=DAY, last=2)
    french = found.line(FRENCH)
    assert french is not None
    assert [(c.round.number, c.round.cutoff) for c in french.checks] == [("433", 391), ("437", 382)]


def test_a_type_with_one_round_has_no_backtest_but_an_estimate() -> None:
    fsw = outlook(built(), as_of=DAY).line(RoundType(RoundKind.PROGRAM, program=Program.FSW))
    assert fsw is not None
    assert (fsw.estimate, fsw.baseline, fsw.backtest) == (489.0, 489, None)
    assert "only one round of this type, no error to give" in fsw.explain()


@pytest.mark.parametrize("last", [0, -1, True, 2.0, "3"])
def test_a_bad_last_is_refused_naming_it(last: object) -> None:
    with pytest.raises(InvalidInputError, match="last: must be a whole number of at least 1"):
        outlook(built(), as_of=DAY, last=last)  # type: ignore[arg-type]


def test_reprs_are_short() -> None:
    found = outlook(built(), as_of=DAY)
    assert repr(found) == (
        "Outlook(516 on 2026-08-20: general 0/10, fsw 1/1, "
        "cec 4/10 +ties 0 won 0 lost 3 not judged)"
    )
    assert repr(found.line(CEC)) == (
        "OutlookLine(cec: cleared 4 of 10, ties 0 won 0 lost 3 not judged, estimate 522.4)"
    )
    report = backtest()
    assert len(repr(report)) < 200
    assert all(len(repr(r)) < 200 for r in report.rows)
    assert repr(report.predictions[0]).startswith("Prediction(#2 ")


# --- the command line ----------------------------------------------------------------


def _profile(tmp_path: Path) -> Path:
    path = tmp_path / "profile.json"
    path.write_text(ee.to_json(built()), encoding="utf-8")
    return path


def test_cli_outlook_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outlook", str(_profile(tmp_path)), "--as-of", "2026-08-20"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Outlook on 2026-08-20: CRS score 516")
    assert "score 516 cleared 4 of the last 10 rounds (above the cut-off)" in out


def test_cli_outlook_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["outlook", str(_profile(tmp_path)), "--as-of", "2026-08-20", "--last", "4"]
    assert main([*args, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    (cec,) = [ln for ln in data["lines"] if ln["round_type"] == "cec"]
    assert [r["number"] for r in cec["rounds"]] == ["424", "428", "432", "436"]
    assert (cec["cleared"], cec["at_cutoff"], cec["baseline"]) == (0, 2, 523)
    assert (cec["ties_won"], cec["ties_lost"], cec["ties_open"], cec["invited"]) == (0, 0, 2, 0)


def test_cli_backtest(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "1000")  # a terminal wide enough for every line: unwrapped
    assert main(["backtest"]) == 0
    out = capsys.readouterr().out
    assert out == backtest().explain() + "\n"
    assert main(["backtest", "--format", "json", "--before", "2016-01-01"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["round_type"] for r in data["rows"]] == ["general", "all types"]
    assert main(["backtest", "--format", "json", "--since", "2023-01-01"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["since"] == "2023-01-01"
    assert {"coverage", "intervals", "covered"} <= set(data["rows"][0])
    assert main(["backtest", "--since", "2023-01-01"]) == 0
    out = capsys.readouterr().out
    assert out == backtest(since=date(2023, 1, 1)).explain() + "\n"
    assert "80% held" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--last", "0"], "not a whole number of at least 1: '0'"),
        (["--last", "x"], "not a whole number of at least 1: 'x'"),
        (["--as-of", "2026-02-30"], "not a real date written YYYY-MM-DD: '2026-02-30'"),
        (["--as-of", "2014-06-01"], "expressentry: "),
    ],
)
def test_cli_bad_arguments_exit_2_without_a_traceback(
    args: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli_status(["outlook", str(_profile(tmp_path)), *args]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_cli_bad_profile_and_missing_file_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"date_of_birth": "1990-02-30"}', encoding="utf-8")
    assert main(["outlook", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "$.date_of_birth: must be a real date" in err
    assert main(["outlook", str(tmp_path / "missing.json")]) == 2
    assert "cannot read" in capsys.readouterr().err


# --- invitation chances and rules ------------------------------------------------------


def test_the_outlook_gives_the_interval_and_the_chance_of_each_type() -> None:
    found = outlook(built(), as_of=DAY)
    cec = found.line(CEC)
    assert cec is not None
    expected = estimate_cutoff(ee.rounds(), CEC, on=DAY)
    assert cec.interval == (expected.low, expected.high)
    assert cec.next_day == expected.day == date(2026, 9, 1)
    assert cec.tie_chance == 0.5  # no submission time
    assert cec.chance == expected.chance(516, tie=0.5)
    text = cec.explain()
    assert f"80 % interval {expected.low:g} to {expected.high:g}" in text
    assert "chance that the next round invites 516: " in text
    data = found.as_dict()["lines"][2]
    assert data["round_type"] == "cec"
    assert data["interval"] == [expected.low, expected.high]
    assert cec.chance is not None
    assert data["chance"] == round(cec.chance, 4)


def test_an_earlier_submission_wins_more_ties() -> None:
    early = attrs.evolve(built(), profile_submitted=datetime(2025, 9, 2, tzinfo=UTC))
    late = attrs.evolve(built(), profile_submitted=datetime(2026, 8, 19, tzinfo=UTC))
    won = outlook(early, as_of=DAY).line(CEC)
    lost = outlook(late, as_of=DAY).line(CEC)
    unknown = outlook(built(), as_of=DAY).line(CEC)
    assert won is not None
    assert lost is not None
    assert unknown is not None
    # the tie-breaks of CEC #404-#436 (UTC): 2025-05-11, 2026-03-18, 2025-06-10, 2025-09-24,
    # 2026-04-30, 2026-04-14, 2025-12-29, 2026-05-26, 2026-07-03, 2026-08-17: a profile of
    # 2025-09-02 (in the pool up to 2026-09-01, the next CEC round's day) wins 8 of 10;
    # one of 2026-08-19 none
    assert (won.tie_chance, lost.tie_chance) == (0.8, 0.0)
    assert won.chance is not None
    assert lost.chance is not None
    assert unknown.chance is not None
    assert won.chance > unknown.chance > lost.chance


def test_the_outlook_scores_and_assesses_with_the_rules_given() -> None:
    no_sibling = ee.rules_for(as_of=DAY).zero("crs.additional.sibling", reform="no sibling")
    assert outlook(built(), as_of=DAY, rules=no_sibling).score == 516 - 15
    with pytest.raises(InvalidInputError, match="rules: must be a RuleSet or None"):
        outlook(built(), as_of=DAY, rules="2026")  # type: ignore[arg-type]


def test_a_profile_out_of_the_pool_on_the_next_round_has_no_chance() -> None:
    # submitted 2025-08-20: out of the pool from 2026-08-20, before CEC's next round
    gone = attrs.evolve(built(), profile_submitted=datetime(2025, 8, 20, tzinfo=UTC))
    cec = outlook(gone, as_of=DAY).line(CEC)
    assert cec is not None
    assert cec.chance == 0.0
    assert "not in the pool on 2026-09-01" in cec.explain()
