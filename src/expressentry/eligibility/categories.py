"""Category-based selection: which categories in force a candidate could be invited in.

A category round ranks only candidates who are eligible for a program *and*
meet the category: French at NCLC 7 in all four abilities, or enough recent work
in one listed occupation (6 months continuous until 2026-02-17; a year, not
necessarily continuous, from 2026-02-18), with the extra conditions of some 2026
categories (work in Canada; a Canadian Armed Forces job offer).
"""

from __future__ import annotations

from datetime import date

from expressentry.enums import OfficialLanguage, WorkPlace
from expressentry.experience import reaches
from expressentry.explain import RuleRef
from expressentry.models import Candidate, WorkPeriod
from expressentry.rules import RuleSet
from expressentry.rules.categories import (
    CATEGORY_SETS,
    CATEGORY_WORK_RULE,
    Category,
)

from ._common import Include, by_occupation, no_valid_result, ref, result_words, valid_results
from .report import CategoryResult, ProgramResult, Requirement, Status, Verdict

__all__ = ["assess_categories"]


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


def _program(programs: tuple[ProgramResult, ...], rules: RuleSet) -> Requirement:
    """Eligible for a program; unknown when the best is "eligible if" something is confirmed."""
    rule = ref(rules, CATEGORY_SETS)
    eligible = [p.program for p in programs if p.eligible]
    if eligible:
        why = "Eligible for " + ", ".join(p.value.upper() for p in eligible)
        return Requirement(id="category.program", met=True, reason=why, rule=rule)
    undecided = [p for p in programs if p.verdict is Verdict.ELIGIBLE_IF]
    if undecided:
        names = " or ".join(p.program.value.upper() for p in undecided)
        conditions = " and ".join(dict.fromkeys(p.conditions for p in undecided))
        return Requirement(
            id="category.program",
            met=False,
            status=Status.UNKNOWN,
            condition=f"{conditions} (for {names})",
            reason="; ".join(
                f"Eligible for {p.program.value.upper()} if {p.conditions}" for p in undecided
            ),
            rule=rule,
        )
    why = "Not eligible for FSW, CEC or FST, so not for any category"
    return Requirement(id="category.program", met=False, reason=why, rule=rule)


def _french(c: Candidate, cat: Category, as_of: date, minimum: int) -> Requirement:
    french = [r for r in valid_results(c, as_of) if r.language is OfficialLanguage.FRENCH]
    best = max(french, key=lambda r: r.lowest, default=None)
    if best is None:
        tested = tuple(r for r in c.languages if r.language is OfficialLanguage.FRENCH)
        reason = no_valid_result(tested, as_of, "French")
    else:
        reason = f"French: {result_words(best)}"
    reason += f"; NCLC {minimum} in all four abilities needed"
    return Requirement(
        id=f"category.{cat.id}.french",
        met=best is not None and best.lowest >= minimum,
        reason=reason,
        rule=_category_ref(cat),
    )


def _work(c: Candidate, cat: Category, as_of: date, rules: RuleSet) -> Requirement:
    rule = rules.entry(CATEGORY_WORK_RULE).value
    include = _work_include(cat.place)
    listed = frozenset(cat.nocs)

    def in_list(p: WorkPeriod) -> bool:
        return p.noc in listed and include(p)

    name = f"category.{cat.id}.{cat.version}.{cat.place.value}"
    found = by_occupation(
        c.work_history,
        (name, frozenset(), in_list),
        as_of,
        rule.window_years,
        rules,
        continuous_gap_days=0 if rule.continuous else None,
    )
    best_noc = max(found, key=lambda k: found[k], default=None)
    best = 0.0 if best_noc is None else found[best_noc]
    how = "continuous hours" if rule.continuous else "hours"
    where = "in Canada" if cat.place is WorkPlace.CANADA else "in Canada or abroad"
    if best_noc is None:
        reason = (
            f"No work {where} in a listed occupation in the {rule.window_years} years "
            f"before {as_of.isoformat()}; {rule.hours:,} {how} in one needed"
        )
    else:
        reason = (
            f"{int(best):,} of {rule.hours:,} {how} in NOC {best_noc} {where} "
            f"in the {rule.window_years} years before {as_of.isoformat()}"
        )
    return Requirement(
        id=f"category.{cat.id}.work_experience",
        met=reaches(best, rule.hours),
        reason=reason,
        rule=ref(rules, CATEGORY_WORK_RULE),
    )


def _caf_offer(c: Candidate, cat: Category) -> Requirement:
    offer = c.job_offer
    met = offer is not None and offer.canadian_armed_forces and offer.noc in cat.nocs
    return Requirement(
        id=f"category.{cat.id}.caf_job_offer",
        met=met,
        reason=(
            f"Canadian Armed Forces job offer in NOC {offer.noc}"
            if met and offer is not None
            else "A Canadian Armed Forces job offer in a listed occupation is needed"
        ),
        rule=_category_ref(cat),
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
    for cat in rules.entry(CATEGORY_SETS).value.categories:
        reqs = [program]
        if cat.french_nclc is not None:
            reqs.append(_french(c, cat, as_of, cat.french_nclc))
        if cat.work_rule_applies:
            reqs.append(_work(c, cat, as_of, rules))
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
