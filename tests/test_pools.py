"""Pools from files: JSON Lines and CSV, every bad line reported, and the command line.

Kind: hand-worked examples. Each file mixes good and bad lines; the tests check
the line numbers, paths and messages of the bad ones, that the good ones are read
exactly as ``from_json`` reads them alone, and what the command line writes.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

import expressentry.__main__ as cli
from expressentry import Candidate, InvalidInputError, example_profile, from_json, score, to_dict
from expressentry.__main__ import main
from expressentry.pools import iter_pool, pool_format, read_pool

AS_OF = date(2026, 11, 22)
SUBMITTED = "2026-05-01T10:00:00+00:00"


def _profile(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = to_dict(example_profile())
    data["profile_submitted"] = SUBMITTED
    data.update(changes)
    return data


def _jsonl(tmp_path: Path) -> Path:
    lines = [
        json.dumps(_profile()),  # 1
        "",  # 2: blank, skipped
        json.dumps(_profile(education={"level": "phd"}, nickname="Sam")),  # 3
        "{not json",  # 4
        json.dumps(_profile(dependent_children=2)),  # 5
        json.dumps(_profile(profile_submitted="2027-01-01T00:00:00+00:00")),  # 6: after AS_OF
    ]
    path = tmp_path / "pool.jsonl"
    path.write_text("\r\n".join(lines) + "\n")
    return path


def test_reading_reports_its_progress_in_bytes(tmp_path: Path) -> None:
    # The command line's progress bar reads through read_pool, the one reader.
    path = _jsonl(tmp_path)
    seen: list[int] = []
    read = read_pool(path, progress=seen.append)
    assert sum(seen) == path.stat().st_size - len("\r\n")  # every line but the blank one
    assert len(seen) == len(read.candidates) + len(read.failures)


def test_jsonl_keeps_good_lines_and_names_each_bad_one(tmp_path: Path) -> None:
    pool = read_pool(_jsonl(tmp_path))
    assert pool.lines == (1, 5, 6)
    assert pool.candidates[0] == from_json(json.dumps(_profile()), Candidate)  # as read alone
    assert pool.candidates[1].dependent_children == 2
    assert not pool.ok
    assert [f.line for f in pool.failures] == [3, 4]
    bad = {(f.line, p.path, p.message) for f in pool.failures for p in f.problems}
    assert (3, "$.nickname", "unknown key") in bad
    assert any(line == 3 and path == "$.education.level" for line, path, _ in bad)
    assert any(line == 4 and path == "$" and "not valid JSON" in msg for line, path, msg in bad)
    assert pool.failures[0].lines()[0].startswith("line 3: $.education.level: must be one of")


def _csv(tmp_path: Path, rows: list[list[str]], header: list[str] | None = None) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header or ["profile", "profile_submitted"])
    writer.writerows(rows)
    path = tmp_path / "pool.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def test_csv_reads_the_profile_column_and_the_submission_column(tmp_path: Path) -> None:
    alone = _profile()
    del alone["profile_submitted"]
    multi_line = json.dumps(alone, indent=1)  # one record over many lines
    path = _csv(
        tmp_path,
        [
            [json.dumps(alone), SUBMITTED],  # line 2
            [multi_line, "2026-05-02"],  # line 3: no time zone
            [json.dumps(_profile()), SUBMITTED],  # given twice
            [json.dumps(_profile()), ""],  # in the profile only
            ["[1, 2]", SUBMITTED],  # not an object
        ],
    )
    pool = read_pool(path)
    after = 3 + multi_line.count("\n") + 1
    assert pool.lines == (2, after + 1)
    assert all(c.profile_submitted == datetime(2026, 5, 1, 10, tzinfo=UTC) for c in pool.candidates)
    found = {f.line: [(p.path, p.message) for p in f.problems] for f in pool.failures}
    assert found[3] == [
        ("$.profile_submitted", "must carry a time zone (for example 2025-01-31T14:05:00+00:00)")
    ]
    assert found[after] == [
        ("$.profile_submitted", "is given both in the profile and in its column")
    ]
    assert found[after + 2] == [("$", "must be a JSON object")]


def test_csv_with_a_bad_header_is_one_failure(tmp_path: Path) -> None:
    pool = read_pool(_csv(tmp_path, [["{}", ""]], header=["json", "profile_submitted"]))
    assert pool.candidates == ()
    [failure] = pool.failures
    assert failure.line == 1
    # the column as a spreadsheet counts it, from 1 (never a 0-based index)
    assert [p.path for p in failure.problems] == ["column 1", "$"]
    assert failure.lines()[0] == (
        'line 1: column 1: is not a column of a pool: profile, profile_submitted or id (got "json")'
    )


def test_a_header_that_is_not_a_pool_s_names_five_columns_and_counts_the_rest(
    tmp_path: Path,
) -> None:
    path = tmp_path / "pool.csv"  # JSON Lines saved as .csv: every key a column
    path.write_text(json.dumps(_profile()) + "\n", encoding="utf-8")
    [failure] = read_pool(path).failures
    paths = [p.path for p in failure.problems]
    assert paths[:5] == ["column 1", "column 2", "column 3", "column 4", "column 5"]
    assert paths[5:] == ["$", "$"]
    assert failure.problems[5].message.startswith("and ")
    assert failure.problems[5].message.endswith(" more columns not of a pool")
    assert failure.problems[6].message == "the header names no profile column"


def test_csv_with_the_profile_column_alone(tmp_path: Path) -> None:
    pool = read_pool(_csv(tmp_path, [[json.dumps(_profile())]], header=["profile"]))
    assert pool.lines == (2,)
    assert pool.ok


def test_csv_row_of_the_wrong_width(tmp_path: Path) -> None:
    path = _csv(tmp_path, [[json.dumps(_profile()), SUBMITTED, "extra"]])
    [failure] = read_pool(path).failures
    assert failure.problems[0].message == "has 3 cells; the header names 2 columns"


def test_csv_not_utf8_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "pool.csv"
    path.write_bytes(b"profile\n{}\n\xff\n")
    [failure] = read_pool(path).failures
    assert failure.line == 3
    assert failure.problems[0].message == "not UTF-8 text: byte 0xff"


def test_format_by_extension(tmp_path: Path) -> None:
    assert pool_format("a.JSONL") == "jsonl"
    assert pool_format(tmp_path / "b.csv") == "csv"
    assert pool_format("c.json") is None
    with pytest.raises(InvalidInputError) as raised:
        iter_pool(tmp_path / "pool.json")
    assert raised.value.problems[0].path == "path"


def test_cli_scores_a_pool_one_line_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["score", str(_jsonl(tmp_path)), "--as-of", "2026-11-22"]) == 2
    captured = capsys.readouterr()
    out = [json.loads(line) for line in captured.out.splitlines()]
    assert score(example_profile(), as_of=AS_OF).total == 574  # the README's figure
    assert out[0] == {
        "format": "expressentry-score-row/1",
        "line": 1,
        "id": None,  # the line gives none
        "as_of": "2026-11-22",
        "total": 574,
        # the example's sections as the quickstart gives them: (404, 20, 100, 50)
        "core": 404,
        "spouse": 20,
        "transferability": 100,
        "additional": 50,
        "in_pool": True,  # submitted 2026-05-01, 12 months in the pool
        # first to end: the profile itself, 12 months in the pool from 2026-05-01 (before
        # the TEF Canada result of 2025-05-10, valid 2 years, to 2027-05-10)
        "next_expiry": "2027-05-01",
        "next_expiry_document": "candidate profile: profile submitted 2026-05-01",
        "rules_reviewed_on": "2026-11-22",
        "caveats": [],  # the day is the rules' review day: nothing to add
    }
    assert [o["line"] for o in out] == [1, 5]
    err = captured.err.splitlines()
    assert [e.split(":")[1] for e in err] == [" pool.jsonl line 3"] * 2 + [
        " pool.jsonl line 4",
        " pool.jsonl line 6",
    ]
    assert err[-1] == (
        "expressentry: pool.jsonl line 6: $.profile_submitted: is after the day assessed "
        '(2026-11-22): it is 2027-01-01 in UTC (got "2027-01-01T00:00:00+00:00")'
    )
    assert "Traceback" not in captured.err


def test_cli_assesses_a_pool_with_flags(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "pool.jsonl"
    path.write_text(json.dumps(_profile()) + "\n")
    assert main(["eligibility", str(path), "--as-of", "2026-11-22"]) == 0
    captured = capsys.readouterr()
    [line] = [json.loads(x) for x in captured.out.splitlines()]
    assert line["programs"] == {"fsw": "eligible", "cec": "eligible", "fst": "not_eligible"}
    assert line["categories"]["french"] == "eligible"
    assert captured.err == ""  # no progress bar: stderr is not a terminal


def test_cli_pool_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", str(tmp_path / "none.csv")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    for stderr, shown in ((Tty(), True), (io.StringIO(), False)):
        monkeypatch.setattr(sys, "stderr", stderr)
        with cli._progress(10, "B", "reading") as advance:
            advance(4)
        assert ("reading" in stderr.getvalue()) is shown


def test_no_progress_bar_without_tqdm(monkeypatch: pytest.MonkeyPatch) -> None:
    """tqdm is the `cli` extra: without it, the commands run the same with no bar."""

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setitem(sys.modules, "tqdm", None)  # `import tqdm` raises ImportError
    stderr = Tty()
    monkeypatch.setattr(sys, "stderr", stderr)
    with cli._progress(10, "B", "reading") as advance:
        advance(4)
    assert stderr.getvalue() == ""
