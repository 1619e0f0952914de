"""Federal Skilled Worker Program: minimum requirements and the 67-point grid.

IRPR ss. 75-83. The work requirement is a year (1,560 hours) of *continuous*
skilled work in one occupation, the "primary occupation", in the 10 years
before the day assessed; the grid then scores language, education, experience,
age, arranged employment and adaptability out of 100.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from enum import Enum
from typing import Any, Final, NamedTuple

from expressentry._ages import completed_years
from expressentry._kinds import canadian_kind
from expressentry._memo import Memo
from expressentry.enums import AdaptabilityItem, CanadianCredential, EducationLevel, Program
from expressentry.experience import Kind, full_time_hours, reaches, whole_years, window
from expressentry.i18n import Message, tr, trn
from expressentry.models import (
    Candidate,
    WorkHistory,
    WorkPeriod,
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
from expressentry.timelines.validity import eca_valid, language_valid, period_ref, scored_level

from ._common import (
    best_occupation,
    eca_words,
    expired_words,
    funds_check,
    funds_requirement,
    hours,
    level_words,
    outside_quebec,
    quebec_requirement,
    ref,
    result_words,
    skilled_paid,
    teer_message,
)
from .report import FswGrid, GridLine, ProgramResult, Requirement, Status, Verdict

__all__ = ["assess_fsw", "fsw_grid", "fsw_verdict", "grid_passed", "primary_occupation"]

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
    return best_occupation(
        c.work_history,
        skilled_paid(rules, Program.FSW),
        as_of,
        rules.entry(FSW_WINDOW_YEARS).value,
        rules,
        continuous_gap_days=FSW_CONTINUITY_GAP_DAYS,
    )


def _work_check(c: Candidate, as_of: date, rules: RuleSet) -> tuple[bool, str | None, float]:
    """The work rule: whether it is met, the primary occupation and its hours."""
    noc, got = _primary_occupation(c, as_of, rules)
    return reaches(got, rules.entry(FSW_MIN_HOURS).value), noc, got


def _work(c: Candidate, as_of: date, rules: RuleSet) -> Requirement:
    years = rules.entry(FSW_WINDOW_YEARS).value
    need = rules.entry(FSW_MIN_HOURS).value
    met, noc, got = _work_check(c, as_of, rules)
    start = window(years, as_of=as_of)[0]
    if noc is None:
        reason = tr(
            "No skilled ({teers}) paid work in the {years} years before {day} (since {start}); "
            "{need:,} continuous hours in one occupation needed",
            teers=teer_message(rules.skilled_teers.value),
            years=years,
            day=as_of,
            start=start,
            need=need,
        )
    else:
        reason = tr(
            "{hours:,} of {need:,} hours of continuous work in NOC {noc} (TEER {teer}) "
            "in the {years} years before {day}",
            hours=int(got),
            need=need,
            noc=noc,
            teer=noc[1],
            years=years,
            day=as_of,
        )
    return Requirement(
        id=f"{_P}.work_experience",
        met=met,
        reason=str(reason),
        rule=ref(rules, FSW_MIN_HOURS),
        message=reason,
    )


def _language_met(c: Candidate, as_of: date, rules: RuleSet) -> bool:
    """The first-language minimum: a valid first result at it in all four abilities.

    The levels are compared first: most results below the minimum never need a date.
    """
    first = c.first_language_result
    return (
        first is not None
        and first.lowest >= rules.entry(_MIN_CLB).value
        and language_valid(first, as_of=as_of, rules=rules)
    )


def _language_check(c: Candidate, as_of: date, rules: RuleSet) -> tuple[bool, bool]:
    """The first-language minimum: whether it is met, and whether the first result is valid."""
    first = c.first_language_result
    valid = first is not None and language_valid(first, as_of=as_of, rules=rules)
    return _language_met(c, as_of, rules), valid


_MIN_CLB = grid.MIN_FIRST_LANGUAGE_CLB


def _language(c: Candidate, as_of: date, rules: RuleSet) -> Requirement:
    minimum = rules.entry(_MIN_CLB).value
    rule = ref(rules, _MIN_CLB)
    met, valid = _language_check(c, as_of, rules)
    first = c.first_language_result
    if first is None:
        reason = tr(
            "No first official language result; {level} in all four abilities needed",
            level=level_words(minimum),
        )
    elif not valid:
        reason = tr(
            "First official language: {expired}; a valid result is needed",
            expired=expired_words(first, rules),
        )
    else:
        reason = tr(
            "First official language: {result}; {level} in all four abilities needed",
            result=result_words(first),
            level=level_words(minimum, first),
        )
    return Requirement(id=f"{_P}.language", met=met, reason=str(reason), rule=rule, message=reason)


class _Edu(Enum):
    """How the education requirement was decided."""

    BELOW_SECONDARY = "below_secondary"
    VALID_ECA = "valid_eca"
    CANADIAN = "canadian"
    NO_ECA = "no_eca"
    EXPIRED_ECA = "expired_eca"


_EDU_MET = frozenset({_Edu.VALID_ECA, _Edu.CANADIAN})


def _education_check(c: Candidate, as_of: date, rules: RuleSet) -> _Edu:
    """A completed Canadian credential, or a foreign one with a valid ECA."""
    edu = c.education
    if edu.level.rank < EducationLevel.SECONDARY.rank:
        return _Edu.BELOW_SECONDARY
    if edu.eca_issued is not None and eca_valid(edu, as_of=as_of, rules=rules):
        return _Edu.VALID_ECA
    if edu.canadian_credential is not CanadianCredential.NONE:
        return _Edu.CANADIAN
    return _Edu.NO_ECA if edu.eca_issued is None else _Edu.EXPIRED_ECA


def _education(c: Candidate, as_of: date, rules: RuleSet) -> Requirement:
    edu = c.education
    level = edu.level
    issued = edu.eca_issued
    how = _education_check(c, as_of, rules)
    if how is _Edu.BELOW_SECONDARY:
        why = tr("Less than secondary school: a completed credential is needed")
    elif how is _Edu.VALID_ECA and issued is not None:
        why = tr("Education: {level}, ECA report of {issued}", level=tr(level.label), issued=issued)
    elif how is _Edu.CANADIAN:
        why = tr(
            "Education: a Canadian credential ({credential})",
            credential=_CREDENTIALS[edu.canadian_credential],
        )
    elif how is _Edu.EXPIRED_ECA and issued is not None:
        why = tr("Foreign {level}: {why}", level=tr(level.label), why=eca_words(issued, rules))
    else:
        why = tr("Foreign {level} without an ECA report", level=tr(level.label))
    return Requirement(
        id=f"{_P}.education",
        met=how in _EDU_MET,
        reason=str(why),
        rule=period_ref(ECA_VALID_YEARS, as_of, rules=rules),
        message=why,
    )


_CREDENTIALS: Final = {
    CanadianCredential.NONE: tr("none"),
    CanadianCredential.SECONDARY: tr("secondary"),
    CanadianCredential.ONE_OR_TWO_YEAR: tr("one or two year"),
    CanadianCredential.THREE_YEAR_OR_MORE: tr("three year or more"),
}
"""A Canadian credential as the education requirement names it (its value, in words)."""


def _scored_education(c: Candidate, as_of: date, rules: RuleSet) -> EducationLevel | None:
    """The level the grid scores (``None``: no points).

    The highest level counts when it needs no ECA or its ECA is valid; otherwise a
    Canadian credential still counts, at the lowest level it can be.
    """
    edu = c.education
    scored = scored_level(edu, as_of=as_of, rules=rules)
    if scored is edu.level or edu.canadian_level is not None:
        return scored
    return None


def _scored_words(c: Candidate, scored: EducationLevel | None, rules: RuleSet) -> Message:
    """How the scored education is described."""
    edu = c.education
    if scored is edu.level:
        return tr(edu.level.label)
    issued = edu.eca_issued
    why = tr("it has no ECA") if issued is None else eca_words(issued, rules)
    if scored is None:
        return tr("foreign {level}: {why}, so no points", level=tr(edu.level.label), why=why)
    return tr(
        "the Canadian credential ({scored}); for the foreign {level}, {why}",
        scored=tr(scored.label),
        level=tr(edu.level.label),
        why=why,
    )


class _GridFacts(NamedTuple):
    """What the grid scores, read from a profile on a day (the key of its points)."""

    first: tuple[int, int, int, int] | None
    """The valid first-language result's levels (L/S/R/W)."""
    second: int | None
    """The valid second-language result's lowest level."""
    scored: EducationLevel | None
    years: int
    age: int
    arranged: bool
    adaptability: tuple[AdaptabilityItem, ...]
    """The adaptability items met."""


def _grid_facts(
    c: Candidate, as_of: date, rules: RuleSet, *, adaptability: bool = True
) -> tuple[_GridFacts, float, date]:
    """The grid's facts, with the skilled hours counted and the window's start.

    Without ``adaptability``, no adaptability item is looked for (the facts of
    every other factor, which decide most candidates).
    """
    first = c.first_language_result
    second = c.second_language_result
    total, start = hours(
        c.work_history,
        skilled_paid(rules, Program.FSW),
        as_of,
        rules.entry(FSW_WINDOW_YEARS).value,
        rules,
    )
    offer = c.job_offer
    arranged = offer is not None and offer.teer in rules.skilled_teers.value
    facts = _GridFacts(  # by position: keywords cost a pool twice the time
        first.levels
        if first is not None and language_valid(first, as_of=as_of, rules=rules)
        else None,
        second.lowest
        if second is not None and language_valid(second, as_of=as_of, rules=rules)
        else None,
        _scored_education(c, as_of, rules),
        whole_years(total, rules.hours_per_year.value),
        completed_years(c.date_of_birth, as_of),
        arranged,
        _met(c, as_of, rules, arranged=arranged) if adaptability else (),
    )
    return facts, total, start


def _met(
    c: Candidate, as_of: date, rules: RuleSet, *, arranged: bool
) -> tuple[AdaptabilityItem, ...]:
    """The adaptability items ``c`` meets."""
    return tuple(item for item, met in _adaptability(c, as_of, rules, arranged=arranged) if met)


_Line = tuple[str, Timeline[Any], int]
_NAMES = ("listening", "speaking", "reading", "writing")


def _grid_points(facts: _GridFacts, rules: RuleSet) -> tuple[_Line, ...]:
    """The grid's lines (factor, rule, points) for ``facts``: the one scoring of the grid."""
    lines: list[_Line] = []
    # 1. Language
    if facts.first is not None:
        per_ability = rules.entry(grid.FIRST_LANGUAGE).value
        for name, level in zip(_NAMES, facts.first, strict=True):
            lines.append((f"first_language.{name}", grid.FIRST_LANGUAGE, per_ability.points(level)))
    else:
        lines.append(("first_language", grid.FIRST_LANGUAGE, 0))
    if facts.second is not None:
        points = rules.entry(grid.SECOND_LANGUAGE).value.points(facts.second)
        lines.append(("second_language", grid.SECOND_LANGUAGE, points))
    # 2. Education
    scored = facts.scored
    education = 0 if scored is None else rules.entry(grid.EDUCATION).value[scored]
    lines.append(("education", grid.EDUCATION, education))
    # 3. Experience
    experience = rules.entry(grid.EXPERIENCE).value.points(facts.years)
    lines.append(("experience", grid.EXPERIENCE, experience))
    # 4. Age
    lines.append(("age", grid.AGE, rules.entry(grid.AGE).value.points(facts.age)))
    # 5. Arranged employment
    arranged = rules.entry(grid.ARRANGED_EMPLOYMENT).value if facts.arranged else 0
    lines.append(("arranged_employment", grid.ARRANGED_EMPLOYMENT, arranged))
    # 6. Adaptability
    items = rules.entry(grid.ADAPTABILITY).value
    raw = 0
    for item in facts.adaptability:
        raw += items[item]
        lines.append((f"adaptability.{item.value}", grid.ADAPTABILITY, items[item]))
    limit = rules.entry(grid.ADAPTABILITY_CAP).value
    if raw > limit:
        lines.append(("adaptability.cap", grid.ADAPTABILITY_CAP, limit - raw))
    return tuple(lines)


def grid_passed(c: Candidate, as_of: date, rules: RuleSet) -> bool:
    """Whether ``c`` reaches the grid's pass mark on ``as_of``, without the lines' words.

    Adaptability adds 0 to its cap, so the other factors alone often decide:
    its items are looked for only when they could.
    """
    facts = _grid_facts(c, as_of, rules, adaptability=False)[0]
    mark = rules.entry(grid.PASS_MARK).value
    base = _total(facts, rules)
    if base >= mark:
        return True
    if base + rules.entry(grid.ADAPTABILITY_CAP).value < mark:
        return False
    adaptability = _met(c, as_of, rules, arranged=facts.arranged)
    return _total(_GridFacts(*facts[:-1], adaptability), rules) >= mark  # the last field


def _total(facts: _GridFacts, rules: RuleSet) -> int:
    """The grid total of ``facts`` (:func:`_grid_points`), remembered per rule set."""
    return rules.derived("eligibility.fsw.totals", _totals)(facts)


def _totals(rules: RuleSet) -> Callable[[_GridFacts], int]:
    """The grid total of each set of facts met under ``rules`` (a pool repeats them)."""

    def derive(facts: _GridFacts) -> int:
        return sum(line[2] for line in _grid_points(facts, rules))

    return Memo(derive, size=_TOTALS_SIZE)


_TOTALS_SIZE: Final = 65_536
"""Sets of grid facts kept per rule set: a pool of 100,000 has a few thousand."""


def fsw_grid(c: Candidate, *, as_of: date | None = None, rules: RuleSet | None = None) -> FswGrid:
    """The FSW selection grid of ``c`` on ``as_of`` (``None``: today), line by line.

    ``rules``: rules to apply instead of those in force on ``as_of`` (a reform).
    """
    as_of, rules = resolve_rules("fsw_grid", as_of, rules)
    c = require_candidate(c, "fsw_grid")
    return _grid(c, as_of, rules)


def _grid(c: Candidate, as_of: date, rules: RuleSet) -> FswGrid:
    facts, total, start = _grid_facts(c, as_of, rules)
    first = c.first_language_result
    second = c.second_language_result
    offer = c.job_offer
    reasons: dict[str, Message] = {}
    worded: dict[str, str] = {}  # the English words of the reasons memoized
    if facts.first is not None and first is not None:
        memo = rules.memo("eligibility.fsw.ability_lines", _ability_line, size=_ABILITY_SIZE)
        scale = first.language.scale
        for name, level in zip(_NAMES, facts.first, strict=True):
            factor = f"first_language.{name}"
            reasons[factor], worded[factor] = memo((scale, level, name))
    else:
        why = tr("no result") if first is None else expired_words(first, rules)
        reasons["first_language"] = tr("First official language: {why}", why=why)
    if facts.second is not None and second is not None:
        reasons["second_language"] = tr(
            "Second official language: {level} or more in all four abilities",
            level=level_words(facts.second, second),
        )
    reasons["education"] = tr("Education: {words}", words=_scored_words(c, facts.scored, rules))
    years = facts.years
    reasons["experience"] = tr(
        "Skilled work since {start}: {hours:,} hours, {years}",
        start=start,
        hours=int(total),
        years=trn("{n} year", "{n} years", years, n=years),
    )
    reasons["age"] = tr("Age {age} on {day}", age=facts.age, day=as_of)
    arranged = facts.arranged
    if offer is not None and arranged:
        employment = tr("Arranged employment: offer in NOC {noc}", noc=offer.noc)
    elif offer is None:
        employment = tr("Arranged employment: none")
    else:
        employment = tr(
            "Arranged employment: none (NOC {noc} is not {teers})",
            noc=offer.noc,
            teers=teer_message(rules.skilled_teers.value),
        )
    reasons["arranged_employment"] = employment
    for item in facts.adaptability:
        reasons[f"adaptability.{item.value}"] = tr(
            "Adaptability: {item}", item=_adaptability_words(item, c, rules)
        )
    limit = rules.entry(grid.ADAPTABILITY_CAP).value
    reasons["adaptability.cap"] = tr("Adaptability capped at {limit}", limit=limit)
    lines = tuple(
        GridLine(
            factor=factor,
            points=points,
            reason=worded.get(factor) or str(reasons[factor]),
            rule=ref(rules, timeline),
            message=reasons[factor],
        )
        for factor, timeline, points in _grid_points(facts, rules)
    )
    return FswGrid(
        lines=lines,
        total=sum(ln.points for ln in lines),
        pass_mark=rules.entry(grid.PASS_MARK).value,
        maximum=sum(rules.entry(grid.FACTOR_MAXIMA).value.values()),
    )


def _ability_line(key: tuple[str, int, str]) -> tuple[Message, str]:
    """A grid line of one ability of the first language, as a message and in English."""
    scale, level, name = key
    words = tr(
        "First official language: {level} in {ability}",
        level=tr("{scale} {level}", scale=scale, level=level),
        ability=_ABILITY_WORDS[name],
    )
    return words, str(words)


_ABILITY_SIZE: Final = 256
"""Scales, levels and abilities: every one is kept (2 x 13 x 4)."""


def _adaptability(
    c: Candidate, as_of: date, rules: RuleSet, *, arranged: bool
) -> list[tuple[AdaptabilityItem, bool]]:
    """Each adaptability item that applies to ``c``, and whether it is met."""
    spouse = c.spouse
    out: list[tuple[AdaptabilityItem, bool]] = []
    if spouse is not None and spouse.scored_with:
        lang = spouse.language
        minimum = rules.entry(grid.SPOUSE_LANGUAGE_MIN_CLB).value
        out.append(
            (
                AdaptabilityItem.SPOUSE_LANGUAGE,
                lang is not None
                and language_valid(lang, as_of=as_of, rules=rules)
                and lang.lowest >= minimum,
            )
        )
        out.append((AdaptabilityItem.SPOUSE_PAST_STUDY, spouse.studied_in_canada))
        out.append(
            (
                AdaptabilityItem.SPOUSE_PAST_WORK,
                _canada_year(spouse.work_history, as_of, rules, SPOUSE_WORK),
            )
        )
    out.append((AdaptabilityItem.PAST_STUDY, c.studied_in_canada))
    out.append(
        (
            AdaptabilityItem.PAST_WORK,
            _canada_year(c.work_history, as_of, rules, canadian_kind(rules)),
        )
    )
    out.append((AdaptabilityItem.ARRANGED_EMPLOYMENT, arranged))
    out.append((AdaptabilityItem.RELATIVE_IN_CANADA, c.relative_in_canada or c.sibling_in_canada))
    return out


def _adaptability_words(item: AdaptabilityItem, c: Candidate, rules: RuleSet) -> Message:
    """What an adaptability item met is, in words."""
    if item is AdaptabilityItem.SPOUSE_LANGUAGE:
        minimum = rules.entry(grid.SPOUSE_LANGUAGE_MIN_CLB).value
        lang = None if c.spouse is None else c.spouse.language
        return tr(
            "spouse's language at {level}+ in all four abilities",
            level=level_words(minimum, lang),
        )
    if item is AdaptabilityItem.PAST_WORK:
        return tr(
            "a year of skilled ({teers}) work in Canada",
            teers=teer_message(rules.skilled_teers.value),
        )
    return _ADAPTABILITY_WORDS[item]


_ADAPTABILITY_WORDS: Final = {
    AdaptabilityItem.SPOUSE_PAST_STUDY: tr("spouse's study in Canada"),
    AdaptabilityItem.SPOUSE_PAST_WORK: tr("spouse's year of full-time work in Canada"),
    AdaptabilityItem.PAST_STUDY: tr("two years of study in Canada"),
    AdaptabilityItem.ARRANGED_EMPLOYMENT: tr("arranged employment"),
    AdaptabilityItem.RELATIVE_IN_CANADA: tr("a relative living in Canada"),
}
_ABILITY_WORDS: Final = {
    "listening": tr("listening"),
    "speaking": tr("speaking"),
    "reading": tr("reading"),
    "writing": tr("writing"),
}


def _canada_year(history: WorkHistory, as_of: date, rules: RuleSet, kind: Kind) -> bool:
    """A year of full-time work (30 hours a week, 52 weeks) of ``kind`` done before ``as_of``."""
    if not history.periods:
        return False
    cap = rules.weekly_hours_cap.value
    got = full_time_hours(history, kind, start=date.min, end=as_of, weekly_cap=cap)
    return reaches(got, rules.hours_per_year.value)


def _spouse_work(p: WorkPeriod) -> bool:
    return p.in_canada and p.authorized


SPOUSE_WORK: Final[Kind] = ("fsw.spouse_canadian_work", frozenset(range(6)), _spouse_work)
"""The spouse's past work in Canada: any occupation, authorized (IRPR s. 83(1)(c)).
A forecast watches it too."""


def _grid_requirement(scored: FswGrid, rules: RuleSet) -> Requirement:
    words = tr(
        "Selection grid: {total} of {maximum} points; {pass_mark} needed",
        total=scored.total,
        maximum=scored.maximum,
        pass_mark=scored.pass_mark,
    )
    return Requirement(
        id=f"{_P}.selection_grid",
        met=scored.passed,
        reason=str(words),
        rule=ref(rules, grid.PASS_MARK),
        message=words,
    )


def fsw_requirements(c: Candidate, as_of: date, rules: RuleSet) -> Iterator[Requirement]:
    """The requirements of :func:`assess_fsw`, in its order, each built when it is asked for.

    The first one not met is found without building the grid when an earlier
    one fails (a pool's ``eligibility`` names it for every profile).
    """
    yield _work(c, as_of, rules)
    yield _language(c, as_of, rules)
    yield _education(c, as_of, rules)
    yield _grid_requirement(_grid(c, as_of, rules), rules)
    yield funds_requirement(Program.FSW, c, as_of, rules)
    yield quebec_requirement(Program.FSW, c, rules)


def assess_fsw(c: Candidate, as_of: date, rules: RuleSet) -> ProgramResult:
    """Every FSW requirement of ``c`` on ``as_of``."""
    scored = _grid(c, as_of, rules)
    requirements = (
        _work(c, as_of, rules),
        _language(c, as_of, rules),
        _education(c, as_of, rules),
        _grid_requirement(scored, rules),
        funds_requirement(Program.FSW, c, as_of, rules),
        quebec_requirement(Program.FSW, c, rules),
    )
    return ProgramResult(
        program=Program.FSW,
        requirements=requirements,
        eligible=all(r.met for r in requirements),
        grid=scored,
    )


def fsw_verdict(c: Candidate, as_of: date, rules: RuleSet) -> Verdict:
    """The verdict of :func:`assess_fsw`, from the same checks, the cheapest first.

    One requirement not met decides, so the checks after it are not run.
    """
    if not (outside_quebec(c) and _language_met(c, as_of, rules)):
        return Verdict.NOT_ELIGIBLE
    funds = funds_check(Program.FSW, c, as_of, rules).status
    if (
        funds is Status.NOT_MET
        or _education_check(c, as_of, rules) not in _EDU_MET
        or not _work_check(c, as_of, rules)[0]
        or not grid_passed(c, as_of, rules)
    ):
        return Verdict.NOT_ELIGIBLE
    return Verdict.ELIGIBLE if funds is Status.MET else Verdict.ELIGIBLE_IF
