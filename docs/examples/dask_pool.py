"""Score, assess and select from a pool of JSON Lines with Dask.

Each partition of the file's lines is read, scored (``score_many``) and assessed
(``flags_many``) on a worker; the main process gathers the profiles with their
totals and flags, and selects a round from them without scoring anyone again
(``Pool.remember``). A bad line is set aside with its problems, never stops the
rest.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import dask.bag as db

from expressentry import Candidate, Pool, RoundSpec, from_json, rules_for, score_many, select
from expressentry.draws import Selection
from expressentry.eligibility import EligibilityFlags, flags_many
from expressentry.errors import InvalidInputError

Row = tuple[Candidate, int, EligibilityFlags]
Bad = tuple[str, str]  # the line (its start), and its problems


def work_on(lines: Sequence[str], day: date) -> list[tuple[str, Any]]:
    """One partition: each good profile with its total and flags, each bad line apart."""
    good: list[Candidate] = []
    texts: list[str] = []
    out: list[tuple[str, Any]] = []
    for line in lines:
        if not line.strip():
            continue
        try:
            good.append(from_json(line, Candidate))
            texts.append(line)
        except InvalidInputError as exc:
            out.append(("bad", (line[:60], str(exc))))
    totals = score_many(good, as_of=day, errors="collect")
    flags = flags_many(good, as_of=day, errors="collect")
    refused = {f.index: f.error for f in (*totals.failures, *flags.failures)}
    for i, c in enumerate(good):
        total, flag = totals.results[i], flags.results[i]
        if total is None or flag is None:  # a document dated after the day
            out.append(("bad", (texts[i][:60], str(refused[i]))))
        else:
            out.append(("good", (c, total, flag)))
    return out


def score_pool(path: str, day: date, *, blocksize: str = "64MiB") -> tuple[list[Row], list[Bad]]:
    """Every profile of the file with its total and flags on ``day``, and the bad lines.

    Runs on the Dask scheduler in use (a ``distributed.Client`` once created).
    """
    bag = db.read_text(path, blocksize=blocksize)  # type: ignore[no-untyped-call]  # dask's own
    worked = bag.map_partitions(work_on, day).compute()
    rows = [item for tag, item in worked if tag == "good"]
    bad = [item for tag, item in worked if tag == "bad"]
    return rows, bad


def round_of(rows: Sequence[Row], spec: RoundSpec) -> Selection:
    """The round ``spec`` over the gathered profiles: no one is scored or assessed again."""
    pool = Pool([c for c, _, _ in rows])
    rules = rules_for(as_of=spec.day)
    pool.remember(
        as_of=spec.day, rules=rules, scores=[t for _, t, _ in rows], flags=[f for _, _, f in rows]
    )
    return select(pool, spec, rules=rules)
