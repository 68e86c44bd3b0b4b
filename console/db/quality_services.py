"""Writes for service quality: satisfaction follow-ups and complaints.

Each operation is one unit of work on the shared writer lock (see
:mod:`console.db.services`): validate, write, exactly one ledger event, one
revision bump. Each checks its permission in the unit of work: recording a
follow-up and opening a complaint need ``FOLLOW_UP`` (dispatchers and
supervisors), answering and closing one ``HANDLE_COMPLAINTS`` (supervisors).
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from console.core.errors import Conflict, NotFound, ValidationError
from console.core.quality import ComplaintCategory, ComplaintStatus
from console.core.roles import Permission
from console.core.validation import parse_choice, require_text, whole_number
from console.core.vocab import RequestStatus
from console.db.models import Complaint, Request, Satisfaction
from console.db.services import MAX_ID, Services, WriteContext

COMMENT_LIMIT = 2000


class QualityServices:
    """Follow-up and complaint writes for one acting user (reuses ``Services``' unit of work)."""

    def __init__(self, services: Services) -> None:
        self._services = services

    def record_satisfaction(self, request_id: int, score: int, comment: str = "") -> int:
        """Store the caller's 1-5 score for a COMPLETED request (once); returns its id."""
        score = whole_number("score", score, 1, 5)
        text = require_text("comment", comment, limit=COMMENT_LIMIT, required=False)
        with self._services.unit_of_work(Permission.FOLLOW_UP) as uow:
            request = _request(uow, request_id)
            if request.status != RequestStatus.COMPLETED.value:
                raise ValidationError("quality.not_completed", reference=request.reference)
            taken = uow.session.scalar(
                select(Satisfaction.id).where(Satisfaction.request_id == request.id)
            )
            if taken is not None:
                raise Conflict("satisfaction.exists", reference=request.reference)
            row = Satisfaction(
                request_id=request.id,
                score=score,
                comment=text,
                recorded_at=uow.now,
                recorded_by=uow.actor,
                revision=uow.revision,
            )
            uow.session.add(row)
            uow.session.flush()
            uow.record(
                "satisfaction.recorded",
                request_id=request.id,
                reference=request.reference,
                score=score,
                comment=text,
            )
            return row.id

    def open_complaint(
        self, request_id: int, category: ComplaintCategory | str, summary: str, owner: str
    ) -> int:
        """Open a complaint about a closed request; its response is due in 24 h (config)."""
        kind = parse_choice("category", ComplaintCategory, category)
        text = require_text("summary", summary, limit=COMMENT_LIMIT)
        who = require_text("owner", owner, limit=64)
        hours = self._services.sla.complaint_response_hours
        with self._services.unit_of_work(Permission.FOLLOW_UP) as uow:
            request = _request(uow, request_id)
            if request.status not in {
                RequestStatus.COMPLETED.value,
                RequestStatus.CANCELLED.value,
                RequestStatus.RESOLVED_REMOTELY.value,
            }:
                raise ValidationError("quality.not_completed", reference=request.reference)
            row = Complaint(
                request_id=request.id,
                category=kind.value,
                owner=who,
                summary=text,
                status=ComplaintStatus.OPEN.value,
                opened_at=uow.now,
                due_at=uow.now + timedelta(hours=hours),
                response="",
                resolution="",
                version=1,
                revision=uow.revision,
            )
            uow.session.add(row)
            uow.session.flush()
            uow.record(
                "complaint.opened",
                request_id=request.id,
                reference=request.reference,
                complaint_id=row.id,
                category=kind.value,
                owner=who,
                summary=text,
                due_at=row.due_at,
            )
            return row.id

    def respond_complaint(
        self, complaint_id: int, response: str, *, expected_version: int | None = None
    ) -> None:
        """OPEN -> ANSWERED: the caller has been answered (stops the 24 h clock)."""
        text = require_text("response", response, limit=COMMENT_LIMIT)
        with self._services.unit_of_work(Permission.HANDLE_COMPLAINTS) as uow:
            row = _complaint(uow, complaint_id, expected_version)
            if row.status == ComplaintStatus.CLOSED.value:
                raise Conflict("complaint.closed", key=row.id)
            if row.status == ComplaintStatus.ANSWERED.value:
                raise Conflict("complaint.answered", key=row.id)
            row.status = ComplaintStatus.ANSWERED.value
            row.responded_at = uow.now
            row.response = text
            _touch(uow, row)
            uow.record(
                "complaint.answered",
                request_id=row.request_id,
                complaint_id=row.id,
                response=text,
                on_time=uow.now <= row.due_at,
            )

    def close_complaint(
        self, complaint_id: int, resolution: str, *, expected_version: int | None = None
    ) -> None:
        """OPEN/ANSWERED -> CLOSED with a resolution; closing an unanswered one answers it."""
        text = require_text("resolution", resolution, limit=COMMENT_LIMIT)
        with self._services.unit_of_work(Permission.HANDLE_COMPLAINTS) as uow:
            row = _complaint(uow, complaint_id, expected_version)
            if row.status == ComplaintStatus.CLOSED.value:
                raise Conflict("complaint.closed", key=row.id)
            if row.responded_at is None:
                row.responded_at = uow.now
                row.response = text
            row.status = ComplaintStatus.CLOSED.value
            row.closed_at = uow.now
            row.resolution = text
            _touch(uow, row)
            uow.record(
                "complaint.closed",
                request_id=row.request_id,
                complaint_id=row.id,
                resolution=text,
            )


def _request(uow: WriteContext, request_id: int) -> Request:
    if (
        isinstance(request_id, bool)
        or not isinstance(request_id, int)
        or not 1 <= request_id <= MAX_ID
    ):
        raise NotFound("not_found.request", key=str(request_id)[:40])
    request = uow.session.get(Request, request_id)
    if request is None:
        raise NotFound("not_found.request", key=request_id)
    return request


def _complaint(uow: WriteContext, complaint_id: int, expected_version: int | None) -> Complaint:
    if (
        isinstance(complaint_id, bool)
        or not isinstance(complaint_id, int)
        or not 1 <= complaint_id <= MAX_ID
    ):
        raise NotFound("not_found.complaint", key=str(complaint_id)[:40])
    row = uow.session.get(Complaint, complaint_id)
    if row is None:
        raise NotFound("not_found.complaint", key=complaint_id)
    if expected_version is not None and row.version != expected_version:
        raise Conflict("complaint.changed", key=row.id)
    return row


def _touch(uow: WriteContext, row: Complaint) -> None:
    row.version += 1
    row.revision = uow.revision
