"""The tie-break: who, at a round's cut-off score, was invited, by submission time.

IRCC ranks candidates with the same CRS by the date and time their profile was
submitted, earliest first, and publishes with each round the submission time of
the lowest-ranked candidate invited, **to the second** (the tie-break). A
selection here ranks by the submission time as it was given (to the
microsecond, :data:`~expressentry.draws.pool.SUBMISSION_PRECISION`) and reports
its tie-break to the second too (:func:`tie_break_of`).

One function, :func:`invited_at_cutoff`, says whether a profile whose score
equals a round's cut-off was invited, from its submission time and the
tie-break; the outlook judges past rounds with it, and a selection explains its
cut-off with it. The readings it applies:

- :data:`TIE_BREAK_INCLUSIVE`: a profile submitted at the tie-break instant is
  invited (the tie-break is the last invited's own submission time);
- :data:`WITHIN_TIE_BREAK_SECOND`: a profile submitted within the second a
  tie-break is published to is **not judged**: the last candidate invited was
  submitted somewhere in that second, before or after it.

>>> from datetime import UTC, datetime
>>> tie = datetime(2026, 4, 14, 0, 3, 10, tzinfo=UTC)    # round #420, as published
>>> def at(s, us):
...     return datetime(2026, 4, 14, 0, 3, s, us, tzinfo=UTC)
>>> [invited_at_cutoff(516, at(s, us), cutoff=516, tie_break=tie)
...  for s, us in ((9, 999_999), (10, 400_000), (11, 0))]
[True, None, False]
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Final

from expressentry.errors import FieldProblem, InvalidInputError
from expressentry.i18n import tr

__all__ = [
    "EXACT",
    "TIE_BREAK_INCLUSIVE",
    "TIE_BREAK_PRECISION",
    "WITHIN_TIE_BREAK_SECOND",
    "invited_at_cutoff",
    "tie_break_of",
]

TIE_BREAK_PRECISION: Final = timedelta(seconds=1)
"""The precision of a published tie-break: IRCC gives the date and time to the second.

A selection reports its tie-break the same way (:func:`tie_break_of`)."""

EXACT: Final = timedelta(microseconds=1)
"""The precision of a tie-break known to the instant (a selection's own last invited,
:attr:`~expressentry.draws.selection.Selection.last_invited`): a
:class:`~datetime.datetime` holds microseconds."""

TIE_BREAK_INCLUSIVE: Final = True
"""UNCERTAIN: a profile submitted exactly at a round's tie-break instant is read as invited.

IRCC's wording ("the cut-off is based on the date and time they submitted their
profiles") does not say whether the bound is inclusive; the published time looks
like the submission time of the last candidate invited, which would make it so
(the rounds page, https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/submit-profile/rounds-invitations.html).
Secondary pages say "before". It decides a tie only where the tie-break is known
to the instant (:data:`EXACT`); within a tie-break published to the second,
:data:`WITHIN_TIE_BREAK_SECOND` applies."""

WITHIN_TIE_BREAK_SECOND: Final = "not judged"
"""How a profile at the cut-off submitted within the tie-break's published second is decided.

Named reading: it is **not judged** (:func:`invited_at_cutoff` answers
``None``, the outlook's :attr:`~expressentry.draws.clearance.Clearance.TIE_OPEN`).
IRCC publishes the tie-break to the second (``00:03:10``): the last candidate
invited was submitted at some instant from ``00:03:10.000000`` to
``00:03:10.999999``, and a profile submitted within that second (or given to the
second, equal to it) may have come before that candidate or after it, so either
answer could be false. A profile submitted before that second was invited; one
submitted after it was not. A selection, which knows every instant, says which
of its candidates in that second were invited and why the others were not."""


def tie_break_of(submitted: datetime) -> datetime:
    """The tie-break reported for a last-invited submission time: UTC, to the whole second.

    >>> tie_break_of(datetime(2026, 4, 14, 0, 3, 10, 999_999, tzinfo=UTC)).isoformat()
    '2026-04-14T00:03:10+00:00'
    """
    return submitted.astimezone(UTC).replace(microsecond=0)


def invited_at_cutoff(
    crs: int,
    submitted: datetime,
    *,
    cutoff: int,
    tie_break: datetime,
    precision: timedelta = TIE_BREAK_PRECISION,
) -> bool | None:
    """Whether a profile with a round's cut-off score was invited, by its submission time.

    The one rule of a tie at the cut-off, for the outlook and the selection.

    Args:
        crs: The profile's CRS score on the round's day.
        submitted: Its submission time (time-zone aware), at the precision given.
        cutoff: The round's cut-off score.
        tie_break: The round's tie-break time (time-zone aware).
        precision: What ``tie_break`` is known to: :data:`TIE_BREAK_PRECISION`
            (a second, as IRCC publishes it) or :data:`EXACT` (the instant).

    Returns:
        ``True``: the score equals the cut-off and the profile was submitted
        before the tie-break's second, or at the tie-break instant itself when
        it is known exactly (:data:`TIE_BREAK_INCLUSIVE`). ``False``: the score
        is not the cut-off (not a tie), or the profile was submitted after the
        tie-break. ``None``: at the cut-off, submitted within the tie-break's
        published second (:data:`WITHIN_TIE_BREAK_SECOND`).

    Raises:
        InvalidInputError: a time has no time zone, or ``precision`` is neither
            :data:`TIE_BREAK_PRECISION` nor :data:`EXACT`.
    """
    given: tuple[tuple[str, object], ...] = (("submitted", submitted), ("tie_break", tie_break))
    problems = [
        FieldProblem(name, value, tr("must be a time-zone-aware datetime"))
        for name, value in given
        if not isinstance(value, datetime) or value.utcoffset() is None
    ]
    if precision not in (TIE_BREAK_PRECISION, EXACT):
        problems.append(
            FieldProblem("precision", precision, tr("must be TIE_BREAK_PRECISION or EXACT"))
        )
    if problems:
        raise InvalidInputError("invited_at_cutoff", problems)
    if crs != cutoff:
        return False
    if precision == EXACT:
        if submitted == tie_break:
            return TIE_BREAK_INCLUSIVE
        return submitted < tie_break
    start = tie_break_of(tie_break)
    if submitted < start:
        return True
    if submitted >= start + precision:
        return False
    return None
