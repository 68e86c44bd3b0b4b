"""``verify`` checks the trail: each batch's stored fixes against its ledger event, and pruning."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import Engine, func, insert, select, text

from console.core.field.fix import Fix, FixSource, Verdict
from console.db.audit import verify_ledger
from console.db.models import Event, PositionFix
from console.db.telemetry.retention import prune_trail
from console.db.telemetry.store import TelemetryStore
from tests.db.conftest import FakeClock


def fixes(clock: FakeClock, crews: list[int], step: int = 0) -> list[Fix]:
    return [
        Fix(
            device_id=crew * 10,
            crew_id=crew,
            at=clock.now - timedelta(seconds=30 - step),
            lat=30.25 + crew / 100 + step / 10_000,
            lon=120.16 + step / 10_000,
            source=FixSource.OSMAND,
            speed_kmh=30.0 + crew,
        )
        for crew in crews
    ]


@pytest.fixture
def trail(engine: Engine, clock: FakeClock, fleet: list[int]) -> list[int]:
    """Three batches of fixes; returns their event seqs."""
    store = TelemetryStore(engine, clock=clock)
    seqs = []
    for step in range(3):
        assert set(store.write_batch(fixes(clock, [1, 2, 3], step))) == {Verdict.ACCEPTED}
        with engine.connect() as connection:
            seqs.append(connection.scalar(select(func.max(Event.seq))))
        clock.advance(minutes=1)
    return seqs


def problems(engine: Engine) -> str:
    report = verify_ledger(engine)
    assert not report.ok
    return "\n".join(report.differences)


def tamper(engine: Engine, statement: str) -> None:
    with engine.begin() as connection:
        connection.execute(text(statement))


def test_verify_passes_after_batches(engine: Engine, trail: list[int]) -> None:
    report = verify_ledger(engine)
    assert report.ok, report.problem


@pytest.mark.ledger_tampered
@pytest.mark.parametrize(
    "change",
    [
        "UPDATE position_fixes SET lat = lat + 0.001 WHERE id = {id}",
        "UPDATE position_fixes SET at = at - INTERVAL '1 second' WHERE id = {id}",
        "UPDATE position_fixes SET device_id = 999 WHERE id = {id}",
        "UPDATE position_fixes SET speed_kmh = 99 WHERE id = {id}",
        "DELETE FROM position_fixes WHERE id = {id}",
    ],
    ids=["lat", "time", "device", "speed", "deleted"],
)
def test_altering_one_stored_fix_is_named_by_batch_and_crew(
    engine: Engine, trail: list[int], change: str
) -> None:
    with engine.connect() as connection:
        target = connection.execute(
            select(PositionFix.id).where(
                PositionFix.batch_seq == trail[0], PositionFix.crew_id == 2
            )
        ).scalar_one()
    if engine.dialect.name == "sqlite":
        change = change.replace("at - INTERVAL '1 second'", "datetime(at, '-1 second')")
    tamper(engine, change.format(id=target))

    found = problems(engine)

    # The batch is named with the crews whose fixes it holds (a deleted fix's crew is gone).
    expected = "HZ-01, HZ-03" if change.startswith("DELETE") else "HZ-01, HZ-02, HZ-03"
    assert f"batch {trail[0]} ({expected})" in found
    assert f"batch {trail[1]}" not in found


@pytest.mark.ledger_tampered
def test_a_fix_added_to_a_batch_is_detected(engine: Engine, trail: list[int]) -> None:
    with engine.begin() as connection:
        row = connection.execute(
            select(PositionFix).where(PositionFix.batch_seq == trail[1]).limit(1)
        ).one()
        values = {c.name: getattr(row, c.name) for c in PositionFix.__table__.columns}
        del values["id"]
        connection.execute(insert(PositionFix).values(**{**values, "crew_id": 4}))
    found = problems(engine)
    assert f"batch {trail[1]}" in found
    assert "4 fixes stored, the ledger says 3" in found


@pytest.mark.ledger_tampered
def test_fixes_outside_any_batch_are_detected(engine: Engine, trail: list[int]) -> None:
    tamper(engine, f"UPDATE position_fixes SET batch_seq = 99999 WHERE batch_seq = {trail[2]}")
    found = problems(engine)
    assert "batch 99999: 3 stored fixes (HZ-01, HZ-02, HZ-03) belong to no batch event" in found
    assert f"batch {trail[2]}: its 3 fixes are missing" in found


@pytest.mark.ledger_tampered
def test_a_moved_crew_must_stand_at_its_newest_fix(engine: Engine, trail: list[int]) -> None:
    tamper(engine, "UPDATE crews SET lon = 121.0 WHERE id = 3")
    assert "crew HZ-03 stands at" in problems(engine)


@pytest.mark.ledger_tampered
def test_a_changed_batch_payload_breaks_the_chain(engine: Engine, trail: list[int]) -> None:
    with engine.begin() as connection:
        payload = json.loads(
            connection.execute(select(Event.payload).where(Event.seq == trail[0])).scalar_one()
        )
        payload["count"] = 2
        connection.execute(
            text("UPDATE events SET payload = :p WHERE seq = :s"),
            {"p": json.dumps(payload, sort_keys=True, separators=(",", ":")), "s": trail[0]},
        )
    report = verify_ledger(engine)
    assert not report.ok and report.first_bad_seq == trail[0]


def test_pruned_batches_may_be_gone_and_the_rest_still_verify(
    engine: Engine, trail: list[int], clock: FakeClock
) -> None:
    # The first two batches' newest fixes are over 2 minutes old; the third is younger.
    clock.advance(seconds=5)
    pruned = prune_trail(engine, retention=timedelta(seconds=60 + 30 + 5), clock=clock)

    assert pruned is not None
    assert (pruned.through_seq, pruned.batches, pruned.fixes) == (trail[1], 2, 6)
    with engine.connect() as connection:
        left = connection.execute(select(PositionFix.batch_seq).distinct()).scalars().all()
        last = connection.execute(select(Event).order_by(Event.seq.desc()).limit(1)).one()
    assert left == [trail[2]]
    assert last.kind == "positions.pruned"
    assert json.loads(last.payload)["through_seq"] == trail[1]
    assert verify_ledger(engine).ok
    assert prune_trail(engine, retention=timedelta(seconds=95), clock=clock) is None


@pytest.mark.ledger_tampered
def test_after_pruning_an_unpruned_batch_is_still_checked(
    engine: Engine, trail: list[int], clock: FakeClock
) -> None:
    prune_trail(engine, retention=timedelta(seconds=91), clock=clock)
    tamper(engine, f"DELETE FROM position_fixes WHERE batch_seq = {trail[2]}")
    assert f"batch {trail[2]}: its 3 fixes are missing" in problems(engine)


def test_pruning_in_steps_records_one_event_per_step(
    engine: Engine, trail: list[int], clock: FakeClock
) -> None:
    clock.advance(hours=1)
    pruned = prune_trail(engine, retention=timedelta(minutes=1), clock=clock, max_batches=2)
    assert pruned is not None
    assert (pruned.through_seq, pruned.batches, pruned.fixes, pruned.events) == (trail[2], 3, 9, 2)
    assert verify_ledger(engine).ok
