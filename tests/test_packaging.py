"""The installed distribution: its version, its dependencies, its extras and groups.

Kind: a property of the package. The expected values come from the installed
distribution's metadata (what pip read from the wheel) and from ``pyproject.toml``,
not from the modules under test: ``__version__`` must be the version pip installed,
the library must import and score with its declared dependencies alone (tqdm, Jinja2
and pandas are extras), and the ``dev`` extra that ``pip install -e ".[dev]"`` reads
must list the same tools as the ``dev`` dependency group.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import expressentry

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"
#: What the command line and the library may not need: each is an extra.
OPTIONAL = ("tqdm", "jinja2", "markupsafe", "pandas", "numpy")


def test_version_is_the_installed_distributions() -> None:
    assert expressentry.__version__ == metadata.version("expressentry")


def test_the_version_has_one_source() -> None:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    assert "version" not in project["project"]
    assert "version" in project["project"]["dynamic"]
    assert project["tool"]["hatch"]["version"]["path"] == "src/expressentry/__init__.py"


def test_licence_covers_code_and_data() -> None:
    meta = metadata.metadata("expressentry")
    assert meta["License-Expression"] == "MIT AND OGL-Canada-2.0"
    files = {str(f) for f in metadata.files("expressentry") or ()}
    assert any(f.endswith("licenses/LICENSES/OGL-Canada-2.0.txt") for f in files), files
    assert any(f.endswith("licenses/LICENSE") for f in files), files


def _core_distributions() -> set[str]:
    """The distributions expressentry needs without an extra, and theirs, recursively."""
    env = {"extra": ""}
    seen: set[str] = set()
    todo = ["expressentry"]
    while todo:
        name = todo.pop()
        for text in metadata.requires(name) or ():
            req = Requirement(text)
            if req.marker is not None and not req.marker.evaluate(env):
                continue
            found = canonicalize_name(req.name)
            if found not in seen:
                seen.add(found)
                todo.append(found)
    return seen


def test_the_core_dependencies_are_attrs_cattrs_and_dateutil() -> None:
    declared = {
        canonicalize_name(Requirement(r).name)
        for r in metadata.requires("expressentry") or ()
        if Requirement(r).marker is None
    }
    assert declared == {"attrs", "cattrs", "python-dateutil"}
    extras = metadata.metadata("expressentry").get_all("Provides-Extra") or []
    assert {"cli", "report", "pandas"} <= set(extras)


def test_the_library_and_its_command_line_need_no_extra() -> None:
    """Every module imports, and the CLI scores the example, with no extra importable."""
    core = _core_distributions()
    allowed = {"expressentry"}
    for module, dists in metadata.packages_distributions().items():
        if {canonicalize_name(d) for d in dists} & core:
            allowed.add(module)
    assert not set(OPTIONAL) & allowed
    script = textwrap.dedent(
        f"""
        import importlib, importlib.abc, pkgutil, sys

        allowed = {sorted(allowed)!r}

        class Refuse(importlib.abc.MetaPathFinder):
            def find_spec(self, name, path=None, target=None):
                top = name.partition(".")[0]
                if top in sys.stdlib_module_names or top in allowed or top.startswith("_"):
                    return None
                raise ModuleNotFoundError(f"No module named {{name!r}} (refused)", name=name)

        sys.meta_path.insert(0, Refuse())
        import expressentry
        for info in pkgutil.walk_packages(expressentry.__path__, "expressentry."):
            importlib.import_module(info.name)
        from expressentry.__main__ import main
        status = main(["score", "--example", "--as-of", "2026-11-22"])
        loaded = sorted({{m.partition(".")[0] for m in sys.modules}} & set({OPTIONAL!r}))
        print("loaded:", loaded)
        sys.exit(status)
        """
    )
    done = subprocess.run(  # noqa: S603  (this interpreter, a fixed script)
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert "\nTotal" in done.stdout
    assert done.stdout.rstrip().endswith("loaded: []")


def _group(groups: dict[str, list[object]], name: str) -> set[str]:
    found: set[str] = set()
    for item in groups[name]:
        if isinstance(item, dict):
            found |= _group(groups, str(item["include-group"]))
        else:
            found.add(str(Requirement(str(item))))
    return found


def test_the_dev_extra_is_the_dev_group() -> None:
    """``pip install -e ".[dev]"`` and ``pip install --group dev`` install the same tools."""
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    extra = {str(Requirement(r)) for r in project["project"]["optional-dependencies"]["dev"]}
    assert extra == _group(project["dependency-groups"], "dev")


@pytest.mark.parametrize("extra", ["cli", "report", "pandas"])
def test_each_extra_is_in_the_test_group(extra: str) -> None:
    """The tests cover every extra, so the test group installs them."""
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    wanted = {str(Requirement(r)) for r in project["project"]["optional-dependencies"][extra]}
    assert wanted <= _group(project["dependency-groups"], "test")
