"""Language options: better results, a test in the other language, the other language first.

A better result is in one ability or in all four; the test in the other official
language is French at NCLC 7 (English at CLB 5 for a French speaker).

A better result keeps the test and its date and raises a score to the lowest
score of a higher band on the result's own chart (IELTS 7.0 to 7.5), so what
it is worth is the level alone; a test not yet taken is dated the day asked and
read on the chart in force then.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from expressentry._replace import replace
from expressentry.enums import Ability, LanguageTest, OfficialLanguage
from expressentry.i18n import Message, tr
from expressentry.models import Candidate, LanguageResult, levels_under
from expressentry.planner.options import ChangeKind, Option
from expressentry.rules import RuleSet
from expressentry.rules.language_tables import SCORE_ORDER, LanguageChart, chart_in

__all__ = ["language_options", "new_result", "raised", "result_of", "with_result"]

FRENCH_LEVEL = 7
"""NCLC 7 in all four abilities: the French additional points and the French
category both start there (the line the planner proposes for a new French test)."""

ENGLISH_LEVEL = 5
"""CLB 5 in all four: what a French speaker's English needs for the larger French
additional points."""

TOP_LEVEL = 10
"""The highest level proposed: every CRS language table and the FSW grid stop
rising at CLB/NCLC 10 ("10 or more" in IRCC's CRS criteria), so a higher band
can change nothing."""

_ABILITY_WORDS = {
    Ability.SPEAKING: tr("speaking"),
    Ability.LISTENING: tr("listening"),
    Ability.READING: tr("reading"),
    Ability.WRITING: tr("writing"),
}

NEW_TESTS = {OfficialLanguage.FRENCH: LanguageTest.TEF_CANADA}
"""The test proposed in each language not yet tested (English: the result's own
test family is unknown, so IELTS General Training, the most taken)."""


def _chart(result: LanguageResult, rules: RuleSet) -> LanguageChart:
    return chart_in(rules.language_charts[result.test], result.test_date)


def _low(chart: LanguageChart, ability: Ability, level: int) -> float | None:
    """The lowest score of ``level`` in ``ability`` on ``chart``, if it has the level."""
    for band in chart.bands[ability]:
        if band.level == level:
            return band.low
    return None


def _levels_above(chart: LanguageChart, ability: Ability, level: int) -> list[int]:
    return sorted(b.level for b in chart.bands[ability] if level < b.level <= TOP_LEVEL)


def raised(
    result: LanguageResult, chart: LanguageChart, to: dict[Ability, int]
) -> LanguageResult | None:
    """``result`` with each ability of ``to`` at the lowest score of its level."""
    scores: dict[str, Any] = {}
    for ability, level in to.items():
        low = _low(chart, ability, level)
        if low is None:
            return None
        scores[ability.value] = low
    return replace(result, **scores)


def new_result(test: LanguageTest, day: date, level: int, rules: RuleSet) -> LanguageResult | None:
    """A ``test`` result taken on ``day`` at ``level`` in all four abilities."""
    chart = chart_in(rules.language_charts[test], day)
    scores = {a: _low(chart, a, level) for a in SCORE_ORDER}
    if any(s is None for s in scores.values()):
        return None
    return LanguageResult(
        test=test,
        test_date=day,
        listening=scores[Ability.LISTENING],  # type: ignore[arg-type]
        speaking=scores[Ability.SPEAKING],  # type: ignore[arg-type]
        reading=scores[Ability.READING],  # type: ignore[arg-type]
        writing=scores[Ability.WRITING],  # type: ignore[arg-type]
    )


def result_of(c: Candidate, role: str) -> LanguageResult:
    """The candidate's result in the first or second official language."""
    found = c.first_language_result if role == "first" else c.second_language_result
    if found is None:  # an option is only made for a result held
        msg = f"no {role} official language result"
        raise LookupError(msg)
    return found


def with_result(c: Candidate, old: LanguageResult, new: LanguageResult) -> Candidate:
    """``c`` with ``new`` in place of ``old``."""
    return replace(c, languages=tuple(new if r is old else r for r in c.languages))


def _scores_set(role: str, scores: dict[str, Any]) -> Callable[[Candidate], Candidate]:
    def edit(c: Candidate) -> Candidate:
        result = result_of(c, role)
        return with_result(c, result, replace(result, **scores))

    return edit


def _raises(
    c: Candidate, role: str, result: LanguageResult, day: date, rules: RuleSet
) -> list[Option]:
    """Each ability to each higher level, then all four to each level above the lowest."""
    chart = _chart(result, rules)
    levels = dict(zip(SCORE_ORDER, levels_under(result, rules), strict=True))
    scale, test = result.language.scale, tr(result.test.label)
    out: list[Option] = []
    for ability in SCORE_ORDER:
        for level in _levels_above(chart, ability, levels[ability]):
            low = _low(chart, ability, level)
            if low is None:
                continue
            before = getattr(result, ability.value)
            out.append(
                Option.of(
                    ChangeKind.LANGUAGE,
                    tr(
                        "{test}: {ability} {before} → {after} ({scale} {was} → {level}), "
                        "the rest as now",
                        test=test,
                        ability=_ABILITY_WORDS[ability],
                        before=f"{before:g}",
                        after=f"{low:g}",
                        scale=scale,
                        was=levels[ability],
                        level=level,
                    ),
                    frozenset({f"{role}.{ability.value}"}),
                    day,
                    c,
                    _scores_set(role, {ability.value: low}),
                )
            )
    top = min(TOP_LEVEL, max((b.level for a in SCORE_ORDER for b in chart.bands[a]), default=0))
    for level in range(min(levels.values()) + 1, top + 1):
        below = {a: level for a in SCORE_ORDER if levels[a] < level}
        if len(below) < 2:  # one ability alone is an option above
            continue
        scores = {a.value: _low(chart, a, n) for a, n in below.items()}
        if any(v is None for v in scores.values()):
            continue
        out.append(
            Option.of(
                ChangeKind.LANGUAGE,
                tr(
                    "{test}: {scale} {level} or more in all four abilities",
                    test=test,
                    scale=scale,
                    level=level,
                ),
                frozenset(f"{role}.{a.value}" for a in SCORE_ORDER),
                day,
                c,
                _scores_set(role, scores),
            )
        )
    return out


def _new_result_words(test: LanguageTest, scale: str, level: int) -> Message:
    """A result of ``test`` at ``level``: "An" before IELTS (a vowel sound), "A" before TEF."""
    if test.label[:1] in "AEIOU":
        return tr(
            "An {test} result at {scale} {level} in all four abilities",
            test=tr(test.label),
            scale=scale,
            level=level,
        )
    return tr(
        "A {test} result at {scale} {level} in all four abilities",
        test=tr(test.label),
        scale=scale,
        level=level,
    )


_ALL = frozenset(f"{role}.{a.value}" for role in ("first", "second") for a in SCORE_ORDER)


def _new_test(c: Candidate, day: date, rules: RuleSet) -> list[Option]:
    """French at NCLC 7 for an English speaker; English at CLB 5 for a French speaker."""
    first = c.first_language_result
    if first is None or c.second_language_result is not None:
        return []
    other = (
        OfficialLanguage.FRENCH
        if first.language is OfficialLanguage.ENGLISH
        else OfficialLanguage.ENGLISH
    )
    test = NEW_TESTS.get(other, LanguageTest.IELTS_GENERAL)
    level = FRENCH_LEVEL if other is OfficialLanguage.FRENCH else ENGLISH_LEVEL
    new = new_result(test, day, level, rules)
    if new is None:
        return []
    taken = new

    def edit(c: Candidate) -> Candidate:
        held = c.first_language_result
        language = first.language if held is None else held.language
        return replace(c, languages=(*c.languages, taken), first_official_language=language)

    return [
        Option.of(
            ChangeKind.NEW_TEST,
            _new_result_words(test, other.scale, level),
            frozenset(f"second.{a.value}" for a in SCORE_ORDER),
            day,
            c,
            edit,
        )
    ]


def _swap(c: Candidate, day: date) -> list[Option]:
    first, second = c.first_language_result, c.second_language_result
    if first is None or second is None:
        return []
    language = second.language
    return [
        Option.of(
            ChangeKind.FIRST_LANGUAGE,
            tr("Declare French the first official language (English the second)")
            if language is OfficialLanguage.FRENCH
            else tr("Declare English the first official language (French the second)"),
            _ALL,
            day,
            c,
            lambda c: replace(c, first_official_language=language),
        )
    ]


def language_options(c: Candidate, day: date, rules: RuleSet) -> list[Option]:
    """Every language option of ``c`` on ``day``."""
    out: list[Option] = []
    for role, result in (("first", c.first_language_result), ("second", c.second_language_result)):
        if result is not None:
            out.extend(_raises(c, role, result, day, rules))
    out.extend(_new_test(c, day, rules))
    out.extend(_swap(c, day))
    return out
