"""Guard rails at the moments that matter: which actions fit a job, and when to ask first.

Pure rules, no Qt: :mod:`.actions` says which progress actions a request
offers, :mod:`.arrival` whether a crew's ETA misses the arrival target and
which crew would do better, :mod:`.scene` whether "on scene" is plausible
from the crew's last GPS fix. The interface only shows what they decide.
"""

from __future__ import annotations

from console.core.guards.actions import (
    ACTION_MOVES,
    Action,
    ActionMove,
    available_actions,
    is_available,
)
from console.core.guards.arrival import (
    ArrivalWarning,
    arrival_target,
    arrival_warning,
    best_alternative,
    overrun_minutes,
    projected_arrival,
    projected_overrun,
)
from console.core.guards.scene import ON_SCENE_RADIUS_KM, SceneCheck, check_on_scene

__all__ = [
    "ACTION_MOVES",
    "ON_SCENE_RADIUS_KM",
    "Action",
    "ActionMove",
    "ArrivalWarning",
    "SceneCheck",
    "arrival_target",
    "arrival_warning",
    "available_actions",
    "best_alternative",
    "check_on_scene",
    "is_available",
    "overrun_minutes",
    "projected_arrival",
    "projected_overrun",
]
