"""The candidate's profile: immutable, validated, in the words of the Express Entry form.

Every model is a frozen attrs class with keyword-only arguments. Each one checks
all of its fields when it is built and raises one
:class:`~expressentry.errors.InvalidInputError` naming every bad field and its
value, so no bad value ever reaches a computation. Nothing is clamped.

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

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from attrs import field, frozen
from dateutil.relativedelta import relativedelta

from expressentry._hours import Segments, build_segments
from expressentry._kinds import DEFAULT_CAP, Kind, canadian_kind, foreign_kind
from expressentry._packed import CrsInputs, pack
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
from expressentry.rules.language_tables import chart_for

__all__ = [
    "Candidate",
    "Education",
    "JobOffer",
    "LanguageResult",
    "Spouse",
    "WorkHistory",
    "WorkPeriod",
    "check_dates",
    "noc_teer",
]

_ONGOING_END = date.max.toordinal()
_DEFAULT_KINDS = (canadian_kind(), foreign_kind())


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


def _check_noc(checks: _Checks, path: str, noc: object) -> None:
    ok = isinstance(noc, str) and len(noc) == 5 and noc.isdigit() and noc[1] in "012345"
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
    return Teer(int(noc[1]))


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
        c.require(
            self.end is None or self.end >= self.start,
            "end",
            self.end,
            f"must not be before start ({self.start.isoformat()})",
        )
        c.require(
            0 < self.hours_per_week <= 168,
            "hours_per_week",
            self.hours_per_week,
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


@frozen(kw_only=True)
class WorkHistory:
    """Every job a person reports, in any order; its JSON form is a plain list.

    Years of experience are never typed in: they are derived from these periods on
    the day scored (see :mod:`expressentry.experience`).
    """

    periods: tuple[WorkPeriod, ...] = ()
    _segments: dict[object, Segments] = field(init=False, repr=False, eq=False, factory=dict)
    _crs: tuple[Segments, Segments] = field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        # The CRS kinds (Canadian, foreign) under today's TEERs and cap, ready before
        # the first score; other kinds and caps are built on first use.
        crs = (
            (
                self.segments(_DEFAULT_KINDS[0], DEFAULT_CAP),
                self.segments(_DEFAULT_KINDS[1], DEFAULT_CAP),
            )
            if self.periods
            else ((), ())
        )
        object.__setattr__(self, "_crs", crs)

    def segments(self, kind: Kind, cap: float) -> Segments:
        """Capped hour segments of the periods of ``kind`` (cached per kind and cap)."""
        key = (kind[0], kind[1], cap)
        found = self._segments.get(key)
        if found is None:
            include = kind[2]
            found = build_segments((p.span() for p in self.periods if include(p)), cap)
            self._segments[key] = found
        return found

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
        c.require(canadian >= 0, "canadian", canadian, "must be 0 or more")
        c.require(foreign >= 0, "foreign", foreign, "must be 0 or more")
        c.done()
        periods: list[WorkPeriod] = []
        end = as_of
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


@frozen(kw_only=True)
class LanguageResult:
    """A designated language test result and its CLB/NCLC levels.

    The raw scores are converted with the equivalency chart in force **on the test
    date** (:mod:`expressentry.rules.language_tables`).

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
    _code: int = field(init=False, repr=False, eq=False)
    _language: OfficialLanguage = field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        c = _Checks("LanguageResult")
        c.require(
            self.result_date is None or self.result_date >= self.test_date,
            "result_date",
            self.result_date,
            f"must not be before test_date ({self.test_date.isoformat()})",
        )
        try:
            chart = chart_for(self.test, self.test_date)
        except RulesNotInForceError as exc:
            c.require(
                False,
                "test_date",
                self.test_date,
                f"IRCC accepts {self.test.value} results only from tests taken on or "
                f"after {exc.first.isoformat()}",
            )
            c.done()
            raise  # pragma: no cover (done() raised)
        for ability in _SCORE_FIELDS:
            score = getattr(self, ability.value)
            scale = chart.scales[ability]
            c.require(
                not isinstance(score, bool) and scale.contains(score),
                ability.value,
                score,
                f"{self.test.value} {ability.value} scores on "
                f"{self.test_date.isoformat()} run {scale.describe()}",
            )
        c.done()
        levels = tuple(chart.level(a, getattr(self, a.value)) for a in _SCORE_FIELDS)
        object.__setattr__(self, "_levels", levels)
        object.__setattr__(self, "_lowest", min(levels))
        # the four levels as one number (base 13), a cheap key for scoring memos
        object.__setattr__(
            self, "_code", ((levels[0] * 13 + levels[1]) * 13 + levels[2]) * 13 + levels[3]
        )
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
    _code: int = field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        c = _Checks("Education")
        need = _NEEDS[self.canadian_credential]
        c.require(
            self.level.rank >= need.rank,
            "canadian_credential",
            self.canadian_credential.value,
            f"needs a level of {need.value} or higher (level is {self.level.value})",
        )
        covered = self.level.rank <= _COVERS[self.canadian_credential].rank
        c.require(
            self.canadian_credential is CanadianCredential.NONE
            or covered
            or self.eca_issued is not None,
            "eca_issued",
            self.eca_issued,
            f"a {self.level.value} level above the Canadian "
            f"{self.canadian_credential.value} credential must be foreign, "
            "so it needs the ECA issue date",
        )
        c.done()
        scored = self.level if self.recognized else EducationLevel.LESS_THAN_SECONDARY
        object.__setattr__(self, "_scored_level", scored)
        object.__setattr__(self, "_code", self.level.rank * 8 + scored.rank)

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
        return (
            self.level is not EducationLevel.LESS_THAN_SECONDARY
            and self.level.rank > _COVERS[self.canadian_credential].rank
        )

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
        c.done()
        object.__setattr__(self, "_teer", noc_teer(self.noc))
        kind = JobOfferKind.MAJOR_GROUP_00 if self.noc[:2] == "00" else JobOfferKind.OTHER_SKILLED
        object.__setattr__(self, "_kind", kind)

    @property
    def teer(self) -> Teer:
        """TEER of the offered job."""
        return self._teer

    @property
    def kind(self) -> JobOfferKind:
        """Senior manager (major group 00) or any other skilled occupation."""
        return self._kind


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
    """

    accompanying: bool = True
    canadian_citizen_or_pr: bool = False
    education: Education | None = None
    language: LanguageResult | None = None
    work_history: WorkHistory = WorkHistory()
    studied_in_canada: bool = False

    @property
    def scored_with(self) -> bool:
        """Whether the candidate is scored "with spouse" (accompanying, not citizen/PR)."""
        return self.accompanying and not self.canadian_citizen_or_pr


@frozen(kw_only=True)
class Candidate:
    """An Express Entry profile, as the CRS reads it.

    Attributes:
        date_of_birth: Age is counted in completed years on the day scored.
        marital_status: Married and common-law candidates need a ``spouse``.
        spouse: The spouse or partner, or ``None``.
        education: The candidate's education.
        languages: At most one result per official language.
        first_official_language: Which language is first; may be left out when
            there is only one result.
        work_history: Every job; experience years are derived from it.
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
    """

    date_of_birth: date
    education: Education
    marital_status: MaritalStatus = MaritalStatus.NEVER_MARRIED
    spouse: Spouse | None = None
    languages: tuple[LanguageResult, ...] = ()
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
    _first: LanguageResult | None = field(init=False, repr=False, eq=False)
    _second: LanguageResult | None = field(init=False, repr=False, eq=False)
    _latest_document: date | None = field(init=False, repr=False, eq=False)
    _crs_inputs: CrsInputs = field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        c = _Checks("Candidate")
        has_partner = self.marital_status.has_partner
        c.require(
            has_partner == (self.spouse is not None),
            "spouse",
            self.spouse,
            f"must be given exactly when marital_status is married or common_law "
            f"(it is {self.marital_status.value})",
        )
        by_language = {r.language: r for r in self.languages}
        c.require(
            len(by_language) == len(self.languages),
            "languages",
            [r.test.value for r in self.languages],
            "give at most one result per official language",
        )
        first = self.first_official_language
        if first is None and len(by_language) == 1:
            first = next(iter(by_language))
        c.require(
            not by_language or (first is not None and first in by_language),
            "first_official_language",
            None if first is None else first.value,
            "must name the language of one of the results "
            f"({', '.join(sorted(lang.value for lang in by_language))})",
        )
        when = self.profile_submitted
        c.require(
            when is None or when.utcoffset() is not None,
            "profile_submitted",
            when,
            "must carry a time zone (for example 2025-01-31T14:05:00+00:00)",
        )
        if self.certificate_noc is not None:
            _check_noc(c, "certificate_noc", self.certificate_noc)
            c.require(
                self.certificate_of_qualification,
                "certificate_noc",
                self.certificate_noc,
                "names the trade of a certificate, so certificate_of_qualification must be true",
            )
        c.require(
            self.dependent_children >= 0,
            "dependent_children",
            self.dependent_children,
            "must be 0 or more",
        )
        c.require(
            self.settlement_funds is None or self.settlement_funds >= 0,
            "settlement_funds",
            self.settlement_funds,
            "must be 0 or more Canadian dollars",
        )
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
        dates = [when for _, when in iter_dated_inputs(self)]
        object.__setattr__(self, "_latest_document", max(dates) if dates else None)
        object.__setattr__(self, "_crs_inputs", pack(self))

    @property
    def latest_document(self) -> date | None:
        """The latest test or ECA date in the profile, which must not be after ``as_of``."""
        return self._latest_document

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


def completed_years(born: date, on: date) -> int:
    """Completed years from ``born`` to ``on`` (age on a birthday counts the new year).

    >>> completed_years(date(1996, 11, 22), date(2026, 11, 21))
    29
    >>> completed_years(date(1996, 11, 22), date(2026, 11, 22))
    30
    """
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def iter_dated_inputs(candidate: Candidate) -> Iterable[tuple[str, date]]:
    """Every dated document of a profile, with its path, for "not after as_of" checks."""
    for i, r in enumerate(candidate.languages):
        yield f"languages[{i}].test_date", r.test_date
        if r.result_date is not None:
            yield f"languages[{i}].result_date", r.result_date
    if candidate.education.eca_issued is not None:
        yield "education.eca_issued", candidate.education.eca_issued
    spouse = candidate.spouse
    if spouse is not None:
        if spouse.language is not None:
            yield "spouse.language.test_date", spouse.language.test_date
            if spouse.language.result_date is not None:
                yield "spouse.language.result_date", spouse.language.result_date
        if spouse.education is not None and spouse.education.eca_issued is not None:
            yield "spouse.education.eca_issued", spouse.education.eca_issued


def check_dates(candidate: Candidate, as_of: date) -> None:
    """Refuse a profile assessed before its own dates: a document or birth after ``as_of``.

    Raises:
        InvalidInputError: naming every date after ``as_of``.
    """
    latest = candidate.latest_document
    if candidate.date_of_birth <= as_of and (latest is None or latest <= as_of):
        return
    problems = [
        FieldProblem(path, when, f"is after the day assessed ({as_of.isoformat()})")
        for path, when in iter_dated_inputs(candidate)
        if when > as_of
    ]
    if candidate.date_of_birth > as_of:
        problems.append(
            FieldProblem("date_of_birth", candidate.date_of_birth, f"is after {as_of.isoformat()}")
        )
    raise InvalidInputError("Candidate", problems)
