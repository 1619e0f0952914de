"""Ranking pre-scored keys: the cut-off by counting scores, a sort of only what is kept.

:func:`top_ranked` is the core of every selection
(:func:`~expressentry.draws.selection.select`) and replay
(:func:`~expressentry.draws.replays.replay`): given each candidate's CRS and
submission key, the positions of the best-ranked, as a plain ``sorted()`` by
(-CRS, submission, position) would give them, without sorting the whole pool.
"""

from __future__ import annotations

import heapq
import itertools
from collections import Counter
from collections.abc import Sequence

from expressentry.errors import FieldProblem, InvalidInputError
from expressentry.i18n import tr

__all__ = ["top_ranked"]


def top_ranked(scores: Sequence[int], submitted: Sequence[int], size: int) -> list[int]:
    """The positions of the ``size`` best-ranked keys, best first.

    Ranks by score, highest first, then by submission, earliest first, then by
    position (:data:`~expressentry.draws.selection.SAME_INSTANT_ORDER`). Equal to
    ``sorted(range(n), key=lambda i: (-scores[i], submitted[i], i))[:size]``, but
    it sorts only the keys it keeps: it counts the scores to find the cut-off,
    takes every key above it, and only the earliest of those at it.

    >>> top_ranked([480, 500, 480, 480], [30, 10, 20, 20], 3)
    [1, 2, 3]

    Args:
        scores: Whole-number scores (CRS), one per candidate.
        submitted: Submission keys, one per candidate: whole numbers at the
            precision the times were given (microseconds since 1970-01-01 UTC
            for a :class:`~expressentry.draws.pool.Pool`).
        size: How many to keep (all when there are fewer).

    Raises:
        InvalidInputError: the sequences differ in length or ``size`` is negative.
    """
    n = len(scores)
    if len(submitted) != n or size < 0:
        raise InvalidInputError(
            "top_ranked",
            [
                FieldProblem(
                    "submitted" if len(submitted) != n else "size",
                    len(submitted) if len(submitted) != n else size,
                    tr("must have one entry per score ({count})", count=n)
                    if len(submitted) != n
                    else tr("must be 0 or more"),
                )
            ],
        )
    if size == 0 or n == 0:
        return []
    counts = Counter(scores)
    above = 0
    cut = min(counts)
    for s in sorted(counts, reverse=True):
        if above + counts[s] >= size:
            cut = s
            break
        above += counts[s]
    positions = range(n)
    kept = list(itertools.compress(positions, map(cut.__lt__, scores)))
    at = itertools.compress(positions, map(cut.__eq__, scores))
    need = size - len(kept)
    key = submitted.__getitem__
    if need < counts[cut]:
        kept.extend(heapq.nsmallest(need, at, key=key))  # stable: ties keep position order
    else:
        kept.extend(at)
    # Two stable sorts on plain int keys (no tuple per key): by submission, then by
    # score, highest first; equal keys keep position order (``reverse`` is stable).
    kept.sort(key=key)
    kept.sort(key=scores.__getitem__, reverse=True)
    return kept
