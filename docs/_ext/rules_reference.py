"""Sphinx extension: the rules reference, generated from the rule tables at build time.

``rules-reference`` (a directive without arguments) renders every timeline of
:data:`expressentry.rules.TIMELINES` straight from the shipped tables, as docutils
nodes (no generated file): each rule's id, title, Python name and every dated
entry with its effective period, note, source and value as a table. A last
section lists every official source and the rules that cite it.

Every section has a label for cross-references: ``rule-`` and the rule id with
dots as hyphens (``rule-crs-additional-job-offer``), ``rules-`` and the group title
(``rules-d-additional-points``), and ``rule-sources``.

Each timeline and each source constant is declared there as a Python object
(``expressentry.rules.crs_core.AGE``, ``expressentry.rules.sources.CRS_CRITERIA``),
so cross-references from the API documentation land on its values. To avoid
describing them twice, autodoc skips module members that are timelines or sources.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import timedelta
from enum import Enum
from pathlib import Path
from typing import Any, Final

from docutils import nodes
from docutils.statemachine import StringList
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.domains.python import PyVariable
from sphinx.util.docutils import SphinxDirective
from sphinx.util.typing import ExtensionMetadata

import expressentry
import expressentry.rules
from expressentry.enums import WorkPlace
from expressentry.noc import occupation
from expressentry.rules import CRS_TIMELINES, TIMELINES, Dated, Source, Timeline
from expressentry.rules._tables import SpouseSteps, Steps
from expressentry.rules.categories import CATEGORY_SETS, CategorySet, CategoryWorkRule
from expressentry.rules.language_tables import LanguageChart
from expressentry.rules.programs import TradeGroups
from expressentry.rules.settlement_funds import FundsTable

__all__ = [
    "CategoryLists",
    "RulesReference",
    "render_value",
    "setup",
    "skip_rule_constants",
    "table",
]

GROUPS: Final = (
    ("crs.core.", "A. Core / human capital factors"),
    ("crs.spouse.", "B. Spouse or common-law partner factors"),
    ("crs.transferability.", "C. Skill transferability factors"),
    ("crs.additional.", "D. Additional points"),
    ("experience.", "Work experience accounting"),
    ("language.", "Language test equivalency charts"),
    ("fsw.grid.", "Federal Skilled Worker selection grid"),
    ("funds.", "Settlement funds"),
    ("program.", "Program requirements"),
    ("category.", "Category-based selection"),
)
"""Rule-id prefixes and the section each group of rules is listed under."""

OTHER_GROUP: Final = "Other rules"

STEP_HEADERS: Final[Mapping[str, str]] = {
    "crs.core.age": "Age (completed years)",
    "crs.core.first_language": "CLB/NCLC level (each ability)",
    "crs.core.second_language": "CLB/NCLC level (each ability)",
    "crs.core.canadian_experience": "Years of Canadian skilled work",
    "crs.spouse.first_language": "Spouse's CLB/NCLC level (each ability)",
    "crs.spouse.canadian_experience": "Spouse's years of Canadian skilled work",
    "fsw.grid.first_language": "CLB/NCLC level (each ability)",
    "fsw.grid.second_language": "Lowest CLB/NCLC of the four abilities",
    "fsw.grid.experience": "Years of skilled work",
    "fsw.grid.age": "Age (completed years)",
}
"""What the first column of a step table counts, by rule id."""

WITH_WITHOUT: Final = ("With spouse", "Without spouse")
CLB_7_9: Final = ("CLB 7+ (one under 9)", "CLB 9+ in all four")
CANADIAN_1_2: Final = ("1 year of Canadian work", "2+ years of Canadian work")
PAIR_HEADERS: Final[Mapping[str, tuple[str, str]]] = {
    "crs.core.education": WITH_WITHOUT,
    "crs.core.second_language_cap": WITH_WITHOUT,
    "crs.transferability.education_language": CLB_7_9,
    "crs.transferability.foreign_language": CLB_7_9,
    "crs.transferability.education_experience": CANADIAN_1_2,
    "crs.transferability.foreign_experience": CANADIAN_1_2,
    "crs.transferability.certificate_language": ("CLB 5+ (one under 7)", "CLB 7+ in all four"),
}
"""Column headers of rules whose values are pairs of points, by rule id."""

KEY_HEADERS: Final[Mapping[str, str]] = {
    "EducationLevel": "Level of education",
    "EducationTier": "Education tier",
    "ForeignExperienceTier": "Foreign skilled work",
    "JobOfferKind": "Job offer",
    "CanadianCredential": "Canadian credential",
    "FrenchBonus": "Case",
    "AdaptabilityItem": "Adaptability element",
    "FswFactor": "Factor",
    "Program": "Program",
    "Teer": "TEER of the qualifying work",
    "Ability": "Ability",
}
"""First-column header of a mapping, by the type name of its keys."""

LABELLED_KEYS: Final = frozenset({"AdaptabilityItem"})
"""Key types whose ``label`` is shown in a column of its own, in IRCC's words."""

VALUE_HEADERS: Final[Mapping[str, str]] = {
    "fsw.grid.factor_maxima": "Maximum points",
    "program.cec.min_clb_by_teer": "Minimum CLB/NCLC, all four abilities",
    "program.fst.min_clb": "Minimum CLB/NCLC",
}
"""Header of the value column of a mapping, by rule id (``"Points"`` otherwise)."""


# -- small node builders ------------------------------------------------------------


def _text(value: object) -> str:
    """A value as the pages show it: string enums by value, other enums by name."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str) and isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, Enum):
        return value.name.replace("_", " ")
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _cell(value: object) -> nodes.Node:
    if isinstance(value, nodes.Node):
        return value
    if isinstance(value, str) and isinstance(value, Enum):
        return nodes.literal(text=str(value.value))
    return nodes.Text(_text(value))


def _row(cells: Iterable[object]) -> nodes.row:
    row = nodes.row()
    for value in cells:
        entry = nodes.entry()
        entry += nodes.paragraph("", "", _cell(value))
        row += entry
    return row


def table(
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    widths: Sequence[int] | None = None,
) -> nodes.table:
    """A plain table: one header row, then ``rows`` (strings, numbers, enums or nodes).

    ``widths`` gives the relative width of each column; without it the browser decides.
    """
    result = nodes.table(classes=["rules-table"])
    if widths is not None:
        result["classes"].append("colwidths-given")
    group = nodes.tgroup(cols=len(header))
    result += group
    for width in widths or [1] * len(header):
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    head += _row(header)
    group += head
    body = nodes.tbody()
    for cells in rows:
        body += _row(cells)
    group += body
    return result


def _paragraph(*parts: nodes.Node | str) -> nodes.paragraph:
    para = nodes.paragraph()
    for part in parts:
        para += nodes.Text(part) if isinstance(part, str) else part
    return para


def _step_labels(starts: Sequence[int]) -> list[str]:
    """Row labels of a step table: ``"20–29"`` for a row, ``"45 or more"`` for the last."""
    labels: list[str] = []
    for i, start in enumerate(starts):
        if i + 1 == len(starts):
            labels.append(f"{start} or more")
        else:
            last = starts[i + 1] - 1
            labels.append(str(start) if last == start else f"{start}–{last}")
    return labels


# -- values -------------------------------------------------------------------------


def _chart(chart: LanguageChart) -> list[nodes.Node]:
    unit = "NCLC" if chart.test.language.value == "french" else "CLB"
    abilities = list(chart.bands)
    levels = sorted({band.level for bands in chart.bands.values() for band in bands}, reverse=True)
    by_level = {a: {band.level: band for band in chart.bands[a]} for a in abilities}
    rows: list[list[object]] = []
    for level in levels:
        row: list[object] = [f"{unit} {level}"]
        for ability in abilities:
            band = by_level[ability].get(level)
            if band is None:
                row.append("–")
            elif band.low == band.high:
                row.append(_text(band.low))
            else:
                row.append(f"{_text(band.low)}–{_text(band.high)}")
        rows.append(row)
    scales = "; ".join(f"{a.value} {chart.scales[a].describe()}" for a in abilities)
    return [
        table([unit, *(a.value.capitalize() for a in abilities)], rows),
        _paragraph(
            f"Scores a {chart.test.value} result can report: {scales}. "
            f"A score below the lowest band reads as level 0."
        ),
    ]


def _pair_header(rule_id: str) -> tuple[str, str]:
    return PAIR_HEADERS.get(rule_id, ("First value", "Second value"))


def _spouse_steps(rule_id: str, value: SpouseSteps) -> list[nodes.Node]:
    labels = _step_labels([row[0] for row in value.rows])
    rows = [[label, w, wo] for label, (_, w, wo) in zip(labels, value.rows, strict=True)]
    return [table([STEP_HEADERS.get(rule_id, "From"), *WITH_WITHOUT], rows)]


def _steps(rule_id: str, value: Steps) -> list[nodes.Node]:
    labels = _step_labels([row[0] for row in value.rows])
    rows = [[label, pts] for label, (_, pts) in zip(labels, value.rows, strict=True)]
    return [table([STEP_HEADERS.get(rule_id, "From"), "Points"], rows)]


def _mapping(rule_id: str, value: Mapping[object, object]) -> list[nodes.Node]:
    items = list(value.items())
    key_header = KEY_HEADERS.get(type(items[0][0]).__name__, "Key") if items else "Key"
    pairs = [(k, v) for k, v in items if isinstance(v, tuple) and len(v) == 2]
    if items and len(pairs) == len(items):
        header = [key_header, *_pair_header(rule_id)]
        return [table(header, [[k, v[0], v[1]] for k, v in pairs])]
    value_header = VALUE_HEADERS.get(rule_id, "Points")
    if items and type(items[0][0]).__name__ in LABELLED_KEYS:
        rows = [[k, getattr(k, "label", ""), v] for k, v in items]
        return [table([key_header, "In IRCC's words", value_header], rows, [3, 5, 1])]
    return [table([key_header, value_header], [[k, v] for k, v in items])]


def _dollars(amount: int) -> str:
    return f"${amount:,}"


def _funds(rule_id: str, value: FundsTable) -> list[nodes.Node]:
    del rule_id
    rows: list[list[object]] = [
        [str(size), _dollars(amount)] for size, amount in enumerate(value.amounts, start=1)
    ]
    extra = value.per_additional
    rows.append(
        ["each additional member", "not recorded (unknown)" if extra is None else _dollars(extra)]
    )
    return [table(["Family members", "Funds required (CAD)"], rows)]


def _trades(rule_id: str, value: TradeGroups) -> list[nodes.Node]:
    del rule_id
    rows: list[list[object]] = [[g.code, g.title, g.level, "yes"] for g in value.included]
    rows += [[g.code, g.title, g.level, "no (excluded)"] for g in value.excluded]
    return [
        table(["NOC code starts with", "Group", "Level", "Skilled trade"], rows, [2, 6, 2, 2]),
        _paragraph(value.reading),
    ]


def _category_set(rule_id: str, value: CategorySet) -> list[nodes.Node]:
    del rule_id
    if not value.categories:
        return [_paragraph("No categories.")]
    rows: list[list[object]] = [
        [
            c.name,
            c.version,
            f"NCLC {c.french_nclc} in all four abilities"
            if c.french_nclc is not None
            else ("in Canada" if c.place is WorkPlace.CANADA else "in Canada or abroad"),
            ("Canadian Armed Forces job offer; " if c.needs_caf_job_offer else "")
            + (", ".join(sorted(c.nocs)) if c.nocs else "none"),
            c.confidence.replace("_", " "),
        ]
        for c in value.categories
    ]
    return [
        table(
            ["Category", "Version", "Language or work place", "NOC 2021 codes", "List read from"],
            rows,
            [3, 1, 2, 6, 1],
        )
    ]


def _work_rule(rule_id: str, value: CategoryWorkRule) -> list[nodes.Node]:
    del rule_id
    how = "one continuous stretch" if value.continuous else "not necessarily continuous"
    return [
        _paragraph(
            "Value: ",
            nodes.strong(
                text=f"{value.hours:,} hours in one listed occupation in the "
                f"{value.window_years} years before, {how}"
            ),
        )
    ]


def _members(rule_id: str, value: frozenset[object]) -> list[nodes.Node]:
    del rule_id
    members = sorted((_text(m) for m in value), key=lambda t: (len(t), t))
    return [_paragraph("Value: ", nodes.strong(text=", ".join(members)))]


def _pair(rule_id: str, value: tuple[object, ...]) -> list[nodes.Node]:
    if len(value) != 2:
        return [nodes.literal_block(text=repr(value))]
    return [table(list(_pair_header(rule_id)), [list(value)])]


def _amount(rule_id: str, value: object) -> list[nodes.Node]:
    del rule_id
    return [_paragraph("Value: ", nodes.strong(text=_text(value)))]


def _language_chart(rule_id: str, value: LanguageChart) -> list[nodes.Node]:
    del rule_id
    return _chart(value)


RENDERERS: Final[
    tuple[tuple[type | tuple[type, ...], Callable[[str, Any], list[nodes.Node]]], ...]
] = (
    (FundsTable, _funds),
    (CategorySet, _category_set),
    (CategoryWorkRule, _work_rule),
    (TradeGroups, _trades),
    (SpouseSteps, _spouse_steps),
    (Steps, _steps),
    (LanguageChart, _language_chart),
    (Mapping, _mapping),
    (frozenset, _members),
    (tuple, _pair),
    ((bool, int, float, str), _amount),
)
"""How each shape of rule value is shown, first match wins."""


def render_value(rule_id: str, value: object) -> list[nodes.Node]:
    """Nodes showing one rule value: a table for a table, a sentence for an amount."""
    for kind, render in RENDERERS:
        if isinstance(value, kind):
            return render(rule_id, value)
    return [nodes.literal_block(text=repr(value))]


# -- where each constant lives ----------------------------------------------------------


def rule_constants() -> dict[int, tuple[str, str]]:
    """``id(value) -> (module, name)`` of every public timeline and source constant."""
    found: dict[int, tuple[str, str]] = {}
    for info in pkgutil.iter_modules(expressentry.rules.__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"expressentry.rules.{info.name}")
        for name in getattr(module, "__all__", ()):
            value = getattr(module, name, None)
            if isinstance(value, Timeline | Source):
                found.setdefault(id(value), (module.__name__, name))
    return found


def skip_rule_constants(  # noqa: PLR0917 (the signature of the autodoc event)
    app: Sphinx, what: str, name: str, obj: object, skip: bool, options: object
) -> bool | None:
    """Autodoc: leave timelines and sources of modules to the rules reference."""
    del app, name, skip, options
    if what == "module" and isinstance(obj, Timeline | Source):
        return True
    return None


# -- the directive --------------------------------------------------------------------


def _group_of(rule_id: str) -> str:
    for prefix, title in GROUPS:
        if rule_id.startswith(prefix):
            return title
    return OTHER_GROUP


def _section_id(rule_id: str) -> str:
    return nodes.make_id(f"rule-{rule_id}")


def _period(entries: Sequence[Dated[Any]], i: int) -> str:
    start = entries[i].effective_from
    if i + 1 == len(entries):
        return f"In force from {start.isoformat()}"
    end = entries[i + 1].effective_from - timedelta(days=1)
    return f"In force from {start.isoformat()} to {end.isoformat()}"


class RulesReference(SphinxDirective):
    """``rules-reference``: every rule timeline with all its dated values, then the sources."""

    has_content = False
    required_arguments = 0
    optional_arguments = 0

    def run(self) -> list[nodes.Node]:
        """Build the reference from :data:`expressentry.rules.TIMELINES`."""
        for path in sorted(Path(expressentry.rules.__file__).parent.glob("*.py")):
            self.env.note_dependency(str(path))
        constants = rule_constants()
        attr_by_id = {t.rule_id: name for name, t in CRS_TIMELINES.items()}
        groups: dict[str, list[Timeline[Any]]] = {}
        for timeline in TIMELINES:
            groups.setdefault(_group_of(timeline.rule_id), []).append(timeline)
        order = [title for _, title in GROUPS if title in groups]
        if OTHER_GROUP in groups:
            order.append(OTHER_GROUP)
        out: list[nodes.Node] = [*self._summary(groups, order)]
        for title in order:
            section = self._section(nodes.make_id(f"rules-{title}"), title)
            for timeline in groups[title]:
                section += self._timeline(timeline, attr_by_id, constants)
            out.append(section)
        out.append(self._sources(constants))
        return out

    # structure

    def _section(self, ident: str, title: str) -> nodes.section:
        """A section whose id is also a label for ``{ref}`` (``rule-crs-core-age``)."""
        section = nodes.section(ids=[ident], names=[ident])
        section += nodes.title(text=title)
        self.state.document.note_explicit_target(section, section)
        return section

    def _python_object(
        self, module: str, name: str, type_: str
    ) -> tuple[list[nodes.Node], nodes.Element]:
        """A ``py:data`` description of ``module.name``; returns its nodes and its body."""
        directive = PyVariable(
            "py:data",
            [name],
            {"module": module, "type": type_, "no-contents-entry": None},
            StringList(),
            self.lineno,
            self.content_offset,
            "",
            self.state,
            self.state_machine,
        )
        made = directive.run()
        body = next(n for node in made for n in node.findall(addnodes.desc_content))
        return made, body

    def _fields(self, facts: Sequence[tuple[str, nodes.Node]]) -> nodes.field_list:
        fields = nodes.field_list()
        for name, value in facts:
            field = nodes.field()
            field += nodes.field_name(text=name)
            body = nodes.field_body()
            body += _paragraph(value)
            field += body
            fields += field
        return fields

    # content

    def _summary(
        self, groups: Mapping[str, list[Timeline[Any]]], order: Sequence[str]
    ) -> list[nodes.Node]:
        rows: list[list[object]] = []
        for title in order:
            for timeline in groups[title]:
                link = nodes.reference("", "", internal=True, refid=_section_id(timeline.rule_id))
                link += nodes.literal(text=timeline.rule_id)
                latest = timeline.entries[-1].effective_from.isoformat()
                rows.append([link, timeline.title, len(timeline.entries), latest])
        reviewed = max(t.last_reviewed for t in TIMELINES).isoformat()
        intro = _paragraph(
            f"{len(TIMELINES)} rules, read from the tables of expressentry "
            f"{expressentry.__version__} when these pages were built. The tables were last "
            f"checked against their sources on {reviewed}."
        )
        return [intro, table(["Rule id", "Title", "Editions", "Latest change"], rows, [4, 5, 1, 2])]

    def _timeline(
        self,
        timeline: Timeline[Any],
        attr_by_id: Mapping[str, str],
        constants: Mapping[int, tuple[str, str]],
    ) -> nodes.section:
        rule_id = timeline.rule_id
        heading = f"{rule_id}: {timeline.title}" if timeline.title else rule_id
        section = self._section(_section_id(rule_id), heading)
        body: nodes.Element = section
        where = constants.get(id(timeline))
        if where is not None:
            made, body = self._python_object(*where, "~expressentry.rules.Timeline")
            for node in made:
                section += node
        facts: list[tuple[str, nodes.Node]] = [("Rule id", nodes.literal(text=rule_id))]
        attr = attr_by_id.get(rule_id)
        if attr is not None:
            facts.append(("RuleSet attribute", nodes.literal(text=attr)))
        facts.append(("Last reviewed", nodes.Text(timeline.last_reviewed.isoformat())))
        body += self._fields(facts)
        entries = timeline.entries
        for i, entry in enumerate(entries):
            body += nodes.rubric(text=_period(entries, i))
            if entry.note:
                body += _paragraph(entry.note)
            source = entry.source
            body += _paragraph(
                "Source: ",
                nodes.reference("", source.title, refuri=source.url, internal=False),
                f" (read on {source.retrieved.isoformat()}).",
            )
            for node in render_value(rule_id, entry.value):
                body += node
        return section

    def _sources(self, constants: Mapping[int, tuple[str, str]]) -> nodes.section:
        section = self._section("rule-sources", "Sources")
        section += _paragraph(
            "Every official text the tables cite, with the rules that cite it. Where a text "
            "was read through a faithful public copy, the copy is named in the entry's note."
        )
        cited: dict[int, tuple[Source, list[str]]] = {}
        for value_id, (module, name) in constants.items():
            value = getattr(importlib.import_module(module), name)
            if isinstance(value, Source):
                cited[value_id] = (value, [])
        for timeline in TIMELINES:
            for entry in timeline.entries:
                ids = cited.setdefault(id(entry.source), (entry.source, []))[1]
                if timeline.rule_id not in ids:
                    ids.append(timeline.rule_id)
        for source, rule_ids in cited.values():
            body: nodes.Element = section
            where = constants.get(id(source))
            if where is not None:
                made, body = self._python_object(*where, "~expressentry.rules.Source")
                for node in made:
                    section += node
            link = nodes.reference("", source.title, refuri=source.url, internal=False)
            body += _paragraph(link)
            uses: list[nodes.Node | str] = ["Cited by: " if rule_ids else "Cited by no table."]
            for i, rule_id in enumerate(rule_ids):
                ref = nodes.reference("", "", internal=True, refid=_section_id(rule_id))
                ref += nodes.literal(text=rule_id)
                uses += [ref, ", " if i + 1 < len(rule_ids) else "."]
            body += _paragraph(*uses)
            body += self._fields(
                [
                    ("Id", nodes.literal(text=source.id)),
                    ("Read on", nodes.Text(source.retrieved.isoformat())),
                ]
            )
        return section


class CategoryLists(SphinxDirective):
    """``category-lists``: every version of every category, with its occupations by title.

    Generated from the lists shipped in the package
    (:data:`expressentry.rules.categories.CATEGORY_SETS`) and the shipped NOC 2021 titles.
    """

    has_content = False
    required_arguments = 0
    optional_arguments = 0

    def run(self) -> list[nodes.Node]:
        """One table per version of the categories, oldest first."""
        out: list[nodes.Node] = []
        seen: set[tuple[str, str]] = set()
        for entry in CATEGORY_SETS.entries:
            for c in entry.value.categories:
                if (c.id, c.version) in seen:
                    continue
                seen.add((c.id, c.version))
                until = "in force" if c.effective_to is None else f"to {c.effective_to.isoformat()}"
                title = f"{c.name} ({c.version}): from {c.effective_from.isoformat()}, {until}"
                section = nodes.section(ids=[nodes.make_id(f"category-{c.id}-{c.version}")])
                section += nodes.title(text=title)
                if c.french_nclc is not None:
                    section += _paragraph(
                        f"French test results of NCLC {c.french_nclc} or more in all four "
                        "abilities; no occupation list."
                    )
                else:
                    where = "in Canada" if c.place is WorkPlace.CANADA else "in Canada or abroad"
                    extra = (
                        " A Canadian Armed Forces job offer in one of these occupations."
                        if c.needs_caf_job_offer
                        else ""
                    )
                    section += _paragraph(
                        f"Work {where} in one of these occupations "
                        f"(list read from {c.confidence.replace('_', ' ')}).{extra}"
                    )
                    rows = [
                        [code, occupation(code).title, f"TEER {occupation(code).teer.value}"]
                        for code in sorted(c.nocs)
                    ]
                    section += table(["NOC 2021", "Occupation", "TEER"], rows, [1, 6, 1])
                out.append(section)
        return out


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the directives and the autodoc filter."""
    app.add_directive("rules-reference", RulesReference)
    app.add_directive("category-lists", CategoryLists)
    app.connect("autodoc-skip-member", skip_rule_constants)
    return {
        "version": expressentry.__version__,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
