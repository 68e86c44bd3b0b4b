"""Restore cannot hurt: a backup is checked whole on a copy, then swapped in atomically.

A backup may carry SQL that runs on every later write (a trigger, a view) or a
broken ledger; either is refused before the live database is touched, and the
live file stays byte for byte as it was. A restore that goes through keeps the
replaced database beside the live one.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import text

from console.core.vocab import RequestStatus
from console.db import schema
from console.db.audit import verify_ledger
from console.db.backup.files import scratch_engine
from console.db.backup.schema_match import normalise_sql, reference, schema_difference
from console.db.engine import make_engine
from console.db.services import Services
from tests.db.conftest import FakeClock, install_fleet
from tests.db.helpers import as_written_before_row_changes, drive_to
from tests.db.test_records_cli import OK_LINE, Db, cli
from tests.support.fuzz import dump
from tests.support.principals import desk

KEPT = re.compile(r"console\.db\.before-restore-\d{8}T\d{6}Z")


@pytest.fixture
def live(tmp_path: Path) -> Iterator[Db]:
    """A database with a fleet and a few requests, closed as it is with no console running."""
    path = tmp_path / "live" / "console.db"
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    schema.ensure_schema(engine, auto_upgrade=True)
    install_fleet(engine)
    services = Services(engine, principal=desk("dispatcher:restore"), clock=FakeClock())
    for status in (RequestStatus.QUEUED, RequestStatus.ASSIGNED, RequestStatus.COMPLETED):
        drive_to(services, engine, status)
    engine.dispose()
    yield Db(url, path, engine, services)
    engine.dispose()


@pytest.fixture
def backup(live: Db, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A good backup of ``live``, taken before ``live`` gets one more request."""
    copy = tmp_path / "backup.db"
    assert cli(capsys, "--db", live.url, "backup", "--out", str(copy))[0] == 0
    drive_to(live.services, live.engine, RequestStatus.QUEUED)
    live.engine.dispose()
    return copy


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def edit(path: Path, *statements: str) -> None:
    """Run SQL on a backup file the way someone with a text editor for databases would."""
    with closing(sqlite3.connect(path)) as connection:
        for statement in statements:
            connection.execute(statement)
        connection.commit()


def others_beside(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p != path)


REWRITE_CALLERS = (
    "CREATE TRIGGER rewrite_caller AFTER INSERT ON requests BEGIN "
    "UPDATE requests SET caller_phone = '13900000000' WHERE id = NEW.id; END"
)


def test_a_backup_with_a_trigger_that_rewrites_caller_numbers_is_refused(
    backup: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(backup, REWRITE_CALLERS)
    target = tmp_path / "fresh" / "console.db"
    status, out, err = cli(capsys, "--db", f"sqlite:///{target}", "restore", str(backup))
    assert status == 2 and out == ""
    assert err.strip() == (
        f"error: Backup refused: {backup} has a trigger `rewrite_caller` "
        "that the console does not create."
    )
    assert not target.exists() and not list(target.parent.iterdir())


def test_restore_force_of_a_broken_ledger_refuses_before_touching_the_live_file(
    live: Db, backup: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(backup, "UPDATE events SET payload = replace(payload, 'QUEUED', 'CANCELLED')")
    before, rows = sha256(live.path), dump(live.engine)
    live.engine.dispose()
    status, out, err = cli(capsys, "--db", live.url, "restore", str(backup), "--force")
    assert status == 2 and out == ""
    assert re.fullmatch(
        rf"error: Backup refused: {re.escape(str(backup))} has a broken ledger at event \d+: .+\.",
        err.strip(),
    ), err
    assert sha256(live.path) == before and others_beside(live.path) == []
    assert dump(live.engine) == rows


def _changed_column(path: Path) -> None:
    sql = (
        sqlite3.connect(path)
        .execute("SELECT sql FROM sqlite_master WHERE name = 'requests'")
        .fetchone()[0]
    )
    assert "caller_phone VARCHAR(40) NOT NULL" in sql
    edit(
        path,
        "PRAGMA writable_schema = ON",
        "UPDATE sqlite_master SET sql = "
        + "replace(sql, 'caller_phone VARCHAR(40) NOT NULL', "
        + "'caller_phone VARCHAR(40) NOT NULL DEFAULT ''13900000000''') WHERE name = 'requests'",
    )


def _truncated(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])


REFUSALS: dict[str, tuple[Callable[[Path], None], str]] = {
    "extra trigger": (
        lambda p: edit(p, REWRITE_CALLERS),
        "has a trigger `rewrite_caller` that the console does not create",
    ),
    "extra view": (
        lambda p: edit(p, "CREATE VIEW callers AS SELECT caller_phone FROM requests"),
        "has a view `callers` that the console does not create",
    ),
    "extra index": (
        lambda p: edit(p, "CREATE INDEX ix_sneaky ON requests (caller_phone)"),
        "has an index `ix_sneaky` that the console does not create",
    ),
    "extra table": (
        lambda p: edit(p, "CREATE TABLE diary (entry TEXT)"),
        "has a table `diary` that the console does not create",
    ),
    "missing index": (
        lambda p: edit(p, "DROP INDEX ix_requests_revision"),
        "lacks the index `ix_requests_revision` that the console creates",
    ),
    "extra column": (
        lambda p: edit(p, "ALTER TABLE users ADD COLUMN note TEXT"),
        "has a column `users.note` that the console does not create",
    ),
    "changed column": (
        _changed_column,
        "has the column `requests.caller_phone` defined as VARCHAR(40) NOT NULL DEFAULT "
        "'13900000000', the console defines it as VARCHAR(40) NOT NULL",
    ),
    "broken ledger": (
        lambda p: edit(p, "UPDATE events SET actor = 'someone else' WHERE seq = 2"),
        "has a broken ledger at event 2",
    ),
    "not a database": (
        lambda p: p.write_text("id,name\n1,x\n", encoding="utf-8"),
        "is not an SQLite database",
    ),
    "truncated file": (_truncated, "is damaged"),
}


@pytest.mark.parametrize("case", list(REFUSALS))
def test_every_refusal_leaves_the_live_database_byte_for_byte_untouched(
    live: Db, backup: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    spoil, fragment = REFUSALS[case]
    spoil(backup)
    before = sha256(live.path)
    status, out, err = cli(capsys, "--db", live.url, "restore", str(backup), "--force")
    assert status != 0 and out == ""
    assert len(err.strip().splitlines()) == 1 and fragment in err, err
    assert sha256(live.path) == before
    assert others_beside(live.path) == [], "no copy, no working file, no -wal left behind"


def test_a_restore_keeps_the_replaced_database_beside_it_private_and_whole(
    live: Db, backup: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    replaced = dump(live.engine)
    live.engine.dispose()
    status, out, _ = cli(capsys, "--db", live.url, "restore", str(backup), "--force")
    assert status == 0 and OK_LINE.fullmatch(out.strip().splitlines()[-1])
    [kept] = others_beside(live.path)
    assert KEPT.fullmatch(kept) and f"kept as {live.path.parent / kept}" in out
    kept_path = live.path.parent / kept
    assert kept_path.stat().st_mode & 0o777 == 0o600
    assert live.path.stat().st_mode & 0o777 == 0o600
    old = make_engine(f"sqlite:///{kept_path}")
    restored = make_engine(f"sqlite:///{backup}")
    try:
        assert dump(old) == replaced
        assert dump(live.engine) == dump(restored) != replaced
        assert verify_ledger(live.engine).ok
    finally:
        old.dispose()
        restored.dispose()
        live.engine.dispose()


def test_a_database_a_console_has_open_is_not_replaced(
    live: Db, backup: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with live.engine.connect() as connection:
        connection.execute(text("SELECT 1"))
        before = sha256(live.path)
        status, _, err = cli(capsys, "--db", live.url, "restore", str(backup), "--force")
        assert status == 1 and "is open in a console or another program" in err
        assert sha256(live.path) == before
        mode = connection.execute(text("PRAGMA journal_mode")).scalar_one()
        assert mode == "wal", "the live file keeps its journal mode"
    assert not [name for name in others_beside(live.path) if "restore" in name]


def test_an_older_backup_is_upgraded_on_the_copy_and_left_as_it_was(
    backup: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    older = schema.known_revisions() - {schema.head_revision()}
    previous = max(older)
    engine = scratch_engine(backup)  # foreign keys off, as Alembic's table rebuilds need
    try:
        as_written_before_row_changes(engine)  # an older console's ledger
        schema.downgrade(engine, previous)
    finally:
        engine.dispose()
    before = sha256(backup)
    target = tmp_path / "fresh" / "console.db"
    status, out, err = cli(capsys, "--db", f"sqlite:///{target}", "restore", str(backup))
    assert status == 0, err
    assert OK_LINE.fullmatch(out.strip().splitlines()[-1])
    assert sha256(backup) == before
    restored = make_engine(f"sqlite:///{target}")
    try:
        assert schema.current_revision(restored) == schema.head_revision()
    finally:
        restored.dispose()


def test_a_restored_database_takes_new_calls_untouched(
    live: Db, backup: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(capsys, "--db", live.url, "restore", str(backup), "--force")[0] == 0
    engine = make_engine(live.url)  # the console started again on the restored file
    try:
        services = Services(engine, principal=desk("dispatcher:restore"), clock=FakeClock())
        request = drive_to(services, engine, RequestStatus.NEW, caller_phone="13812345678")
        with engine.connect() as connection:
            phone = connection.execute(
                text("SELECT caller_phone FROM requests WHERE id = :id"), {"id": request.id}
            ).scalar_one()
    finally:
        engine.dispose()
    assert phone == "13812345678"


def test_layout_quoting_and_constraint_order_do_not_count_but_literals_do() -> None:
    a = 'CREATE TABLE "t" (\n\tid INTEGER NOT NULL, CONSTRAINT pk PRIMARY KEY (id), UNIQUE (id))'
    b = "create table t (id integer not null, unique(id), constraint pk primary key(id))"
    assert normalise_sql(a) == normalise_sql(b)
    assert normalise_sql("CHECK (x IN ('A'))") != normalise_sql("CHECK (x IN ('a'))")
    assert normalise_sql("CREATE TABLE t (a INT, b INT)") != normalise_sql(
        "CREATE TABLE t (b INT, a INT)"
    )


def test_the_console_s_own_schema_matches_its_reference(live: Db) -> None:
    assert reference(schema.head_revision())
    assert schema_difference(live.path, schema.head_revision()) is None


def _crashed_with_a_log(live: Db) -> None:
    """Leave ``live`` as a console killed mid-shift does: a commit still only in its -wal."""
    crashed = live.path.with_name("crashed")
    crashed.mkdir()
    with closing(sqlite3.connect(live.path, isolation_level=None)) as connection:
        connection.execute("PRAGMA wal_autocheckpoint = 0")
        connection.execute("UPDATE depots SET phone = '0571-00000000' WHERE id = 1")
        for name in ("console.db", "console.db-wal", "console.db-shm"):
            shutil.copyfile(live.path.with_name(name), crashed / name)
    for name in ("console.db", "console.db-wal", "console.db-shm"):
        (crashed / name).replace(live.path.with_name(name))
    crashed.rmdir()
    assert live.path.with_name("console.db-wal").stat().st_size > 0


@pytest.mark.ledger_tampered
def test_a_crashed_console_s_log_stays_with_the_old_file_and_never_reaches_the_new_one(
    live: Db, backup: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _crashed_with_a_log(live)
    files = {p.name: sha256(p) for p in live.path.parent.iterdir()}
    spoiled = backup.with_name("spoiled.db")
    shutil.copyfile(backup, spoiled)
    edit(spoiled, REWRITE_CALLERS)
    assert cli(capsys, "--db", live.url, "restore", str(spoiled), "--force")[0] == 2
    assert {p.name: sha256(p) for p in live.path.parent.iterdir()} == files

    status, _, err = cli(capsys, "--db", live.url, "restore", str(backup))
    assert status == 1 and "--force" in err, "a log means data, even if the file looks empty"
    status, _, _ = cli(capsys, "--db", live.url, "restore", str(backup), "--force")
    assert status == 0
    [kept] = others_beside(live.path)
    with closing(sqlite3.connect(live.path.with_name(kept))) as connection:
        phone = connection.execute("SELECT phone FROM depots WHERE id = 1").fetchone()[0]
    assert phone == "0571-00000000", "the kept file holds what the log held"
    with closing(sqlite3.connect(live.path)) as connection:
        phone = connection.execute("SELECT phone FROM depots WHERE id = 1").fetchone()[0]
    assert phone != "0571-00000000"


def test_a_link_to_the_database_stays_a_link_to_the_restored_file(
    live: Db, backup: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "shortcut.db"
    link.symlink_to(live.path)
    status, _, err = cli(capsys, "--db", f"sqlite:///{link}", "restore", str(backup), "--force")
    assert status == 0, err
    assert link.is_symlink() and link.resolve() == live.path
    assert KEPT.fullmatch(others_beside(live.path)[0])
    assert sha256(live.path) != sha256(live.path.with_name(others_beside(live.path)[0]))
