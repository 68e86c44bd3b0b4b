"""Field status: a crew's device moves its own job, by the console's lifecycle and permissions."""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from console.core.errors import PermissionDenied
from console.core.field.ports import DeviceRef, FieldStatus, StatusReport, StoreUnavailable
from console.core.pricing import QuoteQuery
from console.core.roles import Principal
from console.core.vocab import Powertrain, RequestStatus, RoadType, ServiceType, VehicleClass
from console.db.audit import verify_ledger
from console.db.backend import DatabaseBackend
from console.db.engine import make_engine
from console.db.models import Crew, Event
from console.db.services import Services
from console.db.telemetry.field_status import FieldStatusService
from tests.db.conftest import FakeClock
from tests.db.helpers import draft, state
from tests.support.principals import desk

S = FieldStatus


def device_of(crew_id: int, call_sign: str, *, revoked: bool = False) -> DeviceRef:
    return DeviceRef(
        device_id=crew_id, crew_id=crew_id, call_sign=call_sign, hint="abcd", revoked=revoked
    )


class Job(NamedTuple):
    id: int
    reference: str


HZ01 = device_of(1, "HZ-01")
HZ02 = device_of(2, "HZ-02")


@pytest.fixture
def backend(engine: Engine, clock: FakeClock, fleet: list[int]) -> DatabaseBackend:
    return DatabaseBackend(engine, principal=desk("dispatcher:test"), clock=clock)


@pytest.fixture
def field(engine: Engine, clock: FakeClock) -> FieldStatusService:
    return FieldStatusService(engine, clock=clock)


def assigned_tow(backend: DatabaseBackend, crew_id: int = 1, *, quoted: bool = True) -> Job:
    """A tow in Hangzhou assigned to ``crew_id`` (quoted for 80 km)."""
    row = backend.take_call(draft(plate="浙AD12345"))
    backend.assign(row.id, crew_id)
    if quoted:
        backend.accept_quote(
            row.id,
            QuoteQuery(
                service=ServiceType.TOW, road_type=RoadType.URBAN,
                vehicle_class=VehicleClass.CAR, powertrain=Powertrain.ICE,
                lat=30.26, lon=120.17, city="杭州", plate="浙AD12345",
                dest_lat=30.80, dest_lon=120.70, tow_km=Decimal("80"),
            ),
        )  # fmt: skip
    return Job(row.id, row.reference)


def status_of(backend: DatabaseBackend, job: Job) -> RequestStatus:
    row = backend.request(job.id)
    assert row is not None
    return row.status


def test_a_crew_drives_its_own_job_to_completion_and_the_bill_takes_its_figures(
    backend: DatabaseBackend, field: FieldStatusService, engine: Engine
) -> None:
    job = assigned_tow(backend)
    reference = job.reference
    steps = [
        StatusReport(S.EN_ROUTE),
        StatusReport(S.ON_SCENE, reference=reference),
        StatusReport(S.TOWING),
        StatusReport(S.COMPLETED, distance_km=83, waiting_minutes=10),
    ]
    for report in steps:
        _, events, _ = state(engine)
        answer = field.report_status(HZ01, report)
        assert (answer.ok, answer.code, answer.reference) == (True, "ok", reference)
        assert answer.status == report.status.value.upper()
        assert state(engine)[1] == events + 1, "one ledger event per move"
    assert status_of(backend, job) is RequestStatus.COMPLETED
    record = backend.charges(job.id)
    assert record is not None and record.bill is not None
    assert record.bill.facts.tow_km == Decimal("83") and record.bill.facts.waiting_minutes == 10
    with Session(engine) as session:
        actors = session.scalars(select(Event.actor).order_by(Event.seq.desc()).limit(4)).all()
        assert session.get(Crew, 1).current_request_id is None  # type: ignore[union-attr]
    assert set(actors) == {"crew:HZ-01"}
    assert verify_ledger(engine).ok


def test_completing_an_unquoted_job_needs_no_figures(
    backend: DatabaseBackend, field: FieldStatusService
) -> None:
    job = assigned_tow(backend, quoted=False)
    for status in (S.EN_ROUTE, S.ON_SCENE, S.COMPLETED):
        assert field.report_status(HZ01, StatusReport(status)).ok
    assert status_of(backend, job) is RequestStatus.COMPLETED


def test_another_crews_job_is_refused_and_nothing_is_written(
    backend: DatabaseBackend, field: FieldStatusService, engine: Engine
) -> None:
    reference = assigned_tow(backend, crew_id=1).reference
    assigned_tow(backend, crew_id=2)
    before = state(engine)
    answer = field.report_status(HZ02, StatusReport(S.EN_ROUTE, reference=reference))
    assert (answer.ok, answer.code) == (False, "not_your_job")
    assert reference in answer.message and "HZ-02" in answer.message
    assert state(engine) == before


def test_the_service_layer_itself_keeps_a_crew_principal_to_its_own_job(
    backend: DatabaseBackend, engine: Engine, clock: FakeClock
) -> None:
    job = assigned_tow(backend, crew_id=1)
    before = state(engine)
    intruder = Services(engine, principal=Principal.crew(2, "HZ-02"), clock=clock)
    with pytest.raises(PermissionDenied) as refused:
        intruder.start_journey(job.id)
    assert refused.value.code == "crew.not_own_job"
    with pytest.raises(PermissionDenied):
        intruder.cancel(job.id, "not mine")
    with pytest.raises(PermissionDenied):
        Services(engine, principal=Principal.crew(1, "HZ-01"), clock=clock).cancel(job.id, "no")
    assert state(engine) == before
    owner = Services(engine, principal=Principal.crew(1, "HZ-01"), clock=clock)
    assert owner.start_journey(job.id).status is RequestStatus.EN_ROUTE


def test_an_illegal_move_is_refused_with_the_reason(
    backend: DatabaseBackend, field: FieldStatusService, engine: Engine
) -> None:
    reference = assigned_tow(backend).reference
    before = state(engine)
    answer = field.report_status(HZ01, StatusReport(S.ON_SCENE))
    assert (answer.ok, answer.code, answer.status) == (False, "illegal_transition", "ASSIGNED")
    assert answer.message == "A request cannot move from ASSIGNED to ON_SCENE."
    assert answer.reference == reference
    assert state(engine) == before


def test_a_jump_start_is_never_towed(backend: DatabaseBackend, field: FieldStatusService) -> None:
    row = backend.take_call(draft(service_type=ServiceType.JUMP_START))
    backend.assign(row.id, 1)
    for status in (S.EN_ROUTE, S.ON_SCENE):
        assert field.report_status(HZ01, StatusReport(status)).ok
    answer = field.report_status(HZ01, StatusReport(S.TOWING))
    assert (answer.ok, answer.code) == (False, "illegal_transition")


def test_a_crew_without_a_job_and_stale_or_unknown_references_are_refused(
    backend: DatabaseBackend, field: FieldStatusService, engine: Engine
) -> None:
    assert field.report_status(HZ01, StatusReport(S.EN_ROUTE)).code == "no_job"
    reference = assigned_tow(backend, quoted=False).reference
    for status in (S.EN_ROUTE, S.ON_SCENE, S.COMPLETED):
        field.report_status(HZ01, StatusReport(status))
    before = state(engine)
    stale = field.report_status(HZ01, StatusReport(S.ON_SCENE, reference=reference))
    assert (stale.ok, stale.code, stale.status) == (False, "stale_reference", "COMPLETED")
    unknown = field.report_status(HZ01, StatusReport(S.ON_SCENE, reference="RA-20000101-0001"))
    assert (unknown.ok, unknown.code) == (False, "unknown_reference")
    assert field.report_status(HZ01, StatusReport(S.EN_ROUTE)).code == "no_job"
    assert state(engine) == before


def test_bad_completion_figures_are_refused_and_the_job_stays_open(
    backend: DatabaseBackend, field: FieldStatusService, engine: Engine
) -> None:
    assigned_tow(backend)
    for status in (S.EN_ROUTE, S.ON_SCENE):
        field.report_status(HZ01, StatusReport(status))
    before = state(engine)
    for report in (
        StatusReport(S.COMPLETED, distance_km=-3),
        StatusReport(S.COMPLETED, distance_km=5000),
        StatusReport(S.COMPLETED, distance_km=10, waiting_minutes=-1),
    ):
        answer = field.report_status(HZ01, report)
        assert (answer.ok, answer.code, answer.status) == (False, "invalid", "ON_SCENE")
    assert state(engine) == before


def test_a_repeated_report_is_answered_ok_without_a_second_move(
    backend: DatabaseBackend, field: FieldStatusService, engine: Engine
) -> None:
    assigned_tow(backend)
    assert field.report_status(HZ01, StatusReport(S.EN_ROUTE)).code == "ok"
    before = state(engine)
    again = field.report_status(HZ01, StatusReport(S.EN_ROUTE))
    assert (again.ok, again.code, again.status) == (True, "already", "EN_ROUTE")
    assert state(engine) == before


def test_a_revoked_device_moves_nothing(
    backend: DatabaseBackend, field: FieldStatusService, engine: Engine
) -> None:
    assigned_tow(backend)
    before = state(engine)
    answer = field.report_status(device_of(1, "HZ-01", revoked=True), StatusReport(S.EN_ROUTE))
    assert (answer.ok, answer.code) == (False, "revoked_device")
    assert state(engine) == before


def test_an_unreachable_database_raises_store_unavailable() -> None:
    engine = make_engine("postgresql+psycopg://postgres@127.0.0.1:1/none?connect_timeout=2")
    try:
        with pytest.raises(StoreUnavailable):
            FieldStatusService(engine).report_status(HZ01, StatusReport(S.EN_ROUTE))
    finally:
        engine.dispose()
