"""Demo history: days of finished jobs, follow-ups and complaints before the live shift.

So the supervisor dashboard shows trends on first start. Rows go in with bulk
inserts in ONE unit of work and one ledger event (``dataset.history_seeded``,
carrying counts and a digest of the rows), like the reference data: replaying
~100 jobs a day through the per-transition services would take seconds per
seeded database. Timings are drawn from plausible distributions (most
assignments inside 2 minutes, urban arrivals around 25 minutes, rural ones
slower, some late), and depend only on the seed and ``at``.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import datetime, timedelta
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from sqlalchemy import insert

from console.core.demo_volume import CALLS_PER_DAY, HOURLY_WEIGHT
from console.core.intake import RequestDraft, clean_request
from console.core.quality import ComplaintCategory, ComplaintStatus
from console.core.roles import Permission
from console.core.vocab import CrewStatus, Priority, RequestStatus, RoadType, ServiceType
from console.db.models import Complaint, ReferenceCounter, Request, Satisfaction
from console.db.services import Services

JOBS_PER_DAY = CALLS_PER_DAY
"""The live demo calls at the same pace (``console.core.demo_volume``)."""
REMOTE_SHARE = 0.10
CANCEL_SHARE = 0.04
FOLLOW_UP_SHARE = 0.7
COMPLAINT_SHARE = 0.05
ZONE = ZoneInfo("Asia/Shanghai")


class _Clock(Protocol):
    now: datetime


def _score(rng: random.Random, late: bool) -> int:
    weights = (4, 6, 14, 36, 40) if late else (1, 1, 4, 26, 68)
    return rng.choices((1, 2, 3, 4, 5), weights=weights, k=1)[0]


def seed_history(
    services: Services,
    *,
    clock: _Clock,
    seed: int,
    at: datetime,
    days: int,
    cities: Sequence[Any],
    crews: Sequence[dict[str, Any]],
    depots: Sequence[dict[str, Any]],
    draft: Callable[[random.Random], RequestDraft],
) -> int:
    """Insert ``days`` of closed demo jobs ending an hour before ``at``; returns how many."""
    rng = random.Random(seed * 104729 + 17)
    depot_city = {d["id"]: d["city_zh"] for d in depots}
    by_city: dict[str, list[dict[str, Any]]] = {}
    for crew in crews:
        if crew["status"] != CrewStatus.OUT_OF_SERVICE.value:
            by_city.setdefault(depot_city[crew["depot_id"]], []).append(crew)
    del cities
    end = at - timedelta(minutes=60)
    start = end - timedelta(days=days)
    moments = sorted(_moments(rng, start, end, days))
    requests: list[dict[str, Any]] = []
    scores: list[dict[str, Any]] = []
    complaints: list[dict[str, Any]] = []
    per_day: dict[str, int] = {}
    sla = services.sla
    for created in moments:
        values = asdict(clean_request(draft(rng)))
        values["guidance_path"] = list(values["guidance_path"])
        values = {k: (v.value if hasattr(v, "value") else v) for k, v in values.items()}
        row = _job(rng, values, created, by_city.get(values["city"], []), sla)
        if row["closed_at"] > at:
            continue  # history holds finished jobs only; the live shift seeds the rest
        day = created.astimezone(ZONE).strftime("%Y%m%d")
        per_day[day] = per_day.get(day, 0) + 1
        row["id"] = len(requests) + 1
        row["reference"] = f"RA-{day}-{per_day[day]:04d}"
        requests.append(row)
        if row["status"] != RequestStatus.COMPLETED.value:
            continue
        late = row["arrived_at"] > row["arrive_due_at"]
        follow_up = row["closed_at"] + timedelta(minutes=rng.randrange(20, 240))
        if rng.random() < FOLLOW_UP_SHARE and follow_up < at:
            score = _score(rng, late)
            scores.append(
                {"id": len(scores) + 1, "request_id": row["id"], "score": score,
                 "comment": "" if score >= 4 else "到达较慢 / slow arrival" if late else "",
                 "recorded_at": follow_up,
                 "recorded_by": "seed"}
            )  # fmt: skip
        if rng.random() < COMPLAINT_SHARE * (4 if late else 1):
            complaint = _complaint(rng, len(complaints) + 1, row, late, at=at, sla=sla)
            if complaint is not None:
                complaints.append(complaint)
    with services.unit_of_work(Permission.MAINTAIN) as uow:
        for rows in (requests, scores, complaints):
            for item in rows:
                item["revision"] = uow.revision
        if requests:
            uow.session.execute(insert(Request), requests)
            counters = [{"day": day, "last": last} for day, last in sorted(per_day.items())]
            uow.session.execute(insert(ReferenceCounter), counters)
        if scores:
            uow.session.execute(insert(Satisfaction), scores)
        if complaints:
            uow.session.execute(insert(Complaint), complaints)
        digest = hashlib.sha256(
            json.dumps([requests, scores, complaints], sort_keys=True, default=str).encode()
        ).hexdigest()
        uow.record(
            "dataset.history_seeded",
            days=days,
            requests=len(requests),
            satisfaction=len(scores),
            complaints=len(complaints),
            digest=digest,
        )
    clock.now = at
    return len(requests)


def _moments(rng: random.Random, start: datetime, end: datetime, days: int) -> list[datetime]:
    """Call times with a day-night rhythm between ``start`` and ``end``."""
    hours = int((end - start).total_seconds() // 3600)
    total = JOBS_PER_DAY * days
    slots = [start + timedelta(hours=h) for h in range(hours)]
    weights = [HOURLY_WEIGHT[s.astimezone(ZONE).hour] for s in slots]
    picks = rng.choices(slots, weights=weights, k=total)
    return [p + timedelta(seconds=rng.randrange(3600)) for p in picks]


def _job(
    rng: random.Random,
    values: dict[str, Any],
    created: datetime,
    local_crews: Sequence[dict[str, Any]],
    sla: Any,
) -> dict[str, Any]:
    """One closed request: remote fix, cancellation or a completed crew job."""
    row = dict(values, created_at=created, version=6)
    service = ServiceType(values["service_type"])
    if service is ServiceType.REMOTE_GUIDANCE or rng.random() < REMOTE_SHARE or not local_crews:
        closed = created + timedelta(minutes=rng.uniform(4, 14))
        row.update(status=RequestStatus.RESOLVED_REMOTELY.value, closed_at=closed,
                   updated_at=closed, queued_at=None, assign_due_at=None, arrive_due_at=None,
                   assigned_at=None, arrived_at=None, assigned_crew_id=None)  # fmt: skip
        return row
    priority, road = Priority(values["priority"]), RoadType(values["road_type"])
    queued = created + timedelta(minutes=rng.uniform(1.5, 5))
    # Most assignments inside the 2-minute target; a tail of slow ones at busy hours.
    assign_minutes = rng.lognormvariate(0.15, 0.45)
    assigned = queued + timedelta(minutes=assign_minutes)
    base = {RoadType.URBAN: 30, RoadType.EXPRESSWAY: 45, RoadType.RURAL: 55}[road]
    # P1 jobs get the nearest crew and go first, so they travel less.
    expected = base * (0.65 if priority is Priority.P1 else 1.0)
    travel = max(6.0, rng.gauss(expected, expected * 0.35))
    arrived = assigned + timedelta(minutes=travel)
    crew = rng.choice(local_crews)
    row.update(
        queued_at=queued,
        assign_due_at=sla.assign_due(queued),
        arrive_due_at=sla.arrive_due(queued, priority, road),
        assigned_at=assigned,
        assigned_crew_id=crew["id"],
        eta_minutes=round(travel),
    )
    if rng.random() < CANCEL_SHARE:
        closed = assigned + timedelta(minutes=rng.uniform(3, 15))
        row.update(status=RequestStatus.CANCELLED.value, closed_at=closed, updated_at=closed,
                   arrived_at=None, cancel_reason="CALLER_CANCELLED")  # fmt: skip
        return row
    work = rng.uniform(35, 80) if service is ServiceType.TOW else rng.uniform(10, 35)
    closed = arrived + timedelta(minutes=work)
    row.update(status=RequestStatus.COMPLETED.value, arrived_at=arrived, closed_at=closed,
               updated_at=closed)  # fmt: skip
    return row


def _complaint(
    rng: random.Random, number: int, job: dict[str, Any], late: bool, *, at: datetime, sla: Any
) -> dict[str, Any] | None:
    """A complaint filed a few hours after the job (None if that is after ``at``);
    older ones answered and closed."""
    category = (
        ComplaintCategory.LATE_ARRIVAL
        if late
        else rng.choice([c for c in ComplaintCategory if c is not ComplaintCategory.LATE_ARRIVAL])
    )
    opened = job["closed_at"] + timedelta(hours=rng.uniform(1, 8))
    due = opened + timedelta(hours=sla.complaint_response_hours)
    row: dict[str, Any] = {
        "id": number, "request_id": job["id"], "category": category.value,
        "owner": rng.choice(("supervisor", "quality.li", "quality.wang")),
        "summary": {
            ComplaintCategory.LATE_ARRIVAL: "救援车到达太慢 / The truck took too long",
            ComplaintCategory.CREW_CONDUCT: "司机态度不好 / Driver was rude",
            ComplaintCategory.VEHICLE_DAMAGE: "拖车时刮伤保险杠 / Bumper scratched while towing",
            ComplaintCategory.PRICING: "收费与报价不符 / Charged more than quoted",
            ComplaintCategory.COMMUNICATION: "没有告知到达时间 / Nobody told me the ETA",
            ComplaintCategory.OTHER: "其他问题 / Other issue",
        }[category],
        "opened_at": opened, "due_at": due, "responded_at": None, "response": "",
        "closed_at": None, "resolution": "", "version": 1,
        "status": ComplaintStatus.OPEN.value,
    }  # fmt: skip
    if opened > at:
        return None
    # Most answered within the day, a few late; recent ones may still be open.
    answer = opened + timedelta(hours=rng.choice((2, 5, 9, 16, 22, 30)) + rng.random())
    if at - opened < timedelta(hours=30) and rng.random() < 0.5:
        return row
    if answer < at:
        row.update(responded_at=answer, status=ComplaintStatus.ANSWERED.value, version=2,
                   response="已致电客户道歉并说明情况 / Called the customer, apologised and explained")  # fmt: skip
        closed = answer + timedelta(hours=rng.uniform(2, 30))
        if closed < at:
            row.update(closed_at=closed, status=ComplaintStatus.CLOSED.value, version=3,
                       resolution="已处理并回访 / Resolved and followed up")  # fmt: skip
    return row
