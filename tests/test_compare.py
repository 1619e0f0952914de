"""Scenarios side by side: :func:`expressentry.compare` and ``expressentry compare``.

The expected points are worked by hand from IRCC's tables, not read from the
library's rule modules:

- CRS criteria, https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/check-score/crs-criteria.html
  (read 2026-11-22). First official language, per ability, with a spouse: CLB 8
  22, CLB 9 29, CLB 10 or more 32. Skill transferability, "two or more
  post-secondary credentials, at least one of three years or longer" with
  official language proficiency: CLB 7 or more in all four with one or more
  under CLB 9, 25; CLB 9 or more in all four, 50. Foreign work experience of
  3 years or more with CLB 7+ (one under 9) 25, with CLB 9+ in all four 50.
  Each group is capped at 50. Additional points: NCLC 7 or more in all four
  French abilities and CLB 5 or more in English, 50. Age with a spouse: 32 is
  85, 33 is 80. Canadian work experience with a spouse: 3 years 56, 4 years 63.
- Language test equivalency, IELTS General Training,
  https://www.canada.ca/en/immigration-refugees-citizenship/corporate/publications-manuals/operational-bulletins-manuals/standard-requirements/language-requirements/test-equivalency-charts.html
  (read 2026-11-22): writing 6.5 is CLB 8, 7.0 is CLB 9, 7.5 is CLB 10.

The example profile (IELTS 8.5 / 7.5 / 8.0 / 7.0, so CLB 10 / 10 / 10 / 9, a
master's and a bachelor's-level spouse, 4 years of foreign and 3 of Canadian
work on 2026-11-22) scores 574: its lines are worked by hand in
``test_worked_examples``.

Kind: worked examples (by hand), properties (columns agree with ``score``; a
scenario compared with itself differs nowhere; rows add up to totals) and
user-facing behaviour (errors, the command line).
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings

import expressentry as ee
from expressentry import (
    Candidate,
    Comparison,
    CrsSection,
    InvalidInputError,
    Program,
    Scenario,
    compare,
    rules_for,
    score,
)
from expressentry.__main__ import main
from tests.strategies import dated_candidates

DAY = date(2026, 11, 22)
PROFILE = ee.example_profile()
TODAY = rules_for(as_of=DAY)


def _writing(band: float) -> Candidate:
    """The example profile with IELTS writing ``band`` instead of 7.0."""
    ielts = attrs.evolve(PROFILE.languages[0], writing=band)
    return attrs.evolve(PROFILE, languages=(ielts, *PROFILE.languages[1:]))


def _differing(found: Comparison) -> dict[str, tuple[int, ...]]:
    return {row.factor: row.points for row in found.differing}


# -- hand-worked pairs -----------------------------------------------------------


def test_writing_raised_to_clb_10_adds_3_points_on_one_line() -> None:
    found = compare(PROFILE, _writing(7.5), as_of=DAY)
    # CLB 9 -> CLB 10 in writing, with a spouse: 29 -> 32. Transferability already
    # had CLB 9+ in all four abilities, and the French bonus needs only CLB 5.
    assert _differing(found) == {"first_language.writing": (29, 32)}
    assert found.totals == (574, 577)
    assert [s.section for s in found.subtotals if s.differs] == [CrsSection.CORE]
    assert found.subtotals[0].points == (404, 407)
    assert found.names == ("A", "B")
    row = found.differing[0]
    assert row.reasons == (
        "First official language: CLB 9 in writing, with accompanying spouse",
        "First official language: CLB 10 in writing, with accompanying spouse",
    )


def test_writing_lowered_to_clb_8_moves_the_transferability_caps() -> None:
    found = compare(PROFILE, _writing(6.5), as_of=DAY)
    # CLB 8 in writing, with a spouse: 22 (was 29). No longer CLB 9+ in all four:
    # the language columns of transferability drop from 50 to 25; each group of
    # two still reaches 75 (25 + 50), so each cap line takes 25 instead of 50 and
    # the section stays at 100.
    assert _differing(found) == {
        "first_language.writing": (29, 22),
        "transferability.education_language": (50, 25),
        "transferability.group_cap.education": (-50, -25),
        "transferability.foreign_language": (50, 25),
        "transferability.group_cap.foreign_experience": (-50, -25),
    }
    assert found.totals == (574, 567)
    subtotals = {s.section: s.points for s in found.subtotals}
    assert subtotals == {
        CrsSection.CORE: (404, 397),
        CrsSection.SPOUSE: (20, 20),
        CrsSection.TRANSFERABILITY: (100, 100),
        CrsSection.ADDITIONAL: (50, 50),
    }
    # CLB 7 in every ability still meets FSW's and CEC's minimums.
    assert [c.eligible_programs for c in found.columns] == [(Program.FSW, Program.CEC)] * 2


def test_a_later_day_ages_the_profile_and_adds_a_year_of_canadian_work() -> None:
    later = Scenario(PROFILE, as_of=date(2027, 3, 15), name="birthday")
    found = compare(PROFILE, later, as_of=DAY)
    # Born 1994-03-15: 32 on 2026-11-22 (85), 33 on 2027-03-15 (80). Canadian work
    # from 2023-03-01: 3 full years (56), then 4 (63).
    rows = {row.factor: row.points for row in found.rows}
    assert rows["age"] == (85, 80)
    assert rows["canadian_experience"] == (56, 63)
    assert [c.as_of for c in found.columns] == [DAY, date(2027, 3, 15)]
    assert found.names == ("A", "birthday")


# -- rule sets side by side ------------------------------------------------------


def test_a_reform_without_the_french_bonus_side_by_side() -> None:
    no_french = TODAY.zero("crs.additional.french", reform="no French bonus")
    found = compare(Scenario(PROFILE), Scenario(PROFILE, rules=no_french, name="reform"), as_of=DAY)
    assert _differing(found) == {"additional.french": (50, 0)}
    assert found.totals == (574, 524)
    assert found.columns[1].edition == "rules in force from 2025-03-25, reform: no French bonus"
    today_rule, reform_rule = found.differing[0].rules
    assert today_rule is not None
    assert reform_rule is not None
    # The bonus took effect on 2020-10-20; the reform's entry is its own, dated
    # with the rule set it was derived from.
    assert (today_rule.effective_from, reform_rule.effective_from) == (
        date(2020, 10, 20),
        date(2025, 3, 25),
    )


def test_raised_transferability_levels_change_lines_but_not_the_total() -> None:
    # Transferability's columns at CLB 8 and 10 (docs/reforms.md): CLB 10/10/10/9
    # earns the lower column, 25 for both language pairs, and the caps take 25.
    raised = TODAY.replace(
        "crs.transferability.language_levels", (8, 10), reform="transferability at CLB 8 and 10"
    )
    found = compare(PROFILE, Scenario(PROFILE, rules=raised), PROFILE, rules=None, as_of=DAY)
    assert found.totals == (574, 574, 574)
    assert _differing(found) == {
        "transferability.education_language": (50, 25, 50),
        "transferability.group_cap.education": (-50, -25, -50),
        "transferability.foreign_language": (50, 25, 50),
        "transferability.group_cap.foreign_experience": (-50, -25, -50),
    }
    assert not any(s.differs for s in found.subtotals)
    text = found.explain()
    assert "* Total" not in text
    assert "*   transferability.foreign_language" in text


def test_rules_given_to_compare_apply_to_scenarios_without_their_own() -> None:
    no_french = TODAY.zero("crs.additional.french", reform="no French bonus")
    found = compare(PROFILE, Scenario(PROFILE, rules=TODAY), rules=no_french, as_of=DAY)
    assert found.totals == (524, 574)


def test_four_scenarios_and_a_profile_without_a_spouse() -> None:
    single = attrs.evolve(PROFILE, marital_status=ee.MaritalStatus.NEVER_MARRIED, spouse=None)
    found = compare(PROFILE, single, _writing(7.5), _writing(6.5), as_of=DAY)
    assert found.names == ("A", "B", "C", "D")
    spouse_rows = [row for row in found.rows if row.section is CrsSection.SPOUSE]
    assert spouse_rows
    # No spouse: no spouse lines, counted 0, and no reason.
    assert all(row.points[1] == 0 and row.reasons[1] is None for row in spouse_rows)
    assert "B: no such line" in found.explain()


# -- properties ------------------------------------------------------------------


@settings(max_examples=25)
@given(dated_candidates(), dated_candidates())
def test_columns_agree_with_score_and_rows_add_up(
    first: tuple[date, Candidate], second: tuple[date, Candidate]
) -> None:
    (day_a, a), (day_b, b) = first, second
    found = compare(Scenario(a, as_of=day_a), Scenario(b, as_of=day_b))
    assert found.totals == (score(a, as_of=day_a).total, score(b, as_of=day_b).total)
    for i, column in enumerate(found.columns):
        assert sum(row.points[i] for row in found.rows) == column.total
        for sub in found.subtotals:
            in_section = [row.points[i] for row in found.rows if row.section is sub.section]
            assert sum(in_section) == sub.points[i] == column.breakdown.subtotal(sub.section)
    keys = [(row.section, row.factor) for row in found.rows]
    assert len(keys) == len(set(keys))
    sections = list(CrsSection)
    for column in found.columns:  # each breakdown's lines have their rows, in its order
        mine = dict.fromkeys((ln.section, ln.factor) for ln in column.breakdown.lines)
        by_section = sorted(mine, key=lambda key: sections.index(key[0]))  # as explain() shows
        assert [k for k in keys if k in mine] == by_section


@settings(max_examples=25)
@given(dated_candidates())
def test_a_scenario_compared_with_itself_differs_nowhere(case: tuple[date, Candidate]) -> None:
    day, candidate = case
    found = compare(candidate, candidate, candidate, as_of=day)
    assert found.differing == ()
    assert not any(s.differs for s in found.subtotals)
    assert "*" not in found.explain().split("marked *.")[1]


# -- results ---------------------------------------------------------------------


def test_the_json_form_is_plain_and_stable() -> None:
    found = compare(PROFILE, _writing(7.5), as_of=DAY)
    data = found.as_dict()
    assert json.loads(json.dumps(data)) == data
    assert list(data) == [
        "format",
        "columns",
        "rows",
        "subtotals",
        "totals",
        "differing",
        "caveats",
    ]
    assert data["totals"] == [574, 577]
    assert data["differing"] == 1
    writing = next(r for r in data["rows"] if r["factor"] == "first_language.writing")
    assert writing["points"] == [29, 32]
    assert writing["differs"] is True
    assert writing["rules"] == ["crs.core.first_language@2015-01-01"] * 2
    assert data["columns"][0]["subtotals"] == {
        "core": 404,
        "spouse": 20,
        "transferability": 100,
        "additional": 50,
    }
    assert data["columns"][0]["eligible_programs"] == ["fsw", "cec"]
    assert compare(PROFILE, _writing(7.5), as_of=DAY).as_dict() == data


def test_reprs_are_short_and_say_what_differs() -> None:
    found = compare(PROFILE, _writing(7.5), as_of=DAY)
    assert repr(found) == "Comparison(A 574, B 577 on 2026-11-22: 1 of 25 lines differ)"
    assert repr(found.differing[0]) == (
        "ComparisonRow(core, 'first_language.writing', 29 | 32, differs)"
    )
    assert repr(found.subtotals[1]) == "ComparisonSubtotal(spouse, 20 | 20)"
    assert repr(found.columns[0]) == (
        "ComparisonColumn(A: 574 on 2026-11-22, rules in force from 2025-03-25; programs: fsw, cec)"
    )
    assert repr(Scenario(PROFILE, name="x" * 300)).startswith("Scenario('xxx")
    shown = [found, *found.columns, *found.rows, *found.subtotals, Scenario(PROFILE)]
    assert all(len(repr(r)) < 200 for r in shown)
    assert str(found) == found.explain()


def test_the_text_marks_differing_rows_and_gives_each_reason() -> None:
    text = compare(PROFILE, _writing(6.5), as_of=DAY).explain()
    lines = text.splitlines()
    marked = [ln.split()[1] for ln in lines if ln.startswith("*")]
    assert marked == [
        "A.",  # A. Core / human capital
        "first_language.writing",
        "transferability.education_language",
        "transferability.group_cap.education",
        "transferability.foreign_language",
        "transferability.group_cap.foreign_experience",
        "Total",
    ]
    assert "      B: First official language: CLB 8 in writing" in text
    assert lines[-2:] == [
        "  Eligible programs, all: fsw, cec",
        "  Eligible categories, all: french",
    ]


def test_a_day_after_the_review_is_a_caveat() -> None:
    found = compare(PROFILE, Scenario(PROFILE, as_of=date(2030, 1, 1)), as_of=DAY)
    assert len(found.caveats) == 1
    assert "for 2030-01-01" in found.caveats[0]
    assert found.explain().endswith(found.caveats[0])
    assert found.as_dict()["caveats"] == list(found.caveats)


# -- bad input -------------------------------------------------------------------


def _problems(error: pytest.ExceptionInfo[InvalidInputError]) -> list[tuple[str, str]]:
    return [(p.path, p.message) for p in error.value.problems]


@pytest.mark.parametrize("count", [0, 1, 5])
def test_two_to_four_scenarios(count: int) -> None:
    with pytest.raises(InvalidInputError) as error:
        compare(*[PROFILE] * count, as_of=DAY)
    assert error.value.owner == "compare"
    assert _problems(error) == [
        (
            "scenarios",
            f"must be 2 to 4 profiles or scenarios to compare side by side, not {count}",
        )
    ]


def test_a_list_is_refused_with_how_to_pass_it() -> None:
    with pytest.raises(InvalidInputError, match=r"compare\(\*profiles\)"):
        compare([PROFILE, PROFILE], as_of=DAY)  # type: ignore[arg-type]


def test_a_wrong_item_is_named_as_the_user_counts() -> None:
    with pytest.raises(InvalidInputError) as error:
        compare(PROFILE, PROFILE, "profile.json", TODAY, as_of=DAY)  # type: ignore[arg-type]
    assert _problems(error) == [
        ("scenario 3", "must be a Candidate or a Scenario"),
        (
            "scenario 4",
            "must be a Candidate or a Scenario; to compare rule sets, "
            "pass Scenario(candidate, rules=...)",
        ),
    ]


def test_two_columns_of_one_name_are_refused() -> None:
    with pytest.raises(InvalidInputError) as error:
        compare(Scenario(PROFILE, name="B"), PROFILE, as_of=DAY)
    assert _problems(error) == [
        ("scenario 2.name", "is the name of scenario 1 too: each column needs its own")
    ]


def test_the_day_and_rules_are_checked() -> None:
    with pytest.raises(InvalidInputError, match="as_of: must be a date, not a datetime"):
        compare(PROFILE, PROFILE, as_of=datetime(2026, 11, 22))  # noqa: DTZ001
    with pytest.raises(InvalidInputError, match="rules: must be a RuleSet"):
        compare(PROFILE, PROFILE, as_of=DAY, rules="2025")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("candidate", "profile.json", "must be a Candidate (a profile)"),
        ("rules", "reform", "must be a RuleSet (see rules_for) or None"),
        ("as_of", "2026-11-22", "must be a date (datetime.date), not a string"),
        ("name", "", "must be a non-empty name on one line (a string) or None"),
        ("name", "two\nlines", "must be a non-empty name on one line (a string) or None"),
    ],
)
def test_a_scenario_checks_its_fields(field: str, value: object, message: str) -> None:
    kwargs: dict[str, object] = {"candidate": PROFILE, field: value}
    with pytest.raises(InvalidInputError) as error:
        Scenario(**kwargs)  # type: ignore[arg-type]
    assert error.value.owner == "Scenario"
    assert error.value.problems[0].path == field
    assert error.value.problems[0].message.startswith(message)


def test_a_profile_invalid_on_its_day_names_the_scenario() -> None:
    early = Scenario(PROFILE, as_of=date(2025, 3, 24))  # before its tests were taken
    with pytest.raises(InvalidInputError) as error:
        compare(PROFILE, early, as_of=DAY)
    assert error.value.owner == "scenario 2 of the comparison (Candidate)"
    assert error.value.problems[0].path == "languages[0].test_date"


def test_a_day_without_rules_is_refused() -> None:
    with pytest.raises(ee.RulesNotInForceError):
        compare(PROFILE, PROFILE, as_of=date(2014, 12, 31))


# -- command line ----------------------------------------------------------------


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    now = tmp_path / "now.json"
    retook = tmp_path / "retook.json"
    now.write_text(ee.to_json(PROFILE))
    retook.write_text(ee.to_json(_writing(7.5)))
    return now, retook


def test_cli_text(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    now, retook = files
    assert main(["compare", str(now), str(retook), "--as-of", "2026-11-22"]) == 0
    out = capsys.readouterr().out
    assert "  now: 2026-11-22, rules in force from 2025-03-25" in out
    total = next(ln for ln in out.splitlines() if ln.startswith("* Total"))
    assert total.split() == ["*", "Total", "574", "577"]
    assert "*   first_language.writing" in out


def test_cli_json(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    now, retook = files
    argv = ["compare", str(now), str(retook), str(now), "--as-of", "2026-11-22"]
    assert main([*argv, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["totals"] == [574, 577, 574]
    # Two files of one name: the columns are lettered instead.
    assert [c["name"] for c in data["columns"]] == ["A", "B", "C"]


def test_cli_bad_file_is_named(
    files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    now, _ = files
    bad = tmp_path / "bad.json"
    bad.write_text("{}")
    assert main(["compare", str(now), str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"expressentry: invalid profile in {bad}:\n")
    assert "$.date_of_birth: required field missing" in err
    assert "Traceback" not in err


def test_cli_profile_invalid_on_the_day_names_its_file(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    now, retook = files
    assert main(["compare", str(now), str(retook), "--as-of", "2025-03-24"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"expressentry: invalid profile in {now}:\n")
    assert (
        '  $.languages[0].test_date: is after the day assessed (2025-03-24) (got "2025-09-20")'
        in err
    )


@pytest.mark.parametrize("count", [1, 5])
def test_cli_two_to_four_files(
    files: tuple[Path, Path], count: int, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["compare", *[str(files[0])] * count]) == 2
    assert capsys.readouterr().err == (
        f"expressentry: compare takes 2 to 4 profile files, not {count}\n"
    )


def test_cli_missing_file(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(files[0]), "nope.json"]) == 2
    assert "cannot read nope.json" in capsys.readouterr().err
