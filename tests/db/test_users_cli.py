"""Spec: ``python main.py users ...`` manages accounts; every mistake is one line and changes nothing."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select
from sqlalchemy.orm import Session

from console.db.engine import make_engine
from console.db.models import Event, User
from tests.db.test_cli import assert_one_line_error

ROOT = Path(__file__).resolve().parents[2]
SECRET = "Night-Shift-2026"


def run(db: str, *argv: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """``python main.py users ... --db URL`` as an administrator would type it."""
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "users", *argv, "--db", db],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=ROOT,
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """An SQLite file with the demo accounts."""
    url = f"sqlite:///{tmp_path_factory.mktemp('users') / 'console.db'}"
    seeded = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "seed", "--requests", "0", "--db", url],
        capture_output=True, text=True, timeout=300, check=True, cwd=ROOT,
    )  # fmt: skip
    assert "3 demo users" in seeded.stdout
    return url


def run_inline(
    db: str,
    argv: list[str],
    stdin: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> subprocess.CompletedProcess[str]:
    """The same command run in this process (quicker), with its exit status and output."""
    from console.cli import main

    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    try:
        code = main(["users", *argv, "--db", db])
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return subprocess.CompletedProcess(argv, code, out, err)


def stored(db: str, username: str) -> User | None:
    with Session(make_engine(db)) as session:
        return session.scalar(select(User).where(User.username == username))


def test_add_list_reset_disable_enable(db: str) -> None:
    added = run(db, "add", "zhang.wei", "--role", "supervisor", "--name", "张伟", "--password-stdin",
                stdin=SECRET + "\n")  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip() == "added zhang.wei (supervisor)"
    user = stored(db, "zhang.wei")
    assert user is not None and user.role == "SUPERVISOR" and not user.is_demo
    assert user.password_hash.startswith("$argon2id$")
    assert PasswordHasher().verify(user.password_hash, SECRET)

    listing = run(db, "list").stdout.splitlines()
    assert any(line.split()[:2] == ["zhang.wei", "supervisor"] for line in listing)
    assert any(line.startswith("dispatcher") and line.endswith("[demo]") for line in listing)

    assert (
        run(
            db, "reset-password", "zhang.wei", "--password-stdin", stdin="Day-Shift-2027\n"
        ).returncode
        == 0
    )
    user = stored(db, "zhang.wei")
    assert user is not None and PasswordHasher().verify(user.password_hash, "Day-Shift-2027")

    assert run(db, "disable", "zhang.wei").stdout.strip() == "disabled zhang.wei"
    assert stored(db, "zhang.wei").disabled  # type: ignore[union-attr]
    assert "[disabled]" in next(x for x in run(db, "list").stdout.splitlines() if "zhang.wei" in x)
    assert run(db, "enable", "zhang.wei").returncode == 0
    assert not stored(db, "zhang.wei").disabled  # type: ignore[union-attr]

    with Session(make_engine(db)) as session:
        kinds = session.scalars(
            select(Event.kind).where(Event.kind.like("user.%")).order_by(Event.seq)
        ).all()
        actors = set(session.scalars(select(Event.actor).where(Event.kind.like("user.%"))))
    assert kinds == ["user.added", "user.password_reset", "user.disabled", "user.enabled"]
    assert all(actor.startswith("cli") for actor in actors)


@pytest.mark.parametrize(
    ("argv", "stdin", "fragment"),
    [
        (["add", "li", "--role", "dispatcher", "--password-stdin"], "short\n", "8 to 128 characters"),
        (["add", "li.na.ops", "--role", "dispatcher", "--password-stdin"], "Li.Na.Ops\n", "must not be the user name"),
        (["add", "Li Na", "--role", "dispatcher", "--password-stdin"], SECRET + "\n", "is not valid"),
        (["add", "dispatcher", "--role", "dispatcher", "--password-stdin"], SECRET + "\n", "already a user"),
        (["add", "li", "--role", "boss", "--password-stdin"], SECRET + "\n", "invalid choice"),
        (["add", "li", "--password-stdin"], SECRET + "\n", "--role"),
        (["reset-password", "ghost", "--password-stdin"], SECRET + "\n", "There is no user ghost"),
        (["disable", "ghost"], "", "There is no user ghost"),
        (["rename", "x"], "", "invalid choice"),
    ],
)  # fmt: skip
def test_mistakes_are_one_line_and_change_nothing(  # noqa: PLR0917
    db: str,
    argv: list[str],
    stdin: str,
    fragment: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with Session(make_engine(db)) as session:
        before = session.execute(select(User.username, User.password_hash, User.disabled)).all()
    result = run_inline(db, argv, stdin, monkeypatch, capsys)
    assert_one_line_error(result, fragment)
    assert stdin.strip() == "" or stdin.strip() not in result.stderr
    with Session(make_engine(db)) as session:
        assert (
            session.execute(select(User.username, User.password_hash, User.disabled)).all()
            == before
        )


def test_passwords_typed_twice_must_match(
    db: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from console import cli_users
    from console.cli import main

    answers = iter([SECRET, SECRET + "x"])
    monkeypatch.setattr(cli_users.getpass, "getpass", lambda prompt="": next(answers))
    assert main(["users", "add", "qian", "--role", "dispatcher", "--db", db]) != 0
    assert capsys.readouterr().err.strip() == "error: The two passwords are not the same."
    assert stored(db, "qian") is None
