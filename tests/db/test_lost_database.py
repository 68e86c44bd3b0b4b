"""A database that held data and went missing is never silently re-created with demo data.

Before, the next start after a deletion seeded a fresh demo database over the
loss. Now the command line refuses with one line (``--new-database`` creates it
on purpose) and the console start asks.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console import cli
from console.cli import main
from console.config import remembered_databases_file
from console.core.database_memory import DatabaseMemory
from console.core.errors import StorageError
from console.db.engine import make_engine
from console.db.models import Depot
from tests.db.test_cli import assert_one_line_error, run


def _depots(url: str) -> int:
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            return session.scalar(select(func.count()).select_from(Depot)) or 0
    finally:
        engine.dispose()


def _delete(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


@pytest.fixture
def lost(tmp_path: Path) -> tuple[Path, str]:
    """A database seeded (so remembered) and then deleted; its path and URL."""
    path = tmp_path / "console.db"
    url = f"sqlite:///{path}"
    assert main(["--db", url, "seed", "--requests", "2", "--history-days", "0"]) == 0
    assert DatabaseMemory(remembered_databases_file()).remembers(path)
    _delete(path)
    return path, url


def test_seed_refuses_a_lost_database_in_one_line_and_creates_nothing(
    lost: tuple[Path, str],
) -> None:
    path, url = lost
    result = run("--db", url, "seed", "--requests", "2")
    assert_one_line_error(result, "held data before")
    assert "--new-database" in result.stderr
    assert not path.exists()


def test_db_upgrade_refuses_a_lost_database(lost: tuple[Path, str]) -> None:
    path, url = lost
    result = run("--db", url, "db", "upgrade")
    assert_one_line_error(result, "held data before")
    assert not path.exists()


def test_new_database_creates_it_on_purpose(lost: tuple[Path, str]) -> None:
    _path, url = lost
    assert main(["--db", url, "seed", "--requests", "2", "--new-database"]) == 0
    assert _depots(url) > 0


def _console_start(
    monkeypatch: pytest.MonkeyPatch, answer: bool, asked: list[Path]
) -> Callable[..., int]:
    """Stand-ins for the start-up question and the window; the second runs ``prepare``."""

    def ask(path: Path, **_kwargs: Any) -> bool:
        asked.append(path)
        return answer

    def run_console(*_args: Any, prepare: Any, **_kwargs: Any) -> int:
        prepare(lambda _done, _total: None)
        return 0

    monkeypatch.setattr("console.ui.lost_database.ask_new_database", ask)
    monkeypatch.setattr("console.ui.app.run_console", run_console)
    return run_console


def test_the_console_start_asks_and_quitting_creates_nothing(
    lost: tuple[Path, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path, url = lost
    asked: list[Path] = []
    _console_start(monkeypatch, False, asked)
    capsys.readouterr()
    assert main(["--db", url, "--no-demo"]) != 0
    assert asked == [path]
    assert "held data before" in capsys.readouterr().err
    assert not path.exists()


def test_the_console_start_creates_a_new_database_when_asked_to(
    lost: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, url = lost
    asked: list[Path] = []
    _console_start(monkeypatch, True, asked)
    assert main(["--db", url, "--no-demo"]) == 0
    assert asked == [path]
    assert _depots(url) > 0


def test_a_first_start_is_not_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'first.db'}"
    asked: list[Path] = []
    _console_start(monkeypatch, False, asked)
    assert main(["--db", url, "--no-demo"]) == 0
    assert asked == []
    assert _depots(url) > 0
    assert DatabaseMemory(remembered_databases_file()).remembers(tmp_path / "first.db")


def test_opening_refuses_an_empty_file_in_the_place_of_a_lost_database(
    lost: tuple[Path, str],
) -> None:
    """The opening on the worker thread checks too: the file may appear after the question."""
    path, url = lost
    path.touch()
    args = argparse.Namespace(new_database=False, demo=False)
    database = cli._ConsoleDatabase(cli.load_settings(db_url=url), args, book=None)  # type: ignore[arg-type]
    with pytest.raises(StorageError) as refused:
        database.prepare(lambda _done, _total: None)
    assert refused.value.code == "db.file_lost"
    assert path.stat().st_size == 0
