"""The new-factor example of docs/adding-a-rule-change.md, run as the page says.

The page claims that a new CRS factor is one object
(:class:`~expressentry.scoring.factors.CrsFactor`) and one test, with no other
change. This test adds the page's object to a copy of the package (before
``FACTORS``, and listed in it), runs the page's test against the copy, and runs
the page's script, whose output must be the one the page shows. Without the
object, the page's test fails.

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
_OBJECT = "factor: HIGH_WAGE_OFFER, src/expressentry/scoring/factors.py"


def _blocks() -> dict[str, str]:
    return {caption: body for _lang, caption, body in _BLOCK.findall(PAGE.read_text("utf-8"))}


def _add_factor(module: Path, name: str, block: str) -> None:
    """Insert ``block`` before the assignment of ``FACTORS`` and list ``name`` in it."""
    source = module.read_text("utf-8")
    for node in ast.parse(source).body:
        target = node.target if isinstance(node, ast.AnnAssign) else None
        if isinstance(target, ast.Name) and target.id == "FACTORS":
            assert isinstance(node, ast.AnnAssign)
            assert isinstance(node.value, ast.Tuple)
            assert node.value.elts == [], "FACTORS lists factors already: list the new one last"
            lines = source.splitlines(keepends=True)
            at = node.lineno - 1
            assigned = "".join(lines[at : node.end_lineno]).replace("= ()", f"= ({name},)", 1)
            lines[at : node.end_lineno] = [block, "\n\n", assigned]
            module.write_text("".join(lines), "utf-8")
            return
    pytest.fail(f"FACTORS is not assigned in {module}")


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of src/ with the page's factor added."""
    root = tmp_path_factory.mktemp("new_factor")
    shutil.copytree(ROOT / "src", root / "src", ignore=shutil.ignore_patterns("__pycache__"))
    name, path = _OBJECT.removeprefix("factor: ").split(", ")
    _add_factor(root / path, name, _blocks()[_OBJECT])
    return root


def _run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(root / "src"), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(  # noqa: S603 (this interpreter, the page's code)
        [sys.executable, *args], cwd=root, env=env, capture_output=True, text=True, check=False
    )


def _page_test(where: Path) -> Path:
    test = where / "test_new_factor.py"
    test.write_text(_blocks()["factor test: tests/test_crs_factors.py"], "utf-8")
    return test


def test_the_copy_is_what_runs(edited: Path) -> None:
    done = _run(edited, "-c", "import expressentry; print(expressentry.__file__)")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(str(edited))


def test_the_pages_test_passes_with_the_factor(edited: Path) -> None:
    test = _page_test(edited)
    done = _run(edited, "-m", "pytest", "-q", "-p", "no:cacheprovider", test.name)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 passed" in done.stdout


def test_the_pages_test_fails_without_it(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "src", tmp_path / "src", ignore=shutil.ignore_patterns("__pycache__"))
    test = _page_test(tmp_path)
    done = _run(tmp_path, "-m", "pytest", "-q", "-p", "no:cacheprovider", test.name)
    assert done.returncode == 1, done.stdout + done.stderr


def test_the_pages_script_prints_the_pages_output(edited: Path) -> None:
    blocks = _blocks()
    done = _run(edited, "-c", blocks["factor check"])
    assert done.returncode == 0, done.stderr
    assert done.stdout == blocks["factor output"]
