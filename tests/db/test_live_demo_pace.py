"""The live demo keeps the seeded history's pace: the open queue holds steady for an hour."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, func, select

from console.core.demo_volume import CALLS_PER_DAY, HOURLY_WEIGHT, calls_per_hour
from console.core.fleet_layout import load_cities
from console.core.geo import ServiceArea
from console.core.vocab import OPEN_STATUSES
from console.db import schema
from console.db.engine import make_engine
from console.db.models import Request
from console.db.seed import SeedOptions, seed_database
from console.db.seed_history import JOBS_PER_DAY
from console.sim.demand import generate_calls, streams
from console.sim.live import LiveDemo, demo_scenario

SHANGHAI = ZoneInfo("Asia/Shanghai")


def open_requests(engine: Engine) -> int:
    with engine.connect() as connection:
        count = connection.scalar(
            select(func.count())
            .select_from(Request)
            .where(Request.status.in_([status.value for status in OPEN_STATUSES]))
        )
    return int(count or 0)


@pytest.fixture
def seeded(tmp_path: Path) -> Engine:
    """A first-start database: the national fleet and the live shift's open requests."""
    engine = make_engine(f"sqlite:///{tmp_path / 'console.db'}")
    schema.ensure_schema(engine, auto_upgrade=True)
    seed_database(engine, SeedOptions())
    return engine


def test_the_demo_calls_at_the_seeded_historys_daily_volume_and_hourly_profile() -> None:
    scenario = demo_scenario()
    assert JOBS_PER_DAY == CALLS_PER_DAY
    assert [region.calls for region in scenario.regions] == [CALLS_PER_DAY]
    assert scenario.regions[0].profile == tuple(float(w) for w in HOURLY_WEIGHT)
    days = [
        generate_calls(scenario, streams(seed), load_cities(), ServiceArea.default())
        for seed in range(5)
    ]
    per_day = sum(len(day) for day in days) / len(days)
    assert 0.85 * CALLS_PER_DAY <= per_day <= 1.15 * CALLS_PER_DAY
    peak = sum(int(((day.minute >= 17 * 60) & (day.minute < 19 * 60)).sum()) for day in days) / 5
    night = sum(int((day.minute < 5 * 60).sum()) for day in days) / 5
    # The evening peak is busy and the small hours quiet, as in the history.
    assert peak == pytest.approx(calls_per_hour(17) + calls_per_hour(18), rel=0.25)
    assert night == pytest.approx(sum(calls_per_hour(h) for h in range(5)), rel=0.35)


@pytest.mark.parametrize("hour", [17, 3])
def test_an_hour_of_demo_keeps_the_open_queue_in_a_steady_band(seeded: Engine, hour: int) -> None:
    wall = [0.0]
    demo = LiveDemo(
        seeded,
        speed=60,
        seed=11,
        wall_clock=lambda: wall[0],
        local_start=lambda: datetime(2026, 11, 23, hour, 0, tzinfo=SHANGHAI),
    )
    demo.begin()
    start = open_requests(seeded)
    seen = [start]
    for minute in range(1, 61):
        wall[0] += 1.0  # one second at 60x: one demo minute
        demo.step()
        if minute % 5 == 0:
            seen.append(open_requests(seeded))
    assert start == 60
    assert max(seen) <= 1.5 * start, seen
    assert min(seen) >= 0.5 * start, seen
    expected = calls_per_hour(hour)
    assert demo.counts["calls"] <= expected + 4 * expected**0.5 + 3, demo.counts
