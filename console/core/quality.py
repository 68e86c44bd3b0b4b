"""Service-quality vocabulary and plain records: jobs, follow-ups, complaints, targets.

These frozen rows cross from the data layer to the KPI maths and the UI; the
targets come from config (``[quality]``), never from code paths.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from console.core.errors import ConfigError
from console.core.vocab import Priority, RequestStatus, RoadType, ServiceType


class ComplaintCategory(StrEnum):
    """What a complaint is about."""

    LATE_ARRIVAL = "LATE_ARRIVAL"
    CREW_CONDUCT = "CREW_CONDUCT"
    VEHICLE_DAMAGE = "VEHICLE_DAMAGE"
    PRICING = "PRICING"
    COMMUNICATION = "COMMUNICATION"
    OTHER = "OTHER"


class ComplaintStatus(StrEnum):
    """Where a complaint is: open, answered (responded to the caller), closed."""

    OPEN = "OPEN"
    ANSWERED = "ANSWERED"
    CLOSED = "CLOSED"


@dataclass(frozen=True, slots=True)
class JobRecord:
    """One request with the moments the KPIs measure (all UTC, None when not reached)."""

    id: int
    reference: str
    status: RequestStatus
    priority: Priority
    service_type: ServiceType
    road_type: RoadType
    region: str
    created_at: datetime
    queued_at: datetime | None = None
    assign_due_at: datetime | None = None
    arrive_due_at: datetime | None = None
    assigned_at: datetime | None = None
    arrived_at: datetime | None = None
    closed_at: datetime | None = None
    crew_id: int | None = None
    depot_code: str | None = None
    partner_code: str | None = None
    protocol: str | None = None
    """The guidance protocol followed (filled in once guidance records it)."""


@dataclass(frozen=True, slots=True)
class SatisfactionRecord:
    """A follow-up score (1-5) for one completed request."""

    request_id: int
    score: int
    comment: str
    recorded_at: datetime
    recorded_by: str = ""


@dataclass(frozen=True, slots=True)
class ComplaintRecord:
    """A complaint and its response deadline."""

    id: int
    request_id: int
    reference: str
    category: ComplaintCategory
    owner: str
    summary: str
    status: ComplaintStatus
    opened_at: datetime
    due_at: datetime
    responded_at: datetime | None = None
    response: str = ""
    closed_at: datetime | None = None
    resolution: str = ""
    version: int = 1

    def answered_on_time(self) -> bool:
        """True when a response was given by the deadline."""
        return self.responded_at is not None and self.responded_at <= self.due_at

    def overdue(self, now: datetime) -> bool:
        """True when still unanswered after the deadline."""
        return self.responded_at is None and self.closed_at is None and now > self.due_at


@dataclass(frozen=True)
class QualityTargets:
    """Shares the centre promises (0-1), shown against actuals on the dashboard."""

    satisfaction_share: float = 0.90
    """Share of follow-ups scoring 4 or 5."""
    complaints_on_time_share: float = 1.0
    """Share of complaints answered within their deadline (24 h)."""
    p1_arrival_on_time_share: float = 0.95
    """Share of P1 arrivals within the arrival SLA."""
    assign_within_target_share: float = 0.90
    """Share of queued requests given a crew within the assign target (2 min)."""
    at_risk_share: float = 0.25
    """A due time is "at risk" once less than this share of its allowance is left."""

    @classmethod
    def from_table(cls, table: Mapping[str, Any], origin: str) -> QualityTargets:
        """Targets from the ``[quality]`` config table (shares as 0-1 or percent)."""
        known = set(cls.__dataclass_fields__)
        unknown = sorted(set(table) - known)
        if unknown:
            raise ConfigError(
                "config.invalid", path=origin, detail=f"unknown setting quality.{unknown[0]}"
            )
        values: dict[str, float] = {}
        for key, value in table.items():
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ConfigError(
                    "config.invalid", path=origin, detail=f"quality.{key} must be a number"
                )
            share = value / 100 if value > 1 else float(value)
            if not 0 <= share <= 1:
                raise ConfigError(
                    "config.invalid", path=origin, detail=f"quality.{key} must be 0-100 %"
                )
            values[key] = share
        return cls(**values)


@dataclass(frozen=True, slots=True)
class PartnerRow:
    """A partner (tow company) as scorecards name it."""

    id: int
    code: str
    name_zh: str
    name_en: str
