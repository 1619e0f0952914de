"""What eligibility derives under rules belongs to those rules: a reform never reads it.

Each check below runs a candidate under the rules in force first (so every memo
of eligibility is filled), then under a reform of the one rule the memo depends
on, and expects the reform's answer, on both paths (``flags_many`` and
``assess``). A memo kept across rule sets (at module level, or keyed without the
rule set) would give the first answer again.

Kind: hand-worked. Amira (docs/eligibility.md) scores 72 on the FSW grid, 23 of
them for her master's degree: with education worth 0 she has 49 of the 67
needed. Diego's year is TEER 3 work, for which CEC asks CLB 5; he has CLB 6, so a
reform asking CLB 7 for TEER 2 and 3 fails him. Li's trade, NOC 72200, is in
major group 72; without it he has no trade. Li's family of 2 needs $19,001 on the
day; a funds table asking twice as much ($38,002) fails his $25,000. Amira's
software engineering (NOC 21231) is no trade; a reform making major group 21 one,
with her certificate in it, makes her 6,612 hours count.
"""

from __future__ import annotations

from datetime import date

import attrs

import expressentry as ee
from expressentry import (
    CanadianCredential,
    Candidate,
    Education,
    EducationLevel,
    LanguageResult,
    LanguageTest,
    Program,
    Verdict,
    WorkHistory,
    WorkPeriod,
)
from expressentry.eligibility import flags_many
from expressentry.rules import RuleSet, Source, rules_for
from expressentry.rules.programs import (
    CEC_MIN_CLB_BY_TEER,
    FST_TRADE_GROUPS,
    FSW_MIN_HOURS,
    NocGroup,
)
from expressentry.rules.settlement_funds import SETTLEMENT_FUNDS

DAY = date(2026, 11, 22)
RULES = rules_for(as_of=DAY)

AMIRA = Candidate(
    date_of_birth=date(1995, 4, 2),
    education=Education(level=EducationLevel.MASTERS, eca_issued=date(2025, 9, 1)),
    languages=(
        LanguageResult(
            test=LanguageTest.IELTS_GENERAL,
            test_date=date(2026, 3, 14),
            listening=8.0,
            speaking=7.0,
            reading=7.0,
            writing=7.0,
        ),
    ),
    work_history=WorkHistory(
        periods=(
            WorkPeriod(
                start=date(2022, 9, 1), end=None, hours_per_week=40, noc="21231", in_canada=False
            ),
        )
    ),
    settlement_funds=16_000,
)
DIEGO = Candidate(
    date_of_birth=date(1998, 7, 19),
    education=Education(
        level=EducationLevel.TWO_YEAR, canadian_credential=CanadianCredential.ONE_OR_TWO_YEAR
    ),
    languages=(
        LanguageResult(
            test=LanguageTest.CELPIP_GENERAL,
            test_date=date(2025, 10, 4),
            listening=6,
            speaking=6,
            reading=6,
            writing=6,
        ),
    ),
    work_history=WorkHistory(
        periods=(
            WorkPeriod(
                start=date(2025, 6, 2), end=None, hours_per_week=35, noc="63200", in_canada=True
            ),
        )
    ),
)
LI = Candidate(
    date_of_birth=date(1989, 11, 30),
    education=Education(level=EducationLevel.SECONDARY, eca_issued=date(2025, 1, 10)),
    languages=(
        LanguageResult(
            test=LanguageTest.CELPIP_GENERAL,
            test_date=date(2026, 2, 20),
            listening=6,
            speaking=5,
            reading=5,
            writing=4,
        ),
    ),
    work_history=WorkHistory(
        periods=(
            WorkPeriod(
                start=date(2019, 3, 1), end=None, hours_per_week=44, noc="72200", in_canada=False
            ),
        )
    ),
    certificate_of_qualification=True,
    certificate_noc="72200",
    settlement_funds=25_000,
    dependent_children=1,
)


def _verdicts(c: Candidate, program: Program, rules: RuleSet) -> tuple[Verdict, Verdict]:
    """The verdict of ``program`` from ``flags_many`` and from ``assess``, in that order."""
    (flags,) = flags_many([c], as_of=DAY, rules=rules)
    return flags.program(program), ee.assess(c, as_of=DAY, rules=rules).program(program).verdict


def test_the_grid_totals_are_the_reforms() -> None:
    assert _verdicts(AMIRA, Program.FSW, RULES) == (Verdict.ELIGIBLE,) * 2
    reform = RULES.zero("fsw.grid.education", reform="no grid points for education")
    assert _verdicts(AMIRA, Program.FSW, reform) == (Verdict.NOT_ELIGIBLE,) * 2
    assert ee.fsw_grid(AMIRA, as_of=DAY, rules=reform).total == 72 - 23


def test_the_cec_kinds_and_levels_are_the_reforms() -> None:
    assert _verdicts(DIEGO, Program.CEC, RULES) == (Verdict.ELIGIBLE,) * 2
    reform = RULES.replace(
        CEC_MIN_CLB_BY_TEER.rule_id, {0: 7, 1: 7, 2: 7, 3: 7}, reform="CLB 7 for every TEER"
    )
    assert _verdicts(DIEGO, Program.CEC, reform) == (Verdict.NOT_ELIGIBLE,) * 2


def test_the_trades_are_the_reforms() -> None:
    assert _verdicts(LI, Program.FST, RULES) == (Verdict.ELIGIBLE,) * 2
    trades = RULES.entry(FST_TRADE_GROUPS).value
    fewer = attrs.evolve(trades, included=tuple(g for g in trades.included if g.code != "72"))
    reform = RULES.replace(FST_TRADE_GROUPS.rule_id, fewer, reform="group 72 not a trade")
    assert _verdicts(LI, Program.FST, reform) == (Verdict.NOT_ELIGIBLE,) * 2


def test_a_trade_a_reform_adds_counts() -> None:
    # Software engineering (NOC 21231) is no trade: a certificate in it backs nothing.
    certified = attrs.evolve(AMIRA, certificate_of_qualification=True, certificate_noc="21231")
    assert _verdicts(certified, Program.FST, RULES) == (Verdict.NOT_ELIGIBLE,) * 2
    trades = RULES.entry(FST_TRADE_GROUPS).value
    more = attrs.evolve(trades, included=(*trades.included, NocGroup("21", "Natural sciences")))
    reform = RULES.replace(FST_TRADE_GROUPS.rule_id, more, reform="group 21 a trade")
    # from 2022-09-01, 30 hours a week: far more than 3,120 hours in the 5 years
    assert _verdicts(certified, Program.FST, reform) == (Verdict.ELIGIBLE,) * 2


def test_the_funds_checks_are_the_reforms() -> None:
    assert _verdicts(LI, Program.FST, RULES) == (Verdict.ELIGIBLE,) * 2
    table = RULES.entry(SETTLEMENT_FUNDS).value
    dearer = attrs.evolve(table, amounts=tuple(2 * a for a in table.amounts))
    reform = RULES.replace(SETTLEMENT_FUNDS.rule_id, dearer, reform="twice the funds")
    assert _verdicts(LI, Program.FST, reform) == (Verdict.NOT_ELIGIBLE,) * 2


def test_the_rule_references_are_the_reforms() -> None:
    ee.assess(AMIRA, as_of=DAY)  # the references of the rules in force, made first
    cited = Source(
        id="proposal", title="A proposal", url="https://example.org/proposal", retrieved=DAY
    )
    reform = RULES.replace(FSW_MIN_HOURS.rule_id, 3_120, reform="two years", source=cited)
    (work,) = [
        r
        for r in ee.assess(AMIRA, as_of=DAY, rules=reform).program(Program.FSW).requirements
        if r.id == "fsw.work_experience"
    ]
    assert work.rule.source == cited
    assert "of 3,120 hours" in work.reason
