"""Minimum requirements of the three Express Entry programs, as data.

Federal Skilled Worker (IRPR s. 75; :data:`~expressentry.rules.sources.FSW_ELIGIBILITY`),
Canadian Experience Class (IRPR s. 87.1) and Federal Skilled Trades (IRPR s. 87.2;
:data:`~expressentry.rules.sources.FST_ELIGIBILITY`): how far back work counts,
how many hours are needed, the language minimums, which occupations are trades,
who must show settlement funds, and how long test results and ECAs stay valid.
The FSW points grid is in :mod:`expressentry.rules.fsw_grid`, the funds amounts in
:mod:`expressentry.rules.settlement_funds`. These thresholds predate Express
Entry; the tables start on 2015-01-01, the day it opened.

.. note::

   **The FST trade groups before NOC 2021** (an uncertain reading, made
   explicit). Before 2022-11-16 the trades were NOC 2011/2016 major groups 72,
   73, 82 and 92 and minor groups 632 and 633, skill level B (IRPR s. 87.2(1),
   2013 version). Work periods carry NOC 2021 codes only, so earlier dates read
   those groups as the NOC 2021 groups that succeeded them, which is the 2022
   list: old 82 split into 82 and 83, old 92 into 92 and 93 (central control
   operators), 632/633 became 62200 and 6320; 726 (pilots, controllers: old
   group 22) and 932 (aircraft assemblers: old group 95) were never trades. As
   with skilled work (the note on NOC 2016 of :mod:`expressentry.rules.experience`),
   occupations that moved into these groups in 2021 (e.g. 73300 transport truck
   drivers, NOC 2016 7511 in group 75, skill level C) are read with their NOC 2021
   status on every date. The other reading would need each period's NOC 2016
   code, which the profile does not hold, so this is a note, not a switch.

>>> from datetime import date
>>> is_trade("73300", as_of=date(2026, 11, 22)), is_trade("72600", as_of=date(2026, 11, 22))
(True, False)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import Any, Final

from attrs import field, frozen

from expressentry._checks import NOC_TEXT, require_text
from expressentry._today import resolve
from expressentry.enums import Ability, Program, Teer
from expressentry.enums import FundsExemptionCondition as Fx
from expressentry.errors import DataError, FieldProblem, InvalidInputError
from expressentry.i18n import tr
from expressentry.rules._timeline import Dated, Timeline
from expressentry.rules.dates import (
    EXPRESS_ENTRY_OPENED,
    FSW_2013_CRITERIA_IN_FORCE,
    NOC_2021_IN_FORCE,
)
from expressentry.rules.sources import (
    CEC_ELIGIBILITY,
    ECA_EXPRESS_ENTRY,
    FST_ELIGIBILITY,
    FSW_ELIGIBILITY,
    IRPR_87_2_2013,
    PROOF_OF_FUNDS,
)

__all__ = [
    "CEC_MIN_CLB_BY_TEER",
    "CEC_MIN_HOURS",
    "CEC_MIXED_TEER_HOURS_BY_LEVEL",
    "CEC_WINDOW_YEARS",
    "ECA_VALID_YEARS",
    "FST_MIN_CLB",
    "FST_MIN_HOURS",
    "FST_TRADE_GROUPS",
    "FST_WINDOW_YEARS",
    "FSW_CONTINUITY_GAP_DAYS",
    "FSW_MIN_HOURS",
    "FSW_WINDOW_YEARS",
    "FUNDS_EXEMPTION",
    "FUNDS_REQUIRED",
    "LANGUAGE_RESULT_VALID_YEARS",
    "MIN_HOURS",
    "OUTSIDE_QUEBEC",
    "SELF_EMPLOYMENT_COUNTS",
    "TIMELINES",
    "VALIDITY_ENDS_ON_ANNIVERSARY",
    "WORK_WINDOW_YEARS",
    "NocGroup",
    "TradeGroups",
    "funds_needed",
    "is_trade",
    "needs_settlement_funds",
]

_UNCHANGED = "Unchanged since Express Entry opened on 2015-01-01."

# -- work experience ------------------------------------------------------------------

FSW_WINDOW_YEARS: Final = Timeline(
    "program.fsw.window_years",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            10,
            FSW_ELIGIBILITY,
            "Skilled work within the 10 years before the application is made (IRPR s. 75(2)(a)). "
            + _UNCHANGED,
        ),
    ),
    "FSW: years before applying in which work counts",
)

CEC_WINDOW_YEARS: Final = Timeline(
    "program.cec.window_years",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            3,
            CEC_ELIGIBILITY,
            "Canadian work within the 3 years before the application is made (IRPR s. 87.1(2)(a)). "
            + _UNCHANGED,
        ),
    ),
    "CEC: years before applying in which Canadian work counts",
)

FST_WINDOW_YEARS: Final = Timeline(
    "program.fst.window_years",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            5,
            FST_ELIGIBILITY,
            "Work in the trade within the 5 years before applying. " + _UNCHANGED,
        ),
    ),
    "FST: years before applying in which work in the trade counts",
)

FSW_MIN_HOURS: Final = Timeline(
    "program.fsw.min_hours",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            1560,
            FSW_ELIGIBILITY,
            "One year of full-time work or its part-time equivalent (1,560 hours), over a continuous period, in one occupation (the primary occupation, one NOC unit group), TEER 0-3, paid. "
            + _UNCHANGED,
        ),
    ),
    "FSW: hours of continuous skilled work in the primary occupation",
)

CEC_MIN_HOURS: Final = Timeline(
    "program.cec.min_hours",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            1560,
            CEC_ELIGIBILITY,
            "One year of full-time Canadian work or its part-time equivalent (1,560 hours) in one or more TEER 0-3 occupations; no continuity needed; not during full-time study, not self-employed, authorized, with temporary resident status (IRPR s. 87.1(3)). "
            + _UNCHANGED,
        ),
    ),
    "CEC: hours of skilled Canadian work",
)

FST_MIN_HOURS: Final = Timeline(
    "program.fst.min_hours",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            3120,
            FST_ELIGIBILITY,
            "Two years of full-time work or the part-time equivalent (3,120 hours) in the one trade applied in, after qualifying to practise it independently; no continuity needed. "
            + _UNCHANGED,
        ),
    ),
    "FST: hours of work in one skilled trade",
)

WORK_WINDOW_YEARS: Final[Mapping[Program, Timeline[int]]] = MappingProxyType(
    {Program.FSW: FSW_WINDOW_YEARS, Program.CEC: CEC_WINDOW_YEARS, Program.FST: FST_WINDOW_YEARS}
)
"""Each program's work window, by program."""

MIN_HOURS: Final[Mapping[Program, Timeline[int]]] = MappingProxyType(
    {Program.FSW: FSW_MIN_HOURS, Program.CEC: CEC_MIN_HOURS, Program.FST: FST_MIN_HOURS}
)
"""Each program's minimum hours of qualifying work, by program."""

FSW_CONTINUITY_GAP_DAYS: Final = 0
"""UNCERTAIN reading, made explicit. The FSW year must be "over a continuous
period" (IRPR s. 75(2)(a)); no text says whether leave or vacation inside a job, or
a change of employer in the same NOC, breaks it. This reading allows no calendar
gap between the work periods that make the 1,560 hours, and lets employers change
within the same NOC unit group."""

SELF_EMPLOYMENT_COUNTS: Final[Mapping[Program, bool]] = MappingProxyType(
    {Program.FSW: True, Program.CEC: False, Program.FST: True}
)
"""UNCERTAIN reading, made explicit. The CEC excludes self-employment (IRPR
s. 87.1(3)(b), official). For FSW and FST the texts only ask for "paid" work
(wages or commission) and say nothing of self-employment; this reading counts it."""

# -- language ---------------------------------------------------------------------------

_CEC_LEVELS = MappingProxyType({Teer.TEER_0: 7, Teer.TEER_1: 7, Teer.TEER_2: 5, Teer.TEER_3: 5})

CEC_MIN_CLB_BY_TEER: Final[Timeline[Mapping[Teer, int]]] = Timeline(
    "program.cec.min_clb_by_teer",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            _CEC_LEVELS,
            CEC_ELIGIBILITY,
            "NOC 2016 skill type 0 or level A: CLB/NCLC 7 in all four abilities; level B: CLB/NCLC 5; read through the NOC 2021 TEER of the work (the note on NOC 2016 of expressentry.rules.experience). Thresholds from kgraph.ca and canada.ca copies.",
        ),
        Dated(
            NOC_2021_IN_FORCE,
            _CEC_LEVELS,
            CEC_ELIGIBILITY,
            "NOC 2021 from 2022-11-16 (IRCC's transition): TEER 0 or 1 work needs CLB/NCLC 7 in all four abilities, TEER 2 or 3 work CLB/NCLC 5 (IRPR s. 87.1(2)(d), TEER wording).",
        ),
    ),
    "CEC: minimum CLB/NCLC in all four abilities, by TEER of the qualifying work",
)

CEC_MIXED_TEER_HOURS_BY_LEVEL: Final[bool] = True
"""UNCERTAIN reading, made explicit. No text says which CEC threshold applies when
the Canadian work in the 3-year window mixes TEER 0/1 and TEER 2/3 work.

- ``True`` (this reading, the most favourable consistent one): the hours that
  count depend on the level. With CLB 7 or more in all four abilities every
  TEER 0-3 hour counts; with CLB 5 or 6 only TEER 2 and 3 hours count, so CLB 5
  is enough when TEER 2/3 work alone makes the year.
- ``False`` (the strict reading): the level depends on the work. Any TEER 0 or 1
  work in the window asks CLB 7, and CLB 5 is enough only when all of it is
  TEER 2 or 3.

The CEC assessment of :func:`~expressentry.assess` reads it on every call."""

FST_MIN_CLB: Final[Timeline[Mapping[Ability, int]]] = Timeline(
    "program.fst.min_clb",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            MappingProxyType(
                {Ability.SPEAKING: 5, Ability.LISTENING: 5, Ability.READING: 4, Ability.WRITING: 4}
            ),
            FST_ELIGIBILITY,
            "CLB/NCLC 5 for speaking and listening, 4 for reading and writing. " + _UNCHANGED,
        ),
    ),
    "FST: minimum CLB/NCLC per ability",
)

# -- skilled trades -----------------------------------------------------------------------

_NOC_CODE = re.compile(r"\d{5}")
_LEVELS: Final = {2: "major group", 3: "sub-major group", 4: "minor group", 5: "unit group"}


def _check_code(_instance: object, _attribute: object, code: str) -> None:
    if not code.isdigit() or len(code) not in _LEVELS:
        msg = f"a NOC group code has 2 to 5 digits, got {code!r}"
        raise DataError(msg)


@frozen
class NocGroup:
    """A NOC 2021 group, by the leading digits every code in it shares.

    Attributes:
        code: ``"72"`` (major group), ``"726"`` (sub-major), ``"6320"`` (minor) or
            ``"62200"`` (unit group).
        title: The group's title in the NOC.
    """

    code: str = field(validator=_check_code)
    title: str

    @property
    def level(self) -> str:
        """``"major group"``, ``"sub-major group"``, ``"minor group"`` or ``"unit group"``."""
        return _LEVELS[len(self.code)]

    def contains(self, noc: str) -> bool:
        """Whether the 5-digit code ``noc`` is in this group."""
        return noc.startswith(self.code)


@frozen
class TradeGroups:
    """The occupations that are skilled trades: groups included, minus groups excluded.

    Attributes:
        included: Groups whose occupations are trades.
        excluded: Groups inside the included ones that are not.
        reading: How the codes are read, in a sentence.
    """

    included: tuple[NocGroup, ...]
    excluded: tuple[NocGroup, ...]
    reading: str

    def contains(self, noc: str) -> bool:
        """Whether the 5-digit NOC 2021 code ``noc`` is a skilled trade."""
        return any(g.contains(noc) for g in self.included) and not any(
            g.contains(noc) for g in self.excluded
        )


_TRADES_2021 = (
    NocGroup("72", "Technical trades and transportation officers and controllers"),
    NocGroup("73", "General trades"),
    NocGroup("82", "Supervisors in natural resources, agriculture and related production"),
    NocGroup("83", "Occupations in natural resources and related production"),
    NocGroup(
        "92",
        "Processing, manufacturing and utilities supervisors, and utilities operators and controllers",
    ),
    NocGroup(
        "93",
        "Central control and process operators and aircraft assembly assemblers and inspectors",
    ),
    NocGroup("6320", "Cooks, butchers and bakers"),
    NocGroup("62200", "Chefs"),
)
_NOT_TRADES_2021 = (
    NocGroup("726", "Transportation officers and controllers"),
    NocGroup("932", "Aircraft assemblers and aircraft assembly inspectors"),
)

FST_TRADE_GROUPS: Final = Timeline(
    "program.fst.trade_groups",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            TradeGroups(
                _TRADES_2021,
                _NOT_TRADES_2021,
                "NOC 2016 major groups 72, 73, 82, 92 and minor groups 632, 633 (skill level B), read through the NOC 2021 groups that succeeded them (the note on the FST trade groups of expressentry.rules.programs).",
            ),
            IRPR_87_2_2013,
            "Groups of IRPR s. 87.2(1) (2013 version), read through NOC 2021 codes (the note on the FST trade groups of expressentry.rules.programs).",
        ),
        Dated(
            NOC_2021_IN_FORCE,
            TradeGroups(
                _TRADES_2021,
                _NOT_TRADES_2021,
                "NOC 2021 codes, as canada.ca lists the groups.",
            ),
            FST_ELIGIBILITY,
            "NOC 2021 groups, verbatim from the canada.ca list (IRCC moved to NOC 2021 on 2022-11-16).",
        ),
    ),
    "FST: occupations that are skilled trades",
)


def is_trade(noc: str, *, as_of: date | None = None) -> bool:
    """Whether NOC 2021 code ``noc`` is a skilled trade for FST on ``as_of`` (``None``: today).

    Raises:
        InvalidInputError: ``noc`` is not a 5-digit code, or ``as_of`` is not a date.
        RulesNotInForceError: ``as_of`` is before 2015-01-01.
    """
    as_of = resolve(as_of, where="is_trade")
    code = require_text(noc, "noc", "is_trade", NOC_TEXT)
    if not _NOC_CODE.fullmatch(code):
        raise InvalidInputError(
            "is_trade", [FieldProblem("noc", noc, tr("must be a 5-digit NOC 2021 code"))]
        )
    return FST_TRADE_GROUPS.at(as_of).value.contains(noc)


# -- settlement funds -----------------------------------------------------------------------

FUNDS_REQUIRED: Final[Timeline[frozenset[Program]]] = Timeline(
    "program.funds_required",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            frozenset({Program.FSW, Program.FST}),
            PROOF_OF_FUNDS,
            "FSW and FST candidates must show settlement funds when they apply and when the visa is issued; the CEC never needs them. "
            + _UNCHANGED,
        ),
    ),
    "Programs whose candidates must show settlement funds",
)

FUNDS_EXEMPTION: Final[Timeline[frozenset[Fx]]] = Timeline(
    "program.funds_exemption",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            frozenset({Fx.AUTHORIZED_TO_WORK, Fx.VALID_JOB_OFFER}),
            PROOF_OF_FUNDS,
            "No funds needed when authorized to work in Canada AND holding a valid job offer; either alone does not exempt. IRCC text read through copies (highergroundimmigrationservices.ca and the S14 funds copies). "
            + _UNCHANGED,
        ),
    ),
    "Conditions that together exempt FSW and FST candidates from funds",
)


def needs_settlement_funds(
    program: Program,
    *,
    authorized_to_work: bool,
    valid_job_offer: bool,
    as_of: date | None = None,
) -> bool:
    """Whether a candidate of ``program`` must show settlement funds on ``as_of`` (``None``: today).

    >>> from expressentry.enums import Program
    >>> needs_settlement_funds(Program.FSW, authorized_to_work=False,
    ...                        valid_job_offer=True, as_of=date(2026, 11, 22))
    True

    Raises:
        InvalidInputError: ``as_of`` is not a date.
        RulesNotInForceError: ``as_of`` is before 2015-01-01.
    """
    as_of = resolve(as_of, where="needs_settlement_funds")
    return funds_needed(
        program,
        required=FUNDS_REQUIRED.at(as_of).value,
        exemption=FUNDS_EXEMPTION.at(as_of).value,
        authorized_to_work=authorized_to_work,
        valid_job_offer=valid_job_offer,
    )


def funds_needed(
    program: Program,
    *,
    required: frozenset[Program],
    exemption: frozenset[Fx],
    authorized_to_work: bool,
    valid_job_offer: bool,
) -> bool:
    """Whether a candidate must show funds, under the rules ``required`` and ``exemption``.

    The one reading of the exemption: it applies when the candidate holds *every*
    condition of ``exemption``.
    """
    if program not in required:
        return False
    held = {Fx.AUTHORIZED_TO_WORK} if authorized_to_work else set()
    if valid_job_offer:
        held.add(Fx.VALID_JOB_OFFER)
    return not exemption <= held


# -- validity of documents ------------------------------------------------------------------

LANGUAGE_RESULT_VALID_YEARS: Final = Timeline(
    "program.validity.language_result_years",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            2,
            FSW_ELIGIBILITY,
            "Language test results are valid 2 years after the date of the test result and must be valid on the day the PR application is submitted (VALIDITY_ENDS_ON_ANNIVERSARY). "
            + _UNCHANGED,
        ),
    ),
    "Years a language test result stays valid",
)

ECA_VALID_YEARS: Final = Timeline(
    "program.validity.eca_years",
    (
        Dated(
            FSW_2013_CRITERIA_IN_FORCE,
            5,
            ECA_EXPRESS_ENTRY,
            "An ECA report for immigration is valid 5 years from its issue date, counted to the day IRCC receives the application (VALIDITY_ENDS_ON_ANNIVERSARY). ECAs began on 2013-05-04. Read through a designated organization's page (University of Toronto CES) and bellallianceglobal.com's copy of the CIC text.",
        ),
    ),
    "Years an Educational Credential Assessment stays valid",
)

VALIDITY_ENDS_ON_ANNIVERSARY: Final = True
"""UNCERTAIN reading, made explicit. No text says whether a result or ECA dated D
is still valid on D + N years. This reading: valid while ``D <= day < D + N years``,
so it expires on the anniversary."""

OUTSIDE_QUEBEC: Final = Timeline(
    "program.outside_quebec",
    (
        Dated(
            EXPRESS_ENTRY_OPENED,
            frozenset({Program.FSW, Program.CEC, Program.FST}),
            FSW_ELIGIBILITY,
            "Each federal class is for foreign nationals who intend to reside in a province "
            "other than Quebec (IRPR ss. 75(1), 87.1(2), 87.2(2)); Quebec selects its own "
            "skilled workers. " + _UNCHANGED,
        ),
    ),
    "Programs whose candidates must plan to live outside Quebec",
)

TIMELINES: Final[tuple[Timeline[Any], ...]] = (
    FSW_WINDOW_YEARS,
    FSW_MIN_HOURS,
    CEC_WINDOW_YEARS,
    CEC_MIN_HOURS,
    CEC_MIN_CLB_BY_TEER,
    FST_WINDOW_YEARS,
    FST_MIN_HOURS,
    FST_MIN_CLB,
    FST_TRADE_GROUPS,
    FUNDS_REQUIRED,
    FUNDS_EXEMPTION,
    LANGUAGE_RESULT_VALID_YEARS,
    ECA_VALID_YEARS,
    OUTSIDE_QUEBEC,
)
"""Every timeline of this module, program by program."""
