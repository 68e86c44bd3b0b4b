"""The guidance write: a guided call's path and outcome land in one transaction.

The path the dispatcher recorded is replayed against the script set first, so
only a path that follows the scripts and ends in an outcome is stored; what
the outcome sends (service type, equipment, priority) is read from the
response table here, never taken from the caller of this service.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from console.core import lifecycle
from console.core.errors import IllegalTransition, ValidationError
from console.core.guidance import GuidanceLibrary, GuidanceResult, load_library, more_urgent, replay
from console.core.intake import MAX_GUIDANCE_STEPS
from console.core.records import RequestRow
from console.core.roles import Permission, Principal
from console.core.sla import SlaTargets
from console.core.vocab import Powertrain, Priority, RequestStatus, RoadType
from console.db.models import Request
from console.db.services import Clock, Services, WriteContext, requires, utc_now

PRIORITY_REASON = "Guidance outcome {code}"
"""The English priority reason stored for a guided outcome."""


class GuidanceServices(Services):
    """Finishing a guided call, on top of the ordinary request operations."""

    def __init__(
        self,
        engine: Engine,
        *,
        principal: Principal,
        library: GuidanceLibrary | None = None,
        sla: SlaTargets | None = None,
        clock: Clock = utc_now,
        timezone: str = "Asia/Shanghai",
    ) -> None:
        super().__init__(engine, principal=principal, sla=sla, clock=clock, timezone=timezone)
        self._library = library

    @property
    def library(self) -> GuidanceLibrary:
        """The script set paths are checked against (the shipped one by default)."""
        if self._library is None:
            library, issues = load_library()
            if library is None:
                raise ValidationError(
                    "field.invalid_choice", field="guidance_path", value=str(issues[0])
                )
            self._library = library
        return self._library

    @requires(Permission.TRIAGE)
    def finish_guidance(
        self,
        request_id: int,
        path: Sequence[str],
        *,
        expected_version: int | None = None,
    ) -> RequestRow:
        """Store a guided call's path and outcome and move the request on, atomically.

        NEW or TRIAGE -> RESOLVED_REMOTELY or QUEUED; a QUEUED request is closed
        as resolved remotely or stays queued with the outcome's service,
        equipment and priority. Exactly one ledger event carries the path.
        """
        steps = _steps(path)
        with self.unit_of_work(Permission.TRIAGE) as uow:
            request = self._load_request(uow, request_id, expected_version)
            current = RequestStatus(request.status)
            facts: dict[str, str | bool] = {
                "powertrain": request.powertrain,
                "vehicle_class": request.vehicle_class,
                "awd": request.awd,
                "road_type": request.road_type,
            }
            try:
                result = replay(self.library, facts, steps)
            except ValueError as exc:
                raise ValidationError(
                    "field.invalid_choice", field="guidance_path", value=str(exc)
                ) from None
            target = (
                RequestStatus.RESOLVED_REMOTELY
                if result.response.resolved
                else RequestStatus.QUEUED
            )
            moves = _moves(current, target)
            self._apply(uow, request, result, steps)
            for status in moves:
                self._set_status(uow, request, status)
            if not moves:  # stays queued: the new priority may change the arrival target
                request.updated_at = uow.now
                request.version += 1
                request.revision = uow.revision
                self._retarget(request)
            kind = f"request.{target.value.lower()}" if moves else "request.guided"
            uow.record(
                kind,
                request_id=request.id,
                reference=request.reference,
                from_status=current.value,
                to_status=target.value,
                guidance={
                    "protocol": result.protocol,
                    "version": result.version,
                    "code": result.code,
                    "escalated": result.escalated,
                    "path": list(steps),
                },
                service_type=request.service_type,
                priority=request.priority,
                equipment=list(request.required_kinds or ()),
            )
        return self._row(request_id)

    def _apply(
        self, uow: WriteContext, request: Request, result: GuidanceResult, steps: tuple[str, ...]
    ) -> None:
        response = result.response
        priority = result.priority
        if request.priority == Priority.P1.value:
            # Safety found at intake is never talked down by a script.
            priority = more_urgent(priority, Priority.P1)
        request.service_type = response.service.value
        request.required_kinds = sorted(k.value for k in response.equipment)
        if priority.value != request.priority or not request.priority_reason:
            request.priority_reason = PRIORITY_REASON.format(code=result.code)
        request.priority = priority.value
        request.guidance_path = list(steps)
        request.guidance_protocol = result.protocol
        request.guidance_code = result.code
        learned = result.facts
        if request.powertrain == Powertrain.UNKNOWN.value and learned.get("powertrain"):
            request.powertrain = str(learned["powertrain"])
        road = learned.get("road_type")
        if isinstance(road, str) and road != request.road_type:
            request.road_type = RoadType(road).value
        request.updated_at = uow.now

    def _retarget(self, request: Request) -> None:
        queued_at: datetime | None = request.queued_at
        if queued_at is not None:
            request.arrive_due_at = self.sla.arrive_due(
                queued_at, Priority(request.priority), RoadType(request.road_type)
            )


def _steps(path: Sequence[str]) -> tuple[str, ...]:
    if isinstance(path, str) or not isinstance(path, Sequence):
        raise ValidationError("field.not_text", field="guidance_path")
    if not path or len(path) > MAX_GUIDANCE_STEPS:
        raise ValidationError("field.range", field="guidance_path", low=1, high=MAX_GUIDANCE_STEPS)
    steps = tuple(path)
    for step in steps:
        if not isinstance(step, str) or len(step) > 64:
            raise ValidationError("field.not_text", field="guidance_path")
    return steps


GUIDABLE = frozenset({RequestStatus.NEW, RequestStatus.TRIAGE, RequestStatus.QUEUED})
"""Statuses a guided call may be finished from: no crew holds the request yet."""


def _moves(current: RequestStatus, target: RequestStatus) -> list[RequestStatus]:
    """The statuses a guided request passes through on its way to ``target``."""
    if current not in GUIDABLE:
        raise IllegalTransition(
            "lifecycle.illegal", from_status=current.value, to_status=target.value
        )
    if current is RequestStatus.NEW:
        chain = [RequestStatus.TRIAGE, target]
    elif current is RequestStatus.QUEUED and target is RequestStatus.QUEUED:
        return []
    else:
        chain = [target]
    previous = current
    for status in chain:
        if not lifecycle.can_move(previous, status):
            raise IllegalTransition(
                "lifecycle.illegal", from_status=current.value, to_status=target.value
            )
        previous = status
    return chain


def guidance_records(engine: Engine, since: datetime | None = None) -> list[tuple[str, bool]]:
    """(protocol, resolved by phone) for every guided request (created since ``since``)."""
    query = select(Request.guidance_protocol, Request.status).where(
        Request.guidance_protocol.is_not(None)
    )
    if since is not None:
        query = query.where(Request.created_at >= since)
    with Session(engine) as session:
        return [
            (str(protocol), status == RequestStatus.RESOLVED_REMOTELY.value)
            for protocol, status in session.execute(query)
        ]
