"""Comprehensive Ranking System scoring, explained line by line.

One implementation serves both paths. :func:`score` returns the full
:class:`~expressentry.explain.CrsBreakdown`; :func:`score_many` returns totals
only for a whole pool. Both run the same kernel
(:mod:`expressentry.scoring.kernel`) over the same plan (the rule set's tables
compiled for one day, :mod:`expressentry.scoring.plan`), so they always agree.

>>> from datetime import date
>>> from expressentry.enums import EducationLevel, LanguageTest
>>> from expressentry.models import Candidate, Education, LanguageResult, WorkHistory
>>> c = Candidate(
...     date_of_birth=date(1996, 1, 1),
...     education=Education(level=EducationLevel.BACHELORS, eca_issued=date(2024, 1, 1)),
...     languages=(LanguageResult(test=LanguageTest.CELPIP_GENERAL,
...                               test_date=date(2025, 6, 1), listening=9,
...                               speaking=9, reading=9, writing=9),),
...     work_history=WorkHistory.from_years(as_of=date(2026, 11, 22), foreign=3),
... )
>>> result = score(c, as_of=date(2026, 11, 22))
>>> result.total, result.core, result.transferability
(424, 349, 75)
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from datetime import date
from typing import Literal, overload

from expressentry.batch import PoolResult, check_errors, run_pool
from expressentry.explain import CrsBreakdown
from expressentry.models import Candidate, require_candidate
from expressentry.rules import RuleSet, resolve_rules
from expressentry.scoring.kernel import score_on
from expressentry.scoring.plan import Lines, plan_for

__all__ = ["score", "score_many"]


def score(
    candidate: Candidate, *, as_of: date | None = None, rules: RuleSet | None = None
) -> CrsBreakdown:
    """The CRS score of ``candidate`` on ``as_of``, explained line by line.

    Args:
        candidate: The profile.
        as_of: The day scored; ``None`` means today. Documents dated after it
            (tests, ECA) are errors: they did not exist yet.
        rules: Rules to apply instead of those in force on ``as_of`` (a reform).

    Raises:
        RulesNotInForceError: ``as_of`` is before 2015-01-01.
        InvalidInputError: the profile holds a document dated after ``as_of``;
            ``as_of`` is not a date (a ``datetime`` or a string is refused), or
            ``candidate`` or ``rules`` is of the wrong type.
    """
    day, r = resolve_rules("score", as_of, rules)
    candidate = require_candidate(candidate, "score")
    plan = plan_for(r, day)
    groups: list[Lines] = []
    total = score_on(candidate, plan, groups)
    return CrsBreakdown(
        as_of=day,
        edition=plan.edition,
        with_spouse=candidate.scored_with_spouse,
        lines=tuple(itertools.chain.from_iterable(groups)),
        total=total,
        rules_reviewed_on=r.last_reviewed,
    )


@overload
def score_many(
    candidates: Iterable[Candidate],
    *,
    as_of: date | None = None,
    rules: RuleSet | None = None,
    errors: Literal["raise"] = "raise",
) -> list[int]: ...


@overload
def score_many(
    candidates: Iterable[Candidate],
    *,
    as_of: date | None = None,
    rules: RuleSet | None = None,
    errors: Literal["collect"],
) -> PoolResult[int]: ...


def score_many(
    candidates: Iterable[Candidate],
    *,
    as_of: date | None = None,
    rules: RuleSet | None = None,
    errors: Literal["raise", "collect"] = "raise",
) -> list[int] | PoolResult[int]:
    """Totals for a whole pool on one day: the fast path.

    The rules are resolved and compiled once and no explanation is built; each
    total equals ``score(candidate, as_of=as_of, rules=rules).total``.

    Args:
        candidates: The pool.
        as_of: The day scored; ``None`` means today.
        rules: Rules to apply instead of those in force on ``as_of``.
        errors: ``"raise"`` stops at the first bad profile, naming its index
            (``[3].languages[0].test_date``); ``"collect"`` scores every other
            profile and returns a :class:`~expressentry.batch.PoolResult` whose
            ``failures`` name each bad one.

    Raises:
        RulesNotInForceError: ``as_of`` is before 2015-01-01.
        InvalidInputError: ``candidates`` is not an iterable of profiles (one
            profile alone: pass ``[profile]``), or, with ``errors="raise"``, a
            profile holds a document dated after ``as_of`` or is not a
            :class:`Candidate`.
    """
    check_errors("score_many", errors)
    day, r = resolve_rules("score_many", as_of, rules)
    done = run_pool(
        "score_many", candidates, Candidate, errors == "collect", score_on, plan_for(r, day), None
    )
    if errors == "raise":
        return list(done.results)  # type: ignore[arg-type]  # no None without a failure
    return done
