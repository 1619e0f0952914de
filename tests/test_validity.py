"""One document-validity rule for the CRS and every program, each on both sides of its day.

Expected points are IRCC's CRS criteria
(https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/check-score/crs-criteria.html)
and the FSW selection grid
(https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/eligibility/federal-skilled-workers/six-selection-factors-federal-skilled-workers.html);
validity periods: "Your language tests are valid for 2 years after the date of the test
result" (https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/eligibility/federal-skilled-workers.html),
an ECA 5 years from its issue date
(https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/documents/education-assessed.html);
read 2026-11-22.

Kinds: hand-worked examples (each document on both sides of its expiry day), one
property (score and assess agree on an expired first language) and the pool
checks of ``score_many``.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import cast

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from expressentry import (
    CanadianCredential,
    Candidate,
    CrsBreakdown,
    Education,
    EducationLevel,
    LanguageResult,
    LanguageTest,
    MaritalStatus,
    OfficialLanguage,
    Program,
    Spouse,
    assess,
    rules_for,
    score,
    score_many,
)
from expressentry.eligibility import fsw_grid
from expressentry.errors import InvalidInputError
from expressentry.timelines.documents import expiring_first, validity_on
from tests import builders
from tests.strategies import candidates, dated_candidates

E = EducationLevel
BORN = date(1996, 1, 1)


def ielts_clb9(when: date, result_date: date | None = None) -> LanguageResult:
    """IELTS General Training at CLB 9 in every ability (L 8.0, S/R/W 7.0 are CLB 9's minima)."""
    return LanguageResult(
        test=LanguageTest.IELTS_GENERAL,
        test_date=when,
        result_date=result_date,
        listening=8.0,
        speaking=7.0,
        reading=7.0,
        writing=7.0,
    )


def tef_nclc7(when: date) -> LanguageResult:
    """TEF Canada at NCLC 7 in every ability: the low end of each range (2023-12-11 chart)."""
    return LanguageResult(
        test=LanguageTest.TEF_CANADA,
        test_date=when,
        listening=434,
        speaking=456,
        reading=434,
        writing=428,
    )


def single(
    *,
    languages: tuple[LanguageResult, ...] = (),
    education: Education | None = None,
    first: OfficialLanguage | None = None,
) -> Candidate:
    return Candidate(
        date_of_birth=BORN,
        education=education or Education(level=E.LESS_THAN_SECONDARY),
        languages=languages,
        first_official_language=first,
    )


def points(b: CrsBreakdown, prefix: str) -> int:
    return sum(ln.points for ln in b.lines if ln.factor.startswith(prefix))


def line(b: CrsBreakdown, factor: str) -> str:
    (found,) = [ln for ln in b.lines if ln.factor == factor]
    return found.reason


# --- language results -------------------------------------------------------------------


def test_a_result_counts_until_the_day_before_its_second_anniversary_of_the_result_date() -> None:
    c = single(languages=(ielts_clb9(date(2024, 3, 1), result_date=date(2024, 3, 14)),))
    before = score(c, as_of=date(2026, 3, 13))
    on = score(c, as_of=date(2026, 3, 14))
    # age 30 without spouse: 105; CLB 9 in four abilities without spouse: 4 x 31
    assert (before.total, points(before, "first_language")) == (105 + 124, 124)
    assert (on.total, points(on, "first_language")) == (105, 0)
    reason = line(on, "first_language.expired")
    assert "expired on 2026-03-14" in reason
    assert "from the result date" in reason
    (expired,) = [ln for ln in on.lines if ln.factor == "first_language.expired"]
    assert expired.rule.rule_id == "program.validity.language_result_years"


def test_without_a_result_date_validity_counts_from_the_test_date_and_says_so() -> None:
    c = single(languages=(ielts_clb9(date(2024, 3, 1)),))
    assert score(c, as_of=date(2026, 2, 28)).total == 229
    on = score(c, as_of=date(2026, 3, 1))
    assert on.total == 105
    assert "counted from the test date: no result date given" in line(on, "first_language.expired")


def test_a_result_of_29_february_expires_on_28_february() -> None:
    c = single(languages=(builders.clb(9, date(2024, 2, 29)),))
    assert points(score(c, as_of=date(2026, 2, 27)), "first_language") == 124
    assert points(score(c, as_of=date(2026, 2, 28)), "first_language") == 0


def test_a_result_is_not_valid_before_its_own_date() -> None:
    c = single(languages=(ielts_clb9(date(2025, 6, 1)),))
    with pytest.raises(InvalidInputError, match="test_date"):
        score(c, as_of=date(2025, 5, 31))


def test_an_expired_first_language_counts_as_none_for_transferability() -> None:
    c = single(
        languages=(ielts_clb9(date(2023, 1, 10)),),
        education=Education(level=E.MASTERS, eca_issued=date(2022, 6, 1)),
    )
    # master's with CLB 9+: 50 (education and language row)
    assert points(score(c, as_of=date(2025, 1, 9)), "transferability.education_language") == 50
    assert points(score(c, as_of=date(2025, 1, 10)), "transferability.education_language") == 0


def test_french_points_follow_the_validity_of_each_result() -> None:
    english = builders.clb(5, date(2024, 6, 1))
    french = tef_nclc7(date(2024, 9, 1))
    c = single(languages=(english, french), first=OfficialLanguage.ENGLISH)
    # NCLC 7+ with English CLB 5+: 50; with English untested or below CLB 5: 25
    assert points(score(c, as_of=date(2026, 5, 31)), "additional.french") == 50
    assert points(score(c, as_of=date(2026, 6, 1)), "additional.french") == 25
    assert points(score(c, as_of=date(2026, 8, 31)), "additional.french") == 25
    assert points(score(c, as_of=date(2026, 9, 1)), "additional.french") == 0


def test_french_levels_are_named_nclc() -> None:
    c = single(languages=(tef_nclc7(date(2025, 1, 6)),))
    b = score(c, as_of=date(2025, 6, 1))
    first_lines = [ln.reason for ln in b.lines if ln.factor.startswith("first_language.")]
    assert first_lines == [
        f"First official language: NCLC 7 in {a}, without spouse"
        for a in ("listening", "speaking", "reading", "writing")
    ]
    report = assess(c, as_of=date(2025, 6, 1))
    assert "NCLC 7/7/7/7" in report.explain()
    assert "CLB 7/7/7/7" not in report.explain()


def test_the_spouse_result_expires_too() -> None:
    spouse = Spouse(language=builders.clb(9, date(2024, 5, 1)))
    c = attrs.evolve(single(), marital_status=MaritalStatus.MARRIED, spouse=spouse)
    # spouse's language, CLB 9 or more: 5 per ability
    assert points(score(c, as_of=date(2026, 4, 30)), "spouse.first_language.") == 20
    on = score(c, as_of=date(2026, 5, 1))
    assert points(on, "spouse.first_language.") == 0
    assert "expired on 2026-05-01" in line(on, "spouse.first_language.expired")


# --- tests taken before Express Entry opened ----------------------------------------------


def test_a_test_of_2014_12_31_is_scored_in_2015_and_expires_two_years_later() -> None:
    c = single(languages=(ielts_clb9(date(2014, 12, 31)),))
    assert points(score(c, as_of=date(2015, 6, 1)), "first_language") == 124
    assert points(score(c, as_of=date(2016, 12, 30)), "first_language") == 124
    assert points(score(c, as_of=date(2016, 12, 31)), "first_language") == 0


def test_a_test_not_yet_designated_stays_an_error() -> None:
    with pytest.raises(InvalidInputError, match="test_date"):
        LanguageResult(
            test=LanguageTest.PTE_CORE,
            test_date=date(2024, 1, 29),
            listening=80,
            speaking=80,
            reading=80,
            writing=80,
        )


# --- ECA ------------------------------------------------------------------------------------


def test_an_expired_eca_earns_no_education_points() -> None:
    c = single(education=Education(level=E.BACHELORS, eca_issued=date(2020, 6, 15)))
    assert points(score(c, as_of=date(2025, 6, 14)), "education") == 120
    on = score(c, as_of=date(2025, 6, 15))
    assert points(on, "education") == 0
    assert "its ECA of 2020-06-15 expired on 2025-06-15 (valid 5 years)" in line(on, "education")


def test_an_expired_eca_falls_back_to_the_canadian_credential() -> None:
    edu = Education(
        level=E.MASTERS,
        canadian_credential=CanadianCredential.ONE_OR_TWO_YEAR,
        eca_issued=date(2020, 6, 15),
    )
    c = single(education=edu, languages=(ielts_clb9(date(2025, 1, 6)),))
    before, on = score(c, as_of=date(2025, 6, 14)), score(c, as_of=date(2025, 6, 15))
    # master's 135, one-year program 90 (without spouse); with CLB 9+: graduate 50, one-year 25
    assert points(before, "education") == 135
    assert points(on, "education") == 90
    assert points(before, "transferability.education_language") == 50
    assert points(on, "transferability.education_language") == 25


def test_the_spouse_eca_expires_too() -> None:
    spouse = Spouse(education=Education(level=E.BACHELORS, eca_issued=date(2020, 6, 15)))
    c = attrs.evolve(single(), marital_status=MaritalStatus.MARRIED, spouse=spouse)
    # spouse's bachelor's: 8
    assert points(score(c, as_of=date(2025, 6, 14)), "spouse.education") == 8
    assert points(score(c, as_of=date(2025, 6, 15)), "spouse.education") == 0


def grid_education(c: Candidate, as_of: date) -> int:
    (pts,) = [ln.points for ln in fsw_grid(c, as_of=as_of).lines if ln.factor == "education"]
    return pts


def test_fsw_grid_gives_no_education_points_to_a_foreign_credential_without_an_eca() -> None:
    no_eca = single(education=Education(level=E.BACHELORS))
    with_eca = single(education=Education(level=E.BACHELORS, eca_issued=date(2022, 1, 10)))
    assert grid_education(no_eca, date(2026, 11, 22)) == 0
    # bachelor's or a three-year program: 21 grid points
    assert grid_education(with_eca, date(2027, 1, 9)) == 21
    assert grid_education(with_eca, date(2027, 1, 10)) == 0


# --- one rule everywhere ---------------------------------------------------------------------


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), as_of=st.dates(date(2017, 1, 1), date(2026, 11, 22)))
def test_score_and_assess_agree_on_the_first_language(data: st.DataObject, as_of: date) -> None:
    c = data.draw(candidates(as_of=as_of))
    first = c.first_language_result
    if first is None:
        return
    b = score(c, as_of=as_of)
    crs_expired = any(ln.factor == "first_language.expired" for ln in b.lines)
    fsw = assess(c, as_of=as_of).program(Program.FSW)
    (language,) = [r for r in fsw.requirements if r.id == "fsw.language"]
    assert crs_expired == ("expired on" in language.reason)
    if crs_expired:
        assert not language.met


def test_a_pool_scores_each_candidate_as_if_alone() -> None:
    """Memo keys: an expired and a valid result with the same levels never share lines."""
    valid = single(languages=(ielts_clb9(date(2025, 1, 6)),))
    expired = single(languages=(ielts_clb9(date(2023, 1, 6)),))
    day = date(2025, 6, 1)
    for pool in ([valid, expired], [expired, valid]):
        rules_for(as_of=day).clear_compiled()
        totals = score_many(pool, as_of=day)
        # age 29 without spouse: 110; CLB 9 in four abilities: 124
        assert totals == [110 + 124 if c is valid else 110 for c in pool]


# --- a pool with bad profiles ----------------------------------------------------------------


def test_score_many_names_the_index_of_a_bad_profile() -> None:
    good = single(languages=(ielts_clb9(date(2025, 1, 6)),))
    early = single(languages=(ielts_clb9(date(2025, 7, 1)),))  # tested after the day scored
    with pytest.raises(InvalidInputError) as caught:
        score_many([good, good, early, good], as_of=date(2025, 6, 1))
    assert [p.path for p in caught.value.problems] == ["[2].languages[0].test_date"]


def test_score_many_can_collect_the_bad_profiles_and_score_the_others() -> None:
    good = single(languages=(ielts_clb9(date(2025, 1, 6)),))
    early = single(languages=(ielts_clb9(date(2025, 7, 1)),))
    pool: list[object] = [good, early, "not a candidate", good]
    result = score_many(cast("list[Candidate]", pool), as_of=date(2025, 6, 1), errors="collect")
    # age 29 without spouse: 110; CLB 9 in four abilities: 124
    assert result.results == (234, None, None, 234)
    assert [f.index for f in result.failures] == [1, 2]
    assert result.failures[1].error.problems[0].message == "must be a Candidate"
    assert not result.ok


def test_a_document_of_the_last_years_of_the_calendar_is_accepted_and_not_yet_valid() -> None:
    # born late enough for the ECA to fall within a lifetime (plausibility.oldest_age)
    late = Candidate(
        date_of_birth=date(9950, 1, 1),
        education=Education(level=E.BACHELORS, eca_issued=date(9999, 12, 31)),
    )
    with pytest.raises(InvalidInputError, match="eca_issued"):
        score(late, as_of=date(2026, 11, 22))


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(dated_candidates(), st.integers(0, 2_000))
def test_the_first_expiring_document_is_the_validity_s_next_expiry(
    case: tuple[date, Candidate], later: int
) -> None:
    # a pool's ``score`` names it without building every document's status
    as_of, c = case
    day = as_of + timedelta(days=later)
    found = expiring_first(c, as_of=day)
    expected = validity_on(c, as_of=day).next_expiry
    assert (None if found is None else found.status()) == expected
    if found is not None and expected is not None:
        assert (found.expires, found.person, found.document, found.label) == (
            expected.expires,
            expected.person,
            expected.document,
            expected.label,
        )
