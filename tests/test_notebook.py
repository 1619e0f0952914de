"""The example notebook (``docs/example.ipynb``) runs headless and shows the known figures.

nbclient executes it with the ``python3`` kernel of this environment (ipykernel),
offline, as CI and the docs build do. Its days are fixed, so its outputs are
checked against figures stated in the docs and the README, not recomputed here:
the example's total of 574 and its programs (README), the section subtotal of
404 (``docs/scenarios.md``), the HTML total row (``docs/notebooks.md``), the plan's
repr and best change (``docs/raising-a-score.md``), the pool's scores and the round
of two (``docs/draws.md``), the 2025 CEC cut-offs of 515 to 547 (``docs/draws.md``)
and the score line at y = 17.22 on an axis of 375 to 575 (``docs/client-reports.md``).

Kind: end to end (a real kernel), hand-checked values.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import nbclient
import nbformat
import pytest

pytestmark = pytest.mark.slow  # a long test: CI runs it (pytest -m slow)

# The notebook's kernel (ipykernel) and its pandas are development dependencies,
# like nbclient: missing, the test fails rather than skips.

NOTEBOOK = Path(__file__).resolve().parents[1] / "docs" / "example.ipynb"


def _read() -> Any:
    """The stored notebook (nbformat has no type annotations)."""
    return nbformat.read(NOTEBOOK, as_version=4)  # type: ignore[no-untyped-call]


@cache
def _executed() -> Any:
    nb = _read()
    client = nbclient.NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()
    return nb


def _result(last_line: str) -> dict[str, str]:
    """The displayed result of the one code cell whose last line is ``last_line``."""
    found = [
        c
        for c in _executed().cells
        if c.cell_type == "code" and c.source.splitlines()[-1] == last_line
    ]
    assert len(found) == 1, last_line
    (output,) = [o for o in found[0].outputs if o.output_type == "execute_result"]
    data: dict[str, str] = output.data
    return data


def _rows(text: str) -> list[list[str]]:
    """A DataFrame's or Series' text, each line after the header split on spaces."""
    return [line.split() for line in text.splitlines()[1:]]


def test_the_stored_notebook_has_no_outputs() -> None:
    # Outputs are made by running it (here and in the docs build), never stored.
    nb = _read()
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code
    assert all(c.outputs == [] and c.execution_count is None for c in code)


def test_every_cell_runs_without_an_error_or_a_warning() -> None:
    for cell in _executed().cells:
        if cell.cell_type != "code":
            continue
        kinds = [o.output_type for o in cell.outputs]
        assert "error" not in kinds, cell.source
        streams = [o.text for o in cell.outputs if o.output_type == "stream"]
        assert streams == [], (cell.source, streams)


def test_the_example_is_scored_574_and_shown_as_a_table() -> None:
    assert _result("breakdown.total") == {"text/plain": "574"}
    html = _result("breakdown")["text/html"]
    assert html.startswith('<div class="expressentry">')
    assert '<tfoot><tr class="total"><th>Total</th><th class="num">574</th></tr></tfoot>' in html


def test_the_lines_as_a_dataframe_add_up_to_the_total() -> None:
    text = _result('lines.groupby("section", sort=False)["points"].sum()')["text/plain"]
    subtotals = {row[0]: int(row[1]) for row in _rows(text) if len(row) == 2}
    assert list(subtotals) == ["core", "spouse", "transferability", "additional"]
    assert subtotals["core"] == 404
    assert sum(subtotals.values()) == 574


def test_eligibility_and_the_plan() -> None:
    assert _result("report.eligible_programs")["text/plain"] == (
        "(<Program.FSW: 'fsw'>, <Program.CEC: 'cec'>)"
    )
    assert "<table" in _result("report")["text/html"]
    plan = _result("plan")
    assert (
        plan["text/plain"]
        == "ImprovementPlan(574 on 2026-11-22: 20 changes, best +550, 4 losses ahead)"
    )
    changes = 'changes[["rank", "description", "day", "gain", "total", "programs_opened"]].head(5)'
    first = _rows(_result(changes)["text/plain"])[0]
    assert " ".join(first[1:]).startswith("1 A provincial or territorial nomination 2026-11-22")


def test_the_pool_and_its_round() -> None:
    scores = _rows(_result("pd.DataFrame(scores.to_records())")["text/plain"])
    assert [(int(r[1]), r[2], int(r[-1])) for r in scores] == [
        (0, "True", 574), (1, "True", 512), (2, "True", 1112), (3, "True", 574),
    ]  # fmt: skip
    invited = _rows(_result('invited[["rank", "index", "crs", "submitted"]]')["text/plain"])
    assert [(int(r[2]), int(r[3])) for r in invited] == [(2, 1112), (0, 574)]


def test_the_cutoffs_table_and_chart() -> None:
    table = _rows(
        _result('cutoffs[["number", "date", "invitations", "cutoff"]].tail(8)')["text/plain"]
    )
    assert len(table) == 8
    assert all(date_ <= "2026-11-22" for _, _, date_, _, _ in table)
    svg = _result("SVG(cutoff_chart(series, breakdown.total, start=START, end=DAY))")[
        "image/svg+xml"
    ]
    assert "Past cut-offs from 2024-11-22 to 2026-11-22, and the score 574" in svg
    cec = svg[svg.index('data-type="cec"') : svg.index('data-type="french"')]
    points = re.findall(r'data-day="(\d{4})-\d\d-\d\d" data-cutoff="(\d+)"', cec)
    in_2025 = [int(c) for year, c in points if year == "2025"]
    assert in_2025
    assert all(515 <= c <= 547 for c in in_2025)
    # The table's rows are the last eight points of the CEC series.
    assert [int(row[-1]) for row in table] == [int(c) for _, c in points[-8:]]
    assert '<line class="score" x1="56" y1="17.22"' in svg
