"""What a forecast returns: :class:`Forecast`, its events, states, milestones and verdicts."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from enum import StrEnum
from typing import Any, Final

import attrs
from attrs import field, frozen

from expressentry._html import fragment, table
from expressentry._records import joined
from expressentry._reprs import cited, cut
from expressentry._today import resolve
from expressentry.eligibility import EligibilityFlags, EligibilityReport
from expressentry.eligibility.report import PROGRAM_CODES
from expressentry.enums import CategoryId, Program
from expressentry.errors import FieldProblem, InvalidInputError
from expressentry.explain import RuleRef
from expressentry.i18n import Message, check_lang, tr, worded
from expressentry.models import (
    Candidate,
)
from expressentry.rules._timeline import LAST_REVIEWED, review_caveats, review_messages

__all__ = [
    "Forecast",
    "ForecastEvent",
    "ForecastState",
    "Milestone",
    "MilestoneKind",
    "Verdicts",
]

_ONE_DAY = timedelta(days=1)


class MilestoneKind(StrEnum):
    """What happens on a day of a forecast."""

    BIRTHDAY = "birthday"
    """A birthday that changes age points (CRS or the FSW grid)."""
    EXPERIENCE = "experience"
    """A count of work hours reaches, or falls below, a minimum or a further year."""
    EXPIRY = "expiry"
    """A language result or an ECA is no longer valid."""
    POOL = "pool"
    """The profile leaves the pool (12 months after it was submitted)."""
    RULES = "rules"
    """A rule of the CRS or of eligibility changes (a change already on the books)."""


@frozen(kw_only=True, repr=False)
class Milestone:
    """One thing that happens on a day of a forecast.

    Its repr is the kind and the words: ``Milestone(birthday: 'Turns 30')``.

    Attributes:
        kind: Birthday, experience, expiry, pool or rules.
        description: What happens, in a sentence.
        rule: The dated rule behind it, where there is one.
        message: The description as a message (:meth:`text`); ``None`` read
            back from JSON, which has its English description only.
    """

    kind: MilestoneKind
    description: str
    rule: RuleRef | None = None
    message: Message | None = field(default=None, eq=False, metadata={"json": False})

    def text(self, lang: str = "en") -> str:
        """The description in ``lang`` (``"en"`` or ``"fr"``); the English one without a message.

        Raises:
            InvalidInputError: ``lang`` is not a language messages are written in.
        """
        return worded(self.description, self.message, lang, "Milestone.text")

    def explain(self, lang: str = "en") -> str:
        """The description and, in brackets, its rule, in ``lang`` (``"en"`` or ``"fr"``).

        Raises:
            InvalidInputError: ``lang`` is not a language messages are written in.
        """
        words = self.text(check_lang(lang, "Milestone.explain"))
        if self.rule is None:
            return words
        return f"{words} [{cited(self.rule.rule_id, self.rule.effective_from)}]"

    def __repr__(self) -> str:
        return f"Milestone({self.kind.value}: {cut(self.description, 120)!r})"


def _names(items: Iterable[str]) -> str:
    return ", ".join(items)


def _programs(programs: Iterable[Program]) -> Message:
    """The programs' abbreviations, joined by commas (PTQF, CEC, PTMSF in French)."""
    codes = [PROGRAM_CODES[p] for p in programs]
    if not codes:
        return tr("no program")
    out = codes[-1]
    for code in reversed(codes[:-1]):
        out = tr("{a}, {b}", a=code, b=out)
    return out


@frozen(kw_only=True, repr=False)
class Verdicts:
    """Which programs and categories a candidate is eligible for on a day.

    The verdicts of an :class:`~expressentry.EligibilityReport`, without the
    requirements behind them (:func:`~expressentry.assess` of the day has those).
    Its repr: ``Verdicts(eligible for FSW, CEC; categories: stem)``.

    Attributes:
        eligible_programs: Programs definitely eligible.
        undecided_programs: Programs eligible if what cannot be checked is confirmed.
        eligible_categories: Categories the candidate could definitely be invited in.
        undecided_categories: Categories eligible if something is confirmed.
    """

    eligible_programs: tuple[Program, ...] = ()
    undecided_programs: tuple[Program, ...] = ()
    eligible_categories: tuple[CategoryId, ...] = ()
    undecided_categories: tuple[CategoryId, ...] = ()

    @classmethod
    def of(cls, report: EligibilityReport | EligibilityFlags) -> Verdicts:
        """The verdicts of a report, or of the flags of the pool fast path."""
        return cls(
            eligible_programs=report.eligible_programs,
            undecided_programs=report.undecided_programs,
            eligible_categories=report.eligible_categories,
            undecided_categories=report.undecided_categories,
        )

    @property
    def eligible(self) -> bool:
        """Eligible for at least one program."""
        return bool(self.eligible_programs)

    def explain(self, lang: str = "en") -> str:
        """``"eligible for FSW, CEC; categories: stem"``, or ``"eligible for no program"``.

        In ``lang`` (``"en"`` or ``"fr"``); categories are named by their values.

        Raises:
            InvalidInputError: ``lang`` is not a language messages are written in.
        """
        lang = check_lang(lang, "Verdicts.explain")
        if lang == "en":
            return self._english()
        return self._message().render(lang)

    def _english(self) -> str:
        words = "eligible for " + (_names(p.name for p in self.eligible_programs) or "no program")
        if self.undecided_programs:
            words += f"; if confirmed: {_names(p.name for p in self.undecided_programs)}"
        if self.eligible_categories:
            words += f"; categories: {_names(self.eligible_categories)}"
        if self.undecided_categories:
            words += f"; categories if confirmed: {_names(self.undecided_categories)}"
        return words

    def _message(self) -> Message:
        """:meth:`explain` as a message, to word it in either language."""
        words = tr("eligible for {programs}", programs=_programs(self.eligible_programs))
        if self.undecided_programs:
            words = tr(
                "{words}; if confirmed: {programs}",
                words=words,
                programs=_programs(self.undecided_programs),
            )
        if self.eligible_categories:
            words = tr(
                "{words}; categories: {categories}",
                words=words,
                categories=_names(self.eligible_categories),
            )
        if self.undecided_categories:
            words = tr(
                "{words}; categories if confirmed: {categories}",
                words=words,
                categories=_names(self.undecided_categories),
            )
        return words

    def __repr__(self) -> str:
        return f"Verdicts({cut(self.explain(), 160)})"


NO_VERDICTS: Final = Verdicts()


@frozen(kw_only=True, repr=False)
class ForecastState:
    """The CRS total, the eligibility and the pool on one day of a forecast.

    Its repr: ``ForecastState(2027-09-20: CRS 450, eligible for no program, in the pool)``.

    Attributes:
        day: The day.
        total: The CRS total that day (:func:`~expressentry.score`).
        verdicts: Eligibility that day (:func:`~expressentry.assess`).
        in_pool: Whether the profile is in the pool that day; ``None`` for a
            profile never submitted.
    """

    day: date
    total: int
    verdicts: Verdicts
    in_pool: bool | None

    def _pool_words(self, lang: str = "en") -> str:
        return _POOL_WORDS[self.in_pool].render(lang)

    def explain(self, lang: str = "en") -> str:
        """The state in a line, in ``lang`` (``"en"`` or ``"fr"``).

        Raises:
            InvalidInputError: ``lang`` is not a language messages are written in.
        """
        lang = check_lang(lang, "ForecastState.explain")
        return tr(
            "{day}: CRS {total}, {verdicts}, {pool}",
            day=self.day,
            total=self.total,
            verdicts=self.verdicts.explain(lang),
            pool=self._pool_words(lang),
        ).render(lang)

    def __repr__(self) -> str:
        return f"ForecastState({cut(self.explain(), 170)})"


_POOL_WORDS: Final = {
    None: tr("no profile submitted"),
    True: tr("in the pool"),
    False: tr("not in the pool"),
}


def _signed(n: int) -> str:
    return f"+{n}" if n > 0 else str(n)


@frozen(kw_only=True, repr=False)
class ForecastEvent:
    """A day of a forecast on which something changes, and what.

    Its repr: ``ForecastEvent(2027-09-20: CRS 574 → 450 (-124), eligible for no
    program; 1 milestone: 'Candidate's IELTS General Training result of 2025-09-20 expires …')``.

    Attributes:
        day: The day.
        milestones: What happens that day (at least one).
        before: The state the day before.
        after: The state that day, just after the milestones.
    """

    day: date
    milestones: tuple[Milestone, ...]
    before: ForecastState
    after: ForecastState

    @property
    def change(self) -> int:
        """CRS points gained (lost, if negative) that day."""
        return self.after.total - self.before.total

    @property
    def gained(self) -> tuple[Program, ...]:
        """Programs the candidate becomes eligible for that day."""
        was = self.before.verdicts.eligible_programs
        return tuple(p for p in self.after.verdicts.eligible_programs if p not in was)

    @property
    def lost(self) -> tuple[Program, ...]:
        """Programs the candidate is no longer eligible for from that day."""
        now = self.after.verdicts.eligible_programs
        return tuple(p for p in self.before.verdicts.eligible_programs if p not in now)

    def _headline(self, lang: str = "en") -> str:
        parts = [
            f"CRS {self.before.total} → {self.after.total} ({_signed(self.change)})"
            if self.change
            else tr("CRS {total} (unchanged)", total=self.after.total).render(lang)
        ]
        if lang != "en" and self.change:
            parts[0] = parts[0].replace("CRS", tr("CRS").render(lang), 1)
        if self.after.verdicts != self.before.verdicts:
            parts.append(self.after.verdicts.explain(lang))
            now = self.after.verdicts.eligible_categories
            gone = [c for c in self.before.verdicts.eligible_categories if c not in now]
            if gone:
                parts.append(
                    tr("no longer in categories: {categories}", categories=_names(gone)).render(
                        lang
                    )
                )
        if self.after.in_pool != self.before.in_pool:
            parts.append(self.after._pool_words(lang))
        return "; ".join(parts)

    def explain(self, lang: str = "en") -> str:
        """The day, the score and eligibility after it, and each milestone.

        In ``lang`` (``"en"`` or ``"fr"``).

        Raises:
            InvalidInputError: ``lang`` is not a language messages are written in.
        """
        lang = check_lang(lang, "ForecastEvent.explain")
        lines = [tr("{day}: {headline}", day=self.day, headline=self._headline(lang)).render(lang)]
        lines.extend(f"  - {m.explain(lang)}" for m in self.milestones)
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.explain()

    def __repr__(self) -> str:
        n = len(self.milestones)
        first = cut(self.milestones[0].description, 60) if self.milestones else ""
        return (
            f"ForecastEvent({self.day.isoformat()}: {cut(self._headline(), 100)}; "
            f"{n} milestone{'' if n == 1 else 's'}: {first!r})"
        )


_JOBS: Final = {
    True: tr("ongoing jobs assumed to go on"),
    False: tr("ongoing jobs ended"),
}


@frozen(kw_only=True, repr=False)
class Forecast:
    """The dated events of a candidate between two days.

    Its repr: ``Forecast(2026-11-22 to 2027-11-22: CRS 574, 1 event, CRS 450 at
    the end)``.

    Attributes:
        candidate: The profile forecast: the one given, or with its ongoing jobs
            ended before ``start`` when ``ongoing`` is false. Every total equals
            ``score(candidate, as_of=day)``.
        start: The first day: ``initial`` is its state; events come after it.
        end: The last day examined.
        ongoing: Whether ongoing jobs were assumed to go on.
        initial: The state on ``start``.
        events: Every day after ``start``, up to ``end``, on which the total, the
            eligibility or the pool changes, in order.
        rules_reviewed_on: Last day the rule tables were checked against their
            sources (:attr:`caveats` speaks when ``end`` is after it: the rule
            changes forecast are only those on the books that day).
    """

    candidate: Candidate
    start: date
    end: date
    ongoing: bool
    initial: ForecastState
    events: tuple[ForecastEvent, ...]
    rules_reviewed_on: date = LAST_REVIEWED

    @property
    def caveats(self) -> tuple[str, ...]:
        """What to bear in mind: the rules' review day, when ``end`` is after it.

        Printed by :meth:`explain` and written in the JSON form.
        """
        return review_caveats(self.end, self.rules_reviewed_on)

    @property
    def final(self) -> ForecastState:
        """The state on ``end``."""
        return self.on(self.end)

    def on(self, day: date) -> ForecastState:
        """The state on ``day`` (between ``start`` and ``end``): that of the last event by then.

        Raises:
            InvalidInputError: ``day`` is not a date, or outside the forecast.
        """
        day = resolve(day, "day", where="Forecast.on", optional=False)
        if not self.start <= day <= self.end:
            raise InvalidInputError(
                "Forecast.on",
                [
                    FieldProblem(
                        "day",
                        day,
                        tr("must be from {start} to {end}", start=self.start, end=self.end),
                    )
                ],
            )
        state = self.initial
        for e in self.events:
            if e.day > day:
                break
            state = e.after
        return attrs.evolve(state, day=day)

    def explain(self, lang: str = "en") -> str:
        """The state on ``start``, then each event and its milestones, in ``lang``.

        ``lang``: ``"en"`` or ``"fr"``.

        Raises:
            InvalidInputError: ``lang`` is not a language messages are written in.
        """
        lang = check_lang(lang, "Forecast.explain")
        jobs = _JOBS[self.ongoing]
        lines = [
            tr(
                "Forecast from {start} to {end} ({jobs}).",
                start=self.start,
                end=self.end,
                jobs=jobs,
            ).render(lang),
            tr("On {state}.", state=self.initial.explain(lang)).render(lang),
        ]
        if not self.events:
            lines.append(tr("Nothing changes.").render(lang))
        lines.extend(e.explain(lang) for e in self.events)
        lines.extend(
            tr("Note: {caveat}", caveat=m).render(lang)
            for m in review_messages(self.end, self.rules_reviewed_on)
        )
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.explain()

    def to_records(self) -> list[dict[str, Any]]:
        """One flat row per event, earliest first, for ``pandas.DataFrame``.

        Columns: ``day``, ``total_before``, ``total``, ``change``, ``milestones``
        (their descriptions joined with "; "), ``kinds`` (their kinds, joined
        with ", "), ``rules`` (their rules cited, ``id@day``, joined with ", "),
        ``programs_gained``, ``programs_lost``, then the state that day:
        ``eligible_programs``, ``undecided_programs``, ``eligible_categories``,
        ``undecided_categories`` (joined with ", ") and ``in_pool``.
        """
        return [
            {
                "day": e.day,
                "total_before": e.before.total,
                "total": e.after.total,
                "change": e.change,
                "milestones": joined((m.description for m in e.milestones), "; "),
                "kinds": joined(dict.fromkeys(m.kind for m in e.milestones)),
                "rules": joined(
                    cited(m.rule.rule_id, m.rule.effective_from)
                    for m in e.milestones
                    if m.rule is not None
                ),
                "programs_gained": joined(e.gained),
                "programs_lost": joined(e.lost),
                "eligible_programs": joined(e.after.verdicts.eligible_programs),
                "undecided_programs": joined(e.after.verdicts.undecided_programs),
                "eligible_categories": joined(e.after.verdicts.eligible_categories),
                "undecided_categories": joined(e.after.verdicts.undecided_categories),
                "in_pool": e.after.in_pool,
            }
            for e in self.events
        ]

    def _repr_html_(self) -> str:
        """The forecast as an HTML table for notebooks: one row per event."""
        jobs = "ongoing jobs assumed to go on" if self.ongoing else "ongoing jobs ended"
        return fragment(
            f"Forecast from {self.start.isoformat()} to {self.end.isoformat()} ({jobs}): "
            f"CRS {self.initial.total} on {self.start.isoformat()}, "
            f"{self.final.total} at the end",
            table(
                ["Day", "CRS", "Change", "What happens", "Eligible programs"],
                (
                    [
                        e.day,
                        e.after.total,
                        _signed(e.change),
                        "; ".join(m.description for m in e.milestones),
                        joined(p.value.upper() for p in e.after.verdicts.eligible_programs),
                    ]
                    for e in self.events
                ),
                css="events",
                numeric={1, 2},
            ),
            notes=self.caveats,
        )

    def __repr__(self) -> str:
        n = len(self.events)
        return (
            f"Forecast({self.start.isoformat()} to {self.end.isoformat()}: "
            f"CRS {self.initial.total}, {n} event{'' if n == 1 else 's'}, "
            f"CRS {self.final.total} at the end)"
        )
