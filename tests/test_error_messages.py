"""Each problem reported in issue 16 says what is really wrong, with the documented error.

Every case below was measured on the code before the fix: its old message (or
crash) is quoted in the test's comment, and the test holds the new one.

Kind: hand-worked examples of user-facing behaviour (errors).
"""

from __future__ import annotations

from datetime import date

import pytest

import expressentry as ee
from expressentry import (
    Candidate,
    InvalidInputError,
    InvalidProfileError,
    Source,
)

AS_OF = date(2026, 11, 22)
PROFILE = ee.example_profile()
SOURCE = Source(id="demo", title="A proposal", url="https://www.canada.ca/", retrieved=AS_OF)


def _messages(error: InvalidInputError) -> list[str]:
    return [str(p) for p in error.problems]


# -- only the documented errors ----------------------------------------------------------


def test_from_json_of_none_is_an_invalid_profile() -> None:
    # Before: AttributeError: 'NoneType' object has no attribute 'removeprefix'.
    with pytest.raises(InvalidProfileError) as caught:
        ee.from_json(None, Candidate)  # type: ignore[arg-type]
    assert _messages(caught.value) == [
        "$: must be JSON text (a str, or UTF-8 bytes), not null (None) (got null)"
    ]


def test_from_json_names_a_class_that_is_not_a_model() -> None:
    with pytest.raises(InvalidInputError) as caught:
        ee.from_json("{}", "Candidate")  # type: ignore[arg-type]
    assert _messages(caught.value) == [
        "cls: must be a model class of expressentry, such as expressentry.Candidate "
        '(got "Candidate")'
    ]


def test_score_many_of_one_candidate_says_to_pass_a_list() -> None:
    # Before: TypeError: 'Candidate' object is not iterable.
    with pytest.raises(InvalidInputError) as caught:
        ee.score_many(PROFILE, as_of=AS_OF)  # type: ignore[call-overload]
    (problem,) = caught.value.problems
    assert problem.path == "candidates"
    assert problem.message == (
        "must be a list (or another iterable) of Candidate objects, not one Candidate: "
        "pass [candidate]"
    )


@pytest.mark.parametrize("wrong", [None, 7, "profile.json", {"a": 1}])
def test_score_many_refuses_what_holds_no_candidates(wrong: object) -> None:
    with pytest.raises(InvalidInputError) as caught:
        ee.score_many(wrong, as_of=AS_OF)  # type: ignore[call-overload]
    assert caught.value.problems[0].message == (
        "must be a list (or another iterable) of Candidate objects"
    )
