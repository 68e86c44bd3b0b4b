"""The optimiser in the twin keeps the 2-minute assignment target."""

from __future__ import annotations

from datetime import date

from console.core.sla import SlaTargets
from console.sim.policy import make_policy
from console.sim.simulator import Simulator
from tests.sim.helpers import LAT, LON, calls, crews_at


def test_a_deferred_request_is_assigned_before_its_deadline() -> None:
    # The only crew is 170 km away: the optimiser would rather wait for a nearer one.
    far = crews_at([(LAT + 1.5, LON)])
    result = Simulator(
        calls([0.0], [10.0]), far, make_policy("optimise"), day=date(2026, 11, 23)
    ).run()
    assert 0 < result.assigned[0] <= 2.0


def test_a_longer_target_lets_the_optimiser_wait_longer() -> None:
    far = crews_at([(LAT + 1.5, LON)])
    sim = Simulator(
        calls([0.0], [10.0]), far, make_policy("optimise"), day=date(2026, 11, 23),
        sla=SlaTargets(assign_minutes=4),
    )  # fmt: skip
    assert 2.0 < sim.run().assigned[0] <= 4.0
