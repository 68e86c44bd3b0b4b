"""The request state machine: which status may follow which.

NEW -> TRIAGE -> (RESOLVED_REMOTELY | QUEUED) -> ASSIGNED -> EN_ROUTE -> ON_SCENE
-> (TOWING) -> COMPLETED. CANCELLED from any open state (with a reason);
ASSIGNED / EN_ROUTE -> QUEUED on reassignment (the crew is released).
"""

from __future__ import annotations

from console.core.errors import IllegalTransition
from console.core.vocab import RequestStatus as S
from console.core.vocab import ServiceType

TRANSITIONS: dict[S, frozenset[S]] = {
    S.NEW: frozenset({S.TRIAGE, S.CANCELLED}),
    S.TRIAGE: frozenset({S.RESOLVED_REMOTELY, S.QUEUED, S.CANCELLED}),
    # A caller still waiting may be talked through a fix (guided by phone).
    S.QUEUED: frozenset({S.ASSIGNED, S.RESOLVED_REMOTELY, S.CANCELLED}),
    S.ASSIGNED: frozenset({S.EN_ROUTE, S.QUEUED, S.CANCELLED}),
    S.EN_ROUTE: frozenset({S.ON_SCENE, S.QUEUED, S.CANCELLED}),
    S.ON_SCENE: frozenset({S.TOWING, S.COMPLETED, S.CANCELLED}),
    S.TOWING: frozenset({S.COMPLETED, S.CANCELLED}),
    S.RESOLVED_REMOTELY: frozenset(),
    S.COMPLETED: frozenset(),
    S.CANCELLED: frozenset(),
}
"""Allowed next statuses for each status."""

TERMINAL: frozenset[S] = frozenset(s for s, nxt in TRANSITIONS.items() if not nxt)
"""Statuses a request never leaves."""

CREW_HOLDING: frozenset[S] = frozenset({S.ASSIGNED, S.EN_ROUTE, S.ON_SCENE, S.TOWING})
"""Statuses in which a request holds exactly one crew."""


TOWING_SERVICES: frozenset[ServiceType] = frozenset({ServiceType.TOW})
"""Services whose crew may start a tow; no other job ever goes to TOWING."""

PHONE_ONLY_SERVICES: frozenset[ServiceType] = frozenset({ServiceType.REMOTE_GUIDANCE})
"""Services handled by phone: no crew is sent, so no crew-holding status fits them."""


def fits_service(service: ServiceType, target: S) -> bool:
    """True when a request for ``service`` may ever be in status ``target``.

    A jump start is never towed; remote guidance never holds a crew.
    """
    if target is S.TOWING and service not in TOWING_SERVICES:
        return False
    return not (target in CREW_HOLDING and service in PHONE_ONLY_SERVICES)


def can_move(current: S, target: S) -> bool:
    """True when ``current -> target`` is a legal lifecycle move."""
    return target in TRANSITIONS[current]


def check_move(current: S, target: S) -> None:
    """Raise :class:`IllegalTransition` unless ``current -> target`` is legal."""
    if not can_move(current, target):
        raise IllegalTransition(
            "lifecycle.illegal", from_status=current.value, to_status=target.value
        )


def check_fits(service: ServiceType, target: S) -> None:
    """Raise :class:`IllegalTransition` unless a ``service`` request may be in ``target``."""
    if not fits_service(service, target):
        raise IllegalTransition(
            "lifecycle.service_mismatch", service=service.value, to_status=target.value
        )


def path_to(target: S) -> list[S]:
    """The shortest chain of statuses from NEW to ``target`` (NEW excluded).

    Used by tests and the simulator to drive a fresh request to any status.
    """
    frontier: list[list[S]] = [[S.NEW]]
    seen = {S.NEW}
    while frontier:
        chain = frontier.pop(0)
        if chain[-1] is target:
            return chain[1:]
        for nxt in sorted(TRANSITIONS[chain[-1]]):
            if nxt not in seen:
                seen.add(nxt)
                frontier.append([*chain, nxt])
    raise ValueError(f"{target} is unreachable")
