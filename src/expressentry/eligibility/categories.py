"""Category-based selection: which categories in force a candidate could be invited in.

A category round ranks only candidates who are eligible for a program *and*
meet the category: French at NCLC 7 in all four abilities, or enough recent work
in one listed occupation (6 months continuous until 2026-02-17; a year, not
necessarily continuous, from 2026-02-18), with the extra conditions of some 2026
categories (work in Canada; a Canadian Armed Forces job offer).
"""

from __future__ import annotations

from datetime import date
from typing import Final

from expressentry.enums import OfficialLanguage, Program, WorkPlace
from expressentry.experience import Kind, reaches
from expressentry.explain import RuleRef
from expressentry.i18n import N_, Message, tr
from expressentry.models import Candidate, LanguageResult, WorkPeriod
from expressentry.rules import RuleSet
from expressentry.rules.categories import (
    CATEGORY_SETS,
    CATEGORY_WORK_RULE,
    Category,
    CategoryWorkRule,
)
from expressentry.timelines.validity import language_valid

from ._common import Include, by_occupation, no_valid_result, ref, result_words
from .report import (
    PROGRAM_CODES,
    CategoryResult,
    ProgramResult,
    Requirement,
    Status,
    Verdict,
    condition_message,
    joined,
)

__all__ = ["assess_categories", "category_verdicts", "place_kind", "program_status"]


def _category_ref(cat: Category) -> RuleRef:
    return RuleRef(
        rule_id=f"category.{cat.id}", effective_from=cat.effective_from, source=cat.source
    )


def _work_include(place: WorkPlace) -> Include:
    def include(p: WorkPeriod) -> bool:
        if p.in_canada:
            return p.authorized
        return place is WorkPlace.CANADA_OR_ABROAD

    return include


def program_status(verdicts: tuple[Verdict, ...]) -> Status:
    """A category's program requirement from the programs' verdicts.

    Met when one program is eligible; unknown when none is but one is "eligible
    if"; not met otherwise.
    """
    if Verdict.ELIGIBLE in verdicts:
        return Status.MET
    if Verdict.ELIGIBLE_IF in verdicts:
        return Status.UNKNOWN
    return Status.NOT_MET


def _program(programs: tuple[ProgramResult, ...], rules: RuleSet) -> Requirement:
    """Eligible for a program; unknown when the best is "eligible if" something is confirmed."""
    rule = ref(rules, CATEGORY_SETS)
    status = program_status(tuple(p.verdict for p in programs))
    if status is Status.MET:
        eligible = [p.program for p in programs if p.eligible]
        why = tr("Eligible for {programs}", programs=_codes(eligible))
        return Requirement(id="category.program", met=True, reason=str(why), rule=rule, message=why)
    if status is Status.UNKNOWN:
        undecided = [p for p in programs if p.verdict is Verdict.ELIGIBLE_IF]
        names = joined((PROGRAM_CODES[p.program] for p in undecided), by="or")
        found: dict[str, Message] = {}
        for p in undecided:
            found.setdefault(p.conditions, condition_message(p.requirements))
        condition = tr("{conditions} (for {names})", conditions=joined(found.values()), names=names)
        reason = joined(
            (
                tr(
                    "Eligible for {program} if {conditions}",
                    program=PROGRAM_CODES[p.program],
                    conditions=condition_message(p.requirements),
                )
                for p in undecided
            ),
            by=";",
        )
        return Requirement(
            id="category.program",
            met=False,
            status=Status.UNKNOWN,
            condition=str(condition),
            reason=str(reason),
            rule=rule,
            message=reason,
            condition_message=condition,
        )
    return Requirement(
        id="category.program", met=False, reason=str(_NO_PROGRAM), rule=rule, message=_NO_PROGRAM
    )


_NO_PROGRAM: Final = tr("Not eligible for FSW, CEC or FST, so not for any category")


def _codes(programs: list[Program]) -> Message:
    """``"FSW, CEC"``: the programs' abbreviations, joined by commas."""
    out = PROGRAM_CODES[programs[-1]]
    for p in reversed(programs[:-1]):
        out = tr("{a}, {b}", a=PROGRAM_CODES[p], b=out)
    return out


def _french_check(
    c: Candidate, as_of: date, minimum: int, rules: RuleSet
) -> tuple[bool, LanguageResult | None]:
    """French at ``minimum`` in all four abilities, and the best valid French result."""
    best: LanguageResult | None = None
    for r in c.languages:  # the first of the highest, as max() would pick
        if (
            r.language is OfficialLanguage.FRENCH
            and language_valid(r, as_of=as_of, rules=rules)
            and (best is None or r.lowest > best.lowest)
        ):
            best = r
    return best is not None and best.lowest >= minimum, best


_PLACE_KINDS: dict[WorkPlace, Kind] = {
    place: (f"category.{place.value}", frozenset(), _work_include(place)) for place in WorkPlace
}


def place_kind(place: WorkPlace) -> Kind:
    """The work a category's ``place`` counts, in any occupation: it reads its listed ones.

    In Canada, authorized work only; abroad, only where the category counts work
    abroad.
    """
    return _PLACE_KINDS[place]


class _ListedWork:
    """A candidate's hours per occupation on a day, per place, for every category's work rule.

    The categories of a day share one work rule and differ in their lists and
    place: each place's hours are counted once, and each category reads its
    listed occupations from them.
    """

    __slots__ = ("as_of", "c", "enough", "hours", "listed", "rules")

    def __init__(
        self, c: Candidate, as_of: date, rules: RuleSet, *, listed: bool | None = None
    ) -> None:
        self.c, self.as_of, self.rules = c, as_of, rules
        self.listed = _has_listed(c, rules) if listed is None else listed
        """Whether ``c`` has worked in a listed occupation (else nothing is counted)."""
        self.hours: dict[WorkPlace, dict[str, float]] = {}
        """Hours per occupation, by place counted so far."""
        self.enough: dict[WorkPlace, frozenset[str]] = {}
        """The occupations with enough hours, by place counted so far."""

    @property
    def rule(self) -> CategoryWorkRule:
        """The work rule in force (read when a category asks: none before categories)."""
        return self.rules.entry(CATEGORY_WORK_RULE).value

    def _count(self, place: WorkPlace) -> frozenset[str]:
        """Count the hours per occupation at ``place``; the occupations with enough.

        Only listed occupations are ever read: without one, nothing is counted.
        """
        if not self.listed:
            self.hours[place] = {}
            self.enough[place] = frozenset()
            return frozenset()
        rule = self.rule
        hours = self.hours[place] = by_occupation(
            self.c.work_history,
            _PLACE_KINDS[place],
            self.as_of,
            rule.window_years,
            self.rules,
            continuous_gap_days=0 if rule.continuous else None,
        )
        need = rule.hours
        enough = self.enough[place] = frozenset(
            noc for noc, got in hours.items() if reaches(got, need)
        )
        return enough

    def met(self, cat: Category) -> bool:
        """Enough recent work in one of ``cat``'s listed occupations."""
        enough = self.enough.get(cat.place)
        if enough is None:
            enough = self._count(cat.place)
        return not enough.isdisjoint(cat.nocs)

    def best(self, cat: Category) -> tuple[str | None, float]:
        """The listed occupation with the most hours, and its hours (what a reason quotes)."""
        if cat.place not in self.hours:
            self._count(cat.place)
        hours = self.hours[cat.place]
        listed = cat.nocs
        noc = max((n for n in hours if n in listed), key=hours.__getitem__, default=None)
        return noc, 0.0 if noc is None else hours[noc]


def _french(c: Candidate, cat: Category, as_of: date, minimum: int, rules: RuleSet) -> Requirement:
    met, best = _french_check(c, as_of, minimum, rules)
    if best is None:
        tested = tuple(r for r in c.languages if r.language is OfficialLanguage.FRENCH)
        held = no_valid_result(tested, as_of, "French", rules)
    else:
        held = tr("French: {result}", result=result_words(best))
    reason = tr(
        "{held}; {needed}",
        held=held,
        needed=tr("NCLC {level} in all four abilities needed", level=minimum),
    )
    return Requirement(
        id=f"category.{cat.id}.french",
        met=met,
        reason=str(reason),
        rule=_category_ref(cat),
        message=reason,
    )


def _work(work: _ListedWork, cat: Category) -> Requirement:
    rule, as_of = work.rule, work.as_of
    met = work.met(cat)
    best_noc, best = work.best(cat)
    canada = cat.place is WorkPlace.CANADA
    if best_noc is None:  # the same words for every category of the place: worded once
        memo = work.rules.memo("eligibility.categories.no_work", _no_work, size=_NO_WORK_SIZE)
        reason, words = memo((rule.continuous, canada, rule.window_years, as_of, rule.hours))
    else:
        reason = tr(
            _WORKED[rule.continuous, canada],
            hours=int(best),
            need=rule.hours,
            noc=best_noc,
            years=rule.window_years,
            day=as_of,
        )
        words = str(reason)
    return Requirement(
        id=f"category.{cat.id}.work_experience",
        met=met,
        reason=words,
        rule=ref(work.rules, CATEGORY_WORK_RULE),
        message=reason,
    )


def _no_work(key: tuple[bool, bool, int, date, int]) -> tuple[Message, str]:
    """No work in a listed occupation, as a message and in English."""
    continuous, canada, years, as_of, need = key
    reason = tr(_NO_WORK[continuous, canada], years=years, day=as_of, need=need)
    return reason, str(reason)


_NO_WORK_SIZE: Final = 4096
"""Days and places kept per rule set (a pool assessed on one day fills two)."""


# By (continuous, in Canada only): whole sentences, so each language orders its words.
_NO_WORK: Final = {
    (True, True): N_(
        "No work in Canada in a listed occupation in the {years} years before {day}; "
        "{need:,} continuous hours in one needed"
    ),
    (True, False): N_(
        "No work in Canada or abroad in a listed occupation in the {years} years before {day}; "
        "{need:,} continuous hours in one needed"
    ),
    (False, True): N_(
        "No work in Canada in a listed occupation in the {years} years before {day}; "
        "{need:,} hours in one needed"
    ),
    (False, False): N_(
        "No work in Canada or abroad in a listed occupation in the {years} years before {day}; "
        "{need:,} hours in one needed"
    ),
}
_WORKED: Final = {
    (True, True): N_(
        "{hours:,} of {need:,} continuous hours in NOC {noc} in Canada "
        "in the {years} years before {day}"
    ),
    (True, False): N_(
        "{hours:,} of {need:,} continuous hours in NOC {noc} in Canada or abroad "
        "in the {years} years before {day}"
    ),
    (False, True): N_(
        "{hours:,} of {need:,} hours in NOC {noc} in Canada in the {years} years before {day}"
    ),
    (False, False): N_(
        "{hours:,} of {need:,} hours in NOC {noc} in Canada or abroad "
        "in the {years} years before {day}"
    ),
}


def _caf_check(c: Candidate, cat: Category) -> bool:
    """A Canadian Armed Forces job offer in a listed occupation."""
    offer = c.job_offer
    return offer is not None and offer.canadian_armed_forces and offer.noc in cat.nocs


def _caf_offer(c: Candidate, cat: Category) -> Requirement:
    met = _caf_check(c, cat)
    offer = c.job_offer
    reason = (
        tr("Canadian Armed Forces job offer in NOC {noc}", noc=offer.noc)
        if met and offer is not None
        else tr("A Canadian Armed Forces job offer in a listed occupation is needed")
    )
    return Requirement(
        id=f"category.{cat.id}.caf_job_offer",
        met=met,
        reason=str(reason),
        rule=_category_ref(cat),
        message=reason,
    )


def assess_categories(
    c: Candidate, as_of: date, programs: tuple[ProgramResult, ...], rules: RuleSet
) -> tuple[CategoryResult, ...]:
    """Every category in force on ``as_of``, eligible or not, with the reason.

    A category needs eligibility for a program: where no program is definitely
    eligible but one is "eligible if" something is confirmed, the category's
    program requirement cannot be checked either, and the category is at best
    "eligible if" the same thing is confirmed.
    """
    out: list[CategoryResult] = []
    program = _program(programs, rules)
    work = _ListedWork(c, as_of, rules)
    for cat in rules.entry(CATEGORY_SETS).value.categories:
        reqs = [program]
        if cat.french_nclc is not None:
            reqs.append(_french(c, cat, as_of, cat.french_nclc, rules))
        if cat.work_rule_applies:
            reqs.append(_work(work, cat))
        if cat.needs_caf_job_offer:
            reqs.append(_caf_offer(c, cat))
        out.append(
            CategoryResult(
                category=cat.id,
                name=cat.name,
                version=cat.version,
                requirements=tuple(reqs),
                eligible=all(r.met for r in reqs),
            )
        )
    return tuple(out)


def category_verdicts(
    c: Candidate, as_of: date, programs: tuple[Verdict, ...], rules: RuleSet
) -> tuple[Verdict, ...]:
    """The verdicts of :func:`assess_categories`, from the same checks, the cheapest first.

    ``programs`` are the programs' verdicts; without a program, no category.
    """
    shapes = rules.derived("eligibility.categories.shapes", _shapes)
    program = program_status(programs)
    if program is Status.NOT_MET:
        return (Verdict.NOT_ELIGIBLE,) * len(shapes)
    met = Verdict.ELIGIBLE if program is Status.MET else Verdict.ELIGIBLE_IF
    out: list[Verdict] = []
    # Without work in a listed occupation, no work rule is met: nothing to count.
    work = _ListedWork(c, as_of, rules, listed=True) if _has_listed(c, rules) else None
    for cat, french, caf, work_rule in shapes:
        ok = (
            (not work_rule or (work is not None and work.met(cat)))
            and (french is None or _french_check(c, as_of, french, rules)[0])
            and (not caf or _caf_check(c, cat))
        )
        out.append(met if ok else Verdict.NOT_ELIGIBLE)
    return tuple(out)


def _has_listed(c: Candidate, rules: RuleSet) -> bool:
    """Whether ``c`` has worked in an occupation some category's work rule lists."""
    listed = rules.derived("eligibility.categories.listed", _listed)
    return not listed.isdisjoint([p.noc for p in c.work_history.periods])


def _shapes(rules: RuleSet) -> tuple[tuple[Category, int | None, bool, bool], ...]:
    """Each category in force, with what it asks: French level, CAF offer, work rule.

    As :func:`category_verdicts` reads them per candidate: derived once per rule set.
    """
    return tuple(
        (cat, cat.french_nclc, cat.needs_caf_job_offer, cat.work_rule_applies)
        for cat in rules.entry(CATEGORY_SETS).value.categories
    )


def _listed(rules: RuleSet) -> frozenset[str]:
    """Every occupation a category's work rule lists (derived once per rule set)."""
    return frozenset(
        noc
        for cat in rules.entry(CATEGORY_SETS).value.categories
        if cat.work_rule_applies
        for noc in cat.nocs
    )
