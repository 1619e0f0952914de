"""Benchmark of ``from_dict`` on the pool's dicts, against plain cattrs on plain classes.

The reference is what reading the same dicts costs without any of the library's
checks: cattrs structuring them into plain attrs classes of the same shape
(:class:`PlainCandidate` and its parts, no validation, no derived values), with a
plain converter whose only hooks read ISO dates. ``extra_info["ratio_to_plain_cattrs"]``
is the best pass of ``from_dict`` over the best pass of the reference, alternated
in the same run (target: 3). Nothing here asserts a duration.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import cattrs
from attrs import frozen
from pytest_benchmark.fixture import BenchmarkFixture

from expressentry import (
    CanadianCredential,
    Candidate,
    EducationLevel,
    LanguageTest,
    MaritalStatus,
    OfficialLanguage,
    from_dict,
)

ROUNDS = 3


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


def test_from_dict_against_plain_cattrs(
    benchmark: BenchmarkFixture,
    pool_dicts: list[dict[str, Any]],
    pool: list[Candidate],
    fresh_heap: Callable[[], None],
    alternated: Callable[[Callable[[], object], Callable[[], object]], tuple[float, float]],
) -> None:
    """``from_dict`` of every dict of the pool, and its time over plain cattrs'."""
    conv = plain_converter()

    def library() -> list[Candidate]:
        return [from_dict(d, Candidate) for d in pool_dicts]

    def plain() -> list[PlainCandidate]:
        return [conv.structure(d, PlainCandidate) for d in pool_dicts]

    read: list[Candidate] = benchmark.pedantic(  # type: ignore[no-untyped-call]
        library, setup=fresh_heap, rounds=ROUNDS, iterations=1
    )
    benchmark.extra_info["pool_size"] = len(pool_dicts)
    if benchmark.stats is not None:  # None under --benchmark-disable
        mean = benchmark.stats.stats.mean
        benchmark.extra_info["candidates_per_second"] = round(len(pool) / mean) if mean else None
        ours, theirs = alternated(library, plain)
        benchmark.extra_info["from_dict_best_s"] = round(ours, 4)
        benchmark.extra_info["plain_cattrs_best_s"] = round(theirs, 4)
        benchmark.extra_info["ratio_to_plain_cattrs"] = round(ours / theirs, 2)
    assert read == pool  # a lossless round trip
    # the reference reads the same data: same dates, same enums, same numbers
    plain_pool = plain()
    assert [p.date_of_birth for p in plain_pool] == [c.date_of_birth for c in pool]
    assert [len(p.work_history) for p in plain_pool] == [len(c.work_history.periods) for c in pool]
