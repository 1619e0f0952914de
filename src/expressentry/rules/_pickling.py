"""How a rule set pickles: its rules only, the shipped ones by reference.

A :class:`~expressentry.rules.RuleSet` (a reform too) pickles as the call that
builds it again from its fields: no scoring plan, memo or index it compiled goes
into the pickle, and the copy compiles its own on first use. Read-only tables
(``types.MappingProxyType``, which :mod:`pickle` refuses) travel as plain dicts
and are made read-only again, and every attrs value inside (a step table, a
chart, a dated entry) is rebuilt by its own constructor, so it is checked again.

A timeline or dated entry the package ships travels as its rule id (and index),
and comes back as the very object the receiving process ships: what is published
stays recognisable (``rules.language_charts is CHARTS``), so a copy of the rules
in force scores on the same fast paths as the original.

A reform's added factor holds a function: it pickles only if the function does
(a function defined at the top level of a module, not a ``lambda``).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs

from expressentry.rules._timeline import Dated, Timeline


class _Call:
    """Stands in a pickle for ``build(*args)``: unpickling makes that call."""

    __slots__ = ("args", "build")

    def __init__(self, build: Any, *args: object) -> None:
        self.build = build
        self.args = args

    def __reduce__(self) -> tuple[Any, ...]:
        return self.build, self.args


def build(cls: type[Any], fields: dict[str, Any]) -> Any:
    """``cls(**fields)``: an attrs value rebuilt, and checked, by its constructor."""
    return cls(**fields)


def read_only(items: dict[Any, Any]) -> Mapping[Any, Any]:
    """A read-only view of ``items`` (the mapping rule tables are)."""
    return MappingProxyType(items)


def shipped(*key: str | int) -> Any:
    """The shipped object ``key`` names: the charts, a timeline, or one of its entries."""
    from expressentry.rules import TIMELINES  # noqa: PLC0415 (this module is imported by it)
    from expressentry.rules.language_tables import CHARTS  # noqa: PLC0415

    if key[0] == "charts":
        return CHARTS
    timeline = next(t for t in TIMELINES if t.rule_id == key[1])
    return timeline if len(key) == 2 else timeline.entries[int(key[2])]


def _shipped_keys() -> dict[int, tuple[str | int, ...]]:
    """Every shipped timeline and entry, by ``id``, with the key :func:`shipped` reads."""
    from expressentry.rules import TIMELINES  # noqa: PLC0415
    from expressentry.rules.language_tables import CHARTS  # noqa: PLC0415

    keys: dict[int, tuple[str | int, ...]] = {id(CHARTS): ("charts",)}
    for t in TIMELINES:
        keys[id(t)] = ("timeline", t.rule_id)
        for i, entry in enumerate(t.entries):
            keys.setdefault(id(entry), ("entry", t.rule_id, i))
    return keys


class Portable:
    """Turns a value of the rules into one :mod:`pickle` takes, sharing what is shared."""

    def __init__(self) -> None:
        self.keys = _shipped_keys()
        self.seen: dict[int, tuple[object, object]] = {}

    def __call__(self, value: object) -> object:
        kind = type(value)
        if kind in (str, int, float, bool) or value is None:
            return value
        key = id(value)
        found = self.seen.get(key)
        if found is not None:
            return found[1]
        shipped_key = self.keys.get(key)
        if shipped_key is not None and (kind in (Dated, Timeline) or kind is MappingProxyType):
            done: object = _Call(shipped, *shipped_key)
        elif kind is MappingProxyType:
            assert isinstance(value, Mapping)  # noqa: S101 (for mypy)
            done = _Call(read_only, {self(k): self(v) for k, v in value.items()})
        elif kind is tuple:
            assert isinstance(value, tuple)  # noqa: S101
            done = tuple(self(v) for v in value)
        elif kind is frozenset:
            assert isinstance(value, frozenset)  # noqa: S101
            done = frozenset(self(v) for v in value)
        elif kind is dict:
            assert isinstance(value, dict)  # noqa: S101
            done = {self(k): self(v) for k, v in value.items()}
        elif attrs.has(kind):
            done = _Call(build, kind, self.fields(value))
        else:
            return value
        self.seen[key] = (value, done)
        return done

    def fields(self, value: Any) -> dict[str, object]:
        """The constructor's arguments of the attrs value ``value``, each made portable."""
        return {a.alias: self(getattr(value, a.name)) for a in attrs.fields(type(value)) if a.init}
