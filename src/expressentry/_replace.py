"""``attrs.evolve`` with each class's fields looked up once.

The planner builds a few dozen variants of one profile per plan (a better
result, a credential, a year of work); :func:`attrs.evolve` looks every field of
the class up again for each. The variant is built by the class's own
constructor all the same, so every check runs as it does for any profile.
"""

from __future__ import annotations

from typing import Any, TypeVar

import attrs

__all__ = ["replace"]

_A = TypeVar("_A", bound=attrs.AttrsInstance)

_FIELDS: dict[type, tuple[tuple[str, str], ...]] = {}
"""Per class, each field given to the constructor: its attribute, then its argument."""


def replace(inst: _A, **changes: Any) -> _A:
    """``inst`` with ``changes``, built by its class (as :func:`attrs.evolve`)."""
    cls = type(inst)
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple((a.name, a.alias) for a in attrs.fields(cls) if a.init)
    for name, alias in names:
        if alias not in changes:
            changes[alias] = getattr(inst, name)
    return cls(**changes)
