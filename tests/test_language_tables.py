"""Every row of every language equivalency chart, against the research notes.

Expected values are copied by hand from IRCC's "Language test equivalency charts"
(https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/documents/language-requirements/language-testing.html),
read 2026-11-22, never read from the code, so a typo in
:mod:`expressentry.rules.language_tables` fails here.

Kind: table check (lowest and highest score of every row, just below every chart,
both sides of every chart change), with errors for scores off the scale.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import pytest

from expressentry import (
    Ability,
    Candidate,
    Education,
    EducationLevel,
    InvalidInputError,
    LanguageResult,
    LanguageTest,
    score,
)

R, W, L, S = Ability.READING, Ability.WRITING, Ability.LISTENING, Ability.SPEAKING
COLUMNS = (R, W, L, S)
"""Column order of every chart in the notes: reading, writing, listening, speaking."""

IELTS, CELPIP, PTE = LanguageTest.IELTS_GENERAL, LanguageTest.CELPIP_GENERAL, LanguageTest.PTE_CORE
TEF, TCF = LanguageTest.TEF_CANADA, LanguageTest.TCF_CANADA

Range = tuple[float, float]
RangeRow = tuple[int, Range, Range, Range, Range]

# --- The charts, copied from crs_rules.md section 6 -------------------------------

IELTS_MINIMA: tuple[tuple[int, float, float, float, float], ...] = (
    #  CLB  reading writing listening speaking   (minimum band)
    (10, 8.0, 7.5, 8.5, 7.5),
    (9, 7.0, 7.0, 8.0, 7.0),
    (8, 6.5, 6.5, 7.5, 6.5),
    (7, 6.0, 6.0, 6.0, 6.0),
    (6, 5.0, 5.5, 5.5, 5.5),
    (5, 4.0, 5.0, 5.0, 5.0),
    (4, 3.5, 4.0, 4.5, 4.0),
)
IELTS_TOP = 9.0
IELTS_STEP = 0.5

CELPIP_ROWS: tuple[RangeRow, ...] = (
    # "CELPIP level = CLB for levels 4-9, and CELPIP 10, 11 or 12 = CLB 10."
    (10, (10, 12), (10, 12), (10, 12), (10, 12)),
    (9, (9, 9), (9, 9), (9, 9), (9, 9)),
    (8, (8, 8), (8, 8), (8, 8), (8, 8)),
    (7, (7, 7), (7, 7), (7, 7), (7, 7)),
    (6, (6, 6), (6, 6), (6, 6), (6, 6)),
    (5, (5, 5), (5, 5), (5, 5), (5, 5)),
    (4, (4, 4), (4, 4), (4, 4), (4, 4)),
)

PTE_CORE_ROWS: tuple[RangeRow, ...] = (
    #  CLB  reading    writing    listening  speaking
    (10, (88, 90), (90, 90), (89, 90), (89, 90)),
    (9, (78, 87), (88, 89), (82, 88), (84, 88)),
    (8, (69, 77), (79, 87), (71, 81), (76, 83)),
    (7, (60, 68), (69, 78), (60, 70), (68, 75)),
    (6, (51, 59), (60, 68), (50, 59), (59, 67)),
    (5, (42, 50), (51, 59), (39, 49), (51, 58)),
    (4, (33, 41), (41, 50), (28, 38), (42, 50)),
    (3, (24, 32), (32, 40), (18, 27), (34, 41)),
)

TEF_FROM_2023_12_11: tuple[RangeRow, ...] = (
    # (a) tests taken after 2023-12-10
    #  NCLC reading      writing      listening    speaking
    (10, (546, 699), (558, 699), (546, 699), (556, 699)),
    (9, (503, 545), (512, 557), (503, 545), (518, 555)),
    (8, (462, 502), (472, 511), (462, 502), (494, 517)),
    (7, (434, 461), (428, 471), (434, 461), (456, 493)),
    (6, (393, 433), (379, 427), (393, 433), (422, 455)),
    (5, (352, 392), (330, 378), (352, 392), (387, 421)),
    (4, (306, 351), (268, 329), (306, 351), (328, 386)),
)

TEF_2019_10_01_TO_2023_12_10: tuple[tuple[int, Range], ...] = (
    # (b) the same ranges for all four abilities
    (10, (566, 699)),
    (9, (533, 565)),
    (8, (500, 532)),
    (7, (450, 499)),
    (6, (400, 449)),
    (5, (350, 399)),
    (4, (300, 349)),
)

TEF_BEFORE_2019_10_01: tuple[RangeRow, ...] = (
    # (c) old scale: reading /300, listening /360, writing and speaking /450
    #  NCLC reading      writing      listening    speaking
    (10, (263, 300), (393, 450), (316, 360), (393, 450)),
    (9, (248, 262), (371, 392), (298, 315), (371, 392)),
    (8, (233, 247), (349, 370), (280, 297), (349, 370)),
    (7, (207, 232), (310, 348), (249, 279), (310, 348)),
    (6, (181, 206), (271, 309), (217, 248), (271, 309)),
    (5, (151, 180), (226, 270), (181, 216), (226, 270)),
    (4, (121, 150), (181, 225), (145, 180), (181, 225)),
)

TCF_ROWS: tuple[RangeRow, ...] = (
    #  NCLC reading      writing   listening    speaking
    (10, (549, 699), (16, 20), (549, 699), (16, 20)),
    (9, (524, 548), (14, 15), (523, 548), (14, 15)),
    (8, (499, 523), (12, 13), (503, 522), (12, 13)),
    (7, (453, 498), (10, 11), (458, 502), (10, 11)),
    (6, (406, 452), (7, 9), (398, 457), (7, 9)),
    (5, (375, 405), (6, 6), (369, 397), (6, 6)),
    (4, (342, 374), (4, 5), (331, 368), (4, 5)),
)


def _ielts_rows() -> tuple[RangeRow, ...]:
    """IELTS printed as minimum bands: a row runs from its minimum to half a band
    under the next row's minimum (the top row to 9.0)."""
    rows: list[RangeRow] = []
    above: tuple[float, float, float, float] | None = None
    for level, r, w, li, s in IELTS_MINIMA:
        minima = (r, w, li, s)
        highs = (IELTS_TOP,) * 4 if above is None else tuple(m - IELTS_STEP for m in above)
        ranges = tuple((lo, hi) for lo, hi in zip(minima, highs, strict=True))
        rows.append((level, ranges[0], ranges[1], ranges[2], ranges[3]))
        above = minima
    return tuple(rows)


def _same_for_all(rows: tuple[tuple[int, Range], ...]) -> tuple[RangeRow, ...]:
    return tuple((level, rng, rng, rng, rng) for level, rng in rows)


# (label, test, a test date that picks the chart, rows)
CHARTS: tuple[tuple[str, LanguageTest, date, tuple[RangeRow, ...]], ...] = (
    ("ielts", IELTS, date(2015, 1, 2), _ielts_rows()),
    ("celpip", CELPIP, date(2015, 1, 2), CELPIP_ROWS),
    ("pte_core", PTE, date(2024, 1, 30), PTE_CORE_ROWS),
    ("tef_old_2019-09-30", TEF, date(2019, 9, 30), TEF_BEFORE_2019_10_01),
    ("tef_old_2015-01-02", TEF, date(2015, 1, 2), TEF_BEFORE_2019_10_01),
    ("tef_2019-10-01", TEF, date(2019, 10, 1), _same_for_all(TEF_2019_10_01_TO_2023_12_10)),
    ("tef_2023-12-10", TEF, date(2023, 12, 10), _same_for_all(TEF_2019_10_01_TO_2023_12_10)),
    ("tef_2023-12-11", TEF, date(2023, 12, 11), TEF_FROM_2023_12_11),
    ("tcf_2018-11-10", TCF, date(2018, 11, 10), TCF_ROWS),
    ("tcf_2025-06-01", TCF, date(2025, 6, 1), TCF_ROWS),
)

# A score valid on each scale for the abilities not under test.
FILLER: Mapping[LanguageTest, Mapping[Ability, float]] = {
    IELTS: dict.fromkeys(COLUMNS, 0.0),
    CELPIP: dict.fromkeys(COLUMNS, 0.0),
    PTE: dict.fromkeys(COLUMNS, 10.0),
    TEF: dict.fromkeys(COLUMNS, 0.0),
    TCF: {R: 100.0, W: 0.0, L: 100.0, S: 0.0},
}

# Just under the lowest row of each chart: below the chart, level 0.
BELOW_CHART: tuple[tuple[str, LanguageTest, date, Mapping[Ability, float]], ...] = (
    ("ielts", IELTS, date(2015, 1, 2), {R: 3.0, W: 3.5, L: 4.0, S: 3.5}),
    ("celpip", CELPIP, date(2015, 1, 2), {R: 3, W: 3, L: 3, S: 3}),
    ("pte_core", PTE, date(2024, 1, 30), {R: 23, W: 31, L: 17, S: 33}),
    ("tef_old", TEF, date(2019, 9, 30), {R: 120, W: 180, L: 144, S: 180}),
    ("tef_2019", TEF, date(2019, 10, 1), {R: 299, W: 299, L: 299, S: 299}),
    ("tef_2023", TEF, date(2023, 12, 11), {R: 305, W: 267, L: 305, S: 327}),
    ("tcf", TCF, date(2018, 11, 10), {R: 341, W: 3, L: 330, S: 3}),
)


def result(test: LanguageTest, when: date, **scores: float) -> LanguageResult:
    """A result with ``scores`` and a valid filler score for every other ability."""
    base = {a.value: FILLER[test][a] for a in COLUMNS}
    base.update(scores)
    return LanguageResult(
        test=test,
        test_date=when,
        listening=base["listening"],
        speaking=base["speaking"],
        reading=base["reading"],
        writing=base["writing"],
    )


def _row_cases() -> list[object]:
    cases: list[object] = []
    for label, test, when, rows in CHARTS:
        for level, *ranges in rows:
            for ability, (low, high) in zip(COLUMNS, ranges, strict=True):
                cases.append(
                    pytest.param(
                        test, when, ability, level, (low, high), id=f"{label}-{ability}-{level}"
                    )
                )
    return cases


@pytest.mark.parametrize(("test", "when", "ability", "level", "scores"), _row_cases())
def test_lowest_and_highest_score_of_every_row(
    test: LanguageTest, when: date, ability: Ability, level: int, scores: Range
) -> None:
    low, high = scores
    assert result(test, when, **{ability.value: low}).clb(ability) == level
    assert result(test, when, **{ability.value: high}).clb(ability) == level


def _below_cases() -> list[object]:
    cases: list[object] = []
    for label, test, when, below in BELOW_CHART:
        for ability in COLUMNS:
            cases.append(pytest.param(test, when, ability, below[ability], id=f"{label}-{ability}"))
    return cases


@pytest.mark.parametrize(("test", "when", "ability", "below"), _below_cases())
def test_score_just_below_the_chart_is_level_0(
    test: LanguageTest, when: date, ability: Ability, below: float
) -> None:
    assert result(test, when, **{ability.value: below}).clb(ability) == 0


def test_every_ability_is_read_in_its_own_column() -> None:
    """IELTS 8.0 is CLB 10 in reading but CLB 9 in listening (the notes' warning)."""
    r = LanguageResult(
        test=IELTS,
        test_date=date(2015, 1, 2),
        listening=8.0,
        speaking=8.0,
        reading=8.0,
        writing=8.0,
    )
    assert r.levels == (9, 10, 10, 10)  # listening, speaking, reading, writing
    assert r.lowest == 9


# --- Which chart: the test date, on both sides of every change ----------------------


@pytest.mark.parametrize(
    ("when", "ability", "raw", "level"),
    [
        # 2019-10-01: TEF moves from the old scale (c) to table (b)
        pytest.param(date(2019, 9, 30), R, 280, 10, id="2019-09-30-reading-280"),
        pytest.param(date(2019, 10, 1), R, 280, 0, id="2019-10-01-reading-280"),
        pytest.param(date(2019, 9, 30), L, 300, 9, id="2019-09-30-listening-300"),
        pytest.param(date(2019, 10, 1), L, 300, 4, id="2019-10-01-listening-300"),
        pytest.param(date(2019, 9, 30), W, 300, 6, id="2019-09-30-writing-300"),
        pytest.param(date(2019, 10, 1), W, 300, 4, id="2019-10-01-writing-300"),
        # 2023-12-11: table (b) gives way to table (a)
        pytest.param(date(2023, 12, 10), S, 450, 7, id="2023-12-10-speaking-450"),
        pytest.param(date(2023, 12, 11), S, 450, 6, id="2023-12-11-speaking-450"),
        pytest.param(date(2023, 12, 10), L, 440, 6, id="2023-12-10-listening-440"),
        pytest.param(date(2023, 12, 11), L, 440, 7, id="2023-12-11-listening-440"),
        pytest.param(date(2023, 12, 10), W, 290, 0, id="2023-12-10-writing-290"),
        pytest.param(date(2023, 12, 11), W, 290, 4, id="2023-12-11-writing-290"),
        pytest.param(date(2023, 12, 10), R, 546, 9, id="2023-12-10-reading-546"),
        pytest.param(date(2023, 12, 11), R, 546, 10, id="2023-12-11-reading-546"),
    ],
)
def test_tef_chart_is_chosen_by_test_date(
    when: date, ability: Ability, raw: float, level: int
) -> None:
    assert result(TEF, when, **{ability.value: raw}).clb(ability) == level


def test_tef_reading_301_is_valid_on_the_new_scale_only() -> None:
    assert result(TEF, date(2019, 10, 1), reading=301).clb(R) == 4
    with pytest.raises(InvalidInputError) as info:
        result(TEF, date(2019, 9, 30), reading=301)
    assert [(p.path, p.value) for p in info.value.problems] == [("reading", 301)]


def test_pte_core_refused_before_2024_01_30() -> None:
    with pytest.raises(InvalidInputError) as info:
        result(PTE, date(2024, 1, 29), listening=90)
    assert [(p.path, p.value) for p in info.value.problems] == [("test_date", date(2024, 1, 29))]
    assert "2024-01-30" in info.value.problems[0].message


def test_pte_core_accepted_from_2024_01_30() -> None:
    assert result(PTE, date(2024, 1, 30), listening=90).clb(L) == 10


def test_tcf_canada_refused_before_2018_11_10() -> None:
    with pytest.raises(InvalidInputError) as info:
        result(TCF, date(2018, 11, 9), writing=16)
    assert [(p.path, p.value) for p in info.value.problems] == [("test_date", date(2018, 11, 9))]


def test_tcf_canada_accepted_from_2018_11_10() -> None:
    assert result(TCF, date(2018, 11, 10), writing=16).clb(W) == 10


def test_tcf_canada_has_one_chart_for_every_date() -> None:
    """No dated TCF change: the 2023-12-11 change is TEF's alone."""
    for when in (date(2019, 1, 1), date(2023, 12, 10), date(2023, 12, 11), date(2026, 11, 22)):
        r = result(TCF, when, reading=453, writing=10, listening=458, speaking=10)
        assert r.levels == (7, 7, 7, 7)


# --- Invalid raw scores: the error names the field and the value --------------------


@pytest.mark.parametrize(
    ("test", "when", "scores", "bad"),
    [
        pytest.param(
            IELTS,
            date(2025, 1, 10),
            {"listening": 9.5, "writing": 7.25},
            {("listening", 9.5), ("writing", 7.25)},
            id="ielts-9.5-and-7.25",
        ),
        pytest.param(CELPIP, date(2025, 1, 10), {"reading": 13}, {("reading", 13)}, id="celpip-13"),
        pytest.param(
            CELPIP, date(2025, 1, 10), {"speaking": 7.5}, {("speaking", 7.5)}, id="celpip-7.5"
        ),
        pytest.param(TEF, date(2023, 12, 11), {"speaking": 700}, {("speaking", 700)}, id="tef-700"),
        pytest.param(
            TEF, date(2019, 9, 30), {"reading": 301}, {("reading", 301)}, id="tef-old-reading-301"
        ),
        pytest.param(
            TEF,
            date(2019, 9, 30),
            {"listening": 361},
            {("listening", 361)},
            id="tef-old-listen-361",
        ),
        pytest.param(
            TCF, date(2025, 1, 10), {"writing": 21}, {("writing", 21)}, id="tcf-writing-21"
        ),
        pytest.param(PTE, date(2025, 1, 10), {"listening": 91}, {("listening", 91)}, id="pte-91"),
    ],
)
def test_invalid_raw_scores_name_field_and_value(
    test: LanguageTest, when: date, scores: dict[str, float], bad: set[tuple[str, float]]
) -> None:
    with pytest.raises(InvalidInputError) as info:
        result(test, when, **scores)
    assert {(p.path, p.value) for p in info.value.problems} == bad
    assert len(info.value.problems) == len(bad)


# --- Regression: a result keeps the chart of its test date when scored later --------


@pytest.mark.parametrize(
    ("when", "speaking_points"),
    [
        # speaking 450: NCLC 7 on table (b) -> 17 points single; NCLC 6 on table (a) -> 9
        pytest.param(date(2023, 12, 10), 17, id="taken-2023-12-10"),
        pytest.param(date(2023, 12, 11), 9, id="taken-2023-12-11"),
    ],
)
def test_tef_result_scored_years_later_keeps_its_test_day_chart(
    when: date, speaking_points: int
) -> None:
    """Scored on 2025-12-09, the last day both results are valid (2 years from
    2023-12-10), long after the 2023-12-11 chart came into force."""
    tef = LanguageResult(
        test=TEF, test_date=when, listening=450, speaking=450, reading=450, writing=450
    )
    candidate = Candidate(
        date_of_birth=date(1990, 1, 1),
        education=Education(level=EducationLevel.LESS_THAN_SECONDARY),
        languages=(tef,),
    )
    breakdown = score(candidate, as_of=date(2025, 12, 9))
    by_factor = {line.factor: line.points for line in breakdown.lines}
    assert by_factor["first_language.speaking"] == speaking_points
