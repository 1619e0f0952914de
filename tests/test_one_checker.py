"""One checker: a bad value gets the same words from JSON and from a Python constructor.

The models check every field (:mod:`expressentry.models._fields`); reading JSON only
turns its shapes into model calls and puts the JSON path in front of the models'
messages. So for each bad value below, the problems of ``from_dict`` and of the
constructor (``attrs.evolve`` of a valid model) are the same: the same fields, the
same values as written, the same messages, in the same order; only the path's
prefix differs (``$.work_history[0].hours_per_week`` and ``hours_per_week``).

Kind: property over a table of bad values per field (the two channels agree).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date
from typing import Any

import attrs
import pytest

import expressentry as ee
from expressentry import InvalidInputError, InvalidProfileError
from expressentry.models import Candidate, PoliceCertificate

EXAMPLE = ee.example_profile()
CERTIFICATE = {"country": "IN", "issued": "2024-01-01"}

# Where a model sits in the example, as a JSON path and as a Python object.
PLACES: dict[str, tuple[str, Callable[[Candidate], Any]]] = {
    "Candidate": ("", lambda c: c),
    "WorkPeriod": ("work_history[0]", lambda c: c.work_history.periods[0]),
    "LanguageResult": ("languages[0]", lambda c: c.languages[0]),
    "Education": ("education", lambda c: c.education),
    "JobOffer": ("job_offer", lambda c: c.job_offer),
    "Spouse": ("spouse", lambda c: c.spouse),
    "PoliceCertificate": (
        "police_certificates[0]",
        lambda c: PoliceCertificate(country="IN", issued=date(2024, 1, 1)),
    ),
}

# (model, field, bad values): each value means the same in JSON and in Python.
BAD: list[tuple[str, str, list[object]]] = [
    ("WorkPeriod", "hours_per_week", [0, -1, 200, 168.5, True, "40", None, [40], {"h": 1}]),
    ("WorkPeriod", "hours_per_week", [10**400]),
    ("WorkPeriod", "noc", [21231, None, "2123", "2123x", "99999", "", ["21231"], 21231.0]),
    ("WorkPeriod", "in_canada", ["no", 1, None, 0.0]),
    ("WorkPeriod", "self_employed", [0, "false"]),
    ("WorkPeriod", "authorized", [None, []]),
    ("LanguageResult", "listening", [9.5, -1, 7.25, True, "8", None, 10**400, 10]),
    ("LanguageResult", "writing", [10, "seven", False]),
    ("LanguageResult", "test", ["toefl", None, 3, True, ["ielts_general"], "IELTS_GENERAL"]),
    ("Education", "level", ["phd", None, 7, "Masters"]),
    ("Education", "canadian_credential", ["college", 1]),
    ("JobOffer", "noc", [21231, "1", None, "99999"]),
    ("JobOffer", "canadian_armed_forces", ["yes", 1, None]),
    ("Candidate", "dependent_children", [-1, 21, 1.5, True, "2", None, 10**400]),
    ("Candidate", "settlement_funds", [-5, 10.0, False, "100"]),
    ("Candidate", "sibling_in_canada", [1, "true", None]),
    ("Candidate", "provincial_nomination", ["yes"]),
    ("Candidate", "certificate_noc", [123, "21231", "xx"]),
    ("Candidate", "marital_status", ["single", None, 2]),
    ("Candidate", "first_official_language", ["klingon", 1, "English"]),
    ("Spouse", "accompanying", ["yes", None]),
    ("Spouse", "studied_in_canada", [0]),
    ("PoliceCertificate", "country", ["CA", "XX", "in", "IND", 7, None, ""]),
]

# Changes whose JSON form and Python form differ (dates), each as (JSON, Python).
BAD_PAIRS: list[tuple[str, dict[str, tuple[object, object]]]] = [
    ("WorkPeriod", {"end": ("2017-01-01", date(2017, 1, 1))}),
    ("LanguageResult", {"result_date": ("2025-09-01", date(2025, 9, 1))}),
    ("LanguageResult", {"result_date": ("2026-01-01", date(2026, 1, 1))}),
    ("LanguageResult", {"test": ("pte_core", ee.LanguageTest.PTE_CORE)}),
    (
        "LanguageResult",
        {
            "test": ("pte_core", ee.LanguageTest.PTE_CORE),
            "test_date": ("2023-05-01", date(2023, 5, 1)),
        },
    ),
    (
        "Education",
        {
            "level": ("secondary", ee.EducationLevel.SECONDARY),
            "canadian_credential": (
                "three_year_or_more",
                ee.CanadianCredential.THREE_YEAR_OR_MORE,
            ),
        },
    ),
    (
        "Education",
        {
            "canadian_credential": ("one_or_two_year", ee.CanadianCredential.ONE_OR_TWO_YEAR),
            "eca_issued": (None, None),
        },
    ),
]

Problem = tuple[str, object, str]


def _json_problems(model: str, changes: dict[str, object]) -> list[Problem]:
    where, _ = PLACES[model]
    data = ee.to_dict(EXAMPLE)
    data["police_certificates"] = [copy.deepcopy(CERTIFICATE)]
    node: Any = data
    for step in where.replace("[", ".").replace("]", "").split(".") if where else ():
        node = node[int(step)] if step.isdigit() else node[step]
    node.update(changes)
    with pytest.raises(InvalidProfileError) as caught:
        ee.from_dict(data, Candidate)
    prefix = f"$.{where}." if where else "$."
    out = []
    for p in caught.value.problems:
        assert p.path.startswith(prefix), p
        out.append((p.path.removeprefix(prefix), p.value, p.message))
    return out


def _python_problems(model: str, changes: dict[str, object]) -> list[Problem]:
    _, find = PLACES[model]
    with pytest.raises(InvalidInputError) as caught:
        attrs.evolve(find(EXAMPLE), **changes)
    assert caught.value.owner == model
    return [(p.path, p.value, p.message) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("model", "name", "value"),
    [(model, name, value) for model, name, values in BAD for value in values],
    ids=lambda v: repr(v)[:30],
)
def test_a_bad_value_gets_the_same_words_from_json_and_python(
    model: str, name: str, value: object
) -> None:
    from_json = _json_problems(model, {name: value})
    from_python = _python_problems(model, {name: value})
    assert from_json == from_python
    assert from_json  # the value is bad: a problem is named


@pytest.mark.parametrize(("model", "changes"), BAD_PAIRS, ids=lambda v: repr(v)[:40])
def test_a_bad_date_gets_the_same_words_from_json_and_python(
    model: str, changes: dict[str, tuple[object, object]]
) -> None:
    from_json = _json_problems(model, {k: j for k, (j, _) in changes.items()})
    from_python = _python_problems(model, {k: p for k, (_, p) in changes.items()})
    assert [(path, message) for path, _, message in from_json] == [
        (path, message) for path, _, message in from_python
    ]
    assert from_json


def test_a_field_next_to_a_missing_one_is_still_checked_in_the_models_words() -> None:
    # The constructor cannot be called without noc, yet hours_per_week is named as the
    # model names it, with the missing key.
    data = ee.to_dict(EXAMPLE)
    del data["work_history"][0]["noc"]
    data["work_history"][0]["hours_per_week"] = "40"
    data["work_history"][0]["in_canada"] = "no"
    data["languages"][0]["test"] = "toefl"
    data["languages"][0]["nickname"] = 1
    with pytest.raises(InvalidProfileError) as caught:
        ee.from_dict(data, Candidate)
    assert [str(p) for p in caught.value.problems] == [
        "$.languages[0].nickname: unknown key",
        '$.languages[0].test: must be one of "ielts_general", "celpip_general", "pte_core",'
        ' "tef_canada", "tcf_canada" (got "toefl")',
        "$.work_history[0].noc: required field missing",
        '$.work_history[0].hours_per_week: must be a number (got "40")',
        '$.work_history[0].in_canada: must be true or false (got "no")',
    ]


def test_json_strings_are_members_and_python_strings_are_refused() -> None:
    # JSON writes an enum as its value; Python passes the member, never a string.
    data = ee.to_dict(EXAMPLE)
    assert ee.from_dict(data, Candidate) == EXAMPLE
    with pytest.raises(InvalidInputError, match=r"pass EducationLevel\('masters'\)"):
        attrs.evolve(EXAMPLE.education, level="masters")  # type: ignore[arg-type]
