"""Small builders the test modules share: language results at a known CLB level."""

from __future__ import annotations

from datetime import date

from expressentry import CrsBreakdown, LanguageResult, LanguageTest
from expressentry.__main__ import main


def celpip(when: date, listening: int, speaking: int, reading: int, writing: int) -> LanguageResult:
    """A CELPIP-General result: its scores are the CLB levels for 4-9; 10-12 are CLB 10."""
    return LanguageResult(
        test=LanguageTest.CELPIP_GENERAL,
        test_date=when,
        listening=listening,
        speaking=speaking,
        reading=reading,
        writing=writing,
    )


def clb(level: int, when: date) -> LanguageResult:
    """English at CELPIP ``level`` (= CLB for 4-10) in all four abilities."""
    return celpip(when, level, level, level, level)


# --- reading a breakdown's lines ---------------------------------------------------


def points_or_0(b: CrsBreakdown, factor: str) -> int:
    """Points of the line ``factor``, 0 when the breakdown has none."""
    return sum(line.points for line in b.lines if line.factor == factor)


def group(b: CrsBreakdown, prefix: str) -> int:
    """Points of every line whose factor starts with ``prefix`` (its cap line included)."""
    return sum(line.points for line in b.lines if line.factor.startswith(prefix))


TRANSFER_GROUPS = {
    "education": ("transferability.education_language", "transferability.education_experience"),
    "foreign_experience": (
        "transferability.foreign_language",
        "transferability.foreign_experience",
    ),
}


def transfer_group(b: CrsBreakdown, name: str) -> int:
    """Points of a transferability group: its two lines and its cap line."""
    factors = {*TRANSFER_GROUPS[name], f"transferability.group_cap.{name}"}
    return sum(line.points for line in b.lines if line.factor in factors)


# --- the command line ----------------------------------------------------------------


def cli_status(args: list[str]) -> int:
    """The command line's exit status for ``args``, argparse's own exits included."""
    try:
        return main(args)
    except SystemExit as exc:  # argparse exits itself
        return int(str(exc.code))
