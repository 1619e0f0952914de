"""Every JSON output validates against its schema, and every profile and output has its format.

Kinds of test:

- contract: each JSON output the command line writes (``--format json``, and the
  JSON lines of a pool) validates against its schema, for the bundled example
  and random profiles (``tests/strategies.py``), and so does the Python
  :func:`~expressentry.to_dict` of the same result; each carries its ``format``
  first, the one written below by hand (``expressentry-NAME/1``);
- the schema is no blank cheque: an output with a key added, or with one of its
  keys taken away, is refused (``additionalProperties`` and ``required``);
- the profile's ``format``: left out means the current one, the current one is
  read and written back (round trip), any other is refused alone with its
  ``$.format`` path and the value as written, by :func:`~expressentry.from_json`,
  the command line and a pool line alike.
"""

from __future__ import annotations

import io
import json
import random
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import expressentry as ee
from expressentry.__main__ import main
from expressentry._shards import Task, work_chunk
from expressentry.draws.cutoffs import backtest
from expressentry.errors import InvalidProfileError
from expressentry.pools import raw_lines_of
from expressentry.schema import FORMATS, SCHEMAS, schema
from tests.strategies import random_candidate

AS_OF = date(2026, 11, 22)

# Written out by hand: what a reader checks, whatever the code says.
WRITTEN = {
    "profile": "expressentry-profile/1",
    "score": "expressentry-score/1",
    "eligibility": "expressentry-eligibility/1",
    "plan": "expressentry-plan/1",
    "outlook": "expressentry-outlook/1",
    "compare": "expressentry-compare/1",
    "backtest": "expressentry-backtest/1",
    "rounds": "expressentry-rounds/1",
    "timeline": "expressentry-timeline/1",
    "simulate": "expressentry-simulate/1",
    "score-row": "expressentry-score-row/1",
    "eligibility-row": "expressentry-eligibility-row/1",
    "plan-row": "expressentry-plan-row/1",
}


@cache
def _validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        schema(name), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def _check(name: str, data: Any) -> None:
    errors = list(_validator(name).iter_errors(data))
    assert not errors, (name, [(list(e.absolute_path), e.message[:200]) for e in errors[:3]])
    assert next(iter(data)) == "format"
    assert data["format"] == WRITTEN[name]


def test_every_schema_has_its_format_written() -> None:
    assert FORMATS == WRITTEN
    assert list(SCHEMAS) == list(WRITTEN)
    for name in SCHEMAS:
        properties = schema(name)["properties"]
        assert properties["format"]["const"] == WRITTEN[name]
        assert ("format" in schema(name)["required"]) == (name != "profile")


def _submitted(c: ee.Candidate, i: int) -> ee.Candidate:
    """``c`` submitted ``i`` minutes after 2026-03-01, or after its birth if later."""
    born = datetime.combine(c.date_of_birth, time(), UTC)
    start = max(datetime(2026, 3, 1, tzinfo=UTC), born)
    return attrs.evolve(c, profile_submitted=start + timedelta(minutes=i))


def _profiles() -> list[ee.Candidate]:
    """The example, and random profiles of every feature, each submitted."""
    rng = random.Random(21)
    return [ee.example_profile(), *(_submitted(random_candidate(rng, AS_OF), i) for i in range(6))]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("profiles")
    out = []
    for i, c in enumerate(_profiles()):
        path = folder / f"p{i}.json"
        path.write_text(ee.to_json(c), encoding="utf-8")
        out.append(path)
    return out


def _json_of(capsys: pytest.CaptureFixture[str], args: list[str]) -> Any:
    assert main(args) == 0, capsys.readouterr().err
    return json.loads(capsys.readouterr().out)


DAY = ["--as-of", AS_OF.isoformat()]


@pytest.mark.parametrize("name", ["score", "eligibility", "plan", "outlook"])
def test_the_command_line_s_json_of_each_profile_validates(
    name: str, files: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    for path in files:
        _check(name, _json_of(capsys, [name, str(path), *DAY, "--format", "json"]))


def test_compare_s_json_validates(files: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    for count in (2, 3, 4):
        chosen = [str(p) for p in files[:count]]
        _check("compare", _json_of(capsys, ["compare", *chosen, *DAY, "--format", "json"]))


@pytest.mark.parametrize(
    "args",
    [[], ["--since", "2023-01-01"], ["--before", "2022-06-30"]],
)
def test_backtest_s_json_validates(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    _check("backtest", _json_of(capsys, ["backtest", *args, "--format", "json"]))


@pytest.mark.parametrize(
    "args",
    [
        [],  # every round since 2015: rounds with and without tie-breaks and counts
        ["--type", "fsw"],
        ["--type", "french", "--type", "pnp", "--since", "2024-01-01"],
        ["--since", "2030-01-01"],  # none
    ],
)
def test_rounds_json_validates(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    data = _json_of(capsys, ["rounds", *args, "--format", "json"])
    _check("rounds", data)
    if args == ["--type", "fsw"]:
        assert [r["number"] for r in data["rounds"]] == ["240"]  # IRCC's only FSW round


@pytest.mark.parametrize("ita", [None, "2026-12-01"])
def test_timeline_s_json_validates(
    ita: str | None, files: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    for path in files[:4]:
        args = ["timeline", str(path), "--from", AS_OF.isoformat(), "--months", "18"]
        if ita is not None:
            args += ["--ita", ita]
        data = _json_of(capsys, [*args, "--format", "json"])
        _check("timeline", data)
        assert ("readiness" in data) == (ita is not None)


def _pool(tmp_path: Path, count: int = 12) -> Path:
    """A pool of JSON lines: random profiles, ids as strings, numbers, or none."""
    rng = random.Random(7)
    lines = []
    for i in range(count):
        data = ee.to_dict(_submitted(random_candidate(rng, AS_OF), i))
        if i % 3 == 0:
            data["id"] = f"C-{i}"
        elif i % 3 == 1:
            data["id"] = i
        lines.append(json.dumps(data))
    path = tmp_path / "pool.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["score", "eligibility", "plan"])
def test_each_row_of_a_pool_validates(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _pool(tmp_path)
    assert main([command, str(path), *DAY]) == 0, capsys.readouterr().err
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["line"] for r in rows] == list(range(1, 13))
    for row in rows:
        _check(f"{command}-row", row)


@pytest.mark.parametrize(("size", "kind"), [(3, "general"), (50, "general"), (2, "french")])
def test_simulate_s_json_validates(
    size: int, kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _pool(tmp_path, 20)
    args = ["simulate", str(path), "--size", str(size), "--type", kind, *DAY]
    data = _json_of(capsys, [*args, "--format", "json"])
    _check("simulate", data)


def _outputs(c: ee.Candidate, other: ee.Candidate) -> dict[str, Any]:
    return {
        "score": ee.score(c, as_of=AS_OF),
        "eligibility": ee.assess(c, as_of=AS_OF),
        "outlook": ee.outlook(c, as_of=AS_OF),
        "compare": ee.compare(ee.Scenario(c), ee.Scenario(other), as_of=AS_OF),
    }


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_each_python_result_s_json_validates(seed: int) -> None:
    rng = random.Random(seed)
    c = _submitted(random_candidate(rng, AS_OF), 0)
    other = random_candidate(rng, AS_OF)
    for name, result in _outputs(c, other).items():
        _check(name, ee.to_dict(result))
        _check(name, json.loads(ee.to_json(result)))


def test_the_backtest_s_python_json_validates() -> None:
    _check("backtest", ee.to_dict(backtest(ee.rounds())))


def _example_outputs() -> dict[str, Any]:
    c = ee.example_profile()
    return {
        **{k: ee.to_dict(v) for k, v in _outputs(c, ee.example_profile()).items()},
        "plan": ee.to_dict(ee.improvements(c, as_of=AS_OF)),
        "backtest": ee.to_dict(backtest(ee.rounds())),
    }


EXAMPLES = _example_outputs()


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_an_added_or_a_missing_key_is_refused(name: str) -> None:
    data = EXAMPLES[name]
    assert _validator(name).is_valid(data)
    assert not _validator(name).is_valid({**data, "extra": 1})
    for key in data:
        assert not _validator(name).is_valid({k: v for k, v in data.items() if k != key}), key
    assert not _validator(name).is_valid({**data, "format": f"{WRITTEN[name][:-1]}2"})


# ---- the profile's format


def test_the_example_carries_its_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["example"]) == 0
    assert json.loads(capsys.readouterr().out)["format"] == "expressentry-profile/1"
    data = ee.to_dict(ee.example_profile())
    assert next(iter(data)) == "format"
    assert data["format"] == "expressentry-profile/1"


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_a_profile_with_or_without_its_format_reads_the_same(seed: int) -> None:
    c = random_candidate(random.Random(seed), AS_OF)
    data = ee.to_dict(c)
    assert data["format"] == "expressentry-profile/1"
    assert ee.from_dict(data, ee.Candidate) == c
    without = {k: v for k, v in data.items() if k != "format"}
    assert ee.from_dict(without, ee.Candidate) == c
    assert ee.from_json(ee.to_json(c), ee.Candidate) == c


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("expressentry-profile/2", "newer form than this version of expressentry reads"),
        ("expressentry-profile/10", "newer form"),
        ("expressentry-score/1", "the format of another form (score)"),
        ("expressentry-profile/0", "must be expressentry-profile/1"),
        (1, "must be expressentry-profile/1"),
        (None, "must be expressentry-profile/1"),
        ("", "must be expressentry-profile/1"),
        ("Expressentry-profile/1", "must be expressentry-profile/1"),
    ],
)
def test_a_profile_of_another_format_is_refused_naming_it(value: object, words: str) -> None:
    data = {**ee.to_dict(ee.example_profile()), "format": value, "nickname": "x"}
    with pytest.raises(InvalidProfileError) as raised:
        ee.from_dict(data, ee.Candidate)
    (problem,) = raised.value.problems  # alone: its other keys may mean something else
    assert problem.path == "$.format"
    assert problem.value == value
    assert words in problem.message
    assert not _validator("profile").is_valid(data)


def test_the_command_line_names_the_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "future.json"
    data = {**ee.to_dict(ee.example_profile()), "format": "expressentry-profile/2"}
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["score", str(path), *DAY]) == 2
    err = capsys.readouterr().err
    assert "$.format: is a newer form" in err
    assert '(got "expressentry-profile/2")' in err


def test_a_pool_line_of_another_format_is_a_bad_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = ee.to_dict(ee.example_profile())
    lines = [good, {**good, "format": "expressentry-profile/9"}, {**good, "format": None}]
    path = tmp_path / "pool.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    assert main(["score", str(path), *DAY]) == 2
    found = capsys.readouterr()
    assert [json.loads(x)["line"] for x in found.out.splitlines()] == [1]
    assert "pool.jsonl line 2: $.format: is a newer form" in found.err
    assert "pool.jsonl line 3: $.format: must be expressentry-profile/1" in found.err


def test_a_breakdown_round_trips_with_its_format() -> None:
    b = ee.score(ee.example_profile(), as_of=AS_OF)
    data = ee.to_dict(b)
    assert data["format"] == "expressentry-score/1"
    assert ee.from_dict(data, type(b)) == b
    with pytest.raises(InvalidProfileError) as raised:
        ee.from_dict({**data, "format": "expressentry-score/2"}, type(b))
    assert [p.path for p in raised.value.problems] == ["$.format"]


@settings(max_examples=12, deadline=None)
@given(st.integers(0, 2**32 - 1), st.sampled_from(["score", "eligibility"]))
@example(1066, "score")  # a profile born after 2026-03-01: submitted after its birth
def test_each_row_of_a_random_pool_validates(seed: int, command: str) -> None:
    # The rows as the command line writes them, without a file: a chunk of lines.
    rng = random.Random(seed)
    lines = []
    for i in range(4):
        data = ee.to_dict(_submitted(random_candidate(rng, AS_OF), i))
        if rng.random() < 0.5:
            del data["format"]  # a profile may leave it out
        data["id"] = rng.choice([None, i, f"client {i}"])
        lines.append(json.dumps(data))
    raws = list(raw_lines_of(io.BytesIO("\n".join(lines).encode()), "jsonl"))
    written, failures, _ = work_chunk(Task(command, AS_OF, raws))
    assert not failures
    assert len(written) == 4
    for text in written:
        _check(f"{command}-row", json.loads(text))
