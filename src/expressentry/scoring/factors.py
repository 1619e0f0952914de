"""A CRS factor as one object: its dated table, how it reads a candidate, its words.

A :class:`CrsFactor` says everything scoring needs to know of one factor:

- ``table``: the rule's :class:`~expressentry.rules.Timeline` (its values, each
  with the day it took effect and its source). Scoring reads the entry through
  the :class:`~expressentry.rules.RuleSet` when the rule set holds the rule (so
  a reform that replaced or zeroed it is what scoring sees), else the entry in
  force on the day scored;
- ``reads``: what of the candidate decides its points on the day under the rule
  set, as a hashable key (``None``: the factor does not apply, no line);
- ``points``: the points of a key under the table in force;
- ``reason``: the words of its line, which may quote the table in force;
- ``cites``: the rule its line cites instead of the table's entry, if any (an
  expired document's line cites the validity rule that expired it).

Its line's ``factor`` is :func:`~expressentry.rules.factor_of` its rule id, and
the line cites the entry that gave the points. The plan of a day
(:mod:`~expressentry.scoring.plan`) compiles each factor in force into a memo
of its own keyed by what ``reads`` returns, so a pool words each key once.

Age, education, Canadian experience, the spouse's Canadian experience and the
five additional factors are such objects (:data:`AGE`, :data:`EDUCATION`,
:data:`CANADIAN_EXPERIENCE`, :data:`SPOUSE_CANADIAN_EXPERIENCE`,
:data:`NOMINATION`, :data:`JOB_OFFER`, :data:`CANADIAN_STUDY`, :data:`FRENCH`,
:data:`SIBLING_IN_CANADA`): the kernel reads their inputs through its packed
codes and memos, and words and scores their lines with them. The language
factors, the spouse's education and skill transferability are still worded by
:mod:`~expressentry.scoring.groups` and :mod:`~expressentry.scoring.reasons`.
A factor that IRCC adds is one more object in :data:`FACTORS`, which the kernel
scores in its section, inside the section's cap, without any other change (see
"Adding a rule change" in the documentation).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from datetime import date
from typing import TYPE_CHECKING, Any, Final, Generic, TypeVar

from attrs import frozen

from expressentry._ages import completed_years
from expressentry.enums import (
    CanadianCredential,
    CrsSection,
    EducationLevel,
    FrenchBonus,
    JobOfferKind,
)
from expressentry.experience import canadian_experience
from expressentry.explain import PointLine, RuleRef
from expressentry.i18n import Message, tr, trn
from expressentry.models import noc_teer, results_under
from expressentry.rules import CRS_TIMELINES, Dated, RuleSet, Timeline, factor_of
from expressentry.rules._tables import SpouseSteps, Steps
from expressentry.rules.crs_additional import CANADIAN_STUDY as CANADIAN_STUDY_POINTS
from expressentry.rules.crs_additional import FRENCH as FRENCH_POINTS
from expressentry.rules.crs_additional import JOB_OFFER as JOB_OFFER_POINTS
from expressentry.rules.crs_additional import PROVINCIAL_NOMINATION, SIBLING
from expressentry.rules.crs_core import AGE as AGE_POINTS
from expressentry.rules.crs_core import CANADIAN_EXPERIENCE as CANADIAN_EXPERIENCE_POINTS
from expressentry.rules.crs_core import EDUCATION as EDUCATION_POINTS
from expressentry.rules.crs_spouse import SPOUSE_CANADIAN_EXPERIENCE as SPOUSE_EXPERIENCE_POINTS
from expressentry.scoring.inputs import pack
from expressentry.scoring.keys import (
    AgeKey,
    EducationKey,
    ExperienceKey,
    ExpiredEca,
    FrenchKey,
    JobOfferKey,
    StudyKey,
    education_key,
    french_key,
)
from expressentry.timelines.validity import period_ref

if TYPE_CHECKING:
    from expressentry.models import Candidate

__all__ = [
    "AGE",
    "CANADIAN_EXPERIENCE",
    "CANADIAN_STUDY",
    "EDUCATION",
    "FACTORS",
    "FRENCH",
    "JOB_OFFER",
    "NOMINATION",
    "SIBLING_IN_CANADA",
    "SPOUSE_CANADIAN_EXPERIENCE",
    "CrsFactor",
    "expired_eca",
    "validity_ref",
    "who",
    "years_words",
]

K = TypeVar("K", bound=Hashable)
T = TypeVar("T")

_HELD: Final = frozenset(t.rule_id for t in CRS_TIMELINES.values())
"""Rule ids a rule set holds (and a reform can replace or zero)."""


@frozen(kw_only=True)
class CrsFactor(Generic[K, T]):
    """One CRS factor: its dated table, how it reads a candidate, and its words.

    Attributes:
        table: The rule's timeline; its ``rule_id`` names the factor's lines.
        section: The CRS section whose subtotal and cap the points join.
        reads: ``(candidate, as_of, rules) -> key``: what decides the points on
            the day under the rule set (hashable), or ``None`` when the factor
            does not apply (no line).
        points: ``(value, key) -> points``, ``value`` the table in force.
        reason: ``(value, key) -> message``: the words of the line, in either
            language (:class:`~expressentry.i18n.Message`).
        cites: ``key -> rule`` the line cites instead of the table's entry
            (``None``: the entry).
    """

    table: Timeline[T]
    section: CrsSection
    reads: Callable[[Candidate, date, RuleSet], K | None]
    points: Callable[[T, K], int]
    reason: Callable[[T, K], Message]
    cites: Callable[[K], RuleRef | None] | None = None

    @property
    def rule_id(self) -> str:
        """The id of the factor's rule, cited by its lines."""
        return self.table.rule_id

    @property
    def factor(self) -> str:
        """The ``factor`` of its lines (:func:`~expressentry.rules.factor_of` its rule id)."""
        return factor_of(self.table.rule_id)

    def in_force(self, rules: RuleSet, as_of: date) -> Dated[T] | None:
        """The entry of its table that ``rules`` apply on ``as_of`` (``None``: not yet in force)."""
        if self.table.rule_id in _HELD:
            return rules.entry(self.table)
        if as_of < self.table.first:
            return None
        return self.table.at(as_of)

    def line(self, entry: Dated[T], key: K) -> PointLine:
        """The line of ``key`` under ``entry``, citing it."""
        rule = None if self.cites is None else self.cites(key)
        if rule is None:
            rule = RuleRef(
                rule_id=self.table.rule_id,
                effective_from=entry.effective_from,
                source=entry.source,
            )
        words = self.reason(entry.value, key)
        return PointLine(
            section=self.section,
            factor=self.factor,
            points=self.points(entry.value, key),
            reason=str(words),
            rule=rule,
            message=words,
        )


_WITH_SPOUSE: Final = tr("with accompanying spouse")
_WITHOUT_SPOUSE: Final = tr("without spouse")


def who(with_spouse: bool | None) -> Message:
    """The column in words."""
    return _WITH_SPOUSE if with_spouse else _WITHOUT_SPOUSE


def validity_ref(timeline: Timeline[int], dated: date, *, rules: RuleSet | None = None) -> RuleRef:
    """The validity rule that expired a document dated ``dated`` (the period ``rules`` apply)."""
    return period_ref(timeline, dated, rules=rules)


def expired_eca(level: EducationLevel, scored: EducationLevel, eca: ExpiredEca) -> Message:
    """Why a level with an expired ECA earns what it earns (the period its key quotes)."""
    why = tr(
        "{level}: its ECA of {issued} expired on {expired} ({period})",
        level=tr(level.label),
        issued=eca.issued,
        expired=eca.expired_on,
        period=eca.words,
    )
    if scored is EducationLevel.LESS_THAN_SECONDARY:
        return tr("{why}, so it earns no points", why=why)
    return tr("{why}; the Canadian credential counts as {level}", why=why, level=tr(scored.label))


def _flag(
    holds: Callable[[Candidate], bool],
) -> Callable[[Candidate, date, RuleSet], bool | None]:
    """A factor that applies when ``holds(candidate)``: its key is ``True``, else ``None``."""
    return lambda c, _day, _rules: True if holds(c) else None


def _amount(value: int, _key: object) -> int:
    return value


# Section A, core

AGE: Final[CrsFactor[AgeKey, SpouseSteps]] = CrsFactor(
    table=AGE_POINTS,
    section=CrsSection.CORE,
    reads=lambda c, day, _rules: AgeKey(
        completed_years(c.date_of_birth, day), c.scored_with_spouse, day
    ),
    points=lambda steps, k: steps.points(k.age, with_spouse=k.with_spouse),
    reason=lambda _steps, k: tr(
        "Age {age} on {day}, {who}", age=k.age, day=k.on, who=who(k.with_spouse)
    ),
)
"""Age in completed years on the day scored, in the candidate's column."""


def _education_words(_table: object, k: EducationKey) -> Message:
    if k.eca_expired is not None:
        return tr("Education: {why}", why=expired_eca(k.level, k.scored, k.eca_expired))
    if k.scored is k.level:
        return tr("Education: {level}, {who}", level=tr(k.level.label), who=who(k.with_spouse))
    return tr("Education: {level}, foreign with no ECA, earns no points", level=tr(k.level.label))


EDUCATION: Final[CrsFactor[EducationKey, Any]] = CrsFactor(
    table=EDUCATION_POINTS,
    section=CrsSection.CORE,
    reads=lambda c, day, rules: education_key(c.education, day, c.scored_with_spouse, rules),
    points=lambda table, k: table[k.scored][0 if k.with_spouse else 1],
    reason=_education_words,
    cites=lambda k: None if k.eca_expired is None else k.eca_expired.rule,
)
"""The level of education that earns points on the day: a foreign level only
with a valid ECA; an expired ECA's line cites the validity period in force."""


def years_words(n: int) -> Message:
    """``n`` years in words (``"1 year"``, ``"3 years"``)."""
    return trn("{n} year", "{n} years", n, n=n)


def _canadian_years(c: Candidate, day: date, rules: RuleSet) -> int:
    return canadian_experience(c.work_history, as_of=day, rules=rules).years


CANADIAN_EXPERIENCE: Final[CrsFactor[ExperienceKey, SpouseSteps]] = CrsFactor(
    table=CANADIAN_EXPERIENCE_POINTS,
    section=CrsSection.CORE,
    reads=lambda c, day, rules: ExperienceKey(
        _canadian_years(c, day, rules), c.scored_with_spouse, rules.crs_window_years.value
    ),
    points=lambda steps, k: steps.points(k.years, with_spouse=bool(k.with_spouse)),
    reason=lambda _steps, k: tr(
        "Canadian skilled work in the last {window} years: {years}, {who}",
        window=k.window,
        years=years_words(k.years),
        who=who(k.with_spouse),
    ),
)
"""Whole years of Canadian skilled work in the window in force, in the candidate's column."""


# Section B, spouse


def _spouse_years(c: Candidate, day: date, rules: RuleSet) -> ExperienceKey | None:
    spouse = c.spouse
    if spouse is None or not c.scored_with_spouse:
        return None
    years = canadian_experience(spouse.work_history, as_of=day, rules=rules).years
    return ExperienceKey(years, None, rules.crs_window_years.value)


SPOUSE_CANADIAN_EXPERIENCE: Final[CrsFactor[ExperienceKey, Steps]] = CrsFactor(
    table=SPOUSE_EXPERIENCE_POINTS,
    section=CrsSection.SPOUSE,
    reads=_spouse_years,
    points=lambda steps, k: steps.points(k.years),
    reason=lambda _steps, k: tr(
        "Spouse's Canadian skilled work in the last {window} years: {years}",
        window=k.window,
        years=years_words(k.years),
    ),
)
"""The accompanying spouse's whole years of Canadian skilled work in the window in force."""


# Section D, additional points

_STUDY_WORDS: Final = {
    CanadianCredential.SECONDARY: tr("secondary school (no points)"),
    CanadianCredential.ONE_OR_TWO_YEAR: tr("one- or two-year post-secondary credential"),
    CanadianCredential.THREE_YEAR_OR_MORE: tr("three years or more, or a graduate degree"),
}

CANADIAN_STUDY: Final[CrsFactor[StudyKey, Any]] = CrsFactor(
    table=CANADIAN_STUDY_POINTS,
    section=CrsSection.ADDITIONAL,
    reads=lambda c, _day, _rules: (
        None
        if c.education.canadian_credential is CanadianCredential.NONE
        else StudyKey(c.education.canadian_credential)
    ),
    points=lambda table, k: table[k.credential],
    reason=lambda _table, k: tr("Education in Canada: {what}", what=_STUDY_WORDS[k.credential]),
)
"""A Canadian credential (secondary school has a line of 0 points)."""


def _job_offer_words(_table: object, k: JobOfferKey) -> Message:
    if k.skilled:
        return tr("Job offer in NOC {noc}", noc=k.noc)
    return tr("Job offer in NOC {noc}: TEER {teer} does not qualify", noc=k.noc, teer=k.noc[1])


JOB_OFFER: Final[CrsFactor[JobOfferKey, Any]] = CrsFactor(
    table=JOB_OFFER_POINTS,
    section=CrsSection.ADDITIONAL,
    reads=lambda c, _day, rules: (
        None
        if c.job_offer is None
        else JobOfferKey(c.job_offer.noc, noc_teer(c.job_offer.noc) in rules.skilled_teers.value)
    ),
    points=lambda table, k: table[JobOfferKind.of(k.noc)] if k.skilled else 0,
    reason=_job_offer_words,
)
"""A job offer: its points by the kind of occupation, if its TEER is skilled."""


def _french_words(_table: object, k: FrenchKey) -> Message:
    nclc, clb = k.levels
    if k.english:
        return tr(
            "French: NCLC {nclc}+ in all four abilities, and English CLB {clb}+ in all four",
            nclc=nclc,
            clb=clb,
        )
    return tr(
        "French: NCLC {nclc}+ in all four abilities; English below CLB {clb} in some "
        "ability, or no valid English result",
        nclc=nclc,
        clb=clb,
    )


FRENCH: Final[CrsFactor[FrenchKey, Any]] = CrsFactor(
    table=FRENCH_POINTS,
    section=CrsSection.ADDITIONAL,
    reads=lambda c, day, rules: french_key(
        pack(results_under(c, rules), day, rules).french, rules.additional_french_levels.value
    ),
    points=lambda table, k: table[
        FrenchBonus.ENGLISH_CLB_5_OR_MORE if k.english else FrenchBonus.ENGLISH_CLB_4_OR_LESS
    ],
    reason=_french_words,
)
"""French at the level in force in all four abilities (valid results on the day);
English at its level in all four gives the higher amount."""

_NOMINATION_WORDS: Final = tr("Provincial or territorial nomination")
_SIBLING_WORDS: Final = tr("Brother or sister living in Canada")

NOMINATION: Final[CrsFactor[bool, int]] = CrsFactor(
    table=PROVINCIAL_NOMINATION,
    section=CrsSection.ADDITIONAL,
    reads=_flag(lambda c: c.provincial_nomination),
    points=_amount,
    reason=lambda _value, _key: _NOMINATION_WORDS,
)
"""A provincial or territorial nomination."""

SIBLING_IN_CANADA: Final[CrsFactor[bool, int]] = CrsFactor(
    table=SIBLING,
    section=CrsSection.ADDITIONAL,
    reads=_flag(lambda c: c.sibling_in_canada),
    points=_amount,
    reason=lambda _value, _key: _SIBLING_WORDS,
)
"""A brother or sister living in Canada."""

FACTORS: Final[tuple[CrsFactor[Any, Any], ...]] = ()
"""The factors scored one by one, each with its own memo, after IRCC's four
sections as the kernel compiles them: a factor IRCC adds goes here."""
