"""Faults under load, with the real ``roadside-console gateway`` process: nothing acknowledged is lost.

* The gateway killed with SIGKILL mid-load, 20 times (restarted each time): every
  fix it answered 200 is in ``position_fixes``.
* The database going away (a TCP proxy between the gateway and PostgreSQL is
  killed): the gateway answers 503 while it is away and takes fixes again by
  itself once it is back, without a restart.
* MQTT: messages the broker took while the database was away are delivered
  again once it is back, and stored.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import subprocess
import time
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy.engine import make_url

from console.db.engine import make_engine
from tests.bench.field_fleet import prepare_fleet
from tests.bench.field_http import Answer, HttpSender
from tests.bench.field_load import (
    ROOT,
    Recorder,
    feed,
    free_port,
    gateway_command,
    lost_fixes,
    stop_process,
    stored_fixes,
    wait_for_port,
)
from tests.bench.field_mqtt import MqttSender
from tests.bench.field_tracks import Device, Tracks
from tests.gateway.switch_proxy import SwitchProxy, switch_proxy
from tests.support.broker import Broker
from tests.support.databases import postgres_schema_url, postgres_unavailable_reason

pytestmark = pytest.mark.slow

DEVICES = 40
INTERVAL_S = 0.5
"""Each device reports twice a second: 80 fixes a second in all, a batch in flight at any time."""
KILLS = 20


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A throw-away PostgreSQL schema (skipped without a server)."""
    reason = postgres_unavailable_reason()
    if reason:
        pytest.skip(reason)
    with postgres_schema_url() as url:
        yield url


def devices_of(url: str, count: int = DEVICES) -> list[Device]:
    """``count`` registered devices, one per seeded crew."""
    engine = make_engine(url)
    try:
        return prepare_fleet(engine, count).devices
    finally:
        engine.dispose()


def start_gateway(url: str, port: int, mqtt: str | None = None) -> subprocess.Popen[bytes]:
    """``roadside-console gateway`` listening on ``port``, ready."""
    process = subprocess.Popen(
        gateway_command(url, port, mqtt, None),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, process)
    except BaseException:
        process.kill()
        process.wait()
        raise
    return process


def stored_and_lost(url: str, devices: list[Device], recorder: Recorder) -> tuple[int, int]:
    """(fixes of ``devices`` stored, acknowledged fixes not stored)."""
    engine = make_engine(url)
    try:
        stored = stored_fixes(engine, devices)
    finally:
        engine.dispose()
    return len(stored), lost_fixes(recorder, devices, stored)


def wait_stored(url: str, devices: list[Device], recorder: Recorder, timeout: float = 60) -> int:
    """How many acknowledged fixes are still not stored after up to ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        _, lost = stored_and_lost(url, devices, recorder)
        if lost == 0 or time.monotonic() > deadline:
            return lost
        time.sleep(0.5)


# ---------------------------------------------------------------- SIGKILL


def test_a_gateway_killed_under_load_20_times_loses_no_acknowledged_fix(db_url: str) -> None:
    devices = devices_of(db_url)
    tracks = Tracks(devices, INTERVAL_S)
    recorder = Recorder()
    ports = (free_port(), free_port())
    rng = random.Random(18)
    acked_per_life: list[int] = []

    async def scenario() -> None:
        # Each successor starts on the other port while its predecessor takes the load,
        # so the kills come a life apart, not a process start-up apart.
        current = await asyncio.to_thread(start_gateway, db_url, ports[0])
        sender = HttpSender("127.0.0.1", ports[0], 20, recorder.answer, timeout=10)
        runner = asyncio.create_task(sender.run())
        load = asyncio.create_task(feed(tracks, 3600, sender.queue.put_nowait))
        try:
            for life in range(KILLS):
                before = len(recorder.acked)
                successor_port = ports[(life + 1) % 2]
                successor = asyncio.create_task(
                    asyncio.to_thread(start_gateway, db_url, successor_port)
                )
                await asyncio.sleep(rng.uniform(0.6, 1.2))
                following = await successor
                current.kill()  # SIGKILL: no flush, no goodbye
                await asyncio.to_thread(current.wait)
                acked_per_life.append(len(recorder.acked) - before)
                current, sender.port = following, successor_port
        finally:
            load.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await load
            await sender.close()
            await runner
            current.kill()
            await asyncio.to_thread(current.wait)

    asyncio.run(scenario())
    stored, lost = stored_and_lost(db_url, devices, recorder)
    # Each life took fixes before it died, and kills cut requests off mid-flight.
    assert min(acked_per_life) > 0, acked_per_life
    assert recorder.statuses["0"] > 0
    assert lost == 0, f"{lost} of {len(recorder.acked)} acknowledged fixes are not stored"
    assert stored >= len(recorder.acked)


# ---------------------------------------------------------------- the database away


def through_proxy(url: str) -> tuple[tuple[str, int], Callable[[int], str]]:
    """The database server's (host, port), and ``url`` pointed at a proxy's port instead."""
    parsed = make_url(url)
    target = (parsed.host or "127.0.0.1", parsed.port or 5432)

    def proxied(port: int) -> str:
        return parsed.set(host="127.0.0.1", port=port).render_as_string(hide_password=False)

    return target, proxied


def test_while_the_database_is_away_the_gateway_answers_503_and_recovers_by_itself(
    postgres_url: str,
) -> None:
    devices = devices_of(postgres_url)
    tracks = Tracks(devices, INTERVAL_S)
    recorder = Recorder()
    port = free_port()
    target, proxied = through_proxy(postgres_url)
    phases: dict[str, list[int]] = {"before": [], "going": [], "away": [], "back": []}
    phase = "before"

    def note(answer: Answer) -> None:
        recorder.answer(answer)
        phases[phase].append(answer.status)

    async def scenario(database: SwitchProxy) -> float:
        nonlocal phase
        sender = HttpSender("127.0.0.1", port, 20, note, timeout=20)
        runner = asyncio.create_task(sender.run())
        load = asyncio.create_task(feed(tracks, 3600, sender.queue.put_nowait))
        try:
            await asyncio.sleep(2.0)
            phase = "going"
            database.cut()  # every connection to the database drops; new ones are refused
            await asyncio.sleep(1.0)  # requests in flight at the cut may still end either way
            phase = "away"
            await asyncio.sleep(3.0)
            phase = "back"
            database.restore()
            back = time.monotonic()
            while 200 not in phases["back"] and time.monotonic() - back < 30:
                await asyncio.sleep(0.1)
            recovered = time.monotonic() - back
            await asyncio.sleep(1.0)
        finally:
            load.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await load
            await sender.close()
            await runner
        return recovered

    with switch_proxy(target) as database:
        process = start_gateway(proxied(database.port), port)
        try:
            recovered = asyncio.run(scenario(database))
        finally:
            stop_process(process)
    assert phases["before"].count(200) > 0
    assert phases["away"], "no answer while the database was away"
    assert set(phases["away"]) == {503}, sorted(set(phases["away"]))
    assert 200 in phases["back"], "no fix stored within 30 s of the database's return"
    assert recovered < 30
    _, lost = stored_and_lost(postgres_url, devices, recorder)
    assert lost == 0


# ---------------------------------------------------------------- MQTT


async def publish(broker: Broker, tracks: Tracks, seconds: float, recorder: Recorder) -> None:
    """Every device's reports for ``seconds`` to ``broker`` with QoS 1, acknowledged by it."""
    sender = MqttSender(broker.host, broker.port, 2, recorder.answer)
    await sender.open()
    try:
        await feed(tracks, seconds, sender.send)
    finally:
        await sender.close()


def test_mqtt_messages_taken_while_the_database_was_away_are_stored_once_it_is_back(
    postgres_url: str, mqtt_broker: Broker
) -> None:
    devices = devices_of(postgres_url, 10)
    tracks = Tracks(devices, 1.0)
    recorder = Recorder()
    port = free_port()
    target, proxied = through_proxy(postgres_url)
    with switch_proxy(target) as database:
        process = start_gateway(proxied(database.port), port, mqtt=mqtt_broker.url)
        try:
            time.sleep(1.0)  # subscribed
            database.cut()
            asyncio.run(publish(mqtt_broker, tracks, 3.0, recorder))
            published = len(recorder.acked)
            time.sleep(2.0)
            stored_while_away, _ = stored_and_lost(postgres_url, devices, recorder)
            database.restore()
            lost = wait_stored(postgres_url, devices, recorder)
        finally:
            stop_process(process)
    assert published >= 20
    assert stored_while_away == 0
    assert lost == 0, f"{lost} of {published} messages the broker took were never stored"


def test_mqtt_messages_a_killed_gateway_had_not_acknowledged_are_delivered_to_its_successor(
    postgres_url: str, mqtt_broker: Broker
) -> None:
    devices = devices_of(postgres_url, 10)
    tracks = Tracks(devices, 0.5)
    recorder = Recorder()
    port = free_port()
    process = start_gateway(postgres_url, port, mqtt=mqtt_broker.url)
    try:
        time.sleep(1.0)  # subscribed
        asyncio.run(publish(mqtt_broker, tracks, 2.0, recorder))
        process.kill()
        process.wait()
        # The broker keeps these for the killed gateway's session.
        asyncio.run(publish(mqtt_broker, tracks, 2.0, recorder))
        process = start_gateway(postgres_url, port, mqtt=mqtt_broker.url)
        lost = wait_stored(postgres_url, devices, recorder)
    finally:
        stop_process(process)
    assert len(recorder.acked) >= 40
    assert lost == 0
