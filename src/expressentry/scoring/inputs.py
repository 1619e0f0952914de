"""The CRS inputs of a candidate that do not depend on the day, packed once.

Scoring a pool reads the same attributes of every candidate on every day. The
kernel (:mod:`expressentry.scoring.kernel`) reads instead one tuple, packed the
first time the candidate is scored and kept in the profile's opaque ``derived``
slot (:func:`packed`), whose small int codes key its memos directly. The models
know nothing of it. Nothing here depends on the day or on the rules: age and
experience years are computed on the day scored, and points come from the rules
in force.

Documents expire (:mod:`expressentry.timelines.validity`). ``expires`` is the first day
one of the documents the CRS reads is no longer valid; from that day the kernel
asks :func:`pack` for the candidate's inputs *on the day*, in which each expired
document earns nothing and has a code of its own (so its lines can say why).

Memo codes
----------

The memos of a plan are keyed by the factor's own input: age and years are whole
numbers, and the inputs below are small ints, laid out here and nowhere else.
The core factors have a memo for each column ("with spouse" or "without",
``CrsInputs.col``), so their codes do not name the column. ``years`` are
whole years of experience on the day, below :data:`YEARS`.

=====================  ===================================================================
memo                   code
=====================  ===================================================================
age                    ``age``
education              ``education_code(e)``
first, second          ``language_code(r)``
language
Canadian experience    ``years``
spouse education       ``education_code(e)`` (-1: none given)
spouse language        ``language_code(r)`` (-1: no result)
spouse experience      ``years``
transferability        ``(transfer * YEARS + canadian years) * YEARS + foreign years``
additional             ``((noc * 4 + study) * FRENCH_CODES + french) * 4 + nomination * 2``
                       ``+ sibling``
=====================  ===================================================================

``transfer`` is ``((tier * LEVELS + lowest) * 2 + french) * 2 + certificate``
(:func:`transfer_parts` reads it back); ``noc`` is the job offer's NOC code plus
one (0: no offer).

Language levels
---------------

:func:`language_levels` is the one place scoring reads the CLB or NCLC levels of
a language result: every code, key and threshold above reads them through it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Final

from attrs import define

from expressentry._hours import Segments
from expressentry._kinds import DEFAULT_CAP, DEFAULT_RULES, canadian_kind, foreign_kind
from expressentry._memo import one_int
from expressentry.enums import CanadianCredential, EducationTier, LanguageTest, OfficialLanguage
from expressentry.experience import segments
from expressentry.timelines.validity import eca_expiry, language_expiry, scored_level

if TYPE_CHECKING:
    from expressentry.models import Candidate, Education, LanguageResult, WorkHistory
    from expressentry.rules import RuleSet

__all__ = [
    "EDUCATION_CODES",
    "EXPIRED_EDUCATION",
    "EXPIRED_LANGUAGE",
    "FRENCH_CODES",
    "LANGUAGE_CODES",
    "LEVELS",
    "NEVER",
    "TIERS",
    "YEARS",
    "CrsInputs",
    "education_code",
    "language_code",
    "language_levels",
    "pack",
    "packed",
    "transfer_parts",
]

_DEFAULT_KINDS = (canadian_kind(DEFAULT_RULES), foreign_kind(DEFAULT_RULES))

_STUDY = {credential: i for i, credential in enumerate(CanadianCredential)}
TIERS: Final = tuple(EducationTier)
LEVELS: Final = 13
"""Language levels 0 to 12 are one digit of a code in base 13."""
YEARS: Final = 256
"""Whole years of experience are below this in every code (a work window is shorter)."""
_FR = OfficialLanguage.FRENCH
_TESTS = {test: i for i, test in enumerate(LanguageTest)}
NEVER: Final = date.max.toordinal() + 1
"""``expires`` of a candidate whose documents never expire (or who has none)."""
EXPIRED_LANGUAGE: Final = LEVELS**4 * 2
"""Codes of valid results (their four levels in base 13, then the language) are
below this; an expired result's code is above it and names the test and the day
its validity started."""
LANGUAGE_CODES: Final = EXPIRED_LANGUAGE + (NEVER * 2 + 2) * 8
"""Every language code (valid or expired) plus one is below this."""
EXPIRED_EDUCATION: Final = 64
"""Codes of education as recognized are below this; an expired ECA's code is above."""
EDUCATION_CODES: Final = EXPIRED_EDUCATION + NEVER * 64
"""Every education code (plus one) is below this."""
FRENCH_CODES: Final = LEVELS * (LEVELS + 1) + 1
"""French codes: 0 for no valid French result, else ``1 + nclc * (LEVELS + 1) + clb + 1``
with the lowest NCLC of the French result and the lowest CLB of a valid English
result (-1: none)."""

_FRENCH_PAIRS: Final = {(f, e): (f, e) for f in range(LEVELS) for e in range(-1, LEVELS)}
"""Every French pair of :attr:`CrsInputs.french` (lowest NCLC, lowest CLB or -1), made once."""


@define(kw_only=True, eq=False)
class CrsInputs:
    """One candidate's day-independent CRS inputs, read by name; codes end in the spouse column.

    ``col`` is 0 for the "with spouse" columns and 1 without: the kernel reads
    the core factors' memos of that column. Slotted: the kernel reads a field as
    fast as a local name. Never changed once packed (not frozen only because a
    frozen class sets each field through ``object.__setattr__``, and a pool packs
    every candidate).
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
    """Education tier, lowest first-language level, its scale (CLB or NCLC) and
    certificate: ``((tier * LEVELS + lowest) * 2 + french) * 2 + certificate``."""
    lowest: int
    """The lowest first-language level of the four abilities (0: no valid result).
    The rules in force say which transferability column it reaches."""
    additional: int
    french: tuple[int, int] | None
    """``None``: no valid French result; else the lowest NCLC of the French result
    and the lowest CLB of a valid English result (-1: none). The rules in force
    say whether they earn French points, and which amount."""
    spouse_education: int
    """The accompanying spouse's education code (-1: none given)."""
    spouse_language: int
    """The accompanying spouse's language code (-1: no result)."""
    history: WorkHistory | None
    segments: tuple[Segments, Segments] | None
    """Canadian and foreign hour segments under today's skilled TEERs and weekly cap."""
    spouse_history: WorkHistory | None
    spouse_segments: tuple[Segments, Segments] | None
    """The spouse's Canadian hour segments, and none abroad: only Canadian work scores."""
    expires: int
    """Ordinal of the first day a document the CRS reads has expired (``NEVER``: none)."""


def language_levels(r: LanguageResult) -> tuple[int, int, int, int]:
    """The CLB or NCLC levels of ``r``: listening, speaking, reading and writing.

    The one place scoring reads a result's levels (the levels of its test's chart
    in force on the test date). Under a reformed chart the kernel scores the
    profile read through :func:`~expressentry.models.results_under`, whose results
    hold the levels of the rule set's chart.
    """
    return r.levels


def _lowest(r: LanguageResult) -> int:
    return min(language_levels(r))


def language_code(
    r: LanguageResult | None, as_of: date | None, rules: RuleSet | None = None
) -> int:
    """The memo code of a result: -1 none, its levels if valid on ``as_of``, else expired.

    A valid result's code is its four levels in base 13, then its language.
    """
    if r is None:
        return -1
    if as_of is None or as_of < language_expiry(r, rules=rules):
        listening, speaking, reading, writing = language_levels(r)
        levels = ((listening * LEVELS + speaking) * LEVELS + reading) * LEVELS + writing
        return levels * 2 + (r.language is OfficialLanguage.FRENCH)
    start = r.valid_from.toordinal() * 2 + (r.result_date is None)
    return EXPIRED_LANGUAGE + start * 8 + _TESTS[r.test]


def education_code(e: Education, as_of: date | None, rules: RuleSet | None = None) -> int:
    """The memo code of an education: level and level scored, or with an expired ECA."""
    recognized = e.scored_level
    code = e.level.rank * 8 + recognized.rank
    if as_of is None:
        return code
    level = scored_level(e, as_of=as_of, rules=rules)
    if level is recognized or e.eca_issued is None:
        return code
    return EXPIRED_EDUCATION + (e.eca_issued.toordinal() * 8 + e.level.rank) * 8 + level.rank


def _french(first: LanguageResult | None, second: LanguageResult | None) -> tuple[int, int] | None:
    if first is None:
        fr, en = second, None
    elif first.language is OfficialLanguage.FRENCH:
        fr, en = first, second
    else:
        fr, en = second, first
    if fr is None or fr.language is not OfficialLanguage.FRENCH:
        return None
    return _lowest(fr), -1 if en is None else _lowest(en)


def _expires(c: Candidate, ws: bool, rules: RuleSet | None) -> int:
    days = [language_expiry(r, rules=rules) for r in c.languages]
    if c.education.needs_eca and c.education.eca_issued is not None:
        days.append(eca_expiry(c.education.eca_issued, rules=rules))
    spouse = c.spouse
    if ws and spouse is not None:
        if spouse.language is not None:
            days.append(language_expiry(spouse.language, rules=rules))
        s_edu = spouse.education
        if s_edu is not None and s_edu.needs_eca and s_edu.eca_issued is not None:
            days.append(eca_expiry(s_edu.eca_issued, rules=rules))
    return min(days).toordinal() if days else NEVER


def _segments(history: WorkHistory) -> tuple[Segments, Segments]:
    return (
        segments(history, _DEFAULT_KINDS[0], DEFAULT_CAP),
        segments(history, _DEFAULT_KINDS[1], DEFAULT_CAP),
    )


def pack(c: Candidate, as_of: date | None = None, rules: RuleSet | None = None) -> CrsInputs:
    """Pack ``c``'s CRS inputs: day-independent, or on ``as_of`` with expired documents.

    With ``as_of``, a document expired that day earns nothing: an expired first
    language is no language for the transferability rows, an expired French or
    English result changes the French points, an expired ECA leaves only what
    a Canadian credential proves.
    """
    spouse = c.spouse
    ws = spouse is not None and spouse.accompanying and not spouse.canadian_citizen_or_pr
    col = 0 if ws else 1
    edu = c.education
    first_result, second_result = c.first_language_result, c.second_language_result
    first_code = language_code(first_result, as_of, rules)
    second_code = language_code(second_result, as_of, rules)
    first = first_result if first_code < EXPIRED_LANGUAGE else None
    second = second_result if second_code < EXPIRED_LANGUAGE else None
    low = 0 if first is None else _lowest(first)
    french = _french(first, second)
    french_code = 0 if french is None else 1 + french[0] * (LEVELS + 1) + french[1] + 1
    offer = c.job_offer
    noc = 0 if offer is None else int(offer.noc) + 1
    additional = (
        ((noc * 4 + _STUDY[edu.canadian_credential]) * FRENCH_CODES + french_code) * 2
        + c.provincial_nomination
    ) * 2 + c.sibling_in_canada
    spouse_education = spouse_language = -1
    spouse_history = spouse_segments = None
    if ws and spouse is not None:
        s_edu = spouse.education
        spouse_education = -1 if s_edu is None else education_code(s_edu, as_of, rules)
        spouse_language = language_code(spouse.language, as_of, rules)
        if spouse.work_history.periods:
            spouse_history = spouse.work_history
            # Only the spouse's Canadian work scores: no foreign hours to count.
            spouse_segments = (segments(spouse_history, _DEFAULT_KINDS[0], DEFAULT_CAP), ())
    level = edu.scored_level if as_of is None else scored_level(edu, as_of=as_of, rules=rules)
    tier = TIERS.index(EducationTier.of(level))
    latest = c.latest_document
    born = c.date_of_birth
    # Every code a shared int, the French pair a shared pair: a pool's profiles
    # take a few thousand values, and an int of its own costs 28 bytes a profile.
    return CrsInputs(
        birth_year=one_int(born.year),
        birthday=one_int(born.month * 100 + born.day),
        with_spouse=ws,
        col=col,
        latest=one_int((born if latest is None or latest < born else latest).toordinal()),
        education=one_int(education_code(edu, as_of, rules)),
        first_language=one_int(first_code),
        second_language=None if second_result is None else one_int(second_code),
        transfer=one_int(
            ((tier * LEVELS + low) * 2 + (first is not None and first.language is _FR)) * 2
            + c.certificate_of_qualification
        ),
        lowest=low,
        additional=one_int(additional),
        french=None if french is None else _FRENCH_PAIRS.get(french, french),
        spouse_education=one_int(spouse_education),
        spouse_language=one_int(spouse_language),
        history=c.work_history if c.work_history.periods else None,
        segments=_segments(c.work_history) if c.work_history.periods else None,
        spouse_history=spouse_history,
        spouse_segments=spouse_segments,
        expires=one_int(_expires(c, ws, rules)),
    )


def packed(c: Candidate) -> CrsInputs:
    """``c``'s day-independent inputs, packed on first use and kept in ``c.derived``.

    The kernel reads ``c.derived`` itself and calls this only when it is empty.
    """
    inputs = c.derived
    if type(inputs) is CrsInputs:
        return inputs
    inputs = pack(c)
    object.__setattr__(c, "derived", inputs)  # a frozen profile's cache slot
    return inputs


def transfer_parts(transfer: int) -> tuple[EducationTier, bool, bool]:
    """The education tier, whether the first language is French, and the certificate.

    >>> transfer_parts(((2 * LEVELS + 9) * 2 + 1) * 2 + 0)
    (<EducationTier.TWO_OR_MORE_OR_GRADUATE: 'two_or_more_or_graduate'>, True, False)
    """
    return TIERS[transfer // (LEVELS * 4)], bool(transfer >> 1 & 1), bool(transfer & 1)
