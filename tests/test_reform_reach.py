"""A reform reaches every public function that reads the rule it changes.

Each period of the rule set (:data:`~expressentry.rules.PERIOD_TIMELINES`: document
validity, the invitation's window, the months in the pool, the medical and police
periods, the upfront medical, the age lock) is reformed in turn, and every function
that reads it must see the reform: the expiry days, deadlines and ages below are
worked by hand from the profile's dates; a total is checked against the law's total
of a profile changed to match (a result a year younger, an ECA removed).

Kind: hand-worked. The example profile's Canadian job runs from 2023-03-01 at 37.5
hours a week; on 2026-11-22 that is 1,362 days, so 1,362 / 7 x 30 = 5,837 hours
under IRCC's cap of 30 hours a week, and 1,362 / 7 x 37.5 = 7,296 hours (4 years of
1,560) when a reform lifts the cap to 40.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import attrs
import pytest
from dateutil.relativedelta import relativedelta

import expressentry as ee
from expressentry.rules import PERIOD_TIMELINES

DAY = date(2026, 11, 22)
PROFILE = ee.example_profile()
FORTY = ee.rules_for(as_of=DAY).replace("experience.weekly_hours_cap", 40, reform="40 h a week")


def test_the_weekly_hours_cap_reaches_canadian_experience() -> None:
    today = ee.canadian_experience(PROFILE.work_history, as_of=DAY)
    reformed = ee.canadian_experience(PROFILE.work_history, as_of=DAY, rules=FORTY)
    assert (today.hours, today.years) == (5837, 3)
    assert (reformed.hours, reformed.years) == (7296, 4)


def test_the_weekly_hours_cap_reaches_score_and_experience_alike() -> None:
    lines = {ln.factor: ln for ln in ee.score(PROFILE, as_of=DAY, rules=FORTY).lines}
    years = ee.canadian_experience(PROFILE.work_history, as_of=DAY, rules=FORTY).years
    assert f"{years} year" in lines["canadian_experience"].reason


def test_the_foreign_window_comes_from_the_rules_too() -> None:
    # the foreign job (2018-06-01 to 2023-01-31) of 40 hours a week counts 40, not 30, a week
    assert ee.foreign_experience(PROFILE.work_history, as_of=DAY, rules=FORTY).hours > (
        ee.foreign_experience(PROFILE.work_history, as_of=DAY).hours
    )


def test_rules_must_be_a_rule_set() -> None:
    with pytest.raises(ee.InvalidInputError, match="rules"):
        ee.canadian_experience(PROFILE.work_history, as_of=DAY, rules="40")  # type: ignore[arg-type]


# -- every period of the rule set, reformed in turn ---------------------------------------
#
# The example profile's documents (read from its JSON): IELTS of 2025-09-20 and TEF of
# 2025-05-10 (no result dates, so counted from the test dates), the spouse's CELPIP of
# 2025-08-09, the candidate's ECA of 2024-02-10, the spouse's ECA of 2024-04-18, the
# profile submitted on 2025-10-01; born 1994-03-15. Added here: a medical exam of
# 2026-06-01 and a police certificate of the country lived in, issued 2026-09-01.

TODAY = ee.rules_for(as_of=DAY)
INVITED = date(2026, 11, 25)  # the law's window: 60 days, so apply by 2027-01-24
WITH_DOCUMENTS = attrs.evolve(
    PROFILE,
    medical_exam=date(2026, 6, 1),
    police_certificates=(ee.PoliceCertificate(country="IN", issued=date(2026, 9, 1)),),
)


def _reform(rule_id: str, value: object) -> ee.RuleSet:
    return TODAY.replace(rule_id, value, reform=f"{rule_id} = {value}")


def _status(v: ee.Validity, document: str, person: str = "candidate") -> ee.DocumentStatus:
    return next(d for d in v.documents if d.document.value == document and d.person == person)


def _milestones(f: ee.Forecast) -> dict[date, list[str]]:
    return {e.day: [m.description for m in e.milestones] for e in f.events}


def _milestone(f: ee.Forecast, day: date, description: str) -> ee.Milestone:
    event = next(e for e in f.events if e.day == day)
    return next(m for m in event.milestones if m.description == description)


def _reform_cited(ref: ee.RuleRef | None, rules: ee.RuleSet, rule_id: str) -> bool:
    entry = rules.entry(rule_id)
    return ref is not None and (ref.rule_id, ref.effective_from) == (rule_id, entry.effective_from)


def _a_year_younger(r: ee.LanguageResult) -> ee.LanguageResult:
    return attrs.evolve(r, test_date=r.test_date + relativedelta(years=1))


def _language_years() -> None:
    """3 years instead of 2: on 2027-11-22 the law has expired every result (the
    IELTS on 2027-09-20, the TEF on 2027-05-10, the spouse's CELPIP on 2027-08-09);
    the reform keeps them to 2028-09-20, 2028-05-10 and 2028-08-09."""
    rule_id = "program.validity.language_result_years"
    three = _reform(rule_id, 3)
    later = date(2027, 11, 22)
    law, reformed = ee.score(PROFILE, as_of=later), ee.score(PROFILE, as_of=later, rules=three)
    assert "first_language.expired" in {ln.factor for ln in law.lines}
    assert "first_language.expired" not in {ln.factor for ln in reformed.lines}
    # The reform's 3 years are the law's 2 for results one year younger (same levels).
    spouse = PROFILE.spouse
    assert spouse is not None
    assert spouse.language is not None
    younger = attrs.evolve(
        PROFILE,
        languages=tuple(_a_year_younger(r) for r in PROFILE.languages),
        spouse=attrs.evolve(spouse, language=_a_year_younger(spouse.language)),
    )
    assert reformed.total == ee.score(younger, as_of=later).total > law.total
    assert ee.score_many([PROFILE], as_of=later, rules=three) == [reformed.total]
    # Every program needs a valid language result: none under the law that day.
    assert ee.assess(PROFILE, as_of=later).eligible_programs == ()
    assert ee.assess(PROFILE, as_of=later, rules=three).eligible_programs == (
        ee.assess(younger, as_of=later).eligible_programs
    )
    assert ee.assess(PROFILE, as_of=later, rules=three).eligible_programs != ()
    ielts = _status(ee.validity_on(PROFILE, as_of=later, rules=three), "language")
    assert (ielts.expires, ielts.valid) == (date(2028, 9, 20), True)
    assert _reform_cited(ielts.rule, three, rule_id)
    assert _status(ee.validity_on(PROFILE, as_of=later), "language").expires == date(2027, 9, 20)
    expires = "Candidate's IELTS General Training result of 2025-09-20 expires"
    assert expires in _milestones(ee.forecast(PROFILE, start=DAY, end=later))[date(2027, 9, 20)]
    reformed_ahead = ee.forecast(PROFILE, start=DAY, end=date(2028, 11, 22), rules=three)
    ahead = _milestones(reformed_ahead)
    assert expires in ahead[date(2028, 9, 20)]
    assert _reform_cited(
        _milestone(reformed_ahead, date(2028, 9, 20), expires).rule, three, rule_id
    )
    assert all(expires not in m for d, m in ahead.items() if d != date(2028, 9, 20))


def _eca_years() -> None:
    """2 years instead of 5: the ECA of 2024-02-10 expires on 2026-02-10, the
    spouse's of 2024-04-18 on 2026-04-18 (the law: 2029-02-10 and 2029-04-18)."""
    rule_id = "program.validity.eca_years"
    two = _reform(rule_id, 2)
    lines = {ln.factor: ln for ln in ee.score(PROFILE, as_of=DAY, rules=two).lines}
    assert "expired on 2026-02-10 (valid 2 years)" in lines["education"].reason
    assert _reform_cited(lines["education"].rule, two, rule_id)
    assert "valid 2 years" not in ee.score(PROFILE, as_of=DAY).explain()
    # An expired ECA earns what no ECA earns (the spouse's has expired too).
    spouse = PROFILE.spouse
    assert spouse is not None
    assert spouse.education is not None
    without = attrs.evolve(
        PROFILE,
        education=attrs.evolve(PROFILE.education, eca_issued=None),
        spouse=attrs.evolve(spouse, education=attrs.evolve(spouse.education, eca_issued=None)),
    )
    total = ee.score(without, as_of=DAY).total
    assert (
        ee.score(PROFILE, as_of=DAY, rules=two).total == total < ee.score(PROFILE, as_of=DAY).total
    )
    assert ee.score_many([PROFILE], as_of=DAY, rules=two) == [total]
    # FSW needs a Canadian credential or a valid ECA; CEC needs neither.
    assert ee.assess(PROFILE, as_of=DAY).eligible_programs == (ee.Program.FSW, ee.Program.CEC)
    assert ee.assess(PROFILE, as_of=DAY, rules=two).eligible_programs == (ee.Program.CEC,)
    eca = _status(ee.validity_on(PROFILE, as_of=DAY, rules=two), "eca")
    assert (eca.expires, eca.valid) == (date(2026, 2, 10), False)
    start, end = date(2025, 10, 1), date(2026, 6, 1)
    expires = "Candidate's ECA issued 2024-02-10 expires"
    assert (
        expires
        in _milestones(ee.forecast(PROFILE, start=start, end=end, rules=two))[date(2026, 2, 10)]
    )
    assert all(
        expires not in m for m in _milestones(ee.forecast(PROFILE, start=start, end=end)).values()
    )


def _ita_window_days() -> None:
    """90 days instead of 60: an invitation of 2026-11-25 is answered by 2027-02-23."""
    rule_id = "timelines.ita_window_days"
    ninety = _reform(rule_id, 90)
    assert ee.ita_deadline(INVITED).day == date(2027, 1, 24)
    deadline = ee.ita_deadline(INVITED, rules=ninety)
    assert (deadline.day, deadline.window.value) == (date(2027, 2, 23), 90)
    ready = ee.ita_readiness(PROFILE, invited=INVITED, rules=ninety)
    assert (ready.deadline, ready.window_days, ready.checked_on) == (
        date(2027, 2, 23),
        90,
        date(2027, 2, 23),
    )
    assert _reform_cited(ready.window_rule, ninety, rule_id)
    invitation = _status(
        ee.validity_on(PROFILE, as_of=DAY, invited=INVITED, rules=ninety), "invitation"
    )
    assert invitation.expires == date(2027, 2, 24)  # valid through the deadline


def _pool_months() -> None:
    """6 months instead of 12: the profile of 2025-10-01 leaves on 2026-04-01, not 2026-10-01."""
    rule_id = "timelines.profile_pool_months"
    six = _reform(rule_id, 6)
    march = date(2026, 3, 1)
    law, reformed = (
        ee.pool_status(PROFILE, as_of=march),
        ee.pool_status(PROFILE, as_of=march, rules=six),
    )
    assert (law.expires, law.changes_on) == (date(2026, 10, 1), date(2026, 10, 1))
    assert (reformed.expires, reformed.changes_on) == (date(2026, 4, 1), date(2026, 4, 1))
    profile = _status(ee.validity_on(PROFILE, as_of=march, rules=six), "profile")
    assert (profile.expires, profile.valid) == (date(2026, 4, 1), True)
    assert _reform_cited(profile.rule, six, rule_id)
    leaves = "The profile leaves the pool"
    reformed_ahead = ee.forecast(PROFILE, start=march, end=date(2026, 12, 31), rules=six)
    assert leaves in _milestones(reformed_ahead)[date(2026, 4, 1)]
    assert _reform_cited(_milestone(reformed_ahead, date(2026, 4, 1), leaves).rule, six, rule_id)
    assert (
        leaves
        in _milestones(ee.forecast(PROFILE, start=march, end=date(2026, 12, 31)))[date(2026, 10, 1)]
    )
    may = date(2026, 5, 1)
    assert ee.ita_readiness(PROFILE, invited=may).in_pool_at_invitation is True
    assert ee.ita_readiness(PROFILE, invited=may, rules=six).in_pool_at_invitation is False


def _medical_months() -> None:
    """6 months instead of 12: the exam of 2026-06-01 expires on 2026-12-01, before the
    deadline of 2027-01-24 (the law: 2027-06-01, after it)."""
    rule_id = "timelines.medical_valid_months"
    six = _reform(rule_id, 6)
    medical = _status(ee.validity_on(WITH_DOCUMENTS, as_of=DAY, rules=six), "medical")
    assert medical.expires == date(2026, 12, 1)
    assert _reform_cited(medical.rule, six, rule_id)
    assert _status(ee.validity_on(WITH_DOCUMENTS, as_of=DAY), "medical").expires == date(2027, 6, 1)
    renew = {
        d.document.value
        for d in ee.ita_readiness(WITH_DOCUMENTS, invited=INVITED, rules=six).to_renew
    }
    assert "medical" in renew
    assert ee.ita_readiness(WITH_DOCUMENTS, invited=INVITED).to_renew == ()


def _upfront_medical() -> None:
    """No upfront medical: since 2025-08-21 the law asks for one with the application."""
    rule_id = "timelines.upfront_medical_required"
    none = _reform(rule_id, False)
    law = ee.ita_readiness(PROFILE, invited=INVITED)
    reformed = ee.ita_readiness(PROFILE, invited=INVITED, rules=none)
    assert (law.medical_required, law.medical_missing) == (True, ("candidate", "spouse"))
    assert (reformed.medical_required, reformed.medical_missing) == (False, ())
    assert _reform_cited(reformed.medical_rule, none, rule_id)


def _police_months() -> None:
    """3 months instead of 6: the certificate of 2026-09-01 may be used to 2026-12-01
    ("no more than 3 months": valid on the last day), not to 2027-03-01."""
    rule_id = "timelines.police_current_country_months"
    three = _reform(rule_id, 3)
    police = _status(ee.validity_on(WITH_DOCUMENTS, as_of=DAY, rules=three), "police_certificate")
    assert police.expires == date(2026, 12, 2)
    assert _reform_cited(police.rule, three, rule_id)
    law = _status(ee.validity_on(WITH_DOCUMENTS, as_of=DAY), "police_certificate")
    assert law.expires == date(2027, 3, 2)
    renew = ee.ita_readiness(WITH_DOCUMENTS, invited=INVITED, rules=three).to_renew
    assert [d.document.value for d in renew] == ["police_certificate"]


def _age_lock() -> None:
    """No age lock: invited on 2027-03-01 at 32, applying by 2027-04-30 at 33."""
    rule_id = "timelines.age_locked_at_invitation"
    unlocked = _reform(rule_id, False)
    march = date(2027, 3, 1)
    law = ee.ita_readiness(PROFILE, invited=march)
    reformed = ee.ita_readiness(PROFILE, invited=march, rules=unlocked)
    assert (law.age_at_invitation, law.age_when_applying) == (32, 33)
    assert (law.age_locked, reformed.age_locked) == (True, False)
    assert _reform_cited(reformed.age_rule, unlocked, rule_id)


PERIOD_REACH: dict[str, Callable[[], None]] = {
    "program.validity.language_result_years": _language_years,
    "program.validity.eca_years": _eca_years,
    "timelines.ita_window_days": _ita_window_days,
    "timelines.profile_pool_months": _pool_months,
    "timelines.medical_valid_months": _medical_months,
    "timelines.upfront_medical_required": _upfront_medical,
    "timelines.police_current_country_months": _police_months,
    "timelines.age_locked_at_invitation": _age_lock,
}


def test_every_period_of_the_rule_set_has_its_reach_checked() -> None:
    assert sorted(PERIOD_REACH) == sorted(PERIOD_TIMELINES)


@pytest.mark.parametrize("rule_id", sorted(PERIOD_REACH))
def test_a_reformed_period_reaches_every_function_that_reads_it(rule_id: str) -> None:
    PERIOD_REACH[rule_id]()


def test_a_period_reform_applies_to_documents_of_any_date() -> None:
    # A result of 2016-01-01: the law's 2 years (in force that day) end on 2018-01-01.
    three = _reform("program.validity.language_result_years", 3)
    assert three.entry_for("program.validity.language_result_years", date(2016, 1, 1)).value == 3
    assert TODAY.entry_for("program.validity.language_result_years", date(2016, 1, 1)).value == 2


def test_a_period_keeps_its_kind() -> None:
    with pytest.raises(ee.InvalidInputError, match="must be True or False"):
        _reform("timelines.upfront_medical_required", 1)
    with pytest.raises(ee.InvalidInputError, match="must be 1 to 3,660 days"):
        _reform("timelines.ita_window_days", 0)
    with pytest.raises(ee.InvalidInputError, match="holds no points"):
        TODAY.zero("timelines.profile_pool_months", reform="x")


def test_only_a_period_is_read_on_a_day_of_its_own() -> None:
    with pytest.raises(ee.InvalidInputError, match="not a rule read on a day of its own"):
        TODAY.entry_for("crs.core.age", DAY)
