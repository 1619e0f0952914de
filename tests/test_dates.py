"""The legal dates the rule tables share: each written once, and used by every table.

Expected days are copied by hand from the official texts each constant cites, read
2026-11-22, never read from the code: Canada Gazette Part I, Extra No. 10
(http://www.gazette.gc.ca/rp-pr/p1/2014/2014-12-01-x10/html/extra10-eng.php,
Express Entry from 2015-01-01); IRCC's notice of the changes of November 19, 2016
(https://www.canada.ca/en/immigration-refugees-citizenship/news/notices/notice-express-entry-candidates.html);
the Ministerial Instructions in force 2017-06-06 and as amended 2025-03-25
(https://www.canada.ca/en/immigration-refugees-citizenship/corporate/mandate/policies-operational-instructions-agreements/ministerial-instructions/express-entry-application-management-system/current.html);
IRCC's program delivery instructions for FSW applications received on or after
May 4, 2013, and for work experience under NOC 2021 from 2022-11-16
(https://www.canada.ca/en/immigration-refugees-citizenship/corporate/publications-manuals/operational-bulletins-manuals/permanent-residence/economic-classes/federal-skilled-workers/selection-criteria-work-experience.html).

Kind: table check, and a structural check that every entry dated on one of these
days holds the shared constant itself (a date written out again is a different
object, so the check fails on it).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from expressentry.rules import TIMELINES, Timeline
from expressentry.rules import dates as d
from expressentry.rules.fsw_grid import GRID_FROM
from expressentry.rules.language_tables import EARLIEST_CHART_READS_EARLIER_TESTS

EXPECTED = {
    "FSW_2013_CRITERIA_IN_FORCE": date(2013, 5, 4),
    "EXPRESS_ENTRY_OPENED": date(2015, 1, 1),
    "CRS_AMENDED_2016_11_19": date(2016, 11, 19),
    "CRS_AMENDED_2017_06_06": date(2017, 6, 6),
    "NOC_2021_IN_FORCE": date(2022, 11, 16),
    "JOB_OFFER_POINTS_REMOVED": date(2025, 3, 25),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_legal_date(name: str) -> None:
    assert getattr(d, name) == EXPECTED[name]


def test_the_list_holds_every_date_once_oldest_first() -> None:
    assert list(d.LEGAL_DATES) == sorted(EXPECTED.values())


def test_readings_that_start_on_a_legal_date_name_it() -> None:
    assert GRID_FROM is d.FSW_2013_CRITERIA_IN_FORCE
    assert EARLIEST_CHART_READS_EARLIER_TESTS is d.EXPRESS_ENTRY_OPENED


@pytest.mark.parametrize("timeline", TIMELINES, ids=lambda t: t.rule_id)
def test_entries_on_a_legal_date_use_the_constant(timeline: Timeline[Any]) -> None:
    constants = {day: getattr(d, name) for name, day in EXPECTED.items()}
    for entry in timeline.entries:
        shared = constants.get(entry.effective_from)
        if shared is not None:
            assert entry.effective_from is shared, (timeline.rule_id, entry.effective_from)
