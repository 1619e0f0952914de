"""Validation errors in French: every message catalogued, and worded as a person reads it.

Checked here: every message a validation problem is built with is a template of
the catalog (read from the code's syntax: no English string or f-string reaches
a problem unmarked, and no problem re-placed at another path loses its
template); a profile's real mistakes (a missing field, a date that does not
exist, hours out of range, a value of no enum, JSON that does not parse) worded
in French through the Python API and the command line, the French sentences
written by hand in IRCC's terms; and, for random bad profiles, a French error
with the same problems at the same paths as the English one, each message a
template of the catalog and holding no English phrase of it.

Kind: static property of the code; examples of user-facing behaviour; property
(fuzz) of the French rendering.
"""

from __future__ import annotations

import ast
import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po
from hypothesis import Phase, given, settings

import expressentry as ee
from expressentry.__main__ import main
from expressentry.errors import (
    MISSING,
    FieldProblem,
    InvalidInputError,
    InvalidProfileError,
    render_value,
)
from expressentry.i18n import Message, tr
from tests.test_fuzz_io import damaged_texts, fuzz, mutated_examples

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "expressentry"
CATALOG = PACKAGE / "locale" / "fr" / "LC_MESSAGES" / "expressentry.po"
EXAMPLE: dict[str, Any] = ee.to_dict(ee.example_profile())

# -- every message a problem is built with is a template of the catalog ---------------

_MESSAGE_ARGUMENT = {"FieldProblem": 2, "require": 3, "_BadValueError": 1, "_Flagged": 0}
"""The calls that take a problem's message, and the position of the message."""

_MARKERS = {"tr", "N_"}

NOT_YET = {
    "draws/feed.py",
    "draws/replays.py",
}
"""Modules whose problems are still worded in English only (relative to the package).

A module leaves this set once its every message is a template; the test below
fails if one listed has none left, so the set only shrinks.
"""


def _called(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def _is_text(node: ast.expr) -> bool:
    """English text as written: a string, an f-string, or one built with ``+`` or ``%``."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _is_text(node.left) or _is_text(node.right)
    if isinstance(node, ast.IfExp):
        return _is_text(node.body) or _is_text(node.orelse)
    return False


def _own(scope: ast.AST) -> list[ast.AST]:
    """The nodes of ``scope``, those of the functions defined inside it left out."""
    out: list[ast.AST] = []
    stack = list(ast.iter_child_nodes(scope))
    while stack:
        node = stack.pop()
        out.append(node)
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            stack.extend(ast.iter_child_nodes(node))
    return out


def _text_names(scope: ast.AST) -> set[str]:
    """The names ``scope`` binds to English text (``message = "..."``)."""
    return {
        target.id
        for node in _own(scope)
        if isinstance(node, ast.Assign | ast.AugAssign)
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name) and _is_text(node.value)
    }


def _unmarked(tree: ast.Module) -> list[str]:
    """Each problem's message in ``tree`` that is English text, not a template."""
    found: list[str] = []
    functions = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
    top = _text_names(
        ast.Module(body=[s for s in tree.body if isinstance(s, ast.Assign)], type_ignores=[])
    )
    for scope in [ast.Module(body=tree.body, type_ignores=[]), *functions]:
        texts = top | _text_names(scope)  # names bound to English text
        for node in _own(scope):
            if not isinstance(node, ast.Call):
                continue
            name = _called(node)
            if name not in _MESSAGE_ARGUMENT or len(node.args) <= _MESSAGE_ARGUMENT[name]:
                continue
            if name == "require" and not isinstance(node.func, ast.Attribute):
                continue
            message = node.args[_MESSAGE_ARGUMENT[name]]
            where = f"line {node.lineno}: {ast.unparse(message)[:80]}"
            if _is_text(message) or (isinstance(message, ast.Name) and message.id in texts):
                found.append(where)
            elif (
                isinstance(message, ast.Attribute)
                and message.attr == "message"
                and len(node.args) == _MESSAGE_ARGUMENT[name] + 1  # no template given
                and not node.keywords
            ):
                found.append(f"{where} (re-placed without its template: use .at(path))")
    return sorted(set(found))


def _modules() -> dict[str, list[str]]:
    return {
        path.relative_to(PACKAGE).as_posix(): _unmarked(ast.parse(path.read_text("utf-8")))
        for path in sorted(PACKAGE.rglob("*.py"))
    }


def test_every_problem_s_message_is_a_template() -> None:
    found = _modules()
    assert set(NOT_YET) <= set(found)
    unmarked = {module: lines for module, lines in found.items() if lines}
    assert {m: lines for m, lines in unmarked.items() if m not in NOT_YET} == {}
    assert sorted(m for m in NOT_YET if not unmarked.get(m)) == []  # done: leave NOT_YET


def test_the_check_of_the_code_finds_what_it_looks_for() -> None:
    code = """
def f(c, out, p, n):
    out.append(FieldProblem("x", 1, f"must be {n}"))
    message = "must be 2"
    out.append(FieldProblem("x", 1, message))
    c.require(False, "x", 1, "must be 3")
    out.append(FieldProblem("y", 1, p.message))
    out.append(FieldProblem("x", 1, tr("must be {n}", n=n)))
    c.require(n > 0, "x", n, N_("must be more than 0"))
    out.append(p.at("y"))
"""
    assert [line.split(":")[0] for line in _unmarked(ast.parse(code))] == [
        "line 3",
        "line 5",
        "line 6",
        "line 7",
    ]


def _catalog() -> Catalog:
    with CATALOG.open("rb") as po:
        return read_po(po, locale="fr")


CATALOGUED = {str(m.id): str(m.string) for m in _catalog() if m.id}


def _templates(message: Message) -> list[str]:
    """The template of ``message`` and those of the messages among its parameters."""
    found = [message.msgid]
    for _, value in message.params:
        if isinstance(value, Message):
            found.extend(_templates(value))
    return found


def _uncatalogued(problem: FieldProblem) -> list[str]:
    if problem.template is None:
        return [] if problem.message in CATALOGUED else [problem.message]
    return [t for t in _templates(problem.template) if t not in CATALOGUED]


# -- a profile's mistakes, worded in French ---------------------------------------


def _refusal(data: object) -> InvalidProfileError:
    with pytest.raises(InvalidProfileError) as caught:
        ee.from_dict(data, ee.Candidate)
    return caught.value


def _changed(**fields: object) -> dict[str, Any]:
    data = copy.deepcopy(EXAMPLE)
    data.update(fields)
    return data


def test_a_missing_field_in_french() -> None:
    data = copy.deepcopy(EXAMPLE)
    del data["education"]
    assert _refusal(data).explain(lang="fr") == (
        "données invalides pour Candidate :\n  $.education : champ obligatoire manquant"
    )


def test_a_date_that_does_not_exist_in_french() -> None:
    error = _refusal(_changed(date_of_birth="1990-02-30"))
    assert error.explain("fr") == (
        "données invalides pour Candidate :\n"
        "  $.date_of_birth : doit être une date réelle écrite AAAA-MM-JJ "
        '(valeur reçue : "1990-02-30")'
    )
    assert str(error) == (
        "invalid Candidate:\n"
        '  $.date_of_birth: must be a real date written YYYY-MM-DD (got "1990-02-30")'
    )


def test_hours_out_of_range_in_french() -> None:
    data = copy.deepcopy(EXAMPLE)
    data["work_history"][0]["hours_per_week"] = 200
    [problem] = _refusal(data).problems
    assert problem.render("fr") == (
        "$.work_history[0].hours_per_week : doit être supérieur à 0 et d’au plus 168 "
        "(les heures d’une semaine) (valeur reçue : 200)"
    )
    assert problem.message == "must be more than 0 and at most 168 (the hours in a week)"


def test_a_value_of_no_enum_in_french() -> None:
    [problem] = _refusal(_changed(marital_status="widow")).problems
    # The values are those docs/profile-format.md lists, as JSON writes them.
    assert problem.render("fr") == (
        '$.marital_status : doit être l’une des valeurs "never_married", "married", '
        '"common_law", "legally_separated", "divorced", "widowed", "annulled" '
        '(valeur reçue : "widow")'
    )


@pytest.mark.parametrize(
    ("text", "french"),
    [
        ('{"a": 1,}', "nom de propriété entre guillemets doubles attendu à la colonne 9"),
        ('{"a" 1}', "séparateur « : » attendu à la colonne 6"),
        ("[1, 2", "séparateur « , » attendu à la colonne 6"),
        ('{"a": 1}\n{}', "données en trop à la ligne 2, colonne 1"),
        ('{"a": "x', "chaîne non terminée commençant à la colonne 7"),
    ],
)
def test_json_that_does_not_parse_in_french(text: str, french: str) -> None:
    with pytest.raises(InvalidProfileError) as caught:
        ee.from_json(text, ee.Candidate)
    assert caught.value.explain("fr") == (
        f"données invalides pour Candidate :\n  $ : JSON non valide : {french}"
    )


def test_english_is_the_error_s_own_text() -> None:
    error = _refusal(_changed(date_of_birth=19900101, marital_status=None, children=-1))
    assert error.explain() == error.explain("en") == str(error)
    assert [p.render() for p in error.problems] == [str(p) for p in error.problems]


def test_more_than_twenty_problems_in_french() -> None:
    problems = [FieldProblem(f"$.x[{i}]", i, tr("must be 0 or more")) for i in range(1_025)]
    lines = InvalidInputError("Pool", problems).explain("fr").splitlines()
    assert lines[0] == "données invalides pour Pool :"
    assert lines[1] == "  $.x[0] : doit être 0 ou plus (valeur reçue : 0)"
    assert lines[-1] == "  ... et 1\u00a0005 de plus"
    assert len(lines) == 22


def test_a_problem_re_placed_keeps_its_template() -> None:
    problem = FieldProblem("hours", 0, tr("must be 0 or more"))
    moved = problem.at("$.hours")
    assert moved == FieldProblem("$.hours", 0, "must be 0 or more")
    assert moved.render("fr") == "$.hours : doit être 0 ou plus (valeur reçue : 0)"


def test_a_plain_string_message_is_looked_up_in_the_catalog() -> None:
    assert FieldProblem("$.x", MISSING, "unknown key").render("fr") == "$.x : clé inconnue"
    # One the catalog does not hold stays English: the test above keeps them out.
    assert FieldProblem("$.x", MISSING, "no such words").render("fr") == "$.x : no such words"


@pytest.mark.parametrize("words", [None, 5, b"x", ["must be 2"]])
def test_a_problem_s_words_are_text_or_a_message(words: object) -> None:
    with pytest.raises(InvalidInputError) as caught:
        FieldProblem("x", 1, words)  # type: ignore[arg-type]
    assert caught.value.problems[0].path == "message"


@pytest.mark.parametrize("lang", ["de", None, "FR"])
def test_a_language_there_is_not(lang: object) -> None:
    error = _refusal(_changed(date_of_birth="1990-02-30"))
    with pytest.raises(InvalidInputError) as caught:
        error.explain(lang)  # type: ignore[arg-type]
    assert caught.value.problems[0].path == "lang"


# -- the command line ----------------------------------------------------------------


def _run(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def test_the_command_line_s_errors_in_french(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _changed(date_of_birth="1990-02-30")
    data["work_history"][0]["hours_per_week"] = 200
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    expected = (
        "expressentry: données invalides pour profil :\n"
        "  $.date_of_birth : doit être une date réelle écrite AAAA-MM-JJ "
        '(valeur reçue : "1990-02-30")\n'
        "  $.work_history[0].hours_per_week : doit être supérieur à 0 et d’au plus 168 "
        "(les heures d’une semaine) (valeur reçue : 200)\n"
    )
    for argv in (["score", str(bad), "--lang", "fr"], ["--lang", "fr", "eligibility", str(bad)]):
        assert _run(capsys, argv) == (2, "", expected)
    status, _, english = _run(capsys, ["score", str(bad)])
    assert status == 2
    assert english.startswith("expressentry: invalid profile:\n  $.date_of_birth: must be")


def test_the_command_line_s_json_error_in_french(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"date_of_birth": "1990-01-01",}', encoding="utf-8")
    assert _run(capsys, ["plan", str(bad), "--lang", "fr"]) == (
        2,
        "",
        "expressentry: données invalides pour profil :\n"
        "  $ : JSON non valide : nom de propriété entre guillemets doubles attendu "
        "à la colonne 32\n",
    )


def test_a_pool_s_bad_lines_in_french(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pool = tmp_path / "pool.jsonl"
    good = json.dumps(EXAMPLE)
    pool.write_text(f'{good}\n{{"date_of_birth": "1990-02-30"}}\n', encoding="utf-8")
    status, out, err = _run(capsys, ["score", str(pool), "--as-of", "2026-11-22", "--lang", "fr"])
    assert status == 2
    assert len(out.splitlines()) == 1
    assert err.splitlines()[:2] == [
        "expressentry: pool.jsonl ligne 2 : $.date_of_birth : doit être une date réelle "
        'écrite AAAA-MM-JJ (valeur reçue : "1990-02-30")',
        "expressentry: pool.jsonl ligne 2 : $.education : champ obligatoire manquant",
    ]


def test_the_result_in_french_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps(EXAMPLE), encoding="utf-8")
    status, out, _ = _run(capsys, ["score", str(good), "--as-of", "2026-11-22", "--lang", "fr"])
    assert status == 0
    # The first line of the breakdown, as docs/translations.md shows it.
    assert out.splitlines()[0] == "Score SCG au 2026-11-22 (règles en vigueur depuis le 2025-03-25)"


# -- random bad profiles ---------------------------------------------------------------


def _english_phrases() -> list[str]:
    """The fixed words (two or more) of the catalog's English templates that French changes."""
    found: set[str] = set()
    for english, french in CATALOGUED.items():
        if english == french:
            continue
        for piece in re.split(r"\{[^}]*\}|%\(\w+\)s|<[^>]*>", english):
            words = re.findall(r"[A-Za-z']+", piece)
            if len(words) >= 2:
                found.add(" ".join(words))
    return sorted(found)


PHRASES = _english_phrases()
_QUICK = settings(fuzz(200), phases=[Phase.explicit, Phase.generate])  # a failure: shown unshrunk


def _words(text: str) -> str:
    """The words of ``text``, codes left out: a quoted value, a name with ``_`` or ``.``."""
    return " ".join(re.findall(r"[A-Za-z']+", re.sub(r'"[^"]*"|\S*[_.]\S*', " ", text)))


def _check_french(error: InvalidInputError) -> None:
    english, french = str(error).splitlines(), error.explain("fr").splitlines()
    assert len(french) == len(english)
    for problem, line in zip(error.problems, french[1:], strict=False):
        if line.startswith("  ... "):
            break
        assert line.startswith(f"  {problem.path} : "), line
        assert _uncatalogued(problem) == []
        said = problem.render("fr")
        assert said.startswith(f"{problem.path} : ")
        said = said.removeprefix(f"{problem.path} : ")
        if problem.value is not MISSING:  # the value as the user wrote it: left out
            got = f" (valeur reçue : {render_value(problem.value)})"
            assert said.endswith(got)
            said = said.removesuffix(got)
        words = _words(said)
        leaked = [p for p in PHRASES if p in words and re.search(rf"\b{re.escape(p)}\b", words)]
        assert leaked == [], line


def test_the_phrases_looked_for_hold_the_validation_messages() -> None:
    assert {"required field missing", "must be a real date written YYYY MM DD"} <= set(PHRASES)


@_QUICK
@given(mutated_examples())
def test_a_mutated_profile_s_errors_in_french(data: Any) -> None:
    try:
        ee.from_dict(data, ee.Candidate)
    except InvalidProfileError as error:
        _check_french(error)


@_QUICK
@given(damaged_texts())
def test_a_damaged_profile_s_errors_in_french(text: str | bytes) -> None:
    try:
        ee.from_json(text, ee.Candidate)
    except InvalidProfileError as error:
        _check_french(error)
