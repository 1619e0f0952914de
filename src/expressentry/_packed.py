"""The CRS inputs of a candidate that do not depend on the day, packed once.

Scoring a pool reads the same attributes of every candidate on every day. The
kernel (:mod:`expressentry.crs`) reads instead one tuple, built when the
candidate is, whose small int codes key its memos directly. Nothing here depends
on the day or on the rules: age and experience years are computed on the day
scored, and points come from the rules in force.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from expressentry.enums import CanadianCredential, EducationTier, OfficialLanguage
from expressentry.rules.crs_additional import FRENCH_ENGLISH_MIN_CLB, FRENCH_MIN_NCLC

if TYPE_CHECKING:
    from expressentry.models import Candidate, WorkHistory

__all__ = ["CrsInputs", "pack"]

_STUDY = {credential: i for i, credential in enumerate(CanadianCredential)}
_TIERS = tuple(EducationTier)


class CrsInputs(NamedTuple):
    """One candidate's day-independent CRS inputs; codes end in the spouse column.

    ``col`` is 0 for the "with spouse" columns and 1 without; every memo code
    of a core factor is ``inputs_code * 2 + col``.
    """

    birth_year: int
    birthday: int
    """Month and day of birth as ``month * 100 + day``, to count completed years."""
    with_spouse: bool
    col: int
    latest: int
    """Ordinal of the latest of the birth date and every document date."""
    education: int
    first_language: int
    second_language: int | None
    transfer: int
    """Education tier, first-language bucket and certificate, before the experience years."""
    bucket: int
    """The lowest first-language CLB, as the transferability rows read it (0, 5, 7 or 9)."""
    additional: int
    french: bool | None
    """French points: ``None`` none; else whether English is at CLB 5+ in all four."""
    spouse_education: int
    """The accompanying spouse's education code (-1: none given)."""
    spouse_language: int
    """The accompanying spouse's language code (-1: no result)."""
    history: WorkHistory | None
    spouse_history: WorkHistory | None


def _french(c: Candidate) -> bool | None:
    first, second = c._first, c._second
    if first is None:
        return None
    fr = first if first._language is OfficialLanguage.FRENCH else second
    if fr is None or fr._language is not OfficialLanguage.FRENCH or fr._lowest < FRENCH_MIN_NCLC:
        return None
    en = second if fr is first else first
    return en is not None and en._lowest >= FRENCH_ENGLISH_MIN_CLB


def pack(c: Candidate) -> CrsInputs:
    """Pack ``c``'s day-independent CRS inputs."""
    spouse = c.spouse
    ws = spouse is not None and spouse.accompanying and not spouse.canadian_citizen_or_pr
    col = 0 if ws else 1
    edu = c.education
    first, second = c._first, c._second
    low = 0 if first is None else first._lowest
    bucket = 9 if low >= 9 else 7 if low >= 7 else 5 if low >= 5 else 0
    french = _french(c)
    offer = c.job_offer
    noc = 0 if offer is None else int(offer.noc) + 1
    additional = (
        (((noc * 4 + _STUDY[edu.canadian_credential]) * 3) + (0 if french is None else 1 + french))
        * 2
        + c.provincial_nomination
    ) * 2 + c.sibling_in_canada
    spouse_education = spouse_language = -1
    spouse_history = None
    if ws and spouse is not None:
        s_edu, s_lang = spouse.education, spouse.language
        spouse_education = -1 if s_edu is None else s_edu._code
        spouse_language = -1 if s_lang is None else s_lang._code
        spouse_history = spouse.work_history if spouse.work_history.periods else None
    tier = _TIERS.index(EducationTier.of(edu._scored_level))
    latest = c._latest_document
    born = c.date_of_birth
    return CrsInputs(
        birth_year=born.year,
        birthday=born.month * 100 + born.day,
        with_spouse=ws,
        col=col,
        latest=(born if latest is None or latest < born else latest).toordinal(),
        education=edu._code * 2 + col,
        first_language=(-1 if first is None else first._code) * 2 + col,
        second_language=None if second is None else second._code * 2 + col,
        transfer=((tier * 10 + bucket) * 2 + c.certificate_of_qualification),
        bucket=bucket,
        additional=additional,
        french=french,
        spouse_education=spouse_education,
        spouse_language=spouse_language,
        history=c.work_history if c.work_history.periods else None,
        spouse_history=spouse_history,
    )
