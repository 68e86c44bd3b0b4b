"""What the gateway needs from the data layer, as interfaces (implemented in ``console.db.telemetry``).

The gateway (``console.gateway``) imports only these: it resolves a device's
secret identifier, writes batches of fixes, and passes on a crew's job status.
Each call is one transaction; a database failure raises
:class:`StoreUnavailable` and stores nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from console.core.field.fix import Fix, Verdict

__all__ = [
    "DeviceLookup",
    "DeviceRef",
    "FieldStatus",
    "FieldStatusWriter",
    "FixWriter",
    "StatusAnswer",
    "StatusReport",
    "StoreUnavailable",
]


class StoreUnavailable(Exception):
    """The database could not be reached or refused the transaction: nothing was written."""


@dataclass(frozen=True, slots=True)
class DeviceRef:
    """A registered device as the gateway sees it (never its secret identifier)."""

    device_id: int
    crew_id: int
    call_sign: str
    hint: str
    """The identifier's last characters, for logs and lists."""
    revoked: bool


class DeviceLookup(Protocol):
    """Finds the device a secret identifier belongs to."""

    def resolve(self, token: str) -> DeviceRef | None:
        """The device with this identifier (revoked ones too), or None when there is none."""
        ...

    def directory(self) -> dict[str, DeviceRef]:
        """Every registered device (revoked ones too), keyed by the SHA-256 of its identifier.

        One read for the whole fleet: a gateway refreshes its copy every few
        seconds instead of asking once per device. Raises StoreUnavailable.
        """
        ...


class FixWriter(Protocol):
    """Stores batches of fixes."""

    def write_batch(self, fixes: Sequence[Fix]) -> list[Verdict]:
        """Store ``fixes`` in one transaction; one verdict per fix, in order.

        Only ``ACCEPTED``, ``DUPLICATE``, ``OUTSIDE_AREA``, ``FUTURE``, ``STALE`` and
        ``JUMP`` come back. Raises :class:`StoreUnavailable` when nothing could be stored.
        """
        ...


class FieldStatus(StrEnum):
    """A job status a crew's device may report."""

    EN_ROUTE = "en_route"
    ON_SCENE = "on_scene"
    TOWING = "towing"
    COMPLETED = "completed"


@dataclass(frozen=True, slots=True)
class StatusReport:
    """A crew's device reporting its current job's status."""

    status: FieldStatus
    reference: str | None = None
    """The job the crew believes it is on; refused when it is not the crew's current job."""
    distance_km: float | None = None
    """Completed: the distance actually driven, for the bill."""
    waiting_minutes: int | None = None
    """Completed: minutes waited on scene, for the bill."""


@dataclass(frozen=True, slots=True)
class StatusAnswer:
    """The outcome of a status report: done, or refused with a reason code and text."""

    ok: bool
    code: str
    """A stable reason code (``ok``, ``no_job``, ``not_your_job``, ``illegal_transition`` ...)."""
    message: str
    reference: str | None = None
    status: str | None = None
    """The job's status after the report."""


class FieldStatusWriter(Protocol):
    """Moves a crew's current job through the lifecycle on its device's word."""

    def report_status(self, device: DeviceRef, report: StatusReport) -> StatusAnswer:
        """Apply ``report`` as the device's crew (its own job only); raises StoreUnavailable."""
        ...
