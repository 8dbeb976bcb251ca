"""The README documents every command, and every command has help text."""

from __future__ import annotations

from pathlib import Path

import typer.main

from factcheck.cli import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _commands() -> dict[str, object]:
    group = typer.main.get_command(app)
    return dict(getattr(group, "commands", {}))


def test_every_command_has_help() -> None:
    commands = _commands()
    assert commands, "the app registers no command"
    for name, command in commands.items():
        assert (getattr(command, "help", None) or "").strip(), f"{name} has no help text"


def test_every_command_is_in_the_readme() -> None:
    for name in _commands():
        assert f"factcheck {name}" in README, f"README does not mention `factcheck {name}`"


def test_readme_gives_the_two_setup_commands() -> None:
    assert "make demo" in README
    assert "make test" in README


def test_ci_runs_the_readme_test_command() -> None:
    ci = (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
