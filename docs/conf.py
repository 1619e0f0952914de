"""Sphinx configuration for the expressentry documentation.

The build is fully offline. Intersphinx links to the Python, attrs and cattrs
documentation are added only when ``EXPRESSENTRY_DOCS_INTERSPHINX=1`` is set
(CI does not set it); without them, the few external names the API mentions are
listed in ``nitpick_ignore_regex`` below.
"""

from __future__ import annotations

import doctest
import os
import sys
from importlib.metadata import version as _version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "expressentry"
author = "expressentry developers"
copyright = (
    "expressentry developers; the rule tables contain information licensed under "
    "the Open Government Licence – Canada"
)
release = _version("expressentry")
version = ".".join(release.split(".")[:2])

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
    "myst_nb",  # MyST Markdown (it includes myst_parser) and Jupyter notebooks
    "sphinxarg.ext",  # the command-line reference, from the program's argument parser
    "api_names",
    "rules_reference",
]

# .md and .ipynb are registered by myst_nb
source_suffix = {".rst": "restructuredtext"}
root_doc = "index"
exclude_patterns = ["_build", "_inventories", "Thumbs.db", ".DS_Store"]
language = "en"
# Quotes and ellipses only: "--" stays two hyphens, as options (--as-of) are typed.
smartquotes_action = "qe"

# -- HTML --------------------------------------------------------------------
html_theme = "furo"
html_title = f"expressentry {release}"
html_static_path: list[str] = []

# -- MyST --------------------------------------------------------------------
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# -- MyST-NB: notebooks ------------------------------------------------------
# The notebooks are stored without outputs and executed at every build (with the
# kernel of the Python running Sphinx), so the pages show what the code does now;
# an error in a cell fails the build. tests/test_notebook.py runs them too.
nb_execution_mode = "force"
nb_execution_raise_on_error = True
nb_execution_timeout = 300
nb_execution_show_tb = True
nb_merge_streams = True

# -- autodoc / napoleon ------------------------------------------------------
autodoc_typehints = "description"
autodoc_member_order = "bysource"
autodoc_class_signature = "mixed"
autodoc_default_options = {"show-inheritance": False}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = False
napoleon_use_rtype = True
napoleon_attr_annotations = True

# -- doctest -----------------------------------------------------------------
# Docstring examples are already run by ``pytest --doctest-modules`` in their own
# module namespace; here only the explicit ``doctest`` blocks of these pages run.
doctest_test_doctest_blocks = ""
doctest_global_setup = "from datetime import date\nimport expressentry as ee\n"
# The flags pytest uses (pyproject.toml), and exception messages are compared too.
doctest_default_flags = (
    doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE | doctest.DONT_ACCEPT_TRUE_FOR_1
)

# -- nitpicky mode -----------------------------------------------------------
nitpicky = True
# Only names from outside this project, which resolve once intersphinx is on:
nitpick_ignore_regex = [
    # the standard library, and ``date`` or ``datetime`` where a string annotation
    # stays unevaluated
    (
        "py:class",
        r"(datetime|collections\.abc|contextlib|enum|os|pathlib|importlib\.resources\.abc|gettext)"
        r"\.\w+|date(time)?",
    ),
    ("py:mod", r"gettext"),
    ("py:class", r"cattrs\.Converter"),
    # type variables of generic classes and functions (``T = TypeVar("T")``, K, V),
    # named with their module or, in a string annotation, alone
    ("py:(class|obj)", r"(expressentry(\.\w+)*\.)?[TKV]"),
]

# -- intersphinx, from inventories kept in the repository (no network) --------
# Python's and attrs' objects.inv, from Debian's python3.11-doc and python-attr-doc
# packages (see _inventories/README.md): the API pages link to their docs offline.
extensions.append("sphinx.ext.intersphinx")
_INVENTORIES = Path(__file__).parent / "_inventories"
intersphinx_mapping: dict[str, tuple[str, str | None]] = {
    "python": ("https://docs.python.org/3.11", str(_INVENTORIES / "python.inv")),
    "attrs": ("https://www.attrs.org/en/stable/", str(_INVENTORIES / "attrs.inv")),
}
if os.environ.get("EXPRESSENTRY_DOCS_INTERSPHINX") == "1":  # the latest, over the network
    intersphinx_mapping["cattrs"] = ("https://catt.rs/en/stable/", None)
