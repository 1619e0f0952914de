"""A person's jobs: each one a dated period; experience is derived from them, never typed in."""

from __future__ import annotations

import sys
from datetime import date, timedelta
from typing import Any, ClassVar

from attrs import field, frozen
from dateutil.relativedelta import relativedelta

from expressentry._today import resolve
from expressentry.enums import (
    Teer,
)
from expressentry.errors import InvalidInputError
from expressentry.i18n import N_, tr
from expressentry.models._fields import (
    NO_PROBLEMS,
    Checks,
    Specs,
    finite,
    hours_in_a_week,
    is_bool,
    is_date,
    is_noc,
    is_whole,
    noc_teer,
    optional,
    tuple_of,
)
from expressentry.models._pickling import day, maker, number

_ONGOING_END = date.max.toordinal()


@frozen(kw_only=True)
class WorkPeriod:
    """One job held over a stretch of time.

    Attributes:
        start: First day worked.
        end: Last day worked, or ``None`` while the job goes on.
        hours_per_week: Paid hours a week (hours above 30 never count, see
            :mod:`expressentry.experience`).
        noc: The NOC 2021 code of the job; its second digit is the TEER.
        in_canada: Whether the work was done in Canada.
        self_employed: Self-employment never counts as Canadian experience.
        full_time_student: Work while a full-time student never counts as
            Canadian experience.
        authorized: Whether the work in Canada was authorized; unauthorized work
            never counts.
    """

    start: date
    end: date | None
    hours_per_week: float
    noc: str
    in_canada: bool
    self_employed: bool = False
    full_time_student: bool = False
    authorized: bool = True
    field_checks: ClassVar[Specs]
    """Each field's own check: its type, then the rules it obeys alone."""

    def __attrs_post_init__(self) -> None:
        c = Checks("WorkPeriod")
        f: Any = self  # the fields as given, of any type until checked
        start, end, hours = f.start, f.end, f.hours_per_week
        bad = NO_PROBLEMS
        typed = (
            type(start) is date
            and (end is None or type(end) is date)
            and ((type(hours) is float and finite(hours)) or type(hours) is int)
            and type(f.in_canada) is bool
            and type(f.self_employed) is bool
            and type(f.full_time_student) is bool
            and type(f.authorized) is bool
        )
        if not typed:
            bad = c.types(self, _WORK_PERIOD_CHECKS)
        if end is not None and "start" not in bad and "end" not in bad and end < start:
            c.require(False, "end", end, tr("must not be before start ({day})", day=start))
        if typed:  # the checks of the fields that go beyond their type
            hours_in_a_week("hours_per_week", hours, c.problems)
            is_noc("noc", f.noc, c.problems)
        c.done()

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its fields (see ``_pickling``)."""
        return unpack_period, (pack_period(self),)

    @property
    def teer(self) -> Teer:
        """TEER category of the job's NOC 2021 code."""
        return noc_teer(self.noc)

    def span(self) -> tuple[int, int, float]:
        """``(first_day, end_day_exclusive, hours)`` as day ordinals."""
        end = _ONGOING_END if self.end is None else self.end.toordinal() + 1
        return (self.start.toordinal(), end, self.hours_per_week)


_WORK_PERIOD_CHECKS: Specs = (
    ("start", is_date),
    ("end", optional(is_date)),
    ("hours_per_week", hours_in_a_week),
    ("noc", is_noc),
    ("in_canada", is_bool),
    ("self_employed", is_bool),
    ("full_time_student", is_bool),
    ("authorized", is_bool),
)
WorkPeriod.field_checks = _WORK_PERIOD_CHECKS
make_period = maker(
    WorkPeriod,
    (
        "start",
        "end",
        "hours_per_week",
        "noc",
        "in_canada",
        "self_employed",
        "full_time_student",
        "authorized",
    ),
)


def pack_period(p: WorkPeriod) -> tuple[Any, ...]:
    """The fields of ``p``, its dates as day numbers (see ``_pickling``)."""
    end = p.end
    return (
        p.start.toordinal(),
        None if end is None else end.toordinal(),
        p.hours_per_week,
        p.noc,
        p.in_canada,
        p.self_employed,
        p.full_time_student,
        p.authorized,
    )


def unpack_period(state: tuple[Any, ...]) -> WorkPeriod:
    """The period :func:`pack_period` packed."""
    start, end, hours, noc, in_canada, self_employed, student, authorized = state
    return make_period(
        day(start),
        None if end is None else day(end),
        number(hours),
        sys.intern(noc),
        in_canada,
        self_employed,
        student,
        authorized,
    )


_WORK_HISTORY_TYPES: Specs = (("periods", tuple_of(WorkPeriod)),)


def _periods_tuple(value: tuple[WorkPeriod, ...] | list[WorkPeriod]) -> tuple[WorkPeriod, ...]:
    """A list of periods becomes a tuple (anything else is checked, never converted)."""
    return tuple(value) if isinstance(value, list) else value


@frozen(kw_only=True)
class WorkHistory:
    """Every job a person reports, in any order; its JSON form is a plain list.

    Years of experience are never typed in: they are derived from these periods on
    the day scored (see :mod:`expressentry.experience`).

    Attributes:
        periods: The jobs, a tuple of :class:`WorkPeriod`. A list is accepted and
            stored as a tuple (so the history stays immutable and hashable); any
            other kind of collection is refused.
    """

    periods: tuple[WorkPeriod, ...] = field(default=(), converter=_periods_tuple)
    _first_start: date | None = field(init=False, repr=False, eq=False)
    _last_start: date | None = field(init=False, repr=False, eq=False)
    derived: object = field(init=False, default=None, repr=False, eq=False)
    """Where the library keeps what it derives from this immutable history to count
    its hours fast (segments of each kind of work, built on first use). It holds
    nothing of the history: it is never compared, hashed or serialized, and the
    models never read it."""

    def __attrs_post_init__(self) -> None:
        periods: Any = self.periods  # of any type until checked
        ok = type(periods) is tuple
        first = last = None
        if ok:
            for p in periods:
                if not isinstance(p, WorkPeriod):
                    ok = False
                    break
                start = p.start
                if first is None or start < first:
                    first = start
                if last is None or start > last:
                    last = start
        if not ok:
            c = Checks("WorkHistory")
            c.types(self, _WORK_HISTORY_TYPES)
            c.done()
            starts = [p.start for p in periods]  # a subclass of tuple, of periods
            first, last = (min(starts), max(starts)) if starts else (None, None)
        object.__setattr__(self, "_first_start", first)
        object.__setattr__(self, "_last_start", last)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its periods; the rest is derived again, ``derived`` left empty."""
        return unpack_history, (pack_history(self),)

    @property
    def first_start(self) -> date | None:
        """The day the earliest job started, or ``None`` without jobs."""
        return self._first_start

    @property
    def last_start(self) -> date | None:
        """The day the latest job started, or ``None`` without jobs."""
        return self._last_start

    @classmethod
    def from_years(
        cls,
        *,
        as_of: date,
        canadian: int = 0,
        foreign: int = 0,
        noc: str = "21231",
        hours_per_week: float = 30,
    ) -> WorkHistory:
        """A history for forms that only ask "how many years".

        Each kind of experience becomes one period of whole years of full-time work
        ending the day before ``as_of``: Canadian work most recent, foreign work
        before it. ``noc`` (a TEER 0-3 code) is used for both.

        >>> from datetime import date
        >>> h = WorkHistory.from_years(as_of=date(2026, 1, 1), canadian=2, foreign=3)
        >>> [(p.start.isoformat(), p.end.isoformat(), p.in_canada) for p in h.periods]
        [('2024-01-01', '2025-12-31', True), ('2021-01-01', '2023-12-31', False)]
        """
        c = Checks("WorkHistory.from_years")
        try:
            day: date | None = resolve(as_of, where=c.owner, optional=False)
        except InvalidInputError as exc:
            c.problems.extend(exc.problems)
            day = None
        whole = is_whole("canadian", canadian, c.problems) & is_whole(
            "foreign", foreign, c.problems
        )
        if whole:
            c.require(canadian >= 0, "canadian", canadian, N_("must be 0 or more"))
            c.require(foreign >= 0, "foreign", foreign, N_("must be 0 or more"))
            if day is not None and canadian >= 0 and foreign >= 0:
                most = day.year - 1
                if canadian + foreign > most:
                    c.require(
                        False,
                        "foreign" if foreign else "canadian",
                        foreign if foreign else canadian,
                        tr(
                            "is too many: canadian and foreign years together must be at most "
                            "{most} (the years before {day})",
                            most=most,
                            day=day,
                        ),
                    )
        c.done()
        assert day is not None  # noqa: S101 (done() raised otherwise)
        periods: list[WorkPeriod] = []
        end = day
        for years, in_canada in ((canadian, True), (foreign, False)):
            if years:
                start = end - relativedelta(years=years)
                periods.append(
                    WorkPeriod(
                        start=start,
                        end=end - timedelta(days=1),
                        hours_per_week=hours_per_week,
                        noc=noc,
                        in_canada=in_canada,
                    )
                )
                end = start
        return cls(periods=tuple(periods))


make_history = maker(WorkHistory, ("periods", "_first_start", "_last_start", "derived"))


def pack_history(h: WorkHistory) -> tuple[Any, ...]:
    """The periods of ``h``, each packed (see ``_pickling``)."""
    return tuple([pack_period(p) for p in h.periods])


def unpack_history(state: tuple[Any, ...]) -> WorkHistory:
    """The history :func:`pack_history` packed (its ``derived`` slot empty)."""
    if not state:
        return make_history((), None, None, None)
    periods = tuple([unpack_period(p) for p in state])
    starts = [p[0] for p in state]
    return make_history(periods, day(min(starts)), day(max(starts)), None)
