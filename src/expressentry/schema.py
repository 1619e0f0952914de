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

Every JSON output has a schema (:data:`SCHEMAS` names them): every key always
written required, no other allowed. Those of ``score`` and ``eligibility``
(:func:`~expressentry.to_json` of a :class:`~expressentry.explain.CrsBreakdown`
or an :class:`~expressentry.EligibilityReport`, which ``--format json`` prints)
and the parts of ``timeline`` are generated from their result classes; the forms
written by hand (an ``as_dict()``: ``plan``, ``outlook``, ``compare``,
``backtest``, a round; or the command line: ``simulate``, a pool's JSON lines)
have schemas written from that code, their enums the library's own.

A profile and every output carry their form's version, ``format``
(:data:`FORMATS`): ``"expressentry-profile/1"``, ``"expressentry-score/1"``...

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

from expressentry._formats import FORMATS as _FORMATS
from expressentry._formats import VERSIONS
from expressentry.draws.clearance import Clearance
from expressentry.draws.records import POOL_BANDS, RoundKind
from expressentry.eligibility import EligibilityReport
from expressentry.eligibility.report import Verdict
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
from expressentry.timelines.documents import Validity
from expressentry.timelines.forecast import Forecast
from expressentry.timelines.readiness import Readiness

__all__ = ["DIALECT", "FORMATS", "SCHEMAS", "profile_schema", "schema", "shipped_schema"]

DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect of every schema here."""

SCHEMAS: Final = tuple(VERSIONS)
"""The schemas :func:`schema` gives, by name: the profile, then each JSON output.

``profile``, ``score``, ``eligibility``, ``plan``, ``outlook``, ``compare``,
``backtest``, ``rounds``, ``timeline``, ``simulate``, then the rows of a pool:
``score-row``, ``eligibility-row``, ``plan-row`` (one JSON line each).
"""

FORMATS: Final[dict[str, str]] = dict(_FORMATS)
"""Each schema's name and the ``format`` its JSON carries, ``"expressentry-NAME/VERSION"``.

Every JSON output writes it first; a profile may leave it out (it then means
``expressentry-profile/1``), and one of another format is refused, naming
``$.format``. The version is raised only when a form changes so that an old
reader would misread it.

>>> FORMATS["profile"], FORMATS["score-row"]
('expressentry-profile/1', 'expressentry-score-row/1')
"""

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
    """The schema of one model: its init fields, those without a default required.

    A profile may give its ``format`` (left out, it means the current one).
    """
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    if cls is Candidate:
        properties["format"] = {"const": _FORMATS["profile"], "default": _FORMATS["profile"]}
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
    # a profile held in a result is written as one, with its format
    form = _FORMATS["profile"] if cls is Candidate else getattr(cls, "JSON_FORMAT", None)
    if form is not None:
        properties["format"] = {"const": form}
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


def _defs(refs: set[type]) -> dict[str, Any]:
    """The definitions of the results in ``refs`` and of those they refer to, by name."""
    defs: dict[str, Any] = {}
    done: set[type] = set()
    while refs - done:
        for kind in sorted(refs - done, key=lambda k: k.__name__):
            done.add(kind)
            defs[kind.__name__] = _output_object(kind, refs)
    return dict(sorted(defs.items()))


def _output_schema(name: str, cls: type, title: str) -> dict[str, Any]:
    refs: set[type] = set()
    top = _output_object(cls, refs)
    return {
        "$schema": DIALECT,
        "$id": _ID.format(name=name),
        "title": title,
        **top,
        "$defs": _defs(refs),
    }


def _timeline_schema() -> dict[str, Any]:
    """``timeline --format json``: the documents, the forecast, and readiness (``--ita`` only).

    The three parts are :func:`~expressentry.to_dict` of their results,
    generated from their classes.
    """
    refs: set[type] = {Validity, Forecast, Readiness}
    top = _closed(
        {
            "format": {"const": _FORMATS["timeline"]},
            "validity": {"$ref": "#/$defs/Validity"},
            "forecast": {"$ref": "#/$defs/Forecast"},
            "readiness": {"$ref": "#/$defs/Readiness"},
        }
    )
    top["required"] = ["format", "validity", "forecast"]
    return _titled(
        "timeline", "Documents and forecast (expressentry timeline --format json)", top, _defs(refs)
    )


def _titled(name: str, title: str, top: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    return {"$schema": DIALECT, "$id": _ID.format(name=name), "title": title, **top, "$defs": defs}


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


def _plan_parts() -> tuple[dict[str, Any], dict[str, Any]]:
    """The plan's JSON form and its definitions (see :func:`_plan_schema`)."""
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
            "format": {"const": _FORMATS["plan"]},
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
    defs = {"ChanceChange": chance, "Improvement": change, "LineChange": line, "Loss": loss}
    return plan, defs


def _plan_schema() -> dict[str, Any]:
    """The plan's JSON form (:meth:`~expressentry.planner.results.ImprovementPlan.as_dict`).

    Written by hand from that method, which writes the form by hand (a report:
    the changed profiles are left out); its enums come from the library's own.
    """
    plan, defs = _plan_parts()
    return _titled("plan", "Improvement plan (expressentry plan --format json)", plan, defs)


_NUMBER: Final = {"type": "number"}
_BOOL: Final = {"type": "boolean"}
_COUNT: Final = {"type": "integer", "minimum": 0}
_SHARE: Final = {"type": "number", "minimum": 0, "maximum": 1}


def _or_null(kind: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [kind, _NULL]}


def _format(name: str) -> dict[str, Any]:
    return {"format": {"const": _FORMATS[name]}}


def _by(keys: type[enum.Enum], values: dict[str, Any]) -> dict[str, Any]:
    """An object whose keys are values of ``keys``, each holding ``values``."""
    return {"type": "object", "propertyNames": _enum(keys), "additionalProperties": values}


def _backtest_row() -> dict[str, Any]:
    """A row of the backtest (``_row_dict`` of :mod:`expressentry.draws.cutoffs`)."""
    return _closed(
        {
            "round_type": _TEXT,
            "rounds": _COUNT,
            "estimate_mae": _NUMBER,
            "baseline_mae": _NUMBER,
            "intervals": _COUNT,
            "covered": _COUNT,
            "coverage": _or_null(_SHARE),
            "better_than_baseline": _BOOL,
            "too_few": _BOOL,
            "verdict": _TEXT,
        }
    )


def _outlook_schema() -> dict[str, Any]:
    """``outlook --format json`` (:meth:`~expressentry.draws.prospects.Outlook.as_dict`)."""
    check = _closed(
        {
            "number": _TEXT,
            "date": _DAY,
            "cutoff": _INT,
            "tie_break": _or_null(_MOMENT),
            "clearance": _enum(Clearance),
            "in_pool": _BOOL,
            "before_submission": _BOOL,
            "expired_on": _or_null(_DAY),
        }
    )
    backtest = _closed(
        {
            "rounds": _COUNT,
            "estimate_mae": _NUMBER,
            "baseline_mae": _NUMBER,
            "better_than_baseline": _BOOL,
            "verdict": _TEXT,
        }
    )
    line = _closed(
        {
            "round_type": _TEXT,
            "verdict": _or_null(_enum(Verdict)),
            "rounds": _array({"$ref": "#/$defs/RoundCheck"}),
            "rounds_in_pool": _COUNT,
            "out_of_pool": _COUNT,
            "cleared": _COUNT,
            "above": _COUNT,
            "at_cutoff": _COUNT,
            "ties_won": _COUNT,
            "ties_lost": _COUNT,
            "ties_open": _COUNT,
            "invited": _COUNT,
            "rounds_of_type": _COUNT,
            "estimate": _or_null(_NUMBER),
            "interval": _or_null(
                {"type": "array", "prefixItems": [_NUMBER, _NUMBER], "items": False}
            ),
            "next_day": _or_null(_DAY),
            "chance": _or_null(_SHARE),
            "tie_chance": _SHARE,
            "baseline": _or_null(_INT),
            "backtest": _or_null({"$ref": "#/$defs/LineBacktest"}),
        }
    )
    lines = _array({"$ref": "#/$defs/OutlookLine"})
    top = _closed(
        {
            **_format("outlook"),
            "as_of": _DAY,
            "score": _INT,
            "last": _COUNT,
            "submitted_on": _or_null(_DAY),
            "pool_exit": _or_null(_DAY),
            "in_pool": _BOOL,
            "lines": lines,
            "unjudged": lines,
            **_REVIEW,
        }
    )
    defs = {"LineBacktest": backtest, "OutlookLine": line, "RoundCheck": check}
    return _titled("outlook", "Outlook (expressentry outlook --format json)", top, defs)


def _compare_schema() -> dict[str, Any]:
    """``compare --format json`` (:meth:`~expressentry.planner.compare.Comparison.as_dict`)."""
    column = _closed(
        {
            "name": _TEXT,
            "as_of": _DAY,
            "edition": _TEXT,
            "with_spouse": _BOOL,
            "total": _INT,
            "subtotals": _by(CrsSection, _INT),
            "eligible_programs": _array(_enum(Program)),
            "eligible_categories": _array(_enum(CategoryId)),
            **_REVIEW,
        }
    )
    row = _closed(
        {
            "section": _enum(CrsSection),
            "factor": _TEXT,
            "points": _array(_INT),
            "reasons": _array(_or_null(_TEXT)),
            "rules": _array(_or_null(_TEXT)),
            "differs": _BOOL,
        }
    )
    subtotal = _closed({"section": _enum(CrsSection), "points": _array(_INT), "differs": _BOOL})
    top = _closed(
        {
            **_format("compare"),
            "columns": _array({"$ref": "#/$defs/Column"}),
            "rows": _array({"$ref": "#/$defs/Row"}),
            "subtotals": _array({"$ref": "#/$defs/Subtotal"}),
            "totals": _array(_INT),
            "differing": _COUNT,
            "caveats": _array(_TEXT),
        }
    )
    defs = {"Column": column, "Row": row, "Subtotal": subtotal}
    return _titled("compare", "Comparison (expressentry compare --format json)", top, defs)


def _backtest_schema() -> dict[str, Any]:
    """``backtest --format json`` (:meth:`~expressentry.draws.cutoffs.Backtest.as_dict`)."""
    reliability = _closed(
        {
            "low": _SHARE,
            "high": _SHARE,
            "cases": _COUNT,
            "mean_chance": _SHARE,
            "invited": _SHARE,
        }
    )
    bins = _array({"$ref": "#/$defs/Reliability"})
    chances = _closed(
        {
            "rounds": _COUNT,
            "cases": _COUNT,
            "span": _COUNT,
            "brier": _NUMBER,
            "naive_brier": _NUMBER,
            "better_than_naive": _BOOL,
            "reliability": bins,
            "naive_reliability": bins,
        }
    )
    top = _closed(
        {
            **_format("backtest"),
            "method": _TEXT,
            "first_day": _or_null(_DAY),
            "last_day": _or_null(_DAY),
            "since": _or_null(_DAY),
            "skipped": _COUNT,
            "rows": _array({"$ref": "#/$defs/Row"}),
            "worse_or_equal": _array(_TEXT),
            "chances": {"$ref": "#/$defs/Chances"},
            **_REVIEW,
        }
    )
    defs = {"Chances": chances, "Reliability": reliability, "Row": _backtest_row()}
    return _titled("backtest", "Backtest (expressentry backtest --format json)", top, defs)


_UTC: Final = {
    "type": "string",
    "format": "date-time",
    "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$",
}


def _rounds_schema() -> dict[str, Any]:
    """``rounds --format json``: each :meth:`~expressentry.draws.records.Round.as_dict`."""
    pool = {f"pool_{b.low}_{b.high}": _or_null(_COUNT) for b in POOL_BANDS}
    row = _closed(
        {
            "number": _TEXT,
            "date": _DAY,
            "held_at": _or_null(_UTC),
            "kind": _enum(RoundKind),
            "round_type": _TEXT,
            "category_version": _or_null(_TEXT),
            "name": _TEXT,
            "invitations": _COUNT,
            "cutoff": _INT,
            "tie_break": _or_null(_UTC),
            "distribution_as_of": _or_null(_DAY),
            **pool,
            "pool_total": _or_null(_COUNT),
            "quirks": _TEXT,
        }
    )
    top = _closed({**_format("rounds"), "rounds": _array({"$ref": "#/$defs/Round"})})
    return _titled("rounds", "Rounds (expressentry rounds --format json)", top, {"Round": row})


def _simulate_schema() -> dict[str, Any]:
    """``simulate --format json``, written by the command line itself."""
    lines = _array({"type": "integer", "minimum": 1})
    top = _closed(
        {
            **_format("simulate"),
            "as_of": _DAY,
            "type": _TEXT,
            "size": {"type": "integer", "minimum": 1},
            "cutoff": _or_null(_INT),
            "tie_break": _or_null(_MOMENT),
            "last_invited": _or_null(_MOMENT),
            "at_cutoff_left_out": _closed(
                {
                    "total": _COUNT,
                    "after_second": _COUNT,
                    "within_second": _COUNT,
                    "same_instant": _COUNT,
                }
            ),
            "invited": _array(
                _closed({"rank": {"type": "integer", "minimum": 1}, "line": _INT, "crs": _INT})
            ),
            "not_in_pool": _closed({"submitted_after": lines, "expired": lines}),
            "bad_lines": lines,
            **_REVIEW,
        }
    )
    return _titled("simulate", "A round over a pool (expressentry simulate --format json)", top, {})


_ROW_FRONT: Final = {
    "line": {"type": "integer", "minimum": 1},
    "id": {"anyOf": [_TEXT, _INT, _NULL]},
}
"""What starts each row of a pool: the line's number and the client's id."""


def _row_schema(name: str) -> dict[str, Any]:
    """A JSON line of ``score``, ``eligibility`` or ``plan`` on a pool (``_shards``)."""
    command = name.removesuffix("-row")
    title = f"A row of {command} on a pool (expressentry {command} POOL.jsonl)"
    if command == "plan":
        plan, defs = _plan_parts()
        top = _closed({**_format(name), **_ROW_FRONT, **plan["properties"], **_format(name)})
        return _titled(name, title, top, defs)
    day = {"as_of": _DAY}
    if command == "score":
        fields: dict[str, Any] = {
            "total": _INT,
            **{s.value: _INT for s in CrsSection},
            "in_pool": _or_null(_BOOL),
            "next_expiry": _or_null(_DAY),
            "next_expiry_document": _or_null(_TEXT),
        }
    else:
        unmet = _closed({"requirement": _TEXT, "shortfall": _TEXT})
        fields = {
            "programs": _by(Program, _enum(Verdict)),
            "categories": _by(CategoryId, _enum(Verdict)),
            "unmet": _by(Program, unmet),
        }
    top = _closed({**_format(name), **_ROW_FRONT, **day, **fields, **_REVIEW})
    return _titled(name, title, top, {})


_HAND_WRITTEN: Final = {
    "plan": _plan_schema,
    "outlook": _outlook_schema,
    "compare": _compare_schema,
    "backtest": _backtest_schema,
    "rounds": _rounds_schema,
    "simulate": _simulate_schema,
    "timeline": _timeline_schema,
}
"""The schemas of the forms written by hand (``as_dict``, the command line), and the timeline's."""


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
    hand = _HAND_WRITTEN.get(name)
    if hand is not None:
        return hand()
    if name.endswith("-row"):
        return _row_schema(name)
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
