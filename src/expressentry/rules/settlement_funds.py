"""Settlement funds FSW and FST candidates must show, by family size (CAD).

IRCC sets the amounts at half the low-income cut-off (IRPR s. 76(1)(b)(i),
:data:`~expressentry.rules.sources.IRPR_76`) and republishes them about once a
year on "Proof of funds – Skilled immigrants (Express Entry)"
(:data:`~expressentry.rules.sources.PROOF_OF_FUNDS`). Candidates in the pool get a
few weeks to update their profiles, and IRCC names the deadline, rarely the day
the new amounts start to apply; those days are named readings below. The Canadian
Experience Class never needs funds (see :mod:`expressentry.rules.programs`).

The family counts the applicant, the spouse or partner, their dependent children
and the spouse's dependent children, even those who are citizens, permanent
residents or not coming.

The first table known to be in force took effect on 2016-01-12
(:data:`FUNDS_2016_FROM`). From 2015-01-01 to 2016-01-11 no source shows which table
applied (:data:`FUNDS_PRE_2016_TABLE` is recorded, not applied), and the 2016 table
prints no amount per member beyond 7 (:data:`FUNDS_2016_PER_ADDITIONAL`): on those
days, for those families, the amount needed is **unknown**, and eligibility reports
the requirement as one that cannot be checked, never as failed.

.. note::

   **No 2026 table found**, and none is invented. No 2026 update was found up to
   2026-11-22: every 2026 page that gives amounts still quotes the 2025 table
   (one GitHub copy "verified September 2026"), so the 2025 table stays in force
   in :data:`SETTLEMENT_FUNDS`. IRCC has updated the amounts yearly: check the
   canada.ca page before relying on the 2025 amounts after mid-2026.

>>> from datetime import date
>>> table = SETTLEMENT_FUNDS.at(date(2026, 11, 22)).value
>>> table.required(1), table.required(4), table.required(9)
(15263, 28362, 48616)
>>> SETTLEMENT_FUNDS.at(date(2016, 6, 1)).value.required(8) is None
True
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import Any, Final

from attrs import field, frozen

from expressentry._today import resolve
from expressentry.errors import DataError, FieldProblem, InvalidInputError
from expressentry.i18n import tr
from expressentry.rules._timeline import Dated, Timeline
from expressentry.rules.sources import PROOF_OF_FUNDS

__all__ = [
    "FUNDS_2016_FROM",
    "FUNDS_2016_PER_ADDITIONAL",
    "FUNDS_2017_FROM",
    "FUNDS_2017_PER_ADDITIONAL",
    "FUNDS_2018_FROM",
    "FUNDS_2018_VERSION_B",
    "FUNDS_2019_FROM",
    "FUNDS_2020_EITHER_TABLE_FROM",
    "FUNDS_2020_FROM",
    "FUNDS_2021_FROM",
    "FUNDS_2022_FROM",
    "FUNDS_2025_EITHER_TABLE_FROM",
    "FUNDS_2025_FROM",
    "FUNDS_PRE_2016_TABLE",
    "SETTLEMENT_FUNDS",
    "TIMELINES",
    "FundsTable",
    "acceptable_tables",
]

_PRINTED_SIZES: Final = 7


def _check_amounts(_instance: object, _attribute: object, amounts: tuple[int, ...]) -> None:
    if len(amounts) != _PRINTED_SIZES or amounts[0] <= 0 or list(amounts) != sorted(set(amounts)):
        msg = f"funds for 1 to 7 family members must be 7 rising positive amounts, got {amounts}"
        raise DataError(msg)


def _check_additional(_instance: object, _attribute: object, amount: int | None) -> None:
    if amount is not None and amount <= 0:
        msg = f"the amount per additional family member must be positive, got {amount}"
        raise DataError(msg)


@frozen
class FundsTable:
    """One edition of the funds table, as IRCC prints it.

    Attributes:
        amounts: Funds for a family of 1, 2, ... 7 members.
        per_additional: Added for each member beyond 7; ``None`` where no copy of
            the table records it (the 2016 table), so the amount for 8 or more
            members is unknown.
    """

    amounts: tuple[int, ...] = field(validator=_check_amounts)
    per_additional: int | None = field(validator=_check_additional)

    def required(self, family_size: int) -> int | None:
        """Funds a family of ``family_size`` members must show.

        ``None`` means the amount is not known: the family has more than 7 members
        and the table records no amount per further member.

        >>> FundsTable((1, 2, 3, 4, 5, 6, 7), None).required(8) is None
        True

        Raises:
            InvalidInputError: ``family_size`` is less than 1 (the applicant counts).
        """
        if family_size < 1:
            raise InvalidInputError(
                "FundsTable.required",
                [FieldProblem("family_size", family_size, tr("must be 1 or more (the applicant)"))],
            )
        if family_size <= _PRINTED_SIZES:
            return self.amounts[family_size - 1]
        if self.per_additional is None:
            return None
        return self.amounts[-1] + (family_size - _PRINTED_SIZES) * self.per_additional


FUNDS_PRE_2016_TABLE: Final = FundsTable((11824, 14720, 18097, 21971, 24920, 28105, 31291), None)
"""UNCERTAIN, recorded and **not applied**. The table IRCC printed before 2016-01-12
(westpass.ca, canadaeasyvisa.com and canadianimmigration.com copies; a CIC officer's
letter of July 2014 quoted on the canadavisa.com forum asks $11,824 for one person).
No source shows that it was still the table in force on 2015-01-01, when Express
Entry opened, or on any later day, so it is not in :data:`SETTLEMENT_FUNDS`: from
2015-01-01 to 2016-01-11 the amount needed is unknown and the funds requirement
cannot be checked. The copies print the last row as "7 or more"; no amount per
further member is recorded (``per_additional`` is ``None``)."""

FUNDS_2016_FROM: Final = date(2016, 1, 12)
"""UNCERTAIN reading, made explicit. The 2016 table "came into effect on January 12,
2016" (CanadaVisa / CIC News item reposted at immigration-services.org and
pinoy-ofw.com). The first table known to be in force: dates before it have no
table (:data:`FUNDS_PRE_2016_TABLE`). Round #25 (2016-01-13) is the first round
under it."""

FUNDS_2016_PER_ADDITIONAL: Final[int | None] = None
"""UNCERTAIN, and no amount is invented. No copy of the 2016 table records an
amount per member beyond 7: the full copy (the Saskatchewan SINP guide of 2016,
quoted on the canadavisa.com forum) stops at "Seven people $32,191". The
requirement for a family of 8 or more is unknown from 2016-01-12 to 2017-01-26."""

FUNDS_2017_FROM: Final = date(2017, 1, 27)
"""UNCERTAIN reading, made explicit. "The new settlement funds requirement only
applies to applications submitted as of January 27, 2017" (CIC News text copied at
abhinav.com and bizhubafrica.blogspot.com; wwicsgroup.com agrees). A copy said to
give 2017-01-05 was not found. Rounds #52 (2017-01-11) and
#53 (2017-01-25) fall between the two days and read the 2016 table."""

FUNDS_2017_PER_ADDITIONAL: Final = 3314
"""UNCERTAIN reading, made explicit. The copies of the January 2017 text (abhinav.com,
visalearning.com) print the last row as "7 or more $32,550", with no amount per
further member. $3,314 is the "each additional family member" figure of the 2017
column in CIC News's January 2018 comparison (globaleducationideas.com and
globalgateways.co.in copies); it equals $32,550 - $29,236, the step from 6 to 7
members. This reading uses it, so a family of 8 needs $35,864, not $32,550."""

FUNDS_2018_FROM: Final = date(2018, 1, 5)
"""UNCERTAIN reading, made explicit. "A 1.42 per cent increase was implemented
January 5, 2018" (CIC News text copied at globaleducationideas.com and
globalgateways.co.in; canadim.com of 2018-01-09 and kansaz.com of 2018-01-10
report the new table). The timeline uses that article's amounts ("version A", the
2018 column CIC News repeated on 2019-01-17); see :data:`FUNDS_2018_VERSION_B`."""

FUNDS_2018_VERSION_B: Final = FundsTable((12475, 15531, 19093, 23181, 26292, 29652, 33014), 3361)
"""UNCERTAIN, recorded and **not applied**. A second version of the 2018 table, $1
higher for 1, 2, 3, 5 and 7 members, reported "as of February 2018"
(calverimmigrationservices.com, 2018-02-16) and by a filipinosincanada.com page
(a blog.zentora.com page said to be "updated ... on January 30, 2018" was not
found again). Version A (:data:`FUNDS_2018_FROM`) is applied for all of 2018:
it is the version CIC News used, and, being the smaller, a candidate meeting it
meets whichever version IRCC enforced but for $1."""

FUNDS_2019_FROM: Final = date(2019, 1, 16)
"""UNCERTAIN reading, made explicit. "Revised Proof of Funds (as of January 16,
2019)" (canadaopen.org; a canadavisa.com page, not read again); CIC News published
the table on 2019-01-17 (cicnews.com, copied at alphaconsultants.ca and
immigrationxperts.com). Either day gives the same rounds: #108 (2019-01-09) reads
the 2018 table, #109 (2019-01-23) the 2019 table."""

FUNDS_2020_EITHER_TABLE_FROM: Final = date(2020, 1, 1)
"""UNCERTAIN reading, made explicit. IRCC updated the table on 2020-01-01
(a4zimmigration.com; visareporter.com of 2020-01-04) and asked pool profiles to be
updated "no later than Feb 25, 2020" (IRCC text quoted at workstudyvisa.com). As for
2025, the 2020 table is required from the deadline (:data:`FUNDS_2020_FROM`) and
either table is accepted from this day to 2020-02-24
(:func:`acceptable_tables`). Four rounds for all programs fell in that window
(#134 2020-01-08, #135 01-22, #136 02-05, #137 02-19)."""

FUNDS_2020_FROM: Final = date(2020, 2, 25)
"""UNCERTAIN reading, made explicit: the update deadline of the 2020 table (see
:data:`FUNDS_2020_EITHER_TABLE_FROM`)."""

FUNDS_2021_FROM: Final = date(2021, 7, 15)
"""UNCERTAIN reading, made explicit. The 2021 table was published in early July
2021 with "update your profile no later than July 15, 2021" (CIC News, bluebird-
immigration.com, workstudyvisa.com copies); no copy names the day the amounts
started to apply, so this reading uses the update deadline. No FSW or FST round
ran from 2020-12-24 to 2022-07-05 (``ee_rounds.csv``), so the day changes no real
round. Until the day before, the 2020 table applies."""

FUNDS_2022_FROM: Final = date(2022, 6, 8)
"""UNCERTAIN reading, made explicit. The 2022 table came with an update deadline
of 2022-06-08 (CIC News copies at navigatetocanada.com, visadekho.com, canapprove.ae;
mesidor.ca, justpaste.it); IRCC's text names no day the amounts started to apply, so
this reading uses the deadline. Two copies say the new amounts applied from
2022-06-09 (garsonil.com, immigrationnewscanada.ca), which would follow the 2024
pattern (update by 05-27, effective 05-28). The round of 2022-06-08 was PNP only and
the first FSW/FST round after it ran on 2022-07-06, so either day gives the same result."""

FUNDS_2025_EITHER_TABLE_FROM: Final = date(2025, 7, 7)
"""UNCERTAIN reading, made explicit. IRCC published the 2025 table on 2025-07-07
and asked pool profiles to be updated "no later than July 28, 2025". Copies split
on the effective day (07-07: nairametrics.com, cadimmigration.com, maplenews.org;
07-28: businesstoday.in, gfkimmigrationconsultant.com). The timeline requires the
2025 table from 2025-07-28; from this day to 2025-07-27 :func:`acceptable_tables`
accepts either table. One round fell in that window (#357, healthcare, 2025-07-22)."""

FUNDS_2025_FROM: Final = date(2025, 7, 28)
"""UNCERTAIN reading, made explicit: the update deadline of the 2025 table, from
which it is required (see :data:`FUNDS_2025_EITHER_TABLE_FROM`)."""

_COPIES_2022_2023 = (
    "Amounts from cic-report.com and canapprove.ae copies of the IRCC notice (they agree)."
)

SETTLEMENT_FUNDS: Final = Timeline(
    "funds.settlement",
    (
        Dated(
            FUNDS_2016_FROM,
            FundsTable(
                (12164, 15143, 18617, 22603, 25636, 28913, 32191), FUNDS_2016_PER_ADDITIONAL
            ),
            PROOF_OF_FUNDS,
            "2016 table, in effect from 2016-01-12 (FUNDS_2016_FROM); no amount per member beyond 7 is recorded (FUNDS_2016_PER_ADDITIONAL). Amounts from the Saskatchewan SINP guide of 2016 (quoted on the canadavisa.com forum) and jamaica-gleaner.com of 2016-04-26 (1, 2 and 4 members; it gives $22,636 for 4, read as a typo of $22,603).",
        ),
        Dated(
            FUNDS_2017_FROM,
            FundsTable(
                (12300, 15312, 18825, 22856, 25923, 29236, 32550), FUNDS_2017_PER_ADDITIONAL
            ),
            PROOF_OF_FUNDS,
            "2017 table, for applications from 2017-01-27 (FUNDS_2017_FROM). Amounts from abhinav.com, visalearning.com and CIC News's January 2018 comparison (globaleducationideas.com); the amount per member beyond 7 is a reading (FUNDS_2017_PER_ADDITIONAL).",
        ),
        Dated(
            FUNDS_2018_FROM,
            FundsTable((12474, 15530, 19092, 23181, 26291, 29652, 33013), 3361),
            PROOF_OF_FUNDS,
            "2018 table (version A), implemented 2018-01-05 (FUNDS_2018_FROM). Amounts from CIC News (globaleducationideas.com copy of January 2018; cicnews.com of 2019-01-17, its 2018 column); version B is recorded, not applied (FUNDS_2018_VERSION_B).",
        ),
        Dated(
            FUNDS_2019_FROM,
            FundsTable((12669, 15772, 19390, 23542, 26701, 30114, 33528), 3414),
            PROOF_OF_FUNDS,
            "2019 table, as of 2019-01-16 (FUNDS_2019_FROM). Amounts from cicnews.com of 2019-01-17 and its copies (alphaconsultants.ca, immigrationxperts.com), and canadaopen.org (they agree).",
        ),
        Dated(
            FUNDS_2020_FROM,
            FundsTable((12960, 16135, 19836, 24083, 27315, 30806, 34299), 3492),
            PROOF_OF_FUNDS,
            "2020 table, published 2020-01-01, required from the update deadline 2020-02-25 (FUNDS_2020_FROM); either table is accepted from 2020-01-01 (FUNDS_2020_EITHER_TABLE_FROM). Amounts from immigration.ca, canadapravenue.com, a4zimmigration.com (1-4 members) and pmimmigration.com (each additional member) (they agree; poonahimmigrationlaw.com's $38,806 for 6 reads as a typo of $30,806).",
        ),
        Dated(
            FUNDS_2021_FROM,
            FundsTable((13213, 16449, 20222, 24553, 27847, 31407, 34967), 3560),
            PROOF_OF_FUNDS,
            "2021 table; profiles to be updated by 2021-07-15 (FUNDS_2021_FROM). Amounts from CIC News, bluebird-immigration.com and swiftconnect.ca copies (they agree).",
        ),
        Dated(
            FUNDS_2022_FROM,
            FundsTable((13310, 16570, 20371, 24733, 28052, 31638, 35224), 3586),
            PROOF_OF_FUNDS,
            "2022 table; profiles to be updated by 2022-06-08 (FUNDS_2022_FROM). "
            + _COPIES_2022_2023,
        ),
        Dated(
            date(2023, 4, 25),
            FundsTable((13757, 17127, 21055, 25564, 28994, 32700, 36407), 3706),
            PROOF_OF_FUNDS,
            "2023 table, announced 2023-05-02 and effective 2023-04-25 (also shanumimmigration.com, cictimes.com, makehomecanada.com). "
            + _COPIES_2022_2023,
        ),
        Dated(
            date(2024, 5, 28),
            FundsTable((14690, 18288, 22483, 27297, 30690, 34917, 38875), 3958),
            PROOF_OF_FUNDS,
            "2024 table, effective 2024-05-28 (profiles updated by 2024-05-27). Amounts from akcanada.com and royalcanadianimmigration.com copies (they agree).",
        ),
        Dated(
            FUNDS_2025_FROM,
            FundsTable((15263, 19001, 23360, 28362, 32168, 36280, 40392), 4112),
            PROOF_OF_FUNDS,
            "2025 table, published 2025-07-07, required from the update deadline 2025-07-28; either table is accepted from 2025-07-07 (FUNDS_2025_EITHER_TABLE_FROM). Amounts from cadimmigration.com, nairametrics.com, maplenews.org and businesstoday.in copies (they agree; vagmi.co's different 3-6 member amounts read as a typo). Latest known table: no 2026 table was found up to 2026-11-22 (the note of expressentry.rules.settlement_funds).",
        ),
    ),
    "Settlement funds by family size (CAD)",
)

_ACCEPTED_FROM: Final[Mapping[date, date]] = MappingProxyType(
    {FUNDS_2020_FROM: FUNDS_2020_EITHER_TABLE_FROM, FUNDS_2025_FROM: FUNDS_2025_EITHER_TABLE_FROM}
)
"""First day a table is accepted, where it is earlier than the day it is required."""

TIMELINES: Final[tuple[Timeline[Any], ...]] = (SETTLEMENT_FUNDS,)
"""Every timeline of this module."""


def acceptable_tables(*, as_of: date | None = None) -> tuple[Dated[FundsTable], ...]:
    """The funds tables a candidate may meet on ``as_of`` (``None``: today), oldest first.

    One table on every day, except from 2020-01-01 to 2020-02-24 (the 2019 and 2020
    tables, :data:`FUNDS_2020_EITHER_TABLE_FROM`) and from 2025-07-07 to 2025-07-27
    (the 2024 and 2025 tables, :data:`FUNDS_2025_EITHER_TABLE_FROM`).

    >>> [t.effective_from.year for t in acceptable_tables(as_of=date(2025, 7, 22))]
    [2024, 2025]

    Raises:
        InvalidInputError: ``as_of`` is not a date.
        RulesNotInForceError: ``as_of`` is before the first table known to be in
            force (2016-01-12, :data:`FUNDS_2016_FROM`).
    """
    as_of = resolve(as_of, where="acceptable_tables")
    in_force = SETTLEMENT_FUNDS.at(as_of)
    early = tuple(
        e
        for e in SETTLEMENT_FUNDS.entries
        if e.effective_from > as_of
        and _ACCEPTED_FROM.get(e.effective_from, e.effective_from) <= as_of
    )
    return (in_force, *early)
