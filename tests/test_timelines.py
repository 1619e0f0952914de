"""Dates and deadlines: each period on its boundary, the ITA window, readiness, the pool.

Kinds: table checks against the official texts, and hand-worked dates. Every
expected day below is counted by hand on a calendar from the rule's words, never
read back from the tables the code reads.

Sources (read 2026-11-22, through the stored copies of the research notes):

- 60 days to apply after an invitation, language results valid 2 years and on the
  day of applying: https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/submit-profile/waiting-pool.html
- 90 days "instead of 60 days" from 2016-11-19: https://www.canada.ca/en/immigration-refugees-citizenship/news/notices/notice-express-entry-candidates.html
- 60 calendar days from 2021-06-29, "previously had 90 days": https://www.canada.ca/en/immigration-refugees-citizenship/corporate/publications-manuals/operational-bulletins-manuals/updates/2021-express-entry-completeness-check.html
- the 2018 reversion to 60 days for ITAs after 2018-06-26 and the March 2020 start
  of 90 days: IRCC's announcements read through copies (greenlightcanada.com,
  cpdimmigration.com, uimmigrate.ca); only the unambiguous ranges are asserted.
- police certificates (6 months for the country lived in; after the last stay for
  a former one): https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/apply-permanent-residence/police-certificates.html
- one year in the pool: http://www.cic.gc.ca/english/immigrate/skilled/no-invite.asp
- the upfront medical exam by the day the application is received or submitted
  (required before 2023-10-01, not from 2023-10-01 to 2025-08-20, required again
  from 2025-08-21): IRCC's completeness-check instructions and their 2025 program
  delivery update, read through copies (financialexpress.com,
  mcncanadaimmigration.com, canadavisaportal.ca, immigratic.com); the official
  pages were not read.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import attrs
import pytest

import expressentry as ee
from expressentry import (
    Candidate,
    Document,
    Education,
    EducationLevel,
    InvalidInputError,
    InvalidProfileError,
    PoliceCertificate,
    Program,
    RulesNotInForceError,
    from_dict,
    from_json,
    to_dict,
    to_json,
)
from expressentry.rules import timelines as rt
from tests.builders import clb

PROFILE = ee.example_profile()


def _only(candidate: Candidate, kind: Document, day: date) -> ee.DocumentStatus:
    found = [d for d in ee.validity_on(candidate, as_of=day).documents if d.document is kind]
    assert len(found) == 1, found
    return found[0]


def _candidate(**changes: Any) -> Candidate:
    base = Candidate(
        date_of_birth=date(1996, 12, 10),
        education=Education(level=EducationLevel.BACHELORS),
    )
    return attrs.evolve(base, **changes)


# -- each period on its boundary ------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "valid", "days_left"),
    [(date(2026, 2, 27), True, 1), (date(2026, 2, 28), False, 0), (date(2026, 3, 1), False, 0)],
)
def test_a_language_result_of_29_february_expires_on_28_february(
    day: date, valid: bool, days_left: int
) -> None:
    c = _candidate(languages=[clb(9, date(2024, 2, 29))])
    d = _only(c, Document.LANGUAGE, day)
    assert (d.valid, d.days_left, d.expires) == (valid, days_left, date(2026, 2, 28))
    assert d.rule is not None
    assert d.rule.rule_id == "program.validity.language_result_years"


@pytest.mark.parametrize(
    ("day", "valid"),
    [(date(2029, 3, 14), True), (date(2029, 3, 15), False), (date(2029, 3, 16), False)],
)
def test_an_eca_expires_5_years_after_its_issue(day: date, valid: bool) -> None:
    c = _candidate(
        education=Education(level=EducationLevel.BACHELORS, eca_issued=date(2024, 3, 15))
    )
    assert _only(c, Document.ECA, day).valid is valid


@pytest.mark.parametrize(
    ("day", "in_pool"),
    [(date(2025, 2, 27), True), (date(2025, 2, 28), False), (date(2025, 3, 1), False)],
)
def test_a_profile_of_29_february_leaves_the_pool_on_28_february(day: date, in_pool: bool) -> None:
    c = _candidate(profile_submitted=datetime(2024, 2, 29, 12, tzinfo=UTC))
    d = _only(c, Document.PROFILE, day)
    assert (d.valid, d.expires) == (in_pool, date(2025, 2, 28))
    assert ee.pool_status(c, as_of=day).in_pool is in_pool


def test_the_profile_counts_from_its_day_in_utc() -> None:
    # 2025-03-01 01:00 at UTC+5 is 2025-02-28 in UTC: 12 months end on 2026-02-28.
    east = timezone(timedelta(hours=5))
    c = _candidate(profile_submitted=datetime(2025, 3, 1, 1, tzinfo=east))
    assert _only(c, Document.PROFILE, date(2026, 2, 27)).expires == date(2026, 2, 28)


@pytest.mark.parametrize(
    ("day", "valid"),
    [(date(2024, 1, 30), True), (date(2024, 1, 31), False), (date(2024, 2, 1), False)],
)
def test_a_medical_exam_is_valid_12_months(day: date, valid: bool) -> None:
    c = _candidate(medical_exam=date(2023, 1, 31))
    assert _only(c, Document.MEDICAL, day).valid is valid


@pytest.mark.parametrize(
    ("issued", "day", "valid"),
    [
        # "no more than six months before": 6 months to the day still counts.
        (date(2024, 8, 31), date(2025, 2, 27), True),
        (date(2024, 8, 31), date(2025, 2, 28), True),
        (date(2024, 8, 31), date(2025, 3, 1), False),
        (date(2023, 8, 29), date(2024, 2, 28), True),
        (date(2023, 8, 29), date(2024, 2, 29), True),
        (date(2023, 8, 29), date(2024, 3, 1), False),
    ],
)
def test_a_police_certificate_of_the_country_lived_in_lasts_6_months(
    issued: date, day: date, valid: bool
) -> None:
    c = _candidate(police_certificates=[PoliceCertificate(country="IN", issued=issued)])
    assert _only(c, Document.POLICE_CERTIFICATE, day).valid is valid


@pytest.mark.parametrize(
    ("issued", "valid"),
    [(date(2024, 5, 9), False), (date(2024, 5, 10), False), (date(2024, 5, 11), True)],
)
def test_a_police_certificate_of_a_former_country_is_issued_after_leaving(
    issued: date, valid: bool
) -> None:
    assert rt.POLICE_ISSUED_ON_DEPARTURE_DAY_COUNTS is False  # the reading asserted here
    cert = PoliceCertificate(country="FR", issued=issued, left=date(2024, 5, 10))
    d = _only(_candidate(police_certificates=[cert]), Document.POLICE_CERTIFICATE, date(2030, 1, 1))
    assert (d.valid, d.expires) == (valid, None)


@pytest.mark.parametrize(
    ("day", "valid"),
    [(date(2027, 3, 14), True), (date(2027, 3, 15), True), (date(2027, 3, 16), False)],
)
def test_a_passport_is_valid_through_its_printed_date(day: date, valid: bool) -> None:
    c = _candidate(passport_expiry=date(2027, 3, 15))
    assert _only(c, Document.PASSPORT, day).valid is valid


def test_the_spouse_documents_are_listed_as_the_spouse() -> None:
    v = ee.validity_on(PROFILE, as_of=date(2026, 11, 22))
    spouse = [(d.document, d.label) for d in v.documents if d.person == "spouse"]
    assert spouse == [
        (Document.LANGUAGE, "CELPIP-General result of 2025-08-09"),
        (Document.ECA, "ECA issued 2024-04-18"),
    ]


# -- the ITA window on both sides of each change ------------------------------------


@pytest.mark.parametrize(
    ("invited", "days", "deadline"),
    [
        (date(2015, 1, 1), 60, date(2015, 3, 2)),
        (date(2016, 11, 18), 60, date(2017, 1, 17)),
        (date(2016, 11, 19), 90, date(2017, 2, 17)),
        (date(2018, 6, 25), 90, date(2018, 9, 23)),
        (date(2018, 6, 26), 60, date(2018, 8, 25)),
        (date(2020, 2, 29), 60, date(2020, 4, 29)),  # before March 2020: surely 60
        (date(2020, 3, 31), 90, date(2020, 6, 29)),  # the last day of March: surely 90
        (date(2021, 6, 28), 90, date(2021, 9, 26)),
        (date(2021, 6, 29), 60, date(2021, 8, 28)),
        (date(2026, 11, 25), 60, date(2027, 1, 24)),
    ],
)
def test_the_deadline_is_that_of_the_window_on_the_invitation_day(
    invited: date, days: int, deadline: date
) -> None:
    found, entry = ee.ita_deadline(invited)
    assert (entry.value, found) == (days, deadline)


def test_the_uncertain_covid_day_is_the_constant_the_timeline_reads() -> None:
    day = rt.COVID_ITA_WINDOW_FROM
    assert date(2020, 3, 1) <= day <= date(2020, 3, 31)
    assert rt.ITA_WINDOW_DAYS.at(day).value == 90
    assert rt.ITA_WINDOW_DAYS.at(day - timedelta(days=1)).value == 60


def test_no_invitation_before_express_entry() -> None:
    with pytest.raises(RulesNotInForceError):
        ee.ita_deadline(date(2014, 12, 31))


def test_the_invitation_is_a_document_until_its_deadline() -> None:
    invited = date(2026, 11, 25)
    last = date(2027, 1, 24)
    for day, valid in ((last, True), (last + timedelta(days=1), False)):
        v = ee.validity_on(PROFILE, invited=invited, as_of=day)
        (d,) = (d for d in v.documents if d.document is Document.INVITATION)
        assert d.valid is valid


# -- readiness, worked by hand ---------------------------------------------------------

# Born 1996-12-10; IELTS-level result printed 2025-01-05, so valid up to 2027-01-04.
READY = _candidate(
    languages=[attrs.evolve(clb(9, date(2024, 12, 28)), result_date=date(2025, 1, 5))],
    police_certificates=[PoliceCertificate(country="IN", issued=date(2026, 6, 1))],
    passport_expiry=date(2030, 1, 1),
    medical_exam=date(2026, 10, 1),  # valid to 2027-09-30: required when applying from 2025-08-21
)


def test_a_result_that_expires_before_the_deadline_must_be_renewed() -> None:
    r = ee.ita_readiness(READY, invited=date(2026, 11, 25))
    assert (r.deadline, r.checked_on, r.window_days) == (date(2027, 1, 24), date(2027, 1, 24), 60)
    # On the deadline, the result (to 2027-01-04) and the police certificate (to
    # 2026-12-01) have both run out.
    assert [d.label for d in r.to_renew] == [
        "CELPIP-General result of 2025-01-05",
        "police certificate IN of 2026-06-01",
    ]
    assert not r.ready
    assert "To renew before applying:" in r.explain()


@pytest.mark.parametrize(
    ("planned", "renew"),
    [
        (date(2026, 12, 1), []),
        (date(2026, 12, 2), ["police certificate IN of 2026-06-01"]),
        (
            date(2027, 1, 5),
            ["CELPIP-General result of 2025-01-05", "police certificate IN of 2026-06-01"],
        ),
    ],
)
def test_the_planned_day_is_the_day_checked(planned: date, renew: list[str]) -> None:
    r = ee.ita_readiness(READY, invited=date(2026, 11, 25), planned=planned)
    assert [d.label for d in r.to_renew] == renew
    assert r.ready is (not renew)


def test_the_age_is_locked_at_the_invitation() -> None:
    # The 30th birthday, 2026-12-10, falls between invitation and deadline.
    r = ee.ita_readiness(READY, invited=date(2026, 11, 25))
    assert (r.age_at_invitation, r.age_when_applying, r.age_locked) == (29, 30, True)
    assert "Age locked at 29" in r.explain()


@pytest.mark.parametrize(
    ("invited", "locked"), [(date(2015, 7, 12), False), (date(2015, 7, 13), True)]
)
def test_the_age_lock_is_that_of_the_invitation_day(invited: date, locked: bool) -> None:
    # AGE_LOCK_POLICY_FROM (2015-07-13): invitations from that day lock the age,
    # earlier ones do not, even when their 60-day deadline (2015-09-10 for
    # 2015-07-12) falls after it. Born 1985-08-01, the applicant turns 30 in between.
    born = ee.Candidate(
        date_of_birth=date(1985, 8, 1), education=ee.Education(level=ee.EducationLevel.BACHELORS)
    )
    r = ee.ita_readiness(born, invited=invited)
    assert (r.age_at_invitation, r.age_when_applying, r.age_locked) == (29, 30, locked)


def test_a_planned_day_after_the_deadline_is_late() -> None:
    r = ee.ita_readiness(READY, invited=date(2026, 11, 25), planned=date(2027, 1, 25))
    assert r.late
    assert not r.ready


def test_a_planned_day_before_the_invitation_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="planned"):
        ee.ita_readiness(READY, invited=date(2026, 11, 25), planned=date(2026, 11, 24))


# The upfront medical exam, by the day the application is submitted (the law, read
# through IRCC's completeness-check instructions and its 2025 update): required for
# applications received before 2023-10-01; not required for those received from
# 2023-10-01 to 2025-08-20; required again for those submitted from 2025-08-21.


@pytest.mark.parametrize(
    ("invited", "applied", "required"),
    [
        (date(2023, 9, 15), date(2023, 9, 30), True),
        (date(2023, 9, 15), date(2023, 10, 1), False),
        (date(2025, 8, 1), date(2025, 8, 20), False),
        (date(2025, 8, 1), date(2025, 8, 21), True),
    ],
)
def test_the_upfront_medical_turns_on_the_day_of_applying(
    invited: date, applied: date, required: bool
) -> None:
    c = _candidate(medical_exam=date(2022, 9, 15))  # valid to 2023-09-14: expired on both days
    r = ee.ita_readiness(c, invited=invited, planned=applied)
    assert r.medical_required is required
    assert [d.document for d in r.to_renew] == ([Document.MEDICAL] if required else [])
    assert r.medical_rule.rule_id == "timelines.upfront_medical_required"


@pytest.mark.parametrize(
    ("invited", "deadline", "required"),
    [
        # Invited before 2023-10-01, the deadline after it: not required on the deadline.
        (date(2023, 8, 15), date(2023, 10, 14), False),
        # Invited before 2025-08-21, the deadline after it: required on the deadline.
        (date(2025, 8, 1), date(2025, 9, 30), True),
        (date(2025, 8, 20), date(2025, 10, 19), True),
    ],
)
def test_without_a_planned_day_the_medical_rule_is_that_of_the_deadline(
    invited: date, deadline: date, required: bool
) -> None:
    r = ee.ita_readiness(_candidate(), invited=invited)
    assert (r.checked_on, r.medical_required) == (deadline, required)
    assert r.medical_missing == (("candidate",) if required else ())
    assert r.ready is not required


def test_a_medical_missing_for_the_candidate_and_the_spouse_is_named() -> None:
    spouse = ee.Spouse(accompanying=False)
    c = _candidate(marital_status=ee.MaritalStatus.MARRIED, spouse=spouse)
    r = ee.ita_readiness(c, invited=date(2026, 11, 25), planned=date(2026, 12, 1))
    assert r.medical_required
    assert r.medical_missing == ("candidate", "spouse")  # accompanying or not
    assert not r.ready
    text = r.explain()
    assert (
        "An upfront medical exam, valid on the day of applying, must come with an application "
        "submitted on 2026-12-01 [timelines.upfront_medical_required@2025-08-21]."
    ) in text.splitlines()
    assert "no medical exam in the profile: candidate, spouse" in text
    examined = attrs.evolve(c, medical_exam=date(2026, 11, 28))
    citizen = attrs.evolve(spouse, canadian_citizen_or_pr=True)
    both = attrs.evolve(examined, spouse=citizen)
    r = ee.ita_readiness(both, invited=date(2026, 11, 25), planned=date(2026, 12, 1))
    assert r.medical_missing == ()  # a citizen spouse is not examined


def test_no_upfront_medical_is_said_with_its_rule() -> None:
    r = ee.ita_readiness(_candidate(), invited=date(2024, 5, 1))
    assert (r.medical_required, r.medical_missing, r.ready) == (False, (), True)
    assert (
        "No upfront medical exam for an application submitted on 2024-06-30: IRCC asks for "
        "one after the application [timelines.upfront_medical_required@2023-10-01]."
    ) in r.explain()


@pytest.mark.parametrize(
    ("day", "required"),
    [
        (date(2015, 1, 1), True),
        (date(2023, 9, 30), True),
        (date(2023, 10, 1), False),
        (date(2025, 8, 20), False),
        (date(2025, 8, 21), True),
        (date(2026, 11, 22), True),
    ],
)
def test_the_upfront_medical_timeline_on_each_side_of_its_changes(
    day: date, required: bool
) -> None:
    assert rt.UPFRONT_MEDICAL_REQUIRED.at(day).value is required


def test_an_invitation_after_the_profile_expired_is_not_ready() -> None:
    # The example profile was submitted 2025-10-01: in the pool to 2026-09-30.
    assert ee.ita_readiness(PROFILE, invited=date(2026, 9, 30)).in_pool_at_invitation is True
    late = ee.ita_readiness(PROFILE, invited=date(2026, 10, 1))
    assert late.in_pool_at_invitation is False
    assert not late.ready


# -- the pool ----------------------------------------------------------------------------


def test_an_expired_first_language_result_makes_the_profile_ineligible() -> None:
    # Resubmitted 2026-10-01: in the pool to 2027-09-30. The IELTS of 2025-09-20 is
    # valid to 2027-09-19: on 2027-09-20 FSW and CEC fail, the profile stays in.
    c = attrs.evolve(PROFILE, profile_submitted=datetime(2026, 10, 1, tzinfo=UTC))
    before = ee.pool_status(c, as_of=date(2027, 9, 1))
    assert before.in_pool
    assert before.eligible_programs == (Program.FSW, Program.CEC)
    assert before.changes_on == date(2027, 9, 20)
    assert "no longer eligible for FSW, CEC" in before.change
    assert "IELTS General Training result of 2025-09-20" in before.change
    after = ee.pool_status(c, as_of=date(2027, 9, 20))
    assert after.in_pool
    assert not after.eligible
    assert after.changes_on == date(2027, 10, 1)
    assert "leaves the pool" in after.change


def test_a_profile_never_submitted_is_not_in_the_pool() -> None:
    c = attrs.evolve(PROFILE, profile_submitted=None)
    s = ee.pool_status(c, as_of=date(2027, 9, 1))
    assert not s.in_pool
    assert s.looked_until == date(2028, 9, 1)
    assert s.changes_on == date(2027, 9, 20)


# -- input and the profile format ------------------------------------------------------


def test_documents_dated_after_the_day_asked_are_refused_by_path() -> None:
    c = _candidate(
        medical_exam=date(2027, 1, 2),
        police_certificates=[PoliceCertificate(country="IN", issued=date(2027, 1, 3))],
    )
    with pytest.raises(InvalidInputError) as info:
        ee.validity_on(c, as_of=date(2027, 1, 1))
    assert [p.path for p in info.value.problems] == [
        "medical_exam",
        "police_certificates[0].issued",
    ]


@pytest.mark.parametrize(
    ("fields", "path", "message"),
    [
        ({"country": "in", "issued": date(2026, 1, 1)}, "country", "ISO 3166-1 alpha-2"),
        ({"country": "CA", "issued": date(2026, 1, 1)}, "country", "Canada"),
        ({"country": "IN", "issued": "2026-01-01"}, "issued", "must be a date"),
    ],
)
def test_a_bad_police_certificate_names_the_field_and_value(
    fields: dict[str, object], path: str, message: str
) -> None:
    with pytest.raises(InvalidInputError) as info:
        PoliceCertificate(**fields)  # type: ignore[arg-type]
    (problem,) = [p for p in info.value.problems if p.path == path]
    assert message in problem.message
    assert problem.value == fields[path]


def test_a_bad_document_field_of_a_candidate_is_named() -> None:
    with pytest.raises(InvalidInputError) as info:
        _candidate(medical_exam="2026-01-01")
    assert [p.path for p in info.value.problems] == ["medical_exam"]


def test_the_new_fields_round_trip_through_json() -> None:
    assert PROFILE.spouse is not None
    c = attrs.evolve(
        PROFILE,
        medical_exam=date(2026, 1, 15),
        passport_expiry=date(2031, 5, 31),
        police_certificates=(
            PoliceCertificate(country="IN", issued=date(2026, 2, 1)),
            PoliceCertificate(country="AE", issued=date(2025, 7, 1), left=date(2025, 6, 30)),
        ),
        spouse=attrs.evolve(
            PROFILE.spouse,
            medical_exam=date(2026, 1, 16),
            passport_expiry=date(2029, 2, 28),
            police_certificates=[PoliceCertificate(country="IN", issued=date(2026, 2, 2))],
        ),
    )
    data = to_dict(c)
    assert data["police_certificates"][1] == {
        "country": "AE",
        "issued": "2025-07-01",
        "left": "2025-06-30",
    }
    assert data["spouse"]["medical_exam"] == "2026-01-16"
    assert from_json(to_json(c), Candidate) == c


def test_an_old_profile_without_the_new_fields_still_loads() -> None:
    old = {
        "date_of_birth": "1994-03-15",
        "education": {"level": "masters", "eca_issued": "2024-02-10"},
        "marital_status": "married",
        "spouse": {"accompanying": True, "work_history": []},
        "languages": [
            {
                "test": "ielts_general",
                "test_date": "2025-09-20",
                "listening": 8.5,
                "speaking": 7.5,
                "reading": 8.0,
                "writing": 7.0,
            }
        ],
        "profile_submitted": "2025-10-01T14:30:00+00:00",
    }
    c = from_json(json.dumps(old), Candidate)
    assert (c.medical_exam, c.passport_expiry, c.police_certificates) == (None, None, ())
    assert c.spouse is not None
    assert c.spouse.police_certificates == ()


def test_a_bad_police_certificate_in_json_is_reported_by_path() -> None:
    data = to_dict(PROFILE)
    data["police_certificates"] = [{"country": "CA", "issued": "2026-01-01", "until": "x"}]
    with pytest.raises(InvalidProfileError) as info:
        from_dict(data, Candidate)
    # The unknown key, and the country the model refuses, in the model's words, though
    # the certificate cannot be built.
    assert [str(p) for p in info.value.problems] == [
        "$.police_certificates[0].until: unknown key",
        "$.police_certificates[0].country: no police certificate is asked for Canada;"
        ' leave it out (got "CA")',
    ]


# -- the rule data -----------------------------------------------------------------------

# Every period cites an official source: tests/test_rules_data.py checks every timeline
# of expressentry.rules.TIMELINES, these included.


def test_readiness_names_every_date_after_the_deadline_with_the_deadline() -> None:
    """The medical exam is checked with the other dates, in the same words, not apart."""
    late = attrs.evolve(ee.example_profile(), medical_exam=date(2026, 3, 1))
    # an invitation of 2025-07-01 had 60 days: the deadline is 2025-08-30
    with pytest.raises(InvalidInputError) as caught:
        ee.ita_readiness(late, invited=date(2025, 7, 1))
    paths = [p.path for p in caught.value.problems]
    assert paths == ["languages[0].test_date", "profile_submitted", "medical_exam"]
    assert all("the deadline to apply (2025-08-30)" in p.message for p in caught.value.problems)


def test_a_medical_exam_after_the_day_scored_is_refused_like_a_test() -> None:
    late = attrs.evolve(ee.example_profile(), medical_exam=date(2026, 12, 1))
    with pytest.raises(InvalidInputError) as caught:
        ee.score(late, as_of=date(2026, 11, 22))
    assert [p.path for p in caught.value.problems] == ["medical_exam"]
