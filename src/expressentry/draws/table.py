"""Rounds as flat rows, and as text, JSON or CSV (what the command line prints).

>>> from expressentry.draws.history import rounds
>>> row = round_row(rounds()[0])
>>> row["number"], row["held_at"], row["round_type"], row["cutoff"]
('1', '2015-01-31T11:59:48Z', 'general', 886)
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Final

from expressentry._checks import require, require_items
from expressentry._formats import FORMATS as JSON_FORMATS
from expressentry.errors import FieldProblem, InvalidInputError
from expressentry.i18n import tr

from .records import POOL_BANDS, Round

__all__ = ["COLUMNS", "FORMATS", "render_rounds", "round_row"]

FORMATS: Final = ("text", "json", "csv")
"""The formats :func:`render_rounds` writes."""

COLUMNS: Final = (
    "number",
    "date",
    "held_at",
    "kind",
    "round_type",
    "category_version",
    "name",
    "invitations",
    "cutoff",
    "tie_break",
    "distribution_as_of",
    *(f"pool_{band.low}_{band.high}" for band in POOL_BANDS),
    "pool_total",
    "quirks",
)
"""The keys of :func:`round_row`, in order (the columns of the CSV)."""


def round_row(r: Round) -> dict[str, str | int | None]:
    """One round as a flat row of JSON values: dates in ISO 8601, UTC with ``Z``.

    The same as :meth:`Round.as_dict <expressentry.draws.records.Round.as_dict>`
    and :func:`~expressentry.to_dict`. The pool columns (``pool_601_1200`` ...
    ``pool_0_300``, ``pool_total``) are ``None`` where IRCC published no count.

    Raises:
        InvalidInputError: ``r`` is not a :class:`~expressentry.draws.records.Round`.
    """
    return require(r, Round, "r", "round_row").as_dict()


def _text(rounds: list[Round]) -> str:
    head = ("#", "date", "type", "invited", "cut-off", "tie-break (UTC)")
    rows = [
        (
            r.number,
            r.day.isoformat(),
            r.round_type,
            f"{r.invitations:,}",
            str(r.cutoff),
            "-" if r.tie_break is None else r.tie_break.strftime("%Y-%m-%d %H:%M:%S"),
        )
        for r in rounds
    ]
    widths = [max(len(x) for x in col) for col in zip(head, *rows, strict=True)]
    right = {0, 3, 4}
    lines = [
        "  ".join(
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(line, widths, strict=True))
        ).rstrip()
        for line in (head, *rows)
    ]
    invited = sum(r.invitations for r in rounds)
    lines.append(
        f"{len(rounds)} round{'' if len(rounds) == 1 else 's'}, "
        f"{invited:,} invitation{'' if invited == 1 else 's'}"
    )
    return "\n".join(lines)


def render_rounds(rounds: Iterable[Round], fmt: str = "text") -> str:
    """``rounds`` as a text table, JSON, or CSV.

    The JSON is an object: its ``format`` (``"expressentry-rounds/1"``) and its
    ``rounds``, a list of :func:`round_row` rows (``expressentry schema rounds``).

    Raises:
        InvalidInputError: ``fmt`` is not one of :data:`FORMATS`, or ``rounds``
            is not an iterable of rounds.
    """
    chosen = list(require_items(rounds, Round, "rounds", "render_rounds"))
    if fmt == "text":
        return _text(chosen)
    rows = [round_row(r) for r in chosen]
    if fmt == "json":
        data = {"format": JSON_FORMATS["rounds"], "rounds": rows}
        return json.dumps(data, ensure_ascii=False, indent=1)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue().rstrip("\n")
    message = tr("must be one of {known}", known=", ".join(FORMATS))
    raise InvalidInputError("render_rounds", [FieldProblem("fmt", fmt, message)])
