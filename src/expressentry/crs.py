"""Comprehensive Ranking System scoring, explained line by line.

One implementation serves both paths: :func:`score` returns the full
:class:`~expressentry.explain.CrsBreakdown`; :func:`score_many` returns totals
only for a whole pool, resolving the rules once and skipping the explanations.
Both give the same total for the same candidate and day.

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

from collections.abc import Iterable
from datetime import date

from dateutil.relativedelta import relativedelta

from expressentry._hours import hour_days
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
from expressentry.experience import counts_as_canadian, counts_as_foreign
from expressentry.explain import CrsBreakdown, PointLine, RuleRef
from expressentry.models import (
    Candidate,
    WorkHistory,
    completed_years,
    iter_dated_inputs,
)
from expressentry.rules import CRS_TIMELINES, RuleSet, rules_for

__all__ = ["score", "score_many"]

_CORE, _SPOUSE, _TRANSFER, _ADDITIONAL = (
    CrsSection.CORE,
    CrsSection.SPOUSE,
    CrsSection.TRANSFERABILITY,
    CrsSection.ADDITIONAL,
)
_ABILITIES = (Ability.LISTENING, Ability.SPEAKING, Ability.READING, Ability.WRITING)
_RULE_IDS = {name: t.rule_id for name, t in CRS_TIMELINES.items()}


def _clb(level: int) -> str:
    return f"CLB {level}" if level >= 4 else "below CLB 4"


def _years(n: int) -> str:
    return "1 year" if n == 1 else f"{n} years"


class _Lines:
    """Collects point lines for one breakdown (absent on the fast path)."""

    __slots__ = ("lines", "refs", "rules")

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules
        self.refs: dict[str, RuleRef] = {}
        self.lines: list[PointLine] = []

    def add(self, section: CrsSection, factor: str, attr: str, points: int, reason: str) -> None:
        ref = self.refs.get(attr)
        if ref is None:
            dated = getattr(self.rules, attr)
            ref = RuleRef(
                rule_id=_RULE_IDS[attr],
                effective_from=dated.effective_from,
                source=dated.source,
            )
            self.refs[attr] = ref
        self.lines.append(
            PointLine(section=section, factor=factor, points=points, reason=reason, rule=ref)
        )


def _window_years(history: WorkHistory, kind: str, r: RuleSet, first: int, end: int) -> int:
    include = counts_as_canadian if kind == "canadian" else counts_as_foreign
    segments = history.segments(kind, r.weekly_hours_cap.value, include)
    if not segments:
        return 0
    credited = hour_days(segments, first, end)
    return int((credited + 1e-6) // (7 * r.hours_per_year.value))


def _evaluate(c: Candidate, as_of: date, r: RuleSet, out: _Lines | None) -> int:  # noqa: PLR0912, PLR0915 (one pass over IRCC's four sections)
    """Score ``c``; append explained lines to ``out`` when given. Returns the total."""
    spouse = c.spouse
    with_spouse = spouse is not None and spouse.accompanying and not spouse.canadian_citizen_or_pr
    col = 0 if with_spouse else 1
    end = as_of.toordinal()
    first_day = (as_of - relativedelta(years=r.crs_window_years.value)).toordinal()
    who = "with accompanying spouse" if with_spouse else "without spouse"

    # A. Core / human capital
    age = completed_years(c.date_of_birth, as_of)
    pts = r.age.value.points(age, with_spouse=with_spouse)
    core = pts
    if out is not None:
        out.add(_CORE, "age", "age", pts, f"Age {age} on {as_of.isoformat()}, {who}")

    edu = c.education
    level = edu.level if edu.recognized else EducationLevel.LESS_THAN_SECONDARY
    pts = r.education.value[level][col]
    core += pts
    if out is not None:
        why = (
            f"Education: {edu.level.value}, {who}"
            if edu.recognized
            else f"Education: {edu.level.value} is foreign with no ECA, so it earns no points"
        )
        out.add(_CORE, "education", "education", pts, why)

    first = c.first_language_result
    first_levels = first.levels if first is not None else (0, 0, 0, 0)
    table = r.first_language.value
    for ability, clb in zip(_ABILITIES, first_levels, strict=True):
        pts = table.points(clb, with_spouse=with_spouse)
        core += pts
        if out is not None:
            out.add(
                _CORE,
                f"first_language.{ability.value}",
                "first_language",
                pts,
                f"First official language: {_clb(clb)} in {ability.value}, {who}",
            )

    second = c.second_language_result
    if second is not None:
        table2 = r.second_language.value
        raw = 0
        for ability, clb in zip(_ABILITIES, second.levels, strict=True):
            pts = table2.points(clb)
            raw += pts
            if out is not None:
                out.add(
                    _CORE,
                    f"second_language.{ability.value}",
                    "second_language",
                    pts,
                    f"Second official language: {_clb(clb)} in {ability.value}",
                )
        cap = r.second_language_cap.value[col]
        core += min(raw, cap)
        if raw > cap and out is not None:
            out.add(
                _CORE,
                "second_language.cap",
                "second_language_cap",
                cap - raw,
                f"Second official language capped at {cap} {who}",
            )

    history = c.work_history
    canadian = _window_years(history, "canadian", r, first_day, end) if history.periods else 0
    pts = r.canadian_experience.value.points(canadian, with_spouse=with_spouse)
    core += pts
    if out is not None:
        out.add(
            _CORE,
            "canadian_experience",
            "canadian_experience",
            pts,
            f"Canadian skilled work in the last 10 years: {_years(canadian)}, {who}",
        )
    total = core

    # B. Spouse or common-law partner
    if with_spouse:
        assert spouse is not None  # noqa: S101 (narrowing: with_spouse implies a spouse)
        s_edu = spouse.education
        if s_edu is None or not s_edu.recognized:
            pts = 0
            why = "Spouse's education: none given, or foreign with no ECA"
        else:
            pts = r.spouse_education.value[s_edu.level]
            why = f"Spouse's education: {s_edu.level.value}"
        total += pts
        if out is not None:
            out.add(_SPOUSE, "spouse.education", "spouse_education", pts, why)
        s_levels = spouse.language.levels if spouse.language is not None else (0, 0, 0, 0)
        table2 = r.spouse_language.value
        for ability, clb in zip(_ABILITIES, s_levels, strict=True):
            pts = table2.points(clb)
            total += pts
            if out is not None:
                out.add(
                    _SPOUSE,
                    f"spouse.language.{ability.value}",
                    "spouse_language",
                    pts,
                    f"Spouse's first official language: {_clb(clb)} in {ability.value}",
                )
        s_hist = spouse.work_history
        s_years = _window_years(s_hist, "canadian", r, first_day, end) if s_hist.periods else 0
        pts = r.spouse_canadian_experience.value.points(s_years)
        total += pts
        if out is not None:
            out.add(
                _SPOUSE,
                "spouse.canadian_experience",
                "spouse_canadian_experience",
                pts,
                f"Spouse's Canadian skilled work in the last 10 years: {_years(s_years)}",
            )

    # C. Skill transferability (first official language only)
    low = min(first_levels)
    lang_col = 1 if low >= 9 else 0 if low >= 7 else -1
    lang_words = "CLB 9+ in all four" if low >= 9 else "CLB 7+ in all four" if low >= 7 else ""
    tier = EducationTier.of(level)
    group_cap = r.transferability_group_cap.value
    transfer = 0

    pts_l = r.education_language.value[tier][lang_col] if lang_col >= 0 else 0
    cdn_col = 1 if canadian >= 2 else 0 if canadian >= 1 else -1
    pts_c = r.education_experience.value[tier][cdn_col] if cdn_col >= 0 else 0
    transfer += min(pts_l + pts_c, group_cap)
    if out is not None:
        lang_why = lang_words or "first language below CLB 7 in some ability"
        out.add(
            _TRANSFER,
            "education.language",
            "education_language",
            pts_l,
            f"Education ({tier.value}) with {lang_why}",
        )
        out.add(
            _TRANSFER,
            "education.canadian_experience",
            "education_experience",
            pts_c,
            f"Education ({tier.value}) with {_years(canadian)} of Canadian work",
        )
        if pts_l + pts_c > group_cap:
            out.add(
                _TRANSFER,
                "education.cap",
                "transferability_group_cap",
                group_cap - pts_l - pts_c,
                f"Education group capped at {group_cap}",
            )

    foreign = _window_years(history, "foreign", r, first_day, end) if history.periods else 0
    ftier = ForeignExperienceTier.of(foreign)
    pts_l = r.foreign_language.value[ftier][lang_col] if lang_col >= 0 else 0
    pts_c = r.foreign_experience.value[ftier][cdn_col] if cdn_col >= 0 else 0
    transfer += min(pts_l + pts_c, group_cap)
    if out is not None:
        lang_why = lang_words or "first language below CLB 7 in some ability"
        out.add(
            _TRANSFER,
            "foreign_experience.language",
            "foreign_language",
            pts_l,
            f"Foreign skilled work ({_years(foreign)}) with {lang_why}",
        )
        out.add(
            _TRANSFER,
            "foreign_experience.canadian_experience",
            "foreign_experience",
            pts_c,
            f"Foreign skilled work ({_years(foreign)}) with {_years(canadian)} of Canadian work",
        )
        if pts_l + pts_c > group_cap:
            out.add(
                _TRANSFER,
                "foreign_experience.cap",
                "transferability_group_cap",
                group_cap - pts_l - pts_c,
                f"Foreign work group capped at {group_cap}",
            )

    if c.certificate_of_qualification:
        cert_col = 1 if low >= 7 else 0 if low >= 5 else -1
        pts = r.certificate_language.value[cert_col] if cert_col >= 0 else 0
        transfer += min(pts, group_cap)
        if out is not None:
            words = "CLB 7+" if low >= 7 else "CLB 5+ (one under 7)" if low >= 5 else "under CLB 5"
            out.add(
                _TRANSFER,
                "certificate.language",
                "certificate_language",
                pts,
                f"Certificate of qualification with {words} in all four",
            )
    raw_transfer = transfer
    section_cap = r.transferability_cap.value
    transfer = min(transfer, section_cap)
    if raw_transfer > section_cap and out is not None:
        out.add(
            _TRANSFER,
            "transferability.cap",
            "transferability_cap",
            section_cap - raw_transfer,
            f"Skill transferability capped at {section_cap}",
        )
    total += transfer

    # D. Additional points
    additional = 0
    if c.provincial_nomination:
        pts = r.provincial_nomination.value
        additional += pts
        if out is not None:
            out.add(
                _ADDITIONAL,
                "provincial_nomination",
                "provincial_nomination",
                pts,
                "Provincial or territorial nomination",
            )
    offer = c.job_offer
    if offer is not None:
        skilled = offer.teer in r.skilled_teers.value
        pts = r.job_offer.value[offer.kind] if skilled else 0
        additional += pts
        if out is not None:
            why = (
                f"Job offer in NOC {offer.noc} ({offer.kind.value})"
                if skilled
                else f"Job offer in NOC {offer.noc}: TEER {int(offer.teer)} does not qualify"
            )
            out.add(_ADDITIONAL, "job_offer", "job_offer", pts, why)
    study = c.education.canadian_credential
    if study is not CanadianCredential.NONE:
        pts = r.canadian_study.value[study]
        additional += pts
        if out is not None:
            out.add(
                _ADDITIONAL,
                "canadian_study",
                "canadian_study",
                pts,
                f"Post-secondary education in Canada: {study.value}",
            )
    french = c.result_in(OfficialLanguage.FRENCH) if c.languages else None
    if french is not None and french.lowest >= 7:
        english = c.result_in(OfficialLanguage.ENGLISH)
        strong = english is not None and english.lowest >= 5
        bonus = FrenchBonus.ENGLISH_CLB_5_OR_MORE if strong else FrenchBonus.ENGLISH_CLB_4_OR_LESS
        pts = r.french.value[bonus]
        additional += pts
        if out is not None:
            why = (
                "NCLC 7+ in all four French abilities and CLB 5+ in all four English"
                if strong
                else "NCLC 7+ in all four French abilities, English below CLB 5 in some "
                "ability or not tested"
            )
            out.add(_ADDITIONAL, "french", "french", pts, why)
    if c.sibling_in_canada:
        pts = r.sibling.value
        additional += pts
        if out is not None:
            out.add(
                _ADDITIONAL,
                "sibling",
                "sibling",
                pts,
                "Brother or sister living in Canada",
            )
    for factor in r.added_factors:
        pts, why = factor.points(c, as_of)
        if pts < 0:
            raise InvalidInputError(
                "AddedFactor",
                [FieldProblem(factor.rule_id, pts, "points must be 0 or more")],
            )
        if factor.section is _ADDITIONAL:
            additional += pts
        else:
            total += pts
        if out is not None:
            out.lines.append(
                PointLine(
                    section=factor.section,
                    factor=factor.rule_id,
                    points=pts,
                    reason=why,
                    rule=RuleRef(
                        rule_id=factor.rule_id,
                        effective_from=r.in_force_from,
                        source=factor.source,
                    ),
                )
            )
    cap = r.additional_cap.value
    if additional > cap:
        if out is not None:
            out.add(
                _ADDITIONAL,
                "additional.cap",
                "additional_cap",
                cap - additional,
                f"Additional points capped at {cap}",
            )
        additional = cap
    return total + additional


def _check_dates(c: Candidate, as_of: date) -> None:
    problems = [
        FieldProblem(path, when, f"is after the day scored ({as_of.isoformat()})")
        for path, when in iter_dated_inputs(c)
        if when > as_of
    ]
    if c.date_of_birth > as_of:
        problems.append(
            FieldProblem("date_of_birth", c.date_of_birth, f"is after {as_of.isoformat()}")
        )
    if problems:
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
    lines = _Lines(r)
    total = _evaluate(candidate, day, r, lines)
    return CrsBreakdown(
        as_of=day,
        edition=r.edition,
        with_spouse=candidate.scored_with_spouse,
        lines=tuple(lines.lines),
        total=total,
        rules_reviewed_on=r.last_reviewed,
    )


def score_many(
    candidates: Iterable[Candidate],
    *,
    as_of: date | None = None,
    rules: RuleSet | None = None,
) -> list[int]:
    """Totals for a whole pool on one day: the fast path.

    The rules are resolved once and no explanation is built; each total equals
    ``score(candidate, as_of=as_of).total``.

    Raises:
        RulesNotInForceError: ``as_of`` is before 2015-01-01.
        InvalidInputError: a profile holds a document dated after ``as_of``.
    """
    day = today() if as_of is None else as_of
    r = rules_for(day) if rules is None else rules
    out: list[int] = []
    append = out.append
    for c in candidates:
        _check_dates(c, day)
        append(_evaluate(c, day, r, None))
    return out
