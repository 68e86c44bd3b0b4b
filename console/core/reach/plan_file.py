"""The changes a coverage plan recommends, read from its file for the depots.

``roadside-console plan ... --out plan.json`` writes a versioned JSON file:

    {"format": "roadside-console/coverage-plan", "version": 1, "scenario": "live-demo",
     "moves": [{"call_sign", "from_depot", "to_depot", "vehicle_kind"?, "crew_id"?}, ...],
     "additions": [{"call_sign", "vehicle_kind", "skills", "depot"}, ...],
     "reskills": [{"call_sign", "skills"}, ...]}

(``format`` may be left out; other keys, such as the seeds the plan was made
with, are ignored here.) Every entry is checked; a mistake is one
:class:`~console.core.errors.ValidationError` ``plan_moves.invalid`` naming the
file and the entry, and nothing is returned.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, NoReturn

from console.core.errors import DomainError, ValidationError
from console.core.inputs import DocumentError, parse_json, read_text
from console.core.vocab import Skill, VehicleKind

__all__ = [
    "PLAN_FORMAT",
    "PLAN_VERSION",
    "ChangeKind",
    "PlanChange",
    "PlanMoves",
    "parse_plan_moves",
    "read_plan_moves",
]

PLAN_FORMAT = "roadside-console/coverage-plan"
PLAN_VERSION = 1
MAX_CHANGES = 20_000
"""More entries than a national fleet has crews: not a plan."""
MAX_TEXT = 64
"""Longest call sign or depot code accepted."""
PLAN_FILE_LIMIT = 10_000_000
"""Bytes read from a plan file at most."""


class ChangeKind(StrEnum):
    """What a plan asks a depot to do."""

    MOVE = "move"
    ADD = "add"
    RESKILL = "reskill"


@dataclass(frozen=True, slots=True)
class PlanChange:
    """One change for the depots: a crew moved, a crew added, or a crew trained."""

    kind: ChangeKind
    call_sign: str
    vehicle_kind: VehicleKind | None = None
    """None: the file does not say (the live fleet may)."""
    skills: frozenset[Skill] = frozenset()
    from_depot: str = ""
    to_depot: str = ""
    """The depot a moved or added crew goes to (a re-skilled crew stays: empty)."""


@dataclass(frozen=True)
class PlanMoves:
    """A plan's changes, moves first, in the file's order."""

    scenario: str
    changes: tuple[PlanChange, ...]

    def count(self, kind: ChangeKind) -> int:
        """How many changes of ``kind`` the plan holds."""
        return sum(1 for change in self.changes if change.kind is kind)


def read_plan_moves(path: Path) -> PlanMoves:
    """Read and check a plan file (``ValidationError`` ``plan_moves.invalid`` when it is not one)."""
    where = str(path)
    try:
        document = parse_json(read_text(path, limit=PLAN_FILE_LIMIT))
    except DomainError as exc:
        raise ValidationError("plan_moves.invalid", path=where, detail=exc.english()) from None
    except (DocumentError, ValueError) as exc:
        raise ValidationError("plan_moves.invalid", path=where, detail=f"not JSON: {exc}") from None
    return parse_plan_moves(document, where)


def parse_plan_moves(document: object, where: str) -> PlanMoves:
    """Check a parsed plan document; ``where`` names it in errors."""
    check = _Checker(where)
    top = check.table("the file", document)
    if "format" in top and top["format"] != PLAN_FORMAT:
        check.fail(f"format is {top['format']!r}, expected {PLAN_FORMAT!r}")
    if top.get("version") != PLAN_VERSION:
        check.fail(f"version must be {PLAN_VERSION}")
    scenario = top.get("scenario", "")
    if not isinstance(scenario, str):
        check.fail("scenario must be text")
    if "moves" not in top:
        check.fail("there is no moves list (is this a coverage plan?)")
    changes: list[PlanChange] = []
    for n, item in enumerate(check.entries("moves", top["moves"])):
        entry = check.table(f"moves[{n}]", item)
        kind = entry.get("vehicle_kind")
        changes.append(
            PlanChange(
                ChangeKind.MOVE,
                check.text(f"moves[{n}].call_sign", entry.get("call_sign")),
                None if kind is None else check.kind(f"moves[{n}].vehicle_kind", kind),
                from_depot=check.text(f"moves[{n}].from_depot", entry.get("from_depot")),
                to_depot=check.text(f"moves[{n}].to_depot", entry.get("to_depot")),
            )
        )
    for n, item in enumerate(check.entries("additions", top.get("additions", []))):
        entry = check.table(f"additions[{n}]", item)
        changes.append(
            PlanChange(
                ChangeKind.ADD,
                check.text(f"additions[{n}].call_sign", entry.get("call_sign")),
                check.kind(f"additions[{n}].vehicle_kind", entry.get("vehicle_kind")),
                check.skills(f"additions[{n}].skills", entry.get("skills", [])),
                to_depot=check.text(
                    f"additions[{n}].depot", entry.get("depot", entry.get("to_depot"))
                ),
            )
        )
    for n, item in enumerate(check.entries("reskills", top.get("reskills", []))):
        entry = check.table(f"reskills[{n}]", item)
        changes.append(
            PlanChange(
                ChangeKind.RESKILL,
                check.text(f"reskills[{n}].call_sign", entry.get("call_sign")),
                skills=check.skills(f"reskills[{n}].skills", entry.get("skills")),
            )
        )
    if len(changes) > MAX_CHANGES:
        check.fail(f"more than {MAX_CHANGES} changes")
    return PlanMoves(scenario=scenario, changes=tuple(changes))


class _Checker:
    """Field checks that fail with one error naming the file and the entry."""

    def __init__(self, where: str) -> None:
        self.where = where

    def fail(self, detail: str) -> NoReturn:
        raise ValidationError("plan_moves.invalid", path=self.where, detail=detail)

    def table(self, name: str, value: object) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            self.fail(f"{name} must be an object")
        return value

    def entries(self, name: str, value: object) -> Sequence[object]:
        if not isinstance(value, list):
            self.fail(f"{name} must be a list")
        if len(value) > MAX_CHANGES:
            self.fail(f"{name} has more than {MAX_CHANGES} entries")
        return value

    def text(self, name: str, value: object) -> str:
        if not isinstance(value, str) or not value.strip():
            self.fail(f"{name} must be non-empty text")
        text = value.strip()
        if len(text) > MAX_TEXT or not text.isprintable():
            self.fail(f"{name} must be at most {MAX_TEXT} printable characters")
        return text

    def kind(self, name: str, value: object) -> VehicleKind:
        try:
            return VehicleKind(str(value))
        except ValueError:
            self.fail(f"{name} {value!r} is not a vehicle kind")

    def skills(self, name: str, value: object) -> frozenset[Skill]:
        if not isinstance(value, list):
            self.fail(f"{name} must be a list")
        try:
            return frozenset(Skill(str(skill)) for skill in value)
        except ValueError:
            self.fail(f"{name} has an unknown skill in {value!r}")
