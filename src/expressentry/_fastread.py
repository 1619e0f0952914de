"""A profile read from JSON in one pass, when it is valid; else the checked path says why.

Reading a pool spends most of its time in the general path: ``json`` with hooks
(a call per object and per number), cattrs' generated code, then each model's
constructor checking again the types the structuring hooks have just seen. A
valid profile does not need most of it. :class:`FastReader` reads a profile's
plain data (or a JSON line) in one pass over it, and builds the models through
their slots (:func:`~expressentry.models._pickling.restore`) after checking each
value once, with every check of the models' constructors that the value can
fail, in the same order of thought:

- the JSON types are exact (``type(x) is str``...), every key is a field of its
  model, a required field is there, a number is finite;
- each value obeys its model's rules: a member of its enum, a real ``YYYY-MM-DD``
  day, a NOC unit group, hours in a week, a country's code, scores on the scale
  of the test's chart on its test date (read once per distinct test, day and
  scores, as the chart memoises them), a result reported within weeks of its test;
- the checks of several fields together: an education's credential and ECA, an
  end after a start, a spouse exactly with a partner's status, one result per
  language and the first language named, the submission's time zone and day,
  the dates within a possible lifetime.

Whenever one of these is not plainly met, or the data holds anything else (a
list subclass, a tuple, an escape in the text), the reader gives up (``None``)
and the caller takes the checked path, which finds the same problems it always
found and words them as it always did. So the fast path only ever returns a
profile the checked path would have built, field for field: the property tests
of ``tests/test_fast_read.py`` check it on random valid and invalid data.

The JSON text of a line is parsed by orjson where it is installed (the
``fast`` extra: half the time of ``json``), else by ``json`` without hooks (its
C scanner), then held to what the checked parser refuses: a key given twice is
found by counting the text's colons (without escapes, every colon outside a
string separates one key from its value, so they number the keys of every
object plus the colons inside strings; a repeated key leaves fewer keys than
colons), ``NaN`` and ``Infinity`` are not finite numbers (or errors of
orjson), and a number too long for Python is an error of the parser (orjson
reads an integer beyond 64 bits as a float, which no field of whole numbers
takes and no score or hours in range is: the checked path reads it). Text with
a backslash, a byte order mark or bytes that are not UTF-8 goes to the checked
parser.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from enum import Enum
from math import isfinite
from typing import Any, TypeVar

import attrs

from expressentry._ages import completed_years
from expressentry._formats import PROFILE_FORMAT
from expressentry._memo import Memo
from expressentry.enums import (
    CanadianCredential,
    EducationLevel,
    LanguageTest,
    MaritalStatus,
    OfficialLanguage,
)
from expressentry.models._fields import HOURS_IN_A_WEEK
from expressentry.models._pickling import maker, number
from expressentry.models.candidate import Candidate, Spouse, date_bounds
from expressentry.models.documents import JobOffer, PoliceCertificate
from expressentry.models.documents import offer as shared_offer
from expressentry.models.education import Education, reading, shared
from expressentry.models.language import LanguageResult
from expressentry.models.work import WorkHistory, WorkPeriod
from expressentry.noc import unit_groups
from expressentry.plausibility import (
    MOST_DEPENDENT_CHILDREN,
    OLDEST_AGE,
    PROFILES_FROM,
    RESULT_DELAY_DAYS,
    WORKING_AGE,
    is_country_code,
)
from expressentry.rules.language_tables import LanguageChart, chart_for

__all__ = ["FastReader"]

T = TypeVar("T")


class _Slow(Exception):  # noqa: N818 (a signal, not an error)
    """Raised inside the reader: the checked path must read this data."""


_UNUSUAL = (_Slow, LookupError, TypeError, ValueError, OverflowError, RecursionError)
"""What data the fast path does not read raises in it: a key missing (``KeyError``),
a value of no member (unhashable), a date or text that does not parse, a test
not accepted on its date (``RulesNotInForceError``), a time out of range in UTC."""


def _keys(cls: type) -> frozenset[str]:
    return frozenset(a.name for a in attrs.fields(cls) if a.init)


def _default(cls: type, name: str) -> Any:
    return getattr(attrs.fields(cls), name).default


def _all_slots(cls: type) -> tuple[str, ...]:
    return tuple(a.name for a in attrs.fields(cls))


def _builder(cls: type[T]) -> Callable[..., T]:
    """A function of every field of ``cls`` (its slots, in order) that fills a new instance."""
    return maker(cls, _all_slots(cls))


_ABSENT: Any = object()
"""A key not given (its field takes its default); ``null`` is a value."""
_BOM = b"\xef\xbb\xbf"
_PLAIN_JSON = json.JSONDecoder()
"""``json`` without hooks: its C scanner builds the objects."""


def json_loads(text: bytes | str) -> Any:
    """The value of JSON ``text`` by ``json`` without hooks (bytes read as UTF-8)."""
    return _PLAIN_JSON.decode(text if type(text) is str else text.decode("utf-8"))  # type: ignore[union-attr]


loads: Callable[[bytes | str], Any] = json_loads
"""The plain parser of the fast path: orjson's where it is installed, else :func:`json_loads`."""
with contextlib.suppress(ImportError):  # without the `fast` extra, json's
    from orjson import loads


class FastReader:
    """Reads valid profiles fast; ``None`` for anything the checked path must read.

    Owned by a converter (see :mod:`expressentry.serialization`): ``dates`` is
    its memo of days, and the charts of the tests are looked up once per test and
    day here.
    """

    def __init__(
        self,
        dates: Memo[str, date | None],
        members: Callable[[type[Enum]], dict[tuple[type, object], Enum]],
    ) -> None:
        self.candidate, self.line = _make(dates, members)


def _make(  # noqa: PLR0915 (one closure per model, every check in order)
    dates: Memo[str, date | None],
    members: Callable[[type[Enum]], dict[tuple[type, object], Enum]],
) -> tuple[
    Callable[[object], Candidate | None],
    Callable[[bytes | str, str | None], tuple[str | int | None, Candidate] | None],
]:
    kept_day = dates.lookup()
    charts: Memo[tuple[LanguageTest, date], LanguageChart] = Memo(
        lambda key: chart_for(*key), size=4096
    )
    kept_chart = charts.lookup()
    codes = {code: unit.code for code, unit in unit_groups().items()}  # each code's one string
    lookup = Callable[[tuple[type, object]], Any]  # a member by its value's type and value
    tests: lookup = members(LanguageTest).get
    levels: lookup = members(EducationLevel).get
    credentials: lookup = members(CanadianCredential).get
    statuses: lookup = members(MaritalStatus).get
    languages_of: lookup = members(OfficialLanguage).get

    education_keys = _keys(Education)
    no_credential = CanadianCredential.NONE
    result_keys = _keys(LanguageResult)
    new_result = _builder(LanguageResult)
    period_keys = _keys(WorkPeriod)
    new_period = _builder(WorkPeriod)
    new_history = _builder(WorkHistory)
    offer_keys = _keys(JobOffer)
    certificate_keys = _keys(PoliceCertificate)
    new_certificate = _builder(PoliceCertificate)
    spouse_keys = _keys(Spouse)
    new_spouse = _builder(Spouse)
    spouse_history = _default(Spouse, "work_history")
    candidate_keys = _keys(Candidate) | {"format"}  # the format: current, or the checked path
    new_candidate = _builder(Candidate)
    candidate_history = _default(Candidate, "work_history")
    english, french = OfficialLanguage.ENGLISH, OfficialLanguage.FRENCH
    language_of = {t: t.language for t in LanguageTest}
    most_hours = HOURS_IN_A_WEEK

    def day(value: object) -> date:
        """A real day written ``YYYY-MM-DD``."""
        if type(value) is not str:
            raise _Slow
        found = kept_day(value)
        if found is None:
            found = dates(value)
            if found is None:
                raise _Slow
        return found

    def bool_of(d: dict[str, Any], name: str, default: bool) -> bool:
        value = d.get(name, default)
        if type(value) is not bool:
            raise _Slow
        return value

    def noc(value: object) -> str:
        found = codes.get(value) if type(value) is str else None
        if found is None:
            raise _Slow
        return found

    def education(d: object, sizes: list[int]) -> Education:
        if type(d) is not dict or not education_keys.issuperset(d):
            raise _Slow
        sizes.append(len(d))
        level = levels((type(v := d["level"]), v))
        credential = (
            credentials((type(v := d["canadian_credential"]), v))
            if "canadian_credential" in d
            else no_credential
        )
        eca = d.get("eca_issued")
        if level is None or credential is None:
            raise _Slow
        if eca is not None:
            eca = day(eca)
        if reading(level, credential, eca)[2]:  # the problems of the three together
            raise _Slow
        return shared(level, credential, eca)

    def score(value: object) -> float:
        if type(value) is float and isfinite(value):
            return number(value)  # type: ignore[no-any-return]
        if type(value) is int:
            return value
        raise _Slow

    def result(d: object, sizes: list[int]) -> LanguageResult:
        if type(d) is not dict or not result_keys.issuperset(d):
            raise _Slow
        sizes.append(len(d))
        test = tests((type(v := d["test"]), v))
        if test is None:
            raise _Slow
        taken = day(d["test_date"])
        scores: tuple[float, ...] = (score(d["listening"]), score(d["speaking"]))
        scores += (score(d["reading"]), score(d["writing"]))
        reported = d.get("result_date")
        if reported is not None:
            reported = day(reported)
            if reported < taken or (reported - taken).days > RESULT_DELAY_DAYS:
                raise _Slow
        key = (test, taken)
        chart = kept_chart(key)
        if chart is None:
            chart = charts(key)  # raises if the test was not accepted then
        read = chart.read(scores)  # type: ignore[arg-type]
        if read is None:
            raise _Slow
        return new_result(test, taken, *scores, reported, read[0], read[1], language_of[test])

    def period(d: object, sizes: list[int]) -> WorkPeriod:
        if type(d) is not dict or not period_keys.issuperset(d):
            raise _Slow
        sizes.append(len(d))
        start = day(d["start"])
        end = d["end"]
        if end is not None:
            end = day(end)
            if end < start:
                raise _Slow
        hours = d["hours_per_week"]
        if not (
            ((type(hours) is float and isfinite(hours)) or type(hours) is int)
            and 0 < hours <= most_hours
        ):
            raise _Slow
        in_canada = d["in_canada"]
        employed = d.get("self_employed", False)
        student = d.get("full_time_student", False)
        authorized = d.get("authorized", True)
        if not (
            type(in_canada) is bool
            and type(employed) is bool
            and type(student) is bool
            and type(authorized) is bool
        ):
            raise _Slow
        return new_period(
            start, end, number(hours), noc(d["noc"]), in_canada, employed, student, authorized
        )

    def history(value: object, sizes: list[int]) -> WorkHistory:
        if type(value) is not list:
            raise _Slow
        if not value:
            return new_history((), None, None, None)
        periods = tuple([period(p, sizes) for p in value])
        starts = [p.start for p in periods]
        return new_history(periods, min(starts), max(starts), None)

    def offer(d: object, sizes: list[int]) -> JobOffer:
        if type(d) is not dict or not offer_keys.issuperset(d):
            raise _Slow
        sizes.append(len(d))
        code = noc(d["noc"])
        return shared_offer(code, bool_of(d, "canadian_armed_forces", False))

    def certificate(d: object, sizes: list[int]) -> PoliceCertificate:
        if type(d) is not dict or not certificate_keys.issuperset(d):
            raise _Slow
        sizes.append(len(d))
        country = d["country"]
        if not is_country_code(country) or country == "CA":
            raise _Slow
        issued = day(d["issued"])
        left = d.get("left")
        if left is not None:
            left = day(left)
        return new_certificate(country, issued, left)

    def certificates(value: object, sizes: list[int]) -> tuple[PoliceCertificate, ...]:
        if type(value) is not list:
            raise _Slow
        return tuple([certificate(p, sizes) for p in value]) if value else ()

    def optional_day(d: dict[str, Any], name: str) -> date | None:
        value = d.get(name)
        return None if value is None else day(value)

    def spouse(d: object, sizes: list[int]) -> Spouse:
        if type(d) is not dict or not spouse_keys.issuperset(d):
            raise _Slow
        sizes.append(len(d))
        schooling = d.get("education")
        language = d.get("language")
        works = d.get("work_history", _ABSENT)
        pcs = d.get("police_certificates", _ABSENT)
        return new_spouse(
            bool_of(d, "accompanying", True),
            bool_of(d, "canadian_citizen_or_pr", False),
            None if schooling is None else education(schooling, sizes),
            None if language is None else result(language, sizes),
            spouse_history if works is _ABSENT else history(works, sizes),
            bool_of(d, "studied_in_canada", False),
            optional_day(d, "medical_exam"),
            optional_day(d, "passport_expiry"),
            () if pcs is _ABSENT else certificates(pcs, sizes),
        )

    def whole(d: dict[str, Any], name: str, default: int | None) -> int | None:
        value = d.get(name, default)
        if value is not None and type(value) is not int:
            raise _Slow
        return value

    def candidate(d: dict[str, Any], sizes: list[int]) -> tuple[Candidate, int]:  # noqa: PLR0912, PLR0915
        """The profile of ``d`` (its keys checked by the caller), and the colons in its strings."""
        colons = 0
        if "format" in d and d["format"] != PROFILE_FORMAT:
            raise _Slow
        born = day(d["date_of_birth"])
        schooling = education(d["education"], sizes)
        status = MaritalStatus.NEVER_MARRIED
        if "marital_status" in d:
            status = statuses((type(v := d["marital_status"]), v))
            if status is None:
                raise _Slow
        partner = d.get("spouse")
        if status.has_partner != (partner is not None):
            raise _Slow
        if partner is not None:
            partner = spouse(partner, sizes)
        results: Any = ()
        if "languages" in d:
            given = d["languages"]
            if type(given) is not list:
                raise _Slow
            if given:
                results = tuple([result(r, sizes) for r in given])
        first = d.get("first_official_language")
        if first is not None:
            first = languages_of((type(first), first))
            if first is None:
                raise _Slow
        by_language = {r.language: r for r in results}
        if len(by_language) != len(results):
            raise _Slow
        named = next(iter(by_language)) if first is None and len(by_language) == 1 else first
        if by_language and (named is None or named not in by_language):
            raise _Slow
        works = d.get("work_history", _ABSENT)
        work = candidate_history if works is _ABSENT else history(works, sizes)
        certified = bool_of(d, "certificate_of_qualification", False)
        job = d.get("job_offer")
        if job is not None:
            job = offer(job, sizes)
        when = d.get("profile_submitted")
        submitted = None
        if when is not None:
            if type(when) is not str:
                raise _Slow
            colons += when.count(":")
            when = datetime.fromisoformat(when)
            if when.utcoffset() is None:
                raise _Slow
            submitted = when.astimezone(UTC).date()
            if submitted < PROFILES_FROM:
                raise _Slow
        trade = d.get("certificate_noc")
        if trade is not None:
            trade = noc(trade)
            if not certified:
                raise _Slow
        children = whole(d, "dependent_children", 0)
        if not 0 <= children <= MOST_DEPENDENT_CHILDREN:  # type: ignore[operator]
            raise _Slow
        funds = whole(d, "settlement_funds", None)
        if funds is not None and funds < 0:
            raise _Slow
        pcs = d.get("police_certificates", _ABSENT)
        second = None
        if named is not None:
            second = by_language.get(french if named is english else english)
        nominated = d.get("provincial_nomination", False)
        sibling = d.get("sibling_in_canada", False)
        authorized = d.get("authorized_to_work_in_canada", False)
        studied = d.get("studied_in_canada", False)
        relative = d.get("relative_in_canada", False)
        quebec = d.get("plans_to_live_in_quebec", False)
        if not (
            type(nominated) is bool
            and type(sibling) is bool
            and type(authorized) is bool
            and type(studied) is bool
            and type(relative) is bool
            and type(quebec) is bool
        ):
            raise _Slow
        c = new_candidate(
            born,
            schooling,
            status,
            partner,
            results,
            first,
            work,
            certified,
            nominated,
            job,
            sibling,
            when,
            trade,
            children,
            funds,
            authorized,
            studied,
            relative,
            quebec,
            optional_day(d, "medical_exam"),
            optional_day(d, "passport_expiry"),
            () if pcs is _ABSENT else certificates(pcs, sizes),
            by_language.get(named) if named else None,
            second,
            None,  # the latest document, below
            submitted,
            None,  # nothing packed
            None,
        )
        earliest, latest, everyone = date_bounds(c, submitted)
        first_work = work.first_start
        if earliest is not None and (
            earliest < born
            or (
                first_work is not None
                and first_work.year - born.year <= WORKING_AGE
                and completed_years(born, first_work) < WORKING_AGE
            )
            or (
                latest is not None
                and latest.year - born.year > OLDEST_AGE
                and completed_years(born, latest) > OLDEST_AGE
            )
        ):
            raise _Slow  # a date outside a lifetime: the checked path names them
        object.__setattr__(c, "_latest_document", everyone)
        return c, colons

    def read_data(data: object) -> Candidate | None:
        """The profile of plain data, or ``None``: the checked path must read it."""
        if type(data) is not dict or not candidate_keys.issuperset(data):
            return None
        try:
            return candidate(data, [])[0]
        except _UNUSUAL:  # the checked path reads it (a bug raises anything else)
            return None

    def read_line(  # noqa: PLR0911
        text: bytes | str, id_field: str | None
    ) -> tuple[str | int | None, Candidate] | None:
        """The id and the profile of a JSON line (or text), or ``None``: the checked path reads it.

        ``id_field``: the key of the client's own id, or ``None`` where there is none.
        """
        if id_field in candidate_keys:  # a profile's key named as the id's: the checked path
            return None
        if type(text) is bytes:
            if b"\\" in text or text.startswith(_BOM):
                return None
        elif type(text) is not str or "\\" in text or text.startswith("\ufeff"):
            return None
        try:
            data = loads(text)
            if type(data) is not dict:
                return None
            given = None
            colons = 0
            extra = data.keys() - candidate_keys
            if extra:
                if extra != {id_field}:
                    return None
                given = data[id_field]
                if type(given) is str:
                    colons += given.count(":")
                elif given is not None and type(given) is not int:
                    return None
                colons += id_field.count(":")  # type: ignore[union-attr]  # the key found
            sizes = [len(data)]
            profile, more = candidate(data, sizes)
            if text.count(b":" if type(text) is bytes else ":") != sum(sizes) + colons + more:  # type: ignore[arg-type]
                return None  # a key given twice
        except _UNUSUAL:  # the checked path reads it (a bug raises anything else)
            return None
        return given, profile

    return read_data, read_line
