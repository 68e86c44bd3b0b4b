"""The one place that maps permissions to the window's actions.

The service layer enforces every permission whatever the interface does; this
module only keeps the interface honest by not offering what the signed-in
role cannot do (hidden, not merely greyed out, so a dispatcher's screen is
not cluttered with supervisor tools).
"""

from __future__ import annotations

from console.core.roles import Permission, Principal
from console.core.vocab import CrewStatus
from console.ui.main_window import MainWindow
from console.ui.suggestion_panel import SuggestionPanel

__all__ = [
    "CREW_STATUS_PERMISSIONS",
    "DETAIL_ACTION_PERMISSIONS",
    "DEVICES_PERMISSION",
    "WINDOW_ACTION_PERMISSIONS",
    "apply_role",
]

P = Permission

WINDOW_ACTION_PERMISSIONS: dict[str, Permission] = {
    "new_call_action": P.TAKE_CALL,
    "assign_first_action": P.ASSIGN,
    "dashboard_action": P.VIEW_QUALITY,
}
"""MainWindow action attribute -> the permission it needs."""

DETAIL_ACTION_PERMISSIONS: dict[str, Permission] = {
    "triage": P.TRIAGE,
    "queue": P.TRIAGE,
    "resolve": P.TRIAGE,
    "en_route": P.PROGRESS,
    "on_scene": P.PROGRESS,
    "tow": P.PROGRESS,
    "complete": P.PROGRESS,
    "release": P.RELEASE_CREW,
    "cancel": P.CANCEL,
}
"""Request detail action key -> the permission it needs."""

CREW_STATUS_PERMISSIONS: dict[CrewStatus, Permission] = {
    CrewStatus.AVAILABLE: P.CREW_DUTY,
    CrewStatus.OFF_DUTY: P.CREW_DUTY,
    CrewStatus.OUT_OF_SERVICE: P.CREW_SERVICE,
}
"""Crew status a user may set by hand -> the permission it needs."""

DEVICES_PERMISSION = P.MANAGE_DEVICES
"""Registering and revoking crews' devices: an administrator's task, like accounts."""


def apply_role(
    window: MainWindow, principal: Principal, suggestions: SuggestionPanel | None = None
) -> None:
    """Hide every action of ``window`` (and its panels) that ``principal`` may not use."""
    for name, permission in WINDOW_ACTION_PERMISSIONS.items():
        allowed = principal.can(permission)
        action = getattr(window, name)
        action.setVisible(allowed)
        action.setEnabled(allowed)
    window.detail.permit_actions(
        frozenset(k for k, p in DETAIL_ACTION_PERMISSIONS.items() if principal.can(p))
    )
    window.detail.permit_pricing(principal.can(P.QUOTE))
    window.crew_board.permit_statuses(
        frozenset(s for s, p in CREW_STATUS_PERMISSIONS.items() if principal.can(p))
    )
    window.crew_menu.menuAction().setVisible(principal.can(P.CREW_DUTY))
    window.crew_board.permit_devices(principal.can(DEVICES_PERMISSION))
    revenue = getattr(window, "revenue", None)
    if revenue is not None:
        revenue.action.setVisible(principal.can(P.VIEW_QUALITY))
    if suggestions is not None:
        suggestions.permit_assign(principal.can(P.ASSIGN))
