"""The discrete-event simulator: calls arrive, policies dispatch, crews drive and work.

A plain event loop over a binary heap (``heapq``) rather than SimPy: the model
has no resources to negotiate, only timed state changes, and a heap of tuples
costs about a microsecond per event where SimPy's generator processes cost tens;
the national day has ~150,000 events. Time is in minutes after local midnight.

Dispatch is done per province: each province keeps its queue and a
:class:`DispatchEngine` over its free crews, rebuilt only when one of them
changed (or the hour did, for peak speeds).

Across a provincial border, as a real centre does with a partner depot over the
border: a queued call is *offered* to a neighbouring province's crews when

* no capable crew of its own province is free (or the province has none): it
  is offered at once to the neighbours with a free capable crew, nearest (by
  ETA) first, and stays a guest of the others until one of theirs is free; or
* the crew its own province's policy chose would miss the call's arrival
  target (time waited + ETA) while a crew over the border would arrive sooner:
  that crew's ETA plus the border's coordination cost (``border_minutes``) is
  lower. The best such neighbour is asked first; if it does not take the call,
  the own crew goes (a call is offered over the border this way only once).

An offered call joins the neighbour's dispatch passes as a guest (beside the
neighbour's own queue, oldest first) until some province's crew takes it; the
policy there chooses as for its own calls, so every policy works unchanged. A
crew sent over the border arrives ``border_minutes`` later than its drive (the
partner centre is called first). The neighbours worth asking are the
provinces of the depots nearest the call (a static k-d tree of depot positions);
a call needing a capability none of them has is offered to the nearest province
that has it. A call that no crew of the whole fleet could serve (no crew with
the vehicle kind and skills it needs) is a *coverage hole*: it is never queued
for dispatch, and :attr:`RunResult.holes` lists it.

A policy with a ``rebalance`` method moves idle crews (move-up): every
``rebalance_minutes`` of the day it returns :class:`Relocation` orders, and
each crew drives to its new station while staying free and dispatchable (it
shows where it set off until it arrives, as on the drive home after a job).
Crews drive back to their station, their own depot or the one they were
moved to, after every job.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt
from scipy.spatial import cKDTree

from console.core import lifecycle
from console.core.capability import CapabilityRules, Needs
from console.core.dispatch import (
    CrewInfo,
    DispatchEngine,
    DispatchWeights,
    RequestInfo,
    skill_mask,
    unit_vectors,
)
from console.core.eta import EstimatedRouting, RoutingProvider
from console.core.geo import haversine_km
from console.core.sla import SlaTargets
from console.core.vocab import CrewStatus, RequestStatus, RoadType, VehicleKind
from console.sim.cover.forecast import DemandForecast
from console.sim.demand import CallSet, offset_many
from console.sim.fleet import SimCrew
from console.sim.policy import FleetView, Policy, Relocation
from console.sim.scenario import BORDER_MINUTES

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

DAY_MINUTES = 24 * 60.0
ZONE = ZoneInfo("Asia/Shanghai")

_QUEUE, _ARRIVE, _DEPART, _COMPLETE, _HOME, _WAKE, _REBALANCE = range(7)
TOWN_KM = 20.0
"""Relocation drives shorter than this go through town; longer ones by expressway."""
S = RequestStatus

NEIGHBOURS = 3
"""Provinces over the border a call is offered to (the nearest ones by depot)."""
NEAREST_DEPOTS = 24
"""Depots looked at to find those provinces."""

Skills = dict[VehicleKind, int]
"""Per vehicle kind, the union of some crews' skills (bit masks)."""


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
    relocations: int = 0
    """Move-up orders carried out (moves out and back home)."""
    holes: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    """Calls no crew of the fleet could serve (coverage holes), in arrival order."""
    border_crossings: int = 0
    """Calls served by a crew from another province."""


@dataclass
class _Area:
    """One province: its free crews, its queues and its cached engine."""

    code: str
    free: set[int] = field(default_factory=set)
    queue: list[int] = field(default_factory=list)
    guests: list[int] = field(default_factory=list)
    """Calls from other provinces offered this province's crews."""
    skills: Skills = field(default_factory=dict)
    """Per vehicle kind, the union of all its crews' skills (free or not)."""
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

    def fleet(self) -> FleetView:
        return self._sim


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
        border_minutes: float = BORDER_MINUTES,
        progress: Callable[[float], None] | None = None,
        forecast: DemandForecast | None = None,
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
        self.border = border_minutes
        self.horizon = DAY_MINUTES + drain_hours * 60.0
        self.progress = progress
        self.forecast = forecast
        self.minute = 0.0
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
        self.free = np.ones(len(self.crews), dtype=bool)
        self.station = np.array([c.depot_id for c in self.crews], dtype=np.int64)
        self._stations = {c.depot_id: (c.depot_lat, c.depot_lon) for c in self.crews}
        self.relocations = 0
        self.busy_since = np.full(len(self.crews), np.nan)
        self.busy_minutes = 0.0
        self.areas: dict[str, _Area] = {}
        self._fleet_skills: Skills = {}
        for i, crew in enumerate(self.crews):
            area = self.areas.setdefault(crew.region, _Area(crew.region))
            area.free.add(i)
            for pool in (area.skills, self._fleet_skills):
                pool[crew.vehicle_kind] = pool.get(crew.vehicle_kind, 0) | self._skills[i]
        depots = sorted({(c.depot_lat, c.depot_lon, c.region) for c in self.crews})
        self._depot_region = [region for _, _, region in depots]
        self._depots = cKDTree(
            unit_vectors(
                np.array([d[0] for d in depots], dtype=float),
                np.array([d[1] for d in depots], dtype=float),
            )
        )
        self._abroad: dict[int, list[str]] = {}
        """Per call offered over the border, the provinces it is a guest of."""
        self.holes: list[int] = []
        self.crossings = 0
        self._active: set[str] = set()
        """Areas in the middle of a dispatch pass."""
        self._heap: list[tuple[float, int, int, int]] = []
        self._seq = 0
        self.events = 0
        self.passes = 0

    @property
    def roster(self) -> Sequence[SimCrew]:
        """Every crew of the day (the :class:`FleetView` a policy gets)."""
        return self.crews

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
            _REBALANCE: self._on_rebalance,
        }
        if getattr(self.policy, "rebalance", None) is not None:
            self._push(0.0, _REBALANCE, 0)
        done = 0
        while self._heap:
            minute, _, kind, subject = heapq.heappop(self._heap)
            if minute > self.horizon:
                break
            self.events += 1
            self.minute = minute
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
            relocations=self.relocations,
            holes=np.array(self.holes, dtype=np.int64),
            border_crossings=self.crossings,
        )

    def _on_queue(self, minute: float, call: int) -> None:
        self._move(call, S.TRIAGE)
        self.queued[call] = minute
        if self.calls.remote[call] or self._needs_of(call).no_crew:
            self._move(call, S.RESOLVED_REMOTELY)
            return
        self._move(call, S.QUEUED)
        needs = self._needs_of(call)
        self._wants[call] = (tuple(needs.kinds), skill_mask(needs.skills))
        if not self._can(self._fleet_skills, call):
            self.holes.append(call)  # no crew of the fleet could ever serve it
            return
        region = self.calls.region[call]
        area = self.areas.setdefault(region, _Area(region))
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
        self.free[i] = True
        self.crew_status[i] = CrewStatus.AVAILABLE
        self.crew_token[i] += 1
        self._crew_infos[i] = None
        crew = self.crews[i]
        area = self.areas[crew.region]
        area.free.add(i)
        self._changed(area)
        home_lat, home_lon = self._stations[int(self.station[i])]
        home = self._travel(i, home_lat, home_lon, call, minute)
        # The token tells the home-coming apart from a later job's.
        self._push(minute + home, _HOME, i * 1_000_000 + self.crew_token[i] % 1_000_000)
        if area.queue or area.guests:
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
        self.crew_lat[i], self.crew_lon[i] = self._stations[int(self.station[i])]
        self._changed(self.areas[crew.region])

    def _on_wake(self, minute: float, region: int) -> None:
        area = self.areas[f"{region:02d}"]
        area.wake_at = float("inf")
        if area.queue or area.guests:
            self._dispatch(area, minute)

    def _on_rebalance(self, minute: float, _: int) -> None:
        rebalance = getattr(self.policy, "rebalance", None)
        if rebalance is None:
            return
        for order in rebalance(self, minute):
            self.relocate(order, minute)
        every = float(getattr(self.policy, "rebalance_minutes", 15.0))
        if minute + every < DAY_MINUTES:
            self._push(minute + every, _REBALANCE, 0)

    def relocate(self, order: Relocation, minute: float) -> None:
        """Send a free crew to be based at another depot; it stays free while it drives."""
        i = self._index[order.crew_id]
        if not self.free[i] or order.depot_id not in self._stations:
            raise RuntimeError(f"policy {self.policy.name} moved a busy crew or to no depot")
        self.station[i] = order.depot_id
        self.relocations += 1
        lat, lon = self._stations[order.depot_id]
        road = (
            RoadType.URBAN
            if haversine_km(float(self.crew_lat[i]), float(self.crew_lon[i]), lat, lon) < TOWN_KM
            else RoadType.EXPRESSWAY
        )
        minutes, _ = self.routing.travel_minutes(
            self.crew_lat[i : i + 1], self.crew_lon[i : i + 1], lat, lon,
            road=road, local_hour=int(minute // 60) % 24, region=self.crews[i].region,
        )  # fmt: skip
        self.crew_token[i] += 1
        self._crew_infos[i] = None
        self._changed(self.areas[self.crews[i].region])
        self._push(
            minute + float(minutes[0]), _HOME, i * 1_000_000 + self.crew_token[i] % 1_000_000
        )

    # ------------------------------------------------------------ dispatch

    def _free_skills(self, area: _Area) -> Skills:
        free_kinds = area.free_skills
        if free_kinds is None:
            free_kinds = {}
            for i in area.free:
                kind = self.crews[i].vehicle_kind
                free_kinds[kind] = free_kinds.get(kind, 0) | self._skills[i]
            area.free_skills = free_kinds
        return free_kinds

    def _can(self, skills: Skills, call: int) -> bool:
        """True when crews with ``skills`` include one capable of serving ``call``."""
        kinds, required = self._wants[call]
        for kind in kinds:
            have = skills.get(kind)
            if have is not None and have & required == required:
                return True
        return False

    def _waiting(self, area: _Area) -> list[int]:
        """The area's own queue and its guests, oldest first."""
        if not area.guests:
            return area.queue
        return sorted([*area.queue, *area.guests], key=lambda c: (self.queued[c], c))

    def _servable(self, area: _Area) -> list[int]:
        """Waiting calls some free crew of the area could serve (by vehicle kind and skills)."""
        free_kinds = self._free_skills(area)
        return [call for call in self._waiting(area) if self._can(free_kinds, call)]

    def _dispatch(self, area: _Area, minute: float) -> None:
        if area.code in self._active:
            # Asked from within its own pass (via a neighbour): look again right after it.
            self._wake(area, minute)
            return
        self._active.add(area.code)
        try:
            pending = self._passes(area, minute)
        finally:
            self._active.discard(area.code)
        if area.queue:
            # Calls its own free crews cannot serve are offered over the border.
            free_kinds = self._free_skills(area)
            for call in [c for c in area.queue if c not in self._abroad]:
                if not self._can(free_kinds, call):
                    self._offer_abroad(area, call, minute)
        if pending and (area.queue or area.guests) and area.free:
            self._wake_later(area, minute)

    def _passes(self, area: _Area, minute: float) -> bool:
        """Let the policy choose until it stops; True when servable calls were left."""
        now = self._at(minute)
        while area.free and (area.queue or area.guests):
            servable = self._servable(area)
            if not servable:
                return False
            self.passes += 1
            chosen = self.policy.choose(_View(self, area, now), servable)
            for assignment in chosen:
                # A call a neighbour took meanwhile (it was a guest there too) is skipped.
                if self.status[assignment.call] is S.QUEUED:
                    self._assign(area, assignment.call, assignment.crew_id, minute)
            if not chosen or self.policy.single_pass:
                return True
        return False

    def _wake_later(self, area: _Area, minute: float) -> None:
        """Ask again when the oldest waiting request must no longer be deferred.

        That is before its assignment deadline (the engine's defer limit keeps the
        decision interval in hand), so a deferred request is still assigned in time.
        """
        limit = self._defer_limit
        due = [
            float(self.queued[c]) + limit
            for c in self._waiting(area)
            if self.queued[c] + limit > minute
        ]
        retry = max(limit, self.weights.decision_interval_minutes)
        self._wake(area, min(due) + 1e-6 if due else minute + retry)

    def _wake(self, area: _Area, when: float) -> None:
        if when < area.wake_at:
            area.wake_at = when
            self._push(when, _WAKE, int(area.code))

    # ------------------------------------------------------------ over the border

    def _target(self, call: int) -> float:
        """The call's arrival target in minutes from queueing."""
        return float(self.sla.arrival_minutes[self.calls.priority[call]][self.calls.road[call]])

    def _best_eta(self, area: _Area, call: int, minute: float) -> float:
        """The ETA of the area's nearest free capable crew to ``call`` (inf: none).

        Straight from the free crews' positions: cheaper than rebuilding the area's
        engine, which only the province that gets the call needs.
        """
        kinds, required = self._wants[call]
        members = [
            i
            for i in area.free
            if self.crews[i].vehicle_kind in kinds and self._skills[i] & required == required
        ]
        if not members:
            return float("inf")
        at = np.array(members, dtype=np.int64)
        minutes, _ = self.routing.travel_minutes(
            self.crew_lat[at],
            self.crew_lon[at],
            float(self.calls.lat[call]),
            float(self.calls.lon[call]),
            road=self.calls.road[call],
            local_hour=int(minute // 60) % 24,
            region=area.code,
        )
        return float(minutes.min())

    def _neighbours(self, call: int, home: str) -> list[_Area]:
        """Provinces over the border worth asking for ``call``, nearest first.

        The provinces of the depots nearest the call that have a capable crew; when
        none of them has one, the nearest province that has.
        """
        point = unit_vectors(self.calls.lat[call : call + 1], self.calls.lon[call : call + 1])[0]
        found: list[_Area] = []
        for k in (min(NEAREST_DEPOTS, self._depots.n), self._depots.n):
            _, nearest = self._depots.query(point, k=k)
            for d in np.atleast_1d(nearest).tolist():
                code = self._depot_region[d]
                area = self.areas[code]
                if code != home and area not in found and self._can(area.skills, call):
                    found.append(area)
                    if len(found) == NEIGHBOURS:
                        return found
            if found:
                return found
        return found

    def _offer_abroad(self, home: _Area, call: int, minute: float) -> None:
        """Offer ``call``, which no free crew of its own province can serve, over the border.

        The provinces with a free capable crew are asked at once, nearest (by ETA)
        first; the others keep the call as a guest until a crew of theirs is free.
        """
        if call in self._abroad or self.status[call] is not S.QUEUED:
            return
        if self._can(self._free_skills(home), call):
            return
        neighbours = self._neighbours(call, home.code)
        ranked = sorted(
            (self._best_eta(area, call, minute), n)
            if self._can(self._free_skills(area), call)
            else (float("inf"), n)
            for n, area in enumerate(neighbours)
        )
        self._guest(call, [neighbours[n] for _, n in ranked], minute)

    def _taken_abroad(self, call: int, own_eta: float, minute: float) -> bool:
        """Offer ``call`` over the border when its own crew would miss the target and a
        crew over the border would arrive sooner; True when one of them took it."""
        waited = minute - float(self.queued[call])
        if call in self._abroad or waited + own_eta <= self._target(call):
            return False
        options = [
            (self._best_eta(area, call, minute) + self.border, n, area)
            for n, area in enumerate(self._neighbours(call, self.calls.region[call]))
            if self._can(self._free_skills(area), call)
        ]
        best = min(options, default=None)
        if best is None or best[0] >= own_eta:
            return False
        self._guest(call, [best[2]], minute)
        return self.status[call] is not S.QUEUED

    def _guest(self, call: int, areas: list[_Area], minute: float) -> None:
        """Make ``call`` a guest of ``areas`` and let them dispatch, in that order."""
        self._abroad[call] = [area.code for area in areas]
        for area in areas:
            area.guests.append(call)
        for area in areas:
            if self.status[call] is not S.QUEUED:
                break
            if area.free:
                self._dispatch(area, minute)

    def _assign(self, area: _Area, call: int, crew_id: int, minute: float) -> None:
        i = self._index[crew_id]
        if i not in area.free or self.status[call] is not S.QUEUED:
            raise RuntimeError(f"policy {self.policy.name} chose a busy crew or a served call")
        travel = self._travel(
            i, float(self.calls.lat[call]), float(self.calls.lon[call]), call, minute
        )
        if self.crews[i].region != self.calls.region[call]:
            travel += self.border  # the partner centre over the border is called first
            self.crossings += 1
        elif self._taken_abroad(call, travel, minute):
            return
        self._move(call, S.ASSIGNED)
        self._move(call, S.EN_ROUTE)
        self.areas[self.calls.region[call]].queue.remove(call)
        for code in self._abroad.pop(call, ()):
            self.areas[code].guests.remove(call)
        area.free.discard(i)
        self.free[i] = False
        self._changed(area)
        self.crew_status[i] = CrewStatus.EN_ROUTE
        self.crew_token[i] += 1
        self.busy_since[i] = min(minute, DAY_MINUTES)
        self.assigned[call] = minute
        self.crew_of[call] = crew_id
        self._push(minute + travel, _ARRIVE, call)
