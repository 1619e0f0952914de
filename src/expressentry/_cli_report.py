"""The ``report`` command: ``expressentry report PROFILE.json [-o report.html]``.

Kept apart from ``__main__`` so the command line's main module stays small: it
adds the parser (:func:`add_report_command`) and dispatches to
:func:`run_report`. Errors of the profile (:class:`InvalidInputError`) reach
``main``, which prints them and exits 2 like every other command.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from importlib import resources
from pathlib import Path

from dateutil.relativedelta import relativedelta

from expressentry._today import resolve
from expressentry.models import Candidate
from expressentry.report.render import FORECAST_MONTHS, INSTALL_HINT, LANGUAGES, report_html
from expressentry.rules._timeline import review_caveats
from expressentry.serialization import from_json

__all__ = ["add_report_command", "run_report"]

_BAD_INPUT = 2


def add_report_command(
    add_parser: Callable[..., argparse.ArgumentParser], day: Callable[[str], date]
) -> None:
    """Add ``report`` with the subparsers' ``add_parser``; ``day`` reads a YYYY-MM-DD argument."""
    r = add_parser(
        "report",
        help="a one-file HTML report of a profile: score, eligibility, plan, outlook, "
        "documents and charts",
    )
    where = r.add_mutually_exclusive_group(required=True)
    where.add_argument("profile", nargs="?", type=Path, help="profile JSON file ('-' for stdin)")
    where.add_argument("--example", action="store_true", help="report on the bundled example")
    r.add_argument("--as-of", type=day, default=None, help="day of the report (default: today)")
    r.add_argument(
        "--ita", type=day, default=None, help="an invitation day, YYYY-MM-DD (default: none)"
    )
    r.add_argument(
        "--lang",
        choices=LANGUAGES,
        default="en",
        help="language of the report: en (English) or fr (French) (default: en)",
    )
    r.add_argument(
        "-o", "--output", type=Path, default=None, help="write the HTML here (default: stdout)"
    )


def run_report(args: argparse.Namespace) -> int:
    """Write the report of ``args.profile`` (or the example) to ``-o`` or stdout."""
    try:
        text = _profile_bytes(args)
    except OSError as exc:
        sys.stderr.write(f"expressentry: cannot read {args.profile}: {exc.strerror or exc}\n")
        return _BAD_INPUT
    candidate = from_json(text, Candidate)
    try:
        html = report_html(candidate, as_of=args.as_of, ita=args.ita, lang=args.lang)
    except ImportError:
        sys.stderr.write(f"expressentry: a report needs Jinja2: {INSTALL_HINT}\n")
        return _BAD_INPUT
    if args.output is None:
        sys.stdout.write(html)
        sys.stdout.flush()
    else:
        try:
            args.output.write_text(html, encoding="utf-8")
        except OSError as exc:
            sys.stderr.write(f"expressentry: cannot write {args.output}: {exc.strerror or exc}\n")
            return _BAD_INPUT
    _note(args)
    return 0


def _note(args: argparse.Namespace) -> None:
    """The review caveat of the report's last day (its forecast's end), once on stderr.

    The same note as every other command's: the page carries it in its footer too.
    """
    day = resolve(args.as_of, where="report")
    for caveat in review_caveats(day + relativedelta(months=FORECAST_MONTHS)):
        sys.stderr.write(f"expressentry: note: {caveat}\n")


def _profile_bytes(args: argparse.Namespace) -> bytes | str:
    """The profile's bytes: the example, stdin for ``-``, or the file."""
    if args.example:
        return resources.files("expressentry.data").joinpath("examples/profile.json").read_bytes()
    if str(args.profile) == "-":
        stdin = getattr(sys.stdin, "buffer", sys.stdin)  # a test may swap in a StringIO
        data: bytes | str = stdin.read()
        return data
    path: Path = args.profile
    return path.read_bytes()
