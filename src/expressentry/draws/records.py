"""The typed records of IRCC's round history: a round, its type, its pool distribution.

Every record is immutable (``attrs`` frozen, slots). A :class:`Round` keeps what
IRCC published, read into types (dates, UTC date-times, integers, the
:class:`~expressentry.enums.Program` or the category version in force that day),
and the :class:`Quirk` flags of every named rule that had to read it: nothing in
IRCC's feed is corrected or guessed silently. How the feed's text is read is in
:mod:`expressentry.draws.feed`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from enum import StrEnum, unique
from typing import Final

import attrs
from attrs import frozen

from expressentry._html import fragment, table
from expressentry.enums import CategoryId, Program
from expressentry.errors import MISSING, FieldProblem, InvalidInputError
from expressentry.i18n import Message, check_lang, tr, trn
from expressentry.rules.categories import Category

__all__ = [
    "FINEST_BANDS",
    "POOL_BANDS",
    "TOP_BANDS",
    "CrsBand",
    "PoolDistribution",
    "Quirk",
    "Round",
    "RoundKind",
]


@unique
class RoundKind(StrEnum):
    """What a round invited from: the whole pool, one program, nominees or one category."""

    GENERAL = "general"
    """All candidates eligible for any Express Entry program (IRCC's "No Program
    Specified" until 2023-10, "General" from 2023-12)."""
    PROGRAM = "program"
    """Only candidates eligible for one federal program (CEC, FSW or FST)."""
    PNP = "pnp"
    """Only provincial nominees ("Provincial Nominee Program" rounds); their cut-offs
    include the 600 points of the nomination."""
    CATEGORY = "category"
    """Only candidates eligible for one category of category-based selection (and for
    FSW, CEC or FST), from 2023-06-28."""


@unique
class Quirk(StrEnum):
    """A named rule that had to read a round's published text; each round lists its own.

    The numbers refer to the "Known gaps and quirks" of the data's provenance
    (``data/PROVENANCE.md``).
    """

    HELD_NEXT_DAY = "held_next_day"
    """Quirk 5: the round's date-time is the day after its date (#7, #8, #9, #11,
    #13, #104, #108, #139, #146, #148): kept as published, within
    :data:`~expressentry.draws.feed.ISSUING_WINDOW`."""
    HELD_AT_CORRECTED = "held_at_corrected"
    """Quirk 4: the date-time's day is a known typo, read by
    :data:`~expressentry.draws.feed.HELD_AT_CORRECTIONS` (#357)."""
    HELD_AT_DISAGREES = "held_at_disagrees"
    """The date-time's day is neither the round's day nor the next, and no
    correction is known: kept as published."""
    SAME_MOMENT = "same_moment"
    """Quirk 7: another round has exactly the same date-time (#63/#64, #75/#76,
    #91a/#91b: a PNP and an FST round under separate instructions)."""
    NO_TIME_ZONE = "no_time_zone"
    """A date-time written without "UTC" (#6, #258, #383), read as UTC by
    :data:`~expressentry.draws.feedtext.UTC_WHEN_NO_ZONE`."""
    STRAY_MERIDIEM = "stray_meridiem"
    """Quirk 6: a 24-hour time followed by AM or PM (#210, #270), read by
    :func:`~expressentry.draws.feedtext.read_clock`."""
    TIE_BREAK_YEAR_INFERRED = "tie_break_year_inferred"
    """Quirk 6: a tie-break written without a year (#208), read by
    :func:`~expressentry.draws.feedtext.year_less_day`."""
    DISTRIBUTION_FROM_SUPPLEMENT = "distribution_from_supplement"
    """Quirk 1: IRCC removed this round's distribution from the feed; it comes from
    the shipped supplement (#223, #224, #226, #227)."""
    DISTRIBUTION_PARTIAL = "distribution_partial"
    """Quirk 1: some bands of the distribution were never published (#226)."""
    DISTRIBUTION_SUMS_DISAGREE = "distribution_sums_disagree"
    """Quirk 3: the bands do not add up as IRCC's table says they should (#247);
    every count is kept as published."""
    DISTRIBUTION_AFTER_ROUND = "distribution_after_round"
    """Quirk 1: the distribution's snapshot date is after the round (#226)."""
    DISTRIBUTION_STALE = "distribution_stale"
    """Quirk 8: the snapshot is more than
    :data:`~expressentry.draws.feed.STALE_DISTRIBUTION_DAYS` days before the round
    (#298, #409, #416)."""
    UNKNOWN_CATEGORY = "unknown_category"
    """A category round whose name names no category expressentry knows (a category
    IRCC added after this release, e.g. "Entrepreneurs, 2026-Version 1"): kept with
    ``category`` ``None`` and its own type, keyed from IRCC's name
    (:attr:`Round.unknown_category`,
    :func:`~expressentry.draws.feed.unknown_category_key`). Nobody's eligibility for
    it can be judged."""
    CATEGORY_NOT_IN_FORCE = "category_not_in_force"
    """A category round whose name names a category expressentry knows, but with no
    version of its list in force on the round's day (a list IRCC published after
    this release): kept as for ``UNKNOWN_CATEGORY``, its key the category's id
    (``"category:stem"``)."""


_CATEGORY_NAMES: Final = {
    # Translators: the categories as IRCC's French pages on category-based selection name them.
    CategoryId.HEALTHCARE: tr("Healthcare occupations"),
    CategoryId.STEM: tr("Science, Technology, Engineering and Math (STEM) occupations"),
    CategoryId.FRENCH: tr("French-language proficiency"),
    CategoryId.TRADES: tr("Trade occupations"),
    CategoryId.TRANSPORT: tr("Transport occupations"),
    CategoryId.AGRICULTURE: tr("Agriculture and agri-food occupations"),
    CategoryId.EDUCATION: tr("Education occupations"),
    CategoryId.HEALTHCARE_SOCIAL_SERVICES: tr("Healthcare and social services occupations"),
    CategoryId.PHYSICIANS_CANADIAN_EXPERIENCE: tr("Physicians with Canadian work experience"),
    CategoryId.RESEARCHERS_CANADIAN_EXPERIENCE: tr("Researchers with Canadian work experience"),
    CategoryId.SENIOR_MANAGERS_CANADIAN_EXPERIENCE: tr(
        "Senior managers with Canadian work experience"
    ),
    CategoryId.SKILLED_MILITARY_RECRUITS: tr("Skilled military recruits"),
}
"""The categories' names in either language (English: as the category lists name them)."""

_KIND_WORDS: Final = {
    RoundKind.GENERAL: tr("general round (all programs)"),
    RoundKind.PNP: tr("Provincial Nominee Program round"),
}


@frozen
class CrsBand:
    """A band of CRS scores, both ends included: ``CrsBand(451, 500)`` is "451-500"."""

    low: int
    high: int

    @property
    def label(self) -> str:
        """The band as the canada.ca rounds page writes it: ``"451-500"``."""
        return f"{self.low}-{self.high}"

    def __contains__(self, crs: object) -> bool:
        return isinstance(crs, int) and self.low <= crs <= self.high


POOL_BANDS: Final = tuple(
    CrsBand(low, high)
    for low, high in (
        (601, 1200),
        (501, 600),
        (451, 500),
        (491, 500),
        (481, 490),
        (471, 480),
        (461, 470),
        (451, 460),
        (401, 450),
        (441, 450),
        (431, 440),
        (421, 430),
        (411, 420),
        (401, 410),
        (351, 400),
        (301, 350),
        (0, 300),
    )
)
"""IRCC's 17 bands in IRCC's order (the feed's ``dd1`` to ``dd17``; ``dd18`` is the
total). 451-500 and 401-450 are parents: the five 10-point bands after each split it."""

TOP_BANDS: Final = tuple(POOL_BANDS[i] for i in (0, 1, 2, 8, 14, 15, 16))
"""The seven bands that split the whole pool once: their counts add up to the total."""

FINEST_BANDS: Final = tuple(
    POOL_BANDS[i] for i in (0, 1, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16)
)
"""The finest split of the pool IRCC publishes (15 bands), highest first."""

_PARENTS: Final = ((2, range(3, 8)), (8, range(9, 14)))


def _counts_valid(
    instance: PoolDistribution,
    attribute: attrs.Attribute[tuple[int | None, ...]],
    value: tuple[int | None, ...],
) -> None:
    given: object = value  # of any type at run time
    bands = len(POOL_BANDS)
    if not isinstance(given, tuple | list):
        message = tr(
            "must be a tuple of {bands} counts (whole numbers, or None where unpublished)",
            bands=bands,
        )
        raise InvalidInputError("PoolDistribution", [FieldProblem("counts", given, message)])
    problems = [
        FieldProblem(f"counts[{i}]", c, tr("must be a whole number of 0 or more, or None"))
        for i, c in enumerate(given)
        if c is not None and (not isinstance(c, int) or isinstance(c, bool) or c < 0)
    ]
    if len(given) != bands:
        message = tr(
            "must hold {bands} counts, one per band of IRCC's distribution; it holds {count}",
            bands=bands,
            count=len(given),
        )
        problems.insert(0, FieldProblem("counts", MISSING, message))
    if problems:
        raise InvalidInputError("PoolDistribution", problems)


@frozen
class PoolDistribution:
    """How many profiles the whole pool held in each CRS band, a few days before a round.

    IRCC counts the whole pool, not only the candidates eligible for the round.

    Attributes:
        as_of: The day of the snapshot (the feed's ``drawDistributionAsOn``).
        counts: One count per band of :data:`POOL_BANDS`, in that order; ``None``
            where IRCC published none (only #226, from the supplement).
        total: The pool's size as IRCC gives it (``dd18``), or ``None``.
        from_supplement: Whether the counts come from the shipped supplement
            rather than the feed.
    """

    as_of: date
    counts: tuple[int | None, ...] = attrs.field(validator=_counts_valid)
    total: int | None
    from_supplement: bool = False

    def count(self, band: CrsBand) -> int | None:
        """The count IRCC gives for ``band`` (one of :data:`POOL_BANDS`).

        Raises:
            KeyError: ``band`` is not one of IRCC's bands.
        """
        try:
            return self.counts[POOL_BANDS.index(band)]
        except ValueError:
            raise KeyError(band.label) from None

    def items(self) -> Iterator[tuple[CrsBand, int | None]]:
        """Each band of :data:`POOL_BANDS` with its count, in IRCC's order."""
        return zip(POOL_BANDS, self.counts, strict=True)

    @property
    def complete(self) -> bool:
        """Whether every band and the total were published."""
        return self.total is not None and None not in self.counts

    def sum_problems(self) -> tuple[str, ...]:
        """The sums of IRCC's table that do not hold, in words (empty when all hold).

        A parent band must be the sum of its five sub-bands, and the total the sum of
        the :data:`TOP_BANDS`. Sums with an unpublished count are not checked.
        """
        out: list[str] = []
        for parent, children in _PARENTS:
            counts = [self.counts[i] for i in children]
            whole = self.counts[parent]
            if whole is not None and None not in counts:
                parts = sum(c for c in counts if c is not None)
                if parts != whole:
                    out.append(
                        f"{POOL_BANDS[parent].label} is {whole:,} but its sub-bands add up "
                        f"to {parts:,}"
                    )
        tops = [self.count(b) for b in TOP_BANDS]
        if self.total is not None and None not in tops:
            parts = sum(c for c in tops if c is not None)
            if parts != self.total:
                out.append(f"the total is {self.total:,} but the bands add up to {parts:,}")
        return tuple(out)

    def __repr__(self) -> str:
        total = "?" if self.total is None else f"{self.total:,}"
        return f"PoolDistribution({self.as_of.isoformat()}, {total} profiles)"


def _utc(moment: datetime | None) -> str | None:
    return None if moment is None else moment.strftime("%Y-%m-%dT%H:%M:%SZ")


@frozen
class Round:
    """One round of invitations as IRCC published it, read into types.

    Attributes:
        number: The round's number as IRCC writes it: ``"1"``, ``"91a"``, ``"437"``.
        sequence: Its whole-number part, for ordering: 91 for ``"91a"`` and ``"91b"``.
        day: The round's date (the date of its Ministerial Instructions).
        held_at: The date and time of the round, UTC (time-zone aware).
        name: The round type exactly as IRCC names it (``drawName``).
        kind: General, program-specific, PNP or category-based.
        program: The program of a program-specific round, else ``None``.
        category: The category of a category-based round, in the version in force
            on ``day`` (:func:`~expressentry.rules.categories.categories_in_force`).
        programs_text: The programs whose candidates could be invited, as IRCC
            writes them (``drawText2``).
        invitations: The number of invitations issued (also the rank required).
        cutoff: The CRS score of the lowest-ranked candidate invited.
        tie_break: The tie-breaking rule's profile-submission date-time, UTC, or
            ``None`` where IRCC gives none (#1-#76).
        distribution: The pool's CRS distribution, or ``None`` where IRCC gives none.
        instructions_url: The round's Ministerial Instructions, as the feed links them.
        quirks: The named rules that had to read this round's text.
        unknown_category: For a category round whose category has no list in
            expressentry on its day (``category`` is ``None``; flagged
            ``UNKNOWN_CATEGORY`` or ``CATEGORY_NOT_IN_FORCE``), the category's key
            derived from IRCC's name (``"entrepreneurs"``); else ``None``.
    """

    number: str
    sequence: int
    day: date
    held_at: datetime
    name: str
    kind: RoundKind
    program: Program | None
    category: Category | None
    programs_text: str
    invitations: int
    cutoff: int
    tie_break: datetime | None
    distribution: PoolDistribution | None
    instructions_url: str | None
    quirks: tuple[Quirk, ...] = ()
    unknown_category: str | None = None

    @property
    def category_id(self) -> CategoryId | None:
        """The category of a category-based round (``category.id``), else ``None``."""
        return None if self.category is None else self.category.id

    @property
    def round_type(self) -> str:
        """One short key per round type, for queries, trends and the command line.

        ``"general"``, ``"pnp"``, a :class:`~expressentry.enums.Program` value
        (``"cec"``), a :class:`~expressentry.enums.CategoryId` value (``"french"``)
        or, for a category expressentry has no list of that day,
        ``"category:"`` and :attr:`unknown_category` (``"category:entrepreneurs"``).
        """
        if self.program is not None:
            return self.program.value
        if self.category is not None:
            return self.category.id.value
        if self.unknown_category is not None:
            return f"{RoundKind.CATEGORY.value}:{self.unknown_category}"
        return self.kind.value

    def explain(self, lang: str = "en") -> str:
        """The round in a few lines: what, when, how many, the cut-off, and every quirk.

        In ``lang`` (``"en"`` or ``"fr"``). IRCC's name of the round is quoted as
        its feed writes it; quirks are named by their keys, the same in both.

        Raises:
            InvalidInputError: ``lang`` is not a language messages are written in.
        """
        lang = check_lang(lang, "Round.explain")

        def n(count: int) -> str:
            return f"{count:,}" if lang == "en" else f"{count:,}".replace(",", "\u00a0")

        lines = [
            tr(
                "Round #{number} of {day}, {what}",
                number=self.number,
                day=self.day,
                what=self._what(lang),
            ),
            tr("  IRCC's name: {name}", name=self.name),
            trn(
                "  held at {held_at}; {n} invitation; cut-off CRS {cutoff}",
                "  held at {held_at}; {n} invitations; cut-off CRS {cutoff}",
                self.invitations,
                held_at=self.held_at.isoformat(),
                n=n(self.invitations),
                cutoff=self.cutoff,
            ),
            tr(
                "  tie-break: {tie}",
                tie=tr("none published") if self.tie_break is None else self.tie_break.isoformat(),
            ),
        ]
        if self.distribution is not None:
            d = self.distribution
            total = (
                tr("not published")
                if d.total is None
                else trn("{n} profile", "{n} profiles", d.total, n=n(d.total))
            )
            lines.append(tr("  pool on {day}: {total}", day=d.as_of, total=total))
        lines.extend(tr("  quirk: {quirk}", quirk=q.value) for q in self.quirks)
        return "\n".join(line.render(lang) for line in lines)

    def _what(self, lang: str) -> Message:
        """The kind of round, with its program or category."""
        if self.category is not None:
            found = _CATEGORY_NAMES.get(self.category.id)
            name: Message | str = self.category.name if lang == "en" or found is None else found
            return tr(
                "category round: {name} (list version {version})",
                name=name,
                version=self.category.version,
            )
        if self.unknown_category is not None:
            if Quirk.CATEGORY_NOT_IN_FORCE in self.quirks:
                return tr(
                    "category round: {name} (a category expressentry has no list of on that "
                    "day: nobody's eligibility for it can be judged)",
                    name=self.unknown_category,
                )
            return tr(
                "category round: {name} (a category expressentry does not know: nobody's "
                "eligibility for it can be judged)",
                name=self.unknown_category,
            )
        if self.program is not None:
            return tr("program round: {program}", program=tr(self.program.label))
        found_kind = _KIND_WORDS.get(self.kind)
        return tr("{description}", description="") if found_kind is None else found_kind

    def as_dict(self) -> dict[str, str | int | None]:
        """The round as one flat row of JSON values: dates in ISO 8601, UTC with ``Z``.

        The keys are :data:`~expressentry.draws.table.COLUMNS`, in order: what
        ``rounds --format json`` writes for each round, and what
        :func:`~expressentry.to_dict` gives. The pool columns (``pool_601_1200``
        ... ``pool_0_300``, ``pool_total``) are ``None`` where IRCC published no
        count; ``quirks`` is their values joined with spaces.
        """
        d = self.distribution
        row: dict[str, str | int | None] = {
            "number": self.number,
            "date": self.day.isoformat(),
            "held_at": _utc(self.held_at),
            "kind": self.kind.value,
            "round_type": self.round_type,
            "category_version": None if self.category is None else self.category.version,
            "name": self.name,
            "invitations": self.invitations,
            "cutoff": self.cutoff,
            "tie_break": _utc(self.tie_break),
            "distribution_as_of": None if d is None else d.as_of.isoformat(),
        }
        for i, band in enumerate(POOL_BANDS):
            row[f"pool_{band.low}_{band.high}"] = None if d is None else d.counts[i]
        row["pool_total"] = None if d is None else d.total
        row["quirks"] = " ".join(q.value for q in self.quirks)
        return row

    def _repr_html_(self) -> str:
        """The round as an HTML table for notebooks: its facts, one per row."""
        rows: list[list[object]] = [
            ["Number", self.number],
            ["Day", self.day],
            ["IRCC's name", self.name],
            ["Round type", self.round_type],
            ["Invitations", f"{self.invitations:,}"],
            ["Cut-off (CRS)", self.cutoff],
            ["Tie-break", None if self.tie_break is None else self.tie_break.isoformat()],
        ]
        rows.extend(["Quirk", q.value] for q in self.quirks)
        return fragment(
            f"Round #{self.number} of {self.day.isoformat()}",
            table(["Fact", "Value"], rows, css="round"),
        )

    def __repr__(self) -> str:
        return (
            f"Round({self.number!r}, {self.day.isoformat()}, {self.round_type}, "
            f"{self.invitations:,} invited, cut-off {self.cutoff})"
        )
