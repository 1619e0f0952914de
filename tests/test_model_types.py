"""Every model refuses a value of the wrong type, naming the field; nothing is guessed.

Kind: hand-worked examples of user-facing behaviour (errors).
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import attrs
import pytest

from expressentry import (
    CanadianCredential,
    Candidate,
    Education,
    EducationLevel,
    InvalidInputError,
    JobOffer,
    LanguageResult,
    LanguageTest,
    MaritalStatus,
    OfficialLanguage,
    Spouse,
    Teer,
    WorkHistory,
    WorkPeriod,
    _today,
    assess,
    canadian_experience,
    example_profile,
    rules_for,
    score,
    score_many,
)
from expressentry._today import resolve
from expressentry.eligibility import fsw_grid, primary_occupation
from expressentry.enums import Program
from expressentry.experience import foreign_experience, window
from expressentry.models import check_dates
from expressentry.rules.categories import categories_in_force, categories_listing
from expressentry.rules.crs_additional import SIBLING
from expressentry.rules.programs import is_trade, needs_settlement_funds
from expressentry.rules.settlement_funds import acceptable_tables
from expressentry.timelines.validity import eca_valid, language_valid, scored_level

AS_OF = date(2026, 11, 22)
NAIVE = datetime(2025, 1, 1, 12, 0)  # noqa: DTZ001 (a naive datetime is one of the wrong types)
AWARE = datetime(2025, 1, 1, 12, 0, tzinfo=UTC)

PERIOD: dict[str, Any] = {
    "start": date(2020, 1, 1),
    "end": date(2021, 1, 1),
    "hours_per_week": 40,
    "noc": "21231",
    "in_canada": True,
}
RESULT: dict[str, Any] = {
    "test": LanguageTest.IELTS_GENERAL,
    "test_date": date(2025, 1, 10),
    "listening": 8.0,
    "speaking": 7.0,
    "reading": 7.0,
    "writing": 7.0,
}
EDUCATION: dict[str, Any] = {"level": EducationLevel.MASTERS, "eca_issued": date(2024, 1, 1)}
CANDIDATE: dict[str, Any] = {
    "date_of_birth": date(1990, 1, 1),
    "education": Education(**EDUCATION),
}

BUILDERS: dict[str, tuple[Callable[..., object], dict[str, Any]]] = {
    "WorkPeriod": (WorkPeriod, PERIOD),
    "LanguageResult": (LanguageResult, RESULT),
    "Education": (Education, EDUCATION),
    "JobOffer": (JobOffer, {"noc": "21231"}),
    "Spouse": (Spouse, {}),
    "WorkHistory": (WorkHistory, {}),
    "Candidate": (Candidate, CANDIDATE),
}


def only_problem(model: str, **changes: object) -> tuple[str, object, str]:
    cls, base = BUILDERS[model]
    with pytest.raises(InvalidInputError) as info:
        cls(**{**base, **changes})
    assert info.value.owner == model
    assert len(info.value.problems) == 1, info.value.problems
    p = info.value.problems[0]
    return p.path, p.value, p.message


# (model, field, wrong value, words the message must hold)
CASES: list[tuple[str, str, object, str]] = [
    ("WorkPeriod", "in_canada", "no", "must be true or false"),
    ("WorkPeriod", "in_canada", 1, "must be true or false"),
    ("WorkPeriod", "in_canada", None, "must be true or false"),
    ("WorkPeriod", "self_employed", "False", "must be true or false"),
    ("WorkPeriod", "full_time_student", 0, "must be true or false"),
    ("WorkPeriod", "authorized", [], "must be true or false"),
    ("WorkPeriod", "hours_per_week", True, "must be a number, not a boolean"),
    ("WorkPeriod", "hours_per_week", "40", "must be a number"),
    ("WorkPeriod", "hours_per_week", math.nan, "must be a finite number"),
    ("WorkPeriod", "hours_per_week", math.inf, "must be a finite number"),
    ("WorkPeriod", "hours_per_week", Teer.TEER_1, "must be a number"),
    ("WorkPeriod", "start", "2020-01-01", "must be a date"),
    ("WorkPeriod", "start", datetime(2020, 1, 1, tzinfo=UTC), "must be a date, not a datetime"),
    ("WorkPeriod", "start", None, "must be a date"),
    ("WorkPeriod", "end", NAIVE, "must be a date, not a datetime"),
    ("WorkPeriod", "end", 20210101, "must be a date"),
    ("WorkPeriod", "noc", 21231, "5-digit NOC 2021 code"),
    ("LanguageResult", "test", "ielts_general", "pass LanguageTest('ielts_general')"),
    ("LanguageResult", "test", OfficialLanguage.ENGLISH, 'must be one of "ielts_general", '),
    ("LanguageResult", "test_date", "2025-01-10", "must be a date"),
    ("LanguageResult", "listening", "8", "must be a number"),
    ("LanguageResult", "writing", math.nan, "must be a finite number"),
    ("LanguageResult", "reading", -math.inf, "must be a finite number"),
    ("LanguageResult", "result_date", NAIVE, "must be a date, not a datetime"),
    ("Education", "level", "masters", "pass EducationLevel('masters')"),
    ("Education", "level", None, 'must be one of "less_than_secondary", '),
    ("Education", "canadian_credential", "none", "pass CanadianCredential('none')"),
    ("Education", "eca_issued", "2024-01-01", "must be a date"),
    ("Education", "eca_issued", AWARE, "must be a date, not a datetime"),
    ("JobOffer", "canadian_armed_forces", "yes", "must be true or false"),
    ("JobOffer", "noc", None, "5-digit NOC 2021 code"),
    ("Spouse", "accompanying", "true", "must be true or false"),
    ("Spouse", "canadian_citizen_or_pr", 0, "must be true or false"),
    ("Spouse", "studied_in_canada", None, "must be true or false"),
    ("Spouse", "education", EducationLevel.MASTERS, "must be an Education"),
    ("Spouse", "language", {"test": "ielts_general"}, "must be a LanguageResult"),
    ("Spouse", "work_history", (), "must be a WorkHistory"),
    ("WorkHistory", "periods", "abc", "must be a tuple (or a list) of WorkPeriod"),
    ("WorkHistory", "periods", {WorkPeriod(**PERIOD)}, "must be a tuple (or a list) of WorkPeriod"),
    ("Candidate", "date_of_birth", datetime(1990, 1, 1, tzinfo=UTC), "not a datetime"),
    ("Candidate", "date_of_birth", "1990-01-01", "must be a date"),
    ("Candidate", "education", EducationLevel.MASTERS, "must be an Education"),
    ("Candidate", "marital_status", "never_married", "pass MaritalStatus('never_married')"),
    ("Candidate", "spouse", "yes", "must be a Spouse"),
    ("Candidate", "languages", "ielts", "must be a tuple (or a list) of LanguageResult"),
    ("Candidate", "first_official_language", "english", "pass OfficialLanguage('english')"),
    ("Candidate", "work_history", (), "must be a WorkHistory"),
    ("Candidate", "certificate_of_qualification", 1, "must be true or false"),
    ("Candidate", "provincial_nomination", "no", "must be true or false"),
    ("Candidate", "job_offer", "21231", "must be a JobOffer"),
    ("Candidate", "sibling_in_canada", None, "must be true or false"),
    ("Candidate", "profile_submitted", date(2025, 1, 1), "must be a datetime"),
    ("Candidate", "profile_submitted", "2025-01-01T00:00:00+00:00", "must be a datetime"),
    ("Candidate", "dependent_children", 1.5, "must be a whole number"),
    ("Candidate", "dependent_children", True, "must be a whole number, not a boolean"),
    ("Candidate", "dependent_children", "2", "must be a whole number"),
    ("Candidate", "settlement_funds", 10_000.0, "must be a whole number"),
    ("Candidate", "settlement_funds", False, "must be a whole number, not a boolean"),
    ("Candidate", "authorized_to_work_in_canada", "no", "must be true or false"),
    ("Candidate", "studied_in_canada", 0, "must be true or false"),
    ("Candidate", "relative_in_canada", None, "must be true or false"),
    ("Candidate", "plans_to_live_in_quebec", "false", "must be true or false"),
]


@pytest.mark.parametrize(("model", "name", "value", "words"), CASES)
def test_a_wrong_type_is_named(model: str, name: str, value: object, words: str) -> None:
    path, got, message = only_problem(model, **{name: value})
    assert path == name
    assert got is value
    assert words in message


def test_a_string_equal_to_an_enum_value_is_refused_and_every_value_listed() -> None:
    _, _, message = only_problem("Education", level="masters")
    for value in (
        '"less_than_secondary"',
        '"secondary"',
        '"one_year"',
        '"two_year"',
        '"bachelors"',
        '"two_or_more"',
        '"masters"',
        '"doctoral"',
    ):
        assert value in message
    assert "EducationLevel('masters')" in message  # how to convert it; nothing is guessed


def test_every_wrong_field_of_one_object_is_reported_together() -> None:
    with pytest.raises(InvalidInputError) as info:
        WorkPeriod(
            start="2020-01-01",  # type: ignore[arg-type]
            end=None,
            hours_per_week=True,
            noc="21231",
            in_canada="no",  # type: ignore[arg-type]
            authorized=None,  # type: ignore[arg-type]
        )
    assert [p.path for p in info.value.problems] == [
        "start",
        "hours_per_week",
        "in_canada",
        "authorized",
    ]


def test_value_checks_still_run_on_the_fields_of_the_right_type() -> None:
    with pytest.raises(InvalidInputError) as info:
        WorkPeriod(
            start=date(2020, 1, 1),
            end=date(2019, 1, 1),
            hours_per_week=200,
            noc="2123",
            in_canada="no",  # type: ignore[arg-type]
        )
    assert {p.path for p in info.value.problems} == {"in_canada", "end", "hours_per_week", "noc"}


def test_a_wrong_type_never_reaches_a_comparison() -> None:
    # the end is compared with the start, the level with the credential: no TypeError
    with pytest.raises(InvalidInputError) as info:
        WorkPeriod(**{**PERIOD, "start": "2020-01-01", "end": date(2021, 1, 1)})
    assert [p.path for p in info.value.problems] == ["start"]
    with pytest.raises(InvalidInputError) as info:
        Education(level="masters", canadian_credential=CanadianCredential.SECONDARY)  # type: ignore[arg-type]
    assert [p.path for p in info.value.problems] == ["level"]
    with pytest.raises(InvalidInputError) as info:
        Candidate(**{**CANDIDATE, "marital_status": "married", "spouse": Spouse()})
    assert [p.path for p in info.value.problems] == ["marital_status"]


@pytest.mark.parametrize("wrong", ["no", 1, None])
def test_in_canada_no_longer_counts_as_canadian_work(wrong: object) -> None:
    with pytest.raises(InvalidInputError, match=r"in_canada: must be true or false"):
        WorkPeriod(**{**PERIOD, "in_canada": wrong})


def test_numbers_of_the_right_kind_are_accepted() -> None:
    assert WorkPeriod(**{**PERIOD, "hours_per_week": 37.5}).hours_per_week == 37.5
    assert WorkPeriod(**{**PERIOD, "hours_per_week": 40}).hours_per_week == 40
    assert LanguageResult(**{**RESULT, "listening": 8}).levels == (9, 9, 9, 9)


def test_subclasses_of_the_right_types_are_accepted() -> None:
    class Day(date):
        pass

    class Hours(float):
        pass

    p = WorkPeriod(**{**PERIOD, "start": Day(2020, 1, 1), "hours_per_week": Hours(40)})
    assert p.start == date(2020, 1, 1)
    assert p.hours_per_week == 40
    history = WorkHistory(periods=(p,))
    assert history.first_start == date(2020, 1, 1)


def test_a_list_is_stored_as_a_tuple() -> None:
    p = WorkPeriod(**PERIOD)
    r = LanguageResult(**RESULT)
    history = WorkHistory(periods=[p, p])
    assert history.periods == (p, p)
    assert type(history.periods) is tuple
    c = Candidate(**{**CANDIDATE, "languages": [r]})
    assert c.languages == (r,)
    assert type(c.languages) is tuple
    hash(c)  # still hashable


def test_items_of_the_wrong_class_are_named_by_index() -> None:
    p = WorkPeriod(**PERIOD)
    with pytest.raises(InvalidInputError) as info:
        WorkHistory(periods=(p, "job", None))  # type: ignore[arg-type]
    assert [(x.path, x.value) for x in info.value.problems] == [
        ("periods[1]", "job"),
        ("periods[2]", None),
    ]
    with pytest.raises(InvalidInputError) as info:
        Candidate(**{**CANDIDATE, "languages": (LanguageResult(**RESULT), {"test": "tef"})})
    assert [x.path for x in info.value.problems] == ["languages[1]"]


def test_evolve_goes_through_the_checks() -> None:
    c = example_profile()
    with pytest.raises(InvalidInputError) as info:
        attrs.evolve(c, dependent_children=1.5)  # type: ignore[arg-type]
    assert [(p.path, p.value) for p in info.value.problems] == [("dependent_children", 1.5)]


def test_a_naive_submission_time_is_still_refused_and_an_aware_one_accepted() -> None:
    path, value, message = only_problem("Candidate", profile_submitted=NAIVE)
    assert (path, value) == ("profile_submitted", NAIVE)
    assert "time zone" in message
    c = Candidate(**{**CANDIDATE, "profile_submitted": AWARE})
    assert c.profile_submitted == AWARE


# --- plausibility ------------------------------------------------------------------


def test_work_before_the_16th_birthday_is_refused() -> None:
    early = WorkPeriod(**{**PERIOD, "start": date(2005, 12, 31), "end": None})
    fine = WorkPeriod(**{**PERIOD, "start": date(2006, 1, 1), "end": None})
    with pytest.raises(InvalidInputError) as info:
        Candidate(**{**CANDIDATE, "work_history": WorkHistory(periods=(fine, early, early))})
    assert [(p.path, p.value) for p in info.value.problems] == [
        ("work_history[1].start", date(2005, 12, 31)),
        ("work_history[2].start", date(2005, 12, 31)),
        ("date_of_birth", date(1990, 1, 1)),  # the other side of the contradiction
    ]
    assert "16th birthday" in info.value.problems[0].message
    assert "work_history[1].start 2005-12-31 and 1 more" in info.value.problems[2].message
    # the 16th birthday itself is allowed
    Candidate(**{**CANDIDATE, "work_history": WorkHistory(periods=(fine,))})


def test_born_on_29_february_may_work_from_1_march_of_a_common_year() -> None:
    born = date(2000, 2, 29)
    base = {**CANDIDATE, "date_of_birth": born}
    on_28 = WorkPeriod(**{**PERIOD, "start": date(2016, 2, 28), "end": None})
    on_1 = WorkPeriod(**{**PERIOD, "start": date(2016, 3, 1), "end": None})
    with pytest.raises(InvalidInputError):
        Candidate(**{**base, "work_history": WorkHistory(periods=(on_28,))})
    Candidate(**{**base, "work_history": WorkHistory(periods=(on_1,))})


def test_spouse_work_is_not_checked_against_a_birth_date() -> None:
    young = WorkPeriod(**{**PERIOD, "start": date(1995, 1, 1), "end": None})
    c = Candidate(
        **CANDIDATE,
        marital_status=MaritalStatus.MARRIED,
        spouse=Spouse(work_history=WorkHistory(periods=(young,))),
    )
    assert c.spouse is not None


def test_unusual_but_possible_profiles_stay_allowed() -> None:
    child = Candidate(
        date_of_birth=AS_OF - timedelta(days=5 * 365),
        education=Education(level=EducationLevel.MASTERS, eca_issued=date(2024, 1, 1)),
    )
    assert score(child, as_of=AS_OF).total >= 0


def with_work(start: date, *, end: date | None = None, spouse: bool = False) -> Candidate:
    p = WorkPeriod(**{**PERIOD, "start": start, "end": end})
    history = WorkHistory(periods=(p,))
    if spouse:
        return Candidate(
            **CANDIDATE, marital_status=MaritalStatus.MARRIED, spouse=Spouse(work_history=history)
        )
    return Candidate(**CANDIDATE, work_history=history)


def test_check_dates_refuses_work_that_starts_after_the_day() -> None:
    with pytest.raises(InvalidInputError) as info:
        check_dates(with_work(date(2026, 11, 23)), as_of=AS_OF)
    assert [(p.path, p.value) for p in info.value.problems] == [
        ("work_history[0].start", date(2026, 11, 23))
    ]
    with pytest.raises(InvalidInputError) as info:
        check_dates(with_work(date(2026, 11, 23), spouse=True), as_of=AS_OF)
    assert [p.path for p in info.value.problems] == ["spouse.work_history[0].start"]


def test_score_and_assess_refuse_work_that_starts_after_the_day() -> None:
    c = with_work(date(2026, 11, 23))
    with pytest.raises(InvalidInputError, match=r"work_history\[0\]\.start"):
        score(c, as_of=AS_OF)
    with pytest.raises(InvalidInputError, match=r"work_history\[0\]\.start"):
        assess(c, as_of=AS_OF)
    score(c, as_of=date(2026, 11, 23))  # on its first day it is fine


def test_ongoing_work_and_an_end_after_the_day_stay_allowed() -> None:
    check_dates(with_work(date(2026, 1, 1)), as_of=AS_OF)
    check_dates(with_work(date(2026, 1, 1), end=date(2027, 6, 30)), as_of=AS_OF)
    check_dates(with_work(AS_OF), as_of=AS_OF)


def test_a_submission_after_the_day_in_utc_is_refused() -> None:
    # 23:30 in Toronto on 22 November is 04:30 UTC on 23 November
    late = datetime(2026, 11, 22, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    c = Candidate(**CANDIDATE, profile_submitted=late)
    with pytest.raises(InvalidInputError) as info:
        check_dates(c, as_of=AS_OF)
    assert [(p.path, p.value) for p in info.value.problems] == [("profile_submitted", late)]
    check_dates(c, as_of=date(2026, 11, 23))
    # 00:30 in Paris on 23 November is still 22 November in UTC
    early = datetime(2026, 11, 23, 0, 30, tzinfo=timezone(timedelta(hours=1)))
    check_dates(Candidate(**CANDIDATE, profile_submitted=early), as_of=AS_OF)


def test_check_dates_names_every_late_date() -> None:
    p = WorkPeriod(**{**PERIOD, "start": date(2027, 1, 1), "end": None})
    c = Candidate(
        date_of_birth=date(1990, 1, 1),
        education=Education(level=EducationLevel.MASTERS, eca_issued=date(2027, 2, 1)),
        languages=(LanguageResult(**{**RESULT, "test_date": date(2027, 3, 1)}),),
        work_history=WorkHistory(periods=(p,)),
        profile_submitted=datetime(2027, 1, 1, tzinfo=UTC),
    )
    with pytest.raises(InvalidInputError) as info:
        check_dates(c, as_of=AS_OF)
    assert [p.path for p in info.value.problems] == [
        "languages[0].test_date",
        "education.eca_issued",
        "work_history[0].start",
        "profile_submitted",
    ]


# --- as_of -----------------------------------------------------------------------


def test_resolve() -> None:
    assert resolve(AS_OF) == AS_OF
    assert type(resolve(None)) is date
    with pytest.raises(InvalidInputError) as info:
        resolve(datetime(2026, 11, 22, tzinfo=UTC), where="f")
    assert info.value.owner == "f"
    assert [(p.path, p.message) for p in info.value.problems] == [
        ("as_of", "must be a date, not a datetime (pass its .date())")
    ]
    with pytest.raises(InvalidInputError, match=r"as_of: must be a date"):
        resolve(None, optional=False)
    with pytest.raises(InvalidInputError, match=r"day: must be a date .*not a string"):
        resolve("2026-11-22", "day")  # type: ignore[arg-type]


_PROFILE = example_profile()
_CATEGORY = categories_in_force(as_of=AS_OF)[0]

# Every public function that answers "on a day" takes as_of keyword-only, None for today.
OPTIONAL_DAY: dict[str, Callable[[Any], object]] = {
    "score": lambda d: score(_PROFILE, as_of=d),
    "score_many": lambda d: score_many([_PROFILE], as_of=d),
    "assess": lambda d: assess(_PROFILE, as_of=d),
    "rules_for": lambda d: rules_for(as_of=d),
    "fsw_grid": lambda d: fsw_grid(_PROFILE, as_of=d),
    "primary_occupation": lambda d: primary_occupation(_PROFILE, as_of=d),
    "is_trade": lambda d: is_trade("72310", as_of=d),
    "needs_settlement_funds": lambda d: needs_settlement_funds(
        Program.FSW, authorized_to_work=False, valid_job_offer=False, as_of=d
    ),
    "categories_in_force": lambda d: categories_in_force(as_of=d),
    "categories_listing": lambda d: categories_listing("31301", as_of=d),
    "Category.in_force": lambda d: _CATEGORY.in_force(as_of=d),
    "acceptable_tables": lambda d: acceptable_tables(as_of=d),
    "canadian_experience": lambda d: canadian_experience(_PROFILE.work_history, as_of=d),
    "foreign_experience": lambda d: foreign_experience(_PROFILE.work_history, as_of=d),
    "check_dates": lambda d: check_dates(_PROFILE, as_of=d),
    "language_valid": lambda d: language_valid(_PROFILE.languages[0], as_of=d),
    "eca_valid": lambda d: eca_valid(_PROFILE.education, as_of=d),
    "scored_level": lambda d: scored_level(_PROFILE.education, as_of=d),
}

# These need their day: a cached window, a profile built from years, the rule lookup.
REQUIRED_DAY: dict[str, Callable[[Any], object]] = {
    "window": lambda d: window(3, as_of=d),
    "WorkHistory.from_years": lambda d: WorkHistory.from_years(as_of=d, canadian=1),
    "Timeline.at": SIBLING.at,
}

WRONG_DAYS = [datetime(2026, 11, 22, tzinfo=UTC), NAIVE, "2026-11-22", 20261122]


@pytest.mark.parametrize("name", sorted(OPTIONAL_DAY.keys() | REQUIRED_DAY.keys()))
@pytest.mark.parametrize("wrong", [*WRONG_DAYS, None])
def test_every_public_function_checks_as_of(name: str, wrong: object) -> None:
    call = OPTIONAL_DAY.get(name) or REQUIRED_DAY[name]
    call(AS_OF)  # the right type works
    if wrong is None and name in OPTIONAL_DAY:
        return  # today: see test_none_means_today
    with pytest.raises(InvalidInputError) as info:
        call(wrong)
    assert [(p.path, p.value) for p in info.value.problems] == [("as_of", wrong)]
    if isinstance(wrong, datetime):
        assert info.value.problems[0].message.startswith("must be a date, not a datetime")


@pytest.mark.parametrize("name", sorted(OPTIONAL_DAY))
def test_none_means_today(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[date] = []

    def fixed_today() -> date:
        asked.append(AS_OF)
        return AS_OF

    monkeypatch.setattr(_today, "today", fixed_today)
    assert OPTIONAL_DAY[name](None) == OPTIONAL_DAY[name](AS_OF)
    assert asked, "None did not ask the clock"


@pytest.mark.parametrize("name", sorted(OPTIONAL_DAY))
def test_as_of_is_keyword_only(name: str) -> None:
    methods: dict[str, Callable[..., object]] = {"Category.in_force": _CATEGORY.in_force}
    function: Callable[..., object] = methods.get(name) or globals()[name]
    parameter = inspect.signature(function).parameters["as_of"]
    assert parameter.kind is inspect.Parameter.KEYWORD_ONLY
    assert parameter.default is None


def test_from_years_checks_its_numbers_together() -> None:
    with pytest.raises(InvalidInputError) as info:
        WorkHistory.from_years(as_of="2026", canadian=True, foreign=1.5)  # type: ignore[arg-type]
    assert [p.path for p in info.value.problems] == ["as_of", "canadian", "foreign"]
    with pytest.raises(InvalidInputError) as info:
        WorkHistory.from_years(as_of=date(5, 1, 1), canadian=3, foreign=2)
    assert [(p.path, p.value) for p in info.value.problems] == [("foreign", 2)]
    with pytest.raises(InvalidInputError):
        WorkHistory.from_years(as_of=AS_OF, canadian=10**30)


def test_score_and_assess_check_the_candidate_and_the_rules() -> None:
    with pytest.raises(InvalidInputError, match="candidate: must be a Candidate"):
        score("a profile", as_of=AS_OF)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="candidate: must be a Candidate"):
        assess(None, as_of=AS_OF)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="rules: must be a RuleSet"):
        score(_PROFILE, as_of=AS_OF, rules="2026")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="errors: must be 'raise' or 'collect'"):
        score_many([_PROFILE], as_of=AS_OF, errors="ignore")  # type: ignore[call-overload]


@pytest.mark.parametrize("name", ["fsw_grid", "primary_occupation"])
def test_fsw_helpers_check_the_candidate(name: str) -> None:
    call = fsw_grid if name == "fsw_grid" else primary_occupation
    with pytest.raises(InvalidInputError, match="candidate: must be a Candidate"):
        call("a profile", as_of=AS_OF)  # type: ignore[arg-type]
