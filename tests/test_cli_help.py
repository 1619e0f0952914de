"""Every command's ``--help``: a description, examples that parse, each option's default.

Kind: properties of the parser object itself, walked command by command (never a
hand-kept list of commands), so a command or option added later is checked too.
"""

from __future__ import annotations

import argparse
import shlex

import pytest

from expressentry.__main__ import _parser

_NO_DEFAULT_TO_SAY = (
    argparse._HelpAction,
    argparse._VersionAction,
    argparse._StoreTrueAction,
    argparse._StoreFalseAction,
)


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = _parser()
    found = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert len(found) == 1
    commands: dict[str, argparse.ArgumentParser] = found[0].choices
    return commands


COMMANDS = sorted(_commands())


def test_the_walk_finds_the_commands() -> None:
    # A few commands the README shows, so the walk cannot pass by finding none.
    assert {"score", "eligibility", "rounds", "simulate", "report"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_each_command_has_a_description_and_examples(name: str) -> None:
    command = _commands()[name]
    assert command.description
    assert len(command.description) > 40
    assert command.epilog is not None
    examples = [
        line.strip() for line in command.epilog.splitlines() if line.strip().startswith("expr")
    ]
    assert examples
    help_text = command.format_help()
    for example in examples:
        assert example in help_text  # kept on its own line, not rewrapped


@pytest.mark.parametrize("name", COMMANDS)
def test_each_example_is_a_command_the_parser_takes(name: str) -> None:
    epilog = _commands()[name].epilog or ""
    for line in epilog.splitlines():
        words = shlex.split(line.strip())
        if not words or words[0] != "expressentry":
            continue
        if ">" in words:  # the shell's redirection, not the command's
            words = words[: words.index(">")]
        args = _parser().parse_args(words[1:])
        assert args.command == name


@pytest.mark.parametrize("name", COMMANDS)
def test_each_option_says_its_default_and_choices(name: str) -> None:
    command = _commands()[name]
    # One of a required group (a profile or --example) is given: none has a default.
    either = {
        id(a) for g in command._mutually_exclusive_groups if g.required for a in g._group_actions
    }
    for action in command._actions:
        if isinstance(action, _NO_DEFAULT_TO_SAY):
            continue
        where = f"{name} {'/'.join(action.option_strings) or action.dest}"
        assert action.help, where
        has_default = action.option_strings or action.nargs in ("?", "*")
        if has_default and not action.required and id(action) not in either:
            assert "(default: " in action.help, where
            assert action.help.rstrip().endswith(")"), where
        if action.choices is not None and action.metavar is not None:
            # argparse shows {a,b} itself without a metavar; with one, the help must.
            for choice in action.choices:
                assert str(choice) in action.help, f"{where}: {choice}"


def test_a_default_the_parser_holds_is_the_one_the_help_says() -> None:
    # Hand-read from the help: the commands' defaults people rely on most.
    commands = _commands()
    said = {
        ("plan", "--top"): "10",
        ("plan", "--horizon"): "12",
        ("timeline", "--months"): "24",
        ("score", "--workers"): "1",
        ("simulate", "--type"): "general",
        ("rounds", "--format"): "text",
    }
    for (name, option), default in said.items():
        action = next(a for a in commands[name]._actions if option in a.option_strings)
        assert str(action.default) == default
        assert f"(default: {default})" in (action.help or "")


def test_the_help_fits_a_narrow_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    for name, command in _commands().items():
        for line in command.format_help().splitlines():
            assert len(line) <= 80, f"{name}: {line}"
