"""NOC 2021: occupation codes, their titles and their TEER, from the shipped table.

IRCC reads skilled work by the National Occupational Classification: since
2022-11-16, NOC 2021, whose unit groups' second digit is the TEER category. The
classification structure ships in ``expressentry/data/noc2021.csv`` (Statistics
Canada, NOC 2021 Version 1.0; see ``data/PROVENANCE.md``) and is read once, on
first use.

>>> occupation("21231")
Occupation(code='21231', title='Software engineers and designers', teer=<Teer.TEER_1: 1>)
>>> group_title("726")
'Transportation officers and controllers'
"""

from __future__ import annotations

import csv
import functools
import io
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType
from typing import Final

from attrs import frozen

from expressentry._checks import NOC_TEXT, require_text
from expressentry.enums import Teer
from expressentry.errors import DataError, FieldProblem, InvalidInputError
from expressentry.i18n import tr

__all__ = ["NOC_VERSION", "Occupation", "group_title", "occupation", "unit_groups"]

NOC_VERSION: Final = "NOC 2021 Version 1.0"
"""The classification the shipped table is (Statistics Canada)."""

_LEVELS: Final = {
    "broad_category": 1,
    "major_group": 2,
    "sub_major_group": 3,
    "minor_group": 4,
    "unit_group": 5,
}


@frozen
class Occupation:
    """A NOC 2021 unit group: the level IRCC reads work and job offers at.

    Attributes:
        code: Five digits, e.g. ``"21231"``.
        title: Statistics Canada's English title.
        teer: The TEER category, the code's second digit.
    """

    code: str
    title: str
    teer: Teer


@functools.cache
def _table() -> tuple[Mapping[str, Occupation], Mapping[str, str]]:
    text = resources.files("expressentry.data").joinpath("noc2021.csv").read_text("utf-8")
    units: dict[str, Occupation] = {}
    groups: dict[str, str] = {}
    for row in csv.DictReader(io.StringIO(text)):
        level, code, title = row["level"], row["code"], row["title_en"]
        if _LEVELS.get(level) != len(code) or not code.isdigit():
            msg = f"noc2021.csv: {level} code {code!r} has the wrong form"
            raise DataError(msg)
        if level == "unit_group":
            if row["teer"] != code[1]:
                msg = f"noc2021.csv: {code} has TEER {row['teer']!r}, not its 2nd digit"
                raise DataError(msg)
            units[code] = Occupation(code=code, title=title, teer=Teer(int(code[1])))
        else:
            groups[code] = title
    return MappingProxyType(units), MappingProxyType(groups)


def unit_groups() -> Mapping[str, Occupation]:
    """Every NOC 2021 unit group, by code (516 of them)."""
    return _table()[0]


def occupation(code: str) -> Occupation:
    """The unit group of ``code``.

    Raises:
        InvalidInputError: ``code`` is not a string, or not a NOC 2021 unit group
            (never a guess).
    """
    code = require_text(code, "noc", "NOC", NOC_TEXT)
    found = _table()[0].get(code)
    if found is None:
        raise InvalidInputError(
            "NOC", [FieldProblem("noc", code, tr("is not a {noc} unit group", noc=NOC_VERSION))]
        )
    return found


def group_title(code: str) -> str:
    """The title of a broad category, major, sub-major or minor group (1 to 4 digits).

    Raises:
        InvalidInputError: ``code`` is not a string, or not such a group.
    """
    what = 'a NOC 2021 group code of 1 to 4 digits, such as "2123"'
    code = require_text(code, "noc", "NOC", what)
    found = _table()[1].get(code)
    if found is None:
        raise InvalidInputError(
            "NOC", [FieldProblem("noc", code, tr("is not a {noc} group code", noc=NOC_VERSION))]
        )
    return found
