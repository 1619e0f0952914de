"""Pieces of the short reprs results show in a notebook or a debugger.

A result's repr names its key facts in a line (well under 200 characters); the
whole story is in its fields and its ``explain()`` text.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

__all__ = ["WIDTH", "cited", "cut", "fitted", "listed", "quoted"]

_MORE = "…"

WIDTH = 180
"""The width a repr keeps to, cutting its free text (a reason) to fit."""


def cut(text: str, width: int) -> str:
    """``text``, cut to ``width`` characters with "…" if it is longer."""
    return text if len(text) <= width else text[: width - 1] + _MORE


def quoted(text: str, width: int = 100) -> str:
    """``text`` quoted as ``repr`` quotes it, cut to ``width`` characters with "…"."""
    return repr(cut(text, width))


def cited(rule_id: str, effective_from: date) -> str:
    """A rule and the dated entry applied, in one word: ``crs.core.age@2015-01-01``."""
    return f"{rule_id}@{effective_from.isoformat()}"


def listed(words: Iterable[str], width: int = 100) -> str:
    """Words joined with ", ", the last ones left out (…) past ``width`` characters."""
    out = ""
    for word in words:
        joined = f"{out}, {word}" if out else word
        if len(joined) > width:
            return f"{out}, {_MORE}" if out else _MORE
        out = joined
    return out


def fitted(before: str, text: str, after: str, *, least: int = 40) -> str:
    """``before``, ``text`` quoted and ``after``, ``text`` cut to keep within :data:`WIDTH`.

    ``text`` keeps ``least`` characters at least, however long the rest is.
    """
    room = max(least, WIDTH - len(before) - len(after) - 2)  # 2: the quotes
    return f"{before}{quoted(text, room)}{after}"
