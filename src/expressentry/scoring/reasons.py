"""The words of each explained line, from its key and the values in force.

Every figure a reason quotes (the work window, the language levels of the
transferability columns, the certificate's and the French points' levels, the
validity of documents) is read from the plan or the validity rules, so a
reform changes the words too. Each function is a
:data:`~expressentry.scoring.plan.Reason` of one key type.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from expressentry.enums import EducationTier
from expressentry.rules.programs import LANGUAGE_RESULT_VALID_YEARS
from expressentry.scoring.factors import expired_eca, who
from expressentry.timelines.validity import expiry, rule_words

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
    EducationTier.SECONDARY_OR_LESS: "Secondary school or less",
    EducationTier.POST_SECONDARY: "Post-secondary credential of one year or more",
    EducationTier.TWO_OR_MORE_OR_GRADUATE: "Two or more credentials, master's or doctorate",
}


def _clb(level: int, scale: str) -> str:
    return f"{scale} {level}" if level >= 4 else f"below {scale} 4"


def _years(n: int) -> str:
    return "1 year" if n == 1 else f"{n} years"


def _language(column: int, scale: str, levels: tuple[int, int]) -> str:
    if column >= 0:
        return f"{scale} {levels[column]}+ in all four abilities"
    return f"first language below {scale} {levels[0]} in some ability"


def _expired_result(whose: str, k: ExpiredResult, p: Plan) -> str:
    result = expiry(LANGUAGE_RESULT_VALID_YEARS, k.valid_from, rules=p.rules)
    valid = rule_words(LANGUAGE_RESULT_VALID_YEARS, k.valid_from, rules=p.rules)
    counted = (
        f"{valid}, counted from the test date: no result date given"
        if k.from_test_date
        else f"{valid} from the result date"
    )
    return (
        f"{whose}: {k.test.label} of {k.valid_from.isoformat()} expired on "
        f"{result.isoformat()} ({counted}); no points"
    )


# Section A, core


def first_language(k: AbilityKey, p: Plan) -> str:
    """One ability of the first official language, and the column."""
    clb = _clb(k.level, k.scale)
    return f"First official language: {clb} in {k.ability.value}, {who(k.with_spouse)}"


def first_language_expired(k: ExpiredResult, p: Plan) -> str:
    """An expired first-language result, with the day it expired and why."""
    return _expired_result("First official language", k, p)


def second_language(k: AbilityKey, p: Plan) -> str:
    """One ability of the second official language (one column)."""
    return f"Second official language: {_clb(k.level, k.scale)} in {k.ability.value}"


def second_language_expired(k: ExpiredResult, p: Plan) -> str:
    """An expired second-language result."""
    return _expired_result("Second official language", k, p)


def second_language_cap(k: SecondCapKey, p: Plan) -> str:
    """The second language above its cap, which depends on the column."""
    return f"Second official language capped at {k.cap}, {who(k.with_spouse)}"


# Section B, spouse


def spouse_education(k: EducationKey | None, p: Plan) -> str:
    """The spouse's education; a foreign level counts only with a valid ECA."""
    if k is None:
        return "Spouse's education: not given"
    if k.eca_expired is not None:
        return f"Spouse's education: {expired_eca(k.level, k.scored, k.eca_expired)}"
    if k.scored is k.level:
        return f"Spouse's education: {k.level.label}"
    return f"Spouse's education: {k.level.label}, foreign with no ECA, earns no points"


def spouse_first_language(k: AbilityKey, p: Plan) -> str:
    """One ability of the spouse's first official language."""
    return f"Spouse's first official language: {_clb(k.level, k.scale)} in {k.ability.value}"


def spouse_first_language_expired(k: ExpiredResult, p: Plan) -> str:
    """An expired result of the spouse's."""
    return _expired_result("Spouse's first official language", k, p)


# Section C, skill transferability


def transferability_education_language(k: EducationLanguageKey, p: Plan) -> str:
    """Education with language, at the levels of the columns in force."""
    return f"{_TIER_WORDS[k.tier]} with {_language(k.column, k.scale, p.language_levels)}"


def transferability_education_experience(k: EducationCanadianKey, p: Plan) -> str:
    """Education with Canadian work."""
    return f"{_TIER_WORDS[k.tier]} with {_years(k.canadian_years)} of Canadian work"


def transferability_foreign_language(k: ForeignLanguageKey, p: Plan) -> str:
    """Foreign work with language, at the levels of the columns in force."""
    return (
        f"Foreign skilled work ({_years(k.foreign_years)}) with "
        f"{_language(k.column, k.scale, p.language_levels)}"
    )


def transferability_foreign_experience(k: ForeignCanadianKey, p: Plan) -> str:
    """Foreign work with Canadian work."""
    return (
        f"Foreign skilled work ({_years(k.foreign_years)}) with "
        f"{_years(k.canadian_years)} of Canadian work"
    )


def transferability_certificate_language(k: CertificateKey, p: Plan) -> str:
    """A certificate of qualification with language, at the levels in force."""
    lower, higher = p.certificate_levels
    scale = k.scale
    words = (
        f"{scale} {higher}+"
        if k.column == 1
        else f"{scale} {lower}+ (one under {higher})"
        if k.column == 0
        else f"under {scale} {lower}"
    )
    return f"Certificate of qualification with {words} in all four abilities"


# Caps


def capped(k: CapKey, p: Plan) -> str:
    """Points above a cap, taken away."""
    return f"{k.label} capped at {k.cap}"
