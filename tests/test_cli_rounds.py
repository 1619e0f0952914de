"""``expressentry rounds``: the shipped history filtered, as text, JSON or CSV; bad input exits 2.

Kind: hand-checked examples; the rounds' values are read in IRCC's feed (see
``test_draws_history``).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from expressentry.__main__ import main
from tests.builders import cli_status


def test_text_table_of_the_last_rounds(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rounds", "--since", "2026-08-17"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["#", "date", "type", "invited", "cut-off", "tie-break", "(UTC)"]
    assert lines[1].split() == ["435", "2026-08-17", "pnp", "442", "760", "2026-08-07", "18:01:56"]
    assert lines[3].split() == [
        "437",
        "2026-08-19",
        "french",
        "5,000",
        "382",
        "2026-03-01",
        "18:34:05",
    ]
    assert lines[-1] == "3 rounds, 6,442 invitations"


def test_json_of_the_fsw_round(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rounds", "--type", "fsw", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["format"] == "expressentry-rounds/1"
    (row,) = data["rounds"]
    assert (row["number"], row["date"], row["kind"], row["invitations"], row["cutoff"]) == (
        "240", "2023-02-02", "program", 3300, 489,
    )  # fmt: skip


def test_csv_of_several_types(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["rounds", "--type", "general", "--type", "stem", "--since", "2024-01-01"]
    assert main([*args, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["round_type"] for r in rows].count("general") == 9  # 2024's general rounds
    assert [r["round_type"] for r in rows].count("stem") == 1
    assert rows[0]["pool_total"] != ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "2026-02-30"], "not a real date written YYYY-MM-DD: '2026-02-30'"),
        (["--type", "lottery"], "invalid choice: 'lottery'"),
        (["--since", "2026-08-19", "--until", "2026-08-01"], "is before --since 2026-08-19"),
    ],
)
def test_bad_arguments_exit_2_without_a_traceback(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli_status(["rounds", *args]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_a_malformed_feed_exits_2_naming_the_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = tmp_path / "feed.json"
    feed.write_text('{"rounds": [{"drawNumber": "1"}]}', encoding="utf-8")
    assert main(["rounds", "--feed", str(feed)]) == 2
    err = capsys.readouterr().err
    assert "$.rounds[0].drawDate: round 1: required field missing" in err
    assert main(["rounds", "--feed", str(tmp_path / "missing.json")]) == 2
    assert "cannot read" in capsys.readouterr().err
