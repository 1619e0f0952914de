"""How a score compares with one past round: above, below, or a tie won, lost or not judged.

:func:`check_round` sets a score and a profile's submission time against a
round's cut-off and tie-break, by the one rule of a tie
(:func:`~expressentry.draws.ties.invited_at_cutoff`), and says whether the
profile was in the pool that day (:func:`~expressentry.timelines.validity.in_pool_on`).
The :func:`~expressentry.draws.prospects.outlook` is made of such checks.

>>> from expressentry.draws.history import rounds
>>> r = rounds()[-1]
>>> check_round(r, 400, None)
RoundCheck(#437, cut-off 382, above)
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum, unique

from attrs import frozen

from expressentry.i18n import Message, check_lang, tr
from expressentry.timelines.validity import in_pool_on, profile_exit

from .records import Round
from .ties import invited_at_cutoff

__all__ = ["Clearance", "RoundCheck", "check_round"]


@unique
class Clearance(StrEnum):
    """How a score compares with one round's cut-off."""

    ABOVE = "above"
    """Above the cut-off: invited, had the profile been in the pool and eligible."""
    TIE_WON = "tie_won"
    """At the cut-off, and submitted before the tie-break's second: invited
    (:func:`~expressentry.draws.ties.invited_at_cutoff`)."""
    TIE_LOST = "tie_lost"
    """At the cut-off, but submitted after the tie-break's second: not invited."""
    TIE_OPEN = "tie_open"
    """At the cut-off, and the tie cannot be judged: the profile has no submission
    time, the round published no tie-break (before #77), or the profile was
    submitted within the tie-break's second
    (:data:`~expressentry.draws.ties.WITHIN_TIE_BREAK_SECOND`)."""
    BELOW = "below"
    """Below the cut-off: not invited."""


@frozen(repr=False)
class RoundCheck:
    """One past round against the candidate's score.

    Attributes:
        round: The round.
        clearance: How the score compares with its cut-off (for a round held
            when the profile was not in the pool, only what the score would
            have done).
        before_submission: The round was held before the profile was submitted
            (on an earlier day in UTC, or earlier on the same day): the profile was
            not in the pool yet.
        expired_on: When the round was held on or after the day the profile
            left the pool (12 months after its submission), that day; else ``None``.
        submitted: The profile's submission time, or ``None`` when not given.
    """

    round: Round
    clearance: Clearance
    before_submission: bool = False
    expired_on: date | None = None
    submitted: datetime | None = None

    @property
    def in_pool(self) -> bool:
        """Whether the profile was in the pool on the round's day (``True`` when unknown).

        Only such a round could invite it: the others count as not cleared.
        """
        return not self.before_submission and self.expired_on is None

    @property
    def reason(self) -> str:
        """The comparison in words, with the cut-off and, at a tie, the tie-break."""
        return str(self.message)

    @property
    def message(self) -> Message:
        """:attr:`reason` as a message, to word it in either language."""
        r = self.round
        head = tr("#{number} ({day}) cut-off {cutoff}", number=r.number, day=r.day, cutoff=r.cutoff)
        if not self.in_pool:
            return self._out_message(head)
        tie: Message | str = (
            tr("none published") if r.tie_break is None else r.tie_break.isoformat()
        )
        if self.clearance is Clearance.ABOVE:
            return tr("{head}: above it", head=head)
        if self.clearance is Clearance.TIE_WON:
            return tr(
                "{head}: at it, submitted before the tie-break {tie}: invited", head=head, tie=tie
            )
        if self.clearance is Clearance.TIE_LOST:
            return tr(
                "{head}: at it, submitted after the tie-break {tie}: not invited",
                head=head,
                tie=tie,
            )
        if self.clearance is Clearance.TIE_OPEN:
            return tr("{head}: at it; {why}", head=head, why=self._open_words(tie))
        return tr("{head}: below it", head=head)

    def _out_message(self, head: Message) -> Message:
        """Not in the pool that day: why, and where the score was."""
        why = (
            tr("submitted after this round")
            if self.before_submission
            else tr("the profile expired on {day}", day=day_or_unknown(self.expired_on))
        )
        if self.clearance is Clearance.ABOVE:
            return tr(
                "{head}: not invited, not in the pool that day: {why} "
                "(the score is above the cut-off)",
                head=head,
                why=why,
            )
        if self.clearance is Clearance.BELOW:
            return tr(
                "{head}: not invited, not in the pool that day: {why} "
                "(the score is below the cut-off)",
                head=head,
                why=why,
            )
        return tr(
            "{head}: not invited, not in the pool that day: {why} (the score is at the cut-off)",
            head=head,
            why=why,
        )

    def text(self, lang: str = "en") -> str:
        """:attr:`reason` in ``lang`` (``"en"`` or ``"fr"``).

        Raises:
            InvalidInputError: ``lang`` is not a language messages are written in.
        """
        return self.message.render(check_lang(lang, "RoundCheck.text"))

    def _open_words(self, tie: Message | str) -> Message:
        if self.round.tie_break is None:
            return tr("the tie-break ({tie}) cannot be judged", tie=tie)
        if self.submitted is None:
            return tr("the tie-break ({tie}) cannot be judged without the submission time", tie=tie)
        return tr(
            "submitted within the tie-break's second ({tie}, published to the second): not judged",
            tie=tie,
        )

    def __repr__(self) -> str:
        return f"RoundCheck(#{self.round.number}, cut-off {self.round.cutoff}, {self.clearance})"


def _clearance(r: Round, crs: int, submitted: datetime | None) -> Clearance:
    if crs > r.cutoff:
        return Clearance.ABOVE
    if crs < r.cutoff:
        return Clearance.BELOW
    if submitted is None or r.tie_break is None:
        return Clearance.TIE_OPEN
    won = invited_at_cutoff(crs, submitted, cutoff=r.cutoff, tie_break=r.tie_break)
    if won is None:
        return Clearance.TIE_OPEN
    return Clearance.TIE_WON if won else Clearance.TIE_LOST


def day_or_unknown(day: date | None) -> Message | date:
    """A day as a message parameter: the day, or "an unknown day" in either language."""
    return tr("an unknown day") if day is None else day


def _submitted_day(submitted: datetime | None) -> date | None:
    return None if submitted is None else submitted.astimezone(UTC).date()


def check_round(r: Round, crs: int, submitted: datetime | None) -> RoundCheck:
    """A past round against a score and the profile's submission time (``None``: not given)."""
    day = _submitted_day(submitted)
    clearance = _clearance(r, crs, submitted)
    if day is None or in_pool_on(day, r.day):
        # the round's time is known: one held earlier on the submission day came first
        return RoundCheck(
            r,
            clearance,
            before_submission=submitted is not None and submitted > r.held_at,
            submitted=submitted,
        )
    if r.day < day:
        return RoundCheck(r, clearance, before_submission=True, submitted=submitted)
    return RoundCheck(r, clearance, expired_on=profile_exit(day), submitted=submitted)
