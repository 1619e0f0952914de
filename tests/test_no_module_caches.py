"""No module keeps a cache of its own: every memo is owned by what its values belong to.

The package's memos are :class:`expressentry._memo.Memo` and
:class:`~expressentry._memo.IdentityCache`, owned by a rule set
(:meth:`expressentry.rules.RuleSet.memo` and :meth:`~expressentry.rules.RuleSet.derived`),
a scoring plan or a converter. A cache at module level outlives the rules it was
derived under (a reform would read values derived under other rules), grows
without an owner to free it, and hides state from whoever reads the module.

This test imports every module and walks its module-level names. It flags:

- a ``functools.cache``/``lru_cache`` function, unless it takes no argument (it
  then reads shipped data once: one value, immutable) or is listed in
  :data:`ALLOWED` with the reason;
- a :class:`~expressentry._memo.Memo` or identity cache at module level;
- a module-level ``dict``, ``list`` or ``set`` that a function of the module
  changes (an item assigned or deleted, or ``clear``, ``update``, ``setdefault``,
  ``pop``, ``append``, ``add``...): a hand-made cache.

Kind: property (structural, of the package as imported).
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest

import expressentry
from expressentry._memo import IdentityCache, Memo, Shared

ALLOWED: dict[tuple[str, str], str] = {
    ("expressentry.rules", "_resolve"): (
        "the rule sets themselves, one per day a rule changed: the root that owns "
        "every other memo, bounded by the number of rule changes"
    ),
    ("expressentry._replace", "_FIELDS"): (
        "each attrs class's constructor arguments, found once: bounded by the package's "
        "classes (and a caller's), holds no data of a profile"
    ),
    ("expressentry.experience", "_kind_name"): (
        "the name of each kind of work (its name and TEERs): bounded by the kinds the "
        "rule sets define, holds no data of a profile"
    ),
}

_SHARED = (
    "one object per value of an immutable kind, shared by the profiles unpickled in "
    "a process: bounded (emptied when full), derived from no rule, and any of its "
    "objects equals what unpickling would build without it"
)
ALLOWED.update(
    {
        ("expressentry.models._pickling", "shared_days"): _SHARED,
        ("expressentry.models._pickling", "shared_numbers"): _SHARED,
        ("expressentry.models.education", "_SHARED"): _SHARED,
        ("expressentry.models.documents", "_OFFERS"): _SHARED,
        ("expressentry._memo", "_INTS"): _SHARED,
        ("expressentry.experience", "_KEYS"): (
            "the keys a work history's derived values are kept under (a kind of work and "
            "a weekly cap): bounded by the kinds the rule sets define, holds no data of a "
            "profile"
        ),
    }
)

MUTATORS = frozenset(
    {"clear", "update", "setdefault", "pop", "popitem", "append", "add", "extend", "insert"}
)


def _modules() -> list[str]:
    names = ["expressentry"]
    for info in pkgutil.walk_packages(expressentry.__path__, "expressentry."):
        names.append(info.name)
    return sorted(names)


def _mutated_names(module: object) -> set[str]:
    """Names the module's functions change in place (``x[k] = v``, ``x.clear()``...)."""
    path = Path(inspect.getfile(module))  # type: ignore[arg-type]
    tree = ast.parse(path.read_text("utf-8"))
    found: set[str] = set()
    for fn in ast.walk(tree):
        if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(fn):
            targets: list[ast.expr] = []
            if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            elif isinstance(node, ast.Delete):
                targets = node.targets
            for t in targets:
                if isinstance(t, ast.Subscript) and isinstance(t.value, ast.Name):
                    found.add(t.value.id)
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in MUTATORS
                and isinstance(node.func.value, ast.Name)
            ):
                found.add(node.func.value.id)
    return found


def _defined_here(value: object, name: str) -> bool:
    """Made in module ``name``: defined there, or a cache of a ``functools.partial``
    (whose ``__module__`` is not the package's), not a name imported from another."""
    module = getattr(value, "__module__", None)
    return module == name or not (isinstance(module, str) and module.startswith("expressentry"))


def _caches(name: str) -> list[str]:
    module = importlib.import_module(name)
    mutated = _mutated_names(module)
    found = []
    for attr, value in vars(module).items():
        if (name, attr) in ALLOWED:
            continue
        if isinstance(value, Memo | IdentityCache | Shared):
            found.append(f"{attr} (a {type(value).__name__})")
        elif hasattr(value, "cache_info") and _defined_here(value, name):
            if inspect.signature(value).parameters:
                found.append(f"{attr} (a functools cache)")
        elif type(value) in {dict, list, set} and attr in mutated:
            found.append(f"{attr} (a {type(value).__name__} the module changes)")
    return found


def test_no_module_level_cache() -> None:
    found = {name: [c.split(" (")[0] for c in cs] for name in _modules() if (cs := _caches(name))}
    assert found == {}, (
        "caches at module level: own them by a rule set (RuleSet.memo, RuleSet.derived), "
        "a plan or a converter"
    )


def test_the_walk_finds_a_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The walk itself works: a hand-made cache, a memo and an lru_cache are flagged."""
    (tmp_path / "cache_probe.py").write_text(
        "import functools\n"
        "from expressentry._memo import Memo\n"
        "_SEEN = {}\n"
        "_TABLE = {1: 2}\n"
        "_SQUARES = Memo(lambda n: n * n, size=4)\n"
        "def f(x):\n"
        "    _SEEN[x] = _TABLE[x]\n"
        "@functools.lru_cache(maxsize=8)\n"
        "def g(x):\n"
        "    return x\n"
        "@functools.cache\n"
        "def shipped():\n"
        "    return (1, 2)\n",
        "utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    assert _caches("cache_probe") == [
        "_SEEN (a dict the module changes)",
        "_SQUARES (a Memo)",
        "g (a functools cache)",
    ]
