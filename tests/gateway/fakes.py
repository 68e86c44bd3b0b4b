"""In-memory stand-ins for the data layer's field ports, for the gateway's unit tests."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar

from console.core.field.devices import token_hash
from console.core.field.fix import Fix, Verdict
from console.core.field.ports import (
    DeviceRef,
    FieldStatus,
    FixWriter,
    StatusAnswer,
    StatusReport,
    StoreUnavailable,
)
from console.gateway.ingest import Ingest, IngestSettings


class FakeDevices:
    """A device registry in a dict: token -> DeviceRef; counts the look-ups it answered."""

    def __init__(self) -> None:
        self.devices: dict[str, DeviceRef] = {}
        self.lookups = 0
        self.directories = 0
        self.down = False

    def add(self, token: str, device_id: int, crew_id: int, *, revoked: bool = False) -> DeviceRef:
        ref = DeviceRef(device_id, crew_id, f"CREW-{crew_id}", token[-4:], revoked)
        self.devices[token] = ref
        return ref

    def resolve(self, token: str) -> DeviceRef | None:
        self.lookups += 1
        if self.down:
            raise StoreUnavailable("registry down")
        return self.devices.get(token)

    def directory(self) -> dict[str, DeviceRef]:
        self.directories += 1
        if self.down:
            raise StoreUnavailable("registry down")
        return {token_hash(token): ref for token, ref in self.devices.items()}


class FakeStore:
    """A fix writer keeping batches in a list; refuses fixes older than the crew's newest."""

    def __init__(self) -> None:
        self.batches: list[list[Fix]] = []
        self.down = False
        self.gate: threading.Event | None = None
        """When set, a write waits for this event first (to hold a batch open)."""

    @property
    def fixes(self) -> list[Fix]:
        return [fix for batch in self.batches for fix in batch]

    def write_batch(self, fixes: Sequence[Fix]) -> list[Verdict]:
        if self.gate is not None:
            self.gate.wait(5)
        if self.down:
            raise StoreUnavailable("database down")
        newest = {}
        for fix in self.fixes:
            newest[fix.crew_id] = max(newest.get(fix.crew_id, fix.at), fix.at)
        verdicts = []
        stored = []
        for fix in fixes:
            last = newest.get(fix.crew_id)
            if last is not None and fix.at == last and any(f == fix for f in self.fixes):
                verdicts.append(Verdict.DUPLICATE)
            elif last is not None and fix.at < last:
                verdicts.append(Verdict.STALE)
            elif not (-90 <= fix.lat <= 90 and 70 <= fix.lon <= 140):
                verdicts.append(Verdict.OUTSIDE_AREA)
            else:
                verdicts.append(Verdict.ACCEPTED)
                stored.append(fix)
                newest[fix.crew_id] = fix.at
        self.batches.append(stored)
        return verdicts


class FakeStatus:
    """A field-status writer that accepts en route and refuses everything else."""

    def __init__(self) -> None:
        self.reports: list[tuple[DeviceRef, StatusReport]] = []

    def report_status(self, device: DeviceRef, report: StatusReport) -> StatusAnswer:
        self.reports.append((device, report))
        if report.status is FieldStatus.EN_ROUTE:
            return StatusAnswer(True, "ok", "en route", report.reference, "en_route")
        return StatusAnswer(False, "illegal_transition", "not allowed now", report.reference)


T = TypeVar("T")


def run_ingest(
    body: Callable[[Ingest], Awaitable[T]],
    devices: FakeDevices,
    store: FixWriter,
    settings: IngestSettings | None = None,
    clock: Callable[[], float] | None = None,
) -> T:
    """Run ``body`` against a started :class:`Ingest` on a fresh event loop; stop it afterwards."""

    async def main() -> T:
        ingest = Ingest(devices, store, settings, **({"clock": clock} if clock else {}))
        ingest.start()
        try:
            return await body(ingest)
        finally:
            await ingest.stop()

    return asyncio.run(main())
