"""The batch writer stores plausible fixes with one ledger event per batch, and nothing else."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import Engine, func, select, text

from console.core.field.fix import Fix, FixSource, Verdict, batch_digest
from console.core.field.ports import StoreUnavailable
from console.db.audit import verify_ledger
from console.db.models import ChainHead, Crew, Event, PositionFix
from console.db.services import Services
from console.db.telemetry.store import BATCH_KIND, TelemetryStore, rounded
from tests.db.conftest import FakeClock


@pytest.fixture
def store(engine: Engine, clock: FakeClock, fleet: list[int]) -> TelemetryStore:
    return TelemetryStore(engine, clock=clock)


def fix(clock: FakeClock, crew: int = 1, *, seconds: float = 0, lat: float = 30.3, lon: float = 120.2,
        device: int = 7) -> Fix:  # fmt: skip
    return Fix(
        device_id=device,
        crew_id=crew,
        at=clock.now + timedelta(seconds=seconds),
        lat=lat,
        lon=lon,
        source=FixSource.OSMAND,
        speed_kmh=36.123,
        accuracy_m=5.0,
    )


def head(engine: Engine) -> tuple[int, int, int]:
    with engine.connect() as connection:
        row = connection.execute(
            select(ChainHead.revision, ChainHead.position_revision, ChainHead.event_count)
        ).one()
    return row.revision, row.position_revision, row.event_count


def stored_fixes(engine: Engine) -> list[PositionFix]:
    with engine.connect() as connection:
        return list(connection.execute(select(PositionFix).order_by(PositionFix.id)).all())


def crew_position(engine: Engine, crew_id: int) -> tuple[float, float, object, int, int]:
    with engine.connect() as connection:
        row = connection.execute(
            select(Crew.lat, Crew.lon, Crew.gps_at, Crew.position_revision, Crew.revision).where(
                Crew.id == crew_id
            )
        ).one()
    return row.lat, row.lon, row.gps_at, row.position_revision, row.revision


def test_a_batch_is_stored_with_one_event_that_carries_its_digest(
    engine: Engine, store: TelemetryStore, clock: FakeClock
) -> None:
    revision, position_revision, events = head(engine)
    batch = [
        fix(clock, 1, seconds=-20, lat=30.30, lon=120.20),
        fix(clock, 2, seconds=-15, lat=30.31, lon=120.21),
        fix(clock, 1, seconds=-10, lat=30.3001, lon=120.2001),
    ]

    assert store.write_batch(batch) == [Verdict.ACCEPTED] * 3

    assert head(engine) == (revision, position_revision + 1, events + 1)
    with engine.connect() as connection:
        event = connection.execute(select(Event).order_by(Event.seq.desc()).limit(1)).one()
    assert event.kind == BATCH_KIND
    assert event.revision == revision
    payload = json.loads(event.payload)
    assert payload["count"] == 3
    assert payload["crews"] == 2
    assert payload["digest"] == batch_digest(rounded(f) for f in batch)
    assert payload["position_revision"] == position_revision + 1
    rows = stored_fixes(engine)
    assert [(r.crew_id, r.batch_seq) for r in rows] == [
        (1, event.seq),
        (2, event.seq),
        (1, event.seq),
    ]
    assert verify_ledger(engine).ok


def test_each_crew_moves_to_its_newest_fix_without_bumping_the_business_revision(
    engine: Engine, store: TelemetryStore, clock: FakeClock
) -> None:
    *_, business_before = crew_position(engine, 1)
    store.write_batch(
        [fix(clock, 1, seconds=-5, lat=30.31, lon=120.21), fix(clock, 1, seconds=-30, lat=30.30)]
    )
    lat, lon, gps_at, position_revision, business = crew_position(engine, 1)
    assert (lat, lon) == (30.31, 120.21)
    assert gps_at == clock.now - timedelta(seconds=5)
    assert position_revision == head(engine)[1]
    assert business == business_before


def test_coordinates_are_stored_to_seven_places(
    engine: Engine, store: TelemetryStore, clock: FakeClock
) -> None:
    store.write_batch([fix(clock, lat=30.123456789, lon=120.987654321)])
    (row,) = stored_fixes(engine)
    assert (row.lat, row.lon) == (30.1234568, 120.9876543)
    assert crew_position(engine, 1)[:2] == (30.1234568, 120.9876543)


@pytest.mark.parametrize(
    ("late", "verdict"),
    [
        ({"seconds": -10}, Verdict.DUPLICATE),
        ({"seconds": -10, "lat": 30.31}, Verdict.STALE),
        ({"seconds": -60}, Verdict.STALE),
        ({"seconds": 0, "lat": 31.3}, Verdict.JUMP),
        ({"seconds": 600}, Verdict.FUTURE),
        ({"seconds": 0, "lat": 22.3, "lon": 114.17}, Verdict.OUTSIDE_AREA),
    ],
    ids=["duplicate", "same-time-elsewhere", "older", "jump", "future", "hong-kong"],
)
def test_a_refused_fix_writes_nothing(
    engine: Engine, store: TelemetryStore, clock: FakeClock, late: dict, verdict: Verdict
) -> None:
    store.write_batch([fix(clock, seconds=-10)])
    before = (head(engine), crew_position(engine, 1), len(stored_fixes(engine)))

    assert store.write_batch([fix(clock, **late)]) == [verdict]

    assert (head(engine), crew_position(engine, 1), len(stored_fixes(engine))) == before


def test_fixes_in_one_batch_are_judged_in_time_order_per_crew(
    store: TelemetryStore, clock: FakeClock
) -> None:
    # The later fix comes first in the batch; the earlier one is still the previous of it.
    verdicts = store.write_batch(
        [
            fix(clock, 1, seconds=-10, lat=30.30),
            fix(clock, 1, seconds=-20, lat=30.30),
            fix(clock, 1, seconds=-20, lat=30.30),
            fix(clock, 2, seconds=-20, lat=31.30),
        ]
    )
    assert verdicts == [Verdict.ACCEPTED, Verdict.ACCEPTED, Verdict.DUPLICATE, Verdict.ACCEPTED]


def test_a_typed_position_bounds_time_but_not_speed(
    engine: Engine, store: TelemetryStore, services: Services, clock: FakeClock
) -> None:
    store.write_batch([fix(clock, 1, seconds=-10)])
    services.update_crew_position(1, 30.9, 120.9)  # a dispatcher's hand entry, far away
    assert crew_position(engine, 1)[3] == 0

    assert store.write_batch([fix(clock, 1, seconds=-1)]) == [Verdict.STALE]
    clock.advance(seconds=5)
    assert store.write_batch([fix(clock, 1)]) == [Verdict.ACCEPTED]
    assert verify_ledger(engine).ok


def test_a_database_failure_raises_store_unavailable_and_writes_nothing(
    engine: Engine, store: TelemetryStore, clock: FakeClock
) -> None:
    before = head(engine)
    with engine.begin() as connection:
        # Make the event insert fail after the fixes went in: the whole batch must go.
        connection.execute(text("ALTER TABLE events RENAME TO events_away"))
    try:
        with pytest.raises(StoreUnavailable):
            store.write_batch([fix(clock, 1), fix(clock, 2)])
    finally:
        with engine.begin() as connection:
            connection.execute(text("ALTER TABLE events_away RENAME TO events"))
    assert head(engine) == before
    assert stored_fixes(engine) == []
    assert crew_position(engine, 1)[2] is None


def test_an_empty_or_wholly_refused_batch_appends_no_event(
    engine: Engine, store: TelemetryStore, clock: FakeClock
) -> None:
    before = head(engine)
    assert store.write_batch([]) == []
    assert store.write_batch([fix(clock, seconds=3600)]) == [Verdict.FUTURE]
    assert head(engine) == before
    with engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(PositionFix)) == 0


@pytest.mark.ledger_tampered
def test_verify_fails_when_a_moved_crew_no_longer_matches_its_newest_fix(
    engine: Engine, store: TelemetryStore, clock: FakeClock
) -> None:
    store.write_batch([fix(clock, 1, lat=30.30)])
    assert verify_ledger(engine).ok
    with engine.begin() as connection:
        connection.execute(text("UPDATE crews SET lat = 30.5 WHERE id = 1"))
    report = verify_ledger(engine)
    assert not report.ok
    assert "HZ-01" in report.problem


def test_a_batch_the_server_hashed_differently_is_not_stored(
    engine: Engine, store: TelemetryStore, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("only PostgreSQL numbers and hashes a batch's event on the server")
    before = head(engine)
    monkeypatch.setattr("console.db.telemetry.store.chain_hash", lambda prev, content: "0" * 64)

    with pytest.raises(RuntimeError, match="hashed differently"):
        store.write_batch([fix(clock, 1, seconds=-10)])

    assert head(engine) == before
    assert stored_fixes(engine) == []
    assert verify_ledger(engine).ok
