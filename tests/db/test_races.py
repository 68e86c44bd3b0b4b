"""Eight processes race for one crew (or one request): exactly one wins, every round."""

from __future__ import annotations

import multiprocessing
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from console.core.vocab import CrewStatus, RequestStatus
from console.db.audit import verify_ledger
from console.db.models import Crew
from console.db.services import Services
from tests.db.helpers import drive_to
from tests.support import race_worker

PROCESSES = 8
ROUNDS = 5


@pytest.fixture
def pool(db_url: str) -> Iterator[ProcessPoolExecutor]:
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(PROCESSES, mp_context=context) as executor:
        assert all(executor.map(race_worker.warm_up, [db_url] * PROCESSES * 2))
        yield executor


def _race(pool: ProcessPoolExecutor, url: str, pairs: list[tuple[int, int]]) -> Counter[str]:
    start_at = time.time() + 0.5
    futures = [
        pool.submit(race_worker.try_assign, url, request_id, crew_id, start_at, f"dispatcher:{n}")
        for n, (request_id, crew_id) in enumerate(pairs)
    ]
    return Counter(f.result(timeout=120) for f in futures)


@pytest.mark.slow
def test_eight_dispatchers_racing_for_one_crew_exactly_one_wins(
    pool: ProcessPoolExecutor, db_url: str, engine: Engine, services: Services, fleet: list[int]
) -> None:
    crew_id = fleet[0]
    for _ in range(ROUNDS):
        requests = [drive_to(services, engine, RequestStatus.QUEUED) for _ in range(PROCESSES)]
        outcome = _race(pool, db_url, [(r.id, crew_id) for r in requests])
        assert outcome == Counter({"won": 1, "crew.not_available": PROCESSES - 1})
        with Session(engine) as session:
            crew = session.get(Crew, crew_id)
            assert crew is not None and crew.status == CrewStatus.ASSIGNED.value
            holder = crew.current_request_id
        for request in requests:
            if request.id == holder:
                services.cancel(request.id, "round over")
    assert verify_ledger(engine).ok


@pytest.mark.slow
def test_eight_crews_racing_for_one_request_exactly_one_gets_it(
    pool: ProcessPoolExecutor, db_url: str, engine: Engine, services: Services, fleet: list[int]
) -> None:
    free = fleet[:4]
    for _ in range(ROUNDS):
        request = drive_to(services, engine, RequestStatus.QUEUED)
        outcome = _race(pool, db_url, [(request.id, free[n % len(free)]) for n in range(PROCESSES)])
        assert outcome["won"] == 1
        assert sum(outcome.values()) == PROCESSES
        with Session(engine) as session:
            holders = session.scalar(
                select(func.count()).select_from(Crew).where(Crew.current_request_id == request.id)
            )
        assert holders == 1, "no request ever has two crews"
        services.cancel(request.id, "round over")
    assert verify_ledger(engine).ok
