"""RuleSet.replace checks each value's type, shape and range; Steps check their rows.

Kind: hand-worked examples of user-facing behaviour (errors), and the invariant
checks themselves (a breakdown whose total is not its lines is refused).
"""

from __future__ import annotations

from datetime import date
from types import MappingProxyType

import pytest

from expressentry import (
    EducationLevel,
    InvalidInputError,
    JobOfferKind,
    Teer,
    example_profile,
    rules_for,
    score,
)
from expressentry.errors import InternalError
from expressentry.explain import CrsBreakdown
from expressentry.rules import SpouseSteps, Steps

AS_OF = date(2026, 11, 22)
RULES = rules_for(as_of=AS_OF)


def refused(rule_id: str, value: object) -> list[tuple[str, object]]:
    with pytest.raises(InvalidInputError) as info:
        RULES.replace(rule_id, value, reform="test")
    assert info.value.owner == f"RuleSet.replace({rule_id})"
    return [(p.path, p.value) for p in info.value.problems]


@pytest.mark.parametrize("value", [-500, -1, True, False, 15.0, "15", None])
def test_points_are_whole_numbers_of_zero_or_more(value: object) -> None:
    assert refused("crs.additional.sibling", value) == [("value", value)]


def test_negative_sibling_points_no_longer_lower_the_total() -> None:
    with pytest.raises(InvalidInputError, match="must be 0 or more points"):
        RULES.replace("crs.additional.sibling", -500, reform="negative")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ((25, 50, 75), [("value", (25, 50, 75))]),
        ((25,), [("value", (25,))]),
        ([25, 50], [("value", [25, 50])]),
        ((25, -50), [("value[1]", -50)]),
        ((True, 50), [("value[0]", True)]),
    ],
)
def test_tuples_keep_their_length_and_hold_points(
    value: object, expected: list[tuple[str, object]]
) -> None:
    assert refused("crs.transferability.certificate_language", value) == expected


def test_mappings_keep_their_keys_and_hold_points() -> None:
    offer = "crs.additional.job_offer"
    only_one = {JobOfferKind.MAJOR_GROUP_00: 200}
    assert refused(offer, only_one) == [("value", only_one)]
    extra = {"major_group_00": 200, "other_skilled": 50, "teer_4": 10}
    assert refused(offer, extra) == [("value", extra)]
    assert refused(offer, {"major_group_00": -200, "other_skilled": 50}) == [
        ("value['major_group_00']", -200)
    ]
    assert refused(offer, [("major_group_00", 200)]) == [("value", [("major_group_00", 200)])]


def test_every_bad_entry_of_a_mapping_is_reported() -> None:
    table: dict[EducationLevel, object] = dict(RULES.education.value)
    table[EducationLevel.BACHELORS] = (120, -1)
    table[EducationLevel.MASTERS] = (135,)
    assert refused("crs.core.education", table) == [
        ("value['bachelors'][1]", -1),
        ("value['masters']", (135,)),
    ]


def test_string_keys_are_read_as_the_enum_members() -> None:
    r = RULES.replace(
        "crs.additional.job_offer", {"major_group_00": 200, "other_skilled": 50}, reform="back"
    )
    assert dict(r.additional_job_offer.value) == {
        JobOfferKind.MAJOR_GROUP_00: 200,
        JobOfferKind.OTHER_SKILLED: 50,
    }
    assert all(type(k) is JobOfferKind for k in r.additional_job_offer.value)
    assert isinstance(r.additional_job_offer.value, MappingProxyType)


def test_step_tables_keep_their_class() -> None:
    steps = Steps(((0, 0), (1, 5)))
    assert refused("crs.core.canadian_experience", steps) == [("value", steps)]
    spouse_steps = SpouseSteps(((0, 0, 0), (1, 5, 6)))
    assert refused("crs.spouse.canadian_experience", spouse_steps) == [("value", spouse_steps)]
    rows = ((0, 0), (1, 5))
    assert refused("crs.spouse.canadian_experience", rows) == [("value", rows)]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (((0, 0), (1, -5)), [("rows[1][1]", -5)]),
        (((0, 0), (1, True)), [("rows[1]", (1, True))]),
        (((0, 0), (1, 5.5)), [("rows[1]", (1, 5.5))]),
        (((0, 0), (1, 5, 6)), [("rows[1]", (1, 5, 6))]),
        (((0, 0), (2, 5), (1, 6)), [("rows[2][0]", 1)]),
        (((0, 0), (10**9, 5)), [("rows[1][0]", 10**9)]),
        (((3, 0),), [("rows[0][0]", 3)]),
        ((), [("rows", ())]),
        ([(0, 0)], [("rows", [(0, 0)])]),
    ],
)
def test_steps_check_their_rows(rows: object, expected: list[tuple[str, object]]) -> None:
    with pytest.raises(InvalidInputError) as info:
        Steps(rows)  # type: ignore[arg-type]
    assert info.value.owner == "Steps"
    assert [(p.path, p.value) for p in info.value.problems] == expected


def test_spouse_steps_check_both_columns() -> None:
    with pytest.raises(InvalidInputError) as info:
        SpouseSteps(((0, 0, 0), (1, -1, 5), (2, 5, -2)))
    assert [(p.path, p.value) for p in info.value.problems] == [
        ("rows[1][1]", -1),
        ("rows[2][2]", -2),
    ]


@pytest.mark.parametrize(
    "value", [{0, 1, 6}, {-1}, {True}, {"1"}, [0, 1, 2, 3], frozenset({0.0, 1})]
)
def test_skilled_teers_are_teers_0_to_5(value: object) -> None:
    assert refused("experience.skilled_teers", value) == [("value", value)]


def test_skilled_teers_accept_a_set_of_ints() -> None:
    r = RULES.replace("experience.skilled_teers", {0, 1, 2}, reform="no TEER 3")
    assert r.skilled_teers.value == frozenset({Teer.TEER_0, Teer.TEER_1, Teer.TEER_2})
    assert all(type(t) is Teer for t in r.skilled_teers.value)


@pytest.mark.parametrize(
    ("rule_id", "value"),
    [
        ("experience.weekly_hours_cap", 0),
        ("experience.weekly_hours_cap", -30),
        ("experience.weekly_hours_cap", 169),
        ("experience.hours_per_year", 0),
        ("experience.hours_per_year", 8_785),
        ("experience.crs_window_years", 0),
        ("experience.crs_window_years", 201),
        ("experience.crs_window_years", True),
    ],
)
def test_amounts_where_zero_is_meaningless(rule_id: str, value: object) -> None:
    assert refused(rule_id, value) == [("value", value)]


@pytest.mark.parametrize(
    ("rule_id", "value"),
    [
        ("experience.weekly_hours_cap", 168),
        ("experience.hours_per_year", 1),
        ("experience.crs_window_years", 200),
        ("crs.additional.cap", 0),
        ("crs.transferability.group_cap", 0),
    ],
)
def test_amounts_at_their_limits_are_accepted(rule_id: str, value: int) -> None:
    r = RULES.replace(rule_id, value, reform="edge")
    assert r.entry(rule_id).value == value
    assert score(example_profile(), as_of=AS_OF, rules=r).total >= 0


@pytest.mark.parametrize(
    "rule_id",
    [
        "experience.skilled_teers",
        "experience.weekly_hours_cap",
        "experience.hours_per_year",
        "experience.crs_window_years",
    ],
)
def test_zero_refuses_a_rule_without_points(rule_id: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        RULES.zero(rule_id, reform="x")
    assert [(p.path, p.value) for p in info.value.problems] == [("rule_id", rule_id)]


def test_reform_and_source_and_rule_id_are_checked() -> None:
    with pytest.raises(InvalidInputError) as info:
        RULES.replace("crs.additional.sibling", 10, reform=None, source="IRCC")  # type: ignore[arg-type]
    assert [p.path for p in info.value.problems] == ["reform", "source"]
    with pytest.raises(InvalidInputError) as info:
        RULES.replace(["crs.additional.sibling"], 10, reform="x")  # type: ignore[arg-type]
    assert [p.path for p in info.value.problems] == ["rule_id"]


def test_a_valid_replacement_still_scores() -> None:
    r = RULES.replace("crs.additional.sibling", 30, reform="double sibling")
    assert score(example_profile(), as_of=AS_OF, rules=r).total == 574  # no sibling in it
    assert r.additional_sibling.value == 30


def test_a_total_that_is_not_the_sum_of_the_lines_is_an_internal_error() -> None:
    b = score(example_profile(), as_of=AS_OF)
    with pytest.raises(InternalError, match=r"total 575 is not the sum of its lines \(574\)"):
        CrsBreakdown(
            as_of=b.as_of,
            edition=b.edition,
            with_spouse=b.with_spouse,
            lines=b.lines,
            total=b.total + 1,
            rules_reviewed_on=b.rules_reviewed_on,
        )
    assert not issubclass(InternalError, InvalidInputError)
