"""The MQTT door through a real Mosquitto broker: positions in, acknowledged only once committed."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from contextlib import asynccontextmanager

import paho.mqtt.client as paho
import pytest
from paho.mqtt.enums import CallbackAPIVersion, MQTTProtocolVersion

from console.core.field.fix import Fix, FixSource, Verdict
from console.core.field.ports import FieldStatusWriter, StoreUnavailable
from console.gateway.ingest import Ingest, IngestSettings
from console.gateway.mqtt import MqttGateway, MqttSettings
from tests.gateway.fakes import FakeDevices, FakeStatus, FakeStore
from tests.support.broker import Broker, mosquitto_pub

TOKEN = "k3Jq9xWm2PzR7vLt5NcY8bHd4Fg6SaE1"
OTHER = "Zp4Lq8RtW2xN6vBc9MkJ3HdY7FgS5aE0"
WAIT = 15.0
FAST = IngestSettings(batch_interval=0.02)


@pytest.fixture
def pub(mqtt_broker: Broker) -> Callable[..., Awaitable[None]]:
    """``await pub(topic, payload, *extra_args)``: publish with the real ``mosquitto_pub`` (QoS 1)."""
    command = mosquitto_pub()
    if command is None:
        pytest.skip("mosquitto_pub is not installed: sudo apt-get install mosquitto-clients")

    async def publish(topic: str, payload: str, *extra: str) -> None:
        process = await asyncio.create_subprocess_exec(
            command, "-h", mqtt_broker.host, "-p", str(mqtt_broker.port), "-q", "1",
            "-t", topic, "-m", payload, *extra,
            stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        _, err = await process.communicate()
        assert process.returncode == 0, err.decode()

    return publish


@pytest.fixture
def devices() -> FakeDevices:
    registry = FakeDevices()
    registry.add(TOKEN, device_id=7, crew_id=1)
    registry.add(OTHER, device_id=8, crew_id=2)
    return registry


async def until(condition: Callable[[], bool], what: str, timeout: float = WAIT) -> None:
    """Wait for ``condition`` (polling), or fail naming ``what``."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


@asynccontextmanager
async def gateway(
    broker: Broker,
    devices: FakeDevices,
    store: FakeStore,
    status: FieldStatusWriter | None = None,
    *,
    client_id: str = "gateway-test-1",
    retry_pause: float = 0.2,
) -> AsyncIterator[tuple[MqttGateway, Ingest]]:
    """A running ingest pipeline and MQTT gateway, subscribed to ``broker``."""
    ingest = Ingest(devices, store, FAST)
    ingest.start()
    settings = MqttSettings(
        broker.host, broker.port, client_id=client_id, retry_pause=retry_pause, max_pause=0.5
    )
    door = MqttGateway(settings, ingest, status)
    door.start()
    try:
        await until(lambda: door.connected, "the gateway to subscribe")
        yield door, ingest
    finally:
        await door.stop()
        await ingest.stop()


def crew_fix(token: str = TOKEN, seconds: int = 0, **extra: object) -> dict[str, object]:
    return {"id": token, "lat": 30.2741, "lon": 120.1551, "timestamp": 1795000000 + seconds,
            **extra}  # fmt: skip


def owntracks(seconds: int = 0, **extra: object) -> str:
    return json.dumps({"_type": "location", "lat": 30.28, "lon": 120.16, "tst": 1795000000 + seconds,
                       "vel": 36, "cog": 270, "alt": 9, "acc": 12, "batt": 64, "tid": "z1", **extra})  # fmt: skip


def test_a_crew_topic_message_from_mosquitto_pub_is_stored(
    mqtt_broker: Broker, pub: Callable[..., Awaitable[None]], devices: FakeDevices
) -> None:
    store = FakeStore()

    async def main() -> None:
        async with gateway(mqtt_broker, devices, store) as (door, _):
            await pub("roadside/v1/fix", json.dumps(crew_fix(speed=10, batt=87, bearing=90)))
            await until(lambda: len(store.fixes) == 1, "the fix to be stored")
            await pub(
                "roadside/v1/fix/HZ-02",
                json.dumps([crew_fix(OTHER, 0), {"id": OTHER, "location": "30.3,120.2"}]),
            )
            await until(lambda: len(store.fixes) == 3, "the array's fixes to be stored")
            await until(lambda: door.counters().get("fix.accepted") == 3, "the count")

    asyncio.run(main())
    first = store.fixes[0]
    assert (first.device_id, first.crew_id, first.source) == (7, 1, FixSource.MQTT)
    assert first.speed_kmh == pytest.approx(18.52) and first.battery_pct == 87
    assert first.at.timestamp() == 1795000000
    assert [(f.crew_id, f.lat) for f in store.fixes[1:]] == [(2, 30.2741), (2, 30.3)]


def test_an_owntracks_location_is_stored_as_its_devices_crew(
    mqtt_broker: Broker, pub: Callable[..., Awaitable[None]], devices: FakeDevices
) -> None:
    store = FakeStore()

    async def main() -> None:
        async with gateway(mqtt_broker, devices, store):
            await pub(f"owntracks/li.wei/{TOKEN}", owntracks())
            await until(lambda: len(store.fixes) == 1, "the OwnTracks fix to be stored")

    asyncio.run(main())
    (fix,) = store.fixes
    assert (fix.crew_id, fix.source, fix.lat, fix.lon) == (1, FixSource.OWNTRACKS, 30.28, 120.16)
    assert (fix.speed_kmh, fix.bearing, fix.altitude_m, fix.accuracy_m) == (36, 270, 9, 12)


class GatedStore(FakeStore):
    """A store whose writes wait for ``release``; ``entered`` is set once a write began."""

    def __init__(self) -> None:
        super().__init__()
        self.entered = threading.Event()
        self.release = threading.Event()

    def write_batch(self, fixes: Sequence[Fix]) -> list[Verdict]:
        self.entered.set()
        self.release.wait(WAIT)
        return super().write_batch(fixes)


def test_no_acknowledgement_before_the_batch_commits(
    mqtt_broker: Broker, pub: Callable[..., Awaitable[None]], devices: FakeDevices
) -> None:
    store = GatedStore()
    acked: list[tuple[int, int]] = []
    stored_at_ack: list[int] = []

    async def main() -> None:
        async with gateway(mqtt_broker, devices, store) as (door, _):
            real_ack = door._client.ack

            def ack(mid: int, qos: int) -> paho.MQTTErrorCode:
                acked.append((mid, qos))
                stored_at_ack.append(len(store.fixes))
                return real_ack(mid, qos)

            door._client.ack = ack  # type: ignore[method-assign]
            await pub("roadside/v1/fix", json.dumps(crew_fix()))
            await until(store.entered.is_set, "the batch to be written")
            await asyncio.sleep(0.3)
            assert acked == [], "acknowledged while the batch was still open"
            store.release.set()
            await until(lambda: len(acked) == 1, "the acknowledgement after the commit")

    asyncio.run(main())
    assert acked[0][1] == 1 and stored_at_ack == [1]


def test_an_unacknowledged_message_is_delivered_again_to_the_next_session(
    mqtt_broker: Broker, pub: Callable[..., Awaitable[None]], devices: FakeDevices
) -> None:
    """A gateway that stops while its batch is open never acknowledged: the broker keeps the fix."""
    store = GatedStore()

    async def main() -> None:
        async with gateway(mqtt_broker, devices, store) as (door, _):
            await pub("roadside/v1/fix", json.dumps(crew_fix()))
            await until(store.entered.is_set, "the batch to be written")
            await door.stop()
            store.down = True
            store.release.set()
        assert store.fixes == []
        store.down = False
        async with gateway(mqtt_broker, devices, store):
            await until(lambda: len(store.fixes) == 1, "the fix delivered again")

    asyncio.run(main())
    assert len(store.fixes) == 1


class FlakyStore(FakeStore):
    """Unavailable while ``down``; ``lose_answer`` commits a batch but reports the database gone."""

    def __init__(self) -> None:
        super().__init__()
        self.lose_answer = False
        self.calls = 0

    def write_batch(self, fixes: Sequence[Fix]) -> list[Verdict]:
        self.calls += 1
        verdicts = super().write_batch(fixes)
        if self.lose_answer:
            self.lose_answer = False
            raise StoreUnavailable("connection lost after commit")
        return verdicts


def test_database_unavailable_leaves_the_message_to_the_broker_until_it_recovers(
    mqtt_broker: Broker, pub: Callable[..., Awaitable[None]], devices: FakeDevices
) -> None:
    store = FlakyStore()
    store.down = True
    verdicts: list[str] = []

    async def main() -> None:
        async with gateway(mqtt_broker, devices, store) as (door, _):
            await pub("roadside/v1/fix", json.dumps(crew_fix()))
            await until(lambda: door.counters().get("held", 0) >= 2, "two refused deliveries")
            assert store.fixes == []
            store.down = False
            await until(lambda: len(store.fixes) == 1, "the fix stored after recovery")
            await until(lambda: door.connected, "the gateway back on line")
            # Committed, but the gateway heard "unavailable": redelivered, then a duplicate.
            store.lose_answer = True
            await pub("roadside/v1/fix", json.dumps(crew_fix(seconds=10)))
            await until(lambda: door.counters().get("fix.duplicate") == 1, "the duplicate")
            verdicts.extend(k for k in door.counters() if k.startswith("fix."))

    asyncio.run(main())
    assert [f.at.timestamp() for f in store.fixes] == [1795000000, 1795000010], "each once"
    assert {"fix.unavailable", "fix.accepted", "fix.duplicate"} <= set(verdicts)


def test_bad_messages_are_acknowledged_counted_and_the_door_keeps_serving(
    mqtt_broker: Broker, pub: Callable[..., Awaitable[None]], devices: FakeDevices
) -> None:
    store = FakeStore()

    async def main() -> dict[str, int]:
        async with gateway(mqtt_broker, devices, store) as (door, _):
            await pub("roadside/v1/fix", "{not json")
            await pub("roadside/v1/fix", json.dumps({"id": TOKEN, "lat": "north", "lon": 120}))
            await pub("roadside/v1/fix", json.dumps([crew_fix(), {"lat": 30, "lon": 120}]))
            await pub("roadside/v1/fix", json.dumps(crew_fix("no-such-device")))
            await pub(f"owntracks/li.wei/{TOKEN}", json.dumps({"_type": "waypoint", "desc": "x"}))
            await pub(f"owntracks/li.wei/{TOKEN}", json.dumps({"_type": "location", "lat": 30}))
            await pub("roadside/v1/fix", json.dumps(crew_fix(seconds=30)))
            await until(lambda: len(store.fixes) == 2, "the good fixes")
            await until(lambda: door.counters().get("malformed") == 4, "the malformed count")
            return door.counters()

    counts = asyncio.run(main())
    assert counts["fix.unknown_device"] == 1 and counts["owntracks.ignored"] == 1
    assert [f.at.timestamp() for f in store.fixes] == [1795000000, 1795000030]


def test_two_gateways_of_one_group_share_the_messages(
    mqtt_broker: Broker, pub: Callable[..., Awaitable[None]], devices: FakeDevices
) -> None:
    store = FakeStore()

    async def main() -> tuple[int, int]:
        async with (
            gateway(mqtt_broker, devices, store, client_id="gw-a") as (a, _),
            gateway(mqtt_broker, devices, store, client_id="gw-b") as (b, _),
        ):
            # One crew each, so that neither gateway's fix can be older than the other's.
            for n in range(12):
                devices.add(f"{TOKEN[:-2]}{n:02d}", device_id=100 + n, crew_id=100 + n)
                await pub("roadside/v1/fix", json.dumps(crew_fix(f"{TOKEN[:-2]}{n:02d}")))
            await until(lambda: len(store.fixes) == 12, "all twelve fixes")
            return a.counters().get("fix.accepted", 0), b.counters().get("fix.accepted", 0)

    first, second = asyncio.run(main())
    assert first + second == 12 and first > 0 and second > 0


def reply_listener(broker: Broker, topic: str) -> tuple[paho.Client, list[paho.MQTTMessage]]:
    """A client subscribed to ``topic`` collecting what arrives."""
    got: list[paho.MQTTMessage] = []
    ready = threading.Event()
    client = paho.Client(CallbackAPIVersion.VERSION2, protocol=MQTTProtocolVersion.MQTTv5)
    client.on_message = lambda c, u, m: got.append(m)
    client.on_subscribe = lambda *args: ready.set()
    client.connect(broker.host, broker.port)
    client.subscribe(topic, 1)
    client.loop_start()
    assert ready.wait(WAIT)
    return client, got


def test_a_status_report_is_answered_on_the_reply_topic(
    mqtt_broker: Broker, pub: Callable[..., Awaitable[None]], devices: FakeDevices
) -> None:
    status = FakeStatus()
    listener, got = reply_listener(mqtt_broker, "roadside/v1/reply/#")

    async def main() -> None:
        async with gateway(mqtt_broker, devices, FakeStore(), status):
            report = {"id": TOKEN, "status": "en_route", "reference": "RA-1", "reply": "hz01"}
            await pub("roadside/v1/status", json.dumps(report))
            await until(lambda: len(got) == 1, "the answer")
            await pub("roadside/v1/status", json.dumps({**report, "status": "on_scene"}),
                      "-V", "5", "-D", "publish", "response-topic", "roadside/v1/reply/r5",
                      "-D", "publish", "correlation-data", "abc")  # fmt: skip
            await until(lambda: len(got) == 2, "the MQTT 5 answer")
            await pub("roadside/v1/status", json.dumps({"id": "nobody", "status": "towing",
                                                        "reply": "x"}))  # fmt: skip
            await pub("roadside/v1/status", json.dumps({"id": TOKEN, "status": "flying",
                                                        "reply": "x"}))  # fmt: skip
            await until(lambda: len(got) == 4, "the refusals")

    try:
        asyncio.run(main())
    finally:
        listener.loop_stop()
        listener.disconnect()
    answers = {m.topic: json.loads(m.payload) for m in got[:2]}
    assert answers["roadside/v1/reply/hz01"] == {
        "ok": True, "code": "ok", "message": "en route", "reference": "RA-1", "status": "en_route"
    }  # fmt: skip
    assert answers["roadside/v1/reply/r5"]["code"] == "illegal_transition"
    assert got[1].properties.CorrelationData == b"abc"  # type: ignore[union-attr]
    assert [json.loads(m.payload)["code"] for m in got[2:]] == ["unknown_device", "malformed"]
    (device, first), _ = status.reports
    assert (device.crew_id, first.reference) == (1, "RA-1")


@pytest.fixture(autouse=True)
def _no_leftover_threads() -> Iterator[None]:
    yield
    assert not [t for t in threading.enumerate() if t.name == "mqtt" and t.is_alive()]
