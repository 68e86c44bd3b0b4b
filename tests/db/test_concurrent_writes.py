"""Many dispatchers writing at once: the chain, the crews and the change feed stay whole.

On PostgreSQL the dispatch operations write side by side and take the chain
head only to seal their event (console.db.sealing); on SQLite they queue. Either
way, with eight processes taking calls, racing for the same four crews,
driving jobs to completion, moving crews and changing their duty, while a
console follows the change feed as fast as it can:
"""

from __future__ import annotations

import json
import multiprocessing
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from console.core.vocab import CrewStatus
from console.db.audit import verify_ledger
from console.db.models import Crew, Event, Request
from console.db.queries import DatabaseReader
from tests.support import race_worker, write_storm
from tests.support.principals import desk

PROCESSES = 8
ROUNDS = 12


@pytest.fixture
def pool(db_url: str) -> Iterator[ProcessPoolExecutor]:
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(PROCESSES, mp_context=context) as executor:
        assert all(executor.map(race_worker.warm_up, [db_url] * PROCESSES * 2))
        yield executor


class Follower:
    """A console following the change feed: revision first, then the rows changed since."""

    def __init__(self, engine: Engine) -> None:
        self.reader = DatabaseReader(engine, desk("follower"))
        self.requests: dict[int, tuple[int, str]] = {}
        self.crews: dict[int, tuple[int, str, int | None]] = {}
        self.revision = 0
        self.polls = 0

    def poll(self) -> None:
        """One fetch of what changed after the revision seen last."""
        if self.reader.revision() == self.revision:
            return
        requests = self.reader.requests_changed_since(self.revision)
        crews = self.reader.crews_changed_since(self.revision)
        for row in requests.requests:
            if row.id not in self.requests or self.requests[row.id][0] <= row.revision:
                self.requests[row.id] = (row.revision, row.status.value)
        for crew in crews.crews:
            if crew.id not in self.crews or self.crews[crew.id][0] <= crew.revision:
                self.crews[crew.id] = (crew.revision, crew.status.value, crew.current_request_id)
        self.revision = min(requests.revision, crews.revision)
        self.polls += 1


def _stored(
    engine: Engine,
) -> tuple[dict[int, tuple[int, str]], dict[int, tuple[int, str, int | None]]]:
    with Session(engine) as session:
        requests = {r.id: (r.revision, r.status) for r in session.scalars(select(Request))}
        crews = {
            c.id: (c.revision, c.status, c.current_request_id)
            for c in session.scalars(select(Crew))
        }
    return requests, crews


def _double_assignments(engine: Engine) -> list[str]:
    """Every moment, in ledger order, a crew was given a job while it still held another."""
    holding: dict[int, int | None] = {}
    found = []
    with Session(engine) as session:
        for seq, changes in session.execute(select(Event.seq, Event.changes).order_by(Event.seq)):
            for entry in json.loads(changes or "[]"):
                values = entry.get("new") or entry.get("set") or {}
                if entry["t"] != "crews" or "current_request_id" not in values:
                    continue
                now, before = values["current_request_id"], holding.get(entry["id"])
                if now is not None and before is not None:
                    found.append(f"event {seq}: crew {entry['id']} given {now} holding {before}")
                holding[entry["id"]] = now
    return found


@pytest.mark.slow
def test_eight_dispatchers_at_once_keep_the_chain_the_crews_and_the_feed_whole(
    pool: ProcessPoolExecutor, db_url: str, engine: Engine, fleet: list[int]
) -> None:
    free = fleet[:4]  # the four available crews
    follower = Follower(engine)
    done = threading.Event()

    def follow() -> None:
        while not done.is_set():
            follower.poll()

    watcher = threading.Thread(target=follow, daemon=True)
    watcher.start()
    start_at = time.time() + 1
    futures = [
        pool.submit(write_storm.work, db_url, n, free, start_at, ROUNDS) for n in range(PROCESSES)
    ]
    counts = [future.result(timeout=600) for future in futures]
    done.set()
    watcher.join(30)
    follower.poll()

    with Session(engine) as session:
        events = len(list(session.scalars(select(Event.seq))))
    assert [c["error"] for c in counts if "error" in c] == []
    stored = sum(c["stored"] for c in counts)
    assert events == stored + 1, "one event for the fleet, then one per stored write"
    assert sum(c["conflicts"] for c in counts) > 0, "the dispatchers really raced"
    report = verify_ledger(engine)
    assert report.ok, report.problem
    assert report.difference_count == 0
    assert _double_assignments(engine) == []
    requests, crews = _stored(engine)
    holders = [c[2] for c in crews.values() if c[2] is not None]
    assert len(holders) == len(set(holders)), "no request has two crews"
    assert all(c[1] == CrewStatus.AVAILABLE.value for i, c in crews.items() if i in free)
    assert follower.polls > 1
    assert follower.requests == requests, "the console saw every request as stored"
    assert follower.crews == crews, "the console saw every crew as stored"
