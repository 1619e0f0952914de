"""Command line: ``expressentry score|eligibility|rounds|outlook|backtest ...``.

``expressentry score|eligibility|plan PROFILE.json [--as-of ...] [--format text|json]``;
``expressentry score|eligibility|plan POOL.jsonl|POOL.csv [--as-of ...] [--format jsonl|csv]
[--id-field NAME] [--workers N]`` (one row per good line; each bad line on stderr by
its number, and status 2 if there was one; ``- --pool jsonl|csv`` reads stdin);
``expressentry timeline PROFILE.json [--from ...] [--months 24] [--ita ...] [--format ...]``;
``expressentry rounds [--type ...] [--since ...] [--until ...] [--format text|json|csv]``;
``expressentry outlook PROFILE.json [--as-of ...] [--last N] [--format text|json]``;
``expressentry compare A.json B.json [C.json D.json] [--as-of ...] [--format text|json]``;
``expressentry backtest [--before ...] [--since ...] [--format text|json]``;
``expressentry replay [--rounds] [--number N]``;
``expressentry report PROFILE.json [--as-of ...] [--ita ...] [-o report.html]``.
Every command that reads rounds (``rounds``, ``outlook``, ``backtest``,
``replay``) takes ``--feed FILE``, a copy of IRCC's feed you downloaded, instead
of the shipped rounds.

A command whose day (``--as-of``, the invitation or the forecast's end, the
round's day) is after the day the rules were last checked against their sources
says so once on stderr (``expressentry: note: ...``), and its JSON carries
``rules_reviewed_on`` and ``caveats``.

Never a traceback. Exit status: 0 done; 2 bad input (an unreadable file, text that
is not UTF-8 or not JSON, a bad field, a day without rules), with the problems on
stderr, one a line; 3 a bug of expressentry (please report it); 4 a damaged
install (a shipped data file changed since release: reinstall the package); 130
interrupted; 141 stdout closed early (``| head``).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import sys
import textwrap
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from importlib import resources
from pathlib import Path
from string import ascii_uppercase
from typing import BinaryIO, cast

from dateutil.relativedelta import relativedelta

from expressentry import __version__
from expressentry._cli_report import add_report_command, run_report
from expressentry._formats import FORMATS as JSON_FORMATS
from expressentry._reprs import cut
from expressentry._shards import (
    PLAN_CHUNK,
    Columns,
    PlanAsked,
    Task,
    chunks,
    columns,
    in_order,
    line_failure,
    round_columns,
    work_chunk,
)
from expressentry._today import resolve
from expressentry.batch import gc_paused
from expressentry.crs import score
from expressentry.draws import (
    PoolColumns,
    Round,
    RoundKind,
    RoundSpec,
    find_rounds,
    load_rounds,
    replay_all,
    rounds,
    select,
)
from expressentry.draws.cutoffs import RoundType, backtest
from expressentry.draws.prospects import DEFAULT_LAST, Outlook, outlook
from expressentry.draws.replays import NO_DISTRIBUTION
from expressentry.draws.table import FORMATS, render_rounds
from expressentry.eligibility import EligibilityFlags, EligibilityReport, assess
from expressentry.enums import CategoryId, Program
from expressentry.errors import (
    DamagedDataError,
    FieldProblem,
    InvalidInputError,
    InvalidProfileError,
    RulesNotInForceError,
)
from expressentry.explain import CrsBreakdown
from expressentry.i18n import LANGUAGES, N_, Message, tr
from expressentry.jsontext import join_path
from expressentry.models import Candidate
from expressentry.planner import Scenario, compare
from expressentry.planner.compare import MAX_SCENARIOS, MIN_SCENARIOS
from expressentry.planner.planning import DEFAULT_MONTHS, MAX_MONTHS, improvements
from expressentry.pools import (
    FORMATS as POOL_FORMATS,
)
from expressentry.pools import (
    ID_FIELD,
    LineFailure,
    RawLine,
    check_id_field,
    pool_format,
    raw_lines,
    raw_lines_of,
)
from expressentry.rules import RuleSet, rules_for
from expressentry.rules._timeline import LAST_REVIEWED, review_caveats
from expressentry.schema import SCHEMAS, shipped_schema
from expressentry.serialization import from_json, read_iso_date, to_dict, to_json
from expressentry.timelines.documents import validity_on
from expressentry.timelines.forecast import forecast
from expressentry.timelines.readiness import ita_readiness

__all__ = ["main"]


_EXAMPLE = "examples/profile.json"
DEFAULT_TOP = 10
"""Changes ``plan`` shows unless ``--top`` says otherwise."""
_BAD_INPUT = 2
_BUG = 3
_DAMAGED = 4  # a shipped data file is not the one released: reinstall
_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports it
_BROKEN_PIPE = 141  # 128 + SIGPIPE: the reader (``| head``) has gone


def _as_of(text: str) -> date:
    found = read_iso_date(text)
    if found is None:
        msg = f"not a real date written YYYY-MM-DD: {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return found


def _parser() -> argparse.ArgumentParser:
    return _commands_and_parser()[1]


def _commands_and_parser() -> tuple[dict[str, argparse.ArgumentParser], argparse.ArgumentParser]:
    """Each command's parser by name, and the program's parser."""
    parser = argparse.ArgumentParser(
        prog="expressentry",
        description="Canada's Express Entry rules, dated and explained.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, help_text, verb in (
        ("score", "CRS score of a profile, explained line by line", "score"),
        ("eligibility", "program and category eligibility, requirement by requirement", "assess"),
        ("outlook", "past rounds a profile would have cleared, and cut-off estimates", "look"),
        ("plan", "every change that would raise the score, ranked, with its day", "plan"),
    ):
        s = commands.add_parser(name, help=help_text)
        where = s.add_mutually_exclusive_group(required=True)
        where.add_argument(
            "profile",
            nargs="?",
            type=Path,
            help="profile JSON file ('-' for stdin), or a pool: one profile a line in a "
            ".jsonl or .csv file",
        )
        where.add_argument(
            "--example", action="store_true", help=f"{verb} the bundled example profile"
        )
        s.add_argument(
            "--as-of",
            type=_as_of,
            default=None,
            help=f"day to {verb} on, YYYY-MM-DD (default: today)",
        )
        if name == "outlook":
            _format_argument(s, ("text", "json"))
        else:
            s.add_argument(
                "--format",
                choices=_ONE_FORMATS + _POOL_FORMATS,
                default=None,
                help="one profile: text or json; a pool: jsonl (one JSON object a line) or "
                "csv; the other two are refused (default: text for one profile, jsonl for "
                "a pool)",
            )
            _pool_arguments(s)
            _workers_argument(s)
        if name == "outlook":
            s.add_argument(
                "--last",
                type=_last,
                default=DEFAULT_LAST,
                help=f"rounds of each type to compare with (default: {DEFAULT_LAST})",
            )
            _feed_argument(s)
        if name == "plan":
            _plan_arguments(s)
    _timeline_arguments(
        commands.add_parser(
            "timeline",
            help="documents on a day, the dated forecast of score and eligibility, "
            "and readiness for an invitation",
        )
    )
    add_report_command(commands.add_parser, _as_of)
    c = commands.add_parser(
        "compare", help="two to four profiles side by side, line by line, differences marked"
    )
    c.add_argument(
        "profiles",
        nargs="+",
        type=Path,
        metavar="PROFILE",
        help=f"{MIN_SCENARIOS} to {MAX_SCENARIOS} profile JSON files ('-' for stdin, once); "
        "each column is named after its file",
    )
    c.add_argument(
        "--as-of", type=_as_of, default=None, help="day to compare on, YYYY-MM-DD (default: today)"
    )
    _format_argument(c, ("text", "json"))
    commands.add_parser("example", help="print the bundled example profile (a template)")
    schema_command = commands.add_parser(
        "schema",
        help="print the JSON Schema (draft 2020-12) of the profile format or of an output",
    )
    schema_command.add_argument(
        "name",
        nargs="?",
        choices=SCHEMAS,
        default="profile",
        metavar="NAME",
        help="which schema: " + ", ".join(SCHEMAS) + " (default: profile)",
    )
    _rounds_arguments(commands.add_parser("rounds", help="IRCC's rounds of invitations, filtered"))
    b = commands.add_parser("backtest", help="how wrong the cut-off estimates have been, per type")
    b.add_argument(
        "--before",
        type=_as_of,
        help="only rounds before this day, YYYY-MM-DD (default: every round)",
    )
    b.add_argument(
        "--since",
        type=_as_of,
        help="score only rounds from this day on, YYYY-MM-DD (default: every round with "
        "enough rounds before it)",
    )
    _format_argument(b, ("text", "json"))
    _feed_argument(b)
    m = commands.add_parser("simulate", help="run one round of invitations over a pool file")
    m.add_argument(
        "profile",
        metavar="pool",
        type=Path,
        help="pool file: JSON Lines (.jsonl) or CSV (.csv); '-' for JSON Lines on stdin",
    )
    m.add_argument("--size", type=_last, required=True, help="the number of invitations")
    m.add_argument(
        "--type",
        choices=_SIMULATED_TYPES,
        default=RoundKind.GENERAL.value,
        metavar="TYPE",
        help=f"the round's type: general, pnp, a program (cec, fsw, fst) or a category "
        f"({', '.join(c.value for c in CategoryId)}) (default: {RoundKind.GENERAL.value})",
    )
    m.add_argument(
        "--as-of",
        type=_as_of,
        default=None,
        help="the round's day, YYYY-MM-DD (default: today)",
    )
    _format_argument(m, ("text", "json"))
    _pool_arguments(m)
    _workers_argument(m)
    r = commands.add_parser("replay", help="replay IRCC's rounds on synthetic pools")
    r.add_argument("--rounds", action="store_true", help="also list every round")
    r.add_argument(
        "--number",
        action="append",
        help="only this round, e.g. 437; repeat for several (default: every round)",
    )
    _feed_argument(r)
    _lang_arguments(parser, commands.choices)
    _describe(commands.choices)
    return commands.choices, parser


_ABOUT: dict[str, tuple[str, tuple[str, ...]]] = {
    "score": (
        "The Comprehensive Ranking System score of a profile on a day, each line with its "
        "reason and rule; or one row a profile for a pool file.",
        (
            "expressentry score profile.json --as-of 2026-11-22",
            "expressentry score clients.csv --format csv > scores.csv",
        ),
    ),
    "eligibility": (
        "Whether a profile meets each program's and category's requirements on a day, "
        "requirement by requirement; or one row a profile for a pool file.",
        (
            "expressentry eligibility profile.json --format json",
            "expressentry eligibility clients.jsonl --workers 2",
        ),
    ),
    "outlook": (
        "The past rounds of each type a profile's score would have cleared, and an "
        "estimate of the next cut-off with a chance of clearing it.",
        ("expressentry outlook profile.json --last 20",),
    ),
    "plan": (
        "Every change that would raise a profile's score (a test retaken, a year of work, "
        "a nomination...), ranked by the points it adds, with the day it counts from.",
        (
            "expressentry plan profile.json --top 5",
            "expressentry plan --example --horizon 24 --format json",
        ),
    ),
    "timeline": (
        "A profile's documents on a day, a dated forecast of its score and eligibility "
        "month by month, and whether it is ready for an invitation.",
        ("expressentry timeline profile.json --months 12 --ita 2027-01-15",),
    ),
    "report": (
        "A one-file HTML report of a profile for a client: score, eligibility, plan, "
        "outlook, documents and charts.",
        ("expressentry report profile.json -o report.html",),
    ),
    "compare": (
        f"{MIN_SCENARIOS} to {MAX_SCENARIOS} profiles (a client as is, and as they could be) "
        "scored side by side, line by line, with the differences marked.",
        ("expressentry compare today.json with-french.json --as-of 2026-11-22",),
    ),
    "example": (
        "Print the bundled example profile, a template to copy and fill in.",
        ("expressentry example > profile.json",),
    ),
    "schema": (
        "Print the JSON Schema (draft 2020-12) of the profile format (for web forms and "
        "other languages' clients: shapes, types and single-field limits; the library "
        "checks what fields decide together), or of a JSON output: of score, eligibility, "
        "plan, outlook, compare, backtest, rounds, timeline or simulate, or a JSON line of "
        "score, eligibility or plan on a pool (score-row...). Each carries its format, "
        "expressentry-NAME/1.",
        (
            "expressentry schema profile > profile.schema.json",
            "expressentry schema score-row",
        ),
    ),
    "rounds": (
        "IRCC's rounds of invitations (the shipped ones, or a feed you downloaded), "
        "filtered by type and day.",
        (
            "expressentry rounds --type cec --since 2025-01-01",
            "expressentry rounds --type french --format csv > french.csv",
        ),
    ),
    "backtest": (
        "How far the cut-off estimates would have been from each past round's real cut-off, "
        "per round type.",
        ("expressentry backtest --since 2024-01-01",),
    ),
    "simulate": (
        "Run one round of invitations over a pool file, as IRCC would: who is invited, "
        "in rank order, and the cut-off with its tie-break.",
        ("expressentry simulate clients.jsonl --size 500 --type cec --as-of 2026-11-22",),
    ),
    "replay": (
        "Replay IRCC's past rounds on synthetic pools drawn from the published score "
        "distributions, and compare the cut-offs found with the real ones.",
        ("expressentry replay --number 437",),
    ),
}
"""Each command's description and examples, shown by ``COMMAND --help``."""


def _describe(commands: dict[str, argparse.ArgumentParser]) -> None:
    """Give each command its description and examples, kept on their own lines."""
    for name, command in commands.items():
        description, examples = _ABOUT[name]
        command.description = description
        command.epilog = "examples:\n" + "\n\n".join(f"  {e}" for e in examples)
        command.formatter_class = _HelpFormatter


class _HelpFormatter(argparse.HelpFormatter):
    """Wraps a description's lines to the terminal, but keeps indented lines (examples) whole."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(
            indent + line
            if line.startswith(" ") or not line
            else textwrap.fill(line, width, initial_indent=indent, subsequent_indent=indent)
            for line in text.splitlines()
        )


def _format_argument(command: argparse.ArgumentParser, formats: Sequence[str]) -> None:
    command.add_argument(
        "--format",
        choices=formats,
        default="text",
        help=f"how to write the result: {', '.join(formats)} (default: text)",
    )


_LANG_HELP = (
    "language of the messages, en or fr: every error, and the text result of score, "
    "eligibility, timeline, outlook, plan, compare and simulate; also accepted after the "
    "command (default: en)"
)


def _lang_arguments(
    parser: argparse.ArgumentParser, commands: Mapping[str, argparse.ArgumentParser]
) -> None:
    """``--lang`` before the command (for all) and after it (each command but ``report``).

    After the command its default is left unset, so it never undoes the one given before.
    ``report`` has its own ``--lang`` (a French report is refused until it is written).
    """
    parser.add_argument("--lang", choices=LANGUAGES, default="en", help=_LANG_HELP)
    for command in commands.values():
        with contextlib.suppress(argparse.ArgumentError):  # report's own --lang: kept
            command.add_argument(
                "--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=_LANG_HELP
            )


def _plan_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--top", type=_last, default=DEFAULT_TOP, help=f"changes to show (default: {DEFAULT_TOP})"
    )
    command.add_argument(
        "--horizon",
        type=_horizon,
        default=DEFAULT_MONTHS,
        metavar="MONTHS",
        help=f"months ahead for renewals, years of work and losses (default: {DEFAULT_MONTHS})",
    )
    _feed_argument(command)


def _horizon(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= MAX_MONTHS:
        msg = f"not a whole number of months from 1 to {MAX_MONTHS}: {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return int(text)


def _feed_argument(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--feed",
        type=Path,
        metavar="FILE",
        help="a copy of IRCC's feed you downloaded (default: the shipped rounds)",
    )


def _history(args: argparse.Namespace) -> tuple[Round, ...] | None:
    """The rounds of ``--feed``, or the shipped ones; ``None`` (said on stderr): unreadable.

    Raises:
        InvalidInputError: the file is not IRCC's feed or a value cannot be read.
    """
    if args.feed is None:
        return rounds()
    try:
        return load_rounds(args.feed)
    except OSError as exc:
        sys.stderr.write(f"expressentry: cannot read {args.feed}: {exc.strerror or exc}\n")
        return None


def _columns() -> int:
    """The terminal's width: ``COLUMNS``, else the terminal's own, else 80 (output to a file)."""
    return shutil.get_terminal_size((_COLUMNS, 24)).columns


_COLUMNS = 80
"""The width of text written to a file or a pipe (unless ``COLUMNS`` says otherwise)."""


def _fit(text: str) -> str:
    """``text`` with each line wider than the terminal wrapped, its rest indented under it.

    A table's row too wide for the terminal breaks onto the next lines rather than
    running past the edge; lines that fit are left as they are.
    """
    width = _columns()
    out: list[str] = []
    for line in text.split("\n"):
        if len(line) <= width:
            out.append(line)
            continue
        indent = " " * (len(line) - len(line.lstrip(" ")))
        out.extend(
            textwrap.wrap(
                line,
                width,
                subsequent_indent=indent + "    ",
                break_on_hyphens=False,
            )
        )
    return "\n".join(out)


def _note(caveats: Iterable[str]) -> None:
    """Each caveat of the command's result, once, on stderr (after the result)."""
    for caveat in dict.fromkeys(caveats):
        sys.stderr.write(f"expressentry: note: {caveat}\n")


_ONE_FORMATS = ("text", "json")
"""The ``--format`` of one profile's result."""
_POOL_FORMATS = ("jsonl", "csv")
"""The ``--format`` of a pool's rows."""


def _pool_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--pool",
        choices=tuple(POOL_FORMATS.values()),
        default=None,
        metavar="FORMAT",
        help="read the file ('-': stdin) as a pool in this format, jsonl or csv, whatever "
        "its name (default: a .jsonl or .csv file is a pool in its format, any other one "
        "profile)",
    )
    command.add_argument(
        "--id-field",
        type=_id_field,
        default=None,
        metavar="NAME",
        help="for a pool: the key (JSON Lines) or column (CSV) of the client's own id, "
        f"copied to each row's id (default: {ID_FIELD})",
    )


def _id_field(text: str) -> str:
    try:
        return check_id_field(text, "--id-field")
    except InvalidInputError as exc:
        msg = f"{exc.problems[0].message}: {text!r}"
        raise argparse.ArgumentTypeError(msg) from None


def _workers_argument(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--workers",
        type=_workers,
        default=1,
        metavar="N",
        help="for a pool file: read and work on its lines in N processes; the output is "
        "the same, in file order (default: 1)",
    )


def _workers(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        msg = f"not a whole number of processes, at least 1: {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return int(text)


def _last(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        msg = f"not a whole number of at least 1: {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return int(text)


def _replay(args: argparse.Namespace) -> int:
    found = _history(args)
    if found is None:
        return _BAD_INPUT
    history: Iterable[Round] = found
    if args.number:
        wanted = set(args.number)
        known = {r.number for r in history}
        unknown = sorted(wanted - known)
        if unknown:
            sys.stderr.write(f"expressentry: no round numbered {', '.join(unknown)}\n")
            return _BAD_INPUT
        history = [r for r in history if r.number in wanted]
    report = replay_all(history)
    if args.number and not report.replays:
        # Nothing to show but why: say it, and fail as for any round that cannot be asked.
        for number, why in report.skipped:
            sys.stderr.write(f"expressentry: round {number} cannot be replayed: {why}\n")
        for number in report.undistributed:
            why = NO_DISTRIBUTION.format(it="it")
            sys.stderr.write(f"expressentry: round {number} cannot be replayed: {why}\n")
        return _BAD_INPUT
    sys.stdout.write(_fit(report.explain(rounds=args.rounds)) + "\n")
    sys.stdout.flush()
    _note(report.caveats)
    return 0


def _backtest(args: argparse.Namespace) -> int:
    history = _history(args)
    if history is None:
        return _BAD_INPUT
    report = backtest(history, before=args.before, since=args.since)
    text = to_json(report) if args.format == "json" else _fit(report.explain())
    sys.stdout.write(text + "\n")
    sys.stdout.flush()
    _note(report.caveats)
    return 0


_MOST_MONTHS = 1_200  # a century: past that a forecast says nothing useful


def _months(text: str) -> int:
    try:
        months = int(text)
    except ValueError:
        months = -1
    if not 1 <= months <= _MOST_MONTHS:
        msg = f"must be a whole number of months from 1 to {_MOST_MONTHS:,}: {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return months


def _timeline_arguments(t: argparse.ArgumentParser) -> None:
    where = t.add_mutually_exclusive_group(required=True)
    where.add_argument("profile", nargs="?", type=Path, help="profile JSON file ('-' for stdin)")
    where.add_argument("--example", action="store_true", help="use the bundled example profile")
    t.add_argument(
        "--from",
        dest="start",
        type=_as_of,
        default=None,
        help="first day of the forecast, YYYY-MM-DD (default: today)",
    )
    t.add_argument("--months", type=_months, default=24, help="months to forecast (default: 24)")
    t.add_argument(
        "--ita",
        type=_as_of,
        default=None,
        help="an invitation day, YYYY-MM-DD, to check readiness for (default: none)",
    )
    _format_argument(t, ("text", "json"))


def _timeline(args: argparse.Namespace, candidate: Candidate) -> tuple[str, tuple[str, ...]]:
    """The documents on the first day, the forecast, and readiness for ``--ita``.

    Returns the text and the caveats of the latest day it speaks of (the forecast's
    end, or the day documents are checked for the invitation if later).
    """
    validity = validity_on(candidate, as_of=args.start)
    start = validity.as_of
    try:
        end = start + relativedelta(months=args.months)
    except (ValueError, OverflowError):
        raise InvalidInputError(
            "timeline", [FieldProblem("months", args.months, tr("runs past 9999-12-31"))]
        ) from None
    ahead = forecast(candidate, start=start, end=end)
    ready = None if args.ita is None else ita_readiness(candidate, invited=args.ita)
    latest = ahead.end if ready is None else max(ahead.end, ready.checked_on)
    caveats = review_caveats(latest, LAST_REVIEWED)
    if args.format == "json":
        data = {
            "format": JSON_FORMATS["timeline"],
            "validity": to_dict(validity),
            "forecast": to_dict(ahead),
        }
        if ready is not None:
            data["readiness"] = to_dict(ready)
        return to_json(data), caveats
    parts = [validity.explain(args.lang), ahead.explain(args.lang)]
    if ready is not None:
        parts.append(ready.explain(args.lang))
    return _fit("\n\n".join(parts)), caveats


_SIMULATED_TYPES = (
    RoundKind.GENERAL.value,
    RoundKind.PNP.value,
    *(p.value for p in Program),
    *(c.value for c in CategoryId),
)

_ROUND_TYPES = tuple(
    dict.fromkeys(
        [*(k.value for k in RoundKind), *(p.value for p in Program), *(c.value for c in CategoryId)]
    )
)


def _type_key(text: str) -> str:
    """A ``--type`` of ``rounds``: a kind, a program, a category, or ``category:NAME``."""
    if text in _ROUND_TYPES:
        return text
    try:
        RoundType.parse(text)
    except InvalidInputError:
        msg = (
            f"invalid choice: {text!r} (choose from {', '.join(_ROUND_TYPES)}, or "
            "category:NAME for a category expressentry has no list of)"
        )
        raise argparse.ArgumentTypeError(msg) from None
    return text


def _rounds_arguments(r: argparse.ArgumentParser) -> None:
    r.add_argument(
        "--type",
        action="append",
        type=_type_key,
        metavar="TYPE",
        help="a kind (general, program, pnp, category), a program (cec, fsw, fst), a "
        "category (french, stem, ...) or category:NAME (a category expressentry has no "
        "list of, as the rounds table writes it); repeat for several (default: every type)",
    )
    r.add_argument(
        "--since",
        type=_as_of,
        help="rounds on or after this day, YYYY-MM-DD (default: the first round)",
    )
    r.add_argument(
        "--until",
        type=_as_of,
        help="rounds on or before this day, YYYY-MM-DD (default: the last round)",
    )
    _format_argument(r, FORMATS)
    _feed_argument(r)


def _rounds(args: argparse.Namespace) -> int:
    if args.since is not None and args.until is not None and args.since > args.until:
        sys.stderr.write(f"expressentry: --until {args.until} is before --since {args.since}\n")
        return _BAD_INPUT
    history = _history(args)
    if history is None:
        return _BAD_INPUT
    found = find_rounds(since=args.since, until=args.until, history=history)
    if args.type:
        found = tuple(r for r in found if r.kind.value in args.type or r.round_type in args.type)
    sys.stdout.write(render_rounds(found, args.format) + "\n")
    sys.stdout.flush()
    return 0


def _example_bytes() -> bytes:
    return resources.files("expressentry.data").joinpath(_EXAMPLE).read_bytes()


def _read(args: argparse.Namespace) -> bytes | str:
    """The profile's bytes: UTF-8 is checked by :func:`from_json`, which names the bad byte."""
    if args.example:
        return _example_bytes()
    return _read_profile(args.profile)


def _read_profile(path: Path) -> bytes | str:
    """The bytes of a profile file, or of stdin for ``-``."""
    if str(path) == "-":
        stdin = getattr(sys.stdin, "buffer", sys.stdin)  # a test may swap in a StringIO
        data: bytes | str = stdin.read()
        return data
    return path.read_bytes()


def _schema(args: argparse.Namespace) -> int:
    sys.stdout.write(json.dumps(shipped_schema(args.name), indent=2, ensure_ascii=False) + "\n")
    sys.stdout.flush()
    return 0


def _example(_args: argparse.Namespace) -> int:
    sys.stdout.write(_example_bytes().decode("utf-8"))
    sys.stdout.flush()
    return 0


_POOL_COMMANDS = frozenset({"score", "eligibility", "plan"})
"""The commands that also read a pool file (``.jsonl``, ``.csv``)."""


def _kind_of(args: argparse.Namespace) -> str | None:
    """The pool format the arguments ask for: ``--pool``, else the file's extension.

    ``None``: one profile. Standard input (``-``) is a pool only with ``--pool``:
    the command never guesses from what it reads.
    """
    if args.pool is not None:
        return str(args.pool)
    if args.example or str(args.profile) == "-":
        return None
    return pool_format(args.profile)


def _maybe_pool(args: argparse.Namespace) -> int | None:
    """The status of the command on a pool; ``None`` when it is on one profile."""
    refused = _pool_or_profile(args)
    if refused is not None:
        sys.stderr.write(f"expressentry: {refused}\n")
        return _BAD_INPUT
    return None if args.kind is None else _pool(args)


def _pool_or_profile(args: argparse.Namespace) -> str | None:
    """Set ``args.kind`` (the pool's format, or ``None`` for one profile); why not, if refused.

    Each ``--format`` is for one of the two: the other's is refused, never ignored.
    """
    if args.example and args.pool is not None:
        return "--pool reads a pool file, not the bundled example"
    args.kind = _kind_of(args)
    if args.kind is None:
        args.format = args.format or "text"
        if args.format in _POOL_FORMATS:
            return (
                f"--format {args.format} is for a pool (a .jsonl or .csv file, or --pool "
                "FORMAT); one profile is written as text (the default) or json"
            )
        if args.id_field is not None:
            return "--id-field is for a pool (a .jsonl or .csv file, or --pool FORMAT)"
        return None
    if args.format in _ONE_FORMATS:
        return (
            f"--format {args.format} is for one profile; a pool is written as jsonl "
            "(the default, one JSON object a line) or csv"
        )
    return None


def _run(args: argparse.Namespace) -> int:
    command = _NO_PROFILE.get(args.command)
    if command is not None:
        return command(args)
    if args.command in _POOL_COMMANDS:
        done = _maybe_pool(args)
        if done is not None:
            return done
    try:
        text = _read(args)
    except OSError as exc:
        sys.stderr.write(f"expressentry: cannot read {args.profile}: {exc.strerror or exc}\n")
        return _BAD_INPUT
    candidate = from_json(text, Candidate)
    if args.command == "timeline":
        text, caveats = _timeline(args, candidate)
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
        _note(caveats)
        return 0
    command_of_profile = _OF_PROFILE.get(args.command)
    if command_of_profile is not None:
        return command_of_profile(args, candidate)
    result: CrsBreakdown | EligibilityReport = (
        score(candidate, as_of=args.as_of)
        if args.command == "score"
        else assess(candidate, as_of=args.as_of)
    )
    if args.format == "json":
        out = to_json(result)
    elif isinstance(result, CrsBreakdown):  # its table wraps its reasons itself
        out = result.explain(args.lang, width=_columns())
    else:
        out = _fit(result.explain(args.lang))
    sys.stdout.write(out + "\n")
    sys.stdout.flush()
    _note(result.caveats)
    return 0


def _outlook(args: argparse.Namespace, candidate: Candidate) -> int:
    history = _history(args)
    if history is None:
        return _BAD_INPUT
    found: Outlook = outlook(candidate, as_of=args.as_of, last=args.last, history=history)
    out = to_json(found) if args.format == "json" else _fit(found.explain(args.lang))
    sys.stdout.write(out + "\n")
    sys.stdout.flush()
    _note(found.caveats)
    return 0


def _plan(args: argparse.Namespace, candidate: Candidate) -> int:
    history = _history(args)
    if history is None:
        return _BAD_INPUT
    found = improvements(candidate, as_of=args.as_of, months=args.horizon, history=history)
    out = (
        json.dumps(found.as_dict(top=args.top), indent=2, ensure_ascii=False)
        if args.format == "json"
        else _fit(found.explain(top=args.top, lang=args.lang))
    )
    sys.stdout.write(out + "\n")
    sys.stdout.flush()
    _note(found.caveats)
    return 0


def _column_names(paths: Sequence[Path]) -> list[str]:
    """Each file's name without its suffix, or the letters A, B... if two are alike."""
    names = ["stdin" if str(p) == "-" else p.stem or p.name for p in paths]
    if len(set(names)) == len(names) and all(names):
        return names
    return list(ascii_uppercase[: len(paths)])


_SCENARIO_ERROR = re.compile(r"scenario (\d+) of the comparison \((.+)\)")


def _compare(args: argparse.Namespace) -> int:
    paths: list[Path] = args.profiles
    if not MIN_SCENARIOS <= len(paths) <= MAX_SCENARIOS:
        sys.stderr.write(
            f"expressentry: compare takes {MIN_SCENARIOS} to {MAX_SCENARIOS} profile files, "
            f"not {len(paths)}\n"
        )
        return _BAD_INPUT
    if sum(1 for p in paths if str(p) == "-") > 1:
        sys.stderr.write("expressentry: compare reads stdin ('-') once only\n")
        return _BAD_INPUT
    scenarios = []
    for path, name in zip(paths, _column_names(paths), strict=True):
        try:
            text = _read_profile(path)
        except OSError as exc:
            sys.stderr.write(f"expressentry: cannot read {path}: {exc.strerror or exc}\n")
            return _BAD_INPUT
        try:
            scenarios.append(Scenario(from_json(text, Candidate), name=name))
        except InvalidInputError as exc:
            owner = tr("{owner} in {file}", owner=exc.owner, file=str(path))
            raise InvalidProfileError(owner, exc.problems) from None
    try:
        found = compare(*scenarios, as_of=args.as_of)
    except InvalidInputError as exc:
        placed = _SCENARIO_ERROR.fullmatch(exc.owner)
        if placed is None:
            raise
        owner = tr(
            "{owner} in {file}", owner=placed.group(2), file=str(paths[int(placed.group(1)) - 1])
        )
        problems = [p.at(join_path("$", p.path)) for p in exc.problems]
        raise InvalidProfileError(owner, problems) from None
    out = to_json(found) if args.format == "json" else _fit(found.explain(args.lang))
    sys.stdout.write(out + "\n")
    sys.stdout.flush()
    _note(found.caveats)
    return 0


@contextlib.contextmanager
def _progress(total: int | None, unit: str, what: str) -> Iterator[Callable[[int], object]]:
    """A progress bar on stderr, shown only when stderr is a terminal; yields its ``update``.

    The bar is tqdm's, an optional import: it comes with the ``cli`` extra
    (``pip install "expressentry[cli]"``). Without tqdm every command runs the
    same, with no bar.
    """
    try:
        from tqdm import tqdm  # noqa: PLC0415  (optional: the `cli` extra)
    except ImportError:
        yield _no_progress
        return
    with tqdm(
        total=total,
        unit=unit,
        unit_scale=True,
        desc=what,
        file=sys.stderr,
        disable=not sys.stderr.isatty(),
        leave=False,
    ) as bar:
        yield bar.update


def _no_progress(done: int) -> None:
    """No bar: tqdm is not installed."""


class _UnreadableError(Exception):
    """The pool file could not be read (its ``OSError`` is the cause)."""


def _source(args: argparse.Namespace) -> str:
    """The pool's name in messages: its file name, or ``stdin``."""
    path: Path = args.profile
    return "stdin" if str(path) == "-" else path.name


def _lines_of(args: argparse.Namespace) -> Iterator[RawLine]:
    """The lines of the pool, split off; a failure to read it is an :class:`_UnreadableError`.

    So an ``OSError`` of the output (a closed pipe) is never taken for the file's.
    The pool is the file, or stdin for ``-``, in the format of :func:`_kind_of`.
    """
    path: Path = args.profile
    id_field = args.id_field or ID_FIELD
    try:
        if str(path) == "-":
            stdin = cast("BinaryIO", getattr(sys.stdin, "buffer", sys.stdin))
            yield from raw_lines_of(stdin, args.kind, id_field=id_field)
        elif args.pool is not None:
            with path.open("rb") as f:
                yield from raw_lines_of(f, args.kind, id_field=id_field)
        else:
            yield from raw_lines(path, id_field=id_field)
    except OSError as exc:
        raise _UnreadableError(exc) from exc


def _size_of(args: argparse.Namespace) -> int | None:
    """The pool file's bytes, for a progress bar (``None`` for stdin).

    Raises:
        OSError: the file cannot be read.
    """
    path: Path = args.profile
    if str(path) == "-":
        return None
    if path.is_dir():  # named as a file that cannot be read would name it
        raise IsADirectoryError(21, "Is a directory", str(path))
    return path.stat().st_size


def _cannot_read(path: Path, exc: BaseException) -> int:
    error = exc.__cause__ if isinstance(exc, _UnreadableError) else exc
    words = error.strerror if isinstance(error, OSError) and error.strerror else error
    name = "stdin" if str(path) == "-" else path
    sys.stderr.write(f"expressentry: cannot read {name}: {words}\n")
    return _BAD_INPUT


class _PoolRead:
    """A pool file read for a round: the columns of its good profiles, and its bad lines.

    Per profile, in file order: its line number, submission instant, provincial
    nomination, total and flags on the round's day (equal flags shared: one
    object each). A few tens of bytes a profile.
    """

    def __init__(self) -> None:
        self.lines = array("q")
        self.micros = array("q")
        self.nominees = bytearray()
        self.totals = array("i")
        self.flags: list[EligibilityFlags | None] = []
        self.failures: list[LineFailure] = []
        self._shared: dict[EligibilityFlags, EligibilityFlags] = {}

    def add(self, part: Columns) -> int:
        """Take a chunk's columns; its bytes."""
        self.lines.extend(part.lines)
        self.micros.extend(part.micros)
        self.nominees.extend(part.nominees)
        self.totals.extend(part.totals)
        table = (None, *(self._shared.setdefault(f, f) for f in part.flag_table))
        self.flags.extend(map(table.__getitem__, part.flag_codes))
        self.failures.extend(part.failures)
        return part.size

    def columns(self, day: date, rules: RuleSet) -> PoolColumns:
        """The columns a round on ``day`` under ``rules`` ranks."""
        return PoolColumns(
            as_of=day,
            rules=rules,
            submitted_micros=self.micros,
            nominees=bytes(self.nominees),
            scores=self.totals,
            flags=self.flags,
        )


def _read_pool_file(args: argparse.Namespace, day: date) -> _PoolRead | None:
    """The columns of a pool's good profiles, and its bad lines (``None``: unreadable).

    The lines are read in ``--workers`` processes, a chunk at a time, in file
    order, where each profile is also scored and assessed on ``day`` (what the
    round reads of it): only those columns come back, so the main process only
    ranks. A profile refused on the day, or without a submission time, is a bad
    line, left out of the round.
    """
    found = _PoolRead()
    id_field = args.id_field or ID_FIELD
    try:
        size = _size_of(args)
        with _progress(size, "B", f"reading {_source(args)}") as advance, gc_paused():
            parts = chunks(_lines_of(args))
            tasks = ((day, part, id_field) for part in parts)
            for part in in_order(round_columns, tasks, args.workers):
                advance(found.add(part))
    except (OSError, _UnreadableError) as exc:
        _cannot_read(args.profile, exc)
        return None
    return found


def _report_lines(name: str, failures: list[LineFailure], lang: str = "en") -> None:
    for bad in sorted(failures, key=lambda f: f.line):
        for text in bad.lines(lang):
            sys.stderr.write(f"expressentry: {name} {text}\n")


def _simulate(args: argparse.Namespace) -> int:
    """Run one round over a pool file: the invited in rank order and the cut-off.

    Bad lines are named on stderr and left out; the round is run on the good
    ones, and the status is then 2.
    """
    path: Path = args.profile
    args.kind = args.pool or ("jsonl" if str(path) == "-" else pool_format(path))
    if args.kind is None:
        sys.stderr.write(
            f"expressentry: {path.name}: a pool is a .jsonl or .csv file (or --pool FORMAT)\n"
        )
        return _BAD_INPUT
    day = args.as_of if args.as_of is not None else resolve(None, where="simulate")
    read = _read_pool_file(args, day)
    if read is None:
        return _BAD_INPUT
    lines = read.lines
    _report_lines(_source(args), read.failures, args.lang)
    kind = RoundType.parse(args.type)
    spec = RoundSpec(
        day=day, size=args.size, kind=kind.kind, program=kind.program, category=kind.category
    )
    with _progress(len(lines), "profile", "ranking"):
        try:
            rules = rules_for(as_of=day)
            found = select(read.columns(day, rules), spec, rules=rules)
        except InvalidInputError as exc:  # a profile refused: named by its line
            bad = line_failure(lines, exc)
            if bad is None:
                raise
            _report_lines(_source(args), [bad], args.lang)
            return _BAD_INPUT
    if args.format == "json":
        data = {
            "format": JSON_FORMATS["simulate"],
            "as_of": day.isoformat(),
            "type": args.type,
            "size": args.size,
            "cutoff": found.cutoff,
            "tie_break": None if found.tie_break is None else found.tie_break.isoformat(),
            "last_invited": None if found.last_invited is None else found.last_invited.isoformat(),
            "at_cutoff_left_out": {
                "total": found.at_cutoff_left_out,
                "after_second": found.left_out_after_second,
                "within_second": found.left_out_within_second,
                "same_instant": found.left_out_same_instant,
            },
            "invited": [
                {"rank": i.rank, "line": lines[i.index], "crs": i.crs} for i in found.invited
            ],
            "not_in_pool": {
                "submitted_after": [lines[i] for i in found.submitted_after],
                "expired": [lines[i] for i in found.expired_profiles],
            },
            "bad_lines": sorted(f.line for f in read.failures),
            "rules_reviewed_on": found.rules_reviewed_on.isoformat(),
            "caveats": list(found.caveats),
        }
        sys.stdout.write(json.dumps(data, indent=2) + "\n")
    else:
        sys.stdout.write(_fit(found.explain(args.lang)) + "\n")
        if read.failures:
            sys.stdout.write(
                f"  {len(read.failures):,} bad line{'' if len(read.failures) == 1 else 's'} "
                "left out (named on stderr)\n"
            )
    sys.stdout.flush()
    _note(found.caveats)
    return _BAD_INPUT if read.failures else 0


_VERBS = {"score": "scoring", "eligibility": "assessing", "plan": "planning"}


def _pool(args: argparse.Namespace) -> int:
    """Score, assess or plan every profile of a pool: one row each, bad lines on stderr.

    The file is read and worked on a chunk of lines at a time, in ``--workers``
    processes; each chunk's rows are written in file order as they are done, as
    JSON Lines or as CSV (a header first).
    """
    path: Path = args.profile
    day = args.as_of if args.as_of is not None else resolve(None, where=args.command)
    verb = _VERBS[args.command]
    form = args.format or "jsonl"
    asked = None
    size_of_chunk = None
    if args.command == "plan":
        history = _history(args)
        if history is None:
            return _BAD_INPUT
        asked = PlanAsked(top=args.top, months=args.horizon, history=history)
        size_of_chunk = PLAN_CHUNK
    failures: list[LineFailure] = []
    out = sys.stdout
    try:
        size = _size_of(args)
    except OSError as exc:
        return _cannot_read(path, exc)
    id_field = args.id_field or ID_FIELD
    if form == "csv":
        out.write(",".join(columns(args.command, day)) + "\n")
    try:
        with _progress(size, "B", f"{verb} {_source(args)}") as advance:
            tasks = (
                Task(args.command, day, part, asked, form, id_field)
                for part in chunks(_lines_of(args), size_of_chunk)
            )
            for written, bad, done in in_order(work_chunk, tasks, args.workers):
                for text in written:
                    out.write(text + "\n")
                failures.extend(bad)
                advance(done)
    except _UnreadableError as exc:  # not an OSError of the output: a closed pipe is one
        return _cannot_read(path, exc)
    out.flush()
    _report_lines(_source(args), failures, args.lang)
    _note(review_caveats(day, LAST_REVIEWED))
    return _BAD_INPUT if failures else 0


def _placed(exc: InvalidInputError) -> InvalidInputError:
    """The profile's own problems found while scoring, at ``$.`` paths like the rest."""
    if isinstance(exc, InvalidProfileError) or exc.owner != "Candidate":
        return exc
    problems = [p.at(join_path("$", p.path)) for p in exc.problems]
    return InvalidProfileError(exc.owner, problems)


def _quiet_stdout() -> None:
    """Point stdout at the null device, so the flush at exit cannot fail again."""
    with contextlib.suppress(OSError, ValueError):  # no file descriptor under a test
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


_OF_PROFILE = {"outlook": _outlook, "plan": _plan}
"""The commands of one profile that print a result of their own."""

_NO_PROFILE = {
    "rounds": _rounds,
    "backtest": _backtest,
    "replay": _replay,
    "simulate": _simulate,
    "example": _example,
    "schema": _schema,
    "compare": _compare,
    "report": run_report,
}
"""The commands that read no profile."""


_OWNER_WORDS = {"Candidate": N_("profile"), "Pool": N_("pool")}
"""What a person calls the objects a problem can be of (never a class's name)."""

_OPTION_OF = {("plan", "months"): "--horizon", ("timeline", "months"): "--months"}
"""A library argument a command's option of another name gives."""


def _worded(exc: InvalidInputError, args: argparse.Namespace) -> InvalidInputError:
    """``exc`` in the command line's words: no class or function name, options as typed.

    A problem with an argument the library was called with (``as_of``) is named by
    the option that gave it (``--as-of``); the profile is the profile, not the
    ``Candidate`` class, and the call (``report_html``) is the command.
    """
    usage = _commands_and_parser()[0][args.command].format_usage()
    typed = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", usage))
    problems = []
    for p in exc.problems:
        option = _OPTION_OF.get((args.command, p.path))
        if option is None and f"--{p.path.replace('_', '-')}" in typed:
            option = f"--{p.path.replace('_', '-')}"
        problems.append(p if option is None else p.at(option))
    first, _, rest = exc.owner.partition(" ")
    word = _OWNER_WORDS.get(first)
    owner: str | Message
    if word is not None:
        owner = tr(word) if not rest else tr("{what} {where}", what=tr(word), where=rest)
    elif all(p.path.startswith("--") for p in problems):
        owner = tr("arguments of {command}", command=args.command)
    elif exc.owner.isidentifier():  # a class or function's name alone
        owner = tr("input of {command}", command=args.command)
    else:
        owner = exc.owner
    if owner is exc.owner and problems == list(exc.problems):
        return exc
    return InvalidInputError(owner, problems)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (argparse exits 2 itself)."""
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except InvalidInputError as exc:
        sys.stderr.write(f"expressentry: {_worded(_placed(exc), args).explain(args.lang)}\n")
        return _BAD_INPUT
    except (RulesNotInForceError, DamagedDataError) as exc:
        sys.stderr.write(f"expressentry: {exc}\n")
        return _DAMAGED if isinstance(exc, DamagedDataError) else _BAD_INPUT
    except KeyboardInterrupt:
        sys.stderr.write("expressentry: interrupted\n")
        return _INTERRUPTED
    except BrokenPipeError:
        _quiet_stdout()
        return _BROKEN_PIPE
    except Exception as exc:  # DataError, InternalError or any other: a bug
        first = cut(str(exc).partition("\n")[0], 300)
        sys.stderr.write(
            f"expressentry: internal error ({type(exc).__name__}: {first}); "
            "please report it with the command and the profile\n"
        )
        return _BUG


if __name__ == "__main__":
    raise SystemExit(main())
