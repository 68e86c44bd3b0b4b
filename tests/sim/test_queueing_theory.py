"""The simulator against queueing theory: an M/M/c queue has a known mean wait (Erlang C)."""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import pytest

from console.sim.kpi import day_kpis, estimate
from console.sim.policy import make_policy
from console.sim.simulator import DAY_MINUTES, Simulator
from tests.sim.helpers import ConstantTravel, NoTravel, calls, crews_at

DAY = date(2026, 11, 23)


def erlang_c_wait(arrival_rate: float, service_rate: float, servers: int) -> float:
    """Mean wait in queue of M/M/c (Erlang C formula)."""
    a = arrival_rate / service_rate
    top = a**servers / math.factorial(servers) * servers / (servers - a)
    bottom = sum(a**k / math.factorial(k) for k in range(servers)) + top
    return (top / bottom) / (servers * service_rate - arrival_rate)


@pytest.mark.parametrize("policy", ["nearest", "suggest"])
def test_mean_wait_of_an_m_m_c_queue_lies_in_the_confidence_interval_of_erlang_c(
    policy: str,
) -> None:
    rate, mean_service, servers = 0.5, 6.0, 4  # offered load 3 erlangs on 4 crews: rho = 0.75
    expected = erlang_c_wait(rate, 1 / mean_service, servers)
    waits = []
    for seed in range(12):
        rng = np.random.default_rng(seed)
        arrivals = np.cumsum(rng.exponential(1 / rate, size=1100))
        arrivals = arrivals[arrivals < DAY_MINUTES]
        service = rng.exponential(mean_service, size=len(arrivals))
        sim = Simulator(
            calls(arrivals, service), crews_at([(31.23, 121.47)] * servers),
            make_policy(policy), day=DAY, routing=NoTravel(),  # type: ignore[arg-type]
        )  # fmt: skip
        waits.append(day_kpis(sim.run())["assign.mean"])
    interval = estimate(waits)
    assert expected == pytest.approx(3.057, abs=0.001)
    assert interval.mean - interval.half_width <= expected <= interval.mean + interval.half_width


def test_constant_travel_adds_exactly_to_the_wait_and_occupies_the_crew() -> None:
    # With travel T, a crew is busy for T + S: still M/M/c-like only for the wait; here we
    # check the accounting - arrival = assignment + T, exactly, for every call.
    rng = np.random.default_rng(7)
    arrivals = np.sort(rng.uniform(0, DAY_MINUTES, size=200))
    service = rng.exponential(10.0, size=200)
    sim = Simulator(
        calls(arrivals, service), crews_at([(31.23, 121.47)] * 3),
        make_policy("nearest"), day=DAY, routing=ConstantTravel(5.0),  # type: ignore[arg-type]
    )  # fmt: skip
    result = sim.run()
    assert np.allclose(result.arrived - result.assigned, 5.0)
    assert np.all(result.completed >= result.arrived)


def test_erlang_c_helper_matches_a_textbook_value() -> None:
    # M/M/1 with rho = 0.5: Wq = rho / (mu - lambda) = 0.5 / 0.5 = 1.
    assert erlang_c_wait(0.5, 1.0, 1) == pytest.approx(1.0)
