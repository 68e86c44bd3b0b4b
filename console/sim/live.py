"""The live demo: the twin played in real time against a database, through the service layer.

New calls come in (the simulator's demand model, replayed at the local time of
day, at the seeded history's pace: ``console.core.demo_volume``), some are assigned by the twin with the engine's first suggestion and the
rest are left for the human dispatcher (the twin steps in only when one has
waited ``takeover_minutes``). Every crew on a job - whoever assigned it - is
driven: en route, GPS fixes along the way, on scene, towing, completed.

Vehicle movements go in as real vehicles' do: each crew the twin drives has a
registered device (:mod:`console.sim.live_devices`), and every tick's fixes are
one batch through the telemetry store's batch writer (source ``demo``): one
transaction and one ledger event per tick, not one per fix.

Runs on a worker thread; the console sees its writes through the change feed.
A human may act on the same requests at any time: every refused write
(illegal move, crew taken, stale version) is logged at INFO and the twin
re-reads the request, so it never fights the dispatcher and never crashes.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import TypeVar
from zoneinfo import ZoneInfo

import numpy as np
from sqlalchemy import Engine

from console.core.capability import CapabilityRules
from console.core.demo_volume import CALLS_PER_DAY, HOURLY_WEIGHT
from console.core.errors import DomainError
from console.core.eta import EstimatedRouting, RoutingProvider
from console.core.field.fix import Fix, FixSource, Verdict
from console.core.field.ports import StoreUnavailable
from console.core.fleet_layout import load_cities
from console.core.geo import ServiceArea
from console.core.intake import RequestDraft
from console.core.lifecycle import CREW_HOLDING
from console.core.records import RequestRow
from console.core.roles import Principal
from console.core.sla import SlaTargets
from console.core.vocab import CallerLanguage, Powertrain, RequestStatus, RoadType, ServiceType
from console.db.backend import DatabaseBackend
from console.db.seed import (
    EXPRESSWAYS,
    FOREIGN_NAMES,
    GIVEN_NAMES,
    PROVINCE_ABBREVIATION,
    RURAL_ROADS,
    SURNAMES,
    URBAN_ROADS,
    VEHICLES,
)
from console.db.telemetry.store import TelemetryStore
from console.sim.demand import CallSet, generate_calls, offset_many, streams
from console.sim.live_devices import DemoDevices
from console.sim.scenario import Region, Scenario, load_scenario

log = logging.getLogger(__name__)

T = TypeVar("T")

DEMO_ACTOR = "demo-twin"
"""The ledger actor of every write the demo makes."""
S = RequestStatus


def demo_scenario() -> Scenario:
    """The live-demo scenario, calling at the seeded history's daily volume and hourly profile.

    The history the dashboard shows and the shift the dispatcher works must have
    one pace: at the scenario's own national volume the queue grew by a hundred
    requests an hour.
    """
    paced = Region(code="", calls=float(CALLS_PER_DAY), profile=tuple(map(float, HOURLY_WEIGHT)))
    return replace(load_scenario("live-demo"), regions=(paced,), demand_scale=1.0)


@dataclass
class _Job:
    """A crew on a request, as the twin drives it (times in demo minutes)."""

    request_id: int
    crew_id: int
    status: RequestStatus
    version: int
    next_at: float
    origin: tuple[float, float]
    target: tuple[float, float]
    leg_start: float
    leg_end: float
    service: ServiceType
    road: RoadType
    last_fix: float = -math.inf


class LiveDemo:
    """Plays the digital twin in real time (times ``speed``) through the service layer."""

    def __init__(
        self,
        engine: Engine,
        *,
        speed: float = 5.0,
        scenario: Scenario | None = None,
        seed: int | None = None,
        sla: SlaTargets | None = None,
        timezone: str = "Asia/Shanghai",
        rules: CapabilityRules | None = None,
        routing: RoutingProvider | None = None,
        assign_share: float = 0.6,
        takeover_minutes: float = 15.0,
        tick_seconds: float = 1.0,
        fix_every_minutes: float = 2.0,
        wall_clock: Callable[[], float] = time.monotonic,
        local_start: Callable[[], datetime] | None = None,
    ) -> None:
        if not 0.1 <= speed <= 1000:
            raise ValueError("speed must be from 0.1 to 1000")
        self.backend = DatabaseBackend(
            engine,
            principal=Principal.system(DEMO_ACTOR),
            sla=sla,
            timezone=timezone,
            rules=rules,
            routing=routing,
        )
        self.services = self.backend.services
        self.fixes = TelemetryStore(engine, clock=lambda: datetime.now(UTC), actor=DEMO_ACTOR)
        self.devices = DemoDevices(engine, actor=DEMO_ACTOR)
        self.speed = speed
        self.scenario = scenario or demo_scenario()
        self.zone = ZoneInfo(timezone)
        self._local_start = local_start or (lambda: datetime.now(self.zone))
        self.routing: RoutingProvider = routing or EstimatedRouting()
        self.assign_share = assign_share
        self.takeover = takeover_minutes
        self.tick = tick_seconds
        self.fix_every = fix_every_minutes
        self.wall = wall_clock
        self.rng = np.random.default_rng(seed)
        self._seed = int(self.rng.integers(2**31))
        self._cities = load_cities()
        self._area = ServiceArea.default()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._jobs: dict[int, _Job] = {}
        self._batch: dict[int, tuple[float, float]] = {}
        """Crew -> where this tick's fix puts it; written as one batch at the end of the tick."""
        self._last_fix_at: datetime | None = None
        self._waiting: dict[int, float] = {}
        """Queued requests -> demo minute at which the twin assigns them itself."""
        self._revision = 0
        self._day = 0
        self._calls: CallSet | None = None
        self._next_call = 0
        self.counts = dict.fromkeys(
            ("calls", "assigned", "moves", "fixes", "batches", "refused"), 0
        )

    # ------------------------------------------------------------ thread

    def start(self) -> None:
        """Start the worker thread."""
        self._thread = threading.Thread(target=self.run, name="demo-twin", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Ask the worker to finish its current step and wait for it."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
        self.backend.close()
        log.info("demo twin stopped: %s", self.counts)

    def begin(self) -> None:
        """Pin demo time to the local time of day now and pick up the jobs already open."""
        local = self._local_start().astimezone(self.zone)
        self._origin_minute = local.hour * 60 + local.minute + local.second / 60
        self._origin_wall = self.wall()
        log.info("demo twin started at %.1fx speed", self.speed)
        self._sync(initial=True)

    def run(self) -> None:
        """The worker loop: one step per tick until stopped."""
        self.begin()
        while not self._stop.is_set():
            try:
                self.step()
            except DomainError as exc:
                log.info("demo twin: step skipped: %s", exc.english())
            except Exception:  # the demo must never take the console down
                log.warning("demo twin: step failed", exc_info=True)
            self._stop.wait(self.tick)

    def now(self) -> float:
        """Demo minutes since local midnight of the first day (runs ``speed`` times too fast)."""
        return self._origin_minute + (self.wall() - self._origin_wall) * self.speed / 60.0

    # ------------------------------------------------------------ steps

    def step(self) -> None:
        """New calls, the twin's assignments, and every crew's progress up to now."""
        minute = self.now()
        self._sync()
        self._new_calls(minute)
        self._assign_due(minute)
        try:
            for job in list(self._jobs.values()):
                if self._stop.is_set():
                    return
                self._advance(job, minute)
        finally:
            self._write_fixes()

    def _sync(self, *, initial: bool = False) -> None:
        """Follow the requests that changed (also the human dispatcher's work)."""
        changes = (
            self.backend.open_requests()
            if initial
            else self.backend.requests_changed_since(self._revision)
        )
        self._revision = max(self._revision, changes.revision)
        minute = self.now()
        for row in changes.requests:
            self._follow(row, minute)

    def _follow(self, row: RequestRow, minute: float) -> None:
        job = self._jobs.get(row.id)
        if row.status in CREW_HOLDING and row.assigned_crew_id is not None:
            if job is None or job.crew_id != row.assigned_crew_id or job.status is not row.status:
                self._jobs[row.id] = self._adopt(row, minute, job)
            else:
                job.version = row.version
            self._waiting.pop(row.id, None)
            return
        self._jobs.pop(row.id, None)
        if row.status is S.QUEUED:
            self._waiting.setdefault(row.id, minute + self.takeover)
        else:
            self._waiting.pop(row.id, None)

    def _adopt(self, row: RequestRow, minute: float, old: _Job | None) -> _Job:
        crew = next((c for c in self.backend.crews() if c.id == row.assigned_crew_id), None)
        here = (crew.lat, crew.lon) if crew else (row.lat, row.lon)
        site = (row.lat, row.lon)
        travel = self._minutes(here, site, row.road_type, minute)
        if old is not None and old.crew_id == row.assigned_crew_id and old.status is S.EN_ROUTE:
            travel = max(0.5, old.leg_end - minute)
        job = _Job(
            request_id=row.id,
            crew_id=int(row.assigned_crew_id or 0),
            status=row.status,
            version=row.version,
            next_at=minute + float(self.rng.uniform(1.0, 3.0)),
            origin=here,
            target=site,
            leg_start=minute,
            leg_end=minute + travel,
            service=row.service_type,
            road=row.road_type,
        )
        if row.status is S.EN_ROUTE:
            job.next_at = job.leg_end
        elif row.status is S.ON_SCENE:
            job.next_at = minute + self._on_scene(row.service_type)
        elif row.status is S.TOWING:
            self._tow_leg(job, minute)
        return job

    def _minutes(
        self,
        origin: tuple[float, float],
        target: tuple[float, float],
        road: RoadType,
        minute: float,
    ) -> float:
        travel, _ = self.routing.travel_minutes(
            np.array([origin[0]]), np.array([origin[1]]), target[0], target[1],
            road=road, local_hour=int(minute // 60) % 24,
        )  # fmt: skip
        return float(travel[0])

    def _on_scene(self, service: ServiceType) -> float:
        median, sigma = self.scenario.on_scene.get(service, (15.0, 0.4))
        return max(1.0, float(median * math.exp(sigma * self.rng.standard_normal())))

    def _tow_leg(self, job: _Job, minute: float) -> None:
        median, sigma = self.scenario.tow_km
        km = median * math.exp(sigma * self.rng.standard_normal())
        lat, lon = offset_many(
            np.array([job.target[0]]), np.array([job.target[1]]),
            np.array([km / 1.3]), np.array([self.rng.uniform(0, 2 * math.pi)]),
        )  # fmt: skip
        job.origin, job.target = job.target, (float(lat[0]), float(lon[0]))
        job.leg_start = minute
        job.leg_end = minute + self._minutes(job.origin, job.target, job.road, minute)
        job.next_at = job.leg_end + self.scenario.unload_minutes

    # ------------------------------------------------------------ calls

    def _new_calls(self, minute: float) -> None:
        while True:
            calls = self._today(minute)
            if self._next_call >= len(calls):
                if minute < (self._day + 1) * 1440:
                    return
                self._day += 1
                self._calls, self._next_call = None, 0
                continue
            at = self._day * 1440 + float(calls.minute[self._next_call])
            if at > minute or self._stop.is_set():
                return
            self._take(calls, self._next_call, minute)
            self._next_call += 1

    def _today(self, minute: float) -> CallSet:
        if self._calls is None:
            self._calls = generate_calls(
                self.scenario, streams(self._seed + self._day), self._cities, self._area
            )
            start = minute - self._day * 1440
            self._next_call = int(np.searchsorted(self._calls.minute, start))
        return self._calls

    def _take(self, calls: CallSet, i: int, minute: float) -> None:
        draft = self._draft(calls, i)
        needs_crew = not calls.remote[i] and calls.service[i] is not ServiceType.REMOTE_GUIDANCE
        outcome = S.QUEUED if needs_crew else S.RESOLVED_REMOTELY
        try:
            row = self.services.take_call(draft, outcome=outcome)
        except DomainError as exc:
            log.info("demo twin: call not taken: %s", exc.english())
            return
        self.counts["calls"] += 1
        if outcome is S.QUEUED:
            mine = self.rng.random() < self.assign_share
            # A dispatcher needs a moment to read the suggestions, so the twin does too.
            delay = float(self.rng.uniform(0.5, 2.0)) if mine else self.takeover
            self._waiting[row.id] = minute + delay

    def _draft(self, calls: CallSet, i: int) -> RequestDraft:
        rng = self.rng
        english = calls.language[i] is CallerLanguage.EN
        name = (
            str(rng.choice(FOREIGN_NAMES))
            if english
            else str(rng.choice(list(SURNAMES))) + str(rng.choice(GIVEN_NAMES))
        )
        road = calls.road[i]
        if road is RoadType.EXPRESSWAY:
            address = (
                f"{rng.choice(EXPRESSWAYS)} K{rng.integers(3, 120)}+{rng.integers(0, 10) * 100}"
            )
        elif road is RoadType.RURAL:
            address = f"{rng.choice(RURAL_ROADS)} 附近"
        else:
            address = f"{rng.choice(URBAN_ROADS)}{rng.integers(1, 999)}号"
        models = [
            v for v in VEHICLES if v[1] is calls.powertrain[i] and v[2] is calls.vehicle_class[i]
        ]
        models = models or [v for v in VEHICLES if v[2] is calls.vehicle_class[i]] or list(VEHICLES)
        make_model = models[int(rng.integers(len(models)))][0]
        tail = "".join(rng.choice(list("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"), 4))
        prefix = "D" if calls.powertrain[i] is Powertrain.EV else ""
        plate = f"{PROVINCE_ABBREVIATION.get(calls.region[i], '京')}{rng.choice(list('ABCDEFG'))}{prefix}{rng.integers(10)}{tail}"
        return RequestDraft(
            caller_phone=f"1{rng.choice(list('35789'))}{rng.integers(10**8, 10**9)}",
            caller_name=name,
            caller_language=calls.language[i],
            lat=float(calls.lat[i]),
            lon=float(calls.lon[i]),
            service_type=calls.service[i],
            plate=plate,
            make_model=make_model,
            powertrain=calls.powertrain[i],
            vehicle_class=calls.vehicle_class[i],
            awd=bool(calls.awd[i]),
            address=address,
            city=calls.city[i],
            road_type=road,
            priority=calls.priority[i],
            priority_reason="Vehicle on expressway shoulder" if road is RoadType.EXPRESSWAY else "",
            notes="数字孪生演示 / digital-twin demo",
        )

    # ------------------------------------------------------------ the twin as dispatcher

    def _assign_due(self, minute: float) -> None:
        due = sorted((at, rid) for rid, at in self._waiting.items() if at <= minute)
        for _, request_id in due[:10]:
            self._waiting.pop(request_id, None)
            row = self.backend.request(request_id)
            if row is None or row.status is not S.QUEUED:
                continue
            result = self.backend.suggest(request_id, limit=3)
            pick = next((s for s in result.suggestions if s.free_in_minutes is None), None)
            if pick is None:
                # No free crew now: look again in a few demo minutes.
                self._waiting[request_id] = minute + 5.0
                continue
            assigned = self._write(
                row.reference,
                "assign",
                partial(
                    self.services.assign,
                    row.id,
                    pick.crew_id,
                    expected_crew_version=pick.crew_version,
                    expected_version=row.version,
                    eta_minutes=pick.eta_minutes,
                ),
            )
            if assigned is not None:
                self.counts["assigned"] += 1
            else:
                self._waiting[request_id] = minute + 1.0

    # ------------------------------------------------------------ driving

    def _advance(self, job: _Job, minute: float) -> None:
        if job.status in (S.EN_ROUTE, S.TOWING) and minute - job.last_fix >= self.fix_every:
            self._fix(job, minute)
        if minute < job.next_at:
            return
        services = self.services
        if job.status is S.ASSIGNED:
            if self._move(job, "start journey", services.start_journey):
                job.status = S.EN_ROUTE
                job.leg_start = minute
                job.leg_end = minute + self._minutes(job.origin, job.target, job.road, minute)
                job.next_at = job.leg_end
        elif job.status is S.EN_ROUTE:
            if self._move(job, "arrive", services.arrive):
                job.status = S.ON_SCENE
                job.next_at = minute + self._on_scene(job.service)
                self._fix(job, minute, at=job.target)
        elif job.status is S.ON_SCENE and job.service is ServiceType.TOW:
            if self._move(job, "start tow", services.start_tow):
                job.status = S.TOWING
                self._tow_leg(job, minute)
        elif job.status in (S.ON_SCENE, S.TOWING) and self._move(
            job, "complete", services.complete
        ):
            if job.status is S.TOWING:
                self._fix(job, minute, at=job.target)
            self._jobs.pop(job.request_id, None)

    def _move(self, job: _Job, what: str, operation: Callable[..., RequestRow]) -> bool:
        """One lifecycle step, conditional on the version the twin last saw."""
        row = self._write(
            f"request {job.request_id}",
            what,
            partial(operation, job.request_id, expected_version=job.version),
        )
        if row is None:
            # Someone else changed it: forget our plan and follow the stored state.
            self._jobs.pop(job.request_id, None)
            current = self.backend.request(job.request_id)
            if current is not None:
                self._follow(current, self.now())
            return False
        job.version = row.version
        self.counts["moves"] += 1
        return True

    def _fix(self, job: _Job, minute: float, at: tuple[float, float] | None = None) -> None:
        if at is None:
            span = max(1e-6, job.leg_end - job.leg_start)
            share = min(1.0, max(0.0, (minute - job.leg_start) / span))
            at = (
                job.origin[0] + (job.target[0] - job.origin[0]) * share,
                job.origin[1] + (job.target[1] - job.origin[1]) * share,
            )
        job.last_fix = minute
        # One fix per crew and tick: a later one in the same tick replaces it.
        self._batch[job.crew_id] = (round(at[0], 6), round(at[1], 6))

    def _write_fixes(self) -> None:
        """This tick's fixes as one batch through the batch writer (one ledger event)."""
        if not self._batch:
            return
        batch, self._batch = self._batch, {}
        now = datetime.now(UTC)
        if self._last_fix_at is not None and now <= self._last_fix_at:
            # Fixes are kept to the millisecond and a crew's next must be newer.
            now = self._last_fix_at + timedelta(milliseconds=1)
        self._last_fix_at = now
        try:
            devices = self.devices.for_crews(list(batch))
            fixes = [
                Fix(devices[crew], crew, now, lat, lon, FixSource.DEMO)
                for crew, (lat, lon) in batch.items()
                if crew in devices
            ]
            verdicts = self.fixes.write_batch(fixes)
        except DomainError as exc:
            self.counts["refused"] += len(batch)
            log.info("demo twin: %d fixes not stored: %s", len(batch), exc.english())
            return
        except StoreUnavailable as exc:
            self.counts["refused"] += len(batch)
            log.info("demo twin: %d fixes not stored: %s", len(batch), exc)
            return
        if Verdict.ACCEPTED in verdicts:
            self.counts["batches"] += 1
        for fix, verdict in zip(fixes, verdicts, strict=True):
            if verdict is Verdict.ACCEPTED:
                self.counts["fixes"] += 1
            else:
                self.counts["refused"] += 1
                log.info("demo twin: crew %s position refused: %s", fix.crew_id, verdict.value)

    def _write(self, what: str, action: str, write: Callable[[], T]) -> T | None:
        """Run one service call; a refusal (the human got there first) is logged, not raised."""
        try:
            return write()
        except DomainError as exc:
            self.counts["refused"] += 1
            log.info("demo twin: %s %s refused: %s", what, action, exc.english())
            return None
