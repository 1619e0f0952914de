"""The profile in the pool: :func:`pool_status`.

On a day, whether the profile is in the pool and eligible
(:func:`expressentry.assess`: an expired result makes a program fail even when
the score is unchanged), and the first day either changes.
"""

from __future__ import annotations

from datetime import date, timedelta

from attrs import field, frozen

from expressentry._reprs import listed
from expressentry._today import resolve
from expressentry.eligibility.report import PROGRAM_CODES
from expressentry.enums import Program
from expressentry.i18n import Message, check_lang, tr, worded
from expressentry.models import (
    Candidate,
    check_dates,
    require_candidate,
)
from expressentry.rules import RuleSet
from expressentry.rules._timeline import LAST_REVIEWED, review_caveats, review_messages
from expressentry.timelines.documents import Document, validity_on
from expressentry.timelines.forecast import forecast
from expressentry.timelines.validity import in_pool_on, profile_exit, rules_of

__all__ = [
    "PoolStatus",
    "pool_status",
]

_ONE_DAY = timedelta(days=1)

# -- the pool -------------------------------------------------------------------------------


def _names(programs: tuple[Program, ...]) -> str:
    return ", ".join(p.name for p in programs) if programs else "no program"


def _program_names(programs: tuple[Program, ...]) -> Message:
    """:func:`_names` as a message: the programs' abbreviations (PTQF, CEC, PTMSF in French)."""
    if not programs:
        return tr("no program")
    out = PROGRAM_CODES[programs[-1]]
    for p in reversed(programs[:-1]):
        out = tr("{a}, {b}", a=PROGRAM_CODES[p], b=out)
    return out


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
        change_message: The same words as a message (:meth:`change_text`);
            ``None`` read back from JSON, which has its English words only.
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
    change_message: Message | None = field(default=None, eq=False, metadata={"json": False})

    def change_text(self, lang: str = "en") -> str:
        """:attr:`change` in ``lang`` (``"en"`` or ``"fr"``).

        Raises:
            InvalidInputError: ``lang`` is not a language messages are written in.
        """
        return worded(self.change, self.change_message, lang, "PoolStatus.change_text")

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

    def explain(self, lang: str = "en") -> str:
        """The status and its next change, in plain words, in ``lang`` (``"en"`` or ``"fr"``).

        Raises:
            InvalidInputError: ``lang`` is not a language messages are written in.
        """
        lang = check_lang(lang, "PoolStatus.explain")
        if self.in_pool and self.expires is not None:
            where = tr(
                "In the pool since {submitted}, until {last} (it leaves on {leaves}).",
                submitted=self.submitted or self.as_of,
                last=self.expires - _ONE_DAY,
                leaves=self.expires,
            )
        elif self.submitted is None:
            where = tr("Not in the pool: no profile submitted.")
        else:
            where = tr(
                "Not in the pool: the profile submitted {submitted} expired.",
                submitted=self.submitted,
            )
        lines = [tr("On {day}: {where}", day=self.as_of, where=where).render(lang)]
        lines.append(
            tr("Eligible for {programs}.", programs=_program_names(self.eligible_programs)).render(
                lang
            )
        )
        if self.undecided_programs:
            lines.append(
                tr(
                    "Eligible if confirmed: {programs}.",
                    programs=_program_names(self.undecided_programs),
                ).render(lang)
            )
        if self.changes_on is None:
            lines.append(tr("No change up to {day}.", day=self.looked_until).render(lang))
        else:
            lines.append(
                tr(
                    "First change on {day}: {change}",
                    day=self.changes_on,
                    change=self.change_text(lang),
                ).render(lang)
            )
        lines.extend(
            tr("Note: {caveat}", caveat=m).render(lang)
            for m in review_messages(self.changes_on or self.looked_until, self.rules_reviewed_on)
        )
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
    rules: RuleSet | None,
) -> Message:
    parts: list[Message] = []
    if before[0] and not after[0]:
        parts.append(tr("the profile leaves the pool"))
    lost = [p for p in before[1] if p not in after[1]]
    gained = [p for p in after[1] if p not in before[1]]
    if lost:
        parts.append(tr("no longer eligible for {programs}", programs=_program_names(tuple(lost))))
    if gained:
        parts.append(tr("eligible for {programs}", programs=_program_names(tuple(gained))))
    if not lost and not gained and before[2] != after[2]:
        parts.append(tr("eligible if confirmed: {programs}", programs=_program_names(after[2])))
    expiring = [
        d
        for d in validity_on(candidate, as_of=day, rules=rules).documents
        if d.expires == day and d.document is not Document.PROFILE
    ]
    if expiring:
        labels = [d.label_message or tr("{text}", text=d.label) for d in expiring]
        names = labels[-1]
        for label in reversed(labels[:-1]):
            names = tr("{a}, {b}", a=label, b=names)
        shown = listed([d.label for d in expiring], 200)
        if shown != ", ".join(d.label for d in expiring):  # too long: cut, in English
            names = tr("{text}", text=shown)
        parts.append(tr("expired that day: {documents}", documents=names))
    out = parts[-1] if parts else tr("{text}", text="")
    for part in reversed(parts[:-1]):
        out = tr("{a}; {b}", a=part, b=out)
    return tr("{change}.", change=out)


def pool_status(
    candidate: Candidate, *, as_of: date | None = None, rules: RuleSet | None = None
) -> PoolStatus:
    """Whether ``candidate`` is in the pool and eligible on ``as_of`` (``None``: today).

    Eligibility is that of :func:`expressentry.assess` on each day, so a language
    result or an ECA that expires, experience that accrues or a rule that
    changes is seen on the day it does. The days up to the day the profile
    leaves the pool (or 12 months, for a profile not in it) are those of its
    :func:`~expressentry.forecast`, which assesses only the days on which
    something may change, and the first day anything changes is reported.

    ``rules`` is a reform to apply on every day instead of the rules in force
    that day (its months in the pool, document periods and programs).

    Raises:
        InvalidInputError: ``as_of`` is not a date, a date of the profile is
            after it, or ``rules`` is not a RuleSet.
        RulesNotInForceError: ``as_of`` is before the rules are known.
    """
    as_of = resolve(as_of, where="pool_status")
    candidate = require_candidate(candidate, "pool_status")
    r = rules_of(rules, as_of, "pool_status")
    check_dates(candidate, as_of=as_of)
    submitted = candidate.submitted_day
    expires = None if submitted is None else profile_exit(submitted, rules=r)
    in_pool = submitted is not None and in_pool_on(submitted, as_of, rules=r)
    until = expires if in_pool and expires is not None else profile_exit(as_of, rules=r)
    # The days that may change anything are the forecast's (each verdict as assess gives it).
    f = forecast(candidate, start=as_of, end=until, rules=rules)
    eligible = f.initial.verdicts.eligible_programs
    undecided = f.initial.verdicts.undecided_programs
    now = (in_pool, eligible, undecided)
    changes_on: date | None = None
    change: Message | None = None
    for event in f.events:
        after = event.after
        state = (
            in_pool if after.in_pool is None else after.in_pool,
            after.verdicts.eligible_programs,
            after.verdicts.undecided_programs,
        )
        if state != now:
            changes_on = event.day
            change = _describe_change(candidate, event.day, now, state, rules)
            break
    return PoolStatus(
        as_of=as_of,
        in_pool=in_pool,
        submitted=submitted,
        expires=expires,
        eligible_programs=eligible,
        undecided_programs=undecided,
        changes_on=changes_on,
        change="" if change is None else str(change),
        looked_until=until,
        change_message=change,
    )


# -- readiness for an invitation -------------------------------------------------------------
