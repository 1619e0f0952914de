"""The fast path of reading a profile gives what the checked path gives, whatever the input.

:mod:`expressentry._fastread` reads a valid profile in one pass and hands anything
else to the checked path (cattrs, then each model's constructor). It must never
return a profile the checked path would refuse, nor one that differs from the
checked path's in any slot (a value, its type, what the model derives); and
every error must be the checked path's, word for word. The reference here is a
converter made without the fast path (``_make_converter(fast=False)``), on:

- random valid profiles (``tests.strategies``), which the fast path must read
  itself (else it would only ever be slow);
- the example profile mutated and its text damaged as ``test_fuzz_io`` does
  (a value near an edge, a key removed or added, a key given twice, NaN, a
  number too long, a byte that is not UTF-8, a lone surrogate...);
- hand-written cases of what the JSON parser without hooks does not refuse.

Every test runs with each plain parser the fast path may use: orjson (the
``fast`` extra), and ``json`` (without it).

Kind: property (equivalence with the checked path), and examples.
"""

from __future__ import annotations

import contextlib
import functools
import json
import math
from datetime import date
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from expressentry import (
    Candidate,
    InvalidProfileError,
    _fastread,
    example_profile,
    to_dict,
    to_json,
)
from expressentry.enums import (
    CanadianCredential,
    EducationLevel,
    LanguageTest,
    MaritalStatus,
    OfficialLanguage,
)
from expressentry.jsontext import parse_text
from expressentry.pools import _checked_jsonl, _from_jsonl
from expressentry.serialization import (
    _FAST,
    _from_dict_with,
    _make_converter,
    from_dict,
    from_json,
)
from tests.strategies import candidates
from tests.test_fuzz_io import damaged_texts, mutated_examples

SLOW, _ = _make_converter(fast=False)
checked = functools.partial(_from_dict_with, SLOW)
EXAMPLE: dict[str, Any] = to_dict(example_profile())
AS_OF = date(2026, 11, 22)

examples = settings(
    max_examples=300,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,  # the parser: one for the whole test
    ],
)

PARSERS: dict[str, Any] = {"json": _fastread.json_loads}
with contextlib.suppress(ImportError):
    import orjson

    PARSERS["orjson"] = orjson.loads


@pytest.fixture(autouse=True, params=sorted(PARSERS))
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each test once with each plain parser the fast path may use."""
    name: str = request.param
    monkeypatch.setattr(_fastread, "loads", PARSERS[name])
    return name


def state(value: object) -> object:
    """Every slot of a model, nested models included, each value with its exact type."""
    kind: Any = type(value)
    if attrs.has(kind):
        return kind.__name__, tuple(
            (a.name, state(getattr(value, a.name))) for a in attrs.fields(kind)
        )
    if isinstance(value, tuple):
        return tuple(state(v) for v in value)
    return type(value).__name__, repr(value)


def outcome(read: Any, *args: object) -> tuple[object, ...]:
    """What ``read(*args)`` gives: the state of its result, or its error's problems."""
    try:
        return "read", state(read(*args))
    except InvalidProfileError as exc:
        return "refused", str(exc), tuple(exc.problems)


def fast_or_checked(data: object) -> Candidate:
    return from_dict(data, Candidate)


def slow(data: object) -> Candidate:
    result: Candidate = checked(data, Candidate)
    return result


@examples
@given(candidates(as_of=AS_OF), st.booleans())
def test_a_valid_profile_is_read_fast_and_as_the_checked_path_reads_it(
    candidate: Candidate, with_id: bool
) -> None:
    data = to_dict(candidate)
    assert _FAST is not None
    fast = _FAST.candidate(data)
    assert fast is not None  # the fast path reads it itself
    assert state(fast) == state(slow(data)) == state(candidate)
    line = {"id": "client: 7", **data} if with_id else data
    text = json.dumps(line).encode()
    found = _FAST.line(text, "id")
    assert found is not None
    assert found[0] == ("client: 7" if with_id else None)
    assert state(found[1]) == state(candidate)
    assert state(from_json(json.dumps(data, indent=2), Candidate)) == state(candidate)
    assert _FAST.line(json.dumps(data, indent=2), None) is not None


@examples
@given(mutated_examples())
def test_mutated_data_gives_what_the_checked_path_gives(data: object) -> None:
    assert outcome(fast_or_checked, data) == outcome(slow, data)


@examples
@given(damaged_texts())
def test_a_damaged_line_gives_what_the_checked_path_gives(text: str | bytes) -> None:
    raw = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
    raw = raw.replace(b"\n", b" ")  # one line of a pool
    assert outcome(_from_jsonl, raw, "id") == outcome(_checked_jsonl, raw, "id", checked)


def checked_json(text: str | bytes) -> Candidate:
    """``from_json`` by the checked path alone."""
    data, problems = parse_text(text)
    if problems:
        raise InvalidProfileError("Candidate", problems)
    return slow(data)


@examples
@given(damaged_texts())
def test_damaged_text_gives_from_json_what_the_checked_path_gives(text: str | bytes) -> None:
    assert outcome(from_json, text, Candidate) == outcome(checked_json, text)


def _line(**changes: object) -> bytes:
    return json.dumps({**EXAMPLE, **changes}).encode()


def _nested_twice(text: str) -> bytes:
    """The example's line with ``"level": "phd"`` given before its education's level."""
    return text.replace('"level": ', '"level": "phd", "level": ', 1).encode()


LINES_THE_FAST_PATH_LEAVES = {
    "a key given twice at the top": _line().replace(b"{", b'{"sibling_in_canada": true, ', 1),
    "a key given twice inside": _nested_twice(json.dumps(EXAMPLE)),
    "NaN for a score": json.dumps(EXAMPLE).replace("8.0", "NaN", 1).encode(),
    "Infinity for hours": _line().replace(b'"hours_per_week": 40', b'"hours_per_week": Infinity'),
    "an escape in a string": _line(id="caf\\u00e9").replace(b"\\\\u", b"\\u"),
    "a lone surrogate": _line(id="x").replace(b'"x"', b'"\\ud800"'),
    "a byte order mark": b"\xef\xbb\xbf" + _line(),
    "a byte that is not UTF-8": _line(id="x").replace(b'"x"', b'"\xff"'),
    "a number too long for Python": _line(dependent_children=1).replace(
        b'"dependent_children": 1', b'"dependent_children": ' + b"1" * 4400
    ),
}
BEYOND_64_BITS = {
    "children": _line(dependent_children=2**64),
    "funds": _line(settlement_funds=2**64),
    "funds, negative": _line(settlement_funds=-(2**63) - 1),
    "a score": json.dumps(EXAMPLE).replace("8.0", str(2**64), 1).encode(),
}


@pytest.mark.parametrize("name", sorted(BEYOND_64_BITS))
def test_an_integer_beyond_64_bits_is_read_as_the_checked_path_reads_it(
    name: str, parser: str
) -> None:
    """orjson reads it as a float: the fast path leaves the line, whose funds stay an int."""
    text = BEYOND_64_BITS[name]
    assert outcome(_from_jsonl, text, "id") == outcome(_checked_jsonl, text, "id", checked)
    assert _FAST is not None
    if parser == "orjson":
        assert _FAST.line(text, "id") is None


@examples
@given(
    st.floats(allow_nan=False, allow_infinity=False)
    | st.integers(-(2**63), 2**64 - 1)
    | st.decimals(allow_nan=False, allow_infinity=False).map(str)
)
def test_the_parsers_read_a_number_alike(value: object) -> None:
    """Within 64 bits, a number parses to the same value of the same type by each parser.

    Floats are read to the nearest double by both; integers keep their type. An
    integer beyond 64 bits differs (orjson gives a float): the cases above show
    the fast path leaves it to the checked path.
    """
    text = value if isinstance(value, str) else json.dumps(value)
    try:
        expected = json.loads(text)
    except ValueError:  # a decimal's text that is not JSON ("1E+2" is; "Infinity" is not)
        return
    if type(expected) is float and not math.isfinite(expected):
        return  # too large for a double: orjson refuses it, json gives inf (not finite: slow)
    if type(expected) is int and not -(2**63) <= expected < 2**64:
        return
    for loads in PARSERS.values():
        got = loads(text.encode())
        assert (type(got), repr(got)) == (type(expected), repr(expected))


@pytest.mark.parametrize("name", sorted(LINES_THE_FAST_PATH_LEAVES))
def test_what_the_plain_parser_takes_goes_to_the_checked_path(name: str) -> None:
    text = LINES_THE_FAST_PATH_LEAVES[name]
    assert _FAST is not None
    assert _FAST.line(text, "id") is None
    assert outcome(_from_jsonl, text, "id") == outcome(_checked_jsonl, text, "id", checked)


def test_a_key_given_twice_is_still_reported() -> None:
    text = _nested_twice(json.dumps(EXAMPLE))
    with pytest.raises(InvalidProfileError, match=r"\$\.education\.level: duplicate key"):
        _from_jsonl(text, "id")


def test_the_example_line_is_read_fast() -> None:
    assert _FAST is not None
    found = _FAST.line(to_json(example_profile(), indent=None).encode(), "id")
    assert found is not None
    assert found == (None, example_profile())


@pytest.mark.parametrize("form", ["expressentry-profile/2", "expressentry-score/1", 1, None])
def test_a_profile_of_another_format_is_left_to_the_checked_path(form: object) -> None:
    """The current format (written by ``to_json``) is read fast; any other by the checked path."""
    assert _FAST is not None
    data = json.loads(to_json(example_profile(), indent=None))
    assert data["format"] == "expressentry-profile/1"  # as the profile page documents it
    data["format"] = form
    assert _FAST.line(json.dumps(data).encode(), "id") is None
    with pytest.raises(InvalidProfileError, match=r"\$\.format"):
        _from_jsonl(json.dumps(data).encode(), "id")


REQUIRED_OR_NOT_NULL = [
    ("work_history", 0, "in_canada"),  # required: no default
    ("work_history", 0, "end"),  # required, even if null
]


@pytest.mark.parametrize(("field", "index", "key"), REQUIRED_OR_NOT_NULL)
def test_a_required_key_left_out_is_refused_as_before(field: str, index: int, key: str) -> None:
    data: dict[str, Any] = json.loads(json.dumps(EXAMPLE))
    del data[field][index][key]
    assert outcome(fast_or_checked, data) == outcome(slow, data)
    assert outcome(fast_or_checked, data)[0] == "refused"


@pytest.mark.parametrize("field", ["work_history", "police_certificates", "languages"])
def test_null_for_a_list_is_refused_as_before(field: str) -> None:
    data = {**EXAMPLE, field: None}
    assert outcome(fast_or_checked, data)[0] == "refused"
    assert outcome(fast_or_checked, data) == outcome(slow, data)


def test_no_value_the_fast_path_trusts_holds_a_colon() -> None:
    """The colons of a line are counted as keys, but for the strings that may hold one."""
    for kind in (LanguageTest, EducationLevel, CanadianCredential, MaritalStatus, OfficialLanguage):
        assert not [m for m in kind if ":" in m.value]


def test_a_bug_of_the_fast_path_is_not_taken_for_bad_input(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: object) -> None:
        raise ZeroDivisionError

    monkeypatch.setattr(_fastread, "date_bounds", broken)
    with pytest.raises(ZeroDivisionError):
        from_dict(EXAMPLE, Candidate)
    with pytest.raises(ZeroDivisionError):
        _from_jsonl(json.dumps(EXAMPLE).encode(), "id")


def _with_documents(**certificate: object) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(json.dumps(EXAMPLE))
    data["medical_exam"] = "2026-03-02"
    data["passport_expiry"] = "2031-05-01"
    data["police_certificates"] = [{"country": "IN", "issued": "2026-02-10", **certificate}]
    data["spouse"]["police_certificates"] = [{"country": "FR", "issued": "2026-01-15"}]
    data["spouse"]["passport_expiry"] = "2030-01-01"
    return data


DOCUMENTS: dict[str, tuple[dict[str, object], bool]] = {
    "valid, still there": ({}, True),
    "valid, left": ({"left": "2025-12-01"}, True),
    "left null": ({"left": None}, True),
    "Canada": ({"country": "CA"}, False),
    "lower case": ({"country": "in"}, False),
    "no such country": ({"country": "ZZ"}, False),
    "not a day": ({"issued": "2026-02-30"}, False),
    "a number for a country": ({"country": 91}, False),
    "unknown key": ({"stamp": "x"}, False),
    "issued before birth": ({"issued": "1901-01-01"}, False),
}


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_documents_are_read_as_the_checked_path_reads_them(name: str) -> None:
    certificate, valid = DOCUMENTS[name]
    data = _with_documents(**certificate)
    assert outcome(fast_or_checked, data) == outcome(slow, data)
    assert outcome(fast_or_checked, data)[0] == ("read" if valid else "refused")
    assert _FAST is not None
    assert (_FAST.candidate(data) is not None) is valid


def test_a_profile_key_named_as_the_id_is_left_to_the_checked_path() -> None:
    text = json.dumps(EXAMPLE).encode()
    assert _FAST is not None
    assert _FAST.line(text, "sibling_in_canada") is None
    expected = outcome(_checked_jsonl, text, "sibling_in_canada", checked)
    assert outcome(_from_jsonl, text, "sibling_in_canada") == expected
