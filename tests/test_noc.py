"""NOC 2021 lookup: every unit group loads with its TEER; unknown codes are errors."""

from __future__ import annotations

import csv
from importlib import resources

import pytest

from expressentry import InvalidInputError, Teer
from expressentry.noc import group_title, occupation, unit_groups
from expressentry.rules.categories import CATEGORY_SETS


def _rows() -> list[dict[str, str]]:
    text = resources.files("expressentry.data").joinpath("noc2021.csv").read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


def test_the_published_counts() -> None:
    units = unit_groups()
    assert len(units) == 516
    by_teer = {t: sum(1 for o in units.values() if o.teer is t) for t in Teer}
    assert by_teer == {
        Teer.TEER_0: 48,
        Teer.TEER_1: 97,
        Teer.TEER_2: 162,
        Teer.TEER_3: 69,
        Teer.TEER_4: 95,
        Teer.TEER_5: 45,
    }


@pytest.mark.parametrize(
    "row", [r for r in _rows() if r["level"] == "unit_group"], ids=lambda r: r["code"]
)
def test_every_unit_group_has_its_title_and_teer(row: dict[str, str]) -> None:
    o = occupation(row["code"])
    assert (o.code, o.title, o.teer) == (row["code"], row["title_en"], Teer(int(row["code"][1])))


@pytest.mark.parametrize(
    ("code", "title", "teer"),
    [
        ("00010", "Legislators", 0),
        ("21231", "Software engineers and designers", 1),
        ("31102", "General practitioners and family physicians", 1),
        ("33102", "Nurse aides, orderlies and patient service associates", 3),
        ("72200", "Electricians (except industrial and power system)", 2),
        ("73300", "Transport truck drivers", 3),
    ],
)
def test_spot_checks(code: str, title: str, teer: int) -> None:
    assert occupation(code) == occupation(code)
    assert (occupation(code).title, occupation(code).teer) == (title, Teer(teer))


@pytest.mark.parametrize("code", ["99999", "2123", "212310", "abcde", "", "21239"])
def test_unknown_codes_are_errors_naming_the_value(code: str) -> None:
    with pytest.raises(InvalidInputError) as err:
        occupation(code)
    assert err.value.problems[0].value == code
    assert "NOC 2021 Version 1.0 unit group" in str(err.value)


def test_group_titles() -> None:
    assert group_title("7") == "Trades, transport and equipment operators and related occupations"
    assert group_title("72") == "Technical trades and transportation officers and controllers"
    with pytest.raises(InvalidInputError):
        group_title("21231")


def test_every_category_code_is_a_unit_group() -> None:
    for entry in CATEGORY_SETS.entries:
        for category in entry.value.categories:
            for code in category.nocs:
                assert occupation(code).code == code
