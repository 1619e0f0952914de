"""Federal Skilled Worker Program: minimum requirements and the 67-point grid.

IRPR ss. 75-83. The work requirement is a year (1,560 hours) of *continuous*
skilled work in one occupation, the "primary occupation", in the 10 years
before the day assessed; the grid then scores language, education, experience,
age, arranged employment and adaptability out of 100.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from expressentry._kinds import canadian_kind
from expressentry.enums import AdaptabilityItem, CanadianCredential, EducationLevel, Program
from expressentry.experience import Kind, full_time_hours, reaches, whole_years, window
from expressentry.models import (
    Candidate,
    WorkHistory,
    WorkPeriod,
    completed_years,
    require_candidate,
)
from expressentry.rules import RuleSet, resolve_rules
from expressentry.rules import fsw_grid as grid
from expressentry.rules._timeline import Timeline
from expressentry.rules.programs import (
    ECA_VALID_YEARS,
    FSW_CONTINUITY_GAP_DAYS,
    FSW_MIN_HOURS,
    FSW_WINDOW_YEARS,
)
from expressentry.validity import eca_valid, language_valid, scored_level

from ._common import (
    by_occupation,
    day_ref,
    eca_words,
    expired_words,
    funds_requirement,
    hours,
    level_words,
    quebec_requirement,
    ref,
    result_words,
    skilled_paid,
    teer_words,
)
from .report import FswGrid, GridLine, ProgramResult, Requirement

__all__ = ["assess_fsw", "fsw_grid", "primary_occupation"]

_P = "fsw"


def primary_occupation(
    c: Candidate, *, as_of: date | None = None, rules: RuleSet | None = None
) -> tuple[str | None, float]:
    """The skilled NOC with the longest continuous stretch in the window, and its hours.

    ``as_of`` is the day assessed; ``None`` means today. ``rules``: rules to apply
    instead of those in force on ``as_of`` (a reform).
    """
    as_of, rules = resolve_rules("primary_occupation", as_of, rules)
    c = require_candidate(c, "primary_occupation")
    return _primary_occupation(c, as_of, rules)


def _primary_occupation(c: Candidate, as_of: date, rules: RuleSet) -> tuple[str | None, float]:
    stretches = by_occupation(
        c.work_history,
        skilled_paid(rules, Program.FSW),
        as_of,
        rules.entry(FSW_WINDOW_YEARS).value,
        rules,
        continuous_gap_days=FSW_CONTINUITY_GAP_DAYS,
    )
    best = max(stretches, key=lambda noc: stretches[noc], default=None)
    return best, 0.0 if best is None else stretches[best]


def _work(c: Candidate, as_of: date, rules: RuleSet) -> Requirement:
    years = rules.entry(FSW_WINDOW_YEARS).value
    need = rules.entry(FSW_MIN_HOURS).value
    noc, got = _primary_occupation(c, as_of, rules)
    start = window(years, as_of=as_of)[0]
    if noc is None:
        reason = (
            f"No skilled ({teer_words(rules)}) paid work in the {years} years before "
            f"{as_of.isoformat()} (since {start.isoformat()}); {need:,} continuous hours "
            "in one occupation needed"
        )
    else:
        reason = (
            f"{int(got):,} of {need:,} hours of continuous work in NOC {noc} "
            f"(TEER {noc[1]}) in the {years} years before {as_of.isoformat()}"
        )
    return Requirement(
        id=f"{_P}.work_experience",
        met=reaches(got, need),
        reason=reason,
        rule=ref(rules, FSW_MIN_HOURS),
    )


def _language(c: Candidate, as_of: date, rules: RuleSet) -> Requirement:
    minimum = rules.entry(grid.MIN_FIRST_LANGUAGE_CLB).value
    rule = ref(rules, grid.MIN_FIRST_LANGUAGE_CLB)
    first = c.first_language_result
    if first is None:
        reason = (
            f"No first official language result; {level_words(minimum)} "
            "in all four abilities needed"
        )
        return Requirement(id=f"{_P}.language", met=False, reason=reason, rule=rule)
    if not language_valid(first, as_of=as_of):
        reason = f"First official language: {expired_words(first)}; a valid result is needed"
        return Requirement(id=f"{_P}.language", met=False, reason=reason, rule=rule)
    met = first.lowest >= minimum
    reason = (
        f"First official language: {result_words(first)}; "
        f"{level_words(minimum, first)} in all four abilities needed"
    )
    return Requirement(id=f"{_P}.language", met=met, reason=reason, rule=rule)


def _education(c: Candidate, as_of: date) -> Requirement:
    """A completed Canadian credential, or a foreign one with a valid ECA."""
    edu = c.education
    level = edu.level
    issued = edu.eca_issued
    canadian = edu.canadian_credential is not CanadianCredential.NONE
    if level.rank < EducationLevel.SECONDARY.rank:
        met, why = False, "Less than secondary school: a completed credential is needed"
    elif issued is not None and eca_valid(edu, as_of=as_of):
        met, why = True, f"Education: {level.label}, ECA report of {issued.isoformat()}"
    elif canadian:
        credential = edu.canadian_credential.value.replace("_", " ")
        met, why = True, f"Education: a Canadian credential ({credential})"
    elif issued is None:
        met, why = False, f"Foreign {level.label} without an ECA report"
    else:
        met, why = False, f"Foreign {level.label}: {eca_words(issued)}"
    return Requirement(
        id=f"{_P}.education", met=met, reason=why, rule=day_ref(ECA_VALID_YEARS, as_of)
    )


def _scored_education(c: Candidate, as_of: date) -> tuple[EducationLevel | None, str]:
    """The level the grid scores, and how it is described.

    The highest level counts when it needs no ECA or its ECA is valid; otherwise a
    Canadian credential still counts, at the lowest level it can be.
    """
    edu = c.education
    scored = scored_level(edu, as_of=as_of)
    if scored is edu.level:
        return scored, scored.label
    issued = edu.eca_issued
    why = "it has no ECA" if issued is None else eca_words(issued)
    if edu.canadian_level is None:
        return None, f"foreign {edu.level.label}: {why}, so no points"
    return (
        scored,
        f"the Canadian credential ({scored.label}); for the foreign {edu.level.label}, {why}",
    )


def fsw_grid(c: Candidate, *, as_of: date | None = None, rules: RuleSet | None = None) -> FswGrid:
    """The FSW selection grid of ``c`` on ``as_of`` (``None``: today), line by line.

    ``rules``: rules to apply instead of those in force on ``as_of`` (a reform).
    """
    as_of, rules = resolve_rules("fsw_grid", as_of, rules)
    c = require_candidate(c, "fsw_grid")
    return _grid(c, as_of, rules)


def _grid(c: Candidate, as_of: date, rules: RuleSet) -> FswGrid:
    lines: list[GridLine] = []

    def add(factor: str, timeline: Timeline[Any], points: int, reason: str) -> None:
        lines.append(
            GridLine(factor=factor, points=points, reason=reason, rule=ref(rules, timeline))
        )

    # 1. Language
    per_ability = rules.entry(grid.FIRST_LANGUAGE).value
    first = c.first_language_result
    names = ("listening", "speaking", "reading", "writing")
    if first is not None and language_valid(first, as_of=as_of):
        for name, level in zip(names, first.levels, strict=True):
            add(
                f"first_language.{name}",
                grid.FIRST_LANGUAGE,
                per_ability.points(level),
                f"First official language: {level_words(level, first)} in {name}",
            )
    else:
        why = "no result" if first is None else expired_words(first)
        add("first_language", grid.FIRST_LANGUAGE, 0, f"First official language: {why}")
    second = c.second_language_result
    if second is not None and language_valid(second, as_of=as_of):
        add(
            "second_language",
            grid.SECOND_LANGUAGE,
            rules.entry(grid.SECOND_LANGUAGE).value.points(second.lowest),
            f"Second official language: {level_words(second.lowest, second)} or more "
            "in all four abilities",
        )
    # 2. Education
    scored, words = _scored_education(c, as_of)
    add(
        "education",
        grid.EDUCATION,
        0 if scored is None else rules.entry(grid.EDUCATION).value[scored],
        f"Education: {words}",
    )
    # 3. Experience
    total, start = hours(
        c.work_history,
        skilled_paid(rules, Program.FSW),
        as_of,
        rules.entry(FSW_WINDOW_YEARS).value,
        rules,
    )
    years = whole_years(total, rules.hours_per_year.value)
    add(
        "experience",
        grid.EXPERIENCE,
        rules.entry(grid.EXPERIENCE).value.points(years),
        f"Skilled work since {start.isoformat()}: {int(total):,} hours, "
        f"{years} year{'s' if years != 1 else ''}",
    )
    # 4. Age
    age = completed_years(c.date_of_birth, as_of)
    add(
        "age",
        grid.AGE,
        rules.entry(grid.AGE).value.points(age),
        f"Age {age} on {as_of.isoformat()}",
    )
    # 5. Arranged employment
    offer = c.job_offer
    skilled = rules.skilled_teers.value
    arranged = offer is not None and offer.teer in skilled
    add(
        "arranged_employment",
        grid.ARRANGED_EMPLOYMENT,
        rules.entry(grid.ARRANGED_EMPLOYMENT).value if arranged else 0,
        "Arranged employment: "
        + (f"offer in NOC {offer.noc}" if offer is not None and arranged else "none")
        + ("" if offer is None or arranged else f" (NOC {offer.noc} is not {teer_words(rules)})"),
    )
    # 6. Adaptability
    items = rules.entry(grid.ADAPTABILITY).value
    raw = 0
    for item, met, why in _adaptability(c, as_of, rules, arranged=arranged):
        if met:
            pts = items[item]
            raw += pts
            add(f"adaptability.{item.value}", grid.ADAPTABILITY, pts, f"Adaptability: {why}")
    limit = rules.entry(grid.ADAPTABILITY_CAP).value
    if raw > limit:
        add(
            "adaptability.cap",
            grid.ADAPTABILITY_CAP,
            limit - raw,
            f"Adaptability capped at {limit}",
        )
    return FswGrid(
        lines=tuple(lines),
        total=sum(ln.points for ln in lines),
        pass_mark=rules.entry(grid.PASS_MARK).value,
    )


def _adaptability(
    c: Candidate, as_of: date, rules: RuleSet, *, arranged: bool
) -> list[tuple[AdaptabilityItem, bool, str]]:
    spouse = c.spouse
    with_spouse = spouse is not None and spouse.scored_with
    out: list[tuple[AdaptabilityItem, bool, str]] = []
    if with_spouse and spouse is not None:
        lang = spouse.language
        minimum = rules.entry(grid.SPOUSE_LANGUAGE_MIN_CLB).value
        out.append(
            (
                AdaptabilityItem.SPOUSE_LANGUAGE,
                lang is not None and language_valid(lang, as_of=as_of) and lang.lowest >= minimum,
                f"spouse's language at {level_words(minimum, lang)}+ in all four abilities",
            )
        )
        out.append(
            (
                AdaptabilityItem.SPOUSE_PAST_STUDY,
                spouse.studied_in_canada,
                "spouse's study in Canada",
            )
        )
        out.append(
            (
                AdaptabilityItem.SPOUSE_PAST_WORK,
                _canada_year(spouse.work_history, as_of, rules, _SPOUSE_WORK),
                "spouse's year of full-time work in Canada",
            )
        )
    out.append((AdaptabilityItem.PAST_STUDY, c.studied_in_canada, "two years of study in Canada"))
    out.append(
        (
            AdaptabilityItem.PAST_WORK,
            _canada_year(c.work_history, as_of, rules, canadian_kind(rules.skilled_teers.value)),
            f"a year of skilled ({teer_words(rules)}) work in Canada",
        )
    )
    out.append((AdaptabilityItem.ARRANGED_EMPLOYMENT, arranged, "arranged employment"))
    out.append(
        (
            AdaptabilityItem.RELATIVE_IN_CANADA,
            c.relative_in_canada or c.sibling_in_canada,
            "a relative living in Canada",
        )
    )
    return out


def _canada_year(history: WorkHistory, as_of: date, rules: RuleSet, kind: Kind) -> bool:
    """A year of full-time work (30 hours a week, 52 weeks) of ``kind`` done before ``as_of``."""
    if not history.periods:
        return False
    cap = rules.weekly_hours_cap.value
    got = full_time_hours(history, kind, start=date.min, end=as_of, weekly_cap=cap)
    return reaches(got, rules.hours_per_year.value)


def _spouse_work(p: WorkPeriod) -> bool:
    return p.in_canada and p.authorized


_SPOUSE_WORK: Kind = ("fsw.spouse_canadian_work", frozenset(range(6)), _spouse_work)
"""The spouse's past work in Canada: any occupation, authorized (IRPR s. 83(1)(c))."""


def assess_fsw(c: Candidate, as_of: date, rules: RuleSet) -> ProgramResult:
    """Every FSW requirement of ``c`` on ``as_of``."""
    scored = _grid(c, as_of, rules)
    grid_req = Requirement(
        id=f"{_P}.selection_grid",
        met=scored.passed,
        reason=f"Selection grid: {scored.total} of 100 points; {scored.pass_mark} needed",
        rule=ref(rules, grid.PASS_MARK),
    )
    requirements = (
        _work(c, as_of, rules),
        _language(c, as_of, rules),
        _education(c, as_of),
        grid_req,
        funds_requirement(Program.FSW, c, as_of, rules),
        quebec_requirement(Program.FSW, c, rules),
    )
    return ProgramResult(
        program=Program.FSW,
        requirements=requirements,
        eligible=all(r.met for r in requirements),
        grid=scored,
    )
