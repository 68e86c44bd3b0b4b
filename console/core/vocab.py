"""The domain vocabulary: every enumerated value with a stable code.

Codes are what the database stores, the ledger records and the UI translates
into display labels. They never change once released; add new members instead.
"""

from __future__ import annotations

from enum import StrEnum


class ServiceType(StrEnum):
    """What the caller needs."""

    TOW = "TOW"
    JUMP_START = "JUMP_START"
    TYRE_CHANGE = "TYRE_CHANGE"
    FUEL_DELIVERY = "FUEL_DELIVERY"
    EXTRACTION = "EXTRACTION"
    LOCKOUT = "LOCKOUT"
    EV_CHARGING = "EV_CHARGING"
    EV_HV_CHECK = "EV_HV_CHECK"
    REMOTE_GUIDANCE = "REMOTE_GUIDANCE"


class Priority(StrEnum):
    """P1 safety, P2 standard, P3 scheduled."""

    P1 = "P1"
    P2 = "P2"
    P3 = "P3"


class RequestStatus(StrEnum):
    """Where a request is in its lifecycle (see :mod:`console.core.lifecycle`)."""

    NEW = "NEW"
    TRIAGE = "TRIAGE"
    RESOLVED_REMOTELY = "RESOLVED_REMOTELY"
    QUEUED = "QUEUED"
    ASSIGNED = "ASSIGNED"
    EN_ROUTE = "EN_ROUTE"
    ON_SCENE = "ON_SCENE"
    TOWING = "TOWING"
    COMPLETED = "COMPLETED"
    CANCELLED = "CANCELLED"


class CrewStatus(StrEnum):
    """What a crew is doing now."""

    AVAILABLE = "AVAILABLE"
    ASSIGNED = "ASSIGNED"
    EN_ROUTE = "EN_ROUTE"
    ON_SCENE = "ON_SCENE"
    TOWING = "TOWING"
    OFF_DUTY = "OFF_DUTY"
    OUT_OF_SERVICE = "OUT_OF_SERVICE"


class VehicleKind(StrEnum):
    """The kind of truck or van a crew drives."""

    FLATBED = "FLATBED"
    WHEEL_LIFT = "WHEEL_LIFT"
    SERVICE_VAN = "SERVICE_VAN"
    EV_SERVICE_VAN = "EV_SERVICE_VAN"
    HEAVY_WRECKER = "HEAVY_WRECKER"


class Skill(StrEnum):
    """Crew qualifications beyond the vehicle."""

    EV_HV_CERTIFIED = "EV_HV_CERTIFIED"
    BILINGUAL = "BILINGUAL"


class Powertrain(StrEnum):
    """How the caller's vehicle is driven."""

    ICE = "ICE"
    HEV = "HEV"
    EV = "EV"
    UNKNOWN = "UNKNOWN"


class VehicleClass(StrEnum):
    """Size class of the caller's vehicle."""

    CAR = "CAR"
    SUV = "SUV"
    LIGHT_TRUCK = "LIGHT_TRUCK"
    HEAVY_TRUCK = "HEAVY_TRUCK"


class RoadType(StrEnum):
    """Where the vehicle stands; drives SLA targets and travel speed."""

    URBAN = "URBAN"
    EXPRESSWAY = "EXPRESSWAY"
    RURAL = "RURAL"


class CallerLanguage(StrEnum):
    """Language the caller speaks."""

    ZH = "zh"
    EN = "en"


class Role(StrEnum):
    """What a console user may do."""

    DISPATCHER = "DISPATCHER"
    SUPERVISOR = "SUPERVISOR"
    ADMIN = "ADMIN"


class Shift(StrEnum):
    """The shift pattern a crew works."""

    DAY = "DAY"
    NIGHT = "NIGHT"
    ROUND_THE_CLOCK = "ROUND_THE_CLOCK"


OPEN_STATUSES: frozenset[RequestStatus] = frozenset(
    {
        RequestStatus.NEW,
        RequestStatus.TRIAGE,
        RequestStatus.QUEUED,
        RequestStatus.ASSIGNED,
        RequestStatus.EN_ROUTE,
        RequestStatus.ON_SCENE,
        RequestStatus.TOWING,
    }
)
"""Statuses in which a request still needs attention."""

CREW_BUSY_FOR: dict[RequestStatus, CrewStatus] = {
    RequestStatus.ASSIGNED: CrewStatus.ASSIGNED,
    RequestStatus.EN_ROUTE: CrewStatus.EN_ROUTE,
    RequestStatus.ON_SCENE: CrewStatus.ON_SCENE,
    RequestStatus.TOWING: CrewStatus.TOWING,
}
"""The crew status that mirrors each request status while a crew holds the job."""

IDLE_CREW_STATUSES: frozenset[CrewStatus] = frozenset(
    {CrewStatus.AVAILABLE, CrewStatus.OFF_DUTY, CrewStatus.OUT_OF_SERVICE}
)
"""Crew statuses a dispatcher may set by hand on a crew without a job."""
