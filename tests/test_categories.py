"""Category-based selection: the shipped lists, the sets in force and each category's rule.

Kinds: table check (every occupation list, typed out again from the research notes'
transcription of IRCC's lists; the sets in force on both sides of each change) and
hand-worked examples (a candidate who clearly passes or fails each category).

Sources, read 2026-11-22: IRCC, "Express Entry: Rounds of invitations: Category-based
selection"
(https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/submit-profile/rounds-invitations/category-based-selection.html)
and the "2024-2025 Report to Parliament – Category-Based Selection in Express Entry",
Annexes A and B
(https://www.canada.ca/en/immigration-refugees-citizenship/corporate/publications-manuals/report-parliament-cbs-2024-25.html).
The official pages were not readable in full; the lists were transcribed from public
copies (see ``src/expressentry/data/PROVENANCE.md``).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import attrs
import pytest

from expressentry import (
    Candidate,
    Education,
    EducationLevel,
    JobOffer,
    LanguageResult,
    LanguageTest,
    OfficialLanguage,
    WorkHistory,
    WorkPeriod,
    WorkPlace,
    assess,
)
from expressentry.eligibility import CategoryResult
from expressentry.eligibility.categories import place_kind
from expressentry.rules.categories import (
    CATEGORY_SETS,
    CATEGORY_WORK_RULE,
    Category,
    categories_in_force,
    categories_listing,
)
from tests.builders import clb

# The lists as the research notes (eligibility_rules.md, section 5.3, and the data
# README) give them, typed out again so a packaging mistake fails here.
_HEALTH_2025 = (
    "31100 31101 31102 31103 31110 31111 31112 31120 31121 31200 31201 31202 31203 31209 "
    "31300 31301 31302 31303 32101 32102 32103 32104 32109 32111 32120 32121 32122 32123 "
    "32124 32129 32201 33101 33102 33103 41300 41301 42201"
)
_TRADES_2025 = (
    "72320 72311 72310 73100 22303 70010 72400 82021 63200 72422 72200 73113 72302 72402 "
    "72401 70011 72201 72100 72999 73112 72300 73110 72102 72501 72106"
)
EXPECTED: dict[tuple[str, str], str] = {
    ("stem", "2023-1"): (
        "21200 20011 21221 21300 20012 21311 21230 21220 21211 21223 21310 20010 21321 21222 "
        "21203 21201 21210 21322 41400 21232 21231 21202 21233 21234"
    ),
    ("transport", "2023-1"): "93200 73300 72604 72603 72602 72601 72600 72404 72403 70020",
    ("agriculture", "2023-1"): "63201 82030 82031",
    ("healthcare_social_services", "2025"): _HEALTH_2025,
    ("healthcare_social_services", "2026"): _HEALTH_2025,
    ("stem", "2025"): "20011 22300 21300 21220 22310 21310 21331 21321 63100 22301 21301",
    ("stem", "2026"): "20011 22300 21300 21220 22310 21310 21331 21321 63100 22301 21301",
    ("trades", "2025"): _TRADES_2025,
    ("trades", "2026"): _TRADES_2025.replace("63200", "63201"),
    ("education", "2025"): "43100 42203 42202 41221 41220",
    ("education", "2026"): "43100 42203 42202 41221 41220",
    ("agriculture", "2025"): "63201",
    ("transport", "2026"): "72600 72410 72404 22313",
    ("physicians_canadian_experience", "2026"): "31100 31101 31102",
    ("researchers_canadian_experience", "2026"): "41200 41201",
    ("senior_managers_canadian_experience", "2026"): "00012 00013 00014 00015",
    ("skilled_military_recruits", "2026"): "40042 42102 43204",
}
_ALL: dict[tuple[str, str], Category] = {
    (c.id, c.version): c for entry in CATEGORY_SETS.entries for c in entry.value.categories
}


@pytest.mark.parametrize(("key", "codes"), EXPECTED.items(), ids=["/".join(k) for k in EXPECTED])
def test_every_list_matches_the_notes(key: tuple[str, str], codes: str) -> None:
    assert _ALL[key].nocs == frozenset(codes.split())


def test_healthcare_2023_is_the_2025_list_before_the_2025_change() -> None:
    # the 2025 change added 8 occupations and removed 6 (notes, section 5.3)
    added = {"32104", "32123", "32111", "32129", "31120", "32124", "42201", "41300"}
    removed = {"41320", "42203", "31204", "33109", "32209", "32200"}
    expected = (frozenset(_HEALTH_2025.split()) - added) | removed
    assert _ALL["healthcare", "2023-1"].nocs == expected


def test_categories_listing_a_code() -> None:
    assert [c.id for c in categories_listing("63201", as_of=date(2025, 6, 1))] == ["agriculture"]
    assert [c.id for c in categories_listing("63201", as_of=date(2026, 11, 22))] == ["trades"]
    assert categories_listing("21231", as_of=date(2026, 11, 22)) == ()
    assert [c.id for c in categories_listing("21231", as_of=date(2024, 1, 1))] == ["stem"]


def test_healthcare_2023_has_35_codes_without_pharmacists() -> None:
    nocs = _ALL["healthcare", "2023-1"].nocs
    assert len(nocs) == 35
    assert "31120" not in nocs
    assert "32200" in nocs


@pytest.mark.parametrize(
    ("day", "ids"),
    [
        (date(2023, 5, 30), []),
        (date(2023, 5, 31), ["french", "agriculture", "healthcare", "stem", "trades", "transport"]),
        (
            date(2025, 2, 26),
            ["french", "agriculture", "healthcare", "stem", "trades", "transport"],
        ),
        (
            date(2025, 2, 27),
            ["french", "agriculture", "education", "healthcare_social_services", "stem", "trades"],
        ),
        (
            date(2026, 2, 17),
            ["french", "agriculture", "education", "healthcare_social_services", "stem", "trades"],
        ),
        (
            date(2026, 2, 18),
            [
                "french",
                "education",
                "healthcare_social_services",
                "physicians_canadian_experience",
                "researchers_canadian_experience",
                "senior_managers_canadian_experience",
                "skilled_military_recruits",
                "stem",
                "trades",
                "transport",
            ],
        ),
    ],
)
def test_categories_in_force_on_both_sides_of_each_change(day: date, ids: list[str]) -> None:
    assert [c.id for c in categories_in_force(as_of=day)] == ids


def test_french_is_in_every_set_with_nclc_7() -> None:
    for entry in CATEGORY_SETS.entries[1:]:
        (french,) = [c for c in entry.value.categories if c.id == "french"]
        assert french.french_nclc == 7
        assert not french.nocs


def test_work_rule_on_both_sides_of_2026_02_18() -> None:
    before = CATEGORY_WORK_RULE.at(date(2026, 2, 17)).value
    after = CATEGORY_WORK_RULE.at(date(2026, 2, 18)).value
    assert (before.hours, before.window_years, before.continuous) == (780, 3, True)
    assert (after.hours, after.window_years, after.continuous) == (1560, 3, False)


# --- assessing categories ----------------------------------------------------------------


def _clb(
    level: int, when: date, test: LanguageTest = LanguageTest.CELPIP_GENERAL
) -> LanguageResult:
    if (
        test is LanguageTest.TEF_CANADA
    ):  # the chart from 2023-12-11, listening/speaking/reading/writing
        scores = {7: (434, 456, 434, 428), 6: (393, 422, 393, 379)}[level]
        return LanguageResult(
            test=test,
            test_date=when,
            listening=scores[0],
            speaking=scores[1],
            reading=scores[2],
            writing=scores[3],
        )
    return clb(level, when)


def _stint(start: date, weeks: int, noc: str, *, in_canada: bool = False) -> WorkPeriod:
    return WorkPeriod(
        start=start,
        end=start + timedelta(days=7 * weeks - 1),
        hours_per_week=30,
        noc=noc,
        in_canada=in_canada,
    )


def _candidate(*periods: WorkPeriod, day: date, **kw: Any) -> Candidate:
    """FSW-eligible by a year abroad in 21231 years before, plus ``periods``."""
    base = WorkPeriod(
        start=day - timedelta(days=6 * 365), end=day - timedelta(days=5 * 365), hours_per_week=30,
        noc="21231", in_canada=False,
    )  # fmt: skip
    fields: dict[str, Any] = {
        "date_of_birth": date(1994, 1, 1),
        "education": Education(level=EducationLevel.MASTERS, eca_issued=day - timedelta(days=100)),
        "languages": (_clb(9, day - timedelta(days=100)),),
        "work_history": WorkHistory(periods=(base, *periods)),
        "settlement_funds": 50_000,
    }
    fields.update(kw)
    return Candidate(**fields)


def _category(c: Candidate, day: date, category: str) -> CategoryResult:
    (found,) = [r for r in assess(c, as_of=day).categories if r.category == category]
    return found


def test_one_continuous_stretch_of_800_hours_before_and_after_the_2026_rule() -> None:
    # 27 weeks x 30 h = 810 h of nursing (31301), one stretch
    before, after = date(2026, 2, 17), date(2026, 2, 18)
    c_before = _candidate(_stint(before - timedelta(days=300), 27, "31301"), day=before)
    c_after = _candidate(_stint(before - timedelta(days=300), 27, "31301"), day=after)
    assert _category(c_before, before, "healthcare_social_services").eligible
    result = _category(c_after, after, "healthcare_social_services")
    assert not result.eligible
    assert "810 of 1,560 hours" in result.requirements[-1].reason


def test_broken_stretches_count_only_from_2026_02_18() -> None:
    # three 20-week stints (600 h each) in 21220 with gaps: never 780 continuous, 1,800 in all
    def stints(day: date) -> tuple[WorkPeriod, ...]:
        return tuple(_stint(day - timedelta(days=days), 20, "21220") for days in (900, 600, 300))

    before, after = date(2026, 2, 17), date(2026, 2, 18)
    assert not _category(_candidate(*stints(before), day=before), before, "stem").eligible
    assert _category(_candidate(*stints(after), day=after), after, "stem").eligible


def test_canada_only_categories_ignore_work_abroad() -> None:
    day = date(2026, 11, 22)
    abroad = _candidate(_stint(date(2025, 1, 6), 60, "31102"), day=day)
    at_home = _candidate(_stint(date(2025, 1, 6), 60, "31102", in_canada=True), day=day)
    assert not _category(abroad, day, "physicians_canadian_experience").eligible
    assert _category(at_home, day, "physicians_canadian_experience").eligible
    assert _category(abroad, day, "healthcare_social_services").eligible


def test_the_work_each_place_counts() -> None:
    """In Canada only authorized work counts; abroad only where the category says so."""
    start = date(2025, 1, 6)
    abroad = _stint(start, 10, "31102")
    at_home = _stint(start, 10, "31102", in_canada=True)
    unauthorized = attrs.evolve(at_home, authorized=False)
    canada, anywhere = place_kind(WorkPlace.CANADA)[2], place_kind(WorkPlace.CANADA_OR_ABROAD)[2]
    assert (canada(at_home), canada(abroad), canada(unauthorized)) == (True, False, False)
    assert (anywhere(at_home), anywhere(abroad), anywhere(unauthorized)) == (True, True, False)


def test_french_category_needs_nclc_7_in_all_four() -> None:
    day = date(2026, 11, 22)
    english = _clb(9, date(2026, 1, 10))
    french7 = _clb(7, date(2026, 1, 10), LanguageTest.TEF_CANADA)
    french6 = _clb(6, date(2026, 1, 10), LanguageTest.TEF_CANADA)
    first = OfficialLanguage.ENGLISH
    yes = _candidate(day=day, languages=(english, french7), first_official_language=first)
    no = _candidate(day=day, languages=(english, french6), first_official_language=first)
    assert _category(yes, day, "french").eligible
    assert not _category(no, day, "french").eligible


def test_every_category_needs_program_eligibility() -> None:
    day = date(2026, 11, 22)
    c = _candidate(_stint(date(2025, 1, 6), 60, "31301"), day=day, languages=())
    assert assess(c, as_of=day).eligible_programs == ()
    result = _category(c, day, "healthcare_social_services")
    assert not result.eligible
    assert not result.requirements[0].met


def test_military_recruits_need_a_caf_job_offer_in_a_listed_occupation() -> None:
    day = date(2026, 11, 22)
    caf = JobOffer(noc="42102", canadian_armed_forces=True)
    civilian = JobOffer(noc="42102")
    assert _category(_candidate(day=day, job_offer=caf), day, "skilled_military_recruits").eligible
    assert not _category(
        _candidate(day=day, job_offer=civilian), day, "skilled_military_recruits"
    ).eligible


def test_no_categories_before_2023_05_31() -> None:
    day = date(2023, 5, 30)
    c = _candidate(day=day)
    report = assess(c, as_of=day)
    assert report.categories == ()
    assert "no categories in force" in report.explain()


_DAYS = (date(2023, 6, 1), date(2025, 6, 1), date(2026, 11, 22))
_OCCUPATIONAL = [
    (day, c.id) for day in _DAYS for c in categories_in_force(as_of=day) if c.french_nclc is None
]


def _year_in(noc: str, day: date, *, in_canada: bool) -> WorkPeriod:
    """52 weeks of full-time work in ``noc`` ending a week before ``day``."""
    return _stint(day - timedelta(days=371), 52, noc, in_canada=in_canada)


@pytest.mark.parametrize(("day", "category"), _OCCUPATIONAL, ids=str)
def test_each_occupational_category_has_a_clear_pass_and_a_clear_fail(
    day: date, category: str
) -> None:
    (cat,) = [c for c in categories_in_force(as_of=day) if c.id == category]
    listed = min(cat.nocs)
    unlisted = "21231" if "21231" not in cat.nocs else "31301"
    offer = JobOffer(noc=listed, canadian_armed_forces=True) if cat.needs_caf_job_offer else None
    passes = _candidate(_year_in(listed, day, in_canada=True), day=day, job_offer=offer)
    fails = _candidate(_year_in(unlisted, day, in_canada=True), day=day)
    result = _category(passes, day, category)
    assert result.eligible, [r.reason for r in result.requirements if not r.met]
    assert not _category(fails, day, category).eligible
