"""Sphinx extension: names and values in the API reference of a re-exporting package.

Three small adjustments, none of which changes what a docstring says:

* **Aliases.** ``expressentry`` re-exports its API, so one object has several
  importable names (``expressentry.score`` is ``expressentry.crs.score``;
  ``expressentry.rules.Steps`` is ``expressentry.rules._tables.Steps``). After
  reading, every documented class or function is also registered under its
  defining module, the way autodoc's ``:canonical:`` already does for classes,
  and it and every documented type alias under each documented module that
  holds it, so a cross-reference written with any of those names resolves.
* **Prose docstrings stay prose.** Napoleon reads the first line of an
  attribute, property or constant docstring as ``type: description`` and would
  turn "Senior managers: NOC 2021 major group 00" into a type named "Senior
  managers". These docstrings are prose in this project, so napoleon handles
  every other kind of docstring only.
* **Long values.** A constant whose value is long (a mapping of whole rule
  timelines) is shown without its ``= value``; the rules reference shows rule
  values as tables. The limit is the ``api_names_max_value_length`` setting.
"""

from __future__ import annotations

import importlib
import types
import typing
from collections.abc import Callable

from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.domains.python import ObjectEntry
from sphinx.environment import BuildEnvironment
from sphinx.ext import napoleon
from sphinx.util.typing import ExtensionMetadata

__all__ = ["hide_long_values", "napoleon_except_prose", "note_aliases", "setup"]

ALIASED_TYPES: typing.Final = frozenset({"class", "exception", "function"})
PROSE_KINDS: typing.Final = frozenset({"attribute", "property", "data"})


def _lookup(name: str) -> object | None:
    """The object a dotted name imports, or ``None``."""
    parts = name.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj: object = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for part in parts[cut:]:
            obj = getattr(obj, part, None)
            if obj is None:
                return None
        return obj
    return None


def _is_named(obj: object) -> bool:
    """Classes, functions and generic aliases: objects that have one identity."""
    return isinstance(obj, type | types.FunctionType) or typing.get_origin(obj) is not None


def note_aliases(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Register every documented class or function under its other importable names."""
    del app
    objects = env.domains["py"].objects
    documented: dict[int, ObjectEntry] = {}
    for name, entry in list(objects.items()):
        if entry.aliased or entry.objtype not in ALIASED_TYPES | {"data"}:
            continue
        obj = _lookup(name)
        if obj is None or not _is_named(obj):
            continue
        documented.setdefault(id(obj), entry)
        canonical = f"{getattr(obj, '__module__', '')}.{getattr(obj, '__qualname__', '')}"
        if entry.objtype in ALIASED_TYPES and canonical not in objects:
            objects[canonical] = entry._replace(aliased=True)
    modules = [name for name, entry in objects.items() if entry.objtype == "module"]
    for modname in modules:
        module = _lookup(modname)
        for attr, value in vars(module).items() if module is not None else ():
            found = documented.get(id(value))
            alias = f"{modname}.{attr}"
            if found is not None and not attr.startswith("__") and alias not in objects:
                objects[alias] = found._replace(aliased=True)
    return []


def napoleon_except_prose(  # noqa: PLR0917 (the signature of the autodoc event)
    app: Sphinx, what: str, name: str, obj: object, options: object, lines: list[str]
) -> None:
    """Napoleon's docstring processing, for every kind but attributes and constants."""
    if what not in PROSE_KINDS:
        process: Callable[..., None] = napoleon._process_docstring
        process(app, what, name, obj, options, lines)


def hide_long_values(
    app: Sphinx, domain: str, objtype: str, contentnode: addnodes.desc_content
) -> None:
    """Drop the ``= value`` of a Python constant whose value is too long to read."""
    if domain != "py" or objtype not in {"data", "attribute"} or contentnode.parent is None:
        return
    limit: int = app.config.api_names_max_value_length
    for signature in contentnode.parent.findall(addnodes.desc_signature):
        for annotation in list(signature.findall(addnodes.desc_annotation)):
            text = annotation.astext().strip()
            if text.startswith("=") and len(text) > limit and annotation.parent is not None:
                annotation.parent.remove(annotation)


def _replace_napoleon(app: Sphinx) -> None:
    for listener in list(app.events.listeners["autodoc-process-docstring"]):
        if listener.handler is napoleon._process_docstring:
            app.disconnect(listener.id)
            app.connect("autodoc-process-docstring", napoleon_except_prose, listener.priority)


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the hooks and the ``api_names_max_value_length`` setting."""
    app.setup_extension("sphinx.ext.napoleon")
    _replace_napoleon(app)
    app.add_config_value("api_names_max_value_length", 100, "env", types=frozenset({int}))
    app.connect("env-updated", note_aliases)
    app.connect("object-description-transform", hide_long_values)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
