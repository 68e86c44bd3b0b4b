"""Service-level targets and the due times they give a queued request.

The numbers are defaults; ``console.config`` lets a centre override them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from console.core.vocab import Priority, RoadType


def _default_arrival() -> dict[Priority, dict[RoadType, int]]:
    # Expressways are served from outside town, so they get the rural target.
    return {
        Priority.P1: {RoadType.URBAN: 30, RoadType.EXPRESSWAY: 60, RoadType.RURAL: 60},
        Priority.P2: {RoadType.URBAN: 60, RoadType.EXPRESSWAY: 90, RoadType.RURAL: 90},
        Priority.P3: {RoadType.URBAN: 120, RoadType.EXPRESSWAY: 120, RoadType.RURAL: 120},
    }


@dataclass(frozen=True)
class SlaTargets:
    """Minutes allowed for each step, by priority and road type."""

    assign_minutes: int = 2
    arrival_minutes: Mapping[Priority, Mapping[RoadType, int]] = field(
        default_factory=_default_arrival
    )
    complaint_response_hours: int = 24

    def assign_due(self, queued_at: datetime) -> datetime:
        """When a queued request must have a crew ("minute-level dispatch")."""
        return queued_at + timedelta(minutes=self.assign_minutes)

    def arrive_due(self, queued_at: datetime, priority: Priority, road: RoadType) -> datetime:
        """When the crew must be on scene."""
        return queued_at + timedelta(minutes=self.arrival_minutes[priority][road])
