"""Messages a person reads, in English or French.

A :class:`Message` is an English template with named parameters
(``"Age {age} on {day}, {who}"``, ``age=29``...); rendering it in a language
looks the template up in that language's catalog and fills the same parameters
in, so one computation words its result in either language. A parameter is a
number, a date (written ISO 8601, ``2026-12-04``, in both languages, as IRCC's
French pages also do), a code or name written the same in both (``"21231"``,
``"CLB"``), or another message, rendered in the same language.

English is the templates themselves. French is read with the standard
library's :mod:`gettext` from the compiled catalog shipped in the package
(``expressentry/locale/fr/LC_MESSAGES/expressentry.mo``); Babel, a development
tool only, extracts the templates and compiles the catalog (see "Translations"
in the documentation). Templates are marked for extraction by :func:`tr` (a
message), :func:`trn` (a message about a count, with a singular and a plural
template, chosen by each language's rule: English singular for 1 only, French
for 0 and 1) and ``N_`` (a plain string translated later, such as an enum's label).

>>> line = tr("Age {age} on {day}, {who}", age=29, day=date(2026, 11, 22),
...           who=tr("without spouse"))
>>> line.render()
'Age 29 on 2026-11-22, without spouse'
>>> line.render("fr")
'Âge : 29 ans le 2026-11-22, sans époux ni conjoint de fait'
>>> [trn("{n} round", "{n} rounds", k, n=k).render() for k in (0, 1, 2)]
['0 rounds', '1 round', '2 rounds']
"""

from __future__ import annotations

import functools
import gettext
from collections.abc import Mapping
from datetime import date
from importlib import resources
from types import MappingProxyType
from typing import Any, Final, TypeAlias

from attrs import field, frozen

from expressentry.errors import FieldProblem, InvalidInputError

__all__ = [
    "DOMAIN",
    "LANGUAGES",
    "N_",
    "Count",
    "Message",
    "Param",
    "check_lang",
    "tr",
    "translations",
    "trn",
]

LANGUAGES: Final = ("en", "fr")
"""The languages every message is written in; English is the default everywhere."""
DOMAIN: Final = "expressentry"
"""The gettext domain: the catalog's file name (``expressentry.po``/``.mo``)."""

Param: TypeAlias = "int | str | date | Count | Message"
"""A message's parameter: a number, a literal (a code), a date, a count or a message."""


def _check_whole(n: object) -> None:
    if not isinstance(n, int) or isinstance(n, bool):
        raise InvalidInputError("Count", [FieldProblem("n", n, tr("must be a whole number"))])


@frozen
class Count:
    """A whole number written with each language's thousands separator.

    >>> Count(12345).render("en")
    '12,345'
    >>> Count(12345).render("fr") == "12\u00a0345"
    True
    """

    n: int = field(validator=lambda _i, _a, n: _check_whole(n))

    def render(self, lang: str = "en") -> str:
        """``n`` with thousands separated: ``12,345`` in English, ``12 345`` in French.

        Raises:
            InvalidInputError: ``lang`` is not a language messages are written in.
        """
        return self._in(check_lang(lang, "Count.render"))

    def _in(self, lang: str) -> str:
        grouped = f"{self.n:,}"
        return grouped if lang == "en" else grouped.replace(",", "\u00a0")


def N_(msgid: str) -> str:  # noqa: N802 (gettext's name for a marker, known to Babel)
    """``msgid`` unchanged: marks a string for extraction, translated where it is shown."""
    return msgid


def check_lang(lang: object, where: str) -> str:
    """``lang`` if it is a language messages are written in.

    Raises:
        InvalidInputError: naming ``lang`` and the languages there are, with
            ``where`` as the function or class that was called.
    """
    if isinstance(lang, str) and lang in LANGUAGES:
        return lang
    from expressentry._checks import type_message  # noqa: PLC0415 (_checks imports this module)

    known = ", ".join(LANGUAGES)
    if isinstance(lang, str):
        words = tr("must be one of {known}", known=known)
    else:
        words = tr("must be one of {known}, not {kind}", known=known, kind=type_message(lang))
    raise InvalidInputError(where, [FieldProblem("lang", lang, words)])


def worded(english: str, message: Message | None, lang: object, where: str) -> str:
    """A result's words in ``lang``: ``english`` itself, or ``message`` rendered.

    What every result's ``text(lang)`` says: a result without its message (read
    back from JSON, or worded by a reform's added factor) has its English words
    only, whatever the language.

    Raises:
        InvalidInputError: ``lang`` is not a language messages are written in
            (``where`` names the method called).
    """
    lang = check_lang(lang, where)
    return english if lang == "en" or message is None else message.render(lang)


def translations(lang: str) -> gettext.NullTranslations:
    """The catalog of ``lang`` (English: the templates themselves).

    Raises:
        InvalidInputError: ``lang`` is not a language messages are written in.
    """
    return _catalogs()[check_lang(lang, "translations")]


@functools.cache
def _catalogs() -> Mapping[str, gettext.NullTranslations]:
    """Every language's catalog, read once from the package (shipped data, immutable)."""
    found: dict[str, gettext.NullTranslations] = {"en": gettext.NullTranslations()}
    for lang in (other for other in LANGUAGES if other != "en"):
        path = resources.files("expressentry").joinpath(
            "locale", lang, "LC_MESSAGES", f"{DOMAIN}.mo"
        )
        with path.open("rb") as catalog:
            found[lang] = gettext.GNUTranslations(catalog)
    return MappingProxyType(found)


def _check_msgid(instance: Message, _attribute: object, msgid: Any) -> None:
    if not isinstance(msgid, str) or not msgid:
        raise InvalidInputError(
            "Message", [FieldProblem("msgid", msgid, tr("must be a non-empty string"))]
        )


def _check_params(instance: Message, _attribute: object, params: Any) -> None:
    ok = isinstance(params, tuple) and all(
        isinstance(p, tuple)
        and len(p) == 2
        and isinstance(p[0], str)
        and isinstance(p[1], int | str | date | Count | Message)
        for p in params
    )
    if not ok:
        what = tr("must be a tuple of (name, number, text, date or Message) pairs")
        raise InvalidInputError("Message", [FieldProblem("params", params, what)])


def _check_plural(instance: Message, _attribute: object, plural: Any) -> None:
    if plural is not None and (not isinstance(plural, str) or not plural):
        raise InvalidInputError(
            "Message", [FieldProblem("plural", plural, N_("must be None or a non-empty string"))]
        )


def _check_count(instance: Message, _attribute: object, count: Any) -> None:
    has_plural = instance.plural is not None
    if has_plural and (not isinstance(count, int) or isinstance(count, bool) or count < 0):
        what = N_("must be a whole number of at least 0 with a plural")
        raise InvalidInputError("Message", [FieldProblem("count", count, what)])
    if not has_plural and count is not None:
        raise InvalidInputError(
            "Message", [FieldProblem("count", count, N_("must be None without a plural"))]
        )


@frozen
class Message:
    """Words to show, as a template and its parameters, renderable in each language.

    Attributes:
        msgid: The English template, which is also the catalog's key, with
            ``{name}`` for each parameter.
        params: ``(name, value)`` pairs, in the order given.
        plural: For a message about a count, the English plural template
            (``msgid`` is then the singular); ``None`` for any other message.
        count: The count that chooses between the singular and the plural, by
            the language's rule (``None`` without a plural).
    """

    msgid: str = field(validator=_check_msgid)
    params: tuple[tuple[str, Param], ...] = field(default=(), validator=_check_params)
    plural: str | None = field(default=None, validator=_check_plural)
    count: int | None = field(default=None, validator=_check_count)

    def render(self, lang: str = "en") -> str:
        """The message in ``lang`` (``"en"`` or ``"fr"``).

        Raises:
            InvalidInputError: ``lang`` is not a language messages are written in.
        """
        return self._in(check_lang(lang, "Message.render"))

    def _in(self, lang: str) -> str:
        text = self._template(lang)
        if not self.params:
            return text
        # str.format writes a number as str() and a date as isoformat() already.
        return text.format_map(
            {name: v._in(lang) if isinstance(v, Message | Count) else v for name, v in self.params}
        )

    def _template(self, lang: str) -> str:
        if self.plural is None or self.count is None:
            return self.msgid if lang == "en" else translations(lang).gettext(self.msgid)
        if lang == "en":
            return self.msgid if self.count == 1 else self.plural
        return translations(lang).ngettext(self.msgid, self.plural, self.count)

    def __str__(self) -> str:
        return self._in("en")


def tr(msgid: str, /, **params: Param) -> Message:
    """The message of template ``msgid`` with these parameters (and marks it for extraction).

    The library's own messages, whose types mypy checks, skip the constructor's
    checks: scoring words every new line with a few of them.
    """
    made = object.__new__(Message)
    object.__setattr__(made, "msgid", msgid)  # how attrs' own __init__ sets a frozen field
    object.__setattr__(made, "params", tuple(params.items()))
    object.__setattr__(made, "plural", None)
    object.__setattr__(made, "count", None)
    return made


def trn(singular: str, plural: str, count: int, /, **params: Param) -> Message:
    """The message about ``count`` things: ``singular`` or ``plural``, by the language's rule.

    ``count`` only chooses the template (English: the singular for 1; French: for
    0 and 1, from the catalog's plural forms); the number itself is a parameter
    like any other, written as the caller wants (``n=5000``, or a formatted
    ``"5,000"``). Marks both templates for extraction, as gettext's ``ngettext``.

    >>> trn("{n} day", "{n} days", 1, n=1).render("fr")
    '1 jour'
    >>> trn("{n} day", "{n} days", 0, n=0).render("fr"), trn("{n} day", "{n} days", 0, n=0).render()
    ('0 jour', '0 days')
    """
    made = tr(singular, **params)
    object.__setattr__(made, "plural", plural)
    object.__setattr__(made, "count", count)
    return made
