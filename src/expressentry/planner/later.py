"""Options that come with time: a further year of work, a document renewed.

A further year of work is reached if the job goes on; a document is renewed
before (or after) it expires.

The days are the forecast's (:func:`~expressentry.timelines.forecast.forecast`),
so the planner finds no day of its own: a year of work is reached on the day the
forecast computes from the work history, a birthday is a date.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from expressentry._replace import replace
from expressentry.i18n import Message, tr
from expressentry.models import Candidate, LanguageResult, levels_under
from expressentry.planner.language import result_of, with_result
from expressentry.planner.options import ChangeKind, Option
from expressentry.planner.profile import spouse_edit
from expressentry.rules import RuleSet
from expressentry.rules.language_tables import SCORE_ORDER, chart_in
from expressentry.timelines.forecast import Forecast, Milestone, MilestoneKind, forecast
from expressentry.timelines.forecast.run import projected
from expressentry.timelines.validity import eca_expiry, language_expiry

__all__ = ["experience_options", "joined", "milestone_message", "renewal_options", "run_forecast"]


def milestone_message(m: Milestone) -> Message:
    """A forecast milestone's words as a message.

    Its own message when the timeline words it as one; else its English
    description, the same in every language.
    """
    found = getattr(m, "message", None)
    if isinstance(found, Message):
        return found
    return tr("{description}", description=m.description)


def joined(messages: Sequence[Message], sep: str = "; ") -> Message:
    """``messages`` (one or more) joined with ``sep`` (``"; "`` or ``" + "``), as one message."""
    out = messages[0]
    for m in messages[1:]:
        out = (
            tr("{first} + {then}", first=out, then=m)
            if sep == " + "
            else tr("{first}; {then}", first=out, then=m)
        )
    return out


def run_forecast(c: Candidate, day: date, end: date, rules: RuleSet | None) -> Forecast:
    """The candidate's forecast from ``day`` to ``end``, jobs going on."""
    return forecast(c, start=day, end=end, rules=rules)


def _as_is(c: Candidate) -> Candidate:
    return c


def experience_options(c: Candidate, f: Forecast) -> list[Option]:
    """Each day a further year of work (or a program's hours) is reached.

    Measured against the jobs ending the day before the plan starts.
    """
    stopped = projected(c, f.start, ongoing=False)
    out: list[Option] = []
    for event in f.events:
        reached = [
            milestone_message(m) for m in event.milestones if m.kind is MilestoneKind.EXPERIENCE
        ]
        if not reached:
            continue
        out.append(
            Option(
                kind=ChangeKind.EXPERIENCE,
                message=tr(
                    "Keep the current work up to {day}: {reached}",
                    day=event.day,
                    reached=joined(reached),
                ),
                targets=frozenset({"experience"}),
                day=event.day,
                edit=_as_is,
                changed=c,
                baseline=stopped,
            )
        )
    return out


def _retaken(result: LanguageResult, day: date, rules: RuleSet) -> LanguageResult:
    """The same test taken again on ``day`` with the same levels.

    The same scores where the chart has not changed since.
    """
    old = chart_in(rules.language_charts[result.test], result.test_date)
    new = chart_in(rules.language_charts[result.test], day)
    if new is old:
        return replace(result, test_date=day, result_date=None)
    scores: dict[str, Any] = {}
    for ability, level in zip(SCORE_ORDER, levels_under(result, rules), strict=True):
        bands = [b for b in new.bands[ability] if b.level <= level]
        scores[ability.value] = (
            max(bands, key=lambda b: b.level).low if bands else new.scales[ability].low
        )
    return replace(result, test_date=day, result_date=None, **scores)


def _when(expires: date, day: date, end: date) -> date | None:
    """The day a renewal is measured on: now if already expired, else the expiry day."""
    if expires <= day:
        return day
    return expires if expires <= end else None


def _renewal(  # noqa: PLR0917 (one call shape, private)
    c: Candidate,
    words: Message,
    targets: frozenset[str],
    expires: date,
    edit: Callable[[Candidate], Candidate],
    day: date,
    end: date,
) -> list[Option]:
    on = _when(expires, day, end)
    if on is None:
        return []
    words = (
        tr("{words} (expired on {day})", words=words, day=expires)
        if expires <= day
        else tr("{words} (expires on {day})", words=words, day=expires)
    )
    return [Option.of(ChangeKind.RENEWAL, words, targets, on, c, edit)]


def _result_edit(role: str, new: LanguageResult) -> Callable[[Candidate], Candidate]:
    return lambda c: with_result(c, result_of(c, role), new)


def renewal_options(c: Candidate, day: date, end: date, rules: RuleSet) -> list[Option]:
    """Each language result and ECA expired by ``day`` or expiring by ``end``, renewed."""
    out: list[Option] = []
    for role, result in (("first", c.first_language_result), ("second", c.second_language_result)):
        if result is None:
            continue
        words = tr("Take the {test} again at the same levels", test=tr(result.test.label))
        targets = frozenset(f"{role}.{a.value}" for a in SCORE_ORDER)
        edit = _result_edit(role, _retaken(result, day, rules))
        out.extend(
            _renewal(c, words, targets, language_expiry(result, rules=rules), edit, day, end)
        )
    s = c.spouse
    if s is not None and s.language is not None:
        words = tr(
            "The spouse takes the {test} again at the same levels", test=tr(s.language.test.label)
        )
        edit = spouse_edit(language=_retaken(s.language, day, rules))
        expires = language_expiry(s.language, rules=rules)
        out.extend(_renewal(c, words, frozenset({"spouse.language"}), expires, edit, day, end))
    if c.education.eca_issued is not None:
        renewed = replace(c.education, eca_issued=day)
        expires = eca_expiry(c.education.eca_issued, rules=rules)
        edit = lambda x: replace(x, education=renewed)  # noqa: E731
        out.extend(_renewal(c, tr("A new ECA"), frozenset({"education"}), expires, edit, day, end))
    if s is not None and s.education is not None and s.education.eca_issued is not None:
        expires = eca_expiry(s.education.eca_issued, rules=rules)
        edit = spouse_edit(education=replace(s.education, eca_issued=day))
        words = tr("A new ECA for the spouse")
        out.extend(_renewal(c, words, frozenset({"spouse.education"}), expires, edit, day, end))
    return out
