"""The words of each explained line, from its key and the values in force.

Every figure a reason quotes (the work window, the language levels of the
transferability columns, the certificate's and the French points' levels, the
validity of documents) is read from the plan or the validity rules, so a
reform changes the words too. Each function is a
:data:`~expressentry.scoring.plan.Reason` of one key type: it returns a
:class:`~expressentry.i18n.Message`, so a line reads in English or French.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from expressentry.enums import Ability, EducationTier
from expressentry.i18n import Message, tr
from expressentry.rules.programs import LANGUAGE_RESULT_VALID_YEARS
from expressentry.scoring.factors import expired_eca, who, years_words
from expressentry.timelines.validity import expiry, rule_message

if TYPE_CHECKING:
    from expressentry.scoring.keys import (
        AbilityKey,
        CapKey,
        CertificateKey,
        EducationCanadianKey,
        EducationKey,
        EducationLanguageKey,
        ExpiredResult,
        ForeignCanadianKey,
        ForeignLanguageKey,
        SecondCapKey,
    )
    from expressentry.scoring.plan import Plan

__all__ = [
    "capped",
    "first_language",
    "first_language_expired",
    "second_language",
    "second_language_cap",
    "second_language_expired",
    "spouse_education",
    "spouse_first_language",
    "spouse_first_language_expired",
    "transferability_certificate_language",
    "transferability_education_experience",
    "transferability_education_language",
    "transferability_foreign_experience",
    "transferability_foreign_language",
]

_TIER_WORDS: Final = {
    EducationTier.SECONDARY_OR_LESS: tr("Secondary school or less"),
    EducationTier.POST_SECONDARY: tr("Post-secondary credential of one year or more"),
    EducationTier.TWO_OR_MORE_OR_GRADUATE: tr("Two or more credentials, master's or doctorate"),
}
_ABILITY_WORDS: Final = {
    Ability.SPEAKING: tr("speaking"),
    Ability.LISTENING: tr("listening"),
    Ability.READING: tr("reading"),
    Ability.WRITING: tr("writing"),
}
_FIRST: Final = tr("First official language")
_SECOND: Final = tr("Second official language")
_SPOUSE_FIRST: Final = tr("Spouse's first official language")


def _clb(level: int, scale: str) -> Message:
    if level >= 4:
        return tr("{scale} {level}", scale=scale, level=level)
    return tr("below {scale} 4", scale=scale)


def _language(column: int, scale: str, levels: tuple[int, int]) -> Message:
    if column >= 0:
        return tr("{scale} {level}+ in all four abilities", scale=scale, level=levels[column])
    return tr("first language below {scale} {level} in some ability", scale=scale, level=levels[0])


def _expired_result(whose: Message, k: ExpiredResult, p: Plan) -> Message:
    result = expiry(LANGUAGE_RESULT_VALID_YEARS, k.valid_from, rules=p.rules)
    valid = rule_message(LANGUAGE_RESULT_VALID_YEARS, k.valid_from, rules=p.rules)
    counted = (
        tr("{valid}, counted from the test date: no result date given", valid=valid)
        if k.from_test_date
        else tr("{valid} from the result date", valid=valid)
    )
    return tr(
        "{whose}: {test} of {valid_from} expired on {expired} ({counted}); no points",
        whose=whose,
        test=tr(k.test.label),
        valid_from=k.valid_from,
        expired=result,
        counted=counted,
    )


# Section A, core


def first_language(k: AbilityKey, p: Plan) -> Message:
    """One ability of the first official language, and the column."""
    return tr(
        "First official language: {level} in {ability}, {who}",
        level=_clb(k.level, k.scale),
        ability=_ABILITY_WORDS[k.ability],
        who=who(k.with_spouse),
    )


def first_language_expired(k: ExpiredResult, p: Plan) -> Message:
    """An expired first-language result, with the day it expired and why."""
    return _expired_result(_FIRST, k, p)


def second_language(k: AbilityKey, p: Plan) -> Message:
    """One ability of the second official language (one column)."""
    return tr(
        "Second official language: {level} in {ability}",
        level=_clb(k.level, k.scale),
        ability=_ABILITY_WORDS[k.ability],
    )


def second_language_expired(k: ExpiredResult, p: Plan) -> Message:
    """An expired second-language result."""
    return _expired_result(_SECOND, k, p)


def second_language_cap(k: SecondCapKey, p: Plan) -> Message:
    """The second language above its cap, which depends on the column."""
    return tr("Second official language capped at {cap}, {who}", cap=k.cap, who=who(k.with_spouse))


# Section B, spouse


def spouse_education(k: EducationKey | None, p: Plan) -> Message:
    """The spouse's education; a foreign level counts only with a valid ECA."""
    if k is None:
        return tr("Spouse's education: not given")
    if k.eca_expired is not None:
        return tr("Spouse's education: {why}", why=expired_eca(k.level, k.scored, k.eca_expired))
    if k.scored is k.level:
        return tr("Spouse's education: {level}", level=tr(k.level.label))
    return tr(
        "Spouse's education: {level}, foreign with no ECA, earns no points",
        level=tr(k.level.label),
    )


def spouse_first_language(k: AbilityKey, p: Plan) -> Message:
    """One ability of the spouse's first official language."""
    return tr(
        "Spouse's first official language: {level} in {ability}",
        level=_clb(k.level, k.scale),
        ability=_ABILITY_WORDS[k.ability],
    )


def spouse_first_language_expired(k: ExpiredResult, p: Plan) -> Message:
    """An expired result of the spouse's."""
    return _expired_result(_SPOUSE_FIRST, k, p)


# Section C, skill transferability


def transferability_education_language(k: EducationLanguageKey, p: Plan) -> Message:
    """Education with language, at the levels of the columns in force."""
    return tr(
        "{education} with {language}",
        education=_TIER_WORDS[k.tier],
        language=_language(k.column, k.scale, p.language_levels),
    )


def transferability_education_experience(k: EducationCanadianKey, p: Plan) -> Message:
    """Education with Canadian work."""
    return tr(
        "{education} with {years} of Canadian work",
        education=_TIER_WORDS[k.tier],
        years=years_words(k.canadian_years),
    )


def transferability_foreign_language(k: ForeignLanguageKey, p: Plan) -> Message:
    """Foreign work with language, at the levels of the columns in force."""
    return tr(
        "Foreign skilled work ({years}) with {language}",
        years=years_words(k.foreign_years),
        language=_language(k.column, k.scale, p.language_levels),
    )


def transferability_foreign_experience(k: ForeignCanadianKey, p: Plan) -> Message:
    """Foreign work with Canadian work."""
    return tr(
        "Foreign skilled work ({years}) with {canadian} of Canadian work",
        years=years_words(k.foreign_years),
        canadian=years_words(k.canadian_years),
    )


def transferability_certificate_language(k: CertificateKey, p: Plan) -> Message:
    """A certificate of qualification with language, at the levels in force."""
    lower, higher = p.certificate_levels
    scale = k.scale
    words = (
        tr("{scale} {level}+", scale=scale, level=higher)
        if k.column == 1
        else tr("{scale} {level}+ (one under {higher})", scale=scale, level=lower, higher=higher)
        if k.column == 0
        else tr("under {scale} {level}", scale=scale, level=lower)
    )
    return tr("Certificate of qualification with {levels} in all four abilities", levels=words)


# Caps


def capped(k: CapKey, p: Plan) -> Message:
    """Points above a cap, taken away."""
    return tr("{label} capped at {cap}", label=k.label, cap=k.cap)
