"""Profiles and rule sets pickle, without their caches, and come back equal.

Kind: round trip and equality with the slow path. A pickled profile holds its
fields only: on unpickling, what a model derives (a result's levels, a profile's
first-language result, its latest document) is derived again, and must equal what
the checked constructor derives (``attrs.evolve`` rebuilds through it); the
``derived`` slot, where scoring packs its inputs, comes back empty, so a profile
pickles to the same bytes before and after it is scored. A rule set (a reform
too) pickles as its rules: the copy is equal, names the same reform, keeps the
published charts by identity, compiles nothing until it scores, and scores every
profile as the original does.
"""

from __future__ import annotations

import copy
import pickle
import random
import sys
import threading
from datetime import UTC, date, datetime, time, timedelta, timezone
from types import MappingProxyType
from typing import TypeVar

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import expressentry as ee
from expressentry import (
    Ability,
    AddedFactor,
    Candidate,
    CrsSection,
    Education,
    EducationLevel,
    JobOffer,
    LanguageResult,
    LanguageTest,
    PoliceCertificate,
    Source,
    Spouse,
    WorkHistory,
    WorkPeriod,
    rules_for,
    score,
    score_many,
)
from expressentry.eligibility import flags_many
from expressentry.plausibility import PROFILES_FROM, RESULT_DELAY_DAYS
from expressentry.rules import RuleSet
from expressentry.rules.language_tables import CHARTS, Band, LanguageChart, chart_for
from tests.strategies import AS_OF_MAX, AS_OF_MIN, candidates, random_candidate

DAY = date(2026, 11, 22)


T = TypeVar("T")


def round_trip(value: T) -> T:
    back: T = pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))  # noqa: S301 (our own)
    return back


# --- what each model derives, to compare with the constructor's --------------------


def _derived_of_result(r: LanguageResult | None) -> object:
    return None if r is None else (r.levels, r.lowest, r.language)


def _derived_of_person(p: Candidate | Spouse) -> tuple[object, ...]:
    education = p.education
    return (
        None if education is None else (education.scored_level, education.needs_eca),
        p.work_history.first_start,
        p.work_history.last_start,
    )


def derived_of(c: Candidate) -> tuple[object, ...]:
    """Every value the models derive when built, for the profile and its spouse."""
    spouse = c.spouse
    offer = c.job_offer
    return (
        _derived_of_person(c),
        None
        if spouse is None
        else (_derived_of_person(spouse), _derived_of_result(spouse.language)),
        tuple(_derived_of_result(r) for r in c.languages),
        _derived_of_result(c.first_language_result),
        _derived_of_result(c.second_language_result),
        c.latest_document,
        c.submitted_day,
        None if offer is None else (offer.teer, offer.kind),
    )


def _history(h: WorkHistory) -> WorkHistory:
    return WorkHistory(periods=tuple(attrs.evolve(w) for w in h.periods))


def _certificates(p: Candidate | Spouse) -> tuple[PoliceCertificate, ...]:
    return tuple(attrs.evolve(pc) for pc in p.police_certificates)


def rebuilt(c: Candidate) -> Candidate:
    """``c`` built again through every checked constructor (the slow path)."""
    spouse = c.spouse
    if spouse is not None:
        spouse = attrs.evolve(
            spouse,
            language=None if spouse.language is None else attrs.evolve(spouse.language),
            education=None if spouse.education is None else attrs.evolve(spouse.education),
            work_history=_history(spouse.work_history),
            police_certificates=_certificates(spouse),
        )
    return attrs.evolve(
        c,
        spouse=spouse,
        job_offer=None if c.job_offer is None else attrs.evolve(c.job_offer),
        languages=tuple(attrs.evolve(r) for r in c.languages),
        education=attrs.evolve(c.education),
        work_history=_history(c.work_history),
        police_certificates=_certificates(c),
    )


# --- profiles with every kind of date: documents, result dates, a submission ---------

_COUNTRIES = ("IN", "FR", "PH", "NG", "BR")
_ZONES = (UTC, *(timezone(timedelta(hours=h)) for h in (-8, -5, 0, 1, 5, 9)))


@st.composite
def documented(draw: st.DrawFn, *, as_of: date) -> Candidate:
    """A valid candidate, often with result dates, a submission and documents."""
    c = draw(candidates(as_of=as_of))
    low = max(c.date_of_birth, PROFILES_FROM) + timedelta(days=1)
    high = as_of - timedelta(days=1)
    if low > high:
        return c
    days = st.dates(low, high)
    languages = tuple(
        attrs.evolve(
            r,
            result_date=min(
                as_of, r.test_date + timedelta(days=draw(st.integers(0, RESULT_DELAY_DAYS)))
            ),
        )
        if draw(st.booleans())
        else r
        for r in c.languages
    )
    certificates = tuple(
        PoliceCertificate(
            country=draw(st.sampled_from(_COUNTRIES)),
            issued=draw(days),
            left=draw(st.none() | days),
        )
        for _ in range(draw(st.integers(0, 2)))
    )
    submitted = None
    if draw(st.booleans()):
        zone = draw(st.sampled_from(_ZONES))
        local = datetime.combine(draw(days), time(draw(st.integers(0, 23))), tzinfo=zone)
        submitted = local if local.astimezone(UTC).date() <= as_of else None
    spouse = c.spouse
    if spouse is not None and draw(st.booleans()):
        spouse = attrs.evolve(
            spouse,
            medical_exam=draw(st.none() | days),
            passport_expiry=as_of + timedelta(days=draw(st.integers(1, 3000))),
            police_certificates=(PoliceCertificate(country="IN", issued=draw(days)),),
        )
    offer = c.job_offer
    if offer is not None and draw(st.booleans()):
        offer = attrs.evolve(offer, canadian_armed_forces=True)
    return attrs.evolve(
        c,
        languages=languages,
        police_certificates=certificates,
        medical_exam=draw(st.none() | days),
        passport_expiry=draw(st.none() | st.dates(as_of, as_of + timedelta(days=3650))),
        profile_submitted=submitted,
        spouse=spouse,
        job_offer=offer,
    )


@st.composite
def dated_documented(draw: st.DrawFn) -> tuple[date, Candidate]:
    as_of = draw(st.dates(AS_OF_MIN, AS_OF_MAX))
    return as_of, draw(documented(as_of=as_of))


# --- profiles -------------------------------------------------------------------------


@settings(max_examples=40)
@given(dated_documented())
def test_a_profile_comes_back_equal_and_derives_what_its_constructor_does(
    case: tuple[date, Candidate],
) -> None:
    as_of, c = case
    back = round_trip(c)
    assert back == c
    assert back is not c
    assert derived_of(back) == derived_of(rebuilt(c)) == derived_of(c)
    assert score(back, as_of=as_of) == score(c, as_of=as_of)


@settings(max_examples=20)
@given(dated_documented())
def test_a_scored_profile_pickles_without_its_packed_inputs(case: tuple[date, Candidate]) -> None:
    as_of, c = case
    fresh = pickle.dumps(c, protocol=pickle.HIGHEST_PROTOCOL)
    score_many([c], as_of=as_of)
    flags_many([c], as_of=as_of)
    assert c.derived is not None  # the fast paths packed their inputs into it
    assert pickle.dumps(c, protocol=pickle.HIGHEST_PROTOCOL) == fresh
    back = pickle.loads(fresh)  # noqa: S301 (our own bytes)
    assert back.derived is None
    assert back.work_history.derived is None
    assert derived_of(back) == derived_of(c)


@settings(max_examples=20)
@given(st.integers(0, 2**32 - 1), st.dates(AS_OF_MIN, AS_OF_MAX))
def test_a_pickled_pool_scores_and_qualifies_as_the_original(seed: int, as_of: date) -> None:
    rng = random.Random(seed)
    pool = [random_candidate(rng, as_of) for _ in range(60)]
    back = round_trip(pool)
    assert back == pool
    assert [derived_of(c) for c in back] == [derived_of(rebuilt(c)) for c in pool]
    assert score_many(back, as_of=as_of) == score_many(pool, as_of=as_of)
    assert flags_many(back, as_of=as_of) == flags_many(pool, as_of=as_of)


@settings(max_examples=25)
@given(st.lists(dated_documented(), min_size=1, max_size=6))
def test_profiles_unpickled_one_by_one_score_as_the_originals(
    cases: list[tuple[date, Candidate]],
) -> None:
    """Each profile pickled alone (as a worker sends it), all unpickled in one process.

    Unpickling shares days, scores, educations and offers between the profiles it
    builds: every copy is equal to its original, writes the same JSON (an int
    score stays an int, a float a float), derives what the constructor does, and
    scores and qualifies the same; and one day is one object in the copies.
    """
    pool = [c for _, c in cases]
    back = [round_trip(c) for c in pool]
    assert back == pool
    assert [ee.to_json(c) for c in back] == [ee.to_json(c) for c in pool]
    assert [derived_of(c) for c in back] == [derived_of(rebuilt(c)) for c in pool]
    for (as_of, c), b in zip(cases, back, strict=True):
        assert score_many([b], as_of=as_of) == score_many([c], as_of=as_of)
        assert score(b, as_of=as_of) == score(c, as_of=as_of)
        assert flags_many([b], as_of=as_of) == flags_many([c], as_of=as_of)
    days: dict[date, date] = {}
    for c in back:
        for d in (c.date_of_birth, *(r.test_date for r in c.languages)):
            assert days.setdefault(d, d) is d  # one object per day


@settings(max_examples=20)
@given(dated_documented())
def test_an_unpickled_profile_builds_on_its_first_read_as_the_original(
    case: tuple[date, Candidate],
) -> None:
    """Unpickling defers building the models: each way of reading first gives the original.

    A profile passed on unread pickles to the bytes it came as; the first read of
    any field, its equality, its repr, its JSON, a copy or an ``evolve`` builds it
    whole, and it then holds its first-language result among its results (one
    object, as the constructor keeps it).
    """
    as_of, c = case
    data = pickle.dumps(c, protocol=pickle.HIGHEST_PROTOCOL)
    reads = (
        lambda b: b.date_of_birth == c.date_of_birth,
        lambda b: b.derived is None,
        lambda b: b == c,
        lambda b: repr(b) == repr(c),
        lambda b: hash(b) == hash(c),
        lambda b: ee.to_json(b) == ee.to_json(c),
        lambda b: copy.copy(b) == c,
        lambda b: copy.deepcopy(b) == c,
        lambda b: attrs.evolve(b) == c,
        lambda b: score(b, as_of=as_of) == score(c, as_of=as_of),
        lambda b: pickle.dumps(b, protocol=pickle.HIGHEST_PROTOCOL) == data,
    )
    for read in reads:
        back = pickle.loads(data)  # noqa: S301 (our own bytes)
        assert pickle.loads(pickle.dumps(back, protocol=5)) == c  # noqa: S301 (passed on unread)
        assert read(back)
        assert back == c
        assert derived_of(back) == derived_of(c)
        first = back.first_language_result
        assert first is None or any(r is first for r in back.languages)
        assert pickle.dumps(back, protocol=pickle.HIGHEST_PROTOCOL) == data


def test_an_unpickled_profile_has_no_name_a_profile_lacks() -> None:
    """A name no profile has raises as on any object, before and after the first read."""
    c = ee.example_profile()
    back = round_trip(c)
    for profile in (back, back, c):  # unread, then read, then built by its constructor
        assert not hasattr(profile, "no_such_field")
        with pytest.raises(AttributeError, match="'Candidate' object has no attribute 'nope'"):
            _ = profile.nope  # type: ignore[attr-defined]
        assert getattr(profile, "__html__", None) is None  # probes of protocols
    assert back == c


def test_threads_reading_one_unpickled_pool_see_the_original() -> None:
    """Threads reading the same unpickled profiles at once: each build runs once, whole."""
    rng = random.Random(7)
    pool = [random_candidate(rng, DAY) for _ in range(200)]
    back = round_trip(pool)
    start = threading.Barrier(4)
    seen: list[list[tuple[object, ...]]] = []

    def read() -> None:
        start.wait()
        seen.append([(c.languages, c.first_language_result, c.work_history) for c in back])

    threads = [threading.Thread(target=read) for _ in range(4)]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads switch within a build
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(interval)
    assert len(seen) == 4
    for mine in seen[1:]:  # the same objects: no thread saw a second build
        assert all(
            a is b for x, y in zip(mine, seen[0], strict=True) for a, b in zip(x, y, strict=True)
        )
    assert back == pool


class _Moment(datetime):
    """A subclass of ``datetime``, as some libraries give."""


def _submission_times() -> list[datetime]:
    noon = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
    times = [
        noon.replace(tzinfo=UTC),
        noon.replace(tzinfo=timezone(timedelta(hours=-5))),
        noon.replace(tzinfo=timezone(timedelta(hours=5, minutes=30), "IST")),
        datetime(2026, 1, 5, 23, 59, 59, 999_999, tzinfo=timezone(timedelta(hours=-8))),
        datetime(2025, 12, 31, 0, 0, 0, 1, tzinfo=timezone(timedelta(hours=14))),
        noon.replace(tzinfo=UTC, fold=1),
        _Moment(2026, 1, 5, 12, 0, tzinfo=UTC),
    ]
    try:
        from zoneinfo import ZoneInfo  # noqa: PLC0415 (the system's time zone data)

        toronto = ZoneInfo("America/Toronto")
    except (ImportError, LookupError):  # no time zone data on this system
        return times
    repeated = datetime(2025, 11, 2, 1, 30, tzinfo=toronto)  # 1:30 came twice that night
    return [*times, repeated, repeated.replace(fold=1)]


@pytest.mark.parametrize("when", _submission_times(), ids=repr)
def test_a_submission_time_comes_back_as_it_was(when: datetime) -> None:
    """Every part of ``profile_submitted`` survives a round trip: zone, name, fold, kind.

    A fixed-offset time pickles as two plain values; any other comes back as it went.
    """
    c = attrs.evolve(ee.example_profile(), profile_submitted=when)
    back = round_trip(c).profile_submitted
    assert back is not None
    assert (back, type(back), back.tzinfo, back.fold) == (when, type(when), when.tzinfo, when.fold)
    assert (back.isoformat(), back.tzname(), back.utcoffset()) == (
        when.isoformat(),
        when.tzname(),
        when.utcoffset(),
    )
    assert round_trip(c).submitted_day == c.submitted_day
    assert ee.to_json(round_trip(c)) == ee.to_json(c)


def test_a_score_keeps_its_type_and_sign_when_shared() -> None:
    """Unpickling shares equal float scores, never an int with a float or 0.0 with -0.0."""
    as_float = LanguageResult(
        test=LanguageTest.CELPIP_GENERAL,
        test_date=date(2025, 1, 10),
        listening=9.0,
        speaking=9.0,
        reading=0.0,
        writing=9.0,
    )
    as_int = attrs.evolve(as_float, listening=9, speaking=9, reading=-0.0, writing=9)
    first, second = round_trip(as_float), round_trip(as_int)
    assert (type(first.listening), type(second.listening)) == (float, int)
    assert (str(first.reading), str(second.reading)) == ("0.0", "-0.0")
    assert (first, second) == (as_float, as_int)
    third = round_trip(as_float)
    assert third.listening is first.listening  # one object per float score
    assert third.test_date is first.test_date  # and per day


def test_every_model_pickles_alone() -> None:
    taken = date(2025, 1, 10)
    result = LanguageResult(
        test=LanguageTest.IELTS_GENERAL,
        test_date=taken,
        listening=8.0,
        speaking=7.0,
        reading=7.0,
        writing=7.0,
        result_date=date(2025, 1, 24),
    )
    period = WorkPeriod(
        start=date(2020, 1, 1), end=None, hours_per_week=37.5, noc="21231", in_canada=True
    )
    values: list[object] = [
        result,
        Education(level=EducationLevel.MASTERS, eca_issued=date(2024, 1, 1)),
        Education(level=EducationLevel.SECONDARY),
        period,
        WorkHistory(),
        WorkHistory(periods=(period, attrs.evolve(period, start=date(2018, 5, 1)))),
        JobOffer(noc="00012", canadian_armed_forces=True),
        PoliceCertificate(country="IN", issued=date(2025, 2, 1), left=date(2024, 12, 1)),
        Spouse(language=result, work_history=WorkHistory(periods=(period,))),
    ]
    for value in values:
        back = round_trip(value)
        assert back == value
        assert type(back) is type(value)
    back_result = round_trip(result)
    assert (back_result.levels, back_result.lowest, back_result.language) == (
        (9, 9, 9, 9),  # IRCC's IELTS chart: 8.0 listening and 7.0 elsewhere are CLB 9
        9,
        result.language,
    )
    history = round_trip(values[5])
    assert isinstance(history, WorkHistory)
    assert (history.first_start, history.last_start) == (date(2018, 5, 1), date(2020, 1, 1))


# --- rule sets --------------------------------------------------------------------------


def _high_wage(candidate: Candidate, _day: date) -> tuple[int, str]:
    """An added factor defined at module level, so it pickles by reference."""
    offer = candidate.job_offer
    if offer is not None and offer.noc.startswith("21"):
        return 40, f"Job offer in a high-wage occupation (NOC {offer.noc})"
    return 0, "No job offer in a high-wage occupation"


_CONSULTATION = Source(
    id="consultation",
    title="A consultation (illustrative)",
    url="https://www.canada.ca/en.html",
    retrieved=DAY,
)


def _generous_ielts() -> LanguageChart:
    published = chart_for(LanguageTest.IELTS_GENERAL, DAY)
    bands = {a: (Band(10, 5.0, published.scales[a].high),) for a in Ability}
    return LanguageChart(LanguageTest.IELTS_GENERAL, published.scales, MappingProxyType(bands))


def _reforms() -> dict[str, RuleSet]:
    rules = rules_for(as_of=DAY)
    return {
        "in force": rules,
        "2019": rules_for(as_of=date(2019, 6, 1)),
        "replace": rules.replace("crs.additional.sibling", 30, reform="sibling 30"),
        "zero": rules.zero("crs.core.age", reform="no age points"),
        "chart": rules.replace("language.ielts_general", _generous_ielts(), reform="IELTS 5+"),
        "period": rules.replace(
            "program.validity.language_result_years", 3, reform="results valid 3 years"
        ),
        "added": rules.add_factor(
            AddedFactor(
                rule_id="reform.high_wage",
                section=CrsSection.ADDITIONAL,
                title="A job offer in a high-wage occupation",
                points=_high_wage,
                source=_CONSULTATION,
            ),
            reform="high-wage factor",
        )
        .zero("crs.additional.sibling", reform="high wage, no sibling")
        .replace("crs.additional.provincial_nomination", 400, reform="and PNP 400"),
    }


@pytest.mark.parametrize("name", list(_reforms()))
def test_a_rule_set_comes_back_equal_and_scores_the_same(name: str) -> None:
    rules = _reforms()[name]
    rng = random.Random(name)
    pool = [random_candidate(rng, DAY) for _ in range(150)]
    before = score_many(pool, as_of=DAY, rules=rules)  # compiles plans and memos
    assert rules.compiled
    data = pickle.dumps(rules, protocol=pickle.HIGHEST_PROTOCOL)
    back = pickle.loads(data)  # noqa: S301 (our own bytes)
    assert back == rules
    assert (back.reform, back.replaced, back.zeroed, repr(back)) == (
        rules.reform,
        rules.replaced,
        rules.zeroed,
        repr(rules),
    )
    assert back.compiled == {}  # nothing compiled travels
    assert score_many(pool, as_of=DAY, rules=back) == before
    assert flags_many(pool, as_of=DAY, rules=back) == flags_many(pool, as_of=DAY, rules=rules)
    assert [score(c, as_of=DAY, rules=back) for c in pool[:20]] == [
        score(c, as_of=DAY, rules=rules) for c in pool[:20]
    ]
    rules.clear_memos()
    assert pickle.dumps(rules, protocol=pickle.HIGHEST_PROTOCOL) == data  # memos never pickled


def test_the_published_charts_come_back_as_themselves() -> None:
    reforms = _reforms()
    assert round_trip(reforms["in force"]).language_charts is CHARTS
    charts = round_trip(reforms["chart"]).language_charts
    assert charts is not CHARTS
    assert charts == reforms["chart"].language_charts
    assert charts[LanguageTest.TEF_CANADA] is CHARTS[LanguageTest.TEF_CANADA]
    chart = charts[LanguageTest.IELTS_GENERAL].entries[-1].value
    assert chart.read((5.0, 5.0, 5.0, 5.0)) == ((10, 10, 10, 10), 10)  # rebuilt and working
    assert isinstance(chart.bands, MappingProxyType)  # tables stay read-only


def test_rule_sets_of_every_edition_come_back_equal() -> None:
    day = AS_OF_MIN
    while day <= AS_OF_MAX:
        rules = rules_for(as_of=day)
        assert round_trip(rules) == rules
        day += timedelta(days=97)


def test_a_factor_defined_in_a_lambda_does_not_pickle() -> None:
    rules = rules_for(as_of=DAY).add_factor(
        AddedFactor(
            rule_id="reform.lambda",
            section=CrsSection.ADDITIONAL,
            title="Anything",
            points=lambda c, d: (0, "none"),
            source=_CONSULTATION,
        ),
        reform="a lambda",
    )
    with pytest.raises((pickle.PicklingError, AttributeError)):
        pickle.dumps(rules)


# --- results: what a worker sends back --------------------------------------------


def _results() -> dict[str, object]:
    c, day = ee.example_profile(), date(2026, 11, 22)
    return {
        "score": ee.score(c, as_of=day),
        "assess": ee.assess(c, as_of=day),
        "flags": flags_many([c], as_of=day)[0],
        "plan": ee.improvements(c, as_of=day, chances=False),
        "outlook": ee.outlook(c, as_of=day),
        "forecast": ee.forecast(c, start=day, end=date(2027, 11, 22)),
        "validity": ee.validity_on(c, as_of=day),
        "pool_status": ee.pool_status(c, as_of=day),
    }


@pytest.mark.parametrize("name", list(_results()))
def test_a_result_comes_back_equal(name: str) -> None:
    result = _results()[name]
    back = pickle.loads(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))  # noqa: S301
    assert back == result
    assert type(back) is type(result)
