"""Federal Skilled Trades Program: two years in one trade, and an offer or certificate in it.

IRPR s. 87.2. 3,120 hours (two years full-time or the equivalent) in the 5 years
before the day assessed, in one skilled trade; CLB 5 in speaking and listening
and CLB 4 in reading and writing; and a job offer or a Canadian certificate of
qualification *in that trade*.
"""

from __future__ import annotations

from datetime import date

from expressentry.enums import Program
from expressentry.experience import reaches
from expressentry.models import Candidate, LanguageResult
from expressentry.rules import RuleSet
from expressentry.rules.programs import (
    FST_MIN_CLB,
    FST_MIN_HOURS,
    FST_TRADE_GROUPS,
    FST_WINDOW_YEARS,
)

from ._common import (
    ABILITIES,
    best_result,
    by_occupation,
    funds_requirement,
    no_valid_result,
    quebec_requirement,
    ref,
    result_words,
    skilled_paid,
    valid_results,
)
from .report import ProgramResult, Requirement

__all__ = ["assess_fst"]

_P = "fst"


def _meets(r: LanguageResult, minima: dict[str, int]) -> bool:
    return all(r.clb(a) >= minima[a.value] for a in ABILITIES)


def assess_fst(c: Candidate, as_of: date, rules: RuleSet) -> ProgramResult:
    """Every FST requirement of ``c`` on ``as_of``."""
    years = rules.entry(FST_WINDOW_YEARS).value
    need = rules.entry(FST_MIN_HOURS).value
    trade_groups = rules.entry(FST_TRADE_GROUPS).value
    trades = {
        noc: h
        for noc, h in by_occupation(
            c.work_history, skilled_paid(rules, Program.FST), as_of, years, rules
        ).items()
        if trade_groups.contains(noc)
    }
    offer = c.job_offer
    backed = {noc for noc in trades if (offer is not None and offer.noc == noc)}
    if c.certificate_noc is not None:
        backed.add(c.certificate_noc)
    # A trade with both the hours and an offer or certificate wins; otherwise the
    # trade with the most hours, so the report says what that trade still lacks.
    best = max(
        trades,
        key=lambda noc: (reaches(trades[noc], need) and noc in backed, trades[noc]),
        default=None,
    )
    if best is None:
        work_reason = (
            f"No work in a skilled trade in the {years} years before {as_of.isoformat()}; "
            f"{need:,} hours in one trade needed"
        )
        got = 0.0
    else:
        got = trades[best]
        work_reason = (
            f"{int(got):,} of {need:,} hours in the trade NOC {best} "
            f"in the {years} years before {as_of.isoformat()}"
        )
    work = Requirement(
        id=f"{_P}.work_experience",
        met=reaches(got, need),
        reason=work_reason,
        rule=ref(rules, FST_MIN_HOURS),
    )
    if best is None:
        support_met, support = False, "No trade to match a job offer or certificate to"
    elif best in backed:
        via = (
            "a job offer"
            if offer is not None and offer.noc == best
            else "a certificate of qualification"
        )
        support_met, support = True, f"Holds {via} in NOC {best}"
    else:
        support_met = False
        support = f"No job offer or certificate of qualification in NOC {best}"
        if c.certificate_of_qualification and c.certificate_noc is None:
            support += " (the certificate's trade is not given: set certificate_noc)"
    support_req = Requirement(
        id=f"{_P}.offer_or_certificate",
        met=support_met,
        reason=support,
        rule=ref(rules, FST_TRADE_GROUPS),
    )
    minima = {a.value: m for a, m in rules.entry(FST_MIN_CLB).value.items()}
    words = "/".join(str(minima[a.value]) for a in ABILITIES)
    result = best_result(valid_results(c, as_of), lambda r: _meets(r, minima))
    language = Requirement(
        id=f"{_P}.language",
        met=result is not None and _meets(result, minima),
        reason=(
            (
                no_valid_result(c.languages, as_of, "language")
                if result is None
                else result_words(result)
            )
            + f"; {'CLB or NCLC' if result is None else result.language.scale} {words} "
            "(L/S/R/W) needed"
        ),
        rule=ref(rules, FST_MIN_CLB),
    )
    requirements = (
        work,
        support_req,
        language,
        funds_requirement(Program.FST, c, as_of, rules),
        quebec_requirement(Program.FST, c, rules),
    )
    return ProgramResult(
        program=Program.FST, requirements=requirements, eligible=all(r.met for r in requirements)
    )
