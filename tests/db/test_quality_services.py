"""Follow-ups and complaints: one transaction and one ledger event each, on both backends."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import Engine

from console.core.errors import Conflict, NotFound, PermissionDenied, ValidationError
from console.core.quality import ComplaintCategory, ComplaintStatus
from console.core.roles import Principal
from console.core.vocab import RequestStatus, Role
from console.db.audit import verify_ledger
from console.db.backend import DatabaseBackend
from console.db.quality_services import QualityServices
from console.db.services import Services
from tests.db.conftest import FakeClock
from tests.db.helpers import draft, drive_to, state
from tests.support.principals import desk, dispatcher


def completed(services: Services, engine: Engine, clock: FakeClock) -> int:
    """A request driven to COMPLETED with a minute between steps; returns its id."""
    row = services.create_request(draft())
    for status in (RequestStatus.TRIAGE, RequestStatus.QUEUED):
        clock.advance(minutes=1)
        row = services.move(row.id, status)
    clock.advance(minutes=1)
    row = services.assign(row.id, 1)
    for status in (RequestStatus.EN_ROUTE, RequestStatus.ON_SCENE, RequestStatus.COMPLETED):
        clock.advance(minutes=10)
        row = services.move(row.id, status)
    return row.id


def test_transitions_stamp_arrival_time_for_the_kpis(
    services: Services, engine: Engine, clock: FakeClock
) -> None:
    start = clock.now
    request_id = completed(services, engine, clock)
    job = next(
        j for j in DatabaseBackend(engine, principal=desk("t")).jobs(start) if j.id == request_id
    )
    assert job.queued_at == start + timedelta(minutes=2)
    assert job.assigned_at == start + timedelta(minutes=3)
    assert job.arrived_at == start + timedelta(minutes=23)
    assert job.closed_at == start + timedelta(minutes=33)
    assert job.partner_code == "P1" and job.depot_code == "D330100-01"


def test_satisfaction_is_recorded_once_for_a_completed_job(
    services: Services, engine: Engine, clock: FakeClock
) -> None:
    quality = QualityServices(services)
    request_id = completed(services, engine, clock)
    before = state(engine)
    quality.record_satisfaction(request_id, 4, "快")
    after = state(engine)
    assert (after[0] - before[0], after[1] - before[1]) == (1, 1)
    backend = DatabaseBackend(engine, principal=desk("t"))
    record = backend.satisfaction_for(request_id)
    assert record is not None and (record.score, record.comment) == (4, "快")
    with pytest.raises(Conflict):
        quality.record_satisfaction(request_id, 5)
    assert state(engine) == after
    assert verify_ledger(engine).ok


@pytest.mark.parametrize("score", [0, 6, "5", True, None])
def test_bad_scores_are_refused_and_change_nothing(
    services: Services, engine: Engine, clock: FakeClock, score: object
) -> None:
    request_id = completed(services, engine, clock)
    before = state(engine)
    with pytest.raises(ValidationError):
        QualityServices(services).record_satisfaction(request_id, score)  # type: ignore[arg-type]
    assert state(engine) == before


def test_follow_ups_need_a_finished_job(services: Services, engine: Engine) -> None:
    quality = QualityServices(services)
    open_row = drive_to(services, engine, RequestStatus.QUEUED)
    before = state(engine)
    with pytest.raises(ValidationError) as caught:
        quality.record_satisfaction(open_row.id, 5)
    assert caught.value.code == "quality.not_completed"
    with pytest.raises(ValidationError):
        quality.open_complaint(open_row.id, ComplaintCategory.OTHER, "x", "sup")
    with pytest.raises(NotFound):
        quality.record_satisfaction(999_999, 5)
    assert state(engine) == before


def test_complaint_is_due_in_24_hours_and_tracked_to_closure(
    services: Services, engine: Engine, clock: FakeClock
) -> None:
    quality = QualityServices(services)
    backend = DatabaseBackend(engine, principal=desk("t"))
    request_id = completed(services, engine, clock)
    opened_at = clock.now
    complaint_id = quality.open_complaint(request_id, "LATE_ARRIVAL", "到达太慢", "supervisor.li")
    [record] = backend.complaints(opened_at)
    assert record.status is ComplaintStatus.OPEN
    assert record.due_at == opened_at + timedelta(hours=24)
    assert not record.overdue(opened_at + timedelta(hours=23))
    assert record.overdue(opened_at + timedelta(hours=25))

    clock.advance(hours=3)
    quality.respond_complaint(complaint_id, "已致电道歉", expected_version=1)
    with pytest.raises(Conflict):
        quality.respond_complaint(complaint_id, "again")
    clock.advance(hours=1)
    quality.close_complaint(complaint_id, "已退款")
    [record] = backend.complaints(opened_at)
    assert record.status is ComplaintStatus.CLOSED
    assert record.answered_on_time()
    assert record.responded_at == opened_at + timedelta(hours=3)
    assert record.closed_at == opened_at + timedelta(hours=4)
    before = state(engine)
    with pytest.raises(Conflict):
        quality.close_complaint(complaint_id, "twice")
    with pytest.raises(NotFound):
        quality.close_complaint(424242, "none")
    with pytest.raises(ValidationError):
        quality.open_complaint(request_id, "NOT_A_CATEGORY", "x", "sup")
    assert state(engine) == before
    kinds = [e.kind for e in backend.timeline(request_id)][-3:]
    assert kinds == ["complaint.opened", "complaint.answered", "complaint.closed"]
    assert verify_ledger(engine).ok


def test_a_stale_complaint_version_is_a_conflict(
    services: Services, engine: Engine, clock: FakeClock
) -> None:
    quality = QualityServices(services)
    complaint_id = quality.open_complaint(
        completed(services, engine, clock), ComplaintCategory.PRICING, "贵", "sup"
    )
    quality.respond_complaint(complaint_id, "解释")
    with pytest.raises(Conflict) as caught:
        quality.close_complaint(complaint_id, "done", expected_version=1)
    assert caught.value.code == "complaint.changed"


def test_only_supervisors_answer_and_close_complaints_and_admins_record_no_follow_ups(
    services: Services, engine: Engine, clock: FakeClock
) -> None:
    request_id = completed(services, engine, clock)
    as_dispatcher = QualityServices(Services(engine, principal=dispatcher("d1"), clock=clock))
    as_admin = QualityServices(
        Services(engine, principal=Principal.user("a1", Role.ADMIN), clock=clock)
    )
    complaint = as_dispatcher.open_complaint(
        request_id, ComplaintCategory.LATE_ARRIVAL, "late", "d1"
    )
    before = state(engine)
    with pytest.raises(PermissionDenied):
        as_dispatcher.respond_complaint(complaint, "sorry")
    with pytest.raises(PermissionDenied):
        as_dispatcher.close_complaint(complaint, "done")
    with pytest.raises(PermissionDenied):
        as_admin.record_satisfaction(request_id, 5)
    assert state(engine) == before
    QualityServices(services).respond_complaint(complaint, "sorry")
    assert state(engine)[0] == before[0] + 1
