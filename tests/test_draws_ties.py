"""Ties at the cut-off: ranked by the submission time as given, judged by one rule.

Kind: a reference and properties. The selection is checked against a plain
``sorted()`` of the eligible candidates by (-CRS, submission time, pool
position), where the CRS of each variant of the example profile is the hand-worked
one of ``test_draws_selection`` (574, 512, 1112; the variant without work is
eligible for no program) and the submission times are aware ``datetime`` objects
compared as instants, clustered in three seconds with repeated microseconds so
that ties within a second and at the same instant are common. The outlook is
checked against the selection: a round built from a selection's published
figures (cut-off, tie-break to the second), and each candidate at its cut-off
looked at with :func:`~expressentry.draws.prospects.outlook`.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta, timezone

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import expressentry as ee
from expressentry import Candidate, InvalidInputError, RoundKind, RoundType, WorkHistory
from expressentry.draws import Clearance, outlook
from expressentry.draws.pool import Pool
from expressentry.draws.replays import replay
from expressentry.draws.selection import RoundSpec, Selection, select
from expressentry.draws.ties import (
    EXACT,
    TIE_BREAK_PRECISION,
    WITHIN_TIE_BREAK_SECOND,
    invited_at_cutoff,
    tie_break_of,
)

DAY = date(2026, 11, 22)
T0 = datetime(2026, 6, 1, 14, 30, tzinfo=UTC)
EXAMPLE = attrs.evolve(ee.example_profile(), profile_submitted=None)
ENGLISH_ONLY = attrs.evolve(EXAMPLE, languages=EXAMPLE.languages[:1])
NOMINEE = attrs.evolve(ENGLISH_ONLY, provincial_nomination=True)
NO_PROGRAM = attrs.evolve(EXAMPLE, work_history=WorkHistory())
# hand-worked in test_draws_selection (test_the_variants_are_what_the_tests_say)
VARIANTS: tuple[tuple[Candidate, int | None], ...] = (
    (EXAMPLE, 574),
    (ENGLISH_ONLY, 512),
    (NOMINEE, 1112),
    (NO_PROGRAM, None),  # eligible for no program: never ranked
)
GENERAL = RoundType(RoundKind.GENERAL)
EASTERN = timezone(timedelta(hours=-5))


def test_the_variants_score_as_worked_by_hand() -> None:
    for person, crs in VARIANTS:
        if crs is None:
            assert ee.assess(person, as_of=DAY).eligible_programs == ()
        else:
            assert ee.score(person, as_of=DAY).total == crs


def instant(second: int, micro: int, *, eastern: bool = False) -> datetime:
    when = T0 + timedelta(seconds=second, microseconds=micro)
    return when.astimezone(EASTERN) if eastern else when


def seeded_pool(seed: int) -> tuple[list[int], list[datetime]]:
    """Variant indices and submission times: three seconds, few distinct microseconds."""
    rng = random.Random(seed)
    n = rng.randint(1, 40)
    micros = [0, 1, 500_000, 999_999, rng.randrange(1_000_000)]
    variants = [rng.choice((0, 0, 0, 1, 2, 3)) for _ in range(n)]
    times = [
        instant(rng.randrange(3), rng.choice(micros), eastern=rng.random() < 0.3) for _ in range(n)
    ]
    return variants, times


def reference(variants: list[int], times: list[datetime]) -> list[int]:
    """The eligible, by score down, then submission instant, then pool position."""
    eligible = [i for i, v in enumerate(variants) if VARIANTS[v][1] is not None]

    def crs(i: int) -> int:
        value = VARIANTS[variants[i]][1]
        assert value is not None
        return value

    return sorted(eligible, key=lambda i: (-crs(i), times[i], i))


@pytest.mark.parametrize("seed", range(30))
def test_a_selection_equals_a_plain_sort_by_score_time_and_position(seed: int) -> None:
    variants, times = seeded_pool(seed)
    order = reference(variants, times)
    pool = Pool([VARIANTS[v][0] for v in variants], submitted=times)
    for size in sorted({1, 2, len(order) // 2 + 1, len(order), len(order) + 3}):
        s = select(pool, RoundSpec(day=DAY, size=size))
        assert s.indices == tuple(order[:size])
        assert [i.submitted for i in s.invited] == [times[i] for i in order[:size]]
        if not order:
            continue
        last = times[order[: min(size, len(order))][-1]]
        # reported to the second, in UTC, as IRCC publishes it
        assert s.tie_break == last.astimezone(UTC).replace(microsecond=0)
        assert s.last_invited == last
        check_the_words(s, variants, times, order[size:])


def check_the_words(
    s: Selection, variants: list[int], times: list[datetime], left: list[int]
) -> None:
    """The counts of the explanation, worked out from the times alone."""
    assert s.cutoff is not None
    assert s.tie_break is not None
    assert s.last_invited is not None
    at_cut = [i for i in left if VARIANTS[variants[i]][1] == s.cutoff]
    next_second = s.tie_break + timedelta(seconds=1)
    after = [i for i in at_cut if times[i] >= next_second]
    same = [i for i in at_cut if times[i] == s.last_invited]
    within = [i for i in at_cut if s.last_invited < times[i] < next_second]
    assert len(after) + len(same) + len(within) == len(at_cut) == s.at_cutoff_left_out
    assert (s.left_out_after_second, s.left_out_within_second, s.left_out_same_instant) == (
        len(after),
        len(within),
        len(same),
    )
    words = " ".join(s.explain().split())
    if within:
        assert f"{len(within)} submitted later within that second than the last invited" in words
    if not after:
        assert "after the tie-break" not in words
    if not at_cut:
        assert "none left out" in words


def test_a_time_zone_does_not_change_the_instant_ranked() -> None:
    # 09:30:00.5 in UTC-5 is 14:30:00.5 UTC: after 14:30:00.2 UTC, before 14:30:00.7 UTC
    times = [instant(0, 500_000, eastern=True), instant(0, 700_000), instant(0, 200_000)]
    s = select(Pool([EXAMPLE] * 3, submitted=times), RoundSpec(day=DAY, size=2))
    assert s.indices == (2, 0)
    assert s.tie_break == T0
    assert s.tie_break.tzinfo is UTC


# --- the one rule of a tie, and the outlook against the selection ----------------------

LATEST_GENERAL = next(
    r for r in reversed(ee.rounds()) if r.kind is RoundKind.GENERAL and r.tie_break is not None
)


def published(s: Selection) -> ee.Round:
    """The round a selection would publish: its day, size, cut-off and tie-break."""
    assert s.cutoff is not None
    return attrs.evolve(
        LATEST_GENERAL,
        number="9001",
        sequence=9001,
        day=DAY,
        held_at=datetime(DAY.year, DAY.month, DAY.day, 12, tzinfo=UTC),
        invitations=s.count,
        cutoff=s.cutoff,
        tie_break=s.tie_break,
        distribution=None,
    )


members = st.lists(
    st.tuples(
        st.sampled_from((0, 0, 1)),  # mostly 574, some 512
        st.integers(0, 2),
        st.sampled_from((0, 1, 250_000, 500_000, 999_999)),
    ),
    min_size=1,
    max_size=10,
)


@settings(max_examples=30, deadline=None)
@given(members, st.integers(1, 10))
def test_the_outlook_and_the_selection_agree_on_every_tie(
    pool_members: list[tuple[int, int, int]], size: int
) -> None:
    variants = [v for v, _, _ in pool_members]
    times = [instant(sec, micro) for _, sec, micro in pool_members]
    s = select(
        Pool([VARIANTS[v][0] for v in variants], submitted=times), RoundSpec(day=DAY, size=size)
    )
    assert s.cutoff is not None
    assert s.tie_break is not None
    assert s.last_invited is not None
    round_ = published(s)
    invited = set(s.indices)
    at_cut = [i for i, v in enumerate(variants) if VARIANTS[v][1] == s.cutoff]
    for i in at_cut:
        person = attrs.evolve(VARIANTS[variants[i]][0], profile_submitted=times[i])
        line = outlook(person, as_of=DAY + timedelta(days=1), last=1, history=[round_]).line(
            GENERAL
        )
        assert line is not None
        assert line.score == s.cutoff
        (check,) = line.checks
        # what the outlook judges is what the selection did
        if check.clearance is Clearance.TIE_WON:
            assert i in invited
        elif check.clearance is Clearance.TIE_LOST:
            assert i not in invited
        else:  # not judged: only within the tie-break's published second
            assert check.clearance is Clearance.TIE_OPEN
            assert s.tie_break <= times[i] < s.tie_break + timedelta(seconds=1)
        # and with the tie-break known to the instant, the rule decides every tie but
        # those at the last invited's own instant, which pool order splits
        exact = invited_at_cutoff(
            s.cutoff, times[i], cutoff=s.cutoff, tie_break=s.last_invited, precision=EXACT
        )
        if times[i] == s.last_invited and i not in invited:
            assert exact is True
        else:
            assert exact is (i in invited)
    assert sum(1 for i in at_cut if times[i] == s.last_invited and i not in invited) == (
        s.left_out_same_instant
    )


def test_the_hand_worked_tie_verdicts() -> None:
    tie = datetime(2026, 4, 14, 0, 3, 10, tzinfo=UTC)  # round #420's, to the second
    second = timedelta(seconds=1)
    micro = timedelta(microseconds=1)
    cases = [
        (tie - micro, True),  # 00:03:09.999999: before the tie-break's second
        (tie, None),  # given to the second, equal to it
        (tie + second - micro, None),  # 00:03:10.999999
        (tie + second, False),  # 00:03:11
    ]
    for submitted, verdict in cases:
        assert invited_at_cutoff(516, submitted, cutoff=516, tie_break=tie) is verdict
    assert WITHIN_TIE_BREAK_SECOND == "not judged"
    assert invited_at_cutoff(517, tie + second, cutoff=516, tie_break=tie) is False  # not a tie
    # known to the instant: at it is invited (TIE_BREAK_INCLUSIVE), a microsecond after is not
    exact = tie + timedelta(microseconds=400_000)
    assert invited_at_cutoff(516, exact, cutoff=516, tie_break=exact, precision=EXACT) is True
    later = exact + micro
    assert invited_at_cutoff(516, later, cutoff=516, tie_break=exact, precision=EXACT) is False
    # the same instant written in another time zone
    eastern = tie.astimezone(EASTERN) - micro
    assert invited_at_cutoff(516, eastern, cutoff=516, tie_break=tie) is True
    assert tie_break_of(exact.astimezone(EASTERN)) == tie


def test_a_bad_tie_input_is_named() -> None:
    naive = datetime(2026, 4, 14, 0, 3, 10)  # noqa: DTZ001 (the point of the test)
    with pytest.raises(InvalidInputError, match="submitted: must be a time-zone-aware"):
        invited_at_cutoff(516, naive, cutoff=516, tie_break=T0)
    with pytest.raises(InvalidInputError, match="precision: must be TIE_BREAK_PRECISION"):
        invited_at_cutoff(516, T0, cutoff=516, tie_break=T0, precision=timedelta(minutes=1))
    assert timedelta(seconds=1) == TIE_BREAK_PRECISION


def test_a_replay_reports_its_tie_break_to_the_second_in_utc() -> None:
    r = replay({r.number: r for r in ee.rounds()}["437"])
    assert r.tie_break.microsecond == 0
    assert r.tie_break.utcoffset() == timedelta(0)
