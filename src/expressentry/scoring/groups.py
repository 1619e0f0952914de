"""A factor group's points and lines, from the key that decides them.

Each function reads the plan's compiled tables and returns the group's lines;
the group's points are the sum of its lines. The kernel calls them only when a
memo misses, so they may take their time.
"""

from __future__ import annotations

from typing import Final

from expressentry.enums import (
    Ability,
    CanadianCredential,
    CrsSection,
    ForeignExperienceTier,
)
from expressentry.explain import PointLine
from expressentry.i18n import Message, tr
from expressentry.models import noc_teer
from expressentry.rules.programs import LANGUAGE_RESULT_VALID_YEARS
from expressentry.scoring import reasons
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
    validity_ref,
)
from expressentry.scoring.keys import (
    AbilityKey,
    AdditionalKey,
    AgeKey,
    CapKey,
    CertificateKey,
    EducationCanadianKey,
    EducationKey,
    EducationLanguageKey,
    ExperienceKey,
    ExpiredResult,
    ForeignCanadianKey,
    ForeignLanguageKey,
    JobOfferKey,
    LanguageKey,
    SecondCapKey,
    StudyKey,
    TransferKey,
    french_key,
)
from expressentry.scoring.plan import Lines, Plan, Reason

__all__ = [
    "additional_group",
    "age_group",
    "canadian_experience_group",
    "education_group",
    "first_language_group",
    "second_language_group",
    "spouse_canadian_experience_group",
    "spouse_education_group",
    "spouse_language_group",
    "transferability_group",
]

_CORE, _SPOUSE, _TRANSFER, _ADDITIONAL = (
    CrsSection.CORE,
    CrsSection.SPOUSE,
    CrsSection.TRANSFERABILITY,
    CrsSection.ADDITIONAL,
)
_ABILITIES: Final = (Ability.LISTENING, Ability.SPEAKING, Ability.READING, Ability.WRITING)
"""In the order of a result's levels."""
_ABILITY_NAMES: Final = tuple(a.value for a in _ABILITIES)
_EDUCATION_GROUP: Final = tr("Education group")
_FOREIGN_GROUP: Final = tr("Foreign work group")
_FOREIGN_TIERS: Final = (
    ForeignExperienceTier.NONE,
    ForeignExperienceTier.ONE_OR_TWO_YEARS,
    ForeignExperienceTier.THREE_OR_MORE_YEARS,
)


def _expired_line(
    p: Plan,
    section: CrsSection,
    factor: str,
    attr: str,
    expired: ExpiredResult,
    *,
    reason: Reason[ExpiredResult],
) -> PointLine:
    """The 0-point line of an expired result, citing the validity rule."""
    rule = validity_ref(LANGUAGE_RESULT_VALID_YEARS, expired.valid_from, rules=p.rules)
    return p.line(section, f"{factor}.expired", attr, 0, expired, reason=reason, rule=rule)


def _column(value: int, thresholds: tuple[int, int]) -> int:
    """The column ``value`` reaches: 1 at the higher threshold, 0 at the lower, else -1."""
    lower, higher = thresholds
    return 1 if value >= higher else 0 if value >= lower else -1


def _abilities(
    p: Plan,
    section: CrsSection,
    factor: str,
    attr: str,
    *,
    table: list[int],
    key: LanguageKey,
    with_spouse: bool | None,
    reason: Reason[AbilityKey],
) -> Lines:
    """One line per ability, each worth its level's points in ``table``."""
    scale, line = key.scale, p.line
    return tuple(
        [
            line(
                section,
                f"{factor}.{name}",
                attr,
                table[level],
                AbilityKey(ability, level, scale, with_spouse),
                reason=reason,
            )
            for ability, name, level in zip(_ABILITIES, _ABILITY_NAMES, key.levels, strict=True)
        ]
    )


# Section A, core


def age_group(p: Plan, key: AgeKey) -> Lines:
    """Age (the factor :data:`~expressentry.scoring.factors.AGE`)."""
    return (p.factor_line(AGE, p.rules.entry(AGE.table), key),)


def education_group(p: Plan, key: EducationKey) -> Lines:
    """Education (the factor :data:`~expressentry.scoring.factors.EDUCATION`)."""
    return (p.factor_line(EDUCATION, p.rules.entry(EDUCATION.table), key),)


def first_language_group(p: Plan, key: LanguageKey) -> Lines:
    """First official language: one line per ability, or one for an expired result."""
    if key.expired is not None:
        reason = reasons.first_language_expired
        return (
            _expired_line(p, _CORE, "first_language", "first_language", key.expired, reason=reason),
        )
    table = p.first_language[0 if key.with_spouse else 1]
    factor = "first_language"
    return _abilities(
        p,
        _CORE,
        factor,
        factor,
        table=table,
        key=key,
        with_spouse=key.with_spouse,
        reason=reasons.first_language,
    )


def second_language_group(p: Plan, key: LanguageKey) -> Lines:
    """Second official language, capped by column."""
    if key.expired is not None:
        reason = reasons.second_language_expired
        return (
            _expired_line(
                p, _CORE, "second_language", "second_language", key.expired, reason=reason
            ),
        )
    factor, table = "second_language", p.second_language
    lines = _abilities(
        p,
        _CORE,
        factor,
        factor,
        table=table,
        key=key,
        with_spouse=None,
        reason=reasons.second_language,
    )
    raw = sum(line.points for line in lines)
    cap = p.second_cap[0 if key.with_spouse else 1]
    if raw > cap:
        cap_key = SecondCapKey(cap, raw, key.with_spouse)
        factor = "second_language_cap"
        lines += (
            p.line(_CORE, factor, factor, cap - raw, cap_key, reason=reasons.second_language_cap),
        )
    return lines


def canadian_experience_group(p: Plan, key: ExperienceKey) -> Lines:
    """Canadian work experience (:data:`~expressentry.scoring.factors.CANADIAN_EXPERIENCE`)."""
    return (p.factor_line(CANADIAN_EXPERIENCE, p.rules.entry(CANADIAN_EXPERIENCE.table), key),)


# Section B, spouse


def spouse_education_group(p: Plan, key: EducationKey | None) -> Lines:
    """The spouse's education (0 points if not given)."""
    factor, attr, reason = "spouse.education", "spouse_education", reasons.spouse_education
    if key is None:
        return (p.line(_SPOUSE, factor, attr, 0, key, reason=reason),)
    pts = p.spouse_education[key.scored]
    rule = None if key.eca_expired is None else key.eca_expired.rule
    return (p.line(_SPOUSE, factor, attr, pts, key, reason=reason, rule=rule),)


def spouse_language_group(p: Plan, key: LanguageKey) -> Lines:
    """The spouse's first official language."""
    factor, attr = "spouse.first_language", "spouse_first_language"
    if key.expired is not None:
        reason = reasons.spouse_first_language_expired
        return (_expired_line(p, _SPOUSE, factor, attr, key.expired, reason=reason),)
    table = p.spouse_language
    return _abilities(
        p,
        _SPOUSE,
        factor,
        attr,
        table=table,
        key=key,
        with_spouse=None,
        reason=reasons.spouse_first_language,
    )


def spouse_canadian_experience_group(p: Plan, key: ExperienceKey) -> Lines:
    """The spouse's Canadian work experience (its factor object).

    (:data:`~expressentry.scoring.factors.SPOUSE_CANADIAN_EXPERIENCE`.)
    """
    entry = p.rules.entry(SPOUSE_CANADIAN_EXPERIENCE.table)
    return (p.factor_line(SPOUSE_CANADIAN_EXPERIENCE, entry, key),)


# Section C, skill transferability


def transferability_group(p: Plan, key: TransferKey) -> Lines:
    """Skill transferability: its two groups, each capped, and the certificate.

    The section's own cap is the kernel's: a reform may add points to it.
    """
    lang = _column(key.lowest, p.language_levels)
    cdn_col = _column(key.canadian_years, p.canadian_years)
    tier, ftier = key.tier, _FOREIGN_TIERS[_column(key.foreign_years, p.foreign_years) + 1]
    with_lang = p.education_language[tier][lang] if lang >= 0 else 0
    with_cdn = p.education_experience[tier][cdn_col] if cdn_col >= 0 else 0
    lines = [
        p.line(
            _TRANSFER,
            "transferability.education_language",
            "transferability_education_language",
            with_lang,
            EducationLanguageKey(tier, lang, key.scale),
            reason=reasons.transferability_education_language,
        ),
        p.line(
            _TRANSFER,
            "transferability.education_experience",
            "transferability_education_experience",
            with_cdn,
            EducationCanadianKey(tier, key.canadian_years),
            reason=reasons.transferability_education_experience,
        ),
    ]
    if with_lang + with_cdn > p.group_cap:
        lines.append(_group_cap(p, _EDUCATION_GROUP, "education", with_lang + with_cdn))
    with_lang = p.foreign_language[ftier][lang] if lang >= 0 else 0
    with_cdn = p.foreign_experience[ftier][cdn_col] if cdn_col >= 0 else 0
    lines += [
        p.line(
            _TRANSFER,
            "transferability.foreign_language",
            "transferability_foreign_language",
            with_lang,
            ForeignLanguageKey(key.foreign_years, lang, key.scale),
            reason=reasons.transferability_foreign_language,
        ),
        p.line(
            _TRANSFER,
            "transferability.foreign_experience",
            "transferability_foreign_experience",
            with_cdn,
            ForeignCanadianKey(key.foreign_years, key.canadian_years),
            reason=reasons.transferability_foreign_experience,
        ),
    ]
    if with_lang + with_cdn > p.group_cap:
        lines.append(_group_cap(p, _FOREIGN_GROUP, "foreign_experience", with_lang + with_cdn))
    if key.certificate:
        column = _column(key.lowest, p.certificate_levels)
        pts = p.certificate[column] if column >= 0 else 0
        lines.append(
            p.line(
                _TRANSFER,
                "transferability.certificate_language",
                "transferability_certificate_language",
                pts,
                CertificateKey(column, key.scale),
                reason=reasons.transferability_certificate_language,
            )
        )
    return tuple(lines)


def _group_cap(p: Plan, label: Message, group: str, points: int) -> PointLine:
    """The cap line of the transferability group ``group``, worth ``points`` points."""
    cap, key = p.group_cap, CapKey(label, p.group_cap, points)
    factor, attr = f"transferability.group_cap.{group}", "transferability_group_cap"
    return p.line(_TRANSFER, factor, attr, cap - points, key, reason=reasons.capped)


# Section D, additional points


def additional_group(p: Plan, key: AdditionalKey) -> Lines:
    """Additional points, each from its factor object; the section's cap is the kernel's.

    (A reform may add points to the section.)
    """
    lines: list[PointLine] = []
    entry = p.rules.entry
    if key.nomination:
        lines.append(p.factor_line(NOMINATION, entry(NOMINATION.table), True))
    if key.noc is not None:
        offer = JobOfferKey(key.noc, noc_teer(key.noc) in p.skilled)
        lines.append(p.factor_line(JOB_OFFER, entry(JOB_OFFER.table), offer))
    if key.study is not CanadianCredential.NONE:
        study = StudyKey(key.study)
        lines.append(p.factor_line(CANADIAN_STUDY, entry(CANADIAN_STUDY.table), study))
    french = french_key(key.french, p.french_levels)
    if french is not None:
        lines.append(p.factor_line(FRENCH, entry(FRENCH.table), french))
    if key.sibling:
        lines.append(p.factor_line(SIBLING_IN_CANADA, entry(SIBLING_IN_CANADA.table), True))
    return tuple(lines)
