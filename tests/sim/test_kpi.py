"""The twin's key figures: the arrival SLA per priority, and how the table lists it."""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np

from console.core.vocab import Priority
from console.sim.kpi import day_kpis, label, table_keys
from console.sim.simulator import RunResult
from tests.sim.helpers import calls


def _result(priorities: list[Priority], minutes_to_arrive: list[float]) -> RunResult:
    """Urban calls queued at minute 0 and reached after the given minutes (NaN: never)."""
    n = len(priorities)
    day = replace(calls([0.0] * n, [10.0] * n), priority=priorities)
    arrived = np.array(minutes_to_arrive, dtype=float)
    return RunResult(
        calls=day,
        crews=1,
        queued=np.zeros(n),
        assigned=np.where(np.isnan(arrived), np.nan, 1.0),
        arrived=arrived,
        completed=arrived + 10.0,
        crew_of=np.where(np.isnan(arrived), -1, 1).astype(np.int64),
        busy_minutes=0.0,
        events=0,
        dispatch_passes=0,
    )


def test_the_arrival_sla_is_also_given_per_priority() -> None:
    # Urban targets: P1 30 min, P2 60 min. P1: one in time, one late, one never reached.
    result = _result(
        [Priority.P1, Priority.P1, Priority.P1, Priority.P2],
        [20.0, 40.0, math.nan, 50.0],
    )
    figures = day_kpis(result)
    assert figures["sla_arrival_pct.P1"] == 100.0 / 3
    assert figures["sla_arrival_pct.P2"] == 100.0
    assert math.isnan(figures["sla_arrival_pct.P3"])  # no P3 call that day
    assert figures["sla_arrival_pct"] == 50.0


def test_the_table_lists_the_sla_per_priority_right_after_the_overall_sla() -> None:
    figures = day_kpis(_result([Priority.P1, Priority.P2], [20.0, 50.0]))
    keys = table_keys(list(figures))
    at = keys.index("sla_arrival_pct")
    assert keys[at + 1 : at + 4] == [
        "sla_arrival_pct.P1",
        "sla_arrival_pct.P2",
        "sla_arrival_pct.P3",
    ]
    assert label("sla_arrival_pct.P2") == "  arrival SLA met %, P2"
    assert label("arrival.P1.mean") == "  arrival P1 mean (min)"
    assert sorted(keys) == sorted(figures)
