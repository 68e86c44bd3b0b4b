"""Seeded history: finished jobs with plausible timings, follow-ups and complaints, one event."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from console.core.errors import ValidationError
from console.core.vocab import OPEN_STATUSES, RequestStatus
from console.db.audit import verify_ledger
from console.db.models import Complaint, Event, Request, Satisfaction
from console.db.seed import SeedOptions, seed_database

AT = datetime(2026, 11, 23, 7, 30, tzinfo=UTC)


def test_history_is_finished_jobs_before_the_live_shift(engine: Engine) -> None:
    counts = seed_database(engine, SeedOptions(requests=5, at=AT, history_days=2))
    with Session(engine) as session:
        history = [
            r for r in session.scalars(select(Request)) if r.created_at < AT - timedelta(minutes=60)
        ]
        scores = list(session.scalars(select(Satisfaction)))
        complaints = list(session.scalars(select(Complaint)))
        kinds = [e.kind for e in session.scalars(select(Event))]
    assert counts["history"] == len(history) > 300
    assert all(RequestStatus(r.status) not in OPEN_STATUSES for r in history)
    assert all(r.closed_at is not None and r.closed_at <= AT for r in history)
    crew_jobs = [r for r in history if r.status == RequestStatus.COMPLETED.value]
    assert len(crew_jobs) > 0.7 * len(history)
    for r in crew_jobs:
        assert r.created_at < r.queued_at < r.assigned_at < r.arrived_at < r.closed_at
    within = sum(1 for r in crew_jobs if r.assigned_at - r.queued_at <= timedelta(minutes=2))
    assert 0.75 < within / len(crew_jobs) < 1, "most, not all, assigned inside 2 minutes"
    completed_ids = {r.id for r in crew_jobs}
    assert scores and all(s.request_id in completed_ids and 1 <= s.score <= 5 for s in scores)
    assert all(s.recorded_at <= AT for s in scores)
    assert complaints and all(c.due_at - c.opened_at == timedelta(hours=24) for c in complaints)
    assert all(c.opened_at <= AT for c in complaints)
    assert kinds.count("dataset.history_seeded") == 1
    assert verify_ledger(engine).ok


@pytest.mark.parametrize("days", [-1, 32, True, "7"])
def test_history_days_must_be_a_small_whole_number(days: object) -> None:
    with pytest.raises(ValidationError) as caught:
        SeedOptions(history_days=days)  # type: ignore[arg-type]
    assert caught.value.params["option"] == "--history-days"
