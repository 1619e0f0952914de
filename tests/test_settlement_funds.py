"""Every row of every settlement funds table, and both sides of every change.

Expected amounts are copied by hand from the research notes (section 1.4 and 1.4.1:
IRCC, "Proof of funds – Skilled immigrants", read through the copies named there,
rechecked against cicnews.com, canadaopen.org, abhinav.com, immigration.ca and the
other copies the module names), never read from the code; amounts beyond 7 members
are worked out by hand. IRCC's page:
https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/documents/proof-funds.html
(the notes were written on 2026-11-22: read 2026-11-22).

Kind: table check (every row, both sides of every change), with two properties
(funds rise with the family size; each table asks more than the last).
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from expressentry import DataError, InvalidInputError, RulesNotInForceError
from expressentry.rules.settlement_funds import (
    FUNDS_2016_FROM,
    FUNDS_2016_PER_ADDITIONAL,
    FUNDS_2017_FROM,
    FUNDS_2017_PER_ADDITIONAL,
    FUNDS_2018_FROM,
    FUNDS_2018_VERSION_B,
    FUNDS_2019_FROM,
    FUNDS_2020_EITHER_TABLE_FROM,
    FUNDS_2020_FROM,
    FUNDS_2021_FROM,
    FUNDS_2022_FROM,
    FUNDS_2025_EITHER_TABLE_FROM,
    FUNDS_PRE_2016_TABLE,
    SETTLEMENT_FUNDS,
    FundsTable,
    acceptable_tables,
)

# year: (first day, amounts for 1-7 members, each additional member or None if unknown)
TABLES: dict[int, tuple[date, tuple[int, ...], int | None]] = {
    2016: (date(2016, 1, 12), (12164, 15143, 18617, 22603, 25636, 28913, 32191), None),
    2017: (date(2017, 1, 27), (12300, 15312, 18825, 22856, 25923, 29236, 32550), 3314),
    2018: (date(2018, 1, 5), (12474, 15530, 19092, 23181, 26291, 29652, 33013), 3361),
    2019: (date(2019, 1, 16), (12669, 15772, 19390, 23542, 26701, 30114, 33528), 3414),
    2020: (date(2020, 2, 25), (12960, 16135, 19836, 24083, 27315, 30806, 34299), 3492),
    2021: (date(2021, 7, 15), (13213, 16449, 20222, 24553, 27847, 31407, 34967), 3560),
    2022: (date(2022, 6, 8), (13310, 16570, 20371, 24733, 28052, 31638, 35224), 3586),
    2023: (date(2023, 4, 25), (13757, 17127, 21055, 25564, 28994, 32700, 36407), 3706),
    2024: (date(2024, 5, 28), (14690, 18288, 22483, 27297, 30690, 34917, 38875), 3958),
    2025: (date(2025, 7, 28), (15263, 19001, 23360, 28362, 32168, 36280, 40392), 4112),
}

# year: (8 members, 10 members), worked out by hand: 7-member amount + n x extra
BEYOND_SEVEN: dict[int, tuple[int | None, int | None]] = {
    2016: (None, None),  # no amount per further member is recorded
    2017: (35864, 42492),  # 32,550 + 3,314; 32,550 + 3 x 3,314
    2018: (36374, 43096),  # 33,013 + 3,361; 33,013 + 10,083
    2019: (36942, 43770),  # 33,528 + 3,414; 33,528 + 10,242
    2020: (37791, 44775),  # 34,299 + 3,492; 34,299 + 10,476
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


@pytest.mark.parametrize(
    ("day", "size", "expected"),
    [
        (date(2016, 1, 12), 1, 12164),
        (date(2016, 1, 12), 4, 22603),
        (date(2016, 1, 12), 7, 32191),
        (date(2016, 1, 12), 8, None),
        (date(2017, 1, 26), 8, None),
        (date(2017, 1, 27), 8, 35864),
        (date(2018, 1, 5), 4, 23181),
        (date(2019, 1, 16), 7, 33528),
        (date(2020, 2, 25), 8, 37791),
    ],
)
def test_amounts_for_1_4_7_and_8_members(day: date, size: int, expected: int | None) -> None:
    assert table_on(day).required(size) == expected


def test_timeline_holds_exactly_these_tables() -> None:
    assert [e.effective_from for e in SETTLEMENT_FUNDS.entries] == [t[0] for t in TABLES.values()]
    assert SETTLEMENT_FUNDS.rule_id == "funds.settlement"


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (date(2016, 1, 12), 2016),
        (date(2017, 1, 26), 2016),
        (date(2017, 1, 27), 2017),
        (date(2018, 1, 4), 2017),
        (date(2018, 1, 5), 2018),
        (date(2019, 1, 15), 2018),
        (date(2019, 1, 16), 2019),
        (date(2020, 1, 1), 2019),
        (date(2020, 2, 24), 2019),
        (date(2020, 2, 25), 2020),
        (date(2021, 7, 14), 2020),
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
        (date(2016, 1, 12), [2016]),
        (date(2019, 12, 31), [2019]),
        (date(2020, 1, 1), [2019, 2020]),
        (date(2020, 1, 8), [2019, 2020]),  # round #134, all programs
        (date(2020, 2, 24), [2019, 2020]),
        (date(2020, 2, 25), [2020]),
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
    found = [e.value.amounts for e in acceptable_tables(as_of=day)]
    assert found == [TABLES[y][1] for y in years]


def test_uncertain_readings_are_the_documented_days() -> None:
    days = (FUNDS_2021_FROM, FUNDS_2022_FROM, FUNDS_2025_EITHER_TABLE_FROM)
    assert days == (date(2021, 7, 15), date(2022, 6, 8), date(2025, 7, 7))
    earlier = (
        FUNDS_2016_FROM,
        FUNDS_2017_FROM,
        FUNDS_2018_FROM,
        FUNDS_2019_FROM,
        FUNDS_2020_EITHER_TABLE_FROM,
        FUNDS_2020_FROM,
    )
    assert earlier == (
        date(2016, 1, 12),
        date(2017, 1, 27),
        date(2018, 1, 5),
        date(2019, 1, 16),
        date(2020, 1, 1),
        date(2020, 2, 25),
    )
    assert FUNDS_2016_PER_ADDITIONAL is None
    assert FUNDS_2017_PER_ADDITIONAL == 3314


@pytest.mark.parametrize("day", [date(2015, 1, 1), date(2015, 6, 1), date(2016, 1, 11)])
def test_no_table_is_known_before_2016_01_12(day: date) -> None:
    with pytest.raises(RulesNotInForceError) as info:
        table_on(day)
    assert info.value.first == date(2016, 1, 12)
    with pytest.raises(RulesNotInForceError):
        acceptable_tables(as_of=day)


def test_the_pre_2016_table_is_recorded_not_applied() -> None:
    assert FUNDS_PRE_2016_TABLE.amounts == (11824, 14720, 18097, 21971, 24920, 28105, 31291)
    assert FUNDS_PRE_2016_TABLE.per_additional is None
    assert FUNDS_PRE_2016_TABLE.required(8) is None
    applied = [e.value for e in SETTLEMENT_FUNDS.entries]
    assert FUNDS_PRE_2016_TABLE not in applied


def test_the_2018_table_is_version_a_and_b_is_recorded() -> None:
    b = (12475, 15531, 19093, 23181, 26292, 29652, 33014)
    assert FUNDS_2018_VERSION_B.amounts == b
    assert FUNDS_2018_VERSION_B.per_additional == 3361
    a = table_on(date(2018, 6, 1))
    assert a.amounts == TABLES[2018][1]
    assert [y - x for x, y in zip(a.amounts, b, strict=True)] == [1, 1, 1, 0, 1, 0, 1]
    assert FUNDS_2018_VERSION_B not in [e.value for e in SETTLEMENT_FUNDS.entries]


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
    assert FundsTable((1, 2, 3, 4, 5, 6, 7), None).required(7) == 7


@given(
    st.dates(min_value=date(2016, 1, 12), max_value=date(2030, 12, 31)),
    st.integers(min_value=1, max_value=40),
)
def test_funds_increase_with_family_size(day: date, size: int) -> None:
    table = table_on(day)
    smaller, larger = table.required(size), table.required(size + 1)
    if smaller is None:
        assert larger is None  # unknown beyond 7 stays unknown
    elif larger is not None:
        assert larger > smaller > 0
    else:
        assert size == 7


@given(st.integers(min_value=1, max_value=40))
def test_each_table_asks_more_than_the_last(size: int) -> None:
    amounts = [e.value.required(size) for e in SETTLEMENT_FUNDS.entries]
    known = [a for a in amounts if a is not None]
    assert known == sorted(set(known))
    assert None not in amounts[1:]  # only the first (2016) table can leave one unknown
