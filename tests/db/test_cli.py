"""The command line: sub-commands work, and every mistake is one clear line and a non-zero exit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.cli import main
from console.db.engine import make_engine
from console.db.models import Depot, Event


def run(*argv: str) -> subprocess.CompletedProcess[str]:
    """Run ``python main.py ...`` as a user would."""
    root = Path(__file__).resolve().parents[2]
    return subprocess.run([sys.executable, str(root / "main.py"), *argv], capture_output=True,
                          text=True, timeout=300, check=False, cwd=root)  # fmt: skip


def assert_one_line_error(result: subprocess.CompletedProcess[str], fragment: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert fragment in lines[0], lines[0]


def test_help_lists_the_sub_commands() -> None:
    result = run("--help")
    assert result.returncode == 0
    for word in ("seed", "db", "verify", "--db"):
        assert word in result.stdout


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["--db", "mysql://x/y", "db", "current"], "is not supported"),
        (["--db", "not a url", "db", "current"], "is not valid"),
        (["--db", "sqlite://", "db", "current"], "give a file"),
        (
            ["--db", "postgresql+psycopg://nobody@127.0.0.1:1/none", "db", "current"],
            "Cannot open the database",
        ),
        (["--db", "sqlite:////proc/forbidden/a.db", "db", "current"], "Cannot open the database"),
        (["seed", "--requests", "many"], "'many' is not a whole number"),
        (["seed", "--requests", "-3"], "-3 is negative"),
        (["seed", "--seed", "1.5"], "not a whole number"),
        (["seed", "--at", "yesterday"], "ISO 8601"),
        (["seed", "--at", "2026-11-23T08:00:00"], "time zone"),
        (["--lang", "fr"], "invalid choice"),
        (["--config", "/nonexistent/c.toml", "db", "current"], "file not found"),
    ],
)
def test_mistakes_are_one_clear_line(argv: list[str], fragment: str, tmp_path: Path) -> None:
    if "--db" not in argv:
        argv = ["--db", f"sqlite:///{tmp_path / 'x.db'}", *argv]
    assert_one_line_error(run(*argv), fragment)


def test_seed_requests_above_the_limit_leave_the_database_unchanged(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'a.db'}"
    assert_one_line_error(run("--db", url, "seed", "--requests", "999999"), "--requests")
    assert not (tmp_path / "a.db").exists() or _depots(url) == 0


def _depots(url: str) -> int:
    with Session(make_engine(url)) as session:
        return session.scalar(select(func.count()).select_from(Depot)) or 0


def test_seed_refuses_a_seeded_database_without_replace(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'a.db'}"
    assert main(["--db", url, "seed", "--requests", "3"]) == 0
    with Session(make_engine(url)) as session:
        events = session.scalar(select(func.count()).select_from(Event))
    assert main(["--db", url, "seed", "--requests", "3"]) != 0
    assert "--replace" in capsys.readouterr().err
    with Session(make_engine(url)) as session:
        assert session.scalar(select(func.count()).select_from(Event)) == events
    assert main(["--db", url, "seed", "--requests", "3", "--replace"]) == 0


def test_db_upgrade_current_and_verify(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'new' / 'a.db'}"
    assert main(["--db", url, "db", "current"]) == 0
    assert "empty" in capsys.readouterr().out
    assert main(["--db", url, "db", "upgrade"]) == 0
    assert "(head)" in capsys.readouterr().out
    assert main(["--db", url, "seed", "--requests", "5"]) == 0
    assert main(["--db", url, "verify"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("seeded") and "\nok: " in out
