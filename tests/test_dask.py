"""The Dask how-to (``docs/examples/dask_pool.py``) on a local cluster equals one process.

Kind: equality with the single-process path. A pool of JSON Lines with bad lines
(not JSON, a bad value, a document after the day) is scored, assessed and
selected from on a local Dask cluster of two worker processes, in partitions;
the totals, flags and round must be those of :func:`~expressentry.pools.read_pool`,
:func:`~expressentry.score_many`, :func:`~expressentry.eligibility.flags_many`
and :func:`~expressentry.select` in this process, and every bad line set aside.
"""

from __future__ import annotations

import importlib.util
import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import ModuleType

import attrs
import pytest

import expressentry as ee
from expressentry import Pool, RoundKind, RoundSpec, pools
from expressentry.eligibility import flags_many
from tests.strategies import random_candidate

pytestmark = pytest.mark.slow  # a long test: CI runs it (pytest -m slow)

distributed = pytest.importorskip("distributed")

DAY = date(2026, 11, 22)
HOW_TO = Path(__file__).resolve().parent.parent / "docs" / "examples" / "dask_pool.py"


def _how_to() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dask_pool", HOW_TO)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def _pool_file(tmp_path: Path) -> Path:
    rng = random.Random(7)
    lines = []
    for i in range(300):
        c = random_candidate(rng, DAY)
        when = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(hours=5 * i)
        lines.append(ee.to_json(attrs.evolve(c, profile_submitted=when), indent=None))
    late = attrs.evolve(ee.example_profile(), profile_submitted=datetime(2026, 11, 30, tzinfo=UTC))
    for at, bad in ((10, "not json"), (50, '{"date_of_birth": "1990-02-30"}'), (200, "")):
        lines.insert(at, bad)
    lines.insert(120, ee.to_json(late, indent=None))
    path = tmp_path / "pool.jsonl"
    path.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    return path


def test_a_pool_on_a_dask_cluster_equals_one_process(tmp_path: Path, client: object) -> None:
    how_to = _how_to()
    path = _pool_file(tmp_path)
    rows, bad = how_to.score_pool(str(path), DAY, blocksize="64KiB")  # several partitions
    read = pools.read_pool(path)
    scored = ee.score_many(read.candidates, as_of=DAY, errors="collect")
    flagged = flags_many(read.candidates, as_of=DAY, errors="collect")
    kept = [
        (c, t, f)
        for c, t, f in zip(read.candidates, scored.results, flagged.results, strict=True)
        if t is not None and f is not None
    ]
    assert len(kept) == 300
    assert [(ee.to_dict(c), t, f) for c, t, f in rows] == [
        (ee.to_dict(c), t, f) for c, t, f in kept
    ]
    assert len(bad) == 3  # not JSON, a bad date, a submission after the day
    spec = RoundSpec(day=DAY, size=40, kind=RoundKind.GENERAL)
    on_dask = how_to.round_of(rows, spec)
    alone = ee.select(Pool([c for c, _, _ in kept]), spec)
    assert on_dask.cutoff == alone.cutoff
    assert [ee.to_dict(c) for c in on_dask.invited] == [ee.to_dict(c) for c in alone.invited]
