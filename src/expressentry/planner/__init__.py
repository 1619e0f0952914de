"""The improvement planner: what would change a candidate's score, and by how much.

:func:`compare` puts two to four profiles or rule sets side by side, line by
line (:mod:`expressentry.planner.compare`).
"""

from __future__ import annotations

from .compare import (
    MAX_SCENARIOS,
    MIN_SCENARIOS,
    Comparison,
    ComparisonColumn,
    ComparisonRow,
    ComparisonSubtotal,
    Scenario,
    compare,
)

__all__ = [
    "MAX_SCENARIOS",
    "MIN_SCENARIOS",
    "Comparison",
    "ComparisonColumn",
    "ComparisonRow",
    "ComparisonSubtotal",
    "Scenario",
    "compare",
]
