"""The live demo's vehicles as registered devices, so their fixes go in as real vehicles' do.

A fix names the device that sent it, and only registered devices' fixes are
stored. The demo registers one device (label :data:`DEMO_DEVICE_LABEL`) for a
crew the first time it drives that crew, through the device registry like an
administrator's ``devices add`` (one ledger event each), and finds it again on
the next start: it never registers a second one for the same crew. Crews the
demo never drives get none, so the device list holds no thousands of idle demo
devices and the demo starts without registering the whole fleet first. The secret
identifier a registration returns is dropped: the demo writes its fixes
straight to the batch writer in its own process and never sends it anywhere.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from sqlalchemy import Engine

from console.core.errors import NotFound
from console.core.roles import Principal
from console.db.telemetry.devices import DeviceRegistry

__all__ = ["DEMO_DEVICE_LABEL", "DemoDevices"]

log = logging.getLogger(__name__)

DEMO_DEVICE_LABEL = "demo twin"
"""The label of the devices the live demo registers."""


class DemoDevices:
    """Each driven crew's demo device id, registered once per crew and remembered."""

    def __init__(self, engine: Engine, *, actor: str) -> None:
        self._registry = DeviceRegistry(engine, principal=Principal.system(actor))
        self._known: dict[int, int] | None = None

    def for_crews(self, crew_ids: Iterable[int]) -> dict[int, int]:
        """Crew id -> its demo device's id, registering a device for crews without one."""
        known = self._load()
        wanted = set(crew_ids)
        for crew_id in sorted(wanted - known.keys()):
            try:
                row, _identifier = self._registry.add_for_crew(crew_id, DEMO_DEVICE_LABEL)
            except NotFound:
                continue  # the crew was removed meanwhile: nothing to drive
            known[crew_id] = row.id
            log.info("demo twin: device %d registered for crew %s", row.id, row.call_sign)
        return {crew: known[crew] for crew in wanted if crew in known}

    def _load(self) -> dict[int, int]:
        if self._known is None:
            self._known = {
                row.crew_id: row.id
                for row in self._registry.list()
                if row.label == DEMO_DEVICE_LABEL and not row.revoked
            }
        return self._known
