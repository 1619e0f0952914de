"""The one place the library reads the clock, and checks the day it is given.

Every rule-dependent function takes ``as_of``; ``None`` means "today", resolved
here, so no rule silently depends on the clock. :func:`resolve` also refuses
anything that is not a plain :class:`~datetime.date` (a ``datetime``, a string),
so a wrong day never reaches a rule lookup.
"""

from __future__ import annotations

from datetime import date, datetime

from expressentry.errors import FieldProblem, InvalidInputError
from expressentry.i18n import tr

__all__ = ["resolve", "today"]


def today() -> date:
    """Today's date on this machine's clock."""
    return date.today()  # noqa: DTZ011 (the audited default for as_of=None)


def resolve(
    as_of: date | None, name: str = "as_of", *, where: str | None = None, optional: bool = True
) -> date:
    """``as_of`` checked: the date itself, or today for ``None``.

    Args:
        as_of: The day asked for.
        name: The parameter's name, for the error.
        where: The function asked (the error's owner); ``name`` when not given.
        optional: Whether ``None`` means today; when false, ``None`` is refused
            (for functions whose day is required).

    Raises:
        InvalidInputError: ``as_of`` is a ``datetime`` (a time of day and a time
            zone would make the day ambiguous: pass ``.date()``), a string or
            anything else that is not a date, naming ``name``.

    >>> resolve(date(2026, 11, 22))
    datetime.date(2026, 11, 22)
    >>> resolve("2026-11-22", where="rules_for")
    Traceback (most recent call last):
    ...
    expressentry.errors.InvalidInputError: invalid rules_for:
      as_of: must be a date (datetime.date), not a string; ... (got "2026-11-22")
    """
    value: object = as_of  # of any type at run time
    if type(value) is date:
        return value
    if value is None and optional:
        return today()
    if isinstance(value, datetime):
        message = tr("must be a date, not a datetime (pass its .date())")
    elif isinstance(value, date):
        return value  # a subclass of date, not a datetime
    elif isinstance(value, str):
        message = tr(
            "must be a date (datetime.date), not a string; parse it with date.fromisoformat"
        )
    elif optional:
        message = tr("must be a date (datetime.date) or None for today")
    else:
        message = tr("must be a date (datetime.date)")
    raise InvalidInputError(where or name, [FieldProblem(name, value, message)])
