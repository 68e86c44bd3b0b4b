"""The service layer: every write to the database goes through here.

Each public method is one unit of work in one transaction: it validates,
writes, appends exactly one ledger event and stamps every changed row with the
new global revision. Anything that goes wrong rolls the whole transaction back,
so no half-written record is ever visible.

Writers queue on the chain head. A unit of work (:meth:`Services.unit_of_work`)
takes it first and so runs alone. The dispatch operations of :class:`Services`
on PostgreSQL take it last instead, for the one statement that seals their event
(:mod:`console.db.sealing` explains how, and why the races stay closed and the
change feed whole): they lock the rows they read and then write
(``FOR UPDATE``), which SQLite, writing one transaction at a time, ignores.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, insert, literal, select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from console.core import lifecycle
from console.core.errors import (
    Conflict,
    IllegalTransition,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from console.core.intake import RequestDraft, clean_request, location_warnings
from console.core.ledger import EventContent, canonical_json, chain_hash
from console.core.records import RequestRow
from console.core.roles import Permission, Principal, redact_request, require
from console.core.sla import SlaTargets
from console.core.validation import (
    aware_time,
    brief,
    parse_choice,
    require_text,
    validate_coordinates,
    whole_number,
)
from console.core.vocab import (
    CREW_BUSY_FOR,
    IDLE_CREW_STATUSES,
    CrewStatus,
    Priority,
    RequestStatus,
    RoadType,
    ServiceType,
)
from console.db import sealing
from console.db.changes import announce, announcement, supports_notify
from console.db.engine import unreachable, writer_factory
from console.db.models import ChainHead, Crew, Event, Request
from console.db.permits import declares
from console.db.presence.guard import guard_for
from console.db.queries import request_row
from console.db.records import capture
from console.db.records.fast import check_kind
from console.db.references import reference_text, take_number

Clock = Callable[[], datetime]


MAX_ID = 2**31 - 1
"""Largest row id or version (Integer columns are 32-bit on PostgreSQL)."""
MAX_ETA_MINUTES = 24 * 60
"""Longest ETA a dispatcher may record."""
ROW_LOCK = {"key_share": True}
"""How a dispatch write locks a row it reads and then writes: ``FOR NO KEY UPDATE``.

Exclusive among writers, yet it lets foreign-key checks (``KEY SHARE``) of other
writers' rows through, which a plain ``FOR UPDATE`` would turn into deadlocks.
"""


def utc_now() -> datetime:
    """The wall clock in UTC (the default clock)."""
    return datetime.now(UTC)


@dataclass
class WriteContext:
    """One open write transaction: its session, revision, time and pending event.

    ``head`` is the locked chain head, or None for a dispatch write that seals
    last: its ``revision`` is then :data:`~console.db.sealing.PROVISIONAL` until
    :meth:`append_events` numbers it.
    """

    session: Session
    head: ChainHead | None
    revision: int
    now: datetime
    actor: str
    events: list[EventContent] = field(default_factory=list)

    def record(
        self,
        kind: str,
        *,
        request_id: int | None = None,
        crew_id: int | None = None,
        **payload: Any,
    ) -> None:
        """Queue the ledger event this unit of work will append."""
        self.events.append(
            EventContent(
                seq=(0 if self.head is None else self.head.event_count) + len(self.events) + 1,
                at=self.now,
                actor=self.actor,
                kind=kind,
                request_id=request_id,
                crew_id=crew_id,
                payload=payload,
                revision=self.revision,
            )
        )

    def append_events(self, *, announce_commit: bool = False) -> None:
        """Write the queued event onto the chain, with the rows it changed, and advance the head.

        On PostgreSQL the event, the new head and the commit's announcement
        (``announce_commit``) go in one statement: one round trip under the writer lock.
        """
        if len(self.events) != 1:
            raise RuntimeError(
                f"a unit of work must record exactly one event, got {len(self.events)}"
            )
        changes = capture.take(self.session)
        content = dataclasses.replace(self.events[0], changes=changes)
        check_kind(content.kind, changes)
        if self.head is None:
            noted = capture.current(self.session)
            assert noted is not None
            content, _digest = sealing.seal(
                self.session.connection(), content, noted, announce_commit=announce_commit
            )
            self.events = [content]
            self.revision = content.revision
            return
        self.events = [content]
        prev = self.head.head_hash
        digest = chain_hash(prev, content)
        appended = insert(Event).values(
            seq=content.seq,
            at=content.at,
            actor=content.actor,
            kind=content.kind,
            request_id=content.request_id,
            crew_id=content.crew_id,
            payload=canonical_json(content.payload),
            changes=content.changes,
            prev_hash=prev,
            hash=digest,
            revision=self.revision,
        )
        sealed = (
            update(ChainHead)
            .where(ChainHead.id == 1)
            .values(head_hash=digest, event_count=content.seq, revision=self.revision)
        )
        connection = self.session.connection()
        if connection.dialect.name == "postgresql":
            statement = select(announcement(self.revision) if announce_commit else literal(1))
            connection.execute(
                statement.add_cte(appended.cte("appended")).add_cte(sealed.cte("sealed"))
            )
        else:
            connection.execute(appended)
            connection.execute(sealed)
            if announce_commit:
                announce(connection, self.revision)
        self.head.head_hash = digest
        self.head.event_count = content.seq
        self.head.revision = self.revision


@contextmanager
def _unit_of_work(
    make_session: Callable[[], Session],
    engine: Engine,
    actor: str,
    clock: Clock,
    *,
    seal_last: bool = False,
) -> Iterator[WriteContext]:
    postgresql = engine.dialect.name == "postgresql"
    seal_last = seal_last and postgresql
    try:
        with make_session() as session, session.begin():
            capture.start(session, concurrent=seal_last)
            context: WriteContext
            if seal_last:
                sealing.begin_sharing_writers(session.connection())
                context = WriteContext(session, None, sealing.PROVISIONAL, clock(), actor)
            else:
                if postgresql:
                    sealing.exclude_writers(session.connection())
                head = session.execute(
                    select(ChainHead).where(ChainHead.id == 1).with_for_update()
                ).scalar_one()
                # The head is written by append_events' own statement, never by a flush.
                session.expunge(head)
                context = WriteContext(session, head, head.revision + 1, clock(), actor)
            yield context
            # The announcement is queued in the transaction: listeners hear of it at commit.
            context.append_events(announce_commit=supports_notify(engine))
            # SQLite commits "successfully" into a deleted file: refuse before that happens.
            guard_for(engine).check()
    except IntegrityError as exc:
        # A unique or check constraint caught a race the conditional updates missed.
        raise Conflict("record.conflict") from exc
    except OperationalError as exc:
        if sealing.lost_race(exc):
            # PostgreSQL broke a lock cycle (two reassignments swapping crews): one gives way.
            raise Conflict("record.conflict") from exc
        raise unreachable(engine, exc) from None


requires = declares
"""Declare the permission a service operation needs (checked before anything else).

One line on any operation, in this module or a later one built on
:class:`Services`: ``@requires(Permission.ASSIGN)``.
"""


MOVE_PERMISSION: dict[RequestStatus, Permission] = {
    RequestStatus.TRIAGE: Permission.TRIAGE,
    RequestStatus.QUEUED: Permission.TRIAGE,
    RequestStatus.RESOLVED_REMOTELY: Permission.TRIAGE,
    RequestStatus.EN_ROUTE: Permission.PROGRESS,
    RequestStatus.ON_SCENE: Permission.PROGRESS,
    RequestStatus.TOWING: Permission.PROGRESS,
    RequestStatus.COMPLETED: Permission.PROGRESS,
    RequestStatus.CANCELLED: Permission.CANCEL,
    RequestStatus.ASSIGNED: Permission.ASSIGN,
    RequestStatus.NEW: Permission.TAKE_CALL,
}
"""The permission a simple lifecycle move needs, by target status."""

INTAKE_OUTCOMES = frozenset(
    {RequestStatus.NEW, RequestStatus.TRIAGE, RequestStatus.QUEUED, RequestStatus.RESOLVED_REMOTELY}
)
"""Where a call may be left when it is taken."""


class Services:
    """All write operations on requests and crews, for one acting principal.

    Every operation checks the principal's permission before it reads or
    writes anything (:func:`requires`, and again in :meth:`unit_of_work`), so
    a role's limits hold whichever interface calls in.
    """

    def __init__(
        self,
        engine: Engine,
        *,
        principal: Principal,
        sla: SlaTargets | None = None,
        clock: Clock = utc_now,
        timezone: str = "Asia/Shanghai",
    ) -> None:
        if not isinstance(principal, Principal):
            # A bare name must never run with rights nobody granted.
            raise TypeError("Services needs a console.core.roles.Principal")
        self._engine = engine
        self._writer = writer_factory(engine)
        self._dispatch_writer = (
            sealing.dispatch_sessions(engine)
            if engine.dialect.name == "postgresql"
            else self._writer
        )
        self.principal = principal
        self.actor = principal.actor
        self.sla = sla or SlaTargets()
        self.clock = clock
        self._zone = ZoneInfo(timezone)

    @contextmanager
    def unit_of_work(self, permission: Permission) -> Iterator[WriteContext]:
        """One serialised write transaction, allowed by ``permission``, recording one event.

        It runs alone: no other write of the database runs beside it.
        """
        require(self.principal, permission)
        with _unit_of_work(self._writer, self._engine, self.actor, self.clock) as context:
            yield context

    @contextmanager
    def _dispatch_work(self, permission: Permission) -> Iterator[WriteContext]:
        """A unit of work that seals last on PostgreSQL: lock every row read-then-written."""
        require(self.principal, permission)
        with _unit_of_work(
            self._dispatch_writer, self._engine, self.actor, self.clock, seal_last=True
        ) as context:
            yield context

    # ----------------------------------------------------------- requests

    @requires(Permission.TAKE_CALL)
    def create_request(self, draft: RequestDraft) -> RequestRow:
        """Validate an intake and store it as a NEW request with a fresh reference."""
        return self.take_call(draft, outcome=RequestStatus.NEW)

    @requires(Permission.TAKE_CALL)
    def take_call(
        self, draft: RequestDraft, *, outcome: RequestStatus = RequestStatus.QUEUED
    ) -> RequestRow:
        """Store a call and move it to ``outcome`` in ONE transaction and one event.

        ``outcome`` is NEW, TRIAGE, QUEUED (a truck is needed) or RESOLVED_REMOTELY
        (fixed by phone). Either the whole intake is stored, or nothing is.
        """
        if outcome not in INTAKE_OUTCOMES:
            raise ValidationError("field.invalid_choice", field="status", value=str(outcome))
        clean = clean_request(draft)
        warnings = [w.code for w in location_warnings(clean.lat, clean.lon)]
        path = (
            [RequestStatus.NEW, *lifecycle.path_to(outcome)]
            if outcome is not RequestStatus.NEW
            else [RequestStatus.NEW]
        )
        with self._dispatch_work(Permission.TAKE_CALL) as uow:
            reference = self._next_reference(uow)
            values = asdict(clean)
            values["guidance_path"] = list(clean.guidance_path)
            request = Request(
                reference=reference,
                status=RequestStatus.NEW.value,
                created_at=uow.now,
                updated_at=uow.now,
                revision=uow.revision,
                version=1,
                **{k: (v.value if hasattr(v, "value") else v) for k, v in values.items()},
            )
            for current, target in itertools.pairwise(path):
                lifecycle.check_move(current, target)
                self._set_status(uow, request, target)
            # Stored as it ends (one INSERT): the ledger records the same final row either way.
            uow.session.add(request)
            uow.session.flush()
            extra: dict[str, Any] = {}
            if outcome is not RequestStatus.NEW:
                extra = {"from_status": RequestStatus.NEW.value, "to_status": outcome.value}
            uow.record(
                "request.created",
                request_id=request.id,
                reference=reference,
                warnings=warnings,
                **extra,
                **values,
            )
            row = self._written_row(uow, request)
        return dataclasses.replace(row, revision=uow.revision)

    @requires(Permission.TRIAGE)
    def start_triage(self, request_id: int, *, expected_version: int | None = None) -> RequestRow:
        """NEW -> TRIAGE: the dispatcher is working through the guidance script."""
        return self._simple_move(request_id, RequestStatus.TRIAGE, expected_version)

    @requires(Permission.TRIAGE)
    def queue(self, request_id: int, *, expected_version: int | None = None) -> RequestRow:
        """TRIAGE -> QUEUED: a truck is needed; SLA clocks start now."""
        return self._simple_move(request_id, RequestStatus.QUEUED, expected_version)

    @requires(Permission.TRIAGE)
    def resolve_remotely(
        self, request_id: int, note: str = "", *, expected_version: int | None = None
    ) -> RequestRow:
        """TRIAGE -> RESOLVED_REMOTELY: fixed over the phone, no crew sent."""
        text = require_text("notes", note, limit=2000, required=False)
        return self._simple_move(
            request_id, RequestStatus.RESOLVED_REMOTELY, expected_version, note=text
        )

    @requires(Permission.PROGRESS)
    def start_journey(self, request_id: int, *, expected_version: int | None = None) -> RequestRow:
        """ASSIGNED -> EN_ROUTE."""
        return self._simple_move(request_id, RequestStatus.EN_ROUTE, expected_version)

    @requires(Permission.PROGRESS)
    def arrive(self, request_id: int, *, expected_version: int | None = None) -> RequestRow:
        """EN_ROUTE -> ON_SCENE."""
        return self._simple_move(request_id, RequestStatus.ON_SCENE, expected_version)

    @requires(Permission.PROGRESS)
    def start_tow(self, request_id: int, *, expected_version: int | None = None) -> RequestRow:
        """ON_SCENE -> TOWING."""
        return self._simple_move(request_id, RequestStatus.TOWING, expected_version)

    @requires(Permission.PROGRESS)
    def complete(self, request_id: int, *, expected_version: int | None = None) -> RequestRow:
        """ON_SCENE / TOWING -> COMPLETED; the crew becomes available again."""
        return self._simple_move(request_id, RequestStatus.COMPLETED, expected_version)

    @requires(Permission.CANCEL)
    def cancel(
        self, request_id: int, reason: str, *, expected_version: int | None = None
    ) -> RequestRow:
        """Any open status -> CANCELLED with a reason; a crew on the job is released."""
        text = _required_reason("cancel_reason", reason)
        return self._simple_move(request_id, RequestStatus.CANCELLED, expected_version, reason=text)

    @requires(Permission.ASSIGN)
    def assign(
        self,
        request_id: int,
        crew_id: int,
        *,
        expected_crew_version: int | None = None,
        expected_version: int | None = None,
        eta_minutes: int | None = None,
    ) -> RequestRow:
        """QUEUED -> ASSIGNED to ``crew_id``, if that crew is still available.

        The crew is taken with a conditional update (still AVAILABLE, no job,
        and at ``expected_crew_version`` when given): of two dispatchers racing
        for one crew exactly one wins; the other gets :class:`Conflict`.
        """
        with self._dispatch_work(Permission.ASSIGN) as uow:
            request = self._load_request(uow, request_id, expected_version)
            current = RequestStatus(request.status)
            lifecycle.check_move(current, RequestStatus.ASSIGNED)
            lifecycle.check_fits(ServiceType(request.service_type), RequestStatus.ASSIGNED)
            crew = self._hand_over(uow, request, crew_id, expected_crew_version, eta_minutes)
            uow.record(
                "request.assigned",
                request_id=request.id,
                crew_id=crew.id,
                reference=request.reference,
                crew=crew.call_sign,
                eta_minutes=eta_minutes,
            )
            row = self._written_row(uow, request)
        return dataclasses.replace(row, revision=uow.revision)

    @requires(Permission.RELEASE_CREW)
    def release_crew(
        self, request_id: int, reason: str, *, expected_version: int | None = None
    ) -> RequestRow:
        """ASSIGNED / EN_ROUTE -> QUEUED: the crew is released and the request waits again."""
        text = _required_reason("reason", reason)
        with self._dispatch_work(Permission.RELEASE_CREW) as uow:
            request = self._load_request(uow, request_id, expected_version)
            lifecycle.check_move(RequestStatus(request.status), RequestStatus.QUEUED)
            crew = self._release(uow, request)
            self._set_status(uow, request, RequestStatus.QUEUED)
            uow.record(
                "request.crew_released",
                request_id=request.id,
                crew_id=crew.id if crew else None,
                reference=request.reference,
                crew=crew.call_sign if crew else None,
                reason=text,
            )
            row = self._written_row(uow, request)
        return dataclasses.replace(row, revision=uow.revision)

    @requires(Permission.REASSIGN)
    def reassign(
        self,
        request_id: int,
        crew_id: int,
        reason: str,
        *,
        expected_crew_version: int | None = None,
        expected_version: int | None = None,
        eta_minutes: int | None = None,
    ) -> RequestRow:
        """Swap the crew of an ASSIGNED / EN_ROUTE request in one step (release + assign)."""
        text = _required_reason("reason", reason)
        with self._dispatch_work(Permission.REASSIGN) as uow:
            request = self._load_request(uow, request_id, expected_version)
            lifecycle.check_move(RequestStatus(request.status), RequestStatus.QUEUED)
            old = self._release(uow, request)
            new = self._hand_over(uow, request, crew_id, expected_crew_version, eta_minutes)
            uow.record(
                "request.reassigned",
                request_id=request.id,
                crew_id=new.id,
                reference=request.reference,
                from_crew=old.call_sign if old else None,
                crew=new.call_sign,
                reason=text,
                eta_minutes=eta_minutes,
            )
            row = self._written_row(uow, request)
        return dataclasses.replace(row, revision=uow.revision)

    def move(
        self,
        request_id: int,
        target: RequestStatus,
        *,
        crew_id: int | None = None,
        reason: str = "",
    ) -> RequestRow:
        """Move a request to ``target`` through the operation that owns that move.

        One entry point for callers that hold a target status (menus, the
        simulator); illegal moves raise :class:`IllegalTransition`.
        """
        target = parse_choice("status", RequestStatus, target)
        if target is RequestStatus.ASSIGNED:
            if crew_id is None:
                raise ValidationError("lifecycle.needs_crew", field="crew")
            return self.assign(request_id, crew_id)
        if target is RequestStatus.CANCELLED:
            return self.cancel(request_id, reason)
        if target is RequestStatus.QUEUED:
            current = self._status_of(request_id)
            if current in lifecycle.CREW_HOLDING:
                return self.release_crew(request_id, reason or "reassignment")
            return self.queue(request_id)
        if target is RequestStatus.NEW:
            raise IllegalTransition(
                "lifecycle.illegal",
                from_status=self._status_of(request_id).value,
                to_status=target.value,
            )
        return self._simple_move(request_id, target, None)

    # -------------------------------------------------------------- crews

    @requires(Permission.CREW_DUTY)
    def set_crew_status(
        self, crew_id: int, status: CrewStatus, *, expected_version: int | None = None
    ) -> None:
        """Put a crew without a job on or off duty, or out of service.

        Duty changes need ``CREW_DUTY``; taking a crew out of service or putting
        it back also needs ``CREW_SERVICE`` (a supervisor's decision).
        """
        status = parse_choice("status", CrewStatus, status)
        if status not in IDLE_CREW_STATUSES:
            raise ValidationError("crew.status_not_settable", field="status", status=status.value)
        if status is CrewStatus.OUT_OF_SERVICE:
            require(self.principal, Permission.CREW_SERVICE)
        expected_version = _version("expected_version", expected_version)
        with self._dispatch_work(Permission.CREW_DUTY) as uow:
            crew = self._load_crew(uow, crew_id)
            if crew.status == CrewStatus.OUT_OF_SERVICE.value:
                require(self.principal, Permission.CREW_SERVICE)
            if crew.current_request_id is not None:
                raise Conflict("crew.busy", crew=crew.call_sign, status=status.value)
            if expected_version is not None and crew.version != expected_version:
                raise Conflict("crew.changed", crew=crew.call_sign)
            previous = crew.status
            crew.status = status.value
            crew.status_since = uow.now
            crew.version += 1
            crew.revision = uow.revision
            uow.record(
                "crew.status_changed",
                crew_id=crew.id,
                crew=crew.call_sign,
                from_status=previous,
                to_status=status.value,
            )

    @requires(Permission.CREW_POSITION)
    def update_crew_position(
        self, crew_id: int, lat: object, lon: object, *, at: datetime | None = None
    ) -> None:
        """Record a crew's position by hand (WGS-84): a business write, ledgered row by row.

        It sets ``position_revision`` to 0: the position is no longer a device's
        newest fix, so ``verify`` checks it against the replay (not the trail), and
        the next device fix is judged against its time but not against the speed
        limit (a typed position is only approximate).
        """
        latitude, longitude = validate_coordinates(lat, lon)
        fixed_at = None if at is None else aware_time("gps_at", at)
        with self._dispatch_work(Permission.CREW_POSITION) as uow:
            crew = self._load_crew(uow, crew_id)
            crew.lat = latitude
            crew.lon = longitude
            crew.gps_at = fixed_at or uow.now
            crew.position_revision = 0
            crew.revision = uow.revision
            # Position fixes do not bump `version`: they must not invalidate a
            # dispatcher's pending assignment of the same crew.
            uow.record(
                "crew.position",
                crew_id=crew.id,
                crew=crew.call_sign,
                lat=latitude,
                lon=longitude,
                gps_at=crew.gps_at,
            )

    # ------------------------------------------------------------ helpers

    def _row(self, request_id: int) -> RequestRow:
        with Session(self._engine) as session:
            request = session.get(Request, _record_id(request_id, "not_found.request"))
            if request is None:
                raise NotFound("not_found.request", key=request_id)
            crew = session.get(Crew, request.assigned_crew_id) if request.assigned_crew_id else None
            return redact_request(
                self.principal, request_row(request, crew.call_sign if crew else None)
            )

    def _written_row(self, uow: WriteContext, request: Request) -> RequestRow:
        """The row as this unit of work leaves it, read before the seal (no read after commit).

        Its revision is the provisional one on PostgreSQL's dispatch path: the caller
        puts in the sealed ``uow.revision`` once the unit of work is done.
        """
        uow.session.flush()
        crew = uow.session.get(Crew, request.assigned_crew_id) if request.assigned_crew_id else None
        return redact_request(
            self.principal, request_row(request, crew.call_sign if crew else None)
        )

    def _status_of(self, request_id: int) -> RequestStatus:
        return self._row(request_id).status

    def _next_reference(self, uow: WriteContext) -> str:
        day = uow.now.astimezone(self._zone).strftime("%Y%m%d")
        return reference_text(day, take_number(uow.session, day))

    def _load_request(
        self, uow: WriteContext, request_id: int, expected_version: int | None
    ) -> Request:
        expected_version = _version("expected_version", expected_version)
        request = uow.session.get(
            Request, _record_id(request_id, "not_found.request"), with_for_update=ROW_LOCK
        )
        if request is None:
            raise NotFound("not_found.request", key=request_id)
        self._check_own_job(uow, request)
        if expected_version is not None and request.version != expected_version:
            raise Conflict("request.changed", reference=request.reference)
        return request

    def _check_own_job(self, uow: WriteContext, request: Request) -> None:
        """A crew's principal acts only on the job its crew is on now (checked in the transaction)."""
        crew_id = self.principal.crew_id
        if crew_id is None:
            return
        crew = uow.session.get(Crew, crew_id)
        if crew is None or crew.current_request_id != request.id:
            raise PermissionDenied(
                "crew.not_own_job",
                crew=self.principal.display_name,
                reference=request.reference,
            )

    @staticmethod
    def _load_crew(uow: WriteContext, crew_id: int) -> Crew:
        crew = uow.session.get(
            Crew, _record_id(crew_id, "not_found.crew"), with_for_update=ROW_LOCK
        )
        if crew is None:
            raise NotFound("not_found.crew", key=crew_id)
        return crew

    def _set_status(self, uow: WriteContext, request: Request, target: RequestStatus) -> None:
        request.status = target.value
        request.updated_at = uow.now
        request.version += 1
        request.revision = uow.revision
        if target is RequestStatus.QUEUED:
            request.queued_at = uow.now
            request.assign_due_at = self.sla.assign_due(uow.now)
            request.arrive_due_at = self.sla.arrive_due(
                uow.now, Priority(request.priority), RoadType(request.road_type)
            )
            request.assigned_crew_id = None
            request.assigned_at = None
            request.arrived_at = None
            request.eta_minutes = None
        if target is RequestStatus.ON_SCENE:
            request.arrived_at = uow.now
        if target in lifecycle.TERMINAL:
            request.closed_at = uow.now

    def _simple_move(
        self,
        request_id: int,
        target: RequestStatus,
        expected_version: int | None,
        **extra: Any,
    ) -> RequestRow:
        with self._dispatch_work(MOVE_PERMISSION[target]) as uow:
            request = self._load_request(uow, request_id, expected_version)
            current = RequestStatus(request.status)
            lifecycle.check_move(current, target)
            lifecycle.check_fits(ServiceType(request.service_type), target)
            if target is RequestStatus.ASSIGNED:
                raise IllegalTransition(
                    "lifecycle.use_operation", operation="assign", to_status=target.value
                )
            if target is RequestStatus.QUEUED and current in lifecycle.CREW_HOLDING:
                # Taking a crew off a job needs release_crew and its reason in the ledger.
                raise IllegalTransition(
                    "lifecycle.use_operation", operation="release", to_status=target.value
                )
            crew: Crew | None = None
            if target in CREW_BUSY_FOR:
                crew = self._crew_on_job(uow, request)
                crew.status = CREW_BUSY_FOR[target].value
                crew.status_since = uow.now
                crew.version += 1
                crew.revision = uow.revision
            elif current in lifecycle.CREW_HOLDING:
                crew = self._release(uow, request)
            if target is RequestStatus.CANCELLED:
                request.cancel_reason = extra["reason"]
            if target is RequestStatus.RESOLVED_REMOTELY and extra.get("note"):
                request.notes = (request.notes + "\n" + extra["note"]).strip()
            self._set_status(uow, request, target)
            uow.record(
                f"request.{target.value.lower()}",
                request_id=request.id,
                crew_id=crew.id if crew else None,
                reference=request.reference,
                from_status=current.value,
                to_status=target.value,
                **extra,
            )
            row = self._written_row(uow, request)
        return dataclasses.replace(row, revision=uow.revision)

    def _hand_over(
        self,
        uow: WriteContext,
        request: Request,
        crew_id: int,
        expected_crew_version: int | None,
        eta_minutes: int | None,
    ) -> Crew:
        """Take the crew (conditionally) and mark the request ASSIGNED to it."""
        if eta_minutes is not None:
            whole_number("eta_minutes", eta_minutes, 0, MAX_ETA_MINUTES)
        crew = self._take_crew(uow, request, crew_id, expected_crew_version)
        self._set_status(uow, request, RequestStatus.ASSIGNED)
        request.assigned_crew_id = crew.id
        request.assigned_at = uow.now
        request.eta_minutes = eta_minutes
        return crew

    @staticmethod
    def _crew_on_job(uow: WriteContext, request: Request) -> Crew:
        crew = uow.session.scalar(
            select(Crew)
            .where(Crew.current_request_id == request.id)
            .with_for_update(key_share=True)
        )
        if crew is None:
            raise Conflict("request.no_crew", reference=request.reference)
        return crew

    @staticmethod
    def _take_crew(
        uow: WriteContext, request: Request, crew_id: int, expected_version: int | None
    ) -> Crew:
        crew_id = _record_id(crew_id, "not_found.crew")
        expected_version = _version("expected_crew_version", expected_version)
        # Locked, then checked: of two dispatchers racing for one crew, the second
        # reads it only after the first committed, and finds it taken.
        crew = Services._load_crew(uow, crew_id)
        if crew.status != CrewStatus.AVAILABLE.value or crew.current_request_id is not None:
            raise Conflict("crew.not_available", crew=crew.call_sign, status=crew.status)
        if expected_version is not None and crew.version != expected_version:
            raise Conflict("crew.changed", crew=crew.call_sign)
        crew.status = CrewStatus.ASSIGNED.value
        crew.status_since = uow.now
        crew.current_request_id = request.id
        crew.version += 1
        crew.revision = uow.revision
        return crew

    @staticmethod
    def _release(uow: WriteContext, request: Request) -> Crew | None:
        crew = uow.session.scalar(
            select(Crew)
            .where(Crew.current_request_id == request.id)
            .with_for_update(key_share=True)
        )
        if crew is None:
            return None
        crew.current_request_id = None
        crew.status = CrewStatus.AVAILABLE.value
        crew.status_since = uow.now
        crew.version += 1
        crew.revision = uow.revision
        return crew


def _record_id(value: object, code: str) -> int:
    """``value`` as a row id, or :class:`NotFound` (``code``) for anything that cannot be one."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_ID:
        raise NotFound(code, key=brief(value))
    return value


def _version(field: str, value: int | None) -> int | None:
    """An expected row version: ``None`` (do not check) or a whole number."""
    return None if value is None else whole_number(field, value, 1, MAX_ID)


def _required_reason(field: str, reason: str) -> str:
    """A non-empty, bounded reason text, or ``reason.required``."""
    text = require_text(field, reason, limit=300, required=False)
    if not text:
        raise ValidationError("reason.required", field=field)
    return text
