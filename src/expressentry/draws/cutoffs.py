"""Round types, the cut-off estimate, and its backtest over the whole history.

Every round has a type (:class:`RoundType`): general, program-specific (FSW, CEC
or FST), PNP, or category-based with its :class:`~expressentry.enums.CategoryId`
(every version of one category is one type). The next cut-off of a type is
estimated by :func:`estimate_cutoff` from the rounds held *before* it, and
nothing else (the method is :mod:`~expressentry.draws.estimator`'s), with an 80 %
interval.

:func:`backtest` says how wrong that has been: each round of the history with at
least one earlier round of its type is predicted from the earlier rounds only,
and the estimate, and the naive baseline (the previous cut-off of the same
type), are compared with the cut-off IRCC published. The mean absolute errors
are given per type, side by side, with the share of intervals that held the
cut-off and a plain verdict where the estimate is no better than the baseline.

>>> report = backtest()
>>> cec = report.row(RoundType.parse("cec"))
>>> cec.rounds, round(cec.estimate_mae, 1), round(cec.baseline_mae, 1), round(cec.coverage, 2)
(66, 13.2, 25.2, 0.82)
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, ClassVar, Final

import attrs
from attrs import frozen

from expressentry._checks import require
from expressentry._formats import FORMATS
from expressentry._today import resolve
from expressentry.enums import CategoryId, Program
from expressentry.errors import FieldProblem, InvalidInputError
from expressentry.i18n import Message, check_lang, tr, trn
from expressentry.rules._timeline import LAST_REVIEWED, review_caveats

from .chances import NAIVE_ROUNDS, ChanceScore, score_chances
from .estimator import Estimate, Forecaster
from .history import history_in_date_order
from .records import Round, RoundKind

__all__ = [
    "FEW_ROUNDS",
    "METHOD",
    "Backtest",
    "BacktestRow",
    "Prediction",
    "RoundType",
    "backtest",
    "estimate_cutoff",
    "round_type_of",
]

FEW_ROUNDS: Final = 10
"""Below this many backtested rounds, a type's comparison with the baseline is
reported but called too few to judge (a handful of errors says little)."""


_UNKNOWN_KEY: Final = re.compile(r"\w+(?:-\w+)*")


def _type_valid(instance: RoundType, attribute: attrs.Attribute[Any], value: object) -> None:
    kind = instance.kind
    if not isinstance(kind, RoundKind):
        raise InvalidInputError(
            "RoundType", [FieldProblem("kind", kind, tr("must be a RoundKind"))]
        )
    problems = []
    wants_program, wants_category = kind is RoundKind.PROGRAM, kind is RoundKind.CATEGORY
    category: object = instance.category
    unknown: object = instance.unknown_category  # of any type at run time
    if wants_program != isinstance(instance.program, Program):
        words = (
            tr("must be a Program")
            if wants_program
            else tr("must be None for a {kind} round", kind=kind.value)
        )
        problems.append(FieldProblem("program", instance.program, words))
    if unknown is not None and (
        not wants_category or not isinstance(unknown, str) or not _UNKNOWN_KEY.fullmatch(unknown)
    ):
        words = (
            tr("must be a category's key: words joined by hyphens ('entrepreneurs')")
            if wants_category
            else tr("must be None for a {kind} round", kind=kind.value)
        )
        problems.append(FieldProblem("unknown_category", unknown, words))
    elif wants_category and (unknown is None) != isinstance(category, CategoryId):
        words = (
            tr("must be a CategoryId, or None with unknown_category")
            if unknown is None
            else tr("must be None with unknown_category")
        )
        problems.append(FieldProblem("category", category, words))
    elif not wants_category and category is not None:
        words = tr("must be None for a {kind} round", kind=kind.value)
        problems.append(FieldProblem("category", category, words))
    if problems:
        raise InvalidInputError("RoundType", problems)


@frozen(repr=False)
class RoundType:
    """A type of round: the key under which rounds are compared and estimated.

    Its :attr:`key` is :attr:`Round.round_type <expressentry.draws.records.Round.round_type>`:
    ``"general"``, ``"pnp"``, a program (``"cec"``), a category (``"french"``) or a
    category expressentry has no list of (``"category:entrepreneurs"``, from IRCC's
    name of its rounds: nobody's eligibility for it can be judged).

    >>> RoundType(RoundKind.PROGRAM, program=Program.CEC)
    RoundType('cec')
    >>> RoundType.parse("french").label
    'French-language proficiency rounds'
    >>> RoundType.parse("category:entrepreneurs").label
    "rounds of the category 'entrepreneurs' (no list in expressentry)"

    Attributes:
        kind: General, program, PNP or category.
        program: The program of a program type, else ``None``.
        category: The category of a category type, else ``None``.
        unknown_category: The key of a category expressentry has no list of
            (:attr:`Round.unknown_category
            <expressentry.draws.records.Round.unknown_category>`), else ``None``.

    Raises:
        InvalidInputError: the program or category does not fit the kind.
    """

    kind: RoundKind
    program: Program | None = None
    category: CategoryId | None = None
    unknown_category: str | None = attrs.field(default=None, validator=_type_valid)

    @property
    def key(self) -> str:
        """The short key: ``"general"``, ``"pnp"``, ``"cec"``, ``"french"``, ``"category:..."``."""
        if self.program is not None:
            return self.program.value
        if self.category is not None:
            return self.category.value
        if self.unknown_category is not None:
            return f"{RoundKind.CATEGORY.value}:{self.unknown_category}"
        return self.kind.value

    @property
    def known(self) -> bool:
        """Whether expressentry can judge a candidate's eligibility for the type.

        ``False`` for a category it has no list of (:attr:`unknown_category`).
        """
        return self.unknown_category is None

    @property
    def label(self) -> str:
        """The type in words: ``"Canadian Experience Class rounds"``."""
        return str(self.message)

    @property
    def message(self) -> Message:
        """:attr:`label` as a message, to word it in either language (:meth:`text`)."""
        if self.program is not None:
            return tr("{name} rounds", name=tr(self.program.label))
        if self.category is not None:
            return _CATEGORY_ROUNDS[self.category]
        if self.unknown_category is not None:
            return tr(
                "rounds of the category {name} (no list in expressentry)",
                name=repr(self.unknown_category),
            )
        if self.kind is RoundKind.PNP:
            return tr("Provincial Nominee Program rounds")
        return tr("general rounds (all programs)")

    def text(self, lang: str = "en") -> str:
        """:attr:`label` in ``lang`` (``"en"`` or ``"fr"``).

        >>> RoundType.parse("french").text("fr")
        'rondes d’invitations – Compétence linguistique en français'

        Raises:
            InvalidInputError: ``lang`` is not a language messages are written in.
        """
        return self.message.render(check_lang(lang, "RoundType.text"))

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
        given: object = key  # of any type at run time
        prefix, colon, unknown = given.partition(":") if isinstance(given, str) else ("", "", "")
        if colon and prefix == RoundKind.CATEGORY.value and _UNKNOWN_KEY.fullmatch(unknown):
            return cls(RoundKind.CATEGORY, unknown_category=unknown)
        known = ", ".join(["general", "pnp", *Program, *CategoryId])
        raise InvalidInputError(
            "RoundType",
            [FieldProblem("key", key, tr("must be one of {known}, or category:NAME", known=known))],
        )

    def __repr__(self) -> str:
        return f"RoundType({self.key!r})"


_CATEGORY_ROUNDS: Final = {
    # Translators: the categories as IRCC's French pages on its rounds name them.
    CategoryId.FRENCH: tr("French-language proficiency rounds"),
    CategoryId.HEALTHCARE: tr("healthcare (2023 list) rounds"),
    CategoryId.HEALTHCARE_SOCIAL_SERVICES: tr("healthcare and social services rounds"),
    CategoryId.STEM: tr("STEM rounds"),
    CategoryId.TRADES: tr("trades rounds"),
    CategoryId.TRANSPORT: tr("transport rounds"),
    CategoryId.AGRICULTURE: tr("agriculture and agri-food rounds"),
    CategoryId.EDUCATION: tr("education rounds"),
    CategoryId.PHYSICIANS_CANADIAN_EXPERIENCE: tr("physicians with Canadian experience rounds"),
    CategoryId.RESEARCHERS_CANADIAN_EXPERIENCE: tr("researchers with Canadian experience rounds"),
    CategoryId.SENIOR_MANAGERS_CANADIAN_EXPERIENCE: tr(
        "senior managers with Canadian experience rounds"
    ),
    CategoryId.SKILLED_MILITARY_RECRUITS: tr("skilled military recruits rounds"),
}


def round_type_of(round_: Round) -> RoundType:
    """The type of a round: its program, its category (any version), PNP or general.

    A category round of a category expressentry has no list of has the type of
    its :attr:`~expressentry.draws.records.Round.unknown_category`
    (``RoundType('category:entrepreneurs')``).

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
    if round_.unknown_category is not None:
        return RoundType(RoundKind.CATEGORY, unknown_category=round_.unknown_category)
    return RoundType(round_.kind)


def estimate_cutoff(history: Iterable[Round], round_type: RoundType, *, on: date) -> Estimate:
    """The next cut-off of a type, seen on ``on``, from the rounds before that day.

    ``history`` is every round known (of every type, oldest first: the fit pools
    what all types teach); only those before ``on`` are read. The next round is
    assumed held on ``on``, or when the type's usual gap after its last round has
    passed if that is later (:attr:`Estimate.day <expressentry.draws.estimator.Estimate.day>`
    says which): the estimate rises with the days since the last round. The method is
    :mod:`~expressentry.draws.estimator`'s: the previous cut-off of the type (or,
    when it is a one-off far from the type's last rounds, the median of those),
    corrected towards the type's recent level and for a long gap, with an 80 %
    interval from the estimator's own earlier errors.

    >>> from expressentry.draws.history import rounds
    >>> found = estimate_cutoff(rounds(), RoundType.parse("cec"), on=date(2026, 9, 1))
    >>> found.value, found.low, found.high, found.baseline
    (522.4, 517.4, 527.7, 523)

    Raises:
        InvalidInputError: no round of the type before ``on``, ``on`` is not a date,
            ``history`` is not an iterable of rounds oldest first, or
            ``round_type`` not a :class:`RoundType`.
    """
    day = resolve(on, "on", where="estimate_cutoff")
    kind = require(round_type, RoundType, "round_type", "estimate_cutoff")
    history = history_in_date_order(history, "estimate_cutoff")
    forecaster = Forecaster(r for r in history if r.day < day)
    if not forecaster.knows(kind.key):
        raise InvalidInputError(
            "estimate_cutoff",
            [FieldProblem("round_type", kind.key, tr("needs at least one earlier round of it"))],
        )
    return forecaster.estimate(kind.key, forecaster.next_day(kind.key, day))


@frozen(repr=False)
class Prediction:
    """One round of the history predicted from the rounds before it only.

    Attributes:
        number: The round's number (``"437"``).
        day: The round's day.
        round_type: Its type.
        actual: The cut-off IRCC published.
        estimate: The estimate, with its interval (:func:`estimate_cutoff`).
        baseline: The previous cut-off of its type.
        earlier: How many earlier rounds of its type there were.
        recent: The cut-offs of the type's last rounds before it (at most
            :data:`~expressentry.draws.chances.NAIVE_ROUNDS`, oldest first), for
            the naive invitation chance.
    """

    number: str
    day: date
    round_type: RoundType
    actual: int
    estimate: Estimate
    baseline: int
    earlier: int
    recent: tuple[int, ...] = ()

    @property
    def error(self) -> float:
        """How far the estimate was from the cut-off (absolute)."""
        return abs(self.estimate.value - self.actual)

    @property
    def baseline_error(self) -> float:
        """How far the baseline was from the cut-off (absolute)."""
        return float(abs(self.baseline - self.actual))

    @property
    def covered(self) -> bool | None:
        """Whether the 80 % interval held the cut-off (``None`` without an interval)."""
        return self.estimate.covers(self.actual)

    def __repr__(self) -> str:
        e = self.estimate
        interval = "" if e.low is None else f" [{e.low:g}, {e.high:g}]"
        return (
            f"Prediction(#{self.number} {self.day.isoformat()} {self.round_type.key}: "
            f"cut-off {self.actual}, estimate {e.value:g}{interval}, baseline {self.baseline})"
        )


@frozen(repr=False)
class BacktestRow:
    """The backtest of one round type (or of all types, ``round_type`` ``None``).

    Attributes:
        round_type: The type, or ``None`` for every type pooled.
        rounds: How many rounds were predicted (each with an earlier round of its type).
        estimate_mae: Mean absolute error of the estimate, in CRS points.
        baseline_mae: Mean absolute error of the baseline (previous cut-off).
        intervals: How many of the estimates came with an 80 % interval.
        covered: How many of those intervals held the cut-off.
    """

    round_type: RoundType | None
    rounds: int
    estimate_mae: float
    baseline_mae: float
    intervals: int = 0
    covered: int = 0

    @property
    def key(self) -> str:
        """The type's key, or ``"all types"``."""
        return "all types" if self.round_type is None else self.round_type.key

    @property
    def coverage(self) -> float | None:
        """The share of intervals that held the cut-off (meant to be 0.8), or ``None``."""
        return self.covered / self.intervals if self.intervals else None

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
        return str(self.verdict_message)

    @property
    def verdict_message(self) -> Message:
        """:attr:`verdict` as a message, to word it in either language."""
        if not self.rounds:
            return tr("no round predicted")
        gap = abs(self.baseline_mae - self.estimate_mae)
        by = f"{gap:.1f}" if gap >= 0.1 else f"{gap:.2f}"  # a hair is said as one
        if self.better_than_baseline:
            words = tr("better than the baseline by {by} points", by=by)
        elif gap == 0:
            words = tr("no better than the baseline (the same error)")
        else:
            words = tr("no better than the baseline (worse by {by} points)", by=by)
        if self.too_few:
            counted = trn("{n} round", "{n} rounds", self.rounds, n=self.rounds)
            words = tr("{words} (only {counted}: too few to judge)", words=words, counted=counted)
        return words

    def __repr__(self) -> str:
        cover = "" if self.coverage is None else f", 80% interval held {self.coverage:.0%}"
        return (
            f"BacktestRow({self.key}: {self.rounds} rounds, estimate MAE "
            f"{self.estimate_mae:.1f}, baseline MAE {self.baseline_mae:.1f}{cover}, "
            f"{self.verdict})"
        )


METHOD: Final = (
    "the previous cut-off of the type (a one-off set aside), moved towards the type's "
    "level of the last two years and up after a long gap, by weights fitted on earlier "
    "rounds only; for a program whose last round is from another pool (over a year "
    "old), the general rounds' estimate"
)
"""The estimator in words, as :meth:`Backtest.explain` and the JSON give it."""


@frozen(repr=False)
class Backtest:
    """How the cut-off estimate and the baseline did over a history, per round type.

    Attributes:
        predictions: Every round scored, in the history's order.
        rows: One row per type, most rounds first.
        overall: Every type pooled.
        first_day: The first round's day of the history backtested.
        last_day: The last round's day.
        skipped: Rounds with no earlier round of their type (nothing to predict from).
        since: Only rounds from this day on were scored (all earlier rounds were
            still learnt from), or ``None``.
        rules_reviewed_on: Last day the rule tables (the round types in force)
            were checked against their sources (:attr:`caveats` speaks when
            ``last_day`` is after it).
    """

    JSON_FORMAT: ClassVar[str] = FORMATS["backtest"]
    """The ``format`` its JSON form carries (``expressentry schema backtest``)."""

    predictions: tuple[Prediction, ...]
    rows: tuple[BacktestRow, ...]
    overall: BacktestRow
    first_day: date | None
    last_day: date | None
    skipped: int
    since: date | None = None
    rules_reviewed_on: date = LAST_REVIEWED

    @property
    def caveats(self) -> tuple[str, ...]:
        """What to bear in mind: the rules' review day, when ``last_day`` is after it.

        Printed by :meth:`explain` and written in :meth:`as_dict`.
        """
        if self.last_day is None:
            return ()
        return review_caveats(self.last_day, self.rules_reviewed_on)

    @property
    def chances(self) -> ChanceScore:
        """How the invitation chances of the rounds scored did, against the naive chance.

        Computed from :attr:`predictions` when asked
        (:func:`~expressentry.draws.chances.score_chances`).
        """
        return score_chances((p.actual, p.estimate, p.recent) for p in self.predictions)

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
        scored = "" if self.since is None else f", scored from {self.since.isoformat()}"
        out = [
            f"Cut-off backtest over {span}{scored}",
            f"Estimate: {METHOD}.",
            "Baseline: the previous cut-off of the same type.",
            "MAE: mean absolute error in CRS points; each round is predicted from the rounds "
            "before it.",
            "80% held: the share of cut-offs inside the estimate's 80 % interval.",
            "",
            f"{'type':<36}{'rounds':>7}{'estimate MAE':>14}{'baseline MAE':>14}"
            f"{'80% held':>10}  verdict",
        ]
        for r in (*self.rows, self.overall):
            held = "-" if r.coverage is None else f"{r.coverage:.0%}"
            out.append(
                f"{r.key:<36}{r.rounds:>7}{r.estimate_mae:>14.1f}{r.baseline_mae:>14.1f}"
                f"{held:>10}  {r.verdict}"
            )
        out.append("")
        out.append(
            "1 round was the first of its type: nothing to predict it from."
            if self.skipped == 1
            else f"{self.skipped} rounds were the first of their type: nothing to predict "
            "them from."
        )
        if not self.predictions:
            out.append("No round was predicted: nothing to judge.")
        else:
            out.append(self._losses())
        if self.overall.coverage is not None:
            out.append(
                f"The 80 % intervals held {self.overall.coverage:.0%} of the cut-offs "
                f"({self.overall.covered} of {self.overall.intervals})."
            )
        chances = self.chances
        if chances.cases:
            out.append("")
            out.append(chances.explain())
        out.extend(f"Note: {c}" for c in self.caveats)
        return "\n".join(out)

    def _losses(self) -> str:
        worse = [r.key for r in self.worse_or_equal]
        pooled = self.overall
        head = (
            "Over all types the estimate beats the baseline"
            if pooled.better_than_baseline
            else "Over all types the estimate is NO better than the baseline"
        )
        if not worse:
            return head + ", and for every type."
        return head + "; it is no better than the baseline for: " + ", ".join(worse) + "."

    def as_dict(self) -> dict[str, Any]:
        """The table as plain JSON values (rows, the pooled row, the method)."""
        return {
            "format": self.JSON_FORMAT,
            "method": METHOD,
            "first_day": None if self.first_day is None else self.first_day.isoformat(),
            "last_day": None if self.last_day is None else self.last_day.isoformat(),
            "since": None if self.since is None else self.since.isoformat(),
            "skipped": self.skipped,
            "rows": [_row_dict(r) for r in (*self.rows, self.overall)],
            "worse_or_equal": [r.key for r in self.worse_or_equal],
            "chances": self.chances.as_dict(),
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
        "intervals": r.intervals,
        "covered": r.covered,
        "coverage": None if r.coverage is None else round(r.coverage, 3),
        "better_than_baseline": r.better_than_baseline,
        "too_few": r.too_few,
        "verdict": r.verdict,
    }


def _row(round_type: RoundType | None, found: Sequence[Prediction]) -> BacktestRow:
    held = [p.covered for p in found if p.covered is not None]
    return BacktestRow(
        round_type=round_type,
        rounds=len(found),
        estimate_mae=statistics.fmean(p.error for p in found) if found else 0.0,
        baseline_mae=statistics.fmean(p.baseline_error for p in found) if found else 0.0,
        intervals=len(held),
        covered=sum(held),
    )


def _predict_all(history: Iterable[Round]) -> tuple[tuple[Prediction, ...], int]:
    """Each round predicted from the rounds before it, and how many had none of their type.

    ``history`` is taken in its order (oldest first, as :func:`rounds` gives it).
    """
    forecaster = Forecaster()
    earlier: dict[RoundType, list[int]] = {}
    out: list[Prediction] = []
    skipped = 0
    for r in history:
        kind = round_type_of(r)
        cutoffs = earlier.setdefault(kind, [])
        if forecaster.knows(kind.key):
            found = forecaster.estimate(kind.key, r.day)
            out.append(
                Prediction(
                    number=r.number,
                    day=r.day,
                    round_type=kind,
                    actual=r.cutoff,
                    estimate=found,
                    baseline=found.baseline,
                    earlier=len(cutoffs),
                    recent=tuple(cutoffs[-NAIVE_ROUNDS:]),
                )
            )
        else:
            skipped += 1
        cutoffs.append(r.cutoff)
        forecaster.add(r)
    return tuple(out), skipped


def backtest(
    history: Iterable[Round] | None = None,
    *,
    before: date | None = None,
    since: date | None = None,
) -> Backtest:
    """The backtest of :func:`estimate_cutoff` and of the baseline over a history.

    Every round with at least one earlier round of its type is predicted from
    the rounds before it only; the mean absolute errors and the share of
    intervals that held the cut-off are given per type.

    Args:
        history: The rounds, oldest first (default:
            :func:`~expressentry.draws.history.rounds`).
        before: Only rounds before this day (what was known on that day).
        since: Score only the rounds from this day on; earlier rounds are still
            learnt from (``since=date(2023, 1, 1)`` judges the recent years).

    Raises:
        InvalidInputError: ``before`` or ``since`` is not a date, or ``history``
            is not an iterable of rounds, oldest first (naming the first round
            dated before the one ahead of it).
    """
    day = None if before is None else resolve(before, "before", where="backtest")
    start = None if since is None else resolve(since, "since", where="backtest")
    found = [r for r in history_in_date_order(history, "backtest") if day is None or r.day < day]
    predictions, skipped = _predict_all(found)
    if start is not None:
        predictions = tuple(p for p in predictions if p.day >= start)
        skipped = sum(1 for r in found if r.day >= start) - len(predictions)
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
        first_day=found[0].day if found else None,
        last_day=found[-1].day if found else None,
        skipped=skipped,
        since=start,
    )
