"""Settlement funds FSW and FST candidates must show, by family size (CAD).

IRCC sets the amounts at half the low-income cut-off and republishes them about
once a year on "Proof of funds – Skilled immigrants (Express Entry)"
(:data:`~expressentry.rules.sources.PROOF_OF_FUNDS`). Candidates in the pool get a
few weeks to update their profiles, and IRCC names the deadline, rarely the day
the new amounts start to apply; those days are named readings below. The Canadian
Experience Class never needs funds (see :mod:`expressentry.rules.programs`).

The family counts the applicant, the spouse or partner, their dependent children
and the spouse's dependent children, even those who are citizens, permanent
residents or not coming.

>>> from datetime import date
>>> table = SETTLEMENT_FUNDS.at(date(2026, 11, 22)).value
>>> table.required(1), table.required(4), table.required(9)
(15263, 28362, 48616)
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import Any, Final

from attrs import field, frozen

from expressentry._today import resolve
from expressentry.errors import DataError, FieldProblem, InvalidInputError
from expressentry.rules._timeline import Dated, Timeline
from expressentry.rules.sources import PROOF_OF_FUNDS

__all__ = [
    "FUNDS_2021_FROM",
    "FUNDS_2022_FROM",
    "FUNDS_2025_EITHER_TABLE_FROM",
    "FUNDS_2026_TABLE_FOUND",
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


def _check_additional(_instance: object, _attribute: object, amount: int) -> None:
    if amount <= 0:
        msg = f"the amount per additional family member must be positive, got {amount}"
        raise DataError(msg)


@frozen
class FundsTable:
    """One edition of the funds table, as IRCC prints it.

    Attributes:
        amounts: Funds for a family of 1, 2, ... 7 members.
        per_additional: Added for each member beyond 7.
    """

    amounts: tuple[int, ...] = field(validator=_check_amounts)
    per_additional: int = field(validator=_check_additional)

    def required(self, family_size: int) -> int:
        """Funds a family of ``family_size`` members must show.

        Raises:
            InvalidInputError: ``family_size`` is less than 1 (the applicant counts).
        """
        if family_size < 1:
            raise InvalidInputError(
                "FundsTable.required",
                [FieldProblem("family_size", family_size, "must be 1 or more (the applicant)")],
            )
        if family_size <= _PRINTED_SIZES:
            return self.amounts[family_size - 1]
        return self.amounts[-1] + (family_size - _PRINTED_SIZES) * self.per_additional


FUNDS_2021_FROM: Final = date(2021, 7, 15)
"""UNCERTAIN reading, made explicit. The 2021 table was published in early July
2021 with "update your profile no later than July 15, 2021" (CIC News, bluebird-
immigration.com, workstudyvisa.com copies); no copy names the day the amounts
started to apply, so this reading uses the update deadline. No FSW or FST round
ran from 2020-12-24 to 2022-07-05 (``ee_rounds.csv``), so the day changes no real
round. No earlier table is recorded: dates before it raise
:exc:`~expressentry.errors.RulesNotInForceError`."""

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

FUNDS_2026_TABLE_FOUND: Final = False
"""UNCERTAIN, and no table is invented. No 2026 update was found up to 2026-11-22:
every 2026 page that gives amounts still quotes the 2025 table (one GitHub copy
"verified September 2026"). IRCC has updated yearly, so check the canada.ca page
before relying on the 2025 amounts after mid-2026."""

_COPIES_2022_2023 = (
    "Amounts from cic-report.com and canapprove.ae copies of the IRCC notice (they agree)."
)

SETTLEMENT_FUNDS: Final = Timeline(
    "funds.settlement",
    (
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
            date(2025, 7, 28),
            FundsTable((15263, 19001, 23360, 28362, 32168, 36280, 40392), 4112),
            PROOF_OF_FUNDS,
            "2025 table, published 2025-07-07, required from the update deadline 2025-07-28; either table is accepted from 2025-07-07 (FUNDS_2025_EITHER_TABLE_FROM). Amounts from cadimmigration.com, nairametrics.com, maplenews.org and businesstoday.in copies (they agree; vagmi.co's different 3-6 member amounts read as a typo). Latest known table (FUNDS_2026_TABLE_FOUND).",
        ),
    ),
    "Settlement funds by family size (CAD)",
)

_ACCEPTED_FROM: Final[Mapping[date, date]] = MappingProxyType(
    {date(2025, 7, 28): FUNDS_2025_EITHER_TABLE_FROM}
)
"""First day a table is accepted, where it is earlier than the day it is required."""

TIMELINES: Final[tuple[Timeline[Any], ...]] = (SETTLEMENT_FUNDS,)
"""Every timeline of this module."""


def acceptable_tables(as_of: date) -> tuple[Dated[FundsTable], ...]:
    """The funds tables a candidate may meet on ``as_of``, oldest first.

    One table on every day, except from 2025-07-07 to 2025-07-27, when both the
    2024 and the 2025 tables are accepted (:data:`FUNDS_2025_EITHER_TABLE_FROM`).

    >>> [t.effective_from.year for t in acceptable_tables(date(2025, 7, 22))]
    [2024, 2025]

    Raises:
        InvalidInputError: ``as_of`` is not a date.
        RulesNotInForceError: ``as_of`` is before the first known table.
    """
    as_of = resolve(as_of, where="acceptable_tables", optional=False)
    in_force = SETTLEMENT_FUNDS.at(as_of)
    early = tuple(
        e
        for e in SETTLEMENT_FUNDS.entries
        if e.effective_from > as_of
        and _ACCEPTED_FROM.get(e.effective_from, e.effective_from) <= as_of
    )
    return (in_force, *early)
