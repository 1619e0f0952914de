"""What the programs share: rule references, valid documents, kinds of work, funds."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, Final, NamedTuple

from expressentry._hours import hour_days
from expressentry._memo import Memo
from expressentry.enums import Ability, Program
from expressentry.errors import RulesNotInForceError
from expressentry.experience import (
    Kind,
    hours_by_occupation,
    kind_name,
    occupation_segments,
    segments,
    window,
)
from expressentry.explain import RuleRef
from expressentry.i18n import Message, tr, trn
from expressentry.models import Candidate, LanguageResult, WorkHistory, WorkPeriod
from expressentry.rules import RuleSet
from expressentry.rules._timeline import Dated, Timeline
from expressentry.rules.programs import (
    ECA_VALID_YEARS,
    FUNDS_EXEMPTION,
    FUNDS_REQUIRED,
    LANGUAGE_RESULT_VALID_YEARS,
    OUTSIDE_QUEBEC,
    SELF_EMPLOYMENT_COUNTS,
    funds_needed,
)
from expressentry.rules.settlement_funds import SETTLEMENT_FUNDS, FundsTable, acceptable_tables
from expressentry.timelines.validity import (
    eca_expiry,
    language_expiry,
    language_valid,
    rule_message,
)

from .report import PROGRAM_CODES, Requirement, Status, joined

__all__ = [
    "ABILITIES",
    "FundsCheck",
    "Include",
    "best_occupation",
    "best_result",
    "by_occupation",
    "eca_words",
    "expired_words",
    "funds_check",
    "funds_requirement",
    "hours",
    "level_words",
    "no_valid_result",
    "outside_quebec",
    "quebec_requirement",
    "ref",
    "result_words",
    "skilled_paid",
    "skilled_paid_reading",
    "teer_message",
    "teer_words",
    "valid_results",
]

ABILITIES = (Ability.LISTENING, Ability.SPEAKING, Ability.READING, Ability.WRITING)

Include = Callable[[WorkPeriod], bool]


def _ref_of(rule_id: str, entry: Dated[Any]) -> RuleRef:
    return RuleRef(rule_id=rule_id, effective_from=entry.effective_from, source=entry.source)


def _refs(rules: RuleSet) -> Callable[[str], RuleRef]:
    """The references to the entries of ``rules``, by rule id, made on first use."""

    def derive(rule_id: str) -> RuleRef:
        return _ref_of(rule_id, rules.entry(rule_id))

    return Memo(derive, size=_REFS_SIZE)


_REFS_SIZE: Final = 256
"""More than the rules a rule set holds: every reference of a rule set is kept."""


def ref(rules: RuleSet, timeline: Timeline[Any]) -> RuleRef:
    """The reference to the entry of ``timeline`` in ``rules`` (a reform's, if replaced).

    Made once per rule set and rule: a pool's reports share them.
    """
    return rules.derived("eligibility.refs", _refs)(timeline.rule_id)


def teer_words(skilled: Iterable[int]) -> str:
    """TEERs as a reason says them: ``"TEER 0-3"``, ``"TEER 0, 1, 3"``, ``"TEER 0"``."""
    return str(teer_message(skilled))


def teer_message(skilled: Iterable[int]) -> Message:
    """:func:`teer_words` as a message (``"FÉER 0-3"`` in French)."""
    teers = sorted(skilled)
    if len(teers) > 1 and teers == list(range(teers[0], teers[-1] + 1)):
        return tr("TEER {teers}", teers=f"{teers[0]}-{teers[-1]}")
    return tr("TEER {teers}", teers=", ".join(str(t) for t in teers))


def valid_results(c: Candidate, as_of: date, rules: RuleSet) -> tuple[LanguageResult, ...]:
    """The candidate's results still valid on ``as_of`` (:mod:`expressentry.timelines.validity`)."""
    results = c.languages
    if len(results) == 1:  # most profiles: no generator for one result
        return results if language_valid(results[0], as_of=as_of, rules=rules) else ()
    return tuple(r for r in results if language_valid(r, as_of=as_of, rules=rules))


def result_words(r: LanguageResult) -> Message:
    """``"IELTS General Training of 2025-09-20 (CLB 8/7/8/7, L/S/R/W)"``; NCLC for French."""
    return tr(
        "{test} of {day} ({scale} {levels}, L/S/R/W)",
        test=tr(r.test.label),
        day=r.test_date,
        scale=r.language.scale,
        levels="/".join(str(level) for level in r.levels),
    )


def level_words(level: int, result: LanguageResult | None = None) -> Message:
    """``"CLB 7"`` for an English result, ``"NCLC 7"`` for a French one, both without one."""
    if result is None:
        return tr("CLB {level} or NCLC {level}", level=level)
    return tr("{scale} {level}", scale=result.language.scale, level=level)


def expired_words(r: LanguageResult, rules: RuleSet) -> Message:
    """Why ``r`` no longer counts: its expiry day and the rule, in a sentence."""
    valid = rule_message(LANGUAGE_RESULT_VALID_YEARS, r.valid_from, rules=rules)
    counted = (
        tr("{valid} from the result date", valid=valid)
        if r.result_date is not None
        else tr("{valid}, counted from the test date: no result date given", valid=valid)
    )
    return tr(
        "{result} expired on {expired} ({counted})",
        result=result_words(r),
        expired=language_expiry(r, rules=rules),
        counted=counted,
    )


_NO_VALID: Final = {
    "language": tr("No valid language result"),
    "French": tr("No valid French result"),
}


def no_valid_result(
    results: tuple[LanguageResult, ...], as_of: date, what: str, rules: RuleSet
) -> Message:
    """``"No valid language result"``, naming the expired ones: ``what`` names the kind.

    ``what``: ``"language"`` or ``"French"``.
    """
    expired = [
        expired_words(r, rules) for r in results if not language_valid(r, as_of=as_of, rules=rules)
    ]
    none = _NO_VALID[what]
    if not expired:
        return none
    return tr("{none} ({expired})", none=none, expired=joined(expired, by=";"))


def eca_words(issued: date, rules: RuleSet) -> Message:
    """``"its ECA of 2019-01-01 expired on 2024-01-01 (valid 5 years)"``."""
    return tr(
        "its ECA of {issued} expired on {expired} ({period})",
        issued=issued,
        expired=eca_expiry(issued, rules=rules),
        period=rule_message(ECA_VALID_YEARS, issued, rules=rules),
    )


def best_result(
    results: tuple[LanguageResult, ...], minimum: Callable[[LanguageResult], bool]
) -> LanguageResult | None:
    """A valid result meeting ``minimum`` if there is one, else the highest valid one."""
    if len(results) == 1:  # meeting or not, it is the best
        return results[0]
    meeting = [r for r in results if minimum(r)]
    pool = meeting or list(results)
    return max(pool, key=lambda r: (r.lowest, sum(r.levels)), default=None)


def skilled_paid(rules: RuleSet, program: Program) -> Kind:
    """Skilled work FSW and FST count: TEER 0-3, anywhere, authorized when in Canada.

    Self-employment counts where the program does not exclude it (UNCERTAIN
    reading: :data:`~expressentry.rules.programs.SELF_EMPLOYMENT_COUNTS`); work
    while a full-time student counts too (only CEC and CRS Canadian experience
    exclude it).
    """
    self_employment = SELF_EMPLOYMENT_COUNTS[program]  # read on each call: a test flips it
    return rules.derived("eligibility.skilled_paid", _skilled_paid_kinds)[self_employment]


def skilled_paid_reading(rules: RuleSet, self_employment: bool) -> Kind:
    """:func:`skilled_paid` under one reading of self-employment (counted or not)."""
    return rules.derived("eligibility.skilled_paid", _skilled_paid_kinds)[self_employment]


def _skilled_paid_kinds(rules: RuleSet) -> tuple[Kind, Kind]:
    """The skilled paid kind without, then with self-employment (indexed by the reading).

    One closure per rule set, not one per candidate.
    """
    return _skilled_paid(rules, False), _skilled_paid(rules, True)


def _skilled_paid(rules: RuleSet, self_employment: bool) -> Kind:
    teers = rules.skilled_teers.value

    def include(p: WorkPeriod) -> bool:
        return (
            p.teer in teers
            and (p.authorized or not p.in_canada)
            and (self_employment or not p.self_employed)
        )

    # Named by what it counts, not by program: FSW and FST share its segments.
    name = "skilled_paid" if self_employment else "skilled_paid.no_self_employment"
    return (name, teers, include)


def hours(
    history: WorkHistory, kind: Kind, as_of: date, years: int, rules: RuleSet
) -> tuple[float, date]:
    """Hours of ``kind`` work in the ``years`` before ``as_of``, and the window's start."""
    start, first, end = _window_days(years, as_of, rules)
    built = segments(history, kind, rules.weekly_hours_cap.value)
    return hour_days(built, first, end) / 7, start


def _window_days(years: int, as_of: date, rules: RuleSet) -> tuple[date, int, int]:
    """:func:`~expressentry.experience.window`, with its days as ordinals.

    Kept by the rule set the window is counted under (a pool asks for a few windows
    of one day, per candidate and program).
    """
    return rules.memo("eligibility.windows", _window_of, size=_WINDOWS_SIZE)((years, as_of))


def _window_of(key: tuple[int, date]) -> tuple[date, int, int]:
    years, as_of = key
    start, end = window(years, as_of=as_of)
    return start, start.toordinal(), end.toordinal()


_WINDOWS_SIZE: Final = 4096


def by_occupation(
    history: WorkHistory,
    kind: Kind,
    as_of: date,
    years: int,
    rules: RuleSet,
    *,
    continuous_gap_days: int | None = None,
) -> dict[str, float]:
    """Hours per NOC code of ``kind`` work in the ``years`` before ``as_of``.

    With ``continuous_gap_days``, each occupation's longest continuous stretch.
    """
    if not history.periods:
        return {}
    start, _first, _end = _window_days(years, as_of, rules)
    return hours_by_occupation(
        history,
        kind[2],
        start=start,
        end=as_of,
        weekly_cap=rules.weekly_hours_cap.value,
        name=kind_name(kind),
        continuous_gap_days=continuous_gap_days,
    )


def best_occupation(
    history: WorkHistory,
    kind: Kind,
    as_of: date,
    years: int,
    rules: RuleSet,
    *,
    continuous_gap_days: int | None = None,
) -> tuple[str | None, float]:
    """The occupation of :func:`by_occupation` with the most hours, and its hours.

    The first NOC code of the most hours wins a tie; ``(None, 0.0)`` without any.
    """
    if not history.periods:
        return None, 0.0
    _start, first, end = _window_days(years, as_of, rules)
    best, most = None, 0.0
    cap = rules.weekly_hours_cap.value
    for noc, runs in occupation_segments(history, kind, cap, continuous_gap_days):
        for run in runs:
            got = hour_days(run, first, end) / 7
            if got > most:
                best, most = noc, got
    return best, most


def outside_quebec(c: Candidate) -> bool:
    """The rule every federal program shares: the candidate will live outside Quebec."""
    return not c.plans_to_live_in_quebec


def quebec_requirement(program: Program, c: Candidate, rules: RuleSet) -> Requirement:
    """Every federal program is for candidates who will live outside Quebec."""
    met = outside_quebec(c)
    words = _OUTSIDE_QUEBEC[met]
    return Requirement(
        id=f"{program.value}.outside_quebec",
        met=met,
        reason=str(words),
        rule=ref(rules, OUTSIDE_QUEBEC),
        message=words,
    )


_OUTSIDE_QUEBEC: Final = {
    True: tr("Plans to live outside Quebec"),
    False: tr("Plans to live in Quebec, which selects its own skilled workers"),
}


class FundsCheck(NamedTuple):
    """What the settlement-funds rule found: the status and the figures behind it.

    Attributes:
        status: Met, not met, or unknown (the amount is not known).
        exempt: No funds needed (the program needs none, or the candidate is exempt).
        tables: The funds tables accepted on the day (empty when none is known).
        amounts: Each table's amount for the family (``None``: not printed).
        least: The least any accepted table could ask.
        first_table: Without a table known on the day, the day the first took effect.
    """

    status: Status
    exempt: bool
    tables: tuple[Dated[FundsTable], ...] = ()
    amounts: tuple[int | None, ...] = ()
    least: int = 0
    first_table: date | None = None


_EXEMPT = FundsCheck(Status.MET, exempt=True)


def funds_check(program: Program, c: Candidate, as_of: date, rules: RuleSet) -> FundsCheck:
    """Settlement funds for the family size, unless exempt: met, not met or unknown.

    Where two tables are accepted (:func:`~expressentry.rules.settlement_funds.acceptable_tables`),
    meeting the smaller is enough. Where the amount is not known (no table known in
    force, before 2016-01-12; a family of 8 or more under a table with no amount per
    further member) declared funds cannot be checked: the requirement is
    :attr:`~expressentry.eligibility.report.Status.UNKNOWN`, not failed, unless the
    funds fall short of any amount the family could need (nothing declared, or less
    than the table's amount for 7 members).
    """
    key: _FundsKey = (
        as_of,
        program,
        c.authorized_to_work_in_canada,
        c.job_offer is not None,
        c.family_size,
    )
    met, not_met, unknown, known = rules.derived("eligibility.funds", _funds_days)(key)
    if met.exempt:
        return met
    funds = c.settlement_funds
    if known is not None and funds is not None and funds >= known:
        return met
    if funds is None or funds < met.least:
        return not_met
    return unknown  # between the least and every known amount


class _FundsDay(NamedTuple):
    """The funds rule for one family on one day: each status's check, the least amount known."""

    met: FundsCheck
    not_met: FundsCheck
    unknown: FundsCheck
    known: int | None


_FundsKey = tuple[date, Program, bool, bool, int]
"""The day, the program, authorized to work, a job offer, the family size."""


def _funds_checks(key: _FundsKey, rules: RuleSet) -> _FundsDay:
    """The funds rule for a family on a day (exempt: every check is the exemption)."""
    as_of, program, authorized, offer, size = key
    if not funds_needed(
        program,
        required=rules.entry(FUNDS_REQUIRED).value,
        exemption=rules.entry(FUNDS_EXEMPTION).value,
        authorized_to_work=authorized,
        valid_job_offer=offer,
    ):
        return _FundsDay(_EXEMPT, _EXEMPT, _EXEMPT, None)
    first_table: date | None = None
    try:
        tables = _tables(as_of, rules)
    except RulesNotInForceError as exc:
        tables, first_table = (), exc.first
    amounts = tuple(t.value.required(size) for t in tables)
    # The least any accepted table could ask: an amount a table does not print (8+
    # members, no amount per further member) is at least its amount for 7; with no
    # table known, it is still more than nothing.
    least = min(
        (t.value.amounts[-1] if a is None else a for a, t in zip(amounts, tables, strict=True)),
        default=1,
    )
    met, not_met, unknown = (
        FundsCheck(status, False, tables, amounts, least, first_table)
        for status in (Status.MET, Status.NOT_MET, Status.UNKNOWN)
    )
    return _FundsDay(
        met, not_met, unknown, min((a for a in amounts if a is not None), default=None)
    )


def _funds_days(rules: RuleSet) -> Callable[[_FundsKey], _FundsDay]:
    """The funds rule per day, program and family under ``rules``: a pool repeats them."""

    def derive(key: _FundsKey) -> _FundsDay:
        return _funds_checks(key, rules)

    return Memo(derive, size=_FUNDS_SIZE)


_FUNDS_SIZE: Final = 4096
"""Days, programs and family sizes kept per rule set (a pool's fill a few dozen)."""


def funds_requirement(program: Program, c: Candidate, as_of: date, rules: RuleSet) -> Requirement:
    """The settlement-funds requirement (:func:`funds_check`), explained."""
    rid = f"{program.value}.settlement_funds"
    exempt_rule = ref(rules, FUNDS_EXEMPTION)
    check = funds_check(program, c, as_of, rules)
    status = check.status
    if check.exempt:
        why = (
            tr("Exempt from settlement funds: authorized to work in Canada with a job offer")
            if program in rules.entry(FUNDS_REQUIRED).value
            else tr("No settlement funds needed for {program}", program=PROGRAM_CODES[program])
        )
        return Requirement(id=rid, met=True, reason=str(why), rule=exempt_rule, message=why)
    funds = c.settlement_funds
    size = c.family_size
    people = trn("{size} person", "{size} people", size, size=size)
    tables, amounts, least = check.tables, check.amounts, check.least
    if check.first_table is not None:
        rule = exempt_rule
        what = tr(
            "no settlement funds table is known to be in force on {day} "
            "(the first known took effect on {first})",
            day=as_of,
            first=check.first_table,
        )
    else:
        rule = ref(rules, SETTLEMENT_FUNDS)
        what = tr("no amount is known for a family of {people} (more than 7)", people=people)
    known = [a for a in amounts if a is not None]
    if known and (status is Status.MET or len(known) == len(amounts)):
        needed = tr("${amount:,} needed for a family of {people}", amount=min(known), people=people)
        why = (
            tr("Settlement funds not declared; {needed}", needed=needed)
            if funds is None
            else tr("Settlement funds ${funds:,} of {needed}", funds=funds, needed=needed)
        )
    else:
        if tables:
            what = tr("{what}; at least ${least:,} needed", what=what, least=least)
        declared = tr("not declared") if funds is None else tr("${funds:,}", funds=funds)
        why = (
            tr(
                "Settlement funds ${funds:,} declared; cannot be checked: {what}",
                funds=funds,
                what=what,
            )
            if status is Status.UNKNOWN and funds is not None
            else tr("Settlement funds {declared}; {what}", declared=declared, what=what)
        )
    unknown = status is Status.UNKNOWN
    return Requirement(
        id=rid,
        met=status is Status.MET,
        status=status,
        condition=str(_FUNDS_CONFIRMED) if unknown else "",
        reason=str(why),
        rule=rule,
        message=why,
        condition_message=_FUNDS_CONFIRMED if unknown else None,
    )


_FUNDS_CONFIRMED: Final = tr("settlement funds are confirmed")


def _tables(as_of: date, rules: RuleSet) -> tuple[Dated[FundsTable], ...]:
    """The funds tables accepted on ``as_of``: those of the day, unless a reform replaced it."""
    entry = rules.entry(SETTLEMENT_FUNDS)
    tables = acceptable_tables(as_of=as_of)
    return tables if entry in tables else (entry,)
