"""What must hold in any database the console wrote, whatever happened meanwhile.

Each check returns a list of problems (empty when all is well), so a failing
test shows every broken rule at once.
"""

from __future__ import annotations

import json
from collections import Counter

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from console.core import lifecycle
from console.core.vocab import CREW_BUSY_FOR, IDLE_CREW_STATUSES, CrewStatus, RequestStatus
from console.db.audit import verify_ledger
from console.db.models import ChainHead, Crew, Event, Request

_TAKES = {"request.assigned"}
_FREES = {"request.crew_released", "request.completed", "request.cancelled"}


def crews_and_jobs(engine: Engine) -> list[str]:
    """Now: each busy crew holds one open job in the matching status, and each such job one crew."""
    problems: list[str] = []
    with Session(engine) as session:
        requests = {r.id: r for r in session.scalars(select(Request))}
        holders = Counter[int]()
        for crew in session.scalars(select(Crew)):
            status = CrewStatus(crew.status)
            job = crew.current_request_id
            if job is None:
                if status not in IDLE_CREW_STATUSES:
                    problems.append(f"crew {crew.call_sign} is {status} without a job")
                continue
            holders[job] += 1
            request = requests.get(job)
            if request is None:
                problems.append(f"crew {crew.call_sign} holds missing request {job}")
                continue
            request_status = RequestStatus(request.status)
            if request_status not in lifecycle.CREW_HOLDING:
                problems.append(
                    f"crew {crew.call_sign} holds {request.reference} ({request_status})"
                )
            elif status is not CREW_BUSY_FOR[request_status]:
                problems.append(
                    f"crew {crew.call_sign} is {status}, its job {request.reference} is {request_status}"
                )
            if request.assigned_crew_id != crew.id:
                problems.append(
                    f"{request.reference} names crew {request.assigned_crew_id}, not {crew.id}"
                )
        for request in requests.values():
            wanted = 1 if RequestStatus(request.status) in lifecycle.CREW_HOLDING else 0
            if holders[request.id] != wanted:
                problems.append(
                    f"{request.reference} ({request.status}) is held by {holders[request.id]} crews"
                )
    return problems


def assignment_history(engine: Engine) -> list[str]:
    """Ever: replaying the ledger, no crew takes a second job and no request a second crew."""
    problems: list[str] = []
    with Session(engine) as session:
        call_signs = dict(session.execute(select(Crew.call_sign, Crew.id)).all())
        crew_job: dict[int, int] = {}
        job_crew: dict[int, int] = {}
        events = session.execute(
            select(Event.seq, Event.kind, Event.request_id, Event.crew_id, Event.payload)
            .where(Event.kind.in_([*_TAKES, *_FREES, "request.reassigned"]))
            .order_by(Event.seq)
        )
        for seq, kind, request_id, crew_id, payload in events:
            if kind in _FREES or kind == "request.reassigned":
                old = job_crew.pop(request_id, None)
                if old is not None:
                    crew_job.pop(old, None)
                if kind == "request.reassigned":
                    named = call_signs.get(json.loads(payload).get("from_crew"))
                    if named != old:
                        problems.append(f"event {seq}: released crew {named}, the ledger had {old}")
            if kind in _TAKES or kind == "request.reassigned":
                if crew_id in crew_job:
                    problems.append(f"event {seq}: crew {crew_id} took a second job")
                if request_id in job_crew:
                    problems.append(f"event {seq}: request {request_id} got a second crew")
                crew_job[crew_id] = request_id
                job_crew[request_id] = crew_id
    return problems


def rows_and_events(engine: Engine) -> list[str]:
    """Nothing half-written: every row's revision is an event's, every request has its creation."""
    problems: list[str] = []
    with Session(engine) as session:
        head = session.get(ChainHead, 1)
        assert head is not None
        events = session.scalar(select(func.count()).select_from(Event)) or 0
        if events != head.event_count:
            problems.append(f"{events} events stored, head records {head.event_count}")
        last = session.scalar(select(func.max(Event.revision))) or 0
        if last != head.revision:
            problems.append(f"head revision {head.revision}, last event's {last}")
        by_revision = {
            revision: (request_id, crew_id)
            for revision, request_id, crew_id in session.execute(
                select(Event.revision, Event.request_id, Event.crew_id)
            )
        }
        created = Counter(
            session.scalars(select(Event.request_id).where(Event.kind == "request.created"))
        )
        for request in session.scalars(select(Request)):
            if created[request.id] != 1:
                problems.append(f"{request.reference} has {created[request.id]} creation events")
            if by_revision.get(request.revision, (None,))[0] != request.id:
                problems.append(f"{request.reference} revision {request.revision} has no event")
        for crew in session.scalars(select(Crew)):
            if crew.revision not in by_revision:
                problems.append(f"crew {crew.call_sign} revision {crew.revision} has no event")
            if crew.revision > head.revision:
                problems.append(f"crew {crew.call_sign} is ahead of the head revision")
    report = verify_ledger(engine)
    if not report.ok:
        problems.append(f"ledger: {report.problem}")
    return problems


def all_problems(engine: Engine) -> list[str]:
    """Every invariant at once."""
    return crews_and_jobs(engine) + assignment_history(engine) + rows_and_events(engine)


def event_count(engine: Engine) -> int:
    """Events in the ledger."""
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(Event)) or 0
