"""A pool of candidates for rounds of invitations: profiles, submission times, cached columns.

A :class:`Pool` holds candidates with the date-time each profile was submitted
(the tie-break key of every round). It computes, once per rule set and day, the
columns a round reads: every candidate's CRS score (with
:func:`~expressentry.score_many`) and their eligibility flags (with
:func:`eligibility_flags`). Successive rounds on the same day, or under the same
rules on the same day, reuse them: each candidate is scored once per rule
edition and day, not once per round.

The pool holds every profile you give it; a round ranks only those in the pool
on its day (:func:`~expressentry.timelines.validity.in_pool_on`: submitted on or before the
day, and less than 12 months before it), found with :func:`pool_seconds`.

Ties at the same CRS are ranked by the submission time as given, to the
microsecond (:attr:`Pool.submitted_micros`, :data:`SUBMISSION_PRECISION`), then
by pool order only for identical instants.

>>> from datetime import UTC, datetime
>>> import attrs
>>> import expressentry as ee
>>> c = ee.example_profile()
>>> unsubmitted = attrs.evolve(c, profile_submitted=None)
>>> pool = Pool([unsubmitted, c], submitted=[datetime(2026, 1, 5, 9, 30, tzinfo=UTC), None])
>>> len(pool), pool.submitted[1] == c.profile_submitted
(2, True)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Final

import attrs

from expressentry import pools as pool_files
from expressentry._checks import require_iterable
from expressentry.batch import at_index
from expressentry.crs import score, score_many
from expressentry.eligibility import EligibilityFlags, flags_many
from expressentry.errors import MISSING, FieldProblem, InvalidInputError
from expressentry.i18n import Count, tr
from expressentry.models import Candidate
from expressentry.rules import RuleSet
from expressentry.timelines.validity import pool_submission_days

__all__ = [
    "SUBMISSION_PRECISION",
    "Pool",
    "PoolColumns",
    "eligibility_flags",
    "pool_micros",
    "pool_seconds",
    "ranked_pool",
    "submission_micros",
]

SUBMISSION_PRECISION: Final = "microsecond"
"""Submission times are ranked at the precision they were given, in UTC.

A :class:`~datetime.datetime` holds microseconds, so a pool ranks by the exact
number of microseconds since 1970-01-01 UTC (:attr:`Pool.submitted_micros`, a
whole number, never a float): a profile submitted 0.9 s before another in the
same second ranks before it. Only profiles submitted at the same instant are
ordered by :data:`~expressentry.draws.selection.SAME_INSTANT_ORDER`. The tie-break
a round reports is cut to the second, as IRCC publishes it
(:func:`~expressentry.draws.ties.tie_break_of`)."""

_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)


def eligibility_flags(
    candidates: Sequence[Candidate], *, as_of: date, rules: RuleSet
) -> list[EligibilityFlags]:
    """The eligibility flags of each candidate on ``as_of`` under ``rules``, in order.

    The one place rounds read eligibility: the pool fast path
    :func:`~expressentry.eligibility.flags_many`, whose verdicts equal those of
    :func:`~expressentry.assess`.

    Raises:
        InvalidInputError: a profile holds a document dated after ``as_of``,
            naming its position in ``candidates`` (``[3].languages[0].test_date``).
    """
    return flags_many(candidates, as_of=as_of, rules=rules)


def submission_micros(when: datetime) -> int:
    """A time-zone-aware submission time in microseconds since 1970-01-01 UTC, exactly.

    The tie-break key of a round (:attr:`Pool.submitted_micros`), and what
    :class:`PoolColumns` takes: a whole number, never a float, at a datetime's
    own precision.

    >>> submission_micros(datetime(1970, 1, 1, 0, 0, 1, 5, tzinfo=UTC))
    1000005

    Raises:
        InvalidInputError: ``when`` is not a datetime with a time zone.
    """
    given: object = when
    if not isinstance(given, datetime) or given.utcoffset() is None:
        raise InvalidInputError(
            "submission_micros",
            [FieldProblem("when", given, tr("must be a datetime with a time zone"))],
        )
    return _micros(given)


def _micros(when: datetime) -> int:
    """Microseconds since 1970-01-01 UTC, exactly (a datetime's own precision)."""
    return (when - _EPOCH) // _ONE_MICROSECOND


_ONE_MICROSECOND: Final = timedelta(microseconds=1)
_DAY_SECONDS: Final = 86_400
_MICROS: Final = 1_000_000


def pool_seconds(day: date) -> tuple[int, int]:
    """The submission seconds of the profiles in the pool on ``day``: ``[low, high)``.

    A profile submitted at ``t`` whole seconds since 1970-01-01 UTC
    (:attr:`Pool.submitted_seconds`) is in the pool on ``day`` exactly when
    ``low <= t < high``: ``low`` is the start of the first submission day still
    in the pool that day, ``high`` the end of ``day`` (both UTC), from
    :func:`~expressentry.timelines.validity.pool_submission_days`, so the rule is
    :func:`~expressentry.timelines.validity.in_pool_on`, applied with two comparisons.

    >>> low, high = pool_seconds(date(2026, 9, 30))
    >>> datetime.fromtimestamp(low, UTC).isoformat(), datetime.fromtimestamp(high, UTC).isoformat()
    ('2025-10-01T00:00:00+00:00', '2026-10-01T00:00:00+00:00')

    Raises:
        InvalidInputError: ``day`` is not a date.
    """
    first, last = pool_submission_days(day)
    epoch = _EPOCH.date()
    return (first - epoch).days * _DAY_SECONDS, ((last - epoch).days + 1) * _DAY_SECONDS


def pool_micros(day: date) -> tuple[int, int]:
    """:func:`pool_seconds` in microseconds: the bounds of :attr:`Pool.submitted_micros`.

    >>> day = date(2026, 9, 30)
    >>> pool_micros(day) == tuple(t * 1_000_000 for t in pool_seconds(day))
    True

    Raises:
        InvalidInputError: ``day`` is not a date.
    """
    low, high = pool_seconds(day)
    return low * _MICROS, high * _MICROS


def _differ(own: datetime | None, given: object) -> bool:
    """Two submission times for one candidate: both given, both readable, not the same instant."""
    if own is None or given is own or not isinstance(given, datetime):
        return False
    if given.utcoffset() is None or own.utcoffset() is None:
        return False  # the missing time zone is the problem to report
    return given != own


def _submission_problems(person: Candidate, when: datetime, i: int) -> list[FieldProblem]:
    """What the profile's own checks say of ``when`` as its ``profile_submitted``.

    A time given in ``submitted=`` answers to the same rules as one on the
    candidate (not before Express Entry opened, nor before the birth...): the
    candidate is built with it, and each problem is named where it was given.
    """
    try:
        attrs.evolve(person, profile_submitted=when)
    except InvalidInputError as exc:
        return [
            p.at(f"submitted[{i}]" if p.path == "profile_submitted" else f"[{i}].{p.path}")
            for p in exc.problems
        ]
    return []


def _iso(when: datetime | None) -> str:
    return "none" if when is None else when.isoformat()


class Pool:
    """Candidates and their profile-submission date-times, with cached scores and eligibility.

    Args:
        candidates: The profiles, in pool order (the order that ranks profiles
            submitted at the same instant).
        submitted: One submission date-time per candidate (time-zone aware), or
            ``None`` in a place to take the candidate's own
            :attr:`~expressentry.models.Candidate.profile_submitted`; leave it out to take
            every candidate's own. A time given here for a candidate that has its
            own must be the same instant.

    Raises:
        InvalidInputError: ``candidates`` or ``submitted`` is not an iterable
            (a list, a tuple...); a candidate is not a :class:`~expressentry.Candidate`,
            has no submission time, or its time has no time zone; a time in
            ``submitted`` differs from the candidate's own ``profile_submitted``
            (one profile has one submission time, as a pool file's reader says
            too); or ``submitted`` does not have one entry per candidate. Every
            problem names the candidate's index (``submitted[3]``,
            ``[3].profile_submitted``).
    """

    __slots__ = ("_candidates", "_flags", "_micros", "_scores", "_submitted")

    def __init__(
        self,
        candidates: Iterable[Candidate],
        *,
        submitted: Iterable[datetime | None] | None = None,
    ) -> None:
        people = tuple(require_iterable(candidates, Candidate, "candidates", "Pool"))
        given: tuple[datetime | None, ...] = (
            (None,) * len(people)
            if submitted is None
            else tuple(require_iterable(submitted, datetime, "submitted", "Pool", "date-time"))
        )
        problems: list[FieldProblem] = []
        if len(given) != len(people):
            problems.append(
                FieldProblem(
                    "submitted",
                    f"{len(given)} date-times",
                    tr("must give one per candidate ({count})", count=len(people)),
                )
            )
            given = (None,) * len(people)
        times: list[datetime] = []
        for i, (c, when) in enumerate(zip(people, given, strict=True)):
            person: object = c
            if not isinstance(person, Candidate):
                problems.append(FieldProblem(f"[{i}]", c, tr("must be a Candidate")))
                continue
            path = f"[{i}].profile_submitted" if when is None else f"submitted[{i}]"
            own = person.profile_submitted
            found: object = own if when is None else when
            if _differ(own, found):
                problems.append(
                    FieldProblem(
                        path,
                        found,
                        tr(
                            "is given both on the candidate ({path} {time}) and in "
                            "submitted=, two different times",
                            path=f"[{i}].profile_submitted",
                            time=_iso(own),
                        ),
                    )
                )
            elif found is None:
                problems.append(
                    FieldProblem(
                        path,
                        None,
                        tr(
                            "is required in a pool: rounds break ties by it (give it on the "
                            "candidate or in submitted=)"
                        ),
                    )
                )
            elif not isinstance(found, datetime):
                problems.append(FieldProblem(path, found, tr("must be a datetime")))
            elif found.utcoffset() is None:
                problems.append(
                    FieldProblem(
                        path,
                        found,
                        tr("must carry a time zone (for example 2025-01-31T14:05:00+00:00)"),
                    )
                )
            else:
                if when is not None and own is None:
                    refused = _submission_problems(person, found, i)
                    if refused:
                        problems.extend(refused)
                        continue
                times.append(found.astimezone(UTC))
        if problems:
            raise InvalidInputError("Pool", problems)
        self._candidates = people
        self._submitted = tuple(times)
        self._micros = tuple(_micros(t) for t in times)
        self._scores: dict[tuple[int, date], tuple[RuleSet, list[int | None]]] = {}
        self._flags: dict[tuple[int, date], tuple[RuleSet, list[EligibilityFlags | None]]] = {}

    def __len__(self) -> int:
        return len(self._candidates)

    def __repr__(self) -> str:
        return f"Pool({len(self):,} candidates)"

    @property
    def candidates(self) -> tuple[Candidate, ...]:
        """The profiles, in pool order."""
        return self._candidates

    @property
    def submitted(self) -> tuple[datetime, ...]:
        """Each candidate's submission date-time, in UTC, as given."""
        return self._submitted

    @property
    def submitted_micros(self) -> tuple[int, ...]:
        """Each submission time in microseconds since 1970-01-01 UTC: the tie-break key.

        Exact whole numbers (see :data:`SUBMISSION_PRECISION`).
        """
        return self._micros

    @property
    def submitted_seconds(self) -> tuple[int, ...]:
        """Each submission time in whole seconds since 1970-01-01 UTC (the fraction dropped).

        For reports to the second; rounds rank by :attr:`submitted_micros`.
        """
        return tuple(t // _MICROS for t in self._micros)

    def scores(self, indices: Sequence[int], *, as_of: date, rules: RuleSet) -> list[int]:
        """The CRS totals of the candidates at ``indices`` on ``as_of`` under ``rules``.

        Computed with :func:`~expressentry.score_many` for the candidates not yet
        scored under this rule set on this day, then remembered.

        Raises:
            InvalidInputError: a profile holds a document dated after ``as_of``,
                naming its index in the pool.
        """
        _, column = self._scores.setdefault((id(rules), as_of), (rules, [None] * len(self)))
        missing = [i for i in indices if column[i] is None]
        if missing:
            people = self._candidates
            found = score_many(
                [people[i] for i in missing], as_of=as_of, rules=rules, errors="collect"
            )
            if found.failures:
                first = missing[found.failures[0].index]
                try:
                    score(people[first], as_of=as_of, rules=rules)
                except InvalidInputError as exc:
                    raise at_index(first, exc) from None
            for i, total in zip(missing, found.results, strict=True):
                column[i] = total
        return [column[i] for i in indices]  # type: ignore[misc]  # all filled above

    def remember(
        self,
        *,
        as_of: date,
        rules: RuleSet,
        scores: Sequence[int | None] = (),
        flags: Sequence[EligibilityFlags | None] = (),
    ) -> None:
        """Keep totals and flags worked out elsewhere: :meth:`scores` and :meth:`flags` reuse them.

        For a pool whose candidates were scored and assessed in other processes
        (Dask workers, for instance), and are held here too (a round that needs
        only the totals and flags ranks a :class:`PoolColumns`, without the
        profiles, as ``expressentry simulate`` does): ``scores`` and ``flags`` hold one
        entry per candidate, in pool order (empty: none given), each what
        :func:`~expressentry.score_many` and :func:`~expressentry.eligibility.flags_many`
        give for the candidate on ``as_of`` under ``rules``, or ``None`` where it
        is not known (a candidate those refused is worked on, and refused, here).
        They are kept as they are: give only what those functions gave.

        Raises:
            InvalidInputError: ``rules`` is not a RuleSet, or ``scores`` or
                ``flags`` does not have one entry per candidate.
        """
        problems: list[FieldProblem] = []
        given_rules: object = rules  # of any type at run time
        if not isinstance(given_rules, RuleSet):
            problems.append(FieldProblem("rules", given_rules, tr("must be a RuleSet")))
        for name, given in (("scores", scores), ("flags", flags)):
            if len(given) not in (0, len(self)):
                problems.append(
                    FieldProblem(
                        name,
                        f"{len(given)} entries",
                        tr("must give one per candidate ({count})", count=len(self)),
                    )
                )
        if problems:
            raise InvalidInputError("Pool.remember", problems)
        key = (id(rules), as_of)
        if scores:
            _, totals = self._scores.setdefault(key, (rules, [None] * len(self)))
            for i, total in enumerate(scores):
                if total is not None:
                    totals[i] = total
        if flags:
            _, verdicts = self._flags.setdefault(key, (rules, [None] * len(self)))
            for i, f in enumerate(flags):
                if f is not None:
                    verdicts[i] = f

    def flags(
        self, indices: Sequence[int], *, as_of: date, rules: RuleSet
    ) -> list[EligibilityFlags]:
        """The eligibility flags of the candidates at ``indices`` on ``as_of``, remembered.

        Raises:
            InvalidInputError: a profile holds a document dated after ``as_of``,
                naming its index in the pool.
        """
        _, column = self._flags.setdefault((id(rules), as_of), (rules, [None] * len(self)))
        missing = [i for i in indices if column[i] is None]
        if missing:
            people = self._candidates
            try:
                found = eligibility_flags([people[i] for i in missing], as_of=as_of, rules=rules)
            except InvalidInputError as exc:
                raise _reindexed(exc, missing) from None
            for i, f in zip(missing, found, strict=True):
                column[i] = f
        return [column[i] for i in indices]  # type: ignore[misc]  # all filled above


class PoolColumns:
    """What a round on one day reads of each profile of a pool, without the profiles.

    :func:`~expressentry.draws.selection.select` ranks a pool from four columns:
    each profile's submission instant, whether it holds a provincial nomination,
    and its CRS total and eligibility flags on the round's day. A
    :class:`Pool` holds the profiles and works the last two out;
    ``PoolColumns`` holds only the columns, worked out elsewhere (in other
    processes, a chunk of a file at a time), so a pool of a million profiles is
    ranked in a few tens of megabytes. ``expressentry simulate`` builds one.
    A round over it is the round over a :class:`Pool` of the same profiles,
    index for index: the same code ranks both.

    The columns hold one entry per profile, in pool order (the order that ranks
    profiles submitted at the same instant). A profile not in the pool on
    ``as_of`` (submitted after it, or expired) is never ranked: its ``scores``
    and ``flags`` entries are not read (``None``, or any placeholder such as
    ``-1`` in an ``array('i')``).

    Args:
        as_of: The day the totals and flags are of: the only day of a round over it.
        rules: The rule set they were worked out under: a round over the columns
            runs under it (or under an equal rule set).
        submitted_micros: Each submission instant in microseconds since
            1970-01-01 UTC (:func:`submission_micros`), as
            :attr:`Pool.submitted_micros` (``array('q')`` or a sequence of ints).
        nominees: Whether each profile holds a provincial nomination (bools, or
            ``bytes`` of 0 and 1).
        scores: Each total on ``as_of`` under ``rules``, what
            :func:`~expressentry.score_many` gives.
        flags: Each profile's :class:`~expressentry.eligibility.EligibilityFlags`
            on ``as_of``, what :func:`~expressentry.eligibility.flags_many` gives.

    Raises:
        InvalidInputError: ``as_of`` is not a date, ``rules`` not a RuleSet, a
            column is not a sequence or has not one entry per profile, or an
            entry is of the wrong kind (a profile in the pool on ``as_of``
            without a whole-number total or without flags of that day), each
            named by its column and index (``scores[3]``).

    >>> from array import array
    >>> from datetime import date
    >>> import expressentry as ee
    >>> from expressentry.draws import Pool, PoolColumns
    >>> from expressentry.eligibility import flags_many
    >>> c = ee.example_profile()
    >>> day = date(2026, 11, 22)
    >>> rules = ee.rules_for(as_of=day)
    >>> columns = PoolColumns(
    ...     as_of=day,
    ...     rules=rules,
    ...     submitted_micros=array("q", Pool([c]).submitted_micros),
    ...     nominees=bytes([c.provincial_nomination]),
    ...     scores=array("i", ee.score_many([c], as_of=day, rules=rules)),
    ...     flags=flags_many([c], as_of=day, rules=rules),
    ... )
    >>> spec = ee.RoundSpec(day=day, size=1, kind=ee.RoundKind.GENERAL)
    >>> ee.select(columns, spec) == ee.select(Pool([c]), spec)
    True
    """

    __slots__ = ("_as_of", "_flags", "_micros", "_nominees", "_rules", "_scores")

    def __init__(
        self,
        *,
        as_of: date,
        rules: RuleSet,
        submitted_micros: Sequence[int],
        nominees: Sequence[bool] | bytes,
        scores: Sequence[int | None],
        flags: Sequence[EligibilityFlags | None],
    ) -> None:
        named: dict[str, object] = {
            "submitted_micros": submitted_micros,
            "nominees": nominees,
            "scores": scores,
            "flags": flags,
        }
        problems = _column_problems(as_of, rules, named)
        if not problems:
            problems = _entry_problems(as_of, submitted_micros, nominees, scores, flags)
        if problems:
            raise InvalidInputError("PoolColumns", problems)
        self._as_of = as_of
        self._rules = rules
        self._micros = submitted_micros
        self._nominees = nominees
        self._scores = scores
        self._flags = flags

    def __len__(self) -> int:
        return len(self._micros)

    def __repr__(self) -> str:
        return f"PoolColumns({len(self):,} profiles on {self._as_of.isoformat()})"

    @property
    def as_of(self) -> date:
        """The day of the totals and flags."""
        return self._as_of

    @property
    def rules(self) -> RuleSet:
        """The rule set they were worked out under."""
        return self._rules

    @property
    def submitted_micros(self) -> Sequence[int]:
        """Each submission instant in microseconds since 1970-01-01 UTC, as given."""
        return self._micros

    def nominated(self, indices: Sequence[int]) -> list[bool]:
        """Whether each profile at ``indices`` holds a provincial nomination.

        Raises:
            InvalidInputError: ``indices`` holds something else than positions in
                the pool.
        """
        column = self._nominees
        return [bool(column[i]) for i in self._check(indices, None, None)]

    def _check(self, indices: object, as_of: date | None, rules: RuleSet | None) -> Sequence[int]:
        """``indices``, checked, for a round on ``as_of`` under ``rules`` (``None``: any)."""
        size = len(self)
        problems = []
        if not isinstance(indices, Sequence) or isinstance(indices, str | bytes):
            problems.append(
                FieldProblem("indices", indices, tr("must be a sequence of positions in the pool"))
            )
        else:
            wrong = next(
                (k for k, i in enumerate(indices) if type(i) is not int or not 0 <= i < size),
                None,
            )
            if wrong is not None:
                problems.append(
                    FieldProblem(
                        f"indices[{wrong}]",
                        indices[wrong],
                        tr("must be a position in the pool, from 0 to {last}", last=size - 1),
                    )
                )
        if not problems and as_of is not None and rules is not None:
            problems = self._mismatch(as_of, rules)
        if problems:
            raise InvalidInputError("PoolColumns", problems)
        return indices  # type: ignore[return-value]  # checked above

    def _mismatch(self, day: date, rules: RuleSet) -> list[FieldProblem]:
        """A round on ``day`` under ``rules``, another day or rule set than the columns'."""
        if day != self._as_of:
            return [
                FieldProblem(
                    "as_of",
                    day,
                    tr(
                        "must be the day of the pool's columns ({day}): they hold the totals "
                        "and flags of that day only",
                        day=self._as_of,
                    ),
                )
            ]
        if rules is not self._rules and rules != self._rules:
            return [
                FieldProblem(
                    "rules",
                    rules,
                    tr(
                        "must be the rule set the pool's columns were worked out under ({rules})",
                        rules=repr(self._rules),
                    ),
                )
            ]
        return []

    def scores(self, indices: Sequence[int], *, as_of: date, rules: RuleSet) -> list[int]:
        """The CRS totals of the profiles at ``indices``, as given.

        Raises:
            InvalidInputError: ``indices`` holds something else than positions in
                the pool, or ``as_of`` or ``rules`` is not the columns' own.
        """
        column = self._scores
        return [column[i] for i in self._check(indices, as_of, rules)]  # type: ignore[misc]  # ranked: checked when built

    def flags(
        self, indices: Sequence[int], *, as_of: date, rules: RuleSet
    ) -> list[EligibilityFlags]:
        """The eligibility flags of the profiles at ``indices``, as given.

        Raises:
            InvalidInputError: ``indices`` holds something else than positions in
                the pool, or ``as_of`` or ``rules`` is not the columns' own.
        """
        column = self._flags
        return [column[i] for i in self._check(indices, as_of, rules)]  # type: ignore[misc]  # ranked: checked when built


def _column_problems(as_of: object, rules: object, named: dict[str, object]) -> list[FieldProblem]:
    """The problems of :class:`PoolColumns`' arguments as a whole: types and lengths."""
    problems: list[FieldProblem] = []
    if not isinstance(as_of, date) or isinstance(as_of, datetime):
        problems.append(FieldProblem("as_of", as_of, tr("must be a date")))
    if not isinstance(rules, RuleSet):
        problems.append(FieldProblem("rules", rules, tr("must be a RuleSet")))
    sizes: dict[str, int] = {}
    for name, column in named.items():
        if isinstance(column, Sequence) and not isinstance(column, str):
            sizes[name] = len(column)
        else:
            problems.append(FieldProblem(name, column, tr("must be a sequence (a list, an array)")))
    size = sizes.get("submitted_micros")
    for name, count in sizes.items():
        if size is not None and count != size:
            problems.append(
                FieldProblem(
                    name,
                    f"{count:,} entries",
                    tr("must give one per profile ({size}, as submitted_micros)", size=Count(size)),
                )
            )
    return problems


def _entry_problems(
    as_of: date,
    micros: Sequence[int],
    nominees: Sequence[bool] | bytes,
    scores: Sequence[int | None],
    flags: Sequence[EligibilityFlags | None],
) -> list[FieldProblem]:
    """The problems of :class:`PoolColumns`' entries, each named by its column and index."""
    problems: list[FieldProblem] = []
    for i, t in enumerate(micros):
        if type(t) is not int:
            problems.append(
                FieldProblem(
                    f"submitted_micros[{i}]", t, tr("must be a whole number of microseconds")
                )
            )
    for i, n in enumerate(nominees):
        if n is not True and n is not False and not (type(n) is int and n in (0, 1)):
            problems.append(FieldProblem(f"nominees[{i}]", n, tr("must be True or False")))
    if problems:
        return problems
    low, high = pool_micros(as_of)
    for i, t in enumerate(micros):
        if not low <= t < high:
            continue  # never ranked on as_of: not read
        total = scores[i]
        if type(total) is not int or total < 0:
            problems.append(
                FieldProblem(
                    f"scores[{i}]",
                    total,
                    tr(
                        "must be the profile's CRS total on {day} (a whole number, 0 or more): "
                        "it is in the pool that day",
                        day=as_of,
                    ),
                )
            )
        found = flags[i]
        if not isinstance(found, EligibilityFlags) or found.as_of != as_of:
            problems.append(
                FieldProblem(
                    f"flags[{i}]",
                    found,
                    tr(
                        "must be the profile's EligibilityFlags on {day}: it is in the pool "
                        "that day",
                        day=as_of,
                    ),
                )
            )
    return problems


def _reindexed(error: InvalidInputError, indices: Sequence[int]) -> InvalidInputError:
    """``error``, whose paths start ``[k]`` for a subset, with ``[indices[k]]`` instead."""
    problems = []
    for p in error.problems:
        path = p.path
        if path.startswith("["):
            k, _, rest = path[1:].partition("]")
            if k.isdigit() and int(k) < len(indices):
                path = f"[{indices[int(k)]}]{rest}"
        problems.append(p.at(path))
    return InvalidInputError("Pool", problems)


def ranked_pool(value: object, where: str) -> Pool | PoolColumns:
    """``value`` as a pool to rank: a ``Pool``, its columns, or a pool file read whole.

    A pool file read by :func:`expressentry.pools.read_pool` is taken as it is
    when every line held a profile; one with bad lines is refused (ranking the
    others would leave candidates out without a word).

    Raises:
        InvalidInputError: ``value`` is neither, or a file read with bad lines.
    """
    if isinstance(value, Pool | PoolColumns):
        return value
    if isinstance(value, pool_files.PoolFile):
        if value.ok:
            return Pool(value.candidates)
        first = value.failures[0].line
        count = len(value.failures)
        if count == 1:
            message = tr(
                "is a pool file read with 1 bad line (the first is line {first}); fix "
                "them, or rank the valid profiles with expressentry.Pool(read.candidates)",
                first=first,
            )
        else:
            message = tr(
                "is a pool file read with {count} bad lines (the first is line {first}); fix "
                "them, or rank the valid profiles with expressentry.Pool(read.candidates)",
                count=Count(count),
                first=first,
            )
        raise InvalidInputError(where, [FieldProblem("pool", MISSING, message)])
    message = tr(
        "must be an expressentry.Pool (build one with expressentry.Pool(candidates)) or a "
        "pool file read by expressentry.pools.read_pool"
    )
    raise InvalidInputError(where, [FieldProblem("pool", value, message)])
