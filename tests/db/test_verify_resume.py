"""``verify --resume`` checks only the events since the last run, and still every row."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text

from console.cli import main
from console.db.audit import verify_ledger, verify_resuming
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


@pytest.mark.ledger_tampered
def test_a_resumed_verify_still_compares_every_row(engine: Engine, services: Services) -> None:
    row = services.take_call(draft())
    _, state = verify_resuming(engine, None)
    with engine.begin() as connection:
        connection.execute(text("UPDATE requests SET plate = 'X' WHERE id = :id"), {"id": row.id})
    report, kept = verify_resuming(engine, state)
    assert not report.ok and kept is None
    assert f"requests id {row.id}: plate" in report.problem


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
