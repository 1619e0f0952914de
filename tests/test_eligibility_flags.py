"""The pool fast path of eligibility gives the verdicts of the explained path.

Kind: property. ``flags_many`` runs the same checks as ``assess`` but stops at
the first requirement not met and builds no explanation; on every generated
candidate and day (and under a reform) its flags must equal the report's.
"""

from __future__ import annotations

import random
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from expressentry import (
    Candidate,
    InvalidInputError,
    Program,
    Verdict,
    assess,
    example_profile,
    rules_for,
)
from expressentry.eligibility import EligibilityFlags, flags_many
from tests.strategies import AS_OF_MAX, AS_OF_MIN, dated_candidates, random_candidate


@given(dated_candidates())
def test_flags_equal_the_report(case: tuple[date, Candidate]) -> None:
    as_of, c = case
    [flags] = flags_many([c], as_of=as_of)
    assert flags == assess(c, as_of=as_of).flags


@settings(max_examples=25)
@given(st.integers(0, 2**32 - 1), st.dates(AS_OF_MIN, AS_OF_MAX))
def test_flags_of_a_pool_equal_each_report(seed: int, as_of: date) -> None:
    rng = random.Random(seed)
    pool = [random_candidate(rng, as_of) for _ in range(40)]
    flags = flags_many(pool, as_of=as_of)
    assert flags == [assess(c, as_of=as_of).flags for c in pool]


@settings(max_examples=15)
@given(st.integers(0, 2**32 - 1))
def test_flags_under_a_reform_equal_the_report(seed: int) -> None:
    as_of = date(2026, 11, 22)
    rules = (
        rules_for(as_of=as_of)
        .replace("fsw.grid.pass_mark", 60, reform="a lower FSW pass mark")
        .replace("program.cec.min_hours", 1_000, reform="a shorter CEC year")
        .replace("experience.weekly_hours_cap", 40, reform="40 hours a week count")
    )
    rng = random.Random(seed)
    pool = [random_candidate(rng, as_of) for _ in range(40)]
    flags = flags_many(pool, as_of=as_of, rules=rules)
    assert flags == [assess(c, as_of=as_of, rules=rules).flags for c in pool]


def test_a_pool_sees_eligible_and_not_eligible_verdicts() -> None:
    """The property tests above are not vacuous: the pools hold every kind of verdict."""
    as_of = date(2026, 11, 22)
    rng = random.Random(7)
    flags = flags_many([random_candidate(rng, as_of) for _ in range(400)], as_of=as_of)
    for program in Program:
        verdicts = {f.program(program) for f in flags}
        assert {Verdict.ELIGIBLE, Verdict.NOT_ELIGIBLE} <= verdicts, program
    assert any(f.eligible_categories for f in flags)


def test_equal_flags_are_shared() -> None:
    as_of = date(2026, 11, 22)
    rng = random.Random(3)
    flags = flags_many([random_candidate(rng, as_of) for _ in range(200)], as_of=as_of)
    assert len({id(f) for f in flags}) == len(set(flags)) < len(flags)


def test_a_bad_profile_names_its_index() -> None:
    as_of = date(2026, 11, 22)
    good = random_candidate(random.Random(1), as_of)
    bad: list[Any] = [good, "not a candidate", good]
    with pytest.raises(InvalidInputError) as raised:
        flags_many(bad, as_of=as_of)
    assert [p.path for p in raised.value.problems] == ["[1].candidate"]
    collected = flags_many(bad, as_of=as_of, errors="collect")
    assert [f.index for f in collected.failures] == [1]
    assert collected.results[1] is None
    assert collected.results[0] == collected.results[2] == assess(good, as_of=as_of).flags


def test_a_document_after_the_day_is_refused() -> None:
    c = random_candidate(random.Random(5), date(2026, 11, 22))
    early = date(2016, 1, 1)
    with pytest.raises(InvalidInputError) as raised:
        flags_many([c], as_of=early)
    assert all(p.path.startswith("[0].") for p in raised.value.problems)


def test_flags_read_like_the_report() -> None:
    report = assess(example_profile(), as_of=date(2026, 11, 22))
    flags = report.flags
    assert isinstance(flags, EligibilityFlags)
    assert flags.eligible_programs == report.eligible_programs
    assert flags.eligible_categories == report.eligible_categories
    assert flags.undecided_programs == report.undecided_programs
    assert flags.undecided_categories == report.undecided_categories
    for cat in report.categories:
        assert flags.category(cat.category) is cat.verdict
    assert repr(flags).startswith("EligibilityFlags(2026-11-22: fsw, cec, not fst; categories: ")
    with pytest.raises(KeyError):
        flags.program("nope")  # type: ignore[arg-type]


def test_a_pool_item_that_is_not_a_candidate_is_named_by_its_index() -> None:
    pool: list[Any] = [example_profile(), "not a profile"]
    with pytest.raises(InvalidInputError) as info:
        flags_many(pool, as_of=date(2026, 11, 22))
    (problem,) = info.value.problems
    assert problem.path == "[1].candidate"
    assert "Candidate" in problem.message
    done = flags_many(pool, as_of=date(2026, 11, 22), errors="collect")
    assert [f.index for f in done.failures] == [1]
    assert done.results[0] is not None
    assert done.results[1] is None
