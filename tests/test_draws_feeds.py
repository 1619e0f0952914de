"""Feeds that grow without a release, and feeds or histories that cannot be read.

Kind: small feeds built in ``tmp_path`` from the shipped feed's own records, one
thing changed by hand. The expected values are read in IRCC's feed: #433
(2026-08-06) and #437 (2026-08-19) are French-language rounds with cut-offs 391
and 382, #436 (2026-08-18) a CEC round; renamed, the two French rounds are rounds
of a category the package does not know (5,000 invitations each). The example profile scores 574 on
2026-08-20 (``test_draws_outlook``).
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

import expressentry as ee
from expressentry import CategoryId, InvalidInputError, Quirk, RoundKind, load_rounds, rounds
from expressentry.draws.cutoffs import RoundType, backtest, estimate_cutoff, round_type_of
from expressentry.draws.estimator import Forecaster
from expressentry.draws.feed import FEED_FILE, unknown_category_key
from expressentry.draws.history import find_rounds
from expressentry.draws.prospects import outlook
from expressentry.serialization import example_profile
from tests.builders import cli_status

NEW_NAME = "Entrepreneurs, 2026-Version 1"
ENTREPRENEURS = RoundType.parse("category:entrepreneurs")


def _feed(tmp_path: Path) -> tuple[Path, dict[str, list[dict[str, Any]]]]:
    path = tmp_path / "ee_rounds_123_en.json"
    shipped = resources.files("expressentry.data").joinpath(FEED_FILE)
    with shipped.open("rb") as src, path.open("wb") as dst:
        shutil.copyfileobj(src, dst)
    return path, json.loads(path.read_text(encoding="utf-8"))


def _record(feed: dict[str, list[dict[str, Any]]], number: str) -> dict[str, Any]:
    return next(r for r in feed["rounds"] if r["drawNumber"] == number)


def _write(path: Path, feed: object) -> Path:
    path.write_text(json.dumps(feed), encoding="utf-8")
    return path


def _renamed(tmp_path: Path, *numbers: str, name: str = NEW_NAME) -> Path:
    path, feed = _feed(tmp_path)
    for number in numbers:
        _record(feed, number)["drawName"] = name
    return _write(path, feed)


# -- a category the package does not know ----------------------------------------


def test_a_new_category_name_loads_as_a_category_round_of_its_own_type(tmp_path: Path) -> None:
    loaded = load_rounds(_renamed(tmp_path, "437"))
    assert len(loaded) == 438
    r = loaded[-1]
    assert (r.number, r.kind, r.category, r.category_id) == ("437", RoundKind.CATEGORY, None, None)
    assert (r.name, r.unknown_category, r.round_type) == (
        NEW_NAME, "entrepreneurs", "category:entrepreneurs",
    )  # fmt: skip
    assert r.quirks[0] is Quirk.UNKNOWN_CATEGORY
    assert (r.invitations, r.cutoff) == (5000, 382)
    assert round_type_of(r) == ENTREPRENEURS
    assert not ENTREPRENEURS.known
    assert repr(r) == "Round('437', 2026-08-19, category:entrepreneurs, 5,000 invited, cut-off 382)"
    first = r.explain().splitlines()[0]
    assert first == (
        "Round #437 of 2026-08-19, category round: entrepreneurs (a category expressentry "
        "does not know: nobody's eligibility for it can be judged)"
    )
    assert "  quirk: unknown_category" in r.explain().splitlines()
    # every other round reads as in the shipped history
    assert loaded[:-1] == rounds()[:-1]


def test_a_round_of_an_unknown_category_cannot_be_run_and_says_why(tmp_path: Path) -> None:
    r = load_rounds(_renamed(tmp_path, "437"))[-1]
    with pytest.raises(InvalidInputError) as info:
        ee.RoundSpec.of(r)
    assert str(info.value) == (
        "invalid RoundSpec.of:\n  round: round 437 is of the category 'entrepreneurs', which "
        "expressentry has no list of (added by IRCC after this release): nobody's "
        'eligibility for it can be judged, so it cannot be run (got "437")'
    )
    assert ee.RoundSpec.of(rounds()[-1]).category is CategoryId.FRENCH


def test_a_known_category_with_no_list_that_day_is_an_unknown_category(tmp_path: Path) -> None:
    # Round #1 (2015-01-31) renamed to a category whose lists start in 2025 or later.
    path = _renamed(tmp_path, "1", name="Physicians with Canadian work experience (2015-1)")
    r = load_rounds(path)[0]
    assert (r.number, r.kind, r.category) == ("1", RoundKind.CATEGORY, None)
    assert r.round_type == "category:physicians_canadian_experience"
    assert Quirk.CATEGORY_NOT_IN_FORCE in r.quirks
    assert Quirk.UNKNOWN_CATEGORY not in r.quirks
    assert "a category expressentry has no list of on that day" in r.explain()


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Entrepreneurs, 2026-Version 1", "entrepreneurs"),
        ("Entrepreneurs 2027-Version 2", "entrepreneurs"),
        ("Skilled Aviation occupations (Version 2)", "skilled-aviation-occupations"),
        ("Lottery", "lottery"),
        ("2027 Version 1", "2027-version-1"),  # no word before the version: all of them
    ],
)
def test_the_key_of_an_unknown_category_is_its_name_before_the_version(name: str, key: str) -> None:
    assert unknown_category_key(name) == key
    assert RoundType.parse(f"category:{key}").key == f"category:{key}"


def test_an_unknown_category_type_is_validated() -> None:
    with pytest.raises(InvalidInputError, match="unknown_category: must be None for a pnp"):
        RoundType(RoundKind.PNP, unknown_category="entrepreneurs")
    with pytest.raises(InvalidInputError, match="words joined by hyphens"):
        RoundType(RoundKind.CATEGORY, unknown_category="two words")
    with pytest.raises(InvalidInputError, match="category: must be None with unknown_category"):
        RoundType(RoundKind.CATEGORY, category=ee.CategoryId.STEM, unknown_category="stem")
    with pytest.raises(InvalidInputError, match="or category:NAME"):
        RoundType.parse("category:")


def test_unknown_category_rounds_are_kept_in_queries(tmp_path: Path) -> None:
    loaded = load_rounds(_renamed(tmp_path, "433", "437"))
    found = find_rounds(kind=RoundKind.CATEGORY, since=date(2026, 8, 1), history=loaded)
    assert [(r.number, r.round_type) for r in found if r.category is None] == [
        ("433", "category:entrepreneurs"),
        ("437", "category:entrepreneurs"),
    ]
    french = find_rounds(category=ee.CategoryId.FRENCH, history=loaded)
    assert {"433", "437"}.isdisjoint(r.number for r in french)


def test_the_backtest_gives_an_unknown_category_its_own_row(tmp_path: Path) -> None:
    loaded = load_rounds(_renamed(tmp_path, "433", "437"))
    row = backtest(loaded).row(ENTREPRENEURS)
    assert row is not None
    # #437 predicted from #433 only: the baseline is 391, the cut-off 382
    assert (row.rounds, row.baseline_mae) == (1, 9.0)
    (prediction,) = [p for p in backtest(loaded).predictions if p.round_type == ENTREPRENEURS]
    assert (prediction.number, prediction.actual, prediction.baseline) == ("437", 382, 391)


def test_the_outlook_shows_an_unknown_category_as_not_judged(tmp_path: Path) -> None:
    loaded = load_rounds(_renamed(tmp_path, "433", "437"))
    found = outlook(example_profile(), as_of=date(2026, 8, 20), last=5, history=loaded)
    assert [ln.round_type.key for ln in found.lines] == ["general", "fsw", "cec", "french"]
    (line,) = found.unjudged
    assert found.line(ENTREPRENEURS) is line
    assert (line.round_type, line.verdict) == (ENTREPRENEURS, None)
    assert [(c.round.number, c.round.cutoff) for c in line.checks] == [("433", 391), ("437", 382)]
    assert (line.cleared, line.in_pool, line.baseline) == (2, 2, 382)  # 574 is above both
    french = found.line(RoundType.parse("french"))
    assert french is not None
    assert "433" not in [c.round.number for c in french.checks]
    text = found.explain()
    assert "Round types whose eligibility expressentry cannot judge" in text
    assert "eligibility NOT judged" in text
    assert repr(found).endswith("category:entrepreneurs not judged)")
    assert found.as_dict()["unjudged"][0]["verdict"] is None


# -- feeds that cannot be read -----------------------------------------------------


def test_an_empty_feed_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path / "feed.json", {"rounds": []})
    with pytest.raises(InvalidInputError) as caught:
        load_rounds(path)
    assert str(caught.value) == (
        "invalid rounds feed feed.json:\n"
        "  $.rounds: the feed is empty: IRCC's feed lists every round since 2015 (got [])"
    )


def test_a_feed_nested_too_deeply_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "feed.json"
    path.write_text("[" * 100_000, encoding="utf-8")
    with pytest.raises(InvalidInputError, match=r"\$: nested too deeply to be IRCC's feed"):
        load_rounds(path)


def test_a_round_dated_before_a_lower_number_names_both(tmp_path: Path) -> None:
    path, feed = _feed(tmp_path)
    _record(feed, "437")["drawDate"] = "2026-08-17"  # #436 is of 2026-08-18
    _write(path, feed)
    with pytest.raises(InvalidInputError) as caught:
        load_rounds(path)
    assert [str(p) for p in caught.value.problems] == [
        "$.rounds[0].drawDate: round 437 is dated before round 436 (2026-08-18), a lower "
        'number (got "2026-08-17")'
    ]


def test_a_duplicate_number_of_another_day_is_a_duplicate_not_a_date(tmp_path: Path) -> None:
    path, feed = _feed(tmp_path)
    later = dict(_record(feed, "437"), drawDate="2026-08-25")
    feed["rounds"].insert(0, later)
    _write(path, feed)
    with pytest.raises(InvalidInputError) as caught:
        load_rounds(path)
    messages = [str(p) for p in caught.value.problems]
    assert messages == [
        "$.rounds[1].drawNumber: round 437 is a duplicate: $.rounds[0] has the same number "
        '(IRCC numbers each round once) (got "437")'
    ]


# -- histories out of date order ---------------------------------------------------

_SWAPPED = (*rounds()[:-2], rounds()[-1], rounds()[-2])  # #437 (08-19) before #436 (08-18)
_ORDER = (
    r"history\[437\]: round 436 \(2026-08-18\) comes after round 437 \(2026-08-19\) but is "
    r"dated before it: the rounds must be oldest first"
)


def test_the_backtest_refuses_a_history_out_of_date_order() -> None:
    with pytest.raises(InvalidInputError, match=rf"invalid backtest:\n  {_ORDER}"):
        backtest(_SWAPPED)


def test_the_outlook_refuses_a_history_out_of_date_order() -> None:
    with pytest.raises(InvalidInputError, match=rf"invalid outlook:\n  {_ORDER}"):
        outlook(example_profile(), as_of=date(2026, 8, 20), history=_SWAPPED)


def test_the_estimate_refuses_a_history_out_of_date_order() -> None:
    with pytest.raises(InvalidInputError, match=rf"invalid estimate_cutoff:\n  {_ORDER}"):
        estimate_cutoff(_SWAPPED, RoundType.parse("cec"), on=date(2026, 9, 1))


def test_the_forecaster_refuses_a_round_older_than_the_last_added() -> None:
    with pytest.raises(InvalidInputError) as caught:
        Forecaster(_SWAPPED)
    assert str(caught.value.problems[0]) == (
        "round_: round 436 (2026-08-18) is dated before round 437 (2026-08-19), added before "
        'it: rounds are added oldest first (got "436")'
    )


def test_rounds_of_one_day_may_come_in_any_order() -> None:
    first, second = rounds()[90:92]
    assert (first.number, second.number) == ("91a", "91b")
    assert first.day == second.day
    swapped = backtest((*rounds()[:90], second, first))
    assert len(swapped.predictions) == len(backtest(rounds()[:92]).predictions)


# -- the command line --------------------------------------------------------------


def test_every_command_that_reads_rounds_takes_a_feed_with_a_new_category(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = str(_renamed(tmp_path, "433", "437"))
    assert cli_status(["rounds", "--feed", feed, "--since", "2026-08-19"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[1].split()[:3] == ["437", "2026-08-19", "category:entrepreneurs"]
    assert cli_status(["rounds", "--feed", feed, "--type", "category:entrepreneurs"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "2 rounds, 10,000 invitations"
    assert cli_status(["backtest", "--feed", feed, "--format", "json"]) == 0
    row = next(
        r for r in json.loads(capsys.readouterr().out)["rows"]
        if r["round_type"] == "category:entrepreneurs"
    )  # fmt: skip
    assert (row["rounds"], row["baseline_mae"]) == (1, 9.0)
    args = ["outlook", "--example", "--as-of", "2026-08-20", "--feed", feed, "--format", "json"]
    assert cli_status(args) == 0
    (unjudged,) = json.loads(capsys.readouterr().out)["unjudged"]
    assert [r["number"] for r in unjudged["rounds"]] == ["433", "437"]
    assert cli_status(["replay", "--feed", feed, "--number", "437"]) == 0
    assert "By round type: category:entrepreneurs 0/1" in capsys.readouterr().out


@pytest.mark.parametrize(
    "command", [["rounds"], ["backtest"], ["outlook", "--example"], ["replay"]]
)
@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"rounds": []}', "$.rounds: the feed is empty"),
        ("[" * 100_000, "$: nested too deeply to be IRCC's feed"),
        (None, "cannot read"),
    ],
)
def test_a_bad_feed_exits_2_naming_it_for_every_command(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
    content: str | None,
    message: str,
) -> None:
    path = tmp_path / "feed.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert cli_status([*command, "--feed", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "feed.json" in err
    assert "internal error" not in err
    assert "Traceback" not in err


def test_a_bad_round_type_key_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_status(["rounds", "--type", "category:two words"]) == 2
    assert "or category:NAME" in capsys.readouterr().err


# -- the age of a pool snapshot ----------------------------------------------------


@pytest.mark.parametrize(("as_on", "stale"), [("June 5, 2024", False), ("June 4, 2024", True)])
def test_a_snapshot_is_stale_only_more_than_14_days_before_its_round(
    tmp_path: Path, as_on: str, stale: bool
) -> None:
    # STALE_DISTRIBUTION_DAYS: a snapshot *more than* 14 days before its round is
    # stale. Round #298 is of 2024-06-19: 2024-06-05 is 14 days before it, 06-04 15.
    path, feed = _feed(tmp_path)
    _record(feed, "298")["drawDistributionAsOn"] = as_on
    (r,) = [r for r in load_rounds(_write(path, feed)) if r.number == "298"]
    assert (Quirk.DISTRIBUTION_STALE in r.quirks) is stale
