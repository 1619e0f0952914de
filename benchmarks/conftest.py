"""A seeded pool of realistic Express Entry profiles for the benchmarks.

The generator draws plain *inputs* (typed dicts of dates, enums, numbers and
strings, nested the way the models nest), so the cost of building the models can
be measured on its own. Every input is valid: raw language scores are drawn on
the scale of the chart in force on the test date, education respects
:class:`~expressentry.models.Education`'s rules, no document, job or birth
date is after :data:`AS_OF`, and no job starts before the 16th birthday.

The pool size comes from ``EXPRESSENTRY_BENCH_POOL`` (default 100,000); the seed
is fixed, so every run scores the same pool.
"""

from __future__ import annotations

import gc
import math
import os
import random
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from time import perf_counter
from typing import Any, TypedDict

import cattrs
import pytest
from attrs import frozen

from expressentry import (
    Ability,
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
    to_dict,
)
from expressentry.rules.language_tables import chart_for

AS_OF = date(2026, 11, 22)
"""The day every benchmark scores the pool on."""

SEED = 2026
DEFAULT_POOL = 100_000
POOL_ENV = "EXPRESSENTRY_BENCH_POOL"


def pool_size() -> int:
    """The pool size from ``EXPRESSENTRY_BENCH_POOL``, default 100,000."""
    raw = os.environ.get(POOL_ENV, "").strip()
    if not raw:
        return DEFAULT_POOL
    size = int(raw.replace("_", ""))
    if size < 1:
        msg = f"{POOL_ENV} must be a positive whole number, got {raw!r}"
        raise ValueError(msg)
    return size


# --- input shapes -----------------------------------------------------------------


class EducationSpec(TypedDict):
    """Keyword arguments of :class:`Education`."""

    level: EducationLevel
    canadian_credential: CanadianCredential
    eca_issued: date | None


class LanguageSpec(TypedDict):
    """Keyword arguments of :class:`LanguageResult`."""

    test: LanguageTest
    test_date: date
    listening: float
    speaking: float
    reading: float
    writing: float


class WorkPeriodSpec(TypedDict):
    """Keyword arguments of :class:`WorkPeriod`."""

    start: date
    end: date | None
    hours_per_week: float
    noc: str
    in_canada: bool
    self_employed: bool
    full_time_student: bool
    authorized: bool


class SpouseSpec(TypedDict):
    """Inputs of a :class:`Spouse`; nested models as specs."""

    accompanying: bool
    canadian_citizen_or_pr: bool
    education: EducationSpec | None
    language: LanguageSpec | None
    work_history: list[WorkPeriodSpec]


class EligibilitySpec(TypedDict):
    """The profile fields only program eligibility reads."""

    certificate_noc: str | None
    dependent_children: int
    settlement_funds: int | None
    authorized_to_work_in_canada: bool
    studied_in_canada: bool
    relative_in_canada: bool
    plans_to_live_in_quebec: bool


class CandidateSpec(TypedDict):
    """Inputs of a :class:`Candidate`; nested models as specs."""

    date_of_birth: date
    education: EducationSpec
    marital_status: MaritalStatus
    spouse: SpouseSpec | None
    languages: list[LanguageSpec]
    first_official_language: OfficialLanguage | None
    work_history: list[WorkPeriodSpec]
    certificate_of_qualification: bool
    provincial_nomination: bool
    job_offer_noc: str | None
    sibling_in_canada: bool
    profile_submitted: datetime | None
    eligibility: EligibilitySpec


# --- building models from specs ------------------------------------------------------


def build_history(periods: list[WorkPeriodSpec]) -> WorkHistory:
    """A :class:`WorkHistory` from period specs (the empty history when none)."""
    return WorkHistory(periods=tuple(WorkPeriod(**p) for p in periods))


def build_spouse(s: SpouseSpec) -> Spouse:
    """A :class:`Spouse` from its spec."""
    education = s["education"]
    language = s["language"]
    return Spouse(
        accompanying=s["accompanying"],
        canadian_citizen_or_pr=s["canadian_citizen_or_pr"],
        education=None if education is None else Education(**education),
        language=None if language is None else LanguageResult(**language),
        work_history=build_history(s["work_history"]),
    )


def build_candidate(s: CandidateSpec) -> Candidate:
    """A :class:`Candidate` (and every nested model) from its spec."""
    spouse = s["spouse"]
    noc = s["job_offer_noc"]
    return Candidate(
        date_of_birth=s["date_of_birth"],
        education=Education(**s["education"]),
        marital_status=s["marital_status"],
        spouse=None if spouse is None else build_spouse(spouse),
        languages=tuple(LanguageResult(**r) for r in s["languages"]),
        first_official_language=s["first_official_language"],
        work_history=build_history(s["work_history"]),
        certificate_of_qualification=s["certificate_of_qualification"],
        provincial_nomination=s["provincial_nomination"],
        job_offer=None if noc is None else JobOffer(noc=noc),
        sibling_in_canada=s["sibling_in_canada"],
        profile_submitted=s["profile_submitted"],
        **s["eligibility"],
    )


# --- the generator -------------------------------------------------------------------

_LEVELS = tuple(EducationLevel)
_LEVEL_WEIGHTS = (2, 8, 6, 12, 38, 12, 19, 3)
_NEEDS = {
    CanadianCredential.SECONDARY: EducationLevel.SECONDARY,
    CanadianCredential.ONE_OR_TWO_YEAR: EducationLevel.ONE_YEAR,
    CanadianCredential.THREE_YEAR_OR_MORE: EducationLevel.BACHELORS,
}
_COVERS = {
    CanadianCredential.SECONDARY: EducationLevel.SECONDARY,
    CanadianCredential.ONE_OR_TWO_YEAR: EducationLevel.TWO_YEAR,
    CanadianCredential.THREE_YEAR_OR_MORE: EducationLevel.DOCTORAL,
}

# NOC 2021 codes by TEER (the 2nd digit), weighted towards skilled work.
_NOCS_BY_TEER: tuple[tuple[str, ...], ...] = (
    ("00012", "00013", "10010", "20012", "60030", "70010"),
    ("21231", "21232", "21211", "11100", "31301", "41200", "21300"),
    ("22220", "72200", "72310", "62020", "42202", "72410"),
    ("63200", "73300", "33102", "63202", "72999"),
    ("44101", "64100", "65200", "64409"),
    ("65310", "75110", "85100", "95100"),
)
_TEER_WEIGHTS = (8, 34, 24, 18, 10, 6)
_TRADE_NOCS = ("72200", "72310", "72410", "63200", "73300", "72999")

_ENGLISH_TESTS = (LanguageTest.IELTS_GENERAL, LanguageTest.CELPIP_GENERAL, LanguageTest.PTE_CORE)
_ENGLISH_WEIGHTS = (60, 25, 15)
_FRENCH_TESTS = (LanguageTest.TEF_CANADA, LanguageTest.TCF_CANADA)
_FRENCH_WEIGHTS = (55, 45)
_CLB_TARGETS = (3, 4, 5, 6, 7, 8, 9, 10)
_CLB_WEIGHTS = (2, 4, 7, 12, 24, 22, 18, 11)
_ABILITIES = (Ability.LISTENING, Ability.SPEAKING, Ability.READING, Ability.WRITING)
_AGES = tuple(range(18, 51))
_AGE_WEIGHTS = tuple(
    1 if a < 21 else 4 if a < 24 else 9 if a < 33 else 6 if a < 38 else 3 if a < 45 else 1
    for a in _AGES
)
_LANGUAGE_WINDOW = 2 * 365  # results are valid for two years
_ECA_WINDOW = 5 * 365  # so are ECAs, for five
_DAY = timedelta(days=1)


class PoolGenerator:
    """Draws realistic, valid candidate specs from one seeded random stream."""

    def __init__(self, seed: int = SEED, as_of: date = AS_OF) -> None:
        self.rng = random.Random(seed)
        # A second stream for the eligibility-only fields, so adding them left the
        # CRS inputs of the pool exactly as they were.
        self.facts = random.Random(seed + 1)
        self.as_of = as_of

    def days_before(self, low: int, high: int) -> date:
        """A day ``low`` to ``high`` days before ``as_of`` (both inclusive)."""
        return self.as_of - timedelta(days=self.rng.randint(low, high))

    def chance(self, p: float) -> bool:
        """True with probability ``p``."""
        return self.rng.random() < p

    # education ---------------------------------------------------------------------

    def education(self, canadian_share: float = 0.2) -> EducationSpec:
        """A valid education: foreign with (mostly) an ECA, or with a Canadian credential."""
        rng = self.rng
        level = rng.choices(_LEVELS, _LEVEL_WEIGHTS)[0]
        credential = CanadianCredential.NONE
        if self.chance(canadian_share):
            usable = [c for c, need in _NEEDS.items() if level.rank >= need.rank]
            if usable:
                credential = rng.choices(usable, range(1, len(usable) + 1))[0]
        if credential is not CanadianCredential.NONE:
            # a level above what the Canadian credential covers is foreign: ECA required
            needs_eca = level.rank > _COVERS[credential].rank
            has_eca = needs_eca or self.chance(0.1)
        elif level is EducationLevel.LESS_THAN_SECONDARY:
            has_eca = False
        elif level is EducationLevel.SECONDARY:
            has_eca = self.chance(0.6)
        else:
            has_eca = self.chance(0.92)  # the rest forgot the ECA and earn nothing
        eca = self.days_before(0, _ECA_WINDOW) if has_eca else None
        return {"level": level, "canadian_credential": credential, "eca_issued": eca}

    # language ----------------------------------------------------------------------

    def raw_score(self, test: LanguageTest, when: date, ability: Ability, clb: int) -> float:
        """A reportable raw score that the chart of ``when`` reads as about ``clb``."""
        chart = chart_for(test, when)
        scale = chart.scales[ability]
        bands = chart.bands[ability]
        band = next((b for b in bands if b.level == clb), None)
        if band is not None:
            low, high = band.low, band.high
        elif clb > bands[0].level:
            low, high = bands[0].low, scale.high
        else:  # below the chart
            low, high = scale.low, bands[-1].low - scale.step
        first = round((low - scale.low) / scale.step)
        last = round((high - scale.low) / scale.step)
        return float(scale.low + self.rng.randint(first, last) * scale.step)

    def language(self, test: LanguageTest, base: int) -> LanguageSpec:
        """A result in ``test`` around CLB ``base``, taken in the last two years."""
        when = self.days_before(0, _LANGUAGE_WINDOW - 1)
        scores: dict[Ability, float] = {}
        for ability in _ABILITIES:
            clb = min(10, max(3, base + self.rng.choice((-1, 0, 0, 0, 1))))
            scores[ability] = self.raw_score(test, when, ability, clb)
        return {
            "test": test,
            "test_date": when,
            "listening": scores[Ability.LISTENING],
            "speaking": scores[Ability.SPEAKING],
            "reading": scores[Ability.READING],
            "writing": scores[Ability.WRITING],
        }

    def english(self, base: int) -> LanguageSpec:
        """An IELTS, CELPIP or PTE Core result."""
        return self.language(self.rng.choices(_ENGLISH_TESTS, _ENGLISH_WEIGHTS)[0], base)

    def french(self, base: int) -> LanguageSpec:
        """A TEF Canada or TCF Canada result."""
        return self.language(self.rng.choices(_FRENCH_TESTS, _FRENCH_WEIGHTS)[0], base)

    def clb(self) -> int:
        """A candidate's typical level."""
        return self.rng.choices(_CLB_TARGETS, _CLB_WEIGHTS)[0]

    def languages(self) -> tuple[list[LanguageSpec], OfficialLanguage | None]:
        """0-2 results (at most one per official language) and the first language."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.03:
            return [], None
        if roll < 0.78:  # English only
            first = None if self.chance(0.7) else OfficialLanguage.ENGLISH
            return [self.english(self.clb())], first
        if roll < 0.83:  # French only
            first = None if self.chance(0.7) else OfficialLanguage.FRENCH
            return [self.french(self.clb())], first
        if roll < 0.95:  # English first, French as a second language
            return (
                [self.english(self.clb()), self.french(rng.randint(3, 9))],
                OfficialLanguage.ENGLISH,
            )
        results = [self.french(self.clb()), self.english(rng.randint(3, 9))]
        rng.shuffle(results)
        return results, OfficialLanguage.FRENCH

    # work --------------------------------------------------------------------------

    def noc(self, teer_weights: tuple[int, ...] = _TEER_WEIGHTS) -> str:
        """A NOC 2021 code, weighted by TEER."""
        teer = self.rng.choices(range(6), teer_weights)[0]
        return self.rng.choice(_NOCS_BY_TEER[teer])

    def hours(self) -> float:
        """Weekly hours: mostly full time, some part time, a few long weeks."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.25:
            return float(rng.randint(10, 29))
        if roll < 0.9:
            return rng.choice((30.0, 35.0, 37.5, 40.0, 40.0, 40.0, 44.0))
        return float(rng.randint(41, 50))

    def work_history(self, most: int = 4, canada_share: float = 0.35) -> list[WorkPeriodSpec]:
        """0 to ``most`` jobs, oldest first: some overlapping, some ongoing."""
        rng = self.rng
        count = rng.choices(range(most + 1), (12, 35, 28, 15, 10)[: most + 1])[0]
        periods: list[WorkPeriodSpec] = []
        # the first job started 1 to 13 years ago
        start = self.days_before(30, 13 * 365)
        for i in range(count):
            if start >= self.as_of:
                break
            in_canada = self.chance(canada_share)
            last = i == count - 1
            ongoing = self.chance(0.6 if last else 0.1)
            end: date | None = None
            if not ongoing:
                length = rng.randint(90, 6 * 365)
                end = min(start + timedelta(days=length), self.as_of - _DAY)
            periods.append(
                {
                    "start": start,
                    "end": end,
                    "hours_per_week": self.hours(),
                    "noc": self.noc(),
                    "in_canada": in_canada,
                    "self_employed": self.chance(0.07),
                    "full_time_student": in_canada and self.chance(0.12),
                    "authorized": not (in_canada and self.chance(0.01)),
                }
            )
            stop = self.as_of if end is None else end
            if self.chance(0.2):  # the next job overlaps this one (a second job)
                span = (stop - start).days
                start = start + timedelta(days=rng.randint(0, max(0, span)))
            else:
                start = stop + timedelta(days=rng.randint(1, 240))
        return periods

    # people ------------------------------------------------------------------------

    def date_of_birth(self) -> date:
        """A birth date giving an age of 18 to 50 on ``as_of``."""
        age = self.rng.choices(_AGES, _AGE_WEIGHTS)[0]
        birthday = self.as_of.replace(year=self.as_of.year - age)
        return birthday - timedelta(days=self.rng.randint(0, 363))

    def spouse(self) -> SpouseSpec:
        """A spouse or partner: mostly accompanying, some tested and experienced."""
        lang: LanguageSpec | None = None
        if self.chance(0.55):
            lang = self.english(self.clb()) if self.chance(0.9) else self.french(self.clb())
        return {
            "accompanying": self.chance(0.85),
            "canadian_citizen_or_pr": self.chance(0.06),
            "education": self.education(canadian_share=0.1) if self.chance(0.85) else None,
            "language": lang,
            "work_history": self.work_history(most=2, canada_share=0.3),
        }

    def candidate(self) -> CandidateSpec:
        """One realistic, valid candidate."""
        rng = self.rng
        spouse: SpouseSpec | None = None
        if self.chance(0.45):
            status = MaritalStatus.MARRIED if self.chance(0.7) else MaritalStatus.COMMON_LAW
            spouse = self.spouse()
        else:
            status = rng.choices(
                (
                    MaritalStatus.NEVER_MARRIED,
                    MaritalStatus.DIVORCED,
                    MaritalStatus.LEGALLY_SEPARATED,
                    MaritalStatus.WIDOWED,
                    MaritalStatus.ANNULLED,
                ),
                (88, 7, 3, 1, 1),
            )[0]
        languages, first = self.languages()
        certificate = self.chance(0.03)
        history = self.work_history()
        if certificate and history:
            history[-1]["noc"] = rng.choice(_TRADE_NOCS)
        submitted = datetime.combine(self.days_before(0, 365), time(), tzinfo=UTC) + timedelta(
            seconds=rng.randint(0, 86_399)
        )
        spec: CandidateSpec = {
            "date_of_birth": self.date_of_birth(),
            "education": self.education(),
            "marital_status": status,
            "spouse": spouse,
            "languages": languages,
            "first_official_language": first,
            "work_history": history,
            "certificate_of_qualification": certificate,
            "provincial_nomination": self.chance(0.05),
            "job_offer_noc": self.noc((15, 35, 25, 20, 3, 2)) if self.chance(0.1) else None,
            "sibling_in_canada": self.chance(0.05),
            "profile_submitted": None if self.chance(0.1) else submitted,
            "eligibility": self.eligibility(history, certificate=certificate),
        }
        # No work before the 16th birthday; drawn as before, so the pool keeps its seed.
        spec["work_history"] = from_working_age(history, spec["date_of_birth"])
        return spec

    def eligibility(self, history: list[WorkPeriodSpec], *, certificate: bool) -> EligibilitySpec:
        """Funds, family, work authorization and the rest, from the second stream."""
        r = self.facts
        in_canada = any(p["in_canada"] for p in history)
        return {
            "certificate_noc": history[-1]["noc"] if certificate and history else None,
            "dependent_children": r.choices((0, 1, 2, 3), (60, 20, 15, 5))[0],
            "settlement_funds": None if r.random() < 0.2 else r.randint(5_000, 60_000),
            "authorized_to_work_in_canada": r.random() < (0.6 if in_canada else 0.03),
            "studied_in_canada": r.random() < 0.1,
            "relative_in_canada": r.random() < 0.1,
            "plans_to_live_in_quebec": r.random() < 0.02,
        }

    def pool(self, size: int) -> list[CandidateSpec]:
        """``size`` candidate specs."""
        return [self.candidate() for _ in range(size)]


def from_working_age(periods: list[WorkPeriodSpec], born: date) -> list[WorkPeriodSpec]:
    """``periods`` without the work before the 16th birthday (a job that ends before it goes)."""
    try:
        sixteen = born.replace(year=born.year + 16)
    except ValueError:  # born on 29 February
        sixteen = date(born.year + 16, 3, 1)
    kept: list[WorkPeriodSpec] = []
    for p in periods:
        end = p["end"]
        if end is not None and end < sixteen:
            continue
        kept.append({**p, "start": max(p["start"], sixteen)})
    return kept


# --- the reference of reading: plain attrs classes of the same shape, no checks --------


@frozen(kw_only=True)
class PlainEducation:
    level: EducationLevel
    canadian_credential: CanadianCredential = CanadianCredential.NONE
    eca_issued: date | None = None


@frozen(kw_only=True)
class PlainLanguageResult:
    test: LanguageTest
    test_date: date
    listening: float
    speaking: float
    reading: float
    writing: float
    result_date: date | None = None


@frozen(kw_only=True)
class PlainWorkPeriod:
    start: date
    end: date | None
    hours_per_week: float
    noc: str
    in_canada: bool
    self_employed: bool = False
    full_time_student: bool = False
    authorized: bool = True


@frozen(kw_only=True)
class PlainJobOffer:
    noc: str
    canadian_armed_forces: bool = False


@frozen(kw_only=True)
class PlainPoliceCertificate:
    country: str
    issued: date
    left: date | None = None


@frozen(kw_only=True)
class PlainSpouse:
    accompanying: bool = True
    canadian_citizen_or_pr: bool = False
    education: PlainEducation | None = None
    language: PlainLanguageResult | None = None
    work_history: tuple[PlainWorkPeriod, ...] = ()
    studied_in_canada: bool = False
    medical_exam: date | None = None
    passport_expiry: date | None = None
    police_certificates: tuple[PlainPoliceCertificate, ...] = ()


@frozen(kw_only=True)
class PlainCandidate:
    date_of_birth: date
    education: PlainEducation
    marital_status: MaritalStatus = MaritalStatus.NEVER_MARRIED
    spouse: PlainSpouse | None = None
    languages: tuple[PlainLanguageResult, ...] = ()
    first_official_language: OfficialLanguage | None = None
    work_history: tuple[PlainWorkPeriod, ...] = ()
    certificate_of_qualification: bool = False
    provincial_nomination: bool = False
    job_offer: PlainJobOffer | None = None
    sibling_in_canada: bool = False
    profile_submitted: datetime | None = None
    certificate_noc: str | None = None
    dependent_children: int = 0
    settlement_funds: int | None = None
    authorized_to_work_in_canada: bool = False
    studied_in_canada: bool = False
    relative_in_canada: bool = False
    plans_to_live_in_quebec: bool = False
    medical_exam: date | None = None
    passport_expiry: date | None = None
    police_certificates: tuple[PlainPoliceCertificate, ...] = ()


def plain_converter() -> cattrs.Converter:
    """cattrs with its defaults, and ISO dates read by the standard library."""
    conv = cattrs.Converter()
    conv.register_structure_hook(date, lambda v, _: date.fromisoformat(v))
    conv.register_structure_hook(datetime, lambda v, _: datetime.fromisoformat(v))
    return conv


@pytest.fixture(scope="session")
def read_plain() -> Callable[[Any], Any]:
    """Plain cattrs structuring of a profile's JSON data into :class:`PlainCandidate`."""
    conv = plain_converter()
    return lambda data: conv.structure(data, PlainCandidate)


# --- fixtures ------------------------------------------------------------------------


@pytest.fixture(scope="session")
def as_of() -> date:
    """The day the pool is scored on."""
    return AS_OF


@pytest.fixture(scope="session")
def specs() -> list[CandidateSpec]:
    """The seeded pool's inputs (``EXPRESSENTRY_BENCH_POOL`` of them)."""
    return PoolGenerator().pool(pool_size())


@pytest.fixture(scope="session")
def build_pool(specs: list[CandidateSpec]) -> Callable[[], list[Candidate]]:
    """Builds the pool's candidates (every nested model) from their inputs."""

    def build() -> list[Candidate]:
        return [build_candidate(s) for s in specs]

    return build


@pytest.fixture(scope="session")
def build_some() -> Callable[[list[CandidateSpec]], list[Candidate]]:
    """Builds fresh candidates from some of the inputs (nothing packed or cached on them)."""

    def build(chosen: list[CandidateSpec]) -> list[Candidate]:
        return [build_candidate(s) for s in chosen]

    return build


@pytest.fixture(scope="session")
def pool(build_pool: Callable[[], list[Candidate]]) -> list[Candidate]:
    """The pool's candidates, built once."""
    return build_pool()


@pytest.fixture(scope="session")
def pool_dicts(pool: list[Candidate]) -> list[dict[str, Any]]:
    """The pool as plain JSON-able dicts (``to_dict`` of each candidate)."""
    return [to_dict(c) for c in pool]


# --- timing helpers shared by the benchmark modules --------------------------------

ALTERNATED_ROUNDS = 3
"""Passes of each run when two are alternated."""

Alternated = Callable[[Callable[[], object], Callable[[], object]], tuple[float, float]]


def _collect() -> None:
    gc.collect()


def _alternate(first: Callable[[], object], second: Callable[[], object]) -> tuple[float, float]:
    best = [math.inf, math.inf]
    for _ in range(ALTERNATED_ROUNDS):
        for i, run in enumerate((first, second)):
            gc.collect()
            start = perf_counter()
            run()
            best[i] = min(best[i], perf_counter() - start)
    return best[0], best[1]


@pytest.fixture(scope="session")
def fresh_heap() -> Callable[[], None]:
    """A ``benchmark.pedantic`` setup: each round starts from a collected heap.

    It returns nothing: what a setup returns is taken for the run's arguments.
    """
    return _collect


@pytest.fixture(scope="session")
def alternated() -> Alternated:
    """Best seconds of 3 passes of each of two runs, alternated (a shared machine drifts)."""
    return _alternate
