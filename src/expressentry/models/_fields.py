"""How the models check their fields: every problem of an object, collected then raised.

Types are checked first, in one cheap expression per model; only when that fails do
these checks name each field of the wrong type, so a wrong type never reaches a
comparison.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, datetime
from enum import Enum

from expressentry._checks import NOC_TEXT, type_words
from expressentry.enums import (
    Teer,
)
from expressentry.errors import FieldProblem, InvalidInputError, article
from expressentry.noc import NOC_VERSION, unit_groups


class Checks:
    """Collects every problem of one object, then raises them together."""

    def __init__(self, owner: str) -> None:
        self.owner = owner
        self.problems: list[FieldProblem] = []

    def require(self, ok: bool, path: str, value: object, message: str) -> None:
        if not ok:
            self.problems.append(FieldProblem(path, value, message))

    def done(self) -> None:
        if self.problems:
            raise InvalidInputError(self.owner, self.problems)

    def types(self, obj: object, specs: Specs) -> frozenset[str]:
        """Check the type of every field in ``specs``; the names of the bad ones."""
        bad: list[str] = []
        for name, check in specs:
            if not check(name, getattr(obj, name), self.problems):
                bad.append(name)
        return frozenset(bad)


# --- type checks ---------------------------------------------------------------------
#
# Each model first checks the exact types of its fields in one cheap expression
# (``type(x) is date``...). Only when that fails do the checks below run, field by
# field: they accept what the exact test does not (subclasses, such as numpy's
# float64) and name every field of the wrong type. Value checks then run only on
# the fields whose type is right, so a wrong type never reaches a comparison.

Check = Callable[[str, object, list[FieldProblem]], bool]
Specs = tuple[tuple[str, Check], ...]
NO_PROBLEMS: frozenset[str] = frozenset()
finite = math.isfinite


def is_bool(path: str, value: object, out: list[FieldProblem]) -> bool:
    if value is True or value is False:
        return True
    out.append(FieldProblem(path, value, "must be true or false"))
    return False


def is_whole(path: str, value: object, out: list[FieldProblem]) -> bool:
    if isinstance(value, int) and not isinstance(value, bool | Enum):
        return True
    words = ", not a boolean" if isinstance(value, bool) else " (an int)"
    out.append(FieldProblem(path, value, f"must be a whole number{words}"))
    return False


def is_number(path: str, value: object, out: list[FieldProblem]) -> bool:
    if isinstance(value, bool):
        message = "must be a number, not a boolean"
    elif isinstance(value, Enum) or not isinstance(value, int | float):
        message = "must be a number (an int or a float)"
    elif isinstance(value, float) and not finite(value):
        message = "must be a finite number (not NaN or infinity)"
    else:
        return True
    out.append(FieldProblem(path, value, message))
    return False


def is_date(path: str, value: object, out: list[FieldProblem]) -> bool:
    if isinstance(value, date) and not isinstance(value, datetime):
        return True
    message = (
        "must be a date, not a datetime"
        if isinstance(value, datetime)
        else "must be a date (datetime.date)"
    )
    out.append(FieldProblem(path, value, message))
    return False


def is_datetime(path: str, value: object, out: list[FieldProblem]) -> bool:
    if isinstance(value, datetime):
        return True
    out.append(FieldProblem(path, value, "must be a datetime (datetime.datetime) with a time zone"))
    return False


def member_of(kind: type[Enum]) -> Check:
    values = [m.value for m in kind]
    allowed = ", ".join(repr(v) for v in values)

    def check(path: str, value: object, out: list[FieldProblem]) -> bool:
        if isinstance(value, kind):
            return True
        message = f"must be a member of {kind.__name__}, one of {allowed}"
        if isinstance(value, str) and value in values:
            message += f"; a plain string is not converted: pass {kind.__name__}({value!r})"
        out.append(FieldProblem(path, value, message))
        return False

    return check


def instance_of(cls: type) -> Check:
    message = f"must be {article(cls.__name__)}"

    def check(path: str, value: object, out: list[FieldProblem]) -> bool:
        if isinstance(value, cls):
            return True
        out.append(FieldProblem(path, value, message))
        return False

    return check


def tuple_of(cls: type) -> Check:
    message = f"must be a tuple (or a list) of {cls.__name__}"
    item_message = f"must be {article(cls.__name__)}"

    def check(path: str, value: object, out: list[FieldProblem]) -> bool:
        if not isinstance(value, tuple):
            out.append(FieldProblem(path, value, message))
            return False
        ok = True
        for i, item in enumerate(value):
            if not isinstance(item, cls):
                out.append(FieldProblem(f"{path}[{i}]", item, item_message))
                ok = False
        return ok

    return check


def optional(check: Check) -> Check:
    def optional(path: str, value: object, out: list[FieldProblem]) -> bool:
        return value is None or check(path, value, out)

    return optional


def check_noc(checks: Checks, path: str, noc: object) -> None:
    if type(noc) is str and noc in unit_groups():  # every unit group is a valid code
        return
    if not isinstance(noc, str):  # the type before the format
        checks.require(False, path, noc, f"must be a string, not {type_words(noc)}: {NOC_TEXT}")
        return
    ok = len(noc) == 5 and noc.isdigit() and noc[1] in "012345"
    checks.require(
        ok,
        path,
        noc,
        "must be a 5-digit NOC 2021 code whose 2nd digit (the TEER) is 0-5",
    )
    if ok:
        checks.require(
            noc in unit_groups(),
            path,
            noc,
            f"is not a unit group of {NOC_VERSION}",
        )


def noc_teer(noc: str) -> Teer:
    """The TEER of a NOC 2021 code: its second digit.

    >>> noc_teer("21231")
    <Teer.TEER_1: 1>
    """
    found = _TEER_OF_DIGIT.get(noc[1])
    return Teer(int(noc[1])) if found is None else found


_TEER_OF_DIGIT = {str(t.value): t for t in Teer}


def is_string(path: str, value: object, out: list[FieldProblem]) -> bool:
    if isinstance(value, str):
        return True
    out.append(FieldProblem(path, value, "must be a string"))
    return False
