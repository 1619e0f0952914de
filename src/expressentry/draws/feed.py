"""How IRCC's feed of rounds is read: one named rule per quirk of its text.

IRCC publishes every round of invitations in a JSON feed behind the canada.ca page
"Express Entry rounds of invitations" (``ROUNDS_PAGE``,
:data:`~expressentry.draws.feed.FEED_URL`).
Every value in it is text, typed by hand: numbers with or without thousands
separators, date-times in a dozen forms. This module reads that text into the
records of :mod:`expressentry.draws.records`. Where the text needs a reading (a
year left out, a 24-hour time followed by "PM", a day that is a typo), the reading
is a named constant or function below, and the round lists it among its
:class:`~expressentry.draws.records.Quirk` flags: nothing is corrected silently.
What cannot be read is an error naming the record, the field and the text.

The text of each value (dates, times, counts) is read by the named rules of
:mod:`expressentry.draws.feedtext`.
"""

from __future__ import annotations

import csv
import hashlib
import io
import itertools
import json
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType
from typing import Final

import attrs

from expressentry.enums import CategoryId, Program
from expressentry.errors import (
    MISSING,
    DamagedDataError,
    DataError,
    FieldProblem,
    InvalidInputError,
)
from expressentry.i18n import tr
from expressentry.jsontext import json_error_words
from expressentry.rules import Source
from expressentry.rules.categories import Category, categories_in_force
from expressentry.serialization import read_iso_date

from .feedtext import read_count, read_datetime, read_words_date
from .records import POOL_BANDS, PoolDistribution, Quirk, Round, RoundKind

__all__ = [
    "CATEGORY_NAME_PREFIXES",
    "FEED_FILE",
    "FEED_SHA256",
    "FEED_URL",
    "GENERAL_ROUND_NAMES",
    "HELD_AT_CORRECTIONS",
    "ISSUING_WINDOW",
    "PNP_ROUND_NAMES",
    "PROGRAM_ROUND_NAMES",
    "ROUNDS_PAGE",
    "STALE_DISTRIBUTION_DAYS",
    "SUPPLEMENT_FILE",
    "SUPPLEMENT_SHA256",
    "parse_feed",
    "read_checked",
    "read_supplement",
    "unknown_category_key",
]

ROUNDS_PAGE: Final = Source(
    "ircc-rounds-of-invitations",
    "Express Entry rounds of invitations",
    "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/"
    "express-entry/submit-profile/rounds-invitations.html",
    date(2026, 8, 19),
)
"""The canada.ca page whose table the feed fills (read through the copy of the feed
downloaded on 2026-08-19; see ``data/PROVENANCE.md``)."""

FEED_URL: Final = "https://www.canada.ca/content/dam/ircc/documents/json/ee_rounds_123_en.json"
"""IRCC's feed itself: download it to read rounds newer than the shipped copy."""

FEED_FILE: Final = "ee_rounds.json"
"""The shipped copy of IRCC's feed, byte for byte (``expressentry/data``)."""

FEED_SHA256: Final = "99b0e406ad97aea5eb2dd11c530cb11282c88ef2f5acafd0fe64a92ad9b66daf"
"""SHA-256 of the shipped feed (rounds #1 to #437, 438 records), checked at load."""

SUPPLEMENT_FILE: Final = "ee_rounds_distribution_supplement.csv"
"""Pool distributions IRCC published for #223, #224, #226 and #227, then removed."""

SUPPLEMENT_SHA256: Final = "6bbc7a82f95a142d6e0e9ac997c1851ca90edfe53a46118feab52654e25b2141"
"""SHA-256 of the shipped supplement, checked at load."""

GENERAL_ROUND_NAMES: Final = frozenset({"no program specified", "general"})
"""IRCC's names of general rounds (compared in lower case): "No Program Specified"
(2015-01 to 2023-10) and "General" (2023-12 to 2024-04)."""

PNP_ROUND_NAMES: Final = frozenset({"provincial nominee program"})
"""IRCC's name of rounds that rank only provincial nominees (compared in lower case)."""

PROGRAM_ROUND_NAMES: Final = MappingProxyType(
    {
        "canadian experience class": Program.CEC,
        "federal skilled worker": Program.FSW,
        "federal skilled trades": Program.FST,
    }
)
"""IRCC's names of program-specific rounds (compared in lower case)."""

CATEGORY_NAME_PREFIXES: Final = (
    ("healthcare and social services", CategoryId.HEALTHCARE_SOCIAL_SERVICES),
    ("healthcare", CategoryId.HEALTHCARE),
    ("french language proficiency", CategoryId.FRENCH),
    ("stem", CategoryId.STEM),
    ("trade", CategoryId.TRADES),
    ("transport", CategoryId.TRANSPORT),
    ("agriculture", CategoryId.AGRICULTURE),
    ("education", CategoryId.EDUCATION),
    ("physicians", CategoryId.PHYSICIANS_CANADIAN_EXPERIENCE),
    ("researchers", CategoryId.RESEARCHERS_CANADIAN_EXPERIENCE),
    ("senior managers", CategoryId.SENIOR_MANAGERS_CANADIAN_EXPERIENCE),
    ("skilled military recruits", CategoryId.SKILLED_MILITARY_RECRUITS),
)
"""How a category round's name names its category, first match wins.

IRCC's names carry a version that changes (``"Healthcare occupations (2023-1)"``,
``"... (Version 1)"``, ``"Healthcare and Social Services Occupations, 2026-Version
3"``, ``"French-Language proficiency 2026-Version 2"``), so a name is matched by its
start, in lower case with hyphens read as spaces. The version of the category is
not read from the name: it is the version in force on the round's day
(:func:`~expressentry.rules.categories.categories_in_force`), which is what the
round applied."""

ISSUING_WINDOW: Final = timedelta(days=1)
"""Quirk 5: how long after its date a round's date-time may be. Older Ministerial
Instructions define a two-day period for issuing invitations, and ten rounds (#7,
#8, #9, #11, #13 around 00:00 UTC, #104, #108, #139, #146, #148) give a date-time
on the next day. Such rounds are flagged ``HELD_NEXT_DAY``; a date-time outside the
window is flagged ``HELD_AT_DISAGREES`` (unless corrected below)."""

HELD_AT_CORRECTIONS: Final = MappingProxyType(
    {
        ("357", "July 12, 2025 at 16:27:45 UTC"): datetime(2025, 7, 22, 16, 27, 45, tzinfo=UTC),
    }
)
"""Quirk 4, an UNCERTAIN reading made explicit: date-times whose day is a typo.

Round #357 (2025-07-22, healthcare) says "July 12, 2025 at 16:27:45 UTC", ten days
before its own date: read as July 22 at the same time. A correction applies only
while the feed has exactly the text it corrects (key: round number, text), so a
fix by IRCC makes it lapse; the round is flagged ``HELD_AT_CORRECTED``."""

STALE_DISTRIBUTION_DAYS: Final = 14
"""Quirk 8: a pool snapshot more than this many days before its round (#298: 20
days, #409 and #416: 15) is kept and flagged ``DISTRIBUTION_STALE``; IRCC says the
snapshot is taken "a few days before" the round."""

_ROUND_NUMBER: Final = re.compile(r"(?P<sequence>[1-9]\d*)(?P<suffix>[a-z]?)")
_HREF: Final = re.compile(r"href='([^']+)'")
_CANADA_CA: Final = "https://www.canada.ca"
_MAX_CRS: Final = 1200


def read_checked(path: Traversable | Path, expected: str) -> bytes:
    """The bytes of a shipped data file, after checking its SHA-256.

    Raises:
        DamagedDataError: the file's SHA-256 is not ``expected`` (the file was
            changed after release): naming the file and both digests, and saying
            to reinstall the package.
    """
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != expected:
        file = f"expressentry/data/{path.name}"
        raise DamagedDataError(file, digest, expected)
    return data


def read_supplement(data: bytes) -> Mapping[str, tuple[date, PoolDistribution]]:
    """The supplement's distributions by round number, each with its round's date.

    Blank counts (#226) are unpublished: ``None``.

    Raises:
        DataError: the supplement does not have IRCC's 17 bands and a total.
    """
    out: dict[str, tuple[date, PoolDistribution]] = {}
    columns = [f"pool_{b.low}_{b.high}" for b in POOL_BANDS]
    for row in csv.DictReader(io.StringIO(data.decode("utf-8"))):
        try:
            counts = tuple(int(row[c]) if row[c] else None for c in columns)
            total = int(row["pool_total"]) if row["pool_total"] else None
            day = date.fromisoformat(row["draw_date"])
            as_of = date.fromisoformat(row["distribution_as_of"])
        except (KeyError, ValueError, TypeError) as exc:
            msg = f"{SUPPLEMENT_FILE}: round {row.get('draw_number')!r}: {exc}"
            raise DataError(msg) from None
        out[row["draw_number"]] = (
            day,
            PoolDistribution(as_of, counts, total, from_supplement=True),
        )
    return MappingProxyType(out)


def _classify(name: str) -> tuple[RoundKind, Program | None, CategoryId | None]:
    """A round's kind (and program or category) from IRCC's name for it.

    A name of none of the known types is a category round of a category
    expressentry does not know (``None``): IRCC names every new type of round
    after its category.
    """
    key = " ".join(name.lower().replace("-", " ").split())
    if key in GENERAL_ROUND_NAMES:
        return RoundKind.GENERAL, None, None
    if key in PNP_ROUND_NAMES:
        return RoundKind.PNP, None, None
    if key in PROGRAM_ROUND_NAMES:
        return RoundKind.PROGRAM, PROGRAM_ROUND_NAMES[key], None
    for prefix, category in CATEGORY_NAME_PREFIXES:
        if key.startswith(prefix):
            return RoundKind.CATEGORY, None, category
    return RoundKind.CATEGORY, None, None


_WORDS: Final = re.compile(r"[^\W_]+")
_VERSION_START: Final = re.compile(r"[\d(,]")


def unknown_category_key(name: str) -> str:
    """The key of a category expressentry does not know, from IRCC's name of its round.

    The words of the name before its version (the first digit, "(" or ","), in
    lower case, joined by hyphens, without a trailing "version"; all the name's
    words when none comes before the version. Rounds of one category keep one key
    across versions, as IRCC's names of known categories do
    (:data:`CATEGORY_NAME_PREFIXES`).

    >>> unknown_category_key("Entrepreneurs, 2026-Version 1")
    'entrepreneurs'
    >>> unknown_category_key("Skilled Aviation occupations (Version 2)")
    'skilled-aviation-occupations'
    >>> unknown_category_key("Entrepreneurs 2027-Version 1")
    'entrepreneurs'

    Raises:
        ValueError: the name has no letter or digit.
    """
    lowered = name.lower()
    words = _WORDS.findall(_VERSION_START.split(lowered, maxsplit=1)[0])
    while words and words[-1] == "version":
        words.pop()
    if not words:
        words = _WORDS.findall(lowered)
    if not words:
        msg = tr("must name the round (IRCC's name has letters, e.g. 'Canadian Experience Class')")
        raise ValueError(msg)
    return "-".join(words)


class _Record:
    """One record of the feed being read; problems are collected, not raised."""

    def __init__(self, index: int, raw: Mapping[str, object], problems: list[FieldProblem]):
        self.index = index
        self.raw = raw
        self.problems = problems
        number = raw.get("drawNumber")
        self.label = f"round {number}" if isinstance(number, str) else f"record {index}"

    def text(self, field: str) -> str | None:
        value = self.raw.get(field)
        if isinstance(value, str):
            return value
        if field not in self.raw:
            self.problem(field, None, "required field missing")
        else:
            self.problem(field, value, "must be text, as IRCC writes every value")
        return None

    def problem(self, field: str, value: object, message: str) -> None:
        self.problems.append(
            FieldProblem(
                f"$.rounds[{self.index}].{field}",
                MISSING if value is None else value,
                f"{self.label}: {message}",
            )
        )


def _distribution(rec: _Record, day: date) -> PoolDistribution | None:
    """The pool distribution of a record; all "0" means IRCC published none (quirk 1)."""
    counts: list[int] = []
    for i in range(1, len(POOL_BANDS) + 2):
        text = rec.text(f"dd{i}")
        if text is None:
            return None
        try:
            counts.append(read_count(text))
        except ValueError as exc:
            rec.problem(f"dd{i}", text, str(exc))
            return None
    if not any(counts):
        return None
    as_of_text = rec.text("drawDistributionAsOn")
    if as_of_text is None:
        return None
    try:
        as_of = read_words_date(as_of_text)
    except ValueError as exc:
        rec.problem("drawDistributionAsOn", as_of_text, str(exc))
        return None
    return PoolDistribution(as_of, tuple(counts[:-1]), counts[-1])


def _distribution_quirks(d: PoolDistribution, day: date) -> tuple[Quirk, ...]:
    quirks = []
    if d.from_supplement:
        quirks.append(Quirk.DISTRIBUTION_FROM_SUPPLEMENT)
    if not d.complete:
        quirks.append(Quirk.DISTRIBUTION_PARTIAL)
    if d.sum_problems():
        quirks.append(Quirk.DISTRIBUTION_SUMS_DISAGREE)
    if d.as_of > day:
        quirks.append(Quirk.DISTRIBUTION_AFTER_ROUND)
    elif (day - d.as_of).days > STALE_DISTRIBUTION_DAYS:
        quirks.append(Quirk.DISTRIBUTION_STALE)
    return tuple(quirks)


def _held_at(rec: _Record, number: str, day: date) -> tuple[datetime, tuple[Quirk, ...]] | None:
    text = rec.text("drawDateTime")
    if text is None:
        return None
    corrected = HELD_AT_CORRECTIONS.get((number, text.strip()))
    if corrected is not None:
        return corrected, (Quirk.HELD_AT_CORRECTED,)
    try:
        held_at, quirks = read_datetime(text)
    except ValueError as exc:
        rec.problem("drawDateTime", text, str(exc))
        return None
    lag = held_at.date() - day
    if lag == ISSUING_WINDOW:
        quirks = (*quirks, Quirk.HELD_NEXT_DAY)
    elif lag != timedelta(0):
        quirks = (*quirks, Quirk.HELD_AT_DISAGREES)
    return held_at, quirks


def _round_number(rec: _Record) -> tuple[str, int] | None:
    number = rec.text("drawNumber")
    if number is None:
        return None
    found = _ROUND_NUMBER.fullmatch(number)
    if found is None:
        rec.problem("drawNumber", number, "not a round number as IRCC writes them ('91a', '437')")
        return None
    return number, int(found["sequence"])


def _round_day(rec: _Record) -> date | None:
    text = rec.text("drawDate")
    day = None if text is None else read_iso_date(text.strip())
    if text is not None and day is None:
        rec.problem("drawDate", text, "must be a real date written YYYY-MM-DD")
    return day


def _round_type(rec: _Record) -> tuple[str, RoundKind, Program | None, CategoryId | None] | None:
    name = rec.text("drawName")
    if name is None:
        return None
    found = _classify(name)
    if found[0] is RoundKind.CATEGORY and found[2] is None:
        try:
            unknown_category_key(name)
        except ValueError as exc:
            rec.problem("drawName", name, str(exc))
            return None
    return name, *found


def _category(
    name: str, category_id: CategoryId | None, day: date
) -> tuple[Category | None, str | None, tuple[Quirk, ...]]:
    """The version of the round's category in force on its day.

    Or, where expressentry has none (a name it does not know, or a category with no
    list in force that day), the category's key and the quirk that says why.
    """
    if category_id is None:
        return None, unknown_category_key(name), (Quirk.UNKNOWN_CATEGORY,)
    found = next((c for c in categories_in_force(as_of=day) if c.id is category_id), None)
    if found is None:
        return None, category_id.value, (Quirk.CATEGORY_NOT_IN_FORCE,)
    return found, None, ()


def _size_and_cutoff(rec: _Record) -> tuple[int, int] | None:
    counts: list[int] = []
    for field, low, high in (("drawSize", 1, None), ("drawCRS", 0, _MAX_CRS)):
        text = rec.text(field)
        if text is None:
            continue
        try:
            value = read_count(text)
        except ValueError as exc:
            rec.problem(field, text, str(exc))
            continue
        if value < low or (high is not None and value > high):
            rule = f"must be {low} or more" if high is None else f"must be from {low} to {high}"
            rec.problem(field, text, rule)
            continue
        counts.append(value)
    return (counts[0], counts[1]) if len(counts) == 2 else None


def _tie_break(rec: _Record, day: date) -> tuple[datetime | None, tuple[Quirk, ...]] | None:
    """The tie-break date-time; ``(None, ())`` where IRCC gives none (#1-#76, quirk 2)."""
    text = rec.text("drawCutOff")
    if text is None:
        return None
    if not text.strip():
        return None, ()
    try:
        return read_datetime(text, year_not_after=day)
    except ValueError as exc:
        rec.problem("drawCutOff", text, str(exc))
        return None


def _read_record(
    rec: _Record, supplement: Mapping[str, tuple[date, PoolDistribution]]
) -> Round | None:
    numbered, day = _round_number(rec), _round_day(rec)
    what, counts = _round_type(rec), _size_and_cutoff(rec)
    programs_text = rec.text("drawText2")
    if numbered is None or day is None:
        return None
    number, sequence = numbered
    held, tie = _held_at(rec, number, day), _tie_break(rec, day)
    distribution = _distribution(rec, day)
    if distribution is None and number in supplement and supplement[number][0] == day:
        distribution = supplement[number][1]
    if what is None or counts is None or programs_text is None or held is None or tie is None:
        return None
    category, unknown, unknown_quirks = (
        _category(what[0], what[3], day) if what[1] is RoundKind.CATEGORY else (None, None, ())
    )
    quirks = [*unknown_quirks, *held[1], *tie[1]]
    if distribution is not None:
        quirks.extend(_distribution_quirks(distribution, day))
    href = _HREF.search(str(rec.raw.get("drawNumberURL", "")))
    return Round(
        number=number,
        sequence=sequence,
        day=day,
        held_at=held[0],
        name=what[0],
        kind=what[1],
        program=what[2],
        category=category,
        programs_text=programs_text,
        invitations=counts[0],
        cutoff=counts[1],
        tie_break=tie[0],
        distribution=distribution,
        instructions_url=None if href is None else _CANADA_CA + href.group(1),
        quirks=tuple(dict.fromkeys(quirks)),
        unknown_category=unknown,
    )


def _order_key(found: tuple[int, Round]) -> tuple[int, str, int]:
    return found[1].sequence, found[1].number, found[0]


def _check_order(rounds: Sequence[tuple[int, Round]], problems: list[FieldProblem]) -> None:
    """Numbers are unique and dates never go backwards as numbers rise.

    ``rounds`` are ``(record index, round)``, by number. A number given twice is
    said to be a duplicate at its later record; dates are compared between
    different numbers only.
    """
    first: dict[str, int] = {}
    for index, r in rounds:
        if r.number in first:
            problems.append(
                FieldProblem(
                    f"$.rounds[{index}].drawNumber",
                    r.number,
                    f"round {r.number} is a duplicate: $.rounds[{first[r.number]}] has the "
                    "same number (IRCC numbers each round once)",
                )
            )
        else:
            first[r.number] = index
    unique = [(i, r) for i, r in rounds if first[r.number] == i]
    for (_, before), (index, after) in itertools.pairwise(unique):
        if after.day < before.day:
            problems.append(
                FieldProblem(
                    f"$.rounds[{index}].drawDate",
                    after.day,
                    f"round {after.number} is dated before round {before.number} "
                    f"({before.day.isoformat()}), a lower number",
                )
            )


def _same_moment(rounds: Sequence[Round]) -> tuple[Round, ...]:
    """Quirk 7: flag the rounds that share their date-time with another."""
    moments = Counter(r.held_at for r in rounds)
    return tuple(
        attrs.evolve(r, quirks=(*r.quirks, Quirk.SAME_MOMENT))
        if moments[r.held_at] > 1 and Quirk.SAME_MOMENT not in r.quirks
        else r
        for r in rounds
    )


def parse_feed(
    data: bytes | str,
    *,
    origin: str,
    supplement: Mapping[str, tuple[date, PoolDistribution]] | None = None,
) -> tuple[Round, ...]:
    """IRCC's feed read into rounds, oldest first (by number: 1, ..., 91a, 91b, 92, ...).

    Where a round's distribution is all "0" in the feed and ``supplement`` has one
    for the same number and date, the supplement's is used (quirk 1). A round name
    of no type expressentry knows, or of a category with no list in force on the
    round's day, is read as a category round of a category expressentry has no
    list of (``category`` ``None``, :attr:`Round.unknown_category
    <expressentry.draws.records.Round.unknown_category>`, flagged
    ``UNKNOWN_CATEGORY`` or ``CATEGORY_NOT_IN_FORCE``): a new category needs no new
    release. Only what cannot be read is refused. Fields the
    rounds do not use (``drawDateFull``, ``mitext``, ``DrawText1``) and fields IRCC
    may add are ignored.

    Raises:
        InvalidInputError: owner ``origin``; every problem found, each naming the
            record (``$.rounds[i]``, the round number), the field and the text; or
            the feed is not JSON, nested too deeply, not an object with a
            ``rounds`` list, or that list is empty; or a round number is given
            twice (a duplicate), or a round is dated before a lower number.
    """
    problems: list[FieldProblem] = []
    try:
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
        top = json.loads(text)
    except UnicodeDecodeError as exc:
        problem = FieldProblem("$", MISSING, f"not UTF-8 text: {exc.reason} at byte {exc.start}")
        raise InvalidInputError(origin, [problem]) from None
    except json.JSONDecodeError as exc:
        problem = FieldProblem("$", MISSING, json_error_words(exc))
        raise InvalidInputError(origin, [problem]) from None
    except RecursionError:
        problem = FieldProblem("$", MISSING, tr("nested too deeply to be IRCC's feed"))
        raise InvalidInputError(origin, [problem]) from None
    records = top.get("rounds") if isinstance(top, dict) else None
    if not isinstance(records, list):
        problem = FieldProblem(
            "$.rounds", MISSING, tr("IRCC's feed is an object with a 'rounds' list")
        )
        raise InvalidInputError(origin, [problem])
    if not records:
        problem = FieldProblem(
            "$.rounds", records, tr("the feed is empty: IRCC's feed lists every round since 2015")
        )
        raise InvalidInputError(origin, [problem])
    rounds: list[tuple[int, Round]] = []
    for index, raw in enumerate(records):
        if not isinstance(raw, dict):
            problems.append(FieldProblem(f"$.rounds[{index}]", raw, tr("must be an object")))
            continue
        found = _read_record(_Record(index, raw, problems), supplement or {})
        if found is not None:
            rounds.append((index, found))
    rounds.sort(key=_order_key)
    _check_order(rounds, problems)
    if problems:
        raise InvalidInputError(origin, problems)
    return _same_moment([r for _, r in rounds])
