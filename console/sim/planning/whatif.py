"""The plan as a what-if file, and the roster it gives when the twin replays it.

The file is the coverage-plan format of :mod:`console.core.reach.plan_format`,
read complete: the twin needs the scenario and fleet seed it was made for and
every crew's id. Replaying checks that the file belongs to the scenario it is
replayed on; a mistake is a :class:`ConfigError` naming the file and the field.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, NoReturn

from console.core.errors import ConfigError
from console.core.files import write_text
from console.core.reach.plan_format import (
    CoveragePlan,
    PlanFormatError,
    PlannedAddition,
    PlannedMove,
    PlannedReskill,
    read_plan_file,
)
from console.sim.fleet import SimCrew
from console.sim.planning.planner import Plan
from console.sim.scenario import Scenario

__all__ = ["apply_plan", "from_plan", "read_plan", "write_plan"]


def from_plan(plan: Plan) -> CoveragePlan:
    """The what-if of a computed plan; new crews get call signs PLAN-0001, ..."""
    return CoveragePlan(
        scenario=plan.scenario.name,
        seed=plan.seed,
        fleet_seed=plan.scenario.fleet_seed,
        budget=plan.budget,
        moves=tuple(
            PlannedMove(m.crew.id, m.crew.call_sign, m.source.code, m.to.code, m.crew.vehicle_kind)
            for m in plan.moves
        ),
        reskills=tuple(
            PlannedReskill(r.crew.id, r.crew.call_sign, r.skills) for r in plan.reskills
        ),
        additions=tuple(
            PlannedAddition(f"PLAN-{n:04d}", a.kind, a.skills, a.station.code)
            for n, a in enumerate(plan.additions, start=1)
        ),
    )


def write_plan(path: Path, plan: CoveragePlan) -> None:
    """Write the what-if file atomically."""
    write_text(path, plan.to_json())


def read_plan(path: Path) -> CoveragePlan:
    """Read and check a what-if file (ConfigError names the file and the field)."""
    try:
        return read_plan_file(path, complete=True)
    except PlanFormatError as exc:
        _refuse(str(path), "", str(exc))


def apply_plan(
    plan: CoveragePlan,
    scenario: Scenario,
    roster: Sequence[SimCrew],
    depots: Sequence[dict[str, Any]],
    *,
    where: str = "<plan>",
) -> list[SimCrew]:
    """``roster`` with the plan's moves, re-skills and new crews.

    A moved or new crew starts the day at its new depot and returns there
    after each job. The plan must be for ``scenario`` and its fleet seed, and
    name only crews on the roster and depots of the scenario.
    """
    check = _Checker(where)
    if plan.scenario != scenario.name:
        check.fail("scenario", f"the plan is for {plan.scenario!r}, not {scenario.name!r}")
    if plan.fleet_seed != scenario.fleet_seed:
        check.fail(
            "fleet_seed",
            f"the plan is for fleet seed {plan.fleet_seed}, the scenario has {scenario.fleet_seed}",
        )
    by_code = {str(d["code"]): d for d in depots}
    crews = {crew.id: crew for crew in roster}
    changed: dict[int, SimCrew] = {}
    for n, move in enumerate(plan.moves):
        crew = _crew(check, f"moves[{n}]", crews, move.crew_id, move.call_sign)
        if crew.depot_code != move.from_depot:
            check.fail(
                f"moves[{n}].from_depot",
                f"crew {move.call_sign} is at depot {crew.depot_code}, not {move.from_depot}",
            )
        if crew.id in changed:
            check.fail(f"moves[{n}]", f"crew {move.call_sign} is moved twice")
        depot = _depot(check, f"moves[{n}].to_depot", by_code, move.to_depot)
        changed[crew.id] = _stationed(crew, depot)
    for n, reskill in enumerate(plan.reskills):
        crew = _crew(check, f"reskills[{n}]", crews, reskill.crew_id, reskill.call_sign)
        current = changed.get(crew.id, crew)
        changed[crew.id] = replace(current, skills=current.skills | reskill.skills)
    planned = [changed.get(crew.id, crew) for crew in roster]
    signs = {crew.call_sign for crew in roster}
    next_id = max((crew.id for crew in roster), default=0) + 1
    for n, addition in enumerate(plan.additions):
        if addition.call_sign in signs:
            check.fail(
                f"additions[{n}].call_sign", f"{addition.call_sign} is already on the roster"
            )
        signs.add(addition.call_sign)
        depot = _depot(check, f"additions[{n}].depot", by_code, addition.depot)
        lat, lon = float(depot["lat"]), float(depot["lon"])
        planned.append(
            SimCrew(
                id=next_id + n,
                call_sign=addition.call_sign,
                depot_id=int(depot["id"]),
                depot_code=str(depot["code"]),
                partner_id=int(depot["partner_id"]),
                region=str(depot["adcode"])[:2],
                vehicle_kind=addition.vehicle_kind,
                skills=addition.skills,
                lat=lat,
                lon=lon,
                depot_lat=lat,
                depot_lon=lon,
            )
        )
    return planned


def _stationed(crew: SimCrew, depot: dict[str, Any]) -> SimCrew:
    lat, lon = float(depot["lat"]), float(depot["lon"])
    return replace(
        crew,
        depot_id=int(depot["id"]),
        depot_code=str(depot["code"]),
        partner_id=int(depot["partner_id"]),
        region=str(depot["adcode"])[:2],
        lat=lat,
        lon=lon,
        depot_lat=lat,
        depot_lon=lon,
    )


def _crew(
    check: _Checker, where: str, crews: dict[int, SimCrew], crew_id: int | None, call_sign: str
) -> SimCrew:
    # A plan read for replay always names its crews; one built in code may not.
    crew = None if crew_id is None else crews.get(crew_id)
    if crew is None:
        check.fail(f"{where}.crew_id", f"no crew {crew_id} ({call_sign}) on this scenario's roster")
    if crew.call_sign != call_sign:
        check.fail(
            f"{where}.call_sign",
            f"crew {crew_id} is {crew.call_sign} on the roster, not {call_sign}",
        )
    return crew


def _depot(
    check: _Checker, where: str, by_code: dict[str, dict[str, Any]], code: str
) -> dict[str, Any]:
    depot = by_code.get(code)
    if depot is None:
        check.fail(where, f"no depot {code} in this scenario's fleet")
    return depot


class _Checker:
    """Failures of a replay, each naming the file and the field."""

    def __init__(self, where: str) -> None:
        self.where = where

    def fail(self, field: str, detail: str) -> NoReturn:
        _refuse(self.where, field, detail)


def _refuse(where: str, field: str, detail: str) -> NoReturn:
    """The twin's one error for a plan it cannot replay."""
    raise ConfigError(
        "config.invalid", path=where, detail=f"{field}: {detail}" if field else detail
    ) from None
