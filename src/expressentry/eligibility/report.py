"""Eligibility results that explain themselves.

An :class:`EligibilityReport` lists, for each program and each category in force,
every requirement with whether it is met, the figure behind it and the rule that
sets it. Not being eligible is a result, never an exception.
"""

from __future__ import annotations

from datetime import date

from attrs import field, frozen

from expressentry.enums import Program
from expressentry.errors import FieldProblem, InvalidInputError
from expressentry.explain import RuleRef

__all__ = [
    "CategoryResult",
    "EligibilityReport",
    "FswGrid",
    "GridLine",
    "ProgramResult",
    "Requirement",
]


@frozen(kw_only=True)
class Requirement:
    """One requirement of a program or category, met or not, and why.

    Attributes:
        id: Stable key, e.g. ``"cec.work_experience"``.
        met: Whether the candidate meets it on the day assessed.
        reason: The figure behind the answer, in a sentence a client can read
            ("1,248 of 1,560 hours of TEER 0-3 Canadian work in the 3 years
            before 2026-11-22").
        rule: The rule that sets the requirement.
    """

    id: str
    met: bool
    reason: str
    rule: RuleRef


@frozen(kw_only=True)
class GridLine:
    """One line of the FSW selection grid.

    Attributes:
        factor: The factor, e.g. ``"age"`` or ``"adaptability.canadian_work"``.
        points: Points given (negative on the adaptability cap line).
        reason: Why, in a sentence.
        rule: The rule that gave the points.
    """

    factor: str
    points: int
    reason: str
    rule: RuleRef


def _check_grid_total(instance: FswGrid, _attribute: object, total: int) -> None:
    added = sum(line.points for line in instance.lines)
    if total != added:
        raise InvalidInputError(
            "FswGrid", [FieldProblem("total", total, f"must equal the sum of the lines ({added})")]
        )


@frozen(kw_only=True)
class FswGrid:
    """The Federal Skilled Worker selection grid: six factors out of 100.

    Attributes:
        lines: Every line, the adaptability cap included.
        total: Always the sum of ``lines``.
        pass_mark: The points needed (67).
    """

    lines: tuple[GridLine, ...]
    total: int = field(validator=_check_grid_total)
    pass_mark: int

    @property
    def passed(self) -> bool:
        """Whether the total reaches the pass mark."""
        return self.total >= self.pass_mark


def _check_eligible(
    instance: ProgramResult | CategoryResult, _attribute: object, eligible: bool
) -> None:
    met = all(r.met for r in instance.requirements)
    if eligible != met:
        raise InvalidInputError(
            type(instance).__name__,
            [FieldProblem("eligible", eligible, f"must be {met}: every requirement met or not")],
        )


@frozen(kw_only=True)
class ProgramResult:
    """A program's verdict: eligible exactly when every requirement is met.

    Attributes:
        program: FSW, CEC or FST.
        requirements: Every requirement, in the order IRCC lists them.
        eligible: Whether all of them are met.
        grid: The FSW selection grid (FSW only).
    """

    program: Program
    requirements: tuple[Requirement, ...]
    eligible: bool = field(validator=_check_eligible)
    grid: FswGrid | None = None

    @property
    def unmet(self) -> tuple[Requirement, ...]:
        """The requirements not met."""
        return tuple(r for r in self.requirements if not r.met)


@frozen(kw_only=True)
class CategoryResult:
    """Whether the candidate could be invited in a category-based round.

    Attributes:
        category: The category's id, e.g. ``"healthcare_social_services"``.
        name: Its name as IRCC writes it.
        version: The version of its occupation list in force.
        requirements: Every requirement, program eligibility first.
        eligible: Whether all of them are met.
    """

    category: str
    name: str
    version: str
    requirements: tuple[Requirement, ...]
    eligible: bool = field(validator=_check_eligible)


@frozen(kw_only=True)
class EligibilityReport:
    """Program and category eligibility on one day, requirement by requirement.

    Attributes:
        as_of: The day assessed.
        programs: FSW, CEC and FST, in that order.
        categories: Every category in force on ``as_of`` (none before 2023-05-31).
        rules_reviewed_on: Last day the rule tables were checked against their sources.
    """

    as_of: date
    programs: tuple[ProgramResult, ...]
    categories: tuple[CategoryResult, ...]
    rules_reviewed_on: date

    @property
    def eligible_programs(self) -> tuple[Program, ...]:
        """The programs the candidate is eligible for."""
        return tuple(p.program for p in self.programs if p.eligible)

    @property
    def eligible_categories(self) -> tuple[str, ...]:
        """Ids of the categories the candidate could be invited in."""
        return tuple(c.category for c in self.categories if c.eligible)

    def program(self, program: Program) -> ProgramResult:
        """The result of one program."""
        for p in self.programs:
            if p.program is program:
                return p
        raise KeyError(program)

    def explain(self) -> str:
        """The report as text: each program and category, each requirement marked."""
        out = [f"Eligibility on {self.as_of.isoformat()}", ""]
        for p in self.programs:
            verdict = "ELIGIBLE" if p.eligible else "not eligible"
            out.append(f"{p.program.label} ({p.program.value.upper()}): {verdict}")
            out.extend(_requirement(r) for r in p.requirements)
            if p.grid is not None:
                grid = p.grid
                out.append(f"  Selection grid: {grid.total} of 100 (pass mark {grid.pass_mark})")
                out.extend(
                    f"    {ln.reason:<66}{ln.points:>4}  [{ln.rule.rule_id}]" for ln in p.grid.lines
                )
            out.append("")
        if self.categories:
            out.append("Category-based selection")
            for c in self.categories:
                verdict = "eligible" if c.eligible else "not eligible"
                out.append(f"  {c.name} ({c.version}): {verdict}")
                out.extend("  " + _requirement(r) for r in c.requirements)
        else:
            out.append("Category-based selection: no categories in force on this day")
        if self.as_of > self.rules_reviewed_on:
            out.append(
                f"Note: rules last checked against their sources on "
                f"{self.rules_reviewed_on.isoformat()}."
            )
        return "\n".join(out).rstrip()

    def __str__(self) -> str:
        return self.explain()


def _requirement(r: Requirement) -> str:
    mark = "[x]" if r.met else "[ ]"
    return f"  {mark} {r.reason}  ({r.rule.rule_id}, {r.rule.effective_from.isoformat()})"
