"""The typed inputs that decide each factor group and each explained line.

A group's key holds what its points depend on; a line's key holds what its
reason says, so equal keys give equal lines and a plan shares them between
candidates. Keys are built only when a memo misses: the kernel looks memos up
by int codes (:mod:`~expressentry.scoring.inputs`), never by keys.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from expressentry.enums import (
    Ability,
    CanadianCredential,
    EducationLevel,
    EducationTier,
    LanguageTest,
)
from expressentry.explain import RuleRef
from expressentry.i18n import Message
from expressentry.rules.programs import ECA_VALID_YEARS
from expressentry.scoring.inputs import language_levels, transfer_parts
from expressentry.timelines.validity import (
    eca_expiry,
    language_expiry,
    period_ref,
    rule_message,
    scored_level,
)

if TYPE_CHECKING:
    from expressentry.models import Candidate, Education, LanguageResult
    from expressentry.rules import RuleSet

__all__ = [
    "AbilityKey",
    "AdditionalKey",
    "AgeKey",
    "CapKey",
    "CertificateKey",
    "EducationCanadianKey",
    "EducationKey",
    "EducationLanguageKey",
    "ExperienceKey",
    "ExpiredEca",
    "ExpiredResult",
    "ForeignCanadianKey",
    "ForeignLanguageKey",
    "FrenchKey",
    "JobOfferKey",
    "LanguageKey",
    "SecondCapKey",
    "StudyKey",
    "TransferKey",
    "additional_key",
    "education_key",
    "french_key",
    "result_key",
    "spouse_education_key",
    "spouse_result_key",
    "transfer_key",
]

_NO_LEVELS = (0, 0, 0, 0)


class AgeKey(NamedTuple):
    """Age on the day scored, the column, and the day (its line names it)."""

    age: int
    with_spouse: bool
    on: date


class EducationKey(NamedTuple):
    """An education on the day scored; its line says why it earns what it earns."""

    level: EducationLevel
    scored: EducationLevel
    """The level that earns points on the day."""
    eca_expired: ExpiredEca | None
    """An ECA expired on the day (``None``: valid or not needed)."""
    with_spouse: bool | None
    """The column; ``None`` for the spouse's education, which has one."""


class ExpiredEca(NamedTuple):
    """An ECA expired on the day scored, under the validity period in force (its line quotes it)."""

    issued: date
    expired_on: date
    """The first day it was no longer valid."""
    words: Message
    """The period that applies to it, in words (``"valid 5 years"``)."""
    rule: RuleRef
    """The period's entry, which its line cites."""


class ExpiredResult(NamedTuple):
    """A language result expired on the day scored: its line says since when."""

    test: LanguageTest
    valid_from: date
    from_test_date: bool
    """No result date was given, so validity is counted from the test date."""


class LanguageKey(NamedTuple):
    """A language result on the day scored (no result: level 0 in every ability)."""

    levels: tuple[int, int, int, int]
    """Listening, speaking, reading and writing; 0 for an expired result."""
    scale: str
    """``"CLB"`` or ``"NCLC"``."""
    expired: ExpiredResult | None
    with_spouse: bool


class AbilityKey(NamedTuple):
    """One ability's level, for its line."""

    ability: Ability
    level: int
    scale: str
    with_spouse: bool | None
    """The column; ``None`` where the points do not depend on it."""


class SecondCapKey(NamedTuple):
    """The second language's points above its cap."""

    cap: int
    raw: int
    with_spouse: bool


class ExperienceKey(NamedTuple):
    """Whole years of Canadian work on the day scored, and the window they are counted in."""

    years: int
    with_spouse: bool | None
    """The column; ``None`` for the spouse's experience, which has one."""
    window: int
    """The years of the window in force (its line quotes them)."""


class TransferKey(NamedTuple):
    """What the skill transferability rows read."""

    tier: EducationTier
    lowest: int
    """The lowest first-language level of the four abilities (0: no valid result)."""
    scale: str
    certificate: bool
    canadian_years: int
    foreign_years: int


class EducationLanguageKey(NamedTuple):
    """Education and language: the tier and the language column reached (-1: none)."""

    tier: EducationTier
    column: int
    scale: str


class EducationCanadianKey(NamedTuple):
    """Education and Canadian work."""

    tier: EducationTier
    canadian_years: int


class ForeignLanguageKey(NamedTuple):
    """Foreign work and language: the years and the language column reached (-1: none)."""

    foreign_years: int
    column: int
    scale: str


class ForeignCanadianKey(NamedTuple):
    """Foreign and Canadian work."""

    foreign_years: int
    canadian_years: int


class CertificateKey(NamedTuple):
    """Certificate of qualification: the language column reached (-1: none)."""

    column: int
    scale: str


class CapKey(NamedTuple):
    """Points above a cap: what is capped, the cap and the points before it."""

    label: Message
    cap: int
    raw: int


class AdditionalKey(NamedTuple):
    """What the additional points read."""

    nomination: bool
    noc: str | None
    """The job offer's NOC code (``None``: no offer)."""
    study: CanadianCredential
    french: tuple[int, int] | None
    """The lowest NCLC of a valid French result and the lowest CLB of a valid
    English result (-1: none); ``None``: no valid French result."""
    sibling: bool


class JobOfferKey(NamedTuple):
    """A job offer's NOC code and whether its TEER is skilled under the rules."""

    noc: str
    skilled: bool


class StudyKey(NamedTuple):
    """The Canadian credential."""

    credential: CanadianCredential


class FrenchKey(NamedTuple):
    """Whether English reaches the higher French amount's level, and the levels in force."""

    english: bool
    levels: tuple[int, int]
    """The French NCLC and the English CLB of the higher amount (the rule in force)."""


def result_key(
    r: LanguageResult | None, day: date, with_spouse: bool, rules: RuleSet | None = None
) -> LanguageKey:
    """A result's levels on ``day``, the scale they are in, and why they are void."""
    if r is None:
        return LanguageKey(_NO_LEVELS, "CLB", None, with_spouse)
    scale = r.language.scale
    if day < language_expiry(r, rules=rules):
        return LanguageKey(language_levels(r), scale, None, with_spouse)
    expired = ExpiredResult(r.test, r.valid_from, r.result_date is None)
    return LanguageKey(_NO_LEVELS, scale, expired, with_spouse)


def spouse_result_key(c: Candidate, day: date, rules: RuleSet | None = None) -> LanguageKey:
    """The spouse's result on ``day`` (level 0 in every ability for none)."""
    return result_key(None if c.spouse is None else c.spouse.language, day, True, rules)


def education_key(
    e: Education, day: date, with_spouse: bool | None, rules: RuleSet | None = None
) -> EducationKey:
    """The level, the level scored on ``day`` and the ECA's issue day if it has expired."""
    scored = scored_level(e, as_of=day, rules=rules)
    issued = e.eca_issued
    if scored is e.scored_level or issued is None:
        return EducationKey(e.level, scored, None, with_spouse)
    expired = ExpiredEca(
        issued,
        eca_expiry(issued, rules=rules),
        rule_message(ECA_VALID_YEARS, issued, rules=rules),
        period_ref(ECA_VALID_YEARS, issued, rules=rules),
    )
    return EducationKey(e.level, scored, expired, with_spouse)


def spouse_education_key(
    c: Candidate, day: date, rules: RuleSet | None = None
) -> EducationKey | None:
    """The spouse's education on ``day`` (``None``: not given)."""
    spouse = c.spouse
    education = None if spouse is None else spouse.education
    return None if education is None else education_key(education, day, None, rules)


def transfer_key(
    transfer: int, lowest: int, canadian_years: int, foreign_years: int
) -> TransferKey:
    """The transferability key of a packed ``transfer`` code and the years on the day."""
    tier, french, certificate = transfer_parts(transfer)
    scale = "NCLC" if french else "CLB"
    return TransferKey(tier, lowest, scale, certificate, canadian_years, foreign_years)


def french_key(french: tuple[int, int] | None, levels: tuple[int, int]) -> FrenchKey | None:
    """The French points' key of the lowest NCLC and CLB ``french`` under ``levels``.

    ``None``: no valid French result, or French below the level in force.
    """
    if french is None or french[0] < levels[0]:
        return None
    return FrenchKey(french[1] >= levels[1], levels)


def additional_key(c: Candidate, french: tuple[int, int] | None) -> AdditionalKey:
    """The additional factors of ``c``, with its French levels on the day."""
    offer = c.job_offer
    return AdditionalKey(
        c.provincial_nomination,
        None if offer is None else offer.noc,
        c.education.canadian_credential,
        french,
        c.sibling_in_canada,
    )
