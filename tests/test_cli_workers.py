"""``--workers N`` on the pool commands: the same output as one process, in file order.

Kind: equality with the one-process path. ``score``, ``eligibility``, ``plan`` and
``simulate`` read a pool file's lines in N processes, a chunk at a time; the chunk
size is made small here so a pool of a few dozen lines is split among the
workers. Standard output, standard error and the exit status must be those of
``--workers 1``, bad lines included (a line that is not JSON, a bad value, a
submission after the day scored, a blank line), in JSON Lines and in CSV. A bad
``--workers`` is refused by the argument parser, without a traceback.
"""

from __future__ import annotations

import csv
import io
import json
import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import attrs
import pytest

import expressentry as ee
from expressentry import __main__ as cli
from expressentry import _shards
from expressentry.__main__ import main
from expressentry.eligibility import flags_many
from tests.strategies import random_candidate

DAY = date(2026, 11, 22)


@pytest.fixture(autouse=True)
def _small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_shards, "CHUNK", 4)
    monkeypatch.setattr(cli, "PLAN_CHUNK", 4)


def _profiles(count: int) -> list[ee.Candidate]:
    rng = random.Random(22)
    out = []
    for i in range(count):
        c = random_candidate(rng, DAY)
        submitted = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(hours=7 * i)
        out.append(attrs.evolve(c, profile_submitted=submitted))
    return out


def _line(c: ee.Candidate) -> str:
    return ee.to_json(c, indent=None)


def _bad_lines() -> list[str]:
    late = attrs.evolve(ee.example_profile(), profile_submitted=datetime(2026, 11, 30, tzinfo=UTC))
    return ["not json", '{"date_of_birth": "1990-02-30"}', "", _line(late)]


def _jsonl(tmp_path: Path, *, bad: bool) -> Path:
    lines = [_line(c) for c in _profiles(37)]
    if bad:
        for at, text in zip((3, 10, 11, 25), _bad_lines(), strict=True):
            lines.insert(at, text)
    path = tmp_path / ("bad.jsonl" if bad else "pool.jsonl")
    path.write_text("".join(f"{text}\n" for text in lines), encoding="utf-8")
    return path


def _csv(tmp_path: Path) -> Path:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["profile"])
    for c in _profiles(23):
        writer.writerow([_line(c)])
    writer.writerow(["{not json"])
    writer.writerow([_line(_profiles(1)[0]), "an extra cell"])
    path = tmp_path / "pool.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def _run(capsys: pytest.CaptureFixture[str], args: list[str]) -> tuple[int, str, str]:
    status = main(args)
    found = capsys.readouterr()
    return status, found.out, found.err


@pytest.mark.parametrize("command", ["score", "eligibility", "plan"])
@pytest.mark.parametrize("kind", ["jsonl", "csv"])
def test_a_pool_worked_on_in_two_processes_gives_the_output_of_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, kind: str
) -> None:
    path = _jsonl(tmp_path, bad=True) if kind == "jsonl" else _csv(tmp_path)
    args = [command, str(path), "--as-of", DAY.isoformat()]
    one = _run(capsys, [*args, "--workers", "1"])
    two = _run(capsys, [*args, "--workers", "2"])
    three = _run(capsys, [*args, "--workers", "3"])
    assert one == two == three
    status, out, err = one
    assert status == 2  # bad lines
    answered = [json.loads(text)["line"] for text in out.splitlines()]
    assert answered == sorted(answered)  # file order
    if kind == "jsonl":
        assert len(answered) == 37  # every good profile
        named = [text.split(":")[1].split()[-1] for text in err.splitlines() if " line " in text]
        assert {int(n) for n in named} == {4, 11, 26}  # line 12 is blank: skipped
    else:
        assert len(answered) == 23
        assert "line 25" in err
        assert "line 26" in err


@pytest.mark.parametrize("command", ["score", "eligibility", "plan"])
def test_csv_rows_with_ids_from_two_processes_are_the_rows_of_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    lines = [json.dumps({**ee.to_dict(c), "client": f"K{i}"}) for i, c in enumerate(_profiles(21))]
    lines.insert(5, "not json")
    path = tmp_path / "ids.jsonl"
    path.write_text("".join(f"{text}\n" for text in lines), encoding="utf-8")
    args = [command, str(path), "--as-of", DAY.isoformat(), "--format", "csv"]
    args += ["--id-field", "client"]
    one = _run(capsys, [*args, "--workers", "1"])
    two = _run(capsys, [*args, "--workers", "2"])
    assert one == two
    status, out, err = one
    assert status == 2
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["line"] for r in rows] == [str(n) for n in range(1, 23) if n != 6]
    assert [r["id"] for r in rows] == [f"K{i}" for i in range(21)]
    assert err.startswith("expressentry: ids.jsonl line 6: $: not valid JSON")


def test_a_pool_scored_in_two_processes_gives_each_profiles_own_total(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _jsonl(tmp_path, bad=False)
    status, out, _ = _run(
        capsys, ["score", str(path), "--as-of", DAY.isoformat(), "--workers", "2"]
    )
    assert status == 0
    totals = [json.loads(text)["total"] for text in out.splitlines()]
    assert totals == [ee.score(c, as_of=DAY).total for c in _profiles(37)]


def test_a_pool_planned_in_two_processes_gives_each_profile_s_own_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pool = _profiles(6)
    path = tmp_path / "few.jsonl"
    path.write_text("".join(f"{_line(c)}\n" for c in pool), encoding="utf-8")
    args = ["plan", str(path), "--as-of", DAY.isoformat(), "--top", "3", "--workers", "2"]
    status, out, _ = _run(capsys, args)
    assert status == 0
    rows = [json.loads(text) for text in out.splitlines()]
    assert [row.pop("format") for row in rows] == ["expressentry-plan-row/1"] * 6
    assert [row.pop("line") for row in rows] == [1, 2, 3, 4, 5, 6]
    assert [row.pop("id") for row in rows] == [None] * 6  # no line gives one
    alone = []
    for i, c in enumerate(pool):
        one = tmp_path / f"{i}.json"
        one.write_text(ee.to_json(c), encoding="utf-8")
        single = ["plan", str(one), "--as-of", DAY.isoformat(), "--top", "3", "--format", "json"]
        alone.append(json.loads(_run(capsys, single)[1]))
    assert [plan.pop("format") for plan in alone] == ["expressentry-plan/1"] * 6
    assert rows == alone


@pytest.mark.parametrize("form", ["json", "text"])
def test_a_round_simulated_in_two_processes_is_the_round_of_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], form: str
) -> None:
    path = _jsonl(tmp_path, bad=False)
    args = ["simulate", str(path), "--size", "9", "--as-of", DAY.isoformat(), "--format", form]
    one = _run(capsys, [*args, "--workers", "1"])
    two = _run(capsys, [*args, "--workers", "2"])
    assert one == two
    assert one[0] == 0
    if form == "json":
        assert 1 <= len(json.loads(one[1])["invited"]) <= 9  # those eligible, highest first


def test_a_pool_with_bad_lines_is_simulated_on_its_good_ones_whatever_the_workers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _jsonl(tmp_path, bad=True)
    args = ["simulate", str(path), "--size", "5", "--as-of", DAY.isoformat()]
    one = _run(capsys, [*args, "--workers", "1", "--format", "json"])
    two = _run(capsys, [*args, "--workers", "2", "--format", "json"])
    assert one == two
    status, out, err = one
    assert status == 2  # bad lines, named on stderr; the round is run on the rest
    data = json.loads(out)
    assert data["bad_lines"] == [4, 11]  # line 12 is blank; line 26 is submitted later
    assert data["not_in_pool"]["submitted_after"] == [26]  # in no round of that day
    assert {int(t.split()[3].rstrip(":")) for t in err.splitlines()} == {4, 11}
    alone = tmp_path / "good.jsonl"
    alone.write_text(_jsonl(tmp_path, bad=False).read_text("utf-8"), "utf-8")
    clean = json.loads(_run(capsys, ["simulate", str(alone), *args[2:], "--format", "json"])[1])
    assert data["cutoff"] == clean["cutoff"]  # the bad lines change nothing of the round
    assert [i["crs"] for i in data["invited"]] == [i["crs"] for i in clean["invited"]]


@pytest.mark.parametrize("command", ["score", "eligibility", "simulate"])
@pytest.mark.parametrize("workers", ["0", "x", "-1", "1.5", ""])
def test_a_bad_number_of_workers_is_refused_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, workers: str
) -> None:
    path = _jsonl(tmp_path, bad=False)
    extra = ["--size", "3"] if command == "simulate" else []
    with pytest.raises(SystemExit) as exc:
        main([command, str(path), *extra, "--workers", workers])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert f"argument --workers: not a whole number of processes, at least 1: {workers!r}" in err
    assert "Traceback" not in err


def test_an_unreadable_pool_is_named_with_any_number_of_workers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for command in ("score", "simulate"):
        extra = ["--size", "3"] if command == "simulate" else []
        missing = tmp_path / "missing.jsonl"
        status, out, err = _run(capsys, [command, str(missing), *extra, "--workers", "2"])
        assert (status, out) == (2, "")
        assert err == f"expressentry: cannot read {missing}: No such file or directory\n"
        folder = tmp_path / "folder.jsonl"
        folder.mkdir(exist_ok=True)
        status, out, err = _run(capsys, [command, str(folder), *extra, "--workers", "2"])
        assert (status, out) == (2, "")
        assert err == f"expressentry: cannot read {folder}: Is a directory\n"


def test_a_profile_refused_on_the_round_day_is_named_whatever_the_workers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profiles = _profiles(13)
    base = ee.example_profile()
    tested_later = attrs.evolve(
        base.languages[0], test_date=DAY + timedelta(days=3), result_date=None
    )
    late = attrs.evolve(
        base,
        languages=(tested_later, *base.languages[1:]),
        profile_submitted=datetime(2026, 2, 1, tzinfo=UTC),
    )
    profiles.insert(6, late)  # in the pool on the day, with a test taken after it
    path = tmp_path / "late.jsonl"
    path.write_text("".join(_line(c) + "\n" for c in profiles), encoding="utf-8")
    args = ["simulate", str(path), "--size", "3", "--as-of", DAY.isoformat()]
    one = _run(capsys, [*args, "--workers", "1"])
    two = _run(capsys, [*args, "--workers", "2"])
    assert one == two
    assert one[0] == 2
    # its line as the file numbers it (never its index in the pool), and the round runs
    assert one[2] == (
        "expressentry: late.jsonl line 7: $.languages[0].test_date: is after the day "
        f'assessed ({DAY}) (got "{DAY + timedelta(days=3)}")\n'
    )
    assert "pool: 13 candidates" in one[1]


# --- Pool.remember: totals and flags worked out elsewhere ---------------------------


def _round_pool() -> tuple[ee.Pool, ee.RuleSet]:
    return ee.Pool(_profiles(30)), ee.rules_for(as_of=DAY)


def test_a_pool_reuses_the_totals_and_flags_it_is_given() -> None:
    pool, rules = _round_pool()
    everyone = range(len(pool))
    given = list(range(100, 100 + len(pool)))
    pool.remember(as_of=DAY, rules=rules, scores=[*given[:-1], None])
    # the given totals are read as they are; the one not given is worked out here
    assert pool.scores(everyone, as_of=DAY, rules=rules) == [
        *given[:-1],
        ee.score(pool.candidates[-1], as_of=DAY).total,
    ]


def test_a_round_from_remembered_totals_and_flags_is_the_round_worked_out_here() -> None:
    spec = ee.RoundSpec(day=DAY, size=5, kind=ee.RoundKind.GENERAL)
    pool, rules = _round_pool()
    expected = ee.select(pool, spec, rules=rules)
    seeded, _ = _round_pool()
    people = seeded.candidates
    seeded.remember(
        as_of=DAY,
        rules=rules,
        scores=ee.score_many(people, as_of=DAY),
        flags=flags_many(people, as_of=DAY),
    )
    assert ee.select(seeded, spec, rules=rules) == expected


@pytest.mark.parametrize(
    ("kwargs", "named"),
    [
        ({"scores": [1, 2]}, "scores"),
        ({"flags": [None]}, "flags"),
        ({"rules": "today"}, "rules"),
    ],
)
def test_remembering_the_wrong_number_of_entries_is_refused(
    kwargs: dict[str, object], named: str
) -> None:
    pool, rules = _round_pool()
    given: dict[str, Any] = {"as_of": DAY, "rules": rules, **kwargs}
    with pytest.raises(ee.InvalidInputError) as exc:
        pool.remember(**given)
    assert [p.path for p in exc.value.problems] == [named]
