"""The read side of service quality: jobs with their KPI moments, follow-ups, complaints."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Engine, func, or_, select
from sqlalchemy.orm import Session, aliased

from console.core.quality import (
    ComplaintCategory,
    ComplaintRecord,
    ComplaintStatus,
    JobRecord,
    PartnerRow,
    SatisfactionRecord,
)
from console.core.roles import Permission, Principal
from console.core.vocab import (
    OPEN_STATUSES,
    CrewStatus,
    Priority,
    RequestStatus,
    RoadType,
    ServiceType,
)
from console.db.models import Complaint, Crew, Depot, Partner, Request, Satisfaction
from console.db.permits import reads


class QualityReader:
    """Read-only quality queries over one engine (``console.core.ports.QualitySource``).

    Every query needs :attr:`Permission.VIEW_QUALITY` (supervisors): complaint
    summaries, scores and the jobs list are refused to other desks here, not
    only hidden by the window.
    """

    def __init__(self, engine: Engine, principal: Principal) -> None:
        if not isinstance(principal, Principal):
            raise TypeError("QualityReader needs a console.core.roles.Principal")
        self._quality_engine = engine
        self.principal = principal

    @reads(Permission.VIEW_QUALITY)
    def jobs(self, since: datetime, until: datetime | None = None) -> list[JobRecord]:
        """Requests opened in [since, until) plus every request still open, oldest first."""
        crew, depot, partner = aliased(Crew), aliased(Depot), aliased(Partner)
        opened = Request.created_at >= since
        if until is not None:
            opened = opened & (Request.created_at < until)
        columns = [getattr(Request, name) for name in _JOB_COLUMNS]
        with Session(self._quality_engine) as session:
            result = session.execute(
                select(*columns, depot.code, partner.code)
                .outerjoin(crew, Request.assigned_crew_id == crew.id)
                .outerjoin(depot, crew.depot_id == depot.id)
                .outerjoin(partner, depot.partner_id == partner.id)
                .where(or_(opened, Request.status.in_([s.value for s in OPEN_STATUSES])))
                .order_by(Request.created_at, Request.id)
            )
            return [_job(row) for row in result]

    @reads(Permission.VIEW_QUALITY)
    def satisfaction(
        self, since: datetime, until: datetime | None = None
    ) -> list[SatisfactionRecord]:
        """Follow-up scores recorded in [since, until)."""
        condition = Satisfaction.recorded_at >= since
        if until is not None:
            condition = condition & (Satisfaction.recorded_at < until)
        with Session(self._quality_engine) as session:
            rows = session.scalars(select(Satisfaction).where(condition).order_by(Satisfaction.id))
            return [
                SatisfactionRecord(s.request_id, s.score, s.comment, s.recorded_at, s.recorded_by)
                for s in rows
            ]

    @reads(Permission.VIEW_QUALITY)
    def complaints(self, since: datetime, until: datetime | None = None) -> list[ComplaintRecord]:
        """Complaints opened in [since, until) plus every one not yet closed, newest first."""
        opened = Complaint.opened_at >= since
        if until is not None:
            opened = opened & (Complaint.opened_at < until)
        with Session(self._quality_engine) as session:
            result = session.execute(
                select(Complaint, Request.reference)
                .join(Request, Complaint.request_id == Request.id)
                .where(or_(opened, Complaint.status != ComplaintStatus.CLOSED.value))
                .order_by(Complaint.opened_at.desc(), Complaint.id.desc())
            )
            return [_complaint(c, reference) for c, reference in result]

    @reads(Permission.VIEW_QUALITY)
    def satisfaction_for(self, request_id: int) -> SatisfactionRecord | None:
        """The follow-up of one request, if recorded."""
        with Session(self._quality_engine) as session:
            s = session.scalar(select(Satisfaction).where(Satisfaction.request_id == request_id))
            if s is None:
                return None
            return SatisfactionRecord(
                s.request_id, s.score, s.comment, s.recorded_at, s.recorded_by
            )

    @reads(Permission.VIEW_QUALITY)
    def crew_status_counts(self) -> dict[CrewStatus, int]:
        """How many crews are in each status (one grouped count)."""
        with Session(self._quality_engine) as session:
            result = session.execute(select(Crew.status, func.count()).group_by(Crew.status))
            return {CrewStatus(status): int(count) for status, count in result}

    @reads(Permission.VIEW_QUALITY)
    def partners(self) -> list[PartnerRow]:
        """Every partner, by code."""
        with Session(self._quality_engine) as session:
            return [
                PartnerRow(p.id, p.code, p.name_zh, p.name_en)
                for p in session.scalars(select(Partner).order_by(Partner.code))
            ]


_JOB_COLUMNS = (
    "id", "reference", "status", "priority", "service_type", "road_type", "city",
    "created_at", "queued_at", "assign_due_at", "arrive_due_at", "assigned_at",
    "arrived_at", "closed_at", "assigned_crew_id",
)  # fmt: skip
"""The request columns the KPIs read (loading whole rows costs 3x as much)."""


def _job(row: Any) -> JobRecord:
    (id_, reference, status, priority, service, road, city, created, queued, assign_due,
     arrive_due, assigned, arrived, closed, crew_id, depot_code, partner_code) = row  # fmt: skip
    return JobRecord(
        id=id_,
        reference=reference,
        status=RequestStatus(status),
        priority=Priority(priority),
        service_type=ServiceType(service),
        road_type=RoadType(road),
        region=city,
        created_at=created,
        queued_at=queued,
        assign_due_at=assign_due,
        arrive_due_at=arrive_due,
        assigned_at=assigned,
        arrived_at=arrived,
        closed_at=closed,
        crew_id=crew_id,
        depot_code=depot_code,
        partner_code=partner_code,
    )


def _complaint(row: Complaint, reference: str) -> ComplaintRecord:
    return ComplaintRecord(
        id=row.id,
        request_id=row.request_id,
        reference=reference,
        category=ComplaintCategory(row.category),
        owner=row.owner,
        summary=row.summary,
        status=ComplaintStatus(row.status),
        opened_at=row.opened_at,
        due_at=row.due_at,
        responded_at=row.responded_at,
        response=row.response,
        closed_at=row.closed_at,
        resolution=row.resolution,
        version=row.version,
    )
