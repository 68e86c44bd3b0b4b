"""The coverage-plan file: its document model, its JSON text, and reading it back.

``roadside-console plan ... --out plan.json`` writes a versioned JSON file that
both the console's "Plan moves" dialog and the twin's ``simulate --what-if`` read:

    {"format": "roadside-console/coverage-plan", "version": 1, "scenario": "live-demo",
     "seed": 1, "fleet_seed": 20261123, "budget": 0,
     "moves": [{"crew_id", "call_sign", "vehicle_kind", "from_depot", "to_depot"}, ...],
     "reskills": [{"crew_id", "call_sign", "skills"}, ...],
     "additions": [{"call_sign", "vehicle_kind", "skills", "depot"}, ...]}

Reading checks every field; a mistake is one :class:`PlanFormatError` naming the
field. A file read for replay (``complete=True``) must also say its format, its
scenario, seeds and budget and every crew's id; a file read for the depots may
leave them out, and its moves may leave out the vehicle kind (the live fleet
knows it). A file without ``format`` must at least have a ``moves`` list.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from console.core.errors import DomainError
from console.core.inputs import DocumentError, parse_json, read_text
from console.core.vocab import Skill, VehicleKind

__all__ = [
    "MAX_CHANGES",
    "PLAN_FORMAT",
    "PLAN_VERSION",
    "CoveragePlan",
    "PlanFormatError",
    "PlannedAddition",
    "PlannedMove",
    "PlannedReskill",
    "parse_plan",
    "read_plan_file",
]

PLAN_FORMAT = "roadside-console/coverage-plan"
PLAN_VERSION = 1
MAX_CHANGES = 20_000
"""More entries than a national fleet has crews: not a plan."""
MAX_TEXT = 64
"""Longest call sign, depot code or scenario name accepted."""
PLAN_FILE_LIMIT = 10_000_000
"""Bytes read from a plan file at most."""


class PlanFormatError(ValueError):
    """A plan file that is not one; ``field`` names the offending field ("" for the file)."""

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"{field} {problem}" if field else problem)


@dataclass(frozen=True)
class PlannedMove:
    """A crew to station at another depot."""

    crew_id: int | None
    """None: the file does not say (only a replay needs it)."""
    call_sign: str
    from_depot: str
    to_depot: str
    vehicle_kind: VehicleKind | None = None
    """None: the file does not say (the live fleet knows)."""


@dataclass(frozen=True)
class PlannedReskill:
    """Skills a crew is trained for."""

    crew_id: int | None
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
class CoveragePlan:
    """A plan's changes to the roster, for the scenario and fleet seed it was made for."""

    scenario: str
    seed: int | None
    fleet_seed: int | None
    budget: int | None
    moves: tuple[PlannedMove, ...] = ()
    reskills: tuple[PlannedReskill, ...] = ()
    additions: tuple[PlannedAddition, ...] = ()

    def to_json(self) -> str:
        """The file's text (deterministic; fields the plan does not know are left out)."""
        document: dict[str, object] = {"format": PLAN_FORMAT, "version": PLAN_VERSION}
        document.update(
            _known(scenario=self.scenario, seed=self.seed, fleet_seed=self.fleet_seed,
                   budget=self.budget)
        )  # fmt: skip
        document["moves"] = [
            _known(crew_id=m.crew_id, call_sign=m.call_sign,
                   vehicle_kind=m.vehicle_kind and m.vehicle_kind.value,
                   from_depot=m.from_depot, to_depot=m.to_depot)
            for m in self.moves
        ]  # fmt: skip
        document["reskills"] = [
            _known(crew_id=r.crew_id, call_sign=r.call_sign, skills=sorted(r.skills))
            for r in self.reskills
        ]
        document["additions"] = [
            {"call_sign": a.call_sign, "vehicle_kind": a.vehicle_kind.value,
             "skills": sorted(a.skills), "depot": a.depot}
            for a in self.additions
        ]  # fmt: skip
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _known(**fields: object) -> dict[str, object]:
    return {key: value for key, value in fields.items() if value is not None}


def read_plan_file(path: Path, *, complete: bool) -> CoveragePlan:
    """Read and check a plan file (:class:`PlanFormatError` when it is not one)."""
    try:
        document = parse_json(read_text(path, limit=PLAN_FILE_LIMIT))
    except DomainError as exc:
        raise PlanFormatError("", exc.english()) from None
    except (DocumentError, ValueError) as exc:
        raise PlanFormatError("", f"not JSON: {exc}") from None
    return parse_plan(document, complete=complete)


def parse_plan(document: object, *, complete: bool) -> CoveragePlan:
    """Check a parsed plan document; ``complete``: everything a replay needs must be there."""
    check = _Checker(complete)
    top = check.table("the file", document)
    if "format" in top or complete:
        if top.get("format") != PLAN_FORMAT:
            check.fail("format", f"is {top.get('format')!r}, expected {PLAN_FORMAT!r}")
    elif "moves" not in top:
        check.fail("", "there is no moves list (is this a coverage plan?)")
    version = top.get("version")
    if version != PLAN_VERSION:
        check.fail("version", f"{version!r} is not supported: version must be {PLAN_VERSION}")
    scenario = check.text("scenario", top.get("scenario", ""), empty=not complete)
    moves = tuple(
        PlannedMove(
            crew_id=check.whole(f"moves[{n}].crew_id", entry.get("crew_id")),
            call_sign=check.text(f"moves[{n}].call_sign", entry.get("call_sign")),
            from_depot=check.text(f"moves[{n}].from_depot", entry.get("from_depot")),
            to_depot=check.text(f"moves[{n}].to_depot", entry.get("to_depot")),
            vehicle_kind=check.optional_kind(f"moves[{n}].vehicle_kind", entry.get("vehicle_kind")),
        )
        for n, entry in enumerate(check.entries("moves", top))
    )
    additions = tuple(
        PlannedAddition(
            call_sign=check.text(f"additions[{n}].call_sign", entry.get("call_sign")),
            vehicle_kind=check.kind(f"additions[{n}].vehicle_kind", entry.get("vehicle_kind")),
            skills=check.skills(f"additions[{n}].skills", entry.get("skills", []), empty=True),
            depot=check.text(f"additions[{n}].depot", entry.get("depot", entry.get("to_depot"))),
        )
        for n, entry in enumerate(check.entries("additions", top))
    )
    reskills = tuple(
        PlannedReskill(
            crew_id=check.whole(f"reskills[{n}].crew_id", entry.get("crew_id")),
            call_sign=check.text(f"reskills[{n}].call_sign", entry.get("call_sign")),
            skills=check.skills(f"reskills[{n}].skills", entry.get("skills"), empty=False),
        )
        for n, entry in enumerate(check.entries("reskills", top))
    )
    if len(moves) + len(additions) + len(reskills) > MAX_CHANGES:
        check.fail("", f"more than {MAX_CHANGES} changes")
    return CoveragePlan(
        scenario=scenario,
        seed=check.whole("seed", top.get("seed")),
        fleet_seed=check.whole("fleet_seed", top.get("fleet_seed")),
        budget=check.whole("budget", top.get("budget")),
        moves=moves,
        reskills=reskills,
        additions=additions,
    )


class _Checker:
    """Typed reads of a plan document, each failure naming the field."""

    def __init__(self, complete: bool) -> None:
        self.complete = complete

    def fail(self, field: str, problem: str) -> NoReturn:
        raise PlanFormatError(field, problem)

    def table(self, field: str, value: object) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            self.fail(field, "must be an object")
        return value

    def entries(self, field: str, top: Mapping[str, Any]) -> list[Mapping[str, Any]]:
        value = top.get(field, [])
        if not isinstance(value, list):
            self.fail(field, "must be a list")
        if len(value) > MAX_CHANGES:
            self.fail(field, f"has more than {MAX_CHANGES} entries")
        return [self.table(f"{field}[{n}]", item) for n, item in enumerate(value)]

    def text(self, field: str, value: object, *, empty: bool = False) -> str:
        if empty and value == "":
            return ""
        if not isinstance(value, str) or not value.strip():
            self.fail(field, "must be non-empty text")
        text = value.strip()
        if len(text) > MAX_TEXT or not text.isprintable():
            self.fail(field, f"must be at most {MAX_TEXT} printable characters")
        return text

    def whole(self, field: str, value: object) -> int | None:
        """A whole number 0 or more; absent only when the file need not be complete."""
        if value is None and not self.complete:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.fail(field, "must be a whole number, 0 or more")
        return value

    def kind(self, field: str, value: object) -> VehicleKind:
        try:
            return VehicleKind(str(value))
        except ValueError:
            self.fail(field, f"{value!r} is not a vehicle kind")

    def optional_kind(self, field: str, value: object) -> VehicleKind | None:
        return None if value is None else self.kind(field, value)

    def skills(self, field: str, value: object, *, empty: bool) -> frozenset[Skill]:
        if not isinstance(value, list) or not (empty or value):
            self.fail(field, "must be a list of skills" + ("" if empty else " (at least one)"))
        try:
            return frozenset(Skill(str(skill)) for skill in value)
        except ValueError:
            self.fail(field, f"has an unknown skill in {value!r}")
