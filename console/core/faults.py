"""What the caller says is wrong, and the service it calls for.

A new dispatcher should not have to know that "out of fuel" on an EV means
charging assistance: the intake form offers the faults callers describe and
this table picks the service type, taking the powertrain into account, plus
the safety facts a fault implies (an accident is a P1 safety call; an EV
warning is the high-voltage warning of the safety gate).

Choices where the powertrain matters:

* "Won't start" is a jump start for petrol, diesel, hybrid or unknown cars.
  On a fully electric car it is the high-voltage check: the usual cause is
  the 12 V battery, but telling it from a traction-battery or high-voltage
  fault needs an EV-certified crew, who can also jump the 12 V battery.
* "Out of fuel" is a fuel delivery, or charging assistance on an EV (a hybrid
  runs on fuel, so it gets fuel).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from console.core.vocab import Powertrain, ServiceType

__all__ = ["Fault", "FaultService", "service_for"]


class Fault(StrEnum):
    """A fault as a caller describes it."""

    WONT_START = "WONT_START"
    FLAT_TYRE = "FLAT_TYRE"
    OUT_OF_FUEL = "OUT_OF_FUEL"
    LOCKED_OUT = "LOCKED_OUT"
    STUCK = "STUCK"
    ACCIDENT = "ACCIDENT"
    EV_WARNING = "EV_WARNING"


@dataclass(frozen=True, slots=True)
class FaultService:
    """The service a fault calls for, and the safety facts it implies."""

    service: ServiceType
    accident: bool = False
    """An accident: a P1 safety call (ask about injuries and the live lane)."""
    ev_warning: bool = False
    """A high-voltage or traction-battery warning: the safety gate's EV warning."""


_SERVICES: dict[Fault, ServiceType] = {
    Fault.WONT_START: ServiceType.JUMP_START,
    Fault.FLAT_TYRE: ServiceType.TYRE_CHANGE,
    Fault.OUT_OF_FUEL: ServiceType.FUEL_DELIVERY,
    Fault.LOCKED_OUT: ServiceType.LOCKOUT,
    Fault.STUCK: ServiceType.EXTRACTION,
    Fault.ACCIDENT: ServiceType.TOW,
    Fault.EV_WARNING: ServiceType.EV_HV_CHECK,
}
"""The service for each fault on a petrol or diesel car."""

_ON_EV: dict[Fault, ServiceType] = {
    Fault.WONT_START: ServiceType.EV_HV_CHECK,
    Fault.OUT_OF_FUEL: ServiceType.EV_CHARGING,
}
"""Where a fully electric car needs another service (see the module notes)."""


def service_for(fault: Fault, powertrain: Powertrain = Powertrain.UNKNOWN) -> FaultService:
    """The service ``fault`` calls for on a vehicle with ``powertrain``."""
    service = _ON_EV.get(fault) if powertrain is Powertrain.EV else None
    return FaultService(
        service=service or _SERVICES[fault],
        accident=fault is Fault.ACCIDENT,
        ev_warning=fault is Fault.EV_WARNING,
    )
