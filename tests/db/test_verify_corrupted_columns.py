"""Spec: ``verify`` on a ledger column no longer readable names the event, never a traceback.

SQLite stores any value in any column: an event time edited into "garbage" or a
revision into text used to stop ``verify`` with "unexpected ValueError". Such an
event is an altered event, and the report says which.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from console.core.vocab import RequestStatus
from console.db import schema
from console.db.audit import verify_ledger
from console.db.engine import make_engine
from console.db.queries import DatabaseReader
from console.db.services import Services
from tests.db.conftest import FakeClock, install_fleet
from tests.db.helpers import drive_to
from tests.db.test_cli import assert_one_line_error, run
from tests.support.principals import desk


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[tuple[Path, Engine]]:
    path = tmp_path / "console.db"
    engine = make_engine(f"sqlite:///{path}")
    schema.ensure_schema(engine, auto_upgrade=True)
    install_fleet(engine)
    services = Services(engine, principal=desk("dispatcher:verify"), clock=FakeClock())
    drive_to(services, engine, RequestStatus.COMPLETED)
    yield path, engine
    engine.dispose()


def corrupt(path: Path, sql: str) -> None:
    with sqlite3.connect(path) as connection:
        assert connection.execute(sql).rowcount == 1


@pytest.mark.ledger_tampered
@pytest.mark.parametrize(
    "column_value",
    ["at = 'garbage'", "at = 12", "at = x'00ff'", "revision = 'abc'", "crew_id = 'x'"],
)
def test_an_unreadable_column_names_its_event(
    ledger: tuple[Path, Engine], column_value: str
) -> None:
    path, engine = ledger
    assert verify_ledger(engine).ok
    corrupt(path, f"update events set {column_value} where seq = 3")
    report = verify_ledger(engine)
    assert not report.ok
    assert report.first_bad_seq == 3
    assert report.problem == "event 3 was altered (its hash does not match)"


@pytest.mark.ledger_tampered
def test_the_verify_command_says_so_in_one_line(ledger: tuple[Path, Engine]) -> None:
    path, engine = ledger
    corrupt(path, "update events set at = 'garbage' where seq = 2")
    engine.dispose()
    result = run("--db", f"sqlite:///{path}", "verify")
    assert "unexpected" not in result.stderr + result.stdout
    assert result.returncode != 0
    assert "event 2" in result.stdout + result.stderr
    if result.stderr.strip():
        assert_one_line_error(result, "event 2")


@pytest.mark.ledger_tampered
def test_a_payload_nested_too_deep_shows_as_empty_in_the_history(
    ledger: tuple[Path, Engine],
) -> None:
    path, engine = ledger
    reader = DatabaseReader(engine, desk("dispatcher:history"))
    entries = reader.timeline(1)
    assert entries and entries[0].payload
    seq = entries[0].seq
    corrupt(path, f"update events set payload = '{'[' * 100_000}{']' * 100_000}' where seq = {seq}")
    again = reader.timeline(1)
    assert [entry.seq for entry in again] == [entry.seq for entry in entries]
    assert again[0].payload == {}
    assert verify_ledger(engine).first_bad_seq == seq
