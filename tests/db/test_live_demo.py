"""The live demo writes only through the service layer, as "demo-twin", and yields to humans.

Its vehicles report as real ones do: through registered devices and the batch writer.
"""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import Engine, create_engine, func, select

from console.cli_sim import start_demo
from console.config import load_settings
from console.core.field.fix import FixSource
from console.core.vocab import RequestStatus
from console.db.audit import verify_ledger
from console.db.models import Device, Event, PositionFix, Request
from console.db.services import Services
from console.sim.live import DEMO_ACTOR, LiveDemo
from console.sim.live_devices import DEMO_DEVICE_LABEL, DemoDevices
from console.sim.scenario import parse_scenario
from tests.support.principals import dispatcher


class Wall:
    """A wall clock the test moves by hand (seconds)."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def hangzhou_demo(engine: Engine, wall: Wall) -> LiveDemo:
    scenario = parse_scenario(
        {"name": "hz", "regions": [{"code": "3301", "calls": 20000}], "remote_fix": {"TOW": 0}},
        "<test>",
    )
    return LiveDemo(
        engine, speed=60, scenario=scenario, seed=3, wall_clock=wall, takeover_minutes=3
    )


def play(demo: LiveDemo, wall: Wall, steps: int, seconds: float = 2.0) -> None:
    for _ in range(steps):
        wall.now += seconds
        demo.step()


def test_the_demo_takes_calls_assigns_and_drives_crews_through_the_lifecycle(
    engine: Engine, fleet: list[int]
) -> None:
    wall = Wall()
    demo = hangzhou_demo(engine, wall)
    demo.begin()
    play(demo, wall, 60)
    with engine.connect() as connection:
        statuses = dict(
            connection.execute(select(Request.status, func.count()).group_by(Request.status)).all()
        )
        actors = set(connection.scalars(select(Event.actor).distinct()))
        kinds = set(connection.scalars(select(Event.kind).distinct()))
    assert demo.counts["calls"] > 10
    assert demo.counts["assigned"] > 0
    assert demo.counts["fixes"] > 0
    assert statuses.get(RequestStatus.COMPLETED.value, 0) > 0
    assert {"request.created", "request.assigned", "positions.batch"} <= kinds
    assert actors == {"fixture", DEMO_ACTOR}
    assert verify_ledger(engine).ok


def test_the_demos_vehicles_report_through_the_batch_writer_one_ledger_event_a_tick(
    engine: Engine, fleet: list[int]
) -> None:
    wall = Wall()
    demo = hangzhou_demo(engine, wall)
    demo.begin()
    play(demo, wall, 40)
    with engine.connect() as connection:
        batches = connection.scalar(
            select(func.count()).select_from(Event).where(Event.kind == "positions.batch")
        )
        per_fix = connection.scalar(
            select(func.count()).select_from(Event).where(Event.kind == "crew.position")
        )
        fixes = connection.execute(select(PositionFix.crew_id, PositionFix.device_id)).all()
        sources = set(connection.scalars(select(PositionFix.source).distinct()))
        devices = connection.execute(
            select(Device.crew_id, Device.id).where(Device.label == DEMO_DEVICE_LABEL)
        ).all()
    assert demo.counts["fixes"] == len(fixes) > 0
    assert per_fix == 0
    assert batches == demo.counts["batches"] <= 40
    assert sources == {FixSource.DEMO.value}
    # Each driven crew got one demo device, and its fixes name it.
    assert len({crew for crew, _ in devices}) == len(devices)
    assert set(fixes) <= set(devices)
    assert verify_ledger(engine).ok


def test_the_demo_registers_a_crews_device_once_and_finds_it_on_the_next_start(
    engine: Engine, fleet: list[int]
) -> None:
    first = DemoDevices(engine, actor=DEMO_ACTOR).for_crews(fleet[:3])
    again = DemoDevices(engine, actor=DEMO_ACTOR).for_crews(fleet[:4])
    with engine.connect() as connection:
        registered = connection.scalar(select(func.count()).select_from(Device))
    assert set(first) == set(fleet[:3])
    assert {crew: again[crew] for crew in first} == first
    assert registered == 4


def test_a_dispatcher_cancelling_a_driven_request_is_followed_not_fought(
    engine: Engine, fleet: list[int], caplog: pytest.LogCaptureFixture
) -> None:
    wall = Wall()
    demo = hangzhou_demo(engine, wall)
    demo.begin()
    human = Services(engine, principal=dispatcher("dispatcher"))
    cancelled = 0
    with caplog.at_level(logging.INFO, logger="console.sim.live"):
        for _ in range(40):
            wall.now += 2.0
            demo.step()
            with engine.connect() as connection:
                driven = connection.scalars(
                    select(Request.id).where(Request.status.in_(["ASSIGNED", "EN_ROUTE"]))
                ).all()
            for request_id in driven[:1]:
                human.cancel(request_id, "caller fixed it himself")
                cancelled += 1
            # The twin may still hold its old plan for that request: it must cope.
            demo.step()
    assert cancelled > 0
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert verify_ledger(engine).ok


def test_the_worker_thread_starts_and_stops_cleanly(engine: Engine, fleet: list[int]) -> None:
    demo = hangzhou_demo(engine, Wall())
    demo.tick = 0.05
    demo.start()
    demo.stop(timeout=10)
    assert demo._thread is not None and not demo._thread.is_alive()


def test_the_demo_never_starts_on_a_shared_database_unless_asked(tmp_path: object) -> None:
    import argparse

    settings = load_settings(config_file=None, db_url=None, language=None)
    shared = create_engine("postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert start_demo(shared, settings, argparse.Namespace(demo=None, demo_speed=5.0)) is None
    embedded = create_engine("sqlite://")
    assert start_demo(embedded, settings, argparse.Namespace(demo=False, demo_speed=5.0)) is None
