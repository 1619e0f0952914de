"""Readiness for an invitation: :func:`ita_readiness`.

For an invitation day (and a planned day to apply): the deadline under the
window in force on the invitation day, the documents that will be invalid on
the day of applying and what to renew, whether a medical exam must come with
the application (by the day of applying), and the age locked at the invitation.

>>> from datetime import date
>>> import expressentry as ee
>>> report = ee.ita_readiness(ee.example_profile(), invited=date(2026, 11, 25))
>>> report.deadline, report.window_days
(datetime.date(2027, 1, 24), 60)
"""

from __future__ import annotations

from datetime import date, timedelta

from attrs import frozen

from expressentry._ages import completed_years
from expressentry._reprs import cited, listed
from expressentry._today import resolve
from expressentry.errors import FieldProblem, InvalidInputError
from expressentry.explain import RuleRef
from expressentry.i18n import check_lang, tr
from expressentry.models import (
    Candidate,
    check_dates,
    require_candidate,
)
from expressentry.rules import RuleSet
from expressentry.rules._timeline import LAST_REVIEWED, review_caveats, review_messages
from expressentry.rules.timelines import (
    AGE_LOCKED_AT_INVITATION,
    ITA_WINDOW_DAYS,
    UPFRONT_MEDICAL_REQUIRED,
)
from expressentry.timelines.deadlines import ita_deadline
from expressentry.timelines.documents import (
    PERSON_WORDS,
    Document,
    DocumentStatus,
    validity_on,
)
from expressentry.timelines.validity import in_pool_on, rule_ref, rules_of

__all__ = [
    "Readiness",
    "ita_readiness",
]

_ONE_DAY = timedelta(days=1)


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

    def explain(self, lang: str = "en") -> str:
        """The deadline, each document on the day checked, what to renew and the age.

        In ``lang`` (``"en"`` or ``"fr"``).

        Raises:
            InvalidInputError: ``lang`` is not a language messages are written in.
        """
        lang = check_lang(lang, "Readiness.explain")
        window = cited(self.window_rule.rule_id, self.window_rule.effective_from)
        lines = [
            tr(
                "Invited on {invited}: {days} calendar days to apply, by {deadline} [{rule}].",
                invited=self.invited,
                days=self.window_days,
                deadline=self.deadline,
                rule=window,
            ).render(lang)
        ]
        if self.in_pool_at_invitation is False:
            lines.append(tr("The profile is not in the pool on the invitation day.").render(lang))
        if self.late and self.planned is not None:
            lines.append(
                tr(
                    "The planned day {planned} is after the deadline: "
                    "the invitation will have lapsed.",
                    planned=self.planned,
                ).render(lang)
            )
        which = (
            tr("Documents on the planned day, {day}:", day=self.checked_on)
            if self.planned is not None
            else tr("Documents on the deadline, {day}:", day=self.checked_on)
        )
        lines.append(which.render(lang))
        lines.extend(f"  {d.line(lang)}" for d in self.documents)
        if self.to_renew:
            lines.append(tr("To renew before applying:").render(lang))
            lines.extend(
                "  "
                + tr(
                    "{person}: {label}",
                    person=PERSON_WORDS.get(d.person, tr("{text}", text=d.person)),
                    label=d.label_text(lang),
                ).render(lang)
                for d in self.to_renew
            )
        else:
            lines.append(tr("Nothing to renew.").render(lang))
        medical = f"[{cited(self.medical_rule.rule_id, self.medical_rule.effective_from)}]"
        if not self.medical_required:
            lines.append(
                tr(
                    "No upfront medical exam for an application submitted on {day}: "
                    "IRCC asks for one after the application {rule}.",
                    day=self.checked_on,
                    rule=medical,
                ).render(lang)
            )
        else:
            lines.append(
                tr(
                    "An upfront medical exam, valid on the day of applying, must come with an "
                    "application submitted on {day} {rule}.",
                    day=self.checked_on,
                    rule=medical,
                ).render(lang)
            )
            if self.medical_missing:
                missing = ", ".join(
                    PERSON_WORDS[who].render(lang) if who in PERSON_WORDS else who
                    for who in self.medical_missing
                )
                lines.append(
                    "  " + tr("no medical exam in the profile: {who}", who=missing).render(lang)
                )
        if not self.age_locked:
            age = tr("Age counts on the day of applying: {age}.", age=self.age_when_applying)
        elif self.age_when_applying != self.age_at_invitation:
            age = tr(
                "Age locked at {age} on the invitation day (the candidate is {applying} "
                "when applying: the birthday costs no points).",
                age=self.age_at_invitation,
                applying=self.age_when_applying,
            )
        else:
            age = tr("Age locked at {age} on the invitation day.", age=self.age_at_invitation)
        lines.append(age.render(lang))
        lines.extend(
            tr("Note: {caveat}", caveat=m).render(lang)
            for m in review_messages(self.checked_on, self.rules_reviewed_on)
        )
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
    candidate: Candidate,
    *,
    invited: date | None = None,
    planned: date | None = None,
    rules: RuleSet | None = None,
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

    ``rules`` is a reform to read instead of the rules in force on each day
    (the window, the upfront medical, the age lock, the documents' periods and
    the months in the pool).

    Raises:
        InvalidInputError: ``invited`` or ``planned`` is not a date, ``planned``
            is before ``invited``, a date of the profile is after the day
            checked, or ``rules`` is not a RuleSet.
        RulesNotInForceError: ``invited`` is before Express Entry opened.
    """
    invited = resolve(invited, "invited", where="ita_readiness")
    candidate = require_candidate(candidate, "ita_readiness")
    if planned is not None:
        planned = resolve(planned, "planned", where="ita_readiness", optional=False)
        if planned < invited:
            raise InvalidInputError(
                "ita_readiness",
                [
                    FieldProblem(
                        "planned", planned, tr("must not be before invited ({day})", day=invited)
                    )
                ],
            )
    deadline, window = ita_deadline(invited, rules=rules)
    checked = deadline if planned is None else planned
    if planned is None:
        day = tr(
            "the deadline to apply ({day}) for the invitation of {invited}",
            day=checked,
            invited=invited,
        )
    else:
        day = tr(
            "the day planned to apply ({day}) for the invitation of {invited}",
            day=checked,
            invited=invited,
        )
    check_dates(candidate, as_of=checked, day=day)
    medical = rules_of(rules, checked, "ita_readiness").entry_for(UPFRONT_MEDICAL_REQUIRED, checked)
    medical_required = medical.value
    people = [("candidate", candidate.medical_exam)]
    spouse = candidate.spouse
    if spouse is not None and not spouse.canadian_citizen_or_pr:  # a family member examined
        people.append(("spouse", spouse.medical_exam))
    missing = tuple(who for who, exam in people if medical_required and exam is None)
    validity = validity_on(candidate, as_of=checked, rules=rules)
    documents = tuple(d for d in validity.documents if d.document is not Document.PROFILE)
    must = _MUST_BE_VALID | ({Document.MEDICAL} if medical_required else frozenset())
    at_invitation = rules_of(rules, invited, "ita_readiness")
    lock = at_invitation.entry_for(AGE_LOCKED_AT_INVITATION, invited)
    submitted = candidate.submitted_day
    in_pool = None if submitted is None else in_pool_on(submitted, invited, rules=at_invitation)
    return Readiness(
        invited=invited,
        deadline=deadline,
        window_days=window.value,
        window_rule=rule_ref(ITA_WINDOW_DAYS, window),
        planned=planned,
        checked_on=checked,
        late=checked > deadline,
        medical_required=medical_required,
        medical_rule=rule_ref(UPFRONT_MEDICAL_REQUIRED, medical),
        medical_missing=missing,
        documents=documents,
        to_renew=tuple(d for d in documents if d.document in must and not d.valid),
        age_at_invitation=completed_years(candidate.date_of_birth, invited),
        age_when_applying=completed_years(candidate.date_of_birth, checked),
        age_locked=lock.value,
        age_rule=rule_ref(AGE_LOCKED_AT_INVITATION, lock),
        in_pool_at_invitation=in_pool,
    )
