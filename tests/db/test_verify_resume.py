"""``verify --resume`` checks only the events since the last run and the rows they wrote.

Every ledgered table's row count is still compared, and a plain ``verify``
still compares every row: what ``--resume`` leaves to it is a row altered
without an event that no event since the resume point touched.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from sqlalchemy import Connection, Engine, text

from console.cli import main
from console.db.audit import verify_ledger, verify_resuming
from console.db.records import verify as records_verify
from console.db.records.image import TableImage
from console.db.services import Services
from console.db.telemetry.store import TelemetryStore
from tests.db.conftest import FakeClock
from tests.db.helpers import draft
from tests.db.test_telemetry_verify import fixes


def test_a_resumed_verify_agrees_with_a_full_one(
    engine: Engine, services: Services, clock: FakeClock
) -> None:
    services.take_call(draft())
    report, state = verify_resuming(engine, None)
    assert report.ok and state is not None
    noted = state.count

    services.take_call(draft())
    TelemetryStore(engine, clock=clock).write_batch(fixes(clock, [1, 2]))
    report, state = verify_resuming(engine, state)

    assert report.ok, report.problem
    assert state is not None and state.count == noted + 2
    assert (report.count, report.head_hash) == (
        verify_ledger(engine).count,
        verify_ledger(engine).head_hash,
    )


def test_a_resumed_verify_reads_only_the_rows_the_new_events_wrote(
    engine: Engine, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    for _ in range(20):
        services.take_call(draft())
    _, state = verify_resuming(engine, None)
    services.take_call(draft())
    read: Counter[str] = Counter()
    stored = records_verify._stored

    def counting(
        connection: Connection, found: TableImage, keys: list[object] | None = None
    ) -> Iterator[tuple[object, dict[str, object]]]:
        for row in stored(connection, found, keys):
            read[found.name] += 1
            yield row

    monkeypatch.setattr(records_verify, "_stored", counting)
    report, _ = verify_resuming(engine, state)
    assert report.ok, report.problem
    assert read["requests"] == 1, "the one request the new event wrote"
    assert verify_ledger(engine).ok
    assert read["requests"] == 1 + 21, "a full verify reads them all"


@pytest.mark.ledger_tampered
def test_a_row_a_new_event_wrote_then_altered_is_found_by_the_resumed_verify(
    engine: Engine, services: Services
) -> None:
    services.take_call(draft())
    _, state = verify_resuming(engine, None)
    assert state is not None
    row = services.take_call(draft())  # after the resume point
    with engine.begin() as connection:
        connection.execute(text("UPDATE requests SET plate = 'X' WHERE id = :id"), {"id": row.id})
    report, kept = verify_resuming(engine, state)
    assert not report.ok and kept is None
    assert f"requests id {row.id}: plate is X" in report.problem


@pytest.mark.ledger_tampered
def test_an_old_row_altered_is_left_to_the_full_verify_unless_a_new_event_touches_it(
    engine: Engine, services: Services
) -> None:
    old = services.take_call(draft())
    _, state = verify_resuming(engine, None)
    assert state is not None
    services.take_call(draft())
    with engine.begin() as connection:
        connection.execute(text("UPDATE requests SET plate = 'X' WHERE id = :id"), {"id": old.id})

    resumed, kept = verify_resuming(engine, state)
    full = verify_ledger(engine)

    assert resumed.ok and kept is not None, "no new event wrote that row"
    assert not full.ok and f"requests id {old.id}: plate is X" in full.problem
    services.cancel(old.id, "caller gone")  # a new event writes the row: now it is compared
    again, _ = verify_resuming(engine, kept)
    assert not again.ok and f"requests id {old.id}: plate is X" in again.problem


@pytest.mark.ledger_tampered
def test_a_row_removed_or_added_without_an_event_is_noticed_by_the_resumed_verify(
    engine: Engine, services: Services
) -> None:
    old = services.take_call(draft())
    _, state = verify_resuming(engine, None)
    assert state is not None
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM requests WHERE id = :id"), {"id": old.id})
    report, kept = verify_resuming(engine, state)
    assert not report.ok and kept is None
    assert "requests holds 0 rows, the ledger 1" in report.problem


@pytest.mark.ledger_tampered
def test_a_new_event_altered_after_the_resume_point_is_found(
    engine: Engine, services: Services
) -> None:
    services.take_call(draft())
    _, state = verify_resuming(engine, None)
    assert state is not None
    services.take_call(draft())
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE events SET actor = 'mallory' WHERE seq = :s"), {"s": state.count + 1}
        )
    report, _ = verify_resuming(engine, state)
    assert not report.ok and report.first_bad_seq == state.count + 1


@pytest.mark.ledger_tampered
def test_a_rewritten_resume_point_sends_you_to_a_full_verify(
    engine: Engine, services: Services
) -> None:
    services.take_call(draft())
    _, state = verify_resuming(engine, None)
    assert state is not None
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE events SET hash = :h WHERE seq = :s"), {"h": "f" * 64, "s": state.count}
        )
    report, _ = verify_resuming(engine, state)
    assert not report.ok
    assert "run a full verify" in report.problem


def test_verify_resume_on_the_command_line_keeps_its_place(
    engine: Engine,
    services: Services,
    db_url: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    services.take_call(draft())
    assert main(["verify", "--resume", "--db", db_url]) == 0
    first = capsys.readouterr().out
    assert "new events checked after event 0" in first
    services.take_call(draft())

    assert main(["verify", "--resume", "--db", db_url]) == 0
    second = capsys.readouterr().out

    assert "1 new events checked after event" in second
    assert main(["verify", "--db", db_url]) == 0
