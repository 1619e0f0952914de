"""The command line: readable text, JSON, and clear errors without tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from expressentry import example_profile, to_dict
from expressentry.__main__ import main


def test_score_example_as_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", "--example", "--as-of", "2026-11-22"]) == 0
    out = capsys.readouterr().out
    assert "CRS score on 2026-11-22 (rules in force from 2025-03-25)" in out
    assert out.rstrip().splitlines()[-1].split() == ["Total", "574"]
    assert "Age 32 on 2026-11-22, with accompanying spouse" in out


def test_score_file_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profile = tmp_path / "p.json"
    profile.write_text(json.dumps(to_dict(example_profile())))
    assert main(["score", str(profile), "--as-of", "2026-11-22", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == 574
    assert data["as_of"] == "2026-11-22"
    assert sum(line["points"] for line in data["lines"]) == 574


def test_invalid_profile_exits_2_with_paths(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = to_dict(example_profile())
    data["work_history"][0]["hours_per_week"] = 0
    profile = tmp_path / "bad.json"
    profile.write_text(json.dumps(data))
    assert main(["score", str(profile)]) == 2
    err = capsys.readouterr().err
    assert "$.work_history[0].hours_per_week" in err
    assert "Traceback" not in err


def test_date_before_express_entry_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", "--example", "--as-of", "2014-12-31"]) == 2
    assert "2014-12-31" in capsys.readouterr().err


def test_document_after_as_of_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", "--example", "--as-of", "2025-03-24"]) == 2
    assert "languages[0].test_date" in capsys.readouterr().err


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", str(tmp_path / "nope.json")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_bad_as_of_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as info:
        main(["score", "--example", "--as-of", "22/11/2026"])
    assert info.value.code == 2


def test_example_prints_the_template(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["example"]) == 0
    assert json.loads(capsys.readouterr().out)["date_of_birth"] == "1994-03-15"


def test_eligibility_example_as_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eligibility", "--example", "--as-of", "2026-11-22"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Eligibility on 2026-11-22")
    assert "Federal Skilled Worker Program (FSW): ELIGIBLE" in out
    assert "Canadian Experience Class (CEC): ELIGIBLE" in out
    assert "Federal Skilled Trades Program (FST): not eligible" in out
    assert "Selection grid: 98 of 100 (pass mark 67)" in out
    assert "French-language proficiency (2026): eligible" in out


def test_eligibility_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profile = tmp_path / "p.json"
    profile.write_text(json.dumps(to_dict(example_profile())))
    assert main(["eligibility", str(profile), "--as-of", "2026-11-22", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(p["program"], p["eligible"]) for p in data["programs"]] == [
        ("fsw", True),
        ("cec", True),
        ("fst", False),
    ]
    assert data["programs"][0]["grid"]["total"] == 98
    assert {c["category"] for c in data["categories"]} >= {"french", "stem", "trades"}


def test_eligibility_invalid_profile_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = to_dict(example_profile())
    data["dependent_children"] = -1
    profile = tmp_path / "bad.json"
    profile.write_text(json.dumps(data))
    assert main(["eligibility", str(profile)]) == 2
    err = capsys.readouterr().err
    assert "$.dependent_children" in err
    assert "Traceback" not in err
