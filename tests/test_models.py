"""Every model check: the error names the field and the value; nothing is clamped.

Kind: hand-worked examples of user-facing behaviour (errors, derived fields).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from expressentry import (
    Ability,
    CanadianCredential,
    Candidate,
    Education,
    EducationLevel,
    ExpressEntryError,
    InvalidInputError,
    JobOffer,
    JobOfferKind,
    LanguageResult,
    LanguageTest,
    MaritalStatus,
    OfficialLanguage,
    Spouse,
    Teer,
    WorkHistory,
    WorkPeriod,
    canadian_experience,
    example_profile,
    score,
    to_dict,
)

BACHELORS = Education(level=EducationLevel.BACHELORS, eca_issued=date(2024, 1, 1))


def ielts(**scores: float) -> LanguageResult:
    base: dict[str, float] = {"listening": 8, "speaking": 7, "reading": 7, "writing": 7}
    base.update(scores)
    return LanguageResult(
        test=LanguageTest.IELTS_GENERAL,
        test_date=date(2025, 1, 10),
        listening=base["listening"],
        speaking=base["speaking"],
        reading=base["reading"],
        writing=base["writing"],
    )


def tef() -> LanguageResult:
    return LanguageResult(
        test=LanguageTest.TEF_CANADA,
        test_date=date(2025, 1, 10),
        listening=500,
        speaking=500,
        reading=500,
        writing=500,
    )


def problems(exc: pytest.ExceptionInfo[InvalidInputError]) -> dict[str, object]:
    return {p.path: p.value for p in exc.value.problems}


def test_error_classes_subclass_the_builtins() -> None:
    assert issubclass(InvalidInputError, ValueError)
    assert issubclass(InvalidInputError, ExpressEntryError)


def test_every_bad_score_is_reported_at_once() -> None:
    with pytest.raises(InvalidInputError) as info:
        ielts(listening=9.5, writing=7.25)
    assert problems(info) == {"listening": 9.5, "writing": 7.25}
    assert "LanguageResult" in str(info.value)


def test_a_boolean_is_not_a_score() -> None:
    with pytest.raises(InvalidInputError) as info:
        ielts(listening=True)
    assert problems(info) == {"listening": True}


def test_levels_are_read_per_ability() -> None:
    r = ielts()
    assert r.levels == (9, 9, 9, 9)
    assert r.clb(Ability.SPEAKING) == 9
    assert r.lowest == 9
    assert r.language is OfficialLanguage.ENGLISH


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"end": date(2019, 12, 31)}, "end"),
        ({"hours_per_week": 0}, "hours_per_week"),
        ({"hours_per_week": 169}, "hours_per_week"),
        ({"noc": "2123"}, "noc"),
        ({"noc": "26231"}, "noc"),
        ({"noc": "2123a"}, "noc"),
    ],
)
def test_work_period_checks(changes: dict[str, object], field: str) -> None:
    fields: dict[str, object] = {
        "start": date(2020, 1, 1),
        "end": date(2021, 1, 1),
        "hours_per_week": 40,
        "noc": "21231",
        "in_canada": True,
    }
    fields.update(changes)
    with pytest.raises(InvalidInputError) as info:
        WorkPeriod(**fields)  # type: ignore[arg-type]
    assert problems(info) == {field: changes[field]}


def test_teer_is_the_second_digit() -> None:
    p = WorkPeriod(start=date(2020, 1, 1), end=None, hours_per_week=30, noc="72310", in_canada=True)
    assert p.teer is Teer.TEER_2


@pytest.mark.parametrize(
    ("noc", "kind", "teer"),
    [
        ("00012", JobOfferKind.MAJOR_GROUP_00, 0),
        ("10010", JobOfferKind.OTHER_SKILLED, 0),
        ("21231", JobOfferKind.OTHER_SKILLED, 1),
    ],
)
def test_job_offer_kind(noc: str, kind: JobOfferKind, teer: int) -> None:
    offer = JobOffer(noc=noc)
    assert (offer.kind, int(offer.teer)) == (kind, teer)


def test_job_offer_checks_its_code() -> None:
    with pytest.raises(InvalidInputError) as info:
        JobOffer(noc="123")
    assert problems(info) == {"noc": "123"}


def test_canadian_credential_needs_a_matching_level() -> None:
    with pytest.raises(InvalidInputError) as info:
        Education(
            level=EducationLevel.SECONDARY, canadian_credential=CanadianCredential.ONE_OR_TWO_YEAR
        )
    assert problems(info) == {"canadian_credential": "one_or_two_year"}


def test_a_level_above_the_canadian_credential_needs_an_eca() -> None:
    with pytest.raises(InvalidInputError) as info:
        Education(level=EducationLevel.MASTERS, canadian_credential=CanadianCredential.SECONDARY)
    assert problems(info) == {"eca_issued": None}


@pytest.mark.parametrize(
    ("education", "recognized"),
    [
        (Education(level=EducationLevel.MASTERS), False),
        (Education(level=EducationLevel.MASTERS, eca_issued=date(2024, 1, 1)), True),
        (
            Education(
                level=EducationLevel.TWO_YEAR,
                canadian_credential=CanadianCredential.ONE_OR_TWO_YEAR,
            ),
            True,
        ),
        (Education(level=EducationLevel.LESS_THAN_SECONDARY), True),
    ],
)
def test_education_recognition(education: Education, recognized: bool) -> None:
    assert education.recognized is recognized


def test_married_needs_a_spouse_and_single_refuses_one() -> None:
    with pytest.raises(InvalidInputError) as info:
        Candidate(
            date_of_birth=date(1990, 1, 1),
            education=BACHELORS,
            marital_status=MaritalStatus.MARRIED,
        )
    assert problems(info) == {"spouse": None}
    with pytest.raises(InvalidInputError) as info:
        Candidate(date_of_birth=date(1990, 1, 1), education=BACHELORS, spouse=Spouse())
    assert list(problems(info)) == ["spouse"]


def test_two_results_need_a_first_language() -> None:
    with pytest.raises(InvalidInputError) as info:
        Candidate(date_of_birth=date(1990, 1, 1), education=BACHELORS, languages=(ielts(), tef()))
    assert problems(info) == {"first_official_language": None}


def test_one_result_per_language() -> None:
    with pytest.raises(InvalidInputError) as info:
        Candidate(date_of_birth=date(1990, 1, 1), education=BACHELORS, languages=(ielts(), ielts()))
    assert "languages" in problems(info)


def test_first_language_must_have_a_result() -> None:
    with pytest.raises(InvalidInputError) as info:
        Candidate(
            date_of_birth=date(1990, 1, 1),
            education=BACHELORS,
            languages=(ielts(),),
            first_official_language=OfficialLanguage.FRENCH,
        )
    assert problems(info) == {"first_official_language": "french"}


def test_first_and_second_language() -> None:
    c = Candidate(
        date_of_birth=date(1990, 1, 1),
        education=BACHELORS,
        languages=(ielts(), tef()),
        first_official_language=OfficialLanguage.FRENCH,
    )
    assert c.first_language_result is not None
    assert c.first_language_result.test is LanguageTest.TEF_CANADA
    assert c.second_language_result is not None
    assert c.second_language_result.test is LanguageTest.IELTS_GENERAL
    single = Candidate(date_of_birth=date(1990, 1, 1), education=BACHELORS, languages=(ielts(),))
    assert single.first_language_result == ielts()
    assert single.second_language_result is None


def test_submission_time_needs_a_time_zone() -> None:
    naive = datetime(2025, 1, 1, 12, 0)  # noqa: DTZ001 (the point of the test)
    with pytest.raises(InvalidInputError) as info:
        Candidate(date_of_birth=date(1990, 1, 1), education=BACHELORS, profile_submitted=naive)
    assert problems(info) == {"profile_submitted": naive}
    aware = Candidate(
        date_of_birth=date(1990, 1, 1),
        education=BACHELORS,
        profile_submitted=datetime(2025, 1, 1, 12, 0, tzinfo=UTC),
    )
    assert aware.profile_submitted is not None


def test_models_are_frozen() -> None:
    c = Candidate(date_of_birth=date(1990, 1, 1), education=BACHELORS)
    with pytest.raises(AttributeError):
        c.sibling_in_canada = True  # type: ignore[misc]


def test_a_well_formed_code_that_is_not_a_noc_unit_group_is_an_error() -> None:
    with pytest.raises(InvalidInputError, match=r"noc: is not a unit group of NOC 2021"):
        WorkPeriod(start=date(2024, 1, 1), end=None, hours_per_week=30, noc="21239", in_canada=True)
    with pytest.raises(InvalidInputError, match="21239"):
        JobOffer(noc="21239")


def test_a_work_historys_cache_slot_is_never_compared_hashed_or_serialized() -> None:
    """Counting hours fills ``WorkHistory.derived``; the history stays equal to its twin."""
    job = WorkPeriod(
        start=date(2020, 1, 1), end=date(2023, 1, 1), hours_per_week=40, noc="21231", in_canada=True
    )
    counted, fresh = WorkHistory(periods=(job,)), WorkHistory(periods=(job,))
    canadian_experience(counted, as_of=date(2026, 11, 22))
    assert counted.derived is not None
    assert fresh.derived is None
    assert counted == fresh
    assert hash(counted) == hash(fresh)
    c = example_profile()
    before = to_dict(c)
    score(c, as_of=date(2026, 11, 22))
    assert c.work_history.derived is not None
    assert to_dict(c) == before
