"""The ingest pipeline: resolve, limit, batch, and answer only after the batch committed."""

from __future__ import annotations

import asyncio
import logging
import threading
from datetime import UTC, datetime, timedelta
from typing import TypeVar

import pytest

from console.core.field.fix import FixSource, Report, Verdict
from console.gateway.ingest import Ingest, IngestSettings
from tests.gateway.fakes import FakeDevices, FakeStore, run_ingest

T = TypeVar("T")
START = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
TOKEN = "k3Jq9xWm2PzR7vLt5NcY8bHd4Fg6SaE1"


class Ticks:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def report(token: str = TOKEN, seconds: float = 0, **extra: object) -> Report:
    return Report(
        token=token,
        at=START + timedelta(seconds=seconds),
        lat=30.25,
        lon=120.16,
        source=extra.pop("source", FixSource.OSMAND),  # type: ignore[arg-type]
        **extra,  # type: ignore[arg-type]
    )


@pytest.fixture
def devices() -> FakeDevices:
    registry = FakeDevices()
    registry.add(TOKEN, device_id=7, crew_id=3)
    return registry


@pytest.fixture
def store() -> FakeStore:
    return FakeStore()


def test_a_known_device_s_report_is_stored_as_its_crew_s_fix(devices, store) -> None:
    verdict = run_ingest(lambda ingest: ingest.submit(report(speed_kmh=42.0)), devices, store)

    assert verdict is Verdict.ACCEPTED
    [fix] = store.fixes
    assert (fix.device_id, fix.crew_id, fix.at, fix.speed_kmh) == (7, 3, START, 42.0)


def test_unknown_and_revoked_devices_are_refused_and_nothing_is_written(devices, store) -> None:
    devices.add("revoked-token-0000000000000000000", device_id=8, crew_id=4, revoked=True)

    async def body(ingest: Ingest) -> list[Verdict]:
        return [
            await ingest.submit(report("no-such-device-000000000000000000")),
            await ingest.submit(report("revoked-token-0000000000000000000")),
        ]

    assert run_ingest(body, devices, store) == [Verdict.UNKNOWN_DEVICE, Verdict.REVOKED_DEVICE]
    assert store.fixes == []


def test_a_cached_device_costs_no_further_look_up(devices, store) -> None:
    async def body(ingest: Ingest) -> None:
        await asyncio.gather(*(ingest.submit(report(seconds=i)) for i in range(50)))
        await ingest.submit(report(seconds=60))

    run_ingest(body, devices, store)

    assert devices.lookups == 1
    assert len(store.fixes) == 51


def test_a_verdict_comes_only_after_the_batch_committed(devices, store) -> None:
    store.gate = threading.Event()

    async def body(ingest: Ingest) -> Verdict:
        pending = asyncio.ensure_future(ingest.submit(report()))
        await asyncio.sleep(0.5)  # well past the batch interval
        assert not pending.done(), "answered before the store committed"
        store.gate.set()  # type: ignore[union-attr]
        return await pending

    assert run_ingest(body, devices, store) is Verdict.ACCEPTED
    assert len(store.fixes) == 1


def test_reports_are_batched_by_count(devices, store) -> None:
    for n in range(2, 1202):
        devices.add(f"token-{n:028d}", device_id=n, crew_id=n)
    settings = IngestSettings(batch_size=500, batch_interval=1.0, lanes=1)

    async def body(ingest: Ingest) -> list[Verdict]:
        return await asyncio.gather(
            *(ingest.submit(report(f"token-{n:028d}")) for n in range(2, 1202))
        )

    verdicts = run_ingest(body, devices, store, settings)

    assert set(verdicts) == {Verdict.ACCEPTED}
    assert [len(batch) for batch in store.batches] == [500, 500, 200]


def test_the_store_s_refusals_reach_their_submitter_alone(devices, store) -> None:
    async def body(ingest: Ingest) -> list[Verdict]:
        await ingest.submit(report(seconds=10))
        return await ingest.submit_many(
            [report(seconds=5), report(seconds=20), report(seconds=30, source=FixSource.MQTT)]
        )

    verdicts = run_ingest(body, devices, store)

    assert verdicts == [Verdict.STALE, Verdict.ACCEPTED, Verdict.ACCEPTED]
    assert [fix.at for fix in store.fixes] == [START + timedelta(seconds=s) for s in (10, 20, 30)]


def test_a_database_failure_answers_unavailable_for_the_whole_batch(devices, store) -> None:
    store.down = True

    async def body(ingest: Ingest) -> tuple[list[Verdict], Verdict]:
        failed = await ingest.submit_many([report(seconds=1), report(seconds=2)])
        store.down = False
        return failed, await ingest.submit(report(seconds=3))

    failed, recovered = run_ingest(body, devices, store)

    assert failed == [Verdict.UNAVAILABLE, Verdict.UNAVAILABLE]
    assert recovered is Verdict.ACCEPTED
    assert [fix.at for fix in store.fixes] == [START + timedelta(seconds=3)]


def test_a_registry_failure_answers_unavailable_and_is_not_remembered(devices, store) -> None:
    devices.down = True

    async def body(ingest: Ingest) -> list[Verdict]:
        first = await ingest.submit(report(seconds=1))
        devices.down = False
        return [first, await ingest.submit(report(seconds=2))]

    assert run_ingest(body, devices, store) == [Verdict.UNAVAILABLE, Verdict.ACCEPTED]


def test_a_device_s_offline_buffer_passes_but_a_flood_is_rate_limited(devices, store) -> None:
    clock = Ticks()
    settings = IngestSettings(rate=2.0, burst=100, batch_interval=0.01)

    async def body(ingest: Ingest) -> tuple[list[Verdict], Verdict, float, Verdict]:
        buffered = await ingest.submit_many([report(seconds=i) for i in range(100)])
        flooded = await ingest.submit(report(seconds=100))
        wait = ingest.retry_after(report())
        clock.now += 0.5  # one more report's worth at 2 a second
        return buffered, flooded, wait, await ingest.submit(report(seconds=101))

    buffered, flooded, wait, later = run_ingest(body, devices, store, settings, clock)

    assert set(buffered) == {Verdict.ACCEPTED}
    assert flooded is Verdict.RATE_LIMITED
    assert wait >= 0.5
    assert later is Verdict.ACCEPTED
    assert len(store.fixes) == 101


def test_stop_writes_what_is_queued_and_refuses_what_comes_after(devices, store) -> None:
    async def main() -> tuple[list[Verdict], Verdict]:
        ingest = Ingest(devices, store, IngestSettings(batch_interval=60))
        ingest.start()
        queued = [asyncio.ensure_future(ingest.submit(report(seconds=i))) for i in range(3)]
        await asyncio.sleep(0.05)
        await ingest.stop()
        return [q.result() for q in queued], await ingest.submit(report(seconds=9))

    queued, late = asyncio.run(main())

    assert queued == [Verdict.ACCEPTED] * 3
    assert late is Verdict.UNAVAILABLE
    assert len(store.fixes) == 3


def test_counters_by_verdict_and_by_source(devices, store) -> None:
    async def body(ingest: Ingest) -> Ingest:
        await ingest.submit(report(seconds=1))
        await ingest.submit(report(seconds=2, source=FixSource.MQTT))
        await ingest.submit(report("unknown-token-000000000000000000"))
        return ingest

    ingest = run_ingest(body, devices, store)

    assert ingest.counters()["accepted"] == 2
    assert ingest.counters()["unknown_device"] == 1
    assert ingest.counters()["rate_limited"] == 0
    assert ingest.counters_by_source() == {
        "mqtt": {"accepted": 1},
        "osmand": {"accepted": 1, "unknown_device": 1},
    }


def test_refusals_are_logged_once_a_minute_per_device_and_never_with_the_token(
    devices, store, caplog: pytest.LogCaptureFixture
) -> None:
    clock = Ticks()
    stranger = "unknown-token-abcdefghijklmnopWXYZ"

    async def body(ingest: Ingest) -> None:
        for _ in range(5):
            await ingest.submit(report(stranger))
        clock.now += 61
        await ingest.submit(report(stranger))

    with caplog.at_level(logging.WARNING, logger="console.gateway"):
        run_ingest(body, devices, store, clock=clock)

    lines = [r.getMessage() for r in caplog.records if "unknown_device" in r.getMessage()]
    assert len(lines) == 2
    assert "4 more" in lines[1]
    assert all(stranger not in line and "WXYZ" in line for line in lines)


def test_health_follows_the_database_s_last_answer(devices, store) -> None:
    async def body(ingest: Ingest) -> list[bool]:
        up = await ingest.healthy()
        devices.down = True
        store.down = True
        await ingest.submit(report("never-seen-token-00000000000000000"))
        return [up, ingest.store_recently_ok(), await ingest.healthy()]

    assert run_ingest(body, devices, store) == [True, False, False]


def test_a_full_queue_refuses_a_submitter_but_holds_back_one_that_waits_for_room(
    devices, store
) -> None:
    store.gate = threading.Event()
    settings = IngestSettings(batch_size=2, batch_interval=0.01, max_queued=2, burst=100)

    async def body(ingest: Ingest) -> tuple[list[Verdict], list[Verdict]]:
        # The first batch is taken out and held in the store; two more fill the queue.
        first = asyncio.ensure_future(ingest.submit_many([report(seconds=0), report(seconds=1)]))
        await asyncio.sleep(0.2)
        queued = asyncio.ensure_future(ingest.submit_many([report(seconds=2), report(seconds=3)]))
        await asyncio.sleep(0.1)
        refused = await ingest.submit_many([report(seconds=4)])
        waiting = asyncio.ensure_future(
            ingest.submit_many([report(seconds=5), report(seconds=6)], wait_for_room=True)
        )
        await asyncio.sleep(0.2)
        assert not waiting.done(), "a waiting submitter was answered while the queue was full"
        store.gate.set()  # type: ignore[union-attr]
        return refused, [*await first, *await queued, *await waiting]

    refused, settled = run_ingest(body, devices, store, settings)

    assert refused == [Verdict.UNAVAILABLE]
    assert settled == [Verdict.ACCEPTED] * 6
    # In the order they came: nothing waited out of turn and came back stale.
    assert [int((f.at - START).total_seconds()) for f in store.fixes] == [0, 1, 2, 3, 5, 6]


def test_devices_come_from_one_read_of_the_registry_and_a_revocation_bites_at_the_next(
    devices, store
) -> None:
    for n in range(100, 600):
        devices.add(f"token-{n:028d}", device_id=n, crew_id=n)
    settings = IngestSettings(directory_refresh=0.2)

    async def body(ingest: Ingest) -> tuple[list[Verdict], Verdict]:
        await asyncio.sleep(0.1)  # the first read of the registry
        verdicts = await asyncio.gather(
            *(ingest.submit(report(f"token-{n:028d}")) for n in range(100, 600))
        )
        devices.add(TOKEN, device_id=7, crew_id=3, revoked=True)
        await asyncio.sleep(0.5)  # past the next read
        return verdicts, await ingest.submit(report(seconds=30))

    verdicts, after = run_ingest(body, devices, store, settings)

    assert set(verdicts) == {Verdict.ACCEPTED}
    assert devices.lookups == 0, "a device in the registry's copy cost a look-up of its own"
    assert devices.directories >= 2
    assert after is Verdict.REVOKED_DEVICE


def test_a_device_added_since_the_last_read_is_looked_up_on_its_own(devices, store) -> None:
    settings = IngestSettings(directory_refresh=60)

    async def body(ingest: Ingest) -> Verdict:
        await asyncio.sleep(0.1)
        devices.add("added-later-00000000000000000000", device_id=9, crew_id=5)
        return await ingest.submit(report("added-later-00000000000000000000"))

    assert run_ingest(body, devices, store, settings) is Verdict.ACCEPTED
    assert devices.lookups == 1
