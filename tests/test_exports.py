"""Every type a public function returns, or a public result holds, can be imported.

Kind: a property of the API. A user who gets a ``TrendPoint`` from ``trends()`` or a
``Deadline`` from ``ita_deadline()`` can name its type in their own annotations:
from ``expressentry``, or from ``expressentry.rules`` for the shapes of rule tables.
"""

from __future__ import annotations

import inspect
import sys
import typing
from collections.abc import Callable, Iterator
from datetime import date

import attrs

import expressentry as ee
from expressentry import rules

PUBLIC = set(ee.__all__) | set(rules.__all__)


def _types(annotation: object) -> Iterator[type]:
    """The package's own classes named in an annotation, generic arguments included."""
    origin = typing.get_origin(annotation)
    if origin is not None:
        yield from _types(origin)
        for argument in typing.get_args(annotation):
            yield from _types(argument)
    elif isinstance(annotation, type) and annotation.__module__.startswith("expressentry."):
        yield annotation


def _hints(obj: Callable[..., object] | type) -> dict[str, object]:
    namespace = {**vars(ee), **vars(sys.modules[obj.__module__])}
    return typing.get_type_hints(obj, globalns=namespace)


def _public_surface() -> Iterator[tuple[str, object]]:
    """(where, annotation) of every public return and every public field."""
    for name in ee.__all__:
        obj = getattr(ee, name)
        if inspect.isfunction(obj):
            yield name, _hints(obj).get("return")
        if not isinstance(obj, type):
            continue
        for attr, member in vars(obj).items():
            if attr.startswith("_"):
                continue
            if isinstance(member, property) and member.fget is not None:
                yield f"{name}.{attr}", _hints(member.fget).get("return")
            elif inspect.isfunction(member):
                yield f"{name}.{attr}()", _hints(member).get("return")
        if attrs.has(obj):
            hints = _hints(obj)
            for f in attrs.fields(obj):
                if not f.name.startswith("_"):
                    yield f"{name}.{f.name}", hints.get(f.name)


def test_every_type_the_api_hands_out_is_exported() -> None:
    hidden = sorted(
        f"{where}: {kind.__module__}.{kind.__name__}"
        for where, annotation in _public_surface()
        for kind in _types(annotation)
        if kind.__name__ not in PUBLIC
    )
    assert hidden == []


def test_the_deadline_is_a_named_pair() -> None:
    deadline = ee.ita_deadline(date(2021, 6, 29))
    day, window = deadline  # still unpacks as a pair
    # invitations from 2021-06-29 have 60 days (IRCC's program delivery update of that day)
    assert (deadline.day, window.value) == (date(2021, 8, 28), 60)
    assert day == deadline.day
