"""How the models check their fields: every problem of an object, collected then raised.

The models are the one place a field is checked, whichever way its value arrives:
a Python constructor, ``attrs.evolve`` or JSON (:mod:`expressentry.serialization`
only turns JSON's shapes into model calls, and adds the JSON path to the models'
messages). So a value gets the same words either way. (A profile read from JSON
that is plainly valid is built in one pass by :mod:`expressentry._fastread`, which
checks what the constructors check and leaves everything else to them: no value
it accepts could get a word from them.)

Each model lists its **field checks** (``field_checks``): per field, its type and
the rules that field obeys on its own (hours in a week, a NOC code, the number of
children); what several fields decide together (an end after a start, a score on
the scale of its test) is checked by the model's ``__attrs_post_init__``. Types are
checked first, in one cheap expression per model; only when that fails do the
field checks name each field of the wrong type, so a wrong type never reaches a
comparison.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, datetime
from enum import Enum

from expressentry._checks import NOC_TEXT, a_kind, type_message
from expressentry.enums import (
    Teer,
)
from expressentry.errors import FieldProblem, InvalidInputError, render_value
from expressentry.i18n import Message, tr
from expressentry.noc import NOC_VERSION, unit_groups
from expressentry.plausibility import (
    COUNTRY_CODE,
    DEPENDENT_CHILDREN,
    MOST_DEPENDENT_CHILDREN,
    is_country_code,
    tag,
)


class Checks:
    """Collects every problem of one object, then raises them together."""

    def __init__(self, owner: str) -> None:
        self.owner = owner
        self.problems: list[FieldProblem] = []

    def require(self, ok: bool, path: str, value: object, message: str | Message) -> None:
        if not ok:
            self.problems.append(FieldProblem(path, value, message))

    def done(self) -> None:
        if self.problems:
            raise InvalidInputError(self.owner, self.problems)

    def types(self, obj: object, specs: Specs) -> frozenset[str]:
        """Run the field check of every field in ``specs``; the names of the bad ones."""
        bad: list[str] = []
        for name, check in specs:
            if not check(name, getattr(obj, name), self.problems):
                bad.append(name)
        return frozenset(bad)

    def fields(self, obj: object, specs: Specs) -> None:
        """Run the field checks in ``specs``, of fields whose type is known right."""
        for name, check in specs:
            check(name, getattr(obj, name), self.problems)


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
    out.append(FieldProblem(path, value, tr("must be true or false")))
    return False


def is_whole(path: str, value: object, out: list[FieldProblem]) -> bool:
    if isinstance(value, int) and not isinstance(value, bool | Enum):
        return True
    if isinstance(value, bool):
        message = tr("must be a whole number, not a boolean")
    else:
        message = tr("must be a whole number")
    out.append(FieldProblem(path, value, message))
    return False


_MOST_BITS = 1000


def is_number(path: str, value: object, out: list[FieldProblem]) -> bool:
    if isinstance(value, bool):
        message = tr("must be a number, not a boolean")
    elif isinstance(value, Enum) or not isinstance(value, int | float):
        message = tr("must be a number")
    elif isinstance(value, float) and not finite(value):
        message = tr("must be a finite number")
    elif isinstance(value, int) and value.bit_length() > _MOST_BITS:
        # An int too big for a float would overflow in the first computation.
        message = tr("must be a number of a sensible size")
    else:
        return True
    out.append(FieldProblem(path, value, message))
    return False


def is_date(path: str, value: object, out: list[FieldProblem]) -> bool:
    if isinstance(value, date) and not isinstance(value, datetime):
        return True
    message = (
        tr("must be a date, not a datetime")
        if isinstance(value, datetime)
        else tr("must be a date (datetime.date)")
    )
    out.append(FieldProblem(path, value, message))
    return False


def is_datetime(path: str, value: object, out: list[FieldProblem]) -> bool:
    if isinstance(value, datetime):
        return True
    out.append(
        FieldProblem(path, value, tr("must be a datetime (datetime.datetime) with a time zone"))
    )
    return False


def member_of(kind: type[Enum]) -> Check:
    """A member of ``kind``. The message lists the values as JSON writes them.

    In Python, a plain string equal to a value is refused too, and the message says
    how to pass it (JSON's strings are converted before they reach a model).
    """
    values = [m.value for m in kind]
    known = ", ".join(render_value(v) for v in values)

    def check(path: str, value: object, out: list[FieldProblem]) -> bool:
        if isinstance(value, kind):
            return True
        message = tr("must be one of {known}", known=known)
        if isinstance(value, str) and value in values:
            call = f"{kind.__name__}({value!r})"
            message = tr(
                "must be one of {known}; a plain string is not converted: pass {call}",
                known=known,
                call=call,
            )
        out.append(FieldProblem(path, value, message))
        return False

    return check


def instance_of(cls: type) -> Check:
    def check(path: str, value: object, out: list[FieldProblem]) -> bool:
        if isinstance(value, cls):
            return True
        out.append(FieldProblem(path, value, tr("must be {kind}", kind=a_kind(cls.__name__))))
        return False

    return check


def tuple_of(cls: type) -> Check:
    name = cls.__name__

    def check(path: str, value: object, out: list[FieldProblem]) -> bool:
        if not isinstance(value, tuple):
            message = tr("must be a tuple (or a list) of {name}", name=name)
            out.append(FieldProblem(path, value, message))
            return False
        ok = True
        for i, item in enumerate(value):
            if not isinstance(item, cls):
                out.append(
                    FieldProblem(f"{path}[{i}]", item, tr("must be {kind}", kind=a_kind(name)))
                )
                ok = False
        return ok

    return check


def optional(check: Check) -> Check:
    def optional(path: str, value: object, out: list[FieldProblem]) -> bool:
        return value is None or check(path, value, out)

    return optional


# --- field checks: a type, then what the field obeys on its own ------------------------


def is_noc(path: str, noc: object, out: list[FieldProblem]) -> bool:
    """A NOC 2021 unit group code, such as ``"21231"``."""
    if type(noc) is str and noc in unit_groups():  # every unit group is a valid code
        return True
    if not isinstance(noc, str):  # the type before the format
        message = tr(
            "must be a string, not {kind}: {what}", kind=type_message(noc), what=tr(NOC_TEXT)
        )
        out.append(FieldProblem(path, noc, message))
    elif not (len(noc) == 5 and noc.isdigit() and noc[1] in "012345"):
        message = tr("must be a 5-digit NOC 2021 code whose 2nd digit (the TEER) is 0-5")
        out.append(FieldProblem(path, noc, message))
    elif noc not in unit_groups():
        out.append(FieldProblem(path, noc, tr("is not a unit group of {noc}", noc=NOC_VERSION)))
    else:  # pragma: no cover (a unit group returned above)
        return True
    return False


def check_noc(checks: Checks, path: str, noc: object) -> None:
    is_noc(path, noc, checks.problems)


HOURS_IN_A_WEEK = 168
"""The most paid hours a week can hold (7 days of 24 hours)."""


def hours_in_a_week(path: str, hours: object, out: list[FieldProblem]) -> bool:
    """Paid hours a week: more than 0 and at most :data:`HOURS_IN_A_WEEK`."""
    most = HOURS_IN_A_WEEK
    if (type(hours) is float or type(hours) is int) and 0 < hours <= most:
        return True  # the common case, in one test (NaN fails the comparison)
    if not is_number(path, hours, out):
        return False
    if 0 < hours <= most:  # type: ignore[operator]  # a number, checked above
        return True
    message = tr("must be more than 0 and at most {most} (the hours in a week)", most=most)
    out.append(FieldProblem(path, hours, message))
    return False


def children_count(path: str, children: object, out: list[FieldProblem]) -> bool:
    """Dependent children: a whole number, 0 to the plausible most."""
    if type(children) is int and 0 <= children <= MOST_DEPENDENT_CHILDREN:
        return True  # the common case, in one test
    if not is_whole(path, children, out):
        return False
    if children < 0:  # type: ignore[operator]  # a whole number, checked above
        out.append(FieldProblem(path, children, tr("must be 0 or more")))
    elif children > MOST_DEPENDENT_CHILDREN:  # type: ignore[operator]
        message = tr(
            "must be at most {most}: no applicant has more {rule}",
            most=MOST_DEPENDENT_CHILDREN,
            rule=tag(DEPENDENT_CHILDREN),
        )
        out.append(FieldProblem(path, children, message))
    else:
        return True
    return False


def dollars(path: str, amount: object, out: list[FieldProblem]) -> bool:
    """An amount of Canadian dollars: a whole number, 0 or more."""
    if type(amount) is int and amount >= 0:
        return True  # the common case, in one test
    if not is_whole(path, amount, out):
        return False
    if amount >= 0:  # type: ignore[operator]  # a whole number, checked above
        return True
    out.append(FieldProblem(path, amount, tr("must be 0 or more Canadian dollars")))
    return False


_COUNTRY_CODE_LENGTH = 2


def is_country(path: str, code: object, out: list[FieldProblem]) -> bool:
    """The ISO 3166-1 alpha-2 code of a country other than Canada, in capitals."""
    if is_country_code(code) and code != "CA":
        return True
    if not is_string(path, code, out):
        return False
    assert isinstance(code, str)  # noqa: S101 (checked above)
    ok = len(code) == _COUNTRY_CODE_LENGTH and code.isascii() and code.isalpha() and code.isupper()
    if not ok:
        out.append(
            FieldProblem(path, code, tr("must be an ISO 3166-1 alpha-2 code in capitals, e.g. IN"))
        )
    elif not is_country_code(code):
        message = tr(
            "is not the ISO 3166-1 alpha-2 code of a country {rule}", rule=tag(COUNTRY_CODE)
        )
        out.append(FieldProblem(path, code, message))
    else:
        message = tr("no police certificate is asked for Canada; leave it out")
        out.append(FieldProblem(path, code, message))
    return False


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
    out.append(FieldProblem(path, value, tr("must be a string")))
    return False
