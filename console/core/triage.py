"""Priority from the intake answers: the safety rules of the call protocol.

The dispatcher asks the safety questions first; any safety risk makes the call
P1, a caller who asks for a later visit is P3, everything else is P2. The
result names every factor that counted, so the queue can say *why* a call is
P1. A dispatcher may override the derived priority, but only with a reason.

Stored reasons are English (like every code in the ledger); the UI translates
the known phrases when it shows them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from enum import StrEnum

from console.core.errors import ValidationError
from console.core.validation import require_text
from console.core.vocab import Priority, RoadType

__all__ = [
    "FACTOR_TEXT",
    "NIGHT_ENDS",
    "NIGHT_STARTS",
    "OVERRIDE_REASON_LIMIT",
    "SAFETY_FACTORS",
    "TriageAnswers",
    "TriageFactor",
    "TriageResult",
    "decide_priority",
    "derive_priority",
    "is_night",
    "override_reason",
    "parse_override_reason",
]

NIGHT_STARTS = time(20, 0)
"""Local time from which a call counts as a night call."""
NIGHT_ENDS = time(6, 0)
"""Local time at which night ends."""
OVERRIDE_REASON_LIMIT = 200
"""Longest override explanation (the stored reason adds a short prefix)."""

_OVERRIDE_PREFIX = "Override "


class TriageFactor(StrEnum):
    """One answer that decided the priority."""

    LIVE_LANE = "LIVE_LANE"
    INJURIES = "INJURIES"
    ACCIDENT = "ACCIDENT"
    SMOKE_OR_FIRE = "SMOKE_OR_FIRE"
    EV_WARNING = "EV_WARNING"
    EXPRESSWAY = "EXPRESSWAY"
    VULNERABLE_OCCUPANTS = "VULNERABLE_OCCUPANTS"
    NIGHT_REMOTE = "NIGHT_REMOTE"
    SCHEDULED = "SCHEDULED"
    NO_RISK = "NO_RISK"


FACTOR_TEXT: dict[TriageFactor, str] = {
    TriageFactor.LIVE_LANE: "Vehicle stopped in a live lane",
    TriageFactor.INJURIES: "Injuries reported",
    TriageFactor.ACCIDENT: "Collision reported",
    TriageFactor.SMOKE_OR_FIRE: "Smoke or fire reported",
    TriageFactor.EV_WARNING: "EV battery warning",
    TriageFactor.EXPRESSWAY: "Vehicle on an expressway",
    TriageFactor.VULNERABLE_OCCUPANTS: "Vulnerable occupants",
    TriageFactor.NIGHT_REMOTE: "Night-time in a remote place",
    TriageFactor.SCHEDULED: "Caller asked for a scheduled visit",
    TriageFactor.NO_RISK: "No safety risk reported",
}
"""The English phrase stored in ``priority_reason`` for each factor."""

SAFETY_FACTORS: tuple[TriageFactor, ...] = (
    TriageFactor.LIVE_LANE,
    TriageFactor.INJURIES,
    TriageFactor.ACCIDENT,
    TriageFactor.SMOKE_OR_FIRE,
    TriageFactor.EV_WARNING,
    TriageFactor.EXPRESSWAY,
    TriageFactor.VULNERABLE_OCCUPANTS,
    TriageFactor.NIGHT_REMOTE,
)
"""Factors that make a call P1, in the order the reason lists them."""


@dataclass(frozen=True, slots=True)
class TriageAnswers:
    """What the caller said, as far as priority is concerned."""

    in_live_lane: bool = False
    injuries: bool = False
    smoke_or_fire: bool = False
    ev_warning: bool = False
    vulnerable_occupants: bool = False
    road_type: RoadType = RoadType.URBAN
    local_time: time | None = None
    """Local time of the call; ``None`` when unknown (never counts as night)."""
    scheduled: bool = False
    """The caller asks for a visit later, not now."""
    accident: bool = False
    """The caller reports a collision (the fault "accident")."""


@dataclass(frozen=True, slots=True)
class TriageResult:
    """The derived priority and the factors behind it."""

    priority: Priority
    factors: tuple[TriageFactor, ...]

    @property
    def reason(self) -> str:
        """The factors as one English sentence for ``priority_reason``."""
        return "; ".join(FACTOR_TEXT[f] for f in self.factors)


def is_night(moment: time) -> bool:
    """True from :data:`NIGHT_STARTS` until :data:`NIGHT_ENDS` (local time)."""
    return moment >= NIGHT_STARTS or moment < NIGHT_ENDS


def derive_priority(answers: TriageAnswers) -> TriageResult:
    """Apply the protocol: any safety risk is P1, a scheduled visit P3, else P2."""
    present = {
        TriageFactor.LIVE_LANE: answers.in_live_lane,
        TriageFactor.INJURIES: answers.injuries,
        TriageFactor.ACCIDENT: answers.accident,
        TriageFactor.SMOKE_OR_FIRE: answers.smoke_or_fire,
        TriageFactor.EV_WARNING: answers.ev_warning,
        TriageFactor.EXPRESSWAY: answers.road_type is RoadType.EXPRESSWAY,
        TriageFactor.VULNERABLE_OCCUPANTS: answers.vulnerable_occupants,
        TriageFactor.NIGHT_REMOTE: (
            answers.road_type is RoadType.RURAL
            and answers.local_time is not None
            and is_night(answers.local_time)
        ),
    }
    risks = tuple(factor for factor in SAFETY_FACTORS if present[factor])
    if risks:
        # Safety beats the caller's wish to be seen later.
        return TriageResult(Priority.P1, risks)
    if answers.scheduled:
        return TriageResult(Priority.P3, (TriageFactor.SCHEDULED,))
    return TriageResult(Priority.P2, (TriageFactor.NO_RISK,))


def override_reason(derived: Priority, chosen: Priority, explanation: str) -> str:
    """The stored reason for a dispatcher's override: ``Override P1->P2: <why>``.

    Raises ``reason.required`` when the explanation is empty.
    """
    text = require_text("priority_reason", explanation, limit=OVERRIDE_REASON_LIMIT, required=False)
    if not text:
        raise ValidationError("reason.required", field="priority_reason")
    return f"{_OVERRIDE_PREFIX}{derived.value}->{chosen.value}: {text}"


def parse_override_reason(reason: str) -> tuple[Priority, Priority, str] | None:
    """Split a stored override reason into (derived, chosen, explanation), else ``None``."""
    if not reason.startswith(_OVERRIDE_PREFIX):
        return None
    head, sep, explanation = reason[len(_OVERRIDE_PREFIX) :].partition(": ")
    old, arrow, new = head.partition("->")
    if not sep or not arrow:
        return None
    try:
        return Priority(old), Priority(new), explanation
    except ValueError:
        return None


def decide_priority(
    derived: TriageResult, override: Priority | None = None, explanation: str = ""
) -> tuple[Priority, str]:
    """The priority and reason to store: the derived ones unless overridden.

    Choosing the derived priority again is not an override and needs no reason.
    """
    if override is None or override is derived.priority:
        return derived.priority, derived.reason
    return override, override_reason(derived.priority, override, explanation)
