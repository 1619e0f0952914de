"""The limits of a real profile: each plausibility rule on both sides, every problem reported.

Kind: hand-worked boundary days and counts, one external table (ISO 3166-1), and a
property: a profile built from arbitrary dates and counts is accepted exactly when
it breaks none of the limits, which this test states on its own (with dateutil,
not the package's age arithmetic), and each refusal names only rules it breaks.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import attrs
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import event, given
from hypothesis import strategies as st

from expressentry import (
    Candidate,
    Education,
    EducationLevel,
    InvalidInputError,
    LanguageResult,
    LanguageTest,
    PoliceCertificate,
    WorkHistory,
    WorkPeriod,
    example_profile,
    from_dict,
    from_json,
    score,
    to_dict,
)
from expressentry.__main__ import main
from expressentry.plausibility import country_codes

_TAG = re.compile(r"\[(plausibility\.[a-z_]+)\]")


def _rules(error: InvalidInputError) -> list[str]:
    """The plausibility rule each problem names (``""`` for a problem naming none)."""
    return [found.group(1) if (found := _TAG.search(p.message)) else "" for p in error.problems]


def _ielts(taken: date, result: date | None = None) -> LanguageResult:
    return LanguageResult(
        test=LanguageTest.IELTS_GENERAL,
        test_date=taken,
        result_date=result,
        listening=8.0,
        speaking=7.0,
        reading=7.0,
        writing=7.0,
    )


BORN = date(1990, 6, 15)


def _candidate(**changes: Any) -> Candidate:
    return Candidate(
        **{"date_of_birth": BORN, "education": Education(level=EducationLevel.SECONDARY), **changes}
    )


# --- a result is reported within 90 days of its test -------------------------------------------


def test_a_result_90_days_after_its_test_is_accepted_and_91_refused() -> None:
    _ielts(date(2025, 1, 10), date(2025, 4, 10))  # 21 + 28 + 31 + 10 = 90 days
    with pytest.raises(InvalidInputError) as caught:
        _ielts(date(2025, 1, 10), date(2025, 4, 11))
    assert _rules(caught.value) == ["plausibility.result_delay"]
    assert caught.value.problems[0].path == "result_date"


def test_the_issues_2020_test_reported_in_2025_is_refused_from_json() -> None:
    data = to_dict(example_profile())
    data["languages"][0]["test_date"] = "2020-01-10"
    data["languages"][0]["result_date"] = "2025-06-01"
    with pytest.raises(InvalidInputError) as caught:
        from_dict(data, Candidate)
    (problem,) = caught.value.problems
    assert problem.path == "$.languages[0].result_date"
    assert problem.value == "2025-06-01"  # as written
    assert "[plausibility.result_delay]" in str(problem)


# --- dependent children ---------------------------------------------------------------------


def test_twenty_dependent_children_are_accepted_and_21_refused() -> None:
    assert _candidate(dependent_children=20).family_size == 21
    for many in (21, 1_000_000):
        with pytest.raises(InvalidInputError) as caught:
            _candidate(dependent_children=many)
        assert _rules(caught.value) == ["plausibility.dependent_children"]
        assert caught.value.problems[0].value == many


# --- no profile before Express Entry opened ---------------------------------------------------


def test_a_profile_submitted_before_2015_01_01_in_utc_is_refused() -> None:
    _candidate(profile_submitted=datetime(2015, 1, 1, tzinfo=UTC))
    # 00:30 in Paris on 1 January is 23:30 on 31 December in UTC
    paris = datetime.fromisoformat("2015-01-01T00:30:00+01:00")
    for early in (datetime(2014, 12, 31, 23, 59, tzinfo=UTC), paris):
        with pytest.raises(InvalidInputError) as caught:
            _candidate(profile_submitted=early)
        assert _rules(caught.value) == ["plausibility.profile_submitted"]


# --- nothing before the birth -----------------------------------------------------------------


def test_a_document_on_the_day_of_birth_is_not_refused_by_the_birth_rule() -> None:
    # dated on the day of birth: not before it (whatever else may be odd about it)
    _candidate(medical_exam=BORN)
    with pytest.raises(InvalidInputError) as caught:
        _candidate(medical_exam=BORN - timedelta(days=1))
    assert [p.path for p in caught.value.problems] == ["medical_exam", "date_of_birth"]
    assert _rules(caught.value) == ["plausibility.after_birth"] * 2


def test_an_eca_of_1980_for_someone_born_in_1994_is_refused_with_the_birth_date() -> None:
    education = Education(level=EducationLevel.BACHELORS, eca_issued=date(1980, 1, 1))
    with pytest.raises(InvalidInputError) as caught:
        Candidate(date_of_birth=date(1994, 3, 15), education=education)
    assert [(p.path, p.value) for p in caught.value.problems] == [
        ("education.eca_issued", date(1980, 1, 1)),
        ("date_of_birth", date(1994, 3, 15)),
    ]
    assert "education.eca_issued 1980-01-01" in caught.value.problems[1].message


def test_every_date_before_the_birth_is_named_with_the_birth_date() -> None:
    """A future birth date is reported with every date it contradicts, not only the jobs."""
    work = WorkPeriod(
        start=date(2019, 1, 1), end=None, hours_per_week=40, noc="21231", in_canada=True
    )
    with pytest.raises(InvalidInputError) as caught:
        Candidate(
            date_of_birth=date(2030, 1, 1),
            education=Education(level=EducationLevel.SECONDARY),
            languages=(_ielts(date(2025, 1, 10)),),
            work_history=WorkHistory(periods=(work,)),
            police_certificates=(PoliceCertificate(country="IN", issued=date(2024, 1, 1)),),
        )
    assert {p.path for p in caught.value.problems} == {
        "languages[0].test_date",
        "work_history[0].start",
        "police_certificates[0].issued",
        "date_of_birth",
    }
    assert set(_rules(caught.value)) == {"plausibility.after_birth"}


# --- no one lives past 122 ---------------------------------------------------------------------


def test_a_date_at_age_122_is_accepted_and_at_123_refused() -> None:
    born = date(1900, 1, 1)
    Candidate(
        date_of_birth=born,
        education=Education(level=EducationLevel.SECONDARY),
        medical_exam=date(2022, 12, 31),
    )
    with pytest.raises(InvalidInputError) as caught:
        Candidate(
            date_of_birth=born,
            education=Education(level=EducationLevel.SECONDARY),
            medical_exam=date(2023, 1, 1),  # the 123rd birthday
        )
    assert _rules(caught.value) == ["plausibility.oldest_age"] * 2


def test_a_passport_may_expire_after_the_123rd_birthday() -> None:
    # an expiry is a day in the future, not something done at that age
    _candidate(passport_expiry=BORN + relativedelta(years=130))


def test_born_in_1800_is_refused_on_the_day_assessed() -> None:
    old = Candidate(
        date_of_birth=date(1800, 1, 1), education=Education(level=EducationLevel.SECONDARY)
    )
    with pytest.raises(InvalidInputError) as caught:
        score(old, as_of=date(2026, 11, 22))
    (problem,) = caught.value.problems
    assert problem.path == "date_of_birth"
    assert "226" in problem.message
    assert "[plausibility.oldest_age]" in problem.message


def test_age_122_on_the_day_assessed_is_scored_and_123_refused() -> None:
    old = Candidate(
        date_of_birth=date(1900, 1, 2), education=Education(level=EducationLevel.SECONDARY)
    )
    assert score(old, as_of=date(2023, 1, 1)).total >= 0  # 122 years and 364 days
    with pytest.raises(InvalidInputError):
        score(old, as_of=date(2023, 1, 2))


def test_born_in_1800_exits_2_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = to_dict(example_profile())
    data["date_of_birth"] = "1800-01-01"
    profile = tmp_path / "old.json"
    profile.write_text(json.dumps(data))
    assert main(["score", str(profile), "--as-of", "2026-11-22"]) == 2
    err = capsys.readouterr().err
    assert "$.date_of_birth: " in err
    assert "[plausibility.oldest_age]" in err
    assert '(got "1800-01-01")' in err
    assert "Traceback" not in err


# --- countries --------------------------------------------------------------------------------


def test_countries_are_iso_3166_1_codes() -> None:
    """ISO 3166-1 assigns 249 alpha-2 codes (https://www.iso.org/iso-3166-country-codes.html)."""
    assert len(country_codes() - {"XK"}) == 249
    for code in ("IN", "FR", "SS", "XK"):  # SS: South Sudan, assigned 2011; XK: Kosovo
        PoliceCertificate(country=code, issued=date(2025, 1, 1))
    for code in ("XX", "YU", "AN", "UK"):  # unassigned, or withdrawn (Yugoslavia, Antilles)
        with pytest.raises(InvalidInputError) as caught:
            PoliceCertificate(country=code, issued=date(2025, 1, 1))
        assert _rules(caught.value) == ["plausibility.country_code"]


def test_a_country_from_json_is_refused_by_path() -> None:
    data = to_dict(example_profile())
    data["police_certificates"] = [{"country": "XX", "issued": "2025-01-01"}]
    with pytest.raises(InvalidInputError) as caught:
        from_json(json.dumps(data), Candidate)
    assert [p.path for p in caught.value.problems] == ["$.police_certificates[0].country"]


# --- the property -------------------------------------------------------------------------------

AS_OF = date(2026, 11, 22)
_AFTER_BIRTH = "plausibility.after_birth"
_AGE = "plausibility.oldest_age"
_WORK_AGE = "plausibility.working_age"
_DELAY = "plausibility.result_delay"
_CHILDREN = "plausibility.dependent_children"
_SUBMITTED = "plausibility.profile_submitted"
_COUNTRY = "plausibility.country_code"

_days = st.dates(date(1790, 1, 1), AS_OF)


def _age(born: date, on: date) -> int:
    return relativedelta(on, born).years


def _broken(p: dict[str, Any]) -> set[str]:
    """The limits ``p`` breaks, stated here from the documented numbers."""
    born = date.fromisoformat(p["date_of_birth"])
    broken: set[str] = set()
    done: list[date] = []  # dates of things done: not before birth, not at 123
    language = p["languages"][0]
    taken, reported = (
        date.fromisoformat(language["test_date"]),
        date.fromisoformat(language["result_date"]),
    )
    done += [taken, reported]
    if (reported - taken).days > 90:
        broken.add(_DELAY)
    done.append(date.fromisoformat(p["education"]["eca_issued"]))
    submitted = datetime.fromisoformat(p["profile_submitted"]).astimezone(UTC).date()
    done.append(submitted)
    if submitted < date(2015, 1, 1):
        broken.add(_SUBMITTED)
    certificate = p["police_certificates"][0]
    done.append(date.fromisoformat(certificate["issued"]))
    if certificate["country"] not in {"IN", "FR", "XK"}:
        broken.add(_COUNTRY)
    for job in p["work_history"]:
        start = date.fromisoformat(job["start"])
        done.append(start)
        if start >= born and _age(born, start) < 16:
            broken.add(_WORK_AGE)
    if any(d < born for d in done):
        broken.add(_AFTER_BIRTH)
    if any(d >= born and _age(born, d) > 122 for d in done) or _age(born, AS_OF) > 122:
        broken.add(_AGE)
    if p["dependent_children"] > 20:
        broken.add(_CHILDREN)
    return broken


@st.composite
def _profiles(draw: st.DrawFn) -> dict[str, Any]:
    """Any dates and counts, half of them drawn within a plausible life so both sides occur."""
    # 29 February births aside: dateutil counts their birthdays on 28 February
    born = draw(
        (_days | st.dates(date(1950, 1, 1), date(2004, 12, 31))).filter(
            lambda d: (d.month, d.day) != (2, 29)
        )
    )
    adult = born + relativedelta(years=16)

    def day(lowest: date) -> date:
        lived = st.dates(max(lowest, adult), AS_OF) if max(lowest, adult) <= AS_OF else st.nothing()
        return draw(st.dates(lowest, AS_OF) | lived)

    taken = day(date(2015, 1, 1))  # IELTS charts start with Express Entry
    delay = draw(st.integers(0, 90) | st.integers(0, 3000))
    reported = min(taken + timedelta(days=delay), AS_OF)
    submitted = datetime.combine(day(date(1980, 1, 1)), time(12), tzinfo=UTC)
    submitted -= timedelta(hours=draw(st.integers(0, 23)))
    starts = [day(date(1790, 1, 1)) for _ in range(draw(st.integers(0, 3)))]
    eca, issued = day(date(1790, 1, 1)), day(date(1790, 1, 1))
    return {
        "date_of_birth": born.isoformat(),
        "education": {"level": "bachelors", "eca_issued": eca.isoformat()},
        "languages": [
            {
                "test": "ielts_general",
                "test_date": taken.isoformat(),
                "result_date": reported.isoformat(),
                "listening": 8.0,
                "speaking": 7.0,
                "reading": 7.0,
                "writing": 7.0,
            }
        ],
        "work_history": [
            {
                "start": s.isoformat(),
                "end": None,
                "hours_per_week": 40,
                "noc": "21231",
                "in_canada": True,
            }
            for s in starts
        ],
        "profile_submitted": submitted.isoformat(),
        "dependent_children": draw(st.integers(0, 20) | st.integers(0, 10**7)),
        "police_certificates": [
            {
                "country": draw(st.sampled_from(["IN", "FR", "XK", "XX", "YU"])),
                "issued": issued.isoformat(),
            }
        ],
    }


@given(_profiles())
def test_a_profile_is_accepted_exactly_when_it_breaks_no_limit(p: dict[str, Any]) -> None:
    broken = _broken(p)
    event("accepted" if not broken else f"breaks {len(broken)} rule(s)")
    if not broken:
        score(from_dict(p, Candidate), as_of=AS_OF)
        return
    with pytest.raises(InvalidInputError) as caught:
        score(from_dict(p, Candidate), as_of=AS_OF)
    named = _rules(caught.value)
    assert "" not in named, caught.value  # every refusal names its rule
    assert set(named) <= broken, caught.value  # and only rules the profile breaks


def test_the_limits_are_named_in_the_profile_format_guide() -> None:
    guide = (Path(__file__).parent.parent / "docs" / "profile-format.md").read_text("utf-8")
    for rule in (_AFTER_BIRTH, _AGE, _WORK_AGE, _DELAY, _CHILDREN, _SUBMITTED, _COUNTRY):
        assert rule in guide


def test_evolve_is_checked_too() -> None:
    with pytest.raises(InvalidInputError):
        attrs.evolve(example_profile(), dependent_children=21)
