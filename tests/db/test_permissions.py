"""Spec: every service operation is allowed or refused by role, in the service layer itself.

Each operation is called straight on :class:`Services` (no interface in the
way) as a dispatcher, a supervisor and an administrator, on SQLite and on
PostgreSQL. A refused call raises ``PermissionDenied`` and changes nothing: not
the request, not the crews, not the ledger.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from console.core.errors import PermissionDenied
from console.core.intake import RequestDraft
from console.core.roles import Permission, Principal
from console.core.vocab import CrewStatus, RequestStatus, RoadType, Role, ServiceType
from console.db.accounts import Accounts
from console.db.guidance_services import GuidanceServices
from console.db.importer import ImportKind, import_file
from console.db.models import ChainHead, Crew, Depot, Request, User
from console.db.pricing_services import PricingServices
from console.db.queries import DatabaseReader
from console.db.services import Services
from tests.db.conftest import FakeClock
from tests.db.test_importer import DEPOT_HEADER, DEPOTS
from tests.support.principals import desk

D, S, A = Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN

DRAFT = RequestDraft(
    caller_phone="13912345678",
    lat=30.27,
    lon=120.15,
    city="杭州",
    road_type=RoadType.URBAN,
    service_type=ServiceType.TOW,
)

DEPOT_CSV = "\n".join([DEPOT_HEADER, DEPOTS[0], ""])


@dataclass
class Desk:
    """Sets the scene for one attempt, acting as a supervisor (who may do all of it)."""

    engine: Engine
    services: Services
    tmp_path: Path

    def free_crews(self) -> list[int]:
        with Session(self.engine) as session:
            return list(
                session.scalars(
                    select(Crew.id)
                    .where(Crew.status == CrewStatus.AVAILABLE.value)
                    .order_by(Crew.id)
                )
            )

    def out_of_service_crew(self) -> int:
        """A crew put out of service (by the desk) for this attempt."""
        crew = self.free_crews()[-1]
        self.services.set_crew_status(crew, CrewStatus.OUT_OF_SERVICE)
        return crew

    def request_at(self, status: RequestStatus) -> int:
        """A fresh request moved (by the desk) to ``status``."""
        if status in (RequestStatus.NEW, RequestStatus.TRIAGE, RequestStatus.QUEUED):
            return self.services.take_call(DRAFT, outcome=status).id
        request = self.services.take_call(DRAFT).id
        self.services.assign(request, self.free_crews()[0])
        for step in (RequestStatus.EN_ROUTE, RequestStatus.ON_SCENE):
            if status is RequestStatus.ASSIGNED:
                break
            self.services.move(request, step)
            if step is status:
                break
        return request


def accounts_of(services: Services) -> Accounts:
    return Accounts(services._engine, principal=services.principal, clock=services.clock)


def _maintenance(services: Services) -> None:
    with services.unit_of_work(Permission.MAINTAIN) as uow:
        uow.record("test.maintenance")


Setup = Callable[[Desk], Any]
Call = Callable[[Services, Any], object]


def nothing(_desk: Desk) -> None:
    return None


def at(status: RequestStatus) -> Setup:
    return lambda d: d.request_at(status)


def with_crew(status: RequestStatus) -> Setup:
    return lambda d: (d.request_at(status), d.free_crews()[0])


def csv_file(d: Desk) -> Path:
    path = d.tmp_path / "depots.csv"
    path.write_text(DEPOT_CSV, encoding="utf-8")
    return path


R = RequestStatus
OPERATIONS: dict[str, tuple[Setup, Call, frozenset[Role]]] = {
    "take_call": (nothing, lambda s, _: s.take_call(DRAFT), frozenset({D, S})),
    "create_request": (nothing, lambda s, _: s.create_request(DRAFT), frozenset({D, S})),
    "start_triage": (at(R.NEW), lambda s, r: s.start_triage(r), frozenset({D, S})),
    "queue": (at(R.TRIAGE), lambda s, r: s.queue(r), frozenset({D, S})),
    "resolve_remotely": (
        at(R.TRIAGE),
        lambda s, r: s.resolve_remotely(r, "restarted"),
        frozenset({D, S}),
    ),
    "assign": (with_crew(R.QUEUED), lambda s, rc: s.assign(*rc), frozenset({D, S})),
    "start_journey": (at(R.ASSIGNED), lambda s, r: s.start_journey(r), frozenset({D, S})),
    "arrive": (at(R.EN_ROUTE), lambda s, r: s.arrive(r), frozenset({D, S})),
    "start_tow": (at(R.ON_SCENE), lambda s, r: s.start_tow(r), frozenset({D, S})),
    "complete": (at(R.ON_SCENE), lambda s, r: s.complete(r), frozenset({D, S})),
    "cancel": (at(R.QUEUED), lambda s, r: s.cancel(r, "duplicate"), frozenset({D, S})),
    "release_crew": (
        at(R.ASSIGNED),
        lambda s, r: s.release_crew(r, "crew broke down"),
        frozenset({D, S}),
    ),
    "reassign": (
        with_crew(R.ASSIGNED),
        lambda s, rc: s.reassign(rc[0], rc[1], "closer crew"),
        frozenset({S}),
    ),
    "move": (at(R.NEW), lambda s, r: s.move(r, R.TRIAGE), frozenset({D, S})),
    "set_crew_status off duty": (
        lambda d: d.free_crews()[-1],
        lambda s, c: s.set_crew_status(c, CrewStatus.OFF_DUTY),
        frozenset({D, S}),
    ),
    "set_crew_status out of service": (
        lambda d: d.free_crews()[-1],
        lambda s, c: s.set_crew_status(c, CrewStatus.OUT_OF_SERVICE),
        frozenset({S}),
    ),
    "set_crew_status back in service": (
        lambda d: d.out_of_service_crew(),
        lambda s, c: s.set_crew_status(c, CrewStatus.AVAILABLE),
        frozenset({S}),
    ),
    "update_crew_position": (
        nothing,
        lambda s, _: s.update_crew_position(1, 30.3, 120.2),
        frozenset({D, S}),
    ),
    "import depots": (
        csv_file,
        lambda s, path: import_file(s._engine, ImportKind.DEPOTS, path, principal=s.principal),
        frozenset({S}),
    ),
    "list users": (nothing, lambda s, _: accounts_of(s).users(), frozenset({A})),
    "add user": (
        nothing,
        lambda s, _: accounts_of(s).add_user("newbie", "New Dispatcher", D, "long-enough-1"),
        frozenset({A}),
    ),
    "reset password": (
        nothing,
        lambda s, _: accounts_of(s).reset_password("desk", "another-secret-2"),
        frozenset({A}),
    ),
    "disable user": (
        nothing,
        lambda s, _: accounts_of(s).set_disabled("desk", True),
        frozenset({A}),
    ),
    "maintenance unit of work": (nothing, lambda s, _: _maintenance(s), frozenset()),
}
"""Operation -> (scene set by the desk, the attempt, the roles that may).

Written out by hand on purpose: it is the specification that the role table
in ``console.core.roles`` must meet, not a copy of it."""


def snapshot(engine: Engine) -> tuple[object, ...]:
    """What a refused call must leave untouched: ledger head, requests, crews, depots, users."""
    with Session(engine) as session:
        head = session.execute(
            select(ChainHead.revision, ChainHead.event_count, ChainHead.head_hash)
        ).one()
        requests = session.execute(
            select(Request.id, Request.status, Request.version).order_by(Request.id)
        ).all()
        crews = session.execute(
            select(Crew.id, Crew.status, Crew.version, Crew.lat).order_by(Crew.id)
        ).all()
        depots = session.scalar(select(func.count()).select_from(Depot))
        users = session.execute(
            select(User.username, User.password_hash, User.disabled).order_by(User.id)
        ).all()
    return (
        tuple(head),
        tuple(map(tuple, requests)),
        tuple(map(tuple, crews)),
        depots,
        tuple(map(tuple, users)),
    )


@pytest.mark.parametrize("operation", list(OPERATIONS))
def test_each_role_may_do_exactly_what_the_table_allows(
    operation: str, engine: Engine, fleet: list[int], clock: FakeClock, tmp_path: Path
) -> None:
    setup, call, allowed = OPERATIONS[operation]
    add_desk_user(engine)
    for role in Role:
        desk_ = Desk(engine, Services(engine, principal=desk("desk"), clock=clock), tmp_path)
        acting = Services(engine, principal=Principal.user(f"{role.lower()}1", role), clock=clock)
        scene = setup(desk_)
        if role in allowed:
            call(acting, scene)
            continue
        before = snapshot(engine)
        with pytest.raises(PermissionDenied) as refused:
            call(acting, scene)
        assert refused.value.code == "permission.denied"
        assert refused.value.params["role"] == role.lower()
        assert snapshot(engine) == before, f"a refused {role} changed something"


def add_desk_user(engine: Engine) -> None:
    """An account named "desk" for the account operations to act on."""
    Accounts(engine, principal=Principal.system("fixture")).add_user(
        "desk", "Desk", Role.DISPATCHER, "desk-password-1"
    )


READS = {"unit_of_work", "move", "record"}
"""Public members that write nothing themselves (``move`` checks the operation it runs)."""


@pytest.mark.parametrize("services", [Services, GuidanceServices, PricingServices])
def test_every_public_operation_declares_its_permission(services: type[Services]) -> None:
    undeclared = [
        name
        for name, member in vars(services).items()
        if callable(member)
        and not name.startswith("_")
        and name not in READS
        and not isinstance(getattr(member, "permission", None), Permission)
    ]
    assert undeclared == []


def test_move_checks_the_permission_of_the_operation_it_runs(
    engine: Engine, fleet: list[int], clock: FakeClock
) -> None:
    desk_ = Desk(engine, Services(engine, principal=desk("desk"), clock=clock), Path())
    request = desk_.request_at(R.ASSIGNED)
    dispatcher = Services(engine, principal=Principal.user("d1", D), clock=clock)
    admin = Services(engine, principal=Principal.user("a1", A), clock=clock)
    with pytest.raises(PermissionDenied):
        admin.move(request, R.EN_ROUTE)
    assert dispatcher.move(request, R.EN_ROUTE).status is R.EN_ROUTE


def test_no_principal_no_service(engine: Engine) -> None:
    with pytest.raises(TypeError):
        Services(engine, principal="dispatcher")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        DatabaseReader(engine, "dispatcher")  # type: ignore[arg-type]
