"""A candidate's outlook: which round types could invite them, and how past rounds went.

:func:`outlook` scores a profile on a day, finds the round types it is eligible
for (its programs, general rounds, PNP rounds for a nominee, its categories in
force), and for each type compares the score with the cut-offs of the last
rounds of that type before the day. It adds the next-cut-off estimate of
:func:`~expressentry.draws.cutoffs.estimate_cutoff` with the backtest error of
that type next to the baseline's (:func:`~expressentry.draws.cutoffs.backtest`
over the rounds before the day), so an estimate never comes without how wrong it
has been.

A score equal to a cut-off is counted apart: such a profile was invited only if
it was submitted at or before the round's tie-break time. Where the profile's
``profile_submitted`` is given and the round published a tie-break, the tie is
judged by :func:`~expressentry.draws.ties.invited_at_cutoff`, the rule a
selection's explanation applies too: won if submitted before the tie-break's
second, lost if after it, and not judged if within it
(:data:`~expressentry.draws.ties.WITHIN_TIE_BREAK_SECOND`: IRCC publishes the
tie-break to the second). Otherwise the tie is left open and said so. The
headline counts rounds cleared above the cut-off, ties won, ties lost and ties
not judged apart: only the first two invited the profile.

A round held on a day the profile was not in the pool could not invite it: held
before the day it was submitted, or on or after the day it left the pool, 12
months later (:func:`~expressentry.timelines.validity.in_pool_on`, the rule of a round's
selection and of the timelines). Such a round is listed, said to be out of the
pool and why, and not counted as cleared, whatever the score. Without
``profile_submitted`` whether the profile was in the pool cannot be known: every
round is compared as if it had been, and the outlook says so.

>>> from expressentry.serialization import example_profile
>>> found = outlook(example_profile(), as_of=date(2026, 8, 20), last=5)
>>> found
Outlook(574 on 2026-08-20: general 0/0 (5 out of the pool), fsw 0/0 (1 out of the pool),
        cec 5/5, french 5/5)
>>> found.line(RoundType.parse("cec"))
OutlookLine(cec: cleared 5 of 5, ties 0 won 0 lost 0 not judged, estimate 522.4)
>>> print(found.line(RoundType.parse("general")).checks[-1].reason)
#294 (2024-04-23) cut-off 529: not invited, not in the pool that day: submitted after this
round (the score is above the cut-off)
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, ClassVar, Final

from attrs import frozen

from expressentry._formats import FORMATS
from expressentry._html import fragment, table
from expressentry._today import resolve
from expressentry.crs import score
from expressentry.eligibility import EligibilityFlags, EligibilityReport, Verdict, assess
from expressentry.errors import FieldProblem, InvalidInputError
from expressentry.explain import CrsBreakdown
from expressentry.i18n import Message, check_lang, tr, trn
from expressentry.models import Candidate
from expressentry.rules import RuleSet
from expressentry.rules._timeline import LAST_REVIEWED, edition_of, review_caveats, review_messages
from expressentry.timelines.validity import in_pool_on, profile_exit

from .chances import tie_chance
from .clearance import Clearance, RoundCheck, check_round, day_or_unknown
from .cutoffs import BacktestRow, RoundType, backtest, round_type_of
from .estimator import Estimate, Forecaster
from .history import history_in_date_order
from .records import Round, RoundKind
from .ties import TIE_BREAK_INCLUSIVE

__all__ = [
    "DEFAULT_LAST",
    "TIE_BREAK_INCLUSIVE",
    "Clearance",
    "Outlook",
    "OutlookLine",
    "RoundCheck",
    "outlook",
]

DEFAULT_LAST: Final = 10
"""How many of the latest rounds of each type :func:`outlook` compares the score with."""


def _percent(p: float) -> str:
    """A chance in words: whole per cents, but never 0 % or 100 % for what may happen."""
    return str(_percent_message(p))


def _percent_message(p: float) -> Message:
    if p < 0.01:
        return tr("under 1 %")
    if p > 0.99:
        return tr("over 99 %")
    return tr("{percent} %", percent=f"{p:.0%}".removesuffix("%"))


def _rounds(n: int) -> Message:
    return trn("{n} round", "{n} rounds", n, n=n)


@frozen(repr=False)
class OutlookLine:
    """One round type the candidate could be invited in, against its recent rounds.

    Attributes:
        round_type: The type.
        verdict: :attr:`~expressentry.eligibility.report.Verdict.ELIGIBLE`, or
            :attr:`~expressentry.eligibility.report.Verdict.ELIGIBLE_IF` where something
            that cannot be checked must be confirmed; ``None`` for a category
            expressentry has no list of (:attr:`Outlook.unjudged`), whose
            eligibility it cannot judge.
        score: The candidate's CRS score on the day.
        as_of: The day.
        last: How many of the latest rounds were asked for.
        history: How many rounds of the type were held before the day.
        checks: The last rounds of the type before the day (at most ``last``),
            oldest first, each against the score.
        estimate: The next cut-off estimate from every earlier round of the type,
            or ``None`` when there is none.
        baseline: The previous cut-off of the type (the naive baseline), or ``None``.
        backtest: The backtest of the type over the rounds before the day, or
            ``None`` when fewer than two rounds of it were held.
        submitted_on: The profile's submission day (UTC), or ``None`` when the
            profile gives none.
        pool_exit: The first day the profile is out of the pool (12 months after
            ``submitted_on``), or ``None``.
        interval: The estimate's 80 % interval, or ``None`` when too few
            earlier errors are known.
        chance: The chance that the type's next round (on :attr:`next_day`)
            invites the score, from the estimate's error distribution
            (:meth:`Estimate.chance <expressentry.draws.estimator.Estimate.chance>`),
            or ``None`` without it; 0 when the profile is out of the pool that
            day. It takes the profile as eligible on that day.
        tie_chance: The chance of winning a tie at the cut-off
            (:func:`~expressentry.draws.chances.tie_chance`: the profile's
            submission against the last ``last`` rounds' tie-breaks).
        next_day: The day the next round of the type is assumed held, or ``None``.
    """

    round_type: RoundType
    verdict: Verdict | None
    score: int
    as_of: date
    last: int
    history: int
    checks: tuple[RoundCheck, ...]
    estimate: float | None
    baseline: int | None
    backtest: BacktestRow | None
    submitted_on: date | None = None
    pool_exit: date | None = None
    interval: tuple[float, float] | None = None
    chance: float | None = None
    tie_chance: float = 0.5
    next_day: date | None = None

    def _count(self, *kinds: Clearance) -> int:
        return sum(1 for c in self.checks if c.in_pool and c.clearance in kinds)

    @property
    def in_pool(self) -> int:
        """Rounds among :attr:`checks` held on a day the profile was in the pool.

        All of them when the profile gives no submission day (it cannot be known).
        """
        return sum(1 for c in self.checks if c.in_pool)

    @property
    def out_of_pool(self) -> int:
        """Rounds among :attr:`checks` held on a day the profile was not in the pool."""
        return len(self.checks) - self.in_pool

    @property
    def above(self) -> int:
        """Rounds, the profile in the pool, whose cut-off the score is above."""
        return self._count(Clearance.ABOVE)

    @property
    def at_cutoff(self) -> int:
        """Rounds, the profile in the pool, whose cut-off the score equals (ties).

        ``ties_won + ties_lost + ties_open``.
        """
        return self._count(Clearance.TIE_WON, Clearance.TIE_LOST, Clearance.TIE_OPEN)

    @property
    def cleared(self) -> int:
        """Rounds, the profile in the pool, whose cut-off the score is above: :attr:`above`.

        A tie is not counted here, won or lost (:attr:`ties_won`,
        :attr:`ties_lost`, :attr:`ties_open`), nor a round held on a day the
        profile was not in the pool.
        """
        return self.above

    @property
    def ties_won(self) -> int:
        """Rounds, the profile in the pool, at the cut-off and submitted before the tie-break."""
        return self._count(Clearance.TIE_WON)

    @property
    def ties_lost(self) -> int:
        """Rounds, the profile in the pool, at the cut-off and submitted after the tie-break."""
        return self._count(Clearance.TIE_LOST)

    @property
    def ties_open(self) -> int:
        """Rounds, the profile in the pool, at the cut-off whose tie-break cannot be judged."""
        return self._count(Clearance.TIE_OPEN)

    @property
    def invited(self) -> int:
        """Rounds that invited the profile, by the reading of each: ``above + ties_won``.

        A tie not judged is not counted: :attr:`ties_open` more may have.
        """
        return self.above + self.ties_won

    def _ties_words(self, lang: str = "en") -> str:
        """``"; at the cut-off in 3: 1 tie won, 2 lost"``, or nothing without a tie."""
        if not self.at_cutoff:
            return ""
        won = trn("{n} tie won", "{n} ties won", self.ties_won, n=self.ties_won)
        words = tr(
            "; at the cut-off in {n}: {won}, {lost} lost",
            n=self.at_cutoff,
            won=won,
            lost=self.ties_lost,
        )
        if self.ties_open:
            words = tr("{words}, {n} not judged", words=words, n=self.ties_open)
        return words.render(lang)

    def _out_words(self, lang: str = "en", *, one: bool = False) -> str:
        """Why the rounds out of the pool were: ``"2 held before it was submitted (...)"``.

        ``one``: the only round compared, worded without its count.
        """
        early = sum(1 for c in self.checks if c.before_submission)
        late = self.out_of_pool - early
        parts = []
        if early:
            on = day_or_unknown(self.submitted_on)
            parts.append(
                tr("held before it was submitted on {day}", day=on)
                if one
                else tr("{n} held before it was submitted on {day}", n=early, day=on)
            )
        if late:
            on = day_or_unknown(self.pool_exit)
            parts.append(
                tr("held once it had expired on {day}", day=on)
                if one
                else tr("{n} held once it had expired on {day}", n=late, day=on)
            )
        return ", ".join(p.render(lang) for p in parts)

    @property
    def last_round(self) -> Round | None:
        """The latest round of the type before the day, if any."""
        return self.checks[-1].round if self.checks else None

    def explain(self, lang: str = "en") -> str:
        """The type in a few lines: eligibility, each round, the estimate and its error.

        In ``lang`` (``"en"`` or ``"fr"``).

        Raises:
            InvalidInputError: ``lang`` is not a language messages are written in.
        """
        return "\n".join(self._lines(check_lang(lang, "OutlookLine.explain")))

    def _held(self, n: int) -> Message:
        if n < self.last:
            return tr("the 1 round held") if n == 1 else tr("the {n} rounds held", n=n)
        return tr("the last 1 round") if n == 1 else tr("the last {n} rounds", n=n)

    def _cleared_message(self, lang: str) -> Message:
        """How the score did in the rounds compared, those out of the pool apart."""
        n = len(self.checks)
        held = self._held(n)
        ties = self._ties_words(lang)
        if not self.out_of_pool:
            return tr(
                "  score {score} cleared {cleared} of {held} (above the cut-off){ties}",
                score=self.score,
                cleared=self.cleared,
                held=held,
                ties=ties,
            )
        if n == 1:
            return tr(
                "  {held} could not invite the profile, not in the pool that day: {why}",
                held=held,
                why=self._out_words(lang, one=True),
            )
        if not self.in_pool:
            return tr(
                "  none of {held} could invite the profile, not in the pool those days: {why}",
                held=held,
                why=self._out_words(lang),
            )
        return tr(
            "  score {score} cleared {cleared} of the {rounds} the profile could have been "
            "invited in (above the cut-off){ties}; of {held}, it was not in the pool for "
            "{out}: {why}",
            score=self.score,
            cleared=self.cleared,
            rounds=_rounds(self.in_pool),
            ties=ties,
            held=held,
            out=self.out_of_pool,
            why=self._out_words(lang),
        )

    def _estimate_message(self, lang: str) -> Message | None:
        if self.estimate is None or self.baseline is None:
            return None
        how = tr("the only earlier cut-off") if self.history == 1 else tr("the backtested method")
        interval = (
            ""
            if self.interval is None
            else tr(
                ", 80 % interval {low} to {high}",
                low=f"{self.interval[0]:g}",
                high=f"{self.interval[1]:g}",
            ).render(lang)
        )
        when = (
            ""
            if self.next_day is None
            else tr(" for a round on {day}", day=self.next_day).render(lang)
        )
        return tr(
            "  next cut-off estimate {estimate}{interval}{when} ({how}); "
            "baseline {baseline} (the previous cut-off)",
            estimate=f"{self.estimate:g}",
            interval=interval,
            when=when,
            how=how,
            baseline=self.baseline,
        )

    def _chance_message(self) -> Message | None:
        if self.chance is None:
            return None
        if not self._in_pool_next():
            return tr(
                "  chance that the next round invites {score}: none, the profile is not in the "
                "pool on {day} (it expired on {expired})",
                score=self.score,
                day=day_or_unknown(self.next_day),
                expired=day_or_unknown(self.pool_exit),
            )
        return tr(
            "  chance that the next round invites {score}: {chance} (from the estimate's earlier "
            "errors; a tie at the cut-off won with a chance of {tie} %, {source})",
            score=self.score,
            chance=_percent_message(self.chance),
            tie=f"{self.tie_chance * 100:.0f}",
            source=self._tie_source(),
        )

    def _lines(self, lang: str) -> list[str]:
        kind = self.round_type
        when = {
            Verdict.ELIGIBLE: tr("eligible"),
            Verdict.ELIGIBLE_IF: tr("eligible if confirmed"),
            None: tr(
                "eligibility NOT judged: expressentry has no list of this category, so "
                "it cannot say whether the profile is eligible; compared as if it were"
            ),
        }.get(self.verdict, tr("{description}", description=str(self.verdict)))
        out = [tr("{key}: {label}, {when}", key=kind.key, label=kind.message, when=when)]
        if not self.checks:
            out.append(tr("  no round of this type before the day: nothing to compare or estimate"))
            return [m.render(lang) for m in out]
        out.append(self._cleared_message(lang))
        out.extend(tr("    {reason}", reason=c.message) for c in self.checks)
        found = (self._estimate_message(lang), self._chance_message())
        out.extend(m for m in found if m is not None)
        latest = self.checks[-1].round.day
        gap = (self.as_of - latest).days
        out.append(
            trn(
                "  the latest round of this type was on {latest}, {gap} day before {day}",
                "  the latest round of this type was on {latest}, {gap} days before {day}",
                gap,
                latest=latest,
                gap=gap,
                day=self.as_of,
            )
        )
        if self.backtest is None:
            out.append(tr("  backtest: only one round of this type, no error to give"))
        else:
            b = self.backtest
            out.append(
                tr(
                    "  backtest over {rounds} rounds: estimate off by {estimate} points on "
                    "average, baseline by {baseline}: {verdict}",
                    rounds=b.rounds,
                    estimate=f"{b.estimate_mae:.1f}",
                    baseline=f"{b.baseline_mae:.1f}",
                    verdict=b.verdict_message,
                )
            )
        return [m.render(lang) for m in out]

    def _in_pool_next(self) -> bool:
        """Whether the profile is in the pool on :attr:`next_day` (``True`` when unknown)."""
        if self.submitted_on is None or self.next_day is None:
            return True
        return in_pool_on(self.submitted_on, self.next_day)

    def _tie_source(self) -> Message:
        if self.submitted_on is None:
            return tr("no submission time given")
        return tr("the submission time against the recent tie-breaks")

    def as_dict(self) -> dict[str, Any]:
        """The line as plain JSON values."""
        b = self.backtest
        return {
            "round_type": self.round_type.key,
            "verdict": None if self.verdict is None else self.verdict.value,
            "rounds": [
                {
                    "number": c.round.number,
                    "date": c.round.day.isoformat(),
                    "cutoff": c.round.cutoff,
                    "tie_break": None
                    if c.round.tie_break is None
                    else c.round.tie_break.isoformat(),
                    "clearance": c.clearance.value,
                    "in_pool": c.in_pool,
                    "before_submission": c.before_submission,
                    "expired_on": None if c.expired_on is None else c.expired_on.isoformat(),
                }
                for c in self.checks
            ],
            "rounds_in_pool": self.in_pool,
            "out_of_pool": self.out_of_pool,
            "cleared": self.cleared,
            "above": self.above,
            "at_cutoff": self.at_cutoff,
            "ties_won": self.ties_won,
            "ties_lost": self.ties_lost,
            "ties_open": self.ties_open,
            "invited": self.invited,
            "rounds_of_type": self.history,
            "estimate": self.estimate,
            "interval": None if self.interval is None else list(self.interval),
            "next_day": None if self.next_day is None else self.next_day.isoformat(),
            "chance": None if self.chance is None else round(self.chance, 4),
            "tie_chance": round(self.tie_chance, 4),
            "baseline": self.baseline,
            "backtest": None
            if b is None
            else {
                "rounds": b.rounds,
                "estimate_mae": round(b.estimate_mae, 2),
                "baseline_mae": round(b.baseline_mae, 2),
                "better_than_baseline": b.better_than_baseline,
                "verdict": b.verdict,
            },
        }

    def to_record(self) -> dict[str, Any]:
        """The line as one flat row (see :meth:`Outlook.to_records`)."""
        low, high = (None, None) if self.interval is None else self.interval
        return {
            "round_type": self.round_type.key,
            "label": self.round_type.label,
            "verdict": None if self.verdict is None else self.verdict.value,
            "score": self.score,
            "rounds": len(self.checks),
            "rounds_in_pool": self.in_pool,
            "out_of_pool": self.out_of_pool,
            "cleared": self.cleared,
            "at_cutoff": self.at_cutoff,
            "ties_won": self.ties_won,
            "ties_lost": self.ties_lost,
            "ties_open": self.ties_open,
            "invited": self.invited,
            "last_round": None if self.last_round is None else self.last_round.day,
            "last_cutoff": None if self.last_round is None else self.last_round.cutoff,
            "estimate": self.estimate,
            "interval_low": low,
            "interval_high": high,
            "next_day": self.next_day,
            "chance": self.chance,
            "baseline": self.baseline,
        }

    def __repr__(self) -> str:
        estimate = "no estimate" if self.estimate is None else f"estimate {self.estimate:g}"
        out = f", {self.out_of_pool} out of the pool" if self.out_of_pool else ""
        return (
            f"OutlookLine({self.round_type.key}: cleared {self.cleared} of {self.in_pool}{out}, "
            f"ties {self.ties_won} won {self.ties_lost} lost {self.ties_open} not judged, "
            f"{estimate})"
        )


@frozen(repr=False)
class Outlook:
    """A candidate's outlook on a day: score, round types, past rounds, estimates.

    Attributes:
        as_of: The day.
        breakdown: The CRS score on the day, line by line.
        eligibility: Program and category eligibility on the day.
        last: How many of the latest rounds of each type were compared.
        lines: One per round type the candidate could be invited in: general,
            PNP, programs (FSW, CEC, FST), then categories.
        unjudged: One per category expressentry has no list of (a category IRCC
            added after this release, :attr:`RoundType.known
            <expressentry.draws.cutoffs.RoundType.known>` false) with a round
            before the day: whether the candidate is eligible for it cannot be
            judged, so its rounds are compared as if it were (``verdict``
            ``None``), apart from :attr:`lines`.
        submitted_on: The profile's submission day (UTC), or ``None`` when the
            profile gives none.
        pool_exit: The first day the profile is out of the pool (12 months after
            ``submitted_on``), or ``None``.
        rules_reviewed_on: Last day the rule tables were checked against their
            sources (:attr:`caveats` speaks when ``as_of`` is after it).
    """

    JSON_FORMAT: ClassVar[str] = FORMATS["outlook"]
    """The ``format`` its JSON form carries (``expressentry schema outlook``)."""

    as_of: date
    breakdown: CrsBreakdown
    eligibility: EligibilityReport
    last: int
    lines: tuple[OutlookLine, ...]
    submitted_on: date | None = None
    pool_exit: date | None = None
    rules_reviewed_on: date = LAST_REVIEWED
    unjudged: tuple[OutlookLine, ...] = ()

    @property
    def in_pool(self) -> bool | None:
        """Whether the profile is in the pool on :attr:`as_of` (``None``: no submission day)."""
        return None if self.submitted_on is None else in_pool_on(self.submitted_on, self.as_of)

    def _pool_words(self) -> Message:
        if self.submitted_on is None:
            return tr(
                "The profile gives no submission day (profile_submitted), so whether it was in "
                "the pool on a round's day cannot be known: every round is compared as if it was."
            )
        sub, leaves = self.submitted_on, day_or_unknown(self.pool_exit)
        span = tr(
            "submitted on {submitted}, it is in the pool up to the day before {leaves} (12 months)",
            submitted=sub,
            leaves=leaves,
        )
        if self.in_pool:
            return tr("The profile is in the pool on {day}: {span}.", day=self.as_of, span=span)
        if self.as_of < self.submitted_on:
            return tr("The profile is not in the pool on {day}: {span}.", day=self.as_of, span=span)
        return tr(
            "The profile is not in the pool on {day}: it expired on {leaves}, 12 months after "
            "it was submitted on {submitted}; no round from that day can invite it (a new "
            "profile is needed).",
            day=self.as_of,
            leaves=leaves,
            submitted=sub,
        )

    @property
    def caveats(self) -> tuple[str, ...]:
        """What to bear in mind: the rules' review day, when ``as_of`` is after it.

        Printed by :meth:`explain` and written in the JSON form.
        """
        return review_caveats(self.as_of, self.rules_reviewed_on)

    @property
    def score(self) -> int:
        """The CRS score on the day."""
        return self.breakdown.total

    def line(self, round_type: RoundType) -> OutlookLine | None:
        """The line of a type (of :attr:`lines` or :attr:`unjudged`).

        ``None`` when the candidate is not eligible for it, or it is a category
        expressentry has no list of with no round before the day.
        """
        for ln in (*self.lines, *self.unjudged):
            if ln.round_type == round_type:
                return ln
        return None

    def explain(self, lang: str = "en") -> str:
        """The outlook in plain words, type by type, in ``lang`` (``"en"`` or ``"fr"``).

        Raises:
            InvalidInputError: ``lang`` is not a language messages are written in.
        """
        lang = check_lang(lang, "Outlook.explain")
        edition = edition_of(self.breakdown.edition)
        head = [
            tr(
                "Outlook on {day}: CRS score {score} ({edition})",
                day=self.as_of,
                score=self.score,
                edition=self.breakdown.edition if edition is None else edition,
            ),
            trn(
                "Compared with the last {last} round of each type before {day}. The score "
                "is the one on {day}; on each round's own day it may have differed.",
                "Compared with the last {last} rounds of each type before {day}. The score "
                "is the one on {day}; on each round's own day it may have differed.",
                self.last,
                last=self.last,
                day=self.as_of,
            ),
            tr(
                "A score equal to a cut-off was invited only if the profile was submitted by the "
                "round's tie-break time: those rounds (ties) are counted apart, won, lost or not "
                "judged, and not as cleared."
            ),
            self._pool_words(),
            tr(
                "A round held on a day the profile was not in the pool could not invite it, "
                "whatever the score."
            ),
        ]
        out = [m.render(lang) for m in head]
        out.append("")
        if not self.lines:
            none = tr(
                "Not eligible for any program on this day, so no round type could invite "
                "this profile (see the eligibility report)."
            )
            out.append(none.render(lang))
        out.extend(ln.explain(lang) for ln in self.lines)
        if self.unjudged:
            unjudged = tr(
                "Round types whose eligibility expressentry cannot judge (categories it has "
                "no list of, added by IRCC after this release): the profile may or may not "
                "be eligible; its score is compared with their rounds all the same."
            )
            out.append(unjudged.render(lang))
            out.extend(ln.explain(lang) for ln in self.unjudged)
        out.extend(
            tr("Note: {caveat}", caveat=m).render(lang)
            for m in review_messages(self.as_of, self.rules_reviewed_on)
        )
        return "\n".join(out)

    def as_dict(self) -> dict[str, Any]:
        """The outlook as plain JSON values."""
        return {
            "format": self.JSON_FORMAT,
            "as_of": self.as_of.isoformat(),
            "score": self.score,
            "last": self.last,
            "submitted_on": None if self.submitted_on is None else self.submitted_on.isoformat(),
            "pool_exit": None if self.pool_exit is None else self.pool_exit.isoformat(),
            "in_pool": self.in_pool,
            "lines": [ln.as_dict() for ln in self.lines],
            "unjudged": [ln.as_dict() for ln in self.unjudged],
            "rules_reviewed_on": self.rules_reviewed_on.isoformat(),
            "caveats": list(self.caveats),
        }

    def to_records(self) -> list[dict[str, Any]]:
        """One flat row per round type: :attr:`lines`, then :attr:`unjudged`.

        Columns: ``as_of``, ``judged`` (``False`` on an unjudged type's row),
        ``round_type`` (its key), ``label``, ``verdict`` (``None`` when not
        judged), ``score``, ``rounds`` (compared), ``rounds_in_pool``,
        ``out_of_pool``, ``cleared``, ``at_cutoff``, ``ties_won``, ``ties_lost``,
        ``ties_open``, ``invited``, ``last_round`` (its day) and ``last_cutoff``,
        ``estimate``, ``interval_low`` and ``interval_high`` (the 80 % interval),
        ``next_day``, ``chance`` and ``baseline`` (``None`` where there is none).
        """
        return [
            {"as_of": self.as_of, "judged": judged, **ln.to_record()}
            for judged, lines in ((True, self.lines), (False, self.unjudged))
            for ln in lines
        ]

    def _repr_html_(self) -> str:
        """The outlook as an HTML table for notebooks: one row per round type."""

        def row(ln: OutlookLine, judged: bool) -> list[object]:
            interval = (
                None if ln.interval is None else f"{ln.interval[0]:.0f} to {ln.interval[1]:.0f}"
            )
            chance = None if ln.chance is None else _percent(ln.chance)
            return [
                ln.round_type.label if judged else f"{ln.round_type.label} (not judged)",
                None if ln.estimate is None else f"{ln.estimate:.0f}",
                interval,
                chance if judged else "not judged",
                f"{ln.invited} of the last {len(ln.checks)} "
                f"({ln.in_pool} held while the profile was in the pool)",
            ]

        rows = [row(ln, True) for ln in self.lines] + [row(ln, False) for ln in self.unjudged]
        return fragment(
            f"Outlook on {self.as_of.isoformat()}: CRS score {self.score}",
            table(
                ["Round type", "Estimate", "80 % interval", "Chance", "Past rounds that invited"],
                rows,
                css="outlook",
                numeric={1},
            ),
            notes=[str(self._pool_words()), *self.caveats],
        )

    def __repr__(self) -> str:
        parts = ", ".join(
            f"{ln.round_type.key} {ln.cleared}/{ln.in_pool}"
            + (
                f" +ties {ln.ties_won} won {ln.ties_lost} lost {ln.ties_open} not judged"
                if ln.at_cutoff
                else ""
            )
            + (f" ({ln.out_of_pool} out of the pool)" if ln.out_of_pool else "")
            for ln in self.lines
        )
        unjudged = ", ".join(f"{ln.round_type.key} not judged" for ln in self.unjudged)
        parts = ", ".join(p for p in (parts, unjudged) if p)
        return f"Outlook({self.score} on {self.as_of.isoformat()}: {parts or 'no round type'})"


def round_types(flags: EligibilityFlags, nominee: bool) -> list[tuple[RoundType, Verdict]]:
    """The round types a candidate with ``flags`` could be invited in, with their verdict.

    General rounds (and PNP rounds for a nominee) with the best verdict of any
    program, each program, and each category, not eligible ones left out.
    """
    programs = [(p, v) for p, v in flags.programs if v is not Verdict.NOT_ELIGIBLE]
    out: list[tuple[RoundType, Verdict]] = []
    if programs:
        best = (
            Verdict.ELIGIBLE
            if any(v is Verdict.ELIGIBLE for _, v in programs)
            else Verdict.ELIGIBLE_IF
        )
        out.append((RoundType(RoundKind.GENERAL), best))
        if nominee:
            out.append((RoundType(RoundKind.PNP), best))
    out.extend((RoundType(RoundKind.PROGRAM, program=p), v) for p, v in programs)
    out.extend(
        (RoundType(RoundKind.CATEGORY, category=c), v)
        for c, v in flags.categories
        if v is not Verdict.NOT_ELIGIBLE
    )
    return out


def chance_of(found: Estimate, crs: int, tie: float, submitted_on: date | None) -> float | None:
    """The estimate's chance of ``crs``; none when the profile is out of the pool that day."""
    if submitted_on is not None and not in_pool_on(submitted_on, found.day):
        return None if found.chance(crs, tie=tie) is None else 0.0
    return found.chance(crs, tie=tie)


def outlook(
    candidate: Candidate,
    *,
    as_of: date | None = None,
    last: int = DEFAULT_LAST,
    history: Iterable[Round] | None = None,
    rules: RuleSet | None = None,
) -> Outlook:
    """The outlook of ``candidate`` on ``as_of``: score, round types, past rounds, estimates.

    The round types are those the candidate could be invited in on the day:
    general rounds and each program it is eligible for (or eligible if something
    is confirmed); PNP rounds if it holds a provincial nomination (a nominee, too,
    must be eligible for a program to be in the pool); each category in force it
    is eligible for; and, apart (:attr:`Outlook.unjudged`), each category
    expressentry has no list of with a round before the day, whose eligibility it
    cannot judge. For each, the score is compared with the last ``last``
    rounds of the type held before the day, and the next cut-off is estimated
    from every round of the type before the day, with the backtest of the type
    over those same rounds (nothing after the day is used).

    Args:
        candidate: The profile.
        as_of: The day; ``None`` means today.
        last: How many of the latest rounds of each type to compare with.
        history: The rounds (default: the shipped :func:`~expressentry.draws.history.rounds`).
        rules: The rule set to score and assess the profile with (default: the
            rules in force on the day; a reform's
            :class:`~expressentry.rules.RuleSet`).

    Raises:
        InvalidInputError: ``last`` is not a whole number of at least 1, ``as_of``
            is not a date, ``history`` is not an iterable of rounds oldest first,
            or the profile is invalid on the day.
        RulesNotInForceError: ``as_of`` is before the first rules known.
    """
    day = resolve(as_of, where="outlook")
    if type(last) is not int or last < 1:
        raise InvalidInputError(
            "outlook", [FieldProblem("last", last, tr("must be a whole number of at least 1"))]
        )
    if rules is not None and not isinstance(rules, RuleSet):
        raise InvalidInputError(
            "outlook", [FieldProblem("rules", rules, tr("must be a RuleSet or None"))]
        )
    breakdown = score(candidate, as_of=day, rules=rules)
    report = assess(candidate, as_of=day, rules=rules)
    before = tuple(r for r in history_in_date_order(history, "outlook") if r.day < day)
    tested = backtest(before)
    forecaster = Forecaster(before)
    submitted_on = candidate.submitted_day
    pool_exit = None if submitted_on is None else profile_exit(submitted_on, rules=rules)
    unknown = [round_type_of(r) for r in before if r.unknown_category is not None]
    judged = round_types(report.flags, candidate.provincial_nomination)
    unjudged: list[tuple[RoundType, Verdict | None]] = [(k, None) for k in dict.fromkeys(unknown)]
    lines = []
    for kind, verdict in [*judged, *unjudged]:
        of_type = [r for r in before if round_type_of(r) == kind]
        cutoffs = [r.cutoff for r in of_type]
        submitted = candidate.profile_submitted
        ties = tie_chance(submitted, (r.tie_break for r in of_type[-last:]))
        found = None
        if forecaster.knows(kind.key):
            found = forecaster.estimate(kind.key, forecaster.next_day(kind.key, day))
        lines.append(
            OutlookLine(
                round_type=kind,
                verdict=verdict,
                score=breakdown.total,
                as_of=day,
                last=last,
                history=len(of_type),
                checks=tuple(check_round(r, breakdown.total, submitted) for r in of_type[-last:]),
                estimate=None if found is None else found.value,
                baseline=cutoffs[-1] if cutoffs else None,
                backtest=tested.row(kind),
                submitted_on=submitted_on,
                pool_exit=pool_exit,
                interval=None
                if found is None or found.low is None or found.high is None
                else (found.low, found.high),
                chance=None
                if found is None
                else chance_of(found, breakdown.total, ties, submitted_on),
                tie_chance=ties,
                next_day=None if found is None else found.day,
            )
        )
    return Outlook(
        as_of=day,
        breakdown=breakdown,
        eligibility=report,
        last=last,
        lines=tuple(lines[: len(judged)]),
        unjudged=tuple(lines[len(judged) :]),
        submitted_on=submitted_on,
        pool_exit=pool_exit,
        rules_reviewed_on=breakdown.rules_reviewed_on,
    )
