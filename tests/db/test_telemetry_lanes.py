"""Two batch writers at once (the gateway's writer lanes): both commit, the chain stays whole.

Each lane writes the fixes of its own crews, on its own connection. On
PostgreSQL the batches lock their crews' rows and then the chain head, so they
overlap until the head and are numbered in the order they seal; on SQLite they
queue. Either way every batch is stored with its own event, each event's
``position_revision`` is one above the previous one, and ``verify`` passes.
"""

from __future__ import annotations

import json
import threading
from datetime import timedelta

from sqlalchemy import Engine, select

from console.core.field.fix import Fix, FixSource, Verdict
from console.db.audit import verify_ledger
from console.db.models import ChainHead, Crew, Event, PositionFix
from console.db.telemetry.store import BATCH_KIND, TelemetryStore
from tests.db.conftest import FakeClock

BATCHES = 15


def lane_batch(clock: FakeClock, crews: list[int], step: int) -> list[Fix]:
    return [
        Fix(
            device_id=crew * 10,
            crew_id=crew,
            at=clock.now - timedelta(seconds=300 - step),
            lat=30.25 + crew / 100 + step / 10_000,
            lon=120.16 + step / 10_000,
            source=FixSource.MQTT,
            speed_kmh=40.0,
        )
        for crew in crews
    ]


def test_two_lanes_writing_at_once_both_commit_with_a_valid_chain(
    engine: Engine, clock: FakeClock, fleet: list[int]
) -> None:
    store = TelemetryStore(engine, clock=clock)
    lanes = [fleet[0::2], fleet[1::2]]
    start = threading.Barrier(len(lanes))
    verdicts: list[list[Verdict]] = [[] for _ in lanes]
    failures: list[BaseException] = []

    def write(lane: int) -> None:
        try:
            start.wait(5)
            for step in range(BATCHES):
                verdicts[lane] += store.write_batch(lane_batch(clock, lanes[lane], step))
        except BaseException as error:  # reported by the test, not lost in the thread
            failures.append(error)

    threads = [threading.Thread(target=write, args=(lane,)) for lane in range(len(lanes))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert failures == []
    assert all(v == [Verdict.ACCEPTED] * (BATCHES * 3) for v in verdicts)
    report = verify_ledger(engine)
    assert report.ok, report.problem
    with engine.connect() as connection:
        events = connection.execute(
            select(Event.seq, Event.payload).where(Event.kind == BATCH_KIND).order_by(Event.seq)
        ).all()
        head = connection.execute(select(ChainHead.position_revision)).scalar_one()
        stored = connection.execute(select(PositionFix.crew_id, PositionFix.at)).all()
        crews = {row.id: row.gps_at for row in connection.execute(select(Crew.id, Crew.gps_at))}
    revisions = [json.loads(payload)["position_revision"] for _, payload in events]
    assert len(events) == 2 * BATCHES
    assert revisions == list(range(revisions[0], revisions[0] + 2 * BATCHES))
    assert head == revisions[-1]
    assert len(stored) == 2 * BATCHES * 3
    newest = clock.now - timedelta(seconds=300 - (BATCHES - 1))
    assert all(crews[crew] == newest for crew in fleet)
