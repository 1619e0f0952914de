"""Each problem reported in issue 16 says what is really wrong, with the documented error.

Every case below was measured on the code before the fix: its old message (or
crash) is quoted in the test's comment, and the test holds the new one.

Kind: hand-worked examples of user-facing behaviour (errors).
"""

from __future__ import annotations

import hashlib
import shutil
from datetime import date
from importlib import resources
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import expressentry as ee
from expressentry import (
    AddedFactor,
    Candidate,
    CrsSection,
    DamagedDataError,
    DataError,
    InvalidInputError,
    InvalidProfileError,
    RoundSpec,
    Source,
    WorkPeriod,
)
from expressentry.__main__ import main
from expressentry.draws import history
from expressentry.draws.feed import FEED_SHA256, read_checked
from expressentry.pools import read_pool

AS_OF = date(2026, 11, 22)
PROFILE = ee.example_profile()
SOURCE = Source(id="demo", title="A proposal", url="https://www.canada.ca/", retrieved=AS_OF)


def _messages(error: InvalidInputError) -> list[str]:
    return [str(p) for p in error.problems]


# -- only the documented errors ----------------------------------------------------------


def test_from_json_of_none_is_an_invalid_profile() -> None:
    # Before: AttributeError: 'NoneType' object has no attribute 'removeprefix'.
    with pytest.raises(InvalidProfileError) as caught:
        ee.from_json(None, Candidate)  # type: ignore[arg-type]
    assert _messages(caught.value) == [
        "$: must be JSON text (a str, or UTF-8 bytes), not null (None) (got null)"
    ]


def test_from_json_names_a_class_that_is_not_a_model() -> None:
    with pytest.raises(InvalidInputError) as caught:
        ee.from_json("{}", "Candidate")  # type: ignore[arg-type]
    assert _messages(caught.value) == [
        "cls: must be a model class of expressentry, such as expressentry.Candidate "
        '(got "Candidate")'
    ]


def test_score_many_of_one_candidate_says_to_pass_a_list() -> None:
    # Before: TypeError: 'Candidate' object is not iterable.
    with pytest.raises(InvalidInputError) as caught:
        ee.score_many(PROFILE, as_of=AS_OF)  # type: ignore[call-overload]
    (problem,) = caught.value.problems
    assert problem.path == "candidates"
    assert problem.message == (
        "must be a list (or another iterable) of Candidate objects, not one Candidate: "
        "pass [candidate]"
    )


@pytest.mark.parametrize("wrong", [None, 7, "profile.json", {"a": 1}])
def test_score_many_refuses_what_holds_no_candidates(wrong: object) -> None:
    with pytest.raises(InvalidInputError) as caught:
        ee.score_many(wrong, as_of=AS_OF)  # type: ignore[call-overload]
    assert caught.value.problems[0].message == (
        "must be a list (or another iterable) of Candidate objects"
    )


def test_an_added_factor_of_the_wrong_types_is_refused_when_built() -> None:
    # Before: accepted, then TypeError inside the scoring kernel.
    with pytest.raises(InvalidInputError) as caught:
        AddedFactor(
            rule_id="reform.high_wage",
            section="additional",  # type: ignore[arg-type]
            title="High wage",
            points="50",  # type: ignore[arg-type]
            source=SOURCE,
        )
    assert [p.path for p in caught.value.problems] == ["section", "points"]
    assert caught.value.problems[1].message == (
        "must be a function (candidate, as_of) -> (points, reason)"
    )


def _factor(rule_id: str, result: Any) -> AddedFactor:
    return AddedFactor(
        rule_id=rule_id,
        section=CrsSection.ADDITIONAL,
        title="A factor",
        points=lambda candidate, as_of: result,
        source=SOURCE,
    )


@pytest.mark.parametrize("result", [("50", "why"), (50.0, "why"), (True, "why"), (-1, "x"), 50])
def test_an_added_factor_that_returns_no_whole_number_is_named(result: object) -> None:
    # Before: ("50", "why") raised TypeError: '<' not supported between 'str' and 'int'.
    rules = ee.rules_for(as_of=AS_OF).add_factor(_factor("reform.x", result), reform="x")
    with pytest.raises(InvalidInputError) as caught:
        ee.score(PROFILE, as_of=AS_OF, rules=rules)
    assert caught.value.owner == "AddedFactor 'reform.x'"
    assert caught.value.problems[0].message == (
        "must return (points, reason): a whole number of 0 or more and a string"
    )


@pytest.mark.parametrize(
    ("rule_id", "message"),
    [
        ("crs.core.age", "is already the id of a rule"),
        ("fsw.grid.pass_mark", "is already the id of a rule"),
        ("crs.age", "would name its lines 'age', as crs.core.age does"),
    ],
)
def test_add_factor_refuses_the_id_of_a_rule(rule_id: str, message: str) -> None:
    # Before: accepted, and the breakdown had two lines named "age".
    with pytest.raises(InvalidInputError) as caught:
        ee.rules_for(as_of=AS_OF).add_factor(_factor(rule_id, (1, "one")), reform="x")
    assert _messages(caught.value) == [f'factor.rule_id: {message} (got "{rule_id}")']


def test_add_factor_refuses_a_factor_added_twice_and_takes_a_new_one() -> None:
    once = ee.rules_for(as_of=AS_OF).add_factor(_factor("reform.x", (1, "one")), reform="x")
    with pytest.raises(InvalidInputError, match="already the id of a factor this rule set added"):
        once.add_factor(_factor("reform.x", (2, "two")), reform="again")
    twice = once.add_factor(_factor("reform.y", (2, "two")), reform="y")
    assert ee.score(PROFILE, as_of=AS_OF, rules=twice).total == (
        ee.score(PROFILE, as_of=AS_OF).total + 1 + 2
    )


# -- the type before the format ----------------------------------------------------------


def test_a_date_object_in_from_dict_is_named_as_a_type() -> None:
    # Before: must be a real date written YYYY-MM-DD (got "1990-01-01").
    data = {**ee.to_dict(PROFILE), "date_of_birth": date(1990, 1, 1)}
    with pytest.raises(InvalidProfileError) as caught:
        ee.from_dict(data, Candidate)
    assert _messages(caught.value) == [
        "$.date_of_birth: must be a string written YYYY-MM-DD, not a date object "
        '(datetime.date) (got "1990-01-01")'
    ]


def test_a_number_as_a_date_in_from_dict_is_named_as_a_type() -> None:
    data = {**ee.to_dict(PROFILE), "date_of_birth": 19900101}
    with pytest.raises(InvalidProfileError) as caught:
        ee.from_dict(data, Candidate)
    assert caught.value.problems[0].message == (
        "must be a string written YYYY-MM-DD, not a whole number (an int)"
    )


def test_a_real_date_written_wrong_keeps_the_format_message() -> None:
    data = {**ee.to_dict(PROFILE), "date_of_birth": "1990-02-30"}
    with pytest.raises(InvalidProfileError) as caught:
        ee.from_dict(data, Candidate)
    assert caught.value.problems[0].message == "must be a real date written YYYY-MM-DD"


@pytest.mark.parametrize(
    ("noc", "words"),
    [(21231, "a whole number (an int)"), (None, "null (None)"), (["21231"], "a list")],
)
def test_a_noc_that_is_not_a_string_says_so(noc: object, words: str) -> None:
    # Before: must be a 5-digit NOC 2021 code whose 2nd digit (the TEER) is 0-5 (got 21231).
    with pytest.raises(InvalidInputError) as caught:
        WorkPeriod(start=date(2020, 1, 1), end=None, hours_per_week=40, noc=noc, in_canada=True)  # type: ignore[arg-type]
    assert caught.value.problems[0].message == (
        f'must be a string, not {words}: a 5-digit NOC 2021 code such as "21231"'
    )


@pytest.mark.parametrize("call", [ee.occupation, ee.categories_listing, ee.is_trade])
def test_noc_lookups_say_a_number_is_not_a_string(call: Any) -> None:
    # Before: categories_listing(31301) returned () and occupation(21231) said "is not a
    # unit group".
    with pytest.raises(InvalidInputError) as caught:
        call(21231)
    assert caught.value.problems[0].message.startswith(
        "must be a string, not a whole number (an int)"
    )


# -- days the user gave ------------------------------------------------------------------


def test_timeline_ita_names_the_deadline_of_the_invitation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: "is after the day assessed (2020-03-01)", a day the user never typed.
    # An invitation on 2020-01-01 had 60 days: the deadline is 2020-03-01.
    profile = tmp_path / "p.json"
    profile.write_text(ee.to_json(PROFILE))
    assert main(["timeline", str(profile), "--ita", "2020-01-01", "--from", "2026-11-22"]) == 2
    err = capsys.readouterr().err
    assert (
        "$.languages[0].test_date: is after the deadline to apply (2020-03-01) for the "
        'invitation of 2020-01-01 (got "2025-09-20")'
    ) in err
    assert "day assessed" not in err


def test_ita_readiness_names_the_day_planned() -> None:
    with pytest.raises(InvalidInputError) as caught:
        ee.ita_readiness(PROFILE, invited=date(2020, 1, 1), planned=date(2020, 1, 15))
    assert caught.value.problems[0].message == (
        "is after the day planned to apply (2020-01-15) for the invitation of 2020-01-01"
    )


# -- JSON positions ----------------------------------------------------------------------


def test_an_unterminated_string_has_one_at() -> None:
    # Before: "Unterminated string starting at at line 1, column 7".
    with pytest.raises(InvalidProfileError) as caught:
        ee.from_json('{"a": "x', Candidate)
    assert _messages(caught.value) == [
        "$: not valid JSON: Unterminated string starting at column 7"
    ]


def test_a_pool_line_says_line_once(tmp_path: Path) -> None:
    # Before: "line 2: $: not valid JSON: ... at line 1, column 33".
    good = ee.to_json(PROFILE, indent=None)
    pool = tmp_path / "pool.jsonl"
    pool.write_text(good + "\n" + '{"date_of_birth": "1990-01-01", "education": {"lev\n')
    (failure,) = read_pool(pool).failures
    (text,) = failure.lines()
    assert text == "line 2: $: not valid JSON: Unterminated string starting at column 47"
    assert text.count("line") == 1


def test_a_csv_cell_of_several_lines_gives_the_character_not_a_line(tmp_path: Path) -> None:
    # A quoted CSV cell may span lines: "line 2: ... at line 2, column 13" would give
    # two line numbers of two different things.
    pool = tmp_path / "pool.csv"
    cell = '{"date_of_birth": "1990-05-01",\n"education" {}}'
    pool.write_text(
        'profile,profile_submitted\n"' + cell.replace('"', '""') + '",2026-05-01T10:00:00+00:00\n'
    )
    (failure,) = read_pool(pool).failures
    # 1 + 15 + 1 + 1 + 12 + 1 + 1 (the line end) + 11 + 1 = 44 characters before the "{"
    assert failure.lines() == [
        "line 2: $: not valid JSON: Expecting ':' delimiter at character 45 of the cell"
    ]


# -- the pool of a round -----------------------------------------------------------------

SPEC = RoundSpec(day=date(2026, 9, 1), size=1)  # the example profile is in the pool that day


def test_select_takes_a_pool_file_read_whole(tmp_path: Path) -> None:
    # Before: "pool: must be a Pool (got a Pool)".
    pool = tmp_path / "pool.jsonl"
    pool.write_text(ee.to_json(PROFILE, indent=None) + "\n")
    selection = ee.select(read_pool(pool), SPEC)
    assert selection == ee.select(ee.Pool([PROFILE]), SPEC)
    assert [i.index for i in selection.invited] == [0]


def test_select_refuses_a_pool_file_with_bad_lines_and_says_what_to_do(tmp_path: Path) -> None:
    pool = tmp_path / "pool.jsonl"
    pool.write_text(ee.to_json(PROFILE, indent=None) + "\n{}\n")
    with pytest.raises(InvalidInputError) as caught:
        ee.select(read_pool(pool), SPEC)
    assert _messages(caught.value) == [
        "pool: is a pool file read with 1 bad line (the first is line 2); fix them, or rank "
        "the valid profiles with expressentry.Pool(read.candidates)"
    ]


def test_select_names_the_pool_class_in_full() -> None:
    with pytest.raises(InvalidInputError) as caught:
        ee.select([PROFILE], SPEC)  # type: ignore[arg-type]
    (problem,) = caught.value.problems
    assert problem.message.startswith("must be an expressentry.Pool (build one with")


def test_the_file_pool_is_named_where_it_is_shown(tmp_path: Path) -> None:
    pool = tmp_path / "pool.jsonl"
    pool.write_text(ee.to_json(PROFILE, indent=None) + "\n")
    with pytest.raises(InvalidInputError) as caught:
        ee.score_many(read_pool(pool), as_of=AS_OF)  # type: ignore[call-overload]
    assert str(caught.value.problems[0]).endswith("(got a PoolFile)")


# -- a damaged install -------------------------------------------------------------------


def _feed() -> bytes:
    return resources.files("expressentry.data").joinpath("ee_rounds.json").read_bytes()


def test_a_changed_byte_names_the_file_and_says_to_reinstall(tmp_path: Path) -> None:
    damaged = bytearray(_feed())
    at = damaged.index(b'"drawCRS"')
    damaged[at + 1] = ord("D")  # "DrawCRS": one byte changed
    copy = tmp_path / "ee_rounds.json"
    copy.write_bytes(bytes(damaged))
    with pytest.raises(DamagedDataError) as caught:
        read_checked(copy, FEED_SHA256)
    assert isinstance(caught.value, DataError)
    assert caught.value.file == "expressentry/data/ee_rounds.json"
    digest = hashlib.sha256(bytes(damaged)).hexdigest()
    assert str(caught.value) == (
        f"the data file expressentry/data/ee_rounds.json of the installed package is damaged: "
        f"its SHA-256 is {digest}, not the {FEED_SHA256} recorded in "
        "expressentry/data/PROVENANCE.md; reinstall the package "
        "(python -m pip install --force-reinstall expressentry)"
    )


def test_the_command_line_exits_4_on_a_damaged_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: "internal error (DataError: ... recorded in expressentry/data/PROV); please
    # report it with the command and the profile", exit 3.
    damaged = tmp_path / "data"
    shutil.copytree(Path(str(resources.files("expressentry.data"))), damaged)
    feed = damaged / "ee_rounds.json"
    feed.write_bytes(feed.read_bytes().replace(b'"drawCRS"', b'"DrawCRS"', 1))
    monkeypatch.setattr(history, "resources", SimpleNamespace(files=lambda _package: damaged))
    history.rounds.cache_clear()
    history._supplement.cache_clear()
    try:
        assert main(["outlook", "--example", "--as-of", "2026-11-22"]) == 4
    finally:
        monkeypatch.undo()
        history.rounds.cache_clear()
        history._supplement.cache_clear()
    err = capsys.readouterr().err
    assert err.startswith(
        "expressentry: the data file expressentry/data/ee_rounds.json of the installed "
        "package is damaged"
    )
    assert err.rstrip().endswith(
        "reinstall the package (python -m pip install --force-reinstall expressentry)"
    )
    assert "internal error" not in err
    assert "please report" not in err
