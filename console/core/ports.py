"""Interfaces the UI depends on, implemented by the data layer.

The UI is handed one object that satisfies :class:`ConsoleBackend` (wired in
``console.cli``), so it never imports the database layer and cannot write rows
itself: every write is a call here, and each call is one service-layer
transaction. Errors are :class:`console.core.errors.DomainError` subclasses.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from console.core.field.devices import DeviceRow
from console.core.field.trail import TrailPoint
from console.core.intake import RequestDraft
from console.core.pricing import (
    ActualFacts,
    ChargeRecord,
    EntitlementMatch,
    ProgrammeRevenue,
    QuoteQuery,
    QuoteView,
)
from console.core.quality import (
    ComplaintCategory,
    ComplaintRecord,
    JobRecord,
    PartnerRow,
    QualityTargets,
    SatisfactionRecord,
)
from console.core.records import CrewPosition, CrewRow, DepotRow, RequestChanges, RequestRow
from console.core.sla import SlaTargets
from console.core.vocab import CrewStatus, RequestStatus

if TYPE_CHECKING:
    # Annotations only: importing dispatch (numpy, scipy) here would slow every
    # start-up that merely names a port, such as the sign-in.
    from console.core.dispatch import Proposal, SuggestionResult
    from console.core.eta import EtaModel
    from console.core.guidance import ProtocolFixRate
    from console.core.reach import Coverage


@dataclass(frozen=True, slots=True)
class CrewChanges:
    """Crews written after a revision, and the revision they were read at."""

    revision: int
    crews: tuple[CrewRow, ...]


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One ledger event about a request, for its timeline."""

    seq: int
    at: datetime
    actor: str
    kind: str
    crew_id: int | None
    payload: dict[str, Any]


class QueueSource(Protocol):
    """Read access to the live request queue."""

    def revision(self) -> int:
        """The highest change revision in the database (a cheap query)."""
        ...

    def open_requests(self) -> RequestChanges:
        """Every open request, plus the revision they were read at."""
        ...

    def requests_changed_since(self, revision: int) -> RequestChanges:
        """Requests (open or just closed) written after ``revision``."""
        ...

    def describe(self) -> str:
        """A short, password-free description of the database for the status bar."""
        ...


class FleetSource(Protocol):
    """Read access to crews and depots."""

    def crews(self) -> list[CrewRow]:
        """Every crew."""
        ...

    def crews_changed_since(self, revision: int) -> CrewChanges:
        """Crews written after ``revision``."""
        ...

    def depots(self) -> list[DepotRow]:
        """Every depot."""
        ...


class RequestCommands(Protocol):
    """Writes a dispatcher makes; each is one transaction with one ledger event."""

    def request(self, request_id: int) -> RequestRow | None:
        """One request as it is now, or None."""
        ...

    def create_request(self, draft: RequestDraft) -> RequestRow:
        """Validate and store a new request (status NEW)."""
        ...

    def take_call(
        self, draft: RequestDraft, *, outcome: RequestStatus = RequestStatus.QUEUED
    ) -> RequestRow:
        """Store a call and move it to ``outcome`` (QUEUED, RESOLVED_REMOTELY...) atomically."""
        ...

    def move(
        self,
        request_id: int,
        target: RequestStatus,
        *,
        crew_id: int | None = None,
        reason: str = "",
    ) -> RequestRow:
        """Move a request along its lifecycle (see ``Services.move``)."""
        ...

    def assign(
        self,
        request_id: int,
        crew_id: int,
        *,
        expected_crew_version: int | None = None,
        eta_minutes: int | None = None,
    ) -> RequestRow:
        """Assign a crew if it is still available (else ``Conflict``)."""
        ...

    def set_crew_status(
        self, crew_id: int, status: CrewStatus, *, expected_version: int | None = None
    ) -> None:
        """Put a crew without a job on or off duty, or out of service."""
        ...


class DispatchAdvisor(Protocol):
    """Crew suggestions and queue proposals from the dispatch engine."""

    def suggest(self, request_id: int, limit: int = 5) -> SuggestionResult:
        """The best crews for one request, best first, with reasons."""
        ...

    def propose(self) -> Proposal:
        """A joint assignment for every queued request (not applied)."""
        ...


class TimelineSource(Protocol):
    """The history of one request, read from the tamper-evident ledger."""

    def timeline(self, request_id: int) -> list[TimelineEntry]:
        """Every ledger event about ``request_id``, oldest first (empty if none)."""
        ...


class GuidanceCommands(Protocol):
    """Finishing a guided call (see ``console.core.guidance``)."""

    def finish_guidance(
        self, request_id: int, path: Sequence[str], *, expected_version: int | None = None
    ) -> RequestRow:
        """Store the path and outcome and move the request on, in one transaction."""
        ...


class GuidanceStats(Protocol):
    """Guidance figures for the supervisor dashboard."""

    def remote_fix_rates(self, since: datetime | None = None) -> list[ProtocolFixRate]:
        """Share of guided calls fixed by phone, per protocol (requests created since ``since``)."""
        ...


class ChangeKind(StrEnum):
    """What a commit changed: business rows, or only crews' positions (vehicle fixes)."""

    BUSINESS = "b"
    """Requests, crews' status or anything else that bumps the global revision."""
    POSITIONS = "p"
    """Only positions: a stored batch of fixes (``position_revision``)."""


@runtime_checkable
class ChangeNotifier(Protocol):
    """A backend that announces commits as they happen (PostgreSQL LISTEN/NOTIFY).

    Optional: a backend without it is simply polled.
    """

    def subscribe_changes(self, callback: Callable[[ChangeKind], None]) -> Callable[[], None]:
        """Call ``callback`` with the kind of change soon after every commit by anyone.

        After a (re)connect it is called once with :attr:`ChangeKind.BUSINESS`:
        anything may have been missed. ``callback`` runs on a background thread
        and must only hand the news on (e.g. set a flag). Returns the function
        that unsubscribes it.
        """
        ...


@dataclass(frozen=True, slots=True)
class ChangeHeads:
    """The two change counters: the business revision and the position revision."""

    revision: int
    position_revision: int


@dataclass(frozen=True, slots=True)
class FeedChanges:
    """What one fetch of the change feed brought, read in one session.

    ``heads`` were read before the rows, so a row written meanwhile comes again
    next time. ``snapshot``: the requests are every open one and the crews every
    crew (first load, or the database was replaced). ``positions`` are crews
    moved by fixes since the position revision asked for.
    """

    heads: ChangeHeads
    requests: tuple[RequestRow, ...]
    crews: tuple[CrewRow, ...]
    positions: tuple[CrewPosition, ...]
    snapshot: bool


@runtime_checkable
class ChangeFeed(Protocol):
    """A backend that reads each poll of the change feed in one session (optional).

    A backend without it is polled through ``revision()`` and the ``*_changed_since`` reads.
    """

    def change_heads(self) -> ChangeHeads:
        """Both change counters (one cheap query)."""
        ...

    def changes_since(self, since: ChangeHeads | None, *, positions: bool = True) -> FeedChanges:
        """Everything written after ``since`` (``None``: a snapshot), in one session.

        A lower business revision than ``since`` means another database: a
        snapshot is returned. With ``positions`` False, moved crews are left for
        a later fetch (the heads then keep ``since``'s position revision).
        """
        ...


@runtime_checkable
class PricingDesk(Protocol):
    """Quotes, coverage look-ups, bills and the revenue report (issue 11).

    Optional like :class:`ChangeNotifier`: the UI shows pricing only when its
    backend is one of these.
    """

    def find_entitlements(self, key: str) -> list[EntitlementMatch]:
        """Entitlements whose policy/member number, plate or VIN tail is ``key``."""
        ...

    def quote(self, query: QuoteQuery, request_id: int | None = None) -> QuoteView:
        """Price a job as the dispatcher describes it; nothing is written."""
        ...

    def accept_quote(self, request_id: int, query: QuoteQuery) -> ChargeRecord:
        """The caller accepts: price again and store the quote with the request (one event)."""
        ...

    def charges(self, request_id: int) -> ChargeRecord | None:
        """The stored quote (and bill) of a request, or None."""
        ...

    def complete_with_bill(self, request_id: int, actual: ActualFacts) -> RequestRow:
        """Complete a quoted request and store its bill, in one transaction and one event."""
        ...

    def flag_dispute(self, request_id: int, reason: str) -> ChargeRecord:
        """Mark a bill as disputed by the caller, with a reason (the hook for complaints)."""
        ...

    def revenue_by_programme(self) -> list[ProgrammeRevenue]:
        """Billed revenue and covered cost per programme, for supervisors."""
        ...


@runtime_checkable
class TrailSource(Protocol):
    """A crew's recent trail and the travel-time model, for the selected job's live view."""

    def crew_trail(self, crew_id: int, since: datetime) -> tuple[TrailPoint, ...]:
        """The crew's stored fixes from ``since`` on, oldest first, thinned to a few hundred."""
        ...

    def eta_model(self) -> EtaModel:
        """The configured ETA model (distance, road type, speed) for live estimates."""
        ...


@runtime_checkable
class DeviceAdmin(Protocol):
    """A crew's registered devices, for an administrator (optional: a backend without it
    keeps no devices). Each call is one checked service call; writes are ledgered."""

    def devices(self, crew_id: int) -> list[DeviceRow]:
        """The crew's devices, revoked ones too, oldest first."""
        ...

    def add_device(self, crew_id: int, label: str) -> tuple[DeviceRow, str]:
        """Register a device for the crew: its row and its secret identifier (returned this once)."""
        ...

    def revoke_device(self, device_id: int) -> DeviceRow:
        """Revoke a device: the gateway refuses its reports from then on (within seconds)."""
        ...


class ConsoleBackend(
    QueueSource,
    FleetSource,
    RequestCommands,
    DispatchAdvisor,
    TimelineSource,
    GuidanceCommands,
    GuidanceStats,
    TrailSource,
    Protocol,
):
    """Everything the console window needs from the data layer."""


class QualitySource(Protocol):
    """Read access to service-quality records (the supervisor dashboard and reports)."""

    def jobs(self, since: datetime, until: datetime | None = None) -> list[JobRecord]:
        """Requests opened in [since, until) plus every open request."""
        ...

    def satisfaction(
        self, since: datetime, until: datetime | None = None
    ) -> list[SatisfactionRecord]:
        """Follow-up scores recorded in [since, until)."""
        ...

    def complaints(self, since: datetime, until: datetime | None = None) -> list[ComplaintRecord]:
        """Complaints opened in [since, until) plus every one not closed."""
        ...

    def satisfaction_for(self, request_id: int) -> SatisfactionRecord | None:
        """The follow-up of one request, if recorded."""
        ...

    def partners(self) -> list[PartnerRow]:
        """Every partner."""
        ...

    def crew_status_counts(self) -> dict[CrewStatus, int]:
        """How many crews are in each status."""
        ...

    def quality_targets(self) -> QualityTargets:
        """The centre's quality targets (from config)."""
        ...

    def sla_targets(self) -> SlaTargets:
        """The SLA targets (from config)."""
        ...


class QualityCommands(Protocol):
    """Quality writes; each is one transaction with one ledger event.

    ``respond_complaint`` and ``close_complaint`` are supervisor operations.
    """

    def record_satisfaction(self, request_id: int, score: int, comment: str = "") -> int:
        """Store a completed request's 1-5 follow-up score."""
        ...

    def open_complaint(
        self, request_id: int, category: ComplaintCategory | str, summary: str, owner: str
    ) -> int:
        """Open a complaint with a 24 h response deadline."""
        ...

    def respond_complaint(
        self, complaint_id: int, response: str, *, expected_version: int | None = None
    ) -> None:
        """Record the answer to a complaint (supervisor)."""
        ...

    def close_complaint(
        self, complaint_id: int, resolution: str, *, expected_version: int | None = None
    ) -> None:
        """Close a complaint with its resolution (supervisor)."""
        ...


@runtime_checkable
class CoverageSource(Protocol):
    """Coverage now: the share of expected demand within target of a free capable crew."""

    def free_crews(self) -> list[CrewRow]:
        """Every crew free to take a job now."""
        ...

    def coverage_now(self) -> Coverage:
        """Coverage of the service's cities by the free crews, per capability group."""
        ...


@runtime_checkable
class QualityBackend(QualitySource, QualityCommands, FleetSource, TimelineSource, Protocol):
    """What the supervisor dashboard needs: quality reads and writes, the fleet, timelines."""

    def request(self, request_id: int) -> RequestRow | None:
        """One request as it is now, or None."""
        ...


__all__ = [
    "ChangeFeed",
    "ChangeHeads",
    "ChangeKind",
    "ChangeNotifier",
    "ConsoleBackend",
    "CoverageSource",
    "CrewChanges",
    "DeviceAdmin",
    "DispatchAdvisor",
    "FeedChanges",
    "FleetSource",
    "GuidanceCommands",
    "GuidanceStats",
    "PricingDesk",
    "QualityBackend",
    "QualityCommands",
    "QualitySource",
    "QueueSource",
    "RequestChanges",
    "RequestCommands",
    "RequestRow",
    "TimelineEntry",
    "TimelineSource",
    "TrailSource",
]


@dataclass(frozen=True, slots=True)
class RescueCopy:
    """A copy saved from a database file that disappeared: where, and what it holds."""

    path: str
    events: int
    requests: int


@runtime_checkable
class DatabaseRescue(Protocol):
    """A backend that can save what its open connection still reaches of a lost database file.

    Optional: a database without a file of ours (PostgreSQL) offers nothing to rescue.
    """

    def can_rescue(self) -> bool:
        """True when the database is a file that a rescue copy could come from."""
        ...

    def rescue_copy(self, target: str) -> RescueCopy:
        """Write everything committed into the new file ``target`` (0600) and say what it holds."""
        ...
