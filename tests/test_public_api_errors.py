"""Every public function and constructor raises only the package's own errors.

The guarantee tested: whatever the type of an argument, a public callable of
``expressentry.__all__`` either returns or raises an
:class:`~expressentry.errors.ExpressEntryError`, never an ``AttributeError``, a
``TypeError`` or any other error from deep inside. Each callable gets one valid
call (a table below); then each of its arguments in turn is replaced by each
value of ``WRONG`` (None, booleans, ints, floats, strings, lists, dicts, bytes
and objects of the wrong class) and the call is made again.

The messages those errors carry are read too: none repeats a word ("at at"),
names an internal (underscored) class or shows a memory address.

Enum classes are left out: calling one looks a member up by value, and a value
that is no member raises Python's own ``ValueError`` (documented by :mod:`enum`).

Kind: property (fuzz by table) of user-facing behaviour.
"""

from __future__ import annotations

import atexit
import enum
import inspect
import math
import re
import shutil
import tempfile
from collections.abc import Callable
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import pytest

import expressentry as ee
from expressentry import (
    AddedFactor,
    Candidate,
    CrsSection,
    ExpressEntryError,
    InvalidInputError,
    RoundKind,
    RoundSpec,
    Source,
    WorkHistory,
    eligibility,
    noc,
    pools,
    rules,
    schema,
)
from expressentry.draws import PoolColumns, table
from expressentry.draws.pool import submission_micros
from expressentry.timelines import validity

AS_OF = date(2026, 11, 22)
PROFILE = ee.example_profile()
SOURCE = Source(id="test", title="A test", url="https://example.org", retrieved=AS_OF)


def _nothing(c: Candidate, as_of: date) -> tuple[int, str]:
    return 0, "nothing"


FACTOR = AddedFactor(
    rule_id="reform.test",
    section=CrsSection.ADDITIONAL,
    title="A test",
    points=_nothing,
    source=SOURCE,
)
HISTORY = ee.rounds()
RECENT = tuple(r for r in HISTORY if r.day.year == 2025)
WITH_DISTRIBUTION = next(r for r in reversed(RECENT) if r.distribution is not None)
POOL = ee.Pool([PROFILE])
FEED = str(resources.files("expressentry.data").joinpath("ee_rounds.json"))
SPEC = RoundSpec(day=date(2026, 9, 1), size=1, kind=RoundKind.GENERAL)  # in the pool that day


class Stranger:
    """An object of no class the package knows."""

    def __repr__(self) -> str:
        return "Stranger()"


WRONG: tuple[object, ...] = (
    None,
    True,
    0,
    -1,
    10**30,
    1.5,
    math.nan,
    "",
    "x",
    "2026-11-22",
    b"{}",
    [],
    [1, "a"],
    (None,),
    {},
    {"a": 1},
    Stranger(),
    datetime(2026, 11, 22, tzinfo=UTC),
    AS_OF,
    PROFILE,
    WorkHistory(),
    POOL,
    Path("no-such-file.json"),
)


def _sample(cls: type[Any], instance: object) -> tuple[tuple[object, ...], dict[str, object]]:
    """The keyword arguments that rebuild the attrs ``instance``."""
    fields = [f for f in attrs.fields(cls) if f.init]
    return (), {f.alias: getattr(instance, f.name) for f in fields}


def _examples() -> dict[str, Any]:
    """One instance of each result class, from the functions that make them."""
    breakdown = ee.score(PROFILE, as_of=AS_OF)
    report = ee.assess(PROFILE, as_of=AS_OF)
    fsw = next(p for p in report.programs if p.grid is not None)
    assert fsw.grid is not None
    back = ee.backtest(RECENT)
    look = ee.outlook(PROFILE, as_of=AS_OF, history=RECENT)
    future = ee.forecast(PROFILE, start=AS_OF, end=date(2028, 11, 22))
    event = future.events[0]
    selection = ee.select(POOL, SPEC)
    validity = ee.validity_on(PROFILE, as_of=AS_OF)
    mixed: list[Any] = [PROFILE, "x"]
    collected = ee.score_many(mixed, as_of=AS_OF, errors="collect")
    replayed = ee.replay_all([WITH_DISTRIBUTION])
    compared = ee.compare(PROFILE, ee.Scenario(PROFILE, name="again"), as_of=AS_OF)
    assert isinstance(collected, ee.PoolResult)
    plan = ee.improvements(PROFILE, as_of=AS_OF, history=RECENT)
    best = plan.improvements[0]
    return {
        "CrsBreakdown": breakdown,
        "PointLine": breakdown.lines[0],
        "Message": breakdown.lines[0].message,
        "RuleRef": breakdown.lines[0].rule,
        "EligibilityReport": report,
        "ProgramResult": fsw,
        "Requirement": fsw.requirements[0],
        "FswGrid": fsw.grid,
        "GridLine": fsw.grid.lines[0],
        "CategoryResult": report.categories[0],
        "Round": WITH_DISTRIBUTION,
        "PoolDistribution": WITH_DISTRIBUTION.distribution,
        "Backtest": back,
        "BacktestRow": back.overall,
        "ChanceScore": back.chances,
        "ReliabilityBin": back.chances.bins[0],
        "Prediction": back.predictions[0],
        "Estimate": back.predictions[0].estimate,
        "Outlook": look,
        "OutlookLine": look.lines[0],
        "RoundCheck": next(c for line in look.lines for c in line.checks),
        "RoundType": look.lines[0].round_type,
        "Forecast": future,
        "ForecastEvent": event,
        "ForecastState": event.before,
        "Verdicts": event.before.verdicts,
        "Milestone": event.milestones[0],
        "Selection": selection,
        "Invited": selection.invited[0],
        "RoundSpec": SPEC,
        "Validity": validity,
        "DocumentStatus": validity.documents[0],
        "PoolStatus": ee.pool_status(PROFILE, as_of=AS_OF),
        "Readiness": ee.ita_readiness(PROFILE, invited=AS_OF),
        "ReplayReport": replayed,
        "PoolResult": collected,
        "Failure": collected.failures[0],
        "Occupation": ee.occupation("21231"),
        "Category": ee.categories_in_force(as_of=AS_OF)[0],
        "RuleSet": ee.rules_for(as_of=AS_OF),
        "Source": SOURCE,
        "AddedFactor": FACTOR,
        "Experience": ee.canadian_experience(PROFILE.work_history, as_of=AS_OF),
        "FieldProblem": ee.FieldProblem("x", 1, "must be 2"),
        "Count": ee.Count(5000),
        "Candidate": PROFILE,
        "Education": PROFILE.education,
        "LanguageResult": PROFILE.languages[0],
        "Spouse": PROFILE.spouse,
        "JobOffer": PROFILE.job_offer,
        "WorkHistory": PROFILE.work_history,
        "WorkPeriod": PROFILE.work_history.periods[0],
        "PoliceCertificate": ee.PoliceCertificate(country="IN", issued=date(2025, 1, 1)),
        "Deadline": ee.ita_deadline(AS_OF),
        "EligibilityFlags": report.flags,
        "CrsBand": ee.draws.POOL_BANDS[0],
        "TrendPoint": next(iter(ee.trends(RECENT).values()))[0],
        "YearSummary": ee.yearly_summary(RECENT)[0],
        "RoundReplay": replayed.replays[0],
        "KindSummary": replayed.summary()[0],
        "ImprovementPlan": plan,
        "Improvement": best,
        "LineChange": best.lines[0],
        "ChanceChange": best.chances[0],
        "Loss": plan.losses[0],
        "Scenario": ee.Scenario(PROFILE, rules=ee.rules_for(as_of=AS_OF), as_of=AS_OF, name="B"),
        "Comparison": compared,
        "ComparisonColumn": compared.columns[0],
        "ComparisonRow": compared.rows[0],
        "ComparisonSubtotal": compared.subtotals[0],
    }


EXAMPLES = _examples()
RULES = EXAMPLES["RuleSet"]

CALLS: dict[str, tuple[tuple[object, ...], dict[str, object]]] = {
    "Pool": (([PROFILE],), {"submitted": None}),
    "Deadline": ((AS_OF, ee.ita_deadline(AS_OF).window), {}),
    "assess": ((PROFILE,), {"as_of": AS_OF, "rules": RULES}),
    "backtest": ((RECENT,), {"before": AS_OF}),
    "canadian_experience": ((PROFILE.work_history,), {"as_of": AS_OF}),
    "compare": ((PROFILE, PROFILE), {"as_of": AS_OF, "rules": RULES}),
    "categories_in_force": ((), {"as_of": AS_OF}),
    "categories_listing": (("31301",), {"as_of": AS_OF}),
    "estimate_cutoff": ((RECENT, ee.RoundType.parse("cec")), {"on": AS_OF}),
    "example_profile": ((), {}),
    "find_rounds": (
        (),
        {
            "kind": RoundKind.GENERAL,
            "program": None,
            "category": None,
            "since": date(2025, 1, 1),
            "until": AS_OF,
            "history": RECENT,
        },
    ),
    "forecast": ((PROFILE,), {"start": AS_OF, "end": date(2027, 11, 22), "ongoing": True}),
    "forecast_many": (([PROFILE],), {"start": AS_OF, "end": date(2027, 11, 22), "ongoing": True}),
    "foreign_experience": ((PROFILE.work_history,), {"as_of": AS_OF}),
    "from_dict": ((ee.to_dict(PROFILE), Candidate), {}),
    "from_json": ((ee.to_json(PROFILE), Candidate), {}),
    "fsw_grid": ((PROFILE,), {"as_of": AS_OF, "rules": RULES}),
    "is_trade": (("72310",), {"as_of": AS_OF}),
    "ita_deadline": ((AS_OF,), {}),
    "ita_readiness": ((PROFILE,), {"invited": AS_OF, "planned": None}),
    "load_rounds": ((FEED,), {"supplement": True}),
    "occupation": (("21231",), {}),
    "outlook": ((PROFILE,), {"as_of": AS_OF, "last": 3, "history": RECENT}),
    "improvements": (
        (PROFILE,),
        {"as_of": AS_OF, "rules": RULES, "months": 12, "chances": True, "history": RECENT},
    ),
    "improvements_many": (
        ([PROFILE],),
        {
            "as_of": AS_OF,
            "rules": RULES,
            "months": 12,
            "chances": True,
            "history": RECENT,
            "errors": "raise",
        },
    ),
    "pool_status": ((PROFILE,), {"as_of": AS_OF}),
    "replay": ((WITH_DISTRIBUTION,), {"seed": 1}),
    "report_html": ((PROFILE,), {"as_of": AS_OF, "ita": AS_OF, "rules": RULES, "lang": "en"}),
    "replay_all": (([WITH_DISTRIBUTION],), {"seed": 1}),
    "round_type_of": ((WITH_DISTRIBUTION,), {}),
    "rounds": ((), {}),
    "rules_for": ((), {"as_of": AS_OF}),
    "run_rounds": ((POOL, [SPEC]), {"rules": None, "rank_eligible_if": True}),
    "score": ((PROFILE,), {"as_of": AS_OF, "rules": RULES}),
    "score_many": (([PROFILE],), {"as_of": AS_OF, "rules": RULES, "errors": "raise"}),
    "select": ((POOL, SPEC), {"rules": None, "rank_eligible_if": True}),
    "to_dict": ((PROFILE,), {}),
    "to_json": ((PROFILE,), {"indent": 2}),
    "trends": ((RECENT,), {}),
    "validity_on": ((PROFILE,), {"invited": None, "as_of": AS_OF}),
    "yearly_summary": ((RECENT,), {}),
}
"""One valid call of each public function (and of the classes that are no attrs class)."""

METHODS: dict[str, tuple[Callable[..., object], tuple[object, ...], dict[str, object]]] = {
    "RuleSet.replace": (RULES.replace, ("crs.additional.sibling", 10), {"reform": "r"}),
    "RuleSet.zero": (RULES.zero, ("crs.additional.sibling",), {"reform": "r"}),
    "RuleSet.add_factor": (RULES.add_factor, (FACTOR,), {"reform": "r"}),
    "RuleSet.entry": (RULES.entry, ("crs.core.age",), {}),
    "CrsBreakdown.explain": (EXAMPLES["CrsBreakdown"].explain, (), {"lang": "fr", "width": 80}),
    "PointLine.text": (EXAMPLES["PointLine"].text, ("fr",), {}),
    "Message.render": (EXAMPLES["Message"].render, ("fr",), {}),
    "Count.render": (EXAMPLES["Count"].render, ("fr",), {}),
    "FieldProblem.render": (EXAMPLES["FieldProblem"].render, ("fr",), {}),
    "FieldProblem.at": (EXAMPLES["FieldProblem"].at, ("$.x",), {}),
    "EligibilityReport.explain": (EXAMPLES["EligibilityReport"].explain, (), {"lang": "fr"}),
    "ProgramResult.conditions_text": (EXAMPLES["ProgramResult"].conditions_text, ("fr",), {}),
    "Requirement.text": (EXAMPLES["Requirement"].text, ("fr",), {}),
    "Requirement.condition_text": (EXAMPLES["Requirement"].condition_text, ("fr",), {}),
    "GridLine.text": (EXAMPLES["GridLine"].text, ("fr",), {}),
    "CategoryResult.name_text": (EXAMPLES["CategoryResult"].name_text, ("fr",), {}),
    "CategoryResult.conditions_text": (EXAMPLES["CategoryResult"].conditions_text, ("fr",), {}),
    "Validity.explain": (EXAMPLES["Validity"].explain, (), {"lang": "fr"}),
    "DocumentStatus.text": (EXAMPLES["DocumentStatus"].text, ("fr",), {}),
    "DocumentStatus.label_text": (EXAMPLES["DocumentStatus"].label_text, ("fr",), {}),
    "DocumentStatus.line": (EXAMPLES["DocumentStatus"].line, ("fr",), {}),
    "PoolStatus.explain": (EXAMPLES["PoolStatus"].explain, (), {"lang": "fr"}),
    "PoolStatus.change_text": (EXAMPLES["PoolStatus"].change_text, ("fr",), {}),
    "Readiness.explain": (EXAMPLES["Readiness"].explain, (), {"lang": "fr"}),
    "Forecast.explain": (EXAMPLES["Forecast"].explain, (), {"lang": "fr"}),
    "ForecastEvent.explain": (EXAMPLES["ForecastEvent"].explain, (), {"lang": "fr"}),
    "ForecastState.explain": (EXAMPLES["ForecastState"].explain, (), {"lang": "fr"}),
    "Verdicts.explain": (EXAMPLES["Verdicts"].explain, (), {"lang": "fr"}),
    "Milestone.text": (EXAMPLES["Milestone"].text, ("fr",), {}),
    "Milestone.explain": (EXAMPLES["Milestone"].explain, (), {"lang": "fr"}),
    "Comparison.column": (EXAMPLES["Comparison"].column, ("A",), {}),
    "Comparison.explain": (EXAMPLES["Comparison"].explain, (), {"lang": "fr"}),
    "ImprovementPlan.explain": (EXAMPLES["ImprovementPlan"].explain, (), {"top": 3, "lang": "fr"}),
    "Improvement.explain": (EXAMPLES["Improvement"].explain, (), {"lang": "fr"}),
    "Improvement.text": (EXAMPLES["Improvement"].text, ("fr",), {}),
    "LineChange.text": (EXAMPLES["LineChange"].text, ("fr",), {}),
    "Loss.explain": (EXAMPLES["Loss"].explain, (), {"lang": "fr"}),
    "Loss.text": (EXAMPLES["Loss"].text, ("fr",), {}),
    "Outlook.explain": (EXAMPLES["Outlook"].explain, (), {"lang": "fr"}),
    "OutlookLine.explain": (EXAMPLES["OutlookLine"].explain, (), {"lang": "fr"}),
    "RoundCheck.text": (EXAMPLES["RoundCheck"].text, ("fr",), {}),
    "RoundType.text": (EXAMPLES["RoundType"].text, ("fr",), {}),
    "Selection.explain": (EXAMPLES["Selection"].explain, (), {"lang": "fr"}),
    "Round.explain": (EXAMPLES["Round"].explain, (), {"lang": "fr"}),
}
"""Public methods that take arguments."""


def _pool_file() -> str:
    folder = Path(tempfile.mkdtemp(prefix="expressentry-pool-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    path = folder / "pool.jsonl"
    path.write_text(ee.to_json(PROFILE, indent=None) + "\n", encoding="utf-8")
    return str(path)


POOL_FILE = _pool_file()


def _iter_pool(path: object) -> list[object]:
    return list(pools.iter_pool(path))  # type: ignore[arg-type]


COLUMNS = PoolColumns(
    as_of=AS_OF,
    rules=ee.rules_for(as_of=AS_OF),
    submitted_micros=POOL.submitted_micros,
    nominees=[PROFILE.provincial_nomination],
    scores=[ee.score(PROFILE, as_of=AS_OF).total],
    flags=eligibility.flags_many([PROFILE], as_of=AS_OF),
)

SUBMODULES: dict[str, tuple[Callable[..., object], tuple[object, ...], dict[str, object]]] = {
    "pools.read_pool": (pools.read_pool, (POOL_FILE,), {}),
    "pools.iter_pool": (_iter_pool, (POOL_FILE,), {}),
    "pools.pool_format": (pools.pool_format, (POOL_FILE,), {}),
    "eligibility.flags_many": (
        eligibility.flags_many,
        ([PROFILE],),
        {"as_of": AS_OF, "rules": RULES, "errors": "raise"},
    ),
    "eligibility.primary_occupation": (
        eligibility.primary_occupation,
        (PROFILE,),
        {"as_of": AS_OF, "rules": RULES},
    ),
    "validity.language_valid": (validity.language_valid, (PROFILE.languages[0],), {"as_of": AS_OF}),
    "validity.eca_valid": (validity.eca_valid, (PROFILE.education,), {"as_of": AS_OF}),
    "validity.scored_level": (validity.scored_level, (PROFILE.education,), {"as_of": AS_OF}),
    "validity.language_expiry": (validity.language_expiry, (PROFILE.languages[0],), {}),
    "validity.eca_expiry": (validity.eca_expiry, (date(2024, 2, 10),), {}),
    "validity.profile_exit": (validity.profile_exit, (date(2025, 10, 1),), {}),
    "rules.attribute_of": (rules.attribute_of, ("crs.core.age",), {}),
    "rules.factor_of": (rules.factor_of, ("crs.core.age", "listening"), {}),
    "draws.table.render_rounds": (table.render_rounds, (RECENT,), {"fmt": "text"}),
    "draws.table.round_row": (table.round_row, (WITH_DISTRIBUTION,), {}),
    "noc.group_title": (noc.group_title, ("2123",), {}),
    "schema.schema": (schema.schema, ("profile",), {}),
    "schema.shipped_schema": (schema.shipped_schema, ("profile",), {}),
    "schema.profile_schema": (schema.profile_schema, (), {}),
    "draws.PoolColumns": (
        PoolColumns,
        (),
        {
            "as_of": AS_OF,
            "rules": RULES,
            "submitted_micros": POOL.submitted_micros,
            "nominees": [PROFILE.provincial_nomination],
            "scores": [ee.score(PROFILE, as_of=AS_OF).total],
            "flags": eligibility.flags_many([PROFILE], as_of=AS_OF, rules=RULES),
        },
    ),
    "draws.PoolColumns.scores": (
        COLUMNS.scores,
        ([0],),
        {"as_of": AS_OF, "rules": ee.rules_for(as_of=AS_OF)},
    ),
    "draws.PoolColumns.nominated": (COLUMNS.nominated, ([0],), {}),
    "draws.pool.submission_micros": (submission_micros, (PROFILE.profile_submitted,), {}),
    "draws.PoolColumns.flags": (
        COLUMNS.flags,
        ([0],),
        {"as_of": AS_OF, "rules": ee.rules_for(as_of=AS_OF)},
    ),
}
"""The user-facing functions of the submodules the API reference documents."""


DOCUMENTED: dict[str, tuple[type[Exception], ...]] = {
    "load_rounds": (OSError,),
    "pools.read_pool": (OSError,),
    "pools.iter_pool": (OSError,),
}
"""Errors a function documents beyond the package's own: a file that cannot be read."""


def _public() -> list[str]:
    out = []
    for name in ee.__all__:
        thing = getattr(ee, name)
        if not callable(thing) or (inspect.isclass(thing) and issubclass(thing, BaseException)):
            continue
        if inspect.isclass(thing) and issubclass(thing, enum.Enum):
            continue  # a lookup by value: Python's own ValueError (see the module's text)
        out.append(name)
    return out


PUBLIC = _public()


def _base(name: str) -> tuple[Callable[..., object], tuple[object, ...], dict[str, object]]:
    if name in METHODS:
        return METHODS[name]
    if name in SUBMODULES:
        return SUBMODULES[name]
    thing = getattr(ee, name)
    if name in CALLS:
        args, kwargs = CALLS[name]
        return thing, args, kwargs
    args, kwargs = _sample(thing, EXAMPLES[name])
    return thing, args, kwargs


_DOUBLED = re.compile(r"\b([A-Za-z]+) \1\b")
_INTERNAL = re.compile(r"\b_[A-Za-z]\w*[A-Z]\w*|\b_[A-Z]\w*|object at 0x")
_FAIL = "KeyError, AttributeError, TypeError, ValueError, IndexError and the like must not escape"


def _message_problems(error: BaseException) -> list[str]:
    text = str(error)
    found = []
    doubled = [m.group(0) for m in _DOUBLED.finditer(text) if m.group(1).lower() != "that"]
    if doubled:
        found.append(f"doubled word {doubled[0]!r}")
    internal = _INTERNAL.search(text)
    if internal:
        found.append(f"internal name {internal.group(0)!r}")
    return found


def _variants(
    args: tuple[object, ...], kwargs: dict[str, object]
) -> list[tuple[str, tuple[object, ...], dict[str, object]]]:
    out = []
    for i in range(len(args)):
        for wrong in WRONG:
            changed = (*args[:i], wrong, *args[i + 1 :])
            out.append((f"args[{i}]={wrong!r:.40}", changed, kwargs))
    for key in kwargs:
        for wrong in WRONG:
            out.append((f"{key}={wrong!r:.40}", args, {**kwargs, key: wrong}))
    return out


def test_every_public_callable_is_in_the_table() -> None:
    missing = [n for n in PUBLIC if n not in CALLS and n not in EXAMPLES]
    assert not missing


@pytest.mark.parametrize("name", [*PUBLIC, *METHODS, *SUBMODULES])
def test_only_the_package_s_own_errors(name: str) -> None:
    func, args, kwargs = _base(name)
    func(*args, **kwargs)  # the valid call works (or the table is wrong)
    failures: list[str] = []
    for label, a, k in _variants(args, kwargs):
        try:
            func(*a, **k)
        except DOCUMENTED.get(name, ()):
            pass
        except ExpressEntryError as exc:
            failures.extend(f"{label}: {p}: {exc}" for p in _message_problems(exc))
        except Exception as exc:  # the point of the test
            failures.append(f"{label}: {type(exc).__name__}: {str(exc)[:200]}")
    assert not failures, f"{name}: {_FAIL}:\n" + "\n".join(failures)


def test_the_error_names_the_argument() -> None:
    with pytest.raises(InvalidInputError) as caught:
        ee.score_many(PROFILE, as_of=AS_OF)  # type: ignore[call-overload]
    assert caught.value.problems[0].path == "candidates"


def test_the_message_checks_catch_what_they_look_for() -> None:
    def flagged(message: str) -> list[str]:
        return _message_problems(
            InvalidInputError("x", [ee.FieldProblem("$", ee.MISSING, message)])
        )

    assert flagged("Unterminated string starting at at line 1") == ["doubled word 'at at'"]
    assert flagged("must be a Candidate (got a _Flagged)") == ["internal name '_Flagged'"]
    assert flagged("(got <Stranger object at 0x7f00>)") == ["internal name 'object at 0x'"]
    assert flagged("must be a string, not a whole number (an int)") == []
