"""Finishing a guided call: path and outcome in the request row and one ledger event."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from console.core.errors import IllegalTransition, ValidationError
from console.core.records import RequestRow
from console.core.vocab import (
    Powertrain,
    Priority,
    RequestStatus,
    RoadType,
    ServiceType,
    VehicleKind,
)
from console.db.backend import DatabaseBackend
from console.db.models import Event
from tests.db.conftest import FakeClock
from tests.db.helpers import draft, state
from tests.support.principals import desk

SAFE_START = (
    "case_entry.position=safe",
    "case_entry.injuries=no",
    "case_entry.smoke=no",
    "case_entry.vulnerable=no",
)
PHONE_FIX = (
    *SAFE_START,
    "case_entry.complaint=no_start",
    "battery.crank=click",
    "battery.retry=yes",
    "battery.keep_running=ok",
)
EV_TOW = (
    *SAFE_START[:3],
    "case_entry.hv_warning=no",
    "case_entry.vulnerable=no",
    "case_entry.complaint=no_start",
    "battery.ev_screen=yes",
    "battery.ev_ready=fault",
)


@pytest.fixture
def backend(engine: Engine, clock: FakeClock, fleet: list[int]) -> DatabaseBackend:
    return DatabaseBackend(engine, principal=desk("dispatcher:test"), clock=clock)


def _new(backend: DatabaseBackend, **overrides: object) -> RequestRow:
    return backend.take_call(draft(**overrides), outcome=RequestStatus.NEW)


def _events(engine: Engine, request_id: int) -> list[Event]:
    with Session(engine) as session:
        return list(session.scalars(select(Event).where(Event.request_id == request_id)))


def test_a_phone_fix_closes_the_request_with_its_path_in_one_event(
    backend: DatabaseBackend, engine: Engine
) -> None:
    row = _new(backend, powertrain=Powertrain.ICE)
    before = len(_events(engine, row.id))

    done = backend.finish_guidance(row.id, PHONE_FIX)

    assert done.status is RequestStatus.RESOLVED_REMOTELY
    assert done.service_type is ServiceType.REMOTE_GUIDANCE
    assert done.guidance_path == PHONE_FIX
    assert (done.guidance_protocol, done.guidance_code) == ("battery", "R01-Ω-1")
    events = _events(engine, row.id)
    assert len(events) == before + 1
    payload = json.loads(events[-1].payload)
    assert events[-1].kind == "request.resolved_remotely"
    assert payload["guidance"]["path"] == list(PHONE_FIX)
    assert payload["guidance"]["code"] == "R01-Ω-1"


def test_the_ev_tow_outcome_queues_the_request_needing_a_flatbed(
    backend: DatabaseBackend,
) -> None:
    row = _new(backend, powertrain=Powertrain.EV)

    done = backend.finish_guidance(row.id, EV_TOW)

    assert done.status is RequestStatus.QUEUED
    assert done.service_type is ServiceType.TOW
    assert done.required_kinds == frozenset({VehicleKind.FLATBED})
    assert done.queued_at is not None
    suggestions = backend.suggest(row.id).suggestions
    assert suggestions
    kinds = {c.vehicle_kind for c in backend.crews() if c.id in {s.crew_id for s in suggestions}}
    assert kinds == {VehicleKind.FLATBED}


def test_equipment_from_the_script_narrows_an_ice_car_to_flatbeds(
    backend: DatabaseBackend,
) -> None:
    row = _new(backend, powertrain=Powertrain.ICE)
    path = (
        *SAFE_START,
        "case_entry.complaint=collision",
        "collision.police=ok",
        "collision.drivable=no",
        "collision.heavy_damage=yes",
    )
    done = backend.finish_guidance(row.id, path)
    assert backend.suggest(row.id).needs.kinds == frozenset({VehicleKind.FLATBED})
    assert done.required_kinds == frozenset({VehicleKind.FLATBED})


def test_a_safety_answer_makes_the_outcome_p1_and_the_road_an_expressway(
    backend: DatabaseBackend,
) -> None:
    row = _new(backend, powertrain=Powertrain.ICE, road_type=RoadType.URBAN)
    path = (
        "case_entry.position=expressway",
        "case_entry.get_safe=ok",
        "case_entry.triangle=ok",
        *SAFE_START[1:],
        "case_entry.complaint=tyre",
        "tyre.place=no",
        "tyre.no_roadside=ok",
    )
    done = backend.finish_guidance(row.id, path)
    assert done.priority is Priority.P1
    assert done.road_type is RoadType.EXPRESSWAY
    assert done.status is RequestStatus.QUEUED


def test_a_queued_request_can_be_talked_through_to_a_phone_fix(
    backend: DatabaseBackend,
) -> None:
    row = backend.take_call(draft(powertrain=Powertrain.ICE), outcome=RequestStatus.QUEUED)
    done = backend.finish_guidance(row.id, PHONE_FIX)
    assert done.status is RequestStatus.RESOLVED_REMOTELY


def test_a_queued_request_stays_queued_with_the_new_response(
    backend: DatabaseBackend, engine: Engine
) -> None:
    row = backend.take_call(draft(powertrain=Powertrain.EV), outcome=RequestStatus.QUEUED)
    done = backend.finish_guidance(row.id, EV_TOW)
    assert done.status is RequestStatus.QUEUED
    assert done.queued_at == row.queued_at
    assert done.required_kinds == frozenset({VehicleKind.FLATBED})
    assert _events(engine, row.id)[-1].kind == "request.guided"


def test_an_escalated_step_queues_with_the_protocol_escalation_code(
    backend: DatabaseBackend,
) -> None:
    row = _new(backend, powertrain=Powertrain.ICE)
    done = backend.finish_guidance(
        row.id, (*SAFE_START, "case_entry.complaint=lockout", "lockout.inside=ESCALATE")
    )
    assert done.guidance_code == "R04-D-1"
    assert done.service_type is ServiceType.LOCKOUT
    assert done.status is RequestStatus.QUEUED


@pytest.mark.parametrize(
    "path",
    [
        (),
        ("case_entry.position=safe",),  # no outcome yet
        ("case_entry.injuries=no",),  # skips the first question
        (*PHONE_FIX, "battery.fixed=ok"),  # after the outcome
        ("not a step",),
        "case_entry.position=safe",  # a lone string is not a path
    ],
)
def test_a_path_that_does_not_follow_the_scripts_changes_nothing(
    backend: DatabaseBackend, engine: Engine, path: tuple[str, ...]
) -> None:
    row = _new(backend, powertrain=Powertrain.ICE)
    before = state(engine)
    with pytest.raises(ValidationError):
        backend.finish_guidance(row.id, path)
    assert state(engine) == before
    assert backend.request(row.id) == row


def test_a_closed_request_cannot_be_guided(backend: DatabaseBackend, engine: Engine) -> None:
    row = backend.take_call(
        draft(powertrain=Powertrain.ICE), outcome=RequestStatus.RESOLVED_REMOTELY
    )
    before = state(engine)
    with pytest.raises(IllegalTransition):
        backend.finish_guidance(row.id, PHONE_FIX)
    assert state(engine) == before


def test_a_request_with_a_crew_cannot_be_guided(backend: DatabaseBackend, engine: Engine) -> None:
    row = backend.take_call(draft(powertrain=Powertrain.EV), outcome=RequestStatus.QUEUED)
    crew = backend.suggest(row.id).suggestions[0].crew_id
    assigned = backend.assign(row.id, crew)
    before = state(engine)
    with pytest.raises(IllegalTransition):
        backend.finish_guidance(row.id, EV_TOW)
    assert state(engine) == before
    assert backend.request(row.id) == assigned


def test_remote_fix_rate_per_protocol_counts_guided_requests(backend: DatabaseBackend) -> None:
    for path in (PHONE_FIX, EV_TOW, PHONE_FIX):
        row = _new(backend, powertrain=Powertrain.EV if path is EV_TOW else Powertrain.ICE)
        backend.finish_guidance(row.id, path)
    _new(backend)  # not guided: not counted

    [battery] = backend.remote_fix_rates()

    assert (battery.protocol, battery.guided, battery.resolved) == ("battery", 3, 2)
    assert battery.rate == pytest.approx(2 / 3)
