"""The device registry: identifiers are secrets, shown once, stored hashed, revocable."""

from __future__ import annotations

import json
import logging

import pytest
from sqlalchemy import Engine, func, select

from console.core.errors import NotFound, PermissionDenied
from console.core.field.devices import token_hash
from console.core.roles import Principal
from console.core.vocab import Role
from console.db.audit import verify_ledger
from console.db.models import Device, Event
from console.db.telemetry.devices import DeviceRegistry
from tests.db.conftest import FakeClock


class Ticker:
    """A monotonic clock tests move by hand."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def ticker() -> Ticker:
    return Ticker()


@pytest.fixture
def registry(engine: Engine, clock: FakeClock, fleet: list[int], ticker: Ticker) -> DeviceRegistry:
    admin = Principal.user("root", Role.ADMIN)
    return DeviceRegistry(engine, principal=admin, clock=clock, ttl=5.0, monotonic=ticker)


def events(engine: Engine) -> list[Event]:
    with engine.connect() as connection:
        return list(connection.execute(select(Event).order_by(Event.seq)).all())


def test_a_new_device_identifier_is_returned_once_and_stored_only_as_a_hash(
    engine: Engine, registry: DeviceRegistry, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    before = len(events(engine))

    device, token = registry.add("HZ-01", "driver phone")

    assert len(token) >= 22  # at least 128 random bits in URL-safe Base64
    assert device.hint == token[-4:]
    assert (device.call_sign, device.label, device.revoked) == ("HZ-01", "driver phone", False)
    with engine.connect() as connection:
        stored = connection.execute(select(Device)).one()
    assert stored.token_hash == token_hash(token)
    added = events(engine)[before:]
    assert [e.kind for e in added] == ["device.added"]
    assert token not in added[0].payload and token not in (added[0].changes or "")
    assert json.loads(added[0].payload)["hint"] == device.hint
    assert token not in caplog.text
    assert verify_ledger(engine).ok


def test_identifiers_differ_between_devices(registry: DeviceRegistry) -> None:
    tokens = {registry.add("HZ-01")[1] for _ in range(5)}
    assert len(tokens) == 5


def test_resolve_finds_the_device_and_its_crew(registry: DeviceRegistry) -> None:
    device, token = registry.add("HZ-02", "van tracker")
    found = registry.resolve(token)
    assert found is not None
    assert (found.device_id, found.crew_id, found.call_sign, found.hint, found.revoked) == (
        device.id, 2, "HZ-02", device.hint, False
    )  # fmt: skip
    assert registry.resolve(token + "x") is None
    assert registry.resolve("") is None
    assert registry.resolve("x" * 10_000) is None


def test_the_directory_lists_every_device_by_the_hash_of_its_identifier(
    registry: DeviceRegistry,
) -> None:
    _, kept_token = registry.add("HZ-01", "phone")
    gone, gone_token = registry.add("HZ-02", "old phone")
    registry.revoke(gone.id)

    directory = registry.directory()

    assert set(directory) == {token_hash(kept_token), token_hash(gone_token)}
    assert directory[token_hash(kept_token)] == registry.resolve(kept_token)
    assert (directory[token_hash(gone_token)].device_id, directory[token_hash(gone_token)].revoked) == (
        gone.id, True
    )  # fmt: skip
    assert kept_token not in repr(directory) and gone_token not in repr(directory)


def test_a_revoked_device_resolves_as_revoked_within_the_ttl(
    engine: Engine, clock: FakeClock, fleet: list[int], ticker: Ticker, registry: DeviceRegistry
) -> None:
    device, token = registry.add("HZ-01")
    # The gateway's own registry (another process) has the device cached.
    gateway = DeviceRegistry(
        engine, principal=Principal.system("gateway"), clock=clock, monotonic=ticker
    )
    assert gateway.resolve(token).revoked is False  # type: ignore[union-attr]

    revoked = registry.revoke(device.id)

    assert revoked.revoked and revoked.revoked_by == "root"
    assert registry.resolve(token).revoked is True  # type: ignore[union-attr]
    ticker.now += 5.1
    assert gateway.resolve(token).revoked is True  # type: ignore[union-attr]
    assert events(engine)[-1].kind == "device.revoked"
    assert verify_ledger(engine).ok


def test_revoking_twice_records_once(engine: Engine, registry: DeviceRegistry) -> None:
    device, _ = registry.add("HZ-01")
    registry.revoke(device.id)
    count = len(events(engine))
    again = registry.revoke(device.id)
    assert again.revoked
    assert len(events(engine)) == count


def test_list_shows_devices_by_crew_never_identifiers(registry: DeviceRegistry) -> None:
    first, _ = registry.add("HZ-02", "b")
    second, _ = registry.add("HZ-01", "a")
    assert [d.id for d in registry.list()] == [second.id, first.id]
    assert [d.id for d in registry.list("HZ-02")] == [first.id]
    assert [d.id for d in registry.of_crew(1)] == [second.id]


@pytest.mark.parametrize(
    "call", [lambda r: r.add("NOPE-99"), lambda r: r.list("NOPE-99"), lambda r: r.revoke(999)]
)
def test_an_unknown_crew_or_device_is_not_found_and_writes_nothing(
    engine: Engine, registry: DeviceRegistry, call: object
) -> None:
    before = len(events(engine))
    with pytest.raises(NotFound):
        call(registry)  # type: ignore[operator]
    assert len(events(engine)) == before


def test_only_administrators_manage_devices(
    engine: Engine, clock: FakeClock, fleet: list[int]
) -> None:
    desk = DeviceRegistry(engine, principal=Principal.user("amy", Role.SUPERVISOR), clock=clock)
    with pytest.raises(PermissionDenied):
        desk.add("HZ-01")
    with pytest.raises(PermissionDenied):
        desk.list()
    with engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(Device)) == 0
