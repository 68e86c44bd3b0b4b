"""The MQTT door's figures in the gateway's ``/metrics``, read over HTTP while the door runs."""

from __future__ import annotations

import json
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest

from console.gateway import mqtt as door
from console.gateway.ingest import Ingest, IngestSettings
from console.gateway.mqtt import MqttMetrics, MqttSettings
from tests.gateway.fakes import FakeDevices, FakeStore
from tests.gateway.running import Running, running_gateway
from tests.support.broker import Broker, mosquitto_pub

TOKEN = "k3Jq9xWm2PzR7vLt5NcY8bHd4Fg6SaE1"
WAIT = 20.0


@pytest.fixture
def devices() -> FakeDevices:
    registry = FakeDevices()
    registry.add(TOKEN, device_id=7, crew_id=1)
    return registry


@contextmanager
def gateway_with_mqtt(
    devices: FakeDevices, store: FakeStore, host: str, port: int
) -> Iterator[Running]:
    """A real gateway (HTTP on a free port) whose MQTT door subscribes to ``host:port``."""
    settings = MqttSettings(host, port, client_id="gw-metrics", retry_pause=0.2, max_pause=0.5)
    board = MqttMetrics()

    async def mqtt_job(ingest: Ingest) -> None:
        await door.run(settings, ingest, metrics=board)

    def make_ingest() -> Ingest:
        return Ingest(devices, store, IngestSettings(batch_interval=0.02))

    with running_gateway(make_ingest, jobs=[mqtt_job], metrics={"mqtt": board}) as running:
        yield running


def metrics(running: Running) -> dict[str, Any]:
    answer = httpx.get(f"{running.url}/metrics", timeout=10)
    assert answer.status_code == 200
    figures: dict[str, Any] = answer.json()
    return figures


def poll(running: Running, done: Callable[[dict[str, Any]], bool], what: str) -> dict[str, Any]:
    """``/metrics`` once ``done`` holds for it (polling), or fail naming ``what``."""
    deadline = time.monotonic() + WAIT
    while True:
        figures = metrics(running)
        if done(figures):
            return figures
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}: {figures}")
        time.sleep(0.05)


def publish(broker: Broker, payload: str) -> None:
    command = mosquitto_pub()
    if command is None:
        pytest.skip("mosquitto_pub is not installed: sudo apt-get install mosquitto-clients")
    subprocess.run([command, "-h", broker.host, "-p", str(broker.port), "-q", "1",
                    "-t", "roadside/v1/fix", "-m", payload], check=True, timeout=30)  # fmt: skip


def fix(seconds: int = 0) -> str:
    return json.dumps({"id": TOKEN, "lat": 30.2741, "lon": 120.1551,
                       "timestamp": 1795000000 + seconds})  # fmt: skip


def test_metrics_show_the_mqtt_door_s_messages_acknowledgements_and_reconnects(
    mqtt_broker: Broker, devices: FakeDevices
) -> None:
    store = FakeStore()
    with gateway_with_mqtt(devices, store, mqtt_broker.host, mqtt_broker.port) as running:
        poll(running, lambda m: m["mqtt"]["connected"], "the door to subscribe")
        publish(mqtt_broker, "{not json")
        poll(running, lambda m: m["mqtt"]["acknowledged"] == 1, "the malformed message's PUBACK")
        # The database goes away: the door lets go of the fix and takes it again on reconnecting.
        store.down = True
        publish(mqtt_broker, fix())
        poll(running, lambda m: m["mqtt"]["held"] >= 1, "the door to let go of the fix")
        store.down = False
        after = poll(
            running,
            lambda m: m["mqtt"]["acknowledged"] == 2 and m["mqtt"]["connected"],
            "the fix stored and acknowledged after the database came back",
        )

    mqtt = after["mqtt"]
    assert len(store.fixes) == 1
    assert mqtt["malformed"] == 1
    assert mqtt["received"] >= 3, "the malformed message, the fix, the fix again"
    assert mqtt["redelivered"] >= 1
    assert mqtt["reconnects"] >= 1 and mqtt["connections"] == mqtt["reconnects"] + 1
    assert mqtt["outcomes"]["fix.accepted"] == 1
    assert mqtt["outcomes"]["fix.unavailable"] >= 1
    assert mqtt["broker"] == f"mqtt://{mqtt_broker.host}:{mqtt_broker.port} as gw-metrics"
    assert after["verdicts"]["accepted"] == 1, "the ingest's own figures are still there"


def test_an_unreachable_broker_shows_as_not_connected(devices: FakeDevices) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = int(probe.getsockname()[1])
    with gateway_with_mqtt(devices, FakeStore(), "127.0.0.1", closed_port) as running:
        figures = metrics(running)
        time.sleep(0.5)
        later = metrics(running)

    assert figures["mqtt"]["connected"] is False
    assert later["mqtt"]["connected"] is False and later["mqtt"]["received"] == 0


def test_a_gateway_without_mqtt_has_no_mqtt_figures() -> None:
    def make_ingest() -> Ingest:
        return Ingest(FakeDevices(), FakeStore())

    with running_gateway(make_ingest) as running:
        figures = metrics(running)

    assert "mqtt" not in figures and "verdicts" in figures


def test_before_the_door_runs_its_figures_say_not_connected() -> None:
    assert MqttMetrics()() == {"connected": False}
