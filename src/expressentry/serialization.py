"""Plain data and JSON for every model and result, through one cattrs converter.

Structuring is strict: unknown keys are errors, an integer field refuses ``7.5``
(no silent truncation), a string is never read as a list, dates are ISO 8601, and
enums list their allowed values. Every bad field is reported at once, each with
its JSON path, in one :class:`~expressentry.errors.InvalidProfileError`; that is
the only error bad input raises, whatever the input.

>>> from expressentry.models import Candidate
>>> from_dict({"date_of_birth": "1990-02-30", "education": {"level": "phd"}}, Candidate)
Traceback (most recent call last):
...
expressentry.errors.InvalidProfileError: invalid Candidate:
  $.date_of_birth: must be a real date written YYYY-MM-DD (got "1990-02-30")
  $.education.level: must be one of ... (got "phd")
"""

from __future__ import annotations

import json
import math
import re
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from enum import Enum, IntEnum, StrEnum
from importlib import resources
from typing import Any, Final, TypeVar

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from expressentry._checks import type_message
from expressentry._fastread import FastReader
from expressentry._formats import PROFILE_FORMAT, format_problem
from expressentry._memo import Memo
from expressentry.errors import (
    MISSING,
    FieldProblem,
    InternalError,
    InvalidInputError,
    InvalidProfileError,
    render_value,
)
from expressentry.i18n import N_, Message, tr
from expressentry.jsontext import join_path, parse_text, path_step
from expressentry.models import Candidate, WorkHistory, WorkPeriod
from expressentry.rules import RuleSet

__all__ = [
    "converter",
    "example_profile",
    "from_dict",
    "from_json",
    "read_iso_date",
    "to_dict",
    "to_json",
]

T = TypeVar("T")

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def read_iso_date(text: str) -> date | None:
    """``text`` as a date if it is exactly ``YYYY-MM-DD`` and a real day, else None.

    :meth:`date.fromisoformat` also takes ``20301231`` and ``2030-W01-1``; a profile
    and the command line promise one form only.
    """
    if _ISO_DATE.fullmatch(text) is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:  # 1990-02-30
        return None


class _BadValueError(ValueError):
    """A primitive that is not of the expected JSON type; the message says which."""

    def __init__(self, value: object, message: str | Message) -> None:
        super().__init__(str(message))
        self.value = value
        self.words = message


def _strict(kind: type[Any], words: str) -> Callable[[object, type[Any]], Any]:
    def structure(value: object, _: type[Any]) -> Any:
        if type(value) is kind:
            return value
        if isinstance(value, bool) and kind is not bool:
            raise _BadValueError(value, tr("must be {kind}, not a boolean", kind=tr(words)))
        if not isinstance(value, kind):
            raise _BadValueError(value, tr("must be {kind}", kind=tr(words)))
        return value

    return structure


def _structure_float(value: object, _: type[Any]) -> float:
    if type(value) is float and math.isfinite(value):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _BadValueError(value, tr("must be a number"))
    # JSON has no NaN or infinity (1e999 reads as one); an int too big for a float
    # would overflow in the first computation.
    if isinstance(value, float) and not math.isfinite(value):
        raise _BadValueError(value, tr("must be a finite number"))
    if isinstance(value, int) and value.bit_length() > 1000:
        raise _BadValueError(value, tr("must be a number of a sensible size"))
    return value


def _as_given(value: object, _: object) -> object:
    """A model's plain field: the model checks it (type and value), in its own words."""
    return value


_DATES_KEPT = 65_536


class _Readers:
    """The structuring hooks that remember what they read: owned by one converter.

    A pool repeats the same days and the same enum values many times; each is
    read once per converter.
    """

    def __init__(self) -> None:
        self.dates: Memo[str, date | None] = Memo(read_iso_date, size=_DATES_KEPT)
        self.members: Memo[type[Enum], dict[tuple[type, object], Enum]] = Memo(
            lambda kind: {(type(m.value), m.value): m for m in kind}, size=256
        )

    def date(self, value: object, _: type[Any]) -> date:
        if type(value) is not str:  # the type before the format
            raise _BadValueError(
                value,
                tr("must be a string written YYYY-MM-DD, not {kind}", kind=type_message(value)),
            )
        found = self.dates(value)
        if found is None:
            raise _BadValueError(value, tr("must be a real date written YYYY-MM-DD"))
        return found

    def member(self, value: object, kind: type[Enum]) -> Enum | None:
        """The member of ``kind`` whose value is ``value`` (of its type), else ``None``."""
        try:
            return self.members(kind).get((type(value), value))
        except TypeError:  # an unhashable value: a list, an object
            return None

    def enum(self, value: object, kind: type[Enum]) -> Enum:
        found = self.member(value, kind)
        if found is not None:
            return found
        allowed = ", ".join(render_value(m.value) for m in kind)
        raise _BadValueError(value, tr("must be one of {known}", known=allowed))

    def enum_or_as_given(self, kind: type[Enum]) -> Callable[[object, object], object]:
        """A model's enum field: a member from its value, anything else as given.

        The model refuses a value that names no member, in its own words.
        """
        members = self.members(kind)

        def structure(value: object, _: object) -> object:
            try:
                found = members.get((type(value), value))
            except TypeError:  # an unhashable value: a list, an object
                return value
            return value if found is None else found

        return structure


def _structure_datetime(value: object, _: type[Any]) -> datetime:
    if not isinstance(value, str):  # the type before the format
        raise _BadValueError(
            value,
            tr(
                "must be a string written as an ISO 8601 date and time, not {kind}",
                kind=type_message(value),
            ),
        )
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        pass
    raise _BadValueError(
        value, tr("must be an ISO 8601 date and time, e.g. 2025-01-31T14:05:00+00:00")
    )


def _is_optional(kind: Any) -> bool:
    """``X | None`` for one type ``X``."""
    args = typing.get_args(kind)
    return (
        typing.get_origin(kind) in (typing.Union, types.UnionType)
        and len(args) == 2
        and type(None) in args
    )


def _is_homogeneous_tuple(kind: Any) -> bool:
    args = typing.get_args(kind)
    return typing.get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis


def is_reviewed(kind: Any) -> bool:
    """A result dated against the rules' review day: with ``rules_reviewed_on`` and ``caveats``."""
    return (
        attrs.has(kind)
        and any(a.name == "rules_reviewed_on" for a in attrs.fields(kind))
        and isinstance(getattr(kind, "caveats", None), property)
    )


def _has_own_json(kind: object) -> bool:
    """Whether ``kind`` is a result that writes its own JSON form, ``as_dict()``.

    A plan, an outlook, a comparison, a backtest, a round...: :func:`to_dict` of
    one is its ``as_dict()`` (what the command line's ``--format json`` prints),
    one shape in both places. Such a form is a report, not a copy: it leaves out
    what it was computed from (the profile, the breakdown), so :func:`from_dict`
    does not read it back.
    """
    return isinstance(kind, type) and attrs.has(kind) and callable(getattr(kind, "as_dict", None))


def _own_json(obj: Any) -> Any:
    return obj.as_dict()


_PLAIN: Final = (bool, int, float, str)
"""The field types JSON writes as they are: a model checks them itself."""


def _plain_part(kind: Any) -> Any:
    """``kind`` without its ``| None``."""
    if _is_optional(kind):
        return next(a for a in typing.get_args(kind) if a is not type(None))
    return kind


def _model_hooks(
    kind: type[Any], readers: _Readers
) -> dict[str, Callable[[object, object], object]]:
    """The hooks of a model's plain and enum fields: values go to the model as given.

    A plain field (a boolean, a number, a string) is passed as JSON wrote it, and an
    enum field as its member, or as written when it names none: the model checks
    them, so the words are the model's whichever way the value came.
    """
    hooks: dict[str, Callable[[object, object], object]] = {}
    for a in attrs.fields(attrs.resolve_types(kind)):
        if not a.init:
            continue
        part = _plain_part(a.type)
        if part in _PLAIN:
            hooks[a.name] = _as_given
        elif isinstance(part, type) and issubclass(part, Enum):
            hooks[a.name] = readers.enum_or_as_given(part)
    return hooks


def _no_rule_set(rules: RuleSet) -> Any:
    """A rule set holds tables and the code of added factors: it is named, not written."""
    message = tr(
        "a rule set is not data JSON can hold; write the day it is for "
        "({day}) and the reform's name ({reform})",
        day=rules.in_force_from,
        reform=rules.reform or "none",
    )
    raise InvalidInputError("to_dict", [FieldProblem("rules", rules.edition, message)])


def _not_in_json(kind: type[Any]) -> dict[str, Any]:
    """Overrides leaving out the fields of ``kind`` marked ``metadata={"json": False}``.

    Such a field holds what the library rebuilds, not data (a line's message:
    its JSON form keeps the English reason).
    """
    return {
        f.name: override(omit=True)
        for f in attrs.fields(kind)
        if f.metadata.get("json", True) is False
    }


def _attrs_structure(conv: cattrs.Converter, kind: type[Any]) -> Callable[[Any, Any], Any]:
    """The reader of the attrs class ``kind``, without the fields JSON does not hold."""
    omitted = _not_in_json(kind)
    if not omitted:
        return conv.gen_structure_attrs_fromdict(kind)
    return make_dict_structure_fn(
        kind, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True, **omitted
    )


def _make_converter(*, fast: bool = True) -> tuple[cattrs.Converter, FastReader | None]:  # noqa: PLR0915 (one hook per kind of value, defined where it is registered)
    """The converter, and its fast reader of valid profiles (none with ``fast=False``).

    ``fast=False`` makes the converter of the checked path alone, which the tests
    compare the fast path with.
    """
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    readers = _Readers()
    reader = FastReader(readers.dates, readers.members) if fast else None
    # The results' plain fields (a model checks its own: see _model_hooks).
    plain: tuple[tuple[type, Callable[[object, Any], Any]], ...] = (
        (int, _strict(int, N_("a whole number"))),
        (str, _strict(str, N_("a string"))),
        (bool, _strict(bool, N_("true or false"))),
        (float, _structure_float),
        (date, readers.date),
        (datetime, _structure_datetime),
    )
    for kind, hook in plain:
        conv.register_structure_hook(kind, hook)
    written: tuple[tuple[type, Callable[[Any], Any]], ...] = (
        (date, date.isoformat),
        (datetime, datetime.isoformat),
        (RuleSet, _no_rule_set),
    )
    for kind, writer in written:
        conv.register_unstructure_hook(kind, writer)
    for enum_base in (Enum, StrEnum, IntEnum):  # before str and int in the MRO
        conv.register_structure_hook(enum_base, readers.enum)
        conv.register_unstructure_hook(enum_base, lambda member: member.value)
    # Each optional field and list gets its own hook, built once: the structuring
    # is the same, without a dispatch per value.

    def optional_factory(kind: Any) -> Callable[[object, Any], Any]:
        inner = next(a for a in typing.get_args(kind) if a is not type(None))
        hook = conv.get_structure_hook(inner)

        def structure(value: object, _: Any) -> Any:
            return None if value is None else hook(value, inner)

        return structure

    conv.register_structure_hook_factory(_is_optional, optional_factory)

    def attrs_factory(kind: type[Any]) -> Callable[[object, Any], Any]:
        # cattrs would read a list or a string as an object and fail with an
        # AttributeError; say what is wrong instead.
        checks = getattr(kind, "field_checks", None)
        if checks is not None:
            hooks = _model_hooks(kind, readers)
            form = PROFILE_FORMAT if kind is Candidate else None
            checked = _model_structure(conv, kind, hooks, dict(checks), form)
            if kind is Candidate and reader is not None:
                return _fast_first(reader, checked)
            return checked
        inner = _attrs_structure(conv, kind)
        if is_reviewed(kind):
            return _reviewed_structure(kind, inner)

        def structure(value: object, _: Any) -> Any:
            if not isinstance(value, dict):
                raise _BadValueError(value, tr("must be a JSON object"))
            return inner(value, kind)

        return structure

    conv.register_structure_hook_factory(attrs.has, attrs_factory)

    _register_result_writers(conv)

    def tuple_factory(kind: Any) -> Callable[[object, Any], tuple[Any, ...]]:
        item = typing.get_args(kind)[0]
        hook = conv.get_structure_hook(item)

        def structure(value: object, _: Any) -> tuple[Any, ...]:
            if not isinstance(value, list | tuple):
                raise _BadValueError(value, tr("must be a list"))
            errors: list[Exception] = []
            out: list[Any] = []
            for i, element in enumerate(value):
                try:
                    out.append(hook(element, item))
                except Exception as exc:  # sorted out by _problems
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

    def history_factory(_: type[WorkHistory]) -> Callable[[object, Any], WorkHistory]:
        periods = conv.get_structure_hook(tuple[WorkPeriod, ...])  # looked up once

        def structure(value: object, _: Any) -> WorkHistory:
            return WorkHistory(periods=periods(value, tuple[WorkPeriod, ...]))

        return structure

    conv.register_structure_hook_factory(lambda kind: kind is WorkHistory, history_factory)
    return conv, reader


def _fast_first(
    reader: FastReader, checked: Callable[[object, Any], Any]
) -> Callable[[object, Any], Any]:
    """A profile read by ``reader`` when it is valid, else by the checked path (``checked``)."""
    fast = reader.candidate

    def structure(value: object, kind: Any) -> Any:
        found = fast(value)
        return checked(value, kind) if found is None else found

    return structure


def _register_result_writers(conv: cattrs.Converter) -> None:
    """How the results are written: their caveats written out, or their own form."""

    def reviewed_unstructure(kind: type[Any]) -> Callable[[Any], dict[str, Any]]:
        # A result's caveats are worked out from its days; the JSON form writes them
        # out, so a reader without the library sees them too (without what JSON does
        # not hold: a status's change as a message).
        omitted = _not_in_json(kind)
        inner = (
            make_dict_unstructure_fn(kind, conv, **omitted)
            if omitted
            else conv.gen_unstructure_attrs_fromdict(kind)
        )

        form = getattr(kind, "JSON_FORMAT", None)

        def unstructure(obj: Any) -> dict[str, Any]:
            out: dict[str, Any] = inner(obj)
            out["caveats"] = list(obj.caveats)
            return out if form is None else {"format": form, **out}

        return unstructure

    conv.register_unstructure_hook_factory(is_reviewed, reviewed_unstructure)
    # Registered after the reviewed results' factory, so it wins for a reviewed
    # result with its own form (a plan): that form writes its caveats itself.
    conv.register_unstructure_hook_factory(_has_own_json, lambda _: _own_json)


def _model_structure(
    conv: cattrs.Converter,
    kind: type[Any],
    hooks: dict[str, Callable[[object, object], object]],
    checks: dict[str, Callable[[str, object, list[FieldProblem]], bool]],
    form: str | None = None,
) -> Callable[[object, Any], Any]:
    """Read a model: JSON's shapes turned into one call of its constructor.

    A model with a ``form`` (a profile) may carry it as its ``format`` key.

    The constructor checks every field, once. When the call cannot be made (a
    field missing, an unknown key, a date not written YYYY-MM-DD...), the plain and
    enum fields given are checked by the model's own field checks, so every
    problem is still reported at once, in the model's words.
    """
    overrides: dict[str, Any] = {name: override(struct_hook=hook) for name, hook in hooks.items()}
    inner = make_dict_structure_fn(
        kind, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True, **overrides
    )
    name = kind.__name__

    def structure(value: object, _: Any) -> Any:
        if not isinstance(value, dict):
            raise _BadValueError(value, tr("must be a JSON object"))
        if form is not None and "format" in value:
            value = _without_format(value, form, name)
        try:
            return inner(value, kind)
        except ClassValidationError as exc:
            if any(_from_the_constructor(e) for e in exc.exceptions):
                raise  # the model checked every field
            found: list[FieldProblem] = []
            for field, hook in hooks.items():
                if field in value:
                    checks[field](field, hook(value[field], None), found)
            if not found:
                raise
            more = [*exc.exceptions, InvalidInputError(name, found)]
            raise ClassValidationError(exc.message, more, kind) from None

    return structure


def _without_format(value: dict[str, Any], form: str, owner: str) -> dict[str, Any]:
    """``value`` without its ``format`` key, which must be ``form``.

    A form this version does not read (a newer one, another form's) is refused
    alone: its other keys may mean something else.
    """
    found = value["format"]
    if found != form:
        raise InvalidInputError(owner, [FieldProblem("format", found, format_problem(found, form))])
    return {k: v for k, v in value.items() if k != "format"}


def _from_the_constructor(exc: Exception) -> bool:
    """Whether ``exc`` is the model's own error (cattrs notes each field's)."""
    return isinstance(exc, InvalidInputError) and not getattr(exc, "__notes__", None)


def _reviewed_structure(
    kind: type[Any], inner: Callable[[Any, Any], Any]
) -> Callable[[object, Any], Any]:
    """Read a result whose ``caveats`` are written out: they must be those its days give.

    A result that is an output of its own (a breakdown) may carry its ``format``.
    """
    form = getattr(kind, "JSON_FORMAT", None)

    def structure(value: object, _: Any) -> Any:
        if not isinstance(value, dict):
            raise _BadValueError(value, tr("must be a JSON object"))
        if form is not None and "format" in value:
            value = _without_format(value, form, kind.__name__)
        fields = {k: v for k, v in value.items() if k != "caveats"}
        result = inner(fields, kind)
        if "caveats" in value and value["caveats"] != list(result.caveats):
            expected = json.dumps(list(result.caveats), ensure_ascii=False)
            msg = tr(
                "must be those its days and rules_reviewed_on give: {expected}", expected=expected
            )
            raise InvalidInputError(kind.__name__, [FieldProblem("caveats", value["caveats"], msg)])
        return result

    return structure


def _index_note(index: int, kind: Any) -> Any:
    return IterableValidationNote(f"Structuring item @ index {index}", index, kind)


def _with_writers(conv: cattrs.Converter) -> cattrs.Converter:
    conv.register_unstructure_hook_factory(  # written without what JSON does not hold
        lambda kind: (
            attrs.has(kind)
            and bool(_not_in_json(kind))
            and not is_reviewed(kind)
            and not _has_own_json(kind)
        ),
        lambda kind: make_dict_unstructure_fn(kind, conv, **_not_in_json(kind)),
    )
    profile_fields = conv.get_unstructure_hook(Candidate)
    conv.register_unstructure_hook(  # a profile is written with its format first
        Candidate, lambda c: {"format": PROFILE_FORMAT, **profile_fields(c)}
    )
    return conv


converter, _FAST = _make_converter()
"""The configured :class:`cattrs.Converter`; use it to extend the library's JSON."""
_with_writers(converter)


def read_line_fast(text: bytes, id_field: str) -> tuple[str | int | None, Candidate] | None:
    """The id and the profile of a pool's JSON line, if it is plainly valid; else ``None``.

    ``None`` says nothing is known yet: the line is read by the checked path
    (``parse_json`` then :func:`from_dict`), which finds and words its problems.
    """
    assert _FAST is not None  # noqa: S101 (made with the converter)
    return _FAST.line(text, id_field)


_Expected = (
    ClassValidationError,
    IterableValidationError,
    InvalidInputError,
    ForbiddenExtraKeysError,
    _BadValueError,
    RecursionError,
    InternalError,
)


def _problems(exc: BaseException, path: str, out: list[FieldProblem]) -> None:
    """Turn what structuring raised into problems at absolute paths.

    Only the errors that bad input causes are recognised; anything else is a bug
    of the library and is raised again, not disguised as a problem of a field.
    """
    if isinstance(exc, ClassValidationError | IterableValidationError):
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            if isinstance(note, AttributeValidationNote):
                if isinstance(sub, KeyError) and sub.args == (note.name,):
                    out.append(
                        FieldProblem(
                            path + path_step(note.name), MISSING, tr("required field missing")
                        )
                    )
                    continue
                _problems(sub, path + path_step(note.name), out)
            else:
                _problems(sub, f"{path}[{note.index}]", out)
        for sub in without:
            _problems(sub, path, out)
    elif isinstance(exc, InvalidInputError):
        out.extend(p.at(join_path(path, p.path)) for p in exc.problems)
    elif isinstance(exc, ForbiddenExtraKeysError):
        out.extend(
            FieldProblem(path + path_step(key), MISSING, tr("unknown key"))
            for key in sorted(exc.extra_fields, key=str)
        )
    elif isinstance(exc, _BadValueError):
        out.append(FieldProblem(path, exc.value, exc.words))
    elif isinstance(exc, RecursionError):
        out.append(FieldProblem(path, MISSING, tr("nested too deeply")))
    elif isinstance(exc, InternalError):
        # A result read back from data whose parts contradict each other (a total
        # that is not the sum of its lines): the data is wrong, not the library.
        out.append(FieldProblem(path, MISSING, tr("contradicts itself: {error}", error=str(exc))))
    else:
        raise exc


def to_dict(obj: object) -> Any:
    """``obj`` (a model or a result) as plain JSON-able data.

    A result that writes its own JSON form (a plan, an outlook, a comparison, a
    backtest, a round...) is written as that form, its ``as_dict()``: one shape,
    the one the command line's ``--format json`` prints. :func:`from_dict` does
    not read such a form back (it leaves out the profile it was computed from).
    """
    return converter.unstructure(obj)


def _check_plain(data: object, path: str, where: str) -> None:
    """Refuse plain data that JSON cannot write, naming the first place that holds it."""
    stack: list[tuple[str, object]] = [(path, data)]
    while stack:
        at, value = stack.pop()
        if value is None or isinstance(value, str | int | float):
            continue
        if isinstance(value, dict):
            for key, item in value.items():
                if not isinstance(key, str | int | float | bool) and key is not None:
                    message = tr("has a key JSON cannot write: {kind}", kind=type_message(key))
                    raise InvalidInputError(where, [FieldProblem(at, key, message)])
                stack.append((join_path(at, f"{key}") if isinstance(key, str) else at, item))
        elif isinstance(value, list | tuple):
            stack.extend((f"{at}[{i}]", item) for i, item in enumerate(value))
        else:
            message = tr(
                "must be a model or a result of expressentry, or plain data, not {kind}",
                kind=type_message(value),
            )
            raise InvalidInputError(where, [FieldProblem(at, value, message)])


def _require_model_class(cls: object, where: str) -> None:
    if not (isinstance(cls, type) and attrs.has(cls)):
        message = tr("must be a model class of expressentry, such as expressentry.Candidate")
        raise InvalidInputError(where, [FieldProblem("cls", cls, message)])
    if _has_own_json(cls):
        message = tr(
            "is a result whose JSON form (as_dict) is a report that leaves out what it was "
            "computed from, so it cannot be read back: compute it again from the profile"
        )
        raise InvalidInputError(where, [FieldProblem("cls", cls, message)])


def from_dict(data: object, cls: type[T]) -> T:
    """Build a ``cls`` from plain data (what ``json.loads`` returns).

    Raises:
        InvalidProfileError: one entry per bad field, each with its ``$.`` path;
            whatever ``data`` holds, this is the only error bad data raises.
        InvalidInputError: ``cls`` is not a model class (such as
            :class:`~expressentry.Candidate`).
    """
    _require_model_class(cls, "from_dict")
    return _from_dict_with(converter, data, cls)


def _from_dict_with(conv: cattrs.Converter, data: object, cls: type[T]) -> T:
    """:func:`from_dict` by ``conv`` (the tests compare the fast path with the checked one)."""
    try:
        return conv.structure(data, cls)
    except _Expected as exc:
        problems: list[FieldProblem] = []
        _problems(exc, "$", problems)
        raise InvalidProfileError(cls.__name__, [_as_written(data, p) for p in problems]) from None


_PATH_STEP = re.compile(r"\.([A-Za-z_]\w*)|\[(\d+)\]")
_NOT_FOUND = object()


def _as_written(data: object, problem: FieldProblem) -> FieldProblem:
    """``problem`` echoing the value as the input wrote it, not as it was parsed.

    A model checks parsed values (a ``datetime`` from ``"2026-01-01 10:00"``); the
    user should read back what they wrote. Only a plain value found at the
    problem's path replaces it.
    """
    if problem.value is MISSING:
        return problem
    raw = _raw_at(data, problem.path)
    if raw is _NOT_FOUND or isinstance(raw, dict | list):
        return problem
    return FieldProblem(problem.path, raw, problem.message, problem.template)


def _raw_at(data: object, path: str) -> object:
    """The value at a ``$.a[0].b`` path of plain data (``_NOT_FOUND`` where there is none)."""
    node, pos = data, 1  # after "$"
    while pos < len(path):
        step = _PATH_STEP.match(path, pos)
        if step is None:
            return _NOT_FOUND
        name, index = step.groups()
        if name is not None:
            if not isinstance(node, dict) or name not in node:
                return _NOT_FOUND
            node = node[name]
        else:
            if not isinstance(node, list) or int(index) >= len(node):
                return _NOT_FOUND
            node = node[int(index)]
        pos = step.end()
    return node


def to_json(obj: object, *, indent: int | None = 2) -> str:
    """``obj`` as JSON text.

    Args:
        obj: A model or a result (or plain data holding them).
        indent: Spaces per level, 0 to 16; ``None`` writes one line.

    Raises:
        InvalidInputError: ``indent`` is out of range or not a whole number, or
            ``obj`` holds a value JSON cannot write (bytes, an object of no class
            of the package...), naming where it is.
    """
    spaces: object = indent  # of any type at run time
    if spaces is not None and (
        not isinstance(spaces, int) or isinstance(spaces, bool) or not 0 <= spaces <= _MOST_INDENT
    ):
        message = tr(
            "must be a whole number of spaces from 0 to {most}, or None", most=_MOST_INDENT
        )
        raise InvalidInputError("to_json", [FieldProblem("indent", spaces, message)])
    data = to_dict(obj)
    try:
        return json.dumps(data, indent=indent, ensure_ascii=False)
    except (TypeError, ValueError):
        _check_plain(data, "obj", "to_json")  # names the value that JSON cannot write
        raise


_MOST_INDENT = 16


def from_json(text: str | bytes, cls: type[T]) -> T:
    """Build a ``cls`` from JSON text: a :class:`str`, or UTF-8 :class:`bytes`.

    A leading byte order mark is skipped (some editors write one). Beyond the JSON
    standard, a key given twice in one object is an error, so is ``NaN`` or
    ``Infinity``: either would silently lose or invent a value.

    Raises:
        InvalidProfileError: the text is not a string or bytes, is not UTF-8 or
            not JSON, or a field is bad; whatever the text, this is the only
            error bad text raises.
        InvalidInputError: ``cls`` is not a model class (such as
            :class:`~expressentry.Candidate`).
    """
    _require_model_class(cls, "from_json")
    if cls is Candidate and _FAST is not None:
        found = _FAST.line(text, None)  # a valid profile, in one pass
        if found is not None:
            return typing.cast("T", found[1])
    data, problems = parse_text(text)
    if problems:
        raise InvalidProfileError(cls.__name__, problems)
    return from_dict(data, cls)


def example_profile() -> Candidate:
    """The example profile shipped with the package (``expressentry example``)."""
    text = resources.files("expressentry.data").joinpath("examples/profile.json").read_bytes()
    return from_json(text, Candidate)
