"""JSON text read strictly, before any model sees it.

The ``json`` module takes a key given twice (the last wins), ``NaN`` and
``Infinity``, and Python refuses integers longer than its conversion limit with an
error that names no place. A profile must hold none of these silently: each is a
problem at its JSON path, reported with every other problem of the text. Paths are
written as the rest of the package writes them (``$.languages[0].test``).
"""

from __future__ import annotations

import codecs
import json
import threading
from typing import Any

from expressentry._checks import type_message
from expressentry.errors import MISSING, FieldProblem, InvalidProfileError, render_value
from expressentry.i18n import N_, Count, Message, tr

__all__ = [
    "join_path",
    "json_error_message",
    "json_error_words",
    "parse_json",
    "parse_text",
    "path_step",
]

_JSON_SAYS = {
    said: said
    for said in (
        N_("Expecting value"),
        N_("Expecting ',' delimiter"),
        N_("Expecting ':' delimiter"),
        N_("Expecting property name enclosed in double quotes"),
        N_("Unterminated string starting"),
        N_("Invalid control character"),
        N_("Invalid \\escape"),
        N_("Invalid \\uXXXX escape"),
        N_("Extra data"),
        N_("Illegal trailing comma before end of object"),
        N_("Illegal trailing comma before end of array"),
    )
}
"""What :mod:`json` says is wrong (its messages, "at" left off), each in the catalog."""


def path_step(key: object) -> str:
    """The path step to ``key`` of an object: ``.name``, or ``["a b"]`` for other keys."""
    if isinstance(key, str) and key.isidentifier():
        return f".{key}"
    return f"[{render_value(key)}]"


def join_path(path: str, relative: str) -> str:
    """``relative`` (a model's own path, e.g. ``languages[0].test``) placed under ``path``."""
    if not relative:
        return path
    return path + relative if relative.startswith("[") else f"{path}.{relative}"


class _Flagged:
    """What JSON parsing turned into a problem, to be placed by path afterwards.

    ``json``'s hooks see a value but not where it is, so they leave a marker
    and the parsed tree is walked for the markers once (only if there are any).
    """

    def __init__(self, message: Message) -> None:
        self.words = message


class _Duplicates(dict[str, Any]):
    """A JSON object in which some keys were given more than once."""

    keys_repeated: tuple[str, ...] = ()


class _Parser:
    """:func:`json.loads` with hooks that flag what a profile must not hold.

    The ``json`` module takes repeated keys (the last wins), ``NaN`` and
    ``Infinity``; Python refuses integers longer than its conversion limit.
    """

    def __init__(self) -> None:
        self.flagged = False
        self.decoder = json.JSONDecoder(
            object_pairs_hook=self.object_pairs,
            parse_constant=self.constant,
            parse_int=self.integer,
        )

    def object_pairs(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(pairs)
        if len(obj) == len(pairs):
            return obj
        self.flagged = True
        seen: set[str] = set()
        repeated: list[str] = []
        for key, _ in pairs:
            if key in seen and key not in repeated:
                repeated.append(key)
            seen.add(key)
        marked = _Duplicates(obj)
        marked.keys_repeated = tuple(repeated)
        return marked

    def constant(self, name: str) -> _Flagged:
        self.flagged = True
        return _Flagged(tr("not valid JSON: {name} is not a JSON number", name=name))

    def integer(self, text: str) -> int | _Flagged:
        try:
            return int(text)
        except ValueError:  # longer than sys.get_int_max_str_digits()
            self.flagged = True
            return _Flagged(
                tr("number too long ({count} digits)", count=Count(len(text.lstrip("-"))))
            )

    def loads(self, text: str) -> Any:
        """``text`` parsed; :attr:`flagged` says whether the tree holds a marker."""
        self.flagged = False
        return self.decoder.decode(text)


class _Parsers(threading.local):
    """One parser per thread, made once: ``json.loads`` with hooks builds a decoder per call."""

    def __init__(self) -> None:
        self.parser = _Parser()


_PARSERS = _Parsers()


def _flagged_problems(data: object) -> list[FieldProblem]:
    """The problems the parser flagged, in document order, each at its path."""
    out: list[FieldProblem] = []
    stack: list[tuple[str, object]] = [("$", data)]
    while stack:  # no recursion: the tree may be as deep as json allows
        path, value = stack.pop()
        if isinstance(value, _Flagged):
            out.append(FieldProblem(path, MISSING, value.words))
        elif isinstance(value, dict):
            if isinstance(value, _Duplicates):
                out.extend(
                    FieldProblem(path + path_step(k), MISSING, tr("duplicate key"))
                    for k in value.keys_repeated
                )
            stack.extend((path + path_step(k), v) for k, v in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend((f"{path}[{i}]", v) for i, v in reversed(list(enumerate(value))))
    return out


def _decode(text: bytes) -> str | FieldProblem:
    """UTF-8 ``text`` without its byte order mark, or the problem at the bad byte."""
    start = len(codecs.BOM_UTF8) if text.startswith(codecs.BOM_UTF8) else 0
    try:
        return text[start:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = start + exc.start
        byte = f"0x{text[offset]:02x}"
        words = tr(
            "not UTF-8 text: byte {byte} at offset {offset}", byte=byte, offset=Count(offset)
        )
        return FieldProblem("$", MISSING, words)


def parse_text(text: str | bytes, *, in_a_cell: bool = False) -> tuple[object, list[FieldProblem]]:
    """The data of ``text`` and every problem found in it.

    The data is ``None`` if the text is not JSON at all; :func:`parse_json` raises the
    problems, ``from_json`` reports them as its own.
    """
    given: object = text  # of any type at run time
    if not isinstance(given, str | bytes | bytearray):
        message = tr(
            "must be JSON text (a str, or UTF-8 bytes), not {kind}", kind=type_message(given)
        )
        return None, [FieldProblem("$", given, message)]
    if isinstance(text, bytes | bytearray):
        decoded = _decode(bytes(text))
        if isinstance(decoded, FieldProblem):
            return None, [decoded]
        text = decoded
    text = text.removeprefix("\ufeff")
    if not text.strip():
        return None, [FieldProblem("$", MISSING, tr("not valid JSON: the text is empty"))]
    parser = _PARSERS.parser
    try:
        data = parser.loads(text)
    except json.JSONDecodeError as exc:
        return None, [FieldProblem("$", MISSING, json_error_message(exc, in_a_cell=in_a_cell))]
    except RecursionError:
        return None, [FieldProblem("$", MISSING, tr("nested too deeply"))]
    return data, _flagged_problems(data) if parser.flagged else []


def json_error_words(exc: json.JSONDecodeError, *, in_a_cell: bool = False) -> str:
    """What ``json`` found wrong, and where: a column, or a line and a column.

    One line of text (a line of a pool file) says only its column, so a file's line
    number and a position inside the line never share the word "line"; text of
    several lines inside a file's record (``in_a_cell``: a CSV cell) says the
    character of the cell, for the same reason. ``json``'s "starting at" is not
    followed by a second "at".

    >>> try:
    ...     json.loads('{"a": "x')
    ... except json.JSONDecodeError as exc:
    ...     print(json_error_words(exc))
    not valid JSON: Unterminated string starting at column 7
    """
    return str(json_error_message(exc, in_a_cell=in_a_cell))


def json_error_message(exc: json.JSONDecodeError, *, in_a_cell: bool = False) -> Message:
    """:func:`json_error_words` as a message, to be worded in each language.

    What :mod:`json` says is one of its few fixed sentences, each in the catalog
    (one it does not know stays as :mod:`json` wrote it).

    >>> try:
    ...     json.loads('{"a": 1,}')
    ... except json.JSONDecodeError as exc:
    ...     print(json_error_message(exc).render("fr"))
    JSON non valide : nom de propriété entre guillemets doubles attendu à la colonne 9
    """
    said = exc.msg.removesuffix(" at")
    what: Message | str = tr(said) if said in _JSON_SAYS else said
    if exc.lineno == 1 and "\n" not in exc.doc.rstrip():
        where = tr("column {column}", column=exc.colno)
    elif in_a_cell:
        where = tr("character {character} of the cell", character=exc.pos + 1)
    else:
        where = tr("line {line}, column {column}", line=exc.lineno, column=exc.colno)
    return tr("not valid JSON: {what} at {where}", what=what, where=where)


def parse_json(text: str | bytes, owner: str = "Candidate", *, in_a_cell: bool = False) -> Any:
    """JSON text parsed with the checks of :func:`~expressentry.from_json`, not yet structured.

    ``in_a_cell``: the text is a cell of a file's record (see ``json_error_words``).

    Raises:
        InvalidProfileError: (of ``owner``) the text is not UTF-8 or not JSON, a key
            is given twice, or it holds ``NaN`` or ``Infinity``.
    """
    data, problems = parse_text(text, in_a_cell=in_a_cell)
    if problems:
        raise InvalidProfileError(owner, problems)
    return data
