"""Every UNCERTAIN reading that is a switch is read by the code: flipping it changes a result.

The switches shipped are tested at their shipped value where their rule is tested;
here each is flipped, and the result that depends on it changes as the switch's
docstring says it would. (``CEC_MIXED_TEER_HOURS_BY_LEVEL``,
``VALIDITY_ENDS_ON_ANNIVERSARY`` and ``POLICE_ISSUED_ON_DEPARTURE_DAY_COUNTS`` are
flipped in tests/test_eligibility.py, tests/test_validity.py and
tests/test_timelines.py.)

Kind: property (each switch is live).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import attrs
import pytest

import expressentry as ee
from expressentry.draws import feedtext
from expressentry.enums import CategoryId
from expressentry.rules import categories
from expressentry.timelines import documents
from expressentry.timelines.documents import Document


def _passport(as_of: date) -> bool:
    c = ee.Candidate(
        date_of_birth=date(1996, 12, 10),
        education=ee.Education(level=ee.EducationLevel.BACHELORS),
        passport_expiry=date(2027, 3, 15),
    )
    (found,) = [
        d for d in ee.validity_on(c, as_of=as_of).documents if d.document is Document.PASSPORT
    ]
    return found.valid


def test_passport_valid_on_expiry_date(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _passport(date(2027, 3, 15))
    monkeypatch.setattr(documents, "PASSPORT_VALID_ON_EXPIRY_DATE", False)
    assert not _passport(date(2027, 3, 15))
    assert _passport(date(2027, 3, 14))


def test_utc_when_no_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "March 23, 2023 at 12:27:59"
    read, quirks = feedtext.read_datetime(text)
    assert read == datetime(2023, 3, 23, 12, 27, 59, tzinfo=UTC)
    assert ee.Quirk.NO_TIME_ZONE in quirks
    monkeypatch.setattr(feedtext, "UTC_WHEN_NO_ZONE", False)
    with pytest.raises(ValueError, match="no zone"):
        feedtext.read_datetime(text)
    assert feedtext.read_datetime(text + " UTC")[0] == read


def test_military_work_rule_applies(monkeypatch: pytest.MonkeyPatch) -> None:
    def military(cats: tuple[categories.Category, ...]) -> categories.Category:
        (found,) = [c for c in cats if c.id is CategoryId.SKILLED_MILITARY_RECRUITS]
        return found

    assert not military(categories._load()).work_rule_applies
    monkeypatch.setattr(categories, "MILITARY_WORK_RULE_APPLIES", True)
    assert military(categories._load()).work_rule_applies
    assert attrs.evolve(military(categories._load()), work_rule_applies=False) == military(
        categories.CATEGORY_SETS.entries[-1].value.categories
    )
