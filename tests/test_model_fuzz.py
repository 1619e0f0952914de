"""Fuzz of the model constructors with arbitrary Python values, mixed with valid ones.

Each example starts from the example profile, gives a few fields arbitrary values
(None, booleans, huge integers, NaN and infinities, strings, dates, naive and
aware datetimes, members of the wrong enum, lists, tuples, dicts, other models)
and the rest valid ones, and builds the model. Either the constructor raises an
``InvalidInputError`` whose every problem names a field, or the model holds only
values of its fields' types, and a candidate built from it is scored and assessed
raising nothing but the documented errors.

The seed is fixed (``derandomize=True``); 7 models x 750 examples = 5,250 inputs.

Kind: property (fuzz) of user-facing behaviour.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from enum import Enum
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from expressentry import (
    CanadianCredential,
    Candidate,
    Education,
    EducationLevel,
    FieldProblem,
    InvalidInputError,
    JobOffer,
    LanguageResult,
    LanguageTest,
    MaritalStatus,
    OfficialLanguage,
    PoliceCertificate,
    RulesNotInForceError,
    Spouse,
    WorkHistory,
    WorkPeriod,
    assess,
    enums,
    example_profile,
    score,
)

pytestmark = pytest.mark.slow  # a long test: CI runs it (pytest -m slow)

EXAMPLES = 750
AS_OF = date(2026, 11, 22)
PROFILE = example_profile()
assert PROFILE.spouse is not None
assert PROFILE.job_offer is not None

NOCS = ("21231", "00012", "72310", "44101", "65310", "21239", "2123", "abcde", "02123")

_MODELS: tuple[object, ...] = (
    PROFILE,
    PROFILE.spouse,
    PROFILE.education,
    PROFILE.languages[0],
    PROFILE.work_history,
    PROFILE.work_history.periods[0],
    PROFILE.job_offer,
)
_MEMBERS: tuple[Enum, ...] = tuple(
    m for name in enums.__all__ for m in getattr(enums, name) if isinstance(m, Enum)
)
_OFFSETS = st.integers(-23 * 60, 23 * 60).map(lambda m: timezone(timedelta(minutes=m)))
_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=4))

ANY: st.SearchStrategy[object] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([10**18, -(10**18), 10**400, -(10**400), 2**63, 0, -1]),
    st.floats(),
    st.sampled_from([math.nan, math.inf, -math.inf, -0.0, 1e308, 5e-324]),
    st.text(max_size=8),
    st.sampled_from(["", "no", "true", "False", "21231", "masters", "ielts_general", "1990-01-01"]),
    st.dates(),
    st.datetimes(),
    st.datetimes(timezones=_OFFSETS),
    st.sampled_from(_MEMBERS),
    st.lists(_SCALARS, max_size=3),
    st.tuples(_SCALARS, _SCALARS),
    st.dictionaries(st.text(max_size=3), _SCALARS, max_size=2),
    st.sampled_from(_MODELS),
)
"""Any Python value, mostly of a type the field does not take."""

_AWARE = st.datetimes(
    min_value=datetime(1, 1, 2),  # noqa: DTZ001 (bounds of a strategy)
    max_value=datetime(9999, 12, 30),  # noqa: DTZ001
    timezones=_OFFSETS,
)
_DAYS = st.dates(date(1900, 1, 1), date(2035, 12, 31))
_PERIODS = st.builds(  # periods that start after the example's 16th birthday
    lambda start, days, hours, noc, where: WorkPeriod(
        start=start,
        end=None if days is None else start + timedelta(days=days),
        hours_per_week=hours,
        noc=noc,
        in_canada=where,
    ),
    st.dates(date(2010, 3, 15), date(2030, 12, 31)),
    st.none() | st.integers(0, 4000),
    st.sampled_from([10, 30, 37.5, 40, 60]),
    st.sampled_from(["21231", "72310", "44101"]),
    st.booleans(),
)

_CERTIFICATES = st.lists(
    st.builds(
        PoliceCertificate,
        country=st.sampled_from(["IN", "FR", "PH"]),
        issued=_DAYS,
        left=st.none() | _DAYS,
    ),
    max_size=2,
)
_DOCUMENTS: dict[str, st.SearchStrategy[Any]] = {
    "medical_exam": st.none() | _DAYS,
    "passport_expiry": st.none() | _DAYS,
    "police_certificates": _CERTIFICATES.map(tuple) | _CERTIFICATES,
}

# For each field, valid values (of the right type; a value may still break a rule).
VALID: dict[type, dict[str, st.SearchStrategy[Any]]] = {
    WorkPeriod: {
        "start": _DAYS,
        "end": st.none() | _DAYS,
        "hours_per_week": st.floats(-5, 200) | st.integers(-5, 200),
        "noc": st.sampled_from(NOCS),
        "in_canada": st.booleans(),
        "self_employed": st.booleans(),
        "full_time_student": st.booleans(),
        "authorized": st.booleans(),
    },
    WorkHistory: {"periods": st.lists(_PERIODS, max_size=3).map(tuple) | st.lists(_PERIODS)},
    LanguageResult: {
        "test": st.sampled_from(list(LanguageTest)),
        "test_date": st.dates(date(2010, 1, 1), date(2030, 12, 31)),
        **{
            ability: st.floats(-10, 1000) | st.integers(-10, 1000)
            for ability in ("listening", "speaking", "reading", "writing")
        },
        "result_date": st.none() | st.dates(date(2010, 1, 1), date(2030, 12, 31)),
    },
    Education: {
        "level": st.sampled_from(list(EducationLevel)),
        "canadian_credential": st.sampled_from(list(CanadianCredential)),
        "eca_issued": st.none() | _DAYS,
    },
    JobOffer: {"noc": st.sampled_from(NOCS), "canadian_armed_forces": st.booleans()},
    Spouse: {
        "accompanying": st.booleans(),
        "canadian_citizen_or_pr": st.booleans(),
        "education": st.none() | st.just(PROFILE.education),
        "language": st.none() | st.sampled_from(PROFILE.languages),
        "work_history": st.lists(_PERIODS, max_size=2).map(lambda ps: WorkHistory(periods=ps)),
        "studied_in_canada": st.booleans(),
        **_DOCUMENTS,
    },
    Candidate: {
        "date_of_birth": _DAYS,
        "education": st.just(PROFILE.spouse.education),
        "marital_status": st.sampled_from(list(MaritalStatus)),
        "spouse": st.none() | st.just(PROFILE.spouse),
        "languages": st.sampled_from(
            [(), PROFILE.languages, PROFILE.languages[:1], list(PROFILE.languages[1:])]
        ),
        "first_official_language": st.none() | st.sampled_from(list(OfficialLanguage)),
        "work_history": st.lists(_PERIODS, max_size=2).map(lambda ps: WorkHistory(periods=ps)),
        "certificate_of_qualification": st.booleans(),
        "provincial_nomination": st.booleans(),
        "job_offer": st.none() | st.just(PROFILE.job_offer),
        "sibling_in_canada": st.booleans(),
        "profile_submitted": st.none() | _AWARE,
        "certificate_noc": st.none() | st.sampled_from(NOCS),
        "dependent_children": st.integers(-2, 12) | st.just(10**30),
        "settlement_funds": st.none() | st.integers(-100, 10**12),
        "authorized_to_work_in_canada": st.booleans(),
        "studied_in_canada": st.booleans(),
        "relative_in_canada": st.booleans(),
        "plans_to_live_in_quebec": st.booleans(),
        **_DOCUMENTS,
    },
}

BASES: dict[type, object] = {
    WorkPeriod: PROFILE.work_history.periods[1],
    WorkHistory: PROFILE.work_history,
    LanguageResult: PROFILE.languages[0],
    Education: PROFILE.education,
    JobOffer: PROFILE.job_offer,
    Spouse: PROFILE.spouse,
    Candidate: PROFILE,
}


def _fields(cls: type) -> list[str]:
    return [a.alias for a in attrs.fields(cls) if a.init]


def test_every_init_field_is_fuzzed() -> None:
    for cls, valid in VALID.items():
        assert sorted(valid) == sorted(_fields(cls)), cls


@st.composite
def inputs(draw: st.DrawFn, cls: type) -> dict[str, object]:
    """The base's fields; a few arbitrary, some other valid values, the rest kept."""
    base = BASES[cls]
    names = _fields(cls)
    count = draw(st.sampled_from((0, 0, 1, 1, 2, 3)))
    wrong = set(draw(st.permutations(names))[:count])
    out: dict[str, object] = {}
    for name in names:
        if name in wrong:
            out[name] = draw(ANY)
        elif draw(st.integers(0, 3)) == 0:
            out[name] = draw(VALID[cls][name])
        else:
            out[name] = getattr(base, name)
    return out


# --- what an accepted model may hold (written here, not read from the models) ----------


def _is_bool(v: object) -> bool:
    return type(v) is bool


def _is_int(v: object) -> bool:
    return isinstance(v, int) and not isinstance(v, bool | Enum)


def _is_number(v: object) -> bool:
    return (_is_int(v) or isinstance(v, float)) and math.isfinite(v)  # type: ignore[arg-type]


def _is_date(v: object) -> bool:
    return isinstance(v, date) and not isinstance(v, datetime)


def _is_aware(v: object) -> bool:
    return isinstance(v, datetime) and v.utcoffset() is not None


def _is_noc(v: object) -> bool:
    return isinstance(v, str) and re.fullmatch(r"\d[0-5]\d{3}", v) is not None


def _member(kind: type[Enum]) -> Callable[[object], bool]:
    return lambda v: type(v) is kind


def _of(cls: type) -> Callable[[object], bool]:
    return lambda v: isinstance(v, cls)


def _maybe(check: Callable[[object], bool]) -> Callable[[object], bool]:
    return lambda v: v is None or check(v)


def _tuple_of(cls: type) -> Callable[[object], bool]:
    return lambda v: type(v) is tuple and all(isinstance(x, cls) for x in v)


_ACCEPTED_DOCUMENTS: dict[str, Callable[[object], bool]] = {
    "medical_exam": _maybe(_is_date),
    "passport_expiry": _maybe(_is_date),
    "police_certificates": _tuple_of(PoliceCertificate),
}

ACCEPTED: dict[type, dict[str, Callable[[object], bool]]] = {
    WorkPeriod: {
        "start": _is_date,
        "end": _maybe(_is_date),
        "hours_per_week": lambda v: _is_number(v) and 0 < v <= 168,  # type: ignore[operator]
        "noc": _is_noc,
        "in_canada": _is_bool,
        "self_employed": _is_bool,
        "full_time_student": _is_bool,
        "authorized": _is_bool,
    },
    WorkHistory: {"periods": _tuple_of(WorkPeriod)},
    LanguageResult: {
        "test": _member(LanguageTest),
        "test_date": _is_date,
        "listening": _is_number,
        "speaking": _is_number,
        "reading": _is_number,
        "writing": _is_number,
        "result_date": _maybe(_is_date),
    },
    Education: {
        "level": _member(EducationLevel),
        "canadian_credential": _member(CanadianCredential),
        "eca_issued": _maybe(_is_date),
    },
    JobOffer: {"noc": _is_noc, "canadian_armed_forces": _is_bool},
    Spouse: {
        "accompanying": _is_bool,
        "canadian_citizen_or_pr": _is_bool,
        "education": _maybe(_of(Education)),
        "language": _maybe(_of(LanguageResult)),
        "work_history": _of(WorkHistory),
        "studied_in_canada": _is_bool,
        **_ACCEPTED_DOCUMENTS,
    },
    Candidate: {
        "date_of_birth": _is_date,
        "education": _of(Education),
        "marital_status": _member(MaritalStatus),
        "spouse": _maybe(_of(Spouse)),
        "languages": _tuple_of(LanguageResult),
        "first_official_language": _maybe(_member(OfficialLanguage)),
        "work_history": _of(WorkHistory),
        "certificate_of_qualification": _is_bool,
        "provincial_nomination": _is_bool,
        "job_offer": _maybe(_of(JobOffer)),
        "sibling_in_canada": _is_bool,
        "profile_submitted": _maybe(_is_aware),
        "certificate_noc": _maybe(_is_noc),
        "dependent_children": lambda v: _is_int(v) and v >= 0,  # type: ignore[operator]
        "settlement_funds": _maybe(lambda v: _is_int(v) and v >= 0),  # type: ignore[operator]
        "authorized_to_work_in_canada": _is_bool,
        "studied_in_canada": _is_bool,
        "relative_in_canada": _is_bool,
        "plans_to_live_in_quebec": _is_bool,
        **_ACCEPTED_DOCUMENTS,
    },
}


_EMBED: dict[type, Callable[[Any], Candidate]] = {
    Candidate: lambda c: c,
    WorkPeriod: lambda p: attrs.evolve(PROFILE, work_history=WorkHistory(periods=(p,))),
    WorkHistory: lambda h: attrs.evolve(PROFILE, work_history=h),
    LanguageResult: lambda r: attrs.evolve(PROFILE, languages=(r,), first_official_language=None),
    Education: lambda e: attrs.evolve(PROFILE, education=e),
    JobOffer: lambda o: attrs.evolve(PROFILE, job_offer=o),
    Spouse: lambda s: attrs.evolve(PROFILE, marital_status=MaritalStatus.MARRIED, spouse=s),
}
"""The example profile holding a model of each class (may raise InvalidInputError)."""


_ROOT = re.compile(r"[A-Za-z_]+")


def check_one(cls: type, kwargs: dict[str, object]) -> None:
    """Build ``cls``: refused with every problem named, or of the right types and usable."""
    problems: tuple[FieldProblem, ...] = ()
    obj: object = None
    try:
        obj = cls(**kwargs)
    except InvalidInputError as exc:
        problems = exc.problems or (FieldProblem("", None, "no problem given"),)
    if problems:
        names = set(_fields(cls))
        for problem in problems:
            root = _ROOT.match(problem.path)
            assert root is not None, problem
            assert root.group() in names, problem
            assert problem.message, problem
        event("refused")
        return
    for name, accepted in ACCEPTED[cls].items():
        assert accepted(getattr(obj, name)), (name, getattr(obj, name))
    try:
        candidate = _EMBED[cls](obj)
    except InvalidInputError:
        event("built; its candidate refused")
        return
    for run in (score, assess):
        try:
            run(candidate, as_of=AS_OF)
            event(f"built; {run.__name__} ran")
        except (InvalidInputError, RulesNotInForceError) as exc:
            event(f"built; {run.__name__} raised {type(exc).__name__}")


_SETTINGS = settings(
    derandomize=True,
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _fuzz(cls: type) -> Callable[[], None]:
    @_SETTINGS
    @given(inputs(cls))
    def test(kwargs: dict[str, object]) -> None:
        check_one(cls, kwargs)

    test.__name__ = f"test_{cls.__name__}_accepts_only_its_types"
    return test


test_work_period_accepts_only_its_types = _fuzz(WorkPeriod)
test_work_history_accepts_only_its_types = _fuzz(WorkHistory)
test_language_result_accepts_only_its_types = _fuzz(LanguageResult)
test_education_accepts_only_its_types = _fuzz(Education)
test_job_offer_accepts_only_its_types = _fuzz(JobOffer)
test_spouse_accepts_only_its_types = _fuzz(Spouse)
test_candidate_accepts_only_its_types = _fuzz(Candidate)
