"""Invariants of CRS scoring, over generated profiles and days.

Kind: property. Caps are IRCC's section maxima (core 460 with a spouse, 500 without;
spouse 40; transferability 100; additional 600; total 1,200), from the CRS criteria
(https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/check-score/crs-criteria.html,
read 2026-11-22); the others are monotonicity and round trips. That the total is the
sum of the lines is not tested here: ``CrsBreakdown`` refuses to exist otherwise.
"""

from __future__ import annotations

from datetime import date, timedelta

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from expressentry import (
    Ability,
    Candidate,
    CrsBreakdown,
    CrsSection,
    Education,
    EducationLevel,
    InvalidInputError,
    LanguageTest,
    WorkHistory,
    WorkPeriod,
    from_json,
    rules_for,
    score,
    score_many,
    to_json,
)
from expressentry.models import check_dates
from expressentry.scoring.kernel import score_on
from expressentry.scoring.plan import plan_for
from tests.builders import clb
from tests.strategies import candidates, dated_candidates, sixteenth_birthday

pytestmark = pytest.mark.slow  # a long test: CI runs it (pytest -m slow)

AS_OF = date(2026, 11, 22)


@given(dated_candidates())
def test_every_section_is_within_its_cap(case: tuple[date, Candidate]) -> None:
    as_of, c = case
    b = score(c, as_of=as_of)
    assert 0 <= b.core <= (460 if b.with_spouse else 500)
    assert 0 <= b.spouse <= 40
    assert b.with_spouse or b.spouse == 0
    assert 0 <= b.transferability <= 100
    assert 0 <= b.additional <= 600
    assert 0 <= b.total <= 1200
    assert all(line.rule.effective_from <= as_of for line in b.lines)
    assert all(line.points >= 0 or line.rule.rule_id.endswith("cap") for line in b.lines)


@given(st.lists(candidates(as_of=AS_OF), min_size=2, max_size=6))
def test_a_pool_scores_each_candidate_as_if_alone(pool: list[Candidate]) -> None:
    """Lines are memoized per plan and shared across a pool: a memo key that two
    different inputs share would give a later candidate an earlier one's points.
    Each candidate is scored again alone, on freshly compiled rules."""
    rules = rules_for(as_of=AS_OF)
    rules.clear_compiled()
    together = score_many(pool, as_of=AS_OF)
    alone = []
    for c in pool:
        rules.clear_compiled()
        alone.append(score(c, as_of=AS_OF).total)
    assert together == alone


@given(st.lists(candidates(as_of=AS_OF), min_size=2, max_size=6))
def test_the_fast_path_leaves_each_breakdown_its_own_lines(pool: list[Candidate]) -> None:
    """The fast path shares one memo entry between inputs paid alike (CLB 10 and 12,
    English and French levels, 3 and 4 years abroad) whose lines differ: a breakdown
    scored after it must still word each candidate's own inputs."""
    rules = rules_for(as_of=AS_OF)
    alone = []
    for c in pool:
        rules.clear_compiled()
        alone.append(score(c, as_of=AS_OF))
    rules.clear_compiled()
    score_many(pool, as_of=AS_OF)
    assert [score(c, as_of=AS_OF) for c in pool] == alone


def test_levels_paid_alike_keep_their_own_words() -> None:
    """CLB 4 and 5 earn the same first-language points: one fast-path entry, two lines."""
    when = date(2026, 1, 5)
    four, five = (
        Candidate(
            date_of_birth=date(1995, 3, 1),
            education=Education(level=EducationLevel.BACHELORS, eca_issued=when),
            languages=(clb(level, when),),
        )
        for level in (4, 5)
    )
    rules_for(as_of=AS_OF).clear_compiled()
    assert score_many([four, five], as_of=AS_OF) == [score(four, as_of=AS_OF).total] * 2
    for c, level in ((five, 5), (four, 4)):
        reasons = {ln.reason for ln in score(c, as_of=AS_OF).lines}
        assert f"First official language: CLB {level} in listening, without spouse" in reasons


def _dated_by(c: Candidate, day: date) -> bool:
    """Whether ``c`` can be scored on ``day``: nothing of it is dated after it."""
    try:
        check_dates(c, as_of=day)
    except InvalidInputError:
        return False
    return True


@given(st.lists(candidates(as_of=AS_OF), min_size=1, max_size=4), st.integers(1, 200))
def test_the_days_of_one_rule_set_share_memos_but_not_the_day(
    pool: list[Candidate], days_before: int
) -> None:
    """Plans of other days of one rule set share its memos (a forecast scores
    hundreds of days): each day's breakdown must still be that day's alone, its
    age line quoting that day, as if that day were the first scored."""
    earlier = AS_OF - timedelta(days=days_before)
    rules = rules_for(as_of=AS_OF)
    assume(rules_for(as_of=earlier) is rules)  # one rule set over both days
    assume(all(_dated_by(c, earlier) for c in pool))
    alone = []
    for c in pool:
        rules.clear_compiled()
        alone.append(score(c, as_of=AS_OF))
    rules.clear_compiled()
    score_many(pool, as_of=earlier)  # memos filled on another day
    [score(c, as_of=earlier) for c in pool]
    assert score_many(pool, as_of=AS_OF) == [b.total for b in alone]
    assert [score(c, as_of=AS_OF) for c in pool] == alone
    for b in alone:
        [age] = [ln for ln in b.lines if ln.factor == "age"]
        assert f" on {AS_OF.isoformat()}" in age.reason


@given(dated_candidates())
def test_cleared_plans_give_the_same_breakdown(case: tuple[date, Candidate]) -> None:
    as_of, c = case
    before = score(c, as_of=as_of)
    rules = rules_for(as_of=as_of)
    rules.clear_compiled()
    assert rules.compiled == {}
    assert score(c, as_of=as_of) == before
    assert score_many([c], as_of=as_of) == [before.total]


@given(dated_candidates())
def test_profile_json_round_trip_is_lossless(case: tuple[date, Candidate]) -> None:
    _, c = case
    again = from_json(to_json(c), Candidate)
    assert again == c
    assert to_json(again) == to_json(c)


@given(dated_candidates())
def test_breakdown_json_round_trip_is_lossless(case: tuple[date, Candidate]) -> None:
    as_of, c = case
    b = score(c, as_of=as_of)
    assert from_json(to_json(b), CrsBreakdown) == b


@given(candidates(as_of=AS_OF), st.sampled_from(list(Ability)), st.integers(0, 1))
def test_raising_one_score_never_lowers_the_total(
    c: Candidate, ability: Ability, which: int
) -> None:
    assume(c.languages)
    result = c.languages[which % len(c.languages)]
    scale_step = 0.5 if result.test is LanguageTest.IELTS_GENERAL else 1.0
    try:
        raised = attrs.evolve(
            result, **{ability.value: getattr(result, ability.value) + scale_step}
        )
    except InvalidInputError:
        assume(False)  # already at the top of the scale
        raise
    assert raised.clb(ability) >= result.clb(ability)
    languages = tuple(raised if r is result else r for r in c.languages)
    better = attrs.evolve(c, languages=languages)
    assert score(better, as_of=AS_OF).total >= score(c, as_of=AS_OF).total


@given(candidates(as_of=AS_OF), st.booleans(), st.integers(1, 10))
def test_adding_a_year_of_work_never_lowers_the_total(
    c: Candidate, in_canada: bool, years_back: int
) -> None:
    end = AS_OF - timedelta(days=365 * (years_back - 1) + 1)
    year = WorkPeriod(
        start=end - timedelta(days=364),
        end=end,
        hours_per_week=30,
        noc="21231",
        in_canada=in_canada,
    )
    assume(year.start >= sixteenth_birthday(c.date_of_birth))
    more = attrs.evolve(c, work_history=WorkHistory(periods=(*c.work_history.periods, year)))
    assert score(more, as_of=AS_OF).total >= score(c, as_of=AS_OF).total


@given(candidates(as_of=AS_OF))
def test_a_spouse_scored_only_when_accompanying_and_not_citizen(c: Candidate) -> None:
    b = score(c, as_of=AS_OF)
    spouse_lines = [ln for ln in b.lines if ln.section is CrsSection.SPOUSE]
    expected = (
        c.spouse is not None and c.spouse.accompanying and not c.spouse.canadian_citizen_or_pr
    )
    assert b.with_spouse is expected
    assert bool(spouse_lines) is expected


@given(dated_candidates())
def test_the_fast_path_s_sections_are_the_breakdown_s_subtotals(
    case: tuple[date, Candidate],
) -> None:
    # a pool's ``score`` writes the four subtotals from the kernel, without the lines
    as_of, c = case
    b = score(c, as_of=as_of)
    sections: list[int] = []
    rules = rules_for(as_of=as_of)
    total = score_on(c, plan_for(rules, as_of), None, sections)
    assert sections == [b.subtotal(s) for s in CrsSection]
    assert total == sum(sections) == b.total
