"""The changes a coverage plan recommends, read from its file for the depots.

The file is the one :mod:`console.core.reach.plan_format` defines, read leniently:
the seeds, the budget and crew ids may be left out, and so may a move's vehicle
kind (the live fleet knows it). A mistake is one
:class:`~console.core.errors.ValidationError` ``plan_moves.invalid`` naming the
file and the entry, and nothing is returned.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from console.core.errors import ValidationError
from console.core.reach.plan_format import (
    CoveragePlan,
    PlanFormatError,
    parse_plan,
    read_plan_file,
)
from console.core.vocab import Skill, VehicleKind

__all__ = [
    "ChangeKind",
    "PlanChange",
    "PlanMoves",
    "parse_plan_moves",
    "plan_changes",
    "read_plan_moves",
]


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
    try:
        return plan_changes(read_plan_file(path, complete=False))
    except PlanFormatError as exc:
        raise _refused(str(path), exc) from None


def parse_plan_moves(document: object, where: str) -> PlanMoves:
    """Check a parsed plan document; ``where`` names it in errors."""
    try:
        return plan_changes(parse_plan(document, complete=False))
    except PlanFormatError as exc:
        raise _refused(where, exc) from None


def plan_changes(plan: CoveragePlan) -> PlanMoves:
    """A plan's changes, moves first, then new crews, then training."""
    moves = (
        PlanChange(ChangeKind.MOVE, m.call_sign, m.vehicle_kind, from_depot=m.from_depot,
                   to_depot=m.to_depot)
        for m in plan.moves
    )  # fmt: skip
    additions = (
        PlanChange(ChangeKind.ADD, a.call_sign, a.vehicle_kind, a.skills, to_depot=a.depot)
        for a in plan.additions
    )
    reskills = (PlanChange(ChangeKind.RESKILL, r.call_sign, skills=r.skills) for r in plan.reskills)
    return PlanMoves(scenario=plan.scenario, changes=(*moves, *additions, *reskills))


def _refused(where: str, exc: PlanFormatError) -> ValidationError:
    """The console's one error for a file that is not a plan."""
    return ValidationError("plan_moves.invalid", path=where, detail=str(exc))
