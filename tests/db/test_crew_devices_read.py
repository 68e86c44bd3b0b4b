"""Crew rows and the dispatch engine's crews know each crew's active devices (one aggregate)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import Engine, insert, update

from console.core.roles import Permission
from console.db.backend import DatabaseBackend
from console.db.dispatch_data import load_crew_infos
from console.db.models import Crew, Device
from console.db.services import Services
from tests.db.conftest import FakeClock
from tests.support.principals import SYSTEM, desk


def add_device(engine: Engine, crew_id: int, label: str, clock: FakeClock) -> int:
    """A device row as the registry stores it (hash and hint only)."""
    with Services(engine, principal=SYSTEM, clock=clock).unit_of_work(Permission.MAINTAIN) as uow:
        device_id = uow.session.execute(
            insert(Device)
            .values(
                crew_id=crew_id, label=label, token_hash=f"{crew_id:02d}{label}".ljust(64, "0"),
                token_hint=label[-4:], created_at=clock.now, created_by="admin:test",
                revision=uow.revision,
            )
            .returning(Device.id)
        ).scalar_one()  # fmt: skip
        uow.record("fixture.device", crew_id=crew_id)
    return int(device_id)


def revoke(engine: Engine, device_id: int, clock: FakeClock) -> None:
    with Services(engine, principal=SYSTEM, clock=clock).unit_of_work(Permission.MAINTAIN) as uow:
        uow.session.execute(
            update(Device)
            .where(Device.id == device_id)
            .values(revoked_at=clock.now, revoked_by="admin:test", revision=uow.revision)
        )
        uow.record("fixture.revoke", device_id=device_id)


def test_crew_rows_count_active_devices_and_when_the_oldest_was_added(
    engine: Engine, fleet: list[int], clock: FakeClock
) -> None:
    reader = DatabaseBackend(engine, principal=desk("dispatcher:test"), clock=clock)
    first_added = clock.now
    old = add_device(engine, 1, "phone-a", clock)
    clock.advance(minutes=5)
    add_device(engine, 1, "phone-b", clock)
    add_device(engine, 2, "tracker", clock)
    revoke(engine, add_device(engine, 3, "lost", clock), clock)
    rows = {row.call_sign: row for row in reader.crews()}
    assert (rows["HZ-01"].devices, rows["HZ-01"].devices_since) == (2, first_added)
    assert rows["HZ-02"].devices == 1
    assert (rows["HZ-03"].devices, rows["HZ-03"].devices_since) == (0, None), "revoked: none"
    assert rows["HZ-04"].devices == 0
    assert {row.call_sign: row.devices for row in reader.free_crews()}["HZ-01"] == 2
    revoke(engine, old, clock)
    assert {row.call_sign: row for row in reader.crews()}["HZ-01"].devices == 1


def test_a_device_added_or_revoked_reaches_the_change_feed(
    engine: Engine, fleet: list[int], clock: FakeClock
) -> None:
    reader = DatabaseBackend(engine, principal=desk("dispatcher:test"), clock=clock)
    before = reader.revision()
    device = add_device(engine, 4, "phone", clock)
    changed = reader.crews_changed_since(before)
    assert [(row.call_sign, row.devices) for row in changed.crews] == [("HZ-04", 1)]
    middle = changed.revision
    revoke(engine, device, clock)
    assert [(r.call_sign, r.devices) for r in reader.crews_changed_since(middle).crews] == [
        ("HZ-04", 0)
    ]
    assert reader.crews_changed_since(reader.revision()).crews == ()


def test_suggestions_rank_down_a_crew_whose_feed_went_silent(
    engine: Engine, fleet: list[int], clock: FakeClock
) -> None:
    add_device(engine, 1, "phone", clock)
    clock.advance(minutes=1)
    with Services(engine, principal=SYSTEM, clock=clock).unit_of_work(Permission.MAINTAIN) as uow:
        uow.session.execute(update(Crew).where(Crew.id == 1).values(gps_at=clock.now))
        uow.record("fixture.fix", crew_id=1)
    clock.advance(minutes=20)
    infos = {c.id: c for c in load_crew_infos(engine, clock.now)}
    assert (infos[1].devices, infos[2].devices) == (1, 0)
    backend = DatabaseBackend(engine, principal=desk("dispatcher:test"), clock=clock)
    assert backend.feed_rules().silent_after == timedelta(minutes=5)
    engine_now = backend.advisor()
    silent = engine_now.crews.index(infos[1])
    assert engine_now.silent[silent]
