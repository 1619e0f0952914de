"""Hygiene of the shipped rule data, and the rule-set machinery.

Kinds: property (every entry cites an official host; lookups on both sides of every
change), table check (the editions: the days CRS rules changed, from the dated
Ministerial Instructions,
https://www.canada.ca/en/immigration-refugees-citizenship/corporate/mandate/policies-operational-instructions-agreements/ministerial-instructions/express-entry-application-management-system.html,
read 2026-11-22) and hand-worked examples (reforms applied to the example profile,
whose 574 is worked out in ``test_worked_examples``).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from expressentry import (
    AddedFactor,
    CrsSection,
    DataError,
    InvalidInputError,
    RulesNotInForceError,
    Source,
    example_profile,
    rules_for,
    score,
)
from expressentry.rules import TIMELINES, Dated, Timeline
from expressentry.rules._tables import SpouseSteps, Steps, zeroed

OFFICIAL_HOSTS = (
    "https://www.canada.ca/",
    "http://www.gazette.gc.ca/",
    "https://laws-lois.justice.gc.ca/",
    "http://www.cic.gc.ca/",  # the department's site before canada.ca
)


@pytest.mark.parametrize("timeline", TIMELINES, ids=lambda t: t.rule_id)
def test_every_entry_cites_an_official_source(timeline: Timeline[object]) -> None:
    assert timeline.title
    for entry in timeline.entries:
        assert entry.source.url.startswith(OFFICIAL_HOSTS), entry.source
        assert entry.source.title
        assert entry.note


def test_rule_ids_are_unique() -> None:
    ids = [t.rule_id for t in TIMELINES]
    assert len(ids) == len(set(ids))


def test_timelines_refuse_unordered_or_empty_entries() -> None:
    src = Source("s", "S", "https://www.canada.ca/", date(2026, 1, 1))
    with pytest.raises(DataError):
        Timeline("x", ())
    with pytest.raises(DataError):
        Timeline("x", (Dated(date(2020, 1, 1), 1, src), Dated(date(2019, 1, 1), 2, src)))


def test_timeline_lookup_on_each_side_of_every_change() -> None:
    for timeline in TIMELINES:
        for before, after in zip(timeline.entries, timeline.entries[1:], strict=False):
            day = after.effective_from
            assert timeline.at(day - timedelta(days=1)) is before
            assert timeline.at(day) is after


def test_no_rules_before_express_entry() -> None:
    with pytest.raises(RulesNotInForceError) as info:
        rules_for(as_of=date(2014, 12, 31))
    assert isinstance(info.value, LookupError)
    assert "2014-12-31" in str(info.value)
    assert info.value.first == date(2015, 1, 1)


@pytest.mark.parametrize(
    ("as_of", "in_force_from"),
    [
        (date(2015, 1, 1), date(2015, 1, 1)),
        (date(2016, 11, 18), date(2015, 1, 1)),
        (date(2016, 11, 19), date(2016, 11, 19)),
        (date(2017, 6, 6), date(2017, 6, 6)),
        (date(2020, 10, 19), date(2017, 6, 6)),
        (date(2020, 10, 20), date(2020, 10, 20)),
        (date(2022, 11, 16), date(2022, 11, 16)),
        (date(2025, 3, 24), date(2022, 11, 16)),
        (date(2025, 3, 25), date(2025, 3, 25)),
        (date(2026, 11, 22), date(2025, 3, 25)),
    ],
)
def test_editions(as_of: date, in_force_from: date) -> None:
    rules = rules_for(as_of=as_of)
    assert rules.in_force_from == in_force_from
    assert rules.edition == f"rules in force from {in_force_from.isoformat()}"


def test_rules_are_resolved_once_per_change_point() -> None:
    assert rules_for(as_of=date(2026, 3, 1)) is rules_for(as_of=date(2026, 11, 22))


def test_steps_must_start_at_zero_and_ascend() -> None:
    with pytest.raises(InvalidInputError) as info:
        Steps(((1, 5),))
    assert [(p.path, p.value) for p in info.value.problems] == [("rows[0][0]", 1)]
    with pytest.raises(InvalidInputError) as info:
        SpouseSteps(((0, 0, 0), (5, 1, 1), (5, 2, 2)))
    assert [(p.path, p.value) for p in info.value.problems] == [("rows[2][0]", 5)]


def test_zeroed_keeps_thresholds() -> None:
    assert zeroed(Steps(((0, 0), (5, 1), (9, 6)))).rows == ((0, 0), (5, 0), (9, 0))
    assert zeroed({"a": (1, 2)}) == {"a": (0, 0)}
    with pytest.raises(DataError):
        zeroed(frozenset({1}))
    with pytest.raises(DataError):
        zeroed(True)


def test_reform_zero_a_factor() -> None:
    today = rules_for(as_of=date(2026, 11, 22))
    proposal = today.zero("crs.additional.french", reform="no French points")
    c = example_profile()
    assert score(c, as_of=date(2026, 11, 22)).total == 574
    reformed = score(c, as_of=date(2026, 11, 22), rules=proposal)
    assert reformed.total == 524
    assert reformed.edition == "rules in force from 2025-03-25, reform: no French points"
    french = next(line for line in reformed.lines if line.factor == "additional.french")
    assert french.points == 0
    original = today.additional_french.value
    assert original[next(iter(original))] == 25  # the original is untouched


def test_reform_replace_a_table() -> None:
    today = rules_for(as_of=date(2026, 11, 22))
    proposal = today.replace(
        "crs.core.canadian_experience",
        SpouseSteps(((0, 0, 0), (1, 50, 55), (2, 60, 66), (3, 70, 77), (4, 80, 88), (5, 90, 99))),
        reform="more for Canadian work",
    )
    b = score(example_profile(), as_of=date(2026, 11, 22), rules=proposal)
    line = next(ln for ln in b.lines if ln.factor == "canadian_experience")
    assert line.points == 70  # 3 years, with spouse
    assert b.total == 574 - 56 + 70


def test_reform_replace_refuses_the_wrong_shape() -> None:
    today = rules_for(as_of=date(2026, 11, 22))
    with pytest.raises(InvalidInputError):
        today.replace("crs.additional.sibling", "fifteen", reform="x")
    with pytest.raises(InvalidInputError):
        today.replace("crs.additional.french", {"only_one": 1}, reform="x")
    with pytest.raises(InvalidInputError) as info:
        today.replace("crs.no_such_rule", 1, reform="x")
    assert info.value.problems[0].value == "crs.no_such_rule"


def test_reform_add_a_factor() -> None:
    proposal_source = Source(
        "ircc-2026-consultation",
        "IRCC consultation on Express Entry (2026): high-wage occupation factor (proposal)",
        "https://www.canada.ca/",
        date(2026, 11, 22),
    )

    def high_wage(candidate: object, as_of: date) -> tuple[int, str]:
        return 40, "High-wage occupation (proposal): 40"

    factor = AddedFactor(
        rule_id="reform.high_wage",
        section=CrsSection.ADDITIONAL,
        title="High-wage occupation",
        points=high_wage,
        source=proposal_source,
    )
    proposal = rules_for(as_of=date(2026, 11, 22)).add_factor(factor, reform="high-wage factor")
    b = score(example_profile(), as_of=date(2026, 11, 22), rules=proposal)
    assert b.total == 614
    line = next(ln for ln in b.lines if ln.factor == "reform.high_wage")
    assert (line.points, line.rule.source.id) == (40, "ircc-2026-consultation")
