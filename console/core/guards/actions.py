"""Which progress actions a request offers: the lifecycle allows it and the service fits.

"Start tow" is offered on a tow only, never on a jump start; nothing that
needs a crew is offered on remote guidance.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from console.core.lifecycle import can_move, fits_service
from console.core.vocab import OPEN_STATUSES, RequestStatus, ServiceType

S = RequestStatus


class Action(StrEnum):
    """A dispatcher's progress action on one request (the value is its stable key)."""

    TRIAGE = "triage"
    QUEUE = "queue"
    RESOLVE = "resolve"
    EN_ROUTE = "en_route"
    ON_SCENE = "on_scene"
    TOW = "tow"
    COMPLETE = "complete"
    RELEASE = "release"
    CANCEL = "cancel"


@dataclass(frozen=True, slots=True)
class ActionMove:
    """The lifecycle move an action makes, and the statuses it is offered from."""

    target: RequestStatus
    sources: frozenset[RequestStatus]


ACTION_MOVES: Mapping[Action, ActionMove] = {
    Action.TRIAGE: ActionMove(S.TRIAGE, frozenset({S.NEW})),
    Action.QUEUE: ActionMove(S.QUEUED, frozenset({S.TRIAGE})),
    # A caller still waiting in the queue may be talked through a fix.
    Action.RESOLVE: ActionMove(S.RESOLVED_REMOTELY, frozenset({S.TRIAGE, S.QUEUED})),
    Action.EN_ROUTE: ActionMove(S.EN_ROUTE, frozenset({S.ASSIGNED})),
    Action.ON_SCENE: ActionMove(S.ON_SCENE, frozenset({S.EN_ROUTE})),
    Action.TOW: ActionMove(S.TOWING, frozenset({S.ON_SCENE})),
    Action.COMPLETE: ActionMove(S.COMPLETED, frozenset({S.ON_SCENE, S.TOWING})),
    # Two actions lead to QUEUED: releasing the crew is offered only while one is held.
    Action.RELEASE: ActionMove(S.QUEUED, frozenset({S.ASSIGNED, S.EN_ROUTE})),
    Action.CANCEL: ActionMove(S.CANCELLED, OPEN_STATUSES),
}
"""Every action's move."""


class ActionSubject(Protocol):
    """What :func:`available_actions` reads of a request."""

    @property
    def status(self) -> RequestStatus:
        """Where the request is in its lifecycle."""
        ...

    @property
    def service_type(self) -> ServiceType:
        """What the caller needs."""
        ...


def is_available(action: Action, request: ActionSubject) -> bool:
    """True when ``action`` fits ``request`` now (see :func:`available_actions`)."""
    move = ACTION_MOVES[action]
    return (
        request.status in move.sources
        and can_move(request.status, move.target)
        and fits_service(request.service_type, move.target)
    )


def available_actions(request: ActionSubject) -> set[Action]:
    """The actions to offer on ``request``: the lifecycle allows them and the service fits."""
    return {action for action in Action if is_available(action, request)}
