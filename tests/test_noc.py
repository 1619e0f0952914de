"""NOC 2021 lookup: a few unit groups, the published counts, the hierarchy; unknown codes.

Kinds: table check (titles, TEERs and counts), property (every unit group sits in
its minor, sub-major and major group and broad category), and errors.

Sources, read 2026-11-22:

- Statistics Canada, National Occupational Classification (NOC) 2021 Version 1.0,
  classification structure (10 broad categories, 45 major groups, 89 sub-major
  groups, 162 minor groups, 516 unit groups; each unit group's title):
  https://www23.statcan.gc.ca/imdb/p3VD.pl?Function=getVD&TVD=1322554
- The TEER of a unit group is the second digit of its code (StatCan, "NOC 2021
  Version 1.0 - Analysis by TEER" background):
  https://www.statcan.gc.ca/en/subjects/standard/noc/2021/background

The titles below are typed from StatCan's pages, never read from the shipped
``noc2021.csv``: a test that compared the CSV with the function reading it could
not fail.
"""

from __future__ import annotations

import pytest

from expressentry import InvalidInputError, Teer
from expressentry.noc import group_title, occupation, unit_groups
from expressentry.rules.categories import CATEGORY_SETS

# --- table check: the published counts -----------------------------------------------

STRUCTURE_URL = "https://www23.statcan.gc.ca/imdb/p3VD.pl?Function=getVD&TVD=1322554"


def _groups_with_digits(width: int) -> int:
    """How many group codes of ``width`` digits ``group_title`` knows (probing every code)."""
    found = 0
    for n in range(10**width):
        try:
            group_title(f"{n:0{width}d}")
        except InvalidInputError:
            continue
        found += 1
    return found


def test_516_unit_groups() -> None:
    assert len(unit_groups()) == 516  # STRUCTURE_URL


@pytest.mark.parametrize(
    ("width", "count"),
    [(1, 10), (2, 45), (3, 89), (4, 162)],
    ids=["broad-categories", "major-groups", "sub-major-groups", "minor-groups"],
)
def test_group_counts_at_each_level(width: int, count: int) -> None:
    assert _groups_with_digits(width) == count  # STRUCTURE_URL


# Exact counts by TEER, counted from the shipped table on 2026-11-22 (a regression
# pin); they agree with ESDC's published distribution of NOC 2021 V1.0 unit groups by
# TEER, rounded to whole percents (TEER 0-5: 9, 19, 31, 13, 18, 9 %), checked below.
BY_TEER = {
    Teer.TEER_0: 48,
    Teer.TEER_1: 97,
    Teer.TEER_2: 162,
    Teer.TEER_3: 69,
    Teer.TEER_4: 95,
    Teer.TEER_5: 45,
}
PUBLISHED_PERCENT = {
    Teer.TEER_0: 9,
    Teer.TEER_1: 19,
    Teer.TEER_2: 31,
    Teer.TEER_3: 13,
    Teer.TEER_4: 18,
    Teer.TEER_5: 9,
}


def test_unit_groups_by_teer() -> None:
    units = unit_groups()
    by_teer = {t: sum(1 for o in units.values() if o.teer is t) for t in Teer}
    assert by_teer == BY_TEER
    percent = {t: round(100 * n / len(units)) for t, n in by_teer.items()}
    assert percent == PUBLISHED_PERCENT


# --- table check: unit groups, title and TEER, from StatCan's pages ---------------------


@pytest.mark.parametrize(
    ("code", "title", "teer"),
    [
        ("00010", "Legislators", 0),
        ("00012", "Senior managers - financial, communications and other business services", 0),
        ("21231", "Software engineers and designers", 1),
        ("31102", "General practitioners and family physicians", 1),
        ("31301", "Registered nurses and registered psychiatric nurses", 1),
        ("33102", "Nurse aides, orderlies and patient service associates", 3),
        ("72200", "Electricians (except industrial and power system)", 2),
        ("72310", "Carpenters", 2),
        ("73300", "Transport truck drivers", 3),
    ],
)
def test_unit_group_title_and_teer(code: str, title: str, teer: int) -> None:
    o = occupation(code)
    assert (o.code, o.title, o.teer) == (code, title, Teer(teer))


@pytest.mark.parametrize(
    ("code", "title"),
    [
        ("0", "Legislative and senior management occupations"),
        ("7", "Trades, transport and equipment operators and related occupations"),
        ("72", "Technical trades and transportation officers and controllers"),
        ("726", "Transportation officers and controllers"),
        ("3130", "Nursing and allied health professionals"),
    ],
)
def test_group_titles(code: str, title: str) -> None:
    assert group_title(code) == title


# --- property: the hierarchy --------------------------------------------------------------


def test_every_unit_group_sits_in_its_parent_groups() -> None:
    """The code reads each row on its own; nothing checks that a unit group's parents exist."""
    orphans = []
    for code in unit_groups():
        for width in (1, 2, 3, 4):
            try:
                group_title(code[:width])
            except InvalidInputError:
                orphans.append((code, code[:width]))
    assert orphans == []


def test_every_category_code_is_a_unit_group() -> None:
    """The category loader checks only the form of a code, not that NOC 2021 has it."""
    for entry in CATEGORY_SETS.entries:
        for category in entry.value.categories:
            for code in category.nocs:
                assert occupation(code).code == code


# --- errors --------------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["99999", "2123", "212310", "abcde", "", "21239"])
def test_unknown_codes_are_errors_naming_the_value(code: str) -> None:
    with pytest.raises(InvalidInputError) as err:
        occupation(code)
    assert err.value.problems[0].value == code
    assert "NOC 2021 Version 1.0 unit group" in str(err.value)


@pytest.mark.parametrize("code", ["21231", "", "99", "91", "abc"])
def test_a_unit_group_or_unknown_code_is_not_a_group(code: str) -> None:
    with pytest.raises(InvalidInputError):
        group_title(code)
