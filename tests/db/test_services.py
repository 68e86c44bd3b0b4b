"""The service layer: one transaction, one ledger event and a new revision per write."""

from __future__ import annotations

import itertools

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from console.core import lifecycle
from console.core.errors import Conflict, IllegalTransition, NotFound, ValidationError
from console.core.vocab import CrewStatus, RequestStatus
from console.db.audit import verify_ledger
from console.db.models import Crew, Event
from console.db.queries import DatabaseReader
from console.db.services import Services
from tests.db.conftest import FakeClock
from tests.db.helpers import draft, drive_to, free_crew, state
from tests.support.principals import desk

ALL = list(RequestStatus)


def crew_of(engine: Engine, crew_id: int) -> Crew:
    with Session(engine) as session:
        crew = session.get(Crew, crew_id)
        assert crew is not None
        return crew


class TestCreateRequest:
    def test_new_request_gets_a_daily_reference_and_normalised_fields(
        self, services: Services, clock: FakeClock
    ) -> None:
        first = services.create_request(draft(plate="浙a·12345", caller_phone="+86 138-0571-0000"))
        second = services.create_request(draft())
        # 02:00 UTC is 10:00 in Beijing: the reference uses the centre's local date.
        assert first.reference == "RA-20261123-0001"
        assert second.reference == "RA-20261123-0002"
        assert first.status is RequestStatus.NEW
        assert first.plate == "浙A12345"
        assert first.caller_phone == "13805710000"
        assert first.created_at == clock.now

    def test_reference_follows_the_local_date_not_utc(
        self, services: Services, clock: FakeClock
    ) -> None:
        clock.now = clock.now.replace(hour=17)  # 01:00 next day in Beijing
        assert services.create_request(draft()).reference == "RA-20261124-0001"

    @pytest.mark.parametrize(
        ("field", "value", "code"),
        [
            ("caller_phone", "12345", "phone.invalid"),
            ("caller_phone", "", "field.required"),
            ("lat", "north", "field.not_a_number"),
            ("lat", 91, "coord.lat_range"),
            ("lon", -181, "coord.lon_range"),
            ("lat", float("nan"), "field.not_a_number"),
            ("plate", "ABC", "plate.invalid"),
            ("service_type", "TELEPORT", "field.invalid_choice"),
            ("caller_name", "x" * 101, "field.too_long"),
            ("notes", "bad\x00byte", "field.control_chars"),
        ],
    )
    def test_bad_input_is_a_typed_error_and_writes_nothing(
        self, services: Services, engine: Engine, field: str, value: object, code: str
    ) -> None:
        before = state(engine)
        with pytest.raises(ValidationError) as caught:
            services.create_request(draft(**{field: value}))
        assert caught.value.code == code
        assert caught.value.field == field
        assert state(engine) == before


class TestTakeCall:
    @pytest.mark.parametrize(
        "outcome",
        [
            RequestStatus.NEW,
            RequestStatus.TRIAGE,
            RequestStatus.QUEUED,
            RequestStatus.RESOLVED_REMOTELY,
        ],
    )
    def test_a_call_is_stored_and_moved_on_in_one_write(
        self, services: Services, engine: Engine, outcome: RequestStatus
    ) -> None:
        before = state(engine)
        row = services.take_call(draft(), outcome=outcome)
        assert row.status is outcome
        assert state(engine) == (before[0] + 1, before[1] + 1, before[2] + 1)
        if outcome is RequestStatus.QUEUED:
            assert row.queued_at is not None and row.assign_due_at is not None

    def test_only_intake_outcomes_are_accepted(self, services: Services, engine: Engine) -> None:
        before = state(engine)
        with pytest.raises(ValidationError):
            services.take_call(draft(), outcome=RequestStatus.ASSIGNED)
        with pytest.raises(ValidationError):
            services.take_call(draft(caller_phone="123"), outcome=RequestStatus.QUEUED)
        assert state(engine) == before


class TestLifecycle:
    @pytest.mark.parametrize("start", ALL, ids=[s.value for s in ALL])
    def test_every_move_from_a_status(
        self, services: Services, engine: Engine, start: RequestStatus
    ) -> None:
        """Legal moves land and write once; illegal ones raise and change nothing."""
        for target in ALL:
            row = drive_to(services, engine, start)
            before = state(engine)
            crew = free_crew(engine) if target is RequestStatus.ASSIGNED else None
            if lifecycle.can_move(start, target):
                moved = services.move(row.id, target, crew_id=crew, reason="caller fixed it")
                assert moved.status is target
                after = state(engine)
                assert after[0] == before[0] + 1, "one new revision"
                assert after[1] == before[1] + 1, "exactly one ledger event"
            else:
                with pytest.raises(IllegalTransition):
                    services.move(row.id, target, crew_id=crew, reason="caller fixed it")
                assert state(engine) == before
            current = DatabaseReader(engine, desk("reader")).request(row.id)
            assert current is not None
            if current.status not in lifecycle.TERMINAL:
                services.cancel(row.id, "test clean-up")

    def test_cancel_needs_a_reason(self, services: Services, engine: Engine) -> None:
        row = drive_to(services, engine, RequestStatus.QUEUED)
        before = state(engine)
        with pytest.raises(ValidationError) as caught:
            services.cancel(row.id, "   ")
        assert caught.value.code == "reason.required"
        assert state(engine) == before

    def test_queueing_starts_the_sla_clocks(
        self, services: Services, engine: Engine, clock: FakeClock
    ) -> None:
        row = drive_to(services, engine, RequestStatus.QUEUED, priority="P1", road_type="URBAN")
        assert row.queued_at == clock.now
        assert row.assign_due_at is not None and row.arrive_due_at is not None
        assert (row.assign_due_at - clock.now).total_seconds() == 120
        assert (row.arrive_due_at - clock.now).total_seconds() == 30 * 60

    def test_unknown_request_is_not_found(self, services: Services) -> None:
        with pytest.raises(NotFound):
            services.start_triage(999_999)


class TestCrews:
    def test_assignment_makes_the_crew_busy_and_completion_frees_it(
        self, services: Services, engine: Engine
    ) -> None:
        row = drive_to(services, engine, RequestStatus.QUEUED)
        crew_id = free_crew(engine)
        assigned = services.assign(row.id, crew_id, eta_minutes=18)
        assert assigned.assigned_crew_id == crew_id
        assert assigned.eta_minutes == 18
        assert crew_of(engine, crew_id).status == CrewStatus.ASSIGNED.value
        services.start_journey(row.id)
        assert crew_of(engine, crew_id).status == CrewStatus.EN_ROUTE.value
        services.arrive(row.id)
        services.start_tow(row.id)
        assert crew_of(engine, crew_id).status == CrewStatus.TOWING.value
        done = services.complete(row.id)
        assert done.status is RequestStatus.COMPLETED
        assert done.assigned_crew_id == crew_id, "the request remembers who served it"
        crew = crew_of(engine, crew_id)
        assert crew.status == CrewStatus.AVAILABLE.value
        assert crew.current_request_id is None

    @pytest.mark.parametrize(
        "status", [RequestStatus.ASSIGNED, RequestStatus.EN_ROUTE, RequestStatus.ON_SCENE]
    )
    def test_cancelling_releases_the_crew(
        self, services: Services, engine: Engine, status: RequestStatus
    ) -> None:
        row = drive_to(services, engine, status)
        crew_id = row.assigned_crew_id
        assert crew_id is not None
        services.cancel(row.id, "caller left")
        assert crew_of(engine, crew_id).status == CrewStatus.AVAILABLE.value

    def test_a_busy_crew_cannot_be_assigned_twice(self, services: Services, engine: Engine) -> None:
        first = drive_to(services, engine, RequestStatus.QUEUED)
        second = drive_to(services, engine, RequestStatus.QUEUED)
        crew_id = free_crew(engine)
        services.assign(first.id, crew_id)
        before = state(engine)
        with pytest.raises(Conflict) as caught:
            services.assign(second.id, crew_id)
        assert caught.value.code == "crew.not_available"
        assert state(engine) == before

    @pytest.mark.parametrize("index", [4, 5], ids=["off-duty", "out-of-service"])
    def test_crews_off_duty_or_out_of_service_cannot_be_assigned(
        self, services: Services, engine: Engine, fleet: list[int], index: int
    ) -> None:
        row = drive_to(services, engine, RequestStatus.QUEUED)
        with pytest.raises(Conflict):
            services.assign(row.id, fleet[index])

    def test_a_stale_crew_version_is_a_conflict(self, services: Services, engine: Engine) -> None:
        row = drive_to(services, engine, RequestStatus.QUEUED)
        crew_id = free_crew(engine)
        seen = crew_of(engine, crew_id).version
        services.set_crew_status(crew_id, CrewStatus.OFF_DUTY)
        services.set_crew_status(crew_id, CrewStatus.AVAILABLE)
        with pytest.raises(Conflict) as caught:
            services.assign(row.id, crew_id, expected_crew_version=seen)
        assert caught.value.code == "crew.changed"

    def test_release_puts_the_request_back_in_the_queue(
        self, services: Services, engine: Engine
    ) -> None:
        row = drive_to(services, engine, RequestStatus.EN_ROUTE)
        crew_id = row.assigned_crew_id
        assert crew_id is not None
        back = services.release_crew(row.id, "truck broke down")
        assert back.status is RequestStatus.QUEUED
        assert back.assigned_crew_id is None
        assert crew_of(engine, crew_id).status == CrewStatus.AVAILABLE.value

    def test_reassign_swaps_crews_in_one_event(self, services: Services, engine: Engine) -> None:
        row = drive_to(services, engine, RequestStatus.ASSIGNED)
        old = row.assigned_crew_id
        assert old is not None
        new = free_crew(engine)
        before = state(engine)
        moved = services.reassign(row.id, new, "closer crew free")
        assert moved.status is RequestStatus.ASSIGNED
        assert moved.assigned_crew_id == new
        assert crew_of(engine, old).status == CrewStatus.AVAILABLE.value
        assert state(engine)[1] == before[1] + 1

    def test_busy_crew_status_cannot_be_set_by_hand(
        self, services: Services, engine: Engine
    ) -> None:
        row = drive_to(services, engine, RequestStatus.ASSIGNED)
        assert row.assigned_crew_id is not None
        with pytest.raises(Conflict):
            services.set_crew_status(row.assigned_crew_id, CrewStatus.OFF_DUTY)
        with pytest.raises(ValidationError):
            services.set_crew_status(row.assigned_crew_id, CrewStatus.TOWING)

    def test_position_update_is_validated_and_recorded(
        self, services: Services, engine: Engine, fleet: list[int]
    ) -> None:
        before = state(engine)
        with pytest.raises(ValidationError):
            services.update_crew_position(fleet[0], 95, 120)
        assert state(engine) == before
        services.update_crew_position(fleet[0], "30.3", "120.2")
        crew = crew_of(engine, fleet[0])
        assert (crew.lat, crew.lon) == (30.3, 120.2)
        assert state(engine)[0] == before[0] + 1


class TestLedgerAndRevisions:
    def test_each_write_is_one_event_with_a_rising_revision_and_the_chain_verifies(
        self, services: Services, engine: Engine
    ) -> None:
        row = drive_to(services, engine, RequestStatus.COMPLETED)
        with Session(engine) as session:
            events = list(session.scalars(select(Event).order_by(Event.seq)))
        revisions = [e.revision for e in events]
        assert revisions == sorted(set(revisions)), "one event per revision, rising"
        kinds = [e.kind for e in events if e.request_id == row.id]
        assert kinds == [
            "request.created", "request.triage", "request.queued", "request.assigned",
            "request.en_route", "request.on_scene", "request.completed",
        ]  # fmt: skip
        report = verify_ledger(engine)
        assert report.ok and report.count == len(events)

    @pytest.mark.ledger_tampered
    def test_tampering_is_detected(self, services: Services, engine: Engine) -> None:
        drive_to(services, engine, RequestStatus.QUEUED)
        with Session(engine) as session, session.begin():
            event = session.scalars(select(Event).where(Event.kind == "request.created")).first()
            assert event is not None
            event.payload = event.payload.replace("TOW", "LOCKOUT")
            seq = event.seq
        report = verify_ledger(engine)
        assert not report.ok and report.first_bad_seq == seq

    def test_the_change_feed_returns_only_newer_rows(
        self, services: Services, engine: Engine
    ) -> None:
        reader = DatabaseReader(engine, desk("reader"))
        a = drive_to(services, engine, RequestStatus.QUEUED)
        b = drive_to(services, engine, RequestStatus.QUEUED)
        mark = reader.revision()
        services.assign(b.id, free_crew(engine))
        changes = reader.requests_changed_since(mark)
        assert [r.id for r in changes.requests] == [b.id]
        assert changes.revision == mark + 1
        assert {r.id for r in reader.open_requests().requests} >= {a.id, b.id}
        assert (
            list(itertools.islice(reader.requests_changed_since(changes.revision).requests, 1))
            == []
        )
