"""Replays measured in points: the general rounds' errors, PNP rounds against the 601-1200 band.

Expected values are IRCC's published figures (the feed's cut-offs, sizes and
601-1200 counts, as the research notes quote them) or worked by hand; the cut of
the synthetic pool at the implied band is checked as a property against ranking
the whole pool.

Kind: published figures, hand-worked cases and a property.
"""

from __future__ import annotations

from datetime import date

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import expressentry as ee
from expressentry.draws.ranking import top_ranked
from expressentry.draws.records import PoolDistribution
from expressentry.draws.replays import (
    NOMINEE_BAND_TOLERANCE,
    replay,
    replay_all,
    replay_bands,
    synthetic_keys,
)

BY_NUMBER = {r.number: r for r in ee.rounds()}
HAND_COUNTS = (10, 100, 1000, 200, 200, 200, 200, 200, 500, 100, 100, 100, 100, 100, 50, 0, 5)
HAND = PoolDistribution(as_of=date(2026, 8, 16), counts=HAND_COUNTS, total=1665)


@settings(max_examples=40, deadline=None)
@given(size=st.integers(1, 1700), seed=st.integers(0, 10_000))
def test_cutting_the_pool_at_the_implied_band_changes_no_invitation(size: int, seed: int) -> None:
    """Profiles below the band where the round's size is reached are never invited."""
    bands = replay_bands(HAND)
    assert bands is not None
    held = ee.rounds()[-1].held_at
    scores, submitted = synthetic_keys(bands, before=held, seed=seed)
    whole = top_ranked(scores, submitted, size)
    seen, low = 0, bands[-1][0].low
    for band, count in bands:
        seen += count
        if seen >= size:
            low = band.low
            break
    kept = [i for i, s in enumerate(scores) if s >= low]
    cut = top_ranked([scores[i] for i in kept], [submitted[i] for i in kept], size)
    assert [kept[i] for i in cut] == whole


def test_a_general_round_replayed_gives_its_error_in_points() -> None:
    # #238 (2023-01-18, general, 5,500 invited): IRCC published 490
    found = replay(BY_NUMBER["238"])
    assert found.round.cutoff == 490
    assert found.error == found.cutoff - 490
    assert found.matches_nominee_band is None  # not a PNP round
    hand = attrs.evolve(BY_NUMBER["238"], distribution=HAND, invitations=11, cutoff=495)
    lands = replay(hand)  # the 11th of the hand pool is in 501-600: 6 to 105 points high
    assert 6 <= lands.error <= 105
    assert lands.error == lands.cutoff - 495


def test_the_report_gives_each_general_error_and_the_mean() -> None:
    report = replay_all([BY_NUMBER[n] for n in ("238", "243", "393", "437")])
    errors = dict(report.general_errors())
    assert list(errors) == ["238", "243"]  # the general rounds only
    assert report.general_mae == (abs(errors["238"]) + abs(errors["243"])) / 2
    assert report.general_bias == (errors["238"] + errors["243"]) / 2
    text = report.explain(rounds=True)
    assert "General rounds in CRS points (the replay's cut-off minus IRCC's): mean" in text
    assert f"#238 {errors['238']:+d}" in text
    assert replay_all([BY_NUMBER["437"]]).general_mae is None


def test_pnp_rounds_are_checked_against_the_601_1200_band() -> None:
    # The notes: #393 invited 423 with 423 in the band; #350 invited 125 with 102
    # (nominations after the snapshot); #331 (2025-01-07, job-offer points still
    # counted) invited 471 with 633 in the band.
    matched = replay(BY_NUMBER["393"])
    assert (matched.round.invitations, matched.nominee_band) == (423, 423)
    assert matched.nominee_ratio == 1.0
    assert matched.matches_nominee_band
    late = replay(BY_NUMBER["350"])
    assert (late.round.invitations, late.nominee_band) == (125, 102)
    assert late.matches_nominee_band is False  # 123 %: beyond the tolerance
    early = replay(BY_NUMBER["331"])
    assert (early.round.invitations, early.nominee_band) == (471, 633)
    assert early.matches_nominee_band is False  # 74 %
    assert NOMINEE_BAND_TOLERANCE == 0.1
    report = replay_all([BY_NUMBER[n] for n in ("331", "350", "393", "437")])
    assert report.nominee_checks() == ((0, 1), (1, 2))
    assert "within 10% of the band in 1 of 2 rounds from 2025-03-25" in report.explain()
