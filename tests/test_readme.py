"""The README's quick start: two shell lines, the second being the one CI runs.

Kind: hand-worked examples of user-facing behaviour (the documentation).
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def quick_start_lines() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1]
    block = re.search(r"```bash\n(.*?)```", section, re.DOTALL)
    assert block is not None
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_quick_start_is_two_lines() -> None:
    first, second = quick_start_lines()
    assert "pip install -e ." in first
    assert "expressentry score --example" in first
    assert second.endswith("# run the tests")
    assert "pytest" in second


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "grep -F '# run the tests' README.md" in ci
    assert 'eval "$test_cmd"' in ci
