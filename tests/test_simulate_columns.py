"""``simulate`` ranks columns, never profiles: the round of the Python API, line for line.

Kind: equality with an independent path. ``expressentry simulate`` reads a pool
file a chunk at a time (in one process or several), keeps per profile only what
a round reads (submission instant, nomination, total and flags on the day) and
ranks those columns (:class:`~expressentry.draws.pool.PoolColumns`). The
reference is the Python API over the profiles themselves,
``select(Pool(candidates), spec)``, which scores and assesses each profile where
it ranks it. Random pools hold what makes a round hard: copies of a profile
submitted at the same instant or half a second apart (ties at the cut-off),
expired and not-yet-submitted profiles, provincial nominees, and bad lines (not
JSON, a bad value, a document dated after the day, no submission time). Then
:class:`PoolColumns` itself: a round over the columns equals a round over the
pool, and what it refuses.
"""

from __future__ import annotations

import json
import random
from array import array
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import attrs
import pytest

import expressentry as ee
from expressentry import _shards
from expressentry.__main__ import main
from expressentry.draws import PoolColumns
from expressentry.draws.pool import pool_micros
from expressentry.eligibility import flags_many
from expressentry.errors import InvalidInputError
from tests.strategies import random_candidate

DAY = date(2026, 11, 22)
START = datetime(2026, 1, 1, 8, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_shards, "CHUNK", 5)  # a pool of a few dozen lines in many chunks


def _line(c: ee.Candidate) -> str:
    return ee.to_json(c, indent=None)


def _refused_on_the_day() -> ee.Candidate:
    base = ee.example_profile()
    later = attrs.evolve(base.languages[0], test_date=DAY + timedelta(days=3), result_date=None)
    return attrs.evolve(
        base, languages=(later, *base.languages[1:]), profile_submitted=START + timedelta(days=9)
    )


def _random_pool(seed: int) -> tuple[list[str], dict[int, ee.Candidate], set[int]]:
    """A pool file's lines, its good profiles by line number, and its bad lines."""
    rng = random.Random(seed)
    good: list[ee.Candidate] = []
    base = ee.example_profile()  # eligible for FSW and CEC: random profiles seldom are
    for i in range(36):
        c = random_candidate(rng, DAY) if i % 2 else base
        if i % 4 == 0:  # the example with a sibling in Canada: 15 points more
            c = attrs.evolve(c, sibling_in_canada=True)
        when = START + timedelta(hours=rng.randrange(0, 24 * 300), seconds=rng.randrange(60))
        c = attrs.evolve(c, profile_submitted=when, provincial_nomination=rng.random() < 0.1)
        good.append(c)
        if i % 5 == 0:  # the same profile at the same instant, then half a second later
            good.append(c)
            good.append(attrs.evolve(c, profile_submitted=when + timedelta(microseconds=500_000)))
    good.append(attrs.evolve(good[1], profile_submitted=START - timedelta(days=120)))  # expired
    good.append(attrs.evolve(good[2], profile_submitted=datetime(2026, 11, 23, tzinfo=UTC)))
    rng.shuffle(good)
    bad = [
        "not json",
        '{"date_of_birth": "1990-02-30"}',
        _line(_refused_on_the_day()),
        _line(attrs.evolve(good[3], profile_submitted=None)),
    ]
    lines: list[str] = [_line(c) for c in good]
    for text in bad:
        lines.insert(rng.randrange(len(lines) + 1), text)
    bad_lines = {n for n, text in enumerate(lines, start=1) if text in bad}
    by_line: dict[int, ee.Candidate] = {}
    kept = iter(good)
    for n in range(1, len(lines) + 1):
        if n not in bad_lines:
            by_line[n] = next(kept)
    return lines, by_line, bad_lines


def _cli(capsys: pytest.CaptureFixture[str], args: list[str]) -> tuple[int, dict[str, Any]]:
    status = main(args)
    return status, json.loads(capsys.readouterr().out)


def _expected(
    by_line: dict[int, ee.Candidate], bad: set[int], spec: ee.RoundSpec, kind: str
) -> dict[str, Any]:
    """The round of the Python API over the good profiles, as ``simulate --format json``."""
    numbers = sorted(by_line)
    found = ee.select(ee.Pool([by_line[n] for n in numbers]), spec)
    return {
        "format": "expressentry-simulate/1",  # as the profile-format page lists it
        "as_of": DAY.isoformat(),
        "type": kind,
        "size": spec.size,
        "cutoff": found.cutoff,
        "tie_break": None if found.tie_break is None else found.tie_break.isoformat(),
        "last_invited": None if found.last_invited is None else found.last_invited.isoformat(),
        "at_cutoff_left_out": {
            "total": found.at_cutoff_left_out,
            "after_second": found.left_out_after_second,
            "within_second": found.left_out_within_second,
            "same_instant": found.left_out_same_instant,
        },
        "invited": [
            {"rank": i.rank, "line": numbers[i.index], "crs": i.crs} for i in found.invited
        ],
        "not_in_pool": {
            "submitted_after": [numbers[i] for i in found.submitted_after],
            "expired": [numbers[i] for i in found.expired_profiles],
        },
        "bad_lines": sorted(bad),
        "rules_reviewed_on": found.rules_reviewed_on.isoformat(),
        "caveats": list(found.caveats),
    }


_KINDS = {
    "general": ee.RoundKind.GENERAL,
    "pnp": ee.RoundKind.PNP,
    "cec": ee.RoundKind.PROGRAM,
    "french": ee.RoundKind.CATEGORY,
    "stem": ee.RoundKind.CATEGORY,
}


def _spec(kind: str, size: int) -> ee.RoundSpec:
    parsed = ee.RoundType.parse(kind)
    return ee.RoundSpec(
        day=DAY, size=size, kind=parsed.kind, program=parsed.program, category=parsed.category
    )


def _cuts_in_ties(by_line: dict[int, ee.Candidate], kind: str) -> list[int]:
    """Round sizes whose last invited ties the next ranked: same instant, then same second."""
    everyone = ee.select(ee.Pool([by_line[n] for n in sorted(by_line)]), _spec(kind, 1000))
    found: dict[bool, int] = {}
    for k, (a, b) in enumerate(zip(everyone.invited, everyone.invited[1:], strict=False)):
        if a.crs == b.crs and a.submitted.replace(microsecond=0) == b.submitted.replace(
            microsecond=0
        ):
            found.setdefault(a.submitted == b.submitted, k + 1)
    return sorted(found.values())


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_simulate_is_the_round_of_the_python_api_with_one_worker_or_two(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], seed: int
) -> None:
    lines, by_line, bad = _random_pool(seed)
    path = tmp_path / "pool.jsonl"
    path.write_text("".join(f"{text}\n" for text in lines), encoding="utf-8")
    left_out = {"same_instant": 0, "within_second": 0}
    for kind in _KINDS:
        for size in (1, 4, 9, 60, *_cuts_in_ties(by_line, kind)):
            spec = _spec(kind, size)
            expected = _expected(by_line, bad, spec, kind)
            args = ["simulate", str(path), "--size", str(size), "--type", kind]
            args += ["--as-of", DAY.isoformat(), "--format", "json"]
            one = _cli(capsys, [*args, "--workers", "1"])
            assert one == (2, expected), (kind, size)  # 2: the bad lines, named on stderr
            if size == 9:
                assert _cli(capsys, [*args, "--workers", "2"]) == one, (kind, size)
            for what in left_out:
                left_out[what] += expected["at_cutoff_left_out"][what]
    # the pools are hard enough: ties at the cut-off at the same instant and within a second
    assert left_out["same_instant"] > 0
    assert left_out["within_second"] > 0


def test_the_random_pools_hold_what_they_are_meant_to() -> None:
    lines, by_line, bad = _random_pool(1)
    assert len(bad) == 4
    assert len(by_line) == len(lines) - 4
    pool = ee.Pool([by_line[n] for n in sorted(by_line)])
    found = ee.select(pool, _spec("general", 10))
    assert len(found.submitted_after) == 1
    assert len(found.expired_profiles) == 1
    assert any(c.provincial_nomination for c in by_line.values())


# --- PoolColumns: the columns a round reads ---------------------------------------


def _columns(pool: list[ee.Candidate]) -> tuple[PoolColumns, ee.RuleSet]:
    rules = ee.rules_for(as_of=DAY)
    micros = ee.Pool(pool).submitted_micros
    totals = ee.score_many(pool, as_of=DAY, rules=rules, errors="collect").results
    columns = PoolColumns(
        as_of=DAY,
        rules=rules,
        submitted_micros=array("q", micros),
        nominees=bytes(c.provincial_nomination for c in pool),
        scores=array("i", [-1 if t is None else t for t in totals]),
        flags=flags_many(pool, as_of=DAY, rules=rules, errors="collect").results,
    )
    return columns, rules


def _profiles() -> list[ee.Candidate]:
    _, by_line, _ = _random_pool(4)
    return [by_line[n] for n in sorted(by_line)]


def test_rounds_over_the_columns_are_the_rounds_over_the_pool() -> None:
    profiles = _profiles()
    columns, _ = _columns(profiles)
    assert len(columns) == len(profiles)
    for kind in _KINDS:
        specs = [_spec(kind, 3), _spec(kind, 5), _spec(kind, 200)]
        assert ee.run_rounds(columns, specs) == ee.run_rounds(ee.Pool(profiles), specs), kind


def test_columns_of_another_day_or_rules_are_refused_by_a_round() -> None:
    columns, rules = _columns(_profiles())
    with pytest.raises(InvalidInputError) as caught:
        ee.select(columns, attrs.evolve(_spec("general", 3), day=DAY + timedelta(days=1)))
    assert [p.path for p in caught.value.problems] == ["spec.day"]
    assert "must be the day of the pool's columns (2026-11-22)" in str(caught.value)
    reform = rules.replace("crs.additional.sibling", 0, reform="no sibling points")
    with pytest.raises(InvalidInputError) as caught:
        ee.select(columns, _spec("general", 3), rules=reform)
    assert [p.path for p in caught.value.problems] == ["rules"]
    with pytest.raises(InvalidInputError) as caught:
        columns.scores([0], as_of=DAY - timedelta(days=1), rules=rules)
    assert [p.path for p in caught.value.problems] == ["as_of"]


def test_columns_refuse_what_a_round_could_not_rank() -> None:
    profiles = _profiles()
    good, rules = _columns(profiles)
    micros = list(good.submitted_micros)
    low, high = pool_micros(DAY)
    inside = next(i for i, t in enumerate(micros) if low <= t < high)
    scores: list[int | None] = [0] * len(profiles)
    scores[inside] = None  # in the pool on the day: its total is read
    with pytest.raises(InvalidInputError) as caught:
        PoolColumns(
            as_of=DAY,
            rules=rules,
            submitted_micros=micros,
            nominees=[False] * len(profiles),
            scores=scores,
            flags=[None] * (len(profiles) - 1),
        )
    assert [p.path for p in caught.value.problems] == ["flags"]
    assert f"must give one per profile ({len(profiles):,}" in str(caught.value)
    flags = flags_many(profiles, as_of=DAY, rules=rules, errors="collect").results
    with pytest.raises(InvalidInputError) as caught:
        PoolColumns(
            as_of=DAY,
            rules=rules,
            submitted_micros=micros,
            nominees=[False] * len(profiles),
            scores=scores,
            flags=flags,
        )
    assert [p.path for p in caught.value.problems] == [f"scores[{inside}]"]
    with pytest.raises(InvalidInputError) as caught:
        PoolColumns(
            as_of=DAY,
            rules=rules,
            submitted_micros=[*micros[:-1], 1.5],  # type: ignore[list-item]  # the point
            nominees=[False] * (len(profiles) - 1) + [2],  # type: ignore[list-item]  # the point
            scores=scores,
            flags=flags,
        )
    paths = [p.path for p in caught.value.problems]
    assert paths == [f"submitted_micros[{len(micros) - 1}]", f"nominees[{len(micros) - 1}]"]
