"""Pruning the trail takes its locks in every writer's order (PostgreSQL).

The writers' advisory lock first (shared, like a batch of fixes), then the rows
it deletes, then the chain head, last: so a writer that works alone waits for
pruning and pruning waits for it, and pruning beside batches of fixes and
dispatch writes neither deadlocks nor breaks the chain.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Connection, Engine, func, select, text

from console.core.errors import Conflict
from console.core.field.fix import Fix, FixSource, Verdict
from console.core.vocab import CrewStatus
from console.db.audit import verify_ledger
from console.db.models import Event, PositionFix
from console.db.sealing import exclude_writers
from console.db.services import Services
from console.db.telemetry.retention import Pruned, prune_trail
from console.db.telemetry.store import TelemetryStore
from console.db.telemetry.trail_check import PRUNED_KIND
from tests.db.conftest import FakeClock
from tests.db.helpers import draft
from tests.support.principals import desk

WAIT = 10.0


def only_postgresql(engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("the writers' lock is PostgreSQL's (SQLite serialises whole transactions)")


def fixes_of(crews: list[int], at: datetime, step: int) -> list[Fix]:
    return [
        Fix(device_id=crew * 10, crew_id=crew, at=at, lat=30.25 + crew / 100 + step / 100_000,
            lon=120.16 + step / 100_000, source=FixSource.OSMAND)
        for crew in crews
    ]  # fmt: skip


def waiting_for_advisory_lock(watcher: Connection) -> int:
    """How many sessions wait for this schema's writers' lock right now."""
    return int(
        watcher.execute(
            text(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                " AND objid = hashtext(current_schema())::oid"
            )
        ).scalar_one()
    )


def test_pruning_waits_for_a_writer_that_works_alone(
    engine: Engine, clock: FakeClock, fleet: list[int]
) -> None:
    only_postgresql(engine)
    store = TelemetryStore(engine, clock=clock)
    for step in range(3):
        assert set(store.write_batch(fixes_of([1, 2], clock.now, step))) == {Verdict.ACCEPTED}
        clock.advance(minutes=1)
    clock.advance(hours=1)
    result: list[Pruned | None] = []

    with engine.connect() as alone, engine.connect() as watcher:
        alone.begin()
        exclude_writers(alone)  # an account change, an import: it writes alone
        pruner = threading.Thread(
            target=lambda: result.append(
                prune_trail(engine, retention=timedelta(minutes=5), clock=clock)
            )
        )
        pruner.start()
        deadline = time.monotonic() + WAIT
        while not waiting_for_advisory_lock(watcher):
            assert pruner.is_alive(), "pruning went ahead while a writer worked alone"
            assert time.monotonic() < deadline, "pruning never asked for the writers' lock"
            time.sleep(0.02)
        fixes_left = watcher.execute(select(func.count()).select_from(PositionFix)).scalar_one()
        alone.commit()
    pruner.join(WAIT)

    assert not pruner.is_alive()
    assert fixes_left == 6, "nothing was deleted while it waited"
    assert result and result[0] is not None and result[0].fixes == 6
    assert verify_ledger(engine).ok


def test_pruning_beside_batches_and_dispatch_writes_keeps_the_chain_whole(
    engine: Engine, fleet: list[int]
) -> None:
    """Three kinds of writer at once for a while; every one finishes, the ledger verifies."""
    only_postgresql(engine)
    errors: list[str] = []
    stop = threading.Event()
    pruned: list[Pruned] = []
    counts = {"batches": 0, "dispatch": 0, "conflicts": 0}

    def run(name: str, body: Callable[[], None]) -> threading.Thread:
        def loop() -> None:
            try:
                while not stop.is_set():
                    body()
            except Exception as error:  # the test reports whatever stopped a writer
                errors.append(f"{name}: {type(error).__name__}: {error}")

        thread = threading.Thread(target=loop, name=name)
        thread.start()
        return thread

    store = TelemetryStore(engine, clock=lambda: datetime.now(UTC))
    steps = iter(range(1_000_000))

    def batch() -> None:
        verdicts = store.write_batch(fixes_of([1, 2, 3, 4], datetime.now(UTC), next(steps)))
        assert Verdict.UNAVAILABLE not in verdicts, verdicts
        counts["batches"] += 1

    services = Services(engine, principal=desk("dispatcher:prune-race"))

    def dispatch() -> None:
        try:
            request = services.take_call(draft())
            services.assign(request.id, 1)
            services.update_crew_position(2, 30.27, 120.17)
            services.set_crew_status(3, CrewStatus.OFF_DUTY)
            services.set_crew_status(3, CrewStatus.AVAILABLE)
            services.cancel(request.id, "test over")
        except Conflict:
            counts["conflicts"] += 1
        counts["dispatch"] += 1

    def prune() -> None:
        done = prune_trail(
            engine, retention=timedelta(milliseconds=50), clock=lambda: datetime.now(UTC),
            max_batches=3,
        )  # fmt: skip
        if done is not None:
            pruned.append(done)

    threads = [
        run("batches-a", batch),
        run("batches-b", batch),
        run("dispatch", dispatch),
        run("prune", prune),
    ]
    time.sleep(6)
    stop.set()
    for thread in threads:
        thread.join(60)

    assert not [t.name for t in threads if t.is_alive()], "a writer never finished"
    assert errors == []
    assert counts["batches"] > 20 and counts["dispatch"] > 3, counts
    assert len(pruned) > 3 and sum(p.fixes for p in pruned) > 0
    with engine.connect() as connection:
        steps_recorded = connection.execute(
            select(func.count()).select_from(Event).where(Event.kind == PRUNED_KIND)
        ).scalar_one()
    assert steps_recorded == sum(p.events for p in pruned)
    report = verify_ledger(engine)
    assert report.ok, report.problem
    assert report.difference_count == 0
