"""The profile's JSON Schema: valid, shipped as generated, and as strict as it can be.

Kinds of test:

- the schema is a valid draft 2020-12 schema, and the copy shipped in the
  package equals what :func:`~expressentry.schema.profile_schema` generates;
- every profile the library writes validates: the bundled example, the pools of
  the docs (``docs/profile-format.md``), and random profiles of every feature
  (``tests/strategies.py``), written by :func:`~expressentry.to_dict`;
- every invalid example of the docs is refused by the schema too (README's
  ``bad.json``, the profile format's IELTS listening of 9.5), and so is each
  kind of mistake a form can make on one field alone (hand-written below, each
  refused by the library with the message quoted);
- each JSON output validates against its schema: ``score``, ``eligibility`` and
  ``plan`` of random profiles, in Python (:func:`~expressentry.to_json`) and on the
  command line (``--format json``);
- the schema never refuses what the library accepts: random profiles, and the
  scale of each test at its edges (IELTS 0 to 9 in halves, CELPIP 0 to 12, PTE
  Core 10 to 90, TEF Canada 0 to 699 since 2019-10-01, TCF Canada reading and
  listening 100 to 699, writing and speaking 0 to 20: IRCC's equivalency charts,
  https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/documents/language-requirements/test-equivalency-charts.html).
"""

from __future__ import annotations

import copy
import json
import random
import re
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import expressentry as ee
from expressentry.__main__ import main
from expressentry.errors import InvalidProfileError
from expressentry.schema import DIALECT, SCHEMAS, profile_schema, schema, shipped_schema
from tests.strategies import random_candidate

ROOT = Path(__file__).resolve().parent.parent
AS_OF = date(2026, 11, 22)

VALIDATOR = jsonschema.Draft202012Validator(
    profile_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)


def _valid(data: object) -> bool:
    return VALIDATOR.is_valid(data)


def test_the_schema_is_a_draft_2020_12_schema() -> None:
    s = profile_schema()
    assert s["$schema"] == DIALECT == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(s)


@pytest.mark.parametrize("name", SCHEMAS)
def test_each_shipped_schema_is_the_generated_one(name: str) -> None:
    assert shipped_schema(name) == schema(name)
    jsonschema.Draft202012Validator.check_schema(schema(name))


def test_the_command_line_prints_the_shipped_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "profile"]) == 0
    assert json.loads(capsys.readouterr().out) == profile_schema()


def test_the_example_validates() -> None:
    assert _valid(ee.to_dict(ee.example_profile()))


def _doc_pool_lines() -> list[dict[str, Any]]:
    text = (ROOT / "docs" / "profile-format.md").read_text(encoding="utf-8")
    lines = re.findall(r'^\s*(\{"date_of_birth".*\})\s*$', text, flags=re.M)
    return [json.loads(line) for line in lines]


def test_every_profile_of_the_docs_is_judged_as_the_library_judges_it() -> None:
    found = _doc_pool_lines()
    assert len(found) >= 3  # two pool lines and the bad example
    for data in found:
        try:
            ee.from_dict(data, ee.Candidate)
        except InvalidProfileError:
            assert not _valid(data), data
        else:
            assert _valid(data), data


def test_the_readme_s_bad_profile_is_refused() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"\$ cat bad\.json\n(\{.*?\n\})\n", text, flags=re.S)
    assert block is not None
    data = json.loads(block.group(1))
    errors = {tuple(e.absolute_path) for e in VALIDATOR.iter_errors(data)}
    # README names: the date 1990-02-30, education missing, 0 hours, the unknown key
    assert ("date_of_birth",) in errors
    assert ("work_history", 0, "hours_per_week") in errors
    assert () in errors  # education required, nickname not a key


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_every_profile_the_library_writes_validates(seed: int) -> None:
    c = random_candidate(random.Random(seed), AS_OF)
    data = ee.to_dict(c)
    assert _valid(data), list(VALIDATOR.iter_errors(data))[:3]
    assert _valid(json.loads(ee.to_json(c)))


# (where, the bad value) -> each refused by the library alone, as the test checks
MISTAKES: list[tuple[tuple[Any, ...], Any]] = [
    (("date_of_birth",), "1990-13-01"),
    (("date_of_birth",), "01/05/1990"),
    (("marital_status",), "single"),
    (("dependent_children",), -1),
    (("dependent_children",), 21),
    (("dependent_children",), 2.5),
    (("settlement_funds",), -5),
    (("certificate_of_qualification",), "yes"),
    (("education", "level"), "phd"),
    (("languages", 0, "test"), "toefl"),
    (("languages", 0, "listening"), 9.25),
    (("languages", 0, "listening"), 10),
    (("languages", 0, "listening"), "8"),
    (("work_history", 0, "noc"), "2123"),
    (("work_history", 0, "noc"), 21231),
    (("work_history", 0, "hours_per_week"), 169),
    (("work_history", 0, "in_canada"), None),
    (("profile_submitted",), "2025-01-31T14:05:00"),
    (("job_offer", "noc"), "ABCDE"),
]


def _with(data: dict[str, Any], where: tuple[Any, ...], value: Any) -> dict[str, Any]:
    out = copy.deepcopy(data)
    target: Any = out
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = value
    return out


@pytest.mark.parametrize(("where", "value"), MISTAKES)
def test_a_mistake_in_one_field_is_refused_by_both(where: tuple[Any, ...], value: Any) -> None:
    base = ee.to_dict(ee.example_profile())
    base["profile_submitted"] = "2025-01-31T14:05:00+00:00"
    bad = _with(base, where, value)
    with pytest.raises(InvalidProfileError):
        ee.from_dict(bad, ee.Candidate)
    assert not _valid(bad)


# IRCC's equivalency charts: each test's lowest and highest score in each ability
EDGES = [
    ("ielts_general", "2025-09-20", {"listening": 0, "speaking": 9, "reading": 4.5, "writing": 9}),
    ("celpip_general", "2025-09-20", {"listening": 0, "speaking": 12, "reading": 7, "writing": 12}),
    ("pte_core", "2025-09-20", {"listening": 10, "speaking": 90, "reading": 50, "writing": 90}),
    ("tef_canada", "2025-09-20", {"listening": 0, "speaking": 699, "reading": 699, "writing": 0}),
    ("tcf_canada", "2025-09-20", {"listening": 100, "speaking": 20, "reading": 699, "writing": 0}),
]


@pytest.mark.parametrize(("test", "taken", "scores"), EDGES)
def test_each_test_s_scale_edges_are_accepted_by_both(
    test: str, taken: str, scores: dict[str, float]
) -> None:
    data = ee.to_dict(ee.example_profile())
    data["languages"] = [{"test": test, "test_date": taken, **scores}]
    data["first_official_language"] = None
    ee.from_dict(data, ee.Candidate)  # the library accepts it
    assert _valid(data), list(VALIDATOR.iter_errors(data))[:3]


def _output_validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        schema(name), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_each_json_output_validates_against_its_schema(seed: int) -> None:
    c = random_candidate(random.Random(seed), AS_OF)
    for name, result in (
        ("score", ee.score(c, as_of=AS_OF)),
        ("eligibility", ee.assess(c, as_of=AS_OF)),
        ("plan", ee.improvements(c, as_of=AS_OF, chances=seed % 4 == 0)),
    ):
        data = json.loads(ee.to_json(result))
        errors = list(_output_validator(name).iter_errors(data))
        assert not errors, (name, [e.message for e in errors[:3]])


@pytest.mark.parametrize("name", ["score", "eligibility", "plan"])
def test_the_command_line_s_json_validates(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([name, "--example", "--as-of", AS_OF.isoformat(), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert _output_validator(name).is_valid(data)
    # the schema is not a blank cheque: a key it does not know is refused
    assert not _output_validator(name).is_valid({**data, "extra": 1})
