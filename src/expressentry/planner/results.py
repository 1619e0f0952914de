"""What a plan says: each change's exact effect, the losses ahead, and the plan.

:class:`Improvement` is a change, :class:`Loss` a day points are lost,
:class:`ImprovementPlan` holds both.

Every figure comes from scoring the changed profile the same way as any other:
the planner computes no points of its own.
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from attrs import field, frozen

from expressentry._formats import FORMATS
from expressentry._html import fragment, table
from expressentry._records import joined
from expressentry._reprs import cut
from expressentry.draws.cutoffs import RoundType
from expressentry.enums import CategoryId, CrsSection, Program
from expressentry.errors import FieldProblem, InvalidInputError
from expressentry.explain import CrsBreakdown
from expressentry.i18n import Message, check_lang, tr, worded
from expressentry.models import Candidate
from expressentry.planner.options import ChangeKind
from expressentry.rules._timeline import LAST_REVIEWED, ReviewedResult, review_messages

__all__ = ["ChanceChange", "Improvement", "ImprovementPlan", "LineChange", "Loss"]


def _signed(n: int) -> str:
    return f"+{n}" if n > 0 else str(n)


def _rounded(p: float | None) -> float | None:
    return None if p is None else round(p, 4)


def _percent(p: float | None) -> str:
    return "-" if p is None else f"{round(p * 100)} %"


def _shown(
    improvements: tuple[Improvement, ...], top: object, where: str
) -> tuple[Improvement, ...]:
    """The best ``top`` of ``improvements`` (all of them for ``None``), ``top`` checked."""
    if top is None:
        return improvements
    if type(top) is not int or top < 0:
        raise InvalidInputError(
            where, [FieldProblem("top", top, tr("must be None or a whole number from 0"))]
        )
    return improvements[:top]


def _notes(result: ReviewedResult, day: date, lang: str) -> list[str]:
    """:meth:`~ReviewedResult.note_lines` in ``lang``."""
    if lang == "en":
        return result.note_lines()
    messages = review_messages(day, result.rules_reviewed_on)
    return [tr("Note: {caveat}", caveat=m).render(lang) for m in messages]


def _opened(
    programs: tuple[Program, ...], categories: tuple[CategoryId, ...], lang: str
) -> list[str]:
    """Programs (by their code) and categories opened or closed, in ``lang``."""
    return [p.value.upper() for p in programs] + [
        tr("category {key}", key=c.value).render(lang) for c in categories
    ]


@frozen(kw_only=True, repr=False)
class LineChange:
    """A breakdown line the change moved.

    Attributes:
        section: The CRS section.
        factor: The line's factor (as :attr:`PointLine.factor
            <expressentry.explain.PointLine.factor>`).
        before: Points before the change (0 where the line was not there).
        after: Points after it (0 where the line is gone).
        reason: The line's reason after the change (before it, if gone).
        message: The same words as a message, to render in another language
            (:meth:`text`); ``None`` for a line read back from JSON.
    """

    section: CrsSection
    factor: str
    before: int
    after: int
    reason: str
    message: Message | None = field(default=None, eq=False, metadata={"json": False})

    def text(self, lang: str = "en") -> str:
        """The reason in ``lang`` (``"en"`` or ``"fr"``); English where there is no message.

        Raises:
            InvalidInputError: ``lang`` is not a language messages are written in.
        """
        return worded(self.reason, self.message, lang, "LineChange.text")

    @property
    def change(self) -> int:
        """Points gained on the line (lost, if negative; a cap line moves down)."""
        return self.after - self.before

    def as_dict(self) -> dict[str, Any]:
        """The line as plain JSON values."""
        return {
            "section": self.section.value,
            "factor": self.factor,
            "before": self.before,
            "after": self.after,
            "change": self.change,
            "reason": self.reason,
        }

    def __repr__(self) -> str:
        return f"LineChange({self.factor} {self.before} → {self.after})"


@frozen(kw_only=True, repr=False)
class ChanceChange:
    """The chance of the next round of a type, before and after a change.

    Attributes:
        round_type: The round type.
        before: The chance with the profile as it is (``None``: the candidate
            cannot enter rounds of this type, or no estimate).
        after: The chance with the change.
    """

    round_type: RoundType
    before: float | None
    after: float | None

    def as_dict(self) -> dict[str, Any]:
        """The chances as plain JSON values (rounded to 4 places)."""
        return {
            "round_type": self.round_type.key,
            "before": _rounded(self.before),
            "after": _rounded(self.after),
        }

    def __repr__(self) -> str:
        return (
            f"ChanceChange({self.round_type.key}: {_percent(self.before)} → {_percent(self.after)})"
        )


@frozen(kw_only=True, repr=False)
class Improvement:
    """One change (or a combination of changes) and its exact effect.

    Attributes:
        kind: What the change is about (for a combination, its first change's).
        description: The change in words; a combination's joins its changes.
        steps: The changes it is made of, each in words (one for a single change).
        day: The earliest day it takes effect; both scores are of that day.
        total_before: The CRS total on ``day`` without the change.
        total: The CRS total on ``day`` with it.
        sections: Points gained per section (only sections that moved).
        lines: The breakdown lines that moved.
        capped_by: Reasons of the cap lines that absorbed some of the change
            (empty when no cap did).
        why_nothing: For a change worth no points, why.
        programs_opened: Programs the candidate is eligible for with the change only.
        programs_closed: Programs eligible for without it, not with it.
        categories_opened: Categories the candidate is eligible for with the change only.
        categories_closed: Categories eligible for without it, not with it.
        chances: The chance of each round type's next round, before and after
            (empty when chances were not asked for).
        decision: A choice of the candidate's rather than something to attain
            (applying without the spouse accompanying).
        profile: The profile with the change.
        baseline: What the change is measured against when it is not the
            profile planned for (a job that goes on is measured against the job
            ending the day before the plan starts); ``None`` otherwise.
        message: :attr:`description` as a message, to render in another
            language (:meth:`text`); ``None`` for a change read back from JSON.
        why_nothing_message: :attr:`why_nothing` as a message, likewise.
    """

    kind: ChangeKind
    description: str
    steps: tuple[str, ...]
    day: date
    total_before: int
    total: int
    sections: tuple[tuple[CrsSection, int], ...]
    lines: tuple[LineChange, ...]
    capped_by: tuple[str, ...] = ()
    why_nothing: str | None = None
    programs_opened: tuple[Program, ...] = ()
    programs_closed: tuple[Program, ...] = ()
    categories_opened: tuple[CategoryId, ...] = ()
    categories_closed: tuple[CategoryId, ...] = ()
    chances: tuple[ChanceChange, ...] = ()
    decision: bool = False
    profile: Candidate
    baseline: Candidate | None = None
    message: Message | None = field(default=None, eq=False, metadata={"json": False})
    why_nothing_message: Message | None = field(default=None, eq=False, metadata={"json": False})

    @property
    def gain(self) -> int:
        """CRS points gained on :attr:`day`: ``total - total_before``."""
        return self.total - self.total_before

    @property
    def opens(self) -> bool:
        """Whether the change opens a program or a category."""
        return bool(self.programs_opened or self.categories_opened)

    def text(self, lang: str = "en") -> str:
        """:attr:`description` in ``lang`` (``"en"`` or ``"fr"``).

        A change with no :attr:`message` has its English description only.

        Raises:
            InvalidInputError: ``lang`` is not a language messages are written in.
        """
        return worded(self.description, self.message, lang, "Improvement.text")

    def explain(self, lang: str = "en") -> str:
        """The change, its gain and day, and the lines and chances that moved, in ``lang``.

        Raises:
            InvalidInputError: ``lang`` is not a language messages are written in.
        """
        return self._explain(check_lang(lang, "Improvement.explain"))

    def _why_nothing(self, lang: str) -> str | None:
        if self.why_nothing is None:
            return None
        return worded(self.why_nothing, self.why_nothing_message, lang, "Improvement.explain")

    def _capped_by(self, lang: str) -> str:
        if lang == "en":
            return "; ".join(self.capped_by)
        capped = [ln for ln in self.lines if ln.change < 0 and ln.reason in self.capped_by]
        if len(capped) != len(self.capped_by):  # not the lines': English as given
            return "; ".join(self.capped_by)
        return "; ".join(ln.text(lang) for ln in capped)

    def _explain(self, lang: str) -> str:
        head = f"{_signed(self.gain)} → {self.total}  {self.text(lang)}"
        out = [head, "    " + tr("from {day}", day=self.day).render(lang)]
        if self.decision:
            decision = tr("This is the candidate's own decision, not a recommendation.")
            out.append("    " + decision.render(lang))
        for ln in self.lines:
            out.append(f"    {_signed(ln.change):>5}  {ln.text(lang)}")
        if self.capped_by:
            out.append(
                "    " + tr("absorbed by: {lines}", lines=self._capped_by(lang)).render(lang)
            )
        why = self._why_nothing(lang)
        if why:
            out.append("    " + tr("worth nothing: {why}", why=why).render(lang))
        opened = _opened(self.programs_opened, self.categories_opened, lang)
        closed = _opened(self.programs_closed, self.categories_closed, lang)
        if opened:
            out.append("    " + tr("opens: {what}", what=", ".join(opened)).render(lang))
        if closed:
            out.append("    " + tr("closes: {what}", what=", ".join(closed)).render(lang))
        out.extend(
            "    "
            + tr(
                "next {key} round: {before} → {after}",
                key=ch.round_type.key,
                before=_percent(ch.before),
                after=_percent(ch.after),
            ).render(lang)
            for ch in self.chances
            if _percent(ch.before) != _percent(ch.after)
        )
        return "\n".join(out)

    def as_dict(self) -> dict[str, Any]:
        """The change as plain JSON values (without the changed profile)."""
        return {
            "kind": self.kind.value,
            "description": self.description,
            "steps": list(self.steps),
            "day": self.day.isoformat(),
            "total_before": self.total_before,
            "total": self.total,
            "gain": self.gain,
            "sections": {section.value: n for section, n in self.sections},
            "lines": [ln.as_dict() for ln in self.lines],
            "capped_by": list(self.capped_by),
            "why_nothing": self.why_nothing,
            "programs_opened": [p.value for p in self.programs_opened],
            "programs_closed": [p.value for p in self.programs_closed],
            "categories_opened": [c.value for c in self.categories_opened],
            "categories_closed": [c.value for c in self.categories_closed],
            "chances": [ch.as_dict() for ch in self.chances],
            "decision": self.decision,
        }

    def to_record(self) -> dict[str, Any]:
        """The change as one flat row (see :meth:`ImprovementPlan.to_records`)."""
        return {
            "kind": self.kind.value,
            "description": self.description,
            "steps": joined(self.steps, "; "),
            "day": self.day,
            "total_before": self.total_before,
            "total": self.total,
            "gain": self.gain,
            "decision": self.decision,
            "programs_opened": joined(self.programs_opened),
            "categories_opened": joined(self.categories_opened),
            "programs_closed": joined(self.programs_closed),
            "categories_closed": joined(self.categories_closed),
            "capped_by": joined(self.capped_by, "; "),
            "why_nothing": self.why_nothing,
        }

    def _opens_words(self) -> str:
        return ", ".join(
            [p.value.upper() for p in self.programs_opened]
            + [f"category {c.value}" for c in self.categories_opened]
        )

    def __repr__(self) -> str:
        return (
            f"Improvement({_signed(self.gain)} → {self.total} from {self.day.isoformat()}: "
            f"{cut(self.description, 80)!r})"
        )


@frozen(kw_only=True, repr=False)
class Loss:
    """A day on which points or eligibility are lost unless the candidate acts first.

    Attributes:
        day: The day of the loss (be invited, or renew, before it).
        total_before: The CRS total the day before.
        total: The CRS total that day.
        description: What happens, in words (a birthday, a document expiring).
        programs_closed: Programs no longer eligible for from that day.
        categories_closed: Categories no longer eligible for from that day.
        message: :attr:`description` as a message, to render in another
            language (:meth:`text`); ``None`` for a loss read back from JSON.
    """

    day: date
    total_before: int
    total: int
    description: str
    programs_closed: tuple[Program, ...] = ()
    categories_closed: tuple[CategoryId, ...] = ()
    message: Message | None = field(default=None, eq=False, metadata={"json": False})

    @property
    def points(self) -> int:
        """Points lost that day (0 or negative)."""
        return self.total - self.total_before

    def text(self, lang: str = "en") -> str:
        """:attr:`description` in ``lang`` (``"en"`` or ``"fr"``).

        A loss with no :attr:`message` has its English description only.

        Raises:
            InvalidInputError: ``lang`` is not a language messages are written in.
        """
        return worded(self.description, self.message, lang, "Loss.text")

    def explain(self, lang: str = "en") -> str:
        """The day, the points lost and why, in ``lang``.

        Raises:
            InvalidInputError: ``lang`` is not a language messages are written in.
        """
        return self._explain(check_lang(lang, "Loss.explain"))

    def _explain(self, lang: str) -> str:
        closed = _opened(self.programs_closed, self.categories_closed, lang)
        what = worded(self.description, self.message, lang, "Loss.explain")
        if closed:
            what = tr("{what}; closes {closed}", what=what, closed=", ".join(closed)).render(lang)
        return tr(
            "{day}: {points} → {total}  {what} (act before {day})",
            day=self.day,
            points=_signed(self.points),
            total=self.total,
            what=what,
        ).render(lang)

    def as_dict(self) -> dict[str, Any]:
        """The loss as plain JSON values."""
        return {
            "day": self.day.isoformat(),
            "total_before": self.total_before,
            "total": self.total,
            "points": self.points,
            "description": self.description,
            "programs_closed": [p.value for p in self.programs_closed],
            "categories_closed": [c.value for c in self.categories_closed],
        }

    def __repr__(self) -> str:
        return (
            f"Loss({self.day.isoformat()}: {_signed(self.points)}, {cut(self.description, 60)!r})"
        )


@frozen(kw_only=True, repr=False)
class ImprovementPlan(ReviewedResult):
    """A candidate's improvement plan on a day.

    Attributes:
        as_of: The day planned from.
        end: The last day of the planning horizon.
        candidate: The profile planned for.
        breakdown: Its CRS score on :attr:`as_of`.
        improvements: Every change that gains points or opens a program or
            category, best first (most points, then what it opens, then the
            earliest day); choices of the candidate's are marked ``decision``.
        worth_nothing: Changes that move breakdown lines but not the total (a
            cap absorbs them), each with why.
        best_pair: The best combination of two changes to different things
            taking effect on :attr:`as_of` (among the best four), or ``None``
            when none gains more than the best single change.
        best_triple: The best pair with a third change added, or ``None`` when
            none gains more than the pair.
        losses: The days up to :attr:`end` on which points or eligibility are
            lost (a birthday, a document expiring), earliest first.
        chances: The chance of each round type's next round as the profile is
            (empty when chances were not asked for).
        pool_exit: The first day the profile is out of the pool (12 months after
            it was submitted), or ``None`` when the profile gives no submission.
        rules_reviewed_on: Last day the rule tables were checked against their sources.
    """

    JSON_FORMAT: ClassVar[str] = FORMATS["plan"]
    """The ``format`` its JSON form carries (``expressentry schema plan``)."""

    as_of: date
    end: date
    candidate: Candidate
    breakdown: CrsBreakdown
    improvements: tuple[Improvement, ...]
    worth_nothing: tuple[Improvement, ...] = ()
    best_pair: Improvement | None = None
    best_triple: Improvement | None = None
    losses: tuple[Loss, ...] = ()
    chances: tuple[tuple[RoundType, float | None], ...] = ()
    pool_exit: date | None = None
    rules_reviewed_on: date = LAST_REVIEWED

    def _reviewed_for(self) -> date:
        return self.as_of

    @property
    def total(self) -> int:
        """The CRS total on :attr:`as_of` as the profile is."""
        return self.breakdown.total

    def explain(self, top: int | None = None, lang: str = "en") -> str:
        """The plan in words: the best ``top`` changes (all by default), and the rest.

        The best combinations, what is worth nothing, and the losses ahead
        follow; in ``lang`` (``"en"`` or ``"fr"``).

        Raises:
            InvalidInputError: ``top`` is not ``None`` or a whole number from 0;
                ``lang`` is not a language messages are written in.
        """
        lang = check_lang(lang, "ImprovementPlan.explain")
        shown = _shown(self.improvements, top, "ImprovementPlan.explain")
        out = [
            tr(
                "Improvement plan on {day} (to {end}): CRS {total}",
                day=self.as_of,
                end=self.end,
                total=self.total,
            ).render(lang)
        ]
        out.extend(
            "  "
            + tr("next {key} round: {chance}", key=kind.key, chance=_percent(chance)).render(lang)
            for kind, chance in self.chances
        )
        if self.pool_exit is not None and self.pool_exit <= self.as_of:
            left = tr(
                "The profile left the pool on {day} (12 months after it was submitted): "
                "no round invites it until a new profile is submitted.",
                day=self.pool_exit,
            )
            out.append("  " + left.render(lang))
        out.append("")
        out.append(
            tr(
                "Changes, best first ({shown} of {found}):",
                shown=len(shown),
                found=len(self.improvements),
            ).render(lang)
        )
        out.extend(f"{i}. {imp._explain(lang)}" for i, imp in enumerate(shown, 1))
        if self.best_pair is not None:
            out += [
                "",
                tr("Best pair: {change}", change=self.best_pair._explain(lang)).render(lang),
            ]
        if self.best_triple is not None:
            triple = self.best_triple._explain(lang)
            out += ["", tr("Best triple: {change}", change=triple).render(lang)]
        if self.worth_nothing:
            out.append("")
            out.append(tr("Worth nothing now:").render(lang))
            out.extend(
                "  "
                + tr(
                    "{change}: {why}", change=imp.text(lang), why=imp._why_nothing(lang) or ""
                ).render(lang)
                for imp in self.worth_nothing
            )
        if self.losses:
            out.append("")
            out.append(tr("Losses ahead:").render(lang))
            out.extend(f"  {loss._explain(lang)}" for loss in self.losses)
        out.extend(_notes(self, self.as_of, lang))
        return "\n".join(out)

    def __str__(self) -> str:
        return self.explain()

    def as_dict(self, top: int | None = None) -> dict[str, Any]:
        """The plan as plain JSON values: the best ``top`` changes (all by default).

        The command line's ``plan --format json``; the changed profiles are left
        out (:attr:`Improvement.profile` has them).

        Raises:
            InvalidInputError: ``top`` is not ``None`` or a whole number from 0.
        """
        shown = _shown(self.improvements, top, "ImprovementPlan.as_dict")
        return {
            "format": self.JSON_FORMAT,
            "as_of": self.as_of.isoformat(),
            "end": self.end.isoformat(),
            "total": self.total,
            "chances": [
                {"round_type": kind.key, "chance": _rounded(chance)}
                for kind, chance in self.chances
            ],
            "improvements": [imp.as_dict() for imp in shown],
            "improvements_found": len(self.improvements),
            "best_pair": None if self.best_pair is None else self.best_pair.as_dict(),
            "best_triple": None if self.best_triple is None else self.best_triple.as_dict(),
            "worth_nothing": [imp.as_dict() for imp in self.worth_nothing],
            "pool_exit": None if self.pool_exit is None else self.pool_exit.isoformat(),
            "losses": [loss.as_dict() for loss in self.losses],
            **self.review_fields(),
        }

    def to_records(self) -> list[dict[str, Any]]:
        """One flat row per improvement, best first, for ``pandas.DataFrame``.

        Columns: ``as_of``, ``rank`` (1 for the best), ``kind``, ``description``,
        ``steps`` (joined with "; "), ``day``, ``total_before``, ``total``,
        ``gain``, ``decision``, ``programs_opened``, ``categories_opened``,
        ``programs_closed``, ``categories_closed`` (values joined with ", ", ""
        for none), ``capped_by`` (joined with "; ") and ``why_nothing``. The
        combinations, the changes worth nothing and the losses are not rows.
        """
        return [
            {"as_of": self.as_of, "rank": rank, **imp.to_record()}
            for rank, imp in enumerate(self.improvements, 1)
        ]

    def _repr_html_(self) -> str:
        """The plan as HTML tables for notebooks: the changes, then the losses ahead."""
        changes = table(
            ["#", "Change", "From", "Points", "New score", "Opens"],
            (
                [rank, imp.description, imp.day, _signed(imp.gain), imp.total, imp._opens_words()]
                for rank, imp in enumerate(self.improvements, 1)
            ),
            css="plan",
            numeric={0, 3, 4},
        )
        parts = [changes]
        if self.losses:
            parts.append(
                table(
                    ["Day", "What happens", "Points", "Score after"],
                    (
                        [loss.day, loss.description, _signed(loss.points), loss.total]
                        for loss in self.losses
                    ),
                    css="losses",
                    numeric={2, 3},
                )
            )
        return fragment(
            f"Improvement plan on {self.as_of.isoformat()} (to {self.end.isoformat()}): "
            f"CRS {self.total}, {len(self.improvements)} changes",
            *parts,
            notes=self.caveats,
        )

    def __repr__(self) -> str:
        best = self.improvements[0] if self.improvements else None
        head = f"best {_signed(best.gain)}" if best is not None else "no change gains"
        return (
            f"ImprovementPlan({self.total} on {self.as_of.isoformat()}: "
            f"{len(self.improvements)} changes, {head}, {len(self.losses)} losses ahead)"
        )
