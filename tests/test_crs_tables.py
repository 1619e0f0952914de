"""Every row of every CRS table, through the public ``score``, against the notes.

Expected values are copied by hand from IRCC's "Comprehensive Ranking System (CRS)
criteria" (https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/check-score/crs-criteria.html)
and the dated Ministerial Instructions respecting the Express Entry system
(https://www.canada.ca/en/immigration-refugees-citizenship/corporate/mandate/policies-operational-instructions-agreements/ministerial-instructions/express-entry-application-management-system.html),
read 2026-11-22, never read from the code.

Kind: table check (every row, through ``score``), with the caps and both sides of
every dated change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from expressentry import (
    CanadianCredential,
    Candidate,
    CrsBreakdown,
    Education,
    EducationLevel,
    JobOffer,
    LanguageResult,
    LanguageTest,
    MaritalStatus,
    OfficialLanguage,
    RulesNotInForceError,
    Spouse,
    WorkHistory,
    rules_for,
    score,
)
from tests import builders
from tests.builders import group, points_or_0, transfer_group
from tests.test_language_tables import (
    TEF_2019_10_01_TO_2023_12_10,
    TEF_BEFORE_2019_10_01,
    TEF_FROM_2023_12_11,
    RangeRow,
)

E = EducationLevel
AS_OF = date(2026, 11, 22)
DATED_BEFORE = timedelta(days=30)
"""Language tests and ECAs are dated this long before the day scored, so they are
valid on it (2 and 5 years) whatever the ``as_of``."""
ABILITIES = ("listening", "speaking", "reading", "writing")


def dated(as_of: date) -> date:
    """The day a language test is taken or an ECA issued, for a profile scored on ``as_of``."""
    return as_of - DATED_BEFORE


# --- Builders ------------------------------------------------------------------------
#
# A language result is a spec (``Celpip``, ``Tef``) that ``candidate`` and ``partner``
# date shortly before the day scored: ``spec.on(as_of)`` is the LanguageResult.


@dataclass(frozen=True)
class Celpip:
    """CELPIP-General scores: the level is the CLB for 4-9; 10-12 are CLB 10; under 4 is 0."""

    listening: int
    speaking: int
    reading: int
    writing: int

    def on(self, as_of: date) -> LanguageResult:
        return builders.celpip(
            dated(as_of), self.listening, self.speaking, self.reading, self.writing
        )


def celpip(listening: int, speaking: int, reading: int, writing: int) -> Celpip:
    return Celpip(listening, speaking, reading, writing)


def clb(level: int) -> Celpip:
    """English at one CELPIP level in all four abilities."""
    return celpip(level, level, level, level)


Scores = tuple[float, float, float, float]
"""(reading, writing, listening, speaking): the column order of the charts."""


def _lowest(rows: tuple[RangeRow, ...]) -> dict[int, Scores]:
    """The lowest score of each NCLC row of a chart (test_language_tables' copy of IRCC's)."""
    return {level: (r[0], w[0], li[0], s[0]) for level, r, w, li, s in rows}


# TEF Canada: the lowest score of each NCLC row of the chart in force on the test day
# (notes, section 6: (c) before 2019-10-01, (b) to 2023-12-10, (a) from 2023-12-11).
TEF_LOW: tuple[tuple[date, dict[int, Scores]], ...] = (
    (date(2023, 12, 11), _lowest(TEF_FROM_2023_12_11)),
    (
        date(2019, 10, 1),
        {level: (rng[0],) * 4 for level, rng in TEF_2019_10_01_TO_2023_12_10},
    ),
    (date.min, _lowest(TEF_BEFORE_2019_10_01)),
)


def tef_low(level: int, taken: date) -> Scores:
    """The lowest TEF Canada scores of NCLC ``level`` on the chart of ``taken``; 0 is below."""
    if level == 0:
        return (0, 0, 0, 0)
    chart = next(rows for start, rows in TEF_LOW if taken >= start)
    return chart[level]


@dataclass(frozen=True)
class Tef:
    """French (TEF Canada) at NCLC ``level`` in all four abilities, writing at ``writing``."""

    level: int
    writing: int

    def on(self, as_of: date) -> LanguageResult:
        taken = dated(as_of)
        reading, _, listening, speaking = tef_low(self.level, taken)
        return LanguageResult(
            test=LanguageTest.TEF_CANADA,
            test_date=taken,
            listening=listening,
            speaking=speaking,
            reading=reading,
            writing=tef_low(self.writing, taken)[1],
        )


def nclc(level: int, *, one_ability_at: int | None = None) -> Tef:
    """French at NCLC ``level`` in all four abilities; ``one_ability_at`` puts writing
    at another level."""
    return Tef(level, level if one_ability_at is None else one_ability_at)


Lang = Celpip | Tef


def born(age: int, as_of: date) -> date:
    """A birthday giving ``age`` completed years on ``as_of`` (never a Feb 29 here)."""
    return as_of.replace(year=as_of.year - age)


def candidate(
    *,
    as_of: date = AS_OF,
    age: int = 50,
    level: EducationLevel = E.LESS_THAN_SECONDARY,
    eca: bool = True,
    canadian_credential: CanadianCredential = CanadianCredential.NONE,
    spouse: Spouse | None = None,
    languages: tuple[Lang, ...] = (),
    first: OfficialLanguage | None = None,
    canadian: int = 0,
    foreign: int = 0,
    certificate: bool = False,
    nomination: bool = False,
    job_offer: str | None = None,
    sibling: bool = False,
) -> Candidate:
    """A minimal profile: by default age 50, no education, no test, no work (0 points).

    Its language results and ECA are dated shortly before ``as_of`` (valid on it).
    """
    return Candidate(
        date_of_birth=born(age, as_of),
        education=Education(
            level=level,
            canadian_credential=canadian_credential,
            eca_issued=dated(as_of) if eca and level is not E.LESS_THAN_SECONDARY else None,
        ),
        marital_status=MaritalStatus.NEVER_MARRIED if spouse is None else MaritalStatus.MARRIED,
        spouse=spouse,
        languages=tuple(spec.on(as_of) for spec in languages),
        first_official_language=first,
        work_history=WorkHistory.from_years(as_of=as_of, canadian=canadian, foreign=foreign),
        certificate_of_qualification=certificate,
        provincial_nomination=nomination,
        job_offer=None if job_offer is None else JobOffer(noc=job_offer),
        sibling_in_canada=sibling,
    )


def partner(
    *,
    level: EducationLevel | None = None,
    eca: bool = True,
    language: Lang | None = None,
    canadian: int = 0,
    accompanying: bool = True,
    citizen_or_pr: bool = False,
    as_of: date = AS_OF,
) -> Spouse:
    """A spouse scored on ``as_of``: its language result and ECA are dated shortly before."""
    return Spouse(
        accompanying=accompanying,
        canadian_citizen_or_pr=citizen_or_pr,
        education=None
        if level is None
        else Education(level=level, eca_issued=dated(as_of) if eca else None),
        language=None if language is None else language.on(as_of),
        work_history=WorkHistory.from_years(as_of=as_of, canadian=canadian),
    )


WITH_SPOUSE = partner()


def run(c: Candidate, as_of: date = AS_OF) -> CrsBreakdown:
    return score(c, as_of=as_of)


def points(b: CrsBreakdown, factor: str) -> int:
    """Points of the one line named ``factor`` (the line must exist)."""
    found = [line.points for line in b.lines if line.factor == factor]
    assert len(found) == 1, f"{factor}: {len(found)} lines in {[ln.factor for ln in b.lines]}"
    return found[0]


def has(b: CrsBreakdown, factor: str) -> bool:
    return any(line.factor == factor for line in b.lines)


# --- A. Core: age ------------------------------------------------------------------

AGE_TABLE: dict[int, tuple[int, int]] = {
    # age: (with spouse, without)
    17: (0, 0),
    18: (90, 99),
    19: (95, 105),
    **dict.fromkeys(range(20, 30), (100, 110)),
    30: (95, 105),
    31: (90, 99),
    32: (85, 94),
    33: (80, 88),
    34: (75, 83),
    35: (70, 77),
    36: (65, 72),
    37: (60, 66),
    38: (55, 61),
    39: (50, 55),
    40: (45, 50),
    41: (35, 39),
    42: (25, 28),
    43: (15, 17),
    44: (5, 6),
    45: (0, 0),
    46: (0, 0),
}


@pytest.mark.parametrize("age", range(17, 47))
@pytest.mark.parametrize("with_spouse", [True, False], ids=["with", "without"])
def test_age(age: int, with_spouse: bool) -> None:
    b = run(candidate(age=age, spouse=WITH_SPOUSE if with_spouse else None))
    assert b.with_spouse is with_spouse
    assert points(b, "age") == AGE_TABLE[age][0 if with_spouse else 1]


def test_age_16_scores_0() -> None:
    assert points(run(candidate(age=16)), "age") == 0


# --- A. Core: education ------------------------------------------------------------

EDUCATION_TABLE: dict[EducationLevel, tuple[int, int]] = {
    E.LESS_THAN_SECONDARY: (0, 0),
    E.SECONDARY: (28, 30),
    E.ONE_YEAR: (84, 90),
    E.TWO_YEAR: (91, 98),
    E.BACHELORS: (112, 120),
    E.TWO_OR_MORE: (119, 128),
    E.MASTERS: (126, 135),
    E.DOCTORAL: (140, 150),
}


@pytest.mark.parametrize("level", list(E))
@pytest.mark.parametrize("with_spouse", [True, False], ids=["with", "without"])
def test_education(level: EducationLevel, with_spouse: bool) -> None:
    b = run(candidate(level=level, spouse=WITH_SPOUSE if with_spouse else None))
    assert points(b, "education") == EDUCATION_TABLE[level][0 if with_spouse else 1]


@pytest.mark.parametrize("level", [lv for lv in E if lv is not E.LESS_THAN_SECONDARY])
def test_foreign_education_without_eca_scores_0(level: EducationLevel) -> None:
    b = run(candidate(level=level, eca=False))
    assert points(b, "education") == 0


@pytest.mark.parametrize(
    ("level", "credential", "expected"),
    [
        pytest.param(E.TWO_YEAR, CanadianCredential.ONE_OR_TWO_YEAR, 98, id="two-year"),
        pytest.param(E.DOCTORAL, CanadianCredential.THREE_YEAR_OR_MORE, 150, id="doctoral"),
    ],
)
def test_canadian_education_needs_no_eca(
    level: EducationLevel, credential: CanadianCredential, expected: int
) -> None:
    b = run(candidate(level=level, eca=False, canadian_credential=credential))
    assert points(b, "education") == expected


# --- A. Core: first official language ----------------------------------------------

FIRST_LANGUAGE_TABLE: dict[int, tuple[int, int]] = {
    # CELPIP score (= CLB 4-9, 10-12 = CLB 10): (with, without) per ability
    0: (0, 0),
    1: (0, 0),
    2: (0, 0),
    3: (0, 0),
    4: (6, 6),
    5: (6, 6),
    6: (8, 9),
    7: (16, 17),
    8: (22, 23),
    9: (29, 31),
    10: (32, 34),
    11: (32, 34),
    12: (32, 34),
}


@pytest.mark.parametrize("level", range(13))
@pytest.mark.parametrize("with_spouse", [True, False], ids=["with", "without"])
def test_first_language(level: int, with_spouse: bool) -> None:
    b = run(candidate(languages=(clb(level),), spouse=WITH_SPOUSE if with_spouse else None))
    expected = FIRST_LANGUAGE_TABLE[level][0 if with_spouse else 1]
    for ability in ABILITIES:
        assert points(b, f"first_language.{ability}") == expected


def test_first_language_maximum_is_128_with_spouse_and_136_without() -> None:
    assert group(run(candidate(languages=(clb(10),), spouse=WITH_SPOUSE)), "first_language.") == 128
    assert group(run(candidate(languages=(clb(10),))), "first_language.") == 136


def test_first_language_scores_each_ability_separately() -> None:
    b = run(candidate(languages=(celpip(10, 9, 8, 7),)))
    assert [points(b, f"first_language.{a}") for a in ABILITIES] == [34, 31, 23, 17]


# --- A. Core: second official language ---------------------------------------------

SECOND_LANGUAGE_TABLE: dict[int, int] = {0: 0, 4: 0, 5: 1, 6: 1, 7: 3, 8: 3, 9: 6, 10: 6}


@pytest.mark.parametrize("level", sorted(SECOND_LANGUAGE_TABLE))
def test_second_language_per_ability(level: int) -> None:
    b = run(candidate(languages=(clb(10), nclc(level)), first=OfficialLanguage.ENGLISH))
    for ability in ABILITIES:
        assert points(b, f"second_language.{ability}") == SECOND_LANGUAGE_TABLE[level]
    assert not has(b, "second_language_cap")


@pytest.mark.parametrize("level", sorted(SECOND_LANGUAGE_TABLE))
def test_second_language_english_after_french(level: int) -> None:
    b = run(candidate(languages=(nclc(10), clb(level)), first=OfficialLanguage.FRENCH))
    for ability in ABILITIES:
        assert points(b, f"second_language.{ability}") == SECOND_LANGUAGE_TABLE[level]


def test_second_language_caps_at_24_without_spouse() -> None:
    b = run(candidate(languages=(clb(10), nclc(9)), first=OfficialLanguage.ENGLISH))
    assert group(b, "second_language") == 24
    assert not has(b, "second_language_cap")


def test_second_language_caps_at_22_with_spouse() -> None:
    b = run(
        candidate(languages=(clb(10), nclc(9)), first=OfficialLanguage.ENGLISH, spouse=WITH_SPOUSE)
    )
    assert sum(points(b, f"second_language.{a}") for a in ABILITIES) == 24
    assert points(b, "second_language_cap") == -2
    assert group(b, "second_language") == 22


def test_second_language_under_the_cap_with_spouse_is_not_capped() -> None:
    # NCLC 9, 9, 9 and 7 (writing): 6 + 6 + 6 + 3 = 21 <= 22
    b = run(
        candidate(
            languages=(clb(10), nclc(9, one_ability_at=7)),
            first=OfficialLanguage.ENGLISH,
            spouse=WITH_SPOUSE,
        )
    )
    assert group(b, "second_language") == 21
    assert not has(b, "second_language_cap")


# --- A. Core: Canadian work experience ---------------------------------------------

CANADIAN_TABLE: dict[int, tuple[int, int]] = {
    0: (0, 0),
    1: (35, 40),
    2: (46, 53),
    3: (56, 64),
    4: (63, 72),
    5: (70, 80),
    6: (70, 80),
}


@pytest.mark.parametrize("years", range(7))
@pytest.mark.parametrize("with_spouse", [True, False], ids=["with", "without"])
def test_canadian_experience(years: int, with_spouse: bool) -> None:
    b = run(candidate(canadian=years, spouse=WITH_SPOUSE if with_spouse else None))
    assert points(b, "canadian_experience") == CANADIAN_TABLE[years][0 if with_spouse else 1]


# --- B. Spouse factors -----------------------------------------------------------

SPOUSE_EDUCATION_TABLE: dict[EducationLevel, int] = {
    E.LESS_THAN_SECONDARY: 0,
    E.SECONDARY: 2,
    E.ONE_YEAR: 6,
    E.TWO_YEAR: 7,
    E.BACHELORS: 8,
    E.TWO_OR_MORE: 9,
    E.MASTERS: 10,
    E.DOCTORAL: 10,
}


@pytest.mark.parametrize("level", list(E))
def test_spouse_education(level: EducationLevel) -> None:
    b = run(candidate(spouse=partner(level=level)))
    assert points(b, "spouse.education") == SPOUSE_EDUCATION_TABLE[level]


def test_spouse_foreign_education_without_eca_scores_0() -> None:
    b = run(candidate(spouse=partner(level=E.MASTERS, eca=False)))
    assert points(b, "spouse.education") == 0


SPOUSE_LANGUAGE_TABLE: dict[int, int] = {
    # CELPIP score: points per ability ("CLB 4 or less: 0")
    0: 0,
    3: 0,
    4: 0,
    5: 1,
    6: 1,
    7: 3,
    8: 3,
    9: 5,
    10: 5,
    12: 5,
}


@pytest.mark.parametrize("level", sorted(SPOUSE_LANGUAGE_TABLE))
def test_spouse_language(level: int) -> None:
    b = run(candidate(spouse=partner(language=clb(level))))
    for ability in ABILITIES:
        assert points(b, f"spouse.first_language.{ability}") == SPOUSE_LANGUAGE_TABLE[level]


def test_spouse_language_maximum_is_20() -> None:
    assert group(run(candidate(spouse=partner(language=clb(10)))), "spouse.first_language.") == 20


SPOUSE_CANADIAN_TABLE: dict[int, int] = {0: 0, 1: 5, 2: 7, 3: 8, 4: 9, 5: 10, 6: 10}


@pytest.mark.parametrize("years", range(7))
def test_spouse_canadian_experience(years: int) -> None:
    b = run(candidate(spouse=partner(canadian=years)))
    assert points(b, "spouse.canadian_experience") == SPOUSE_CANADIAN_TABLE[years]


def test_spouse_section_maximum_is_40() -> None:
    b = run(candidate(spouse=partner(level=E.DOCTORAL, language=clb(10), canadian=5)))
    assert b.spouse == 40


@pytest.mark.parametrize(
    "spouse",
    [
        pytest.param(partner(accompanying=False, level=E.DOCTORAL, canadian=5), id="not-coming"),
        pytest.param(partner(citizen_or_pr=True, level=E.DOCTORAL, canadian=5), id="citizen-pr"),
        pytest.param(partner(accompanying=False, citizen_or_pr=True, level=E.DOCTORAL), id="both"),
    ],
)
def test_spouse_who_is_not_scored_makes_the_candidate_single(spouse: Spouse) -> None:
    b = run(candidate(age=25, level=E.BACHELORS, canadian=1, languages=(clb(9),), spouse=spouse))
    assert b.with_spouse is False
    assert not any(line.factor.startswith("spouse.") for line in b.lines)
    assert b.spouse == 0
    assert points(b, "age") == 110
    assert points(b, "education") == 120
    assert points(b, "first_language.listening") == 31
    assert points(b, "canadian_experience") == 40


# --- C. Skill transferability ------------------------------------------------------

# Education x first language (CLB 7+ with one under 9, CLB 9+) and education x
# Canadian work (1 year, 2+ years), by the notes' three education tiers.
EDUCATION_TRANSFER: dict[EducationLevel, tuple[int, int]] = {
    E.LESS_THAN_SECONDARY: (0, 0),
    E.SECONDARY: (0, 0),
    E.ONE_YEAR: (13, 25),
    E.TWO_YEAR: (13, 25),
    E.BACHELORS: (13, 25),
    E.TWO_OR_MORE: (25, 50),
    E.MASTERS: (25, 50),
    E.DOCTORAL: (25, 50),
}

# (label, first-language result, column: None = below CLB 7 somewhere, 0 = CLB 7+, 1 = CLB 9+)
LANGUAGE_BUCKETS: tuple[tuple[str, Lang, int | None], ...] = (
    ("clb6", clb(6), None),
    ("clb9-but-one-6", celpip(9, 9, 9, 6), None),
    ("clb7", clb(7), 0),
    ("clb8", clb(8), 0),
    ("clb9-but-one-8", celpip(9, 9, 8, 9), 0),
    ("clb10-but-one-7", celpip(10, 7, 10, 10), 0),
    ("clb9", clb(9), 1),
    ("clb10", clb(10), 1),
    ("clb9-and-10", celpip(9, 10, 12, 9), 1),
)


@pytest.mark.parametrize("level", list(E))
@pytest.mark.parametrize(
    ("language", "column"),
    [pytest.param(lang, col, id=label) for label, lang, col in LANGUAGE_BUCKETS],
)
def test_education_with_language(level: EducationLevel, language: Lang, column: int | None) -> None:
    b = run(candidate(level=level, languages=(language,)))
    expected = 0 if column is None else EDUCATION_TRANSFER[level][column]
    assert points(b, "transferability.education_language") == expected


@pytest.mark.parametrize("level", list(E))
@pytest.mark.parametrize(
    ("years", "column"),
    [(0, None), (1, 0), (2, 1), (3, 1), (5, 1)],
    ids=["0y", "1y", "2y", "3y", "5y"],
)
def test_education_with_canadian_experience(
    level: EducationLevel, years: int, column: int | None
) -> None:
    b = run(candidate(level=level, canadian=years, languages=(clb(6),)))
    expected = 0 if column is None else EDUCATION_TRANSFER[level][column]
    assert points(b, "transferability.education_experience") == expected
    assert points(b, "transferability.education_language") == 0


def test_transferability_uses_the_first_language_only() -> None:
    b = run(
        candidate(level=E.MASTERS, languages=(clb(6), nclc(10)), first=OfficialLanguage.ENGLISH)
    )
    assert points(b, "transferability.education_language") == 0
    b = run(candidate(level=E.MASTERS, languages=(clb(6), nclc(10)), first=OfficialLanguage.FRENCH))
    assert points(b, "transferability.education_language") == 50


def test_foreign_education_without_eca_earns_no_transferability() -> None:
    b = run(candidate(level=E.MASTERS, eca=False, languages=(clb(10),), canadian=2))
    assert points(b, "transferability.education_language") == 0
    assert points(b, "transferability.education_experience") == 0


FOREIGN_TRANSFER: dict[int, tuple[int, int]] = {
    # foreign years: (with CLB 7+ / with 1 yr Canadian, with CLB 9+ / with 2+ yrs Canadian)
    0: (0, 0),
    1: (13, 25),
    2: (13, 25),
    3: (25, 50),
    4: (25, 50),
}


@pytest.mark.parametrize("foreign", range(5))
@pytest.mark.parametrize(
    ("language", "column"),
    [pytest.param(lang, col, id=label) for label, lang, col in LANGUAGE_BUCKETS],
)
def test_foreign_experience_with_language(foreign: int, language: Lang, column: int | None) -> None:
    b = run(candidate(foreign=foreign, languages=(language,)))
    expected = 0 if column is None else FOREIGN_TRANSFER[foreign][column]
    assert points(b, "transferability.foreign_language") == expected


@pytest.mark.parametrize("foreign", range(5))
@pytest.mark.parametrize(
    ("canadian", "column"), [(0, None), (1, 0), (2, 1), (4, 1)], ids=["0y", "1y", "2y", "4y"]
)
def test_foreign_experience_with_canadian_experience(
    foreign: int, canadian: int, column: int | None
) -> None:
    b = run(candidate(foreign=foreign, canadian=canadian, languages=(clb(6),)))
    expected = 0 if column is None else FOREIGN_TRANSFER[foreign][column]
    assert points(b, "transferability.foreign_experience") == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        pytest.param(clb(0), 0, id="clb0"),
        pytest.param(clb(4), 0, id="clb4"),
        pytest.param(celpip(9, 9, 9, 4), 0, id="clb9-but-one-4"),
        pytest.param(clb(5), 25, id="clb5"),
        pytest.param(clb(6), 25, id="clb6"),
        pytest.param(celpip(9, 5, 9, 9), 25, id="clb9-but-one-5"),
        pytest.param(celpip(10, 10, 6, 10), 25, id="clb10-but-one-6"),
        pytest.param(clb(7), 50, id="clb7"),
        pytest.param(celpip(7, 8, 9, 10), 50, id="clb7-to-10"),
        pytest.param(clb(9), 50, id="clb9"),
        pytest.param(clb(10), 50, id="clb10"),
    ],
)
def test_certificate_of_qualification_with_language(language: Lang, expected: int) -> None:
    b = run(candidate(certificate=True, languages=(language,)))
    assert points_or_0(b, "transferability.certificate_language") == expected
    assert b.transferability == expected


def test_no_certificate_no_certificate_points() -> None:
    b = run(candidate(languages=(clb(10),)))
    assert points_or_0(b, "transferability.certificate_language") == 0


def test_education_group_caps_at_50() -> None:
    b = run(candidate(level=E.MASTERS, languages=(clb(9),), canadian=2))
    assert points(b, "transferability.education_language") == 50
    assert points(b, "transferability.education_experience") == 50
    assert points(b, "transferability.group_cap.education") == -50
    assert transfer_group(b, "education") == 50


def test_education_group_under_50_is_not_capped() -> None:
    b = run(candidate(level=E.BACHELORS, languages=(clb(8),), canadian=1))
    assert transfer_group(b, "education") == 26
    assert not has(b, "transferability.group_cap.education")


def test_foreign_group_caps_at_50() -> None:
    b = run(candidate(foreign=3, languages=(clb(9),), canadian=2))
    assert points(b, "transferability.foreign_language") == 50
    assert points(b, "transferability.foreign_experience") == 50
    assert points(b, "transferability.group_cap.foreign_experience") == -50
    assert transfer_group(b, "foreign_experience") == 50


def test_transferability_section_caps_at_100() -> None:
    b = run(
        candidate(level=E.DOCTORAL, foreign=3, canadian=2, certificate=True, languages=(clb(9),))
    )
    assert transfer_group(b, "education") == 50
    assert transfer_group(b, "foreign_experience") == 50
    assert points(b, "transferability.certificate_language") == 50
    assert points(b, "transferability.cap") == -50
    assert b.transferability == 100


def test_transferability_at_exactly_100_is_not_capped() -> None:
    b = run(candidate(level=E.DOCTORAL, foreign=3, languages=(clb(9),)))
    assert b.transferability == 100
    assert not has(b, "transferability.cap")


# --- D. Additional points, on both sides of every date ---------------------------


@pytest.mark.parametrize(
    ("as_of", "noc", "expected"),
    [
        pytest.param(date(2015, 1, 2), "00012", 600, id="2015-01-02-00"),
        pytest.param(date(2016, 11, 18), "00012", 600, id="2016-11-18-00"),
        pytest.param(date(2016, 11, 18), "21231", 600, id="2016-11-18-teer1"),
        pytest.param(date(2016, 11, 19), "00012", 200, id="2016-11-19-00"),
        pytest.param(date(2016, 11, 19), "21231", 50, id="2016-11-19-teer1"),
        pytest.param(date(2016, 11, 19), "10010", 50, id="2016-11-19-teer0-not-00"),
        pytest.param(date(2016, 11, 19), "31301", 50, id="2016-11-19-teer1-31301"),
        pytest.param(date(2016, 11, 19), "72310", 50, id="2016-11-19-teer2"),
        pytest.param(date(2016, 11, 19), "63200", 50, id="2016-11-19-teer3"),
        pytest.param(date(2016, 11, 19), "44101", 0, id="2016-11-19-teer4"),
        pytest.param(date(2016, 11, 19), "65310", 0, id="2016-11-19-teer5"),
        pytest.param(date(2024, 6, 1), "00012", 200, id="2024-06-01-00"),
        pytest.param(date(2025, 3, 24), "00012", 200, id="2025-03-24-00"),
        pytest.param(date(2025, 3, 24), "21231", 50, id="2025-03-24-teer1"),
        pytest.param(date(2025, 3, 24), "44101", 0, id="2025-03-24-teer4"),
        pytest.param(date(2025, 3, 25), "00012", 0, id="2025-03-25-00"),
        pytest.param(date(2025, 3, 25), "21231", 0, id="2025-03-25-teer1"),
        pytest.param(date(2026, 11, 22), "00012", 0, id="2026-11-22-00"),
    ],
)
def test_job_offer(as_of: date, noc: str, expected: int) -> None:
    b = run(candidate(as_of=as_of, job_offer=noc), as_of)
    assert points_or_0(b, "additional.job_offer") == expected
    assert b.total == expected


def test_provincial_nomination_is_600() -> None:
    for as_of in (date(2015, 1, 1), date(2020, 1, 1), AS_OF):
        b = run(candidate(as_of=as_of, nomination=True), as_of)
        assert points(b, "additional.provincial_nomination") == 600
        assert b.additional == 600


@pytest.mark.parametrize(
    ("as_of", "level", "credential", "expected"),
    [
        pytest.param(
            date(2016, 11, 18), E.TWO_YEAR, CanadianCredential.ONE_OR_TWO_YEAR, 0, id="18-1or2"
        ),
        pytest.param(
            date(2016, 11, 18), E.MASTERS, CanadianCredential.THREE_YEAR_OR_MORE, 0, id="18-3+"
        ),
        pytest.param(
            date(2016, 11, 19), E.TWO_YEAR, CanadianCredential.ONE_OR_TWO_YEAR, 15, id="19-1or2"
        ),
        pytest.param(
            date(2016, 11, 19), E.ONE_YEAR, CanadianCredential.ONE_OR_TWO_YEAR, 15, id="19-1yr"
        ),
        pytest.param(
            date(2016, 11, 19), E.BACHELORS, CanadianCredential.THREE_YEAR_OR_MORE, 30, id="19-3+"
        ),
        pytest.param(
            date(2016, 11, 19), E.DOCTORAL, CanadianCredential.THREE_YEAR_OR_MORE, 30, id="19-phd"
        ),
        pytest.param(
            date(2016, 11, 19), E.SECONDARY, CanadianCredential.SECONDARY, 0, id="19-secondary"
        ),
        pytest.param(AS_OF, E.TWO_YEAR, CanadianCredential.ONE_OR_TWO_YEAR, 15, id="now-1or2"),
        pytest.param(AS_OF, E.MASTERS, CanadianCredential.THREE_YEAR_OR_MORE, 30, id="now-3+"),
    ],
)
def test_canadian_study(
    as_of: date, level: EducationLevel, credential: CanadianCredential, expected: int
) -> None:
    b = run(candidate(as_of=as_of, level=level, canadian_credential=credential), as_of)
    assert points_or_0(b, "additional.canadian_study") == expected
    assert b.additional == expected


# French: NCLC 7+ in all four; the lower amount with English CLB 4 or less (or none,
# or mixed), the higher with English CLB 5+ in all four.
FRENCH_DAYS: tuple[tuple[date, int, int], ...] = (
    # day, lower amount, higher amount
    (date(2015, 1, 2), 0, 0),
    (date(2017, 6, 5), 0, 0),
    (date(2017, 6, 6), 15, 30),
    (date(2019, 6, 1), 15, 30),
    (date(2020, 10, 19), 15, 30),
    (date(2020, 10, 20), 25, 50),
    (AS_OF, 25, 50),
)

ENGLISH_CASES: tuple[tuple[str, Lang | None, bool], ...] = (
    # label, English result, whether it earns the higher amount
    ("no-english", None, False),
    ("english-clb0", clb(0), False),
    ("english-clb4", clb(4), False),
    ("english-mixed-9-and-4", celpip(9, 9, 9, 4), False),
    ("english-mixed-5-and-3", celpip(5, 3, 5, 5), False),
    ("english-clb5", clb(5), True),
    ("english-clb10", clb(10), True),
)


def _french_language_cases() -> list[object]:
    """(languages, first, higher amount?) for each English case, French first or second."""
    cases: list[object] = []
    for label, english, high in ENGLISH_CASES:
        if english is None:  # French is then necessarily first
            cases.append(pytest.param((nclc(7),), OfficialLanguage.FRENCH, high, id=label))
            continue
        for first in (OfficialLanguage.FRENCH, OfficialLanguage.ENGLISH):
            cases.append(pytest.param((nclc(7), english), first, high, id=f"{label}-{first}-first"))
    return cases


@pytest.mark.parametrize(
    ("as_of", "amounts"),
    [pytest.param(d, (lo, hi), id=d.isoformat()) for d, lo, hi in FRENCH_DAYS],
)
@pytest.mark.parametrize(("languages", "first", "high"), _french_language_cases())
def test_french_points(
    as_of: date,
    amounts: tuple[int, int],
    languages: tuple[Lang, ...],
    first: OfficialLanguage,
    high: bool,
) -> None:
    expected = amounts[1] if high else amounts[0]
    b = run(candidate(as_of=as_of, languages=languages, first=first), as_of)
    assert points_or_0(b, "additional.french") == expected
    assert b.additional == expected


@pytest.mark.parametrize(
    "french",
    [
        pytest.param(nclc(6), id="nclc6"),
        pytest.param(nclc(10, one_ability_at=6), id="nclc10-but-one-6"),
        pytest.param(nclc(0), id="below-nclc4"),
    ],
)
def test_no_french_points_under_nclc_7_in_any_ability(french: Lang) -> None:
    b = run(candidate(languages=(french, clb(10)), first=OfficialLanguage.FRENCH))
    assert points_or_0(b, "additional.french") == 0
    assert b.additional == 0


def test_french_points_add_to_second_language_points() -> None:
    b = run(candidate(languages=(clb(10), nclc(9)), first=OfficialLanguage.ENGLISH))
    assert group(b, "second_language") == 24
    assert points(b, "additional.french") == 50


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        pytest.param(date(2015, 1, 2), 0, id="2015-01-02"),
        pytest.param(date(2017, 6, 5), 0, id="2017-06-05"),
        pytest.param(date(2017, 6, 6), 15, id="2017-06-06"),
        pytest.param(AS_OF, 15, id="now"),
    ],
)
def test_sibling(as_of: date, expected: int) -> None:
    b = run(candidate(as_of=as_of, sibling=True), as_of)
    assert points_or_0(b, "additional.sibling") == expected
    assert b.additional == expected


def test_additional_caps_at_600_nomination_and_french() -> None:
    b = run(candidate(nomination=True, languages=(nclc(7), clb(5)), first=OfficialLanguage.FRENCH))
    assert points(b, "additional.provincial_nomination") == 600
    assert points(b, "additional.french") == 50
    assert points(b, "additional.cap") == -50
    assert b.additional == 600


def test_additional_caps_at_600_nomination_and_old_job_offer() -> None:
    day = date(2016, 11, 18)
    b = run(candidate(as_of=day, nomination=True, job_offer="21231"), day)
    assert points(b, "additional.provincial_nomination") == 600
    assert points(b, "additional.job_offer") == 600
    assert points(b, "additional.cap") == -600
    assert b.additional == 600
    assert b.total == 600


def test_additional_under_600_is_not_capped() -> None:
    day = date(2020, 10, 20)
    b = run(
        candidate(
            as_of=day,
            level=E.MASTERS,
            canadian_credential=CanadianCredential.THREE_YEAR_OR_MORE,
            languages=(nclc(7), clb(5)),
            first=OfficialLanguage.FRENCH,
            job_offer="00012",
            sibling=True,
        ),
        day,
    )
    assert b.additional == 200 + 30 + 50 + 15
    assert not has(b, "additional.cap")


# --- Dates before Express Entry ----------------------------------------------------


def test_rules_for_before_express_entry_is_an_error_naming_the_date() -> None:
    with pytest.raises(RulesNotInForceError) as info:
        rules_for(as_of=date(2014, 12, 31))
    assert isinstance(info.value, LookupError)
    assert info.value.as_of == date(2014, 12, 31)
    assert info.value.first == date(2015, 1, 1)
    assert "2014-12-31" in str(info.value)


def test_score_before_express_entry_is_an_error() -> None:
    c = Candidate(date_of_birth=date(1990, 1, 1), education=Education(level=E.LESS_THAN_SECONDARY))
    with pytest.raises(RulesNotInForceError) as info:
        score(c, as_of=date(2014, 12, 31))
    assert info.value.as_of == date(2014, 12, 31)


def test_rules_in_force_on_the_first_day() -> None:
    assert rules_for(as_of=date(2015, 1, 1)).in_force_from == date(2015, 1, 1)
