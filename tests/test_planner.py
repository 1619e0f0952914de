"""The improvement planner against hand-worked CRS figures and properties.

Every expected number is worked by hand from IRCC's "Comprehensive Ranking
System (CRS) criteria" page, cited as CRS_PAGE with its table and row:
https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/check-score/crs-criteria.html
and the language equivalency charts (LANG_PAGE):
https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/documents/language-requirements/language-testing.html
never read from the planner or the scorer. The properties check the planner
against :func:`expressentry.score` (the planner must compute no points of its own).

Kind: hand-worked examples per kind of change, caps, combinations, properties
(hypothesis), bad input and a reform.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import expressentry as ee
from expressentry import (
    Candidate,
    CategoryId,
    Education,
    EducationLevel,
    InvalidInputError,
    JobOffer,
    LanguageResult,
    LanguageTest,
    MaritalStatus,
    OfficialLanguage,
    Spouse,
    WorkHistory,
    WorkPeriod,
    score,
)
from expressentry.planner import ChangeKind, Improvement, ImprovementPlan
from tests.strategies import candidates, random_candidate

CRS_PAGE = (
    "https://www.canada.ca/en/immigration-refugees-citizenship/services/"
    "immigrate-canada/express-entry/check-score/crs-criteria.html"
)

AS_OF = date(2026, 12, 3)
BORN = date(1996, 6, 1)
"""30 on AS_OF (CRS_PAGE, core A, age row "30": 105 without spouse, 95 with);
31 on 2027-06-01 (row "31": 99 / 90)."""
TAKEN = date(2026, 6, 1)
"""Language tests taken then are valid (2 years) to 2028-06-01: past a 12-month plan."""
ECA = date(2026, 1, 15)


def ielts(
    listening: float, speaking: float, reading: float, writing: float, when: date = TAKEN
) -> LanguageResult:
    """An IELTS General Training result."""
    return LanguageResult(
        test=LanguageTest.IELTS_GENERAL,
        test_date=when,
        listening=listening,
        speaking=speaking,
        reading=reading,
        writing=writing,
    )


def ielts_clb9(when: date = TAKEN) -> LanguageResult:
    """CLB 9 in all four (LANG_PAGE, IELTS General: CLB 9 = L 8.0, S 7.0, R 7.0, W 7.0)."""
    return ielts(8.0, 7.0, 7.0, 7.0, when)


def ielts_clb8(when: date = TAKEN) -> LanguageResult:
    """CLB 8 in all four (LANG_PAGE, IELTS General: CLB 8 = L 7.5, S 6.5, R 6.5, W 6.5)."""
    return ielts(7.5, 6.5, 6.5, 6.5, when)


def person(
    *,
    level: EducationLevel = EducationLevel.BACHELORS,
    languages: tuple[LanguageResult, ...] | None = None,
    work: WorkHistory | None = None,
    born: date = BORN,
    eca: date = ECA,
    **changes: Any,
) -> Candidate:
    """A single candidate: 30 on AS_OF, a foreign degree with its ECA, IELTS CLB 9, no work."""
    fields: dict[str, Any] = {
        "date_of_birth": born,
        "education": Education(level=level, eca_issued=eca),
        "languages": (ielts_clb9(),) if languages is None else languages,
        "work_history": work or WorkHistory(),
        "settlement_funds": 60_000,
    }
    return Candidate(**{**fields, **changes})


def married(spouse: Spouse, **changes: Any) -> Candidate:
    """``person()`` with a spouse."""
    return person(marital_status=MaritalStatus.MARRIED, spouse=spouse, **changes)


def plan(c: Candidate, as_of: date = AS_OF, **kw: object) -> ImprovementPlan:
    return ee.improvements(c, as_of=as_of, chances=False, **kw)  # type: ignore[arg-type]


def find(p: ImprovementPlan, kind: ChangeKind, words: str = "") -> Improvement:
    """The one improvement (or change worth nothing) of ``kind`` whose description has ``words``."""
    found = [
        i
        for i in (*p.improvements, *p.worth_nothing)
        if i.kind is kind and words.lower() in i.description.lower()
    ]
    assert len(found) == 1, (kind, words, [i.description for i in found])
    return found[0]


def of_kind(p: ImprovementPlan, kind: ChangeKind) -> list[Improvement]:
    return [i for i in (*p.improvements, *p.worth_nothing) if i.kind is kind]


# --- 1. each kind of change, worked by hand --------------------------------------------


def test_one_ability_raised_ielts_writing_7_to_7_5() -> None:
    # LANG_PAGE, IELTS General, writing: 7.0 is CLB 9, 7.5 is CLB 10.
    # CRS_PAGE, core A, first official language, without spouse, per ability:
    # CLB 9 = 31, CLB 10 or more = 34 -> +3. Transferability is unchanged: the
    # bachelor's with CLB 9+ in all four already earns 25 (table "Education",
    # row "post-secondary of 1 year or longer", column "CLB 9 or more").
    imp = find(plan(person()), ChangeKind.LANGUAGE, "writing 7 → 7.5")
    assert imp.gain == 3
    assert imp.day == AS_OF
    assert [(ln.before, ln.after) for ln in imp.lines] == [(31, 34)]
    assert imp.capped_by == ()


def test_all_four_raised_to_clb_10() -> None:
    # CRS_PAGE, core A, first language without spouse: CLB 9 = 31 -> CLB 10 = 34
    # in each of the four abilities: 4 x 3 = +12. Transferability stays at 25.
    imp = find(plan(person()), ChangeKind.LANGUAGE, "CLB 10 or more in all four")
    assert imp.gain == 12
    assert len(imp.lines) == 4


def test_new_french_test_at_nclc_7_gives_points_and_opens_french_category() -> None:
    # CRS_PAGE, core A, "Second official language", per ability: NCLC 7 or 8 = 3;
    # 4 x 3 = 12 (under the 24 maximum without spouse).
    # CRS_PAGE, D "Additional points", "NCLC 7 or higher on all four French
    # language skills and scored CLB 5 or higher on all four English skills" = 50
    # (since 2020-10-20; no later change in force on 2026-12-03, the test day).
    # 12 + 50 = 62. One year of Canadian work makes the candidate eligible for
    # the CEC, so for a category (the French category needs NCLC 7 in all four).
    c = person(work=WorkHistory.from_years(as_of=AS_OF, canadian=1))
    imp = find(plan(c), ChangeKind.NEW_TEST, "NCLC 7")
    assert imp.gain == 62
    assert CategoryId.FRENCH in imp.categories_opened
    # Ranked by points first: the nomination (+600) before the French test, which
    # opens a category but gains fewer points.
    p = plan(c)
    assert p.improvements[0].kind is ChangeKind.NOMINATION
    gains = [i.gain for i in p.improvements]
    assert gains == sorted(gains, reverse=True)


def test_new_french_test_with_weak_english_gives_25() -> None:
    # English CLB 4 in all four (LANG_PAGE, IELTS: L 4.5, S 4.0, R 3.5, W 4.0).
    # CRS_PAGE, D: NCLC 7+ in French "and scored CLB 4 or lower in English" = 25;
    # second language NCLC 7 = 3 per ability = 12. 25 + 12 = 37.
    weak = person(languages=(ielts(4.5, 4.0, 3.5, 4.0),))
    imp = find(plan(weak), ChangeKind.NEW_TEST, "NCLC 7")
    assert imp.gain == 37


def test_renewal_worth_nothing_today_counts_on_the_expiry_day() -> None:
    # IELTS taken 2025-06-10: valid 2 years, so it expires on 2027-06-10, inside a
    # 12-month plan from 2026-12-03 (and after the 31st birthday of 2027-06-01).
    # On the expiry day, without a renewal, the candidate loses the first
    # language (CRS_PAGE, core A, without spouse: CLB 9 = 31 x 4 = 124) and the
    # education + language transferability (bachelor's with CLB 9+ = 25): 149.
    c = person(languages=(ielts_clb9(date(2025, 6, 10)),))
    p = plan(c)
    imp = find(p, ChangeKind.RENEWAL, "IELTS")
    assert imp.day == date(2027, 6, 10)
    assert imp.gain == 124 + 25
    # Worth nothing today: renewing now changes no line on AS_OF.
    assert score(imp.profile, as_of=AS_OF).total == score(c, as_of=AS_OF).total
    loss = [x for x in p.losses if x.day == date(2027, 6, 10)]
    assert len(loss) == 1
    assert loss[0].points == -(124 + 25)


SPOUSE = Spouse(
    accompanying=True,
    education=Education(level=EducationLevel.SECONDARY, eca_issued=ECA),
)
"""An accompanying spouse: secondary school (CRS_PAGE, B, spouse's education,
"secondary school" = 2), no language test, no Canadian work."""


@pytest.mark.parametrize(
    ("level", "gain"),
    [
        # CRS_PAGE, B "Spouse's official language proficiency", per ability:
        # CLB 5 or 6 = 1, CLB 7 or 8 = 3, CLB 9 or more = 5; x 4 abilities.
        (5, 4),
        (7, 12),
        (9, 20),
    ],
)
def test_spouse_language_test(level: int, gain: int) -> None:
    imp = find(plan(married(SPOUSE)), ChangeKind.SPOUSE, f"at CLB {level} in all four")
    assert imp.gain == gain


def test_decision_never_in_a_combination() -> None:
    # Not accompanying (+24 above) is among the best six changes, but it is the
    # candidate's own decision: a plan never combines it.
    p = plan(married(SPOUSE))
    decision = find(p, ChangeKind.NOT_ACCOMPANYING).description
    for combo in (p.best_pair, p.best_triple):
        assert combo is not None
        assert decision not in combo.steps
        assert not combo.decision


def test_spouse_further_education() -> None:
    # CRS_PAGE, B, spouse's education: secondary = 2, bachelor's = 8 -> +6;
    # master's = 10 -> +8.
    p = plan(married(SPOUSE))
    assert find(p, ChangeKind.SPOUSE, "further credential: bachelor").gain == 6
    assert find(p, ChangeKind.SPOUSE, "further credential: master").gain == 8


def test_spouse_canadian_work_year() -> None:
    # CRS_PAGE, B, spouse's Canadian work experience: 1 year = 5, reached one year
    # after starting full time (30 h/week).
    imp = find(plan(married(SPOUSE)), ChangeKind.SPOUSE, "works a year")
    assert imp.day == date(2027, 12, 3)
    assert imp.gain == 5


def test_not_accompanying_is_a_decision_worked_by_hand() -> None:
    # CRS_PAGE, core A, with spouse -> without: age 30: 95 -> 105 (+10);
    # bachelor's: 112 -> 120 (+8); CLB 9: 29 -> 31 per ability (+8);
    # B: the spouse's secondary school (2) is lost (-2). +10 + 8 + 8 - 2 = +24.
    imp = find(plan(married(SPOUSE)), ChangeKind.NOT_ACCOMPANYING)
    assert imp.decision is True
    assert imp.gain == 24


@pytest.mark.parametrize(
    ("words", "gain"),
    [
        # CRS_PAGE, core A, education without spouse: bachelor's 120, two or more
        # credentials 128, master's 135, doctoral 150; C, education + language
        # with CLB 9+: post-secondary 1 year+ = 25, two or more / master's /
        # doctoral = 50 (+25).
        ("two or more", 8 + 25),
        ("master", 15 + 25),
        ("doctoral", 30 + 25),
    ],
)
def test_further_credential_with_eca(words: str, gain: int) -> None:
    assert find(plan(person()), ChangeKind.EDUCATION, words).gain == gain


@pytest.mark.parametrize(
    ("words", "gain"),
    [
        # CRS_PAGE, D, "Post-secondary education in Canada": credential of one or
        # two years = 15; three years or longer = 30.
        ("one or two years", 15),
        ("three years or more", 30),
    ],
)
def test_canadian_credential(words: str, gain: int) -> None:
    assert find(plan(person()), ChangeKind.CANADIAN_EDUCATION, words).gain == gain


def test_canadian_credential_when_the_foreign_one_has_no_eca() -> None:
    # A foreign master's without an ECA earns no education points. Completing a
    # Canadian credential of one or two years (at its lowest, a one-year program):
    # CRS_PAGE, core A, education without spouse, one-year program = 90; C,
    # post-secondary of 1 year or longer with CLB 9+ = 25; D, Canadian
    # credential of one or two years = 15. +130.
    c = person(education=Education(level=EducationLevel.MASTERS))
    imp = find(plan(c), ChangeKind.CANADIAN_EDUCATION, "one or two years")
    assert imp.gain == 90 + 25 + 15


def test_experience_year_reached_on_the_day_worked_by_hand() -> None:
    # A Canadian TEER 1 job from 2026-01-05 at 37.5 h/week: only 30 h/week count
    # (1,560 hours a year = 30 h x 52 weeks), i.e. 30/7 hours a day, so a year is
    # 1560 / (30/7) = 364 days of work: 2026-01-05 .. 2027-01-03 inclusive, reached
    # for the score of 2027-01-04 (work counts up to the day before the day scored).
    # CRS_PAGE, core A, Canadian work without spouse: 1 year = 40; C, education +
    # Canadian work, post-secondary 1 year+ with 1 year = 13. 40 + 13 = 53,
    # against the job ending the day before the plan (11 months: 0 points).
    job = WorkPeriod(
        start=date(2026, 1, 5), end=None, hours_per_week=37.5, noc="21231", in_canada=True
    )
    c = person(work=WorkHistory(periods=(job,)))
    assert date(2026, 1, 5) + timedelta(days=364) == date(2027, 1, 4)
    years = of_kind(plan(c), ChangeKind.EXPERIENCE)
    first = min(years, key=lambda i: i.day)
    assert first.day == date(2027, 1, 4)
    assert first.gain == 53
    assert first.baseline is not None


def test_job_offer_before_its_points_were_removed() -> None:
    # CRS_PAGE as in force 2016-11-19 to 2025-03-24, D "Arranged employment":
    # NOC TEER 0 major group 00 = 200; other TEER 0, 1, 2 or 3 = 50.
    day = date(2024, 6, 3)
    c = person(
        languages=(ielts_clb9(date(2024, 1, 10)),),
        eca=date(2023, 5, 1),
        born=date(1994, 3, 1),
    )
    p = plan(c, as_of=day)
    assert find(p, ChangeKind.JOB_OFFER, "NOC 21231").gain == 50
    assert find(p, ChangeKind.JOB_OFFER, "major group 00").gain == 200


def test_held_job_offer_lost_on_2025_03_25() -> None:
    # A TEER 1 offer held on 2025-03-01 earns 50 (CRS_PAGE, D, as in force then);
    # the points were removed on 2025-03-25: a loss of 50 that day.
    day = date(2025, 3, 1)
    c = person(
        languages=(ielts_clb9(date(2025, 1, 10)),),
        eca=date(2024, 5, 1),
        born=date(1994, 3, 1),
        job_offer=JobOffer(noc="21231"),
    )
    p = plan(c, as_of=day)
    lost = [x for x in p.losses if x.day == date(2025, 3, 25)]
    assert [x.points for x in lost] == [-50]
    # The 00 offer is still worth 200 - 50 = +150 on the day planned from.
    assert find(p, ChangeKind.JOB_OFFER, "major group 00").gain == 150


def test_lmia_job_offer_600_before_2016_11_19() -> None:
    # Before 2016-11-19 a qualifying (LMIA) job offer was worth 600, like a
    # nomination (Ministerial Instructions 2015-01-01 to 2016-11-18, S5 of the
    # project's notes). No sibling or Canadian-study points yet (D: from
    # 2017-06-06 and 2016-11-19): neither is proposed.
    day = date(2016, 6, 1)
    c = person(
        languages=(ielts_clb9(date(2016, 1, 10)),), eca=date(2015, 5, 1), born=date(1990, 3, 1)
    )
    p = plan(c, as_of=day)
    assert find(p, ChangeKind.JOB_OFFER, "NOC 21231").gain == 600
    assert of_kind(p, ChangeKind.SIBLING) == []
    assert of_kind(p, ChangeKind.CANADIAN_EDUCATION) == []


def test_renewal_on_the_horizon_last_day_and_not_after() -> None:
    # IELTS taken 2025-12-03 expires 2027-12-03: the last day of a 12-month plan
    # (renewal measured that day: 124 + 25 lost, as above); an 11-month plan
    # ends 2027-11-03, before it: no renewal.
    c = person(languages=(ielts_clb9(date(2025, 12, 3)),))
    p = plan(c)
    assert p.end == date(2027, 12, 3)
    imp = find(p, ChangeKind.RENEWAL, "IELTS")
    assert (imp.day, imp.gain) == (date(2027, 12, 3), 149)
    assert of_kind(plan(c, months=11), ChangeKind.RENEWAL) == []


def test_job_offer_worth_nothing_after_2025_03_25() -> None:
    # Arranged-employment points were removed on 2025-03-25 (Ministerial
    # Instructions of that day; CRS_PAGE no longer lists them): never proposed as
    # a gain.
    offers = of_kind(plan(person()), ChangeKind.JOB_OFFER)
    assert all(i.gain == 0 for i in offers)


def test_nomination_600() -> None:
    # CRS_PAGE, D: provincial or territorial nomination = 600.
    imp = find(plan(person()), ChangeKind.NOMINATION)
    assert imp.gain == 600
    assert imp.capped_by == ()


def test_nomination_partly_absorbed_by_the_600_cap() -> None:
    # A candidate with a sibling in Canada (D: 15) and a Canadian credential of
    # 3+ years (D: 30) holds 45 additional points; with a nomination 645 is
    # capped at 600 (CRS_PAGE, D "maximum 600"): +555.
    c = person(
        sibling_in_canada=True,
        education=Education(
            level=EducationLevel.BACHELORS,
            canadian_credential=ee.CanadianCredential.THREE_YEAR_OR_MORE,
        ),
    )
    imp = find(plan(c), ChangeKind.NOMINATION)
    assert imp.gain == 600 - 45
    assert imp.capped_by
    assert any("600" in reason for reason in imp.capped_by)


def test_sibling_15() -> None:
    # CRS_PAGE, D: brother or sister living in Canada (citizen or PR) = 15.
    assert find(plan(person()), ChangeKind.SIBLING).gain == 15


TRADE_JOB = WorkPeriod(
    start=date(2022, 1, 3), end=date(2024, 1, 2), hours_per_week=40, noc="72310", in_canada=False
)
"""Two years of foreign work as a carpenter (NOC 72310, a trade of major group 72)."""


def test_certificate_of_qualification_for_a_trades_worker() -> None:
    # Secondary school (C: no education transferability); CLB 9 and 2 years of
    # foreign work: foreign work + language, 1-2 years with CLB 9+ = 25.
    # CRS_PAGE, C "Certificate of qualification", with CLB 7 or more on all four
    # first-language abilities = 50. 25 + 50 = 75 is under the 100 maximum: +50.
    c = person(level=EducationLevel.SECONDARY, work=WorkHistory(periods=(TRADE_JOB,)))
    imp = find(plan(c), ChangeKind.CERTIFICATE)
    assert imp.gain == 50


def test_age_loss_on_the_next_birthday() -> None:
    # CRS_PAGE, core A, age without spouse: 30 = 105, 31 = 99 -> -6 on 2027-06-01.
    p = plan(person())
    birthday = [x for x in p.losses if x.day == date(2027, 6, 1)]
    assert len(birthday) == 1
    assert birthday[0].points == -6


TEF_NCLC9 = LanguageResult(
    test=LanguageTest.TEF_CANADA,
    test_date=TAKEN,
    # LANG_PAGE, TEF Canada after 2023-12-10, NCLC 9: L 503, S 518, R 503, W 512.
    listening=503,
    speaking=518,
    reading=503,
    writing=512,
)


def test_french_speaker_english_test_at_clb_5() -> None:
    # French first at NCLC 9, no English. An IELTS at CLB 5 in all four:
    # CRS_PAGE, core A, second official language, CLB 5 or 6 = 1 per ability (+4);
    # D, French NCLC 7+ "and CLB 4 or lower in English or no English" = 25 becomes
    # "CLB 5 or higher on all four English skills" = 50 (+25). +29.
    imp = find(plan(person(languages=(TEF_NCLC9,))), ChangeKind.NEW_TEST, "CLB 5")
    assert imp.gain == 4 + 25
    assert imp.description.startswith("An IELTS")


def test_declaring_french_first() -> None:
    # English CLB 5 (LANG_PAGE, IELTS: L 5.0, S 5.0, R 4.0, W 5.0) first, French
    # NCLC 9 second. Declaring French first (CRS_PAGE, core A, without spouse):
    # first language 4 x (31 - 6) = +100; second language 4 x (1 - 6) = -20;
    # C, bachelor's with CLB/NCLC 9+ = 25 instead of 0 (CLB 5: under 7): +25.
    # D, French points stay 50 (NCLC 7+ and English CLB 5+). +105.
    c = person(
        languages=(ielts(5.0, 5.0, 4.0, 5.0), TEF_NCLC9),
        first_official_language=OfficialLanguage.ENGLISH,
    )
    imp = find(plan(c), ChangeKind.FIRST_LANGUAGE)
    assert imp.gain == 100 - 20 + 25


def test_eca_renewal_on_its_expiry_day() -> None:
    # An ECA issued 2022-01-15 is valid 5 years: it expires on 2027-01-15. That day
    # the foreign bachelor's earns nothing: CRS_PAGE, core A, education without
    # spouse, bachelor's = 120; C, with CLB 9+ = 25. +145 for a new ECA.
    p = plan(person(eca=date(2022, 1, 15)))
    imp = find(p, ChangeKind.RENEWAL, "ECA")
    assert imp.day == date(2027, 1, 15)
    assert imp.gain == 145
    assert [x.points for x in p.losses if x.day == date(2027, 1, 15)] == [-145]


def test_expired_french_result_retaken_on_the_new_chart() -> None:
    # TEF taken 2023-06-01 (LANG_PAGE, TEF 2019-10-01 to 2023-12-10: 450 = NCLC 7
    # in each ability), expired 2025-06-01. Taken again now at the same levels:
    # second language 4 x 3 = 12 and French 50 (CRS_PAGE, core A and D). +62,
    # measured today; the new result reads NCLC 7 on the chart of 2023-12-11.
    old = LanguageResult(
        test=LanguageTest.TEF_CANADA,
        test_date=date(2023, 6, 1),
        listening=450,
        speaking=450,
        reading=450,
        writing=450,
    )
    c = person(languages=(ielts_clb9(), old), first_official_language=OfficialLanguage.ENGLISH)
    imp = find(plan(c), ChangeKind.RENEWAL, "TEF")
    assert imp.day == AS_OF
    assert imp.gain == 62
    new = imp.profile.second_language_result
    assert new is not None
    # LANG_PAGE, TEF after 2023-12-10, NCLC 7 lows: L 434, S 456, R 434, W 428.
    assert (new.listening, new.speaking, new.reading, new.writing) == (434, 456, 434, 428)


def test_foreign_experience_third_year() -> None:
    # A foreign TEER 1 job from 2024-06-03 at 40 h/week counts 30 h/week: 3 years =
    # 3 x 1,560 = 4,680 hours = 4680 / (30/7) = 1,092 days, so reached for the
    # score of 2024-06-03 + 1,092 days = 2027-05-31. CRS_PAGE, C, foreign work +
    # language with CLB 9+: 1-2 years = 25, 3 years or more = 50: +25.
    job = WorkPeriod(
        start=date(2024, 6, 3), end=None, hours_per_week=40, noc="21231", in_canada=False
    )
    assert date(2024, 6, 3) + timedelta(days=1092) == date(2027, 5, 31)
    p = plan(person(work=WorkHistory(periods=(job,))), months=24)
    imp = find(p, ChangeKind.EXPERIENCE, "foreign")
    assert (imp.day, imp.gain) == (date(2027, 5, 31), 25)


def test_spouse_ongoing_canadian_job_reaches_a_year() -> None:
    # The spouse's Canadian job from 2026-03-02 at 30 h/week: 364 days (1,560 h)
    # reached for the score of 2027-03-01. CRS_PAGE, B, spouse's Canadian work,
    # 1 year = 5.
    job = WorkPeriod(
        start=date(2026, 3, 2), end=None, hours_per_week=30, noc="21231", in_canada=True
    )
    s = attrs.evolve(SPOUSE, work_history=WorkHistory(periods=(job,)))
    imp = find(plan(married(s)), ChangeKind.EXPERIENCE, "spouse")
    assert (imp.day, imp.gain) == (date(2027, 3, 1), 5)


def test_no_change_dated_after_the_horizon() -> None:
    # ImprovementPlan.end is "the last day of the planning horizon"; months=1.
    p = plan(married(SPOUSE), months=1)
    assert p.end == date(2027, 1, 3)
    assert all(i.day <= p.end for i in (*p.improvements, *p.worth_nothing))


def test_work_leaving_the_ten_year_window_is_a_loss() -> None:
    # Canadian work 2016-12-10 .. 2018-12-09 at 30 h/week (ended). On 2026-12-12
    # the last 10 years start 2016-12-12: 728 days = 728 x 30/7 = 3,120 hours,
    # 2 years. On 2026-12-13 they start 2016-12-13: 727 days = 3,115.7 hours, 1 year.
    # CRS_PAGE, core A, Canadian work without spouse: 2 years 53 -> 1 year 40
    # (-13); C, education + Canadian work, post-secondary with 2 years 25 -> 1
    # year 13 (-12). A loss of 25 on 2026-12-13, unless invited before.
    job = WorkPeriod(
        start=date(2016, 12, 10),
        end=date(2018, 12, 9),
        hours_per_week=30,
        noc="21231",
        in_canada=True,
    )
    p = plan(person(work=WorkHistory(periods=(job,))))
    assert [x.points for x in p.losses if x.day == date(2026, 12, 13)] == [-25]


# --- 2. a change blocked by a cap -------------------------------------------------------


def test_certificate_absorbed_by_the_transferability_maximum() -> None:
    # Master's + CLB 9 in all four: education + language = 50 (C, education group,
    # cap 50); 3 years of foreign trade work + CLB 9+: 50 (foreign work group,
    # cap 50). 100 already: the certificate's 50 (C, CLB 7+) is absorbed by the
    # transferability maximum of 100 (CRS_PAGE, C "maximum 100"). The job offer
    # in the trade (0 points since 2025-03-25) already opens the FST, so the
    # certificate opens nothing either.
    job = attrs.evolve(TRADE_JOB, start=date(2021, 1, 4))
    c = person(
        level=EducationLevel.MASTERS,
        work=WorkHistory(periods=(job,)),
        job_offer=JobOffer(noc="72310"),
    )
    p = plan(c)
    assert not find(p, ChangeKind.CERTIFICATE).opens
    imp = find(p, ChangeKind.CERTIFICATE)
    assert imp.gain == 0
    assert imp in p.worth_nothing
    assert imp not in p.improvements
    assert imp.why_nothing is not None
    assert "100" in imp.why_nothing


def test_second_language_cap_with_spouse_absorbs_part() -> None:
    # With an accompanying spouse the second language is capped at 22 (CRS_PAGE,
    # core A, second official language, "maximum 22 points with spouse"). French
    # at NCLC 7 in all four = 4 x 3 = 12; NCLC 9 in all four = 4 x 6 = 24 -> 22:
    # +10, part of it absorbed by the cap.
    tef = LanguageResult(
        test=LanguageTest.TEF_CANADA,
        test_date=TAKEN,
        # LANG_PAGE, TEF Canada after 2023-12-10, NCLC 7: L 434, S 456, R 434, W 428.
        listening=434,
        speaking=456,
        reading=434,
        writing=428,
    )
    c = married(
        SPOUSE, languages=(ielts_clb9(), tef), first_official_language=OfficialLanguage.ENGLISH
    )
    imp = find(plan(c), ChangeKind.LANGUAGE, "NCLC 9 or more in all four")
    assert imp.gain == 10
    assert any("22" in reason for reason in imp.capped_by)


# --- 3. combinations --------------------------------------------------------------------


def _fields(before: Candidate, after: Candidate) -> set[str]:
    """What of the profile a change touched, read from the profiles themselves."""
    out: set[str] = set()
    for name in ("education", "job_offer", "provincial_nomination", "sibling_in_canada"):
        if getattr(before, name) != getattr(after, name):
            out.add(name)
    if before.certificate_of_qualification != after.certificate_of_qualification:
        out.add("certificate")
    if before.spouse != after.spouse:
        assert before.spouse is not None
        assert after.spouse is not None
        for field in attrs.fields(Spouse):
            if getattr(before.spouse, field.name) != getattr(after.spouse, field.name):
                out.add(f"spouse.{field.name}")
    old = {r.language: r for r in before.languages}
    for r in after.languages:
        was = old.get(r.language)
        for a in ("listening", "speaking", "reading", "writing"):
            if was is None or getattr(was, a) != getattr(r, a) or was.test_date != r.test_date:
                out.add(f"{r.language.value}.{a}")
    if before.first_official_language != after.first_official_language:
        out.add("first_official_language")
    return out


def _steps_apart(p: ImprovementPlan, combo: Improvement) -> None:
    """The steps of ``combo`` are changes of the plan that touch different things."""
    singles = {i.description: i for i in (*p.improvements, *p.worth_nothing)}
    assert not any(singles[s].decision for s in combo.steps)
    touched = [_fields(p.candidate, singles[s].profile) for s in combo.steps]
    for i, a in enumerate(touched):
        assert a
        for b in touched[i + 1 :]:
            assert not a & b, combo.steps


def test_education_and_language_combined_beat_each_alone() -> None:
    # Nominated already (D: 600, the maximum), so additional points add nothing.
    # Bachelor's, IELTS CLB 8 in all four (LANG_PAGE): core A without spouse,
    # CLB 8 = 23 per ability; C, bachelor's with CLB 7+ = 13.
    # - CLB 10 in all four: 4 x (34 - 23) = 44; C: bachelor's with CLB 9+ = 25
    #   (+12): +56.
    # - Doctoral degree: 150 - 120 = 30; C: doctoral with CLB 7+ = 25 (+12): +42.
    # - Both: 44 + 30; C: doctoral with CLB 9+ = 50 (+37): +111 > 56 + 42.
    c = person(languages=(ielts_clb8(),), provincial_nomination=True)
    p = plan(c)
    lang = find(p, ChangeKind.LANGUAGE, "CLB 10 or more in all four")
    phd = find(p, ChangeKind.EDUCATION, "doctoral")
    assert (lang.gain, phd.gain) == (56, 42)
    assert p.best_pair is not None
    assert set(p.best_pair.steps) == {lang.description, phd.description}
    assert p.best_pair.gain == 111
    assert p.best_pair.gain > lang.gain + phd.gain
    _steps_apart(p, p.best_pair)
    if p.best_triple is not None:
        _steps_apart(p, p.best_triple)


# --- 4. properties ----------------------------------------------------------------------


@st.composite
def planned(draw: st.DrawFn) -> tuple[date, Candidate]:
    as_of = draw(st.dates(date(2016, 1, 1), date(2027, 12, 31)))
    return as_of, draw(candidates(as_of=as_of))


PROPERTY = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check_exact(p: ImprovementPlan, imp: Improvement) -> None:
    base = imp.baseline or p.candidate
    assert imp.total == score(imp.profile, as_of=imp.day).total
    assert imp.total_before == score(base, as_of=imp.day).total
    assert imp.gain == imp.total - imp.total_before


@PROPERTY
@given(planned())
def test_every_gain_is_the_scores_difference(found: tuple[date, Candidate]) -> None:
    as_of, c = found
    p = plan(c, as_of=as_of)
    assert p.total == score(c, as_of=as_of).total
    for imp in (*p.improvements, *p.worth_nothing):
        _check_exact(p, imp)
        # 12 months: every change dated inside the plan.
        assert as_of <= imp.day <= p.end
        if imp.day == as_of and imp.baseline is None:
            assert imp.total_before == p.total
    for combo in (p.best_pair, p.best_triple):
        if combo is not None:
            _check_exact(p, combo)
            assert combo.day == as_of
            _steps_apart(p, combo)


@PROPERTY
@given(planned())
def test_plan_is_ranked_and_never_negative(found: tuple[date, Candidate]) -> None:
    as_of, c = found
    p = plan(c, as_of=as_of)
    gains = [i.gain for i in p.improvements]
    assert gains == sorted(gains, reverse=True)
    assert all(g >= 0 for g in gains)
    assert all(i.gain > 0 or i.opens for i in p.improvements)
    for imp in p.worth_nothing:
        assert imp.gain == 0
        assert imp.why_nothing
    for loss in p.losses:
        assert loss.points <= 0 or loss.programs_closed or loss.categories_closed
        assert as_of <= loss.day <= p.end
    days = [x.day for x in p.losses]
    assert days == sorted(days)


def test_chances_before_and_after() -> None:
    history = ee.rounds()[-40:]
    # One year of Canadian work: eligible for the CEC, so for some rounds.
    c = person(work=WorkHistory.from_years(as_of=AS_OF, canadian=1))
    p = ee.improvements(c, as_of=AS_OF, history=history)
    assert p.chances
    kinds = {k for k, _ in p.chances}
    sibling = find(p, ChangeKind.SIBLING)
    assert sibling.chances
    assert kinds <= {ch.round_type for ch in sibling.chances}
    for ch in sibling.chances:
        if ch.before is not None and ch.after is not None:
            # 15 more points never lower the chance of the same round.
            assert ch.after >= ch.before


# --- 5. bad input -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kw", "field"),
    [
        ({"months": 0}, "months"),
        ({"months": "x"}, "months"),
        ({"months": 121}, "months"),
        ({"months": True}, "months"),
        ({"chances": "yes"}, "chances"),
    ],
)
def test_bad_arguments_name_the_field(kw: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidInputError) as err:
        ee.improvements(person(), as_of=AS_OF, **kw)  # type: ignore[arg-type]
    assert field in {pr.path for pr in err.value.problems}
    assert field in str(err.value)


def test_not_a_candidate() -> None:
    with pytest.raises(InvalidInputError) as err:
        ee.improvements({"date_of_birth": "1996-06-01"}, as_of=AS_OF)  # type: ignore[arg-type]
    assert [pr.path for pr in err.value.problems] == ["candidate"]
    assert "candidate" in str(err.value)


def test_as_of_not_a_date() -> None:
    with pytest.raises(InvalidInputError) as err:
        ee.improvements(person(), as_of="2026-12-03")  # type: ignore[arg-type]
    assert [pr.path for pr in err.value.problems] == ["as_of"]


# --- 6. a reform -------------------------------------------------------------------------


def test_reform_without_sibling_points() -> None:
    # The reform zeroes the 15 sibling points (docs/reforms.md): no gain proposed.
    no_sibling = ee.rules_for(as_of=AS_OF).zero("crs.additional.sibling", reform="no sibling")
    p = plan(person(), rules=no_sibling)
    assert all(i.gain == 0 for i in of_kind(p, ChangeKind.SIBLING))
    assert all(i.kind is not ChangeKind.SIBLING for i in p.improvements)
    # The same profile under the rules in force: +15 (CRS_PAGE, D).
    assert find(plan(person()), ChangeKind.SIBLING).gain == 15


def test_no_second_offer_for_a_major_group_00_offer() -> None:
    # A held major-group-00 offer: no further offer is proposed.
    c = person(job_offer=JobOffer(noc="00012"))
    assert of_kind(plan(c), ChangeKind.JOB_OFFER) == []


def test_a_combination_is_reported_only_when_it_beats_one_change_fewer() -> None:
    # The example on 2026-11-22 (https://www.canada.ca/en/immigration-refugees-citizenship/
    # services/immigrate-canada/express-entry/check-score/crs-criteria.html):
    # - a nomination: 600 + the 50 French points held = 650, capped at 600: +550;
    # - NCLC 9 in all four French abilities: 6 instead of 3 points each (second
    #   official language, with a spouse), 12 + 12 = 24 capped at 22: +10;
    # - so the pair gains 560. A third change among the best four (a Canadian
    #   credential or a sibling, both additional points) is absorbed by the 600
    #   cap: no triple gains more than the pair, and none is reported.
    plan = ee.improvements(ee.example_profile(), as_of=date(2026, 11, 22), chances=False)
    assert plan.improvements[0].gain == 550
    assert plan.best_pair is not None
    assert plan.best_pair.gain == 560
    assert plan.best_triple is None


# --- a pool's plans ------------------------------------------------------------------


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2**32 - 1), st.booleans())
def test_a_pool_s_plans_are_each_candidate_s_plan(seed: int, chances: bool) -> None:
    rng = random.Random(seed)
    pool = [random_candidate(rng, AS_OF) for _ in range(3)]
    many = ee.improvements_many(pool, as_of=AS_OF, chances=chances)
    one_by_one = [ee.improvements(c, as_of=AS_OF, chances=chances) for c in pool]
    assert [p.as_dict() for p in many] == [p.as_dict() for p in one_by_one]


def test_a_pool_s_bad_profile_is_set_aside_by_its_index() -> None:
    good = ee.example_profile()
    mixed: list[Any] = [good, "not a profile", good]
    found = ee.improvements_many(mixed, as_of=AS_OF, errors="collect")
    assert [p is None for p in found.results] == [False, True, False]
    assert [f.index for f in found.failures] == [1]
    with pytest.raises(InvalidInputError, match=r"\[1\]"):
        ee.improvements_many(mixed[:2], as_of=AS_OF, chances=False)


def test_one_profile_alone_is_not_a_pool() -> None:
    with pytest.raises(InvalidInputError, match=r"pass \[candidate\]"):
        ee.improvements_many(ee.example_profile(), as_of=AS_OF)  # type: ignore[call-overload]
