"""The profile itself, the spouse's part of it, and the dates it must hold together."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timezone
from typing import TYPE_CHECKING, Any, ClassVar, SupportsIndex

import attrs
from attrs import field, frozen

from expressentry._ages import completed_years
from expressentry._memo import IdentityCache
from expressentry._today import resolve
from expressentry.enums import (
    CanadianCredential,
    EducationLevel,
    LanguageTest,
    MaritalStatus,
    OfficialLanguage,
)
from expressentry.errors import FieldProblem, InvalidInputError
from expressentry.i18n import N_, Message, tr
from expressentry.models import _pickling
from expressentry.models._fields import (
    NO_PROBLEMS,
    Checks,
    Specs,
    children_count,
    dollars,
    instance_of,
    is_bool,
    is_date,
    is_datetime,
    is_noc,
    member_of,
    optional,
    tuple_of,
)
from expressentry.models._pickling import codes, filler, maker, number
from expressentry.models._pickling import day as _shared_day
from expressentry.models.documents import (
    JobOffer,
    PoliceCertificate,
    certificates_tuple,
    documents_ok,
    make_certificate,
)
from expressentry.models.documents import (
    offer as _offer,
)
from expressentry.models.education import Education
from expressentry.models.education import build as _education
from expressentry.models.language import LanguageResult, make_result, read_under
from expressentry.models.work import WorkHistory, WorkPeriod, make_history, make_period
from expressentry.plausibility import (
    AFTER_BIRTH,
    AGE,
    OLDEST_AGE,
    PROFILE_SUBMITTED,
    PROFILES_FROM,
    WORK_AGE,
    WORKING_AGE,
    tag,
)
from expressentry.rules.language_tables import CHARTS, chart_for

if TYPE_CHECKING:
    from expressentry.rules import RuleSet


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
    work_history: WorkHistory = WorkHistory()  # noqa: RUF009 (frozen: one empty history)
    studied_in_canada: bool = False
    medical_exam: date | None = None
    passport_expiry: date | None = None
    police_certificates: tuple[PoliceCertificate, ...] = field(
        default=(), converter=certificates_tuple
    )
    field_checks: ClassVar[Specs]
    """Each field's own check: its type, then the rules it obeys alone."""

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
            and documents_ok(f.medical_exam, f.passport_expiry, f.police_certificates)
        ):
            c = Checks("Spouse")
            c.types(self, _SPOUSE_CHECKS)
            c.done()

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its fields (see ``_pickling``)."""
        return unpack_spouse, (pack_spouse(self),)

    @property
    def scored_with(self) -> bool:
        """Whether the candidate is scored "with spouse" (accompanying, not citizen/PR)."""
        return self.accompanying and not self.canadian_citizen_or_pr


_SPOUSE_CHECKS: Specs = (
    ("accompanying", is_bool),
    ("canadian_citizen_or_pr", is_bool),
    ("education", optional(instance_of(Education))),
    ("language", optional(instance_of(LanguageResult))),
    ("work_history", instance_of(WorkHistory)),
    ("studied_in_canada", is_bool),
    ("medical_exam", optional(is_date)),
    ("passport_expiry", optional(is_date)),
    ("police_certificates", tuple_of(PoliceCertificate)),
)
Spouse.field_checks = _SPOUSE_CHECKS
_MAKE_SPOUSE = maker(Spouse, tuple(name for name, _ in _SPOUSE_CHECKS))


def _ordinal(day: date | None) -> int | None:
    return None if day is None else day.toordinal()


def _day(number: int | None) -> date | None:
    return None if number is None else _DAY_OF(number) or _shared_day(number)


_DAY_OF = _pickling.shared_days.entries.get
_NUMBER_OF = _pickling.shared_numbers.entries.get
"""A day's or a float's shared object, if kept (see ``_pickling.day`` and ``number``)."""
_TESTS, _TEST_CODES = codes(LanguageTest)
_TEST_LANGUAGES = tuple(test.language for test in _TESTS)
_LEVELS, _LEVEL_CODES = codes(EducationLevel)
_CREDENTIALS, _CREDENTIAL_CODES = codes(CanadianCredential)
_RESULT, _PERIOD, _CERTIFICATE = 7, 5, 3
"""How many values a packed result, job and police certificate take."""


def _pack_education(out: list[Any], e: Education | None) -> None:
    if e is None:
        out += (None, None, None)
    else:
        eca = e.eca_issued
        out += (
            _LEVEL_CODES[e.level],
            _CREDENTIAL_CODES[e.canadian_credential],
            None if eca is None else eca.toordinal(),
        )


def _pack_results(out: list[Any], results: tuple[LanguageResult, ...]) -> None:
    for r in results:
        result = r.result_date
        out += (
            _TEST_CODES[r.test],
            r.test_date.toordinal(),
            r.listening,
            r.speaking,
            r.reading,
            r.writing,
            None if result is None else result.toordinal(),
        )


def _pack_periods(out: list[Any], periods: tuple[WorkPeriod, ...]) -> None:
    for p in periods:
        end = p.end
        out += (
            p.start.toordinal(),
            None if end is None else end.toordinal(),
            p.hours_per_week,
            p.noc,
            p.in_canada | p.self_employed << 1 | p.full_time_student << 2 | p.authorized << 3,
        )


def _pack_certificates(out: list[Any], certificates: tuple[PoliceCertificate, ...]) -> None:
    for pc in certificates:
        left = pc.left
        out += (pc.country, pc.issued.toordinal(), None if left is None else left.toordinal())


def _results(state: tuple[Any, ...], i: int, n: int) -> tuple[tuple[LanguageResult, ...], int]:
    """The ``n`` results packed from ``state[i]`` on, and the latest day they hold (0: none)."""
    built = []
    latest = 0
    day_of, number_of = _DAY_OF, _NUMBER_OF
    for at in range(i, i + n * _RESULT, _RESULT):
        code, taken, listening, speaking, reading, writing, result = state[at : at + _RESULT]
        test = _TESTS[code]
        when = day_of(taken) or _shared_day(taken)
        levels, lowest = chart_for(test, when).read(  # type: ignore[misc]  # checked when built
            (listening, speaking, reading, writing)
        )
        if type(listening) is float:
            listening = number_of(listening) or number(listening)
        if type(speaking) is float:
            speaking = number_of(speaking) or number(speaking)
        if type(reading) is float:
            reading = number_of(reading) or number(reading)
        if type(writing) is float:
            writing = number_of(writing) or number(writing)
        latest = max(latest, taken if result is None else max(taken, result))
        built.append(
            make_result(
                test,
                when,
                listening,
                speaking,
                reading,
                writing,
                None if result is None else day_of(result) or _shared_day(result),
                levels,
                lowest,
                _TEST_LANGUAGES[code],
            )
        )
    return tuple(built), latest


def _history(state: tuple[Any, ...], i: int, n: int) -> tuple[WorkHistory, int]:
    """The ``n`` jobs packed from ``state[i]`` on, as a history, and the latest start (0: none)."""
    if not n:
        return make_history((), None, None, None), 0
    day_of, number_of = _DAY_OF, _NUMBER_OF
    periods = []
    first = last = 0
    for at in range(i, i + n * _PERIOD, _PERIOD):
        start, end, hours, noc, flags = state[at : at + _PERIOD]
        if not first or start < first:
            first = start
        last = max(last, start)
        if type(hours) is float:
            hours = number_of(hours) or number(hours)
        periods.append(
            make_period(
                day_of(start) or _shared_day(start),
                None if end is None else day_of(end) or _shared_day(end),
                hours,
                sys.intern(noc),
                flags & 1 != 0,
                flags & 2 != 0,
                flags & 4 != 0,
                flags & 8 != 0,
            )
        )
    history = make_history(
        tuple(periods), day_of(first) or _shared_day(first), day_of(last) or _shared_day(last), None
    )
    return history, last


def _certificates(
    state: tuple[Any, ...], i: int, n: int
) -> tuple[tuple[PoliceCertificate, ...], int]:
    """The ``n`` certificates packed from ``state[i]`` on, and the latest day they hold."""
    if not n:
        return (), 0
    built = []
    latest = 0
    for at in range(i, i + n * _CERTIFICATE, _CERTIFICATE):
        country, issued, left = state[at : at + _CERTIFICATE]
        latest = max(latest, issued if left is None else max(issued, left))
        built.append(make_certificate(sys.intern(country), _day(issued), _day(left)))
    return tuple(built), latest


def pack_spouse(s: Spouse, out: list[Any] | None = None) -> tuple[Any, ...]:
    """The fields of ``s`` as one flat tuple of plain values (see ``_pickling``).

    Its flags and days, its education, how many results (0 or 1), jobs and
    certificates it has, then each of them. With ``out``, appended to it instead.
    """
    mine: list[Any] = [] if out is None else out
    language, periods, certificates = s.language, s.work_history.periods, s.police_certificates
    mine += (s.accompanying, s.canadian_citizen_or_pr, s.studied_in_canada)
    mine += (_ordinal(s.medical_exam), _ordinal(s.passport_expiry))
    _pack_education(mine, s.education)
    mine += (language is not None, len(periods), len(certificates))
    if language is not None:
        _pack_results(mine, (language,))
    _pack_periods(mine, periods)
    _pack_certificates(mine, certificates)
    return () if out is not None else tuple(mine)


_SPOUSE_FIXED = 11
"""How many values a packed spouse starts with (see :func:`pack_spouse`)."""


def _spouse(state: tuple[Any, ...], i: int) -> tuple[Spouse, int]:
    """The spouse packed from ``state[i]`` on, and the latest day its fields hold (0: none)."""
    (
        accompanying,
        citizen,
        studied,
        medical,
        passport,
        level,
        credential,
        eca,
        has_language,
        jobs,
        pcs,
    ) = state[i : i + _SPOUSE_FIXED]
    i += _SPOUSE_FIXED
    latest = 0 if medical is None else medical
    if eca is not None:
        latest = max(latest, eca)
    language = None
    if has_language:
        (language,), taken = _results(state, i, 1)
        latest = max(latest, taken)
        i += _RESULT
    history, started = _history(state, i, jobs)
    certificates, issued = _certificates(state, i + jobs * _PERIOD, pcs)
    spouse = _MAKE_SPOUSE(
        accompanying,
        citizen,
        None if level is None else _education(level, credential, eca),
        language,
        history,
        studied,
        _day(medical),
        _day(passport),
        certificates,
    )
    return spouse, max(latest, started, issued)


def unpack_spouse(state: tuple[Any, ...]) -> Spouse:
    """The spouse :func:`pack_spouse` packed."""
    return _spouse(state, 0)[0]


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
    for day in (submitted, history.first_start, c.passport_expiry):
        if day is not None and (low is None or day < low):
            low = day
    for day in (submitted, history.last_start):
        if day is not None and (high is None or day > high):
            high = day
    everyone = high
    spouse = c.spouse
    if spouse is not None:
        theirs = _span(spouse)[1]
        started = spouse.work_history.last_start
        if started is not None and (theirs is None or started > theirs):
            theirs = started
        if theirs is not None and (everyone is None or theirs > everyone):
            everyone = theirs
    return low, high, everyone


def date_bounds(
    c: Candidate, submitted: date | None
) -> tuple[date | None, date | None, date | None]:
    """(the candidate's earliest date, their latest day done, the latest day done of anyone).

    What the lifetime checks start from (see ``Candidate.__attrs_post_init__``);
    ``submitted`` is the day ``profile_submitted`` falls on in UTC.
    """
    return _bounds(c, submitted)


def _check_lifetime(c: Checks, candidate: Candidate, born: date) -> None:
    """Refuse every date outside the applicant's possible lifetime, and the birth date with them.

    Which of the two is wrong is not known, so both are named: each date by its
    path, and ``date_of_birth`` once per rule, with the first date it contradicts.
    """
    broken: dict[str, list[str]] = {}
    for path, value, day, kind, own in _dated_fields(candidate):
        if not own:
            continue
        if day < born:
            rule = AFTER_BIRTH
            words = tr("is before the date of birth ({born}) {rule}", born=born, rule=tag(rule))
        elif kind is _WORK and completed_years(born, day) < WORKING_AGE:
            rule = WORK_AGE
            words = tr(
                "is before the {age}th birthday (born {born}) {rule}",
                age=WORKING_AGE,
                born=born,
                rule=tag(rule),
            )
        elif kind is not _EXPIRY and completed_years(born, day) > OLDEST_AGE:
            rule = AGE
            words = tr(
                "is at age {age} or more (born {born}): no one has lived past {oldest} {rule}",
                age=OLDEST_AGE + 1,
                born=born,
                oldest=OLDEST_AGE,
                rule=tag(rule),
            )
        else:
            continue
        c.require(False, path, value, words)
        broken.setdefault(rule, []).append(f"{path} {day.isoformat()}")
    for rule, paths in broken.items():
        first, more = paths[0], len(paths) - 1
        said = {
            AFTER_BIRTH: tr("is after {date}", date=first),
            WORK_AGE: tr("is less than {age} years before {date}", age=WORKING_AGE, date=first),
            AGE: tr("is more than {age} years before {date}", age=OLDEST_AGE, date=first),
        }[rule]
        if more:
            said = tr("{said} and {count} more", said=said, count=more)
        c.require(
            False,
            "date_of_birth",
            born,
            tr("{said}: one or the other is wrong {rule}", said=said, rule=tag(rule)),
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

    A profile pickles as its fields alone (never what scoring keeps in
    ``derived``), and an unpickled profile builds its models on the first read
    of one of them, so a process that passes profiles on unread never builds them.
    """

    date_of_birth: date
    education: Education
    marital_status: MaritalStatus = MaritalStatus.NEVER_MARRIED
    spouse: Spouse | None = None
    languages: tuple[LanguageResult, ...] = field(default=(), converter=_languages_tuple)
    first_official_language: OfficialLanguage | None = None
    work_history: WorkHistory = WorkHistory()  # noqa: RUF009 (frozen: one empty history)
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
        default=(), converter=certificates_tuple
    )
    _first: LanguageResult | None = field(init=False, repr=False, eq=False)
    _second: LanguageResult | None = field(init=False, repr=False, eq=False)
    _latest_document: date | None = field(init=False, repr=False, eq=False)
    _submitted_day: date | None = field(init=False, repr=False, eq=False)
    _packed: tuple[Any, ...] | None = field(init=False, default=None, repr=False, eq=False)
    """The fields of a profile unpickled and not read yet, packed (see ``_pickling``)."""
    derived: object = field(init=False, default=None, repr=False, eq=False)
    """Where the library keeps what it derives from this immutable profile to score
    it fast (the CRS inputs, packed on first use). It holds nothing of the profile:
    it is never compared, hashed or serialized, and the models never read it."""
    field_checks: ClassVar[Specs]
    """Each field's own check: its type, then the rules it obeys alone."""

    if not TYPE_CHECKING:  # else a type checker would accept any name on a profile

        def __getattr__(self, name: str) -> Any:
            """Build the fields of a profile unpickled lazily on the first read of one.

            Called only for a slot not set: a field of such a profile, or a name
            no profile has (which raises :exc:`AttributeError` as usual).
            """
            if name[:2] != "__" and name != "_packed":
                _unpack_deferred(self)
            return object.__getattribute__(self, name)

    def __attrs_post_init__(self) -> None:  # noqa: PLR0912, PLR0915 (every check, in order)
        c = Checks("Candidate")
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
        bad = NO_PROBLEMS
        typed = (
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
            and documents_ok(f.medical_exam, f.passport_expiry, f.police_certificates)
        )
        if not typed:
            bad = c.types(self, _CANDIDATE_CHECKS)
        if (
            "marital_status" not in bad
            and "spouse" not in bad
            and status.has_partner != (spouse is not None)
        ):
            c.require(
                False,
                "spouse",
                spouse,
                tr(
                    "must be given exactly when marital_status is married or common_law "
                    "(it is {status})",
                    status=status.value,
                ),
            )
        by_language: dict[OfficialLanguage, LanguageResult] = {}
        if "languages" not in bad:
            by_language = {r.language: r for r in languages}
            if len(by_language) != len(languages):
                c.require(
                    False,
                    "languages",
                    [r.test.value for r in languages],
                    tr("give at most one result per official language"),
                )
            if "first_official_language" not in bad:
                if first is None and len(by_language) == 1:
                    first = next(iter(by_language))
                if by_language and (first is None or first not in by_language):
                    c.require(
                        False,
                        "first_official_language",
                        None if first is None else first.value,
                        tr(
                            "must name the language of one of the results ({languages})",
                            languages=", ".join(sorted(lang.value for lang in by_language)),
                        ),
                    )
        submitted: date | None = None
        if when is not None and "profile_submitted" not in bad:
            if when.utcoffset() is None:
                c.require(
                    False,
                    "profile_submitted",
                    when,
                    tr("must carry a time zone (for example 2025-01-31T14:05:00+00:00)"),
                )
            else:
                try:
                    submitted = when.astimezone(UTC).date()
                except OverflowError:
                    c.require(False, "profile_submitted", when, tr("is out of range in UTC"))
        if typed and (children or funds is not None or f.certificate_noc is not None):
            c.fields(self, _CANDIDATE_VALUES)
        if self.certificate_noc is not None and "certificate_of_qualification" not in bad:
            c.require(
                self.certificate_of_qualification,
                "certificate_noc",
                self.certificate_noc,
                N_(
                    "names the trade of a certificate, so certificate_of_qualification must be true"
                ),
            )
        if submitted is not None and submitted < PROFILES_FROM:
            c.require(
                False,
                "profile_submitted",
                when,
                tr(
                    "is before Express Entry opened ({day}) {rule}",
                    day=PROFILES_FROM,
                    rule=tag(PROFILE_SUBMITTED),
                ),
            )
        object.__setattr__(self, "_submitted_day", submitted)
        everyone = None
        if not bad & _DATED:
            earliest, latest, everyone = _bounds(self, submitted)
            first_work = history.first_start
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
        _set_results(self, by_language, first)
        object.__setattr__(self, "_latest_document", everyone)

    def __reduce_ex__(self, protocol: SupportsIndex) -> tuple[Any, ...]:
        """Pickled as its fields, without ``derived``, unpickled lazily (see ``_pickling``).

        ``__reduce_ex__`` rather than ``__reduce__``: pickle calls it first, and
        ``object.__reduce_ex__`` would only look ``__reduce__`` up and call it.
        """
        packed = self._packed
        return defer_candidate, (pack_candidate(self) if packed is None else packed,)

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


_CANDIDATE_VALUES: Specs = (
    ("certificate_noc", optional(is_noc)),
    ("dependent_children", children_count),
    ("settlement_funds", optional(dollars)),
)
"""The fields whose check goes beyond the type (run alone when every type is right)."""
_CANDIDATE_CHECKS: Specs = (
    ("date_of_birth", is_date),
    ("education", instance_of(Education)),
    ("marital_status", member_of(MaritalStatus)),
    ("spouse", optional(instance_of(Spouse))),
    ("languages", tuple_of(LanguageResult)),
    ("first_official_language", optional(member_of(OfficialLanguage))),
    ("work_history", instance_of(WorkHistory)),
    ("certificate_of_qualification", is_bool),
    ("provincial_nomination", is_bool),
    ("job_offer", optional(instance_of(JobOffer))),
    ("sibling_in_canada", is_bool),
    ("profile_submitted", optional(is_datetime)),
    *_CANDIDATE_VALUES,
    ("authorized_to_work_in_canada", is_bool),
    ("studied_in_canada", is_bool),
    ("relative_in_canada", is_bool),
    ("plans_to_live_in_quebec", is_bool),
    ("medical_exam", optional(is_date)),
    ("passport_expiry", optional(is_date)),
    ("police_certificates", tuple_of(PoliceCertificate)),
)
Candidate.field_checks = _CANDIDATE_CHECKS
_FILL_CANDIDATE = filler(
    Candidate,
    (
        *(name for name, _ in _CANDIDATE_CHECKS),
        "_first",
        "_second",
        "_latest_document",
        "_submitted_day",
        "_packed",
        "derived",
    ),
)
"""Fills a profile with every field given, then what it derives, in order."""
_PACKED = vars(Candidate)["_packed"]
_UNPACKING = threading.RLock()
"""Held while a profile unpickled lazily is filled: another thread reading it waits."""
_STATUSES, _STATUS_CODES = codes(MaritalStatus)
_LANGUAGES, _LANGUAGE_CODES = codes(OfficialLanguage)
_CANDIDATE_FIXED = 26
"""How many values a packed profile starts with (see :func:`pack_candidate`)."""


def _set_results(
    c: Candidate,
    by_language: dict[OfficialLanguage, LanguageResult],
    first: OfficialLanguage | None,
) -> None:
    """Keep the results in the first and the second official language."""
    second = None
    if first is not None:
        english = first is OfficialLanguage.ENGLISH
        second = by_language.get(OfficialLanguage.FRENCH if english else OfficialLanguage.ENGLISH)
    object.__setattr__(c, "_first", by_language.get(first) if first else None)
    object.__setattr__(c, "_second", second)


_MICROSECONDS_A_DAY = 86_400_000_000


def _pack_moment(when: datetime | None) -> tuple[Any, Any]:
    """A submission time as two plain values: an int and its zone, or itself and ``None``.

    A ``datetime`` with a fixed-offset zone (what JSON gives) is its day number
    (``toordinal``) and local time of day as one count of microseconds, and its
    ``timezone``: pickling the ``datetime`` itself costs a call and two more
    objects a profile, as much again as the rest of the profile. Anything else
    (``None``, another kind of zone, a second occurrence of a repeated hour, a
    subclass) is kept as it is.
    """
    if type(when) is datetime and type(when.tzinfo) is timezone and not when.fold:
        local = when.toordinal() * 86_400 + when.hour * 3_600 + when.minute * 60 + when.second
        return local * 1_000_000 + when.microsecond, when.tzinfo
    return when, None


def _moment(microseconds: int, zone: timezone) -> datetime:
    """The submission time :func:`_pack_moment` packed as an int and a zone."""
    day, rest = divmod(microseconds, _MICROSECONDS_A_DAY)
    seconds, micro = divmod(rest, 1_000_000)
    clock = time(seconds // 3_600, seconds // 60 % 60, seconds % 60, micro)
    return datetime.combine(date.fromordinal(day), clock, zone)


def pack_candidate(c: Candidate) -> tuple[Any, ...]:
    """The fields of ``c`` as one flat tuple of plain values (see ``_pickling``).

    Its 26 fixed values first (dates as day numbers, enum members as numbers,
    the education and the job offer as their fields, the submission time as two
    values (:func:`_pack_moment`), then how many results,
    jobs and police certificates it has and whether a spouse follows), then each
    result, job and certificate, then the spouse (:func:`pack_spouse`). One call
    and one tuple for the whole profile: a pickle of it holds one reduce, no
    ``date`` object and no enum member (each would cost a call to unpickle), and
    unpickling builds no tuple but this one.
    """
    spouse, offer, first = c.spouse, c.job_offer, c.first_official_language
    languages, periods, certificates = c.languages, c.work_history.periods, c.police_certificates
    when, zone = _pack_moment(c.profile_submitted)
    out: list[Any] = [c.date_of_birth.toordinal()]
    _pack_education(out, c.education)
    out += (
        _STATUS_CODES[c.marital_status],
        None if first is None else _LANGUAGE_CODES[first],
        c.certificate_of_qualification,
        c.provincial_nomination,
        None if offer is None else offer.noc,
        None if offer is None else offer.canadian_armed_forces,
        c.sibling_in_canada,
        when,
        zone,
        c.certificate_noc,
        c.dependent_children,
        c.settlement_funds,
        c.authorized_to_work_in_canada,
        c.studied_in_canada,
        c.relative_in_canada,
        c.plans_to_live_in_quebec,
        _ordinal(c.medical_exam),
        _ordinal(c.passport_expiry),
        len(languages),
        len(periods),
        len(certificates),
        spouse is not None,
    )
    _pack_results(out, languages)
    _pack_periods(out, periods)
    _pack_certificates(out, certificates)
    if spouse is not None:
        pack_spouse(spouse, out)
    return tuple(out)


def defer_candidate(state: tuple[Any, ...]) -> Candidate:
    """The profile :func:`pack_candidate` packed, holding ``state`` until a field is read.

    How a profile unpickles: one object and the pickle's own tuple. Its models
    are built on the first read of a field (see ``Candidate.__getattr__``),
    usually inside a bulk step (:func:`~expressentry.score_many`, ...) that
    pauses the garbage collector: building them as the pickle is read would pay
    for the collector's passes over every model just built, which cost as much
    as building them (and a pickle passed on unread is passed on as it came).
    """
    c: Candidate = object.__new__(Candidate)
    _PACKED.__set__(c, state)
    return c


def _unpack_deferred(c: Candidate) -> None:
    """Build the fields of ``c`` if it holds them packed (see :func:`defer_candidate`)."""
    with _UNPACKING:
        try:
            state = _PACKED.__get__(c)
        except AttributeError:  # an object no constructor filled
            return
        if state is not None:
            _fill_candidate(c, state)


def _fill_candidate(c: Candidate, state: tuple[Any, ...]) -> None:
    """Fill ``c`` with the profile :func:`pack_candidate` packed, deriving again, unchecked.

    In one pass over the flat tuple: every model built by one call
    (``_pickling.maker``), days, scores, educations and offers shared with the
    profiles unpickled before, the first- and second-language results picked as
    the constructor picks them, and the latest document read on the packed day
    numbers. The packed state is let go last.
    """
    (
        born,
        level,
        credential,
        eca,
        status,
        first,
        certificate,
        nomination,
        offer_noc,
        armed_forces,
        sibling,
        when,
        zone,
        noc,
        children,
        funds,
        authorized,
        studied,
        relative,
        quebec,
        medical,
        passport,
        results,
        jobs,
        pcs,
        has_spouse,
    ) = state[:_CANDIDATE_FIXED]
    i = _CANDIDATE_FIXED
    latest = 0 if medical is None else medical
    if eca is not None:
        latest = max(latest, eca)
    first_language = None if first is None else _LANGUAGES[first]
    first_result = second_result = None
    languages: tuple[LanguageResult, ...] = ()
    if results:
        languages, taken = _results(state, i, results)
        latest = max(latest, taken)
        i += results * _RESULT
        chosen = first_language
        if chosen is None and results == 1:
            chosen = languages[0].language
        if chosen is not None:
            for r in languages:  # at most one per language, and two languages
                if r.language is chosen:
                    first_result = r
                else:
                    second_result = r
    history, started = _history(state, i, jobs)
    i += jobs * _PERIOD
    certificates, issued = _certificates(state, i, pcs)
    i += pcs * _CERTIFICATE
    latest = max(latest, started, issued)
    spouse = None
    if has_spouse:
        spouse, theirs = _spouse(state, i)
        latest = max(latest, theirs)
    submitted = None
    if zone is not None:
        when = _moment(when, zone)
    if when is not None:
        submitted_on = when.astimezone(UTC).date().toordinal()
        submitted = _DAY_OF(submitted_on) or _shared_day(submitted_on)
        latest = max(latest, submitted_on)
    _FILL_CANDIDATE(
        c,
        _DAY_OF(born) or _shared_day(born),
        _education(level, credential, eca),
        _STATUSES[status],
        spouse,
        languages,
        first_language,
        history,
        certificate,
        nomination,
        None if offer_noc is None else _offer(offer_noc, armed_forces),
        sibling,
        when,
        None if noc is None else sys.intern(noc),
        children,
        funds,
        authorized,
        studied,
        relative,
        quebec,
        _day(medical),
        _day(passport),
        certificates,
        first_result,
        second_result,
        _day(latest) if latest else None,
        submitted,
        None,
        None,
    )


def check_dates(
    candidate: Candidate, *, as_of: date | None = None, day: str | Message | None = None
) -> None:
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
            "check_dates", [FieldProblem("candidate", candidate, tr("must be a Candidate"))]
        )
    latest = candidate._latest_document
    born = candidate.date_of_birth
    if (
        born <= as_of
        and (latest is None or latest <= as_of)
        and as_of.year - born.year <= OLDEST_AGE  # so the age is at most OLDEST_AGE
    ):
        return
    told = tr("the day assessed ({day})", day=as_of) if day is None else day
    after = tr("is after {day}", day=told)
    problems = [
        FieldProblem(
            path,
            value,
            tr("{after}: it is {day} in UTC", after=after, day=when)
            if path == "profile_submitted"
            else after,
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
                tr(
                    "makes the applicant {age} on {day}: no one has lived past {oldest} {rule}",
                    age=completed_years(born, as_of),
                    day=told,
                    oldest=OLDEST_AGE,
                    rule=tag(AGE),
                ),
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
    raise InvalidInputError(where, [FieldProblem("candidate", value, tr("must be a Candidate"))])


def results_under(candidate: Candidate, rules: RuleSet) -> Candidate:
    """``candidate`` with every language result read on its chart in ``rules``.

    Under the published charts, ``candidate`` itself. Under a reform that replaced
    a chart, a copy whose results (the candidate's and the spouse's) hold the
    levels the reform reads (:func:`~expressentry.models.levels_under`), made once
    per profile and kept by the rule set. Scoring and eligibility read a profile
    through this, so a reformed chart moves ``score`` and ``assess`` alike.
    """
    if rules.language_charts is CHARTS:
        return candidate
    reread: IdentityCache[Candidate, Candidate] = rules.derived("models.results_under", _rereader)
    return reread(candidate)


def _rereader(rules: RuleSet) -> IdentityCache[Candidate, Candidate]:
    return IdentityCache(lambda c: _reread(c, rules))


def _reread(c: Candidate, rules: RuleSet) -> Candidate:
    languages = tuple(read_under(r, rules) for r in c.languages)
    spouse = c.spouse
    if spouse is not None and spouse.language is not None:
        language = read_under(spouse.language, rules)
        if language is not spouse.language:
            spouse = attrs.evolve(spouse, language=language)
    if spouse is c.spouse and all(a is b for a, b in zip(languages, c.languages, strict=True)):
        return c
    return attrs.evolve(c, languages=languages, spouse=spouse)
