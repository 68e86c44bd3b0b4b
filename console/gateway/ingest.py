"""The gateway's ingest pipeline: from a parsed report to a committed fix and its verdict.

Every door (OsmAnd HTTP, MQTT, OwnTracks) hands its :class:`Report` objects to one
:class:`Ingest`. It resolves the device, refuses unknown and revoked devices and
devices over their rate, and queues the rest into writer lanes. Each lane is a
batcher that writes its fixes through :meth:`FixWriter.write_batch` every 250 ms
or every 500 fixes, whichever comes first, on its own worker thread, so lanes
write side by side (one database transaction each). A crew's fixes always go to
the same lane (``crew_id % lanes``): two batches written at once never hold
fixes of one crew, so a crew's fixes are judged and committed in the order they
came (otherwise a later fix could commit first and the earlier one be refused as
stale). A submitter's verdict is known only once its batch committed, so an
acknowledgement always means "stored". Nothing here must survive a restart:
caches and rate buckets simply start afresh.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from console.core.field.fix import Fix, FixSource, Report, Verdict
from console.core.field.ports import DeviceLookup, DeviceRef, FixWriter, StoreUnavailable
from console.gateway.devices import DeviceCache
from console.gateway.ratelimit import RateLimiter
from console.gateway.refusals import RefusalLog, token_hint

__all__ = ["Ingest", "IngestSettings"]

_log = logging.getLogger(__name__)

_STORE_VERDICTS = frozenset(
    {
        Verdict.ACCEPTED,
        Verdict.DUPLICATE,
        Verdict.OUTSIDE_AREA,
        Verdict.FUTURE,
        Verdict.STALE,
        Verdict.JUMP,
    }
)

_PROBE_TOKEN = "-health-probe-"
"""An identifier no device can have (real ones are long random strings)."""


@dataclass(frozen=True, slots=True)
class IngestSettings:
    """Tuning of the ingest pipeline (the defaults suit a national fleet)."""

    batch_interval: float = 0.25
    """Seconds the oldest queued fix waits at most before its batch is written."""
    batch_size: int = 500
    """Fixes per batch at most; a full batch is written at once."""
    max_queued: int = 20_000
    """Fixes waiting beyond this, counted over all lanes, are answered UNAVAILABLE at once
    (the database is behind), unless the submitter waits for room
    (``submit_many(..., wait_for_room=True)``). A total, not a per-lane figure: it bounds
    what the process holds unacknowledged whatever the number of lanes."""
    lanes: int = 2
    """Batches written at once, each on its own thread and database connection (at least 1)."""
    rate: float = 5.0
    """Reports a second each device may send, sustained."""
    burst: float = 300.0
    """Reports a device may send at once (a phone's offline buffer)."""
    directory_refresh: float = 15.0
    """Seconds between reads of the whole device registry (a revocation takes effect within this)."""
    device_ttl: float = 60.0
    """Seconds a resolved device is remembered (a revocation takes effect within this)."""
    unknown_ttl: float = 10.0
    """Seconds an unknown identifier is remembered."""
    healthy_within: float = 10.0
    """Seconds after the database last answered during which the gateway counts as healthy."""

    def __post_init__(self) -> None:
        if isinstance(self.lanes, bool) or not isinstance(self.lanes, int) or self.lanes < 1:
            raise ValueError(f"lanes must be a whole number of at least 1, got {self.lanes!r}")


@dataclass(slots=True)
class _Queued:
    fix: Fix
    hint: str
    future: asyncio.Future[Verdict]
    at: float


class _Lane:
    """One batcher: its queue, the event that wakes it and the one thread that writes for it."""

    def __init__(self, number: int) -> None:
        self.queue: list[_Queued] = []
        self.wake = asyncio.Event()
        self.pool = ThreadPoolExecutor(1, thread_name_prefix=f"gateway-write-{number}")
        self.task: asyncio.Task[None] | None = None
        self.batches = 0


class Ingest:
    """Resolves, limits and batches reports into the database; one per gateway process.

    Use it from one asyncio event loop: ``start()`` inside the loop, then
    ``await submit(report)`` from any number of tasks, and ``await stop()`` to
    write what is queued before the process ends.
    """

    def __init__(
        self,
        lookup: DeviceLookup,
        writer: FixWriter,
        settings: IngestSettings | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings or IngestSettings()
        self._writer = writer
        self._clock = clock
        self._lookup_pool = ThreadPoolExecutor(4, thread_name_prefix="gateway-lookup")
        self._devices = DeviceCache(
            lookup,
            self._lookup_pool,
            clock=clock,
            ttl=self.settings.device_ttl,
            negative_ttl=self.settings.unknown_ttl,
        )
        self._limiter = RateLimiter(self.settings.rate, self.settings.burst, clock=clock)
        self._refusals = RefusalLog(clock=clock)
        self._lanes = [_Lane(number) for number in range(self.settings.lanes)]
        self._room = asyncio.Event()
        """Set whenever the lanes have room again (a batch left one, or stop() began)."""
        self._directory_task: asyncio.Task[None] | None = None
        self._stopping = False
        self._counts: Counter[tuple[FixSource, Verdict]] = Counter()
        self._store_ok_at: float | None = None
        self._store_failed_at: float | None = None

    # -- life cycle ---------------------------------------------------------------

    def start(self) -> None:
        """Start the lanes' batchers (call inside the running event loop)."""
        loop = asyncio.get_running_loop()
        for lane in self._lanes:
            if lane.task is None:
                lane.task = loop.create_task(self._batch_loop(lane))
        if self._directory_task is None:
            self._directory_task = loop.create_task(self._directory_loop())

    async def stop(self) -> None:
        """Refuse new reports, write every queued fix of every lane, release the worker threads."""
        self._stopping = True
        for lane in self._lanes:
            lane.wake.set()
        self._room.set()
        if self._directory_task is not None:
            self._directory_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._directory_task
            self._directory_task = None
        tasks = [lane.task for lane in self._lanes if lane.task is not None]
        await asyncio.gather(*tasks)
        for lane in self._lanes:
            lane.task = None
        self._lookup_pool.shutdown(wait=False, cancel_futures=True)
        for lane in self._lanes:
            lane.pool.shutdown(wait=True)

    # -- submitting -----------------------------------------------------------------

    async def submit(self, report: Report) -> Verdict:
        """Store ``report`` as a fix of its device's crew; its verdict once the batch committed."""
        entry = await self._admit(report)
        if isinstance(entry, Verdict):
            return entry
        return await entry.future

    async def submit_many(
        self, reports: Iterable[Report], *, wait_for_room: bool = False
    ) -> list[Verdict]:
        """Submit several reports (an MQTT batch) at once; their verdicts in the same order.

        With ``wait_for_room`` a full queue makes the submitter wait instead of answering
        UNAVAILABLE: back-pressure for a door whose client keeps order only while it is
        not refused (an MQTT broker redelivers an unacknowledged message later, after
        newer fixes of the same crew were stored, and the store must then refuse it as
        stale). The broker stops sending once its in-flight window is full.
        """
        admitted = [await self._admit(report, wait_for_room) for report in reports]
        return [entry if isinstance(entry, Verdict) else await entry.future for entry in admitted]

    async def device(self, token: str) -> DeviceRef | None:
        """The device an identifier belongs to (cached); raises StoreUnavailable."""
        device = await self._devices.resolve(token)
        self._store_answered()
        return device

    def retry_after(self, report: Report) -> float:
        """Seconds until ``report``'s device may send again after RATE_LIMITED (at least 1)."""
        hit, device = self._devices.cached(report.token)
        wait = self._limiter.retry_after(device.device_id) if hit and device is not None else 0
        return max(1.0, wait)

    async def _admit(self, report: Report, wait_for_room: bool = False) -> _Queued | Verdict:
        if self._stopping:
            return self._refuse(report, token_hint(report.token), Verdict.UNAVAILABLE)
        hit, device = self._devices.cached(report.token)
        if not hit:
            try:
                device = await self.device(report.token)
            except StoreUnavailable:
                self._store_failed()
                return self._refuse(report, token_hint(report.token), Verdict.UNAVAILABLE)
            except Exception:
                _log.exception("device look-up failed")
                self._store_failed()
                return self._refuse(report, token_hint(report.token), Verdict.UNAVAILABLE)
        if device is None:
            return self._refuse(report, token_hint(report.token), Verdict.UNKNOWN_DEVICE)
        if device.revoked:
            return self._refuse(report, device.hint, Verdict.REVOKED_DEVICE)
        if not self._limiter.allow(device.device_id):
            return self._refuse(report, device.hint, Verdict.RATE_LIMITED)
        while wait_for_room and self._full() and not self._stopping:
            self._room.clear()
            await self._room.wait()
        if self._full() or self._stopping:
            return self._refuse(report, device.hint, Verdict.UNAVAILABLE)
        fix = Fix.of(report, device_id=device.device_id, crew_id=device.crew_id)
        loop = asyncio.get_running_loop()
        entry = _Queued(fix, device.hint, loop.create_future(), loop.time())
        lane = self._lanes[fix.crew_id % len(self._lanes)]
        lane.queue.append(entry)
        if len(lane.queue) == 1 or len(lane.queue) >= self.settings.batch_size:
            lane.wake.set()
        return entry

    def _queued(self) -> int:
        """Fixes waiting in all lanes together."""
        return sum(len(lane.queue) for lane in self._lanes)

    def _full(self) -> bool:
        """True when the lanes together hold ``max_queued`` fixes."""
        return self._queued() >= self.settings.max_queued

    def _refuse(self, report: Report, hint: str, verdict: Verdict) -> Verdict:
        self.note_refusal(report.source, verdict, f"device {hint}")
        return verdict

    def note_refusal(self, source: FixSource, verdict: Verdict, who: str, detail: str = "") -> None:
        """Count and log (once a minute per ``who`` and cause) a report refused at a door.

        For what a door decides before there is a report: a malformed or oversize
        request (``who`` then names the client's address, never a token).
        """
        self._counts[source, verdict] += 1
        self._refusals.refused(who, verdict.value, detail)

    # -- the device directory -------------------------------------------------------

    async def _directory_loop(self) -> None:
        """Keep the copy of the device registry fresh: one query every ``directory_refresh`` s."""
        while not self._stopping:
            try:
                await self._devices.refresh()
            except StoreUnavailable as error:
                self._store_failed()
                self._refusals.refused(
                    "the device directory", "database unavailable", f" ({error})"
                )
            except Exception:
                _log.exception("reading the device directory failed")
            else:
                self._store_answered()
            await asyncio.sleep(self.settings.directory_refresh)

    # -- batching -------------------------------------------------------------------

    async def _batch_loop(self, lane: _Lane) -> None:
        """One lane: its next batch is taken only once the previous one committed."""
        settings = self.settings
        loop = asyncio.get_running_loop()
        queue = lane.queue
        while True:
            if not queue:
                if self._stopping:
                    return
                lane.wake.clear()
                await lane.wake.wait()
                continue
            wait = settings.batch_interval - (loop.time() - queue[0].at)
            if len(queue) < settings.batch_size and not self._stopping and wait > 0:
                lane.wake.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(lane.wake.wait(), wait)
                continue
            batch = queue[: settings.batch_size]
            del queue[: settings.batch_size]
            self._room.set()
            await self._write(lane, batch)

    async def _write(self, lane: _Lane, batch: Sequence[_Queued]) -> None:
        fixes = [entry.fix for entry in batch]
        loop = asyncio.get_running_loop()
        try:
            verdicts = await loop.run_in_executor(lane.pool, self._writer.write_batch, fixes)
        except StoreUnavailable as error:
            self._store_failed()
            self._refusals.refused("every device", "database unavailable", f" ({error})")
            verdicts = [Verdict.UNAVAILABLE] * len(batch)
        except Exception:
            _log.exception("writing a batch of %d fixes failed", len(batch))
            self._store_failed()
            verdicts = [Verdict.UNAVAILABLE] * len(batch)
        else:
            if len(verdicts) != len(batch) or not _STORE_VERDICTS.issuperset(verdicts):
                _log.error("the store answered %d verdicts for %d fixes", len(verdicts), len(batch))
                verdicts = [Verdict.UNAVAILABLE] * len(batch)
            else:
                lane.batches += 1
                self._store_answered()
        for entry, verdict in zip(batch, verdicts, strict=True):
            self._counts[entry.fix.source, verdict] += 1
            if not verdict.stored and verdict is not Verdict.UNAVAILABLE:
                self._refusals.refused(f"device {entry.hint}", verdict.value)
            if not entry.future.done():
                entry.future.set_result(verdict)

    # -- health and counters ----------------------------------------------------------

    def _store_answered(self) -> None:
        self._store_ok_at = self._clock()

    def _store_failed(self) -> None:
        self._store_failed_at = self._clock()

    def store_recently_ok(self) -> bool:
        """True when the database's last answer was a success, within ``healthy_within`` seconds."""
        ok, failed = self._store_ok_at, self._store_failed_at
        if ok is None or (failed is not None and failed >= ok):
            return False
        return self._clock() - ok <= self.settings.healthy_within

    async def healthy(self) -> bool:
        """True when the database answered recently; asks it (one cheap look-up) when unsure.

        A failure within ``healthy_within`` seconds, with no success since, is
        unhealthy without asking again.
        """
        if self.store_recently_ok():
            return True
        ok, failed = self._store_ok_at, self._store_failed_at
        recent = failed is not None and self._clock() - failed <= self.settings.healthy_within
        if recent and (ok is None or (failed is not None and failed >= ok)):
            return False
        loop = asyncio.get_running_loop()
        try:
            await loop.run_in_executor(
                self._lookup_pool, self._devices.lookup.resolve, _PROBE_TOKEN
            )
        except Exception:
            self._store_failed()
            return False
        self._store_answered()
        return True

    def counters(self) -> dict[str, int]:
        """Reports by verdict so far, every verdict present (``{"accepted": 12, ...}``)."""
        totals = dict.fromkeys((v.value for v in Verdict), 0)
        for (_, verdict), n in self._counts.items():
            totals[verdict.value] += n
        return totals

    def counters_by_source(self) -> dict[str, dict[str, int]]:
        """Reports by source, then verdict (only the pairs seen)."""
        table: dict[str, dict[str, int]] = {}
        for (source, verdict), n in sorted(self._counts.items()):
            table.setdefault(source.value, {})[verdict.value] = n
        return table

    def metrics(self) -> dict[str, object]:
        """Everything ``/metrics`` shows, as plain JSON-ready values."""
        return {
            "verdicts": self.counters(),
            "sources": self.counters_by_source(),
            "queued": self._queued(),
            "batches": sum(lane.batches for lane in self._lanes),
            "lanes": [{"queued": len(lane.queue), "batches": lane.batches} for lane in self._lanes],
            "database_ok": self.store_recently_ok(),
        }
