"""A phone-only job pays its base fee alone: no road surcharge, no tow kilometres.

Worked figures from the shipped tariff (2026.1): expressway ¥200, night ¥100
(22:00-06:00 Shanghai), heavy vehicle ¥500, remote guidance base ¥0.00,
jump start base ¥150.00.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from console.core.coverage import Coverage, CoverageStatus
from console.core.pricing import load_book
from console.core.quote import JobFacts, LineKind, charge_from_dict, price
from console.core.vocab import RoadType, ServiceType, VehicleClass
from console.paths import resource_path

TARIFF = load_book(resource_path("pricing")).tariff
PAY_AS_YOU_GO = Coverage(CoverageStatus.NO_ENTITLEMENT)
NIGHT = datetime(2026, 11, 23, 23, 30, tzinfo=TARIFF.timezone).astimezone(UTC)


def job(service: ServiceType, **changes: Any) -> JobFacts:
    """A heavy truck on the expressway at 23:30: every road surcharge would apply."""
    values: dict[str, Any] = {
        "service": service, "at": NIGHT, "road_type": RoadType.EXPRESSWAY,
        "vehicle_class": VehicleClass.HEAVY_TRUCK, "waiting_minutes": 50, "winch_minutes": 20,
    }  # fmt: skip
    values.update(changes)
    return JobFacts(**values)


def test_remote_guidance_on_the_expressway_at_night_costs_nothing() -> None:
    charge = price(TARIFF, job(ServiceType.REMOTE_GUIDANCE), PAY_AS_YOU_GO)
    assert charge.lines == ()  # the ¥0.00 base fee makes no line
    assert charge.total == Decimal("0.00")
    assert charge.caller_total == Decimal("0.00")
    assert charge.line(LineKind.EXPRESSWAY) is None


def test_a_jump_start_resolved_by_phone_pays_the_base_fee_only() -> None:
    charge = price(TARIFF, job(ServiceType.JUMP_START, remote=True), PAY_AS_YOU_GO)
    assert [(line.kind, line.amount) for line in charge.lines] == [
        (LineKind.BASE, Decimal("150.00"))
    ]
    assert charge.total == Decimal("150.00")


def test_a_tow_resolved_by_phone_charges_no_kilometres() -> None:
    charge = price(TARIFF, job(ServiceType.TOW, remote=True, tow_km=Decimal("80")),
                   PAY_AS_YOU_GO)  # fmt: skip
    assert [line.kind for line in charge.lines] == [LineKind.BASE]
    assert charge.total == Decimal("300.00")


def test_the_same_jump_start_on_the_road_keeps_its_surcharges() -> None:
    charge = price(TARIFF, job(ServiceType.JUMP_START), PAY_AS_YOU_GO)
    amounts = {line.kind: line.amount for line in charge.lines}
    assert amounts == {
        LineKind.BASE: Decimal("150.00"),
        LineKind.NIGHT: Decimal("100.00"),
        LineKind.EXPRESSWAY: Decimal("200.00"),
        LineKind.HEAVY: Decimal("500.00"),
        LineKind.WINCH: Decimal("240.00"),  # 20 min = 2 started quarter hours x ¥120
        LineKind.WAITING: Decimal("40.00"),  # 50 - 30 free = 20 min x ¥2
    }
    assert charge.total == Decimal("1230.00")


def test_a_phone_only_quote_reads_back_as_phone_only() -> None:
    charge = price(TARIFF, job(ServiceType.JUMP_START, remote=True), PAY_AS_YOU_GO)
    back = charge_from_dict(json.loads(json.dumps(charge.as_dict())))
    assert back == charge
    assert back.facts.phone_only
    # A job on the road stores no "remote" key: earlier stored quotes read back unchanged.
    assert "remote" not in price(TARIFF, job(ServiceType.TOW), PAY_AS_YOU_GO).as_dict()["facts"]
