"""JSON in and out: strict structuring, every bad field with its path, lossless round trips.

Kind: hand-worked examples of user-facing behaviour (JSON and its errors), and round
trips (property).
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import pytest

import expressentry as ee
from expressentry import (
    Candidate,
    CrsBreakdown,
    Education,
    EducationLevel,
    FieldProblem,
    InvalidInputError,
    InvalidProfileError,
    LanguageResult,
    LanguageTest,
    MaritalStatus,
    Teer,
    WorkPeriod,
    example_profile,
    from_dict,
    from_json,
    score,
    to_dict,
    to_json,
)
from expressentry.errors import MISSING


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
        "$.nickname": MISSING,
    }
    message = str(info.value)
    assert "  $.work_history[0].hours_per_week: must be more than 0" in message
    assert '(got "phd")' in message  # as written in JSON
    assert '"masters", "doctoral"' in message  # the allowed values are listed, as JSON
    assert "\n  $.nickname: unknown key" in message


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
    assert paths(info) == {"$.education": MISSING}
    assert str(info.value) == "invalid Candidate:\n  $.education: required field missing"


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


# -- text that is not a profile: one InvalidProfileError, never another error --------

EXAMPLE_JSON = to_json(example_profile())


def problem_lines(text: str | bytes) -> list[str]:
    with pytest.raises(InvalidProfileError) as info:
        from_json(text, Candidate)
    return [str(p) for p in info.value.problems]


def test_bytes_that_are_not_utf8() -> None:
    assert problem_lines(b'{"date_of_birth": "\xff"}') == [
        "$: not UTF-8 text: byte 0xff at offset 19"
    ]
    # UTF-16 is not read as if it were UTF-8 (json.loads would have guessed)
    assert problem_lines('{"a": 1}'.encode("utf-16")) == [
        "$: not UTF-8 text: byte 0xff at offset 0"
    ]


def test_the_offset_counts_a_byte_order_mark() -> None:
    assert problem_lines(b'\xef\xbb\xbf{"a": "\xc3("}') == [
        "$: not UTF-8 text: byte 0xc3 at offset 10"
    ]


@pytest.mark.parametrize(
    "text",
    [
        b"\xef\xbb\xbf" + EXAMPLE_JSON.encode(),
        "\ufeff" + EXAMPLE_JSON,
        EXAMPLE_JSON.encode(),
        bytearray(EXAMPLE_JSON.encode()),
    ],
)
def test_utf8_with_or_without_a_byte_order_mark_is_read(text: str | bytes) -> None:
    assert from_json(text, Candidate) == example_profile()


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('{\n  "a": 1,\n  "b": 2\n  "c": 3\n}', "Expecting ',' delimiter at line 4, column 3"),
        ("{", "Expecting property name enclosed in double quotes at column 2"),
        ('{"a": "x', "Unterminated string starting at column 7"),
        ('{\n"a": "x', "Unterminated string starting at line 2, column 6"),
        ('{"a": 1}\n{}', "Extra data at line 2, column 1"),
        ("", "the text is empty"),
        ("\ufeff \n\t", "the text is empty"),
    ],
)
def test_json_syntax_says_line_and_column(text: str, line: str) -> None:
    assert problem_lines(text) == [f"$: not valid JSON: {line}"]


def test_duplicate_keys_are_named_by_path() -> None:
    text = """{
      "education": {"level": "masters", "level": "phd"},
      "languages": [{}, {"test": "tef_canada", "test": "tcf_canada", "test": "x"}],
      "education": {}
    }"""
    assert problem_lines(text) == [
        "$.education: duplicate key",
        "$.languages[1].test: duplicate key",
    ]


def test_a_duplicate_key_that_is_not_a_name_is_quoted() -> None:
    assert problem_lines('{"date of birth": 1, "date of birth": 2}') == [
        '$["date of birth"]: duplicate key'
    ]


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_not_json(literal: str) -> None:
    text = EXAMPLE_JSON.replace('"listening": 8.5', f'"listening": {literal}')
    assert problem_lines(text) == [
        f"$.languages[0].listening: not valid JSON: {literal} is not a JSON number"
    ]


def test_a_number_overflowing_to_infinity_is_refused() -> None:
    text = EXAMPLE_JSON.replace('"listening": 8.5', '"listening": 1e999')
    assert problem_lines(text) == [
        "$.languages[0].listening: must be a finite number (got Infinity)"
    ]


def test_an_integer_of_thousands_of_digits() -> None:
    text = EXAMPLE_JSON.replace('"hours_per_week": 40', '"hours_per_week": -' + "1" * 4301)
    assert problem_lines(text) == [
        "$.work_history[0].hours_per_week: number too long (4,301 digits)"
    ]


def test_deep_nesting() -> None:
    assert problem_lines('{"languages": ' + "[" * 50_000 + "]" * 50_000 + "}") == [
        "$: nested too deeply"
    ]


def test_deep_data_is_shown_cut_short() -> None:
    deep: list[object] = []
    for _ in range(50_000):
        deep = [deep]
    with pytest.raises(InvalidProfileError) as info:
        from_dict({**example_dict(), "languages": [deep]}, Candidate)
    assert [str(p) for p in info.value.problems] == [
        "$.languages[0]: must be a JSON object (got [[[[[[[[…]]]]]]]])"
    ]


@pytest.mark.parametrize(
    ("data", "line"),
    [
        (None, "$: must be a JSON object (got null)"),
        ([1, "a"], '$: must be a JSON object (got [1, "a"])'),
        ("x" * 100, '$: must be a JSON object (got "' + "x" * 58 + "…)"),
        ({"education": 7}, "$.education: must be a JSON object (got 7)"),
        ({"education": {"level": None}}, "$.education.level: must be one of"),
        ({"date_of_birth": "2019-W01-1"}, "$.date_of_birth: must be a real date written"),
        ({"date_of_birth": "20190101"}, "$.date_of_birth: must be a real date written"),
        ({"sibling_in_canada": 1}, "$.sibling_in_canada: must be true or false (got 1)"),
        ({"dependent_children": True}, "$.dependent_children: must be a whole number, not a"),
        (
            {"languages": [{"listening": float("nan")}]},
            "$.languages[0].listening: must be a finite",
        ),
        ({"languages": [{"listening": 10**5000}]}, "$.languages[0].listening: must be a number of"),
        ({"work_history": {"a": 1}}, '$.work_history: must be a list (got {"a": 1})'),
        ({"nickname": None, "a b": 1}, '$["a b"]: unknown key'),
    ],
)
def test_plain_data_problems(data: object, line: str) -> None:
    if isinstance(data, dict):
        data = {**example_dict(), **data}
    with pytest.raises(InvalidProfileError) as info:
        from_dict(data, Candidate)
    assert any(str(p).startswith(line) for p in info.value.problems), info.value


def test_a_huge_integer_is_shown_by_its_size() -> None:
    with pytest.raises(InvalidProfileError) as info:
        from_dict({**example_dict(), "languages": [{"listening": 10**5000}]}, Candidate)
    assert "(got a whole number of about 5,001 digits)" in str(info.value)


# -- what the model checks say, placed at absolute paths, values as written ------------


def test_model_problems_show_values_as_json() -> None:
    data = example_dict()
    data["work_history"][1]["end"] = "2019-01-01"  # before its start, 2023-03-01
    data["marital_status"] = "never_married"  # and yet a spouse
    data["spouse"]["language"]["listening"] = 7.5
    with pytest.raises(InvalidProfileError) as info:
        from_dict(data, Candidate)
    assert str(info.value) == (
        "invalid Candidate:\n"
        "  $.spouse.language.listening: celpip_general listening scores on 2025-08-09 run"
        " 0 to 12 in whole numbers (got 7.5)\n"
        '  $.work_history[1].end: must not be before start (2023-03-01) (got "2019-01-01")'
    )


def test_a_model_given_where_none_may_be_is_shown_by_its_class() -> None:
    data = example_dict()
    data["marital_status"] = "never_married"
    with pytest.raises(InvalidProfileError) as info:
        from_dict(data, Candidate)
    assert str(info.value).endswith(
        "  $.spouse: must be given exactly when marital_status is married or common_law"
        " (it is never_married) (got a Spouse)"
    )


def test_python_constructors_print_one_problem_a_line() -> None:
    with pytest.raises(InvalidInputError) as info:
        WorkPeriod(
            start=date(2019, 1, 1),
            end=date(2018, 1, 1),
            hours_per_week=200,
            noc="21231",
            in_canada=True,
        )
    assert str(info.value) == (
        "invalid WorkPeriod:\n"
        '  end: must not be before start (2019-01-01) (got "2018-01-01")\n'
        "  hours_per_week: must be more than 0 and at most 168 (the hours in a week) (got 200)"
    )


def test_at_most_twenty_problems_are_listed() -> None:
    data = example_dict()
    data["work_history"] = [{**data["work_history"][0], "hours_per_week": 0}] * 10_000
    with pytest.raises(InvalidProfileError) as info:
        from_dict(data, Candidate)
    assert len(info.value.problems) == 10_000
    lines = str(info.value).splitlines()
    assert len(lines) == 22
    assert lines[20].startswith("  $.work_history[19].hours_per_week: must be more than 0")
    assert lines[21] == "  ... and 9,980 more"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (None, "null"),
        (True, "true"),
        (7.5, "7.5"),
        (-0.0, "-0.0"),
        (float("-inf"), "-Infinity"),
        ("é\n\ud800", '"é\\n\\ud800"'),
        (date(2019, 1, 1), '"2019-01-01"'),
        (datetime(2025, 10, 1, 14, 30, tzinfo=UTC), '"2025-10-01T14:30:00+00:00"'),
        (MaritalStatus.MARRIED, '"married"'),
        (Teer.TEER_2, "2"),
        (Education(level=EducationLevel.SECONDARY), "an Education"),
        ((LanguageTest.IELTS_GENERAL, None), '["ielts_general", null]'),
        ({"a": [1, {}]}, '{"a": [1, {}]}'),
        # at most 60 characters: 59, then the ellipsis
        (list(range(100)), "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, …"),
        (2**64, "18446744073709551616"),
    ],
)
def test_values_are_shown_as_json_writes_them(value: object, shown: str) -> None:
    assert str(FieldProblem("$.x", value, "is bad")) == f"$.x: is bad (got {shown})"


def test_no_value_no_got() -> None:
    assert str(FieldProblem("$.education", MISSING, "required field missing")) == (
        "$.education: required field missing"
    )


# -- a bug is not bad input ------------------------------------------------------------


def test_an_unexpected_error_propagates(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: WorkPeriod) -> None:
        raise ZeroDivisionError

    monkeypatch.setattr(WorkPeriod, "__attrs_post_init__", broken)
    # Bad input elsewhere: a valid profile is read without the models' constructors
    # (see test_fast_read.py for a bug of that path).
    with pytest.raises(ZeroDivisionError):
        from_dict({**example_dict(), "sibling_in_canada": 1}, Candidate)


@pytest.mark.parametrize(
    ("path", "written"),
    [
        # parsed to a datetime, refused by the model: echoed as typed, space and all
        ("profile_submitted", "2026-01-01 10:00"),
        ("profile_submitted", "2026-01-01T10:00:00"),
        # a nested date the model refuses (a result before its test)
        ("languages[0].result_date", "2020-01-01"),
    ],
)
def test_a_refused_value_is_echoed_as_written(path: str, written: str) -> None:
    """Principle 3: errors name the value as the user wrote it, not as it was parsed."""
    data = to_dict(example_profile())
    if path.startswith("languages"):
        data["languages"][0]["result_date"] = written
    else:
        data[path] = written
    with pytest.raises(InvalidProfileError) as info:
        from_dict(data, Candidate)
    [problem] = info.value.problems
    assert (problem.path, problem.value) == (f"$.{path}", written)


def test_a_rule_set_is_refused_by_name_not_by_a_crash() -> None:
    # A rule set holds tables and the code of added factors: to_dict names it in
    # a clear error (it used to escape as a NameError from the type hints).
    rules = ee.rules_for(as_of=date(2026, 11, 22))
    with pytest.raises(ee.InvalidInputError) as caught:
        ee.to_dict(rules)
    assert caught.value.problems[0].path == "rules"
    assert "rules in force from 2025-03-25" in str(caught.value)
    written = ee.to_dict(ee.Scenario(ee.example_profile(), name="A"))
    assert written["rules"] is None
    assert written["candidate"] == ee.to_dict(ee.example_profile())
