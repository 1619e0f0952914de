"""The report's two charts, drawn as inline SVG: no JavaScript, no network, no library.

Both charts share one geometry, so a reader (or a test) can turn a coordinate back
into points and days:

* the drawing is :data:`WIDTH` by :data:`HEIGHT` user units; the plot area runs
  from x = :data:`LEFT` to x = ``WIDTH - RIGHT`` and from y = :data:`TOP` (the
  highest value) down to y = ``HEIGHT - BOTTOM`` (the lowest);
* the value axis runs from ``lo`` to ``hi``, the smallest and largest value shown
  rounded outward to a multiple of the tick step, the first of :data:`STEPS`
  that gives at most :data:`MAX_TICKS` intervals; a value ``v`` sits at
  ``y = (HEIGHT - BOTTOM) - (v - lo) / (hi - lo) * (HEIGHT - BOTTOM - TOP)``;
* the time axis runs from ``start`` to ``end``; a day ``d`` sits at
  ``x = LEFT + (d - start).days / (end - start).days * (WIDTH - LEFT - RIGHT)``.

Coordinates are written with two decimals. Series differ by marker shape and dash
pattern as well as colour, so a chart printed in black and white still reads.

>>> scale = ValueScale.around([500, 540, 574])
>>> (scale.lo, scale.hi, scale.step)
(500, 575, 25)
>>> round(scale.y(574), 2)
19.25
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import date
from html import escape
from typing import Final

from attrs import frozen

from expressentry.i18n import tr

__all__ = [
    "BOTTOM",
    "HEIGHT",
    "LEFT",
    "MAX_TICKS",
    "RIGHT",
    "STEPS",
    "TOP",
    "WIDTH",
    "DayScale",
    "Series",
    "ValueScale",
    "cutoff_chart",
    "forecast_chart",
]

WIDTH: Final = 720
HEIGHT: Final = 300
LEFT: Final = 56
RIGHT: Final = 16
TOP: Final = 16
BOTTOM: Final = 40
STEPS: Final = (25, 50, 100, 200, 500)
"""Tick steps in points, tried in order."""
MAX_TICKS: Final = 8
"""Most intervals on the value axis."""

_BASE = HEIGHT - BOTTOM
_LEGEND_ROW = 16  # the cut-off chart's legend: rows of two under the time axis
_PLOT_WIDTH = WIDTH - LEFT - RIGHT
_MARKERS: Final = ("circle", "square", "triangle", "diamond", "cross", "plus")
_DASHES: Final = ("", "6 3", "2 3", "8 3 2 3", "1 2", "10 4")
_COLOURS: Final = ("#1b4f8a", "#8a3b1b", "#2f6b2f", "#6b2f6b", "#5a5a00", "#00606b")


def _n(value: float) -> str:
    """A coordinate with two decimals and no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


@frozen
class ValueScale:
    """The vertical axis: points to y, with nice round ticks.

    Attributes:
        lo: The value at the bottom of the plot area.
        hi: The value at the top.
        step: The distance between two ticks.
    """

    lo: int
    hi: int
    step: int

    @classmethod
    def around(cls, values: Iterable[int]) -> ValueScale:
        """The smallest nice axis that shows every one of ``values`` (at least one step)."""
        found = list(values) or [0]
        low, high = min(found), max(found)
        for step in STEPS:
            lo = math.floor(low / step) * step
            hi = max(math.ceil(high / step) * step, lo + step)
            if (hi - lo) // step <= MAX_TICKS:
                return cls(lo=lo, hi=hi, step=step)
        step = math.ceil((high - low) / MAX_TICKS / STEPS[-1]) * STEPS[-1]
        lo = math.floor(low / step) * step
        return cls(lo=lo, hi=max(math.ceil(high / step) * step, lo + step), step=step)

    def y(self, value: float) -> float:
        """The y coordinate of ``value``."""
        return _BASE - (value - self.lo) / (self.hi - self.lo) * (_BASE - TOP)

    def ticks(self) -> range:
        """The values that get a tick and a grid line."""
        return range(self.lo, self.hi + 1, self.step)


@frozen
class DayScale:
    """The horizontal axis: days to x.

    Attributes:
        start: The day at the left edge of the plot area.
        end: The day at the right edge (after ``start``).
    """

    start: date
    end: date

    def x(self, day: date) -> float:
        """The x coordinate of ``day``."""
        span = max((self.end - self.start).days, 1)
        return LEFT + (day - self.start).days / span * _PLOT_WIDTH

    def ticks(self) -> list[date]:
        """The first day of each quarter within the axis (January, April, July, October)."""
        out: list[date] = []
        year, month = self.start.year, ((self.start.month - 1) // 3) * 3 + 1
        while True:
            day = date(year, month, 1)
            if day > self.end:
                return out
            if day >= self.start:
                out.append(day)
            year, month = (year + 1, 1) if month == 10 else (year, month + 3)


@frozen
class Series:
    """One round type's past cut-offs, for :func:`cutoff_chart`.

    Attributes:
        key: A short name for the type (``cec``), written into the SVG.
        label: The name a reader sees in the legend.
        points: ``(day, cut-off)`` of each round, oldest first.
    """

    key: str
    label: str
    points: tuple[tuple[date, int], ...]


def _points(*xy: tuple[float, float]) -> str:
    return " ".join(f"{_n(x)},{_n(y)}" for x, y in xy)


def _marker(shape: str, x: float, y: float, attrs: str) -> str:
    """A small marker of ``shape`` centred on (x, y)."""
    r, q = 3.5, 4.5
    if shape == "circle":
        return f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{r}" {attrs}/>'
    if shape == "square":
        return (
            f'<rect x="{_n(x - r)}" y="{_n(y - r)}" width="{_n(2 * r)}" '
            f'height="{_n(2 * r)}" {attrs}/>'
        )
    if shape == "triangle":
        pts = _points((x, y - q), (x - q, y + r), (x + q, y + r))
        return f'<polygon points="{pts}" {attrs}/>'
    if shape == "diamond":
        pts = _points((x, y - q), (x + q, y), (x, y + q), (x - q, y))
        return f'<polygon points="{pts}" {attrs}/>'
    if shape == "cross":
        d = f"M{_points((x - r, y - r), (x + r, y + r))}M{_points((x - r, y + r), (x + r, y - r))}"
    else:
        d = f"M{_points((x - r, y), (x + r, y))}M{_points((x, y - r), (x, y + r))}"
    return f'<path d="{d}" fill="none" stroke-width="1.5" {attrs}/>'


def _frame(title: str, values: ValueScale, days: DayScale, unit: str) -> list[str]:
    """The SVG's opening, its accessible title, the grid, both axes and their labels."""
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="100%" role="img" aria-label="{escape(title)}" class="chart">',
        f"<title>{escape(title)}</title>",
        '<g class="grid" stroke="#bbb" stroke-width="0.5">',
    ]
    for v in values.ticks():
        grid = _n(values.y(v))
        out.append(f'<line x1="{LEFT}" y1="{grid}" x2="{WIDTH - RIGHT}" y2="{grid}"/>')
    out.append("</g>")
    out.append('<g class="ticks" font-size="11" fill="#000">')
    for v in values.ticks():
        y = values.y(v)
        out.append(
            f'<text class="tick" data-value="{v}" x="{LEFT - 6}" y="{_n(y + 4)}" '
            f'text-anchor="end">{v}</text>'
        )
    for d in days.ticks():
        x = _n(days.x(d))
        out.append(
            f'<line x1="{x}" y1="{_BASE}" x2="{x}" y2="{_BASE + 4}" stroke="#000" '
            f'stroke-width="0.75"/><text x="{x}" y="{_BASE + 16}" '
            f'text-anchor="middle">{d:%Y-%m}</text>'
        )
    out.append(
        f'<text x="{LEFT - 44}" y="{TOP - 4}" font-size="11">{escape(unit)}</text></g>'
        f'<path d="M{LEFT} {TOP}V{_BASE}H{WIDTH - RIGHT}" fill="none" stroke="#000"/>'
    )
    return out


def cutoff_chart(
    series: Sequence[Series], score: int, *, start: date, end: date, lang: str = "en"
) -> str:
    """Past cut-offs of each round type, points over time, and the score as a line.

    A reader sees at a glance how often rounds of the types open to them came
    down to their score. The score line is ``<line class="score">``; each
    type's rounds are a ``<g class="series" data-type="KEY">`` with one marker a
    round (``data-day``, ``data-cutoff``). The chart's own words (its title,
    the axis's unit, the score's label) are in ``lang``; the series' labels are
    the caller's.
    """
    values = ValueScale.around([score, *(c for s in series for _, c in s.points)])
    days = DayScale(start, end)
    title = tr(
        "Past cut-offs from {start} to {end}, and the score {score}",
        start=start,
        end=end,
        score=score,
    )
    out = _frame(title.render(lang), values, days, tr("CRS").render(lang))
    legend: list[str] = []
    for i, s in enumerate(series):
        colour, dash, shape = (
            _COLOURS[i % len(_COLOURS)],
            _DASHES[i % len(_DASHES)],
            _MARKERS[i % len(_MARKERS)],
        )
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        inside = [(d, c) for d, c in s.points if start <= d <= end]
        out.append(f'<g class="series" data-type="{escape(s.key)}">')
        if len(inside) > 1:
            pts = " ".join(f"{_n(days.x(d))},{_n(values.y(c))}" for d, c in inside)
            out.append(
                f'<polyline points="{pts}" fill="none" stroke="{colour}" '
                f'stroke-width="1.25"{dashed}/>'
            )
        for d, c in inside:
            paint = f'fill="{colour}" stroke="{colour}" data-day="{d}" data-cutoff="{c}"'
            out.append(_marker(shape, days.x(d), values.y(c), paint))
        out.append("</g>")
        lx = LEFT + (i % 2) * _PLOT_WIDTH // 2
        ly = HEIGHT + _LEGEND_ROW * (i // 2)
        legend.append(
            f'<line x1="{lx}" y1="{ly}" x2="{lx + 22}" y2="{ly}" stroke="{colour}"{dashed}/>'
            + _marker(shape, lx + 11, ly, f'fill="{colour}" stroke="{colour}"')
            + f'<text x="{lx + 28}" y="{ly + 4}">{escape(s.label)}</text>'
        )
    y = _n(values.y(score))
    label = tr("Score {score}", score=score).render(lang)
    out.append(
        f'<line class="score" x1="{LEFT}" y1="{y}" x2="{WIDTH - RIGHT}" y2="{y}" '
        f'stroke="#000" stroke-width="2.5"/>'
        f'<text x="{LEFT + 4}" y="{_n(values.y(score) - 5)}" font-size="11" '
        f'font-weight="bold">{escape(label)}</text>'
    )
    out.append(f'<g class="legend" font-size="11">{"".join(legend)}</g></svg>')
    rows = (len(series) + 1) // 2
    out[0] = out[0].replace(f"0 0 {WIDTH} {HEIGHT}", f"0 0 {WIDTH} {HEIGHT + _LEGEND_ROW * rows}")
    return "\n".join(out)


def forecast_chart(
    initial: int,
    steps: Sequence[tuple[date, int]],
    *,
    start: date,
    end: date,
    lang: str = "en",
) -> str:
    """The score over time as a step line, each dated change marked and numbered.

    The numbers match the list of events printed under the chart. The line is
    ``<path class="steps">``; each change is a ``<circle class="event">`` with
    its ``data-day`` and ``data-total``, at the day and the new score. The
    chart's title and unit are in ``lang``.
    """
    values = ValueScale.around([initial, *(t for _, t in steps)])
    days = DayScale(start, end)
    title = tr("Forecast CRS score from {start} to {end}", start=start, end=end)
    out = _frame(title.render(lang), values, days, tr("CRS").render(lang))
    path = [f"M{_n(days.x(start))} {_n(values.y(initial))}"]
    for d, total in steps:
        path.append(f"H{_n(days.x(d))}V{_n(values.y(total))}")
    path.append(f"H{_n(days.x(end))}")
    out.append(
        f'<path class="steps" d="{"".join(path)}" fill="none" stroke="#000" stroke-width="2"/>'
    )
    for number, (d, total) in enumerate(steps, start=1):
        x, y = days.x(d), values.y(total)
        out.append(
            f'<circle class="event" cx="{_n(x)}" cy="{_n(y)}" r="4" fill="#fff" stroke="#000" '
            f'data-day="{d}" data-total="{total}"/>'
            f'<text x="{_n(x)}" y="{_n(y - 8)}" font-size="10" text-anchor="middle">'
            f"{number}</text>"
        )
    out.append("</svg>")
    return "\n".join(out)
