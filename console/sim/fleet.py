"""The simulated fleet: the seeded depots and crews, built in memory.

Uses the same layout function as ``python main.py seed`` (so the twin's fleet
is the demo database's fleet) without a database. Crews seeded as off duty or
out of service stay home; the rest form the day's roster.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np

from console.core.errors import ConfigError
from console.core.fleet_layout import VEHICLE_MIX, City, FleetLayout, layout_fleet, load_cities
from console.core.geo import ServiceArea
from console.core.vocab import CrewStatus, Skill, VehicleKind
from console.sim.scenario import Scenario

_LAYOUT_AT = datetime(2026, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class SimCrew:
    """One crew on the simulated roster."""

    id: int
    call_sign: str
    depot_id: int
    depot_code: str
    partner_id: int
    region: str
    """Province code (first two digits of the depot's administrative code)."""
    vehicle_kind: VehicleKind
    skills: frozenset[Skill]
    lat: float
    lon: float
    depot_lat: float
    depot_lon: float


def _in(code: str, prefixes: Sequence[str]) -> bool:
    return any(code.startswith(prefix) for prefix in prefixes)


def scenario_layout(
    scenario: Scenario,
    *,
    cities: Sequence[City] | None = None,
    area: ServiceArea | None = None,
) -> FleetLayout:
    """The whole seeded layout (every depot and crew) for the scenario's fleet seed."""
    return layout_fleet(
        scenario.fleet_seed,
        _LAYOUT_AT,
        cities if cities is not None else load_cities(),
        area or ServiceArea.default(),
    )


def scenario_depots(scenario: Scenario, layout: FleetLayout) -> list[dict[str, Any]]:
    """The depots in play: those in the scenario's regions, less the removed ones.

    A depot with no crew on today's roster is still in play (a plan may station crews there).
    """
    prefixes = scenario.fleet_regions or tuple(r.code for r in scenario.regions)
    depots = [d for d in layout.depots if _in(d["adcode"], prefixes)]
    codes = {d["code"] for d in depots}
    for code in scenario.remove_depots:
        if code not in codes:
            raise ConfigError(
                "config.invalid",
                path=scenario.source,
                detail=f"remove_depots: no depot {code} in this scenario's fleet",
            )
    return [d for d in depots if d["code"] not in scenario.remove_depots]


def build_fleet(
    scenario: Scenario,
    rng: np.random.Generator,
    *,
    cities: Sequence[City] | None = None,
    area: ServiceArea | None = None,
) -> list[SimCrew]:
    """The roster for ``scenario`` with its what-ifs applied (removed depots, +/- crews)."""
    layout = scenario_layout(scenario, cities=cities, area=area)
    depots = {d["id"]: d for d in scenario_depots(scenario, layout)}
    roster: list[SimCrew] = []
    for crew in layout.crews:
        depot = depots.get(crew["depot_id"])
        if depot is None or crew["status"] != CrewStatus.AVAILABLE.value:
            continue
        roster.append(
            SimCrew(
                id=crew["id"],
                call_sign=crew["call_sign"],
                depot_id=depot["id"],
                depot_code=depot["code"],
                partner_id=depot["partner_id"],
                region=depot["adcode"][:2],
                vehicle_kind=VehicleKind(crew["vehicle_kind"]),
                skills=frozenset(Skill(s) for s in crew["skills"]),
                lat=crew["lat"],
                lon=crew["lon"],
                depot_lat=depot["lat"],
                depot_lon=depot["lon"],
            )
        )
    if scenario.remove_crews:
        if scenario.remove_crews >= len(roster):
            raise ConfigError(
                "config.invalid",
                path=scenario.source,
                detail=f"remove_crews: only {len(roster)} crews on the roster",
            )
        drop = set(rng.choice(len(roster), size=scenario.remove_crews, replace=False).tolist())
        roster = [c for i, c in enumerate(roster) if i not in drop]
    if scenario.add_crews:
        if not depots:
            raise ConfigError(
                "config.invalid", path=scenario.source, detail="add_crews: no depot to add them to"
            )
        roster += _extra_crews(scenario.add_crews, list(depots.values()), rng, len(layout.crews))
    if not roster:
        raise ConfigError(
            "config.invalid", path=scenario.source, detail="fleet_regions: no crew on the roster"
        )
    return roster


def _extra_crews(
    count: int, depots: list[dict[str, object]], rng: np.random.Generator, first_id: int
) -> list[SimCrew]:
    """``count`` new crews, round-robin over the depots, vehicles drawn from the seed's mix."""
    kinds = [kind for kind, _ in VEHICLE_MIX]
    weights = np.array([w for _, w in VEHICLE_MIX])
    drawn = rng.choice(len(kinds), size=count, p=weights / weights.sum())
    extra = []
    for n in range(count):
        depot = depots[n % len(depots)]
        kind = kinds[int(drawn[n])]
        skills = (
            frozenset({Skill.EV_HV_CERTIFIED})
            if kind is VehicleKind.EV_SERVICE_VAN
            else frozenset()
        )
        lat, lon = float(str(depot["lat"])), float(str(depot["lon"]))
        extra.append(
            SimCrew(
                id=first_id + n + 1,
                call_sign=f"SIM-{n + 1:04d}",
                depot_id=int(str(depot["id"])),
                depot_code=str(depot["code"]),
                partner_id=int(str(depot["partner_id"])),
                region=str(depot["adcode"])[:2],
                vehicle_kind=kind,
                skills=skills,
                lat=lat,
                lon=lon,
                depot_lat=lat,
                depot_lon=lon,
            )
        )
    return extra
