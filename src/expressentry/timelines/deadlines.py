"""The deadline of an invitation to apply: :func:`ita_deadline`.

The window in force on the invitation's own day applies
(``ITA_WINDOW_DAYS``, :mod:`expressentry.rules.timelines`).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from expressentry._today import resolve
from expressentry.errors import FieldProblem, InvalidInputError
from expressentry.i18n import tr
from expressentry.rules import RuleSet, resolve_rules
from expressentry.rules._timeline import Dated
from expressentry.rules.timelines import (
    ITA_WINDOW_DAYS,
)

__all__ = [
    "Deadline",
    "ita_deadline",
]

_ONE_DAY = timedelta(days=1)


class Deadline(NamedTuple):
    """The last day to apply after an invitation, and the window rule that set it.

    A named pair, so ``deadline, window = ita_deadline(day)`` reads it too.
    """

    day: date
    """The last day the application can be submitted."""
    window: Dated[int]
    """The entry of ``ITA_WINDOW_DAYS`` in force on the invitation's day: the days given."""


def ita_deadline(invited: date, *, rules: RuleSet | None = None) -> Deadline:
    """The last day to submit the application after an invitation of ``invited``.

    The window in force on the invitation's own day applies
    (``ITA_WINDOW_DAYS`` (:mod:`expressentry.rules.timelines`)), read through
    ``rules`` (``None``: the rules in force on ``invited``; a reform that replaced
    the window applies it to every invitation); the N calendar days are counted
    from the day after the invitation, so the deadline is ``invited + N``.

    >>> ita_deadline(date(2021, 6, 28)).day, ita_deadline(date(2021, 6, 29)).day
    (datetime.date(2021, 9, 26), datetime.date(2021, 8, 28))
    >>> ita_deadline(date(2021, 6, 29)).window.value
    60

    Raises:
        InvalidInputError: ``invited`` is not a date, or ``rules`` not a RuleSet.
        RulesNotInForceError: ``invited`` is before Express Entry opened
            (``rules`` not given).
    """
    invited = resolve(invited, "invited", where="ita_deadline", optional=False)
    _, r = resolve_rules("ita_deadline", invited, rules)
    entry = r.entry_for(ITA_WINDOW_DAYS, invited)
    try:
        return Deadline(invited + timedelta(days=entry.value), entry)
    except OverflowError:
        problem = FieldProblem(
            "invited", invited, tr("leaves no room for a deadline before 9999-12-31")
        )
        raise InvalidInputError("ita_deadline", [problem]) from None
