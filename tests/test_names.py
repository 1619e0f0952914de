"""One name per CRS rule: the rule id, from which the attribute and line factors follow.

Kind: property and examples. The naming rule is the one "How scoring works" states
(section "One name per rule"): the short name is the id without ``crs.core.``,
``crs.`` or ``experience.``; the ``RuleSet`` attribute is the short name with dots
as underscores; a line's factor is the short name of the rule that gave its points,
plus the ability, the group or ``expired`` it is a line of. The checks of lines go
the way a reader goes, from the factor back to the rule (``_rule_of``, written
here from the page, not from the library), and compare it with the rule the line
cites.
"""

from __future__ import annotations

import random
from datetime import date

import attrs
import pytest
from hypothesis import given, settings

from expressentry import (
    AddedFactor,
    Candidate,
    CrsSection,
    InvalidInputError,
    PointLine,
    RuleSet,
    Source,
    example_profile,
    rules_for,
    score,
)
from expressentry.enums import Ability, MaritalStatus
from expressentry.rules import (
    CRS_TIMELINES,
    Dated,
    attribute_of,
    factor_of,
)
from expressentry.rules.programs import ECA_VALID_YEARS, LANGUAGE_RESULT_VALID_YEARS
from tests.strategies import dated_candidates, random_candidate

CRS_IDS = sorted(t.rule_id for t in CRS_TIMELINES.values())
DAYS = (
    date(2015, 1, 1),
    date(2017, 6, 6),
    date(2020, 10, 20),
    date(2025, 3, 25),
    date(2026, 11, 22),
)
SECTIONS = ("spouse", "transferability", "additional")
"""The sections whose factors start with the section's name (the core's do not)."""
ABILITIES = frozenset(a.value for a in Ability)
LANGUAGE_RULES = frozenset(
    {"crs.core.first_language", "crs.core.second_language", "crs.spouse.first_language"}
)
GROUPS = frozenset({"education", "foreign_experience"})
RULES_WITH_LINES = frozenset(
    {
        "crs.core.age",
        "crs.core.education",
        "crs.core.first_language",
        "crs.core.second_language",
        "crs.core.second_language_cap",
        "crs.core.canadian_experience",
        "crs.spouse.education",
        "crs.spouse.first_language",
        "crs.spouse.canadian_experience",
        "crs.transferability.education_language",
        "crs.transferability.education_experience",
        "crs.transferability.foreign_language",
        "crs.transferability.foreign_experience",
        "crs.transferability.certificate_language",
        "crs.transferability.group_cap",
        "crs.transferability.cap",
        "crs.additional.provincial_nomination",
        "crs.additional.job_offer",
        "crs.additional.canadian_study",
        "crs.additional.french",
        "crs.additional.sibling",
        "crs.additional.cap",
    }
)
"""Every CRS rule that gives breakdown lines (the others are thresholds, and the
counting of work experience)."""


def _rule_of(factor: str) -> tuple[str, tuple[str, ...]]:
    """The rule id of a built-in factor, and the parts after the rule's short name."""
    parts = tuple(factor.split("."))
    if parts[0] in SECTIONS:
        return f"crs.{parts[0]}.{parts[1]}", parts[2:]
    return f"crs.core.{parts[0]}", parts[1:]


def _check_line(line: PointLine, rules: RuleSet) -> str:
    """Check ``line``'s factor against the rule it cites; return the factor's rule id."""
    rule_id, rest = _rule_of(line.factor)
    assert rule_id in RULES_WITH_LINES, line
    assert line.section.value == rule_id.split(".")[1], line
    if line.rule.rule_id == LANGUAGE_RESULT_VALID_YEARS.rule_id:  # an expired result
        assert rule_id in LANGUAGE_RULES, line
        assert rest == ("expired",), line
        assert line.points == 0, line
        return rule_id
    if line.rule.rule_id == ECA_VALID_YEARS.rule_id:  # an expired ECA
        assert rule_id in {"crs.core.education", "crs.spouse.education"}, line
        assert rest == (), line
        return rule_id
    assert line.rule.rule_id == rule_id, line
    assert line.factor == factor_of(rule_id, ".".join(rest) or None), line
    if rule_id in LANGUAGE_RULES:
        assert rest in {(a,) for a in ABILITIES}, line
    elif rule_id == "crs.transferability.group_cap":
        assert rest in {(g,) for g in GROUPS}, line
    else:
        assert rest == (), line
    # The line cites the entry the rule's attribute holds.
    entry = getattr(rules, attribute_of(rule_id))
    assert (line.rule.effective_from, line.rule.source) == (entry.effective_from, entry.source)
    return rule_id


# --- RuleSet attributes ---------------------------------------------------------


@pytest.mark.parametrize("day", DAYS)
@pytest.mark.parametrize("rule_id", CRS_IDS)
def test_the_attribute_of_a_rule_holds_its_entry(rule_id: str, day: date) -> None:
    rules = rules_for(as_of=day)
    assert getattr(rules, attribute_of(rule_id)) is rules.entry(rule_id)
    assert rules.entry(rule_id) == CRS_TIMELINES[attribute_of(rule_id)].at(day)


@pytest.mark.parametrize("rule_id", [i for i in CRS_IDS if i.startswith("crs.")])
def test_a_reform_replaces_the_entry_its_attribute_holds(rule_id: str) -> None:
    rules = rules_for(as_of=DAYS[-1])
    reform = rules.replace(rule_id, rules.entry(rule_id).value, reform="same value")
    entry = getattr(reform, attribute_of(rule_id))
    assert entry is reform.entry(rule_id)
    assert entry.note == "Reform: same value"
    others = [i for i in CRS_IDS if i != rule_id]
    assert all(getattr(reform, attribute_of(i)) is rules.entry(i) for i in others)


def test_every_dated_field_of_a_rule_set_is_the_attribute_of_a_crs_rule() -> None:
    rules = rules_for(as_of=DAYS[-1])
    dated = {f.name for f in attrs.fields(RuleSet) if isinstance(getattr(rules, f.name), Dated)}
    assert dated == {attribute_of(i) for i in CRS_IDS}
    assert len(dated) == len(CRS_IDS)  # one attribute per rule, none shared


@pytest.mark.parametrize(
    ("rule_id", "attribute"),
    [
        ("crs.core.age", "age"),
        ("crs.core.second_language_cap", "second_language_cap"),
        ("crs.spouse.first_language", "spouse_first_language"),
        ("crs.transferability.education_language", "transferability_education_language"),
        ("crs.transferability.group_cap", "transferability_group_cap"),
        ("crs.transferability.cap", "transferability_cap"),
        ("crs.additional.job_offer", "additional_job_offer"),
        ("crs.additional.cap", "additional_cap"),
        ("experience.skilled_teers", "skilled_teers"),
        ("experience.crs_window_years", "crs_window_years"),
    ],
)
def test_attributes_named_as_the_page_shows(rule_id: str, attribute: str) -> None:
    rules = rules_for(as_of=DAYS[-1])
    assert attribute_of(rule_id) == attribute
    assert getattr(rules, attribute) is rules.entry(rule_id)


@pytest.mark.parametrize(
    "rule_id", ["fsw.grid.pass_mark", "crs.transferability.section_cap", "crs.core", "age", ""]
)
def test_only_a_crs_rule_has_an_attribute(rule_id: str) -> None:
    with pytest.raises(InvalidInputError, match="is not a CRS rule id") as caught:
        attribute_of(rule_id)
    (problem,) = caught.value.problems
    assert problem.message == f"is not a CRS rule id; known: {', '.join(CRS_IDS)}"


# --- line factors -------------------------------------------------------------


def _with_expired_results(c: Candidate) -> tuple[Candidate, date]:
    """``c`` and a day on which its and its spouse's language results have expired."""
    results = [*c.languages]
    if c.spouse is not None and c.spouse.language is not None:
        results.append(c.spouse.language)
    last = max((r.result_date or r.test_date) for r in results)
    return c, date(last.year + 3, 1, 1)


def _examples() -> list[tuple[Candidate, date]]:
    """The example profile, with and without its spouse, on days that give every line."""
    c = example_profile()
    day = DAYS[-1]
    single = attrs.evolve(c, spouse=None, marital_status=MaritalStatus.NEVER_MARRIED)
    every_additional = attrs.evolve(
        c, provincial_nomination=True, sibling_in_canada=True, certificate_of_qualification=True
    )
    return [
        (c, day),
        (single, day),
        (every_additional, day),
        (attrs.evolve(single, certificate_of_qualification=True), day),
        _with_expired_results(c),
    ]


def test_the_example_lines_name_their_rules() -> None:
    seen = set()
    for c, day in _examples():
        rules = rules_for(as_of=day)
        for line in score(c, as_of=day).lines:
            seen.add(_check_line(line, rules))
    assert "crs.spouse.first_language" in seen
    assert "crs.transferability.group_cap" in seen


def test_a_pool_of_generated_candidates_gives_every_rule_a_line() -> None:
    """3,000 seeded candidates over five days: every kind of line is checked."""
    rng = random.Random(20261130)
    seen: set[str] = set()
    cited: set[str] = set()
    for day in DAYS:
        rules = rules_for(as_of=day)
        for _ in range(600):
            for line in score(random_candidate(rng, day), as_of=day).lines:
                seen.add(_check_line(line, rules))
                cited.add(line.rule.rule_id)
    assert seen == RULES_WITH_LINES
    assert {LANGUAGE_RESULT_VALID_YEARS.rule_id, ECA_VALID_YEARS.rule_id} <= cited


@settings(max_examples=150)
@given(dated_candidates())
def test_every_line_of_a_generated_score_names_its_rule(case: tuple[date, Candidate]) -> None:
    day, c = case
    rules = rules_for(as_of=day)
    for line in score(c, as_of=day).lines:
        _check_line(line, rules)


@pytest.mark.parametrize("rule_id", ["reform.high_wage", "crs.additional.high_wage"])
def test_an_added_factor_is_named_from_its_rule_id(rule_id: str) -> None:
    day = DAYS[-1]
    factor = AddedFactor(
        rule_id=rule_id,
        section=CrsSection.ADDITIONAL,
        title="A factor",
        points=lambda candidate, as_of: (5, "Five points"),
        source=Source("demo", "A proposal", "https://www.canada.ca/", day),
    )
    rules = rules_for(as_of=day).add_factor(factor, reform="added")
    lines = score(example_profile(), as_of=day, rules=rules).lines
    (line,) = [line for line in lines if line.rule.rule_id == rule_id]
    assert line.factor == factor_of(rule_id) == rule_id.removeprefix("crs.")
