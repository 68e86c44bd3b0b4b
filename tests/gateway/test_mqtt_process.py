"""The gateway process with ``--mqtt``: fixes from ``mosquitto_pub`` land in the database, and a
gateway killed with SIGKILL over and over loses no fix the broker acknowledged."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import paho.mqtt.client as paho
import pytest
from paho.mqtt.enums import CallbackAPIVersion, MQTTProtocolVersion
from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import Properties
from sqlalchemy import Engine, func, select

from console.db.engine import make_engine
from console.db.models import Crew, PositionFix
from console.gateway.mqtt import FIX_TOPIC, OWNTRACKS_TOPIC, STATUS_TOPIC
from tests.gateway.conftest import register_device
from tests.support.broker import Broker, mosquitto_pub

ROOT = Path(__file__).resolve().parents[2]
KILLS = 10
"""SIGKILLs under load in one run (each costs a process start)."""


def prepare_session(broker: Broker, client_id: str) -> None:
    """Open the gateway's persistent session with its subscriptions, as a gateway that ran before.

    A broker keeps messages only for sessions it knows: without this, what is sent
    before the new process first subscribes would reach no one.
    """
    subscribed = threading.Event()
    client = paho.Client(
        CallbackAPIVersion.VERSION2, client_id=client_id, protocol=MQTTProtocolVersion.MQTTv5
    )
    client.on_subscribe = lambda *args: subscribed.set()
    expiry = Properties(PacketTypes.CONNECT)  # type: ignore[no-untyped-call]
    expiry.SessionExpiryInterval = 3600
    client.connect(broker.host, broker.port, clean_start=False, properties=expiry)
    client.loop_start()
    topics = (f"{FIX_TOPIC}/#", OWNTRACKS_TOPIC, f"{STATUS_TOPIC}/#")
    client.subscribe([(f"$share/roadside/{topic}", 1) for topic in topics])
    assert subscribed.wait(10)
    client.disconnect()
    client.loop_stop()


def start_gateway(db_url: str, broker: Broker, client_id: str) -> subprocess.Popen[str]:
    """``roadside-console gateway --mqtt``, once it serves (its first line says so)."""
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "gateway", "--db", db_url,
         "--listen", "127.0.0.1:0", "--mqtt", f"{broker.url}?client_id={client_id}"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert process.stdout is not None
    first = process.stdout.readline()
    if not first.startswith("gateway on"):
        process.kill()
        pytest.fail(f"the gateway did not start: {first}{process.communicate()[1]}")
    return process


def stop(process: subprocess.Popen[str], sig: signal.Signals) -> tuple[str, str]:
    os.kill(process.pid, sig)
    try:
        return process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()


def stored(engine: Engine) -> tuple[int, set[tuple[int, datetime]]]:
    """(stored fixes, their distinct crews and times)."""
    with engine.connect() as connection:
        count = connection.scalar(select(func.count()).select_from(PositionFix)) or 0
        rows = connection.execute(select(PositionFix.crew_id, PositionFix.at))
        fixes = {(crew, at.replace(tzinfo=UTC)) for crew, at in rows}
    return count, fixes


def test_a_fix_from_mosquitto_pub_moves_the_crew_through_the_gateway_process(
    mqtt_broker: Broker, seeded_sqlite: str
) -> None:
    command = mosquitto_pub()
    if command is None:
        pytest.skip("mosquitto_pub is not installed: sudo apt-get install mosquitto-clients")
    engine = make_engine(seeded_sqlite)
    token = register_device(engine, crew_id=2)
    at = int((datetime.now(UTC) - timedelta(minutes=1)).timestamp())
    prepare_session(mqtt_broker, "gw-e2e")
    gateway = start_gateway(seeded_sqlite, mqtt_broker, "gw-e2e")
    try:
        subprocess.run(
            [command, "-h", mqtt_broker.host, "-p", str(mqtt_broker.port), "-q", "1",
             "-t", f"owntracks/hz02/{token}",
             "-m", f'{{"_type":"location","lat":30.2801,"lon":120.1702,"tst":{at}}}'],
            check=True,
        )  # fmt: skip
        deadline = time.monotonic() + 20
        while stored(engine)[0] < 1 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        out, err = stop(gateway, signal.SIGTERM)
    assert gateway.returncode == 0, err
    with engine.connect() as connection:
        crew = connection.execute(select(Crew.lat, Crew.lon).where(Crew.id == 2)).one()
    assert tuple(crew) == (30.2801, 120.1702)
    assert "1 accepted" in out
    engine.dispose()


class Publisher:
    """Publishes crews' fixes at QoS 1 from a thread, in turn, each device within its rate
    (20 fixes a second in all); knows which the broker acknowledged."""

    def __init__(self, broker: Broker, tokens: list[str]) -> None:
        self.tokens = tokens
        self.start = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=2)
        self._sent: list[tuple[paho.MQTTMessageInfo, tuple[str, datetime]]] = []
        self._stop = threading.Event()
        self.client = paho.Client(CallbackAPIVersion.VERSION2, client_id="vehicle-hz01")
        self.client.max_queued_messages_set(0)
        self.client.connect(broker.host, broker.port)
        self.client.loop_start()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @property
    def acknowledged(self) -> set[tuple[str, datetime]]:
        """(device identifier, time) of the fixes the broker answered PUBACK for."""
        return {sent for info, sent in self._sent if info.is_published()}

    def _run(self) -> None:
        n = 0
        while not self._stop.is_set():
            token = self.tokens[n % len(self.tokens)]
            step = n // len(self.tokens)
            at = self.start + timedelta(seconds=step)
            body = (f'{{"id":"{token}","lat":{30.25 + step * 0.00005:.6f},"lon":120.16,'
                    f'"timestamp":{int(at.timestamp())}}}')  # fmt: skip
            info = self.client.publish("roadside/v1/fix", body, qos=1)
            self._sent.append((info, (token, at)))
            n += 1
            time.sleep(0.05)

    def __enter__(self) -> Publisher:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(10)
        deadline = time.monotonic() + 10
        while not all(info.is_published() for info, _ in self._sent):
            if time.monotonic() > deadline:
                break
            time.sleep(0.05)
        self.client.disconnect()
        self.client.loop_stop()


def test_sigkill_under_load_loses_no_fix_the_broker_acknowledged(
    mqtt_broker: Broker, seeded_sqlite: str
) -> None:
    engine = make_engine(seeded_sqlite)
    tokens = [register_device(engine, crew_id=crew) for crew in range(1, 7)]
    crews = {token: crew for crew, token in enumerate(tokens, start=1)}
    chance = random.Random(18)
    prepare_session(mqtt_broker, "gw-kill")
    with Publisher(mqtt_broker, tokens) as publisher:
        for _ in range(KILLS):
            gateway = start_gateway(seeded_sqlite, mqtt_broker, "gw-kill")
            time.sleep(chance.uniform(0.2, 0.8))
            stop(gateway, signal.SIGKILL)
            assert gateway.returncode == -signal.SIGKILL
    acknowledged = {(crews[token], at) for token, at in publisher.acknowledged}
    assert len(acknowledged) > 100, "the load was too light to mean anything"
    gateway = start_gateway(seeded_sqlite, mqtt_broker, "gw-kill")
    try:
        deadline = time.monotonic() + 60
        while not acknowledged <= stored(engine)[1] and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        _, err = stop(gateway, signal.SIGTERM)
    count, times = stored(engine)
    assert acknowledged <= times, f"{len(acknowledged - times)} acknowledged fixes lost; {err}"
    assert count == len(times), "a fix was stored twice"
    engine.dispose()
