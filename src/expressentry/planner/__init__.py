"""The improvement planner: what would change a candidate's score, and by how much.

:func:`improvements` lists every realistic change to a profile (a better
language result, a test in the other official language, a renewal, the
spouse's test, education or work, a credential, a further year of work, a job
offer, a nomination, a sibling, a certificate), each scored exactly by the
library on the earliest day it takes effect, ranked, and combined in the best
pair and triple; and the days points will be lost. :func:`compare` puts two to
four profiles or rule sets side by side, line by line
(:mod:`expressentry.planner.compare`).

>>> from datetime import date
>>> import expressentry as ee
>>> plan = ee.improvements(ee.example_profile(), as_of=date(2026, 11, 22), chances=False)
>>> best = plan.improvements[0]
>>> best.description, best.gain
('A provincial or territorial nomination', 550)
"""

from __future__ import annotations

from expressentry.planner.compare import (
    MAX_SCENARIOS,
    MIN_SCENARIOS,
    Comparison,
    ComparisonColumn,
    ComparisonRow,
    ComparisonSubtotal,
    Scenario,
    compare,
)
from expressentry.planner.options import ChangeKind
from expressentry.planner.planning import DEFAULT_MONTHS, improvements, improvements_many
from expressentry.planner.results import (
    ChanceChange,
    Improvement,
    ImprovementPlan,
    LineChange,
    Loss,
)

__all__ = [
    "DEFAULT_MONTHS",
    "MAX_SCENARIOS",
    "MIN_SCENARIOS",
    "ChanceChange",
    "ChangeKind",
    "Comparison",
    "ComparisonColumn",
    "ComparisonRow",
    "ComparisonSubtotal",
    "Improvement",
    "ImprovementPlan",
    "LineChange",
    "Loss",
    "Scenario",
    "compare",
    "improvements",
    "improvements_many",
]
