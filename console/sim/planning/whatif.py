"""The plan as a what-if file, and the roster it gives when the twin replays it.

A what-if file is versioned JSON naming the scenario and fleet seed it was
made for, the moves (crew id, call sign, from and to depot code), the
re-skills and the new crews. Reading checks every field and that the file
belongs to the scenario it is replayed on; a mistake is a :class:`ConfigError`
naming the file and the field.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, NoReturn

from console.core.errors import ConfigError, DomainError
from console.core.files import write_text
from console.core.inputs import DocumentError, parse_json, read_text
from console.core.vocab import Skill, VehicleKind
from console.sim.fleet import SimCrew
from console.sim.planning.planner import Plan
from console.sim.scenario import Scenario

FORMAT = "roadside-console/coverage-plan"
VERSION = 1


@dataclass(frozen=True)
class PlannedMove:
    """A crew to station at another depot."""

    crew_id: int
    call_sign: str
    from_depot: str
    to_depot: str


@dataclass(frozen=True)
class PlannedReskill:
    """Skills a crew is trained for."""

    crew_id: int
    call_sign: str
    skills: frozenset[Skill]


@dataclass(frozen=True)
class PlannedAddition:
    """A new crew at a depot."""

    call_sign: str
    vehicle_kind: VehicleKind
    skills: frozenset[Skill]
    depot: str


@dataclass(frozen=True)
class WhatIfPlan:
    """A plan's changes to the roster, for the scenario and fleet seed it was made for."""

    scenario: str
    seed: int
    fleet_seed: int
    budget: int
    moves: tuple[PlannedMove, ...] = ()
    reskills: tuple[PlannedReskill, ...] = ()
    additions: tuple[PlannedAddition, ...] = ()

    def to_json(self) -> str:
        """The file's text (deterministic)."""
        document = {
            "format": FORMAT,
            "version": VERSION,
            "scenario": self.scenario,
            "seed": self.seed,
            "fleet_seed": self.fleet_seed,
            "budget": self.budget,
            "moves": [
                {
                    "crew_id": m.crew_id,
                    "call_sign": m.call_sign,
                    "from_depot": m.from_depot,
                    "to_depot": m.to_depot,
                }
                for m in self.moves
            ],
            "reskills": [
                {"crew_id": r.crew_id, "call_sign": r.call_sign, "skills": sorted(r.skills)}
                for r in self.reskills
            ],
            "additions": [
                {
                    "call_sign": a.call_sign,
                    "vehicle_kind": a.vehicle_kind.value,
                    "skills": sorted(a.skills),
                    "depot": a.depot,
                }
                for a in self.additions
            ],
        }
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def from_plan(plan: Plan) -> WhatIfPlan:
    """The what-if of a computed plan; new crews get call signs PLAN-0001, ..."""
    return WhatIfPlan(
        scenario=plan.scenario.name,
        seed=plan.seed,
        fleet_seed=plan.scenario.fleet_seed,
        budget=plan.budget,
        moves=tuple(
            PlannedMove(m.crew.id, m.crew.call_sign, m.source.code, m.to.code) for m in plan.moves
        ),
        reskills=tuple(
            PlannedReskill(r.crew.id, r.crew.call_sign, r.skills) for r in plan.reskills
        ),
        additions=tuple(
            PlannedAddition(f"PLAN-{n:04d}", a.kind, a.skills, a.station.code)
            for n, a in enumerate(plan.additions, start=1)
        ),
    )


def write_plan(path: Path, plan: WhatIfPlan) -> None:
    """Write the what-if file atomically."""
    write_text(path, plan.to_json())


def read_plan(path: Path) -> WhatIfPlan:
    """Read and check a what-if file (ConfigError names the file and the field)."""
    where = str(path)
    try:
        document = parse_json(read_text(path))
    except DomainError as exc:
        raise ConfigError("config.invalid", path=where, detail=exc.english()) from None
    except (DocumentError, ValueError) as exc:
        raise ConfigError("config.invalid", path=where, detail=f"not JSON: {exc}") from None
    return parse_plan(document, where)


def parse_plan(document: object, where: str) -> WhatIfPlan:
    """Validate a parsed what-if document."""
    check = _Checker(where)
    top = check.table("(top level)", document)
    if top.get("format") != FORMAT:
        check.fail("format", f"expected {FORMAT!r} (is this a coverage plan?)")
    if top.get("version") != VERSION:
        check.fail(
            "version", f"version {top.get('version')!r} is not supported (expected {VERSION})"
        )
    moves = tuple(
        PlannedMove(
            crew_id=check.whole(f"moves[{n}].crew_id", item.get("crew_id")),
            call_sign=check.text(f"moves[{n}].call_sign", item.get("call_sign")),
            from_depot=check.text(f"moves[{n}].from_depot", item.get("from_depot")),
            to_depot=check.text(f"moves[{n}].to_depot", item.get("to_depot")),
        )
        for n, item in enumerate(check.items("moves", top))
    )
    reskills = tuple(
        PlannedReskill(
            crew_id=check.whole(f"reskills[{n}].crew_id", item.get("crew_id")),
            call_sign=check.text(f"reskills[{n}].call_sign", item.get("call_sign")),
            skills=check.skills(f"reskills[{n}].skills", item.get("skills"), empty=False),
        )
        for n, item in enumerate(check.items("reskills", top))
    )
    additions = tuple(
        PlannedAddition(
            call_sign=check.text(f"additions[{n}].call_sign", item.get("call_sign")),
            vehicle_kind=check.kind(f"additions[{n}].vehicle_kind", item.get("vehicle_kind")),
            skills=check.skills(f"additions[{n}].skills", item.get("skills"), empty=True),
            depot=check.text(f"additions[{n}].depot", item.get("depot")),
        )
        for n, item in enumerate(check.items("additions", top))
    )
    return WhatIfPlan(
        scenario=check.text("scenario", top.get("scenario")),
        seed=check.whole("seed", top.get("seed")),
        fleet_seed=check.whole("fleet_seed", top.get("fleet_seed")),
        budget=check.whole("budget", top.get("budget")),
        moves=moves,
        reskills=reskills,
        additions=additions,
    )


def apply_plan(
    plan: WhatIfPlan,
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
        if move.crew_id in changed:
            check.fail(f"moves[{n}]", f"crew {move.call_sign} is moved twice")
        depot = _depot(check, f"moves[{n}].to_depot", by_code, move.to_depot)
        changed[move.crew_id] = _stationed(crew, depot)
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
    check: _Checker, where: str, crews: dict[int, SimCrew], crew_id: int, call_sign: str
) -> SimCrew:
    crew = crews.get(crew_id)
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
    """Typed reads of a what-if document, each failure naming the file and the field."""

    def __init__(self, where: str) -> None:
        self.where = where

    def fail(self, field: str, detail: str) -> NoReturn:
        raise ConfigError("config.invalid", path=self.where, detail=f"{field}: {detail}")

    def table(self, field: str, value: object) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.fail(field, "an object of keys and values")
        return {str(k): v for k, v in value.items()}

    def items(self, field: str, top: dict[str, Any]) -> list[dict[str, Any]]:
        value = top.get(field, [])
        if not isinstance(value, list):
            self.fail(field, "a list")
        return [self.table(f"{field}[{n}]", item) for n, item in enumerate(value)]

    def text(self, field: str, value: object) -> str:
        if not isinstance(value, str) or not value.strip():
            self.fail(field, "a non-empty text")
        return value

    def whole(self, field: str, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.fail(field, "a whole number, 0 or more")
        return value

    def kind(self, field: str, value: object) -> VehicleKind:
        try:
            return VehicleKind(str(value))
        except ValueError:
            self.fail(field, f"one of {', '.join(k.value for k in VehicleKind)}")

    def skills(self, field: str, value: object, *, empty: bool) -> frozenset[Skill]:
        if not isinstance(value, list) or (not empty and not value):
            self.fail(field, "a list of skills" + ("" if empty else " (at least one)"))
        try:
            return frozenset(Skill(str(s)) for s in value)
        except ValueError:
            self.fail(field, f"skills are {', '.join(s.value for s in Skill)}")
