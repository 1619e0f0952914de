"""Short reprs: each result names its key facts in a line a notebook user can read.

A few are written out by hand; every repr of the example profile's results is
under 200 characters; equality and hashing are those of the fields, as before.

Kinds: hand-worked examples of user-facing behaviour (reprs), and a property (length).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import attrs
import pytest
from hypothesis import given

import expressentry as ee
from expressentry import (
    Candidate,
    CategoryResult,
    CrsBreakdown,
    EligibilityReport,
    FswGrid,
    GridLine,
    LanguageResult,
    LanguageTest,
    PointLine,
    Program,
    ProgramResult,
    Requirement,
    RuleRef,
    RuleSet,
    Source,
    Status,
)
from expressentry.rules import sources
from tests.strategies import dated_candidates

DAY = date(2026, 11, 22)
LONGEST = 200


@pytest.fixture(scope="module")
def breakdown() -> CrsBreakdown:
    return ee.score(ee.example_profile(), as_of=DAY)


@pytest.fixture(scope="module")
def report() -> EligibilityReport:
    return ee.assess(ee.example_profile(), as_of=DAY)


def _rule() -> RuleRef:
    return RuleRef(
        rule_id="crs.core.age", effective_from=date(2015, 1, 1), source=sources.CRS_CRITERIA
    )


def test_a_point_line_is_its_section_factor_points_reason_and_rule(
    breakdown: CrsBreakdown,
) -> None:
    assert repr(breakdown.lines[0]) == (
        "PointLine(core, 'age', 85, 'Age 32 on 2026-11-22, with accompanying spouse', "
        "rule='crs.core.age@2015-01-01')"
    )


def test_a_breakdown_is_its_total_day_rules_and_count_of_lines(breakdown: CrsBreakdown) -> None:
    assert repr(breakdown) == (
        "CrsBreakdown(574 on 2026-11-22, rules in force from 2025-03-25, with spouse, 25 lines)"
    )


def test_a_rule_ref_cites_the_entry_and_names_the_source() -> None:
    assert repr(_rule()) == "RuleRef('crs.core.age@2015-01-01', source='ircc-crs-criteria')"


def test_a_source_is_its_id_site_page_and_day_read() -> None:
    assert repr(sources.CRS_CRITERIA) == (
        "Source('ircc-crs-criteria', www.canada.ca/…/crs-criteria.html, retrieved 2026-11-22)"
    )
    home = Source("demo", "Demo", "https://www.canada.ca/", date(2026, 1, 1))
    assert repr(home) == "Source('demo', www.canada.ca/, retrieved 2026-01-01)"


def test_a_language_result_shows_its_levels_and_scores() -> None:
    ielts = LanguageResult(
        test=LanguageTest.IELTS_GENERAL,
        test_date=date(2025, 9, 20),
        listening=8.5,
        speaking=7.5,
        reading=8.0,
        writing=7.0,
    )
    assert repr(ielts) == (
        "LanguageResult(ielts_general 2025-09-20: CLB 10/10/10/9 L/S/R/W, scores 8.5/7.5/8.0/7.0)"
    )
    tef = LanguageResult(
        test=LanguageTest.TEF_CANADA,
        test_date=date(2025, 5, 10),
        listening=470,
        speaking=460,
        reading=440,
        writing=430,
        result_date=date(2025, 5, 30),
    )
    assert repr(tef) == (
        "LanguageResult(tef_canada 2025-05-10: NCLC 8/7/7/7 L/S/R/W, "
        "scores 470/460/440/430, result 2025-05-30)"
    )


def test_a_requirement_is_its_id_status_reason_and_rule() -> None:
    met = Requirement(id="fsw.language", met=True, reason="CLB 7 needed", rule=_rule())
    assert repr(met) == (
        "Requirement(fsw.language, met, 'CLB 7 needed', rule='crs.core.age@2015-01-01')"
    )
    unknown = Requirement(
        id="fsw.settlement_funds",
        met=False,
        status=Status.UNKNOWN,
        reason="No table known on 2015-06-01",
        rule=_rule(),
        condition="settlement funds are confirmed",
    )
    assert repr(unknown) == (
        "Requirement(fsw.settlement_funds, unknown, 'No table known on 2015-06-01', "
        "condition='settlement funds are confirmed', rule='crs.core.age@2015-01-01')"
    )
    long = attrs.evolve(met, reason="x" * 500)
    assert len(repr(long)) == 180  # the width reprs keep to
    assert repr(long).endswith("xxx…', rule='crs.core.age@2015-01-01')")


def test_a_program_names_its_verdict_and_what_is_not_met(report: EligibilityReport) -> None:
    fsw, cec, fst = report.programs
    assert repr(fsw) == "ProgramResult(fsw: eligible, 6 requirements, grid 98/100)"
    assert repr(cec) == "ProgramResult(cec: eligible, 3 requirements)"
    assert repr(fst) == (
        "ProgramResult(fst: not eligible, 5 requirements, "
        "unmet: fst.work_experience, fst.offer_or_certificate)"
    )
    assert fsw.grid is not None
    assert repr(fsw.grid) == "FswGrid(98 of 100, pass mark 67: passed, 13 lines)"
    assert repr(fsw.grid.lines[0]) == (
        "GridLine('first_language.listening', 6, 'First official language: CLB 10 in "
        "listening', rule='fsw.grid.first_language@2013-05-04')"
    )


def test_an_eligible_if_program_names_its_condition() -> None:
    unknown = Requirement(
        id="fsw.settlement_funds",
        met=False,
        status=Status.UNKNOWN,
        reason="",
        rule=_rule(),
        condition="settlement funds are confirmed",
    )
    result = ProgramResult(program=Program.FSW, requirements=(unknown,), eligible=False)
    assert repr(result) == (
        "ProgramResult(fsw: eligible if settlement funds are confirmed, 1 requirement)"
    )


def test_a_report_names_each_verdict_and_the_categories_eligible(
    report: EligibilityReport,
) -> None:
    assert repr(report) == (
        "EligibilityReport(2026-11-22: fsw eligible, cec eligible, fst not eligible; "
        "categories: 1 of 10 eligible (french))"
    )
    assert repr(report.categories[0]) == "CategoryResult(french 2026: eligible, 2 requirements)"
    before = attrs.evolve(report, categories=())
    assert repr(before).endswith("; no categories in force)")


def test_a_rule_set_names_its_day_and_what_a_reform_changed() -> None:
    rules = ee.rules_for(as_of=DAY)
    assert repr(rules) == "RuleSet(in force from 2025-03-25)"
    no_sibling = rules.replace("crs.additional.sibling", 0, reform="no sibling points")
    assert repr(no_sibling) == (
        "RuleSet(in force from 2025-03-25, reform: no sibling points; "
        "replaced: crs.additional.sibling)"
    )
    both = no_sibling.zero("crs.additional.french", reform="no French points")
    assert both.replaced == ("crs.additional.sibling",)
    assert both.zeroed == ("crs.additional.french",)
    assert repr(both) == (
        "RuleSet(in force from 2025-03-25, reform: no sibling points; no French points; "
        "replaced: crs.additional.sibling; zeroed: crs.additional.french)"
    )
    factor = ee.AddedFactor(
        rule_id="reform.high_wage",
        section=ee.CrsSection.ADDITIONAL,
        title="High-wage job offer",
        points=lambda _candidate, _as_of: (0, ""),
        source=sources.CRS_CRITERIA,
    )
    assert repr(factor) == "AddedFactor('reform.high_wage', additional, 'High-wage job offer')"
    added = rules.add_factor(factor, reform="high wage")
    assert repr(added) == (
        "RuleSet(in force from 2025-03-25, reform: high wage; added: reform.high_wage)"
    )


def test_what_a_reform_changed_is_not_compared() -> None:
    """Rule sets with the same rules are equal, however they were made (as before)."""
    rules = ee.rules_for(as_of=DAY)
    zeroed = rules.zero("crs.additional.sibling", reform="x")
    replaced = rules.replace("crs.additional.sibling", 0, reform="x")
    assert (zeroed.zeroed, replaced.replaced) == (
        ("crs.additional.sibling",),
        ("crs.additional.sibling",),
    )
    assert zeroed == replaced
    assert {f.name for f in attrs.fields(RuleSet) if not f.eq} == {
        "replaced",
        "zeroed",
        "_plans",
        "_index",
        "_memos",
    }


@pytest.mark.parametrize(
    "cls",
    [
        PointLine,
        RuleRef,
        CrsBreakdown,
        Requirement,
        GridLine,
        FswGrid,
        ProgramResult,
        CategoryResult,
        EligibilityReport,
        LanguageResult,
        RuleSet,
        Source,
        ee.Scenario,
        ee.Comparison,
        ee.ComparisonColumn,
        ee.ComparisonRow,
        ee.ComparisonSubtotal,
    ],
)
def test_equality_and_hashing_are_still_those_attrs_writes(cls: type) -> None:
    """Only ``__repr__`` is the class's own: ``__eq__`` and ``__hash__`` compare the fields."""
    assert "__repr__" in vars(cls)
    for method in (cls.__eq__, cls.__hash__):
        assert method.__code__.co_filename.startswith("<attrs generated"), (cls, method)


def _results(
    candidate: Candidate, breakdown: CrsBreakdown, report: EligibilityReport
) -> Iterator[object]:
    """Every result object of a score and an assessment, and the candidate's languages."""
    yield breakdown
    for line in breakdown.lines:
        yield from (line, line.rule, line.rule.source)
    yield report
    for program in report.programs:
        yield program
        yield from program.requirements
        if program.grid is not None:
            yield program.grid
            yield from program.grid.lines
    for category in report.categories:
        yield category
        yield from category.requirements
    yield from candidate.languages


def _too_long(candidate: Candidate, as_of: date) -> list[str]:
    breakdown, report = ee.score(candidate, as_of=as_of), ee.assess(candidate, as_of=as_of)
    shown = [repr(r) for r in _results(candidate, breakdown, report)]
    return [r for r in shown if len(r) >= LONGEST]


def test_every_repr_of_the_example_is_short() -> None:
    assert _too_long(ee.example_profile(), DAY) == []
    shipped = [repr(s) for s in vars(sources).values() if isinstance(s, Source)]
    assert len(shipped) > 20  # every source shipped
    assert [r for r in shipped if len(r) >= LONGEST] == []


@given(dated_candidates())
def test_every_repr_is_short(case: tuple[date, Candidate]) -> None:
    as_of, candidate = case
    assert _too_long(candidate, as_of) == []
