"""The ``format`` each profile and JSON output carries: ``"expressentry-NAME/VERSION"``.

``NAME`` is the schema's (``expressentry schema NAME``), ``VERSION`` a whole
number raised when the form changes so that an old reader would misread it.
Kept apart from :mod:`expressentry.schema` so the serialization reads it without
importing the results.
"""

from __future__ import annotations

import re
from typing import Final

from expressentry.i18n import Message, tr

VERSIONS: Final = {
    "profile": 1,
    "score": 1,
    "eligibility": 1,
    "plan": 1,
    "outlook": 1,
    "compare": 1,
    "backtest": 1,
    "rounds": 1,
    "timeline": 1,
    "simulate": 1,
    "score-row": 1,
    "eligibility-row": 1,
    "plan-row": 1,
}
"""Each schema's name and the version of its form."""

FORMATS: Final = {name: f"expressentry-{name}/{v}" for name, v in VERSIONS.items()}
"""Each schema's name and the ``format`` its JSON carries."""

PROFILE_FORMAT: Final = FORMATS["profile"]

_WRITTEN = re.compile(r"expressentry-([a-z-]+)/([0-9]+)")


def format_problem(found: object, expected: str) -> Message:
    """Why ``found`` is not the ``format`` ``expected`` (a newer version, another form...)."""
    name = expected.partition("/")[0].removeprefix("expressentry-")
    parsed = _WRITTEN.fullmatch(found) if isinstance(found, str) else None
    if parsed is not None and parsed.group(1) == name and int(parsed.group(2)) > VERSIONS[name]:
        return tr(
            "is a newer form than this version of expressentry reads ({expected}): "
            "upgrade expressentry, or write the form it reads",
            expected=expected,
        )
    if parsed is not None and parsed.group(1) != name:
        return tr(
            "is the format of another form ({other}); a {name} is {expected}",
            other=parsed.group(1),
            name=name,
            expected=expected,
        )
    return tr("must be {expected} (or left out, which means {expected})", expected=expected)
