"""Pools people can use (#21): ids, JSON Lines or CSV, and every bad line named by its number.

Kind: acceptance examples of the command line. A generated pool of 3,000 profiles,
each with the client's own id, holds 30 bad lines of five kinds (not JSON, a bad
value, an unknown key, a test taken after the day, an id that is not one) and
blank lines, which are skipped. ``score``, ``eligibility`` and ``simulate`` must
process the 2,970 good lines and name each bad line by the number the file shows;
``plan`` (a few thousand scorings a profile) is checked on the first 200 lines of
the same pool, 10 of them bad. Expected values come from the library's one-profile
functions (``score``, ``assess``) and from the documented example profile (574:
404 core, 20 spouse, 100 transferability, 50 additional), never from the rows
under test. CSV output is read back with :class:`csv.DictReader`, and its columns
are those the profile-format guide documents, written out here.
"""

from __future__ import annotations

import csv
import io
import json
import random
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import attrs
import pytest

import expressentry as ee
from expressentry.__main__ import main
from expressentry._shards import first_unmet
from expressentry.pools import read_pool
from tests.strategies import random_candidate

pytestmark = pytest.mark.slow  # a long test: CI runs it (pytest -m slow)

DAY = date(2026, 11, 22)
SIZE = 3_000
BAD = 30

SCORE_COLUMNS = [
    "line",
    "id",
    "as_of",
    "total",
    "core",
    "spouse",
    "transferability",
    "additional",
    "in_pool",
    "next_expiry",
    "next_expiry_document",
    "rules_reviewed_on",
]
CATEGORIES_ON_DAY = [  # the categories in force on 2026-11-22, in the report's order
    "french",
    "education",
    "healthcare_social_services",
    "physicians_canadian_experience",
    "researchers_canadian_experience",
    "senior_managers_canadian_experience",
    "skilled_military_recruits",
    "stem",
    "trades",
    "transport",
]
ELIGIBILITY_COLUMNS = [
    "line",
    "id",
    "as_of",
    "fsw",
    "cec",
    "fst",
    *CATEGORIES_ON_DAY,
    "fsw_unmet",
    "fsw_shortfall",
    "cec_unmet",
    "cec_shortfall",
    "fst_unmet",
    "fst_shortfall",
    "rules_reviewed_on",
]
PLAN_COLUMNS = [
    "line",
    "id",
    "as_of",
    "total",
    "improvements_found",
    "best_change",
    "best_kind",
    "best_gain",
    "best_day",
    "best_pair_gain",
    "pool_exit",
    "rules_reviewed_on",
]


def _line(c: ee.Candidate, given: object) -> str:
    data = ee.to_dict(c)
    data["id"] = given
    return json.dumps(data)


def _late(rng: random.Random) -> ee.Candidate:
    """A profile in the pool on DAY whose first test was taken after it."""
    base = ee.example_profile()
    tested = attrs.evolve(
        base.languages[0], test_date=DAY + timedelta(days=rng.randint(1, 30)), result_date=None
    )
    return attrs.evolve(
        base,
        languages=(tested, *base.languages[1:]),
        profile_submitted=datetime(2026, 2, 1, tzinfo=UTC),
    )


def _bad_line(kind: int, rng: random.Random, given: str) -> str:
    if kind == 0:
        return rng.choice(["not json", "{not json", '{"date_of_birth": "1990-01-01"', "[1, 2"])
    if kind == 1:
        return json.dumps({"date_of_birth": "1990-02-30", "id": given})
    if kind == 2:
        data = json.loads(_line(ee.example_profile(), given))
        data["nickname"] = "Sam"
        return json.dumps(data)
    if kind == 3:
        return _line(_late(rng), given)
    return _line(ee.example_profile(), rng.choice([[given], True, 1.5, {"id": given}]))


def _submitted(rng: random.Random, submitted: datetime) -> ee.Candidate:
    """A random profile submitted then (drawn again if it was born after that day)."""
    while True:
        c = random_candidate(rng, DAY)
        if c.date_of_birth < submitted.date():
            return attrs.evolve(c, profile_submitted=submitted)


class Pool:
    """A generated pool file: its lines, the good profiles by line, and the bad lines."""

    def __init__(self, size: int, bad: int, *, seed: int = 21) -> None:
        rng = random.Random(seed)
        self.text: list[str] = []
        self.good: dict[int, tuple[object, ee.Candidate]] = {}
        self.bad: list[int] = []
        self.late: list[int] = []  # bad on the day only: a test taken after it
        bad_at = set(rng.sample(range(size), bad))
        blank_at = set(rng.sample(range(size), 10))
        for i in range(size):
            if i in blank_at:
                self.text.append(rng.choice(["", "   ", "\t"]))  # skipped, never named
            given: object = f"C-{i:05d}" if i % 7 else i  # ids as strings, and as numbers
            number = len(self.text) + 1
            if i in bad_at:
                self.text.append(_bad_line(len(self.bad) % 5, rng, str(given)))
                if len(self.bad) % 5 == 3:
                    self.late.append(number)
                self.bad.append(number)
                continue
            submitted = datetime(2026, 11, 1, tzinfo=UTC) + timedelta(minutes=7 * i)
            c = _submitted(rng, submitted)
            if i == 0:
                c = ee.example_profile()  # line 1: the documented example, submitted 2025-10-01
            self.good[number] = (given, c)
            self.text.append(_line(c, given))

    def write(self, path: Path) -> Path:
        path.write_text("".join(f"{t}\n" for t in self.text), encoding="utf-8")
        return path


@pytest.fixture(scope="module")
def pool() -> Pool:
    return Pool(SIZE, BAD)


@pytest.fixture(scope="module")
def pool_file(pool: Pool, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return pool.write(tmp_path_factory.mktemp("pool") / "clients.jsonl")


def _run(capsys: pytest.CaptureFixture[str], args: list[str]) -> tuple[int, str, str]:
    status = main(args)
    found = capsys.readouterr()
    return status, found.out, found.err


def _named(err: str, name: str = "clients.jsonl") -> list[int]:
    """The line numbers stderr names, once each, in order; every line of it names one."""
    numbers: list[int] = []
    for text in err.splitlines():
        if text.startswith("expressentry: note:"):
            continue
        head, _, _ = text.partition(": $")
        assert head.startswith(f"expressentry: {name} line "), text
        number = int(head.rsplit(" ", 1)[1])
        if number not in numbers:
            numbers.append(number)
    return numbers


def test_the_pool_is_as_described(pool: Pool) -> None:
    assert len(pool.bad) == BAD
    assert len(pool.good) == SIZE - BAD
    assert 1 not in pool.bad  # line 1 is the example profile


@pytest.mark.parametrize("form", ["jsonl", "csv"])
def test_score_processes_every_good_line_and_names_each_bad_one(
    pool: Pool, pool_file: Path, capsys: pytest.CaptureFixture[str], form: str
) -> None:
    status, out, err = _run(
        capsys, ["score", str(pool_file), "--as-of", DAY.isoformat(), "--format", form]
    )
    assert status == 2  # there were bad lines; every good one is written first
    assert _named(err) == pool.bad
    if form == "jsonl":
        rows: list[dict[str, Any]] = [json.loads(t) for t in out.splitlines()]
        keys = ["format", *SCORE_COLUMNS[:-1], "rules_reviewed_on", "caveats"]
        assert all(list(r) == keys for r in rows)
        assert {r["format"] for r in rows} == {"expressentry-score-row/1"}
    else:
        reader = csv.DictReader(io.StringIO(out))
        rows = list(reader)
        assert reader.fieldnames == SCORE_COLUMNS
    assert [int(r["line"]) for r in rows] == sorted(pool.good)
    for row in rows:
        given, c = pool.good[int(row["line"])]
        assert row["id"] == (given if form == "jsonl" else str(given))  # the id round-trips
        expected = ee.score(c, as_of=DAY)
        found = [row[k] for k in ("total", "core", "spouse", "transferability", "additional")]
        wanted = [expected.total, expected.core, expected.spouse]
        wanted += [expected.transferability, expected.additional]
        assert found == (wanted if form == "jsonl" else [str(v) for v in wanted])
    first = rows[0]
    # the bundled example, as the README and the quickstart give it
    assert [first[k] for k in ("total", "core", "spouse", "transferability", "additional")] == (
        [574, 404, 20, 100, 50] if form == "jsonl" else ["574", "404", "20", "100", "50"]
    )
    # submitted 2025-10-01: out of the pool from 2026-10-01 (12 months), so its profile
    # is no longer the next expiry; the TEF Canada result of 2025-05-10 (2 years) is
    assert first["in_pool"] == (False if form == "jsonl" else "false")
    assert first["next_expiry"] == "2027-05-10"
    assert first["next_expiry_document"] == "candidate language: TEF Canada result of 2025-05-10"


def test_score_columns_say_what_the_documents_and_the_pool_rule_say(
    pool: Pool, pool_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = _run(capsys, ["score", str(pool_file), "--as-of", DAY.isoformat()])
    for text in out.splitlines()[:300]:
        row = json.loads(text)
        _, c = pool.good[row["line"]]
        expiring = ee.validity_on(c, as_of=DAY).next_expiry
        assert row["next_expiry"] == (None if expiring is None else str(expiring.expires))
        assert row["next_expiry_document"] == (
            None
            if expiring is None
            else f"{expiring.person} {expiring.document.value}: {expiring.label}"
        )
        status = ee.pool_status(c, as_of=DAY)
        assert row["in_pool"] == status.in_pool


@pytest.mark.parametrize("form", ["jsonl", "csv"])
def test_eligibility_gives_each_verdict_and_the_first_unmet_requirement(
    pool: Pool, pool_file: Path, capsys: pytest.CaptureFixture[str], form: str
) -> None:
    status, out, err = _run(
        capsys, ["eligibility", str(pool_file), "--as-of", DAY.isoformat(), "--format", form]
    )
    assert status == 2
    assert _named(err) == pool.bad
    if form == "csv":
        reader = csv.DictReader(io.StringIO(out))
        rows: list[dict[str, Any]] = list(reader)
        assert reader.fieldnames == ELIGIBILITY_COLUMNS
    else:
        rows = [json.loads(t) for t in out.splitlines()]
    assert [int(r["line"]) for r in rows] == sorted(pool.good)
    for row in rows[:400]:  # assess is the slow path: enough to see every kind of row
        given, c = pool.good[int(row["line"])]
        report = ee.assess(c, as_of=DAY)
        unmet = {p.program.value: p.unmet[0] for p in report.programs if p.unmet}
        if form == "csv":
            assert row["id"] == str(given)
            for p in report.programs:
                assert row[p.program.value] == p.verdict.value
                first = unmet.get(p.program.value)
                assert row[f"{p.program.value}_unmet"] == ("" if first is None else first.id)
                assert row[f"{p.program.value}_shortfall"] == (
                    "" if first is None else first.reason
                )
            for k in report.categories:
                assert row[k.category.value] == k.verdict.value
        else:
            assert row["id"] == given
            assert row["programs"] == {p.program.value: p.verdict.value for p in report.programs}
            assert row["categories"] == {
                k.category.value: k.verdict.value for k in report.categories
            }
            assert row["unmet"] == {
                name: {"requirement": r.id, "shortfall": r.reason} for name, r in unmet.items()
            }


def test_simulate_runs_on_the_good_lines_and_names_each_bad_one(
    pool: Pool, pool_file: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    args = ["--size", "300", "--as-of", DAY.isoformat(), "--format", "json"]
    status, out, err = _run(capsys, ["simulate", str(pool_file), *args])
    assert status == 2  # the round is run on the good lines; the bad ones are named
    assert _named(err) == pool.bad
    data = json.loads(out)
    assert data["bad_lines"] == pool.bad
    good = tmp_path / "good.jsonl"
    good.write_text("".join(f"{pool.text[n - 1]}\n" for n in sorted(pool.good)), "utf-8")
    clean = json.loads(_run(capsys, ["simulate", str(good), *args])[1])
    assert data["cutoff"] == clean["cutoff"]
    ranked = sorted(pool.good)  # the clean file's line n is the pool's line ranked[n - 1]
    assert [i["line"] for i in data["invited"]] == [ranked[i["line"] - 1] for i in clean["invited"]]


@pytest.mark.parametrize("form", ["jsonl", "csv"])
def test_plan_on_a_smaller_pool_names_each_bad_line(
    pool: Pool, capsys: pytest.CaptureFixture[str], tmp_path: Path, form: str
) -> None:
    few = Pool(200, 10, seed=7)
    path = few.write(tmp_path / "clients.jsonl")
    status, out, err = _run(
        capsys, ["plan", str(path), "--as-of", DAY.isoformat(), "--format", form, "--top", "3"]
    )
    assert status == 2
    assert _named(err) == few.bad
    if form == "csv":
        reader = csv.DictReader(io.StringIO(out))
        rows = list(reader)
        assert reader.fieldnames == PLAN_COLUMNS
        assert [int(r["line"]) for r in rows] == sorted(few.good)
        first = rows[0]
        assert first["id"] == "0"
        assert first["total"] == "574"  # the example profile
        assert first["best_kind"] == "nomination"  # 600 points, capped at 600 additional
        assert first["best_gain"] == "550"  # 50 additional already: 600 - 50
    else:
        plans = [json.loads(t) for t in out.splitlines()]
        assert [p["line"] for p in plans] == sorted(few.good)
        assert plans[0]["id"] == 0
        assert plans[0]["total"] == 574
        assert len(plans[0]["improvements"]) == 3


# --- ids, CSV pools, stdin ----------------------------------------------------------------


def test_a_csv_pool_gives_its_id_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profile = json.dumps(ee.to_dict(ee.example_profile()))
    path = tmp_path / "clients.csv"
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerows([["client", "profile"], ["A-1", profile], ["", profile], ["A-3", "{bad"]])
    path.write_text(buffer.getvalue(), "utf-8")
    args = ["score", str(path), "--as-of", DAY.isoformat(), "--format", "csv"]
    status, out, err = _run(capsys, [*args, "--id-field", "client"])
    assert status == 2
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["line"], r["id"], r["total"]) for r in rows] == [
        ("2", "A-1", "574"),
        ("3", "", "574"),
    ]
    assert err.startswith("expressentry: clients.csv line 4: $: not valid JSON")
    # without --id-field, the column is not one of a pool's: the header is refused
    status, out, err = _run(capsys, args)
    assert (status, out.splitlines()[1:]) == (2, [])
    assert err.splitlines()[0] == (
        "expressentry: clients.csv line 1: column 1: is not a column of a pool: profile, "
        'profile_submitted or id (got "client")'
    )


def test_a_pool_on_stdin_needs_pool(
    pool: Pool, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "".join(f"{t}\n" for t in pool.text[:40]).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text)))
    status, out, err = _run(capsys, ["score", "-", "--pool", "jsonl", "--as-of", DAY.isoformat()])
    expected = sorted(n for n in pool.good if n <= 40)
    assert [json.loads(t)["line"] for t in out.splitlines()] == expected
    assert _named(err, "stdin") == [n for n in pool.bad if n <= 40]
    assert status == (2 if any(n <= 40 for n in pool.bad) else 0)


def test_simulate_reads_json_lines_from_stdin(
    pool: Pool, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    good = "".join(f"{pool.text[n - 1]}\n" for n in sorted(pool.good)[:50]).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(good)))
    args = ["simulate", "-", "--size", "5", "--as-of", DAY.isoformat(), "--format", "json"]
    status, out, _ = _run(capsys, args)
    assert status == 0
    assert json.loads(out)["bad_lines"] == []


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["POOL", "--format", "json"], "--format json is for one profile; a pool is written as"),
        (["POOL", "--format", "text"], "--format text is for one profile; a pool is written as"),
        (
            ["ONE", "--format", "csv"],
            "--format csv is for a pool (a .jsonl or .csv file, or --pool",
        ),
        (["ONE", "--format", "jsonl"], "--format jsonl is for a pool"),
        (["ONE", "--id-field", "client"], "--id-field is for a pool"),
        (["--example", "--pool", "jsonl"], "--pool reads a pool file, not the bundled example"),
    ],
)
def test_a_format_for_the_other_kind_of_input_is_refused_not_ignored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], said: str
) -> None:
    one = tmp_path / "one.json"
    one.write_text(ee.to_json(ee.example_profile()), "utf-8")
    pool = tmp_path / "pool.jsonl"
    pool.write_text(ee.to_json(ee.example_profile(), indent=None) + "\n", "utf-8")
    named = [str(pool) if a == "POOL" else str(one) if a == "ONE" else a for a in args]
    for command in ("score", "eligibility", "plan"):
        status, out, err = _run(capsys, [command, *named])
        assert (status, out) == (2, "")
        assert err.startswith(f"expressentry: {said}"), err
        assert "Traceback" not in err


@pytest.mark.parametrize("name", ["date_of_birth", "profile", "profile_submitted", ""])
def test_an_id_field_that_is_not_an_id_is_refused(
    name: str, pool_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["score", str(pool_file), "--id-field", name])
    assert exc.value.code == 2
    assert "argument --id-field: " in capsys.readouterr().err


def test_the_library_reads_ids_apart_and_one_profile_still_refuses_the_key(
    pool: Pool, pool_file: Path
) -> None:
    read = read_pool(pool_file)  # reading knows no day: a test after it is not yet bad
    assert read.lines == tuple(sorted([*pool.good, *pool.late]))
    assert [f.line for f in read.failures] == [n for n in pool.bad if n not in pool.late]
    ids = dict(zip(read.lines, read.ids, strict=True))
    assert all(ids[n] == given for n, (given, _) in pool.good.items())
    with pytest.raises(ee.InvalidProfileError) as exc:
        ee.from_json(pool.text[0], ee.Candidate)
    assert [(p.path, p.message) for p in exc.value.problems] == [("$.id", "unknown key")]


def test_the_first_unmet_requirement_is_assess_s_first_unmet() -> None:
    # the pool's eligibility stops at it (FSW's grid is built only if nothing fails first)
    rng = random.Random(2026)
    rules = ee.rules_for(as_of=DAY)
    seen: set[str] = set()
    for _ in range(400):
        c = random_candidate(rng, DAY)
        for result in ee.assess(c, as_of=DAY).programs:
            if result.unmet:
                found = first_unmet(c, result.program, DAY, rules)
                assert found == result.unmet[0]
                seen.add(found.id)
    assert "fsw.selection_grid" in seen  # the grid's own failure is met too
