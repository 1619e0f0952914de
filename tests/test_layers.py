"""The package's layers, read from its source with :mod:`ast` (nothing is imported).

Four rules:

- the models layer (the profile, its enums, errors, NOC codes, the clock and the
  rule tables) imports nothing of scoring or eligibility, not even for type
  checking, directly or through another module;
- no import cycle among the modules, counting the imports run when a module is
  imported (not those under ``if TYPE_CHECKING:`` nor those inside functions);
- inside scoring, the modules point one way (:data:`SCORING_ORDER`): each
  imports, even for type checking, only the modules listed before it;
- no module reads another module's private attribute: an expression
  ``x._name`` (or ``getattr(x, "_name")``) where ``x`` is not ``self`` or ``cls``
  is allowed only if ``_name`` is defined in the same module (a function, class,
  class attribute or attrs field, or an attribute set on ``self``/``cls``), so a
  class may read its own private fields through another instance.

Why type-checking imports count for the first rule: a model that names a scoring
type in an annotation depends on scoring, even if Python never runs the import;
the models layer needs no such name, and keeping it so keeps the docs and the
type checker's view of the layers the same as Python's.

Kind: property (structural, of the source tree).
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = "expressentry"
SRC = Path(__file__).resolve().parents[1] / "src" / PACKAGE

MODELS_LAYER = (
    "expressentry.models",
    "expressentry.models.*",
    "expressentry.enums",
    "expressentry.errors",
    "expressentry.noc",
    "expressentry._today",
    "expressentry.rules",
    "expressentry.rules.*",
)
"""Modules that know nothing of scoring or eligibility (``.*``: every submodule)."""

SCORING_LAYER = (
    "expressentry.crs",
    "expressentry.scoring",
    "expressentry.scoring.*",
    "expressentry.eligibility",
    "expressentry.eligibility.*",
    "expressentry.experience",
    "expressentry.timelines",
    "expressentry.timelines.*",
    "expressentry._kinds",
    "expressentry.planner",
    "expressentry.planner.*",
    "expressentry.serialization",
    "expressentry.__main__",
)
"""Modules the models layer must not import."""

SCORING_ORDER = (
    "expressentry.scoring.inputs",
    "expressentry.scoring.keys",
    "expressentry.scoring.factors",
    "expressentry.scoring.plan",
    "expressentry.scoring.reasons",
    "expressentry.scoring.groups",
    "expressentry.scoring.kernel",
    "expressentry.crs",
)
"""Scoring from the ground up: packed inputs, keys, factor objects, the plan of a
day, reasons, factor groups, the kernel, the public functions."""

PRIVATE_READS_ALLOWED: frozenset[tuple[str, str]] = frozenset(
    # (module, attribute) pairs judged legitimate. None today: add one only with a
    # comment saying why, e.g. a documented private name of the standard library
    # (``sys._getframe``) or a name attrs generates on every class.
)


@dataclass(frozen=True)
class Import:
    """One import statement's target, as the importing module sees it."""

    target: str
    line: int
    at_import_time: bool
    """Run when the module is imported: at module level (or in a class body,
    ``if``, ``try`` or ``with`` there), not under ``if TYPE_CHECKING:`` and not
    inside a function."""
    type_checking: bool


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, tuple[Path, ast.Module]]:
    found = {}
    for path in sorted(SRC.rglob("*.py")):
        found[_module_name(path)] = (path, ast.parse(path.read_text("utf-8"), str(path)))
    return found


MODULES = _modules()


def _is_package(name: str) -> bool:
    return MODULES[name][0].name == "__init__.py"


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _import_nodes(
    body: Iterable[ast.stmt], *, at_import_time: bool, type_checking: bool
) -> Iterator[tuple[ast.Import | ast.ImportFrom, bool, bool]]:
    """Every import statement, with whether it runs on import and is for type checking."""
    for node in body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node, at_import_time, type_checking
        elif isinstance(node, ast.If) and _is_type_checking(node.test):
            yield from _import_nodes(node.body, at_import_time=False, type_checking=True)
            yield from _import_nodes(
                node.orelse, at_import_time=at_import_time, type_checking=type_checking
            )
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield from _import_nodes(node.body, at_import_time=False, type_checking=type_checking)
        else:
            for field in ("body", "orelse", "finalbody", "handlers", "cases"):
                children = getattr(node, field, None)
                if isinstance(children, list):
                    stmts = [c for c in children if isinstance(c, ast.stmt)]
                    for c in children:  # except handlers and match cases hold statements
                        if isinstance(c, ast.ExceptHandler | ast.match_case):
                            stmts.extend(c.body)
                    yield from _import_nodes(
                        stmts, at_import_time=at_import_time, type_checking=type_checking
                    )


def _absolute(module: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    if not _is_package(module):
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def _ancestors(name: str) -> list[str]:
    parts = name.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


def imports_of(module: str) -> list[Import]:
    """The package's modules ``module`` imports.

    ``from a import b`` imports module ``a.b`` if there is one, else module ``a``
    (even a parent package of ``module``: it reads a name the package defines).
    Importing a module first imports its parent packages: those are counted too,
    except the importer's own parents (imported before the importer runs).
    """
    tree = MODULES[module][1]
    found: list[Import] = []
    for node, run, checking in _import_nodes(tree.body, at_import_time=True, type_checking=False):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            base = _absolute(module, node)
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                targets.append(sub if sub in MODULES else base)
        own_parents = set(_ancestors(module))
        for target in targets:
            if target.split(".")[0] != PACKAGE:
                continue
            assert target in MODULES, f"{module}:{node.lineno} imports unknown module {target}"
            implied = [p for p in _ancestors(target) if p not in own_parents]
            found += [
                Import(name, node.lineno, run, checking)
                for name in [*implied, target]
                if name != module
            ]
    return found


def _matches(module: str, patterns: Iterable[str]) -> bool:
    return any(module.startswith(p[:-1]) if p.endswith(".*") else module == p for p in patterns)


def test_the_layer_lists_name_existing_modules() -> None:
    for pattern in (*MODELS_LAYER, *SCORING_LAYER):
        assert any(_matches(m, [pattern]) for m in MODULES), f"{pattern} names no module"
    for module in MODULES:
        assert not (_matches(module, MODELS_LAYER) and _matches(module, SCORING_LAYER)), module


def _layer_violations() -> list[str]:
    """Each way a models-layer module reaches a scoring module, by any import."""
    problems = []
    for module in MODULES:
        if not _matches(module, MODELS_LAYER):
            continue
        # Search every module the models-layer module imports, directly or not.
        seen = {module}
        todo: list[tuple[str, list[str]]] = [(module, [module])]
        while todo:
            current, path = todo.pop()
            for imp in imports_of(current):
                if imp.target in seen:
                    continue
                seen.add(imp.target)
                route = [*path, f"{imp.target} (line {imp.line} of {current})"]
                if _matches(imp.target, SCORING_LAYER):
                    problems.append(" -> ".join(route))
                else:
                    todo.append((imp.target, route))
    return sorted(problems)


def test_the_models_layer_imports_nothing_of_scoring_or_eligibility() -> None:
    assert _layer_violations() == []


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (or a self-import)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's algorithm; the graph is small
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1 or node in edges.get(node, ()):
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return sorted(found)


def _import_time_graph() -> dict[str, set[str]]:
    return {m: {i.target for i in imports_of(m) if i.at_import_time} for m in MODULES}


def test_no_import_cycles() -> None:
    assert _cycles(_import_time_graph()) == []


def _defined_names(tree: ast.Module) -> set[str]:
    """Names a module defines: functions, classes, assigned names and fields, and
    attributes set on ``self``/``cls`` (directly or with ``object.__setattr__``)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.ctx, ast.Store)
            and _is_self(node.value)
        ):
            names.add(node.attr)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "__setattr__"
            and len(node.args) >= 2
            and _is_self(node.args[0])
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
        ):
            names.add(node.args[1].value)
    return names


def _is_self(node: ast.expr) -> bool:
    return isinstance(node, ast.Name) and node.id in {"self", "cls"}


def _is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def private_reads(module: str) -> list[str]:
    """Each read of a private attribute ``module`` does not define (``module:line: code``)."""
    tree = MODULES[module][1]
    own = _defined_names(tree)
    found = []
    for node in ast.walk(tree):
        target: ast.expr | None = None
        name = ""
        where: ast.expr = ast.Constant(None)
        if isinstance(node, ast.Attribute):
            target, name, where = node.value, node.attr, node
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in {"getattr", "hasattr", "setattr", "delattr"}
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
        ):
            target, name, where = node.args[0], node.args[1].value, node
        if target is None or not _is_private(name) or _is_self(target) or name in own:
            continue
        if (module, name) in PRIVATE_READS_ALLOWED:
            continue
        found.append(f"{module}:{where.lineno}: {ast.unparse(where)}")
    return found


def test_no_private_attribute_read_across_modules() -> None:
    assert [read for m in MODULES for read in private_reads(m)] == []


KNOWN_PRIVATE_IMPORTS: tuple[str, ...] = ()
"""Private names imported from another module; none (a helper another module needs
is public in its own module)."""


def test_private_imports_stay_in_their_module() -> None:
    """``from a import _b`` reads a private name too, unless ``_b`` is a module.

    The known cases are listed exactly, so a new one fails and a fixed one must
    be struck off the list.
    """
    found = []
    for module in MODULES:
        for node in ast.walk(MODULES[module][1]):
            if isinstance(node, ast.ImportFrom):
                base = _absolute(module, node)
                found += [
                    f"{module}: from {base} import {alias.name}"
                    for alias in node.names
                    if base.split(".")[0] == PACKAGE
                    and _is_private(alias.name)
                    and f"{base}.{alias.name}" not in MODULES
                ]
    assert sorted(found) == sorted(KNOWN_PRIVATE_IMPORTS)


def _order_violations(order: tuple[str, ...]) -> list[str]:
    """Each import of a module of ``order`` that names itself or a later one."""
    return [
        f"{module} -> {imp.target} (line {imp.line})"
        for i, module in enumerate(order)
        for imp in imports_of(module)
        if imp.target in order[i:]
    ]


def test_the_scoring_modules_point_one_way() -> None:
    scoring = [m for m in MODULES if m.startswith("expressentry.scoring.")]
    assert sorted(scoring) == sorted(
        m for m in SCORING_ORDER if m.startswith("expressentry.scoring.")
    )
    assert _order_violations(SCORING_ORDER) == []


# The checks must be able to fail: each runs on a small made-up package.


Fake = dict[str, tuple[Path, ast.Module]]


@pytest.fixture
def fake_modules(monkeypatch: pytest.MonkeyPatch) -> Fake:
    """Replaces the package's modules with made-up ones the test adds."""
    fake: Fake = {}
    monkeypatch.setitem(globals(), "MODULES", fake)
    return fake


def _add(fake: Fake, name: str, source: str) -> None:
    file = "__init__.py" if name.count(".") == 0 or name.endswith("rules") else "m.py"
    fake[name] = (Path(file), ast.parse(source))


def test_a_model_importing_scoring_is_found(
    fake_modules: Fake,
) -> None:
    _add(fake_modules, "expressentry", "")
    _add(fake_modules, "expressentry.crs", "")
    _add(fake_modules, "expressentry.explain", "from expressentry import crs")
    _add(
        fake_modules,
        "expressentry.models",
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import expressentry.explain",
    )
    assert _layer_violations() == [
        "expressentry.models -> expressentry.explain (line 3 of expressentry.models)"
        " -> expressentry.crs (line 1 of expressentry.explain)"
    ]


def test_a_cycle_is_found(fake_modules: Fake) -> None:
    _add(fake_modules, "expressentry", "")
    _add(fake_modules, "expressentry.a", "from expressentry.b import x")
    _add(fake_modules, "expressentry.b", "def f():\n    from expressentry.c import y")
    _add(fake_modules, "expressentry.c", "if TYPE_CHECKING:\n    from expressentry import a")
    assert _cycles(_import_time_graph()) == []
    _add(fake_modules, "expressentry.c", "from expressentry import a")
    _add(fake_modules, "expressentry.b", "from expressentry.c import y")
    assert _cycles(_import_time_graph()) == [["expressentry.a", "expressentry.b", "expressentry.c"]]


def test_a_private_read_is_found(fake_modules: Fake) -> None:
    _add(
        fake_modules,
        "expressentry.m",
        "class A:\n"
        "    _own: int\n"
        "    def f(self, other):\n"
        "        self._set = 1\n"
        "        return self._x + other._own + other._set + other.__class__\n"
        "def g(o):\n"
        "    return o._theirs, getattr(o, '_hidden'), o.public\n",
    )
    assert private_reads("expressentry.m") == [
        "expressentry.m:7: o._theirs",
        "expressentry.m:7: getattr(o, '_hidden')",
    ]


def test_an_import_against_the_order_is_found(fake_modules: Fake) -> None:
    _add(fake_modules, "expressentry", "")
    _add(fake_modules, "expressentry.low", "")
    _add(fake_modules, "expressentry.mid", "from expressentry.low import x")
    _add(
        fake_modules,
        "expressentry.high",
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from expressentry import mid",
    )
    order = ("expressentry.low", "expressentry.mid", "expressentry.high")
    assert _order_violations(order) == []
    assert _order_violations(order[::-1]) == [
        "expressentry.high -> expressentry.mid (line 3)",  # for type checking too
        "expressentry.mid -> expressentry.low (line 1)",
    ]
