"""Service-level targets, the due times they give a request, and which clock runs now.

The numbers are defaults; ``console.config`` lets a centre override them.
Three clocks run one after another: triage (from the call until the request is
queued or resolved by phone), assignment (from queueing until a crew is
assigned) and arrival (from queueing until the crew is on scene).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from console.core.records import RequestRow
from console.core.vocab import Priority, RequestStatus, RoadType

WAITING_STATUSES = frozenset({RequestStatus.NEW, RequestStatus.TRIAGE, RequestStatus.QUEUED})
"""Requests waiting for the dispatcher: nobody is working on them yet."""

TRIAGE_STATUSES = frozenset({RequestStatus.NEW, RequestStatus.TRIAGE})
"""Requests still on the phone: the triage clock runs."""

TRAVEL_STATUSES = frozenset({RequestStatus.ASSIGNED, RequestStatus.EN_ROUTE})
"""Requests whose crew is on the way: the arrival clock runs."""


def _default_arrival() -> dict[Priority, dict[RoadType, int]]:
    # Expressways are served from outside town, so they get the rural target.
    return {
        Priority.P1: {RoadType.URBAN: 30, RoadType.EXPRESSWAY: 60, RoadType.RURAL: 60},
        Priority.P2: {RoadType.URBAN: 60, RoadType.EXPRESSWAY: 90, RoadType.RURAL: 90},
        Priority.P3: {RoadType.URBAN: 120, RoadType.EXPRESSWAY: 120, RoadType.RURAL: 120},
    }


class DeadlineKind(StrEnum):
    """Which service-level clock a deadline belongs to."""

    TRIAGE = "triage"
    ASSIGN = "assign"
    ARRIVE = "arrive"


@dataclass(frozen=True, slots=True)
class Deadline:
    """The clock running for a request now: what, since when, due when."""

    kind: DeadlineKind
    start: datetime
    due: datetime

    @property
    def target_seconds(self) -> float:
        """The whole time the target allows."""
        return (self.due - self.start).total_seconds()


@dataclass(frozen=True)
class SlaTargets:
    """Minutes allowed for each step, by priority and road type."""

    assign_minutes: int = 2
    arrival_minutes: Mapping[Priority, Mapping[RoadType, int]] = field(
        default_factory=_default_arrival
    )
    complaint_response_hours: int = 24
    triage_minutes: int = 5
    """From the call to queued (or resolved by phone): questions, guidance, quote."""

    def triage_due(self, created_at: datetime) -> datetime:
        """When a call still in triage should be queued or resolved."""
        return created_at + timedelta(minutes=self.triage_minutes)

    def assign_due(self, queued_at: datetime) -> datetime:
        """When a queued request must have a crew ("minute-level dispatch")."""
        return queued_at + timedelta(minutes=self.assign_minutes)

    def arrive_due(self, queued_at: datetime, priority: Priority, road: RoadType) -> datetime:
        """When the crew must be on scene."""
        return queued_at + timedelta(minutes=self.arrival_minutes[priority][road])

    def deadline(self, row: RequestRow) -> Deadline | None:
        """The clock that runs for ``row`` in its status, or ``None`` (on scene, closed).

        Assignment and arrival are both counted from queueing (their due times
        are stored on the request); triage from the call.
        """
        status = row.status
        if status in TRIAGE_STATUSES:
            return Deadline(DeadlineKind.TRIAGE, row.created_at, self.triage_due(row.created_at))
        start = row.queued_at or row.created_at
        if status is RequestStatus.QUEUED and row.assign_due_at is not None:
            return Deadline(DeadlineKind.ASSIGN, start, row.assign_due_at)
        if status in TRAVEL_STATUSES and row.arrive_due_at is not None:
            return Deadline(DeadlineKind.ARRIVE, start, row.arrive_due_at)
        return None
