"""The worked example of docs/adding-a-rule-change.md, run as the page says.

The page claims that a rule change dated next month is one entry in one rules
module and one test, with no code change. This test makes exactly the page's
edits in a copy of the package (each entry appended to the entries of the
timeline its caption names), runs the page's test against the copy, and runs the
page's script, whose output must be the one the page shows.

Kind: worked example (the page's own, run end to end).
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "adding-a-rule-change.md"
_BLOCK = re.compile(r"```\{code-block\} (\w+)\n:caption: ([^\n]+)\n\n(.*?)```", re.DOTALL)


def _blocks() -> dict[str, str]:
    return {caption: body for _lang, caption, body in _BLOCK.findall(PAGE.read_text("utf-8"))}


def _append_entry(module: Path, timeline: str, entry: str) -> None:
    """Insert ``entry`` after the last entry of ``timeline``'s tuple of entries."""
    source = module.read_text("utf-8")
    tree = ast.parse(source)
    for node in tree.body:
        target = node.target if isinstance(node, ast.AnnAssign) else None
        if isinstance(target, ast.Name) and target.id == timeline:
            assert isinstance(node, ast.AnnAssign)
            assert isinstance(node.value, ast.Call)
            entries = node.value.args[1]
            assert isinstance(entries, ast.Tuple)
            last = entries.elts[-1]
            assert last.end_lineno is not None
            lines = source.splitlines(keepends=True)
            # the last entry ends with "),"; the new one goes on the next line
            at = last.end_lineno
            lines.insert(at, entry if entry.endswith("\n") else entry + "\n")
            module.write_text("".join(lines), "utf-8")
            return
    pytest.fail(f"{timeline} is not assigned in {module}")


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of src/ with the page's entries added."""
    root = tmp_path_factory.mktemp("rule_change")
    shutil.copytree(ROOT / "src", root / "src", ignore=shutil.ignore_patterns("__pycache__"))
    blocks = _blocks()
    edits = [c for c in blocks if " in src/" in c]
    assert len(edits) == 2, list(blocks)
    for caption in edits:
        timeline, path = caption.split(" in ")
        _append_entry(root / path, timeline, blocks[caption])
    return root


def _run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(root / "src"), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(  # noqa: S603 (this interpreter, the page's code)
        [sys.executable, *args], cwd=root, env=env, capture_output=True, text=True, check=False
    )


def test_the_copy_is_what_runs(edited: Path) -> None:
    done = _run(edited, "-c", "import expressentry; print(expressentry.__file__)")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(str(edited))


def test_the_pages_test_passes_on_the_edited_rules(edited: Path) -> None:
    tests = edited / "tests"
    tests.mkdir(exist_ok=True)
    (tests / "test_change.py").write_text(_blocks()["tests/test_crs_tables.py"], "utf-8")
    done = _run(edited, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_change.py")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 passed" in done.stdout


def test_the_pages_test_fails_on_the_shipped_rules(tmp_path: Path) -> None:
    # The page's test can fail: without the edits, SIBLING is 15 on 2026-12-15.
    (tmp_path / "test_change.py").write_text(_blocks()["tests/test_crs_tables.py"], "utf-8")
    shutil.copytree(ROOT / "src", tmp_path / "src", ignore=shutil.ignore_patterns("__pycache__"))
    done = _run(tmp_path, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_change.py")
    assert done.returncode == 1, done.stdout + done.stderr


def test_the_pages_script_prints_the_pages_output(edited: Path) -> None:
    blocks = _blocks()
    done = _run(edited, "-c", blocks["check"])
    assert done.returncode == 0, done.stderr
    assert done.stdout == blocks["output"]
