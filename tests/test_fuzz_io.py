"""Fuzzing the way in: whatever the text or data, only InvalidProfileError, never a crash.

Two kinds of input: arbitrary JSON, which mostly stops at the top level, and the
bundled example profile with a few leaves or subtrees replaced, keys removed or
added, or its text damaged, which reaches the model checks deep inside. Every run
is derandomized, so a failure reproduces; the example counts add up to 10,000.

Kind: property (fuzz) of user-facing behaviour.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import re
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from expressentry import (
    Candidate,
    InvalidInputError,
    InvalidProfileError,
    assess,
    enums,
    example_profile,
    from_dict,
    from_json,
    score,
    to_dict,
)
from expressentry.__main__ import main
from expressentry.models import Education, JobOffer, LanguageResult, Spouse, WorkPeriod

EXAMPLE: dict[str, Any] = to_dict(example_profile())
MODELS = (Candidate, Spouse, Education, LanguageResult, WorkPeriod, JobOffer)


def fuzz(examples: int) -> settings:
    return settings(
        max_examples=examples,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# -- values ------------------------------------------------------------------------

huge_ints = st.integers(300, 4_200).map(lambda digits: 10**digits - 1)  # json.dumps-able
scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | huge_ints
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
)

pytestmark = pytest.mark.slow  # a long test: CI runs it (pytest -m slow)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)

ENUM_VALUES = sorted(
    {
        member.value
        for enum in vars(enums).values()
        if isinstance(enum, type) and issubclass(enum, Enum) and enum is not Enum
        for member in enum
        if isinstance(member.value, str)
    }
)
FIELD_NAMES = sorted(
    {name for model in MODELS for name in attrs.fields_dict(model) if not name.startswith("_")}
)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

# Values of the same JSON type as the one they replace, near the edges, so that
# structuring succeeds and the model checks, and then scoring, see them.
EDGE_DATES = ["0001-01-01", "1900-01-01", "2014-12-31", "2015-01-01", "2018-11-10"]
EDGE_DATES += ["2024-01-30", "2025-03-25", "2026-11-22", "2026-11-23", "2030-12-31", "9999-12-31"]
dates = st.sampled_from(EDGE_DATES) | st.dates(date(1950, 1, 1), date(2031, 12, 31)).map(
    date.isoformat
)
numbers = st.sampled_from([0, -1, 1, 4, 7, 7.5, 9, 9.5, 12, 30, 90, 168, 168.5, 300, 699, 700])
numbers |= st.sampled_from([10**6, 10**30, 10**400, 1e308, 5e-324, -0.0])
numbers |= st.integers(-2, 720) | st.integers(0, 1_400).map(lambda n: n / 2)
texts = st.sampled_from([*ENUM_VALUES, "00012", "21231", "72310", "99999", "21239", "", "x"])
subtrees = st.sampled_from(
    [
        {"noc": "00012"},
        {"noc": "72310", "canadian_armed_forces": True},
        {"level": "secondary"},
        copy.deepcopy(EXAMPLE["spouse"]),
        copy.deepcopy(EXAMPLE["languages"][1]),
        copy.deepcopy(EXAMPLE["work_history"][0]),
        "2025-10-01T14:30:00+00:00",
        "2025-10-01T14:30:00",
    ]
)


def near(current: object) -> st.SearchStrategy[Any]:
    """A value of the type of ``current``, likely to pass structuring."""
    if isinstance(current, bool):
        return st.booleans()
    if isinstance(current, int | float):
        return numbers
    if isinstance(current, str):
        return dates if ISO_DATE.fullmatch(current) else texts
    if current is None:
        return anything_near
    return st.nothing()  # a list or an object: changed inside, or replaced


anything_near = dates | texts | numbers | subtrees
added = dates | texts | numbers | st.booleans() | subtrees | json_values
# Strategies are built once: building them inside a draw costs more than the test.
an_index = st.integers(0, 10**6)
count = st.integers(1, 4)
operation = st.sampled_from(["near"] * 6 + ["replace", "delete", "add"])
field_name = st.sampled_from(FIELD_NAMES)


# -- mutations of the example --------------------------------------------------------


def _places(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path into ``node``: object keys and list indexes, the root included."""
    out = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            out.extend(_places(value, (*path, key)))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out.extend(_places(value, (*path, i)))
    return out


@st.composite
def mutated_examples(draw: st.DrawFn) -> Any:
    """The example with one to four changes, most of them keeping the JSON type."""
    data: Any = copy.deepcopy(EXAMPLE)
    for _ in range(draw(count)):
        places = _places(data)
        path = places[draw(an_index) % len(places)]
        op = draw(operation)
        if not path:
            if op == "replace":
                data = draw(json_values)
            continue
        parent = data
        for step in path[:-1]:
            parent = parent[step]
        last = path[-1]
        target = parent[last]
        if op == "near" and not isinstance(target, list | dict):
            parent[last] = copy.deepcopy(draw(near(target)))
        elif op == "near" and isinstance(target, list) and target:  # repeat an element
            target.append(copy.deepcopy(target[draw(an_index) % len(target)]))
        elif op == "replace":
            parent[last] = draw(json_values)
        elif op == "delete":
            del parent[last]
        elif op == "add" and isinstance(target, dict):
            target[draw(field_name)] = copy.deepcopy(draw(added))
        elif op == "add" and isinstance(target, list):
            target.append(copy.deepcopy(draw(added)))
    return data


DAMAGES = ["none", "insert", "delete", "truncate", "duplicate", "constant", "digits", "bytes"]
damage_kind = st.sampled_from(DAMAGES)
indent = st.sampled_from([None, 2])
inserted = st.sampled_from([*',:{}[]"\\ \n0e-.', "\ud800"])
top_key = st.sampled_from(sorted(EXAMPLE))
constant = st.sampled_from(["NaN", "Infinity", "-Infinity", "1e999", "-0"])
replaced = st.sampled_from(["8.5", "40", "470", "true", "null"])
digit_count = st.integers(4_250, 4_400)
bad_bytes = st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x00", b"\xe9"])


@st.composite
def damaged_texts(draw: st.DrawFn) -> str | bytes:
    """JSON text of a mutated example, then damaged as a file could be."""
    text = json.dumps(draw(mutated_examples()), indent=draw(indent))
    where = draw(an_index) % (len(text) + 1)
    damage = draw(damage_kind)
    if damage == "insert":
        text = text[:where] + draw(inserted) + text[where:]
    elif damage == "delete":
        text = text[:where] + text[where + 1 :]
    elif damage == "truncate":
        text = text[:where]
    elif damage == "duplicate":
        text = text.replace("{", f'{{"{draw(top_key)}": 1, ', 1)
    elif damage == "constant":
        text = text.replace(draw(replaced), draw(constant), 1)
    elif damage == "digits":
        text = text.replace("40", "4" * draw(digit_count), 1)
    raw = text.encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        raw = b"\xef\xbb\xbf" + raw
    if damage == "bytes":
        return raw[:where] + draw(bad_bytes) + raw[where:]
    return raw if draw(st.booleans()) else raw.decode("utf-8", "surrogatepass")


def check_refusal(error: InvalidProfileError) -> None:
    assert error.problems
    for problem in error.problems:
        assert problem.path.startswith("$"), problem
    message = str(error)
    assert message.startswith("invalid Candidate:\n")
    assert len(message.splitlines()) <= 22
    for python_only in ("datetime.", "NoneType", "Spouse(", "Education(", "Period("):
        assert python_only not in message


def build(data: object) -> Candidate | None:
    try:
        return from_dict(data, Candidate)
    except InvalidProfileError as error:
        check_refusal(error)
        return None


# -- the tests ---------------------------------------------------------------------


@fuzz(1_500)
@given(json_values)
def test_from_dict_arbitrary_data(data: object) -> None:
    build(data)


@fuzz(3_000)
@given(mutated_examples(), st.sampled_from([date(2015, 1, 1), date(2026, 11, 22)]))
def test_from_dict_mutated_example(data: object, as_of: date) -> None:
    candidate = build(data)
    if candidate is not None:  # what the checks let through must also score
        with contextlib.suppress(InvalidInputError):  # a document after as_of
            score(candidate, as_of=as_of)
            assess(candidate, as_of=as_of)


@fuzz(1_000)
@given(json_values.map(json.dumps) | st.text(max_size=40) | st.binary(max_size=40))
def test_from_json_arbitrary_text(text: str | bytes) -> None:
    try:
        from_json(text, Candidate)
    except InvalidProfileError as error:
        check_refusal(error)


@fuzz(3_000)
@given(damaged_texts())
def test_from_json_damaged_example(text: str | bytes) -> None:
    try:
        from_json(text, Candidate)
    except InvalidProfileError as error:
        check_refusal(error)


@pytest.fixture(scope="module")
def profile_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz") / "profile.json"


@fuzz(1_500)
@given(
    st.sampled_from(["score", "eligibility"]),
    damaged_texts() | json_values.map(json.dumps),
    st.sampled_from(["2015-01-01", "2022-11-16", "2026-11-22", "2030-12-31"]),
    st.sampled_from(["text", "json"]),
)
def test_cli_never_crashes(
    profile_file: Path, command: str, text: str | bytes, as_of: str, output: str
) -> None:
    profile_file.write_bytes(
        text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
    )
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main([command, str(profile_file), "--as-of", as_of, "--format", output])
    assert status in {0, 2}, err.getvalue()
    assert "Traceback" not in err.getvalue()
    if status == 2:
        assert err.getvalue().startswith("expressentry: ")
        assert out.getvalue() == ""
