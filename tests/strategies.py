"""Hypothesis strategies for valid profiles (attrs' tests/strategies.py style)."""

from __future__ import annotations

import functools
import random
from datetime import date, timedelta
from typing import Any

from dateutil.relativedelta import relativedelta
from hypothesis import strategies as st

from expressentry import (
    CanadianCredential,
    Candidate,
    Education,
    EducationLevel,
    JobOffer,
    LanguageResult,
    LanguageTest,
    MaritalStatus,
    OfficialLanguage,
    Spouse,
    WorkHistory,
    WorkPeriod,
)

AS_OF_MIN = date(2015, 1, 1)
AS_OF_MAX = date(2030, 12, 31)

NOCS = ("00012", "10010", "21231", "31301", "72310", "63200", "44101", "65310", "73300")


_ABILITIES = ("listening", "speaking", "reading", "writing")


def _half_bands(low: float, high: float) -> st.SearchStrategy[float]:
    return st.integers(int(low * 2), int(high * 2)).map(lambda n: n / 2)


def _ranges(test: LanguageTest, when: date) -> dict[str, tuple[float, float, float]]:
    """Each ability's (lowest, highest, step) raw score for ``test`` taken on ``when``."""
    if test is LanguageTest.IELTS_GENERAL:
        return dict.fromkeys(_ABILITIES, (0.0, 9.0, 0.5))
    if test is LanguageTest.CELPIP_GENERAL:
        return dict.fromkeys(_ABILITIES, (0.0, 12.0, 1.0))
    if test is LanguageTest.PTE_CORE:
        return dict.fromkeys(_ABILITIES, (10.0, 90.0, 1.0))
    if test is LanguageTest.TCF_CANADA:
        big, small = (100.0, 699.0, 1.0), (0.0, 20.0, 1.0)
        return {"listening": big, "reading": big, "speaking": small, "writing": small}
    if when < date(2019, 10, 1):
        return {
            "reading": (0.0, 300.0, 1.0),
            "listening": (0.0, 360.0, 1.0),
            "speaking": (0.0, 450.0, 1.0),
            "writing": (0.0, 450.0, 1.0),
        }
    return dict.fromkeys(_ABILITIES, (0.0, 699.0, 1.0))


def _scores(test: LanguageTest, when: date) -> st.SearchStrategy[dict[str, float]]:
    """Four raw scores: drawn apart, or close together (so all-four levels are common)."""
    return _scores_on_scale(test, when < date(2019, 10, 1))


@functools.cache
def _scores_on_scale(test: LanguageTest, old_tef: bool) -> st.SearchStrategy[dict[str, float]]:
    """:func:`_scores`, built once per test and scale (building strategies is slow)."""
    ranges = _ranges(test, date(2019, 9, 30) if old_tef else date(2019, 10, 1))

    def one(low: float, high: float, step: float) -> st.SearchStrategy[float]:
        return st.integers(0, round((high - low) / step)).map(lambda n: low + n * step)

    apart = st.fixed_dictionaries({a: one(*ranges[a]) for a in _ABILITIES})

    @st.composite
    def together(draw: st.DrawFn) -> dict[str, float]:
        share = draw(st.integers(0, 100))  # where in its range each score falls, in %
        out = {}
        for a in _ABILITIES:
            low, high, step = ranges[a]
            steps = round((high - low) / step)
            near = steps * (share + draw(st.integers(-6, 6))) // 100
            out[a] = low + min(steps, max(0, near)) * step
        return out

    return apart | together()


@functools.lru_cache(maxsize=4096)
def _document_day(first: date, before: date, valid_years: int) -> st.SearchStrategy[date]:
    """A document's day in ``[first, before]``: any, still valid, or within days of expiring."""
    edge = before - relativedelta(years=valid_years)
    near = st.integers(-2, 2).map(lambda n: edge + timedelta(days=n))
    valid = st.dates(max(first, edge + timedelta(days=1)), before) if edge < before else near
    return (st.dates(first, before) | valid | near).filter(lambda d: first <= d <= before)


_FIRST_DAY = {
    LanguageTest.IELTS_GENERAL: date(2015, 1, 1),
    LanguageTest.CELPIP_GENERAL: date(2015, 1, 1),
    LanguageTest.TEF_CANADA: date(2015, 1, 1),
    LanguageTest.TCF_CANADA: date(2018, 11, 10),
    LanguageTest.PTE_CORE: date(2024, 1, 30),
}


@st.composite
def language_results(
    draw: st.DrawFn, *, before: date, tests: tuple[LanguageTest, ...] = tuple(LanguageTest)
) -> LanguageResult:
    """A valid result taken on or before ``before``, often about to expire.

    Its validity starts on its ``result_date`` (when drawn, up to 60 days after the
    test) or else on its ``test_date``; that day is often within days of 2 years
    before ``before``.
    """
    usable = [t for t in tests if _FIRST_DAY[t] <= before]
    test = draw(st.sampled_from(usable))
    valid_from = draw(_document_day(_FIRST_DAY[test], before, 2))
    result_date = None
    when = valid_from
    if draw(st.booleans()):
        result_date = valid_from
        when = max(_FIRST_DAY[test], valid_from - timedelta(days=draw(st.integers(0, 60))))
    scores = draw(_scores(test, when))
    return LanguageResult(
        test=test,
        test_date=when,
        result_date=result_date,
        listening=scores["listening"],
        speaking=scores["speaking"],
        reading=scores["reading"],
        writing=scores["writing"],
    )


@st.composite
def educations(draw: st.DrawFn, *, before: date) -> Education:
    """A valid education record; its ECA (if any) is dated on or before ``before``."""
    level = draw(st.sampled_from(list(EducationLevel)))
    options = [
        c
        for c in CanadianCredential
        if level.rank
        >= {
            CanadianCredential.NONE: 0,
            CanadianCredential.SECONDARY: 1,
            CanadianCredential.ONE_OR_TWO_YEAR: 2,
            CanadianCredential.THREE_YEAR_OR_MORE: 4,
        }[c]
    ]
    credential = draw(st.sampled_from(options))
    eca = draw(st.none() | _document_day(date(2010, 1, 1), before, 5))
    covered = {
        CanadianCredential.NONE: -1,
        CanadianCredential.SECONDARY: 1,
        CanadianCredential.ONE_OR_TWO_YEAR: 3,
        CanadianCredential.THREE_YEAR_OR_MORE: 7,
    }[credential]
    if credential is not CanadianCredential.NONE and level.rank > covered and eca is None:
        eca = before
    return Education(level=level, canadian_credential=credential, eca_issued=eca)


@st.composite
def work_periods(draw: st.DrawFn, *, before: date, earliest: date = date.min) -> WorkPeriod:
    """A valid work period starting in the 14 years before ``before``, not before ``earliest``.

    Often it is whole years (give or take a day) ending the day before ``before``,
    or it starts near the 10-year window, at 30 hours a week or in half-hours.
    """
    start = draw(_starts(max(earliest, before - timedelta(days=14 * 365)), before))
    end: date | None = None
    pick = draw(st.integers(0, 2))
    if pick == 1:
        end = start + timedelta(days=draw(st.integers(0, (before - start).days + 400)))
    elif pick == 2:
        end = max(start, before - timedelta(days=1))
    return WorkPeriod(
        start=start,
        end=end,
        hours_per_week=draw(_hours),
        noc=draw(st.sampled_from(NOCS)),
        in_canada=draw(st.booleans()),
        self_employed=draw(_mostly_false),
        full_time_student=draw(_mostly_false),
        authorized=draw(_mostly_true),
    )


@functools.lru_cache(maxsize=4096)
def _starts(first: date, before: date) -> st.SearchStrategy[date]:
    """Any day in ``[first, before]``, or whole years before ``before``, or near 10 years."""
    ten_years = before - relativedelta(years=10)
    whole_years = st.builds(
        lambda n, d: before - relativedelta(years=n) + timedelta(days=d),
        st.integers(1, 11),
        st.integers(-2, 2),
    )
    near_window = st.integers(-3, 3).map(lambda d: ten_years + timedelta(days=d))
    return (st.dates(first, before) | whole_years | near_window).filter(
        lambda d: first <= d <= before
    )


_hours = st.integers(5, 60).map(float) | st.just(30.0) | st.integers(10, 120).map(lambda n: n / 2)
_mostly_false = st.sampled_from((False, False, False, True))
_mostly_true = st.sampled_from((True, True, True, False))


def work_histories(*, before: date, earliest: date = date.min) -> st.SearchStrategy[WorkHistory]:
    """0 to 4 periods, overlaps and ongoing jobs included, none starting before ``earliest``."""
    if earliest > before:
        return st.just(WorkHistory())
    return st.lists(work_periods(before=before, earliest=earliest), max_size=4).map(
        lambda ps: WorkHistory(periods=tuple(ps))
    )


def sixteenth_birthday(born: date) -> date:
    """The first day a person born on ``born`` may have started work (1 March for 29 February)."""
    try:
        return born.replace(year=born.year + 16)
    except ValueError:  # born on 29 February; the year 16 later is a common year
        return date(born.year + 16, 3, 1)


@st.composite
def candidates(draw: st.DrawFn, *, as_of: date) -> Candidate:
    """A valid candidate whose documents all exist on ``as_of``."""
    results: list[LanguageResult] = []
    english = draw(
        st.none()
        | language_results(
            before=as_of,
            tests=(LanguageTest.IELTS_GENERAL, LanguageTest.CELPIP_GENERAL, LanguageTest.PTE_CORE),
        )
    )
    french = draw(
        st.none()
        | language_results(before=as_of, tests=(LanguageTest.TEF_CANADA, LanguageTest.TCF_CANADA))
    )
    results = [r for r in (english, french) if r is not None]
    first = None
    if len(results) == 2:
        first = draw(st.sampled_from(list(OfficialLanguage)))
    status = draw(st.sampled_from(list(MaritalStatus)))
    spouse = None
    if status.has_partner:
        spouse = Spouse(
            accompanying=draw(st.booleans()),
            canadian_citizen_or_pr=draw(st.booleans()),
            education=draw(st.none() | educations(before=as_of)),
            language=draw(st.none() | language_results(before=as_of)),
            work_history=draw(work_histories(before=as_of)),
            studied_in_canada=draw(st.booleans()),
        )
    birthday = st.builds(
        lambda age, d: as_of - relativedelta(years=age) + timedelta(days=d),
        st.integers(17, 46),
        st.integers(-1, 1),
    )
    born = draw(
        (st.dates(as_of - timedelta(days=60 * 365), as_of) | birthday).filter(lambda d: d <= as_of)
    )
    education = draw(educations(before=as_of))
    # No document is dated before the birth (plausibility.after_birth).
    own = [r.test_date for r in results] + [education.eca_issued or as_of]
    born = min(born, *own)
    return Candidate(
        date_of_birth=born,
        education=education,
        marital_status=status,
        spouse=spouse,
        languages=tuple(results),
        first_official_language=first,
        work_history=draw(work_histories(before=as_of, earliest=sixteenth_birthday(born))),
        provincial_nomination=draw(st.booleans()),
        job_offer=draw(st.none() | st.builds(JobOffer, noc=st.sampled_from(NOCS))),
        sibling_in_canada=draw(st.booleans()),
        **draw(eligibility_facts()),
    )


@st.composite
def eligibility_facts(draw: st.DrawFn) -> dict[str, Any]:
    """The profile fields only program eligibility reads."""
    certificate = draw(st.booleans())
    trade = draw(st.sampled_from(NOCS)) if certificate and draw(st.booleans()) else None
    return {
        "certificate_of_qualification": certificate,
        "certificate_noc": trade,
        "dependent_children": draw(st.integers(0, 6)),
        "settlement_funds": draw(st.none() | st.integers(0, 100_000)),
        "authorized_to_work_in_canada": draw(st.booleans()),
        "studied_in_canada": draw(st.booleans()),
        "relative_in_canada": draw(st.booleans()),
        "plans_to_live_in_quebec": draw(st.booleans()),
    }


@st.composite
def dated_candidates(draw: st.DrawFn) -> tuple[date, Candidate]:
    """A day in force and a candidate valid on it."""
    as_of = draw(st.dates(AS_OF_MIN, AS_OF_MAX))
    return as_of, draw(candidates(as_of=as_of))


# --- the same profiles from a seeded random.Random -----------------------------------
#
# Hypothesis spends about 20 ms drawing one candidate above, too slow for tests that
# score pools of thousands. ``random_candidate`` draws the same kinds of profiles
# (every feature and edge above: spouses, French, results about to expire, result
# dates, ECAs, certificates, job offers, nominations, siblings, Canadian study, work
# at the window's edge and in whole years) from a seeded ``random.Random``, in well
# under a millisecond. A test draws the seed with Hypothesis, so a failure names it.


def _random_day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


def _random_document_day(rng: random.Random, first: date, before: date, valid_years: int) -> date:
    """As :func:`_document_day`: any day, a still valid one, or within days of expiring."""
    edge = before - relativedelta(years=valid_years)
    pick = rng.randrange(3)
    if pick == 0:
        day = edge + timedelta(days=rng.randint(-2, 2))
    elif pick == 1:
        day = _random_day(rng, max(first, edge + timedelta(days=1)), before)
    else:
        day = _random_day(rng, first, before)
    return min(before, max(first, day))


def random_language_result(
    rng: random.Random, before: date, tests: tuple[LanguageTest, ...] = tuple(LanguageTest)
) -> LanguageResult:
    """As :func:`language_results`."""
    test = rng.choice([t for t in tests if _FIRST_DAY[t] <= before])
    valid_from = _random_document_day(rng, _FIRST_DAY[test], before, 2)
    result_date = None
    when = valid_from
    if rng.random() < 0.5:
        result_date = valid_from
        when = max(_FIRST_DAY[test], valid_from - timedelta(days=rng.randint(0, 60)))
    ranges = _ranges(test, when)
    share = rng.randint(0, 100)
    together = rng.random() < 0.5
    scores = {}
    for a in _ABILITIES:
        low, high, step = ranges[a]
        steps = round((high - low) / step)
        n = steps * (share + rng.randint(-6, 6)) // 100 if together else rng.randint(0, steps)
        scores[a] = low + min(steps, max(0, n)) * step
    return LanguageResult(test=test, test_date=when, result_date=result_date, **scores)


def random_education(rng: random.Random, before: date) -> Education:
    """As :func:`educations`."""
    level = rng.choice(list(EducationLevel))
    needs = {
        CanadianCredential.NONE: 0,
        CanadianCredential.SECONDARY: 1,
        CanadianCredential.ONE_OR_TWO_YEAR: 2,
        CanadianCredential.THREE_YEAR_OR_MORE: 4,
    }
    credential = rng.choice([c for c in CanadianCredential if level.rank >= needs[c]])
    eca = None if rng.random() < 0.4 else _random_document_day(rng, date(2010, 1, 1), before, 5)
    covered = {
        CanadianCredential.NONE: -1,
        CanadianCredential.SECONDARY: 1,
        CanadianCredential.ONE_OR_TWO_YEAR: 3,
        CanadianCredential.THREE_YEAR_OR_MORE: 7,
    }[credential]
    if credential is not CanadianCredential.NONE and level.rank > covered and eca is None:
        eca = before
    return Education(level=level, canadian_credential=credential, eca_issued=eca)


def random_work_period(rng: random.Random, before: date, earliest: date = date.min) -> WorkPeriod:
    """As :func:`work_periods`."""
    first = max(earliest, before - timedelta(days=14 * 365))
    pick = rng.randrange(3)
    if pick == 0:
        start = before - relativedelta(years=rng.randint(1, 11)) + timedelta(rng.randint(-2, 2))
    elif pick == 1:
        start = before - relativedelta(years=10) + timedelta(days=rng.randint(-3, 3))
    else:
        start = _random_day(rng, first, before)
    start = min(before, max(first, start))
    pick = rng.randrange(3)
    end: date | None = None
    if pick == 1:
        end = _random_day(rng, start, before + timedelta(days=400))
    elif pick == 2:
        end = max(start, before - timedelta(days=1))
    pick = rng.randrange(3)
    hours = (
        float(rng.randint(5, 60)) if pick == 0 else 30.0 if pick == 1 else rng.randint(10, 120) / 2
    )
    return WorkPeriod(
        start=start,
        end=end,
        hours_per_week=hours,
        noc=rng.choice(NOCS),
        in_canada=rng.random() < 0.5,
        self_employed=rng.random() < 0.25,
        full_time_student=rng.random() < 0.25,
        authorized=rng.random() < 0.75,
    )


def random_work_history(rng: random.Random, before: date, earliest: date = date.min) -> WorkHistory:
    """As :func:`work_histories`."""
    if earliest > before:
        return WorkHistory()
    return WorkHistory(
        periods=tuple(random_work_period(rng, before, earliest) for _ in range(rng.randint(0, 4)))
    )


def random_candidate(rng: random.Random, as_of: date) -> Candidate:
    """As :func:`candidates`: a valid candidate whose documents all exist on ``as_of``."""
    english = None
    if rng.random() < 0.7:
        english = random_language_result(
            rng,
            as_of,
            (LanguageTest.IELTS_GENERAL, LanguageTest.CELPIP_GENERAL, LanguageTest.PTE_CORE),
        )
    french = None
    if rng.random() < 0.5:
        french = random_language_result(
            rng, as_of, (LanguageTest.TEF_CANADA, LanguageTest.TCF_CANADA)
        )
    results = tuple(r for r in (english, french) if r is not None)
    first = rng.choice(list(OfficialLanguage)) if len(results) == 2 else None
    status = rng.choice(list(MaritalStatus))
    spouse = None
    if status.has_partner:
        spouse = Spouse(
            accompanying=rng.random() < 0.75,
            canadian_citizen_or_pr=rng.random() < 0.25,
            education=None if rng.random() < 0.2 else random_education(rng, as_of),
            language=None if rng.random() < 0.3 else random_language_result(rng, as_of),
            work_history=random_work_history(rng, as_of),
            studied_in_canada=rng.random() < 0.5,
        )
    if rng.random() < 0.5:
        born = as_of - relativedelta(years=rng.randint(17, 46)) + timedelta(rng.randint(-1, 1))
        born = min(born, as_of)
    else:
        born = _random_day(rng, as_of - timedelta(days=60 * 365), as_of)
    certificate = rng.random() < 0.3
    education = random_education(rng, as_of)
    # No document is dated before the birth (plausibility.after_birth).
    born = min(born, *(r.test_date for r in results), education.eca_issued or as_of)
    return Candidate(
        date_of_birth=born,
        education=education,
        marital_status=status,
        spouse=spouse,
        languages=results,
        first_official_language=first,
        work_history=random_work_history(rng, as_of, sixteenth_birthday(born)),
        certificate_of_qualification=certificate,
        certificate_noc=rng.choice(NOCS) if certificate and rng.random() < 0.5 else None,
        provincial_nomination=rng.random() < 0.2,
        job_offer=JobOffer(noc=rng.choice(NOCS)) if rng.random() < 0.3 else None,
        sibling_in_canada=rng.random() < 0.3,
        dependent_children=rng.randint(0, 6),
        settlement_funds=None if rng.random() < 0.3 else rng.randint(0, 100_000),
        authorized_to_work_in_canada=rng.random() < 0.5,
        studied_in_canada=rng.random() < 0.5,
        relative_in_canada=rng.random() < 0.5,
        plans_to_live_in_quebec=rng.random() < 0.5,
    )
