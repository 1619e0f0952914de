"""Dated values: the machinery every rule table is built on.

A :class:`Timeline` is one rule (``"crs.additional.job_offer"``) as a series of
:class:`Dated` values, each with the day it took effect and the official
:class:`Source` that says so. Looking a value up on a day before the first entry
is an error, never a guess.

>>> from datetime import date
>>> src = Source("demo", "Demo source", "https://www.canada.ca/", date(2026, 11, 22))
>>> t = Timeline("demo.rule", (Dated(date(2015, 1, 1), 600, src),
...                            Dated(date(2016, 11, 19), 50, src)))
>>> t.at(date(2016, 11, 18)).value, t.at(date(2016, 11, 19)).value
(600, 50)
"""

from __future__ import annotations

import bisect
import re
from datetime import date
from typing import Final, Generic, TypeVar

from attrs import field, frozen

from expressentry._reprs import cut
from expressentry._today import resolve
from expressentry.errors import DataError, RulesNotInForceError
from expressentry.i18n import Message, tr

__all__ = [
    "LAST_REVIEWED",
    "Dated",
    "ReviewedResult",
    "Source",
    "Timeline",
    "review_caveats",
    "review_messages",
]

T = TypeVar("T")

LAST_REVIEWED = date(2026, 11, 22)
"""The day the shipped rule tables were last checked against their sources."""


def review_caveats(day: date, reviewed: date = LAST_REVIEWED) -> tuple[str, ...]:
    """The caveats of a result computed for ``day`` with rules checked on ``reviewed``.

    Empty up to ``reviewed``; after it, one sentence saying that the rules were
    last checked that day, so a rule changed since is not applied. Every result
    that names a day (a score, a report, a forecast...) words it here, and the
    command line prints it once on stderr.

    >>> review_caveats(date(2026, 11, 22), date(2026, 11, 22))
    ()
    >>> review_caveats(date(2035, 1, 1), date(2026, 11, 22))
    ('Rules last checked against their sources on 2026-11-22: this result, for 2035-01-01, applies the rules known then, not any change made since.',)
    """
    return tuple(str(m) for m in review_messages(day, reviewed))


def edition_message(in_force_from: date, reform: str | None) -> Message:
    """A rule set's label (``"rules in force from 2025-03-25, reform: ..."``) as a message.

    The reform's name is the caller's own text, shown as given in every language.
    """
    label = tr("rules in force from {day}", day=in_force_from)
    return label if not reform else tr("{label}, reform: {reform}", label=label, reform=reform)


_EDITION: Final = re.compile(
    r"rules in force from ([0-9]{4}-[0-9]{2}-[0-9]{2})(?:, reform: (.*))?", re.S
)


def edition_of(text: str) -> Message | None:
    """The message of a label :func:`edition_message` wrote, read back (``None``: another text).

    A result keeps its rule set's label as text (its JSON form does too); this
    words it again in another language.

    >>> edition_of("rules in force from 2025-03-25").render("fr")
    'règles en vigueur depuis le 2025-03-25'
    """
    found = _EDITION.fullmatch(text)
    try:
        day = None if found is None else date.fromisoformat(found[1])
    except ValueError:  # shaped like a label, not a real day: another text
        day = None
    return None if found is None or day is None else edition_message(day, found[2])


def review_messages(day: date, reviewed: date = LAST_REVIEWED) -> tuple[Message, ...]:
    """:func:`review_caveats` as messages, to word them in either language."""
    if day <= reviewed:
        return ()
    return (
        tr(
            "Rules last checked against their sources on {reviewed}: this result, for {day}, "
            "applies the rules known then, not any change made since.",
            reviewed=reviewed,
            day=day,
        ),
    )


class ReviewedResult:
    """What every result computed for a day says about the rules' review day.

    A result class holds a ``rules_reviewed_on`` field (its own attrs field, with
    its default) and names the day it is for in ``_reviewed_for()``; this mixin
    gives it :attr:`caveats` (``review_caveats`` of the two days), the ``Note:``
    lines its ``explain()`` ends with (:meth:`note_lines`), and the two JSON
    fields (:meth:`review_fields`). One wording for every result, written once.

    >>> from attrs import frozen
    >>> @frozen
    ... class Result(ReviewedResult):
    ...     day: date
    ...     rules_reviewed_on: date = LAST_REVIEWED
    ...     def _reviewed_for(self) -> date:
    ...         return self.day
    >>> Result(date(2026, 1, 1)).caveats
    ()
    >>> Result(date(2030, 1, 1)).note_lines("  ")[0][:40]
    '  Note: Rules last checked against their'
    """

    __slots__ = ()

    rules_reviewed_on: date

    def _reviewed_for(self) -> date:
        """The day the result is for (the day assessed, the round's day...)."""
        raise NotImplementedError

    @property
    def caveats(self) -> tuple[str, ...]:
        """What to bear in mind: the rules' review day, when the result's day is after it.

        Printed by ``explain()`` and written in the JSON form.
        """
        return review_caveats(self._reviewed_for(), self.rules_reviewed_on)

    def note_lines(self, indent: str = "", lang: str = "en") -> list[str]:
        """The lines ``explain()`` ends with: ``"Note: ..."``, one per caveat, in ``lang``."""
        if lang == "en":
            return [f"{indent}Note: {c}" for c in self.caveats]
        return [
            indent + tr("Note: {caveat}", caveat=m).render(lang)
            for m in review_messages(self._reviewed_for(), self.rules_reviewed_on)
        ]

    def review_fields(self) -> dict[str, object]:
        """``rules_reviewed_on`` and ``caveats`` as a JSON form writes them."""
        return {
            "rules_reviewed_on": self.rules_reviewed_on.isoformat(),
            "caveats": list(self.caveats),
        }


@frozen(repr=False)
class Source:
    """An official text a rule comes from.

    Its repr names it, its site and page, and the day it was read:
    ``Source('irpr-73', laws-lois.justice.gc.ca/…/section-73.html, retrieved 2026-11-22)``.

    Attributes:
        id: Short stable key, e.g. ``"ircc-crs-criteria"``.
        title: The document's own title.
        url: Where to read it (canada.ca, laws-lois.justice.gc.ca, gazette.gc.ca).
        retrieved: The day the text was read for this library.
    """

    id: str
    title: str
    url: str
    retrieved: date

    def __repr__(self) -> str:
        address = self.url.split("://", 1)[-1]  # the site and page, not the middle
        site, _, path = address.partition("/")
        folders, _, page = path.rstrip("/").rpartition("/")
        where = f"{site}/…/{page}" if folders else address
        return f"Source({self.id!r}, {cut(where, 100)}, retrieved {self.retrieved.isoformat()})"


@frozen
class Dated(Generic[T]):
    """One value of a rule and the day it took effect.

    Attributes:
        effective_from: First day the value applies.
        value: The table, amount or threshold.
        source: The official text that sets it.
        note: What changed on that day, in a sentence.
    """

    effective_from: date
    value: T
    source: Source
    note: str = ""


def _check_entries(
    instance: Timeline[object], _attribute: object, entries: tuple[Dated[object], ...]
) -> None:
    if not entries:
        msg = f"{instance.rule_id}: a timeline needs at least one dated value"
        raise DataError(msg)
    days = [e.effective_from for e in entries]
    if days != sorted(set(days)):
        msg = f"{instance.rule_id}: effective dates must strictly ascend, got {days}"
        raise DataError(msg)


@frozen
class Timeline(Generic[T]):
    """A rule's values over time, oldest first.

    Attributes:
        rule_id: Dotted id used in breakdowns and docs, e.g. ``"crs.core.age"``.
        entries: The dated values, strictly ascending by ``effective_from``.
        title: What the rule is, in words.
        last_reviewed: Last day the entries were checked against their sources.
    """

    rule_id: str
    entries: tuple[Dated[T], ...] = field(validator=_check_entries)
    title: str = ""
    last_reviewed: date = LAST_REVIEWED
    _days: tuple[date, ...] = field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_days", tuple(e.effective_from for e in self.entries))

    @property
    def first(self) -> date:
        """The day the first known value took effect."""
        return self._days[0]

    @property
    def change_dates(self) -> tuple[date, ...]:
        """Every day on which this rule's value changed, oldest first."""
        return self._days

    def at(self, as_of: date) -> Dated[T]:
        """The entry in force on ``as_of``.

        Raises:
            InvalidInputError: ``as_of`` is not a date (a ``datetime`` is refused).
            RulesNotInForceError: ``as_of`` is before the first entry.
        """
        if type(as_of) is not date:
            as_of = resolve(as_of, where=self.rule_id, optional=False)
        i = bisect.bisect_right(self._days, as_of) - 1
        if i < 0:
            raise RulesNotInForceError(self.rule_id, as_of, self._days[0])
        return self.entries[i]
