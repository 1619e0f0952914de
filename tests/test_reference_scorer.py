"""The library's CRS against a small reference scorer typed from IRCC's tables.

``tests/reference_crs.py`` knows nothing of the library's rule tables, memos or
hour accounting. Random pools on random days of every rule edition must score the
same with ``score`` and ``score_many`` as with the reference; a few hand-worked
profiles check the reference itself.

Kinds: property (agreement with an independent scorer on random pools) and
hand-worked examples (the reference's own checks).
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from fractions import Fraction

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from expressentry import (
    CanadianCredential,
    Candidate,
    Education,
    EducationLevel,
    JobOffer,
    LanguageResult,
    LanguageTest,
    MaritalStatus,
    OfficialLanguage,
    Spouse,
    WorkHistory,
    WorkPeriod,
    canadian_experience,
    rules_for,
    score,
    score_many,
)
from expressentry.rules import CRS_TIMELINES
from tests.builders import celpip, clb
from tests.reference_crs import (
    ReferenceScore,
    completed_years,
    experience_hours,
    is_canadian,
    is_foreign,
    reference_breakdown,
    reference_score,
)
from tests.strategies import candidates, random_candidate, work_periods

FIRST_DAY = date(2015, 1, 1)
LAST_DAY = date(2026, 11, 22)  # the day the rules were last read

CRS_CHANGES = (
    date(2015, 1, 1),  # Express Entry opens
    date(2016, 11, 19),  # job offer 600 -> 200/50; Canadian study 15/30
    date(2017, 6, 6),  # French 15/30; sibling 15
    date(2020, 10, 20),  # French 25/50
    date(2022, 11, 16),  # NOC 2021 TEER
    date(2025, 3, 25),  # job offer points removed
)
CHART_CHANGES = (
    date(2019, 10, 1),  # TEF Canada new scale
    date(2023, 12, 11),  # TEF Canada new table
    date(2024, 1, 30),  # PTE Core accepted
)
EDGES = tuple(
    d
    for change in CRS_CHANGES + CHART_CHANGES
    for d in (change - timedelta(days=1), change)
    if d >= FIRST_DAY
)

pytestmark = pytest.mark.slow  # a long test: CI runs it (pytest -m slow)

POOL_SIZE = 50
POOLS = 400  # 20,000 candidates from seeded random pools
SMALL_POOLS = 60  # and 300 more drawn by Hypothesis itself (slower, but they shrink)
SMALL_POOL_SIZE = 5

days = st.dates(FIRST_DAY, LAST_DAY) | st.sampled_from(EDGES)


def test_the_library_changes_rules_on_the_official_days() -> None:
    changes = {d for timeline in CRS_TIMELINES.values() for d in timeline.change_dates}
    assert changes == set(CRS_CHANGES)


def _sections(c: Candidate, as_of: date) -> ReferenceScore:
    b = score(c, as_of=as_of)
    return ReferenceScore(b.core, b.spouse, b.transferability, b.additional)


def _check_pool(as_of: date, pool: list[Candidate]) -> None:
    """``score_many`` (cold, then warm) and ``score``, section by section, against the reference."""
    expected = [reference_breakdown(c, as_of) for c in pool]
    rules_for(as_of=as_of).clear_compiled()
    assert score_many(pool, as_of=as_of) == [r.total for r in expected]
    for i, (c, r) in enumerate(zip(pool, expected, strict=True)):
        assert _sections(c, as_of) == r, (i, c)
    assert score_many(pool, as_of=as_of) == [r.total for r in expected]


def test_score_and_score_many_match_the_reference_on_random_pools() -> None:
    editions: set[date] = set()
    scored = 0

    @settings(derandomize=True, deadline=None, max_examples=POOLS, database=None)
    @given(days, st.integers(0, 2**32 - 1))
    def check(as_of: date, seed: int) -> None:
        nonlocal scored
        rng = random.Random(seed)
        pool = [random_candidate(rng, as_of) for _ in range(POOL_SIZE)]
        _check_pool(as_of, pool)
        editions.add(rules_for(as_of=as_of).in_force_from)
        scored += len(pool)

    check()
    assert scored >= 10_000
    assert editions == set(CRS_CHANGES)


@settings(
    derandomize=True,
    deadline=None,
    max_examples=SMALL_POOLS,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    days.flatmap(
        lambda d: st.tuples(
            st.just(d),
            st.lists(candidates(as_of=d), min_size=SMALL_POOL_SIZE, max_size=SMALL_POOL_SIZE),
        )
    )
)
def test_hypothesis_pools_match_the_reference(case: tuple[date, list[Candidate]]) -> None:
    _check_pool(*case)


# --- the reference's own accounting -----------------------------------------------


def _hours_day_by_day(periods: tuple[WorkPeriod, ...], kind: str, as_of: date) -> Fraction:
    """The literal rule: every day of the window, the day's hours, at most 30/7."""
    counts = is_canadian if kind == "canadian" else is_foreign
    total = Fraction(0)
    day = as_of - relativedelta(years=10)
    while day < as_of:
        weekly = sum(
            (
                Fraction(p.hours_per_week)
                for p in periods
                if counts(p) and p.start <= day and (p.end is None or day <= p.end)
            ),
            Fraction(0),
        )
        total += min(weekly, Fraction(30)) / 7
        day += timedelta(days=1)
    return total


@settings(derandomize=True, deadline=None, max_examples=40, database=None)
@given(
    st.dates(FIRST_DAY, LAST_DAY).flatmap(
        lambda d: st.tuples(st.just(d), st.lists(work_periods(before=d), max_size=4))
    ),
    st.sampled_from(("canadian", "foreign")),
)
def test_stretch_by_stretch_hours_equal_day_by_day_hours(
    case: tuple[date, list[WorkPeriod]], kind: str
) -> None:
    as_of, periods = case
    counts = is_canadian if kind == "canadian" else is_foreign
    assert experience_hours(periods, counts, as_of) == _hours_day_by_day(
        tuple(periods), kind, as_of
    )


def test_completed_years_of_a_29_february_birth() -> None:
    assert completed_years(date(2000, 2, 29), date(2018, 2, 28)) == 17
    assert completed_years(date(2000, 2, 29), date(2018, 3, 1)) == 18
    assert completed_years(date(2000, 2, 29), date(2020, 2, 29)) == 20


# --- hand-worked examples of the reference ------------------------------------------

DAY = date(2026, 11, 22)
BACHELORS = Education(level=EducationLevel.BACHELORS, eca_issued=date(2025, 1, 10))


def _ielts(
    when: date, listening: float, speaking: float, reading: float, writing: float
) -> LanguageResult:
    return LanguageResult(
        test=LanguageTest.IELTS_GENERAL,
        test_date=when,
        listening=listening,
        speaking=speaking,
        reading=reading,
        writing=writing,
    )


def _tef_old(when: date, nclc7: bool = True) -> LanguageResult:
    """TEF Canada on the pre-2019-10-01 scale: NCLC 7 on all four (or 4 without ``nclc7``)."""
    if nclc7:
        return LanguageResult(
            test=LanguageTest.TEF_CANADA,
            test_date=when,
            reading=207,
            listening=249,
            speaking=310,
            writing=310,
        )
    return LanguageResult(
        test=LanguageTest.TEF_CANADA,
        test_date=when,
        reading=121,
        listening=145,
        speaking=181,
        writing=181,
    )


def _years(as_of: date, *, canadian: int = 0, foreign: int = 0) -> WorkHistory:
    return WorkHistory.from_years(as_of=as_of, canadian=canadian, foreign=foreign)


def test_w1_single_bachelor_clb9_with_french_nclc7() -> None:
    # IRCC's tool gave 466 (research notes, example W1): single, 23, 2 years foreign work.
    # core: age 23 -> 110; bachelor's -> 120; IELTS L8 S7 R7 W7 = CLB 9 x4 -> 4 x 31 = 124;
    #   TEF NCLC 7 x4 as second language -> 4 x 3 = 12            (= 366)
    # transferability: bachelor's + CLB 9 -> 25; foreign 1-2 y + CLB 9 -> 25   (= 50)
    # additional: NCLC 7+ and English CLB 5+ -> 50 (2026)       (= 50)
    # 366 + 50 + 50 = 466
    as_of = date(2019, 6, 1)
    c = Candidate(
        date_of_birth=date(1996, 1, 1),
        education=Education(level=EducationLevel.BACHELORS, eca_issued=date(2019, 1, 1)),
        languages=(_ielts(date(2019, 1, 5), 8.0, 7.0, 7.0, 7.0), _tef_old(date(2019, 1, 7))),
        first_official_language=OfficialLanguage.ENGLISH,
        work_history=_years(as_of, foreign=2),
    )
    # In 2019 the French points were 30, not 50: 466 - 20 = 446.
    assert reference_breakdown(c, as_of) == ReferenceScore(366, 0, 50, 30)
    assert reference_score(c, date(2020, 10, 20)) == 466
    assert reference_score(c, date(2020, 10, 19)) == 446


def test_w2_two_credentials_canadian_and_foreign_work() -> None:
    # IRCC's tool gave 512 (example W2): single, 30, two or more credentials, CLB 9 x4,
    # 1 year Canadian work, 3+ years foreign work, one-year Canadian post-graduate credential.
    # core: 105 + 128 + 4 x 31 = 124 + Canadian 1 year 40       (= 397)
    # transferability: education: CLB 9 -> 50, + 1 y Canadian -> 25, capped 50;
    #   foreign 3+: CLB 9 -> 50, + 1 y Canadian -> 25, capped 50 (= 100)
    # additional: Canadian credential of 1 or 2 years -> 15      (= 15)
    as_of = date(2024, 6, 1)
    c = Candidate(
        date_of_birth=date(1994, 1, 1),
        education=Education(
            level=EducationLevel.TWO_OR_MORE,
            canadian_credential=CanadianCredential.ONE_OR_TWO_YEAR,
            eca_issued=date(2022, 1, 1),
        ),
        languages=(_ielts(date(2024, 1, 5), 8.0, 7.0, 7.0, 7.0),),
        work_history=_years(as_of, canadian=1, foreign=3),
    )
    assert reference_breakdown(c, as_of) == ReferenceScore(397, 0, 100, 15)


def test_w4_maximum_with_a_spouse() -> None:
    # core with spouse: 100 + 140 + 4 x 32 = 128 + second 24 capped 22 + 70 = 460
    # spouse: 10 + 4 x 5 = 20 + 10 = 40; transferability 100 (capped); additional 600 (capped)
    as_of = DAY
    spouse = Spouse(
        education=Education(level=EducationLevel.DOCTORAL, eca_issued=date(2025, 1, 1)),
        language=clb(10, date(2025, 6, 1)),
        work_history=_years(as_of, canadian=5),
    )
    c = Candidate(
        date_of_birth=date(2000, 1, 1),
        education=Education(level=EducationLevel.DOCTORAL, eca_issued=date(2025, 1, 1)),
        marital_status=MaritalStatus.MARRIED,
        spouse=spouse,
        languages=(clb(10, date(2025, 6, 1)), _tef_old(date(2019, 1, 1))),
        first_official_language=OfficialLanguage.ENGLISH,
        work_history=_years(as_of, canadian=5, foreign=3),
        certificate_of_qualification=True,
        provincial_nomination=True,
        sibling_in_canada=True,
    )
    # The 2019 French result has expired: no second-language points (460 - 0 second).
    assert reference_breakdown(c, as_of) == ReferenceScore(438, 40, 100, 600)
    fresh = _tef_new(date(2026, 1, 1))
    c2 = Candidate(
        date_of_birth=c.date_of_birth,
        education=c.education,
        marital_status=c.marital_status,
        spouse=spouse,
        languages=(clb(10, date(2025, 6, 1)), fresh),
        first_official_language=OfficialLanguage.ENGLISH,
        work_history=c.work_history,
        provincial_nomination=True,
    )
    assert reference_breakdown(c2, as_of) == ReferenceScore(460, 40, 100, 600)
    assert reference_score(c2, as_of) == 1200


def _tef_new(when: date) -> LanguageResult:
    """TEF Canada after 2023-12-10 at NCLC 10 in all four abilities."""
    return LanguageResult(
        test=LanguageTest.TEF_CANADA,
        test_date=when,
        reading=600,
        listening=600,
        speaking=600,
        writing=600,
    )


def test_w5_job_offer_removed_on_2025_03_25() -> None:
    # Age 35 (single) 77; bachelor's 120; CLB 8 x4 = 4 x 23 = 92; 2 y Canadian 53 -> 342
    # transferability: bachelor's + CLB 8 -> 13, + 2 y Canadian -> 25 = 38
    # TEER 1 offer: 50 until 2025-03-24, 0 from 2025-03-25.
    c = Candidate(
        date_of_birth=date(1990, 1, 1),
        education=Education(level=EducationLevel.BACHELORS, eca_issued=date(2024, 1, 1)),
        languages=(clb(8, date(2024, 6, 1)),),
        work_history=_years(date(2025, 3, 24), canadian=2),
        job_offer=JobOffer(noc="21231"),
    )
    assert reference_breakdown(c, date(2025, 3, 24)) == ReferenceScore(342, 0, 38, 50)
    assert reference_score(c, date(2025, 3, 24)) == 430
    assert reference_score(c, date(2025, 3, 25)) == 380


def test_w6_w7_job_offer_editions() -> None:
    # major group 00: 600 on 2016-11-18, 200 on 2016-11-19 and 2024-06-01, 0 from 2025-03-25;
    # a TEER 1 offer is 600 and then 50; a TEER 4 offer never earns points.
    def offer_points(noc: str, as_of: date) -> int:
        c = Candidate(
            date_of_birth=date(1970, 1, 1), education=Education(level=EducationLevel.SECONDARY)
        )
        without = reference_score(c, as_of)
        c = Candidate(
            date_of_birth=date(1970, 1, 1),
            education=Education(level=EducationLevel.SECONDARY),
            job_offer=JobOffer(noc=noc),
        )
        return reference_score(c, as_of) - without

    days = (date(2016, 11, 18), date(2016, 11, 19), date(2024, 6, 1), date(2025, 3, 25))
    assert [offer_points("00012", d) for d in days] == [600, 200, 200, 0]
    assert [offer_points("21231", d) for d in days] == [600, 50, 50, 0]
    assert [offer_points("44101", d) for d in days] == [0, 0, 0, 0]


def test_w8_french_first_with_english_clb4() -> None:
    # French first at NCLC 8 x4 (TEF after 2023-12-10: 462-502 each), English CLB 4.
    # core: age 28 110; bachelor's 120; 4 x 23 = 92; English second CLB 4 -> 0 => 322
    # transferability: bachelor's + NCLC 8 (7+) 13; foreign 1 y + NCLC 8 13 => 26
    # additional: NCLC 7+ and English CLB 4 -> 25 => 373
    as_of = DAY
    french = LanguageResult(
        test=LanguageTest.TEF_CANADA,
        test_date=date(2026, 1, 10),
        reading=470,
        listening=470,
        speaking=500,
        writing=480,
    )
    english = clb(4, date(2026, 1, 12))
    c = Candidate(
        date_of_birth=date(1998, 1, 1),
        education=BACHELORS,
        languages=(french, english),
        first_official_language=OfficialLanguage.FRENCH,
        work_history=_years(as_of, foreign=1),
    )
    assert reference_breakdown(c, as_of) == ReferenceScore(322, 0, 26, 25)
    assert reference_score(c, as_of) == 373
    # English CLB 5 x4: +4 second-language points and the 50-point French case.
    c5 = Candidate(
        date_of_birth=c.date_of_birth,
        education=BACHELORS,
        languages=(french, clb(5, date(2026, 1, 12))),
        first_official_language=OfficialLanguage.FRENCH,
        work_history=c.work_history,
    )
    assert reference_breakdown(c5, as_of) == ReferenceScore(326, 0, 26, 50)
    # Mixed English (one ability at CLB 4): the 25-point case; 3 x 1 second-language points.
    mixed = Candidate(
        date_of_birth=c.date_of_birth,
        education=BACHELORS,
        languages=(french, celpip(date(2026, 1, 12), 5, 5, 5, 4)),
        first_official_language=OfficialLanguage.FRENCH,
        work_history=c.work_history,
    )
    assert reference_breakdown(mixed, as_of) == ReferenceScore(325, 0, 26, 25)


def test_w9_spouse_who_is_a_citizen_is_not_counted() -> None:
    # Age 31: 99 single / 90 with spouse; master's 135 / 126; CLB 9 x4: 124 / 116.
    # transferability: master's + CLB 9 -> 50; 3 y foreign + CLB 9 -> 50 => 100.
    # single: 99 + 135 + 124 = 358 core => 458.
    # accompanying spouse with bachelor's (8), CLB 7 x4 (12), 2 y Canadian work (7) = 27:
    #   90 + 126 + 116 = 332 core + 27 + 100 = 459.
    as_of = DAY
    spouse = Spouse(
        education=Education(
            level=EducationLevel.BACHELORS,
            canadian_credential=CanadianCredential.THREE_YEAR_OR_MORE,
        ),
        language=clb(7, date(2025, 12, 1)),
        work_history=_years(as_of, canadian=2),
    )

    def with_spouse(s: Spouse) -> Candidate:
        return Candidate(
            date_of_birth=date(1995, 5, 1),
            education=Education(level=EducationLevel.MASTERS, eca_issued=date(2022, 1, 1)),
            marital_status=MaritalStatus.MARRIED,
            spouse=s,
            languages=(clb(9, date(2025, 12, 1)),),
            work_history=_years(as_of, foreign=3),
        )

    citizen = Spouse(
        canadian_citizen_or_pr=True,
        education=spouse.education,
        language=spouse.language,
        work_history=spouse.work_history,
    )
    staying = Spouse(
        accompanying=False,
        education=spouse.education,
        language=spouse.language,
        work_history=spouse.work_history,
    )
    assert reference_breakdown(with_spouse(citizen), as_of) == ReferenceScore(358, 0, 100, 0)
    assert reference_score(with_spouse(staying), as_of) == 458
    assert reference_breakdown(with_spouse(spouse), as_of) == ReferenceScore(332, 27, 100, 0)


def test_w10_certificate_of_qualification() -> None:
    # Age 33 single 88; secondary 30; CLB 6 x4 = 4 x 9 = 36; 2 y Canadian 53 => 207
    # transferability: secondary: 0; foreign 3 y with CLB 6: 0, with 2 y Canadian: 50;
    #   certificate with CLB 5+ (one under 7): 25 => 75
    as_of = DAY
    c = Candidate(
        date_of_birth=date(1993, 6, 1),
        education=Education(
            level=EducationLevel.SECONDARY, canadian_credential=CanadianCredential.SECONDARY
        ),
        languages=(clb(6, date(2026, 2, 1)),),
        work_history=_years(as_of, canadian=2, foreign=3),
        certificate_of_qualification=True,
    )
    assert reference_breakdown(c, as_of) == ReferenceScore(207, 0, 75, 0)


def test_w11_expired_eca_falls_back_to_the_canadian_credential() -> None:
    # A foreign master's (ECA of 2020-02-29) over a Canadian one-year diploma:
    # 135 until 2025-02-27; the ECA expires on 2025-02-28 (29 Feb + 5 years = 28 Feb),
    # then the one-year diploma: 90. Age 45: 0. No languages, no work.
    c = Candidate(
        date_of_birth=date(1980, 1, 1),
        education=Education(
            level=EducationLevel.MASTERS,
            canadian_credential=CanadianCredential.ONE_OR_TWO_YEAR,
            eca_issued=date(2020, 2, 29),
        ),
    )
    # Canadian study: one or two years, 15 points.
    assert reference_breakdown(c, date(2025, 2, 27)) == ReferenceScore(135, 0, 0, 15)
    assert reference_breakdown(c, date(2025, 2, 28)) == ReferenceScore(90, 0, 0, 15)
    # A foreign bachelor's without a Canadian credential: nothing once the ECA expires.
    foreign = Candidate(
        date_of_birth=date(1980, 1, 1),
        education=Education(level=EducationLevel.BACHELORS, eca_issued=date(2020, 2, 29)),
    )
    assert reference_score(foreign, date(2025, 2, 27)) == 120
    assert reference_score(foreign, date(2025, 2, 28)) == 0


def test_w12_language_result_valid_two_years_from_its_result_date() -> None:
    # CELPIP 9 x4 (single, age 44 on both days -> 6; no education: 0):
    # first language 4 x 31 = 124 while valid; result date 2024-02-29 -> valid to 2026-02-27.
    result = LanguageResult(
        test=LanguageTest.CELPIP_GENERAL,
        test_date=date(2024, 2, 20),
        result_date=date(2024, 2, 29),
        listening=9,
        speaking=9,
        reading=9,
        writing=9,
    )
    c = Candidate(
        date_of_birth=date(1981, 6, 1),
        education=Education(level=EducationLevel.LESS_THAN_SECONDARY),
        languages=(result,),
    )
    assert reference_score(c, date(2026, 2, 27)) == 6 + 124
    assert reference_score(c, date(2026, 2, 28)) == 6


def test_hours_cap_and_the_year_threshold() -> None:
    # 52 weeks (364 days) at 30 h = 364 x 30 / 7 = 1,560 hours: one year.
    # The same 364 days as two concurrent jobs of 20 h: 40 h capped at 30: one year.
    # 363 days at 30 h: 1,555.7 hours: no year. 364 days at 60 h: still one year.
    as_of = DAY
    last = as_of - timedelta(days=1)

    def job(days: int, hours: float, start_offset: int = 0) -> WorkPeriod:
        return WorkPeriod(
            start=as_of - timedelta(days=days + start_offset),
            end=last - timedelta(days=start_offset),
            hours_per_week=hours,
            noc="21231",
            in_canada=True,
        )

    def canadian_points(*periods: WorkPeriod) -> int:
        c = Candidate(
            date_of_birth=date(1960, 1, 1),
            education=Education(level=EducationLevel.LESS_THAN_SECONDARY),
            work_history=WorkHistory(periods=periods),
        )
        return reference_score(c, as_of)

    assert experience_hours([job(364, 30)], is_canadian, as_of) == 1560
    assert canadian_points(job(364, 30)) == 40
    assert canadian_points(job(364, 20), job(364, 20)) == 40
    assert canadian_points(job(363, 30)) == 0
    assert canadian_points(job(364, 60)) == 40
    assert canadian_points(job(364, 15)) == 0
    # 728 days at 15 h make 1,560 hours: one year of part-time work.
    assert canadian_points(job(728, 15)) == 40
    # Work that ended more than 10 years before as_of does not count.
    assert canadian_points(job(364, 30, start_offset=3653)) == 0


# --- hours counted to the millionth of an hour (HOURS_DIGITS) ---------------------------


@pytest.mark.parametrize(
    ("hours_per_week", "years"),
    [
        # 364 days at 29.9999999999 h a week = 1,559.9999999948 hours: 1,560.000000
        # counted to the millionth, so a year (float noise never costs a year).
        (29.9999999999, 1),
        # 364 days at 29.9999 h a week = 1,559.9948 hours: no year.
        (29.9999, 0),
    ],
)
def test_hours_are_counted_to_the_millionth_of_an_hour(hours_per_week: float, years: int) -> None:
    as_of = DAY
    job = WorkPeriod(
        start=as_of - timedelta(days=364),
        end=as_of - timedelta(days=1),
        hours_per_week=hours_per_week,
        noc="21231",
        in_canada=True,
    )
    history = WorkHistory(periods=(job,))
    c = Candidate(
        date_of_birth=date(1960, 1, 1),
        education=Education(level=EducationLevel.LESS_THAN_SECONDARY),
        work_history=history,
    )
    # age 66: 0; Canadian work without spouse: 40 for 1 year, 0 for none
    assert score(c, as_of=as_of).total == reference_score(c, as_of) == 40 * years
    assert canadian_experience(history, as_of=as_of).years == years


def test_canadian_experience_agrees_with_score_a_hair_under_1560_hours() -> None:
    # 364 days at 29.99999999 h a week = 1,559.99999948 hours: 0 years, and score says 0.
    as_of = DAY
    job = WorkPeriod(
        start=as_of - timedelta(days=364),
        end=as_of - timedelta(days=1),
        hours_per_week=29.99999999,
        noc="21231",
        in_canada=True,
    )
    history = WorkHistory(periods=(job,))
    c = Candidate(
        date_of_birth=date(1960, 1, 1),
        education=Education(level=EducationLevel.LESS_THAN_SECONDARY),
        work_history=history,
    )
    assert score(c, as_of=as_of).total == reference_score(c, as_of) == 0
    assert canadian_experience(history, as_of=as_of).years == 0
