"""What the programs share: rule references, valid documents, kinds of work, funds."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from typing import Any

from dateutil.relativedelta import relativedelta

from expressentry.enums import Ability, LanguageTest, OfficialLanguage, Program
from expressentry.errors import RulesNotInForceError
from expressentry.experience import Kind, credited_hours, hours_by_occupation, window
from expressentry.explain import RuleRef
from expressentry.models import Candidate, LanguageResult, WorkHistory, WorkPeriod
from expressentry.rules._timeline import Timeline
from expressentry.rules.experience import HOURS_PER_YEAR, SKILLED_TEERS, WEEKLY_HOURS_CAP
from expressentry.rules.programs import (
    ECA_VALID_YEARS,
    FUNDS_EXEMPTION,
    FUNDS_REQUIRED,
    LANGUAGE_RESULT_VALID_YEARS,
    OUTSIDE_QUEBEC,
    SELF_EMPLOYMENT_COUNTS,
    needs_settlement_funds,
)
from expressentry.rules.settlement_funds import SETTLEMENT_FUNDS, acceptable_tables

from .report import Requirement, Status

__all__ = [
    "ABILITIES",
    "TEST_NAMES",
    "Include",
    "best_result",
    "by_occupation",
    "cap",
    "eca_valid",
    "funds_requirement",
    "hours",
    "language_valid",
    "per_year",
    "quebec_requirement",
    "ref",
    "result_words",
    "skilled_paid",
    "valid_results",
    "years_after",
]

ABILITIES = (Ability.LISTENING, Ability.SPEAKING, Ability.READING, Ability.WRITING)
TEST_NAMES = {
    LanguageTest.IELTS_GENERAL: "IELTS General Training",
    LanguageTest.CELPIP_GENERAL: "CELPIP-General",
    LanguageTest.PTE_CORE: "PTE Core",
    LanguageTest.TEF_CANADA: "TEF Canada",
    LanguageTest.TCF_CANADA: "TCF Canada",
}

Include = Callable[[WorkPeriod], bool]


_REFS: dict[tuple[int, date], RuleRef] = {}


def ref(timeline: Timeline[Any], as_of: date) -> RuleRef:
    """The reference to the entry of ``timeline`` in force on ``as_of`` (built once per day)."""
    key = (id(timeline), as_of)
    found = _REFS.get(key)
    if found is None:
        entry = timeline.at(as_of)
        found = RuleRef(
            rule_id=timeline.rule_id, effective_from=entry.effective_from, source=entry.source
        )
        if len(_REFS) >= 50_000:
            _REFS.clear()
        _REFS[key] = found
    return found


@functools.lru_cache(maxsize=65_536)
def years_after(day: date, years: int) -> date:
    """``day`` plus ``years`` calendar years: the day a document of ``day`` expires."""
    return day + relativedelta(years=years)


def cap(as_of: date) -> int:
    """Hours a week that count at most."""
    return WEEKLY_HOURS_CAP.at(as_of).value


def per_year(as_of: date) -> int:
    """Hours that make one year."""
    return HOURS_PER_YEAR.at(as_of).value


def language_valid(r: LanguageResult, as_of: date) -> bool:
    """Whether ``r`` is still valid on ``as_of`` (2 years from the test date)."""
    return as_of < years_after(r.test_date, LANGUAGE_RESULT_VALID_YEARS.at(as_of).value)


def valid_results(c: Candidate, as_of: date) -> tuple[LanguageResult, ...]:
    """The candidate's results still valid on ``as_of``."""
    return tuple(r for r in c.languages if language_valid(r, as_of))


def result_words(r: LanguageResult) -> str:
    """``"IELTS General Training of 2025-09-20 (CLB 8/7/8/7)"``."""
    levels = "/".join(str(level) for level in r.levels)
    scale = "NCLC" if r.language is OfficialLanguage.FRENCH else "CLB"
    return f"{TEST_NAMES[r.test]} of {r.test_date.isoformat()} ({scale} {levels}, L/S/R/W)"


def best_result(
    results: tuple[LanguageResult, ...], minimum: Callable[[LanguageResult], bool]
) -> LanguageResult | None:
    """A valid result meeting ``minimum`` if there is one, else the highest valid one."""
    meeting = [r for r in results if minimum(r)]
    pool = meeting or list(results)
    return max(pool, key=lambda r: (r.lowest, sum(r.levels)), default=None)


def eca_valid(c: Candidate, as_of: date) -> bool:
    """Whether the ECA, if one is needed, is under 5 years old on ``as_of``."""
    issued = c.education.eca_issued
    if issued is None:
        return True
    return as_of < years_after(issued, ECA_VALID_YEARS.at(as_of).value)


def skilled_paid(as_of: date, program: Program) -> Kind:
    """Skilled work FSW and FST count: TEER 0-3, anywhere, authorized when in Canada.

    Self-employment counts where the program does not exclude it (UNCERTAIN
    reading: :data:`~expressentry.rules.programs.SELF_EMPLOYMENT_COUNTS`); work
    while a full-time student counts too (only CEC and CRS Canadian experience
    exclude it).
    """
    teers = SKILLED_TEERS.at(as_of).value
    self_employment = SELF_EMPLOYMENT_COUNTS[program]

    def include(p: WorkPeriod) -> bool:
        return (
            p.teer in teers
            and (p.authorized or not p.in_canada)
            and (self_employment or not p.self_employed)
        )

    return (f"skilled_paid.{program.value}", teers, include)


def hours(history: WorkHistory, kind: Kind, as_of: date, years: int) -> tuple[float, date]:
    """Hours of ``kind`` work in the ``years`` before ``as_of``, and the window's start."""
    start, end = window(as_of, years)
    return credited_hours(history, kind, start=start, end=end, weekly_cap=cap(as_of)), start


def by_occupation(
    history: WorkHistory,
    kind: Kind,
    as_of: date,
    years: int,
    *,
    continuous_gap_days: int | None = None,
) -> dict[str, float]:
    """Hours per NOC code of ``kind`` work in the ``years`` before ``as_of``.

    With ``continuous_gap_days``, each occupation's longest continuous stretch.
    """
    start, end = window(as_of, years)
    return hours_by_occupation(
        history,
        kind[2],
        start=start,
        end=end,
        weekly_cap=cap(as_of),
        name=f"{kind[0]}{sorted(kind[1])}",
        continuous_gap_days=continuous_gap_days,
    )


def quebec_requirement(program: Program, c: Candidate, as_of: date) -> Requirement:
    """Every federal program is for candidates who will live outside Quebec."""
    return Requirement(
        id=f"{program.value}.outside_quebec",
        met=not c.plans_to_live_in_quebec,
        reason=(
            "Plans to live in Quebec, which selects its own skilled workers"
            if c.plans_to_live_in_quebec
            else "Plans to live outside Quebec"
        ),
        rule=ref(OUTSIDE_QUEBEC, as_of),
    )


def funds_requirement(program: Program, c: Candidate, as_of: date) -> Requirement:
    """Settlement funds for the family size, unless exempt: met, not met or unknown.

    Where two tables are accepted (:func:`~expressentry.rules.settlement_funds.acceptable_tables`),
    meeting the smaller is enough. Where the amount is not known (no table known in
    force, before 2016-01-12; a family of 8 or more under a table with no amount per
    further member) declared funds cannot be checked: the requirement is
    :attr:`~expressentry.eligibility.report.Status.UNKNOWN`, not failed, unless the
    funds fall short of any amount the family could need (nothing declared, or less
    than the table's amount for 7 members).
    """
    rid = f"{program.value}.settlement_funds"
    exempt_rule = ref(FUNDS_EXEMPTION, as_of)
    if not needs_settlement_funds(
        program,
        authorized_to_work=c.authorized_to_work_in_canada,
        valid_job_offer=c.job_offer is not None,
        as_of=as_of,
    ):
        why = (
            "Exempt from settlement funds: authorized to work in Canada with a job offer"
            if program in FUNDS_REQUIRED.at(as_of).value
            else f"No settlement funds needed for {program.value.upper()}"
        )
        return Requirement(id=rid, met=True, reason=why, rule=exempt_rule)
    funds = c.settlement_funds
    size = c.family_size
    people = "1 person" if size == 1 else f"{size} people"
    try:
        tables = acceptable_tables(as_of)
    except RulesNotInForceError as exc:
        tables, rule = (), exempt_rule
        what = (
            f"no settlement funds table is known to be in force on {as_of.isoformat()} "
            f"(the first known took effect on {exc.first.isoformat()})"
        )
    else:
        rule = ref(SETTLEMENT_FUNDS, as_of)
        what = f"no amount is known for a family of {people} (more than 7)"
    amounts = [t.value.required(size) for t in tables]
    known = [a for a in amounts if a is not None]
    # The least any accepted table could ask: an amount a table does not print (8+
    # members, no amount per further member) is at least its amount for 7; with no
    # table known, it is still more than nothing.
    least = min(
        (t.value.amounts[-1] if a is None else a for a, t in zip(amounts, tables, strict=True)),
        default=1,
    )
    if known and funds is not None and funds >= min(known):
        status = Status.MET
    elif funds is None or funds < least:
        status = Status.NOT_MET
    else:
        status = Status.UNKNOWN  # between the least and every known amount
    if known and (status is Status.MET or len(known) == len(amounts)):
        needed = f"${min(known):,} needed for a family of {people}"
        why = (
            f"Settlement funds not declared; {needed}"
            if funds is None
            else f"Settlement funds ${funds:,} of {needed}"
        )
    else:
        if tables:
            what += f"; at least ${least:,} needed"
        declared = "not declared" if funds is None else f"${funds:,}"
        why = (
            f"Settlement funds ${funds:,} declared; cannot be checked: {what}"
            if status is Status.UNKNOWN
            else f"Settlement funds {declared}; {what}"
        )
    return Requirement(
        id=rid,
        met=status is Status.MET,
        status=status,
        condition="settlement funds are confirmed" if status is Status.UNKNOWN else "",
        reason=why,
        rule=rule,
    )
