"""Ways to every node of a script set: the answers that lead from the case entry to it.

Used by tests that must look at every node as a dispatcher sees it. The walk
takes every answer (and one number in every band) of every node it meets,
so nodes that apply only after an answer sets a fact are reached too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from console.core.guidance import GuidanceLibrary, GuidanceRun, Node

Place = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Move:
    """One answer: the index of an answer button, or a number typed in."""

    index: int = -1
    number: float | None = None


def band_value(node: Node, index: int) -> float:
    """A number that falls in the ``index``-th band of a number question."""
    answer = node.answers[index]
    if answer.low is not None:
        return answer.low
    if answer.high is not None:
        return max(0.0, answer.high - 1)
    return 0.0


def _moves(node: Node) -> list[Move]:
    if node.kind == "number":
        return [Move(number=band_value(node, i)) for i in range(len(node.answers))]
    return [Move(index=i) for i in range(len(node.answers))]


def _apply(run: GuidanceRun, move: Move) -> None:
    if move.number is not None:
        run.answer_number(move.number)
    else:
        run.answer(run.node.answers[move.index].id)


def paths_to_every_node(
    library: GuidanceLibrary, facts: Mapping[str, str | bool]
) -> dict[Place, tuple[Move, ...]]:
    """For each node reachable from the case entry with ``facts``: the moves that reach it."""
    found: dict[Place, tuple[Move, ...]] = {}
    seen: set[tuple[Place, frozenset[tuple[str, str | bool]], frozenset[tuple[str, str]]]] = set()

    def visit(moves: tuple[Move, ...]) -> None:
        run = GuidanceRun(library, facts)
        for move in moves:
            _apply(run, move)
        place = (run.protocol.id, run.node.id)
        key = (place, frozenset(run.facts.items()), frozenset(run.answers().items()))
        if key in seen:
            return
        seen.add(key)
        found.setdefault(place, moves)
        if run.finished:
            return
        for move in _moves(run.node):
            visit((*moves, move))

    visit(())
    return found
