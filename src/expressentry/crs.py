"""Comprehensive Ranking System scoring, explained line by line.

One implementation serves both paths. :func:`score` returns the full
:class:`~expressentry.explain.CrsBreakdown`; :func:`score_many` returns totals
only for a whole pool. Both run the same kernel over the same compiled plan (the
rule set's tables as flat lookups for one day), so they always agree.

Point lines are immutable values, so identical lines (same factor, same inputs,
same rules and day) are built once per plan and shared between breakdowns.

>>> from datetime import date
>>> from expressentry.enums import EducationLevel, LanguageTest
>>> from expressentry.models import Candidate, Education, LanguageResult, WorkHistory
>>> c = Candidate(
...     date_of_birth=date(1996, 1, 1),
...     education=Education(level=EducationLevel.BACHELORS, eca_issued=date(2024, 1, 1)),
...     languages=(LanguageResult(test=LanguageTest.CELPIP_GENERAL,
...                               test_date=date(2025, 6, 1), listening=9,
...                               speaking=9, reading=9, writing=9),),
...     work_history=WorkHistory.from_years(as_of=date(2026, 11, 22), foreign=3),
... )
>>> result = score(c, as_of=date(2026, 11, 22))
>>> result.total, result.core, result.transferability
(424, 349, 75)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from dateutil.relativedelta import relativedelta

from expressentry._hours import hour_days
from expressentry._kinds import canadian_kind, foreign_kind
from expressentry._today import today
from expressentry.enums import (
    Ability,
    CanadianCredential,
    CrsSection,
    EducationLevel,
    EducationTier,
    ForeignExperienceTier,
    FrenchBonus,
    OfficialLanguage,
)
from expressentry.errors import FieldProblem, InvalidInputError
from expressentry.explain import CrsBreakdown, PointLine, RuleRef
from expressentry.models import Candidate, WorkHistory, iter_dated_inputs
from expressentry.rules import CRS_TIMELINES, RuleSet, rules_for
from expressentry.rules._tables import SpouseSteps, Steps

__all__ = ["score", "score_many"]

_CORE, _SPOUSE, _TRANSFER, _ADDITIONAL = (
    CrsSection.CORE,
    CrsSection.SPOUSE,
    CrsSection.TRANSFERABILITY,
    CrsSection.ADDITIONAL,
)
_ABILITY_NAMES = tuple(a.value for a in (Ability.LISTENING, Ability.SPEAKING,
                                          Ability.READING, Ability.WRITING))  # fmt: skip
_FIRST = tuple(f"first_language.{a}" for a in _ABILITY_NAMES)
_SECOND = tuple(f"second_language.{a}" for a in _ABILITY_NAMES)
_SPOUSE_LANG = tuple(f"spouse.language.{a}" for a in _ABILITY_NAMES)
_NO_LEVELS = (0, 0, 0, 0)
_DOMAIN = 151  # lookups cover ages, CLB levels and years 0-150
_TIER = {level: EducationTier.of(level) for level in EducationLevel}
_RULE_IDS = {name: t.rule_id for name, t in CRS_TIMELINES.items()}
_NONE = CanadianCredential.NONE
_ENGLISH, _FRENCH = OfficialLanguage.ENGLISH, OfficialLanguage.FRENCH

# One explained item: (section, factor, RuleSet attribute, points, inputs of the reason)
_Item = tuple[CrsSection, str, str, int, tuple[Any, ...]]


def _flat(steps: Steps) -> list[int]:
    return [steps.points(v) for v in range(_DOMAIN)]


def _flat2(steps: SpouseSteps) -> tuple[list[int], list[int]]:
    return (
        [steps.points(v, with_spouse=True) for v in range(_DOMAIN)],
        [steps.points(v, with_spouse=False) for v in range(_DOMAIN)],
    )


class _Plan:
    """A rule set compiled for one day: flat tables, the work window and a line cache."""

    def __init__(self, r: RuleSet, as_of: date) -> None:
        self.rules = r
        self.as_of = as_of
        self.end = as_of.toordinal()
        self.first = (as_of - relativedelta(years=r.crs_window_years.value)).toordinal()
        self.birthday_key = (as_of.month, as_of.day)
        self.age = _flat2(r.age.value)
        self.education = {lvl: pts for lvl, pts in r.education.value.items()}
        self.first_language = _flat2(r.first_language.value)
        self.second_language = _flat(r.second_language.value)
        self.second_cap = r.second_language_cap.value
        self.canadian = _flat2(r.canadian_experience.value)
        self.spouse_education = dict(r.spouse_education.value)
        self.spouse_language = _flat(r.spouse_language.value)
        self.spouse_canadian = _flat(r.spouse_canadian_experience.value)
        self.education_language = dict(r.education_language.value)
        self.education_experience = dict(r.education_experience.value)
        self.foreign_language = dict(r.foreign_language.value)
        self.foreign_experience = dict(r.foreign_experience.value)
        self.certificate = r.certificate_language.value
        self.group_cap = r.transferability_group_cap.value
        self.transfer_cap = r.transferability_cap.value
        self.nomination = r.provincial_nomination.value
        self.job_offer = dict(r.job_offer.value)
        self.study = dict(r.canadian_study.value)
        self.french = dict(r.french.value)
        self.sibling = r.sibling.value
        self.additional_cap = r.additional_cap.value
        self.skilled = r.skilled_teers.value
        self.weekly_cap = r.weekly_hours_cap.value
        self.year_hour_days = 7 * r.hours_per_year.value
        self.canadian_kind = canadian_kind(self.skilled)
        self.foreign_kind = foreign_kind(self.skilled)
        self.refs = {
            name: RuleRef(
                rule_id=_RULE_IDS[name],
                effective_from=getattr(r, name).effective_from,
                source=getattr(r, name).source,
            )
            for name in CRS_TIMELINES
        }
        self.lines: dict[tuple[str, tuple[Any, ...]], PointLine] = {}

    def years(self, history: WorkHistory, canadian: bool) -> int:
        """Whole years of CRS experience of one kind in the window."""
        if not history.periods:
            return 0
        kind = self.canadian_kind if canadian else self.foreign_kind
        credited = hour_days(history.segments(kind, self.weekly_cap), self.first, self.end)
        return int((credited + 1e-6) // self.year_hour_days)


def _plan(r: RuleSet, as_of: date) -> _Plan:
    plans: dict[date, _Plan] = r._plans  # noqa: SLF001 (the rule set's own cache)
    plan = plans.get(as_of)
    if plan is None:
        if len(plans) > 64:
            plans.clear()
        plan = plans[as_of] = _Plan(r, as_of)
    return plan


def _kernel(c: Candidate, p: _Plan, out: list[_Item] | None) -> int:  # noqa: PLR0912, PLR0915
    """Score ``c`` under ``p``; list each explained item in ``out`` when given."""
    spouse = c.spouse
    ws = spouse is not None and spouse.accompanying and not spouse.canadian_citizen_or_pr
    col = 0 if ws else 1

    # A. Core / human capital
    born = c.date_of_birth
    age = p.as_of.year - born.year - (p.birthday_key < (born.month, born.day))
    age_pts = p.age[col][age if age < _DOMAIN else _DOMAIN - 1]
    edu = c.education
    level = edu.scored_level
    edu_pts = p.education[level][col]
    first = c.first_language_result
    levels = first.levels if first is not None else _NO_LEVELS
    fl = p.first_language[col]
    fl_pts = [fl[v] for v in levels]
    total = age_pts + edu_pts + sum(fl_pts)
    if out is not None:
        out.append((_CORE, "age", "age", age_pts, (age, ws)))
        out.append((_CORE, "education", "education", edu_pts, (edu.level, level is edu.level, ws)))
        for factor, clb, pts in zip(_FIRST, levels, fl_pts, strict=True):
            out.append((_CORE, factor, "first_language", pts, (clb, ws)))

    second = c.second_language_result
    if second is not None:
        sl = p.second_language
        sl_pts = [sl[v] for v in second.levels]
        raw = sum(sl_pts)
        cap = p.second_cap[col]
        total += raw if raw < cap else cap
        if out is not None:
            for factor, clb, pts in zip(_SECOND, second.levels, sl_pts, strict=True):
                out.append((_CORE, factor, "second_language", pts, (clb,)))
            if raw > cap:
                out.append(
                    (_CORE, "second_language.cap", "second_language_cap", cap - raw, (cap, raw, ws))
                )

    history = c.work_history
    cdn = p.years(history, canadian=True)
    pts = p.canadian[col][cdn if cdn < _DOMAIN else _DOMAIN - 1]
    total += pts
    if out is not None:
        out.append((_CORE, "canadian_experience", "canadian_experience", pts, (cdn, ws)))

    # B. Spouse or common-law partner (only with an accompanying, non-citizen spouse)
    if ws and spouse is not None:
        s_edu = spouse.education
        s_level = None if s_edu is None else s_edu.scored_level
        pts = 0 if s_level is None else p.spouse_education[s_level]
        s_levels = spouse.language.levels if spouse.language is not None else _NO_LEVELS
        sp = p.spouse_language
        s_pts = [sp[v] for v in s_levels]
        s_years = p.years(spouse.work_history, canadian=True)
        s_exp = p.spouse_canadian[s_years if s_years < _DOMAIN else _DOMAIN - 1]
        total += pts + sum(s_pts) + s_exp
        if out is not None:
            given = None if s_edu is None else (s_edu.level, s_level is s_edu.level)
            out.append((_SPOUSE, "spouse.education", "spouse_education", pts, (given,)))
            for factor, clb, pt in zip(_SPOUSE_LANG, s_levels, s_pts, strict=True):
                out.append((_SPOUSE, factor, "spouse_language", pt, (clb,)))
            out.append(
                (
                    _SPOUSE,
                    "spouse.canadian_experience",
                    "spouse_canadian_experience",
                    s_exp,
                    (s_years,),
                )
            )

    # C. Skill transferability: first official language only; 50 a group, 100 in all
    low = min(levels)
    lang = 1 if low >= 9 else 0 if low >= 7 else -1
    cdn_col = 1 if cdn >= 2 else 0 if cdn >= 1 else -1
    group_cap = p.group_cap
    tier = _TIER[level]
    e_lang = p.education_language[tier][lang] if lang >= 0 else 0
    e_cdn = p.education_experience[tier][cdn_col] if cdn_col >= 0 else 0
    foreign = p.years(history, canadian=False)
    ftier = ForeignExperienceTier.of(foreign)
    f_lang = p.foreign_language[ftier][lang] if lang >= 0 else 0
    f_cdn = p.foreign_experience[ftier][cdn_col] if cdn_col >= 0 else 0
    e_sum = e_lang + e_cdn
    f_sum = f_lang + f_cdn
    transfer = (e_sum if e_sum < group_cap else group_cap) + (
        f_sum if f_sum < group_cap else group_cap
    )
    cert = 0
    if c.certificate_of_qualification:
        cert_col = 1 if low >= 7 else 0 if low >= 5 else -1
        cert = p.certificate[cert_col] if cert_col >= 0 else 0
        transfer += cert if cert < group_cap else group_cap
    t_cap = p.transfer_cap
    total += transfer if transfer < t_cap else t_cap
    if out is not None:
        out.append((_TRANSFER, "education.language", "education_language", e_lang, (tier, low)))
        out.append(
            (_TRANSFER, "education.canadian_experience", "education_experience", e_cdn, (tier, cdn))
        )
        if e_sum > group_cap:
            out.append(
                (
                    _TRANSFER,
                    "education.cap",
                    "transferability_group_cap",
                    group_cap - e_sum,
                    ("Education", group_cap, e_sum),
                )
            )
        out.append(
            (_TRANSFER, "foreign_experience.language", "foreign_language", f_lang, (foreign, low))
        )
        out.append(
            (
                _TRANSFER,
                "foreign_experience.canadian_experience",
                "foreign_experience",
                f_cdn,
                (foreign, cdn),
            )
        )
        if f_sum > group_cap:
            out.append(
                (
                    _TRANSFER,
                    "foreign_experience.cap",
                    "transferability_group_cap",
                    group_cap - f_sum,
                    ("Foreign work", group_cap, f_sum),
                )
            )
        if c.certificate_of_qualification:
            out.append((_TRANSFER, "certificate.language", "certificate_language", cert, (low,)))
        if transfer > t_cap:
            out.append(
                (
                    _TRANSFER,
                    "transferability.cap",
                    "transferability_cap",
                    t_cap - transfer,
                    ("Skill transferability", t_cap, transfer),
                )
            )

    # D. Additional points
    additional = 0
    if c.provincial_nomination:
        additional += p.nomination
        if out is not None:
            out.append(
                (_ADDITIONAL, "provincial_nomination", "provincial_nomination", p.nomination, ())
            )
    offer = c.job_offer
    if offer is not None:
        skilled = offer.teer in p.skilled
        pts = p.job_offer[offer.kind] if skilled else 0
        additional += pts
        if out is not None:
            out.append((_ADDITIONAL, "job_offer", "job_offer", pts, (offer.noc, skilled)))
    study = edu.canadian_credential
    if study is not _NONE:
        pts = p.study[study]
        additional += pts
        if out is not None:
            out.append((_ADDITIONAL, "canadian_study", "canadian_study", pts, (study,)))
    if c.languages:
        french = first if first is not None and first.test.language is _FRENCH else second
        if french is not None and french.test.language is _FRENCH and french.lowest >= 7:
            english = second if french is first else first
            strong = english is not None and english.lowest >= 5
            pts = p.french[
                FrenchBonus.ENGLISH_CLB_5_OR_MORE if strong else FrenchBonus.ENGLISH_CLB_4_OR_LESS
            ]
            additional += pts
            if out is not None:
                out.append((_ADDITIONAL, "french", "french", pts, (strong,)))
    if c.sibling_in_canada:
        additional += p.sibling
        if out is not None:
            out.append((_ADDITIONAL, "sibling", "sibling", p.sibling, ()))
    for factor in p.rules.added_factors:
        pts, why = factor.points(c, p.as_of)
        if pts < 0:
            raise InvalidInputError(
                "AddedFactor", [FieldProblem(factor.rule_id, pts, "points must be 0 or more")]
            )
        if factor.section is _ADDITIONAL:
            additional += pts
        else:
            total += pts
        if out is not None:
            out.append((factor.section, factor.rule_id, "", pts, (factor, why)))
    a_cap = p.additional_cap
    if additional > a_cap:
        if out is not None:
            out.append(
                (
                    _ADDITIONAL,
                    "additional.cap",
                    "additional_cap",
                    a_cap - additional,
                    ("Additional points", a_cap, additional),
                )
            )
        additional = a_cap
    return total + additional


def _clb(level: int) -> str:
    return f"CLB {level}" if level >= 4 else "below CLB 4"


def _years(n: int) -> str:
    return "1 year" if n == 1 else f"{n} years"


def _who(ws: bool) -> str:
    return "with accompanying spouse" if ws else "without spouse"


def _language(low: int) -> str:
    if low >= 9:
        return "CLB 9+ in all four abilities"
    if low >= 7:
        return "CLB 7+ in all four abilities"
    return "first language below CLB 7 in some ability"


def _education(key: tuple[Any, ...]) -> str:
    level, recognized, ws = key
    if recognized:
        return f"Education: {level.value}, {_who(ws)}"
    return f"Education: {level.value} is foreign with no ECA, so it earns no points"


def _spouse_education(key: tuple[Any, ...]) -> str:
    if key[0] is None:
        return "Spouse's education: not given"
    level, recognized = key[0]
    if recognized:
        return f"Spouse's education: {level.value}"
    return f"Spouse's education: {level.value} is foreign with no ECA, so it earns no points"


def _certificate(key: tuple[Any, ...]) -> str:
    low = key[0]
    words = "CLB 7+" if low >= 7 else "CLB 5+ (one under 7)" if low >= 5 else "under CLB 5"
    return f"Certificate of qualification with {words} in all four abilities"


def _job_offer(key: tuple[Any, ...]) -> str:
    noc, skilled = key
    if skilled:
        return f"Job offer in NOC {noc}"
    return f"Job offer in NOC {noc}: TEER {noc[1]} does not qualify"


def _french(key: tuple[Any, ...]) -> str:
    if key[0]:
        return "French: NCLC 7+ in all four abilities, and English CLB 5+ in all four"
    return "French: NCLC 7+ in all four abilities, English below CLB 5 in some ability or untested"


_REASONS: dict[str, Callable[[tuple[Any, ...], _Plan], str]] = {
    "age": lambda k, p: f"Age {k[0]} on {p.as_of.isoformat()}, {_who(k[1])}",
    "education": lambda k, p: _education(k),
    **{
        f: (lambda a: lambda k, p: f"First official language: {_clb(k[0])} in {a}, {_who(k[1])}")(a)
        for f, a in zip(_FIRST, _ABILITY_NAMES, strict=True)
    },
    **{
        f: (lambda a: lambda k, p: f"Second official language: {_clb(k[0])} in {a}")(a)
        for f, a in zip(_SECOND, _ABILITY_NAMES, strict=True)
    },
    "second_language.cap": lambda k, p: f"Second official language capped at {k[0]}, {_who(k[2])}",
    "canadian_experience": lambda k, p: (
        f"Canadian skilled work in the last 10 years: {_years(k[0])}, {_who(k[1])}"
    ),
    "spouse.education": lambda k, p: _spouse_education(k),
    **{
        f: (lambda a: lambda k, p: f"Spouse's first official language: {_clb(k[0])} in {a}")(a)
        for f, a in zip(_SPOUSE_LANG, _ABILITY_NAMES, strict=True)
    },
    "spouse.canadian_experience": lambda k, p: (
        f"Spouse's Canadian skilled work in the last 10 years: {_years(k[0])}"
    ),
    "education.language": lambda k, p: f"Education ({k[0].value}) with {_language(k[1])}",
    "education.canadian_experience": lambda k, p: (
        f"Education ({k[0].value}) with {_years(k[1])} of Canadian work"
    ),
    "foreign_experience.language": lambda k, p: (
        f"Foreign skilled work ({_years(k[0])}) with {_language(k[1])}"
    ),
    "foreign_experience.canadian_experience": lambda k, p: (
        f"Foreign skilled work ({_years(k[0])}) with {_years(k[1])} of Canadian work"
    ),
    "certificate.language": lambda k, p: _certificate(k),
    "provincial_nomination": lambda k, p: "Provincial or territorial nomination",
    "job_offer": lambda k, p: _job_offer(k),
    "canadian_study": lambda k, p: f"Post-secondary education in Canada: {k[0].value}",
    "french": lambda k, p: _french(k),
    "sibling": lambda k, p: "Brother or sister living in Canada",
}
_CAP = "{0} capped at {1}"


def _line(p: _Plan, item: _Item) -> PointLine:
    section, factor, attr, points, key = item
    if not attr:  # a reform's added factor: (factor, reason)
        added, why = key
        ref = RuleRef(
            rule_id=added.rule_id, effective_from=p.rules.in_force_from, source=added.source
        )
        return PointLine(section=section, factor=factor, points=points, reason=why, rule=ref)
    cache_key = (factor, key)
    line = p.lines.get(cache_key)
    if line is None:
        make = _REASONS.get(factor)
        reason = make(key, p) if make is not None else _CAP.format(*key)
        line = PointLine(
            section=section, factor=factor, points=points, reason=reason, rule=p.refs[attr]
        )
        p.lines[cache_key] = line
    return line


def _check_dates(c: Candidate, as_of: date) -> None:
    latest = c.latest_document
    if c.date_of_birth <= as_of and (latest is None or latest <= as_of):
        return
    problems = [
        FieldProblem(path, when, f"is after the day scored ({as_of.isoformat()})")
        for path, when in iter_dated_inputs(c)
        if when > as_of
    ]
    if c.date_of_birth > as_of:
        problems.append(
            FieldProblem("date_of_birth", c.date_of_birth, f"is after {as_of.isoformat()}")
        )
    raise InvalidInputError("Candidate", problems)


def score(
    candidate: Candidate, *, as_of: date | None = None, rules: RuleSet | None = None
) -> CrsBreakdown:
    """The CRS score of ``candidate`` on ``as_of``, explained line by line.

    Args:
        candidate: The profile.
        as_of: The day scored; ``None`` means today. Documents dated after it
            (tests, ECA) are errors: they did not exist yet.
        rules: Rules to apply instead of those in force on ``as_of`` (a reform).

    Raises:
        RulesNotInForceError: ``as_of`` is before 2015-01-01.
        InvalidInputError: the profile holds a document dated after ``as_of``.
    """
    day = today() if as_of is None else as_of
    r = rules_for(day) if rules is None else rules
    _check_dates(candidate, day)
    plan = _plan(r, day)
    items: list[_Item] = []
    total = _kernel(candidate, plan, items)
    return CrsBreakdown(
        as_of=day,
        edition=r.edition,
        with_spouse=candidate.scored_with_spouse,
        lines=tuple([_line(plan, item) for item in items]),
        total=total,
        rules_reviewed_on=r.last_reviewed,
    )


def score_many(
    candidates: Iterable[Candidate], *, as_of: date | None = None, rules: RuleSet | None = None
) -> list[int]:
    """Totals for a whole pool on one day: the fast path.

    The rules are resolved and compiled once and no explanation is built; each
    total equals ``score(candidate, as_of=as_of, rules=rules).total``.

    Raises:
        RulesNotInForceError: ``as_of`` is before 2015-01-01.
        InvalidInputError: a profile holds a document dated after ``as_of``.
    """
    day = today() if as_of is None else as_of
    r = rules_for(day) if rules is None else rules
    plan = _plan(r, day)
    out: list[int] = []
    append = out.append
    for c in candidates:
        _check_dates(c, day)
        append(_kernel(c, plan, None))
    return out
