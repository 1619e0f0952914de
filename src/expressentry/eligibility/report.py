"""Eligibility results that explain themselves.

An :class:`EligibilityReport` lists, for each program and each category in force,
every requirement with whether it is met, the figure behind it and the rule that
sets it. Not being eligible is a result, never an exception.

A requirement is met, not met, or cannot be checked (:class:`Status`): where the
rule's figure is not known for the day (no settlement funds table is known in
force from 2015-01-01 to 2016-01-11), the answer is *unknown*, never a failure.
A program or category is then eligible, not eligible, or **eligible if** the
unknown requirements are confirmed (:class:`Verdict`). ``met`` and ``eligible``
keep their meaning for callers that read only them: *definitely* met, *definitely*
eligible.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from typing import Any, ClassVar, Final

from attrs import field, frozen

from expressentry._checks import is_a, items_of
from expressentry._formats import FORMATS
from expressentry._html import fragment, table
from expressentry._records import rule_columns
from expressentry._reprs import cited, cut, fitted, listed, quoted
from expressentry.enums import CategoryId, Program
from expressentry.errors import InternalError
from expressentry.explain import RuleRef
from expressentry.i18n import N_, Message, check_lang, tr, worded
from expressentry.rules._timeline import ReviewedResult

__all__ = [
    "Assessment",
    "CategoryResult",
    "EligibilityFlags",
    "EligibilityReport",
    "FswGrid",
    "GridLine",
    "ProgramResult",
    "Requirement",
    "Status",
    "Verdict",
]


class Status(StrEnum):
    """Whether a requirement is met on the day assessed."""

    MET = "met"
    """Met."""
    NOT_MET = "not_met"
    """Not met."""
    UNKNOWN = "unknown"
    """Cannot be checked: the figure the rule sets is not known for that day (or
    that family size), so the requirement is neither met nor failed."""


class Verdict(StrEnum):
    """A program's or category's answer, from the status of its requirements."""

    ELIGIBLE = "eligible"
    """Every requirement is met."""
    NOT_ELIGIBLE = "not_eligible"
    """At least one requirement is not met."""
    ELIGIBLE_IF = "eligible_if"
    """None is failed, but some cannot be checked: eligible if they are confirmed."""


_STATUS_TYPE: Final = is_a(Status)
_VERDICT_TYPE: Final = is_a(Verdict)


def _statuses(requirements: object) -> Iterable[Status]:
    """The statuses of ``requirements``; none for a value of the wrong type.

    A value of the wrong type is refused by the field's own validator, which runs
    after the defaults.
    """
    try:
        return [r.status for r in requirements]  # type: ignore[attr-defined]
    except (AttributeError, TypeError):
        return ()


def _verdict_of(statuses: Iterable[Status]) -> Verdict:
    """The verdict of requirements with these statuses: one not met decides."""
    found = set(statuses)
    if Status.NOT_MET in found:
        return Verdict.NOT_ELIGIBLE
    if Status.UNKNOWN in found:
        return Verdict.ELIGIBLE_IF
    return Verdict.ELIGIBLE


def _check_status(instance: Requirement, attribute: object, status: Status) -> None:
    if type(status) is not Status:  # the type before the invariant
        _STATUS_TYPE(instance, attribute, status)
    if (status is Status.MET) != instance.met:
        msg = (
            f"Requirement {instance.id!r}: met={instance.met} contradicts status "
            f"{status.value!r} (met is True exactly when the status is 'met')"
        )
        raise InternalError(msg)


@frozen(kw_only=True, repr=False)
class Requirement:
    """One requirement of a program or category: met, not met or unknown, and why.

    Its repr is the requirement in short: ``Requirement(fsw.language, met,
    'First official language: …', rule='fsw.grid.min_first_language_clb@2013-05-04')``.

    Attributes:
        id: Stable key, e.g. ``"cec.work_experience"``.
        met: Whether the candidate *definitely* meets it on the day assessed
            (``False`` both when it is not met and when it cannot be checked).
        reason: The figure behind the answer, in a sentence a client can read
            ("1,248 of 1,560 hours of TEER 0-3 Canadian work in the 3 years
            before 2026-11-22").
        rule: The rule that sets the requirement.
        status: Met, not met or unknown (:class:`Status`); defaults to met or not
            met from ``met``. Always consistent with ``met``.
        condition: For an unknown requirement, what must be confirmed, completing
            "eligible if ..." (e.g. ``"settlement funds are confirmed"``); empty
            otherwise.
        message: The reason as a message, to render in another language
            (:meth:`text`); ``None`` for a requirement read back from JSON, which
            has its English reason only.
        condition_message: The condition as a message (:meth:`condition_text`);
            ``None`` without a condition or read back from JSON.
    """

    id: str
    met: bool
    reason: str
    rule: RuleRef
    status: Status = field(validator=_check_status)
    condition: str = ""
    message: Message | None = field(default=None, eq=False, metadata={"json": False})
    condition_message: Message | None = field(default=None, eq=False, metadata={"json": False})

    @status.default
    def _status_from_met(self) -> Status:
        return Status.MET if self.met else Status.NOT_MET

    def text(self, lang: str = "en") -> str:
        """The reason in ``lang`` (``"en"`` or ``"fr"``).

        A requirement with no :attr:`message` has its English reason only, whatever ``lang``.

        Raises:
            InvalidInputError: ``lang`` is not a language messages are written in.
        """
        return worded(self.reason, self.message, lang, "Requirement.text")

    def condition_text(self, lang: str = "en") -> str:
        """The condition in ``lang`` (``"en"`` or ``"fr"``): what must be confirmed.

        For an unknown requirement without a condition of its own, ``"<id> is
        confirmed"``; empty for a requirement that is met or not met.

        Raises:
            InvalidInputError: ``lang`` is not a language messages are written in.
        """
        return _condition_of(self).render(check_lang(lang, "Requirement.condition_text"))

    def __repr__(self) -> str:
        rule = cited(self.rule.rule_id, self.rule.effective_from)
        condition = f", condition={quoted(self.condition, 50)}" if self.condition else ""
        before = f"Requirement({self.id}, {self.status.value}, "
        return fitted(before, self.reason, f"{condition}, rule={rule!r})")


@frozen(kw_only=True, repr=False)
class GridLine:
    """One line of the FSW selection grid.

    Its repr is the line in short:
    ``GridLine('age', 12, 'Age 29', rule='fsw.grid.age@2013-05-04')``.

    Attributes:
        factor: The factor, e.g. ``"age"`` or ``"adaptability.canadian_work"``.
        points: Points given (negative on the adaptability cap line).
        reason: Why, in a sentence.
        rule: The rule that gave the points.
        message: The reason as a message (:meth:`text`); ``None`` read back from JSON.
    """

    factor: str
    points: int
    reason: str
    rule: RuleRef
    message: Message | None = field(default=None, eq=False, metadata={"json": False})

    def text(self, lang: str = "en") -> str:
        """The reason in ``lang`` (``"en"`` or ``"fr"``).

        A line with no :attr:`message` (read back from JSON) has its English reason only.

        Raises:
            InvalidInputError: ``lang`` is not a language messages are written in.
        """
        return worded(self.reason, self.message, lang, "GridLine.text")

    def __repr__(self) -> str:
        rule = cited(self.rule.rule_id, self.rule.effective_from)
        return fitted(
            f"GridLine({self.factor!r}, {self.points}, ", self.reason, f", rule={rule!r})"
        )


def _check_grid_total(instance: FswGrid, _attribute: object, total: int) -> None:
    added = sum(line.points for line in instance.lines)
    if total != added:
        msg = f"FswGrid: total {total} must equal the sum of the lines ({added})"
        raise InternalError(msg)


@frozen(kw_only=True, repr=False)
class FswGrid:
    """The Federal Skilled Worker selection grid: six factors out of 100.

    Its repr is the total and the pass mark: ``FswGrid(98 of 100, pass mark 67:
    passed, 13 lines)``.

    Attributes:
        lines: Every line, the adaptability cap included.
        total: Always the sum of ``lines``.
        pass_mark: The points needed (67).
        maximum: The most the grid can give: the sum of the factors' maxima in
            force (``fsw.grid.factor_maxima``; 100).
    """

    lines: tuple[GridLine, ...] = field(validator=items_of(GridLine))
    total: int = field(validator=_check_grid_total)
    pass_mark: int
    maximum: int = 100

    @property
    def passed(self) -> bool:
        """Whether the total reaches the pass mark."""
        return self.total >= self.pass_mark

    def __repr__(self) -> str:
        passed = "passed" if self.passed else "not passed"
        return (
            f"FswGrid({self.total} of {self.maximum}, pass mark {self.pass_mark}: {passed}, "
            f"{len(self.lines)} lines)"
        )


def _check_eligible(instance: Assessment, _attribute: object, eligible: bool) -> None:
    met = all(r.met for r in instance.requirements)  # checked by the field before
    if eligible != met:
        msg = (
            f"{type(instance).__name__}: eligible={eligible} but it must be {met}: "
            "eligible exactly when every requirement is met"
        )
        raise InternalError(msg)


def _check_verdict(instance: Assessment, attribute: object, verdict: Verdict) -> None:
    if type(verdict) is not Verdict:  # the type before the invariant
        _VERDICT_TYPE(instance, attribute, verdict)
    expected = _verdict_of(_statuses(instance.requirements))
    if verdict is not expected:
        msg = (
            f"{type(instance).__name__}: verdict {verdict.value!r} but its requirements "
            f"give {expected.value!r}"
        )
        raise InternalError(msg)


def _conditions(requirements: tuple[Requirement, ...]) -> str:
    """What the unknown requirements need, joined: "settlement funds are confirmed"."""
    found: list[str] = []
    for r in requirements:
        words = r.condition or f"{r.id} is confirmed"
        if r.status is Status.UNKNOWN and words not in found:
            found.append(words)
    return " and ".join(found)


_NOTHING: Final = tr("{text}", text="")


def _condition_of(r: Requirement) -> Message:
    """The condition of ``r`` as a message (its English condition alone, read from JSON)."""
    if r.status is not Status.UNKNOWN:
        return _NOTHING
    if r.condition_message is not None:
        return r.condition_message
    if r.condition:
        return tr("{text}", text=r.condition)
    return tr("{id} is confirmed", id=r.id)


def joined(messages: Iterable[Message], *, by: str = "and") -> Message:
    """``messages`` joined: ``"a and b and c"`` (``by``: ``"and"``, ``"or"`` or ``";"``)."""
    items = list(messages)
    if not items:
        return _NOTHING
    out = items[-1]
    for before in reversed(items[:-1]):
        if by == ";":
            out = tr("{a}; {b}", a=before, b=out)
        elif by == "or":
            out = tr("{a} or {b}", a=before, b=out)
        else:
            out = tr("{a} and {b}", a=before, b=out)
    return out


def condition_message(requirements: tuple[Requirement, ...]) -> Message:
    """What the unknown requirements need, joined, as a message (:func:`_conditions`)."""
    found: list[Message] = []
    seen: set[str] = set()
    for r in requirements:
        if r.status is Status.UNKNOWN:
            words = _condition_of(r)
            if str(words) not in seen:
                seen.add(str(words))
                found.append(words)
    return joined(found)


def _verdict_repr(verdict: Verdict, requirements: tuple[Requirement, ...], conditions: str) -> str:
    """The verdict, the count of requirements, and the unmet ones (for a repr)."""
    count = f"{len(requirements)} requirement{'' if len(requirements) == 1 else 's'}"
    if verdict is Verdict.ELIGIBLE:
        return f"eligible, {count}"
    if verdict is Verdict.ELIGIBLE_IF:
        return f"eligible if {cut(conditions, 60)}, {count}"
    unmet = listed((r.id for r in requirements if r.status is Status.NOT_MET), 80)
    return f"not eligible, {count}, unmet: {unmet}"


class Assessment:
    """What a program's and a category's result share: what their requirements say.

    :class:`ProgramResult` and :class:`CategoryResult` hold ``requirements`` and a
    ``verdict`` (their own fields, so their JSON keeps its order); this gives both
    the same reading of them.
    """

    __slots__ = ()
    requirements: tuple[Requirement, ...]
    verdict: Verdict

    @property
    def unmet(self) -> tuple[Requirement, ...]:
        """The requirements not met (those that cannot be checked are :attr:`unknown`)."""
        return tuple(r for r in self.requirements if r.status is Status.NOT_MET)

    @property
    def unknown(self) -> tuple[Requirement, ...]:
        """The requirements that cannot be checked on the day assessed."""
        return tuple(r for r in self.requirements if r.status is Status.UNKNOWN)

    @property
    def conditions(self) -> str:
        """What must be confirmed for an "eligible if" verdict ("" otherwise)."""
        return _conditions(self.requirements)

    def conditions_text(self, lang: str = "en") -> str:
        """:attr:`conditions` in ``lang`` (``"en"`` or ``"fr"``).

        Raises:
            InvalidInputError: ``lang`` is not a language messages are written in.
        """
        lang = check_lang(lang, f"{type(self).__name__}.conditions_text")
        return condition_message(self.requirements).render(lang)

    def _verdict_words(self) -> str:
        return _verdict_repr(self.verdict, self.requirements, self.conditions)


@frozen(kw_only=True, repr=False)
class ProgramResult(Assessment):
    """A program's verdict, from its requirements: eligible, not eligible or eligible if.

    Its repr is the verdict, and the requirements not met: ``ProgramResult(fst: not
    eligible, 5 requirements, unmet: fst.work_experience, fst.offer_or_certificate)``.

    Attributes:
        program: FSW, CEC or FST.
        requirements: Every requirement, in the order IRCC lists them.
        eligible: Whether all of them are *definitely* met (the verdict is
            :attr:`Verdict.ELIGIBLE`).
        grid: The FSW selection grid (FSW only).
        verdict: Eligible, not eligible (one requirement not met) or eligible if
            (none failed, some unknown); defaults to the one the requirements give.
    """

    program: Program
    requirements: tuple[Requirement, ...] = field(validator=items_of(Requirement))
    eligible: bool = field(validator=_check_eligible)
    grid: FswGrid | None = None
    verdict: Verdict = field(validator=_check_verdict)

    @verdict.default
    def _verdict_from_requirements(self) -> Verdict:
        return _verdict_of(_statuses(self.requirements))

    def __repr__(self) -> str:
        verdict = self._verdict_words()
        grid = "" if self.grid is None else f", grid {self.grid.total}/100"
        return f"ProgramResult({self.program.value}: {verdict}{grid})"


@frozen(kw_only=True, repr=False)
class CategoryResult(Assessment):
    """Whether the candidate could be invited in a category-based round.

    Its repr is the category, its version and the verdict: ``CategoryResult(french
    2026: eligible, 2 requirements)``.

    Attributes:
        category: The category, e.g. ``CategoryId.HEALTHCARE_SOCIAL_SERVICES``.
        name: Its name as IRCC writes it.
        version: The version of its occupation list in force.
        requirements: Every requirement, program eligibility first.
        eligible: Whether all of them are *definitely* met.
        verdict: Eligible, not eligible or eligible if (a program is eligible
            only if an unknown requirement is confirmed, and the category's own
            requirements are met); defaults to the one the requirements give.
    """

    category: CategoryId
    name: str
    version: str
    requirements: tuple[Requirement, ...] = field(validator=items_of(Requirement))
    eligible: bool = field(validator=_check_eligible)
    verdict: Verdict = field(validator=_check_verdict)

    @verdict.default
    def _verdict_from_requirements(self) -> Verdict:
        return _verdict_of(_statuses(self.requirements))

    def name_text(self, lang: str = "en") -> str:
        """:attr:`name` in ``lang`` (``"en"`` or ``"fr"``), as IRCC writes it.

        Raises:
            InvalidInputError: ``lang`` is not a language messages are written in.
        """
        lang = check_lang(lang, "CategoryResult.name_text")
        return self.name if lang == "en" else tr(self.name).render(lang)

    def __repr__(self) -> str:
        verdict = self._verdict_words()
        return f"CategoryResult({self.category} {self.version}: {verdict})"


PROGRAM_CODES: Final = {
    Program.FSW: tr("FSW"),
    Program.CEC: tr("CEC"),
    Program.FST: tr("FST"),
}
"""Each program's abbreviation, as a message (IRCC's French ones differ: PTQF, CEC, PTMSF)."""

CATEGORY_NAMES: Final = (
    N_("French-language proficiency"),
    N_("Healthcare occupations"),
    N_("Healthcare and social services occupations"),
    N_("Science, Technology, Engineering and Math (STEM) occupations"),
    N_("Trade occupations"),
    N_("Transport occupations"),
    N_("Agriculture and agri-food occupations"),
    N_("Education occupations"),
    N_("Physicians with Canadian work experience"),
    N_("Researchers with Canadian work experience"),
    N_("Senior managers with Canadian work experience"),
    N_("Skilled military recruits"),
)
"""The names of the categories as IRCC writes them (the rules' data), marked for translation."""


_FLAG_WORDS = {Verdict.ELIGIBLE: "", Verdict.NOT_ELIGIBLE: "not ", Verdict.ELIGIBLE_IF: "if "}


@frozen(kw_only=True, repr=False)
class EligibilityFlags:
    """Each program's and category's verdict on one day, and nothing else.

    What :func:`~expressentry.eligibility.flags_many` returns for each candidate
    of a pool, and :attr:`EligibilityReport.flags` for one report: the same
    verdicts, without the requirements that explain them. Candidates with the
    same verdicts on the same day share one object. Its repr is the verdicts in
    short: ``EligibilityFlags(2026-11-22: fsw, cec, not fst; categories: french)``
    (``if`` marks an "eligible if" verdict).

    Attributes:
        as_of: The day assessed.
        programs: FSW, CEC and FST, in that order, each with its verdict.
        categories: Every category in force on ``as_of``, in the order of the
            report, each with its verdict.
    """

    as_of: date
    programs: tuple[tuple[Program, Verdict], ...]
    categories: tuple[tuple[CategoryId, Verdict], ...]

    def program(self, program: Program) -> Verdict:
        """The verdict of one program."""
        for p, verdict in self.programs:
            if p is program:
                return verdict
        raise KeyError(program)

    def category(self, category: CategoryId) -> Verdict:
        """The verdict of one category (:class:`KeyError` if it is not in force)."""
        for c, verdict in self.categories:
            if c is category:
                return verdict
        raise KeyError(category)

    @property
    def eligible_programs(self) -> tuple[Program, ...]:
        """The programs the candidate is definitely eligible for."""
        return tuple(p for p, v in self.programs if v is Verdict.ELIGIBLE)

    @property
    def undecided_programs(self) -> tuple[Program, ...]:
        """The programs whose verdict is :attr:`Verdict.ELIGIBLE_IF`."""
        return tuple(p for p, v in self.programs if v is Verdict.ELIGIBLE_IF)

    @property
    def eligible_categories(self) -> tuple[CategoryId, ...]:
        """The categories the candidate could definitely be invited in."""
        return tuple(c for c, v in self.categories if v is Verdict.ELIGIBLE)

    @property
    def undecided_categories(self) -> tuple[CategoryId, ...]:
        """The categories whose verdict is :attr:`Verdict.ELIGIBLE_IF`."""
        return tuple(c for c, v in self.categories if v is Verdict.ELIGIBLE_IF)

    def to_records(self) -> list[dict[str, Any]]:
        """One flat row: ``as_of``, then a column per program and per category, its verdict.

        The columns are the programs' and categories' values (``"fsw"``,
        ``"french"``...), each holding ``"eligible"``, ``"not_eligible"`` or
        ``"eligible_if"``.
        """
        row: dict[str, Any] = {"as_of": self.as_of}
        row.update((p.value, v.value) for p, v in self.programs)
        row.update((c.value, v.value) for c, v in self.categories)
        return [row]

    def __repr__(self) -> str:
        programs = ", ".join(f"{_FLAG_WORDS[v]}{p.value}" for p, v in self.programs)
        shown = [
            f"{_FLAG_WORDS[v]}{c}" for c, v in self.categories if v is not Verdict.NOT_ELIGIBLE
        ]
        categories = listed(shown, 60) if shown else "none"
        return f"EligibilityFlags({self.as_of.isoformat()}: {programs}; categories: {categories})"


@frozen(kw_only=True, repr=False)
class EligibilityReport(ReviewedResult):
    """Program and category eligibility on one day, requirement by requirement.

    Its repr is each program's verdict and the categories the candidate could be
    invited in: ``EligibilityReport(2026-11-22: fsw eligible, cec eligible, fst not
    eligible; categories: 1 of 10 eligible (french))``; :meth:`explain` prints every
    requirement.

    Attributes:
        as_of: The day assessed.
        programs: FSW, CEC and FST, in that order.
        categories: Every category in force on ``as_of`` (none before 2023-05-31).
        rules_reviewed_on: Last day the rule tables were checked against their
            sources; a later ``as_of`` is assessed with the rules known then
            (its :attr:`~expressentry.rules.ReviewedResult.caveats` say so).
    """

    JSON_FORMAT: ClassVar[str] = FORMATS["eligibility"]
    """The ``format`` its JSON form carries (``expressentry schema eligibility``)."""

    as_of: date
    programs: tuple[ProgramResult, ...]
    categories: tuple[CategoryResult, ...]
    rules_reviewed_on: date

    def _reviewed_for(self) -> date:
        return self.as_of

    @property
    def eligible_programs(self) -> tuple[Program, ...]:
        """The programs the candidate is definitely eligible for."""
        return tuple(p.program for p in self.programs if p.eligible)

    @property
    def undecided_programs(self) -> tuple[Program, ...]:
        """The programs the candidate is eligible for *if* what cannot be checked is confirmed.

        Their verdict is :attr:`Verdict.ELIGIBLE_IF`.
        """
        return tuple(p.program for p in self.programs if p.verdict is Verdict.ELIGIBLE_IF)

    @property
    def eligible_categories(self) -> tuple[CategoryId, ...]:
        """The categories the candidate could definitely be invited in."""
        return tuple(c.category for c in self.categories if c.eligible)

    @property
    def undecided_categories(self) -> tuple[CategoryId, ...]:
        """The categories whose verdict is :attr:`Verdict.ELIGIBLE_IF`."""
        return tuple(c.category for c in self.categories if c.verdict is Verdict.ELIGIBLE_IF)

    @property
    def flags(self) -> EligibilityFlags:
        """The verdicts alone, as :func:`~expressentry.eligibility.flags_many` gives them."""
        return EligibilityFlags(
            as_of=self.as_of,
            programs=tuple((p.program, p.verdict) for p in self.programs),
            categories=tuple((c.category, c.verdict) for c in self.categories),
        )

    def program(self, program: Program) -> ProgramResult:
        """The result of one program."""
        for p in self.programs:
            if p.program is program:
                return p
        raise KeyError(program)

    def explain(self, lang: str = "en") -> str:
        """The report as text in ``lang`` (``"en"`` or ``"fr"``), requirement by requirement.

        Each program and category, each requirement marked: ``[x]`` met, ``[ ]``
        not met, ``[?]`` cannot be checked.

        Raises:
            InvalidInputError: ``lang`` is not a language messages are written in.
        """
        lang = check_lang(lang, "EligibilityReport.explain")
        out = [tr("Eligibility on {day}", day=self.as_of).render(lang), ""]
        for p in self.programs:
            verdict = _verdict_words(p, _PROGRAM_VERDICTS).render(lang)
            name = tr(
                "{program} ({code}): {verdict}",
                program=tr(p.program.label),
                code=PROGRAM_CODES[p.program],
                verdict=verdict,
            )
            out.append(name.render(lang))
            out.extend(_requirement(r, lang) for r in p.requirements)
            if p.grid is not None:
                grid = p.grid
                out.append(
                    "  "
                    + tr(
                        "Selection grid: {total} of {maximum} (pass mark {pass_mark})",
                        total=grid.total,
                        maximum=grid.maximum,
                        pass_mark=grid.pass_mark,
                    ).render(lang)
                )
                out.extend(
                    f"    {ln.text(lang):<66}{ln.points:>4}  [{ln.rule.rule_id}]"
                    for ln in p.grid.lines
                )
            out.append("")
        if self.categories:
            out.append(tr("Category-based selection").render(lang))
            for c in self.categories:
                verdict = _verdict_words(c, _CATEGORY_VERDICTS).render(lang)
                line = tr(
                    "{name} ({version}): {verdict}",
                    name=c.name_text(lang),
                    version=c.version,
                    verdict=verdict,
                )
                out.append("  " + line.render(lang))
                out.extend("  " + _requirement(r, lang) for r in c.requirements)
        else:
            out.append(
                tr("Category-based selection: no categories in force on this day").render(lang)
            )
        out.extend(self.note_lines(lang=lang))
        return "\n".join(out).rstrip()

    def __str__(self) -> str:
        return self.explain()

    def _assessments(self) -> list[tuple[Program | None, CategoryId | None, Assessment]]:
        return [
            *((p.program, None, p) for p in self.programs),
            *((None, c.category, c) for c in self.categories),
        ]

    def to_records(self) -> list[dict[str, Any]]:
        """One flat row per requirement of each program, then of each category.

        Columns: ``as_of``, ``program`` (``None`` on a category's row),
        ``category`` (``None`` on a program's row), ``verdict`` (of the program or
        category), ``requirement`` (its id), ``met``, ``status``, ``detail`` (its
        reason), ``condition``, ``rule_id``, ``effective_from``.
        """
        return [
            {
                "as_of": self.as_of,
                "program": None if program is None else program.value,
                "category": None if category is None else category.value,
                "verdict": result.verdict.value,
                "requirement": r.id,
                "met": r.met,
                "status": r.status.value,
                "detail": r.reason,
                "condition": r.condition,
                **rule_columns(r.rule),
            }
            for program, category, result in self._assessments()
            for r in result.requirements
        ]

    def _repr_html_(self) -> str:
        """The report as an HTML table for notebooks: each verdict, then its requirements."""
        rows: list[list[object]] = []
        css: list[str | None] = []
        for p in self.programs:
            name = f"{p.program.label} ({p.program.value.upper()})"
            rows.append([name, _words(p.verdict, p.conditions, "eligible")])
            css.append(f"subtotal {p.verdict.value}")
            rows.extend([r.id, f"{_HTML_MARKS[r.status]} {r.reason}"] for r in p.requirements)
            css.extend(r.status.value for r in p.requirements)
        for c in self.categories:
            rows.append([f"{c.name} ({c.version})", _words(c.verdict, c.conditions, "eligible")])
            css.append(f"subtotal {c.verdict.value}")
            failing = [r for r in c.requirements if r.status is not Status.MET]
            rows.extend([r.id, f"{_HTML_MARKS[r.status]} {r.reason}"] for r in failing)
            css.extend(r.status.value for r in failing)
        heading = f"Eligibility on {self.as_of.isoformat()}"
        if not self.categories:
            heading += " (no categories in force on this day)"
        return fragment(
            heading,
            table(
                ["Program, category or requirement", "Result"],
                rows,
                css="requirements",
                row_css=css,
            ),
            notes=self.caveats,
        )

    def __repr__(self) -> str:
        programs = ", ".join(
            f"{p.program.value} {_REPR_VERDICTS[p.verdict]}" for p in self.programs
        )
        eligible = listed(self.eligible_categories, 60)
        undecided = listed(self.undecided_categories, 40)
        some = f" ({eligible})" if eligible else ""
        maybe = f", {len(self.undecided_categories)} eligible if ({undecided})" if undecided else ""
        categories = (
            f"categories: {len(self.eligible_categories)} of {len(self.categories)} "
            f"eligible{some}{maybe}"
            if self.categories
            else "no categories in force"
        )
        return f"EligibilityReport({self.as_of.isoformat()}: {programs}; {categories})"


_REPR_VERDICTS = {
    Verdict.ELIGIBLE: "eligible",
    Verdict.NOT_ELIGIBLE: "not eligible",
    Verdict.ELIGIBLE_IF: "eligible if",
}


def _words(verdict: Verdict, conditions: str, eligible: str) -> str:
    if verdict is Verdict.ELIGIBLE:
        return eligible
    if verdict is Verdict.ELIGIBLE_IF:
        return f"eligible if {conditions}"
    return "not eligible"


_HTML_MARKS = {Status.MET: "✓", Status.NOT_MET: "✗", Status.UNKNOWN: "?"}

_MARKS = {Status.MET: "[x]", Status.NOT_MET: "[ ]", Status.UNKNOWN: "[?]"}


def _requirement(r: Requirement, lang: str = "en") -> str:
    mark = _MARKS[r.status]
    return f"  {mark} {r.text(lang)}  ({r.rule.rule_id}, {r.rule.effective_from.isoformat()})"


_PROGRAM_VERDICTS: Final = {
    Verdict.ELIGIBLE: tr("ELIGIBLE"),
    Verdict.NOT_ELIGIBLE: tr("not eligible"),
}
_CATEGORY_VERDICTS: Final = {
    Verdict.ELIGIBLE: tr("eligible"),
    Verdict.NOT_ELIGIBLE: tr("not eligible"),
}


def _verdict_words(result: Assessment, words: dict[Verdict, Message]) -> Message:
    """The verdict of ``result`` as ``explain`` words it (``"eligible if ..."``, its conditions)."""
    if result.verdict is Verdict.ELIGIBLE_IF:
        return tr("eligible if {conditions}", conditions=condition_message(result.requirements))
    return words[result.verdict]
