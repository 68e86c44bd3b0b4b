"""Spec: opening the console loads only what the sign-in needs; the rest waits.

Each check runs in a fresh interpreter, as a real start does.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from console.cli import parse_console_start

HEAVY = (
    "sqlalchemy",
    "alembic",
    "argon2",
    "scipy",
    "folium",
    "qtawesome",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "console.db",
    "console.ui.main_window",
    "console.ui.map",
    "console.ui.dashboard",
)
"""Modules a console start must not load before the sign-in shows."""


def loaded_after(statement: str) -> list[str]:
    code = f"import sys\n{statement}\nprint(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    return done.stdout.split()


def test_the_command_line_and_the_sign_in_load_no_heavy_module() -> None:
    assert loaded_after("import console.cli, console.ui.app, console.ui.sign_in_dialog") == []


def test_a_plain_console_start_is_parsed_without_the_sub_commands() -> None:
    statement = (
        "from console.cli import parse_console_start\n"
        "assert parse_console_start(['--db', 'sqlite:///x.db', '--user', 'wang']) is not None"
    )
    assert loaded_after(statement) == []


def test_console_start_options_are_read_by_the_small_parser() -> None:
    args = parse_console_start(["--db", "sqlite:///x.db", "--lang", "zh", "--no-demo"])
    assert args is not None
    assert (args.command, args.db, args.lang, args.demo, args.user) == (
        None,
        "sqlite:///x.db",
        "zh",
        False,
        None,
    )


@pytest.mark.parametrize(
    "argv",
    [
        ["seed", "--requests", "3"],
        ["--db", "sqlite:///x.db", "verify"],
        ["--help"],
        ["--version"],
        ["--lang", "fr"],
        ["--db"],
    ],
)
def test_anything_more_than_a_console_start_goes_to_the_full_parser(argv: list[str]) -> None:
    assert parse_console_start(argv) is None
