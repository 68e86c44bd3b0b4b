"""The request timeline is read from the ledger: every event about the request, in order."""

from __future__ import annotations

from sqlalchemy import Engine

from console.core.ports import ConsoleBackend, TimelineSource
from console.core.vocab import RequestStatus
from console.db.backend import DatabaseBackend
from console.db.queries import DatabaseReader
from console.db.services import Services
from tests.db.conftest import FakeClock
from tests.db.helpers import drive_to, free_crew
from tests.support.principals import desk


def test_a_requests_history_comes_back_in_ledger_order(
    services: Services, engine: Engine, clock: FakeClock
) -> None:
    row = drive_to(services, engine, RequestStatus.QUEUED)
    other = drive_to(services, engine, RequestStatus.TRIAGE)
    first_crew = free_crew(engine)
    clock.advance(minutes=1)
    services.assign(row.id, first_crew, eta_minutes=12)
    second_crew = next(c for c in (1, 2, 3, 4) if c != first_crew)
    services.reassign(row.id, second_crew, "closer crew free", eta_minutes=7)
    services.update_crew_position(second_crew, 30.3, 120.2)
    services.cancel(row.id, "caller left")

    timeline = DatabaseReader(engine, desk("reader")).timeline(row.id)
    assert [e.kind for e in timeline] == [
        "request.created", "request.triage", "request.queued", "request.assigned",
        "request.reassigned", "request.cancelled",
    ]  # fmt: skip
    assert [e.seq for e in timeline] == sorted(e.seq for e in timeline)
    assert {e.actor for e in timeline} == {"dispatcher:test"}
    assigned, reassigned, cancelled = timeline[3:]
    assert assigned.at == clock.now and assigned.crew_id == first_crew
    assert assigned.payload["eta_minutes"] == 12
    assert reassigned.payload["reason"] == "closer crew free"
    assert reassigned.crew_id == second_crew
    assert cancelled.payload["from_status"] == "ASSIGNED" and cancelled.payload["reason"]
    assert [e.kind for e in DatabaseReader(engine, desk("reader")).timeline(other.id)][
        -1
    ] == "request.triage"
    assert DatabaseReader(engine, desk("reader")).timeline(999_999) == []


def test_the_backend_is_a_timeline_source(engine: Engine, fleet: list[int]) -> None:
    backend: ConsoleBackend = DatabaseBackend(engine, principal=desk("dispatcher:test"))
    source: TimelineSource = backend
    assert source.timeline(1) == []
