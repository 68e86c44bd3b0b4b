"""Writer lanes: batches written side by side, each crew's fixes in one lane and in order."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import TypeVar

import pytest

from console.core.field.fix import Fix, FixSource, Report, Verdict
from console.gateway.ingest import Ingest, IngestSettings
from tests.gateway.fakes import FakeDevices, run_ingest

T = TypeVar("T")
START = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
CREWS = range(1, 9)


def token(crew: int) -> str:
    return f"lane-token-{crew:022d}"


def report(crew: int, seconds: float = 0) -> Report:
    return Report(
        token=token(crew),
        at=START + timedelta(seconds=seconds),
        lat=30.25,
        lon=120.16,
        source=FixSource.MQTT,
    )


class LaneStore:
    """A thread-safe fix writer that holds each batch open a while and watches overlaps.

    Refuses a fix older than its crew's newest committed one as STALE, so a fix
    committed out of turn shows in the verdicts.
    """

    def __init__(self, hold: float = 0.05) -> None:
        self.hold = hold
        self.lock = threading.Lock()
        self.batches: list[list[Fix]] = []
        self.in_flight: list[set[int]] = []
        self.most_at_once = 0
        self.shared_crews: set[int] = set()
        """Crews that were in two batches being written at the same time (must stay empty)."""
        self.threads: set[str] = set()
        self.newest: dict[int, datetime] = {}
        self.gate: threading.Event | None = None

    def write_batch(self, fixes: Sequence[Fix]) -> list[Verdict]:
        crews = {fix.crew_id for fix in fixes}
        with self.lock:
            for other in self.in_flight:
                self.shared_crews |= crews & other
            self.in_flight.append(crews)
            self.most_at_once = max(self.most_at_once, len(self.in_flight))
            self.threads.add(threading.current_thread().name)
        try:
            if self.gate is not None:
                self.gate.wait(5)
            time.sleep(self.hold)
            with self.lock:
                verdicts = []
                for fix in fixes:
                    last = self.newest.get(fix.crew_id)
                    if last is not None and fix.at <= last:
                        verdicts.append(Verdict.STALE)
                    else:
                        verdicts.append(Verdict.ACCEPTED)
                        self.newest[fix.crew_id] = fix.at
                self.batches.append(list(fixes))
                return verdicts
        finally:
            with self.lock:
                self.in_flight.remove(crews)

    @property
    def fixes(self) -> list[Fix]:
        return [fix for batch in self.batches for fix in batch]


@pytest.fixture
def devices() -> FakeDevices:
    registry = FakeDevices()
    for crew in CREWS:
        registry.add(token(crew), device_id=100 + crew, crew_id=crew)
    return registry


def test_two_lanes_by_default_and_fewer_than_one_is_refused() -> None:
    assert IngestSettings().lanes == 2
    for bad in (0, -1, 1.5, True):
        with pytest.raises(ValueError, match="lanes"):
            IngestSettings(lanes=bad)  # type: ignore[arg-type]


def test_crews_are_split_across_lanes_written_side_by_side(devices: FakeDevices) -> None:
    store = LaneStore()
    # Batches written when full (four crews a lane), not early by the clock.
    settings = IngestSettings(lanes=2, batch_interval=60, batch_size=len(CREWS) // 2, burst=100)

    async def body(ingest: Ingest) -> list[Verdict]:
        return await ingest.submit_many([report(crew) for crew in CREWS])

    verdicts = run_ingest(body, devices, store, settings)

    assert verdicts == [Verdict.ACCEPTED] * len(CREWS)
    assert store.most_at_once == 2, "the two lanes never wrote at the same time"
    assert len(store.threads) == 2
    # Each batch holds the crews of one lane: crew_id % lanes.
    lanes = sorted(sorted({fix.crew_id % 2 for fix in batch}) for batch in store.batches)
    assert lanes == [[0], [1]]


def test_a_crew_s_fixes_are_never_in_two_batches_at_once_and_keep_their_order(
    devices: FakeDevices,
) -> None:
    store = LaneStore(hold=0.01)
    settings = IngestSettings(lanes=3, batch_size=7, batch_interval=0.005, burst=1000, rate=1000)

    async def one_crew(ingest: Ingest, crew: int) -> list[Verdict]:
        verdicts: list[Verdict] = []
        for second in range(40):
            # Two at a time, not waiting for the first: several of a crew's fixes queue at once.
            verdicts += await ingest.submit_many(
                [report(crew, 2 * second), report(crew, 2 * second + 1)]
            )
        return verdicts

    async def body(ingest: Ingest) -> list[list[Verdict]]:
        return await asyncio.gather(*(one_crew(ingest, crew) for crew in CREWS))

    per_crew = run_ingest(body, devices, store, settings)

    assert all(verdicts == [Verdict.ACCEPTED] * 80 for verdicts in per_crew)
    assert store.shared_crews == set()
    assert store.most_at_once >= 2
    for crew in CREWS:
        stored = [fix.at for fix in store.fixes if fix.crew_id == crew]
        assert stored == [START + timedelta(seconds=s) for s in range(80)]


def test_stop_drains_every_lane(devices: FakeDevices) -> None:
    store = LaneStore(hold=0.01)

    async def main() -> tuple[list[Verdict], dict[str, object]]:
        ingest = Ingest(devices, store, IngestSettings(lanes=3, batch_interval=60))
        ingest.start()
        queued = [asyncio.ensure_future(ingest.submit(report(crew))) for crew in CREWS]
        await asyncio.sleep(0.05)
        waiting = ingest.metrics()
        await ingest.stop()
        return [q.result() for q in queued], waiting

    verdicts, waiting = asyncio.run(main())

    assert waiting["queued"] == len(CREWS)
    assert [lane["queued"] for lane in waiting["lanes"]] == [2, 3, 3]  # type: ignore[attr-defined]
    assert verdicts == [Verdict.ACCEPTED] * len(CREWS)
    assert sorted(fix.crew_id for fix in store.fixes) == list(CREWS)
    assert len(store.threads) == 3


def test_max_queued_counts_all_lanes_and_a_waiting_submitter_is_held_back(
    devices: FakeDevices,
) -> None:
    store = LaneStore(hold=0)
    store.gate = threading.Event()
    settings = IngestSettings(lanes=2, batch_size=1, batch_interval=0.01, max_queued=2, burst=100)

    async def body(ingest: Ingest) -> tuple[Verdict, list[Verdict], dict[str, object]]:
        # One batch held open in each lane, then one fix queued in each: the total is full.
        held = [asyncio.ensure_future(ingest.submit(report(crew, 0))) for crew in (1, 2)]
        await asyncio.sleep(0.1)
        queued = [asyncio.ensure_future(ingest.submit(report(crew, 1))) for crew in (1, 2)]
        await asyncio.sleep(0.05)
        refused = await ingest.submit(report(3, 0))
        waiting = asyncio.ensure_future(ingest.submit_many([report(4, 0)], wait_for_room=True))
        await asyncio.sleep(0.1)
        assert not waiting.done(), "a waiting submitter was answered while the lanes were full"
        full = ingest.metrics()
        store.gate.set()  # type: ignore[union-attr]
        settled = [*await asyncio.gather(*held, *queued), *await waiting]
        return refused, settled, full

    refused, settled, full = run_ingest(body, devices, store, settings)

    assert refused is Verdict.UNAVAILABLE
    assert settled == [Verdict.ACCEPTED] * 5
    assert full["queued"] == 2
    assert [lane["queued"] for lane in full["lanes"]] == [1, 1]  # type: ignore[attr-defined]


def test_metrics_count_batches_over_all_lanes(devices: FakeDevices) -> None:
    store = LaneStore(hold=0)
    # Each lane's batch is written when full (four crews a lane), never early by the clock:
    # a slow device look-up must not split it.
    settings = IngestSettings(lanes=2, batch_interval=60, batch_size=len(CREWS) // 2)

    async def body(ingest: Ingest) -> dict[str, object]:
        await ingest.submit_many([report(crew) for crew in CREWS])
        return ingest.metrics()

    metrics = run_ingest(body, devices, store, settings)

    assert metrics["batches"] == 2
    assert metrics["lanes"] == [{"queued": 0, "batches": 1}, {"queued": 0, "batches": 1}]
