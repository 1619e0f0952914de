"""A designated language test result, read on the chart in force on its test date."""

from __future__ import annotations

import copy
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import field, frozen

from expressentry.enums import (
    Ability,
    LanguageTest,
    OfficialLanguage,
)
from expressentry.errors import RulesNotInForceError
from expressentry.i18n import tr
from expressentry.models._fields import (
    NO_PROBLEMS,
    Checks,
    Specs,
    finite,
    is_date,
    is_number,
    member_of,
    optional,
)
from expressentry.models._pickling import codes, day, maker, number
from expressentry.plausibility import (
    RESULT_DELAY,
    RESULT_DELAY_DAYS,
    tag,
)
from expressentry.rules.language_tables import CHARTS, Levels, chart_for, chart_in

if TYPE_CHECKING:
    from expressentry.rules import RuleSet

_SCORE_FIELDS = (Ability.LISTENING, Ability.SPEAKING, Ability.READING, Ability.WRITING)


def _is_score(value: object) -> bool:
    """The fast type test of a score: an exact float (finite) or int."""
    return (type(value) is float and finite(value)) or type(value) is int


@frozen(kw_only=True, repr=False)
class LanguageResult:
    """A designated language test result and its CLB/NCLC levels.

    The raw scores are converted with the equivalency chart in force **on the test
    date** (:mod:`expressentry.rules.language_tables`). The repr shows the levels
    and the scores: ``LanguageResult(ielts_general 2025-09-20: CLB 10/10/10/9
    L/S/R/W, scores 8.5/7.5/8.0/7.0)`` (NCLC for French).

    Attributes:
        test: Which designated test.
        test_date: The day the test was taken; it picks the chart.
        listening: Raw listening score.
        speaking: Raw speaking score.
        reading: Raw reading score.
        writing: Raw writing score.
        result_date: The date printed on the test report form. IRCC counts the
            2 years of validity from it; when it is not given, validity is
            counted from ``test_date`` (a few days early, never late), and
            every line that relies on it says so.
    """

    test: LanguageTest
    test_date: date
    listening: float
    speaking: float
    reading: float
    writing: float
    result_date: date | None = None
    _levels: tuple[int, int, int, int] = field(init=False, repr=False, eq=False)
    _lowest: int = field(init=False, repr=False, eq=False)
    _language: OfficialLanguage = field(init=False, repr=False, eq=False)
    field_checks: ClassVar[Specs]
    """Each field's own check: its type, then the rules it obeys alone."""

    def __attrs_post_init__(self) -> None:
        c = Checks("LanguageResult")
        f: Any = self  # the fields as given, of any type until checked
        test, taken, result_date = f.test, f.test_date, f.result_date
        bad = NO_PROBLEMS
        if not (
            type(test) is LanguageTest
            and type(taken) is date
            and (result_date is None or type(result_date) is date)
            and _is_score(f.listening)
            and _is_score(f.speaking)
            and _is_score(f.reading)
            and _is_score(f.writing)
        ):
            bad = c.types(self, _LANGUAGE_RESULT_CHECKS)
        if result_date is not None and "test_date" not in bad and "result_date" not in bad:
            if result_date < taken:  # the messages only when refused: none built for a good one
                c.require(
                    False,
                    "result_date",
                    result_date,
                    tr("must not be before test_date ({day})", day=taken),
                )
            if (result_date - taken).days > RESULT_DELAY_DAYS:
                c.require(
                    False,
                    "result_date",
                    result_date,
                    tr(
                        "must be at most {days} days after test_date ({day}): "
                        "results are reported within weeks {rule}",
                        days=RESULT_DELAY_DAYS,
                        day=taken,
                        rule=tag(RESULT_DELAY),
                    ),
                )
        if "test" in bad or "test_date" in bad:
            c.done()  # the chart, so the scale of every score, is unknown
        try:
            chart = chart_for(test, taken)
        except RulesNotInForceError as exc:
            c.require(
                False,
                "test_date",
                taken,
                tr(
                    "IRCC accepts {test} results only from tests taken on or after {day}",
                    test=test.value,
                    day=exc.first,
                ),
            )
            c.done()
            raise  # pragma: no cover (done() raised)
        if not bad and not c.problems:
            read = chart.read((f.listening, f.speaking, f.reading, f.writing))
            if read is not None:  # every score is on the chart's scale
                object.__setattr__(self, "_levels", read[0])
                object.__setattr__(self, "_lowest", read[1])
                object.__setattr__(self, "_language", test.language)
                return
        for ability in _SCORE_FIELDS:
            name = ability.value
            if name in bad:
                continue
            score = getattr(self, name)
            scale = chart.scales[ability]
            if not scale.contains(score):
                c.require(
                    False,
                    name,
                    score,
                    tr(
                        "{test} {ability} scores on {day} run {scale}",
                        test=test.value,
                        ability=name,
                        day=taken,
                        scale=scale.words(),
                    ),
                )
        c.done()  # a score off the scale is a problem: this raises

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its fields; its levels are read again (see ``_pickling``)."""
        return unpack, (pack(self),)

    @property
    def language(self) -> OfficialLanguage:
        """The official language this result proves."""
        return self._language

    @property
    def valid_from(self) -> date:
        """The day validity is counted from: ``result_date``, else ``test_date``."""
        return self.test_date if self.result_date is None else self.result_date

    def clb(self, ability: Ability) -> int:
        """CLB (English) or NCLC (French) level of one ability; 0 below the chart."""
        return self._levels[_SCORE_FIELDS.index(ability)]

    @property
    def levels(self) -> tuple[int, int, int, int]:
        """CLB/NCLC levels as (listening, speaking, reading, writing)."""
        return self._levels

    @property
    def lowest(self) -> int:
        """The lowest of the four levels, the one minimum requirements look at."""
        return self._lowest

    def __repr__(self) -> str:
        levels = "/".join(map(str, self._levels))
        scores = "/".join(repr(getattr(self, a.value)) for a in _SCORE_FIELDS)
        result = "" if self.result_date is None else f", result {self.result_date.isoformat()}"
        return (
            f"LanguageResult({self.test.value} {self.test_date.isoformat()}: "
            f"{self._language.scale} {levels} L/S/R/W, scores {scores}{result})"
        )


_LANGUAGE_RESULT_CHECKS: Specs = (
    ("test", member_of(LanguageTest)),
    ("test_date", is_date),
    ("listening", is_number),
    ("speaking", is_number),
    ("reading", is_number),
    ("writing", is_number),
    ("result_date", optional(is_date)),
)
LanguageResult.field_checks = _LANGUAGE_RESULT_CHECKS
make_result = maker(
    LanguageResult,
    (
        "test",
        "test_date",
        "listening",
        "speaking",
        "reading",
        "writing",
        "result_date",
        "_levels",
        "_lowest",
        "_language",
    ),
)
_TESTS, _TEST_CODES = codes(LanguageTest)


def pack(r: LanguageResult) -> tuple[Any, ...]:
    """The fields of ``r``: its test by number, its dates as day numbers (see ``_pickling``)."""
    result = r.result_date
    return (
        _TEST_CODES[r.test],
        r.test_date.toordinal(),
        r.listening,
        r.speaking,
        r.reading,
        r.writing,
        None if result is None else result.toordinal(),
    )


def unpack(state: tuple[Any, ...]) -> LanguageResult:
    """The result :func:`pack` packed, its levels read again on its chart."""
    code, taken, listening, speaking, reading, writing, result = state
    test = _TESTS[code]
    when = day(taken)
    read = chart_for(test, when).read((listening, speaking, reading, writing))
    assert read is not None  # noqa: S101 (checked when the result was built)
    return make_result(
        test,
        when,
        number(listening),
        number(speaking),
        number(reading),
        number(writing),
        None if result is None else day(result),
        read[0],
        read[1],
        test.language,
    )


def levels_under(result: LanguageResult, rules: RuleSet) -> Levels:
    """The CLB/NCLC levels of ``result`` under ``rules``: on its chart in ``rules``.

    Scoring and eligibility read every result's levels here, so a reform that
    replaces a chart (:attr:`RuleSet.language_charts
    <expressentry.rules.RuleSet.language_charts>`) reaches both. Under the
    published charts these are the levels the result holds (:attr:`LanguageResult.levels`).

    >>> from expressentry.rules import rules_for
    >>> r = LanguageResult(test=LanguageTest.IELTS_GENERAL, test_date=date(2025, 1, 10),
    ...                    listening=8.0, speaking=7.0, reading=7.0, writing=7.0)
    >>> levels_under(r, rules_for(as_of=date(2026, 11, 22)))
    (9, 9, 9, 9)
    """
    charts = rules.language_charts
    if charts is CHARTS:  # the published charts: read when the result was built
        return result._levels
    timeline = charts[result.test]
    if timeline is CHARTS[result.test]:
        return result._levels
    chart = chart_in(timeline, result.test_date)
    scores = (result.listening, result.speaking, result.reading, result.writing)
    read = chart.read(scores)
    if read is not None:
        return read[0]
    # A score the reformed chart's scale does not hold: read by its bands alone.
    listening, speaking, reading, writing = (
        chart.level(ability, score) for ability, score in zip(_SCORE_FIELDS, scores, strict=True)
    )
    return listening, speaking, reading, writing


def read_under(result: LanguageResult, rules: RuleSet) -> LanguageResult:
    """``result`` holding its levels under ``rules`` (itself when they are the same).

    For code that reads ``levels``, ``lowest`` and ``clb`` of a profile's results:
    the copy answers them as the rules read the result.
    """
    levels = levels_under(result, rules)
    if levels == result._levels:
        return result
    copied = copy.copy(result)
    object.__setattr__(copied, "_levels", levels)
    object.__setattr__(copied, "_lowest", min(levels))
    return copied
