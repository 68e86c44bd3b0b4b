"""The fault a caller describes picks the service, aware of the powertrain."""

from __future__ import annotations

import pytest

from console.core.faults import Fault, service_for
from console.core.vocab import Powertrain, ServiceType

ICE_LIKE = [Powertrain.ICE, Powertrain.HEV, Powertrain.UNKNOWN]


@pytest.mark.parametrize(
    ("fault", "service"),
    [
        (Fault.WONT_START, ServiceType.JUMP_START),
        (Fault.FLAT_TYRE, ServiceType.TYRE_CHANGE),
        (Fault.OUT_OF_FUEL, ServiceType.FUEL_DELIVERY),
        (Fault.LOCKED_OUT, ServiceType.LOCKOUT),
        (Fault.STUCK, ServiceType.EXTRACTION),
        (Fault.ACCIDENT, ServiceType.TOW),
        (Fault.EV_WARNING, ServiceType.EV_HV_CHECK),
    ],
)
@pytest.mark.parametrize("powertrain", ICE_LIKE)
def test_each_fault_of_a_fuelled_or_unknown_car_has_its_service(
    fault: Fault, service: ServiceType, powertrain: Powertrain
) -> None:
    assert service_for(fault, powertrain).service is service


def test_an_ev_that_will_not_start_gets_a_certified_check_and_an_empty_one_a_charge() -> None:
    assert service_for(Fault.WONT_START, Powertrain.EV).service is ServiceType.EV_HV_CHECK
    assert service_for(Fault.OUT_OF_FUEL, Powertrain.EV).service is ServiceType.EV_CHARGING
    assert service_for(Fault.FLAT_TYRE, Powertrain.EV).service is ServiceType.TYRE_CHANGE


def test_only_an_accident_and_an_ev_warning_carry_safety_facts() -> None:
    for fault in Fault:
        facts = service_for(fault, Powertrain.EV)
        assert facts.accident is (fault is Fault.ACCIDENT)
        assert facts.ev_warning is (fault is Fault.EV_WARNING)
