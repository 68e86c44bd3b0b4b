"""Vehicles through a real Mosquitto broker into the database: status reports move the crew's job."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Callable

import paho.mqtt.client as paho
import pytest
from paho.mqtt.enums import CallbackAPIVersion, MQTTProtocolVersion
from sqlalchemy import Engine

from console.core.vocab import RequestStatus
from console.db.backend import DatabaseBackend
from console.db.telemetry.field_status import FieldStatusService
from console.gateway.ingest import Ingest, IngestSettings
from console.gateway.mqtt import MqttGateway, MqttSettings
from tests.db.conftest import FakeClock
from tests.db.helpers import draft
from tests.gateway.fakes import FakeDevices, FakeStore
from tests.support.broker import Broker, mosquitto_pub
from tests.support.principals import desk

TOKEN = "k3Jq9xWm2PzR7vLt5NcY8bHd4Fg6SaE1"
WAIT = 15.0


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
    command = mosquitto_pub()
    if command is None:
        pytest.skip("mosquitto_pub is not installed: sudo apt-get install mosquitto-clients")
    backend = DatabaseBackend(engine, principal=desk("dispatcher:test"), clock=clock)
    job = backend.take_call(draft())
    backend.assign(job.id, 1)
    devices = FakeDevices()
    devices.add(TOKEN, device_id=1, crew_id=1)
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
        body = json.dumps({"id": TOKEN, "reply": "hz01", **fields})
        process = await asyncio.create_subprocess_exec(
            command, "-h", mqtt_broker.host, "-p", str(mqtt_broker.port), "-q", "1",
            "-t", "roadside/v1/status/hz01", "-m", body,
        )  # fmt: skip
        assert await process.wait() == 0

    async def main() -> None:
        ingest = Ingest(devices, FakeStore(), IngestSettings(batch_interval=0.02))
        ingest.start()
        settings = MqttSettings(mqtt_broker.host, mqtt_broker.port, client_id="gw-db")
        door = MqttGateway(settings, ingest, FieldStatusService(engine, clock=clock))
        door.start()
        try:
            await until(lambda: door.connected, "the gateway to subscribe")
            await report(status="on_scene")
            await until(lambda: len(answers) == 1, "the refusal")
            for n, status in enumerate(("en_route", "on_scene", "completed"), start=2):
                await report(status=status, reference=job.reference)
                await until(lambda n=n: len(answers) == n, f"the answer to {status}")  # type: ignore[misc]
        finally:
            await door.stop()
            await ingest.stop()

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
