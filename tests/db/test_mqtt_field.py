"""Vehicles through a real Mosquitto broker into the database: crews move, status reports move jobs."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager

import paho.mqtt.client as paho
import pytest
from paho.mqtt.enums import CallbackAPIVersion, MQTTProtocolVersion
from sqlalchemy import Engine, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from console.core.field.fix import Fix, FixSource, Verdict
from console.core.field.ports import DeviceLookup, FieldStatusWriter, FixWriter, StoreUnavailable
from console.core.vocab import RequestStatus
from console.db.backend import DatabaseBackend
from console.db.engine import make_engine
from console.db.models import Crew, PositionFix
from console.db.telemetry.devices import DeviceRegistry
from console.db.telemetry.field_status import FieldStatusService
from console.db.telemetry.store import TelemetryStore
from console.gateway.ingest import Ingest, IngestSettings
from console.gateway.mqtt import MqttGateway, MqttSettings
from tests.db.conftest import FakeClock
from tests.db.helpers import draft
from tests.gateway.fakes import FakeStore
from tests.gateway.switch_proxy import switch_proxy
from tests.support.broker import Broker, mosquitto_pub
from tests.support.principals import SYSTEM, desk

WAIT = 15.0


def publisher(broker: Broker) -> Callable[[str, str], Awaitable[None]]:
    """``await publish(topic, payload)`` with the real ``mosquitto_pub`` at QoS 1."""
    command = mosquitto_pub()
    if command is None:
        pytest.skip("mosquitto_pub is not installed: sudo apt-get install mosquitto-clients")

    async def publish(topic: str, payload: str) -> None:
        process = await asyncio.create_subprocess_exec(
            command, "-h", broker.host, "-p", str(broker.port), "-q", "1", "-t", topic,
            "-m", payload,
        )  # fmt: skip
        assert await process.wait() == 0

    return publish


@asynccontextmanager
async def gateway(
    broker: Broker, devices: DeviceLookup, store: FixWriter, status: FieldStatusWriter | None = None
) -> AsyncIterator[MqttGateway]:
    """The ingest pipeline and the MQTT door on ``broker``, writing through ``store``."""
    ingest = Ingest(devices, store, IngestSettings(batch_interval=0.02))
    ingest.start()
    settings = MqttSettings(
        broker.host, broker.port, client_id="gw-db", retry_pause=0.2, max_pause=0.5
    )
    door = MqttGateway(settings, ingest, status)
    door.start()
    try:
        await until(lambda: door.connected, "the gateway to subscribe")
        yield door
    finally:
        await door.stop()
        await ingest.stop()


def registered(engine: Engine) -> tuple[DeviceRegistry, str, str]:
    """The device registry with a phone for crews 1 and 2; their secret identifiers."""
    registry = DeviceRegistry(engine, principal=SYSTEM)
    _, first = registry.add_for_crew(1)
    _, second = registry.add_for_crew(2)
    return registry, first, second


def crew_row(engine: Engine, crew_id: int) -> tuple[float, float, int]:
    """(lat, lon, stored fixes) of a crew."""
    with Session(engine) as session:
        crew = session.get(Crew, crew_id)
        assert crew is not None
        count = session.scalar(
            select(func.count()).select_from(PositionFix).where(PositionFix.crew_id == crew_id)
        )
        return crew.lat, crew.lon, count or 0


async def until(condition: Callable[[], bool], what: str) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + WAIT
    while not condition():
        if loop.time() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


def test_a_crews_status_reports_over_mqtt_move_its_job_in_the_database(
    mqtt_broker: Broker, engine: Engine, clock: FakeClock, fleet: list[int]
) -> None:
    publish = publisher(mqtt_broker)
    backend = DatabaseBackend(engine, principal=desk("dispatcher:test"), clock=clock)
    job = backend.take_call(draft())
    backend.assign(job.id, 1)
    devices, token, _ = registered(engine)
    answers: list[dict[str, object]] = []
    ready = threading.Event()
    listener = paho.Client(CallbackAPIVersion.VERSION2, protocol=MQTTProtocolVersion.MQTTv5)
    listener.on_message = lambda c, u, m: answers.append(json.loads(m.payload))
    listener.on_subscribe = lambda *args: ready.set()
    listener.connect(mqtt_broker.host, mqtt_broker.port)
    listener.subscribe("roadside/v1/reply/hz01", 1)
    listener.loop_start()
    assert ready.wait(WAIT)

    async def report(**fields: object) -> None:
        body = json.dumps({"id": token, "reply": "hz01", **fields})
        await publish("roadside/v1/status/hz01", body)

    async def main() -> None:
        status = FieldStatusService(engine, clock=clock)
        async with gateway(mqtt_broker, devices, FakeStore(), status):
            await report(status="on_scene")
            await until(lambda: len(answers) == 1, "the refusal")
            for n, step in enumerate(("en_route", "on_scene", "completed"), start=2):
                await report(status=step, reference=job.reference)
                await until(lambda n=n: len(answers) == n, f"the answer to {step}")  # type: ignore[misc]

    try:
        asyncio.run(main())
    finally:
        listener.loop_stop()
        listener.disconnect()
    assert [(a["ok"], a["code"]) for a in answers] == [
        (False, "illegal_transition"), (True, "ok"), (True, "ok"), (True, "ok")]  # fmt: skip
    assert answers[0]["message"] == "A request cannot move from ASSIGNED to ON_SCENE."
    row = backend.request(job.id)
    assert row is not None and row.status is RequestStatus.COMPLETED


def test_a_crew_topic_fix_and_an_owntracks_location_move_crews_in_the_database(
    mqtt_broker: Broker, engine: Engine, clock: FakeClock, fleet: list[int]
) -> None:
    publish = publisher(mqtt_broker)
    taken = int(clock.now.timestamp()) - 30
    store = TelemetryStore(engine, clock=clock)
    devices, token, other = registered(engine)

    async def main() -> None:
        async with gateway(mqtt_broker, devices, store) as door:
            await publish("roadside/v1/fix/hz01", json.dumps(
                {"id": token, "lat": 30.2741, "lon": 120.1551, "timestamp": taken, "speed": 10}))  # fmt: skip
            await publish(f"owntracks/hz02/{other}", json.dumps(
                {"_type": "location", "lat": 30.2801, "lon": 120.1702, "tst": taken, "vel": 30}))  # fmt: skip
            await until(lambda: door.counters().get("fix.accepted") == 2, "both fixes stored")

    asyncio.run(main())
    assert crew_row(engine, 1) == (30.2741, 120.1551, 1)
    assert crew_row(engine, 2) == (30.2801, 120.1702, 1)
    with Session(engine) as session:
        sources = set(session.scalars(select(PositionFix.source)))
    assert sources == {FixSource.MQTT.value, FixSource.OWNTRACKS.value}


class AnswerLost:
    """The real store, whose first batch commits but reports the database gone (a lost answer)."""

    def __init__(self, store: TelemetryStore) -> None:
        self.store = store
        self.lost = False
        self.verdicts: list[Verdict] = []

    def write_batch(self, fixes: Sequence[Fix]) -> list[Verdict]:
        verdicts = self.store.write_batch(fixes)
        self.verdicts.extend(verdicts)
        if not self.lost:
            self.lost = True
            raise StoreUnavailable("the connection dropped after the commit")
        return verdicts


def test_a_fix_whose_commit_was_not_heard_is_delivered_again_and_stored_once(
    mqtt_broker: Broker, engine: Engine, clock: FakeClock, fleet: list[int]
) -> None:
    publish = publisher(mqtt_broker)
    store = AnswerLost(TelemetryStore(engine, clock=clock))
    devices, token, _ = registered(engine)
    taken = int(clock.now.timestamp()) - 30

    async def main() -> None:
        async with gateway(mqtt_broker, devices, store) as door:
            await publish("roadside/v1/fix", json.dumps(
                {"id": token, "lat": 30.2741, "lon": 120.1551, "timestamp": taken}))  # fmt: skip
            await until(lambda: door.counters().get("fix.duplicate") == 1, "the redelivery")

    asyncio.run(main())
    assert store.verdicts == [Verdict.ACCEPTED, Verdict.DUPLICATE]
    assert crew_row(engine, 1) == (30.2741, 120.1551, 1)


@pytest.mark.postgres
@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_postgresql_going_away_leaves_fixes_with_the_broker_until_it_is_back(
    mqtt_broker: Broker, engine: Engine, db_url: str, clock: FakeClock, fleet: list[int]
) -> None:
    publish = publisher(mqtt_broker)
    url = make_url(db_url)
    taken = int(clock.now.timestamp()) - 30
    with switch_proxy((url.host or "127.0.0.1", url.port or 5432)) as proxy:
        proxied = make_engine(url.set(host="127.0.0.1", port=proxy.port).render_as_string(False))
        try:
            store = TelemetryStore(proxied, clock=clock)
            _, token, _ = registered(engine)
            devices = DeviceRegistry(proxied, principal=SYSTEM)

            async def main() -> dict[str, int]:
                async with gateway(mqtt_broker, devices, store) as door:
                    proxy.cut()
                    await publish("roadside/v1/fix", json.dumps(
                        {"id": token, "lat": 30.2741, "lon": 120.1551, "timestamp": taken}))  # fmt: skip
                    await until(lambda: door.counters().get("held", 0) >= 2, "refused deliveries")
                    assert crew_row(engine, 1)[2] == 0
                    proxy.restore()
                    await until(lambda: door.counters().get("fix.accepted") == 1, "the recovery")
                    return door.counters()

            counts = asyncio.run(main())
        finally:
            proxied.dispose()
    assert counts["fix.unavailable"] >= 2
    assert crew_row(engine, 1) == (30.2741, 120.1551, 1)
