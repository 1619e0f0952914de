"""IRCC's round history: every record parses, rounds pinned field by field, every quirk.

Kind: values read by hand in IRCC's feed (``ee_rounds_123_en.json``, the data behind
the canada.ca page "Express Entry rounds of invitations",
https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/submit-profile/rounds-invitations.html),
and counts and yearly figures from the project's research notes (computed there from
the tidy CSV, not from this package). The quoted text in comments is the feed's.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from importlib import resources
from pathlib import Path

import pytest

from expressentry import (
    CategoryId,
    DamagedDataError,
    DataError,
    InvalidInputError,
    Program,
    Quirk,
    Round,
    RoundKind,
    find_rounds,
    load_rounds,
    rounds,
    trends,
    yearly_summary,
)
from expressentry.draws.feed import (
    FEED_FILE,
    FEED_SHA256,
    SUPPLEMENT_FILE,
    SUPPLEMENT_SHA256,
    read_checked,
)
from expressentry.draws.feedtext import read_clock, read_datetime
from expressentry.draws.records import POOL_BANDS, TOP_BANDS, CrsBand

BY_NUMBER = {r.number: r for r in rounds()}
DATA = resources.files("expressentry.data")


def utc(year: int, month: int, day: int, hour: int, minute: int, second: int) -> datetime:  # noqa: PLR0917
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def numbers(quirk: Quirk) -> set[str]:
    return {r.number for r in rounds() if quirk in r.quirks}


# -- every record ------------------------------------------------------------------


def test_all_438_records_parse_oldest_first_with_91a_and_91b() -> None:
    expected = [str(n) for n in range(1, 91)] + ["91a", "91b"]
    expected += [str(n) for n in range(92, 438)]
    assert [r.number for r in rounds()] == expected


def test_records_per_year_are_those_of_the_data_notes() -> None:
    per_year = Counter(r.day.year for r in rounds())
    assert per_year == {
        2015: 23, 2016: 27, 2017: 30, 2018: 28, 2019: 26, 2020: 37,
        2021: 42, 2022: 24, 2023: 42, 2024: 52, 2025: 58, 2026: 49,
    }  # fmt: skip


def test_rounds_per_type_are_those_of_the_data_notes() -> None:
    assert Counter(r.round_type for r in rounds()) == {
        "general": 167 + 11,
        "cec": 67,
        "pnp": 111,
        "fst": 7,
        "fsw": 1,
        "healthcare": 6,
        "stem": 3,
        "french": 26 + 10,
        "trades": 4 + 1 + 1,
        "transport": 3 + 1,
        "agriculture": 3,
        "education": 2,
        "healthcare_social_services": 7 + 2,
        "physicians_canadian_experience": 2,
        "senior_managers_canadian_experience": 2,
        "skilled_military_recruits": 1,
    }


def test_invitations_per_year_are_those_of_the_draws_notes() -> None:
    per_year: Counter[int] = Counter()
    for r in rounds():
        per_year[r.day.year] += r.invitations
    assert per_year == {
        2015: 31_063, 2016: 33_782, 2017: 86_023, 2018: 89_800, 2019: 85_300,
        2020: 107_350, 2021: 114_224, 2022: 46_539, 2023: 110_266, 2024: 98_903,
        2025: 113_998, 2026: 119_865,
    }  # fmt: skip


def test_every_date_time_is_utc_and_no_tie_break_is_after_its_round() -> None:
    for r in rounds():
        assert r.held_at.tzinfo is UTC
        assert r.held_at.date() - r.day in {timedelta(0), timedelta(days=1)}
        if r.tie_break is not None:
            assert r.tie_break.tzinfo is UTC
            assert r.tie_break <= r.held_at, r.number


def test_tie_breaks_are_published_from_round_77_on() -> None:
    assert {r.number for r in rounds() if r.tie_break is None} == {str(n) for n in range(1, 77)}


def test_distributions_from_214_on_with_the_supplement_filling_four() -> None:
    with_one = {r.number for r in rounds() if r.distribution is not None}
    assert with_one == {str(n) for n in range(214, 438)}
    assert numbers(Quirk.DISTRIBUTION_FROM_SUPPLEMENT) == {"223", "224", "226", "227"}


def test_every_distribution_adds_up_except_247_and_the_partial_226() -> None:
    failing = {r.number for r in rounds() if r.distribution and r.distribution.sum_problems()}
    assert failing == {"247"}
    assert numbers(Quirk.DISTRIBUTION_PARTIAL) == {"226"}


def test_every_category_round_has_the_category_version_in_force_that_day() -> None:
    for r in rounds():
        assert (r.kind is RoundKind.CATEGORY) == (r.category is not None)
        if r.category is not None:
            assert r.category.in_force(as_of=r.day)
            assert r.programs_text == (
                "Federal Skilled Worker Program, Canadian Experience Class and "
                "Federal Skilled Trades Program"
            )


# -- rounds pinned field by field --------------------------------------------------


def test_the_first_round() -> None:
    assert BY_NUMBER["1"] == Round(
        number="1",
        sequence=1,
        day=date(2015, 1, 31),
        held_at=utc(2015, 1, 31, 11, 59, 48),  # "January 31, 2015 at 11:59:48 UTC"
        name="No Program Specified",
        kind=RoundKind.GENERAL,
        program=None,
        category=None,
        programs_text="Federal Skilled Worker, Canadian Experience Class, Federal Skilled "
        "Trades and Provincial Nominee Program",
        invitations=779,
        cutoff=886,
        tie_break=None,
        distribution=None,  # every dd is "0"
        instructions_url="https://www.canada.ca/en/immigration-refugees-citizenship/corporate/"
        "mandate/policies-operational-instructions-agreements/ministerial-instructions/"
        "express-entry-rounds/invitations-1.html",
        quirks=(),
    )


def test_91a_and_91b_share_a_moment_and_keep_their_own_tie_breaks() -> None:
    a, b = BY_NUMBER["91a"], BY_NUMBER["91b"]
    assert (a.sequence, a.day, a.kind, a.program, a.invitations, a.cutoff) == (
        91, date(2018, 5, 30), RoundKind.PROGRAM, Program.FST, 500, 288,
    )  # fmt: skip
    assert (b.sequence, b.day, b.kind, b.program, b.invitations, b.cutoff) == (
        91, date(2018, 5, 30), RoundKind.PNP, None, 200, 902,
    )  # fmt: skip
    assert a.held_at == b.held_at == utc(2018, 5, 30, 14, 52, 6)
    assert a.tie_break == utc(2017, 6, 7, 20, 11, 13)
    assert b.tie_break == utc(2018, 3, 23, 5, 38, 2)
    assert numbers(Quirk.SAME_MOMENT) == {"63", "64", "75", "76", "91a", "91b"}


def test_76_is_the_last_round_without_a_tie_break_and_77_the_first_with() -> None:
    last = BY_NUMBER["76"]  # "November 1, 2017, at 12:55:44 UTC", drawCutOff ""
    assert (last.program, last.invitations, last.cutoff, last.tie_break) == (
        Program.FST, 505, 241, None,
    )  # fmt: skip
    assert last.held_at == utc(2017, 11, 1, 12, 55, 44)
    first = BY_NUMBER["77"]
    assert first.tie_break == utc(2017, 10, 23, 15, 58, 27)
    assert (first.kind, first.invitations, first.cutoff) == (RoundKind.GENERAL, 2000, 458)


def test_the_newest_round_437() -> None:
    r = BY_NUMBER["437"]
    assert (r.day, r.name, r.kind, r.category_id) == (
        date(2026, 8, 19),
        "French-Language proficiency 2026-Version 2",
        RoundKind.CATEGORY,
        CategoryId.FRENCH,
    )
    assert r.category is not None
    assert r.category.version == "2026"
    assert (r.invitations, r.cutoff) == (5000, 382)
    assert r.held_at == utc(2026, 8, 19, 12, 35, 37)  # "August 19th 2026 at 12:35:37 UTC"
    assert r.tie_break == utc(2026, 3, 1, 18, 34, 5)
    d = r.distribution
    assert d is not None
    assert d.as_of == date(2026, 8, 16)
    assert d.counts == (
        439, 18_657, 73_554, 12_915, 13_066, 16_626, 16_133, 14_814,
        60_631, 13_555, 13_229, 11_890, 11_269, 10_688, 48_600, 17_269, 7_709,
    )  # fmt: skip
    assert d.total == 226_859
    assert d.count(CrsBand(351, 400)) == 48_600
    assert (d.complete, d.from_supplement, r.quirks) == (True, False, ())


def test_the_largest_round_176_and_the_smallest_430() -> None:
    big = BY_NUMBER["176"]  # drawSize "27,332", drawCRS "75"
    assert (big.program, big.invitations, big.cutoff) == (Program.CEC, 27_332, 75)
    small = BY_NUMBER["430"]  # "Skilled Military Recruits, 2026-Version 1", drawSize "4"
    assert (small.category_id, small.invitations, small.cutoff) == (
        CategoryId.SKILLED_MILITARY_RECRUITS, 4, 368,
    )  # fmt: skip


def test_the_only_fsw_round_and_the_first_category_round() -> None:
    assert [r.number for r in find_rounds(program=Program.FSW)] == ["240"]
    first = find_rounds(kind=RoundKind.CATEGORY)[0]
    assert (first.number, first.day, first.category_id) == (
        "252", date(2023, 6, 28), CategoryId.HEALTHCARE,
    )  # fmt: skip
    assert first.category is not None
    assert first.category.version == "2023-1"


# -- every quirk of the data notes --------------------------------------------------


@pytest.mark.parametrize(
    ("number", "held_at", "tie_break"),
    [
        # " July 13, 2016 at 13:56:45 UTC" (leading space)
        ("38", utc(2016, 7, 13, 13, 56, 45), None),
        # " January 17, 2018 at 12:33:00 UTC" (leading space)
        ("82", utc(2018, 1, 24, 13, 38, 0), utc(2018, 1, 17, 12, 33, 0)),
        # "May 26, 2017, at 16:35:48 UTC"
        ("63", utc(2017, 5, 26, 16, 35, 48), None),
        # "February 02 2022 at 14:16:27 UTC" / "February 18 2021 at 05:05:15 UTC"
        ("215", utc(2022, 2, 2, 14, 16, 27), utc(2021, 2, 18, 5, 5, 15)),
        # "March 23,2023 12:27:59 UTC" / "May 19,2022 06:48:41 UTC"
        ("244", utc(2023, 3, 23, 12, 27, 59), utc(2022, 5, 19, 6, 48, 41)),
        # "... at 17:30:21 UTC" / "August 30. 2023 at 17:30:21 UTC"
        ("277", utc(2023, 12, 20, 15, 55, 23), utc(2023, 8, 30, 17, 30, 21)),
        # "May 31, 2024 at12:48:30 UTC"
        ("297", utc(2024, 5, 31, 12, 48, 30), utc(2024, 3, 19, 18, 58, 58)),
        # "August 15, 2024 at 2024-08-15 15:11:54 UTC"
        ("310", utc(2024, 8, 15, 15, 11, 54), utc(2024, 7, 7, 9, 46, 10)),
        ("333", utc(2025, 1, 23, 15, 30, 4), utc(2024, 7, 23, 7, 6, 43)),
        # "July 04, 2023 at 19:36:18 UTC " (trailing space)
        ("262", utc(2023, 8, 15, 14, 23, 51), utc(2023, 7, 4, 19, 36, 18)),
        # "October 18, 2025 at  7:18:52 UTC" (two spaces, one-digit hour)
        ("386", utc(2025, 12, 15, 14, 39, 41), utc(2025, 10, 18, 7, 18, 52)),
        # "April 13, 2026  at 23:10:05 UTC"
        ("412", utc(2026, 4, 27, 10, 47, 44), utc(2026, 4, 13, 23, 10, 5)),
        # "July 3rd 2026 at 21:35:13 UTC"
        ("432", utc(2026, 8, 5, 10, 41, 26), utc(2026, 7, 3, 21, 35, 13)),
    ],
)
def test_free_text_date_times(number: str, held_at: datetime, tie_break: datetime | None) -> None:
    r = BY_NUMBER[number]
    assert (r.held_at, r.tie_break) == (held_at, tie_break)


def test_357_day_typo_is_corrected_and_flagged() -> None:
    r = BY_NUMBER["357"]  # drawDate 2025-07-22, "July 12, 2025 at 16:27:45 UTC"
    assert r.held_at == utc(2025, 7, 22, 16, 27, 45)
    assert r.quirks == (Quirk.HELD_AT_CORRECTED,)
    assert numbers(Quirk.HELD_AT_CORRECTED) == {"357"}
    assert numbers(Quirk.HELD_AT_DISAGREES) == set()


def test_date_times_on_the_next_day_are_kept_and_flagged() -> None:
    assert numbers(Quirk.HELD_NEXT_DAY) == {
        "7", "8", "9", "11", "13", "104", "108", "139", "146", "148",
    }  # fmt: skip
    r = BY_NUMBER["7"]  # drawDate 2015-04-10, "April 11, 2015 at 00:00:01 UTC"
    assert (r.day, r.held_at) == (date(2015, 4, 10), utc(2015, 4, 11, 0, 0, 1))


def test_208_tie_break_without_a_year_is_the_last_october_7_before_the_round() -> None:
    r = BY_NUMBER["208"]  # "October 7 at 16:38:21 UTC", round of 2021-10-27
    assert r.tie_break == utc(2021, 10, 7, 16, 38, 21)
    assert numbers(Quirk.TIE_BREAK_YEAR_INFERRED) == {"208"}


def test_24_hour_times_with_a_stray_am_or_pm() -> None:
    assert BY_NUMBER["210"].tie_break == utc(2021, 6, 22, 20, 19, 59)  # "20:19:59 PM UTC"
    r = BY_NUMBER["270"]  # "15:48:39 AM UTC" / "04:22:17 AM UTC"
    assert (r.held_at, r.tie_break) == (utc(2023, 10, 25, 15, 48, 39), utc(2023, 9, 30, 4, 22, 17))
    assert numbers(Quirk.STRAY_MERIDIEM) == {"210", "270"}


def test_date_times_without_a_zone_are_read_as_utc_and_flagged() -> None:
    assert BY_NUMBER["6"].held_at == utc(2015, 3, 27, 23, 59, 47)  # "...at 23:59:47"
    assert BY_NUMBER["258"].tie_break == utc(2023, 6, 15, 23, 49, 5)
    assert BY_NUMBER["383"].tie_break == utc(2025, 3, 5, 5, 10, 48)
    assert numbers(Quirk.NO_TIME_ZONE) == {"6", "258", "383"}


def test_247_keeps_its_published_counts_and_says_which_sum_fails() -> None:
    r = BY_NUMBER["247"]
    d = r.distribution
    assert d is not None
    assert d.count(CrsBand(451, 500)) == 55_867
    assert d.total == 230_189
    assert d.sum_problems() == ("451-500 is 55,867 but its sub-bands add up to 55,687",)
    assert r.quirks == (Quirk.DISTRIBUTION_SUMS_DISAGREE,)


def test_226_partial_distribution_from_the_supplement_taken_after_the_round() -> None:
    r = BY_NUMBER["226"]
    d = r.distribution
    assert d is not None
    assert d.from_supplement
    assert d.as_of == date(2022, 7, 11)  # after the round of 2022-07-06
    assert d.counts[:3] == (669, 8017, None)
    assert d.count(CrsBand(441, 450)) == 10_951
    assert d.count(CrsBand(431, 440)) is None
    assert d.total is None
    assert not d.complete
    assert d.sum_problems() == ()
    assert r.quirks == (
        Quirk.DISTRIBUTION_FROM_SUPPLEMENT,
        Quirk.DISTRIBUTION_PARTIAL,
        Quirk.DISTRIBUTION_AFTER_ROUND,
    )


def test_223_distribution_from_the_supplement_adds_up() -> None:
    d = BY_NUMBER["223"].distribution
    assert d is not None
    assert d.complete
    assert d.from_supplement
    assert (d.as_of, d.total) == (date(2022, 5, 23), 211_093)
    assert sum(d.count(b) or 0 for b in TOP_BANDS) == 211_093


def test_snapshots_more_than_14_days_old_are_flagged() -> None:
    assert numbers(Quirk.DISTRIBUTION_STALE) == {"298", "409", "416"}
    d = BY_NUMBER["298"].distribution  # "May 30, 2024" for the round of 2024-06-19
    assert d is not None
    assert d.as_of == date(2024, 5, 30)


def test_the_first_published_distribution_is_214() -> None:
    d = BY_NUMBER["214"].distribution
    assert d is not None
    assert (d.as_of, d.total, d.count(POOL_BANDS[0])) == (date(2022, 1, 17), 196_685, 899)


def test_the_2026_french_version_label_is_ircc_s_and_the_list_version_the_package_s() -> None:
    # IRCC calls #394 (2026-02-06) "2026-Version 2"; the package's French list of
    # that day is its 2025 version (the 2026 lists apply from 2026-02-18).
    r = BY_NUMBER["394"]
    assert r.name == "French-Language proficiency 2026-Version 2"
    assert r.category is not None
    assert r.category.version == "2025"


# -- the readers of the free text ---------------------------------------------------


def test_an_ambiguous_am_pm_time_is_refused_not_guessed() -> None:
    with pytest.raises(ValueError, match="ambiguous"):
        read_clock(4, 0, 0, "PM")
    with pytest.raises(ValueError, match="ambiguous"):
        read_clock(12, 30, 0, "AM")
    assert read_clock(12, 30, 0, "PM").hour == 12


def test_date_times_that_disagree_or_lack_a_year_are_refused() -> None:
    with pytest.raises(ValueError, match="disagree"):
        read_datetime("August 15, 2024 at 2024-08-16 15:11:54 UTC")
    with pytest.raises(ValueError, match="no year"):
        read_datetime("October 7 at 16:38:21 UTC")
    with pytest.raises(ValueError, match="month"):
        read_datetime("Octember 7, 2021 at 16:38:21 UTC")


# -- the shipped files and a user's copy -------------------------------------------


@pytest.mark.parametrize(
    ("name", "digest"), [(FEED_FILE, FEED_SHA256), (SUPPLEMENT_FILE, SUPPLEMENT_SHA256)]
)
def test_a_modified_data_file_fails_its_sha256_check(
    tmp_path: Path, name: str, digest: str
) -> None:
    copy = tmp_path / name
    copy.write_bytes(DATA.joinpath(name).read_bytes())
    assert read_checked(copy, digest) == DATA.joinpath(name).read_bytes()
    data = bytearray(copy.read_bytes())
    data[100] ^= 0x01
    copy.write_bytes(bytes(data))
    with pytest.raises(DataError, match=f"data file expressentry/data/{name} of the installed "):
        read_checked(copy, digest)
    with pytest.raises(DamagedDataError, match=f"not the {digest} recorded .*reinstall"):
        read_checked(copy, digest)


def test_the_shipped_feed_keeps_ircc_s_crlf_line_ends() -> None:
    assert DATA.joinpath(FEED_FILE).read_bytes()[:3] == b"{\r\n"


def _feed_copy(tmp_path: Path) -> tuple[Path, dict[str, list[dict[str, str]]]]:
    path = tmp_path / "ee_rounds_123_en.json"
    with DATA.joinpath(FEED_FILE).open("rb") as src, path.open("wb") as dst:
        shutil.copyfileobj(src, dst)
    return path, json.loads(path.read_text(encoding="utf-8"))


def test_load_rounds_reads_a_copy_like_the_shipped_history(tmp_path: Path) -> None:
    path, _ = _feed_copy(tmp_path)
    assert load_rounds(path) == rounds()
    without = {r.number: r for r in load_rounds(path, supplement=False)}
    assert without["223"].distribution is None
    assert without["437"] == BY_NUMBER["437"]


def test_load_rounds_reads_a_newer_round(tmp_path: Path) -> None:
    path, feed = _feed_copy(tmp_path)
    newer = dict(feed["rounds"][0])
    newer.update(
        drawNumber="438",
        drawDate="2026-08-31",
        drawName="Researchers with Canadian Work Experience, 2026-Version 1",
        drawSize="8017",
        drawCRS="401",
        drawDateTime="August 31st, 2026 at 09:00:00 UTC",
        drawCutOff="August 1, 2026 at 10:11:12 UTC",
    )
    feed["rounds"].insert(0, newer)
    path.write_text(json.dumps(feed), encoding="utf-8")
    loaded = load_rounds(path)
    assert len(loaded) == 439
    r = loaded[-1]
    assert (r.number, r.category_id, r.invitations, r.cutoff) == (
        "438", CategoryId.RESEARCHERS_CANADIAN_EXPERIENCE, 8017, 401,
    )  # fmt: skip
    assert r.held_at == utc(2026, 8, 31, 9, 0, 0)


def test_a_malformed_copy_names_every_record_field_and_text(tmp_path: Path) -> None:
    path, feed = _feed_copy(tmp_path)
    feed["rounds"][0]["drawCRS"] = "n/a"
    feed["rounds"][1]["drawDateTime"] = "soon"
    feed["rounds"][2]["drawName"] = " - "
    del feed["rounds"][3]["drawDate"]
    path.write_text(json.dumps(feed), encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        load_rounds(path)
    assert [str(p) for p in caught.value.problems] == [
        "$.rounds[0].drawCRS: round 437: not a whole number as IRCC writes them "
        "(e.g. '5,000') (got \"n/a\")",
        "$.rounds[1].drawDateTime: round 436: not a date and time as IRCC writes them "
        "(e.g. 'August 19, 2026 at 12:35:37 UTC') (got \"soon\")",
        "$.rounds[2].drawName: round 435: must name the round (IRCC's name has letters, "
        "e.g. 'Canadian Experience Class') (got \" - \")",
        "$.rounds[3].drawDate: round 434: required field missing",
    ]
    assert str(caught.value).startswith("invalid rounds feed ee_rounds_123_en.json:")


def test_a_copy_that_is_not_the_feed_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "feed.json"
    path.write_text("<html>", encoding="utf-8")
    with pytest.raises(InvalidInputError, match=r"\$: not valid JSON"):
        load_rounds(path)
    path.write_text("[]", encoding="utf-8")
    with pytest.raises(InvalidInputError, match=r"\$\.rounds: IRCC's feed is an object"):
        load_rounds(path)


def test_a_round_given_twice_is_refused(tmp_path: Path) -> None:
    path, feed = _feed_copy(tmp_path)
    feed["rounds"].insert(0, feed["rounds"][0])
    path.write_text(json.dumps(feed), encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        load_rounds(path)
    assert [str(p) for p in caught.value.problems] == [
        "$.rounds[1].drawNumber: round 437 is a duplicate: $.rounds[0] has the same number "
        '(IRCC numbers each round once) (got "437")'
    ]


# -- queries and trends ------------------------------------------------------------


def test_queries_by_kind_program_category_and_days() -> None:
    assert len(find_rounds(kind=RoundKind.PNP, since=date(2026, 1, 1))) == 16
    assert len(find_rounds(since=date(2024, 1, 1), until=date(2024, 12, 31))) == 52
    assert len(find_rounds(category=CategoryId.FRENCH)) == 36
    assert (
        len(find_rounds(program=Program.CEC, since=date(2025, 1, 1), until=date(2025, 12, 31)))
        == 15
    )
    assert [r.number for r in find_rounds(since=date(2026, 8, 18))] == ["436", "437"]
    assert find_rounds(kind=RoundKind.GENERAL, since=date(2024, 5, 1)) == ()


def test_queries_refuse_a_wrong_filter() -> None:
    with pytest.raises(InvalidInputError, match="kind: must be a RoundKind"):
        find_rounds(kind="pnp")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="until: must not be before since"):
        find_rounds(since=date(2026, 1, 2), until=date(2026, 1, 1))
    with pytest.raises(InvalidInputError, match="since: must be a date"):
        find_rounds(since="2026-01-01")  # type: ignore[arg-type]


def test_trends_are_one_series_per_type_in_order() -> None:
    series = trends()
    assert sum(len(s) for s in series.values()) == 438
    fst = series["fst"]
    assert [p.number for p in fst] == [r.number for r in find_rounds(program=Program.FST)]
    assert (fst[0].day, fst[0].cutoff, fst[0].invitations) == (date(2017, 5, 26), 199, 400)


YEAR_2024 = {  # the draws notes: rounds, median size (min, max), median cut-off (min, max)
    "pnp": (14, 942, (174, 2985), 716, (663, 816)),
    "french": (11, 1500, (800, 7000), 410, (336, 478)),
    "cec": (10, 3100, (400, 6300), 518, (507, 547)),
    "general": (9, 1490, (730, 2850), 535, (524, 549)),
    "healthcare": (3, 3500, (3000, 3750), 445, (422, 463)),
}


@pytest.mark.parametrize("round_type", YEAR_2024)
def test_yearly_summary_of_2024(round_type: str) -> None:
    count, size, size_range, cutoff, cutoff_range = YEAR_2024[round_type]
    (s,) = [s for s in yearly_summary() if s.year == 2024 and s.round_type == round_type]
    assert s.rounds == count
    assert abs(s.invitations_median - size) <= 0.5
    assert (s.invitations_min, s.invitations_max) == size_range
    assert abs(s.cutoff_median - cutoff) <= 0.5
    assert (s.cutoff_min, s.cutoff_max) == cutoff_range


def test_round_explains_itself() -> None:
    text = BY_NUMBER["226"].explain()
    assert text.splitlines()[0] == "Round #226 of 2022-07-06, general round (all programs)"
    assert "pool on 2022-07-11: not published" in text
    assert "quirk: distribution_partial" in text
    assert repr(BY_NUMBER["91a"]) == "Round('91a', 2018-05-30, fst, 500 invited, cut-off 288)"


def test_provenance_records_the_digests_the_loader_checks() -> None:
    provenance = DATA.joinpath("PROVENANCE.md").read_text(encoding="utf-8")
    assert f"## `{FEED_FILE}`" in provenance
    assert f"## `{SUPPLEMENT_FILE}`" in provenance
    assert FEED_SHA256 in provenance
    assert SUPPLEMENT_SHA256 in provenance
