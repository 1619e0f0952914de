"""``expressentry simulate``: one round over a pool file, as the command line runs it.

Kind: hand-worked examples of user-facing behaviour. The example profile scores
574 on 2026-11-22 (docs/quickstart.md works it line by line); with a brother or
sister in Canada it earns 15 more (the CRS criteria,
https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/check-score/crs-criteria.html,
read 2026-11-22). Ties at the cut-off go to the earliest submission (draws.md:
IRCC's tie-breaking rule).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import attrs
import pytest

import expressentry as ee
from expressentry.__main__ import main


def _pool(tmp_path: Path) -> Path:
    base = ee.example_profile()
    profiles = [
        attrs.evolve(base, profile_submitted=datetime(2026, 3, 1, 9, 0, tzinfo=UTC)),  # 574
        attrs.evolve(
            base, sibling_in_canada=True, profile_submitted=datetime(2026, 5, 1, tzinfo=UTC)
        ),  # 589
        attrs.evolve(base, profile_submitted=datetime(2026, 1, 1, 9, 0, tzinfo=UTC)),  # 574
        # 589, submitted 2025-10-01: out of the pool from 2026-10-01 (12 months)
        attrs.evolve(base, sibling_in_canada=True),
    ]
    path = tmp_path / "pool.jsonl"
    path.write_text("".join(ee.to_json(p).replace("\n", "") + "\n" for p in profiles), "utf-8")
    return path


def test_a_general_round_invites_the_highest_then_the_earliest_at_the_cut_off(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["simulate", str(_pool(tmp_path)), "--size", "2", "--as-of", "2026-11-22"]
    assert main([*args, "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [(i["line"], i["crs"]) for i in out["invited"]] == [(2, 589), (3, 574)]
    assert out["cutoff"] == 574
    assert out["tie_break"] == "2026-01-01T09:00:00+00:00"
    assert out["not_in_pool"] == {"submitted_after": [], "expired": [4]}


def test_a_profile_out_of_the_pool_is_left_out_and_said_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # line 4 (589) is in the pool on 2026-09-30, its last day, and out on 2026-10-01;
    # lines 1 and 2 are submitted after 2025-12-31
    pool = str(_pool(tmp_path))
    assert main(["simulate", pool, "--size", "1", "--as-of", "2026-09-30", "--format",
                 "json"]) == 0  # fmt: skip
    out = json.loads(capsys.readouterr().out)
    assert [(i["line"], i["crs"]) for i in out["invited"]] == [(4, 589)]  # the earliest 589
    assert out["not_in_pool"] == {"submitted_after": [], "expired": []}
    assert main(["simulate", pool, "--size", "1", "--as-of", "2026-10-01", "--format",
                 "json"]) == 0  # fmt: skip
    out = json.loads(capsys.readouterr().out)
    assert [(i["line"], i["crs"]) for i in out["invited"]] == [(2, 589)]
    assert main(["simulate", pool, "--size", "1", "--as-of", "2025-12-31"]) == 0
    text = capsys.readouterr().out
    assert "pool: 1 candidate" in text
    assert "not in the pool on 2025-12-31, so left out: 3 submitted after that day" in text


def test_a_category_round_ranks_only_the_category(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The example is in the French category (NCLC 7+), not in STEM on 2026-11-22.
    pool = str(_pool(tmp_path))
    assert main(["simulate", pool, "--size", "5", "--type", "french", "--format", "json",
                 "--as-of", "2026-11-22"]) == 0  # fmt: skip
    assert len(json.loads(capsys.readouterr().out)["invited"]) == 3
    assert main(["simulate", pool, "--size", "5", "--type", "stem", "--format", "json",
                 "--as-of", "2026-11-22"]) == 0  # fmt: skip
    assert json.loads(capsys.readouterr().out)["invited"] == []


def test_bad_input_exits_2_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"date_of_birth": "1990-02-30"}\n', "utf-8")
    assert main(["simulate", str(bad), "--size", "1", "--as-of", "2026-11-22"]) == 2
    assert "line 1" in capsys.readouterr().err
    profile = tmp_path / "one.json"
    profile.write_text("{}", "utf-8")
    assert main(["simulate", str(profile), "--size", "1"]) == 2
    assert "a pool is a .jsonl or .csv file" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        main(["simulate", str(bad), "--size", "0"])
    assert info.value.code == 2


def test_a_pool_file_is_ranked_to_the_fraction_of_a_second(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # two at 574 submitted in the same second: line 2, 0.25 s earlier, is invited; the
    # tie-break is reported to the second, and line 1 is said to be later within it
    base = ee.example_profile()
    second = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
    profiles = [
        attrs.evolve(base, profile_submitted=second.replace(microsecond=750_000)),
        attrs.evolve(base, profile_submitted=second.replace(microsecond=500_000)),
    ]
    path = tmp_path / "pool.jsonl"
    path.write_text("".join(ee.to_json(p).replace("\n", "") + "\n" for p in profiles), "utf-8")
    args = ["simulate", str(path), "--size", "1", "--as-of", "2026-11-22"]
    assert main([*args, "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [i["line"] for i in out["invited"]] == [2]
    assert out["tie_break"] == "2026-01-01T09:00:00+00:00"
    assert out["last_invited"] == "2026-01-01T09:00:00.500000+00:00"
    assert out["at_cutoff_left_out"] == {
        "total": 1,
        "after_second": 0,
        "within_second": 1,
        "same_instant": 0,
    }
    assert main(args) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "1 left out: 1 submitted later within that second than the last invited" in text
