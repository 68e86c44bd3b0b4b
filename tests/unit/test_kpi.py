"""KPI maths against figures worked out by hand on a fixed set of jobs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from console.core import kpi
from console.core.quality import (
    ComplaintCategory,
    ComplaintRecord,
    ComplaintStatus,
    JobRecord,
    QualityTargets,
    SatisfactionRecord,
)
from console.core.vocab import CrewStatus, Priority, RequestStatus, RoadType, ServiceType

NOW = datetime(2026, 11, 23, 4, 0, tzinfo=UTC)  # 12:00 in Shanghai
T = NOW - timedelta(hours=3)


def m(minutes: float) -> datetime:
    return T + timedelta(minutes=minutes)


def done(
    job_id: int,
    *,
    assign: float,
    arrive: float,
    due: float = 60,
    priority: Priority = Priority.P2,
    partner: str = "PA",
) -> JobRecord:
    """A completed job queued at T+job_id min, assigned and arrived after the given minutes."""
    queued = m(job_id)
    return JobRecord(
        id=job_id, reference=f"RA-{job_id}", status=RequestStatus.COMPLETED, priority=priority,
        service_type=ServiceType.TOW, road_type=RoadType.URBAN, region="杭州",
        created_at=queued - timedelta(minutes=2), queued_at=queued,
        assign_due_at=queued + timedelta(minutes=2), arrive_due_at=queued + timedelta(minutes=due),
        assigned_at=queued + timedelta(minutes=assign), arrived_at=queued + timedelta(minutes=arrive),
        closed_at=queued + timedelta(minutes=arrive + 20), crew_id=job_id, depot_code="D1",
        partner_code=partner,
    )  # fmt: skip


def open_job(job_id: int, status: RequestStatus, queued_ago: float, priority: Priority, *,
             region: str = "杭州", assign_allow: float = 2, arrive_allow: float = 60) -> JobRecord:  # fmt: skip
    queued = NOW - timedelta(minutes=queued_ago)
    return JobRecord(
        id=job_id, reference=f"RA-{job_id}", status=status, priority=priority,
        service_type=ServiceType.JUMP_START, road_type=RoadType.URBAN, region=region,
        created_at=queued - timedelta(minutes=1), queued_at=queued,
        assign_due_at=queued + timedelta(minutes=assign_allow),
        arrive_due_at=queued + timedelta(minutes=arrive_allow),
        assigned_at=None if status is RequestStatus.QUEUED else queued + timedelta(minutes=1),
    )  # fmt: skip


# Ten completed jobs. Assign minutes: 1, 1.5, 2, 2.5, 0.5, 1, 3, 1, 2, 1.
# Arrival minutes (queue -> scene): 10, 20, 30, 40, 50, 60, 70, 80, 90, 100; due after 60.
ASSIGN = (1, 1.5, 2, 2.5, 0.5, 1, 3, 1, 2, 1)
ARRIVE = (10, 20, 30, 40, 50, 60, 70, 80, 90, 100)
COMPLETED = [
    done(i + 1, assign=a, arrive=r, priority=Priority.P1 if i < 4 else Priority.P2,
         partner="PA" if i < 6 else "PB")
    for i, (a, r) in enumerate(zip(ASSIGN, ARRIVE, strict=True))
]  # fmt: skip
OPEN = [
    open_job(21, RequestStatus.QUEUED, 5, Priority.P1),  # assign due 2 min after: breached
    open_job(
        22, RequestStatus.QUEUED, 1.8, Priority.P2, region="宁波"
    ),  # 0.2 of 2 min left: at risk
    open_job(23, RequestStatus.QUEUED, 0.5, Priority.P2, region="宁波"),  # fine
    open_job(24, RequestStatus.EN_ROUTE, 50, Priority.P2),  # 10 of 60 left (< 15): at risk
    open_job(25, RequestStatus.EN_ROUTE, 20, Priority.P3),  # fine
]
REMOTE = JobRecord(
    id=30, reference="RA-30", status=RequestStatus.RESOLVED_REMOTELY, priority=Priority.P2,
    service_type=ServiceType.REMOTE_GUIDANCE, road_type=RoadType.URBAN, region="杭州",
    created_at=m(5), closed_at=m(12), protocol="battery",
)  # fmt: skip
JOBS = [*COMPLETED, *OPEN, REMOTE]


def test_p90_is_nearest_rank() -> None:
    assert kpi.percentile(range(1, 11), 90) == 9
    assert kpi.percentile(range(1, 21), 90) == 18
    assert kpi.percentile([7], 90) == 7
    assert kpi.percentile([], 90) is None
    with pytest.raises(ValueError):
        kpi.percentile([1], 0)


def test_queue_by_priority_and_region_and_oldest_wait() -> None:
    assert kpi.queue_by_priority(JOBS) == {Priority.P1: 1, Priority.P2: 2, Priority.P3: 0}
    assert kpi.queue_by_region(JOBS) == {"宁波": 2, "杭州": 1}
    assert kpi.oldest_waiting_minutes(JOBS, NOW) == pytest.approx(5)
    assert kpi.oldest_waiting_minutes(COMPLETED, NOW) is None


def test_sla_risk_counts_breached_and_nearly_due() -> None:
    assert kpi.sla_risk(JOBS, NOW, 0.25) == kpi.SlaRisk(at_risk=2, breached=1)


def test_time_to_assign_mean_and_share_within_two_minutes() -> None:
    stats = kpi.time_to_assign(COMPLETED, 2)
    # (1+1.5+2+2.5+0.5+1+3+1+2+1) / 10 = 15.5 / 10; within 2 min (inclusive): 8 of 10.
    assert stats.count == 10
    assert stats.mean_minutes == pytest.approx(1.55)
    assert stats.within_target == 8
    assert stats.within_share == pytest.approx(0.8)


def test_time_to_arrival_mean_p90_and_on_time_share() -> None:
    stats = kpi.time_to_arrival(COMPLETED)
    assert stats.mean_minutes == pytest.approx(55)  # 550 / 10
    assert stats.p90_minutes == pytest.approx(90)  # rank ceil(0.9 * 10) = 9
    assert stats.on_time == 6  # 10..60 <= 60
    assert stats.on_time_share == pytest.approx(0.6)
    p1 = kpi.time_to_arrival(COMPLETED, Priority.P1)
    assert (p1.count, p1.on_time_share, p1.p90_minutes) == (4, 1.0, 40)


def test_crews_by_status_and_utilisation() -> None:
    statuses = [CrewStatus.AVAILABLE] * 3 + [CrewStatus.EN_ROUTE, CrewStatus.ON_SCENE,
                CrewStatus.TOWING, CrewStatus.OFF_DUTY, CrewStatus.OUT_OF_SERVICE]  # fmt: skip
    stats = kpi.crew_stats(statuses)
    assert (stats.busy, stats.on_duty) == (3, 6)
    assert stats.utilisation == pytest.approx(0.5)
    assert stats.by_status[CrewStatus.OFF_DUTY] == 1


def test_remote_fix_rate_overall_and_per_protocol() -> None:
    # Decided calls: 10 completed + 5 open (all queued once) + 1 remote = 16; remote 1.
    rate = kpi.remote_fix_rate(JOBS)
    assert (rate.part, rate.whole) == (1, 16)
    assert kpi.remote_fix_rate(JOBS, protocol="battery").share == 1.0
    assert kpi.remote_fix_rate(JOBS, protocol="tyre").share is None


def sat(request_id: int, score: int) -> SatisfactionRecord:
    return SatisfactionRecord(request_id, score, "", m(150))


SCORES = [sat(1, 5), sat(2, 4), sat(3, 3), sat(4, 5), sat(7, 2), sat(8, 4)]


def test_satisfaction_share_of_fours_and_fives_and_mean() -> None:
    stats = kpi.satisfaction_stats(SCORES)
    assert (stats.count, stats.satisfied) == (6, 4)
    assert stats.satisfied_share == pytest.approx(4 / 6)
    assert stats.mean_score == pytest.approx(23 / 6)


def complaint(cid: int, request_id: int, opened_h: float, answered_h: float | None,
              status: ComplaintStatus) -> ComplaintRecord:  # fmt: skip
    opened = NOW - timedelta(hours=opened_h)
    return ComplaintRecord(
        id=cid, request_id=request_id, reference=f"RA-{request_id}",
        category=ComplaintCategory.LATE_ARRIVAL, owner="sup", summary="late", status=status,
        opened_at=opened, due_at=opened + timedelta(hours=24),
        responded_at=None if answered_h is None else opened + timedelta(hours=answered_h),
    )  # fmt: skip


COMPLAINTS = [
    complaint(1, 7, 50, 5, ComplaintStatus.CLOSED),  # answered on time
    complaint(2, 8, 40, 30, ComplaintStatus.ANSWERED),  # answered late
    complaint(3, 9, 30, None, ComplaintStatus.OPEN),  # overdue (30 h, no answer)
    complaint(4, 10, 2, None, ComplaintStatus.OPEN),  # still inside its 24 h
]


def test_complaints_open_overdue_and_answered_within_24_hours() -> None:
    stats = kpi.complaint_stats(COMPLAINTS, NOW)
    assert (stats.total, stats.open, stats.overdue, stats.answered) == (4, 3, 1, 2)
    # On time 1 / (answered 2 + overdue 1); the 2-hour-old one counts neither way.
    assert stats.on_time_share == pytest.approx(1 / 3)


def test_partner_scorecards() -> None:
    cards = {
        c.key: c for c in kpi.scorecards(COMPLETED, SCORES, COMPLAINTS, lambda j: j.partner_code)
    }
    a, b = cards["PA"], cards["PB"]
    assert (a.jobs, a.completed, a.completion_rate) == (6, 6, 1.0)
    assert a.on_time_rate == 1.0  # arrivals 10..60, all by 60
    assert a.satisfaction_share == pytest.approx(3 / 4)  # 5, 4, 3, 5
    assert (a.complaints, a.complaint_rate) == (0, 0.0)
    assert b.on_time_rate == 0.0  # 70..100
    assert b.satisfaction_share == pytest.approx(1 / 2)  # 2, 4
    assert (b.complaints, b.complaint_rate) == (4, 1.0)


def test_snapshot_checks_targets_against_actuals() -> None:
    snap = kpi.snapshot(
        now=NOW, start=T - timedelta(hours=1), end=NOW, jobs=JOBS,
        crews=[CrewStatus.AVAILABLE, CrewStatus.EN_ROUTE], scores=SCORES,
        complaints=COMPLAINTS, targets=QualityTargets(), assign_minutes=2,
    )  # fmt: skip
    checks = {t.key: (t.target, t.actual, t.met) for t in snap.targets}
    assert checks["satisfaction"][::2] == (0.9, False)
    assert checks["satisfaction"][1] == pytest.approx(4 / 6)
    assert checks["p1_arrival_on_time"] == (0.95, 1.0, True)
    # Assigned in the period: the 10 completed (8 within 2 min) + 2 en route (1 min each).
    assert checks["assign_within_target"][1] == pytest.approx(10 / 12)
    assert checks["assign_within_target"][2] is False
    rows = {r.key: r for r in kpi.kpi_rows(snap)}
    assert rows["arrival_p90"].value == 90
    assert rows["satisfaction"].value == 66.7 and rows["satisfaction"].target == 90
    assert rows["queue_total"].value == 3
    assert rows["sla_breached"].value == 1


def test_shift_windows_follow_local_time() -> None:
    zone = ZoneInfo("Asia/Shanghai")
    start, end = kpi.shift_window(NOW, zone)  # 12:00 local: day shift
    assert (start.hour, end.hour, (end - start).total_seconds()) == (8, 20, 12 * 3600)
    night = kpi.shift_window(datetime(2026, 11, 22, 19, 0, tzinfo=UTC), zone)  # 03:00 local
    assert night[0].astimezone(zone).day == 22 and night[0].astimezone(zone).hour == 20
