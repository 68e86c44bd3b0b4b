"""Spec: seeding reports its progress, so a first start can show a progress bar."""

from __future__ import annotations

import threading
from pathlib import Path

from console.db import schema
from console.db.seed import SEED_STEPS, SeedOptions, seed_database
from tests.support.workspace import SEED_AT


def test_seeding_reports_steady_progress_from_nothing_to_done(tmp_path: Path) -> None:
    engine = schema.open_database(f"sqlite:///{tmp_path / 'p.db'}", create=True)
    reports: list[tuple[int, int]] = []
    threads: set[str] = set()

    def progress(done: int, total: int) -> None:
        reports.append((done, total))
        threads.add(threading.current_thread().name)

    try:
        seed_database(
            engine, SeedOptions(requests=20, at=SEED_AT, history_days=2), progress=progress
        )
    finally:
        engine.dispose()
    done = [d for d, _ in reports]
    assert {total for _, total in reports} == {SEED_STEPS}
    assert done[0] == 0 and done[-1] == SEED_STEPS
    assert done == sorted(done)
    # Enough steps between the ends for a bar that moves, not one that jumps.
    assert len(set(done)) >= 10
    assert threads == {threading.current_thread().name}
