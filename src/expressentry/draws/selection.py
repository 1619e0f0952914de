"""Selecting a round of invitations from a pool: rank, tie-break, cut-off, explained.

IRCC ranks the candidates eligible for a round by their CRS score on the round's
day, highest first, and invites the first N; candidates with the same score are
ordered by the date and time their profile was submitted, earliest first. It
then publishes the CRS of the lowest-ranked candidate invited (the cut-off) and a
tie-breaking date-time: the submission time of that candidate, to the second. So
everyone invited has a CRS at or above the cut-off, nobody left out has a CRS
above it, and at the cut-off everyone invited was submitted no later than
everyone left out.

Here candidates are ranked by CRS, highest first, then by the submission time at
the precision it was given (to the microsecond,
:data:`~expressentry.draws.pool.SUBMISSION_PRECISION`), then by pool order only
for profiles submitted at the same instant (:data:`SAME_INSTANT_ORDER`). The
tie-break is reported to the second, as IRCC publishes it
(:func:`~expressentry.draws.ties.tie_break_of`), and the explanation says of each
candidate left out at the cut-off whether it was submitted after the tie-break's
second, later within that second, or at the same instant as the last invited
(:func:`~expressentry.draws.ties.invited_at_cutoff`, the outlook's rule too).

Which candidates a round ranks (the Ministerial Instructions of each round, linked
from its record):

- a **general** round: those eligible for at least one of FSW, CEC or FST (a
  provincial nominee in the pool is one of them, see :data:`PNP_NEEDS_PROGRAM`);
- a **program** round: those eligible for that program;
- a **PNP** round: provincial nominees (and eligible for a program, by
  :data:`PNP_NEEDS_PROGRAM`);
- a **category** round: those eligible for the category in the version in force
  that day, which includes eligibility for FSW, CEC or FST.

Only the profiles in the pool on the round's day are ranked: submitted on or
before it, and less than 12 months before it
(:func:`~expressentry.timelines.validity.in_pool_on`, the rule of the outlook and the
timelines too); the others are left out and counted in the explanation.

Four copies of the example profile (CRS 574, submitted 2025-10-01 14:30 UTC), the
second submitted an hour earlier, the fourth a day earlier: on 2026-09-30 the
fourth has been in the pool 12 months and is out.

>>> from datetime import date, timedelta
>>> import attrs
>>> import expressentry as ee
>>> c = ee.example_profile()
>>> when = c.profile_submitted
>>> earlier = attrs.evolve(c, profile_submitted=when - timedelta(hours=1))
>>> expired = attrs.evolve(c, profile_submitted=when - timedelta(days=1))
>>> pool = Pool([c, earlier, c, expired])
>>> s = select(pool, RoundSpec(day=date(2026, 9, 30), size=2))
>>> [(i.index, i.crs) for i in s.invited], s.cutoff, s.tie_break.isoformat()
([(1, 574), (0, 574)], 574, '2025-10-01T14:30:00+00:00')
>>> s.expired_profiles
(3,)
>>> print(s.explain())
General round of 2026-09-30, 2 invitations
  ranks candidates eligible for FSW, CEC or FST; rules in force from 2025-03-25
  pool: 3 candidates
  not in the pool on 2026-09-30, so left out: 1 whose profile had expired (a profile
    stays in the pool 12 months from its submission)
  ranked: 3 eligible for the round; 0 not eligible
  invited: the 2 highest-ranked
  cut-off: CRS 574 (the lowest-ranked invited, rank 2)
  tie-break: 2025-10-01T14:30:00+00:00 (that candidate's profile submission, to the second)
  at CRS 574: 2 invited, submitted at or before the tie-break; 1 left out: 1 submitted at
    the same instant as the last invited, later in pool order
"""

from __future__ import annotations

import itertools
import operator
import textwrap
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any, Final

from attrs import frozen

from expressentry import pools as pool_files
from expressentry._checks import require_items
from expressentry._html import fragment, table
from expressentry.draws.records import Round, RoundKind
from expressentry.eligibility import EligibilityFlags, Verdict
from expressentry.enums import CategoryId, Program
from expressentry.errors import FieldProblem, InvalidInputError
from expressentry.i18n import Message, check_lang, tr, trn
from expressentry.rules import RuleSet, rules_for
from expressentry.rules._timeline import LAST_REVIEWED, edition_of, review_caveats, review_messages
from expressentry.rules.categories import CATEGORY_SETS

from .pool import Pool, PoolColumns, pool_micros, ranked_pool
from .ranking import top_ranked
from .ties import TIE_BREAK_PRECISION, invited_at_cutoff, tie_break_of

__all__ = [
    "PNP_NEEDS_PROGRAM",
    "RANK_ELIGIBLE_IF",
    "SAME_INSTANT_ORDER",
    "Invited",
    "RoundSpec",
    "Selection",
    "run_rounds",
    "select",
]

SAME_INSTANT_ORDER: Final = "pool order"
"""How candidates with the same CRS and the same submission instant are ordered.

UNCERTAIN reading, made explicit: IRCC does not say how it orders profiles
submitted at the same instant. Here the one earlier in the pool (lower index)
ranks first, so a selection is deterministic. Profiles submitted in the same
second but not at the same instant are ranked by their submission time
(:data:`~expressentry.draws.pool.SUBMISSION_PRECISION`)."""

RANK_ELIGIBLE_IF: Final = True
"""Whether a candidate eligible only "if" something is confirmed is ranked.

A verdict of :attr:`~expressentry.eligibility.report.Verdict.ELIGIBLE_IF` means the package cannot
check a requirement that day (declared settlement funds before the first
funds table it knows, 2016-01-12, or for a family of 8 or more), not that the
candidate fails it: IRCC's system knew its table and checked the funds declared.
Such candidates are ranked, and a :class:`Selection` counts those invited
(:attr:`Selection.undecided_invited`) and marks each (:attr:`Invited.undecided`),
so a simulation of those days neither drops them silently nor hides the doubt.
Pass ``rank_eligible_if=False`` to :func:`select` to leave them out."""

PNP_NEEDS_PROGRAM: Final = True
"""Whether a provincial nominee must also be eligible for FSW, CEC or FST to be ranked.

SECONDARY reading (UNCERTAIN): a nominee enters Express Entry through a
province's Express Entry stream, and to be in the pool at all a profile must meet
the minimum requirements of one of the three federal programs (IRCC program
delivery instructions, "Express Entry via the Provincial Nominee Program", and
consultancy copies). So a PNP round ranks nominees eligible for a program, and a
general round ranks candidates eligible for a program, nominees among them. The
round MIs' own wording ("for the PNP class, only its members") was not read in
full."""

_KIND_WORDS: Final = {
    RoundKind.GENERAL: tr("General round"),
    RoundKind.PROGRAM: tr("Program round"),
    RoundKind.PNP: tr("Provincial Nominee Program round"),
    RoundKind.CATEGORY: tr("Category round"),
}


def _count(n: int, lang: str) -> str:
    """A count as ``lang`` writes it: ``5,000`` in English, ``5 000`` in French."""
    return f"{n:,}" if lang == "en" else f"{n:,}".replace(",", "\u00a0")


def _spec_problems(spec: RoundSpec) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    day: object = spec.day
    if type(day) is not date:
        problems.append(FieldProblem("day", day, tr("must be a date (datetime.date)")))
    size: object = spec.size
    if type(size) is not int or size < 1:
        problems.append(FieldProblem("size", size, tr("must be a whole number, 1 or more")))
    kind: object = spec.kind
    if not isinstance(kind, RoundKind):
        allowed = ", ".join(repr(k.value) for k in RoundKind)
        words = tr("must be a {kind} ({allowed})", kind="RoundKind", allowed=allowed)
        problems.append(FieldProblem("kind", kind, words))
    program: object = spec.program
    if kind is RoundKind.PROGRAM:
        if not isinstance(program, Program):
            problems.append(
                FieldProblem("program", program, tr("must be a Program in a program round"))
            )
    elif program is not None:
        problems.append(FieldProblem("program", program, tr("is only for a program round")))
    category: object = spec.category
    if kind is RoundKind.CATEGORY:
        if not isinstance(category, CategoryId):
            problems.append(
                FieldProblem("category", category, tr("must be a CategoryId in a category round"))
            )
    elif category is not None:
        problems.append(FieldProblem("category", category, tr("is only for a category round")))
    return problems


@frozen(kw_only=True, repr=False)
class RoundSpec:
    """A round to run: its day, size and type.

    Attributes:
        day: The round's day: scores, eligibility and the category version are
            those of that day, and only profiles submitted on or before it (UTC)
            are in the pool.
        size: The number of invitations.
        kind: General, program, PNP or category (:class:`~expressentry.draws.records.RoundKind`).
        program: The program of a program round (else ``None``).
        category: The category of a category round (else ``None``).

    >>> RoundSpec(day=date(2026, 8, 19), size=5000, kind=RoundKind.CATEGORY,
    ...           category=CategoryId.FRENCH)
    RoundSpec(Category round (french) of 2026-08-19, 5,000 invitations)

    Raises:
        InvalidInputError: a field is of the wrong type, the size is below 1, or
            the program or category does not fit the kind; every problem named.
    """

    day: date
    size: int
    kind: RoundKind = RoundKind.GENERAL
    program: Program | None = None
    category: CategoryId | None = None

    def __attrs_post_init__(self) -> None:
        problems = _spec_problems(self)
        if problems:
            raise InvalidInputError("RoundSpec", problems)

    @classmethod
    def of(cls, round: Round) -> RoundSpec:
        """The spec of a published round: its day, invitations, kind, program and category.

        Raises:
            InvalidInputError: the round is of a category expressentry has no
                list of (:attr:`~expressentry.draws.records.Round.unknown_category`):
                nobody's eligibility for it can be judged, so it cannot be run.
        """
        if round.unknown_category is not None:
            raise InvalidInputError(
                "RoundSpec.of",
                [
                    FieldProblem(
                        "round",
                        round.number,
                        tr(
                            "round {number} is of the category {category}, which expressentry "
                            "has no list of (added by IRCC after this release): nobody's "
                            "eligibility for it can be judged, so it cannot be run",
                            number=round.number,
                            category=repr(round.unknown_category),
                        ),
                    )
                ],
            )
        return cls(
            day=round.day,
            size=round.invitations,
            kind=round.kind,
            program=round.program,
            category=round.category_id,
        )

    def __repr__(self) -> str:
        return f"RoundSpec({self.label})"

    @property
    def label(self) -> str:
        """The round in words: "Category round (french) of 2026-08-19, 5,000 invitations"."""
        return self._label("en")

    def _label(self, lang: str) -> str:
        what = _KIND_WORDS[self.kind]
        key = self.program or self.category
        if key is not None:
            what = tr("{what} ({key})", what=what, key=key.value)
        text = trn(
            "{what} of {day}, {size} invitation",
            "{what} of {day}, {size} invitations",
            self.size,
            what=what,
            day=self.day,
            size=_count(self.size, lang),
        ).render(lang)
        return text[:1].upper() + text[1:]  # a kind's words are also said mid-sentence


@frozen(kw_only=True)
class Invited:
    """One invited candidate, in rank order.

    Attributes:
        rank: 1 for the highest-ranked.
        index: The candidate's index in the pool.
        crs: The CRS score on the round's day.
        submitted: The profile's submission time, UTC, as given (to the
            microsecond, :data:`~expressentry.draws.pool.SUBMISSION_PRECISION`).
        undecided: Whether the candidate is eligible for the round only if what
            cannot be checked that day is confirmed (see :data:`RANK_ELIGIBLE_IF`).
    """

    rank: int
    index: int
    crs: int
    submitted: datetime
    undecided: bool = False


@frozen(kw_only=True, repr=False)
class Selection:
    """A round run over a pool: the invited in rank order, the cut-off and the tie-break.

    Attributes:
        spec: The round.
        invited: The invited, highest-ranked first.
        cutoff: The CRS of the lowest-ranked candidate invited, as IRCC reports
            it; ``None`` when nobody was eligible.
        tie_break: The submission time of the lowest-ranked candidate invited,
            UTC, cut to the whole second as IRCC reports it
            (:func:`~expressentry.draws.ties.tie_break_of`; the exact instant is
            :attr:`last_invited`); ``None`` when nobody was invited.
        in_pool: Candidates in the pool for this round: in the pool on its day
            (:func:`~expressentry.timelines.validity.in_pool_on`: submitted on or before
            it, less than 12 months before it) and not invited by an earlier round.
        ranked: Those eligible for the round, who were ranked.
        submitted_after: The pool indices of the candidates left out because
            they were submitted after the round's day, ascending.
        expired_profiles: The pool indices of the candidates left out because
            their profile had left the pool by the round's day (12 months after
            its submission, :func:`~expressentry.timelines.validity.profile_exit`), ascending.
        already_invited: Candidates left out because an earlier round invited them.
        at_cutoff_left_out: Candidates ranked with the cut-off score but left out:
            submitted after the tie-break's second, later within it
            (:attr:`left_out_within_second`), or at the same instant as the last
            invited (:attr:`left_out_same_instant`).
        rules_edition: The rules applied (:attr:`~expressentry.rules.RuleSet.edition`).
        rules_reviewed_on: Last day those rules were checked against their sources
            (:attr:`caveats` speaks when the round's day is after it).
        left_out_within_second: Of :attr:`at_cutoff_left_out`, those submitted
            within the tie-break's second but later than the last invited: IRCC's
            tie-break, to the second, cannot tell them apart
            (:data:`~expressentry.draws.ties.WITHIN_TIE_BREAK_SECOND`).
        left_out_same_instant: Of :attr:`at_cutoff_left_out`, those submitted at
            the same instant as the last invited, later in pool order
            (:data:`SAME_INSTANT_ORDER`).
    """

    spec: RoundSpec
    invited: tuple[Invited, ...]
    cutoff: int | None
    tie_break: datetime | None
    in_pool: int
    ranked: int
    submitted_after: tuple[int, ...]
    expired_profiles: tuple[int, ...]
    already_invited: int
    at_cutoff_left_out: int
    rules_edition: str
    rules_reviewed_on: date = LAST_REVIEWED
    left_out_within_second: int = 0
    left_out_same_instant: int = 0

    @property
    def last_invited(self) -> datetime | None:
        """The exact submission time of the lowest-ranked invited (``None``: nobody invited).

        :attr:`tie_break` is this time cut to the second.
        """
        return self.invited[-1].submitted if self.invited else None

    @property
    def left_out_after_second(self) -> int:
        """Of :attr:`at_cutoff_left_out`, those submitted after the tie-break's second."""
        return self.at_cutoff_left_out - self.left_out_within_second - self.left_out_same_instant

    @property
    def caveats(self) -> tuple[str, ...]:
        """What to bear in mind: the rules' review day, when the round's day is after it.

        Printed by :meth:`explain` and written in the JSON form.
        """
        return review_caveats(self.spec.day, self.rules_reviewed_on)

    @property
    def count(self) -> int:
        """The number invited: the round's size, or all ranked when fewer."""
        return len(self.invited)

    @property
    def not_yet_submitted(self) -> int:
        """How many were left out because they were submitted after the round's day."""
        return len(self.submitted_after)

    @property
    def expired(self) -> int:
        """How many were left out because their profile had left the pool by the round's day."""
        return len(self.expired_profiles)

    @property
    def undecided_invited(self) -> int:
        """How many invited are eligible only "if" (see :data:`RANK_ELIGIBLE_IF`)."""
        return sum(1 for i in self.invited if i.undecided)

    @property
    def indices(self) -> tuple[int, ...]:
        """The pool indices of the invited, in rank order."""
        return tuple(i.index for i in self.invited)

    def explain(self, lang: str = "en") -> str:
        """The round in plain words: who was ranked, who invited, the cut-off and why.

        In ``lang`` (``"en"`` or ``"fr"``); counts are written with the
        language's thousands separator (``5,000``, ``5 000``).

        Raises:
            InvalidInputError: ``lang`` is not a language messages are written in.
        """
        lang = check_lang(lang, "Selection.explain")

        def n(count: int) -> str:
            return _count(count, lang)

        def say(message: Message) -> str:
            return message.render(lang)

        s = self.spec
        lines = [s._label(lang), "  " + say(_who(s, self.rules_edition))]
        lines.extend(
            "  " + say(tr("Note: {caveat}", caveat=m))
            for m in review_messages(s.day, self.rules_reviewed_on)
        )
        pool = say(
            trn("  pool: {n} candidate", "  pool: {n} candidates", self.in_pool, n=n(self.in_pool))
        )
        if self.already_invited:
            pool += say(
                tr(" ({n} invited by an earlier round, not counted)", n=n(self.already_invited))
            )
        lines.append(pool)
        if self.not_yet_submitted or self.expired:
            why = []
            if self.not_yet_submitted:
                why.append(say(tr("{n} submitted after that day", n=n(self.not_yet_submitted))))
            if self.expired:
                why.append(
                    say(
                        tr(
                            "{n} whose profile had expired (a profile stays in the pool 12 months "
                            "from its submission)",
                            n=n(self.expired),
                        )
                    )
                )
            words = tr(
                "not in the pool on {day}, so left out: {why}", day=s.day, why=", ".join(why)
            )
            lines.extend(
                textwrap.wrap(say(words), width=86, initial_indent="  ", subsequent_indent="    ")
            )
        lines.append(
            say(
                tr(
                    "  ranked: {ranked} eligible for the round; {not_eligible} not eligible",
                    ranked=n(self.ranked),
                    not_eligible=n(self.in_pool - self.ranked),
                )
            )
        )
        if self.cutoff is None or self.tie_break is None:
            lines.append(say(tr("  invited: nobody (no candidate eligible)")))
            return "\n".join(lines)
        if self.count < s.size:
            lines.append(
                say(
                    tr(
                        "  invited: all {count} ranked (fewer than the {size} invitations)",
                        count=n(self.count),
                        size=n(s.size),
                    )
                )
            )
        else:
            lines.append(say(tr("  invited: the {count} highest-ranked", count=n(self.count))))
        at = sum(1 for i in self.invited if i.crs == self.cutoff)
        lines.append(
            say(
                tr(
                    "  cut-off: CRS {cutoff} (the lowest-ranked invited, rank {rank})",
                    cutoff=self.cutoff,
                    rank=n(self.count),
                )
            )
        )
        lines.append(
            say(
                tr(
                    "  tie-break: {tie} (that candidate's profile submission, to the second)",
                    tie=self.tie_break.isoformat(),
                )
            )
        )
        words = tr(
            "at CRS {cutoff}: {n} invited, submitted at or before the tie-break; {left}",
            cutoff=self.cutoff,
            n=n(at),
            left=self._left_out_words(lang),
        )
        lines.extend(
            textwrap.wrap(say(words), width=88, initial_indent="  ", subsequent_indent="    ")
        )
        if self.undecided_invited:
            lines.append(
                say(
                    tr(
                        "  {n} invited are eligible only if what cannot be checked that day is "
                        "confirmed (settlement funds)",
                        n=n(self.undecided_invited),
                    )
                )
            )
        return "\n".join(lines)

    def _left_out_words(self, lang: str) -> str:
        """The candidates left out at the cut-off, by how they compare with the last invited."""
        if not self.at_cutoff_left_out:
            return tr("none left out").render(lang)
        parts = []
        if self.left_out_after_second:
            parts.append(
                tr(
                    "{n} submitted after the tie-break's second",
                    n=_count(self.left_out_after_second, lang),
                )
            )
        if self.left_out_within_second:
            parts.append(
                tr(
                    "{n} submitted later within that second than the last invited",
                    n=_count(self.left_out_within_second, lang),
                )
            )
        if self.left_out_same_instant:
            parts.append(
                tr(
                    # "pool order": SAME_INSTANT_ORDER, in words a French text can say too
                    "{n} submitted at the same instant as the last invited, later in pool order",
                    n=_count(self.left_out_same_instant, lang),
                )
            )
        return tr(
            "{n} left out: {parts}",
            n=_count(self.at_cutoff_left_out, lang),
            parts=", ".join(p.render(lang) for p in parts),
        ).render(lang)

    def __str__(self) -> str:
        return self.explain()

    def to_records(self) -> list[dict[str, Any]]:
        """One flat row per invited candidate, in rank order.

        Columns: ``day`` (the round's), ``round_kind``, ``program``, ``category``
        (``None`` when the round has none), ``rank``, ``index`` (in the pool),
        ``crs``, ``submitted`` (a UTC :class:`~datetime.datetime`) and
        ``undecided``.
        """
        spec = self.spec
        head = {
            "day": spec.day,
            "round_kind": spec.kind.value,
            "program": None if spec.program is None else spec.program.value,
            "category": None if spec.category is None else spec.category.value,
        }
        return [
            {
                **head,
                "rank": i.rank,
                "index": i.index,
                "crs": i.crs,
                "submitted": i.submitted,
                "undecided": i.undecided,
            }
            for i in self.invited
        ]

    def _repr_html_(self) -> str:
        """The round as an HTML table for notebooks: one row per invited candidate."""
        cut = "none" if self.cutoff is None else str(self.cutoff)
        return fragment(
            f"{self.spec.label}: {self.count:,} invited of {self.ranked:,} ranked, cut-off {cut}",
            table(
                ["Rank", "Pool index", "CRS", "Submitted", "Eligible if"],
                (
                    [i.rank, i.index, i.crs, i.submitted, "yes" if i.undecided else ""]
                    for i in self.invited
                ),
                css="invited",
                numeric={0, 1, 2},
            ),
            notes=self.caveats,
        )

    def __repr__(self) -> str:
        cut = "none" if self.cutoff is None else str(self.cutoff)
        tie = "none" if self.tie_break is None else self.tie_break.isoformat()
        return (
            f"Selection({self.spec.label}: {self.count:,} invited of {self.ranked:,} ranked, "
            f"cut-off {cut}, tie-break {tie})"
        )


def _who(spec: RoundSpec, edition: str) -> Message:
    """Who the round ranks, and the rules applied."""
    found = edition_of(edition)
    rules = edition if found is None else found
    if spec.kind is RoundKind.GENERAL:
        return tr("ranks candidates eligible for FSW, CEC or FST; {rules}", rules=rules)
    if spec.kind is RoundKind.PROGRAM and spec.program is not None:
        return tr(
            "ranks candidates eligible for {program}; {rules}",
            program=spec.program.value.upper(),
            rules=rules,
        )
    if spec.kind is RoundKind.PNP:
        if PNP_NEEDS_PROGRAM:
            return tr(
                "ranks provincial nominees eligible for FSW, CEC or FST; {rules}", rules=rules
            )
        return tr("ranks provincial nominees; {rules}", rules=rules)
    category = spec.category.value if spec.category is not None else "?"
    return tr(
        "ranks candidates eligible for the category {category} (and for FSW, CEC or FST); {rules}",
        category=category,
        rules=rules,
    )


def _ranks(spec: RoundSpec, f: EligibilityFlags, nominee: bool, undecided_ok: bool) -> int:
    """0: not ranked; 1: ranked; 2: ranked, eligible only if something is confirmed."""
    if spec.kind is RoundKind.CATEGORY and spec.category is not None:
        verdict = f.category(spec.category)
        sure, maybe = verdict is Verdict.ELIGIBLE, verdict is Verdict.ELIGIBLE_IF
    elif spec.kind is RoundKind.PROGRAM and spec.program is not None:
        verdict = f.program(spec.program)
        sure, maybe = verdict is Verdict.ELIGIBLE, verdict is Verdict.ELIGIBLE_IF
    elif spec.kind is RoundKind.PNP and not PNP_NEEDS_PROGRAM:
        sure, maybe = nominee, False
    else:
        sure, maybe = bool(f.eligible_programs), bool(f.undecided_programs)
        if spec.kind is RoundKind.PNP and not nominee:
            sure = maybe = False
    if sure:
        return 1
    return 2 if undecided_ok and maybe else 0


def _statuses(
    spec: RoundSpec, flags: Sequence[EligibilityFlags], nominees: Sequence[bool], undecided_ok: bool
) -> list[int]:
    """:func:`_ranks` of each candidate, worked out once per distinct flags and nomination.

    Candidates with the same verdicts share one flags object (as
    :func:`~expressentry.eligibility.flags_many` gives them), so a pool of a
    million has a few hundred to work out; the object's identity is the key (every
    one is held by ``flags`` while this runs).
    """
    known: dict[tuple[int, bool], int] = {}
    out: list[int] = []
    for f, nominee in zip(flags, nominees, strict=True):
        key = (id(f), nominee)
        status = known.get(key)
        if status is None:
            status = known[key] = _ranks(spec, f, nominee, undecided_ok)
        out.append(status)
    return out


def _rules_of(spec: RoundSpec, rules: RuleSet | None) -> RuleSet:
    if rules is not None and not isinstance(rules, RuleSet):
        raise InvalidInputError(
            "select", [FieldProblem("rules", rules, tr("must be a RuleSet or None"))]
        )
    r = rules_for(as_of=spec.day) if rules is None else rules
    if spec.kind is RoundKind.CATEGORY:
        in_force = tuple(c.id for c in r.entry(CATEGORY_SETS).value.categories)
        if spec.category not in in_force:
            names = ", ".join(c.value for c in in_force) or "none"
            raise InvalidInputError(
                "RoundSpec",
                [
                    FieldProblem(
                        "category",
                        spec.category,
                        tr(
                            "is not a category in force on {day} (in force: {names})",
                            day=spec.day,
                            names=names,
                        ),
                    )
                ],
            )
    return r


def _nominees(pool: Pool | PoolColumns, indices: Sequence[int]) -> list[bool]:
    """Whether each profile at ``indices`` holds a provincial nomination."""
    if isinstance(pool, PoolColumns):
        return pool.nominated(indices)
    people = pool.candidates
    return [people[i].provincial_nomination for i in indices]


def _select(
    pool: Pool | PoolColumns | pool_files.PoolFile,
    spec: RoundSpec,
    rules: RuleSet | None,
    removed: frozenset[int] | set[int],
    rank_eligible_if: bool,
) -> Selection:
    pool = ranked_pool(pool, "select")
    if not isinstance(spec, RoundSpec):
        raise InvalidInputError("select", [FieldProblem("spec", spec, tr("must be a RoundSpec"))])
    r = _rules_of(spec, rules)
    if isinstance(pool, PoolColumns):
        try:
            pool.scores((), as_of=spec.day, rules=r)  # refuses another day or rule set
        except InvalidInputError as exc:
            problems = [p.at("spec.day" if p.path == "as_of" else p.path) for p in exc.problems]
            raise InvalidInputError("select", problems) from None
    # the pool rule as two comparisons of microseconds per candidate (pool_micros)
    low, high = pool_micros(spec.day)
    micros = pool.submitted_micros
    inside = [low <= t < high for t in micros]
    positions = range(len(pool))
    present = list(itertools.compress(positions, inside))
    if removed:
        present = [i for i in present if i not in removed]
    after: tuple[int, ...] = ()
    expired: tuple[int, ...] = ()
    if not all(inside):
        out = list(itertools.compress(positions, map(operator.not_, inside)))
        after = tuple(i for i in out if micros[i] >= high and i not in removed)
        expired = tuple(i for i in out if micros[i] < low and i not in removed)
    flags = pool.flags(present, as_of=spec.day, rules=r)
    nominees = _nominees(pool, present)
    status = _statuses(spec, flags, nominees, rank_eligible_if)
    ranked = [i for i, s in zip(present, status, strict=True) if s]
    undecided = {i for i, s in zip(present, status, strict=True) if s == 2}
    crs = pool.scores(ranked, as_of=spec.day, rules=r)
    subs = [micros[i] for i in ranked]
    chosen = top_ranked(crs, subs, spec.size)
    invited = tuple(
        Invited(
            rank=k + 1,
            index=ranked[p],
            crs=crs[p],
            submitted=_datetime_of(subs[p]),
            undecided=ranked[p] in undecided,
        )
        for k, p in enumerate(chosen)
    )
    cutoff = invited[-1].crs if invited else None
    tie = tie_break_of(invited[-1].submitted) if invited else None
    taken = {p for p in chosen if crs[p] == cutoff}
    at_cut = itertools.compress(range(len(crs)), map(operator.eq, crs, itertools.repeat(cutoff)))
    left = [p for p in at_cut if p not in taken]
    within = same = 0
    if left and cutoff is not None and tie is not None:
        last = subs[chosen[-1]]
        for p in left:
            verdict = invited_at_cutoff(
                cutoff,
                _datetime_of(subs[p]),
                cutoff=cutoff,
                tie_break=tie,
                precision=TIE_BREAK_PRECISION,
            )
            if verdict is None:  # within the tie-break's second
                if subs[p] == last:
                    same += 1
                else:
                    within += 1
            elif verdict:  # pragma: no cover  (ranked after the last invited: never before it)
                raise AssertionError(p)
    return Selection(
        spec=spec,
        invited=invited,
        cutoff=cutoff,
        tie_break=tie,
        in_pool=len(present),
        ranked=len(ranked),
        submitted_after=after,
        expired_profiles=expired,
        already_invited=len(removed),
        at_cutoff_left_out=len(left),
        rules_edition=r.edition,
        rules_reviewed_on=r.last_reviewed,
        left_out_within_second=within,
        left_out_same_instant=same,
    )


_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)


def _datetime_of(micros: int) -> datetime:
    """The instant ``micros`` microseconds after 1970-01-01 UTC (exact)."""
    return _EPOCH + timedelta(microseconds=micros)


def select(
    pool: Pool | PoolColumns | pool_files.PoolFile,
    spec: RoundSpec,
    *,
    rules: RuleSet | None = None,
    rank_eligible_if: bool = RANK_ELIGIBLE_IF,
) -> Selection:
    """Run one round over ``pool``: rank the eligible, invite the first ``spec.size``.

    Args:
        pool: The candidates and their submission times: a :class:`Pool`, a
            :class:`~expressentry.draws.pool.PoolColumns` of the round's day (what
            the round reads of each profile, worked out elsewhere), or a pool
            file read by :func:`expressentry.pools.read_pool` whose every line
            held a profile.
        spec: The round's day, size and type.
        rules: Rules to apply instead of those in force on ``spec.day`` (a reform).
        rank_eligible_if: Rank candidates eligible only "if" something is
            confirmed (default :data:`RANK_ELIGIBLE_IF`).

    Raises:
        InvalidInputError: ``pool`` is neither a :class:`Pool`, nor columns,
            nor a pool file read with no bad line; columns of another day than
            ``spec.day`` or another rule set than the round's;
            ``spec`` is not a :class:`RoundSpec`, the category
            is not in force that day, or a candidate holds a document dated after
            the round's day (naming its index in the pool).
        RulesNotInForceError: the day is before 2015-01-01.
    """
    return _select(pool, spec, rules, frozenset(), rank_eligible_if)


def run_rounds(
    pool: Pool | PoolColumns | pool_files.PoolFile,
    specs: Iterable[RoundSpec],
    *,
    rules: RuleSet | None = None,
    rank_eligible_if: bool = RANK_ELIGIBLE_IF,
) -> tuple[Selection, ...]:
    """Run rounds one after another: each removes the candidates it invited from the pool.

    Scores and eligibility are those of each round's day (a birthday between two
    rounds changes the score); the pool computes them once per rule set and day,
    so rounds on the same day share them.

    Args:
        pool: The candidates and their submission times, as for :func:`select`.
        specs: The rounds, in the order they are held (days never going back).
        rules: Rules to apply on every day instead of those in force (a reform).
        rank_eligible_if: As for :func:`select`.

    Raises:
        InvalidInputError: ``specs`` is not an iterable of
            :class:`RoundSpec`, a round's day is before the one before it (naming
            ``specs[i].day``), or as for :func:`select`.
    """
    rounds = require_items(specs, RoundSpec, "specs", "run_rounds")
    problems: list[FieldProblem] = []
    for i, (a, b) in enumerate(itertools.pairwise(rounds), start=1):
        if b.day < a.day:
            problems.append(
                FieldProblem(
                    f"specs[{i}].day",
                    b.day,
                    tr("must not be before the round before it ({day})", day=a.day),
                )
            )
    if problems:
        raise InvalidInputError("run_rounds", problems)
    pool = ranked_pool(pool, "run_rounds")
    removed: set[int] = set()
    out: list[Selection] = []
    for spec in rounds:
        selection = _select(pool, spec, rules, removed, rank_eligible_if)
        removed.update(selection.indices)
        out.append(selection)
    return tuple(out)
