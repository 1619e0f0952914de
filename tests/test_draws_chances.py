"""Invitation chances: the chance a round invites a score, backtested against the naive chance.

Kind: hand-worked cases (a five-error distribution, tie-breaks on either side of a
submission, the naive share of ten cut-offs), properties (a chance rises with the
score and with the chance of winning a tie; it is never 0 or 1), and the
acceptance figures of issue 18 measured on the shipped history (the Brier score
below the naive chance's, every well-filled bin of the reliability table within
ten points of what happened).
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from expressentry.__main__ import main
from expressentry.draws import backtest
from expressentry.draws.chances import (
    CHANCE_SPAN,
    NAIVE_ROUNDS,
    TIE_UNKNOWN,
    naive_chance,
    score_chances,
    tie_chance,
)
from expressentry.draws.estimator import Estimate

FIVE = Estimate(
    "cec", date(2026, 9, 1), 520.0, 510.0, 530.0, 520, errors=(-10.0, -5.0, 0.0, 5.0, 10.0)
)


def test_a_chance_worked_by_hand() -> None:
    # errors -10 -5 0 5 10 at 1/6 .. 5/6; a cut-off of at most 519 (value + error <= 519.5):
    # error -0.5, 0.9 of the way from -5 (2/6) to 0 (3/6): 2.9/6; at most 520: 3.1/6
    assert FIVE.below(519.5) == pytest.approx(2.9 / 6)
    assert FIVE.below(520.5) == pytest.approx(3.1 / 6)
    assert FIVE.chance(520) == pytest.approx(2.9 / 6 + 0.2 / 6 * 0.5)
    assert FIVE.chance(520, tie=0.0) == pytest.approx(2.9 / 6)
    assert FIVE.chance(520, tie=1.0) == pytest.approx(3.1 / 6)
    # beyond every earlier error the chance stays at 1/6 or 5/6
    assert FIVE.chance(600) == pytest.approx(5 / 6)
    assert FIVE.chance(400) == pytest.approx(1 / 6)
    no_errors = Estimate("cec", date(2026, 9, 1), 520.0, None, None, 520)
    assert no_errors.chance(530) is None


@given(
    errors=st.lists(st.floats(-80, 80), min_size=2, max_size=40, unique=True),
    crs=st.integers(300, 900),
    value=st.floats(350, 850),
)
def test_a_chance_rises_with_the_score_and_the_tie(
    errors: list[float], crs: int, value: float
) -> None:
    e = Estimate("pnp", date(2026, 9, 1), value, None, None, 700, errors=tuple(sorted(errors)))
    lo, mid, hi = (e.chance(crs, tie=t) for t in (0.0, 0.5, 1.0))
    assert lo is not None
    assert mid is not None
    assert hi is not None
    assert 0 < lo <= mid <= hi < 1
    above = e.chance(crs + 1, tie=0.0)
    assert above is not None
    assert above >= hi - 1e-12  # one point more clears at least what a won tie did


def test_the_tie_chance_reads_the_recent_tie_breaks() -> None:
    breaks = [
        datetime(2026, 4, 14, 0, 3, 10, tzinfo=UTC),  # #420's
        datetime(2026, 5, 26, 17, 33, 3, tzinfo=UTC),  # #428's
        datetime(2026, 7, 3, 21, 35, 13, tzinfo=UTC),  # #432's
        None,  # a round before #77: no tie-break published
    ]
    # submitted 2026-05-01: after #420's, before #428's and #432's: 2 won of 3
    assert tie_chance(datetime(2026, 5, 1, tzinfo=UTC), breaks) == pytest.approx(2 / 3)
    assert tie_chance(datetime(2020, 1, 1, tzinfo=UTC), breaks) == 1.0
    assert tie_chance(datetime(2026, 8, 1, tzinfo=UTC), breaks) == 0.0
    # after #420's and #428's, within #432's second: not judged, counted half
    within = datetime(2026, 7, 3, 21, 35, 13, 500_000, tzinfo=UTC)
    assert tie_chance(within, breaks) == pytest.approx((0 + 0 + 0.5) / 3)
    assert tie_chance(None, breaks) == TIE_UNKNOWN
    assert tie_chance(datetime(2026, 5, 1, tzinfo=UTC), [None]) == TIE_UNKNOWN


def test_the_naive_chance_is_the_share_of_recent_rounds_cleared() -> None:
    recent = [507, 509, 515, 514, 518, 516, 517, 516, 516, 523]  # CEC #404-#436
    # 516: above 507 509 515 514 (4), at 516 three times (1.5): 5.5 of 10
    assert naive_chance(516, recent) == pytest.approx(0.55)
    assert naive_chance(600, recent) == 1.0
    assert naive_chance(500, recent) == 0.0
    assert naive_chance(500, []) is None
    assert NAIVE_ROUNDS == 10


def test_the_scoring_worked_by_hand() -> None:
    # one round cut at 520, the previous cut-off 520, five earlier errors: every score
    # within 40 points of 520 but 520 itself (80 cases); the naive chance from [510, 530]
    found = score_chances([(520, FIVE, [510, 530])])
    assert (found.rounds, found.cases) == (1, 2 * CHANCE_SPAN)
    scores = [s for s in range(480, 561) if s != 520]
    said = [FIVE.chance(s) for s in scores]
    naive_said = [naive_chance(s, [510, 530]) for s in scores]
    outcome = [1.0 if s > 520 else 0.0 for s in scores]
    assert None not in said
    assert None not in naive_said
    brier = sum((p - y) ** 2 for p, y in zip(said, outcome, strict=True) if p is not None) / 80
    naive = (
        sum((q - y) ** 2 for q, y in zip(naive_said, outcome, strict=True) if q is not None) / 80
    )
    assert found.brier == pytest.approx(brier)
    assert found.naive_brier == pytest.approx(naive)
    assert sum(b.cases for b in found.bins) == 80
    assert score_chances([]).cases == 0
    assert "no round to score" in score_chances([]).explain()


def test_the_acceptance_figures_of_issue_18() -> None:
    """Measured on the shipped history (the figures are in the Draws guide)."""
    for report in (backtest(), backtest(since=date(2023, 1, 1))):
        found = report.chances
        assert found.rounds == report.overall.intervals  # every round with an interval
        assert found.brier < found.naive_brier
        assert found.better_than_naive
        for b in found.bins:
            if b.cases >= 500:
                assert abs(b.mean_chance - b.invited) <= 0.1, b


def test_the_backtest_prints_and_writes_the_chances(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["backtest"]) == 0
    text = capsys.readouterr().out
    assert "Invitation chances over 412 rounds" in text
    assert "better than the naive chance" in text
    assert main(["backtest", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)["chances"]
    assert data["brier"] < data["naive_brier"]
    assert len(data["reliability"]) == len(data["naive_reliability"]) == 10
