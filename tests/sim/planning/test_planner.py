"""The planner's pieces: level values, the hour mix, the capability rows."""

from __future__ import annotations

import math

import pytest

from console.core.eta import EtaModel
from console.core.vocab import VehicleKind
from console.sim.planning.planner import capability_of, level_values, peak_share
from console.sim.scenario import Region, Scenario

K = VehicleKind


def test_a_quiet_town_values_only_its_first_crew() -> None:
    assert level_values(0.0, 4, 0.01).tolist() == [1.0, 0.0, 0.0, 0.0]


def test_a_busy_city_values_the_l_th_crew_by_the_chance_l_minus_1_are_busy() -> None:
    """Busy crews ~ Poisson(2): P(B >= 1) = 1 - e^-2, P(B >= 2) = 1 - 3 e^-2."""
    values = level_values(2.0, 3, 0.0)
    assert values.tolist() == pytest.approx([1.0, 1 - math.exp(-2), 1 - 3 * math.exp(-2)])


def test_levels_worth_less_than_the_floor_are_dropped() -> None:
    values = level_values(0.05, 3, 0.01)
    assert values[0] == 1.0 and values[1] == pytest.approx(1 - math.exp(-0.05))
    assert values[2] == 0.0


def test_the_peak_share_is_the_profile_s_calls_in_peak_hours() -> None:
    flat = Scenario("flat", "flat", "flat", (Region("31", 240.0, (1.0,) * 24),))
    model = EtaModel()  # peaks 7-9 and 17-19: 4 of 24 hours
    assert peak_share(flat, model) == pytest.approx(4 / 24)


@pytest.mark.parametrize(
    ("kinds", "row"),
    [
        ({K.EV_SERVICE_VAN}, "EV-certified (EV service van)"),
        ({K.FLATBED}, "flatbed"),
        ({K.HEAVY_WRECKER}, "heavy wrecker"),
        ({K.FLATBED, K.WHEEL_LIFT, K.HEAVY_WRECKER}, "any tow truck"),
        ({K.SERVICE_VAN, K.EV_SERVICE_VAN, K.HEAVY_WRECKER}, "service van"),
        ({K.SERVICE_VAN, K.EV_SERVICE_VAN}, "service van"),
    ],
)
def test_every_need_class_has_its_coverage_row(kinds: set[VehicleKind], row: str) -> None:
    assert capability_of(frozenset(kinds)) == row
