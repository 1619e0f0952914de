"""The candidate's profile: immutable, validated, in the words of the Express Entry form.

Every model is a frozen attrs class with keyword-only arguments. Each one checks
all of its fields when it is built (``attrs.evolve`` too) and raises one
:class:`~expressentry.errors.InvalidInputError` naming every bad field and its
value, so no bad value ever reaches a computation. Nothing is clamped or guessed.

Types are checked first: booleans are ``bool``; whole numbers ``int`` (never
``bool``); numbers ``int`` or ``float`` (never ``bool``, NaN or infinite); dates
``date`` and not ``datetime``; enum fields a member of their enum (a string equal
to a value is refused); nested models an instance of their class. Value checks
then run on the fields of the right type only.

>>> from datetime import date
>>> r = LanguageResult(test=LanguageTest.IELTS_GENERAL, test_date=date(2025, 1, 10),
...                    listening=8.0, speaking=7.0, reading=7.0, writing=7.0)
>>> r.clb(Ability.LISTENING)
9
>>> LanguageResult(test=LanguageTest.IELTS_GENERAL, test_date=date(2025, 1, 10),
...                listening=9.5, speaking=7.0, reading=7.0, writing=7.25)
Traceback (most recent call last):
...
expressentry.errors.InvalidInputError: invalid LanguageResult:
  listening: ... (got 9.5)
  writing: ... (got 7.25)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from enum import Enum
from typing import Any

from attrs import field, frozen
from dateutil.relativedelta import relativedelta

from expressentry._ages import completed_years
from expressentry._checks import NOC_TEXT, type_words
from expressentry._today import resolve
from expressentry.enums import (
    Ability,
    CanadianCredential,
    EducationLevel,
    JobOfferKind,
    LanguageTest,
    MaritalStatus,
    OfficialLanguage,
    Teer,
)
from expressentry.errors import FieldProblem, InvalidInputError, RulesNotInForceError
from expressentry.noc import NOC_VERSION, unit_groups
from expressentry.plausibility import (
    AFTER_BIRTH,
    AGE,
    COUNTRY_CODE,
    DEPENDENT_CHILDREN,
    MOST_DEPENDENT_CHILDREN,
    OLDEST_AGE,
    PROFILE_SUBMITTED,
    PROFILES_FROM,
    RESULT_DELAY,
    RESULT_DELAY_DAYS,
    WORK_AGE,
    WORKING_AGE,
    is_country_code,
    tag,
)
from expressentry.rules.language_tables import chart_for

__all__ = [
    "Candidate",
    "Education",
    "JobOffer",
    "LanguageResult",
    "PoliceCertificate",
    "Spouse",
    "WorkHistory",
    "WorkPeriod",
    "check_dates",
    "noc_teer",
    "require_candidate",
]

_ONGOING_END = date.max.toordinal()


class _Checks:
    """Collects every problem of one object, then raises them together."""

    def __init__(self, owner: str) -> None:
        self.owner = owner
        self.problems: list[FieldProblem] = []

    def require(self, ok: bool, path: str, value: object, message: str) -> None:
        if not ok:
            self.problems.append(FieldProblem(path, value, message))

    def done(self) -> None:
        if self.problems:
            raise InvalidInputError(self.owner, self.problems)

    def types(self, obj: object, specs: _Specs) -> frozenset[str]:
        """Check the type of every field in ``specs``; the names of the bad ones."""
        bad: list[str] = []
        for name, check in specs:
            if not check(name, getattr(obj, name), self.problems):
                bad.append(name)
        return frozenset(bad)


# --- type checks ---------------------------------------------------------------------
#
# Each model first checks the exact types of its fields in one cheap expression
# (``type(x) is date``...). Only when that fails do the checks below run, field by
# field: they accept what the exact test does not (subclasses, such as numpy's
# float64) and name every field of the wrong type. Value checks then run only on
# the fields whose type is right, so a wrong type never reaches a comparison.

_Check = Callable[[str, object, list[FieldProblem]], bool]
_Specs = tuple[tuple[str, _Check], ...]
_NO_PROBLEMS: frozenset[str] = frozenset()
_finite = math.isfinite


def _bool(path: str, value: object, out: list[FieldProblem]) -> bool:
    if value is True or value is False:
        return True
    out.append(FieldProblem(path, value, "must be true or false"))
    return False


def _whole(path: str, value: object, out: list[FieldProblem]) -> bool:
    if isinstance(value, int) and not isinstance(value, bool | Enum):
        return True
    words = ", not a boolean" if isinstance(value, bool) else " (an int)"
    out.append(FieldProblem(path, value, f"must be a whole number{words}"))
    return False


def _number(path: str, value: object, out: list[FieldProblem]) -> bool:
    if isinstance(value, bool):
        message = "must be a number, not a boolean"
    elif isinstance(value, Enum) or not isinstance(value, int | float):
        message = "must be a number (an int or a float)"
    elif isinstance(value, float) and not _finite(value):
        message = "must be a finite number (not NaN or infinity)"
    else:
        return True
    out.append(FieldProblem(path, value, message))
    return False


def _date(path: str, value: object, out: list[FieldProblem]) -> bool:
    if isinstance(value, date) and not isinstance(value, datetime):
        return True
    message = (
        "must be a date, not a datetime"
        if isinstance(value, datetime)
        else "must be a date (datetime.date)"
    )
    out.append(FieldProblem(path, value, message))
    return False


def _datetime(path: str, value: object, out: list[FieldProblem]) -> bool:
    if isinstance(value, datetime):
        return True
    out.append(FieldProblem(path, value, "must be a datetime (datetime.datetime) with a time zone"))
    return False


def _enum(kind: type[Enum]) -> _Check:
    values = [m.value for m in kind]
    allowed = ", ".join(repr(v) for v in values)

    def check(path: str, value: object, out: list[FieldProblem]) -> bool:
        if isinstance(value, kind):
            return True
        message = f"must be a member of {kind.__name__}, one of {allowed}"
        if isinstance(value, str) and value in values:
            message += f"; a plain string is not converted: pass {kind.__name__}({value!r})"
        out.append(FieldProblem(path, value, message))
        return False

    return check


def _article(name: str) -> str:
    return f"an {name}" if name[0] in "AEIOU" else f"a {name}"


def _model(cls: type) -> _Check:
    message = f"must be {_article(cls.__name__)}"

    def check(path: str, value: object, out: list[FieldProblem]) -> bool:
        if isinstance(value, cls):
            return True
        out.append(FieldProblem(path, value, message))
        return False

    return check


def _tuple_of(cls: type) -> _Check:
    message = f"must be a tuple (or a list) of {cls.__name__}"
    item_message = f"must be {_article(cls.__name__)}"

    def check(path: str, value: object, out: list[FieldProblem]) -> bool:
        if not isinstance(value, tuple):
            out.append(FieldProblem(path, value, message))
            return False
        ok = True
        for i, item in enumerate(value):
            if not isinstance(item, cls):
                out.append(FieldProblem(f"{path}[{i}]", item, item_message))
                ok = False
        return ok

    return check


def _optional(check: _Check) -> _Check:
    def optional(path: str, value: object, out: list[FieldProblem]) -> bool:
        return value is None or check(path, value, out)

    return optional


def _check_noc(checks: _Checks, path: str, noc: object) -> None:
    if type(noc) is str and noc in unit_groups():  # every unit group is a valid code
        return
    if not isinstance(noc, str):  # the type before the format
        checks.require(False, path, noc, f"must be a string, not {type_words(noc)}: {NOC_TEXT}")
        return
    ok = len(noc) == 5 and noc.isdigit() and noc[1] in "012345"
    checks.require(
        ok,
        path,
        noc,
        "must be a 5-digit NOC 2021 code whose 2nd digit (the TEER) is 0-5",
    )
    if ok:
        checks.require(
            noc in unit_groups(),
            path,
            noc,
            f"is not a unit group of {NOC_VERSION}",
        )


def noc_teer(noc: str) -> Teer:
    """The TEER of a NOC 2021 code: its second digit.

    >>> noc_teer("21231")
    <Teer.TEER_1: 1>
    """
    found = _TEER_OF_DIGIT.get(noc[1])
    return Teer(int(noc[1])) if found is None else found


_TEER_OF_DIGIT = {str(t.value): t for t in Teer}


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

    def __attrs_post_init__(self) -> None:
        c = _Checks("WorkPeriod")
        f: Any = self  # the fields as given, of any type until checked
        start, end, hours = f.start, f.end, f.hours_per_week
        bad = _NO_PROBLEMS
        if not (
            type(start) is date
            and (end is None or type(end) is date)
            and ((type(hours) is float and _finite(hours)) or type(hours) is int)
            and type(f.in_canada) is bool
            and type(f.self_employed) is bool
            and type(f.full_time_student) is bool
            and type(f.authorized) is bool
        ):
            bad = c.types(self, _WORK_PERIOD_TYPES)
        if end is not None and "start" not in bad and "end" not in bad and end < start:
            c.require(False, "end", end, f"must not be before start ({start.isoformat()})")
        if "hours_per_week" not in bad:
            c.require(
                0 < hours <= 168,
                "hours_per_week",
                hours,
                "must be more than 0 and at most 168 (the hours in a week)",
            )
        _check_noc(c, "noc", self.noc)
        c.done()

    @property
    def teer(self) -> Teer:
        """TEER category of the job's NOC 2021 code."""
        return noc_teer(self.noc)

    def span(self) -> tuple[int, int, float]:
        """``(first_day, end_day_exclusive, hours)`` as day ordinals."""
        end = _ONGOING_END if self.end is None else self.end.toordinal() + 1
        return (self.start.toordinal(), end, self.hours_per_week)


_WORK_PERIOD_TYPES: _Specs = (
    ("start", _date),
    ("end", _optional(_date)),
    ("hours_per_week", _number),
    ("in_canada", _bool),
    ("self_employed", _bool),
    ("full_time_student", _bool),
    ("authorized", _bool),
)


_WORK_HISTORY_TYPES: _Specs = (("periods", _tuple_of(WorkPeriod)),)


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
            c = _Checks("WorkHistory")
            c.types(self, _WORK_HISTORY_TYPES)
            c.done()
            starts = [p.start for p in periods]  # a subclass of tuple, of periods
            first, last = (min(starts), max(starts)) if starts else (None, None)
        object.__setattr__(self, "_first_start", first)
        object.__setattr__(self, "_last_start", last)

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
        c = _Checks("WorkHistory.from_years")
        try:
            day: date | None = resolve(as_of, where=c.owner, optional=False)
        except InvalidInputError as exc:
            c.problems.extend(exc.problems)
            day = None
        whole = _whole("canadian", canadian, c.problems) & _whole("foreign", foreign, c.problems)
        if whole:
            c.require(canadian >= 0, "canadian", canadian, "must be 0 or more")
            c.require(foreign >= 0, "foreign", foreign, "must be 0 or more")
            if day is not None and canadian >= 0 and foreign >= 0:
                most = day.year - 1
                c.require(
                    canadian + foreign <= most,
                    "foreign" if foreign else "canadian",
                    foreign if foreign else canadian,
                    f"is too many: canadian and foreign years together must be at most "
                    f"{most} (the years before {day.isoformat()})",
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


_SCORE_FIELDS = (Ability.LISTENING, Ability.SPEAKING, Ability.READING, Ability.WRITING)


def _is_score(value: object) -> bool:
    """The fast type test of a score: an exact float (finite) or int."""
    return (type(value) is float and _finite(value)) or type(value) is int


@frozen(kw_only=True, repr=False)
class LanguageResult:
    """A designated language test result and its CLB/NCLC levels.

    The raw scores are converted with the equivalency chart in force **on the test
    date** (:mod:`expressentry.rules.language_tables`). The repr shows the levels
    and the scores: ``LanguageResult(ielts_general 2025-09-20: CLB 10/10/10/9
    L/S/R/W, scores 8.5/7.5/8.0/7.0)`` (NCLC for French).

    Attributes:
        test: Which designated test.
        test_date: The day the test was taken; it picks the chart.
        listening: Raw listening score.
        speaking: Raw speaking score.
        reading: Raw reading score.
        writing: Raw writing score.
        result_date: The date printed on the test report form. IRCC counts the
            2 years of validity from it; when it is not given, validity is
            counted from ``test_date`` (a few days early, never late), and
            every line that relies on it says so.
    """

    test: LanguageTest
    test_date: date
    listening: float
    speaking: float
    reading: float
    writing: float
    result_date: date | None = None
    _levels: tuple[int, int, int, int] = field(init=False, repr=False, eq=False)
    _lowest: int = field(init=False, repr=False, eq=False)
    _language: OfficialLanguage = field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        c = _Checks("LanguageResult")
        f: Any = self  # the fields as given, of any type until checked
        test, taken, result_date = f.test, f.test_date, f.result_date
        bad = _NO_PROBLEMS
        if not (
            type(test) is LanguageTest
            and type(taken) is date
            and (result_date is None or type(result_date) is date)
            and _is_score(f.listening)
            and _is_score(f.speaking)
            and _is_score(f.reading)
            and _is_score(f.writing)
        ):
            bad = c.types(self, _LANGUAGE_RESULT_TYPES)
        if result_date is not None and "test_date" not in bad and "result_date" not in bad:
            c.require(
                result_date >= taken,
                "result_date",
                result_date,
                f"must not be before test_date ({taken.isoformat()})",
            )
            c.require(
                (result_date - taken).days <= RESULT_DELAY_DAYS,
                "result_date",
                result_date,
                f"must be at most {RESULT_DELAY_DAYS} days after test_date "
                f"({taken.isoformat()}): results are reported within weeks {tag(RESULT_DELAY)}",
            )
        if "test" in bad or "test_date" in bad:
            c.done()  # the chart, so the scale of every score, is unknown
        try:
            chart = chart_for(test, taken)
        except RulesNotInForceError as exc:
            c.require(
                False,
                "test_date",
                taken,
                f"IRCC accepts {test.value} results only from tests taken on or "
                f"after {exc.first.isoformat()}",
            )
            c.done()
            raise  # pragma: no cover (done() raised)
        key = None
        if not bad and not c.problems:
            key = (id(chart), f.listening, f.speaking, f.reading, f.writing)
            known = _LEVELS.get(key)
            if known is not None and known[0] is chart:
                # The same scores on the same chart: checked and read before.
                object.__setattr__(self, "_levels", known[1])
                object.__setattr__(self, "_lowest", known[2])
                object.__setattr__(self, "_language", test.language)
                return
        for ability in _SCORE_FIELDS:
            name = ability.value
            if name in bad:
                continue
            score = getattr(self, name)
            scale = chart.scales[ability]
            if not scale.contains(score):
                c.require(
                    False,
                    name,
                    score,
                    f"{test.value} {name} scores on {taken.isoformat()} run {scale.describe()}",
                )
        c.done()
        levels = tuple(chart.level(a, getattr(self, a.value)) for a in _SCORE_FIELDS)
        if key is not None:
            if len(_LEVELS) >= _LEVELS_KEPT:
                _LEVELS.clear()
            _LEVELS[key] = (chart, levels, min(levels))
        object.__setattr__(self, "_levels", levels)
        object.__setattr__(self, "_lowest", min(levels))
        object.__setattr__(self, "_language", self.test.language)

    @property
    def language(self) -> OfficialLanguage:
        """The official language this result proves."""
        return self._language

    @property
    def valid_from(self) -> date:
        """The day validity is counted from: ``result_date``, else ``test_date``."""
        return self.test_date if self.result_date is None else self.result_date

    def clb(self, ability: Ability) -> int:
        """CLB (English) or NCLC (French) level of one ability; 0 below the chart."""
        return self._levels[_SCORE_FIELDS.index(ability)]

    @property
    def levels(self) -> tuple[int, int, int, int]:
        """CLB/NCLC levels as (listening, speaking, reading, writing)."""
        return self._levels

    @property
    def lowest(self) -> int:
        """The lowest of the four levels, the one minimum requirements look at."""
        return self._lowest

    def __repr__(self) -> str:
        levels = "/".join(map(str, self._levels))
        scores = "/".join(repr(getattr(self, a.value)) for a in _SCORE_FIELDS)
        result = "" if self.result_date is None else f", result {self.result_date.isoformat()}"
        return (
            f"LanguageResult({self.test.value} {self.test_date.isoformat()}: "
            f"{self._language.scale} {levels} L/S/R/W, scores {scores}{result})"
        )


_LEVELS: dict[tuple[int, float, float, float, float], tuple[Any, tuple[int, ...], int]] = {}
"""Scores already read on a chart (by the chart's identity): the chart, the levels and the
lowest. A pool repeats the same few scores, so most results are read from here."""
_LEVELS_KEPT = 65_536


_LANGUAGE_RESULT_TYPES: _Specs = (
    ("test", _enum(LanguageTest)),
    ("test_date", _date),
    ("listening", _number),
    ("speaking", _number),
    ("reading", _number),
    ("writing", _number),
    ("result_date", _optional(_date)),
)

_COVERS = {
    CanadianCredential.NONE: EducationLevel.LESS_THAN_SECONDARY,
    CanadianCredential.SECONDARY: EducationLevel.SECONDARY,
    CanadianCredential.ONE_OR_TWO_YEAR: EducationLevel.TWO_YEAR,
    CanadianCredential.THREE_YEAR_OR_MORE: EducationLevel.DOCTORAL,
}
_NEEDS = {
    CanadianCredential.NONE: EducationLevel.LESS_THAN_SECONDARY,
    CanadianCredential.SECONDARY: EducationLevel.SECONDARY,
    CanadianCredential.ONE_OR_TWO_YEAR: EducationLevel.ONE_YEAR,
    CanadianCredential.THREE_YEAR_OR_MORE: EducationLevel.BACHELORS,
}
_EDUCATION_CHECKED: dict[
    tuple[EducationLevel, CanadianCredential, bool], tuple[EducationLevel, bool]
] = {}
"""The scored level, and whether an ECA is needed, of each valid (level, credential,
no ECA) already checked (at most 64)."""

_EDUCATION_TYPES: _Specs = (
    ("level", _enum(EducationLevel)),
    ("canadian_credential", _enum(CanadianCredential)),
    ("eca_issued", _optional(_date)),
)


@frozen(kw_only=True)
class Education:
    """A person's highest education and how IRCC can recognise it.

    Education earns CRS points only when it is Canadian or a foreign credential
    with an Educational Credential Assessment (ECA).

    Attributes:
        level: Highest level, as the CRS names levels.
        canadian_credential: The highest credential earned in Canada.
        eca_issued: Issue date of the ECA report for a foreign credential.
    """

    level: EducationLevel
    canadian_credential: CanadianCredential = CanadianCredential.NONE
    eca_issued: date | None = None
    _scored_level: EducationLevel = field(init=False, repr=False, eq=False)
    _needs_eca: bool = field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        c = _Checks("Education")
        f: Any = self  # the fields as given, of any type until checked
        level, credential, eca = f.level, f.canadian_credential, f.eca_issued
        if not (
            type(level) is EducationLevel
            and type(credential) is CanadianCredential
            and (eca is None or type(eca) is date)
        ):
            c.types(self, _EDUCATION_TYPES)
            c.done()  # the checks below compare the level and the credential
        key = (level, credential, eca is None)
        known = _EDUCATION_CHECKED.get(key)
        if known is not None:  # the same level, credential and ECA or not: checked before
            object.__setattr__(self, "_scored_level", known[0])
            object.__setattr__(self, "_needs_eca", known[1])
            return
        need = _NEEDS[credential]
        c.require(
            level.rank >= need.rank,
            "canadian_credential",
            credential.value,
            f"needs a level of {need.value} or higher (level is {level.value})",
        )
        covered = level.rank <= _COVERS[credential].rank
        c.require(
            credential is CanadianCredential.NONE or covered or eca is not None,
            "eca_issued",
            eca,
            f"a {level.value} level above the Canadian "
            f"{credential.value} credential must be foreign, "
            "so it needs the ECA issue date",
        )
        c.done()
        needs = level is not EducationLevel.LESS_THAN_SECONDARY and not covered
        scored = level if eca is not None or not needs else EducationLevel.LESS_THAN_SECONDARY
        _EDUCATION_CHECKED[key] = (scored, needs)
        object.__setattr__(self, "_scored_level", scored)
        object.__setattr__(self, "_needs_eca", needs)

    @property
    def scored_level(self) -> EducationLevel:
        """The level that earns points, ``level`` if recognized, else the lowest."""
        return self._scored_level

    @property
    def recognized(self) -> bool:
        """Whether the level can earn points (Canadian, with an ECA, or none needed)."""
        return self.eca_issued is not None or not self.needs_eca

    @property
    def needs_eca(self) -> bool:
        """Whether the level must be foreign, so only an ECA makes it count.

        A level the Canadian credential covers may be that credential itself.

        >>> Education(level=EducationLevel.MASTERS,
        ...           canadian_credential=CanadianCredential.ONE_OR_TWO_YEAR,
        ...           eca_issued=date(2024, 1, 1)).needs_eca
        True
        """
        return self._needs_eca  # worked out once per level and credential

    @property
    def canadian_level(self) -> EducationLevel | None:
        """The lowest level the Canadian credential can be, or ``None`` without one.

        >>> Education(level=EducationLevel.MASTERS, eca_issued=date(2024, 1, 1),
        ...           canadian_credential=CanadianCredential.ONE_OR_TWO_YEAR).canadian_level
        <EducationLevel.ONE_YEAR: 'one_year'>
        """
        if self.canadian_credential is CanadianCredential.NONE:
            return None
        return _NEEDS[self.canadian_credential]


@frozen(kw_only=True)
class JobOffer:
    """A qualifying offer of arranged employment.

    Attributes:
        noc: NOC 2021 code of the offered job.
        canadian_armed_forces: The offer comes from the Canadian Armed Forces
            (Canadian Forces Recruiting Group), as the skilled military recruits
            category asks.
    """

    noc: str
    canadian_armed_forces: bool = False
    _teer: Teer = field(init=False, repr=False, eq=False)
    _kind: JobOfferKind = field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        c = _Checks("JobOffer")
        _check_noc(c, "noc", self.noc)
        _bool("canadian_armed_forces", self.canadian_armed_forces, c.problems)
        c.done()
        object.__setattr__(self, "_teer", noc_teer(self.noc))
        object.__setattr__(self, "_kind", JobOfferKind.of(self.noc))

    @property
    def teer(self) -> Teer:
        """TEER of the offered job."""
        return self._teer

    @property
    def kind(self) -> JobOfferKind:
        """Senior manager (major group 00) or any other skilled occupation."""
        return self._kind


_COUNTRY_CODE_LENGTH = 2


@frozen(kw_only=True)
class PoliceCertificate:
    """A police certificate from one country, for the permanent residence application.

    Which countries need one (6 months or more in a row there since age 18) is
    not checked: the profile holds no residence history. What the dates mean for
    the application is in :mod:`expressentry.timelines`.

    Attributes:
        country: The country that issued it, as its ISO 3166-1 alpha-2 code
            (``"IN"``, ``"FR"``), in capitals. Canada (``"CA"``) is refused: no
            certificate is asked for Canada.
        issued: The issue date printed on the certificate.
        left: The day the person left that country after their last stay there,
            or ``None`` while they still live there (then the certificate must be
            recent; for a former country it must be issued after they left).
    """

    country: str
    issued: date
    left: date | None = None

    def __attrs_post_init__(self) -> None:
        f: Any = self  # the fields as given, of any type until checked
        country, issued, left = f.country, f.issued, f.left
        if (
            is_country_code(country)
            and country != "CA"
            and type(issued) is date
            and (left is None or type(left) is date)
        ):
            return
        c = _Checks("PoliceCertificate")
        bad = c.types(self, _POLICE_CERTIFICATE_TYPES)
        if "country" not in bad:
            ok = (
                len(country) == _COUNTRY_CODE_LENGTH
                and country.isascii()
                and country.isalpha()
                and country.isupper()
            )
            c.require(
                ok, "country", country, "must be an ISO 3166-1 alpha-2 code in capitals, e.g. IN"
            )
            c.require(
                not ok or is_country_code(country),
                "country",
                country,
                f"is not the ISO 3166-1 alpha-2 code of a country {tag(COUNTRY_CODE)}",
            )
            c.require(
                country != "CA",
                "country",
                country,
                "no police certificate is asked for Canada; leave it out",
            )
        c.done()


def _string(path: str, value: object, out: list[FieldProblem]) -> bool:
    if isinstance(value, str):
        return True
    out.append(FieldProblem(path, value, "must be a string"))
    return False


_POLICE_CERTIFICATE_TYPES: _Specs = (
    ("country", _string),
    ("issued", _date),
    ("left", _optional(_date)),
)


def _certificates_tuple(
    value: tuple[PoliceCertificate, ...] | list[PoliceCertificate],
) -> tuple[PoliceCertificate, ...]:
    """A list of certificates becomes a tuple (anything else is checked, never converted)."""
    return tuple(value) if isinstance(value, list) else value


def _documents_ok(medical: object, passport: object, certificates: object) -> bool:
    """The fast type test of the document fields every person has."""
    return (
        (medical is None or type(medical) is date)
        and (passport is None or type(passport) is date)
        and type(certificates) is tuple
        and all(isinstance(x, PoliceCertificate) for x in certificates)
    )


@frozen(kw_only=True)
class Spouse:
    """The candidate's spouse or common-law partner.

    Attributes:
        accompanying: Whether the spouse will come to Canada with the candidate.
        canadian_citizen_or_pr: A citizen or permanent resident spouse never
            changes the candidate's score.
        education: The spouse's education.
        language: The spouse's result in their first official language, if any.
        work_history: The spouse's jobs (only Canadian skilled work scores).
        studied_in_canada: The spouse completed two or more academic years of
            full-time study in Canada (FSW adaptability).
        medical_exam: The day of the spouse's immigration medical exam, if any.
        passport_expiry: The expiry date printed in the spouse's passport, if known.
        police_certificates: The spouse's police certificates, one per country.
    """

    accompanying: bool = True
    canadian_citizen_or_pr: bool = False
    education: Education | None = None
    language: LanguageResult | None = None
    work_history: WorkHistory = WorkHistory()
    studied_in_canada: bool = False
    medical_exam: date | None = None
    passport_expiry: date | None = None
    police_certificates: tuple[PoliceCertificate, ...] = field(
        default=(), converter=_certificates_tuple
    )

    def __attrs_post_init__(self) -> None:
        f: Any = self  # the fields as given, of any type until checked
        education, language = f.education, f.language
        if not (
            type(f.accompanying) is bool
            and type(f.canadian_citizen_or_pr) is bool
            and type(f.studied_in_canada) is bool
            and (education is None or isinstance(education, Education))
            and (language is None or isinstance(language, LanguageResult))
            and isinstance(f.work_history, WorkHistory)
            and _documents_ok(f.medical_exam, f.passport_expiry, f.police_certificates)
        ):
            c = _Checks("Spouse")
            c.types(self, _SPOUSE_TYPES)
            c.done()

    @property
    def scored_with(self) -> bool:
        """Whether the candidate is scored "with spouse" (accompanying, not citizen/PR)."""
        return self.accompanying and not self.canadian_citizen_or_pr


_SPOUSE_TYPES: _Specs = (
    ("accompanying", _bool),
    ("canadian_citizen_or_pr", _bool),
    ("education", _optional(_model(Education))),
    ("language", _optional(_model(LanguageResult))),
    ("work_history", _model(WorkHistory)),
    ("studied_in_canada", _bool),
    ("medical_exam", _optional(_date)),
    ("passport_expiry", _optional(_date)),
    ("police_certificates", _tuple_of(PoliceCertificate)),
)


def _languages_tuple(
    value: tuple[LanguageResult, ...] | list[LanguageResult],
) -> tuple[LanguageResult, ...]:
    """A list of results becomes a tuple (anything else is checked, never converted)."""
    return tuple(value) if isinstance(value, list) else value


_DATED = frozenset(
    {
        "date_of_birth",
        "spouse",
        "languages",
        "education",
        "work_history",
        "medical_exam",
        "passport_expiry",
        "police_certificates",
    }
)
"""The fields that hold or lead to the profile's dates: checked only when all are of their type."""

_WORK, _DOCUMENT, _EXPIRY = "work", "document", "expiry"
"""The kinds of a profile's dates: a job's start, something done or issued on that
day, and a passport's expiry (a day ahead, never "after the day assessed")."""

_Dated = tuple[str, object, date, str, bool]
"""(path, value as given, day, kind, the candidate's own)."""


def _dated_fields(c: Candidate) -> Iterator[_Dated]:
    """Every date of a profile, the candidate's and the spouse's, in one list.

    Each as ``(path, value as given, day, kind, own)``: ``profile_submitted`` is
    given as a date-time and counted by its day in UTC; ``own`` is false for the
    spouse's, whose birth date the profile does not hold. The plausibility of a
    lifetime and :func:`check_dates` both read this one list.
    """
    submitted = c._submitted_day
    for prefix, p, own in (("", c, True), ("spouse.", c.spouse, False)):
        if p is None:
            continue
        results = p.languages if isinstance(p, Candidate) else (p.language,)
        for i, r in enumerate(results):
            if r is None:
                continue
            at = f"{prefix}languages[{i}]" if own else f"{prefix}language"
            yield f"{at}.test_date", r.test_date, r.test_date, _DOCUMENT, own
            if r.result_date is not None:
                yield f"{at}.result_date", r.result_date, r.result_date, _DOCUMENT, own
        if p.education is not None and p.education.eca_issued is not None:
            eca = p.education.eca_issued
            yield f"{prefix}education.eca_issued", eca, eca, _DOCUMENT, own
        for i, w in enumerate(p.work_history.periods):
            yield f"{prefix}work_history[{i}].start", w.start, w.start, _WORK, own
        if own and submitted is not None:
            yield "profile_submitted", c.profile_submitted, submitted, _DOCUMENT, own
        if p.medical_exam is not None:
            yield f"{prefix}medical_exam", p.medical_exam, p.medical_exam, _DOCUMENT, own
        for i, pc in enumerate(p.police_certificates):
            at = f"{prefix}police_certificates[{i}]"
            yield f"{at}.issued", pc.issued, pc.issued, _DOCUMENT, own
            if pc.left is not None:
                yield f"{at}.left", pc.left, pc.left, _DOCUMENT, own
        if p.passport_expiry is not None:
            yield f"{prefix}passport_expiry", p.passport_expiry, p.passport_expiry, _EXPIRY, own


def _span(p: Candidate | Spouse) -> tuple[date | None, date | None]:
    """The earliest and the latest day of a person's own dates, work and passport aside.

    Tests, results, the ECA, the medical exam and police certificates (issued, left),
    in one pass without a path or a message: what every construction needs.
    """
    days: list[date] = []
    for r in p.languages if isinstance(p, Candidate) else (p.language,):
        if r is not None:
            days.append(r.test_date)
            if r.result_date is not None:
                days.append(r.result_date)
    if p.education is not None and p.education.eca_issued is not None:
        days.append(p.education.eca_issued)
    if p.medical_exam is not None:
        days.append(p.medical_exam)
    for pc in p.police_certificates:
        days.append(pc.issued)
        if pc.left is not None:
            days.append(pc.left)
    return (min(days), max(days)) if days else (None, None)


def _bounds(c: Candidate, submitted: date | None) -> tuple[date | None, date | None, date | None]:
    """(the candidate's earliest date, their latest day done, the latest day done of anyone).

    The passport's expiry counts for the earliest only (it may lie ahead); the
    lifetime checks look further only when one of these crosses a bound.
    """
    history = c.work_history
    low, high = _span(c)
    for day in (submitted, history._first_start, c.passport_expiry):
        if day is not None and (low is None or day < low):
            low = day
    for day in (submitted, history._last_start):
        if day is not None and (high is None or day > high):
            high = day
    everyone = high
    spouse = c.spouse
    if spouse is not None:
        theirs = _span(spouse)[1]
        started = spouse.work_history._last_start
        if started is not None and (theirs is None or started > theirs):
            theirs = started
        if theirs is not None and (everyone is None or theirs > everyone):
            everyone = theirs
    return low, high, everyone


def _check_lifetime(c: _Checks, candidate: Candidate, born: date) -> None:
    """Refuse every date outside the applicant's possible lifetime, and the birth date with them.

    Which of the two is wrong is not known, so both are named: each date by its
    path, and ``date_of_birth`` once per rule, with the first date it contradicts.
    """
    broken: dict[str, list[str]] = {}
    for path, value, day, kind, own in _dated_fields(candidate):
        if not own:
            continue
        if day < born:
            rule, words = AFTER_BIRTH, f"is before the date of birth ({born.isoformat()})"
        elif kind is _WORK and completed_years(born, day) < WORKING_AGE:
            rule = WORK_AGE
            words = f"is before the {WORKING_AGE}th birthday (born {born.isoformat()})"
        elif kind is not _EXPIRY and completed_years(born, day) > OLDEST_AGE:
            rule = AGE
            words = (
                f"is at age {OLDEST_AGE + 1} or more (born {born.isoformat()}): "
                f"no one has lived past {OLDEST_AGE}"
            )
        else:
            continue
        c.require(False, path, value, f"{words} {tag(rule)}")
        broken.setdefault(rule, []).append(f"{path} {day.isoformat()}")
    said = {
        AFTER_BIRTH: "is after",
        WORK_AGE: f"is less than {WORKING_AGE} years before",
        AGE: f"is more than {OLDEST_AGE} years before",
    }
    for rule, paths in broken.items():
        more = f" and {len(paths) - 1} more" if len(paths) > 1 else ""
        c.require(
            False,
            "date_of_birth",
            born,
            f"{said[rule]} {paths[0]}{more}: one or the other is wrong {tag(rule)}",
        )


@frozen(kw_only=True)
class Candidate:
    """An Express Entry profile, as the CRS reads it.

    Attributes:
        date_of_birth: Age is counted in completed years on the day scored.
        marital_status: Married and common-law candidates need a ``spouse``.
        spouse: The spouse or partner, or ``None``.
        education: The candidate's education.
        languages: At most one result per official language: a tuple of
            :class:`LanguageResult` (a list is accepted and stored as a tuple).
        first_official_language: Which language is first; may be left out when
            there is only one result.
        work_history: Every job; experience years are derived from it. No job
            may start before the 16th birthday (1 March for a 29 February birth
            in a common year).
        certificate_of_qualification: A trade certificate issued by a province,
            territory or federal body.
        certificate_noc: The NOC 2021 code of the certificate's trade (the
            Federal Skilled Trades Program asks for the same trade as the work).
        provincial_nomination: Holds a provincial or territorial nomination.
        job_offer: A qualifying offer of arranged employment, if any.
        sibling_in_canada: A brother or sister (of the candidate or the
            accompanying spouse) living in Canada, 18+, citizen or PR.
        profile_submitted: When the profile entered the pool (timezone-aware);
            the tie-break key of rounds.
        dependent_children: Dependent children of the candidate and the spouse;
            with them, the family size settlement funds are measured against.
        settlement_funds: Money available to settle in Canada, in Canadian
            dollars, or ``None`` if not declared.
        authorized_to_work_in_canada: Currently authorized to work in Canada
            (with a job offer, it exempts from settlement funds).
        studied_in_canada: Completed two or more academic years of full-time
            study in Canada (FSW adaptability).
        relative_in_canada: The candidate or accompanying spouse has a relative
            (parent, grandparent, child, grandchild, sibling, aunt, uncle, niece
            or nephew) living in Canada, 18+, citizen or PR (FSW adaptability).
        plans_to_live_in_quebec: Quebec selects its own skilled workers; the
            federal programs are for those who will live elsewhere.
        medical_exam: The day of the candidate's immigration medical exam, if any.
        passport_expiry: The expiry date printed in the candidate's passport, if
            known.
        police_certificates: The candidate's police certificates, one per country.

    The last three change no score and no eligibility: they are read by
    :mod:`expressentry.timelines` (what will be valid on the day of applying).
    """

    date_of_birth: date
    education: Education
    marital_status: MaritalStatus = MaritalStatus.NEVER_MARRIED
    spouse: Spouse | None = None
    languages: tuple[LanguageResult, ...] = field(default=(), converter=_languages_tuple)
    first_official_language: OfficialLanguage | None = None
    work_history: WorkHistory = WorkHistory()
    certificate_of_qualification: bool = False
    provincial_nomination: bool = False
    job_offer: JobOffer | None = None
    sibling_in_canada: bool = False
    profile_submitted: datetime | None = None
    certificate_noc: str | None = None
    dependent_children: int = 0
    settlement_funds: int | None = None
    authorized_to_work_in_canada: bool = False
    studied_in_canada: bool = False
    relative_in_canada: bool = False
    plans_to_live_in_quebec: bool = False
    medical_exam: date | None = None
    passport_expiry: date | None = None
    police_certificates: tuple[PoliceCertificate, ...] = field(
        default=(), converter=_certificates_tuple
    )
    _first: LanguageResult | None = field(init=False, repr=False, eq=False)
    _second: LanguageResult | None = field(init=False, repr=False, eq=False)
    _latest_document: date | None = field(init=False, repr=False, eq=False)
    _submitted_day: date | None = field(init=False, repr=False, eq=False)
    derived: object = field(init=False, default=None, repr=False, eq=False)
    """Where the library keeps what it derives from this immutable profile to score
    it fast (the CRS inputs, packed on first use). It holds nothing of the profile:
    it is never compared, hashed or serialized, and the models never read it."""

    def __attrs_post_init__(self) -> None:  # noqa: PLR0912, PLR0915 (every check, in order)
        c = _Checks("Candidate")
        f: Any = self  # the fields as given, of any type until checked
        born, status, spouse = f.date_of_birth, f.marital_status, f.spouse
        languages, first, history = f.languages, f.first_official_language, f.work_history
        when, children, funds = f.profile_submitted, f.dependent_children, f.settlement_funds
        languages_ok = type(languages) is tuple
        if languages_ok:
            for r in languages:
                if not isinstance(r, LanguageResult):
                    languages_ok = False
                    break
        bad = _NO_PROBLEMS
        if not (
            languages_ok
            and type(born) is date
            and isinstance(f.education, Education)
            and type(status) is MaritalStatus
            and (spouse is None or isinstance(spouse, Spouse))
            and (first is None or type(first) is OfficialLanguage)
            and isinstance(history, WorkHistory)
            and type(f.certificate_of_qualification) is bool
            and type(f.provincial_nomination) is bool
            and (f.job_offer is None or isinstance(f.job_offer, JobOffer))
            and type(f.sibling_in_canada) is bool
            and (when is None or type(when) is datetime)
            and type(children) is int
            and (funds is None or type(funds) is int)
            and type(f.authorized_to_work_in_canada) is bool
            and type(f.studied_in_canada) is bool
            and type(f.relative_in_canada) is bool
            and type(f.plans_to_live_in_quebec) is bool
            and _documents_ok(f.medical_exam, f.passport_expiry, f.police_certificates)
        ):
            bad = c.types(self, _CANDIDATE_TYPES)
        if (
            "marital_status" not in bad
            and "spouse" not in bad
            and status.has_partner != (spouse is not None)
        ):
            c.require(
                False,
                "spouse",
                spouse,
                f"must be given exactly when marital_status is married or common_law "
                f"(it is {status.value})",
            )
        by_language: dict[OfficialLanguage, LanguageResult] = {}
        if "languages" not in bad:
            by_language = {r._language: r for r in languages}
            if len(by_language) != len(languages):
                c.require(
                    False,
                    "languages",
                    [r.test.value for r in languages],
                    "give at most one result per official language",
                )
            if "first_official_language" not in bad:
                if first is None and len(by_language) == 1:
                    first = next(iter(by_language))
                if by_language and (first is None or first not in by_language):
                    c.require(
                        False,
                        "first_official_language",
                        None if first is None else first.value,
                        "must name the language of one of the results "
                        f"({', '.join(sorted(lang.value for lang in by_language))})",
                    )
        submitted: date | None = None
        if when is not None and "profile_submitted" not in bad:
            if when.utcoffset() is None:
                c.require(
                    False,
                    "profile_submitted",
                    when,
                    "must carry a time zone (for example 2025-01-31T14:05:00+00:00)",
                )
            else:
                try:
                    submitted = when.astimezone(UTC).date()
                except OverflowError:
                    c.require(False, "profile_submitted", when, "is out of range in UTC")
        if self.certificate_noc is not None:
            _check_noc(c, "certificate_noc", self.certificate_noc)
            if "certificate_of_qualification" not in bad:
                c.require(
                    self.certificate_of_qualification,
                    "certificate_noc",
                    self.certificate_noc,
                    "names the trade of a certificate, "
                    "so certificate_of_qualification must be true",
                )
        if "dependent_children" not in bad:
            if children < 0:
                c.require(False, "dependent_children", children, "must be 0 or more")
            elif children > MOST_DEPENDENT_CHILDREN:
                c.require(
                    False,
                    "dependent_children",
                    children,
                    f"must be at most {MOST_DEPENDENT_CHILDREN}: no applicant has more "
                    f"{tag(DEPENDENT_CHILDREN)}",
                )
        if funds is not None and "settlement_funds" not in bad:
            c.require(funds >= 0, "settlement_funds", funds, "must be 0 or more Canadian dollars")
        if submitted is not None and submitted < PROFILES_FROM:
            c.require(
                False,
                "profile_submitted",
                when,
                f"is before Express Entry opened ({PROFILES_FROM.isoformat()}) "
                f"{tag(PROFILE_SUBMITTED)}",
            )
        object.__setattr__(self, "_submitted_day", submitted)
        everyone = None
        if not bad & _DATED:
            earliest, latest, everyone = _bounds(self, submitted)
            first_work = history._first_start
            if earliest is not None and (
                earliest < born
                or (
                    first_work is not None
                    and first_work.year - born.year <= WORKING_AGE  # else surely old enough
                    and completed_years(born, first_work) < WORKING_AGE
                )
                or (
                    latest is not None
                    and latest.year - born.year > OLDEST_AGE  # else surely young enough
                    and completed_years(born, latest) > OLDEST_AGE
                )
            ):
                _check_lifetime(c, self, born)
        c.done()
        second = None
        if first is not None:
            other = (
                OfficialLanguage.FRENCH
                if first is OfficialLanguage.ENGLISH
                else OfficialLanguage.ENGLISH
            )
            second = by_language.get(other)
        object.__setattr__(self, "_first", by_language.get(first) if first else None)
        object.__setattr__(self, "_second", second)
        object.__setattr__(self, "_latest_document", everyone)

    @property
    def latest_document(self) -> date | None:
        """The latest date in the profile that must not be after the day assessed.

        The latest of every test, result, ECA, medical exam and police certificate
        date, the start of every job (the candidate's and the spouse's) and the day
        ``profile_submitted`` falls on in UTC; ``None`` when the profile holds none
        (see :func:`check_dates`).
        """
        return self._latest_document

    @property
    def submitted_day(self) -> date | None:
        """The day ``profile_submitted`` falls on in UTC (the pool's days are UTC days)."""
        return self._submitted_day

    @property
    def first_language_result(self) -> LanguageResult | None:
        """The result in the first official language, if any."""
        return self._first

    @property
    def second_language_result(self) -> LanguageResult | None:
        """The result in the second official language, if any."""
        return self._second

    def result_in(self, language: OfficialLanguage) -> LanguageResult | None:
        """The result in ``language``, if any."""
        for r in self.languages:
            if r.language is language:
                return r
        return None

    @property
    def family_size(self) -> int:
        """The family size settlement funds are measured for.

        The candidate, the spouse (accompanying or not, citizen or not) and every
        dependent child count.
        """
        return 1 + (self.spouse is not None) + self.dependent_children

    @property
    def scored_with_spouse(self) -> bool:
        """Whether the CRS uses its "with spouse" columns for this candidate."""
        return self.spouse is not None and self.spouse.scored_with


_CANDIDATE_TYPES: _Specs = (
    ("date_of_birth", _date),
    ("education", _model(Education)),
    ("marital_status", _enum(MaritalStatus)),
    ("spouse", _optional(_model(Spouse))),
    ("languages", _tuple_of(LanguageResult)),
    ("first_official_language", _optional(_enum(OfficialLanguage))),
    ("work_history", _model(WorkHistory)),
    ("certificate_of_qualification", _bool),
    ("provincial_nomination", _bool),
    ("job_offer", _optional(_model(JobOffer))),
    ("sibling_in_canada", _bool),
    ("profile_submitted", _optional(_datetime)),
    ("dependent_children", _whole),
    ("settlement_funds", _optional(_whole)),
    ("authorized_to_work_in_canada", _bool),
    ("studied_in_canada", _bool),
    ("relative_in_canada", _bool),
    ("plans_to_live_in_quebec", _bool),
    ("medical_exam", _optional(_date)),
    ("passport_expiry", _optional(_date)),
    ("police_certificates", _tuple_of(PoliceCertificate)),
)


def check_dates(candidate: Candidate, *, as_of: date | None = None, day: str | None = None) -> None:
    """Refuse a profile assessed on ``as_of`` (``None``: today) before its own dates.

    Refused, each by its path: a test, result, ECA, medical exam or police
    certificate dated after ``as_of``; work (the candidate's or the spouse's) that
    starts after it; a birth after it; and a ``profile_submitted`` whose date **in
    UTC** is after it (so
    ``2026-11-22T23:30:00-05:00``, which is 2026-11-23 in UTC, is refused on
    2026-11-22); and a birth that makes the applicant older than
    :data:`~expressentry.plausibility.OLDEST_AGE` on ``as_of``. Ongoing work and
    work that ends after ``as_of`` are allowed: only the part up to ``as_of`` counts.
    ``day`` says what ``as_of`` is to the user, with the date ("the deadline to
    apply (2020-03-01) for the invitation of 2020-01-01"), so the error names a day
    they gave or can place; by default "the day assessed (2020-03-01)".

    Raises:
        InvalidInputError: naming every date after ``as_of``, or ``as_of`` itself
            when it is not a date.
    """
    as_of = resolve(as_of, where="check_dates")
    if not isinstance(candidate, Candidate):
        raise InvalidInputError(
            "check_dates", [FieldProblem("candidate", candidate, "must be a Candidate")]
        )
    latest = candidate._latest_document
    born = candidate.date_of_birth
    if (
        born <= as_of
        and (latest is None or latest <= as_of)
        and as_of.year - born.year <= OLDEST_AGE  # so the age is at most OLDEST_AGE
    ):
        return
    after = f"is after {day or f'the day assessed ({as_of.isoformat()})'}"
    problems = [
        FieldProblem(
            path, value, f"{after}: it is {when} in UTC" if path == "profile_submitted" else after
        )
        for path, value, when, kind, _ in _dated_fields(candidate)
        if when > as_of and kind is not _EXPIRY
    ]
    if born > as_of:
        problems.append(FieldProblem("date_of_birth", born, after))
    elif completed_years(born, as_of) > OLDEST_AGE:
        problems.append(
            FieldProblem(
                "date_of_birth",
                born,
                f"makes the applicant {completed_years(born, as_of)} on "
                f"{day or f'the day assessed ({as_of.isoformat()})'}: no one has lived past "
                f"{OLDEST_AGE} {tag(AGE)}",
            )
        )
    if problems:
        raise InvalidInputError("Candidate", problems)


def require_candidate(value: object, where: str) -> Candidate:
    """``value`` if it is a :class:`Candidate`; else an error naming ``candidate``.

    Public functions that take a profile call this first, so a wrong object is a
    clear error rather than an ``AttributeError`` from deep inside a rule.
    """
    if isinstance(value, Candidate):
        return value
    raise InvalidInputError(where, [FieldProblem("candidate", value, "must be a Candidate")])
