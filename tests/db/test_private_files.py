"""Spec: every file the console writes is readable only by its owner (POSIX modes).

The database, its -wal and -shm, backups, checkpoints, the data folder and the
logs are 0600 files in 0700 folders whatever the umask; a database left with
looser modes by an older console is tightened when it is opened, with a log line.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from console.config import data_dir
from console.db import schema
from console.db.engine import make_engine
from console.logs import configure_logging
from tests.db.test_records_cli import Db, cli
from tests.db.test_records_cli import db as live_db

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX-only")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Db]:
    """A database with a fleet and a few requests."""
    yield from live_db.__wrapped__(tmp_path)  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def desktop_umask() -> Iterator[None]:
    """The usual desktop umask (022): files would be 0644 unless the console says otherwise."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_a_new_database_and_its_wal_and_shm_are_0600_in_a_0700_folder(tmp_path: Path) -> None:
    path = tmp_path / "new" / "place" / "console.db"
    engine = make_engine(f"sqlite:///{path}")
    try:
        schema.ensure_schema(engine, auto_upgrade=True)
        with engine.connect() as connection:
            connection.execute(text("SELECT count(*) FROM events"))
            wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
            assert wal.exists() and shm.exists()
            assert {p.name: mode(p) for p in (path, wal, shm)} == {
                "console.db": 0o600, "console.db-wal": 0o600, "console.db-shm": 0o600,
            }  # fmt: skip
    finally:
        engine.dispose()
    assert mode(tmp_path / "new") == 0o700
    assert mode(path.parent) == 0o700


def test_an_existing_loose_database_is_tightened_at_start_with_one_log_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "console.db"
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("CREATE TABLE t (x)")
    connection.execute("INSERT INTO t VALUES (1)")
    wal = Path(f"{path}-wal")
    for loose in (path, wal, Path(f"{path}-shm")):
        loose.chmod(0o644)
    with caplog.at_level(logging.INFO, logger="console.db.engine"):
        engine = make_engine(f"sqlite:///{path}")
    connection.close()
    engine.dispose()
    assert mode(path) == 0o600
    lines = [r.getMessage() for r in caplog.records if r.name == "console.db.engine"]
    assert len(lines) == 1
    assert "console.db 0644 -> 0600" in lines[0]
    assert "console.db-wal 0644 -> 0600" in lines[0]


def test_a_folder_the_user_chose_for_the_database_keeps_its_mode(tmp_path: Path) -> None:
    tmp_path.chmod(0o755)
    make_engine(f"sqlite:///{tmp_path / 'console.db'}").dispose()
    assert mode(tmp_path) == 0o755


def test_backup_and_checkpoint_files_are_0600(
    db: Db, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy, note = tmp_path / "copy.db", tmp_path / "checkpoint.json"
    assert cli(capsys, "--db", db.url, "backup", "--out", str(copy))[0] == 0
    assert cli(capsys, "--db", db.url, "checkpoint", "--out", str(note))[0] == 0
    assert mode(copy) == 0o600
    assert mode(note) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["checkpoint.json", "copy.db", "live"]


def test_restore_into_a_new_file_makes_it_0600(
    db: Db, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "copy.db"
    assert cli(capsys, "--db", db.url, "backup", "--out", str(copy))[0] == 0
    target = tmp_path / "restored" / "console.db"
    assert cli(capsys, "--db", f"sqlite:///{target}", "restore", str(copy))[0] == 0
    assert mode(target) == 0o600


def test_the_data_folder_and_the_log_files_are_private(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir().mkdir(parents=True)
    data_dir().chmod(0o755)
    cli(capsys, "--db", f"sqlite:///{tmp_path / 'console.db'}", "verify")
    assert mode(data_dir()) == 0o700
    logs = data_dir() / "logs"
    assert mode(logs) == 0o700
    assert mode(logs / "console.log") == 0o600


def test_log_files_left_loose_are_tightened_and_rotated_files_stay_private(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "logs"
    folder.mkdir(mode=0o755)
    old = folder / "console.log.1"
    old.write_text("an older console's log\n")
    old.chmod(0o644)
    log_file = configure_logging(folder)
    assert log_file is not None
    try:
        logging.getLogger("console.test").warning("a caller's number")
        handler = next(h for h in logging.getLogger().handlers if getattr(h, "_roadside", False)
                       and hasattr(h, "doRollover"))  # fmt: skip
        handler.doRollover()  # type: ignore[attr-defined]
        logging.getLogger("console.test").warning("after rotation")
        assert {p.name: mode(p) for p in folder.iterdir()} == {
            "console.log": 0o600, "console.log.1": 0o600, "console.log.2": 0o600,
        }  # fmt: skip
        assert mode(folder) == 0o700
    finally:
        for handler in list(logging.getLogger().handlers):
            if getattr(handler, "_roadside", False):
                logging.getLogger().removeHandler(handler)
                handler.close()
