"""The client report: the library's own results, laid out as one self-contained HTML page.

Nothing here decides anything: every number, verdict and reason comes from
:func:`~expressentry.score`, :func:`~expressentry.assess`,
:func:`~expressentry.improvements`, :func:`~expressentry.outlook`,
:func:`~expressentry.validity_on`, :func:`~expressentry.ita_readiness`,
:func:`~expressentry.forecast` and :func:`~expressentry.rounds`. This module only
turns them into rows for the template (``templates/report.html.j2``) and the
charts (``expressentry.report._svg``). Jinja2 is imported only when a report
is made, so the core library keeps its small set of dependencies.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any, Final

import attrs
from dateutil.relativedelta import relativedelta

from expressentry._today import resolve
from expressentry.crs import score
from expressentry.draws import rounds
from expressentry.draws.feed import ROUNDS_PAGE
from expressentry.draws.prospects import Outlook, OutlookLine, outlook
from expressentry.eligibility import EligibilityReport, Requirement, Status, Verdict, assess
from expressentry.eligibility.report import PROGRAM_CODES
from expressentry.enums import CategoryId, CrsSection, Program
from expressentry.errors import FieldProblem, InvalidInputError
from expressentry.explain import CrsBreakdown
from expressentry.i18n import Message, check_lang, tr, translations
from expressentry.models import Candidate
from expressentry.models.candidate import require_candidate
from expressentry.noc import occupation
from expressentry.planner import ImprovementPlan, Loss, improvements
from expressentry.rules import RuleSet, Source, resolve_rules
from expressentry.rules._timeline import edition_of, review_messages
from expressentry.timelines.deadlines import ita_deadline
from expressentry.timelines.documents import PERSON_WORDS, DocumentStatus, Validity, validity_on
from expressentry.timelines.forecast import Forecast, Milestone, forecast
from expressentry.timelines.readiness import Readiness, ita_readiness

from ._svg import Series, cutoff_chart, forecast_chart

if TYPE_CHECKING:  # the report extra: present for the type checker, optional at run time
    import jinja2
    import markupsafe

__all__ = ["FORECAST_MONTHS", "HISTORY_MONTHS", "INSTALL_HINT", "LANGUAGES", "TOP", "report_html"]

LANGUAGES: Final = ("en", "fr")
"""The languages a report can be written in: English and French."""
TOP: Final = 10
"""Changes the plan's table shows."""
FORECAST_MONTHS: Final = 24
"""How far ahead the forecast chart and its events go."""
HISTORY_MONTHS: Final = 24
"""How far back the cut-off chart goes."""
INSTALL_HINT: Final = 'pip install "expressentry[report]"'
"""What to run when Jinja2 is missing."""

_WHERE = "report_html"
_RULE_NOTE: Final = "Rule {rule} changes: {note}"
"""The forecast's milestone of a rule change (``timelines.forecast.events``), quoting a note."""
_SECTIONS: Final = {
    CrsSection.CORE: tr("A. Core / human capital"),
    CrsSection.SPOUSE: tr("B. Spouse or common-law partner"),
    CrsSection.TRANSFERABILITY: tr("C. Skill transferability"),
    CrsSection.ADDITIONAL: tr("D. Additional points"),
}
_VERDICTS: Final = {
    Verdict.ELIGIBLE: tr("✓ Eligible"),
    Verdict.NOT_ELIGIBLE: tr("✗ Not eligible"),
    Verdict.ELIGIBLE_IF: tr("? Eligible if the requirements not checked are confirmed"),
}
_STATUSES: Final = {
    Status.MET: tr("✓ Met"),
    Status.NOT_MET: tr("✗ Not met"),
    Status.UNKNOWN: tr("? Unknown"),
}


def report_html(
    candidate: Candidate,
    *,
    as_of: date | None = None,
    ita: date | None = None,
    rules: RuleSet | None = None,
    lang: str = "en",
) -> str:
    """A one-file HTML report of ``candidate`` on ``as_of``, to send to a client or print.

    The page needs no network and no JavaScript: the styles and both charts
    (past cut-offs against the score, the score over the next 24 months) are
    inline. It prints on A4 and Letter. Every figure is the library's own
    result for the day, with the rules' sources and edition in the footer.

    Args:
        candidate: The profile.
        as_of: The day of the report; ``None`` means today.
        ita: The day of an invitation to apply, if one came: its deadline and
            what the documents must be on the day of applying.
        rules: A reform to apply instead of the rules in force.
        lang: The report's language, ``"en"`` or ``"fr"``: every heading,
            reason, verdict, chart label and note in it. Dates are ISO 8601
            in both; a NOC's title is English only (the page marks it
            ``lang="en"``), as are the official sources' titles it cites.

    Raises:
        InvalidInputError: an argument of the wrong type, a language other than
            ``"en"`` or ``"fr"``, or a profile that cannot be scored on the day.
        RulesNotInForceError: ``as_of`` or ``ita`` is before Express Entry opened.
        ImportError: Jinja2 is not installed (``pip install "expressentry[report]"``).
    """
    lang = check_lang(lang, _WHERE)
    day, _ = resolve_rules(_WHERE, as_of, rules)
    candidate = require_candidate(candidate, _WHERE)
    invited = None if ita is None else resolve(ita, "ita", where=_WHERE, optional=False)
    try:
        end = day + relativedelta(months=FORECAST_MONTHS)
    except (ValueError, OverflowError):
        raise InvalidInputError(
            _WHERE, [FieldProblem("as_of", day, tr("leaves no 24 months before 9999-12-31"))]
        ) from None
    environment = _environment(lang)
    context = _context(candidate, day, end, invited, rules, lang=lang)
    return environment.get_template("report.html.j2").render(**context, lang=lang)


def _environment(lang: str) -> jinja2.Environment:
    """A Jinja2 environment over the shipped templates, escaping every value.

    The template's fixed words are messages of the package's catalog (Jinja2's
    i18n extension, with the gettext translations of ``lang``).
    """
    try:
        import jinja2  # noqa: PLC0415 (optional: imported only when a report is made)
    except ImportError as exc:
        message = f"a report needs Jinja2, which is not installed: {INSTALL_HINT}"
        raise ImportError(message, name="jinja2") from exc
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("expressentry.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    environment.install_gettext_translations(  # type: ignore[attr-defined]  # the extension's
        translations(lang), newstyle=True
    )
    return environment


def _context(
    c: Candidate, day: date, end: date, invited: date | None, rules: RuleSet | None, *, lang: str
) -> dict[str, Any]:
    """Everything the template shows, as plain rows and strings, worded in ``lang``.

    Each result's words are its own messages rendered in ``lang`` (``text(lang)``);
    the report's own words around them are messages of the package's catalog.
    """
    breakdown = score(c, as_of=day, rules=rules)
    report = assess(c, as_of=day, rules=rules)
    plan = improvements(c, as_of=day, rules=rules, chances=True)
    look = outlook(c, as_of=day, rules=rules)
    validity = validity_on(c, invited=invited, as_of=day, rules=rules)
    ready = None if invited is None else ita_readiness(c, invited=invited, rules=rules)
    deadline = ita_deadline(invited or day, rules=rules)
    ahead = forecast(c, start=day, end=end, rules=rules)
    since = day - relativedelta(months=HISTORY_MONTHS)
    import expressentry  # noqa: PLC0415 (the package is imported by now: its version)

    caveats = [
        m.render(lang)
        for result_day, reviewed in (
            (breakdown.as_of, breakdown.rules_reviewed_on),
            *_reviewed(look, plan, ahead, validity, ready),
        )
        for m in review_messages(result_day, reviewed)
    ]
    return {
        "as_of": day,
        "version": expressentry.__version__,
        "breakdown": breakdown,
        "edition": _edition(breakdown, lang),
        "sections": _score_sections(breakdown, lang),
        "occupations": _occupations(c, lang),
        "programs": _programs(report, lang),
        "categories": _categories(report, lang),
        "plan": _plan(plan, report, lang),
        "outlook": _outlook(look, lang),
        "pool_note": _pool_note(look, lang),
        "documents": [_document(d, lang) for d in validity.documents],
        "next_expiry": None
        if validity.next_expiry is None
        else _document(validity.next_expiry, lang),
        "invited": invited,
        "deadline": deadline,
        "readiness": _readiness(ready, lang),
        "cutoff_chart": _markup(_cutoffs(look, since, day, lang)),
        "history_since": since,
        "forecast": ahead,
        "forecast_chart": _markup(
            forecast_chart(
                ahead.initial.total,
                [(e.day, e.after.total) for e in ahead.events],
                start=day,
                end=end,
                lang=lang,
            )
        ),
        "events": _events(ahead, lang),
        "sources": [
            {"title": _quoted(s.title, lang), "url": s.url}
            for s in _sources(breakdown, report, validity, ready, ahead)
        ],
        "caveats": list(dict.fromkeys(caveats)),
    }


def _reviewed(
    look: Outlook,
    plan: ImprovementPlan,
    ahead: Forecast,
    validity: Validity,
    ready: Readiness | None,
) -> Iterator[tuple[date, date]]:
    """The day of each other result the report shows, and its rules' review day.

    What each result's ``caveats`` are worded from (the review date passed), so
    the report can word them in its language.
    """
    yield look.as_of, look.rules_reviewed_on
    yield plan.as_of, plan.rules_reviewed_on
    yield ahead.end, ahead.rules_reviewed_on
    yield validity.as_of, validity.rules_reviewed_on
    if ready is not None:
        yield ready.checked_on, ready.rules_reviewed_on


def _markup(svg: str) -> markupsafe.Markup:
    """The chart's SVG, marked safe: ``_svg`` escapes every text it writes."""
    import markupsafe  # noqa: PLC0415 (installed with Jinja2)

    return markupsafe.Markup(svg)  # noqa: S704 (escaped by the chart code itself)


def _edition(b: CrsBreakdown, lang: str) -> str:
    """The label of the rules the score applied, in ``lang``."""
    found = edition_of(b.edition)
    return b.edition if found is None else found.render(lang)


def _score_sections(b: CrsBreakdown, lang: str) -> list[dict[str, Any]]:
    return [
        {
            "title": title.render(lang),
            "subtotal": b.subtotal(section),
            "lines": [
                {"reason": ln.text(lang), "points": ln.points}
                for ln in b.lines
                if ln.section is section
            ],
        }
        for section, title in _SECTIONS.items()
        if section is not CrsSection.SPOUSE or b.with_spouse
    ]


def _occupations(c: Candidate, lang: str) -> list[markupsafe.Markup]:
    """Each NOC of the profile's work and job offer, with its title from the shipped table.

    The shipped table has English titles only: in another language the title is
    marked ``lang="en"``, so a reader (and a screen reader) knows it is quoted.
    """
    import markupsafe  # noqa: PLC0415 (installed with Jinja2)

    codes = [p.noc for p in c.work_history.periods]
    if c.job_offer is not None:
        codes.append(c.job_offer.noc)
    out = []
    for code in dict.fromkeys(codes):
        noc = tr("NOC {code}", code=code).render(lang)
        try:
            found = occupation(code)
        except InvalidInputError:
            out.append(markupsafe.escape(noc))
            continue
        title = _quoted(found.title, lang)
        teer = tr("(TEER {teer})", teer=found.teer.value).render(lang)
        out.append(markupsafe.Markup("{} {} {}").format(noc, title, teer))
    return out


def _quoted(english: str, lang: str) -> str | markupsafe.Markup:
    """English words shown as they are (a NOC's or a page's title), marked ``lang="en"`` in French.

    The mark tells a reader, a screen reader and the test of French reports that
    the words are quoted in English on purpose.
    """
    import markupsafe  # noqa: PLC0415 (installed with Jinja2)

    if lang == "en":
        return english
    return markupsafe.Markup('<span lang="en">{}</span>').format(english)


def _requirement(r: Requirement, lang: str) -> dict[str, str]:
    return {
        "status": _STATUSES[r.status].render(lang),
        "css": r.status.value,
        "reason": r.text(lang),
    }


def _program_name(program: Program, lang: str) -> str:
    """``Federal Skilled Worker Program (FSW)``, IRCC's name and abbreviation in ``lang``."""
    return f"{tr(program.label).render(lang)} ({PROGRAM_CODES[program].render(lang)})"


def _programs(report: EligibilityReport, lang: str) -> list[dict[str, Any]]:
    return [
        {
            "name": _program_name(p.program, lang),
            "verdict": _VERDICTS[p.verdict].render(lang),
            "css": p.verdict.value,
            "requirements": [_requirement(r, lang) for r in p.requirements],
            "grid": p.grid,
        }
        for p in report.programs
    ]


def _categories(report: EligibilityReport, lang: str) -> list[dict[str, Any]]:
    return [
        {
            "name": c.name_text(lang),
            "verdict": _VERDICTS[c.verdict].render(lang),
            "css": c.verdict.value,
            "failing": [
                _requirement(r, lang) for r in c.requirements if r.status is not Status.MET
            ],
        }
        for c in report.categories
    ]


def _names(items: Iterable[Program | CategoryId], report: EligibilityReport, lang: str) -> str:
    """Programs by their abbreviation (FSW; PTQF in French), categories by their name."""
    names = {c.category: c.name_text(lang) for c in report.categories}
    return ", ".join(
        PROGRAM_CODES[i].render(lang) if isinstance(i, Program) else names.get(i, i.value)
        for i in items
    )


def _plan(plan: ImprovementPlan, report: EligibilityReport, lang: str) -> dict[str, Any]:
    rows = [
        {
            "rank": rank,
            "description": i.text(lang),
            "day": i.day,
            "gain": i.gain,
            "total": i.total,
            "opens": _names((*i.programs_opened, *i.categories_opened), report, lang),
        }
        for rank, i in enumerate(plan.improvements[:TOP], start=1)
    ]
    pair, triple = plan.best_pair, plan.best_triple
    return {
        "end": plan.end,
        "total": plan.total,
        "rows": rows,
        "more": max(len(plan.improvements) - TOP, 0),
        "best_pair": None
        if pair is None
        else {"description": pair.text(lang), "gain": pair.gain, "total": pair.total},
        "best_triple": None
        if triple is None
        else {"description": triple.text(lang), "gain": triple.gain, "total": triple.total},
        "losses": [
            {
                "day": loss.day,
                "points": loss.points,
                "total": loss.total,
                "description": _milestone(loss, lang),
                "closes": _names((*loss.programs_closed, *loss.categories_closed), report, lang),
            }
            for loss in plan.losses
        ],
    }


def _percent(value: float | None, lang: str) -> str:
    """A chance: ``80%`` in English, ``80 %`` (a no-break space) in French."""
    if value is None:
        return tr("not known").render(lang)
    return f"{value:.0%}" if lang == "en" else f"{value * 100:.0f}\u00a0%"


def _outlook(look: Outlook, lang: str) -> list[dict[str, Any]]:
    not_judged = tr("not judged").render(lang)

    def row(line: OutlookLine, judged: bool) -> dict[str, Any]:
        low_high = (
            "—"
            if line.interval is None
            else tr(
                "{low} to {high}",
                low=f"{line.interval[0]:.0f}",
                high=f"{line.interval[1]:.0f}",
            ).render(lang)
        )
        record = tr(
            "{invited} of the last {count} ({in_pool} held while the profile was in the pool)",
            invited=line.invited,
            count=len(line.checks),
            in_pool=line.in_pool,
        )
        return {
            "label": line.round_type.text(lang),
            "verdict": not_judged if line.verdict is None else _VERDICTS[line.verdict].render(lang),
            "estimate": "—" if line.estimate is None else f"{line.estimate:.0f}",
            "interval": low_high,
            "chance": _percent(line.chance, lang) if judged else not_judged,
            "record": record.render(lang),
            "next_day": line.next_day,
        }

    return [row(line, True) for line in look.lines] + [row(line, False) for line in look.unjudged]


def _pool_note(look: Outlook, lang: str) -> str | None:
    note: Message | None = None
    if look.submitted_on is None:
        note = tr("The profile gives no submission day: the pool's 12 months cannot be checked.")
    elif look.in_pool is False and look.pool_exit is not None:
        note = tr(
            "The profile is not in the pool on {day}: it expired on {exit}, 12 months after "
            "it was submitted on {submitted}. No round can invite it until a new profile is "
            "submitted.",
            day=look.as_of,
            exit=look.pool_exit,
            submitted=look.submitted_on,
        )
    elif look.pool_exit is not None:
        note = tr("The profile stays in the pool until {day}.", day=look.pool_exit)
    return None if note is None else note.render(lang)


def _person(person: str, lang: str) -> str:
    """``candidate`` or ``spouse`` in ``lang`` (another value as given)."""
    found = PERSON_WORDS.get(person)
    return person if found is None else found.render(lang)


def _document(d: DocumentStatus, lang: str) -> dict[str, Any]:
    return {
        "person": _person(d.person, lang),
        "label": d.label_text(lang),
        "valid": d.valid,
        "days_left": d.days_left,
        "last_valid_day": d.last_valid_day,
        "expires": d.expires,
        "reason": d.text(lang),
    }


def _readiness(ready: Readiness | None, lang: str) -> dict[str, Any] | None:
    if ready is None:
        return None
    return {
        "ready": ready.ready,
        "deadline": ready.deadline,
        "window_days": ready.window_days,
        "checked_on": ready.checked_on,
        "late": ready.late,
        "to_renew": [_document(d, lang) for d in ready.to_renew],
        "medical_required": ready.medical_required,
        "medical_missing": [_person(p, lang) for p in ready.medical_missing],
        "age_at_invitation": ready.age_at_invitation,
        "age_locked": ready.age_locked,
        "in_pool": ready.in_pool_at_invitation,
    }


def _cutoffs(look: Outlook, since: date, day: date, lang: str) -> str:
    """Chart (a): the past cut-offs of each round type the profile can enter."""
    history = rounds()
    series = []
    for line in look.lines:
        key = line.round_type.key
        points = tuple(
            (r.day, r.cutoff) for r in history if r.round_type == key and since <= r.day <= day
        )
        series.append(Series(key=key, label=line.round_type.text(lang), points=points))
    return cutoff_chart(series, look.score, start=since, end=day, lang=lang)


def _events(ahead: Forecast, lang: str) -> list[dict[str, Any]]:
    return [
        {
            "number": number,
            "day": e.day,
            "before": e.before.total,
            "after": e.after.total,
            "change": e.change,
            "milestones": [_milestone(m, lang) for m in e.milestones],
        }
        for number, e in enumerate(ahead.events, start=1)
    ]


def _milestone(m: Milestone | Loss, lang: str) -> str | markupsafe.Markup:
    """A forecast's milestone or a loss in ``lang``; a rule change quotes its rule's note.

    The note is the rule table's own text, written in English only: the French
    sentence around it is the catalog's, the note marked ``lang="en"``, also
    where a loss joins several events in one message.
    """
    message = m.message
    if lang == "en" or message is None:
        return m.text(lang)
    import markupsafe  # noqa: PLC0415 (installed with Jinja2)

    notes: list[str] = []
    marked = _notes_held_out(message, notes)
    if not notes:
        return m.text(lang)
    text = markupsafe.escape(marked.render(lang))
    for i, note in enumerate(notes):
        before, _, after = text.partition(_token(i))  # each piece still escaped Markup
        text = before + _quoted(note, lang) + after
    return text


def _token(i: int) -> str:
    """A stand-in for the ``i``-th note: no text of a message holds it, escaping keeps it."""
    return f"\x00{i}\x00"


def _notes_held_out(message: Message, notes: list[str]) -> Message:
    """``message`` with each rule change's note replaced by a token; the notes, in ``notes``."""
    params: list[tuple[str, Any]] = []
    for name, given in message.params:
        value = given
        if isinstance(given, Message):
            value = _notes_held_out(given, notes)
        elif message.msgid == _RULE_NOTE and name == "note":
            notes.append(str(given))
            value = _token(len(notes) - 1)
        params.append((name, value))
    return attrs.evolve(message, params=tuple(params))


def _sources(
    b: CrsBreakdown,
    report: EligibilityReport,
    validity: Validity,
    ready: Readiness | None,
    ahead: Forecast,
) -> list[Source]:
    """Every official source a result of the report cites, once, by title."""
    found = [ln.rule.source for ln in b.lines]
    for p in (*report.programs, *report.categories):
        found.extend(r.rule.source for r in p.requirements)
    found.extend(d.rule.source for d in validity.documents if d.rule is not None)
    if ready is not None:
        found.extend(r.source for r in (ready.window_rule, ready.medical_rule, ready.age_rule))
    found.extend(m.rule.source for e in ahead.events for m in e.milestones if m.rule is not None)
    found.append(ROUNDS_PAGE)
    unique = {s.url: s for s in found}
    return sorted(unique.values(), key=lambda s: s.title)
