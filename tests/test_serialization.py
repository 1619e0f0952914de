"""JSON in and out: strict structuring, every bad field with its path, lossless round trips."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from expressentry import (
    Candidate,
    CrsBreakdown,
    InvalidInputError,
    InvalidProfileError,
    LanguageResult,
    example_profile,
    from_dict,
    from_json,
    score,
    to_dict,
    to_json,
)


def example_dict() -> dict[str, Any]:
    data: dict[str, Any] = to_dict(example_profile())
    return data


def paths(exc: pytest.ExceptionInfo[InvalidProfileError]) -> dict[str, object]:
    return {p.path: p.value for p in exc.value.problems}


def test_example_round_trips() -> None:
    c = example_profile()
    assert from_dict(to_dict(c), Candidate) == c
    assert from_json(to_json(c), Candidate) == c


def test_example_breakdown_round_trips() -> None:
    b = score(example_profile(), as_of=date(2026, 11, 22))
    data = to_dict(b)
    assert data["total"] == 574
    assert from_dict(data, CrsBreakdown) == b


def test_every_bad_field_is_listed_with_its_path() -> None:
    data = example_dict()
    data["date_of_birth"] = "1990-02-30"
    data["work_history"][0]["hours_per_week"] = -4
    data["work_history"][1]["noc"] = "99"
    data["languages"][0]["listening"] = 9.5
    data["spouse"]["education"]["level"] = "phd"
    data["nickname"] = "x"
    with pytest.raises(InvalidProfileError) as info:
        from_dict(data, Candidate)
    assert paths(info) == {
        "$.date_of_birth": "1990-02-30",
        "$.work_history[0].hours_per_week": -4,
        "$.work_history[1].noc": "99",
        "$.languages[0].listening": 9.5,
        "$.spouse.education.level": "phd",
        "$": ["nickname"],
    }
    message = str(info.value)
    assert "$.work_history[0].hours_per_week" in message
    assert "'phd'" in message
    assert "'masters'" in message  # the allowed values are listed


def test_the_error_is_a_value_error() -> None:
    assert issubclass(InvalidProfileError, InvalidInputError)
    assert issubclass(InvalidProfileError, ValueError)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("sibling_in_canada", "yes"),
        ("sibling_in_canada", 1),
        ("provincial_nomination", None),
        ("date_of_birth", "1990-1-1"),
        ("date_of_birth", 19900101),
        ("languages", "ielts"),
        ("work_history", {"start": "2020-01-01"}),
        ("marital_status", "MARRIED"),
    ],
)
def test_no_guessing_of_types(field: str, value: object) -> None:
    data = example_dict()
    data[field] = value
    with pytest.raises(InvalidProfileError) as info:
        from_dict(data, Candidate)
    assert f"$.{field}" in paths(info)


def test_an_integer_field_refuses_a_fraction() -> None:
    b = to_dict(score(example_profile(), as_of=date(2026, 11, 22)))
    b["total"] = 574.5
    with pytest.raises(InvalidProfileError) as info:
        from_dict(b, CrsBreakdown)
    assert paths(info) == {"$.total": 574.5}


def test_breakdown_total_must_be_the_sum_of_its_lines() -> None:
    b = to_dict(score(example_profile(), as_of=date(2026, 11, 22)))
    b["total"] = 600
    with pytest.raises(InvalidProfileError) as info:
        from_dict(b, CrsBreakdown)
    # The check is an invariant of the breakdown (InternalError when built by the
    # library); reading JSON still reports it as bad input, on the object itself.
    assert "total 600 is not the sum of its lines (574)" in str(info.value)


def test_missing_required_field() -> None:
    data = example_dict()
    del data["education"]
    with pytest.raises(InvalidProfileError) as info:
        from_dict(data, Candidate)
    assert paths(info) == {"$.education": None}


def test_not_json_and_not_an_object() -> None:
    with pytest.raises(InvalidProfileError, match="not valid JSON"):
        from_json("{", Candidate)
    with pytest.raises(InvalidProfileError, match="must be a JSON object"):
        from_json("[]", Candidate)


def test_defaults_may_be_left_out() -> None:
    minimal = {"date_of_birth": "1990-05-01", "education": {"level": "secondary"}}
    c = from_dict(minimal, Candidate)
    assert c.languages == ()
    assert c.work_history.periods == ()


def test_ielts_half_bands_survive_json() -> None:
    data = {
        "test": "ielts_general",
        "test_date": "2025-01-10",
        "listening": 8.5,
        "speaking": 7,
        "reading": 6.5,
        "writing": 7,
        "result_date": "2025-01-23",
    }
    parsed = from_dict(data, LanguageResult)
    assert json.loads(to_json(parsed)) == data
