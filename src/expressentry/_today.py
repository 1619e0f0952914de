"""The one place the library reads the clock.

Every rule-dependent function takes ``as_of``; ``None`` means "today", resolved
here, so no rule silently depends on the clock.
"""

from __future__ import annotations

from datetime import date

__all__ = ["today"]


def today() -> date:
    """Today's date on this machine's clock."""
    return date.today()  # noqa: DTZ011 (the audited default for as_of=None)
