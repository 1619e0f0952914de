"""Small builders the test modules share: language results at a known CLB level."""

from __future__ import annotations

from datetime import date

from expressentry import LanguageResult, LanguageTest


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
