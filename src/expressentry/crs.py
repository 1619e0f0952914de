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

import itertools
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, Literal, overload

from dateutil.relativedelta import relativedelta

from expressentry._hours import Segments, hour_days
from expressentry._kinds import DEFAULT_CAP, DEFAULT_TEERS, canadian_kind, foreign_kind
from expressentry._packed import LANGUAGE_CODES, TIERS, CrsInputs, pack, packed
from expressentry._today import resolve
from expressentry.batch import Failure, PoolResult, at_index
from expressentry.enums import (
    Ability,
    CanadianCredential,
    CrsSection,
    EducationLevel,
    EducationTier,
    ForeignExperienceTier,
    FrenchBonus,
    JobOfferKind,
    LanguageTest,
    OfficialLanguage,
)
from expressentry.errors import FieldProblem, InvalidInputError
from expressentry.experience import segments, whole_years
from expressentry.explain import CrsBreakdown, PointLine, RuleRef
from expressentry.models import (
    Candidate,
    Education,
    LanguageResult,
    WorkHistory,
    check_dates,
    noc_teer,
    require_candidate,
)
from expressentry.rules import CRS_TIMELINES, RuleSet, rules_for
from expressentry.rules._tables import SpouseSteps, Steps
from expressentry.rules._timeline import Timeline
from expressentry.rules.programs import ECA_VALID_YEARS, LANGUAGE_RESULT_VALID_YEARS
from expressentry.validity import eca_expiry, expiry, language_expiry, rule_words, scored_level

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
_MAX_WINDOW_YEARS = 200  # years of experience then fit the 8 bits memo codes give them
_MEMO_LIMIT = 250_000  # entries per memo; bounds memory in long-running processes
_RULE_IDS = {name: t.rule_id for name, t in CRS_TIMELINES.items()}
_NONE = CanadianCredential.NONE
_FRENCH = OfficialLanguage.FRENCH

Lines = tuple[PointLine, ...]


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
        self.last_day = self.end  # ordinal of the latest document date allowed
        window = r.crs_window_years.value
        if not 0 < window <= _MAX_WINDOW_YEARS:
            raise InvalidInputError(
                "RuleSet",
                [FieldProblem("crs_window_years", window, f"must be 1 to {_MAX_WINDOW_YEARS}")],
            )
        self.first = (as_of - relativedelta(years=window)).toordinal()
        self.year = as_of.year
        self.birthday_key = as_of.month * 100 + as_of.day
        self.age = _flat2(r.age.value)
        self.education = dict(r.education.value)
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
        self.language_levels = r.transferability_language_levels.value
        self.canadian_years = r.transferability_canadian_years.value
        self.foreign_years = r.transferability_foreign_years.value
        self.certificate_levels = r.certificate_language_levels.value
        self.french_levels = r.french_levels.value
        self.window = window
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
        self.hours_per_year = r.hours_per_year.value
        self.default_kinds = self.skilled == DEFAULT_TEERS and self.weekly_cap == DEFAULT_CAP
        self.edition = r.edition
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
        self.memos: tuple[dict[object, tuple[int, Lines]], ...] = tuple({} for _ in _BUILDERS)
        # The kernel's lookups, bound once (memos are cleared in place, never replaced).
        self.lookups: tuple[Callable[[object], tuple[int, Lines] | None], ...] = tuple(
            self.memos[g].get
            for g in (
                _G_AGE, _G_EDUCATION, _G_FIRST, _G_SECOND, _G_CANADIAN, _G_SPOUSE, _G_TRANSFER,
                _G_ADDITIONAL,
            )
        )  # fmt: skip

    def fill(self, group: int, code: object, key: tuple[Any, ...]) -> tuple[int, Lines]:
        """Build, remember and return a group's (points, lines) for its inputs ``key``."""
        memo = self.memos[group]
        if len(memo) >= _MEMO_LIMIT:
            memo.clear()
        lines = _BUILDERS[group](self, key)
        entry = memo[code] = (sum(line.points for line in lines), lines)
        return entry

    def spouse(
        self, c: Candidate, code: int, education: int, language: int, years: int
    ) -> tuple[int, Lines]:
        """The spouse factors' entry, composed from the memos of its three factors."""
        memos = self.memos
        parts = (
            memos[_G_SPOUSE_EDUCATION].get(education)
            or self.fill(_G_SPOUSE_EDUCATION, education, _spouse_key(c, self.as_of)),
            memos[_G_SPOUSE_LANGUAGE].get(language)
            or self.fill(_G_SPOUSE_LANGUAGE, language, _spouse_levels(c, self.as_of)),
            memos[_G_SPOUSE_CANADIAN].get(years) or self.fill(_G_SPOUSE_CANADIAN, years, (years,)),
        )
        memo = memos[_G_SPOUSE]
        if len(memo) >= _MEMO_LIMIT:
            memo.clear()
        entry = memo[code] = (
            sum(p[0] for p in parts),
            tuple(itertools.chain(*(p[1] for p in parts))),
        )
        return entry

    def line(
        self,
        section: CrsSection,
        factor: str,
        attr: str,
        points: int,
        key: tuple[Any, ...],
        *,
        rule: RuleRef | None = None,
    ) -> PointLine:
        """The (shared) line of ``factor`` for the reason inputs ``key``.

        ``rule`` overrides the rule of ``attr`` (an expired document's line cites
        the validity rule).
        """
        cache_key = (factor, key)
        found = self.lines.get(cache_key)
        if found is None:
            make = _REASONS.get(factor)
            reason = make(key, self) if make is not None else _CAP.format(*key)
            found = PointLine(
                section=section,
                factor=factor,
                points=points,
                reason=reason,
                rule=self.refs[attr] if rule is None else rule,
            )
            if len(self.lines) >= _MEMO_LIMIT:
                self.lines.clear()
            self.lines[cache_key] = found
        return found

    def years(self, history: WorkHistory | None, default: tuple[Segments, Segments]) -> int:
        """Whole years of Canadian and foreign CRS experience, as ``canadian << 8 | foreign``.

        ``default`` holds the segments under today's skilled TEERs and weekly cap,
        which most rule sets use. One int rather than a pair: scoring a pool then
        allocates no container per candidate, so it triggers no garbage collection.
        """
        if self.default_kinds or history is None:
            cdn, foreign = default
        else:
            cdn = segments(history, self.canadian_kind, self.weekly_cap)
            foreign = segments(history, self.foreign_kind, self.weekly_cap)
        first, end, per_year = self.first, self.end, self.hours_per_year
        return (whole_years(hour_days(cdn, first, end) / 7, per_year) << 8 if cdn else 0) | (
            whole_years(hour_days(foreign, first, end) / 7, per_year) if foreign else 0
        )


def _plan(r: RuleSet, as_of: date) -> _Plan:
    plans: dict[date, _Plan] = r.compiled
    plan = plans.get(as_of)
    if plan is None:
        if len(plans) >= 16:
            plans.clear()
        plan = plans[as_of] = _Plan(r, as_of)
    return plan


def _kernel(  # noqa: PLR0912, PLR0915 (one pass over IRCC's four sections)
    c: Candidate, p: _Plan, out: list[tuple[PointLine, ...]] | None
) -> int:
    """Score ``c`` under ``p``; add each group's explained lines to ``out`` when given.

    Each factor group is looked up by the inputs that decide it; a group's
    points are the sum of its lines, so the total is the sum of the lines.
    """
    inputs: CrsInputs = c.derived or packed(c)  # type: ignore[assignment]  # its cache slot
    (
        born_year, birthday, ws, col, latest, edu_code, first_code, second_code,
        transfer_code, lowest, additional_code, french, s_edu_code, s_lang_code, history,
        segs, s_history, s_segs, expires,
    ) = inputs  # fmt: skip
    if latest > p.last_day:
        check_dates(c, as_of=p.as_of)
    if expires <= p.end:  # a document has expired: the inputs on this day
        (
            born_year, birthday, ws, col, latest, edu_code, first_code, second_code,
            transfer_code, lowest, additional_code, french, s_edu_code, s_lang_code, history,
            segs, s_history, s_segs, expires,
        ) = pack(c, p.as_of)  # fmt: skip
    age = p.year - born_year - (p.birthday_key < birthday)
    years = 0 if segs is None else p.years(history, segs)
    cdn, foreign = years >> 8, years & 255

    # Each group's memo is keyed by a small int code of the inputs that decide it;
    # the tuple of those inputs is built only when the group is met for the first time.
    (
        age_of,
        education_of,
        first_of,
        second_of,
        canadian_of,
        spouse_of,
        transfer_of,
        additional_of,
    ) = p.lookups
    hit = age_of(age * 2 + col)
    if hit is None:
        hit = p.fill(_G_AGE, age * 2 + col, (age, ws))
    total = hit[0]
    if out is not None:
        out.append(hit[1])
    hit = education_of(edu_code)
    if hit is None:
        hit = p.fill(_G_EDUCATION, edu_code, (*_education_key(c.education, p.as_of), ws))
    total += hit[0]
    if out is not None:
        out.append(hit[1])
    hit = first_of(first_code)
    if hit is None:
        hit = p.fill(_G_FIRST, first_code, (_result_key(c.first_language_result, p.as_of), ws))
    total += hit[0]
    if out is not None:
        out.append(hit[1])
    if second_code is not None:
        hit = second_of(second_code)
        if hit is None:
            key = (_result_key(c.second_language_result, p.as_of), ws)
            hit = p.fill(_G_SECOND, second_code, key)
        total += hit[0]
        if out is not None:
            out.append(hit[1])
    code = cdn * 2 + col
    hit = canadian_of(code)
    if hit is None:
        hit = p.fill(_G_CANADIAN, code, (cdn, ws))
    total += hit[0]
    if out is not None:
        out.append(hit[1])
    if ws:
        s_years = 0 if s_segs is None else p.years(s_history, s_segs) >> 8
        code = ((s_edu_code + 1) * LANGUAGE_CODES + s_lang_code + 1) * 256 + s_years
        hit = spouse_of(code)
        if hit is None:
            hit = p.spouse(c, code, s_edu_code, s_lang_code, s_years)
        total += hit[0]
        if out is not None:
            out.append(hit[1])
    code = (transfer_code * 256 + cdn) * 256 + foreign
    hit = transfer_of(code)
    if hit is None:
        scale = "NCLC" if transfer_code >> 1 & 1 else "CLB"
        t_key = (TIERS[transfer_code // 52], lowest, scale, transfer_code & 1, cdn, foreign)
        hit = p.fill(_G_TRANSFER, code, t_key)
    transfer = hit[0]
    if out is not None:
        out.append(hit[1])
    hit = additional_of(additional_code)
    if hit is None:
        offer = c.job_offer
        a_key = (
            c.provincial_nomination,
            None if offer is None else offer.noc,
            c.education.canadian_credential,
            french,
            c.sibling_in_canada,
        )
        hit = p.fill(_G_ADDITIONAL, additional_code, a_key)
    additional = hit[0]
    if out is not None:
        out.append(hit[1])

    for factor in p.rules.added_factors:
        pts, why = factor.points(c, p.as_of)
        if pts < 0:
            raise InvalidInputError(
                "AddedFactor", [FieldProblem(factor.rule_id, pts, "points must be 0 or more")]
            )
        if factor.section is _TRANSFER:
            transfer += pts
        elif factor.section is _ADDITIONAL:
            additional += pts
        else:
            total += pts
        if out is not None:
            ref = RuleRef(
                rule_id=factor.rule_id, effective_from=p.rules.in_force_from, source=factor.source
            )
            out.append(
                (
                    PointLine(
                        section=factor.section,
                        factor=factor.rule_id,
                        points=pts,
                        reason=why,
                        rule=ref,
                    ),
                )
            )

    if transfer > p.transfer_cap:
        cap = p.transfer_cap
        if out is not None:
            out.append(
                (
                    p.line(
                        _TRANSFER,
                        "transferability.cap",
                        "transferability_cap",
                        cap - transfer,
                        ("Skill transferability", cap, transfer),
                    ),
                )
            )
        transfer = cap
    if additional > p.additional_cap:
        cap = p.additional_cap
        if out is not None:
            out.append(
                (
                    p.line(
                        _ADDITIONAL,
                        "additional.cap",
                        "additional_cap",
                        cap - additional,
                        ("Additional points", cap, additional),
                    ),
                )
            )
        additional = cap
    return total + transfer + additional


Expired = tuple[LanguageTest, date, bool] | None
"""An expired result's test, the day its validity started and whether that is the
test date (no result date given); ``None`` for a valid result or none."""


def _result_key(
    r: LanguageResult | None, day: date
) -> tuple[tuple[int, int, int, int], str, Expired]:
    """A result's levels on ``day``, the scale they are in, and why they are void."""
    if r is None:
        return _NO_LEVELS, "CLB", None
    scale = r.language.scale
    if day < language_expiry(r):
        return r.levels, scale, None
    return _NO_LEVELS, scale, (r.test, r.valid_from, r.result_date is None)


def _education_key(e: Education, day: date) -> tuple[EducationLevel, EducationLevel, date | None]:
    """The level, the level scored on ``day`` and the ECA's issue day if it has expired."""
    scored = scored_level(e, as_of=day)
    expired = e.eca_issued if scored is not e.scored_level else None
    return e.level, scored, expired


def _spouse_levels(c: Candidate, day: date) -> tuple[Any, ...]:
    return _result_key(None if c.spouse is None else c.spouse.language, day)


def _spouse_key(c: Candidate, day: date) -> tuple[Any, ...]:
    spouse = c.spouse
    s_edu = None if spouse is None else spouse.education
    return (None if s_edu is None else _education_key(s_edu, day),)


def _validity_ref(timeline: Timeline[int], dated: date) -> RuleRef:
    entry = timeline.at(max(dated, timeline.first))
    return RuleRef(
        rule_id=timeline.rule_id, effective_from=entry.effective_from, source=entry.source
    )


def _group_age(p: _Plan, key: tuple[Any, ...]) -> Lines:
    age, ws = key
    pts = p.age[0 if ws else 1][age if age < _DOMAIN else _DOMAIN - 1]
    return (p.line(_CORE, "age", "age", pts, key),)


def _group_education(p: _Plan, key: tuple[Any, ...]) -> Lines:
    level, scored, expired, ws = key
    pts = p.education[scored][0 if ws else 1]
    if expired is not None:
        rule = _validity_ref(ECA_VALID_YEARS, expired)
        line_key = (level, scored, expired, ws)
        return (p.line(_CORE, "education", "education", pts, line_key, rule=rule),)
    return (p.line(_CORE, "education", "education", pts, (level, scored is level, ws)),)


def _expired_line(
    p: _Plan, section: CrsSection, factor: str, attr: str, expired: Expired
) -> PointLine:
    """The 0-point line of an expired result, citing the validity rule."""
    assert expired is not None  # noqa: S101 (only called for an expired result)
    rule = _validity_ref(LANGUAGE_RESULT_VALID_YEARS, expired[1])
    return p.line(section, f"{factor}.expired", attr, 0, expired, rule=rule)


def _group_first_language(p: _Plan, key: tuple[Any, ...]) -> Lines:
    (levels, scale, expired), ws = key
    if expired is not None:
        return (_expired_line(p, _CORE, "first_language", "first_language", expired),)
    table = p.first_language[0 if ws else 1]
    return tuple(
        p.line(_CORE, factor, "first_language", table[clb], (clb, ws, scale))
        for factor, clb in zip(_FIRST, levels, strict=True)
    )


def _group_second_language(p: _Plan, key: tuple[Any, ...]) -> Lines:
    (levels, scale, expired), ws = key
    if expired is not None:
        return (_expired_line(p, _CORE, "second_language", "second_language", expired),)
    table = p.second_language
    lines = tuple(
        p.line(_CORE, factor, "second_language", table[clb], (clb, scale))
        for factor, clb in zip(_SECOND, levels, strict=True)
    )
    raw = sum(line.points for line in lines)
    cap = p.second_cap[0 if ws else 1]
    if raw > cap:
        cap_key = (cap, raw, ws)
        lines += (p.line(_CORE, "second_language.cap", "second_language_cap", cap - raw, cap_key),)
    return lines


def _group_canadian(p: _Plan, key: tuple[Any, ...]) -> Lines:
    years, ws = key
    pts = p.canadian[0 if ws else 1][years if years < _DOMAIN else _DOMAIN - 1]
    return (p.line(_CORE, "canadian_experience", "canadian_experience", pts, key),)


def _group_spouse_education(p: _Plan, key: tuple[Any, ...]) -> Lines:
    (education,) = key
    if education is None:
        return (p.line(_SPOUSE, "spouse.education", "spouse_education", 0, (None,)),)
    level, scored, expired = education
    pts = p.spouse_education[scored]
    if expired is not None:
        rule = _validity_ref(ECA_VALID_YEARS, expired)
        line_key = ((level, scored, expired),)
        return (p.line(_SPOUSE, "spouse.education", "spouse_education", pts, line_key, rule=rule),)
    line_key = ((level, scored is level, None),)
    return (p.line(_SPOUSE, "spouse.education", "spouse_education", pts, line_key),)


def _group_spouse_language(p: _Plan, key: tuple[Any, ...]) -> Lines:
    levels, scale, expired = key
    if expired is not None:
        return (_expired_line(p, _SPOUSE, "spouse.language", "spouse_language", expired),)
    table = p.spouse_language
    return tuple(
        p.line(_SPOUSE, factor, "spouse_language", table[clb], (clb, scale))
        for factor, clb in zip(_SPOUSE_LANG, levels, strict=True)
    )


def _group_spouse_canadian(p: _Plan, key: tuple[Any, ...]) -> Lines:
    (years,) = key
    pts = p.spouse_canadian[years if years < _DOMAIN else _DOMAIN - 1]
    factor = "spouse.canadian_experience"
    return (p.line(_SPOUSE, factor, "spouse_canadian_experience", pts, key),)


def _group_spouse(p: _Plan, key: tuple[Any, ...]) -> Lines:
    msg = "the spouse group is composed by _Plan.spouse, never built"
    raise AssertionError(msg)


def _column(value: int, thresholds: tuple[int, int]) -> int:
    """The column ``value`` reaches: 1 at the higher threshold, 0 at the lower, else -1."""
    lower, higher = thresholds
    return 1 if value >= higher else 0 if value >= lower else -1


_FOREIGN_TIERS = (
    ForeignExperienceTier.NONE,
    ForeignExperienceTier.ONE_OR_TWO_YEARS,
    ForeignExperienceTier.THREE_OR_MORE_YEARS,
)


def _group_transferability(p: _Plan, key: tuple[Any, ...]) -> Lines:
    tier, lowest, scale, certificate, cdn, foreign = key
    lang = _column(lowest, p.language_levels)
    cdn_col = _column(cdn, p.canadian_years)
    ftier = _FOREIGN_TIERS[_column(foreign, p.foreign_years) + 1]
    group_cap = p.group_cap
    lines: list[PointLine] = []
    for label, rows, row, (lang_factor, lang_attr), (cdn_factor, cdn_attr), first_key in (
        (
            "Education group",
            (p.education_language, p.education_experience),
            tier,
            ("education.language", "education_language"),
            ("education.canadian_experience", "education_experience"),
            tier,
        ),
        (
            "Foreign work group",
            (p.foreign_language, p.foreign_experience),
            ftier,
            ("foreign_experience.language", "foreign_language"),
            ("foreign_experience.canadian_experience", "foreign_experience"),
            foreign,
        ),
    ):
        with_lang = rows[0][row][lang] if lang >= 0 else 0  # type: ignore[index]
        with_cdn = rows[1][row][cdn_col] if cdn_col >= 0 else 0  # type: ignore[index]
        lines.append(p.line(_TRANSFER, lang_factor, lang_attr, with_lang, (first_key, lang, scale)))
        lines.append(p.line(_TRANSFER, cdn_factor, cdn_attr, with_cdn, (first_key, cdn)))
        group = with_lang + with_cdn
        if group > group_cap:
            cap_key = (label, group_cap, group)
            factor = f"{lang_factor.rsplit('.', 1)[0]}.cap"
            lines.append(
                p.line(_TRANSFER, factor, "transferability_group_cap", group_cap - group, cap_key)
            )
    if certificate:
        cert_col = _column(lowest, p.certificate_levels)
        pts = p.certificate[cert_col] if cert_col >= 0 else 0
        lines.append(
            p.line(
                _TRANSFER, "certificate.language", "certificate_language", pts, (cert_col, scale)
            )
        )
    return tuple(lines)


def _group_additional(p: _Plan, key: tuple[Any, ...]) -> Lines:
    nomination, noc, study, french, sibling = key
    lines: list[PointLine] = []
    if nomination:
        lines.append(
            p.line(_ADDITIONAL, "provincial_nomination", "provincial_nomination", p.nomination, ())
        )
    if noc is not None:
        skilled = noc_teer(noc) in p.skilled
        pts = p.job_offer[JobOfferKind.of(noc)] if skilled else 0
        lines.append(p.line(_ADDITIONAL, "job_offer", "job_offer", pts, (noc, skilled)))
    if study is not _NONE:
        lines.append(
            p.line(_ADDITIONAL, "canadian_study", "canadian_study", p.study[study], (study,))
        )
    if french is not None and french[0] >= p.french_levels[0]:
        higher = french[1] >= p.french_levels[1]
        bonus = FrenchBonus.ENGLISH_CLB_5_OR_MORE if higher else FrenchBonus.ENGLISH_CLB_4_OR_LESS
        lines.append(p.line(_ADDITIONAL, "french", "french", p.french[bonus], (higher,)))
    if sibling:
        lines.append(p.line(_ADDITIONAL, "sibling", "sibling", p.sibling, ()))
    return tuple(lines)


_G_AGE, _G_EDUCATION, _G_FIRST, _G_SECOND, _G_CANADIAN = 0, 1, 2, 3, 4
_G_SPOUSE_EDUCATION, _G_SPOUSE_LANGUAGE, _G_SPOUSE_CANADIAN = 5, 6, 7
_G_TRANSFER, _G_ADDITIONAL, _G_SPOUSE = 8, 9, 10
_BUILDERS: tuple[Callable[[_Plan, tuple[Any, ...]], Lines], ...] = (
    _group_age,
    _group_education,
    _group_first_language,
    _group_second_language,
    _group_canadian,
    _group_spouse_education,
    _group_spouse_language,
    _group_spouse_canadian,
    _group_transferability,
    _group_additional,
    _group_spouse,
)


def _clb(level: int, scale: str = "CLB") -> str:
    return f"{scale} {level}" if level >= 4 else f"below {scale} 4"


def _years(n: int) -> str:
    return "1 year" if n == 1 else f"{n} years"


def _who(ws: bool) -> str:
    return "with accompanying spouse" if ws else "without spouse"


def _language(column: int, scale: str, levels: tuple[int, int]) -> str:
    if column >= 0:
        return f"{scale} {levels[column]}+ in all four abilities"
    return f"first language below {scale} {levels[0]} in some ability"


def _expired_eca(level: EducationLevel, scored: EducationLevel, issued: date) -> str:
    """Why a level with an expired ECA earns what it earns."""
    why = (
        f"{level.label}: its ECA of {issued.isoformat()} expired on "
        f"{eca_expiry(issued).isoformat()} ({rule_words(ECA_VALID_YEARS, issued)})"
    )
    if scored is EducationLevel.LESS_THAN_SECONDARY:
        return f"{why}, so it earns no points"
    return f"{why}; the Canadian credential counts as {scored.label}"


def _education(key: tuple[Any, ...]) -> str:
    if len(key) == 4:
        level, scored, issued, _ws = key
        return f"Education: {_expired_eca(level, scored, issued)}"
    level, recognized, ws = key
    if recognized:
        return f"Education: {level.label}, {_who(ws)}"
    return f"Education: {level.label}, foreign with no ECA, earns no points"


def _spouse_education(key: tuple[Any, ...]) -> str:
    if key[0] is None:
        return "Spouse's education: not given"
    level, recognized, expired = key[0]
    if expired is not None:
        return f"Spouse's education: {_expired_eca(level, recognized, expired)}"
    if recognized:
        return f"Spouse's education: {level.label}"
    return f"Spouse's education: {level.label}, foreign with no ECA, earns no points"


def _expired_result(whose: str, key: tuple[Any, ...]) -> str:
    test, start, from_test_date = key
    result = expiry(LANGUAGE_RESULT_VALID_YEARS, start)
    valid = rule_words(LANGUAGE_RESULT_VALID_YEARS, start)
    counted = (
        f"{valid}, counted from the test date: no result date given"
        if from_test_date
        else f"{valid} from the result date"
    )
    return (
        f"{whose}: {test.label} of {start.isoformat()} expired on {result.isoformat()} "
        f"({counted}); no points"
    )


def _certificate(key: tuple[Any, ...], levels: tuple[int, int]) -> str:
    column, scale = key
    lower, higher = levels
    words = (
        f"{scale} {higher}+"
        if column == 1
        else f"{scale} {lower}+ (one under {higher})"
        if column == 0
        else f"under {scale} {lower}"
    )
    return f"Certificate of qualification with {words} in all four abilities"


def _job_offer(key: tuple[Any, ...]) -> str:
    noc, skilled = key
    if skilled:
        return f"Job offer in NOC {noc}"
    return f"Job offer in NOC {noc}: TEER {noc[1]} does not qualify"


def _french(key: tuple[Any, ...], levels: tuple[int, int]) -> str:
    nclc, clb = levels
    if key[0]:
        return f"French: NCLC {nclc}+ in all four abilities, and English CLB {clb}+ in all four"
    return (
        f"French: NCLC {nclc}+ in all four abilities; English below CLB {clb} in some "
        "ability, or no valid English result"
    )


_TIER_WORDS = {
    EducationTier.SECONDARY_OR_LESS: "Secondary school or less",
    EducationTier.POST_SECONDARY: "Post-secondary credential of one year or more",
    EducationTier.TWO_OR_MORE_OR_GRADUATE: "Two or more credentials, master's or doctorate",
}
_STUDY_WORDS = {
    CanadianCredential.SECONDARY: "secondary school (no points)",
    CanadianCredential.ONE_OR_TWO_YEAR: "one- or two-year post-secondary credential",
    CanadianCredential.THREE_YEAR_OR_MORE: "three years or more, or a graduate degree",
}
_Reason = Callable[[tuple[Any, ...], _Plan], str]


def _per_ability(factors: tuple[str, ...], template: str) -> dict[str, _Reason]:
    """Reasons for the four per-ability lines of one language factor.

    Keys are ``(level, scale)``, or ``(level, with_spouse, scale)`` for the
    first language, whose points depend on the spouse column.
    """

    def make(ability: str) -> _Reason:
        def reason(key: tuple[Any, ...], _plan: _Plan) -> str:
            who = _who(key[1]) if len(key) == 3 else ""
            return template.format(clb=_clb(key[0], key[-1]), ability=ability, who=who)

        return reason

    return {f: make(a) for f, a in zip(factors, _ABILITY_NAMES, strict=True)}


_REASONS: dict[str, _Reason] = {
    "age": lambda k, p: f"Age {k[0]} on {p.as_of.isoformat()}, {_who(k[1])}",
    "education": lambda k, p: _education(k),
    "first_language.expired": lambda k, p: _expired_result("First official language", k),
    "second_language.expired": lambda k, p: _expired_result("Second official language", k),
    "spouse.language.expired": lambda k, p: _expired_result("Spouse's first official language", k),
    **_per_ability(_FIRST, "First official language: {clb} in {ability}, {who}"),
    **_per_ability(_SECOND, "Second official language: {clb} in {ability}"),
    "second_language.cap": lambda k, p: f"Second official language capped at {k[0]}, {_who(k[2])}",
    "canadian_experience": lambda k, p: (
        f"Canadian skilled work in the last {p.window} years: {_years(k[0])}, {_who(k[1])}"
    ),
    "spouse.education": lambda k, p: _spouse_education(k),
    **_per_ability(_SPOUSE_LANG, "Spouse's first official language: {clb} in {ability}"),
    "spouse.canadian_experience": lambda k, p: (
        f"Spouse's Canadian skilled work in the last {p.window} years: {_years(k[0])}"
    ),
    "education.language": lambda k, p: (
        f"{_TIER_WORDS[k[0]]} with {_language(k[1], k[2], p.language_levels)}"
    ),
    "education.canadian_experience": lambda k, p: (
        f"{_TIER_WORDS[k[0]]} with {_years(k[1])} of Canadian work"
    ),
    "foreign_experience.language": lambda k, p: (
        f"Foreign skilled work ({_years(k[0])}) with {_language(k[1], k[2], p.language_levels)}"
    ),
    "foreign_experience.canadian_experience": lambda k, p: (
        f"Foreign skilled work ({_years(k[0])}) with {_years(k[1])} of Canadian work"
    ),
    "certificate.language": lambda k, p: _certificate(k, p.certificate_levels),
    "provincial_nomination": lambda k, p: "Provincial or territorial nomination",
    "job_offer": lambda k, p: _job_offer(k),
    "canadian_study": lambda k, p: f"Education in Canada: {_STUDY_WORDS[k[0]]}",
    "french": lambda k, p: _french(k, p.french_levels),
    "sibling": lambda k, p: "Brother or sister living in Canada",
}
_CAP = "{0} capped at {1}"


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
        InvalidInputError: the profile holds a document dated after ``as_of``;
            ``as_of`` is not a date (a ``datetime`` or a string is refused), or
            ``candidate`` or ``rules`` is of the wrong type.
    """
    day, r = _day_and_rules("score", as_of, rules)
    candidate = require_candidate(candidate, "score")
    plan = _plan(r, day)
    groups: list[Lines] = []
    total = _kernel(candidate, plan, groups)
    return CrsBreakdown(
        as_of=day,
        edition=plan.edition,
        with_spouse=candidate.scored_with_spouse,
        lines=tuple(itertools.chain.from_iterable(groups)),
        total=total,
        rules_reviewed_on=r.last_reviewed,
    )


@overload
def score_many(
    candidates: Iterable[Candidate],
    *,
    as_of: date | None = None,
    rules: RuleSet | None = None,
    errors: Literal["raise"] = "raise",
) -> list[int]: ...


@overload
def score_many(
    candidates: Iterable[Candidate],
    *,
    as_of: date | None = None,
    rules: RuleSet | None = None,
    errors: Literal["collect"],
) -> PoolResult[int]: ...


def score_many(
    candidates: Iterable[Candidate],
    *,
    as_of: date | None = None,
    rules: RuleSet | None = None,
    errors: Literal["raise", "collect"] = "raise",
) -> list[int] | PoolResult[int]:
    """Totals for a whole pool on one day: the fast path.

    The rules are resolved and compiled once and no explanation is built; each
    total equals ``score(candidate, as_of=as_of, rules=rules).total``.

    Args:
        candidates: The pool.
        as_of: The day scored; ``None`` means today.
        rules: Rules to apply instead of those in force on ``as_of``.
        errors: ``"raise"`` stops at the first bad profile, naming its index
            (``[3].languages[0].test_date``); ``"collect"`` scores every other
            profile and returns a :class:`~expressentry.batch.PoolResult` whose
            ``failures`` name each bad one.

    Raises:
        RulesNotInForceError: ``as_of`` is before 2015-01-01.
        InvalidInputError: with ``errors="raise"``, a profile holds a document
            dated after ``as_of`` or is not a :class:`Candidate`.
    """
    if errors not in ("raise", "collect"):
        raise InvalidInputError(
            "score_many", [FieldProblem("errors", errors, "must be 'raise' or 'collect'")]
        )
    day, r = _day_and_rules("score_many", as_of, rules)
    plan = _plan(r, day)
    out: list[int | None] = []
    append = out.append
    failures: list[Failure] = []
    it = iter(candidates)
    c: object = None
    while True:
        # One try around the tight loop: the fast path pays nothing for it.
        try:
            for c in it:
                append(_kernel(c, plan, None))
        except (InvalidInputError, AttributeError) as exc:
            index = len(out)
            failure = at_index(index, _as_input_error(exc, c))
            if errors == "raise":
                raise failure from None
            failures.append(Failure(index=index, error=failure))
            append(None)
            continue
        break
    if errors == "raise":
        return out  # type: ignore[return-value]  # no None without a failure
    return PoolResult(results=tuple(out), failures=tuple(failures))


def _day_and_rules(where: str, as_of: date | None, rules: RuleSet | None) -> tuple[date, RuleSet]:
    """The day asked for (checked; today for ``None``) and the rules to apply on it."""
    day = resolve(as_of, where=where)
    if rules is None:
        return day, rules_for(as_of=day)
    if not isinstance(rules, RuleSet):
        raise InvalidInputError(
            where, [FieldProblem("rules", rules, "must be a RuleSet (see rules_for)")]
        )
    return day, rules


def _as_input_error(exc: Exception, c: object) -> InvalidInputError:
    if isinstance(exc, InvalidInputError):
        return exc
    if isinstance(c, Candidate):  # an AttributeError from inside the library is a bug
        raise exc
    return InvalidInputError(
        "score_many", [FieldProblem("", type(c).__name__, "must be a Candidate")]
    )
