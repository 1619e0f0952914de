"""Federal Skilled Trades Program: two years in one trade, and an offer or certificate in it.

IRPR s. 87.2. 3,120 hours (two years full-time or the equivalent) in the 5 years
before the day assessed, in one skilled trade; CLB 5 in speaking and listening
and CLB 4 in reading and writing; and a job offer or a Canadian certificate of
qualification *in that trade*.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from expressentry.enums import Program
from expressentry.experience import Kind, reaches
from expressentry.i18n import tr
from expressentry.models import Candidate, LanguageResult, WorkPeriod
from expressentry.rules import RuleSet
from expressentry.rules.programs import (
    FST_MIN_CLB,
    FST_MIN_HOURS,
    FST_TRADE_GROUPS,
    FST_WINDOW_YEARS,
    SELF_EMPLOYMENT_COUNTS,
)

from ._common import (
    ABILITIES,
    best_result,
    by_occupation,
    funds_check,
    funds_requirement,
    no_valid_result,
    outside_quebec,
    quebec_requirement,
    ref,
    result_words,
    skilled_paid_reading,
    valid_results,
)
from .report import ProgramResult, Requirement, Status, Verdict

__all__ = ["assess_fst", "fst_verdict", "trades_kind"]

_P = "fst"


def _meets(r: LanguageResult, minima: tuple[int, int, int, int]) -> bool:
    """Each ability of ``r`` at its minimum (``minima`` in L/S/R/W order)."""
    levels = r.levels
    return (
        levels[0] >= minima[0]
        and levels[1] >= minima[1]
        and levels[2] >= minima[2]
        and levels[3] >= minima[3]
    )


def trades_kind(rules: RuleSet) -> Kind:
    """Skilled paid FST work (:func:`skilled_paid`) in a skilled trade of ``rules``.

    Kept by the rule set (a reform may change the trades), one per reading of
    self-employment (:data:`~expressentry.rules.programs.SELF_EMPLOYMENT_COUNTS`,
    read on each call: a test flips it).
    """
    reading = SELF_EMPLOYMENT_COUNTS[Program.FST]
    return rules.derived("eligibility.fst.trades", _trades_kinds)[reading]


def _trades_kinds(rules: RuleSet) -> tuple[Kind, Kind]:
    """:func:`trades_kind` without, then with self-employment."""
    return _trades_kind(rules, False), _trades_kind(rules, True)


def _trades_kind(rules: RuleSet, self_employment: bool) -> Kind:
    name, teers, skilled = skilled_paid_reading(rules, self_employment)
    trade_groups = rules.entry(FST_TRADE_GROUPS).value

    def include(p: WorkPeriod) -> bool:
        return skilled(p) and trade_groups.contains(p.noc)

    # Work is counted once per history and kind *name*: the name says which trades,
    # so a reform's trades are never read from hours counted under other trades.
    included = ",".join(g.code for g in trade_groups.included)
    excluded = ",".join(g.code for g in trade_groups.excluded)
    return (f"{name}.trades[{included}][-{excluded}]", teers, include)


def _minima(rules: RuleSet) -> tuple[int, int, int, int]:
    minima = rules.entry(FST_MIN_CLB).value
    levels = tuple(minima[a] for a in ABILITIES)
    return (levels[0], levels[1], levels[2], levels[3])


class _Work(NamedTuple):
    """What the trade rules found: the trade judged, its hours, and what backs it."""

    met: bool
    supported: bool
    best: str | None
    hours: float


def _work_check(c: Candidate, as_of: date, rules: RuleSet) -> _Work:
    """Hours in one trade, and a job offer or certificate in that trade."""
    years = rules.entry(FST_WINDOW_YEARS).value
    need = rules.entry(FST_MIN_HOURS).value
    # Each trade's hours are its own, so only the work in a trade is counted.
    trades = by_occupation(c.work_history, trades_kind(rules), as_of, years, rules)
    backed = _backed_trades(c, rules)
    # A trade with both the hours and an offer or certificate wins; otherwise the
    # trade with the most hours, so the report says what that trade still lacks.
    best = max(
        trades,
        key=lambda noc: (reaches(trades[noc], need) and noc in backed, trades[noc]),
        default=None,
    )
    got = 0.0 if best is None else trades[best]
    return _Work(reaches(got, need), best is not None and best in backed, best, got)


def _backing(c: Candidate) -> frozenset[str]:
    """The occupations a job offer or a certificate of qualification backs."""
    offer, certificate = c.job_offer, c.certificate_noc
    if offer is None:
        return _NOTHING if certificate is None else frozenset((certificate,))
    return frozenset((offer.noc,) if certificate is None else (offer.noc, certificate))


_NOTHING: frozenset[str] = frozenset()


def _backed_trades(c: Candidate, rules: RuleSet) -> frozenset[str]:
    """The skilled trades a job offer or a certificate of qualification backs."""
    backing = _backing(c)
    if not backing:
        return backing
    groups = rules.entry(FST_TRADE_GROUPS).value
    return frozenset(noc for noc in backing if groups.contains(noc))


def _language_check(
    c: Candidate, as_of: date, rules: RuleSet
) -> tuple[bool, LanguageResult | None]:
    """The minimum of each ability, and the result judged."""
    minima = _minima(rules)
    result = best_result(valid_results(c, as_of, rules), lambda r: _meets(r, minima))
    return result is not None and _meets(result, minima), result


def assess_fst(c: Candidate, as_of: date, rules: RuleSet) -> ProgramResult:
    """Every FST requirement of ``c`` on ``as_of``."""
    years = rules.entry(FST_WINDOW_YEARS).value
    need = rules.entry(FST_MIN_HOURS).value
    found = _work_check(c, as_of, rules)
    best, got = found.best, found.hours
    offer = c.job_offer
    if best is None:
        work_reason = tr(
            "No work in a skilled trade in the {years} years before {day}; "
            "{need:,} hours in one trade needed",
            years=years,
            day=as_of,
            need=need,
        )
    else:
        work_reason = tr(
            "{hours:,} of {need:,} hours in the trade NOC {noc} in the {years} years before {day}",
            hours=int(got),
            need=need,
            noc=best,
            years=years,
            day=as_of,
        )
    work = Requirement(
        id=f"{_P}.work_experience",
        met=found.met,
        reason=str(work_reason),
        rule=ref(rules, FST_MIN_HOURS),
        message=work_reason,
    )
    if best is None:
        support = tr("No trade to match a job offer or certificate to")
    elif found.supported:
        support = (
            tr("Holds a job offer in NOC {noc}", noc=best)
            if offer is not None and offer.noc == best
            else tr("Holds a certificate of qualification in NOC {noc}", noc=best)
        )
    elif c.certificate_of_qualification and c.certificate_noc is None:
        support = tr(
            "No job offer or certificate of qualification in NOC {noc} "
            "(the certificate's trade is not given: set certificate_noc)",
            noc=best,
        )
    else:
        support = tr("No job offer or certificate of qualification in NOC {noc}", noc=best)
    support_req = Requirement(
        id=f"{_P}.offer_or_certificate",
        met=found.supported,
        reason=str(support),
        rule=ref(rules, FST_TRADE_GROUPS),
        message=support,
    )
    minima = rules.entry(FST_MIN_CLB).value
    words = "/".join(str(minima[a]) for a in ABILITIES)
    met, result = _language_check(c, as_of, rules)
    held = (
        no_valid_result(c.languages, as_of, "language", rules)
        if result is None
        else result_words(result)
    )
    needed = (
        tr("CLB or NCLC {levels} (L/S/R/W) needed", levels=words)
        if result is None
        else tr("{scale} {levels} (L/S/R/W) needed", scale=result.language.scale, levels=words)
    )
    reason = tr("{held}; {needed}", held=held, needed=needed)
    language = Requirement(
        id=f"{_P}.language",
        met=met,
        reason=str(reason),
        rule=ref(rules, FST_MIN_CLB),
        message=reason,
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


def fst_verdict(c: Candidate, as_of: date, rules: RuleSet) -> Verdict:
    """The verdict of :func:`assess_fst`, from the same checks, the cheapest first."""
    if not (outside_quebec(c) and _backed_trades(c, rules) and _language_check(c, as_of, rules)[0]):
        return Verdict.NOT_ELIGIBLE  # nothing backs a trade: no trade can be supported
    found = _work_check(c, as_of, rules)
    if not (found.met and found.supported):
        return Verdict.NOT_ELIGIBLE
    funds = funds_check(Program.FST, c, as_of, rules).status
    if funds is Status.NOT_MET:
        return Verdict.NOT_ELIGIBLE
    return Verdict.ELIGIBLE if funds is Status.MET else Verdict.ELIGIBLE_IF
