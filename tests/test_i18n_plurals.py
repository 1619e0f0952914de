"""Counts in words: "1 invitation", "2 invitations"; French "0 jour", "1 jour", "2 jours".

Kind: hand-written expectations. English takes the singular for 1 only; French for
0 and 1 (the CLDR plural rule of French, ``n > 1`` plural, which the catalog's
``Plural-Forms`` header carries).
"""

from __future__ import annotations

from datetime import date

import attrs
import pytest

import expressentry as ee
from expressentry.__main__ import main
from expressentry.draws.prospects import outlook
from expressentry.i18n import Message, trn
from expressentry.timelines.documents import _days_message


@pytest.mark.parametrize(
    ("count", "english", "french"),
    [(0, "0 days", "0 jour"), (1, "1 day", "1 jour"), (2, "2 days", "2 jours")],
)
def test_a_count_of_days(count: int, english: str, french: str) -> None:
    message = _days_message(count)
    assert (message.render(), message.render("fr")) == (english, french)


@pytest.mark.parametrize(
    ("count", "english", "french"),
    [
        (0, "valid 0 years", "valide 0 an"),
        (1, "valid 1 year", "valide 1 an"),
        (2, "valid 2 years", "valide 2 ans"),
    ],
)
def test_a_validity_in_years(count: int, english: str, french: str) -> None:
    message = trn("valid {years} year", "valid {years} years", count, years=count)
    assert (message.render(), message.render("fr")) == (english, french)


@pytest.mark.parametrize(
    ("count", "english", "french"),
    [
        (0, "  pool: 0 candidates", "  bassin : 0 candidat"),
        (1, "  pool: 1 candidate", "  bassin : 1 candidat"),
        (2, "  pool: 2 candidates", "  bassin : 2 candidats"),
    ],
)
def test_a_pool_of_candidates(count: int, english: str, french: str) -> None:
    message = trn("  pool: {n} candidate", "  pool: {n} candidates", count, n=count)
    assert (message.render(), message.render("fr")) == (english, french)


def test_a_round_of_one_invitation_says_one() -> None:
    # Round 1 of the shipped rounds invited 779; the same round with 1 invitation.
    first = ee.rounds()[0]
    assert "; 779 invitations;" in first.explain()
    one = attrs.evolve(first, invitations=1)
    assert "; 1 invitation;" in one.explain()
    assert "; 1 invitation;" in one.explain(lang="fr")


def test_an_outlook_of_one_round_says_one() -> None:
    found = outlook(ee.example_profile(), as_of=date(2026, 11, 22), last=1)
    text = found.explain()
    assert "1 rounds" not in text
    assert "1 round" in text


def test_a_message_with_a_plural_checks_its_count() -> None:
    with pytest.raises(ee.InvalidInputError, match="count"):
        Message("{n} day", (("n", 1),), "{n} days", -1)
    with pytest.raises(ee.InvalidInputError, match="count"):
        Message("{n} day", (("n", 1),), None, 1)
    with pytest.raises(ee.InvalidInputError, match="plural"):
        Message("{n} day", (("n", 1),), "", 1)


@pytest.mark.parametrize(
    ("until", "last_line"),
    [
        ("2015-01-30", "0 rounds, 0 invitations"),
        ("2015-01-31", "1 round, 779 invitations"),  # IRCC's round #1: 779 invited
        ("2015-02-07", "2 rounds, 1,558 invitations"),  # and round #2: 779 more
    ],
)
def test_the_rounds_table_counts_in_words(
    until: str, last_line: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["rounds", "--since", "2015-01-01", "--until", until]) == 0
    assert capsys.readouterr().out.rstrip().splitlines()[-1] == last_line
