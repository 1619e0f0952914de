"""Scenarios side by side: two to four profiles or rule sets, line by line.

What the best CRS calculators call *scenarios*: the same candidate with one
test score raised, a spouse's result added, a year of work more, or the same
profile under a reform. :func:`compare` scores each scenario with
:func:`~expressentry.score` and assesses it with :func:`~expressentry.assess`,
then lines the breakdowns up: one row per factor found in any of them, with the
points of each scenario (0 where it has no such line), and the rows whose points
differ marked. A row differs on its *points*: a reason that only names another
day ("Age 32 on ...") is not a difference.

>>> import attrs
>>> from datetime import date
>>> from expressentry import LanguageResult, example_profile
>>> profile = example_profile()
>>> ielts = attrs.evolve(profile.languages[0], writing=7.5)
>>> better = attrs.evolve(profile, languages=(ielts, *profile.languages[1:]))
>>> found = compare(profile, better, as_of=date(2026, 11, 22))
>>> found
Comparison(A 574, B 577 on 2026-11-22: 1 of 25 lines differ)
>>> [(row.factor, row.points) for row in found.differing]
[('first_language.writing', (29, 32))]
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from string import ascii_uppercase
from typing import Any, ClassVar, Final

from attrs import field, frozen

from expressentry._checks import is_a, items_of, require_text
from expressentry._formats import FORMATS
from expressentry._reprs import cited, cut, listed
from expressentry._today import resolve
from expressentry.crs import score
from expressentry.eligibility import EligibilityReport, assess
from expressentry.enums import CategoryId, CrsSection, Program
from expressentry.errors import FieldProblem, InvalidInputError
from expressentry.explain import CrsBreakdown, PointLine, RuleRef
from expressentry.i18n import Message, check_lang, tr
from expressentry.models import Candidate
from expressentry.rules import RuleSet
from expressentry.rules._timeline import edition_of, review_messages

__all__ = [
    "MAX_SCENARIOS",
    "MIN_SCENARIOS",
    "Comparison",
    "ComparisonColumn",
    "ComparisonRow",
    "ComparisonSubtotal",
    "Scenario",
    "compare",
]

MIN_SCENARIOS: Final = 2
"""The fewest scenarios :func:`compare` lines up: one alone has nothing to differ from."""

MAX_SCENARIOS: Final = 4
"""The most scenarios :func:`compare` lines up: more no longer reads side by side."""

_TITLES: Final = {
    CrsSection.CORE: tr("A. Core / human capital"),
    CrsSection.SPOUSE: tr("B. Spouse or common-law partner"),
    CrsSection.TRANSFERABILITY: tr("C. Skill transferability"),
    CrsSection.ADDITIONAL: tr("D. Additional points"),
}
_SECTIONS: Final = tuple(_TITLES)
_MARK: Final = "*"


_CANDIDATE_TYPE: Final = is_a(Candidate, "a Candidate (a profile)")


def _a_candidate(instance: object, attribute: Any, value: Candidate) -> None:
    _CANDIDATE_TYPE(instance, attribute, value)


def _optional_day(instance: object, attribute: Any, value: object) -> None:
    if value is not None:
        resolve(value, attribute.name, where=type(instance).__name__)  # type: ignore[arg-type]


def _optional_rules(instance: object, attribute: Any, value: object) -> None:
    if value is not None and not isinstance(value, RuleSet):
        raise InvalidInputError(
            type(instance).__name__,
            [FieldProblem(attribute.name, value, tr("must be a RuleSet (see rules_for) or None"))],
        )


def _optional_name(instance: object, attribute: Any, value: object) -> None:
    if value is None:
        return
    if not isinstance(value, str) or not value.strip() or not value.isprintable():
        message = tr("must be a non-empty name on one line (a string) or None")
        raise InvalidInputError(
            type(instance).__name__, [FieldProblem(attribute.name, value, message)]
        )


@frozen(repr=False)
class Scenario:
    """One column of a comparison: a profile, and the day and rules to read it with.

    ``as_of`` and ``rules`` left ``None`` take those given to :func:`compare`; a
    name left ``None`` is the column's letter (``"A"``, ``"B"``...). Two rule sets
    side by side are two scenarios of one profile:
    ``compare(Scenario(profile), Scenario(profile, rules=reform))``.

    Its repr names the column and what it sets:
    ``Scenario('reform', candidate born 1994-03-15, rules: no French bonus)``.

    Attributes:
        candidate: The profile.
        rules: Rules to apply instead of those in force on the day (a reform).
        as_of: The day to score and assess the profile on.
        name: The column's heading.
    """

    candidate: Candidate = field(validator=_a_candidate)
    rules: RuleSet | None = field(default=None, validator=_optional_rules, kw_only=True)
    as_of: date | None = field(default=None, validator=_optional_day, kw_only=True)
    name: str | None = field(default=None, validator=_optional_name, kw_only=True)

    def __repr__(self) -> str:
        parts = [f"candidate born {self.candidate.date_of_birth.isoformat()}"]
        if self.as_of is not None:
            parts.append(f"as_of {self.as_of.isoformat()}")
        if self.rules is not None:
            parts.append(f"rules: {cut(self.rules.reform or 'a rule set', 60)}")
        name = "unnamed" if self.name is None else repr(cut(self.name, 40))
        return f"Scenario({name}, {', '.join(parts)})"


@frozen(kw_only=True, repr=False)
class ComparisonColumn:
    """One scenario of a comparison: its score and its eligibility, in full.

    Its repr is the name, total, day and the programs the profile is eligible
    for: ``ComparisonColumn(A: 574 on 2026-11-22, rules in force from 2025-03-25;
    programs: fsw, cec)``.

    Attributes:
        name: The column's heading.
        breakdown: The CRS score of the scenario, line by line.
        eligibility: Program and category eligibility of the scenario.
    """

    name: str
    breakdown: CrsBreakdown
    eligibility: EligibilityReport

    @property
    def as_of(self) -> date:
        """The day the scenario was scored and assessed on."""
        return self.breakdown.as_of

    @property
    def edition(self) -> str:
        """Which rules were applied, a reform named (``"rules in force from 2025-03-25"``)."""
        return self.breakdown.edition

    @property
    def total(self) -> int:
        """The CRS score."""
        return self.breakdown.total

    @property
    def core(self) -> int:
        """A. Core / human capital points."""
        return self.breakdown.core

    @property
    def spouse(self) -> int:
        """B. Spouse or common-law partner points."""
        return self.breakdown.spouse

    @property
    def transferability(self) -> int:
        """C. Skill transferability points."""
        return self.breakdown.transferability

    @property
    def additional(self) -> int:
        """D. Additional points."""
        return self.breakdown.additional

    @property
    def eligible_programs(self) -> tuple[Program, ...]:
        """The programs the profile is definitely eligible for in this scenario."""
        return self.eligibility.eligible_programs

    @property
    def eligible_categories(self) -> tuple[CategoryId, ...]:
        """The categories the profile could definitely be invited in, in this scenario."""
        return self.eligibility.eligible_categories

    @property
    def caveats(self) -> tuple[str, ...]:
        """What to bear in mind about the scenario's rules (their review day)."""
        return tuple(dict.fromkeys((*self.breakdown.caveats, *self.eligibility.caveats)))

    def as_dict(self) -> dict[str, Any]:
        """The column as plain JSON values (the breakdown's lines are in the rows)."""
        return {
            "name": self.name,
            "as_of": self.as_of.isoformat(),
            "edition": self.edition,
            "with_spouse": self.breakdown.with_spouse,
            "total": self.total,
            "subtotals": {s.value: self.breakdown.subtotal(s) for s in _SECTIONS},
            "eligible_programs": [p.value for p in self.eligible_programs],
            "eligible_categories": [c.value for c in self.eligible_categories],
            "rules_reviewed_on": self.breakdown.rules_reviewed_on.isoformat(),
            "caveats": list(self.caveats),
        }

    def __repr__(self) -> str:
        programs = listed((p.value for p in self.eligible_programs), 40) or "none"
        return (
            f"ComparisonColumn({cut(self.name, 40)}: {self.total} on {self.as_of.isoformat()}, "
            f"{cut(self.edition, 60)}; programs: {programs})"
        )


def _points(points: Sequence[int]) -> str:
    return " | ".join(str(p) for p in points)


@frozen(kw_only=True, repr=False)
class ComparisonRow:
    """One factor across the scenarios: the points of each, and why.

    Its repr is the factor and the points, column by column:
    ``ComparisonRow(core, 'first_language.writing', 29 | 32, differs)``.

    Attributes:
        section: The CRS section of the factor.
        factor: The factor, as :attr:`PointLine.factor
            <expressentry.explain.PointLine.factor>` names it.
        points: The points of each scenario, in the columns' order; 0 where the
            scenario has no such line (a profile without a spouse has no spouse
            lines).
        reasons: The reason of each scenario's line, ``None`` where it has none.
        rules: The rule behind each scenario's line, ``None`` where it has none:
            a reform's line cites the reform's entry.
    """

    section: CrsSection
    factor: str
    points: tuple[int, ...]
    reasons: tuple[str | None, ...]
    rules: tuple[RuleRef | None, ...]

    @property
    def differs(self) -> bool:
        """Whether the scenarios give this factor different points."""
        return len(set(self.points)) > 1

    def as_dict(self) -> dict[str, Any]:
        """The row as plain JSON values."""
        return {
            "section": self.section.value,
            "factor": self.factor,
            "points": list(self.points),
            "reasons": list(self.reasons),
            "rules": [
                None if r is None else cited(r.rule_id, r.effective_from) for r in self.rules
            ],
            "differs": self.differs,
        }

    def __repr__(self) -> str:
        differs = ", differs" if self.differs else ""
        return (
            f"ComparisonRow({self.section.value}, {cut(self.factor, 60)!r}, "
            f"{_points(self.points)}{differs})"
        )


@frozen(kw_only=True, repr=False)
class ComparisonSubtotal:
    """One CRS section across the scenarios: its points in each, caps included.

    Its repr is the section and the points, column by column:
    ``ComparisonSubtotal(core, 404 | 407, differs)``.

    Attributes:
        section: The CRS section.
        points: The section's points in each scenario, in the columns' order.
    """

    section: CrsSection
    points: tuple[int, ...]

    @property
    def differs(self) -> bool:
        """Whether the scenarios give this section different points."""
        return len(set(self.points)) > 1

    def as_dict(self) -> dict[str, Any]:
        """The subtotal as plain JSON values."""
        return {"section": self.section.value, "points": list(self.points), "differs": self.differs}

    def __repr__(self) -> str:
        differs = ", differs" if self.differs else ""
        return f"ComparisonSubtotal({self.section.value}, {_points(self.points)}{differs})"


@frozen(kw_only=True, repr=False)
class Comparison:
    """Two to four scenarios side by side, line by line; :func:`compare` makes one.

    The rows' points of a column always add up to its total, as a breakdown's
    lines do. Its repr is each column's total and how many rows differ:
    ``Comparison(A 574, B 577 on 2026-11-22: 1 of 25 lines differ)``;
    :meth:`explain` prints the table with the differing rows marked ``*``.

    Attributes:
        columns: One per scenario, in the order given.
        rows: One per factor found in any scenario, in IRCC's order (the
            breakdowns' order, section by section).
    """

    JSON_FORMAT: ClassVar[str] = FORMATS["compare"]
    """The ``format`` its JSON form carries (``expressentry schema compare``)."""

    columns: tuple[ComparisonColumn, ...] = field(validator=items_of(ComparisonColumn))
    rows: tuple[ComparisonRow, ...] = field(validator=items_of(ComparisonRow))

    @property
    def names(self) -> tuple[str, ...]:
        """The columns' names."""
        return tuple(c.name for c in self.columns)

    @property
    def totals(self) -> tuple[int, ...]:
        """The CRS score of each scenario."""
        return tuple(c.total for c in self.columns)

    @property
    def differing(self) -> tuple[ComparisonRow, ...]:
        """The rows whose points differ between scenarios."""
        return tuple(row for row in self.rows if row.differs)

    @property
    def subtotals(self) -> tuple[ComparisonSubtotal, ...]:
        """The four CRS sections, each with its points in every scenario."""
        return tuple(
            ComparisonSubtotal(
                section=s, points=tuple(c.breakdown.subtotal(s) for c in self.columns)
            )
            for s in _SECTIONS
        )

    def column(self, name: str) -> ComparisonColumn | None:
        """The column of that name, or ``None``.

        Raises:
            InvalidInputError: ``name`` is not a string.
        """
        require_text(name, "name", "Comparison.column", 'the name of a column, such as "A"')
        return next((c for c in self.columns if c.name == name), None)

    @property
    def caveats(self) -> tuple[str, ...]:
        """What to bear in mind: the rules' review day, for any scenario's day after it.

        Printed by :meth:`explain` and written in :meth:`as_dict`.
        """
        return tuple(dict.fromkeys(c for column in self.columns for c in column.caveats))

    def explain(self, lang: str = "en") -> str:
        """The comparison as an aligned text table, differing rows marked ``*``, in ``lang``.

        Under a differing row, each scenario's reason says what changed.

        Raises:
            InvalidInputError: ``lang`` is not a language messages are written in.
        """
        lang = check_lang(lang, "Comparison.explain")
        names = self.names
        titles = {section: title.render(lang) for section, title in _TITLES.items()}
        widths = [max(7, len(n) + 2) for n in names]
        label = max(
            [len(r.factor) + 4 for r in self.rows] + [len(t) + 2 for t in titles.values()] + [24]
        )

        def line(mark: bool, text: str, cells: Sequence[object]) -> str:
            shown = "".join(f"{c!s:>{w}}" for c, w in zip(cells, widths, strict=True))
            return f"{_MARK if mark else ' '} {text:<{label}}{shown}".rstrip()

        out = [tr("Comparison of {n} scenarios, line by line", n=len(self.columns)).render(lang)]
        for column in self.columns:
            found = edition_of(column.edition)
            edition = column.edition if found is None else found
            words = (
                tr(
                    "{name}: {day}, {edition}, scored with an accompanying spouse",
                    name=column.name,
                    day=column.as_of,
                    edition=edition,
                )
                if column.breakdown.with_spouse
                else tr(
                    "{name}: {day}, {edition}, scored without an accompanying spouse",
                    name=column.name,
                    day=column.as_of,
                    edition=edition,
                )
            )
            out.append("  " + words.render(lang))
        marked = tr("Lines whose points differ are marked {mark}.", mark=_MARK).render(lang)
        out += [marked, "", line(False, "", names)]
        subtotals = {s.section: s for s in self.subtotals}
        for section, title in titles.items():
            rows = [r for r in self.rows if r.section is section]
            if not rows:
                continue
            sub = subtotals[section]
            out.append(line(sub.differs, title, sub.points))
            for row in rows:
                out.append(line(row.differs, f"  {row.factor}", row.points))
                if row.differs:
                    reasons = row.reasons if lang == "en" else self._reasons(row, lang)
                    out.extend(
                        f"{'':<6}{name}: {_why(reason, rule, lang)}"
                        for name, reason, rule in zip(names, reasons, row.rules, strict=True)
                    )
        totals = self.totals
        out += ["", line(len(set(totals)) > 1, tr("Total").render(lang), totals), ""]
        out += self._eligibility_lines(
            tr("Eligible programs"), [c.eligible_programs for c in self.columns], lang
        )
        out += self._eligibility_lines(
            tr("Eligible categories"), [c.eligible_categories for c in self.columns], lang
        )
        notes = dict.fromkeys(
            m for c in self.columns for m in review_messages(c.as_of, c.breakdown.rules_reviewed_on)
        )
        out.extend(tr("Note: {caveat}", caveat=m).render(lang) for m in notes)
        return "\n".join(out)

    def _reasons(self, row: ComparisonRow, lang: str) -> tuple[str | None, ...]:
        """Each scenario's reason for ``row`` in ``lang``, from its breakdown's lines."""
        key = (row.section, row.factor)
        out: list[str | None] = []
        for column, english in zip(self.columns, row.reasons, strict=True):
            mine = [ln for ln in column.breakdown.lines if (ln.section, ln.factor) == key]
            same = "; ".join(ln.reason for ln in mine) == english
            out.append("; ".join(ln.text(lang) for ln in mine) if mine and same else english)
        return tuple(out)

    def _eligibility_lines(
        self, title: Message, found: Sequence[Sequence[Program | CategoryId]], lang: str
    ) -> list[str]:
        none = tr("none").render(lang)
        words = [", ".join(v.value for v in values) or none for values in found]
        if len(set(words)) == 1:
            return ["  " + tr("{title}, all: {words}", title=title, words=words[0]).render(lang)]
        return [
            f"{_MARK} {title.render(lang)}",
            *(f"{'':<6}{n}: {w}" for n, w in zip(self.names, words, strict=True)),
        ]

    def __str__(self) -> str:
        return self.explain()

    def as_dict(self) -> dict[str, Any]:
        """The comparison as plain JSON values, in a stable order."""
        return {
            "format": self.JSON_FORMAT,
            "columns": [c.as_dict() for c in self.columns],
            "rows": [r.as_dict() for r in self.rows],
            "subtotals": [s.as_dict() for s in self.subtotals],
            "totals": list(self.totals),
            "differing": len(self.differing),
            "caveats": list(self.caveats),
        }

    def to_records(self) -> list[dict[str, Any]]:
        """One flat row per row of the comparison, with a column per scenario.

        Columns: ``section``, ``factor``, ``differs``, then one per scenario,
        named by the scenario (``"A"``, ``"B"``...), holding its points. A
        scenario named like a fixed column gets ``"<name> points"``. Each
        scenario's column adds up to its total.
        """
        fixed = ("section", "factor", "differs")
        keys = [f"{n} points" if n in fixed else n for n in self.names]
        return [
            {
                "section": row.section.value,
                "factor": row.factor,
                "differs": row.differs,
                **dict(zip(keys, row.points, strict=True)),
            }
            for row in self.rows
        ]

    def __repr__(self) -> str:
        columns = ", ".join(f"{cut(c.name, 20)} {c.total}" for c in self.columns)
        days = sorted({c.as_of for c in self.columns})
        on = f" on {days[0].isoformat()}" if len(days) == 1 else ""
        return f"Comparison({columns}{on}: {len(self.differing)} of {len(self.rows)} lines differ)"


def _why(reason: str | None, rule: RuleRef | None, lang: str) -> str:
    """A scenario's reason for a differing row, and the rule entry that gave it."""
    if reason is None or rule is None:
        return tr("no such line").render(lang)
    return f"{reason}  [{rule.rule_id}, {rule.effective_from.isoformat()}]"


def _keys(lines: Sequence[PointLine]) -> Iterator[tuple[CrsSection, str]]:
    return iter(dict.fromkeys((ln.section, ln.factor) for ln in lines))


def _order(breakdowns: Sequence[CrsBreakdown]) -> list[tuple[CrsSection, str]]:
    """Every (section, factor) of the breakdowns, each in the place its breakdown puts it.

    A factor only a later breakdown has goes right after the factor it follows
    there; the sections stay in IRCC's order.
    """
    order: list[tuple[CrsSection, str]] = []
    for breakdown in breakdowns:
        at = -1
        for key in _keys(breakdown.lines):
            if key in order:
                at = order.index(key)
            else:
                at += 1
                order.insert(at, key)
    return sorted(order, key=lambda key: _SECTIONS.index(key[0]))


def _row(key: tuple[CrsSection, str], breakdowns: Sequence[CrsBreakdown]) -> ComparisonRow:
    points: list[int] = []
    reasons: list[str | None] = []
    rules: list[RuleRef | None] = []
    for breakdown in breakdowns:
        mine = [ln for ln in breakdown.lines if (ln.section, ln.factor) == key]
        points.append(sum(ln.points for ln in mine))
        reasons.append("; ".join(ln.reason for ln in mine) if mine else None)
        rules.append(mine[0].rule if mine else None)
    return ComparisonRow(
        section=key[0],
        factor=key[1],
        points=tuple(points),
        reasons=tuple(reasons),
        rules=tuple(rules),
    )


def _scenarios(items: tuple[object, ...]) -> list[Scenario]:
    """The items as scenarios, each named; every bad one named by its place."""
    if len(items) == 1 and isinstance(items[0], list | tuple):
        message = tr("pass the profiles one by one: compare(a, b), or compare(*profiles)")
        raise InvalidInputError("compare", [FieldProblem("scenarios", items[0], message)])
    if not MIN_SCENARIOS <= len(items) <= MAX_SCENARIOS:
        message = tr(
            "must be {least} to {most} profiles or scenarios to compare side by side, not {count}",
            least=MIN_SCENARIOS,
            most=MAX_SCENARIOS,
            count=len(items),
        )
        raise InvalidInputError("compare", [FieldProblem("scenarios", len(items), message)])
    problems = []
    found: list[Scenario] = []
    for n, item in enumerate(items, start=1):
        if isinstance(item, Candidate):
            found.append(Scenario(item, name=ascii_uppercase[n - 1]))
        elif isinstance(item, Scenario):
            found.append(item if item.name is not None else _named(item, ascii_uppercase[n - 1]))
        else:
            message = tr("must be a Candidate or a Scenario")
            if isinstance(item, RuleSet):
                message = tr(
                    "must be a Candidate or a Scenario; "
                    "to compare rule sets, pass Scenario(candidate, rules=...)"
                )
            problems.append(FieldProblem(f"scenario {n}", item, message))
    if problems:
        raise InvalidInputError("compare", problems)
    seen: dict[str, int] = {}
    for n, scenario in enumerate(found, start=1):
        name = scenario.name or ""
        if name in seen:
            message = tr("is the name of scenario {n} too: each column needs its own", n=seen[name])
            problems.append(FieldProblem(f"scenario {n}.name", name, message))
        seen.setdefault(name, n)
    if problems:
        raise InvalidInputError("compare", problems)
    return found


def _named(scenario: Scenario, name: str) -> Scenario:
    return Scenario(scenario.candidate, rules=scenario.rules, as_of=scenario.as_of, name=name)


def _placed(error: InvalidInputError, n: int) -> InvalidInputError:
    """A scenario's own error, its owner naming the scenario as the user counts."""
    return InvalidInputError(f"scenario {n} of the comparison ({error.owner})", error.problems)


def compare(
    *scenarios: Candidate | Scenario, as_of: date | None = None, rules: RuleSet | None = None
) -> Comparison:
    """Two to four profiles or rule sets side by side, line by line.

    Each scenario is scored with :func:`~expressentry.score` and assessed with
    :func:`~expressentry.assess`; the rows line their breakdowns up, the ones
    that differ marked. To set a scenario's own day, rules or name, pass a
    :class:`Scenario`; a rule set side by side with today's is
    ``compare(Scenario(profile), Scenario(profile, rules=reform))``.

    Args:
        scenarios: Two to four, each a :class:`~expressentry.models.Candidate`
            or a :class:`Scenario`; named ``"A"``, ``"B"``... unless a scenario
            names itself.
        as_of: The day for scenarios that do not set their own; ``None`` means
            today.
        rules: The rules for scenarios that do not set their own (default: the
            rules in force on each scenario's day).

    Raises:
        InvalidInputError: fewer than 2 or more than 4 scenarios; one that is
            neither a profile nor a :class:`Scenario` (named as the user counts:
            ``scenario 3``); two scenarios of one name; ``as_of`` not a date or
            ``rules`` not a rule set; or a profile invalid on its day (a document
            dated after it), its owner naming the scenario.
        RulesNotInForceError: a day is before 2015-01-01.
    """
    found = _scenarios(scenarios)
    day = resolve(as_of, where="compare")
    if rules is not None and not isinstance(rules, RuleSet):
        raise InvalidInputError(
            "compare",
            [FieldProblem("rules", rules, tr("must be a RuleSet (see rules_for) or None"))],
        )
    columns = []
    for n, scenario in enumerate(found, start=1):
        on = day if scenario.as_of is None else scenario.as_of
        under = rules if scenario.rules is None else scenario.rules
        try:
            breakdown = score(scenario.candidate, as_of=on, rules=under)
            report = assess(scenario.candidate, as_of=on, rules=under)
        except InvalidInputError as exc:
            raise _placed(exc, n) from None
        columns.append(
            ComparisonColumn(name=scenario.name or "", breakdown=breakdown, eligibility=report)
        )
    breakdowns = [c.breakdown for c in columns]
    rows = tuple(_row(key, breakdowns) for key in _order(breakdowns))
    return Comparison(columns=tuple(columns), rows=rows)
