"""Spec: every read of the data layer is allowed or refused by role, in the data layer itself.

Each read is called straight on :class:`DatabaseBackend` (no window in the
way) as a dispatcher, a supervisor and an administrator, on SQLite and on
PostgreSQL. Complaints with their summaries, satisfaction scores, the jobs
list and revenue are a supervisor's; quotes and bills belong to the desks
that price jobs; the queue and the fleet are readable by every role.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine

from console.core.errors import PermissionDenied, StorageError
from console.core.pricing import QuoteQuery
from console.core.roles import Permission, Principal
from console.core.vocab import Powertrain, RoadType, Role, ServiceType, VehicleClass
from console.db.backend import DatabaseBackend
from console.db.pricing_backend import PricingAccess
from console.db.quality_queries import QualityReader
from console.db.queries import DatabaseReader
from tests.db.conftest import FakeClock
from tests.db.test_quality_services import completed
from tests.support.principals import desk
from tests.support.workspace import new_call

D, S, A = Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN
EVERYONE = frozenset(Role)
LONG_AGO = datetime(2000, 1, 1, tzinfo=UTC)

QUERY = QuoteQuery(
    service=ServiceType.TOW, road_type=RoadType.URBAN, vehicle_class=VehicleClass.CAR,
    powertrain=Powertrain.ICE, lat=30.26, lon=120.17, city="杭州",
    dest_lat=30.30, dest_lon=120.20, tow_km=Decimal("8"),
)  # fmt: skip

Read = Callable[[DatabaseBackend, int], object]


def _rescue(backend: DatabaseBackend) -> object:
    """A rescue copy into a fresh folder (PostgreSQL has no file to copy: that is not a refusal)."""
    try:
        return backend.rescue_copy(str(Path(tempfile.mkdtemp()) / "rescued.db"))
    except StorageError as exc:
        assert exc.code == "db.rescue_failed"
        return None


READS: dict[str, tuple[Read, frozenset[Role]]] = {
    "revision": (lambda b, _: b.revision(), EVERYONE),
    "open_requests": (lambda b, _: b.open_requests(), EVERYONE),
    "requests_changed_since": (lambda b, _: b.requests_changed_since(0), EVERYONE),
    "request": (lambda b, r: b.request(r), EVERYONE),
    "request_by_reference": (lambda b, _: b.request_by_reference("RA-20260101-0001"), EVERYONE),
    "timeline": (lambda b, r: b.timeline(r), EVERYONE),
    "crews": (lambda b, _: b.crews(), EVERYONE),
    "crews_changed_since": (lambda b, _: b.crews_changed_since(0), EVERYONE),
    "change_heads": (lambda b, _: b.change_heads(), EVERYONE),
    "changes_since": (lambda b, _: b.changes_since(None), EVERYONE),
    "positions_since": (lambda b, _: b.positions_since(0), EVERYONE),
    "crew_trail": (lambda b, _: b.crew_trail(1, LONG_AGO), EVERYONE),
    "depots": (lambda b, _: b.depots(), EVERYONE),
    "free_crews": (lambda b, _: b.free_crews(), EVERYONE),
    "coverage_now": (lambda b, _: b.coverage_now(), EVERYONE),
    "advisor": (lambda b, _: b.advisor(), EVERYONE),
    "suggest": (lambda b, r: b.suggest(r), EVERYONE),
    "propose": (lambda b, _: b.propose(), EVERYONE),
    "jobs": (lambda b, _: b.jobs(LONG_AGO), frozenset({S})),
    "satisfaction": (lambda b, _: b.satisfaction(LONG_AGO), frozenset({S})),
    "satisfaction_for": (lambda b, r: b.satisfaction_for(r), frozenset({S})),
    "complaints": (lambda b, _: b.complaints(LONG_AGO), frozenset({S})),
    "crew_status_counts": (lambda b, _: b.crew_status_counts(), frozenset({S})),
    "partners": (lambda b, _: b.partners(), frozenset({S})),
    "remote_fix_rates": (lambda b, _: b.remote_fix_rates(), frozenset({S})),
    "revenue_by_programme": (lambda b, _: b.revenue_by_programme(), frozenset({S})),
    "find_entitlements": (lambda b, _: b.find_entitlements("EV-2026-0001"), frozenset({D, S})),
    "quote": (lambda b, r: b.quote(QUERY, r), frozenset({D, S})),
    "charges": (lambda b, r: b.charges(r), frozenset({D, S})),
    "rescue_copy": (lambda b, _: _rescue(b), EVERYONE),
    "devices": (lambda b, _: b.devices(1), frozenset({A})),
}
"""Read -> the roles that may. Written out by hand on purpose: it is the
specification the role table in ``console.core.roles`` must meet."""

NOT_RECORDS = {
    "describe": "the database URL, password hidden",
    "quality_targets": "configuration",
    "sla_targets": "configuration",
    "eta_model": "configuration",
    "feed_rules": "configuration",
    "phone_setup": "configuration",
    "subscribe_changes": "a wake-up call carrying only the kind of change",
    "can_rescue": "whether the database is a file",
    "close": "stops listening",
}
"""Public members that read no record at all."""

WRITES = {
    "create_request", "take_call", "move", "assign", "set_crew_status", "finish_guidance",
    "record_satisfaction", "open_complaint", "respond_complaint", "close_complaint",
    "accept_quote", "complete_with_bill", "flag_dispute", "add_device", "revoke_device",
}  # fmt: skip
"""Writes the backend hands to the service layer, which declares their permission."""


@pytest.mark.parametrize("read", list(READS))
def test_each_role_may_read_exactly_what_the_table_allows(
    read: str, engine: Engine, fleet: list[int], clock: FakeClock
) -> None:
    call, allowed = READS[read]
    request_id = new_call(DatabaseBackend(engine, principal=desk("desk"), clock=clock))
    for role in Role:
        reader = DatabaseBackend(
            engine, principal=Principal.user(f"{role.lower()}1", role), clock=clock
        )
        if role in allowed:
            call(reader, request_id)
            continue
        with pytest.raises(PermissionDenied) as refused:
            call(reader, request_id)
        assert refused.value.code == "permission.denied"
        assert refused.value.params["role"] == role.lower()


@pytest.mark.parametrize("reader", [DatabaseBackend, DatabaseReader, QualityReader, PricingAccess])
def test_every_public_read_declares_its_permission(reader: type[object]) -> None:
    members = {
        name: member
        for klass in reversed(reader.__mro__)
        for name, member in vars(klass).items()
        if callable(member) and not name.startswith("_")
    }
    undeclared = [
        name
        for name, member in members.items()
        if name not in NOT_RECORDS
        and name not in WRITES
        and not isinstance(getattr(member, "permission", None), Permission)
    ]
    assert undeclared == []


def test_every_declared_read_is_in_the_role_table() -> None:
    declared = {
        name
        for name in dir(DatabaseBackend)
        if isinstance(getattr(getattr(DatabaseBackend, name), "permission", None), Permission)
        and name not in WRITES
    }
    assert declared == set(READS)


def test_no_principal_no_quality_reader(engine: Engine) -> None:
    with pytest.raises(TypeError):
        QualityReader(engine, "supervisor")  # type: ignore[arg-type]


COMMENT = "司机态度很差 rude driver"
SUMMARY = "Crew arrived 2 hours late, caller Li furious"


@pytest.mark.parametrize("role", list(Role))
def test_a_requests_history_carries_quality_texts_only_for_those_who_may_read_them(
    engine: Engine, fleet: list[int], clock: FakeClock, role: Role
) -> None:
    supervisor = DatabaseBackend(engine, principal=desk("desk"), clock=clock)
    request_id = completed(supervisor.services, engine, clock)
    supervisor.record_satisfaction(request_id, 1, COMMENT)
    complaint = supervisor.open_complaint(request_id, "LATE_ARRIVAL", SUMMARY, "desk")
    supervisor.respond_complaint(complaint, "Called back " + SUMMARY)
    reader = DatabaseBackend(
        engine, principal=Principal.user(f"{role.lower()}1", role), clock=clock
    )
    history = reader.timeline(request_id)
    kinds = [entry.kind for entry in history]
    assert {"satisfaction.recorded", "complaint.opened", "complaint.answered"} <= set(kinds)
    received = repr(history)
    if role is S:
        assert COMMENT in received and SUMMARY in received
    else:
        assert COMMENT not in received and SUMMARY not in received
        assert "'score'" not in received
