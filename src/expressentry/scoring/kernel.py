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
from expressentry.models import Candidate, check_dates
from expressentry.plausibility import OLDEST_AGE
from expressentry.rules import factor_of
from expressentry.scoring import groups, reasons
from expressentry.scoring.inputs import (
    FRENCH_CODES,
    LANGUAGE_CODES,
    YEARS,
    CrsInputs,
    pack,
    packed,
)
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
    Entry,
    Lines,
    Memo,
    Plan,
    language_class,
    remember,
    share,
    transferability_class,
)

__all__ = ["score_on"]

_TRANSFER, _ADDITIONAL = CrsSection.TRANSFERABILITY, CrsSection.ADDITIONAL


def score_on(  # noqa: PLR0912, PLR0915 (one pass over IRCC's four sections)
    c: Candidate, p: Plan, out: list[Lines] | None
) -> int:
    """Score ``c`` under ``p``; add each group's explained lines to ``out`` when given.

    A group's points are the sum of its lines, so the total is the sum of the lines.
    """
    inputs: CrsInputs = c.derived or packed(c)  # type: ignore[assignment]  # its cache slot
    if inputs.latest > p.last_day:
        check_dates(c, as_of=p.as_of)
    if inputs.expires <= p.end:  # a document has expired: the inputs on this day
        inputs = pack(c, p.as_of)
    age = p.year - inputs.birth_year - (p.birthday_key < inputs.birthday)
    if age > OLDEST_AGE:  # no one is that old: refused by the check of the profile's dates
        check_dates(c, as_of=p.as_of)
    segs = inputs.segments
    cdn, foreign = (0, 0) if segs is None else p.years(inputs.history, segs)
    ws, col = inputs.with_spouse, inputs.col

    (
        age_of,
        education_of,
        first_of,
        second_of,
        canadian_of,
        spouse_of,
        transfer_of,
        additional_of,
    ) = p.lookups if out is None else p.explained
    hit = age_of(age * 2 + col)
    if hit is None:
        hit = p.memos.age.get(age * 2 + col) or remember(
            p.memos.age, age * 2 + col, groups.age_group(p, AgeKey(age, ws))
        )
        if out is None:  # the fast path reads the points every day shares
            share(p.shared.age, age * 2 + col, hit)
    total = hit[0]
    if out is not None:
        out.append(hit[1])
    edu_code = inputs.education
    hit = education_of(edu_code)
    if hit is None:
        education = education_key(c.education, p.as_of, ws)
        hit = remember(p.memos.education, edu_code, groups.education_group(p, education))
    total += hit[0]
    if out is not None:
        out.append(hit[1])
    first_code = inputs.first_language
    hit = first_of(first_code)
    if hit is None:
        hit = _first_language(c, p, first_code, out is None)
    total += hit[0]
    if out is not None:
        out.append(hit[1])
    second_code = inputs.second_language
    if second_code is not None:
        hit = second_of(second_code)
        if hit is None:
            hit = _second_language(c, p, second_code, out is None)
        total += hit[0]
        if out is not None:
            out.append(hit[1])
    code = cdn * 2 + col
    hit = canadian_of(code)
    if hit is None:
        lines = groups.canadian_experience_group(p, ExperienceKey(cdn, ws))
        hit = remember(p.memos.canadian_experience, code, lines)
    total += hit[0]
    if out is not None:
        out.append(hit[1])
    if ws:
        s_segs, s_edu_code, s_lang_code = (
            inputs.spouse_segments,
            inputs.spouse_education,
            inputs.spouse_language,
        )
        s_years = 0 if s_segs is None else p.years(inputs.spouse_history, s_segs)[0]
        code = ((s_edu_code + 1) * LANGUAGE_CODES + s_lang_code + 1) * YEARS + s_years
        hit = spouse_of(code)
        if hit is None:
            fast = out is None
            hit = _spouse(
                c, p, code, education=s_edu_code, language=s_lang_code, years=s_years, fast=fast
            )
        total += hit[0]
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
        key = one.reads(c, p.as_of)
        if key is None:
            continue
        hit = memo.get(key) or remember(memo, key, (p.factor_line(one, entry, key),))
        if one.section is _TRANSFER:
            transfer += hit[0]
        elif one.section is _ADDITIONAL:
            additional += hit[0]
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
            capped = CapKey("Skill transferability", cap, transfer)
            out.append((_cap_line(p, _TRANSFER, "transferability", cap - transfer, capped),))
        transfer = cap
    if additional > p.additional_cap:
        cap = p.additional_cap
        if out is not None:
            capped = CapKey("Additional points", cap, additional)
            out.append((_cap_line(p, _ADDITIONAL, "additional", cap - additional, capped),))
        additional = cap
    return total + transfer + additional


def _cap_line(p: Plan, section: CrsSection, name: str, points: int, key: CapKey) -> PointLine:
    """The line taking a section's points above its cap away."""
    return p.line(section, f"{name}.cap", f"{name}_cap", points, key, reason=reasons.capped)


def _class_entry(classes: Memo, same: int, build: Callable[[], Entry]) -> Entry:
    """The fast path's entry of a class of codes paid alike: the first code's, built once.

    Only a memo miss comes here, so the closure ``build`` costs nothing on a hit.
    """
    entry = classes.get(same)
    if entry is None:
        entry = classes[same] = build()
    return entry


def _first_language(c: Candidate, p: Plan, code: int, fast: bool) -> Entry:
    """The first language's entry; the fast path's is shared by the results paid alike."""
    col = code & 1
    if fast:
        same = language_class(code >> 1, p.first_levels[col]) * 2 + col
        entry = _class_entry(
            p.shared.first_language_classes,
            same,
            lambda: p.memos.first_language.get(code) or _first_language(c, p, code, False),
        )
        return share(p.shared.first_language, code, entry)
    result = result_key(c.first_language_result, p.as_of, not col)
    return remember(p.memos.first_language, code, groups.first_language_group(p, result))


def _second_language(c: Candidate, p: Plan, code: int, fast: bool) -> Entry:
    """The second language's entry; the fast path's is shared by the results paid alike."""
    col = code & 1
    if fast:
        same = language_class(code >> 1, p.second_levels) * 2 + col
        entry = _class_entry(
            p.shared.second_language_classes,
            same,
            lambda: p.memos.second_language.get(code) or _second_language(c, p, code, False),
        )
        return share(p.shared.second_language, code, entry)
    result = result_key(c.second_language_result, p.as_of, not col)
    return remember(p.memos.second_language, code, groups.second_language_group(p, result))


def _spouse_language(c: Candidate, p: Plan, code: int, fast: bool) -> Entry:
    """The spouse's language entry; the fast path's is shared by the results paid alike."""
    if fast:
        shared = p.shared
        entry = shared.spouse_language.get(code)
        if entry is None:
            same = language_class(code, p.spouse_levels)
            entry = _class_entry(
                shared.spouse_language_classes, same, lambda: _spouse_language(c, p, code, False)
            )
            share(shared.spouse_language, code, entry)
        return entry
    entry = p.memos.spouse_language.get(code)
    if entry is None:
        lines = groups.spouse_language_group(p, spouse_result_key(c, p.as_of))
        entry = remember(p.memos.spouse_language, code, lines)
    return entry


def _spouse(
    c: Candidate, p: Plan, code: int, *, education: int, language: int, years: int, fast: bool
) -> Entry:
    """The spouse factors' entry, composed from the entries of its three factors.

    The fast path's entry holds only the points: its lines are never read.
    """
    memos, day = p.memos, p.as_of
    edu = memos.spouse_education.get(education) or remember(
        memos.spouse_education,
        education,
        groups.spouse_education_group(p, spouse_education_key(c, day)),
    )
    lang = _spouse_language(c, p, language, fast)
    work = memos.spouse_canadian_experience.get(years) or remember(
        memos.spouse_canadian_experience,
        years,
        groups.spouse_canadian_experience_group(p, ExperienceKey(years, None)),
    )
    if fast:
        return share(p.shared.spouse, code, (edu[0] + lang[0] + work[0], ()))
    return share(memos.spouse, code, (edu[0] + lang[0] + work[0], edu[1] + lang[1] + work[1]))


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
