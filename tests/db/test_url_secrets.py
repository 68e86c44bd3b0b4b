"""Spec: a password in the database URL is never shown or written, wherever the URL is.

PostgreSQL takes its password in the user part (``u:secret@host``) or in the
query string (``?password=secret``). Both are hidden in the status bar's and
the sign-in dialog's text, command-line output and errors, the log file and
checkpoint files. The test server trusts local connections, so a URL carrying
a password still opens it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from console.cli import main
from console.config import data_dir
from console.core.roles import Principal
from console.db import schema
from console.db.accounts import Accounts
from console.db.backend import DatabaseBackend
from console.db.engine import describe_url, make_engine
from console.logs import configure_logging
from tests.db.conftest import install_fleet
from tests.support.databases import postgres_schema_url, postgres_unavailable_reason

SECRET = "Tr0ub4dor-query-secret"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        (
            f"postgresql+psycopg://ops@db/console?password={SECRET}",
            "postgresql+psycopg://ops@db/console?password=***",
        ),
        (
            f"postgresql+psycopg://ops:{SECRET}@db:5432/console?sslmode=require",
            "postgresql+psycopg://ops:***@db:5432/console?sslmode=require",
        ),
        (
            f"postgresql+psycopg://db/console?user=ops&PASSWORD={SECRET}&sslpassword={SECRET}",
            "postgresql+psycopg://db/console?user=ops&PASSWORD=***&sslpassword=***",
        ),
        ("sqlite:////var/lib/roadside/console.db", "sqlite:////var/lib/roadside/console.db"),
    ],
)
def test_describe_url_hides_every_password(raw: str, shown: str) -> None:
    assert describe_url(raw) == shown
    assert SECRET not in describe_url(make_url(raw))


@pytest.fixture
def secret_url() -> Iterator[str]:
    """A PostgreSQL schema with a fleet, reached by a URL carrying a password in its query."""
    reason = postgres_unavailable_reason()
    if reason:
        pytest.skip(reason)
    with postgres_schema_url() as url:
        with_secret = f"{url}&password={SECRET}"
        engine = make_engine(with_secret)
        schema.ensure_schema(engine, auto_upgrade=True)
        install_fleet(engine)
        engine.dispose()
        yield with_secret


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    try:
        status = main(list(argv))
    except SystemExit as exc:
        status = int(exc.code or 0)
    out, err = capsys.readouterr()
    return status, out + err


def log_text() -> str:
    folder = data_dir() / "logs"
    return "".join(p.read_text(encoding="utf-8") for p in folder.glob("console.log*"))


@pytest.mark.postgres
def test_the_checkpoint_file_and_the_command_line_never_carry_the_password(
    secret_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    note = tmp_path / "checkpoint.json"
    status, shown = run_cli(capsys, "--db", secret_url, "checkpoint", "--out", str(note))
    assert status == 0, shown
    written = note.read_text(encoding="utf-8")
    assert "password=***" in written and SECRET not in written
    status, verified = run_cli(capsys, "--db", secret_url, "verify", "--checkpoint", str(note))
    assert status == 0, verified
    assert SECRET not in shown + verified
    assert SECRET not in log_text()


@pytest.mark.parametrize(
    "raw",
    [
        f"postgresql+psycopg://ops@db?password={SECRET}",
        f"postgresql+psycopg://ops:{SECRET}@db",
        f"mysql://ops@db/console?password={SECRET}",
        f"postgresql+psycopg://ops@db:notaport/console?password={SECRET}",
    ],
)
def test_a_bad_url_is_refused_without_repeating_its_password(
    raw: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, shown = run_cli(capsys, "--db", raw, "verify")
    assert status != 0
    assert shown.startswith("error: ") and "Traceback" not in shown
    assert SECRET not in shown
    assert SECRET not in log_text()


@pytest.mark.postgres
def test_the_status_bar_and_sign_in_texts_hide_the_password(secret_url: str) -> None:
    engine = make_engine(secret_url)
    try:
        principal = Principal.system("fixture")
        for where in (DatabaseBackend(engine, principal=principal).describe(),
                      Accounts(engine).describe()):  # fmt: skip
            assert "password=***" in where and SECRET not in where
    finally:
        engine.dispose()


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = configure_logging(tmp_path / "logs")
    assert path is not None
    yield path
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_roadside", False):
            root.removeHandler(handler)
            handler.close()


def test_the_log_file_hides_a_password_quoted_in_any_message(log_file: Path) -> None:
    logging.getLogger("console.db.changes").warning(
        "change listener lost its connection: %s",
        f'connection to "postgresql://ops:{SECRET}@db/console?password={SECRET}" failed',
    )
    text = log_file.read_text(encoding="utf-8")
    assert "change listener lost its connection" in text
    assert SECRET not in text
