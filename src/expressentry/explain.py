"""Results that explain themselves: point lines, each citing its rule.

A :class:`CrsBreakdown` is the return value of :func:`expressentry.score`. Its
total is always the sum of its lines; caps are lines of their own (with negative
points), so a reader can add the column up by hand.
"""

from __future__ import annotations

import textwrap
from datetime import date
from operator import attrgetter
from typing import Any, ClassVar

from attrs import field, frozen

from expressentry._checks import items_of
from expressentry._formats import FORMATS
from expressentry._html import fragment, table
from expressentry._records import rule_columns
from expressentry._reprs import cited, cut, fitted
from expressentry.enums import CrsSection
from expressentry.errors import FieldProblem, InternalError, InvalidInputError
from expressentry.i18n import Message, check_lang, tr, worded
from expressentry.rules._timeline import Source, edition_of, review_caveats, review_messages

__all__ = ["CrsBreakdown", "PointLine", "RuleRef"]


@frozen(kw_only=True, repr=False)
class RuleRef:
    """The rule behind a line: its id, the dated entry applied and its source.

    Its repr cites the rule and the day of the entry, and names the source:
    ``RuleRef('crs.core.age@2015-01-01', source='ircc-crs-criteria')``.
    """

    rule_id: str
    effective_from: date
    source: Source

    def __repr__(self) -> str:
        rule = cited(self.rule_id, self.effective_from)
        return f"RuleRef({rule!r}, source={self.source.id!r})"


@frozen(kw_only=True, repr=False)
class PointLine:
    """One line of a breakdown.

    Its repr is the line in short: ``PointLine(core, 'age', 110, 'Age 29 on
    2026-11-22, without spouse', rule='crs.core.age@2015-01-01')``.

    Attributes:
        section: The CRS section the points belong to.
        factor: The factor, e.g. ``"first_language.listening"``, ``"age"`` or
            ``"transferability.group_cap.education"``: the rule's id without
            ``crs.`` (and ``core.``), with the ability or group it concerns
            (:func:`~expressentry.rules.factor_of`).
        points: Points given (negative on a cap line).
        reason: Why, in a sentence a client can read (English).
        rule: The rule that gave the points.
        message: The same words as a message, to render in another language
            (:meth:`text`); ``None`` for a line read back from JSON or worded by
            a factor a reform added, which has its English reason only.
    """

    section: CrsSection
    factor: str
    points: int
    reason: str
    rule: RuleRef
    message: Message | None = field(default=None, eq=False, metadata={"json": False})

    def text(self, lang: str = "en") -> str:
        """The reason in ``lang`` (``"en"`` or ``"fr"``).

        A line with no :attr:`message` has its English reason only, whatever ``lang``.

        Raises:
            InvalidInputError: ``lang`` is not a language messages are written in.
        """
        return worded(self.reason, self.message, lang, "PointLine.text")

    def __repr__(self) -> str:
        rule = cited(self.rule.rule_id, self.rule.effective_from)
        before = f"PointLine({self.section.value}, {self.factor!r}, {self.points}, "
        return fitted(before, self.reason, f", rule={rule!r})")


_POINTS = attrgetter("points")

_SECTIONS = {
    CrsSection.CORE: tr("A. Core / human capital"),
    CrsSection.SPOUSE: tr("B. Spouse or common-law partner"),
    CrsSection.TRANSFERABILITY: tr("C. Skill transferability"),
    CrsSection.ADDITIONAL: tr("D. Additional points"),
}
_SECTION_TITLES = {section: str(title) for section, title in _SECTIONS.items()}
_SCORED = {
    True: tr("Scored with an accompanying spouse"),
    False: tr("Scored without an accompanying spouse"),
}
_NARROWEST = 40
"""The narrowest table :meth:`CrsBreakdown.explain` lays out (a reason column of 30)."""


def _check_total(instance: CrsBreakdown, _attribute: object, total: int) -> None:
    added = sum(map(_POINTS, instance.lines))
    if total != added:
        msg = f"CrsBreakdown: total {total!r} is not the sum of its lines ({added})"
        raise InternalError(msg)


@frozen(kw_only=True, repr=False)
class CrsBreakdown:
    """A CRS score, line by line.

    Its repr is the total, the day, the rules and the number of lines:
    ``CrsBreakdown(574 on 2026-11-22, rules in force from 2025-03-25, with spouse,
    25 lines)``; :meth:`explain` prints every line.

    Attributes:
        as_of: The day scored.
        edition: Which rules were applied (``"rules in force from 2025-03-25"``).
        with_spouse: Whether the "with spouse" columns were used.
        lines: Every point line, caps included, in IRCC's order.
        total: The score: always the sum of ``lines``.
        rules_reviewed_on: Last day the rule tables were checked against their
            sources; a later ``as_of`` is computed with the rules known then
            (:attr:`caveats` says so).
    """

    JSON_FORMAT: ClassVar[str] = FORMATS["score"]
    """The ``format`` its JSON form carries (``expressentry schema score``)."""

    as_of: date
    edition: str
    with_spouse: bool
    lines: tuple[PointLine, ...] = field(validator=items_of(PointLine))
    total: int = field(validator=_check_total)
    rules_reviewed_on: date

    @property
    def caveats(self) -> tuple[str, ...]:
        """What to bear in mind: the rules' review day, when ``as_of`` is after it.

        Printed by :meth:`explain` and written in the JSON form.
        """
        return review_caveats(self.as_of, self.rules_reviewed_on)

    def subtotal(self, section: CrsSection) -> int:
        """Points of one section, caps included."""
        return sum(line.points for line in self.lines if line.section is section)

    @property
    def core(self) -> int:
        """A. Core / human capital points."""
        return self.subtotal(CrsSection.CORE)

    @property
    def spouse(self) -> int:
        """B. Spouse or common-law partner points."""
        return self.subtotal(CrsSection.SPOUSE)

    @property
    def transferability(self) -> int:
        """C. Skill transferability points."""
        return self.subtotal(CrsSection.TRANSFERABILITY)

    @property
    def additional(self) -> int:
        """D. Additional points."""
        return self.subtotal(CrsSection.ADDITIONAL)

    def explain(self, lang: str = "en", *, width: int | None = None) -> str:
        """The breakdown as an aligned text table, in ``lang`` (``"en"`` or ``"fr"``).

        ``width``: the most characters a line may hold (a terminal's columns), at
        least 40. A table wider than that wraps each reason in its column and puts
        the rule it comes from on the line below, so no line is longer; ``None``
        (the default): one row a line, however wide.

        Raises:
            InvalidInputError: ``lang`` is not a language messages are written in,
                or ``width`` is not a whole number of at least 40 (nor ``None``).
        """
        lang = check_lang(lang, "CrsBreakdown.explain")
        if width is not None and (type(width) is not int or width < _NARROWEST):
            words = tr("must be a whole number of at least {least}, or None", least=_NARROWEST)
            raise InvalidInputError("CrsBreakdown.explain", [FieldProblem("width", width, words)])
        titles = {section: title.render(lang) for section, title in _SECTIONS.items()}
        reasons = [ln.text(lang) for ln in self.lines]
        column = max([len(r) + 2 for r in reasons] + [len(t) for t in titles.values()])
        rules = [f"[{ln.rule.rule_id}, {ln.rule.effective_from.isoformat()}]" for ln in self.lines]
        natural = column + 6 + max((2 + len(r) for r in rules), default=0)
        narrow = width is not None and natural > width
        if width is not None and narrow:
            column = width - 6
        edition = edition_of(self.edition)
        out = [
            tr(
                "CRS score on {day} ({edition})",
                day=self.as_of,
                edition=self.edition if edition is None else edition,
            ).render(lang),
            _SCORED[self.with_spouse].render(lang),
            "",
        ]
        for section, title in titles.items():
            lines = [
                (ln, r, rule)
                for ln, r, rule in zip(self.lines, reasons, rules, strict=True)
                if ln.section is section
            ]
            if not lines:
                continue
            head, *rest = textwrap.wrap(title, column) if narrow else [title]
            out.append(f"{head:<{column}}{self.subtotal(section):>6}")
            out.extend(f"  {part}" for part in rest)
            for ln, reason, rule in lines:
                if not narrow:
                    out.append(f"  {reason:<{column - 2}}{ln.points:>6}  {rule}")
                    continue
                first, *more = textwrap.wrap(reason, column - 4) or [""]
                out.append(f"  {first:<{column - 2}}{ln.points:>6}")
                out.extend(f"    {part}" for part in more)
                out.extend(
                    textwrap.wrap(rule, column, initial_indent="    ", subsequent_indent="    ")
                )
        total = tr("Total").render(lang)
        out += ["", f"{total:<{column}}{self.total:>6}"]
        notes = [
            tr("Note: {caveat}", caveat=c).render(lang)
            for c in review_messages(self.as_of, self.rules_reviewed_on)
        ]
        out.extend(notes)
        if narrow and width is not None:  # the heading and the notes, as prose
            out = [part for line in out for part in (textwrap.wrap(line, width) or [""])]
        return "\n".join(out)

    def __str__(self) -> str:
        return self.explain()

    def to_records(self) -> list[dict[str, Any]]:
        """One flat row per line, for ``pandas.DataFrame(breakdown.to_records())``.

        Columns: ``as_of``, ``section``, ``factor``, ``points``, ``reason``,
        ``rule_id``, ``effective_from``, ``source`` (dates as :class:`~datetime.date`).
        The ``points`` column adds up to :attr:`total`.
        """
        return [
            {
                "as_of": self.as_of,
                "section": ln.section.value,
                "factor": ln.factor,
                "points": ln.points,
                "reason": ln.reason,
                **rule_columns(ln.rule),
                "source": ln.rule.source.id,
            }
            for ln in self.lines
        ]

    def _repr_html_(self) -> str:
        """The breakdown as an HTML table for notebooks: sections, lines and the total."""
        rows: list[list[object]] = []
        css: list[str | None] = []
        for section, title in _SECTION_TITLES.items():
            lines = [ln for ln in self.lines if ln.section is section]
            if lines:
                rows.append([title, self.subtotal(section)])
                css.append("subtotal")
                rows.extend([ln.reason, ln.points] for ln in lines)
                css.extend([None] * len(lines))
        spouse = "with" if self.with_spouse else "without"
        return fragment(
            f"CRS score {self.total} on {self.as_of.isoformat()} ({self.edition}), "
            f"scored {spouse} an accompanying spouse",
            table(
                ["Factor and reason", "Points"],
                rows,
                css="lines",
                numeric={1},
                foot=["Total", self.total],
                row_css=css,
            ),
            notes=self.caveats,
        )

    def __repr__(self) -> str:
        edition = cut(self.edition, 80)
        spouse = "with spouse" if self.with_spouse else "without spouse"
        return (
            f"CrsBreakdown({self.total} on {self.as_of.isoformat()}, {edition}, {spouse}, "
            f"{len(self.lines)} lines)"
        )
