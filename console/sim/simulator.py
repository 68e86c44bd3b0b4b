"""The discrete-event simulator: calls arrive, policies dispatch, crews drive and work.

A plain event loop over a binary heap (``heapq``) rather than SimPy: the model
has no resources to negotiate, only timed state changes, and a heap of tuples
costs about a microsecond per event where SimPy's generator processes cost tens;
the national day has ~150,000 events. Time is in minutes after local midnight.

Dispatch is done per province (crews are not sent across a provincial border):
each province keeps its queue and a :class:`DispatchEngine` over its free crews,
rebuilt only when one of them changed (or the hour did, for peak speeds).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

from console.core import lifecycle
from console.core.capability import CapabilityRules, Needs
from console.core.dispatch import (
    CrewInfo,
    DispatchEngine,
    DispatchWeights,
    RequestInfo,
    skill_mask,
)
from console.core.eta import EstimatedRouting, RoutingProvider
from console.core.sla import SlaTargets
from console.core.vocab import CrewStatus, RequestStatus, VehicleKind
from console.sim.demand import CallSet, offset_many
from console.sim.fleet import SimCrew
from console.sim.policy import Policy

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

DAY_MINUTES = 24 * 60.0
ZONE = ZoneInfo("Asia/Shanghai")

_QUEUE, _ARRIVE, _DEPART, _COMPLETE, _HOME, _WAKE = range(6)
S = RequestStatus


@dataclass
class RunResult:
    """What happened to every call and crew in one simulated day."""

    calls: CallSet
    crews: int
    queued: FloatArray
    assigned: FloatArray
    arrived: FloatArray
    completed: FloatArray
    crew_of: IntArray
    busy_minutes: float
    """Crew-minutes spent on jobs within the day (assignment to completion)."""
    events: int
    dispatch_passes: int


@dataclass
class _Area:
    """One province: its free crews, its queue and its cached engine."""

    code: str
    free: set[int] = field(default_factory=set)
    queue: list[int] = field(default_factory=list)
    engine: DispatchEngine | None = None
    engine_hour: int = -1
    wake_at: float = float("inf")
    free_skills: dict[VehicleKind, int] | None = None
    """Per vehicle kind, the union of the free crews' skills (None: recompute)."""


class _View:
    """The :class:`DispatchView` a policy gets for one area at one moment."""

    def __init__(self, sim: Simulator, area: _Area, now: datetime) -> None:
        self._sim = sim
        self._area = area
        self._now = now

    def engine(self) -> DispatchEngine:
        return self._sim.engine_for(self._area, self._now)

    def request(self, call: int) -> RequestInfo:
        return self._sim.request_info(call)


class Simulator:
    """One simulated day for a fixed set of calls, crews and a policy."""

    def __init__(
        self,
        calls: CallSet,
        crews: Sequence[SimCrew],
        policy: Policy,
        *,
        day: date,
        routing: RoutingProvider | None = None,
        rules: CapabilityRules | None = None,
        weights: DispatchWeights | None = None,
        sla: SlaTargets | None = None,
        unload_minutes: float = 8.0,
        drain_hours: float = 6.0,
        progress: Callable[[float], None] | None = None,
    ) -> None:
        self.calls = calls
        self.crews = list(crews)
        self.policy = policy
        self.start = datetime.combine(day, time(0), tzinfo=ZONE)
        self.routing: RoutingProvider = routing or EstimatedRouting()
        self.rules = rules or CapabilityRules.default()
        self.weights = weights or DispatchWeights()
        self.sla = sla or SlaTargets()
        self._defer_limit = self.weights.defer_limit(self.sla.assign_minutes)
        self._fresh = timedelta(minutes=self.weights.stale_gps_after_minutes / 2)
        self.unload = unload_minutes
        self.horizon = DAY_MINUTES + drain_hours * 60.0
        self.progress = progress
        n = len(calls)
        self.queued = np.full(n, np.nan)
        self.assigned = np.full(n, np.nan)
        self.arrived = np.full(n, np.nan)
        self.completed = np.full(n, np.nan)
        self.crew_of = np.full(n, -1, dtype=np.int64)
        self.status: list[RequestStatus] = [S.NEW] * n
        self._infos: dict[int, RequestInfo] = {}
        self._needs: dict[int, Needs] = {}
        self._wants: dict[int, tuple[tuple[VehicleKind, ...], int]] = {}
        self._index = {crew.id: i for i, crew in enumerate(self.crews)}
        self.crew_lat = np.array([c.lat for c in self.crews], dtype=float)
        self.crew_lon = np.array([c.lon for c in self.crews], dtype=float)
        self.crew_status = [CrewStatus.AVAILABLE] * len(self.crews)
        self.crew_token = [0] * len(self.crews)
        self._skills = [skill_mask(c.skills) for c in self.crews]
        self._crew_infos: list[CrewInfo | None] = [None] * len(self.crews)
        self.busy_since = np.full(len(self.crews), np.nan)
        self.busy_minutes = 0.0
        self.areas: dict[str, _Area] = {}
        for i, crew in enumerate(self.crews):
            self.areas.setdefault(crew.region, _Area(crew.region)).free.add(i)
        self._heap: list[tuple[float, int, int, int]] = []
        self._seq = 0
        self.events = 0
        self.passes = 0

    # ------------------------------------------------------------ plumbing

    def _at(self, minute: float) -> datetime:
        return self.start + timedelta(minutes=minute)

    def _push(self, minute: float, kind: int, subject: int) -> None:
        self._seq += 1
        heapq.heappush(self._heap, (minute, self._seq, kind, subject))

    def _move(self, call: int, target: RequestStatus) -> None:
        lifecycle.check_move(self.status[call], target)
        self.status[call] = target

    def request_info(self, call: int) -> RequestInfo:
        """The engine's view of call ``call`` (its id is the call index)."""
        info = self._infos.get(call)
        if info is None:
            c = self.calls
            info = RequestInfo(
                id=call,
                reference=f"SIM-{call:06d}",
                lat=float(c.lat[call]),
                lon=float(c.lon[call]),
                road_type=c.road[call],
                service_type=c.service[call],
                priority=c.priority[call],
                powertrain=c.powertrain[call],
                vehicle_class=c.vehicle_class[call],
                awd=bool(c.awd[call]),
                caller_language=c.language[call],
                queued_at=self._at(float(self.queued[call])),
            )
            self._infos[call] = info
        return info

    def _needs_of(self, call: int) -> Needs:
        needs = self._needs.get(call)
        if needs is None:
            needs = self.rules.needs(self.request_info(call).facts())
            self._needs[call] = needs
        return needs

    def engine_for(self, area: _Area, now: datetime) -> DispatchEngine:
        """The area's engine over its free crews, rebuilt only when stale."""
        hour = now.astimezone(ZONE).hour
        if area.engine is None or area.engine_hour != hour:
            members = sorted(area.free)
            infos = [self._crew_info(i, now) for i in members]
            area.engine = DispatchEngine(
                infos, now=now, rules=self.rules, routing=self.routing, weights=self.weights,
                timezone=ZONE, sla=self.sla,
            )  # fmt: skip
            area.engine_hour = hour
        area.engine.now = now
        return area.engine

    def _crew_info(self, i: int, now: datetime) -> CrewInfo:
        # The twin's crews report their position all the time: a fix is never stale. A
        # cached info is reused while its fix is younger than half the staleness limit
        # (the engine reads the fix's age only to flag stale crews).
        cached = self._crew_infos[i]
        if cached is not None and cached.gps_at is not None and now - cached.gps_at < self._fresh:
            return cached
        crew = self.crews[i]
        info = CrewInfo(
            crew.id, crew.call_sign, crew.depot_id, crew.partner_id, crew.region,
            crew.vehicle_kind, crew.skills, CrewStatus.AVAILABLE,
            float(self.crew_lat[i]), float(self.crew_lon[i]), now, self.crew_token[i],
        )  # fmt: skip
        self._crew_infos[i] = info
        return info

    def _travel(self, i: int, lat: float, lon: float, call: int, minute: float) -> float:
        minutes, _ = self.routing.travel_minutes(
            self.crew_lat[i : i + 1],
            self.crew_lon[i : i + 1],
            lat,
            lon,
            road=self.calls.road[call],
            local_hour=int(minute // 60) % 24,
            region=self.crews[i].region,
        )
        return float(minutes[0])

    def _changed(self, area: _Area) -> None:
        area.engine = None
        area.free_skills = None

    # ------------------------------------------------------------ the loop

    def run(self) -> RunResult:
        """Simulate the day and the drain period; return every call's times."""
        calls = self.calls
        for call in range(len(calls)):
            self._push(float(calls.minute[call] + calls.queue_delay[call]), _QUEUE, call)
        total = len(self._heap) or 1
        handlers = {
            _QUEUE: self._on_queue,
            _ARRIVE: self._on_arrive,
            _DEPART: self._on_depart,
            _COMPLETE: self._on_complete,
            _HOME: self._on_home,
            _WAKE: self._on_wake,
        }
        done = 0
        while self._heap:
            minute, _, kind, subject = heapq.heappop(self._heap)
            if minute > self.horizon:
                break
            self.events += 1
            handlers[kind](minute, subject)
            if kind == _QUEUE:
                done += 1
                if self.progress is not None and done % 500 == 0:
                    self.progress(done / total)
        # Jobs still running at the end of the day count as busy until midnight.
        running = ~np.isnan(self.busy_since)
        self.busy_minutes += float(np.sum(np.clip(DAY_MINUTES - self.busy_since[running], 0, None)))
        if self.progress is not None:
            self.progress(1.0)
        return RunResult(
            calls=calls,
            crews=len(self.crews),
            queued=self.queued,
            assigned=self.assigned,
            arrived=self.arrived,
            completed=self.completed,
            crew_of=self.crew_of,
            busy_minutes=self.busy_minutes,
            events=self.events,
            dispatch_passes=self.passes,
        )

    def _on_queue(self, minute: float, call: int) -> None:
        self._move(call, S.TRIAGE)
        self.queued[call] = minute
        if self.calls.remote[call] or self._needs_of(call).no_crew:
            self._move(call, S.RESOLVED_REMOTELY)
            return
        self._move(call, S.QUEUED)
        area = self.areas.get(self.calls.region[call])
        if area is None:
            return  # no crew in this province: the call stays unserved
        needs = self._needs_of(call)
        self._wants[call] = (tuple(needs.kinds), skill_mask(needs.skills))
        area.queue.append(call)
        self._dispatch(area, minute)

    def _on_arrive(self, minute: float, call: int) -> None:
        self._move(call, S.ON_SCENE)
        self.arrived[call] = minute
        i = self._index[int(self.crew_of[call])]
        self.crew_status[i] = CrewStatus.ON_SCENE
        self._crew_infos[i] = None
        self.crew_lat[i] = self.calls.lat[call]
        self.crew_lon[i] = self.calls.lon[call]
        self._push(minute + float(self.calls.on_scene[call]), _DEPART, call)

    def _on_depart(self, minute: float, call: int) -> None:
        calls = self.calls
        if calls.service[call].value != "TOW":
            self._on_complete(minute, call)
            return
        self._move(call, S.TOWING)
        i = self._index[int(self.crew_of[call])]
        self.crew_status[i] = CrewStatus.TOWING
        circuity = 1.3
        lat, lon = offset_many(
            calls.lat[call : call + 1],
            calls.lon[call : call + 1],
            calls.tow_km[call : call + 1] / circuity,
            calls.tow_bearing[call : call + 1],
        )
        leg = self._travel(i, float(lat[0]), float(lon[0]), call, minute)
        self._crew_infos[i] = None
        self.crew_lat[i], self.crew_lon[i] = float(lat[0]), float(lon[0])
        self._push(minute + leg + self.unload, _COMPLETE, call)

    def _on_complete(self, minute: float, call: int) -> None:
        self._move(call, S.COMPLETED)
        self.completed[call] = minute
        i = self._index[int(self.crew_of[call])]
        self.busy_minutes += max(0.0, min(minute, DAY_MINUTES) - float(self.busy_since[i]))
        self.busy_since[i] = np.nan
        self.crew_status[i] = CrewStatus.AVAILABLE
        self.crew_token[i] += 1
        self._crew_infos[i] = None
        crew = self.crews[i]
        area = self.areas[crew.region]
        area.free.add(i)
        self._changed(area)
        home = self._travel(i, crew.depot_lat, crew.depot_lon, call, minute)
        # The token tells the home-coming apart from a later job's.
        self._push(minute + home, _HOME, i * 1_000_000 + self.crew_token[i] % 1_000_000)
        if area.queue:
            self._dispatch(area, minute)

    def _on_home(self, minute: float, subject: int) -> None:
        i, token = divmod(subject, 1_000_000)
        if (
            self.crew_token[i] % 1_000_000 != token
            or self.crew_status[i] is not CrewStatus.AVAILABLE
        ):
            return
        crew = self.crews[i]
        self._crew_infos[i] = None
        self.crew_lat[i], self.crew_lon[i] = crew.depot_lat, crew.depot_lon
        self._changed(self.areas[crew.region])

    def _on_wake(self, minute: float, region: int) -> None:
        area = self.areas[f"{region:02d}"]
        area.wake_at = float("inf")
        if area.queue:
            self._dispatch(area, minute)

    # ------------------------------------------------------------ dispatch

    def _servable(self, area: _Area) -> list[int]:
        """Queued calls some free crew of the area could serve (by vehicle kind and skills)."""
        free_kinds = area.free_skills
        if free_kinds is None:
            free_kinds = {}
            for i in area.free:
                kind = self.crews[i].vehicle_kind
                free_kinds[kind] = free_kinds.get(kind, 0) | self._skills[i]
            area.free_skills = free_kinds
        servable = []
        for call in area.queue:
            kinds, required = self._wants[call]
            for kind in kinds:
                have = free_kinds.get(kind)
                if have is not None and have & required == required:
                    servable.append(call)
                    break
        return servable

    def _dispatch(self, area: _Area, minute: float) -> None:
        now = self._at(minute)
        while area.free and area.queue:
            servable = self._servable(area)
            if not servable:
                return
            self.passes += 1
            chosen = self.policy.choose(_View(self, area, now), servable)
            for assignment in chosen:
                self._assign(area, assignment.call, assignment.crew_id, minute)
            if chosen:
                taken = {a.call for a in chosen}
                area.queue = [c for c in area.queue if c not in taken]
            if not chosen or self.policy.single_pass:
                break
        if area.queue and area.free:
            self._wake_later(area, minute)

    def _wake_later(self, area: _Area, minute: float) -> None:
        """Ask again when the oldest waiting request must no longer be deferred.

        That is before its assignment deadline (the engine's defer limit keeps the
        decision interval in hand), so a deferred request is still assigned in time.
        """
        limit = self._defer_limit
        due = [float(self.queued[c]) + limit for c in area.queue if self.queued[c] + limit > minute]
        retry = max(limit, self.weights.decision_interval_minutes)
        when = min(due) + 1e-6 if due else minute + retry
        if when < area.wake_at:
            area.wake_at = when
            self._push(when, _WAKE, int(area.code))

    def _assign(self, area: _Area, call: int, crew_id: int, minute: float) -> None:
        i = self._index[crew_id]
        if i not in area.free or self.status[call] is not S.QUEUED:
            raise RuntimeError(f"policy {self.policy.name} chose a busy crew or a served call")
        self._move(call, S.ASSIGNED)
        self._move(call, S.EN_ROUTE)
        area.free.discard(i)
        self._changed(area)
        self.crew_status[i] = CrewStatus.EN_ROUTE
        self.crew_token[i] += 1
        self.busy_since[i] = min(minute, DAY_MINUTES)
        self.assigned[call] = minute
        self.crew_of[call] = crew_id
        travel = self._travel(
            i, float(self.calls.lat[call]), float(self.calls.lon[call]), call, minute
        )
        self._push(minute + travel, _ARRIVE, call)
