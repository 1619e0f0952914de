"""The command line: readable text, JSON, and clear errors without tracebacks.

Kind: hand-worked examples of user-facing behaviour (exit codes, stderr, JSON). The
example profile's 574 is worked out line by line in ``test_worked_examples``.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

import expressentry.__main__ as cli
from expressentry import example_profile, to_dict
from expressentry.__main__ import main
from expressentry.errors import DataError, InternalError


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
    assert capsys.readouterr().err == (  # at JSON paths, like the problems of reading
        "expressentry: invalid profile:\n"
        '  $.languages[0].test_date: is after the day assessed (2025-03-24) (got "2025-09-20")\n'
        '  $.languages[1].test_date: is after the day assessed (2025-03-24) (got "2025-05-10")\n'
        "  $.profile_submitted: is after the day assessed (2025-03-24): it is 2025-10-01 in UTC"
        ' (got "2025-10-01T14:30:00+00:00")\n'
        '  $.spouse.language.test_date: is after the day assessed (2025-03-24) (got "2025-08-09")\n'
    )  # the candidate's dates first, then the spouse's


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


def write(tmp_path: Path, content: bytes) -> str:
    profile = tmp_path / "p.json"
    profile.write_bytes(content)
    return str(profile)


EXAMPLE_BYTES = json.dumps(to_dict(example_profile())).encode()


def test_exact_problem_lines_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = b'{"date_of_birth": "1990-05-01", "education": {"level": "secondary", "eca_issued": 7}}'
    assert main(["score", write(tmp_path, bad)]) == 2
    printed = capsys.readouterr()
    assert printed.out == ""
    assert printed.err == (
        "expressentry: invalid profile:\n"
        "  $.education.eca_issued: must be a string written YYYY-MM-DD, not a whole number "
        "(an int) (got 7)\n"
    )


def test_a_file_that_is_not_utf8_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    latin1 = '{"date_of_birth": "1990-05-01", "education": {"level": "café"}}'.encode("latin-1")
    assert main(["score", write(tmp_path, latin1)]) == 2
    assert capsys.readouterr().err == (
        "expressentry: invalid profile:\n  $: not UTF-8 text: byte 0xe9 at offset 59\n"
    )


def test_a_byte_order_mark_is_accepted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, b"\xef\xbb\xbf" + EXAMPLE_BYTES)
    assert main(["score", path, "--as-of", "2026-11-22", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 574


def test_stdin_is_read_as_bytes(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"\xef\xbb\xbf" + EXAMPLE_BYTES), encoding="ascii")
    monkeypatch.setattr(sys, "stdin", stdin)  # text decoding would fail on the BOM
    assert main(["score", "-", "--as-of", "2026-11-22", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 574


def test_not_json_says_line_and_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", write(tmp_path, b'{\n  "a": 1\n  "b": 2\n}')]) == 2
    assert capsys.readouterr().err == (
        "expressentry: invalid profile:\n"
        "  $: not valid JSON: Expecting ',' delimiter at line 3, column 3\n"
    )


def test_a_directory_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", str(tmp_path)]) == 2
    assert "cannot read" in capsys.readouterr().err


@pytest.mark.parametrize(
    "as_of", ["20301231", "2030-W01-1", "2030-1-1", "2030-02-30", "2030-12-31T00:00", " 2030-12-31"]
)
def test_as_of_is_strictly_yyyy_mm_dd(as_of: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["score", "--example", "--as-of", as_of])
    assert info.value.code == 2
    assert "--as-of: not a real date written YYYY-MM-DD" in capsys.readouterr().err


def test_many_problems_are_capped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = to_dict(example_profile())
    period = {**data["work_history"][0], "hours_per_week": 0}
    data["work_history"] = [period] * 10_000
    assert main(["score", write(tmp_path, json.dumps(data).encode())]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 22
    assert lines[1].startswith("  $.work_history[0].hours_per_week: must be more than 0")
    assert lines[20].startswith("  $.work_history[19].hours_per_week: ")
    assert lines[21] == "  ... and 9,980 more"


@pytest.mark.parametrize(
    "error",
    [
        InternalError("total 573 is not the sum of the lines"),
        DataError("table crs.age has no row for 17"),
        ZeroDivisionError("division by zero"),
        RecursionError("maximum recursion depth exceeded"),
    ],
)
def test_a_bug_exits_3_in_one_line(
    error: Exception, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*_: object, **__: object) -> None:
        raise error

    monkeypatch.setattr(cli, "score", broken)
    assert main(["score", "--example"]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith(f"expressentry: internal error ({type(error).__name__}: {error})")
    assert "please report" in err
    assert "Traceback" not in err


def test_interrupt_exits_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "score", interrupted)
    assert main(["score", "--example"]) == 130
    assert "Traceback" not in capsys.readouterr().err


class _ClosedPipe(io.StringIO):
    def write(self, _: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_closed_stdout_is_quiet(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())
    assert main(["score", "--example"]) == 141
    assert capsys.readouterr().err == ""
