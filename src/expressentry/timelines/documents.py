"""Every document's validity on a day: :func:`validity_on`.

Each document of the candidate and the spouse (language results, ECAs, the
profile in the pool, the invitation's deadline, medical exams, police
certificates, passports), with the first day it is no longer valid, the days
left and its rule. Language results and ECAs expire by
:mod:`expressentry.timelines.validity`, the rule scoring and eligibility apply.

>>> from datetime import date
>>> import expressentry as ee
>>> v = ee.validity_on(ee.example_profile(), as_of=date(2026, 11, 22))
>>> v.documents[0].document.value, v.documents[0].valid
('language', True)
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from enum import StrEnum
from typing import Any, Final, NamedTuple

from attrs import field, frozen

from expressentry._html import fragment, table
from expressentry._records import rule_columns
from expressentry._reprs import cited
from expressentry._today import resolve
from expressentry.explain import RuleRef
from expressentry.i18n import Message, check_lang, tr, trn, worded
from expressentry.models import (
    Candidate,
    LanguageResult,
    PoliceCertificate,
    Spouse,
    check_dates,
    require_candidate,
)
from expressentry.rules import RuleSet
from expressentry.rules._timeline import LAST_REVIEWED, review_caveats, review_messages
from expressentry.rules.programs import ECA_VALID_YEARS, LANGUAGE_RESULT_VALID_YEARS
from expressentry.rules.timelines import (
    ITA_WINDOW_DAYS,
    MEDICAL_VALID_MONTHS,
    PASSPORT_VALID_ON_EXPIRY_DATE,
    POLICE_CURRENT_COUNTRY_MONTHS,
    POLICE_ISSUED_ON_DEPARTURE_DAY_COUNTS,
    PROFILE_POOL_MONTHS,
)
from expressentry.timelines.deadlines import ita_deadline
from expressentry.timelines.validity import (
    eca_expiry,
    expiry_in_months,
    language_expiry,
    period,
    period_ref,
    profile_exit,
    rule_message,
    rule_ref,
    rules_of,
)

__all__ = [
    "Document",
    "DocumentStatus",
    "Expiring",
    "Validity",
    "expiring_first",
    "validity_on",
]

_ONE_DAY = timedelta(days=1)


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def _days_message(n: int) -> Message:
    return trn("{n} day", "{n} days", n, n=n)


PERSON_WORDS: Final = {"candidate": tr("candidate"), "spouse": tr("spouse")}
"""Whose document, in words (``person`` is ``"candidate"`` or ``"spouse"``)."""


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


DOCUMENT_WORDS: Final = {
    Document.LANGUAGE: tr("language"),
    Document.ECA: tr("ECA"),
    Document.PROFILE: tr("profile"),
    Document.INVITATION: tr("invitation"),
    Document.MEDICAL: tr("medical"),
    Document.POLICE_CERTIFICATE: tr("police certificate"),
    Document.PASSPORT: tr("passport"),
}
"""Each kind of document in words."""
_STATES: Final = {True: tr("valid"), False: tr("NOT VALID")}


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
        label_message: The label as a message (:meth:`label_text`); ``None``
            read back from JSON, which has its English label only.
        message: The reason as a message (:meth:`text`); ``None`` read back
            from JSON, which has its English reason only.
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
    label_message: Message | None = field(default=None, eq=False, metadata={"json": False})
    message: Message | None = field(default=None, eq=False, metadata={"json": False})

    def text(self, lang: str = "en") -> str:
        """The reason in ``lang`` (``"en"`` or ``"fr"``); the English one without a message.

        Raises:
            InvalidInputError: ``lang`` is not a language messages are written in.
        """
        return worded(self.reason, self.message, lang, "DocumentStatus.text")

    def label_text(self, lang: str = "en") -> str:
        """The label in ``lang`` (``"en"`` or ``"fr"``); the English one without a message.

        Raises:
            InvalidInputError: ``lang`` is not a language messages are written in.
        """
        return worded(self.label, self.label_message, lang, "DocumentStatus.label_text")

    def line(self, lang: str = "en") -> str:
        """``"candidate language: <label>: valid: <reason>"`` in ``lang``, as ``explain`` says it.

        Raises:
            InvalidInputError: ``lang`` is not a language messages are written in.
        """
        lang = check_lang(lang, "DocumentStatus.line")
        if lang == "en":
            state = "valid" if self.valid else "NOT VALID"
            return f"{self.person} {self.document.value}: {self.label}: {state}: {self.reason}"
        return tr(
            "{person} {document}: {label}: {state}: {reason}",
            person=PERSON_WORDS.get(self.person, tr("{text}", text=self.person)),
            document=DOCUMENT_WORDS[self.document],
            label=self.label_text(lang),
            state=_STATES[self.valid],
            reason=self.text(lang),
        ).render(lang)

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
    label: Message,
    dated: date,
    expires: date | None,
    as_of: date,
    reason: Message,
    rule: RuleRef | None,
    *,
    valid: bool | None = None,
) -> DocumentStatus:
    if valid is None:
        valid = expires is None or as_of < expires
    days: int | None = None
    if expires is not None:
        days = max(0, (expires - as_of).days)
        reason = (
            tr(
                "{reason}; valid until {last} ({days} left)",
                reason=reason,
                last=expires - _ONE_DAY,
                days=_days_message(days),
            )
            if valid
            else tr("{reason}; expired on {expired}", reason=reason, expired=expires)
        )
    return DocumentStatus(
        person=person,
        document=document,
        label=str(label),
        dated=dated,
        expires=expires,
        valid=valid,
        days_left=days,
        reason=str(reason),
        rule=rule,
        label_message=label,
        message=reason,
    )


def _language(person: str, r: LanguageResult, as_of: date, rules: RuleSet) -> DocumentStatus:
    start = r.valid_from
    valid = rule_message(LANGUAGE_RESULT_VALID_YEARS, start, rules=rules)
    return _status(
        person,
        Document.LANGUAGE,
        tr("{test} result of {day}", test=tr(r.test.label), day=start),
        start,
        language_expiry(r, rules=rules),
        as_of,
        tr("{valid}, counted from its result date", valid=valid)
        if r.result_date is not None
        else tr("{valid}, counted from its test date (no result date)", valid=valid),
        period_ref(LANGUAGE_RESULT_VALID_YEARS, start, rules=rules),
    )


def _eca(person: str, issued: date, as_of: date, rules: RuleSet) -> DocumentStatus:
    return _status(
        person,
        Document.ECA,
        tr("ECA issued {issued}", issued=issued),
        issued,
        eca_expiry(issued, rules=rules),
        as_of,
        tr(
            "{valid} from its issue date",
            valid=rule_message(ECA_VALID_YEARS, issued, rules=rules),
        ),
        period_ref(ECA_VALID_YEARS, issued, rules=rules),
    )


def _medical(person: str, exam: date, as_of: date, rules: RuleSet) -> DocumentStatus:
    months = period(MEDICAL_VALID_MONTHS, exam, rules=rules).value
    return _status(
        person,
        Document.MEDICAL,
        tr("medical exam of {exam}", exam=exam),
        exam,
        expiry_in_months(MEDICAL_VALID_MONTHS, exam, rules=rules),
        as_of,
        tr("valid {months} months from the exam", months=months),
        period_ref(MEDICAL_VALID_MONTHS, exam, rules=rules),
    )


def _police(person: str, c: PoliceCertificate, as_of: date, rules: RuleSet) -> DocumentStatus:
    label = tr("police certificate {country} of {issued}", country=c.country, issued=c.issued)
    rule = period_ref(POLICE_CURRENT_COUNTRY_MONTHS, c.issued, rules=rules)
    if c.left is None:
        months = period(POLICE_CURRENT_COUNTRY_MONTHS, c.issued, rules=rules).value
        return _status(
            person,
            Document.POLICE_CERTIFICATE,
            label,
            c.issued,
            expiry_in_months(
                POLICE_CURRENT_COUNTRY_MONTHS, c.issued, valid_on_last_day=True, rules=rules
            ),
            as_of,
            tr(
                "from the country lived in: issued no more than {months} months before applying",
                months=months,
            ),
            rule,
        )
    after = c.issued >= c.left if POLICE_ISSUED_ON_DEPARTURE_DAY_COUNTS else c.issued > c.left
    return _status(
        person,
        Document.POLICE_CERTIFICATE,
        label,
        c.issued,
        None,
        as_of,
        tr("from a former country: issued after leaving it on {left}", left=c.left)
        if after
        else tr(
            "from a former country: issued not after leaving it on {left}; "
            "a new one, issued after leaving, is needed",
            left=c.left,
        ),
        rule,
        valid=after,
    )


def _passport(person: str, expiry: date, as_of: date) -> DocumentStatus:
    ends = _passport_ends(expiry)
    return _status(
        person,
        Document.PASSPORT,
        tr("passport expiring {expiry}", expiry=expiry),
        expiry,
        ends,
        as_of,
        tr(
            "valid to the expiry date printed in it; a confirmation of permanent residence "
            "cannot outlast it"
        ),
        None,
    )


def _invitation(invited: date, as_of: date, rules: RuleSet | None) -> DocumentStatus:
    deadline, entry = ita_deadline(invited, rules=rules)
    return _status(
        "candidate",
        Document.INVITATION,
        tr("invitation of {invited}", invited=invited),
        invited,
        deadline + _ONE_DAY if deadline < date.max else deadline,
        as_of,
        tr(
            "{days} calendar days to apply, by {deadline}",
            days=entry.value,
            deadline=deadline,
        ),
        rule_ref(ITA_WINDOW_DAYS, entry),
    )


def _profile(submitted: date, as_of: date, rules: RuleSet) -> DocumentStatus:
    months = period(PROFILE_POOL_MONTHS, submitted, rules=rules).value
    return _status(
        "candidate",
        Document.PROFILE,
        tr("profile submitted {submitted}", submitted=submitted),
        submitted,
        profile_exit(submitted, rules=rules),
        as_of,
        tr(
            "in the pool {months} months from the day it was submitted (in UTC)",
            months=months,
        ),
        period_ref(PROFILE_POOL_MONTHS, submitted, rules=rules),
    )


def _person_documents(
    person: str, p: Candidate | Spouse, as_of: date, rules: RuleSet
) -> Iterator[DocumentStatus]:
    if isinstance(p, Candidate):
        for r in p.languages:
            yield _language(person, r, as_of, rules)
    elif p.language is not None:
        yield _language(person, p.language, as_of, rules)
    if p.education is not None and p.education.eca_issued is not None:
        yield _eca(person, p.education.eca_issued, as_of, rules)
    if p.medical_exam is not None:
        yield _medical(person, p.medical_exam, as_of, rules)
    for c in p.police_certificates:
        yield _police(person, c, as_of, rules)
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

    def explain(self, lang: str = "en") -> str:
        """One line per document, its status and its rule, in ``lang`` (``"en"`` or ``"fr"``).

        Raises:
            InvalidInputError: ``lang`` is not a language messages are written in.
        """
        lang = check_lang(lang, "Validity.explain")
        lines = [tr("Documents on {day}:", day=self.as_of).render(lang)]
        if not self.documents:
            lines.append("  " + tr("none dated in the profile").render(lang))
        for d in self.documents:
            rule = "" if d.rule is None else f" [{cited(d.rule.rule_id, d.rule.effective_from)}]"
            lines.append(f"  {d.line(lang)}{rule}")
        lines.extend(
            tr("Note: {caveat}", caveat=m).render(lang)
            for m in review_messages(self.as_of, self.rules_reviewed_on)
        )
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.explain()

    def to_records(self) -> list[dict[str, Any]]:
        """One flat row per document, the candidate's then the spouse's.

        Columns: ``as_of``, ``person``, ``document``, ``label``, ``dated``,
        ``expires``, ``last_valid_day``, ``valid``, ``days_left``, ``reason``,
        ``rule_id``, ``effective_from`` (``None`` where there is none).
        """
        return [
            {
                "as_of": self.as_of,
                "person": d.person,
                "document": d.document.value,
                "label": d.label,
                "dated": d.dated,
                "expires": d.expires,
                "last_valid_day": d.last_valid_day,
                "valid": d.valid,
                "days_left": d.days_left,
                "reason": d.reason,
                **rule_columns(d.rule),
            }
            for d in self.documents
        ]

    def _repr_html_(self) -> str:
        """The documents as an HTML table for notebooks: one row per document."""
        return fragment(
            f"Documents on {self.as_of.isoformat()}: {len(self.documents)}, "
            f"{len(self.expired)} expired",
            table(
                ["Whose", "Document", "Dated", "Valid to", "Valid", "Days left", "Why"],
                (
                    [
                        d.person,
                        d.label,
                        d.dated,
                        d.last_valid_day,
                        "yes" if d.valid else "no",
                        d.days_left,
                        d.reason,
                    ]
                    for d in self.documents
                ),
                css="documents",
                numeric={5},
            ),
            notes=self.caveats,
        )

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
    candidate: Candidate,
    *,
    invited: date | None = None,
    as_of: date | None = None,
    rules: RuleSet | None = None,
) -> Validity:
    """Every document's status on ``as_of`` (``None``: today).

    Args:
        candidate: The profile.
        invited: The day of an invitation to apply, if any: its deadline is then
            one of the documents.
        as_of: The day asked.
        rules: The rule set whose periods apply (``None``: the rules in force
            on ``as_of``; a reform that replaced a period applies it to every
            document).

    Raises:
        InvalidInputError: ``rules`` is not a RuleSet, ``as_of`` or ``invited``
            is not a date, or a date of
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
    r = rules_of(rules, as_of, "validity_on")
    check_dates(candidate, as_of=as_of)
    docs = list(_person_documents("candidate", candidate, as_of, r))
    submitted = candidate.submitted_day
    if submitted is not None:
        docs.append(_profile(submitted, as_of, r))
    if invited is not None:
        invited = resolve(invited, "invited", where="validity_on", optional=False)
        docs.append(_invitation(invited, as_of, rules))
    if candidate.spouse is not None:
        docs.extend(_person_documents("spouse", candidate.spouse, as_of, r))
    return Validity(as_of=as_of, documents=tuple(docs))


class Expiring(NamedTuple):
    """A document's expiry, without its status: what a pool's row says of it.

    ``expires`` is the first day it is no longer valid (``None``: no period ends
    it), ``label``, ``person`` and ``document`` say which document it is as
    :class:`DocumentStatus` says, and ``status()`` builds its
    :class:`DocumentStatus` on the day asked.
    """

    expires: date | None
    label: str
    person: str
    document: Document
    status: Callable[[], DocumentStatus]


def _passport_ends(expiry: date) -> date:
    return expiry + _ONE_DAY if PASSPORT_VALID_ON_EXPIRY_DATE and expiry < date.max else expiry


_Ends = tuple[date, str, Document, Any]
"""A document's expiry day, whose it is, its kind, and what it was read from."""


def _ends(person: str, p: Candidate | Spouse, rules: RuleSet, out: list[_Ends]) -> None:
    """Add the expiry day of each document of :func:`_person_documents` that has one."""
    results = p.languages if isinstance(p, Candidate) else (p.language,)
    for r in results:
        if r is not None:
            out.append((language_expiry(r, rules=rules), person, Document.LANGUAGE, r))
    if p.education is not None and p.education.eca_issued is not None:
        issued = p.education.eca_issued
        out.append((eca_expiry(issued, rules=rules), person, Document.ECA, issued))
    if p.medical_exam is not None:
        ends = expiry_in_months(MEDICAL_VALID_MONTHS, p.medical_exam, rules=rules)
        out.append((ends, person, Document.MEDICAL, p.medical_exam))
    for c in p.police_certificates:
        if c.left is None:  # a former country's certificate does not expire
            ends = expiry_in_months(
                POLICE_CURRENT_COUNTRY_MONTHS, c.issued, valid_on_last_day=True, rules=rules
            )
            out.append((ends, person, Document.POLICE_CERTIFICATE, c))
    if p.passport_expiry is not None:
        out.append(
            (_passport_ends(p.passport_expiry), person, Document.PASSPORT, p.passport_expiry)
        )


def _expiring(found: _Ends, as_of: date, rules: RuleSet) -> Expiring:
    """A document's :class:`Expiring`: its label, and how to build its status."""
    ends, person, kind, read = found
    partial = functools.partial
    if kind is Document.LANGUAGE:
        label = f"{read.test.label} result of {read.valid_from.isoformat()}"
        build = partial(_language, person, read, as_of, rules)
    elif kind is Document.ECA:
        label = f"ECA issued {read.isoformat()}"
        build = partial(_eca, person, read, as_of, rules)
    elif kind is Document.MEDICAL:
        label = f"medical exam of {read.isoformat()}"
        build = partial(_medical, person, read, as_of, rules)
    elif kind is Document.POLICE_CERTIFICATE:
        label = f"police certificate {read.country} of {read.issued.isoformat()}"
        build = partial(_police, person, read, as_of, rules)
    elif kind is Document.PASSPORT:
        label = f"passport expiring {read.isoformat()}"
        build = partial(_passport, person, read, as_of)
    else:
        label = f"profile submitted {read.isoformat()}"
        build = partial(_profile, read, as_of, rules)
    return Expiring(ends, label, person, kind, build)


def expiring_first(
    candidate: Candidate, *, as_of: date | None = None, rules: RuleSet | None = None
) -> Expiring | None:
    """The valid document that expires first on ``as_of``, its status not yet built.

    What :attr:`Validity.next_expiry` is (``.status()`` builds it, the same), for a
    fraction of the work: only expiry days are worked out, and only the first
    document is named (a pool's ``score`` writes it for every profile).

    >>> import expressentry as ee
    >>> found = expiring_first(ee.example_profile(), as_of=date(2026, 9, 1))
    >>> found.expires, found.person, found.document.value, found.label
    (datetime.date(2026, 10, 1), 'candidate', 'profile', 'profile submitted 2025-10-01')

    Raises:
        InvalidInputError: as :func:`validity_on`.
        RulesNotInForceError: ``as_of`` is before the rules are known.
    """
    as_of = resolve(as_of, where="expiring_first")
    candidate = require_candidate(candidate, "expiring_first")
    r = rules_of(rules, as_of, "expiring_first")
    check_dates(candidate, as_of=as_of)
    found: list[_Ends] = []
    _ends("candidate", candidate, r, found)
    submitted = candidate.submitted_day
    if submitted is not None:
        found.append((profile_exit(submitted, rules=r), "candidate", Document.PROFILE, submitted))
    if candidate.spouse is not None:
        _ends("spouse", candidate.spouse, r, found)
    running = [f for f in found if as_of < f[0]]
    if not running:
        return None
    soonest = min(f[0] for f in running)
    tied = [_expiring(f, as_of, r) for f in running if f[0] == soonest]
    return min(tied, key=lambda e: e.label)  # as Validity.next_expiry breaks a tie


# -- the pool -------------------------------------------------------------------------------
