"""Plain, immutable row objects that cross from the data layer to the UI.

The UI never sees ORM instances (no lazy loads on the GUI thread); it sees
these frozen dataclasses, built by ``console.db.queries``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from console.core.vocab import (
    OPEN_STATUSES,
    CallerLanguage,
    CrewStatus,
    Powertrain,
    Priority,
    RequestStatus,
    RoadType,
    ServiceType,
    Shift,
    Skill,
    VehicleClass,
    VehicleKind,
)


@dataclass(frozen=True, slots=True)
class RequestRow:
    """One request as the queue and detail views show it."""

    id: int
    reference: str
    status: RequestStatus
    priority: Priority
    priority_reason: str
    service_type: ServiceType
    created_at: datetime
    queued_at: datetime | None
    assign_due_at: datetime | None
    arrive_due_at: datetime | None
    caller_name: str
    caller_phone: str
    caller_language: CallerLanguage
    plate: str
    make_model: str
    powertrain: Powertrain
    vehicle_class: VehicleClass
    awd: bool
    lat: float
    lon: float
    address: str
    city: str
    road_type: RoadType
    assigned_crew_id: int | None
    assigned_crew_call_sign: str | None
    eta_minutes: int | None
    quote_cny: Decimal | None
    notes: str
    cancel_reason: str
    version: int
    revision: int
    guidance_path: tuple[str, ...] = ()
    """The guidance steps answered, each ``protocol.node=answer``."""
    guidance_protocol: str = ""
    """The protocol a guided call ended in ("" when it was not guided)."""
    guidance_code: str = ""
    """The determinant code the guidance ended with."""
    required_kinds: frozenset[VehicleKind] = frozenset()
    """Vehicle kinds the guidance outcome asked for (empty: the vehicle rules decide)."""
    assigned_at: datetime | None = None
    """When the crew now holding the job was assigned (None: no crew)."""

    @property
    def is_open(self) -> bool:
        """True while the request still needs attention."""
        return self.status in OPEN_STATUSES


@dataclass(frozen=True, slots=True)
class CrewRow:
    """One crew as the crew board and the dispatch engine see it."""

    id: int
    call_sign: str
    depot_id: int
    depot_code: str
    vehicle_kind: VehicleKind
    skills: frozenset[Skill]
    status: CrewStatus
    lat: float
    lon: float
    gps_at: datetime | None
    shift: Shift
    current_request_id: int | None
    version: int
    revision: int
    status_since: datetime | None = None
    """When the crew entered its current status (None: not known)."""
    devices: int = 0
    """Active (not revoked) registered devices reporting for the crew."""
    devices_since: datetime | None = None
    """When the oldest of those devices was registered (None: no device)."""
    position_revision: int = 0
    """The position revision of the fix batch that last moved the crew (0: none since load)."""


@dataclass(frozen=True, slots=True)
class CrewPosition:
    """Where a crew's vehicle last reported: all a position-only change carries.

    Fixes move ``position_revision``, never the business ``revision``, so a
    console patches its crew rows with these instead of re-reading them.
    """

    id: int
    lat: float
    lon: float
    gps_at: datetime | None
    position_revision: int


@dataclass(frozen=True, slots=True)
class DepotRow:
    """One depot (网点)."""

    id: int
    code: str
    name_zh: str
    name_en: str
    city_zh: str
    city_en: str
    province_zh: str
    province_en: str
    lat: float
    lon: float
    partner_id: int
    phone: str


@dataclass(frozen=True, slots=True)
class RequestChanges:
    """What changed since a given revision: rows to upsert and the new revision."""

    revision: int
    requests: tuple[RequestRow, ...]
