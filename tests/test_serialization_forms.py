"""One JSON shape per result: ``to_dict`` of a result with ``as_dict()`` is that form.

A plan, an outlook, a comparison, a backtest, a round and their parts write their
own JSON form (``as_dict()``, what the command line's ``--format json`` prints);
``expressentry.to_dict`` and ``to_json`` give exactly that form, so there is one
shape per result wherever it is written. Such a form is a report (it leaves out
the profile and breakdown it was computed from), so ``from_dict`` refuses to read
one back, naming the class.

Kind: contract, on real results of the bundled example profile; the plan's keys
are those listed in ``docs/raising-a-score.md``, round #240's values those of
IRCC's feed (as ``test_cli_rounds`` reads them).
"""

from __future__ import annotations

import importlib
import json
import pkgutil
from collections.abc import Callable, Iterator
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import attrs
import pytest

import expressentry as ee
from expressentry.__main__ import main
from expressentry.draws.cutoffs import backtest
from expressentry.errors import InvalidInputError

DAY = date(2026, 11, 22)


@cache
def _profile() -> ee.Candidate:
    return ee.example_profile()


@cache
def _retook() -> ee.Candidate:
    """The example with IELTS writing 7.5 instead of 7.0 (docs/scenarios.md)."""
    p = _profile()
    return attrs.evolve(p, languages=(attrs.evolve(p.languages[0], writing=7.5), *p.languages[1:]))


@cache
def _plan() -> Any:
    # Three months before the day the profile leaves the pool, so chances are given.
    return ee.improvements(_profile(), as_of=date(2026, 7, 1))


@cache
def _outlook() -> Any:
    return ee.outlook(_profile(), as_of=date(2026, 7, 1))


@cache
def _comparison() -> Any:
    return ee.compare(_profile(), _retook(), as_of=DAY)


@cache
def _backtest() -> Any:
    return backtest(ee.rounds())


def _with_lines(plan: Any) -> Any:
    return next(i for i in plan.improvements if i.lines and i.chances)


RESULTS: dict[str, Callable[[], Any]] = {
    "ImprovementPlan": _plan,
    "Improvement": lambda: _with_lines(_plan()),
    "LineChange": lambda: _with_lines(_plan()).lines[0],
    "ChanceChange": lambda: _with_lines(_plan()).chances[0],
    "Loss": lambda: _plan().losses[0],
    "Outlook": _outlook,
    "OutlookLine": lambda: _outlook().lines[0],
    "Comparison": _comparison,
    "ComparisonColumn": lambda: _comparison().columns[0],
    "ComparisonRow": lambda: _comparison().differing[0],
    "ComparisonSubtotal": lambda: _comparison().subtotals[0],
    "Backtest": _backtest,
    "ChanceScore": lambda: _backtest().chances,
    "Round": lambda: ee.rounds()[-1],
}


def _classes_with_as_dict() -> Iterator[type]:
    """Every attrs class of the package that defines ``as_dict``."""
    package = importlib.import_module("expressentry")
    for info in pkgutil.walk_packages(package.__path__, "expressentry."):
        if info.name.startswith("expressentry.report"):
            continue  # needs the report extra; it defines no result of its own
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and value.__module__ == info.name
                and attrs.has(value)
                and "as_dict" in vars(value)
            ):
                yield value


def test_every_result_with_an_as_dict_is_checked_here() -> None:
    assert {cls.__name__ for cls in _classes_with_as_dict()} == set(RESULTS)


@pytest.mark.parametrize("name", sorted(RESULTS))
def test_to_dict_is_the_as_dict_form(name: str) -> None:
    result = RESULTS[name]()
    assert type(result).__name__ == name
    form = result.as_dict()
    assert ee.to_dict(result) == form
    assert json.loads(ee.to_json(result)) == form
    assert ee.to_dict([result]) == [form]  # inside plain data too


@pytest.mark.parametrize("name", sorted(RESULTS))
def test_from_dict_refuses_a_report_form_naming_the_class(name: str) -> None:
    result = RESULTS[name]()
    with pytest.raises(InvalidInputError) as raised:
        ee.from_dict(ee.to_dict(result), type(result))
    (problem,) = raised.value.problems
    assert problem.path == "cls"
    assert "cannot be read back" in problem.message


def test_the_plan_has_the_documented_keys() -> None:
    # docs/raising-a-score.md, "From the command line": these keys are stable.
    data = ee.to_dict(_plan())
    assert list(data) == [
        "format", "as_of", "end", "total", "chances", "improvements", "improvements_found",
        "best_pair", "best_triple", "worth_nothing", "pool_exit", "losses",
        "rules_reviewed_on", "caveats",
    ]  # fmt: skip
    assert list(data["improvements"][0]) == [
        "kind", "description", "steps", "day", "total_before", "total", "gain",
        "sections", "lines", "capped_by", "why_nothing", "programs_opened",
        "programs_closed", "categories_opened", "categories_closed", "chances",
        "decision",
    ]  # fmt: skip
    assert "candidate" not in data  # the changed profiles are left out
    assert data["total"] == 574  # the README's total of the example


def test_a_round_is_the_row_the_rounds_command_writes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rounds", "--type", "fsw", "--format", "json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)["rounds"]
    (fsw,) = [r for r in ee.rounds() if r.round_type == "fsw"]
    assert ee.to_dict(fsw) == row
    assert (row["number"], row["date"], row["kind"], row["invitations"], row["cutoff"]) == (
        "240", "2023-02-02", "program", 3300, 489,
    )  # fmt: skip


def test_a_replay_writes_its_round_as_that_row() -> None:
    # Before one shape per result, the round inside a replay held a frozenset
    # (its category's NOC codes) that JSON cannot write.
    round_ = next(r for r in reversed(ee.rounds()) if r.distribution is not None)
    data = json.loads(ee.to_json(ee.replay(round_)))
    assert data["round"] == round_.as_dict()


def _cli_json(capsys: pytest.CaptureFixture[str], args: list[str]) -> Any:
    assert main([*args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(
    ("args", "compute"),
    [
        (["outlook", "--example", "--as-of", "2026-07-01"], _outlook),
        (["plan", "--example", "--as-of", "2026-07-01", "--top", "1000"], _plan),
        (["backtest"], _backtest),
    ],
    ids=["outlook", "plan", "backtest"],
)
def test_the_command_line_json_is_to_dict(
    capsys: pytest.CaptureFixture[str], args: list[str], compute: Callable[[], Any]
) -> None:
    assert _cli_json(capsys, args) == ee.to_dict(compute())


def test_the_compare_json_is_to_dict(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    a, b = tmp_path / "A.json", tmp_path / "B.json"
    a.write_text(ee.to_json(_profile()), encoding="utf-8")
    b.write_text(ee.to_json(_retook()), encoding="utf-8")
    found = _cli_json(capsys, ["compare", str(a), str(b), "--as-of", DAY.isoformat()])
    assert found == ee.to_dict(_comparison())
    assert found["totals"] == [574, 577]  # docs/scenarios.md
