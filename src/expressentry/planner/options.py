"""One realistic change to a profile, before it is scored: an :class:`Option`.

The planner's generators (:mod:`~expressentry.planner.language`,
:mod:`~expressentry.planner.profile`, :mod:`~expressentry.planner.later`) each
propose options; :func:`~expressentry.planner.planning.improvements` scores them
all the same way. An option knows nothing of points: what it is worth is only
ever what the scoring gives the changed profile.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import StrEnum, unique

from attrs import frozen

from expressentry.i18n import Message
from expressentry.models import Candidate

__all__ = ["ChangeKind", "Option"]


@unique
class ChangeKind(StrEnum):
    """What a change to a profile is about."""

    LANGUAGE = "language"
    """A better result in an ability (or all four) of a test already taken."""
    NEW_TEST = "new_test"
    """A test in the other official language (French at NCLC 7, or English at CLB 5)."""
    FIRST_LANGUAGE = "first_language"
    """Declaring the other official language as the first."""
    RENEWAL = "renewal"
    """A language result or an ECA taken again before (or after) it expires."""
    SPOUSE = "spouse"
    """The spouse's language test, education or Canadian work."""
    NOT_ACCOMPANYING = "not_accompanying"
    """Applying without the spouse accompanying: the candidate's decision."""
    EDUCATION = "education"
    """A further credential (with its ECA) or an ECA for the one held."""
    CANADIAN_EDUCATION = "canadian_education"
    """A Canadian credential of one or two years, or of three years or more."""
    EXPERIENCE = "experience"
    """A further year of work, reached if the current job goes on."""
    JOB_OFFER = "job_offer"
    """A qualifying job offer."""
    NOMINATION = "nomination"
    """A provincial or territorial nomination."""
    SIBLING = "sibling"
    """A brother or sister living in Canada (citizen or permanent resident)."""
    CERTIFICATE = "certificate"
    """A certificate of qualification in a skilled trade."""


@frozen(kw_only=True)
class Option:
    """A change not yet scored.

    Attributes:
        kind: What it is about.
        message: The change in words a client can act on, in either language
            (:attr:`description` is it in English).
        targets: What of the profile it changes (``"first.listening"``,
            ``"spouse.language"``): a plan never combines two options that share one.
        day: The earliest day it takes effect; it is scored on that day.
        edit: The change itself, applied to any profile (so that changes combine).
        changed: The profile with the change.
        baseline: What the change is measured against on ``day``: the profile
            itself, except for a job that goes on (measured against the job
            ending now).
        decision: Whether it is a choice of the candidate's that the planner
            does not recommend (not accompanying), rather than something to attain.
    """

    kind: ChangeKind
    message: Message
    targets: frozenset[str]
    day: date
    edit: Callable[[Candidate], Candidate]
    changed: Candidate
    baseline: Candidate
    decision: bool = False

    @property
    def description(self) -> str:
        """The change in English words (rendered when asked: most options are never shown)."""
        return str(self.message)

    @classmethod
    def of(  # noqa: PLR0917 (the fields in their order)
        cls,
        kind: ChangeKind,
        message: Message,
        targets: frozenset[str],
        day: date,
        candidate: Candidate,
        edit: Callable[[Candidate], Candidate],
        *,
        decision: bool = False,
    ) -> Option:
        """The option of ``edit`` made to ``candidate`` (its own baseline)."""
        return cls(
            kind=kind,
            message=message,
            targets=targets,
            day=day,
            edit=edit,
            changed=edit(candidate),
            baseline=candidate,
            decision=decision,
        )
