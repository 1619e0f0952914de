"""Text output fits the terminal: long reasons wrap, never widen a line past its width.

Kind: properties of user-facing text (no line longer than ``COLUMNS``) and
hand-worked examples of the wrapped breakdown (the example profile's lines on
2026-11-22, docs/quickstart.md).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import expressentry as ee
from expressentry.__main__ import main

DAY = "2026-11-22"


@pytest.fixture
def profile(tmp_path: Path) -> str:
    path = tmp_path / "p.json"
    path.write_text(ee.to_json(ee.example_profile()), "utf-8")
    return str(path)


@pytest.mark.parametrize(
    "argv",
    [
        ["score", "--example", "--as-of", DAY],
        ["eligibility", "--example", "--as-of", DAY],
        ["outlook", "--example", "--as-of", DAY],
        ["plan", "--example", "--as-of", DAY],
        ["timeline", "--example", "--from", DAY, "--ita", "2027-01-15"],
        ["backtest", "--since", "2025-06-01"],
        ["replay", "--number", "437"],
    ],
)
def test_no_line_is_wider_than_the_terminal(
    argv: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    assert main(argv) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) > 3
    too_wide = [line for line in lines if len(line) > 80]
    assert too_wide == []


def test_the_breakdown_wraps_its_reasons_and_keeps_the_points_in_their_column(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["score", "--example", "--as-of", DAY]) == 0
    lines = capsys.readouterr().out.splitlines()
    # Hand-laid: reason in a column of 72, points right-aligned to column 80, rule below.
    age = lines.index("  Age 32 on 2026-11-22, with accompanying spouse" + " " * 30 + "85")
    assert lines[age + 1] == "    [crs.core.age, 2015-01-01]"
    work = next(i for i, ln in enumerate(lines) if ln.startswith("  Canadian skilled work"))
    assert lines[work].endswith("56")
    assert len(lines[work]) == 80
    assert lines[work + 1] == "    spouse"  # the reason's rest, under it
    assert lines[-1] == "Total" + " " * 72 + "574"


def test_a_wide_terminal_keeps_one_row_a_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["score", "--example", "--as-of", DAY]) == 0
    out = capsys.readouterr().out
    assert out.rstrip("\n") == ee.score(ee.example_profile(), as_of=date(2026, 11, 22)).explain()


@pytest.mark.parametrize("width", [39, 0, -80, True, 80.0, "80"])
def test_a_width_the_breakdown_cannot_lay_out(width: object) -> None:
    breakdown = ee.score(ee.example_profile(), as_of=date(2026, 11, 22))
    with pytest.raises(ee.InvalidInputError) as caught:
        breakdown.explain(width=width)  # type: ignore[arg-type]
    assert caught.value.problems[0].path == "width"


@pytest.mark.parametrize("width", [40, 60, 100])
def test_every_width_from_40_holds(width: int) -> None:
    breakdown = ee.score(ee.example_profile(), as_of=date(2026, 11, 22))
    text = breakdown.explain(width=width, lang="fr")
    assert max(len(line) for line in text.splitlines()) <= width
    assert text.splitlines()[-1].split() == ["Total", "574"]
