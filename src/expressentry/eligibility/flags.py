"""The pool fast path of eligibility: each candidate's verdicts, no explanations.

:func:`flags_many` answers, for every candidate of a pool on one day, what
:func:`~expressentry.eligibility.assess` answers in its verdicts: eligible, not
eligible or eligible if, for each program and each category in force. It runs
the very checks :func:`~expressentry.eligibility.assess` runs (each program
module holds each rule once, and both paths call it), but builds no requirement
and no sentence, runs the cheapest checks first and stops at the first one not
met: one requirement not met decides a verdict.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Literal, overload

from expressentry.batch import PoolResult, check_errors, run_pool
from expressentry.enums import CategoryId, Program
from expressentry.models import Candidate, check_dates, require_candidate, results_under
from expressentry.rules import RuleSet, resolve_rules
from expressentry.rules.categories import CATEGORY_SETS

from .categories import category_verdicts
from .cec import cec_verdict
from .fst import fst_verdict
from .fsw import fsw_verdict
from .report import EligibilityFlags, Verdict

__all__ = ["flags_many"]

_PROGRAMS = (Program.FSW, Program.CEC, Program.FST)
_NONE = (Verdict.NOT_ELIGIBLE,) * len(_PROGRAMS)


class _Flagger:
    """Verdicts of candidates on one day under one rule set; equal flags shared."""

    def __init__(self, day: date, rules: RuleSet) -> None:
        self.day = day
        self.rules = rules
        self.categories: tuple[CategoryId, ...] = tuple(
            cat.id for cat in rules.entry(CATEGORY_SETS).value.categories
        )
        self.seen: dict[str, EligibilityFlags] = {}

    def check(self, c: object) -> Candidate:
        """``c`` if it is a profile that can be assessed on the day."""
        c = require_candidate(c, "flags_many")
        check_dates(c, as_of=self.day)
        return results_under(c, self.rules)  # its results read on the charts of the rules

    def flags(self, pool: list[Candidate]) -> list[EligibilityFlags]:
        """Each candidate's flags, the pool run one program at a time.

        One check over the whole pool, then the next, keeps that check's code and
        rules at hand: faster than every check for one candidate, then the next.
        """
        day, rules = self.day, self.rules
        fsw = [fsw_verdict(c, day, rules) for c in pool]
        cec = [cec_verdict(c, day, rules) for c in pool]
        fst = [fst_verdict(c, day, rules) for c in pool]
        out: list[EligibilityFlags] = []
        # Without a program, no category: every such candidate has one answer, found once.
        nobody: EligibilityFlags | None = None
        for c, programs in zip(pool, zip(fsw, cec, fst, strict=True), strict=True):
            if programs == _NONE and nobody is not None:
                out.append(nobody)
                continue
            verdicts = programs + category_verdicts(c, day, programs, rules)
            # keyed by the verdicts' words: a str hashes in C, an enum member in Python
            key = " ".join(verdicts)
            found = self.seen.get(key)
            if found is None:
                found = self.seen[key] = EligibilityFlags(
                    as_of=day,
                    programs=tuple(zip(_PROGRAMS, programs, strict=True)),
                    categories=tuple(zip(self.categories, verdicts[3:], strict=True)),
                )
            out.append(found)
            if programs == _NONE:
                nobody = found
        return out


@overload
def flags_many(
    candidates: Iterable[Candidate],
    *,
    as_of: date | None = None,
    rules: RuleSet | None = None,
    errors: Literal["raise"] = "raise",
) -> list[EligibilityFlags]: ...


@overload
def flags_many(
    candidates: Iterable[Candidate],
    *,
    as_of: date | None = None,
    rules: RuleSet | None = None,
    errors: Literal["collect"],
) -> PoolResult[EligibilityFlags]: ...


def flags_many(
    candidates: Iterable[Candidate],
    *,
    as_of: date | None = None,
    rules: RuleSet | None = None,
    errors: Literal["raise", "collect"] = "raise",
) -> list[EligibilityFlags] | PoolResult[EligibilityFlags]:
    """Program and category verdicts of a whole pool on one day: the fast path.

    Each candidate's flags equal ``assess(candidate, as_of=as_of,
    rules=rules).flags``: the same checks decide them, only nothing is explained.

    >>> from datetime import date
    >>> from expressentry import example_profile
    >>> [flags] = flags_many([example_profile()], as_of=date(2026, 11, 22))
    >>> flags.eligible_programs
    (<Program.FSW: 'fsw'>, <Program.CEC: 'cec'>)

    Args:
        candidates: The pool.
        as_of: The day assessed; ``None`` means today.
        rules: Rules to apply instead of those in force on ``as_of`` (a reform).
        errors: ``"raise"`` stops at the first bad profile, naming its index
            (``[3].languages[0].test_date``); ``"collect"`` flags every other
            profile and returns a :class:`~expressentry.batch.PoolResult` whose
            ``failures`` name each bad one.

    Raises:
        RulesNotInForceError: ``as_of`` is before the first rules known.
        InvalidInputError: ``candidates`` is not an iterable of profiles (one
            profile alone: pass ``[profile]``), or, with ``errors="raise"``, a
            profile holds a document dated after ``as_of`` or is not a
            :class:`~expressentry.models.Candidate`.
    """
    check_errors("flags_many", errors)
    day, r = resolve_rules("flags_many", as_of, rules)
    flagger = _Flagger(day, r)
    checked = run_pool("flags_many", candidates, Candidate, errors == "collect", flagger.check)
    flags = iter(flagger.flags([c for c in checked.results if c is not None]))
    if errors == "raise":
        return list(flags)
    return PoolResult(
        results=tuple(None if c is None else next(flags) for c in checked.results),
        failures=checked.failures,
    )
