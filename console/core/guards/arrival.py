"""Will the crew make the arrival target? The overrun of an ETA and the better crew.

The arrival target is the request's ``arrive_due_at`` (from the SLA targets
in :mod:`console.core.sla`). A suggestion misses it when ``now + ETA`` is
later; the best alternative is the fastest other crew that meets it, or,
when none does, the fastest other crew if it is faster than the one chosen
(a crew finishing a job soon counts: its ETA includes the wait).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from console.core.dispatch import Suggestion
from console.core.sla import SlaTargets
from console.core.vocab import Priority, RequestStatus, RoadType

TRAVELLING: frozenset[RequestStatus] = frozenset({RequestStatus.ASSIGNED, RequestStatus.EN_ROUTE})
"""Statuses in which the crew is yet to arrive."""


def overrun_minutes(due: datetime | None, arrival: datetime) -> int:
    """Whole minutes (started) by which ``arrival`` is after ``due``; 0 when on time."""
    if due is None:
        return 0
    late = (arrival - due).total_seconds()
    return math.ceil(late / 60) if late > 0 else 0


def arrival_target(
    arrive_due_at: datetime | None,
    priority: Priority,
    road: RoadType,
    targets: SlaTargets,
    now: datetime,
) -> datetime:
    """The arrival target: the request's due time, or, before it is queued, the
    target it would get if queued now (from the SLA configuration)."""
    if arrive_due_at is not None:
        return arrive_due_at
    return targets.arrive_due(now, priority, road)


def _arrival(now: datetime, suggestion: Suggestion) -> datetime:
    return now + timedelta(minutes=suggestion.eta_minutes)


def best_alternative(
    chosen: Suggestion,
    suggestions: Sequence[Suggestion],
    due: datetime | None,
    now: datetime,
) -> Suggestion | None:
    """The crew to propose instead of ``chosen``, or None when none does better.

    The fastest other crew that meets ``due``; if none does, the fastest other
    crew when it is faster than ``chosen``. Ties go to the better rank.
    """
    others = sorted(
        (s for s in suggestions if s.crew_id != chosen.crew_id),
        key=lambda s: (s.eta_minutes, s.rank),
    )
    on_time = [s for s in others if overrun_minutes(due, _arrival(now, s)) == 0]
    if on_time:
        return on_time[0]
    if others and others[0].eta_minutes < chosen.eta_minutes:
        return others[0]
    return None


@dataclass(frozen=True, slots=True)
class ArrivalWarning:
    """Why assigning ``chosen`` deserves a second thought."""

    chosen: Suggestion
    overrun_minutes: int
    """Minutes by which the crew would arrive after the target."""
    alternative: Suggestion | None
    """The better crew, if any (see :func:`best_alternative`)."""
    alternative_overrun_minutes: int
    """The alternative's own overrun (0: it meets the target)."""


def arrival_warning(
    chosen: Suggestion,
    suggestions: Sequence[Suggestion],
    due: datetime | None,
    now: datetime,
) -> ArrivalWarning | None:
    """A warning when ``chosen`` would arrive after ``due``; None when it is on time."""
    late = overrun_minutes(due, _arrival(now, chosen))
    if late == 0:
        return None
    alternative = best_alternative(chosen, suggestions, due, now)
    alternative_late = (
        overrun_minutes(due, _arrival(now, alternative)) if alternative is not None else 0
    )
    return ArrivalWarning(chosen, late, alternative, alternative_late)


class Travelling(Protocol):
    """What :func:`projected_arrival` reads of a request."""

    @property
    def status(self) -> RequestStatus:
        """Where the request is in its lifecycle."""
        ...

    @property
    def assigned_at(self) -> datetime | None:
        """When the crew was assigned."""
        ...

    @property
    def eta_minutes(self) -> int | None:
        """The ETA given at assignment."""
        ...

    @property
    def arrive_due_at(self) -> datetime | None:
        """The arrival target."""
        ...


def projected_arrival(request: Travelling) -> datetime | None:
    """When the assigned crew should arrive (assignment + ETA), while it travels."""
    if (
        request.status not in TRAVELLING
        or request.assigned_at is None
        or request.eta_minutes is None
    ):
        return None
    return request.assigned_at + timedelta(minutes=request.eta_minutes)


def projected_overrun(request: Travelling) -> int:
    """Minutes by which the assigned crew is projected to miss the arrival target (0: on time)."""
    arrival = projected_arrival(request)
    return 0 if arrival is None else overrun_minutes(request.arrive_due_at, arrival)
