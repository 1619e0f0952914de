"""``--format``: each format a command offers is written in it, or refused; one JSON shape.

Kind: round trips. The formats come from the parser object (every command with a
``--format``, every choice it advertises), so a format added later is checked too;
each output is read back with the standard library's reader of that format
(:func:`json.loads`, :mod:`csv`, JSON Lines a line at a time). The JSON a command
writes is compared with the Python result's :func:`~expressentry.to_dict`, computed
here through the public API on the same day.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import attrs
import pytest

import expressentry as ee
from expressentry.__main__ import _parser, main
from expressentry.draws import rounds as shipped_rounds
from expressentry.draws.cutoffs import backtest
from expressentry.draws.prospects import outlook
from expressentry.planner import Scenario, compare
from expressentry.timelines.documents import validity_on
from expressentry.timelines.forecast import forecast

DAY = "2026-11-22"


def _formats() -> dict[str, tuple[str, ...]]:
    """Each command with a ``--format`` and the formats it advertises."""
    parser = _parser()
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    found = {}
    for name, command in commands.choices.items():
        for action in command._actions:
            if "--format" in action.option_strings:
                assert action.choices is not None
                found[name] = tuple(str(c) for c in action.choices)
    return found


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    """A profile, a second one, and a pool of two (JSON Lines), as files."""
    base = ee.example_profile()
    one = tmp_path / "one.json"
    one.write_text(ee.to_json(base), "utf-8")
    other = tmp_path / "other.json"
    other.write_text(ee.to_json(attrs.evolve(base, sibling_in_canada=True)), "utf-8")
    pool = tmp_path / "pool.jsonl"
    submitted = attrs.evolve(base, profile_submitted=datetime(2026, 3, 1, 9, 0, tzinfo=UTC))
    pool.write_text(
        "".join(ee.to_json(p).replace("\n", "") + "\n" for p in (submitted, submitted)), "utf-8"
    )
    return {"one": str(one), "other": str(other), "pool": str(pool)}


def _runs(name: str, files: dict[str, str]) -> list[list[str]]:
    """The ways to run ``name`` that ``--format`` applies to (one profile, a pool...)."""
    on_day = ["--as-of", DAY]
    return {
        "score": [[files["one"], *on_day], [files["pool"], *on_day]],
        "eligibility": [[files["one"], *on_day], [files["pool"], *on_day]],
        "plan": [[files["one"], *on_day], [files["pool"], *on_day]],
        "outlook": [[files["one"], *on_day]],
        "timeline": [[files["one"], "--from", DAY, "--months", "3"]],
        "compare": [[files["one"], files["other"], *on_day]],
        "rounds": [["--since", "2025-06-01", "--until", "2025-07-31"]],
        "backtest": [["--since", "2025-06-01"]],
        "simulate": [[files["pool"], "--size", "1", *on_day]],
    }[name]


def _text(out: str) -> None:
    assert out.strip()
    with pytest.raises(json.JSONDecodeError):
        json.loads(out)


def _json(out: str) -> None:
    assert isinstance(json.loads(out), dict | list)


def _jsonl(out: str) -> None:
    lines = out.splitlines()
    assert lines
    for line in lines:
        assert isinstance(json.loads(line), dict)


def _csv(out: str) -> None:
    rows = list(csv.reader(io.StringIO(out)))
    assert len(rows) >= 2  # a header and a row at least
    assert {len(r) for r in rows} == {len(rows[0])}


READERS: dict[str, Callable[[str], None]] = {
    "text": _text,
    "json": _json,
    "jsonl": _jsonl,
    "csv": _csv,
}


@pytest.mark.parametrize(
    ("name", "fmt"), [(n, f) for n, formats in _formats().items() for f in formats]
)
def test_each_format_is_written_in_it_or_refused(
    name: str, fmt: str, files: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    honoured = 0
    for run in _runs(name, files):
        status = main([name, *run, "--format", fmt])
        out, err = capsys.readouterr()
        if status == 2 and not out:  # refused: said, with the format named
            assert f"--format {fmt}" in err
            assert "Traceback" not in err
            continue
        assert status == 0, err
        READERS[fmt](out)
        honoured += 1
    assert honoured, f"{name} --format {fmt} is refused for every input"


def test_the_walk_finds_the_commands_with_formats() -> None:
    formats = _formats()
    assert formats["score"] == ("text", "json", "jsonl", "csv")
    assert formats["rounds"] == ("text", "json", "csv")


def _cli_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    assert main([*argv, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_score_json_is_the_breakdown_to_dict(
    files: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    expected = ee.to_dict(ee.score(ee.example_profile(), as_of=date(2026, 11, 22)))
    assert _cli_json(capsys, "score", files["one"], "--as-of", DAY) == expected


def test_eligibility_json_is_the_report_to_dict(
    files: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    expected = ee.to_dict(ee.assess(ee.example_profile(), as_of=date(2026, 11, 22)))
    assert _cli_json(capsys, "eligibility", files["one"], "--as-of", DAY) == expected


def test_plan_json_is_the_plan_to_dict_cut_to_top(
    files: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    plan = ee.improvements(ee.example_profile(), as_of=date(2026, 11, 22))
    whole = ee.to_dict(plan)
    everything = str(len(plan.improvements))
    assert _cli_json(capsys, "plan", files["one"], "--as-of", DAY, "--top", everything) == whole
    cut = _cli_json(capsys, "plan", files["one"], "--as-of", DAY, "--top", "2")
    assert cut == {**whole, "improvements": whole["improvements"][:2]}


def test_outlook_json_is_the_outlook_to_dict(
    files: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    expected = ee.to_dict(outlook(ee.example_profile(), as_of=date(2026, 11, 22)))
    assert _cli_json(capsys, "outlook", files["one"], "--as-of", DAY) == expected


def test_compare_json_is_the_comparison_to_dict(
    files: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    base = ee.example_profile()
    found = compare(
        Scenario(base, name="one"),
        Scenario(attrs.evolve(base, sibling_in_canada=True), name="other"),
        as_of=date(2026, 11, 22),
    )
    expected = ee.to_dict(found)
    assert _cli_json(capsys, "compare", files["one"], files["other"], "--as-of", DAY) == expected


def test_backtest_json_is_the_backtest_to_dict(capsys: pytest.CaptureFixture[str]) -> None:
    expected = ee.to_dict(backtest(shipped_rounds(), since=date(2025, 6, 1)))
    assert _cli_json(capsys, "backtest", "--since", "2025-06-01") == expected


def test_timeline_json_is_each_part_to_dict(
    files: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    start, end = date(2026, 11, 22), date(2027, 2, 22)
    base = ee.example_profile()
    expected = {
        "format": "expressentry-timeline/1",  # as the profile-format page lists it
        "validity": ee.to_dict(validity_on(base, as_of=start)),
        "forecast": ee.to_dict(forecast(base, start=start, end=end)),
    }
    found = _cli_json(capsys, "timeline", files["one"], "--from", DAY, "--months", "3")
    assert found == expected
