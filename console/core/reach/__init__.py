"""Coverage now: how much of the expected demand a free capable crew can reach in time.

``groups`` names the capabilities a centre plans for (tow trucks, flatbeds, heavy
wreckers, EV-certified vans, service vans, bilingual crews) as predicates over a
crew's vehicle kind and skills; ``demand`` turns the service's cities into
weighted demand places; ``measure`` finds, for every place and group, the
nearest free capable crew and reports the share of demand within the arrival
target and the worst holes. ``plan_format`` defines the coverage-plan file the
planner writes and the twin replays; ``plan_file`` reads its changes for the
depots. (The package is not called ``coverage``: that name is taken by
entitlement coverage in pricing.)
"""

from __future__ import annotations

from console.core.reach.demand import DemandPlace, city_places
from console.core.reach.groups import GROUPS, CapabilityGroup, group_masks
from console.core.reach.measure import (
    Coverage,
    FreeCrew,
    GroupShare,
    Hole,
    measure,
)

__all__ = [
    "GROUPS",
    "CapabilityGroup",
    "Coverage",
    "DemandPlace",
    "FreeCrew",
    "GroupShare",
    "Hole",
    "city_places",
    "group_masks",
    "measure",
]
