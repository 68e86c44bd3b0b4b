"""The one object the console window talks to: reads from queries, writes through services."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Generic, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import Engine

from console.core.capability import CapabilityRules
from console.core.dispatch import (
    DispatchEngine,
    DispatchWeights,
    Proposal,
    RequestInfo,
    SuggestionResult,
)
from console.core.errors import NotFound
from console.core.eta import EstimatedRouting, EtaModel, OsrmTableRouting, RoutingProvider
from console.core.field.devices import DeviceRow
from console.core.field.feed import FeedRules
from console.core.field.setup import PhoneSetup
from console.core.field.trail import TrailPoint
from console.core.fleet_layout import load_cities
from console.core.guidance import ProtocolFixRate, remote_fix_rates
from console.core.intake import RequestDraft
from console.core.ports import ChangeKind, RescueCopy
from console.core.pricing import PricingBook
from console.core.quality import ComplaintCategory, QualityTargets
from console.core.reach import Coverage, DemandPlace, FreeCrew, city_places, measure
from console.core.records import RequestRow
from console.core.roles import Permission, Principal
from console.core.sla import SlaTargets
from console.core.vocab import CrewStatus, Priority, RequestStatus, RoadType
from console.db.changes import ChangeListener, supports_notify
from console.db.dispatch_data import load_crew_infos
from console.db.fleet_cache import FleetCache
from console.db.guidance_services import GuidanceServices, guidance_records
from console.db.permits import reads
from console.db.presence import rescue
from console.db.pricing_backend import PricingAccess
from console.db.quality_queries import QualityReader
from console.db.quality_services import QualityServices
from console.db.queries import DatabaseReader
from console.db.services import Clock, Services, utc_now
from console.db.telemetry.devices import DeviceRegistry
from console.db.telemetry.trail import read_trail

ADVISOR_MAX_AGE = timedelta(seconds=15)
"""A fleet snapshot is reused for this long while nothing but positions is written."""
COVERAGE_MAX_AGE = ADVISOR_MAX_AGE
"""Coverage now is measured again after this long, or at once after a write."""

T = TypeVar("T")


class Snapshot(Generic[T]):
    """A value computed from the database, reused while no write happened and it is young."""

    def __init__(self, max_age: timedelta) -> None:
        self.max_age = max_age
        self._held: tuple[int, datetime, T] | None = None

    def get(self, revision: int, now: datetime, build: Callable[[], T]) -> T:
        """The value held for ``revision`` if younger than ``max_age``, else ``build()``'s."""
        held = self._held
        if held and held[0] == revision and now - held[1] < self.max_age:
            return held[2]
        value = build()
        self._held = (revision, now, value)
        return value


class DatabaseBackend(PricingAccess, DatabaseReader, QualityReader):
    """Implements ``console.core.ports.ConsoleBackend`` for one signed-in principal.

    Reads are masked for it and every write is checked against its role.
    """

    def __init__(
        self,
        engine: Engine,
        *,
        principal: Principal,
        sla: SlaTargets | None = None,
        clock: Clock = utc_now,
        timezone: str = "Asia/Shanghai",
        weights: DispatchWeights | None = None,
        rules: CapabilityRules | None = None,
        routing: RoutingProvider | None = None,
        pricing: PricingBook | None = None,
        quality: QualityTargets | None = None,
        phone: PhoneSetup | None = None,
    ) -> None:
        super().__init__(engine, principal)
        QualityReader.__init__(self, engine, principal)
        self.pricing_book = pricing
        self.services = Services(
            engine, principal=principal, sla=sla, clock=clock, timezone=timezone
        )
        self.guidance = GuidanceServices(
            engine, principal=principal, sla=sla, clock=clock, timezone=timezone
        )
        self.clock = clock
        self.zone = ZoneInfo(timezone)
        self.weights = weights or DispatchWeights()
        self.rules = rules
        self.routing = routing
        self.phone = phone or PhoneSetup()
        self._advisor = FleetCache(ADVISOR_MAX_AGE)
        self._coverage: Snapshot[Coverage] = Snapshot(COVERAGE_MAX_AGE)
        self._places: list[DemandPlace] | None = None
        self.quality = QualityServices(self.services)
        self.targets = quality or QualityTargets()
        self._listener: ChangeListener | None = None
        self._devices: DeviceRegistry | None = None
        self._listener_lock = threading.Lock()

    def subscribe_changes(self, callback: Callable[[ChangeKind], None]) -> Callable[[], None]:
        """Call ``callback`` (on a listener thread) with each commit's kind; PostgreSQL only.

        On SQLite nothing is announced and the returned unsubscribe does nothing:
        the console keeps polling.
        """
        if not supports_notify(self._engine):
            return _nothing
        with self._listener_lock:
            if self._listener is None:
                self._listener = ChangeListener(self._engine.url)
            listener = self._listener
        return listener.subscribe(callback)

    @property
    def change_listener(self) -> ChangeListener | None:
        """The LISTEN connection's owner once someone subscribed (PostgreSQL only)."""
        return self._listener

    def close(self) -> None:
        """Stop listening for changes (the engine stays the caller's to dispose)."""
        with self._listener_lock:
            listener, self._listener = self._listener, None
        if listener is not None:
            listener.stop()

    def can_rescue(self) -> bool:
        """True when the database is an SQLite file a rescue copy could come from."""
        return rescue.can_rescue(self._engine)

    # In SQLite mode whoever runs the console owns the whole database file: a
    # rescue copy (0600) gives them nothing they did not hold already.
    @reads(Permission.VIEW_QUEUE)
    def rescue_copy(self, target: str) -> RescueCopy:
        """Save the database that disappeared under the console into the new file ``target``."""
        return rescue.rescue_copy(self._engine, Path(target))

    @reads(Permission.VIEW_QUEUE)
    def advisor(self) -> DispatchEngine:
        """The dispatch engine over the current fleet.

        Rebuilt from a full read when a business write happened or the read is
        :data:`ADVISOR_MAX_AGE` old; when only fixes arrived, the held fleet
        takes the moved crews' positions instead (see :class:`FleetCache`).
        """
        now = self.clock()
        return self._advisor.get(
            self.change_heads(),
            now,
            lambda: load_crew_infos(self._engine, now, self.weights),
            self.positions_since,
            lambda crews, at: DispatchEngine(
                crews,
                now=at,
                rules=self.rules,
                routing=self.routing,
                weights=self.weights,
                timezone=self.zone,
                sla=self.services.sla,
            ),
        )

    @property
    def fleet_cache(self) -> FleetCache:
        """The advisor's held fleet (tests and benchmarks count its reads)."""
        return self._advisor

    @reads(Permission.VIEW_QUEUE)
    def coverage_now(self) -> Coverage:
        """The service's cities covered by the free crews now, per capability group.

        Measured at most once per revision and :data:`COVERAGE_MAX_AGE` (the
        dashboard and the map both ask). Travel times come from the distance
        model even where a routing server is configured: every city is timed at
        once, which the model answers in microseconds and a server only with a
        request per city.
        """
        now = self.clock()
        return self._coverage.get(self.revision(), now, lambda: self._measure_coverage(now))

    def _measure_coverage(self, now: datetime) -> Coverage:
        if self._places is None:
            self._places = city_places(load_cities())
        routing = self.routing or EstimatedRouting()
        if isinstance(routing, OsrmTableRouting):
            routing = routing.fallback
        crews = [
            FreeCrew(c.lat, c.lon, c.vehicle_kind, c.skills, c.call_sign) for c in self.free_crews()
        ]
        return measure(
            self._places,
            crews,
            # Cities are town centres: the standard (P2) urban arrival target.
            target_minutes=self.services.sla.arrival_minutes[Priority.P2][RoadType.URBAN],
            routing=routing,
            local_hour=now.astimezone(self.zone).hour,
        )

    @reads(Permission.VIEW_QUEUE)
    def suggest(self, request_id: int, limit: int = 5) -> SuggestionResult:
        """The best crews for one request."""
        row = self.request(request_id)
        if row is None:
            raise NotFound("not_found.request", key=request_id)
        return self.advisor().suggest(RequestInfo.from_row(row), limit)

    @reads(Permission.VIEW_QUEUE)
    def propose(self) -> Proposal:
        """A joint assignment for every queued request (nothing is written)."""
        queued = [r for r in self.open_requests().requests if r.status is RequestStatus.QUEUED]
        return self.advisor().propose([RequestInfo.from_row(r) for r in queued])

    @reads(Permission.VIEW_QUEUE)
    def crew_trail(self, crew_id: int, since: datetime) -> tuple[TrailPoint, ...]:
        """The crew's stored fixes from ``since`` on, oldest first, thinned to a few hundred."""
        return read_trail(self._engine, crew_id, since)

    @property
    def device_registry(self) -> DeviceRegistry:
        """The crews' registered devices, for this principal (administrators)."""
        if self._devices is None:
            self._devices = DeviceRegistry(self._engine, principal=self.principal, clock=self.clock)
        return self._devices

    @reads(Permission.MANAGE_DEVICES)
    def devices(self, crew_id: int) -> list[DeviceRow]:
        """The crew's devices, revoked ones too, oldest first (``MANAGE_DEVICES``)."""
        return self.device_registry.of_crew(crew_id)

    def add_device(self, crew_id: int, label: str) -> tuple[DeviceRow, str]:
        """Register a device for the crew: its row and its identifier (returned this once)."""
        return self.device_registry.add_for_crew(crew_id, label)

    def revoke_device(self, device_id: int) -> DeviceRow:
        """Revoke a device: the gateway refuses its reports within seconds."""
        return self.device_registry.revoke(device_id)

    def eta_model(self) -> EtaModel:
        """The configured distance model (behind a routing server, its fallback's)."""
        routing = self.routing
        if isinstance(routing, OsrmTableRouting):
            routing = routing.fallback
        if isinstance(routing, EstimatedRouting):
            return routing.eta.default
        return EtaModel()

    def create_request(self, draft: RequestDraft) -> RequestRow:
        """Validate and store a new request."""
        return self.services.create_request(draft)

    def take_call(
        self, draft: RequestDraft, *, outcome: RequestStatus = RequestStatus.QUEUED
    ) -> RequestRow:
        """Store a call and move it to ``outcome`` in one transaction."""
        return self.services.take_call(draft, outcome=outcome)

    def move(
        self,
        request_id: int,
        target: RequestStatus,
        *,
        crew_id: int | None = None,
        reason: str = "",
    ) -> RequestRow:
        """Move a request along its lifecycle."""
        return self.services.move(request_id, target, crew_id=crew_id, reason=reason)

    def assign(
        self,
        request_id: int,
        crew_id: int,
        *,
        expected_crew_version: int | None = None,
        eta_minutes: int | None = None,
    ) -> RequestRow:
        """Assign a crew if it is still available."""
        return self.services.assign(
            request_id,
            crew_id,
            expected_crew_version=expected_crew_version,
            eta_minutes=eta_minutes,
        )

    def set_crew_status(
        self, crew_id: int, status: CrewStatus, *, expected_version: int | None = None
    ) -> None:
        """Put a crew without a job on or off duty, or out of service."""
        self.services.set_crew_status(crew_id, status, expected_version=expected_version)

    def finish_guidance(
        self, request_id: int, path: Sequence[str], *, expected_version: int | None = None
    ) -> RequestRow:
        """Store a guided call's path and outcome and move the request on."""
        return self.guidance.finish_guidance(request_id, path, expected_version=expected_version)

    @reads(Permission.VIEW_QUALITY)
    def remote_fix_rates(self, since: datetime | None = None) -> list[ProtocolFixRate]:
        """Share of guided calls fixed by phone, per protocol."""
        return remote_fix_rates(guidance_records(self._engine, since))

    # -- service quality (console.core.ports.QualityCommands) -------------------

    def quality_targets(self) -> QualityTargets:
        """The quality targets this backend was configured with."""
        return self.targets

    def sla_targets(self) -> SlaTargets:
        """The SLA targets this backend was configured with."""
        return self.services.sla

    def feed_rules(self) -> FeedRules:
        """When a crew's feed is live or silent: the suggestions' rule, for the crew board."""
        return self.weights.feed

    def phone_setup(self) -> PhoneSetup:
        """What crew phones are told to report to (the device dialog shows it)."""
        return self.phone

    def record_satisfaction(self, request_id: int, score: int, comment: str = "") -> int:
        """Store a completed request's 1-5 follow-up score."""
        return self.quality.record_satisfaction(request_id, score, comment)

    def open_complaint(
        self, request_id: int, category: ComplaintCategory | str, summary: str, owner: str
    ) -> int:
        """Open a complaint with its response deadline."""
        return self.quality.open_complaint(request_id, category, summary, owner)

    def respond_complaint(
        self, complaint_id: int, response: str, *, expected_version: int | None = None
    ) -> None:
        """Record the answer to a complaint (supervisor operation)."""
        self.quality.respond_complaint(complaint_id, response, expected_version=expected_version)

    def close_complaint(
        self, complaint_id: int, resolution: str, *, expected_version: int | None = None
    ) -> None:
        """Close a complaint with its resolution (supervisor operation)."""
        self.quality.close_complaint(complaint_id, resolution, expected_version=expected_version)


def _nothing() -> None:
    """The unsubscribe of a backend that never announces anything."""
