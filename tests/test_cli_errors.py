"""Bad input to every command: status 2, the problem in the user's words, never a traceback.

Kind: hand-worked examples of user-facing behaviour. Every command of the parser
(walked from the parser object) must have bad input here; each message is checked
for the names of the package's classes and functions (``invalid Candidate``,
``report_html``), Python's (``NoneType``, ``Namespace``) and for line numbers
counted from 0.
"""

from __future__ import annotations

import argparse
import inspect
import io
import json
import re
from datetime import date
from pathlib import Path

import pytest

import expressentry as ee
from expressentry.__main__ import _parser, main

_PYTHON_NAMES = ("Traceback", "Namespace", "NoneType", "attrs", "cattrs", "dict", "_")


def _internal_names() -> set[str]:
    """Names a person never types: the package's classes and functions, and Python's."""
    names = {n for n in ee.__all__ if inspect.isclass(getattr(ee, n))}
    names |= {"report_html", "improvements", "select", "from_json", "Pool", "Candidate"}
    return names


INTERNAL = _internal_names()


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    good = ee.to_dict(ee.example_profile())
    bad = {**good, "education": "doctorate-ish"}
    paths = {
        "good": tmp_path / "good.json",
        "bad": tmp_path / "bad.json",
        "notjson": tmp_path / "notjson.json",
        "pool": tmp_path / "pool.jsonl",
        "csv": tmp_path / "pool.csv",
        "missing": tmp_path / "missing.json",
    }
    paths["good"].write_text(json.dumps(good), "utf-8")
    paths["bad"].write_text(json.dumps(bad), "utf-8")
    paths["notjson"].write_text("{not json", "utf-8")
    paths["pool"].write_text(json.dumps(good) + "\n{not json\n" + json.dumps(bad) + "\n", "utf-8")
    paths["csv"].write_text("a,b\n1,2\n", "utf-8")
    return {k: str(v) for k, v in paths.items()}


def _bad_runs(f: dict[str, str]) -> dict[str, list[list[str]]]:
    """Bad input to each command: a bad profile, a bad pool, a bad option or file."""
    profile = [[f["bad"]], [f["notjson"]], [f["missing"]], ["--example", "--as-of", "1999-01-01"]]
    return {
        "score": [*profile, [f["pool"]], [f["csv"]], ["--example", "--format", "csv"]],
        "eligibility": [*profile, [f["pool"]], ["--example", "--as-of", "2026-02-30"]],
        "plan": [*profile, [f["pool"]], ["--example", "--as-of", "9999-12-01"], ["--top", "0"]],
        "outlook": [*profile, ["--example", "--last", "0"], ["--example", "--feed", f["bad"]]],
        "timeline": [*profile, ["--example", "--from", "9999-12-01"], [f["good"], "--months", "x"]],
        "report": [*profile, ["--example", "--as-of", "9999-12-01"]],
        "compare": [[f["bad"], f["good"]], [f["good"]], [f["good"], f["notjson"]], ["-", "-"]],
        "example": [["surplus"]],
        "schema": [["nope"]],
        "rounds": [
            ["--type", "nope"],
            ["--feed", f["notjson"]],
            ["--since", "2026-01-02", "--until", "2026-01-01"],
        ],
        "backtest": [["--feed", f["bad"]], ["--before", "yesterday"]],
        "simulate": [
            [f["pool"], "--size", "1"],
            [f["good"], "--size", "1"],
            [f["pool"], "--size", "0"],
            [f["csv"], "--size", "2"],
        ],
        "replay": [["--number", "99999"], ["--feed", f["missing"]]],
    }


def _commands() -> list[str]:
    (commands,) = [a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return sorted(commands.choices)


def _run(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as done:  # argparse's own refusal
        return done.code if isinstance(done.code, int) else -1


def test_every_command_has_bad_input_here(files: dict[str, str]) -> None:
    assert sorted(_bad_runs(files)) == _commands()


@pytest.mark.parametrize("name", _commands())
def test_bad_input_is_said_in_the_user_s_words(
    name: str,
    files: dict[str, str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for run in _bad_runs(files)[name]:
        monkeypatch.setattr("sys.stdin", io.StringIO(""))
        status = _run([name, *run])
        err = capsys.readouterr().err
        where = f"{name} {' '.join(run)}: {err}"
        assert status == 2, where
        assert err.strip(), where
        words = set(re.findall(r"[A-Za-z_]+", err))
        assert not words & INTERNAL, where
        for python in _PYTHON_NAMES:
            assert not re.search(rf"\b{python}\b", err), where
        assert "line 0" not in err, where
        assert "$[" not in err, where  # an index where a line number is meant


def test_a_bad_pool_line_is_named_by_its_line_counted_from_1(
    files: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    # pool.jsonl: line 1 good, line 2 not JSON, line 3 a bad education.
    assert main(["score", files["pool"], "--as-of", "2026-11-22"]) == 2
    err = capsys.readouterr().err
    assert "pool.jsonl line 2: $: not valid JSON" in err
    assert "pool.jsonl line 3: $.education" in err


def test_an_argument_the_library_refuses_is_named_as_typed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["plan", "--example", "--as-of", "9999-12-01"]) == 2
    assert capsys.readouterr().err == (
        "expressentry: invalid arguments of plan:\n"
        "  --horizon: runs past 9999-12-31 from 9999-12-01 (got 12)\n"
    )
    assert main(["report", "--example", "--as-of", "9999-12-01"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("expressentry: invalid arguments of report:\n  --as-of: ")


def test_a_bad_profile_is_the_profile_not_a_class(
    files: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["compare", files["good"], files["bad"]]) == 2
    err = capsys.readouterr().err
    assert err.startswith("expressentry: invalid profile in ")
    assert "bad.json:\n  $.education: " in err


def test_a_plan_past_the_last_date_is_bad_input_not_a_crash() -> None:
    # 9999-12-01 + 12 months is past 9999-12-31, the last day a date holds.
    with pytest.raises(ee.InvalidInputError) as caught:
        ee.improvements(ee.example_profile(), as_of=date(9999, 12, 1))
    assert caught.value.problems[0].path == "months"
    assert "runs past 9999-12-31" in caught.value.problems[0].message


def test_a_file_named_in_the_error_stays_named(
    files: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["rounds", "--feed", files["notjson"]]) == 2
    err = capsys.readouterr().err
    assert err.startswith("expressentry: invalid rounds feed notjson.json:\n  $: ")
