"""Options that change the profile: education, the spouse, and the additional factors.

The additional factors are a job offer, a nomination, a sibling and a certificate.

Each proposes the change as IRCC would see it once done: a further foreign
credential comes with its ECA issued the day asked, a spouse's test is a full
result. What it is worth is left to the scoring.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from dateutil.relativedelta import relativedelta

from expressentry._replace import replace
from expressentry.enums import CanadianCredential, EducationLevel, LanguageTest, Teer
from expressentry.errors import InvalidInputError
from expressentry.i18n import Message, tr
from expressentry.models import (
    Candidate,
    Education,
    JobOffer,
    Spouse,
    WorkHistory,
    WorkPeriod,
    levels_under,
    noc_teer,
)
from expressentry.planner.language import TOP_LEVEL, new_result, raised
from expressentry.planner.options import ChangeKind, Option
from expressentry.rules import RuleSet
from expressentry.rules.language_tables import SCORE_ORDER, chart_in
from expressentry.rules.programs import FST_TRADE_GROUPS

__all__ = ["additional_options", "education_options", "spouse_edit", "spouse_of", "spouse_options"]

SKILLED_NOC = "21231"
"""A TEER 1 occupation (software engineers) for work or an offer whose occupation
the planner cannot know: any TEER 0-3 code counts the same in the CRS."""

MAJOR_GROUP_00_NOC = "00012"
"""A senior management occupation (NOC major group 00), for the larger job-offer points."""

FULL_TIME_HOURS = 30.0
"""Hours a week of the spouse's proposed Canadian job: full time as IRCC counts it."""

SPOUSE_LEVELS = (4, TOP_LEVEL)
"""The spouse's levels proposed: CLB 4 (below it no points) to CLB 10."""

_EDUCATION = frozenset({"education"})
_CREDENTIALS = (CanadianCredential.ONE_OR_TWO_YEAR, CanadianCredential.THREE_YEAR_OR_MORE)
_CREDENTIAL_WORDS = {
    CanadianCredential.ONE_OR_TWO_YEAR: tr("Complete a Canadian credential of one or two years"),
    CanadianCredential.THREE_YEAR_OR_MORE: tr(
        "Complete a Canadian credential of three years or more"
    ),
}


def _education(
    level: EducationLevel, credential: CanadianCredential, eca: date | None
) -> Education | None:
    """The education, or ``None`` where the combination cannot be held."""
    try:
        return Education(level=level, canadian_credential=credential, eca_issued=eca)
    except InvalidInputError:
        return None


def _eca_words(level: EducationLevel, spouse: bool) -> Message:
    if spouse:
        return tr("An ECA for the spouse's credential held ({level})", level=tr(level.label))
    return tr("An ECA for the candidate's credential held ({level})", level=tr(level.label))


def _further_words(level: EducationLevel, spouse: bool) -> Message:
    if spouse:
        return tr("The spouse's further credential: {level}, with its ECA", level=tr(level.label))
    return tr("The candidate's further credential: {level}, with its ECA", level=tr(level.label))


def _further(now: Education, day: date, spouse: bool) -> list[tuple[Message, Education]]:
    """A further (foreign) credential at each higher level, or an ECA for the one held."""
    out: list[tuple[Message, Education]] = []
    if not now.recognized:
        new = _education(now.level, now.canadian_credential, day)
        if new is not None:
            out.append((_eca_words(now.level, spouse), new))
    for level in EducationLevel:
        if level.rank <= now.level.rank:
            continue
        new = _education(level, now.canadian_credential, day)
        if new is not None:
            out.append((_further_words(level, spouse), new))
    return out


def _education_edit(new: Education) -> Callable[[Candidate], Candidate]:
    return lambda c: replace(c, education=new)


def _credential_levels(now: Education) -> list[EducationLevel]:
    """The levels a Canadian credential is tried at, lowest first.

    The level held and above; then, when the credential held earns nothing (a
    foreign one without its ECA), the levels below it too, so that the Canadian
    credential can count at its own level (a one-year program for a foreign
    master's not assessed).
    """
    held = [level for level in EducationLevel if level.rank >= now.level.rank]
    if now.recognized:
        return held
    return held + [level for level in EducationLevel if level.rank < now.level.rank]


def education_options(c: Candidate, day: date) -> list[Option]:
    """A further credential (with its ECA) and each Canadian credential not yet held."""
    now = c.education
    out = [
        Option.of(ChangeKind.EDUCATION, words, _EDUCATION, day, c, _education_edit(new))
        for words, new in _further(now, day, spouse=False)
    ]
    order = list(CanadianCredential)
    for credential in _CREDENTIALS:
        if order.index(credential) <= order.index(now.canadian_credential):
            continue
        found = None
        for level in _credential_levels(now):  # the lowest level it can be held at
            found = _education(level, credential, now.eca_issued)
            if found is not None:
                break
        if found is not None:
            out.append(
                Option.of(
                    ChangeKind.CANADIAN_EDUCATION,
                    _CREDENTIAL_WORDS[credential],
                    _EDUCATION,
                    day,
                    c,
                    _education_edit(found),
                )
            )
    return out


def spouse_of(c: Candidate) -> Spouse:
    """The candidate's spouse (an option is only made for a spouse)."""
    if c.spouse is None:
        msg = "no spouse"
        raise LookupError(msg)
    return c.spouse


def spouse_edit(**changes: Any) -> Callable[[Candidate], Candidate]:
    """The edit that changes the spouse's ``changes``."""
    return lambda c: replace(c, spouse=replace(spouse_of(c), **changes))


def _spouse_language(c: Candidate, s: Spouse, day: date, rules: RuleSet) -> list[Option]:
    result = s.language
    out: list[Option] = []
    target = frozenset({"spouse.language"})
    if result is None:
        for level in range(SPOUSE_LEVELS[0], SPOUSE_LEVELS[1] + 1):
            new = new_result(LanguageTest.IELTS_GENERAL, day, level, rules)
            if new is not None:
                words = tr(
                    "The spouse's {test} result at CLB {level} in all four",
                    test=tr(new.test.label),
                    level=level,
                )
                out.append(
                    Option.of(ChangeKind.SPOUSE, words, target, day, c, spouse_edit(language=new))
                )
        return out
    chart = chart_in(rules.language_charts[result.test], result.test_date)
    levels = dict(zip(SCORE_ORDER, levels_under(result, rules), strict=True))
    for level in range(min(levels.values()) + 1, SPOUSE_LEVELS[1] + 1):
        better = raised(result, chart, {a: level for a in SCORE_ORDER if levels[a] < level})
        if better is not None:
            words = tr(
                "The spouse's {test}: {scale} {level} or more in all four",
                test=tr(result.test.label),
                scale=result.language.scale,
                level=level,
            )
            out.append(
                Option.of(ChangeKind.SPOUSE, words, target, day, c, spouse_edit(language=better))
            )
    return out


def _spouse_work(c: Candidate, s: Spouse, day: date) -> Option:
    job = WorkPeriod(
        start=day, end=None, hours_per_week=FULL_TIME_HOURS, noc=SKILLED_NOC, in_canada=True
    )

    def edit(c: Candidate) -> Candidate:
        s = spouse_of(c)
        history = WorkHistory(periods=(*s.work_history.periods, job))
        return replace(c, spouse=replace(s, work_history=history))

    return Option.of(
        ChangeKind.SPOUSE,
        tr("The spouse works a year full time in skilled (TEER 0-3) work in Canada"),
        frozenset({"spouse.work"}),
        day + relativedelta(years=1),
        c,
        edit,
    )


def spouse_options(c: Candidate, day: date, end: date, rules: RuleSet) -> list[Option]:
    """The spouse's test, education and Canadian work (within ``end``); and not accompanying."""
    s = c.spouse
    if s is None or not s.scored_with:
        return []
    out = [
        Option.of(
            ChangeKind.NOT_ACCOMPANYING,
            tr("Apply with the spouse not accompanying (the candidate's decision)"),
            frozenset(
                {"spouse.accompanying", "spouse.language", "spouse.education", "spouse.work"}
            ),
            day,
            c,
            spouse_edit(accompanying=False),
            decision=True,
        )
    ]
    out.extend(_spouse_language(c, s, day, rules))
    held = s.education or Education(level=EducationLevel.LESS_THAN_SECONDARY)
    for words, new in _further(held, day, spouse=True):
        out.append(
            Option.of(
                ChangeKind.SPOUSE,
                words,
                frozenset({"spouse.education"}),
                day,
                c,
                spouse_edit(education=new),
            )
        )
    work = _spouse_work(c, s, day)
    if work.day <= end:  # a year of work, within the plan's horizon
        out.append(work)
    return out


def _current_noc(c: Candidate) -> str | None:
    periods = sorted(c.work_history.periods, key=lambda p: p.start)
    return periods[-1].noc if periods else None


def _set(**changes: Any) -> Callable[[Candidate], Candidate]:
    return lambda c: replace(c, **changes)


def additional_options(c: Candidate, day: date, rules: RuleSet) -> list[Option]:
    """A job offer, a provincial nomination, a sibling in Canada, a certificate of qualification."""
    out: list[Option] = []
    noc = _current_noc(c)
    offer = frozenset({"job_offer"})
    if c.job_offer is None:
        skilled = noc is not None and noc_teer(noc) <= Teer.TEER_3 and noc[:2] != "00"
        own = noc if skilled and noc is not None else SKILLED_NOC
        words = tr("A qualifying job offer in NOC {noc}", noc=own)
        out.append(
            Option.of(ChangeKind.JOB_OFFER, words, offer, day, c, _set(job_offer=JobOffer(noc=own)))
        )
    if c.job_offer is None or c.job_offer.noc[:2] != "00":
        words = tr(
            "A qualifying job offer in NOC major group 00 (e.g. {noc})", noc=MAJOR_GROUP_00_NOC
        )
        edit = _set(job_offer=JobOffer(noc=MAJOR_GROUP_00_NOC))
        out.append(Option.of(ChangeKind.JOB_OFFER, words, offer, day, c, edit))
    if not c.provincial_nomination:
        out.append(
            Option.of(
                ChangeKind.NOMINATION,
                tr("A provincial or territorial nomination"),
                frozenset({"nomination"}),
                day,
                c,
                _set(provincial_nomination=True),
            )
        )
    if not c.sibling_in_canada:
        out.append(
            Option.of(
                ChangeKind.SIBLING,
                tr("A brother or sister in Canada (citizen or permanent resident, 18 or older)"),
                frozenset({"sibling"}),
                day,
                c,
                _set(sibling_in_canada=True),
            )
        )
    trades = rules.entry(FST_TRADE_GROUPS).value
    if not c.certificate_of_qualification and noc is not None and trades.contains(noc):
        out.append(
            Option.of(
                ChangeKind.CERTIFICATE,
                tr("A certificate of qualification in the trade of NOC {noc}", noc=noc),
                frozenset({"certificate"}),
                day,
                c,
                _set(certificate_of_qualification=True, certificate_noc=noc),
            )
        )
    return out
