"""Is "on scene" plausible? The distance from the crew's last GPS fix to the request.

A crew reported on scene while its last fix is more than a kilometre away (or
when it has no fix at all) is asked about first: a slip of the finger 9 s
after "en route", with the crew 98 km away, must not stop the arrival clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from console.core.geo import haversine_km

ON_SCENE_RADIUS_KM = 1.0
"""A crew whose last fix is farther than this from the scene is not plainly there."""


@dataclass(frozen=True, slots=True)
class SceneCheck:
    """Where the crew was last seen relative to the scene."""

    distance_km: float | None
    """Great-circle distance from the last fix to the request (None: no fix)."""
    fix_age: timedelta | None
    """How old the fix is (None: no fix)."""

    @property
    def needs_confirmation(self) -> bool:
        """True when the dispatcher should confirm "on scene" (far away, or no fix)."""
        return self.distance_km is None or self.distance_km > ON_SCENE_RADIUS_KM


def check_on_scene(
    request_lat: float,
    request_lon: float,
    *,
    crew_lat: float | None,
    crew_lon: float | None,
    gps_at: datetime | None,
    now: datetime,
) -> SceneCheck:
    """Compare the crew's last fix with the scene (a crew without a fix time has no fix)."""
    if crew_lat is None or crew_lon is None or gps_at is None:
        return SceneCheck(None, None)
    distance = haversine_km(request_lat, request_lon, crew_lat, crew_lon)
    return SceneCheck(distance, max(timedelta(0), now - gps_at))
