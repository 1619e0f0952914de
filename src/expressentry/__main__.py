"""Command line: ``expressentry score|eligibility PROFILE.json [--as-of ...] [--format ...]``.

Invalid input exits with status 2 and the field paths, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from importlib import resources
from pathlib import Path

from expressentry import __version__
from expressentry.crs import score
from expressentry.eligibility import EligibilityReport, assess
from expressentry.errors import ExpressEntryError
from expressentry.explain import CrsBreakdown
from expressentry.models import Candidate
from expressentry.serialization import from_json, to_json

__all__ = ["main"]

_EXAMPLE = "examples/profile.json"


def _as_of(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        msg = f"not a date in YYYY-MM-DD form: {text!r}"
        raise argparse.ArgumentTypeError(msg) from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="expressentry",
        description="Canada's Express Entry rules, dated and explained.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, help_text, verb in (
        ("score", "CRS score of a profile, explained line by line", "score"),
        ("eligibility", "program and category eligibility, requirement by requirement", "assess"),
    ):
        s = commands.add_parser(name, help=help_text)
        where = s.add_mutually_exclusive_group(required=True)
        where.add_argument(
            "profile", nargs="?", type=Path, help="profile JSON file ('-' for stdin)"
        )
        where.add_argument(
            "--example", action="store_true", help=f"{verb} the bundled example profile"
        )
        s.add_argument(
            "--as-of", type=_as_of, default=None, help=f"day to {verb} on (default: today)"
        )
        s.add_argument("--format", choices=("text", "json"), default="text")
    commands.add_parser("example", help="print the bundled example profile (a template)")
    return parser


def _example_text() -> str:
    return resources.files("expressentry.data").joinpath(_EXAMPLE).read_text(encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    if args.command == "example":
        sys.stdout.write(_example_text())
        return 0
    try:
        if args.example:
            text = _example_text()
        elif str(args.profile) == "-":
            text = sys.stdin.read()
        else:
            text = args.profile.read_text(encoding="utf-8")
    except OSError as exc:
        sys.stderr.write(f"expressentry: cannot read {args.profile}: {exc.strerror}\n")
        return 2
    try:
        candidate = from_json(text, Candidate)
        result: CrsBreakdown | EligibilityReport = (
            score(candidate, as_of=args.as_of)
            if args.command == "score"
            else assess(candidate, as_of=args.as_of)
        )
    except ExpressEntryError as exc:
        sys.stderr.write(f"expressentry: {exc}\n")
        return 2
    sys.stdout.write((to_json(result) if args.format == "json" else result.explain()) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
