"""Replaying a published round on a synthetic pool built from IRCC's own distribution.

IRCC publishes with most rounds since #214 (2022-01-19) how many profiles the
whole pool held in each CRS band a few days before. :func:`replay` builds a pool
with exactly those counts (scores uniform inside each band, submission times
uniform over the days a profile can have been submitted and still be in the pool
on the round's day, a fixed seed), runs the round's size on the profiles in the
pool that day (:func:`~expressentry.timelines.validity.in_pool_on`, the rule of a round's
selection and of the outlook) with
:func:`~expressentry.draws.ranking.top_ranked`, and says in which
band the cut-off lands: the band IRCC's distribution implies (counting bands from
the top until the round's size is reached), and whether that is the band of the
cut-off IRCC actually published.

Only rounds that rank the whole pool can be checked this way. IRCC's distribution
counts every profile; a PNP, program or category round ranks only the candidates
eligible for it, whom the distribution does not show.
:meth:`ReplayReport.explain` reports each kind of round apart, with what its share
means.

>>> from expressentry.draws.history import rounds
>>> r = {r.number: r for r in rounds()}["437"]
>>> replay(r)
RoundReplay(#437 french, 5,000 of 226,859: cut-off 576 in 501-600; IRCC 382 in 351-400)

Run ``expressentry replay`` for every round's figures.
"""

from __future__ import annotations

import random
import textwrap
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Final

from attrs import frozen

from expressentry._checks import require
from expressentry.errors import MISSING, FieldProblem, InvalidInputError
from expressentry.rules._timeline import LAST_REVIEWED, review_caveats
from expressentry.rules.dates import JOB_OFFER_POINTS_REMOVED

from .history import history_of
from .pool import pool_seconds
from .ranking import top_ranked
from .records import POOL_BANDS, CrsBand, PoolDistribution, Round, RoundKind
from .ties import tie_break_of

__all__ = [
    "NOMINEE_BAND_TOLERANCE",
    "NO_DISTRIBUTION",
    "REPLAY_SEED",
    "KindSummary",
    "ReplayReport",
    "RoundReplay",
    "replay",
    "replay_all",
    "replay_bands",
    "synthetic_keys",
]

REPLAY_SEED: Final = 2026
"""The seed of every synthetic pool (mixed with the round's number, so each round
has its own pool and every run gives the same figures)."""

NOMINEE_BAND_TOLERANCE: Final = 0.1
"""A PNP round's size matches IRCC's 601-1200 band when it is within 10 % of it.

A nomination adds 600 points, so the band counts the nominees in the pool a few
days before the round, and a PNP round invites nearly all of them. Since
job-offer points ended (:data:`~expressentry.rules.dates.JOB_OFFER_POINTS_REMOVED`)
the band has matched the next PNP round's size within a few per cent; before, it
also held candidates with 50 or 200 job-offer points, so a round invited fewer
than the band held. Nominations made after the snapshot can make a round larger
than the band (#350: 125 invited, 102 in the band)."""

_PARENT_SPLITS: Final = ((2, (3, 4, 5, 6, 7)), (8, (9, 10, 11, 12, 13)))

_WHY: Final = {
    RoundKind.GENERAL: (
        "rank every candidate eligible for a program: the population IRCC's distribution "
        "counts, so the replay checks the selection against IRCC's own figures."
    ),
    RoundKind.PNP: (
        "rank provincial nominees only. A nomination adds 600 points, so the 601-1200 band "
        "is about the nominees; the replay, ranking the whole pool, lands in IRCC's band "
        "when the round is no larger than that band."
    ),
    RoundKind.PROGRAM: (
        "rank one program's candidates only (CEC, FSW or FST), a subset the distribution "
        "does not show; nominees and candidates of other programs rank above them in the "
        "replay but not in the round, so a hit says the program's cut-off was near the "
        "whole pool's, not that the selection is right."
    ),
    RoundKind.CATEGORY: (
        "rank only candidates eligible for the category (French, healthcare, trades...), "
        "a subset the distribution does not show. The replay says where the round's size "
        "would cut the whole pool, not the category's cut-off: a miss measures how far a "
        "category reaches below the general ranking, not an error of the selection."
    ),
}


def replay_bands(distribution: PoolDistribution) -> tuple[tuple[CrsBand, int], ...] | None:
    """The finest split of the pool the distribution publishes, highest band first.

    451-500 and 401-450 are split into their five 10-point bands where all five
    are published, else kept whole (#226 lacks some). Where a parent and its
    sub-bands disagree (#247), the sub-bands are used. ``None`` when a band that
    splits the pool once has no count at all.
    """
    counts = distribution.counts
    out: list[tuple[CrsBand, int]] = []
    split = dict(_PARENT_SPLITS)
    for i in (0, 1, 2, 8, 14, 15, 16):
        children = split.get(i, ())
        parts = [counts[k] for k in children]
        if children and None not in parts:
            out.extend((POOL_BANDS[k], c) for k, c in zip(children, parts, strict=True) if c)
            continue
        whole = counts[i]
        if whole is None:
            return None
        if whole:
            out.append((POOL_BANDS[i], whole))
    return tuple(out)


def synthetic_keys(
    bands: Sequence[tuple[CrsBand, int]],
    *,
    before: datetime,
    seed: str | int,
    day: date | None = None,
) -> tuple[list[int], list[int]]:
    """A synthetic pool's keys: exactly ``count`` scores per band, and submission seconds.

    Scores are uniform whole numbers inside each band; submission times are whole
    seconds since 1970-01-01 UTC, uniform over the seconds before ``before`` of
    the days a profile in the pool on ``day`` can have been submitted
    (:func:`~expressentry.draws.pool.pool_seconds`: 12 months of days up to
    ``day``), so every synthetic profile is in the pool on ``day``. ``day``
    defaults to ``before``'s UTC day. The same seed gives the same keys.

    Raises:
        InvalidInputError: ``day`` is not a date, or ``before`` is earlier than
            the first second a profile in the pool on ``day`` can have been
            submitted (no submission time is possible).
    """
    end = int(before.timestamp())
    low, high = pool_seconds(before.astimezone(UTC).date() if day is None else day)
    last = min(end, high)  # exclusive
    if last <= low:
        raise InvalidInputError(
            "synthetic_keys",
            [
                FieldProblem(
                    "before",
                    before,
                    f"must be later than {datetime.fromtimestamp(low, UTC).isoformat()}, the "
                    f"first submission time still in the pool on {day}",
                )
            ],
        )
    rng = random.Random(seed)  # noqa: S311 (a reproducible simulation, not a secret)
    scores: list[int] = []
    for band, count in bands:
        scores.extend(rng.choices(range(band.low, band.high + 1), k=count))
    submitted = [last - s for s in rng.choices(range(1, last - low + 1), k=len(scores))]
    return scores, submitted


def _band_of(bands: Sequence[tuple[CrsBand, int]], crs: int) -> CrsBand | None:
    return next((b for b, _ in bands if crs in b), None)


def _implied(bands: Sequence[tuple[CrsBand, int]], size: int) -> CrsBand:
    """Counting bands from the top, the one where the round's ``size``-th candidate falls."""
    seen = 0
    for band, count in bands:
        seen += count
        if seen >= size:
            return band
    return bands[-1][0]  # a round larger than the pool invites everyone


@frozen(kw_only=True, repr=False)
class RoundReplay:
    """One round replayed on its synthetic pool.

    Attributes:
        round: The published round.
        pool_size: Profiles in the synthetic pool (the bands' counts added up).
        cutoff: The replay's cut-off: the CRS of its lowest-ranked invited.
        tie_break: That candidate's (synthetic) submission time, UTC, to the
            second as IRCC reports it (:func:`~expressentry.draws.ties.tie_break_of`;
            the synthetic times are whole seconds).
        band: The band of the replay's cut-off.
        implied_band: The band IRCC's distribution implies for the round's size.
        ircc_band: The band of IRCC's published cut-off.
        rules_reviewed_on: Last day the rule tables were checked against their
            sources (:attr:`caveats` speaks when the round's day is after it).
    """

    round: Round
    pool_size: int
    cutoff: int
    tie_break: datetime
    band: CrsBand
    implied_band: CrsBand
    ircc_band: CrsBand
    rules_reviewed_on: date = LAST_REVIEWED

    @property
    def caveats(self) -> tuple[str, ...]:
        """What to bear in mind: the rules' review day, when the round's day is after it.

        Written in the JSON form (the replay has no text of its own).
        """
        return review_caveats(self.round.day, self.rules_reviewed_on)

    @property
    def in_implied_band(self) -> bool:
        """Whether the cut-off lands in the band the distribution implies."""
        return self.band == self.implied_band

    @property
    def in_ircc_band(self) -> bool:
        """Whether the cut-off lands in the band of IRCC's published cut-off."""
        return self.band == self.ircc_band

    @property
    def error(self) -> int:
        """The replay's cut-off minus IRCC's, in CRS points (positive: the replay is high).

        A measure of the replay for a general round, which ranks the population the
        distribution counts; for another kind it says how far the round's own
        ranking reaches from the whole pool's.
        """
        return self.cutoff - self.round.cutoff

    @property
    def nominee_band(self) -> int | None:
        """IRCC's count of profiles above 600 (the 601-1200 band), ``None`` if unpublished."""
        distribution = self.round.distribution
        return None if distribution is None else distribution.counts[0]

    @property
    def nominee_ratio(self) -> float | None:
        """The round's invitations over :attr:`nominee_band` (``None`` when it is 0 or unknown).

        For a PNP round, about 1 when the round invited the nominees the band counts.
        """
        band = self.nominee_band
        return self.round.invitations / band if band else None

    @property
    def matches_nominee_band(self) -> bool | None:
        """Whether a PNP round's size is within :data:`NOMINEE_BAND_TOLERANCE` of the band.

        ``None`` for a round of another kind, or without the band.
        """
        ratio = self.nominee_ratio
        if self.round.kind is not RoundKind.PNP or ratio is None:
            return None
        return abs(ratio - 1) <= NOMINEE_BAND_TOLERANCE

    def __repr__(self) -> str:
        r = self.round
        return (
            f"RoundReplay(#{r.number} {r.round_type}, {r.invitations:,} of "
            f"{self.pool_size:,}: cut-off {self.cutoff} in {self.band.label}; "
            f"IRCC {r.cutoff} in {self.ircc_band.label})"
        )


def replay(round: Round, *, seed: int = REPLAY_SEED) -> RoundReplay:
    """Replay ``round`` on a synthetic pool built from its published distribution.

    Raises:
        InvalidInputError: the round has no distribution, or one whose bands
            cannot make a pool (a band that splits the pool once is unpublished),
            or ``round`` is not a :class:`~expressentry.draws.records.Round`.
    """
    round = require(round, Round, "round", "replay")
    where = f"round #{round.number}"
    if round.distribution is None:
        raise InvalidInputError(
            "replay",
            [
                FieldProblem(
                    "distribution",
                    MISSING,
                    f"{where}: {NO_DISTRIBUTION.format(it='it')}",
                )
            ],
        )
    bands = replay_bands(round.distribution)
    if not bands:
        raise InvalidInputError(
            "replay",
            [
                FieldProblem(
                    "distribution",
                    round.distribution.counts,
                    f"{where}: a band of the pool was not published, so no pool can be built",
                )
            ],
        )
    implied = _implied(bands, round.invitations)
    reach = next(i for i, (b, _) in enumerate(bands) if b == implied) + 1
    # Only the bands down to the implied one can hold an invited profile: those above
    # it hold fewer than the round's size, and it holds the rest. A profile of a lower
    # band ranks below every one of them, so it is never drawn (the same pool, cut
    # where no invitation can reach; every synthetic profile is in the pool that
    # day: synthetic_keys draws its time there).
    scores, submitted = synthetic_keys(
        bands[:reach], before=round.held_at, seed=f"{seed}:{round.number}", day=round.day
    )
    last = top_ranked(scores, submitted, round.invitations)[-1]
    cutoff = scores[last]
    band = _band_of(bands, cutoff)
    ircc = _band_of(bands, round.cutoff) or next(b for b in POOL_BANDS if round.cutoff in b)
    if band is None:  # pragma: no cover  (every synthetic score is inside a band)
        raise AssertionError(cutoff)
    return RoundReplay(
        round=round,
        pool_size=sum(c for _, c in bands),
        cutoff=cutoff,
        tie_break=tie_break_of(datetime.fromtimestamp(submitted[last], tz=UTC)),
        band=band,
        implied_band=implied,
        ircc_band=ircc,
    )


@frozen(kw_only=True)
class KindSummary:
    """The replays of one kind of round: how many land in IRCC's cut-off band.

    Attributes:
        kind: General, PNP, program or category rounds.
        rounds: Rounds replayed.
        in_ircc_band: Those whose replayed cut-off lands in the band of IRCC's cut-off.
        in_implied_band: Those whose replayed cut-off lands in the band the
            distribution implies (all of them, unless the selection is wrong).
        why: What the share means for this kind of round.
    """

    kind: RoundKind
    rounds: int
    in_ircc_band: int
    in_implied_band: int
    why: str

    @property
    def share(self) -> float:
        """``in_ircc_band / rounds`` (0 when no round)."""
        return self.in_ircc_band / self.rounds if self.rounds else 0.0


@frozen(kw_only=True, repr=False)
class ReplayReport:
    """Every round with a distribution, replayed; the rounds that could not be.

    Attributes:
        replays: One per round replayed, oldest first.
        skipped: ``(round number, reason)`` of each round with a distribution
            that could not be replayed.
        rules_reviewed_on: Last day the rule tables were checked against their
            sources (:attr:`caveats` speaks when the last round replayed is
            after it).
        undistributed: The numbers of the rounds of the history for which IRCC
            published no pool distribution, so none could be replayed (rounds #1
            to #213 of the shipped history).
        seed: The seed the synthetic pools were built with.
    """

    replays: tuple[RoundReplay, ...]
    skipped: tuple[tuple[str, str], ...]
    rules_reviewed_on: date = LAST_REVIEWED
    undistributed: tuple[str, ...] = ()
    seed: int = REPLAY_SEED

    @property
    def caveats(self) -> tuple[str, ...]:
        """What to bear in mind: the rules' review day, when the last round replayed is after it.

        Printed by :meth:`explain` and written in the JSON form.
        """
        if not self.replays:
            return ()
        return review_caveats(max(r.round.day for r in self.replays), self.rules_reviewed_on)

    def summary(self) -> tuple[KindSummary, ...]:
        """One line per kind of round (general, PNP, program, category)."""
        out = []
        for kind in (RoundKind.GENERAL, RoundKind.PNP, RoundKind.PROGRAM, RoundKind.CATEGORY):
            these = [r for r in self.replays if r.round.kind is kind]
            out.append(
                KindSummary(
                    kind=kind,
                    rounds=len(these),
                    in_ircc_band=sum(r.in_ircc_band for r in these),
                    in_implied_band=sum(r.in_implied_band for r in these),
                    why=_WHY[kind],
                )
            )
        return tuple(out)

    def __repr__(self) -> str:
        shares = ", ".join(f"{s.kind.value} {s.in_ircc_band}/{s.rounds}" for s in self.summary())
        return (
            f"ReplayReport({len(self.replays)} rounds replayed, {len(self.skipped)} skipped; "
            f"in IRCC's band: {shares})"
        )

    def general_errors(self) -> tuple[tuple[str, int], ...]:
        """``(round number, error)`` of each general round replayed, in CRS points.

        The error is :attr:`RoundReplay.error`: the replay's cut-off minus IRCC's.
        """
        return tuple(
            (r.round.number, r.error) for r in self.replays if r.round.kind is RoundKind.GENERAL
        )

    @property
    def general_mae(self) -> float | None:
        """The mean absolute error of the general rounds replayed (``None`` when none)."""
        errors = [abs(e) for _, e in self.general_errors()]
        return sum(errors) / len(errors) if errors else None

    @property
    def general_bias(self) -> float | None:
        """The mean error (signed) of the general rounds replayed (``None`` when none)."""
        errors = [e for _, e in self.general_errors()]
        return sum(errors) / len(errors) if errors else None

    def nominee_checks(self) -> tuple[tuple[int, int], tuple[int, int]]:
        """PNP rounds whose size matches the 601-1200 band: ``((matched, rounds), ...)``.

        The first pair for rounds before job-offer points ended
        (:data:`~expressentry.rules.dates.JOB_OFFER_POINTS_REMOVED`), the second
        for rounds from that day (:attr:`RoundReplay.matches_nominee_band`).
        """
        before, since = [0, 0], [0, 0]
        for r in self.replays:
            match = r.matches_nominee_band
            if match is None:
                continue
            pair = since if r.round.day >= JOB_OFFER_POINTS_REMOVED else before
            pair[0] += match
            pair[1] += 1
        return (before[0], before[1]), (since[0], since[1])

    def by_round_type(self) -> dict[str, tuple[int, int]]:
        """``{round_type: (rounds, landed in IRCC's band)}``.

        Keyed by :attr:`~expressentry.draws.records.Round.round_type`.
        """
        out: dict[str, tuple[int, int]] = {}
        for r in self.replays:
            n, hit = out.get(r.round.round_type, (0, 0))
            out[r.round.round_type] = (n + 1, hit + r.in_ircc_band)
        return out

    def explain(self, *, rounds: bool = False) -> str:
        """The figures in words: per kind, per round type, and (``rounds=True``) per round."""
        plural = "" if len(self.replays) == 1 else "s"
        lines = [
            f"Replayed {len(self.replays)} round{plural} on synthetic pools built from IRCC's "
            f"distributions (seed {self.seed}).",
            "",
            f"{'kind':<10}{'rounds':>7}{'in IRCC band':>14}{'share':>8}{'in implied band':>17}",
        ]
        for s in self.summary():
            lines.append(
                f"{s.kind.value:<10}{s.rounds:>7}{s.in_ircc_band:>14}{s.share:>8.0%}"
                f"{s.in_implied_band:>17}"
            )
        lines.extend(self._points())
        lines.append("")
        lines.append(
            "By round type: "
            + ", ".join(f"{t} {hit}/{n}" for t, (n, hit) in sorted(self.by_round_type().items()))
        )
        lines.append("")
        lines.append("What the shares mean:")
        for s in self.summary():
            lines.extend(
                textwrap.wrap(f"- {s.kind.value} rounds {s.why}", width=88, subsequent_indent="  ")
            )
        if self.skipped or self.undistributed:
            lines.append("")
        lines.extend(f"Not replayed: #{n}: {why}" for n, why in self.skipped)
        if self.undistributed:
            lines.append(f"Not replayed: {_undistributed(self.undistributed)}")
        if rounds:
            lines.append("")
            lines.append(
                f"{'round':<7}{'day':<12}{'type':<28}{'size':>7}{'pool':>9}"
                f"{'replay':>8}{'IRCC':>6}{'error':>7}  band / IRCC band"
            )
            for r in self.replays:
                rd = r.round
                mark = "" if r.in_ircc_band else "  (miss)"
                if r.matches_nominee_band is not None:
                    mark += f"  (size {r.nominee_ratio:.0%} of the 601-1200 band)"
                lines.append(
                    f"{rd.number:<7}{rd.day.isoformat():<12}{rd.round_type:<28}"
                    f"{rd.invitations:>7,}{r.pool_size:>9,}{r.cutoff:>8}{rd.cutoff:>6}"
                    f"{r.error:>+7}  {r.band.label} / {r.ircc_band.label}{mark}"
                )
        lines.extend(f"Note: {c}" for c in self.caveats)
        return "\n".join(lines)

    def _points(self) -> list[str]:
        """The general rounds' errors in points, and the PNP rounds against the 601-1200 band."""
        lines = []
        errors = self.general_errors()
        if errors:
            lines.append("")
            words = (
                f"General rounds in CRS points (the replay's cut-off minus IRCC's): mean "
                f"absolute error {self.general_mae:.1f}, mean {self.general_bias:+.1f} over "
                f"{len(errors)} round{'' if len(errors) == 1 else 's'}; by round: "
                + ", ".join(f"#{n} {e:+d}" for n, e in errors)
            )
            lines.extend(textwrap.wrap(words, width=88, subsequent_indent="  "))
        (hit_before, before), (hit_since, since) = self.nominee_checks()
        if before or since:
            lines.append("")
            cut = JOB_OFFER_POINTS_REMOVED.isoformat()
            words = (
                f"PNP rounds against IRCC's 601-1200 band (the nominees, a few days before): "
                f"the round's size within {NOMINEE_BAND_TOLERANCE:.0%} of the band in "
                f"{hit_since} of {since} round{'' if since == 1 else 's'} from {cut} (no "
                "job-offer points: the band is "
                f"the nominees), in {hit_before} of {before} before (the band also held "
                "candidates with job-offer points)."
            )
            lines.extend(textwrap.wrap(words, width=88, subsequent_indent="  "))
        return lines


def _undistributed(numbers: tuple[str, ...]) -> str:
    """The rounds with no distribution, in words: a few by number, many by count."""
    if len(numbers) == 1:
        return f"#{numbers[0]}: {NO_DISTRIBUTION.format(it='it')}"
    if len(numbers) <= 5:
        shown = ", ".join(f"#{n}" for n in numbers)
        return f"{shown}: {NO_DISTRIBUTION.format(it='them')}"
    return (
        f"{len(numbers):,} rounds (the first #{numbers[0]}, the last #{numbers[-1]}): "
        f"{NO_DISTRIBUTION.format(it='them')}"
    )


NO_DISTRIBUTION = "IRCC published no pool distribution for {it}, so no pool can be built"
"""Why a round with no distribution is not replayed (``it`` is "it" or "them")."""


def replay_all(history: Iterable[Round] | None = None, *, seed: int = REPLAY_SEED) -> ReplayReport:
    """Replay every round of ``history`` that has a pool distribution.

    ``history`` defaults to the shipped rounds (:func:`~expressentry.draws.history.rounds`).
    The report names the rounds that could not be replayed, and why.

    Raises:
        InvalidInputError: ``history`` is not an iterable of rounds.
    """
    done: list[RoundReplay] = []
    skipped: list[tuple[str, str]] = []
    undistributed: list[str] = []
    for r in history_of(history, "replay_all"):
        if r.distribution is None:
            undistributed.append(r.number)
            continue
        try:
            done.append(replay(r, seed=seed))
        except InvalidInputError as exc:
            skipped.append((r.number, exc.problems[0].message.removeprefix(f"round #{r.number}: ")))
    return ReplayReport(
        replays=tuple(done),
        skipped=tuple(skipped),
        undistributed=tuple(undistributed),
        seed=seed,
    )
