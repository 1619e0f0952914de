"""``expressentry plan``: the ranked changes as text and as stable JSON, and clear errors.

Kind: hand-worked examples of user-facing behaviour. The points come from IRCC's
CRS criteria (https://www.canada.ca/en/immigration-refugees-citizenship/services/
immigrate-canada/express-entry/check-score/crs-criteria.html): a provincial or
territorial nomination gives 600 additional points, and the additional points are
capped at 600; a brother or sister in Canada gives 15.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from expressentry import example_profile, to_dict
from expressentry.__main__ import main

PLAN_KEYS = {
    "format",
    "as_of",
    "end",
    "total",
    "chances",
    "improvements",
    "improvements_found",
    "best_pair",
    "best_triple",
    "worth_nothing",
    "pool_exit",
    "losses",
    "rules_reviewed_on",
    "caveats",
}
CHANGE_KEYS = {
    "kind",
    "description",
    "steps",
    "day",
    "total_before",
    "total",
    "gain",
    "sections",
    "lines",
    "capped_by",
    "why_nothing",
    "programs_opened",
    "programs_closed",
    "categories_opened",
    "categories_closed",
    "chances",
    "decision",
}


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    assert main(["plan", "--example", "--as-of", "2026-09-03", "--format", "json", *args]) == 0
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    return data


def test_the_nomination_comes_first_capped_at_600(capsys: pytest.CaptureFixture[str]) -> None:
    # The example holds 50 French additional points: a nomination's 600 lifts the
    # additional points to 650, capped at 600, so the gain is 550.
    assert main(["plan", "--example", "--as-of", "2026-09-03", "--top", "3"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Improvement plan on 2026-09-03 (to 2027-09-03): CRS 574")
    assert "1. +550 → 1124  A provincial or territorial nomination" in out
    assert "Changes, best first (3 of " in out
    assert "4. " not in out
    assert "absorbed by: Additional points capped at 600" in out


def test_json_is_stable(capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(capsys, "--top", "2")
    assert set(data) == PLAN_KEYS
    changes = data["improvements"]
    assert len(changes) == 2
    assert all(set(c) == CHANGE_KEYS for c in changes)
    assert changes[0]["gain"] == 550
    assert changes[0]["total"] - changes[0]["total_before"] == 550
    assert data["improvements_found"] >= 2
    sibling = next(c for c in _json(capsys)["improvements"] if c["kind"] == "sibling")
    assert sibling["gain"] == 15
    assert sibling["lines"] == [
        {
            "section": "additional",
            "factor": "additional.sibling",
            "before": 0,
            "after": 15,
            "change": 15,
            "reason": "Brother or sister living in Canada",
        }
    ]


def test_the_horizon_reaches_the_losses(capsys: pytest.CaptureFixture[str]) -> None:
    # The example was born on 1994-03-15: it turns 33 on 2027-03-15 (inside 12
    # months of 2026-09-03) and 34 on 2028-03-15 (inside 24 months only).
    short = _json(capsys, "--horizon", "12")["losses"]
    long = _json(capsys, "--horizon", "24")["losses"]
    assert any(loss["day"] == "2027-03-15" for loss in short)
    assert not any(loss["day"] == "2028-03-15" for loss in short)
    assert any(loss["day"] == "2028-03-15" for loss in long)


@pytest.mark.parametrize("horizon", ["0", "121", "x", "-3"])
def test_a_bad_horizon_exits_2(horizon: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["plan", "--example", "--horizon", horizon])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "--horizon" in err
    assert repr(horizon) in err
    assert "Traceback" not in err


def test_a_bad_profile_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = to_dict(example_profile())
    data["languages"][0]["listening"] = 12.5
    profile = tmp_path / "bad.json"
    profile.write_text(json.dumps(data))
    assert main(["plan", str(profile)]) == 2
    err = capsys.readouterr().err
    assert "$.languages[0].listening" in err
    assert "Traceback" not in err


def test_an_unreadable_feed_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "none.json"
    assert main(["plan", "--example", "--feed", str(missing)]) == 2
    assert "cannot read" in capsys.readouterr().err
