"""Small HTML fragments for notebooks: ``_repr_html_`` without Jinja2.

A result shown in Jupyter renders its ``_repr_html_()``: a heading line and a
table, built with :func:`html.escape` only, so the core needs no template
engine (the client report, :func:`expressentry.report_html`, does). The class
names are the report's (``lines``, ``requirements``, ``plan``, ``outlook``,
``events``; ``num`` on number cells), so the report's stylesheet styles both.

>>> print(fragment("Score <b>", table(["Reason", "Points"], [["Age <29>", 110]], css="lines",
...       numeric={1})))
<div class="expressentry"><p>Score &lt;b&gt;</p>
<table class="lines">
<thead><tr><th>Reason</th><th class="num">Points</th></tr></thead>
<tbody>
<tr><td>Age &lt;29&gt;</td><td class="num">110</td></tr>
</tbody>
</table>
</div>
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import date
from html import escape

__all__ = ["cell", "fragment", "table"]

EMPTY = "—"
"""What an empty cell shows."""


def cell(value: object) -> str:
    """A value as escaped cell text: a date in ISO form, ``None`` and "" as a dash."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, date):
        return value.isoformat()
    return escape(str(value))


def _row(tag: str, values: Sequence[object], numeric: Collection[int], css: str | None) -> str:
    cells = "".join(
        f'<{tag} class="num">{cell(v)}</{tag}>' if i in numeric else f"<{tag}>{cell(v)}</{tag}>"
        for i, v in enumerate(values)
    )
    klass = f' class="{escape(css)}"' if css else ""
    return f"<tr{klass}>{cells}</tr>"


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    css: str,
    numeric: Collection[int] = (),
    foot: Sequence[object] | None = None,
    row_css: Sequence[str | None] | None = None,
) -> str:
    """A table: escaped headers and cells, ``numeric`` columns classed ``num``.

    ``foot`` is a last row (a total), ``row_css`` a class for each row.
    """
    body = list(rows)
    classes = list(row_css) if row_css is not None else [None] * len(body)
    out = [
        f'<table class="{escape(css)}">',
        f"<thead>{_row('th', headers, numeric, None)}</thead>",
        "<tbody>",
        *(_row("td", r, numeric, c) for r, c in zip(body, classes, strict=True)),
        "</tbody>",
    ]
    if foot is not None:
        out.append(f"<tfoot>{_row('th', foot, numeric, 'total')}</tfoot>")
    out.append("</table>")
    return "\n".join(out)


def fragment(heading: str, *parts: str, notes: Iterable[str] = ()) -> str:
    """A result's fragment: its heading line (escaped), its tables, then notes (escaped)."""
    out = [f'<div class="expressentry"><p>{escape(heading)}</p>', *parts]
    out.extend(f'<p class="note">{escape(n)}</p>' for n in notes)
    out.append("</div>")
    return "\n".join(out)
