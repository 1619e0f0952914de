"""Every row of every settlement funds table, and both sides of every change.

Expected amounts are copied by hand from ``/work/shared/rules/eligibility_rules.md``
section 1.4 (IRCC, "Proof of funds – Skilled immigrants", read through the copies
named there), never read from the code.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from expressentry import DataError, InvalidInputError, RulesNotInForceError
from expressentry.rules import TIMELINES
from expressentry.rules.settlement_funds import (
    FUNDS_2021_FROM,
    FUNDS_2022_FROM,
    FUNDS_2025_EITHER_TABLE_FROM,
    FUNDS_2026_TABLE_FOUND,
    SETTLEMENT_FUNDS,
    FundsTable,
    acceptable_tables,
)

# year: (first day, amounts for 1-7 members, each additional member)
TABLES: dict[int, tuple[date, tuple[int, ...], int]] = {
    2021: (date(2021, 7, 15), (13213, 16449, 20222, 24553, 27847, 31407, 34967), 3560),
    2022: (date(2022, 6, 8), (13310, 16570, 20371, 24733, 28052, 31638, 35224), 3586),
    2023: (date(2023, 4, 25), (13757, 17127, 21055, 25564, 28994, 32700, 36407), 3706),
    2024: (date(2024, 5, 28), (14690, 18288, 22483, 27297, 30690, 34917, 38875), 3958),
    2025: (date(2025, 7, 28), (15263, 19001, 23360, 28362, 32168, 36280, 40392), 4112),
}

# year: (8 members, 10 members), worked out by hand: 7-member amount + n x extra
BEYOND_SEVEN: dict[int, tuple[int, int]] = {
    2021: (38527, 45647),
    2022: (38810, 45982),
    2023: (40113, 47525),
    2024: (42833, 50749),
    2025: (44504, 52728),
}

ROWS = [(year, size) for year in TABLES for size in range(1, 8)]


def table_on(day: date) -> FundsTable:
    return SETTLEMENT_FUNDS.at(day).value


@pytest.mark.parametrize(("year", "size"), ROWS, ids=[f"{y}-{s}" for y, s in ROWS])
def test_every_row(year: int, size: int) -> None:
    first, amounts, _ = TABLES[year]
    assert table_on(first).required(size) == amounts[size - 1]


@pytest.mark.parametrize("year", TABLES)
def test_each_additional_member(year: int) -> None:
    first, _, extra = TABLES[year]
    table = table_on(first)
    assert table.per_additional == extra
    assert (table.required(8), table.required(10)) == BEYOND_SEVEN[year]
    assert table.required(8) - table.required(7) == extra


def test_timeline_holds_exactly_these_tables() -> None:
    assert [e.effective_from for e in SETTLEMENT_FUNDS.entries] == [t[0] for t in TABLES.values()]
    assert SETTLEMENT_FUNDS.rule_id == "funds.settlement"
    assert SETTLEMENT_FUNDS in TIMELINES


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (date(2021, 7, 15), 2021),
        (date(2022, 6, 7), 2021),
        (date(2022, 6, 8), 2022),
        (date(2023, 4, 24), 2022),
        (date(2023, 4, 25), 2023),
        (date(2024, 5, 27), 2023),
        (date(2024, 5, 28), 2024),
        (date(2025, 7, 6), 2024),
        (date(2025, 7, 7), 2024),
        (date(2025, 7, 27), 2024),
        (date(2025, 7, 28), 2025),
        (date(2026, 11, 22), 2025),
    ],
)
def test_table_required_on_each_side_of_every_change(day: date, year: int) -> None:
    assert table_on(day).amounts == TABLES[year][1]


@pytest.mark.parametrize(
    ("day", "years"),
    [
        (date(2025, 7, 6), [2024]),
        (date(2025, 7, 7), [2024, 2025]),
        (date(2025, 7, 22), [2024, 2025]),  # round #357, healthcare
        (date(2025, 7, 27), [2024, 2025]),
        (date(2025, 7, 28), [2025]),
        (date(2024, 5, 27), [2023]),
        (date(2024, 5, 28), [2024]),
        (date(2026, 11, 22), [2025]),
    ],
)
def test_acceptable_tables(day: date, years: list[int]) -> None:
    found = [e.value.amounts for e in acceptable_tables(day)]
    assert found == [TABLES[y][1] for y in years]


def test_uncertain_readings_are_the_documented_days() -> None:
    days = (FUNDS_2021_FROM, FUNDS_2022_FROM, FUNDS_2025_EITHER_TABLE_FROM)
    assert days == (date(2021, 7, 15), date(2022, 6, 8), date(2025, 7, 7))
    assert FUNDS_2026_TABLE_FOUND is False


def test_no_table_before_2021_07_15() -> None:
    with pytest.raises(RulesNotInForceError) as info:
        table_on(date(2021, 7, 14))
    assert info.value.first == date(2021, 7, 15)
    with pytest.raises(RulesNotInForceError):
        acceptable_tables(date(2020, 1, 1))


@pytest.mark.parametrize("size", [0, -1])
def test_family_size_below_1_is_refused(size: int) -> None:
    with pytest.raises(InvalidInputError) as info:
        table_on(date(2026, 11, 22)).required(size)
    assert isinstance(info.value, ValueError)
    assert info.value.problems[0].path == "family_size"


def test_bad_tables_are_data_errors() -> None:
    with pytest.raises(DataError):
        FundsTable((1, 2, 3, 4, 5, 6), 1)
    with pytest.raises(DataError):
        FundsTable((1, 2, 3, 4, 5, 7, 6), 1)
    with pytest.raises(DataError):
        FundsTable((0, 2, 3, 4, 5, 6, 7), 1)
    with pytest.raises(DataError):
        FundsTable((1, 2, 3, 4, 5, 6, 7), 0)


@given(
    st.dates(min_value=date(2021, 7, 15), max_value=date(2030, 12, 31)),
    st.integers(min_value=1, max_value=40),
)
def test_funds_increase_with_family_size(day: date, size: int) -> None:
    table = table_on(day)
    assert table.required(size + 1) > table.required(size) > 0


@given(st.integers(min_value=1, max_value=40))
def test_each_table_asks_more_than_the_last(size: int) -> None:
    amounts = [e.value.required(size) for e in SETTLEMENT_FUNDS.entries]
    assert amounts == sorted(set(amounts))
