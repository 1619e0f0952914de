"""Flat rows for ``to_records()``: plain scalars a DataFrame reads as columns.

Every result's ``to_records()`` returns one dict per natural row (a breakdown
line, a requirement, an improvement...), each holding only ``str``, ``int``,
``float``, ``bool``, ``None`` or :class:`datetime.date` values (a
:class:`~datetime.datetime` is a date), so that ``pandas.DataFrame(rows)`` gets
flat columns without pandas being a dependency. The pieces shared by those
methods live here, written once: an enum becomes its value, several values one
text joined with ", ", a rule two columns.

>>> from expressentry.enums import Program
>>> scalar(Program.FSW), joined([Program.FSW, Program.CEC]), joined([])
('fsw', 'fsw, cec', '')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from enum import Enum
from typing import Any, Protocol, TypeAlias, runtime_checkable

__all__ = ["HasRecords", "Record", "Scalar", "joined", "rule_columns", "scalar", "tagged"]

Scalar: TypeAlias = str | int | float | bool | date | None
"""A value of a record: what a DataFrame holds in a flat column."""

Record: TypeAlias = dict[str, Any]
"""One flat row (its values are :data:`Scalar`)."""

SEPARATOR = ", "
"""What joins several values into one text column."""


@runtime_checkable
class HasRecords(Protocol):
    """A result that gives its rows as flat records."""

    def to_records(self) -> list[Record]:
        """One flat dict per row."""
        ...


def scalar(value: object) -> Scalar:
    """``value`` as a plain scalar: an enum's value, a date as it is, else ``str``.

    ``None``, ``bool``, ``int``, ``float``, ``str`` and dates pass unchanged.
    """
    if isinstance(value, Enum):
        return scalar(value.value)
    if value is None or isinstance(value, str | int | float | date):
        return value
    return str(value)


def joined(values: Iterable[object], separator: str = SEPARATOR) -> str:
    """Several values as one text: ``"fsw, cec"`` (``""`` for none)."""
    return separator.join(str(scalar(v)) for v in values)


class _Rule(Protocol):
    @property
    def rule_id(self) -> str: ...
    @property
    def effective_from(self) -> date: ...


def rule_columns(rule: _Rule | None) -> Record:
    """The two columns naming a rule: ``rule_id`` and ``effective_from`` (``None`` for none)."""
    if rule is None:
        return {"rule_id": None, "effective_from": None}
    return {"rule_id": rule.rule_id, "effective_from": rule.effective_from}


def tagged(head: Mapping[str, Scalar], rows: Iterable[Record]) -> list[Record]:
    """Each row with the columns of ``head`` first (a row's own columns win a clash)."""
    return [{**head, **row} for row in rows]
