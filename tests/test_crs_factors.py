"""CRS factors as objects (:mod:`expressentry.scoring.factors`).

A factor object reads a candidate on its own (``reads``), while the kernel reads
the same inputs through its packed codes and memos: for any candidate on any
day, the line the object gives equals the breakdown's line of that factor, and a
candidate the object says it does not apply to has no such line. Hand-worked
values pin the words and points of a few lines, and a factor listed in
``FACTORS`` joins its section inside the section's cap.

Kind: property (the object's reading against the kernel's) and hand-worked cases.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs
import pytest
from hypothesis import given

import expressentry as ee
from expressentry.i18n import Message
from expressentry.rules import Dated, Timeline
from expressentry.rules.sources import CRS_CRITERIA
from expressentry.scoring import factors as factors_module
from expressentry.scoring.factors import (
    AGE,
    CANADIAN_EXPERIENCE,
    CANADIAN_STUDY,
    EDUCATION,
    FRENCH,
    JOB_OFFER,
    NOMINATION,
    SIBLING_IN_CANADA,
    SPOUSE_CANADIAN_EXPERIENCE,
    CrsFactor,
)
from tests.strategies import dated_candidates

BUILT_IN: tuple[CrsFactor[Any, Any], ...] = (
    AGE,
    EDUCATION,
    CANADIAN_EXPERIENCE,
    SPOUSE_CANADIAN_EXPERIENCE,
    NOMINATION,
    JOB_OFFER,
    CANADIAN_STUDY,
    FRENCH,
    SIBLING_IN_CANADA,
)
DAY = date(2026, 11, 22)


@given(dated_candidates())
def test_each_object_reads_what_the_kernel_scores(dated: tuple[date, ee.Candidate]) -> None:
    day, candidate = dated
    rules = ee.rules_for(as_of=day)
    result = ee.score(candidate, as_of=day)
    for factor in BUILT_IN:
        lines = [line for line in result.lines if line.factor == factor.factor]
        key = factor.reads(candidate, day, rules)
        if key is None:
            assert lines == [], factor.rule_id
            continue
        entry = factor.in_force(rules, day)
        assert entry is not None
        assert lines == [factor.line(entry, key)], factor.rule_id


def test_hand_worked_lines() -> None:
    # The example profile, born 1994-03-15, is 32 on 2026-11-22. IRCC's CRS
    # criteria, age: 20 to 29 earn 100 with a spouse and 110 without; 30 earns
    # 95/105, 31 90/99, 32 85/94.
    profile = ee.example_profile()
    rules = ee.rules_for(as_of=DAY)
    key = AGE.reads(profile, DAY, rules)
    assert key is not None
    line = AGE.line(rules.entry(AGE.table), key)
    assert line.reason == "Age 32 on 2026-11-22, with accompanying spouse"
    assert (line.factor, line.points, line.rule.rule_id) == ("age", 85, "crs.core.age")
    assert profile.spouse is not None
    citizen = attrs.evolve(profile.spouse, canadian_citizen_or_pr=True)  # scored single
    single = attrs.evolve(profile, spouse=citizen)
    key = AGE.reads(single, DAY, rules)
    assert key is not None
    assert AGE.line(rules.entry(AGE.table), key).points == 94


def test_a_reform_reaches_a_factor_object() -> None:
    profile = attrs.evolve(ee.example_profile(), sibling_in_canada=True)
    reform = ee.rules_for(as_of=DAY).replace("crs.additional.sibling", 20, reform="sibling 20")
    lines = ee.score(profile, as_of=DAY, rules=reform).lines
    sibling = [line for line in lines if line.factor == "additional.sibling"]
    assert [line.points for line in sibling] == [20]
    assert sibling[0].reason == "Brother or sister living in Canada"


def test_a_listed_factor_joins_its_section_inside_the_cap(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    huge: CrsFactor[bool, int] = CrsFactor(
        table=Timeline(
            "crs.additional.test_factor",
            (Dated(date(2026, 1, 1), 590, CRS_CRITERIA, "A test factor."),),
        ),
        section=ee.CrsSection.ADDITIONAL,
        reads=lambda c, _day, _rules: True if c.job_offer is not None else None,
        points=lambda value, _key: value,
        reason=lambda _value, _key: Message("A job offer (a test factor)"),
    )
    monkeypatch.setattr(factors_module, "FACTORS", (huge,))
    monkeypatch.setattr("expressentry.scoring.plan.FACTORS", (huge,))
    profile = ee.example_profile()  # 50 French points and a job offer
    rules = attrs.evolve(ee.rules_for(as_of=DAY))  # a fresh rule set: nothing compiled
    result = ee.score(profile, as_of=DAY, rules=rules)
    by_factor = {line.factor: line.points for line in result.lines}
    assert by_factor["additional.test_factor"] == 590
    assert by_factor["additional.cap"] == -40  # 50 + 590 above 600
    assert result.additional == 600
    assert ee.score_many([profile], as_of=DAY, rules=rules) == [result.total]
    before = ee.rules_for(as_of=date(2025, 12, 31))
    fresh = attrs.evolve(before)
    assert "additional.test_factor" not in {
        line.factor for line in ee.score(profile, as_of=date(2025, 12, 31), rules=fresh).lines
    }


def test_an_expired_ecas_line_cites_the_validity_rule() -> None:
    # An ECA of 2020-06-15 is valid 5 years (IRCC: an ECA report is valid for five
    # years from its issue date): from 2025-06-15 the bachelor's earns nothing, and
    # the line cites the validity rule, not the education table.
    profile = ee.Candidate(
        date_of_birth=date(1995, 1, 1),
        education=ee.Education(level=ee.EducationLevel.BACHELORS, eca_issued=date(2020, 6, 15)),
    )
    for day, rule_id in (
        (date(2025, 6, 14), "crs.core.education"),
        (date(2025, 6, 15), "program.validity.eca_years"),
    ):
        line = next(
            line for line in ee.score(profile, as_of=day).lines if line.factor == "education"
        )
        assert line.rule.rule_id == rule_id


def test_the_experience_lines_quote_the_window_in_force() -> None:
    # A reform of the window (10 years in force) to 5: the example's Canadian job
    # (3 years) is counted in 5 years, and both experience lines say so.
    profile = ee.example_profile()
    five = ee.rules_for(as_of=DAY).replace("experience.crs_window_years", 5, reform="window 5")
    reasons = {line.factor: line.reason for line in ee.score(profile, as_of=DAY, rules=five).lines}
    assert reasons["canadian_experience"].startswith("Canadian skilled work in the last 5 years")
    assert reasons["spouse.canadian_experience"].startswith(
        "Spouse's Canadian skilled work in the last 5 years"
    )


def _reformed(day: date) -> ee.RuleSet:
    """The rules of ``day`` with the ECA's validity at 3 years (the law: 5)."""
    return ee.rules_for(as_of=day).replace("program.validity.eca_years", 3, reform="ECA 3 years")


@given(dated_candidates())
def test_each_object_reads_what_the_kernel_scores_under_a_reform(
    dated: tuple[date, ee.Candidate],
) -> None:
    day, candidate = dated
    rules = _reformed(day)
    result = ee.score(candidate, as_of=day, rules=rules)
    for factor in BUILT_IN:
        lines = [line for line in result.lines if line.factor == factor.factor]
        key = factor.reads(candidate, day, rules)
        if key is None:
            assert lines == [], factor.rule_id
            continue
        entry = factor.in_force(rules, day)
        assert entry is not None
        assert lines == [factor.line(entry, key)], factor.rule_id


def test_an_expired_ecas_line_quotes_the_reformed_period() -> None:
    # An ECA of 2020-06-15 under a reform of its validity to 3 years expired on
    # 2023-06-15 (the law's 5 years: 2025-06-15); on 2024-01-01 the bachelor's earns
    # nothing, and the line cites the reform's entry and says 3 years.
    profile = ee.Candidate(
        date_of_birth=date(1995, 1, 1),
        education=ee.Education(level=ee.EducationLevel.BACHELORS, eca_issued=date(2020, 6, 15)),
    )
    day = date(2024, 1, 1)
    rules = _reformed(day)
    line = next(
        line
        for line in ee.score(profile, as_of=day, rules=rules).lines
        if line.factor == "education"
    )
    assert (line.points, line.rule.rule_id) == (0, "program.validity.eca_years")
    assert line.rule.effective_from == rules.entry("program.validity.eca_years").effective_from
    assert "expired on 2023-06-15 (valid 3 years)" in line.reason
    key = EDUCATION.reads(profile, day, rules)
    assert key is not None
    entry = EDUCATION.in_force(rules, day)
    assert entry is not None
    assert EDUCATION.line(entry, key) == line
