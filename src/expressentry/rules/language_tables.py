"""Language test results to CLB/NCLC levels, by test and by test date.

The chart that applies is the one in force **on the day the test was taken**,
not the day the profile is scored: a TEF Canada result from 2019-09-30 is read on
the old scale for as long as it is valid. Rows are written as IRCC's equivalency
charts print them, highest level first, columns in IRCC's order (reading,
writing, listening, speaking).

Source: IRCC, "Language test equivalency charts – Express Entry"
(:data:`~expressentry.rules.sources.LANGUAGE_EQUIVALENCY`), read through the copies
named in each entry's note.

>>> from datetime import date
>>> from expressentry.enums import Ability, LanguageTest
>>> chart = chart_for(LanguageTest.IELTS_GENERAL, date(2024, 5, 1))
>>> chart.level(Ability.LISTENING, 8.0)
9
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from itertools import pairwise
from types import MappingProxyType
from typing import Final

from attrs import field, frozen

from expressentry._memo import Memo
from expressentry.enums import Ability, LanguageTest
from expressentry.errors import DataError
from expressentry.i18n import Message, tr
from expressentry.rules._timeline import Dated, Timeline
from expressentry.rules.dates import EXPRESS_ENTRY_OPENED
from expressentry.rules.sources import (
    LANGUAGE_EQUIVALENCY,
    PTE_CORE_DESIGNATION,
    TCF_CANADA_DESIGNATION,
)

__all__ = [
    "CELPIP_GENERAL",
    "CHARTS",
    "EARLIEST_CHART_READS_EARLIER_TESTS",
    "IELTS_GENERAL",
    "PTE_CORE",
    "PTE_CORE_ACCEPTED_FROM",
    "SCORE_ORDER",
    "TCF_CANADA",
    "TCF_CANADA_ACCEPTED_FROM",
    "TEF_CANADA",
    "Band",
    "LanguageChart",
    "Levels",
    "Scale",
    "chart_for",
    "chart_in",
]

_R, _W, _L, _S = Ability.READING, Ability.WRITING, Ability.LISTENING, Ability.SPEAKING
_COLUMNS: Final = (_R, _W, _L, _S)

PTE_CORE_ACCEPTED_FROM: Final = date(2024, 1, 30)
"""First test date on which IRCC accepts PTE Core for Express Entry."""

EARLIEST_CHART_READS_EARLIER_TESTS: Final = EXPRESS_ENTRY_OPENED
"""Reading, made explicit. The charts here start on the day Express Entry opened
(2015-01-01), but IELTS, CELPIP and TEF Canada were designated long before, and a
result is valid 2 years: profiles of 2015 and 2016 carry results of tests taken in
2013 and 2014. A test taken before this day is read with the test's first chart
(IRCC's equivalencies for these tests did not change at the launch). A test whose
first chart starts later (PTE Core, TCF Canada) was not accepted before it, so an
earlier test date stays an error."""

TCF_CANADA_ACCEPTED_FROM: Final = date(2018, 11, 10)
"""First test date accepted for TCF Canada (UNCERTAIN). IRCC announced the
designation during National Francophone Immigration Week 2018; the earliest dated
report of it in force is CIC News of 2018-11-10. No earlier TCF Canada result is
known to exist, so results dated before this are refused rather than guessed."""


@frozen
class Scale:
    """The scores a test can report for one ability: ``low`` to ``high`` in ``step``."""

    low: float
    high: float
    step: float

    def contains(self, score: float) -> bool:
        """Whether ``score`` is a score the test can report."""
        if not self.low <= score <= self.high:
            return False
        steps = (score - self.low) / self.step
        return steps == int(steps)

    def describe(self) -> str:
        """The scale in words, for error messages."""
        return str(self.words())

    def words(self) -> Message:
        """The scale in words, as a message (:meth:`describe` is its English)."""
        low, high, step = f"{self.low:g}", f"{self.high:g}", f"{self.step:g}"
        if self.step == 1:
            return tr("{low} to {high} in whole numbers", low=low, high=high)
        return tr("{low} to {high} in steps of {step}", low=low, high=high, step=step)


@frozen
class Band:
    """Scores ``low`` to ``high`` (inclusive) equal CLB/NCLC ``level``."""

    level: int
    low: float
    high: float


def _check_bands(
    _instance: object, _attribute: object, bands: Mapping[Ability, tuple[Band, ...]]
) -> None:
    for ability, rows in bands.items():
        for upper, lower in pairwise(rows):
            if not (upper.level == lower.level + 1 and lower.high < upper.low):
                msg = f"{ability}: bands {lower} and {upper} do not follow each other"
                raise DataError(msg)


Levels = tuple[int, int, int, int]
"""CLB/NCLC levels as (listening, speaking, reading, writing)."""

SCORE_ORDER: Final = (Ability.LISTENING, Ability.SPEAKING, Ability.READING, Ability.WRITING)
"""The order of a result's scores and levels: listening, speaking, reading, writing."""

_READINGS_KEPT = 65_536


@frozen
class LanguageChart:
    """One test's equivalency chart: per ability, score bands to CLB/NCLC levels.

    A score below the lowest band is level 0 ("below the chart"), which every CRS
    table reads as "less than CLB 4".
    """

    test: LanguageTest
    scales: Mapping[Ability, Scale]
    bands: Mapping[Ability, tuple[Band, ...]] = field(validator=_check_bands)
    _readings: Memo[tuple[float, float, float, float], tuple[Levels, int] | None] = field(
        init=False, repr=False, eq=False
    )
    """Scores already read on this chart: a pool repeats the same few scores."""

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_readings", Memo(self._read, size=_READINGS_KEPT))

    def level(self, ability: Ability, score: float) -> int:
        """The CLB/NCLC level of ``score`` in ``ability``; 0 below the chart."""
        for band in self.bands[ability]:
            if score >= band.low:
                return band.level
        return 0

    def read(self, scores: tuple[float, float, float, float]) -> tuple[Levels, int] | None:
        """The levels of ``scores`` and the lowest; ``None`` if one is off the test's scale.

        Scores and levels are in :data:`~expressentry.rules.language_tables.SCORE_ORDER` (listening, speaking, reading,
        writing).

        >>> from datetime import date
        >>> chart_for(LanguageTest.IELTS_GENERAL, date(2024, 5, 1)).read((8.0, 7.0, 7.0, 7.0))
        ((9, 9, 9, 9), 9)
        """
        return self._readings(scores)

    def _read(self, scores: tuple[float, float, float, float]) -> tuple[Levels, int] | None:
        scales = self.scales
        for ability, score in zip(SCORE_ORDER, scores, strict=True):
            if not scales[ability].contains(score):
                return None
        listening, speaking, reading, writing = (
            self.level(ability, score) for ability, score in zip(SCORE_ORDER, scores, strict=True)
        )
        levels = (listening, speaking, reading, writing)
        return levels, min(levels)


def _min_chart(
    test: LanguageTest,
    scales: Mapping[Ability, Scale],
    rows: tuple[tuple[int, float, float, float, float], ...],
) -> LanguageChart:
    """A chart printed as minimum scores per level (IELTS style)."""
    bands: dict[Ability, list[Band]] = {a: [] for a in _COLUMNS}
    for level, *minima in rows:
        for ability, low in zip(_COLUMNS, minima, strict=True):
            above = bands[ability]
            high = above[-1].low - scales[ability].step if above else scales[ability].high
            above.append(Band(level, low, high))
    return LanguageChart(
        test,
        MappingProxyType(dict(scales)),
        MappingProxyType({a: tuple(b) for a, b in bands.items()}),
    )


def _range_chart(
    test: LanguageTest,
    scales: Mapping[Ability, Scale],
    rows: tuple[
        tuple[int, tuple[int, int], tuple[int, int], tuple[int, int], tuple[int, int]],
        ...,
    ],
) -> LanguageChart:
    """A chart printed as score ranges per level (PTE, TEF and TCF style)."""
    bands: dict[Ability, list[Band]] = {a: [] for a in _COLUMNS}
    for level, *ranges in rows:
        for ability, (low, high) in zip(_COLUMNS, ranges, strict=True):
            bands[ability].append(Band(level, low, high))
    return LanguageChart(
        test,
        MappingProxyType(dict(scales)),
        MappingProxyType({a: tuple(b) for a, b in bands.items()}),
    )


def _same(scale: Scale) -> Mapping[Ability, Scale]:
    return dict.fromkeys(_COLUMNS, scale)


IELTS_GENERAL: Final = Timeline(
    "language.ielts_general",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            _min_chart(
                LanguageTest.IELTS_GENERAL,
                _same(Scale(0, 9, 0.5)),
                #  CLB  reading writing listening speaking
                (
                    (10, 8.0, 7.5, 8.5, 7.5),
                    (9, 7.0, 7.0, 8.0, 7.0),
                    (8, 6.5, 6.5, 7.5, 6.5),
                    (7, 6.0, 6.0, 6.0, 6.0),
                    (6, 5.0, 5.5, 5.5, 5.5),
                    (5, 4.0, 5.0, 5.0, 5.0),
                    (4, 3.5, 4.0, 4.5, 4.0),
                ),
            ),
            LANGUAGE_EQUIVALENCY,
            "IELTS General Training, minimum band per level (keyapply.com copy).",
        ),
    ),
    "IELTS General Training to CLB",
)

CELPIP_GENERAL: Final = Timeline(
    "language.celpip_general",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            _min_chart(
                LanguageTest.CELPIP_GENERAL,
                _same(Scale(0, 12, 1)),
                #  CLB  reading writing listening speaking
                (
                    (10, 10, 10, 10, 10),
                    (9, 9, 9, 9, 9),
                    (8, 8, 8, 8, 8),
                    (7, 7, 7, 7, 7),
                    (6, 6, 6, 6, 6),
                    (5, 5, 5, 5, 5),
                    (4, 4, 4, 4, 4),
                ),
            ),
            LANGUAGE_EQUIVALENCY,
            "CELPIP-General: level equals CLB for 4-9; levels 10, 11 and 12 are CLB 10.",
        ),
    ),
    "CELPIP-General to CLB",
)

PTE_CORE: Final = Timeline(
    "language.pte_core",
    (
        Dated(
            PTE_CORE_ACCEPTED_FROM,
            _range_chart(
                LanguageTest.PTE_CORE,
                _same(Scale(10, 90, 1)),
                #  CLB   reading    writing    listening  speaking
                (
                    (10, (88, 90), (90, 90), (89, 90), (89, 90)),
                    (9, (78, 87), (88, 89), (82, 88), (84, 88)),
                    (8, (69, 77), (79, 87), (71, 81), (76, 83)),
                    (7, (60, 68), (69, 78), (60, 70), (68, 75)),
                    (6, (51, 59), (60, 68), (50, 59), (59, 67)),
                    (5, (42, 50), (51, 59), (39, 49), (51, 58)),
                    (4, (33, 41), (41, 50), (28, 38), (42, 50)),
                    (3, (24, 32), (32, 40), (18, 27), (34, 41)),
                ),
            ),
            PTE_CORE_DESIGNATION,
            "PTE Core accepted from 2024-01-30 (pelicanmigration.com, lighthouseimmigrationlaw.com and others); PTE Academic is not accepted.",
        ),
    ),
    "PTE Core to CLB",
)

TEF_CANADA: Final = Timeline(
    "language.tef_canada",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            _range_chart(
                LanguageTest.TEF_CANADA,
                {
                    _R: Scale(0, 300, 1),
                    _W: Scale(0, 450, 1),
                    _L: Scale(0, 360, 1),
                    _S: Scale(0, 450, 1),
                },
                #  NCLC  reading      writing      listening    speaking
                (
                    (10, (263, 300), (393, 450), (316, 360), (393, 450)),
                    (9, (248, 262), (371, 392), (298, 315), (371, 392)),
                    (8, (233, 247), (349, 370), (280, 297), (349, 370)),
                    (7, (207, 232), (310, 348), (249, 279), (310, 348)),
                    (6, (181, 206), (271, 309), (217, 248), (271, 309)),
                    (5, (151, 180), (226, 270), (181, 216), (226, 270)),
                    (4, (121, 150), (181, 225), (145, 180), (181, 225)),
                ),
            ),
            LANGUAGE_EQUIVALENCY,
            "Tests taken before 2019-10-01: the old point scale (reading /300, listening /360, writing and speaking /450) (keyapply.com copy; van-gate.ca).",
        ),
        Dated(
            date(2019, 10, 1),
            _range_chart(
                LanguageTest.TEF_CANADA,
                _same(Scale(0, 699, 1)),
                #  NCLC  reading      writing      listening    speaking
                (
                    (10, (566, 699), (566, 699), (566, 699), (566, 699)),
                    (9, (533, 565), (533, 565), (533, 565), (533, 565)),
                    (8, (500, 532), (500, 532), (500, 532), (500, 532)),
                    (7, (450, 499), (450, 499), (450, 499), (450, 499)),
                    (6, (400, 449), (400, 449), (400, 449), (400, 449)),
                    (5, (350, 399), (350, 399), (350, 399), (350, 399)),
                    (4, (300, 349), (300, 349), (300, 349), (300, 349)),
                ),
            ),
            LANGUAGE_EQUIVALENCY,
            "Tests taken 2019-10-01 to 2023-12-10: one scale of 0-699 for all four abilities (keyapply.com copy).",
        ),
        Dated(
            date(2023, 12, 11),
            _range_chart(
                LanguageTest.TEF_CANADA,
                _same(Scale(0, 699, 1)),
                #  NCLC  reading      writing      listening    speaking
                (
                    (10, (546, 699), (558, 699), (546, 699), (556, 699)),
                    (9, (503, 545), (512, 557), (503, 545), (518, 555)),
                    (8, (462, 502), (472, 511), (462, 502), (494, 517)),
                    (7, (434, 461), (428, 471), (434, 461), (456, 493)),
                    (6, (393, 433), (379, 427), (393, 433), (422, 455)),
                    (5, (352, 392), (330, 378), (352, 392), (387, 421)),
                    (4, (306, 351), (268, 329), (306, 351), (328, 386)),
                ),
            ),
            LANGUAGE_EQUIVALENCY,
            "Tests taken after 2023-12-10: new equivalency per ability (keyapply.com copy).",
        ),
    ),
    "TEF Canada to NCLC",
)

TCF_CANADA: Final = Timeline(
    "language.tcf_canada",
    (
        Dated(
            TCF_CANADA_ACCEPTED_FROM,
            _range_chart(
                LanguageTest.TCF_CANADA,
                {
                    _R: Scale(100, 699, 1),
                    _W: Scale(0, 20, 1),
                    _L: Scale(100, 699, 1),
                    _S: Scale(0, 20, 1),
                },
                #  NCLC  reading      writing   listening    speaking
                (
                    (10, (549, 699), (16, 20), (549, 699), (16, 20)),
                    (9, (524, 548), (14, 15), (523, 548), (14, 15)),
                    (8, (499, 523), (12, 13), (503, 522), (12, 13)),
                    (7, (453, 498), (10, 11), (458, 502), (10, 11)),
                    (6, (406, 452), (7, 9), (398, 457), (7, 9)),
                    (5, (375, 405), (6, 6), (369, 397), (6, 6)),
                    (4, (342, 374), (4, 5), (331, 368), (4, 5)),
                ),
            ),
            TCF_CANADA_DESIGNATION,
            "One chart for every test date (VocabWise transcription, van-gate.ca copies); accepted since about 2018-11 (CIC News 2018-11-10).",
        ),
    ),
    "TCF Canada to NCLC",
)

CHARTS: Final[Mapping[LanguageTest, Timeline[LanguageChart]]] = MappingProxyType(
    {
        LanguageTest.IELTS_GENERAL: IELTS_GENERAL,
        LanguageTest.CELPIP_GENERAL: CELPIP_GENERAL,
        LanguageTest.PTE_CORE: PTE_CORE,
        LanguageTest.TEF_CANADA: TEF_CANADA,
        LanguageTest.TCF_CANADA: TCF_CANADA,
    }
)
"""Every test's chart timeline."""


def chart_for(test: LanguageTest, test_date: date) -> LanguageChart:
    """The chart that reads a ``test`` result taken on ``test_date``.

    A test taken before 2015-01-01 is read with the first chart
    (:data:`EARLIEST_CHART_READS_EARLIER_TESTS`).

    >>> chart_for(LanguageTest.IELTS_GENERAL, date(2014, 12, 31)).level(Ability.READING, 7.0)
    9

    Raises:
        RulesNotInForceError: IRCC did not accept the test on that date.
    """
    return chart_in(CHARTS[test], test_date)


def chart_in(timeline: Timeline[LanguageChart], test_date: date) -> LanguageChart:
    """The chart of ``timeline`` (one test's charts) that reads a test taken on ``test_date``.

    A timeline that starts the day Express Entry opened reads earlier tests with its
    first chart (:data:`EARLIEST_CHART_READS_EARLIER_TESTS`).

    Raises:
        RulesNotInForceError: the timeline starts after ``test_date``.
    """
    if test_date < timeline.first == EARLIEST_CHART_READS_EARLIER_TESTS:
        return timeline.entries[0].value
    return timeline.at(test_date).value
