"""Builds the dispatch engine's inputs from the database (one read transaction)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta

from sqlalchemy import Engine, Integer, and_, func, select
from sqlalchemy.orm import Session

from console.core.dispatch import CrewInfo, DispatchWeights
from console.core.vocab import CrewStatus, RequestStatus, ServiceType, Skill, VehicleKind
from console.db.models import Crew, Depot, Request
from console.db.queries import active_devices

RECENT_JOBS_WINDOW = timedelta(hours=12)
QUALITY_WINDOW = timedelta(days=30)
QUALITY_PRIOR = 0.9
QUALITY_PRIOR_WEIGHT = 20.0
"""A partner with no history counts as 90 % reliable; 20 jobs weigh as much as that guess."""


def partner_quality(session: Session, now: datetime) -> dict[int, float]:
    """Share of assigned jobs each partner completed (not cancelled) in the last 30 days.

    Smoothed towards :data:`QUALITY_PRIOR` so a partner with few jobs is neither
    punished nor favoured by chance.
    """
    done = func.sum(func.cast(Request.status == RequestStatus.COMPLETED.value, Integer()))
    rows = session.execute(
        select(Depot.partner_id, func.count(), done)
        .select_from(Request)
        .join(Crew, Request.assigned_crew_id == Crew.id)
        .join(Depot, Crew.depot_id == Depot.id)
        .where(
            Request.status.in_([RequestStatus.COMPLETED.value, RequestStatus.CANCELLED.value]),
            Request.closed_at >= now - QUALITY_WINDOW,
        )
        .group_by(Depot.partner_id)
    )
    return {
        partner: (float(completed or 0) + QUALITY_PRIOR * QUALITY_PRIOR_WEIGHT)
        / (total + QUALITY_PRIOR_WEIGHT)
        for partner, total, completed in rows
    }


def recent_jobs(session: Session, now: datetime) -> dict[int, int]:
    """Jobs each crew was assigned in the last 12 hours (workload balance)."""
    rows = session.execute(
        select(Request.assigned_crew_id, func.count())
        .where(
            Request.assigned_crew_id.is_not(None), Request.assigned_at >= now - RECENT_JOBS_WINDOW
        )
        .group_by(Request.assigned_crew_id)
    )
    return {int(crew): int(count) for crew, count in rows if crew is not None}


def load_crew_infos(
    engine: Engine, now: datetime, weights: DispatchWeights | None = None
) -> list[CrewInfo]:
    """Every crew that could be offered now, with workload, quality and finishing times."""
    rules = weights or DispatchWeights()
    with Session(engine) as session:
        quality = partner_quality(session, now)
        workload = recent_jobs(session, now)
        devices = active_devices()
        rows = session.execute(
            select(
                Crew,
                Depot.partner_id,
                Depot.adcode,
                Request.service_type,
                Request.updated_at,
                Request.lat,
                Request.lon,
                devices.c.devices,
                devices.c.since,
            )
            .join(Depot, Crew.depot_id == Depot.id)
            .outerjoin(Request, and_(Crew.current_request_id == Request.id))
            .outerjoin(devices, devices.c.crew_id == Crew.id)
            .where(Crew.status.not_in([CrewStatus.OFF_DUTY.value, CrewStatus.OUT_OF_SERVICE.value]))
        )
        infos = []
        for crew, partner, adcode, job_service, job_since, job_lat, job_lon, count, since in rows:
            status = CrewStatus(crew.status)
            free_at = None
            if job_service is not None and job_since is not None:
                free_at = rules.finishing_at(status, ServiceType(job_service), job_since, now)
            infos.append(
                CrewInfo(
                    id=crew.id,
                    call_sign=crew.call_sign,
                    depot_id=crew.depot_id,
                    partner_id=partner,
                    region=adcode[:2],
                    vehicle_kind=VehicleKind(crew.vehicle_kind),
                    skills=frozenset(Skill(s) for s in crew.skills),
                    status=status,
                    lat=crew.lat,
                    lon=crew.lon,
                    gps_at=crew.gps_at,
                    version=crew.version,
                    recent_jobs=workload.get(crew.id, 0),
                    partner_quality=_lookup(quality, partner),
                    free_at=free_at,
                    free_lat=job_lat if free_at else None,
                    free_lon=job_lon if free_at else None,
                    devices=int(count or 0),
                    devices_since=since,
                )
            )
        return infos


def _lookup(table: Mapping[int, float], key: int) -> float:
    return table.get(key, QUALITY_PRIOR)
