"""The bad-input examples of the README and the docs show what the code prints now.

Every ``console`` block is a shell transcript replayed in-process: ``$ cat FILE``
gives the file, ``$ expressentry ...`` runs :func:`main` and must print exactly the
lines shown, ``$ echo $?`` gives its exit status. Every ``pycon`` block, and every
``{doctest}`` block that shows an error, runs as a doctest with no loose matching.
The table of problems in the profile format page is checked row by row.

Kind: hand-worked examples of user-facing behaviour (the documentation's transcripts).
"""

from __future__ import annotations

import doctest
import re
import shlex
from datetime import date
from pathlib import Path

import pytest

import expressentry
from expressentry import Candidate, InvalidProfileError, from_json
from expressentry.__main__ import main

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```(\S+)\n(.*?)^```$", re.DOTALL | re.MULTILINE)


def blocks(*languages: str) -> list[tuple[str, str]]:
    found = []
    for page in PAGES:
        for match in FENCE.finditer(page.read_text(encoding="utf-8")):
            if match.group(1) in languages:
                found.append((page.name, match.group(2)))
    return found


TRANSCRIPTS = blocks("console")
EXAMPLES = blocks("pycon", "{doctest}")
SESSIONS = [b for b in EXAMPLES if "Error: invalid" in b[1]]


def test_the_readme_shows_bad_input_both_ways() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Bad input", 1)[1].split("\n## ", 1)[0]
    assert "```console" in section
    assert "```pycon" in section
    assert "README.md" in {page for page, _ in TRANSCRIPTS}
    assert "profile-format.md" in {page for page, _ in SESSIONS}


def steps(transcript: str) -> list[tuple[str, list[str]]]:
    """``(command, lines shown after it)`` for each ``$ `` line."""
    out: list[tuple[str, list[str]]] = []
    for line in transcript.splitlines():
        if line.startswith("$ "):
            out.append((line[2:], []))
        else:
            out[-1][1].append(line)
    return out


@pytest.mark.parametrize(("page", "transcript"), TRANSCRIPTS)
def test_transcript(
    page: str,
    transcript: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    status: int | None = None
    ran = False
    for command, shown in steps(transcript):
        words = shlex.split(command)
        if words[0] == "cat":
            (tmp_path / words[1]).write_text("\n".join(shown) + "\n", encoding="utf-8")
        elif words[0] == "expressentry":
            status = main(words[1:])
            printed = capsys.readouterr()
            assert (printed.out + printed.err).splitlines() == shown, page
            ran = True
        else:
            assert words == ["echo", "$?"], f"{page}: cannot replay {command!r}"
            assert shown == [str(status)], page
    assert ran, f"{page}: the transcript runs no expressentry command"


@pytest.mark.parametrize(("page", "session"), SESSIONS)
def test_session(page: str, session: str) -> None:
    parser = doctest.DocTestParser()
    names: dict[str, object] = {"ee": expressentry, "date": date}
    # The page's earlier examples first, for the names they define (Sphinx checks them).
    setup = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for earlier_page, earlier in EXAMPLES:
        if earlier == session:
            break
        if earlier_page == page:
            example = parser.get_doctest(earlier, names, page, page, 0)
            setup.run(example, out=lambda _: None, clear_globs=False)
            names = example.globs
    test = parser.get_doctest(session, names, page, page, 0)
    runner = doctest.DocTestRunner(optionflags=0)  # exact: no ELLIPSIS, same whitespace
    runner.run(test)
    assert runner.tries > 0
    assert runner.failures == 0, f"{page}: the example no longer prints what it shows"


# What each row of the profile format page's table of problems is shown for,
# written by hand; a row without an entry here fails.
TABLE_INPUTS: dict[str, str | bytes | None] = {
    "$: not UTF-8 text: byte 0xe9 at offset 78": (
        b'{"date_of_birth": "1990-05-01", "education": {"level": "secondary"}, "x": "caf\xe9"}'
    ),
    "$: not valid JSON: Expecting ',' delimiter at line 3, column 2": (
        '{"date_of_birth": "1990-05-01",\n "education": {"level": "secondary"}\n "x": 1}'
    ),
    "$: not valid JSON: the text is empty": " \n",
    "$.education.level: duplicate key": '{"education": {"level": "phd", "level": "masters"}}',
    "$.languages[0].listening: not valid JSON: NaN is not a JSON number": (
        '{"languages": [{"listening": NaN}]}'
    ),
    "$.settlement_funds: number too long (5,000 digits)": '{"settlement_funds": '
    + "9" * 5000
    + "}",
    "$: nested too deeply": "[" * 100_000 + "]" * 100_000,
    "$: must be a JSON object (got [])": "[]",
    "$: must be JSON text (a str, or UTF-8 bytes), not null (None) (got null)": None,
}


def test_table_of_problems() -> None:
    page = (ROOT / "docs" / "profile-format.md").read_text(encoding="utf-8")
    table = page.split("### Text that is not a profile", 1)[1].split("###", 1)[0]
    shown = re.findall(r"^\|[^|]*\| `(\$[^`]*)`", table, re.MULTILINE)
    assert shown == list(TABLE_INPUTS)
    for problem, text in TABLE_INPUTS.items():
        with pytest.raises(InvalidProfileError) as info:
            from_json(text, Candidate)  # type: ignore[arg-type]  # None: not text
        assert [str(p) for p in info.value.problems] == [problem]
