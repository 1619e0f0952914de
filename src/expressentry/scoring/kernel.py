"""The kernel: one pass over IRCC's four sections for one candidate.

Both scoring paths run it over the same plan, so the fast path's total always
equals the full breakdown's. Each factor group is looked up in its memo by an
int code of the inputs that decide it (:mod:`~expressentry.scoring.inputs`
lays them out); its typed key is built, and its lines worded, only when the
group is met for the first time. The fast path, which reads only points, looks
the language groups and the spouse up in the plan's shared memos, where results
paid alike share one entry, so it words the lines of one of them only.
"""

from __future__ import annotations

from collections.abc import Callable

from expressentry.enums import CrsSection
from expressentry.explain import PointLine, RuleRef
from expressentry.i18n import tr
from expressentry.models import Candidate, check_dates, results_under
from expressentry.plausibility import OLDEST_AGE
from expressentry.rules import factor_of
from expressentry.rules.language_tables import CHARTS
from expressentry.scoring import groups, reasons
from expressentry.scoring.inputs import FRENCH_CODES, YEARS, CrsInputs, pack, packed
from expressentry.scoring.keys import (
    AgeKey,
    CapKey,
    ExperienceKey,
    additional_key,
    education_key,
    result_key,
    spouse_education_key,
    spouse_result_key,
    transfer_key,
)
from expressentry.scoring.plan import (
    Column,
    Entry,
    Lines,
    Memo,
    Plan,
    SharedColumn,
    language_class,
    remember,
    share,
    transferability_class,
)

__all__ = ["score_on"]

_TRANSFER, _ADDITIONAL = CrsSection.TRANSFERABILITY, CrsSection.ADDITIONAL
_TRANSFER_WORDS, _ADDITIONAL_WORDS = tr("Skill transferability"), tr("Additional points")
_SPOUSE = CrsSection.SPOUSE


def score_on(  # noqa: PLR0912, PLR0915 (one pass over IRCC's four sections)
    c: Candidate, p: Plan, out: list[Lines] | None, sections: list[int] | None = None
) -> int:
    """Score ``c`` under ``p``; add each group's explained lines to ``out`` when given.

    A group's points are the sum of its lines, so the total is the sum of the lines.
    ``sections``, when given, is set to the four subtotals in IRCC's order
    (:class:`~expressentry.enums.CrsSection`: core, spouse, transferability,
    additional), each as :meth:`~expressentry.explain.CrsBreakdown.subtotal` gives it.
    """
    if p.rules.language_charts is not CHARTS:  # a reformed chart: the levels it reads
        c = results_under(c, p.rules)
    inputs: CrsInputs = c.derived or packed(c)  # type: ignore[assignment]  # its cache slot
    if inputs.latest > p.last_day:
        check_dates(c, as_of=p.as_of)
    if inputs.expires <= p.end or p.periods_reformed:  # expired, or a reformed period: that day's
        inputs = pack(c, p.as_of, p.rules)
    age = p.year - inputs.birth_year - (p.birthday_key < inputs.birthday)
    if age > OLDEST_AGE:  # no one is that old: refused by the check of the profile's dates
        check_dates(c, as_of=p.as_of)
    segs = inputs.segments
    cdn, foreign = (0, 0) if segs is None else p.years(inputs.history, segs)
    ws = inputs.with_spouse

    (
        age_of,
        education_of,
        first_of,
        second_of,
        canadian_of,
        spouse_education_of,
        spouse_language_of,
        spouse_experience_of,
        transfer_of,
        additional_of,
    ) = (p.lookups if out is None else p.explained)[inputs.col]
    hit = age_of(age)
    if hit is None:
        hit = _age(p, age, ws, out is None)
    total = hit[0]
    spouse = 0
    if out is not None:
        out.append(hit[1])
    hit = education_of(inputs.education)
    if hit is None:
        education = education_key(c.education, p.as_of, ws, p.rules)
        memo = _column(p, ws).education
        hit = remember(memo, inputs.education, groups.education_group(p, education))
    total += hit[0]
    if out is not None:
        out.append(hit[1])
    hit = first_of(inputs.first_language)
    if hit is None:
        hit = _first_language(c, p, inputs.first_language, ws, out is None)
    total += hit[0]
    if out is not None:
        out.append(hit[1])
    second = inputs.second_language
    if second is not None:
        hit = second_of(second)
        if hit is None:
            hit = _second_language(c, p, second, ws, out is None)
        total += hit[0]
        if out is not None:
            out.append(hit[1])
    hit = canadian_of(cdn)
    if hit is None:
        lines = groups.canadian_experience_group(p, ExperienceKey(cdn, ws, p.window))
        hit = remember(_column(p, ws).canadian_experience, cdn, lines)
    total += hit[0]
    if out is not None:
        out.append(hit[1])
    if ws:
        hit = spouse_education_of(inputs.spouse_education)
        if hit is None:
            key = spouse_education_key(c, p.as_of, p.rules)
            lines = groups.spouse_education_group(p, key)
            hit = remember(p.memos.spouse_education, inputs.spouse_education, lines)
        spouse += hit[0]
        if out is not None:
            out.append(hit[1])
        hit = spouse_language_of(inputs.spouse_language)
        if hit is None:
            hit = _spouse_language(c, p, inputs.spouse_language, out is None)
        spouse += hit[0]
        if out is not None:
            out.append(hit[1])
        s_segs = inputs.spouse_segments
        s_years = 0 if s_segs is None else p.years(inputs.spouse_history, s_segs)[0]
        hit = spouse_experience_of(s_years)
        if hit is None:
            lines = groups.spouse_canadian_experience_group(
                p, ExperienceKey(s_years, None, p.window)
            )
            hit = remember(p.memos.spouse_canadian_experience, s_years, lines)
        spouse += hit[0]
        if out is not None:
            out.append(hit[1])
    transfer_code = inputs.transfer
    code = (p.transfer_class[transfer_code] * YEARS + cdn) * YEARS + foreign
    hit = transfer_of(code)
    if hit is None:
        hit = _transferability(
            p, code, transfer_code, inputs.lowest, years=(cdn, foreign), fast=out is None
        )
    transfer = hit[0]
    if out is not None:
        out.append(hit[1])
    hit = additional_of(inputs.additional)
    if hit is None:
        hit = _additional(c, p, inputs.additional, inputs.french)
    additional = hit[0]
    if out is not None:
        out.append(hit[1])

    for one, entry, memo in p.factors:  # the factors compiled one by one
        key = one.reads(c, p.as_of, p.rules)
        if key is None:
            continue
        hit = memo.get(key) or remember(memo, key, (p.factor_line(one, entry, key),))
        if one.section is _TRANSFER:
            transfer += hit[0]
        elif one.section is _ADDITIONAL:
            additional += hit[0]
        elif one.section is _SPOUSE:
            spouse += hit[0]
        else:
            total += hit[0]
        if out is not None:
            out.append(hit[1])

    for factor in p.rules.added_factors:
        pts, why = factor.score(c, p.as_of)
        if factor.section is _TRANSFER:
            transfer += pts
        elif factor.section is _ADDITIONAL:
            additional += pts
        elif factor.section is _SPOUSE:
            spouse += pts
        else:
            total += pts
        if out is not None:
            ref = RuleRef(
                rule_id=factor.rule_id, effective_from=p.rules.in_force_from, source=factor.source
            )
            name = factor_of(factor.rule_id)
            line = PointLine(section=factor.section, factor=name, points=pts, reason=why, rule=ref)
            out.append((line,))

    if transfer > p.transfer_cap:
        cap = p.transfer_cap
        if out is not None:
            capped = CapKey(_TRANSFER_WORDS, cap, transfer)
            out.append((_cap_line(p, _TRANSFER, "transferability", cap - transfer, capped),))
        transfer = cap
    if additional > p.additional_cap:
        cap = p.additional_cap
        if out is not None:
            capped = CapKey(_ADDITIONAL_WORDS, cap, additional)
            out.append((_cap_line(p, _ADDITIONAL, "additional", cap - additional, capped),))
        additional = cap
    if sections is not None:
        sections[:] = (total, spouse, transfer, additional)
    return total + spouse + transfer + additional


def _cap_line(p: Plan, section: CrsSection, name: str, points: int, key: CapKey) -> PointLine:
    """The line taking a section's points above its cap away."""
    return p.line(section, f"{name}.cap", f"{name}_cap", points, key, reason=reasons.capped)


def _column(p: Plan, with_spouse: bool) -> Column:
    """The memos of the core factors in the candidate's column."""
    return p.memos.with_spouse if with_spouse else p.memos.without_spouse


def _shared(p: Plan, with_spouse: bool) -> SharedColumn:
    """The fast path's memos of the core factors in the candidate's column."""
    return p.shared.with_spouse if with_spouse else p.shared.without_spouse


def _class_entry(classes: Memo, same: int, build: Callable[[], Entry]) -> Entry:
    """The fast path's entry of a class of codes paid alike: the first code's, built once.

    Only a memo miss comes here, so the closure ``build`` costs nothing on a hit.
    """
    entry = classes.get(same)
    if entry is None:
        entry = classes[same] = build()
    return entry


def _age(p: Plan, age: int, ws: bool, fast: bool) -> Entry:
    """Age's entry; the fast path keeps its points for every day of the rule set."""
    memo = _column(p, ws).age
    entry = memo.get(age) or remember(memo, age, groups.age_group(p, AgeKey(age, ws, p.as_of)))
    if fast:  # the fast path reads the points every day shares
        share(_shared(p, ws).age, age, entry)
    return entry


def _first_language(c: Candidate, p: Plan, code: int, ws: bool, fast: bool) -> Entry:
    """The first language's entry; the fast path's is shared by the results paid alike."""
    if fast:
        shared = _shared(p, ws)
        same = language_class(code, p.first_levels[0 if ws else 1])
        entry = _class_entry(
            shared.first_language_classes,
            same,
            lambda: (
                _column(p, ws).first_language.get(code) or _first_language(c, p, code, ws, False)
            ),
        )
        return share(shared.first_language, code, entry)
    result = result_key(c.first_language_result, p.as_of, ws, p.rules)
    lines = groups.first_language_group(p, result)
    return remember(_column(p, ws).first_language, code, lines)


def _second_language(c: Candidate, p: Plan, code: int, ws: bool, fast: bool) -> Entry:
    """The second language's entry; the fast path's is shared by the results paid alike."""
    if fast:
        shared = _shared(p, ws)
        same = language_class(code, p.second_levels)
        entry = _class_entry(
            shared.second_language_classes,
            same,
            lambda: (
                _column(p, ws).second_language.get(code) or _second_language(c, p, code, ws, False)
            ),
        )
        return share(shared.second_language, code, entry)
    result = result_key(c.second_language_result, p.as_of, ws, p.rules)
    lines = groups.second_language_group(p, result)
    return remember(_column(p, ws).second_language, code, lines)


def _spouse_language(c: Candidate, p: Plan, code: int, fast: bool) -> Entry:
    """The spouse's language entry; the fast path's is shared by the results paid alike."""
    if fast:
        shared = p.shared
        same = language_class(code, p.spouse_levels)
        entry = _class_entry(
            shared.spouse_language_classes, same, lambda: _spouse_language(c, p, code, False)
        )
        return share(shared.spouse_language, code, entry)
    found = p.memos.spouse_language.get(code)
    if found is None:
        lines = groups.spouse_language_group(p, spouse_result_key(c, p.as_of, p.rules))
        found = remember(p.memos.spouse_language, code, lines)
    return found


def _transferability(
    p: Plan, code: int, transfer: int, lowest: int, *, years: tuple[int, int], fast: bool
) -> Entry:
    """Skill transferability's entry; the fast path's is shared by the inputs paid alike."""
    if fast:
        entry = _class_entry(
            p.shared.transferability_classes,
            transferability_class(code, p),
            lambda: (
                p.memos.transferability.get(code)
                or _transferability(p, code, transfer, lowest, years=years, fast=False)
            ),
        )
        return share(p.shared.transferability, code, entry)
    key = transfer_key(transfer, lowest, *years)
    return remember(p.memos.transferability, code, groups.transferability_group(p, key))


def _additional(c: Candidate, p: Plan, code: int, french: tuple[int, int] | None) -> Entry:
    """The additional factors' entry, shared by French levels that earn the same amount.

    Their lines are the same: the French line says only which amount is earned.
    """
    french_code = (code >> 2) % FRENCH_CODES
    same = code + ((p.french_class[french_code] - french_code) << 2)
    memos = p.memos
    entry = memos.additional_classes.get(same)
    if entry is None:
        lines = groups.additional_group(p, additional_key(c, french))
        entry = remember(memos.additional_classes, same, lines)
    return share(memos.additional, code, entry)
