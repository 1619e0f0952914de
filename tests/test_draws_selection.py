"""Rounds over a pool: ranking, the tie-break, eligibility per round type, successive rounds.

The pools are built from the bundled example profile (CRS 574 on 2026-11-22,
eligible for FSW and CEC and for the French category) and variants whose score
and eligibility were worked out by hand from it: without its French result it
scores 512 and is in no category; with a provincial nomination it scores 1124;
without work it is eligible for no program. Hypothesis checks the invariants of
``rules/draws.md`` against an independent ranking made with ``assess`` and
``score``.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import expressentry as ee
from expressentry import (
    Candidate,
    CategoryId,
    InvalidInputError,
    Program,
    RoundKind,
    WorkHistory,
)
from expressentry.__main__ import main as cli
from expressentry.draws import pool as pool_module
from expressentry.draws.pool import Pool
from expressentry.draws.ranking import top_ranked
from expressentry.draws.records import PoolDistribution
from expressentry.draws.replays import (
    replay,
    replay_all,
    replay_bands,
    synthetic_keys,
)
from expressentry.draws.selection import (
    PNP_NEEDS_PROGRAM,
    RANK_ELIGIBLE_IF,
    RoundSpec,
    Selection,
    run_rounds,
    select,
)
from tests.builders import clb

DAY = date(2026, 11, 22)
T0 = datetime(2026, 6, 1, 14, 30, tzinfo=UTC)  # in the pool from DAY to BIRTHDAY_EVE + 1
# submission times are given in each pool (a candidate holds none of its own)
EXAMPLE = attrs.evolve(ee.example_profile(), profile_submitted=None)
ENGLISH_ONLY = attrs.evolve(EXAMPLE, languages=EXAMPLE.languages[:1])  # 512, no category
NOMINEE = attrs.evolve(ENGLISH_ONLY, provincial_nomination=True)  # 1112, no category
NO_PROGRAM = attrs.evolve(EXAMPLE, work_history=WorkHistory())  # 468, no program
SUBMITTED = attrs.evolve(EXAMPLE, profile_submitted=T0)  # with its own submission time


def general(size: int, day: date = DAY) -> RoundSpec:
    return RoundSpec(day=day, size=size)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def test_the_variants_are_what_the_tests_say() -> None:
    assert [ee.score(c, as_of=DAY).total for c in (EXAMPLE, ENGLISH_ONLY, NOMINEE)] == [
        574,
        512,
        1112,
    ]
    assert ee.assess(EXAMPLE, as_of=DAY).eligible_categories == (CategoryId.FRENCH,)
    assert ee.assess(NOMINEE, as_of=DAY).eligible_categories == ()
    assert ee.assess(NO_PROGRAM, as_of=DAY).eligible_programs == ()


# --- the tie-break ------------------------------------------------------------------


def test_ties_at_the_cutoff_are_broken_by_submission_on_both_sides() -> None:
    # four at 574; the round invites three: the earliest two, then the earlier of the
    # two submitted in the same second (index 3 at 200.0 s, before index 2 at 200.7 s,
    # though index 2 is earlier in the pool), whose submission is the tie-break.
    # The candidate at 512 is below the cut-off.
    pool = Pool(
        [EXAMPLE, EXAMPLE, EXAMPLE, EXAMPLE, ENGLISH_ONLY],
        submitted=[at(100), at(0), at(200.7), at(200), at(-500)],
    )
    s = select(pool, general(3))
    assert s.indices == (1, 0, 3)
    assert [i.rank for i in s.invited] == [1, 2, 3]
    assert s.cutoff == 574
    assert s.tie_break == at(200)
    assert s.last_invited == at(200)
    assert s.at_cutoff_left_out == 1
    assert (s.left_out_within_second, s.left_out_same_instant, s.left_out_after_second) == (
        1,
        0,
        0,
    )
    assert "1 left out: 1 submitted later within that second than the last invited" in (
        " ".join(s.explain().split())
    )
    assert "after the tie-break" not in s.explain()
    assert s.count == 3
    # the later of the two invited instead: the tie-break is cut to the second
    late = Pool([EXAMPLE, EXAMPLE], submitted=[at(200.7), at(200.9)])
    s1 = select(late, general(1))
    assert (s1.indices, s1.tie_break, s1.last_invited) == ((0,), at(200), at(200.7))
    # one candidate fewer: the tie-break moves back to the second one's submission
    s2 = select(pool, general(2))
    assert s2.indices == (1, 0)
    assert s2.tie_break == at(100)
    assert s2.at_cutoff_left_out == 2
    assert repr(s2) == (
        "Selection(General round of 2026-11-22, 2 invitations: 2 invited of 5 ranked, "
        "cut-off 574, tie-break 2026-06-01T14:31:40+00:00)"
    )


def test_an_earlier_submission_within_the_same_second_ranks_first() -> None:
    # index 0 was submitted 0.9 s after index 1, in the same second: index 1 first
    pool = Pool([EXAMPLE, EXAMPLE], submitted=[at(10.9), at(10.0)])
    s = select(pool, general(1))
    assert s.indices == (1,)
    assert (s.left_out_within_second, s.left_out_same_instant) == (1, 0)


def test_one_microsecond_apart_is_ranked_by_time_not_pool_order() -> None:
    pool = Pool([EXAMPLE, EXAMPLE], submitted=[at(10.000001), at(10.0)])
    assert select(pool, general(1)).indices == (1,)


def test_only_the_same_instant_is_ranked_by_pool_order() -> None:
    pool = Pool([EXAMPLE, EXAMPLE, EXAMPLE], submitted=[at(10.5), at(10.5), at(30)])
    s = select(pool, general(1))
    assert s.indices == (0,)
    assert (s.left_out_same_instant, s.left_out_within_second, s.left_out_after_second) == (
        1,
        0,
        1,
    )
    words = " ".join(s.explain().split())
    assert (
        "2 left out: 1 submitted after the tie-break's second, 1 submitted at the same "
        "instant as the last invited, later in pool order"
    ) in words


def test_a_higher_score_beats_an_earlier_submission() -> None:
    pool = Pool([ENGLISH_ONLY, EXAMPLE], submitted=[at(-10_000), at(0)])
    s = select(pool, general(1))
    assert s.indices == (1,)
    assert s.cutoff == 574
    assert s.tie_break == at(0)


def test_a_round_larger_than_the_eligible_pool_invites_every_eligible_candidate() -> None:
    pool = Pool([EXAMPLE, NO_PROGRAM, ENGLISH_ONLY], submitted=[at(0), at(1), at(2)])
    s = select(pool, general(100))
    assert s.indices == (0, 2)  # NO_PROGRAM is eligible for no program
    assert s.count == 2 == s.ranked
    assert s.in_pool == 3
    assert s.cutoff == 512
    assert s.tie_break == at(2)
    assert "all 2 ranked (fewer than the 100 invitations)" in s.explain()
    assert "1 not eligible" in s.explain()


# --- which candidates a round ranks ----------------------------------------------------


def test_a_category_round_skips_a_higher_scoring_candidate_not_in_the_category() -> None:
    pool = Pool([NOMINEE, ENGLISH_ONLY, EXAMPLE], submitted=[at(0), at(1), at(2)])
    spec = RoundSpec(day=DAY, size=1, kind=RoundKind.CATEGORY, category=CategoryId.FRENCH)
    s = select(pool, spec)
    assert s.indices == (2,)
    assert s.cutoff == 574
    assert s.ranked == 1
    # the same pool in a general round invites the nominee first
    assert select(pool, general(1)).indices == (0,)


def test_a_pnp_round_ranks_only_nominees_eligible_for_a_program() -> None:
    unprogrammed_nominee = attrs.evolve(NO_PROGRAM, provincial_nomination=True)
    # 468 - 50 French points + 600: additional points are capped at 600
    assert ee.score(unprogrammed_nominee, as_of=DAY).total == 1018
    pool = Pool(
        [EXAMPLE, unprogrammed_nominee, NOMINEE, NOMINEE],
        submitted=[at(0), at(1), at(3), at(2)],
    )
    s = select(pool, RoundSpec(day=DAY, size=5, kind=RoundKind.PNP))
    assert PNP_NEEDS_PROGRAM
    assert s.indices == (3, 2)
    assert s.cutoff == 1112
    assert s.tie_break == at(3)
    assert s.ranked == 2


def test_a_program_round_ranks_only_that_programs_candidates() -> None:
    fst_only = Pool([EXAMPLE], submitted=[at(0)])
    spec = RoundSpec(day=DAY, size=1, kind=RoundKind.PROGRAM, program=Program.FST)
    s = select(fst_only, spec)
    assert s.count == 0
    assert s.cutoff is None
    assert s.tie_break is None
    assert "nobody" in s.explain()
    cec = RoundSpec(day=DAY, size=1, kind=RoundKind.PROGRAM, program=Program.CEC)
    assert select(fst_only, cec).indices == (0,)


def test_a_candidate_submitted_after_the_round_is_not_yet_in_the_pool() -> None:
    late = datetime.combine(DAY + timedelta(days=1), datetime.min.time(), tzinfo=UTC)
    last_second = late - timedelta(seconds=1)
    pool = Pool([EXAMPLE, EXAMPLE, ENGLISH_ONLY], submitted=[late, last_second, at(0)])
    s = select(pool, general(3))
    assert s.indices == (1, 2)
    assert s.not_yet_submitted == 1
    assert s.submitted_after == (0,)
    assert "not in the pool on 2026-11-22, so left out: 1 submitted after that day" in (s.explain())


def test_a_profile_submitted_at_the_first_instant_still_in_the_pool_is_ranked() -> None:
    # Worked by hand: a profile stays in the pool 12 months, so one submitted on
    # 2025-11-22 leaves on 2026-11-22 and one submitted on 2025-11-23 (from its
    # first microsecond, 00:00 UTC) is still in the pool on DAY (2026-11-22).
    first = datetime(2025, 11, 23, tzinfo=UTC)
    gone = first - timedelta(microseconds=1)
    pool = Pool([EXAMPLE, EXAMPLE], submitted=[first, gone])
    s = select(pool, general(2))
    assert s.indices == (0,)
    assert s.expired_profiles == (1,)
    assert s.submitted_after == ()


FUNDS_DAY = date(2015, 6, 1)  # before the first settlement-funds table known (2016-01-12)
FSW_IF_FUNDS = Candidate(
    date_of_birth=date(1985, 1, 1),
    education=ee.Education(level=ee.EducationLevel.MASTERS, eca_issued=date(2015, 1, 10)),
    languages=(clb(9, date(2015, 2, 1)),),
    work_history=WorkHistory(
        periods=(
            ee.WorkPeriod(
                start=date(2010, 1, 1),
                end=date(2014, 12, 31),
                hours_per_week=40,
                noc="21231",
                in_canada=False,
            ),
        )
    ),
    settlement_funds=20_000,
    profile_submitted=datetime(2015, 3, 1, tzinfo=UTC),
)


def test_eligible_if_candidates_are_ranked_and_marked_by_default() -> None:
    report = ee.assess(FSW_IF_FUNDS, as_of=FUNDS_DAY)
    assert report.undecided_programs == (Program.FSW,)
    assert report.eligible_programs == ()
    pool = Pool([FSW_IF_FUNDS])
    s = select(pool, general(1, FUNDS_DAY))
    assert RANK_ELIGIBLE_IF
    assert s.indices == (0,)
    assert s.invited[0].undecided
    assert s.undecided_invited == 1
    assert "eligible only if" in s.explain()
    strict = select(pool, general(1, FUNDS_DAY), rank_eligible_if=False)
    assert strict.count == 0


# --- successive rounds ----------------------------------------------------------------


def test_two_successive_rounds_remove_the_invited() -> None:
    pool = Pool(
        [ENGLISH_ONLY, EXAMPLE, NOMINEE, EXAMPLE],
        submitted=[at(0), at(5), at(9), at(1)],
    )
    first, second = run_rounds(
        pool,
        [RoundSpec(day=DAY, size=1, kind=RoundKind.PNP), general(2)],
    )
    assert first.indices == (2,)
    assert second.indices == (3, 1)
    assert second.already_invited == 1
    assert second.in_pool == 3
    assert second.cutoff == 574
    assert second.tie_break == at(5)
    # run alone, the general round would have invited the nominee
    assert select(pool, general(2)).indices == (2, 3)


BIRTHDAY_EVE = date(2027, 3, 14)  # the example turns 33 on 2027-03-15: 5 age points fewer


def test_a_birthday_between_two_rounds_changes_the_ranking() -> None:
    same_age = attrs.evolve(EXAMPLE, date_of_birth=date(1994, 6, 1))
    eve, birthday = BIRTHDAY_EVE, BIRTHDAY_EVE + timedelta(days=1)
    assert ee.score(EXAMPLE, as_of=eve).total == 581
    assert ee.score(EXAMPLE, as_of=birthday).total == 576
    assert ee.score(same_age, as_of=birthday).total == 581
    pool = Pool([EXAMPLE, same_age, EXAMPLE], submitted=[at(0), at(1), at(2)])
    first, second = run_rounds(pool, [general(1, eve), general(1, birthday)])
    assert (first.indices, first.cutoff) == ((0,), 581)  # tied at 581: earlier submission
    assert (second.indices, second.cutoff) == ((1,), 581)  # index 2 now has 576
    assert select(pool, general(3, birthday)).invited[-1].crs == 576


def test_each_candidate_is_scored_once_per_rules_and_day(monkeypatch: pytest.MonkeyPatch) -> None:
    scored: list[int] = []
    assessed: list[int] = []
    real_score_many = ee.score_many
    real_flags = pool_module.eligibility_flags

    def counting_score_many(candidates: list[Candidate], **kw: object) -> object:
        scored.append(len(candidates))
        return real_score_many(candidates, **kw)  # type: ignore[call-overload]

    def counting_flags(candidates: list[Candidate], **kw: object) -> object:
        assessed.append(len(candidates))
        return real_flags(candidates, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(pool_module, "score_many", counting_score_many)
    monkeypatch.setattr(pool_module, "eligibility_flags", counting_flags)
    pool = Pool([EXAMPLE, ENGLISH_ONLY, NOMINEE, EXAMPLE], submitted=[at(i) for i in range(4)])
    specs = [
        RoundSpec(day=DAY, size=1, kind=RoundKind.PNP),
        RoundSpec(day=DAY, size=1, kind=RoundKind.PROGRAM, program=Program.CEC),
        RoundSpec(day=DAY, size=1, kind=RoundKind.CATEGORY, category=CategoryId.FRENCH),
        general(1, DAY + timedelta(days=1)),
    ]
    results = run_rounds(pool, specs)
    assert [s.indices for s in results] == [(2,), (0,), (3,), (1,)]
    assert sum(assessed) == 4 + 1  # every candidate once on DAY; the last one on the next day
    assert sum(scored) <= 4 + 1


# --- bad input ----------------------------------------------------------------------


def test_a_candidate_without_a_submission_time_is_named_by_its_index() -> None:
    unsubmitted = EXAMPLE
    with pytest.raises(InvalidInputError) as e:
        Pool([SUBMITTED, unsubmitted, unsubmitted], submitted=[None, None, at(0)])
    assert [p.path for p in e.value.problems] == ["[1].profile_submitted"]
    with pytest.raises(InvalidInputError) as e:
        Pool([EXAMPLE], submitted=[datetime(2025, 1, 1)])  # noqa: DTZ001 (the point)
    assert [p.path for p in e.value.problems] == ["submitted[0]"]
    assert "time zone" in str(e.value)
    with pytest.raises(InvalidInputError, match=r"\[0\]: must be a Candidate"):
        Pool(["a profile"])  # type: ignore[list-item]
    with pytest.raises(InvalidInputError, match="one per candidate"):
        Pool([EXAMPLE], submitted=[at(0), at(1)])


def test_a_document_after_the_round_names_the_candidates_index() -> None:
    pool = Pool([EXAMPLE, EXAMPLE], submitted=[datetime(2023, 6, 1, tzinfo=UTC)] * 2)
    with pytest.raises(InvalidInputError) as e:
        select(pool, general(1, date(2024, 1, 1)))  # the example's ECA is of 2024-02-10
    assert e.value.problems[0].path.startswith("[0].")


@pytest.mark.parametrize(
    ("fields", "path"),
    [
        ({"day": DAY, "size": 0}, "size"),
        ({"day": DAY, "size": True}, "size"),
        ({"day": datetime(2026, 1, 1, tzinfo=UTC), "size": 1}, "day"),
        ({"day": DAY, "size": 1, "kind": "general"}, "kind"),
        ({"day": DAY, "size": 1, "kind": RoundKind.PROGRAM}, "program"),
        ({"day": DAY, "size": 1, "program": Program.CEC}, "program"),
        ({"day": DAY, "size": 1, "kind": RoundKind.CATEGORY}, "category"),
        ({"day": DAY, "size": 1, "category": CategoryId.FRENCH}, "category"),
    ],
)
def test_a_bad_round_spec_names_the_field(fields: dict[str, object], path: str) -> None:
    with pytest.raises(InvalidInputError) as e:
        RoundSpec(**fields)  # type: ignore[arg-type]
    assert [p.path for p in e.value.problems] == [path]


def test_a_category_not_in_force_that_day_is_refused() -> None:
    pool = Pool([SUBMITTED])
    spec = RoundSpec(
        day=DAY, size=1, kind=RoundKind.CATEGORY, category=CategoryId.AGRICULTURE
    )  # dropped in 2026
    with pytest.raises(InvalidInputError, match="not a category in force on 2026-11-22"):
        select(pool, spec)


def test_rounds_going_back_in_time_are_refused() -> None:
    with pytest.raises(InvalidInputError) as e:
        run_rounds(Pool([SUBMITTED]), [general(1), general(1, DAY - timedelta(days=1))])
    assert [p.path for p in e.value.problems] == ["specs[1].day"]


def test_a_spec_of_a_published_round() -> None:
    r = {r.number: r for r in ee.rounds()}["437"]
    spec = RoundSpec.of(r)
    assert (spec.day, spec.size, spec.kind, spec.category) == (
        date(2026, 8, 19),
        5000,
        RoundKind.CATEGORY,
        CategoryId.FRENCH,
    )


# --- the selection core -----------------------------------------------------------------


def reference_top(scores: list[int], submitted: list[int], size: int) -> list[int]:
    return sorted(range(len(scores)), key=lambda i: (-scores[i], submitted[i], i))[:size]


keys = st.integers(min_value=0, max_value=60).flatmap(
    lambda n: st.tuples(
        st.lists(st.integers(400, 410), min_size=n, max_size=n),
        st.lists(st.integers(0, 5), min_size=n, max_size=n),
        st.integers(0, n + 3),
    )
)


@given(keys)
def test_top_ranked_equals_a_full_sort(case: tuple[list[int], list[int], int]) -> None:
    scores, submitted, size = case
    assert top_ranked(scores, submitted, size) == reference_top(scores, submitted, size)


def test_top_ranked_refuses_mismatched_keys() -> None:
    with pytest.raises(InvalidInputError, match="one entry per score"):
        top_ranked([1, 2], [1], 1)
    with pytest.raises(InvalidInputError, match="0 or more"):
        top_ranked([1], [1], -1)


# --- invariants of rules/draws.md over pools -------------------------------------------

VARIANTS = (EXAMPLE, ENGLISH_ONLY, NOMINEE, NO_PROGRAM, attrs.evolve(NOMINEE, languages=()))
SPECS = (
    general(1),
    RoundSpec(day=DAY, size=1, kind=RoundKind.PNP),
    RoundSpec(day=DAY, size=1, kind=RoundKind.PROGRAM, program=Program.CEC),
    RoundSpec(day=DAY, size=1, kind=RoundKind.CATEGORY, category=CategoryId.FRENCH),
)


def eligible_for(c: Candidate, spec: RoundSpec) -> bool:
    report = ee.assess(c, as_of=spec.day)
    if spec.kind is RoundKind.CATEGORY:
        return spec.category in report.eligible_categories
    if spec.kind is RoundKind.PROGRAM:
        return spec.program in report.eligible_programs
    nominee_ok = c.provincial_nomination or spec.kind is RoundKind.GENERAL
    return nominee_ok and bool(report.eligible_programs)


pools = st.lists(
    st.tuples(st.sampled_from(range(len(VARIANTS))), st.integers(0, 4)), min_size=0, max_size=14
)


@settings(max_examples=60, deadline=None)
@given(pools, st.sampled_from(SPECS), st.integers(1, 16))
def test_the_invariants_of_a_round(
    members: list[tuple[int, int]], template: RoundSpec, size: int
) -> None:
    people = [VARIANTS[v] for v, _ in members]
    times = [at(t * 60) for _, t in members]
    spec = attrs.evolve(template, size=size)
    s: Selection = select(Pool(people, submitted=times), spec)
    ranked = [i for i, c in enumerate(people) if eligible_for(c, spec)]
    crs = {i: ee.score(people[i], as_of=DAY).total for i in ranked}
    invited = set(s.indices)
    left_out = [i for i in ranked if i not in invited]
    assert s.count == min(size, len(ranked)) == len(invited)
    assert invited <= set(ranked)
    assert [i.crs for i in s.invited] == [crs[i] for i in s.indices]
    if not invited:
        assert s.cutoff is None
        return
    assert s.cutoff is not None
    assert s.tie_break is not None
    assert all(crs[i] >= s.cutoff for i in invited)
    assert all(crs[i] <= s.cutoff for i in left_out)
    at_cut_in = [times[i] for i in invited if crs[i] == s.cutoff]
    at_cut_out = [times[i] for i in left_out if crs[i] == s.cutoff]
    assert all(t <= s.tie_break for t in at_cut_in)
    assert all(t >= s.tie_break for t in at_cut_out)
    if at_cut_out:
        assert max(at_cut_in) <= min(at_cut_out)
    # rank order: score down, then submission up
    keys_in_order = [(-i.crs, i.submitted) for i in s.invited]
    assert keys_in_order == sorted(keys_in_order)


def test_selection_is_deterministic() -> None:
    rng = random.Random(9)
    people = [rng.choice(VARIANTS) for _ in range(40)]
    times = [at(rng.randint(0, 10) * 60) for _ in people]
    a = select(Pool(people, submitted=times), general(7))
    b = select(Pool(people, submitted=times), general(7))
    assert a == b


# --- replay -------------------------------------------------------------------------------

# A hand-built distribution (IRCC's 17 bands in IRCC's order): 10 profiles in 601-1200,
# 100 in 501-600, 1,000 in 451-500 (200 in each 10-point band), 500 in 401-450 (100 in
# each), 50 in 351-400, none in 301-350 and 5 in 0-300: 1,665 in all.
HAND_COUNTS = (10, 100, 1000, 200, 200, 200, 200, 200, 500, 100, 100, 100, 100, 100, 50, 0, 5)
HAND = PoolDistribution(as_of=date(2026, 8, 16), counts=HAND_COUNTS, total=1665)
LATEST = ee.rounds()[-1]


def hand_round(size: int, cutoff: int) -> ee.Round:
    return attrs.evolve(LATEST, distribution=HAND, invitations=size, cutoff=cutoff)


@pytest.mark.parametrize(
    ("size", "band"),
    [
        (1, "601-1200"),
        (10, "601-1200"),  # exactly the top band
        (11, "501-600"),
        (110, "501-600"),
        (111, "491-500"),
        (310, "491-500"),
        (311, "481-490"),
        (1_110, "451-460"),
        (1_111, "441-450"),
        (1_660, "351-400"),
        (1_661, "0-300"),
        (5_000, "0-300"),  # larger than the pool: everyone invited
    ],
)
def test_a_replay_lands_in_the_band_the_distribution_implies(size: int, band: str) -> None:
    r = replay(hand_round(size, cutoff=495))
    assert r.pool_size == 1665
    assert r.band.label == band
    assert r.implied_band.label == band
    assert r.in_implied_band
    assert r.cutoff in r.band
    assert r.ircc_band.label == "491-500"
    assert r.in_ircc_band == (band == "491-500")


def test_a_synthetic_pool_has_exactly_the_published_counts() -> None:
    bands = replay_bands(HAND)
    assert bands is not None
    assert [b.label for b, _ in bands][:4] == ["601-1200", "501-600", "491-500", "481-490"]
    assert "451-500" not in [b.label for b, _ in bands]  # split into its five sub-bands
    assert "301-350" not in [b.label for b, _ in bands]  # empty
    held = LATEST.held_at
    scores, submitted = synthetic_keys(bands, before=held, seed=1)
    for band, count in bands:
        assert sum(1 for s in scores if s in band) == count
    # #437 was held 2026-08-19T12:35:37Z: a profile submitted on 2025-08-19 leaves the pool
    # on 2026-08-19 (12 months), one of 2025-08-20 is in it that day
    first = int(datetime(2025, 8, 20, tzinfo=UTC).timestamp())
    assert all(first <= s < int(held.timestamp()) for s in submitted)
    assert min(submitted) - first < 86_400  # the first day is drawn from too
    assert synthetic_keys(bands, before=held, seed=1) == (scores, submitted)
    assert synthetic_keys(bands, before=held, seed=2) != (scores, submitted)


def test_a_parent_band_stands_in_for_missing_sub_bands() -> None:
    counts: list[int | None] = list(HAND_COUNTS)
    counts[4] = None  # 481-490 not published
    partial = PoolDistribution(as_of=HAND.as_of, counts=tuple(counts), total=None)
    bands = replay_bands(partial)
    assert bands is not None
    assert ("451-500", 1000) in [(b.label, c) for b, c in bands]
    counts[2] = None  # and 451-500 neither: no pool can be built
    assert (
        replay_bands(PoolDistribution(as_of=HAND.as_of, counts=tuple(counts), total=None)) is None
    )
    with pytest.raises(InvalidInputError, match="no pool can be built"):
        replay(
            attrs.evolve(
                LATEST,
                distribution=PoolDistribution(as_of=HAND.as_of, counts=tuple(counts), total=None),
            )
        )


def test_a_round_without_a_distribution_cannot_be_replayed() -> None:
    with pytest.raises(InvalidInputError, match="IRCC published no pool distribution for it"):
        replay(ee.rounds()[0])


def test_published_rounds_replayed() -> None:
    by_number = {r.number: r for r in ee.rounds()}
    # #214, PNP: 1,036 invited, but only 899 profiles above 600 that day (IRCC's
    # 601-1200 band): the whole pool's 1,036th is in 501-600, while IRCC's cut-off
    # (745, nominees only) is in 601-1200
    assert by_number["214"].distribution is not None
    assert by_number["214"].distribution.counts[0] == 899
    pnp = replay(by_number["214"])
    assert pnp.in_implied_band
    assert not pnp.in_ircc_band
    assert (pnp.band.label, pnp.ircc_band.label) == ("501-600", "601-1200")
    assert repr(pnp).startswith("RoundReplay(#214 pnp, 1,036 of 196,685: cut-off ")
    report = replay_all([by_number[n] for n in ("1", "214", "226", "437")])
    assert [r.round.number for r in report.replays] == ["214", "437"]
    assert [n for n, _ in report.skipped] == ["226"]
    summary = {s.kind: s for s in report.summary()}
    assert (summary[RoundKind.CATEGORY].rounds, summary[RoundKind.CATEGORY].in_ircc_band) == (1, 0)
    assert repr(report) == (
        "ReplayReport(2 rounds replayed, 1 skipped; in IRCC's band: "
        "general 0/0, pnp 0/1, program 0/0, category 0/1)"
    )
    text = report.explain(rounds=True)
    assert "not the category's cut-off" in text
    assert "Not replayed: #226: a band of the pool was not published" in text
    assert "Not replayed: #1: IRCC published no pool distribution for it" in text
    assert report.undistributed == ("1",)
    assert text.startswith(
        "Replayed 2 rounds on synthetic pools built from IRCC's distributions (seed 2026)."
    )
    other = replay_all([by_number["437"]], seed=7).explain()
    assert other.startswith(
        "Replayed 1 round on synthetic pools built from IRCC's distributions (seed 7)."
    )


def test_the_replay_command_prints_the_figures(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["replay", "--number", "437", "--rounds"]) == 0
    out = capsys.readouterr().out
    assert "Replayed 1 round on" in out
    assert "437    2026-08-19  french" in out


def test_the_replay_command_says_why_a_round_cannot_be_replayed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Round 1 (2015-01-31) came before IRCC published pool distributions (from #214):
    # before, "Replayed 0 rounds" and exit 0.
    assert cli(["replay", "--number", "1"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "expressentry: round 1 cannot be replayed: IRCC published no pool distribution "
        "for it, so no pool can be built\n"
    )


def test_the_replay_command_refuses_an_unknown_round(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["replay", "--number", "999"]) == 2
    assert capsys.readouterr().err == "expressentry: no round numbered 999\n"
