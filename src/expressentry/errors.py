"""The errors expressentry raises.

One base class lets callers catch everything the library raises on purpose; each
subclass also subclasses the matching built-in, so ``except ValueError`` and
``except LookupError`` keep working.

>>> from expressentry.errors import InvalidInputError
>>> issubclass(InvalidInputError, ValueError)
True
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, Final

import attrs
from attrs import field, frozen

if TYPE_CHECKING:
    from expressentry.i18n import Message

__all__ = [
    "MISSING",
    "DamagedDataError",
    "DataError",
    "ExpressEntryError",
    "FieldProblem",
    "InternalError",
    "InvalidInputError",
    "InvalidProfileError",
    "RulesNotInForceError",
    "render_value",
]

_SHOWN = 20  # problems listed in an error's message; ``problems`` keeps them all
_WIDTH = 60  # characters of a value shown in a message
_DEPTH = 8  # levels of a nested value shown in a message
_SURROGATE = re.compile("[\ud800-\udfff]")


class _Missing(Enum):
    MISSING = "MISSING"

    def __repr__(self) -> str:
        return "MISSING"

    __str__ = __repr__


MISSING: Final = _Missing.MISSING
"""The ``value`` of a :class:`FieldProblem` that has no value: a required field
left out, a duplicated key, text that is not JSON. Its message omits "(got ...)"."""


def _quote(text: str) -> str:
    """``text`` as a JSON string; lone surrogates escaped as JSON would write them."""
    quoted = json.dumps(text, ensure_ascii=False)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def _number(value: int | float) -> str:
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        return float.__repr__(value)
    if value.bit_length() < 10_000:  # about 3,000 digits: within int-to-str's limit
        return int.__repr__(value)
    return f"a whole number of about {int(math.log10(abs(value))) + 1:,} digits"


def article(name: str) -> str:
    """``name`` with "a" or "an" before it, for messages: ``an Education``, ``a Candidate``."""
    return f"an {name}" if name[:1].lower() in "aeiou" else f"a {name}"


def _public_name(kind: type) -> str:
    """A class's name as the user knows it: ``Candidate``, or its full name.

    The full name (``expressentry.module.Name``) when the package's top level has
    another class of that name.
    """
    name = kind.__name__
    top = sys.modules.get("expressentry")
    if getattr(top, name, kind) is kind or not kind.__module__.startswith("expressentry."):
        return name
    return f"{kind.__module__}.{name}"


def _pieces(value: object, depth: int) -> Iterator[str]:
    """The JSON form of ``value``, piece by piece, so a long one is cut off early."""
    if value is None or isinstance(value, bool):
        yield {None: "null", True: "true", False: "false"}[value]
    elif isinstance(value, Enum):
        yield from _pieces(value.value, depth)
    elif isinstance(value, int | float):
        yield _number(value)
    elif isinstance(value, str):
        yield _quote(value[: _WIDTH + 1])
    elif isinstance(value, date):  # and datetime
        yield _quote(value.isoformat())
    elif attrs.has(type(value)):
        yield article(_public_name(type(value)))
    elif depth >= _DEPTH and isinstance(value, dict | list | tuple):
        yield "…"
    elif isinstance(value, dict):
        yield "{"
        for i, (key, item) in enumerate(value.items()):
            yield ", " if i else ""
            yield from _pieces(key, depth + 1)
            yield ": "
            yield from _pieces(item, depth + 1)
        yield "}"
    elif isinstance(value, list | tuple):
        yield "["
        for i, item in enumerate(value):
            yield ", " if i else ""
            yield from _pieces(item, depth + 1)
        yield "]"
    else:
        yield repr(value)


def render_value(value: object) -> str:
    """``value`` as JSON would write it, cut short: what the user wrote, not a repr.

    Dates show in ISO form, enums by value and models by their class name.
    """
    out: list[str] = []
    length = 0
    for piece in _pieces(value, 0):
        out.append(piece)
        length += len(piece)
        if length > _WIDTH:
            return "".join(out)[: _WIDTH - 1] + "…"
    return "".join(out)


class ExpressEntryError(Exception):
    """Base class of every error that expressentry raises on purpose."""


@frozen(init=False)
class FieldProblem:
    """One bad field: where it is, what it held and what the rule wants.

    ``path`` is relative to the object that was being built (``"hours_per_week"``)
    or, once :func:`expressentry.from_dict` has placed it, absolute
    (``"$.work_history[0].hours_per_week"``). ``value`` is :data:`MISSING` when
    there is none to show. The text shows the value as JSON would write it:

    >>> print(FieldProblem("$.end", date(2019, 1, 1), "must not be before start"))
    $.end: must not be before start (got "2019-01-01")
    >>> print(FieldProblem("$.education", MISSING, "required field missing"))
    $.education: required field missing

    The message may be given as a :class:`~expressentry.i18n.Message` (a template
    and its parameters): ``message`` is then its English text and ``template``
    the message itself, so :meth:`render` words the problem in French too. A plain
    string is looked up in the catalog as it is (a fixed sentence is its own
    template):

    >>> from expressentry.i18n import tr
    >>> problem = FieldProblem("$.hours_per_week", 200, tr(
    ...     "must be more than 0 and at most {most} (the hours in a week)", most=168))
    >>> problem.message
    'must be more than 0 and at most 168 (the hours in a week)'
    >>> print(problem.render("fr"))
    $.hours_per_week : doit être supérieur à 0 et d’au plus 168 ... (valeur reçue : 200)

    Attributes:
        path: Where the field is: a JSON path or a parameter's name, never translated.
        value: What the field held, or :data:`MISSING`.
        message: What the rule wants, in English.
        template: ``message`` as a template with its parameters, or ``None`` when
            ``message`` is a fixed sentence. Not compared: two problems that say
            the same thing are equal however they were built.
    """

    path: str
    value: object
    message: str
    template: Message | None = field(default=None, eq=False, repr=False)

    def __init__(
        self, path: str, value: object, message: str | Message, template: Message | None = None
    ) -> None:
        if not isinstance(message, str):  # a Message: its English text, and itself
            template, message = _template(message), str(message)
        if template is not None:
            template = _template(template)
        self.__attrs_init__(path, value, message, template)

    def __str__(self) -> str:
        if self.value is MISSING:
            return f"{self.path}: {self.message}"
        return f"{self.path}: {self.message} (got {render_value(self.value)})"

    def at(self, path: str) -> FieldProblem:
        """The same problem at another ``path`` (placed in a larger document), template kept."""
        return FieldProblem(path, self.value, self.message, self.template)

    def render(self, lang: str = "en") -> str:
        """The problem's line in ``lang`` (``"en"`` or ``"fr"``); English is ``str(problem)``.

        The path and the value are written as they are in every language: a path
        names a field of the JSON form, and the value is what the user wrote.

        Raises:
            InvalidInputError: ``lang`` is not a language messages are written in.
        """
        from expressentry.i18n import check_lang  # noqa: PLC0415 (i18n imports this module)

        return self._in(check_lang(lang, "FieldProblem.render"))

    def _in(self, lang: str) -> str:
        if lang == "en":
            return str(self)
        from expressentry.i18n import tr, translations  # noqa: PLC0415 (i18n imports this module)

        if self.template is not None:
            words = self.template.render(lang)
        else:
            words = translations(lang).gettext(self.message)
        if self.value is MISSING:
            return tr("{path}: {message}", path=self.path, message=words).render(lang)
        line = tr(
            "{path}: {message} (got {value})",
            path=self.path,
            message=words,
            value=render_value(self.value),
        )
        return line.render(lang)


def _template(given: object) -> Message:
    """``given`` if it is a message; else the error saying a problem's words must be one."""
    from expressentry.i18n import Message, tr  # noqa: PLC0415 (i18n imports this module)

    if isinstance(given, Message):
        return given
    words = tr("must be a string or an expressentry.i18n.Message")
    raise InvalidInputError("FieldProblem", [FieldProblem("message", given, words)])


def _describe(owner: str, problems: Sequence[FieldProblem]) -> str:
    lines = [f"invalid {owner}:", *(f"  {p}" for p in problems[:_SHOWN])]
    if len(problems) > _SHOWN:
        lines.append(f"  ... and {len(problems) - _SHOWN:,} more")
    return "\n".join(lines)


def _describe_in(lang: str, owner: str | Message, problems: Sequence[FieldProblem]) -> str:
    from expressentry.i18n import Count, tr  # noqa: PLC0415 (i18n imports this module)

    if lang == "en":
        return _describe(str(owner), problems)
    lines = [
        tr("invalid {owner}:", owner=owner).render(lang),
        *(f"  {p._in(lang)}" for p in problems[:_SHOWN]),
    ]
    if len(problems) > _SHOWN:
        more = tr("... and {count} more", count=Count(len(problems) - _SHOWN))
        lines.append("  " + more.render(lang))
    return "\n".join(lines)


class InvalidInputError(ExpressEntryError, ValueError):
    """Input that breaks a rule of the domain, with every bad field named.

    Raised by model constructors, so a bad value never reaches a computation. The
    message lists one problem a line, the first 20 only (10,000 bad work periods
    would bury the first ones); ``problems`` holds them all.
    """

    def __init__(self, owner: str | Message, problems: Sequence[FieldProblem]) -> None:
        self.owner = str(owner)
        self._owner = owner
        self.problems: tuple[FieldProblem, ...] = tuple(problems)
        super().__init__(_describe(self.owner, self.problems))

    def explain(self, lang: str = "en") -> str:
        """The error's text in ``lang`` (``"en"`` or ``"fr"``): ``str(error)`` in English.

        One problem a line, the first 20 only, as ``str(error)``; each path and
        value as written, each message in ``lang``.

        >>> from expressentry import Candidate, from_dict
        >>> try:
        ...     from_dict({"date_of_birth": "1990-02-30"}, Candidate)
        ... except InvalidInputError as exc:
        ...     print(exc.explain(lang="fr"))
        données invalides pour Candidate :
          $.date_of_birth : doit être une date réelle écrite AAAA-MM-JJ (valeur reçue : ...)
        ...

        Raises:
            InvalidInputError: ``lang`` is not a language messages are written in.
        """
        from expressentry.i18n import check_lang  # noqa: PLC0415 (i18n imports this module)

        return _describe_in(
            check_lang(lang, "InvalidInputError.explain"), self._owner, self.problems
        )


class InvalidProfileError(InvalidInputError):
    """Structured data (JSON, dicts) that could not become a model.

    ``problems`` holds one entry per bad field, each with its absolute JSON path
    (``$`` is the root), also for text that is not UTF-8 or not JSON.
    """


class RulesNotInForceError(ExpressEntryError, LookupError):
    """No rule was in force on the date asked for (for example before 2015-01-01)."""

    def __init__(self, rule_id: str, as_of: date, first: date) -> None:
        self.rule_id = rule_id
        self.as_of = as_of
        self.first = first
        super().__init__(
            f"{rule_id}: no rule in force on {as_of.isoformat()}; "
            f"the first known edition took effect on {first.isoformat()}"
        )


class DataError(ExpressEntryError):
    """Packaged rule data failed its own checks: a bug in a release, never the caller's.

    A shipped file that is not the one released is the subclass
    :exc:`DamagedDataError`: a damaged install, fixed by reinstalling.
    """


class DamagedDataError(DataError):
    """A data file shipped with expressentry is not the file released: reinstall.

    The round history's files are checked against the SHA-256 recorded in
    ``expressentry/data/PROVENANCE.md`` when first read; a changed byte (a
    damaged download, an edited file) raises this, naming the file. The command
    line prints it and exits with status 4.

    Attributes:
        file: The file's path in the package, e.g. ``expressentry/data/ee_rounds.json``.
    """

    def __init__(self, file: str, found: str, expected: str) -> None:
        self.file = file
        super().__init__(
            f"the data file {file} of the installed package is damaged: its SHA-256 is "
            f"{found}, not the {expected} recorded in expressentry/data/PROVENANCE.md; "
            "reinstall the package (python -m pip install --force-reinstall expressentry)"
        )


class InternalError(ExpressEntryError, RuntimeError):
    """A result broke one of its own invariants: a bug in expressentry, never the caller's.

    Raised, for example, when a breakdown's total is not the sum of its lines.
    Please report it with the input that caused it.
    """
