"""JSON Schema (draft 2020-12) of the profile format and of JSON outputs, from the models.

A web form or another language's client can check a profile's shape before
sending it: every key, its type, which keys are required, each enum's values,
and the limits a field obeys alone (a NOC code's five digits, hours in a week,
the number of children). What several fields decide together (a score on the
scale of its test on its test date, a spouse exactly when married, a date
after the birth) only the library checks: a profile the schema accepts can
still be refused, with a message naming the field, never the other way round.

The schema is built from the models' own fields (their types and defaults), so
it cannot drift from what :func:`~expressentry.from_json` reads; the copy
shipped in the package (``expressentry/schemas/profile.schema.json``) is this
output, and a test keeps them equal. ``expressentry schema profile`` prints it.

The JSON outputs of ``score`` and ``eligibility`` (:func:`~expressentry.to_json`
of a :class:`~expressentry.explain.CrsBreakdown` or an
:class:`~expressentry.EligibilityReport`, which ``--format json`` prints) have a
schema each, generated from their result classes: every key always written, no
other (``expressentry schema score``). The plan's form, which its
``as_dict()`` writes by hand, has one written from that method, its enums the
library's own (``expressentry schema plan``).

>>> s = profile_schema()
>>> s["$schema"]
'https://json-schema.org/draft/2020-12/schema'
>>> s["required"]
['date_of_birth', 'education']
>>> s["$defs"]["WorkPeriod"]["properties"]["noc"]["pattern"]
'^[0-9]{5}$'
"""

from __future__ import annotations

import enum
import json
import types
import typing
from datetime import date, datetime
from importlib import resources
from typing import Any, Final

import attrs

from expressentry.eligibility import EligibilityReport
from expressentry.enums import CategoryId, CrsSection, Program
from expressentry.errors import FieldProblem, InvalidInputError
from expressentry.explain import CrsBreakdown
from expressentry.i18n import tr
from expressentry.models import (
    Candidate,
    Education,
    JobOffer,
    LanguageResult,
    PoliceCertificate,
    Spouse,
    WorkHistory,
    WorkPeriod,
)
from expressentry.models._fields import HOURS_IN_A_WEEK
from expressentry.planner.options import ChangeKind
from expressentry.plausibility import MOST_DEPENDENT_CHILDREN
from expressentry.rules.language_tables import CHARTS, SCORE_ORDER
from expressentry.serialization import is_reviewed

__all__ = ["DIALECT", "SCHEMAS", "profile_schema", "schema", "shipped_schema"]

DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect of every schema here."""

SCHEMAS: Final = ("profile", "score", "eligibility", "plan")
"""The schemas :func:`schema` gives, by name: the profile, then each JSON output."""

_ID: Final = "urn:expressentry:schema:{name}"

_DAY: Final = {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
_MOMENT: Final = {
    "type": "string",
    "format": "date-time",
    # a time zone is required: an offset or Z
    "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?"
    r"(Z|[+-][0-9]{2}:[0-9]{2})$",
}
_NOC: Final = {"pattern": "^[0-9]{5}$"}

_LIMITS: Final[dict[tuple[type, str], dict[str, Any]]] = {
    (WorkPeriod, "noc"): _NOC,
    (JobOffer, "noc"): _NOC,
    (Candidate, "certificate_noc"): _NOC,
    (WorkPeriod, "hours_per_week"): {"exclusiveMinimum": 0, "maximum": HOURS_IN_A_WEEK},
    (Candidate, "dependent_children"): {"minimum": 0, "maximum": MOST_DEPENDENT_CHILDREN},
    (Candidate, "settlement_funds"): {"minimum": 0},
    (PoliceCertificate, "country"): {"pattern": "^[A-Z]{2}$", "not": {"const": "CA"}},
}
"""What a field obeys alone beyond its type: the models' own field checks, as JSON Schema."""

_MODELS: Final = (Education, LanguageResult, WorkPeriod, JobOffer, PoliceCertificate, Spouse)
"""The nested models, each a definition (``$defs``) of the profile's schema."""


def _value(v: object) -> object:
    """A default as JSON writes it."""
    if isinstance(v, enum.Enum):
        return v.value
    if isinstance(v, WorkHistory):
        return [_value(p) for p in v.periods]
    if isinstance(v, tuple):
        return [_value(x) for x in v]
    return v


_SCALARS: Final[dict[object, dict[str, Any]]] = {
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    float: {"type": "number"},
    str: {"type": "string"},
    date: _DAY,
    datetime: _MOMENT,
}
"""Each plain type a model's field holds, as JSON writes it (an int is a number too)."""


def _type(kind: object, owner: type, name: str, refs: set[type] | None = None) -> dict[str, Any]:
    """The schema of a field of type ``kind`` (``name`` of ``owner``, for its limits).

    The models a field refers to are added to ``refs`` (they become ``$defs``).
    """
    args = typing.get_args(kind)
    if isinstance(kind, types.UnionType):
        (only,) = [a for a in args if a is not type(None)]
        return {"anyOf": [_type(only, owner, name, refs), {"type": "null"}]}
    if typing.get_origin(kind) is tuple:
        return _tuple(args, owner, name, refs)
    if kind is WorkHistory:  # written as its list of periods
        if refs is not None:
            refs.add(WorkPeriod)
        return {"type": "array", "items": {"$ref": "#/$defs/WorkPeriod"}}
    if isinstance(kind, type) and attrs.has(kind):
        if refs is not None:
            refs.add(kind)
        return {"$ref": f"#/$defs/{kind.__name__}"}
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return {"enum": [m.value for m in kind]}
    scalar = _SCALARS.get(kind)
    if scalar is None:
        msg = f"no JSON Schema for {kind!r} ({owner.__name__}.{name})"
        raise TypeError(msg)
    return {**scalar, **_LIMITS.get((owner, name), {})}


def _tuple(args: tuple[Any, ...], owner: type, name: str, refs: set[type] | None) -> dict[str, Any]:
    """A tuple as JSON writes it: an array, of one kind (``tuple[X, ...]``) or fixed."""
    if len(args) == 2 and args[1] is Ellipsis:
        return {"type": "array", "items": _type(args[0], owner, name, refs)}
    items = [_type(a, owner, name, refs) for a in args]
    return {"type": "array", "prefixItems": items, "items": False}


def _scales() -> list[dict[str, Any]]:
    """Each test's scores on its scales: the widest of its charts, whatever the test date.

    A test whose scale changed (TEF Canada in 2019) gets the union of its
    scales, so no score valid on some test date is refused; the library reads
    the score on the chart of its own test date.
    """
    out: list[dict[str, Any]] = []
    for test, timeline in CHARTS.items():
        scores: dict[str, Any] = {}
        for ability in SCORE_ORDER:
            scales = [entry.value.scales[ability] for entry in timeline.entries]
            low, high = min(x.low for x in scales), max(x.high for x in scales)
            limits: dict[str, Any] = {"minimum": low, "maximum": high}
            steps = {x.step for x in scales}
            if len(steps) == 1 and all(x.low % x.step == 0 for x in scales):
                limits["multipleOf"] = steps.pop()
            scores[ability.value] = limits
        out.append(
            {
                "if": {"properties": {"test": {"const": test.value}}, "required": ["test"]},
                "then": {"properties": scores},
            }
        )
    return out


def _object(cls: type) -> dict[str, Any]:
    """The schema of one model: its init fields, those without a default required."""
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for a in attrs.fields(cls):
        if not a.init:
            continue
        prop = _type(hints[a.name], cls, a.name)
        if a.default is attrs.NOTHING:
            required.append(a.alias)
        else:
            prop = {**prop, "default": _value(a.default)}
        properties[a.alias] = prop
    out: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        out["required"] = required
    out["additionalProperties"] = False
    if cls is LanguageResult:
        out["allOf"] = _scales()
    return out


def _output_object(cls: type, refs: set[type]) -> dict[str, Any]:
    """The schema of a result as :func:`~expressentry.to_dict` writes it: every field, always.

    Fields the JSON form leaves out (``metadata={"json": False}``: what the
    library rebuilds, such as a line's message) are left out; a result dated
    against the rules' review day also writes its ``caveats``.
    """
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    for a in attrs.fields(cls):
        if a.metadata.get("json", True) is False or not a.init:
            continue
        properties[a.name] = _type(hints[a.name], cls, a.name, refs)
    if is_reviewed(cls):
        properties["caveats"] = {"type": "array", "items": {"type": "string"}}
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def _output_schema(name: str, cls: type, title: str) -> dict[str, Any]:
    refs: set[type] = set()
    top = _output_object(cls, refs)
    defs: dict[str, Any] = {}
    done: set[type] = set()
    while refs - done:
        for kind in sorted(refs - done, key=lambda k: k.__name__):
            done.add(kind)
            defs[kind.__name__] = _output_object(kind, refs)
    return {
        "$schema": DIALECT,
        "$id": _ID.format(name=name),
        "title": title,
        **top,
        "$defs": dict(sorted(defs.items())),
    }


def _enum(kind: type[enum.Enum]) -> dict[str, Any]:
    return {"enum": [m.value for m in kind]}


def _array(items: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": items}


def _closed(properties: dict[str, Any]) -> dict[str, Any]:
    """An object with exactly these keys, each always written."""
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


_NULL: Final = {"type": "null"}
_INT: Final = {"type": "integer"}
_TEXT: Final = {"type": "string"}
_CHANCE: Final = {"anyOf": [{"type": "number", "minimum": 0, "maximum": 1}, _NULL]}
_REVIEW: Final = {"rules_reviewed_on": _DAY, "caveats": _array(_TEXT)}


def _plan_schema() -> dict[str, Any]:
    """The plan's JSON form (:meth:`~expressentry.planner.results.ImprovementPlan.as_dict`).

    Written by hand from that method, which writes the form by hand (a report:
    the changed profiles are left out); its enums come from the library's own.
    """
    line = _closed(
        {
            "section": _enum(CrsSection),
            "factor": _TEXT,
            "before": _INT,
            "after": _INT,
            "change": _INT,
            "reason": _TEXT,
        }
    )
    chance = _closed({"round_type": _TEXT, "before": _CHANCE, "after": _CHANCE})
    change = _closed(
        {
            "kind": _enum(ChangeKind),
            "description": _TEXT,
            "steps": _array(_TEXT),
            "day": _DAY,
            "total_before": _INT,
            "total": _INT,
            "gain": _INT,
            "sections": {
                "type": "object",
                "propertyNames": _enum(CrsSection),
                "additionalProperties": _INT,
            },
            "lines": _array({"$ref": "#/$defs/LineChange"}),
            "capped_by": _array(_TEXT),
            "why_nothing": {"anyOf": [_TEXT, _NULL]},
            "programs_opened": _array(_enum(Program)),
            "programs_closed": _array(_enum(Program)),
            "categories_opened": _array(_enum(CategoryId)),
            "categories_closed": _array(_enum(CategoryId)),
            "chances": _array({"$ref": "#/$defs/ChanceChange"}),
            "decision": {"type": "boolean"},
        }
    )
    loss = _closed(
        {
            "day": _DAY,
            "total_before": _INT,
            "total": _INT,
            "points": _INT,
            "description": _TEXT,
            "programs_closed": _array(_enum(Program)),
            "categories_closed": _array(_enum(CategoryId)),
        }
    )
    one = {"$ref": "#/$defs/Improvement"}
    plan = _closed(
        {
            "as_of": _DAY,
            "end": _DAY,
            "total": _INT,
            "chances": _array(_closed({"round_type": _TEXT, "chance": _CHANCE})),
            "improvements": _array(one),
            "improvements_found": {"type": "integer", "minimum": 0},
            "best_pair": {"anyOf": [one, _NULL]},
            "best_triple": {"anyOf": [one, _NULL]},
            "worth_nothing": _array(one),
            "pool_exit": {"anyOf": [_DAY, _NULL]},
            "losses": _array({"$ref": "#/$defs/Loss"}),
            **_REVIEW,
        }
    )
    return {
        "$schema": DIALECT,
        "$id": _ID.format(name="plan"),
        "title": "Improvement plan (expressentry plan --format json)",
        **plan,
        "$defs": {
            "ChanceChange": chance,
            "Improvement": change,
            "LineChange": line,
            "Loss": loss,
        },
    }


_OUTPUTS: Final = {
    "score": (CrsBreakdown, "CRS breakdown (expressentry score --format json)"),
    "eligibility": (
        EligibilityReport,
        "Eligibility report (expressentry eligibility --format json)",
    ),
}
"""The JSON outputs whose schema is generated from their result class."""


def profile_schema() -> dict[str, Any]:
    """The JSON Schema of a profile (:class:`~expressentry.models.Candidate`'s JSON form)."""
    return {
        "$schema": DIALECT,
        "$id": _ID.format(name="profile"),
        "title": "Express Entry profile (expressentry)",
        "description": (
            "A candidate's profile as expressentry reads it. Shapes, types and single-field "
            "limits only: the library checks what fields decide together."
        ),
        **_object(Candidate),
        "$defs": {cls.__name__: _object(cls) for cls in _MODELS},
    }


def _name(name: object, where: str) -> str:
    if not isinstance(name, str) or name not in SCHEMAS:
        words = ", ".join(SCHEMAS)
        raise InvalidInputError(
            where, [FieldProblem("name", name, tr("must be one of {known}", known=words))]
        )
    return name


def schema(name: str) -> dict[str, Any]:
    """The schema called ``name`` (one of :data:`SCHEMAS`), generated from the models.

    Raises:
        InvalidInputError: ``name`` is not one of :data:`SCHEMAS`.
    """
    name = _name(name, "schema")
    if name == "profile":
        return profile_schema()
    if name == "plan":
        return _plan_schema()
    cls, title = _OUTPUTS[name]
    return _output_schema(name, cls, title)


def shipped_schema(name: str) -> dict[str, Any]:
    """The copy of a schema shipped in the package (``schemas/NAME.schema.json``).

    Raises:
        InvalidInputError: ``name`` is not one of :data:`SCHEMAS`.
    """
    name = _name(name, "shipped_schema")
    text = (
        resources.files("expressentry")
        .joinpath(f"schemas/{name}.schema.json")
        .read_text(encoding="utf-8")
    )
    found: dict[str, Any] = json.loads(text)
    return found
