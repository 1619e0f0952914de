"""Dates and deadlines: what is valid on a day, the pool, and readiness for an invitation.

- :func:`validity_on`: every document of the candidate and the spouse on a day
  (language results, ECAs, the profile in the pool, the invitation's deadline,
  medical exams, police certificates, passports), each with the first day it is
  no longer valid, the days left and its rule. Language results and ECAs expire
  by :mod:`expressentry.validity`, the rule scoring and eligibility apply.
- :func:`pool_status`: on a day, whether the profile is in the pool and eligible
  (:func:`expressentry.assess`: an expired result makes a program fail even when
  the score is unchanged), and the first day either changes.
- :func:`ita_readiness`: for an invitation day (and a planned day to apply), the
  deadline under the window in force on the invitation day, the documents that
  will be invalid on the day of applying and what to renew, whether a medical
  exam must come with the application (by the day of applying), and the age
  locked at the invitation.

The periods are dated rules in :mod:`expressentry.rules.timelines`.

>>> from datetime import date
>>> import expressentry as ee
>>> report = ee.ita_readiness(ee.example_profile(), invited=date(2026, 11, 25))
>>> report.deadline, report.window_days
(datetime.date(2027, 1, 24), 60)
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from enum import StrEnum
from typing import Any, NamedTuple

from attrs import frozen

from expressentry._ages import completed_years
from expressentry._reprs import cited, listed
from expressentry._today import resolve
from expressentry.eligibility import assess
from expressentry.enums import Program
from expressentry.errors import FieldProblem, InvalidInputError
from expressentry.explain import RuleRef
from expressentry.models import (
    Candidate,
    LanguageResult,
    PoliceCertificate,
    Spouse,
    check_dates,
    require_candidate,
)
from expressentry.rules._timeline import LAST_REVIEWED, Dated, Timeline, review_caveats
from expressentry.rules.programs import ECA_VALID_YEARS, LANGUAGE_RESULT_VALID_YEARS
from expressentry.rules.timelines import (
    AGE_LOCKED_AT_INVITATION,
    ITA_WINDOW_DAYS,
    MEDICAL_VALID_MONTHS,
    PASSPORT_VALID_ON_EXPIRY_DATE,
    POLICE_CURRENT_COUNTRY_MONTHS,
    POLICE_ISSUED_ON_DEPARTURE_DAY_COUNTS,
    PROFILE_POOL_MONTHS,
    UPFRONT_MEDICAL_REQUIRED,
)
from expressentry.validity import (
    eca_expiry,
    expiry_in_months,
    in_pool_on,
    language_expiry,
    profile_exit,
    rule_words,
)

__all__ = [
    "Deadline",
    "Document",
    "DocumentStatus",
    "PoolStatus",
    "Readiness",
    "Validity",
    "ita_deadline",
    "ita_readiness",
    "pool_status",
    "validity_on",
]

_ONE_DAY = timedelta(days=1)


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


class Document(StrEnum):
    """The kinds of document whose validity runs out."""

    LANGUAGE = "language"
    """A language test result (2 years)."""
    ECA = "eca"
    """An Educational Credential Assessment (5 years)."""
    PROFILE = "profile"
    """The Express Entry profile in the pool (12 months)."""
    INVITATION = "invitation"
    """An invitation to apply (60 or 90 days)."""
    MEDICAL = "medical"
    """An immigration medical exam (12 months)."""
    POLICE_CERTIFICATE = "police_certificate"
    """A police certificate (6 months for the country lived in)."""
    PASSPORT = "passport"
    """A passport (to the date printed in it)."""


def _rule(timeline: Timeline[Any], entry: Dated[Any]) -> RuleRef:
    return RuleRef(
        rule_id=timeline.rule_id, effective_from=entry.effective_from, source=entry.source
    )


def _period_rule(timeline: Timeline[Any], dated: date) -> RuleRef:
    """The rule of a document dated ``dated``: the period in force on its own date."""
    return _rule(timeline, timeline.at(max(dated, timeline.first)))


@frozen(kw_only=True, repr=False)
class DocumentStatus:
    """One document on one day.

    Its repr is the document in short: ``DocumentStatus(candidate language
    'IELTS General Training result of 2025-09-20': valid until 2027-09-19, 302 days left)``.

    Attributes:
        person: ``"candidate"`` or ``"spouse"``.
        document: What kind of document.
        label: Which one, in words (the test and its date, the country...).
        dated: The day its period counts from.
        expires: The first day it is no longer valid; ``None`` when no period
            ends it (a police certificate of a former country).
        valid: Whether it is valid on the day asked.
        days_left: Days from the day asked to ``expires`` (0 once expired);
            ``None`` when ``expires`` is.
        reason: Why, in a sentence.
        rule: The dated rule that sets the period; ``None`` for a passport,
            whose own date sets it.
    """

    person: str
    document: Document
    label: str
    dated: date
    expires: date | None
    valid: bool
    days_left: int | None
    reason: str
    rule: RuleRef | None

    @property
    def last_valid_day(self) -> date | None:
        """The last day it is valid (the day before ``expires``)."""
        return None if self.expires is None else self.expires - _ONE_DAY

    def __repr__(self) -> str:
        head = f"DocumentStatus({self.person} {self.document.value} {self.label!r}: "
        if self.expires is None:
            state = "valid" if self.valid else "not valid"
        elif self.valid:
            last = self.expires - _ONE_DAY
            state = f"valid until {last.isoformat()}, {_days(self.days_left or 0)} left"
        else:
            state = f"expired on {self.expires.isoformat()}"
        return f"{head}{state})"


def _status(  # noqa: PLR0917 (the parts of one status)
    person: str,
    document: Document,
    label: str,
    dated: date,
    expires: date | None,
    as_of: date,
    reason: str,
    rule: RuleRef | None,
    *,
    valid: bool | None = None,
) -> DocumentStatus:
    if valid is None:
        valid = expires is None or as_of < expires
    days: int | None = None
    when = ""
    if expires is not None:
        days = max(0, (expires - as_of).days)
        last = (expires - _ONE_DAY).isoformat()
        when = (
            f"; valid until {last} ({_days(days)} left)"
            if valid
            else f"; expired on {expires.isoformat()}"
        )
    return DocumentStatus(
        person=person,
        document=document,
        label=label,
        dated=dated,
        expires=expires,
        valid=valid,
        days_left=days,
        reason=reason + when,
        rule=rule,
    )


def _language(person: str, r: LanguageResult, as_of: date) -> DocumentStatus:
    start = r.valid_from
    counted = "its result date" if r.result_date is not None else "its test date (no result date)"
    return _status(
        person,
        Document.LANGUAGE,
        f"{r.test.label} result of {start.isoformat()}",
        start,
        language_expiry(r),
        as_of,
        f"{rule_words(LANGUAGE_RESULT_VALID_YEARS, start)}, counted from {counted}",
        _period_rule(LANGUAGE_RESULT_VALID_YEARS, start),
    )


def _eca(person: str, issued: date, as_of: date) -> DocumentStatus:
    return _status(
        person,
        Document.ECA,
        f"ECA issued {issued.isoformat()}",
        issued,
        eca_expiry(issued),
        as_of,
        f"{rule_words(ECA_VALID_YEARS, issued)} from its issue date",
        _period_rule(ECA_VALID_YEARS, issued),
    )


def _medical(person: str, exam: date, as_of: date) -> DocumentStatus:
    months = MEDICAL_VALID_MONTHS.at(max(exam, MEDICAL_VALID_MONTHS.first)).value
    return _status(
        person,
        Document.MEDICAL,
        f"medical exam of {exam.isoformat()}",
        exam,
        expiry_in_months(MEDICAL_VALID_MONTHS, exam),
        as_of,
        f"valid {months} months from the exam",
        _period_rule(MEDICAL_VALID_MONTHS, exam),
    )


def _police(person: str, c: PoliceCertificate, as_of: date) -> DocumentStatus:
    label = f"police certificate {c.country} of {c.issued.isoformat()}"
    rule = _period_rule(POLICE_CURRENT_COUNTRY_MONTHS, c.issued)
    if c.left is None:
        months = POLICE_CURRENT_COUNTRY_MONTHS.at(
            max(c.issued, POLICE_CURRENT_COUNTRY_MONTHS.first)
        ).value
        return _status(
            person,
            Document.POLICE_CERTIFICATE,
            label,
            c.issued,
            expiry_in_months(POLICE_CURRENT_COUNTRY_MONTHS, c.issued, valid_on_last_day=True),
            as_of,
            f"from the country lived in: issued no more than {months} months before applying",
            rule,
        )
    after = c.issued >= c.left if POLICE_ISSUED_ON_DEPARTURE_DAY_COUNTS else c.issued > c.left
    words = "after" if after else "not after"
    return _status(
        person,
        Document.POLICE_CERTIFICATE,
        label,
        c.issued,
        None,
        as_of,
        f"from a former country: issued {words} leaving it on {c.left.isoformat()}"
        + ("" if after else "; a new one, issued after leaving, is needed"),
        rule,
        valid=after,
    )


def _passport(person: str, expiry: date, as_of: date) -> DocumentStatus:
    ends = expiry + _ONE_DAY if PASSPORT_VALID_ON_EXPIRY_DATE and expiry < date.max else expiry
    return _status(
        person,
        Document.PASSPORT,
        f"passport expiring {expiry.isoformat()}",
        expiry,
        ends,
        as_of,
        "valid to the expiry date printed in it; a confirmation of permanent residence "
        "cannot outlast it",
        None,
    )


class Deadline(NamedTuple):
    """The last day to apply after an invitation, and the window rule that set it.

    A named pair, so ``deadline, window = ita_deadline(day)`` reads it too.
    """

    day: date
    """The last day the application can be submitted."""
    window: Dated[int]
    """The entry of ``ITA_WINDOW_DAYS`` in force on the invitation's day: the days given."""


def ita_deadline(invited: date) -> Deadline:
    """The last day to submit the application after an invitation of ``invited``.

    The window in force on the invitation's own day applies
    (``ITA_WINDOW_DAYS`` (:mod:`expressentry.rules.timelines`)); the N calendar days are
    counted from the day after the invitation, so the deadline is ``invited + N``.

    >>> ita_deadline(date(2021, 6, 28)).day, ita_deadline(date(2021, 6, 29)).day
    (datetime.date(2021, 9, 26), datetime.date(2021, 8, 28))
    >>> ita_deadline(date(2021, 6, 29)).window.value
    60

    Raises:
        InvalidInputError: ``invited`` is not a date.
        RulesNotInForceError: ``invited`` is before Express Entry opened.
    """
    invited = resolve(invited, "invited", where="ita_deadline", optional=False)
    entry = ITA_WINDOW_DAYS.at(invited)
    try:
        return Deadline(invited + timedelta(days=entry.value), entry)
    except OverflowError:
        problem = FieldProblem(
            "invited", invited, "leaves no room for a deadline before 9999-12-31"
        )
        raise InvalidInputError("ita_deadline", [problem]) from None


def _invitation(invited: date, as_of: date) -> DocumentStatus:
    deadline, entry = ita_deadline(invited)
    return _status(
        "candidate",
        Document.INVITATION,
        f"invitation of {invited.isoformat()}",
        invited,
        deadline + _ONE_DAY if deadline < date.max else deadline,
        as_of,
        f"{entry.value} calendar days to apply, by {deadline.isoformat()}",
        _rule(ITA_WINDOW_DAYS, entry),
    )


def _profile(submitted: date, as_of: date) -> DocumentStatus:
    months = PROFILE_POOL_MONTHS.at(max(submitted, PROFILE_POOL_MONTHS.first)).value
    return _status(
        "candidate",
        Document.PROFILE,
        f"profile submitted {submitted.isoformat()}",
        submitted,
        profile_exit(submitted),
        as_of,
        f"in the pool {months} months from the day it was submitted (in UTC)",
        _period_rule(PROFILE_POOL_MONTHS, submitted),
    )


def _person_documents(person: str, p: Candidate | Spouse, as_of: date) -> Iterator[DocumentStatus]:
    if isinstance(p, Candidate):
        for r in p.languages:
            yield _language(person, r, as_of)
    elif p.language is not None:
        yield _language(person, p.language, as_of)
    if p.education is not None and p.education.eca_issued is not None:
        yield _eca(person, p.education.eca_issued, as_of)
    if p.medical_exam is not None:
        yield _medical(person, p.medical_exam, as_of)
    for c in p.police_certificates:
        yield _police(person, c, as_of)
    if p.passport_expiry is not None:
        yield _passport(person, p.passport_expiry, as_of)


@frozen(kw_only=True, repr=False)
class Validity:
    """Every document of a candidate and spouse on one day.

    Its repr counts them: ``Validity(2026-11-22: 7 documents, 0 expired, next
    expiry 2026-09-30 profile)``.

    Attributes:
        as_of: The day asked.
        documents: The candidate's documents, then the spouse's.
        rules_reviewed_on: Last day the rule tables were checked against their
            sources (:attr:`caveats` speaks when ``as_of`` is after it).
    """

    as_of: date
    documents: tuple[DocumentStatus, ...]
    rules_reviewed_on: date = LAST_REVIEWED

    @property
    def caveats(self) -> tuple[str, ...]:
        """What to bear in mind: the rules' review day, when ``as_of`` is after it.

        Printed by :meth:`explain` and written in the JSON form.
        """
        return review_caveats(self.as_of, self.rules_reviewed_on)

    @property
    def expired(self) -> tuple[DocumentStatus, ...]:
        """The documents not valid on ``as_of``."""
        return tuple(d for d in self.documents if not d.valid)

    @property
    def next_expiry(self) -> DocumentStatus | None:
        """The valid document that expires first, if any expires."""
        running = [d for d in self.documents if d.valid and d.expires is not None]
        return min(running, key=lambda d: (d.expires, d.label)) if running else None

    def explain(self) -> str:
        """One line per document, its status and its rule."""
        lines = [f"Documents on {self.as_of.isoformat()}:"]
        if not self.documents:
            lines.append("  none dated in the profile")
        for d in self.documents:
            state = "valid" if d.valid else "NOT VALID"
            rule = "" if d.rule is None else f" [{cited(d.rule.rule_id, d.rule.effective_from)}]"
            lines.append(f"  {d.person} {d.document.value}: {d.label}: {state}: {d.reason}{rule}")
        lines.extend(f"Note: {c}" for c in self.caveats)
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.explain()

    def __repr__(self) -> str:
        nxt = self.next_expiry
        then = (
            ""
            if nxt is None or nxt.expires is None
            else f", next expiry {nxt.expires.isoformat()} {nxt.document.value}"
        )
        return (
            f"Validity({self.as_of.isoformat()}: {len(self.documents)} documents, "
            f"{len(self.expired)} expired{then})"
        )


def validity_on(
    candidate: Candidate, *, invited: date | None = None, as_of: date | None = None
) -> Validity:
    """Every document's status on ``as_of`` (``None``: today).

    Args:
        candidate: The profile.
        invited: The day of an invitation to apply, if any: its deadline is then
            one of the documents.
        as_of: The day asked.

    Raises:
        InvalidInputError: ``as_of`` or ``invited`` is not a date, or a date of
            the profile (a test, an ECA, a medical exam, a police certificate,
            the submission...) is after ``as_of``, each named by its path.
        RulesNotInForceError: ``invited`` is before Express Entry opened.

    >>> import expressentry as ee
    >>> v = ee.validity_on(ee.example_profile(), as_of=date(2026, 11, 22))
    >>> [(d.person, d.document.value, d.valid) for d in v.documents][:3]
    [('candidate', 'language', True), ('candidate', 'language', True), ('candidate', 'eca', True)]
    """
    as_of = resolve(as_of, where="validity_on")
    candidate = require_candidate(candidate, "validity_on")
    check_dates(candidate, as_of=as_of)
    docs = list(_person_documents("candidate", candidate, as_of))
    submitted = candidate.submitted_day
    if submitted is not None:
        docs.append(_profile(submitted, as_of))
    if invited is not None:
        invited = resolve(invited, "invited", where="validity_on", optional=False)
        docs.append(_invitation(invited, as_of))
    if candidate.spouse is not None:
        docs.extend(_person_documents("spouse", candidate.spouse, as_of))
    return Validity(as_of=as_of, documents=tuple(docs))


# -- the pool -------------------------------------------------------------------------------


def _verdicts(candidate: Candidate, day: date) -> tuple[tuple[Program, ...], tuple[Program, ...]]:
    report = assess(candidate, as_of=day)
    return report.eligible_programs, report.undecided_programs


def _names(programs: tuple[Program, ...]) -> str:
    return ", ".join(p.name for p in programs) if programs else "no program"


@frozen(kw_only=True, repr=False)
class PoolStatus:
    """Whether a profile is in the pool and eligible on a day, and when that changes.

    Its repr: ``PoolStatus(2026-11-22: in the pool until 2026-09-30, eligible for
    FSW, CEC, changes 2027-03-01)``.

    Attributes:
        as_of: The day asked.
        in_pool: Submitted on or before ``as_of`` and not yet expired.
        submitted: The day the profile was submitted (in UTC), if it was.
        expires: The first day out of the pool (12 months after submission).
        eligible_programs: Programs whose every requirement is met on ``as_of``
            (:func:`expressentry.assess`).
        undecided_programs: Programs eligible only if what cannot be checked is
            confirmed.
        changes_on: The first day after ``as_of`` on which the pool status or the
            programs change, up to ``looked_until``; ``None`` if none does.
        change: What changes that day, in words.
        looked_until: The last day examined: the day the profile leaves the pool,
            or 12 months after ``as_of`` for a profile not in the pool.
        rules_reviewed_on: Last day the rule tables were checked against their
            sources (:attr:`caveats` speaks when the last day examined (``changes_on``, else
            ``looked_until``) is after it).
    """

    as_of: date
    in_pool: bool
    submitted: date | None
    expires: date | None
    eligible_programs: tuple[Program, ...]
    undecided_programs: tuple[Program, ...]
    changes_on: date | None
    change: str
    looked_until: date
    rules_reviewed_on: date = LAST_REVIEWED

    @property
    def eligible(self) -> bool:
        """Eligible for at least one program on ``as_of``."""
        return bool(self.eligible_programs)

    @property
    def caveats(self) -> tuple[str, ...]:
        """What to bear in mind: the rules' review day, when the last day examined is after it.

        Printed by :meth:`explain` and written in the JSON form.
        """
        return review_caveats(self.changes_on or self.looked_until, self.rules_reviewed_on)

    def explain(self) -> str:
        """The status and its next change, in plain words."""
        if self.in_pool and self.expires is not None:
            where = (
                f"In the pool since {self.submitted}, until "
                f"{(self.expires - _ONE_DAY).isoformat()} "
                f"(it leaves on {self.expires.isoformat()})."
            )
        elif self.submitted is None:
            where = "Not in the pool: no profile submitted."
        else:
            where = f"Not in the pool: the profile submitted {self.submitted} expired."
        lines = [f"On {self.as_of.isoformat()}: {where}"]
        lines.append(f"Eligible for {_names(self.eligible_programs)}.")
        if self.undecided_programs:
            lines.append(f"Eligible if confirmed: {_names(self.undecided_programs)}.")
        if self.changes_on is None:
            lines.append(f"No change up to {self.looked_until.isoformat()}.")
        else:
            lines.append(f"First change on {self.changes_on.isoformat()}: {self.change}")
        lines.extend(f"Note: {c}" for c in self.caveats)
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.explain()

    def __repr__(self) -> str:
        where = (
            f"in the pool until {(self.expires - _ONE_DAY).isoformat()}"
            if self.in_pool and self.expires is not None
            else "not in the pool"
        )
        then = "" if self.changes_on is None else f", changes {self.changes_on.isoformat()}"
        return (
            f"PoolStatus({self.as_of.isoformat()}: {where}, eligible for "
            f"{_names(self.eligible_programs)}{then})"
        )


def _describe_change(
    candidate: Candidate,
    day: date,
    before: tuple[bool, tuple[Program, ...], tuple[Program, ...]],
    after: tuple[bool, tuple[Program, ...], tuple[Program, ...]],
) -> str:
    parts: list[str] = []
    if before[0] and not after[0]:
        parts.append("the profile leaves the pool")
    lost = [p for p in before[1] if p not in after[1]]
    gained = [p for p in after[1] if p not in before[1]]
    if lost:
        parts.append(f"no longer eligible for {_names(tuple(lost))}")
    if gained:
        parts.append(f"eligible for {_names(tuple(gained))}")
    if not lost and not gained and before[2] != after[2]:
        parts.append(f"eligible if confirmed: {_names(after[2])}")
    expiring = [
        d.label
        for d in validity_on(candidate, as_of=day).documents
        if d.expires == day and d.document is not Document.PROFILE
    ]
    if expiring:
        parts.append(f"expired that day: {listed(expiring, 200)}")
    return "; ".join(parts) + "."


def pool_status(candidate: Candidate, *, as_of: date | None = None) -> PoolStatus:
    """Whether ``candidate`` is in the pool and eligible on ``as_of`` (``None``: today).

    Eligibility is :func:`expressentry.assess` of each day, so a language result
    or an ECA that expires, experience that accrues or a rule that changes is
    seen on the day it does. The days after ``as_of`` are examined one by one up
    to the day the profile leaves the pool (or 12 months, for a profile not in
    it), and the first day anything changes is reported.

    Raises:
        InvalidInputError: ``as_of`` is not a date, or a date of the profile is
            after it.
        RulesNotInForceError: ``as_of`` is before the rules are known.
    """
    as_of = resolve(as_of, where="pool_status")
    candidate = require_candidate(candidate, "pool_status")
    check_dates(candidate, as_of=as_of)
    submitted = candidate.submitted_day
    expires = None if submitted is None else profile_exit(submitted)
    in_pool = submitted is not None and in_pool_on(submitted, as_of)
    until = expires if in_pool and expires is not None else profile_exit(as_of)
    eligible, undecided = _verdicts(candidate, as_of)
    now = (in_pool, eligible, undecided)
    changes_on: date | None = None
    change = ""
    day = as_of
    while day < until and day < date.max:
        day += _ONE_DAY
        state = (submitted is not None and in_pool_on(submitted, day), *_verdicts(candidate, day))
        if state != now:
            changes_on, change = day, _describe_change(candidate, day, now, state)
            break
    return PoolStatus(
        as_of=as_of,
        in_pool=in_pool,
        submitted=submitted,
        expires=expires,
        eligible_programs=eligible,
        undecided_programs=undecided,
        changes_on=changes_on,
        change=change,
        looked_until=until,
    )


# -- readiness for an invitation -------------------------------------------------------------

_MUST_BE_VALID = frozenset(
    {Document.LANGUAGE, Document.ECA, Document.POLICE_CERTIFICATE, Document.PASSPORT}
)


@frozen(kw_only=True, repr=False)
class Readiness:
    """Whether the documents will hold on the day of applying after an invitation.

    Its repr: ``Readiness(invited 2026-11-25, apply by 2027-01-24 (60 days),
    checked 2027-01-24: 1 to renew: 'IELTS General Training result of 2025-01-10')``.

    Attributes:
        invited: The day of the invitation.
        deadline: The last day to submit the application.
        window_days: The calendar days the invitation gives.
        window_rule: The window's rule, in force on ``invited``.
        planned: The day the candidate plans to apply, if given.
        checked_on: The day documents are checked: ``planned``, else the deadline.
        late: ``planned`` is after the deadline (the invitation will have lapsed).
        medical_required: Whether a valid medical exam must come with the
            application, by the rule in force on ``checked_on`` (the day of
            applying, not of the invitation).
        medical_rule: The upfront medical rule, in force on ``checked_on``.
        medical_missing: Who needs a medical exam with the application and has
            none in the profile (``"candidate"``, ``"spouse"``: a spouse who is not
            a Canadian citizen or permanent resident, accompanying or not); empty
            when none is required.
        documents: Every document's status on ``checked_on``.
        to_renew: Those that must be valid when applying and will not be.
        age_at_invitation: Completed years on ``invited``.
        age_when_applying: Completed years on ``checked_on``.
        age_locked: Whether age is locked at the invitation (a birthday before
            applying costs no points).
        age_rule: The rule of the age lock, in force on ``invited``.
        in_pool_at_invitation: Whether the profile is in the pool on ``invited``
            (only a profile in the pool can be invited); ``None`` without a
            submission day.
        rules_reviewed_on: Last day the rule tables were checked against their
            sources (:attr:`caveats` speaks when ``checked_on`` is after it).
    """

    invited: date
    deadline: date
    window_days: int
    window_rule: RuleRef
    planned: date | None
    checked_on: date
    late: bool
    medical_required: bool
    medical_rule: RuleRef
    medical_missing: tuple[str, ...]
    documents: tuple[DocumentStatus, ...]
    to_renew: tuple[DocumentStatus, ...]
    age_at_invitation: int
    age_when_applying: int
    age_locked: bool
    age_rule: RuleRef
    in_pool_at_invitation: bool | None
    rules_reviewed_on: date = LAST_REVIEWED

    @property
    def caveats(self) -> tuple[str, ...]:
        """What to bear in mind: the rules' review day, when ``checked_on`` is after it.

        Printed by :meth:`explain` and written in the JSON form.
        """
        return review_caveats(self.checked_on, self.rules_reviewed_on)

    @property
    def ready(self) -> bool:
        """Nothing to renew or missing, the planned day in time, the profile not out of the pool."""
        return (
            not self.to_renew
            and not self.medical_missing
            and not self.late
            and self.in_pool_at_invitation is not False
        )

    def explain(self) -> str:
        """The deadline, each document on the day checked, what to renew and the age."""
        lines = [
            f"Invited on {self.invited.isoformat()}: {self.window_days} calendar days to apply, "
            f"by {self.deadline.isoformat()} "
            f"[{cited(self.window_rule.rule_id, self.window_rule.effective_from)}].",
        ]
        if self.in_pool_at_invitation is False:
            lines.append("The profile is not in the pool on the invitation day.")
        if self.late and self.planned is not None:
            lines.append(
                f"The planned day {self.planned.isoformat()} is after the deadline: "
                "the invitation will have lapsed."
            )
        which = "planned day" if self.planned is not None else "deadline"
        lines.append(f"Documents on the {which}, {self.checked_on.isoformat()}:")
        for d in self.documents:
            state = "valid" if d.valid else "NOT VALID"
            lines.append(f"  {d.person} {d.document.value}: {d.label}: {state}: {d.reason}")
        if self.to_renew:
            lines.append("To renew before applying:")
            lines.extend(f"  {d.person}: {d.label}" for d in self.to_renew)
        else:
            lines.append("Nothing to renew.")
        medical = f"[{cited(self.medical_rule.rule_id, self.medical_rule.effective_from)}]"
        if not self.medical_required:
            lines.append(
                "No upfront medical exam for an application submitted on "
                f"{self.checked_on.isoformat()}: IRCC asks for one after the application "
                f"{medical}."
            )
        else:
            lines.append(
                "An upfront medical exam, valid on the day of applying, must come with an "
                f"application submitted on {self.checked_on.isoformat()} {medical}."
            )
            if self.medical_missing:
                lines.append(f"  no medical exam in the profile: {', '.join(self.medical_missing)}")
        if self.age_locked:
            lines.append(
                f"Age locked at {self.age_at_invitation} on the invitation day"
                + (
                    f" (the candidate is {self.age_when_applying} when applying: "
                    "the birthday costs no points)."
                    if self.age_when_applying != self.age_at_invitation
                    else "."
                )
            )
        else:
            lines.append(f"Age counts on the day of applying: {self.age_when_applying}.")
        lines.extend(f"Note: {c}" for c in self.caveats)
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.explain()

    def __repr__(self) -> str:
        renew = (
            f"{len(self.to_renew)} to renew: {listed((repr(d.label) for d in self.to_renew), 80)}"
            if self.to_renew
            else "nothing to renew"
        )
        late = ", LATE" if self.late else ""
        return (
            f"Readiness(invited {self.invited.isoformat()}, apply by {self.deadline.isoformat()} "
            f"({self.window_days} days), checked {self.checked_on.isoformat()}{late}: {renew})"
        )


def ita_readiness(
    candidate: Candidate, *, invited: date | None = None, planned: date | None = None
) -> Readiness:
    """What an invitation on ``invited`` (``None``: today) asks of the documents.

    The deadline is that of the window in force on the invitation day. Documents
    are checked on ``planned`` if given, else on the deadline (the last day they
    can be used): language results, ECAs, police certificates and passports must
    be valid on the day of applying. The medical exam must too when the rule in
    force on that day (the application's, not the invitation's) asks for one
    with the application: before 2023-10-01 and from 2025-08-21; a candidate or
    spouse without one in the profile is then listed in ``medical_missing``. Age
    is that of the invitation day under the public policy on birthdays between
    invitation and application.

    Raises:
        InvalidInputError: ``invited`` or ``planned`` is not a date, ``planned``
            is before ``invited``, or a date of the profile is after the day
            checked.
        RulesNotInForceError: ``invited`` is before Express Entry opened.
    """
    invited = resolve(invited, "invited", where="ita_readiness")
    candidate = require_candidate(candidate, "ita_readiness")
    if planned is not None:
        planned = resolve(planned, "planned", where="ita_readiness", optional=False)
        if planned < invited:
            raise InvalidInputError(
                "ita_readiness",
                [FieldProblem("planned", planned, f"must not be before invited ({invited})")],
            )
    deadline, window = ita_deadline(invited)
    checked = deadline if planned is None else planned
    what = "the deadline to apply" if planned is None else "the day planned to apply"
    day = f"{what} ({checked.isoformat()}) for the invitation of {invited.isoformat()}"
    check_dates(candidate, as_of=checked, day=day)
    medical = UPFRONT_MEDICAL_REQUIRED.at(checked)
    medical_required = medical.value
    people = [("candidate", candidate.medical_exam)]
    spouse = candidate.spouse
    if spouse is not None and not spouse.canadian_citizen_or_pr:  # a family member examined
        people.append(("spouse", spouse.medical_exam))
    missing = tuple(who for who, exam in people if medical_required and exam is None)
    validity = validity_on(candidate, as_of=checked)
    documents = tuple(d for d in validity.documents if d.document is not Document.PROFILE)
    must = _MUST_BE_VALID | ({Document.MEDICAL} if medical_required else frozenset())
    lock = AGE_LOCKED_AT_INVITATION.at(invited)
    submitted = candidate.submitted_day
    in_pool = None if submitted is None else in_pool_on(submitted, invited)
    return Readiness(
        invited=invited,
        deadline=deadline,
        window_days=window.value,
        window_rule=_rule(ITA_WINDOW_DAYS, window),
        planned=planned,
        checked_on=checked,
        late=checked > deadline,
        medical_required=medical_required,
        medical_rule=_rule(UPFRONT_MEDICAL_REQUIRED, medical),
        medical_missing=missing,
        documents=documents,
        to_renew=tuple(d for d in documents if d.document in must and not d.valid),
        age_at_invitation=completed_years(candidate.date_of_birth, invited),
        age_when_applying=completed_years(candidate.date_of_birth, checked),
        age_locked=lock.value,
        age_rule=_rule(AGE_LOCKED_AT_INVITATION, lock),
        in_pool_at_invitation=in_pool,
    )
