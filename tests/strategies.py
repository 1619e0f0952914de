"""Hypothesis strategies for valid profiles (attrs' tests/strategies.py style)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

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


def _scores(test: LanguageTest, when: date) -> st.SearchStrategy[dict[str, float]]:
    if test is LanguageTest.IELTS_GENERAL:
        one: st.SearchStrategy[float] = _half_bands(0, 9)
        return st.fixed_dictionaries(dict.fromkeys(_ABILITIES, one))
    if test is LanguageTest.CELPIP_GENERAL:
        one = st.integers(0, 12).map(float)
        return st.fixed_dictionaries(dict.fromkeys(_ABILITIES, one))
    if test is LanguageTest.PTE_CORE:
        one = st.integers(10, 90).map(float)
        return st.fixed_dictionaries(dict.fromkeys(_ABILITIES, one))
    if test is LanguageTest.TCF_CANADA:
        big = st.integers(100, 699).map(float)
        small = st.integers(0, 20).map(float)
        return st.fixed_dictionaries(
            {"listening": big, "reading": big, "speaking": small, "writing": small}
        )
    if when < date(2019, 10, 1):
        return st.fixed_dictionaries(
            {
                "reading": st.integers(0, 300).map(float),
                "listening": st.integers(0, 360).map(float),
                "speaking": st.integers(0, 450).map(float),
                "writing": st.integers(0, 450).map(float),
            }
        )
    one = st.integers(0, 699).map(float)
    return st.fixed_dictionaries(dict.fromkeys(_ABILITIES, one))


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
    """A valid result taken on or before ``before``."""
    usable = [t for t in tests if _FIRST_DAY[t] <= before]
    test = draw(st.sampled_from(usable))
    when = draw(st.dates(_FIRST_DAY[test], before))
    scores = draw(_scores(test, when))
    return LanguageResult(
        test=test,
        test_date=when,
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
    eca = draw(st.none() | st.dates(date(2010, 1, 1), before))
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
    """A valid work period starting in the 14 years before ``before``, not before ``earliest``."""
    start = draw(st.dates(max(earliest, before - timedelta(days=14 * 365)), before))
    end = draw(st.none() | st.dates(start, before + timedelta(days=400)))
    return WorkPeriod(
        start=start,
        end=end,
        hours_per_week=draw(st.integers(5, 60).map(float)),
        noc=draw(st.sampled_from(NOCS)),
        in_canada=draw(st.booleans()),
        self_employed=draw(st.booleans()),
        full_time_student=draw(st.booleans()),
        authorized=draw(st.booleans()),
    )


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
    born = draw(st.dates(as_of - timedelta(days=60 * 365), as_of))
    return Candidate(
        date_of_birth=born,
        education=draw(educations(before=as_of)),
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
