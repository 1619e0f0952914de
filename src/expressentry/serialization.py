"""Plain data and JSON for every model and result, through one cattrs converter.

Structuring is strict: unknown keys are errors, an integer field refuses ``7.5``
(no silent truncation), a string is never read as a list, dates are ISO 8601, and
enums list their allowed values. Every bad field is reported at once, each with
its JSON path, in one :class:`~expressentry.errors.InvalidProfileError`.

>>> from expressentry.models import Candidate
>>> from_dict({"date_of_birth": "1990-02-30", "education": {"level": "phd"}}, Candidate)
Traceback (most recent call last):
...
expressentry.errors.InvalidProfileError: invalid Candidate:
  $.date_of_birth: ... (got '1990-02-30')
  $.education.level: ... (got 'phd')
"""

from __future__ import annotations

import json
import typing
from collections.abc import Callable
from datetime import date, datetime
from enum import Enum, IntEnum, StrEnum
from importlib import resources
from typing import Any, TypeVar

import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from expressentry.errors import FieldProblem, InvalidInputError, InvalidProfileError
from expressentry.models import Candidate, WorkHistory, WorkPeriod

__all__ = [
    "converter",
    "example_profile",
    "from_dict",
    "from_json",
    "to_dict",
    "to_json",
]

T = TypeVar("T")


class _BadValueError(ValueError):
    """A primitive that is not of the expected JSON type; the message says which."""

    def __init__(self, value: object, message: str) -> None:
        super().__init__(message)
        self.value = value
        self.message = message


def _strict(kind: type[Any], words: str) -> Callable[[object, type[Any]], Any]:
    def structure(value: object, _: type[Any]) -> Any:
        if isinstance(value, bool) and kind is not bool:
            raise _BadValueError(value, f"must be {words}, not a boolean")
        if not isinstance(value, kind):
            raise _BadValueError(value, f"must be {words}")
        return value

    return structure


def _structure_float(value: object, _: type[Any]) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _BadValueError(value, "must be a number")
    return value


def _structure_date(value: object, _: type[Any]) -> date:
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise _BadValueError(value, "must be a real date written YYYY-MM-DD")


def _structure_datetime(value: object, _: type[Any]) -> datetime:
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            pass
    raise _BadValueError(value, "must be an ISO 8601 date and time, e.g. 2025-01-31T14:05:00+00:00")


def _structure_enum(value: object, kind: type[Enum]) -> Enum:
    for member in kind:
        if member.value == value and type(member.value) is type(value):
            return member
    allowed = ", ".join(repr(m.value) for m in kind)
    raise _BadValueError(value, f"must be one of {allowed}")


def _is_homogeneous_tuple(kind: Any) -> bool:
    args = typing.get_args(kind)
    return typing.get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_structure_hook(int, _strict(int, "a whole number"))
    conv.register_structure_hook(str, _strict(str, "a string"))
    conv.register_structure_hook(bool, _strict(bool, "true or false"))
    conv.register_structure_hook(float, _structure_float)
    conv.register_structure_hook(date, _structure_date)
    conv.register_structure_hook(datetime, _structure_datetime)
    conv.register_unstructure_hook(date, date.isoformat)
    conv.register_unstructure_hook(datetime, datetime.isoformat)
    for enum_base in (Enum, StrEnum, IntEnum):  # before str and int in the MRO
        conv.register_structure_hook(enum_base, _structure_enum)
        conv.register_unstructure_hook(enum_base, lambda member: member.value)

    def tuple_factory(kind: Any) -> Callable[[object, Any], tuple[Any, ...]]:
        item = typing.get_args(kind)[0]

        def structure(value: object, _: Any) -> tuple[Any, ...]:
            if not isinstance(value, list | tuple):
                raise _BadValueError(value, "must be a list")
            errors: list[Exception] = []
            out: list[Any] = []
            for i, element in enumerate(value):
                try:
                    out.append(conv.structure(element, item))
                except Exception as exc:
                    exc.__notes__ = [
                        *getattr(exc, "__notes__", []),
                        _index_note(i, item),
                    ]
                    errors.append(exc)
            if errors:
                msg = "while structuring a list"
                raise IterableValidationError(msg, errors, kind)
            return tuple(out)

        return structure

    conv.register_structure_hook_factory(_is_homogeneous_tuple, tuple_factory)
    conv.register_unstructure_hook(
        WorkHistory, lambda h: [conv.unstructure(p, WorkPeriod) for p in h.periods]
    )
    conv.register_structure_hook(
        WorkHistory,
        lambda v, _: WorkHistory(periods=conv.structure(v, tuple[WorkPeriod, ...])),
    )
    return conv


def _index_note(index: int, kind: Any) -> Any:
    return IterableValidationNote(f"Structuring item @ index {index}", index, kind)


converter = _make_converter()
"""The configured :class:`cattrs.Converter`; use it to extend the library's JSON."""


def _problems(exc: BaseException, path: str, out: list[FieldProblem]) -> None:
    if isinstance(exc, ClassValidationError | IterableValidationError):
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            name = getattr(note, "name", None)
            step = f".{name}" if name is not None else f"[{getattr(note, 'index', '?')}]"
            _problems(sub, path + step, out)
        for sub in without:
            _problems(sub, path, out)
    elif isinstance(exc, InvalidInputError):
        out.extend(FieldProblem(f"{path}.{p.path}", p.value, p.message) for p in exc.problems)
    elif isinstance(exc, ForbiddenExtraKeysError):
        keys = sorted(exc.extra_fields)
        out.append(FieldProblem(path, keys, f"unknown keys: {', '.join(keys)}"))
    elif isinstance(exc, _BadValueError):
        out.append(FieldProblem(path, exc.value, exc.message))
    elif isinstance(exc, KeyError):
        out.append(FieldProblem(path, None, "required field missing"))
    else:
        out.append(FieldProblem(path, None, f"{type(exc).__name__}: {exc}"))


def to_dict(obj: object) -> Any:
    """``obj`` (a model or a result) as plain JSON-able data."""
    return converter.unstructure(obj)


def from_dict(data: object, cls: type[T]) -> T:
    """Build a ``cls`` from plain data.

    Raises:
        InvalidProfileError: one entry per bad field, each with its ``$.`` path.
    """
    if not isinstance(data, dict):
        raise InvalidProfileError(
            cls.__name__,
            [FieldProblem("$", type(data).__name__, "must be a JSON object")],
        )
    try:
        return converter.structure(data, cls)
    except (ClassValidationError, IterableValidationError, InvalidInputError) as exc:
        problems: list[FieldProblem] = []
        _problems(exc, "$", problems)
        raise InvalidProfileError(cls.__name__, problems) from None


def to_json(obj: object, *, indent: int | None = 2) -> str:
    """``obj`` as JSON text."""
    return json.dumps(to_dict(obj), indent=indent, ensure_ascii=False)


def from_json(text: str | bytes, cls: type[T]) -> T:
    """Build a ``cls`` from JSON text.

    Raises:
        InvalidProfileError: the text is not JSON, or a field is bad.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidProfileError(
            cls.__name__, [FieldProblem("$", exc.pos, f"not valid JSON: {exc.msg}")]
        ) from None
    return from_dict(data, cls)


def example_profile() -> Candidate:
    """The example profile shipped with the package (``expressentry example``)."""
    text = resources.files("expressentry.data").joinpath("examples/profile.json").read_text()
    return from_json(text, Candidate)
