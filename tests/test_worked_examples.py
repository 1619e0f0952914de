"""Worked CRS examples W1-W12 and the shipped example profile, from IRCC's CRS criteria and tool.

Tables: https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/check-score/crs-criteria.html;
tool: https://ircc.canada.ca/english/immigrate/skilled/crs-tool.asp (read 2026-11-22).

Kinds: W1 and W2 are IRCC worked examples (results reported from IRCC's own tool);
W3-W12 and the example profile are hand-worked examples from the official tables
(they check caps and dates, not agreement with IRCC's tool). Every expected total is
the one printed in the notes, or its hand computation from the notes' tables where
the notes give only the parts.
"""

from __future__ import annotations

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
    Spouse,
    WorkHistory,
    example_profile,
    score,
)
from tests.builders import celpip, clb, group, points_or_0, transfer_group

E = EducationLevel
ENGLISH, FRENCH = OfficialLanguage.ENGLISH, OfficialLanguage.FRENCH
AS_OF = date(2026, 11, 22)
ABILITIES = ("listening", "speaking", "reading", "writing")
ECA = date(2024, 6, 1)
"""Valid (5 years, to 2029-05-31) on every day scored from 2024-06-01 on."""


def born(age: int, as_of: date) -> date:
    """A birthday giving ``age`` completed years on ``as_of`` (never a Feb 29 here)."""
    return as_of.replace(year=as_of.year - age)


def ielts(
    when: date, *, listening: float, speaking: float, reading: float, writing: float
) -> LanguageResult:
    return LanguageResult(
        test=LanguageTest.IELTS_GENERAL,
        test_date=when,
        listening=listening,
        speaking=speaking,
        reading=reading,
        writing=writing,
    )


# TEF Canada, lowest score of NCLC 7, 8 and 9 on each chart (notes, section 6),
# as (reading, writing, listening, speaking).
_TEF_OLD = {7: (207, 310, 249, 310), 8: (233, 349, 280, 349), 9: (248, 371, 298, 371)}
_TEF_2019 = {7: (450,) * 4, 8: (500,) * 4, 9: (533,) * 4}
_TEF_2023 = {7: (434, 428, 434, 456), 8: (462, 472, 462, 494), 9: (503, 512, 503, 518)}


def tef(level: int, when: date) -> LanguageResult:
    """French at NCLC ``level`` in all four abilities, on the chart of ``when``."""
    if when < date(2019, 10, 1):
        chart = _TEF_OLD
    elif when < date(2023, 12, 11):
        chart = _TEF_2019
    else:
        chart = _TEF_2023
    reading, writing, listening, speaking = chart[level]
    return LanguageResult(
        test=LanguageTest.TEF_CANADA,
        test_date=when,
        listening=listening,
        speaking=speaking,
        reading=reading,
        writing=writing,
    )


def bare(as_of: date, **fields: object) -> Candidate:
    """Age 50, no education, no test, no work: 0 points before ``fields``."""
    return Candidate(
        date_of_birth=born(50, as_of),
        education=Education(level=E.LESS_THAN_SECONDARY),
        **fields,  # type: ignore[arg-type]
    )


def points(b: CrsBreakdown, factor: str) -> int:
    """Points of the one line named ``factor``."""
    found = [line.points for line in b.lines if line.factor == factor]
    assert len(found) == 1, f"{factor}: {len(found)} lines"
    return found[0]


# --- W1, W2: reported results of IRCC's tool ---------------------------------------


def test_w1_single_23_bachelors_clb9_nclc7_two_years_foreign() -> None:
    """W1 = 466 (crs_rules.md §8; github.com/ZiadMansourM/notes docs/random/canada.md)."""
    as_of = date(2021, 6, 1)
    c = Candidate(
        date_of_birth=born(23, as_of),
        education=Education(level=E.BACHELORS, eca_issued=date(2019, 1, 15)),
        languages=(
            ielts(date(2020, 2, 1), speaking=7.0, listening=8.0, reading=7.0, writing=7.0),
            tef(7, date(2019, 9, 30)),  # old scale
        ),
        first_official_language=ENGLISH,
        work_history=WorkHistory.from_years(as_of=as_of, foreign=2),
    )
    b = score(c, as_of=as_of)
    assert points(b, "age") == 110
    assert points(b, "education") == 120
    assert group(b, "first_language.") == 124
    assert group(b, "second_language") == 12
    assert points(b, "transferability.education_language") == 25
    assert points(b, "transferability.foreign_language") == 25
    assert points(b, "additional.french") == 50
    assert (b.core, b.spouse, b.transferability, b.additional) == (366, 0, 50, 50)
    assert b.total == 466


def test_w2_single_30_two_credentials_clb9_canadian_study() -> None:
    """W2 = 512 (crs_rules.md §8; podcast.app transcript "加拿大的那些事", IRCC tool)."""
    as_of = date(2019, 6, 1)
    c = Candidate(
        date_of_birth=born(30, as_of),
        education=Education(
            level=E.TWO_OR_MORE,
            canadian_credential=CanadianCredential.ONE_OR_TWO_YEAR,
            eca_issued=date(2017, 3, 1),
        ),
        languages=(ielts(date(2018, 9, 1), listening=8.0, speaking=7.0, reading=7.0, writing=7.0),),
        work_history=WorkHistory.from_years(as_of=as_of, canadian=1, foreign=3),
    )
    b = score(c, as_of=as_of)
    assert points(b, "age") == 105
    assert points(b, "education") == 128
    assert group(b, "first_language.") == 124
    assert points(b, "canadian_experience") == 40
    assert transfer_group(b, "education") == 50
    assert transfer_group(b, "foreign_experience") == 50
    assert points(b, "additional.canadian_study") == 15
    assert (b.core, b.transferability, b.additional) == (397, 100, 15)
    assert b.total == 512


# --- W3-W12: hand computations from the official tables ----------------------------


def test_w3_single_maximum_is_1200() -> None:
    """W3 = 1200, the single maximum 500 + 100 + 600 (crs_rules.md §8, hand-computed)."""
    c = Candidate(
        date_of_birth=born(25, AS_OF),
        education=Education(level=E.DOCTORAL, eca_issued=ECA),
        languages=(clb(10, date(2026, 1, 5)), tef(9, date(2026, 1, 10))),
        first_official_language=ENGLISH,
        work_history=WorkHistory.from_years(as_of=AS_OF, canadian=5, foreign=3),
        provincial_nomination=True,
    )
    b = score(c, as_of=AS_OF)
    assert (b.core, b.spouse, b.transferability, b.additional) == (500, 0, 100, 600)
    assert group(b, "second_language") == 24
    assert points(b, "additional.cap") == -50  # 600 nomination + 50 French
    assert b.total == 1200


def test_w4_with_spouse_core_460_plus_spouse_40() -> None:
    """W4: A + B = 500 with spouse, second language capped at 22 (crs_rules.md §8, by hand)."""
    spouse = Spouse(
        education=Education(level=E.DOCTORAL, eca_issued=ECA),
        language=clb(10, date(2026, 2, 1)),
        work_history=WorkHistory.from_years(as_of=AS_OF, canadian=5),
    )
    c = Candidate(
        date_of_birth=born(25, AS_OF),
        education=Education(level=E.DOCTORAL, eca_issued=ECA),
        marital_status=MaritalStatus.MARRIED,
        spouse=spouse,
        languages=(clb(10, date(2026, 1, 5)), tef(9, date(2026, 1, 10))),
        first_official_language=ENGLISH,
        work_history=WorkHistory.from_years(as_of=AS_OF, canadian=5),
    )
    b = score(c, as_of=AS_OF)
    assert b.with_spouse is True
    assert points(b, "age") == 100
    assert points(b, "education") == 140
    assert group(b, "first_language.") == 128
    assert points(b, "second_language_cap") == -2
    assert group(b, "second_language") == 22
    assert points(b, "canadian_experience") == 70
    assert (b.core, b.spouse) == (460, 40)  # 460 + 40 = 500, the A + B maximum
    # Not in the notes' total: transferability (education group capped at 50)
    # and French 50 (NCLC 9 with English CLB 10).
    assert (b.transferability, b.additional) == (50, 50)
    assert b.total == 600


def _w5() -> Candidate:
    as_of = date(2025, 3, 24)
    return Candidate(
        date_of_birth=born(35, as_of),
        education=Education(level=E.BACHELORS, eca_issued=ECA),
        languages=(clb(8, date(2024, 6, 1)),),
        work_history=WorkHistory.from_years(as_of=as_of, canadian=2),
        job_offer=JobOffer(noc="21231"),
    )


def test_w5_job_offer_worth_50_on_2025_03_24() -> None:
    """W5 = 430 on 2025-03-24, TEER 1 offer 50 (crs_rules.md §8, hand-computed)."""
    b = score(_w5(), as_of=date(2025, 3, 24))
    assert (b.core, b.transferability, b.additional) == (342, 38, 50)
    assert points(b, "additional.job_offer") == 50
    assert b.total == 430


def test_w5_job_offer_worth_0_on_2025_03_25() -> None:
    """W5 = 380 on 2025-03-25, job-offer points removed (crs_rules.md §8, hand-computed)."""
    b = score(_w5(), as_of=date(2025, 3, 25))
    assert (b.core, b.transferability) == (342, 38)
    assert points_or_0(b, "additional.job_offer") == 0
    assert b.total == 380


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        pytest.param(date(2024, 6, 1), 200, id="2024-06-01"),
        pytest.param(date(2025, 3, 24), 200, id="2025-03-24"),
        pytest.param(date(2025, 3, 25), 0, id="2025-03-25"),
        pytest.param(date(2025, 3, 26), 0, id="2025-03-26"),
    ],
)
def test_w6_major_group_00_offer(as_of: date, expected: int) -> None:
    """W6 = 200: an NOC 00 offer on 2024-06-01, 0 after 2025-03-25 (crs_rules.md §8)."""
    b = score(bare(as_of, job_offer=JobOffer(noc="00012")), as_of=as_of)
    assert points_or_0(b, "additional.job_offer") == expected
    assert b.total == expected


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        pytest.param(date(2015, 6, 1), 600, id="2015-06-01"),
        pytest.param(date(2016, 11, 18), 600, id="2016-11-18"),
        pytest.param(date(2016, 11, 19), 50, id="2016-11-19"),
    ],
)
def test_w7_job_offer_before_2016_11_19(as_of: date, expected: int) -> None:
    """W7 = 600: an offer before 2016-11-19; 50 on 2016-11-19 (crs_rules.md §8)."""
    b = score(bare(as_of, job_offer=JobOffer(noc="21231")), as_of=as_of)
    assert points_or_0(b, "additional.job_offer") == expected
    assert b.total == expected


def _w8(as_of: date, english: LanguageResult) -> Candidate:
    """W8 scored on ``as_of``: its ECA is issued a year before (valid 5 years)."""
    return Candidate(
        date_of_birth=born(28, as_of),
        education=Education(level=E.BACHELORS, eca_issued=as_of - timedelta(days=365)),
        languages=(tef(8, english.test_date), english),
        first_official_language=FRENCH,
        work_history=WorkHistory.from_years(as_of=as_of, foreign=1),
    )


def test_w8_french_first_nclc8_english_clb4() -> None:
    """W8 = 373: 322 core + 26 transferability + 25 French (crs_rules.md §8, hand-computed)."""
    b = score(_w8(AS_OF, clb(4, date(2026, 5, 1))), as_of=AS_OF)
    assert points(b, "age") == 110
    assert points(b, "education") == 120
    assert group(b, "first_language.") == 92
    assert group(b, "second_language") == 0
    assert points(b, "transferability.education_language") == 13
    assert points(b, "transferability.foreign_language") == 13
    assert points(b, "additional.french") == 25
    assert (b.core, b.transferability, b.additional) == (322, 26, 25)
    assert b.total == 373


@pytest.mark.parametrize(
    ("as_of", "english", "french", "total"),
    [
        # English CLB 4: 15 in 2019, 0 before 2017-06-06.
        pytest.param(date(2019, 6, 1), (4, 4, 4, 4), 15, 363, id="2019-clb4"),
        pytest.param(date(2017, 6, 5), (4, 4, 4, 4), 0, 348, id="2017-06-05-clb4"),
        pytest.param(date(2017, 6, 6), (4, 4, 4, 4), 15, 363, id="2017-06-06-clb4"),
        # English CLB 5 in all four: 50, or 30 before the 2020 change (+4 second language).
        pytest.param(AS_OF, (5, 5, 5, 5), 50, 402, id="now-clb5"),
        pytest.param(date(2019, 6, 1), (5, 5, 5, 5), 30, 382, id="2019-clb5"),
        # Mixed English (some CLB 5+, some 4 or less): 25 (+3 second language).
        pytest.param(AS_OF, (5, 5, 5, 4), 25, 376, id="now-mixed"),
        pytest.param(AS_OF, (9, 3, 9, 9), 25, 373 + 18, id="now-mixed-9-and-3"),
    ],
)
def test_w8_french_points_on_other_days_and_english_levels(
    as_of: date, english: tuple[int, int, int, int], french: int, total: int
) -> None:
    """W8 variants: 15 in 2019, 0 before 2017-06-06, 50/30 with CLB 5, 25 if mixed (§8)."""
    result = celpip(as_of - timedelta(days=200), *english)
    b = score(_w8(as_of, result), as_of=as_of)
    assert points_or_0(b, "additional.french") == french
    assert b.total == total


def _w9(spouse: Spouse | None) -> Candidate:
    return Candidate(
        date_of_birth=born(31, AS_OF),
        education=Education(level=E.MASTERS, eca_issued=ECA),
        marital_status=MaritalStatus.NEVER_MARRIED if spouse is None else MaritalStatus.MARRIED,
        spouse=spouse,
        languages=(clb(9, date(2026, 3, 1)),),
        work_history=WorkHistory.from_years(as_of=AS_OF, foreign=3),
    )


def test_w9_single_458() -> None:
    """W9 = 458 single: 99 + 135 + 124 + 100 (crs_rules.md §8, hand-computed)."""
    b = score(_w9(None), as_of=AS_OF)
    assert (points(b, "age"), points(b, "education")) == (99, 135)
    assert group(b, "first_language.") == 124
    assert b.transferability == 100
    assert b.total == 458


def test_w9_citizen_spouse_scores_as_single_458() -> None:
    """W9 = 458 with a citizen/PR spouse, scored as single (crs_rules.md §8, hand-computed)."""
    spouse = Spouse(
        canadian_citizen_or_pr=True,
        education=Education(level=E.MASTERS, eca_issued=ECA),
        language=clb(9, date(2026, 3, 1)),
    )
    b = score(_w9(spouse), as_of=AS_OF)
    assert b.with_spouse is False
    assert b.spouse == 0
    assert b.total == 458


def test_w9_accompanying_spouse_462() -> None:
    """W9 = 462 with spouse: 90 + 126 + 116 + spouse 30 + 100 (crs_rules.md §8, hand-computed)."""
    spouse = Spouse(
        education=Education(level=E.MASTERS, eca_issued=ECA),  # 10
        language=clb(9, date(2026, 3, 1)),  # 4 x 5 = 20
    )
    b = score(_w9(spouse), as_of=AS_OF)
    assert b.with_spouse is True
    assert (points(b, "age"), points(b, "education")) == (90, 126)
    assert group(b, "first_language.") == 116
    assert b.spouse == 30
    assert b.transferability == 100
    assert b.total == 462


def test_w10_certificate_of_qualification_clb6() -> None:
    """W10 = 282: core 207 + foreign group 50 + certificate 25 (crs_rules.md §8, hand-computed)."""
    c = Candidate(
        date_of_birth=born(33, AS_OF),
        education=Education(level=E.SECONDARY, eca_issued=ECA),
        languages=(clb(6, date(2026, 3, 1)),),
        work_history=WorkHistory.from_years(as_of=AS_OF, canadian=2, foreign=3),
        certificate_of_qualification=True,
    )
    b = score(c, as_of=AS_OF)
    assert b.core == 207
    assert transfer_group(b, "education") == 0
    assert points(b, "transferability.foreign_language") == 0
    assert points(b, "transferability.foreign_experience") == 50
    assert points(b, "transferability.certificate_language") == 25
    assert b.transferability == 75
    assert b.total == 282


def test_w11_education_group_cap_and_age_45() -> None:
    """W11: education group 50 + 25 capped at 50; age 45 = 0 (crs_rules.md §8, hand-computed)."""
    c = Candidate(
        date_of_birth=born(45, AS_OF),
        education=Education(level=E.MASTERS, eca_issued=ECA),
        languages=(clb(9, date(2026, 3, 1)),),
        work_history=WorkHistory.from_years(as_of=AS_OF, canadian=1),
    )
    b = score(c, as_of=AS_OF)
    assert points(b, "age") == 0
    assert points(b, "transferability.education_language") == 50
    assert points(b, "transferability.education_experience") == 25
    assert points(b, "transferability.group_cap.education") == -25
    assert transfer_group(b, "education") == 50
    assert b.core == 0 + 135 + 124 + 40
    assert b.total == 299 + 50


def test_w11_clb4_is_6_points_per_ability() -> None:
    """W11: first-language CLB 4 = 6 points per ability (crs_rules.md §8, hand-computed)."""
    b = score(bare(AS_OF, languages=(clb(4, date(2026, 3, 1)),)), as_of=AS_OF)
    for ability in ("listening", "speaking", "reading", "writing"):
        assert points(b, f"first_language.{ability}") == 6
    assert b.total == 24


@pytest.mark.parametrize(
    ("as_of", "age_points"),
    [
        pytest.param(date(2026, 11, 22), 110, id="2026-11-22-age-29"),
        pytest.param(date(2027, 1, 14), 110, id="2027-01-14-eve-of-birthday"),
        pytest.param(date(2027, 1, 15), 105, id="2027-01-15-30th-birthday"),
    ],
)
def test_w12_age_from_date_of_birth(as_of: date, age_points: int) -> None:
    """W12: 110 on 2026-11-22 becomes 105 on the 30th birthday (crs_rules.md §8)."""
    c = Candidate(date_of_birth=date(1997, 1, 15), education=Education(level=E.LESS_THAN_SECONDARY))
    b = score(c, as_of=as_of)
    assert points(b, "age") == age_points
    assert b.total == age_points


# --- The shipped example profile, worked by hand -------------------------------------


def test_example_profile_574_worked_by_hand() -> None:
    """The profile of ``expressentry example`` on 2026-11-22, every line from the tables.

    Born 1994-03-15, married, spouse accompanying: the "with spouse" columns.
    A. Core 404: age 32, 85; master's with ECA, 126; IELTS L 8.5 / S 7.5 / R 8.0 /
       W 7.0 = CLB 10/10/10/9, 32 + 32 + 32 + 29 = 125; TEF (chart from 2023-12-11)
       L 470 / S 460 / R 440 / W 430 = NCLC 8/7/7/7, 3 each = 12; Canadian work
       2023-03-01 on (37.5 h counted as 30), 3 full years, 56.
    B. Spouse 20: bachelor's 8; CELPIP 8/7/7/7 = CLB 8/7/7/7, 3 each = 12; no
       Canadian work 0.
    C. Transferability 100: education x CLB 9+ 50 and x 2+ years Canadian 50, group
       capped at 50; foreign work 2018-06-01 to 2023-01-31 (4 years, "3 or more")
       x CLB 9+ 50 and x 2+ years Canadian 50, group capped at 50; 100 in all.
    D. Additional 50: NCLC 7+ in all four with English CLB 5+, 50; the TEER 1 job
       offer is worth 0 since 2025-03-25.
    """
    b = score(example_profile(), as_of=AS_OF)
    assert b.with_spouse is True
    assert points(b, "age") == 85
    assert points(b, "education") == 126
    assert [points(b, f"first_language.{a}") for a in ABILITIES] == [32, 32, 32, 29]
    assert group(b, "second_language") == 12
    assert points(b, "canadian_experience") == 56
    assert points(b, "spouse.education") == 8
    assert group(b, "spouse.first_language.") == 12
    assert points(b, "spouse.canadian_experience") == 0
    assert transfer_group(b, "education") == 50
    assert transfer_group(b, "foreign_experience") == 50
    assert points_or_0(b, "additional.job_offer") == 0
    assert points(b, "additional.french") == 50
    assert (b.core, b.spouse, b.transferability, b.additional) == (404, 20, 100, 50)
    assert b.total == 574
