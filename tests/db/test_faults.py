"""Faults: eight racing dispatchers and a writer killed mid-flight lose and corrupt nothing.

Both run on SQLite and PostgreSQL. Afterwards every invariant of
``tests.support.invariants`` must hold, every commit a process reported must
be in the database, and the ledger must verify with one event per commit.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from console.db.audit import verify_ledger
from console.db.engine import make_engine
from console.db.models import Request
from tests.support import fault_worker
from tests.support.invariants import all_problems, event_count

WORKERS = 8
OPERATIONS = 200
SEED = 20261123
KILLS = 50


def stored_requests(engine: Engine) -> dict[int, tuple[int, str, str]]:
    """Request id -> (revision, status, reference) as stored now."""
    with Session(engine) as session:
        return {r.id: (r.revision, r.status, r.reference) for r in session.scalars(select(Request))}


def latest(seen: list[tuple[int, int, str]]) -> dict[int, tuple[int, str]]:
    """Request id -> (revision, status) of the newest committed row each request was seen in."""
    last: dict[int, tuple[int, str]] = {}
    for request_id, revision, status in seen:
        if request_id not in last or revision > last[request_id][0]:
            last[request_id] = (revision, status)
    return last


@pytest.mark.slow
def test_eight_dispatchers_doing_random_work_leave_a_consistent_database(
    db_url: str, engine: Engine, fleet: list[int]
) -> None:
    setup_events = event_count(engine)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(WORKERS, mp_context=context) as pool:
        logs = list(
            pool.map(
                fault_worker.run_random_operations,
                [db_url] * WORKERS,
                range(WORKERS),
                [OPERATIONS] * WORKERS,
                [SEED] * WORKERS,
                timeout=600,
            )
        )
    assert [problem for log in logs for problem in log.unexpected] == []
    successes = sum(log.successes for log in logs)
    done = sum((log.done for log in logs), Counter[str]())
    refusals = sum((log.refusals for log in logs), Counter[str]())
    assert set(done) == set(fault_worker.OPERATIONS), "every kind of operation committed"
    assert refusals["crew.not_available"] > 0, "dispatchers really raced for crews"
    assert successes + refusals.total() == WORKERS * OPERATIONS

    assert all_problems(engine) == []
    assert event_count(engine) == setup_events + successes, "one event per committed operation"
    stored = stored_requests(engine)
    for request_id, reference in (c for log in logs for c in log.created):
        assert stored[request_id][2] == reference
    for request_id, (revision, status) in latest([s for log in logs for s in log.seen]).items():
        assert stored[request_id][:2] == (revision, status), "the last committed state is kept"


@pytest.mark.slow
def test_a_writer_killed_at_random_moments_loses_nothing_committed(
    db_url: str, engine: Engine, fleet: list[int], tmp_path: Path
) -> None:
    # A fork server forks writers from one clean, pre-imported process: quick, and
    # safe even when this test process runs Qt threads.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["tests.support.fault_worker"])
    rng = random.Random(SEED)
    setup_events = event_count(engine)
    reported = 0
    inside = 0
    seen: list[tuple[int, int, str]] = []
    for kill in range(KILLS):
        report = tmp_path / f"writer-{kill}.log"
        writer = context.Process(
            target=fault_worker.write_until_killed, args=(db_url, str(report), kill)
        )
        writer.start()
        fault_worker.wait_until_ready(report)
        time.sleep(rng.uniform(0.01, 0.3))
        assert writer.pid is not None
        os.kill(writer.pid, signal.SIGKILL)
        writer.join(30)
        assert writer.exitcode == -signal.SIGKILL

        writer_report = fault_worker.read_report(report)
        inside += writer_report.killed_inside_operation
        reported += len(writer_report.commits)
        seen += [
            (int(rid), int(rev), status)
            for _, rid, rev, status in writer_report.commits
            if rid != "-"
        ]
        reopened = make_engine(db_url)
        try:
            assert all_problems(reopened) == [], f"after kill {kill + 1}"
            stored = stored_requests(reopened)
            for request_id, (revision, status) in latest(seen).items():
                assert request_id in stored, f"reported request {request_id} lost"
                if stored[request_id][0] == revision:
                    assert stored[request_id][1] == status
                else:
                    assert stored[request_id][0] > revision, "a committed change was undone"
            events = event_count(reopened)
            # Each kill may cut the report of its last commit, never add a commit.
            assert setup_events + reported <= events <= setup_events + reported + kill + 1
        finally:
            reopened.dispose()
    assert reported > KILLS, "the writers committed work between kills"
    assert inside > KILLS // 2, "most kills landed inside an operation"


@pytest.mark.slow
def test_verify_sees_one_consistent_moment_while_writers_commit(
    db_url: str, engine: Engine, fleet: list[int], tmp_path: Path
) -> None:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["tests.support.fault_worker"])
    reports = [tmp_path / f"writer-{n}.log" for n in range(2)]
    writers = [
        context.Process(target=fault_worker.write_until_killed, args=(db_url, str(r), 7 + n))
        for n, r in enumerate(reports)
    ]
    for writer in writers:
        writer.start()
    try:
        for report in reports:
            fault_worker.wait_until_ready(report)
        counts = []
        for _ in range(8):
            report = verify_ledger(engine)
            assert report.ok, report.problem
            counts.append(report.count)
            time.sleep(0.05)
    finally:
        for writer in writers:
            assert writer.pid is not None
            os.kill(writer.pid, signal.SIGKILL)
            writer.join(30)
    assert counts == sorted(counts) and counts[-1] > counts[0], "the ledger grew meanwhile"
