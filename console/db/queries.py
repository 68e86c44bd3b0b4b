"""The read side: plain row objects for the UI and the change feed.

Readers take the revision *before* the rows, so a row written while they read
is at worst fetched twice (upserts are idempotent), never missed.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Engine, Select, Subquery, func, or_, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import ColumnElement

from console.core.inputs import parse_json
from console.core.ports import ChangeHeads, CrewChanges, FeedChanges, TimelineEntry
from console.core.records import CrewPosition, CrewRow, DepotRow, RequestChanges, RequestRow
from console.core.roles import Permission, Principal, redact_event, redact_request
from console.core.vocab import (
    OPEN_STATUSES,
    CallerLanguage,
    CrewStatus,
    Powertrain,
    Priority,
    RequestStatus,
    RoadType,
    ServiceType,
    Shift,
    Skill,
    VehicleClass,
    VehicleKind,
)
from console.db.engine import describe_url
from console.db.models import ChainHead, Crew, Depot, Device, Event, Request
from console.db.permits import reads
from console.db.presence.guard import guard_for


def request_row(request: Request, crew_call_sign: str | None) -> RequestRow:
    """Copy an ORM request into an immutable :class:`RequestRow`."""
    return RequestRow(
        id=request.id,
        reference=request.reference,
        status=RequestStatus(request.status),
        priority=Priority(request.priority),
        priority_reason=request.priority_reason,
        service_type=ServiceType(request.service_type),
        created_at=request.created_at,
        queued_at=request.queued_at,
        assign_due_at=request.assign_due_at,
        arrive_due_at=request.arrive_due_at,
        caller_name=request.caller_name,
        caller_phone=request.caller_phone,
        caller_language=CallerLanguage(request.caller_language),
        plate=request.plate,
        make_model=request.make_model,
        powertrain=Powertrain(request.powertrain),
        vehicle_class=VehicleClass(request.vehicle_class),
        awd=request.awd,
        lat=request.lat,
        lon=request.lon,
        address=request.address,
        city=request.city,
        road_type=RoadType(request.road_type),
        assigned_crew_id=request.assigned_crew_id,
        assigned_crew_call_sign=crew_call_sign,
        eta_minutes=request.eta_minutes,
        quote_cny=Decimal(request.quote_cny) if request.quote_cny is not None else None,
        notes=request.notes,
        cancel_reason=request.cancel_reason,
        version=request.version,
        revision=request.revision,
        guidance_path=tuple(request.guidance_path or ()),
        guidance_protocol=request.guidance_protocol or "",
        guidance_code=request.guidance_code or "",
        required_kinds=frozenset(VehicleKind(k) for k in request.required_kinds or ()),
        assigned_at=request.assigned_at,
    )


def crew_row(
    crew: Crew, depot_code: str, devices: int = 0, devices_since: datetime | None = None
) -> CrewRow:
    """Copy an ORM crew into an immutable :class:`CrewRow` (with its active device count)."""
    return CrewRow(
        id=crew.id,
        call_sign=crew.call_sign,
        depot_id=crew.depot_id,
        depot_code=depot_code,
        vehicle_kind=VehicleKind(crew.vehicle_kind),
        skills=frozenset(Skill(s) for s in crew.skills),
        status=CrewStatus(crew.status),
        lat=crew.lat,
        lon=crew.lon,
        gps_at=crew.gps_at,
        status_since=crew.status_since,
        shift=Shift(crew.shift),
        current_request_id=crew.current_request_id,
        version=crew.version,
        revision=crew.revision,
        devices=int(devices or 0),
        devices_since=devices_since,
        position_revision=crew.position_revision,
    )


def active_devices() -> Subquery:
    """Per crew: how many active (not revoked) devices it has and when the oldest was added.

    One aggregate joined to the crew query, not a query per crew.
    """
    return (
        select(
            Device.crew_id.label("crew_id"),
            func.count().label("devices"),
            func.min(Device.created_at).label("since"),
        )
        .where(Device.revoked_at.is_(None))
        .group_by(Device.crew_id)
        .subquery("active_devices")
    )


def crews_with_devices() -> tuple[Select[Any], Subquery]:
    """``select(Crew, Depot.code, devices, since)`` over every crew, and its device aggregate."""
    devices = active_devices()
    query = (
        select(Crew, Depot.code, devices.c.devices, devices.c.since)
        .join(Depot, Crew.depot_id == Depot.id)
        .outerjoin(devices, devices.c.crew_id == Crew.id)
    )
    return query, devices


def depot_row(depot: Depot) -> DepotRow:
    """Copy an ORM depot into an immutable :class:`DepotRow`."""
    return DepotRow(
        id=depot.id,
        code=depot.code,
        name_zh=depot.name_zh,
        name_en=depot.name_en,
        city_zh=depot.city_zh,
        city_en=depot.city_en,
        province_zh=depot.province_zh,
        province_en=depot.province_en,
        lat=depot.lat,
        lon=depot.lon,
        partner_id=depot.partner_id,
        phone=depot.phone,
    )


def _payload(text: str) -> dict[str, Any]:
    """A stored event payload as a dict; the timeline shows what it can of a damaged one."""
    try:
        value = parse_json(text)
    except ValueError:  # bad JSON, or a DocumentError (nested too deep, a key twice)
        return {}
    return value if isinstance(value, dict) else {}


class DatabaseReader:
    """Read-only queries over one engine (``QueueSource``, ``FleetSource``, ``TimelineSource``).

    Rows are read for ``principal``: each read checks its permission
    (:func:`console.db.permits.reads`), and a caller's number it does not need
    is masked here, so the interface never receives it.
    """

    def __init__(self, engine: Engine, principal: Principal) -> None:
        if not isinstance(principal, Principal):
            raise TypeError("DatabaseReader needs a console.core.roles.Principal")
        self._engine = engine
        self.principal = principal

    def describe(self) -> str:
        """The database URL with any password hidden."""
        return describe_url(self._engine.url)

    @reads(Permission.VIEW_QUEUE)
    def revision(self) -> int:
        """The global change revision (one indexed single-row read).

        Raises ``db.file_missing`` / ``db.file_replaced`` when the SQLite file
        under the engine is gone: the poll is what tells the console at once.
        """
        guard_for(self._engine).check()
        with self._session() as session:
            return _current_revision(session)

    @reads(Permission.VIEW_QUEUE)
    def change_heads(self) -> ChangeHeads:
        """Both change counters, business and position, in one single-row read.

        Raises like :meth:`revision` when the SQLite file under the engine is gone.
        """
        guard_for(self._engine).check()
        with self._session() as session:
            return current_heads(session)

    @reads(Permission.VIEW_QUEUE)
    def changes_since(self, since: ChangeHeads | None, *, positions: bool = True) -> FeedChanges:
        """Everything written after ``since`` (``None``: a snapshot), in one session.

        One query when nothing changed (the heads); the changed requests and
        crews only when the business revision rose; only the moved crews'
        positions (a narrow read) when only the position revision rose. A lower
        revision than ``since`` means another database: a snapshot comes back.
        """
        guard_for(self._engine).check()
        with self._session() as session:
            heads = current_heads(session)
            if (
                since is None
                or heads.revision < since.revision
                or heads.position_revision < since.position_revision
            ):
                # The heads were read before the rows: anything written meanwhile comes again.
                open_statuses = [s.value for s in OPEN_STATUSES]
                return FeedChanges(
                    heads,
                    self._request_rows(session, Request.status.in_(open_statuses)),
                    self._crew_rows(session, None),
                    (),
                    snapshot=True,
                )
            requests: tuple[RequestRow, ...] = ()
            crews: tuple[CrewRow, ...] = ()
            if heads.revision > since.revision:
                requests = self._request_rows(session, Request.revision > since.revision)
                crews = self._crew_rows(session, crews_changed_after(since.revision))
            moved: tuple[CrewPosition, ...] = ()
            if positions and heads.position_revision > since.position_revision:
                moved = positions_since(session, since.position_revision)
            else:
                heads = ChangeHeads(heads.revision, since.position_revision)
            return FeedChanges(heads, requests, crews, moved, snapshot=False)

    @reads(Permission.VIEW_QUEUE)
    def positions_since(self, position_revision: int) -> tuple[CrewPosition, ...]:
        """Crews moved by fixes after ``position_revision`` (id, position, fix time only)."""
        with self._session() as session:
            return positions_since(session, position_revision)

    @reads(Permission.VIEW_QUEUE)
    def open_requests(self) -> RequestChanges:
        """Every open request, oldest first."""
        return self._requests(Request.status.in_([s.value for s in OPEN_STATUSES]))

    @reads(Permission.VIEW_QUEUE)
    def requests_changed_since(self, revision: int) -> RequestChanges:
        """Requests written after ``revision`` (closed ones too, so views can drop them)."""
        return self._requests(Request.revision > revision)

    @reads(Permission.VIEW_QUEUE)
    def request(self, request_id: int) -> RequestRow | None:
        """One request by id, or None."""
        rows = self._requests(Request.id == request_id).requests
        return rows[0] if rows else None

    @reads(Permission.VIEW_QUEUE)
    def request_by_reference(self, reference: str) -> RequestRow | None:
        """One request by its reference (RA-YYYYMMDD-NNNN), or None."""
        rows = self._requests(Request.reference == reference.strip().upper()).requests
        return rows[0] if rows else None

    @reads(Permission.VIEW_QUEUE)
    def timeline(self, request_id: int) -> list[TimelineEntry]:
        """Every ledger event about ``request_id``, oldest first (the request's history).

        Payloads are read for the principal: masked numbers, and no quality
        content (scores, comments, complaint texts) without ``VIEW_QUALITY``.
        """
        with self._session() as session:
            status = session.scalar(select(Request.status).where(Request.id == request_id))
            is_open = status is not None and RequestStatus(status) in OPEN_STATUSES
            result = session.execute(
                select(Event.seq, Event.at, Event.actor, Event.kind, Event.crew_id, Event.payload)
                .where(Event.request_id == request_id)
                .order_by(Event.seq)
            )
            return [
                TimelineEntry(
                    seq,
                    at,
                    actor,
                    kind,
                    crew_id,
                    redact_event(self.principal, kind, _payload(payload), open_request=is_open),
                )
                for seq, at, actor, kind, crew_id, payload in result
            ]

    @reads(Permission.VIEW_QUEUE)
    def crews(self) -> list[CrewRow]:
        """Every crew, by call sign."""
        with self._session() as session:
            return list(self._crew_rows(session, None))

    @reads(Permission.VIEW_QUEUE)
    def free_crews(self) -> list[CrewRow]:
        """Every crew free to take a job now (status AVAILABLE), by call sign."""
        with self._session() as session:
            query, _devices = crews_with_devices()
            result = session.execute(
                query.where(Crew.status == CrewStatus.AVAILABLE.value).order_by(Crew.call_sign)
            )
            return [crew_row(*row) for row in result]

    @reads(Permission.VIEW_QUEUE)
    def crews_changed_since(self, revision: int) -> CrewChanges:
        """Crews written after ``revision``, with the revision read before them."""
        with self._session() as session:
            current = _current_revision(session)
            return CrewChanges(current, self._crew_rows(session, crews_changed_after(revision)))

    @reads(Permission.VIEW_QUEUE)
    def depots(self) -> list[DepotRow]:
        """Every depot, by code."""
        with self._session() as session:
            return [depot_row(d) for d in session.scalars(select(Depot).order_by(Depot.code))]

    def _requests(self, condition: object) -> RequestChanges:
        with self._session() as session:
            revision = _current_revision(session)
            rows = self._request_rows(session, condition)
        return RequestChanges(revision=revision, requests=rows)

    def _request_rows(self, session: Session, condition: object) -> tuple[RequestRow, ...]:
        """Requests matching ``condition``, oldest first, read for the principal."""
        crew = aliased(Crew)
        result = session.execute(
            select(Request, crew.call_sign)
            .outerjoin(crew, Request.assigned_crew_id == crew.id)
            .where(condition)  # type: ignore[arg-type]
            .order_by(Request.created_at, Request.id)
        )
        return tuple(
            redact_request(self.principal, request_row(request, call_sign))
            for request, call_sign in result
        )

    @staticmethod
    def _crew_rows(session: Session, condition: Any) -> tuple[CrewRow, ...]:
        """Crews matching ``condition`` (``None``: all), by call sign, with their devices."""
        statement, _devices = crews_with_devices()
        if condition is not None:
            statement = statement.where(condition)
        result = session.execute(statement.order_by(Crew.call_sign))
        return tuple(crew_row(*row) for row in result)

    def _session(self) -> Session:
        return Session(self._engine)


def crews_changed_after(revision: int) -> ColumnElement[bool]:
    """Crews written after ``revision``, or whose devices were."""
    # A device added or revoked changes the crew's feed without touching the crew row.
    devices_changed = select(Device.crew_id).where(Device.revision > revision)
    return or_(Crew.revision > revision, Crew.id.in_(devices_changed))


def current_heads(session: Session) -> ChangeHeads:
    """Both change counters in one single-row read; read them before the rows."""
    row = session.execute(
        select(ChainHead.revision, ChainHead.position_revision).where(ChainHead.id == 1)
    ).first()
    if row is None:
        return ChangeHeads(0, 0)
    return ChangeHeads(int(row[0] or 0), int(row[1] or 0))


def positions_since(session: Session, position_revision: int) -> tuple[CrewPosition, ...]:
    """Crews moved by fixes after ``position_revision``: a narrow read on an indexed column."""
    result = session.execute(
        select(Crew.id, Crew.lat, Crew.lon, Crew.gps_at, Crew.position_revision).where(
            Crew.position_revision > position_revision
        )
    )
    return tuple(
        CrewPosition(crew_id, lat, lon, gps_at, moved_at)
        for crew_id, lat, lon, gps_at, moved_at in result
    )


def _current_revision(session: Session) -> int:
    """The global change revision; read it before the rows so no write is missed."""
    return int(session.scalar(select(ChainHead.revision).where(ChainHead.id == 1)) or 0)
