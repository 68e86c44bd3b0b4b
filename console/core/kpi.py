"""KPI maths on plain records: queue, SLA, arrival, crews, quality, scorecards, trends.

Pure functions on :mod:`console.core.quality` and :mod:`console.core.vocab`
values; no database, no Qt. Durations are reported in minutes, shares as 0-1.

Percentiles use the *nearest-rank* definition: the p-th percentile of n sorted
values is the value at rank ceil(p/100 * n) (1-based), so it is always one of
the observed values (p90 of 1..10 is 9, of 1..20 is 18).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, tzinfo

from console.core.quality import (
    ComplaintRecord,
    ComplaintStatus,
    JobRecord,
    QualityTargets,
    SatisfactionRecord,
)
from console.core.vocab import (
    CREW_BUSY_FOR,
    OPEN_STATUSES,
    CrewStatus,
    Priority,
    RequestStatus,
)

SATISFIED_SCORE = 4
"""A follow-up scoring this or more counts as satisfied."""
SHIFT_STARTS = (time(8, 0), time(20, 0))
"""Local times at which the two daily shifts begin (day 08-20, night 20-08)."""
_BUSY = frozenset(CREW_BUSY_FOR.values())


def _minutes(delta: timedelta) -> float:
    return delta.total_seconds() / 60


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def percentile(values: Iterable[float], p: float) -> float | None:
    """The nearest-rank ``p``-th percentile (0 < p <= 100) of ``values``, None if empty."""
    ordered = sorted(values)
    if not ordered:
        return None
    if not 0 < p <= 100:
        raise ValueError("p must be in (0, 100]")
    rank = math.ceil(p / 100 * len(ordered))
    return ordered[max(rank, 1) - 1]


def mean(values: Iterable[float]) -> float | None:
    """The arithmetic mean, None if empty."""
    items = list(values)
    return sum(items) / len(items) if items else None


# -- queue ----------------------------------------------------------------------


def waiting(jobs: Iterable[JobRecord]) -> list[JobRecord]:
    """Requests queued and still without a crew."""
    return [j for j in jobs if j.status is RequestStatus.QUEUED]


def queue_by_priority(jobs: Iterable[JobRecord]) -> dict[Priority, int]:
    """Queued requests per priority (every priority present, zero included)."""
    counts = Counter(j.priority for j in waiting(jobs))
    return {p: counts.get(p, 0) for p in Priority}


def queue_by_region(jobs: Iterable[JobRecord]) -> dict[str, int]:
    """Queued requests per region (city), largest first, ties by name."""
    counts = Counter(j.region for j in waiting(jobs))
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def oldest_waiting_minutes(jobs: Iterable[JobRecord], now: datetime) -> float | None:
    """How long the longest-waiting queued request has waited, None if none waits."""
    times = [j.queued_at for j in waiting(jobs) if j.queued_at is not None]
    return _minutes(now - min(times)) if times else None


@dataclass(frozen=True, slots=True)
class SlaRisk:
    """Open requests whose next due time is close (at risk) or past (breached)."""

    at_risk: int
    breached: int


def _next_due(job: JobRecord) -> tuple[datetime, datetime] | None:
    """(start, due) of the SLA clock the request is running against now."""
    if job.queued_at is None:
        return None
    if job.status is RequestStatus.QUEUED and job.assign_due_at is not None:
        return job.queued_at, job.assign_due_at
    if job.status in {RequestStatus.ASSIGNED, RequestStatus.EN_ROUTE} and job.arrive_due_at:
        return job.queued_at, job.arrive_due_at
    return None


def sla_risk(jobs: Iterable[JobRecord], now: datetime, risk_share: float = 0.25) -> SlaRisk:
    """Count open requests past their due time, and those with < ``risk_share`` left."""
    at_risk = breached = 0
    for job in jobs:
        if job.status not in OPEN_STATUSES:
            continue
        clock = _next_due(job)
        if clock is None:
            continue
        start, due = clock
        if now > due:
            breached += 1
        elif due - now < (due - start) * risk_share:
            at_risk += 1
    return SlaRisk(at_risk, breached)


# -- time to assign / arrive ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AssignStats:
    """Queue-to-crew times of the requests given a crew."""

    count: int
    mean_minutes: float | None
    within_target: int
    within_share: float | None


def time_to_assign(jobs: Iterable[JobRecord], target_minutes: float = 2) -> AssignStats:
    """Minutes from queueing to assignment; the share within ``target_minutes`` (inclusive)."""
    spans = [
        _minutes(j.assigned_at - j.queued_at)
        for j in jobs
        if j.assigned_at is not None and j.queued_at is not None
    ]
    within = sum(1 for s in spans if s <= target_minutes)
    return AssignStats(len(spans), mean(spans), within, _share(within, len(spans)))


@dataclass(frozen=True, slots=True)
class ArrivalStats:
    """Queue-to-scene times of requests a crew reached."""

    count: int
    mean_minutes: float | None
    p90_minutes: float | None
    on_time: int
    on_time_share: float | None


def time_to_arrival(jobs: Iterable[JobRecord], priority: Priority | None = None) -> ArrivalStats:
    """Minutes from queueing to arrival on scene; on time means by ``arrive_due_at``."""
    reached = [
        j
        for j in jobs
        if j.arrived_at is not None
        and j.queued_at is not None
        and (priority is None or j.priority is priority)
    ]
    spans = [_minutes(j.arrived_at - j.queued_at) for j in reached if j.arrived_at and j.queued_at]
    on_time = sum(
        1
        for j in reached
        if j.arrive_due_at is not None and j.arrived_at and j.arrived_at <= j.arrive_due_at
    )
    return ArrivalStats(
        len(spans), mean(spans), percentile(spans, 90), on_time, _share(on_time, len(reached))
    )


# -- crews, remote fixes ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CrewStats:
    """Crews per status; utilisation = busy / on duty (available + busy)."""

    by_status: dict[CrewStatus, int]
    on_duty: int
    busy: int
    utilisation: float | None


def crew_stats(statuses: Iterable[CrewStatus]) -> CrewStats:
    """Count crews by status and how much of the on-duty fleet is on a job."""
    counts = Counter(statuses)
    by_status = {s: counts.get(s, 0) for s in CrewStatus}
    busy = sum(by_status[s] for s in _BUSY)
    on_duty = busy + by_status[CrewStatus.AVAILABLE]
    return CrewStats(by_status, on_duty, busy, _share(busy, on_duty))


@dataclass(frozen=True, slots=True)
class Rate:
    """A part of a whole and its share (None when the whole is empty)."""

    part: int
    whole: int

    @property
    def share(self) -> float | None:
        """part / whole."""
        return _share(self.part, self.whole)


def remote_fix_rate(jobs: Iterable[JobRecord], protocol: str | None = None) -> Rate:
    """Of the calls decided (resolved by phone, or queued for a truck), those fixed by phone.

    ``protocol`` narrows it to calls that followed one guidance protocol.
    """
    decided = [
        j
        for j in jobs
        if (protocol is None or j.protocol == protocol)
        and (j.status is RequestStatus.RESOLVED_REMOTELY or j.queued_at is not None)
    ]
    remote = sum(1 for j in decided if j.status is RequestStatus.RESOLVED_REMOTELY)
    return Rate(remote, len(decided))


# -- satisfaction and complaints ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class SatisfactionStats:
    """Follow-up scores: how many, their mean and the share of 4s and 5s."""

    count: int
    mean_score: float | None
    satisfied: int
    satisfied_share: float | None


def satisfaction_stats(records: Iterable[SatisfactionRecord]) -> SatisfactionStats:
    """Summarise follow-up scores."""
    scores = [r.score for r in records]
    satisfied = sum(1 for s in scores if s >= SATISFIED_SCORE)
    return SatisfactionStats(len(scores), mean(scores), satisfied, _share(satisfied, len(scores)))


@dataclass(frozen=True, slots=True)
class ComplaintStats:
    """Complaints against their response deadline.

    ``on_time_share`` = answered by the deadline / (answered + unanswered past it):
    a complaint still inside its 24 h counts neither way yet.
    """

    total: int
    open: int
    overdue: int
    answered: int
    answered_on_time: int
    on_time_share: float | None


def complaint_stats(records: Iterable[ComplaintRecord], now: datetime) -> ComplaintStats:
    """Count complaints open, overdue and answered within their deadline."""
    items = list(records)
    open_count = sum(1 for c in items if c.status is not ComplaintStatus.CLOSED)
    overdue = sum(1 for c in items if c.overdue(now))
    answered = sum(1 for c in items if c.responded_at is not None)
    on_time = sum(1 for c in items if c.answered_on_time())
    judged = answered + overdue
    return ComplaintStats(
        len(items), open_count, overdue, answered, on_time, _share(on_time, judged)
    )


# -- targets -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TargetCheck:
    """One quality target against its actual value (shares 0-1)."""

    key: str
    target: float
    actual: float | None

    @property
    def met(self) -> bool | None:
        """True/False once there is an actual, None before."""
        return None if self.actual is None else self.actual >= self.target


# -- scorecards ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Scorecard:
    """How one partner or depot served its jobs."""

    key: str
    jobs: int
    completed: int
    completion_rate: float | None
    on_time_rate: float | None
    satisfaction_share: float | None
    complaints: int
    complaint_rate: float | None


def scorecards(
    jobs: Iterable[JobRecord],
    scores: Iterable[SatisfactionRecord],
    complaints: Iterable[ComplaintRecord],
    key: Callable[[JobRecord], str | None],
) -> list[Scorecard]:
    """One card per ``key`` (partner or depot code) over the jobs a crew was sent to.

    completion = completed / (completed + cancelled after a crew was sent);
    on time = arrivals by the arrival due time / arrivals; complaint rate =
    complaints / completed jobs. Sorted by jobs handled, then key.
    """
    by_request = {s.request_id: s.score for s in scores}
    complaint_count = Counter(c.request_id for c in complaints)
    groups: dict[str, list[JobRecord]] = {}
    for job in jobs:
        group = key(job)
        if group is not None and job.crew_id is not None:
            groups.setdefault(group, []).append(job)
    cards = []
    for group, members in groups.items():
        completed = sum(1 for j in members if j.status is RequestStatus.COMPLETED)
        cancelled = sum(1 for j in members if j.status is RequestStatus.CANCELLED)
        arrival = time_to_arrival(members)
        marks = [by_request[j.id] for j in members if j.id in by_request]
        happy = sum(1 for m in marks if m >= SATISFIED_SCORE)
        filed = sum(complaint_count.get(j.id, 0) for j in members)
        cards.append(
            Scorecard(
                key=group,
                jobs=len(members),
                completed=completed,
                completion_rate=_share(completed, completed + cancelled),
                on_time_rate=arrival.on_time_share,
                satisfaction_share=_share(happy, len(marks)),
                complaints=filed,
                complaint_rate=_share(filed, completed),
            )
        )
    return sorted(cards, key=lambda c: (-c.jobs, c.key))


# -- windows and trends ----------------------------------------------------------------


def shift_window(now: datetime, zone: tzinfo) -> tuple[datetime, datetime]:
    """The current shift (08-20 or 20-08 local time) containing ``now``, as aware times."""
    local = now.astimezone(zone)
    day_start = datetime.combine(local.date(), SHIFT_STARTS[0], zone)
    night_start = datetime.combine(local.date(), SHIFT_STARTS[1], zone)
    if local < day_start:
        return night_start - timedelta(days=1), day_start
    if local < night_start:
        return day_start, night_start
    return night_start, day_start + timedelta(days=1)


def day_window(day: datetime, zone: tzinfo) -> tuple[datetime, datetime]:
    """The local calendar day containing ``day``: [00:00, next 00:00)."""
    local = day.astimezone(zone).date()
    start = datetime.combine(local, time(0, 0), zone)
    return start, datetime.combine(local + timedelta(days=1), time(0, 0), zone)


def in_window(job: JobRecord, start: datetime, end: datetime) -> bool:
    """True when the request was opened in [start, end)."""
    return start <= job.created_at < end


@dataclass(frozen=True, slots=True)
class TrendPoint:
    """One bucket (an hour or a day) of a trend."""

    start: datetime
    created: int
    completed: int
    on_time_share: float | None
    satisfied_share: float | None


def trend(
    jobs: Sequence[JobRecord],
    scores: Sequence[SatisfactionRecord],
    start: datetime,
    step: timedelta,
    buckets: int,
) -> list[TrendPoint]:
    """Per bucket: requests opened, completed, on-time arrival share and satisfaction."""

    def slot(moment: datetime) -> int | None:
        index = (moment - start) // step
        return index if 0 <= index < buckets else None

    opened: list[list[JobRecord]] = [[] for _ in range(buckets)]
    done = [0] * buckets
    marks: list[list[SatisfactionRecord]] = [[] for _ in range(buckets)]
    for job in jobs:
        n = slot(job.created_at)
        if n is not None:
            opened[n].append(job)
        if job.status is RequestStatus.COMPLETED and job.closed_at is not None:
            n = slot(job.closed_at)
            if n is not None:
                done[n] += 1
    for score in scores:
        n = slot(score.recorded_at)
        if n is not None:
            marks[n].append(score)
    return [
        TrendPoint(
            start + step * n,
            len(opened[n]),
            done[n],
            time_to_arrival(opened[n]).on_time_share,
            satisfaction_stats(marks[n]).satisfied_share,
        )
        for n in range(buckets)
    ]


# -- the whole picture -------------------------------------------------------------------


@dataclass(frozen=True)
class KpiSnapshot:
    """Every dashboard and report figure for one period, at one moment."""

    now: datetime
    start: datetime
    end: datetime
    queue_by_priority: dict[Priority, int]
    queue_by_region: dict[str, int]
    oldest_waiting_minutes: float | None
    sla: SlaRisk
    assign: AssignStats
    arrival: ArrivalStats
    p1_arrival: ArrivalStats
    crews: CrewStats
    remote_fix: Rate
    satisfaction: SatisfactionStats
    complaints: ComplaintStats
    targets: list[TargetCheck] = field(default_factory=list)
    jobs_opened: int = 0
    jobs_completed: int = 0

    @property
    def queue_total(self) -> int:
        """Requests waiting for a crew."""
        return sum(self.queue_by_priority.values())


def snapshot(
    *,
    now: datetime,
    start: datetime,
    end: datetime,
    jobs: Sequence[JobRecord],
    crews: Iterable[CrewStatus],
    scores: Sequence[SatisfactionRecord],
    complaints: Sequence[ComplaintRecord],
    targets: QualityTargets,
    assign_minutes: float = 2,
) -> KpiSnapshot:
    """Compute the KPIs: live ones (queue, SLA risk, crews) on the requests as they are
    now (opened by ``now``); period ones (times, remote fixes, satisfaction, complaints)
    on requests opened in [start, end)."""
    period = [j for j in jobs if in_window(j, start, end)]
    # A report on a past period must not count requests opened after its moment.
    live = [j for j in jobs if j.created_at <= now]
    marks = [s for s in scores if start <= s.recorded_at < end]
    filed = [c for c in complaints if start <= c.opened_at < end]
    # Unanswered complaints from before the period still count against it.
    filed_ids = {c.id for c in filed}
    live_complaints = [
        c
        for c in complaints
        if c.id in filed_ids or (c.status is not ComplaintStatus.CLOSED and c.opened_at < end)
    ]
    assign = time_to_assign(period, assign_minutes)
    p1 = time_to_arrival(period, Priority.P1)
    sat = satisfaction_stats(marks)
    comp = complaint_stats(live_complaints, now)
    checks = [
        TargetCheck("satisfaction", targets.satisfaction_share, sat.satisfied_share),
        TargetCheck("complaints_on_time", targets.complaints_on_time_share, comp.on_time_share),
        TargetCheck("p1_arrival_on_time", targets.p1_arrival_on_time_share, p1.on_time_share),
        TargetCheck(
            "assign_within_target", targets.assign_within_target_share, assign.within_share
        ),
    ]
    return KpiSnapshot(
        now=now,
        start=start,
        end=end,
        queue_by_priority=queue_by_priority(live),
        queue_by_region=queue_by_region(live),
        oldest_waiting_minutes=oldest_waiting_minutes(live, now),
        sla=sla_risk(live, now, targets.at_risk_share),
        assign=assign,
        arrival=time_to_arrival(period),
        p1_arrival=p1,
        crews=crew_stats(crews),
        remote_fix=remote_fix_rate(period),
        satisfaction=sat,
        complaints=comp,
        targets=checks,
        jobs_opened=len(period),
        jobs_completed=sum(1 for j in period if j.status is RequestStatus.COMPLETED),
    )


@dataclass(frozen=True, slots=True)
class KpiRow:
    """One line of the KPI table in reports: a stable key, a value, a unit, a target."""

    key: str
    value: float | None
    unit: str
    target: float | None = None

    @property
    def met(self) -> bool | None:
        """Whether the value reaches the target (None without either)."""
        if self.target is None or self.value is None:
            return None
        return self.value >= self.target


def kpi_rows(snap: KpiSnapshot) -> list[KpiRow]:
    """The KPI table every report prints, in a fixed order ("%" values are 0-100)."""

    def pct(value: float | None) -> float | None:
        return None if value is None else round(value * 100, 1)

    def mins(value: float | None) -> float | None:
        return None if value is None else round(value, 1)

    target = {t.key: t.target for t in snap.targets}
    rows = [
        KpiRow("jobs_opened", snap.jobs_opened, "count"),
        KpiRow("jobs_completed", snap.jobs_completed, "count"),
        KpiRow("queue_total", snap.queue_total, "count"),
        *(
            KpiRow(f"queue_{p.value.lower()}", n, "count")
            for p, n in snap.queue_by_priority.items()
        ),
        KpiRow("oldest_waiting", mins(snap.oldest_waiting_minutes), "min"),
        KpiRow("sla_at_risk", snap.sla.at_risk, "count"),
        KpiRow("sla_breached", snap.sla.breached, "count"),
        KpiRow("assign_mean", mins(snap.assign.mean_minutes), "min"),
        KpiRow(
            "assign_within_target",
            pct(snap.assign.within_share),
            "%",
            pct(target["assign_within_target"]),
        ),
        KpiRow("arrival_mean", mins(snap.arrival.mean_minutes), "min"),
        KpiRow("arrival_p90", mins(snap.arrival.p90_minutes), "min"),
        KpiRow("arrival_on_time", pct(snap.arrival.on_time_share), "%"),
        KpiRow(
            "p1_arrival_on_time",
            pct(snap.p1_arrival.on_time_share),
            "%",
            pct(target["p1_arrival_on_time"]),
        ),
        KpiRow("crews_on_duty", snap.crews.on_duty, "count"),
        KpiRow("crews_busy", snap.crews.busy, "count"),
        KpiRow("crew_utilisation", pct(snap.crews.utilisation), "%"),
        KpiRow("remote_fix_rate", pct(snap.remote_fix.share), "%"),
        KpiRow("satisfaction_count", snap.satisfaction.count, "count"),
        KpiRow(
            "satisfaction_mean",
            None
            if snap.satisfaction.mean_score is None
            else round(snap.satisfaction.mean_score, 2),
            "score",
        ),
        KpiRow(
            "satisfaction", pct(snap.satisfaction.satisfied_share), "%", pct(target["satisfaction"])
        ),
        KpiRow("complaints_open", snap.complaints.open, "count"),
        KpiRow("complaints_overdue", snap.complaints.overdue, "count"),
        KpiRow(
            "complaints_on_time",
            pct(snap.complaints.on_time_share),
            "%",
            pct(target["complaints_on_time"]),
        ),
    ]
    return rows
