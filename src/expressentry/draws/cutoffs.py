"""Round types, the cut-off estimator, and its backtest over the whole history.

Every round has a type (:class:`RoundType`): general, program-specific (FSW, CEC
or FST), PNP, or category-based with its :class:`~expressentry.enums.CategoryId`
(every version of one category is one type). The next cut-off of a type is
estimated by :func:`estimate_cutoff` from the cut-offs of the rounds of that type
*before* it, and nothing else.

:func:`backtest` says how wrong that has been: for each round of the history with
at least one earlier round of its type, it predicts the round from the earlier
rounds only and compares the estimate, and the naive baseline (the previous
cut-off of the same type), with the cut-off IRCC published. The mean absolute
errors are given per type, side by side, with a plain verdict where the estimate
is no better than the baseline.

>>> report = backtest()
>>> report.row(RoundType.parse("cec"))
BacktestRow(cec: 66 rounds, estimate MAE 30.7, baseline MAE 25.2, no better than the baseline)
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, Final

import attrs
from attrs import frozen

from expressentry._checks import require, require_items
from expressentry._today import resolve
from expressentry.enums import CategoryId, Program
from expressentry.errors import FieldProblem, InvalidInputError
from expressentry.rules._timeline import LAST_REVIEWED, review_caveats

from .history import history_of
from .records import Round, RoundKind

__all__ = [
    "FEW_ROUNDS",
    "WINDOW",
    "Backtest",
    "BacktestRow",
    "Prediction",
    "RoundType",
    "backtest",
    "estimate_cutoff",
    "round_type_of",
]

WINDOW: Final = 5
"""How many of the latest cut-offs of a type :func:`estimate_cutoff` takes the median of.

Chosen before any backtest was run, and not tuned to it: five rounds is about
two to three months of one type in 2024-2026 (a PNP or CEC round every two
weeks or so), short enough to follow a drift of the pool, and the median of five
ignores up to two outliers (the CEC round of 2021-02-13 cut at 75; a one-off
small round). The figures :func:`backtest` publishes are those of this choice.
"""

FEW_ROUNDS: Final = 10
"""Below this many backtested rounds, a type's comparison with the baseline is
reported but called too few to judge (a handful of errors says little)."""


def _type_valid(instance: RoundType, attribute: attrs.Attribute[Any], value: object) -> None:
    kind = instance.kind
    if not isinstance(kind, RoundKind):
        raise InvalidInputError("RoundType", [FieldProblem("kind", kind, "must be a RoundKind")])
    problems = []
    wants_program, wants_category = kind is RoundKind.PROGRAM, kind is RoundKind.CATEGORY
    if wants_program != isinstance(instance.program, Program):
        words = "must be a Program" if wants_program else f"must be None for a {kind} round"
        problems.append(FieldProblem("program", instance.program, words))
    if wants_category != isinstance(instance.category, CategoryId):
        words = "must be a CategoryId" if wants_category else f"must be None for a {kind} round"
        problems.append(FieldProblem("category", instance.category, words))
    if problems:
        raise InvalidInputError("RoundType", problems)


@frozen(repr=False)
class RoundType:
    """A type of round: the key under which rounds are compared and estimated.

    Its :attr:`key` is :attr:`Round.round_type <expressentry.draws.records.Round.round_type>`:
    ``"general"``, ``"pnp"``, a program (``"cec"``) or a category (``"french"``).

    >>> RoundType(RoundKind.PROGRAM, program=Program.CEC)
    RoundType('cec')
    >>> RoundType.parse("french").label
    'French-language proficiency rounds'

    Attributes:
        kind: General, program, PNP or category.
        program: The program of a program type, else ``None``.
        category: The category of a category type, else ``None``.

    Raises:
        InvalidInputError: the program or category does not fit the kind.
    """

    kind: RoundKind
    program: Program | None = None
    category: CategoryId | None = attrs.field(default=None, validator=_type_valid)

    @property
    def key(self) -> str:
        """The short key: ``"general"``, ``"pnp"``, ``"cec"``, ``"french"``..."""
        if self.program is not None:
            return self.program.value
        if self.category is not None:
            return self.category.value
        return self.kind.value

    @property
    def label(self) -> str:
        """The type in words: ``"Canadian Experience Class rounds"``."""
        if self.program is not None:
            return f"{self.program.label} rounds"
        if self.category is not None:
            return f"{_CATEGORY_WORDS[self.category]} rounds"
        if self.kind is RoundKind.PNP:
            return "Provincial Nominee Program rounds"
        return "general rounds (all programs)"

    @classmethod
    def parse(cls, key: str) -> RoundType:
        """The type of a :attr:`key`.

        Raises:
            InvalidInputError: ``key`` is not a type's key, naming it and the keys.
        """
        if key in (RoundKind.GENERAL.value, RoundKind.PNP.value):
            return cls(RoundKind(key))
        if key in {p.value for p in Program}:
            return cls(RoundKind.PROGRAM, program=Program(key))
        if key in {c.value for c in CategoryId}:
            return cls(RoundKind.CATEGORY, category=CategoryId(key))
        known = ", ".join(["general", "pnp", *Program, *CategoryId])
        raise InvalidInputError("RoundType", [FieldProblem("key", key, f"must be one of {known}")])

    def __repr__(self) -> str:
        return f"RoundType({self.key!r})"


_CATEGORY_WORDS: Final = {
    CategoryId.FRENCH: "French-language proficiency",
    CategoryId.HEALTHCARE: "healthcare (2023 list)",
    CategoryId.HEALTHCARE_SOCIAL_SERVICES: "healthcare and social services",
    CategoryId.STEM: "STEM",
    CategoryId.TRADES: "trades",
    CategoryId.TRANSPORT: "transport",
    CategoryId.AGRICULTURE: "agriculture and agri-food",
    CategoryId.EDUCATION: "education",
    CategoryId.PHYSICIANS_CANADIAN_EXPERIENCE: "physicians with Canadian experience",
    CategoryId.RESEARCHERS_CANADIAN_EXPERIENCE: "researchers with Canadian experience",
    CategoryId.SENIOR_MANAGERS_CANADIAN_EXPERIENCE: "senior managers with Canadian experience",
    CategoryId.SKILLED_MILITARY_RECRUITS: "skilled military recruits",
}


def round_type_of(round_: Round) -> RoundType:
    """The type of a round: its program, its category (any version), PNP or general.

    >>> from expressentry.draws.history import rounds
    >>> round_type_of(rounds()[-1])
    RoundType('french')

    Raises:
        InvalidInputError: ``round_`` is not a :class:`~expressentry.draws.records.Round`.
    """
    round_ = require(round_, Round, "round_", "round_type_of")
    if round_.program is not None:
        return RoundType(RoundKind.PROGRAM, program=round_.program)
    if round_.category is not None:
        return RoundType(RoundKind.CATEGORY, category=round_.category.id)
    return RoundType(round_.kind)


def estimate_cutoff(cutoffs: Sequence[int]) -> float:
    """The next cut-off of a type, from the cut-offs of its earlier rounds, oldest first.

    The median of the last :data:`WINDOW` cut-offs (of all of them when there are
    fewer). A median rather than a mean, because one odd round (a pandemic CEC
    round cut at 75, a one-off small round) should not move the estimate; only
    cut-offs, not sizes or days, because nothing else is known before a round.

    >>> estimate_cutoff([520, 515, 700, 510, 512, 518])
    515.0

    Raises:
        InvalidInputError: no cut-off was given, or ``cutoffs`` is not a list of
            whole numbers.
    """
    cutoffs = require_items(cutoffs, int, "cutoffs", "estimate_cutoff", "whole number")
    if not cutoffs:
        raise InvalidInputError(
            "estimate_cutoff", [FieldProblem("cutoffs", [], "needs at least one earlier cut-off")]
        )
    return float(statistics.median(cutoffs[-WINDOW:]))


@frozen(repr=False)
class Prediction:
    """One round of the history predicted from the earlier rounds of its type only.

    Attributes:
        number: The round's number (``"437"``).
        day: The round's day.
        round_type: Its type.
        actual: The cut-off IRCC published.
        estimate: :func:`estimate_cutoff` of the earlier rounds of its type.
        baseline: The previous cut-off of its type.
        earlier: How many earlier rounds of its type there were.
    """

    number: str
    day: date
    round_type: RoundType
    actual: int
    estimate: float
    baseline: int
    earlier: int

    @property
    def error(self) -> float:
        """How far the estimate was from the cut-off (absolute)."""
        return abs(self.estimate - self.actual)

    @property
    def baseline_error(self) -> float:
        """How far the baseline was from the cut-off (absolute)."""
        return float(abs(self.baseline - self.actual))

    def __repr__(self) -> str:
        return (
            f"Prediction(#{self.number} {self.day.isoformat()} {self.round_type.key}: "
            f"cut-off {self.actual}, estimate {self.estimate:g}, baseline {self.baseline})"
        )


@frozen(repr=False)
class BacktestRow:
    """The backtest of one round type (or of all types, ``round_type`` ``None``).

    Attributes:
        round_type: The type, or ``None`` for every type pooled.
        rounds: How many rounds were predicted (each with an earlier round of its type).
        estimate_mae: Mean absolute error of the estimate, in CRS points.
        baseline_mae: Mean absolute error of the baseline (previous cut-off).
    """

    round_type: RoundType | None
    rounds: int
    estimate_mae: float
    baseline_mae: float

    @property
    def key(self) -> str:
        """The type's key, or ``"all types"``."""
        return "all types" if self.round_type is None else self.round_type.key

    @property
    def better_than_baseline(self) -> bool:
        """Whether the estimate's error is strictly smaller than the baseline's."""
        return self.estimate_mae < self.baseline_mae

    @property
    def too_few(self) -> bool:
        """Whether fewer than :data:`FEW_ROUNDS` rounds were predicted."""
        return self.rounds < FEW_ROUNDS

    @property
    def verdict(self) -> str:
        """The comparison in words: better by how much, or no better, and whether too few."""
        gap = abs(self.baseline_mae - self.estimate_mae)
        if self.better_than_baseline:
            words = f"better than the baseline by {gap:.1f} points"
        elif gap == 0:
            words = "no better than the baseline (the same error)"
        else:
            words = "no better than the baseline"
        if self.too_few:
            counted = "1 round" if self.rounds == 1 else f"{self.rounds} rounds"
            words += f" (only {counted}: too few to judge)"
        return words

    def __repr__(self) -> str:
        return (
            f"BacktestRow({self.key}: {self.rounds} rounds, estimate MAE "
            f"{self.estimate_mae:.1f}, baseline MAE {self.baseline_mae:.1f}, {self.verdict})"
        )


@frozen(repr=False)
class Backtest:
    """How the cut-off estimate and the baseline did over a history, per round type.

    Attributes:
        predictions: Every round predicted, in the history's order.
        rows: One row per type, most rounds first.
        overall: Every type pooled.
        window: :data:`WINDOW` when the backtest ran.
        first_day: The first round's day of the history backtested.
        last_day: The last round's day.
        skipped: Rounds with no earlier round of their type (nothing to predict from).
        rules_reviewed_on: Last day the rule tables (the round types in force)
            were checked against their sources (:attr:`caveats` speaks when
            ``last_day`` is after it).
    """

    predictions: tuple[Prediction, ...]
    rows: tuple[BacktestRow, ...]
    overall: BacktestRow
    window: int
    first_day: date | None
    last_day: date | None
    skipped: int
    rules_reviewed_on: date = LAST_REVIEWED

    @property
    def caveats(self) -> tuple[str, ...]:
        """What to bear in mind: the rules' review day, when ``last_day`` is after it.

        Printed by :meth:`explain` and written in :meth:`as_dict`.
        """
        if self.last_day is None:
            return ()
        return review_caveats(self.last_day, self.rules_reviewed_on)

    def row(self, round_type: RoundType) -> BacktestRow | None:
        """The row of a type, or ``None`` when no round of it was predicted."""
        for r in self.rows:
            if r.round_type == round_type:
                return r
        return None

    @property
    def worse_or_equal(self) -> tuple[BacktestRow, ...]:
        """The types where the estimate is no better than the baseline."""
        return tuple(r for r in self.rows if not r.better_than_baseline)

    def explain(self) -> str:
        """The table, the method and, plainly, where the estimate does not beat the baseline."""
        span = (
            "no rounds"
            if self.first_day is None or self.last_day is None
            else f"rounds of {self.first_day.isoformat()} to {self.last_day.isoformat()}"
        )
        out = [
            f"Cut-off backtest over {span}",
            f"Estimate: the median of the last {self.window} cut-offs of the same type, "
            "from earlier rounds only.",
            "Baseline: the previous cut-off of the same type.",
            "MAE: mean absolute error in CRS points; each round is predicted from the rounds "
            "before it.",
            "",
            f"{'type':<36}{'rounds':>7}{'estimate MAE':>14}{'baseline MAE':>14}  verdict",
        ]
        for r in (*self.rows, self.overall):
            out.append(
                f"{r.key:<36}{r.rounds:>7}{r.estimate_mae:>14.1f}{r.baseline_mae:>14.1f}  "
                f"{r.verdict}"
            )
        worse = [r.key for r in self.worse_or_equal]
        out.append("")
        out.append(
            f"{self.skipped} rounds were the first of their type: nothing to predict them from."
        )
        out.append(
            "The estimate is no better than the baseline for: " + ", ".join(worse) + "."
            if worse
            else "The estimate beats the baseline for every type."
        )
        out.extend(f"Note: {c}" for c in self.caveats)
        return "\n".join(out)

    def as_dict(self) -> dict[str, Any]:
        """The table as plain JSON values (rows, the pooled row, the method)."""
        return {
            "window": self.window,
            "first_day": None if self.first_day is None else self.first_day.isoformat(),
            "last_day": None if self.last_day is None else self.last_day.isoformat(),
            "skipped": self.skipped,
            "rows": [_row_dict(r) for r in (*self.rows, self.overall)],
            "rules_reviewed_on": self.rules_reviewed_on.isoformat(),
            "caveats": list(self.caveats),
        }

    def __repr__(self) -> str:
        return (
            f"Backtest({len(self.predictions)} rounds, {len(self.rows)} types, estimate MAE "
            f"{self.overall.estimate_mae:.1f} vs baseline {self.overall.baseline_mae:.1f})"
        )


def _row_dict(r: BacktestRow) -> dict[str, Any]:
    return {
        "round_type": r.key,
        "rounds": r.rounds,
        "estimate_mae": round(r.estimate_mae, 2),
        "baseline_mae": round(r.baseline_mae, 2),
        "better_than_baseline": r.better_than_baseline,
        "too_few": r.too_few,
        "verdict": r.verdict,
    }


def _row(round_type: RoundType | None, found: Sequence[Prediction]) -> BacktestRow:
    return BacktestRow(
        round_type=round_type,
        rounds=len(found),
        estimate_mae=statistics.fmean(p.error for p in found) if found else 0.0,
        baseline_mae=statistics.fmean(p.baseline_error for p in found) if found else 0.0,
    )


def _predict_all(history: Iterable[Round]) -> tuple[tuple[Prediction, ...], int]:
    """Each round predicted from the earlier rounds of its type, and how many had none.

    ``history`` is taken in its order (oldest first, as :func:`rounds` gives it).
    """
    seen: dict[RoundType, list[int]] = {}
    out: list[Prediction] = []
    skipped = 0
    for r in history:
        kind = round_type_of(r)
        earlier = seen.setdefault(kind, [])
        if earlier:
            out.append(
                Prediction(
                    number=r.number,
                    day=r.day,
                    round_type=kind,
                    actual=r.cutoff,
                    estimate=estimate_cutoff(earlier),
                    baseline=earlier[-1],
                    earlier=len(earlier),
                )
            )
        else:
            skipped += 1
        earlier.append(r.cutoff)
    return tuple(out), skipped


def backtest(history: Iterable[Round] | None = None, *, before: date | None = None) -> Backtest:
    """The backtest of :func:`estimate_cutoff` and of the baseline over a history.

    Every round with at least one earlier round of its type is predicted from
    those earlier rounds only; the mean absolute errors are given per type.

    Args:
        history: The rounds, oldest first (default:
            :func:`~expressentry.draws.history.rounds`).
        before: Only rounds before this day (what was known on that day).

    Raises:
        InvalidInputError: ``before`` is not a date, or ``history`` is not an
            iterable of rounds.
    """
    day = None if before is None else resolve(before, "before", where="backtest")
    found = [r for r in history_of(history, "backtest") if day is None or r.day < day]
    predictions, skipped = _predict_all(found)
    by_type: dict[RoundType, list[Prediction]] = {}
    for p in predictions:
        by_type.setdefault(p.round_type, []).append(p)
    rows = sorted(
        (_row(kind, members) for kind, members in by_type.items()),
        key=lambda r: (-r.rounds, r.key),
    )
    return Backtest(
        predictions=predictions,
        rows=tuple(rows),
        overall=_row(None, predictions),
        window=WINDOW,
        first_day=found[0].day if found else None,
        last_day=found[-1].day if found else None,
        skipped=skipped,
    )
