"""The type checks at the public entries: a wrong argument is named, never crashed on.

Every public function checks its arguments here before using them, so a ``None``,
a string or an object of the wrong class is an :class:`InvalidInputError` naming
the argument, what it must be and the value as given, instead of an
``AttributeError`` or a ``TypeError`` from deep inside. The type is named before
any format: ``must be a string`` comes before ``must be a 5-digit code``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from os import PathLike
from typing import Any, TypeVar

from expressentry.errors import FieldProblem, InvalidInputError, article
from expressentry.i18n import N_, Message, tr

__all__ = [
    "NOC_TEXT",
    "is_a",
    "items_of",
    "require",
    "require_items",
    "require_iterable",
    "require_path",
    "require_text",
    "type_message",
    "type_words",
]

T = TypeVar("T")


_PLAIN_NAMES = {
    type(None): N_("null (None)"),
    bool: N_("a boolean"),
    int: N_("a whole number (an int)"),
    float: N_("a number (a float)"),
    str: N_("a string"),
    bytes: N_("bytes"),
    list: N_("a list"),
    tuple: N_("a tuple"),
    dict: N_("a dict"),
}


_WHAT_WORDS = (
    *(N_("date-time"), N_("a date-time"), N_("date-times")),
    *(N_("date"), N_("a date"), N_("dates")),
    *(N_("whole number"), N_("a whole number"), N_("whole numbers")),
)
"""The forms of the ``what`` words callers give (one, with its article, several):
marked for the catalog, which words them in each language."""


def a_kind(name: str) -> Message:
    """``a Candidate``, ``an Education``: an object of the class ``name`` (a code)."""
    if name[:1].lower() in "aeiou":
        return tr("an {name}", name=name)
    return tr("a {name}", name=name)


def type_message(value: object) -> Message:
    """The type of ``value`` in words, as a message (:func:`type_words` is its English)."""
    kind = type(value)
    if kind in _PLAIN_NAMES:
        return tr(_PLAIN_NAMES[kind])
    if kind.__module__ == "datetime":
        return tr("{kind} object (datetime.{name})", kind=a_kind(kind.__name__), name=kind.__name__)
    return a_kind(kind.__name__)


def type_words(value: object) -> str:
    """The type of ``value`` in words, for "must be X, not ...".

    >>> from datetime import date
    >>> type_words(21231), type_words(None), type_words(date(1990, 1, 1))
    ('a whole number (an int)', 'null (None)', 'a date object (datetime.date)')
    """
    return str(type_message(value))


def require(value: object, kind: type[T], name: str, where: str, what: str | None = None) -> T:
    """``value`` if it is a ``kind``; else an error naming ``name`` and ``what`` it must be.

    >>> require("x", int, "size", where="select")
    Traceback (most recent call last):
    ...
    expressentry.errors.InvalidInputError: invalid select:
      size: must be an int (got "x")
    """
    if isinstance(value, kind):
        return value
    wanted = a_kind(kind.__name__) if what is None else tr(what)
    raise InvalidInputError(where, [FieldProblem(name, value, tr("must be {kind}", kind=wanted))])


def require_iterable(
    value: object, kind: type[T], name: str, where: str, what: str | None = None
) -> Iterable[T]:
    """``value`` if it can hold several ``kind`` (a list, a tuple, a generator).

    Its items are not checked: a function that checks them one by one (and may
    set the bad ones aside) does. Refused: one ``kind`` on its own (pass it in a
    list), a string, bytes, a mapping and anything that is not iterable.

    >>> from datetime import date
    >>> require_iterable(date(2026, 1, 1), date, "days", where="f", what="date")
    Traceback (most recent call last):
    ...
    expressentry.errors.InvalidInputError: invalid f:
      days: must be a list (or another iterable) of dates, not one date: ... (got "2026-01-01")
    """
    plural = f"{what}s"  # one of the forms in _WHAT_WORDS
    several = tr(plural) if what else tr("{name} objects", name=kind.__name__)
    if isinstance(value, kind):
        one = tr(what) if what else kind.__name__
        message = tr(
            "must be a list (or another iterable) of {several}, not one {one}: pass [{item}]",
            several=several,
            one=one,
            item=_one(name),
        )
    elif isinstance(value, str | bytes | bytearray | Mapping) or not isinstance(value, Iterable):
        message = tr("must be a list (or another iterable) of {several}", several=several)
    else:
        return value
    raise InvalidInputError(where, [FieldProblem(name, value, message)])


def _one(name: str) -> str:
    """The name of one item of ``name``: ``candidates`` -> ``candidate``."""
    singular = {"history": "round", "specs": "spec", "submitted": "when"}
    return singular.get(name, name[:-1] if name.endswith("s") else name)


def require_items(
    value: object, kind: type[T], name: str, where: str, what: str | None = None
) -> tuple[T, ...]:
    """``value`` as a tuple, if it is an iterable of ``kind`` only; each bad item named.

    >>> require_items([1, "2"], int, "cutoffs", where="estimate_cutoff", what="whole number")
    Traceback (most recent call last):
    ...
    expressentry.errors.InvalidInputError: invalid estimate_cutoff:
      cutoffs[1]: must be a whole number (got "2")
    """
    wanted = what or kind.__name__
    items = tuple(require_iterable(value, kind, name, where, wanted))
    problems = [
        FieldProblem(f"{name}[{i}]", item, tr("must be {kind}", kind=tr(article(wanted))))
        for i, item in enumerate(items)
        if not isinstance(item, kind) or (kind is int and isinstance(item, bool))
    ]
    if problems:
        raise InvalidInputError(where, problems)
    return items


NOC_TEXT = N_('a 5-digit NOC 2021 code such as "21231"')


def require_text(value: object, name: str, where: str, what: str) -> str:
    """``value`` if it is a string; else "must be a string, not <its type>: <what>".

    >>> require_text(21231, "noc", "is_trade", NOC_TEXT)
    Traceback (most recent call last):
    ...
    expressentry.errors.InvalidInputError: invalid is_trade:
      noc: must be a string, not a whole number (an int): a 5-digit NOC 2021 code ... (got 21231)
    """
    if isinstance(value, str):
        return value
    message = tr("must be a string, not {kind}: {what}", kind=type_message(value), what=tr(what))
    raise InvalidInputError(where, [FieldProblem(name, value, message)])


def require_path(value: object, name: str, where: str) -> str | PathLike[str]:
    """``value`` if it is a file path: a string or a :class:`os.PathLike`."""
    if isinstance(value, str | PathLike):
        return value
    raise InvalidInputError(
        where, [FieldProblem(name, value, tr("must be a file path (a str or a pathlib.Path)"))]
    )


def is_a(kind: type[Any], what: str | None = None) -> Callable[[Any, Any, object], None]:
    """An attrs validator: the field holds a ``kind``."""

    def check(instance: Any, attribute: Any, value: object) -> None:
        if not isinstance(value, kind):
            owner = type(instance).__name__
            wanted = a_kind(kind.__name__) if what is None else tr(what)
            message = tr("must be {kind}", kind=wanted)
            raise InvalidInputError(owner, [FieldProblem(attribute.name, value, message)])

    return check


def items_of(kind: type[Any]) -> Callable[[Any, Any, object], None]:
    """An attrs validator: the field is a tuple (or a list) of ``kind``."""

    def check(instance: Any, attribute: Any, value: object) -> None:
        owner = type(instance).__name__
        if not isinstance(value, tuple | list):
            message = tr("must be a tuple (or a list) of {name}", name=kind.__name__)
            raise InvalidInputError(owner, [FieldProblem(attribute.name, value, message)])
        problems = [
            FieldProblem(
                f"{attribute.name}[{i}]", item, tr("must be {kind}", kind=a_kind(kind.__name__))
            )
            for i, item in enumerate(value)
            if not isinstance(item, kind)
        ]
        if problems:
            raise InvalidInputError(owner, problems)

    return check
