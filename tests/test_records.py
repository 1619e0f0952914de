"""``to_records()`` gives flat rows a DataFrame reads; ``_repr_html_()`` a safe fragment.

Kind: examples and properties of the results' tabular forms. Every result's
``to_records()`` holds only plain scalars (``str``, ``int``, ``float``,
``bool``, ``None``, :class:`datetime.date`), one row per natural row; each goes
through ``pandas.DataFrame`` (pandas is in the ``dev`` and ``pandas`` extras,
never a dependency of the core) with the columns and values the result itself
holds. The HTML fragments parse, carry the figures, and escape what they show.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from functools import cache
from html.parser import HTMLParser
from typing import Any

import attrs
import pytest

import expressentry as ee
from expressentry import RoundSpec
from expressentry.eligibility import flags_many

pd = pytest.importorskip("pandas")

AS_OF = date(2026, 11, 22)
PROFILE = ee.example_profile()
BAD: Any = "not a profile"
SCALARS = (str, int, float, bool, date, type(None))


@cache
def _results() -> dict[str, Any]:
    other = attrs.evolve(PROFILE, provincial_nomination=True)
    assert PROFILE.profile_submitted is not None
    later = attrs.evolve(PROFILE, profile_submitted=PROFILE.profile_submitted + timedelta(hours=1))
    pool = ee.Pool([later, other, PROFILE])
    return {
        "breakdown": ee.score(PROFILE, as_of=AS_OF),
        "eligibility": ee.assess(PROFILE, as_of=AS_OF),
        "plan": ee.improvements(PROFILE, as_of=AS_OF, chances=False),
        "outlook": ee.outlook(PROFILE, as_of=AS_OF),
        "forecast": ee.forecast(PROFILE, start=AS_OF, end=date(2029, 11, 22)),
        "validity": ee.validity_on(PROFILE, as_of=AS_OF),
        "selection": ee.select(pool, RoundSpec(day=date(2026, 9, 1), size=2)),
        "comparison": ee.compare(PROFILE, other, as_of=AS_OF),
        "scores": ee.score_many([PROFILE, BAD, other], as_of=AS_OF, errors="collect"),
        "flags": flags_many([PROFILE, BAD], as_of=AS_OF, errors="collect"),
        "round": ee.rounds()[-1],
    }


NAMES = [
    "breakdown",
    "eligibility",
    "plan",
    "outlook",
    "forecast",
    "validity",
    "selection",
    "comparison",
    "scores",
    "flags",
]


def _frame(name: str) -> Any:
    return pd.DataFrame(_results()[name].to_records())


@pytest.mark.parametrize("name", NAMES)
def test_every_value_is_a_plain_scalar(name: str) -> None:
    rows = _results()[name].to_records()
    assert rows, name
    for row in rows:
        assert isinstance(row, dict)
        for key, value in row.items():
            assert isinstance(key, str)
            assert type(value) in SCALARS or isinstance(value, datetime), (name, key, value)


@pytest.mark.parametrize("name", NAMES)
def test_one_column_set_per_result(name: str) -> None:
    """Every row of a result has the same columns, in the same order (failures aside)."""
    rows = [r for r in _results()[name].to_records() if r.get("ok", True)]
    assert len({tuple(r) for r in rows}) == 1, name


def test_the_breakdown_frame_adds_up_to_the_total() -> None:
    b = _results()["breakdown"]
    df = _frame("breakdown")
    assert list(df.columns) == [
        "as_of",
        "section",
        "factor",
        "points",
        "reason",
        "rule_id",
        "effective_from",
        "source",
    ]
    assert len(df) == len(b.lines)
    assert df["points"].sum() == b.total
    assert str(df["points"].dtype) == "int64"
    assert all(type(d) is date for d in df["effective_from"])
    assert set(df["as_of"]) == {AS_OF}
    assert df.groupby("section")["points"].sum()["core"] == b.core
    assert list(df["reason"]) == [ln.reason for ln in b.lines]


def test_the_eligibility_frame_has_a_row_per_requirement() -> None:
    report = _results()["eligibility"]
    df = _frame("eligibility")
    expected = sum(len(p.requirements) for p in report.programs) + sum(
        len(c.requirements) for c in report.categories
    )
    assert len(df) == expected
    assert {"program", "category", "verdict", "requirement", "met", "status", "detail"} <= set(
        df.columns
    )
    assert str(df["met"].dtype) == "bool"
    fsw = df[df["program"] == "fsw"]
    assert list(fsw["requirement"]) == [r.id for r in report.program(ee.Program.FSW).requirements]
    assert df[df["category"].notna()]["program"].isna().all()
    assert (df["met"] == (df["status"] == "met")).all()


def test_the_plan_frame_has_a_row_per_improvement() -> None:
    plan = _results()["plan"]
    df = _frame("plan")
    assert len(df) == len(plan.improvements)
    assert list(df["rank"]) == list(range(1, len(plan.improvements) + 1))
    assert (df["gain"] == df["total"] - df["total_before"]).all()
    assert list(df["gain"]) == [imp.gain for imp in plan.improvements]
    assert all(type(d) is date for d in df["day"])
    assert list(df["programs_opened"]) == [
        ", ".join(p.value for p in imp.programs_opened) for imp in plan.improvements
    ]


def test_the_outlook_frame_has_a_row_per_round_type() -> None:
    look = _results()["outlook"]
    df = _frame("outlook")
    assert len(df) == len(look.lines) + len(look.unjudged)
    assert list(df["round_type"]) == [ln.round_type.key for ln in (*look.lines, *look.unjudged)]
    assert set(df["score"]) == {look.score}
    assert list(df["judged"]) == [True] * len(look.lines) + [False] * len(look.unjudged)
    first = look.lines[0]
    assert df["cleared"].iloc[0] == first.cleared
    assert df["last_round"].iloc[0] == first.checks[-1].round.day


def test_the_forecast_frame_has_a_row_per_event() -> None:
    ahead = _results()["forecast"]
    df = _frame("forecast")
    assert len(df) == len(ahead.events) > 0
    assert list(df["day"]) == [e.day for e in ahead.events]
    assert all(type(d) is date for d in df["day"])
    assert (df["change"] == df["total"] - df["total_before"]).all()
    assert df["total"].iloc[-1] == ahead.final.total


def test_the_validity_frame_has_a_row_per_document() -> None:
    v = _results()["validity"]
    df = _frame("validity")
    assert len(df) == len(v.documents)
    assert list(df["document"]) == [d.document.value for d in v.documents]
    assert list(df["valid"]) == [d.valid for d in v.documents]
    assert all(type(d) is date for d in df["dated"])


def test_the_selection_frame_has_a_row_per_invited_candidate() -> None:
    s = _results()["selection"]
    df = _frame("selection")
    assert len(df) == s.count == 2
    assert list(df["index"]) == list(s.indices) == [1, 2]
    assert list(df["rank"]) == [1, 2]
    assert str(df["submitted"].dtype).startswith("datetime64")


def test_the_comparison_frame_has_a_column_per_scenario() -> None:
    c = _results()["comparison"]
    df = _frame("comparison")
    assert list(df.columns) == ["section", "factor", "differs", *c.names]
    assert len(df) == len(c.rows)
    assert [df[name].sum() for name in c.names] == list(c.totals)
    assert df["differs"].sum() == len(c.differing)


def test_a_scenario_named_like_a_column_keeps_its_own() -> None:
    c = ee.compare(ee.Scenario(PROFILE, name="factor"), PROFILE, as_of=AS_OF)
    assert list(c.to_records()[0]) == ["section", "factor", "differs", "factor points", "B"]


def test_a_pool_result_has_a_row_per_item_failures_included() -> None:
    scores = _results()["scores"]
    df = _frame("scores")
    assert list(df.columns) == ["index", "ok", "error", "value"]
    assert list(df["index"]) == [0, 1, 2]
    assert list(df["ok"]) == [True, False, True]
    assert df["value"].iloc[0] == scores.results[0]
    assert "[1]" in df["error"].iloc[1]
    flags = _frame("flags")
    assert list(flags["index"]) == [0, 1]
    assert flags["fsw"].iloc[0] == "eligible"
    assert list(flags.columns[:4]) == ["index", "ok", "error", "as_of"]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open.pop() == tag

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parsed(fragment: str) -> _Tags:
    page = _Tags()
    page.feed(fragment)
    page.close()
    assert page.open == [], "every element is closed"
    return page


def _html(name: str) -> Callable[[], str]:
    return _results()[name]._repr_html_  # type: ignore[no-any-return]


HTML = ["breakdown", "eligibility", "plan", "outlook", "forecast", "validity", "selection", "round"]


@pytest.mark.parametrize("name", HTML)
def test_the_fragment_is_a_closed_table(name: str) -> None:
    page = _parsed(_html(name)())
    assert page.tags[0] == "div"
    assert "table" in page.tags
    assert "script" not in page.tags
    assert "style" not in page.tags


def _texts(name: str) -> str:
    return "".join(_parsed(_html(name)()).text)


def test_the_breakdown_fragment_shows_every_line_and_the_total() -> None:
    b = _results()["breakdown"]
    text = _texts("breakdown")
    assert f"CRS score {b.total}" in text
    for ln in b.lines:
        assert ln.reason in text
    assert f"Total{b.total}" in text


def test_the_other_fragments_carry_their_figures() -> None:
    report = _results()["eligibility"]
    text = _texts("eligibility")
    assert all(r.reason in text for r in report.programs[0].requirements)
    plan = _results()["plan"]
    text = _texts("plan")
    assert all(imp.description in text for imp in plan.improvements)
    look = _results()["outlook"]
    assert all(ln.round_type.label in _texts("outlook") for ln in look.lines)
    ahead = _results()["forecast"]
    assert all(m.description in _texts("forecast") for e in ahead.events for m in e.milestones)
    papers = _results()["validity"]
    assert all(d.label in _texts("validity") for d in papers.documents)
    picked = _results()["selection"]
    text = _texts("selection")
    assert len(picked.invited) == 2
    assert all(f"{i.rank}{i.index}{i.crs}" in text for i in picked.invited)
    last = _results()["round"]
    text = _texts("round")
    assert f"Cut-off (CRS){last.cutoff}" in text
    assert last.name in text


HOSTILE = '<script>alert("x")</script> & <b>'


def _hostile() -> Iterator[str]:
    b = _results()["breakdown"]
    line = attrs.evolve(b.lines[0], reason=HOSTILE)
    yield attrs.evolve(b, lines=(line, *b.lines[1:]))._repr_html_()
    report = _results()["eligibility"]
    p = report.programs[0]
    req = attrs.evolve(p.requirements[0], reason=HOSTILE)
    program = attrs.evolve(p, requirements=(req, *p.requirements[1:]))
    yield attrs.evolve(report, programs=(program, *report.programs[1:]))._repr_html_()
    plan = _results()["plan"]
    imp = attrs.evolve(plan.improvements[0], description=HOSTILE)
    yield attrs.evolve(plan, improvements=(imp, *plan.improvements[1:]))._repr_html_()
    ahead = _results()["forecast"]
    e = ahead.events[0]
    event = attrs.evolve(e, milestones=(attrs.evolve(e.milestones[0], description=HOSTILE),))
    yield attrs.evolve(ahead, events=(event, *ahead.events[1:]))._repr_html_()
    papers = _results()["validity"]
    doc = attrs.evolve(papers.documents[0], reason=HOSTILE)
    yield attrs.evolve(papers, documents=(doc, *papers.documents[1:]))._repr_html_()
    yield attrs.evolve(_results()["round"], name=HOSTILE)._repr_html_()


def test_a_hostile_string_is_escaped() -> None:
    for fragment in _hostile():
        assert "<script>" not in fragment
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;" in fragment
        page = _parsed(fragment)
        assert "script" not in page.tags
        assert HOSTILE in "".join(page.text)


def test_the_core_needs_no_jinja2_for_html(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fragments come from the standard library: no template engine is imported."""
    import builtins  # noqa: PLC0415

    real = builtins.__import__

    def guarded(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith("jinja2"):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", guarded)
    for name in HTML:
        assert _html(name)().startswith('<div class="expressentry">')
