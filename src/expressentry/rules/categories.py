"""Category-based selection: the categories in force on a day, their lists and rules.

Since 2023-05-31 most rounds invite only the candidates of one category: French
at NCLC 7 in all four abilities, or recent work in one listed NOC 2021
occupation. The occupation lists ship in ``expressentry/data/category_occupations.csv``
(see ``data/PROVENANCE.md``: read from agreeing public copies of the canada.ca
page, not from the page itself); this module reads them once, at import.

>>> from datetime import date
>>> [c.id.value for c in categories_in_force(as_of=date(2025, 6, 1))]  # doctest: +NORMALIZE_WHITESPACE
['french', 'agriculture', 'education', 'healthcare_social_services', 'stem', 'trades']
>>> categories_in_force(as_of=date(2023, 5, 30))
()
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from datetime import date, timedelta
from importlib import resources
from typing import Final

from attrs import frozen

from expressentry._checks import NOC_TEXT, require_text
from expressentry._today import resolve
from expressentry.enums import CategoryId, WorkPlace
from expressentry.errors import DataError
from expressentry.rules._timeline import Dated, Source, Timeline
from expressentry.rules.dates import EXPRESS_ENTRY_OPENED
from expressentry.rules.sources import CATEGORY_BASED_SELECTION, CATEGORY_REPORT_2024_25

__all__ = [
    "CANADA_ONLY_CATEGORIES",
    "CATEGORIES_FROM",
    "CATEGORY_SETS",
    "CATEGORY_WORK_RULE",
    "FRENCH_CATEGORY_NCLC",
    "MILITARY_WORK_RULE_APPLIES",
    "VERSIONS_FROM",
    "Category",
    "CategorySet",
    "CategoryWorkRule",
    "categories_in_force",
    "categories_listing",
]

CATEGORIES_FROM: Final = date(2023, 5, 31)
"""The Minister announced the first categories and their Ministerial Instructions
on 2023-05-31 (the first category round was 2023-06-28)."""

VERSIONS_FROM: Final = (CATEGORIES_FROM, date(2025, 2, 27), date(2026, 2, 18))
"""UNCERTAIN reading, made explicit. Each version of the lists applies from the
day it was announced (IRCC news releases of 2025-02-27 and 2026-02-18), not from
the day its Ministerial Instructions took effect, which no text found gives. No
occupation round fell between an announcement and the first round of its lists,
so no real round depends on the day."""

FRENCH_CATEGORY_NCLC: Final = 7
"""French-language proficiency: NCLC 7 or more in all four abilities, the rule
since 2023 (the "2026-Version 2" of 2026-02-06 states the same threshold)."""

CANADA_ONLY_CATEGORIES: Final = frozenset(
    {
        CategoryId.PHYSICIANS_CANADIAN_EXPERIENCE,
        CategoryId.RESEARCHERS_CANADIAN_EXPERIENCE,
        CategoryId.SENIOR_MANAGERS_CANADIAN_EXPERIENCE,
    }
)
"""The 2026 categories whose year of work must be in Canada (the others: Canada or abroad)."""

MILITARY_WORK_RULE_APPLIES: Final = False
"""UNCERTAIN reading, made explicit. For skilled military recruits (2026) no copy
says where or how long the work must be; copies agree only on a Canadian Armed
Forces job offer in one of the listed occupations. This reading checks that offer
and no work experience."""


@frozen
class CategoryWorkRule:
    """How much recent work in one listed occupation a category asks.

    Attributes:
        hours: Hours needed (1,560 make a year of full-time work).
        window_years: Years before the day assessed in which the work counts.
        continuous: Whether the hours must be one continuous stretch.
    """

    hours: int
    window_years: int
    continuous: bool


CATEGORY_WORK_RULE: Final = Timeline(
    "category.work_experience",
    (
        Dated(
            CATEGORIES_FROM,
            CategoryWorkRule(hours=780, window_years=3, continuous=True),
            CATEGORY_BASED_SELECTION,
            "At least 6 months of full-time continuous work (or as much part-time) in a single "
            "listed occupation within the past 3 years, in Canada or abroad: 780 hours, one "
            "continuous stretch. Read through the go4visa.com and imcaconsultancy.com copies.",
        ),
        Dated(
            VERSIONS_FROM[2],
            CategoryWorkRule(hours=1560, window_years=3, continuous=False),
            CATEGORY_BASED_SELECTION,
            "Announced in IRCC's news release of 2026-02-18. At least 12 months of full-time work (or as much part-time) in a single listed "
            "occupation within the past 3 years; need not be continuous nor the primary "
            "occupation. Read through fragomen.com, moving2canada.com and redim.ca copies.",
        ),
    ),
    "Category-based selection: recent work in one listed occupation",
)


@frozen
class Category:
    """One version of one category.

    Attributes:
        id: The category, e.g. ``CategoryId.HEALTHCARE_SOCIAL_SERVICES``.
        name: The category as IRCC names it.
        version: The version of its list: ``"2023-1"``, ``"2025"`` or ``"2026"``.
        effective_from: First day of the version.
        effective_to: Last day, or ``None`` while in force.
        nocs: The NOC 2021 unit groups listed (empty for French).
        place: Where the work may have been done.
        french_nclc: The French level needed in all four abilities (French only).
        needs_caf_job_offer: A Canadian Armed Forces job offer is needed.
        work_rule_applies: Whether :data:`CATEGORY_WORK_RULE` is checked.
        source: The official text the version belongs to.
        confidence: ``"two_copies"`` or ``"one_copy"``: the weakest row of the list.
    """

    id: CategoryId
    name: str
    version: str
    effective_from: date
    effective_to: date | None
    nocs: frozenset[str]
    place: WorkPlace
    french_nclc: int | None
    needs_caf_job_offer: bool
    work_rule_applies: bool
    source: Source
    confidence: str

    def in_force(self, *, as_of: date | None = None) -> bool:
        """Whether this version applies on ``as_of`` (``None``: today).

        Raises:
            InvalidInputError: ``as_of`` is not a date.
        """
        as_of = resolve(as_of, where=f"{self.id}.in_force")
        return self.effective_from <= as_of and (
            self.effective_to is None or as_of <= self.effective_to
        )


@frozen
class CategorySet:
    """The categories in force together, each in its version."""

    categories: tuple[Category, ...]


_SOURCE_BY_VERSION: Final = {
    "2023-1": CATEGORY_BASED_SELECTION,
    "2025": CATEGORY_REPORT_2024_25,
    "2026": CATEGORY_BASED_SELECTION,
}
_FRENCH_NAME: Final = "French-language proficiency"


def _french(version: str, start: date, end: date | None) -> Category:
    return Category(
        id=CategoryId.FRENCH,
        name=_FRENCH_NAME,
        version=version,
        effective_from=start,
        effective_to=end,
        nocs=frozenset(),
        place=WorkPlace.CANADA_OR_ABROAD,
        french_nclc=FRENCH_CATEGORY_NCLC,
        needs_caf_job_offer=False,
        work_rule_applies=False,
        source=_SOURCE_BY_VERSION[version],
        confidence="two_copies",
    )


def _load() -> tuple[Category, ...]:
    text = resources.files("expressentry.data").joinpath("category_occupations.csv")
    rows = list(csv.DictReader(io.StringIO(text.read_text(encoding="utf-8"))))
    grouped: dict[tuple[CategoryId, str], list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        code = row["noc_code"]
        if len(code) != 5 or not code.isdigit() or code[1] not in "012345":
            msg = f"category_occupations.csv: {code!r} is not a NOC 2021 unit group code"
            raise DataError(msg)
        try:
            cid = CategoryId(row["category_id"])
        except ValueError:
            msg = f"category_occupations.csv: {row['category_id']!r} is not a CategoryId"
            raise DataError(msg) from None
        grouped[cid, row["version"]].append(row)
    out: list[Category] = []
    for (cid, version), members in grouped.items():
        first = members[0]
        spans = {(m["effective_from"], m["effective_to"]) for m in members}
        if len(spans) != 1:
            msg = f"category_occupations.csv: {cid} {version} has several date spans {spans}"
            raise DataError(msg)
        end = first["effective_to"]
        out.append(
            Category(
                id=cid,
                name=first["category_name"],
                version=version,
                effective_from=date.fromisoformat(first["effective_from"]),
                effective_to=date.fromisoformat(end) if end else None,
                nocs=frozenset(m["noc_code"] for m in members),
                place=WorkPlace.CANADA
                if cid in CANADA_ONLY_CATEGORIES
                else WorkPlace.CANADA_OR_ABROAD,
                french_nclc=None,
                needs_caf_job_offer=cid is CategoryId.SKILLED_MILITARY_RECRUITS,
                work_rule_applies=cid is not CategoryId.SKILLED_MILITARY_RECRUITS
                or MILITARY_WORK_RULE_APPLIES,
                source=_SOURCE_BY_VERSION[version],
                confidence=min(m["confidence"] for m in members),  # "one_copy" < "two_copies"
            )
        )
    labels = ("2023-1", "2025", "2026")
    for i, (label, start) in enumerate(zip(labels, VERSIONS_FROM, strict=True)):
        nxt = VERSIONS_FROM[i + 1] if i + 1 < len(VERSIONS_FROM) else None
        out.append(_french(label, start, None if nxt is None else nxt - timedelta(days=1)))
    return tuple(sorted(out, key=lambda c: (c.effective_from, c.id is not CategoryId.FRENCH, c.id)))


def _sets(categories: tuple[Category, ...]) -> Timeline[CategorySet]:
    for c in categories:
        if c.effective_from not in VERSIONS_FROM:
            msg = f"category {c.id} {c.version} starts on {c.effective_from}, not a version day"
            raise DataError(msg)
    none = Dated(
        EXPRESS_ENTRY_OPENED,
        CategorySet(()),
        CATEGORY_BASED_SELECTION,
        "No category-based selection before the first categories of 2023-05-31 "
        "(IRPA amended 2022-06-23 to allow it).",
    )
    notes = {
        VERSIONS_FROM[0]: "The six launch categories (lists 2023-1, also used in 2024).",
        VERSIONS_FROM[1]: "2025: healthcare becomes healthcare and social services, education "
        "added, STEM cut to 11, trades to 25, agriculture to 1; transport removed.",
        VERSIONS_FROM[2]: "2026: physicians, researchers and senior managers with Canadian "
        "experience, a new transport list and skilled military recruits added; agriculture "
        "retired; trades swap cooks for butchers.",
    }
    entries = [none]
    for day in VERSIONS_FROM:
        members = tuple(c for c in categories if c.in_force(as_of=day))
        entries.append(Dated(day, CategorySet(members), members[0].source, notes[day]))
    return Timeline("category.sets", tuple(entries), "Categories in force, with their versions")


_ALL: Final = _load()

CATEGORY_SETS: Final = _sets(_ALL)
"""The categories in force, by the day each set of versions took effect."""


def categories_in_force(*, as_of: date | None = None) -> tuple[Category, ...]:
    """The categories (each in its version) in force on ``as_of``; none before 2023-05-31.

    ``None`` means today.

    Raises:
        InvalidInputError: ``as_of`` is not a date.
        RulesNotInForceError: ``as_of`` is before 2015-01-01.
    """
    as_of = resolve(as_of, where="categories_in_force")
    return CATEGORY_SETS.at(as_of).value.categories


def categories_listing(noc: str, *, as_of: date | None = None) -> tuple[Category, ...]:
    """The categories in force on ``as_of`` (``None``: today) whose occupation list has ``noc``.

    >>> [c.id.value for c in categories_listing("31301", as_of=date(2026, 11, 22))]
    ['healthcare_social_services']

    Raises:
        InvalidInputError: ``as_of`` is not a date, or ``noc`` is not a string.
        RulesNotInForceError: ``as_of`` is before 2015-01-01.
    """
    as_of = resolve(as_of, where="categories_listing")
    noc = require_text(noc, "noc", "categories_listing", NOC_TEXT)
    return tuple(c for c in categories_in_force(as_of=as_of) if noc in c.nocs)
