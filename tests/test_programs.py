"""Minimum requirements of FSW, CEC and FST, against the notes.

Expected values are copied by hand from IRCC's program pages (FSW:
https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/eligibility/federal-skilled-workers.html;
CEC: https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/eligibility/canadian-experience-class.html;
FST: https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/eligibility/skilled-trades.html)
and IRPR ss. 75, 87.1 and 87.2 (https://laws-lois.justice.gc.ca/eng/regulations/SOR-2002-227/),
read 2026-11-22, never read from the code.

Kind: table check, with one property (a code is a trade exactly when it falls in the
listed groups, over every 5-digit code).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from expressentry import DataError, InvalidInputError, RulesNotInForceError
from expressentry.enums import Ability, FundsExemptionCondition, Program, Teer
from expressentry.rules import Timeline
from expressentry.rules import programs as p

AS_OF = date(2026, 11, 22)
LAUNCH = date(2015, 1, 1)
NOC_2021 = date(2022, 11, 16)
DAYS = [LAUNCH, NOC_2021 - timedelta(days=1), NOC_2021, AS_OF]

# --- work experience -----------------------------------------------------------------

WINDOWS = {Program.FSW: 10, Program.CEC: 3, Program.FST: 5}
HOURS = {Program.FSW: 1560, Program.CEC: 1560, Program.FST: 3120}


@pytest.mark.parametrize("program", list(Program))
@pytest.mark.parametrize("day", DAYS)
def test_work_window_years(program: Program, day: date) -> None:
    assert p.WORK_WINDOW_YEARS[program].at(day).value == WINDOWS[program]


@pytest.mark.parametrize("program", list(Program))
@pytest.mark.parametrize("day", DAYS)
def test_minimum_hours(program: Program, day: date) -> None:
    assert p.MIN_HOURS[program].at(day).value == HOURS[program]


def test_uncertain_work_readings() -> None:
    assert p.FSW_CONTINUITY_GAP_DAYS == 0
    assert p.SELF_EMPLOYMENT_COUNTS == {Program.FSW: True, Program.CEC: False, Program.FST: True}


# --- language ------------------------------------------------------------------------

CEC_LEVELS = {Teer.TEER_0: 7, Teer.TEER_1: 7, Teer.TEER_2: 5, Teer.TEER_3: 5}


@pytest.mark.parametrize("teer", list(CEC_LEVELS))
@pytest.mark.parametrize("day", DAYS)
def test_cec_language_by_teer(teer: Teer, day: date) -> None:
    assert p.CEC_MIN_CLB_BY_TEER.at(day).value[teer] == CEC_LEVELS[teer]


def test_cec_language_changes_classification_on_2022_11_16() -> None:
    before = p.CEC_MIN_CLB_BY_TEER.at(NOC_2021 - timedelta(days=1))
    after = p.CEC_MIN_CLB_BY_TEER.at(NOC_2021)
    assert (before.effective_from, after.effective_from) == (LAUNCH, NOC_2021)
    assert set(after.value) == {Teer.TEER_0, Teer.TEER_1, Teer.TEER_2, Teer.TEER_3}


FST_LEVELS = {Ability.SPEAKING: 5, Ability.LISTENING: 5, Ability.READING: 4, Ability.WRITING: 4}


@pytest.mark.parametrize("ability", list(Ability))
def test_fst_language_per_ability(ability: Ability) -> None:
    assert p.FST_MIN_CLB.at(AS_OF).value[ability] == FST_LEVELS[ability]


# --- skilled trades --------------------------------------------------------------------

TRADES: dict[str, bool] = {
    "72600": False,  # air pilots: sub-major group 726 excluded
    "72601": False,
    "72604": False,
    "72010": True,  # contractors and supervisors, machining trades
    "72100": True,  # machinists
    "72410": True,  # automotive service technicians
    "73300": True,  # transport truck drivers, major group 73
    "73400": True,
    "82010": True,
    "83100": True,  # underground miners
    "92100": True,  # power engineers
    "93100": True,  # central control operators
    "93200": False,  # aircraft assemblers: sub-major group 932 excluded
    "93201": False,
    "63200": True,  # cooks
    "63201": True,  # butchers
    "63202": True,  # bakers
    "62200": True,  # chefs
    "62201": False,  # not unit group 62200
    "63210": False,  # hairstylists: minor group 6321, not 6320
    "21231": False,  # software engineers
    "31100": False,
    "00012": False,
    "70010": False,  # major group 70 is not a trade group
    "75101": False,
}


@pytest.mark.parametrize(("noc", "expected"), TRADES.items())
@pytest.mark.parametrize("day", DAYS)
def test_is_trade(noc: str, expected: bool, day: date) -> None:
    assert p.is_trade(noc, as_of=day) is expected


def test_trade_groups_as_canada_ca_lists_them() -> None:
    groups = p.FST_TRADE_GROUPS.at(AS_OF).value
    assert [g.code for g in groups.included] == [
        "72",
        "73",
        "82",
        "83",
        "92",
        "93",
        "6320",
        "62200",
    ]
    assert [g.code for g in groups.excluded] == ["726", "932"]
    assert [g.level for g in groups.included][-2:] == ["minor group", "unit group"]
    assert groups.excluded[0].level == "sub-major group"


def test_trade_groups_before_noc_2021_are_the_noc_2016_groups_read_through_noc_2021() -> None:
    before = p.FST_TRADE_GROUPS.at(NOC_2021 - timedelta(days=1))
    after = p.FST_TRADE_GROUPS.at(NOC_2021)
    assert (before.effective_from, after.effective_from) == (LAUNCH, NOC_2021)
    assert before.value.included == after.value.included
    assert "NOC 2016" in before.value.reading


@pytest.mark.parametrize("noc", ["7330", "733000", "7330a", "", "73 00"])
def test_is_trade_refuses_codes_that_are_not_5_digits(noc: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        p.is_trade(noc, as_of=AS_OF)
    assert info.value.problems[0].path == "noc"


def test_is_trade_before_express_entry() -> None:
    with pytest.raises(RulesNotInForceError):
        p.is_trade("73300", as_of=LAUNCH - timedelta(days=1))


def test_noc_group_codes_are_checked() -> None:
    with pytest.raises(DataError):
        p.NocGroup("7", "too short")
    with pytest.raises(DataError):
        p.NocGroup("7a", "not digits")


@given(st.integers(min_value=0, max_value=99999))
def test_trades_follow_the_group_prefixes(n: int) -> None:
    noc = f"{n:05d}"
    expected = (
        (noc[:2] in {"72", "73", "82", "83", "92", "93"} and noc[:3] not in {"726", "932"})
        or noc[:4] == "6320"
        or noc == "62200"
    )
    assert p.is_trade(noc, as_of=AS_OF) is expected


# --- settlement funds ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("program", "authorized", "offer", "expected"),
    [
        (Program.CEC, False, False, False),
        (Program.CEC, True, True, False),
        (Program.FSW, False, False, True),
        (Program.FSW, True, False, True),
        (Program.FSW, False, True, True),  # a job offer alone does not exempt
        (Program.FSW, True, True, False),
        (Program.FST, False, False, True),
        (Program.FST, True, False, True),
        (Program.FST, False, True, True),
        (Program.FST, True, True, False),
    ],
)
def test_needs_settlement_funds(
    program: Program, authorized: bool, offer: bool, expected: bool
) -> None:
    got = p.needs_settlement_funds(
        program, authorized_to_work=authorized, valid_job_offer=offer, as_of=AS_OF
    )
    assert got is expected


def test_funds_rules() -> None:
    assert p.FUNDS_REQUIRED.at(AS_OF).value == {Program.FSW, Program.FST}
    assert p.FUNDS_EXEMPTION.at(AS_OF).value == {
        FundsExemptionCondition.AUTHORIZED_TO_WORK,
        FundsExemptionCondition.VALID_JOB_OFFER,
    }


# --- validity --------------------------------------------------------------------------


def test_validity_periods() -> None:
    assert p.LANGUAGE_RESULT_VALID_YEARS.at(AS_OF).value == 2
    assert p.ECA_VALID_YEARS.at(AS_OF).value == 5
    assert p.ECA_VALID_YEARS.first == date(2013, 5, 4)
    assert p.VALIDITY_ENDS_ON_ANNIVERSARY is True


# --- registration ----------------------------------------------------------------------


@pytest.mark.parametrize("timeline", p.TIMELINES, ids=lambda t: t.rule_id)
def test_every_program_rule_id_is_under_program(timeline: Timeline[object]) -> None:
    assert timeline.rule_id.startswith("program.")
